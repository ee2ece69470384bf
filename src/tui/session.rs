//! Entering and leaving the terminal: raw mode, the alternate screen, mouse
//! capture and the cursor, undone on every way out.
//!
//! `ratatui::try_init` enters raw mode and the alternate screen; this module
//! adds mouse capture and the keyboard protocol. One sequence ([`undo`])
//! gives all of it back, written by the [`Session`]'s `Drop` (normal quit
//! and errors), by the panic hook before the panic is printed, and by
//! [`emergency_restore`] when a signal's watchdog has to end the process.
//! A flag makes sure the terminal is restored once: a second restore after a
//! panic message would move the cursor back over it.
//!
//! Suspending (Ctrl-Z) restores the terminal, stops the process, and on
//! resume sets the terminal up again and clears it for a full redraw.

use std::io::{self, Write, stdout};
use std::sync::atomic::{AtomicBool, Ordering};

use crossterm::cursor::{Hide, Show};
use crossterm::event::{
    DisableMouseCapture, EnableMouseCapture, KeyboardEnhancementFlags, PopKeyboardEnhancementFlags,
    PushKeyboardEnhancementFlags,
};
use crossterm::execute;
use crossterm::terminal::{
    BeginSynchronizedUpdate, Clear, ClearType, EndSynchronizedUpdate, EnterAlternateScreen,
    LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::{DefaultTerminal, Frame};

/// True while the terminal is in raw mode on the alternate screen.
static ACTIVE: AtomicBool = AtomicBool::new(false);

/// Asked of terminals that speak the kitty keyboard protocol, so that Ctrl-I
/// (history forward) is told from Tab; others ignore the request.
const KEYS: KeyboardEnhancementFlags = KeyboardEnhancementFlags::DISAMBIGUATE_ESCAPE_CODES;

/// The terminal, set up for the viewer until dropped.
pub struct Session {
    terminal: DefaultTerminal,
}

impl Session {
    /// Enters raw mode, the alternate screen and mouse capture.
    pub fn start() -> io::Result<Session> {
        let before_ratatui = std::panic::take_hook();
        let terminal = match ratatui::try_init() {
            Ok(t) => t,
            Err(e) => {
                undo(&mut stdout());
                std::panic::set_hook(before_ratatui);
                return Err(e);
            }
        };
        ACTIVE.store(true, Ordering::SeqCst);
        // ratatui's own hook restores only what ratatui set up: replaced by
        // one that gives back everything, then prints the panic as before.
        drop(std::panic::take_hook());
        // A panic the markdown pass catches leaves the terminal as it is.
        std::panic::set_hook(daynotes_view::markdown::quiet::wrap(Box::new(
            move |info| {
                if ACTIVE.swap(false, Ordering::SeqCst) {
                    undo(&mut stdout());
                }
                before_ratatui(info);
            },
        )));
        let session = Session { terminal };
        execute!(
            stdout(),
            EnableMouseCapture,
            PushKeyboardEnhancementFlags(KEYS)
        )?;
        Ok(session)
    }

    /// The terminal to draw on.
    pub fn terminal(&mut self) -> &mut DefaultTerminal {
        &mut self.terminal
    }

    /// Draws one frame as a synchronized update (mode 2026): a terminal that
    /// knows the mode shows the frame whole, never half old and half new;
    /// others ignore the two sequences.
    pub fn draw(&mut self, render: impl FnOnce(&mut Frame)) -> io::Result<()> {
        execute!(self.terminal.backend_mut(), BeginSynchronizedUpdate)?;
        let drawn = self.terminal.draw(render).map(drop);
        execute!(self.terminal.backend_mut(), EndSynchronizedUpdate)?;
        drawn
    }

    /// Restores the terminal, stops the process as Ctrl-Z would in a shell,
    /// and once continued sets the terminal up again, cleared for a redraw.
    pub fn suspend(&mut self) -> io::Result<()> {
        self.hand_over()?;
        // SIGTSTP has a handler (so that an outside `kill -TSTP` suspends
        // cleanly too); this emulates its default action, raising SIGSTOP.
        signal_hook::low_level::emulate_default_handler(signal_hook::consts::SIGTSTP)?;
        self.resume()
    }

    /// Gives the terminal back as it was found (for the editor, or a stop);
    /// [`Session::resume`] takes it again.
    pub fn hand_over(&mut self) -> io::Result<()> {
        leave();
        Ok(())
    }

    /// Sets the terminal up again after the process was stopped and
    /// continued (by us or by someone else), and clears it so the next draw
    /// paints every cell. Raw mode is left and entered again because a shell
    /// may have reset the terminal's modes while the process was stopped.
    pub fn resume(&mut self) -> io::Result<()> {
        let _ = disable_raw_mode();
        enable_raw_mode()?;
        ACTIVE.store(true, Ordering::SeqCst);
        execute!(
            stdout(),
            EnterAlternateScreen,
            EnableMouseCapture,
            PushKeyboardEnhancementFlags(KEYS),
            Hide,
            Clear(ClearType::All)
        )?;
        // `Terminal::clear` would ask the terminal where its cursor is and
        // fail on one that does not answer; the screen is cleared above, so
        // forgetting the last frame is enough to have every cell drawn again.
        self.terminal.swap_buffers();
        Ok(())
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        leave();
    }
}

/// Gives the terminal back as it was found, unless that was done already.
fn leave() {
    if ACTIVE.swap(false, Ordering::SeqCst) {
        undo(&mut stdout());
    }
}

/// The one way out, the reverse of setting up: the keyboard protocol
/// popped, mouse capture off, the cursor shown, the alternate screen left,
/// raw mode left. Errors are ignored: on the way out there is nothing
/// better to do, and each step is tried whatever the one before did.
fn undo(out: &mut impl Write) {
    let _ = execute!(
        out,
        PopKeyboardEnhancementFlags,
        DisableMouseCapture,
        Show,
        LeaveAlternateScreen
    );
    let _ = disable_raw_mode();
}

/// Restores the terminal from another thread while the event loop may be
/// stuck: writes to a fresh handle on the controlling terminal, so it never
/// waits for the lock on standard output.
pub fn emergency_restore() {
    if ACTIVE.swap(false, Ordering::SeqCst) {
        match std::fs::OpenOptions::new().write(true).open("/dev/tty") {
            Ok(mut tty) => undo(&mut tty),
            Err(_) => {
                let _ = disable_raw_mode();
            }
        }
    }
}
