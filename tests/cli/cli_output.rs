//! The CLI's output on the bundled notes, as a reader would check it: the
//! outline, a day, a topic and the export, each pinned by a snapshot.

use crate::common::daynotes;

const SEED: &str = "notes/study-notes.txt";

#[track_caller]
fn stdout_of(args: &[&str]) -> String {
    let out = daynotes(args).assert().success().get_output().clone();
    assert!(
        out.stderr.is_empty(),
        "stderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("output is UTF-8")
}

#[test]
fn list_shows_days_topics_and_sections() {
    let out = stdout_of(&["list", SEED, "--color", "never"]);
    insta::assert_snapshot!("list", out);
}

#[test]
fn list_depth_one_is_the_days() {
    let out = stdout_of(&["list", "--depth", "1", SEED, "--color", "never"]);
    let days: Vec<&str> = out
        .lines()
        .map(|l| l.split_whitespace().next().unwrap_or(""))
        .collect();
    assert_eq!(days, ["8.22", "8.23", "8.24", "8.30", "9.1", "9.11"]);
}

#[test]
fn no_command_on_a_pipe_prints_the_outline() {
    assert_eq!(
        stdout_of(&[SEED, "--color", "never"]),
        stdout_of(&["list", SEED, "--color", "never"])
    );
}

#[test]
fn show_a_day() {
    let out = stdout_of(&["show", "8.22", SEED, "--color", "never"]);
    insta::assert_snapshot!("show_8.22", out);
}

#[test]
fn show_a_topic() {
    let out = stdout_of(&["show", "8.23/2", SEED, "--color", "never"]);
    insta::assert_snapshot!("show_8.23_2", out);
}

#[test]
fn show_respects_width() {
    let out = stdout_of(&["show", "8.23/2", SEED, "--color", "never", "--width", "40"]);
    for line in out.lines() {
        let cells = unicode_width::UnicodeWidthStr::width(line);
        assert!(cells <= 40, "{cells} cells: {line:?}");
    }
}

#[test]
fn export_json() {
    let out = stdout_of(&["export", "--format", "json", SEED]);
    insta::assert_snapshot!("export_json", out);
}

#[test]
fn export_yaml_holds_the_same_tree_as_json() {
    let json: serde_json::Value =
        serde_json::from_str(&stdout_of(&["export", "--format", "json", SEED])).unwrap();
    let yaml: serde_json::Value =
        serde_yaml::from_str(&stdout_of(&["export", "--format", "yaml", SEED])).unwrap();
    assert_eq!(json, yaml);
    assert_eq!(json["source"], SEED);
    assert_eq!(json["days"][0]["topics"][0]["title"], "tcp握手");
}

#[test]
fn export_bodies_are_the_dedented_text() {
    let json: serde_json::Value =
        serde_json::from_str(&stdout_of(&["export", "--format", "json", SEED])).unwrap();
    let body = json["days"][0]["topics"][0]["body"].as_str().unwrap();
    assert!(
        body.starts_with("TCP三次握手是建立可靠连接的机制："),
        "{body}"
    );
    assert!(body.contains("\n**第一次握手（SYN）**：\n- 客户端发送SYN包"));
}

/// `show --color always` colours code within a budget: a block whose
/// grammar would take far longer than the timeout below (200 lines at tens
/// of milliseconds each) is printed in time, its first lines coloured and
/// every line present; a short block before it is coloured whole.
#[test]
fn show_colours_code_within_a_budget() {
    let words: Vec<String> = (0..40)
        .map(|i| {
            char::from(b'a' + (i % 26) as u8)
                .to_string()
                .repeat(1 + i / 26)
        })
        .collect();
    let slow = format!("        a ({})\n", words[1..].join(" "));
    let mut text =
        String::from("8.22:\n    1.yaml\n        ```yaml\n        key: value\n        ```\n");
    text.push_str("    2.make\n        ```make\n");
    text.push_str(&slow.repeat(200));
    text.push_str("        ```\n");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("make.txt");
    std::fs::write(&path, text).unwrap();
    let out = daynotes(&["show", "8.22", path.to_str().unwrap(), "--color", "always"])
        .timeout(std::time::Duration::from_secs(8))
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let out = String::from_utf8(out.stdout).unwrap();
    let code: Vec<&str> = out.lines().filter(|l| l.contains("a (b c d")).collect();
    assert_eq!(code.len(), 200, "every line of the block is printed");
    // 24-bit colours are the grammar's: the short yaml block has them.
    let yaml = out.lines().find(|l| l.contains("value")).unwrap();
    assert!(yaml.contains("\x1b[38;2;"), "{yaml:?}");
}

/// `list --depth 1` counts each day's topics without making them: every
/// row is the day's row of the whole outline, its count the same, on the
/// bundled notes, files of many dialects, a daily folder and hostile text.
#[test]
fn list_depth_one_counts_the_topics_the_outline_shows() {
    for path in [
        SEED,
        "tests/fixtures/dialects",
        "tests/fixtures/learnt",
        "tests/fixtures/daily",
        "tests/fixtures/hostile-notes.txt",
    ] {
        let out = |args: &[&str]| {
            let out = daynotes(args).assert().success().get_output().clone();
            String::from_utf8(out.stdout).expect("output is UTF-8")
        };
        let days = out(&["list", "--depth", "1", path, "--color", "never"]);
        let outline = out(&["list", path, "--color", "never"]);
        let day_rows: Vec<&str> = outline.lines().filter(|l| !l.starts_with(' ')).collect();
        assert_eq!(days.lines().collect::<Vec<_>>(), day_rows, "{path}");
        assert!(days.contains(" topics)"), "{path}: {days}");
    }
}
