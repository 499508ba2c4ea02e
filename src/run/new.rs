//! `clausewright new`: the terminal, the profile and the files around the interview.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use crate::answers::{self, Answers};
use crate::cli::{ContractArgs, NewArgs, OutputFormat};
use crate::config::Environment;
use crate::error::{Diagnostic, Error, OutputError, Severity};
use crate::format;
use crate::interview::messages::{self, Messages};
use crate::interview::{
    self, ConfirmPrompt, Known, Preset, Prompter, SelectPrompt, Stop, Stopped, TextPrompt,
};
use crate::library::Library;
use crate::model::keys::{AGREEMENT_DATE, AGREEMENT_LANGUAGE};
use crate::model::{Language, Languages, Scalar, Value};
use crate::output::{self, Destination};
use crate::terminal::Terminal;

use crate::model::keys::CLIENT_NAME;
use crate::prepare::{self, PrepareOptions};

use super::draft;
use super::{load_library, read_text, stderr_is_styled, today, today_if_needed, write_contract};

/// Fails with a usage error naming the standard streams that are not a terminal.
fn require_terminal(language: Language) -> Result<(), Error> {
    let streams = [
        ("input", std::io::stdin().is_terminal()),
        ("output", std::io::stdout().is_terminal()),
        ("error", std::io::stderr().is_terminal()),
    ];
    let missing: Vec<&str> = streams
        .iter()
        .filter(|(_, terminal)| !terminal)
        .map(|(name, _)| *name)
        .collect();
    if missing.is_empty() {
        return Ok(());
    }
    let english = Error::Usage((messages::of(Language::En).no_terminal)(&missing));
    if language == Language::En {
        return Err(english);
    }
    let words = messages::of(language);
    Err(Error::Said {
        error: Box::new(english),
        label: words.error,
        text: (words.no_terminal)(&missing),
    })
}

/// The library of `args`; a `--lang` it is not written in is refused before the first question.
fn load_checked(args: &NewArgs) -> Result<Library, Error> {
    let library = load_library(args.contract.clauses.as_deref())?;
    if let Some(languages) = args.contract.lang {
        // Refused in the language the interview would be held in.
        for language in languages.all() {
            super::check_language_in(&library, language, languages.first())?;
        }
    }
    Ok(library)
}

/// Copies the date and the language `prepare` settled into the answers saved to the file, so
/// that building that file gives the same contract.
fn keep_date_and_language(saved: &mut Answers, prepared: &Answers) {
    for key in [AGREEMENT_DATE, AGREEMENT_LANGUAGE] {
        if let Some(value) = prepared.get(key) {
            saved.set(key, value.clone());
        }
    }
}

