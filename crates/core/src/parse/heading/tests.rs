//! The day heading rules' tests.

use super::*;

/// `date | title | deco` of a day heading, or `-` / `prose`.
fn read(s: &str) -> String {
    match day_heading(s) {
        Verdict::Day(h) => format!(
            "{} | {} | {:?}",
            crate::notes::NoteDate {
                year: h.date.year,
                month: h.date.month as u8,
                day: h.date.day as u8
            },
            h.title.as_deref().unwrap_or("-"),
            h.deco
        ),
        Verdict::Prose(_) => "prose".into(),
        Verdict::No => "-".into(),
    }
}

#[test]
fn the_first_forms_stay_days() {
    assert_eq!(read("8.22:"), "8.22 | - | Plain");
    assert_eq!(read("8.23： "), "8.23 | - | Plain");
    assert_eq!(read("8.24"), "8.24 | - | Plain");
    assert_eq!(read("2025年8月7日：周四"), "2025-08-07 | 周四 | Plain");
    assert_eq!(read("8.8: title here"), "8.8 | title here | Plain");
}

#[test]
fn decorated_headings() {
    assert_eq!(read("## 2023.7.12"), "2023-07-12 | - | Atx(2)");
    assert_eq!(read("##  2023.6.29"), "2023-06-29 | - | Atx(2)");
    assert_eq!(
        read("### Day 22: February 22, 2017"),
        "2017-02-22 | Day 22 | Atx(3)"
    );
    assert_eq!(read("**2024-01-02**"), "2024-01-02 | - | Bold");
    assert_eq!(read("**2024-01-02**: review"), "2024-01-02 | review | Bold");
    assert_eq!(read("- 2024-01-02"), "2024-01-02 | - | List");
    assert_eq!(read("* 2024-01-02"), "2024-01-02 | - | List");
    assert_eq!(read("** <2024-01-02 Tue>"), "2024-01-02 | - | Star(2)");
    assert_eq!(read("* [2024-01-02 Tue 09:00]"), "2024-01-02 | - | List");
    assert_eq!(read("## **2024-01-02**"), "2024-01-02 | - | Atx(2)");
}

#[test]
fn day_prefixes() {
    assert_eq!(
        read("Day 28-29: Feb 28, 2017"),
        "2017-02-28 | Day 28-29 | Plain"
    );
    assert_eq!(
        read("Day 49, 50: Mar 5, 2017"),
        "2017-03-05 | Day 49, 50 | Plain"
    );
    assert_eq!(read("Day 12 & 13: Jan 2nd"), "1.2 | Day 12 & 13 | Plain");
    assert_eq!(read("Day 3 - 2024-01-03"), "2024-01-03 | Day 3 | Plain");
    assert_eq!(read("第3天 2024年1月3日"), "2024-01-03 | 第3天 | Plain");
    assert_eq!(read("### Day 36"), "-");
}

#[test]
fn what_may_follow_a_date() {
    assert_eq!(
        read("2022/02/14 [OFFLINE]"),
        "2022-02-14 | [OFFLINE] | Plain"
    );
    assert_eq!(
        read("2024年1月2日 星期二 晴"),
        "2024-01-02 | 星期二 晴 | Plain"
    );
    assert_eq!(read("8.1笔记"), "8.1 | 笔记 | Plain");
    assert_eq!(read("8.22 周二"), "8.22 | 周二 | Plain");
    assert_eq!(read("8.22 (Wed)"), "8.22 | (Wed) | Plain");
    assert_eq!(read("8.22 Tuesday"), "8.22 | Tuesday | Plain");
    assert_eq!(read("2024-01-02 - review"), "2024-01-02 | review | Plain");
    assert_eq!(read("2024-01-02 – review"), "2024-01-02 | review | Plain");
    assert_eq!(read("2024-01-02 | review"), "2024-01-02 | review | Plain");
    assert_eq!(read("2024-01-02 Tuesday"), "2024-01-02 | Tuesday | Plain");
    assert_eq!(read("Tuesday, January 2, 2024"), "2024-01-02 | - | Plain");
    assert_eq!(read("22 Feb 2017"), "2017-02-22 | - | Plain");
    assert_eq!(read("## Jan 2nd"), "1.2 | - | Atx(2)");
}

#[test]
fn ranges_keep_their_whole_text() {
    assert_eq!(
        read("## February 28 - March 1 2025"),
        "2025-02-28 | February 28 - March 1 2025 | Atx(2)"
    );
    assert_eq!(
        read("### Day 5: February 10-11, 2025"),
        "2025-02-10 | Day 5: February 10-11, 2025 | Atx(3)"
    );
}

#[test]
fn weekdays_ranges_weeks_and_breaks() {
    let h = |s: &str| match day_heading(s) {
        Verdict::Day(h) => h,
        other => panic!("{s:?}: {other:?}"),
    };
    // A weekday before the date; one in the title is read from the title
    // when the line is a day.
    assert_eq!(h("Tuesday, January 2, 2024").weekday, Some(1));
    assert_eq!(h("## Mar 5, 2024").weekday, None);
    let title = |s: &str| h(s).title.as_deref().and_then(title_weekday);
    assert_eq!(title("2022.9.6 星期二"), Some(1));
    assert_eq!(title("8.22 (Wed)"), Some(2));
    assert_eq!(title("### Day 3: 2024-01-03 Wednesday"), Some(2));
    assert_eq!(title("## Mar 5, 2024 review"), None);
    // A weekday settles a guessed order of day and month.
    assert_eq!(h("02/07/2024 Wednesday").date.month, 2);
    assert_eq!(h("07/02/2024 Wednesday").date.month, 2);
    // A second date after the first: a range, titled whole.
    assert_eq!(
        read("2024-01-02 – 2024-01-05"),
        "2024-01-02 | 2024-01-02 – 2024-01-05 | Plain"
    );
    assert!(h("04.03.2019 bis 10.03.2019").range);
    // A week named after the date marks a group above days.
    assert!(h("** 2016-07-04 (week 27)").range);
    assert!(h("## 2024-03-04 KW10").range);
    assert!(!h("## 2024-03-04 review").range);
    assert!(!h("8.22 周二").range);
    // Line breaks of a page are off the title.
    assert_eq!(
        read("2024/08/03（31℃晴）<br>"),
        "2024-08-03 | （31℃晴） | Plain"
    );
}

#[test]
fn near_misses_stay_text() {
    for s in [
        "on 8.22 we met",
        "1.5 hours",
        "v2.3.1",
        "2.3 Results",
        "## 2.3 Results",
        "1.tcp握手",
        "May 5 we went to the park",
        "**2024-01-02** was a good day",
        "8.22x",
        "2024-01-02T10:00",
        "2024-01-02.md",
    ] {
        assert_eq!(read(s), "-", "{s:?}");
    }
    let long = format!("2024-01-02 {}", "word ".repeat(14));
    assert_eq!(read(&long), "prose");
    assert_eq!(
        read(&format!("## {long}")).split(' ').next(),
        Some("2024-01-02")
    );
}
