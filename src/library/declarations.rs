//! Declarations: takes `library.yaml` and returns the contract's title, its sections of
//! [`Question`]s and its [`Trades`], with every problem in the file (unknown types, bad keys, defaults that do
//! not fit, conditions on undeclared keys).

use std::collections::{BTreeMap, BTreeSet};

use serde_saphyr::Spanned;

use super::raw::{RawLibrary, RawQuestion};
use super::signs::load_signs;
use super::trades::{Trades, load_trades};
use super::{Section, SourceFile, is_key, read_yaml};
use crate::error::Diagnostic;
use crate::model::{Condition, LatePayer, Question, Scalar, Term, Type, Value, typed_value};

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
    let mut terms: BTreeMap<Term, String> = BTreeMap::new();
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
            // `a.b` holds `a.b.c`: one key is the other and a dot.
            let holds = |outer: &str, inner: &str| {
                inner
                    .strip_prefix(outer)
                    .is_some_and(|rest| rest.starts_with('.'))
            };
            if let Some(conflict) = keys
                .keys()
                .find(|other| holds(&key, other) || holds(other, &key))
            {
                diagnostics.push(key_at(format!(
                    "`{key}` and `{conflict}` cannot both be declared: one would hold the other"
                )));
                continue;
            }
            let mut question =
                Question::new(&key, raw_question.ty.value, &raw_question.prompt.value);
            question.line = raw_question.key.referenced.line() as usize;
            if let Some(item) = &raw_question.item {
                question.item.clone_from(item);
            }
            question.fields = list_fields(&raw_question, &key, name, text, diagnostics);
            if let Some(label) = raw_question.label {
                question.label = label;
            }
            question.unit = raw_question.unit;
            if let Some(raw) = &raw_question.summary {
                match super::summary::read(raw, raw_question.ty.value) {
                    Ok(summary) => question.summary = Some(summary),
                    Err(why) => diagnostics.push(key_at(format!("`{key}` {why}"))),
                }
            }
            question.help = raw_question.help;
            question.required = raw_question.required;
            question.rate = raw_question.rate;
            question.profile = raw_question.profile;
            question.choices = raw_question.choices;
            let ty = question.ty;
            if let Some(term) = &raw_question.term {
                question.term = check_term(term, &question, &mut terms, name, text, diagnostics);
            }
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
                    None => Some(Condition::always()),
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
    let professions: Vec<&str> = sections
        .iter()
        .flat_map(|s| &s.questions)
        .filter(|q| q.key == crate::model::keys::PROFESSION)
        .flat_map(|q| q.choices.iter().map(|c| c.value.as_str()))
        .collect();
    // The trades' signs are read on another core while this one reads the trades; their
    // problems are reported after the trades' own, as if read one after the other.
    let (mut trades, (signs, signs_diagnostics)) = std::thread::scope(|scope| {
        let signs = scope.spawn(|| {
            let mut found = Vec::new();
            let signs = load_signs(name, text, raw.trade_signs, &professions, &mut found);
            (signs, found)
        });
        let trades = load_trades(name, text, raw.trades, &sections, diagnostics);
        let signs = signs
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        (trades, signs)
    });
    diagnostics.extend(signs_diagnostics);
    trades.signs = signs;
    Some((title, sections, trades))
}