pub(super) fn run_new(args: &NewArgs) -> Result<i32, Error> {
    // Checked first: nothing else is worth doing when no one can answer. It is a usage error
    // (exit 2, like a bad option): the command cannot work where it was run, nothing was read
    // or written, and a script is told to use `build`; 1 stays for input that was wrong.
    // Said in the language of --lang: nothing else is read yet.
    require_terminal(args.contract.lang.map_or(Language::En, Languages::first))?;
    if args.contract.output.as_deref() == Some(Path::new("-")) {
        let words = messages::of(args.contract.lang.map_or(Language::En, Languages::first));
        return Err(Error::Usage(words.stdout_refused.into()));
    }
    let library = load_checked(args)?;
    let styled = stderr_is_styled();
    let profile_path = profile_path(args);
    // A folder that does not exist is found now, not after every question has been answered.
    plan_first(args, &library)?;
    let draft_path = draft::path(args);
    let mut terminal = Terminal::new();
    // The interview starts in the language of --lang (the first of two), else in that of the
    // answers file given, and follows `agreement.language` once it is answered.
    let language = args.contract.lang.map_or(Language::En, Languages::first);
    terminal.speak(language);
    let resume = resume_offered(args, &draft_path, &mut terminal, messages::of(language))?;
    let given = resume
        .then_some(draft_path.as_path())
        .or(args.answers.as_deref());
    let start = read_presets(given, args, &library, styled)?;
    // The interview starts in the answers file's language when --lang did not give one.
    let language = start.language;
    terminal.speak(language);
    let profile = read_profile(profile_path.as_deref(), &library, styled, language)?;
    let known = Known {
        presets: start.presets,
        lists: start.lists,
        late_payer_applied: start.late_payer_applied,
        unprintable: args
            .contract
            .formats()
            .contains(&OutputFormat::Pdf)
            .then_some(crate::layout::missing_glyph as fn(&str) -> Option<char>),
        profile,
        profile_place: profile_path
            .as_ref()
            .map_or_else(|| "your profile".to_owned(), |p| p.display().to_string()),
        today: today()?,
        language,
    };
    let mut answers = match interview::interview(&library, &known, &mut terminal) {
        Ok(answers) => answers,
        Err(halt) => return Err(keep_draft(halt, args, &library, &draft_path, language)),
    };
    let language = language_of(&answers, language);
    let words = messages::of(language);
    answers.late_payer_applied = known.late_payer_applied;

    let options = PrepareOptions {
        date: args.contract.date,
        today: today_if_needed(&library, &answers, args.contract.date)?,
        late_payer: false,
        rate_multiplier: interview::LATE_PAYER_MULTIPLIER,
        language: args.contract.lang,
    };
    // The answers file holds the answers as given, dated: `build` hardens them the same way.
    let mut saved = answers.clone();
    let prepared = prepare::prepare(library, answers, &options)?;
    keep_date_and_language(&mut saved, &prepared.answers);
    let client = saved
        .get(CLIENT_NAME)
        .map(ToString::to_string)
        .unwrap_or_default();
    let mut contract = args.contract.clone();
    // The files read before the interview are never written over, even when the user agreed
    // to replace what is at the answers path: another folder is asked for first.
    let inputs: Vec<PathBuf> = (args.answers.iter().chain(&profile_path))
        .chain(resume.then_some(&draft_path))
        .cloned()
        .collect();
    // From here on the answers exist only in memory: whatever stops the run before they are
    // written keeps them as a draft, as a stopped interview does.
    let keep = |error: Error, library: &Library| {
        keep_answers(error, &saved, args, library, &draft_path, language)
    };
    let answers_path =
        match choose_destination(&mut contract, &client, (&mut terminal, words), &inputs) {
            Ok(path) => path,
            Err(error) => return Err(keep(super::said(error, language), &prepared.library)),
        };
    let rebuild = rebuild_command(&contract, &answers_path);
    let answers_text = answers_text(&prepared.library, &contract, &saved, &rebuild, language);
    let answers_name = answers_path.display().to_string();
    if let Err(error) = write_contract(
        &prepared,
        &contract,
        vec![(answers_path.clone(), answers_text.clone().into_bytes())],
        &super::Terms::warn_about((&answers_name, &answers_text)),
        &inputs,
    ) {
        return Err(keep(error, &prepared.library));
    }
    if resume || args.answers.as_deref() == Some(draft_path.as_path()) {
        // The contract and its answers are written: a draft left behind is only warned about.
        if let Err(error) = draft::remove(&draft_path) {
            eprintln!("{}\n", not_removed(&error, language, styled));
        }
    }
    if let Some(path) = &profile_path {
        let (library, from_file) = (&prepared.library, args.answers.is_some());
        let asking = (&mut terminal as &mut dyn Prompter, language);
        update_profile(path, library, &known.profile, &saved, from_file, asking)
            .map_err(|error| super::said(error, language))?;
    }
    eprintln!(
        "{}",
        (words.change_later)(&answers_path.display().to_string(), &rebuild)
    );
    Ok(0)
}

/// The answers file `new` writes: the schema's modeline, then the answers with their comments
/// and the sections' headings in the interview's language.
fn answers_text(
    library: &Library,
    contract: &ContractArgs,
    saved: &Answers,
    rebuild: &str,
    language: Language,
) -> String {
    let asking = library.asking_in(language);
    let asked = asking.as_ref().unwrap_or(library);
    format!(
        "{}\n{}",
        crate::schema::modeline(
            &super::schema_command(contract.clauses.as_deref()),
            language
        ),
        interview::answers_file(asked, saved, rebuild, language)
    )
}

/// Whether the outputs can go where `-o` says, before the first question; what is wrong said
/// in the language of --lang, else of the answers file given (read from its lines).
fn plan_first(args: &NewArgs, library: &Library) -> Result<(), Error> {
    let written = args
        .answers
        .as_deref()
        .and_then(|path| read_text(path).ok())
        .and_then(|text| answers::language_written(&text));
    let (language, _) = language_wanted(args, written, library);
    output::plan(
        args.contract.output.as_deref(),
        "client",
        &args.contract.formats(),
    )
    .map(drop)
    .map_err(|error| super::said(error, language))
}

/// The language the interview ended in: the answers' `agreement.language` (its first
/// language), else the one it started in.
fn language_of(answers: &Answers, started: Language) -> Language {
    match answers.get(AGREEMENT_LANGUAGE) {
        Some(Value::Text(code)) => code.parse::<Languages>().map_or(started, Languages::first),
        _ => started,
    }
}

/// The command that builds the contract again from the saved answers, where this run writes
/// and in the same formats.
fn rebuild_command(contract: &ContractArgs, answers_path: &Path) -> String {
    let mut rebuild = format!("clausewright build {}", answers_path.display());
    if let Some(clauses) = &contract.clauses {
        let _ = write!(rebuild, " --clauses {}", clauses.display());
    }
    // Rebuilding writes where this run writes, in the same formats.
    if let Some(folder) = answers_path.parent().filter(|f| !f.as_os_str().is_empty()) {
        let _ = write!(rebuild, " -o {}/", folder.display());
    }
    if !contract.format.is_empty() {
        let formats: Vec<&str> = contract.format.iter().map(|f| f.extension()).collect();
        let _ = write!(rebuild, " --format {}", formats.join(","));
    }
    if contract.paper != crate::cli::PaperArg::default() {
        let _ = write!(rebuild, " --paper a4");
    }
    if contract.draft {
        rebuild.push_str(" --draft");
    }
    if let Some(service) = contract.sign_tags {
        let service = match service {
            crate::cli::SignTagsArg::Dropbox => "dropbox",
            crate::cli::SignTagsArg::Docusign => "docusign",
        };
        let _ = write!(rebuild, " --sign-tags {service}");
    }
    rebuild
}

