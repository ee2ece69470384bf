//! Carrying out what the app asked for ([`Effect`]): reading the notes
//! again, running the editor with the terminal handed over, and writing the
//! clipboard sequence. Outcomes go back to the app as status messages.

use daynotes_view::app::Tone;
use std::io::{self, Write};

use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

use super::Runner;
use daynotes_core::notes::Notebook;
use daynotes_core::sanitize::one_line;
use daynotes_core::wake::Waker;
use daynotes_view::app::Effect;
use daynotes_view::clipboard;

/// Notes being read or parsed on a thread while the app shows what it has.
pub(super) struct Loading {
    rx: Receiver<(Result<Notebook, String>, Duration)>,
    /// Said with the result (`changed on disk: read again`).
    pub(super) why: &'static str,
    /// The whole of a file whose glimpse is shown (timed as the parse).
    pub(super) first: bool,
}

/// Why the notes are read again: said in the status bar when read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Why {
    /// The user asked (`r`, after the editor).
    Asked,
    /// The watcher saw the file change on disk.
    Noticed,
}

impl Loading {
    /// Runs `load` on a thread, which wakes the loop through `waker` when
    /// it is done.
    pub(super) fn spawn(
        why: &'static str,
        first: bool,
        waker: Waker,
        load: impl FnOnce() -> Result<Notebook, String> + Send + 'static,
    ) -> Loading {
        let (tx, rx) = channel();
        std::thread::spawn(move || {
            let start = Instant::now();
            let result = load();
            if tx.send((result, start.elapsed())).is_ok() {
                waker.wake();
            }
        });
        Loading { rx, why, first }
    }

    /// The result, once it has come.
    pub(super) fn try_take(&self) -> Option<(Result<Notebook, String>, Duration)> {
        self.rx.try_recv().ok()
    }
}

impl Runner {
    /// Carries out the app's requests; true when the screen may change.
    pub(super) fn carry_out(&mut self) -> io::Result<bool> {
        let effects = self.app.take_effects();
        let any = !effects.is_empty();
        for effect in effects {
            match effect {
                Effect::Reload => self.reload(Why::Asked),
                Effect::Edit { path, line } => self.edit(&path, line)?,
                Effect::Copy { text, what } => self.copy(&text, what)?,
                Effect::ShowLink { target, key } => self.show_link(&target, &key)?,
                Effect::Open { target } => self.open(&target),
                Effect::SaveReview => self.save_review(),
            }
        }
        Ok(any)
    }

    /// Reads the notes again, on a thread: no file system call that could
    /// block (a FIFO put in the file's place, a slow disk) runs on the
    /// thread that draws and reads keys. On failure (the file vanished,
    /// became unreadable, binary or not a regular file) the last good
    /// version stays, with a message. While a read runs, one more is made
    /// when it is done, so that reads never pile up.
    pub(super) fn reload(&mut self, why: Why) {
        let Some(target) = self.options.target.clone() else {
            return self
                .app
                .tell("the bundled sample has no file to read again", Tone::Info);
        };
        if self.parsing.is_some() {
            self.read_again = Some(self.read_again.map_or(why, |w| w.max(why)));
            return;
        }
        let why = match why {
            Why::Noticed => "changed on disk: read again",
            Why::Asked => "read again",
        };
        let (options, year) = (self.options.load, self.options.fill_year);
        let load = move || {
            daynotes_core::load::load_with(&target, options)
                .map(|(nb, _)| super::with_year(nb, year))
                .map_err(|e| one_line(&format!("{e:#}")))
        };
        self.parsing = Some(Loading::spawn(why, false, self.waker.clone(), load));
        self.app.tell("reading the notes again…", Tone::Info);
    }

    /// Shows notes read again, or says why they could not be.
    pub(super) fn show_loaded(&mut self, result: Result<Notebook, String>, why: &str) {
        match result {
            Ok(notebook) => {
                let days = notebook.days.len();
                let warnings = notebook.warnings.len();
                self.app.replace_notebook(notebook);
                let w = match warnings {
                    0 => String::new(),
                    1 => " · 1 warning".into(),
                    n => format!(" · {n} warnings"),
                };
                let s = if days == 1 { "" } else { "s" };
                let lead = if why.is_empty() {
                    "read".to_string()
                } else {
                    format!("{why},")
                };
                self.app.tell(
                    format!("{lead} {days} day{s}{w}"),
                    if warnings > 0 {
                        Tone::Error
                    } else {
                        Tone::Info
                    },
                );
            }
            Err(e) => {
                let msg = format!("{e} — showing the last version read");
                self.app.tell(msg, Tone::Error);
            }
        }
    }

