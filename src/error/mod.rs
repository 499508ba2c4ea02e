//! The one error type of the crate, and located diagnostics.
//!
//! A [`Diagnostic`] points at a file, line and column and carries the source line, so it prints
//! like a compiler message with a caret. Stages that read user files collect every diagnostic
//! they find before failing, and fail with [`Error::Diagnostics`].

use std::fmt;
use std::fmt::Write as _;
use std::path::PathBuf;

use annotate_snippets::{AnnotationKind, Level, Renderer, Snippet};

mod stages;

pub use stages::{LettersError, OutputError};

/// Everything that can go wrong, from a clause file to a PDF: the stages' own error types,
/// joined here by `From` so `?` carries them up to `main`, which prints the message and exits
/// with [`Error::exit_code`].
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// An input file could not be read, or stdout could not be written.
    #[error("{}: {source}", path.display())]
    Io {
        /// The file (`<stdout>` for standard output).
        path: PathBuf,
        /// What the operating system said.
        source: std::io::Error,
    },
    /// One or more problems located in user files; all of them, not just the first.
    #[error("{}", render_all(.0, false))]
    Diagnostics(Vec<Diagnostic>),
    /// [`Error::Diagnostics`] worded in another language than English (a Turkish contract's
    /// findings): the text as rendered, each severity and the count line in that language.
    #[error("{text}")]
    Worded {
        /// The diagnostics rendered, as printed.
        text: String,
        /// The diagnostics.
        diagnostics: Vec<Diagnostic>,
    },
    /// An error said in the words of a catalogue: in another language than English (`hata: …
    /// zaten var`), or in English words that say more than the error's own (a draft not
    /// saved). The error it says, for its exit code, and its words.
    #[error("{text}")]
    Said {
        /// What it says, in English.
        error: Box<Error>,
        /// What an error is called in the language (`hata`).
        label: &'static str,
        /// The message in the language, without the label.
        text: String,
    },
    /// Writing the outputs failed, and nothing was replaced.
    #[error(transparent)]
    Output(#[from] OutputError),
    /// The contract cannot be typeset.
    #[error(transparent)]
    Layout(#[from] crate::layout::LayoutError),
    /// The clause library lacks the letters `chase` needs.
    #[error(transparent)]
    Letters(#[from] LettersError),
    /// A command-line value that clap cannot check by itself.
    #[error("{0}")]
    Usage(String),
    /// A date outside the public holidays clausewright knows, or an unknown holiday calendar.
    #[error("{0}")]
    Holidays(#[from] crate::holidays::HolidayError),
    /// The user stopped the interview (Esc or Ctrl-C) before anything was written.
    #[error("the interview was stopped; nothing was written")]
    Cancelled,
    /// A signal (Ctrl-C, SIGTERM, SIGHUP) arrived while files were written; every file is as
    /// it was before the run.
    #[error("interrupted; nothing was written and no file was replaced")]
    Interrupted,
    /// A broken invariant: a bug in clausewright, not in the input.
    #[error("internal error: {0}; please report it")]
    Internal(String),
    /// The user stopped the interview after answering; the answers so far were saved.
    #[error("{text}")]
    Stopped {
        /// What the user is told, in the interview's language: that the contract was not
        /// written, where the draft is and how to continue.
        text: String,
        /// Where the draft was saved.
        draft: std::path::PathBuf,
        /// The command that continues the interview.
        resume: String,
    },
}

impl Error {
    /// The process exit code for this error, as the README promises: 2 for usage errors, 130
    /// when the user stopped, 1 for everything else (an input or a write that failed).
    #[must_use]
    pub fn exit_code(&self) -> i32 {
        match self {
            Error::Said { error, .. } => error.exit_code(),
            Error::Usage(_)
            | Error::Output(OutputError::Twice { .. } | OutputError::IsInput { .. }) => 2,
            // What a shell reports for a program ended by Ctrl-C (128 + SIGINT).
            Error::Cancelled | Error::Interrupted | Error::Stopped { .. } => 130,
            Error::Io { .. }
            | Error::Diagnostics(_)
            | Error::Worded { .. }
            | Error::Output(_)
            | Error::Layout(_)
            | Error::Letters(_)
            | Error::Internal(_)
            | Error::Holidays(_) => 1,
        }
    }

    /// The error as text, with colour when `styled`.
    #[must_use]
    pub fn render(&self, styled: bool) -> String {
        match self {
            Error::Diagnostics(diagnostics) => render_all(diagnostics, styled),
            Error::Worded { text, .. } => text.clone(),
            Error::Said { label, text, .. } => {
                if styled {
                    format!("\x1b[1;31m{label}\x1b[0m: {text}")
                } else {
                    format!("{label}: {text}")
                }
            }
            other => {
                let text = other.to_string();
                if styled {
                    format!("\x1b[1;31merror\x1b[0m: {text}")
                } else {
                    format!("error: {text}")
                }
            }
        }
    }
}

/// How many errors and warnings a list of diagnostics holds: the one count `check`'s summary
/// line, an error's closing line and a stage's "errors only" all use.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Counts {
    /// Diagnostics of [`Severity::Error`].
    pub errors: usize,
    /// Diagnostics of [`Severity::Warning`].
    pub warnings: usize,
}

impl Counts {
    /// Counts `diagnostics` by severity.
    #[must_use]
    pub fn of(diagnostics: &[Diagnostic]) -> Self {
        let errors = diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .count();
        Self {
            errors,
            warnings: diagnostics.len() - errors,
        }
    }
}

/// "2 errors, 1 warning" and the like.
impl fmt::Display for Counts {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fn plural(n: usize, word: &str) -> String {
            if n == 1 {
                format!("{n} {word}")
            } else {
                format!("{n} {word}s")
            }
        }
        write!(
            f,
            "{}, {}",
            plural(self.errors, "error"),
            plural(self.warnings, "warning")
        )
    }
}

/// The errors of `diagnostics`, warnings dropped: what a stage that loads with warnings fails
/// with when it fails.
#[must_use]
pub(crate) fn errors_only(diagnostics: Vec<Diagnostic>) -> Vec<Diagnostic> {
    diagnostics
        .into_iter()
        .filter(|d| d.severity == Severity::Error)
        .collect()
}

/// How bad a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Fails `check` only with `--deny-warnings`.
    Warning,
    /// Always fails.
    Error,
}

