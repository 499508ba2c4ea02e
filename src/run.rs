//! Runs a parsed command line: the only module that reads files, writes files and talks to the
//! terminal. Everything else is a plain function from value to value.

use std::fmt::Write as _;
use std::io::{IsTerminal, Write as _};
use std::path::{Path, PathBuf};

use include_dir::{Dir, include_dir};

use crate::answers::{self, AGREEMENT_DATE, Answers, Change, LATE_PAYER, RELATIONSHIP, Value};
use crate::assemble;
use crate::check;
use crate::cli::{BuildArgs, CheckArgs, CheckFormat, Cli, Command, ContractArgs, OutputFormat};
use crate::error::{Diagnostic, Error, Severity, count_line};
use crate::layout::{self, LayoutOptions};
use crate::library::{self, Library, SourceFile, Type};
use crate::output::{self, Destination};
use crate::pdf::{self, PdfMeta};
use crate::render;

mod chase;
mod new;

/// The built-in clause library, embedded at build time.
static BUILT_IN: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/clauses");

/// The name built-in files are shown with in messages.
const BUILT_IN_NAME: &str = "<built-in>";

/// Runs the command; returns the exit code for a run that did its job (0, or 1 when `check`
/// found errors).
pub fn run(cli: Cli) -> Result<i32, Error> {
    match cli.command {
        Command::Check(args) => run_check(&args),
        Command::Build(args) => run_build(&args),
        Command::New(args) => new::run_new(&args),
        Command::Chase(args) => chase::run_chase(&args),
    }
}

/// Whether messages on stderr may use colour.
#[must_use]
pub fn stderr_is_styled() -> bool {
    std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none()
}

// ---------------------------------------------------------------------------------------------
// Reading libraries

/// The files of the built-in library.
#[must_use]
pub fn built_in_files() -> Vec<SourceFile> {
    let mut files = Vec::new();
    collect_built_in(&BUILT_IN, &mut files);
    files.sort_by(|a, b| a.relative.cmp(&b.relative));
    files
}

fn collect_built_in(dir: &Dir<'static>, files: &mut Vec<SourceFile>) {
    for file in dir.files() {
        let relative = file.path().to_string_lossy().replace('\\', "/");
        if is_yaml(&relative) {
            files.push(SourceFile {
                display: format!("{BUILT_IN_NAME}/{relative}"),
                relative,
                text: file.contents_utf8().unwrap_or_default().to_owned(),
            });
        }
    }
    for sub in dir.dirs() {
        collect_built_in(sub, files);
    }
}

fn is_yaml(path: &str) -> bool {
    Path::new(path)
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("yaml") || e.eq_ignore_ascii_case("yml"))
}

/// Reads every YAML file below `dir`, sorted by path.
pub fn read_library_dir(dir: &Path) -> Result<Vec<SourceFile>, Error> {
    let metadata = std::fs::metadata(dir).map_err(|source| Error::Io {
        path: dir.to_owned(),
        source,
    })?;
    if !metadata.is_dir() {
        return Err(Error::Usage(format!(
            "{} is not a folder; a clause library is a folder holding library.yaml",
            dir.display()
        )));
    }
    let mut files = Vec::new();
    let mut pending = vec![dir.to_owned()];
    while let Some(folder) = pending.pop() {
        let entries = std::fs::read_dir(&folder).map_err(|source| Error::Io {
            path: folder.clone(),
            source,
        })?;
        for entry in entries {
            let entry = entry.map_err(|source| Error::Io {
                path: folder.clone(),
                source,
            })?;
            let path = entry.path();
            if path.is_dir() {
                pending.push(path);
                continue;
            }
            let relative = path
                .strip_prefix(dir)
                .unwrap_or(&path)
                .to_string_lossy()
                .replace('\\', "/");
            if !is_yaml(&relative) {
                continue;
            }
            let text = read_text(&path)?;
            files.push(SourceFile {
                display: path.display().to_string(),
                relative,
                text,
            });
        }
    }
    files.sort_by(|a, b| a.relative.cmp(&b.relative));
    Ok(files)
}

