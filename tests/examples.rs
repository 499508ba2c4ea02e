//! Every file in `examples/` is built by a test: answers files into contracts compared with
//! golden Markdown under `tests/fixtures/examples/<name>/`, and the CI workflow's commands
//! parsed by the real command line.

use std::path::Path;

use clap::Parser as _;
use clausewright::layout::{self, LayoutOptions, Paper};

use crate::pdf;
use crate::support::{assert_no_differences, clausewright, golden, root, run};

fn example_files() -> Vec<String> {
    let mut files = Vec::new();
    let mut pending = vec![root().join("examples")];
    while let Some(folder) = pending.pop() {
        for entry in std::fs::read_dir(folder).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                pending.push(path);
            } else {
                files.push(
                    path.strip_prefix(root())
                        .unwrap()
                        .to_string_lossy()
                        .into_owned(),
                );
            }
        }
    }
    files.sort();
    files
}

fn is_yaml(file: &str) -> bool {
    Path::new(file)
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("yaml"))
}

#[test]
fn every_example_file_is_covered() {
    for file in example_files() {
        let known = is_yaml(&file) && !file.starts_with("examples/ci/")
            || file == "examples/ci/github-actions.yml";
        assert!(known, "{file} is not built by any test");
    }
}

/// The answers files of `examples/`.
fn answers_examples() -> Vec<String> {
    let answers: Vec<String> = example_files()
        .into_iter()
        .filter(|f| is_yaml(f) && !f.starts_with("examples/ci/"))
        .collect();
    assert!(
        answers.len() >= 4,
        "examples/ holds the four required answers files"
    );
    answers
}

/// Builds an example into `out/<name>.md`, `.pdf` and `.docx`; returns the name and the run.
fn build_example(file: &str, out: &Path) -> (String, std::path::PathBuf, crate::support::Outcome) {
    let name = Path::new(file)
        .file_stem()
        .unwrap()
        .to_string_lossy()
        .into_owned();
    let target = out.join(format!("{name}.md"));
    let outcome = run(&mut clausewright(&[
        "build",
        file,
        "-o",
        target.to_str().unwrap(),
        "--format",
        "md,pdf,docx",
    ]));
    assert_eq!(outcome.code, 0, "{file}: {}", outcome.stderr);
    (name, target, outcome)
}

#[test]
fn every_answers_example_builds_its_golden_contract() {
    let out = tempfile::tempdir().unwrap();
    let mut differences = Vec::new();
    for file in answers_examples() {
        let (name, target, outcome) = build_example(&file, out.path());
        let contract = std::fs::read_to_string(&target).unwrap();
        let fixture = Path::new("tests/fixtures/examples").join(&name);
        differences.extend(golden(&fixture.join("contract.md"), &contract));
        let mut summary = String::new();
        for line in outcome
            .stderr
            .lines()
            .filter(|line| !line.starts_with("wrote ") && !line.ends_with(" dosyası yazıldı"))
        {
            summary.push_str(line);
            summary.push('\n');
        }
        differences.extend(golden(&fixture.join("summary.txt"), &summary));
    }
    assert_no_differences(&differences);
}

