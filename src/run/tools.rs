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
use crate::example::words;
use crate::library::Library;
use crate::model::keys::{AGREEMENT_DATE, AGREEMENT_LANGUAGE, PROFESSION, RELATIONSHIP};
use crate::model::{Language, Languages, Type, Value};

use super::load_library;

/// The worked examples shipped in `examples/`, embedded so the binary alone can print one.
static EXAMPLES: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/examples");

/// The command line as clap sees it, with the version naming the built-in clause library.
#[must_use]
pub fn command() -> clap::Command {
    Cli::command().version(crate::version::line_for(
        crate::library::BUILT_IN_FINGERPRINT,
    ))
}

pub(super) fn run_example(args: &ExampleArgs) -> Result<i32, Error> {
    let library = load_library(None)?;
    let languages = args.lang.unwrap_or(Languages::one(Language::En));
    for language in languages.all() {
        crate::prepare::check_language(&library, language)?;
    }
    // The comments are in the contract's first language, as `new`'s interview is.
    let language = languages.first();
    let (name, answers) = choose_example(&library, args.profession.as_deref(), languages)?;
    // The title, the section titles and the questions' words in that language.
    let mut asked = library
        .asking_in(language)
        .unwrap_or_else(|| library.clone());
    if let Some(translated) = library.clone().into_language(language) {
        asked.title = translated.title;
    }
    let text =
        crate::example::example_file(&asked, &answers, &format!("examples/{name}"), language);
    print(text.as_bytes())
}

/// A usage error worded by the example's catalogue: in English, and said in `language`.
fn refused(language: Language, say: impl Fn(&words::Words) -> String) -> Error {
    let english = Error::Usage(say(words::of(Language::En)));
    if language == Language::En {
        return english;
    }
    Error::Said {
        label: crate::interview::messages::of(language).error,
        text: say(words::of(language)),
        error: Box::new(english),
    }
}

/// The languages a worked example's contract is written in (`agreement.language`, else
/// English).
fn written_in(answers: &Answers) -> Languages {
    match answers.get(AGREEMENT_LANGUAGE) {
        Some(Value::Text(code)) => code.parse().unwrap_or(Languages::one(Language::En)),
        _ => Languages::one(Language::En),
    }
}

/// The worked example to start from: one written in `languages` for the asked profession, else
/// preferring the library's default profession; then a first-time client, then the file
/// name's order. Refused in the first of `languages`.
fn choose_example(
    library: &Library,
    profession: Option<&str>,
    languages: Languages,
) -> Result<(String, Answers), Error> {
    let language = languages.first();
    let (wanted, preferred) = match (library.question(PROFESSION), profession) {
        (None, Some(asked)) => {
            return Err(Error::Usage(format!(
                "--profession {asked}: the built-in clause library does not ask for a profession \
                 (it declares no `{PROFESSION}`)"
            )));
        }
        (None, None) => (None, None),
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
                    return Err(refused(language, |words| {
                        (words.not_a_profession)(asked, &values.join(", "))
                    }));
                }
                Some(asked) => (Some(Value::Text(asked.to_owned())), None),
                None => (None, question.default.clone()),
            }
        }
    };
    let mut in_language: Vec<(String, Answers)> = Vec::new();
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
        if written_in(&answers) == languages {
            in_language.push((name, answers));
        }
    }
    let professions = |examples: &[(String, Answers)]| {
        let mut names: Vec<String> = (examples.iter())
            .filter_map(|(_, answers)| answers.get(PROFESSION).map(ToString::to_string))
            .collect();
        names.sort();
        names.dedup();
        names.join(", ")
    };
    let others = professions(&in_language);
    let mut candidates: Vec<(String, Answers)> = in_language
        .into_iter()
        .filter(|(_, answers)| wanted.is_none() || answers.get(PROFESSION) == wanted.as_ref())
        .collect();
    let later =
        |answers: &Answers| answers.get(RELATIONSHIP) != Some(&Value::Text("first-time".into()));
    // The default profession's first; a first-time client is where a new user starts; among
    // those, the example named for it.
    candidates.sort_by_key(|(name, answers)| {
        (
            preferred.is_some() && answers.get(PROFESSION) != preferred.as_ref(),
            later(answers),
            !name.contains("first-time"),
            name.clone(),
        )
    });
    let Some((name, mut answers)) = candidates.into_iter().next() else {
        let profession = wanted.map(|p| p.to_string());
        return Err(refused(language, |words| match &profession {
            Some(profession) if languages != Languages::one(Language::En) && !others.is_empty() => {
                (words.none_in_language)(profession, &languages.to_string(), &others)
            }
            _ => (words.none)(profession.as_deref(), &languages.to_string()),
        }));
    };
    // The agreement is dated when it is built (today, unless `--date` says otherwise), not on
    // the example's day.
    answers.remove(AGREEMENT_DATE);
    Ok((name, answers))
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

#[cfg(test)]
mod tests {
    use super::*;

    fn chosen(profession: Option<&str>, languages: &str) -> Result<String, String> {
        let library = crate::library::built_in().unwrap();
        choose_example(&library, profession, languages.parse().unwrap())
            .map(|(name, _)| name)
            .map_err(|error| error.render(false))
    }

    #[test]
    fn the_example_is_one_written_in_the_language_asked() {
        // English unless asked: not the bilingual software developer's.
        assert_eq!(
            chosen(Some("software-development"), "en").as_deref(),
            Ok("software-development.yaml")
        );
        assert_eq!(chosen(None, "tr").as_deref(), Ok("tr-istanbul.yaml"));
        assert_eq!(
            chosen(Some("graphic-design"), "tr").as_deref(),
            Ok("tr-istanbul.yaml")
        );
        assert_eq!(
            chosen(None, "en+tr").as_deref(),
            Ok("bilingual-us-client.yaml")
        );
        assert_eq!(
            chosen(Some("software-development"), "en+tr").as_deref(),
            Ok("bilingual-us-client.yaml")
        );
    }

    #[test]
    fn no_example_in_the_language_asked_is_said_in_it() {
        assert_eq!(
            chosen(Some("translation"), "tr"),
            Err(
                "hata: translation mesleği için --lang tr ile yazılmış bir örnek yok (bu dilde \
                 örneği olan meslekler: graphic-design); İngilizce örnekten başlayıp içine \
                 `agreement.language: tr` yazabilirsiniz: clausewright example --profession \
                 translation"
                    .to_owned()
            )
        );
        assert_eq!(
            chosen(None, "tr+en"),
            Err("hata: --lang tr+en ile yazılmış bir örnek yok".to_owned())
        );
        let astronaut = chosen(Some("astronaut"), "tr").unwrap_err();
        assert!(
            astronaut.starts_with(
                "hata: --profession astronaut: yerleşik kütüphanede böyle bir meslek yok; \
                 şunlardan birini yazın: web-design, "
            ),
            "{astronaut}"
        );
        assert_eq!(
            chosen(Some("translation"), "en+tr"),
            Err(
                "error: no worked example with --lang en+tr is shipped for the profession \
                 translation (there is one for software-development); start from the English one \
                 and write `agreement.language: en+tr` in it: clausewright example --profession \
                 translation"
                    .to_owned()
            )
        );
    }
}
