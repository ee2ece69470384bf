//! The "on this day" box: each recalled day with its topics, the chosen
//! one highlighted; what has no notes near it says so.
//!
//! ```text
//! ┌ On this day — Thu 9.11 ────────────────┐
//! │1 week ago (9.4) → Mon 9.1              │  ← chosen
//! │  1. cookie是什么                        │
//! │  2. HTTP headers理论上不区分大小写…      │
//! │1 month ago (8.11): no notes near it    │
//! └ Enter go · Esc close ──────────────────┘
//! ```

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;

use crate::app::App;
use crate::app::on_this_day::OnThisDay;
use crate::{label, text};

/// The box's lines, and the line of each item's heading.
pub fn lines(app: &App, open: &OnThisDay) -> (Vec<Line<'static>>, Vec<usize>) {
    let ui = &app.theme.ui;
    let axis = &app.dates.axis;
    let mut out = Vec::new();
    let mut heads = Vec::new();
    for r in &open.items {
        heads.push(out.len());
        let Some(d) = r.day else {
            let line = format!("{} ({}): no notes near it", r.label, axis.label(r.asked));
            out.push(Line::styled(line, ui.dim));
            continue;
        };
        let shown = axis.date(d).unwrap_or(r.asked);
        let name = super::calendar::date_name(app, shown);
        let head = if shown == r.asked {
            format!("{} · {name}", r.label)
        } else {
            format!("{} ({}) → {name}", r.label, axis.label(r.asked))
        };
        out.push(Line::styled(head, ui.overlay_title));
        for t in &app.notebook.days[d].topics {
            out.push(Line::styled(format!("  {}", label::topic(t)), ui.overlay));
        }
        if app.notebook.days[d].topics.is_empty() {
            out.push(Line::styled("  (no topics)", ui.dim));
        }
    }
    if out.is_empty() {
        out.push(Line::styled("nothing to recall", ui.dim));
    }
    (out, heads)
}

/// Draws the box.
pub fn draw(frame: &mut Frame, app: &App, open: &OnThisDay) {
    let title = format!(
        " On this day — {} · Enter go · Esc close ",
        super::calendar::date_name(app, open.date)
    );
    let (all, heads) = lines(app, open);
    let area = super::overlay::frame_box(frame, app, &title, all.len());
    if area.height == 0 {
        return;
    }
    let chosen = heads.get(open.selected).copied().unwrap_or(0);
    // Keep the chosen heading in view.
    let top = chosen.saturating_sub(usize::from(area.height).saturating_sub(1));
    for (y, (i, line)) in (area.y..area.bottom()).zip(all.iter().enumerate().skip(top)) {
        let buf = frame.buffer_mut();
        let row = text::truncate(&line.to_string(), usize::from(area.width)).into_owned();
        let style = line.style;
        buf.set_line(area.x, y, &Line::styled(row, style), area.width);
        if i == chosen
            && open
                .items
                .get(open.selected)
                .is_some_and(|r| r.day.is_some())
        {
            buf.set_style(Rect::new(area.x, y, area.width, 1), app.theme.ui.selection);
        }
    }
}
