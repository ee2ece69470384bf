//! Rendering: borrows the [`App`] and draws it, one file per pane or
//! overlay. Every style comes from `app.theme`; every piece of file text has
//! been through [`crate::sanitize`] (names in [`crate::label`], rendered
//! bodies in [`crate::markdown`]).
//!
//! Drawing changes nothing in the app. It records in [`ViewState`] what it
//! drew (rects, first rows shown) for whoever wants to know, but the app
//! never needs it back: it derives the same rects from [`crate::layout`]
//! and the size it was told about.

pub mod calendar;
mod calendar_year;
pub mod content;
pub mod date_prompt;
pub mod help;
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

use crate::app::{App, Overlay};
use crate::layout;

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

/// Draws one frame.
pub fn draw(frame: &mut Frame, app: &App, view: &mut ViewState) {
    let area = frame.area();
    let screen = layout::screen(area, app.focus);
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
    // While the prompt is open, the results take the content pane's place
    // (on a narrow screen, the whole pane area).
    let results = app.search.prompt.is_some();
    match (screen.content, screen.outline) {
        (Some(pane), _) if results => search::draw_results(frame, app, pane, screen.borders),
        (None, Some(pane)) if results => search::draw_results(frame, app, pane, screen.borders),
        (Some(pane), _) => view.content_scroll = content::draw(frame, app, pane, screen.borders),
        _ => {}
    }
    if app.study.session.is_some() {
        // Review takes the whole screen and the status bar.
        review::draw(frame, app);
        return review::draw_status(frame, app, status_area);
    }
    if app.search.prompt.is_some() {
        search::draw_prompt(frame, app, status_area);
    } else if app.dates.prompt.is_some() {
        date_prompt::draw(frame, app, status_area);
    } else {
        status::draw(frame, app, status_area, screen.wide);
    }
    match app.overlay {
        Some(Overlay::Help) => help::draw(frame, app),
        Some(Overlay::Warnings) => warnings::draw(frame, app),
        None => picker::draw(frame, app),
    }
    calendar::draw(frame, app);
    on_this_day::draw(frame, app);
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
