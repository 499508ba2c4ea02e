//! The term lint: takes the answers as they go into the contract (after the late-payer rules)
//! and the answers file they came from, and returns the business terms a careful freelancer
//! would look at twice, each as a diagnostic at the line of the answer it is about.
//!
//! The findings read each answer by the business term it plays (a question's `term:` in
//! `library.yaml`), never by a key written here, so a library of one's own with keys of its own
//! gets the same findings; a term that no question plays, or an answer left out, simply yields
//! no finding. Warnings fail `build` only with
//! `--deny-warnings`; an error (a party that cannot be named) always fails it.

mod trade_words;
mod words;

use std::borrow::Cow;
use std::collections::BTreeMap;

use rust_decimal::Decimal;

use crate::answers::{self, Answers};
use crate::error::{Diagnostic, Severity};
use crate::format::{self, Locale};
use crate::jurisdiction::{ContractTerms, Requirement};
use crate::library::Library;
use crate::model::keys::{AGREEMENT_DATE, COUNTRY, CURRENCY, DEFAULT_CURRENCY, STATUTORY_INTEREST};
use crate::model::{Language, Term, Value};

/// The client's duty to answer a request, in business days (the cooperation clause).
pub const FEEDBACK_DUTY_DAYS: i64 = 5;

/// Business days that the follow-up ladder of `clausewright chase` takes after the feedback
/// duty: the follow-up, then a week of checks and a call, before the pause letter.
pub const FOLLOW_UP_LADDER_DAYS: i64 = 10;

/// A yearly interest rate above this (18%) exceeds the usury limit of many US states and the
/// United Kingdom's statutory late-payment interest by far.
pub const SANE_YEARLY_INTEREST: Decimal = Decimal::from_parts(18, 0, 0, false, 0);

/// Days from delivery to payment that the Illinois Freelance Worker Protection Act (820 ILCS
/// 193/15(b)(3)) allows, and that New York City and California apply when a contract is silent.
pub const PAYMENT_DAYS_AFTER_DELIVERY: i64 = 30;

/// Calendar days the contract gives the Designer to invoice the balance after the Completion
/// Date (five business days).
const INVOICE_DAYS_AFTER_COMPLETION: i64 = 7;

/// One finding: the term it is about, whether it fails the build on its own, and what it says.
type Finding = (Term, Severity, String);

/// The answers, read by the terms their questions play, and the words findings are said in.
struct Terms<'a> {
    answers: &'a Answers,
    library: &'a Library,
    /// The findings' words, in the language they are said in.
    words: &'static words::Words,
    /// How amounts and dates are worded in them: American English, or the language's own.
    locale: Locale,
}

impl Terms<'_> {
    fn get(&self, term: Term) -> Option<&Value> {
        self.answers.get(self.library.term_key(term)?)
    }

    fn number(&self, term: Term) -> Option<Decimal> {
        match self.get(term) {
            Some(Value::Number(n)) => Some(*n),
            Some(Value::Integer(i)) => Some(Decimal::from(*i)),
            _ => None,
        }
    }

    /// Whether the switch `term` is on; a library without the switch always has the term.
    fn on(&self, term: Term) -> bool {
        self.library.term_key(term).is_none() || self.get(term).is_some_and(Value::is_truthy)
    }
}

/// Every finding for these answers, in the order of the answers file, in English. `file` and
/// `text` are the answers file the values came from (the one `new` is about to write, for
/// `new`).
#[must_use]
pub fn lint(file: &str, text: &str, answers: &Answers, library: &Library) -> Vec<Diagnostic> {
    lint_in(file, text, answers, library, Language::En)
}

