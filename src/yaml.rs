//! YAML files and their errors in words: a library's [`SourceFile`], reading one as a type, and
//! a serde-saphyr error turned into a located [`Diagnostic`], for the stages that read YAML
//! (library, letters, jurisdiction profiles, answers).

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
    match serde_saphyr::from_str(text) {
        Ok(raw) => Some(raw),
        Err(error) => {
            diagnostics.push(yaml_diagnostic(name, text, &error));
            None
        }
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
