//! YAML files and their errors in words: a library's [`SourceFile`], reading one as a type, and
//! a serde-saphyr error turned into a located [`Diagnostic`], for the stages that read YAML
//! (library, letters, jurisdiction profiles, answers), and a [`scan`] of what serde does not
//! show: the tags a file writes and the text of its plain scalars.

use std::collections::BTreeMap;

use serde_saphyr::granit_parser::{Event, Parser, ScalarStyle};

use crate::error::Diagnostic;

pub(crate) mod tape;
mod tape_form;

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
    // A built-in file as shipped has no tag and no error: its values are read from its tape.
    if let Some(values) = tape::read(&file.relative, text) {
        return Some(values);
    }
    // Every YAML tag starts with `!` where a value starts: a file without such a `!` has no
    // tag to refuse, and is not parsed a second time for tags (most files).
    let tags = if may_hold_tag(text) {
        tag_diagnostics(name, text, &scan(text))
    } else {
        Vec::new()
    };
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

/// Whether `text` has a `!` where a YAML value can start: at the start of a line (after
/// blanks) or after `:`, `-`, `?`, `[`, `{` or `,` and blanks. Every tag is such a `!`; a `!`
/// inside words or after an opening quote (`a != "b"`, `'!x'`) is not, and a file with none
/// of the first kind need not be scanned for tags. Block scalars may give false alarms
/// (a line starting with `!`): those files are scanned, which is only slower. So is a `!`
/// after an anchor (`&a !!str x`).
fn may_hold_tag(text: &str) -> bool {
    text.match_indices('!').any(|(at, _)| {
        let before = text[..at].trim_end_matches([' ', '\t']);
        let token = before.rsplit([' ', '\t', '\n']).next().unwrap_or("");
        before.is_empty()
            || before.ends_with(['\n', '\r', ':', '-', '?', '[', '{', ','])
            // After an anchor: `key: &a !!binary x`.
            || (token.starts_with('&') && before.len() < at)
    })
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

/// serde-saphyr's errors as sentences about the user's file: no option, API or budget of the
/// parser is named (they mean nothing to someone editing a contract's answers).
struct InWords;

impl serde_saphyr::MessageFormatter for InWords {
    fn format_message<'a>(&self, error: &'a serde_saphyr::Error) -> std::borrow::Cow<'a, str> {
        use serde_saphyr::Error as E;
        match error {
            E::DuplicateMappingKey { key: Some(key), .. } => {
                format!("`{key}` is given twice in the same mapping; keep one").into()
            }
            E::DuplicateMappingKey { key: None, .. } => {
                "a key is given twice in the same mapping; keep one".into()
            }
            E::MultipleDocuments { .. } => {
                "the file holds more than one YAML document (a `---` line starts another); keep one".into()
            }
            E::Budget { .. }
            | E::AliasReplayCounterOverflow { .. }
            | E::AliasReplayLimitExceeded { .. }
            | E::AliasExpansionLimitExceeded { .. }
            | E::AliasReplayStackDepthExceeded { .. } => {
                "the file holds more values, nesting or repeats of an anchor (`*name`) than clausewright reads; write it out plainly".into()
            }
            E::Eof { .. } => "the file is empty or ends too soon".into(),
            E::UnknownAnchor { .. } => {
                "`*name` repeats an anchor (`&name`) that is not defined above it".into()
            }
            E::MergeKeyNotAllowed { .. } | E::MergeValueNotMapOrSeqOfMaps { .. } => {
                "a merge key (`<<`) is not allowed; write the keys out".into()
            }
            other => serde_saphyr::UserMessageFormatter.format_message(other),
        }
    }
}

/// What a serde-saphyr error says is wrong with a file, as facts another language can word:
/// the kinds [`InWords`] says in its own sentence, and for the rest the parser's English
/// message (the place is the diagnostic's).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Syntax {
    /// A key written twice in one mapping (the key, when the parser names it).
    KeyTwice(Option<String>),
    /// More than one YAML document (`---`).
    Documents,
    /// More values, nesting or anchor repeats than the parser's limits.
    TooMuch,
    /// The file is empty or ends too soon.
    EndsTooSoon,
    /// `*name` with no `&name` above.
    UnknownAnchor,
    /// A merge key (`<<`).
    MergeKey,
    /// Any other syntax error: the parser's message in English (`did not find expected key`).
    Other(String),
}

