//! The format rules, one small notebook each.

use daynotes_core::load::from_text;
use daynotes_core::notes::{NoteDate, Notebook};

fn parse(text: &str) -> Notebook {
    from_text("t", text.to_string())
}

fn dates(nb: &Notebook) -> Vec<String> {
    nb.days.iter().map(|d| d.date.to_string()).collect()
}

fn titles(nb: &Notebook) -> Vec<Vec<String>> {
    nb.days
        .iter()
        .map(|d| {
            d.topics
                .iter()
                .map(|t| match t.number {
                    Some(n) => format!("{n} {}", t.title()),
                    None => t.title().to_string(),
                })
                .collect()
        })
        .collect()
}

fn messages(nb: &Notebook) -> Vec<String> {
    nb.warnings
        .iter()
        .map(|w| format!("{}: {}", w.line, w.message))
        .collect()
}

#[test]
fn every_date_form_is_a_day() {
    let nb = parse(
        "8.1\n2025.8.2\n2025-08-03\n2025/8/4\n8/5\n8月6日\n2025年8月7日：周四\n8.8: title here\n",
    );
    assert_eq!(
        dates(&nb),
        [
            "8.1",
            "2025-08-02",
            "2025-08-03",
            "2025-08-04",
            "2025-08-05",
            "2025-08-06",
            "2025-08-07",
            "2025-08-08"
        ]
    );
    assert_eq!(nb.days[6].title.as_deref(), Some("周四"));
    assert_eq!(nb.days[7].title.as_deref(), Some("title here"));
}

#[test]
fn year_lines_set_the_year_and_months_roll_over() {
    let nb = parse("2024\n12.30\n    1.a\n12.31\n1.2\n2.29\n2023年\n3.1\n");
    assert_eq!(
        dates(&nb),
        ["2024-12-30", "2024-12-31", "2025-01-02", "2023-03-01"]
    );
    // 2.29 does not exist in 2025: kept as text, with a warning
    assert!(
        messages(&nb)
            .iter()
            .any(|m| m.starts_with("6: impossible date 2.29 (February 2025 has 28 days)"))
    );
    assert_eq!(nb.sources[0].dividers.len(), 2);
}

#[test]
fn impossible_dates_are_text_with_warnings() {
    let nb = parse("8.1\n    1.a\n13.45:\n2.30:\n## 0000-00-00\n");
    assert_eq!(dates(&nb), ["8.1"]);
    let m = messages(&nb);
    assert!(
        m.contains(&"3: impossible date 13.45 (there is no month 13): kept as text".to_string()),
        "{m:?}"
    );
    assert!(
        m.contains(&"4: impossible date 2.30 (February has 29 days): kept as text".to_string()),
        "{m:?}"
    );
    // Named as written, once: no year rolled to 1 and no `1-0-0`.
    assert_eq!(
        m.iter()
            .filter(|m| m.starts_with("5: "))
            .collect::<Vec<_>>(),
        ["5: impossible date 0000-00-00 (years run from 1 to 9999): kept as text"]
    );
    let body = nb.text(0, nb.days[0].topics[0].body());
    assert_eq!(body, "13.45:\n2.30:\n## 0000-00-00\n");
}

#[test]
fn duplicate_and_out_of_order_dates_warn() {
    let nb = parse("8.22\n8.20\n8.22\n");
    let m = messages(&nb);
    assert!(
        m.iter()
            .any(|m| m.starts_with("2: date 8.20 comes after 8.22")),
        "{m:?}"
    );
    assert!(
        m.iter()
            .any(|m| m == "3: duplicate date 8.22 (also on line 1)"),
        "{m:?}"
    );
    assert_eq!(dates(&nb), ["8.22", "8.20", "8.22"], "file order is kept");
}

#[test]
fn a_date_written_three_times_names_the_one_before() {
    let nb = parse("8.22\n8.23\n8.22\n8.22\n");
    let dups: Vec<_> = messages(&nb)
        .into_iter()
        .filter(|m| m.contains("duplicate"))
        .collect();
    assert_eq!(
        dups,
        [
            "3: duplicate date 8.22 (also on line 1)",
            "4: duplicate date 8.22 (also on line 3)"
        ]
    );
}

