//! Rendering: borrows the [`App`] and draws it. One file per pane or overlay.
//!
//! STUB: in progress.

use ratatui::Frame;
use ratatui::widgets::Paragraph;

use crate::app::App;

/// What drawing may record for the next event: scroll offsets and the
/// viewport sizes of the panes.
#[derive(Debug, Default, Clone)]
pub struct ViewState {
    /// Size of the whole frame at the last draw.
    pub area: ratatui::layout::Rect,
}

/// Draws one frame.
pub fn draw(frame: &mut Frame, app: &App, view: &mut ViewState) {
    view.area = frame.area();
    let days = app.notebook.days.len();
    frame.render_widget(
        Paragraph::new(format!("daynotes: {days} days")),
        frame.area(),
    );
}