#[allow(clippy::too_many_lines)]
/// The declared fields of a `list` question, each checked like a question of its own; every
/// problem reported at its line.
fn list_fields(
    raw: &RawQuestion,
    key: &str,
    file: &str,
    text: &str,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<Question> {
    let at = |spanned: &Spanned<String>, message: String| {
        Diagnostic::spanned(file, text, spanned, message).with_width(spanned.value.chars().count())
    };
    let is_list = raw.ty.value == Type::List;
    if !is_list {
        if let Some(first) = raw.fields.first() {
            diagnostics.push(at(
                &first.key,
                format!(
                    "`{key}` has `fields` but its type is {}, not list",
                    raw.ty.value
                ),
            ));
        }
        if raw.item.is_some() {
            diagnostics.push(at(
                &raw.key,
                format!(
                    "`{key}` has an `item` name but its type is {}, not list",
                    raw.ty.value
                ),
            ));
        }
        return Vec::new();
    }
    if raw.fields.is_empty() {
        diagnostics.push(at(
            &raw.key,
            format!("`{key}` is a list but declares no `fields`"),
        ));
    }
    let mut fields: Vec<Question> = Vec::new();
    for field in &raw.fields {
        let name = &field.key.value;
        if !is_key(name) || name.contains('.') {
            diagnostics.push(at(
                &field.key,
                format!("`{name}` is not a valid field of `{key}`; use one lower-case word or words joined by `_`"),
            ));
            continue;
        }
        if fields.iter().any(|f| &f.key == name) {
            diagnostics.push(at(
                &field.key,
                format!("`{key}` declares the field `{name}` twice"),
            ));
            continue;
        }
        let extra = [
            (field.when.is_some(), "when"),
            (!field.defaults.is_empty(), "defaults"),
            (field.late_payer.is_some(), "late_payer"),
            (field.rate, "rate"),
            (field.profile, "profile"),
            (field.term.is_some(), "term"),
            (!field.fields.is_empty(), "fields"),
            (field.item.is_some(), "item"),
            (field.summary.is_some(), "summary"),
        ];
        if let Some((_, what)) = extra.iter().find(|(given, _)| *given) {
            diagnostics.push(at(
                &field.key,
                format!("the field `{name}` of `{key}` takes no `{what}`; a field takes key, type, prompt, label, unit, help, required, default, min, max and choices"),
            ));
            continue;
        }
        let ty = field.ty.value;
        if ty == Type::List {
            diagnostics.push(at(
                &field.key,
                format!(
                    "the field `{name}` of `{key}` is a list; a list's fields hold single values"
                ),
            ));
            continue;
        }
        let mut question = Question::new(name, ty, &field.prompt.value);
        question.line = field.key.referenced.line() as usize;
        if let Some(label) = &field.label {
            question.label.clone_from(label);
        }
        question.unit.clone_from(&field.unit);
        question.help.clone_from(&field.help);
        question.required = field.required;
        question.choices.clone_from(&field.choices);
        if ty == Type::Choice && question.choices.is_empty() {
            diagnostics.push(at(
                &field.key,
                format!("the field `{name}` of `{key}` is a choice but lists no `choices`"),
            ));
        }
        if ty != Type::Choice && !question.choices.is_empty() {
            diagnostics.push(at(
                &field.key,
                format!(
                    "the field `{name}` of `{key}` has `choices` but its type is {ty}, not choice"
                ),
            ));
        }
        let limit_allowed = matches!(ty, Type::Money | Type::Percent | Type::Integer | Type::Date);
        for (spanned, what, slot) in [(&field.min, "min", 0), (&field.max, "max", 1)] {
            let Some(spanned) = spanned else { continue };
            if !limit_allowed {
                diagnostics.push(Diagnostic::spanned(
                    file,
                    text,
                    spanned,
                    format!("the field `{name}` of `{key}` is {ty}, which takes no `{what}`"),
                ));
                continue;
            }
            let value = typed_or_report(&question, spanned, what, file, text, diagnostics);
            if slot == 0 {
                question.min = value;
            } else {
                question.max = value;
            }
        }
        if let Some(spanned) = &field.default {
            question.default =
                typed_or_report(&question, spanned, "default", file, text, diagnostics);
        }
        fields.push(question);
    }
    fields
}

/// The `term:` of `question`, when its type is the term's and no earlier question plays it;
/// otherwise the reason, reported at the term.
fn check_term(
    term: &Spanned<Term>,
    question: &Question,
    terms: &mut BTreeMap<Term, String>,
    file: &str,
    text: &str,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<Term> {
    let name = term.value;
    let problem = if name.ty() == question.ty {
        terms.get(&name).map(|first| {
            format!("the term `{name}` is already played by `{first}`; a term names one answer")
        })
    } else {
        let article = if name.ty().to_string().starts_with(['a', 'e', 'i', 'o', 'u']) {
            "an"
        } else {
            "a"
        };
        Some(format!(
            "the term `{name}` takes {article} {} answer, but `{}` is {}",
            name.ty(),
            question.key,
            question.ty
        ))
    };
    if let Some(message) = problem {
        diagnostics.push(
            Diagnostic::spanned(file, text, term, message).with_width(name.name().chars().count()),
        );
        return None;
    }
    terms.insert(name, question.key.clone());
    Some(name)
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
    let place = |offset: usize, len: usize, message: String| {
        // A quoted condition starts one column after its quote. (Found only for a problem:
        // finding the line reads the file from its start.)
        let line_text = text.lines().nth(line.saturating_sub(1)).unwrap_or("");
        let start = line_text
            .char_indices()
            .nth(column.saturating_sub(1))
            .map_or(0, |(i, _)| i);
        let quoted = line_text[start..].starts_with(['"', '\'']);
        let base = column + usize::from(quoted);
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

#[cfg(test)]
mod tests {
    use super::*;

    fn messages(text: &str) -> Vec<String> {
        let file = SourceFile {
            relative: "library.yaml".into(),
            display: "lib/library.yaml".into(),
            text: text.into(),
        };
        let mut diagnostics = Vec::new();
        load_declarations(&file, &mut diagnostics);
        diagnostics.into_iter().map(|d| d.message).collect()
    }

    #[test]
    fn a_key_that_would_hold_another_is_refused_in_either_order() {
        let library = |first: &str, second: &str| {
            format!(
                "title: T\nsections:\n  - title: S\n    questions:\n      - key: {first}\n        type: text\n        prompt: P\n      - key: {second}\n        type: text\n        prompt: Q\n"
            )
        };
        assert_eq!(
            messages(&library("client.name", "client.name.first")),
            [
                "`client.name.first` and `client.name` cannot both be declared: one would hold the other"
            ]
        );
        assert_eq!(
            messages(&library("client.name.first", "client.name")),
            [
                "`client.name` and `client.name.first` cannot both be declared: one would hold the other"
            ]
        );
        // A key that only starts with another's letters holds nothing.
        assert!(messages(&library("client.name", "client.names")).is_empty());
    }
}
