//! The files of one review state in the state directory, and the only code
//! that opens them.
//!
//! ```text
//! review-notes-3f2a….json        the snapshot: the whole state, of one generation
//! review-notes-3f2a….json.log    the journal: {"generation":G}, then a change a line
//! review-notes-3f2a….json.lock   locked (flock) by whoever reads, merges and writes
//! ```
//!
//! A rating appends one line to the journal and flushes it (a few
//! milliseconds, however long the history); now and then the journal is
//! folded into a new snapshot of a new generation ([`Files::compact`]). The
//! journal belongs to the snapshot whose generation its first line names:
//! a crash between writing the snapshot and starting the journal afresh
//! leaves an old journal that is then ignored (its changes are in the
//! snapshot), never applied twice.
//!
//! Every file is opened, read and replaced as [`crate::state_dir`] does it
//! (no link followed, regular files only, at most [`CAP`] read, new files
//! of random names renamed into place): whatever links are in the state
//! directory, nothing is written outside it.

use std::fs::File;
use std::io::{self, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

use super::super::state::{Change, State, VERSION};
use crate::load::read::ReadError;
use crate::state_dir::{Access, make_dir, open_no_link, replace};

/// The most of a snapshot or a journal read: a state of 200,000 ratings
/// takes about 20 MB.
pub const CAP: u64 = 64 << 20;

/// The three files of one state.
#[derive(Debug, Clone)]
pub struct Files {
    /// The snapshot.
    pub snapshot: PathBuf,
    journal: PathBuf,
    lock: PathBuf,
}

/// How far a reader has read the files: the snapshot it read (as the file
/// system names it) and how much of its journal.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Mark {
    /// The snapshot's identity; `None` when there was none.
    snapshot: Option<Identity>,
    /// The generation of the snapshot.
    pub generation: u64,
    /// Bytes of the journal read (its first line included); 0 when it has
    /// none that goes with the snapshot.
    offset: u64,
    /// Changes in the journal.
    pub entries: usize,
}

/// A file as the file system knows it: changed in any way, or replaced,
/// it is another.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Identity(u64, u64, u64, i64, i64);

impl Identity {
    fn of(m: &std::fs::Metadata) -> Identity {
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt;
            Identity(m.dev(), m.ino(), m.len(), m.mtime(), m.mtime_nsec())
        }
        #[cfg(not(unix))]
        {
            let t = m
                .modified()
                .ok()
                .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
                .unwrap_or_default();
            Identity(
                0,
                0,
                m.len(),
                t.as_secs() as i64,
                i64::from(t.subsec_nanos()),
            )
        }
    }
}

/// An exclusive lock on a state, held until dropped.
#[derive(Debug)]
pub struct Lock {
    _file: File,
}

impl Files {
    /// The files of the state whose snapshot is `snapshot`.
    pub fn new(snapshot: PathBuf) -> Files {
        let with = |ext: &str| {
            let mut name = snapshot.file_name().unwrap_or_default().to_os_string();
            name.push(ext);
            snapshot.with_file_name(name)
        };
        Files {
            journal: with(".log"),
            lock: with(".lock"),
            snapshot,
        }
    }

    fn dir(&self) -> &Path {
        self.snapshot.parent().unwrap_or(Path::new("."))
    }

    /// Waits for the state's lock, making the directory (mode 0700) and the
    /// lock file as needed. Something else at the lock file's name (a link,
    /// a FIFO) is moved aside first.
    pub fn lock(&self) -> io::Result<Lock> {
        make_dir(self.dir())?;
        let file = match open_no_link(&self.lock, Access::Lock) {
            Err(e) if e.kind() == io::ErrorKind::Other => {
                aside(&self.lock, &stamp());
                open_no_link(&self.lock, Access::Lock)?
            }
            opened => opened?,
        };
        file.lock()?;
        Ok(Lock { _file: file })
    }

