//! The outline: the notebook's tree of days › topics › sections flattened
//! into the rows the outline pane shows, with folds and a selection.
//!
//! Design: the visible rows are a plain `Vec<Row>` rebuilt only when folds
//! change (a single fold or unfold splices its children in or out), so moving
//! the selection and drawing a frame never walk the notebook. Days and topics
//! fold; sections always show under an open topic, nested as the parser
//! nested them. The selection is an index into the rows, and every row
//! carries a stable [`NodeId`]: ids sort in document order, so finding a node
//! among the rows is a binary search. Nothing here knows about terminals.
mod nav;
mod node;
mod place;

pub use nav::{keep_in_view, next_topic, parent, prev_topic};
pub use node::{NodeId, exists, section_path, weekday};
pub use place::Place;

use crate::notes::Notebook;

/// Whether a row can fold, and how it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fold {
    /// No children.
    Leaf,
    /// Children shown below.
    Open,
    /// Children hidden.
    Closed,
}

/// One visible line of the outline.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Row {
    /// The node shown.
    pub id: NodeId,
    /// Nesting depth: 0 for days, 1 for topics, 2 and more for sections.
    pub depth: u16,
    /// Its fold state.
    pub fold: Fold,
}

/// The foldable, flattened tree and its selection.
#[derive(Debug, Clone, Default)]
pub struct Outline {
    rows: Vec<Row>,
    selected: usize,
    open_days: Vec<bool>,
    /// Per day, per topic: open. A day's list is empty until one opens.
    open_topics: Vec<Vec<bool>>,
    /// When set, only these nodes are shown (sorted; a search filter keeps
    /// the nodes holding a hit and their parents).
    keep: Option<Vec<NodeId>>,
}

impl Outline {
    /// The outline of `nb` with every day open, every topic closed and the
    /// first day selected.
    pub fn new(nb: &Notebook) -> Self {
        let mut outline = Outline {
            rows: Vec::new(),
            selected: 0,
            open_days: vec![true; nb.days.len()],
            open_topics: Vec::new(),
            keep: None,
        };
        outline.rebuild(nb);
        outline
    }

    /// The visible rows, top to bottom.
    pub fn rows(&self) -> &[Row] {
        &self.rows
    }

    /// Index of the selected row (0 when there are no rows).
    pub fn selected_index(&self) -> usize {
        self.selected
    }

    /// The selected node, `None` for an empty notebook.
    pub fn selected(&self) -> Option<NodeId> {
        self.rows.get(self.selected).map(|r| r.id)
    }

    /// Index of the row showing `id`, if it is visible.
    pub fn position(&self, id: NodeId) -> Option<usize> {
        self.rows.binary_search_by(|r| r.id.cmp(&id)).ok()
    }

    /// Selects row `index`, clamped to the rows.
    pub fn select_index(&mut self, index: usize) {
        self.selected = index.min(self.rows.len().saturating_sub(1));
    }

    /// Moves the selection by `delta` rows, stopping at either end.
    pub fn move_by(&mut self, delta: isize) {
        self.select_index(self.selected.saturating_add_signed(delta));
    }

    /// True when `id` is open (its children are shown).
    pub fn is_open(&self, id: NodeId) -> bool {
        match id.topic_index() {
            None => self.open_days.get(id.day_index()).copied().unwrap_or(false),
            Some(_) if id.section_index().is_some() => false,
            Some(t) => self
                .open_topics
                .get(id.day_index())
                .and_then(|day| day.get(t))
                .copied()
                .unwrap_or(false),
        }
    }

    /// Selects `id`, opening its day and topic when they hide it. Returns
    /// false (and changes nothing) when `id` is not in the notebook.
    pub fn select(&mut self, nb: &Notebook, id: NodeId) -> bool {
        if !exists(nb, id) {
            return false;
        }
        // Open what hides it, outermost first, splicing children in rather
        // than rebuilding every row.
        let hiding = [Some(id.day_id()), id.section_index().and(id.topic_id())];
        for above in hiding.into_iter().flatten().filter(|&a| a != id) {
            if !self.is_open(above)
                && let Some(i) = self.position(above)
            {
                self.selected = i;
                self.expand(nb);
            }
        }
        match self.position(id) {
            Some(i) => {
                self.selected = i;
                true
            }
            None => false,
        }
    }

