//! The terminal runner: sets the terminal up, loops over events, and restores
//! the terminal on every way out (quit, error, panic, signal, Ctrl-Z).
//!
//! ```text
//!   terminal, workers, watcher, signals
//!                    │ one channel (events.rs)
//!                    ▼
//!   Events::next (sleeps) ──► Keymap::action_for ──► App::update ──► ui::draw
//!        ▲                                                              │
//!        └─────────────────────────── next ◄────────────────────────────┘
//! ```
//!
//! The loop sleeps in [`Events::next`] until something happens: a key, a
//! resize, search hits, code colours, notes read on a thread, a change on
//! disk or a signal. It takes everything that came, then draws once, and
//! only when something changed. An idle viewer uses no CPU.

mod effects;
mod events;
mod session;
mod signals;

use daynotes_view::app::Tone;
use std::io;

use anyhow::Context;
use crossterm::event::{self, Event};

use daynotes_core::notes::Notebook;
use daynotes_view::app::{Action, App};
use daynotes_view::ui::{self, ViewState};

use effects::Why;
use events::Events;
use session::Session;
use signals::{Notice, Signals};

/// What the viewer starts with (`daynotes review`, `review --cram`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Start {
    /// Today's cards.
    Review,
    /// A cram of the cards chosen.
    Cram(daynotes_core::review::Selection),
}

/// Options for a TUI session.
#[derive(Debug)]
pub struct Options {
    /// A label for the status bar saying where the notes came from.
    pub origin: String,
    /// The day to open at (`--date`), as the go-to-date prompt reads it.
    pub date: Option<String>,
    /// The year of days the notes give none.
    pub assumed: daynotes_core::dates::AssumedYear,
    /// The styles to draw with.
    pub theme: daynotes_view::theme::Theme,
    /// The colours the terminal shows: every frame is fitted to them.
    pub depth: daynotes_view::theme::ColourDepth,
    /// The notes file or directory read: watched, and read again on `r`
    /// (`None` for the bundled sample).
    pub target: Option<std::path::PathBuf>,
    /// How to read it again.
    pub load: daynotes_core::load::LoadOptions,
    /// The configured editor command, if any.
    pub editor: Option<Vec<String>>,
    /// With `--timings`: how long loading took; the rest is measured here
    /// and printed on exit.
    pub timings: Option<daynotes_core::load::LoadTimes>,
    /// A large file of which only the beginning is shown: read and parsed
    /// whole on a thread, then shown in its place (or, when the whole turns
    /// out not to be notes, the viewer ends with the error).
    pub pending: Option<daynotes_core::load::Pending>,
    /// `--year`, for the notes parsed after start (on that thread, and
    /// each time they are read again).
    pub fill_year: Option<i32>,
    /// The review cards and their state.
    pub review: daynotes_core::review::Deck,
    /// What went wrong reading the review state (said in the status bar).
    pub review_warnings: Vec<String>,
    /// What to start with: a review of today's cards, or a cram.
    pub start: Option<Start>,
    /// `/` search matches Chinese by pinyin too.
    pub pinyin: bool,
    /// The keys, with the config's put in.
    pub keymap: daynotes_view::keymap::Keymap,
    /// The outline's width beside the text (`None`: a third).
    pub outline_width: Option<u16>,
    /// Where the viewer opens (unless `date` says).
    pub open_at: daynotes_core::config::OpenAt,
}

/// Notes read after start, with `--year` filled in as it was at start.
fn with_year(mut notebook: Notebook, year: Option<i32>) -> Notebook {
    if let Some(y) = year {
        daynotes_core::dates::assume_year(&mut notebook, y);
    }
    notebook
}

