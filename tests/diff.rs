//! `clausewright diff`: the terms side by side, the wording word by word, and a Word document
//! holding exactly the changes as tracked insertions and deletions.

use std::path::Path;

use crate::docx::part;
use crate::support::{clausewright, root, run};

/// Writes the first-time example, with `edit` applied, to `dir/name`.
fn answers(dir: &Path, name: &str, edit: (&str, &str)) -> String {
    let text = std::fs::read_to_string(root().join("examples/first-time-us.yaml")).unwrap();
    assert!(text.contains(edit.0), "{}", edit.0);
    let path = dir.join(name);
    std::fs::write(&path, text.replace(edit.0, edit.1)).unwrap();
    path.to_string_lossy().into_owned()
}

/// The text of every element `tag` (`w:ins`, `w:del`) of the document, with its author and
/// date.
fn tracked(xml: &str, tag: &str) -> Vec<(String, String, String)> {
    let mut out = Vec::new();
    for chunk in xml.split(&format!("<{tag} ")).skip(1) {
        let end = chunk.find(&format!("</{tag}>")).unwrap();
        let element = &chunk[..end];
        let attribute = |name: &str| {
            let at = element.find(&format!("{name}=\"")).unwrap() + name.len() + 2;
            element[at..at + element[at..].find('"').unwrap()].to_owned()
        };
        let text: String = element
            .split(['<', '>'])
            .collect::<Vec<_>>()
            .windows(3)
            .filter(|w| w[0].starts_with("w:t") || w[0].starts_with("w:delText"))
            .map(|w| w[1].to_owned())
            .collect();
        out.push((text, attribute("w:author"), attribute("w:date")));
    }
    out
}

#[test]
fn two_answers_files_differ_in_their_terms_and_wording() {
    let dir = tempfile::tempdir().unwrap();
    let old = answers(dir.path(), "old.yaml", ("kill_fee:", "kill_fee:"));
    let new = answers(
        dir.path(),
        "new.yaml",
        ("hourly_rate: \"85.00\"", "hourly_rate: \"95.00\""),
    );
    let docx = dir.path().join("changes.docx");
    let outcome = run(&mut clausewright(&[
        "diff",
        &old,
        &new,
        "--format",
        "docx",
        "-o",
        docx.to_str().unwrap(),
    ]));
    assert_eq!(outcome.code, 0, "{}", outcome.stderr);
    let rate = outcome
        .stdout
        .lines()
        .find(|l| l.contains("$85.00"))
        .unwrap_or_else(|| panic!("{}", outcome.stdout));
    let columns: Vec<&str> = rate.split("  ").filter(|c| !c.trim().is_empty()).collect();
    assert_eq!(
        columns.iter().map(|c| c.trim()).collect::<Vec<_>>()[1..],
        ["$85.00", "$95.00"],
        "{}",
        outcome.stdout
    );
    assert!(
        outcome
            .stdout
            .contains("The Designer charges for extra work at [-$85.00-]{+$95.00+} per hour"),
        "{}",
        outcome.stdout
    );
    let document = part(&docx, "word/document.xml");
    let date = "2026-03-02T00:00:00Z".to_owned();
    let author = "Maya Lindqvist".to_owned();
    assert_eq!(
        tracked(&document, "w:del"),
        [("$85.00".to_owned(), author.clone(), date.clone())]
    );
    assert_eq!(
        tracked(&document, "w:ins"),
        [("$95.00".to_owned(), author, date)]
    );
    // The rest of the contract is there, unchanged.
    let words = crate::docx::docx_words(&docx);
    assert!(words.len() > 2000, "{}", words.len());
}

#[test]
fn two_built_contracts_differ_in_sections_and_words() {
    let dir = tempfile::tempdir().unwrap();
    let old = root().join("tests/fixtures/examples/first-time-us/contract.md");
    let text = std::fs::read_to_string(&old).unwrap();
    let new = dir.path().join("new.md");
    std::fs::write(
        &new,
        text.replace("at $85.00 per hour", "at $95.00 per hour")
            .replace("## 16. Credit", "## 16. Attribution"),
    )
    .unwrap();
    let outcome = run(&mut clausewright(&[
        "diff",
        old.to_str().unwrap(),
        new.to_str().unwrap(),
    ]));
    assert_eq!(outcome.code, 0, "{}", outcome.stderr);
    assert!(
        outcome
            .stdout
            .contains("Sections added: Attribution\nSections removed: Credit\n"),
        "{}",
        outcome.stdout
    );
    assert!(outcome.stdout.contains("[-$85.00-]{+$95.00+}"));
    assert!(!outcome.stdout.contains("Terms that changed"));
    // An answers file against a contract is a usage error.
    let mixed = run(&mut clausewright(&[
        "diff",
        "examples/first-time-us.yaml",
        new.to_str().unwrap(),
    ]));
    assert_eq!(mixed.code, 2, "{}", mixed.stderr);
    assert!(mixed.stderr.contains("not one of each"), "{}", mixed.stderr);
}
