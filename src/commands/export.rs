//! `daynotes export`: the notes tree as JSON or YAML in the schema of
//! [`crate::export`].

use std::io::Write;
use std::process::ExitCode;

use crate::cli::Format;
use crate::export::Export;
use crate::notes::Notebook;

/// Writes the export in `format`.
pub fn run(format: Format, notebook: &Notebook, w: &mut dyn Write) -> anyhow::Result<ExitCode> {
    let export = Export::new(notebook);
    match format {
        Format::Json => {
            serde_json::to_writer_pretty(&mut *w, &export)?;
            writeln!(w)?;
        }
        Format::Yaml => {
            // Built whole: the YAML writer reports a closed pipe less plainly.
            let text = serde_yaml::to_string(&export)?;
            w.write_all(text.as_bytes())?;
        }
    }
    Ok(ExitCode::SUCCESS)
}
