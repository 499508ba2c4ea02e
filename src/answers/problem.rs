//! Problems: what is wrong with the shape of an answers file (a key not declared, a key given
//! twice, a list where one value goes, a bad record of a list), each as the located English
//! [`Diagnostic`] that `build` prints and as facts ([`Facts`]) from which another language
//! words the same problem (`new --answers` warns in the interview's language). The facts hold
//! keys, numbers and values as written, never prose.

use std::fmt;

use crate::error::Diagnostic;
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
