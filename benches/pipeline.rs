//! Benchmarks of the pipeline, run with `cargo bench --bench pipeline`.
//!
//! Each figure is the median of many runs in process, after a warm-up:
//! - build: the first-time example's answers validated, assembled and rendered to the Markdown
//!   contract from the built-in library, as `build` does (target: under 5 ms). The built-in
//!   library is loaded once per process and its templates compiled when first rendered, so
//!   after the warm-up this is the cost of one more contract;
//! - the first contract of a process: `build --format md` run in process, from its command
//!   line to the file written, in a fresh process each time (the bench starts itself again
//!   for each run), so the library is loaded and the templates thawed as a real run does;
//!   what the operating system spends starting the process is not counted (target: under
//!   5 ms);
//! - the same contract from the library's files, loaded and checked each time, as
//!   `build --clauses DIR` does (target: under 50 ms);
//! - build of a generated 300-section library (target: under 50 ms);
//! - check of the built-in library (target: under 50 ms) and of a generated library of
//!   1,000 clause files (target: under 1 s).

use std::hint::black_box;
use std::time::{Duration, Instant};

use clap::FromArgMatches as _;
use clausewright::library::{self, SourceFile};
use clausewright::prepare::{self, PrepareOptions};
use clausewright::{answers, assemble, check, lint, render};

mod support;

/// Measures `work` when no filter is given (`cargo bench --bench pipeline -- FILTER`) or the
/// name holds the filter; `Duration::ZERO` for a bench left out.
fn measure(name: &str, target: Duration, runs: usize, work: impl FnMut()) -> Duration {
    let filter = std::env::args()
        .skip(1)
        .find(|a| !a.starts_with('-'))
        .unwrap_or_default();
    if !name.contains(&filter) {
        return Duration::ZERO;
    }
    let median = support::median_time(runs, work);
    let verdict = if median <= target { "ok" } else { "SLOW" };
    println!(
        "{name:<48} {:>9.3} ms  (target {:>6.1} ms)  {verdict}",
        median.as_secs_f64() * 1e3,
        target.as_secs_f64() * 1e3
    );
    median
}

/// Renders a contract from library files and answers text, as `build --clauses DIR` does:
/// the library loaded and checked from its files.
fn build(files: &[SourceFile], answers_text: &str) -> String {
    let library = library::load(files).into_library().expect("library loads");
    build_from(library, answers_text, None)
}

/// Renders a contract from the built-in library as `build --lang LANGUAGE` does (`None`: the
/// answers' language): the library is loaded once per process, its templates compiled when
/// first rendered.
fn build_in(answers_text: &str, language: Option<&str>) -> String {
    let library = library::built_in().expect("the built-in library loads");
    build_from(library, answers_text, language)
}

fn build_from(library: library::Library, answers_text: &str, language: Option<&str>) -> String {
    let answers =
        answers::parse("answers.yaml", answers_text, &library).expect("answers are valid");
    let options = PrepareOptions {
        date: None,
        today: None,
        late_payer: false,
        rate_multiplier: 2.into(),
        language: language.map(|l| l.parse().expect("a language")),
    };
    let prepared = prepare::prepare(library, answers, &options).expect("prepared");
    // `build` lints the terms before it writes anything.
    let findings = lint::lint(
        "answers.yaml",
        answers_text,
        &prepared.answers,
        &prepared.library,
    );
    black_box(findings);
    let contract = assemble::assemble(&prepared.library, &prepared.answers);
    render::contract(&prepared, &contract).expect("renders").0
}

/// The built-in library with its clauses copied until it has `count` clause files.
fn generated_library(count: usize) -> Vec<SourceFile> {
    let built_in = library::built_in_files();
    // Letters (under letters/) are not contract clauses; the generated library has none.
    // The copies are English only, so the generated library offers no other language: the
    // language questions and the clause that names the prevailing language are left out.
    let (mut declarations, clauses): (Vec<_>, Vec<_>) = built_in
        .into_iter()
        .filter(|f| f.relative == library::LIBRARY_FILE || library::is_clause_file(&f.relative))
        .filter(|f| !f.relative.ends_with("-languages.yaml"))
        .partition(|f| f.relative == library::LIBRARY_FILE);
    for declaration in &mut declarations {
        declaration.text = without_language_questions(&declaration.text);
    }
    let ids: Vec<String> = clauses
        .iter()
        .filter_map(|f| f.text.lines().find_map(|l| l.strip_prefix("id: ")))
        .map(str::to_owned)
        .collect();
    let mut files = declarations;
    let count = count.div_ceil(clauses.len()) * clauses.len();
    for n in 0..count {
        let template = &clauses[n % clauses.len()];
        let copy = n / clauses.len();
        let text = template
            .text
            .lines()
            .map(|line| {
                if let Some(id) = line.strip_prefix("id: ") {
                    format!("id: {id}-{copy}")
                } else if let Some(order) = line.strip_prefix("order: ") {
                    let order: i64 = order.parse().unwrap();
                    format!("order: {}", order + 1000 * i64::try_from(copy).unwrap())
                } else {
                    // Cross-references stay within the same copy, so every one resolves.
                    ids.iter().fold(line.to_owned(), |line, id| {
                        line.replace(
                            &format!("{{{{section \"{id}\"}}}}"),
                            &format!("{{{{section \"{id}-{copy}\"}}}}"),
                        )
                    })
                }
            })
            .collect::<Vec<_>>()
            .join("\n");
        files.push(SourceFile {
            relative: format!("{n:04}-{}", template.relative),
            display: format!("generated/{n:04}-{}", template.relative),
            text,
        });
    }
    files
}

