//! Notes written in other shapes, in the real binary: days in the outline,
//! content rendered as markdown, `]` and `[` in time, a search.

use crate::harness::Term;

const DIR: &str = "tests/fixtures/dialects";

#[test]
fn markdown_heading_days_open_with_their_topics_rendered() {
    let path = format!("{DIR}/iso-headings.md");
    let mut term = Term::start(&[&path], 100, 30);
    term.wait_for("2024-01-02");
    let first = term.go_to_first_day("2024-01-02");
    // The outline: days with the weekday, `###` topics under them.
    assert!(first.contains("▾ 2024-01-02 Tue (2)"), "{first}");
    assert!(first.contains("SQL"), "{first}");
    assert!(first.contains("2024-01-03 Wed review day (1)"), "{first}");
    // The title and intro, outside every day, are shown above the first.
    assert!(first.contains("Learning log"), "{first}");
    // Down to the SQL topic: rendered, the numbered list and the code fence
    // drawn as such, markers gone.
    term.send("j");
    let sql = term.wait_for("┌ SQL");
    assert!(sql.contains("1. select the tables"), "{sql}");
    assert!(sql.contains("SELECT * FROM t;"), "{sql}");
    assert!(!sql.contains("```"), "{sql}");
    assert!(!sql.contains("####"), "{sql}");
    // `]` goes to the next day.
    term.send("]");
    term.wait_for("┌ 2024-01-03 Wed review day");
    term.send("q");
    assert!(term.wait_exit().success());
}

#[test]
fn a_newest_first_log_steps_back_in_time_with_open_bracket() {
    let path = format!("{DIR}/newest-first.md");
    let mut term = Term::start(&[&path], 100, 30);
    let first = term.wait_for("2023-07-12");
    assert!(first.contains("Attention Is All You Need"), "{first}");
    // The file's own order in the outline: newest first.
    let rows: Vec<&str> = first.lines().filter(|l| l.contains("▾ 2023-")).collect();
    assert!(
        rows[0].contains("2023-07-12") && rows[2].contains("2023-06-01"),
        "{first}"
    );
    // `[` goes to the earlier date, which is further down the file; `]`
    // back up to the later one.
    term.send("[");
    term.wait_for("┌ 2023-06-29");
    term.send("]");
    term.wait_for("┌ 2023-07-12");
    term.send("]");
    term.wait_for("no later day");
    // A search finds a bullet topic's nested text.
    term.send("/residual\r");
    let hit = term.wait_for("hit 1/1");
    assert!(hit.contains("┌ ResNet: residual connections"), "{hit}");
    term.send("q");
    assert!(term.wait_exit().success());
}

/// Copies the daily-notes fixture folder into a temporary directory.
fn daily_copy() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let from = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/daily");
    let mut stack = vec![from.clone()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).unwrap() {
            let path = entry.unwrap().path();
            let to = dir.path().join(path.strip_prefix(&from).unwrap());
            if path.is_dir() {
                std::fs::create_dir_all(&to).unwrap();
                stack.push(path);
            } else {
                std::fs::copy(&path, &to).unwrap();
            }
        }
    }
    dir
}

// The stand-in editor is a shell script.
#[cfg(unix)]
#[test]
fn a_daily_notes_folder_jumps_steps_searches_and_edits_the_day_s_file() {
    use crate::harness::status;
    let dir = daily_copy();
    // A stand-in editor, called vi so that it is given `+LINE FILE`: it
    // records its arguments and adds a topic to the file it was given.
    let bin = tempfile::tempdir().unwrap();
    let log = bin.path().join("args.txt");
    let editor = crate::harness::stand_in_editor(
        bin.path(),
        &format!(
            "echo \"$@\" > '{}'\nprintf '\\n## Added in the editor\\n' >> \"$2\"\n",
            log.display()
        ),
    );
    let root = dir.path().to_str().unwrap();
    let mut term = Term::start_env(&[root], &[("EDITOR", editor.to_str().unwrap())], 110, 30);
    let first = term.wait_for("2024-01-02");
    assert!(first.contains("[[Kubernetes]] pods"), "{first}");
    assert!(first.contains("★ 02:30 PM Read the QUIC pape"), "{first}");

    // `:` to a date: the Obsidian note in 2024/01/.
    term.send(":2024-01-03\r");
    let jumped = term.wait_until("on 2024-01-03", |s| status(s).contains("2024-01-03.md"));
    assert!(
        jumped.contains("┌ 2024-01-03 Wed Networking day"),
        "{jumped}"
    );
    // `]` to the next day: the Logseq journal.
    term.send("]");
    term.wait_until("on 2024-01-04", |s| status(s).contains("2024_01_04.md"));
    // A search across the files: a jrnl entry's body.
    term.send("/head-of-line\r");
    let hit = term.wait_for("hit 1/1");
    assert!(hit.contains("┌ ★ 02:30 PM Read the QUIC paper"), "{hit}");
    term.send("\x1b");
    term.wait_gone("hit 1/1");

    // Back to 2024-01-03's HTTP topic, and `e`: the editor gets that day's
    // own file at the topic's line; the notes are read again and the
    // selection stays.
    term.send(":2024-01-03\r");
    term.wait_until("on 2024-01-03", |s| status(s).contains("2024-01-03.md"));
    // The jump left the content pane in front: `h` back to the outline,
    // then down past the folded TCP to HTTP.
    term.send("hjj");
    term.wait_until("HTTP selected", |s| status(s).contains("HTTP"));
    term.send("e");
    let after = term.wait_until("the edit, read again", |s| {
        s.contains("Added in the editor") && status(s).contains("read again, 7 days")
    });
    assert!(after.contains("┌ HTTP"), "still on HTTP:\n{after}");
    let args = std::fs::read_to_string(&log).unwrap();
    let file = dir.path().join("2024/01/2024-01-03.md");
    assert_eq!(args.trim(), format!("+16 {}", file.display()));
    term.send("q");
    assert!(term.wait_exit().success());
}
