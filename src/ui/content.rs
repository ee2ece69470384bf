//! The content pane: the visible rows of the current document, the selected
//! section's heading highlighted, and the position in the border.
//!
//! ```text
//! ┌ 1. tcp握手 ─────────────── 9-35/52 ┐
//! │**第二次握手（SYN+ACK）**：          │  ← highlighted: the selected section
//! │- 服务器收到SYN包，发送SYN+ACK包     │
//! ```

use std::borrow::Cow;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;

use super::layout::PaneRect;
use super::{label, pane_block, text};
use crate::app::{App, Doc, DocId, Pane};
use crate::notes::lines;
use crate::outline::NodeId;

/// Draws the content in `pane`; returns the first row shown.
pub fn draw(frame: &mut Frame, app: &App, pane: PaneRect, borders: bool) -> usize {
    let area = pane.inner;
    // The app lays documents out for the size it was last told; if this
    // frame is another size (no resize event yet), lay out here, once.
    let built;
    let doc = match app.doc() {
        Some(d) if d.width == crate::app::doc::layout_width(area.width) => Some(d),
        _ => match app.view.doc {
            Some(id) => {
                built = Doc::build(&app.notebook, id, area.width, &app.theme.md);
                Some(&built)
            }
            None => None,
        },
    };
    let len = doc.map_or(0, |d| d.lines.len());
    let scroll = app.view.scroll.min(len.saturating_sub(1));
    if borders {
        let mut block = pane_block(app, app.focus == Pane::Content);
        if let Some(d) = doc {
            let name = title(app, d.id);
            let name = text::truncate(&name, usize::from(pane.outer.width) / 2);
            block = block.title(Line::from(format!(" {name} ")));
            let last = (scroll + usize::from(area.height)).min(len);
            let pos = format!(" {}-{last}/{len} ", scroll + 1);
            block = block.title_top(Line::from(pos).right_aligned());
        }
        frame.render_widget(block, pane.outer);
    }
    let Some(doc) = doc else {
        draw_undated(frame, app, area);
        return 0;
    };
    let highlight = app
        .view
        .highlight
        .and_then(|k| doc.section_rows.get(k))
        .cloned()
        .unwrap_or_default();
    let buf = frame.buffer_mut();
    for (y, (i, line)) in (area.y..area.bottom()).zip(doc.lines.iter().enumerate().skip(scroll)) {
        let line = if highlight.contains(&i) {
            // Each span's own colours would win over a line style: patch them.
            let mut patched = line.clone();
            for span in &mut patched.spans {
                span.style = span.style.patch(app.theme.md.selected_heading);
            }
            buf.set_style(
                Rect::new(area.x, y, area.width, 1),
                app.theme.md.selected_heading,
            );
            Cow::Owned(patched)
        } else {
            Cow::Borrowed(line)
        };
        // Every match of the current search on this row, highlighted.
        let line = match app.search.matcher() {
            Some(m) => {
                let ranges = m.find_all(&line.to_string());
                if ranges.is_empty() {
                    line
                } else {
                    Cow::Owned(crate::markdown::highlight(
                        &line,
                        &ranges,
                        app.theme.md.match_hit,
                    ))
                }
            }
            None => line,
        };
        buf.set_line(area.x, y, &line, area.width);
    }
    scroll
}

/// The document's name for the border.
fn title(app: &App, id: DocId) -> String {
    let node = match id {
        DocId::Day(d) => NodeId::day(d),
        DocId::Topic(d, t) => NodeId::topic(d, t),
    };
    label::node(&app.notebook, node)
}

/// With no day to show: how a day starts, then the beginning of the text as
/// read, so that what was not taken for a date can be seen.
fn draw_undated(frame: &mut Frame, app: &App, area: Rect) {
    let width = usize::from(area.width);
    let msg = "No dated notes here: a day starts with a line such as 8.22:";
    let mut rows: Vec<Line> = text::wrap(msg, width)
        .into_iter()
        .map(|row| Line::styled(row, app.theme.ui.dim))
        .collect();
    rows.push(Line::default());
    let room = usize::from(area.height).saturating_sub(rows.len());
    let read = app.notebook.sources.iter().flat_map(|s| lines(&s.text));
    rows.extend(read.take(room).map(|l| {
        // A row shows at most `width` characters: clean no more of a long
        // line than that (a character is at most 4 bytes).
        let mut end = l.len().min(width.saturating_mul(4));
        while !l.is_char_boundary(end) {
            end -= 1;
        }
        Line::raw(text::truncate(&label::clean(&l[..end]), width).into_owned())
    }));
    let buf = frame.buffer_mut();
    for (y, row) in (area.y..area.bottom()).zip(&rows) {
        buf.set_line(area.x, y, row, area.width);
    }
}
