//! Day lines and items the parser learns from the file: shapes of dated
//! logs kept by people (written here in our own words, one fixture per
//! shape, in `tests/fixtures/learnt/`), whose days are lines that repeat
//! a way of writing a date the heading rules do not know by themselves.
//! Each fixture is held to the days a reader sees in it, and its outline
//! to a snapshot; the near misses must stay text.
//!
//! ```text
//! label-journal.md      # Journal – 14.03.2022            a label first
//! wochentage.txt        Montag 15.05.2023, Dienstag 16.05  a weekday first
//! mois-en-lettres.txt   mardi 2 janvier 2024              a French month
//! journal-de-travail.md ### lundi 04/03/24                a two-digit year
//! dnevnik.org           * <2016-03-14 Пн.>                a Russian weekday
//! nikki.txt             2024年1月2日(火), ■ and ・         marks as items
//! zhoubao.txt           2022.9.6 星期二, --看论文           dashes as items
//! ranges.txt            [2021/03/01~2021/03/07]           a range a day
//! org-switching.org     * <…>, then # 12.04.2016, #14.04.2016, then * <…>
//! kw.org                ** KW10 (04.-10.03.2024) over *** Mo, 04.03.2024
//! sentences.md          dates only in sentences, versions, a table: no day
//! headed.txt            Borrow checker, then indented     text heading deeper lines
//! banners.txt           === 2024-05-06 ===                a banner closes as it opens
//! checklist.txt         ✅ read, ❌ skipped, [x] done       emoji and task boxes as items
//! ```

use daynotes_core::load::from_text;

use crate::common::daynotes;

const DIR: &str = "tests/fixtures/learnt";

/// Each fixture and the days a person reading it sees, in file order.
const READ: &[(&str, &[&str])] = &[
    (
        "label-journal.md",
        &["2022-03-14", "2022-03-15", "2022-03-17"],
    ),
    (
        "lernjournal.md",
        &["2021-06-21", "2021-06-22", "2021-06-28"],
    ),
    (
        "wochentage.txt",
        &["2023-05-15", "2023-05-16", "2023-05-17", "2023-05-19"],
    ),
    (
        "journal-de-travail.md",
        &["2024-03-04", "2024-03-05", "2024-03-07"],
    ),
    (
        "mois-en-lettres.txt",
        &["2024-01-02", "2024-01-03", "2024-01-05"],
    ),
    ("dnevnik.org", &["2016-03-14", "2016-03-15", "2016-03-17"]),
    ("nikki.txt", &["2024-01-02", "2024-01-03", "2024-01-04"]),
    ("zhoubao.txt", &["2022-09-06", "2022-09-07", "2022-09-10"]),
    ("gongbu.md", &["2022-02-14", "2022-02-15", "2022-02-17"]),
    ("ranges.txt", &["2021-03-01", "2021-03-08", "2021-03-15"]),
    (
        "org-switching.org",
        &[
            "2016-03-14",
            "2016-03-15",
            "2016-04-12",
            "2016-04-13",
            "2016-04-14",
            "2016-09-05",
            "2016-09-06",
        ],
    ),
    ("weather.md", &["2024-08-03", "2024-08-04", "2024-08-05"]),
    ("rounds.md", &["2021-01-03", "2021-01-04", "2021-01-05"]),
    ("emoji-days.md", &["2025-03-04", "2025-03-05"]),
    ("compact.md", &["2024-03-01", "2024-03-03", "2025-02-16"]),
    ("kw.org", &["2024-03-04", "2024-03-05", "2024-03-11"]),
    (
        "week-template.org",
        &["2024-03-04", "2024-03-05", "2024-03-11"],
    ),
    ("reading-links.md", &["2024-01-02", "2024-01-03"]),
    ("bracketed.md", &["2025-03-03", "2025-03-04"]),
    (
        "diary-index.md",
        &["2026-01-20", "2026-01-21", "2026-01-22"],
    ),
    ("nippou.md", &["4.7", "4.8"]),
    ("paragraph-list.txt", &["2024-03-01", "2024-03-02"]),
    ("weekly-report.md", &["2023-07-09", "2023-07-17"]),
    ("woche.txt", &["3.18", "3.19", "3.20"]),
    ("banners.txt", &["2024-05-06", "2024-05-07", "2024-05-09"]),
    ("checklist.txt", &["2025-06-02", "2025-06-03", "2025-06-05"]),
    (
        "headed.txt",
        &[
            "2024-04-08",
            "2024-04-09",
            "2024-04-10",
            "2024-04-11",
            "2024-04-12",
        ],
    ),
    ("sentences.md", &[]),
];

