//! Runs a parsed command line: the only module that reads files, writes files and talks to the
//! terminal. Everything else is a plain function from value to value.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::io::{IsTerminal, Write as _};
use std::path::{Path, PathBuf};

use include_dir::{Dir, include_dir};

use crate::answers::{self, Answers, Change, Scalar, Value};
use crate::assemble;
use crate::chase::{self, Stage};
use crate::check;
use crate::cli::{
    BuildArgs, ChaseArgs, CheckArgs, CheckFormat, Cli, Command, ContractArgs, NewArgs, OutputFormat,
};
use crate::error::{Diagnostic, Error, Severity, count_line};
use crate::ics;
use crate::interview::{self, Known, Preset, Prompter, SelectPrompt, Stop, TextPrompt};
use crate::layout::{self, LayoutOptions};
use crate::letters;
use crate::library::{self, Library, Question, SourceFile, Type};
use crate::markdown;
use crate::output::{self, Destination};
use crate::pdf::{self, PdfMeta};
use crate::terminal::Terminal;

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
        Command::New(args) => run_new(&args),
        Command::Chase(args) => run_chase(&args),
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
    if args.contract.formats().contains(&OutputFormat::Pdf) {
        pdf::prepare_fonts_in_background();
    }
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
    let markdown = markdown::render(&contract, &prepared.answers)?;
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

/// The answer that dates the agreement.
pub const AGREEMENT_DATE: &str = "agreement.date";
/// The answer that says how the freelancer knows the client.
pub const RELATIONSHIP: &str = "relationship";
/// The relationship of a client who paid late before.
pub const LATE_PAYER: &str = "repeat-late-payer";

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
                |v| display_value(question, v, &prepared.answers),
            );
            let after = display_value(question, &change.after, &prepared.answers);
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

/// A value as a person reads it in a summary: `$190.00`, `50%`, `15 business days`.
#[must_use]
pub fn display_value(question: &Question, value: &Value, answers: &Answers) -> String {
    let currency = answers
        .get("fees.currency")
        .map_or_else(|| "USD".to_owned(), ToString::to_string);
    let text = match (question.ty, value) {
        (Type::Money, Value::Number(n)) => {
            markdown::format_money(*n, &currency).unwrap_or_else(|| n.to_string())
        }
        (Type::Percent, Value::Number(n)) => format!("{}%", n.normalize()),
        (Type::Date, Value::Date(d)) => markdown::long_date(*d),
        _ => value.to_string(),
    };
    match &question.unit {
        Some(unit) => format!("{text} {unit}"),
        None => text,
    }
}

// ---------------------------------------------------------------------------------------------
// new

/// Why `new` will not start without a terminal, and what to do instead.
const NO_TERMINAL: &str = "`clausewright new` asks its questions in a terminal, but its standard \
input, output or error is not one.
Without a terminal, write the answers in a file (see examples/ in the source, or a file saved by \
an earlier `clausewright new`) and run:

    clausewright build ANSWERS.yaml";

const STDOUT_REFUSED: &str = "`new` writes the answers file beside the contract, so it cannot \
write to standard output; give -o a folder or a file name";

fn run_new(args: &NewArgs) -> Result<i32, Error> {
    // Checked first: nothing else is worth doing when no one can answer. It is a usage error
    // (exit 2, like a bad option): the command cannot work where it was run, nothing was read
    // or written, and a script is told to use `build`; 1 stays for input that was wrong.
    let terminal = std::io::stdin().is_terminal()
        && std::io::stdout().is_terminal()
        && std::io::stderr().is_terminal();
    if !terminal {
        return Err(Error::Usage(NO_TERMINAL.into()));
    }
    if args.contract.output.as_deref() == Some(Path::new("-")) {
        return Err(Error::Usage(STDOUT_REFUSED.into()));
    }
    let library = load_library(args.contract.clauses.as_deref())?;
    let styled = stderr_is_styled();
    let profile_path = args
        .profile
        .clone()
        .or_else(|| dirs::config_dir().map(|dir| dir.join("clausewright").join("profile.yaml")));
    let profile = match &profile_path {
        Some(path) if path.exists() => read_profile(path, &library, styled)?,
        _ => Answers::default(),
    };
    let presets = read_presets(args, &library, styled)?;
    let known = Known {
        presets,
        profile,
        profile_place: profile_path
            .as_ref()
            .map_or_else(|| "your profile".to_owned(), |p| p.display().to_string()),
        today: today()?,
    };
    let mut terminal = Terminal::new();
    let answers = interview::interview(&library, &known, &mut terminal).map_err(stopped)?;

    let options = PrepareOptions {
        date: args.contract.date,
        late_payer: false,
        rate_multiplier: interview::LATE_PAYER_MULTIPLIER,
    };
    // The answers file holds the answers as given, dated: `build` hardens them the same way.
    let mut saved = answers.clone();
    let prepared = prepare(library, answers, &options)?;
    if let Some(date) = prepared.answers.get(AGREEMENT_DATE) {
        saved.set(AGREEMENT_DATE, date.clone());
    }
    let client = saved
        .get("client.name")
        .map(ToString::to_string)
        .unwrap_or_default();
    let mut contract = args.contract.clone();
    let answers_path = choose_destination(&mut contract, &client, &mut terminal)?;
    let mut rebuild = format!("clausewright build {}", answers_path.display());
    if let Some(clauses) = &contract.clauses {
        let _ = write!(rebuild, " --clauses {}", clauses.display());
    }
    let answers_text = interview::answers_file(&prepared.library, &saved, &rebuild);
    write_contract(
        &prepared,
        &contract,
        vec![(answers_path.clone(), answers_text.into_bytes())],
    )?;
    if let Some(path) = &profile_path {
        let mine = interview::profile_answers(&prepared.library, &saved);
        if mine != known.profile && mine.iter().next().is_some() {
            save_profile(path, interview::profile_file(&prepared.library, &saved))?;
            eprintln!("saved your details to {}", path.display());
        }
    }
    eprintln!(
        "\nTo change an answer later, edit {} and run:\n    {rebuild}",
        answers_path.display()
    );
    Ok(0)
}

