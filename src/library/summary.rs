//! A question's `summary` as `library.yaml` (and a translation's `library.yaml`) writes it:
//! takes the raw declaration and the question's type, and returns the [`Summary`] the
//! interview's summary words the answer with, or why it cannot be one. A yes-or-no question
//! gives a phrase for each answer (`summary: { if_yes: ..., if_no: ... }`: a bare `yes:` key
//! is read as `true` in YAML 1.1, so the keys say `if_`); any other a phrase with `{}` where
//! the answer goes (`summary: "warning after {} of silence"`).

use schemars::JsonSchema;
use serde::Deserialize;

use crate::model::schema::summary::{SLOT, phrase_problem};
use crate::model::{Summary, Type};

/// A `summary:` as written.
#[cfg_attr(test, derive(Debug, PartialEq))]
#[derive(Deserialize, JsonSchema)]
#[serde(
    untagged,
    expecting = "`summary` is a phrase with `{}` where the answer goes, or for a yes-or-no question a phrase for each answer: `{ if_yes: ..., if_no: ... }`"
)]
pub(super) enum RawSummary {
    /// A phrase with `{}` where the answer goes: "warning after {} of silence".
    Phrase(String),
    /// A yes-or-no question's phrase for each answer.
    YesNo(RawYesNo),
}

/// A yes-or-no question's summary: a phrase for each answer.
#[cfg_attr(test, derive(Debug, PartialEq))]
#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(super) struct RawYesNo {
    /// Said when the answer is yes.
    if_yes: String,
    /// Said when the answer is no.
    if_no: String,
}

/// The summary `raw` declares for a question of type `ty`, or why it cannot be one (a
/// sentence to follow the question's key).
pub(super) fn read(raw: &RawSummary, ty: Type) -> Result<Summary, String> {
    match (raw, ty) {
        (RawSummary::YesNo(words), Type::Bool) => {
            for phrase in [&words.if_yes, &words.if_no] {
                if phrase.trim().is_empty() {
                    return Err("has an empty summary phrase".into());
                }
            }
            Ok(Summary::YesNo {
                yes: words.if_yes.clone(),
                no: words.if_no.clone(),
            })
        }
        (RawSummary::Phrase(_), Type::Bool) => Err(format!(
            "is a yes-or-no question: its `summary` gives a phrase for each answer, `{{ if_yes: ..., if_no: ... }}`, not one with `{SLOT}`"
        )),
        (RawSummary::YesNo(_), ty) => Err(format!(
            "is {ty}, not a yes-or-no question: its `summary` is one phrase with `{SLOT}` where the answer goes"
        )),
        (RawSummary::Phrase(phrase), _) => match phrase_problem(phrase) {
            Some(problem) => Err(format!("has {}", problem.trim_start_matches("the "))),
            None => Ok(Summary::Phrase(phrase.clone())),
        },
    }
}