/// `library.yaml` without the questions `agreement.language` and `agreement.prevailing`.
fn without_language_questions(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut skipping = false;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim_start();
        if let Some(key) = trimmed.strip_prefix("- key: ") {
            skipping = matches!(key.trim(), "agreement.language" | "agreement.prevailing");
        } else if !line.starts_with("      ") && !trimmed.is_empty() {
            skipping = false;
        }
        if !skipping {
            out.push_str(line);
        }
    }
    out
}

/// Set in a child process of the bench: the answers file its one run builds.
const FIRST_RUN: &str = "CLAUSEWRIGHT_BENCH_FIRST_RUN";

/// In a child process: runs `build ANSWERS --format md` once, as the binary does, and prints
/// how long it took in nanoseconds.
fn first_run(answers: &str) {
    let out = std::env::temp_dir().join(format!("clausewright-bench-{}.md", std::process::id()));
    let started = Instant::now();
    let matches = clausewright::run::command()
        .try_get_matches_from([
            "clausewright",
            "build",
            answers,
            "--format",
            "md",
            "-o",
            out.to_str().expect("a UTF-8 temporary folder"),
            "--force",
        ])
        .expect("the command line parses");
    let cli = clausewright::cli::Cli::from_arg_matches(&matches).expect("the command line reads");
    let code = clausewright::run::run(cli).expect("the build runs");
    let took = started.elapsed();
    assert_eq!(code, 0);
    std::fs::remove_file(&out).expect("the contract was written");
    println!("{}", took.as_nanos());
}

/// The median of `runs` first contracts, each in a fresh process.
fn first_contract(answers: &str, runs: usize) {
    let exe = std::env::current_exe().expect("the bench knows its own path");
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let output = std::process::Command::new(&exe)
                .env(FIRST_RUN, answers)
                .output()
                .expect("the bench starts itself");
            assert!(output.status.success(), "{output:?}");
            // The time is the child's last line (a build may print before it).
            let nanos: u64 = String::from_utf8_lossy(&output.stdout)
                .lines()
                .last()
                .and_then(|line| line.trim().parse().ok())
                .expect("the child prints its time");
            Duration::from_nanos(nanos)
        })
        .collect();
    times.sort();
    let median = times[times.len() / 2];
    let target = Duration::from_millis(5);
    println!(
        "{:<48} {:>9.3} ms  (target {:>6.1} ms)  {}",
        "build: first contract of a process",
        median.as_secs_f64() * 1e3,
        target.as_secs_f64() * 1e3,
        if median <= target { "ok" } else { "SLOW" }
    );
}

fn main() {
    if let Ok(answers) = std::env::var(FIRST_RUN) {
        first_run(&answers);
        return;
    }
    let filter = std::env::args()
        .skip(1)
        .find(|a| !a.starts_with('-'))
        .unwrap_or_default();
    if "build: first contract of a process".contains(&filter) {
        first_contract("examples/first-time-us.yaml", 40);
    }
    let files = library::built_in_files();
    let answers_text = std::fs::read_to_string("examples/first-time-us.yaml").expect("example");
    measure(
        "build: first-time contract to Markdown",
        Duration::from_millis(5),
        200,
        || {
            black_box(build_in(&answers_text, None));
        },
    );
    // The same contract from the library's files (`--clauses`), loaded and checked each time.
    measure(
        "build: the same from the library's files",
        Duration::from_millis(50),
        50,
        || {
            black_box(build(&files, &answers_text));
        },
    );
    // A Turkish or bilingual build stays within 1.5 times the same contract built in English.
    for (file, other) in [
        ("examples/tr-istanbul.yaml", "tr"),
        ("examples/bilingual-us-client.yaml", "en+tr"),
    ] {
        let text = std::fs::read_to_string(file).expect("example");
        let english = measure(
            &format!("build --lang en: {file}"),
            Duration::from_millis(5),
            200,
            || {
                black_box(build_in(&text, Some("en")));
            },
        );
        let translated = measure(
            &format!("build --lang {other}: {file}"),
            english.mul_f64(1.5),
            200,
            || {
                black_box(build_in(&text, Some(other)));
            },
        );
        // A filter that leaves either out leaves no ratio to give.
        if !english.is_zero() && !translated.is_zero() {
            println!(
                "{:<48} {:>9.2} x   (target    1.5 x)",
                format!("  {other} / en"),
                translated.as_secs_f64() / english.as_secs_f64()
            );
        }
    }
    // The generated library asks no language question, so its answers give none.
    let answers_text: String = answers_text
        .split_inclusive('\n')
        .filter(|line| line.trim() != "language: en")
        .collect();
    let big = generated_library(450);
    let sections = build(&big, &answers_text).matches("\n## ").count();
    assert!(
        sections >= 250,
        "the generated contract has {sections} sections"
    );
    measure(
        &format!("build: generated library ({sections} sections)"),
        Duration::from_millis(50),
        30,
        || {
            black_box(build(&big, &answers_text));
        },
    );
    measure(
        "check: built-in library",
        Duration::from_millis(50),
        100,
        || {
            let diagnostics = check::check(&files);
            assert!(diagnostics.is_empty());
            black_box(diagnostics);
        },
    );
    let thousand = generated_library(1000);
    measure(
        "check: generated library of 1,000 clause files",
        Duration::from_secs(1),
        10,
        || {
            let diagnostics = check::check(&thousand);
            assert!(diagnostics.is_empty(), "{}", diagnostics[0]);
            black_box(diagnostics);
        },
    );
}
