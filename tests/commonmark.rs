//! The `CommonMark` spec's 652 examples (#10), read at test time from the committed spec
//! (`tests/fixtures/commonmark/spec.txt`, CC-BY-SA 4.0, see the README beside it), each fed to
//! clausewright as a clause body and as an answer:
//! - as clause bodies, `check` runs without a panic and every problem it finds is located
//!   inside its file; the bodies it accepts build into one contract in which every example keeps
//!   its own section and every word of the Markdown reaches the typeset pages;
//! - as answers (a client's name, a project's description), each value is read as data and
//!   appears in the contract exactly as it was taken, with no markup of its own (no emphasis,
//!   link, heading, list, quote, code, table or HTML that the plain answer did not give), or
//!   is refused with an error at its own line.

use std::collections::BTreeMap;

use clausewright::error::{Diagnostic, Error, Severity};
use clausewright::format::Locale;
use clausewright::layout::{self, Language, LayoutOptions, Paper, Role};
use clausewright::library::{self, SourceFile};
use clausewright::model::Value;
use clausewright::{answers, assemble, check, render};
use pulldown_cmark::{Event, Options, Parser, Tag};

use crate::support::root;

/// One example of the spec: its number and its Markdown (tabs as tabs).
struct Example {
    number: usize,
    markdown: String,
}

/// The spec's examples, read as its own `test/spec_tests.py` reads them: the lines between a
/// line of 32 backticks followed by ` example` and a line holding `.`, `→` standing for a tab.
fn examples() -> Vec<Example> {
    let spec = std::fs::read_to_string(root().join("tests/fixtures/commonmark/spec.txt")).unwrap();
    let fence = "`".repeat(32);
    let opening = format!("{fence} example");
    let mut examples = Vec::new();
    let mut markdown: Option<String> = None;
    let mut in_output = false;
    for line in spec.split_inclusive('\n') {
        let stripped = line.trim();
        if stripped == opening {
            markdown = Some(String::new());
            in_output = false;
        } else if in_output && stripped == fence {
            examples.push(Example {
                number: examples.len() + 1,
                markdown: markdown.take().unwrap_or_default().replace('→', "\t"),
            });
            in_output = false;
        } else if markdown.is_some() && !in_output && stripped == "." {
            in_output = true;
        } else if let Some(text) = markdown.as_mut().filter(|_| !in_output) {
            text.push_str(line);
        }
    }
    assert_eq!(examples.len(), 652, "the spec 0.31.2 has 652 examples");
    examples
}

fn file(relative: &str, text: String) -> SourceFile {
    SourceFile {
        relative: relative.to_owned(),
        display: relative.to_owned(),
        text,
    }
}

const DECLARATIONS: &str = "title: Spec Examples Agreement
sections:
  - title: The client
    questions:
      - key: client.name
        type: text
        prompt: The client's name
        required: true
";

const PARTIES: &str = "id: parties
title: Parties
order: 0
body: |
  This agreement is made with {{client.name}}.
";

/// The example as a clause file: its Markdown, line for line, as the body's block scalar
/// (two spaces of indentation, given explicitly so that a body starting with spaces keeps
/// them).
fn clause_file(example: &Example) -> SourceFile {
    let mut text = format!(
        "id: example-{n}\ntitle: Example {n}\norder: {n}\nbody: |2\n",
        n = example.number
    );
    for line in example.markdown.lines() {
        if !line.is_empty() {
            text.push_str("  ");
            text.push_str(line);
        }
        text.push('\n');
    }
    file(&format!("{:03}-example.yaml", example.number), text)
}

/// Every diagnostic is at a line of its file (or the whole file) and at most one column past
/// the end of that line.
fn assert_located(diagnostics: &[Diagnostic], files: &[SourceFile]) {
    let texts: BTreeMap<&str, &str> = files
        .iter()
        .map(|f| (f.display.as_str(), f.text.as_str()))
        .collect();
    for d in diagnostics {
        let text = texts
            .get(d.file.as_str())
            .unwrap_or_else(|| panic!("a diagnostic of no file of the library: {d:?}"));
        if d.line == 0 {
            continue;
        }
        let lines: Vec<&str> = text.lines().collect();
        assert!(
            d.line <= lines.len(),
            "{}:{}: past the end of a {}-line file: {}",
            d.file,
            d.line,
            lines.len(),
            d.message
        );
        let length = lines[d.line - 1].chars().count();
        assert!(
            d.column <= length + 1,
            "{}:{}:{}: past the end of a {length}-character line: {}",
            d.file,
            d.line,
            d.column,
            d.message
        );
    }
}

