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

/// The picker on notes with tens of thousands of titles: each key shows at
/// once in the prompt while the ranking comes from its thread, and the
/// titles keep coming as more is typed (typed fast, in one go).
#[test]
fn the_picker_answers_keys_while_it_ranks() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("notes.txt");
    std::fs::write(&file, daynotes_core::generate::notes(6 << 20, 2)).unwrap();
    let nb = daynotes_core::load::from_text("n", std::fs::read_to_string(&file).unwrap());
    let all = daynotes_core::search::fuzzy::entries(&nb);
    let mut ranker = daynotes_core::search::fuzzy::Ranker::default();
    let best = ranker
        .rank(&all, "wsmxy")
        .first()
        .map(|&i| all[i].label.clone());
    let mut term = Term::start(&[file.to_str().unwrap()], 100, 30);
    term.wait_for("┌ Outline");
    term.send("t");
    term.wait_for(&format!("/{}", all.len()));
    term.send("wsmxy");
    term.wait_for("> wsmxy");
    let best = best.expect("a title found by pinyin");
    // The label may be cut at the box's edge: its first characters.
    let shown: String = best.chars().take(20).collect();
    let screen = term.wait_until("the ranking", |s| {
        s.contains(&shown) && !s.contains("ranking…")
    });
    assert!(screen.contains(" Go to — "), "{screen}");
    // Keys act at once: Backspace and more letters, then Esc.
    term.send("\x7fx");
    term.wait_for("> wsmxx");
    term.send("\x1b");
    term.wait_gone(" Go to — ");
    term.send("q");
    assert!(term.wait_exit().success());
}
