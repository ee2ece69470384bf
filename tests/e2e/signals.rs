//! Signals and job control: the terminal is restored whatever ends or stops
//! the program.

use crate::harness::Term;
use crate::output::assert_restored;

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
