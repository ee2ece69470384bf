//! What each movement action does in the panes, by focus: the outline
//! moves its selection (and the content pane follows), the content pane
//! scrolls (and the outline selection follows). Overlays and prompts move
//! in their own modules.

use super::Tone;
use crate::action::Dir;
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
        if self.focus == Pane::Outline {
            self.move_selection(n);
        } else {
            self.scroll_content(n);
        }
    }

    /// Moves by `halves` half pages of the focused area.
    pub(super) fn page(&mut self, halves: isize) {
        let height = if self.focus == Pane::Outline {
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

    /// To the last row (forward) or the first.
    pub(super) fn go_to_end(&mut self, dir: Dir) {
        let far = match dir {
            Dir::Forward => isize::MAX / 2,
            Dir::Back => -isize::MAX / 2,
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
    pub(super) fn jump_in_time(&mut self, dir: Dir) {
        let axis = &self.dates.axis;
        let to = self.selected().and_then(|from| {
            let d = from.day_index();
            match dir {
                Dir::Forward => axis.later(d),
                Dir::Back => axis.earlier(d),
            }
        });
        let none = match dir {
            Dir::Forward => "no later day",
            Dir::Back => "no earlier day",
        };
        self.jump_to(to.map(NodeId::day), none);
    }

    fn jump_to(&mut self, to: Option<NodeId>, none: &str) {
        let Some(to) = to else {
            return self.say(none, Tone::Info);
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

    /// `>` and `<`: the outline `by` columns wider (narrower when
    /// negative), as far as the screen allows; documents are laid out again
    /// for the content's new width.
    pub(super) fn widen_outline(&mut self, by: i16) {
        let now = layout::outline_width(self.size.width, self.outline_width);
        let wanted = now.saturating_add_signed(by);
        let next = layout::outline_width(self.size.width, Some(wanted));
        if next == now {
            let edge = if by > 0 { "widest" } else { "narrowest" };
            return self.say(
                format!("the outline is as {edge} as it gets here"),
                Tone::Info,
            );
        }
        self.outline_width = Some(next);
        self.relayout();
        self.say(format!("outline {next} columns wide"), Tone::Info);
    }

    /// Esc in the panes (the message and pending key are already gone):
    /// leaves the search, or else clears the tag filter.
    pub(super) fn close(&mut self) {
        if !self.escape_search() {
            self.clear_tag_filter();
        }
    }

    /// A click: on an outline row selects it (on its fold marker, toggles
    /// it); on a pane, focuses it.
    pub(super) fn click(&mut self, column: u16, row: u16) {
        // The help, the search results or the picker cover the panes.
        if matches!(self.mode, Mode::Help(_) | Mode::Search(_) | Mode::Picker(_)) {
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
    pub(super) fn wheel(&mut self, column: u16, row: u16, dir: Dir) {
        let sign = dir.sign();
        if matches!(self.mode, Mode::Search(_) | Mode::Picker(_)) {
            return;
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
