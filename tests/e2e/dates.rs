//! Jumping to a date in the real program: `:` with a day that has notes,
//! one that has none, the calendar, Ctrl-O back, and `--date` at start.

use crate::harness::{Term, status};
use crate::output::assert_restored;

const SEED: &str = "notes/study-notes.txt";

#[test]
fn go_to_8_30_then_8_25_then_back() {
    let mut term = Term::start(&[SEED], 100, 30);
    term.wait_for("tcp握手");

    term.send(":8.30");
    term.wait_until("the preview", |s| status(s).ends_with("→ 8.30"));
    term.send("\r");
    let screen = term.wait_until("8.30 shown", |s| status(s).contains("showing 8.30"));
    assert!(
        screen.contains("┌ 8.30 "),
        "the content pane shows 8.30:\n{screen}"
    );
    assert!(screen.contains("1. 接口失效"), "{screen}");

    term.send(":8.25\r");
    let screen = term.wait_for("no notes on 8.25 — showing 8.24, 1 day earlier");
    assert!(screen.contains("┌ 8.24 "), "{screen}");
    assert!(
        screen.contains("储存桶和数据库存数据有什么区别"),
        "{screen}"
    );

    // Ctrl-O goes back to 8.30.
    term.send("\x0f");
    let screen = term.wait_until("back at 8.30", |s| status(s).contains("history"));
    assert!(screen.contains("┌ 8.30 "), "{screen}");
    assert!(screen.contains("1. 接口失效"), "{screen}");

    term.send("q");
    assert!(term.wait_exit().success());
    assert_restored(&term);
}

#[test]
fn a_date_that_cannot_be_read_stays_in_the_prompt() {
    let mut term = Term::start(&[SEED], 100, 30);
    term.wait_for("tcp握手");
    term.go_to_first_day("8.22");
    term.send(":2.30\r");
    let screen = term.wait_for("2.30 is not a date");
    assert!(status(&screen).starts_with(":2.30"), "{screen}");
    assert!(screen.contains("┌ 8.22 "), "nothing moved:\n{screen}");
    term.send("\x1b");
    term.wait_until("the prompt closed", |s| !status(s).starts_with(':'));
    term.send("q");
    assert!(term.wait_exit().success());
}

#[test]
fn calendar_enter_and_date_at_start() {
    let mut term = Term::start(&["--date", "9.1", "--year", "2025", SEED], 100, 30);
    let screen = term.wait_for("showing 2025-09-01 Mon");
    assert!(screen.contains("cookie是什么"), "{screen}");
    term.send("c");
    term.wait_for("September 2025");
    // Ten days on (h/l by day, j/k by week): 9.11.
    term.send("jlll");
    term.wait_for("2025-09-11 Thu · 1 topic");
    term.send("\r");
    let screen = term.wait_for("showing 2025-09-11 Thu");
    assert!(screen.contains("网路层级"), "{screen}");
    term.send("q");
    assert!(term.wait_exit().success());
    assert_restored(&term);
}
