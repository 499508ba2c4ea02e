//! `clausewright build`: answers errors pinned in full, output files written atomically and
//! never replaced without `--force`, the late-payer regeneration, every option combination of
//! the built-in library, and hostile answers that must come out literally.

use std::collections::BTreeSet;
use std::path::Path;

use clausewright::answers::{self, Answers};
use clausewright::format::Locale;
use clausewright::library::Library;
use clausewright::model::Value;
use clausewright::prepare::{self, PrepareOptions};
use clausewright::{assemble, library, render};
use pulldown_cmark::{Event, HeadingLevel, Parser, Tag, TagEnd};

use crate::support::{assert_no_differences, cases, clausewright, golden, root, run};

const FIRST_TIME: &str = "examples/first-time-us.yaml";

#[test]
fn every_bad_answers_file_gets_its_pinned_errors() {
    let mut differences = Vec::new();
    for case in cases("tests/fixtures/answers") {
        let answers = case.join("answers.yaml");
        let outcome = run(&mut clausewright(&[
            "build",
            answers.to_str().unwrap(),
            "-o",
            "-",
        ]));
        assert_eq!(outcome.stdout, "", "{}: nothing on stdout", case.display());
        differences.extend(golden(&case.join("expected.txt"), &outcome.transcript()));
    }
    assert_no_differences(&differences);
}

#[test]
fn a_missing_answers_file_is_named() {
    let outcome = run(&mut clausewright(&["build", "no-such-answers.yaml"]));
    assert_eq!(
        outcome.transcript(),
        "error: no-such-answers.yaml: No such file or directory (os error 2)\nexit: 1\n"
    );
}

#[test]
fn the_default_output_is_named_after_the_client() {
    let dir = tempfile::tempdir().unwrap();
    let answers = root().join("examples/eu-client.yaml");
    let outcome = run(clausewright(&["build", answers.to_str().unwrap()]).current_dir(dir.path()));
    assert_eq!(outcome.code, 0, "{}", outcome.stderr);
    assert!(
        outcome.stderr.ends_with(
            "wrote northwind-olcum-ltd-sti-contract.md\nwrote northwind-olcum-ltd-sti-contract.pdf\n"
        ),
        "{}",
        outcome.stderr
    );
    let mut written: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    written.sort();
    assert_eq!(
        written,
        [
            "northwind-olcum-ltd-sti-contract.md",
            "northwind-olcum-ltd-sti-contract.pdf"
        ]
    );
    let pdf = std::fs::read(dir.path().join("northwind-olcum-ltd-sti-contract.pdf")).unwrap();
    assert!(pdf.starts_with(b"%PDF-"));
}

#[test]
fn an_existing_contract_is_kept_unless_forced() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("contract.md");
    std::fs::write(&target, "the freelancer's own edits").unwrap();
    let target_arg = target.to_str().unwrap();
    let outcome = run(&mut clausewright(&[
        "build", FIRST_TIME, "-o", target_arg, "--format", "md",
    ]));
    assert_eq!(
        outcome.transcript(),
        format!("error: {target_arg} already exists; pass --force to replace it\nexit: 1\n")
    );
    assert_eq!(
        std::fs::read_to_string(&target).unwrap(),
        "the freelancer's own edits"
    );
    let outcome = run(&mut clausewright(&[
        "build", FIRST_TIME, "-o", target_arg, "--force", "--format", "md",
    ]));
    assert_eq!(outcome.code, 0, "{}", outcome.stderr);
    assert!(
        std::fs::read_to_string(&target)
            .unwrap()
            .starts_with("# Web Design Services Agreement\n")
    );
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names, ["contract.md"], "no temporary file is left behind");
}

#[test]
fn save_answers_never_replaces_the_answers_file_it_read() {
    let dir = tempfile::tempdir().unwrap();
    let answers = dir.path().join("answers.yaml");
    let original = std::fs::read_to_string(root().join(FIRST_TIME)).unwrap() + "# my own note\n";
    std::fs::write(&answers, &original).unwrap();
    let answers_arg = answers.to_str().unwrap();
    let out = dir.path().join("c.md");
    let outcome = run(&mut clausewright(&[
        "build",
        answers_arg,
        "-o",
        out.to_str().unwrap(),
        "--format",
        "md",
        "--save-answers",
        answers_arg,
        "--force",
    ]));
    assert_eq!(outcome.code, 2, "{}", outcome.stderr);
    assert!(
        outcome
            .stderr
            .contains(&format!("{answers_arg} is the input file {answers_arg}")),
        "{}",
        outcome.stderr
    );
    assert_eq!(std::fs::read_to_string(&answers).unwrap(), original);
    assert!(!out.exists(), "nothing of the batch is written");
}

#[test]
fn output_folder_errors_are_one_line_and_write_nothing() {
    let outcome = run(&mut clausewright(&[
        "build",
        FIRST_TIME,
        "-o",
        "/no/such/folder/contract.md",
    ]));
    assert_eq!(
        outcome.transcript(),
        "error: the output folder /no/such/folder does not exist\nexit: 1\n"
    );
    let outcome = run(&mut clausewright(&[
        "build",
        FIRST_TIME,
        "-o",
        "/sys/contract.md",
    ]));
    assert_eq!(
        outcome.transcript(),
        "error: cannot write /sys/contract.md: Permission denied (os error 13)\nexit: 1\n"
    );
}

#[test]
fn stdout_output_equals_the_file_and_builds_are_reproducible() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("c.md");
    let to_file = run(&mut clausewright(&[
        "build",
        FIRST_TIME,
        "-o",
        target.to_str().unwrap(),
    ]));
    assert_eq!(to_file.code, 0);
    let to_stdout = run(&mut clausewright(&["build", FIRST_TIME, "-o", "-"]));
    assert_eq!(to_stdout.stdout, std::fs::read_to_string(&target).unwrap());
    let again = run(&mut clausewright(&["build", FIRST_TIME, "-o", "-"]));
    assert_eq!(again.stdout, to_stdout.stdout);
}