/// Sentences a lawyer's reading of the examples asked for: no step that waits for itself, no
/// fact the tool cannot know, taxes stated as the place's law requires, and rights and courts
/// as the governing law allows.
#[test]
fn the_examples_state_what_the_law_and_the_payments_allow() {
    let out = tempfile::tempdir().unwrap();
    let contract = |file: &str| {
        let (_, target, _) = build_example(&format!("examples/{file}"), out.path());
        std::fs::read_to_string(target).unwrap()
    };
    let has = |text: &str, words: &[&str]| {
        for words in words {
            assert!(text.contains(words), "{words:?} is missing from:\n{text}");
        }
    };
    // Publishing the website waits for payment, so it cannot also hold up the Completion Date
    // (and with it the last Milestone and the invoice that publishing waits for).
    let first_time = contract("first-time-us.yaml");
    has(
        &first_time,
        &[
            "Where the Scope includes publishing the website, publishing it is not delivered for \
             review: it counts as accepted on the day every other Deliverable in the Scope has \
             been accepted, and the Designer publishes the website after the Completion Date, once \
             the invoices that section 12 names have been paid.",
            "Once every invoice for the work done up to the Completion Date has been paid, the \
             Designer hands over the final Deliverables",
            "After the Completion Date defined in section 3, the Designer invoices any extra work \
             and expenses not yet invoiced, as section 7 provides.",
            "(the “**Proposal**”) forms part of this Agreement as if it were attached to it.",
        ],
    );
    assert!(!first_time.contains("is attached to this Agreement"));
    assert!(!first_time.contains("due on the Completion Date"));
    // A consumer is quoted prices with the taxes in them.
    has(
        &contract("gb-consumer.yaml"),
        &[
            "The amounts in this Agreement are the total prices that the Client pays, including \
           any value added tax or similar tax that the Designer must charge.",
        ],
    );
    // Turkish law: the rights transferred are named, mediation binds commercial cases only and
    // a choice of courts binds merchants only.
    has(
        &contract("tr-client.yaml"),
        &[
            "The rights transferred are the rights of adaptation (article 21), reproduction \
             (article 22), distribution (article 23), performance (article 24) and communication \
             to the public",
            "Where the dispute is a commercial case within the meaning of article 4 of the Turkish \
             Commercial Code, a claim for a sum of money may be brought to those courts only after \
             the parties have taken part in mandatory mediation (arabuluculuk)",
            "article 17 of the Code of Civil Procedure no. 6100 allows it only between merchants or \
             public legal persons",
            "apart from the taxes and the share of stamp duty that section 7 allows it to withhold \
             or deduct",
        ],
    );
    has(
        &contract("tr-istanbul.yaml"),
        &[
            "## 9. Müşteri’nin İşbirliği ve Geri Bildirimleri",
            "Uyuşmazlık Türk Ticaret Kanunu’nun 4. maddesi anlamında ticari dava ise",
            "7\\. maddede öngörülen vergi kesintileri ile damga vergisi payının mahsubu saklıdır",
        ],
    );
    // A self-employed person has no trade name (TTK art. 39 ff.), only a name it works under;
    // a developer's files are listed in two sections.
    has(
        &contract("bilingual-us-client.yaml"),
        &[
            "Mert Yıldız (gerçek kişi; faaliyet gösterdiği ad: Yıldız Yazılım)",
            "the files the Client receives are those listed in section 13 and section 15.",
        ],
    );
    // Rejected photographs of the client's people, premises or products need its consent.
    has(
        &contract("photography.yaml"),
        &[
            "an image that shows the Client’s people, premises or products also needs the \
           Client’s written consent, as section 11 provides.",
        ],
    );
    // German law transfers no copyright, only rights of use, named by kind.
    has(
        &contract("eu-client.yaml"),
        &[
            "German law does not allow the copyright itself to be transferred (section 29(1) of \
           the Copyright Act, UrhG), so the transfer under this section is the grant to the Client \
           of the exclusive rights of use in the final Deliverables",
            // The dunning procedure is open only where the order can be served (§ 688(3) ZPO).
            "Where the law allows it (§ 688 of the Code of Civil Procedure, ZPO), either party \
             may instead apply for a payment order",
        ],
    );
}

/// On one core a bilingual contract renders its two languages one after the other, and the
/// contract is the same, byte for byte, as the one rendered on two.
#[test]
fn a_bilingual_contract_is_the_same_on_one_core() {
    let args = [
        "build",
        "examples/bilingual-us-client.yaml",
        "--format",
        "md",
        "-o",
        "-",
    ];
    let two = run(&mut clausewright(&args));
    assert_eq!(two.code, 0, "{}", two.stderr);
    let mut pinned = std::process::Command::new("taskset");
    pinned
        .args(["-c", "0", env!("CARGO_BIN_EXE_clausewright")])
        .args(args)
        .current_dir(crate::support::root())
        .env("NO_COLOR", "1")
        .env_remove("SOURCE_DATE_EPOCH");
    let one = run(&mut pinned);
    assert_eq!(one.code, 0, "{}", one.stderr);
    assert!(two.stdout.contains("## 1. Parties and Effective Date"));
    assert_eq!(one.stdout, two.stdout);
}

