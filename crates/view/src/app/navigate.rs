//! What each movement action does, by focus: an open overlay scrolls, the
//! outline moves its selection (and the content pane follows), the content
//! pane scrolls (and the outline selection follows).

use ratatui::layout::Position;

use super::{App, DocId, Mode, Pane};
use crate::layout;
use daynotes_core::notes::Notebook;
use daynotes_core::outline::{NodeId, keep_in_view};

/// Lines one wheel notch scrolls text.
const WHEEL_LINES: isize = 3;

impl App {
    /// Down (`n` > 0) or up by `n` rows in whatever has the focus.
    pub(super) fn move_by(&mut self, n: isize) {
        if matches!(self.mode, Mode::Warnings { .. }) {
            self.scroll_warnings(n);
        } else if self.focus == Pane::Outline {
            self.move_selection(n);
        } else {
            self.scroll_content(n);
        }
    }

    /// Moves by `halves` half pages of the focused area.
    pub(super) fn page(&mut self, halves: isize) {
        let height = if matches!(self.mode, Mode::Warnings { .. }) {
            self.warnings_height()
        } else if self.focus == Pane::Outline {
            self.outline_height()
        } else {
            self.content_height()
        };
        let half = isize::try_from(height / 2).unwrap_or(isize::MAX).max(1);
        let step = if halves.abs() >= 2 {
            isize::try_from(height).unwrap_or(isize::MAX).max(1)
        } else {
            half
        };
        self.move_by(step * halves.signum());
    }

    /// To the first or the last row.
    pub(super) fn go_to_end(&mut self, bottom: bool) {
        let far = if bottom {
            isize::MAX / 2
        } else {
            -isize::MAX / 2
        };
        self.move_by(far);
    }

    /// Outline: fold or go to the parent. Content: back to the outline.
    pub(super) fn left(&mut self) {
        match self.focus {
            Pane::Content => self.focus = Pane::Outline,
            Pane::Outline => {
                let before = self.selected();
                self.outline.left();
                self.show_if_moved(before);
            }
        }
    }

    /// Outline: unfold or go to the first child.
    pub(super) fn right(&mut self) {
        if self.focus == Pane::Outline {
            let before = self.selected();
            self.outline.right(&self.notebook);
            self.show_if_moved(before);
        }
    }

    /// Outline: toggle the fold; on a leaf, focus the content to read it.
    pub(super) fn enter(&mut self) {
        if self.focus == Pane::Outline
            && !self.outline.toggle(&self.notebook)
            && self.selected().is_some()
        {
            self.focus = Pane::Content;
        }
    }

    /// Focuses the other pane.
    pub(super) fn switch_pane(&mut self) {
        self.focus = self.focus.next();
    }

    /// Goes to the node `target` finds from the selection, or says `none`.
    /// In a day view with the content focused, a topic of that day is
    /// scrolled to rather than opened on its own.
    pub(super) fn jump(&mut self, target: fn(&Notebook, NodeId) -> Option<NodeId>, none: &str) {
        let to = self
            .selected()
            .and_then(|from| target(&self.notebook, from));
        self.jump_to(to, none);
    }

    /// `]` and `[`: the next later or earlier date, whatever the order of
    /// the file (a log written newest first steps backwards through it).
    pub(super) fn jump_in_time(&mut self, later: bool) {
        let axis = &self.dates.axis;
        let to = self.selected().and_then(|from| {
            let d = from.day_index();
            if later {
                axis.later(d)
            } else {
                axis.earlier(d)
            }
        });
        let none = if later {
            "no later day"
        } else {
            "no earlier day"
        };
        self.jump_to(to.map(NodeId::day), none);
    }

    fn jump_to(&mut self, to: Option<NodeId>, none: &str) {
        let Some(to) = to else {
            return self.say(none, false);
        };
        if let Some(row) = self.topic_row_in_day_view(to) {
            self.remember();
            self.view.scroll = row;
            return self.follow();
        }
        self.select_node(to);
    }

    /// The row of topic `to` when the content pane, focused, shows its day.
    fn topic_row_in_day_view(&self, to: NodeId) -> Option<usize> {
        if self.focus != Pane::Content || self.view.doc != Some(DocId::Day(to.day_index())) {
            return None;
        }
        let t = to.topic_index()?;
        self.doc()?.topic_rows.get(t).copied()
    }

    /// Folds every day and topic.
    pub(super) fn fold_all(&mut self) {
        let before = self.selected();
        self.outline.fold_all(&self.notebook);
        self.show_if_moved(before);
    }

    /// Unfolds every day and topic.
    pub(super) fn unfold_all(&mut self) {
        self.outline.unfold_all(&self.notebook);
    }

