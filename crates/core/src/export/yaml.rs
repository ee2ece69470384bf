//! The export as YAML, written by hand: byte for byte what serde_yaml
//! (libyaml's emitter, unlimited width, Unicode kept) makes of
//! [`Export`](super::Export), several times faster, a block of days at a
//! time on every thread ([`crate::blocks`]). A test holds the two to the
//! same bytes, on every fixture and on strings made to find the edges.
//!
//! ```yaml
//! source: notes.txt
//! days:
//! - year: null
//!   month: 8
//!   topics:
//!   - number: 1
//!     title: tcp握手
//!     body: |-
//!       TCP三次握手是建立可靠连接的机制：
//!     sections: []
//! warnings: []
//! ```
//!
//! How a string is written is [`scalar`]'s: the style serde_yaml would
//! ask for, and the one libyaml's emitter lets it have.

use std::fmt::Write as _;
use std::io::{self, Write};

use super::json::indent;
use super::{common_source, outside, source_of, warning};
use crate::notes::{self, Day, Notebook, Topic};
use scalar::scalar_line;

/// Days made into text at a time by one thread.
const BLOCK: usize = 256;

/// Writes the export of `nb` as YAML.
pub fn write(nb: &Notebook, w: &mut dyn Write) -> io::Result<()> {
    let mut head = String::from("source: ");
    scalar_line(&mut head, &common_source(nb), 2);
    head.push_str(if nb.days.is_empty() {
        "days: []\n"
    } else {
        "days:\n"
    });
    w.write_all(head.as_bytes())?;
    let blocks = nb.days.len().div_ceil(BLOCK);
    crate::blocks::write_in_order(
        blocks,
        |b, buf| {
            let from = b * BLOCK;
            let mut text = String::new();
            for d in &nb.days[from..nb.days.len().min(from + BLOCK)] {
                day(buf, nb, d, &mut text);
            }
        },
        w,
    )?;
    let mut tail = String::new();
    let outside = outside(nb);
    if !outside.is_empty() {
        tail.push_str("outside:\n");
        for o in &outside {
            let mut first = true;
            if let Some(source) = &o.source {
                item_key(&mut tail, 0, &mut first, "source");
                scalar_line(&mut tail, source, 4);
            }
            item_key(&mut tail, 0, &mut first, "line");
            let _ = writeln!(tail, "{}", o.line);
            item_key(&mut tail, 0, &mut first, "text");
            scalar_line(&mut tail, &o.text, 4);
        }
    }
    if nb.warnings.is_empty() {
        tail.push_str("warnings: []\n");
    } else {
        tail.push_str("warnings:\n");
    }
    for wn in &nb.warnings {
        let wn = warning(nb, wn);
        let mut first = true;
        if let Some(source) = &wn.source {
            item_key(&mut tail, 0, &mut first, "source");
            scalar_line(&mut tail, source, 4);
        }
        item_key(&mut tail, 0, &mut first, "line");
        let _ = writeln!(tail, "{}", wn.line);
        item_key(&mut tail, 0, &mut first, "message");
        scalar_line(&mut tail, &wn.message, 4);
        if tail.len() >= 1 << 16 {
            w.write_all(tail.as_bytes())?;
            tail.clear();
        }
    }
    w.write_all(tail.as_bytes())
}

/// `key: ` of a mapping that is an item of a sequence whose `-` stands at
/// `at` spaces: the first key after `- `, the others under it.
fn item_key(out: &mut String, at: usize, first: &mut bool, name: &str) {
    indent(out, at);
    out.push_str(if *first { "- " } else { "  " });
    *first = false;
    out.push_str(name);
    out.push_str(": ");
}

/// One day, an item of `days`; `text` is room for a dedented body.
fn day(out: &mut String, nb: &Notebook, d: &Day, text: &mut String) {
    let mut first = true;
    if let Some(source) = source_of(nb, d.source) {
        item_key(out, 0, &mut first, "source");
        scalar_line(out, &source, 4);
    }
    item_key(out, 0, &mut first, "year");
    match d.date.year {
        Some(y) => {
            let _ = writeln!(out, "{y}");
        }
        None => out.push_str("null\n"),
    }
    item_key(out, 0, &mut first, "month");
    let _ = writeln!(out, "{}", d.date.month);
    item_key(out, 0, &mut first, "day");
    let _ = writeln!(out, "{}", d.date.day);
    item_key(out, 0, &mut first, "line");
    let _ = writeln!(out, "{}", d.line());
    item_key(out, 0, &mut first, "title");
    match &d.title {
        Some(t) => scalar_line(out, t, 4),
        None => out.push_str("null\n"),
    }
    item_key(out, 0, &mut first, "preamble");
    notes::dedent_into(nb.text(d.source, d.preamble), text);
    scalar_line(out, text, 4);
    item_key(out, 0, &mut first, "topics");
    if d.topics.is_empty() {
        out.push_str("[]\n");
    } else {
        // `topics:` with its items on the lines below.
        out.pop();
        out.push('\n');
        for t in &d.topics {
            topic(out, nb, d.source, t, text);
        }
    }
}

/// One topic, an item of a day's `topics`.
fn topic(out: &mut String, nb: &Notebook, source: usize, t: &Topic, text: &mut String) {
    let mut first = true;
    item_key(out, 2, &mut first, "number");
    match t.number {
        Some(n) => {
            let _ = writeln!(out, "{n}");
        }
        None => out.push_str("null\n"),
    }
    item_key(out, 2, &mut first, "title");
    scalar_line(out, t.title(), 6);
    item_key(out, 2, &mut first, "line");
    let _ = writeln!(out, "{}", t.line());
    item_key(out, 2, &mut first, "body");
    notes::dedent_into(nb.text(source, t.body()), text);
    scalar_line(out, text, 6);
    item_key(out, 2, &mut first, "sections");
    sections(out, t, None, 4);
    if t.starred {
        item_key(out, 2, &mut first, "starred");
        out.push_str("true\n");
    }
}

/// The sections of `t` directly under `parent` (the topic itself when
/// `None`), each with those under it, as the value of a key at `at`
/// spaces.
fn sections(out: &mut String, t: &Topic, parent: Option<usize>, at: usize) {
    let mut any = false;
    for (k, s) in t.children(parent) {
        if !any {
            // `sections:` with its items on the lines below.
            out.pop();
            out.push('\n');
            any = true;
        }
        let mut first = true;
        item_key(out, at, &mut first, "title");
        scalar_line(out, t.section_title(s), at + 4);
        item_key(out, at, &mut first, "line");
        let _ = writeln!(out, "{}", s.line());
        item_key(out, at, &mut first, "sections");
        sections(out, t, Some(k), at + 2);
    }
    if !any {
        out.push_str("[]\n");
    }
}

mod scalar;
#[cfg(test)]
mod tests;
