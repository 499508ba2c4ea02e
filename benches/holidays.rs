//! Benchmarks of the public-holiday calendars, run with `cargo bench --bench holidays`.
//!
//! Business days skip the public holidays of the contract's place (#13). The question is
//! whether that costs `build` or `chase` anything measurable, so each figure below is the
//! median of many runs in process, after a warm-up, beside the same work without holidays:
//! - loading a calendar from the embedded table (once per run of `build` or `chase`);
//! - counting fifteen business days forward, as a kill fee's silence or a chase step does,
//!   with the holidays of Illinois and with weekends only;
//! - sixty steps of one to five business days each, more date arithmetic than any `chase`;
//! - the whole Markdown build of the first-time example (Illinois) and of the same answers under
//!   the `other` profile, which has no holiday calendar.

use std::hint::black_box;
use std::time::Duration;

use clausewright::format::Locale;
use clausewright::holidays::Calendar;
use clausewright::library::{self, SourceFile};
use clausewright::prepare::{self, PrepareOptions};
use clausewright::{answers, assemble, render};
use jiff::civil::date;

mod support;

/// The median time of `work`, printed in microseconds.
fn measure(name: &str, runs: usize, work: impl FnMut()) -> Duration {
    let median = support::median_time(runs, work);
    println!("{name:<64} {:>10.2} µs", median.as_secs_f64() * 1e6);
    median
}

/// Renders a contract from library files and answers text, as `build` does.
fn build(files: &[SourceFile], answers_text: &str) -> String {
    let library = library::load(files).into_library().expect("library loads");
    let answers =
        answers::parse("answers.yaml", answers_text, &library).expect("answers are valid");
    let options = PrepareOptions {
        date: None,
        today: None,
        late_payer: false,
        rate_multiplier: 2.into(),
        language: None,
    };
    let prepared = prepare::prepare(library, answers, &options).expect("prepared");
    let contract = assemble::assemble(&prepared.library, &prepared.answers);
    render::render(&contract, &prepared.answers, Locale::EnUs).expect("renders")
}

fn main() {
    measure("load the Illinois calendar (US-IL)", 2_000, || {
        black_box(Calendar::load("US-IL").expect("known"));
    });
    let illinois = Calendar::load("US-IL").expect("known");
    let weekends = Calendar::weekends_only();
    // Friday 22 May 2026: fifteen business days later crosses Memorial Day.
    let start = date(2026, 5, 22);
    assert_eq!(
        illinois.add_business_days(start, 15).unwrap(),
        date(2026, 6, 15)
    );
    assert_eq!(
        weekends.add_business_days(start, 15).unwrap(),
        date(2026, 6, 12)
    );
    let with = measure("15 business days, Illinois holidays", 20_000, || {
        black_box(illinois.add_business_days(black_box(start), 15).unwrap());
    });
    let without = measure("15 business days, weekends only", 20_000, || {
        black_box(weekends.add_business_days(black_box(start), 15).unwrap());
    });
    println!(
        "{:<64} {:>10.2} µs",
        "  holidays add",
        (with.as_secs_f64() - without.as_secs_f64()) * 1e6
    );
    let ladder = |calendar: &Calendar| {
        let mut day = start;
        for step in 0..60_u32 {
            day = calendar.add_business_days(day, 1 + step % 5).unwrap();
        }
        day
    };
    measure("a ladder of 60 steps, Illinois holidays", 2_000, || {
        black_box(ladder(&illinois));
    });
    measure("a ladder of 60 steps, weekends only", 2_000, || {
        black_box(ladder(&weekends));
    });
    let files = library::built_in_files();
    let illinois_answers = std::fs::read_to_string("examples/first-time-us.yaml").expect("example");
    let other_answers = illinois_answers.replace(
        "  country: US\n  region: IL\n  venue: Sangamon County\n",
        "  country: other\n  law: the State of Illinois\n  courts: the courts of Sangamon County, Illinois\n",
    );
    assert_ne!(
        other_answers, illinois_answers,
        "the example names Illinois"
    );
    measure(
        "build: first-time contract, Illinois (holidays)",
        200,
        || {
            black_box(build(&files, &illinois_answers));
        },
    );
    measure(
        "build: same answers, `other` profile (no holidays)",
        200,
        || {
            black_box(build(&files, &other_answers));
        },
    );
}