/// Runs the viewer until the user quits.
///
/// Everything that can fail for ordinary reasons (reading, decoding,
/// parsing) is done before; this sets up the terminal and restores it on
/// every way out. When a signal (SIGTERM, SIGHUP, SIGINT, SIGQUIT) ends the
/// session, the terminal is restored and the process exits with status
/// 128 + the signal number, as a shell reports a process killed by it.
pub fn run(notebook: Notebook, mut options: Options) -> anyhow::Result<()> {
    let started = std::time::SystemTime::now();
    let events = Events::start().context("starting the terminal reader")?;
    let waker = events.waker();
    let signals = Signals::register(waker.clone()).context("installing signal handlers")?;
    let app = if options.origin.is_empty() {
        App::new(notebook)
    } else {
        App::with_origin(notebook, options.origin.clone())
    };
    let deck = std::mem::take(&mut options.review);
    let mut app = app
        .with_assumed_year(options.assumed)
        .with_theme(options.theme.clone())
        .with_keymap(options.keymap.clone())
        .with_deck(deck);
    app.search.pinyin = options.pinyin;
    app.set_waker(waker.clone());
    let mut app = app.with_outline_width(options.outline_width);
    let left_at = options
        .target
        .as_deref()
        .zip(daynotes_core::review::store::state_dir())
        .and_then(|(target, dir)| crate::resume::load(&dir, target));
    if let Some(date) = &options.date {
        // Checked before the screen is taken, so a bad date is a plain error.
        app.go_to_date(date)
            .map_err(|e| anyhow::anyhow!("--date: {e}"))?;
    } else {
        app.open_at(options.open_at, left_at.as_ref());
    }
    // Opened on the beginning of large notes: where it was left may be
    // further in, found once the whole is read (unless a key came first).
    let reopen =
        (options.pending.is_some() && options.date.is_none()).then_some((options.open_at, left_at));
    let mut timings = crate::timings::Timings::default();
    if let Some(t) = options.timings {
        timings.load(t);
    }
    let parsing = options.pending.take().map(|file| {
        let year = options.fill_year;
        app.tell(file.describe(), Tone::Info);
        let load = move || {
            file.load()
                .map(|nb| with_year(nb, year))
                .map_err(|e| daynotes_core::sanitize::one_line(&format!("{e:#}")))
        };
        effects::Loading::spawn("", true, waker.clone(), load)
    });
    match options.start.take() {
        Some(Start::Review) => app.start_review(),
        Some(Start::Cram(selection)) => app.start_cram(&selection),
        None => {}
    }
    let warnings = options.review_warnings.iter();
    if let Some(w) = warnings.chain(options.keymap.warnings()).next() {
        app.tell(w.clone(), Tone::Error);
    }
    let session = Session::start().context("setting up the terminal")?;
    let mut runner = Runner {
        parsing,
        read_again: None,
        events,
        waker,
        session,
        app,
        view: ViewState::default(),
        signals,
        watcher: None,
        watch_setup: None,
        edited_unwatched: false,
        started,
        options,
        timings,
        frames: 0,
        refused: None,
        reopen,
    };
    let end = runner.run();
    // Topics opened are saved as the viewer ends (ratings were saved as
    // they were made), and where it was left.
    runner.save_review();
    runner.save_place();
    let report = runner
        .options
        .timings
        .is_some()
        .then(|| runner.timings.report());
    // Restore the terminal before reporting anything.
    drop(runner);
    if let Some(report) = report {
        eprint!("{report}");
    }
    match end.context("running the viewer")? {
        End::Quit => Ok(()),
        End::Signal(sig) => std::process::exit(128 + sig),
        // As the command line says it when the file is read before.
        End::Refused(why) => Err(anyhow::anyhow!(why)),
    }
}

/// How a session ended.
enum End {
    /// The user quit.
    Quit,
    /// A signal ended it.
    Signal(i32),
    /// The whole of a large file, read behind its first screen, is not
    /// notes after all (a NUL byte past its beginning): why.
    Refused(String),
}