    /// Opens the selected row. Returns false when it is a leaf or already
    /// open.
    pub fn expand(&mut self, nb: &Notebook) -> bool {
        let Some(row) = self.rows.get(self.selected).copied() else {
            return false;
        };
        if row.fold != Fold::Closed {
            return false;
        }
        self.set_open(row.id, true);
        let mut children = Vec::new();
        self.push_children(nb, row.id, &mut children);
        let at = self.selected + 1;
        self.rows[self.selected].fold = Fold::Open;
        self.rows.splice(at..at, children);
        true
    }

    /// Closes the selected row. Returns false when it is a leaf or already
    /// closed.
    pub fn collapse(&mut self) -> bool {
        let Some(row) = self.rows.get(self.selected).copied() else {
            return false;
        };
        if row.fold != Fold::Open {
            return false;
        }
        self.set_open(row.id, false);
        let end = self.subtree_end(self.selected);
        self.rows[self.selected].fold = Fold::Closed;
        self.rows.drain(self.selected + 1..end);
        true
    }

    /// Opens or closes the selected row. Returns false on a leaf.
    pub fn toggle(&mut self, nb: &Notebook) -> bool {
        self.collapse() || self.expand(nb)
    }

    /// `h`: closes the selected row if open, else selects its parent.
    /// Returns false when nothing changed (a closed day or a leaf day).
    pub fn left(&mut self) -> bool {
        if self.collapse() {
            return true;
        }
        let Some(depth) = self.rows.get(self.selected).map(|r| r.depth) else {
            return false;
        };
        match self.rows[..self.selected]
            .iter()
            .rposition(|r| r.depth < depth)
        {
            Some(p) => {
                self.selected = p;
                true
            }
            None => false,
        }
    }

    /// `l`: opens the selected row if closed, else selects its first child.
    /// Returns false on a leaf.
    pub fn right(&mut self, nb: &Notebook) -> bool {
        if self.expand(nb) {
            return true;
        }
        let Some(row) = self.rows.get(self.selected) else {
            return false;
        };
        if row.fold == Fold::Open {
            self.selected += 1;
            return true;
        }
        false
    }

    /// Closes every day and topic; the selection moves to its day.
    pub fn fold_all(&mut self, nb: &Notebook) {
        let day = self.selected().map(NodeId::day_id);
        self.open_days.iter_mut().for_each(|o| *o = false);
        self.open_topics.clear();
        self.open_topics.shrink_to_fit();
        self.rebuild(nb);
        if let Some(i) = day.and_then(|d| self.position(d)) {
            self.selected = i;
        }
    }

    /// Opens every day and every topic that has sections; the selection
    /// stays on its node.
    pub fn unfold_all(&mut self, nb: &Notebook) {
        let keep = self.selected();
        self.open_days.iter_mut().for_each(|o| *o = true);
        self.open_topics = nb
            .days
            .iter()
            .map(|day| {
                day.topics
                    .iter()
                    .map(|t| !t.sections().is_empty())
                    .collect()
            })
            .collect();
        self.rebuild(nb);
        if let Some(i) = keep.and_then(|id| self.position(id)) {
            self.selected = i;
        }
    }

    /// Shows only the nodes in `keep` (which must hold the parents of each
    /// node it holds), or every node again with `None`. The selection stays
    /// on its node when it is still shown, else goes to its nearest shown
    /// ancestor.
    pub fn set_filter(&mut self, nb: &Notebook, keep: Option<Vec<NodeId>>) {
        self.keep = keep.map(|mut k| {
            k.sort_unstable();
            k
        });
        self.rebuild(nb);
    }

    /// The nodes shown while a filter is set.
    pub fn filter(&self) -> Option<&[NodeId]> {
        self.keep.as_deref()
    }

