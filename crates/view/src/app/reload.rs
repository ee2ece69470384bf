//! Showing new notes in place of the old (a reload after an edit on disk),
//! keeping the user where they were: the same day, topic and section,
//! found by date and title ([`Place`]), and the same scroll position.

use std::sync::Arc;

use super::history::History;
use super::{App, DocId, Mode};
use daynotes_core::notes::Notebook;
use daynotes_core::outline::{Outline, Place};

impl App {
    /// Shows `notebook` instead of the notes shown now. The selection moves
    /// to the same node in the new notes (or its nearest parent, or the
    /// nearest day); the scroll position is kept when the node is the same.
    /// A search goes on in the new notes: an open prompt keeps its query and
    /// its results are found again, as are the highlights of an accepted
    /// search (`n` starts again from the first hit). The jump history, which
    /// points into the old notes, is cleared; queries typed this session are
    /// kept.
    pub fn replace_notebook(&mut self, notebook: Notebook) {
        // Named on the old notes' date axis; found on the new one, rebuilt
        // with the same assumed year below.
        let place = self
            .selected()
            .and_then(|id| Place::of(&self.notebook, id, &self.dates.axis));
        let (scroll, focus) = (self.view.scroll, self.focus);
        let was_text = self.view.doc == Some(DocId::Text);
        self.outline = Outline::new(&notebook);
        self.notebook = Arc::new(notebook);
        self.docs.clear();
        // Links and tags of the old notes: built again for the new.
        self.marks = None;
        self.docs.set_marks(None);
        let old = std::mem::take(&mut self.search);
        let matcher = old.current.map(|c| c.matcher);
        self.search.filter = old.filter;
        self.search.history = old.history;
        self.search.pinyin = old.pinyin;
        self.history = History::default();
        self.set_assumed_year(self.dates.assumed);
        let found = place
            .as_ref()
            .and_then(|p| p.find(&self.notebook, &self.dates.axis));
        if let Some(id) = found {
            self.outline.select(&self.notebook, id);
        }
        self.show_selection();
        let same = found.is_some_and(|id| Place::of(&self.notebook, id, &self.dates.axis) == place);
        // Notes without days, still without: the same place in the text.
        let same_text = was_text && self.view.doc == Some(DocId::Text);
        if same || same_text {
            let last = self.doc().map_or(0, |d| d.lines.len().saturating_sub(1));
            self.view.scroll = scroll.min(last);
            self.focus = focus;
        }
        // The picker's titles were those of the old notes.
        if matches!(self.mode, Mode::Picker(_)) {
            self.mode = Mode::Panes;
        }
        self.recall_again();
        self.start_indexing();
        if matches!(self.mode, Mode::Search(_)) {
            self.run_query();
        } else if let Some(matcher) = matcher {
            self.start_search(matcher);
        }
        self.keep_outline_in_view();
    }
}