/// Asks, when a stopped interview left a draft and no answers file was given, whether to
/// continue it. Esc counts as no.
/// With `--resume`, checks that there is a draft.
fn resume_offered(
    args: &NewArgs,
    draft: &Path,
    prompter: &mut dyn Prompter,
    words: &Messages,
) -> Result<bool, Error> {
    if args.resume && !draft.exists() {
        return Err(Error::Usage((words.no_draft)(&draft.display().to_string())));
    }
    if args.resume || args.answers.is_some() || !draft.exists() {
        return Ok(args.resume);
    }
    prompter.say(&(words.draft_found)(&draft.display().to_string()));
    match prompter.confirm(&ConfirmPrompt {
        message: words.resume,
        help: Some(words.resume_help.into()),
        default: Some(true),
    }) {
        Ok(yes) => Ok(yes),
        Err(Stop::Cancelled) => Ok(false),
        Err(stop) => Err(stopped(stop)),
    }
}

/// Saves what was answered when the interview stopped, and returns the error that says where
/// it is and how to continue. Nothing answered: nothing saved.
fn keep_draft(
    halt: Stopped,
    args: &NewArgs,
    library: &Library,
    path: &Path,
    started: Language,
) -> Error {
    let language = language_of(&halt.draft, started);
    let words = messages::of(language);
    if halt.draft.iter().next().is_none() {
        return super::said(stopped(halt.stop), language);
    }
    let resume = match save_draft(&halt.draft, args, library, path, language) {
        Ok(resume) => resume,
        Err(error) => return unsaved(error, language),
    };
    match halt.stop {
        Stop::Cancelled => Error::Stopped {
            text: (words.stopped)(&path.display().to_string(), &resume),
            draft: path.to_owned(),
            resume,
        },
        Stop::Failed(_) => {
            eprintln!("{}", (words.saved_so_far)(&path.display().to_string()));
            super::said(stopped(halt.stop), language)
        }
    }
}

/// Saves `answers` as the draft at `path`, its section headings in the interview's language
/// as its comments; gives the command that resumes it.
fn save_draft(
    answers: &Answers,
    args: &NewArgs,
    library: &Library,
    path: &Path,
    language: Language,
) -> Result<String, Error> {
    let resume = draft::resume_command(args);
    let asked = library.asking_in(language);
    let library = asked.as_ref().unwrap_or(library);
    draft::save(path, draft::file(library, answers, &resume, language))?;
    Ok(resume)
}

/// `error` stopped the run after the interview, before its answers (`saved`) were written:
/// they are saved as the draft first, so that `--resume` asks nothing again. Esc is a stop
/// like one during the interview; any other error is returned as it is, after the line that
/// says where the answers are.
fn keep_answers(
    error: Error,
    saved: &Answers,
    args: &NewArgs,
    library: &Library,
    path: &Path,
    language: Language,
) -> Error {
    let stop = match error {
        Error::Cancelled => Stop::Cancelled,
        Error::Said { error, .. } if matches!(*error, Error::Cancelled) => Stop::Cancelled,
        other => {
            if save_draft(saved, args, library, path, language).is_ok() {
                let words = messages::of(language);
                eprintln!("{}", (words.saved_so_far)(&path.display().to_string()));
            }
            return other;
        }
    };
    let halt = Stopped {
        stop,
        draft: saved.clone(),
    };
    keep_draft(halt, args, library, path, language)
}

/// The warning for a draft that could not be removed (`error`, the removal's) once its
/// contract was written, in `language`: the run goes on, since the contract and its answers
/// stand, and the user is told to delete the draft, which `new` would otherwise offer to resume.
fn not_removed(error: &Error, language: Language, styled: bool) -> String {
    let words = messages::of(language);
    let text = match error {
        Error::Io { path, source } => {
            let why = crate::said::os_reason(
                Some(source.kind()),
                &source.to_string(),
                crate::said::Access::Write,
                language,
            );
            (words.draft_not_removed)(&path.display().to_string(), &why)
        }
        other => other.to_string(),
    };
    if styled {
        format!("\x1b[1;33m{}\x1b[0m: {text}", words.warning)
    } else {
        format!("{}: {text}", words.warning)
    }
}

