//! `daynotes search QUERY [PATH]`: every line that matches, grep style, with
//! the place it is in.
//!
//! ```text
//! 8.23 › 2.服务器发送事件SSE:115: 2.服务器发送事件SSE
//! 8.23 › 2.服务器发送事件SSE:116: SSE（Server-Sent Events）是HTML5标准，…
//! 8.23 › 2.服务器发送事件SSE › 与其他技术对比:128: | SSE  |    单向  | …
//! ```
//! The place is the day, `number.title` of the topic and the titles of the
//! sections down to the line's own; a line outside every day is placed by its
//! file. With several files the file comes before the line number (once:
//! a line placed by its file is not given it again). Lines are
//! shown without their indentation, every control made visible, the matches
//! highlighted when colour is on. `--count` prints the number of matching
//! lines, `--json` one JSON document. The status is grep's: 0 when a line
//! matched, 1 when none did, 2 on an error (an invalid regex).

use std::borrow::Cow;
use std::io::{Read, Write};
use std::process::ExitCode;

use anyhow::Context;
use serde::Serialize;

pub mod early;
mod json;
mod lines;
mod places;

/// Notes of every shape the tests of the search's writers hold them to: the
/// seed, the daily and dialect fixtures, the hostile file (controls and
/// quotes in titles).
#[cfg(test)]
fn notes_of_every_shape() -> Vec<daynotes_core::notes::Notebook> {
    let mut notebooks = vec![daynotes_core::load::from_text(
        "seed",
        crate::SAMPLE.to_string(),
    )];
    for dir in ["tests/fixtures/daily", "tests/fixtures/dialects"] {
        notebooks.push(daynotes_core::load::load(std::path::Path::new(dir)).unwrap());
    }
    let hostile = std::fs::read_to_string("tests/fixtures/hostile-notes.txt").unwrap();
    notebooks.push(daynotes_core::load::from_text("hostile", hostile));
    notebooks
}

pub use json::write_json;
pub use lines::{write_found, write_hits};

use super::{Output, push_number};
use crate::cli::{Cli, Command, SearchArgs};
use daynotes_core::notes::Notebook;
use daynotes_core::sanitize;
use daynotes_core::search::{self, Case, Hit, Matcher, Query, Syntax, stream};

/// Runs the search and writes its result; `found` holds the lines of the
/// notebook's one file that match, when they were found while it was
/// parsed ([`early`]).
pub fn run(
    args: &SearchArgs,
    notebook: &Notebook,
    found: Option<early::Found>,
    tagged: Option<&super::tags::Tagged>,
    out: &Output,
    w: &mut dyn Write,
) -> anyhow::Result<ExitCode> {
    let query = query_of(args);
    let matcher = Matcher::new(&query)?;
    let found = if let (true, Some(t)) = (args.count, tagged) {
        let mut hits = search::walk::hits(notebook, &matcher);
        hits.retain(|h| t.keeps(notebook, h.node));
        write_count(&query.text, hits.len(), args.json, w)?;
        hits.len()
    } else if args.count {
        let count: usize = notebook
            .sources
            .iter()
            .map(|s| search::count_lines(&matcher, &s.text))
            .sum();
        write_count(&query.text, count, args.json, w)?;
        count
    } else {
        // Lines found before the parse, of one file whose days are in file
        // order: placed part by part, never joined into one list (it would
        // hold a common word's lines twice).
        let found = match (found, search::walk::Runs::of(notebook)) {
            (Some(found), Some(runs)) => {
                let count = write_parts(args, notebook, &matcher, found, &runs, tagged, out, w)?;
                return Ok(exit_status(count));
            }
            (found, _) => found,
        };
        let mut hits = match found {
            Some(found) => search::walk::placed(notebook, vec![joined(found)]),
            None => search::walk::hits(notebook, &matcher),
        };
        if let Some(t) = tagged {
            hits.retain(|h| t.keeps(notebook, h.node));
        }
        if args.json {
            write_json(notebook, &matcher, &hits, w)?;
        } else {
            write_hits(notebook, &matcher, &hits, out, w).context("writing")?;
        }
        hits.len()
    };
    Ok(exit_status(found))
}

