//! The command line reads a large notes file in place, mapped into memory,
//! while a lease keeps other programs from writing it; where no lease can
//! be had it reads a copy of its own. A program that writes the file while
//! a command runs ends the command with one line naming the file and
//! status 2 — never a panic, never a byte of the file on stderr.

#![cfg(target_os = "linux")]

use std::io::{Read, Seek, Write};
use std::path::Path;
use std::process::Stdio;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use crate::common;

#[test]
fn a_file_cut_short_while_a_command_reads_it_is_a_one_line_error() {
    if !leases_here() {
        eprintln!("skipped: this file system gives no file leases; the copy is tested below");
        return;
    }
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
    if status.code() == Some(0) {
        // No lease to be had this time (the machine's choice, not the
        // file's): the command read a copy of its own, and printed every
        // line of the file as it was, whatever happened to it after.
        assert_eq!(err, "");
        let lines = first.len() + rest.len();
        let line = "8.22 › 1.topic:N: a line that matches\n".len();
        assert!(
            lines > (20 << 20) / 28 * (line - 2),
            "{lines} bytes printed"
        );
        return;
    }
    assert_eq!(status.code(), Some(2), "{err}");
    assert_eq!(
        err,
        format!(
            "daynotes: error: {} changed while it was read; try again\n",
            path.display()
        )
    );
    // What was printed before is whole lines of the file.
    assert!(first.starts_with("8.22 › 1.topic:3: a line that matches\n".as_bytes()));
}

/// True when a read lease can be taken on a file of the temporary
/// directory (Linux, a file system that gives them, our own file).
fn leases_here() -> bool {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("probe");
    std::fs::write(&path, "x").unwrap();
    daynotes_core::load::can_lease(&std::fs::File::open(&path).unwrap())
}

/// Two versions of the same length whose multi-byte characters sit at
/// different offsets, with escape sequences in their lines: a command that
/// read a mix of both, or trusted a char boundary of one in the other,
/// would slice inside a character or print the escapes.
fn versions() -> [Vec<u8>; 2] {
    let mut a = String::from("8.22\n    1.主题\n");
    let line = "        中文 a line \x1b]0;title\x07 with \x1b[31mred\x1b[0m text 字 ".repeat(30);
    let mut n = 0u32;
    while a.len() < (1 << 20) + 4096 {
        n += 1;
        a.push_str(&line);
        if n.is_multiple_of(50) {
            a.push_str("rare");
        }
        a.push('\n');
        if n.is_multiple_of(40) {
            a.push_str(&format!("8.{}\n    1.另一个\n", n % 28 + 1));
        }
    }
    // The same bytes, one ASCII byte later from the second line on, cut to
    // the same length.
    let mut b = a.replacen("\n", "\nx", 1).into_bytes();
    b.truncate(a.len());
    [a.into_bytes(), b]
}

/// Runs daynotes COMMAND on `path` again and again while `rewrite` runs on
/// another thread; every run must end without a panic and print nothing
/// but safe text on stderr. Returns how many runs ended "changed".
fn commands_while(path: &Path, runs: usize, rewrite: impl FnOnce(&AtomicBool) + Send) -> usize {
    let stop = AtomicBool::new(false);
    let commands: [&[&str]; 4] = [
        &["list"],
        &["search", "rare"],
        &["export", "--format", "json"],
        &["check"],
    ];
    let home = common::Home::new();
    /// Stops the rewriting when dropped: when a run's check fails too, so
    /// the test ends with the failure rather than waiting for ever.
    struct Stop<'a>(&'a AtomicBool);
    impl Drop for Stop<'_> {
        fn drop(&mut self) {
            self.0.store(true, Ordering::Relaxed);
        }
    }
    std::thread::scope(|scope| {
        scope.spawn(|| rewrite(&stop));
        let workers: Vec<_> = (0..2)
            .map(|w| {
                let home = &home;
                let stop = &stop;
                scope.spawn(move || {
                    let _stop = Stop(stop);
                    let mut changed = 0;
                    for i in (w..runs).step_by(2) {
                        let args = commands[i % commands.len()];
                        let out = home
                            .std_command()
                            .args(args)
                            .arg(path)
                            .stdout(Stdio::null())
                            .output()
                            .unwrap();
                        let err = String::from_utf8_lossy(&out.stderr);
                        assert!(
                            matches!(out.status.code(), Some(0..=2)),
                            "{args:?}: {:?}\n{err}",
                            out.status
                        );
                        assert!(
                            !err.chars().any(|c| c.is_control() && c != '\n'),
                            "{args:?}: a control character on stderr: {err:?}"
                        );
                        assert!(!err.contains("internal error"), "{args:?}: {err}");
                        if out.status.code() == Some(2) {
                            assert_eq!(err.lines().count(), 1, "{args:?}: {err}");
                            assert!(
                                err.ends_with("changed while it was read; try again\n"),
                                "{err}"
                            );
                            changed += 1;
                        }
                    }
                    changed
                })
            })
            .collect();
        workers.into_iter().map(|w| w.join().unwrap()).sum()
    })
}

#[test]
fn a_file_rewritten_in_place_while_commands_run_is_never_read_half_changed() {
    let dir = tempfile::tempdir().unwrap();
    let path = Arc::new(dir.path().join("notes.txt"));
    let [a, b] = versions();
    std::fs::write(&*path, &a).unwrap();
    // An editor that saves by truncating and writing, opening the file
    // each time: a command holding a lease ends at the writer's open.
    let saves = |stop: &AtomicBool| {
        let mut n = 0usize;
        while !stop.load(Ordering::Relaxed) {
            let v = if n.is_multiple_of(2) { &b } else { &a };
            let mut f = std::fs::OpenOptions::new()
                .write(true)
                .truncate(true)
                .open(&*path)
                .unwrap();
            f.write_all(v).unwrap();
            n += 1;
            std::thread::sleep(std::time::Duration::from_millis(3));
        }
    };
    let changed = commands_while(&path, 1000, saves);
    eprintln!("{changed} of 1000 runs ended: changed while read (saves opening the file)");
    // A program that keeps the file open for writing and rewrites it in
    // place: no lease can be had, so every command reads a copy.
    std::fs::write(&*path, &a).unwrap();
    let in_place = |stop: &AtomicBool| {
        let mut f = std::fs::OpenOptions::new()
            .write(true)
            .open(&*path)
            .unwrap();
        let mut n = 0usize;
        while !stop.load(Ordering::Relaxed) {
            let v = if n.is_multiple_of(2) { &b } else { &a };
            f.set_len(0).unwrap();
            f.rewind().unwrap();
            f.write_all(v).unwrap();
            n += 1;
        }
    };
    let changed = commands_while(&path, 1000, in_place);
    eprintln!("{changed} of 1000 runs ended: changed while read (a writer holding the file)");
}
