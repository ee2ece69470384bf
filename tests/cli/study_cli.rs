//! The study commands on the bundled notes: `stats` checked against the
//! parse, `on-this-day`, and `review --list` / `--stats` with a state
//! directory of the test's own.

use crate::common;

use crate::common::{daynotes, seed};

const SEED: &str = "notes/study-notes.txt";

/// Words and CJK characters of `text`, counted here independently of the
/// program: runs of letters and digits, and ideographs one by one.
fn count(text: &str) -> (usize, usize) {
    let ideograph = |c: char| matches!(u32::from(c), 0x3400..=0x4DBF | 0x4E00..=0x9FFF);
    let (mut words, mut chars, mut inside) = (0, 0, false);
    for c in text.chars() {
        if ideograph(c) {
            chars += 1;
            inside = false;
        } else if c.is_alphanumeric() {
            words += usize::from(!inside);
            inside = true;
        } else {
            inside = false;
        }
    }
    (words, chars)
}

fn stdout(cmd: &mut common::Daynotes) -> String {
    let out = cmd.assert().success().get_output().stdout.clone();
    String::from_utf8(out).unwrap()
}

#[test]
fn stats_on_the_seed_match_the_parse() {
    let nb = seed();
    let topics: usize = nb.days.iter().map(|d| d.topics.len()).sum();
    let (mut words, mut chars) = (0, 0);
    for day in &nb.days {
        let mut texts = vec![nb.text(day.source, day.preamble).to_string()];
        texts.extend(day.title.as_deref().map(String::from));
        for t in &day.topics {
            texts.push(t.title().to_string());
            texts.push(nb.text(day.source, t.body()).to_string());
        }
        for t in texts {
            let (w, c) = count(&t);
            words += w;
            chars += c;
        }
    }
    assert_eq!((nb.days.len(), topics), (6, 11));

    let json = stdout(&mut daynotes(&["stats", "--json", "--year", "2025", SEED]));
    let s: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(s["days"], 6);
    assert_eq!(s["topics"], 11);
    assert_eq!(s["words"], words);
    assert_eq!(s["cjk_characters"], chars);
    assert_eq!(s["longest_streak"]["days"], 3);
    assert_eq!(s["longest_streak"]["from"], "2025-08-22");
    // 2025: two Saturdays (8.23, 8.30).
    assert_eq!(s["busiest_weekday"]["weekday"], "Sat");
    let months: Vec<(&str, u64, u64)> = s["months"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| {
            (
                m["month"].as_str().unwrap(),
                m["days"].as_u64().unwrap(),
                m["topics"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(months, [("2025-08", 4, 8), ("2025-09", 2, 3)]);

    let text = stdout(&mut daynotes(&["stats", "--year", "2025", SEED]));
    assert!(text.starts_with("days                   6"), "{text}");
    assert!(text.contains("\ntopics                11\n"), "{text}");
    assert!(
        text.contains(&format!("CJK characters   {chars:>7}")),
        "{text}"
    );
    assert!(
        text.contains("longest streak    3 days  (2025-08-22 … 2025-08-24)"),
        "{text}"
    );
    assert!(
        text.contains("busiest weekday      Sat  (2 days)"),
        "{text}"
    );
    // A bar per month, the longest full.
    assert!(
        text.contains(&format!("2025-08  {}", "█".repeat(24))),
        "{text}"
    );
}

#[test]
fn on_this_day_looks_back_a_week_a_month_three_months() {
    let text = stdout(&mut daynotes(&[
        "on-this-day",
        "2025-09-11",
        SEED,
        "--year",
        "2025",
    ]));
    let want = "on this day: Thu 2025-09-11\n\
                1 week ago (2025-09-04): Mon 2025-09-01, 3 days earlier\n  \
                1. cookie是什么\n  \
                2. HTTP headers理论上不区分大小写，但签名算法对此很敏感。\n\
                1 month ago (2025-08-11): no notes near it\n\
                3 months ago (2025-06-11): no notes near it\n";
    assert_eq!(text, want);
    // A year later, 9.11 is a year ago.
    let later = stdout(&mut daynotes(&[
        "on-this-day",
        "2026-09-11",
        SEED,
        "--year",
        "2025",
    ]));
    assert!(
        later.contains("\n1 year ago: Thu 2025-09-11\n  1. 网路层级\n"),
        "{later}"
    );
    // The notes as the only argument: today, from those notes.
    let today = stdout(&mut daynotes(&["on-this-day", SEED]));
    assert!(today.starts_with("on this day: "), "{today}");
    // A date that is none is one line of error.
    daynotes(&["on-this-day", "2.30", SEED])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("2.30"));
}

#[test]
fn review_lists_and_counts_with_a_state_of_its_own() {
    let states = tempfile::tempdir().unwrap();
    let mut list = daynotes(&["review", "--list", SEED]);
    list.env("XDG_STATE_HOME", states.path());
    let text = stdout(&mut list);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 8, "{text}");
    assert_eq!(lines[0], "new                8.22 › tcp握手");
    assert_eq!(
        lines[1],
        "new                8.22 › tcp握手 › 为什么需要三次握手？"
    );

    let mut stats = daynotes(&["review", "--stats", "--json", SEED]);
    stats.env("XDG_STATE_HOME", states.path());
    let s: serde_json::Value = serde_json::from_str(&stdout(&mut stats)).unwrap();
    assert_eq!((s["cards"].as_u64(), s["new"].as_u64()), (Some(8), Some(8)));
    assert_eq!(s["new_today"], 8);
    assert_eq!(s["retention"], serde_json::Value::Null);
    // Listing writes nothing.
    assert!(!states.path().join("daynotes").exists());

    // Section cards off, and fewer new cards a day, from the config.
    let mut off = daynotes(&["review", "--list", SEED]);
    let config = off.home().config().join("daynotes");
    std::fs::create_dir_all(&config).unwrap();
    std::fs::write(
        config.join("config.yaml"),
        "review:\n  new_per_day: 5\n  section_cards: false\n",
    )
    .unwrap();
    let text = stdout(&mut off);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 5, "{text}");
    assert!(!text.contains("为什么需要三次握手"), "{text}");
}

#[test]
fn an_unreadable_state_is_moved_aside_with_a_warning() {
    let states = tempfile::tempdir().unwrap();
    let dir = states.path().join("daynotes");
    std::fs::create_dir_all(&dir).unwrap();
    // The state file's place, as `review --stats` says it; damaged there,
    // the next run moves it aside.
    let mut first = daynotes(&["review", "--stats", SEED]);
    first.env("XDG_STATE_HOME", states.path());
    let text = stdout(&mut first);
    let path = text
        .lines()
        .find_map(|l| l.strip_prefix("state                "))
        .expect("the state line")
        .to_string();
    std::fs::write(&path, "{ damaged").unwrap();
    let mut second = daynotes(&["review", "--stats", SEED]);
    second.env("XDG_STATE_HOME", states.path());
    let out = second.assert().success().get_output().clone();
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.starts_with("daynotes: warning: review state "), "{err}");
    assert!(err.contains("moved to"), "{err}");
    assert!(!std::path::Path::new(&path).exists());
    let aside: Vec<_> = std::fs::read_dir(&dir).unwrap().collect();
    assert_eq!(aside.len(), 1);
}

