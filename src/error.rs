//! The one error type of the crate.

/// Everything that can go wrong, from a clause file to a PDF.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// An input or output file could not be read or written.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: std::path::PathBuf,
        /// What the operating system said.
        source: std::io::Error,
    },
    /// The Markdown holds a character none of the embedded PDF fonts can draw.
    #[error(
        "the PDF font cannot show the character '{character}' (U+{code:04X}) in \"{context}\" (Markdown line {line})",
        code = u32::from(*.character)
    )]
    MissingGlyph {
        /// The character.
        character: char,
        /// 1-based line of the Markdown it is on.
        line: usize,
        /// The word it is in.
        context: String,
    },
}
