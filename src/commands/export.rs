//! `daynotes export`: the notes tree as JSON or YAML in the schema of
//! [`crate::export`].

use std::io::Write;
use std::process::ExitCode;

use crate::cli::Format;
use crate::export::Streamed;
use crate::notes::Notebook;

/// Writes the export in `format`, a day at a time: JSON by hand
/// ([`crate::export::json`]), YAML through serde ([`Streamed`]).
pub fn run(format: Format, notebook: &Notebook, w: &mut dyn Write) -> anyhow::Result<ExitCode> {
    let export = Streamed(notebook);
    match format {
        Format::Json => crate::export::json::write(notebook, w)?,
        Format::Yaml => {
            // The YAML writer's error does not say that the pipe closed; the
            // writer remembers, so that a closed pipe stays quiet.
            let mut out = Noting { w, failed: None };
            if let Err(e) = serde_yaml::to_writer(&mut out, &export) {
                return Err(match out.failed {
                    Some(io) => io.into(),
                    None => e.into(),
                });
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// A writer that keeps the kind of its first failure.
struct Noting<'a> {
    w: &'a mut dyn Write,
    failed: Option<std::io::Error>,
}

impl Write for Noting<'_> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.w.write(buf).inspect_err(|e| {
            self.failed.get_or_insert_with(|| e.kind().into());
        })
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.w.flush().inspect_err(|e| {
            self.failed.get_or_insert_with(|| e.kind().into());
        })
    }
}
