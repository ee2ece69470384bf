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

use super::{LoadError, Result};

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

/// The directories of a notes folder its reading enters: `dir`, and (when
/// `recursive`) every directory under it but hidden ones, [`SKIPPED_DIRS`]
/// and links, which are not followed. Those that cannot be read are left
/// out. Sorted.
pub fn entered_dirs(dir: &Path, recursive: bool) -> Vec<PathBuf> {
    let mut found = vec![dir.to_path_buf()];
    let mut next = 0;
    while recursive && next < found.len() {
        let d = found[next].clone();
        next += 1;
        let Ok(entries) = std::fs::read_dir(&d) else {
            continue;
        };
        for entry in entries.filter_map(|e| e.ok()) {
            let name = entry.file_name();
            let name = name.to_string_lossy();
            // `file_type` does not follow links.
            if entry.file_type().is_ok_and(|k| k.is_dir())
                && !name.starts_with('.')
                && !is_skipped_dir(&name)
            {
                found.push(entry.path());
            }
        }
    }
    found.sort();
    found
}

/// What a notes directory holds.
#[derive(Debug, Default)]
pub struct Listing {
    /// The notes files, sorted by path.
    pub notes: Vec<PathBuf>,
    /// The other files, sorted by path.
    pub others: Vec<PathBuf>,
    /// The subdirectories that could not be read, and why.
    pub unreadable: Vec<(PathBuf, String)>,
}

/// The files under `dir` (in its subdirectories too when `recursive`,
/// skipping hidden directories, [`SKIPPED_DIRS`] and links to directories),
/// hidden files left out. A subdirectory that cannot be read (another
/// user's, a `lost+found`, a path too long) is listed as such and the
/// rest read; `dir` itself unreadable is an error.
pub fn files(dir: &Path, recursive: bool) -> Result<Listing> {
    let mut listing = Listing::default();
    let (mut level, top) = list_one(dir, recursive, &mut listing);
    top?;
    // A level at a time, its directories listed on several threads: cold,
    // a folder of years and months waits on the disk for each, and the
    // disk answers several at once.
    while !level.is_empty() {
        let threads = if level.len() < 8 { 1 } else { 4 };
        let parts: Vec<(Listing, Vec<PathBuf>)> = if threads == 1 {
            vec![list_all(&level, recursive)]
        } else {
            std::thread::scope(|scope| {
                let handles: Vec<_> = level
                    .chunks(level.len().div_ceil(threads))
                    .map(|part| scope.spawn(move || list_all(part, recursive)))
                    .collect();
                handles
                    .into_iter()
                    .map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
                    .collect()
            })
        };
        level = Vec::new();
        for (part, below) in parts {
            listing.notes.extend(part.notes);
            listing.others.extend(part.others);
            listing.unreadable.extend(part.unreadable);
            level.extend(below);
        }
    }
    listing.notes.sort();
    listing.others.sort();
    listing.unreadable.sort();
    Ok(listing)
}

/// [`list_one`] of each of `dirs`, none of them the top.
fn list_all(dirs: &[PathBuf], recursive: bool) -> (Listing, Vec<PathBuf>) {
    let mut listing = Listing::default();
    let mut below = Vec::new();
    for d in dirs {
        let (sub, _) = list_one(d, recursive, &mut listing);
        below.extend(sub);
    }
    (listing, below)
}

