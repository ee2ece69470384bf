//! Where the review state lives and how it is written: under
//! `$XDG_STATE_HOME/daynotes/` (else `~/.local/state/daynotes/`), one
//! state per notes file or folder of notes, named after it and a hash of
//! its absolute path, never beside or inside the notes (paths compared
//! with their links and `..` resolved). The states earlier versions kept
//! for each file of a folder are folded into the folder's
//! ([`StateFile::fold_in`]) and removed once that is saved.
//!
//! A state is a snapshot and a journal ([`disk`]): a save takes the
//! state's lock, reads what another viewer wrote since (the files changed
//! since this one last looked: everything is read again), appends the
//! changes as lines to the journal and flushes it, and lets go. Two viewers
//! of the same notes keep every rating of both; a crash or a `kill -9`
//! loses at most the line being written. The journal is folded into a new
//! snapshot when a state with a long one is opened. A state that cannot be
//! read (damaged, not a regular file, too large, from a newer daynotes) is
//! moved aside with a warning, never overwritten.

mod disk;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use super::day::DayNumber;
use super::state::{Change, State, VERSION};
use disk::{Files, Mark};

/// A journal of at least this many changes is folded into the snapshot
/// when the state is opened (the reading has been paid for already).
pub const COMPACT_FROM: usize = 1000;

/// A notes file's state and where it is kept.
#[derive(Debug, Clone, Default)]
pub struct StateFile {
    /// The snapshot; `None` when there is no place for it (no
    /// `$XDG_STATE_HOME` nor `$HOME`, or the place is in the notes), and
    /// ratings are kept for this run only.
    pub path: Option<PathBuf>,
    /// The state as last read or written, with the changes made since.
    pub state: State,
    /// How far the files on disk were read.
    mark: Mark,
}

pub use crate::state_dir::{inside_notes, inside_warning, state_dir};

/// The name a notes file or folder is known by: its absolute path
/// (symbolic links resolved) when it is one, else the label as given (the
/// bundled sample).
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
            Ok(m) if m.file_type().is_dir() => {
                return std::fs::canonicalize(p)
                    .map_or_else(|_| path.to_string(), |c| c.display().to_string());
            }
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
    crate::state_dir::file_for(dir, "review", key)
}

impl StateFile {
    /// Opens the state of the notes file `notes` (as its source path) in
    /// `dir` (`None`: nowhere to keep it). The second value is a one-line
    /// warning when the file could not be read and was moved aside, or when
    /// there is no place for it.
    pub fn open(dir: Option<&Path>, notes: &str) -> (StateFile, Option<String>) {
        let dir = dir.map(crate::state_dir::resolved);
        StateFile::open_key(dir.as_deref(), notes_key(notes), |_| true)
    }

    /// A state kept for this run only.
    fn this_run(key: String) -> StateFile {
        StateFile {
            path: None,
            state: State {
                version: VERSION,
                notes: key,
                ..State::default()
            },
            mark: Mark::default(),
        }
    }

    /// [`StateFile::open`] of the notes known as `key` (their absolute path,
    /// links resolved), in the state directory `dir` with its links and
    /// `..` resolved ([`crate::state_dir::resolved`], once for every file
    /// of a folder); `may_exist` says whether a state file may be there (a
    /// caller that listed the directory once answers without a look at the
    /// disk per file).
    pub fn open_key(
        dir: Option<&Path>,
        key: String,
        may_exist: impl Fn(&Path) -> bool,
    ) -> (StateFile, Option<String>) {
        let Some(dir) = dir else {
            let warning = "no place for the review state ($XDG_STATE_HOME and $HOME unset): \
                           ratings last for this run only";
            return (StateFile::this_run(key), Some(warning.into()));
        };
        // Beside the notes: both paths are resolved already.
        if Path::new(&key).parent() == Some(dir) {
            return (StateFile::this_run(key), Some(inside_warning(dir)));
        }
        let path = file_in(dir, &key);
        let mut file = StateFile::this_run(key);
        file.path = Some(path.clone());
        if !may_exist(&path) {
            return (file, None);
        }
        let files = Files::new(path);
        let warning = match files.read() {
            Ok(Some((state, mark, warning))) => {
                file.state = state;
                file.mark = mark;
                let compacted = (mark.entries >= COMPACT_FROM)
                    .then(|| file.compact(&files))
                    .flatten();
                warning.or(compacted)
            }
            Ok(None) => None,
            Err(why) => Some(moved_aside(&files, &why)),
        };
        (file, warning)
    }

