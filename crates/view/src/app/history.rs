//! Where the user has been: every jump (a date, a search hit, the picker,
//! the calendar, day and topic stepping) leaves the place it started from
//! here; Ctrl-O goes back and Ctrl-I forward, as in vim.
//!
//! ```text
//!   back: [8.22, 8.23/2]   here: 8.30   forward: []
//!   Ctrl-O →  back: [8.22]   here: 8.23/2   forward: [8.30]
//! ```

use super::Tone;
use super::{App, DocId, Pane};
use crate::action::Dir;
use daynotes_core::outline::NodeId;

/// The most places kept each way.
const LIMIT: usize = 200;

/// A place to come back to: the node, the page the content pane showed
/// (a day's page while a topic of it is selected, say) and its first row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Spot {
    /// The selected node.
    pub node: NodeId,
    /// The page shown.
    pub doc: Option<DocId>,
    /// The content pane's scroll.
    pub scroll: usize,
}

/// The places behind and ahead.
#[derive(Debug, Clone, Default)]
pub struct History {
    back: Vec<Spot>,
    forward: Vec<Spot>,
}

impl History {
    /// A jump leaves `from`: remember it, and forget the places ahead.
    pub fn leave(&mut self, from: Spot) {
        if self.back.last() != Some(&from) {
            self.back.push(from);
            if self.back.len() > LIMIT {
                self.back.remove(0);
            }
        }
        self.forward.clear();
    }

    /// Going back from `here`: the place to show, if any.
    pub fn back(&mut self, here: Spot) -> Option<Spot> {
        let to = self.back.pop()?;
        self.forward.push(here);
        Some(to)
    }

    /// Going forward from `here`: the place to show, if any.
    pub fn forward(&mut self, here: Spot) -> Option<Spot> {
        let to = self.forward.pop()?;
        self.back.push(here);
        Some(to)
    }

    /// How many places are behind and ahead.
    pub fn depth(&self) -> (usize, usize) {
        (self.back.len(), self.forward.len())
    }
}

impl App {
    /// Where the user is now, for the history.
    fn spot(&self) -> Option<Spot> {
        Some(Spot {
            node: self.selected()?,
            doc: self.view.doc,
            scroll: self.view.scroll,
        })
    }

    /// Before a jump: remember where it starts.
    pub(super) fn remember(&mut self) {
        if let Some(here) = self.spot() {
            self.history.leave(here);
        }
    }

    /// Ctrl-O (back) or Ctrl-I: the place before or after in the history.
    pub(super) fn retrace(&mut self, dir: Dir) {
        let Some(here) = self.spot() else { return };
        let to = match dir {
            Dir::Back => self.history.back(here),
            Dir::Forward => self.history.forward(here),
        };
        let Some(to) = to else {
            let end = match dir {
                Dir::Back => "oldest",
                Dir::Forward => "newest",
            };
            return self.say(format!("at the {end} place in the history"), Tone::Info);
        };
        if self.outline.select(&self.notebook, to.node) {
            self.show_selection();
        }
        if let Some(doc) = to.doc
            && self.view.doc != Some(doc)
        {
            self.view.doc = Some(doc);
            self.view.highlight = None;
            let width = self.content_width();
            self.docs.ensure(&self.notebook, doc, width, &self.theme.md);
        }
        let max = self.doc().map_or(0, |d| d.lines.len().saturating_sub(1));
        self.view.scroll = to.scroll.min(max);
        if to.scroll > 0 {
            self.focus = Pane::Content;
        }
        let (behind, ahead) = self.history.depth();
        self.say(
            format!("history: {behind} back, {ahead} forward"),
            Tone::Info,
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(day: usize) -> Spot {
        Spot {
            node: NodeId::day(day),
            doc: Some(DocId::Day(day)),
            scroll: 0,
        }
    }

    #[test]
    fn back_and_forward_retrace_the_jumps() {
        let mut h = History::default();
        h.leave(at(0)); // 0 → 1
        h.leave(at(1)); // 1 → 2
        assert_eq!(h.back(at(2)), Some(at(1)));
        assert_eq!(h.back(at(1)), Some(at(0)));
        assert_eq!(h.back(at(0)), None);
        assert_eq!(h.forward(at(0)), Some(at(1)));
        assert_eq!(h.forward(at(1)), Some(at(2)));
        assert_eq!(h.forward(at(2)), None);
        // A new jump from the middle drops what was ahead.
        assert_eq!(h.back(at(2)), Some(at(1)));
        h.leave(at(1)); // 1 → 5
        assert_eq!(h.depth(), (2, 0));
    }
}
