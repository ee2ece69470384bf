//! Exit codes and error messages: every bad input is one line on stderr,
//! nothing on stdout, status 2; `check` says 1 when it finds something; a
//! closed pipe is not an error.

use std::io::{BufRead, BufReader};
use std::process::Stdio;

use crate::common;

use crate::common::{Daynotes, daynotes_in as daynotes};

fn seed_dir() -> &'static std::path::Path {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Asserts status 2, empty stdout and a single `daynotes: error:` line;
/// returns that line.
#[track_caller]
fn fails(mut cmd: Daynotes) -> String {
    let out = cmd.assert().code(2).get_output().clone();
    assert!(
        out.stdout.is_empty(),
        "stdout: {}",
        String::from_utf8_lossy(&out.stdout)
    );
    let stderr = String::from_utf8(out.stderr).unwrap();
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.len(), 1, "stderr: {stderr}");
    assert!(lines[0].starts_with("daynotes: error: "), "{stderr}");
    lines[0].to_string()
}

#[test]
fn missing_file() {
    let dir = tempfile::tempdir().unwrap();
    for command in [&[][..], &["list"], &["show", "8.22"], &["check"]] {
        let mut args = command.to_vec();
        args.push("nope.txt");
        let line = fails(daynotes(dir.path(), &args));
        assert!(line.contains("nope.txt"), "{line}");
    }
}

#[test]
fn directory_without_notes() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("empty")).unwrap();
    let line = fails(daynotes(dir.path(), &["list", "empty"]));
    assert!(line.contains("empty"), "{line}");
}

#[test]
fn binary_file() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.bin"), b"8.22:\n\0\0\0\x01\x02binary\0").unwrap();
    let line = fails(daynotes(dir.path(), &["list", "a.bin"]));
    assert!(line.contains("a.bin"), "{line}");
    fails(daynotes(
        dir.path(),
        &["export", "--format", "json", "a.bin"],
    ));
}

#[test]
fn a_file_over_4_gib_is_refused_before_it_is_read() {
    let dir = tempfile::tempdir().unwrap();
    // Sparse: no disk is used and nothing is read.
    let file = std::fs::File::create(dir.path().join("huge.txt")).unwrap();
    file.set_len(5 << 30).unwrap();
    for command in [&["list"][..], &["check"]] {
        let mut args = command.to_vec();
        args.push("huge.txt");
        let line = fails(daynotes(dir.path(), &args));
        assert!(
            line.contains("huge.txt") && line.contains("4 GiB"),
            "{line}"
        );
    }
}

#[test]
fn date_not_in_the_notes_names_the_nearest_days() {
    let line = fails(daynotes(
        seed_dir(),
        &["show", "8.25", "notes/study-notes.txt"],
    ));
    assert!(line.contains("8.24") && line.contains("8.30"), "{line}");
}

#[test]
fn topic_not_in_the_day() {
    let line = fails(daynotes(
        seed_dir(),
        &["show", "8.22/9", "notes/study-notes.txt"],
    ));
    assert!(line.contains("8.22") && line.contains('9'), "{line}");
}

#[test]
fn not_a_date() {
    fails(daynotes(
        seed_dir(),
        &["show", "tuesday", "notes/study-notes.txt"],
    ));
}

#[test]
fn check_on_the_seed() {
    let out = daynotes(seed_dir(), &["check", "notes/study-notes.txt"])
        .output()
        .unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    let expected = if stdout.is_empty() { 0 } else { 1 };
    assert_eq!(out.status.code(), Some(expected), "{stdout}");
    insta::assert_snapshot!("check_seed", stdout);
}

#[test]
fn check_reports_a_bad_date_by_line() {
    let dir = tempfile::tempdir().unwrap();
    let text = "8.22:\n    1.tcp\n        body\n13.45:\n    1.more\n";
    std::fs::write(dir.path().join("bad.txt"), text).unwrap();
    let out = daynotes(dir.path(), &["check", "bad.txt"])
        .assert()
        .code(1)
        .get_output()
        .clone();
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(!stdout.is_empty());
    for line in stdout.lines() {
        let rest = line.strip_prefix("bad.txt:").expect(line);
        let (number, message) = rest.split_once(": ").expect(line);
        assert!(number.parse::<usize>().is_ok(), "{line}");
        assert!(!message.is_empty(), "{line}");
    }
    assert!(stdout.contains("bad.txt:4: "), "{stdout}");
}

#[test]
fn check_on_clean_notes_says_nothing() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("ok.txt"),
        "8.22:\n    1.tcp握手\n        三次握手\n",
    )
    .unwrap();
    daynotes(dir.path(), &["check", "ok.txt"])
        .assert()
        .code(0)
        .stdout("");
}

