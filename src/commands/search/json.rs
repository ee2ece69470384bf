//! `search --json`: one document, its hits made a block at a time on every
//! thread and written in order.

use std::fmt::Write as _;
use std::io::Write;
use std::ops::Range;

use crate::notes::Notebook;
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
    use crate::export::json::string;
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
            for (i, h) in blocks[b].iter().enumerate() {
                buf.push_str(if b == 0 && i == 0 { "\n" } else { ",\n" });
                hit_json(buf, nb, m, h, &mut folded, &mut ranges);
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

/// One hit of the `--json` document, at the indentation of an item of
/// `hits`.
fn hit_json(
    out: &mut String,
    nb: &Notebook,
    m: &Matcher,
    h: &Hit,
    folded: &mut Vec<u8>,
    ranges: &mut Vec<Range<usize>>,
) {
    use crate::export::json::string;
    let text = h.text(nb);
    out.push_str("    {\n      \"file\": ");
    string(out, &nb.sources[h.source].path);
    let _ = write!(out, ",\n      \"line\": {},\n      \"day\": ", h.line);
    match h.node {
        Some(n) => {
            let _ = write!(out, "\"{}\"", nb.days[n.day_index()].date);
        }
        None => out.push_str("null"),
    }
    out.push_str(",\n      \"topic\": ");
    let topic = h.node.and_then(|n| {
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
    let place = h
        .node
        .map(|n| search::place_names(nb, n))
        .unwrap_or_default();
    if place.is_empty() {
        out.push_str("[]");
    } else {
        for (i, name) in place.iter().enumerate() {
            out.push_str(if i == 0 { "[\n        " } else { ",\n        " });
            string(out, name);
        }
        out.push_str("\n      ]");
    }
    out.push_str(",\n      \"text\": ");
    string(out, text);
    out.push_str(",\n      \"matches\": ");
    m.find_all_into(text, folded, ranges);
    if ranges.is_empty() {
        out.push_str("[]");
    } else {
        for (i, r) in ranges.iter().enumerate() {
            out.push_str(if i == 0 { "[\n" } else { ",\n" });
            let _ = write!(
                out,
                "        [\n          {},\n          {}\n        ]",
                r.start, r.end
            );
        }
        out.push_str("\n      ]");
    }
    out.push_str("\n    }");
}
