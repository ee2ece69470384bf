//! A topic body (plain text with markdown inside) → styled, wrapped lines.
//!
//! The notes are hand-typed: every line is meant as a line, and indentation
//! is indentation. So block structure is decided here line by line
//! ([`blocks`]), and pulldown-cmark is used only for the inline markup of one
//! line's content ([`inline`]). The stages:
//!
//! ```text
//! text ─ lines ─ blocks ─┬─ line  ─ inline ─ wrap ─┐
//!                        ├─ fence ─ code ─ syntax ─┼─ rows + source_rows
//!                        └─ table ─ table ─ wrap ──┘
//! ```
//!
//! Code colours come from a [`Painter`], which runs the grammars on a thread
//! so that layout waits for them only as long as its [`Wait`] says.
//!
//! Every character from the file passes through [`crate::sanitize`] on its
//! way into a row. If the markdown pass panics, the body is shown as plain
//! text with a warning instead of taking the viewer down.

mod blocks;
mod code;
mod heading;
mod highlight;
mod inline;
mod layout;
mod paint;
mod styled;
mod syntax;
mod table;
mod wrap;

use std::cell::Cell;
use std::panic::{self, AssertUnwindSafe};
use std::sync::{Arc, LazyLock, Mutex, PoisonError};

use ratatui::text::Line;

pub use heading::heading;
pub use highlight::highlight;
pub use paint::{Painter, Wait};
pub use styled::{set_shown_tab_width, shown_tab_width};
pub use wrap::wrap_text;

use crate::theme::MdStyles;

/// A body laid out for one width.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Rendered {
    /// Display rows, each at most `width` cells wide, every character
    /// sanitised.
    pub lines: Vec<Line<'static>>,
    /// For each line of the input text (0-based), the index in `lines` of the
    /// first row it produced.
    pub source_rows: Vec<usize>,
    /// Set when the markdown pass failed on this body and it is shown as
    /// plain text.
    pub warning: Option<String>,
}

/// The painter of [`render`]: every fence coloured whole.
static PATIENT: LazyLock<Painter> = LazyLock::new(|| Painter::new(Wait::Done));

/// Renders `text` (an already dedented body) for a pane `width` cells wide,
/// its code coloured whole however long that takes (tests, benchmarks,
/// examples; the viewer and `show` use [`render_with`] and a budget).
/// A width of 0 is treated as 1.
#[must_use]
pub fn render(text: &str, width: u16, styles: &MdStyles) -> Rendered {
    render_with(text, width, styles, &PATIENT)
}

/// [`render`], with code colours from `painter`.
#[must_use]
pub fn render_with(text: &str, width: u16, styles: &MdStyles, painter: &Painter) -> Rendered {
    let width = usize::from(width.max(1));
    let lines: Vec<&str> = crate::notes::lines(text).collect();
    if let Some((lines, source_rows)) = quietly(|| layout::layout(&lines, width, styles, painter)) {
        return Rendered {
            lines,
            source_rows,
            warning: None,
        };
    }
    let (lines, source_rows) = layout::plain(&lines, width, styles);
    Rendered {
        lines,
        source_rows,
        warning: Some("markdown could not be rendered here; shown as plain text".into()),
    }
}

/// Swapping the panic hook is process-wide: one swap at a time.
static HOOK: Mutex<()> = Mutex::new(());

thread_local! {
    /// Set while this thread runs a pass whose panics are caught.
    static QUIET: Cell<bool> = const { Cell::new(false) };
}

type Hook = Box<dyn Fn(&panic::PanicHookInfo<'_>) + Sync + Send + 'static>;

/// Runs `f`, returning `None` if it panics. A caught panic must not print
/// over the TUI, so for the duration the panic hook stays silent for this
/// thread; other threads' panics still reach the previous hook, which is put
/// back unchanged afterwards.
fn quietly<T>(f: impl FnOnce() -> T) -> Option<T> {
    let _one_at_a_time = HOOK.lock().unwrap_or_else(PoisonError::into_inner);
    let previous: Arc<Mutex<Option<Hook>>> = Arc::new(Mutex::new(Some(panic::take_hook())));
    let shared = Arc::clone(&previous);
    panic::set_hook(Box::new(move |info| {
        if QUIET.with(Cell::get) {
            return;
        }
        if let Some(hook) = shared
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .as_ref()
        {
            hook(info);
        }
    }));
    QUIET.with(|q| q.set(true));
    let result = panic::catch_unwind(AssertUnwindSafe(f));
    QUIET.with(|q| q.set(false));
    // Dropping our hook leaves `previous` as the only owner of the old one.
    drop(panic::take_hook());
    let old = previous
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .take();
    if let Some(old) = old {
        panic::set_hook(old);
    }
    result.ok()
}

#[cfg(test)]
mod tests;
