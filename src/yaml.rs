//! YAML errors in words: turns a serde-saphyr error into a located [`Diagnostic`], for the
//! stages that read YAML (library, letters, answers).

use crate::error::Diagnostic;

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