    /// `!`: the warnings, or a word that there are none; closes them when
    /// open.
    pub(super) fn toggle_warnings(&mut self) {
        if matches!(self.mode, Mode::Warnings { .. }) {
            self.mode = Mode::Panes;
        } else if self.notebook.warnings.is_empty() {
            self.say("no warnings: every line was understood", false);
        } else {
            self.mode = Mode::Warnings { scroll: 0 };
        }
    }

    /// `>` and `<`: the outline `by` columns wider (narrower when
    /// negative), as far as the screen allows; documents are laid out again
    /// for the content's new width.
    pub(super) fn widen_outline(&mut self, by: i16) {
        let now = layout::outline_width(self.size.width, self.outline_width);
        let wanted = now.saturating_add_signed(by);
        let next = layout::outline_width(self.size.width, Some(wanted));
        if next == now {
            let edge = if by > 0 { "widest" } else { "narrowest" };
            return self.say(format!("the outline is as {edge} as it gets here"), false);
        }
        self.outline_width = Some(next);
        self.relayout();
        self.say(format!("outline {next} columns wide"), false);
    }

    /// Closes the warnings (the message and pending key are already gone);
    /// without them, closes the picker or leaves search.
    pub(super) fn close(&mut self) {
        if matches!(self.mode, Mode::Warnings { .. }) {
            self.mode = Mode::Panes;
        } else if !self.escape_search() {
            self.clear_tag_filter();
        }
    }

    /// A click: on an outline row selects it (on its fold marker, toggles
    /// it); on a pane, focuses it.
    pub(super) fn click(&mut self, column: u16, row: u16) {
        // The search results or the picker cover the panes.
        if matches!(
            self.mode,
            Mode::Warnings { .. } | Mode::Help(_) | Mode::Search(_) | Mode::Picker(_)
        ) {
            return;
        }
        let at = Position::new(column, row);
        let screen = self.screen();
        if let Some(pane) = screen.outline.filter(|p| p.outer.contains(at)) {
            self.focus = Pane::Outline;
            if pane.inner.contains(at) {
                self.click_row(usize::from(row - pane.inner.y), column - pane.inner.x);
            }
        } else if screen.content.is_some_and(|p| p.outer.contains(at)) {
            self.focus = Pane::Content;
        }
    }

    /// A click on the outline's `row`-th visible row, `column` cells in.
    fn click_row(&mut self, row: usize, column: u16) {
        let i = self.outline_top + row;
        let Some(r) = self.outline.rows().get(i).copied() else {
            return;
        };
        let before = self.selected();
        self.outline.select_index(i);
        let marker = usize::from(column).checked_sub(usize::from(r.depth) * 2);
        if matches!(marker, Some(0 | 1)) {
            self.outline.toggle(&self.notebook);
        }
        self.show_if_moved(before);
    }

    /// A wheel notch scrolls the pane under the pointer (or the overlay).
    pub(super) fn wheel(&mut self, column: u16, row: u16, down: bool) {
        let sign = if down { 1 } else { -1 };
        match self.mode {
            Mode::Warnings { .. } => return self.scroll_warnings(sign * WHEEL_LINES),
            Mode::Search(_) | Mode::Picker(_) => return,
            _ => {}
        }
        let at = Position::new(column, row);
        let screen = self.screen();
        if screen.outline.is_some_and(|p| p.outer.contains(at)) {
            self.move_selection(sign);
        } else if screen.content.is_some_and(|p| p.outer.contains(at)) {
            self.scroll_content(sign * WHEEL_LINES);
        }
    }

    /// Moves the outline selection and shows the new node.
    fn move_selection(&mut self, n: isize) {
        let before = self.selected();
        self.outline.move_by(n);
        self.show_if_moved(before);
    }

    fn show_if_moved(&mut self, before: Option<NodeId>) {
        if self.selected() != before {
            self.show_selection();
        }
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

    /// Where everything is on this screen.
    pub fn screen(&self) -> layout::Screen {
        self.screen_for(self.size)
    }

    /// Where everything is on a screen of `area` (a frame may come before
    /// its resize event).
    pub fn screen_for(&self, area: ratatui::layout::Rect) -> layout::Screen {
        layout::screen(area, self.focus, self.outline_width)
    }

    /// Rows of the outline pane (whether or not it is shown now).
    pub(super) fn outline_height(&self) -> usize {
        usize::from(layout::outline_inner(self.size, self.outline_width).height)
    }

    /// Keeps the outline selection inside the outline pane.
    pub(super) fn keep_outline_in_view(&mut self) {
        self.outline_top = keep_in_view(
            self.outline_top,
            self.outline_height(),
            self.outline.selected_index(),
            self.outline.rows().len(),
        );
    }
}
