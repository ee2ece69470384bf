//! `daynotes export`: the notes tree as JSON or YAML in the schema of
//! [`daynotes_core::export`], or the cards as an Anki package or Anki's text
//! import ([`daynotes_core::export::anki`]), to stdout or a file (`--output`,
//! replaced whole: written beside it under a new name, then renamed over
//! it, so that a reader never sees half a file).

use std::io::{BufWriter, Write};
use std::path::Path;
use std::process::ExitCode;

use crate::cli::{ExportArgs, Format};
use daynotes_core::dates::{AssumedYear, Axis};
use daynotes_core::export::anki::{self, Naming};
use daynotes_core::notes::Notebook;
use daynotes_core::review::{Deck, ReviewSettings, StateFile};

/// What an export needs besides the notes.
#[derive(Debug)]
pub struct Request<'a> {
    /// The command line's arguments.
    pub args: &'a ExportArgs,
    /// How cards are made.
    pub settings: &'a ReviewSettings,
    /// The year of dates that name none.
    pub assumed: AssumedYear,
    /// The days' dates.
    pub axis: &'a Axis,
    /// The notes file or folder read (`None`: the bundled notes).
    pub target: Option<&'a Path>,
}

/// Writes the export: JSON and YAML a block of days at a time on every
/// thread, by hand ([`daynotes_core::export::json`], [`daynotes_core::export::yaml`], each
/// held byte for byte to serde's by a test); Anki's formats from the cards.
pub fn run(req: &Request<'_>, notebook: &Notebook, w: &mut dyn Write) -> anyhow::Result<ExitCode> {
    let args = req.args;
    let anki = matches!(args.format, Format::Anki | Format::AnkiCsv);
    if !anki && (args.cards.any() || args.deck.is_some()) {
        anyhow::bail!(
            "--from, --to, --match and --deck choose and file cards: use them with --format anki or anki-csv"
        );
    }
    if args.format == Format::Anki && args.output.is_none() {
        anyhow::bail!("--format anki writes a package: give its file with --output notes.apkg");
    }
    let write = |w: &mut dyn Write| -> anyhow::Result<()> {
        match args.format {
            Format::Json => daynotes_core::export::json::write(notebook, w)?,
            Format::Yaml => daynotes_core::export::yaml::write(notebook, w)?,
            Format::Anki | Format::AnkiCsv => {
                let notes = anki_notes(req, notebook)?;
                if args.format == Format::Anki {
                    let now = std::time::SystemTime::now()
                        .duration_since(std::time::UNIX_EPOCH)
                        .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX));
                    w.write_all(&anki::apkg::package(&notes, now)?)?;
                } else {
                    anki::csv::write(&notes, w)?;
                }
                let cards: usize = notes.iter().map(|n| n.cards.len()).sum();
                eprintln!("daynotes: {} notes, {cards} cards", notes.len());
            }
        }
        Ok(())
    };
    match &args.output {
        None => write(w)?,
        Some(path) => {
            let dir = path
                .parent()
                .filter(|p| !p.as_os_str().is_empty())
                .unwrap_or(Path::new("."));
            let context = |e: std::io::Error| {
                anyhow::anyhow!("{}: {}", path.display(), daynotes_core::load::io_reason(&e))
            };
            let mut builder = tempfile::Builder::new();
            builder.prefix(".daynotes-export-");
            // As any new file: readable by others as the umask allows.
            #[cfg(unix)]
            builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o666));
            let mut file = builder.tempfile_in(dir).map_err(context)?;
            {
                let mut out = BufWriter::new(file.as_file_mut());
                write(&mut out)?;
                out.flush().map_err(context)?;
            }
            file.as_file().sync_all().map_err(context)?;
            file.persist(path).map_err(|e| context(e.error))?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// The notes of the cards the filters choose.
fn anki_notes(req: &Request<'_>, nb: &Notebook) -> anyhow::Result<Vec<anki::AnkiNote>> {
    let days = super::review::day_numbers(req.axis);
    let deck = Deck::new(nb, req.settings.clone(), StateFile::default(), &days);
    let selection = super::review::selection(&req.args.cards, req.assumed)?;
    let cards = selection.cards(&deck, nb);
    let naming = Naming {
        deck: req.args.deck.clone(),
        root: root_name(req.target),
        folders: nb
            .sources
            .iter()
            .map(|s| folders(req.target, &s.path))
            .collect(),
        dates: (0..req.axis.len())
            .map(|i| match req.axis.date(i) {
                Some((y, m, d)) => (
                    format!("{y:04}-{m:02}-{d:02}"),
                    daynotes_core::review::DayNumber::of((y, m, d)).0,
                ),
                None => (String::new(), 0),
            })
            .collect(),
    };
    Ok(anki::notes(&deck, nb, &cards, &naming))
}

/// The deck the notes are filed in: the notes file's name without its
/// extension, or the folder's.
fn root_name(target: Option<&Path>) -> String {
    let Some(t) = target else {
        return "daynotes".into();
    };
    let name = if t.is_dir() {
        t.canonicalize()
            .ok()
            .and_then(|c| c.file_name().map(|n| n.to_owned()))
    } else {
        t.file_stem().map(|n| n.to_owned())
    };
    let name = name
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let name = name.replace("::", ":").trim().to_string();
    if name.is_empty() {
        "daynotes".into()
    } else {
        name
    }
}

/// The folders between the notes folder `target` and the file `path`.
fn folders(target: Option<&Path>, path: &str) -> Vec<String> {
    let Some(root) = target.filter(|t| t.is_dir()) else {
        return Vec::new();
    };
    let Ok(rest) = Path::new(path).strip_prefix(root) else {
        return Vec::new();
    };
    let parent = rest.parent().unwrap_or(Path::new(""));
    parent
        .components()
        .map(|c| c.as_os_str().to_string_lossy().replace("::", ":"))
        .collect()
}