/// The error of a draft that could not be saved (`error`, the write's): that the interview
/// stopped and its answers were not kept, then why, in `language`.
fn unsaved(error: Error, language: Language) -> Error {
    let words = messages::of(language);
    let (why, error) = match super::said(error, language) {
        Error::Said { text, error, .. } => (text, error),
        other => (other.to_string(), Box::new(other)),
    };
    Error::Said {
        error,
        label: words.error,
        text: (words.draft_unsaved)(&why),
    }
}

/// Saves the freelancer's details to the profile. A new profile is written at once; one that
/// exists is changed only when the user agrees, after seeing each change (the default is no
/// when the details came from an answers file, which may be another freelancer's).
fn update_profile(
    path: &Path,
    library: &Library,
    before: &Answers,
    answers: &Answers,
    from_file: bool,
    (prompter, language): (&mut dyn Prompter, Language),
) -> Result<(), Error> {
    // The changes are listed with the labels and values of the interview's language.
    let (words, locale) = (messages::of(language), messages::locale(language));
    let asked = library.asking_in(language);
    let library = asked.as_ref().unwrap_or(library);
    let mine = interview::profile_answers(library, answers);
    let currency = answers.currency();
    let mut changes = String::new();
    let mut merged = before.clone();
    for (key, value) in mine.iter() {
        if before.get(key) == Some(value) {
            continue;
        }
        let Some(question) = library.question(key) else {
            continue;
        };
        let shown = |v: &crate::model::Value| format::display_value(question, v, &currency, locale);
        let old = before.get(key).map_or_else(|| "—".to_owned(), shown);
        let _ = write!(changes, "\n  {}: {old} → {}", question.label, shown(value));
        merged.set(key, value.clone());
    }
    // The remembered answers are one contract's: one it left out (a state, once a country
    // without states is chosen) is forgotten, or it would be offered beside another's.
    for (key, value) in before.iter() {
        let Some(question) = library.question(key) else {
            continue;
        };
        if interview::is_remembered(key) && mine.get(key).is_none() {
            let old = format::display_value(question, value, &currency, locale);
            let _ = write!(changes, "\n  {}: {old} → —", question.label);
            merged.remove(key);
        }
    }
    if changes.is_empty() {
        return Ok(());
    }
    if path.exists() {
        prompter.say(&(words.profile_changes)(
            &path.display().to_string(),
            &changes,
        ));
        let save = prompter.confirm(&ConfirmPrompt {
            message: words.save_profile,
            help: Some(if from_file {
                words.save_profile_from_file.into()
            } else {
                words.save_profile_offered.into()
            }),
            default: Some(!from_file),
        });
        match save {
            Ok(true) => {}
            Ok(false) | Err(Stop::Cancelled) => {
                eprintln!("{}", words.profile_unchanged);
                return Ok(());
            }
            Err(stop) => return Err(stopped(stop)),
        }
    }
    save_profile(path, interview::profile_file(library, &merged, language))?;
    eprintln!("{}", (words.details_saved)(&path.display().to_string()));
    Ok(())
}

/// What was given before the interview, and the language it starts in.
struct Start {
    /// The values, by key.
    presets: BTreeMap<String, Preset>,
    /// The valid lists, by key.
    lists: BTreeMap<String, crate::model::Value>,
    /// Whether the rates were already multiplied for a late payer.
    late_payer_applied: bool,
    /// The language the interview starts in (see [`start_language`]).
    language: Language,
}

/// The language the interview starts in: the first of `--lang`, else the first of the
/// `agreement.language` the answers file gives, else English; English too when the library
/// has no words in that language (the interview would be held in English).
fn start_language(
    args: &NewArgs,
    given: Option<&answers::Given>,
    library: &Library,
) -> (Language, Option<Library>) {
    let written = given
        .and_then(|given| given.values.get(AGREEMENT_LANGUAGE))
        .and_then(|located| match &located.scalar {
            Scalar::Str(code) => code.trim().parse::<Languages>().ok(),
            _ => None,
        });
    language_wanted(args, written, library)
}

/// The language of `--lang`, else of `written` (the answers file's), else English; English
/// too when the library has no words in it. With the library in that language.
fn language_wanted(
    args: &NewArgs,
    written: Option<Languages>,
    library: &Library,
) -> (Language, Option<Library>) {
    let wanted = args
        .contract
        .lang
        .or(written)
        .map_or(Language::En, Languages::first);
    match library.asking_in(wanted) {
        Some(asked) => (wanted, Some(asked)),
        None => (Language::En, None),
    }
}

