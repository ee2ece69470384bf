//! Noticing that the notes changed on disk, so the viewer can read them
//! again. The parent directory is watched rather than the file: editors that
//! save atomically (vim, VS Code) write a new file and rename it over the
//! old one, which a watch on the old file would miss.
//!
//! Events for other files in the directory are ignored; a burst of events
//! (a save is often several) is reported once, after [`QUIET`] without more.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::time::{Duration, Instant};

use notify::{RecommendedWatcher, RecursiveMode, Watcher as _};

use crate::wake::Waker;

/// How long a burst of events must have been quiet before it is reported.
pub const QUIET: Duration = Duration::from_millis(50);

/// The longest a burst is held back: a file written for a long time (a
/// large save, a program appending) is still reported this often.
pub const MAX_DELAY: Duration = Duration::from_millis(250);

/// A watch on a notes file or directory; dropping it stops watching.
pub struct Watcher {
    _inner: RecommendedWatcher,
    changes: Receiver<()>,
}

impl std::fmt::Debug for Watcher {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Watcher")
    }
}

impl Watcher {
    /// Watches `target`: a notes file (through its directory) or a notes
    /// directory (`recursive`: with its subdirectories). Each change
    /// reported is followed by a call to `waker`.
    pub fn new(target: &Path, recursive: bool, waker: Waker) -> notify::Result<Watcher> {
        // Through links: a linked notes file is edited where it really is.
        let target = std::fs::canonicalize(target)
            .or_else(|_| std::path::absolute(target))
            .unwrap_or_else(|_| target.to_path_buf());
        let is_dir = target.is_dir();
        let (dir, mode) = if is_dir {
            let mode = if recursive {
                RecursiveMode::Recursive
            } else {
                RecursiveMode::NonRecursive
            };
            (target.clone(), mode)
        } else {
            let parent = target
                .parent()
                .map_or_else(|| PathBuf::from("."), Path::to_path_buf);
            (parent, RecursiveMode::NonRecursive)
        };
        let (raw_tx, raw_rx) = channel::<()>();
        let root = dir.clone();
        let wanted = move |p: &Path| {
            if is_dir {
                // The files the loader reads: none under a hidden or
                // skipped directory.
                let hidden = p.strip_prefix(&root).is_ok_and(|rel| {
                    rel.components().any(|c| {
                        let name = c.as_os_str().to_string_lossy();
                        name.starts_with('.') || crate::load::is_skipped_dir(&name)
                    })
                });
                !hidden && crate::load::is_notes_file(p)
            } else {
                p.file_name() == target.file_name()
            }
        };
        let mut inner = notify::recommended_watcher(move |res: notify::Result<notify::Event>| {
            if let Ok(event) = res
                && !event.kind.is_access()
                && event.paths.iter().any(|p| wanted(p))
            {
                let _ = raw_tx.send(());
            }
        })?;
        inner.watch(&dir, mode)?;
        let (tx, changes) = channel();
        // Coalesces bursts: one report per burst, after it has been quiet.
        std::thread::spawn(move || {
            while raw_rx.recv().is_ok() {
                let started = Instant::now();
                while started.elapsed() < MAX_DELAY {
                    match raw_rx.recv_timeout(QUIET) {
                        Ok(()) => continue,
                        Err(RecvTimeoutError::Timeout) => break,
                        Err(RecvTimeoutError::Disconnected) => return,
                    }
                }
                if tx.send(()).is_err() {
                    return;
                }
                waker.wake();
            }
        });
        Ok(Watcher {
            _inner: inner,
            changes,
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
}
