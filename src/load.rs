//! Files → [`Notebook`]: reading (read-only), decoding, parsing, and merging
//! the days of a notes directory by date. This is where paths appear; the
//! parser below it is pure.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result, anyhow, bail};

use crate::decode;
use crate::notes::{Notebook, Source, Warning};
use crate::parse;

/// The environment variable naming the default notes file or directory.
pub const ENV_FILE: &str = "DAYNOTES_FILE";

/// A notebook of one text (the sample, a test fixture) with `label` as its
/// source name.
pub fn from_text(label: &str, text: String) -> Notebook {
    let mut nb = Notebook::default();
    add_source(&mut nb, label.to_string(), text, Vec::new());
    nb
}

/// Reads a notes file, or every `*.txt` and `*.md` file directly inside a
/// directory (by name), merging their days by date.
pub fn load(path: &Path) -> Result<Notebook> {
    let meta =
        std::fs::metadata(path).map_err(|e| anyhow!("{}: {}", path.display(), io_reason(&e)))?;
    if !meta.is_dir() {
        let mut nb = Notebook::default();
        read_into(&mut nb, path)?;
        return Ok(nb);
    }
    let files = notes_files(path)?;
    if files.is_empty() {
        bail!(
            "{}: directory holds no notes files (*.txt, *.md)",
            path.display()
        );
    }
    let mut nb = Notebook::default();
    for file in &files {
        read_into(&mut nb, file)?;
    }
    // Stable: days of one date keep the order of their files.
    nb.days
        .sort_by_key(|d| (d.date.year.unwrap_or(i32::MIN), d.date.month, d.date.day));
    Ok(nb)
}

/// Finds the notes to open: `path` when given; else `$DAYNOTES_FILE`; else
/// `./notes/` when it holds notes files; else the bundled sample. The string
/// says which was used.
pub fn resolve(path: Option<&Path>) -> Result<(Notebook, String)> {
    if let Some(path) = path {
        return Ok((load(path)?, format!("reading {}", path.display())));
    }
    if let Some(env) = std::env::var_os(ENV_FILE).filter(|v| !v.is_empty()) {
        let path = PathBuf::from(env);
        let nb = load(&path).with_context(|| format!("${ENV_FILE}"))?;
        return Ok((nb, format!("reading {} (from ${ENV_FILE})", path.display())));
    }
    let dir = Path::new("notes");
    if dir.is_dir() && notes_files(dir).is_ok_and(|f| !f.is_empty()) {
        return Ok((load(dir)?, "reading ./notes/".to_string()));
    }
    Ok((
        from_text(
            "study-notes.txt (bundled sample)",
            crate::SAMPLE.to_string(),
        ),
        "no notes file given and no ./notes/ directory: showing the bundled sample notes".into(),
    ))
}

/// The `*.txt` and `*.md` files directly in `dir`, sorted by name.
fn notes_files(dir: &Path) -> Result<Vec<PathBuf>> {
    let entries =
        std::fs::read_dir(dir).map_err(|e| anyhow!("{}: {}", dir.display(), io_reason(&e)))?;
    let mut files: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.is_file()
                && p.extension()
                    .and_then(|x| x.to_str())
                    .is_some_and(|x| x.eq_ignore_ascii_case("txt") || x.eq_ignore_ascii_case("md"))
        })
        .collect();
    files.sort();
    Ok(files)
}

/// Reads, decodes and parses one file into `nb`.
fn read_into(nb: &mut Notebook, path: &Path) -> Result<()> {
    let bytes =
        std::fs::read(path).map_err(|e| anyhow!("{}: {}", path.display(), io_reason(&e)))?;
    let decoded = decode::decode(bytes).map_err(|e| anyhow!("{}: {e}", path.display()))?;
    add_source(
        nb,
        path.display().to_string(),
        decoded.text,
        decoded.warnings,
    );
    Ok(())
}

/// Parses `text` and appends it as a new source.
fn add_source(nb: &mut Notebook, path: String, text: String, decode_warnings: Vec<Warning>) {
    let index = nb.sources.len();
    let parsed = parse::parse(&text);
    let mut warnings = decode_warnings;
    warnings.extend(parsed.warnings);
    warnings.sort_by_key(|w| w.line);
    nb.warnings
        .extend(warnings.into_iter().map(|w| Warning { source: index, ..w }));
    nb.days.extend(parsed.days.into_iter().map(|mut d| {
        d.source = index;
        d
    }));
    nb.sources.push(Source {
        path,
        text,
        leading: parsed.leading,
        year_lines: parsed.year_lines,
    });
}

/// A short reason for an IO error, without the OS error number.
fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file or directory".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        std::io::ErrorKind::IsADirectory => "is a directory".into(),
        _ => {
            let s = e.to_string();
            s.split(" (os error").next().unwrap_or(&s).to_string()
        }
    }
}