/// The values given before the interview: the answers file or draft `given` (its problems
/// printed as warnings, in the interview's language) and `--date`, its valid lists, whether
/// that file's rates were already multiplied for a late payer, and the language the interview
/// starts in.
fn read_presets(
    given: Option<&Path>,
    args: &NewArgs,
    library: &Library,
    styled: bool,
) -> Result<Start, Error> {
    let mut presets = BTreeMap::new();
    let mut lists = BTreeMap::new();
    let mut late_payer_applied = false;
    let mut language = args.contract.lang.map_or(Language::En, Languages::first);
    if let Some(path) = given {
        let name = path.display().to_string();
        // Said in the language of --lang: the file's own cannot be read.
        let text = super::read_text_in(path, language)?;
        let given = match answers::read_or_refuse(&name, &text, library) {
            Ok(given) => given,
            // Said in the language the file is written for, read from its lines.
            Err(refused) => {
                let written = answers::language_written(&text);
                let (language, asked) = language_wanted(args, written, library);
                let asked = asked.as_ref().unwrap_or(library);
                let diagnostics = refused
                    .iter()
                    .map(|p| interview::file_problems::in_language(p, language, asked))
                    .collect();
                return Err(super::worded(diagnostics, language));
            }
        };
        let (started, asked) = start_language(args, Some(&given), library);
        language = started;
        late_payer_applied = given.late_payer_applied;
        let mut problems = given.problems;
        let currency = answers::given_currency(&given.values, library);
        for (key, list) in &given.lists {
            let Some(question) = library.question(key) else {
                continue;
            };
            match answers::typed_records(&name, &text, question, list, &currency) {
                Ok(value) => {
                    lists.insert(key.clone(), value);
                }
                Err(found) => problems.extend(found),
            }
        }
        if !problems.is_empty() {
            let words = messages::of(language);
            let asked = asked.as_ref().unwrap_or(library);
            for problem in &problems {
                let mut warning = interview::file_problems::in_language(problem, language, asked);
                warning.severity = Severity::Warning;
                eprintln!("{}\n", warning.render_named(styled, words.warning));
            }
            eprintln!("{}", (words.ignored)(&name));
        }
        for (key, located) in given.values {
            let place = format!("{name}:{}", located.line);
            // An amount is read from its digits as written (YAML reads `1.250` as 1.25).
            let scalar = library.question(&key).map_or_else(
                || located.scalar.clone(),
                |q| answers::written_money(&text, &located, q.ty),
            );
            presets.insert(key, Preset { scalar, place });
        }
    }
    // `--lang` answers the language question: the interview does not ask it again.
    if let Some(languages) = args.contract.lang {
        presets.insert(
            AGREEMENT_LANGUAGE.to_owned(),
            Preset {
                scalar: Scalar::Str(languages.to_string()),
                place: "--lang".into(),
            },
        );
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
    Ok(Start {
        presets,
        lists,
        late_payer_applied,
        language,
    })
}

/// Where the answers file goes (beside the contract, named after the client); when output
/// files exist and `--force` was not given, asks whether to replace them or write elsewhere,
/// and updates `contract` to match. One of `inputs` (the answers file given, the profile, the
/// draft) is never replaced, `--force` or not: another folder is asked for, rather than
/// refusing the write once the answers are given.
fn choose_destination(
    contract: &mut ContractArgs,
    client: &str,
    (prompter, words): (&mut dyn Prompter, &Messages),
    inputs: &[PathBuf],
) -> Result<PathBuf, Error> {
    let same = |a: &Path, b: &Path| matches!((std::fs::canonicalize(a), std::fs::canonicalize(b)), (Ok(a), Ok(b)) if a == b);
    loop {
        let Destination::Files(paths) =
            output::plan(contract.output.as_deref(), client, &contract.formats())?
        else {
            return Err(Error::Usage(words.stdout_refused.into()));
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
        let read: Vec<&Path> = (existing.iter().copied())
            .filter(|path| inputs.iter().any(|input| same(path, input)))
            .collect();
        if existing.is_empty() || contract.force && read.is_empty() {
            return Ok(answers_path);
        }
        match ask_replace(prompter, &existing, &read, words).map_err(stopped)? {
            Some(folder) => contract.output = Some(folder),
            None => contract.force = true,
        }
    }
}

fn stopped(stop: Stop) -> Error {
    match stop {
        Stop::Cancelled => Error::Cancelled,
        Stop::Failed(source) => Error::Io {
            path: PathBuf::from(super::TERMINAL),
            source,
        },
    }
}

/// Asks what to do about output files that exist: `None` to replace them, or another folder;
/// only another folder when some of them are files the run read (`read`).
fn ask_replace(
    prompter: &mut dyn Prompter,
    existing: &[&Path],
    read: &[&Path],
    words: &Messages,
) -> Result<Option<PathBuf>, Stop> {
    let mut text = String::from(words.files_exist);
    for path in existing {
        let _ = write!(text, "\n  {}", path.display());
    }
    prompter.say(&text);
    if let Some(input) = read.first() {
        prompter.say(&(words.input_kept)(&input.display().to_string()));
    } else {
        let choice = prompter.select(&SelectPrompt {
            message: words.what_to_do,
            help: None,
            options: vec![words.replace.into(), words.elsewhere.into()],
            start: 1,
        })?;
        if choice == 0 {
            return Ok(None);
        }
    }
    let environment = Environment::current();
    let check = |input: &str| {
        let typed = input.trim();
        let folder = environment.expand_home(typed);
        if typed.is_empty() {
            Err(words.required.to_owned())
        } else if folder.exists() && !folder.is_dir() {
            Err((words.not_a_folder)(&folder.display().to_string()))
        } else {
            // A folder that does not exist is offered to be created.
            Ok(())
        }
    };
    loop {
        let typed = prompter.text(&TextPrompt {
            message: words.folder,
            help: None,
            default: None,
            initial: None,
            placeholder: None,
            check: &check,
        })?;
        let folder = environment.expand_home(typed.trim());
        if folder.as_os_str().is_empty() {
            prompter.say(words.required);
            continue;
        }
        if !folder.is_dir() {
            let shown = folder.display().to_string();
            prompter.say(&(words.no_folder)(&shown));
            let create = prompter.confirm(&ConfirmPrompt {
                message: words.create_folder,
                help: Some((words.create_folder_help)(&shown)),
                default: Some(true),
            });
            match create {
                Ok(true) => {}
                Ok(false) | Err(Stop::Cancelled) => continue,
                Err(stop) => return Err(stop),
            }
            if let Err(why) = std::fs::create_dir_all(&folder) {
                prompter.say(&(words.cannot_create)(&shown, &why.to_string()));
                continue;
            }
        }
        // A trailing separator tells `output::plan` that this is a folder.
        return Ok(Some(folder.join("")));
    }
}

/// `--profile`, else `profile.yaml` in the config folder (see [`Environment`]).
fn profile_path(args: &NewArgs) -> Option<PathBuf> {
    args.profile
        .clone()
        .or_else(|| Environment::current().profile_path())
}

/// The saved details in the profile at `path`, none when there is none: values of
/// `profile: true` questions and the remembered answers (the trade, the place). Other keys
/// are skipped (the profile may come from another library); invalid values are reported, in
/// the interview's `language`, and not offered.
fn read_profile(
    path: Option<&Path>,
    library: &Library,
    styled: bool,
    language: Language,
) -> Result<Answers, Error> {
    let Some(path) = path.filter(|path| path.exists()) else {
        return Ok(Answers::default());
    };
    let words = messages::of(language);
    let name = path.display().to_string();
    let text = super::read_text_in(path, language)?;
    let asking = library.asking_in(language);
    let asked = asking.as_ref().unwrap_or(library);
    let given = answers::read_or_refuse(&name, &text, library).map_err(|refused| {
        let diagnostics = refused
            .iter()
            .map(|p| interview::file_problems::in_language(p, language, asked))
            .collect();
        super::worded(diagnostics, language)
    })?;
    // A key of another library is skipped; a key of this one written in a shape it cannot
    // take (a list where one value goes) is said, as a value refused is.
    let problems: Vec<&answers::Problem> = (given.problems.iter())
        .filter(|p| !matches!(p.facts, answers::Facts::UnknownKey { .. }))
        .collect();
    for problem in &problems {
        let mut warning = interview::file_problems::in_language(problem, language, asked);
        warning.severity = Severity::Warning;
        eprintln!("{}\n", warning.render_named(styled, words.warning));
    }
    if !problems.is_empty() {
        eprintln!("{}", (words.ignored)(&name));
    }
    let mut profile = Answers::default();
    for (key, located) in given.values {
        let Some(question) = library
            .question(&key)
            .filter(|q| q.profile || interview::is_remembered(&q.key))
        else {
            continue;
        };
        match crate::model::typed_value_why(question, &located.scalar, None) {
            Ok(value) => profile.set(&key, value),
            Err(why) => eprintln!(
                "{}\n",
                Diagnostic::warning(
                    &name,
                    &text,
                    located.line,
                    located.column,
                    (words.profile_refused)(question, &why),
                )
                .render_named(styled, words.warning)
            ),
        }
    }
    Ok(profile)
}

fn save_profile(path: &Path, text: String) -> Result<(), Error> {
    if let Some(folder) = path.parent().filter(|f| !f.as_os_str().is_empty()) {
        std::fs::create_dir_all(folder)
            .map_err(|source| OutputError::unwritten(folder, &source))?;
    }
    // The profile replaces itself: it was read to be updated.
    output::write_all(&[(path.to_owned(), text.into_bytes())], true, &[])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::{Cli, Command};
    use clap::Parser;

    fn new_args(line: &[&str]) -> NewArgs {
        let Command::New(args) = Cli::try_parse_from(line).unwrap().command else {
            panic!("not `new`");
        };
        args
    }

    fn library() -> Library {
        crate::library::built_in().unwrap()
    }

    /// Plays typed replies and picks in order; logs what is said and asked.
    struct Replies {
        replies: std::collections::VecDeque<String>,
        log: Vec<String>,
    }

    impl Prompter for Replies {
        fn section(&mut self, _title: &str) {}
        fn say(&mut self, text: &str) {
            self.log.push(format!("say: {text}"));
        }
        fn text(&mut self, prompt: &TextPrompt<'_>) -> Result<String, Stop> {
            self.log.push(format!("ask: {}", prompt.message));
            let typed = self.replies.pop_front().expect("a reply");
            (prompt.check)(&typed).map_err(|why| panic!("{typed:?} refused: {why}"))?;
            Ok(typed)
        }
        fn select(&mut self, prompt: &SelectPrompt<'_>) -> Result<usize, Stop> {
            self.log.push(format!("pick: {}", prompt.message));
            let picked = self.replies.pop_front().expect("a reply");
            Ok(prompt
                .options
                .iter()
                .position(|o| *o == picked)
                .expect("an option"))
        }
        fn confirm(&mut self, prompt: &ConfirmPrompt<'_>) -> Result<bool, Stop> {
            self.log.push(format!("confirm: {}", prompt.message));
            Ok(true)
        }
    }

    #[test]
    fn the_answers_file_read_is_never_offered_to_be_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("out");
        let other = dir.path().join("diger");
        std::fs::create_dir_all(&out).unwrap();
        std::fs::create_dir_all(&other).unwrap();
        let given = out.join("acme.answers.yaml");
        std::fs::write(&given, "client:\n  name: Acme\n").unwrap();
        let words = messages::of(Language::Tr);
        for force in [false, true] {
            let mut line = vec!["clausewright", "new", "--format", "md", "-o"];
            let out_arg = format!("{}/", out.display());
            line.push(&out_arg);
            if force {
                line.push("--force");
            }
            let mut contract = new_args(&line).contract;
            let mut replies = Replies {
                replies: [other.display().to_string()].into(),
                log: Vec::new(),
            };
            let inputs = [given.clone()];
            let chosen =
                choose_destination(&mut contract, "Acme", (&mut replies, words), &inputs).unwrap();
            assert_eq!(chosen, other.join("acme.answers.yaml"));
            assert_eq!(
                replies.log[1..],
                [
                    format!(
                        "say: {} bu komutun okuduğu bir dosyadır ve yerine yenisi yazılmaz: \
                         sözleşme ve yanıtları için başka bir klasör seçin.",
                        given.display()
                    ),
                    "ask: Yazılacak klasör".to_owned(),
                ],
                "{force}"
            );
        }
        // A file that was not read may be replaced.
        let mut contract = new_args(&[
            "clausewright",
            "new",
            "--format",
            "md",
            "-o",
            &format!("{}/", out.display()),
        ])
        .contract;
        let mut replies = Replies {
            replies: [words.replace.to_owned()].into(),
            log: Vec::new(),
        };
        let chosen = choose_destination(&mut contract, "Acme", (&mut replies, words), &[]).unwrap();
        assert_eq!(chosen, given);
        assert!(contract.force);
    }

    #[test]
    fn a_profile_that_cannot_be_read_is_said_located_in_turkish() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("profile.yaml");
        let name = path.display().to_string();
        let library = library();
        let said = |text: &[u8]| {
            std::fs::write(&path, text).unwrap();
            read_profile(Some(&path), &library, false, Language::Tr)
                .unwrap_err()
                .render(false)
        };
        assert_eq!(
            said(b"freelancer:\n  name: [Elif\n"),
            format!(
                "hata: dosya bu noktada YAML olarak okunamıyor; girintiyi, `anahtar: değer` \
                 biçimini ve tırnakları denetleyin (YAML okuyucusunun İngilizce iletisi: \
                 “unclosed bracket '['”)\n --> {name}:2:9\n  |\n2 |   name: [Elif\n  |         \
                 ^\n\n1 hata, 0 uyarı"
            )
        );
        let twice = said(b"freelancer:\n  name: Elif\n  name: Ayse\n");
        assert!(
            twice.starts_with("hata: `name` aynı yerde iki kez yazılmış; birini silin\n"),
            "{twice}"
        );
        assert!(twice.contains(&format!("--> {name}:3:3\n")), "{twice}");
        assert!(twice.ends_with("\n1 hata, 0 uyarı"), "{twice}");
        let list = said(b"- Elif\n");
        assert!(
            list.starts_with("hata: yanıt dosyası `anahtar: değer` satırlarıyla yazılır;"),
            "{list}"
        );
        assert!(list.contains(&format!("--> {name}:1:1\n")), "{list}");
        assert_eq!(
            said(b"freelancer:\n  name: G\xfcl\n"),
            format!("hata: {name}: dosya UTF-8 metin değil\n\n1 hata, 0 uyarı")
        );
        // English as `build` says it.
        std::fs::write(&path, "- Elif\n").unwrap();
        let english = read_profile(Some(&path), &library, false, Language::En)
            .unwrap_err()
            .render(false);
        assert!(
            english.starts_with("error: an answers file is a mapping of keys to values"),
            "{english}"
        );
    }

    #[test]
    fn a_profile_key_of_the_wrong_shape_is_not_offered_and_the_rest_is() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("profile.yaml");
        std::fs::write(
            &path,
            "freelancer:\n  name: [Elif, Şahin]\n  email: elif@elifsahin.example\n  \
             nickname: Elif\n",
        )
        .unwrap();
        let profile = read_profile(Some(&path), &library(), false, Language::Tr).unwrap();
        assert_eq!(profile.get("freelancer.name"), None);
        assert_eq!(
            profile.get("freelancer.email"),
            Some(&Value::Text("elif@elifsahin.example".into()))
        );
    }

    #[test]
    fn answers_stopped_after_the_interview_are_kept_as_the_draft() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("draft.answers.yaml");
        let mut saved = Answers::default();
        saved.set("freelancer.name", Value::Text("Jordan Reyes".into()));
        let args = new_args(&["clausewright", "new"]);
        // Esc at "which folder?" after the summary: a stop, with the draft to resume from.
        let error = keep_answers(
            Error::Cancelled,
            &saved,
            &args,
            &library(),
            &path,
            Language::En,
        );
        assert_eq!(error.exit_code(), 130);
        assert!(
            error.render(false).contains(&path.display().to_string()),
            "{}",
            error.render(false)
        );
        let draft = std::fs::read_to_string(&path).unwrap();
        assert!(draft.contains("name: \"Jordan Reyes\""), "{draft}");
        // A write that failed: the error is the write's, and the answers are kept.
        std::fs::remove_file(&path).unwrap();
        let failed = Error::Io {
            path: dir.path().join("contract.pdf"),
            source: std::io::Error::from(std::io::ErrorKind::StorageFull),
        };
        let error = keep_answers(failed, &saved, &args, &library(), &path, Language::En);
        assert!(matches!(error, Error::Io { .. }), "{error:?}");
        let draft = std::fs::read_to_string(&path).unwrap();
        assert!(draft.contains("name: \"Jordan Reyes\""), "{draft}");
    }

    #[test]
    fn a_terminal_that_fails_and_a_draft_not_removed_are_said_in_turkish() {
        let terminal = stopped(Stop::Failed(std::io::Error::from(
            std::io::ErrorKind::PermissionDenied,
        )));
        assert_eq!(
            super::super::said(terminal, Language::Tr).render(false),
            "hata: terminal okunamadı: dosyayı okuma izniniz yok"
        );
        let english = stopped(Stop::Failed(std::io::Error::from(
            std::io::ErrorKind::PermissionDenied,
        )));
        assert!(
            super::super::said(english, Language::En)
                .render(false)
                .starts_with("error: <terminal>: "),
        );
        let failed = || Error::Io {
            path: PathBuf::from("/state/clausewright/draft.answers.yaml"),
            source: std::io::Error::from(std::io::ErrorKind::PermissionDenied),
        };
        assert_eq!(
            not_removed(&failed(), Language::Tr, false),
            "uyarı: sözleşme yazıldı, ancak artık gerekmeyen \
             /state/clausewright/draft.answers.yaml taslağı silinemedi: buraya yazma izniniz \
             yok; taslağı kendiniz silin, yoksa `clausewright new` onu devam ettirmeyi önerir"
        );
        assert_eq!(
            not_removed(&failed(), Language::En, false),
            "warning: the contract was written, but the draft \
             /state/clausewright/draft.answers.yaml, no longer needed, could not be removed: \
             permission denied; delete it yourself, or `clausewright new` will offer to resume it"
        );
        assert!(
            not_removed(&failed(), Language::En, true).starts_with("\x1b[1;33mwarning\x1b[0m: ")
        );
    }

    #[test]
    fn a_draft_that_cannot_be_written_is_said_in_turkish() {
        let dir = tempfile::tempdir().unwrap();
        // The draft's folder is a file: it cannot be created.
        let blocker = dir.path().join("state");
        std::fs::write(&blocker, "").unwrap();
        let path = blocker.join("clausewright").join("draft.answers.yaml");
        let mut draft = Answers::default();
        draft.set("freelancer.name", Value::Text("Elif Şahin".into()));
        draft.set("agreement.language", Value::Text("tr".into()));
        let args = new_args(&["clausewright", "new", "--lang", "tr"]);
        let halt = Stopped {
            stop: Stop::Cancelled,
            draft,
        };
        let error = keep_draft(halt, &args, &library(), &path, Language::Tr);
        let folder = blocker.join("clausewright").display().to_string();
        let said = error.render(false);
        assert!(
            said.starts_with(&format!(
                "hata: görüşme durduruldu, ancak yanıtlarınız taslak olarak kaydedilemedi: \
                 {folder} yazılamadı: yolundaki adlardan biri klasör değil, dosya"
            )),
            "{said}"
        );
        assert_eq!(error.exit_code(), 1);
        assert!(!path.exists());
        // Nothing answered: nothing to save, and the stop said in Turkish.
        let halt = Stopped {
            stop: Stop::Cancelled,
            draft: Answers::default(),
        };
        let error = keep_draft(halt, &args, &library(), &path, Language::Tr);
        assert_eq!(
            error.render(false),
            "hata: görüşme durduruldu; hiçbir şey yazılmadı"
        );
        assert_eq!(error.exit_code(), 130);
    }
}