/// A problem at a place in a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// The file, as the user named it.
    pub file: String,
    /// 1-based line; 0 when the problem concerns the whole file.
    pub line: usize,
    /// 1-based column, in characters; 0 when unknown.
    pub column: usize,
    /// What is wrong, in one sentence.
    pub message: String,
    /// What to do about it ("did you mean `client.phone`?"), shown after the message.
    pub hint: Option<Box<str>>,
    /// The text of the line, for the caret display.
    pub source_line: Option<String>,
    /// How many characters the caret underlines (at least one).
    pub width: usize,
}

/// `check --format json`: one object per diagnostic, the hint part of its message.
impl serde::Serialize for Diagnostic {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        #[derive(serde::Serialize)]
        struct Json<'a> {
            severity: Severity,
            file: &'a str,
            line: usize,
            column: usize,
            message: String,
        }
        Json {
            severity: self.severity,
            file: &self.file,
            line: self.line,
            column: self.column,
            message: self.text(),
        }
        .serialize(serializer)
    }
}

impl Diagnostic {
    /// An error at `line:column` of `file`, whose text is `source` (the whole file).
    #[must_use]
    pub fn error(file: &str, source: &str, line: usize, column: usize, message: String) -> Self {
        Self::at(Severity::Error, file, source, line, column, message)
    }

    /// An error at the YAML value `at` of `file`, whose text is `source`.
    #[must_use]
    pub fn spanned<T>(
        file: &str,
        source: &str,
        at: &serde_saphyr::Spanned<T>,
        message: String,
    ) -> Self {
        let location = at.referenced;
        Self::error(
            file,
            source,
            location.line() as usize,
            location.column() as usize,
            message,
        )
    }

