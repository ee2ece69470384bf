//! A large file's first screen comes from its beginning alone; what the
//! rest of the file turns out to be is still handled as for any file.

use std::fs;

use crate::harness::Term;

/// Notes of `mb` megabytes, generated.
fn big(mb: usize) -> (tempfile::TempDir, std::path::PathBuf, String) {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("big.txt");
    let text = daynotes_core::generate::notes(mb << 20, 5);
    fs::write(&file, &text).unwrap();
    (dir, file, text)
}

#[test]
fn a_nul_byte_past_the_beginning_is_refused_as_before() {
    let (_dir, file, mut text) = big(12);
    // Far past what the first screen reads.
    let at = (10 << 20..).find(|&i| text.is_char_boundary(i)).unwrap();
    text.insert(at, '\0');
    fs::write(&file, &text).unwrap();
    let mut term = Term::start(&[file.to_str().unwrap()], 100, 30);
    let status = term.wait_exit();
    assert_eq!(status.exit_code(), 2);
    let out = String::from_utf8_lossy(&term.raw()).into_owned();
    let expected = format!(
        "daynotes: error: {}: binary file (it holds a NUL byte)",
        file.display()
    );
    assert!(out.contains(&expected), "{out}");
}

#[test]
fn a_file_cut_short_under_the_viewer_is_read_again() {
    let (_dir, file, text) = big(12);
    let days = daynotes_core::load::from_text("big", text).days.len();
    let mut term = Term::start(&[file.to_str().unwrap()], 100, 30);
    term.wait_for(&format!("read {days} days"));
    // Cut short in place, as an editor that writes over the file does.
    let f = fs::OpenOptions::new().write(true).open(&file).unwrap();
    f.set_len(0).unwrap();
    drop(f);
    fs::write(&file, "8.22\n    1.short now\n").unwrap();
    term.wait_for("short now");
    term.wait_for("changed on disk: read again, 1 day");
    term.send("q");
    assert!(term.wait_exit().success());
}
