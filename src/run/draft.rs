//! The draft of a stopped interview: where it is kept, the file it is written as (an answers
//! file with a header saying how to continue), and the command that continues it.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use crate::answers::Answers;
use crate::cli::NewArgs;
use crate::error::{Error, OutputError};
use crate::library::Library;
use crate::output::{self, Destination};

/// The file name of a draft.
const NAME: &str = "draft.answers.yaml";

/// Where the draft of a stopped interview is kept: `clausewright/draft.answers.yaml` in the
/// user's state folder (`~/.local/state` on Linux), or, where there is none, beside the
/// contract the interview would have written (`clausewright-draft.answers.yaml`).
pub(super) fn path(args: &NewArgs) -> PathBuf {
    if let Some(state) = dirs::state_dir() {
        return state.join("clausewright").join(NAME);
    }
    let folder = match output::plan(
        args.contract.output.as_deref(),
        "draft",
        &args.contract.formats(),
    ) {
        Ok(Destination::Files(paths)) => paths
            .first()
            .and_then(|(_, path)| path.parent())
            .map_or_else(PathBuf::new, Path::to_owned),
        _ => PathBuf::new(),
    };
    folder.join(format!("clausewright-{NAME}"))
}

/// The command that continues the interview where it stopped, with the options that choose the
/// library, the output and the profile.
pub(super) fn resume_command(args: &NewArgs) -> String {
    let mut command = String::from("clausewright new --resume");
    if let Some(clauses) = &args.contract.clauses {
        let _ = write!(command, " --clauses {}", clauses.display());
    }
    if let Some(output) = &args.contract.output {
        let _ = write!(command, " -o {}", output.display());
    }
    if !args.contract.format.is_empty() {
        let formats: Vec<&str> = args.contract.format.iter().map(|f| f.extension()).collect();
        let _ = write!(command, " --format {}", formats.join(","));
    }
    if args.contract.paper != crate::cli::PaperArg::default() {
        command.push_str(" --paper a4");
    }
    if let Some(profile) = &args.profile {
        let _ = write!(command, " --profile {}", profile.display());
    }
    command
}

/// The draft as a file: the header, then the answers as an answers file holds them (so that
/// `new --answers` and `build` read it too).
pub(super) fn file(
    library: &Library,
    answers: &Answers,
    resume: &str,
    language: crate::model::Language,
) -> String {
    let words = crate::interview::messages::of(language);
    format!(
        "{}{}",
        (words.draft_header)(resume),
        answers.to_yaml_in(library, language)
    )
}

/// Writes the draft to `path` (replacing an older draft, which this run continued or the user
/// chose not to), creating its folder.
pub(super) fn save(path: &Path, text: String) -> Result<(), Error> {
    if let Some(folder) = path.parent().filter(|f| !f.as_os_str().is_empty()) {
        std::fs::create_dir_all(folder)
            .map_err(|source| OutputError::unwritten(folder, &source))?;
    }
    output::write_all(&[(path.to_owned(), text.into_bytes())], true, &[])
}

/// Removes the draft once its interview has written the contract.
pub(super) fn remove(path: &Path) -> Result<(), Error> {
    match std::fs::remove_file(path) {
        Err(source) if source.kind() != std::io::ErrorKind::NotFound => Err(Error::Io {
            path: path.to_owned(),
            source,
        }),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::{Cli, Command};
    use clap::Parser;

    fn new_args(line: &[&str]) -> NewArgs {
        let cli = Cli::try_parse_from(line).unwrap();
        let Command::New(args) = cli.command else {
            panic!("not `new`");
        };
        args
    }

    #[test]
    fn the_resume_command_keeps_the_options_that_find_the_draft_and_the_output() {
        let args = new_args(&[
            "clausewright",
            "new",
            "--clauses",
            "my-clauses",
            "-o",
            "out/",
            "--format",
            "md",
            "--profile",
            "me.yaml",
        ]);
        assert_eq!(
            resume_command(&args),
            "clausewright new --resume --clauses my-clauses -o out/ --format md --profile me.yaml"
        );
    }

    #[test]
    fn the_draft_reads_back_as_the_answers_it_holds() {
        let library = crate::library::load(&crate::library::built_in_files())
            .into_library()
            .unwrap();
        let mut answers = Answers::default();
        answers.set(
            "freelancer.name",
            crate::model::Value::Text("Maya Lindqvist".into()),
        );
        answers.set(
            "freelancer.email",
            crate::model::Value::Text("maya@prairiepixel.example".into()),
        );
        let text = file(
            &library,
            &answers,
            "clausewright new --resume",
            crate::model::Language::En,
        );
        assert!(text.contains("#     clausewright new --resume\n"), "{text}");
        let given = crate::answers::read_given("draft.answers.yaml", &text, &library).unwrap();
        assert!(given.problems.is_empty());
        let keys: Vec<&str> = given.values.keys().map(String::as_str).collect();
        assert_eq!(keys, ["freelancer.email", "freelancer.name"]);
    }

    #[test]
    fn removing_a_draft_that_is_not_there_is_not_an_error() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("draft.answers.yaml");
        remove(&path).unwrap();
        save(&path, "freelancer:\n  name: Ann\n".into()).unwrap();
        assert!(path.exists());
        remove(&path).unwrap();
        assert!(!path.exists());
    }
}
