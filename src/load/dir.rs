//! A notes directory: its files (with its subdirectories, unless asked not
//! to), which are read as notes, which as daily notes named by their date,
//! and which are skipped, and why.
//!
//! ```text
//! Daily/                      read
//! ├─ 2024/01/2024-01-02.md    a daily note: the day of its name
//! ├─ journal.txt              notes (days written in it)
//! ├─ README.md                skipped: no day in it
//! ├─ diagram.png              skipped: not a notes file
//! ├─ .obsidian/ node_modules/ target/      not looked into
//! ```

use std::path::{Path, PathBuf};

use anyhow::{Result, anyhow, bail};

use super::io_reason;
use crate::notes::Skipped;

/// Directories never looked into: hidden ones (`.git`, `.obsidian`,
/// `.trash`) and these, which hold programs' files, not notes.
const SKIPPED_DIRS: [&str; 2] = ["node_modules", "target"];

/// True for a directory a notes directory's reading never enters (besides
/// hidden ones): `node_modules`, `target`.
pub fn is_skipped_dir(name: &str) -> bool {
    SKIPPED_DIRS.contains(&name)
}

/// The extensions of notes files, any case.
const NOTES_EXTENSIONS: [&str; 4] = ["md", "markdown", "txt", "org"];

/// True for the files a notes directory is read from: `*.md`, `*.txt`,
/// `*.markdown`, `*.org`, not hidden (editors keep their temporary copies
/// in hidden files).
pub fn is_notes_file(path: &Path) -> bool {
    let hidden = path
        .file_name()
        .is_some_and(|n| n.to_string_lossy().starts_with('.'));
    !hidden
        && path
            .extension()
            .and_then(|x| x.to_str())
            .is_some_and(|x| NOTES_EXTENSIONS.iter().any(|n| x.eq_ignore_ascii_case(n)))
}

/// Why a file that is not a notes file was skipped.
pub const NOT_NOTES: &str = "not a notes file (.md, .txt, .markdown, .org)";

/// Why a notes file without days was skipped.
pub const NO_DAYS: &str = "no day in it and not named by a date";

/// The files under `dir` (in its subdirectories too when `recursive`,
/// skipping hidden directories, [`SKIPPED_DIRS`] and links to directories),
/// sorted by path, hidden files left out: the notes files, and the others.
pub fn files(dir: &Path, recursive: bool) -> Result<(Vec<PathBuf>, Vec<PathBuf>)> {
    let mut notes = Vec::new();
    let mut others = Vec::new();
    let mut dirs = vec![dir.to_path_buf()];
    while let Some(d) = dirs.pop() {
        let entries =
            std::fs::read_dir(&d).map_err(|e| anyhow!("{}: {}", d.display(), io_reason(&e)))?;
        let mut entered = false;
        for entry in entries.filter_map(|e| e.ok()) {
            let path = entry.path();
            // A directory that may be listed but not entered (no search
            // permission) lets no file in it be read: one look at its first
            // entry says so, rather than every file being skipped.
            if !entered {
                entered = true;
                if let Err(e) = std::fs::symlink_metadata(&path)
                    && e.kind() == std::io::ErrorKind::PermissionDenied
                {
                    bail!("{}: {}", d.display(), io_reason(&e));
                }
            }
            let name = entry.file_name();
            let name = name.to_string_lossy();
            if name.starts_with('.') {
                continue;
            }
            // `file_type` does not follow symlinks: a linked directory is
            // not descended into, so links cannot loop.
            let Ok(kind) = entry.file_type() else {
                continue;
            };
            if kind.is_dir() {
                if recursive && !is_skipped_dir(&name) {
                    dirs.push(path);
                }
            } else if !(kind.is_file() || kind.is_symlink() && path.is_file()) {
                continue;
            } else if is_notes_file(&path) {
                notes.push(path);
            } else {
                others.push(path);
            }
        }
    }
    notes.sort();
    others.sort();
    Ok((notes, others))
}

/// One line on what was skipped: `skipped 3 files: 2 not a notes file
/// (a.png, b.pdf), 1 no day in it (README.md)`, the names cut after a few.
pub fn report(skipped: &[Skipped]) -> Option<String> {
    if skipped.is_empty() {
        return None;
    }
    let mut groups: Vec<(&str, Vec<&str>)> = Vec::new();
    for s in skipped {
        let name = s.path.rsplit(['/', '\\']).next().unwrap_or(&s.path);
        match groups.iter_mut().find(|(w, _)| *w == s.why) {
            Some((_, names)) => names.push(name),
            None => groups.push((&s.why, vec![name])),
        }
    }
    let n = skipped.len();
    let parts: Vec<String> = groups
        .iter()
        .map(|(why, names)| {
            let shown: Vec<&str> = names.iter().take(3).copied().collect();
            let more = if names.len() > 3 { ", …" } else { "" };
            format!("{} {why} ({}{more})", names.len(), shown.join(", "))
        })
        .collect();
    let s = if n == 1 { "" } else { "s" };
    Some(format!("skipped {n} file{s}: {}", parts.join("; ")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_report_groups_by_reason() {
        let skip = |path: &str, why: &str| Skipped {
            path: path.into(),
            why: why.into(),
        };
        let report = report(&[
            skip("d/a.png", NOT_NOTES),
            skip("d/README.md", NO_DAYS),
            skip("d/b.png", NOT_NOTES),
        ]);
        assert_eq!(
            report.as_deref(),
            Some(
                "skipped 3 files: 2 not a notes file (.md, .txt, .markdown, .org) (a.png, b.png); \
                 1 no day in it and not named by a date (README.md)"
            )
        );
        assert_eq!(super::report(&[]), None);
    }
}
