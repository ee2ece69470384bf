//! The status bar: on the left the message of the moment, or the pending
//! key's choices, or the breadcrumb; on the right the pane (when only one is
//! shown), where help is, the position, the file and how to quit, dropped
//! from the last when the line is short: `? help` stays at every width.
//!
//! ```text
//! 8.23 › 2. 服务器发送事件SSE › 特点        day 2/6  study-notes.txt  ? help  q quit
//! ```

use crate::app::Tone;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

use crate::app::{Action, App};
use crate::keymap::{Key, Keys, label as key_name};
use crate::{label, text};

/// Draws the status bar in `area`.
pub fn draw(frame: &mut Frame, app: &App, area: Rect, wide: bool) {
    let ui = &app.theme.ui;
    let width = usize::from(area.width);
    let (left, left_style) = left_text(app);
    // Right-hand parts, most important first, each with its place on screen:
    // the pane and where help is stay longest.
    let mut parts: Vec<(u8, String)> = Vec::new();
    if !wide {
        parts.push((0, format!("[{}]", app.focus.name())));
    }
    let help = (3, format!("{} help", app.keymap.key_label(Action::Help)));
    // `? help` stays at every width of 30 or more, unless a message, which
    // says more, needs its room.
    let help_stays = width >= 30 && app.message.is_none();
    if help_stays {
        parts.push(help.clone());
    }
    parts.push((1, position(app)));
    if app.show_timings {
        let line = if app.timing_line.is_empty() {
            "no timings yet".to_string()
        } else {
            app.timing_line.clone()
        };
        parts.push((1, line));
    }
    if let Some(hits) = app.hit_position() {
        parts.push((1, hits));
    }
    if let Some(tags) = app.tag_filter_label() {
        parts.push((0, tags));
    }
    let quit = format!("{} quit", app.keymap.key_label(Action::Quit));
    if help_stays {
        parts.push((4, quit));
    } else {
        parts.push((3, format!("{}  {quit}", help.1)));
    }
    // With several files, the selected day's own file; else where the
    // notes came from.
    let day_file = app
        .selected()
        .filter(|_| app.notebook.sources.len() > 1)
        .and_then(|id| app.notebook.days.get(id.day_index()))
        .and_then(|d| app.notebook.sources.get(d.source))
        .map(|s| crate::label::file_name(&s.path).to_string());
    match day_file {
        Some(file) => parts.push((2, label::clean(&file))),
        None if !app.origin.is_empty() => parts.push((2, label::clean(&app.origin))),
        None => {}
    }
    // The left side keeps up to half the line (a third when very short;
    // three quarters for a message, which matters more than the hints);
    // the pane name, on narrow screens, is never dropped.
    let share = match (width >= 40, app.message.is_some()) {
        (true, true) => width * 3 / 4,
        (true, false) => width / 2,
        (false, _) => width / 3,
    };
    let keep_left = text::width(&left).min(share);
    let keep_parts = usize::from(!wide) + usize::from(help_stays);
    while parts.len() > keep_parts && text::width(&right_text(&parts)) + keep_left + 2 > width {
        parts.pop();
    }
    let right = right_text(&parts);
    let room = width.saturating_sub(text::width(&right) + usize::from(!right.is_empty()));
    let left = match (app.pending, &app.message, app.selected()) {
        (None, None, Some(id)) => {
            let crumbs = crumbs(app, id);
            format!(" {}", fit_crumbs(&crumbs, room.saturating_sub(1)))
        }
        _ => text::truncate(&left, room).into_owned(),
    };
    let gap = width.saturating_sub(text::width(&left) + text::width(&right));
    let line = Line::from(vec![
        Span::styled(left, left_style),
        Span::raw(" ".repeat(gap)),
        Span::raw(right),
    ]);
    let buf = frame.buffer_mut();
    buf.set_style(area, ui.status);
    buf.set_line(area.x, area.y, &line.style(ui.status), area.width);
}

/// The parts in screen order, two spaces apart, with a space at the end.
fn right_text(parts: &[(u8, String)]) -> String {
    if parts.is_empty() {
        return String::new();
    }
    let mut parts: Vec<_> = parts.iter().collect();
    parts.sort_by_key(|(place, _)| *place);
    let texts: Vec<&str> = parts.iter().map(|(_, t)| t.as_str()).collect();
    format!("{} ", texts.join("  "))
}

/// What the status bar says over notes without days.
const UNDATED_HINT: &str = "no day headings: a day starts with a line like 8.22: or ## 2024-01-02";