#[test]
fn the_agreement_date_comes_from_the_flag_the_answers_or_source_date_epoch() {
    let from_answers = run(&mut clausewright(&["build", FIRST_TIME, "-o", "-"]));
    assert!(
        from_answers
            .stdout
            .contains("takes effect on March 2, 2026 (the “**Effective Date**”)")
    );
    let from_flag = run(&mut clausewright(&[
        "build",
        FIRST_TIME,
        "-o",
        "-",
        "--date",
        "2026-12-01",
    ]));
    assert!(
        from_flag
            .stdout
            .contains("takes effect on December 1, 2026 (the “**Effective Date**”)")
    );
    // Without a date in the answers, SOURCE_DATE_EPOCH fixes "today".
    let dir = tempfile::tempdir().unwrap();
    let undated = dir.path().join("undated.yaml");
    let text = std::fs::read_to_string(root().join(FIRST_TIME)).unwrap();
    std::fs::write(
        &undated,
        text.replace(
            "agreement:\n  date: 2026-03-02\n  language: en\n",
            "agreement:\n  language: en\n",
        ),
    )
    .unwrap();
    let epoch = run(
        clausewright(&["build", undated.to_str().unwrap(), "-o", "-"])
            .env("SOURCE_DATE_EPOCH", "1767225600"),
    );
    assert!(
        epoch
            .stdout
            .contains("takes effect on January 1, 2026 (the “**Effective Date**”)"),
        "{}",
        epoch.stderr
    );
    let bad = run(
        clausewright(&["build", undated.to_str().unwrap(), "-o", "-"])
            .env("SOURCE_DATE_EPOCH", "soon"),
    );
    assert_eq!(
        bad.transcript(),
        "error: SOURCE_DATE_EPOCH is \"soon\"; expected seconds since 1970-01-01\nexit: 2\n"
    );
}

#[test]
fn late_payer_doubles_rates_and_adds_every_safeguard() {
    let dir = tempfile::tempdir().unwrap();
    let saved = dir.path().join("saved.yaml");
    let outcome = run(&mut clausewright(&[
        "build",
        "examples/repeat-good-payer.yaml",
        "--late-payer",
        "-o",
        "-",
        "--save-answers",
        saved.to_str().unwrap(),
    ]));
    assert_eq!(outcome.code, 0, "{}", outcome.stderr);
    let changes: Vec<&str> = outcome
        .stderr
        .lines()
        .take_while(|l| !l.starts_with("included"))
        .collect();
    assert_eq!(
        changes,
        [
            "repeat late payer: rates multiplied by 2, every safeguard included",
            "  relationship           Yes, and they paid on time → Yes, but they paid late",
            "  fee                    £3,200.00 → £6,400.00",
            "  deposit                30% → 50%",
            "  silence before ending  20 business days → 15 business days",
        ]
    );
    assert!(outcome.stdout.contains("£6,400.00"));
    assert!(outcome.stdout.contains("fifty percent (50%)"));
    // The input answers file is never modified, and the saved answers rebuild the same bytes
    // without multiplying the rates again.
    let input = std::fs::read_to_string(root().join("examples/repeat-good-payer.yaml")).unwrap();
    assert!(input.contains("relationship: repeat\n"));
    let rebuilt = run(&mut clausewright(&[
        "build",
        saved.to_str().unwrap(),
        "-o",
        "-",
    ]));
    assert_eq!(rebuilt.stdout, outcome.stdout);
    assert!(
        rebuilt
            .stderr
            .starts_with("repeat late payer: rates as saved, every safeguard included\n"),
        "{}",
        rebuilt.stderr
    );
}

#[test]
fn the_rate_multiplier_is_a_positive_number() {
    let tripled = run(&mut clausewright(&[
        "build",
        FIRST_TIME,
        "--late-payer",
        "--rate-multiplier",
        "3",
        "-o",
        "-",
    ]));
    assert!(
        tripled
            .stderr
            .contains("  fee           $6,400.00 → $19,200.00\n"),
        "{}",
        tripled.stderr
    );
    let zero = run(&mut clausewright(&[
        "build",
        FIRST_TIME,
        "--late-payer",
        "--rate-multiplier",
        "0",
    ]));
    assert_eq!(zero.code, 2);
    assert!(
        zero.stderr.contains("`0` must be more than zero"),
        "{}",
        zero.stderr
    );
}

// ---------------------------------------------------------------------------------------------
// In process: every option combination, and hostile values.

fn built_in() -> Library {
    library::load(&library::built_in_files())
        .into_library()
        .expect("the built-in library loads")
}

/// The first-time example without its milestones: the balance is paid on completion.
fn base_answers(library: &Library) -> Answers {
    let text = std::fs::read_to_string(root().join(FIRST_TIME)).unwrap();
    let mut answers = answers::parse(FIRST_TIME, &text, library).expect("the example is valid");
    answers.remove("milestones");
    answers
}

fn build(library: Library, answers: Answers) -> String {
    let options = PrepareOptions {
        date: None,
        today: None,
        late_payer: false,
        rate_multiplier: 2.into(),
        language: None,
    };
    let prepared = prepare::prepare(library, answers, &options).unwrap();
    let contract = assemble::assemble(&prepared.library, &prepared.answers);
    render::render(&contract, &prepared.answers, Locale::EnUs)
        .unwrap_or_else(|e| panic!("{}", e.render(false)))
}

fn text(value: &str) -> Value {
    Value::Text(value.to_owned())
}