#[test]
fn a_year_line_after_a_day_keeps_its_topics() {
    let nb = parse("8.22:\n    1.tcp握手\n    2.http\n2026\n1.2\n    1.next\n");
    assert_eq!(titles(&nb), [vec!["1 tcp握手", "2 http"], vec!["1 next"]]);
}

#[test]
fn topic_number_forms() {
    let nb = parse("8.1\n  1.a\n  2. b\n  3、c\n  4)d\n  （5）e\n  (6)f\n");
    assert_eq!(titles(&nb), [["1 a", "2 b", "3 c", "4 d", "5 e", "6 f"]]);
}

#[test]
fn deeper_numbered_lines_stay_in_the_body() {
    let nb = parse("8.1\n    1.topic\n        1. step\n        2. step\n    2.next\n");
    assert_eq!(titles(&nb), [["1 topic", "2 next"]]);
    assert_eq!(
        nb.text(0, nb.days[0].topics[0].body()),
        "        1. step\n        2. step\n"
    );
}

#[test]
fn a_topic_line_that_looks_like_a_date_is_not_a_day() {
    let nb = parse("8.1\n    1.5 hours of reading\n    8.23 notes\n    1.real\n");
    assert_eq!(dates(&nb), ["8.1"]);
    assert_eq!(titles(&nb), [["1 real"]]);
    assert_eq!(
        nb.text(0, nb.days[0].preamble),
        "    1.5 hours of reading\n    8.23 notes\n"
    );
}

#[test]
fn preamble_and_day_without_topics() {
    let nb = parse("8.1\n  a thought\n8.2\n8.3\n    1.x\n");
    assert_eq!(nb.text(0, nb.days[0].preamble), "  a thought\n");
    assert!(nb.days[1].topics.is_empty());
    assert_eq!(titles(&nb)[2], ["1 x"]);
}

#[test]
fn topic_without_body() {
    let nb = parse("8.1\n    1.a\n    2.b");
    let t = &nb.days[0].topics;
    assert!(t[0].body().is_empty() && t[1].body().is_empty());
}

#[test]
fn tabs_crlf_and_lone_cr() {
    for text in [
        "8.1\r\n\t1.a\r\n\t\t**S**\r\n\t\tx\r\n",
        "8.1\r\t1.a\r\t\t**S**\r\t\tx\r",
        "8.1\n\t1.a\n\t\t**S**\n\t\tx\n",
    ] {
        let nb = parse(text);
        assert_eq!(titles(&nb), [["1 a"]], "{text:?}");
        let t = &nb.days[0].topics[0];
        let s = &t.sections();
        assert_eq!((t.section_title(&s[0]), s[0].line()), ("S", 3), "{text:?}");
    }
}

#[test]
fn mixed_indentation_warns() {
    let nb = parse("8.1\n    1.a\n \tx\n");
    assert_eq!(messages(&nb), ["3: indentation mixes tabs and spaces"]);
}

#[test]
fn bom_is_skipped() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("n.txt");
    std::fs::write(&path, b"\xEF\xBB\xBF8.22:\n    1.a\n").unwrap();
    let nb = daynotes_core::load::load(&path).unwrap();
    assert_eq!(dates(&nb), ["8.22"]);
}

#[test]
fn empty_and_whitespace_only_files() {
    for text in ["", "   ", "\n\n  \n", "\t"] {
        let nb = parse(text);
        assert!(nb.days.is_empty() && nb.warnings.is_empty(), "{text:?}");
    }
}

#[test]
fn text_before_the_first_day_is_kept_and_reported() {
    let nb = parse("\nreading list\n8.1\n");
    assert_eq!(nb.text(0, nb.sources[0].leading), "\nreading list\n");
    assert_eq!(messages(&nb), ["2: text before the first day heading"]);
}

#[test]
fn fences_hide_headings_and_unclosed_fences_warn() {
    let nb = parse(
        "8.1\n    1.a\n        ```\n        **not a section**\n        # nor this\n        ```\n        **real**\n    2.b\n        ~~~\n        open\n8.2\n",
    );
    let t = &nb.days[0].topics[0];
    assert_eq!(t.sections().len(), 1);
    assert_eq!(t.section_title(&t.sections()[0]), "real");
    assert_eq!(messages(&nb), ["9: code fence is never closed"]);
    assert_eq!(
        dates(&nb),
        ["8.1", "8.2"],
        "a day heading still ends an open fence"
    );
}

