//! Problems: what is wrong with the shape of an answers file (a key not declared, a key given
//! twice, a list where one value goes, a bad record of a list), each as the located English
//! [`Diagnostic`] that `build` prints and as facts ([`Facts`]) from which another language
//! words the same problem (`new --answers` warns in the interview's language); and what is
//! wrong with its answers (a value refused, a required answer missing, answers that contradict
//! each other), as facts too ([`Fault`]), from which `build` words them in the contract's
//! language. The facts hold keys, numbers and values as written or typed, never prose: the
//! English words of a [`Fault`] are written here ([`Fault::english`]), another language's
//! where it is said.

use std::fmt;

use rust_decimal::Decimal;

use crate::error::Diagnostic;
use crate::format::{self, Locale};
use crate::jurisdiction::NotARegion;
use crate::library::Library;
use crate::model::NumberForm;
use crate::model::refusal::Refusal;

/// A problem found in an answers file: where it is and what it says in English, and the facts
/// behind it.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Problem {
    /// The located diagnostic, in English.
    pub diagnostic: Diagnostic,
    /// What is wrong, for wording in another language.
    pub facts: Facts,
}

impl Problem {
    /// `diagnostic`, whose English words say `facts`.
    pub(crate) fn new(diagnostic: Diagnostic, facts: Facts) -> Self {
        Self { diagnostic, facts }
    }
}

/// As the English diagnostic.
impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.diagnostic.fmt(f)
    }
}

/// What is wrong with a key, a value or a record of an answers file. `key` is the dotted key
/// (`project.scope`); a record's `number` counts from 1; `field` is a field of a list's record
/// (`price`). The words of the key's question (its item, its prompt) are the library's, read
/// in the language the problem is worded in.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Facts {
    /// A YAML tag (`!!binary`): values are written plainly. Stops the file being read.
    Tag {
        /// The tag as written.
        tag: String,
    },
    /// The file is not YAML that can be read. Stops the file being read.
    Syntax {
        /// What the parser found wrong.
        syntax: crate::yaml::Syntax,
    },
    /// The file is not a mapping of keys to values. Stops the file being read.
    NotKeys,
    /// A key the library does not declare, and the declared key it is closest to.
    UnknownKey {
        /// The key as written.
        key: String,
        /// The declared key it may be a slip for.
        suggestion: Option<String>,
    },
    /// A key written twice.
    GivenTwice {
        /// The key.
        key: String,
    },
    /// A number written in a form YAML reads otherwise (`0x1F`).
    NumberForm {
        /// The key.
        key: String,
        /// The value as written.
        written: String,
        /// How it is written.
        form: NumberForm,
    },
    /// A single value (or a list) where the keys of a mapping go.
    HoldsKeys {
        /// The key.
        key: String,
        /// The keys under it.
        children: Vec<String>,
    },
    /// Something other than a list where a list of records goes.
    TakesList {
        /// The key of the list.
        key: String,
    },
    /// A list or a mapping where a single value goes.
    TakesSingle {
        /// The key.
        key: String,
    },
    /// Something other than `late_payer_applied: true` or `false` under `clausewright:`.
    Reserved,
    /// More records than a list holds.
    TooManyRecords {
        /// The key of the list.
        key: String,
    },
    /// A record written as something other than `field: value` lines.
    NotAMapping {
        /// The key of the list.
        key: String,
        /// Which record.
        number: usize,
    },
    /// A field a record of the list does not have.
    NotAField {
        /// The key of the list.
        key: String,
        /// The field as written.
        field: String,
    },
    /// A field written twice in one record.
    FieldTwice {
        /// The key of the list.
        key: String,
        /// The field.
        field: String,
        /// Which record.
        number: usize,
    },
    /// A field's number written in a form YAML reads otherwise.
    FieldNumberForm {
        /// The key of the list.
        key: String,
        /// The field.
        field: String,
        /// Which record.
        number: usize,
        /// The value as written.
        written: String,
        /// How it is written.
        form: NumberForm,
    },
    /// A list or a mapping where a field's single value goes.
    FieldTakesSingle {
        /// The key of the list.
        key: String,
        /// The field.
        field: String,
    },
    /// A required field written blank.
    FieldBlank {
        /// The key of the list.
        key: String,
        /// The field.
        field: String,
        /// Which record.
        number: usize,
    },
    /// A field's value its type refuses.
    FieldRefused {
        /// The key of the list.
        key: String,
        /// The field.
        field: String,
        /// Which record.
        number: usize,
        /// Why.
        refusal: Refusal,
    },
    /// A required field left out of a record.
    FieldMissing {
        /// The key of the list.
        key: String,
        /// The field.
        field: String,
        /// Which record.
        number: usize,
    },
}

