//! Where the user has been: every jump (a date, a search hit, the picker,
//! the calendar, day and topic stepping) leaves the place it started from
//! here; Ctrl-O goes back and Ctrl-I forward, as in vim.
//!
//! ```text
//!   back: [8.22, 8.23/2]   here: 8.30   forward: []
//!   Ctrl-O →  back: [8.22]   here: 8.23/2   forward: [8.30]
//! ```

use crate::outline::NodeId;

/// The most places kept each way.
const LIMIT: usize = 200;

/// A place to come back to: the node and the content pane's first row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Spot {
    /// The selected node.
    pub node: NodeId,
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

#[cfg(test)]
mod tests {
    use super::*;

    fn at(day: usize) -> Spot {
        Spot {
            node: NodeId::day(day),
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
