//! The clause library: takes the library's files (`library.yaml` and one YAML file per clause)
//! and returns a checked [`Library`], with every problem found as a [`Diagnostic`].
//!
//! Loading checks everything that can be known without answers: the schema of each file,
//! unique ids, that conditions parse and compare compatible types, that templates compile and
//! use only declared keys and known helpers, and that cross-references name real clauses.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use handlebars::template::{Parameter, Template, TemplateElement};
use serde::Deserialize;
use serde_saphyr::Spanned;

use crate::answers::{self, Answers, Scalar, Value, yaml_diagnostic};
use crate::condition::Condition;
use crate::error::Diagnostic;

/// The name of the file that declares the library's title and variables.
pub const LIBRARY_FILE: &str = "library.yaml";

/// The Handlebars helpers clause bodies may call (registered by the markdown stage).
pub const HELPERS: &[&str] = &[
    "money",
    "percent",
    "date",
    "words",
    "percent_of",
    "times",
    "minus",
    "section",
];

/// The block helpers clause bodies may use.
const BLOCK_HELPERS: &[&str] = &["if", "unless"];

/// One file of a library, read by the caller from disk or from the built-in copy.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// The path relative to the library's folder, with `/` separators (`040-deposit.yaml`).
    pub relative: String,
    /// The name shown in diagnostics (`clauses/040-deposit.yaml`).
    pub display: String,
    /// The file's text.
    pub text: String,
}

/// A loaded, checked library.
#[derive(Debug, Clone)]
pub struct Library {
    /// The contract's title.
    pub title: String,
    /// The questions, in interview order.
    pub sections: Vec<Section>,
    /// The clauses, sorted by order then id.
    pub clauses: Vec<Clause>,
}

/// A group of questions asked together.
#[derive(Debug, Clone)]
pub struct Section {
    /// Shown as the interview's heading ("The client").
    pub title: String,
    /// The questions, in order.
    pub questions: Vec<Question>,
}

/// The type of a declared variable.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Type {
    /// Any text.
    Text,
    /// An email address.
    Email,
    /// A phone number.
    Phone,
    /// An amount of money, exact to the cent.
    Money,
    /// A percentage from 0 to 100.
    Percent,
    /// A whole number.
    Integer,
    /// A calendar date.
    Date,
    /// Yes or no.
    Bool,
    /// One of a list of values.
    Choice,
}

impl fmt::Display for Type {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Type::Text => "text",
            Type::Email => "email",
            Type::Phone => "phone",
            Type::Money => "money",
            Type::Percent => "percent",
            Type::Integer => "integer",
            Type::Date => "date",
            Type::Bool => "bool",
            Type::Choice => "choice",
        })
    }
}

impl Type {
    /// What a value of this type looks like, with the question's limits: "a percent from 10 to 100".
    #[must_use]
    pub fn expectation(self, question: &Question) -> String {
        let range = |unit: &str| match (&question.min, &question.max) {
            (Some(min), Some(max)) => format!(" from {min}{unit} to {max}{unit}"),
            (Some(min), None) => format!(" of at least {min}{unit}"),
            (None, Some(max)) => format!(" of at most {max}{unit}"),
            (None, None) => String::new(),
        };
        match self {
            Type::Text => "text".into(),
            Type::Email => "an email address".into(),
            Type::Phone => "a phone number".into(),
            Type::Money => format!("an amount such as 1250.00{}", range("")),
            Type::Percent => {
                if question.min.is_none() && question.max.is_none() {
                    "a percent from 0 to 100".into()
                } else {
                    format!("a percent{}", range("%"))
                }
            }
            Type::Integer => format!("a whole number{}", range("")),
            Type::Date => format!("a date written YYYY-MM-DD{}", range("")),
            Type::Bool => "true or false".into(),
            Type::Choice => {
                let values: Vec<String> = question
                    .choices
                    .iter()
                    .map(|c| format!("\"{}\"", c.value))
                    .collect();
                format!("one of {}", values.join(", "))
            }
        }
    }
}

/// One allowed value of a `choice`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Choice {
    /// The value written in answers files and compared in conditions.
    pub value: String,
    /// What the interview shows.
    pub label: String,
}

/// How a repeat late payer's answer is hardened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LatePayer {
    /// Missing or lower becomes this.
    AtLeast(Value),
    /// Missing or higher becomes this.
    AtMost(Value),
    /// Always this.
    Set(Value),
    /// This when missing.
    IfMissing(Value),
}

/// A declared variable and the question that asks for it.
#[derive(Debug, Clone)]
pub struct Question {
    /// Dotted key (`client.phone`).
    pub key: String,
    /// The value's type.
    pub ty: Type,
    /// The question the interview asks.
    pub prompt: String,
    /// A short name for summaries ("hourly rate"); defaults to the key's last segment.
    pub label: String,
    /// What a number means, for summaries ("business days").
    pub unit: Option<String>,
    /// Advice shown on request.
    pub help: Option<String>,
    /// The default answer.
    pub default: Option<Value>,
    /// Defaults that depend on earlier answers; the first whose condition holds wins.
    pub defaults: Vec<(Condition, Value)>,
    /// Smallest allowed value.
    pub min: Option<Value>,
    /// Largest allowed value.
    pub max: Option<Value>,
    /// Whether an answer must be given (a default counts).
    pub required: bool,
    /// Allowed values of a `choice`.
    pub choices: Vec<Choice>,
    /// The question applies only when this holds.
    pub when: Option<Condition>,
    /// Multiplied for a repeat late payer.
    pub rate: bool,
    /// Hardening for a repeat late payer.
    pub late_payer: Option<LatePayer>,
    /// The freelancer's own detail, the same for every client: `clausewright new` saves it to
    /// the profile and offers it next time.
    pub profile: bool,
    /// Where it is declared (`library.yaml`, line).
    pub line: usize,
}