    /// Writes the review state of every file with unsaved changes (a
    /// rating, an undo, topics opened); a failure is said in the status bar
    /// and the changes are tried again with the next save.
    pub(super) fn save_review(&mut self) {
        if !self.app.study.deck.unsaved() {
            return;
        }
        // Cards gone from the notes are marked against the cards made now.
        self.app.ensure_deck();
        let today = self.app.review_today();
        match self.app.study.deck.save(today) {
            Ok(None) => {}
            Ok(Some(warning)) => self.app.tell(warning, Tone::Error),
            Err(e) => {
                let text = format!("review state not saved: {}", one_line(&e));
                self.app.tell(text, Tone::Error);
            }
        }
    }

    /// Hands the terminal to the editor at `path:line`, takes it back, and
    /// has the notes read again.
    fn edit(&mut self, path: &str, line: usize) -> io::Result<()> {
        let argv = match crate::editor::command_from_env(
            self.options.editor.as_deref(),
            std::path::Path::new(path),
            line,
        ) {
            Ok(argv) => argv,
            Err(e) => {
                self.app.tell(one_line(&e.to_string()), Tone::Error);
                return Ok(());
            }
        };
        self.session.hand_over()?;
        self.signals.editing(true);
        let result = crate::editor::run(&argv);
        self.signals.editing(false);
        self.session.resume()?;
        self.tell_size()?;
        // With the notes watched, a save is read again once, as any change
        // on disk is; while the watch is being set up, it will see what
        // changed since the start (or the notes are read if it cannot be
        // set up); without a watch, read them now.
        let setting_up = self.watcher.is_none() && self.watch_setup.is_some();
        self.edited_unwatched |= setting_up;
        let read_now = self.watcher.is_none() && !setting_up;
        match result {
            Ok(status) if status.success() => {
                if read_now {
                    self.reload(Why::Asked);
                }
            }
            Ok(status) => {
                if read_now {
                    self.reload(Why::Asked);
                }
                self.app
                    .tell(format!("the editor ended with {status}"), Tone::Error);
            }
            Err(e) => self.app.tell(one_line(&e.to_string()), Tone::Error),
        }
        Ok(())
    }

    /// Writes the OSC 52 sequence for `text` to the terminal.
    /// A link out of the notes: copied (OSC 52) and shown.
    fn show_link(&mut self, target: &str, key: &str) -> io::Result<()> {
        if let Ok(seq) = clipboard::osc52(target) {
            let mut out = io::stdout().lock();
            out.write_all(seq.as_bytes())?;
            out.flush()?;
        }
        let shown = daynotes_core::sanitize::one_line(target);
        self.app.tell(
            format!("copied {shown} — {key} and its number opens it"),
            Tone::Info,
        );
        Ok(())
    }

    /// Opens a URL or file with the system's opener, detached, its output
    /// thrown away so that nothing reaches the screen.
    fn open(&mut self, target: &str) {
        let opener = if cfg!(target_os = "macos") {
            "open"
        } else {
            "xdg-open"
        };
        let shown = daynotes_core::sanitize::one_line(target);
        let started = std::process::Command::new(opener)
            .arg(target)
            .stdin(std::process::Stdio::null())
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn();
        match started {
            Ok(mut child) => {
                // Reaped on a thread: the opener returns at once.
                std::thread::spawn(move || child.wait());
                self.app
                    .tell(format!("opening {shown} with {opener}"), Tone::Info);
            }
            Err(e) => self
                .app
                .tell(format!("cannot run {opener}: {e}"), Tone::Error),
        }
    }

    fn copy(&mut self, text: &str, what: &str) -> io::Result<()> {
        match clipboard::osc52(text) {
            Ok(seq) => {
                let mut out = io::stdout().lock();
                out.write_all(seq.as_bytes())?;
                out.flush()?;
                let size = clipboard::size(text.len());
                self.app.tell(
                    format!("copied the {what} ({size}) to the clipboard"),
                    Tone::Info,
                );
            }
            Err(len) => {
                let msg = format!(
                    "the {what} is {}, over the {} clipboard limit: nothing copied",
                    clipboard::size(len),
                    clipboard::size(clipboard::LIMIT)
                );
                self.app.tell(msg, Tone::Error);
            }
        }
        Ok(())
    }
}