/// `--count` on one file, counted as the file is read, without building
/// the notebook (a count needs no days or topics). `None` when that does
/// not apply: not a count, no file PATH, or a file that is not plain UTF-8;
/// the command then runs the ordinary way.
pub fn quick_count(cli: &Cli) -> Option<anyhow::Result<ExitCode>> {
    let Some(Command::Search(args)) = &cli.command else {
        return None;
    };
    let path = args.path.as_deref()?;
    if !args.count || !path.is_file() || !args.tags.is_empty() {
        return None;
    }
    let matcher = match Matcher::new(&query_of(args)) {
        Ok(m) => m,
        Err(e) => return Some(Err(e.into())),
    };
    // What cannot be opened or counted here (not a regular file, too large)
    // is loaded the ordinary way, which says why.
    let file = daynotes_core::load::read::open_regular(path).ok()?;
    let mut capped = file.take(daynotes_core::notes::MAX_SOURCE_BYTES as u64 + 1);
    let count = stream::count_reader(&matcher, &mut capped).ok()??;
    if capped.limit() == 0 {
        return None;
    }
    let mut out = std::io::stdout().lock();
    Some(
        write_count(&matcher.query().text, count, args.json, &mut out).map(|()| exit_status(count)),
    )
}

fn write_count(query: &str, count: usize, json: bool, w: &mut dyn Write) -> anyhow::Result<()> {
    if json {
        serde_json::to_writer(&mut *w, &CountJson { query, count })?;
        writeln!(w)?;
    } else {
        writeln!(w, "{count}").context("writing")?;
    }
    Ok(())
}

/// Writes the lines found in parts (`found`, in text order) of a notebook
/// whose `runs` they are, as [`run`] writes lines: placed part by part,
/// filtered by `tagged`, the lines outside every day first (as the outline
/// has them); says how many were written. Lines of notes in text order
/// are placed a block at a time as each is written, plain or JSON.
#[allow(clippy::too_many_arguments, reason = "run's own arguments, passed on")]
fn write_parts(
    args: &SearchArgs,
    nb: &Notebook,
    m: &Matcher,
    found: early::Found,
    runs: &search::walk::Runs,
    tagged: Option<&super::tags::Tagged>,
    out: &Output,
    w: &mut dyn Write,
) -> anyhow::Result<usize> {
    if tagged.is_none() && runs.in_text_order() {
        if args.json {
            json::write_found_json(nb, m, &found, runs, w)?;
        } else {
            write_found(nb, m, &found, runs, out, w).context("writing")?;
        }
        return Ok(found.iter().map(Vec::len).sum());
    }
    // Each part made hits as it is placed, and the lines it was made from
    // let go.
    let mut found: Vec<Vec<Hit>> = found
        .into_iter()
        .map(|part| part.into_iter().map(|line| line.hit(0)).collect())
        .collect();
    place_parts(runs, &mut found);
    if let Some(t) = tagged {
        for part in found.iter_mut() {
            part.retain(|h| t.keeps(nb, h.node));
        }
    }
    // Lines outside every day (a year line's, between days): few, moved
    // to the front.
    let outside: Vec<Hit> = found
        .iter()
        .flatten()
        .filter(|h| h.node.is_none())
        .cloned()
        .collect();
    if !outside.is_empty() {
        for part in found.iter_mut() {
            part.retain(|h| h.node.is_some());
        }
    }
    let count = outside.len() + found.iter().map(Vec::len).sum::<usize>();
    let parts = std::iter::once(&outside).chain(found.iter());
    let blocks: Vec<&[Hit]> = parts.flat_map(|part| part.chunks(lines::BLOCK)).collect();
    if args.json {
        json::write_json_blocks(nb, m, count, blocks, w)?;
    } else {
        lines::write_hit_blocks(nb, m, blocks, out, w).context("writing")?;
    }
    Ok(count)
}

/// Places the parts of lines found ([`search::walk::Runs::place`]), half of them
/// on a thread of their own.
fn place_parts(runs: &search::walk::Runs, found: &mut [Vec<Hit>]) {
    let (first, second) = found.split_at_mut(found.len() / 2);
    std::thread::scope(|s| {
        s.spawn(|| first.iter_mut().for_each(|part| runs.place(part)));
        second.iter_mut().for_each(|part| runs.place(part));
    });
}

/// The parts of lines found, as one list of hits, each part let go once
/// it is made hits.
fn joined(found: early::Found) -> Vec<Hit> {
    let mut all = Vec::with_capacity(found.iter().map(Vec::len).sum());
    for part in found {
        all.extend(part.into_iter().map(|line| line.hit(0)));
    }
    all
}