impl Question {
    /// A question with only the required fields, for tests and generated libraries.
    #[must_use]
    pub fn new(key: &str, ty: Type, prompt: &str) -> Self {
        Self {
            key: key.to_owned(),
            ty,
            prompt: prompt.to_owned(),
            label: default_label(key),
            unit: None,
            help: None,
            default: None,
            defaults: Vec::new(),
            min: None,
            max: None,
            required: false,
            choices: Vec::new(),
            when: None,
            rate: false,
            late_payer: None,
            profile: false,
            line: 0,
        }
    }

    /// The default given the answers so far: the first conditional default that holds, else
    /// the plain default.
    #[must_use]
    pub fn default_for<'a>(
        &'a self,
        lookup: impl Fn(&str) -> Option<&'a Value>,
    ) -> Option<&'a Value> {
        self.defaults
            .iter()
            .find(|(when, _)| when.eval(&lookup))
            .map(|(_, value)| value)
            .or(self.default.as_ref())
    }

    /// A value of the right type for rendering every clause in `check`.
    #[must_use]
    pub fn sample(&self) -> Value {
        if let Some(value) = self
            .default
            .as_ref()
            .or(self.defaults.first().map(|d| &d.1))
        {
            return value.clone();
        }
        if let Some(min) = &self.min {
            return min.clone();
        }
        match self.ty {
            Type::Text => Value::Text(format!("Sample {}", self.label)),
            Type::Email => Value::Text("name@example.com".into()),
            Type::Phone => Value::Text("+1 217 555 0142".into()),
            Type::Money => Value::Number(rust_decimal::Decimal::new(125_000, 2)),
            Type::Percent => Value::Number(rust_decimal::Decimal::from(10)),
            Type::Integer => Value::Integer(10),
            Type::Date => Value::Date(jiff::civil::date(2026, 3, 2)),
            Type::Bool => Value::Bool(true),
            Type::Choice => Value::Text(
                self.choices
                    .first()
                    .map(|c| c.value.clone())
                    .unwrap_or_default(),
            ),
        }
    }
}

fn default_label(key: &str) -> String {
    key.rsplit('.').next().unwrap_or(key).replace('_', " ")
}

/// One clause of the contract.
#[derive(Debug, Clone)]
pub struct Clause {
    /// Unique kebab-case id.
    pub id: String,
    /// The section heading.
    pub title: String,
    /// Position in the contract.
    pub order: i64,
    /// Included only when this holds.
    pub when: Option<Condition>,
    /// Whether the heading gets a section number.
    pub numbered: bool,
    /// Whether the PDF keeps the clause on one page.
    pub keep_together: bool,
    /// The Handlebars source of the body.
    pub body: String,
    /// The compiled body.
    pub template: Template,
    /// Where the body sits in its file, to map template positions to file positions.
    pub origin: BodyOrigin,
}

/// Where a clause body sits in its YAML file.
#[derive(Debug, Clone)]
pub struct BodyOrigin {
    /// The file's display name.
    pub file: String,
    /// The file's text.
    pub text: String,
    /// The file line of the body's first line.
    pub line: usize,
    /// Columns to add to a body column to get the file column.
    pub indent: usize,
}

impl BodyOrigin {
    /// A diagnostic at `line:column` of the body (1-based), placed in the file.
    #[must_use]
    pub fn diagnostic(&self, line: usize, column: usize, message: String) -> Diagnostic {
        Diagnostic::error(
            &self.file,
            &self.text,
            self.line + line.saturating_sub(1),
            self.indent + column.max(1),
            message,
        )
    }
}

impl Library {
    /// Every question, in interview order.
    pub fn questions(&self) -> impl Iterator<Item = &Question> {
        self.sections.iter().flat_map(|s| s.questions.iter())
    }

    /// The question declaring `key`.
    #[must_use]
    pub fn question(&self, key: &str) -> Option<&Question> {
        self.questions().find(|q| q.key == key)
    }

    /// The clause with `id`.
    #[must_use]
    pub fn clause(&self, id: &str) -> Option<&Clause> {
        self.clauses.iter().find(|c| c.id == id)
    }

    /// Whether `prefix` is a parent of declared keys (`client` for `client.name`).
    #[must_use]
    pub fn is_parent(&self, prefix: &str) -> bool {
        self.questions().any(|q| {
            q.key.len() > prefix.len()
                && q.key.starts_with(prefix)
                && q.key.as_bytes()[prefix.len()] == b'.'
        })
    }

