//! `clausewright check`: the built-in library is clean, and every broken library in
//! `tests/fixtures/check/` gets its pinned diagnostics.

use crate::support::{assert_no_differences, cases, clausewright, golden, root, run};

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

/// A copy of the clean fixture library in a temporary folder, to add files to.
fn clean_copy() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let from = root().join("tests/fixtures/check/clean/clauses");
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        std::fs::copy(entry.path(), dir.path().join(entry.file_name())).unwrap();
    }
    dir
}

#[cfg(unix)]
#[test]
fn a_file_that_cannot_be_read_is_one_problem_and_the_others_are_checked() {
    let library = clean_copy();
    let fifo = library.path().join("040-pipe.yaml");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(made.success());
    std::fs::write(library.path().join("050-bytes.yaml"), b"id: x\xff\n").unwrap();
    std::fs::write(
        library.path().join("060-odd.yaml"),
        "id: odd\ntitle: Odd\norder: 60\ncolour: red\nbody: |\n  Text.\n",
    )
    .unwrap();
    let path = library.path().to_str().unwrap();
    let shown = |name: &str| library.path().join(name).display().to_string();
    for format in ["human", "json", "github"] {
        let outcome = run(&mut clausewright(&["check", "--format", format, path]));
        let all = format!("{}{}", outcome.stdout, outcome.stderr);
        // Before, the FIFO stopped `check` at once: nothing else was reported.
        for expected in [
            shown("040-pipe.yaml"),
            "is not a regular file; only text files are read".into(),
            shown("050-bytes.yaml"),
            "the file is not UTF-8 text".into(),
            shown("060-odd.yaml"),
            "colour".into(),
        ] {
            assert!(all.contains(&expected), "{format}: {expected} in {all}");
        }
        assert!(
            outcome
                .stderr
                .ends_with("checked 7 files: 3 errors, 0 warnings\n"),
            "{format}: {}",
            outcome.stderr
        );
        assert_eq!(outcome.code, 1);
    }
}

#[test]
fn the_largest_file_read_is_an_option() {
    let library = clean_copy();
    let long_body = format!(
        "id: long\ntitle: Long\norder: 70\nbody: |\n  {}\n",
        "Words of the clause. ".repeat(100)
    );
    std::fs::write(library.path().join("070-long.yaml"), long_body).unwrap();
    let path = library.path().to_str().unwrap();
    let outcome = run(&mut clausewright(&[
        "check",
        "--max-file-size",
        "1KiB",
        path,
    ]));
    assert!(
        outcome.stderr.contains(&format!(
            "error: {}: is larger than 1 KiB, the most clausewright reads from one file (--max-file-size)",
            library.path().join("070-long.yaml").display()
        )),
        "{}",
        outcome.stderr
    );
    assert_eq!(outcome.code, 1);
    let outcome = run(&mut clausewright(&[
        "check",
        "--max-file-size",
        "4KiB",
        path,
    ]));
    assert_eq!(outcome.code, 0, "{}", outcome.stderr);
    for (size, message) in [
        ("100GiB", "`100GiB` is not a size"),
        ("512", "`512` is outside the range 1KiB to 64MiB"),
        ("65MiB", "`65MiB` is outside the range 1KiB to 64MiB"),
    ] {
        let outcome = run(&mut clausewright(&["check", "--max-file-size", size, path]));
        assert_eq!(outcome.code, 2, "{size}");
        assert!(outcome.stderr.contains(message), "{}", outcome.stderr);
    }
}

/// A copy of the built-in library (with its letters and profiles) in a temporary folder.
fn built_in_copy() -> tempfile::TempDir {
    fn copy(from: &std::path::Path, to: &std::path::Path) {
        std::fs::create_dir_all(to).unwrap();
        for entry in std::fs::read_dir(from).unwrap() {
            let path = entry.unwrap().path();
            let target = to.join(path.file_name().unwrap());
            if path.is_dir() {
                copy(&path, &target);
            } else {
                std::fs::copy(&path, &target).unwrap();
            }
        }
    }
    let dir = tempfile::tempdir().unwrap();
    copy(&root().join("clauses"), dir.path());
    dir
}

