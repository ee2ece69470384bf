//! `search QUERY FILE`: the file's matching lines found before the parse
//! needs them. Finding them needs the text alone; placing them needs the
//! days they are in, whole.
//!
//! A mapped file (a megabyte or more, plain UTF-8) has its lines found as
//! its bytes are checked, a quarter megabyte at a time on every thread,
//! each while it is still in the cache: a second read of the whole file
//! from memory, and a thread that competed with the parse for the cores,
//! cost more (100 MB of seed-shaped notes: 196 ms that way, 189 ms this).
//!
//! ```text
//! read, check + find the lines ─── parse (a thread per piece) ─── place ─ write
//! ```
//! The parse is then given the lines' starts and makes only the topics
//! that hold one, counting the others: a line is placed by the last node
//! starting at or before it, so a topic without one places nothing
//! (100 MB of seed-shaped notes, `timeout` in 42% of the topics: 161 ms
//! making them all, 147 ms this way). With `--tag`, whose filter looks
//! into every topic, all are made.
//!
//! A file read into memory (a small one, or one decoded from another
//! encoding) has them found on a thread of their own, beside the parse:
//!
//! ```text
//! read, decode ─┬─ parse (a thread per piece) ──┬─ place ─ write
//!               └─ find the lines that match ───┘
//! ```
//!
//! In a file of 8 MB or more, a query found in few days (at most half of
//! those in its first megabyte) is answered from a sketch instead: the
//! days alone, then the topics of the days that hold a line, and no
//! others. The lines inside days are most of a parse's cost, so a rare
//! word in 100 MB is found in half the time.
//!
//! ```text
//! read, check + find ─── sketch: the days ─── the topics of the days found ─ place ─ write
//! ```
//! With `--tag`, whose filter looks at every day, the file is parsed whole.

use std::path::Path;
use std::sync::{Mutex, PoisonError};
use std::time::Instant;

use super::query_of;
use crate::cli::{Cli, Command};
use daynotes_core::load::{LoadTimes, Loaded};
use daynotes_core::parse::Wanted;
use daynotes_core::search::walk::FoundLine;
use daynotes_core::search::{Matcher, walk};

/// The notes of `search QUERY FILE` loaded as the ordinary way loads a
/// file, with the lines found as it was checked or parsed (not yet
/// placed).
/// `None` where this does not apply: not a search or a count, no file
/// PATH, a query or a file the ordinary way refuses (it then says why, in
/// its own order).
pub fn load(cli: &Cli) -> Option<(Loaded, Found)> {
    let Some(Command::Search(args)) = &cli.command else {
        return None;
    };
    let path = cli.path()?;
    if args.count || !path.is_file() {
        return None;
    }
    let matcher = Matcher::new(&query_of(args)).ok()?;
    let mut times = LoadTimes::default();
    // The lines of a mapped file are found as its bytes are checked, a
    // quarter megabyte at a time while it is in the cache.
    let seen: Mutex<Vec<Seen>> = Mutex::default();
    let see = |at: usize, part: &str| {
        let mut lines = walk::found_lines(part, &matcher);
        for line in &mut lines {
            *line = line.shifted(at);
        }
        let mut seen = seen.lock().unwrap_or_else(PoisonError::into_inner);
        seen.push((at, part.len(), lines));
    };
    let file = daynotes_core::load::read_file_seeing(path, true, &mut times, &see).ok()?;
    let seen = seen.into_inner().unwrap_or_else(PoisonError::into_inner);
    // The same text, shared (a mapped file) or copied (a small one).
    let text = file.text.clone();
    let t = Instant::now();
    let (notebook, found) = std::thread::scope(|s| {
        // Found as the file was checked, or else on a thread of their own,
        // beside the parse.
        let finding = match gathered(seen, text.len()) {
            Some(found) => Ok(found),
            None => Err(s.spawn(|| vec![walk::found_lines(&text, &matcher)])),
        };
        // With `--tag`, whose filter looks at every day, the file is
        // parsed whole.
        let few = args.tags.is_empty() && found_in_few_days(&text, &matcher, finding.as_ref().ok());
        // Findings are not shown: not made.
        let wanted = Wanted {
            sections: true,
            findings: false,
            topics: true,
        };
        let sketch = if few { file.sketch(wanted) } else { None };
        // The whole parse runs beside the finding, or makes only the
        // topics that hold a line when they were found already (no tag
        // filter, which looks into every topic); a sketch is completed for
        // the days of the lines found, once they are.
        let holding: Option<Vec<u32>> = match &finding {
            Ok(found) if args.tags.is_empty() => Some(FoundLine::starts(found)),
            _ => None,
        };
        let whole = match (sketch, holding) {
            (Some(sketch), _) => Err((file, sketch)),
            (None, Some(holding)) => Ok(file.parse_holding(wanted, &holding)),
            (None, None) => Ok(file.parse_wanted(wanted)),
        };
        let found = finding.unwrap_or_else(|finding| {
            finding
                .join()
                .unwrap_or_else(|e| std::panic::resume_unwind(e))
        });
        let notebook = whole.unwrap_or_else(|(file, sketch)| {
            let at: Vec<usize> = found.iter().flatten().map(|l| l.line_start()).collect();
            let parsed = sketch.complete_source(&text, &at);
            file.with_parsed(parsed)
        });
        (notebook, found)
    });
    times.parse = t.elapsed();
    let loaded = Loaded {
        notebook,
        origin: origin(path),
        target: Some(path.to_path_buf()),
        times,
        pending: None,
    };
    Some((loaded, found))
}

