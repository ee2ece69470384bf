//! Dated notes as people write them, one fixture per shape in
//! `tests/fixtures/dialects/`: the outline `list` prints and the tree
//! `export` writes, pinned by snapshots, and the lines near them that must
//! stay text.
//!
//! ```text
//! iso-headings.md           ## 2024-01-02 days, ### topics, dated bullets above
//! hundred-days.md           ## Week N groups, ### Day N: Month D, YYYY days, bold topics
//! newest-first.md           ## YYYY.M.D days newest first, - bullet topics
//! newest-first-yearless.txt 2023, 3.2, 3.1, 2.28, 12.30: years carried backwards
//! korean-offline.md         # YYYY년 M월 groups, ## YYYY/MM/DD [TAG] days
//! chinese-diary.txt         2024年1月2日 星期二 晴, 8.1笔记, 8.2 周五
//! joined-month.txt          03-Apr-2023 days, a dated file name in a body
//! monthly.md                # March 2024 over ## Fri 1st, ## 4 (Mon) days
//! ```

use daynotes_core::load::from_text;
use daynotes_core::notes::Notebook;

use crate::common::daynotes;

const DIR: &str = "tests/fixtures/dialects";

/// Stdout of a command that succeeds and says nothing on stderr.
#[track_caller]
fn stdout_of(args: &[&str]) -> String {
    let mut cmd = daynotes(args);
    let out = cmd.assert().success().get_output().clone();
    assert!(
        out.stderr.is_empty(),
        "stderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("output is UTF-8")
}

fn fixture(name: &str) -> String {
    format!("{DIR}/{name}")
}

/// The `list` and `export --format json` snapshots of one fixture.
fn pin(name: &str) {
    let path = fixture(name);
    let list = stdout_of(&["list", &path, "--color", "never"]);
    insta::assert_snapshot!(format!("{name}.list"), list);
    let json = stdout_of(&["export", "--format", "json", &path]);
    insta::assert_snapshot!(format!("{name}.json"), json);
}

#[test]
fn markdown_iso_days_with_heading_topics() {
    pin("iso-headings.md");
}

#[test]
fn day_n_headings_under_week_groups_with_bold_topics() {
    pin("hundred-days.md");
}

#[test]
fn newest_first_days_with_bullet_topics() {
    pin("newest-first.md");
}

#[test]
fn newest_first_without_years_carries_years_backwards() {
    pin("newest-first-yearless.txt");
}

#[test]
fn tagged_days_under_korean_month_groups() {
    pin("korean-offline.md");
}

#[test]
fn chinese_diary_headings() {
    pin("chinese-diary.txt");
}

#[test]
fn chinese_numeral_topics_and_bracketed_dates() {
    pin("chinese-numerals.txt");
}

#[test]
fn day_first_dates_with_the_year_last() {
    pin("european-dates.md");
}

#[test]
fn days_written_alone_under_the_heading_of_their_month() {
    pin("monthly.md");
    let nb = from_text(
        "m.md",
        std::fs::read_to_string(fixture("monthly.md")).unwrap(),
    );
    assert_eq!(dates(&nb), ["2024-03-01", "2024-03-04", "2024-04-02"]);
    // A month under a year heading, in Chinese.
    let zh = notes("# 2023\n## 4月\n### 3日\n- 网络\n### 4日（周二）\n- 数据库\n");
    assert_eq!(dates(&zh), ["2023-04-03", "2023-04-04"]);
    // Without a month above them, numbers are headings of their own.
    assert!(dates(&notes("# Notes\n## 3rd\n## 4th\n")).is_empty());
    // A weekday that is not the day's is a finding.
    let wrong = notes("# March 2024\n## Sat 1st\nx\n");
    assert_eq!(dates(&wrong), ["2024-03-01"]);
    assert!(
        wrong.warnings.iter().any(|w| w.message.contains("Friday")),
        "{:?}",
        wrong.warnings
    );
}

#[test]
fn a_month_name_joined_to_its_day_and_year() {
    pin("joined-month.txt");
    let nb = from_text(
        "j.txt",
        std::fs::read_to_string(fixture("joined-month.txt")).unwrap(),
    );
    assert_eq!(dates(&nb), ["2023-04-03", "2023-04-04", "2023-04-06"]);
}

#[test]
fn the_order_of_year_last_dates_is_settled_for_the_whole_file() {
    // Slashes are read month first (`02/07/2024` is February 7) until a
    // date of the file tells otherwise: `13/02/2024` can only be day first,
    // so the whole file is.
    let us = notes("## 02/07/2024\nx\n## 02/13/2024\ny\n");
    assert_eq!(dates(&us), ["2024-02-07", "2024-02-13"]);
    let uk = notes("## 12/01/2024\nx\n## 02/02/2024\n## 13/02/2024\ny\n");
    assert_eq!(dates(&uk), ["2024-01-12", "2024-02-02", "2024-02-13"]);
    // Dots are read day first until a date tells otherwise.
    let dots = notes("07.02.2024\n1. a\n08.02.2024\n1. b\n");
    assert_eq!(dates(&dots), ["2024-02-07", "2024-02-08"]);
    let us_dots = notes("07.02.2024\n1. a\n07.13.2024\n1. b\n");
    assert_eq!(dates(&us_dots), ["2024-07-02", "2024-07-13"]);
    // A year-last date inside a sentence is no day.
    let nb = notes("## 05.02.2024\n### TCP\nTermin am 12.03.2024 beim Amt.\n");
    assert_eq!(dates(&nb), ["2024-02-05"]);
}

#[test]
fn org_datetree_days_with_tagged_topics() {
    pin("org-datetree.org");
}

#[test]
fn org_days_of_one_star_have_their_sub_headings_as_topics() {
    // `* 2024-01-02` is org's first heading level (and a list item to
    // markdown): the `** x` under it are its topics, their tags off the
    // title, `***` their sections.
    let nb = notes(
        "#+TITLE: log\n* 2024-01-02 Tue\n** Rust lifetimes   :rust:\nnotes\n*** Why?\n- a\n** SQL joins\n- inner\n* <2024-01-03 Wed>\n** Review\n",
    );
    assert_eq!(dates(&nb), ["2024-01-02", "2024-01-03"]);
    let titles: Vec<&str> = nb.days[0].topics.iter().map(|t| t.title()).collect();
    assert_eq!(titles, ["Rust lifetimes", "SQL joins"]);
    assert_eq!(nb.days[0].topics[0].sections().len(), 1);
    assert_eq!(nb.days[1].topics[0].title(), "Review");
    // Near misses: bold lines under `* date` stay bold topics; a heading
    // whose last word only looks like tags keeps it.
    let nb = notes("* 2024-01-02\n**Progress**\n- a\n**Next**\n");
    let titles: Vec<&str> = nb.days[0].topics.iter().map(|t| t.title()).collect();
    assert_eq!(titles, ["Progress", "Next"]);
    let nb = notes("* 2024-01-02\n** ratio 1:2:\n** a :b c:\n");
    let titles: Vec<&str> = nb.days[0].topics.iter().map(|t| t.title()).collect();
    assert_eq!(titles, ["ratio 1:2", "a :b c"]);
}

fn notes(text: &str) -> Notebook {
    from_text("t.md", text.to_string())
}

fn dates(nb: &Notebook) -> Vec<String> {
    nb.days.iter().map(|d| d.date.to_string()).collect()
}

/// Each line, placed after a day heading, must stay a line of that day.
#[test]
fn near_misses_stay_text() {
    let near = [
        "on 8.22 we met",
        "1.5 hours of reading",
        "v2.3.1 is out",
        "3.14",
        "2.3 Results",
        "## 2.3 Results",
        "May 5 we went to the park",
        "**2024-01-05** was the deadline",
        "<details><summary>2024-01-05</summary>",
        "2024-01-05T10:00 build failed",
        "2024-01-02 12:00:01 INFO started",
        "## 2.30",
    ];
    for line in near {
        let text = format!("## 2024-01-02\n### Work\n{line}\n");
        let nb = notes(&text);
        assert_eq!(dates(&nb), ["2024-01-02"], "{line:?} started a day");
        // A heading at the days' level ends the day even when it is not a
        // date (it heads what follows); any other line stays in the topic.
        if !line.starts_with("## ") {
            let topic = &nb.days[0].topics[0];
            assert!(
                nb.text(0, topic.body()).contains(line),
                "{line:?} is not in the topic"
            );
        }
    }
    // An impossible decorated date stays text, with a warning.
    let nb = notes("## 2024-01-02\n## 2.30\n");
    assert!(
        nb.warnings.iter().any(|w| w.line == 2
            && w.message
                .contains("impossible date 2.30 (February 2024 has 29 days)")),
        "{:?}",
        nb.warnings
    );
}

#[test]
fn a_numbered_topic_is_not_a_day_and_a_long_sentence_is_prose() {
    let nb = notes("8.22:\n1.tcp握手\n2.http\n");
    assert_eq!(dates(&nb), ["8.22"]);
    assert_eq!(nb.days[0].topics.len(), 2);
    let long =
        "2024-01-03 today I finally understood how the borrow checker reasons about lifetimes";
    let nb = notes(&format!("2024-01-02\n- a\n{long}\n"));
    assert_eq!(dates(&nb), ["2024-01-02"]);
    assert!(
        nb.warnings
            .iter()
            .any(|w| w.line == 3 && w.message.contains("looks like a day heading")),
        "{:?}",
        nb.warnings
    );
}

#[test]
fn group_headings_are_outside_days_and_set_the_year() {
    let nb = notes(
        "# 2022년 2월\n## 2.14 [OFFLINE]\n- a\n# 2023\n## 3.1\n- b\n## Week 9\ntext\n## 3.8\n",
    );
    assert_eq!(dates(&nb), ["2022-02-14", "2023-03-01", "2023-03-08"]);
    let dividers: Vec<(Option<i32>, usize)> = nb.sources[0]
        .dividers
        .iter()
        .map(|d| (d.year, d.span.line()))
        .collect();
    // `## Week 9`, at the days' own level, heads what follows it: not the
    // day before, shown with the day after.
    assert_eq!(dividers, [(Some(2022), 1), (Some(2023), 4), (None, 7)]);
    assert_eq!(nb.text(0, nb.days[1].topics[0].body()), "");
    let loose = nb.loose_before(2).map(|s| nb.text(0, s).to_string());
    assert_eq!(loose.as_deref(), Some("## Week 9\ntext\n"));
}

#[test]
fn groups_above_the_days_end_the_day_before() {
    let nb = notes(
        "## Week 1\n### Day 1: Feb 22, 2017\n**Done**:\nx\n## Week 2\nintro\n### Day 8: Mar 1, 2017\n",
    );
    assert_eq!(dates(&nb), ["2017-02-22", "2017-03-01"]);
    let day = &nb.days[0];
    let body = nb.text(0, day.topics[0].body());
    assert_eq!(body, "x\n", "the group is not in the day before it");
    let loose = nb.loose_before(1).map(|s| nb.text(0, s).to_string());
    assert_eq!(loose.as_deref(), Some("## Week 2\nintro\n"));
}

#[test]
fn dated_list_items_are_lines_of_heading_days() {
    let nb = notes("## 2024-01-02\n- 2024-01-05 deadline\n- 2024-01-06 exam\n## 2024-01-03\n");
    assert_eq!(dates(&nb), ["2024-01-02", "2024-01-03"]);
    let titles: Vec<&str> = nb.days[0].topics.iter().map(|t| t.title()).collect();
    assert_eq!(titles, ["2024-01-05 deadline", "2024-01-06 exam"]);
    // Where every day is a list item, they are days.
    let nb = notes("- 2024-01-02\n  - read\n- 2024-01-03\n  - wrote\n");
    assert_eq!(dates(&nb), ["2024-01-02", "2024-01-03"]);
    assert_eq!(nb.days[1].topics[0].title(), "wrote");
}

#[test]
fn deeper_dated_headings_are_topics_of_the_day() {
    let nb = notes("## 2024-01-02\n### 2024-01-02 morning\nx\n### evening\ny\n## 2024-01-03\n");
    assert_eq!(dates(&nb), ["2024-01-02", "2024-01-03"]);
    let titles: Vec<&str> = nb.days[0].topics.iter().map(|t| t.title()).collect();
    assert_eq!(titles, ["2024-01-02 morning", "evening"]);
}

#[test]
fn code_fences_hide_headings_in_markdown_days() {
    let nb = notes(
        "## 2024-01-02\n### Shell\n```sh\n# 2024\n## 2024-01-05\n2024-01-05\n```\n## 2024-01-03\n",
    );
    assert_eq!(dates(&nb), ["2024-01-02", "2024-01-03"]);
    assert!(nb.warnings.is_empty(), "{:?}", nb.warnings);
}

#[test]
fn topics_of_each_kind() {
    // Bold lines come first at the outermost items: numbered lines under
    // them are their lists.
    let nb = notes("### Day 1: Feb 22, 2017\n**Progress**:\n1. a\n2. b\n**Thoughts**:\nc\n");
    let titles: Vec<&str> = nb.days[0].topics.iter().map(|t| t.title()).collect();
    assert_eq!(titles, ["Progress", "Thoughts"]);
    // Times of day.
    let nb = notes("2024-01-02\n09:00 standup\nnotes\n14:30 review\n");
    let titles: Vec<&str> = nb.days[0].topics.iter().map(|t| t.title()).collect();
    assert_eq!(titles, ["09:00 standup", "14:30 review"]);
    // `#####` times under a markdown day are its headings.
    let nb = notes("### 2024-01-02\n##### 11:15 PM\nlate\n##### 11:45 PM\n");
    assert_eq!(nb.days[0].topics.len(), 2);
    assert_eq!(nb.days[0].topics[0].number, None);
    // Numbered lines nested under a bullet are the bullet's.
    let nb = notes("8.22:\n- reading\n    1. ch 1\n    2. ch 2\n- writing\n");
    let titles: Vec<&str> = nb.days[0].topics.iter().map(|t| t.title()).collect();
    assert_eq!(titles, ["reading", "writing"]);
}

#[test]
fn a_numbered_list_that_starts_again_is_the_topic_s_own() {
    let nb = notes("8.22:\n1. tcp\nsteps:\n1. SYN\n2. SYN+ACK\n3. ACK\n2. http\n");
    let titles: Vec<String> = nb.days[0]
        .topics
        .iter()
        .map(|t| format!("{:?} {}", t.number, t.title()))
        .collect();
    assert_eq!(titles, ["Some(1) tcp", "Some(2) http"]);
    assert_eq!(
        nb.text(0, nb.days[0].topics[0].body()),
        "steps:\n1. SYN\n2. SYN+ACK\n3. ACK\n"
    );
    // Lazily numbered topics without text between them are all topics.
    let nb = notes("8.22:\n1. a\n1. b\n1. c\n");
    assert_eq!(nb.days[0].topics.len(), 3);
}

#[test]
fn misleading_warnings_are_gone() {
    // A tab on an otherwise blank line mixes nothing.
    let nb = notes("8.1\n    1.a\n \t\n        x\n");
    assert!(nb.warnings.is_empty(), "{:?}", nb.warnings);
    // An indented year inside a topic is body text.
    let nb = notes("8.1\n    1.a\n        2017年\n        x\n8.2\n");
    assert!(nb.sources[0].dividers.is_empty());
    assert!(nb.warnings.is_empty(), "{:?}", nb.warnings);
    assert!(nb.text(0, nb.days[0].topics[0].body()).contains("2017年"));
}

#[test]
fn check_says_once_that_days_run_newest_first() {
    let path = fixture("newest-first-yearless.txt");
    let out = stdout_of(&["check", &path]);
    assert_eq!(out, format!("{path}: note: days run newest first\n"));
}

#[test]
fn check_says_when_nothing_tells_day_from_month() {
    let dir = tempfile::tempdir().unwrap();
    let unsure = dir.path().join("unsure.md");
    std::fs::write(&unsure, "## 02/07/2024\nx\n## 03/07/2024\ny\n").unwrap();
    let unsure = unsure.to_str().unwrap();
    let out = stdout_of(&["check", unsure]);
    assert_eq!(
        out,
        format!(
            "{unsure}: note: 2 dates with the year last (02/07/2024): read month first, as \
             slashes are in the US; no date past the 12th (13/02/2024) says which comes first\n"
        )
    );
    // One date past the 12th settles the file: nothing to say.
    let told = dir.path().join("told.md");
    std::fs::write(&told, "## 02/07/2024\nx\n## 13/07/2024\ny\n").unwrap();
    assert_eq!(stdout_of(&["check", told.to_str().unwrap()]), "");
    assert_eq!(stdout_of(&["check", &fixture("european-dates.md")]), "");
}

#[test]
fn a_file_without_days_is_listed_and_exported_and_says_why() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plain.md");
    std::fs::write(&path, "# Reading list\n\n- a book\n- 2022/02/14 looks like a date but is a long line of prose, not a title at all\n").unwrap();
    let path = path.to_str().unwrap();
    for args in [vec!["list", path], vec!["export", "--format", "json", path]] {
        let mut cmd = daynotes(&args);
        let out = cmd.assert().success().get_output().clone();
        let stderr = String::from_utf8(out.stderr).unwrap();
        assert_eq!(stderr.lines().count(), 1, "{stderr}");
        assert!(stderr.contains("no day heading found"), "{stderr}");
        assert!(stderr.contains("## 2024-01-02"), "{stderr}");
        if args[0] == "export" {
            let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
            assert_eq!(json["days"], serde_json::json!([]));
            let text = json["outside"][0]["text"].as_str().unwrap();
            assert!(text.starts_with("# Reading list") && text.contains("- a book"));
        }
    }
    let mut cmd = daynotes(&["check", path]);
    let out = cmd.assert().code(1).get_output().clone();
    let report = String::from_utf8(out.stdout).unwrap();
    assert!(report.contains("no day heading found"), "{report}");
    assert!(
        report.contains(":4: \"- 2022/02/14 looks like a date"),
        "{report}"
    );
}

#[test]
fn links_to_daily_notes_are_days() {
    // Obsidian's `## [[2024-01-02]]`, Logseq's `- [[Jan 2nd, 2024]]` with
    // tab-indented bullets under it.
    let nb = notes("## [[2024-01-02]]\n### Rust\nx\n## [[2024-01-03]]\n- [[Kubernetes]] pods\n");
    assert_eq!(dates(&nb), ["2024-01-02", "2024-01-03"]);
    let nb = notes(
        "- [[Jan 2nd, 2024]]\n\t- Rust\n\t\t- lifetimes\n\t- SQL\n- [[Jan 3rd, 2024]]\n\t- review\n",
    );
    assert_eq!(dates(&nb), ["2024-01-02", "2024-01-03"]);
    let titles: Vec<&str> = nb.days[0].topics.iter().map(|t| t.title()).collect();
    assert_eq!(titles, ["Rust", "SQL"]);
    // A link to any other page is text.
    let nb = notes("## 2024-01-02\n### Work\n[[Kubernetes]] notes\n- [[2024-01-02 standup]]\n");
    assert_eq!(dates(&nb), ["2024-01-02"]);
}
