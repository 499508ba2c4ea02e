//! Answers: takes an answers file's text and the [`Library`] and returns typed, validated
//! [`Answers`], or every problem in the file at once.
//!
//! An answers file is YAML whose nested keys spell the declared dotted keys (`client:` then
//! `phone:` is `client.phone`). Values are checked against their declaration (type, range,
//! choices, required); questions whose `when` is false are dropped; missing values take the
//! declared defaults.

use std::collections::BTreeMap;
use std::fmt;
use std::str::FromStr;

use rust_decimal::Decimal;
use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_saphyr::Spanned;

use crate::error::{Diagnostic, Error};
use crate::library::{LatePayer, Library, Question, Type};

/// The answer that dates the agreement (filled by `build` when absent).
pub const AGREEMENT_DATE: &str = "agreement.date";
/// The answer that says how the freelancer knows the client.
pub const RELATIONSHIP: &str = "relationship";
/// The relationship of a client who paid late before.
pub const LATE_PAYER: &str = "repeat-late-payer";

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
        }
    }

    /// The value as it is written in an answers file.
    #[must_use]
    pub fn to_yaml(&self) -> String {
        match self {
            Value::Text(text) => yaml_string(text),
            Value::Number(number) => format!("\"{}\"", number.normalize()),
            Value::Integer(integer) => integer.to_string(),
            Value::Date(date) => date.to_string(),
            Value::Bool(b) => b.to_string(),
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

/// A node of an answers file: a mapping, a scalar, or a list (which no question takes).
#[derive(Debug)]
pub(crate) enum Node {
    Map(Vec<(Spanned<String>, Spanned<Node>)>),
    Scalar(Scalar),
    List,
}

struct NodeVisitor;

impl<'de> Visitor<'de> for NodeVisitor {
    type Value = Node;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a mapping or a value")
    }

    fn visit_bool<E>(self, v: bool) -> Result<Node, E> {
        Ok(Node::Scalar(Scalar::Bool(v)))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Node, E> {
        Ok(Node::Scalar(Scalar::Int(v)))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Node, E> {
        i64::try_from(v)
            .map(|v| Node::Scalar(Scalar::Int(v)))
            .map_err(|_| E::custom("number too large"))
    }
    fn visit_f64<E>(self, v: f64) -> Result<Node, E> {
        Ok(Node::Scalar(Scalar::Float(v)))
    }
    fn visit_str<E>(self, v: &str) -> Result<Node, E> {
        Ok(Node::Scalar(Scalar::Str(v.to_owned())))
    }
    fn visit_string<E>(self, v: String) -> Result<Node, E> {
        Ok(Node::Scalar(Scalar::Str(v)))
    }
    fn visit_unit<E>(self) -> Result<Node, E> {
        Ok(Node::Scalar(Scalar::Null))
    }
    fn visit_none<E>(self) -> Result<Node, E> {
        Ok(Node::Scalar(Scalar::Null))
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Node, D::Error> {
        d.deserialize_any(self)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Node, A::Error> {
        while seq.next_element::<de::IgnoredAny>()?.is_some() {}
        Ok(Node::List)
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Node, A::Error> {
        let mut entries = Vec::new();
        while let Some(key) = map.next_key::<Spanned<String>>()? {
            let value = map.next_value::<Spanned<Node>>()?;
            entries.push((key, value));
        }
        Ok(Node::Map(entries))
    }
}

impl<'de> serde::Deserialize<'de> for Node {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(NodeVisitor)
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

impl<'de> serde::Deserialize<'de> for Scalar {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(ScalarVisitor)
    }
}

/// Turns a serde-saphyr error into a diagnostic at its location in `file`.
pub(crate) fn yaml_diagnostic(file: &str, text: &str, error: &serde_saphyr::Error) -> Diagnostic {
    let message = error.without_snippet().to_string();
    // The message ends with its own " at line N, column M"; ours shows the location anyway.
    let message = match message.rfind(" at line ") {
        Some(index) => message[..index].to_owned(),
        None => message,
    };
    let message = message
        .replace("unexpected end of input", "the file is empty")
        .replace("invalid i64", "expected a whole number")
        .replace("invalid u64", "expected a whole number")
        .replace("invalid bool", "expected true or false");
    match error.location() {
        Some(location) if location.line() > 0 && !text.trim().is_empty() => Diagnostic::error(
            file,
            text,
            location.line() as usize,
            location.column() as usize,
            message,
        ),
        _ => Diagnostic::file_error(file, message),
    }
}

// ---------------------------------------------------------------------------------------------
// Typing and validation

/// Gives `scalar` the type of `question` and checks it against the declaration.
///
/// The error is the end of a sentence that starts with the key: "expected a percent from 0 to 100".
pub fn typed_value(question: &Question, scalar: &Scalar) -> Result<Value, String> {
    let value = convert(question, scalar)?;
    check_limits(question, &value)?;
    Ok(value)
}

fn convert(question: &Question, scalar: &Scalar) -> Result<Value, String> {
    let shown = scalar.to_string();
    let expected = |what: &str| Err(format!("is {shown}; expected {what}"));
    match question.ty {
        Type::Text | Type::Email | Type::Phone | Type::Choice => {
            let Scalar::Str(text) = scalar else {
                return expected(&format!(
                    "{}; put it in quotes if it is meant as text",
                    question.ty.expectation(question)
                ));
            };
            let text = text.trim();
            if let Some(c) = text
                .chars()
                .find(|c| c.is_control() && *c != '\n' && *c != '\t')
            {
                return Err(format!(
                    "contains the control character U+{:04X}, which cannot be printed",
                    c as u32
                ));
            }
            match question.ty {
                Type::Email
                    if !text.is_empty()
                        && (email_address::EmailAddress::from_str(text).is_err()
                            || !text.contains('.')) =>
                {
                    return expected("an email address such as name@example.com");
                }
                Type::Phone if !text.is_empty() => check_phone(text).map_err(|why| {
                    format!("is {shown}; expected a phone number such as +1 217 555 0142 ({why})")
                })?,
                Type::Choice if !question.choices.iter().any(|c| c.value == text) => {
                    return expected(&question.ty.expectation(question));
                }
                _ => {}
            }
            Ok(Value::Text(text.to_owned()))
        }
        Type::Money | Type::Percent => {
            let number = match scalar {
                Scalar::Int(i) => Decimal::from(*i),
                Scalar::Float(x) => float_to_decimal(*x)
                    .ok_or_else(|| format!("is {shown}; write it in quotes to keep every digit"))?,
                Scalar::Str(text) => {
                    let text = text.trim();
                    let text = if question.ty == Type::Percent {
                        text.trim_end_matches('%').trim_end()
                    } else {
                        text
                    };
                    match parse_number(text) {
                        Some(number) => number,
                        None => return expected(&question.ty.expectation(question)),
                    }
                }
                _ => return expected(&question.ty.expectation(question)),
            };
            if number.abs() > max_amount() {
                return expected("an amount of at most 1,000,000,000,000");
            }
            if question.ty == Type::Money && number.normalize().scale() > 2 {
                return expected("an amount with at most two decimal places");
            }
            Ok(Value::Number(number))
        }
        Type::Integer => match scalar {
            Scalar::Int(i) if Decimal::from(*i).abs() <= max_amount() => Ok(Value::Integer(*i)),
            Scalar::Str(text) => text
                .trim()
                .parse::<i64>()
                .ok()
                .filter(|n| Decimal::from(*n).abs() <= max_amount())
                .map(Value::Integer)
                .map_or_else(|| expected("a whole number"), Ok),
            _ => expected("a whole number"),
        },
        Type::Date => match scalar {
            Scalar::Str(text) => text
                .trim()
                .parse::<jiff::civil::Date>()
                .map(Value::Date)
                .or_else(|_| expected("a date written YYYY-MM-DD, such as 2026-03-01")),
            _ => expected("a date written YYYY-MM-DD, such as 2026-03-01"),
        },
        Type::Bool => match scalar {
            Scalar::Bool(b) => Ok(Value::Bool(*b)),
            _ => expected("true or false"),
        },
    }
}

/// The largest amount or percent accepted: far above any fee, and far enough below
/// `Decimal`'s limits that every sum and product in a contract or letter stays exact.
#[must_use]
pub fn max_amount() -> Decimal {
    Decimal::from(1_000_000_000_000_i64)
}

/// A number as a person writes it: digits with an optional `.` fraction and an optional minus
/// sign, `,` only between groups of three digits (`1,250.50`). A decimal comma (`6400,50`),
/// exponents and other characters are refused rather than guessed at.
#[must_use]
pub fn parse_number(text: &str) -> Option<Decimal> {
    let unsigned = text.strip_prefix('-').unwrap_or(text);
    let (whole, fraction) = match unsigned.split_once('.') {
        Some((whole, fraction)) => (whole, Some(fraction)),
        None => (unsigned, None),
    };
    let digits = |part: &str| !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit());
    let grouped = {
        let mut groups = whole.split(',');
        let first = groups.next().unwrap_or("");
        digits(first)
            && first.len() <= 3
            && groups.clone().count() > 0
            && groups.all(|g| g.len() == 3 && digits(g))
    };
    if !(digits(whole) || grouped) || fraction.is_some_and(|f| !digits(f)) {
        return None;
    }
    Decimal::from_str(&text.replace(',', "")).ok()
}

/// Decimal from a YAML float, refusing one whose digits a float cannot hold.
fn float_to_decimal(x: f64) -> Option<Decimal> {
    // Rust prints the shortest text that reads back as the same float, which is the text the
    // user typed whenever it has at most 15 significant digits.
    let text = x.to_string();
    let digits = text.chars().filter(char::is_ascii_digit).count();
    if !x.is_finite() || digits > 15 {
        return None;
    }
    Decimal::from_str(&text).ok()
}

fn check_phone(text: &str) -> Result<(), &'static str> {
    if let Some(c) = text
        .chars()
        .find(|c| !(c.is_ascii_digit() || " +-().x/".contains(*c)))
    {
        return Err(if c.is_alphabetic() {
            "letters are not allowed"
        } else {
            "only digits, spaces, +, -, ( and ) are allowed"
        });
    }
    let digits = text.chars().filter(char::is_ascii_digit).count();
    if digits < 7 {
        return Err("too few digits");
    }
    if digits > 20 {
        return Err("too many digits");
    }
    Ok(())
}

fn check_limits(question: &Question, value: &Value) -> Result<(), String> {
    let below = |min: &Value| compare(value, min).is_some_and(std::cmp::Ordering::is_lt);
    let above = |max: &Value| compare(value, max).is_some_and(std::cmp::Ordering::is_gt);
    let out_of_range = question.min.as_ref().is_some_and(below)
        || question.max.as_ref().is_some_and(above)
        || match (question.ty, value) {
            (Type::Percent, Value::Number(n)) => n.is_sign_negative() || *n > Decimal::ONE_HUNDRED,
            (Type::Money, Value::Number(n)) => n.is_sign_negative(),
            _ => false,
        };
    if out_of_range {
        return Err(format!(
            "is {}; expected {}",
            value_for_message(question, value),
            question.ty.expectation(question)
        ));
    }
    Ok(())
}

fn value_for_message(question: &Question, value: &Value) -> String {
    match (question.ty, value) {
        (Type::Percent, Value::Number(n)) => format!("{}%", n.normalize()),
        (Type::Money, Value::Number(n)) => n.to_string(),
        (_, Value::Text(text)) => format!("\"{text}\""),
        _ => value.to_string(),
    }
}

fn compare(a: &Value, b: &Value) -> Option<std::cmp::Ordering> {
    match (a, b) {
        (Value::Number(a), Value::Number(b)) => Some(a.cmp(b)),
        (Value::Integer(a), Value::Integer(b)) => Some(a.cmp(b)),
        (Value::Date(a), Value::Date(b)) => Some(a.cmp(b)),
        _ => None,
    }
}

// ---------------------------------------------------------------------------------------------
// Answers

/// Validated answers, by dotted key.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Answers {
    values: BTreeMap<String, Value>,
    /// Whether these answers were already hardened for a late payer (rates multiplied), as
    /// recorded by `--save-answers` under the reserved key `clausewright.late_payer_applied`.
    pub late_payer_applied: bool,
}

/// The reserved top-level key for what clausewright records about an answers file.
pub const RESERVED_KEY: &str = "clausewright";

/// One answer hardened for a repeat late payer: what it was and what it became.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    /// The dotted key.
    pub key: String,
    /// The value before, if answered.
    pub before: Option<Value>,
    /// The value after.
    pub after: Value,
}

impl Answers {
    /// The answer to `key`, if answered (and its question applies).
    #[must_use]
    pub fn get(&self, key: &str) -> Option<&Value> {
        self.values.get(key)
    }

    /// Sets an answer.
    pub fn set(&mut self, key: &str, value: Value) {
        self.values.insert(key.to_owned(), value);
    }

    /// Removes an answer.
    pub fn remove(&mut self, key: &str) -> Option<Value> {
        self.values.remove(key)
    }

    /// Every answer, by key.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &Value)> {
        self.values.iter().map(|(k, v)| (k.as_str(), v))
    }

    /// The answers as the nested JSON object templates render with.
    #[must_use]
    pub fn to_json(&self) -> serde_json::Value {
        let mut root = serde_json::Map::new();
        for (key, value) in &self.values {
            let mut map = &mut root;
            let mut segments = key.split('.').peekable();
            while let Some(segment) = segments.next() {
                if segments.peek().is_none() {
                    map.insert(segment.to_owned(), value.to_json());
                } else {
                    let entry = map
                        .entry(segment.to_owned())
                        .or_insert_with(|| serde_json::Value::Object(serde_json::Map::new()));
                    // Declarations never make a key both a value and a parent (the library
                    // loader refuses that), so the entry is always an object here.
                    let serde_json::Value::Object(inner) = entry else {
                        break;
                    };
                    map = inner;
                }
            }
        }
        serde_json::Value::Object(root)
    }

    /// The answers as a commented answers file, in the library's question order.
    #[must_use]
    pub fn to_yaml(&self, library: &Library) -> String {
        let mut out = String::new();
        let mut open: Vec<&str> = Vec::new();
        for section in &library.sections {
            let mut wrote_heading = false;
            for question in &section.questions {
                let Some(value) = self.values.get(&question.key) else {
                    continue;
                };
                if !wrote_heading {
                    if !out.is_empty() {
                        out.push('\n');
                    }
                    out.push_str(&format!("# {}\n", section.title));
                    wrote_heading = true;
                }
                let segments: Vec<&str> = question.key.split('.').collect();
                let parents = &segments[..segments.len() - 1];
                let common = open.iter().zip(parents).take_while(|(a, b)| a == b).count();
                open.truncate(common);
                for (depth, parent) in parents.iter().enumerate().skip(common) {
                    out.push_str(&format!("{}{parent}:\n", "  ".repeat(depth)));
                    open.push(parent);
                }
                out.push_str(&format!(
                    "{}{}: {}\n",
                    "  ".repeat(parents.len()),
                    segments[segments.len() - 1],
                    value.to_yaml()
                ));
            }
        }
        if self.late_payer_applied {
            out.push_str(
                "\n# Rates were already multiplied for a repeat late payer; building this file again\n# keeps them as they are.\nclausewright:\n  late_payer_applied: true\n",
            );
        }
        out
    }

    /// Hardens the answers for a client who paid late: every `rate` multiplied by `multiplier`
    /// and every `late_payer` rule applied. Returns the new answers and what changed.
    #[must_use]
    pub fn for_late_payer(&self, library: &Library, multiplier: Decimal) -> (Answers, Vec<Change>) {
        let mut answers = self.clone();
        let mut changes = Vec::new();
        for question in library.questions() {
            let before = answers.values.get(&question.key).cloned();
            let mut after = before.clone();
            if question.rate
                && let Some(Value::Number(amount)) = &after
            {
                after = Some(Value::Number((amount * multiplier).round_dp(2)));
            }
            if let Some(rule) = &question.late_payer {
                after = Some(match (rule, after) {
                    (LatePayer::AtLeast(floor), Some(current))
                        if compare(&current, floor).is_some_and(std::cmp::Ordering::is_ge) =>
                    {
                        current
                    }
                    (LatePayer::AtMost(ceiling), Some(current))
                        if compare(&current, ceiling).is_some_and(std::cmp::Ordering::is_le) =>
                    {
                        current
                    }
                    (LatePayer::IfMissing(_), Some(current)) => current,
                    (
                        LatePayer::AtLeast(v)
                        | LatePayer::AtMost(v)
                        | LatePayer::Set(v)
                        | LatePayer::IfMissing(v),
                        _,
                    ) => v.clone(),
                });
            }
            if after != before
                && let Some(after) = after
            {
                answers.values.insert(question.key.clone(), after.clone());
                changes.push(Change {
                    key: question.key.clone(),
                    before,
                    after,
                });
            }
        }
        (answers, changes)
    }
}

/// Where each value of an answers file is written, by dotted key (1-based line and column);
/// empty when the text is not a YAML mapping.
#[must_use]
pub fn value_locations(text: &str) -> BTreeMap<String, (usize, usize)> {
    fn walk(
        prefix: &str,
        entries: Vec<(Spanned<String>, Spanned<Node>)>,
        out: &mut BTreeMap<String, (usize, usize)>,
    ) {
        for (key, value) in entries {
            let full = if prefix.is_empty() {
                key.value
            } else {
                format!("{prefix}.{}", key.value)
            };
            let place = (
                value.referenced.line() as usize,
                value.referenced.column() as usize,
            );
            match value.value {
                Node::Map(inner) => walk(&full, inner, out),
                _ => {
                    out.insert(full, place);
                }
            }
        }
    }
    let mut out = BTreeMap::new();
    if let Ok(Spanned {
        value: Node::Map(entries),
        ..
    }) = serde_saphyr::from_str::<Spanned<Node>>(text)
    {
        walk("", entries, &mut out);
    }
    out
}

/// A value as an answers file wrote it, before it is typed, and where.
#[derive(Debug, Clone, PartialEq)]
pub struct Located {
    /// The value as written.
    pub scalar: Scalar,
    /// 1-based line.
    pub line: usize,
    /// 1-based column.
    pub column: usize,
}

/// What an answers file says, read without typing or requiring anything: for an interview that
/// asks only what is missing or invalid.
#[derive(Debug, Default)]
pub struct Given {
    /// The values written for declared keys, by key; empty values are left out.
    pub values: BTreeMap<String, Located>,
    /// Keys that are not declared, given twice or hold the wrong shape; their values are ignored.
    pub problems: Vec<Diagnostic>,
    /// The reserved `clausewright.late_payer_applied`: the rates were already multiplied.
    pub late_payer_applied: bool,
    /// The line of each parent key (`client:`), to place "is required" errors.
    parents: BTreeMap<String, usize>,
}

/// Reads an answers file as [`Given`] values. Fails only when the file is not YAML or not a
/// mapping; an empty file gives nothing.
pub fn read_given(file: &str, text: &str, library: &Library) -> Result<Given, Error> {
    if text.trim().is_empty() {
        return Ok(Given::default());
    }
    let root: Spanned<Node> = serde_saphyr::from_str(text)
        .map_err(|error| Error::Diagnostics(vec![yaml_diagnostic(file, text, &error)]))?;
    let Node::Map(mut entries) = root.value else {
        return Err(Error::Diagnostics(vec![Diagnostic::spanned(file, text, &root, "an answers file is a mapping of keys to values, such as `client:` then `  name: Acme Ltd`".into(),
        )]));
    };
    let mut given = Given::default();
    if let Some(index) = entries.iter().position(|(k, _)| k.value == RESERVED_KEY) {
        let (key, value) = entries.remove(index);
        given.late_payer_applied = reserved(file, text, &key, value, &mut given.problems);
    }
    flatten(
        file,
        text,
        library,
        "",
        entries,
        &mut given.values,
        &mut given.parents,
        &mut given.problems,
    );
    given
        .values
        .retain(|_, located| located.scalar != Scalar::Null);
    Ok(given)
}

/// Parses and validates an answers file against the library.
pub fn parse(file: &str, text: &str, library: &Library) -> Result<Answers, Error> {
    if text.trim().is_empty() {
        return Err(Error::Diagnostics(vec![Diagnostic::file_error(
            file,
            "the answers file is empty".into(),
        )]));
    }
    let Given {
        values: found,
        problems: mut diagnostics,
        late_payer_applied,
        parents,
    } = read_given(file, text, library)?;
    let mut answers = Answers {
        late_payer_applied,
        ..Answers::default()
    };
    for question in library.questions() {
        let applies = question
            .when
            .as_ref()
            .is_none_or(|when| when.eval(|key| answers.values.get(key)));
        let located = found.get(&question.key);
        if !applies {
            continue;
        }
        // An empty value (read_given leaves it out) is an unanswered question.
        if let Some(located) = located {
            match typed_value(question, &located.scalar) {
                Ok(value) => {
                    answers.values.insert(question.key.clone(), value);
                }
                Err(why) => diagnostics.push(
                    Diagnostic::error(
                        file,
                        text,
                        located.line,
                        located.column,
                        format!("`{}` {why}", question.key),
                    )
                    .with_width(scalar_width(text, located)),
                ),
            }
            continue;
        }
        if let Some(default) = question.default_for(|key| answers.values.get(key)) {
            answers.values.insert(question.key.clone(), default.clone());
        } else if question.required {
            let parent = question.key.rsplit_once('.').map(|(p, _)| p);
            let message = format!("`{}` is required: {}", question.key, question.prompt);
            diagnostics.push(match parent.and_then(|p| parents.get(p)) {
                Some(&line) => Diagnostic::error(file, text, line, 1, message),
                None => Diagnostic::file_error(file, message),
            });
        }
    }
    if diagnostics.is_empty() {
        Ok(answers)
    } else {
        diagnostics.sort_by_key(|d| d.line);
        Err(Error::Diagnostics(diagnostics))
    }
}

/// Reads the reserved `clausewright:` mapping; returns `late_payer_applied`.
fn reserved(
    file: &str,
    text: &str,
    key: &Spanned<String>,
    value: Spanned<Node>,
    diagnostics: &mut Vec<Diagnostic>,
) -> bool {
    let mut applied = false;
    let mut problem = |line: u64, column: u64| {
        diagnostics.push(Diagnostic::error(
            file,
            text,
            line as usize,
            column as usize,
            format!(
                "`{RESERVED_KEY}` is reserved; it holds only `late_payer_applied: true` or `false`"
            ),
        ));
    };
    let Node::Map(entries) = value.value else {
        problem(key.referenced.line(), key.referenced.column());
        return false;
    };
    for (inner_key, inner_value) in entries {
        match (inner_key.value.as_str(), inner_value.value) {
            ("late_payer_applied", Node::Scalar(Scalar::Bool(b))) => applied = b,
            _ => problem(inner_key.referenced.line(), inner_key.referenced.column()),
        }
    }
    applied
}

fn scalar_width(text: &str, located: &Located) -> usize {
    text.lines()
        .nth(located.line.saturating_sub(1))
        .map_or(1, |line| {
            line.chars()
                .skip(located.column.saturating_sub(1))
                .take_while(|c| *c != '#')
                .collect::<String>()
                .trim_end()
                .chars()
                .count()
        })
}

#[allow(clippy::too_many_arguments)]
fn flatten(
    file: &str,
    text: &str,
    library: &Library,
    prefix: &str,
    entries: Vec<(Spanned<String>, Spanned<Node>)>,
    found: &mut BTreeMap<String, Located>,
    parents: &mut BTreeMap<String, usize>,
    diagnostics: &mut Vec<Diagnostic>,
) {
    for (key, value) in entries {
        let full = if prefix.is_empty() {
            key.value.clone()
        } else {
            format!("{prefix}.{}", key.value)
        };
        let key_line = key.referenced.line() as usize;
        let key_column = key.referenced.column() as usize;
        let declared = library.question(&full).is_some();
        let is_parent = library.is_parent(&full);
        if !declared && !is_parent {
            let mut message = format!("unknown key `{full}`");
            if let Some(suggestion) = library.suggest(&full) {
                message.push_str(&format!("; did you mean `{suggestion}`?"));
            }
            diagnostics.push(
                Diagnostic::error(file, text, key_line, key_column, message)
                    .with_width(key.value.chars().count()),
            );
            continue;
        }
        if found.contains_key(&full) || parents.contains_key(&full) && !is_parent {
            diagnostics.push(
                Diagnostic::error(
                    file,
                    text,
                    key_line,
                    key_column,
                    format!("`{full}` is given twice"),
                )
                .with_width(key.value.chars().count()),
            );
            continue;
        }
        match value.value {
            Node::Map(inner) if is_parent => {
                parents.insert(full.clone(), key_line);
                flatten(
                    file,
                    text,
                    library,
                    &full,
                    inner,
                    found,
                    parents,
                    diagnostics,
                );
            }
            Node::Scalar(scalar) if declared => {
                found.insert(
                    full,
                    Located {
                        scalar,
                        line: value.referenced.line() as usize,
                        column: value.referenced.column() as usize,
                    },
                );
            }
            _ => {
                let what = if is_parent {
                    let children = library.children(&full).join("`, `");
                    format!("`{full}` holds the keys `{children}`, not a single value")
                } else {
                    format!("`{full}` takes a single value, not a list or mapping")
                };
                diagnostics.push(
                    Diagnostic::error(file, text, key_line, key_column, what)
                        .with_width(key.value.chars().count()),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::library::{Question, Type};

    #[test]
    fn a_file_read_for_the_interview_keeps_the_late_payer_mark() {
        let library = crate::library::load(&crate::run::built_in_files())
            .into_library()
            .unwrap();
        let text = "fees:\n  total: \"9600\"\nclausewright:\n  late_payer_applied: true\n";
        let given = read_given("saved.yaml", text, &library).unwrap();
        assert!(given.late_payer_applied);
        assert!(given.problems.is_empty(), "{:?}", given.problems);
        assert_eq!(
            given.values["fees.total"].scalar,
            Scalar::Str("9600".into())
        );
    }

    #[test]
    fn numbers_are_read_as_written_or_refused() {
        let read = |text: &str| parse_number(text).map(|d| d.to_string());
        assert_eq!(read("6400"), Some("6400".into()));
        assert_eq!(read("6400.50"), Some("6400.50".into()));
        assert_eq!(read("1,250.50"), Some("1250.50".into()));
        assert_eq!(read("12,345,678"), Some("12345678".into()));
        assert_eq!(read("-5"), Some("-5".into()));
        // A decimal comma would silently multiply the amount by a hundred.
        assert_eq!(read("6400,50"), None);
        assert_eq!(read("1.234,50"), None);
        assert_eq!(read("1,2345"), None);
        assert_eq!(read(",100"), None);
        assert_eq!(read("1e3"), None);
        assert_eq!(read("12."), None);
        assert_eq!(read(".5"), None);
        assert_eq!(read("$900"), None);
        assert_eq!(read(""), None);
    }

    #[test]
    fn money_answers_refuse_decimal_commas_and_huge_amounts() {
        let question = Question::new("fees.total", Type::Money, "Fee");
        let typed = |text: &str| typed_value(&question, &Scalar::Str(text.into()));
        assert_eq!(
            typed("1,250.50"),
            Ok(Value::Number(Decimal::new(125_050, 2)))
        );
        assert_eq!(
            typed("6400,50"),
            Err("is \"6400,50\"; expected an amount such as 1250.00".into())
        );
        assert_eq!(
            typed("79228162514264337593543950335"),
            Err("is \"79228162514264337593543950335\"; expected an amount of at most 1,000,000,000,000".into())
        );
        let percent = Question::new("deposit.percent", Type::Percent, "Deposit");
        assert_eq!(
            typed_value(&percent, &Scalar::Str("50 %".into())),
            Ok(Value::Number(Decimal::from(50)))
        );
    }
}