/// [`UNDATED_HINT`] with the first two examples of the parser's note, which
/// writes them in the file's own date order (`22.08.2025` for a file whose
/// dates are day first).
fn undated_hint(app: &App) -> String {
    const START: &str = "no day heading found: a day starts with a line such as ";
    let examples = app
        .notebook
        .warnings
        .iter()
        .find_map(|w| w.message.strip_prefix(START))
        .map(|rest| rest.split(", ").take(2).collect::<Vec<_>>());
    match examples.as_deref() {
        // The note's usual examples are the hint's.
        Some([a, b]) if *a != "8.22:" => {
            format!("no day headings: a day starts with a line like {a} or {b}")
        }
        _ => UNDATED_HINT.to_string(),
    }
}

/// The left text and its style.
fn left_text(app: &App) -> (String, Style) {
    let ui = &app.theme.ui;
    if let Some(first) = app.pending {
        return (pending_hint(app, first), ui.status);
    }
    if let Some(m) = &app.message {
        let style = match m.tone {
            Tone::Error => ui.status_error,
            Tone::Info => ui.status,
        };
        return (format!(" {}", label::clean(&m.text)), style);
    }
    if app.notebook.days.is_empty() {
        return (format!(" {}", label::clean(&undated_hint(app))), ui.status);
    }
    let crumbs = app.selected().map(|id| crumbs(app, id)).unwrap_or_default();
    (format!(" {}", crumbs.join(SEP)), ui.status)
}

/// The breadcrumb, its day named as everywhere (`2025-08-23 Sat`).
fn crumbs(app: &App, id: daynotes_core::outline::NodeId) -> Vec<String> {
    label::breadcrumb(&app.notebook, id, app.dates.weekdays)
}

/// Between the parts of the breadcrumb.
const SEP: &str = " › ";

/// The breadcrumb in at most `room` cells: the inner parts (topic, outer
/// sections) are cut first, sharing what is left, so that the day and the
/// selected node stay readable.
fn fit_crumbs(crumbs: &[String], room: usize) -> String {
    let full = crumbs.join(SEP);
    if text::width(&full) <= room || crumbs.len() < 3 {
        return text::truncate(&full, room).into_owned();
    }
    let last = crumbs.len() - 1;
    let fixed = text::width(&crumbs[0]) + text::width(&crumbs[last]) + text::width(SEP) * last;
    let inner = &crumbs[1..last];
    let Some(mut budget) = room.checked_sub(fixed).filter(|b| *b >= 2 * inner.len()) else {
        return text::truncate(&full, room).into_owned();
    };
    // Fill the shortest first: a short part keeps its whole text and leaves
    // its share to the longer ones.
    let mut order: Vec<usize> = (0..inner.len()).collect();
    order.sort_by_key(|&i| text::width(&inner[i]));
    let mut widths = vec![0; inner.len()];
    for (n, &i) in order.iter().enumerate() {
        let share = budget / (inner.len() - n);
        widths[i] = text::width(&inner[i]).min(share);
        budget -= widths[i];
    }
    let mut parts = vec![crumbs[0].clone()];
    parts.extend(
        inner
            .iter()
            .zip(&widths)
            .map(|(c, &w)| text::truncate(c, w).into_owned()),
    );
    parts.push(crumbs[last].clone());
    parts.join(SEP)
}

/// `z: M fold all · R unfold all` while a sequence waits for its second key.
fn pending_hint(app: &App, first: char) -> String {
    let choices = app.keymap.sequences_after(first);
    let first = key_name(&Keys::One(Key::Char(first)));
    format!(" {first}: {}", choices.join(" · "))
}

/// `day 2/6`, or nothing in an empty notebook.
fn position(app: &App) -> String {
    match app.selected() {
        Some(id) => format!("day {}/{}", id.day_index() + 1, app.notebook.days.len()),
        None => "no days".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_breadcrumb_cuts_its_middle_first() {
        let crumbs: Vec<String> = [
            "8.22",
            "3. 如何保证服务器的服务不中断",
            "预防",
            "4. 容器化部署",
        ]
        .map(String::from)
        .to_vec();
        let full = fit_crumbs(&crumbs, 80);
        assert_eq!(
            full,
            "8.22 › 3. 如何保证服务器的服务不中断 › 预防 › 4. 容器化部署"
        );
        let cut = fit_crumbs(&crumbs, 40);
        assert_eq!(cut, "8.22 › 3. 如何保… › 预防 › 4. 容器化部署");
        assert!(text::width(&cut) <= 40);
        // too narrow for that: cut from the end
        assert_eq!(fit_crumbs(&crumbs, 10), "8.22 › 3.…");
    }
}