#[test]
fn the_ci_workflow_runs_real_commands() {
    let text = std::fs::read_to_string(root().join("examples/ci/github-actions.yml")).unwrap();
    let commands: Vec<&str> = text
        .lines()
        .filter_map(|line| line.trim().strip_prefix("run: "))
        .filter(|command| command.starts_with("clausewright "))
        .collect();
    assert_eq!(commands.len(), 1, "the workflow runs clausewright check");
    let words: Vec<&str> = commands[0].split_whitespace().collect();
    let parsed = clausewright::cli::Cli::try_parse_from(&words);
    assert!(parsed.is_ok(), "{}: {:?}", commands[0], parsed.err());
    // The command it runs passes on the built-in library.
    let outcome = run(&mut clausewright(&words[1..]));
    assert_eq!(outcome.code, 0, "{}", outcome.stdout);
}

#[test]
fn every_example_pdf_says_what_its_markdown_says_and_is_valid() {
    let out = tempfile::tempdir().unwrap();
    for file in answers_examples() {
        let (_, target, _) = build_example(&file, out.path());
        let markdown = std::fs::read_to_string(target.with_extension("md")).unwrap();
        // Nothing overflows: every placed line stays inside the text area, on both papers.
        for paper in [Paper::Letter, Paper::A4] {
            let document = layout::layout(
                &markdown,
                &LayoutOptions {
                    paper,
                    ..LayoutOptions::default()
                },
            )
            .unwrap();
            let [left, _, right, _] = document.frame;
            for line in document.pages.iter().flat_map(|page| &page.lines) {
                assert!(
                    line.left() >= left - 0.01 && line.right() <= right + 0.01,
                    "{file} ({paper:?}): {:?} runs from {} to {}, outside {left}..{right}",
                    line.text,
                    line.left(),
                    line.right()
                );
            }
        }
        let pdf_path = target.with_extension("pdf");
        let pdf = std::fs::read(&pdf_path).unwrap();
        let answers = std::fs::read_to_string(root().join(&file)).unwrap();
        let language = answers
            .lines()
            .find_map(|l| l.trim().strip_prefix("language: "))
            .unwrap_or("en");
        // A bilingual contract holds two texts.
        let texts = if language == "en+tr" { 2 } else { 1 };
        assert!(
            // Subset fonts keep a contract of a dozen pages far below this (all four faces
            // in full would be over 600 KB).
            pdf.len() < texts * 96 * 1024,
            "{file}: the PDF is {} bytes",
            pdf.len()
        );
        // The footer carries the contract's title, which is the profession's.
        let title = markdown
            .lines()
            .next()
            .and_then(|l| l.strip_prefix("# "))
            .expect("the contract starts with its title");
        // The footer's page number is in the contract's language; a bilingual contract's two
        // columns are read back column by column in tests/language.rs.
        if language != "en+tr" {
            let words = pdf::pdf_words_with(&pdf_path, title, |page, total| match language {
                "tr" => format!("Sayfa {page} / {total}"),
                _ => format!("Page {page} of {total}"),
            });
            assert_eq!(
                pdf::comparable(&words),
                pdf::comparable(&pdf::markdown_words(&markdown)),
                "{file}: the PDF and the Markdown say different things"
            );
        }
        let docx = crate::docx::docx_words(&target.with_extension("docx"));
        assert_eq!(
            pdf::comparable(&docx),
            pdf::comparable(&pdf::markdown_words(&markdown)),
            "{file}: the DOCX and the Markdown say different things"
        );
        let check = pdf::tool("qpdf", &["--check"], &pdf_path);
        assert!(
            check.contains("No syntax or stream encoding errors"),
            "{file}: {check}"
        );
        let fonts = pdf::tool("pdffonts", &[], &pdf_path);
        for row in fonts.lines().skip(2) {
            let columns: Vec<&str> = row.split_whitespace().collect();
            assert!(
                columns[0].as_bytes().get(6) == Some(&b'+'),
                "{file}: font not subset: {row}"
            );
            assert_eq!(
                &columns[columns.len() - 5..columns.len() - 3],
                ["yes", "yes"],
                "{file}: {row}"
            );
        }
    }
}