    /// False for a node hidden by the filter.
    fn shown(&self, id: NodeId) -> bool {
        self.keep
            .as_ref()
            .is_none_or(|k| k.binary_search(&id).is_ok())
    }

    fn set_open(&mut self, id: NodeId, open: bool) {
        let d = id.day_index();
        if let Some(t) = id.topic_index() {
            if self.open_topics.len() <= d {
                self.open_topics.resize(d + 1, Vec::new());
            }
            let day = &mut self.open_topics[d];
            if day.len() <= t {
                day.resize(t + 1, false);
            }
            day[t] = open;
        } else if let Some(o) = self.open_days.get_mut(d) {
            *o = open;
        }
    }

    /// One past the last row below `i` that is nested under it.
    fn subtree_end(&self, i: usize) -> usize {
        let depth = self.rows[i].depth;
        self.rows[i + 1..]
            .iter()
            .position(|r| r.depth <= depth)
            .map_or(self.rows.len(), |n| i + 1 + n)
    }

    /// Rebuilds every row from the folds, keeping the selected node when it
    /// is still visible, else its nearest visible ancestor.
    fn rebuild(&mut self, nb: &Notebook) {
        let keep = self.selected();
        self.open_days.resize(nb.days.len(), true);
        let mut rows = std::mem::take(&mut self.rows);
        rows.clear();
        for d in 0..nb.days.len() {
            let id = NodeId::day(d);
            if !self.shown(id) {
                continue;
            }
            let row = self.row(nb, id, 0);
            rows.push(row);
            if row.fold == Fold::Open {
                self.push_children(nb, id, &mut rows);
            }
        }
        self.rows = rows;
        self.selected = 0;
        let mut at = keep;
        while let Some(id) = at {
            if let Some(i) = self.position(id) {
                self.selected = i;
                break;
            }
            at = parent(nb, id);
        }
    }

    fn row(&self, nb: &Notebook, id: NodeId, depth: u16) -> Row {
        let has_children = match (id.topic_index(), id.section_index()) {
            (None, _) => !nb.days[id.day_index()].topics.is_empty(),
            (Some(t), None) => !nb.days[id.day_index()].topics[t].sections().is_empty(),
            (Some(_), Some(_)) => false,
        } && self.keep.as_ref().is_none_or(|k| {
            // Ids sort in document order: a kept child comes right after.
            let next = k.partition_point(|&n| n <= id);
            k.get(next).is_some_and(|&n| {
                n.day_index() == id.day_index()
                    && n.topic_index().is_some()
                    && (id.topic_index().is_none() || n.topic_index() == id.topic_index())
            })
        });
        let fold = match (has_children, self.is_open(id)) {
            (false, _) => Fold::Leaf,
            (true, true) => Fold::Open,
            (true, false) => Fold::Closed,
        };
        Row { id, depth, fold }
    }

    /// Appends the visible descendants of the open node `id`.
    fn push_children(&self, nb: &Notebook, id: NodeId, out: &mut Vec<Row>) {
        let d = id.day_index();
        match id.topic_index() {
            None => {
                for t in 0..nb.days[d].topics.len() {
                    let tid = NodeId::topic(d, t);
                    if !self.shown(tid) {
                        continue;
                    }
                    let row = self.row(nb, tid, 1);
                    out.push(row);
                    if row.fold == Fold::Open {
                        self.push_children(nb, tid, out);
                    }
                }
            }
            Some(t) => {
                // Sections are kept in pre-order, each with its depth.
                let keep = self.keep.as_deref();
                for (k, s) in nb.days[d].topics[t].sections().iter().enumerate() {
                    let id = NodeId::section(d, t, k);
                    if keep.is_none_or(|keep| keep.binary_search(&id).is_ok()) {
                        out.push(Row {
                            id,
                            depth: u16::try_from(s.depth() + 2).unwrap_or(u16::MAX),
                            fold: Fold::Leaf,
                        });
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests;