#[test]
fn review_list_of_several_files_names_each_card_s_file_apart() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("a.md"),
        "## 2024-01-02\n### what is tcp?\nx\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("b.md"),
        "## 2024-01-03\n### what is udp?\ny\n",
    )
    .unwrap();
    let out = stdout(&mut daynotes(&[
        "review",
        "--list",
        dir.path().to_str().unwrap(),
    ]));
    assert!(out.contains("what is tcp?  (a.md)"), "{out}");
    assert!(out.contains("what is udp?  (b.md)"), "{out}");
}

#[test]
fn stats_count_the_streak_to_today_whatever_is_dated_ahead() {
    let today = chrono::Local::now().date_naive();
    let day = |n: i64| {
        (today + chrono::Duration::days(n))
            .format("%Y-%m-%d")
            .to_string()
    };
    let text = format!(
        "## {}\n- a\n## {}\n- b\n## {}\n- c\n## {}\n- planned\n",
        day(-2),
        day(-1),
        day(0),
        day(30)
    );
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("n.md");
    std::fs::write(&path, text).unwrap();
    let out = stdout(&mut daynotes(&["stats", path.to_str().unwrap()]));
    let line = out
        .lines()
        .find(|l| l.starts_with("current streak"))
        .unwrap();
    assert!(line.contains(" 3 days"), "{out}");
}