/// Every `## ` heading, in order.
fn headings(markdown: &str) -> Vec<String> {
    let mut headings = Vec::new();
    let mut current: Option<String> = None;
    for event in Parser::new(markdown) {
        match event {
            Event::Start(Tag::Heading { level, .. }) => {
                current = Some(if level == HeadingLevel::H1 {
                    "# ".into()
                } else {
                    String::new()
                });
            }
            Event::Text(t) if current.is_some() => current.as_mut().unwrap().push_str(&t),
            Event::End(TagEnd::Heading(_)) => headings.push(current.take().unwrap()),
            _ => {}
        }
    }
    headings
}

fn assert_well_formed(markdown: &str, currency_symbol: &str, case: &str) {
    assert!(
        !markdown.contains("{{") && !markdown.contains("}}"),
        "{case}: unrendered braces"
    );
    let lines: Vec<&str> = markdown.lines().collect();
    for (i, line) in lines.iter().enumerate() {
        if line.starts_with("## ") {
            let next = lines[i + 1..].iter().find(|l| !l.trim().is_empty());
            assert!(
                next.is_some_and(|l| !l.starts_with('#')),
                "{case}: `{line}` is empty"
            );
        }
    }
    let numbers: Vec<u32> = lines
        .iter()
        .filter_map(|l| l.strip_prefix("## "))
        .filter_map(|l| l.split_once(". ").and_then(|(n, _)| n.parse().ok()))
        .collect();
    let expected: Vec<u32> = (1..=u32::try_from(numbers.len()).unwrap()).collect();
    assert_eq!(numbers, expected, "{case}: sections numbered 1..n");
    for (index, _) in markdown.match_indices("section ") {
        let rest = &markdown[index + "section ".len()..];
        let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
        if let Ok(number) = digits.parse::<u32>() {
            assert!(
                numbers.contains(&number),
                "{case}: `section {number}` points nowhere"
            );
        }
    }
    // Every amount with cents carries the currency symbol.
    let bytes = markdown.as_bytes();
    for (index, _) in markdown.match_indices('.') {
        let cents = bytes
            .get(index + 1..index + 3)
            .is_some_and(|d| d.iter().all(u8::is_ascii_digit));
        let after = bytes.get(index + 3).is_none_or(|b| !b.is_ascii_digit());
        let mut start = index;
        while start > 0 && (bytes[start - 1].is_ascii_digit() || bytes[start - 1] == b',') {
            start -= 1;
        }
        if cents && after && start < index {
            assert!(
                markdown[..start].ends_with(currency_symbol),
                "{case}: bare amount `{}`",
                &markdown[start..index + 3]
            );
        }
    }
}

/// The choices added after the walk's loops were written (party kinds, revisions, acceptance,
/// handover, warranty, credit, non-solicitation, arbitration, proposal, delivery date, the
/// profession), each
/// cycled with its own period over the walk's index so that every value meets many of the
/// combinations of the loops without multiplying their number. Keeps the answers coherent, as
/// `answers::parse` would (a key whose `when` is false is absent). Returns a label for the case.
fn vary_the_newer_choices(answers: &mut Answers, index: usize) -> String {
    const KINDS: [&str; 3] = ["individual", "sole-trader", "company"];
    let designer = KINDS[index % 3];
    let client = KINDS[(index / 3) % 3];
    let on = |period: usize| (index / period) % 2 == 1;
    answers.set("freelancer.kind", text(designer));
    if designer == "individual" {
        answers.remove("freelancer.business");
    } else {
        answers.set("freelancer.business", text("Prairie Pixel Studio LLC"));
    }
    if designer == "company" && on(2) {
        answers.set(
            "freelancer.entity",
            text("an Illinois limited liability company"),
        );
        answers.set("freelancer.title", text("Managing Member"));
    } else {
        answers.remove("freelancer.entity");
        answers.remove("freelancer.title");
    }
    answers.set("client.kind", text(client));
    if client == "sole-trader" {
        answers.set("client.trade_name", text("Capitol Bakery"));
    } else {
        answers.remove("client.trade_name");
    }
    if client == "company" && on(5) {
        answers.set(
            "client.entity",
            text("an Illinois limited liability company"),
        );
        answers.set("client.title", text("Owner"));
    } else {
        answers.remove("client.entity");
        answers.remove("client.title");
    }
    answers.set(
        "project.revisions",
        Value::Integer(if index.is_multiple_of(7) { 0 } else { 2 }),
    );
    answers.set(
        "project.revisions_per",
        text(if on(1) {
            "each-deliverable"
        } else {
            "whole-project"
        }),
    );
    answers.set("handover.source_files", Value::Bool(on(4)));
    answers.set(
        "warranty.days",
        Value::Integer(if index.is_multiple_of(5) { 0 } else { 30 }),
    );
    if on(6) {
        answers.set("credit.line", text("Website by Prairie Pixel Studio"));
    } else {
        answers.remove("credit.line");
    }
    answers.set("non_solicitation.enabled", Value::Bool(on(8)));
    answers.set("disputes.arbitration", Value::Bool(on(16)));
    if on(16) {
        answers.set(
            "disputes.arbitration_rules",
            text("Rules of Arbitration of the International Chamber of Commerce"),
        );
        answers.set("disputes.arbitration_seat", text("Chicago, Illinois"));
    } else {
        answers.remove("disputes.arbitration_rules");
        answers.remove("disputes.arbitration_seat");
    }
    if on(32) {
        answers.set("project.proposal", text("P-7 dated February 20, 2026"));
    } else {
        answers.remove("project.proposal");
    }
    if on(64) {
        answers.remove("project.delivery");
    }
    // Turkish law (its tax and formal-notice clauses) for a business client, and the English
    // text of a bilingual contract (the clause on which text prevails).
    if on(11) && answers.get("client.consumer") != Some(&Value::Bool(true)) {
        answers.set("jurisdiction.country", text("TR"));
        answers.remove("jurisdiction.region");
        answers.set("jurisdiction.venue", text("İstanbul"));
    }
    if on(13) {
        answers.set("agreement.language", text("en+tr"));
        answers.set(
            "agreement.prevailing",
            text(if on(26) { "tr" } else { "en" }),
        );
    }
    let trade = vary_the_trade(answers, index);
    format!("designer={designer} client={client} {trade} index={index}")
}

