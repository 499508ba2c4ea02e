//! Running the binary and comparing with golden files.

use std::path::{Path, PathBuf};
use std::process::Command;

/// The repository root (the working folder of every run).
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Copies the folder `from` and everything in it to `to`.
pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        if entry.path().is_dir() {
            copy_dir(&entry.path(), &to.join(entry.file_name()));
        } else {
            std::fs::copy(entry.path(), to.join(entry.file_name())).unwrap();
        }
    }
}

/// A `clausewright` command run from the repository root, without colour or a fixed date.
pub fn clausewright(args: &[&str]) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_clausewright"));
    command
        .args(args)
        .current_dir(root())
        .env("NO_COLOR", "1")
        .env_remove("SOURCE_DATE_EPOCH");
    command
}

/// What a run did.
#[derive(Debug)]
pub struct Outcome {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Outcome {
    /// Standard error, then the exit code: the form golden files pin.
    pub fn transcript(&self) -> String {
        format!("{}exit: {}\n", self.stderr, self.code)
    }
}

pub fn run(command: &mut Command) -> Outcome {
    let output = command.output().expect("the clausewright binary runs");
    Outcome {
        code: output.status.code().unwrap_or(-1),
        stdout: String::from_utf8(output.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(output.stderr).expect("stderr is UTF-8"),
    }
}

/// Compares `actual` with the golden file at `path` (relative to the root), or rewrites it
/// when `CLAUSEWRIGHT_BLESS` is set. Returns a description of the difference, if any.
pub fn golden(path: &Path, actual: &str) -> Option<String> {
    let full = root().join(path);
    if std::env::var_os("CLAUSEWRIGHT_BLESS").is_some() {
        std::fs::create_dir_all(full.parent().unwrap()).unwrap();
        std::fs::write(&full, actual).unwrap();
        return None;
    }
    let expected = std::fs::read_to_string(&full).unwrap_or_else(|_| {
        panic!(
            "{} is missing; run with CLAUSEWRIGHT_BLESS=1 to create it",
            path.display()
        )
    });
    if expected == actual {
        return None;
    }
    let first = expected
        .lines()
        .zip(actual.lines())
        .position(|(e, a)| e != a)
        .unwrap_or_else(|| expected.lines().count().min(actual.lines().count()));
    Some(format!(
        "{} differs from the output at line {}:\n  expected: {:?}\n  actual:   {:?}\n(run with CLAUSEWRIGHT_BLESS=1 to accept the new output)",
        path.display(),
        first + 1,
        expected.lines().nth(first).unwrap_or("<end>"),
        actual.lines().nth(first).unwrap_or("<end>"),
    ))
}

/// Fails with every golden mismatch at once.
pub fn assert_no_differences(differences: &[String]) {
    assert!(differences.is_empty(), "{}", differences.join("\n\n"));
}

/// The sub-folders of a fixture folder, sorted.
pub fn cases(folder: &str) -> Vec<PathBuf> {
    let mut cases: Vec<PathBuf> = std::fs::read_dir(root().join(folder))
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.is_dir())
        .map(|path| path.strip_prefix(root()).unwrap().to_owned())
        .collect();
    cases.sort();
    assert!(!cases.is_empty(), "{folder} has no cases");
    cases
}
