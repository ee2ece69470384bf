//! The `daynotes` binary: parse the command line, load the notes, hand over.
//! Loading happens before anything is drawn, so a bad file is an ordinary
//! one-line error.

use std::process::ExitCode;

use clap::Parser;
use daynotes::cli::Cli;
use daynotes::{commands, load};

fn main() -> ExitCode {
    let cli = Cli::parse();
    if let Some(result) = commands::search::quick_count(&cli) {
        return commands::exit_code(result);
    }
    let result = load::resolve(cli.path())
        .and_then(|(notebook, origin)| commands::run(&cli, notebook, origin));
    commands::exit_code(result)
}
