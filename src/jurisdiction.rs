//! Jurisdiction profiles: takes the library's `jurisdictions/*.yaml` files and returns checked
//! [`Profile`]s, and resolves a profile with the answers (`jurisdiction.region`,
//! `jurisdiction.venue`) into a [`Place`]: the law and court phrases the contract uses, the
//! small-claims route, the holiday calendar, the statutory late-payment interest, the
//! freelancer-protection laws that apply, and the conventions (date style, spelling, currency).
//!
//! A profile is data, checked like a clause: every problem is reported at its file, line and
//! column (`clausewright check`). The templates are plain text with `{placeholders}`:
//! `{region}` (the region's name), `{venue}` (the answer `jurisdiction.venue`),
//! `{small_claims}` (the route's name) and, in the `other` profile, `{law}` and `{courts}` (the
//! free-text answers).

use std::collections::BTreeSet;

use jiff::civil::Date;
use rust_decimal::Decimal;
use serde::Deserialize;
use serde_saphyr::Spanned;

use crate::error::Diagnostic;
use crate::holidays::{Calendar, HolidayError};
use crate::interest::{LatePayment, RateRule};
use crate::yaml::{SourceFile, read_yaml};

mod words;
pub use words::PlaceWords;
pub(crate) use words::{load_words, without_words};

/// The folder of a library that holds its jurisdiction profiles.
pub const JURISDICTIONS_DIR: &str = "jurisdictions/";

/// The profile used when the answers name no country, or one without a profile.
pub const OTHER: &str = "other";

/// How dates are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum DateStyle {
    /// `March 2, 2026`
    MonthDayYear,
    /// `2 March 2026`
    DayMonthYear,
}

/// Which English spelling the contract uses where the two differ (license / licence).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Spelling {
    /// license (noun and verb), program
    American,
    /// licence (noun), license (verb)
    British,
}

/// The writing conventions of a place.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Conventions {
    /// Date style.
    pub date: DateStyle,
    /// Spelling.
    pub spelling: Spelling,
    /// The default currency (ISO 4217).
    pub currency: String,
}

/// What a freelancer-protection law requires the contract to hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Requirement {
    /// Names and mailing addresses of both parties.
    Parties,
    /// Phone numbers and email addresses of both parties.
    Contacts,
    /// An itemised list of the services and their value.
    Services,
    /// The rate and method of payment.
    Rate,
    /// The date of payment, or how it is set.
    PaymentDate,
    /// Payment at most thirty days after the work is delivered.
    #[serde(rename = "payment-within-30")]
    PaymentWithin30,
}

/// A law that protects freelancers in part of a country.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FreelancerLaw {
    /// Kebab-case id (`new-york-state`).
    pub id: String,
    /// Its name as the contract's notice cites it.
    pub name: String,
    /// The region (state) it applies in.
    pub region: String,
    /// Venues that select a city law (empty: the whole region).
    pub places: Vec<String>,
    /// The contract value from which it applies, in the profile's currency.
    pub threshold: Decimal,
    /// What the contract must hold.
    pub requires: Vec<Requirement>,
}

/// One region of a profile: a US state, a UK legal system, a German Land.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Region {
    /// The code an answer may give (`OR`, `ENG`).
    pub code: String,
    /// The name an answer may give, and `{region}` in templates (`Oregon`).
    pub name: String,
    /// The holiday calendar (default: `COUNTRY-CODE`).
    pub calendar: String,
    law: Option<String>,
    courts: Option<String>,
    courts_anywhere: Option<String>,
    small_claims: Option<String>,
}

/// A checked jurisdiction profile.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Profile {
    /// ISO 3166-1 alpha-2 code, or `other`.
    pub country: String,
    /// The country's name in a sentence (`the United Kingdom`).
    pub name: String,
    /// Date style, spelling and currency.
    pub conventions: Conventions,
    law: Option<String>,
    courts: Option<String>,
    courts_anywhere: Option<String>,
    small_claims: Option<String>,
    small_claims_clause: String,
    /// Statutory interest on late payment, where the law sets it.
    pub late_payment: Option<LatePayment>,
    /// The late fee (percent a month) above which `build` warns, where no statute sets one.
    pub late_fee_warning: Option<Decimal>,
    /// Whether a consumer may cancel a contract made at a distance or away from the
    /// freelancer's premises (and must be given the model form).
    pub consumer_cancellation: bool,
    /// What the interview calls a region (`state`).
    pub region_label: String,
    /// Whether a region must be given.
    pub region_required: bool,
    /// The regions, in file order.
    pub regions: Vec<Region>,
    /// Freelancer-protection laws.
    pub freelancer_laws: Vec<FreelancerLaw>,
    /// The file the profile came from, for messages.
    pub file: String,
    /// Where business days' holidays are said to be observed when no calendar is known (the
    /// `other` profile), in the language of the profile's words; English when `None`.
    holidays_elsewhere: Option<String>,
}

