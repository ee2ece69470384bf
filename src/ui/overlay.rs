//! The box shared by the help and the warnings: cleared, bordered and
//! centred over the panes by [`super::layout::overlay`].

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Clear};

use crate::app::App;

/// Clears the box for `lines` lines of text, draws its border and `title`;
/// returns the rect inside the border.
pub fn frame_box(frame: &mut Frame, app: &App, title: &str, lines: usize) -> Rect {
    let area = super::layout::overlay(frame.area(), lines);
    frame.render_widget(Clear, area);
    let title = super::text::truncate(title, usize::from(area.width.saturating_sub(2)));
    let block = Block::bordered()
        .border_style(app.theme.ui.border_focused)
        .style(app.theme.ui.overlay)
        .title(Line::from(title.into_owned()));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    inner
}

/// The first line to show of `len` lines in `area`: the app's scroll,
/// clamped for this frame.
pub fn top(app: &App, len: usize, area: Rect) -> usize {
    app.overlay_scroll
        .min(len.saturating_sub(usize::from(area.height)))
}
