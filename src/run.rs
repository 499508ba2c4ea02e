//! Runs a parsed command line: the only module that reads files, writes files and talks to the
//! terminal. Everything else is a plain function from value to value.

use std::io::{IsTerminal, Write as _};
use std::path::{Path, PathBuf};

use crate::answers;
use crate::assemble;
use crate::assemble::Contract;
use crate::check;
use crate::cli::{BuildArgs, CheckArgs, CheckFormat, Cli, Command, ContractArgs, OutputFormat};
use crate::error::{Counts, Diagnostic, Error, OutputError, Severity, github_annotation};
use crate::explain;
use crate::layout::{self, ColumnOptions, LayoutOptions};
use crate::library::{self, Library, SourceFile, built_in_files, is_yaml};
use crate::lint;
use crate::model::Language;
use crate::model::Value;
use crate::model::keys::{AGREEMENT_PREVAILING, CLIENT_NAME};
use crate::output::{self, Destination};
use crate::pdf::{self, PdfMeta};
use crate::prepare::{self, PrepareOptions, Prepared, pdf_meta};
use crate::render;
use crate::report::Written;
use crate::said::{self, Unread};

mod chase;
mod diff;
mod draft;
mod new;
mod tools;

pub use tools::command;

/// Runs the command; returns the exit code for a run that did its job (0, or 1 when `check`
/// found errors).
pub fn run(cli: Cli) -> Result<i32, Error> {
    FILE_LIMIT.store(cli.max_file_size.0, std::sync::atomic::Ordering::Relaxed);
    match cli.command {
        Command::Check(args) => run_check(&args),
        Command::Build(args) => run_build(&args),
        Command::New(args) => new::run_new(&args),
        Command::Chase(args) => chase::run_chase(&args),
        Command::Diff(args) => diff::run_diff(&args),
        Command::Example(args) => tools::run_example(&args),
        Command::Completions(args) => tools::run_completions(&args),
        Command::Man(args) => tools::run_man(&args),
        Command::Schema(args) => tools::run_schema(&args),
        Command::Config(command) => tools::run_config(&command),
    }
}

/// Whether messages on stderr may use colour.
#[must_use]
pub fn stderr_is_styled() -> bool {
    std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none()
}

// ---------------------------------------------------------------------------------------------
// Reading libraries

/// The largest input file read (answers, clause, letter or library file) unless
/// `--max-file-size` says otherwise: far above any real one (the built-in library's largest
/// file is under 20 KiB), small enough that a mistake such as a link to `/dev/zero` fails at
/// once instead of filling the memory.
pub(crate) const MAX_FILE_BYTES: u64 = 1024 * 1024;

/// The limit of this run: `--max-file-size`, set once by [`run`] before any file is read.
static FILE_LIMIT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(MAX_FILE_BYTES);

fn file_limit() -> u64 {
    FILE_LIMIT.load(std::sync::atomic::Ordering::Relaxed)
}

/// Reads every YAML file below `dir`, sorted by path. A symbolic link is followed only to a
/// file or folder inside `dir`; one leading out of it, or in a loop, is an error that names the
/// link and never shows what it points at. Any file or link that cannot be read fails the
/// whole read, with every such problem.
pub(crate) fn read_library_dir(dir: &Path) -> Result<Vec<SourceFile>, Error> {
    let (files, problems) = read_library_tree(dir)?;
    if problems.is_empty() {
        Ok(files)
    } else {
        Err(Error::Diagnostics(problems))
    }
}

/// Reads every YAML file below `dir` that can be read, and says why each other one cannot
/// (a link out of the library or in a loop, a file too large, not UTF-8, not readable): what
/// `check` reports before it goes on with the rest. Fails only when `dir` itself cannot be
/// read.
pub(crate) fn read_library_tree(dir: &Path) -> Result<(Vec<SourceFile>, Vec<Diagnostic>), Error> {
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
    let root = std::fs::canonicalize(dir).map_err(|source| Error::Io {
        path: dir.to_owned(),
        source,
    })?;
    let mut files = Vec::new();
    let mut problems = Vec::new();
    let mut visited = vec![root.clone()];
    let mut pending = vec![dir.to_owned()];
    let unreadable = |path: &Path, source: &std::io::Error| {
        Diagnostic::file_error(
            &path.display().to_string(),
            format!("cannot be read: {}", io_words(source)),
        )
    };
    while let Some(folder) = pending.pop() {
        let entries = match std::fs::read_dir(&folder) {
            Ok(entries) => entries,
            Err(source) if folder == dir => {
                return Err(Error::Io {
                    path: folder.clone(),
                    source,
                });
            }
            Err(source) => {
                problems.push(unreadable(&folder, &source));
                continue;
            }
        };
        for entry in entries {
            let entry = match entry {
                Ok(entry) => entry,
                Err(source) => {
                    problems.push(unreadable(&folder, &source));
                    continue;
                }
            };
            let path = entry.path();
            let relative = path
                .strip_prefix(dir)
                .unwrap_or(&path)
                .to_string_lossy()
                .replace('\\', "/");
            let link = entry.file_type().is_ok_and(|t| t.is_symlink());
            if link {
                match followed(&path, &relative, &root) {
                    Ok(true) => {}
                    Ok(false) => continue,
                    Err(problem) => {
                        problems.push(problem);
                        continue;
                    }
                }
            }
            if path.is_dir() {
                if link {
                    let target = std::fs::canonicalize(&path).unwrap_or_default();
                    if visited.contains(&target) {
                        continue;
                    }
                    visited.push(target);
                }
                pending.push(path);
                continue;
            }
            if !is_yaml(&relative) {
                continue;
            }
            match read_text(&path) {
                Ok(text) => files.push(SourceFile {
                    display: path.display().to_string(),
                    relative,
                    text,
                }),
                Err(Error::Diagnostics(found)) => problems.extend(found),
                Err(Error::Io { path, source }) => problems.push(unreadable(&path, &source)),
                Err(other) => return Err(other),
            }
        }
    }
    files.sort_by(|a, b| a.relative.cmp(&b.relative));
    problems.sort_by(|a, b| a.file.cmp(&b.file));
    Ok((files, problems))
}