    /// Reads the snapshot and its journal: `None` when there is no state
    /// yet, else the state, how far it was read, and a warning when the
    /// journal could not be read and was moved aside (the snapshot alone is
    /// then the state). An unreadable snapshot is an error saying why. Hold
    /// the lock, or take the risk of a half-written journal line (which is
    /// left unread).
    pub fn read(&self) -> Result<Option<(State, Mark, Option<String>)>, String> {
        let Some((mut state, identity)) = read_snapshot(&self.snapshot)? else {
            return Ok(None);
        };
        let mut mark = Mark {
            snapshot: Some(identity),
            generation: state.generation,
            offset: 0,
            entries: 0,
        };
        let warning = match read_journal(&self.journal, state.generation) {
            Ok(Some(journal)) => {
                for change in &journal.changes {
                    state.apply(change);
                }
                mark.offset = journal.end;
                mark.entries = journal.changes.len();
                None
            }
            Ok(None) => None,
            Err(why) => Some(format!(
                "review journal {} could not be read ({why}): {}; the ratings in it are left out",
                self.journal.display(),
                aside(&self.journal, &stamp())
            )),
        };
        Ok(Some((state, mark, warning)))
    }

    /// True when neither file changed since `mark` was taken: nobody else
    /// wrote in between.
    pub fn unchanged_since(&self, mark: &Mark) -> bool {
        let snapshot = std::fs::symlink_metadata(&self.snapshot)
            .ok()
            .map(|m| Identity::of(&m));
        if snapshot != mark.snapshot {
            return false;
        }
        match std::fs::symlink_metadata(&self.journal) {
            Ok(m) => mark.offset > 0 && m.len() == mark.offset,
            Err(e) => e.kind() == io::ErrorKind::NotFound && mark.offset == 0,
        }
    }

    /// Appends `changes` to the journal of `mark`'s generation (starting it
    /// when it has none) and flushes them to disk; the mark past them.
    pub fn append(&self, mark: &Mark, changes: &[Change]) -> io::Result<Mark> {
        let mut lines = Vec::new();
        if mark.offset == 0 {
            // A journal of another generation is of no use to anyone: the
            // new one takes its place.
            writeln!(lines, "{{\"generation\":{}}}", mark.generation)?;
        }
        for c in changes {
            serde_json::to_writer(&mut lines, c)?;
            lines.push(b'\n');
        }
        let end = if mark.offset == 0 {
            replace(&self.journal, &lines)?;
            lines.len() as u64
        } else {
            let mut f = open_no_link(&self.journal, Access::Append)?;
            let at = f.seek(SeekFrom::End(0))?;
            if at < mark.offset {
                return Err(io::Error::other("the journal changed under its lock"));
            }
            if at > mark.offset {
                // A line cut short by a crash, left unread: gone before
                // the next is written.
                f.set_len(mark.offset)?;
            }
            f.write_all(&lines)?;
            f.sync_data()?;
            mark.offset + lines.len() as u64
        };
        Ok(Mark {
            offset: end,
            entries: mark.entries + changes.len(),
            ..*mark
        })
    }

    /// Writes `state` whole as a snapshot of a new generation, then starts
    /// its journal empty; the mark of the result.
    pub fn compact(&self, state: &mut State) -> io::Result<Mark> {
        state.version = VERSION;
        state.generation = new_generation(state.generation);
        let mut text = serde_json::to_vec_pretty(&*state)?;
        text.push(b'\n');
        replace(&self.snapshot, &text)?;
        let identity = std::fs::symlink_metadata(&self.snapshot).map(|m| Identity::of(&m))?;
        let mark = Mark {
            snapshot: Some(identity),
            generation: state.generation,
            offset: 0,
            entries: 0,
        };
        self.append(&mark, &[])
    }

    /// Removes the state (its contents saved elsewhere first): the snapshot
    /// and journal under the lock, so that no writer is half-way through,
    /// then the lock file. What cannot be removed stays, and is folded in
    /// again harmlessly (its name is remembered).
    pub fn remove(&self) {
        if let Ok(_lock) = self.lock() {
            for path in [&self.snapshot, &self.journal] {
                if std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_file()) {
                    let _ = std::fs::remove_file(path);
                }
            }
        }
        if std::fs::symlink_metadata(&self.lock).is_ok_and(|m| m.file_type().is_file()) {
            let _ = std::fs::remove_file(&self.lock);
        }
    }

    /// Moves the snapshot and its journal out of the way (the snapshot
    /// could not be read); says where, or why not.
    pub fn move_aside(&self) -> String {
        let stamp = stamp();
        let moved = aside(&self.snapshot, &stamp);
        if std::fs::symlink_metadata(&self.journal).is_ok() {
            let _ = aside(&self.journal, &stamp);
        }
        moved
    }
}