/// Any problem of an answers file, located: of its shape ([`Problem`]) or of its answers; the
/// diagnostic in English, and the facts another language words.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Invalid {
    /// The located diagnostic, in English.
    pub diagnostic: Diagnostic,
    /// What is wrong.
    pub fault: Fault,
}

impl Invalid {
    /// `fault` at `diagnostic`'s place, the diagnostic saying `fault`'s English words (a
    /// fault of the shape keeps the diagnostic's own).
    pub(crate) fn new(diagnostic: Diagnostic, fault: Fault, library: &Library) -> Self {
        let message = fault
            .english(library)
            .unwrap_or_else(|| diagnostic.message.clone());
        Self {
            diagnostic: Diagnostic {
                message,
                ..diagnostic
            },
            fault,
        }
    }
}

impl From<Problem> for Invalid {
    fn from(problem: Problem) -> Self {
        Self {
            diagnostic: problem.diagnostic,
            fault: Fault::Shape(problem.facts),
        }
    }
}

/// What is wrong with an answers file: its shape, or an answer. `key` is the dotted key of
/// the answer (`project.revisions`); a record's `number` counts from 1; `field` is a field of
/// a list's record. Amounts are in the contract's `currency` (an ISO 4217 code).
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Fault {
    /// A key, a list or a record written wrong ([`Facts`], worded where they are read).
    Shape(Facts),
    /// The file holds nothing.
    Empty,
    /// A required answer written blank (spaces, a zero-width space).
    Blank {
        /// The key.
        key: String,
    },
    /// An answer its type, choices or range refuse.
    Refused {
        /// The key.
        key: String,
        /// Why, in English and as facts.
        refusal: Refusal,
    },
    /// A required answer not given.
    Required {
        /// The key.
        key: String,
    },
    /// An amount finer than its currency's smallest unit (`1250.5` yen).
    Finer {
        /// The key.
        key: String,
        /// The amount.
        amount: Decimal,
        /// The currency.
        currency: String,
    },
    /// An amount of a list's record finer than its currency's smallest unit.
    FieldFiner {
        /// The key of the list.
        key: String,
        /// The field.
        field: String,
        /// Which record.
        number: usize,
        /// The amount.
        amount: Decimal,
        /// The currency.
        currency: String,
    },
    /// The place the answers choose cannot be found.
    Place {
        /// The answer at fault (`jurisdiction.region`).
        key: String,
        /// Why, in English: the end of a sentence that starts with the key.
        english: String,
        /// Why, as facts.
        why: PlaceWhy,
    },
    /// The prices of the scope's records do not add up to the fee.
    Prices {
        /// The key of the fee.
        fee_key: String,
        /// The fee.
        fee: Decimal,
        /// The key of the scope's list.
        key: String,
        /// What its prices add up to.
        total: Decimal,
        /// The currency.
        currency: String,
    },
    /// The deposit and the milestones' payments do not add up to the fee.
    Payments {
        /// The key of the milestones' list.
        key: String,
        /// The deposit, as an amount.
        deposit: Decimal,
        /// What the payments add up to.
        payments: Decimal,
        /// The fee.
        fee: Decimal,
        /// The currency.
        currency: String,
    },
    /// A milestone's date out of order, or outside the work.
    MilestoneDate {
        /// The key of the milestones' list.
        key: String,
        /// The date field.
        field: String,
        /// Which record.
        number: usize,
        /// Its date.
        date: jiff::civil::Date,
        /// What it is wrongly placed against.
        why: DateOrder,
    },
    /// An answer holding a character the PDF's fonts cannot draw.
    Unprintable {
        /// The key.
        key: String,
        /// The character.
        character: char,
    },
}

