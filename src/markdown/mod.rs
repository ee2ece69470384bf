//! A topic body (plain text with markdown inside) → styled, wrapped lines.
//!
//! STUB: the API below is the contract; the implementation is in progress.

use ratatui::text::Line;

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
}

/// Renders `text` (an already dedented body) for a pane `width` cells wide.
pub fn render(text: &str, width: u16, styles: &MdStyles) -> Rendered {
    let _ = (width, styles);
    let lines: Vec<Line<'static>> = crate::notes::lines(text)
        .map(|l| Line::raw(crate::sanitize::visible(l).into_owned()))
        .collect();
    let source_rows = (0..lines.len()).collect();
    Rendered { lines, source_rows }
}
