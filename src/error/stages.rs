//! The error types of the stages that fail for a reason of their own, joined into
//! [`Error`](super::Error) by `From`. They live here, beside the top error, so that the error
//! module imports no stage and every stage can import it.

use std::path::PathBuf;

impl OutputError {
    /// The file at `path` not written because of `source`, the operating system's error; its
    /// words without the temporary file's name that `tempfile` appends (the user never sees
    /// that file).
    #[must_use]
    pub fn unwritten(path: impl Into<PathBuf>, source: &std::io::Error) -> Self {
        let text = source.to_string();
        let reason = match text.find(" at path ") {
            Some(index) => text[..index].to_owned(),
            None => text,
        };
        Self::Write {
            path: path.into(),
            reason,
            kind: Some(source.kind()),
        }
    }
}

/// Why the outputs could not be written; in each case nothing was replaced.
#[derive(Debug, thiserror::Error)]
pub enum OutputError {
    /// An output file exists and `--force` was not given.
    #[error("{} already exists; pass --force to replace it", path.display())]
    Exists {
        /// The file that would have been replaced.
        path: PathBuf,
    },
    /// An output file could not be written.
    #[error("cannot write {}: {reason}", path.display())]
    Write {
        /// The file that was to be written.
        path: PathBuf,
        /// What the operating system said.
        reason: String,
        /// The kind of the operating system's error, by which the reason is said in another
        /// language (`said::os_reason`); `None` where no error of the system was had.
        kind: Option<std::io::ErrorKind>,
    },
    /// The folder an output file was to be written in does not exist.
    #[error("the output folder {} does not exist", path.display())]
    MissingFolder {
        /// The folder `-o` names (or the one its file would be in).
        path: PathBuf,
    },
    /// Two outputs of one run on one path (`x.md` and `./x.md`): the second would replace the
    /// first, even without `--force`. A usage error: the command line asked for it.
    #[error("{} would be written twice; give each output its own file", path.display())]
    Twice {
        /// The path named twice, as the second output names it.
        path: PathBuf,
    },
    /// An output is a file the run read (by any name), which is never replaced, even with
    /// `--force`. A usage error: the command line asked for it.
    #[error(
        "{} is the input file {}; an output never replaces a file the run reads, not even with --force: choose another output file",
        path.display(),
        input.display()
    )]
    IsInput {
        /// The output.
        path: PathBuf,
        /// The input it is, as the run named it.
        input: PathBuf,
    },
}

/// Why a library cannot give `chase` the letter it needs: a problem in the library (exit 1).
#[derive(Debug, thiserror::Error)]
pub enum LettersError {
    /// The library has no `letters/` folder at all.
    #[error(
        "the clause library has no letters in {language}; add a {folder} folder with {frame} and one file per letter"
    )]
    NoLetters {
        /// The language the letters were asked in (`English`).
        language: &'static str,
        /// The folder letters go in (`letters/`, `tr/letters/`).
        folder: String,
        /// The file of the letterhead, greeting and closing (`letters/letters.yaml`).
        frame: String,
    },
    /// The ladder sends a letter the library does not have.
    #[error("the clause library has no letter `{id}`; add {file} to it")]
    Missing {
        /// The letter's id (`payment-notice-60`).
        id: String,
        /// The file to add (`letters/payment-notice-60.yaml`).
        file: String,
    },
}
