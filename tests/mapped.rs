//! The command line reads a large notes file in place, mapped into memory.
//! Cut short by another program while a command runs, the file's pages
//! past its new end are gone: the command ends with one line naming the
//! file and status 2, not a crash.

#![cfg(target_os = "linux")]

use std::io::Read;
use std::process::Stdio;

mod common;

#[test]
fn a_file_cut_short_while_a_command_reads_it_is_a_one_line_error() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.txt");
    let mut text = String::from("8.22\n    1.topic\n");
    while text.len() < 20 << 20 {
        text.push_str("        a line that matches\n");
    }
    std::fs::write(&path, &text).unwrap();
    let home = common::Home::new();
    let mut child = home
        .std_command()
        .args(["search", "matches", path.to_str().unwrap()])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = child.stdout.take().unwrap();
    // Printing has begun: the pipe holds it up long before the end.
    let mut first = vec![0u8; 64 << 10];
    stdout.read_exact(&mut first).unwrap();
    std::fs::OpenOptions::new()
        .write(true)
        .open(&path)
        .unwrap()
        .set_len(0)
        .unwrap();
    let mut rest = Vec::new();
    stdout.read_to_end(&mut rest).unwrap();
    let mut err = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut err)
        .unwrap();
    let status = child.wait().unwrap();
    assert_eq!(status.code(), Some(2), "{err}");
    assert_eq!(
        err,
        format!(
            "daynotes: error: {}: cut short while it was read (changed by another program)\n",
            path.display()
        )
    );
    // What was printed before is whole lines of the file.
    assert!(first.starts_with("8.22 › 1.topic:3: a line that matches\n".as_bytes()));
}
