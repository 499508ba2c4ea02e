//! The built-in clause library: the `clauses/` folder, embedded in the binary at build time,
//! as the same [`SourceFile`]s a library folder on disk gives.

use include_dir::{Dir, include_dir};

use super::{SourceFile, is_yaml};
use crate::jurisdiction::JURISDICTIONS_DIR;

/// The built-in clause library, embedded at build time.
static BUILT_IN: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/clauses");

/// The name built-in files are shown with in messages.
const BUILT_IN_NAME: &str = "<built-in>";

/// The files of the built-in library, sorted by path.
#[must_use]
pub fn built_in_files() -> Vec<SourceFile> {
    let mut files = Vec::new();
    collect_built_in(&BUILT_IN, &mut files);
    files.sort_by(|a, b| a.relative.cmp(&b.relative));
    files
}

fn collect_built_in(dir: &Dir<'static>, files: &mut Vec<SourceFile>) {
    for file in dir.files() {
        let relative = file.path().to_string_lossy().replace('\\', "/");
        if is_yaml(&relative) {
            files.push(SourceFile {
                display: format!("{BUILT_IN_NAME}/{relative}"),
                relative,
                text: file.contents_utf8().unwrap_or_default().to_owned(),
            });
        }
    }
    for sub in dir.dirs() {
        collect_built_in(sub, files);
    }
}

/// The built-in jurisdiction profiles' paths and texts, sorted by path, without copying them.
#[must_use]
pub(crate) fn profile_files() -> Vec<(&'static str, &'static str)> {
    let mut files: Vec<(&'static str, &'static str)> = BUILT_IN
        .get_dir(JURISDICTIONS_DIR.trim_end_matches('/'))
        .map(|dir| {
            dir.files()
                .filter_map(|f| Some((f.path().to_str()?, f.contents_utf8()?)))
                .filter(|(path, _)| is_yaml(path))
                .collect()
        })
        .unwrap_or_default();
    files.sort_unstable();
    files
}
