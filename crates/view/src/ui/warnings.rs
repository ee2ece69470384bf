//! The warnings overlay: what the parser found odd, one line each with its
//! line number (and file, when several were read), only the visible ones
//! drawn.
//!
//! ```text
//! ┌ 3 warnings — Esc closes ──────────────┐
//! │   12  line indented with tabs and …   │
//! ```

use ratatui::Frame;
use ratatui::text::{Line, Span};

use crate::app::{Action, App};
use crate::label;
use daynotes_core::notes::Warning;

/// Draws the warnings over the panes.
pub fn draw(frame: &mut Frame, app: &App, scroll: usize) {
    let nb = &app.notebook;
    let n = nb.warnings.len();
    let s = if n == 1 { "" } else { "s" };
    let title = format!(
        " {n} warning{s} — {} closes ",
        app.keymap.key_label(Action::Close)
    );
    let lines = app.warning_lines();
    let area = super::overlay::frame_box(frame, app, &title, lines);
    if n == 0 {
        let line = Line::styled("No warnings: every line was understood.", app.theme.ui.dim);
        frame
            .buffer_mut()
            .set_line(area.x, area.y, &line, area.width);
        return;
    }
    let top = super::overlay::top(scroll, n, area);
    let many_files = nb.sources.len() > 1;
    let width = usize::from(area.width);
    for (y, w) in (area.y..area.bottom()).zip(&nb.warnings[top..]) {
        let line = warning_line(app, w, many_files, width);
        frame.buffer_mut().set_line(area.x, y, &line, area.width);
    }
}

fn warning_line(app: &App, w: &Warning, many_files: bool, width: usize) -> Line<'static> {
    let mut place = String::new();
    if many_files && let Some(src) = app.notebook.sources.get(w.source) {
        place.push_str(&label::clean(&src.path));
        place.push(':');
    }
    place.push_str(&format!("{:>5}", w.line));
    let room = width.saturating_sub(crate::text::width(&place) + 2);
    let message = crate::text::truncate(&label::clean(&w.message), room).into_owned();
    Line::from(vec![
        Span::styled(place, app.theme.ui.dim),
        Span::raw("  "),
        Span::styled(message, app.theme.ui.overlay),
    ])
}
