//! The help overlay, printed from the same key table that dispatches keys
//! ([`crate::keymap::BINDINGS`]), grouped by section. Rows of the table with
//! the same action and help line are shown as one line.
//!
//! ```text
//! ┌ Keys ─────────────────────────────────┐
//! │Move                                   │
//! │  j ↓          down a row; in text, …  │
//! ```

use ratatui::Frame;
use ratatui::text::{Line, Span};

use crate::app::{Action, App};
use crate::keymap::{BINDINGS, Binding, MOUSE_HELP, Section, key_label, label};
use crate::theme::Theme;

/// Width of the keys column.
const KEYS_WIDTH: usize = 16;

/// The help text, one entry per line.
pub fn lines(theme: &Theme) -> Vec<Line<'static>> {
    let ui = &theme.ui;
    let mut out = Vec::new();
    for section in Section::ALL {
        if !out.is_empty() {
            out.push(Line::default());
        }
        out.push(Line::styled(section.title(), ui.overlay_title));
        let rows: Vec<&Binding> = BINDINGS.iter().filter(|b| b.section == section).collect();
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
            out.push(entry(&keys.join(" "), rows[i].help, theme));
            i += n;
        }
        if section == Section::Panes {
            out.push(entry("mouse", MOUSE_HELP, theme));
        }
    }
    out
}

/// How many lines [`lines`] has.
pub fn line_count() -> usize {
    lines(&Theme::plain()).len()
}

fn entry(keys: &str, help: &str, theme: &Theme) -> Line<'static> {
    let pad = KEYS_WIDTH
        .saturating_sub(super::text::width(keys) + 2)
        .max(1);
    Line::from(vec![
        Span::raw("  "),
        Span::styled(keys.to_string(), theme.ui.key),
        Span::raw(" ".repeat(pad)),
        Span::styled(help.to_string(), theme.ui.overlay),
    ])
}

/// Draws the help over the panes.
pub fn draw(frame: &mut Frame, app: &App) {
    let all = lines(&app.theme);
    let title = format!(" Keys — {} closes ", key_label(Action::Close));
    let area = super::overlay::frame_box(frame, app, &title);
    let top = super::overlay::top(app, all.len(), area);
    for (y, line) in (area.y..area.bottom()).zip(all.iter().skip(top)) {
        frame.buffer_mut().set_line(area.x, y, line, area.width);
    }
}
