//! Rendering: borrows the [`App`] and draws it, one file per pane or
//! overlay. Every style comes from `app.theme`; every piece of file text has
//! been through [`daynotes_core::sanitize`] (names in [`crate::label`], rendered
//! bodies in [`crate::markdown`]).
//!
//! Drawing changes nothing in the app. It records in [`ViewState`] what it
//! drew (rects, first rows shown) for whoever wants to know, but the app
//! never needs it back: it derives the same rects from [`crate::layout`]
//! and the size it was told about.

pub mod calendar;
mod calendar_box;
pub mod calendar_year;
pub mod content;
pub mod date_prompt;
pub mod help;
pub mod notebook;
pub mod on_this_day;
pub mod outline;
mod overlay;
pub mod picker;
mod prompt_line;
pub mod review;
pub mod search;
pub mod status;
pub mod warnings;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::{Block, Paragraph};

use crate::app::dates::Shown;
use crate::app::{App, Mode};

/// What the last draw recorded: the frame size, the panes' inner rects and
/// the first rows they showed.
#[derive(Debug, Default, Clone)]
pub struct ViewState {
    /// Size of the whole frame at the last draw.
    pub area: Rect,
    /// Inside the outline pane's border, when shown.
    pub outline: Option<Rect>,
    /// Inside the content pane's border, when shown.
    pub content: Option<Rect>,
    /// The first outline row shown.
    pub outline_top: usize,
    /// The first content row shown.
    pub content_scroll: usize,
}

/// Draws one frame: the panes, then what the mode draws over them; the
/// help, when open, over all of it.
pub fn draw(frame: &mut Frame, app: &App, view: &mut ViewState) {
    let area = frame.area();
    let screen = app.screen_for(area);
    *view = ViewState {
        area,
        outline: screen.outline.map(|p| p.inner),
        content: screen.content.map(|p| p.inner),
        ..ViewState::default()
    };
    let Some(status_area) = screen.status else {
        let msg = crate::text::truncate("terminal too small", usize::from(area.width));
        frame.render_widget(Paragraph::new(msg.into_owned()), area);
        return;
    };
    if let Some(pane) = screen.outline {
        view.outline_top = outline::draw(frame, app, pane, screen.borders);
    }
    let mode = app.mode.shown();
    // While the prompt is open, the results take the content pane's place
    // (on a narrow screen, the whole pane area).
    match (mode, screen.content, screen.outline) {
        (Mode::Search(p), Some(pane), _) | (Mode::Search(p), None, Some(pane)) => {
            search::draw_results(frame, app, p, pane, screen.borders);
        }
        (_, Some(pane), _) => view.content_scroll = content::draw(frame, app, pane, screen.borders),
        _ => {}
    }
    // The status line, and what the mode draws over the panes.
    match mode {
        Mode::Panes | Mode::Help(_) => status::draw(frame, app, status_area, screen.wide),
        Mode::Warnings { scroll } => {
            status::draw(frame, app, status_area, screen.wide);
            warnings::draw(frame, app, *scroll);
        }
        Mode::Search(p) => search::draw_prompt(frame, app, p, status_area),
        Mode::Picker(p) => {
            status::draw(frame, app, status_area, screen.wide);
            picker::draw(frame, app, p);
        }
        Mode::DatePrompt(p) => date_prompt::draw(frame, app, p, status_area),
        Mode::Calendar(c) => {
            status::draw(frame, app, status_area, screen.wide);
            match c.shows {
                Shown::Year => calendar_year::draw(frame, app, *c),
                Shown::Month => calendar::draw(frame, app, *c),
            }
        }
        Mode::Review(r) => {
            // Review takes the whole screen and the status bar.
            review::draw(frame, app, r);
            review::draw_status(frame, app, r, status_area);
        }
        Mode::OnThisDay(o) => {
            status::draw(frame, app, status_area, screen.wide);
            on_this_day::draw(frame, app, o);
        }
        Mode::Hints(h) => {
            status::draw(frame, app, status_area, screen.wide);
            notebook::draw_hints(frame, app, h);
        }
        Mode::Tags(p) => {
            status::draw(frame, app, status_area, screen.wide);
            notebook::draw_tags(frame, app, p);
        }
        Mode::Tasks(t) => {
            status::draw(frame, app, status_area, screen.wide);
            notebook::draw_tasks(frame, app, t);
        }
    }
    if let Mode::Help(h) = &app.mode {
        help::draw(frame, app, h);
    }
}

/// A pane's border, highlighted when it has the focus.
fn pane_block<'a>(app: &App, focused: bool) -> Block<'a> {
    let style: Style = if focused {
        app.theme.ui.border_focused
    } else {
        app.theme.ui.border
    };
    Block::bordered().border_style(style)
}
