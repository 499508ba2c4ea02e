//! YAML files and their errors in words: a library's [`SourceFile`], reading one as a type, and
//! a serde-saphyr error turned into a located [`Diagnostic`], for the stages that read YAML
//! (library, letters, jurisdiction profiles, answers), and a [`scan`] of what serde does not
//! show: the tags a file writes and the text of its plain scalars.

use std::collections::BTreeMap;

use serde_saphyr::granit_parser::{Event, Parser, ScalarStyle};

use crate::error::Diagnostic;

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
    let tags = tag_diagnostics(name, text, &scan(text));
    if !tags.is_empty() {
        diagnostics.extend(tags);
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

/// What a YAML file writes that its deserialised values do not show.
#[derive(Debug, Default)]
pub(crate) struct Scan {
    /// Each tag (`!!binary`, `!python/object:x`) as written, at its 1-based line and column.
    pub tags: Vec<(usize, usize, String)>,
    /// The text of each plain (unquoted, one-line or folded) scalar, by the 1-based line and
    /// column where it starts: `0x1F` where serde sees the number 31.
    pub plain: BTreeMap<(usize, usize), String>,
}

/// Reads `text`'s events for [`Scan`]. A file the parser cannot read gives what came before
/// the error: serde reports the error itself.
#[must_use]
pub(crate) fn scan(text: &str) -> Scan {
    let mut found = Scan::default();
    for event in Parser::new_from_str(text) {
        let Ok((event, span)) = event else { break };
        let tag = match &event {
            Event::Scalar(_, _, _, tag)
            | Event::SequenceStart(_, _, tag)
            | Event::MappingStart(_, _, tag) => tag.as_ref(),
            _ => None,
        };
        if let Some(tag) = tag {
            let at = span.tag_start.unwrap_or(span.start);
            found.tags.push((
                at.line(),
                at.col() + 1,
                format!("{}{}", tag.original_handle(), tag.suffix()),
            ));
        }
        if let Event::Scalar(value, ScalarStyle::Plain, _, _) = &event {
            found
                .plain
                .insert((span.start.line(), span.start.col() + 1), value.to_string());
        }
    }
    found
}

/// One error for each tag of `scan`: values are written plainly, never as typed objects.
#[must_use]
pub(crate) fn tag_diagnostics(file: &str, text: &str, scan: &Scan) -> Vec<Diagnostic> {
    scan.tags
        .iter()
        .map(|(line, column, tag)| {
            Diagnostic::error(
                file,
                text,
                *line,
                *column,
                format!(
                    "the YAML tag `{tag}` is not allowed: write the value plainly, without a tag"
                ),
            )
            .with_width(tag.chars().count())
        })
        .collect()
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
