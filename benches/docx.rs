//! Markdown → DOCX bytes speed and size, for the first-time client's contract and for a long
//! generated one. The budget is 10 ms in process for a contract.
//!
//! Run with `cargo bench --bench docx`. Prints the median of many runs (see `support`).

mod support;

use std::hint::black_box;
use std::time::Duration;

use clausewright::docx::{docx, docx_columns};
use clausewright::layout::Paper;
use clausewright::library;
use clausewright::model::Language;
use clausewright::pdf::PdfMeta;
use clausewright::prepare::{self, PrepareOptions};
use clausewright::{answers, assemble, render};

/// The built-in library's contract for `examples/first-time-us.yaml`, as `build` writes it.
const FIRST_TIME: &str = include_str!("../tests/fixtures/examples/first-time-us/contract.md");
const SAMPLE: &str = include_str!("../tests/fixtures/pdf-sample/contract.md");

/// The budget for one contract.
const BUDGET: Duration = Duration::from_millis(10);

fn meta() -> PdfMeta {
    PdfMeta {
        title: "Web Design Services Agreement".into(),
        author: "Maya Lindqvist".into(),
        subject: "Contract".into(),
        created_unix_seconds: 1_772_496_000,
        ..PdfMeta::default()
    }
}

fn main() {
    let mut size = 0;
    let first_time = support::median_time(100, || {
        size = black_box(docx(
            black_box(FIRST_TIME),
            &meta(),
            Paper::Letter,
            Language::En,
        ))
        .len();
    });
    println!(
        "first-time example contract: Markdown → DOCX {:.2} ms, {:.1} KB ({})",
        ms(first_time),
        size as f64 / 1024.0,
        if first_time <= BUDGET {
            "within the 10 ms budget"
        } else {
            "OVER the 10 ms budget"
        }
    );
    let long: String = std::iter::once("# Long Services Agreement\n\n".to_owned())
        .chain((0..20).map(|k| {
            SAMPLE
                .split_once("\n## ")
                .map_or(String::new(), |(_, rest)| {
                    format!("## Part {k}\n\n## {rest}\n\n")
                })
        }))
        .collect();
    let long_time = support::median_time(10, || {
        size = black_box(docx(black_box(&long), &meta(), Paper::Letter, Language::En)).len();
    });
    println!(
        "twenty sample contracts in one: Markdown → DOCX {:.2} ms, {:.1} KB",
        ms(long_time),
        size as f64 / 1024.0
    );
    bilingual();
}

/// The rows of the bilingual example (each clause in English and in Turkish), as `build`
/// renders them.
fn bilingual_rows() -> render::Rows {
    let library = library::load(&library::built_in_files())
        .into_library()
        .expect("library loads");
    let text = std::fs::read_to_string("examples/bilingual-us-client.yaml").expect("example");
    let answers = answers::parse("answers.yaml", &text, &library).expect("valid answers");
    let options = PrepareOptions {
        date: None,
        today: None,
        late_payer: false,
        rate_multiplier: 2.into(),
        language: None,
    };
    let prepared = prepare::prepare(library, answers, &options).expect("prepared");
    let contract = assemble::assemble(&prepared.library, &prepared.answers);
    render::contract(&prepared, &contract)
        .expect("renders")
        .1
        .expect("a bilingual contract has rows")
}

/// The bilingual example as a Word document of two columns.
fn bilingual() {
    let rows = bilingual_rows();
    let mut size = 0;
    let time = support::median_time(100, || {
        size = black_box(docx_columns(
            black_box(&rows),
            &meta(),
            Paper::Letter,
            Language::En,
        ))
        .len();
    });
    println!(
        "bilingual example (en+tr, side by side): rows → DOCX {:.2} ms, {:.1} KB ({})",
        ms(time),
        size as f64 / 1024.0,
        if time <= BUDGET {
            "within the 10 ms budget"
        } else {
            "OVER the 10 ms budget"
        }
    );
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}