#[test]
fn a_clause_that_fails_to_load_gives_its_own_error_only() {
    // The late-fee clause is cited by the payment clause and by nine letters: before, each
    // citation was a second error, "`section "late-fee"` refers to no clause of this library".
    let broken = |text: &str| {
        let library = built_in_copy();
        let file = library.path().join("070-late-fee.yaml");
        std::fs::write(&file, text).unwrap();
        let outcome = run(&mut clausewright(&[
            "check",
            library.path().to_str().unwrap(),
        ]));
        (library, outcome)
    };
    let original = std::fs::read_to_string(root().join("clauses/070-late-fee.yaml")).unwrap();
    for (case, text, message) in [
        (
            "YAML that does not parse, the id on its line",
            original.replacen("\ntitle: ", "\ntitle: [", 1),
            "error: ",
        ),
        (
            "a body that does not compile",
            original.replacen("\nbody: |\n", "\nbody: |\n  {{#if late_fee.enabled}}\n", 1),
            "`{{#if` opened here is never closed",
        ),
        (
            "no id to be read at all",
            "title: [Late Fee\n".to_owned(),
            "error: ",
        ),
    ] {
        let (library, outcome) = broken(&text);
        let errors: Vec<&str> = outcome
            .stderr
            .lines()
            .filter(|line| line.starts_with("error"))
            .collect();
        assert_eq!(errors.len(), 1, "{case}: {}", outcome.stderr);
        assert!(errors[0].contains(message), "{case}: {}", outcome.stderr);
        let file = library.path().join("070-late-fee.yaml");
        assert!(
            outcome.stderr.contains(&format!("--> {}:", file.display())),
            "{case}: {}",
            outcome.stderr
        );
        assert!(
            outcome.stderr.ends_with(": 1 error, 0 warnings\n"),
            "{case}: {}",
            outcome.stderr
        );
        assert_eq!(outcome.code, 1);
    }
}

#[cfg(unix)]
#[test]
fn a_clause_file_that_cannot_be_read_gives_its_own_error_only() {
    let library = built_in_copy();
    let file = library.path().join("070-late-fee.yaml");
    std::fs::remove_file(&file).unwrap();
    let made = std::process::Command::new("mkfifo")
        .arg(&file)
        .status()
        .unwrap();
    assert!(made.success());
    let outcome = run(&mut clausewright(&[
        "check",
        library.path().to_str().unwrap(),
    ]));
    assert!(
        outcome.stderr.ends_with(": 1 error, 0 warnings\n"),
        "{}",
        outcome.stderr
    );
    assert!(outcome.stderr.contains("is not a regular file"));
    assert_eq!(outcome.code, 1);
}

#[test]
fn a_letter_that_fails_to_load_is_not_also_reported_missing() {
    let original =
        std::fs::read_to_string(root().join("clauses/letters/payment-final-notice.yaml")).unwrap();
    for (case, text) in [
        (
            "YAML that does not parse, the id on its line",
            original.replacen("\nsubject: ", "\nsubject: [", 1),
        ),
        ("no id to be read at all", "subject: [Final\n".to_owned()),
    ] {
        let library = built_in_copy();
        std::fs::write(
            library.path().join("letters/payment-final-notice.yaml"),
            text,
        )
        .unwrap();
        let outcome = run(&mut clausewright(&[
            "check",
            library.path().to_str().unwrap(),
        ]));
        // Before, a warning said the letter was missing, beside the error in its file.
        assert!(
            !outcome.stderr.contains("there is no letter"),
            "{case}: {}",
            outcome.stderr
        );
        assert!(
            outcome.stderr.ends_with(": 1 error, 0 warnings\n"),
            "{case}: {}",
            outcome.stderr
        );
    }
}

#[cfg(unix)]
#[test]
fn a_letter_file_that_cannot_be_read_is_not_also_reported_missing() {
    let library = built_in_copy();
    let file = library.path().join("letters/payment-resend.yaml");
    std::fs::remove_file(&file).unwrap();
    let made = std::process::Command::new("mkfifo")
        .arg(&file)
        .status()
        .unwrap();
    assert!(made.success());
    let outcome = run(&mut clausewright(&[
        "check",
        library.path().to_str().unwrap(),
    ]));
    assert!(
        outcome.stderr.ends_with(": 1 error, 0 warnings\n"),
        "{}",
        outcome.stderr
    );
    assert!(!outcome.stderr.contains("there is no letter"));
}