/// The profession and the pricing kind, each cycled over the walk's index with a period prime
/// to the others; returns a label for the case.
fn vary_the_trade(answers: &mut Answers, index: usize) -> String {
    const BASES: [(&str, Option<&str>); 5] = [
        ("fixed", None),
        ("hourly", None),
        ("daily", None),
        ("per-unit", Some("source-word")),
        ("per-unit", Some("image")),
    ];
    // Every profession meets every loop of the walk: eight is prime to the kinds' periods.
    let professions: Vec<String> = built_in()
        .question("freelancer.profession")
        .map(|q| q.choices.iter().map(|c| c.value.clone()).collect())
        .unwrap_or_default();
    let profession = professions[index % professions.len()].clone();
    answers.set("freelancer.profession", text(&profession));
    // The usage licence of the visual trades, answered as the interview would ask it.
    if ["graphic-design", "illustration", "photography"].contains(&profession.as_str()) {
        answers.set("usage.media", text("packaging and the Client's website"));
        answers.set("usage.territory", text("worldwide"));
        answers.set(
            "usage.years",
            Value::Integer(if index.is_multiple_of(3) { 0 } else { 5 }),
        );
        answers.set("usage.exclusive", Value::Bool(index.is_multiple_of(2)));
    }
    let (basis, unit) = BASES[(index / 11) % BASES.len()];
    answers.set("fees.basis", text(basis));
    if basis == "fixed" {
        answers.remove("fees.rate");
    } else {
        answers.set("fees.rate", Value::Number("95.00".parse().unwrap()));
    }
    if basis == "hourly" || basis == "daily" {
        answers.remove("fees.hourly_rate");
    }
    match unit {
        Some(unit) => answers.set("fees.unit", text(unit)),
        None => {
            answers.remove("fees.unit");
        }
    }
    let policies = ["unstated", "may-use-disclosed", "no-generative"];
    answers.set(
        "ai_tools.policy",
        text(policies[(index / 5) % policies.len()]),
    );
    if profession == "translation" {
        answers.set("translation.certified", Value::Bool((index / 3) % 2 == 1));
    } else {
        answers.remove("translation.certified");
    }
    format!("profession={profession} basis={basis}")
}

#[test]
fn every_option_combination_builds_a_well_formed_contract() {
    let library = built_in();
    let base = base_answers(&library);
    let mut count = 0;
    let mut seen_titles = BTreeSet::new();
    for relationship in ["first-time", "repeat", "repeat-late-payer"] {
        for portfolio in ["license-to-client", "transfer-keep-portfolio-license"] {
            for kill_fee in [None, Some("0"), Some("20")] {
                for late_fee in [false, true] {
                    for hourly in [false, true] {
                        for deposit in ["50", "100"] {
                            for transfer in [false, true] {
                                for contacts in [false, true] {
                                    let mut answers = base.clone();
                                    answers.set("relationship", text(relationship));
                                    answers.set("portfolio.mode", text(portfolio));
                                    answers
                                        .set("kill_fee.enabled", Value::Bool(kill_fee.is_some()));
                                    if let Some(percent) = kill_fee {
                                        answers.set(
                                            "kill_fee.percent",
                                            Value::Number(percent.parse().unwrap()),
                                        );
                                    } else {
                                        answers.remove("kill_fee.percent");
                                        answers.remove("kill_fee.silence_days");
                                    }
                                    answers.set("late_fee.enabled", Value::Bool(late_fee));
                                    if !late_fee {
                                        answers.remove("late_fee.percent_per_month");
                                    }
                                    if !hourly {
                                        answers.remove("fees.hourly_rate");
                                    }
                                    answers.set(
                                        "deposit.percent",
                                        Value::Number(deposit.parse().unwrap()),
                                    );
                                    answers.set(
                                        "rights.transfer_on_full_payment",
                                        Value::Bool(transfer),
                                    );
                                    if !contacts {
                                        // A private client in England: a consumer, who gets
                                        // the right to cancel and the model form.
                                        answers.remove("client.contact");
                                        answers.remove("freelancer.business");
                                        answers.set("client.consumer", Value::Bool(true));
                                        answers.set("jurisdiction.country", text("GB"));
                                        answers.set("jurisdiction.region", text("ENG"));
                                        answers.set("jurisdiction.venue", text("Bristol"));
                                    }
                                    let variant = vary_the_newer_choices(&mut answers, count);
                                    // Milestone payments (the rest of the fee after a half
                                    // deposit) in every third contract that has a deposit.
                                    if deposit == "50" && count % 3 == 0 {
                                        let milestone = |name: &str, day: i8| {
                                            vec![
                                                ("name".to_owned(), text(name)),
                                                (
                                                    "date".to_owned(),
                                                    Value::Date(jiff::civil::date(2026, 4, day)),
                                                ),
                                                ("payment".to_owned(), Value::Number(1600.into())),
                                            ]
                                        };
                                        answers.set(
                                            "milestones",
                                            Value::List(vec![
                                                milestone("Designs approved", 3),
                                                milestone("Launch", 24),
                                            ]),
                                        );
                                    }
                                    let case = format!(
                                        "{relationship} {portfolio} kill={kill_fee:?} late={late_fee} hourly={hourly} deposit={deposit} transfer={transfer} contacts={contacts} {variant}"
                                    );
                                    let markdown = build(library.clone(), answers);
                                    assert_well_formed(&markdown, "$", &case);
                                    seen_titles.extend(headings(&markdown));
                                    count += 1;
                                }
                            }
                        }
                    }
                }
            }
        }
    }
    assert_eq!(count, 3 * 2 * 3 * 2 * 2 * 2 * 2 * 2);
    // Across the combinations every clause of the library appears at least once.
    for clause in library.clauses.iter() {
        assert!(
            seen_titles.iter().any(|t| t.ends_with(&clause.title)),
            "{} never appears",
            clause.id
        );
    }
}