/// The letters and digits of a text, in order: what must survive typesetting whatever the
/// line breaks, hyphens and list markers.
fn letters(text: &str) -> String {
    text.chars().filter(|c| c.is_alphanumeric()).collect()
}

/// The Markdown's text as a reader sees it: text and code, without markup.
fn markdown_text(markdown: &str) -> String {
    let mut text = String::new();
    for event in Parser::new_ext(markdown, Options::ENABLE_TABLES) {
        if let Event::Text(t) | Event::Code(t) = event {
            text.push_str(&t);
            text.push(' ');
        }
    }
    text
}

#[test]
fn every_spec_example_as_a_clause_body_is_checked_and_what_passes_keeps_its_words() {
    let examples = examples();
    let mut files = vec![
        file("library.yaml", DECLARATIONS.to_owned()),
        file("000-parties.yaml", PARTIES.to_owned()),
    ];
    files.extend(examples.iter().map(clause_file));
    // No example makes `check` panic, and every problem is located inside its file.
    let diagnostics = check::check(&files);
    assert_located(&diagnostics, &files);
    let refused: std::collections::BTreeSet<&str> = diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .map(|d| d.file.as_str())
        .collect();
    // The spec shows what a clause must not do (open fences, raw HTML, reference definitions,
    // tabs, images), so some are refused; most are ordinary Markdown and pass.
    assert!(
        refused.len() > 50 && refused.len() < 400,
        "{} of 652 refused",
        refused.len()
    );
    let accepted: Vec<SourceFile> = files
        .into_iter()
        .filter(|f| !refused.contains(f.display.as_str()))
        .collect();
    // The accepted bodies make one library, and one contract with a section for each.
    let library = library::load(&accepted)
        .into_library()
        .expect("the accepted bodies load");
    let answers = answers::parse("a.yaml", "client:\n  name: Spec Client\n", &library).unwrap();
    let contract = assemble::assemble(&library, &answers);
    let markdown = render::render(&contract, &answers, Locale::EnUs).unwrap();
    let headings: Vec<String> = Parser::new(&markdown)
        .scan(false, |inside, event| {
            Some(match event {
                Event::Start(Tag::Heading { .. }) => {
                    *inside = true;
                    None
                }
                Event::End(_) if *inside => {
                    *inside = false;
                    None
                }
                Event::Text(text) if *inside => Some(text.into_string()),
                _ => None,
            })
        })
        .flatten()
        .collect();
    let expected: Vec<String> = accepted
        .iter()
        .skip(2)
        .enumerate()
        .map(|(index, f)| {
            let number = f.relative[..3].trim_start_matches('0');
            format!("{}. Example {number}", index + 2)
        })
        .collect();
    // Before #10, a body that left a fence or an HTML block open swallowed every later
    // section: each example keeps its own heading, in order.
    assert_eq!(
        headings
            .iter()
            .filter(|h| h.contains(". Example "))
            .collect::<Vec<_>>(),
        expected.iter().collect::<Vec<_>>()
    );
    // Every word of the Markdown is set on the pages, in order.
    let options = LayoutOptions {
        paper: Paper::Letter,
        language: Language::English,
        compact: false,
    };
    let document = layout::layout(&markdown, &options).expect("layout");
    let set: String = document
        .pages
        .iter()
        .flat_map(|page| &page.lines)
        .filter(|line| !matches!(line.role, Role::Footer | Role::Marker))
        .map(|line| letters(&line.text))
        .collect();
    let written = letters(&markdown_text(&markdown));
    if set != written {
        let at = set
            .chars()
            .zip(written.chars())
            .position(|(a, b)| a != b)
            .unwrap_or(set.len().min(written.len()));
        let around = |text: &str| {
            text.chars()
                .skip(at.saturating_sub(40))
                .take(80)
                .collect::<String>()
        };
        panic!(
            "the pages and the Markdown part at character {at}:\n set: {}\n Markdown: {}",
            around(&set),
            around(&written)
        );
    }
    let bytes = clausewright::pdf::pdf(&document, &clausewright::pdf::PdfMeta::default());
    assert!(bytes.starts_with(b"%PDF-"));
}

