//! Validation: takes an answers file and returns [`Answers`] typed against the library's
//! declarations, defaulted, and with every problem in the file reported at once.

use super::agree::{Written, contradictions};
use super::read::{Located, read_given, scalar_width};
use super::records::typed_records;
use super::{Answers, Given, place_of};
use crate::error::{Diagnostic, Error};
use crate::library::Library;
use crate::model::keys::{COUNTRY, CURRENCY};
use crate::model::{Value, finer_than_minor_unit, typed_value};

/// Parses and validates an answers file against the library.
#[allow(clippy::too_many_lines)]
pub fn parse(file: &str, text: &str, library: &Library) -> Result<Answers, Error> {
    let text_of_file = text;
    if text.trim().is_empty() {
        return Err(Error::Diagnostics(vec![Diagnostic::file_error(
            file,
            "the answers file is empty".into(),
        )]));
    }
    let Given {
        values: found,
        lists,
        problems: mut diagnostics,
        late_payer_applied,
        parents,
        refused,
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
        if !applies || refused.contains(&question.key) {
            continue;
        }
        if let Some(list) = lists.get(&question.key) {
            if list.malformed {
                continue;
            }
            match typed_records(file, text, question, list) {
                // An empty list (`key: []`) is an unanswered question.
                Ok(Value::List(records)) if records.is_empty() => {}
                Ok(value) => {
                    answers.values.insert(question.key.clone(), value);
                    continue;
                }
                Err(found) => {
                    diagnostics.extend(found);
                    continue;
                }
            }
        }
        // An empty value (read_given leaves it out) is an unanswered question.
        if let Some(located) = located {
            match typed_value(question, &located.scalar) {
                // Blank text (spaces, a zero-width space) is no answer: the default applies,
                // and a required question without one is an error here, at the blank.
                Ok(Value::Text(text)) if text.is_empty() => {
                    if let Some(default) = question.default_for(|key| answers.values.get(key)) {
                        answers.values.insert(question.key.clone(), default.clone());
                    } else if question.required {
                        diagnostics.push(
                            Diagnostic::error(
                                file,
                                text_of_file,
                                located.line,
                                located.column,
                                format!(
                                    "`{}` is blank: a required answer needs at least one visible character ({})",
                                    question.key, question.prompt
                                ),
                            )
                            .with_width(scalar_width(text_of_file, located)),
                        );
                    }
                }
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
    minor_units(file, text, library, &answers, &found, &mut diagnostics);
    if diagnostics.is_empty() {
        let declares_country = library.question(COUNTRY).is_some();
        if let Err((key, why)) = place_of(&library.profiles, declares_country, &answers) {
            let message = format!("`{key}` {why}");
            let parent = key.rsplit_once('.').map(|(p, _)| p);
            diagnostics.push(
                match (found.get(key), parent.and_then(|p| parents.get(p))) {
                    (Some(located), _) => {
                        Diagnostic::error(file, text, located.line, located.column, message)
                            .with_width(scalar_width(text, located))
                    }
                    (None, Some(&line)) => Diagnostic::error(file, text, line, 1, message),
                    (None, None) => Diagnostic::file_error(file, message),
                },
            );
        }
    }
    if diagnostics.is_empty() {
        let written = Written {
            file,
            text,
            values: &found,
            lists: &lists,
        };
        diagnostics.extend(contradictions(library, &answers, &written));
    }
    if diagnostics.is_empty() {
        answers.places = places(text, &found, &lists);
        Ok(answers)
    } else {
        diagnostics.sort_by_key(|d| d.line);
        Err(Error::Diagnostics(diagnostics))
    }
}

/// Money written finer than its currency's smallest unit (`"1250.5"` yen): an error at the
/// amount, since the contract could only show it rounded.
fn minor_units(
    file: &str,
    text: &str,
    library: &Library,
    answers: &Answers,
    found: &std::collections::BTreeMap<String, Located>,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let Some(Value::Text(code)) = answers.values.get(CURRENCY) else {
        return;
    };
    for question in library.questions() {
        if let (Some(Value::Number(amount)), Some(located)) =
            (answers.values.get(&question.key), found.get(&question.key))
            && question.ty == crate::model::Type::Money
            && let Some(why) = finer_than_minor_unit(*amount, code)
        {
            diagnostics.push(
                Diagnostic::error(
                    file,
                    text,
                    located.line,
                    located.column,
                    format!("`{}` is {}; {why}", question.key, amount.normalize()),
                )
                .with_width(scalar_width(text, located)),
            );
        }
    }
}

/// Where each value of an answers file is: line, column and width; a list is placed at its
/// key (`milestones:`), the width of the key's last segment.
fn places(
    text: &str,
    found: &std::collections::BTreeMap<String, Located>,
    lists: &std::collections::BTreeMap<String, super::read::LocatedList>,
) -> std::collections::BTreeMap<String, (usize, usize, usize)> {
    let lists = lists.iter().map(|(key, list)| {
        let width = key.rsplit('.').next().unwrap_or(key).chars().count();
        (key.clone(), (list.line, list.column, width))
    });
    found
        .iter()
        .map(|(key, located)| {
            let width = scalar_width(text, located);
            (key.clone(), (located.line, located.column, width))
        })
        .chain(lists)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::library::SourceFile;

    fn library() -> Library {
        let file = |relative: &str, text: &str| SourceFile {
            relative: relative.to_owned(),
            display: relative.to_owned(),
            text: text.to_owned(),
        };
        let declarations = "title: T\nsections:\n  - title: S\n    questions:\n      - key: fees.currency\n        type: choice\n        prompt: Currency\n        choices:\n          - { value: USD, label: dollars }\n          - { value: JPY, label: yen }\n      - key: fees.total\n        type: money\n        prompt: Fee\n        required: true\n      - key: client.name\n        type: text\n        prompt: Client\n        required: true\n";
        let clause = "id: fee\ntitle: Fee\norder: 1\nbody: |\n  {{client.name}} pays {{money fees.total}} in {{fees.currency}}.\n";
        crate::library::load(&[
            file("library.yaml", declarations),
            file("010-fee.yaml", clause),
        ])
        .into_library()
        .unwrap()
    }

    fn errors(text: &str) -> Vec<String> {
        match parse("a.yaml", text, &library()) {
            Ok(_) => Vec::new(),
            Err(Error::Diagnostics(found)) => found
                .iter()
                .map(|d| format!("{}: {}", d.location(), d.text()))
                .collect(),
            Err(other) => vec![other.to_string()],
        }
    }

    #[test]
    fn money_has_no_more_places_than_its_currency() {
        assert_eq!(
            errors("fees:\n  currency: JPY\n  total: \"1250.50\"\nclient:\n  name: A\n"),
            ["a.yaml:3:10: `fees.total` is 1250.5; an amount in JPY has no decimal places"]
        );
        assert!(
            errors("fees:\n  currency: USD\n  total: \"1250.50\"\nclient:\n  name: A\n").is_empty()
        );
    }

    #[test]
    fn a_blank_required_value_is_an_error_at_its_line() {
        for blank in [
            "\"\"",
            "\"   \"",
            "\"\\u200B\"",
            "\"\\u3000\"",
            "\"\\t\\u2060\"",
        ] {
            assert_eq!(
                errors(&format!(
                    "fees:\n  total: \"10\"\nclient:\n  name: {blank}\n"
                )),
                [
                    "a.yaml:4:9: `client.name` is blank: a required answer needs at least one visible character (Client)"
                ],
                "{blank}"
            );
        }
    }
}
