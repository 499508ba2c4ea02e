//! The declaration schema: what `library.yaml` declares about each answer ([`Question`]: its
//! [`Type`], [`Choice`]s, limits, defaults, condition and [`LatePayer`] rule).
//!
//! A question's `when` and conditional defaults are written in the [`condition`] language,
//! which checks its keys against these declarations.

pub mod condition;
pub mod summary;
pub mod term;

use std::fmt;

use rust_decimal::Decimal;
use serde::Deserialize;

use crate::model::value::Value;
use condition::Condition;
use term::Term;

/// The type of a declared variable.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, schemars::JsonSchema)]
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
    /// A list of records, each with the question's declared `fields` (scope lines,
    /// milestones).
    List,
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
            Type::List => "list",
        })
    }
}

/// The largest amount or percent accepted: far above any fee, and far enough below
/// `Decimal`'s limits that every sum and product in a contract or letter stays exact.
#[must_use]
pub fn max_amount() -> Decimal {
    Decimal::from(1_000_000_000_000_i64)
}

/// A decimal with its whole part grouped in threes: `1000000000000` → `1,000,000,000,000`.
fn grouped(number: Decimal) -> String {
    let text = number.normalize().to_string();
    let (sign, unsigned) = text
        .strip_prefix('-')
        .map_or(("", text.as_str()), |rest| ("-", rest));
    let (whole, fraction) = unsigned
        .split_once('.')
        .map_or((unsigned, None), |(w, f)| (w, Some(f)));
    let mut out = String::from(sign);
    for (i, digit) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(digit);
    }
    if let Some(fraction) = fraction {
        out.push('.');
        out.push_str(fraction);
    }
    out
}

impl Type {
    /// An answer of this type, in a sentence: "a text answer", "an amount".
    #[must_use]
    pub fn answer_name(self) -> &'static str {
        match self {
            Type::Text => "a text answer",
            Type::Email => "an email address",
            Type::Phone => "a phone number",
            Type::Money => "an amount",
            Type::Percent => "a percent",
            Type::Integer => "a whole number",
            Type::Date => "a date",
            Type::Bool => "a yes-or-no answer",
            Type::Choice => "a choice",
            Type::List => "a list",
        }
    }

    /// What a value of this type looks like, with the question's limits: "a percent from 10 to 100".
    /// An amount always states its range: the question's, else from 0 to the largest amount
    /// accepted.
    #[must_use]
    pub fn expectation(self, question: &Question) -> String {
        // An amount and a percent always state their range: the question's limits, else
        // the type's own (0 to the largest amount accepted; 0% to 100%).
        let bounds = |floor: Decimal, ceiling: Decimal| {
            (
                question.min.clone().unwrap_or(Value::Number(floor)),
                question.max.clone().unwrap_or(Value::Number(ceiling)),
            )
        };
        let (min, max) = match self {
            Type::Money => {
                let (min, max) = bounds(Decimal::ZERO, max_amount());
                (Some(min), Some(max))
            }
            Type::Percent => {
                let (min, max) = bounds(Decimal::ZERO, Decimal::ONE_HUNDRED);
                (Some(min), Some(max))
            }
            _ => (question.min.clone(), question.max.clone()),
        };
        let show = |value: &Value| match value {
            Value::Number(number) => grouped(*number),
            other => other.to_string(),
        };
        let range = |unit: &str| match (&min, &max) {
            (Some(min), Some(max)) => format!(" from {}{unit} to {}{unit}", show(min), show(max)),
            (Some(min), None) => format!(" of at least {}{unit}", show(min)),
            (None, Some(max)) => format!(" of at most {}{unit}", show(max)),
            (None, None) => String::new(),
        };
        match self {
            Type::Text => "text".into(),
            Type::Email => "an email address".into(),
            Type::Phone => "a phone number".into(),
            Type::Money => format!("an amount such as 1250.00{}", range("")),
            Type::Percent => format!("a percent{}", range("%")),
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
            Type::List => {
                let fields: Vec<String> = question
                    .fields
                    .iter()
                    .map(|f| {
                        let required = if f.required { ", required" } else { "" };
                        format!("`{}` ({}{required})", f.key, f.ty)
                    })
                    .collect();
                format!(
                    "a list of at most {MAX_RECORDS} {}s, each with {}",
                    question.item,
                    fields.join(", ")
                )
            }
        }
    }
}

/// The most records a list answer holds: far more than any scope or schedule, and few enough
/// that a contract stays readable.
pub const MAX_RECORDS: usize = 100;

/// One allowed value of a `choice`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, schemars::JsonSchema)]
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
    /// How the summary words the answer, in the question's own words; `label: answer` when
    /// absent.
    pub summary: Option<summary::Summary>,
    /// Advice shown on request.
    pub help: Option<String>,
    /// The answer taken when the answers file and the interview give none.
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
    /// The business term the answer plays, for the term lint (`term: silence-days`).
    pub term: Option<Term>,
    /// The fields of each record of a `list`, each declared like a question with a one-word
    /// key (`price`); empty for every other type.
    pub fields: Vec<Question>,
    /// What one record of a `list` is called ("deliverable", "milestone").
    pub item: String,
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
            summary: None,
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
            term: None,
            fields: Vec::new(),
            item: "item".to_owned(),
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

    /// The declared field `key` of a `list`.
    #[must_use]
    pub fn field(&self, key: &str) -> Option<&Question> {
        self.fields.iter().find(|f| f.key == key)
    }

    /// The first field of type `ty` of a `list`: the role a field plays for the checks of
    /// the answers (a scope line's price, a milestone's date or payment).
    #[must_use]
    pub fn first_field(&self, ty: Type) -> Option<&Question> {
        self.fields.iter().find(|f| f.ty == ty)
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
            Type::List => Value::List(vec![
                self.fields
                    .iter()
                    .map(|f| (f.key.clone(), f.sample()))
                    .collect(),
            ]),
        }
    }
}

fn default_label(key: &str) -> String {
    key.rsplit('.').next().unwrap_or(key).replace('_', " ")
}