/// Lists the files of `d` into `listing` (a directory that cannot be read
/// among the unreadable ones); returns the directories in it to list next
/// (when `recursive`), and an error when `d` cannot be read, for the top
/// directory, which must be.
fn list_one(d: &Path, recursive: bool, listing: &mut Listing) -> (Vec<PathBuf>, Result<()>) {
    let mut below = Vec::new();
    let unreadable = |listing: &mut Listing, e: &std::io::Error| {
        listing.unreadable.push((d.to_path_buf(), io_reason(e)));
        Err(LoadError::path(d, io_reason(e)))
    };
    let entries = match std::fs::read_dir(d) {
        Ok(entries) => entries,
        Err(e) => return (below, unreadable(listing, &e)),
    };
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
                return (Vec::new(), unreadable(listing, &e));
            }
        }
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if name.starts_with('.') {
            continue;
        }
        // `file_type` does not follow symlinks: a linked directory is not
        // descended into, so links cannot loop.
        let Ok(kind) = entry.file_type() else {
            continue;
        };
        if kind.is_dir() {
            if recursive && !is_skipped_dir(&name) {
                below.push(path);
            }
        } else if !(kind.is_file() || kind.is_symlink() && path.is_file()) {
            continue;
        } else if is_notes_file(&path) {
            listing.notes.push(path);
        } else {
            listing.others.push(path);
        }
    }
    (below, Ok(()))
}

/// One line on what was skipped: `skipped 3 files: 2 not a notes file
/// (a.png, b.pdf), 1 no day in it (README.md)`, the names cut after a few
/// (and each name cut short: a name can be long).
pub fn report(skipped: &[Skipped]) -> Option<String> {
    if skipped.is_empty() {
        return None;
    }
    let mut groups: Vec<(&str, Vec<&str>)> = Vec::new();
    for s in skipped {
        let name = s
            .path
            .trim_end_matches(['/', '\\'])
            .rsplit(['/', '\\'])
            .next()
            .unwrap_or(&s.path);
        match groups.iter_mut().find(|(w, _)| *w == s.why) {
            Some((_, names)) => names.push(name),
            None => groups.push((&s.why, vec![name])),
        }
    }
    let parts: Vec<String> = groups
        .iter()
        .map(|(why, names)| {
            let shown: Vec<String> = names.iter().take(3).map(|n| cut(n, 40)).collect();
            let more = if names.len() > 3 { ", …" } else { "" };
            format!("{} {why} ({}{more})", names.len(), shown.join(", "))
        })
        .collect();
    let count = |n: usize, what: &str| match n {
        0 => None,
        1 => Some(format!("1 {what}")),
        n => Some(format!("{n} {what}s")),
    };
    let folders = skipped.iter().filter(|s| s.folder).count();
    let counts: Vec<String> = [
        count(skipped.len() - folders, "file"),
        count(folders, "folder"),
    ]
    .into_iter()
    .flatten()
    .collect();
    Some(format!(
        "skipped {}: {}",
        counts.join(" and "),
        parts.join("; ")
    ))
}

/// `name` cut to at most `max` characters, `…` at the cut.
fn cut(name: &str, max: usize) -> String {
    if name.chars().count() <= max {
        return name.to_string();
    }
    let mut s: String = name.chars().take(max - 1).collect();
    s.push('…');
    s
}

/// Why a folder was skipped.
pub fn unreadable_folder(reason: &str) -> String {
    format!("folder that cannot be read: {reason}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_report_groups_by_reason() {
        let skip = |path: &str, why: &str| Skipped {
            path: path.into(),
            folder: false,
            warning: false,
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

#[cfg(test)]
mod folder_tests {
    use super::*;

    #[test]
    fn folders_are_counted_apart_and_long_names_cut() {
        let long = "x".repeat(300);
        let report = report(&[
            Skipped {
                path: "d/a.png".into(),
                folder: false,
                warning: false,
                why: NOT_NOTES.into(),
            },
            Skipped {
                path: format!("d/{long}/"),
                folder: true,
                warning: false,
                why: unreadable_folder("permission denied"),
            },
        ])
        .unwrap();
        assert!(
            report.starts_with("skipped 1 file and 1 folder: 1 not a notes file"),
            "{report}"
        );
        assert!(
            report.ends_with(&format!(
                "1 folder that cannot be read: permission denied ({}…)",
                "x".repeat(39)
            )),
            "{report}"
        );
    }
}
