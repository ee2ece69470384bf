//! Where a link drawn in a document goes: the type the document, its
//! "Linked from" rows and the link hints share, kept apart so that none of
//! them imports another for it.

use daynotes_core::outline::NodeId;

/// Where following a link of a document goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Jump {
    /// A link of the notes, resolved when followed.
    Link {
        /// What it names.
        target: daynotes_core::links::Target,
        /// The source it is written in.
        source: usize,
        /// The day it is written in.
        day: Option<usize>,
    },
    /// A day, topic or section ("Linked from", a mention).
    Node(NodeId),
    /// Unfold the unlinked mentions of this node.
    Mentions(NodeId),
}

/// A link drawn in a document: its row, its first column, where it goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocLink {
    /// The row.
    pub row: usize,
    /// The column its text starts at.
    pub col: u16,
    /// Where it goes.
    pub jump: Jump,
}