/// The facts of `error`; `message` is its English diagnostic's message, kept for
/// [`Syntax::Other`].
pub(crate) fn syntax_of(error: &serde_saphyr::Error, message: &str) -> Syntax {
    use serde_saphyr::Error as E;
    // The error itself, out of the wrappers that add a snippet or an anchor's place.
    let mut error = error;
    while let E::WithSnippet { error: inner, .. } | E::AliasError { error: inner, .. } = error {
        error = inner;
    }
    match error {
        E::DuplicateMappingKey { key, .. } => Syntax::KeyTwice(key.clone()),
        E::MultipleDocuments { .. } => Syntax::Documents,
        E::Budget { .. }
        | E::AliasReplayCounterOverflow { .. }
        | E::AliasReplayLimitExceeded { .. }
        | E::AliasExpansionLimitExceeded { .. }
        | E::AliasReplayStackDepthExceeded { .. } => Syntax::TooMuch,
        E::Eof { .. } => Syntax::EndsTooSoon,
        E::UnknownAnchor { .. } => Syntax::UnknownAnchor,
        E::MergeKeyNotAllowed { .. } | E::MergeValueNotMapOrSeqOfMaps { .. } => Syntax::MergeKey,
        _ => Syntax::Other(message.to_owned()),
    }
}

/// Words of Rust's and serde's type names, as a person says them.
const TYPE_WORDS: &[(&str, &str)] = &[
    ("invalid i64", "expected a whole number"),
    ("invalid u64", "expected a whole number"),
    ("invalid bool", "expected true or false"),
    ("expected u8", "expected a whole number"),
    ("expected u16", "expected a whole number"),
    ("expected u32", "expected a whole number"),
    ("expected u64", "expected a whole number"),
    ("expected usize", "expected a whole number"),
    ("expected i32", "expected a whole number"),
    ("expected i64", "expected a whole number"),
    ("expected f64", "expected a number"),
    ("expected a boolean", "expected true or false"),
    ("a sequence", "a list"),
];

/// Turns a serde-saphyr error into a diagnostic at its location in `file`.
pub(crate) fn yaml_diagnostic(file: &str, text: &str, error: &serde_saphyr::Error) -> Diagnostic {
    let mut message = error.without_snippet().render_with_formatter(&InWords);
    // The message ends with its own " at line N, column M"; ours shows the location anyway.
    if let Some(index) = message.rfind(" at line ") {
        message.truncate(index);
    }
    for (said, meant) in TYPE_WORDS {
        message = message.replace(said, meant);
    }
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

#[cfg(test)]
mod tests {
    #[test]
    fn a_tag_is_looked_for_only_where_a_value_can_start() {
        for tagged in [
            "a: !!binary x",
            "!custom x",
            "a:\n  - !x y",
            "a: [1, !!str 2]",
            "a: {b: !t c}",
            "--- !doc\na: 1",
            "a: &anchor !!python/object x",
            "? !k a\n: b",
            "a:\t!x y",
        ] {
            assert!(super::may_hold_tag(tagged), "{tagged}");
            assert!(!super::scan(tagged).tags.is_empty(), "{tagged}");
        }
        for plain in [
            "when: 'a != \"b\"'",
            "title: Stop!",
            "body: |\n  Hello, world!\n",
            "a: \"!x\"",
        ] {
            assert!(!super::may_hold_tag(plain), "{plain}");
            assert!(super::scan(plain).tags.is_empty(), "{plain}");
        }
    }

    use super::*;

    fn read(text: &str) -> (Option<BTreeMap<String, String>>, Vec<String>) {
        let file = SourceFile {
            relative: "010-x.yaml".into(),
            display: "clauses/010-x.yaml".into(),
            text: text.into(),
        };
        let mut diagnostics = Vec::new();
        let value = read_yaml(&file, &mut diagnostics);
        (value, diagnostics.into_iter().map(|d| d.message).collect())
    }

    #[test]
    fn a_tag_is_refused_and_an_exclamation_mark_in_a_string_is_text() {
        let (value, problems) = read("id: x\ntitle: !!binary aGk=\n");
        assert!(value.is_none());
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(problems[0].contains("`!!binary`"), "{problems:?}");
        // `!=` in a condition, `!` in prose: no tag, read as written.
        let (value, problems) = read("when: 'a != \"b\"'\ntitle: Stop!\n");
        assert!(problems.is_empty(), "{problems:?}");
        let value = value.unwrap();
        assert_eq!(value["when"], "a != \"b\"");
        assert_eq!(value["title"], "Stop!");
        // A file without `!` is read without the scan for tags.
        let (value, problems) = read("id: x\ntitle: Plain\n");
        assert!(problems.is_empty());
        assert_eq!(value.unwrap()["title"], "Plain");
    }
}
