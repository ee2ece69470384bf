//! `daynotes export`: the notes tree as JSON or YAML in the schema of
//! [`daynotes_core::export`].

use std::io::Write;
use std::process::ExitCode;

use crate::cli::Format;
use daynotes_core::notes::Notebook;

/// Writes the export in `format`, a block of days at a time on every
/// thread, by hand: [`daynotes_core::export::json`], [`daynotes_core::export::yaml`] (each
/// held byte for byte to serde's by a test).
pub fn run(format: Format, notebook: &Notebook, w: &mut dyn Write) -> anyhow::Result<ExitCode> {
    match format {
        Format::Json => daynotes_core::export::json::write(notebook, w)?,
        Format::Yaml => daynotes_core::export::yaml::write(notebook, w)?,
    }
    Ok(ExitCode::SUCCESS)
}
