//! Where the review state lives and how it is written: one JSON file per
//! notes file under `$XDG_STATE_HOME/daynotes/` (else
//! `~/.local/state/daynotes/`), named after the notes file and a hash of its
//! absolute path, never beside or inside the notes.
//!
//! Every save reads the file again, applies what changed ([`Change`]) and
//! writes a temporary file that is renamed over the old one: a crash or a
//! `kill -9` leaves either the old state or the new one, never half of
//! either, and two viewers of the same notes do not undo each other's
//! ratings. A file that cannot be read (damaged, or from a newer daynotes)
//! is moved aside with a warning, never overwritten.

use std::collections::BTreeSet;
use std::io::Write;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use super::day::Day;
use super::state::{Change, State, VERSION};

/// A notes file's state and where it is kept.
#[derive(Debug, Clone, Default)]
pub struct StateFile {
    /// The file; `None` when there is no place for it (no `$XDG_STATE_HOME`
    /// nor `$HOME`), and ratings are kept for this run only.
    pub path: Option<PathBuf>,
    /// The state as last read or written.
    pub state: State,
}

/// Where state files live: `$XDG_STATE_HOME/daynotes`, else
/// `~/.local/state/daynotes`.
pub fn state_dir() -> Option<PathBuf> {
    let base = std::env::var_os("XDG_STATE_HOME")
        .map(PathBuf::from)
        .filter(|p| p.is_absolute())
        .or_else(|| {
            std::env::var_os("HOME")
                .filter(|h| !h.is_empty())
                .map(|h| PathBuf::from(h).join(".local").join("state"))
        })?;
    Some(base.join("daynotes"))
}

/// The name a notes file is known by: its absolute path (symbolic links
/// resolved) when it is a file, else the label as given (the bundled
/// sample).
pub fn notes_key(path: &str) -> String {
    Namer::default().key(path)
}

/// Names notes files as [`notes_key`] does, many at a time: each directory
/// is made absolute (links followed) once, not once per file, so a folder
/// of ten thousand daily notes opens without ten thousand walks up its
/// path. A file that is itself a link is followed on its own.
#[derive(Debug, Default)]
pub struct Namer {
    dirs: std::collections::HashMap<PathBuf, Option<PathBuf>>,
}

impl Namer {
    /// The key of the notes file at `path`.
    pub fn key(&mut self, path: &str) -> String {
        let p = Path::new(path);
        let whole = || match std::fs::canonicalize(p) {
            Ok(c) if c.is_file() => c.display().to_string(),
            _ => path.to_string(),
        };
        match std::fs::symlink_metadata(p) {
            Ok(m) if m.file_type().is_file() => {}
            Ok(m) if m.file_type().is_symlink() => return whole(),
            _ => return path.to_string(),
        }
        let (Some(parent), Some(name)) = (p.parent(), p.file_name()) else {
            return whole();
        };
        let parent = if parent.as_os_str().is_empty() {
            Path::new(".")
        } else {
            parent
        };
        let dir = self
            .dirs
            .entry(parent.to_path_buf())
            .or_insert_with(|| std::fs::canonicalize(parent).ok());
        match dir {
            Some(d) => d.join(name).display().to_string(),
            None => path.to_string(),
        }
    }
}

/// The state file of the notes known as `key`, in `dir`:
/// `review-study-notes-3f2a….json`.
pub fn file_in(dir: &Path, key: &str) -> PathBuf {
    let name = Path::new(key)
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let stem: String = name
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '-' {
                c
            } else {
                '_'
            }
        })
        .take(40)
        .collect();
    dir.join(format!("review-{stem}-{:016x}.json", fnv1a(key.as_bytes())))
}

/// FNV-1a, 64 bits: a hash that stays the same across builds and
/// platforms, so a state file is found again by any daynotes.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

impl StateFile {
    /// Opens the state of the notes file `notes` (as its source path) in
    /// `dir` (`None`: nowhere to keep it). The second value is a one-line
    /// warning when the file could not be read and was moved aside, or when
    /// there is no place for it.
    pub fn open(dir: Option<&Path>, notes: &str) -> (StateFile, Option<String>) {
        StateFile::open_key(dir, notes_key(notes), |_| true)
    }