#[test]
fn golden_fixture_paths_are_relative() {
    // The fixtures are read relative to the repository root, whatever the test's folder.
    assert!(Path::new("tests/fixtures/answers").is_relative());
    assert!(root().join("tests/fixtures/answers").is_dir());
}

#[test]
fn a_character_the_pdf_font_lacks_is_refused_at_its_answer() {
    let dir = tempfile::tempdir().unwrap();
    let answers = dir.path().join("answers.yaml");
    let text = std::fs::read_to_string(root().join(FIRST_TIME)).unwrap();
    std::fs::write(
        &answers,
        text.replace("  contact: Daniel Ortiz", "  contact: Daniel 王 Ortiz"),
    )
    .unwrap();
    let answers_arg = answers.to_str().unwrap();
    let outcome = run(&mut clausewright(&[
        "build",
        answers_arg,
        "-o",
        dir.path().to_str().unwrap(),
    ]));
    assert_eq!(
        outcome.transcript(),
        format!(
            "error: `client.contact` holds the character '王' (U+738B), which the PDF font cannot show\n  --> {answers_arg}:17:19\n   |\n17 |   contact: Daniel 王 Ortiz\n   |                   ^^\n\n1 error, 0 warnings\nexit: 1\n"
        )
    );
    let written: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(written, ["answers.yaml"], "nothing is written");
    // Markdown alone has no such limit.
    let markdown = run(&mut clausewright(&["build", answers_arg, "-o", "-"]));
    assert!(markdown.stdout.contains("Daniel 王 Ortiz"));
}

/// Libertinus has no `₺`: before the fallback face, a contract in lira could not become a PDF.
#[test]
fn a_contract_in_turkish_lira_becomes_a_pdf_with_the_lira_sign() {
    let dir = tempfile::tempdir().unwrap();
    let answers = dir.path().join("answers.yaml");
    let text = std::fs::read_to_string(root().join("examples/eu-client.yaml")).unwrap();
    std::fs::write(&answers, text.replace("currency: EUR", "currency: TRY")).unwrap();
    let outcome = run(&mut clausewright(&[
        "build",
        answers.to_str().unwrap(),
        "-o",
        dir.path().join("contract").to_str().unwrap(),
    ]));
    assert_eq!(outcome.code, 0, "{}", outcome.stderr);
    let markdown = std::fs::read_to_string(dir.path().join("contract.md")).unwrap();
    assert!(markdown.contains("₺9,800.00"), "{markdown}");
    let text = crate::pdf::tool(
        "pdftotext",
        &["-enc", "UTF-8"],
        &dir.path().join("contract.pdf"),
    );
    assert!(text.contains("₺9,800.00"), "{text}");
    assert!(text.contains("Northwind Ölçüm Ltd. Şti."), "{text}");
}

#[test]
fn a_hostile_answers_file_builds_literally_and_its_pdf_is_refused_clearly() {
    const HOSTILE: &str = "tests/fixtures/hostile/answers.yaml";
    let outcome = run(&mut clausewright(&["build", HOSTILE, "-o", "-"]));
    assert_eq!(outcome.code, 0, "{}", outcome.stderr);
    let mut literal = String::new();
    for event in Parser::new(&outcome.stdout) {
        match event {
            Event::Text(t) => literal.push_str(&t),
            Event::SoftBreak | Event::HardBreak => literal.push('\n'),
            Event::Html(h) | Event::InlineHtml(h) => {
                assert!(h.starts_with("<!--"), "raw HTML: {h}");
            }
            Event::Code(c) => panic!("a value became code: {c}"),
            Event::Start(Tag::Link { .. }) => panic!("a value became a link"),
            _ => {}
        }
    }
    let long_name = "Very Long Business Name ".repeat(40);
    for value in [
        "*Acme* <b>#1</b> {{x}} [link](http://evil.example) `code` | a | b |",
        "مرحبا بالعالم שלום עולם 🎨🚀 Zoë",
        "# Not a heading\n- not a list\n1. not numbered\n> not a quote\n---",
        long_name.trim(),
        "<script>alert(1)</script> &amp; \\*escaped\\* ___ ~~~ ```",
        "{{freelancer.name}} {{#if x}}y{{/if}} Maya",
        "[Proposal](javascript:alert(1)) **7** <i>dated</i> {{date agreement.date}}",
        "Site by <a href=\"http://evil.example\">*Evil*</a> {{credit.line}}",
    ] {
        assert!(
            literal.contains(value),
            "{value:?} does not appear literally"
        );
    }
    let plain = run(&mut clausewright(&["build", FIRST_TIME, "-o", "-"]));
    // The example's notice of the Illinois freelancer law needs the place as a profile gives
    // it; the hostile file writes the place as free text, which no such law reaches.
    let numberless = |headings: Vec<String>| -> Vec<String> {
        headings
            .into_iter()
            .filter(|h| !h.ends_with("Notice of Rights Under Freelance Worker Laws"))
            .map(|h| {
                h.split_once(". ")
                    .map_or(h.clone(), |(_, title)| title.to_owned())
            })
            .collect()
    };
    assert_eq!(
        numberless(headings(&outcome.stdout)),
        numberless(headings(&plain.stdout)),
        "the same headings"
    );

    // The PDF font has no Arabic, Hebrew or emoji: the PDF is refused at the answer.
    let dir = tempfile::tempdir().unwrap();
    let pdf = run(&mut clausewright(&[
        "build",
        HOSTILE,
        "-o",
        dir.path().to_str().unwrap(),
    ]));
    assert_eq!(
        pdf.transcript(),
        "error: `client.contact` holds the character 'م' (U+0645), which the PDF font cannot show\n  --> tests/fixtures/hostile/answers.yaml:11:13\n   |\n11 |   contact: \"مرحبا بالعالم שלום עולם 🎨🚀 Zoë\"\n   |             ^\n\n1 error, 0 warnings\nexit: 1\n"
    );
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        0,
        "nothing is written"
    );
}

