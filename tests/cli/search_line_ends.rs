//! A match never crosses a line end, so a query holding one (`$'\n'`,
//! `$'\r\n'`) can match nothing: it is refused with one line on stderr, by
//! every form of `search` and by the viewer's prompt, and every search loop
//! moves on after each hit. A property test holds the library to it: for
//! any query and text, a search ends and each hit lies within one line.

use std::sync::mpsc;
use std::time::Duration;

use daynotes_core::load::from_text;
use daynotes_core::search::{Index, Matcher, Query, Syntax, count_lines, stream};
use daynotes_view::app::Action;
use proptest::prelude::*;

use crate::common;

/// Longer than any of these searches takes; a search that never ends fails
/// here instead of hanging the suite.
const HANG: Duration = Duration::from_secs(20);

/// Runs `f` on a thread and fails if it has not finished within [`HANG`].
#[track_caller]
fn ends<T: Send + 'static>(what: &str, f: impl FnOnce() -> T + Send + 'static) -> T {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(f());
    });
    rx.recv_timeout(HANG)
        .unwrap_or_else(|_| panic!("{what}: still searching after {HANG:?}"))
}

fn daynotes(dir: &std::path::Path, args: &[&str]) -> common::Daynotes {
    let mut cmd = common::daynotes_in(dir, args);
    cmd.timeout(HANG);
    cmd
}

#[test]
fn a_query_holding_a_line_end_is_refused_by_every_form_of_search() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("lf.txt"), "8.22:\n    1.a\n        x\n").unwrap();
    std::fs::write(
        dir.path().join("crlf.txt"),
        "8.22:\r\n    1.a\r\n        x\r\n",
    )
    .unwrap();
    let cases: &[&[&str]] = &[
        &["search", "\n", "lf.txt"],
        &["search", "\n        x", "lf.txt"],
        &["search", "--count", "\n", "lf.txt"],
        &["search", "--json", "\n", "lf.txt"],
        &["search", "--count", "--json", "\n", "lf.txt"],
        &["search", "\r", "crlf.txt"],
        &["search", "\r\n", "crlf.txt"],
        &["search", "--count", "\r\n", "crlf.txt"],
        &["search", "--regex", "a\nb", "lf.txt"],
        // several files: the notebook path of --count
        &["search", "--count", "\n", "."],
    ];
    for args in cases {
        let out = daynotes(dir.path(), args).output().unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        assert!(out.stdout.is_empty(), "{args:?}");
        assert_eq!(err.lines().count(), 1, "{args:?}: {err}");
        assert!(
            err.starts_with("daynotes: error: a search cannot hold a line end"),
            "{args:?}: {err}"
        );
    }
}

#[test]
fn a_regex_for_a_line_end_finds_nothing_and_ends() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("crlf.txt"), "8.22:\r\nx\r\n\r\ny\r").unwrap();
    for args in [
        ["search", "--regex", r"\n", "crlf.txt"],
        ["search", "--regex", r"\r", "crlf.txt"],
        ["search", "--regex", r"\s+", "crlf.txt"],
    ] {
        let out = daynotes(dir.path(), &args).output().unwrap();
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        assert!(out.stdout.is_empty(), "{args:?}");
    }
}

#[test]
fn the_viewer_prompt_says_why_and_goes_on() {
    let text = ends("the viewer's search", || {
        let mut s = crate::common::seed_screen(100, 30);
        s.press(&[Action::SearchStart, Action::Input('\n')]);
        let screen = s.draw();
        s.press(&[Action::Erase, Action::Input('s'), Action::Input('s')]);
        (screen, s.draw())
    });
    let (refused, after) = text;
    assert!(
        refused.contains("a search cannot hold a line end"),
        "{refused}"
    );
    assert!(after.contains("SSE"), "searching goes on: {after}");
}

/// Text made of a few letters and every kind of line end, so that queries
/// often match and often touch a line end.
fn text() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        prop_oneof![
            Just("a"),
            Just("b"),
            Just("A"),
            Just("握"),
            Just(" "),
            Just("\n"),
            Just("\r"),
            Just("\r\n"),
            Just("8.22:\n"),
            Just("    1.a\n"),
        ],
        0..60,
    )
    .prop_map(|parts| parts.concat())
}

fn query() -> impl Strategy<Value = Query> {
    (
        proptest::collection::vec(
            prop_oneof![
                Just("a"),
                Just("b"),
                Just("A"),
                Just("握"),
                Just(" "),
                Just("\n"),
                Just("\r"),
                Just("\\s"),
                Just("\\n"),
                Just("$"),
                Just("^"),
                Just("*"),
                Just("."),
            ],
            0..5,
        ),
        any::<bool>(),
    )
        .prop_map(|(parts, regex)| Query {
            text: parts.concat(),
            syntax: if regex {
                Syntax::Regex
            } else {
                Syntax::Literal
            },
            ..Query::default()
        })
}

/// The line (start..end, without its terminator) holding byte `at`.
fn line_of(text: &str, at: usize) -> std::ops::Range<usize> {
    let b = text.as_bytes();
    let start = b[..at]
        .iter()
        .rposition(|&c| c == b'\n' || c == b'\r')
        .map_or(0, |i| i + 1);
    let end = b[at..]
        .iter()
        .position(|&c| c == b'\n' || c == b'\r')
        .map_or(text.len(), |i| at + i);
    start..end
}

/// Every way the library searches, checked for `query` in `text`.
fn check(query: &Query, text: &str) -> Result<(), TestCaseError> {
    let Ok(m) = Matcher::new(query) else {
        return Ok(());
    };
    prop_assert!(
        !query.text.contains(['\n', '\r']),
        "a query with a line end is refused"
    );
    let lines = text.split(['\n', '\r']).count();
    // One line, as the viewer's rows and the command's output are searched.
    for r in m.find_all(text) {
        prop_assert!(r.start < r.end, "an empty match");
        let line = line_of(text, r.start);
        prop_assert!(r.end <= line.end, "{r:?} crosses the end of {line:?}");
    }
    // The notebook, as the viewer and `search` do.
    let nb = from_text("t.txt", text.to_string());
    for index in [Index::new(&nb), Index::streaming(&nb)] {
        let hits = index.search(&nb, &m);
        prop_assert!(hits.len() <= lines);
        for h in &hits {
            let line = &text[h.line_start..h.line_end];
            prop_assert!(!line.contains(['\n', '\r']), "a hit spans lines");
            prop_assert!(h.first.end <= line.len());
        }
    }
    // The counts, from the text and streamed from a reader.
    let count = count_lines(&m, text);
    prop_assert!(count <= lines);
    if let Some(streamed) = stream::count_reader(&m, text.as_bytes()).unwrap() {
        prop_assert_eq!(streamed, count);
    }
    Ok(())
}

#[test]
fn every_search_ends_and_every_hit_lies_within_one_line() {
    ends("the property test", || {
        let config = ProptestConfig {
            cases: 600,
            failure_persistence: None,
            ..ProptestConfig::default()
        };
        proptest!(config, |(q in query(), t in text())| {
            check(&q, &t)?;
        });
    });
}
