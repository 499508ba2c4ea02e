//! The `clausewright` binary: parses the command line, runs it, prints any error.

use std::process::ExitCode;

use clap::FromArgMatches as _;

fn main() -> ExitCode {
    let matches = clausewright::run::command().get_matches();
    let cli =
        clausewright::cli::Cli::from_arg_matches(&matches).unwrap_or_else(|error| error.exit());
    match clausewright::run::run(cli) {
        Ok(code) => ExitCode::from(u8::try_from(code).unwrap_or(1)),
        Err(error) => {
            eprintln!("{}", error.render(clausewright::run::stderr_is_styled()));
            ExitCode::from(u8::try_from(error.exit_code()).unwrap_or(1))
        }
    }
}
