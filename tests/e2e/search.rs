//! Search end to end: the real binary in a pseudo-terminal, typing `/SSE`,
//! Enter, `n`, as a user would, and reading the screen.

use crate::harness::Term;

const SEED: &str = "notes/study-notes.txt";

#[test]
fn slash_query_enter_n() {
    let mut term = Term::start(&[SEED], 100, 30);
    term.wait_for("tcp握手");

    // Results appear as the query is typed, grouped under day and topic.
    term.send("/SSE");
    let results = term.wait_until("the results for SSE", |s| {
        s.contains("Search: 3 hits") && s.lines().last().is_some_and(|l| l.starts_with("/SSE"))
    });
    assert!(results.contains("2. 服务器发送事件SSE"), "{results}");
    assert!(results.contains("115  2.服务器发送事件SSE"), "{results}");
    assert!(results.contains("与其他技术对比"), "{results}");
    assert!(
        results.lines().last().unwrap().starts_with("/SSE"),
        "{results}"
    );

    // Enter opens the first hit in the content pane.
    term.send("\r");
    let shown = term.wait_for("hit 1/3");
    assert!(shown.contains("┌ 2. 服务器发送事件SSE"), "{shown}");
    // The match is highlighted on screen.
    term.wait_state("a highlighted SSE", |s| {
        (0..30).any(|row| {
            (0..100).any(|col| {
                s.cell(row, col)
                    .is_some_and(|c| c.contents() == "S" && c.bgcolor() != vt100::Color::Default)
            })
        })
    });

    // n goes on; after the last hit it wraps and says so.
    term.send("n");
    term.wait_for("hit 2/3");
    term.send("nn");
    let wrapped = term.wait_for("hit 1/3");
    assert!(
        wrapped.contains("search wrapped to the first hit"),
        "{wrapped}"
    );

    // Esc leaves search.
    term.send("\x1b");
    term.wait_gone("hit 1/3");
    term.send("q");
    assert!(term.wait_exit().success());
}
