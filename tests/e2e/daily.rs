//! Daily use in the real program: the notes changing on disk while open
//! (an atomic save, the file deleted and back), `e` handing the terminal to
//! an editor and reading the notes again, `y` writing an OSC 52 clipboard
//! sequence, `--color never`.

use std::fs;

#[cfg(unix)]
use crate::harness::stand_in_editor;
use crate::harness::{Term, status};
use crate::output::assert_restored;

const SEED: &str = include_str!("../../notes/study-notes.txt");

/// A copy of the sample notes, `notes.txt` in a directory of its own, which
/// the test may edit (and fill with more files) while daynotes watches it.
fn seed_copy() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("notes.txt");
    fs::write(&file, SEED).unwrap();
    (dir, file)
}

/// Writes `text` as vim and VS Code save: a new file renamed over `file`.
fn save_atomically(file: &std::path::Path, text: &str) {
    let tmp = file.with_extension("txt.new");
    fs::write(&tmp, text).unwrap();
    fs::rename(&tmp, file).unwrap();
}

#[test]
fn changes_on_disk_are_shown_and_a_deleted_file_keeps_the_last_version() {
    let (_dir, file) = seed_copy();
    let path = file.to_str().unwrap();
    let mut term = Term::start(&[path], 100, 30);
    term.wait_for("tcp握手");
    term.go_to_first_day("8.22");
    term.send("]");
    term.wait_until("8.23 selected", |s| status(s).starts_with(" 8.23"));

    // An atomic save: a new file renamed over the old. The wait is for the
    // new text itself, so a reload of a first burst of events that still
    // saw the old file cannot satisfy it.
    save_atomically(&file, &SEED.replacen("8.23： ", "8.23： 新的一天", 1));
    let screen = term.wait_until("the new title, read again", |s| {
        s.contains("8.23 新的一天") && status(s).contains("changed on disk: read again, 6 days")
    });
    assert!(
        status(&screen).contains("day 2/6"),
        "still on 8.23:\n{screen}"
    );

    // Deleted: the last version stays, with a message.
    fs::remove_file(&file).unwrap();
    let screen = term.wait_for("showing the last version read");
    assert!(screen.contains("tcp握手"), "{screen}");

    // Back (in one rename, so exactly one change is noticed), then `r`
    // reads it by hand once that change has been read.
    save_atomically(&file, SEED);
    term.wait_until("the notes back, read again", |s| {
        status(s).starts_with(" changed on disk: read again, 6 days")
    });
    term.send("r");
    term.wait_until("read again by hand", |s| {
        status(s).starts_with(" read again, 6 days")
    });
    term.send("q");
    assert!(term.wait_exit().success());
    assert_restored(&term);
}

// The stand-in editor is a shell script.
#[cfg(unix)]
#[test]
fn the_editor_gets_the_terminal_and_the_line_then_the_notes_are_read_again() {
    let (dir, file) = seed_copy();
    // A stand-in editor, called vi so that it is given `+LINE FILE`:
    // records its arguments and appends a day.
    let log = dir.path().join("args.txt");
    fs::create_dir(dir.path().join("bin")).unwrap();
    let editor = stand_in_editor(
        &dir.path().join("bin"),
        &format!(
            "echo \"$@\" > '{}'\nprintf '\\n9.12\\n    1.edited\\n' >> \"$2\"\n",
            log.display()
        ),
    );
    let path = file.to_str().unwrap();
    let mut term = Term::start_env(&[path], &[("EDITOR", editor.to_str().unwrap())], 100, 30);
    term.wait_for("tcp握手");
    term.go_to_first_day("8.22");
    term.send("]j");
    term.wait_until("8.23 topic 1", |s| status(s).contains("http长轮询"));
    term.send("e");
    let screen = term.wait_for("9.12");
    assert!(status(&screen).contains("read again, 7 days"), "{screen}");
    assert!(screen.contains("1. http长轮询"), "still there:\n{screen}");
    // The fake editor's arguments: +LINE FILE (its own name is not $0 here).
    let args = fs::read_to_string(&log).unwrap();
    assert_eq!(args.trim(), format!("+91 {path}"));
    term.send("q");
    assert!(term.wait_exit().success());
    assert_restored(&term);
}

/// Keys typed while the editor runs are the editor's: daynotes reads none
/// of them (`q` would quit it, `j` move it).
#[cfg(unix)]
#[test]
fn keys_typed_in_the_editor_reach_the_editor() {
    let (dir, file) = seed_copy();
    let log = dir.path().join("typed.txt");
    fs::create_dir(dir.path().join("bin")).unwrap();
    let editor = stand_in_editor(
        &dir.path().join("bin"),
        &format!(
            "printf 'EDITOR READY'\nread line\necho \"$line\" > '{}'\n",
            log.display()
        ),
    );
    let path = file.to_str().unwrap();
    let mut term = Term::start_env(&[path], &[("EDITOR", editor.to_str().unwrap())], 100, 30);
    term.wait_for("tcp握手");
    term.go_to_first_day("8.22");
    term.send("e");
    term.wait_for("EDITOR READY");
    term.send("jjq\r");
    // Back in daynotes, which is still running, where it was (the editor
    // changed nothing: nothing is read again).
    let screen = term.wait_until("the viewer again", |s| status(s).contains("day 1/6"));
    assert!(status(&screen).starts_with(" 8.22"), "{screen}");
    assert_eq!(fs::read_to_string(&log).unwrap().trim(), "jjq");
    term.send("q");
    assert!(term.wait_exit().success());
    assert_restored(&term);
}