fn read_text(path: &Path) -> Result<String, Error> {
    let bytes = std::fs::read(path).map_err(|source| Error::Io {
        path: path.to_owned(),
        source,
    })?;
    String::from_utf8(bytes).map_err(|_| {
        Error::Diagnostics(vec![Diagnostic::file_error(
            &path.display().to_string(),
            "the file is not UTF-8 text".into(),
        )])
    })
}

fn library_files(clauses: Option<&Path>) -> Result<Vec<SourceFile>, Error> {
    match clauses {
        Some(dir) => read_library_dir(dir),
        None => Ok(built_in_files()),
    }
}

// ---------------------------------------------------------------------------------------------
// check

fn run_check(args: &CheckArgs) -> Result<i32, Error> {
    let mut libraries: Vec<Vec<SourceFile>> = Vec::new();
    if args.paths.is_empty() {
        let local = Path::new("clauses");
        if local.join(library::LIBRARY_FILE).is_file() {
            libraries.push(read_library_dir(local)?);
        } else {
            libraries.push(built_in_files());
        }
    }
    for path in &args.paths {
        // A clause file stands for the library it belongs to.
        let dir = if path.is_file() {
            path.parent()
                .map_or_else(|| PathBuf::from("."), Path::to_owned)
        } else {
            path.clone()
        };
        libraries.push(read_library_dir(&dir)?);
    }
    let mut diagnostics = Vec::new();
    let mut file_count = 0;
    for files in &libraries {
        file_count += files.len();
        diagnostics.extend(check::check(files));
    }
    let errors = diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count();
    let warnings = diagnostics.len() - errors;
    let styled = stderr_is_styled();
    let mut stdout = std::io::stdout().lock();
    let mut stderr = std::io::stderr().lock();
    for diagnostic in &diagnostics {
        let written = match args.format {
            CheckFormat::Human => writeln!(stderr, "{}\n", diagnostic.render(styled)),
            CheckFormat::Json => writeln!(
                stdout,
                "{}",
                serde_json::to_string(diagnostic).unwrap_or_default()
            ),
            CheckFormat::Github => writeln!(stdout, "{}", github_annotation(diagnostic)),
        };
        written.map_err(|source| Error::Io {
            path: PathBuf::from("<stdout>"),
            source,
        })?;
    }
    let files = if file_count == 1 { "file" } else { "files" };
    let _ = writeln!(
        stderr,
        "checked {file_count} {files}: {}",
        count_line(errors, warnings)
    );
    let failed = errors > 0 || (args.deny_warnings && warnings > 0);
    Ok(i32::from(failed))
}

/// A GitHub Actions workflow command for one diagnostic.
#[must_use]
pub fn github_annotation(diagnostic: &Diagnostic) -> String {
    let level = match diagnostic.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    };
    let escape_property = |text: &str| {
        text.replace('%', "%25")
            .replace('\r', "%0D")
            .replace('\n', "%0A")
            .replace(':', "%3A")
            .replace(',', "%2C")
    };
    let escape_data = |text: &str| {
        text.replace('%', "%25")
            .replace('\r', "%0D")
            .replace('\n', "%0A")
    };
    let mut properties = format!("file={}", escape_property(&diagnostic.file));
    if diagnostic.line > 0 {
        let _ = write!(
            properties,
            ",line={},col={}",
            diagnostic.line, diagnostic.column
        );
    }
    format!(
        "::{level} {properties}::{}",
        escape_data(&diagnostic.message)
    )
}

// ---------------------------------------------------------------------------------------------
// build

