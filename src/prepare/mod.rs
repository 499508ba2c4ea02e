//! Preparation: takes a loaded [`Library`], parsed [`Answers`] and the build's options and
//! returns them [`Prepared`] for assembly: the agreement dated, its language chosen (the
//! library's clauses and trade words in that language), the trade's words set for the
//! profession (`trade.role`, and the title), and for a repeat late payer every rate raised and
//! every safeguard switched on, with the list of what changed.
//!
//! A pure stage: the date comes in through [`PrepareOptions`], never from the clock. Beside
//! the preparation itself it holds what a build derives from the prepared answers:
//!
//! ```text
//! summary  the stderr summary: late-payer changes, included and left-out clauses
//! meta     the PDF's title, author, subject and creation date
//! glyphs   answers holding a character the PDF fonts cannot draw
//! ```

mod glyphs;
mod meta;
mod summary;

use jiff::civil::Date;
use rust_decimal::Decimal;

use crate::answers::{Answers, Change, place_in, place_of};
use crate::error::{Diagnostic, Error};
use crate::format::Locale;
use crate::holidays::Calendar;
use crate::jurisdiction::{DateStyle, Place, Spelling};
use crate::library::Library;
use crate::model::Value;
use crate::model::keys::{AGREEMENT_DATE, AGREEMENT_LANGUAGE, COUNTRY, LATE_PAYER, RELATIONSHIP};
use crate::model::{Language, Languages, Term, Type};

pub(crate) use glyphs::{check_glyphs, unprintable};
pub(crate) use meta::pdf_meta;
pub(crate) use summary::{summary, wrote};

/// A library, answers and options, ready to be built: what `build`, `new` and `chase` share.
#[derive(Debug)]
pub struct Prepared {
    /// The library the contract is built from, its title the profession's when the trades
    /// give one.
    pub library: Library,
    /// The answers as built (dated, hardened for a late payer).
    pub answers: Answers,
    /// What hardening changed, in question order.
    pub changes: Vec<Change>,
    /// For a repeat late payer, what the rates were multiplied by in this build (1 when the
    /// answers were already hardened).
    pub late_payer_multiplier: Option<Decimal>,
    /// The answers file as read (name and text), to place errors found after parsing.
    pub source: Option<(String, String)>,
    /// The place whose law governs, from the answers and the library's profiles (`None` for
    /// a library that asks no `jurisdiction.country`).
    pub place: Option<Place>,
    /// The languages the contract is written in (`agreement.language`, `--lang`): how values
    /// are worded and words hyphenated.
    pub languages: Languages,
    /// The library in the second language of a bilingual contract, prepared like `library`
    /// (its trade words and title set), with the answers in that language's words.
    pub second: Option<(Library, Answers)>,
}

impl Prepared {
    /// The language and conventions the contract and letters are written in: Turkish, or
    /// English with the place's conventions (day-month-year dates and British spelling outside
    /// the United States).
    #[must_use]
    pub fn locale(&self) -> Locale {
        Locale::of(self.languages.first(), locale_of(self.place.as_ref()))
    }

    /// The locale of the contract's text in `language` (the second text of a bilingual one).
    #[must_use]
    pub fn locale_in(&self, language: Language) -> Locale {
        Locale::of(language, locale_of(self.place.as_ref()))
    }

    /// The language the contract (its first column, for a bilingual one) is written in.
    #[must_use]
    pub fn language(&self) -> Language {
        self.languages.first()
    }

    /// Whether the contract's own words take American spelling (the place's convention;
    /// without a place, the library's spelling stands).
    #[must_use]
    pub fn american_spelling(&self) -> bool {
        self.language() == Language::En
            && self
                .place
                .as_ref()
                .is_some_and(|p| p.conventions.spelling == Spelling::American)
    }

