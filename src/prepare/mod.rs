//! Preparation: takes a loaded [`Library`], parsed [`Answers`] and the build's options and
//! returns them [`Prepared`] for assembly: the agreement dated, the trade's words set for the
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

use crate::answers::{Answers, Change, place_of};
use crate::error::{Diagnostic, Error};
use crate::format::Locale;
use crate::holidays::Calendar;
use crate::jurisdiction::{DateStyle, Place, Spelling};
use crate::library::Library;
use crate::model::Value;
use crate::model::keys::{AGREEMENT_DATE, COUNTRY, LATE_PAYER, RELATIONSHIP};
use crate::model::{Term, Type};

pub(crate) use glyphs::check_glyphs;
pub(crate) use meta::pdf_meta;
pub(crate) use summary::summary;

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
}

impl Prepared {
    /// The language and conventions the contract and letters are written in: the place's
    /// (day-month-year dates and British spelling outside the United States).
    #[must_use]
    pub fn locale(&self) -> Locale {
        locale_of(self.place.as_ref())
    }

    /// Whether the contract's own words take American spelling (the place's convention;
    /// without a place, the library's spelling stands).
    #[must_use]
    pub fn american_spelling(&self) -> bool {
        self.place
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
    let place = place_of(&library.profiles, declares_country, &answers).map_err(|(key, why)| {
        Error::Diagnostics(vec![Diagnostic::file_error(
            "answers",
            format!("`{key}` {why}"),
        )])
    })?;
    if let Some(place) = &place {
        let fee = match library.term_key(Term::Fee).and_then(|key| answers.get(key)) {
            Some(Value::Number(fee)) => Some(*fee),
            _ => None,
        };
        answers.set_place(place, fee);
    }
    let mut library = library;
    let american = place
        .as_ref()
        .is_some_and(|p| p.conventions.spelling == Spelling::American);
    if let Some(title) = library.trades.apply(&mut answers, american) {
        library.title = title;
    }
    Ok(Prepared {
        library,
        answers,
        changes,
        late_payer_multiplier,
        source: None,
        place,
    })
}
