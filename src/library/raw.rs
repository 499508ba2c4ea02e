//! The serde shapes of the library's files, exactly as written: `library.yaml` (title,
//! sections, questions, trades) and a clause file. Spans are kept so every later error can point
//! at its line.
//!
//! The same shapes give `clausewright schema library` and `schema clause` their JSON Schemas
//! (through `schemars`, which reads the serde attributes), so the schemas cannot drift from
//! what the loader accepts; the `///` comments are the descriptions an editor shows.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::Deserialize;
use serde_saphyr::Spanned;

use crate::model::{Choice, Scalar, Term, Type};

/// `library.yaml`: the contract's title and every question of the interview, in sections.
#[cfg_attr(test, derive(Debug, PartialEq))]
#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "clausewright library.yaml")]
pub(super) struct RawLibrary {
    /// The contract's title, printed at its top ("Freelance Services Agreement"), unless the
    /// profession's row of `trades` gives one.
    #[schemars(with = "String")]
    pub(super) title: Spanned<String>,
    /// The questions, in groups the interview asks together, in order.
    pub(super) sections: Vec<RawSection>,
    /// For each profession (a choice of `freelancer.profession`), the words its contract uses:
    /// `{{trade.role}}` and so on; `title`, when given, is the contract's title.
    #[schemars(with = "Option<BTreeMap<String, BTreeMap<String, String>>>")]
    pub(super) trades: Option<BTreeMap<String, BTreeMap<String, Spanned<String>>>>,
    /// For each profession of `trades`, the words (in any language) that mark a text as that
    /// trade's work: `build` warns when a description of the work names those of other trades
    /// only. A trailing `*` stands for any ending (`website*`).
    #[schemars(with = "Option<BTreeMap<String, Vec<String>>>")]
    pub(super) trade_signs: Option<BTreeMap<String, Vec<Spanned<String>>>>,
}

/// A group of questions asked together.
#[cfg_attr(test, derive(Debug, PartialEq))]
#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(super) struct RawSection {
    /// The interview's heading for the group ("The client").
    pub(super) title: String,
    /// The questions, in the order they are asked.
    pub(super) questions: Vec<RawQuestion>,
}

/// One declared variable and the question that asks for it.
#[cfg_attr(test, derive(Debug, PartialEq))]
#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(super) struct RawQuestion {
    /// The dotted key answers files and clause bodies use: lower snake case segments joined by
    /// `.` (`client.phone`).
    #[schemars(
        with = "String",
        regex(pattern = r"^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*$")
    )]
    pub(super) key: Spanned<String>,
    /// The value's type.
    #[serde(rename = "type")]
    #[schemars(with = "Type")]
    pub(super) ty: Spanned<Type>,
    /// The question the interview asks.
    #[schemars(with = "String")]
    pub(super) prompt: Spanned<String>,
    /// A short name for summaries ("hourly rate"); the key's last segment when absent.
    pub(super) label: Option<String>,
    /// What a number means, for summaries ("business days").
    pub(super) unit: Option<String>,
    /// How the interview's summary words the answer: a phrase with `{}` where the answer
    /// goes ("warning after {} of silence"), or for a yes-or-no question a phrase for each
    /// answer (`{ if_yes: ..., if_no: ... }`); `label: answer` when absent.
    pub(super) summary: Option<super::summary::RawSummary>,
    /// Advice the interview shows on request.
    pub(super) help: Option<String>,
    /// The answer taken when the answers file and the interview give none.
    #[schemars(with = "Option<Scalar>")]
    pub(super) default: Option<Spanned<Scalar>>,
    /// Defaults that depend on earlier answers, for the interview; the first whose `when`
    /// holds wins.
    #[serde(default)]
    pub(super) defaults: Vec<RawDefault>,
    /// The smallest allowed value (money, percent, integer, date).
    #[schemars(with = "Option<Scalar>")]
    pub(super) min: Option<Spanned<Scalar>>,
    /// The largest allowed value (money, percent, integer, date).
    #[schemars(with = "Option<Scalar>")]
    pub(super) max: Option<Spanned<Scalar>>,
    /// Whether an answer must be given (a default counts).
    #[serde(default)]
    pub(super) required: bool,
    /// The allowed values of a `choice`.
    #[serde(default)]
    pub(super) choices: Vec<Choice>,
    /// A condition on earlier answers: the question and its answer apply only when it holds.
    #[schemars(with = "Option<String>")]
    pub(super) when: Option<Spanned<String>>,
    /// A money value that is multiplied for a repeat late payer.
    #[serde(default)]
    pub(super) rate: bool,
    /// How a repeat late payer's answer is hardened.
    pub(super) late_payer: Option<RawLatePayer>,
    /// The freelancer's own detail, the same for every client: `clausewright new` saves it to
    /// the profile and offers it next time.
    #[serde(default)]
    pub(super) profile: bool,
    /// The business term the answer plays, for the term lint of `build`.
    #[schemars(with = "Option<Term>")]
    pub(super) term: Option<Spanned<Term>>,
    /// The fields of each record of a `list`, each declared like a question with a one-word
    /// key.
    #[serde(default)]
    pub(super) fields: Vec<RawQuestion>,
    /// What one record of a `list` is called ("deliverable", "milestone").
    pub(super) item: Option<String>,
}