    /// The public holidays business days skip: the place's, or Monday to Friday where none
    /// are known.
    pub fn calendar(&self) -> Result<Calendar, Error> {
        self.place
            .as_ref()
            .map_or_else(|| Ok(Calendar::weekends_only()), Place::calendar)
            .map_err(|e| Error::Usage(e.to_string()))
    }
}

/// The locale of a place's conventions.
#[must_use]
pub fn locale_of(place: Option<&Place>) -> Locale {
    match place.map(|p| (p.conventions.date, p.conventions.spelling)) {
        Some((DateStyle::DayMonthYear, _) | (_, Spelling::British)) => Locale::EnGb,
        _ => Locale::EnUs,
    }
}

/// What [`prepare`] needs to know beyond the library and the answers.
#[derive(Debug, Clone)]
pub struct PrepareOptions {
    /// The agreement's date chosen on the command line (`--date`): it wins over the answers.
    pub date: Option<Date>,
    /// The date an agreement gets when neither `date` nor the answers give one; `None` leaves
    /// it undated. `needs_today` says whether it is used.
    pub today: Option<Date>,
    /// Treat the client as a repeat late payer (`--late-payer`).
    pub late_payer: bool,
    /// What a late payer's rates are multiplied by (`--rate-multiplier`).
    pub rate_multiplier: Decimal,
    /// The contract's languages chosen on the command line (`--lang`): they win over the
    /// answers' `agreement.language`.
    pub language: Option<Languages>,
}

/// Whether [`prepare`] dates these answers with [`PrepareOptions::today`]: the library asks
/// for the agreement's date and neither `date` nor the answers give it.
#[must_use]
pub(crate) fn needs_today(library: &Library, answers: &Answers, date: Option<Date>) -> bool {
    library.question(AGREEMENT_DATE).is_some()
        && date.is_none()
        && !matches!(answers.get(AGREEMENT_DATE), Some(Value::Date(_)))
}

/// Dates the answers and, for a repeat late payer, hardens them.
pub fn prepare(
    library: Library,
    mut answers: Answers,
    args: &PrepareOptions,
) -> Result<Prepared, Error> {
    if library.question(AGREEMENT_DATE).is_some() {
        let date = match (args.date, answers.get(AGREEMENT_DATE)) {
            (Some(date), _) => Some(date),
            (None, Some(Value::Date(date))) => Some(*date),
            _ => args.today,
        };
        if let Some(date) = date {
            answers.set(AGREEMENT_DATE, Value::Date(date));
        }
    }
    let languages = choose_languages(&library, &mut answers, args.language)?;
    let late_payer_choice = library
        .question(RELATIONSHIP)
        .is_some_and(|q| q.ty == Type::Choice && q.choices.iter().any(|c| c.value == LATE_PAYER));
    if args.late_payer && !late_payer_choice {
        return Err(Error::Usage(format!(
            "--late-payer needs a library whose `{RELATIONSHIP}` question has the choice \"{LATE_PAYER}\""
        )));
    }
    let mut changes = Vec::new();
    let mut late_payer_multiplier = None;
    let is_late_payer =
        args.late_payer || answers.get(RELATIONSHIP) == Some(&Value::Text(LATE_PAYER.to_owned()));
    if is_late_payer {
        let before = answers.get(RELATIONSHIP).cloned();
        let after = Value::Text(LATE_PAYER.to_owned());
        if before.as_ref() != Some(&after) {
            answers.set(RELATIONSHIP, after.clone());
            changes.push(Change {
                key: RELATIONSHIP.to_owned(),
                before,
                after,
            });
        }
        // Answers saved after an earlier hardening keep their rates: multiplying them again
        // would compound the increase on every rebuild.
        let multiplier = if answers.late_payer_applied {
            Decimal::ONE
        } else {
            args.rate_multiplier
        };
        late_payer_multiplier = Some(multiplier);
        let (mut hardened, more) = answers.for_late_payer(&library, multiplier);
        hardened.late_payer_applied = true;
        answers = hardened;
        changes.extend(more);
    }
    let declares_country = library.question(COUNTRY).is_some();
    let place = place_of(&library.profiles, declares_country, &answers).map_err(place_error)?;
    if let Some(place) = &place {
        let fee = fee_of(&library, &answers);
        answers.set_place(place, fee);
    }
    let american = place
        .as_ref()
        .is_some_and(|p| p.conventions.spelling == Spelling::American);
    let second = match languages.second() {
        Some(language) => Some(in_language(
            library.clone(),
            answers.clone(),
            language,
            declares_country,
            american,
        )?),
        None => None,
    };
    let (library, answers) = in_language(
        library,
        answers,
        languages.first(),
        declares_country,
        american,
    )?;
    Ok(Prepared {
        library,
        answers,
        changes,
        late_payer_multiplier,
        source: None,
        place,
        languages,
        second,
    })
}

