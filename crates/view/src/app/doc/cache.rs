//! The documents laid out lately, kept so that going back to one, or
//! drawing the same one again, lays nothing out.

use std::collections::VecDeque;

use super::super::doc_links::Extras;
use super::{CACHE_SIZE, COLOUR_WAIT, Doc, DocId, layout_width};
use crate::label::Weekdays;
use crate::markdown::{Painter, Wait};
use crate::theme::MdStyles;
use daynotes_core::notes::Notebook;
use daynotes_core::outline::NodeId;

/// Recently laid-out documents, the most recent first, the painter that
/// colours their code, the weekday names their days are shown with and
/// the backlinks, tags and mentions they show.
#[derive(Debug, Clone)]
pub struct DocCache {
    docs: VecDeque<Doc>,
    painter: Painter,
    /// Backlinks, tags and unfolded mentions the documents show.
    extras: Extras,
    /// The painter's generation when last asked.
    seen: u64,
    names: Weekdays,
}

impl Default for DocCache {
    fn default() -> Self {
        DocCache {
            docs: VecDeque::new(),
            painter: Painter::new(Wait::PerFence(COLOUR_WAIT)),
            extras: Extras::default(),
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
            Some(i) => self.docs.remove(i).unwrap_or_else(|| {
                Doc::build(nb, id, w, md, &self.painter, self.names, &self.extras)
            }),
            None => Doc::build(nb, id, w, md, &self.painter, self.names, &self.extras),
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

    /// What documents are laid out with besides the notes.
    pub fn extras(&self) -> &Extras {
        &self.extras
    }

    /// Lays documents out with `marks` from now on (new notes: none yet,
    /// and no mentions unfolded).
    pub fn set_marks(&mut self, marks: Option<std::sync::Arc<super::super::marks::Marks>>) {
        self.extras = Extras {
            marks,
            mentions: Vec::new(),
        };
        self.docs.clear();
    }

    /// Shows the unlinked mentions of `node`, unfolded.
    pub fn set_mentions(&mut self, node: NodeId, found: Vec<daynotes_core::links::Mention>) {
        self.extras.mentions.retain(|(n, _)| *n != node);
        self.extras.mentions.push((node, found));
        self.docs.clear();
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
