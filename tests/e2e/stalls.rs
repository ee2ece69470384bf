//! Nothing in a notes file may stall the viewer: a code block whose grammar
//! is slow (syntect's make grammar spends tens of milliseconds on each line
//! like `a (b c d …)`) is drawn at once and coloured on a thread, and keys
//! and signals act meanwhile.

use std::path::PathBuf;

use crate::harness::Term;

/// A topic holding a ```` ```make ```` block of `lines` lines that take the
/// grammar long to colour: together far longer than [`crate::harness::TIMEOUT`].
pub fn slow_make_notes(lines: usize) -> String {
    let words: Vec<String> = (0..40)
        .map(|i| {
            let letter = char::from(b'a' + (i % 26) as u8);
            letter.to_string().repeat(1 + i / 26)
        })
        .collect();
    let line = format!("        a ({})\n", words[1..].join(" "));
    let mut s = String::from("8.22:\n    1.make rules\n        ```make\n");
    for _ in 0..lines {
        s.push_str(&line);
    }
    s.push_str("        ```\n    2.after the block\n        done\n");
    s
}

fn slow_file() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("make.txt");
    std::fs::write(&path, slow_make_notes(200)).unwrap();
    (dir, path)
}

#[test]
fn a_slow_grammar_holds_up_neither_the_first_frame_nor_a_key() {
    let (_dir, path) = slow_file();
    let mut term = Term::start(&[path.to_str().unwrap()], 100, 30);
    term.wait_for("a (b c d e f");
    // The outline moves at once, down to the second topic.
    term.send("jj");
    term.wait_for("done");
    term.send("q");
    assert!(term.wait_exit().success());
}

#[test]
fn sigterm_ends_the_viewer_while_code_is_coloured() {
    let (_dir, path) = slow_file();
    let mut term = Term::start(&[path.to_str().unwrap()], 100, 30);
    term.wait_for("a (b c d e f");
    term.signal("TERM");
    assert_eq!(term.wait_exit().exit_code(), 128 + 15);
}

/// `rm notes.txt; mkfifo notes.txt` while the viewer watches it: the read
/// that follows is refused with a message (opening a FIFO would block for
/// ever), the last version read stays, and keys act.
#[test]
#[cfg(unix)]
fn a_fifo_in_place_of_the_notes_is_refused_and_the_viewer_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("notes.txt");
    std::fs::write(&file, daynotes::SAMPLE).unwrap();
    let mut term = Term::start(&[file.to_str().unwrap()], 100, 30);
    term.wait_for("tcp握手");
    term.go_to_first_day("8.22");
    std::fs::remove_file(&file).unwrap();
    let ok = std::process::Command::new("mkfifo")
        .arg(&file)
        .status()
        .unwrap()
        .success();
    assert!(ok, "mkfifo");
    let screen = term.wait_for("not a regular file (a FIFO)");
    assert!(screen.contains("showing the last version read"), "{screen}");
    // Keys act: `]` goes to the next day, `r` tries again.
    term.send("]");
    term.wait_for("http长轮询");
    term.send("r");
    term.wait_for("not a regular file (a FIFO)");
    term.send("q");
    assert!(term.wait_exit().success());
}