/// The body of the section whose heading ends with `title`, up to the next heading.
fn section<'m>(markdown: &'m str, title: &str) -> &'m str {
    let start = markdown
        .match_indices("\n## ")
        .map(|(i, _)| i + 1)
        .find(|&i| {
            markdown[i..]
                .lines()
                .next()
                .is_some_and(|l| l.ends_with(title))
        })
        .unwrap_or_else(|| panic!("no section `{title}`"));
    let body = &markdown[start..];
    let end = body[3..].find("\n## ").map_or(body.len(), |i| i + 3);
    &body[..end]
}

#[test]
fn the_kill_fee_clause_credits_the_deposit_against_the_cancellation_fee() {
    let library = built_in();
    let base = base_answers(&library);
    let silent = "Ending the Agreement When the Client Goes Silent";

    // A 20% cancellation fee: the Deposit's excess over the work done pays it first.
    let markdown = build(library.clone(), base.clone());
    let clause = section(&markdown, silent);
    assert!(
        clause.contains(
            "the Client pays the Ending Payment set out in section 16: the greater of the Work Value plus the Cancellation Fee and the Deposit of $3,200.00, plus in either case the extra work and expenses due."
        ),
        "{clause}"
    );
    assert!(clause.contains(
        "The part of the Deposit beyond the Work Value is credited against the Cancellation Fee, so the Client pays a Cancellation Fee only to the extent that the Deposit does not already cover it."
    ));
    // The old double recovery: the whole Deposit kept on top of the kill fee.
    assert!(!markdown.contains("even if it is more than the value of the work done"));
    let ending = section(&markdown, "16. Ending the Agreement");
    assert!(ending.contains(
        "The “**Cancellation Fee**” is twenty percent (20%) of the part of the Fee not yet earned on that day, that is, the Fee less the Work Value."
    ));

    // No cancellation fee: the Deposit is credited against the work done alone.
    let mut none = base.clone();
    none.set("kill_fee.percent", Value::Number(0.into()));
    let markdown = build(library.clone(), none);
    let clause = section(&markdown, silent);
    assert!(clause.contains("the greater of the Work Value and the Deposit of $3,200.00"));
    assert!(clause.contains(
        "The Deposit is credited against the Work Value, and the Client pays only the part of the Work Value that the Deposit does not cover."
    ));
    assert!(
        !markdown.contains("Cancellation Fee"),
        "no fee, no defined term"
    );

    // The whole fee in advance: only half of it is the non-refundable Deposit.
    let mut advance = base;
    advance.set("deposit.percent", Value::Number(100.into()));
    let markdown = build(library, advance);
    assert!(section(&markdown, silent).contains("and the Deposit of $3,200.00,"));
    assert!(
        section(&markdown, "Payment in Advance")
            .contains("Half of the Advance Payment, $3,200.00, is a deposit (the “**Deposit**”).")
    );
}

#[test]
fn deliveries_are_accepted_in_writing_by_silence_or_by_use_and_acceptance_triggers_the_balance() {
    let library = built_in();
    let mut answers = base_answers(&library);
    answers.set("acceptance.review_days", Value::Integer(8));
    let markdown = build(library, answers);
    let acceptance = section(&markdown, "3. Delivery and Acceptance");
    for words in [
        "The Client then has eight (8) business days after the delivery (the “**Review Period**”) to do one of the following:",
        "each way in which the Deliverable does not match the Scope (a “**Defect Notice**”)",
        "- the day the Client accepts it in writing;",
        "- the last day of its Review Period, if by then the Client has sent no Defect Notice and asked for no revision round; and",
        "- the day the Client publishes the Deliverable or uses it in its business, other than to test it.",
        "The Project is complete on the day the last Deliverable in the Scope is accepted (the “**Completion Date**”).",
    ] {
        assert!(acceptance.contains(words), "{words:?} in:\n{acceptance}");
    }
    // The old completion by the Designer's say-so is gone; the balance waits for acceptance.
    assert!(!markdown.contains("The Project is complete when the Designer tells the Client"));
    assert!(section(&markdown, "5. Deposit").contains(
        "The Designer invoices the balance of the Fee, which is $3,200.00, after the Completion Date defined in section 3"
    ));
    assert!(section(&markdown, "2. The Project and Its Scope").contains(
        "The Fee includes two (2) revision rounds for the Project as a whole, whichever Deliverables they concern."
    ));
}

