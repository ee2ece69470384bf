//! Signals and job control: the terminal is restored whatever ends or stops
//! the program.

use crate::harness::Term;
use crate::output::assert_restored;

/// How every frame begins (a synchronized update).
const SYNC_BEGIN: &[u8] = b"\x1b[?2026h";

const SEED: &str = "notes/study-notes.txt";

/// Starts on the seed and waits for the first frame.
fn started() -> Term {
    let term = Term::start(&[SEED], 100, 30);
    term.wait_for("tcp握手");
    term
}

#[track_caller]
fn assert_ended_by(term: &mut Term, signal: &str, number: u32) {
    term.signal(signal);
    let status = term.wait_exit();
    assert_eq!(status.exit_code(), 128 + number, "status {status:?}");
    assert_restored(term);
}

#[test]
fn sigterm_restores_the_terminal() {
    let mut term = started();
    assert_ended_by(&mut term, "TERM", 15);
}

#[test]
fn sighup_and_sigint_restore_the_terminal() {
    let mut term = started();
    assert_ended_by(&mut term, "HUP", 1);
    let mut term = started();
    assert_ended_by(&mut term, "INT", 2);
}

#[test]
fn ctrl_z_suspends_and_continue_redraws() {
    let mut term = started();
    let first = term.screen();
    term.send("j");
    let before = term.wait_until("j to move", |s| s != first);
    term.send("\x1a");
    // Stopped, with the terminal given back to the shell.
    term.wait_state("the main screen", |s| {
        !s.alternate_screen() && !s.hide_cursor()
    });
    term.wait_until("the process to stop", |_| term.proc_state() == Some('T'));
    // `fg` sends SIGCONT: the program takes the screen back and redraws.
    term.signal("CONT");
    term.wait_state("the alternate screen", |s| s.alternate_screen());
    term.wait_until("the redraw", |s| s == before);
    term.send("q");
    assert!(term.wait_exit().success());
    assert_restored(&term);
}

#[test]
fn sigtstp_from_outside_suspends_too() {
    let mut term = started();
    term.signal("TSTP");
    term.wait_state("the main screen", |s| !s.alternate_screen());
    term.wait_until("the process to stop", |_| term.proc_state() == Some('T'));
    term.signal("CONT");
    term.wait_state("the alternate screen", |s| s.alternate_screen());
    term.wait_for("tcp握手");
    assert_ended_by(&mut term, "TERM", 15);
}

#[test]
fn a_key_sent_with_a_resize_is_taken_at_once() {
    // A window-size change and a key read in the same wake-up: the key is
    // acted on then, not held back until the next key comes (as it was
    // with an edge-triggered reader, about one time in eight). At these
    // widths one pane shows at a time, its name on the status line.
    let mut term = started();
    for round in 0..24u16 {
        let width = if round % 2 == 0 { 56 } else { 60 };
        term.resize(width, 20);
        term.send("\t");
        let pane = if round % 2 == 0 {
            "[content]"
        } else {
            "[outline]"
        };
        term.wait_until(&format!("round {round}: {pane} at {width} columns"), |s| {
            crate::harness::status(s).contains(pane) && s.lines().count() == 20
        });
    }
    term.send("q");
    assert!(term.wait_exit().success());
}

#[test]
fn keys_that_come_at_once_are_drawn_once() {
    // Eighty keys in one write (a paste, or keys piling up while a large
    // file is drawn): taken together, then one picture, not eighty.
    let frames = |term: &Term| {
        let raw = term.raw();
        raw.windows(SYNC_BEGIN.len())
            .filter(|w| *w == SYNC_BEGIN)
            .count()
    };
    let mut term = started();
    term.go_to_first_day("8.22");
    let before = frames(&term);
    term.send(&format!("{}G", "jk".repeat(40)));
    term.wait_until("the last row", |s| {
        crate::harness::status(s).contains("day 6/6")
    });
    let drawn = frames(&term) - before;
    assert!(drawn <= 8, "{drawn} frames for 81 keys");
    term.send("q");
    assert!(term.wait_exit().success());
}