#[test]
fn y_copies_through_osc_52_and_color_never_draws_no_colour() {
    let mut term = Term::start(&["--color", "never", "notes/study-notes.txt"], 100, 30);
    term.wait_for("tcp握手");
    term.go_to_first_day("8.22");
    term.send("jy");
    term.wait_for("copied the topic");
    let raw = String::from_utf8_lossy(&term.raw()).to_string();
    let start = raw.find("\x1b]52;c;").expect("an OSC 52 sequence");
    let payload: String = raw[start + 7..]
        .chars()
        .take_while(|c| *c != '\x07')
        .collect();
    use base64::Engine as _;
    let text = base64::engine::general_purpose::STANDARD
        .decode(payload)
        .unwrap();
    let text = String::from_utf8(text).unwrap();
    assert!(text.starts_with("    1.tcp握手\n"), "{text}");
    assert!(text.contains("**第一次握手（SYN）**："));
    // No cell of the screen has a colour.
    let coloured = term.with_screen(|screen| {
        let (rows, cols) = screen.size();
        (0..rows)
            .flat_map(|r| (0..cols).map(move |c| (r, c)))
            .filter(|&(r, c)| {
                screen.cell(r, c).is_some_and(|cell| {
                    cell.fgcolor() != vt100::Color::Default
                        || cell.bgcolor() != vt100::Color::Default
                })
            })
            .count()
    });
    assert_eq!(coloured, 0);
    term.send("q");
    assert!(term.wait_exit().success());
}

#[test]
fn a_large_file_shows_its_beginning_at_once_then_all_of_it() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("big.txt");
    let text = daynotes_core::generate::notes(12 << 20, 3);
    let days = daynotes_core::load::from_text("big", text.clone())
        .days
        .len();
    fs::write(&file, &text).unwrap();
    let mut term = Term::start(&[file.to_str().unwrap()], 100, 30);
    let all = format!("read {days} days");
    let screen = term.wait_until("the first frame", |s| {
        s.contains("reading: the first 1 MB shown") || s.contains(&all)
    });
    assert!(screen.contains("┌ Outline"), "{screen}");
    // Then the whole file: G goes to its last day.
    term.wait_for(&all);
    term.send("G");
    term.wait_for(&format!("day {days}/{days}"));
    // Saved again: read on a thread, the last version on screen meanwhile.
    fs::write(&file, format!("{text}\n2999\n12.31\n    1.the end\n")).unwrap();
    let more = days + 1;
    term.wait_for(&format!("changed on disk: read again, {more} days"));
    term.send("G");
    term.wait_for(&format!("day {more}/{more}"));
    term.send("q");
    assert!(term.wait_exit().success());
    assert_restored(&term);
}

#[test]
fn the_year_given_at_start_stays_when_the_notes_are_read_again() {
    let (_dir, file) = seed_copy();
    let path = file.to_str().unwrap();
    let mut term = Term::start(&["--year", "2024", path], 100, 30);
    term.wait_for("2024-08-22");
    term.go_to_first_day("2024-08-22");
    term.send("]");
    term.wait_until("8.23 selected", |s| status(s).contains("2024-08-23"));
    term.send("r");
    let screen = term.wait_until("read again", |s| status(s).starts_with(" read again"));
    assert!(screen.contains("2024-08-22"), "{screen}");
    assert!(!screen.contains("▾ 8.22"), "the year was lost:\n{screen}");
    term.send("q");
    assert!(term.wait_exit().success());
}

/// A folder of many daily notes opens on the days their names give, and
/// the notes are read behind the first screen: a journal file's days (not
/// in any name) come once it is read, and the days read by then keep
/// their place.
#[test]
fn a_large_folder_opens_from_its_names_and_is_read_behind() {
    let dir = tempfile::tempdir().unwrap();
    for n in 0..300i64 {
        let (y, m, d) = daynotes_core::dates::civil_from_days(19_000 + n);
        let name = format!("{y:04}-{m:02}-{d:02}.md");
        fs::write(dir.path().join(name), format!("- topic of day {n}\n")).unwrap();
    }
    fs::write(
        dir.path().join("journal.md"),
        "## 2030-01-02\n- a journal entry\n",
    )
    .unwrap();
    let mut term = Term::start(&[dir.path().to_str().unwrap()], 100, 30);
    // It opens on the newest day the names give, read whole at once.
    term.wait_for("topic of day 299");
    // Once read whole: 301 days, the journal's among them.
    term.wait_until("the whole read", |s| status(s).contains("read 301 days"));
    term.send("G");
    term.wait_for("2030-01-02");
    term.send("q");
    assert!(term.wait_exit().success());
}
