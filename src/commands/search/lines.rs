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
use daynotes_core::search::walk::{FoundLine, Runs};
use daynotes_core::search::{Hit, Matcher};

/// Hits formatted at a time by one thread.
pub(super) const BLOCK: usize = 4096;

/// Writes each hit as a line (`place:line: text`, see the module above), in order, formatted a
/// block at a time on every thread ([`daynotes_core::blocks`]).
pub fn write_hits(
    nb: &Notebook,
    m: &Matcher,
    hits: &[Hit],
    out: &Output,
    w: &mut dyn Write,
) -> std::io::Result<()> {
    write_hit_blocks(nb, m, hits.chunks(BLOCK).collect(), out, w)
}

/// [`write_hits`] of the hits in `blocks`, one after the other.
pub fn write_hit_blocks(
    nb: &Notebook,
    m: &Matcher,
    blocks: Vec<&[Hit]>,
    out: &Output,
    w: &mut dyn Write,
) -> std::io::Result<()> {
    daynotes_core::blocks::write_in_order(
        blocks.len(),
        |i, buf| format_hits(nb, m, blocks[i], out, buf),
        w,
    )
}

/// [`write_hits`] of lines found but not yet placed (`found`, in parts in
/// text order, of a notebook whose `runs` they are): each block is placed
/// by the thread that formats it, just before, so that the lines and
/// titles it reads are still in the cache ([`Runs`]).
pub fn write_found(
    nb: &Notebook,
    m: &Matcher,
    found: &[Vec<FoundLine>],
    runs: &Runs,
    out: &Output,
    w: &mut dyn Write,
) -> std::io::Result<()> {
    let blocks: Vec<&[FoundLine]> = found.iter().flat_map(|part| part.chunks(BLOCK)).collect();
    daynotes_core::blocks::write_in_order(
        blocks.len(),
        |i, buf| format_hits(nb, m, &runs.placed(blocks[i]), out, buf),
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

#[cfg(test)]
mod tests {
    use super::*;
    use daynotes_core::load::from_text;
    use daynotes_core::search::{Query, walk};
    use daynotes_view::theme::{ColourDepth, Theme};

    /// Lines placed a block at a time as they are written are the lines
    /// placed all first: on every single file of every shape whose text
    /// order is its outline's, with colour and without, for words found
    /// in few lines and in most (more lines than one block).
    #[test]
    fn blocks_placed_as_written_read_as_placed_first() {
        let mut notebooks: Vec<Notebook> = super::super::notes_of_every_shape()
            .into_iter()
            .filter(|nb| nb.sources.len() == 1)
            .collect();
        // Each dialect alone, and each daily note alone (a file named by
        // its date, which may hold dated headings of its own).
        for dir in ["tests/fixtures/dialects", "tests/fixtures/daily"] {
            for entry in std::fs::read_dir(dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_file() {
                    notebooks.push(daynotes_core::load::load(&path).unwrap());
                }
            }
        }
        let shaped = daynotes_core::generate::seed_shaped(1_000_000, 3);
        notebooks.push(from_text("seed-shaped.txt", shaped));
        let md = daynotes_core::generate::markdown_notes(1_000_000, 3);
        notebooks.push(from_text("notes.md", md));
        let mut in_runs = 0;
        for nb in &notebooks {
            let Some(runs) = Runs::of(nb).filter(Runs::in_text_order) else {
                continue;
            };
            in_runs += 1;
            for q in ["e", "timeout", "握手", "2024"] {
                let m = Matcher::new(&Query::literal(q)).unwrap();
                let text = nb.sources[0].text.as_str();
                for color in [false, true] {
                    let out = Output {
                        terminal: false,
                        color,
                        theme: Theme::plain(),
                        depth: ColourDepth::True,
                    };
                    let (mut first, mut blocks) = (Vec::new(), Vec::new());
                    let placed = walk::placed(nb, vec![walk::found_in(text, &m, 0)]);
                    write_hits(nb, &m, &placed, &out, &mut first).unwrap();
                    // In parts, as a file's lines found as it was checked.
                    let mut all = walk::found_lines(text, &m);
                    let tail = all.split_off(all.len() / 3);
                    let found = vec![all, Vec::new(), tail];
                    write_found(nb, &m, &found, &runs, &out, &mut blocks).unwrap();
                    assert_eq!(
                        String::from_utf8_lossy(&first),
                        String::from_utf8_lossy(&blocks),
                        "{}: {q}",
                        nb.sources[0].path
                    );
                    let blocks: Vec<Hit> = found.iter().flat_map(|p| runs.placed(p)).collect();
                    assert_eq!(blocks, placed);
                }
            }
        }
        assert!(in_runs >= 5, "{in_runs} notebooks in runs");
    }

    /// Text outside every day after the first (a year line between days,
    /// which the outline shows before them all): not in text order. Text
    /// before the first day: in text order. Several files: no runs.
    #[test]
    fn only_text_in_outline_order_is_placed_as_written() {
        let years = "2023\n12.31:\n    1.a\n2024\n1.1:\n    1.b\n";
        let nb = from_text("years.txt", years.to_string());
        assert!(!nb.sources[0].dividers.is_empty());
        assert!(Runs::of(&nb).is_some_and(|r| !r.in_text_order()));
        let lead = "notes\n2024\n1.1:\n    1.b\n1.2:\n    1.c\n";
        let nb = from_text("lead.txt", lead.to_string());
        assert!(Runs::of(&nb).is_some_and(|r| r.in_text_order()));
        let daily =
            daynotes_core::load::load(std::path::Path::new("tests/fixtures/daily")).unwrap();
        assert!(Runs::of(&daily).is_none());
    }
}