fn fixture(name: &str) -> String {
    format!("{DIR}/{name}")
}

fn read(name: &str) -> String {
    std::fs::read_to_string(fixture(name)).expect("the fixture")
}

/// Stdout of a command that succeeds.
#[track_caller]
fn stdout_of(args: &[&str]) -> String {
    let mut cmd = daynotes(args);
    let out = cmd.assert().success().get_output().clone();
    String::from_utf8(out.stdout).expect("output is UTF-8")
}

#[test]
fn every_fixture_reads_the_days_a_person_sees() {
    for &(name, days) in READ {
        let nb = from_text(name, read(name));
        let found: Vec<String> = nb.days.iter().map(|d| d.date.to_string()).collect();
        assert_eq!(found, days, "{name}");
    }
    // Every fixture of the directory is in the table.
    let listed = std::fs::read_dir(DIR).unwrap().count();
    assert_eq!(listed, READ.len());
}

#[test]
fn outlines() {
    for &(name, _) in READ {
        let list = stdout_of(&["list", &fixture(name), "--color", "never"]);
        insta::assert_snapshot!(name, list);
    }
}

/// The topics of each day of `name`, as `list` would title them.
fn topics(name: &str) -> Vec<Vec<String>> {
    let nb = from_text(name, read(name));
    nb.days
        .iter()
        .map(|d| d.topics.iter().map(|t| t.numbered_title()).collect())
        .collect()
}

#[test]
fn items_by_the_line_starts_a_day_repeats() {
    // `■` heads the `・` lines under it; a day of `・` alone has those.
    assert_eq!(
        topics("nikki.txt"),
        [vec!["作業", "学び"], vec!["作業"], vec!["お休み"]]
    );
    // Dashes run into the text.
    assert_eq!(
        topics("zhoubao.txt"),
        [vec!["看论文", "跑实验"], vec!["写代码"], vec!["复习"]]
    );
    // A line that is only a link.
    assert_eq!(
        topics("reading-links.md"),
        [
            vec!["Rust ownership explained", "SQL joins, visually"],
            vec!["HTTP caching headers"]
        ]
    );
    // A numbered list inside a paragraph after the bullets is a bullet's.
    assert_eq!(
        topics("paragraph-list.txt"),
        [vec!["read the paper", "wrote a summary"], vec!["rested"]]
    );
    // Bold lines under an emoji day, `*` bullets under a numbered label.
    assert_eq!(topics("emoji-days.md")[0], ["Done", "Learnt"]);
    assert_eq!(topics("rounds.md")[0], ["set up the editor", "first kata"]);
    // Any emoji starts an item, and keeps it in the title; so does a task
    // box. An emoji inside a line is text.
    assert_eq!(
        topics("checklist.txt"),
        [
            vec![
                "✅ read the chapter on B-trees",
                "❌ did not get to the exercises",
                "⚠\u{fe0f} the lab machine ran out of disk"
            ],
            vec!["📌 write-ahead logging"],
            vec!["[x] redo the B-tree exercises", "[ ] read about LSM trees"],
        ]
    );
    // Lines of text further out than the items, two or more a day, each
    // over deeper lines: the lists, numbered lists and text under them
    // are their bodies. One such line is a day's note, and a line of text
    // with nothing under it leaves the items as they were.
    assert_eq!(
        topics("headed.txt"),
        [
            vec!["Borrow checker", "Iterators"],
            vec!["Networking", "Databases"],
            vec!["Reading", "Exercises"],
            vec![
                "watched a talk on io_uring",
                "took notes on submission queues"
            ],
            vec!["set up cargo-nextest", "perf record with dwarf call graphs"],
        ]
    );
}

#[test]
fn lines_of_text_head_a_day_only_further_out_than_its_items() {
    let topics = |t: &str| -> Vec<Vec<String>> {
        let nb = from_text("t.txt", t.to_string());
        nb.days
            .iter()
            .map(|d| d.topics.iter().map(|t| t.numbered_title()).collect())
            .collect()
    };
    // Text at the bullets' own indentation: the bullets are the topics.
    let text = "2024-01-02\nWorked on the parser.\n- fixed a bug\n- wrote tests\nThen reading:\n- a paper\n";
    assert_eq!(topics(text), [["fixed a bug", "wrote tests", "a paper"]]);
    // A line of text without lines under it: no topic at all.
    let text =
        "2024-01-02\nTried this:\n    cargo build\nThen this:\n    cargo test\nBoth failed.\n";
    assert_eq!(topics(text), [Vec::<String>::new()]);
    // The same with the closing line under the others: two topics.
    let text =
        "2024-01-02\nTried this:\n    cargo build\nThen this:\n    cargo test\n    Both failed.\n";
    assert_eq!(topics(text), [["Tried this", "Then this"]]);
    // The seed's shape with a note over its numbered topics keeps them.
    let text = "8.22:\n今天学了网络\n    1.tcp握手\n        - 三次\n    2.udp\n";
    assert_eq!(topics(text), [["1. tcp握手", "2. udp"]]);
}

