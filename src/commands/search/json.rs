//! `search --json`: one document, its hits made a block at a time on every
//! thread and written in order.

use std::fmt::Write as _;
use std::io::Write;
use std::ops::Range;

use super::push_number;
use crate::export::json::string;
use crate::notes::Notebook;
use crate::outline::NodeId;
use crate::search::{self, Hit, Matcher, Mode};

/// Hits made into text at a time by one thread.
const BLOCK: usize = 4096;

/// Writes the `--json` document: the query, the count, every hit, as
/// serde_json's pretty printer wrote it (the tests hold it to the same
/// bytes), the hits a block at a time on every thread.
///
/// ```text
/// { "query", "regex", "ignore_case", "count",
///   "hits": [ { "file", "line", "day", "topic", "place": [..], "text",
///               "matches": [[start, end], ..] } ] }
/// ```
pub fn write_json(
    nb: &Notebook,
    m: &Matcher,
    hits: &[Hit],
    w: &mut dyn Write,
) -> anyhow::Result<()> {
    let query = m.query();
    let mut head = String::from("{\n  \"query\": ");
    string(&mut head, &query.text);
    let _ = write!(
        head,
        ",\n  \"regex\": {},\n  \"ignore_case\": {},\n  \"count\": {},\n  \"hits\": ",
        query.mode == Mode::Regex,
        query.ignores_case(),
        hits.len()
    );
    head.push_str(if hits.is_empty() { "[]" } else { "[" });
    w.write_all(head.as_bytes())?;
    let blocks: Vec<&[Hit]> = hits.chunks(BLOCK).collect();
    crate::blocks::write_in_order(
        blocks.len(),
        |b, buf| {
            let (mut folded, mut ranges) = (Vec::new(), Vec::new());
            let mut parts = Parts::default();
            for (i, h) in blocks[b].iter().enumerate() {
                buf.push_str(if b == 0 && i == 0 { "\n" } else { ",\n" });
                hit_json(buf, nb, m, h, &mut parts, &mut folded, &mut ranges);
            }
        },
        w,
    )?;
    w.write_all(if hits.is_empty() {
        b"\n}\n"
    } else {
        b"\n  ]\n}\n"
    })?;
    Ok(())
}

/// What a hit's JSON takes from its file and node, kept from one hit to
/// the next: most hits share them with the hit before.
#[derive(Default)]
struct Parts {
    /// `source`'s path as a JSON string.
    file: Option<(usize, String)>,
    /// `"day"` to the end of `"place"`, of `(source, node)`.
    node: Option<(usize, Option<NodeId>, String)>,
}

impl Parts {
    fn file(&mut self, nb: &Notebook, source: usize) -> &str {
        if self.file.as_ref().is_none_or(|(s, _)| *s != source) {
            let mut text = String::new();
            string(&mut text, &nb.sources[source].path);
            self.file = Some((source, text));
        }
        self.file.as_ref().map_or("", |(_, t)| t)
    }

    fn node(&mut self, nb: &Notebook, source: usize, node: Option<NodeId>) -> &str {
        if self
            .node
            .as_ref()
            .is_none_or(|&(s, n, _)| (s, n) != (source, node))
        {
            let mut text = String::new();
            node_json(&mut text, nb, node);
            self.node = Some((source, node, text));
        }
        self.node.as_ref().map_or("", |(_, _, t)| t)
    }
}

/// `,\n      "day": …` to the end of `"place"`, for a hit in `node`.
fn node_json(out: &mut String, nb: &Notebook, node: Option<NodeId>) {
    out.push_str(",\n      \"day\": ");
    match node {
        Some(n) => {
            let _ = write!(out, "\"{}\"", nb.days[n.day_index()].date);
        }
        None => out.push_str("null"),
    }
    out.push_str(",\n      \"topic\": ");
    let topic = node.and_then(|n| {
        let t = n.topic_index()?;
        nb.days[n.day_index()].topics[t].number
    });
    match topic {
        Some(t) => {
            let _ = write!(out, "{t}");
        }
        None => out.push_str("null"),
    }
    out.push_str(",\n      \"place\": ");
    let place = node.map(|n| search::place_names(nb, n)).unwrap_or_default();
    if place.is_empty() {
        out.push_str("[]");
    } else {
        for (i, name) in place.iter().enumerate() {
            out.push_str(if i == 0 { "[\n        " } else { ",\n        " });
            string(out, name);
        }
        out.push_str("\n      ]");
    }
}

/// One hit of the `--json` document, at the indentation of an item of
/// `hits`.
fn hit_json(
    out: &mut String,
    nb: &Notebook,
    m: &Matcher,
    h: &Hit,
    parts: &mut Parts,
    folded: &mut Vec<u8>,
    ranges: &mut Vec<Range<usize>>,
) {
    let text = h.text(nb);
    out.push_str("    {\n      \"file\": ");
    out.push_str(parts.file(nb, h.source));
    out.push_str(",\n      \"line\": ");
    push_number(out, h.line);
    out.push_str(parts.node(nb, h.source, h.node));
    out.push_str(",\n      \"text\": ");
    string(out, text);
    out.push_str(",\n      \"matches\": ");
    m.find_all_into(text, folded, ranges);
    if ranges.is_empty() {
        out.push_str("[]");
    } else {
        for (i, r) in ranges.iter().enumerate() {
            out.push_str(if i == 0 { "[\n" } else { ",\n" });
            out.push_str("        [\n          ");
            push_number(out, r.start);
            out.push_str(",\n          ");
            push_number(out, r.end);
            out.push_str("\n        ]");
        }
        out.push_str("\n      ]");
    }
    out.push_str("\n    }");
}