    /// A warning at `line:column` of `file`, whose text is `source` (the whole file).
    #[must_use]
    pub fn warning(file: &str, source: &str, line: usize, column: usize, message: String) -> Self {
        Self::at(Severity::Warning, file, source, line, column, message)
    }

    /// An error about a file as a whole.
    #[must_use]
    pub fn file_error(file: &str, message: String) -> Self {
        Self {
            severity: Severity::Error,
            file: file.to_owned(),
            line: 0,
            column: 0,
            message,
            hint: None,
            source_line: None,
            width: 1,
        }
    }

    fn at(
        severity: Severity,
        file: &str,
        source: &str,
        line: usize,
        column: usize,
        message: String,
    ) -> Self {
        // A place past the end of the file (a parser reporting the end of input on the line
        // after the last) is the end of the last line: every output, a GitHub annotation
        // too, points at text that exists.
        let lines = source.lines().count();
        let (line, column) = match source.lines().nth(line.wrapping_sub(1)) {
            _ if line == 0 => (0, column),
            Some(text) => (line, column.min(text.chars().count() + 1)),
            None if lines == 0 => (0, 0),
            None => {
                let last = source.lines().last().unwrap_or_default();
                (lines, last.chars().count() + 1)
            }
        };
        let source_line = (line > 0)
            .then(|| source.lines().nth(line - 1))
            .flatten()
            .map(str::to_owned);
        Self {
            severity,
            file: file.to_owned(),
            line,
            column: if line == 0 { 0 } else { column.max(1) },
            message,
            hint: None,
            source_line,
            width: 1,
        }
    }

    /// Underlines `width` characters instead of one.
    #[must_use]
    pub fn with_width(mut self, width: usize) -> Self {
        self.width = width.max(1);
        self
    }

    /// Adds what to do about the problem ("did you mean `client.phone`?").
    #[must_use]
    pub fn with_hint(mut self, hint: String) -> Self {
        self.hint = Some(hint.into_boxed_str());
        self
    }

    /// The message with its hint, as every output shows it: "unknown key `me.fone`; did you
    /// mean `me.phone`?".
    #[must_use]
    pub fn text(&self) -> String {
        match &self.hint {
            Some(hint) => format!("{}; {hint}", self.message),
            None => self.message.clone(),
        }
    }

    /// `file:line:col`, or just the file when the line is unknown.
    #[must_use]
    pub fn location(&self) -> String {
        if self.line == 0 {
            self.file.clone()
        } else {
            format!("{}:{}:{}", self.file, self.line, self.column)
        }
    }

    /// The diagnostic as a compiler-style message with the source line and a caret.
    #[must_use]
    pub fn render(&self, styled: bool) -> String {
        self.render_as(styled, None)
    }

    /// [`Diagnostic::render`] with the severity called `name` (`uyarı`) instead of `error` or
    /// `warning`: for a diagnostic worded in another language.
    #[must_use]
    pub fn render_named(&self, styled: bool, name: &str) -> String {
        self.render_as(styled, Some(name))
    }

    fn render_as(&self, styled: bool, name: Option<&str>) -> String {
        let level = match self.severity {
            Severity::Error => Level::ERROR,
            Severity::Warning => Level::WARNING,
        };
        let level = match name {
            Some(name) => level.with_name(name.to_owned()),
            None => level,
        };
        let renderer = if styled {
            Renderer::styled()
        } else {
            Renderer::plain()
        };
        let Some(line_text) = &self.source_line else {
            let word = name.unwrap_or(match self.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
            });
            let word = if styled {
                let colour = if self.severity == Severity::Error {
                    "31"
                } else {
                    "33"
                };
                format!("\x1b[1;{colour}m{word}\x1b[0m")
            } else {
                word.to_owned()
            };
            return format!("{word}: {}: {}", self.location(), self.text());
        };
        let start = char_to_byte(line_text, self.column - 1);
        let end = char_to_byte(line_text, self.column - 1 + self.width);
        let text = self.text();
        let report = [level.primary_title(&text).element(
            Snippet::source(line_text.as_str())
                .line_start(self.line)
                .path(&self.file)
                .annotation(AnnotationKind::Primary.span(start..end)),
        )];
        renderer.render(&report).trim_end().to_owned()
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(false))
    }
}

