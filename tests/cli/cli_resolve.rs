//! Where the notes come from when no PATH is given: `$DAYNOTES_FILE`, else
//! `./notes/`, else the bundled sample, with one line on stderr saying which.

use std::path::Path;

use assert_cmd::Command;

use crate::common::daynotes_in as daynotes;

/// Stdout and the single stderr line of a successful run.
#[track_caller]
fn run(cmd: &mut Command) -> (String, String) {
    let out = cmd.assert().success().get_output().clone();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(stderr.lines().count(), 1, "stderr: {stderr}");
    (String::from_utf8(out.stdout).unwrap(), stderr)
}

fn seed_list() -> String {
    let out = daynotes(
        Path::new(env!("CARGO_MANIFEST_DIR")),
        &["list", "notes/study-notes.txt"],
    )
    .assert()
    .success()
    .get_output()
    .clone();
    String::from_utf8(out.stdout).unwrap()
}

const OTHER: &str = "3.14：圆周率日\n    1.π\n        3.14159\n";

#[test]
fn empty_directory_shows_the_sample_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let (stdout, stderr) = run(&mut daynotes(dir.path(), &["list"]));
    assert_eq!(stdout, seed_list());
    assert!(stderr.to_lowercase().contains("sample"), "{stderr}");
    // With no command on a pipe, the same outline.
    let (stdout, _) = run(&mut daynotes(dir.path(), &[]));
    assert_eq!(stdout, seed_list());
}

#[test]
fn daynotes_file_is_used_and_named() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("pi.txt");
    std::fs::write(&file, OTHER).unwrap();
    let elsewhere = tempfile::tempdir().unwrap();
    let (stdout, stderr) = run(daynotes(elsewhere.path(), &["list"]).env("DAYNOTES_FILE", &file));
    assert!(stdout.starts_with("3.14 圆周率日  (1 topic)"), "{stdout}");
    assert!(stderr.contains("pi.txt"), "{stderr}");
}

#[test]
fn notes_directory_is_found() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("notes")).unwrap();
    std::fs::write(dir.path().join("notes/pi.txt"), OTHER).unwrap();
    let (stdout, stderr) = run(&mut daynotes(dir.path(), &["list"]));
    assert!(stdout.starts_with("3.14 圆周率日"), "{stdout}");
    assert!(stderr.contains("notes"), "{stderr}");
}

#[test]
fn a_path_given_says_nothing_on_stderr() {
    daynotes(
        Path::new(env!("CARGO_MANIFEST_DIR")),
        &["list", "notes/study-notes.txt"],
    )
    .env("DAYNOTES_FILE", "/nonexistent/elsewhere.txt")
    .assert()
    .success()
    .stderr("");
}
