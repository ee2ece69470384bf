//! The `daynotes` binary: parse the command line and hand over. Loading the
//! configuration and the notes happens before anything is drawn, so a bad
//! file is an ordinary one-line error.

use std::process::ExitCode;

use daynotes::commands;

fn main() -> ExitCode {
    commands::install_panic_line();
    let cli = match commands::parse_arguments(std::env::args_os().collect()) {
        Ok(cli) => cli,
        Err(code) => return code,
    };
    commands::exit_code(commands::main(&cli))
}