#[test]
fn a_company_is_named_as_the_party_and_signs_by_a_named_officer() {
    let library = built_in();
    let mut answers = base_answers(&library);
    answers.set("freelancer.kind", text("company"));
    answers.set("freelancer.business", text("Prairie Pixel Studio LLC"));
    answers.set(
        "freelancer.entity",
        text("an Illinois limited liability company"),
    );
    answers.set("freelancer.title", text("Managing Member"));
    let markdown = build(library.clone(), answers.clone());
    let parties = section(&markdown, "1. Parties and Effective Date");
    assert!(parties.contains(
        "- Prairie Pixel Studio LLC, an Illinois limited liability company, represented by Maya Lindqvist; postal address:"
    ));
    assert!(parties.contains(
        "- Capitol Bakery \\& Café LLC, an Illinois limited liability company, contact person: Daniel Ortiz; postal address:"
    ));
    // An LLC is not a trade name.
    assert!(!markdown.contains("trading as Prairie Pixel Studio LLC"));
    let signatures = section(&markdown, "Signatures");
    assert!(signatures.contains(
        "**The Designer: Prairie Pixel Studio LLC**\n\nBy: ______________________________\n\nName: Maya Lindqvist\n\nTitle: Managing Member\n\nDate: ______________________________"
    ), "{signatures}");
    assert!(signatures.contains(
        "**The Client: Capitol Bakery \\& Café LLC**\n\nBy: ______________________________\n\nName: Daniel Ortiz\n\nTitle: Owner\n\nDate: ______________________________"
    ), "{signatures}");
    assert!(section(&markdown, "Promises by Each Party").contains(
        "Each party promises that it has the power to enter into this Agreement, and that the person who signs it on that party’s behalf has the authority to do so."
    ));

    // A person signs in their own name, without "By:"; a trading name follows the name.
    answers.set("client.kind", text("sole-trader"));
    answers.set("client.name", text("Daniel Ortiz"));
    answers.set("client.trade_name", text("Capitol Bakery"));
    answers.remove("client.contact");
    answers.remove("client.entity");
    answers.remove("client.title");
    let markdown = build(library, answers);
    assert!(
        section(&markdown, "1. Parties and Effective Date")
            .contains("- Daniel Ortiz, an individual trading as Capitol Bakery; postal address:")
    );
    assert!(section(&markdown, "Signatures").contains(
        "**The Client: Daniel Ortiz, trading as Capitol Bakery**\n\nSignature: ______________________________\n\nName: Daniel Ortiz\n\nDate:"
    ));
}

#[test]
fn the_terms_are_linted_at_their_answers_and_deny_warnings_writes_nothing() {
    const TERMS: &str = "tests/fixtures/terms/answers.yaml";
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().to_str().unwrap();
    // Each finding is a warning at the line and column of its answer; the contract is written.
    let warned = run(&mut clausewright(&[
        "build", TERMS, "-o", out, "--format", "md",
    ]));
    assert_eq!(warned.code, 0, "{}", warned.stderr);
    let findings: String = warned.stderr.split("included ").next().unwrap().to_owned();
    let mut differences = Vec::new();
    differences.extend(golden(
        &root().join("tests/fixtures/terms/warnings.txt"),
        &findings,
    ));
    for (line, words) in [
        (
            30,
            "warning: work starts on February 27, 2026, before the agreement's date",
        ),
        (
            45,
            "warning: the fee of $80.00 is less than one hour at the hourly rate of $85.00",
        ),
        (
            50,
            "warning: the balance can fall due 44 days after the last delivery",
        ),
        (
            54,
            "warning: interest of 2% a month is 24% a year, above 18%",
        ),
        (
            57,
            "warning: the kill fee's silence is 10 business days, shorter than",
        ),
        (
            58,
            "warning: the deposit kept (50% of the fee) plus the cancellation fee (60%) is 110%",
        ),
    ] {
        let at = findings
            .find(words)
            .unwrap_or_else(|| panic!("{words}:\n{findings}"));
        assert!(
            findings[at..].contains(&format!("--> {TERMS}:{line}:")),
            "{words} is placed at line {line}"
        );
    }
    assert_eq!(findings.matches("warning: ").count(), 6);
    assert!(
        dir.path()
            .join("capitol-bakery-cafe-llc-contract.md")
            .exists()
    );

    // --deny-warnings: the same findings as errors, exit 1, nothing written.
    let strict = tempfile::tempdir().unwrap();
    let denied = run(&mut clausewright(&[
        "build",
        TERMS,
        "-o",
        strict.path().to_str().unwrap(),
        "--deny-warnings",
    ]));
    assert_eq!(denied.code, 1);
    assert_eq!(
        denied.stderr.matches("error: ").count(),
        6,
        "{}",
        denied.stderr
    );
    assert!(
        denied.stderr.ends_with("6 errors, 0 warnings\n"),
        "{}",
        denied.stderr
    );
    assert!(!denied.stderr.contains("warning: "));
    assert_eq!(
        std::fs::read_dir(strict.path()).unwrap().count(),
        0,
        "nothing is written"
    );

    // The examples' own terms are clean, so --deny-warnings builds them.
    let clean = run(&mut clausewright(&[
        "build",
        FIRST_TIME,
        "-o",
        "-",
        "--deny-warnings",
    ]));
    assert_eq!(clean.code, 0, "{}", clean.stderr);
    assert!(!clean.stderr.contains("warning"));
    assert_no_differences(&differences);
}

