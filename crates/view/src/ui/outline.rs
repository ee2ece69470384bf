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
use crate::{label, text};
use daynotes_core::outline::{Fold, Row, keep_in_view};

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

/// One outline row, at most `width` cells. A day is named as everywhere
/// (`2024-01-02 Tue Kickoff`, the weekday dimmed) and followed by its
/// count of topics, which stays when the name is cut.
fn row_line(app: &App, row: &Row, width: usize) -> Line<'static> {
    let ui = &app.theme.ui;
    let nb = &app.notebook;
    let marker = match row.fold {
        Fold::Leaf => "  ",
        Fold::Open => "▾ ",
        Fold::Closed => "▸ ",
    };
    let prefix = format!("{}{marker}", "  ".repeat(usize::from(row.depth)));
    let room = width.saturating_sub(text::width(&prefix));
    // Its tags, dimmed, after its name when there is room for both.
    let tags = tags_of(app, row);
    let tags = if text::width(&tags) + name_width(app, row) <= room {
        tags
    } else {
        String::new()
    };
    let room = room - text::width(&tags);
    let mut spans = vec![Span::styled(
        text::truncate(&prefix, width).into_owned(),
        ui.outline_day,
    )];
    match row.id.topic_index() {
        None => {
            let day = &nb.days[row.id.day_index()];
            let count = match day.topics.len() {
                0 => String::new(),
                n => format!(" ({n})"),
            };
            // The count stays whole when there is room for a little name.
            let count = if text::width(&count) + 6 <= room {
                count
            } else {
                String::new()
            };
            let mut name_room = room - text::width(&count);
            let date = day.date.to_string();
            let parts = [
                (Some(date), ui.outline_day),
                (label::day_weekday(day, app.dates.weekdays), ui.dim),
                (label::day_title(day), ui.outline_day),
            ];
            for (i, (part, style)) in parts.into_iter().enumerate() {
                let Some(part) = part else { continue };
                let part = if i == 0 { part } else { format!(" {part}") };
                let shown = text::truncate(&part, name_room).into_owned();
                name_room -= text::width(&shown);
                spans.push(Span::styled(shown, style));
            }
            spans.push(Span::styled(count, ui.dim));
        }
        Some(_) => {
            let style = if row.id.section_index().is_none() {
                ui.outline_topic
            } else {
                ui.outline_section
            };
            spans[0].style = style;
            let name = label::node(nb, row.id, app.dates.weekdays);
            spans.push(Span::styled(
                text::truncate(&name, room).into_owned(),
                style,
            ));
        }
    }
    spans.push(Span::styled(tags, ui.dim));
    Line::from(spans)
}

/// The width of a row's name shown whole (a day's with its count).
fn name_width(app: &App, row: &Row) -> usize {
    let nb = &app.notebook;
    match row.id.topic_index() {
        Some(_) => text::width(&label::node(nb, row.id, app.dates.weekdays)),
        None => {
            let day = &nb.days[row.id.day_index()];
            let name = label::day(day, app.dates.weekdays);
            text::width(&name) + format!(" ({})", day.topics.len()).len()
        }
    }
}

/// ` #net #tcp`: the tags a day or topic row carries itself, those its
/// title does not show already.
fn tags_of(app: &App, row: &Row) -> String {
    let mut out = String::new();
    let Some(marks) = &app.marks else {
        return out;
    };
    if row.id.section_index().is_some() {
        return out;
    }
    let title = match row.id.topic_index() {
        Some(_) => label::node(&app.notebook, row.id, app.dates.weekdays),
        None => label::day_title(&app.notebook.days[row.id.day_index()]).unwrap_or_default(),
    }
    .to_lowercase();
    for tag in marks.tags.own(row.id) {
        let tag = format!("#{}", label::clean(tag));
        if !title.contains(&tag.to_lowercase()) {
            out.push(' ');
            out.push_str(&tag);
        }
    }
    out
}
