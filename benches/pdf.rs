//! Markdown → PDF bytes speed and size, for the sample contract and for long generated ones.
//!
//! Run with `cargo bench --bench pdf`. Prints the best of several runs, so a busy machine
//! inflates the figures less.

use std::fmt::Write as _;
use std::hint::black_box;
use std::time::{Duration, Instant};

use clausewright::layout::{LayoutOptions, layout};
use clausewright::pdf::{PdfMeta, pdf};

const SAMPLE: &str = include_str!("../tests/fixtures/pdf-sample/contract.md");
/// The built-in library's contract for `examples/first-time-us.yaml`, as `build` writes it.
const FIRST_TIME: &str = include_str!("../tests/fixtures/examples/first-time-us/contract.md");

/// A contract of about `pages` letter pages: the sample's sections repeated and renumbered.
fn generated(pages: usize) -> String {
    let body = SAMPLE
        .split("\n## ")
        .skip(1)
        .filter(|s| !s.starts_with("Signatures"))
        .collect::<Vec<_>>();
    let mut out = String::from("# Long Services Agreement\n\n");
    // The sample's sections fill about 2.33 pages.
    let sections = pages * body.len() * 100 / 233;
    for k in 0..sections {
        let section = body[k % body.len()];
        let (_, rest) = section.split_once(". ").unwrap_or(("", section));
        let _ = write!(out, "## {}. {}\n\n", k + 1, rest.trim_end_matches("---\n"));
    }
    out
}

fn meta() -> PdfMeta {
    PdfMeta {
        title: "Services Agreement".into(),
        author: "Jane Doe".into(),
        subject: "Contract".into(),
        created_unix_seconds: 1_772_496_000,
        ..PdfMeta::default()
    }
}

/// Best time of `runs` runs of Markdown → PDF bytes, with the page count and size.
fn measure(markdown: &str, runs: usize) -> (Duration, Duration, usize, usize) {
    let mut best_layout = Duration::MAX;
    let mut best_total = Duration::MAX;
    let mut pages = 0;
    let mut size = 0;
    for _ in 0..runs {
        let start = Instant::now();
        let document = layout(black_box(markdown), &LayoutOptions::default()).expect("layout");
        let laid_out = start.elapsed();
        let bytes = pdf(&document, &meta());
        let total = start.elapsed();
        best_layout = best_layout.min(laid_out);
        best_total = best_total.min(total);
        pages = document.pages.len();
        size = black_box(bytes).len();
    }
    (best_layout, best_total, pages, size)
}

fn main() {
    // The first run opens the faces and sets up the deflate encoders, once per process (`build`
    // does that in `pdf::warm_up` while the Markdown renders; not here); measure it apart.
    let start = Instant::now();
    let _ = measure(SAMPLE, 1);
    println!(
        "first render (nothing warmed up): {:.1} ms",
        ms(start.elapsed())
    );

    let (layout_time, total, pages, size) = measure(SAMPLE, 30);
    println!(
        "sample contract: {pages} pages, layout {:.2} ms, Markdown → PDF {:.2} ms, {:.1} KB",
        ms(layout_time),
        ms(total),
        size as f64 / 1024.0
    );
    let (layout_time, total, pages, size) = measure(FIRST_TIME, 30);
    println!(
        "first-time example contract: {pages} pages, layout {:.2} ms, Markdown → PDF {:.2} ms, {:.1} KB",
        ms(layout_time),
        ms(total),
        size as f64 / 1024.0
    );
    for target in [30, 100, 300] {
        let markdown = generated(target);
        let (layout_time, total, pages, size) = measure(&markdown, 3);
        println!(
            "{pages:>4} pages: layout {:>7.1} ms, Markdown → PDF {:>7.1} ms, {:.3} ms/page, {:.0} KB",
            ms(layout_time),
            ms(total),
            ms(total) / pages as f64,
            size as f64 / 1024.0
        );
    }
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}