    /// [`StateFile::open`] of the notes known as `key`; `may_exist` says
    /// whether a state file may be there (a caller that listed the
    /// directory once answers without a look at the disk per file).
    pub fn open_key(
        dir: Option<&Path>,
        key: String,
        may_exist: impl Fn(&Path) -> bool,
    ) -> (StateFile, Option<String>) {
        let fresh = State {
            version: VERSION,
            notes: key.clone(),
            ..State::default()
        };
        let Some(dir) = dir else {
            let warning = "no place for the review state ($XDG_STATE_HOME and $HOME unset): \
                           ratings last for this run only";
            return (
                StateFile {
                    path: None,
                    state: fresh,
                },
                Some(warning.into()),
            );
        };
        let beside = Path::new(&key).parent().is_some_and(|p| p == dir);
        if beside {
            let warning = format!(
                "the review state would be written beside the notes in {}: ratings last for this run only",
                dir.display()
            );
            return (
                StateFile {
                    path: None,
                    state: fresh,
                },
                Some(warning),
            );
        }
        let path = file_in(dir, &key);
        let mut file = StateFile {
            path: Some(path.clone()),
            state: fresh,
        };
        if !may_exist(&path) {
            return (file, None);
        }
        let warning = match read(&path) {
            Ok(Some(state)) => {
                file.state = state;
                None
            }
            Ok(None) => None,
            Err(reason) => Some(move_aside(&path, &reason)),
        };
        (file, warning)
    }

    /// Writes `changes`, already applied to [`StateFile::state`], to the
    /// file: reads it again (what another viewer saved is kept), applies
    /// them, sweeps gone cards against `present`, writes it whole, and takes
    /// the result as the state. On success returns a warning if the file on
    /// disk had become unreadable and was moved aside. Without a place for
    /// the file, nothing happens.
    pub fn save(
        &mut self,
        changes: &[Change],
        present: &BTreeSet<String>,
        today: Day,
    ) -> Result<Option<String>, String> {
        let Some(path) = self.path.clone() else {
            return Ok(None);
        };
        let (mut state, warning) = match read(&path) {
            Ok(Some(on_disk)) => (on_disk, None),
            Ok(None) => (self.fresh(), None),
            Err(reason) => (self.fresh(), Some(move_aside(&path, &reason))),
        };
        for c in changes {
            state.apply(c);
        }
        state.sweep(present, today);
        state.version = VERSION;
        let mut text = serde_json::to_string_pretty(&state).map_err(|e| e.to_string())?;
        text.push('\n');
        write_whole(&path, text.as_bytes())
            .map_err(|e| format!("{}: {}", path.display(), crate::load::io_reason(&e)))?;
        self.state = state;
        Ok(warning)
    }

    fn fresh(&self) -> State {
        State {
            version: VERSION,
            notes: self.state.notes.clone(),
            ..State::default()
        }
    }
}

/// The state in `path`: `None` when there is no file yet, an error saying
/// why when there is one that cannot be read.
fn read(path: &Path) -> Result<Option<State>, String> {
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(crate::load::io_reason(&e)),
    };
    #[derive(Deserialize)]
    struct Version {
        version: u32,
    }
    let version = serde_json::from_str::<Version>(&text)
        .map_err(|e| format!("not a review state: {e}"))?
        .version;
    if version > VERSION {
        return Err(format!("written by a newer daynotes (format {version})"));
    }
    serde_json::from_str(&text)
        .map(Some)
        .map_err(|e| format!("damaged: {e}"))
}

/// Renames an unreadable state file out of the way; returns the warning.
fn move_aside(path: &Path, reason: &str) -> String {
    let stamp = chrono::Local::now().format("%Y%m%d-%H%M%S");
    let mut aside = path.with_extension(format!("json.unreadable-{stamp}"));
    let mut n = 2;
    while aside.exists() {
        aside = path.with_extension(format!("json.unreadable-{stamp}-{n}"));
        n += 1;
    }
    let moved = match std::fs::rename(path, &aside) {
        Ok(()) => format!("moved to {}", aside.display()),
        Err(e) => format!("could not be moved aside ({})", crate::load::io_reason(&e)),
    };
    crate::sanitize::one_line(&format!(
        "review state {} could not be read ({reason}): {moved}; starting afresh",
        path.display()
    ))
}