/// How many blocks and spans of each kind a rendered contract holds, and its raw HTML: what
/// an answer must not change.
fn markup(markdown: &str) -> BTreeMap<String, usize> {
    let mut counts = BTreeMap::new();
    for event in Parser::new_ext(markdown, Options::ENABLE_TABLES) {
        let kind = match event {
            Event::Start(Tag::Paragraph) => continue,
            Event::Start(tag) => format!("{tag:?}")
                .split(['(', ' ', '{'])
                .next()
                .unwrap_or_default()
                .to_owned(),
            Event::Html(_) | Event::InlineHtml(_) => "html".to_owned(),
            _ => continue,
        };
        *counts.entry(kind).or_insert(0) += 1;
    }
    counts
}

/// The contract's text with line breaks kept, to find an answer in.
fn reading(markdown: &str) -> String {
    let mut text = String::new();
    for event in Parser::new_ext(markdown, Options::ENABLE_TABLES) {
        match event {
            Event::Text(t) | Event::Code(t) => text.push_str(&t),
            Event::HardBreak => text.push('\n'),
            Event::SoftBreak => text.push(' '),
            _ => {}
        }
    }
    text
}

/// The contract's Markdown for an answers file, or the errors that refuse it.
fn contract_of(library: &library::Library, text: &str) -> Result<String, Vec<Diagnostic>> {
    match answers::parse("a.yaml", text, library) {
        Ok(answers) => {
            let options = clausewright::prepare::PrepareOptions {
                date: None,
                today: None,
                late_payer: false,
                rate_multiplier: 2.into(),
                language: None,
            };
            match clausewright::prepare::prepare(library.clone(), answers, &options) {
                Ok(prepared) => {
                    let contract = assemble::assemble(&prepared.library, &prepared.answers);
                    Ok(render::render(&contract, &prepared.answers, prepared.locale()).unwrap())
                }
                Err(Error::Diagnostics(found)) => Err(found),
                Err(other) => Err(vec![Diagnostic::file_error("a.yaml", other.to_string())]),
            }
        }
        Err(Error::Diagnostics(found)) => Err(found),
        Err(other) => Err(vec![Diagnostic::file_error("a.yaml", other.to_string())]),
    }
}

#[test]
fn every_spec_example_as_an_answer_is_data_or_refused_at_its_line() {
    let library = library::load(&library::built_in_files())
        .into_library()
        .unwrap();
    let example = std::fs::read_to_string(root().join("examples/repeat-good-payer.yaml")).unwrap();
    // The description block of the example, replaced by one value.
    let start = example.find("  description: |-\n").unwrap();
    let end = start
        + example[start..]
            .find("\n  proposal:")
            .or_else(|| example[start..].find("\n  start:"))
            .unwrap()
        + 1;
    let with = |name: &str, description: &str| {
        let text = format!(
            "{}  description: {description}\n{}",
            &example[..start],
            &example[end..]
        );
        text.replacen("  name: Priya Raman\n", &format!("  name: {name}\n"), 1)
    };
    let plain = contract_of(&library, &with("Plain Name", "Plain description"))
        .expect("the plain answers build");
    let baseline = markup(&plain);
    let mut taken = 0;
    for example in examples() {
        // Written as YAML writes any text: a double-quoted scalar with escapes.
        let quoted = serde_json::to_string(&example.markdown).unwrap();
        for (key, text) in [
            ("client.name", with(&quoted, "Plain description")),
            ("project.description", with("Plain Name", &quoted)),
        ] {
            let line = text
                .lines()
                .position(|l| l.contains(quoted.as_str()))
                .unwrap()
                + 1;
            match contract_of(&library, &text) {
                Ok(markdown) => {
                    taken += 1;
                    assert_eq!(
                        markup(&markdown),
                        baseline,
                        "example {} as `{key}` changed the contract's markup",
                        example.number
                    );
                    let answers = answers::parse("a.yaml", &text, &library).unwrap();
                    let Some(Value::Text(value)) = answers.get(key) else {
                        panic!(
                            "example {}: `{key}` is {:?}",
                            example.number,
                            answers.get(key)
                        );
                    };
                    assert_eq!(
                        value.as_str(),
                        example.markdown.trim(),
                        "example {}",
                        example.number
                    );
                    assert!(
                        reading(&markdown).contains(value.as_str()),
                        "example {} as `{key}` does not read back as typed: {value:?}",
                        example.number
                    );
                }
                Err(found) => {
                    assert!(!found.is_empty());
                    for d in &found {
                        assert_eq!(
                            (d.file.as_str(), d.line),
                            ("a.yaml", line),
                            "example {} as `{key}`: {}",
                            example.number,
                            d.message
                        );
                    }
                }
            }
        }
    }
    assert!(taken > 1_000, "only {taken} of 1,304 values were taken");
}