/// Whether the symbolic link at `path` is followed: only to something inside `root`. A link
/// out of the library, into a loop or (for a YAML name) to nothing is a problem naming the
/// link, never what it points at; a dangling link of another name is skipped.
fn followed(path: &Path, relative: &str, root: &Path) -> Result<bool, Diagnostic> {
    let refuse = |why: &str| {
        Diagnostic::file_error(
            &path.display().to_string(),
            format!("this symbolic link {why}; it is not read"),
        )
    };
    let target = match std::fs::canonicalize(path) {
        Ok(target) => target,
        // A link into a loop is one error, not a walk without end.
        Err(_) if looping(path) => return Err(refuse("leads in a loop")),
        Err(_) if is_yaml(relative) => return Err(refuse("leads to nothing")),
        Err(_) => return Ok(false),
    };
    if target.starts_with(root) {
        Ok(true)
    } else {
        Err(refuse("leads out of the library folder"))
    }
}

/// What the operating system said, as the end of a sentence: "permission denied".
fn io_words(error: &std::io::Error) -> String {
    match error.kind() {
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        std::io::ErrorKind::NotFound => "it does not exist".into(),
        _ => {
            let text = error.to_string();
            // "Input/output error (os error 5)" → "input/output error".
            let text = text.split(" (os error").next().unwrap_or(&text);
            let mut chars = text.chars();
            chars.next().map_or_else(String::new, |first| {
                first.to_lowercase().chain(chars).collect()
            })
        }
    }
}

/// Whether following `path` runs into a loop of links.
fn looping(path: &Path) -> bool {
    // ELOOP: 40 on Linux, 62 on macOS and the BSDs.
    const ELOOP: i32 = if cfg!(target_os = "linux") { 40 } else { 62 };
    matches!(std::fs::metadata(path), Err(error) if error.raw_os_error() == Some(ELOOP))
}

/// Reads a UTF-8 text file of at most `--max-file-size` ([`MAX_FILE_BYTES`] by default); anything but a regular file (a
/// folder, a FIFO, a device such as `/dev/zero`) is refused before a byte is read.
fn read_text(path: &Path) -> Result<String, Error> {
    read_text_in(path, Language::En)
}

/// [`read_text`], why the file is not read said in `language`.
fn read_text_in(path: &Path, language: Language) -> Result<String, Error> {
    read_checked(path).map_err(|why| crate::said::unread(path, why, language, stderr_is_styled()))
}

fn read_checked(path: &Path) -> Result<String, Unread> {
    use std::io::Read as _;
    // The type is asked of the path first: opening a FIFO would wait for a writer.
    let metadata = std::fs::metadata(path).map_err(Unread::Io)?;
    if !metadata.is_file() {
        return Err(Unread::NotAFile);
    }
    let file = std::fs::File::open(path).map_err(Unread::Io)?;
    let mut bytes = Vec::new();
    let limit = file_limit();
    file.take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(Unread::Io)?;
    if bytes.len() as u64 > limit {
        return Err(Unread::TooLarge(limit));
    }
    String::from_utf8(bytes).map_err(|_| Unread::NotText)
}

