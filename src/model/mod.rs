//! The model every stage shares, and the leaf of the module graph (it imports no other stage):
//! typed values, the declaration schema, the condition language, the typing of a written
//! scalar, and the answer keys the code reads by name.
//!
//! ```text
//! value      Value (a typed answer), Scalar (a YAML scalar as written)
//! schema     Question, Type, Choice, LatePayer: what library.yaml declares
//!   condition  Condition: `when:` expressions, parsed, type-checked and evaluated
//!   term       Term: the part an answer plays in the business terms the lint reads
//! typed      Scalar + Question → Value (typed_value, parse_number)
//! refusal    why an answer was refused: the English reason and its facts (Refusal, Why)
//! amount     the text of a money answer + currency → an amount, or the two it could be
//! rounding   amounts → rounded once, halves away from zero (the one rule)
//! minor_unit a currency's decimal places; an amount written finer than them
//! phone      a phone answer → whether it is a whole number with its country code
//!   read     the answer → calling code and national number, as `phonenumber` reads it
//!   plan     one region's numbering plan as stored: lengths and digit automata
//! keys       the well-known answer keys (agreement.date, relationship, …)
//! place      the place variables a jurisdiction profile derives (place.law, …)
//! language   Language, Languages: the languages a contract is written in (en, tr, en+tr)
//! ```

pub mod amount;
pub mod keys;
pub mod language;
pub mod minor_unit;
mod phone;
pub mod place;
pub mod refusal;
mod relative_date;
pub mod rounding;
pub mod schema;
pub mod typed;
pub mod value;

pub use amount::{Amount, read_amount};
pub use language::{Language, Languages};
pub use minor_unit::{finer_than_minor_unit, minor_units};
pub use relative_date::{relative_date, relative_date_in};
pub use schema::condition::{Condition, ConditionError};
pub use schema::summary::Summary;
pub use schema::term::Term;
pub use schema::{Choice, LatePayer, Question, Type, max_amount};
pub use typed::{
    BLANK, NumberForm, is_blank, is_invisible, max_chars, number_form, optional_text,
    optional_text_why, parse_number, required_text, typed_value, typed_value_in, typed_value_why,
};
pub use value::{Record, Scalar, Value};