/// The time, to name a file moved aside.
fn stamp() -> String {
    chrono::Local::now().format("%Y%m%d-%H%M%S").to_string()
}

/// Renames `path` to `PATH.unreadable-STAMP` (`-2`, `-3`… when taken);
/// says where, or why not.
fn aside(path: &Path, stamp: &str) -> String {
    let named = |n: usize| {
        let mut name = path.file_name().unwrap_or_default().to_os_string();
        name.push(format!(".unreadable-{stamp}"));
        if n > 1 {
            name.push(format!("-{n}"));
        }
        path.with_file_name(name)
    };
    let mut n = 1;
    while std::fs::symlink_metadata(named(n)).is_ok() {
        n += 1;
    }
    match std::fs::rename(path, named(n)) {
        Ok(()) => format!("moved to {}", named(n).display()),
        Err(e) => format!("could not be moved aside ({})", crate::load::io_reason(&e)),
    }
}

/// A generation other than `old`, not 0 (the generation of files of
/// format 1, which have no journal).
fn new_generation(old: u64) -> u64 {
    loop {
        let g = fastrand::u64(1..);
        if g != old {
            return g;
        }
    }
}

/// The snapshot at `path` and its identity; `None` when there is none.
fn read_snapshot(path: &Path) -> Result<Option<(State, Identity)>, String> {
    let bad = |why: String| why;
    let (bytes, identity) = match read_no_link(path) {
        Ok(read) => read,
        Err(ReadError::Io(e)) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(ReadError::TooLarge) => return Err(bad(format!("larger than {} MiB", CAP >> 20))),
        Err(e) => return Err(bad(e.to_string())),
    };
    #[derive(serde::Deserialize)]
    struct Version {
        version: u32,
    }
    let version = serde_json::from_slice::<Version>(&bytes)
        .map_err(|e| bad(format!("not a review state: {e}")))?
        .version;
    if version > VERSION {
        return Err(bad(format!(
            "written by a newer daynotes (format {version})"
        )));
    }
    let state = serde_json::from_slice(&bytes).map_err(|e| bad(format!("damaged: {e}")))?;
    Ok(Some((state, identity)))
}

/// A journal's changes, and where its last whole line ends.
struct Journal {
    changes: Vec<Change>,
    end: u64,
}

/// The journal at `path` when it goes with the snapshot of `generation`;
/// `None` when there is none that does. A last line cut short (a crash
/// while it was written) is left out.
fn read_journal(path: &Path, generation: u64) -> Result<Option<Journal>, String> {
    let bad = |why: String| why;
    let bytes = match read_no_link(path) {
        Ok((bytes, _)) => bytes,
        Err(ReadError::Io(e)) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(ReadError::TooLarge) => return Err(bad(format!("larger than {} MiB", CAP >> 20))),
        Err(e) => return Err(bad(e.to_string())),
    };
    let whole = bytes.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
    let mut lines = bytes[..whole].split(|&b| b == b'\n');
    #[derive(serde::Deserialize)]
    struct Header {
        generation: u64,
    }
    let header: Header = lines
        .next()
        .and_then(|l| serde_json::from_slice(l).ok())
        .ok_or_else(|| bad("not a review journal".into()))?;
    if header.generation != generation {
        return Ok(None);
    }
    let mut changes = Vec::new();
    for (n, line) in lines.enumerate() {
        if line.is_empty() {
            continue;
        }
        let change = serde_json::from_slice(line)
            .map_err(|e| bad(format!("damaged at line {}: {e}", n + 2)))?;
        changes.push(change);
    }
    Ok(Some(Journal {
        changes,
        end: whole as u64,
    }))
}

/// The bytes of the regular file at `path` (no link followed), at most
/// [`CAP`] of them, and its identity.
fn read_no_link(path: &Path) -> Result<(Vec<u8>, Identity), ReadError> {
    let (bytes, meta) = crate::state_dir::read_no_link(path, CAP)?;
    Ok((bytes, Identity::of(&meta)))
}