/// The files of the library in `clauses` (none for the built-in one): inputs no output may
/// replace.
fn library_paths(clauses: Option<&Path>) -> Vec<PathBuf> {
    clauses
        .and_then(|dir| read_library_dir(dir).ok())
        .map(|files| {
            files
                .into_iter()
                .map(|f| PathBuf::from(f.display))
                .collect()
        })
        .unwrap_or_default()
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
    let mut libraries: Vec<(Vec<SourceFile>, Vec<Diagnostic>)> = Vec::new();
    if args.paths.is_empty() {
        let local = Path::new("clauses");
        if local.join(library::LIBRARY_FILE).is_file() {
            libraries.push(read_library_tree(local)?);
        } else {
            libraries.push((built_in_files(), Vec::new()));
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
        libraries.push(read_library_tree(&dir)?);
    }
    let mut diagnostics = Vec::new();
    let mut file_count = 0;
    // A file that cannot be read is one problem; the others are checked all the same.
    for (files, unreadable) in libraries {
        file_count += files.len() + unreadable.len();
        let incomplete = !unreadable.is_empty();
        diagnostics.extend(unreadable);
        diagnostics.extend(check::check_incomplete(&files, incomplete));
    }
    let counts = Counts::of(&diagnostics);
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
    let _ = writeln!(stderr, "checked {file_count} {files}: {counts}");
    let failed = counts.errors > 0 || (args.deny_warnings && counts.warnings > 0);
    Ok(i32::from(failed))
}

// ---------------------------------------------------------------------------------------------
// build

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

/// Today's date for [`PrepareOptions::today`], read only when `prepare` will use it.
fn today_if_needed(
    library: &Library,
    answers: &answers::Answers,
    date: Option<jiff::civil::Date>,
) -> Result<Option<jiff::civil::Date>, Error> {
    if prepare::needs_today(library, answers, date) {
        today().map(Some)
    } else {
        Ok(None)
    }
}

/// Reads the answers file at `path` as YAML on another core while this one loads the library.
/// The text comes back with what was read from it: the caller reads the file itself, as
/// before, and uses the YAML read here only for that same text. A file that cannot be read
/// (or is no file: a FIFO would wait for a writer) sends nothing.
fn read_ahead(path: &Path) -> std::sync::mpsc::Receiver<(String, answers::Parsed)> {
    let path = path.to_owned();
    let (send, receive) = std::sync::mpsc::sync_channel(1);
    std::thread::spawn(move || {
        if let Ok(text) = read_checked(&path) {
            let parsed = answers::parse_yaml(&text);
            let _ = send.send((text, parsed));
        }
    });
    receive
}

/// Today's date: `SOURCE_DATE_EPOCH` when set, else the clock's (in the local time zone).
fn today() -> Result<jiff::civil::Date, Error> {
    if let Some(seconds) = source_date_epoch()? {
        let timestamp = jiff::Timestamp::from_second(seconds)
            .map_err(|e| Error::Usage(format!("SOURCE_DATE_EPOCH is \"{seconds}\": {e}")))?;
        return Ok(timestamp.to_zoned_datetime(jiff::tz::TimeZone::UTC).date());
    }
    Ok(jiff::ZonedDateTime::now().date())
}

fn run_build(args: &BuildArgs) -> Result<i32, Error> {
    let ahead = read_ahead(&args.answers);
    let library = load_library(args.contract.clauses.as_deref())?;
    let answers_name = args.answers.display().to_string();
    // What is wrong with the answers file is said in the contract's language.
    let flag = args.contract.lang;
    let text = read_text_in(&args.answers, said::language_of(flag, None, &library))?;
    let language = said::language_of(flag, Some(&text), &library);
    let parsed = match ahead.recv() {
        Ok((read, parsed)) if read == text => parsed,
        _ => answers::parse_yaml(&text),
    };
    let answers = answers::check_parsed(&answers_name, &text, parsed, &library)
        .map_err(|found| worded(said::invalid_in(&found, language, &library), language))?;
    let options = PrepareOptions {
        date: args.contract.date,
        today: today_if_needed(&library, &answers, args.contract.date)?,
        late_payer: args.late_payer,
        rate_multiplier: args.rate_multiplier,
        language: args.contract.lang,
    };
    let mut prepared = prepare::prepare(library, answers, &options)?;
    prepared.source = Some((answers_name, text));
    let extra = match &args.save_answers {
        Some(path) => vec![(
            path.clone(),
            saved_answers(&prepared, args.contract.clauses.as_deref()).into_bytes(),
        )],
        None => Vec::new(),
    };
    let terms = Terms {
        answers_file: prepared
            .source
            .as_ref()
            .map(|(n, t)| (n.as_str(), t.as_str())),
        deny_warnings: args.deny_warnings,
        explain: args.explain,
    };
    let mut inputs = vec![args.answers.clone()];
    inputs.extend(library_paths(args.contract.clauses.as_deref()));
    if args.json
        && args
            .contract
            .output
            .as_deref()
            .is_some_and(|o| o.as_os_str() == "-")
    {
        return Err(Error::Usage(
            "--json prints its report on standard output, so the contract cannot go there too; give -o a folder or a file name".into(),
        ));
    }
    let built = write_contract(&prepared, &args.contract, extra, &terms, &inputs)?;
    if args.json {
        let contract = assemble::assemble(&prepared.library, &prepared.answers);
        let document = crate::report::build(&contract, &prepared, &built.written, &built.warnings);
        print_json(&document)?;
    }
    Ok(0)
}

/// The answers file `--save-answers` writes: the answers as built, their comments (the
/// schema line, the sections' headings, the late-payer note) in the language `new` would have
/// held the interview in, the contract's first.
fn saved_answers(prepared: &Prepared, clauses: Option<&Path>) -> String {
    let language = prepared.language();
    let asked = prepared.library.asking_in(language);
    let library = asked.as_ref().unwrap_or(&prepared.library);
    format!(
        "{}\n{}",
        crate::schema::modeline(&schema_command(clauses), language),
        prepared.answers.to_yaml_in(library, language)
    )
}

/// Prints a `--json` document on standard output, pretty, with a final line break.
pub(crate) fn print_json(document: &serde_json::Value) -> Result<(), Error> {
    let mut text = serde_json::to_string_pretty(document).unwrap_or_default();
    text.push('\n');
    let mut stdout = std::io::stdout().lock();
    stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
        .map_err(|source| Error::Io {
            path: PathBuf::from("<stdout>"),
            source,
        })
}

/// The command that prints the answers schema of the library in `clauses` (the built-in one
/// when `None`), for the first lines of the answers files `new` and `--save-answers` write.
pub(crate) fn schema_command(clauses: Option<&Path>) -> String {
    match clauses {
        Some(dir) => format!("clausewright schema answers --clauses {}", dir.display()),
        None => "clausewright schema answers".to_owned(),
    }
}

/// Loads the library in `clauses`, or the built-in one; fails on any error in it.
pub fn load_library(clauses: Option<&Path>) -> Result<Library, Error> {
    match clauses {
        Some(dir) => library::load(&read_library_dir(dir)?).into_library(),
        None => library::built_in(),
    }
}

/// The library of `files`, read from `clauses` (the built-in one when `None`): checked when
/// it comes from a folder, trusted when built in (see [`library::built_in`]).
fn library_of(clauses: Option<&Path>, files: &[SourceFile]) -> Result<Library, Error> {
    match clauses {
        Some(_) => library::load(files).into_library(),
        None => library::built_in(),
    }
}

/// What the term lint reads, and what it does with its warnings.
pub struct Terms<'a> {
    /// The answers file the values are placed in (name and text): the one read by `build`, the
    /// one `new` is about to write. `None` skips the lint.
    pub answers_file: Option<(&'a str, &'a str)>,
    /// Turn every warning into an error (`build --deny-warnings`).
    pub deny_warnings: bool,
    /// Also write the cover note beside each contract file (`build --explain`).
    pub explain: bool,
}

