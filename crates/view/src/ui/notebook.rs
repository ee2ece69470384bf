//! What links, tags and tasks draw: the numbers of the links in view over
//! the content pane (`f`), the tag picker (`#`) and the task list (`T`).
//!
//! ```text
//! │Back to [1]gestion control and the whole day [2]4-01-05.│  hints
//! ┌ Tags — Enter filter · Esc close ┐   ┌ Open tasks (2) — Enter go ┐
//! │#net                            2│   │☐ list the ports  2024-01-08│
//! ```

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use crate::app::App;
use crate::app::marks::Hints;
use crate::app::tags::TagPicker;
use crate::app::tasks::TaskList;
use crate::{label, text};

/// Draws each link's number over the start of its text in the content
/// pane, cut at the pane's edge, never over half of a wide character.
pub fn draw_hints(frame: &mut Frame, app: &App, hints: &Hints) {
    let screen = app.screen_for(frame.area());
    let Some(pane) = screen.content else {
        return;
    };
    let area = pane.inner;
    let top = app.view.scroll;
    let buf = frame.buffer_mut();
    for (i, link) in hints.links.iter().enumerate() {
        let Some(dy) = link.row.checked_sub(top) else {
            continue;
        };
        let Ok(dy) = u16::try_from(dy) else { continue };
        if dy >= area.height || link.col >= area.width {
            continue;
        }
        let (mut x, y) = (area.x + link.col, area.y + dy);
        // The cell after a wide character is its second half: start on
        // the character itself.
        if x > area.x && buf[(x, y)].symbol().is_empty() {
            x -= 1;
        }
        let tag = format!("[{}]", i + 1);
        let room = usize::from(area.right() - x);
        let tag = text::truncate(&tag, room);
        let end = x + u16::try_from(text::width(&tag)).unwrap_or(0);
        // A wide character whose first half the number covers: blanked
        // whole, its second half included.
        if end < area.right() && buf[(end, y)].symbol().is_empty() {
            buf[(end, y)].set_symbol(" ");
        }
        buf.set_stringn(x, y, &tag, room, app.theme.md.match_hit);
    }
}

/// Draws the tag picker.
pub fn draw_tags(frame: &mut Frame, app: &App, picker: &TagPicker) {
    let choices = app.tag_choices(&picker.text);
    let title = format!(
        " Tags — {} · Enter filter · Esc close ",
        picker_text(picker)
    );
    let area = super::overlay::frame_box(frame, app, &title, choices.len().max(1));
    if area.height == 0 {
        return;
    }
    let width = usize::from(area.width);
    if choices.is_empty() {
        let line = Line::styled("no tag holds what is typed", app.theme.ui.dim);
        frame
            .buffer_mut()
            .set_line(area.x, area.y, &line, area.width);
        return;
    }
    let selected = picker.selected.min(choices.len() - 1);
    let top = selected.saturating_sub(usize::from(area.height).saturating_sub(1));
    for (y, (i, (tag, n))) in (area.y..area.bottom()).zip(choices.iter().enumerate().skip(top)) {
        let count = n.to_string();
        let name = text::truncate(
            &format!("#{}", label::clean(tag)),
            width.saturating_sub(count.len() + 1),
        )
        .into_owned();
        let pad = width.saturating_sub(text::width(&name) + count.len());
        let line = Line::from(vec![
            Span::styled(name, app.theme.ui.overlay),
            Span::raw(" ".repeat(pad)),
            Span::styled(count, app.theme.ui.dim),
        ]);
        let buf = frame.buffer_mut();
        buf.set_line(area.x, y, &line, area.width);
        if i == selected {
            buf.set_style(Rect::new(area.x, y, area.width, 1), app.theme.ui.selection);
        }
    }
}

fn picker_text(picker: &TagPicker) -> String {
    if picker.text.is_empty() {
        "type to narrow".into()
    } else {
        format!("#{}", label::clean(&picker.text))
    }
}

/// Draws the task list.
pub fn draw_tasks(frame: &mut Frame, app: &App, list: &TaskList) {
    let title = format!(" Open tasks ({}) — Enter go · Esc close ", list.tasks.len());
    let area = super::overlay::frame_box(frame, app, &title, list.tasks.len().max(1));
    if area.height == 0 {
        return;
    }
    let width = usize::from(area.width);
    let top = list
        .selected
        .saturating_sub(usize::from(area.height).saturating_sub(1));
    for (y, (i, task)) in (area.y..area.bottom()).zip(list.tasks.iter().enumerate().skip(top)) {
        let place =
            label::clean(&daynotes_core::search::place_names(&app.notebook, task.node).join(" › "));
        let what = format!("☐ {}", label::clean(&task.text));
        let what = text::truncate(&what, width * 3 / 5).into_owned();
        let room = width.saturating_sub(text::width(&what) + 2);
        let place = text::truncate(&place, room).into_owned();
        let line = Line::from(vec![
            Span::styled(what, app.theme.ui.overlay),
            Span::raw("  "),
            Span::styled(place, app.theme.ui.dim),
        ]);
        let buf = frame.buffer_mut();
        buf.set_line(area.x, y, &line, area.width);
        if i == list.selected {
            buf.set_style(Rect::new(area.x, y, area.width, 1), app.theme.ui.selection);
        }
    }
}
