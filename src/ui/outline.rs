//! The outline pane: only the visible rows are drawn, each cut to the pane
//! width by display cells.
//!
//! ```text
//! ▾ 8.22 (3)          day: fold marker, date, dimmed weekday and count
//!   ▸ 1. tcp握手      topic
//!       第一次握手…   section, indented by its depth
//! ```

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::pane_block;
use crate::app::{App, Pane};
use crate::layout::PaneRect;
use crate::outline::{Fold, Row, keep_in_view};
use crate::{label, text};

/// Draws the outline in `pane`; returns the first row shown.
pub fn draw(frame: &mut Frame, app: &App, pane: PaneRect, borders: bool) -> usize {
    if borders {
        let title = Line::from(" Outline ");
        let block = pane_block(app, app.focus == Pane::Outline).title(title);
        frame.render_widget(block, pane.outer);
    }
    let area = pane.inner;
    let rows = app.outline.rows();
    let height = usize::from(area.height);
    let selected = app.outline.selected_index();
    // The app keeps the selection in view for its last known size; this
    // repeats it for the frame's size in case the two differ.
    let top = keep_in_view(app.outline_top, height, selected, rows.len());
    if rows.is_empty() {
        let msg = text::truncate("(no days)", usize::from(area.width)).into_owned();
        let line = Line::styled(msg, app.theme.ui.dim);
        frame
            .buffer_mut()
            .set_line(area.x, area.y, &line, area.width);
        return 0;
    }
    for (y, (i, row)) in (area.y..area.bottom()).zip(rows.iter().enumerate().skip(top)) {
        let line = row_line(app, row, usize::from(area.width));
        let buf = frame.buffer_mut();
        buf.set_line(area.x, y, &line, area.width);
        if i == selected {
            buf.set_style(Rect::new(area.x, y, area.width, 1), app.theme.ui.selection);
        }
    }
    top
}

/// One outline row, at most `width` cells.
fn row_line(app: &App, row: &Row, width: usize) -> Line<'static> {
    let ui = &app.theme.ui;
    let nb = &app.notebook;
    let marker = match row.fold {
        Fold::Leaf => "  ",
        Fold::Open => "▾ ",
        Fold::Closed => "▸ ",
    };
    let prefix = format!("{}{marker}", "  ".repeat(usize::from(row.depth)));
    let (name, style, suffix) = match row.id.topic_index() {
        None => {
            let day = &nb.days[row.id.day_index()];
            let mut suffix = String::new();
            if let Some(w) = label::day_weekday(day) {
                suffix.push(' ');
                suffix.push_str(w);
            }
            if !day.topics.is_empty() {
                suffix.push_str(&format!(" ({})", day.topics.len()));
            }
            (label::day(day), ui.outline_day, suffix)
        }
        Some(_) if row.id.section_index().is_none() => {
            (label::node(nb, row.id), ui.outline_topic, String::new())
        }
        Some(_) => (label::node(nb, row.id), ui.outline_section, String::new()),
    };
    // Its tags, dimmed, when its title does not show them already.
    let mut suffix = suffix;
    if let Some(marks) = &app.marks
        && row.id.section_index().is_none()
    {
        let lower = name.to_lowercase();
        for tag in marks.tags.own(row.id) {
            let tag = format!("#{}", label::clean(tag));
            if !lower.contains(&tag.to_lowercase()) {
                suffix.push(' ');
                suffix.push_str(&tag);
            }
        }
    }
    let room = width.saturating_sub(text::width(&prefix));
    let prefix = text::truncate(&prefix, width).into_owned();
    let mut spans = vec![Span::styled(prefix, style)];
    if text::width(&name) + text::width(&suffix) <= room {
        spans.push(Span::styled(name, style));
        spans.push(Span::styled(suffix, ui.dim));
    } else {
        spans.push(Span::styled(
            text::truncate(&name, room).into_owned(),
            style,
        ));
    }
    Line::from(spans)
}