#[test]
fn control_characters_warn() {
    let nb = parse("8.1\n    1.a\x1b[2J\n        x\u{9b}y\n");
    let m = messages(&nb);
    assert_eq!(
        m,
        [
            "2: control character U+001B (␛)",
            "3: control character U+009B (<U+009B>)"
        ]
    );
}

#[test]
fn markdown_headings_nest_by_level() {
    let nb = parse("8.1\n    1.a\n        # One\n        ## Two\n        # Three\n");
    let t = &nb.days[0].topics[0];
    let shape: Vec<_> = t
        .sections()
        .iter()
        .map(|s| (t.section_title(s), s.depth(), s.parent()))
        .collect();
    assert_eq!(
        shape,
        [("One", 0, None), ("Two", 1, Some(0)), ("Three", 0, None)]
    );
}

#[test]
fn unknown_year_is_never_invented() {
    let nb = parse("8.1\n12.31\n1.2\n");
    assert!(nb.days.iter().all(|d| d.date.year.is_none()));
    assert_eq!(
        nb.days[2].date,
        NoteDate {
            year: None,
            month: 1,
            day: 2
        }
    );
}

#[test]
fn directory_merges_days_by_date() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("b.txt"), "2025-08-02\n    1.b\n").unwrap();
    std::fs::write(dir.path().join("a.md"), "2025-08-03\n    1.a\n2025-08-01\n").unwrap();
    std::fs::write(dir.path().join("skip.json"), "2025-08-09\n").unwrap();
    let nb = daynotes_core::load::load(dir.path()).unwrap();
    assert_eq!(dates(&nb), ["2025-08-01", "2025-08-02", "2025-08-03"]);
    let sources: Vec<&str> = nb
        .days
        .iter()
        .map(|d| nb.sources[d.source].path.as_str())
        .collect();
    assert!(
        sources[0].ends_with("a.md")
            && sources[1].ends_with("b.txt")
            && sources[2].ends_with("a.md")
    );
}

#[test]
fn load_errors_are_one_line_with_the_path() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("nope.txt");
    let e = daynotes_core::load::load(&missing).unwrap_err().to_string();
    assert!(e.contains("nope.txt") && e.contains("no such file"), "{e}");
    let e = daynotes_core::load::load(dir.path())
        .unwrap_err()
        .to_string();
    assert!(e.contains("no notes files"), "{e}");
    let bin = dir.path().join("x.txt");
    std::fs::write(&bin, b"\x00\x01binary").unwrap();
    let e = format!("{:#}", daynotes_core::load::load(&bin).unwrap_err());
    assert!(e.contains("x.txt") && e.contains("binary file"), "{e}");
    assert!(!e.contains('\n'));
}

#[test]
fn years_rolled_past_9999_stop_there_with_a_warning() {
    let nb = parse("9999\n12.30\n    1.a\n1.2\n    1.b\n2.3\n    1.c\n");
    assert_eq!(dates(&nb), ["9999-12-30", "9999-01-02", "9999-02-03"]);
    let warned = messages(&nb);
    assert!(
        warned
            .iter()
            .any(|w| w.starts_with("4: ") && w.contains("9999")),
        "{warned:?}"
    );
    // Every date shown can be read back.
    for day in &nb.days {
        assert!(daynotes_core::dates::parse_expr(&day.date.to_string()).is_ok());
    }
}

#[test]
fn findings_past_the_first_ten_thousand_are_counted_not_kept() {
    let nb = parse(&"8.22\n".repeat(12_001));
    let max = daynotes_core::parse::MAX_WARNINGS;
    assert_eq!(nb.warnings.len(), max + 1);
    // The count comes first (line 0: the whole file), then the first ones.
    assert_eq!(
        nb.warnings[0].message,
        format!("2000 more findings not listed (the first {max} are)")
    );
    assert_eq!(nb.warnings[1].line, 2);
}