#[test]
fn explain_writes_a_cover_note_beside_the_contract_in_each_format() {
    let dir = tempfile::tempdir().unwrap();
    let outcome = run(&mut clausewright(&[
        "build",
        "examples/repeat-good-payer.yaml",
        "-o",
        dir.path().to_str().unwrap(),
        "--explain",
    ]));
    assert_eq!(outcome.code, 0, "{}", outcome.stderr);
    let mut names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            "priya-raman-contract.md",
            "priya-raman-contract.pdf",
            "priya-raman-cover-note.md",
            "priya-raman-cover-note.pdf"
        ]
    );
    let note = std::fs::read_to_string(dir.path().join("priya-raman-cover-note.md")).unwrap();
    assert!(note.starts_with("# Cover note: Web Design Services Agreement with Priya Raman\n"));
    assert!(note.contains(
        "- **10. Ending the Agreement When the Client Goes Silent:** End the work of a silent client after a warning, and be paid.\n"
    ), "{note}");
    assert!(note.contains("## Left out\n\n"));
    assert!(note.contains("\n- **Credit:** Your credit line"));
    let pdf = dir.path().join("priya-raman-cover-note.pdf");
    let text = crate::pdf::pdf_words(
        &pdf,
        "Cover note: Web Design Services Agreement with Priya Raman",
    );
    assert!(
        text.join(" ")
            .contains("Your credit line on the finished work")
    );
    // One page, as the reader's PDF tool counts it.
    let info = crate::pdf::tool("pdfinfo", &[], &pdf);
    assert!(
        info.lines()
            .any(|l| l.starts_with("Pages:") && l.split_whitespace().nth(1) == Some("1")),
        "{info}"
    );

    // The note goes beside the contract, so standard output cannot take it.
    let stdout = run(&mut clausewright(&[
        "build",
        FIRST_TIME,
        "-o",
        "-",
        "--explain",
    ]));
    assert_eq!(stdout.code, 2);
    assert!(
        stdout
            .stderr
            .contains("--explain writes the cover note beside the contract"),
        "{}",
        stdout.stderr
    );
}

#[test]
fn the_rate_multiplier_is_bounded_rather_than_overflowing() {
    // A multiplier near Decimal's limit made the multiplication panic (exit 101).
    for (multiplier, message) in [
        (
            "79228162514264337593543950335",
            "`79228162514264337593543950335` is more than 10, the largest multiplier",
        ),
        ("1e3", "`1e3` is not a number; write it like 2 or 1.5"),
        ("-2", "`-2` must be more than zero"),
        ("1.00005", "`1.00005` has more than four decimal places"),
    ] {
        let outcome = run(&mut clausewright(&[
            "build",
            "examples/repeat-late-payer.yaml",
            "--late-payer",
            "--rate-multiplier",
            multiplier,
            "-o",
            "-",
        ]));
        assert_eq!(outcome.code, 2, "{multiplier}: {}", outcome.stderr);
        assert!(outcome.stderr.contains(message), "{}", outcome.stderr);
        assert!(!outcome.stderr.contains("panicked"), "{}", outcome.stderr);
    }
}

#[test]
fn the_itemized_scope_and_the_milestones_state_their_amounts_and_tie_the_invoices() {
    let library = built_in();
    let text = std::fs::read_to_string(root().join(FIRST_TIME)).unwrap();
    let answers = answers::parse(FIRST_TIME, &text, &library).unwrap();
    let markdown = build(library.clone(), answers.clone());
    let scope = section(&markdown, "2. The Project and Its Scope");
    for words in [
        "(the “**Scope**”):\n\n- Design of a visual style for the website (colours, type and page layouts): $1,200.00\n- Build of five responsive WordPress pages (home, menu, catering, about and contact): $3,600.00\n",
        "- Launch on the Client's existing hosting account: $600.00\n\nThe amount shown beside each deliverable is its price: the part of the Fee that pays for it. The prices add up to the Fee.\n",
    ] {
        assert!(scope.contains(words), "{words:?} in:\n{scope}");
    }
    // Without an hourly rate, the work done is valued deliverable by deliverable.
    let mut fixed_price = answers.clone();
    fixed_price.remove("fees.hourly_rate");
    assert!(section(&build(library.clone(), fixed_price), "4. Fees").contains(
        "the work in the Scope is valued at the price of each deliverable in the Scope that is finished by that date, plus, for each one in progress, the part of its price that matches the share of it completed, as the Designer reasonably assesses it;"
    ));
    let milestones = section(&markdown, "6. Milestones and Milestone Payments");
    for words in [
        "| Milestone | Target date | Milestone Payment |\n| --- | --- | --- |\n| Visual style and page designs approved | April 3, 2026 | $1,600.00 |\n| Website launched | April 24, 2026 | $1,600.00 |\n",
        "The Deposit and the Milestone Payments add up to the Fee, so no balance of the Fee is left to pay at the end of the Project.",
        "A Milestone is reached on the day the Client accepts, under section 3, the last of the Deliverables that the Designer delivers for it. The Designer invoices each Milestone Payment within five (5) business days after its Milestone is reached, and the Client pays it as section 7 provides.",
    ] {
        assert!(milestones.contains(words), "{words:?} in:\n{milestones}");
    }
    assert!(section(&markdown, "5. Deposit").contains(
        "The rest of the Fee, which is $3,200.00, is paid in the Milestone Payments that section 6 sets out."
    ));
    assert!(!markdown.contains("invoices the balance of the Fee"));
    assert!(section(&markdown, "7. Invoices and Payment").contains(
        "the invoice for each Milestone Payment within five (5) business days after its Milestone is reached, as section 6 provides;"
    ));

    // A late payer: the fee doubles to $12,800.00 and the deposit stays half of it; the prices
    // and the payments follow, so that they still add up.
    let options = PrepareOptions {
        date: None,
        today: None,
        late_payer: true,
        rate_multiplier: 2.into(),
        language: None,
    };
    let prepared = prepare::prepare(library, answers, &options).unwrap();
    let contract = assemble::assemble(&prepared.library, &prepared.answers);
    let late = render::render(&contract, &prepared.answers, Locale::EnUs).unwrap();
    assert!(late.contains("- Build of five responsive WordPress pages (home, menu, catering, about and contact): $7,200.00\n"));
    assert!(
        late.contains("| Website launched | April 24, 2026 | $3,200.00 |\n"),
        "{late}"
    );
}
