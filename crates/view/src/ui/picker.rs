//! The title picker: a box over the panes with what is typed on top and the
//! topics and sections ranked below, the matched characters highlighted.
//!
//! ```text
//! ┌ Go to — 4/27 ───────────────────────────┐
//! │> sse▏                                   │
//! │─────────────────────────────────────────│
//! │8.23 › 服务器发送事件SSE                  │  ← chosen
//! │8.23 › 服务器发送事件SSE › 特点            │
//! └─────────────────────────────────────────┘
//! ```

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Block;

use crate::app::App;
use crate::app::picker::Picker;
use crate::{label, text};

/// Draws the picker when it is open.
pub fn draw(frame: &mut Frame, app: &App, p: &Picker) {
    let ui = &app.theme.ui;
    let outer = crate::layout::picker(frame.area());
    super::overlay::clear(frame, outer);
    let busy = if p.ranking() { " ranking…" } else { "" };
    let title = format!(" Go to — {}/{}{busy} ", p.ranked.len(), p.entries.len());
    let block = Block::bordered()
        .border_style(ui.border_focused)
        .style(ui.overlay)
        .title(Line::from(title));
    let inner = block.inner(outer);
    frame.render_widget(block, outer);
    if inner.height == 0 {
        return;
    }
    let width = usize::from(inner.width);
    let typed = label::clean(&p.text);
    let input = Line::from(vec![
        Span::styled("> ", ui.key),
        Span::raw(text::truncate(&typed, width.saturating_sub(3)).into_owned()),
    ]);
    let buf = frame.buffer_mut();
    buf.set_line(inner.x, inner.y, &input, inner.width);
    let cursor_x = inner.x + u16::try_from(input.width()).unwrap_or(0);
    frame.set_cursor_position((cursor_x.min(inner.right().saturating_sub(1)), inner.y));
    if inner.height < 3 {
        return;
    }
    let rule = Line::styled("─".repeat(width), ui.border);
    frame
        .buffer_mut()
        .set_line(inner.x, inner.y + 1, &rule, inner.width);
    let list = Rect {
        y: inner.y + 2,
        height: inner.height - 2,
        ..inner
    };
    if p.ranked.is_empty() {
        let line = Line::styled("no title matches", ui.dim);
        frame
            .buffer_mut()
            .set_line(list.x, list.y, &line, list.width);
        return;
    }
    let top = daynotes_core::outline::keep_in_view(
        p.top,
        usize::from(list.height),
        p.selected,
        p.ranked.len(),
    );
    // The ranker is only borrowed here: highlighting positions are found
    // with a ranker of its own (drawing changes nothing in the app).
    let mut ranker = daynotes_core::search::fuzzy::Ranker::default();
    for (y, (i, &e)) in (list.y..list.bottom()).zip(p.ranked.iter().enumerate().skip(top)) {
        let entry = &p.entries[e];
        let marked = ranker.positions(&entry.label, &p.text);
        let mut spans = Vec::new();
        let mut used = 0;
        for (n, c) in entry.label.chars().enumerate() {
            let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
            if used + w > width {
                break;
            }
            used += w;
            let style = if marked.binary_search(&n).is_ok() {
                app.theme.md.match_hit
            } else {
                ui.overlay
            };
            spans.push(Span::styled(c.to_string(), style));
        }
        let buf = frame.buffer_mut();
        buf.set_line(list.x, y, &Line::from(spans), list.width);
        if i == p.selected {
            buf.set_style(Rect::new(list.x, y, list.width, 1), ui.selection);
        }
    }
}
