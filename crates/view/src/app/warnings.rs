//! The parser's warnings (`!`): an overlay over the panes, one line per
//! warning, that scrolls and closes; the panes keep their state under it.

use super::{Action, App, Mode, Tone};
use crate::layout;

/// Lines one wheel notch scrolls the warnings.
const WHEEL_LINES: isize = 3;

impl App {
    /// `!`: the warnings, or a word that there are none.
    pub(super) fn open_warnings(&mut self) {
        if self.notebook.warnings.is_empty() {
            self.say("no warnings: every line was understood", Tone::Info);
        } else {
            self.mode = Mode::Warnings { scroll: 0 };
        }
    }

    /// Carries out `action` while the warnings are open; false when they
    /// are not open or the action is not theirs (quit, help, resize…).
    pub(super) fn warnings_action(&mut self, action: Action) -> bool {
        if !matches!(self.mode, Mode::Warnings { .. }) {
            return false;
        }
        let height = isize::try_from(self.warnings_height()).unwrap_or(isize::MAX);
        let half = (height / 2).max(1);
        match action {
            Action::Down => self.scroll_warnings(1),
            Action::Up => self.scroll_warnings(-1),
            Action::PageDown => self.scroll_warnings(height.max(1)),
            Action::PageUp => self.scroll_warnings(-height.max(1)),
            Action::HalfPageDown => self.scroll_warnings(half),
            Action::HalfPageUp => self.scroll_warnings(-half),
            Action::Top => self.scroll_warnings(-isize::MAX / 2),
            Action::Bottom => self.scroll_warnings(isize::MAX / 2),
            Action::Wheel { dir, .. } => self.scroll_warnings(dir.sign() * WHEEL_LINES),
            Action::Click { .. } => {}
            Action::Close | Action::Warnings => self.mode = Mode::Panes,
            _ => return false,
        }
        true
    }

    fn scroll_warnings(&mut self, n: isize) {
        let max = self.warning_lines().saturating_sub(self.warnings_height());
        if let Mode::Warnings { scroll } = &mut self.mode {
            *scroll = scroll.saturating_add_signed(n).min(max);
        }
    }

    /// How many lines the warnings take: one each (one saying there are
    /// none).
    pub fn warning_lines(&self) -> usize {
        self.notebook.warnings.len().max(1)
    }

    /// Rows of text inside the warnings' border.
    fn warnings_height(&self) -> usize {
        let lines = self.warning_lines();
        usize::from(layout::overlay(self.size, lines).height.saturating_sub(2))
    }
}