/// [`lint`], the findings said in `language` (the contract's summary's: a Turkish contract's
/// warnings are Turkish).
#[must_use]
pub fn lint_in(
    file: &str,
    text: &str,
    answers: &Answers,
    library: &Library,
    language: Language,
) -> Vec<Diagnostic> {
    // Answers read from this file know where each value is; others (the interview's) are
    // placed by reading the file they are about to be written to.
    let located: Cow<'_, BTreeMap<String, (usize, usize, usize)>> = if answers.places.is_empty() {
        Cow::Owned(
            answers::read_given(file, text, library)
                .map(|given| {
                    given
                        .values
                        .iter()
                        .map(|(key, place)| {
                            let width = answers::scalar_width(text, place);
                            (key.clone(), (place.line, place.column, width))
                        })
                        .collect()
                })
                .unwrap_or_default(),
        )
    } else {
        Cow::Borrowed(&answers.places)
    };
    let terms = Terms {
        answers,
        library,
        words: words::of(language),
        locale: Locale::of(language, Locale::default()),
    };
    let checks: [fn(&Terms) -> Option<Finding>; 7] = [
        silence_before_the_ladder_ends,
        deposit_and_cancellation_above_the_fee,
        interest_above_a_sane_rate,
        payment_long_after_delivery,
        start_before_the_agreement,
        fee_below_the_hourly_rate,
        company_without_its_name,
    ];
    let laws = freelancer_laws(&terms)
        .into_iter()
        .map(|(term, message)| (term, Severity::Warning, message));
    // A percentage written in the file that the statutory interest leaves unused, when that
    // interest is the default rather than written too: the user probably meant the percentage.
    let percent_key = library.term_key(Term::InterestPerMonth);
    let unused_percent = percent_key
        .filter(|key| {
            answers
                .get(STATUTORY_INTEREST)
                .is_some_and(Value::is_truthy)
                && located.contains_key(*key)
                && !located.contains_key(STATUTORY_INTEREST)
        })
        .map(|key| {
            (
                Term::InterestPerMonth,
                Severity::Warning,
                (terms.words.unused_percent)(key, STATUTORY_INTEREST),
            )
        });
    let mut findings: Vec<Diagnostic> = checks
        .iter()
        .filter_map(|check| check(&terms))
        .chain(laws)
        .chain(unused_percent)
        .map(|(term, severity, message)| {
            let place = library.term_key(term).and_then(|key| located.get(key));
            let mut diagnostic = if let Some(&(line, column, width)) = place {
                Diagnostic::warning(file, text, line, column, message).with_width(width)
            } else {
                Diagnostic::file_error(file, message)
            };
            diagnostic.severity = severity;
            diagnostic
        })
        .collect();
    findings.extend(left_out_answers(file, text, &terms, &located));
    findings.extend(trade_words::other_trades_words(
        file, text, answers, library, language,
    ));
    findings.sort_by_key(|d| d.line);
    findings
}

/// Answers written in the file whose question does not apply to these answers (milestones
/// with a rate rather than a fixed fee), each a warning at its answer: the contract leaves them
/// out, and the user should know rather than find them missing from the contract.
fn left_out_answers(
    file: &str,
    text: &str,
    terms: &Terms,
    located: &BTreeMap<String, (usize, usize, usize)>,
) -> Vec<Diagnostic> {
    let (answers, library) = (terms.answers, terms.library);
    library
        .questions()
        .filter(|question| answers.get(&question.key).is_none())
        .filter_map(|question| {
            let when = question.when.as_ref()?;
            let &(line, column, width) = located.get(&question.key)?;
            (!when.eval(|key| answers.get(key))).then(|| {
                Diagnostic::warning(
                    file,
                    text,
                    line,
                    column,
                    (terms.words.left_out)(&question.key, &when.source),
                )
                .with_width(width)
            })
        })
        .collect()
}