/// The library and answers in `language`: the library's clauses, title and trade words in
/// that language, and the place variables (`place.law`, ...) in its words.
fn in_language(
    library: Library,
    mut answers: Answers,
    language: Language,
    declares_country: bool,
    american: bool,
) -> Result<(Library, Answers), Error> {
    let refusal = unwritten(&library, language);
    let mut library = library.into_language(language).ok_or(refusal)?;
    if language != Language::En {
        let place = place_in(
            &library.profiles,
            library.place_words(language),
            declares_country,
            &answers,
        )
        .map_err(place_error)?;
        if let Some(place) = &place {
            let fee = fee_of(&library, &answers);
            answers.set_place(place, fee);
        }
    }
    // Only English text has two spellings.
    let american = american && language == Language::En;
    if let Some(title) = library.trades.apply(&mut answers, american) {
        library.title = title;
    }
    Ok((library, answers))
}

/// The contract's value (the answer that plays the fee), which the freelancer-protection laws
/// of the place are measured against.
fn fee_of(library: &Library, answers: &Answers) -> Option<Decimal> {
    match library.term_key(Term::Fee).and_then(|key| answers.get(key)) {
        Some(Value::Number(fee)) => Some(*fee),
        _ => None,
    }
}

/// The error for a place the answers name wrongly: the answer at fault, then why.
fn place_error((key, why): (&'static str, String)) -> Error {
    Error::Diagnostics(vec![Diagnostic::file_error(
        "answers",
        format!("`{key}` {why}"),
    )])
}

/// The contract's languages: `--lang`, else the answers' `agreement.language`, else English.
/// A language the library is not written in is refused.
fn choose_languages(
    library: &Library,
    answers: &mut Answers,
    flag: Option<Languages>,
) -> Result<Languages, Error> {
    let answered = match answers.get(AGREEMENT_LANGUAGE) {
        Some(Value::Text(code)) => code.parse().ok(),
        _ => None,
    };
    let languages = flag.or(answered).unwrap_or_default();
    for language in languages.all() {
        check_language(library, language)?;
    }
    if library.question(AGREEMENT_LANGUAGE).is_some() {
        answers.set(AGREEMENT_LANGUAGE, Value::Text(languages.to_string()));
    }
    Ok(languages)
}

/// Refuses a language the library is not written in, naming the ones it is.
pub fn check_language(library: &Library, language: Language) -> Result<(), Error> {
    if library.languages().contains(&language) {
        Ok(())
    } else {
        Err(unwritten(library, language))
    }
}

/// The error for a contract in a language the library is not written in.
fn unwritten(library: &Library, language: Language) -> Error {
    let names: Vec<String> = library
        .languages()
        .iter()
        .map(|l| format!("{} ({})", l.name(), l.code()))
        .collect();
    Error::Usage(format!(
        "--lang {language}: this clause library is written in {}; a contract in {} needs its clauses in a folder {} of the library",
        names.join(" and "),
        language.name(),
        crate::library::language_dir(language)
    ))
}