impl<'a> Terms<'a> {
    /// What `new` does: lint the answers file it is about to write, warn, write no cover note.
    #[must_use]
    pub fn warn_about(answers_file: (&'a str, &'a str)) -> Self {
        Self {
            answers_file: Some(answers_file),
            deny_warnings: false,
            explain: false,
        }
    }
}

/// What [`write_contract`] did.
pub(crate) struct Built {
    /// Every file written, with what it is.
    pub(crate) written: Vec<Written>,
    /// The warnings on the terms (printed on stderr too).
    pub(crate) warnings: Vec<Diagnostic>,
}

/// What [`lint_and_render`] gives: the contract assembled and rendered (its Markdown and,
/// when bilingual, its rows), or why it could not be.
type Rendered<'p> = Result<(assemble::Contract<'p>, (String, Option<render::Rows>)), Error>;

/// The findings on the terms of the answers file, and the contract rendered. The terms are
/// linted on another core while this one renders, and for a PDF the faces are parsed there
/// too; the caller still reports the findings first, so that an error among them stops the
/// run before any render error.
fn lint_and_render<'p>(
    prepared: &'p Prepared,
    terms: &Terms<'_>,
    pdf: bool,
) -> (Vec<Diagnostic>, Rendered<'p>) {
    std::thread::scope(|scope| {
        let lint = scope.spawn(|| {
            let findings = terms.answers_file.map_or_else(Vec::new, |(file, text)| {
                // In the summary's language: a Turkish contract's warnings are Turkish.
                let language = note_language(prepared);
                lint::lint_in(file, text, &prepared.answers, &prepared.library, language)
            });
            if pdf {
                crate::pdf::warm_up();
            }
            findings
        });
        let contract = assemble::assemble(&prepared.library, &prepared.answers);
        let rendered = render::contract(prepared, &contract).map(|r| (contract, r));
        let findings = lint
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        (findings, rendered)
    })
}

