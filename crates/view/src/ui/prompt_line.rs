//! One prompt on the status line, shared by search (`/`, `&`) and the
//! go-to-date prompt (`:`): the lead and what is typed on the left, its end
//! kept in view, a cursor after it, and notes on the right.
//!
//! ```text
//! /SSE▏                                              [regex] 3 hits
//! ```

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

use crate::theme::UiStyles;
use crate::{label, text};

/// Draws `lead` and `typed` (controls made visible) on the left of `area`,
/// with the terminal's cursor after them, and `right` at the right end.
pub fn draw(
    frame: &mut Frame,
    area: Rect,
    ui: &UiStyles,
    lead: &str,
    typed: &str,
    right: &[(String, Style)],
) {
    let width = usize::from(area.width);
    let right_width = right.iter().map(|(s, _)| text::width(s)).sum::<usize>() + 1;
    // The cursor's cell and a space before the notes.
    let room = width.saturating_sub(right_width + 2);
    let typed = label::clean(typed);
    // Keep the end of a long entry (where the typing is) in view.
    let shown = text::tail(&typed, room.saturating_sub(text::width(lead)));
    let left = format!("{lead}{shown}");
    let gap = width.saturating_sub(text::width(&left) + 1 + right_width);
    let mut spans = vec![
        Span::styled(left.clone(), ui.status),
        Span::styled("▏", ui.status),
        Span::raw(" ".repeat(gap)),
    ];
    spans.extend(
        right
            .iter()
            .map(|(s, style)| Span::styled(s.clone(), *style)),
    );
    spans.push(Span::raw(" "));
    let buf = frame.buffer_mut();
    buf.set_style(area, ui.status);
    buf.set_line(
        area.x,
        area.y,
        &Line::from(spans).style(ui.status),
        area.width,
    );
    let x = area.x + u16::try_from(text::width(&left)).unwrap_or(area.width);
    frame.set_cursor_position((x.min(area.right().saturating_sub(1)), area.y));
}
