//! The serde shapes of the library's files, exactly as written: `library.yaml` (title,
//! sections, questions) and a clause file. Spans are kept so every later error can point
//! at its line.

use serde::Deserialize;
use serde_saphyr::Spanned;

use crate::model::{Choice, Scalar, Type};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawLibrary {
    pub(super) title: Spanned<String>,
    pub(super) sections: Vec<RawSection>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawSection {
    pub(super) title: String,
    pub(super) questions: Vec<RawQuestion>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawQuestion {
    pub(super) key: Spanned<String>,
    #[serde(rename = "type")]
    pub(super) ty: Spanned<Type>,
    pub(super) prompt: Spanned<String>,
    pub(super) label: Option<String>,
    pub(super) unit: Option<String>,
    pub(super) help: Option<String>,
    pub(super) default: Option<Spanned<Scalar>>,
    #[serde(default)]
    pub(super) defaults: Vec<RawDefault>,
    pub(super) min: Option<Spanned<Scalar>>,
    pub(super) max: Option<Spanned<Scalar>>,
    #[serde(default)]
    pub(super) required: bool,
    #[serde(default)]
    pub(super) choices: Vec<Choice>,
    pub(super) when: Option<Spanned<String>>,
    #[serde(default)]
    pub(super) rate: bool,
    pub(super) late_payer: Option<RawLatePayer>,
    #[serde(default)]
    pub(super) profile: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawDefault {
    pub(super) when: Option<Spanned<String>>,
    pub(super) value: Spanned<Scalar>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawLatePayer {
    pub(super) at_least: Option<Spanned<Scalar>>,
    pub(super) at_most: Option<Spanned<Scalar>>,
    pub(super) set: Option<Spanned<Scalar>>,
    pub(super) if_missing: Option<Spanned<Scalar>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawClause {
    pub(super) id: Spanned<String>,
    pub(super) title: Spanned<String>,
    pub(super) order: Spanned<i64>,
    pub(super) when: Option<Spanned<String>>,
    #[serde(default = "yes")]
    pub(super) numbered: bool,
    #[serde(default)]
    pub(super) keep_together: bool,
    pub(super) summary: Option<Spanned<String>>,
    pub(super) body: Spanned<String>,
}

fn yes() -> bool {
    true
}
