//! Place variables: what a jurisdiction profile, resolved with the answers, gives clauses and
//! letters (`{{place.law}}`, `when: place.cancellation`). They are derived, never answered: the
//! library may not declare them, an answers file may not set them, and `prepare` fills them in.

use std::sync::LazyLock;

use super::{Question, Type};

/// The prefix every place variable has.
pub const PREFIX: &str = "place.";

/// "the laws of the State of Oregon"
pub const LAW: &str = "place.law";
/// "the state courts located in Multnomah County, Oregon"
pub const COURTS: &str = "place.courts";
/// "the small claims track of the County Court"
pub const SMALL_CLAIMS: &str = "place.small_claims";
/// The dispute clause's sentence about the small-claims route.
pub const SMALL_CLAIMS_CLAUSE: &str = "place.small_claims_clause";
/// Where the public holidays that business days skip are observed: "England and Wales".
pub const HOLIDAYS: &str = "place.holidays";
/// The client is a consumer (`client.consumer: true`).
pub const CONSUMER: &str = "place.consumer";
/// The client is a consumer with a statutory right to cancel (the model form goes in).
pub const CANCELLATION: &str = "place.cancellation";

/// The freelancer-protection laws of the place that reach the contract by its value, by name
/// ("the Illinois Freelance Worker Protection Act (820 ILCS 193)"); empty where none does.
pub const FREELANCER_LAWS: &str = "place.freelancer_laws";

/// Every place variable: key, type and what it holds (shown by `check` and the README).
pub const VARIABLES: &[(&str, Type, &str)] = &[
    (
        LAW,
        Type::Text,
        "the governing law: \"the laws of the State of Oregon\"",
    ),
    (
        COURTS,
        Type::Text,
        "the courts that hear disputes: \"the state courts located in Multnomah County, Oregon\"",
    ),
    (
        SMALL_CLAIMS,
        Type::Text,
        "the small-claims route: \"the small claims court\"",
    ),
    (
        SMALL_CLAIMS_CLAUSE,
        Type::Text,
        "a sentence on using the small-claims route, for the dispute clause",
    ),
    (
        HOLIDAYS,
        Type::Text,
        "where the public holidays that business days skip are observed: \"the State of Oregon\"",
    ),
    (
        FREELANCER_LAWS,
        Type::Text,
        "the freelancer-protection laws of the place that reach this contract by its value, by name, joined by \"and\"; empty where none does",
    ),
    (CONSUMER, Type::Bool, "the client is a consumer"),
    (
        CANCELLATION,
        Type::Bool,
        "the client is a consumer with a right to cancel (GB, the EU, TR)",
    ),
];

static QUESTIONS: LazyLock<Vec<Question>> = LazyLock::new(|| {
    VARIABLES
        .iter()
        .map(|(key, ty, help)| Question::new(key, *ty, help))
        .collect()
});

/// The place variables as questions, for the checks that look keys up.
#[must_use]
pub fn questions() -> &'static [Question] {
    &QUESTIONS
}

/// The place variable `key`, if it is one.
#[must_use]
pub fn question(key: &str) -> Option<&'static Question> {
    questions().iter().find(|q| q.key == key)
}