/// A library, answers and options, ready to be built: what `build` and `new` share.
#[derive(Debug)]
pub struct Prepared {
    /// The library.
    pub library: Library,
    /// The answers as built (dated, hardened for a late payer).
    pub answers: Answers,
    /// What hardening changed, in question order.
    pub changes: Vec<Change>,
    /// For a repeat late payer, what the rates were multiplied by in this build (1 when the
    /// answers were already hardened).
    pub late_payer_multiplier: Option<rust_decimal::Decimal>,
    /// The answers file as read (name and text), to place errors found after parsing.
    pub source: Option<(String, String)>,
}

/// `SOURCE_DATE_EPOCH`, the reproducible-builds convention for "now", when set.
fn source_date_epoch() -> Result<Option<i64>, Error> {
    let Some(epoch) = std::env::var_os("SOURCE_DATE_EPOCH") else {
        return Ok(None);
    };
    let text = epoch.to_string_lossy();
    let seconds: i64 = text.trim().parse().map_err(|_| {
        Error::Usage(format!(
            "SOURCE_DATE_EPOCH is \"{text}\"; expected seconds since 1970-01-01"
        ))
    })?;
    Ok(Some(seconds))
}

fn today() -> Result<jiff::civil::Date, Error> {
    if let Some(seconds) = source_date_epoch()? {
        let timestamp = jiff::Timestamp::from_second(seconds)
            .map_err(|e| Error::Usage(format!("SOURCE_DATE_EPOCH is \"{seconds}\": {e}")))?;
        return Ok(timestamp.to_zoned_datetime(jiff::tz::TimeZone::UTC).date());
    }
    Ok(jiff::ZonedDateTime::now().date())
}

fn run_build(args: &BuildArgs) -> Result<i32, Error> {
    let library = load_library(args.contract.clauses.as_deref())?;
    let answers_name = args.answers.display().to_string();
    let text = read_text(&args.answers)?;
    let answers = answers::parse(&answers_name, &text, &library)?;
    let options = PrepareOptions {
        date: args.contract.date,
        late_payer: args.late_payer,
        rate_multiplier: args.rate_multiplier,
    };
    let mut prepared = prepare(library, answers, &options)?;
    prepared.source = Some((answers_name, text));
    let extra = match &args.save_answers {
        Some(path) => vec![(
            path.clone(),
            prepared.answers.to_yaml(&prepared.library).into_bytes(),
        )],
        None => Vec::new(),
    };
    write_contract(&prepared, &args.contract, extra)?;
    Ok(0)
}

/// Loads the library in `clauses`, or the built-in one; fails on any error in it.
pub fn load_library(clauses: Option<&Path>) -> Result<Library, Error> {
    library::load(&library_files(clauses)?).into_library()
}

/// Renders the contract in every format asked for and writes it, with `extra` files, all or
/// nothing; prints the summary and what was written to stderr. Returns the paths written.
pub fn write_contract(
    prepared: &Prepared,
    options: &ContractArgs,
    extra: Vec<(PathBuf, Vec<u8>)>,
) -> Result<Vec<PathBuf>, Error> {
    let contract = assemble::assemble(&prepared.library, &prepared.answers);
    let markdown = render::render(&contract, &prepared.answers)?;
    let summary = summary(&contract, prepared);
    let client = prepared
        .answers
        .get("client.name")
        .map(ToString::to_string)
        .unwrap_or_default();
    let formats = options.formats();
    let destination = output::plan(options.output.as_deref(), &client, &formats)?;
    if formats.contains(&OutputFormat::Pdf) {
        check_glyphs(prepared)?;
    }
    let meta = pdf_meta(prepared)?;
    let mut writes = extra;
    let mut stdout_bytes = None;
    match destination {
        Destination::Stdout => {
            let format = formats.first().copied().unwrap_or(OutputFormat::Md);
            stdout_bytes = Some(render_format(format, &markdown, options.paper, &meta)?);
        }
        Destination::Files(paths) => {
            for (format, path) in paths {
                let bytes = render_format(format, &markdown, options.paper, &meta)?;
                writes.push((path, bytes));
            }
        }
    }
    output::write_all(&writes, options.force)?;
    let mut stderr = std::io::stderr().lock();
    let _ = stderr.write_all(summary.as_bytes());
    if let Some(bytes) = stdout_bytes {
        let mut stdout = std::io::stdout().lock();
        stdout
            .write_all(&bytes)
            .and_then(|()| stdout.flush())
            .map_err(|source| Error::Io {
                path: PathBuf::from("<stdout>"),
                source,
            })?;
    }
    for (path, _) in &writes {
        let _ = writeln!(stderr, "wrote {}", path.display());
    }
    Ok(writes.into_iter().map(|(path, _)| path).collect())
}