#[test]
fn a_shape_seen_once_or_out_of_order_stays_text() {
    let nb = |t: &str| from_text("t.txt", t.to_string());
    let dates =
        |t: &str| -> Vec<String> { nb(t).days.iter().map(|d| d.date.to_string()).collect() };
    // One line of a shape is not a habit.
    assert!(dates("Montag 15.05.2023\n- a\nmore text\n").is_empty());
    // Two lines of one shape whose dates go nowhere (the same date).
    assert!(dates("Deadline 2024-01-05\nx\nDeadline 2024-01-05\ny\n").is_empty());
    // A date after a lead-in word is a sentence, however often.
    assert!(dates("Termin am 12.03.2024\nTermin am 19.03.2024\n").is_empty());
    // Numbers without a year need a weekday: these are versions.
    assert!(dates("Version 2.3 notes\nVersion 2.4 notes\n").is_empty());
    // Table rows are rows.
    assert!(dates("| a | 2020/03/30 |\n| b | 2020/03/31 |\n").is_empty());
    // Lines of one shape whose dates fall outside the days around them
    // speak of other days (deadlines), however often.
    let text = "2024-01-02\n- read\nDeadline 2024-01-10 for the report\n2024-01-03\nDeadline 2024-01-12 for x\n2024-01-04\n";
    assert_eq!(dates(text), ["2024-01-02", "2024-01-03", "2024-01-04"]);
    // Among heading days, candidate lines of a lower rank stay lines of
    // their day, as dated list items do.
    let text = "## 2024-01-02\nMo 2024-01-08 call\nDi 2024-01-09 call\n## 2024-01-03\n";
    assert_eq!(dates(text), ["2024-01-02", "2024-01-03"]);
}

#[test]
fn check_on_the_learnt_shapes() {
    let check = |name: &str| {
        let mut cmd = daynotes(&["check", &fixture(name)]);
        let out = cmd.assert().get_output().clone();
        String::from_utf8(out.stdout).unwrap()
    };
    // A weekday that does not match its date, on that line.
    assert_eq!(
        check("zhoubao.txt"),
        format!(
            "{}:6: 2022-09-10 is a Saturday, but the line says Tuesday\n",
            fixture("zhoubao.txt")
        )
    );
    // An org file's settings are not text before the first day.
    assert_eq!(check("org-switching.org"), "");
    assert_eq!(check("dnevnik.org"), "");
    // A file without days is shown the lines that nearly were.
    let report = check("sentences.md");
    assert!(report.contains("no day heading found"), "{report}");
}

#[test]
fn the_note_of_a_file_without_days_speaks_its_dates() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("one.txt");
    std::fs::write(&path, "Notizen\n\nMontag 15.05.2023\nwir trafen uns\n").unwrap();
    let path = path.to_str().unwrap();
    let mut cmd = daynotes(&["list", path]);
    let out = cmd.assert().success().get_output().clone();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(
        stderr.contains("such as 22.08.2025, ## 22.08.2025"),
        "{stderr}"
    );
    assert!(
        stderr.contains(
            "nearly days: line 3 \"Montag 15.05.2023\" (a date written this way only once)"
        ),
        "{stderr}"
    );
}

#[test]
fn out_of_order_is_blamed_on_the_day_that_breaks_the_run() {
    let nb = from_text("t.txt", "9.1\n9.30\n9.4\n9.5\n".to_string());
    let found: Vec<String> = nb
        .warnings
        .iter()
        .map(|w| format!("{}: {}", w.line, w.message))
        .collect();
    assert_eq!(found, ["2: date 9.30 comes before 9.4: out of order"]);
}

#[test]
fn an_ordinary_logseq_page_checks_clean() {
    let page = "tests/fixtures/logseq/journals/2024_03_05.md";
    assert_eq!(stdout_of(&["check", page]), "");
    let list = stdout_of(&["list", page, "--color", "never"]);
    insta::assert_snapshot!("logseq-page", list);
    let shown = stdout_of(&["show", "2024-03-05", page, "--color", "never"]);
    assert!(shown.contains("│ # not a heading"), "{shown}");
}
