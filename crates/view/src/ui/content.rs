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

use super::pane_block;
use crate::app::{App, Doc, DocId, Pane};
use crate::layout::PaneRect;
use crate::{label, text};
use daynotes_core::outline::NodeId;

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
                built = Doc::build(
                    &app.notebook,
                    id,
                    area.width,
                    &app.theme.md,
                    app.painter(),
                    app.dates.weekdays,
                    app.doc_extras(),
                );
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
        DocId::Text => {
            let names = app
                .notebook
                .sources
                .iter()
                .map(|s| crate::label::file_name(&s.path));
            return label::clean(&names.collect::<Vec<_>>().join(", "));
        }
    };
    label::node(&app.notebook, node, app.dates.weekdays)
}