fn char_to_byte(text: &str, chars: usize) -> usize {
    text.char_indices()
        .nth(chars)
        .map_or(text.len(), |(index, _)| index)
}

/// Every diagnostic, blank-line separated, followed by a count.
#[must_use]
pub(crate) fn render_all(diagnostics: &[Diagnostic], styled: bool) -> String {
    let mut out = String::new();
    for diagnostic in diagnostics {
        out.push_str(&diagnostic.render(styled));
        out.push_str("\n\n");
    }
    out.push_str(&Counts::of(diagnostics).to_string());
    out
}

/// A GitHub Actions workflow command for one diagnostic.
#[must_use]
pub(crate) fn github_annotation(diagnostic: &Diagnostic) -> String {
    let level = match diagnostic.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    };
    let escape_property = |text: &str| {
        text.replace('%', "%25")
            .replace('\r', "%0D")
            .replace('\n', "%0A")
            .replace(':', "%3A")
            .replace(',', "%2C")
    };
    let escape_data = |text: &str| {
        text.replace('%', "%25")
            .replace('\r', "%0D")
            .replace('\n', "%0A")
    };
    let mut properties = format!("file={}", escape_property(&diagnostic.file));
    if diagnostic.line > 0 {
        let _ = write!(
            properties,
            ",line={},col={}",
            diagnostic.line, diagnostic.column
        );
    }
    format!(
        "::{level} {properties}::{}",
        escape_data(&diagnostic.text())
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn located_diagnostic_shows_path_line_and_caret() {
        let source = "id: deposit\ntitle: Deposit\norder: ten\n";
        let diagnostic = Diagnostic::error(
            "clauses/x.yaml",
            source,
            3,
            8,
            "order must be a whole number".into(),
        )
        .with_width(3);
        assert_eq!(
            diagnostic.render(false),
            "error: order must be a whole number\n --> clauses/x.yaml:3:8\n  |\n3 | order: ten\n  |        ^^^"
        );
    }

    #[test]
    fn a_diagnostic_worded_in_another_language_names_its_severity_in_it() {
        let source = "ücret: 0x1F\n";
        let diagnostic = Diagnostic::warning("a.yaml", source, 1, 8, "sayı değil".into());
        assert_eq!(
            diagnostic.render_named(false, "uyarı"),
            "uyarı: sayı değil\n --> a.yaml:1:8\n  |\n1 | ücret: 0x1F\n  |        ^"
        );
        let whole = Diagnostic::file_error("a.yaml", "boş".into());
        assert_eq!(whole.render_named(false, "hata"), "hata: a.yaml: boş");
    }

    #[test]
    fn whole_file_diagnostic_is_one_line() {
        let diagnostic = Diagnostic::file_error("clauses/x.yaml", "the file is empty".into());
        assert_eq!(
            diagnostic.render(false),
            "error: clauses/x.yaml: the file is empty"
        );
    }

    #[test]
    fn a_place_past_the_end_of_the_file_is_the_end_of_its_last_line() {
        let source = "id: deposit\nbody: |\n  {{#if x}}\n";
        let diagnostic = Diagnostic::error("x.yaml", source, 9, 3, "unclosed".into());
        assert_eq!((diagnostic.line, diagnostic.column), (3, 12));
        assert_eq!(
            github_annotation(&diagnostic),
            "::error file=x.yaml,line=3,col=12::unclosed"
        );
        let past_the_line = Diagnostic::error("x.yaml", source, 1, 40, "long".into());
        assert_eq!((past_the_line.line, past_the_line.column), (1, 12));
    }

    #[test]
    fn counts_are_pluralised() {
        let count_line = |errors, warnings| Counts { errors, warnings }.to_string();
        assert_eq!(count_line(1, 0), "1 error, 0 warnings");
        assert_eq!(count_line(2, 1), "2 errors, 1 warning");
    }
}