/// Lints the terms (printing the warnings, or failing on an error), then renders the contract
/// in every format asked for and writes it, with `extra` files (answers files), all or
/// nothing; prints the summary and what was written to stderr. Never writes over one of
/// `inputs` (the files the run read).
pub(crate) fn write_contract(
    prepared: &Prepared,
    options: &ContractArgs,
    extra: Vec<(PathBuf, Vec<u8>)>,
    terms: &Terms<'_>,
    inputs: &[PathBuf],
) -> Result<Built, Error> {
    let pdf = options.formats().contains(&OutputFormat::Pdf);
    let (mut findings, rendered) = lint_and_render(prepared, terms, pdf);
    if terms.deny_warnings {
        for finding in &mut findings {
            finding.severity = Severity::Error;
        }
    }
    if findings.iter().any(|d| d.severity == Severity::Error) {
        return Err(worded(findings, note_language(prepared)));
    }
    let styled = stderr_is_styled();
    // Only warnings are left: named in the summary's language ("uyarı"), as their words are.
    let warning = crate::interview::messages::of(note_language(prepared)).warning;
    for finding in &findings {
        eprintln!("{}\n", finding.render_named(styled, warning));
    }
    let (contract, (markdown, rows)) = rendered?;
    let text = Text::of(&markdown, rows.as_deref(), prepared);
    let summary = summary(prepared, &contract);
    let client = prepared
        .answers
        .get(CLIENT_NAME)
        .map(ToString::to_string)
        .unwrap_or_default();
    let formats = options.formats();
    // The outputs' problems are said in the summary's language, as the findings are.
    let destination = output::plan(options.output.as_deref(), &client, &formats)
        .map_err(|error| said(error, note_language(prepared)))?;
    if terms.explain && matches!(destination, Destination::Stdout) {
        return Err(Error::Usage(
            "--explain writes the cover note beside the contract, so it cannot write to standard output; give -o a folder or a file name".into(),
        ));
    }
    if formats.contains(&OutputFormat::Pdf) {
        // An answer the PDF cannot show is said in the language of the answers' problems.
        let language = said::language_prepared(prepared);
        prepare::unprintable(prepared).map_err(|found| {
            worded(
                said::invalid_in(&found, language, &prepared.library),
                language,
            )
        })?;
    }
    let meta = contract_meta(prepared, options)?;
    let paper = options.paper.into();
    let mut fields = Vec::new();
    let mut written: Vec<Written> = (extra.iter())
        .map(|(path, _)| Written::file(path, "answers", "yaml"))
        .collect();
    let mut writes = extra;
    let mut stdout_bytes = None;
    match destination {
        Destination::Stdout => {
            let format = formats.first().copied().unwrap_or(OutputFormat::Md);
            stdout_bytes = Some(render_format(format, &text, paper, &meta, &mut fields)?);
        }
        Destination::Files(paths) => {
            let note = terms
                .explain
                .then(|| cover_note(prepared, &contract, &client));
            for (format, path) in paths {
                let bytes = render_format(format, &text, paper, &meta, &mut fields)?;
                if let Some((note, language)) = &note {
                    let (note_path, bytes) =
                        cover_note_file(format, (note, *language), paper, &meta, &path)?;
                    written.push(Written::file(&note_path, "cover-note", format.extension()));
                    writes.push((note_path, bytes));
                }
                written.push(Written::file(&path, "contract", format.extension()));
                writes.push((path, bytes));
            }
        }
    }
    let inputs: Vec<&Path> = inputs.iter().map(PathBuf::as_path).collect();
    output::write_all(&writes, options.force, &inputs)
        .map_err(|error| said(error, note_language(prepared)))?;
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
    let language = note_language(prepared);
    for (path, _) in &writes {
        let shown = path.display().to_string();
        let _ = writeln!(stderr, "{}", prepare::wrote(&shown, language));
    }
    if let Some(service) = meta.sign_tags {
        let _ = stderr.write_all(sign_tags_summary(service, &fields, language).as_bytes());
    }
    Ok(Built {
        written,
        warnings: findings,
    })
}

/// The name an error of the terminal (reading a key, drawing a prompt) is shown with.
pub(crate) const TERMINAL: &str = "<terminal>";

/// `error` said in `language`: as it is in English, and for another language the errors the
/// catalogue words there (the outputs not written, an interview stopped, the terminal that
/// failed) in its words, called `hata`; the others as they are.
pub(crate) fn said(error: Error, language: Language) -> Error {
    if language == Language::En {
        return error;
    }
    let words = crate::interview::messages::of(language);
    let text = match &error {
        Error::Output(OutputError::Exists { path }) => {
            (words.output_exists)(&path.display().to_string())
        }
        Error::Output(OutputError::MissingFolder { path }) => {
            (words.output_no_folder)(&path.display().to_string())
        }
        Error::Output(OutputError::Write { path, reason, kind }) => (words.output_unwritable)(
            &path.display().to_string(),
            &crate::said::os_reason(*kind, reason, crate::said::Access::Write, language),
        ),
        Error::Output(OutputError::Twice { path }) => {
            (words.output_twice)(&path.display().to_string())
        }
        Error::Output(OutputError::IsInput { path, input }) => {
            (words.output_is_input)(&path.display().to_string(), &input.display().to_string())
        }
        Error::Cancelled => words.cancelled.to_owned(),
        Error::Io { path, source } if path.as_os_str() == TERMINAL => {
            (words.terminal_failed)(&crate::said::os_reason(
                Some(source.kind()),
                &source.to_string(),
                crate::said::Access::Read,
                language,
            ))
        }
        _ => return error,
    };
    Error::Said {
        error: Box::new(error),
        label: words.error,
        text,
    }
}

