//! `search --json`: one document, its hits made a block at a time on every
//! thread and written in order.

use std::borrow::Cow;
use std::fmt::Write as _;
use std::io::Write;
use std::ops::Range;

use super::push_number;
use daynotes_core::export::json::string;
use daynotes_core::notes::Notebook;
use daynotes_core::outline::{NodeId, section_path};
use daynotes_core::search::walk::{FoundLine, Runs};
use daynotes_core::search::{Hit, Matcher, Syntax};

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
    write_json_blocks(nb, m, hits.len(), hits.chunks(BLOCK).collect(), w)
}

/// [`write_json`] of `count` hits in `blocks` (each formatted on a thread
/// of its own, in order).
pub fn write_json_blocks(
    nb: &Notebook,
    m: &Matcher,
    count: usize,
    blocks: Vec<&[Hit]>,
    w: &mut dyn Write,
) -> anyhow::Result<()> {
    let lens: Vec<usize> = blocks.iter().map(|b| b.len()).collect();
    write_document(nb, m, count, &lens, |b| Cow::Borrowed(blocks[b]), w)
}

/// [`write_json`] of lines found but not yet placed (`found`, in parts in
/// text order, of a notebook whose `runs` they are): each block placed by
/// the thread that formats it, as [`super::write_found`] places them.
pub fn write_found_json(
    nb: &Notebook,
    m: &Matcher,
    found: &[Vec<FoundLine>],
    runs: &Runs,
    w: &mut dyn Write,
) -> anyhow::Result<()> {
    let blocks: Vec<&[FoundLine]> = found.iter().flat_map(|part| part.chunks(BLOCK)).collect();
    let lens: Vec<usize> = blocks.iter().map(|b| b.len()).collect();
    let count = lens.iter().sum();
    write_document(
        nb,
        m,
        count,
        &lens,
        |b| Cow::Owned(runs.placed(blocks[b])),
        w,
    )
}

/// The document of `count` hits in blocks `lens` long, block `b`'s hits
/// being `hits_of(b)`.
fn write_document<'h>(
    nb: &Notebook,
    m: &Matcher,
    count: usize,
    lens: &[usize],
    hits_of: impl Fn(usize) -> Cow<'h, [Hit]> + Sync,
    w: &mut dyn Write,
) -> anyhow::Result<()> {
    let hits_empty = count == 0;
    let query = m.query();
    let mut head = String::from("{\n  \"query\": ");
    string(&mut head, &query.text);
    let _ = write!(
        head,
        ",\n  \"regex\": {},\n  \"ignore_case\": {},\n  \"count\": {},\n  \"hits\": ",
        query.syntax == Syntax::Regex,
        query.ignores_case(),
        count
    );
    head.push_str(if hits_empty { "[]" } else { "[" });
    w.write_all(head.as_bytes())?;
    // The first hit of all has no comma before it: the first of the
    // first block that holds one.
    let lead = lens.iter().position(|&n| n > 0).unwrap_or(0);
    daynotes_core::blocks::write_in_order(
        lens.len(),
        |b, buf| {
            let (mut folded, mut ranges) = (Vec::new(), Vec::new());
            let mut parts = Parts::default();
            for (i, h) in hits_of(b).iter().enumerate() {
                buf.push_str(if b == lead && i == 0 { "\n" } else { ",\n" });
                hit_json(buf, nb, m, h, &mut parts, &mut folded, &mut ranges);
            }
        },
        w,
    )?;
    w.write_all(if hits_empty { b"\n}\n" } else { b"\n  ]\n}\n" })?;
    Ok(())
}

/// What a hit's JSON takes from its file and node, kept from one hit to
/// the next: most hits share them with the hit before.
#[derive(Default)]
struct Parts {
    /// The source whose path `file` holds, as a JSON string.
    source: Option<usize>,
    file: String,
    /// The `(source, node)` whose `"day"` to the end of `"place"` `node`
    /// holds.
    key: Option<(usize, Option<NodeId>)>,
    node: String,
    /// A name being made.
    name: String,
}

impl Parts {
    fn file(&mut self, nb: &Notebook, source: usize) -> &str {
        if self.source != Some(source) {
            self.source = Some(source);
            self.file.clear();
            string(&mut self.file, &nb.sources[source].path);
        }
        &self.file
    }

    fn node(&mut self, nb: &Notebook, source: usize, node: Option<NodeId>) -> &str {
        if self.key != Some((source, node)) {
            self.key = Some((source, node));
            self.node.clear();
            node_json(&mut self.node, &mut self.name, nb, node);
        }
        &self.node
    }
}

/// `,\n      "day": …` to the end of `"place"`, for a hit in `node`; the
/// place's names are those of [`daynotes_core::search::place_names`], each made in
/// `name` and written as it is made.
fn node_json(out: &mut String, name: &mut String, nb: &Notebook, node: Option<NodeId>) {
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
        Some(t) => push_number(out, t as usize),
        None => out.push_str("null"),
    }
    out.push_str(",\n      \"place\": ");
    let Some((n, day)) = node.and_then(|n| Some((n, nb.days.get(n.day_index())?))) else {
        out.push_str("[]");
        return;
    };
    name.clear();
    let _ = write!(name, "{}", day.name());
    out.push_str("[\n        ");
    string(out, name);
    if let Some(topic) = n.topic_index().and_then(|t| day.topics.get(t)) {
        name.clear();
        if let Some(number) = topic.number {
            push_number(name, number as usize);
            name.push('.');
        }
        name.push_str(topic.title());
        out.push_str(",\n        ");
        string(out, name);
        if let Some(k) = n.section_index() {
            for s in section_path(topic, k) {
                out.push_str(",\n        ");
                string(out, topic.section_title(s));
            }
        }
    }
    out.push_str("\n      ]");
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

#[cfg(test)]
mod tests {
    use super::*;
    use daynotes_core::search::{Index, Query, place_names};

    /// A node's place written as it is made is the list of
    /// [`place_names`], written as JSON, in notes of every shape (with
    /// controls and quotes in titles among them).
    #[test]
    fn a_place_is_its_names() {
        let notebooks = super::super::notes_of_every_shape();
        let m = Matcher::new(&Query::regex(".")).unwrap();
        for nb in &notebooks {
            let mut parts = Parts::default();
            for h in Index::streaming(nb).search(nb, &m) {
                let got = parts.node(nb, h.source, h.node).to_string();
                let names = h.node.map(|n| place_names(nb, n)).unwrap_or_default();
                let place = got.split("\"place\": ").nth(1).unwrap();
                let expected = if names.is_empty() {
                    "[]".to_string()
                } else {
                    let items: Vec<String> = names
                        .iter()
                        .map(|n| {
                            let mut s = String::new();
                            string(&mut s, n);
                            format!("\n        {s}")
                        })
                        .collect();
                    format!("[{}\n      ]", items.join(","))
                };
                assert_eq!(place, expected);
            }
        }
    }
}
