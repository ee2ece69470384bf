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
//! Every character from the file passes through [`daynotes_core::sanitize`] on its
//! way into a row. If the markdown pass panics, the body is shown as plain
//! text with a warning instead of taking the viewer down.

mod blocks;
mod code;
mod heading;
mod highlight;
mod html;
mod inline;
mod layout;
mod notebook;
mod paint;
pub mod quiet;
mod styled;
mod syntax;
mod table;
pub mod wrap;

use std::sync::LazyLock;

use ratatui::text::Line;

pub use heading::heading;
pub use highlight::highlight;
pub use paint::{Painter, Wait};
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
    let lines: Vec<&str> = daynotes_core::notes::lines(text).collect();
    plain_if_it_panics(&lines, width, styles, |lines| {
        layout::layout(lines, width, styles, painter)
    })
}

/// The rows `lay_out` makes of `lines`; if it panics, `lines` as plain
/// text with a warning instead.
fn plain_if_it_panics(
    lines: &[&str],
    width: usize,
    styles: &MdStyles,
    lay_out: impl FnOnce(&[&str]) -> (Vec<Line<'static>>, Vec<usize>),
) -> Rendered {
    if let Some((lines, source_rows)) = quiet::catching(|| lay_out(lines)) {
        return Rendered {
            lines,
            source_rows,
            warning: None,
        };
    }
    let (lines, source_rows) = layout::plain(lines, width, styles);
    Rendered {
        lines,
        source_rows,
        warning: Some("markdown could not be rendered here; shown as plain text".into()),
    }
}

#[cfg(test)]
mod tests;