/// [`prepare::check_language`], a language the library is not written in said in `said_in`,
/// the language the user reads.
pub(crate) fn check_language_in(
    library: &Library,
    language: Language,
    said_in: Language,
) -> Result<(), Error> {
    prepare::check_language(library, language).map_err(|error| {
        if said_in == Language::En {
            return error;
        }
        let words = crate::interview::messages::of(said_in);
        Error::Said {
            label: words.error,
            text: (words.unwritten)(language, &library.languages()),
            error: Box::new(error),
        }
    })
}

/// The error of `diagnostics` said in `language` ([`crate::said::worded`]), coloured when
/// stderr is a terminal.
pub(crate) fn worded(diagnostics: Vec<Diagnostic>, language: Language) -> Error {
    crate::said::worded(diagnostics, language, stderr_is_styled())
}

/// The contract's PDF metadata, with the draft mark and signing tags asked for.
fn contract_meta(prepared: &Prepared, options: &ContractArgs) -> Result<PdfMeta, Error> {
    Ok(PdfMeta {
        draft: options.draft,
        sign_tags: options.sign_tags.map(Into::into),
        ..pdf_meta(prepared, source_date_epoch()?)
    })
}

/// The language of the cover note: the contract's, and for a bilingual contract the
/// prevailing one (`agreement.prevailing`, English when unanswered), so that the note explains
/// the text that governs, on one page.
fn note_language(prepared: &Prepared) -> Language {
    let Some(second) = prepared.languages.second() else {
        return prepared.language();
    };
    match prepared.answers.get(AGREEMENT_PREVAILING) {
        Some(Value::Text(code)) if code.parse() == Ok(second) => second,
        _ => prepared.language(),
    }
}

/// The stderr summary of `contract` (assembled in the contract's first language), in the
/// language of the cover note (see [`note_language`]): the prevailing one of a bilingual
/// contract, with that language's titles and question words.
fn summary(prepared: &Prepared, contract: &Contract<'_>) -> String {
    let language = note_language(prepared);
    let locale = prepared.locale_in(language);
    match &prepared.second {
        Some((library, answers)) if language != prepared.language() => {
            let second = assemble::assemble(library, answers);
            prepare::summary(&second, prepared, (library, answers), locale)
        }
        _ => prepare::summary(
            contract,
            prepared,
            (&prepared.library, &prepared.answers),
            locale,
        ),
    }
}

/// The cover note of `contract` (assembled in the contract's first language) and the language
/// it is written in (see [`note_language`]).
fn cover_note(prepared: &Prepared, contract: &Contract<'_>, client: &str) -> (String, Language) {
    let language = note_language(prepared);
    let note = match &prepared.second {
        Some((library, answers)) if language != prepared.language() => {
            explain::cover_note(&assemble::assemble(library, answers), client, language)
        }
        _ => explain::cover_note(contract, client, language),
    };
    (note, language)
}

/// The cover note (its Markdown and language) in `format`, and where it goes beside the
/// contract at `contract`. The note is for the freelancer: no draft mark, nothing to sign.
fn cover_note_file(
    format: OutputFormat,
    (note, language): (&str, Language),
    paper: layout::Paper,
    meta: &PdfMeta,
    contract: &Path,
) -> Result<(PathBuf, Vec<u8>), Error> {
    let note_meta = PdfMeta {
        title: explain::note_title(&meta.title, language),
        draft: false,
        sign_tags: None,
        ..meta.clone()
    };
    let note = Text::one(note, language);
    let bytes = match format {
        OutputFormat::Md | OutputFormat::Docx => {
            render_format(format, &note, paper, &note_meta, &mut Vec::new())?
        }
        // A one-page reference sheet: set compact.
        OutputFormat::Pdf => {
            let options = LayoutOptions {
                paper,
                compact: true,
                language: layout_language(language),
            };
            pdf::pdf(&layout::layout(note.markdown, &options)?, &note_meta)
        }
    };
    Ok((cover_note_path(contract), bytes))
}

/// Where the cover note of the contract at `contract` goes: beside it, `-contract` in its name
/// replaced by `-cover-note` (`acme-contract.pdf` → `acme-cover-note.pdf`), or `-cover-note`
/// added (`acme.md` → `acme-cover-note.md`).
fn cover_note_path(contract: &Path) -> PathBuf {
    let stem = contract
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let base = stem.strip_suffix("-contract").unwrap_or(&stem);
    let mut name = format!("{base}-cover-note");
    if let Some(extension) = contract.extension() {
        name.push('.');
        name.push_str(&extension.to_string_lossy());
    }
    contract.with_file_name(name)
}

