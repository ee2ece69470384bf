//! The `daynotes` binary: parse the command line and hand over. Loading the
//! configuration and the notes happens before anything is drawn, so a bad
//! file is an ordinary one-line error.

use std::process::ExitCode;

use clap::Parser as _;
use daynotes::cli::Cli;
use daynotes::commands;

fn main() -> ExitCode {
    commands::install_panic_line();
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => return commands::argument_error(&e),
    };
    commands::exit_code(commands::main(&cli))
}
