//! The help overlay: the page of [`crate::keymap::help`] the app is on,
//! made from the key table in use (`app.keymap`: the built-in table with
//! the config's keys put in), its columns side by side, styled by what
//! each piece is, in a box over whatever was open. The border says which
//! page this is and how to leave; the bottom border shows the filter.
//!
//! ```text
//! ┌ Keys 1/3 — / filters · PgDn next page · Esc closes ────────────┐
//! │Anywhere                            Browsing: folding, panes    │
//! │  ?           this help, open on…     h ←         fold, or go … │
//! │  …                                   …                         │
//! └──────────────────────────── /cal▏ ─────────────────────────────┘
//! ```

use ratatui::Frame;
use ratatui::text::{Line, Span};
use ratatui::widgets::Block;

use crate::action::Action;
use crate::app::App;
use crate::app::help::Help;
use crate::keymap::Context;
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

/// The title on the border: the page and the keys that matter here, the
/// longest that fits.
fn title(app: &App, page: usize, pages: usize, width: usize) -> String {
    let key = |a| app.keymap.key_in(Context::Help, a);
    let (filter, next, close) = (
        key(Action::SearchStart),
        key(Action::PageDown),
        key(Action::Close),
    );
    let at = format!("Keys {}/{pages}", page + 1);
    let mut forms = vec![
        format!(" {at} — {filter} filters · {close} closes "),
        format!(" {at} — {close} closes "),
        format!(" {at} "),
    ];
    if pages > 1 {
        let turn = format!(" {at} — {filter} filters · {next} next page · {close} closes ");
        forms.insert(0, turn);
    }
    super::calendar_box::first_fitting(&forms, width)
}

/// Draws the help over what is on screen.
pub fn draw(frame: &mut Frame, app: &App, help: &Help) {
    let boxed = crate::layout::help_box(frame.area());
    if boxed.width < 3 || boxed.height < 3 {
        return;
    }
    let inner_width = usize::from(boxed.width - 2);
    let inner_height = usize::from(boxed.height - 2);
    let laid = crate::keymap::help::pages(&app.keymap, &help.filter, inner_width, inner_height);
    let page = help.page.min(laid.pages.len().saturating_sub(1));
    super::overlay::clear(frame, boxed);
    let mut block = Block::bordered()
        .border_style(app.theme.ui.border_focused)
        .style(app.theme.ui.overlay)
        .title(Line::from(title(app, page, laid.pages.len(), inner_width)));
    if help.typing || !help.filter.is_empty() {
        let cursor = if help.typing { "▏" } else { "" };
        let filter = crate::label::clean(&help.filter);
        let shown = format!(" /{filter}{cursor} ");
        let shown = crate::text::truncate(&shown, inner_width).into_owned();
        block = block.title_bottom(Line::styled(shown, app.theme.ui.key).centered());
    }
    let inner = block.inner(boxed);
    frame.render_widget(block, boxed);
    let Some(columns) = laid.pages.get(page) else {
        return;
    };
    if columns.iter().all(Vec::is_empty) {
        let none = Line::styled("no key holds that", app.theme.ui.dim);
        frame
            .buffer_mut()
            .set_line(inner.x, inner.y, &none, inner.width);
        return;
    }
    let column = u16::try_from(laid.column).unwrap_or(u16::MAX);
    for (i, lines) in columns.iter().enumerate() {
        let x = inner.x + column * u16::try_from(i).unwrap_or(0);
        let room = inner.right().saturating_sub(x).min(column);
        for (y, line) in (inner.y..inner.bottom()).zip(lines.iter().cloned()) {
            let line = styled(line, &app.theme);
            frame.buffer_mut().set_line(x, y, &line, room);
        }
    }
}