/// Why a place cannot be found from the answers.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum PlaceWhy {
    /// The country answered has no jurisdiction profile.
    NoProfile {
        /// The country answered.
        country: String,
        /// The countries that have one.
        known: Vec<String>,
    },
    /// The region answered is not one of the country's.
    NotARegion(NotARegion),
    /// The answer is required for the country answered (a region, or the law and courts of a
    /// country without a profile).
    Required,
}

/// What a milestone's date comes wrongly before or after.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum DateOrder {
    /// The date of an earlier record, later than this one.
    Before {
        /// The earlier record.
        number: usize,
        /// Its date.
        date: jiff::civil::Date,
    },
    /// The start of the work.
    BeforeStart(jiff::civil::Date),
    /// The target date of the final delivery.
    AfterDelivery(jiff::civil::Date),
}

impl Fault {
    /// The English words of the fault, as `build` says them (`library`: the questions'
    /// words); `None` for a fault of the shape, whose diagnostic is worded where it is read.
    #[must_use]
    pub(crate) fn english(&self, library: &Library) -> Option<String> {
        let prompt = |key: &str| library.question(key).map_or("", |q| q.prompt.as_str());
        let item = |key: &str| library.question(key).map_or("record", |q| q.item.as_str());
        let money = |amount: &Decimal, currency: &str| {
            format::money(*amount, currency, Locale::default())
                .unwrap_or_else(|| amount.to_string())
        };
        let long = |date: &jiff::civil::Date| format::long_date(*date, Locale::default());
        let english = match self {
            Fault::Shape(_) => return None,
            Fault::Empty => "the answers file is empty".to_owned(),
            Fault::Blank { key } => format!(
                "`{key}` is blank: a required answer needs at least one visible character ({})",
                prompt(key)
            ),
            Fault::Refused { key, refusal } => format!("`{key}` {refusal}"),
            Fault::Required { key } => format!("`{key}` is required: {}", prompt(key)),
            Fault::Finer {
                key,
                amount,
                currency,
            } => format!(
                "`{key}` is {}; {}",
                amount.normalize(),
                crate::model::finer_than_minor_unit(*amount, currency).unwrap_or_default()
            ),
            Fault::FieldFiner {
                key,
                field,
                number,
                amount,
                currency,
            } => format!(
                "`{field}` of {} {number} of `{key}` is {}; {}",
                item(key),
                amount.normalize(),
                crate::model::finer_than_minor_unit(*amount, currency).unwrap_or_default()
            ),
            Fault::Place { key, english, .. } => format!("`{key}` {english}"),
            Fault::Prices {
                fee_key,
                fee,
                key,
                total,
                currency,
            } => format!(
                "`{fee_key}` is {}, but the prices of the {}s of `{key}` add up to {}: the contract gives both, so they must agree",
                money(fee, currency),
                item(key),
                money(total, currency)
            ),
            Fault::Payments {
                key,
                deposit,
                payments,
                fee,
                currency,
            } => format!(
                "the deposit ({}) and the payments of `{key}` ({}) add up to {}, not the fee of {}: the milestone payments must add up to {}",
                money(deposit, currency),
                money(payments, currency),
                money(&(deposit + payments), currency),
                money(fee, currency),
                money(&(fee - deposit), currency)
            ),
            Fault::MilestoneDate {
                key,
                field,
                number,
                date,
                why,
            } => {
                let item = item(key);
                let why = match why {
                    DateOrder::Before { number, date } => format!(
                        "is before that of {item} {number}, {}: list the {item}s in date order",
                        long(date)
                    ),
                    DateOrder::BeforeStart(start) => {
                        format!("is before the work starts, on {}", long(start))
                    }
                    DateOrder::AfterDelivery(delivery) => format!(
                        "is after the target date for the final delivery, {}",
                        long(delivery)
                    ),
                };
                format!(
                    "`{field}` of {item} {number} of `{key}`, {}, {why}",
                    long(date)
                )
            }
            Fault::Unprintable { key, character } => format!(
                "`{key}` holds the character '{character}' (U+{:04X}), which the PDF font cannot show",
                u32::from(*character)
            ),
        };
        Some(english)
    }
}