/// What the freelancer-protection laws of the contract's place (New York State and City,
/// Illinois, California, Los Angeles: the profile's `freelancer_laws`) require and these
/// answers leave out, each at the answer that would supply it.
fn freelancer_laws(terms: &Terms) -> Vec<(Term, String)> {
    let (answers, library) = (terms.answers, terms.library);
    let declares_country = library.question(COUNTRY).is_some();
    let Ok(Some(place)) = answers::place_of(&library.profiles, declares_country, answers) else {
        return Vec::new();
    };
    let given = |wanted: &[Term]| {
        wanted
            .iter()
            .all(|term| terms.get(*term).is_some_and(Value::is_truthy))
    };
    let contract = ContractTerms {
        value: terms.number(Term::Fee),
        currency: answers.currency(),
        payment_days: match terms.get(Term::PaymentDays) {
            Some(Value::Integer(days)) => Some(*days),
            _ => None,
        },
        parties: given(&[
            Term::FreelancerName,
            Term::FreelancerAddress,
            Term::ClientName,
            Term::ClientAddress,
        ]),
        contacts: given(&[
            Term::FreelancerEmail,
            Term::FreelancerPhone,
            Term::ClientEmail,
            Term::ClientPhone,
        ]),
        services: given(&[Term::Services]) || given(&[Term::Scope]),
    };
    let mut found = Vec::new();
    for law in &place.freelancer_laws {
        for (requirement, sentence) in law.lacking(&contract, &place.conventions.currency) {
            let term = match requirement {
                Requirement::Parties => Term::ClientAddress,
                Requirement::Contacts => Term::ClientEmail,
                Requirement::Services if terms.library.term_key(Term::Scope).is_some() => {
                    Term::Scope
                }
                Requirement::Services => Term::Services,
                Requirement::Rate => Term::Fee,
                Requirement::PaymentDate | Requirement::PaymentWithin30 => Term::PaymentDays,
            };
            let days = contract.payment_days;
            let said = (terms.words.law)(&law.name, requirement, days, &sentence);
            found.push((term, said));
        }
    }
    found
}

fn silence_before_the_ladder_ends(terms: &Terms) -> Option<Finding> {
    let days = terms.number(Term::SilenceDays)?;
    let needed = FEEDBACK_DUTY_DAYS + FOLLOW_UP_LADDER_DAYS;
    (terms.on(Term::KillFee) && days < Decimal::from(needed)).then(|| {
        (
            Term::SilenceDays,
            Severity::Warning,
            (terms.words.silence)(days, FEEDBACK_DUTY_DAYS, FOLLOW_UP_LADDER_DAYS, needed),
        )
    })
}

fn deposit_and_cancellation_above_the_fee(terms: &Terms) -> Option<Finding> {
    let deposit = terms.number(Term::Deposit)?;
    let cancellation = terms.number(Term::CancellationFee)?;
    // With the whole fee in advance, half of it is the non-refundable Deposit.
    let kept = if deposit == Decimal::ONE_HUNDRED {
        Decimal::from(50)
    } else {
        deposit
    };
    let total = kept + cancellation;
    (total > Decimal::ONE_HUNDRED).then(|| {
        (
            Term::CancellationFee,
            Severity::Warning,
            (terms.words.above_the_fee)(kept, cancellation, total),
        )
    })
}

fn interest_above_a_sane_rate(terms: &Terms) -> Option<Finding> {
    let monthly = terms.number(Term::InterestPerMonth)?;
    let yearly = (monthly * Decimal::from(12)).normalize();
    // Statutory interest replaces the monthly percentage: the law sets that rate.
    let statutory = terms
        .answers
        .get(STATUTORY_INTEREST)
        .is_some_and(Value::is_truthy);
    // The place's own threshold (`late_fee_warning` of its profile, a percent a month), else
    // the yearly rate many places cap contract interest at.
    let declares_country = terms.library.question(COUNTRY).is_some();
    let limit = answers::place_of(&terms.library.profiles, declares_country, terms.answers)
        .ok()
        .flatten()
        .and_then(|place| place.late_fee_warning)
        .map_or(SANE_YEARLY_INTEREST, |monthly| monthly * Decimal::from(12))
        .normalize();
    (terms.on(Term::Interest) && !statutory && yearly > limit).then(|| {
        (
            Term::InterestPerMonth,
            Severity::Warning,
            (terms.words.interest)(monthly, yearly, limit),
        )
    })
}

