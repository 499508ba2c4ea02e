//! Declarations: takes `library.yaml` and returns the contract's title, its sections of
//! [`Question`]s and its [`Trades`], with every problem in the file (unknown types, bad keys, defaults that do
//! not fit, conditions on undeclared keys).

use std::collections::{BTreeMap, BTreeSet};

use serde_saphyr::Spanned;

use super::raw::RawLibrary;
use super::trades::{Trades, load_trades};
use super::{Section, SourceFile, is_key, read_yaml};
use crate::error::Diagnostic;
use crate::model::{Condition, LatePayer, Question, Scalar, Type, Value, typed_value};

pub(crate) type Declarations = (String, Vec<Section>, Trades);

#[allow(clippy::too_many_lines)]
pub(crate) fn load_declarations(
    file: &SourceFile,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<Declarations> {
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
            if key.starts_with(crate::model::place::PREFIX) || key == "place" {
                diagnostics.push(key_at(format!(
                    "`{key}` is under `place`, which the jurisdiction profile fills in; rename the question"
                )));
                continue;
            }
            if key.starts_with(crate::model::keys::TRADE_PREFIX) || key == "trade" {
                diagnostics.push(key_at(format!(
                    "`{key}` is under `trade`, which the `trades` table fills in; rename the question"
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
    let trades = load_trades(name, text, raw.trades, &sections, diagnostics);
    Some((title, sections, trades))
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
    match typed_value(question, &spanned.value) {
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
pub(crate) fn condition_diagnostics<'q>(
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
