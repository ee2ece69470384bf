//! Signals that end, pause or resume a session.
//!
//! A signal handler may do almost nothing safely, so the handlers here only
//! set atomics. A thread of ours is told of each signal too, and wakes the
//! event loop ([`Waker`]), which reads the flags, restores the terminal and
//! ends (or suspends, or redraws).
//!
//! For the end signals (TERM, HUP, INT, QUIT) that thread also gives the
//! loop [`GRACE`] to finish and otherwise restores what it can and ends the
//! process itself: after a hang-up the terminal's input reports end-of-file
//! forever and crossterm's reader may keep reading it, so the loop might
//! never get to look at the flag.
//!
//! signal-hook cannot give a signal its default action back, so when the
//! session ends the handlers are switched to emulate the default instead:
//! after `run` returns, SIGTERM ends the process and SIGTSTP stops it again.

use std::io;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc;
use std::thread;
use std::time::Duration;

use signal_hook::SigId;
use signal_hook::consts::{SIGCONT, SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGTSTP};
use signal_hook::iterator::Signals as SignalIter;
use signal_hook::iterator::backend::Handle;

use daynotes_core::wake::Waker;

/// How long the event loop has to end after an end signal before the
/// watchdog ends the process.
pub const GRACE: Duration = Duration::from_secs(2);

/// Signals that end the session; the process exits with 128 + the signal.
const END: [i32; 4] = [SIGTERM, SIGHUP, SIGINT, SIGQUIT];

/// What a signal asks of the runner.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Notice {
    /// Restore the terminal and exit with status 128 + the signal.
    End(i32),
    /// Someone sent SIGTSTP: suspend as Ctrl-Z does.
    Stop,
    /// The process was continued after a stop the runner did not make:
    /// the terminal may have been reset, so set it up again and redraw.
    Continue,
}

/// The registered handlers; dropping this unregisters them.
pub struct Signals {
    end: Arc<AtomicUsize>,
    stop: Arc<AtomicBool>,
    cont: Arc<AtomicBool>,
    /// Set when the session is over: the signals act as by default again.
    over: Arc<AtomicBool>,
    /// Set while another program (the editor) has the terminal.
    editing: Arc<AtomicBool>,
    ids: Vec<SigId>,
    watchdog: Handle,
    /// Dropped with `self`: tells a waiting watchdog that the loop ended.
    _alive: mpsc::Sender<()>,
}

impl Signals {
    /// Installs the handlers and starts the thread that wakes the loop
    /// (through `waker`) and watches over its end.
    pub fn register(waker: Waker) -> io::Result<Signals> {
        let end = Arc::new(AtomicUsize::new(0));
        let stop = Arc::new(AtomicBool::new(false));
        let cont = Arc::new(AtomicBool::new(false));
        let over = Arc::new(AtomicBool::new(false));
        let editing = Arc::new(AtomicBool::new(false));
        for sig in END.into_iter().chain([SIGTSTP]) {
            signal_hook::flag::register_conditional_default(sig, Arc::clone(&over))?;
        }
        // An editor suspended with Ctrl-Z stops its whole process group:
        // daynotes stops with it, and continues with it.
        signal_hook::flag::register_conditional_default(SIGTSTP, Arc::clone(&editing))?;
        let ids = vec![
            signal_hook::flag::register(SIGTSTP, Arc::clone(&stop))?,
            signal_hook::flag::register(SIGCONT, Arc::clone(&cont))?,
        ];
        let mut iter = SignalIter::new(END.into_iter().chain([SIGTSTP, SIGCONT]))?;
        let watchdog = iter.handle();
        let (alive, ended) = mpsc::channel::<()>();
        let flag = Arc::clone(&end);
        let in_editor = Arc::clone(&editing);
        thread::Builder::new()
            .name("daynotes-signals".into())
            .spawn(move || {
                for sig in iter.forever() {
                    // A stop or a continue: its flag is set, the loop looks.
                    if matches!(sig, SIGTSTP | SIGCONT) {
                        waker.wake();
                        continue;
                    }
                    // Interrupt and quit keys belong to the editor while it
                    // runs, as they do to any program `system()` starts.
                    if in_editor.load(Ordering::SeqCst) && matches!(sig, SIGINT | SIGQUIT) {
                        continue;
                    }
                    // usize: signal numbers are small and positive.
                    flag.store(sig as usize, Ordering::SeqCst);
                    waker.wake();
                    if let Err(mpsc::RecvTimeoutError::Timeout) = ended.recv_timeout(GRACE) {
                        super::session::emergency_restore();
                        signal_hook::low_level::exit(128 + sig);
                    }
                    break;
                }
            })?;
        Ok(Signals {
            end,
            stop,
            cont,
            over,
            editing,
            ids,
            watchdog,
            _alive: alive,
        })
    }

    /// The most urgent signal that arrived since the last call, if any.
    pub fn take(&self) -> Option<Notice> {
        match self.end.load(Ordering::SeqCst) {
            0 => {}
            sig => return Some(Notice::End(sig as i32)),
        }
        if self.stop.swap(false, Ordering::SeqCst) {
            return Some(Notice::Stop);
        }
        if self.cont.swap(false, Ordering::SeqCst) {
            return Some(Notice::Continue);
        }
        None
    }

    /// Marks the time another program has the terminal: Ctrl-Z there stops
    /// daynotes too, by default, and interrupt and quit are its own. When it
    /// ends, the stop and continue it caused are forgotten.
    pub fn editing(&self, on: bool) {
        self.editing.store(on, Ordering::SeqCst);
        if !on {
            self.stop.store(false, Ordering::SeqCst);
            self.cont.store(false, Ordering::SeqCst);
        }
    }

    /// Forgets a SIGCONT: the runner calls this after resuming from its own
    /// suspend, which it has already handled.
    pub fn forget_continue(&self) {
        self.cont.store(false, Ordering::SeqCst);
    }
}

impl Drop for Signals {
    fn drop(&mut self) {
        for id in self.ids.drain(..) {
            signal_hook::low_level::unregister(id);
        }
        self.watchdog.close();
        self.over.store(true, Ordering::SeqCst);
    }
}