/// A profile resolved with the answers: what the contract, the letters and the calendar use.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    /// The country code, or `other`.
    pub country: String,
    /// The region's name, if one was given.
    pub region: Option<String>,
    /// "the laws of the State of Oregon"
    pub law: String,
    /// "the state courts located in Multnomah County, Oregon"
    pub courts: String,
    /// "the small claims court"
    pub small_claims: String,
    /// The dispute clause's sentence about the small-claims route.
    pub small_claims_clause: String,
    /// The holiday calendar's id, or `None` when no holidays are known.
    pub calendar: Option<String>,
    /// Where those holidays are observed, for the contract's definition of business days:
    /// "Oregon", "England and Wales", "Türkiye".
    pub holidays: String,
    /// Date style, spelling and currency.
    pub conventions: Conventions,
    /// Statutory interest on late payment, where the law sets it.
    pub late_payment: Option<LatePayment>,
    /// The late fee (percent a month) above which `build` warns.
    pub late_fee_warning: Option<Decimal>,
    /// Whether a consumer may cancel (and gets the model form).
    pub consumer_cancellation: bool,
    /// The freelancer-protection laws of the region (and venue).
    pub freelancer_laws: Vec<FreelancerLaw>,
}

impl Place {
    /// The holiday calendar: the place's, or Monday to Friday where none is known.
    pub fn calendar(&self) -> Result<Calendar, HolidayError> {
        self.calendar
            .as_deref()
            .map_or_else(|| Ok(Calendar::weekends_only()), Calendar::load)
    }
}

/// The answers a profile is resolved with.
#[derive(Debug, Clone, Copy, Default)]
pub struct PlaceAnswers<'a> {
    /// `jurisdiction.region`: a code (`OR`) or a name (`Oregon`).
    pub region: Option<&'a str>,
    /// `jurisdiction.venue`.
    pub venue: Option<&'a str>,
    /// `jurisdiction.law` (the `other` profile's free text: "the laws of ...").
    pub law: Option<&'a str>,
    /// `jurisdiction.courts` (the `other` profile's free text).
    pub courts: Option<&'a str>,
}

/// A region answered that the country does not have: the English reason, and the facts for
/// another language's words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotARegion {
    /// The English reason, the end of a sentence about `jurisdiction.region`.
    pub english: String,
    /// The answer as given.
    pub answer: String,
    /// The region the answer is closest to, when one is close (its code and name).
    pub suggestion: Option<(String, String)>,
    /// The codes of the country's regions; none when it has no regions.
    pub codes: Vec<String>,
}

impl Profile {
    /// The region an answer names, by code or name (case and surrounding spaces ignored).
    #[must_use]
    pub fn region(&self, answer: &str) -> Option<&Region> {
        let answer = answer.trim();
        self.regions.iter().find(|r| {
            r.code.eq_ignore_ascii_case(answer) || r.name.to_lowercase() == answer.to_lowercase()
        })
    }

    /// The region an answer names, or why it names none: the end of a sentence about
    /// `jurisdiction.region` ("is \"Illinios\", which is not a state of the United States (did
    /// you mean `IL`, Illinois?); give one of ..."), the one error `build` and the interview's
    /// question give.
    pub fn find_region(&self, answer: &str) -> Result<&Region, String> {
        self.find_region_why(answer)
            .map_err(|refusal| refusal.english)
    }

    /// [`Profile::find_region`], with the reason for a refusal as facts as well as English
    /// words: what the interview words in its own language.
    pub fn find_region_why(&self, answer: &str) -> Result<&Region, NotARegion> {
        if let Some(region) = self.region(answer) {
            return Ok(region);
        }
        let codes: Vec<&str> = self.regions.iter().map(|r| r.code.as_str()).collect();
        let suggested = (!codes.is_empty())
            .then(|| {
                self.regions
                    .iter()
                    .map(|r| {
                        (
                            strsim::jaro_winkler(&r.name.to_lowercase(), &answer.to_lowercase()),
                            r,
                        )
                    })
                    .filter(|(score, _)| *score > 0.85)
                    .max_by(|a, b| a.0.total_cmp(&b.0))
                    .map(|(_, r)| r)
            })
            .flatten();
        let english = if codes.is_empty() {
            format!(
                "`{answer}` is given, but {} has no regions; leave it out",
                self.name
            )
        } else {
            let suggestion = suggested
                .map(|r| format!(" (did you mean `{}`, {}?)", r.code, r.name))
                .unwrap_or_default();
            format!(
                "is \"{answer}\", which is not a {} of {}{suggestion}; give one of {}",
                self.region_label,
                self.name,
                codes.join(", ")
            )
        };
        Err(NotARegion {
            english,
            answer: answer.to_owned(),
            suggestion: suggested.map(|r| (r.code.clone(), r.name.clone())),
            codes: codes.into_iter().map(str::to_owned).collect(),
        })
    }

