//! The built-in clause library: the `clauses/` folder, embedded in the binary at build time,
//! as the same [`SourceFile`]s a library folder on disk gives.

use super::SourceFile;
use crate::jurisdiction::JURISDICTIONS_DIR;
use crate::yaml::tape::BUILT_IN;

/// The name built-in files are shown with in messages.
const BUILT_IN_NAME: &str = "<built-in>";

/// The files of the built-in library, sorted by path.
#[must_use]
pub fn built_in_files() -> Vec<SourceFile> {
    files_where(|_| true)
}

/// The files of the built-in library whose path `keep` accepts, sorted by path: a run copies
/// only the files it reads.
pub(crate) fn files_where(keep: impl Fn(&str) -> bool) -> Vec<SourceFile> {
    BUILT_IN
        .iter()
        .filter(|(relative, _, _)| keep(relative))
        .map(|(relative, text, _)| SourceFile {
            relative: (*relative).to_owned(),
            display: format!("{BUILT_IN_NAME}/{relative}"),
            text: (*text).to_owned(),
        })
        .collect()
}

/// The fingerprint of the built-in library (see [`crate::version::fingerprint`]), taken by
/// the build script: the tests check it is the one its files give.
pub(crate) const FINGERPRINT: &str = env!("CLAUSEWRIGHT_BUILT_IN_FINGERPRINT");

/// Whether the built-in library has a file whose path starts with `prefix`.
pub(crate) fn has_file_under(prefix: &str) -> bool {
    BUILT_IN
        .iter()
        .any(|(relative, _, _)| relative.starts_with(prefix))
}

/// The built-in jurisdiction profiles' paths and texts, sorted by path, without copying them.
#[must_use]
pub(crate) fn profile_files() -> Vec<(&'static str, &'static str)> {
    BUILT_IN
        .iter()
        .filter(|(relative, _, _)| relative.starts_with(JURISDICTIONS_DIR))
        .map(|(relative, text, _)| (*relative, *text))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fingerprint_taken_at_build_time_is_the_one_the_files_give() {
        assert_eq!(FINGERPRINT, crate::version::fingerprint(&built_in_files()));
    }

    #[test]
    fn the_built_in_files_are_the_yaml_files_of_the_clauses_folder() {
        let files = built_in_files();
        let on_disk = |folder: &str| {
            std::fs::read_dir(format!("{}/clauses/{folder}", env!("CARGO_MANIFEST_DIR")))
                .unwrap()
                .filter(|e| {
                    e.as_ref()
                        .unwrap()
                        .path()
                        .extension()
                        .is_some_and(|x| x == "yaml")
                })
                .count()
        };
        let count = |prefix: &str| {
            files
                .iter()
                .filter(|f| {
                    f.relative.starts_with(prefix) && !f.relative[prefix.len()..].contains('/')
                })
                .count()
        };
        assert_eq!(count(""), on_disk(""));
        assert_eq!(count("tr/letters/"), on_disk("tr/letters"));
        assert_eq!(count("jurisdictions/"), on_disk("jurisdictions"));
        assert!(files.windows(2).all(|w| w[0].relative < w[1].relative));
        assert_eq!(
            profile_files().iter().map(|(r, _)| *r).collect::<Vec<_>>(),
            [
                "jurisdictions/de.yaml",
                "jurisdictions/gb.yaml",
                "jurisdictions/other.yaml",
                "jurisdictions/tr.yaml",
                "jurisdictions/us.yaml"
            ]
        );
    }
}