fn payment_long_after_delivery(terms: &Terms) -> Option<Finding> {
    let due = terms.number(Term::PaymentDays)?;
    let review = terms.number(Term::ReviewDays).unwrap_or_default();
    // Business days of review as calendar days, rounded up.
    let review_days = (review * Decimal::from(7) / Decimal::from(5)).ceil();
    let total = review_days + Decimal::from(INVOICE_DAYS_AFTER_COMPLETION) + due;
    (total > Decimal::from(PAYMENT_DAYS_AFTER_DELIVERY)).then(|| {
        (
            Term::PaymentDays,
            Severity::Warning,
            (terms.words.payment_late)(total, review, due, PAYMENT_DAYS_AFTER_DELIVERY),
        )
    })
}

fn start_before_the_agreement(terms: &Terms) -> Option<Finding> {
    let (Some(Value::Date(start)), Some(Value::Date(agreed))) =
        (terms.get(Term::Start), terms.answers.get(AGREEMENT_DATE))
    else {
        return None;
    };
    (start < agreed).then(|| {
        let (start, agreed) = (
            format::long_date(*start, terms.locale),
            format::long_date(*agreed, terms.locale),
        );
        (
            Term::Start,
            Severity::Warning,
            (terms.words.start_before)(&start, &agreed),
        )
    })
}

fn fee_below_the_hourly_rate(terms: &Terms) -> Option<Finding> {
    let fee = terms.number(Term::Fee)?;
    let rate = terms.number(Term::HourlyRate)?;
    (fee < rate).then(|| {
        let currency = match terms.answers.get(CURRENCY) {
            Some(Value::Text(code)) => code.as_str(),
            _ => DEFAULT_CURRENCY,
        };
        let money = |amount: Decimal| {
            format::money(amount, currency, terms.locale).unwrap_or_else(|| amount.to_string())
        };
        let (fee, rate) = (money(fee), money(rate));
        (
            Term::Fee,
            Severity::Warning,
            (terms.words.fee_below)(&fee, &rate),
        )
    })
}