    /// The profile with the answers filled in. The error is the end of a sentence about
    /// `jurisdiction.region` or `.venue` ("is not a state of the United States; ...").
    #[allow(clippy::too_many_lines)]
    pub fn resolve(&self, answers: PlaceAnswers<'_>) -> Result<Place, (&'static str, String)> {
        let region = match answers.region.filter(|r| !r.trim().is_empty()) {
            Some(answer) => Some(
                self.find_region(answer)
                    .map_err(|message| ("jurisdiction.region", message))?,
            ),
            None if self.region_required => {
                return Err((
                    "jurisdiction.region",
                    format!(
                        "is required for {}: the {} whose law governs the contract",
                        self.name, self.region_label
                    ),
                ));
            }
            None => None,
        };
        let venue = answers.venue.map(str::trim).filter(|v| !v.is_empty());
        if self.country == OTHER {
            for (key, answer, what) in [
                (
                    "jurisdiction.law",
                    answers.law,
                    "the place whose law governs: \"the laws of ...\"",
                ),
                (
                    "jurisdiction.courts",
                    answers.courts,
                    "the courts that hear disputes",
                ),
            ] {
                if answer.is_none_or(|a| a.trim().is_empty()) {
                    return Err((
                        key,
                        format!("is required when the country has no profile: {what}"),
                    ));
                }
            }
        }
        let pick = |own: Option<&Option<String>>, general: &Option<String>| {
            own.and_then(Option::as_ref).or(general.as_ref()).cloned()
        };
        let small_claims =
            pick(region.map(|r| &r.small_claims), &self.small_claims).unwrap_or_default();
        let fill = |template: &str| {
            template
                .replace("{region}", region.map_or("", |r| r.name.as_str()))
                .replace("{venue}", venue.unwrap_or(""))
                .replace("{law}", answers.law.unwrap_or("").trim())
                .replace("{courts}", answers.courts.unwrap_or("").trim())
                .replace("{small_claims}", &small_claims)
        };
        let law_template = pick(region.map(|r| &r.law), &self.law).unwrap_or_default();
        let courts_template = if venue.is_some() || self.country == OTHER {
            pick(region.map(|r| &r.courts), &self.courts)
        } else {
            pick(region.map(|r| &r.courts_anywhere), &self.courts_anywhere)
        }
        .ok_or((
            "jurisdiction.venue",
            format!(
                "is required for {}: the city or county whose courts hear disputes",
                self.name
            ),
        ))?;
        let freelancer_laws = region
            .map(|r| {
                self.freelancer_laws
                    .iter()
                    .filter(|law| law.region == r.code)
                    .filter(|law| {
                        law.places.is_empty()
                            || venue.is_some_and(|v| {
                                let v = v.to_lowercase();
                                law.places.iter().any(|p| v.contains(&p.to_lowercase()))
                            })
                    })
                    .cloned()
                    .collect()
            })
            .unwrap_or_default();
        Ok(Place {
            country: self.country.clone(),
            region: region.map(|r| r.name.clone()),
            law: fill(&law_template),
            courts: fill(&courts_template),
            small_claims: small_claims.clone(),
            small_claims_clause: fill(&self.small_claims_clause),
            calendar: if self.country == OTHER {
                None
            } else {
                Some(region.map_or_else(|| self.country.clone(), |r| r.calendar.clone()))
            },
            holidays: if self.country == OTHER {
                self.holidays_elsewhere
                    .clone()
                    .unwrap_or_else(|| "the place where the Designer is based".to_owned())
            } else {
                region.map_or_else(|| self.name.clone(), |r| r.name.clone())
            },
            conventions: self.conventions.clone(),
            late_payment: self.late_payment.clone(),
            late_fee_warning: self.late_fee_warning,
            consumer_cancellation: self.consumer_cancellation,
            freelancer_laws,
        })
    }
}

/// What a freelancer-protection law checks in a contract, taken from the answers.
#[derive(Debug, Clone, Default)]
pub struct ContractTerms {
    /// The fee (`fees.total`), in the contract's currency.
    pub value: Option<Decimal>,
    /// The contract's currency (`fees.currency`).
    pub currency: String,
    /// Days after the invoice within which the client pays (`payment.due_days`).
    pub payment_days: Option<i64>,
    /// Both parties' names and postal addresses are given.
    pub parties: bool,
    /// Both parties' phone numbers and email addresses are given.
    pub contacts: bool,
    /// The services are described (`project.description`).
    pub services: bool,
}

impl FreelancerLaw {
    /// Whether the law reaches a contract of `value` in `currency`: at or above its threshold,
    /// or in another currency than the law's (`law_currency`), which the tool cannot compare
    /// (it knows no exchange rate), or of no stated value.
    #[must_use]
    pub fn reaches(&self, value: Option<Decimal>, currency: &str, law_currency: &str) -> bool {
        currency != law_currency || value.is_none_or(|value| value >= self.threshold)
    }

    /// What the contract lacks under this law, one sentence each; empty when it complies or
    /// the law does not reach a contract of this value. A contract in another currency than
    /// the law's is checked as if it reached the threshold (the tool knows no exchange rate).
    #[must_use]
    pub fn shortfalls(&self, terms: &ContractTerms, law_currency: &str) -> Vec<String> {
        self.lacking(terms, law_currency)
            .into_iter()
            .map(|(_, sentence)| sentence)
            .collect()
    }

    /// What the contract lacks under this law, each with the requirement it fails and the
    /// sentence [`shortfalls`](Self::shortfalls) gives.
    #[must_use]
    pub fn lacking(&self, terms: &ContractTerms, law_currency: &str) -> Vec<(Requirement, String)> {
        if !self.reaches(terms.value, &terms.currency, law_currency) {
            return Vec::new();
        }
        let mut missing = Vec::new();
        for requirement in &self.requires {
            let lacking = match requirement {
                Requirement::Parties => (!terms.parties)
                    .then(|| "the names and postal addresses of both parties".to_owned()),
                Requirement::Contacts => (!terms.contacts)
                    .then(|| "the phone numbers and email addresses of both parties".to_owned()),
                Requirement::Services => {
                    (!terms.services).then(|| "an itemised description of the services".to_owned())
                }
                Requirement::Rate => terms
                    .value
                    .is_none()
                    .then(|| "the value of the services and how they are paid".to_owned()),
                Requirement::PaymentDate => terms
                    .payment_days
                    .is_none()
                    .then(|| "the date of payment, or how it is set".to_owned()),
                Requirement::PaymentWithin30 => {
                    terms.payment_days.filter(|days| *days > 30).map(|days| {
                        format!("payment within thirty (30) days after delivery, not {days} days")
                    })
                }
            };
            missing.extend(lacking.map(|what| (*requirement, what)));
        }
        missing
            .into_iter()
            .map(|(requirement, what)| (requirement, format!("{} requires {what}", self.name)))
            .collect()
    }
}

