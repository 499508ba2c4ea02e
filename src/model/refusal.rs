//! Why an answer was refused: the reason [`typed_value_why`](super::typed::typed_value_why)
//! gives, as English text (the end of a sentence that starts with the key: "is \"abc\";
//! expected an amount …") and as facts ([`Why`]) from which another language words the same
//! reason (the interview's Turkish catalogue does). The facts hold values as typed or as
//! numbers, never as prose: wording them is for `format` and the catalogues.

use rust_decimal::Decimal;

use super::Value;

/// A refused answer: the English reason, and the facts behind it.
#[derive(Debug, Clone, PartialEq)]
pub struct Refusal {
    /// The English reason, the end of a sentence that starts with the key.
    pub english: String,
    /// What is wrong, for wording in another language.
    pub why: Why,
}

impl Refusal {
    pub(crate) fn new(english: String, why: Why) -> Self {
        Self { english, why }
    }
}

impl std::fmt::Display for Refusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.english)
    }
}

/// What is wrong with an answer. `typed` is the answer as written (trimmed); a message
/// quotes it.
#[derive(Debug, Clone, PartialEq)]
pub enum Why {
    /// An amount that reads two ways (`1.250`): both readings and the mark.
    TwoWays {
        /// As written.
        typed: String,
        /// With the mark grouping thousands.
        grouped: Decimal,
        /// With the mark before the cents.
        decimal: Decimal,
        /// `.` or `,`.
        mark: char,
    },
    /// Longer than its type allows.
    TooLong {
        /// Its length, in characters.
        length: usize,
        /// The most allowed.
        limit: usize,
    },
    /// A text answer written as a number or a yes-or-no in YAML.
    NotText,
    /// A control character inside a text.
    Control(char),
    /// A character that changes the direction text is shown in.
    Direction(char),
    /// Not an email address.
    Email {
        /// As written.
        typed: String,
    },
    /// Not a phone number a contract can give.
    Phone {
        /// As written.
        typed: String,
        /// What is missing or wrong.
        problem: Phone,
    },
    /// Not one of the question's choices.
    NotAChoice {
        /// As written.
        typed: String,
    },
    /// Not a number (or amount, or percent, or whole number) written in digits.
    NotANumber {
        /// As written.
        typed: String,
    },
    /// A YAML float with more digits than a float holds.
    FloatDigits {
        /// As written.
        typed: String,
    },
    /// More decimal places than the type takes (two for an amount, four for a percent).
    TooManyPlaces {
        /// As written.
        typed: String,
        /// The most places allowed.
        places: u32,
    },
    /// A date with a month past twelve (or zero).
    NoSuchMonth {
        /// As written.
        typed: String,
        /// The month written.
        month: i8,
    },
    /// A date with a day its month does not have.
    NoSuchDay {
        /// As written.
        typed: String,
        /// The first day of the month written.
        month: jiff::civil::Date,
        /// How many days the month has.
        days: i8,
    },
    /// Not a date written `YYYY-MM-DD`.
    NotADate {
        /// As written.
        typed: String,
    },
    /// Not `true` or `false` (an answers file's yes-or-no).
    NotABool,
    /// A single value given for a list.
    NotAList,
    /// A value outside the question's range (or the type's: a negative amount, a percent
    /// above 100).
    OutOfRange {
        /// The value.
        value: Value,
    },
}

/// What is wrong with a phone number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phone {
    /// It holds letters.
    Letters,
    /// It holds characters a phone number does not (other than digits, spaces, `+-().x/`).
    Characters,
    /// More digits than any number has.
    TooManyDigits,
    /// `00` written for the `+` of the country code.
    DoubleZero,
    /// No country code.
    NoCountryCode,
    /// No country has the code given.
    UnknownCountryCode,
    /// Too few digits after the country code.
    TooFewDigits,
    /// Not a complete number of the country with this code.
    Incomplete(u16),
}