/// Writes `bytes` to `path` through a temporary file in the same directory,
/// flushed to disk, then renamed over `path`.
fn write_whole(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir)?;
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned());
    let tmp = dir.join(format!(
        ".{}.{}.tmp",
        name.unwrap_or_default(),
        std::process::id()
    ));
    let written = (|| {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        std::fs::rename(&tmp, path)
    })();
    if written.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    written?;
    // The rename itself is durable once the directory is flushed.
    if let Ok(d) = std::fs::File::open(dir) {
        let _ = d.sync_all();
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::review::state::tests::{present, rated};

    #[test]
    fn a_save_is_read_back_and_an_undo_takes_it_away() {
        let dir = tempfile::tempdir().unwrap();
        let day = Day::of((2025, 8, 22));
        let (mut file, warning) = StateFile::open(Some(dir.path()), "notes.txt");
        assert_eq!(warning, None);
        let change = rated("8.22 › a", day);
        file.save(std::slice::from_ref(&change), &present(&["8.22 › a"]), day)
            .unwrap();
        let (again, _) = StateFile::open(Some(dir.path()), "notes.txt");
        assert_eq!(again.state, file.state);
        assert_eq!(again.state.log.len(), 1);
        let Change::Rated { entry, .. } = change else {
            unreachable!()
        };
        let undo = Change::Undone {
            before: None,
            entry,
        };
        file.save(&[undo], &present(&["8.22 › a"]), day).unwrap();
        let (after, _) = StateFile::open(Some(dir.path()), "notes.txt");
        assert!(after.state.cards.is_empty() && after.state.log.is_empty());
        // Only the state file is there: no temporary file is left behind.
        let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(names.len(), 1);
    }

    #[test]
    fn two_viewers_keep_each_others_ratings() {
        let dir = tempfile::tempdir().unwrap();
        let day = Day::of((2025, 8, 22));
        let all = present(&["a", "b"]);
        let (mut one, _) = StateFile::open(Some(dir.path()), "n.txt");
        let (mut two, _) = StateFile::open(Some(dir.path()), "n.txt");
        one.save(&[rated("a", day)], &all, day).unwrap();
        two.save(&[rated("b", day)], &all, day).unwrap();
        let keys: Vec<&String> = two.state.cards.keys().collect();
        assert_eq!(keys, ["a", "b"]);
    }

    #[test]
    fn an_unreadable_file_is_moved_aside_not_overwritten() {
        let dir = tempfile::tempdir().unwrap();
        let path = file_in(dir.path(), "n.txt");
        std::fs::write(&path, "{ half a file").unwrap();
        let (file, warning) = StateFile::open(Some(dir.path()), "n.txt");
        let warning = warning.expect("a warning");
        assert!(
            warning.contains("could not be read") && warning.contains("moved to"),
            "{warning}"
        );
        assert!(!warning.contains('\n'));
        assert!(file.state.cards.is_empty());
        assert!(!path.exists());
        let aside: Vec<String> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        assert_eq!(aside.len(), 1);
        assert!(aside[0].contains(".json.unreadable-"), "{aside:?}");
        assert_eq!(
            std::fs::read_to_string(dir.path().join(&aside[0])).unwrap(),
            "{ half a file"
        );
        // A file from a newer daynotes is not read either.
        std::fs::write(&path, "{\"version\": 99}").unwrap();
        let (_, warning) = StateFile::open(Some(dir.path()), "n.txt");
        assert!(warning.unwrap().contains("newer daynotes"));
    }

    #[test]
    fn file_names_are_stable_and_readable() {
        let a = file_in(Path::new("/s"), "/home/me/study-notes.txt");
        let name = a.file_name().unwrap().to_string_lossy().into_owned();
        assert!(name.starts_with("review-study-notes-") && name.ends_with(".json"));
        assert_eq!(a, file_in(Path::new("/s"), "/home/me/study-notes.txt"));
        assert_ne!(a, file_in(Path::new("/s"), "/home/you/study-notes.txt"));
        assert_eq!(fnv1a(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a(b"a"), 0xaf63_dc4c_8601_ec8c);
    }

    #[test]
    fn never_beside_the_notes() {
        let dir = tempfile::tempdir().unwrap();
        let notes = dir.path().join("n.txt");
        std::fs::write(&notes, "8.22\n").unwrap();
        let real = std::fs::canonicalize(dir.path()).unwrap();
        let (file, warning) = StateFile::open(Some(&real), notes.to_str().unwrap());
        assert_eq!(file.path, None);
        assert!(warning.unwrap().contains("beside the notes"));
    }
}
