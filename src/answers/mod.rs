//! Answers: takes an answers file's text and the [`Library`](crate::library::Library) and
//! returns typed, validated [`Answers`], or every problem in the file at once.
//!
//! An answers file is YAML whose nested keys spell the declared dotted keys (`client:` then
//! `phone:` is `client.phone`). Values are checked against their declaration (type, range,
//! choices, required); questions whose `when` is false are dropped; missing values take the
//! declared defaults.
//!
//! ```text
//! read        answers file → Given (values as written, where, and shape problems)
//! problem     a problem of the shape or of an answer: its English diagnostic and its facts,
//!             for other languages
//! validate    answers file → Answers (typed, defaulted, every problem at once)
//! records     the records of a list → a typed list, every bad field at its line
//! agree       the scope's prices, the milestones and the fee that must agree
//! late_payer  Answers → Answers hardened for a repeat late payer, and the Changes
//! place       Answers + the library's profiles → Place (law, courts, holidays, conventions)
//! write       Answers → answers file
//! ```

mod agree;
mod late_payer;
mod place;
mod problem;
mod read;
mod records;
mod validate;
mod write;

use std::collections::BTreeMap;

use crate::model::Value;
use crate::model::keys::{COUNTRY, CURRENCY, DEFAULT_CURRENCY};

pub use late_payer::Change;
pub(crate) use place::{place_in, place_of};
pub(crate) use problem::{DateOrder, Facts, Fault, Invalid, PlaceWhy, Problem};
pub(crate) use read::{
    Given, Located, language_written, read_given, read_or_refuse, value_locations,
};
pub(crate) use read::{Parsed, parse_yaml};
pub(crate) use read::{scalar_width, written_money};
pub(crate) use records::typed_records;
pub use validate::parse;
pub(crate) use validate::{check, check_parsed};

/// The currency in which the amounts of an answers file are read (`1.250,50` is an amount
/// of euros, not of dollars): the `fees.currency` it writes, else the currency the library
/// offers for the country it writes, else [`DEFAULT_CURRENCY`].
pub(crate) fn given_currency(
    values: &BTreeMap<String, read::Located>,
    library: &crate::library::Library,
) -> String {
    let text = |key: &str| match values.get(key).map(|l| &l.scalar) {
        Some(crate::model::Scalar::Str(text)) => Some(Value::Text(text.trim().to_owned())),
        _ => None,
    };
    let Some(question) = library.question(CURRENCY) else {
        return DEFAULT_CURRENCY.to_owned();
    };
    if let Some(Value::Text(code)) = text(CURRENCY)
        && question.choices.iter().any(|c| c.value == code)
    {
        return code;
    }
    let country = text(COUNTRY);
    question
        .default_for(|key| (key == COUNTRY).then_some(country.as_ref()).flatten())
        .map_or_else(|| DEFAULT_CURRENCY.to_owned(), ToString::to_string)
}

/// Validated answers, by dotted key.
#[derive(Debug, Clone, Default)]
pub struct Answers {
    values: BTreeMap<String, Value>,
    /// Whether these answers were already hardened for a late payer (rates multiplied), as
    /// recorded by `--save-answers` under the reserved key `clausewright.late_payer_applied`.
    pub late_payer_applied: bool,
    /// Where the answers file that gave these answers wrote each single value (line, column
    /// and width of the value), so that the term lint need not read the file again; empty for
    /// answers from elsewhere (the interview). Not part of what the answers are.
    pub(crate) places: BTreeMap<String, (usize, usize, usize)>,
}

impl PartialEq for Answers {
    fn eq(&self, other: &Self) -> bool {
        self.values == other.values && self.late_payer_applied == other.late_payer_applied
    }
}

impl Eq for Answers {}

/// The reserved top-level key for what clausewright records about an answers file.
pub const RESERVED_KEY: &str = "clausewright";

impl Answers {
    /// The answer to `key`, if answered (and its question applies).
    #[must_use]
    pub fn get(&self, key: &str) -> Option<&Value> {
        self.values.get(key)
    }

    /// Sets an answer.
    pub fn set(&mut self, key: &str, value: Value) {
        self.values.insert(key.to_owned(), value);
    }

    /// Removes an answer.
    pub fn remove(&mut self, key: &str) -> Option<Value> {
        self.values.remove(key)
    }

    /// Every answer, by key.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &Value)> {
        self.values.iter().map(|(k, v)| (k.as_str(), v))
    }

    /// The answers as the nested JSON object templates render with.
    #[must_use]
    pub fn to_json(&self) -> serde_json::Value {
        let mut root = serde_json::Map::new();
        for (key, value) in &self.values {
            let mut map = &mut root;
            let mut segments = key.split('.').peekable();
            while let Some(segment) = segments.next() {
                if segments.peek().is_none() {
                    map.insert(segment.to_owned(), value.to_json());
                } else {
                    let entry = map
                        .entry(segment.to_owned())
                        .or_insert_with(|| serde_json::Value::Object(serde_json::Map::new()));
                    // Declarations never make a key both a value and a parent (the library
                    // loader refuses that), so the entry is always an object here.
                    let serde_json::Value::Object(inner) = entry else {
                        break;
                    };
                    map = inner;
                }
            }
        }
        serde_json::Value::Object(root)
    }

    /// The ISO 4217 code of the contract's currency: the answer to `fees.currency`, else `USD`.
    #[must_use]
    pub fn currency(&self) -> String {
        self.get(CURRENCY)
            .map_or_else(|| DEFAULT_CURRENCY.to_owned(), ToString::to_string)
    }
}
