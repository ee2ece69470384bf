//! What a content document adds for links: where each link of its text is
//! drawn (row and column, for `f` to number it), the "Linked from" list of
//! a day or topic with its folded unlinked mentions, and the tags of a
//! heading, dimmed after it.
//!
//! ```text
//! Ports                              #net/tcp    heading, its tags dimmed
//! Back to Congestion control and …               a link: row 1, column 8
//!
//! Linked from
//!   ← 2024-01-08 › Ports                         each one a link too
//! ▸ Unlinked mentions                            unfolds when followed
//! ```

use std::sync::Arc;

use ratatui::text::{Line, Span};

use super::jump::{DocLink, Jump};
use super::marks::Marks;
use crate::theme::MdStyles;
use daynotes_core::links::{Mention, Target};
use daynotes_core::notes::Notebook;
use daynotes_core::outline::NodeId;
use daynotes_core::search::place_names;

/// What documents are laid out with besides the notes: the marks once
/// built, and the unlinked mentions unfolded so far.
#[derive(Debug, Clone, Default)]
pub struct Extras {
    /// Links and tags, once built.
    pub marks: Option<Arc<Marks>>,
    /// Unlinked mentions looked up, by node.
    pub mentions: Vec<(NodeId, Vec<Mention>)>,
}

/// The links of a body laid out from `text` (dedented) at row `offset`:
/// each found in the rows of its line by its text.
pub(super) fn in_body(
    text: &str,
    offset: usize,
    source_rows: &[usize],
    lines: &[Line<'static>],
    source: usize,
    day: Option<usize>,
) -> Vec<DocLink> {
    let mut out = Vec::new();
    let mut last: Option<(usize, usize, usize)> = None;
    for (i, w) in daynotes_core::links::in_text(text, 0) {
        let Some(&first) = source_rows.get(i) else {
            continue;
        };
        let end = source_rows
            .get(i + 1)
            .copied()
            .unwrap_or(first + 1)
            .max(first + 1);
        let jump = Jump::Link {
            target: Target::of(&w.dest, w.wiki),
            source,
            day,
        };
        // After the link before on the same line, if any.
        let (row, from) = match last {
            Some((line, r, at)) if line == i => (r, at),
            _ => (offset + first, 0),
        };
        // The whole text, else its start (a link wrapped over two rows).
        let start: String = w.text.chars().take(8).collect();
        let mut place = None;
        'found: for wanted in [w.text.as_str(), start.as_str()] {
            let (mut row, mut from) = (row, from);
            while row < offset + end && row < lines.len() {
                let shown = lines[row].to_string();
                if let Some(at) = shown.get(from..).and_then(|s| s.find(wanted)) {
                    place = Some((row, from + at));
                    break 'found;
                }
                row += 1;
                from = 0;
            }
        }
        let (row, at) = place.unwrap_or((offset + first, 0));
        let shown = lines.get(row).map(ToString::to_string).unwrap_or_default();
        let col = crate::text::width(shown.get(..at).unwrap_or_default());
        last = Some((i, row, at + w.text.len()));
        out.push(DocLink {
            row,
            col: u16::try_from(col).unwrap_or(u16::MAX),
            jump,
        });
    }
    out
}

/// The "Linked from" rows of `node` (from row `start` on), with a link on
/// each; `own` for the node the document is of, which always offers its
/// unlinked mentions.
pub(super) fn linked_from(
    nb: &Notebook,
    node: NodeId,
    own: bool,
    extras: &Extras,
    md: &MdStyles,
    start: usize,
) -> (Vec<Line<'static>>, Vec<DocLink>) {
    let mut rows = Vec::new();
    let mut links = Vec::new();
    let Some(marks) = &extras.marks else {
        return (rows, links);
    };
    let back = marks.links.to(node);
    let mentionable = own && daynotes_core::links::mention_title(nb, node).is_some();
    if back.is_empty() && !mentionable {
        return (rows, links);
    }
    let name = |id: NodeId| crate::label::clean(&place_names(nb, id).join(" › "));
    rows.push(Line::default());
    if !back.is_empty() {
        rows.push(Line::styled("Linked from", md.quote));
        for l in back {
            links.push(DocLink {
                row: start + rows.len(),
                col: 0,
                jump: Jump::Node(l.node),
            });
            rows.push(Line::from(vec![
                Span::styled("  ← ", md.bullet),
                Span::styled(name(l.node), md.link),
            ]));
        }
    }
    let unfolded = extras.mentions.iter().find(|(n, _)| *n == node);
    match unfolded {
        None if !mentionable => {}
        None => {
            links.push(DocLink {
                row: start + rows.len(),
                col: 0,
                jump: Jump::Mentions(node),
            });
            rows.push(Line::styled("▸ Unlinked mentions", md.quote));
        }
        Some((_, found)) => {
            rows.push(Line::styled(
                format!("▾ Unlinked mentions ({})", found.len()),
                md.quote,
            ));
            for m in found {
                links.push(DocLink {
                    row: start + rows.len(),
                    col: 0,
                    jump: Jump::Node(m.node),
                });
                rows.push(Line::from(vec![
                    Span::styled("  · ", md.bullet),
                    Span::styled(name(m.node), md.link),
                ]));
            }
        }
    }
    (rows, links)
}

/// `node`'s own tags that its title does not already show, as a dimmed
/// span to put after its heading.
pub(super) fn tags_after(
    extras: &Extras,
    node: NodeId,
    title: &str,
    md: &MdStyles,
) -> Option<Span<'static>> {
    let marks = extras.marks.as_ref()?;
    let lower = title.to_lowercase();
    let tags: Vec<String> = marks
        .tags
        .own(node)
        .filter(|t| !lower.contains(&format!("#{}", t.to_lowercase())))
        .map(|t| format!("#{}", crate::label::clean(t)))
        .collect();
    (!tags.is_empty()).then(|| Span::styled(format!("  {}", tags.join(" ")), md.url))
}