/// The state of the loop; dropping it restores the terminal and the signal
/// handlers.
struct Runner {
    /// What the loop sleeps on.
    events: Events,
    /// Wakes the loop: given to the threads the runner starts.
    waker: daynotes_core::wake::Waker,
    session: Session,
    app: App,
    view: ViewState,
    signals: Signals,
    /// The watch on the notes, when they came from disk and it is set up.
    watcher: Option<crate::watch::Watcher>,
    /// The watch being set up on a thread, after the first frame, and
    /// whether the notes changed before it was.
    watch_setup: Option<std::sync::mpsc::Receiver<Result<(crate::watch::Watcher, bool), String>>>,
    /// The editor ran while the watch was being set up: the notes are
    /// read again if it cannot be (when it can, it sees the change).
    edited_unwatched: bool,
    /// When the viewer started, the notes read: a change from then on is
    /// read again.
    started: std::time::SystemTime,
    options: Options,
    timings: crate::timings::Timings,
    /// Frames drawn so far.
    frames: usize,
    /// The whole notes being parsed on a thread, while a glimpse is shown.
    parsing: Option<effects::Loading>,
    /// A read asked for while `parsing` runs: made once it is done, so
    /// that reads never pile up.
    read_again: Option<Why>,
    /// Why the file whose beginning is shown cannot be read whole.
    refused: Option<String>,
    /// Where to open once the whole of a large file is read, while no key
    /// has come.
    reopen: Option<(
        daynotes_core::config::OpenAt,
        Option<daynotes_core::outline::Place>,
    )>,
}

impl Runner {
    fn run(&mut self) -> io::Result<End> {
        // crossterm starts listening for window-size changes with its first
        // poll: do that before reading the size, so a resize between the
        // two is still seen (as an event, or in the size read). From here
        // on only the reader thread of `events` reads the terminal.
        event::poll(std::time::Duration::ZERO)?;
        self.tell_size()?;
        self.draw()?;
        // Links, tags and the search index are built behind the first frame.
        self.app.start_indexing();
        self.start_watch();
        loop {
            match self.signals.take() {
                Some(Notice::End(sig)) => return Ok(End::Signal(sig)),
                Some(Notice::Stop) => {
                    self.suspend()?;
                    self.draw()?;
                    continue;
                }
                Some(Notice::Continue) => {
                    self.session.resume()?;
                    self.tell_size()?;
                    self.draw()?;
                    continue;
                }
                None => {}
            }
            let mut redraw = false;
            for event in self.events.next()? {
                redraw |= self.handle(event)?;
                if self.app.quit {
                    break;
                }
            }
            if self.app.quit {
                return Ok(End::Quit);
            }
            redraw |= self.background();
            if let Some(why) = self.refused.take() {
                return Ok(End::Refused(why));
            }
            redraw |= self.carry_out()?;
            if redraw {
                self.draw()?;
            }
        }
    }

    /// Handles one event; true when the screen may have changed.
    fn handle(&mut self, event: Event) -> io::Result<bool> {
        let resized = matches!(event, Event::Resize(..));
        if matches!(event, Event::Key(_) | Event::Mouse(_)) {
            self.reopen = None;
        }
        let app = &self.app;
        match app
            .keymap
            .action_for(&event, app.mode.context(), app.pending)
        {
            Some(Action::Suspend) => {
                self.suspend()?;
                Ok(true)
            }
            Some(action) => {
                self.app.update(action);
                Ok(true)
            }
            None => Ok(resized),
        }
    }

    /// Stops the process (Ctrl-Z) and takes the terminal back when it is
    /// continued; the terminal may have been resized in between.
    fn suspend(&mut self) -> io::Result<()> {
        self.session.suspend()?;
        // Our own stop's SIGCONT is handled: the terminal is set up again.
        self.signals.forget_continue();
        self.tell_size()
    }

    /// Sets up the watch on the notes on a thread: a folder's takes a
    /// while, and the first frame and the keys do not wait for it.
    fn start_watch(&mut self) {
        let Some(target) = self.options.target.clone() else {
            return;
        };
        let (tx, rx) = std::sync::mpsc::channel();
        let (waker, recursive) = (self.waker.clone(), self.options.load.recursive);
        let since = self.started;
        std::thread::spawn(move || {
            let watcher = crate::watch::Watcher::new(&target, recursive, waker.clone())
                .map(|w| {
                    // What changed before the watch could see it.
                    let changed = w.changed_since(since);
                    (w, changed)
                })
                .map_err(|e| daynotes_core::sanitize::one_line(&e.to_string()));
            let _ = tx.send(watcher);
            waker.wake();
        });
        self.watch_setup = Some(rx);
    }

