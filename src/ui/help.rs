//! The help overlay: the lines [`crate::keymap::help`] makes from the key
//! table in use (`app.keymap`: the built-in table with the config's keys put
//! in), styled by what each piece is, in a box over the panes.
//!
//! ```text
//! ┌ Keys — Esc closes ─────────────────────────────────────────────┐
//! │Move                                Fold                        │
//! │  j ↓         down a row (text: …)    h ←         fold, or go … │
//! │  …                                   …                         │
//! │                                    Panes                       │
//! ```

use ratatui::Frame;
use ratatui::text::{Line, Span};

use crate::action::Action;
use crate::app::App;
use crate::keymap::help::{HelpLine, Part};
use crate::theme::Theme;

/// One help line in the theme's styles.
fn styled(line: HelpLine, theme: &Theme) -> Line<'static> {
    let spans: Vec<Span<'static>> = line
        .into_iter()
        .map(|(part, text)| match part {
            Part::Title => Span::styled(text, theme.ui.overlay_title),
            Part::Keys => Span::styled(text, theme.ui.key),
            Part::Help => Span::styled(text, theme.ui.overlay),
            Part::Space => Span::raw(text),
        })
        .collect();
    Line::from(spans)
}

/// Draws the help over the panes.
pub fn draw(frame: &mut Frame, app: &App, scroll: usize) {
    let title = format!(" Keys — {} closes ", app.keymap.key_label(Action::Close));
    let inner_width = crate::layout::overlay(frame.area(), 0)
        .width
        .saturating_sub(2);
    let all = crate::keymap::help::lines(&app.keymap, usize::from(inner_width));
    let area = super::overlay::frame_box(frame, app, &title, all.len());
    let top = super::overlay::top(scroll, all.len(), area);
    for (y, line) in (area.y..area.bottom()).zip(all.into_iter().skip(top)) {
        let line = styled(line, &app.theme);
        frame.buffer_mut().set_line(area.x, y, &line, area.width);
    }
}
