//! Values: [`Value`], an answer with its type, and [`Scalar`], a YAML scalar as written
//! before it is given a type (read by the visitor below from answers and library files).

use std::fmt;

use rust_decimal::Decimal;
use serde::de::{self, Deserializer, Visitor};

/// A typed answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Value {
    /// Text, email, phone or the value of a choice.
    Text(String),
    /// Money or percent, exact.
    Number(Decimal),
    /// A whole number.
    Integer(i64),
    /// A calendar date.
    Date(jiff::civil::Date),
    /// Yes or no.
    Bool(bool),
    /// The records of a `list`, each its fields' values in declared order (a field left
    /// empty is absent).
    List(Vec<Record>),
}

/// One record of a `list`: its fields' values by field key, in declared order.
pub type Record = Vec<(String, Value)>;

/// The value of `field` in `record`, if given.
#[must_use]
pub fn field<'a>(record: &'a Record, field: &str) -> Option<&'a Value> {
    record.iter().find(|(k, _)| k == field).map(|(_, v)| v)
}

impl Value {
    /// True unless `false`, zero or empty (how a bare key reads in a condition).
    #[must_use]
    pub fn is_truthy(&self) -> bool {
        match self {
            Value::Text(text) => !text.is_empty(),
            Value::Number(number) => !number.is_zero(),
            Value::Integer(integer) => *integer != 0,
            Value::Date(_) => true,
            Value::Bool(b) => *b,
            Value::List(records) => !records.is_empty(),
        }
    }

    /// The value as templates see it: money and percents as exact decimal strings.
    #[must_use]
    pub fn to_json(&self) -> serde_json::Value {
        match self {
            Value::Text(text) => serde_json::Value::String(text.clone()),
            Value::Number(number) => serde_json::Value::String(number.normalize().to_string()),
            Value::Integer(integer) => serde_json::Value::from(*integer),
            Value::Date(date) => serde_json::Value::String(date.to_string()),
            Value::Bool(b) => serde_json::Value::Bool(*b),
            Value::List(records) => serde_json::Value::Array(
                records
                    .iter()
                    .map(|record| {
                        serde_json::Value::Object(
                            record
                                .iter()
                                .map(|(k, v)| (k.clone(), v.to_json()))
                                .collect(),
                        )
                    })
                    .collect(),
            ),
        }
    }

    /// The value as written after `key:` in an answers file whose key is indented by `depth`
    /// levels: ` value` on the key's line, or for a list, one `- field: value` block a record
    /// on the lines below.
    #[must_use]
    pub fn to_yaml_after_key(&self, depth: usize) -> String {
        let Value::List(records) = self else {
            return format!(" {}", self.to_yaml());
        };
        if records.is_empty() {
            return " []".to_owned();
        }
        let indent = "  ".repeat(depth + 1);
        let mut out = String::new();
        for record in records {
            for (n, (key, value)) in record.iter().enumerate() {
                let mark = if n == 0 { "- " } else { "  " };
                out.push_str(&format!("\n{indent}{mark}{key}: {}", value.to_yaml()));
            }
        }
        out
    }

    /// The value as it is written in an answers file; a list in YAML's one-line form.
    #[must_use]
    pub fn to_yaml(&self) -> String {
        match self {
            Value::Text(text) => yaml_string(text),
            Value::Number(number) => format!("\"{}\"", number.normalize()),
            Value::Integer(integer) => integer.to_string(),
            Value::Date(date) => date.to_string(),
            Value::Bool(b) => b.to_string(),
            Value::List(records) => {
                let records: Vec<String> = records
                    .iter()
                    .map(|record| {
                        let fields: Vec<String> = record
                            .iter()
                            .map(|(k, v)| format!("{k}: {}", v.to_yaml()))
                            .collect();
                        format!("{{{}}}", fields.join(", "))
                    })
                    .collect();
                format!("[{}]", records.join(", "))
            }
        }
    }
}

impl fmt::Display for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Value::Text(text) => f.write_str(text),
            Value::Number(number) => write!(f, "{}", number.normalize()),
            Value::Integer(integer) => write!(f, "{integer}"),
            Value::Date(date) => write!(f, "{date}"),
            Value::Bool(b) => f.write_str(if *b { "yes" } else { "no" }),
            Value::List(records) => {
                for (n, record) in records.iter().enumerate() {
                    if n > 0 {
                        f.write_str("; ")?;
                    }
                    for (m, (_, value)) in record.iter().enumerate() {
                        if m > 0 {
                            f.write_str(", ")?;
                        }
                        write!(f, "{value}")?;
                    }
                }
                Ok(())
            }
        }
    }
}

/// A double-quoted YAML string: always safe, whatever the text holds.
fn yaml_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}
// ---------------------------------------------------------------------------------------------
// Raw YAML

/// A YAML scalar as written, before it is given a type.
#[derive(Debug, Clone, PartialEq)]
pub enum Scalar {
    /// A string (quoted, or plain text that is not a number or boolean).
    Str(String),
    /// A whole number.
    Int(i64),
    /// A number with a fraction.
    Float(f64),
    /// `true` or `false`.
    Bool(bool),
    /// Empty or `~`.
    Null,
}

impl fmt::Display for Scalar {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Scalar::Str(s) => write!(f, "\"{s}\""),
            Scalar::Int(i) => write!(f, "{i}"),
            Scalar::Float(x) => write!(f, "{x}"),
            Scalar::Bool(b) => write!(f, "{b}"),
            Scalar::Null => f.write_str("nothing"),
        }
    }
}

struct ScalarVisitor;

impl Visitor<'_> for ScalarVisitor {
    type Value = Scalar;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a single value")
    }
    fn visit_bool<E>(self, v: bool) -> Result<Scalar, E> {
        Ok(Scalar::Bool(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Scalar, E> {
        Ok(Scalar::Int(v))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Scalar, E> {
        i64::try_from(v)
            .map(Scalar::Int)
            .map_err(|_| E::custom("number too large"))
    }
    fn visit_f64<E>(self, v: f64) -> Result<Scalar, E> {
        Ok(Scalar::Float(v))
    }
    fn visit_str<E>(self, v: &str) -> Result<Scalar, E> {
        Ok(Scalar::Str(v.to_owned()))
    }
    fn visit_unit<E>(self) -> Result<Scalar, E> {
        Ok(Scalar::Null)
    }
    fn visit_none<E>(self) -> Result<Scalar, E> {
        Ok(Scalar::Null)
    }
}

/// In a JSON Schema, a scalar is any single value: text, a number, true or false, or nothing.
impl schemars::JsonSchema for Scalar {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Scalar".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "A single value: text, a number, true or false. Quote amounts to keep every digit.",
            "type": ["string", "number", "boolean", "null"]
        })
    }
}

impl<'de> serde::Deserialize<'de> for Scalar {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(ScalarVisitor)
    }
}