    /// The next segments below `prefix` (`name`, `phone` for `client`).
    #[must_use]
    pub fn children(&self, prefix: &str) -> Vec<String> {
        let mut children: Vec<String> = self
            .questions()
            .filter_map(|q| q.key.strip_prefix(prefix)?.strip_prefix('.'))
            .map(|rest| rest.split('.').next().unwrap_or(rest).to_owned())
            .collect();
        children.dedup();
        children
    }

    /// The declared key closest to a misspelt one, if any is close.
    #[must_use]
    pub fn suggest(&self, key: &str) -> Option<&str> {
        let allowed = if key.len() > 15 { 3 } else { 2 };
        self.questions()
            .map(|q| (strsim::levenshtein(key, &q.key), q.key.as_str()))
            .filter(|(distance, _)| *distance <= allowed)
            .min_by_key(|(distance, _)| *distance)
            .map(|(_, key)| key)
    }

    /// Answers with a sample value for every question, to render every clause in `check`.
    #[must_use]
    pub fn sample_answers(&self) -> Answers {
        let mut answers = Answers::default();
        for question in self.questions() {
            answers.set(&question.key, question.sample());
        }
        answers
    }
}

// ---------------------------------------------------------------------------------------------
// Raw files

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawLibrary {
    title: Spanned<String>,
    sections: Vec<RawSection>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSection {
    title: String,
    questions: Vec<RawQuestion>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawQuestion {
    key: Spanned<String>,
    #[serde(rename = "type")]
    ty: Spanned<Type>,
    prompt: Spanned<String>,
    label: Option<String>,
    unit: Option<String>,
    help: Option<String>,
    default: Option<Spanned<Scalar>>,
    #[serde(default)]
    defaults: Vec<RawDefault>,
    min: Option<Spanned<Scalar>>,
    max: Option<Spanned<Scalar>>,
    #[serde(default)]
    required: bool,
    #[serde(default)]
    choices: Vec<Choice>,
    when: Option<Spanned<String>>,
    #[serde(default)]
    rate: bool,
    late_payer: Option<RawLatePayer>,
    #[serde(default)]
    profile: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawDefault {
    when: Option<Spanned<String>>,
    value: Spanned<Scalar>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawLatePayer {
    at_least: Option<Spanned<Scalar>>,
    at_most: Option<Spanned<Scalar>>,
    set: Option<Spanned<Scalar>>,
    if_missing: Option<Spanned<Scalar>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawClause {
    id: Spanned<String>,
    title: Spanned<String>,
    order: Spanned<i64>,
    when: Option<Spanned<String>>,
    #[serde(default = "yes")]
    numbered: bool,
    #[serde(default)]
    keep_together: bool,
    body: Spanned<String>,
}

fn yes() -> bool {
    true
}

/// The outcome of loading: the library (with the clauses that loaded) and every diagnostic.
#[derive(Debug)]
pub struct Loaded {
    /// The library, whenever `library.yaml` could be read; clauses with errors are left out.
    pub library: Option<Library>,
    /// Every error and warning, in file order.
    pub diagnostics: Vec<Diagnostic>,
    /// Ids of clauses that were read but had errors (cross-references to them are not broken).
    pub failed_ids: Vec<String>,
}

impl Loaded {
    /// The library, or every error when there is any (warnings are dropped).
    pub fn into_library(self) -> Result<Library, crate::Error> {
        let errors: Vec<Diagnostic> = self
            .diagnostics
            .into_iter()
            .filter(|d| d.severity == crate::error::Severity::Error)
            .collect();
        match self.library {
            Some(library) if errors.is_empty() => Ok(library),
            _ => Err(crate::Error::Diagnostics(errors)),
        }
    }
}

/// Loads and checks a library from its files.
#[must_use]
pub fn load(files: &[SourceFile]) -> Loaded {
    let mut diagnostics = Vec::new();
    let Some(library_file) = files.iter().find(|f| f.relative == LIBRARY_FILE) else {
        let folder = files
            .first()
            .map(|f| f.display.strip_suffix(&f.relative).unwrap_or("").to_owned())
            .unwrap_or_default();
        diagnostics.push(Diagnostic::file_error(
            &format!("{folder}{LIBRARY_FILE}"),
            "the library has no library.yaml declaring its title and questions".into(),
        ));
        return Loaded {
            library: None,
            diagnostics,
            failed_ids: Vec::new(),
        };
    };
    let declarations = load_declarations(library_file, &mut diagnostics);
    let mut clauses = Vec::new();
    let mut seen: BTreeMap<String, String> = BTreeMap::new();
    let mut used: BTreeSet<String> = BTreeSet::new();
    let sections = declarations
        .as_ref()
        .map(|(_, s)| s.as_slice())
        .unwrap_or_default();
    let lookup = |key: &str| {
        sections
            .iter()
            .flat_map(|s| &s.questions)
            .find(|q| q.key == key)
    };
    for section in sections {
        for question in &section.questions {
            let conditions = question
                .when
                .iter()
                .chain(question.defaults.iter().map(|(c, _)| c));
            for condition in conditions {
                used.extend(condition.keys().into_iter().map(|(k, _)| k.to_owned()));
            }
        }
    }
    let mut failed_ids = Vec::new();
    let mut any_clause_failed = false;
    let clause_files: Vec<&SourceFile> = files
        .iter()
        .filter(|f| is_clause_file(&f.relative))
        .collect();
    for (file, (result, file_diagnostics, file_used)) in clause_files
        .iter()
        .zip(load_clauses(&clause_files, &lookup))
    {
        diagnostics.extend(file_diagnostics);
        used.extend(file_used);
        match result {
            Ok(clause) => {
                if let Some(first) = seen.get(&clause.id) {
                    diagnostics.push(duplicate_id(file, "id", &clause.id, first));
                    continue;
                }
                seen.insert(clause.id.clone(), file.display.clone());
                clauses.push(clause);
            }
            Err(id) => {
                any_clause_failed = true;
                failed_ids.extend(id);
            }
        }
    }
    if declarations.is_none() {
        // Without declarations every key looks undeclared; those errors would only repeat the
        // one in library.yaml.
        diagnostics.retain(|d| !d.message.ends_with("is not declared in library.yaml"));
    }
    clauses.sort_by(|a, b| a.order.cmp(&b.order).then_with(|| a.id.cmp(&b.id)));
    check_cross_references(&clauses, &failed_ids, &mut diagnostics);
    // A clause that failed to load may use keys we cannot see; its errors come first.
    if let Some((_, sections)) = declarations.as_ref().filter(|_| !any_clause_failed) {
        warn_unused(library_file, sections, &used, &mut diagnostics);
    }
    let library = declarations.map(|(title, sections)| Library {
        title,
        sections,
        clauses,
    });
    Loaded {
        library,
        diagnostics,
        failed_ids,
    }
}

/// Warns about every declared key that no clause or condition uses.
fn warn_unused(
    library_file: &SourceFile,
    sections: &[Section],
    used: &BTreeSet<String>,
    diagnostics: &mut Vec<Diagnostic>,
) {
    for question in sections.iter().flat_map(|s| &s.questions) {
        if !used.contains(&question.key) {
            diagnostics.push(
                Diagnostic::warning(
                    &library_file.display,
                    &library_file.text,
                    question.line,
                    line_column(&library_file.text, question.line, &question.key),
                    format!(
                        "`{}` is declared but no clause or condition uses it",
                        question.key
                    ),
                )
                .with_width(question.key.chars().count()),
            );
        }
    }
}

/// The folder of a library that holds its jurisdiction profiles.
pub const JURISDICTIONS_DIR: &str = "jurisdictions/";

/// Whether a library file is a clause: not `library.yaml`, and not under `letters/` (letter
/// templates have a format of their own) or `jurisdictions/` (jurisdiction profiles).
#[must_use]
pub fn is_clause_file(relative: &str) -> bool {
    relative != LIBRARY_FILE
        && !relative.starts_with("letters/")
        && !relative.starts_with(JURISDICTIONS_DIR)
}

/// The error for a file whose `id` another file already has, at its `id:` line.
pub(crate) fn duplicate_id(file: &SourceFile, what: &str, id: &str, first: &str) -> Diagnostic {
    let (line, column) = top_level_value(&file.text, "id");
    Diagnostic::error(
        &file.display,
        &file.text,
        line,
        column,
        format!("the {what} `{id}` is already used by {first}"),
    )
    .with_width(id.chars().count())
}

/// Where the value of the top-level `key:` of a YAML file starts (1-based line and column),
/// or the file's start when the key is not there.
pub(crate) fn top_level_value(text: &str, key: &str) -> (usize, usize) {
    let prefix = format!("{key}:");
    text.lines()
        .enumerate()
        .find_map(|(index, line)| {
            let rest = line.strip_prefix(&prefix)?;
            let value = rest.len() - rest.trim_start().len();
            Some((index + 1, prefix.chars().count() + value + 1))
        })
        .unwrap_or((1, 1))
}

fn line_column(text: &str, line: usize, needle: &str) -> usize {
    text.lines()
        .nth(line.saturating_sub(1))
        .and_then(|l| l.find(needle).map(|byte| l[..byte].chars().count() + 1))
        .unwrap_or(1)
}

fn is_key(key: &str) -> bool {
    !key.is_empty()
        && key.split('.').all(|segment| {
            segment.starts_with(|c: char| c.is_ascii_lowercase())
                && segment
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
        })
}

fn is_kebab(id: &str) -> bool {
    !id.is_empty()
        && id.starts_with(|c: char| c.is_ascii_lowercase())
        && !id.ends_with('-')
        && !id.contains("--")
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

/// Reads a library file as `T`, or reports why it cannot (empty, YAML syntax, schema) there.
pub(crate) fn read_yaml<T: serde::de::DeserializeOwned>(
    file: &SourceFile,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<T> {
    let (name, text) = (file.display.as_str(), file.text.as_str());
    if text.trim().is_empty() {
        diagnostics.push(Diagnostic::file_error(name, "the file is empty".into()));
        return None;
    }
    match serde_saphyr::from_str(text) {
        Ok(raw) => Some(raw),
        Err(error) => {
            diagnostics.push(yaml_diagnostic(name, text, &error));
            None
        }
    }
}

type Declarations = (String, Vec<Section>);

#[allow(clippy::too_many_lines)]
fn load_declarations(file: &SourceFile, diagnostics: &mut Vec<Diagnostic>) -> Option<Declarations> {
    let (name, text) = (file.display.as_str(), file.text.as_str());
    let raw: RawLibrary = read_yaml(file, diagnostics)?;
    let at = |spanned_line: u64, spanned_column: u64, message: String| {
        Diagnostic::error(
            name,
            text,
            spanned_line as usize,
            spanned_column as usize,
            message,
        )
    };
    let mut sections: Vec<Section> = Vec::new();
    let mut keys: BTreeMap<String, usize> = BTreeMap::new();
    for raw_section in raw.sections {
        let mut questions = Vec::new();
        for raw_question in raw_section.questions {
            let key = raw_question.key.value.clone();
            let key_at = |message: String| {
                at(
                    raw_question.key.referenced.line(),
                    raw_question.key.referenced.column(),
                    message,
                )
                .with_width(key.chars().count())
            };
            if !is_key(&key) {
                diagnostics.push(key_at(format!(
                    "`{key}` is not a valid key; use lower-case words joined by `_`, with `.` between levels (`client.phone`)"
                )));
                continue;
            }
            if let Some(line) = keys.get(&key) {
                diagnostics.push(key_at(format!(
                    "`{key}` is already declared on line {line}"
                )));
                continue;
            }
            if let Some(conflict) = keys.keys().find(|other| {
                other.starts_with(&format!("{key}.")) || key.starts_with(&format!("{other}."))
            }) {
                diagnostics.push(key_at(format!(
                    "`{key}` and `{conflict}` cannot both be declared: one would hold the other"
                )));
                continue;
            }
            let mut question =
                Question::new(&key, raw_question.ty.value, &raw_question.prompt.value);
            question.line = raw_question.key.referenced.line() as usize;
            if let Some(label) = raw_question.label {
                question.label = label;
            }
            question.unit = raw_question.unit;
            question.help = raw_question.help;
            question.required = raw_question.required;
            question.rate = raw_question.rate;
            question.profile = raw_question.profile;
            question.choices = raw_question.choices;
            let ty = question.ty;
            if ty == Type::Choice && question.choices.is_empty() {
                diagnostics.push(key_at(format!(
                    "`{key}` is a choice but lists no `choices`"
                )));
            }
            if ty != Type::Choice && !question.choices.is_empty() {
                diagnostics.push(key_at(format!(
                    "`{key}` has `choices` but its type is {ty}, not choice"
                )));
            }
            let mut seen_values = BTreeSet::new();
            for choice in &question.choices {
                if !seen_values.insert(choice.value.clone()) {
                    diagnostics.push(key_at(format!(
                        "`{key}` lists the choice \"{}\" twice",
                        choice.value
                    )));
                }
            }
            if question.rate && ty != Type::Money {
                diagnostics.push(key_at(format!(
                    "`rate: true` needs a money value, but `{key}` is {ty}"
                )));
            }
            let limit_allowed =
                matches!(ty, Type::Money | Type::Percent | Type::Integer | Type::Date);
            // Limits are typed by a question without limits; defaults by the one with them.
            let mut limits = [None, None];
            for (slot, (spanned, what)) in [(&raw_question.min, "min"), (&raw_question.max, "max")]
                .into_iter()
                .enumerate()
            {
                let Some(spanned) = spanned else { continue };
                if limit_allowed {
                    limits[slot] =
                        typed_or_report(&question, spanned, what, name, text, diagnostics);
                } else {
                    diagnostics.push(at(
                        spanned.referenced.line(),
                        spanned.referenced.column(),
                        format!("`{key}` is {ty}, which takes no `{what}`"),
                    ));
                }
            }
            let [min, max] = limits;
            question.min = min;
            question.max = max;
            if let Some(spanned) = &raw_question.default {
                question.default =
                    typed_or_report(&question, spanned, "default", name, text, diagnostics);
            }
            let mut defaults = Vec::new();
            let mut conditions = Vec::new();
            for raw_default in &raw_question.defaults {
                let value = typed_or_report(
                    &question,
                    &raw_default.value,
                    "default",
                    name,
                    text,
                    diagnostics,
                );
                conditions.push(raw_default.when.clone());
                defaults.push(value);
            }
            let late_payer = raw_question.late_payer.as_ref().and_then(|rule| {
                let given: Vec<(&str, &Spanned<Scalar>)> = [
                    ("at_least", &rule.at_least),
                    ("at_most", &rule.at_most),
                    ("set", &rule.set),
                    ("if_missing", &rule.if_missing),
                ]
                .into_iter()
                .filter_map(|(name, v)| v.as_ref().map(|v| (name, v)))
                .collect();
                if given.len() != 1 {
                    diagnostics.push(key_at(format!(
                        "`late_payer` of `{key}` takes exactly one of `at_least`, `at_most`, `set`, `if_missing`"
                    )));
                    return None;
                }
                let (name, spanned) = given[0];
                let value = typed_or_report(&question, spanned, &format!("late_payer {name}"), file.display.as_str(), text, diagnostics)?;
                Some(match name {
                    "at_least" => LatePayer::AtLeast(value),
                    "at_most" => LatePayer::AtMost(value),
                    "set" => LatePayer::Set(value),
                    _ => LatePayer::IfMissing(value),
                })
            });
            question.late_payer = late_payer;
            // Conditions may only read questions asked before this one.
            let earlier = |k: &str| {
                sections
                    .iter()
                    .flat_map(|s| &s.questions)
                    .chain(questions.iter())
                    .find(|q: &&Question| q.key == k)
            };
            let mut parse_condition = |spanned: &Spanned<String>| -> Option<Condition> {
                let (line, column) = (spanned.referenced.line(), spanned.referenced.column());
                condition_diagnostics(
                    name,
                    text,
                    line as usize,
                    column as usize,
                    &spanned.value,
                    &earlier,
                    diagnostics,
                    |k| {
                        format!(
                            "`{k}` is not declared before `{key}`; a condition may only use questions asked earlier"
                        )
                    },
                )
            };
            if let Some(when) = &raw_question.when {
                question.when = parse_condition(when);
            }
            for (when, value) in conditions.into_iter().zip(defaults) {
                let condition = match when {
                    Some(when) => parse_condition(&when),
                    None => Condition::parse("true == true").ok(),
                };
                if let (Some(condition), Some(value)) = (condition, value) {
                    question.defaults.push((condition, value));
                }
            }
            keys.insert(key.clone(), question.line);
            questions.push(question);
        }
        sections.push(Section {
            title: raw_section.title,
            questions,
        });
    }
    let title = raw.title.value.trim().to_owned();
    if title.is_empty() {
        diagnostics.push(at(
            raw.title.referenced.line(),
            raw.title.referenced.column(),
            "the title is empty".into(),
        ));
    }
    Some((title, sections))
}

/// Types a value written for `question` in library.yaml; reports it there when it does not fit.
fn typed_or_report(
    question: &Question,
    spanned: &Spanned<Scalar>,
    what: &str,
    file: &str,
    text: &str,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<Value> {
    match answers::typed_value(question, &spanned.value) {
        Ok(value) => Some(value),
        Err(why) => {
            diagnostics.push(Diagnostic::spanned(
                file,
                text,
                spanned,
                format!("the {what} of `{}` {why}", question.key),
            ));
            None
        }
    }
}

/// Parses and type-checks a condition written at `line:column` of a file; reports problems
/// there. `undeclared` words the message for a key the lookup does not know.
#[allow(clippy::too_many_arguments)]
fn condition_diagnostics<'q>(
    file: &str,
    text: &str,
    line: usize,
    column: usize,
    source: &str,
    lookup: &dyn Fn(&str) -> Option<&'q Question>,
    diagnostics: &mut Vec<Diagnostic>,
    undeclared: impl Fn(&str) -> String,
) -> Option<Condition> {
    // A quoted condition starts one column after its quote.
    let line_text = text.lines().nth(line.saturating_sub(1)).unwrap_or("");
    let start = line_text
        .char_indices()
        .nth(column.saturating_sub(1))
        .map_or(0, |(i, _)| i);
    let quoted = line_text[start..].starts_with(['"', '\'']);
    let base = column + usize::from(quoted);
    let place = |offset: usize, len: usize, message: String| {
        let chars_before = source[..offset.min(source.len())].chars().count();
        Diagnostic::error(file, text, line, base + chars_before, message).with_width(len)
    };
    match Condition::parse(source) {
        Err(error) => {
            diagnostics.push(place(error.offset, error.len, error.message));
            None
        }
        Ok(condition) => {
            let mut ok = true;
            for error in condition.check(lookup) {
                ok = false;
                let message = if error.message.ends_with("is not declared in library.yaml") {
                    let key = condition
                        .keys()
                        .into_iter()
                        .find(|(_, o)| *o == error.offset)
                        .map_or("", |(k, _)| k);
                    undeclared(key)
                } else {
                    error.message
                };
                diagnostics.push(place(error.offset, error.len, message));
            }
            ok.then_some(condition)
        }
    }
}

/// What loading one clause file gives: the clause (or the id it had), its diagnostics and the
/// keys it uses.
type ClauseOutcome = (
    Result<Clause, Option<String>>,
    Vec<Diagnostic>,
    BTreeSet<String>,
);

/// Loads clause files on every core: compiling Handlebars templates dominates loading time.
fn load_clauses<'q>(
    files: &[&SourceFile],
    lookup: &(dyn Fn(&str) -> Option<&'q Question> + Sync),
) -> Vec<ClauseOutcome> {
    let one = |file: &SourceFile| {
        let mut diagnostics = Vec::new();
        let mut used = BTreeSet::new();
        let result = load_clause(file, lookup, &mut used, &mut diagnostics);
        (result, diagnostics, used)
    };
    let threads = std::thread::available_parallelism().map_or(1, std::num::NonZero::get);
    // Below a few files a thread costs more than it saves.
    if threads < 2 || files.len() < 8 {
        return files.iter().map(|f| one(f)).collect();
    }
    let chunk = files.len().div_ceil(threads);
    std::thread::scope(|scope| {
        let handles: Vec<_> = files
            .chunks(chunk)
            .map(|part| scope.spawn(move || part.iter().map(|f| one(f)).collect::<Vec<_>>()))
            .collect();
        handles
            .into_iter()
            .flat_map(|handle| {
                handle
                    .join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
            })
            .collect()
    })
}

fn load_clause<'q>(
    file: &SourceFile,
    lookup: &dyn Fn(&str) -> Option<&'q Question>,
    used: &mut BTreeSet<String>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Result<Clause, Option<String>> {
    let (name, text) = (file.display.as_str(), file.text.as_str());
    let Some(raw) = read_yaml::<RawClause>(file, diagnostics) else {
        return Err(None);
    };
    let before = diagnostics.len();
    let id = raw.id.value.clone();
    if !is_kebab(&id) {
        diagnostics.push(
            Diagnostic::spanned(name, text, &raw.id, format!("the id `{id}` is not kebab-case (lower-case words joined by `-`, such as `kill-fee`)"),
            )
            .with_width(id.chars().count()),
        );
    }
    if raw.title.value.trim().is_empty() {
        diagnostics.push(Diagnostic::spanned(
            name,
            text,
            &raw.title,
            "the title is empty".into(),
        ));
    }
    let when = raw.when.as_ref().and_then(|when| {
        let condition = condition_diagnostics(
            name,
            text,
            when.referenced.line() as usize,
            when.referenced.column() as usize,
            &when.value,
            lookup,
            diagnostics,
            |k| format!("`{k}` is not declared in library.yaml"),
        )?;
        used.extend(condition.keys().into_iter().map(|(k, _)| k.to_owned()));
        Some(condition)
    });
    let body = raw.body.value;
    let leading_newlines = body.chars().take_while(|c| *c == '\n').count();
    let origin = BodyOrigin {
        file: name.to_owned(),
        text: text.to_owned(),
        line: (raw.body.referenced.line() as usize).saturating_sub(leading_newlines),
        indent: (raw.body.referenced.column() as usize).saturating_sub(1),
    };
    if body.trim().is_empty() {
        diagnostics.push(Diagnostic::error(
            name,
            text,
            raw.body.referenced.line() as usize,
            raw.body.referenced.column() as usize,
            "the body is empty".into(),
        ));
    }
    let template = match Template::compile(&body) {
        Ok(template) => template,
        Err(error) => {
            let (line, column) = error.pos().unwrap_or((1, 1));
            let reason = error.reason().to_string();
            diagnostics.push(origin.diagnostic(line, column, template_syntax_message(&reason)));
            return Err(Some(id));
        }
    };
    check_template(&template, &body, &origin, lookup, used, diagnostics);
    if diagnostics.len() > before {
        return Err(Some(id));
    }
    Ok(Clause {
        id,
        title: raw.title.value.trim().to_owned(),
        order: raw.order.value,
        when,
        numbered: raw.numbered,
        keep_together: raw.keep_together,
        body,
        template,
        origin,
    })
}

/// Handlebars' syntax errors in words a clause author knows.
fn template_syntax_message(reason: &str) -> String {
    let reason = reason
        .replace("invalid handlebars syntax", "invalid Handlebars syntax")
        .replace("trailing_tilde_to_omit_whitespace", "`}}`")
        .replace("helper_parameter", "an argument")
        .replace("identifier", "a name");
    format!("template error: {reason}")
}

/// Walks a compiled body: every path declared, every helper known, no raw `{{{ }}}`.
pub(crate) fn check_template<'q>(
    template: &Template,
    body: &str,
    origin: &BodyOrigin,
    lookup: &dyn Fn(&str) -> Option<&'q Question>,
    used: &mut BTreeSet<String>,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let lines: Vec<&str> = body.lines().collect();
    for (element, mapping) in template.elements.iter().zip(&template.mapping) {
        let (line, column) = (mapping.0, mapping.1);
        // Finds `needle` on the element's line at or after its column, for a precise caret.
        let locate = |needle: &str| -> (usize, usize) {
            let line_text = lines.get(line.saturating_sub(1)).copied().unwrap_or("");
            let start = line_text
                .char_indices()
                .nth(column.saturating_sub(1))
                .map_or(line_text.len(), |(i, _)| i);
            match line_text[start..].find(needle) {
                Some(byte) => (line, line_text[..start + byte].chars().count() + 1),
                None => (line, column),
            }
        };
        let report = |needle: &str, message: String, diagnostics: &mut Vec<Diagnostic>| {
            let (l, c) = locate(needle);
            diagnostics.push(
                origin
                    .diagnostic(l, c, message)
                    .with_width(needle.chars().count()),
            );
        };
        match element {
            TemplateElement::RawString(_) | TemplateElement::Comment(_) => {}
            TemplateElement::HtmlExpression(helper) => {
                let shown = helper.name.as_name().unwrap_or("");
                report(
                    "{{{",
                    format!(
                        "`{{{{{{{shown}}}}}}}` would insert the value unescaped; write `{{{{{shown}}}}}`"
                    ),
                    diagnostics,
                );
            }
            TemplateElement::Expression(helper) | TemplateElement::HelperBlock(helper) => {
                let is_block = matches!(element, TemplateElement::HelperBlock(_));
                let name = helper.name.as_name().unwrap_or("");
                let bare = helper.params.is_empty() && helper.hash.is_empty() && !is_block;
                if bare && !HELPERS.contains(&name) {
                    check_path(name, &report, lookup, used, diagnostics);
                } else {
                    let known = if is_block {
                        BLOCK_HELPERS.contains(&name)
                    } else {
                        HELPERS.contains(&name)
                    };
                    if !known {
                        let mut allowed: Vec<&str> = if is_block {
                            BLOCK_HELPERS.to_vec()
                        } else {
                            HELPERS.to_vec()
                        };
                        allowed.sort_unstable();
                        report(
                            name,
                            format!(
                                "unknown {}helper `{name}`; the {}helpers are {}",
                                if is_block { "block " } else { "" },
                                if is_block { "block " } else { "" },
                                allowed
                                    .iter()
                                    .map(|h| format!("`{h}`"))
                                    .collect::<Vec<_>>()
                                    .join(", ")
                            ),
                            diagnostics,
                        );
                    }
                    check_params(name, &helper.params, &report, lookup, used, diagnostics);
                    if !helper.hash.is_empty() {
                        report(
                            name,
                            format!("`{name}` takes no named arguments"),
                            diagnostics,
                        );
                    }
                }
                for inner in [&helper.template, &helper.inverse].into_iter().flatten() {
                    check_template(inner, body, origin, lookup, used, diagnostics);
                }
            }
            _ => {
                report(
                    "{{",
                    "partials and decorators are not available in clause bodies".into(),
                    diagnostics,
                );
            }
        }
    }
}

fn check_params<'q>(
    helper: &str,
    params: &[Parameter],
    report: &dyn Fn(&str, String, &mut Vec<Diagnostic>),
    lookup: &dyn Fn(&str) -> Option<&'q Question>,
    used: &mut BTreeSet<String>,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let expected = match helper {
        "money" | "percent" | "date" | "words" | "section" | "if" | "unless" => Some(1),
        "percent_of" | "times" | "minus" => Some(2),
        _ => None,
    };
    if let Some(expected) = expected
        && params.len() != expected
    {
        report(
            helper,
            format!(
                "`{helper}` takes {expected} argument{}, not {}",
                if expected == 1 { "" } else { "s" },
                params.len()
            ),
            diagnostics,
        );
    }
    for param in params {
        match param {
            Parameter::Path(_) | Parameter::Name(_) => {
                let path = param.as_name().unwrap_or("");
                if helper == "section" {
                    report(
                        path,
                        format!(
                            "`section` takes a clause id in quotes: {{{{section \"{path}\"}}}}"
                        ),
                        diagnostics,
                    );
                } else {
                    check_path(path, report, lookup, used, diagnostics);
                }
            }
            Parameter::Subexpression(sub) => {
                let name = sub.name();
                if !HELPERS.contains(&name) {
                    report(name, format!("unknown helper `{name}`"), diagnostics);
                }
                check_params(
                    name,
                    sub.params().map_or(&[][..], Vec::as_slice),
                    report,
                    lookup,
                    used,
                    diagnostics,
                );
            }
            _ => {}
        }
    }
}

fn check_path<'q>(
    path: &str,
    report: &dyn Fn(&str, String, &mut Vec<Diagnostic>),
    lookup: &dyn Fn(&str) -> Option<&'q Question>,
    used: &mut BTreeSet<String>,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let key = path.replace('/', ".");
    if lookup(&key).is_some() {
        used.insert(key);
    } else {
        report(
            path,
            format!("`{path}` is not declared in library.yaml"),
            diagnostics,
        );
    }
}

/// Every `{{section "id"}}` must name a clause of the library.
fn check_cross_references(
    clauses: &[Clause],
    failed_ids: &[String],
    diagnostics: &mut Vec<Diagnostic>,
) {
    let ids: BTreeSet<&str> = clauses
        .iter()
        .map(|c| c.id.as_str())
        .chain(failed_ids.iter().map(String::as_str))
        .collect();
    for clause in clauses {
        for (target, line, column) in section_references(&clause.template) {
            if !ids.contains(target.as_str()) {
                let line_text = clause
                    .body
                    .lines()
                    .nth(line.saturating_sub(1))
                    .unwrap_or("");
                let column = line_text
                    .find(&format!("\"{target}\""))
                    .map_or(column, |byte| line_text[..byte].chars().count() + 1);
                let mut message =
                    format!("`section \"{target}\"` refers to no clause of this library");
                if let Some(close) = ids
                    .iter()
                    .map(|id| (strsim::jaro_winkler(id, &target), id))
                    .filter(|(score, _)| *score > 0.8)
                    .max_by(|a, b| a.0.total_cmp(&b.0))
                {
                    message.push_str(&format!("; did you mean `{}`?", close.1));
                }
                diagnostics.push(
                    clause
                        .origin
                        .diagnostic(line, column, message)
                        .with_width(target.chars().count() + 2),
                );
            }
        }
    }
}

/// The clause ids a template refers to with `section`, with their body positions.
#[must_use]
pub fn section_references(template: &Template) -> Vec<(String, usize, usize)> {
    let mut references = Vec::new();
    section_references_into(template, &mut references);
    references
}

fn section_references_into(template: &Template, out: &mut Vec<(String, usize, usize)>) {
    for (element, mapping) in template.elements.iter().zip(&template.mapping) {
        if let TemplateElement::Expression(helper) | TemplateElement::HelperBlock(helper) = element
        {
            if helper.name.as_name() == Some("section")
                && let Some(Parameter::Literal(serde_json::Value::String(id))) =
                    helper.params.first()
            {
                out.push((id.clone(), mapping.0, mapping.1));
            }
            for inner in [&helper.template, &helper.inverse].into_iter().flatten() {
                section_references_into(inner, out);
            }
        }
    }
}
