//! `daynotes export`: the notes tree as JSON or YAML in the schema of
//! [`crate::export`].

use std::io::Write;
use std::process::ExitCode;

use crate::cli::Format;
use crate::notes::Notebook;

/// Writes the export in `format`, a block of days at a time on every
/// thread, by hand: [`crate::export::json`], [`crate::export::yaml`] (each
/// held byte for byte to serde's by a test).
pub fn run(format: Format, notebook: &Notebook, w: &mut dyn Write) -> anyhow::Result<ExitCode> {
    match format {
        Format::Json => crate::export::json::write(notebook, w)?,
        Format::Yaml => crate::export::yaml::write(notebook, w)?,
    }
    Ok(ExitCode::SUCCESS)
}
