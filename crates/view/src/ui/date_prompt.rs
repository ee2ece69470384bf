//! The go-to-date prompt on the status line: what is typed on the left,
//! where Enter would go (or why it cannot) on the right.
//!
//! ```text
//! :8.25▏                       no notes on 8.25 — showing 8.24, 1 day earlier
//! ```

use ratatui::Frame;
use ratatui::layout::Rect;

use crate::app::App;
use crate::app::dates::DatePrompt;
use crate::text;

/// Draws the prompt in `area` (the status line).
pub fn draw(frame: &mut Frame, app: &App, p: &DatePrompt, area: Rect) {
    let ui = &app.theme.ui;
    let width = usize::from(area.width);
    let (said, style) = match &p.preview {
        Some(Ok(s)) => (s.as_str(), ui.status),
        Some(Err(e)) => (e.as_str(), ui.status_error),
        None => ("8.23 · 0823 · 23 · today · -3 · +1", ui.status),
    };
    let said = text::truncate(said, width.saturating_sub(8) * 2 / 3).into_owned();
    super::prompt_line::draw(frame, area, ui, ":", &p.text, &[(said, style)]);
}
