//! Only regular files are read (or directories of them): a FIFO would block
//! for ever and a device may never end, so either given as PATH, as
//! `$DAYNOTES_FILE` or as `--config` is refused with one line naming it,
//! at once. A NUL byte anywhere makes a file binary, refused as such, and a
//! binary file is refused from its first 8 KiB, before the rest is read.

#![cfg(unix)]

use std::path::Path;
use std::time::Duration;

/// Far longer than any of these refusals takes; a read that blocks fails
/// here instead of hanging the suite.
const HANG: Duration = Duration::from_secs(20);

use crate::common;

use crate::common::Daynotes;

fn daynotes(dir: &Path, args: &[&str]) -> Daynotes {
    let mut cmd = common::daynotes_in(dir, args);
    cmd.timeout(HANG);
    cmd
}

/// Asserts status 2, nothing on stdout and one `daynotes: error:` line;
/// returns that line.
#[track_caller]
fn fails(mut cmd: Daynotes) -> String {
    let out = cmd.output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr).to_string();
    assert_eq!(out.status.code(), Some(2), "stderr: {stderr}");
    assert!(out.stdout.is_empty(), "{out:?}");
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.len(), 1, "stderr: {stderr}");
    assert!(lines[0].starts_with("daynotes: error: "), "{stderr}");
    lines[0].to_string()
}

fn mkfifo(path: &Path) {
    let ok = std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .expect("run mkfifo")
        .success();
    assert!(ok, "mkfifo {}", path.display());
}

#[test]
fn a_fifo_is_refused_as_path_env_and_config() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("notes.txt");
    mkfifo(&fifo);
    for args in [
        &["list", "notes.txt"][..],
        &["notes.txt", "check"],
        &["search", "x", "notes.txt"],
        &["search", "--count", "x", "notes.txt"],
        &["show", "8.22", "notes.txt"],
    ] {
        let line = fails(daynotes(dir.path(), args));
        assert!(
            line.contains("notes.txt: not a regular file (a FIFO)"),
            "{args:?}: {line}"
        );
    }
    let mut env = daynotes(dir.path(), &["list"]);
    env.env("DAYNOTES_FILE", &fifo);
    let line = fails(env);
    assert!(line.contains("$DAYNOTES_FILE"), "{line}");
    assert!(line.contains("not a regular file (a FIFO)"), "{line}");

    let seed = Path::new(env!("CARGO_MANIFEST_DIR")).join("notes/study-notes.txt");
    let config = dir.path().join("config.yaml");
    mkfifo(&config);
    let line = fails(daynotes(
        dir.path(),
        &["--config", "config.yaml", "list", seed.to_str().unwrap()],
    ));
    assert!(
        line.contains("config.yaml: not a regular file (a FIFO)"),
        "{line}"
    );
}

#[test]
fn devices_are_refused_without_being_read() {
    let dir = tempfile::tempdir().unwrap();
    for device in ["/dev/zero", "/dev/urandom", "/dev/null"] {
        let line = fails(daynotes(dir.path(), &["list", device]));
        assert!(
            line.contains(&format!(
                "{device}: not a regular file (a character device)"
            )),
            "{line}"
        );
        let mut env = daynotes(dir.path(), &["check"]);
        env.env("DAYNOTES_FILE", device);
        fails(env);
        fails(daynotes(dir.path(), &["--config", device, "list"]));
    }
}

#[test]
fn a_directory_as_config_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("conf")).unwrap();
    let line = fails(daynotes(dir.path(), &["--config", "conf", "list"]));
    assert!(line.contains("conf: is a directory"), "{line}");
}

#[test]
fn a_nul_byte_anywhere_makes_a_file_binary() {
    let dir = tempfile::tempdir().unwrap();
    let mut text = String::from("8.22:\n    1.topic\n");
    while text.len() < 100_000 {
        text.push_str("        a line of notes\n");
    }
    let mut late = text.clone().into_bytes();
    late.extend_from_slice(b"        \0 a NUL far in\n");
    std::fs::write(dir.path().join("late.txt"), &late).unwrap();
    for args in [
        &["list", "late.txt"][..],
        &["search", "--count", "notes", "late.txt"],
        &["search", "notes", "late.txt"],
    ] {
        let line = fails(daynotes(dir.path(), args));
        assert!(line.contains("late.txt: binary file"), "{args:?}: {line}");
    }
    // In UTF-16 the NUL is a character (U+0000), not half of one.
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend(
        "8.22:\n    1.a\0b\n"
            .encode_utf16()
            .flat_map(u16::to_le_bytes),
    );
    std::fs::write(dir.path().join("utf16.txt"), &utf16).unwrap();
    let line = fails(daynotes(dir.path(), &["list", "utf16.txt"]));
    assert!(line.contains("utf16.txt: binary file"), "{line}");
    // Without one it reads as usual.
    let mut clean = vec![0xFF, 0xFE];
    clean.extend(
        "8.22:\n    1.ab\n"
            .encode_utf16()
            .flat_map(u16::to_le_bytes),
    );
    std::fs::write(dir.path().join("clean16.txt"), &clean).unwrap();
    daynotes(dir.path(), &["list", "clean16.txt"])
        .assert()
        .success();
}