/// The values given before the interview: the `--answers` file (its problems printed as
/// warnings) and `--date`.
fn read_presets(
    args: &NewArgs,
    library: &Library,
    styled: bool,
) -> Result<BTreeMap<String, Preset>, Error> {
    let mut presets = BTreeMap::new();
    if let Some(path) = &args.answers {
        let name = path.display().to_string();
        let given = answers::read_given(&name, &read_text(path)?, library)?;
        if !given.problems.is_empty() {
            for mut problem in given.problems {
                problem.severity = Severity::Warning;
                eprintln!("{}\n", problem.render(styled));
            }
            eprintln!("These lines of {name} are ignored.");
        }
        for (key, located) in given.values {
            let place = format!("{name}:{}", located.line);
            presets.insert(
                key,
                Preset {
                    scalar: located.scalar,
                    place,
                },
            );
        }
    }
    if let Some(date) = args.contract.date {
        presets.insert(
            AGREEMENT_DATE.to_owned(),
            Preset {
                scalar: Scalar::Str(date.to_string()),
                place: "--date".into(),
            },
        );
    }
    Ok(presets)
}

/// Where the answers file goes (beside the contract, named after the client); when output
/// files exist and `--force` was not given, asks whether to replace them or write elsewhere,
/// and updates `contract` to match.
fn choose_destination(
    contract: &mut ContractArgs,
    client: &str,
    prompter: &mut dyn Prompter,
) -> Result<PathBuf, Error> {
    loop {
        let Destination::Files(paths) =
            output::plan(contract.output.as_deref(), client, &contract.formats())?
        else {
            return Err(Error::Usage(STDOUT_REFUSED.into()));
        };
        let folder = paths
            .first()
            .and_then(|(_, path)| path.parent())
            .map_or_else(PathBuf::new, Path::to_owned);
        let answers_path = folder.join(format!("{}.answers.yaml", output::slug(client)));
        let existing: Vec<&Path> = std::iter::once(answers_path.as_path())
            .chain(paths.iter().map(|(_, path)| path.as_path()))
            .filter(|path| path.exists())
            .collect();
        if existing.is_empty() || contract.force {
            return Ok(answers_path);
        }
        match ask_replace(prompter, &existing).map_err(stopped)? {
            Some(folder) => contract.output = Some(folder),
            None => contract.force = true,
        }
    }
}

fn stopped(stop: Stop) -> Error {
    match stop {
        Stop::Cancelled => Error::Cancelled,
        Stop::Failed(source) => Error::Io {
            path: PathBuf::from("<terminal>"),
            source,
        },
    }
}

/// Asks what to do about output files that exist: `None` to replace them, or another folder.
fn ask_replace(prompter: &mut dyn Prompter, existing: &[&Path]) -> Result<Option<PathBuf>, Stop> {
    let mut text = String::from("These files already exist:");
    for path in existing {
        let _ = write!(text, "\n  {}", path.display());
    }
    prompter.say(&text);
    let choice = prompter.select(&SelectPrompt {
        message: "What should be done?",
        help: None,
        options: vec!["Replace them".into(), "Write to another folder".into()],
        start: 1,
    })?;
    if choice == 0 {
        return Ok(None);
    }
    let check = |input: &str| {
        if Path::new(input.trim()).is_dir() {
            Ok(())
        } else {
            Err(format!("There is no folder {}.", input.trim()))
        }
    };
    let folder = prompter.text(&TextPrompt {
        message: "Folder to write to",
        help: None,
        default: None,
        initial: None,
        placeholder: None,
        check: &check,
    })?;
    // A trailing separator tells `output::plan` that this is a folder.
    Ok(Some(Path::new(folder.trim()).join("")))
}

