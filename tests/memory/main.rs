//! Memory on pathological 8 MB shapes stays bounded: every command's peak
//! resident size (as the kernel counts it for the finished child) is at
//! most 200 MB, some 25 times the file, where it once was a hundred times.
//!
//! - 1.7 million bare day lines (`1.1`, `1.2` … over and over): days by the
//!   million, and a duplicate date on nearly every line;
//! - one 8 MB line of `>`: a quote eight million levels deep;
//! - one 12 MB line of text.

#![cfg(target_os = "linux")]
// The child's peak size comes from wait4(2), which std does not expose.
#![allow(unsafe_code)]

use std::path::Path;

// A test binary of its own: the peak size the kernel reports for a child
// counts the parent's size when it was started, and the other tests'
// binary is large and busy.
#[path = "../cli/common.rs"]
mod common;

/// The most a command may take, in KiB.
const LIMIT_KB: i64 = 200 * 1024;

/// Runs `daynotes ARGS` in `dir` to its end; returns its peak resident
/// size in KiB.
#[allow(clippy::zombie_processes, reason = "reaped by wait4, which std cannot")]
fn peak_kb(dir: &Path, args: &[&str]) -> i64 {
    let home = common::Home::new();
    let child = home
        .std_command()
        .current_dir(dir)
        .args(args)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("start daynotes");
    let pid = libc::pid_t::try_from(child.id()).unwrap();
    let mut status = 0;
    // SAFETY: `rusage` is plain integers, for which all zeroes is a value.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: both pointers are to live locals of the right types; the pid
    // is our own child, reaped here exactly once (the `Child` is never
    // waited for again).
    let reaped = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    assert_eq!(reaped, pid, "wait4");
    assert!(libc::WIFEXITED(status), "{args:?} did not exit");
    usage.ru_maxrss
}

/// One of the shapes, written to a directory of its own as `NAME`, a
/// piece at a time: the child's peak counts this process's size when it
/// was started (the kernel carries it over the exec), so no shape is ever
/// held here whole.
fn shape(name: &str) -> tempfile::TempDir {
    use std::io::Write;
    let dir = tempfile::tempdir().unwrap();
    let file = std::fs::File::create(dir.path().join(name)).unwrap();
    let mut w = std::io::BufWriter::new(file);
    match name {
        "days.txt" => {
            let mut written = 0;
            'fill: loop {
                for month in 1..=12 {
                    for day in 1..=28 {
                        let line = format!("{month}.{day}\n");
                        w.write_all(line.as_bytes()).unwrap();
                        written += line.len();
                        if written >= 8 << 20 {
                            break 'fill;
                        }
                    }
                }
            }
        }
        "quote.txt" => {
            w.write_all(b"8.22\n    1.quote\n        ").unwrap();
            for _ in 0..8 {
                w.write_all(&[b'>'; 1 << 20]).unwrap();
            }
            w.write_all(b"\n").unwrap();
        }
        _ => {
            w.write_all(b"8.22\n    1.long\n        ").unwrap();
            for _ in 0..(12 << 20) / 16 {
                w.write_all("tcp握手 seq=x ".as_bytes()).unwrap();
            }
            w.write_all(b"\n").unwrap();
        }
    }
    w.flush().unwrap();
    dir
}

/// Asserts that `daynotes ARGS` (the file last) stays within the limit.
#[track_caller]
fn within_limit(args: &[&str]) {
    let dir = shape(args.last().unwrap());
    let kb = peak_kb(dir.path(), args);
    assert!(kb <= LIMIT_KB, "{args:?}: {} MB at its peak", kb / 1024);
}

// Each command on its own, so that they run side by side.

#[test]
fn list_of_a_million_days() {
    within_limit(&["list", "days.txt"]);
}

#[test]
fn check_of_a_million_days() {
    within_limit(&["check", "days.txt"]);
}

#[test]
fn export_of_a_million_days() {
    within_limit(&["export", "--format", "json", "days.txt"]);
}

#[test]
fn show_of_a_quote_eight_million_deep() {
    within_limit(&["show", "8.22", "quote.txt"]);
}

#[test]
fn show_of_a_12_mb_line() {
    within_limit(&["show", "8.22", "long.txt"]);
}

/// A folder of 20,000 daily notes of a line each: memory grows with the
/// text, not with the count of files (it was 5.5 KB a file, 107 MB in
/// all). The limit is 1.5 times the text and 30 MB.
#[test]
fn a_folder_of_twenty_thousand_tiny_notes() {
    let dir = tempfile::tempdir().unwrap();
    let mut bytes = 0;
    for n in 0..20_000i64 {
        let (y, m, d) = daynotes_core::dates::civil_from_days(n);
        let text = "- x\n";
        std::fs::write(dir.path().join(format!("{y:04}-{m:02}-{d:02}.md")), text).unwrap();
        bytes += text.len() as i64;
    }
    let limit = (bytes * 3 / 2) / 1024 + 30 * 1024;
    for args in [
        &["list", "."][..],
        &["check", "."],
        &["export", "--format", "json", "."],
    ] {
        let peak = peak_kb(dir.path(), args);
        assert!(peak <= limit, "{args:?}: {peak} KiB, more than {limit} KiB");
    }
}