// ---------------------------------------------------------------------------------------------
// Loading and checking

#[cfg_attr(test, derive(Debug, PartialEq))]
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawProfile {
    country: Spanned<String>,
    name: String,
    conventions: Spanned<Conventions>,
    law: Option<Spanned<String>>,
    courts: Option<Spanned<String>>,
    courts_anywhere: Option<Spanned<String>>,
    small_claims: Option<Spanned<String>>,
    small_claims_clause: Spanned<String>,
    late_payment: Option<RawLatePayment>,
    late_fee_warning: Option<Spanned<String>>,
    #[serde(default)]
    consumer_cancellation: bool,
    regions: Option<RawRegions>,
    #[serde(default)]
    freelancer_laws: Vec<RawFreelancerLaw>,
}

#[cfg_attr(test, derive(Debug, PartialEq))]
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRegions {
    label: String,
    required: bool,
    choices: Vec<RawRegion>,
}

#[cfg_attr(test, derive(Debug, PartialEq))]
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRegion {
    code: Spanned<String>,
    name: String,
    calendar: Option<Spanned<String>>,
    law: Option<Spanned<String>>,
    courts: Option<Spanned<String>>,
    courts_anywhere: Option<Spanned<String>>,
    small_claims: Option<Spanned<String>>,
}

#[cfg_attr(test, derive(Debug, PartialEq))]
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawLatePayment {
    statute: String,
    reference: String,
    margin: Spanned<String>,
    consumer_margin: Option<Spanned<String>>,
    rate: RateRule,
    rates: Vec<RawRate>,
    known_until: Spanned<String>,
    #[serde(default)]
    compensation: Vec<RawCompensation>,
}

#[cfg_attr(test, derive(Debug, PartialEq))]
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRate {
    from: Spanned<String>,
    percent: Spanned<String>,
}

#[cfg_attr(test, derive(Debug, PartialEq))]
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCompensation {
    below: Option<Spanned<String>>,
    amount: Spanned<String>,
}

#[cfg_attr(test, derive(Debug, PartialEq))]
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFreelancerLaw {
    id: Spanned<String>,
    name: String,
    region: Spanned<String>,
    #[serde(default)]
    places: Vec<String>,
    threshold: Spanned<String>,
    requires: Vec<Requirement>,
}

/// Whether a library file is a jurisdiction profile.
#[must_use]
pub fn is_profile_file(relative: &str) -> bool {
    relative.starts_with(JURISDICTIONS_DIR)
}

/// Reads and checks every profile among `files` (the others are ignored); every problem is
/// reported, and a profile with any is left out.
#[must_use]
pub fn load(files: &[SourceFile]) -> (Vec<Profile>, Vec<Diagnostic>) {
    let mut profiles: Vec<Profile> = Vec::new();
    let mut diagnostics = Vec::new();
    for file in files.iter().filter(|f| is_profile_file(&f.relative)) {
        let Some(raw) = read_yaml::<RawProfile>(file, &mut diagnostics) else {
            continue;
        };
        let before = diagnostics.len();
        let profile = check(file, raw, &mut diagnostics);
        if let Some(first) = profiles.iter().find(|p| p.country == profile.country) {
            diagnostics.push(Diagnostic::file_error(
                &file.display,
                format!(
                    "the country `{}` already has a profile in {}",
                    profile.country, first.file
                ),
            ));
        }
        if diagnostics.len() == before {
            profiles.push(profile);
        }
    }
    (profiles, diagnostics)
}

/// The placeholders a template of `country`'s profile may use.
fn placeholders(country: &str) -> &'static [&'static str] {
    if country == OTHER {
        &["venue", "law", "courts", "small_claims"]
    } else {
        &["region", "venue", "small_claims"]
    }
}

