//! The commands that help a user set up rather than build: `example`, `completions`, `man`,
//! `schema` and `config path`. Each prints to standard output and writes no file.

use std::io::Write as _;
use std::path::{Path, PathBuf};

use clap::CommandFactory as _;
use include_dir::{Dir, include_dir};

use crate::answers::{self, Answers};
use crate::cli::{
    Cli, CompletionsArgs, ConfigCommand, ExampleArgs, ManArgs, SchemaArgs, SchemaFile,
};
use crate::config::Environment;
use crate::error::Error;
use crate::library::{Library, built_in_files};
use crate::model::keys::{AGREEMENT_DATE, PROFESSION, RELATIONSHIP};
use crate::model::{Type, Value};

use super::load_library;

/// The worked examples shipped in `examples/`, embedded so the binary alone can print one.
static EXAMPLES: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/examples");

/// The command line as clap sees it, with the version naming the built-in clause library.
#[must_use]
pub fn command() -> clap::Command {
    Cli::command().version(crate::version::line(&built_in_files()))
}

pub(super) fn run_example(args: &ExampleArgs) -> Result<i32, Error> {
    let library = load_library(None)?;
    let (name, answers) = choose_example(&library, args.profession.as_deref())?;
    let text = crate::example::example_file(&library, &answers, &format!("examples/{name}"));
    print(text.as_bytes())
}

/// The worked example to start from: one for the asked profession (else for the library's
/// default profession), preferring a first-time client, then the file name's order.
fn choose_example(library: &Library, profession: Option<&str>) -> Result<(String, Answers), Error> {
    let wanted = match (library.question(PROFESSION), profession) {
        (None, Some(asked)) => {
            return Err(Error::Usage(format!(
                "--profession {asked}: the built-in clause library does not ask for a profession \
                 (it declares no `{PROFESSION}`)"
            )));
        }
        (None, None) => None,
        (Some(question), asked) => {
            if question.ty != Type::Choice {
                return Err(Error::Usage(format!(
                    "`{PROFESSION}` is declared as {}, not as a choice of professions",
                    question.ty
                )));
            }
            match asked {
                Some(asked) if !question.choices.iter().any(|c| c.value == asked) => {
                    let values: Vec<&str> =
                        question.choices.iter().map(|c| c.value.as_str()).collect();
                    return Err(Error::Usage(format!(
                        "--profession {asked} is not a profession of the built-in library; \
                         expected one of {}",
                        values.join(", ")
                    )));
                }
                Some(asked) => Some(Value::Text(asked.to_owned())),
                None => question.default.clone(),
            }
        }
    };
    let mut candidates: Vec<(String, Answers)> = Vec::new();
    for file in EXAMPLES.files() {
        let name = file.path().to_string_lossy().into_owned();
        if !Path::new(&name)
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("yaml"))
        {
            continue;
        }
        let text = file.contents_utf8().unwrap_or_default();
        // Every example is built by the tests, so one that does not read is a broken build;
        // it is skipped here rather than offered.
        let Ok(answers) = answers::parse(&name, text, library) else {
            continue;
        };
        if wanted.is_none() || answers.get(PROFESSION) == wanted.as_ref() {
            candidates.push((name, answers));
        }
    }
    let later =
        |answers: &Answers| answers.get(RELATIONSHIP) != Some(&Value::Text("first-time".into()));
    // A first-time client is where a new user starts; among those, the example named for it.
    candidates.sort_by_key(|(name, answers)| {
        (later(answers), !name.contains("first-time"), name.clone())
    });
    let chosen = candidates.into_iter().next();
    // The agreement is dated when it is built (today, unless `--date` says otherwise), not on
    // the example's day.
    chosen
        .map(|(name, mut answers)| {
            answers.remove(AGREEMENT_DATE);
            (name, answers)
        })
        .ok_or_else(|| {
            Error::Usage(match &wanted {
                Some(profession) => {
                    format!("no worked example is shipped for the profession {profession}")
                }
                None => "no worked example fits the built-in clause library".into(),
            })
        })
}

pub(super) fn run_completions(args: &CompletionsArgs) -> Result<i32, Error> {
    let mut script = Vec::new();
    clap_complete::generate(args.shell, &mut command(), "clausewright", &mut script);
    print(&script)
}

pub(super) fn run_man(args: &ManArgs) -> Result<i32, Error> {
    let main = command();
    let page_of = match &args.command {
        None => main,
        Some(name) => {
            let Some(sub) = main.find_subcommand(name) else {
                let names: Vec<&str> = main
                    .get_subcommands()
                    .map(clap::Command::get_name)
                    .collect();
                return Err(Error::Usage(format!(
                    "`{name}` is not a clausewright command; expected one of {}",
                    names.join(", ")
                )));
            };
            // The page's name follows the convention of git's pages: clausewright-build(1).
            sub.clone()
                .name(format!("clausewright-{name}"))
                .bin_name(format!("clausewright {name}"))
                .version(main.get_version().unwrap_or_default().to_owned())
        }
    };
    let mut page = Vec::new();
    clap_mangen::Man::new(page_of)
        .render(&mut page)
        .map_err(|source| Error::Io {
            path: PathBuf::from("<stdout>"),
            source,
        })?;
    print(&page)
}

pub(super) fn run_schema(args: &SchemaArgs) -> Result<i32, Error> {
    let schema = match args.file {
        SchemaFile::Answers => {
            crate::schema::answers_schema(&load_library(args.clauses.as_deref())?)
        }
        SchemaFile::Clause | SchemaFile::Library if args.clauses.is_some() => {
            return Err(Error::Usage(
                "--clauses is for `schema answers`: clause files and library.yaml have the same \
                 schema in every library"
                    .into(),
            ));
        }
        SchemaFile::Clause => crate::schema::clause_schema(),
        SchemaFile::Library => crate::schema::library_schema(),
    };
    let mut text = serde_json::to_string_pretty(&schema).unwrap_or_default();
    text.push('\n');
    print(text.as_bytes())
}

pub(super) fn run_config(command: &ConfigCommand) -> Result<i32, Error> {
    match command {
        ConfigCommand::Path => {
            let path = Environment::current().profile_path().ok_or_else(|| {
                Error::Usage(
                    "no home folder is known (HOME is not set), so there is no profile; \
                     pass --profile FILE to `new`"
                        .into(),
                )
            })?;
            print(format!("{}\n", path.display()).as_bytes())?;
            if !path.exists() {
                eprintln!("(not written yet: `clausewright new` saves your details there)");
            }
            Ok(0)
        }
    }
}

fn print(bytes: &[u8]) -> Result<i32, Error> {
    let mut stdout = std::io::stdout().lock();
    stdout
        .write_all(bytes)
        .and_then(|()| stdout.flush())
        .map_err(|source| Error::Io {
            path: PathBuf::from("<stdout>"),
            source,
        })?;
    Ok(0)
}