/// One output format's bytes, from the one Markdown source.
fn render_format(
    format: OutputFormat,
    markdown: &str,
    paper: layout::Paper,
    meta: &PdfMeta,
) -> Result<Vec<u8>, Error> {
    Ok(match format {
        OutputFormat::Md => markdown.as_bytes().to_vec(),
        OutputFormat::Pdf => {
            let document = layout::layout(markdown, &LayoutOptions { paper })?;
            pdf::pdf(&document, meta)
        }
    })
}

/// The PDF's metadata: the title, the freelancer as author, the parties as subject, and a
/// creation date fixed by the inputs (`SOURCE_DATE_EPOCH`, else the agreement date).
fn pdf_meta(prepared: &Prepared) -> Result<PdfMeta, Error> {
    let text = |key: &str| prepared.answers.get(key).map(ToString::to_string);
    let subject = match (text("freelancer.name"), text("client.name")) {
        (Some(freelancer), Some(client)) => format!("Contract between {freelancer} and {client}"),
        _ => prepared.library.title.clone(),
    };
    let created_unix_seconds = match source_date_epoch()? {
        Some(seconds) => seconds,
        None => match prepared.answers.get(AGREEMENT_DATE) {
            Some(Value::Date(date)) => date
                .to_zoned_datetime(jiff::tz::TimeZone::UTC)
                .map_or(0, |zoned| zoned.timestamp().as_second()),
            _ => 0,
        },
    };
    Ok(PdfMeta {
        title: prepared.library.title.clone(),
        author: text("freelancer.name").unwrap_or_default(),
        subject,
        created_unix_seconds,
    })
}

/// Refuses, before anything is typeset, an answer holding a character the PDF fonts cannot
/// draw, naming the answer (and its place in the answers file when there is one).
fn check_glyphs(prepared: &Prepared) -> Result<(), Error> {
    let locations = prepared
        .source
        .as_ref()
        .map(|(_, text)| answers::value_locations(text))
        .unwrap_or_default();
    let mut diagnostics = Vec::new();
    for (key, value) in prepared.answers.iter() {
        let Value::Text(text) = value else { continue };
        let Some(character) = layout::missing_glyph(text) else {
            continue;
        };
        let message = format!(
            "`{key}` holds the character '{character}' (U+{:04X}), which the PDF font cannot show",
            u32::from(character)
        );
        diagnostics.push(match (&prepared.source, locations.get(key)) {
            (Some((file, source)), Some(&(line, column))) => {
                let line_text = source.lines().nth(line.saturating_sub(1)).unwrap_or("");
                let offset = line_text
                    .chars()
                    .skip(column.saturating_sub(1))
                    .position(|c| c == character)
                    .unwrap_or(0);
                Diagnostic::error(file, source, line, column + offset, message)
            }
            (Some((file, _)), None) => Diagnostic::file_error(file, message),
            (None, _) => Diagnostic::file_error("answers", message),
        });
    }
    if diagnostics.is_empty() {
        Ok(())
    } else {
        Err(Error::Diagnostics(diagnostics))
    }
}

/// What `prepare` needs to know beyond the library and the answers.
#[derive(Debug, Clone)]
pub struct PrepareOptions {
    /// `--date`.
    pub date: Option<jiff::civil::Date>,
    /// `--late-payer`.
    pub late_payer: bool,
    /// `--rate-multiplier`.
    pub rate_multiplier: rust_decimal::Decimal,
}

