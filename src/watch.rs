//! Noticing that the notes changed on disk, so the viewer can read them
//! again. The parent directory of a notes file is watched rather than the
//! file: editors that save atomically (vim, VS Code) write a new file and
//! rename it over the old one, which a watch on the old file would miss.
//!
//! A notes folder is watched exactly where its reading goes: each directory
//! the loader enters gets a watch of its own (hidden ones, `node_modules`
//! and `target` skipped, links to directories not followed, as the loader
//! does), and a directory made later gets one when it appears. A link to
//! `/usr` in the notes costs nothing, and nothing outside the notes can use
//! up the system's watches.
//!
//! Events for other files are ignored; a burst of events (a save is often
//! several) is reported once, after [`QUIET`] without more.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender, channel};
use std::sync::{Arc, Mutex, Weak};
use std::time::{Duration, Instant};

use notify::{EventKind, RecommendedWatcher, RecursiveMode, Watcher as _};

use daynotes_core::wake::Waker;

/// How long a burst of events must have been quiet before it is reported.
pub const QUIET: Duration = Duration::from_millis(50);

/// The longest a burst is held back: a file written for a long time (a
/// large save, a program appending) is still reported this often.
pub const MAX_DELAY: Duration = Duration::from_millis(250);

/// A watch on a notes file or directory; dropping it stops watching.
pub struct Watcher {
    /// The notes file watched through its directory; `None` for a folder.
    file: Option<PathBuf>,
    inner: Arc<Mutex<RecommendedWatcher>>,
    changes: Receiver<()>,
    /// The directories watched.
    watched: Arc<Mutex<Vec<PathBuf>>>,
}

impl std::fmt::Debug for Watcher {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Watcher")
    }
}

/// What is watched: a notes file (through its directory) or a folder.
#[derive(Debug, Clone)]
struct Scope {
    /// The file, or the folder.
    target: PathBuf,
    is_dir: bool,
    recursive: bool,
}

impl Scope {
    /// True for a file whose change is a change of the notes.
    fn wants_file(&self, p: &Path) -> bool {
        if !self.is_dir {
            return p.file_name() == self.target.file_name();
        }
        self.entered(p.parent().unwrap_or(p)) && daynotes_core::load::is_notes_file(p)
    }

    /// True for a directory the loader reads (the folder, or one under it
    /// with no hidden or skipped directory on the way).
    fn entered(&self, dir: &Path) -> bool {
        let Ok(rel) = dir.strip_prefix(&self.target) else {
            return false;
        };
        if !self.recursive {
            return rel.as_os_str().is_empty();
        }
        rel.components().all(|c| {
            let name = c.as_os_str().to_string_lossy();
            !name.starts_with('.') && !daynotes_core::load::is_skipped_dir(&name)
        })
    }
}

impl Watcher {
    /// Watches `target`: a notes file (through its directory) or a notes
    /// directory (`recursive`: with the subdirectories its reading enters).
    /// Each change reported is followed by a call to `waker`. Setting up
    /// the watch of a large folder takes a while: call it off the thread
    /// that answers keys.
    pub fn new(target: &Path, recursive: bool, waker: Waker) -> notify::Result<Watcher> {
        // Through links: a linked notes file is edited where it really is.
        let target = std::fs::canonicalize(target)
            .or_else(|_| std::path::absolute(target))
            .unwrap_or_else(|_| target.to_path_buf());
        let is_dir = target.is_dir();
        let scope = Scope {
            target: target.clone(),
            is_dir,
            recursive,
        };
        let dirs = if is_dir {
            daynotes_core::load::entered_dirs(&target, recursive)
        } else {
            vec![
                target
                    .parent()
                    .map_or_else(|| PathBuf::from("."), Path::to_path_buf),
            ]
        };
        let (raw_tx, raw_rx) = channel::<notify::Event>();
        let inner = notify::recommended_watcher(move |res: notify::Result<notify::Event>| {
            if let Ok(event) = res
                && !event.kind.is_access()
            {
                let _ = raw_tx.send(event);
            }
        })?;
        let inner = Arc::new(Mutex::new(inner));
        let watched = Arc::new(Mutex::new(Vec::new()));
        for dir in &dirs {
            add_watch(&inner, &watched, dir)?;
        }
        let (tx, changes) = channel();
        let weak = (Arc::downgrade(&inner), Arc::downgrade(&watched));
        std::thread::spawn(move || coalesce(&raw_rx, &scope, &weak, &tx, &waker));
        Ok(Watcher {
            file: (!is_dir).then_some(target),
            inner,
            changes,
            watched,
        })
    }

    /// True when the notes changed since the last call (never blocks).
    pub fn changed(&self) -> bool {
        let mut any = false;
        while self.changes.try_recv().is_ok() {
            any = true;
        }
        any
    }

