//! The content pane's side of the app: which document it shows for the
//! selection, scrolling it, and moving the outline selection to follow the
//! scroll.
//!
//! Following: in a day view the selection is the topic whose rows are at
//! the top of the pane (the day while its heading or preamble is); in a
//! topic view it is the last section whose heading is at or above the top
//! row, highlighted (the topic above the first section). The document stays
//! the same while following: scrolling never swaps what is shown, and a
//! topic view stops at its end (`}` goes on to the next topic).

use super::Tone;
use super::{App, Doc, DocId};
use crate::layout;
use daynotes_core::outline::NodeId;

use super::Action;

impl App {
    /// Selects `id` in the outline (opening what hides it) and shows it.
    /// A jump: the place it leaves is remembered in the history.
    pub(super) fn select_node(&mut self, id: NodeId) {
        if self.selected() != Some(id) {
            self.remember();
        }
        if self.outline.select(&self.notebook, id) {
            self.show_selection();
        }
    }

    /// Shows the selected node: a day or topic from its top, a section as
    /// its topic scrolled, as `less` scrolls to a line, so that the
    /// section's heading is at the top, or, near the end, in the last
    /// page: the pane stays full when the text allows.
    pub(super) fn show_selection(&mut self) {
        let Some(id) = self.selected() else {
            self.view = super::ContentView::default();
            if self.notebook.days.is_empty() && !self.notebook.sources.is_empty() {
                // No day: the notes as they are, to read and search.
                self.view.doc = Some(DocId::Text);
                let width = self.content_width();
                self.docs
                    .ensure(&self.notebook, DocId::Text, width, &self.theme.md);
            }
            return;
        };
        let doc = DocId::of(id);
        self.note_seen(id);
        self.view.doc = Some(doc);
        self.view.scroll = 0;
        self.view.highlight = id.section_index();
        let width = self.content_width();
        let height = self.content_height();
        let d = self.docs.ensure(&self.notebook, doc, width, &self.theme.md);
        if let Some(k) = id.section_index() {
            let start = d.section_rows.get(k).map_or(0, |r| r.start);
            self.view.scroll = in_view(start, d.lines.len(), height);
        }
    }

    /// Lays the current document out again for the current width, keeping
    /// the source line at the top of the pane (or the highlighted section
    /// heading, when it was at the top).
    pub(super) fn relayout(&mut self) {
        let Some(id) = self.view.doc else { return };
        let (scroll, highlight) = (self.view.scroll, self.view.highlight);
        let section_top = |d: &Doc| {
            highlight
                .and_then(|k| d.section_rows.get(k))
                .map(|r| r.start)
        };
        let before = self
            .docs
            .latest(id)
            .map(|d| (d.line_at(scroll), section_top(d) == Some(scroll)));
        let width = self.content_width();
        let height = self.content_height();
        let d = self.docs.ensure(&self.notebook, id, width, &self.theme.md);
        let top = match before {
            Some((_, true)) => section_top(d).unwrap_or(0),
            Some((line, false)) => d.row_of_line(line),
            None => 0,
        };
        // A highlighted section stays in view, the pane full.
        self.view.scroll = match section_top(d) {
            Some(start) if start < top || start >= top + height => {
                in_view(start, d.lines.len(), height)
            }
            Some(_) => in_view(top, d.lines.len(), height),
            None => top.min(d.lines.len().saturating_sub(1)),
        };
    }

    /// The screen is now `width`×`height`.
    pub(super) fn resize(&mut self, width: u16, height: u16) {
        self.size = ratatui::layout::Rect::new(0, 0, width, height);
        self.relayout();
        if matches!(self.mode, super::Mode::Review(_)) {
            self.lay_out_card();
        }
    }

    /// Scrolls the content by `n` rows; down never passes the last page
    /// (and never jumps back from beyond it, where a topic near the end of
    /// a day was scrolled to the top).
    pub(super) fn scroll_content(&mut self, n: isize) {
        let Some(doc) = self.doc() else { return };
        let len = doc.lines.len();
        let kind = doc.id;
        let max = len.saturating_sub(self.content_height());
        let old = self.view.scroll;
        let new = if n > 0 {
            old.saturating_add_signed(n).min(max).max(old)
        } else {
            old.saturating_add_signed(n)
        };
        if n > 0 && new == old {
            let (what, next) = match kind {
                DocId::Day(_) => ("day", Action::NextDay),
                DocId::Topic(..) => ("topic", Action::NextTopic),
                DocId::Text => return self.say("end of the notes", Tone::Info),
            };
            let key = self.keymap.key_label(next);
            return self.say(format!("end of {what} — {key} goes on"), Tone::Info);
        }
        self.view.scroll = new;
        self.follow();
    }

    /// Moves the outline selection to what is at the top of the pane.
    pub(super) fn follow(&mut self) {
        let Some(doc) = self.doc() else { return };
        let top = self.view.scroll;
        let (id, highlight) = match doc.id {
            DocId::Day(d) => match doc.topic_rows.partition_point(|&r| r <= top) {
                0 => (NodeId::day(d), None),
                t => (NodeId::topic(d, t - 1), None),
            },
            DocId::Topic(d, t) => match doc.section_rows.partition_point(|r| r.start <= top) {
                0 => (NodeId::topic(d, t), None),
                k => (NodeId::section(d, t, k - 1), Some(k - 1)),
            },
            DocId::Text => return,
        };
        self.view.highlight = highlight;
        if self.selected() != Some(id) {
            self.outline.select(&self.notebook, id);
        }
    }

    /// The width documents are laid out for: the content pane's, whether or
    /// not it is shown now.
    pub(super) fn content_width(&self) -> u16 {
        layout::content_inner(self.size, self.outline_width).width
    }

    /// Rows of the content pane.
    pub(super) fn content_height(&self) -> usize {
        usize::from(layout::content_inner(self.size, self.outline_width).height)
    }
}

/// The first row to show so that row `start` is in view and, when the
/// text is long enough, the pane of `height` rows is full: `start` at the
/// top, or the last page.
///
/// ```text
/// 25 rows, pane of 10: section at row 3 → top 3; at row 21 → top 15
/// ```
fn in_view(start: usize, len: usize, height: usize) -> usize {
    start.min(len.saturating_sub(height))
}

#[cfg(test)]
mod tests {
    use super::in_view;

    #[test]
    fn a_row_is_shown_as_less_shows_it() {
        assert_eq!(in_view(3, 25, 10), 3);
        assert_eq!(in_view(21, 25, 10), 15);
        assert_eq!(in_view(21, 5, 10), 0, "short text from its top");
    }
}