/// Dates the answers and, for a repeat late payer, hardens them.
pub fn prepare(
    library: Library,
    mut answers: Answers,
    args: &PrepareOptions,
) -> Result<Prepared, Error> {
    if library.question(AGREEMENT_DATE).is_some() {
        let date = match (args.date, answers.get(AGREEMENT_DATE)) {
            (Some(date), _) => date,
            (None, Some(Value::Date(date))) => *date,
            _ => today()?,
        };
        answers.set(AGREEMENT_DATE, Value::Date(date));
    }
    let late_payer_choice = library
        .question(RELATIONSHIP)
        .is_some_and(|q| q.ty == Type::Choice && q.choices.iter().any(|c| c.value == LATE_PAYER));
    if args.late_payer && !late_payer_choice {
        return Err(Error::Usage(format!(
            "--late-payer needs a library whose `{RELATIONSHIP}` question has the choice \"{LATE_PAYER}\""
        )));
    }
    let mut changes = Vec::new();
    let mut late_payer_multiplier = None;
    let is_late_payer =
        args.late_payer || answers.get(RELATIONSHIP) == Some(&Value::Text(LATE_PAYER.to_owned()));
    if is_late_payer {
        let before = answers.get(RELATIONSHIP).cloned();
        let after = Value::Text(LATE_PAYER.to_owned());
        if before.as_ref() != Some(&after) {
            answers.set(RELATIONSHIP, after.clone());
            changes.push(Change {
                key: RELATIONSHIP.to_owned(),
                before,
                after,
            });
        }
        // Answers saved after an earlier hardening keep their rates: multiplying them again
        // would compound the increase on every rebuild.
        let multiplier = if answers.late_payer_applied {
            rust_decimal::Decimal::ONE
        } else {
            args.rate_multiplier
        };
        late_payer_multiplier = Some(multiplier);
        let (mut hardened, more) = answers.for_late_payer(&library, multiplier);
        hardened.late_payer_applied = true;
        answers = hardened;
        changes.extend(more);
    }
    Ok(Prepared {
        library,
        answers,
        changes,
        late_payer_multiplier,
        source: None,
    })
}

/// The stderr summary: late-payer changes, then included and left-out clauses.
#[must_use]
pub fn summary(contract: &assemble::Contract<'_>, prepared: &Prepared) -> String {
    let mut out = String::new();
    if let Some(multiplier) = prepared.late_payer_multiplier {
        if multiplier == rust_decimal::Decimal::ONE {
            out.push_str("repeat late payer: rates as saved, every safeguard included\n");
        } else {
            let _ = writeln!(
                out,
                "repeat late payer: rates multiplied by {}, every safeguard included",
                multiplier.normalize()
            );
        }
        let width = prepared
            .changes
            .iter()
            .filter_map(|c| prepared.library.question(&c.key))
            .map(|q| q.label.chars().count())
            .max()
            .unwrap_or(0);
        for change in &prepared.changes {
            let Some(question) = prepared.library.question(&change.key) else {
                continue;
            };
            let before = change.before.as_ref().map_or_else(
                || "absent".to_owned(),
                |v| render::display_value(question, v, &prepared.answers),
            );
            let after = render::display_value(question, &change.after, &prepared.answers);
            let _ = writeln!(out, "  {:<width$}  {before} → {after}", question.label);
        }
    }
    for part in &contract.parts {
        let number = part
            .number
            .map_or_else(|| "   ".to_owned(), |n| format!("{n:>2}."));
        let _ = writeln!(out, "included  {number} {}", part.clause.title);
    }
    for clause in &contract.excluded {
        let condition = clause
            .when
            .as_ref()
            .map(ToString::to_string)
            .unwrap_or_default();
        let _ = writeln!(out, "left out      {} (when {condition})", clause.title);
    }
    out
}
