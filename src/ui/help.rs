//! The help overlay, printed from the same key table that dispatches keys
//! ([`crate::keymap::bindings`], the built-in table with the config's keys
//! put in), grouped by section. Rows of the table with
//! the same action and help line are shown as one line. When the box is wide
//! enough the first section gets a column of its own:
//!
//! ```text
//! ┌ Keys — Esc closes ─────────────────────────────────────────────┐
//! │Move                                Fold                        │
//! │  j ↓         down a row (text: …)    h ←         fold, or go … │
//! │  …                                   …                         │
//! │                                    Panes                       │
//! ```

use ratatui::Frame;

use crate::text::width;
use ratatui::text::{Line, Span};

use crate::app::{Action, App};
use crate::keymap::{Binding, MOUSE_HELP, Section, bindings, key_label, label};
use crate::theme::Theme;

/// Width of the keys column.
const KEYS_WIDTH: usize = 14;
/// Width of one column of the two-column layout.
const COLUMN: usize = 46;

/// The help text for a box `inner_width` cells wide, one entry per line.
pub fn lines(theme: &Theme, inner_width: usize) -> Vec<Line<'static>> {
    let two_columns = inner_width >= 2 * COLUMN;
    let blocks: Vec<Vec<Line<'static>>> = Section::ALL
        .iter()
        .enumerate()
        .map(|(i, &s)| {
            let room = match (two_columns, i) {
                (false, _) => inner_width,
                (true, 0) => COLUMN - 2,
                (true, _) => inner_width - COLUMN,
            };
            block(s, theme, room)
        })
        .collect();
    let stack = |blocks: &[Vec<Line<'static>>]| -> Vec<Line<'static>> {
        let mut out = Vec::new();
        for b in blocks {
            if !out.is_empty() {
                out.push(Line::default());
            }
            out.extend(b.iter().cloned());
        }
        out
    };
    if !two_columns {
        return stack(&blocks);
    }
    let (left, right) = (stack(&blocks[..1]), stack(&blocks[1..]));
    let rows = left.len().max(right.len());
    (0..rows)
        .map(|i| {
            let l = left.get(i).cloned().unwrap_or_default();
            let pad = COLUMN.saturating_sub(l.width());
            let mut spans = l.spans;
            spans.push(Span::raw(" ".repeat(pad)));
            spans.extend(right.get(i).cloned().unwrap_or_default().spans);
            Line::from(spans)
        })
        .collect()
}

/// How many lines [`lines`] has for a box `inner_width` cells wide.
pub fn line_count(inner_width: usize) -> usize {
    lines(&Theme::plain(), inner_width).len()
}

/// One section, `room` cells wide: its title, then each binding, its help
/// wrapped under itself when it does not fit.
fn block(section: Section, theme: &Theme, room: usize) -> Vec<Line<'static>> {
    let mut out = vec![Line::styled(section.title(), theme.ui.overlay_title)];
    let rows: Vec<&Binding> = bindings().iter().filter(|b| b.section == section).collect();
    let mut i = 0;
    while i < rows.len() {
        let same = |b: &&&Binding| b.action == rows[i].action && b.help == rows[i].help;
        let n = rows[i..].iter().take_while(same).count();
        let mut keys: Vec<String> = Vec::new();
        for b in &rows[i..i + n] {
            for k in b.keys {
                let name = label(k);
                if !keys.contains(&name) {
                    keys.push(name);
                }
            }
        }
        out.extend(entry(&keys.join(" "), rows[i].help, theme, room));
        i += n;
    }
    if section == Section::Panes {
        out.extend(entry("mouse", MOUSE_HELP, theme, room));
    }
    out
}

/// `  keys  help`, the help wrapped to `room` cells and its further rows
/// starting under its first.
fn entry(keys: &str, help: &str, theme: &Theme, room: usize) -> Vec<Line<'static>> {
    let keys_width = width(keys);
    let pad = KEYS_WIDTH.saturating_sub(keys_width).max(1);
    let indent = 2 + keys_width + pad;
    let mut rows = crate::text::wrap(help, room.saturating_sub(indent)).into_iter();
    let first = Line::from(vec![
        Span::raw("  "),
        Span::styled(keys.to_string(), theme.ui.key),
        Span::raw(" ".repeat(pad)),
        Span::styled(rows.next().unwrap_or_default(), theme.ui.overlay),
    ]);
    std::iter::once(first)
        .chain(rows.map(|row| {
            Line::from(vec![
                Span::raw(" ".repeat(indent)),
                Span::styled(row, theme.ui.overlay),
            ])
        }))
        .collect()
}

/// Draws the help over the panes.
pub fn draw(frame: &mut Frame, app: &App) {
    let title = format!(" Keys — {} closes ", key_label(Action::Close));
    let inner_width = super::layout::overlay(frame.area(), 0)
        .width
        .saturating_sub(2);
    let all = lines(&app.theme, usize::from(inner_width));
    let area = super::overlay::frame_box(frame, app, &title, all.len());
    let top = super::overlay::top(app, all.len(), area);
    for (y, line) in (area.y..area.bottom()).zip(all.iter().skip(top)) {
        frame.buffer_mut().set_line(area.x, y, line, area.width);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn help_wraps_under_itself_in_a_narrow_box() {
        let text: Vec<String> = lines(&Theme::plain(), 30)
            .iter()
            .map(|l| l.to_string())
            .collect();
        let at = text
            .iter()
            .position(|l| l.starts_with("  j ↓"))
            .expect("the j row");
        assert_eq!(
            text[at..at + 2],
            [
                "  j ↓           down a row",
                "                (text: a line)"
            ]
        );
        assert!(text.iter().all(|l| width(l) <= 30), "{text:#?}");
    }
}