#[test]
fn closed_pipe_exits_quietly() {
    // Enough output to fill any pipe buffer long after the reader is gone.
    let dir = tempfile::tempdir().unwrap();
    let mut text = String::new();
    for month in 1..=12 {
        for day in 1..=28 {
            text.push_str(&format!("{month}.{day}:\n"));
            for topic in 1..=40 {
                text.push_str(&format!(
                    "    {topic}.第{topic}个题目 topic\n        body\n"
                ));
            }
        }
    }
    std::fs::write(dir.path().join("big.txt"), text).unwrap();
    let home = common::Home::new();
    let mut child = home
        .std_command()
        .current_dir(dir.path())
        .args(["list", "big.txt", "--color", "never"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut first)
        .unwrap();
    assert!(first.starts_with("1.1"), "{first}");
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "{:?}", out.status);
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn a_path_before_the_command_is_used_and_two_paths_are_an_error() {
    let tmp = tempfile::tempdir().unwrap();
    let notes = tmp.path().join("mine.txt");
    std::fs::write(&notes, "9.9:\n    1.mine\n").unwrap();
    let out = daynotes(tmp.path(), &["mine.txt", "list"])
        .assert()
        .success()
        .get_output()
        .clone();
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(stdout.starts_with("9.9  (1 topic)"), "{stdout}");
    assert!(out.stderr.is_empty(), "no origin line for a given path");

    let e = fails(daynotes(tmp.path(), &["mine.txt", "list", "other.txt"]));
    assert!(
        e.contains("two notes paths given: mine.txt and other.txt"),
        "{e}"
    );
}

#[test]
fn date_with_a_command_is_an_error_that_names_show() {
    let e = fails(daynotes(seed_dir(), &["--date", "8.23", "list"]));
    assert!(e.contains("use `show DATE`"), "{e}");
}

#[test]
fn argument_errors_are_one_line_too() {
    let dir = tempfile::tempdir().unwrap();
    for args in [
        &["--colour", "never"][..],
        &["--year", "abc", "list"],
        &["--year", "0", "list"],
        &["show"],
        &["show", "8.22", "--width", "3"],
        &["search"],
        &["list", "--depth", "x"],
        &["export", "--format", "xml"],
        &["completions", "tcsh"],
        &["frobnicate", "--now"],
    ] {
        let line = fails(daynotes(dir.path(), args));
        assert!(line.ends_with("; try --help"), "{args:?}: {line}");
    }
    // A near miss is named.
    let line = fails(daynotes(dir.path(), &["--yeer", "2025"]));
    assert!(line.contains("--year"), "{line}");
    // Help and the version are not errors.
    daynotes(dir.path(), &["--help"]).assert().success();
    daynotes(dir.path(), &["--version"]).assert().success();
}

#[test]
fn a_missing_argument_is_named() {
    let dir = tempfile::tempdir().unwrap();
    for (args, named) in [
        (&["export", "notes"][..], "--format <FORMAT>"),
        (&["show"], "<DATE[/TOPIC]|:LINE>"),
        (&["search"], "<QUERY>"),
        (&["completions"], "<SHELL>"),
    ] {
        let line = fails(daynotes(dir.path(), args));
        assert_eq!(
            line,
            format!(
                "daynotes: error: the following required arguments were not provided: \
                 {named}; try --help"
            ),
            "{args:?}"
        );
    }
}

#[test]
fn a_slip_for_a_command_is_named_with_the_command() {
    let dir = tempfile::tempdir().unwrap();
    let line = fails(daynotes(dir.path(), &["lst"]));
    assert_eq!(
        line,
        "daynotes: error: lst: no such file or directory; did you mean `list`?"
    );
    let line = fails(daynotes(dir.path(), &["--color", "never", "shwo", "8.22"]));
    assert_eq!(
        line,
        "daynotes: error: shwo: no such file or directory; did you mean `show`?"
    );
    // A file of that name is opened, not taken for a slip.
    std::fs::write(dir.path().join("lst"), "8.22:\n    1. tcp\n").unwrap();
    daynotes(dir.path(), &["lst"])
        .assert()
        .success()
        .stdout("8.22  (1 topic)  :1\n  1. tcp  :2\n");
    // A path stays the loader's to name.
    let line = fails(daynotes(dir.path(), &["nope.txt"]));
    assert_eq!(line, "daynotes: error: nope.txt: no such file or directory");
}

#[test]
fn help_asked_of_a_word_that_is_no_command_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let line = fails(daynotes(dir.path(), &["gen-notes", "--help"]));
    assert!(
        line.starts_with(
            "daynotes: error: gen-notes: no such file or directory, and not a command \
             (commands: list, show,"
        ),
        "{line}"
    );
    // Help of a command, and of notes that are there, is help.
    std::fs::write(dir.path().join("mine.txt"), "8.22:\n").unwrap();
    for args in [
        &["list", "--help"][..],
        &["mine.txt", "--help"],
        &["help", "list"],
    ] {
        let out = daynotes(dir.path(), args).assert().success();
        let stdout = String::from_utf8(out.get_output().stdout.clone()).unwrap();
        assert!(stdout.contains("Usage: daynotes"), "{args:?}: {stdout}");
    }
}
