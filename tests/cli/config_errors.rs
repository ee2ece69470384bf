//! The configuration file as a user meets it: every key read, and each kind
//! of mistake a one-line error with the file, line and column and what would
//! be valid (pinned by snapshots), never silently ignored.

use crate::common::daynotes;

const SEED: &str = "notes/study-notes.txt";

/// `daynotes --config FILE ARGS` with `yaml` as FILE's content; the
/// temporary directory is returned so the file outlives the run.
fn with_config(yaml: &str, args: &[&str]) -> (tempfile::TempDir, std::process::Output) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("config.yaml");
    std::fs::write(&path, yaml).unwrap();
    let out = daynotes(&[])
        .env("NO_COLOR", "1")
        .arg("--config")
        .arg(&path)
        .args(args)
        .output()
        .unwrap();
    (dir, out)
}

/// The error line with the temporary directory replaced by `DIR`.
fn error_of(yaml: &str) -> String {
    let (dir, out) = with_config(yaml, &["list", SEED]);
    assert_eq!(out.status.code(), Some(2), "{yaml}");
    assert!(out.stdout.is_empty());
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(err.lines().count(), 1, "one line: {err}");
    err.replace(&dir.path().display().to_string(), "DIR")
}

#[test]
fn an_unknown_key_names_the_valid_ones() {
    insta::assert_snapshot!(error_of("theme: dark\ncolour: red\n"));
}

#[test]
fn bad_values_say_what_is_valid() {
    insta::assert_snapshot!("theme", error_of("theme: blue\n"));
    insta::assert_snapshot!("tab_width", error_of("tab_width: 0\n"));
    insta::assert_snapshot!("tab_width_300", error_of("tab_width: 300\n"));
    insta::assert_snapshot!("year", error_of("year: abc\n"));
    insta::assert_snapshot!("role", error_of("colors:\n  headline: red\n"));
    insta::assert_snapshot!("colour", error_of("colors:\n  heading: blurple\n"));
    insta::assert_snapshot!("action", error_of("keys:\n  jump: [j]\n"));
    insta::assert_snapshot!("key", error_of("keys:\n  quit: [Hyper-q]\n"));
    insta::assert_snapshot!("yaml", error_of("keys: [oops\n"));
    insta::assert_snapshot!("not_a_mapping", error_of("dark\n"));
    insta::assert_snapshot!("editor", error_of("editor: \"vim 'x\"\n"));
}

#[test]
fn a_missing_explicit_config_is_an_error_and_a_missing_default_is_not() {
    let out = daynotes(&["--config", "no/such/config.yaml", "list", SEED])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        "daynotes: error: no/such/config.yaml: no such file or directory\n"
    );
    // The run's own XDG_CONFIG_HOME holds no config.yaml.
    daynotes(&["list", SEED]).assert().success();
}

/// Puts `yaml` where a user's config would be under `base`.
fn user_config(base: &std::path::Path, yaml: &str) {
    let dir = base.join("daynotes");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("config.yaml"), yaml).unwrap();
}

#[test]
fn the_default_config_is_read_from_xdg_config_home_else_home() {
    let mut cmd = daynotes(&["list", SEED]);
    user_config(&cmd.home().config(), "theme: blue\n");
    let out = cmd.output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    let file = cmd.home().config().join("daynotes/config.yaml");
    assert!(err.contains(&file.display().to_string()), "{err}");

    let mut cmd = daynotes(&["list", SEED]);
    cmd.env_remove("XDG_CONFIG_HOME");
    user_config(&cmd.home().home().join(".config"), "theme: blue\n");
    let err = String::from_utf8(cmd.output().unwrap().stderr).unwrap();
    assert!(err.contains("home/.config/daynotes/config.yaml"), "{err}");
}

