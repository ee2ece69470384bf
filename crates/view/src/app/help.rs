//! The help in the viewer (`?`, or F1 while typing): drawn over whatever
//! is open, opened on the page of that mode's keys, paged (`j` `k` `PgDn`
//! … turn a page, as the groups run on from column to column), filtered
//! with `/`. Closing it goes back to what was open under it.
//!
//! ```text
//! calendar ── ? ──► Help { under: calendar, page of "In the calendar" }
//!                     │ /cal  → typing: the entries holding "cal"
//!                     │ Enter → the filter kept, paging again
//!                     └ Esc   → back to the calendar
//! ```

use super::{Action, App, Mode};
use crate::keymap::help::{Group, Pages, pages};
use crate::text::Erase;

/// The help open over the mode `under`.
#[derive(Debug)]
pub struct Help {
    /// What was open when the help opened: drawn under it, and back when it
    /// closes.
    pub under: Box<Mode>,
    /// The page shown.
    pub page: usize,
    /// Only the entries holding this are shown.
    pub filter: String,
    /// The filter is being typed (`/`): characters go into it.
    pub typing: bool,
}

impl App {
    /// `?`: opens the help over the mode of the moment, on the page of its
    /// keys; closes it when it is open.
    pub(super) fn toggle_help(&mut self) {
        if matches!(self.mode, Mode::Help(_)) {
            return self.close_help();
        }
        let context = self.mode.context();
        let under = Box::new(self.leave_mode());
        let page = self.help_pages("").page_of(Group::for_context(context));
        self.mode = Mode::Help(Help {
            under,
            page,
            filter: String::new(),
            typing: false,
        });
    }

    /// Back to what was open under the help.
    fn close_help(&mut self) {
        if let Mode::Help(help) = self.leave_mode() {
            self.mode = *help.under;
        }
        // The screen may have changed size meanwhile.
        if matches!(self.mode, Mode::Review(_)) {
            self.lay_out_card();
        }
    }

    /// The help laid out for this screen with `filter`.
    pub fn help_pages(&self, filter: &str) -> Pages {
        let inner = crate::layout::help_box(self.size);
        let (w, h) = (
            inner.width.saturating_sub(2),
            inner.height.saturating_sub(2),
        );
        pages(&self.keymap, filter, usize::from(w), usize::from(h))
    }

    /// Carries out `action` while the help is open; false when it is not
    /// open or the action is not the help's (quit, resize…).
    pub(super) fn help_action(&mut self, action: Action) -> bool {
        let Mode::Help(help) = &self.mode else {
            return false;
        };
        let last = self.help_pages(&help.filter).pages.len().saturating_sub(1);
        let Mode::Help(help) = &mut self.mode else {
            return false;
        };
        let turn = |page: usize, n: isize| page.saturating_add_signed(n).min(last);
        match action {
            Action::Help => self.close_help(),
            Action::Close if help.typing => {
                help.filter.clear();
                help.typing = false;
                help.page = 0;
            }
            Action::Close => self.close_help(),
            Action::SearchStart => help.typing = true,
            Action::Accept => help.typing = false,
            Action::Input(c) => {
                help.filter.push(c);
                help.page = 0;
            }
            Action::Erase | Action::EraseWord | Action::EraseAll => {
                crate::text::erase(&mut help.filter, action.erase().unwrap_or(Erase::Char));
                help.page = 0;
            }
            Action::Down | Action::PageDown | Action::HalfPageDown => {
                help.page = turn(help.page, 1);
            }
            Action::Up | Action::PageUp | Action::HalfPageUp => help.page = turn(help.page, -1),
            Action::Wheel { dir, .. } => help.page = turn(help.page, dir.sign()),
            Action::Top => help.page = 0,
            Action::Bottom => help.page = last,
            Action::Quit | Action::Suspend | Action::Resize { .. } => return false,
            _ => {}
        }
        true
    }
}

impl Mode {
    /// The mode drawn on screen: under an open help, what it was opened
    /// over.
    pub fn shown(&self) -> &Mode {
        match self {
            Mode::Help(h) => h.under.shown(),
            other => other,
        }
    }
}
