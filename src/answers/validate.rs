//! Validation: takes an answers file and returns [`Answers`] typed against the library's
//! declarations, defaulted, and with every problem in the file reported at once.

use super::read::{Located, read_given};
use super::{Answers, Given, place_of};
use crate::error::{Diagnostic, Error};
use crate::library::Library;
use crate::model::keys::COUNTRY;
use crate::model::typed_value;

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
        Ok(answers)
    } else {
        diagnostics.sort_by_key(|d| d.line);
        Err(Error::Diagnostics(diagnostics))
    }
}

/// How many characters the value at `located` spans on its line (up to a comment), for a caret
/// under the whole value.
#[must_use]
pub fn scalar_width(text: &str, located: &Located) -> usize {
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
