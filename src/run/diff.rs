//! `clausewright diff`: reads two contracts (answers files or built Markdown), prints what
//! changed, and with `--format docx` writes the later contract with its changes tracked.

use std::io::Write as _;
use std::path::{Path, PathBuf};

use crate::answers;
use crate::assemble;
use crate::cli::{DiffArgs, DiffFormat};
use crate::diff::{self, Diff};
use crate::error::Error;
use crate::model::Value;
use crate::model::keys::{AGREEMENT_DATE, FREELANCER_NAME};
use crate::output;
use crate::pdf::PdfMeta;
use crate::prepare::{self, PrepareOptions, Prepared, pdf_meta};
use crate::render;

use super::{library_paths, load_library, read_text, source_date_epoch, today_if_needed};

/// What one side of the comparison is: its name, its contract's Markdown, and the prepared
/// answers when it was an answers file.
struct Side {
    name: String,
    markdown: String,
    prepared: Option<Prepared>,
}

/// Whether `path` names an answers file (YAML) rather than a built contract (Markdown).
fn is_answers(path: &Path) -> Result<bool, Error> {
    let extension = path
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase());
    match extension.as_deref() {
        Some("yaml" | "yml") => Ok(true),
        Some("md" | "markdown") => Ok(false),
        _ => Err(Error::Usage(format!(
            "{}: diff compares answers files (.yaml) or built contracts (.md); this is neither",
            path.display()
        ))),
    }
}

fn read_side(path: &Path, answers_file: bool, args: &DiffArgs) -> Result<Side, Error> {
    let name = path.display().to_string();
    let text = read_text(path)?;
    if !answers_file {
        return Ok(Side {
            name,
            markdown: text,
            prepared: None,
        });
    }
    let library = load_library(args.clauses.as_deref())?;
    let answers = answers::parse(&name, &text, &library)?;
    let options = PrepareOptions {
        date: args.date,
        today: today_if_needed(&library, &answers, args.date)?,
        late_payer: false,
        rate_multiplier: rust_decimal::Decimal::TWO,
        language: None,
    };
    let prepared = prepare::prepare(library, answers, &options)?;
    let contract = assemble::assemble(&prepared.library, &prepared.answers);
    let markdown = render::render_spelled(
        &contract,
        &prepared.answers,
        prepared.locale(),
        prepared.american_spelling(),
    )?;
    Ok(Side {
        name,
        markdown,
        prepared: Some(prepared),
    })
}

/// Runs `diff`.
pub(crate) fn run_diff(args: &DiffArgs) -> Result<i32, Error> {
    let kinds = (is_answers(&args.old)?, is_answers(&args.new)?);
    if kinds.0 != kinds.1 {
        return Err(Error::Usage(
            "diff compares two answers files or two built contracts, not one of each".into(),
        ));
    }
    if args.format == DiffFormat::Docx && args.output.is_none() {
        return Err(Error::Usage(
            "--format docx writes a Word document: give -o the file to write".into(),
        ));
    }
    let old = read_side(&args.old, kinds.0, args)?;
    let new = read_side(&args.new, kinds.1, args)?;
    let terms = match (&old.prepared, &new.prepared) {
        (Some(before), Some(after)) => diff::terms(before, after),
        _ => Vec::new(),
    };
    let diff = diff::diff(&old.markdown, &new.markdown, terms);
    let report = diff::report(&diff, &old.name, &new.name);
    if let Some(path) = &args.output {
        let bytes = tracked(&diff, &new, args)?;
        let mut inputs = vec![args.old.as_path(), args.new.as_path()];
        let library = library_paths(args.clauses.as_deref());
        inputs.extend(library.iter().map(PathBuf::as_path));
        output::write_all(&[(path.clone(), bytes)], args.force, &inputs)?;
    }
    let mut stdout = std::io::stdout().lock();
    stdout
        .write_all(report.as_bytes())
        .and_then(|()| stdout.flush())
        .map_err(|source| Error::Io {
            path: PathBuf::from("<stdout>"),
            source,
        })?;
    if let Some(path) = &args.output {
        eprintln!("wrote {}", path.display());
    }
    Ok(0)
}

/// The later contract as a Word document with the changes tracked, by its freelancer (or
/// "clausewright" for Markdown) on its agreement date (or `SOURCE_DATE_EPOCH`'s, or today).
fn tracked(diff: &Diff, new: &Side, args: &DiffArgs) -> Result<Vec<u8>, Error> {
    let epoch = source_date_epoch()?;
    let (meta, author) = if let Some(prepared) = &new.prepared {
        let author = prepared
            .answers
            .get(FREELANCER_NAME)
            .map_or_else(|| "clausewright".to_owned(), ToString::to_string);
        (pdf_meta(prepared, epoch), author)
    } else {
        let title = new
            .markdown
            .lines()
            .find_map(|l| l.strip_prefix("# "))
            .unwrap_or_default()
            .to_owned();
        let seconds = epoch.unwrap_or_else(|| jiff::Timestamp::now().as_second());
        let meta = PdfMeta {
            title,
            created_unix_seconds: seconds,
            ..PdfMeta::default()
        };
        (meta, "clausewright".to_owned())
    };
    let date = match (&new.prepared, epoch) {
        (Some(prepared), None) => match prepared.answers.get(AGREEMENT_DATE) {
            Some(Value::Date(date)) => format!("{date}T00:00:00Z"),
            _ => stamp(meta.created_unix_seconds),
        },
        _ => stamp(meta.created_unix_seconds),
    };
    Ok(crate::docx::tracked(
        diff,
        &meta,
        args.paper.into(),
        &author,
        &date,
    ))
}

/// Seconds since the epoch as an ISO 8601 UTC time.
fn stamp(seconds: i64) -> String {
    jiff::Timestamp::from_second(seconds)
        .unwrap_or(jiff::Timestamp::UNIX_EPOCH)
        .strftime("%Y-%m-%dT%H:%M:%SZ")
        .to_string()
}