    /// Waits up to `timeout` for a change (for tests).
    pub fn wait(&self, timeout: Duration) -> bool {
        self.changes.recv_timeout(timeout).is_ok()
    }

    /// True when anything the watch covers was changed at or after `since`
    /// (a change made before the watch was set up, which it could not
    /// see): the notes file, or for a folder a directory of it or a notes
    /// file in one. A file's own directory says nothing of it: it changes
    /// with every file beside it (an editor's swap file, a log), which the
    /// watch does not report either.
    pub fn changed_since(&self, since: std::time::SystemTime) -> bool {
        let newer = |p: &Path| std::fs::metadata(p).map_or(true, |m| changed_at(&m) >= since);
        if let Some(file) = &self.file {
            return newer(file);
        }
        let dirs = self.watched();
        dirs.iter().any(|d| {
            newer(d)
                || std::fs::read_dir(d).is_ok_and(|entries| {
                    entries
                        .filter_map(|e| e.ok())
                        .map(|e| e.path())
                        .filter(|p| daynotes_core::load::is_notes_file(p))
                        .any(|p| newer(&p))
                })
        })
    }

    /// The directories watched, sorted.
    pub fn watched(&self) -> Vec<PathBuf> {
        let mut dirs = self.watched.lock().map(|w| w.clone()).unwrap_or_default();
        dirs.sort();
        dirs
    }
}

impl Drop for Watcher {
    fn drop(&mut self) {
        // The watches go with the watcher; the thread sees its channel close.
        if let Ok(mut w) = self.inner.lock() {
            for dir in self.watched.lock().map(|d| d.clone()).unwrap_or_default() {
                let _ = w.unwatch(&dir);
            }
        }
    }
}

/// Puts a watch on `dir` alone.
fn add_watch(
    inner: &Mutex<RecommendedWatcher>,
    watched: &Mutex<Vec<PathBuf>>,
    dir: &Path,
) -> notify::Result<()> {
    let mut w = inner
        .lock()
        .map_err(|_| notify::Error::generic("the watcher was poisoned"))?;
    w.watch(dir, RecursiveMode::NonRecursive)?;
    if let Ok(mut list) = watched.lock()
        && !list.iter().any(|d| d == dir)
    {
        list.push(dir.to_path_buf());
    }
    Ok(())
}

/// The watcher's thread: watches directories as they appear, and reports
/// one change per burst of events, after it has been quiet.
fn coalesce(
    raw: &Receiver<notify::Event>,
    scope: &Scope,
    (inner, watched): &(Weak<Mutex<RecommendedWatcher>>, Weak<Mutex<Vec<PathBuf>>>),
    tx: &Sender<()>,
    waker: &Waker,
) {
    // True when the event changes the notes; watches a directory made in
    // the folder (with what it holds) on the way.
    let matters = |event: &notify::Event| {
        let mut any = false;
        for p in &event.paths {
            let made = matches!(
                event.kind,
                EventKind::Create(_) | EventKind::Modify(notify::event::ModifyKind::Name(_))
            );
            if scope.is_dir && made && p.is_dir() && !p.is_symlink() && scope.entered(p) {
                if let (Some(inner), Some(watched)) = (inner.upgrade(), watched.upgrade()) {
                    for dir in daynotes_core::load::entered_dirs(p, scope.recursive) {
                        let _ = add_watch(&inner, &watched, &dir);
                    }
                }
                // A folder moved in may hold notes already.
                any = true;
            }
            any |= scope.wants_file(p);
        }
        any
    };
    while let Ok(event) = raw.recv() {
        if !matters(&event) {
            continue;
        }
        let started = Instant::now();
        while started.elapsed() < MAX_DELAY {
            match raw.recv_timeout(QUIET) {
                Ok(event) => {
                    matters(&event);
                }
                Err(RecvTimeoutError::Timeout) => break,
                Err(RecvTimeoutError::Disconnected) => return,
            }
        }
        if tx.send(()).is_err() {
            return;
        }
        waker.wake();
    }
}

/// When the file or directory of `m` last changed: the later of its
/// modification and, on Unix, its status change (a file renamed into
/// place, or copied keeping an older modification time, has a new one).
fn changed_at(m: &std::fs::Metadata) -> std::time::SystemTime {
    let modified = m.modified().unwrap_or(std::time::SystemTime::UNIX_EPOCH);
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let status = u64::try_from(m.ctime())
            .ok()
            .and_then(|s| {
                let nanos = u32::try_from(m.ctime_nsec()).unwrap_or(0);
                std::time::SystemTime::UNIX_EPOCH.checked_add(Duration::new(s, nanos))
            })
            .unwrap_or(std::time::SystemTime::UNIX_EPOCH);
        modified.max(status)
    }
    #[cfg(not(unix))]
    modified
}
