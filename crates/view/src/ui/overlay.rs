//! The box shared by the help and the warnings: cleared, bordered and
//! centred over the panes by [`crate::layout::overlay`]; and [`clear`],
//! which every box drawn over the panes starts with.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Clear};

use crate::app::App;

/// Clears the box for `lines` lines of text, draws its border and `title`;
/// returns the rect inside the border.
pub fn frame_box(frame: &mut Frame, app: &App, title: &str, lines: usize) -> Rect {
    let area = crate::layout::overlay(frame.area(), lines);
    clear(frame, area);
    let title = crate::text::truncate(title, usize::from(area.width.saturating_sub(2)));
    let block = Block::bordered()
        .border_style(app.theme.ui.border_focused)
        .style(app.theme.ui.overlay)
        .title(Line::from(title.into_owned()));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    inner
}

/// Clears `area` for a box drawn over the panes, and the wide characters
/// of the panes that the box's left edge cuts: the first cell of such a
/// character lies just left of the box, and a terminal given the character
/// would draw it over the box's first column, its border (ratatui's
/// [`Clear`] leaves it, and the frame's diff then skips the border cell).
/// A cut character's cell becomes a space.
///
/// ```text
/// │ 1. tcp握│…   before: 握 spans the border column
/// │ 1. tcp  │…   after
/// ```
pub fn clear(frame: &mut Frame, area: Rect) {
    frame.render_widget(Clear, area);
    let Some(x) = area.x.checked_sub(1) else {
        return;
    };
    let buf = frame.buffer_mut();
    for y in area.y..area.bottom() {
        if let Some(cell) = buf.cell_mut((x, y))
            && crate::text::width(cell.symbol()) > 1
        {
            cell.set_symbol(" ");
        }
    }
}

/// The first line to show of `len` lines in `area`: the overlay's
/// `scroll`, clamped for this frame.
pub fn top(scroll: usize, len: usize, area: Rect) -> usize {
    scroll.min(len.saturating_sub(usize::from(area.height)))
}
