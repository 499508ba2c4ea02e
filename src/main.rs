//! The `clausewright` binary: parses the command line, runs it, prints any error.

use std::process::ExitCode;

use clap::Parser as _;

fn main() -> ExitCode {
    let cli = clausewright::cli::Cli::parse();
    match clausewright::run::run(cli) {
        Ok(code) => ExitCode::from(u8::try_from(code).unwrap_or(1)),
        Err(error) => {
            eprintln!("{}", error.render(clausewright::run::stderr_is_styled()));
            ExitCode::from(u8::try_from(error.exit_code()).unwrap_or(1))
        }
    }
}
