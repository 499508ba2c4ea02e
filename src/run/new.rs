//! `clausewright new`: the terminal, the profile and the files around the interview.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use crate::answers::{self, Answers};
use crate::cli::{ContractArgs, NewArgs, OutputFormat};
use crate::error::{Diagnostic, Error, Severity};
use crate::interview::{self, Known, Preset, Prompter, SelectPrompt, Stop, TextPrompt};
use crate::library::Library;
use crate::model::Scalar;
use crate::model::keys::AGREEMENT_DATE;
use crate::output::{self, Destination};
use crate::terminal::Terminal;

use crate::model::keys::CLIENT_NAME;
use crate::prepare::{self, PrepareOptions};

use super::{load_library, read_text, stderr_is_styled, today, today_if_needed, write_contract};

/// Why `new` will not start without a terminal, and what to do instead.
const NO_TERMINAL: &str = "`clausewright new` asks its questions in a terminal, but its standard \
input, output or error is not one.
Without a terminal, write the answers in a file (see examples/ in the source, or a file saved by \
an earlier `clausewright new`) and run:

    clausewright build ANSWERS.yaml";

const STDOUT_REFUSED: &str = "`new` writes the answers file beside the contract, so it cannot \
write to standard output; give -o a folder or a file name";

pub(super) fn run_new(args: &NewArgs) -> Result<i32, Error> {
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
        .or_else(|| crate::config::Environment::current().profile_path());
    let profile = match &profile_path {
        Some(path) if path.exists() => read_profile(path, &library, styled)?,
        _ => Answers::default(),
    };
    // A folder that does not exist is found now, not after every question has been answered.
    output::plan(
        args.contract.output.as_deref(),
        "client",
        &args.contract.formats(),
    )?;
    let (presets, late_payer_applied) = read_presets(args, &library, styled)?;
    let known = Known {
        presets,
        late_payer_applied,
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
    };
    let mut terminal = Terminal::new();
    let mut answers = interview::interview(&library, &known, &mut terminal).map_err(stopped)?;
    answers.late_payer_applied = known.late_payer_applied;

    let options = PrepareOptions {
        date: args.contract.date,
        today: today_if_needed(&library, &answers, args.contract.date)?,
        late_payer: false,
        rate_multiplier: interview::LATE_PAYER_MULTIPLIER,
    };
    // The answers file holds the answers as given, dated: `build` hardens them the same way.
    let mut saved = answers.clone();
    let prepared = prepare::prepare(library, answers, &options)?;
    if let Some(date) = prepared.answers.get(AGREEMENT_DATE) {
        saved.set(AGREEMENT_DATE, date.clone());
    }
    let client = saved
        .get(CLIENT_NAME)
        .map(ToString::to_string)
        .unwrap_or_default();
    let mut contract = args.contract.clone();
    let answers_path = choose_destination(&mut contract, &client, &mut terminal)?;
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
    let answers_text = interview::answers_file(&prepared.library, &saved, &rebuild);
    // The files read before the interview are never written over, even when the user agreed
    // to replace what is at the answers path.
    let mut inputs: Vec<PathBuf> = args.answers.iter().cloned().collect();
    inputs.extend(profile_path.clone());
    let answers_name = answers_path.display().to_string();
    write_contract(
        &prepared,
        &contract,
        vec![(answers_path.clone(), answers_text.clone().into_bytes())],
        &super::Terms::warn_about((&answers_name, &answers_text)),
        &inputs,
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
/// The values of `--answers` (and `--date`), and whether that file's rates were already
/// multiplied for a late payer.
fn read_presets(
    args: &NewArgs,
    library: &Library,
    styled: bool,
) -> Result<(BTreeMap<String, Preset>, bool), Error> {
    let mut presets = BTreeMap::new();
    let mut late_payer_applied = false;
    if let Some(path) = &args.answers {
        let name = path.display().to_string();
        let given = answers::read_given(&name, &read_text(path)?, library)?;
        late_payer_applied = given.late_payer_applied;
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
    Ok((presets, late_payer_applied))
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
        match crate::model::typed_value(question, &located.scalar) {
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
    // The profile replaces itself: it was read to be updated.
    output::write_all(&[(path.to_owned(), text.into_bytes())], true, &[])
}
