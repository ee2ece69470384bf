//! Folders of one file per day (Obsidian, Logseq, Dendron names) and jrnl's
//! journal file, in `tests/fixtures/daily/`:
//!
//! ```text
//! daily/
//! ├─ 2024-01-02.md                   Obsidian: ## sections, a fence
//! ├─ 2024/01/2024-01-03.md           front matter with a title, # Title, ## topics
//! ├─ 2024-01-05 review.md            titled by its name, bullet topics
//! ├─ journals/2024_01_04.md          Logseq: tab-indented bullets, [[links]], TODO
//! ├─ daily.journal.2024.01.06.md     Dendron
//! ├─ journal.txt                     jrnl: entries, AM/PM, @tags, stars
//! ├─ README.md                       no day: skipped
//! └─ assets/diagram.png              not notes: skipped
//! ```

use crate::common::daynotes;
use daynotes_core::load::{LoadOptions, from_text, load, load_with};
use daynotes_core::notes::Notebook;

const DIR: &str = "tests/fixtures/daily";

#[track_caller]
fn run(args: &[&str]) -> (String, String) {
    let mut cmd = daynotes(args);
    let out = cmd.assert().success().get_output().clone();
    (
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

#[test]
fn a_daily_notes_folder_lists_one_day_per_file() {
    let (list, stderr) = run(&["list", DIR, "--color", "never"]);
    insta::assert_snapshot!("daily.list", list);
    assert_eq!(
        stderr,
        "daynotes: note: skipped 2 files: 1 no day in it and not named by a date (README.md); \
         1 not a notes file (.md, .txt, .markdown, .org) (diagram.png)\n"
    );
}

#[test]
fn a_daily_notes_folder_exports_each_day_with_its_file() {
    let (json, _) = run(&["export", "--format", "json", DIR]);
    insta::assert_snapshot!("daily.json", json);
    let doc: serde_json::Value = serde_json::from_str(&json).unwrap();
    let sources: Vec<&str> = doc["days"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["source"].as_str().unwrap())
        .collect();
    assert_eq!(
        sources,
        [
            "tests/fixtures/daily/2024-01-02.md",
            "tests/fixtures/daily/2024/01/2024-01-03.md",
            "tests/fixtures/daily/journals/2024_01_04.md",
            "tests/fixtures/daily/2024-01-05 review.md",
            "tests/fixtures/daily/daily.journal.2024.01.06.md",
            "tests/fixtures/daily/journal.txt",
            "tests/fixtures/daily/journal.txt",
        ]
    );
}

#[test]
fn check_names_what_was_skipped_and_why() {
    // Wiki links to pages never written ([[Ownership]]) are pages to come,
    // as Obsidian and Logseq take them: no finding (`links` lists them).
    let out = daynotes(&["check", DIR])
        .assert()
        .code(0)
        .get_output()
        .clone();
    let report = String::from_utf8(out.stdout).unwrap();
    assert_eq!(
        report,
        "note: skipped 2 files: 1 no day in it and not named by a date (README.md); \
         1 not a notes file (.md, .txt, .markdown, .org) (diagram.png)\n"
    );
}

fn titles(nb: &Notebook, day: usize) -> Vec<String> {
    nb.days[day]
        .topics
        .iter()
        .map(|t| t.numbered_title())
        .collect()
}

#[test]
fn a_daily_note_is_its_day_from_its_first_line() {
    let text = "---\ntitle: Networking\n---\n# Wednesday\n## TCP\nx\n## 2024-01-04\n### HTTP\n";
    let nb = from_text("2024-01-03.md", text.to_string());
    let dates: Vec<String> = nb.days.iter().map(|d| d.date.to_string()).collect();
    // A date written inside starts a day of its own.
    assert_eq!(dates, ["2024-01-03", "2024-01-04"]);
    assert_eq!(nb.days[0].title.as_deref(), Some("Networking"));
    assert_eq!(nb.days[0].line(), 1);
    // The front matter and the title line are the preamble, not topics.
    assert_eq!(
        nb.text(0, nb.days[0].preamble),
        "---\ntitle: Networking\n---\n# Wednesday\n"
    );
    assert_eq!(titles(&nb, 0), ["TCP"]);
    assert_eq!(titles(&nb, 1), ["HTTP"]);
    assert!(nb.warnings.is_empty(), "{:?}", nb.warnings);
}

#[test]
fn logseq_bullets_are_topics_and_their_children_the_body() {
    let text = "- [[Kubernetes]] pods\n\t- smallest unit\n\t- TODO services\n- DONE handshake\n";
    let nb = from_text("journals/2024_01_04.md", text.to_string());
    assert_eq!(titles(&nb, 0), ["[[Kubernetes]] pods", "DONE handshake"]);
    assert_eq!(
        nb.text(0, nb.days[0].topics[0].body()),
        "\t- smallest unit\n\t- TODO services\n"
    );
}

#[test]
fn a_jrnl_file_is_days_of_entries() {
    let text = "[2024-01-07 09:00 AM] Standup. With @sam.\nNotes.\n\n\
                [2024-01-07 02:30 PM] * Read @reading\n\
                [2024-01-08 08:15] Tests. *\n";
    let nb = from_text("journal.txt", text.to_string());
    let dates: Vec<String> = nb.days.iter().map(|d| d.date.to_string()).collect();
    assert_eq!(dates, ["2024-01-07", "2024-01-08"]);
    assert_eq!(
        titles(&nb, 0),
        ["09:00 AM Standup. With @sam.", "★ 02:30 PM Read @reading"]
    );
    assert_eq!(titles(&nb, 1), ["★ 08:15 Tests."]);
    assert_eq!(nb.text(0, nb.days[0].topics[0].body()), "Notes.\n\n");
    assert!(nb.warnings.is_empty(), "{:?}", nb.warnings);
}

#[test]
fn no_recursive_reads_one_level() {
    let flat = LoadOptions {
        recursive: false,
        ..LoadOptions::default()
    };
    let nb = load_with(std::path::Path::new(DIR), flat).unwrap().0;
    let dates: Vec<String> = nb.days.iter().map(|d| d.date.to_string()).collect();
    assert!(!dates.contains(&"2024-01-03".to_string()), "{dates:?}");
    assert!(!dates.contains(&"2024-01-04".to_string()), "{dates:?}");
    let (list, _) = run(&["list", "--no-recursive", "--depth", "1", DIR]);
    assert!(!list.contains("2024-01-03"), "{list}");
    let (list, _) = run(&["list", "--depth", "1", DIR]);
    assert!(list.contains("2024-01-03"), "{list}");
}

#[test]
fn a_single_daily_file_is_its_day() {
    let (list, _) = run(&["list", &format!("{DIR}/2024-01-05 review.md")]);
    assert!(list.starts_with("2024-01-05 review  (2 topics)"), "{list}");
}

#[test]
fn every_line_of_every_file_is_in_one_node() {
    let nb = load(std::path::Path::new(DIR)).unwrap();
    for (i, src) in nb.sources.iter().enumerate() {
        let spans = nb.node_spans(i);
        let mut at = 0;
        for n in &spans {
            assert_eq!(n.span.start(), at, "{}: gap before {n:?}", src.path);
            at = n.span.end();
        }
        assert_eq!(at, src.text.len(), "{}", src.path);
    }
}

/// A file named by a date that does not exist is read as notes whose name
/// is no date (a dated heading in it is a day), and `check` warns of its
/// name, saying why the date is impossible.
#[test]
fn a_daily_note_named_by_an_impossible_date_is_read_and_warned_of() {
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, text: &str| std::fs::write(dir.path().join(name), text).unwrap();
    write("2024-01-02.md", "# Tuesday\n- a thing\n");
    write("2024-02-30.md", "notes of a day that is none\n- an item\n");
    write("2024-13-01.md", "## 2024-03-05\n- kept\n");
    let path = dir.path().to_str().unwrap();
    let out = daynotes(&["list", "--depth", "1", path]).output().unwrap();
    let (list, err) = (
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr),
    );
    assert!(list.contains("2024-03-05  (1 topic)"), "{list}");
    assert!(
        err.contains("no day in it, and its name is no date (2024-02-30: February 2024 has 29 days) (2024-02-30.md)"),
        "{err}"
    );
    let out = daynotes(&["check", path]).output().unwrap();
    let said = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{said}");
    assert!(
        said.contains(
            "2024-13-01.md: named by an impossible date (2024-13-01: there is no month 13)"
        ),
        "{said}"
    );
    assert!(
        said.contains("2024-02-30.md: warning: no day in it, and its name is no date"),
        "{said}"
    );
}

/// A daily note that opens with a heading of its own date is one day, the
/// heading's words its title; `check` has nothing to say of it.
#[test]
fn a_daily_note_opening_with_its_own_date_is_one_day() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("2024-01-03.md"),
        "## 2024-01-03 Wednesday\n- reading\n- code\n",
    )
    .unwrap();
    std::fs::write(dir.path().join("2024-01-04.md"), "# 2024-01-04\n- more\n").unwrap();
    let nb = load(dir.path()).unwrap();
    let days: Vec<String> = nb
        .days
        .iter()
        .map(|d| format!("{} {:?} {}", d.date, d.title, d.topics.len()))
        .collect();
    assert_eq!(
        days,
        ["2024-01-03 Some(\"Wednesday\") 2", "2024-01-04 None 1"]
    );
    assert!(nb.warnings.is_empty(), "{:?}", nb.warnings);
    let out = daynotes(&["check", dir.path().to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
}

/// An org file named by its date: its `* x :tags:` headings are topics
/// titled without their tags, as under a dated org heading (the tags stay
/// in the line, for search).
#[test]
fn a_daily_org_file_s_topics_leave_their_tags_out_of_the_title() {
    let nb = from_text_daily(
        "2024-01-02.org",
        "* SQL   :db:\nselect 1\n* Rust :lang:code:\nfn main\n",
    );
    assert_eq!(titles(&nb, 0), ["SQL", "Rust"]);
    assert!(nb.text(0, nb.days[0].topics[0].heading).contains(":db:"));
}

/// `text` read as the file `name` of a folder.
fn from_text_daily(name: &str, text: &str) -> Notebook {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join(name), text).unwrap();
    load(&dir.path().join(name)).unwrap()
}
