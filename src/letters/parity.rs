//! Parity of the letters across languages: takes a library's files and the loaded library and
//! returns an error for every letter file written in one language of the library and not in
//! another.
//!
//! A letter in Turkish lives at the English file's path under the language's folder
//! (`letters/payment-notice-60.yaml` and `tr/letters/payment-notice-60.yaml`), as the
//! clauses do. So that `chase` can write the whole ladder in every language the library is
//! written in, `check` refuses a letter file without its twin, at the `id:` line of the file
//! that has no twin (the `letterhead:` line of `letters.yaml`), naming the file to add.

use std::collections::BTreeSet;

use super::{FRAME_FILE, LETTERS_DIR};
use crate::error::Diagnostic;
use crate::library::{Library, SourceFile, language_dir, top_level_value};

/// An error for each letter file of one language of `library` that another language lacks.
/// A library without letters in any language, or without translations, has nothing to match.
#[must_use]
pub fn parity(files: &[SourceFile], library: &Library) -> Vec<Diagnostic> {
    let english = letter_files(files, "");
    let mut diagnostics = Vec::new();
    for translation in &library.translations {
        let language = translation.language;
        let dir = language_dir(language);
        let theirs = letter_files(files, &dir);
        if english.is_empty() && theirs.is_empty() {
            continue;
        }
        let names = |set: &[&SourceFile], prefix: &str| -> BTreeSet<String> {
            set.iter()
                .filter_map(|f| f.relative.strip_prefix(prefix).map(str::to_owned))
                .collect()
        };
        let (english_names, their_names) = (names(&english, ""), names(&theirs, &dir));
        for file in &english {
            if !their_names.contains(&file.relative) {
                diagnostics.push(located(
                    file,
                    format!(
                        "{} has no {} text: every letter is written in each language of the library (add {dir}{})",
                        describe(&file.relative),
                        language.name(),
                        file.relative
                    ),
                ));
            }
        }
        for file in &theirs {
            let relative = file.relative.strip_prefix(&dir).unwrap_or(&file.relative);
            if !english_names.contains(relative) {
                diagnostics.push(located(
                    file,
                    format!(
                        "{dir}{relative} has no English text: there is no {relative}, and every letter is written in each language of the library (add {relative}, or remove this file if its name is wrong)"
                    ),
                ));
            }
        }
    }
    diagnostics
}

/// The letter files of the folder `prefix` (`""` or `tr/`), the shared parts included.
fn letter_files<'a>(files: &'a [SourceFile], prefix: &str) -> Vec<&'a SourceFile> {
    let folder = format!("{prefix}{LETTERS_DIR}");
    files
        .iter()
        .filter(|f| {
            f.relative.starts_with(&folder)
                && std::path::Path::new(&f.relative)
                    .extension()
                    .is_some_and(|e| {
                        e.eq_ignore_ascii_case("yaml") || e.eq_ignore_ascii_case("yml")
                    })
        })
        .collect()
}

/// The English file's part in words: the shared parts, or the letter its name stands for.
fn describe(relative: &str) -> String {
    if relative == FRAME_FILE {
        format!("{relative} (the letterhead, greeting and closing)")
    } else {
        format!("the letter file {relative}")
    }
}

/// The error at the line that names what the file holds: `id:` for a letter, `letterhead:`
/// for the shared parts.
fn located(file: &SourceFile, message: String) -> Diagnostic {
    let key = if file.relative.ends_with(FRAME_FILE) {
        "letterhead"
    } else {
        "id"
    };
    let (line, column) = top_level_value(&file.text, key);
    let width = file
        .text
        .lines()
        .nth(line.saturating_sub(1))
        .map_or(1, |l| l.chars().count().saturating_sub(column - 1).max(1));
    Diagnostic::error(&file.display, &file.text, line, column, message).with_width(width)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(relative: &str, text: &str) -> SourceFile {
        SourceFile {
            display: format!("lib/{relative}"),
            relative: relative.to_owned(),
            text: text.to_owned(),
        }
    }

    #[test]
    fn letter_files_are_those_of_the_folder() {
        let files = [
            file("letters/a.yaml", "id: a\n"),
            file("tr/letters/a.yaml", "id: a\n"),
            file("letters/notes.txt", "x"),
            file("010-parties.yaml", "id: parties\n"),
        ];
        let names = |prefix| -> Vec<String> {
            letter_files(&files, prefix)
                .iter()
                .map(|f| f.relative.clone())
                .collect()
        };
        assert_eq!(names(""), ["letters/a.yaml"]);
        assert_eq!(names("tr/"), ["tr/letters/a.yaml"]);
    }

    #[test]
    fn located_points_at_the_id_or_the_letterhead() {
        let letter = located(
            &file("letters/x.yaml", "# c\nid: payment-reminder\nsubject: s\n"),
            "m".into(),
        );
        assert_eq!((letter.line, letter.column), (2, 5));
        let frame = located(
            &file("tr/letters/letters.yaml", "# c\n# d\nletterhead: |\n  x\n"),
            "m".into(),
        );
        assert_eq!(frame.line, 3);
    }
}