/// The lines found in a file, not yet placed: in parts, end to end in
/// text order (the parts the text was checked in, each found there; one
/// part when they were found in the whole text at once). Kept in parts:
/// joined, a common word's lines would be copied once more, into fresh
/// memory, on one thread.
pub type Found = Vec<Vec<FoundLine>>;

/// A part of the text seen as it was checked: where it starts, how long
/// it is, and the lines found in it (their offsets in the whole text).
type Seen = (usize, usize, Vec<FoundLine>);

/// The lines found in the parts seen, in text order, when the parts are
/// the whole text of `len` bytes; `None` when they are not (a text that
/// was not seen, or whose check failed part of the way).
fn gathered(mut seen: Vec<Seen>, len: usize) -> Option<Found> {
    seen.sort_unstable_by_key(|part| part.0);
    let mut end = 0;
    for &(at, part, _) in &seen {
        if at != end {
            return None;
        }
        end += part;
    }
    if end != len || (len > 0 && seen.is_empty()) {
        return None;
    }
    Some(seen.into_iter().map(|(_, _, hits)| hits).collect())
}

/// How much of a file is read to tell in how many of its days a query is
/// found.
const SAMPLE: usize = 1 << 20;

/// The least text worth sketching: a smaller one is parsed whole in a few
/// milliseconds, less than telling would cost.
const SKETCHED: usize = 8 << 20;

/// True when the lines `m` finds are in at most half the days of the
/// file's beginning (its first megabyte) and the file is large: reading
/// the topics of those days alone then costs less than the whole parse.
/// Where most days hold a line, the sketch costs more: each day found is
/// read twice, and the finding no longer fills the gaps of the parse.
fn found_in_few_days(text: &str, m: &Matcher, found: Option<&Found>) -> bool {
    if text.len() < SKETCHED {
        return false;
    }
    let end = match text.as_bytes().get(SAMPLE..) {
        Some(rest) => memchr::memchr(b'\n', rest).map_or(text.len(), |i| SAMPLE + i + 1),
        None => text.len(),
    };
    let sample = &text[..end];
    let sketch = daynotes_core::parse::sketch(sample, false);
    let days = sketch.days();
    // The lines of the sample: of those found already, when they are.
    let at: Vec<usize> = match found {
        Some(found) => found
            .iter()
            .flatten()
            .map(|l| l.line_start())
            .take_while(|&at| at < end)
            .collect(),
        None => walk::found_lines(sample, m)
            .iter()
            .map(|l| l.line_start())
            .collect(),
    };
    let with = daynotes_core::parse::days_holding(days, &at).count();
    !days.is_empty() && 2 * with <= days.len()
}