/// What `--sign-tags` put where: each tag with the party it is for, in `language` (the
/// summary's).
fn sign_tags_summary(
    service: pdf::SignTags,
    fields: &[layout::SignatureField],
    language: Language,
) -> String {
    let name = match service {
        pdf::SignTags::Dropbox => "Dropbox Sign",
        pdf::SignTags::Docusign => "Docusign",
    };
    if fields.is_empty() {
        return match language {
            Language::En => {
                format!("{name} tags: the contract has no signature lines, so none were placed\n")
            }
            Language::Tr => format!(
                "{name} etiketleri: sözleşmede imza satırı olmadığından hiçbir etiket \
                 yerleştirilmedi\n"
            ),
        };
    }
    let mut out = match language {
        Language::En => format!("{name} tags, invisible on the signature and date lines:\n"),
        Language::Tr => format!("{name} etiketleri, imza ve tarih satırlarında görünmez:\n"),
    };
    for field in fields {
        let signature = field.kind == layout::FieldKind::Signature;
        let what = match (language, signature) {
            (Language::En, true) => format!("signature of signer {}", field.signer),
            (Language::En, false) => format!("date of signer {}", field.signer),
            (Language::Tr, true) => format!("{}. imzacının imzası", field.signer),
            (Language::Tr, false) => format!("{}. imzacının tarihi", field.signer),
        };
        out.push_str(&format!(
            "  {:<22} {what} ({})\n",
            service.tag(field.kind, field.signer),
            field.party
        ));
    }
    out
}

/// A text to write: its Markdown and, for a bilingual contract, its rows (each clause in both
/// languages) for the PDF's two columns.
pub(crate) struct Text<'a> {
    /// The whole text as Markdown.
    pub(crate) markdown: &'a str,
    /// The rows of a bilingual contract: the first language's piece and the second's.
    pub(crate) rows: Option<&'a [(String, String)]>,
    /// The language of the text (or of each column).
    pub(crate) languages: [Language; 2],
}

impl<'a> Text<'a> {
    /// The text of `prepared`'s contract, in its language or its two.
    fn of(
        markdown: &'a str,
        rows: Option<&'a [(String, String)]>,
        prepared: &Prepared,
    ) -> Text<'a> {
        Text {
            markdown,
            rows,
            languages: [
                prepared.language(),
                prepared.languages.second().unwrap_or(prepared.language()),
            ],
        }
    }

    /// A text in one language.
    pub(crate) fn one(markdown: &'a str, language: Language) -> Text<'a> {
        Text {
            markdown,
            rows: None,
            languages: [language; 2],
        }
    }
}

/// The layout's word for a language.
fn layout_language(language: Language) -> layout::Language {
    match language {
        Language::En => layout::Language::English,
        Language::Tr => layout::Language::Turkish,
    }
}

