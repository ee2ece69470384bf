//! The documents laid out lately, kept so that going back to one, or
//! drawing the same one again, lays nothing out.

use std::collections::VecDeque;

use super::{CACHE_SIZE, COLOUR_WAIT, Doc, DocId, layout_width};
use crate::label::Weekdays;
use crate::markdown::{Painter, Wait};
use crate::notes::Notebook;
use crate::theme::MdStyles;

/// Recently laid-out documents, the most recent first, the painter that
/// colours their code and the weekday names their days are shown with.
#[derive(Debug, Clone)]
pub struct DocCache {
    docs: VecDeque<Doc>,
    painter: Painter,
    /// The painter's generation when last asked.
    seen: u64,
    names: Weekdays,
}

impl Default for DocCache {
    fn default() -> Self {
        DocCache {
            docs: VecDeque::new(),
            painter: Painter::new(Wait::PerFence(COLOUR_WAIT)),
            seen: 0,
            names: Weekdays::default(),
        }
    }
}

impl DocCache {
    /// The document `id` at `width`, if laid out.
    pub fn get(&self, id: DocId, width: u16) -> Option<&Doc> {
        let width = layout_width(width);
        self.docs.iter().find(|d| d.id == id && d.width == width)
    }

    /// The most recently used layout of `id`, at any width.
    pub fn latest(&self, id: DocId) -> Option<&Doc> {
        self.docs.iter().find(|d| d.id == id)
    }

    /// Lays out `id` at `width` unless it already is, and keeps it as the
    /// most recent.
    pub fn ensure(&mut self, nb: &Notebook, id: DocId, width: u16, md: &MdStyles) -> &Doc {
        let w = layout_width(width);
        let doc = match self.docs.iter().position(|d| d.id == id && d.width == w) {
            Some(i) => self
                .docs
                .remove(i)
                .unwrap_or_else(|| Doc::build(nb, id, w, md, &self.painter, self.names)),
            None => Doc::build(nb, id, w, md, &self.painter, self.names),
        };
        self.docs.push_front(doc);
        self.docs.truncate(CACHE_SIZE);
        &self.docs[0]
    }

    /// Forgets every document (the styles changed).
    pub fn clear(&mut self) {
        self.docs.clear();
    }

    /// Days are shown with `names` from now on (the notes changed).
    pub fn set_weekdays(&mut self, names: Weekdays) {
        if self.names != names {
            self.names = names;
            self.docs.clear();
        }
    }

    /// What colours code.
    pub fn painter(&self) -> &Painter {
        &self.painter
    }

    /// True when code colours have come since this was last asked: the
    /// documents kept may lack them.
    pub fn colours_changed(&mut self) -> bool {
        let now = self.painter.generation();
        std::mem::replace(&mut self.seen, now) != now
    }

    /// True while code is still being coloured.
    pub fn colouring(&self) -> bool {
        self.painter.busy()
    }
}
