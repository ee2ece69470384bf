//! The unlinked mentions of many nodes at once, the text read once for all
//! of them: `show` of a date that a year-less file of many years holds four
//! hundred times asks for twelve hundred titles, and a search of the whole
//! text for each took a minute on 100 MB.
//!
//! ```text
//! titles ─ folded ─ one automaton ─┐
//! text ─ a slice at a time, folded ─┴─ every title in every line ─ placed
//!        ─ per node: as mentions() keeps them (not inside, not linking, one a place)
//! ```

use aho_corasick::AhoCorasick;

use super::{Links, MAX_MENTIONS, Mention, mention_title};
use crate::notes::Notebook;
use crate::outline::NodeId;
use crate::search::fold::fold_into;
use crate::search::index::Cursor;
use crate::search::index::slice_end;
use crate::search::{Hit, walk};

/// Text folded and searched at a time.
const SLICE: usize = 1 << 20;

/// [`super::mentions()`] of each of `nodes`, in order.
pub fn mentions_of(nb: &Notebook, nodes: &[NodeId], links: &Links) -> Vec<Vec<Mention>> {
    // Each node's title, folded as a case-insensitive search folds it;
    // nodes of one title share a pattern.
    let mut patterns: Vec<Vec<u8>> = Vec::new();
    let mut pattern_of: Vec<Option<usize>> = Vec::with_capacity(nodes.len());
    let mut folded = Vec::new();
    for &node in nodes {
        pattern_of.push(mention_title(nb, node).map(|title| {
            fold_into(&title, &mut folded);
            match patterns.iter().position(|p| *p == folded) {
                Some(i) => i,
                None => {
                    patterns.push(folded.clone());
                    patterns.len() - 1
                }
            }
        }));
    }
    let Some(found) = lines_holding(nb, &patterns) else {
        return nodes.iter().map(|_| Vec::new()).collect();
    };
    nodes
        .iter()
        .zip(pattern_of)
        .map(|(&node, p)| p.map_or_else(Vec::new, |p| keep(node, &found[p], links)))
        .collect()
}

/// For each pattern, the lines whose folded text holds it, placed and in
/// outline order as a search gives them; `None` when the automaton cannot
/// be built (no patterns).
fn lines_holding(nb: &Notebook, patterns: &[Vec<u8>]) -> Option<Vec<Vec<Hit>>> {
    if patterns.is_empty() {
        return None;
    }
    let ac = AhoCorasick::new(patterns).ok()?;
    let mut found: Vec<Vec<Hit>> = vec![Vec::new(); patterns.len()];
    let mut buf = Vec::new();
    for (source, s) in nb.sources.iter().enumerate() {
        let text = s.text.as_str();
        let bytes = text.as_bytes();
        // Every title found in the source, in text order, with its pattern.
        let mut hits: Vec<Hit> = Vec::new();
        let mut which: Vec<usize> = Vec::new();
        // The last line each pattern was found on: one hit a line.
        let mut last: Vec<Option<usize>> = vec![None; patterns.len()];
        let mut cursor = Cursor::default();
        let mut at = 0;
        while at < text.len() {
            let end = slice_end(text, at, SLICE);
            fold_into(&text[at..end], &mut buf);
            for m in ac.find_overlapping_iter(&buf) {
                let p = m.pattern().as_usize();
                // Matches come by where they end, and none crosses a line:
                // their lines come in order.
                let hit = walk::hit_at(bytes, source, at + m.start()..at + m.end(), &mut cursor);
                if last[p] == Some(hit.line_start) {
                    continue;
                }
                last[p] = Some(hit.line_start);
                hits.push(hit);
                which.push(p);
            }
            at = end;
        }
        walk::place_in_text_order(nb, source, &mut hits);
        for (hit, p) in hits.into_iter().zip(which) {
            found[p].push(hit);
        }
    }
    for hits in &mut found {
        crate::search::index::sort(hits);
    }
    Some(found)
}

/// The mentions of `node` among `hits` (the lines holding its title), as
/// [`super::mentions()`] keeps them.
pub(super) fn keep(node: NodeId, hits: &[Hit], links: &Links) -> Vec<Mention> {
    let linking: Vec<NodeId> = links.to(node).iter().map(|l| l.node).collect();
    let inside = |n: NodeId| match node.topic_id() {
        None => n.day_id() == node,
        Some(t) => n.topic_id() == Some(t),
    };
    let mut out: Vec<Mention> = Vec::new();
    for hit in hits {
        let Some(at) = hit.node else { continue };
        if inside(at) || linking.contains(&at) || out.iter().any(|m| m.node == at) {
            continue;
        }
        out.push(Mention {
            node: at,
            source: hit.source,
            line: hit.line,
        });
        if out.len() == MAX_MENTIONS {
            break;
        }
    }
    out
}