/// The saved details: values of `profile: true` questions. Other keys are skipped (the profile
/// may come from another library); invalid values are reported and not offered.
fn read_profile(path: &Path, library: &Library, styled: bool) -> Result<Answers, Error> {
    let name = path.display().to_string();
    let text = read_text(path)?;
    let given = answers::read_given(&name, &text, library)?;
    let mut profile = Answers::default();
    for (key, located) in given.values {
        let Some(question) = library.question(&key).filter(|q| q.profile) else {
            continue;
        };
        match answers::typed_value(question, &located.scalar) {
            Ok(value) => profile.set(&key, value),
            Err(why) => eprintln!(
                "{}\n",
                Diagnostic::warning(
                    &name,
                    &text,
                    located.line,
                    located.column,
                    format!("`{key}` {why}; it is not offered"),
                )
                .render(styled)
            ),
        }
    }
    Ok(profile)
}

fn save_profile(path: &Path, text: String) -> Result<(), Error> {
    if let Some(folder) = path.parent().filter(|f| !f.as_os_str().is_empty()) {
        std::fs::create_dir_all(folder).map_err(|source| Error::Io {
            path: folder.to_owned(),
            source,
        })?;
    }
    output::write_all(&[(path.to_owned(), text.into_bytes())], true)
}

// ---------------------------------------------------------------------------------------------
// chase

fn run_chase(args: &ChaseArgs) -> Result<i32, Error> {
    check_chase_args(args)?;
    let files = library_files(args.clauses.as_deref())?;
    let library = library::load(&files).into_library()?;
    let letters = letters::load(&files, &library).into_letters()?;
    let answers_name = args.answers.display().to_string();
    let text = read_text(&args.answers)?;
    let answers = answers::parse(&answers_name, &text, &library)?;
    // Letters name the agreement's date only when the answers give it; `prepare` would
    // otherwise date the agreement today.
    let dated = answers.get(AGREEMENT_DATE).is_some();
    let options = PrepareOptions {
        date: None,
        late_payer: false,
        rate_multiplier: rust_decimal::Decimal::TWO,
    };
    let mut prepared = prepare(library, answers, &options)?;
    if !dated {
        prepared.answers.remove(AGREEMENT_DATE);
    }
    let today = match args.today {
        Some(date) => date,
        None => today()?,
    };
    let schedule = chase::schedule(&chase_inputs(args, &prepared.answers, today)?)?;
    let text_of = |key: &str| {
        prepared
            .answers
            .get(key)
            .map(ToString::to_string)
            .unwrap_or_default()
    };
    let (client, project) = (text_of("client.name"), text_of("project.name"));
    let mut writes = chase_letters(args, &prepared, &letters, &schedule, &client)?;
    if let Some(path) = &args.ics {
        writes.push((
            path.clone(),
            ics::calendar(&schedule, &client, &project).into_bytes(),
        ));
    }
    output::write_all(&writes, args.force)?;
    let mut stdout = std::io::stdout().lock();
    stdout
        .write_all(chase::render(&schedule, &client).as_bytes())
        .and_then(|()| stdout.flush())
        .map_err(|source| Error::Io {
            path: PathBuf::from("<stdout>"),
            source,
        })?;
    let mut stderr = std::io::stderr().lock();
    for (path, _) in &writes {
        let _ = writeln!(stderr, "wrote {}", path.display());
    }
    Ok(0)
}

/// Refuses option combinations the stage cannot use, before any file is read.
fn check_chase_args(args: &ChaseArgs) -> Result<(), Error> {
    let payment = args.stage == Stage::Payment;
    if !payment && (args.invoice.is_some() || args.amount.is_some() || args.due.is_some()) {
        return Err(Error::Usage(
            "--invoice, --amount and --due are for --stage payment".into(),
        ));
    }
    if payment {
        let missing: Vec<&str> = [
            (args.invoice.is_none(), "--invoice NUMBER"),
            (args.amount.is_none(), "--amount MONEY"),
            (
                args.due.is_none() && args.since.is_none(),
                "--due DATE (or --since DATE, the invoice's date)",
            ),
        ]
        .into_iter()
        .filter_map(|(absent, option)| absent.then_some(option))
        .collect();
        if !missing.is_empty() {
            return Err(Error::Usage(format!(
                "the payment stage needs {}",
                join_and(&missing)
            )));
        }
    }
    if !args.output.is_dir() {
        return Err(Error::Usage(format!(
            "the output folder {} does not exist",
            args.output.display()
        )));
    }
    Ok(())
}