/// One output format's bytes: the Markdown as it is, or the PDF or the Word document, in two
/// columns for a bilingual contract; the PDF's signature fields are added to `fields`.
pub(crate) fn render_format(
    format: OutputFormat,
    text: &Text<'_>,
    paper: layout::Paper,
    meta: &PdfMeta,
    fields: &mut Vec<layout::SignatureField>,
) -> Result<Vec<u8>, Error> {
    Ok(match format {
        OutputFormat::Md => text.markdown.as_bytes().to_vec(),
        OutputFormat::Pdf => {
            let document = match text.rows {
                Some(rows) => layout::layout_columns(
                    rows,
                    &ColumnOptions {
                        paper,
                        languages: text.languages.map(layout_language),
                    },
                )?,
                None => layout::layout(
                    text.markdown,
                    &LayoutOptions {
                        paper,
                        language: layout_language(text.languages[0]),
                        compact: false,
                    },
                )?,
            };
            fields.extend(document.pages.iter().flat_map(|p| p.fields.iter().cloned()));
            let bytes = pdf::pdf(&document, meta);
            // A laid-out contract holds tens of thousands of small strings: another core frees
            // them while this one goes on to write the files.
            std::thread::spawn(move || drop(document));
            bytes
        }
        // A Word document sets a bilingual contract's two languages side by side, as the PDF;
        // the footer's words are the first language's.
        OutputFormat::Docx => match text.rows {
            Some(rows) => crate::docx::docx_columns(rows, meta, paper, text.languages[0]),
            None => crate::docx::docx(text.markdown, meta, paper, text.languages[0]),
        },
    })
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::os::unix::fs::symlink;

    fn message(error: &Error) -> String {
        error.render(false)
    }

    #[test]
    fn only_regular_files_of_bounded_size_are_read() {
        let error = read_text(Path::new("/dev/zero")).unwrap_err();
        assert!(
            message(&error).contains("/dev/zero: is not a regular file"),
            "{}",
            message(&error)
        );
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("answers.yaml");
        let made = std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap();
        assert!(made.success());
        assert!(message(&read_text(&fifo).unwrap_err()).contains("is not a regular file"));
        let big = dir.path().join("big.yaml");
        std::fs::write(
            &big,
            "a".repeat(usize::try_from(MAX_FILE_BYTES).unwrap() + 1),
        )
        .unwrap();
        assert!(
            message(&read_text(&big).unwrap_err())
                .contains("is larger than 1 MiB, the most clausewright reads from one file")
        );
        let linked = dir.path().join("zero.yaml");
        symlink("/dev/zero", &linked).unwrap();
        assert!(message(&read_text(&linked).unwrap_err()).contains("is not a regular file"));
    }

    #[test]
    fn a_library_not_written_in_turkish_is_said_in_turkish() {
        let files = vec![SourceFile {
            relative: library::LIBRARY_FILE.into(),
            display: library::LIBRARY_FILE.into(),
            text: "title: Test Agreement\nsections:\n  - title: The client\n    questions:\n      \
                   - key: client.name\n        type: text\n        prompt: The client's name\n"
                .into(),
        }];
        let english_only = library::load(&files).into_library().unwrap();
        let refused = check_language_in(&english_only, Language::Tr, Language::Tr).unwrap_err();
        assert_eq!(
            message(&refused),
            "hata: --lang tr: bu sözleşme kütüphanesi İngilizce (en) yazılmış; Türkçe bir \
             sözleşme için maddelerin Türkçe metni kütüphanenin tr/ klasöründe bulunmalı"
        );
        assert_eq!(refused.exit_code(), 2);
        // English as `prepare` says it, and the catalogue's English the same.
        let english = check_language_in(&english_only, Language::Tr, Language::En).unwrap_err();
        assert_eq!(
            english.to_string(),
            (crate::interview::messages::of(Language::En).unwritten)(Language::Tr, &[Language::En])
        );
        assert!(check_language_in(&english_only, Language::En, Language::Tr).is_ok());
    }

    #[test]
    fn an_output_twice_an_input_replaced_and_a_stop_are_said_in_turkish() {
        let twice = Error::from(OutputError::Twice {
            path: "x.md".into(),
        });
        let input = Error::from(OutputError::IsInput {
            path: "acme.answers.yaml".into(),
            input: "./acme.answers.yaml".into(),
        });
        // Usage errors, as they were before they were said in Turkish.
        assert_eq!((twice.exit_code(), input.exit_code()), (2, 2));
        let twice = said(twice, Language::Tr);
        assert_eq!(
            message(&twice),
            "hata: x.md iki kez yazılacaktı; her çıktıya ayrı bir dosya adı verin"
        );
        assert_eq!(twice.exit_code(), 2);
        let input = said(input, Language::Tr);
        assert!(
            message(&input).starts_with(
                "hata: acme.answers.yaml, bu komutun okuduğu ./acme.answers.yaml dosyasıdır;"
            ),
            "{}",
            message(&input)
        );
        assert_eq!(input.exit_code(), 2);
        let stopped = said(Error::Cancelled, Language::Tr);
        assert_eq!(
            message(&stopped),
            "hata: görüşme durduruldu; hiçbir şey yazılmadı"
        );
        assert_eq!(stopped.exit_code(), 130);
        assert_eq!(
            message(&said(Error::Cancelled, Language::En)),
            "error: the interview was stopped; nothing was written"
        );
    }

    #[test]
    fn a_library_link_never_leads_out_of_its_folder_nor_shows_what_is_there() {
        let outside = tempfile::tempdir().unwrap();
        let secret = outside.path().join("environ");
        std::fs::write(&secret, "TOKEN=hunter2\n").unwrap();
        let library = tempfile::tempdir().unwrap();
        std::fs::write(library.path().join("library.yaml"), "title: x\n").unwrap();
        symlink(&secret, library.path().join("x.yaml")).unwrap();
        let error = read_library_dir(library.path()).unwrap_err();
        let text = message(&error);
        assert!(
            text.contains("x.yaml: this symbolic link leads out of the library folder"),
            "{text}"
        );
        assert!(!text.contains("hunter2"));
        // A link to a folder outside is refused the same way.
        std::fs::remove_file(library.path().join("x.yaml")).unwrap();
        symlink(outside.path(), library.path().join("more")).unwrap();
        assert!(
            message(&read_library_dir(library.path()).unwrap_err())
                .contains("leads out of the library folder")
        );
    }

    #[test]
    fn a_link_loop_is_one_error_and_a_link_back_into_the_library_is_read_once() {
        let library = tempfile::tempdir().unwrap();
        std::fs::write(library.path().join("library.yaml"), "title: x\n").unwrap();
        symlink(library.path(), library.path().join("again")).unwrap();
        let files = read_library_dir(library.path()).unwrap();
        assert_eq!(files.len(), 1, "the folder is read once, not once per link");
        symlink(library.path().join("b.yaml"), library.path().join("a.yaml")).unwrap();
        symlink(library.path().join("a.yaml"), library.path().join("b.yaml")).unwrap();
        let text = message(&read_library_dir(library.path()).unwrap_err());
        assert!(
            text.contains("this symbolic link leads in a loop"),
            "{text}"
        );
        // Each link of the loop is named once; nothing else is read twice.
        assert!(
            text.contains("a.yaml: this symbolic link leads in a loop"),
            "{text}"
        );
        assert!(
            text.contains("b.yaml: this symbolic link leads in a loop"),
            "{text}"
        );
        assert!(text.ends_with("2 errors, 0 warnings"), "{text}");
    }
}