#[allow(clippy::too_many_lines)]
fn check(file: &SourceFile, raw: RawProfile, diagnostics: &mut Vec<Diagnostic>) -> Profile {
    let (name, text) = (file.display.as_str(), file.text.as_str());
    let error = |at: &dyn Located, message: String| at.diagnostic(name, text, message);
    let country = raw.country.value.clone();
    let is_code = country.len() == 2 && country.chars().all(|c| c.is_ascii_uppercase());
    if !is_code && country != OTHER {
        diagnostics.push(error(
            &raw.country,
            format!("`{country}` is not an ISO 3166-1 alpha-2 code (`GB`) or `other`"),
        ));
    }
    let currency = &raw.conventions.value.currency;
    if currency.len() != 3 || !currency.chars().all(|c| c.is_ascii_uppercase()) {
        diagnostics.push(error(
            &raw.conventions,
            format!("`{currency}` is not an ISO 4217 currency code (`EUR`)"),
        ));
    }
    let allowed = placeholders(&country);
    let template = |value: &Option<Spanned<String>>,
                    needs_venue: bool,
                    diagnostics: &mut Vec<Diagnostic>|
     -> Option<String> {
        let spanned = value.as_ref()?;
        for used in template_placeholders(&spanned.value) {
            if !allowed.contains(&used.as_str()) {
                diagnostics.push(error(
                    spanned,
                    format!(
                        "`{{{used}}}` is not a placeholder of a profile template; use {}",
                        allowed
                            .iter()
                            .map(|p| format!("`{{{p}}}`"))
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                ));
            }
        }
        if !needs_venue && spanned.value.contains("{venue}") {
            diagnostics.push(error(
                spanned,
                "`courts_anywhere` is used when no venue is given: it cannot use `{venue}`".into(),
            ));
        }
        Some(spanned.value.trim().to_owned())
    };
    let law = template(&raw.law, true, diagnostics);
    let courts = template(&raw.courts, true, diagnostics);
    let courts_anywhere = template(&raw.courts_anywhere, false, diagnostics);
    let small_claims = template(&raw.small_claims, true, diagnostics);
    let small_claims_clause =
        template(&Some(raw.small_claims_clause), true, diagnostics).unwrap_or_default();
    let mut regions = Vec::new();
    let (mut region_label, mut region_required) = (String::new(), false);
    if let Some(raw_regions) = raw.regions {
        region_label = raw_regions.label;
        region_required = raw_regions.required;
        let mut seen = BTreeSet::new();
        for choice in raw_regions.choices {
            let code = choice.code.value.clone();
            if !seen.insert(code.to_uppercase()) {
                diagnostics.push(error(
                    &choice.code,
                    format!("the region `{code}` is listed twice"),
                ));
            }
            let calendar = choice
                .calendar
                .as_ref()
                .map_or_else(|| format!("{country}-{code}"), |c| c.value.clone());
            if let Err(e) = known_calendar(&calendar) {
                let at: &dyn Located = choice.calendar.as_ref().map_or(&choice.code, |c| c);
                diagnostics.push(error(at, format!("{e}; see data/holidays/holidays.txt")));
            }
            let region = Region {
                code,
                name: choice.name,
                calendar,
                law: template(&choice.law, true, diagnostics),
                courts: template(&choice.courts, true, diagnostics),
                courts_anywhere: template(&choice.courts_anywhere, false, diagnostics),
                small_claims: template(&choice.small_claims, true, diagnostics),
            };
            if region.law.is_none() && law.is_none() {
                diagnostics.push(error(
                    &choice.code,
                    format!(
                        "the region `{}` has no `law`, and the profile has none either",
                        region.code
                    ),
                ));
            }
            if region.courts.is_none() && courts.is_none() {
                diagnostics.push(error(
                    &choice.code,
                    format!(
                        "the region `{}` has no `courts`, and the profile has none either",
                        region.code
                    ),
                ));
            }
            regions.push(region);
        }
    } else {
        for (value, field) in [(&law, "law"), (&courts, "courts")] {
            if value.is_none() {
                diagnostics.push(Diagnostic::file_error(
                    name,
                    format!("the profile has no `{field}` and no regions that give one"),
                ));
            }
        }
        let calendar = if country == OTHER {
            Ok(())
        } else {
            known_calendar(&country)
        };
        if let Err(e) = calendar {
            diagnostics.push(error(
                &raw.country,
                format!("{e}; see data/holidays/holidays.txt"),
            ));
        }
    }
    if small_claims.is_none() && regions.iter().any(|r| r.small_claims.is_none()) {
        diagnostics.push(Diagnostic::file_error(
            name,
            "the profile has no `small_claims`, and not every region gives one".into(),
        ));
    }
    let late_payment = raw
        .late_payment
        .and_then(|lp| check_late_payment(name, text, lp, diagnostics));
    let late_fee_warning = raw
        .late_fee_warning
        .as_ref()
        .and_then(|w| decimal(name, text, w, diagnostics));
    let mut freelancer_laws = Vec::new();
    for raw_law in raw.freelancer_laws {
        if !regions.iter().any(|r| r.code == raw_law.region.value) {
            diagnostics.push(error(
                &raw_law.region,
                format!("`{}` is not a region of this profile", raw_law.region.value),
            ));
        }
        let Some(threshold) = decimal(name, text, &raw_law.threshold, diagnostics) else {
            continue;
        };
        freelancer_laws.push(FreelancerLaw {
            id: raw_law.id.value,
            name: raw_law.name,
            region: raw_law.region.value,
            places: raw_law.places,
            threshold,
            requires: raw_law.requires,
        });
    }
    Profile {
        country,
        name: raw.name,
        conventions: raw.conventions.value,
        law,
        courts,
        courts_anywhere,
        small_claims,
        small_claims_clause,
        late_payment,
        late_fee_warning,
        consumer_cancellation: raw.consumer_cancellation,
        region_label,
        region_required,
        regions,
        freelancer_laws,
        file: name.to_owned(),
        holidays_elsewhere: None,
    }
}

fn check_late_payment(
    name: &str,
    text: &str,
    raw: RawLatePayment,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<LatePayment> {
    let before = diagnostics.len();
    let margin = decimal(name, text, &raw.margin, diagnostics);
    let consumer_margin = raw
        .consumer_margin
        .as_ref()
        .and_then(|m| decimal(name, text, m, diagnostics));
    let known_until = date(name, text, &raw.known_until, diagnostics);
    let mut rates: Vec<(Date, Decimal)> = Vec::new();
    for rate in &raw.rates {
        let (Some(from), Some(percent)) = (
            date(name, text, &rate.from, diagnostics),
            decimal(name, text, &rate.percent, diagnostics),
        ) else {
            continue;
        };
        if from.day() != 1 || !matches!(from.month(), 1 | 7) {
            diagnostics.push(rate.from.diagnostic(
                name,
                text,
                format!("{from} does not start a half-year; rates change on 1 January and 1 July"),
            ));
        }
        if let Some((previous, _)) = rates.last() {
            let expected = crate::interest::next_half_year(*previous);
            if from != expected {
                diagnostics.push(rate.from.diagnostic(
                    name,
                    text,
                    format!(
                        "{from} does not follow {previous}; the next half-year starts {expected}"
                    ),
                ));
            }
        }
        rates.push((from, percent));
    }
    if rates.is_empty() {
        diagnostics.push(Diagnostic::file_error(
            name,
            "`late_payment.rates` is empty".into(),
        ));
    }
    if let (Some(until), Some((last, _))) = (known_until, rates.last())
        && (until < *last || until >= crate::interest::next_half_year(*last))
    {
        diagnostics.push(raw.known_until.diagnostic(
            name,
            text,
            format!("{until} is not in the half-year of the last rate ({last})"),
        ));
    }
    let mut compensation = Vec::new();
    for (index, tier) in raw.compensation.iter().enumerate() {
        let below = tier
            .below
            .as_ref()
            .and_then(|b| decimal(name, text, b, diagnostics));
        let last = index + 1 == raw.compensation.len();
        if tier.below.is_some() == last {
            diagnostics.push(tier.amount.diagnostic(
                name,
                text,
                "every compensation tier but the last needs `below`, and the last has none".into(),
            ));
        }
        if let Some(amount) = decimal(name, text, &tier.amount, diagnostics) {
            compensation.push((below, amount));
        }
    }
    if diagnostics.len() > before {
        return None;
    }
    Some(LatePayment {
        statute: raw.statute,
        reference: raw.reference,
        margin: margin?,
        consumer_margin,
        rule: raw.rate,
        rates,
        known_until: known_until?,
        compensation,
    })
}

/// Whether the holiday table has the calendar `id` (its headers only: nothing is parsed).
fn known_calendar(id: &str) -> Result<(), HolidayError> {
    if Calendar::exists(id) {
        Ok(())
    } else {
        Err(HolidayError::Unknown { id: id.to_owned() })
    }
}

/// A YAML value with a location, for diagnostics.
trait Located {
    fn diagnostic(&self, file: &str, text: &str, message: String) -> Diagnostic;
}

impl<T> Located for Spanned<T> {
    fn diagnostic(&self, file: &str, text: &str, message: String) -> Diagnostic {
        Diagnostic::spanned(file, text, self, message)
    }
}

fn decimal(
    name: &str,
    text: &str,
    value: &Spanned<String>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<Decimal> {
    match value.value.trim().parse::<Decimal>() {
        Ok(number) if number >= Decimal::ZERO => Some(number),
        _ => {
            diagnostics.push(value.diagnostic(
                name,
                text,
                format!(
                    "`{}` is not a number such as \"8\" or \"1.27\"",
                    value.value
                ),
            ));
            None
        }
    }
}

fn date(
    name: &str,
    text: &str,
    value: &Spanned<String>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<Date> {
    let parsed = value.value.trim().parse::<Date>().ok();
    if parsed.is_none() {
        diagnostics.push(value.diagnostic(
            name,
            text,
            format!("`{}` is not a date (YYYY-MM-DD)", value.value),
        ));
    }
    parsed
}

/// The names inside `{...}` in `template`.
fn template_placeholders(template: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else { break };
        found.push(after[..close].to_owned());
        rest = &after[close + 1..];
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_profile_reads_from_its_tape_as_from_its_yaml() {
        let compared = crate::yaml::tape::tests::same_as_yaml::<RawProfile>(|r| {
            r.starts_with("jurisdictions/")
        });
        assert_eq!(compared, 5);
    }

    fn built_in() -> Vec<Profile> {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("clauses/jurisdictions");
        let files: Vec<SourceFile> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|entry| {
                let path = entry.unwrap().path();
                let file = path.file_name().unwrap().to_string_lossy().into_owned();
                SourceFile {
                    relative: format!("{JURISDICTIONS_DIR}{file}"),
                    display: format!("clauses/jurisdictions/{file}"),
                    text: std::fs::read_to_string(&path).unwrap(),
                }
            })
            .collect();
        let (profiles, diagnostics) = load(&files);
        assert!(diagnostics.is_empty(), "{diagnostics:#?}");
        profiles
    }

    fn profile(country: &str) -> Profile {
        built_in()
            .into_iter()
            .find(|p| p.country == country)
            .unwrap()
    }

    fn place(country: &str, region: Option<&str>, venue: Option<&str>) -> Place {
        profile(country)
            .resolve(PlaceAnswers {
                region,
                venue,
                ..PlaceAnswers::default()
            })
            .unwrap()
    }

    #[test]
    fn every_us_state_and_dc_has_its_law_phrase() {
        // The 50 states and DC by postal code, written out here rather than read from the
        // profile, with the four commonwealths and the District named as they name themselves.
        let expected = [
            ("AL", "the laws of the State of Alabama"),
            ("AK", "the laws of the State of Alaska"),
            ("AZ", "the laws of the State of Arizona"),
            ("AR", "the laws of the State of Arkansas"),
            ("CA", "the laws of the State of California"),
            ("CO", "the laws of the State of Colorado"),
            ("CT", "the laws of the State of Connecticut"),
            ("DE", "the laws of the State of Delaware"),
            ("DC", "the laws of the District of Columbia"),
            ("FL", "the laws of the State of Florida"),
            ("GA", "the laws of the State of Georgia"),
            ("HI", "the laws of the State of Hawaii"),
            ("ID", "the laws of the State of Idaho"),
            ("IL", "the laws of the State of Illinois"),
            ("IN", "the laws of the State of Indiana"),
            ("IA", "the laws of the State of Iowa"),
            ("KS", "the laws of the State of Kansas"),
            ("KY", "the laws of the Commonwealth of Kentucky"),
            ("LA", "the laws of the State of Louisiana"),
            ("ME", "the laws of the State of Maine"),
            ("MD", "the laws of the State of Maryland"),
            ("MA", "the laws of the Commonwealth of Massachusetts"),
            ("MI", "the laws of the State of Michigan"),
            ("MN", "the laws of the State of Minnesota"),
            ("MS", "the laws of the State of Mississippi"),
            ("MO", "the laws of the State of Missouri"),
            ("MT", "the laws of the State of Montana"),
            ("NE", "the laws of the State of Nebraska"),
            ("NV", "the laws of the State of Nevada"),
            ("NH", "the laws of the State of New Hampshire"),
            ("NJ", "the laws of the State of New Jersey"),
            ("NM", "the laws of the State of New Mexico"),
            ("NY", "the laws of the State of New York"),
            ("NC", "the laws of the State of North Carolina"),
            ("ND", "the laws of the State of North Dakota"),
            ("OH", "the laws of the State of Ohio"),
            ("OK", "the laws of the State of Oklahoma"),
            ("OR", "the laws of the State of Oregon"),
            ("PA", "the laws of the Commonwealth of Pennsylvania"),
            ("RI", "the laws of the State of Rhode Island"),
            ("SC", "the laws of the State of South Carolina"),
            ("SD", "the laws of the State of South Dakota"),
            ("TN", "the laws of the State of Tennessee"),
            ("TX", "the laws of the State of Texas"),
            ("UT", "the laws of the State of Utah"),
            ("VT", "the laws of the State of Vermont"),
            ("VA", "the laws of the Commonwealth of Virginia"),
            ("WA", "the laws of the State of Washington"),
            ("WV", "the laws of the State of West Virginia"),
            ("WI", "the laws of the State of Wisconsin"),
            ("WY", "the laws of the State of Wyoming"),
        ];
        let us = profile("US");
        assert_eq!(us.regions.len(), expected.len());
        for (code, law) in expected {
            let place = us
                .resolve(PlaceAnswers {
                    region: Some(code),
                    venue: Some("Some County"),
                    ..PlaceAnswers::default()
                })
                .unwrap();
            assert_eq!(place.law, law, "{code}");
            assert_eq!(
                place.calendar.as_deref(),
                Some(format!("US-{code}").as_str())
            );
            place.calendar().unwrap();
        }
    }

    #[test]
    fn court_phrases_come_from_the_venue() {
        let oregon = place("US", Some("Oregon"), Some("Multnomah County"));
        assert_eq!(oregon.law, "the laws of the State of Oregon");
        assert_eq!(
            oregon.courts,
            "the state courts located in Multnomah County, Oregon"
        );
        let dc = place("US", Some("dc"), Some("Washington"));
        assert_eq!(dc.courts, "the Superior Court of the District of Columbia");
        let england = place("GB", Some("England and Wales"), None);
        assert_eq!(england.law, "the laws of England and Wales");
        assert_eq!(england.courts, "the courts of England and Wales");
        assert_eq!(
            england.small_claims,
            "the small claims track of the County Court"
        );
        assert_eq!(england.calendar.as_deref(), Some("GB-ENG"));
        let scotland = place("GB", Some("SCT"), Some("Glasgow"));
        assert_eq!(
            scotland.courts,
            "the courts of Scotland, and in the first instance the sheriff court at Glasgow"
        );
        let germany = place("DE", None, Some("Berlin"));
        assert_eq!(germany.law, "German law");
        assert_eq!(germany.calendar.as_deref(), Some("DE"));
        assert_eq!(
            place("DE", Some("BY"), Some("München")).calendar.as_deref(),
            Some("DE-BY")
        );
        let turkey = place("TR", None, Some("İstanbul"));
        assert_eq!(turkey.law, "the laws of the Republic of Türkiye");
        assert_eq!(
            turkey.courts,
            "the courts and enforcement offices of İstanbul"
        );
        assert!(
            turkey
                .small_claims_clause
                .contains("mandatory mediation (arabuluculuk)")
        );
        let other = profile("other")
            .resolve(PlaceAnswers {
                law: Some("the Province of Ontario"),
                courts: Some("the courts of Toronto, Ontario"),
                ..PlaceAnswers::default()
            })
            .unwrap();
        assert_eq!(other.law, "the laws of the Province of Ontario");
        assert_eq!(other.courts, "the courts of Toronto, Ontario");
        assert_eq!(other.calendar, None);
    }

    #[test]
    fn a_wrong_or_missing_region_is_explained() {
        let us = profile("US");
        let (key, message) = us
            .resolve(PlaceAnswers {
                region: Some("Oregn"),
                venue: Some("Multnomah County"),
                ..PlaceAnswers::default()
            })
            .unwrap_err();
        assert_eq!(key, "jurisdiction.region");
        assert!(
            message.starts_with("is \"Oregn\", which is not a state of the United States (did you mean `OR`, Oregon?); give one of AL, AK,"),
            "{message}"
        );
        let (key, message) = us.resolve(PlaceAnswers::default()).unwrap_err();
        assert_eq!(key, "jurisdiction.region");
        assert_eq!(
            message,
            "is required for the United States: the state whose law governs the contract"
        );
        let (key, message) = us
            .resolve(PlaceAnswers {
                region: Some("OR"),
                ..PlaceAnswers::default()
            })
            .unwrap_err();
        assert_eq!(key, "jurisdiction.venue");
        assert!(
            message.starts_with("is required for the United States"),
            "{message}"
        );
    }

    #[test]
    fn freelancer_laws_follow_the_state_and_the_city() {
        let ids = |place: Place| -> Vec<String> {
            place.freelancer_laws.into_iter().map(|l| l.id).collect()
        };
        assert_eq!(
            ids(place("US", Some("NY"), Some("Albany County"))),
            ["new-york-state"]
        );
        assert_eq!(
            ids(place("US", Some("NY"), Some("New York County"))),
            ["new-york-state", "new-york-city"]
        );
        assert_eq!(
            ids(place("US", Some("IL"), Some("Cook County"))),
            ["illinois"]
        );
        assert_eq!(
            ids(place("US", Some("CA"), Some("Los Angeles County"))),
            ["california", "los-angeles"]
        );
        assert!(ids(place("US", Some("OR"), Some("Multnomah County"))).is_empty());
    }

    #[test]
    fn freelancer_laws_name_what_the_contract_lacks() {
        let illinois = place("US", Some("IL"), Some("Cook County"))
            .freelancer_laws
            .remove(0);
        let mut terms = ContractTerms {
            value: Some("6400".parse().unwrap()),
            currency: "USD".into(),
            payment_days: Some(45),
            parties: true,
            contacts: true,
            services: true,
        };
        assert_eq!(
            illinois.shortfalls(&terms, "USD"),
            [
                "the Illinois Freelance Worker Protection Act (820 ILCS 193) requires payment within thirty (30) days after delivery, not 45 days"
            ]
        );
        terms.payment_days = Some(30);
        assert!(illinois.shortfalls(&terms, "USD").is_empty());
        // Below the USD 500 threshold the Act does not reach the contract.
        terms.payment_days = Some(45);
        terms.value = Some("450".parse().unwrap());
        assert!(illinois.shortfalls(&terms, "USD").is_empty());
        // In another currency the tool cannot compare with the threshold, so it checks.
        terms.currency = "EUR".into();
        assert_eq!(illinois.shortfalls(&terms, "USD").len(), 1);
        let los_angeles = place("US", Some("CA"), Some("Los Angeles"))
            .freelancer_laws
            .remove(1);
        terms.contacts = false;
        terms.currency = "USD".into();
        terms.value = Some("1200".parse().unwrap());
        assert_eq!(
            los_angeles.shortfalls(&terms, "USD"),
            [
                "the Los Angeles Freelance Worker Protections Ordinance requires the phone numbers and email addresses of both parties"
            ]
        );
    }

    #[test]
    fn check_reports_bad_profile_data_where_it_is() {
        let text = "country: XX1\nname: Nowhere\nconventions: { date: month-day-year, spelling: american, currency: usd }\n\
                    law: the laws of {land}\ncourts: the courts of {venue}\nsmall_claims: small claims\n\
                    small_claims_clause: Use {small_claims}.\n\
                    late_payment:\n  statute: S\n  reference: R\n  margin: eight\n  rate: fixed\n  rates:\n    - { from: 2026-01-01, percent: \"1\" }\n    - { from: 2027-01-01, percent: \"1\" }\n  known_until: 2026-06-30\n";
        let files = [SourceFile {
            relative: "jurisdictions/xx.yaml".into(),
            display: "lib/jurisdictions/xx.yaml".into(),
            text: text.into(),
        }];
        let (profiles, diagnostics) = load(&files);
        assert!(profiles.is_empty());
        let messages: Vec<String> = diagnostics
            .iter()
            .map(|d| format!("{}:{}: {}", d.line, d.column, d.message))
            .collect();
        assert_eq!(
            messages,
            [
                "1:10: `XX1` is not an ISO 3166-1 alpha-2 code (`GB`) or `other`",
                "3:14: `usd` is not an ISO 4217 currency code (`EUR`)",
                "4:6: `{land}` is not a placeholder of a profile template; use `{region}`, `{venue}`, `{small_claims}`",
                "1:10: there is no holiday calendar `XX1`; see data/holidays/holidays.txt",
                "11:11: `eight` is not a number such as \"8\" or \"1.27\"",
                "15:15: 2027-01-01 does not follow 2026-01-01; the next half-year starts 2026-07-01",
                "16:16: 2026-06-30 is not in the half-year of the last rate (2027-01-01)",
            ]
        );
    }
}