/// A conditional default: the value, and when it applies.
#[cfg_attr(test, derive(Debug, PartialEq))]
#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(super) struct RawDefault {
    /// A condition on earlier answers; absent means always.
    #[schemars(with = "Option<String>")]
    pub(super) when: Option<Spanned<String>>,
    /// The default.
    #[schemars(with = "Scalar")]
    pub(super) value: Spanned<Scalar>,
}

/// How a repeat late payer's answer is hardened: exactly one of the four.
#[cfg_attr(test, derive(Debug, PartialEq))]
#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(extend("minProperties" = 1, "maxProperties" = 1))]
pub(super) struct RawLatePayer {
    /// A missing or lower answer becomes this.
    #[schemars(with = "Option<Scalar>")]
    pub(super) at_least: Option<Spanned<Scalar>>,
    /// A missing or higher answer becomes this.
    #[schemars(with = "Option<Scalar>")]
    pub(super) at_most: Option<Spanned<Scalar>>,
    /// The answer is always this.
    #[schemars(with = "Option<Scalar>")]
    pub(super) set: Option<Spanned<Scalar>>,
    /// A missing answer becomes this.
    #[schemars(with = "Option<Scalar>")]
    pub(super) if_missing: Option<Spanned<Scalar>>,
}

/// A clause file: one section of the contract.
#[cfg_attr(test, derive(Debug, PartialEq))]
#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "clausewright clause file")]
pub(crate) struct RawClause {
    /// Unique, kebab-case; `{{section "id"}}` refers to the clause by it.
    #[schemars(with = "String", regex(pattern = r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$"))]
    pub(super) id: Spanned<String>,
    /// The section heading, after its number.
    #[schemars(with = "String")]
    pub(super) title: Spanned<String>,
    /// The position in the contract (ties are broken by id).
    #[schemars(with = "i64")]
    pub(super) order: Spanned<i64>,
    /// A condition on the answers: the clause is included only when it holds.
    #[schemars(with = "Option<String>")]
    pub(super) when: Option<Spanned<String>>,
    /// Whether the heading gets a section number (`false` for the signature block).
    #[serde(default = "yes")]
    pub(super) numbered: bool,
    /// Whether the PDF keeps the whole clause on one page.
    #[serde(default)]
    pub(super) keep_together: bool,
    /// Whether the clause is the signature block: each paragraph set wholly in bold opens a
    /// signing party's part, and the PDF gives the party's first blank line (`_____`) a
    /// signature field named after the party, and sets two parties side by side.
    #[serde(default)]
    pub(super) signatures: bool,
    /// What the clause does for the freelancer, in a sentence or two of plain text, for the
    /// cover note of `build --explain`.
    #[schemars(with = "Option<String>")]
    pub(super) summary: Option<Spanned<String>>,
    /// The clause's text: a Handlebars template that produces Markdown.
    #[schemars(with = "String")]
    pub(super) body: Spanned<String>,
}

fn yes() -> bool {
    true
}

/// The JSON Schema (draft 7) of a file of shape `T`.
fn schema_of<T: JsonSchema>() -> serde_json::Value {
    schemars::generate::SchemaSettings::draft07()
        .into_generator()
        .into_root_schema_for::<T>()
        .to_value()
}

/// The JSON Schema of `library.yaml`.
pub(super) fn library_schema() -> serde_json::Value {
    schema_of::<RawLibrary>()
}

/// The JSON Schema of a clause file.
pub(super) fn clause_schema() -> serde_json::Value {
    schema_of::<RawClause>()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::yaml::tape::tests::same_as_yaml;

    #[test]
    fn library_yaml_reads_from_its_tape_as_from_its_yaml() {
        assert_eq!(same_as_yaml::<RawLibrary>(|r| r == "library.yaml"), 1);
    }

    #[test]
    fn every_clause_file_in_every_language_reads_from_its_tape_as_from_its_yaml() {
        let clause = |r: &str| {
            !r.ends_with("library.yaml") && !r.contains("letters/") && !r.contains("jurisdictions/")
        };
        let compared = same_as_yaml::<RawClause>(clause);
        assert!(compared > 90, "{compared}");
    }
}
