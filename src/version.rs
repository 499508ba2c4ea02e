//! The version `--version` prints: takes the built-in clause library's files and returns the
//! program's version with the library's fingerprint.
//!
//! The clause library has no version number of its own: its text changes between releases
//! and a user (or their lawyer) needs to know exactly which wording a contract came from. The
//! fingerprint is a CRC-32 of every file's path and text, so two binaries print the same
//! fingerprint exactly when their built-in libraries are the same, byte for byte.

use crate::library::SourceFile;

/// `0.1.0 (clause library 9f3c2a1b)`: the crate's version and the library's fingerprint.
#[must_use]
pub fn line(files: &[SourceFile]) -> String {
    line_for(&fingerprint(files))
}

/// The version line for a library whose fingerprint is known already (the built-in one's is
/// taken at build time).
#[must_use]
pub fn line_for(fingerprint: &str) -> String {
    format!(
        "{} (clause library {fingerprint})",
        env!("CARGO_PKG_VERSION"),
    )
}

/// Eight hex digits identifying the library's files: their relative paths and texts, in
/// path order (the order does not depend on how the files were listed).
#[must_use]
pub fn fingerprint(files: &[SourceFile]) -> String {
    let mut sorted: Vec<&SourceFile> = files.iter().collect();
    sorted.sort_by(|a, b| a.relative.cmp(&b.relative));
    let mut crc = flate2::Crc::new();
    for file in sorted {
        // Lengths first, so that moving text from one file's end to the next file's start
        // changes the fingerprint.
        crc.update(&(file.relative.len() as u64).to_le_bytes());
        crc.update(file.relative.as_bytes());
        crc.update(&(file.text.len() as u64).to_le_bytes());
        crc.update(file.text.as_bytes());
    }
    format!("{:08x}", crc.sum())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(relative: &str, text: &str) -> SourceFile {
        SourceFile {
            relative: relative.into(),
            display: relative.into(),
            text: text.into(),
        }
    }

    #[test]
    fn the_fingerprint_follows_the_text_not_the_listing_order() {
        let a = [
            file("library.yaml", "title: A\n"),
            file("010.yaml", "id: x\n"),
        ];
        let b = [
            file("010.yaml", "id: x\n"),
            file("library.yaml", "title: A\n"),
        ];
        assert_eq!(fingerprint(&a), fingerprint(&b));
        let changed = [
            file("library.yaml", "title: B\n"),
            file("010.yaml", "id: x\n"),
        ];
        assert_ne!(fingerprint(&a), fingerprint(&changed));
        let moved = [
            file("library.yaml", "title: A\nid"),
            file("010.yaml", ": x\n"),
        ];
        assert_ne!(fingerprint(&a), fingerprint(&moved));
        assert_eq!(fingerprint(&a).len(), 8);
    }
}