#[test]
fn the_default_config_prints_and_reads_back() {
    let out = daynotes(&["config", "--default"]).output().unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("# theme: dark"));
    let (_dir, out) = with_config(&text, &["list", "--depth", "1", SEED]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn the_config_notes_year_and_keys_are_used() {
    let (_dir, out) = with_config(
        &format!("notes: {SEED}\nyear: 2025\nkeys:\n  quit: [x]\n"),
        &["show", "8.22"],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with("8.22"), "{text}");
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("(from the config)"), "{err}");
}

#[test]
fn the_config_tab_width_is_how_wide_a_tab_is_shown() {
    let dir = tempfile::tempdir().unwrap();
    let notes = dir.path().join("tabs.txt");
    std::fs::write(&notes, "8.22:\n    1.tabs\n        x\ty\n").unwrap();
    let notes = notes.to_str().unwrap();
    let body_of = |yaml: &str| {
        let (_dir, out) = with_config(yaml, &["show", "8.22/1", notes]);
        assert!(out.status.success(), "{out:?}");
        let text = String::from_utf8(out.stdout).unwrap();
        let body = text.lines().map(str::trim).find(|l| l.starts_with('x'));
        body.unwrap_or_default().to_string()
    };
    // `x` in the first column, the tab to the next multiple of the width.
    assert_eq!(body_of(""), "x   y");
    assert_eq!(body_of("tab_width: 8\n"), "x       y");
    assert_eq!(body_of("tab_width: 2\n"), "x y");
}

#[test]
fn timings_are_printed_on_exit() {
    let out = daynotes(&["--timings", "check", SEED]).output().unwrap();
    let err = String::from_utf8(out.stderr).unwrap();
    let names: Vec<&str> = err
        .lines()
        .map(|l| l.split_whitespace().next().unwrap())
        .collect();
    assert_eq!(
        names,
        ["read", "decode", "parse", "write", "total"],
        "{err}"
    );
    assert!(err.lines().all(|l| l.ends_with(" ms")), "{err}");
}

#[test]
fn completions_and_the_manual() {
    for shell in ["bash", "zsh", "fish"] {
        let out = daynotes(&["completions", shell]).output().unwrap();
        assert!(out.status.success());
        assert!(String::from_utf8(out.stdout).unwrap().contains("daynotes"));
    }
    let out = daynotes(&["man"]).output().unwrap();
    let page = String::from_utf8(out.stdout).unwrap();
    assert!(page.contains(".TH daynotes"));
    // The viewer's keys and the configuration are in it; no page it names
    // is missing (the commands are sections of this one).
    for part in [
        ".SH VIEWER KEYS",
        ".SS In the calendar",
        ".SH CONFIGURATION",
    ] {
        assert!(page.contains(part), "{part}");
    }
    assert!(!page.contains("daynotes\\-list(1)"), "{page}");
    // groff, when installed, reads it without a warning.
    let groff = std::process::Command::new("groff")
        .args(["-k", "-man", "-Tutf8", "-ww", "-z"])
        .stdin(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn();
    let Ok(mut groff) = groff else {
        eprintln!("skipped: groff is not installed, the manual page is not typeset");
        return;
    };
    use std::io::Write as _;
    groff
        .stdin
        .take()
        .unwrap()
        .write_all(page.as_bytes())
        .unwrap();
    let out = groff.wait_with_output().unwrap();
    let warnings = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success() && warnings.is_empty(), "{warnings}");
}

#[test]
fn a_config_over_1_mb_is_refused_unread() {
    // Valid YAML (comments) just over the limit: refused for its size; one
    // just under it is read.
    let line = "# a comment line of some length, repeated\n";
    let big = line.repeat((1 << 20) / line.len() + 1);
    assert!(big.len() > 1 << 20);
    let (dir, out) = with_config(&big, &["list", SEED]);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(
        err.replace(&dir.path().display().to_string(), "DIR"),
        "daynotes: error: DIR/config.yaml: over 1 MB; a configuration file is at most 1 MB\n"
    );
    let fits = line.repeat((1 << 20) / line.len() - 1);
    let (_dir, out) = with_config(&fits, &["list", SEED]);
    assert_eq!(out.status.code(), Some(0));
}