/// grep's status: 0 when something matched, 1 when nothing did.
fn exit_status(found: usize) -> ExitCode {
    if found > 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

fn query_of(args: &SearchArgs) -> Query {
    Query {
        text: args.query.clone(),
        syntax: if args.regex {
            Syntax::Regex
        } else {
            Syntax::Literal
        },
        case: if args.case_sensitive {
            Case::Sensitive
        } else {
            Case::Smart
        },
        pinyin: false,
    }
}

/// Safe for one line of a terminal: controls visible, tabs as spaces.
fn clean(s: &str) -> Cow<'_, str> {
    let shown = sanitize::visible(s);
    if memchr::memchr(b'\t', shown.as_bytes()).is_some() {
        Cow::Owned(shown.replace('\t', " "))
    } else {
        shown
    }
}

#[derive(Serialize)]
struct CountJson<'a> {
    query: &'a str,
    count: usize,
}

#[cfg(test)]
mod tests {
    use super::*;
    use daynotes_core::load::from_text;
    use daynotes_core::search::Index;
    use daynotes_view::theme::Theme;

    /// `search` of lines found in parts before the parse (as a mapped
    /// file's are, placed part by part) writes what it writes of the
    /// lines it finds itself, in plain lines and in JSON, with the same
    /// status; on notes whose text order is the outline's and notes whose
    /// is not (a year line between days), for common, rare and absent
    /// words.
    #[test]
    fn lines_found_in_parts_are_written_as_lines_found_whole() {
        use clap::Parser;
        // A line outside every day after the first: the outline shows it
        // first.
        let years =
            "2023\n12.31:\n    1.a timeout\n2024\ntimeout, outside\n1.1:\n    1.b timeout\n";
        let notebooks = [
            from_text("seed", crate::SAMPLE.to_string()),
            from_text("shaped", daynotes_core::generate::seed_shaped(600_000, 5)),
            from_text("years", years.to_string()),
        ];
        let out = Output {
            terminal: false,
            color: false,
            theme: Theme::plain(),
            depth: daynotes_view::theme::ColourDepth::True,
        };
        for nb in &notebooks {
            for q in ["timeout", "sse", "一致性握手", "zzqqxx"] {
                for json in [false, true] {
                    let mut argv = vec!["daynotes", "search", q];
                    if json {
                        argv.push("--json");
                    }
                    let Some(Command::Search(args)) = Cli::parse_from(argv).command else {
                        panic!("a search");
                    };
                    let m = Matcher::new(&query_of(&args)).unwrap();
                    let mut all = search::walk::found_lines(&nb.sources[0].text, &m);
                    let tail = all.split_off(all.len() / 2);
                    let parts = vec![all, Vec::new(), tail];
                    let (mut whole, mut in_parts) = (Vec::new(), Vec::new());
                    let a = run(&args, nb, None, None, &out, &mut whole).unwrap();
                    let b = run(&args, nb, Some(parts), None, &out, &mut in_parts).unwrap();
                    let what = format!("{}: {q} json {json}", nb.sources[0].path);
                    assert_eq!(
                        String::from_utf8_lossy(&whole),
                        String::from_utf8_lossy(&in_parts),
                        "{what}"
                    );
                    assert_eq!(a, b, "{what}");
                    if nb.sources[0].path == "years" && q == "timeout" && !json {
                        let first = String::from_utf8_lossy(&in_parts)
                            .lines()
                            .next()
                            .map(str::to_owned);
                        assert_eq!(first.as_deref(), Some("years:5: timeout, outside"));
                    }
                }
            }
        }
    }

    #[test]
    fn a_line_reads_place_number_text() {
        let nb = from_text("seed", crate::SAMPLE.to_string());
        let m = Matcher::new(&Query::literal("单向通信")).unwrap();
        let hits = Index::streaming(&nb).search(&nb, &m);
        let out = Output {
            terminal: false,
            color: false,
            theme: Theme::plain(),
            depth: daynotes_view::theme::ColourDepth::True,
        };
        let mut written = Vec::new();
        lines::write_hits(&nb, &m, &hits[..1], &out, &mut written).unwrap();
        assert_eq!(
            String::from_utf8(written).unwrap(),
            "8.23 › 2.服务器发送事件SSE › 特点:119: - 单向通信（服务器→客户端）\n"
        );
    }
}