#[test]
fn builds_are_byte_identical_across_processes() {
    let out = tempfile::tempdir().unwrap();
    let mut outputs = Vec::new();
    for attempt in ["a", "b"] {
        let target = out.path().join(attempt);
        let outcome = run(clausewright(&[
            "build",
            "examples/eu-client.yaml",
            "-o",
            target.to_str().unwrap(),
        ])
        .env("SOURCE_DATE_EPOCH", "1767225600"));
        assert_eq!(outcome.code, 0, "{}", outcome.stderr);
        outputs.push((
            std::fs::read(target.with_extension("md")).unwrap(),
            std::fs::read(target.with_extension("pdf")).unwrap(),
        ));
    }
    assert!(
        outputs[0] == outputs[1],
        "two builds of the same answers differ"
    );
    let info = pdf::tool("pdfinfo", &[], &out.path().join("a.pdf"));
    assert!(
        info.contains("CreationDate:    Thu Jan  1 00:00:00 2026 UTC"),
        "{info}"
    );
    assert!(info.contains("Author:          Lena Hoffmann"), "{info}");
    assert!(
        info.contains(
            "Subject:         Contract between Lena Hoffmann and Northwind Ölçüm Ltd. Şti."
        ),
        "{info}"
    );
}

/// The cover note of `answers` (as `build --explain` writes it), laid out on `paper`: its
/// number of pages.
fn cover_note_pages(answers: clausewright::answers::Answers, paper: Paper) -> (usize, String) {
    let library = crate::trades::built_in();
    let options = clausewright::prepare::PrepareOptions {
        date: None,
        today: None,
        late_payer: false,
        rate_multiplier: 2.into(),
        language: None,
    };
    let prepared = clausewright::prepare::prepare(library, answers, &options).unwrap();
    let contract = clausewright::assemble::assemble(&prepared.library, &prepared.answers);
    let client = prepared
        .answers
        .get("client.name")
        .map(ToString::to_string)
        .unwrap_or_default();
    let note = clausewright::explain::cover_note(&contract, &client, prepared.language());
    let options = LayoutOptions {
        paper,
        compact: true,
        ..LayoutOptions::default()
    };
    let document = layout::layout(&note, &options).unwrap();
    (document.pages.len(), note)
}

#[test]
fn every_cover_note_fits_on_one_page() {
    let library = crate::trades::built_in();
    let mut cases = Vec::new();
    for file in answers_examples() {
        let text = std::fs::read_to_string(root().join(&file)).unwrap();
        let answers = clausewright::answers::parse(&file, &text, &library).unwrap();
        cases.push((file, answers));
    }
    // The longest contract the library makes: the software example (the most sections) with
    // every optional safeguard switched on, for a client with a long name.
    let text = std::fs::read_to_string(root().join("examples/software-development.yaml")).unwrap();
    let mut fullest = clausewright::answers::parse("software.yaml", &text, &library).unwrap();
    let text = |value: &str| clausewright::model::Value::Text(value.to_owned());
    fullest.set("relationship", text("repeat"));
    fullest.set(
        "non_solicitation.enabled",
        clausewright::model::Value::Bool(true),
    );
    fullest.set("ai_tools.policy", text("may-use-disclosed"));
    fullest.set("credit.line", text("Built by Ada Okafor"));
    fullest.set(
        "client.name",
        text("Northern Lighthouse Logistics and Warehousing Cooperative Society Limited"),
    );
    cases.push(("the fullest software contract".to_owned(), fullest));
    for (name, answers) in cases {
        for paper in [Paper::Letter, Paper::A4] {
            let (pages, note) = cover_note_pages(answers.clone(), paper);
            assert_eq!(pages, 1, "{name} on {paper:?}:\n{note}");
        }
    }
}
