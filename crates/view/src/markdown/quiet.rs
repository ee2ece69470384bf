//! Panics that are caught and must not print: a failure of the markdown
//! pass over one body is shown as plain text with a warning, and its panic
//! message must not be written over the viewer's screen.
//!
//! The process's panic hook is wrapped once ([`install`], done by the first
//! [`catching`]): the wrapper stays silent while the panicking thread is
//! inside [`catching`] and hands every other panic to the hook that was
//! there before. A hook set later (the terminal session's, which restores
//! the terminal before the message) wraps its own the same way with
//! [`wrap`], so that a caught panic never restores the terminal either.
//!
//! ```text
//! panic ─► hook ─► inside catching() on this thread? ─yes─► nothing
//!                                   │no
//!                                   └──► the hook before (prints, restores)
//! ```

use std::cell::Cell;
use std::panic::{self, AssertUnwindSafe, PanicHookInfo};
use std::sync::Once;

thread_local! {
    /// Set while this thread runs a pass whose panics are caught.
    static QUIET: Cell<bool> = const { Cell::new(false) };
}

/// A panic hook.
pub type Hook = Box<dyn Fn(&PanicHookInfo<'_>) + Sync + Send + 'static>;

/// True while this thread's panics are caught by [`catching`].
pub fn quiet_here() -> bool {
    QUIET.with(Cell::get)
}

/// `hook`, silent for the panics [`catching`] catches.
pub fn wrap(hook: Hook) -> Hook {
    Box::new(move |info| {
        if !quiet_here() {
            hook(info);
        }
    })
}

/// Wraps the process's panic hook with [`wrap`], once per process.
pub fn install() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| panic::set_hook(wrap(panic::take_hook())));
}

/// Runs `f`, returning `None` if it panics, without a word from the panic
/// hook.
pub fn catching<T>(f: impl FnOnce() -> T) -> Option<T> {
    install();
    let was = QUIET.with(|q| q.replace(true));
    let result = panic::catch_unwind(AssertUnwindSafe(f));
    QUIET.with(|q| q.set(was));
    result.ok()
}