    /// Folds the journal into a new snapshot, under the lock, when nobody
    /// wrote since this state was read; an error says why not.
    fn compact(&mut self, files: &Files) -> Option<String> {
        let _lock = files.lock().ok()?;
        if !files.unchanged_since(&self.mark) {
            return None;
        }
        match files.compact(&mut self.state) {
            Ok(mark) => {
                self.mark = mark;
                None
            }
            Err(e) => Some(format!(
                "review state {} not compacted: {}",
                files.snapshot.display(),
                crate::load::io_reason(&e)
            )),
        }
    }

    /// Writes `changes`, already applied to [`StateFile::state`], under the
    /// state's lock: what another viewer saved since this one last read is
    /// read first (and `changes` applied on top of it), the cards gone from
    /// the notes are swept against `present` (when all the notes' cards
    /// are known), and the changes are appended to the journal; then the
    /// states merged in are removed. On success returns a warning if the
    /// state on disk had become unreadable and was moved aside. Without a
    /// place for the state, nothing happens.
    pub fn save(
        &mut self,
        changes: &[Change],
        present: Option<&BTreeSet<String>>,
        today: DayNumber,
    ) -> Result<Option<String>, String> {
        let Some(path) = self.path.clone() else {
            return Ok(None);
        };
        let files = Files::new(path);
        let failed = |e: std::io::Error| {
            crate::sanitize::one_line(&format!(
                "{}: {}",
                files.snapshot.display(),
                crate::load::io_reason(&e)
            ))
        };
        let _lock = files.lock().map_err(failed)?;
        let mut warning = None;
        let mut changes = changes.to_vec();
        if !files.unchanged_since(&self.mark) {
            let (state, mark) = match files.read() {
                Ok(Some((state, mark, journal))) => {
                    warning = journal;
                    (state, mark)
                }
                Ok(None) => (self.fresh(), Mark::default()),
                Err(why) => {
                    warning = Some(moved_aside(&files, &why));
                    (self.fresh(), Mark::default())
                }
            };
            self.state = state;
            self.mark = mark;
            for c in &changes {
                self.state.apply(c);
            }
        }
        if let Some(present) = present {
            let swept = self.state.sweep(present, today);
            for c in &swept {
                self.state.apply(c);
            }
            changes.extend(swept);
        }
        if self.mark == Mark::default() || self.state.version < VERSION {
            // No snapshot yet: one of a generation of its own comes first,
            // so that a journal never outlives the snapshot it belongs to.
            // A snapshot of an older format is written anew in this one
            // first: a daynotes of that format, which would not know the
            // changes of this one in the journal, then sets the whole state
            // aside with a word rather than dropping its journal.
            self.mark = files.compact(&mut self.state).map_err(failed)?;
        } else {
            self.mark = files.append(&self.mark, &changes).map_err(failed)?;
        }
        drop(_lock);
        // Folded in and saved: the old states go.
        for c in &changes {
            if let Change::Merged { from, .. } = c {
                Files::new(files.snapshot.with_file_name(from)).remove();
            }
        }
        Ok(warning)
    }

    /// Folds in the states earlier versions kept for each notes file of a
    /// folder (`keys`: each file as [`Namer`] names it): the changes that
    /// do it, applied here and to be saved (nothing is written yet), and a
    /// warning for each that could not be read. `may_exist` answers as for
    /// [`StateFile::open_key`].
    pub fn fold_in(
        &mut self,
        dir: &Path,
        keys: impl IntoIterator<Item = String>,
        may_exist: impl Fn(&Path) -> bool,
    ) -> (Vec<Change>, Vec<String>) {
        let mut changes = Vec::new();
        let mut warnings = Vec::new();
        for key in keys {
            let path = file_in(dir, &key);
            let Some(from) = path.file_name().map(|n| n.to_string_lossy().into_owned()) else {
                continue;
            };
            if !may_exist(&path)
                || self.state.merged.contains(&from)
                || Some(&path) == self.path.as_ref()
            {
                continue;
            }
            let files = Files::new(path);
            match files.read() {
                Ok(Some((state, _, warning))) => {
                    warnings.extend(warning);
                    let change = Change::Merged {
                        from,
                        state: Box::new(state),
                    };
                    self.state.apply(&change);
                    changes.push(change);
                }
                Ok(None) => {}
                Err(why) => warnings.push(crate::sanitize::one_line(&format!(
                    "review state {} not folded into the folder's: {why}",
                    files.snapshot.display()
                ))),
            }
        }
        (changes, warnings)
    }

    fn fresh(&self) -> State {
        State {
            version: VERSION,
            notes: self.state.notes.clone(),
            ..State::default()
        }
    }
}

/// Moves an unreadable state aside; the warning.
fn moved_aside(files: &Files, why: &str) -> String {
    let moved = files.move_aside();
    crate::sanitize::one_line(&format!(
        "review state {} could not be read ({why}): {moved}; starting afresh",
        files.snapshot.display()
    ))
}

#[cfg(test)]
mod tests;
