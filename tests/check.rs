//! `clausewright check`: the built-in library is clean, and every broken library in
//! `tests/fixtures/check/` gets its pinned diagnostics.

use crate::support::{assert_no_differences, cases, clausewright, golden, run};

#[test]
fn built_in_library_is_clean() {
    assert_clean(&run(&mut clausewright(&[
        "check",
        "--deny-warnings",
        "clauses",
    ])));
}

/// `check` found nothing wrong in every file of the built-in library.
fn assert_clean(outcome: &crate::support::Outcome) {
    let files = count_yaml("clauses");
    assert_eq!(
        outcome.stderr,
        format!("checked {files} files: 0 errors, 0 warnings\n")
    );
    assert_eq!(outcome.code, 0);
}

fn count_yaml(folder: &str) -> usize {
    fn walk(path: &std::path::Path) -> usize {
        std::fs::read_dir(path)
            .unwrap()
            .map(|e| e.unwrap().path())
            .map(|p| {
                if p.is_dir() {
                    walk(&p)
                } else {
                    usize::from(p.extension().is_some_and(|e| e == "yaml"))
                }
            })
            .sum()
    }
    walk(&crate::support::root().join(folder))
}

#[test]
fn embedded_library_is_checked_when_there_is_no_clauses_folder() {
    let dir = tempfile::tempdir().unwrap();
    assert_clean(&run(clausewright(&["check"]).current_dir(dir.path())));
}

#[test]
fn every_broken_library_gets_its_pinned_diagnostics() {
    let mut differences = Vec::new();
    for case in cases("tests/fixtures/check") {
        let clauses = case.join("clauses");
        let outcome = run(&mut clausewright(&["check", clauses.to_str().unwrap()]));
        differences.extend(golden(&case.join("expected.txt"), &outcome.transcript()));
    }
    assert_no_differences(&differences);
}

#[test]
fn warnings_fail_only_when_denied() {
    let library = "tests/fixtures/check/unused-declaration/clauses";
    assert_eq!(run(&mut clausewright(&["check", library])).code, 0);
    assert_eq!(
        run(&mut clausewright(&["check", "--deny-warnings", library])).code,
        1
    );
}

#[test]
fn json_format_prints_one_object_per_diagnostic() {
    let outcome = run(&mut clausewright(&[
        "check",
        "--format",
        "json",
        "tests/fixtures/check/undeclared-variable/clauses",
    ]));
    assert_eq!(
        outcome.stdout,
        "{\"severity\":\"error\",\"file\":\"tests/fixtures/check/undeclared-variable/clauses/010-parties.yaml\",\"line\":5,\"column\":48,\"message\":\"`client.nmae` is not declared in library.yaml\"}\n"
    );
    assert_eq!(outcome.code, 1);
}

#[test]
fn github_format_prints_annotations() {
    let outcome = run(&mut clausewright(&[
        "check",
        "--format",
        "github",
        "tests/fixtures/check/unused-declaration/clauses",
    ]));
    assert_eq!(
        outcome.stdout,
        "::warning file=tests/fixtures/check/unused-declaration/clauses/library.yaml,line=19,col=14::`client.phone` is declared but no clause or condition uses it\n"
    );
}

#[test]
fn several_libraries_are_checked_together() {
    let outcome = run(&mut clausewright(&[
        "check",
        "tests/fixtures/check/clean/clauses",
        "tests/fixtures/check/bad-id/clauses",
    ]));
    assert!(
        outcome
            .stderr
            .ends_with("checked 8 files: 1 error, 0 warnings\n"),
        "{}",
        outcome.stderr
    );
    assert_eq!(outcome.code, 1);
}

#[test]
fn usage_errors_exit_2() {
    let outcome = run(&mut clausewright(&["check", "--format", "xml"]));
    assert_eq!(outcome.code, 2);
    assert!(
        outcome
            .stderr
            .contains("invalid value 'xml' for '--format <FORMAT>'"),
        "{}",
        outcome.stderr
    );
}

#[test]
fn a_missing_library_folder_is_named() {
    let outcome = run(&mut clausewright(&["check", "no-such-folder"]));
    assert_eq!(
        outcome.stderr,
        "error: no-such-folder: No such file or directory (os error 2)\n"
    );
    assert_eq!(outcome.code, 1);
}
