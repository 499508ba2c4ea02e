//! Properties over hostile input (proptest): whatever an answers value, a condition, a clause
//! body or a Markdown text holds, nothing panics, every error is located inside its file, and
//! every word of the Markdown reaches the typeset pages, which the PDF writer takes.

use clausewright::error::{Diagnostic, Error};
use clausewright::layout::{self, Language, LayoutOptions, Paper, Role};
use clausewright::library::{self, SourceFile};
use clausewright::model::Condition;
use clausewright::{answers, check};
use proptest::prelude::*;

use crate::support::root;

/// Text an adversary would type: YAML's and Markdown's special characters, number forms,
/// tags, blanks and invisible characters, letters of many scripts.
fn hostile_text() -> impl Strategy<Value = String> {
    let pieces = prop_oneof![
        Just("0x1F".to_owned()),
        Just("1e3".to_owned()),
        Just("1_000".to_owned()),
        Just("010".to_owned()),
        Just("!!binary aGk=".to_owned()),
        Just("!custom x".to_owned()),
        Just("&a x".to_owned()),
        Just("*a".to_owned()),
        Just("\"\\u200B\"".to_owned()),
        Just("\u{3000}".to_owned()),
        Just("\u{202E}".to_owned()),
        Just("---".to_owned()),
        Just("{{x}}".to_owned()),
        Just("<b>#1</b>".to_owned()),
        Just("99.99999999999999999".to_owned()),
        Just("99999999999999999999".to_owned()),
        Just("[a]: http://x".to_owned()),
        Just("- ".to_owned()),
        Just(": ".to_owned()),
        Just("\n  ".to_owned()),
        "[a-zA-Z0-9 .,:#'\"{}\\[\\]|>*&!%@`-]{0,12}",
        "\\PC{0,6}",
    ];
    prop::collection::vec(pieces, 0..6).prop_map(|parts| parts.concat())
}

/// Every diagnostic points inside `text`: a line that exists (or 0 for the whole file) and a
/// column at most one past the end of that line.
fn located_inside(diagnostics: &[Diagnostic], text: &str) -> Result<(), TestCaseError> {
    let lines: Vec<&str> = text.lines().collect();
    for d in diagnostics {
        if d.line == 0 {
            continue;
        }
        prop_assert!(
            d.line <= lines.len().max(1),
            "line {} of a {}-line file: {}",
            d.line,
            lines.len(),
            d.message
        );
        let length = lines.get(d.line - 1).map_or(0, |l| l.chars().count());
        prop_assert!(
            d.column <= length + 1,
            "column {} of a {length}-character line: {}",
            d.column,
            d.message
        );
        for internal in [
            "DuplicateKeyPolicy",
            "from_str_multiple",
            "budget breached",
            "html_expression",
        ] {
            prop_assert!(!d.message.contains(internal), "{}", d.message);
        }
    }
    Ok(())
}

/// The built-in library and the first-time example, read once for every case.
static BUILT_IN: std::sync::LazyLock<(clausewright::library::Library, String)> =
    std::sync::LazyLock::new(|| {
        (
            library::load(&library::built_in_files())
                .into_library()
                .unwrap(),
            std::fs::read_to_string(root().join("examples/first-time-us.yaml")).unwrap(),
        )
    });

const KEYS: &[&str] = &[
    "  name: Capitol Bakery & Café LLC",
    "  total: \"6400.00\"",
    "  percent: \"50\"",
    "  revisions: 2",
    "  start: 2026-03-16",
    "  email: daniel.ortiz@capitolbakery.example",
];

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn any_answers_value_is_read_or_refused_at_its_place(which in 0..KEYS.len(), value in hostile_text()) {
        let (library, base) = &*BUILT_IN;
        let line = KEYS[which];
        prop_assume!(base.contains(line));
        let (key, _) = line.split_once(": ").unwrap();
        let text = base.replacen(line, &format!("{key}: {value}"), 1);
        match answers::parse("a.yaml", &text, library) {
            Ok(_) => {}
            Err(Error::Diagnostics(found)) => located_inside(&found, &text)?,
            Err(other) => prop_assert!(false, "not a located error: {other}"),
        }
    }

    #[test]
    fn any_condition_parses_or_fails_inside_its_text(source in hostile_text()) {
        if let Err(error) = Condition::parse(&source) {
            prop_assert!(error.offset <= source.len(), "{error:?} in {source:?}");
            prop_assert!(!error.message.is_empty());
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 160, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn any_clause_body_is_checked_with_every_problem_located(body in hostile_text(), order in hostile_text()) {
        let declarations = "title: T\nsections:\n  - title: S\n    questions:\n      - key: client.name\n        type: text\n        prompt: Client\n        required: true\n";
        let clause = format!(
            "id: x\ntitle: X\norder: {order}\nbody: |\n  {}\n",
            body.replace('\n', "\n  ")
        );
        let files = [
            SourceFile { relative: "library.yaml".into(), display: "library.yaml".into(), text: declarations.into() },
            SourceFile { relative: "010-x.yaml".into(), display: "010-x.yaml".into(), text: clause.clone() },
        ];
        let found = check::check(&files);
        located_inside(
            &found.iter().filter(|d| d.file == "010-x.yaml").cloned().collect::<Vec<_>>(),
            &clause,
        )?;
    }

    #[test]
    fn every_word_of_the_markdown_reaches_the_pages(blocks in prop::collection::vec(
        (prop_oneof![Just(""), Just("> "), Just("> > "), Just("- "), Just("1. "), Just("## "), Just("    - ")],
         prop::collection::vec("[a-z]{1,14}", 1..30)),
        1..12,
    )) {
        let mut markdown = String::new();
        for (prefix, words) in &blocks {
            markdown.push_str(prefix);
            markdown.push_str(&words.join(" "));
            markdown.push_str("\n\n");
        }
        let options = LayoutOptions { paper: Paper::Letter, language: Language::English, compact: false };
        let document = layout::layout(&markdown, &options).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let set: String = document
            .pages
            .iter()
            .flat_map(|page| &page.lines)
            .filter(|line| !matches!(line.role, Role::Footer | Role::Marker))
            .flat_map(|line| line.text.chars())
            .filter(char::is_ascii_lowercase)
            .collect();
        let written: String = blocks
            .iter()
            .flat_map(|(_, words)| words.iter().flat_map(|w| w.chars()))
            .collect();
        prop_assert_eq!(set, written);
        // The writer takes every document the layout makes.
        let bytes = clausewright::pdf::pdf(&document, &clausewright::pdf::PdfMeta::default());
        prop_assert!(bytes.starts_with(b"%PDF-"));
    }
}
