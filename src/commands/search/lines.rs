//! `search`'s lines, `place:line: text`, made a block of hits at a time on
//! every thread and written in order.

use std::io::Write;

use ratatui::style::Style;

use super::places::Places;
use super::{clean, push_number};
use crate::ansi::Row;
use crate::commands::Output;
use daynotes_core::notes::Notebook;
use daynotes_core::sanitize;
use daynotes_core::search::{Hit, Matcher};

/// Hits formatted at a time by one thread.
const BLOCK: usize = 4096;

/// Writes each hit as a line (`place:line: text`, see the module above), in order, formatted a
/// block at a time on every thread ([`daynotes_core::blocks`]).
pub fn write_hits(
    nb: &Notebook,
    m: &Matcher,
    hits: &[Hit],
    out: &Output,
    w: &mut dyn Write,
) -> std::io::Result<()> {
    let blocks: Vec<&[Hit]> = hits.chunks(BLOCK).collect();
    daynotes_core::blocks::write_in_order(
        blocks.len(),
        |i, buf| format_hits(nb, m, blocks[i], out, buf),
        w,
    )
}

/// Appends each of `hits` as a line to `buf`. Consecutive hits mostly
/// share a place, whose name is made once.
fn format_hits(nb: &Notebook, m: &Matcher, hits: &[Hit], out: &Output, buf: &mut String) {
    let theme = &out.theme;
    let several = nb.sources.len() > 1;
    let mut number = String::new();
    let mut places = Places::default();
    let (mut folded, mut ranges) = (Vec::new(), Vec::new());
    for h in hits {
        let name = places.of(nb, h);
        // Every piece is made safe here (`clean`), so the row writes them
        // as they are.
        let mut row = Row::new(buf, out.color);
        row.shown(name, theme.md.heading);
        number.clear();
        number.push(':');
        // A line outside every day is placed by its file already.
        if several && h.node.is_some() {
            number.push_str(&clean(&nb.sources[h.source].path));
            number.push(':');
        }
        push_number(&mut number, h.line);
        number.push(':');
        row.shown(&number, theme.ui.dim);
        row.shown(" ", Style::new());
        let text = &nb.sources[h.source].text.as_str()[h.line_start..h.line_end];
        let trimmed = text.trim_start_matches([' ', '\t']);
        if !out.color
            && sanitize::is_plain(trimmed)
            && memchr::memchr(b'\t', trimmed.as_bytes()).is_none()
        {
            // Without styles, the pieces between matches are the line
            // itself when nothing in it is ever shown otherwise.
            row.shown(trimmed, theme.md.text);
            row.end();
            continue;
        }
        let shift = text.len() - trimmed.len();
        let mut at = 0;
        m.find_all_into(text, &mut folded, &mut ranges);
        for r in ranges.iter().filter(|r| r.end > shift) {
            let r = r.start.max(shift) - shift..r.end - shift;
            if r.start > at {
                row.shown(&clean(&trimmed[at..r.start]), theme.md.text);
            }
            row.shown(&clean(&trimmed[r.clone()]), theme.md.match_hit);
            at = r.end;
        }
        if at < trimmed.len() {
            row.shown(&clean(&trimmed[at..]), theme.md.text);
        }
        row.end();
    }
}