/// What the ordinary way says of a file PATH given on the command line.
fn origin(path: &Path) -> String {
    format!("reading {}", path.display())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::commands::Output;
    use crate::commands::search::{write_hits, write_json};
    use daynotes_core::load::{Unparsed, from_text};
    use daynotes_core::search::{Hit, Query};
    use daynotes_view::theme::{ColourDepth, Theme};

    /// Every line `search` and `search --json` write, for the query as it
    /// is given: from the file parsed whole, and from its sketch completed
    /// for the days the lines are in.
    fn both_ways(text: &str, query: &str) -> [(Vec<u8>, Vec<u8>); 2] {
        let m = Matcher::new(&Query::literal(query)).unwrap();
        let out = Output {
            terminal: false,
            color: false,
            theme: Theme::plain(),
            depth: ColourDepth::True,
        };
        let write = |nb: &daynotes_core::notes::Notebook, hits: &[Hit]| {
            let (mut lines, mut json) = (Vec::new(), Vec::new());
            write_hits(nb, &m, hits, &out, &mut lines).unwrap();
            write_json(nb, &m, hits, &mut json).unwrap();
            (lines, json)
        };
        let whole = from_text("notes.txt", text.to_string());
        let whole_hits = walk::hits(&whole, &m);
        let file = Unparsed {
            path: "notes.txt".into(),
            text: text.to_string().into(),
            warnings: Vec::new(),
        };
        let found = walk::found_in(text, &m, 0);
        let at: Vec<usize> = found.iter().map(|h| h.line_start).collect();
        let parsed = file
            .sketch(Wanted::sections(true))
            .unwrap()
            .complete(text, &at);
        let sketched = file.with_parsed(parsed);
        let sketched_hits = walk::placed(&sketched, vec![found]);
        [write(&whole, &whole_hits), write(&sketched, &sketched_hits)]
    }

    /// A rare word and a common one, in the bundled notes, notes in their
    /// shape, markdown notes and every dialect: the same lines either way.
    #[test]
    fn a_sketch_finds_and_places_what_the_whole_parse_does() {
        let mut texts = vec![
            crate::SAMPLE.to_string(),
            daynotes_core::generate::seed_shaped(400_000, 2),
            daynotes_core::generate::markdown_notes(400_000, 2),
        ];
        for entry in std::fs::read_dir("tests/fixtures/dialects").unwrap() {
            texts.push(std::fs::read_to_string(entry.unwrap().path()).unwrap());
        }
        for text in &texts {
            for query in ["一致性握手", "timeout", "sse", "e", "2024"] {
                let [whole, sketched] = both_ways(text, query);
                assert_eq!(
                    String::from_utf8_lossy(&whole.0),
                    String::from_utf8_lossy(&sketched.0),
                    "{query}"
                );
                assert_eq!(whole.1, sketched.1, "{query}");
            }
        }
    }

    /// A file that is mapped has its lines found as its bytes are checked
    /// (in quarters of a megabyte on several threads, gathered in order):
    /// the same lines as found in the whole text at once, for words in
    /// most lines, in few and in none, in `\n` and in `\r\n` text.
    #[test]
    fn lines_found_as_the_bytes_are_checked_are_those_of_the_whole_text() {
        use clap::Parser;
        let dir = tempfile::tempdir().unwrap();
        let lf = daynotes_core::generate::seed_shaped(9_000_000, 7);
        let crlf = lf.replace('\n', "\r\n");
        for (name, text) in [("lf.txt", lf), ("crlf.txt", crlf)] {
            let path = dir.path().join(name);
            std::fs::write(&path, &text).unwrap();
            for q in ["timeout", "一致性握手", "zzqqxx", "e"] {
                let arg = path.to_str().unwrap();
                let cli = Cli::parse_from(["daynotes", "search", q, arg]);
                let (loaded, found) = load(&cli).unwrap();
                assert!(loaded.notebook.sources[0].text.is_shared(), "mapped");
                let m = Matcher::new(&Query::literal(q)).unwrap();
                let whole = walk::found_in(&text, &m, 0);
                assert!(found.len() > 1, "found in parts");
                let found: Vec<Hit> = found.concat().into_iter().map(|l| l.hit(0)).collect();
                assert_eq!(found, whole, "{name}: {q}");
            }
        }
    }

    /// A mapped file's search makes only the topics that hold a line it
    /// found: it writes what a search of the whole parse writes, plain and
    /// JSON, for a word in most lines, one in few, one in none.
    #[test]
    fn a_mapped_file_s_search_writes_what_the_whole_parse_does() {
        use clap::Parser;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("notes.txt");
        let text = daynotes_core::generate::seed_shaped(3_000_000, 5);
        std::fs::write(&path, &text).unwrap();
        let arg = path.to_str().unwrap();
        let out = Output {
            terminal: false,
            color: false,
            theme: Theme::plain(),
            depth: ColourDepth::True,
        };
        for q in ["timeout", "一致性握手", "zzqqxx"] {
            for json in [false, true] {
                let mut argv = vec!["daynotes", "search", q, arg];
                if json {
                    argv.insert(2, "--json");
                }
                let cli = Cli::parse_from(argv);
                let Some(Command::Search(args)) = &cli.command else {
                    panic!("a search");
                };
                let (loaded, found) = load(&cli).unwrap();
                assert!(loaded.notebook.sources[0].text.is_shared(), "mapped");
                let whole = from_text(&loaded.notebook.sources[0].path, text.clone());
                let (mut held, mut all) = (Vec::new(), Vec::new());
                let a =
                    super::super::run(args, &loaded.notebook, Some(found), None, &out, &mut held);
                let b = super::super::run(args, &whole, None, None, &out, &mut all);
                assert_eq!(
                    String::from_utf8_lossy(&held),
                    String::from_utf8_lossy(&all),
                    "{q} json {json}"
                );
                assert_eq!(a.unwrap(), b.unwrap(), "{q}");
            }
        }
    }

    /// The parts seen are taken only when they are the whole text, end to
    /// end, in whatever order they came.
    #[test]
    fn parts_are_gathered_only_when_they_are_the_whole_text() {
        let hit = |at: usize| FoundLine::new(at, at + 1, 0..1);
        let parts = || vec![(10, 5, vec![hit(12)]), (0, 10, vec![hit(1), hit(4)])];
        let starts = |found: Found| {
            found
                .iter()
                .flatten()
                .map(|l| l.line_start())
                .collect::<Vec<_>>()
        };
        assert_eq!(gathered(parts(), 15).map(starts), Some(vec![1, 4, 12]));
        // One part short at the end, a gap, nothing seen of a text.
        assert!(gathered(parts(), 16).is_none());
        assert!(gathered(vec![(0, 10, vec![]), (11, 4, vec![])], 15).is_none());
        assert!(gathered(Vec::new(), 15).is_none());
        assert_eq!(gathered(Vec::new(), 0).map(starts), Some(vec![]));
    }

    /// The query decides the way: a word in most days is searched in the
    /// whole parse, one in a few days in a sketch.
    #[test]
    fn few_days_are_told_from_most() {
        let text = daynotes_core::generate::seed_shaped(SKETCHED, 2);
        let m = |q: &str| Matcher::new(&Query::literal(q)).unwrap();
        assert!(!found_in_few_days(&text, &m("timeout"), None));
        assert!(found_in_few_days(&text, &m("一致性握手"), None));
        // Told the same from lines found already.
        for q in ["timeout", "一致性握手"] {
            let found = vec![walk::found_lines(&text, &m(q))];
            let told = found_in_few_days(&text, &m(q), Some(&found));
            assert_eq!(told, found_in_few_days(&text, &m(q), None), "{q}");
        }
        // A small file is parsed whole, whatever it holds.
        let half = (0..=SKETCHED / 2).rev().find(|&i| text.is_char_boundary(i));
        let half = &text[..half.unwrap_or(0)];
        assert!(
            found_in_few_days(&text, &m("一致性握手"), None)
                && !found_in_few_days(half, &m("一致性握手"), None)
        );
        let no_days = "no days here\n".repeat(SKETCHED / 10);
        assert!(!found_in_few_days(&no_days, &m("no"), None));
    }
}