    /// The watch, once set up; says so when it could not be. True when the
    /// screen may have changed.
    fn take_watch(&mut self) -> bool {
        let Some(setup) = &self.watch_setup else {
            return false;
        };
        let Ok(result) = setup.try_recv() else {
            return false;
        };
        self.watch_setup = None;
        match result {
            Ok((w, changed)) => {
                // It saw what the editor changed, if anything.
                self.edited_unwatched = false;
                self.watcher = Some(w);
                if changed {
                    self.reload(Why::Noticed);
                }
                changed
            }
            Err(why) => {
                if std::mem::take(&mut self.edited_unwatched) {
                    self.reload(Why::Asked);
                }
                let key = self.app.keymap.key_label(Action::Reload);
                self.app.tell(
                    format!("live reload is off: {why} ({key} reads the notes again)"),
                    Tone::Error,
                );
                true
            }
        }
    }

    /// What came in meanwhile: search hits, code colours, notes parsed or
    /// read on a thread, the watch set up, a change on disk (read again).
    /// True when the screen may have changed.
    fn background(&mut self) -> bool {
        let mut changed = self.app.poll_search();
        changed |= self.app.poll_marks();
        changed |= self.app.poll_colours();
        changed |= self.take_parsed();
        changed |= self.take_watch();
        if self.watcher.as_ref().is_some_and(|w| w.changed()) {
            self.reload(Why::Noticed);
            changed = true;
        }
        changed
    }

    /// Shows the whole notes once the thread has parsed them; true when it
    /// did.
    fn take_parsed(&mut self) -> bool {
        let Some(loading) = &self.parsing else {
            return false;
        };
        let Some((result, took)) = loading.try_take() else {
            return false;
        };
        let (why, first) = (loading.why, loading.first);
        self.parsing = None;
        if first {
            self.timings
                .phase("read and parse (all, behind the first frame)", took);
            if let Err(e) = &result {
                self.refused = Some(e.clone());
                return true;
            }
        }
        self.show_loaded(result, why);
        if let Some((how, place)) = self.reopen.take().filter(|_| first) {
            self.app.open_at(how, place.as_ref());
        }
        if let Some(why) = self.read_again.take() {
            self.reload(why);
        }
        true
    }

    /// Gives the app the terminal's size, as a resize event would: at start
    /// and after a stop no such event comes.
    fn tell_size(&mut self) -> io::Result<()> {
        let size = self.session.terminal().size()?;
        self.handle(Event::Resize(size.width, size.height))?;
        Ok(())
    }

    /// Keeps where the viewer was left, for the next time it opens these
    /// notes (not the bundled sample, which has no file). A failure is not
    /// worth a word on the way out.
    fn save_place(&self) {
        let (Some(target), Some(dir)) = (
            &self.options.target,
            daynotes_core::review::store::state_dir(),
        ) else {
            return;
        };
        let app = &self.app;
        let place = app
            .selected()
            .and_then(|id| daynotes_core::outline::Place::of(&app.notebook, id, &app.dates.axis));
        if let Some(place) = place {
            let _ = crate::resume::save(&dir, target, &place);
        }
    }

    fn draw(&mut self) -> io::Result<()> {
        for (query, took, hits) in self.app.search.timed.drain(..) {
            self.timings.search(&query, took, hits);
        }
        if self.app.show_timings {
            self.app.timing_line = self.timings.status_line();
        }
        // The frame takes the terminal's size as it is now; the app is told
        // first if it has not been yet (a resize whose event is still on its
        // way), so that what it laid out fits what is drawn.
        let size = self.session.terminal().size()?;
        if (size.width, size.height) != (self.app.size.width, self.app.size.height) {
            self.app.update(Action::Resize {
                width: size.width,
                height: size.height,
            });
        }
        let start = std::time::Instant::now();
        let Runner {
            session,
            app,
            view,
            options,
            ..
        } = self;
        let depth = options.depth;
        session.draw(|f| {
            ui::draw(f, app, view);
            depth.fit_buffer(f.buffer_mut());
        })?;
        if self.frames == 0 {
            let since = crate::timings::since_start();
            self.timings.phase("first frame", since);
        } else {
            self.timings.frame(start.elapsed());
        }
        self.frames += 1;
        Ok(())
    }
}
