//! Search across the whole notebook: day preambles, topic and section
//! titles, bodies: the text as it is in the file, line by line as grep sees
//! it.
//!
//! ```text
//! Query ─► Matcher ─┐            (literal: memmem; regex: the regex crate)
//! Notebook ─► Index ┴► Vec<Hit> ─► group::rows   (day › topic › section)
//!                   (each hit: source line, line number, node)
//! Notebook ─► fuzzy::entries ─► Ranker::rank      (the title picker)
//! ```
//!
//! [`fold`] keeps a case-folded copy with the original's byte offsets, so a
//! case-insensitive literal is one `memmem` scan; [`worker`] runs searches
//! on a thread, a slice at a time, so that a newer query stops an older one.
//! Nothing here knows about terminals.

pub mod fold;
pub mod fuzzy;
pub mod group;
pub mod index;
pub mod matcher;
pub mod pinyin;
pub mod rank_worker;
pub mod stream;
pub mod walk;
pub mod worker;

pub use index::{Hit, Index, count_lines};
pub use matcher::{Case, Matcher, Query, QueryError, Syntax};

use crate::notes::Notebook;
use crate::outline::{NodeId, section_path};

/// Every hit of `query` in `nb`, in outline order: a one-call search for
/// callers that search once.
pub fn search(nb: &Notebook, query: &Query) -> Result<Vec<Hit>, QueryError> {
    let m = Matcher::new(query)?;
    Ok(Index::streaming(nb).search(nb, &m))
}

/// The names of the place of `node`, outermost first, as the command line
/// prints them: `["8.23", "2.服务器发送事件SSE", "特点"]`. Titles are as in
/// the model (not yet made safe to print).
pub fn place_names(nb: &Notebook, node: NodeId) -> Vec<String> {
    let Some(day) = nb.days.get(node.day_index()) else {
        return Vec::new();
    };
    let mut out = vec![day.name().to_string()];
    let Some(topic) = node.topic_index().and_then(|t| day.topics.get(t)) else {
        return out;
    };
    out.push(match topic.number {
        Some(n) => format!("{n}.{}", topic.title()),
        None => topic.title().to_string(),
    });
    if let Some(k) = node.section_index() {
        out.extend(
            section_path(topic, k)
                .iter()
                .map(|s| topic.section_title(s).to_string()),
        );
    }
    out
}

/// The nodes that show a hit ([`Hit::shown_in`]), with every ancestor of
/// each (a section's enclosing sections, its topic, its day), sorted and
/// without repeats: what a filtered outline keeps.
pub fn kept_nodes(nb: &Notebook, hits: &[Hit]) -> Vec<NodeId> {
    let mut out: Vec<NodeId> = Vec::new();
    let mut last = None;
    for node in hits.iter().filter_map(|h| h.shown_in(nb)) {
        if last == Some(node) {
            continue;
        }
        last = Some(node);
        out.push(node.day_id());
        if let Some(topic) = node.topic_id() {
            out.push(topic);
        }
        if let (Some(t), Some(k)) = (node.topic_index(), node.section_index()) {
            let d = node.day_index();
            let sections = nb
                .days
                .get(d)
                .and_then(|day| day.topics.get(t))
                .map_or(&[][..], crate::notes::Topic::sections);
            let mut at = Some(k);
            while let Some(i) = at {
                out.push(NodeId::section(d, t, i));
                at = sections.get(i).and_then(|s| s.parent());
            }
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::from_text;

    fn seed() -> Notebook {
        from_text("seed", crate::SAMPLE.to_string())
    }

    #[test]
    fn a_search_finds_titles_tables_and_code() {
        let nb = seed();
        let lines = |q: &str| -> Vec<usize> {
            search(&nb, &Query::literal(q))
                .unwrap()
                .iter()
                .map(|h| h.line)
                .collect()
        };
        // a topic title, its body and a table row
        assert_eq!(lines("SSE"), [115, 116, 128]);
        // a section title (the bold heading line)
        assert_eq!(lines("特点"), [118]);
        // inside the table: cells between pipes
        assert_eq!(lines("| WebSocket|"), [129]);
    }

    #[test]
    fn a_match_inside_a_code_block_is_found_and_placed() {
        let text = "8.22:\n    1.配置\n        **示例**：\n        ```yaml\n        retry: 3  # 重试\n        ```\n";
        let nb = from_text("t.txt", text.to_string());
        let hits = search(&nb, &Query::literal("重试")).unwrap();
        assert_eq!(hits.len(), 1);
        assert_eq!(hits[0].line, 5);
        assert_eq!(
            place_names(&nb, hits[0].node.unwrap()),
            ["8.22", "1.配置", "示例"]
        );
        // several hits on one line are one hit, with every match found again
        let hits = search(&nb, &Query::literal("r")).unwrap();
        assert_eq!(hits.len(), 1);
        let m = Matcher::new(&Query::literal("r")).unwrap();
        assert_eq!(m.find_all(hits[0].text(&nb)).len(), 2);
    }

    #[test]
    fn place_names_read_like_the_notes() {
        let nb = seed();
        let hits = search(&nb, &Query::literal("单向通信")).unwrap();
        let names = place_names(&nb, hits[0].node.unwrap());
        assert_eq!(names, ["8.23", "2.服务器发送事件SSE", "特点"]);
    }

    #[test]
    fn kept_nodes_hold_the_hits_and_their_parents() {
        let nb = seed();
        // `负载均衡` is under 8.22 › 3 › 预防服务中断的策略 › 1. 高可用架构,
        // and in 8.23 › 3 (body, no section).
        let hits = search(&nb, &Query::literal("负载均衡")).unwrap();
        let kept = kept_nodes(&nb, &hits);
        let names: Vec<Vec<String>> = kept.iter().map(|&n| place_names(&nb, n)).collect();
        assert_eq!(
            names.iter().map(|n| n.join(" › ")).collect::<Vec<_>>(),
            [
                "8.22",
                "8.22 › 3.如何保证服务器的服务不中断，中断了如何处理",
                "8.22 › 3.如何保证服务器的服务不中断，中断了如何处理 › 预防服务中断的策略",
                "8.22 › 3.如何保证服务器的服务不中断，中断了如何处理 › 预防服务中断的策略 › 1. 高可用架构",
                "8.23",
                "8.23 › 3.容器化部署能够实现服务不中断主要是通过以下几个核心机制",
            ]
        );
    }
}