/// The client's trading name is required by its declaration; the freelancer's business name is
/// asked before the kind that needs it, so it is checked here, as an error.
fn company_without_its_name(terms: &Terms) -> Option<Finding> {
    let Some(Value::Text(kind)) = terms.get(Term::FreelancerKind) else {
        return None;
    };
    let kind_key = terms.library.term_key(Term::FreelancerKind)?;
    let business_key = terms.library.term_key(Term::FreelancerBusiness)?;
    let named = terms
        .get(Term::FreelancerBusiness)
        .is_some_and(Value::is_truthy);
    (kind != "individual" && !named).then(|| {
        (
            Term::FreelancerKind,
            Severity::Error,
            (terms.words.unnamed)(kind_key, kind, business_key, kind == "company"),
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::library;

    const FIRST_TIME: &str = include_str!("../examples/first-time-us.yaml");

    /// The first-time example with its scope in words and no milestones, so that its fee can
    /// change without the prices and payments that must add up to it.
    fn example() -> String {
        let mut out = String::new();
        let mut skipping = false;
        for line in FIRST_TIME.lines() {
            if line == "  scope:" {
                out.push_str(
                    "  description: Five pages, a form, search optimization and the launch\n",
                );
                skipping = true;
                continue;
            }
            if line == "milestones:" {
                skipping = true;
                continue;
            }
            if skipping && (line.starts_with("    ") || line.starts_with("  - ")) {
                continue;
            }
            skipping = false;
            out.push_str(line);
            out.push('\n');
        }
        out
    }

    fn findings(text: &str) -> Vec<(String, usize, Severity, String)> {
        let library = library::load(&crate::library::built_in_files())
            .into_library()
            .unwrap();
        let answers = answers::parse("terms.yaml", text, &library).unwrap();
        lint("terms.yaml", text, &answers, &library)
            .into_iter()
            .map(|d| (d.location(), d.line, d.severity, d.message))
            .collect()
    }

    fn line_of(text: &str, needle: &str) -> usize {
        text.lines().position(|l| l.contains(needle)).unwrap() + 1
    }

    /// The findings of `text` under the built-in library with the US profile's
    /// `late_fee_warning` set to `warning`.
    fn findings_with_us_warning(text: &str, warning: &str) -> Vec<(usize, String)> {
        let mut files = crate::library::built_in_files();
        let us = files
            .iter_mut()
            .find(|f| f.relative == "jurisdictions/us.yaml")
            .unwrap();
        us.text = us.text.replace(
            "late_fee_warning: \"1.5\"",
            &format!("late_fee_warning: \"{warning}\""),
        );
        let library = library::load(&files).into_library().unwrap();
        let answers = answers::parse("terms.yaml", text, &library).unwrap();
        lint("terms.yaml", text, &answers, &library)
            .into_iter()
            .map(|d| (d.line, d.message))
            .collect()
    }

    /// The findings of `text` in Turkish, as (line, severity, message).
    fn turkish_findings(text: &str) -> Vec<(usize, Severity, String)> {
        let library = crate::library::built_in().unwrap();
        let answers = answers::parse("terms.yaml", text, &library).unwrap();
        lint_in("terms.yaml", text, &answers, &library, Language::Tr)
            .into_iter()
            .map(|d| (d.line, d.severity, d.message))
            .collect()
    }

    #[test]
    fn a_turkish_contracts_findings_are_said_in_turkish() {
        let text = example()
            .replace("  language: en", "  language: tr")
            .replace("  business: Prairie Pixel Studio\n", "")
            .replace("  silence_days: 15", "  silence_days: 10")
            .replace("  percent: \"50\"", "  percent: \"90\"")
            .replace("  percent_per_month: \"1.5\"", "  percent_per_month: \"2\"")
            .replace("  due_days: 14", "  due_days: 45")
            .replace("  start: 2026-03-16", "  start: 2026-02-16")
            .replace("  hourly_rate: \"85.00\"", "  hourly_rate: \"7000.00\"");
        let found = turkish_findings(&text);
        let said: Vec<&str> = found.iter().map(|(_, _, m)| m.as_str()).collect();
        assert_eq!(
            said,
            [
                "`freelancer.kind` için sole-trader yazılmış, ama `freelancer.business` boş: \
                 sözleşmede ticari adınız yer almalı",
                "iş 16 Şubat 2026 tarihinde, yani sözleşme tarihinden (2 Mart 2026) önce \
                 başlıyor: sözleşme yürürlüğe girmeden yapılan iş onun kapsamına girmez",
                "6.400,00 USD tutarındaki ücret, 7.000,00 USD olan saat ücretinizle bir saatlik \
                 işten bile az: ikisinden biri yanlış mı yazıldı?",
                "bakiyenin son ödeme günü son teslimden 59 gün sonraya düşebilir (5 iş günü \
                 inceleme, faturayı kesmek için bir haftaya kadar, sonra 45 gün ödeme süresi): \
                 Illinois ödemenin teslimden sonraki 30 gün içinde yapılmasını şart koşar; geç \
                 ödeyen bir müşteriye de beklemek için daha çok zaman kalır",
                "Illinois Freelance Worker Protection Act (820 ILCS 193), ödemenin 45 gün içinde \
                 değil, teslimden sonraki otuz (30) gün içinde yapılmasını şart koşar (bu \
                 sözleşme, yeri ve bedeli bakımından bu kanunun kapsamına girer)",
                "aylık %2 faiz yılda %24 eder; bu, %18 sınırının üstünde: birçok ülke sözleşmeyle \
                 kararlaştırılan faize daha düşük bir sınır koyar; mahkeme bu faizi indirebilir ya \
                 da hiç uygulamayabilir",
                "sona erdirmeden önceki sessizlik 10 iş günü; bu, müşterinin 5 iş günlük geri \
                 bildirim süresiyle hatırlatma adımlarının 10 iş gününün toplamından (15) kısa: \
                 işi sona erdirme hakkı, hatırlatmadan, telefon görüşmesinden ve işin \
                 durdurulduğunu bildiren yazıdan önce doğar",
                "sizde kalan kapora (%90) ile iptal bedelinin (%20) toplamı ücretin %110 kadarı: \
                 ücretin tamamını aşan bir tutar ceza gibi görünür; mahkeme onu indirebilir ya da \
                 hiç uygulamayabilir",
            ]
        );
        // The same answers in English: the same findings at the same lines, as before.
        let english = findings(&text.replace("  language: tr", "  language: en"));
        let lines = |found: &[(usize, Severity, String)]| -> Vec<(usize, Severity)> {
            found.iter().map(|(l, s, _)| (*l, *s)).collect()
        };
        let english_lines: Vec<(usize, Severity)> =
            english.iter().map(|(_, l, s, _)| (*l, *s)).collect();
        assert_eq!(lines(&found), english_lines);
        assert!(
            english[0]
                .3
                .starts_with("`freelancer.kind` is sole-trader, but")
        );
    }

    #[test]
    fn other_trades_words_and_answers_left_out_are_said_in_turkish() {
        let text = example()
            .replace("  language: en", "  language: tr")
            .replace("late_fee:\n  enabled: true", "late_fee:\n  enabled: false")
            .replace("  profession: web-design", "  profession: translation")
            .replace(
                "  name: Capitol Bakery website redesign",
                "  name: Capitol Bakery WordPress site",
            );
        let said: Vec<String> = turkish_findings(&text)
            .into_iter()
            .map(|(_, _, m)| m)
            .collect();
        assert_eq!(
            said,
            [
                "`project.name` yanıtında “WordPress” sözcüğü geçiyor; bu sözcük şu mesleklere \
                 özgü: web tasarımı ve yazılım geliştirme. Bu sözleşme ise çeviri için \
                 (`freelancer.profession: translation`): başka bir sözleşme için mi yazıldı? \
                 Yeniden yazın ya da `freelancer.profession` yanıtını değiştirin",
                "`credit.line` yanıtında “Website” sözcüğü geçiyor; bu sözcük şu mesleklere özgü: \
                 web tasarımı ve başka beş meslek. Bu sözleşme ise çeviri için \
                 (`freelancer.profession: translation`): başka bir sözleşme için mi yazıldı? \
                 Yeniden yazın ya da `freelancer.profession` yanıtını değiştirin",
                "`late_fee.percent_per_month` yazılmış, ama sözleşmede yer almıyor: sorusu \
                 yalnızca `late_fee.enabled` olduğunda sorulur",
            ]
        );
    }

    #[test]
    fn the_place_sets_the_interest_warning() {
        let text = example().replace(
            "  percent_per_month: \"1.5\"",
            "  percent_per_month: \"1.25\"",
        );
        // 1.25% a month is under the US profile's 1.5%: no finding.
        assert_eq!(findings_with_us_warning(&text, "1.5"), []);
        // A profile that warns above 1% a month: the finding, at the percentage's line.
        let got = findings_with_us_warning(&text, "1");
        let line = line_of(&text, "percent_per_month: \"1.25\"");
        assert_eq!(
            got,
            [(
                line,
                "interest of 1.25% a month is 15% a year, above 12%: many places cap contract interest lower, and a court may cut it or refuse it".to_owned()
            )]
        );
        // The `other` profile gives no threshold: 18% a year stands.
        let other = example()
            .replace("  country: US\n", "  country: other\n")
            .replace("  region: IL\n", "  law: the laws of the State of Illinois\n  courts: the state courts of Cook County, Illinois\n")
            .replace("  percent_per_month: \"1.5\"", "  percent_per_month: \"1.75\"");
        let got = findings(&other);
        assert!(
            got.iter()
                .any(|(_, _, _, m)| m.contains("1.75% a month is 21% a year, above 18%")),
            "{got:#?}"
        );
    }

    #[test]
    fn the_examples_terms_are_clean() {
        assert_eq!(findings(&example()), []);
        assert_eq!(findings(FIRST_TIME), []);
    }

    #[test]
    fn each_finding_is_at_the_line_of_its_answer() {
        let text = example()
            .replace("  silence_days: 15", "  silence_days: 10")
            .replace("  percent: \"20\"", "  percent: \"60\"")
            .replace("  percent_per_month: \"1.5\"", "  percent_per_month: \"2\"")
            .replace("  due_days: 14", "  due_days: 30")
            .replace("  start: 2026-03-16", "  start: 2026-02-27")
            .replace("  total: \"6400.00\"", "  total: \"80.00\"");
        let got = findings(&text);
        let expect = [
            (
                "  start: 2026-02-27",
                "work starts on February 27, 2026, before the agreement's date of March 2, 2026",
            ),
            (
                "  total: \"80.00\"",
                "the fee of $80.00 is less than one hour at the hourly rate of $85.00",
            ),
            (
                "  due_days: 30",
                "the balance can fall due 44 days after the last delivery",
            ),
            (
                "  percent_per_month: \"2\"",
                "interest of 2% a month is 24% a year, above 18%",
            ),
            (
                "  silence_days: 10",
                "the kill fee's silence is 10 business days, shorter than the client's 5-business-day feedback duty plus the 10 business days of the follow-up ladder (15 in all)",
            ),
            (
                "  percent: \"60\"",
                "the deposit kept (50% of the fee) plus the cancellation fee (60%) is 110% of the fee",
            ),
        ];
        assert_eq!(got.len(), expect.len(), "{got:#?}");
        for (needle, words) in expect {
            let line = line_of(&text, needle);
            let finding = got
                .iter()
                .find(|(_, l, _, _)| *l == line)
                .unwrap_or_else(|| panic!("nothing at line {line} ({needle}): {got:#?}"));
            assert_eq!(
                finding.0,
                format!("terms.yaml:{line}:{}", needle.find(':').unwrap() + 3)
            );
            assert_eq!(finding.2, Severity::Warning);
            assert!(finding.3.starts_with(words), "{}", finding.3);
        }
    }

    #[test]
    fn milestones_with_a_rate_are_a_warning_at_the_milestones_not_dropped_silently() {
        // Milestones are paid only with a fixed fee: with a rate the question does not apply,
        // and the contract leaves them out.
        // (With a rate, the rate for extra work is the rate itself: no `hourly_rate`.)
        let text = FIRST_TIME
            .replace("  basis: fixed\n", "  basis: hourly\n  rate: \"85.00\"\n")
            .replace("  hourly_rate: \"85.00\"\n", "");
        assert_ne!(text, FIRST_TIME);
        let got = findings(&text);
        let line = line_of(&text, "milestones:");
        assert_eq!(
            got,
            [(
                format!("terms.yaml:{line}:1"),
                line,
                Severity::Warning,
                "`milestones` is given, but the contract leaves it out: its question applies only when deposit.percent < 100 and fees.basis == \"fixed\"".to_owned()
            )]
        );
        // A rate written beside a fixed fee is left out too, and said so at its line.
        let text = FIRST_TIME.replace("  basis: fixed\n", "  basis: fixed\n  rate: \"85.00\"\n");
        let line = line_of(&text, "  rate: \"85.00\"");
        let got = findings(&text);
        assert_eq!(got.len(), 1, "{got:#?}");
        assert_eq!(got[0].0, format!("terms.yaml:{line}:9"));
        assert!(
            got[0]
                .3
                .starts_with("`fees.rate` is given, but the contract leaves it out"),
            "{}",
            got[0].3
        );
    }

    #[test]
    fn a_freelancer_protection_law_names_what_the_contract_lacks_at_its_answer() {
        // Illinois (820 ILCS 193/15(b)(3)): payment within thirty days after delivery, for a
        // contract of USD 500 or more.
        let text = example().replace("  due_days: 14", "  due_days: 45");
        let line = line_of(&text, "  due_days: 45");
        let at_line: Vec<String> = findings(&text)
            .into_iter()
            .filter(|(_, l, severity, _)| *l == line && *severity == Severity::Warning)
            .map(|(_, _, _, message)| message)
            .collect();
        assert!(
            at_line.contains(&"the Illinois Freelance Worker Protection Act (820 ILCS 193) requires payment within thirty (30) days after delivery, not 45 days (this contract falls under it by its place and value)".to_owned()),
            "{at_line:#?}"
        );
        // Below the Act's threshold, or in another state, the Act says nothing.
        for (from, to) in [
            ("  total: \"6400.00\"", "  total: \"499.00\""),
            ("  region: IL", "  region: OR"),
        ] {
            let text = text.replace(from, to);
            assert!(
                findings(&text)
                    .iter()
                    .all(|(_, _, _, m)| !m.contains("Illinois Freelance")),
                "{to}: {:#?}",
                findings(&text)
            );
        }
    }

    #[test]
    fn a_company_without_its_name_is_an_error() {
        let text = example().replace(
            "  kind: sole-trader\n  business: Prairie Pixel Studio\n",
            "  kind: company\n",
        );
        let got = findings(&text);
        assert_eq!(got.len(), 1, "{got:#?}");
        assert_eq!(got[0].2, Severity::Error);
        assert_eq!(got[0].1, line_of(&text, "  kind: company"));
        assert_eq!(
            got[0].3,
            "`freelancer.kind` is company, but `freelancer.business` is empty: the contract needs your company's registered name"
        );
    }

    /// A library of one's own, whose keys are not the built-in ones: `terms` is the `term:` line
    /// of each question (or nothing).
    fn custom_library(terms: [&str; 3]) -> Library {
        let declarations = format!(
            "title: Illustration Agreement\nsections:\n  - title: Terms\n    questions:\n      - key: job.price\n        type: money\n        prompt: The price\n        required: true\n{}      - key: job.per_hour\n        type: money\n        prompt: Your rate per hour\n{}      - key: stop.after_days\n        type: integer\n        prompt: Days of silence before you stop\n        default: 20\n{}",
            terms[0], terms[1], terms[2]
        );
        let clause = "id: terms\ntitle: Terms\norder: 1\nbody: |\n  The price is {{money job.price}}, at {{money job.per_hour}} an hour; work stops after {{words stop.after_days}} business days of silence.\n";
        let files = [
            ("library.yaml", declarations),
            ("010-terms.yaml", clause.to_owned()),
        ]
        .map(|(name, text)| library::SourceFile {
            relative: name.to_owned(),
            display: format!("mine/{name}"),
            text,
        });
        library::load(&files).into_library().unwrap()
    }

    const CUSTOM_ANSWERS: &str =
        "job:\n  price: \"60.00\"\n  per_hour: \"75.00\"\nstop:\n  after_days: 8\n";

    #[test]
    fn a_custom_library_gets_the_findings_at_its_own_keys() {
        let library = custom_library([
            "        term: fee\n",
            "        term: hourly-rate\n",
            "        term: silence-days\n",
        ]);
        let answers = answers::parse("mine.yaml", CUSTOM_ANSWERS, &library).unwrap();
        let got: Vec<(String, String)> = lint("mine.yaml", CUSTOM_ANSWERS, &answers, &library)
            .into_iter()
            .map(|d| (d.location(), d.message))
            .collect();
        assert_eq!(got.len(), 2, "{got:#?}");
        assert_eq!(got[0].0, "mine.yaml:2:10");
        assert!(
            got[0].1.starts_with(
                "the fee of $60.00 is less than one hour at the hourly rate of $75.00"
            ),
            "{}",
            got[0].1
        );
        assert_eq!(got[1].0, "mine.yaml:5:15");
        assert!(
            got[1]
                .1
                .starts_with("the kill fee's silence is 8 business days, shorter than"),
            "{}",
            got[1].1
        );
    }

    #[test]
    fn a_custom_library_without_terms_gets_no_finding() {
        let library = custom_library(["", "", ""]);
        let answers = answers::parse("mine.yaml", CUSTOM_ANSWERS, &library).unwrap();
        let found = lint("mine.yaml", CUSTOM_ANSWERS, &answers, &library);
        assert!(found.is_empty(), "{found:#?}");
    }
}