/// The ladder's inputs: the options, and the contract's terms from the answers.
fn chase_inputs(
    args: &ChaseArgs,
    answers: &Answers,
    today: jiff::civil::Date,
) -> Result<chase::Inputs, Error> {
    let invoice = match (&args.invoice, args.amount) {
        (Some(number), Some(amount)) if args.stage == Stage::Payment => Some(chase::Invoice {
            number: number.clone(),
            amount,
            due: due_date(args, answers)?,
        }),
        _ => None,
    };
    Ok(chase::Inputs {
        stage: args.stage,
        since: args.since,
        invoice,
        today,
        deadline: args.deadline,
        kill_fee_days: match (
            answers.get("kill_fee.enabled"),
            answers.get("kill_fee.silence_days"),
        ) {
            (Some(Value::Bool(true)), Some(Value::Integer(days))) => u32::try_from(*days).ok(),
            _ => None,
        },
        late_fee_percent: match (
            answers.get("late_fee.enabled"),
            answers.get("late_fee.percent_per_month"),
        ) {
            (Some(Value::Bool(true)), Some(Value::Number(percent))) => Some(*percent),
            _ => None,
        },
        currency: answers
            .get("fees.currency")
            .map_or_else(|| "USD".to_owned(), ToString::to_string),
    })
}

/// Renders the letter due now (every letter with `--all`) in every format asked for.
fn chase_letters(
    args: &ChaseArgs,
    prepared: &Prepared,
    letters: &letters::Letters,
    schedule: &chase::Schedule,
    client: &str,
) -> Result<Vec<(PathBuf, Vec<u8>)>, Error> {
    let contract = assemble::assemble(&prepared.library, &prepared.answers);
    let numbers = prepared
        .library
        .clauses
        .iter()
        .map(|clause| (clause.id.clone(), contract.number_of(&clause.id)))
        .collect();
    let registry = markdown::registry(numbers);
    let mut formats = args.format.clone();
    formats.sort_unstable();
    formats.dedup();
    if formats.contains(&OutputFormat::Pdf) {
        check_glyphs(prepared)?;
    }
    let contract_meta = pdf_meta(prepared)?;
    let mut writes = Vec::new();
    let chosen = schedule
        .steps
        .iter()
        .filter(|s| s.letter && (args.all || s.status == chase::Status::DueNow));
    for step in chosen {
        let letter = letters.get(step.id)?;
        let data = letters::data(&prepared.answers, &schedule.letter_values(step));
        let markdown = letters::render(letters, letter, &registry, &data)?;
        // One Markdown string per letter, as for contracts: every format renders from it.
        for format in &formats {
            let name = format!(
                "{}-{}.{}",
                output::slug(client),
                step.id,
                format.extension()
            );
            let path = args.output.join(name);
            let path = path.strip_prefix(".").map_or(path.clone(), Path::to_owned);
            let meta = PdfMeta {
                title: step.title.clone(),
                subject: format!("{}: {}", contract_meta.subject, step.title),
                created_unix_seconds: step
                    .date
                    .to_zoned_datetime(jiff::tz::TimeZone::UTC)
                    .map_or(0, |zoned| zoned.timestamp().as_second()),
                ..contract_meta.clone()
            };
            writes.push((path, render_format(*format, &markdown, args.paper, &meta)?));
        }
    }
    Ok(writes)
}

/// `--due`, or `--since` (the invoice's date) plus the contract's payment days.
fn due_date(args: &ChaseArgs, answers: &Answers) -> Result<jiff::civil::Date, Error> {
    if let Some(due) = args.due {
        return Ok(due);
    }
    let since = args.since.ok_or_else(|| {
        Error::Usage(
            "the payment stage needs --due DATE (or --since DATE, the invoice's date)".into(),
        )
    })?;
    match answers.get("payment.due_days") {
        Some(Value::Integer(days)) => Ok(since.saturating_add(jiff::Span::new().days(*days))),
        _ => Err(Error::Usage(
            "the answers give no `payment.due_days` to count the due date from --since; give --due DATE".into(),
        )),
    }
}

/// "a", "a and b", "a, b and c".
fn join_and(items: &[&str]) -> String {
    match items {
        [] => String::new(),
        [one] => (*one).to_owned(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}
