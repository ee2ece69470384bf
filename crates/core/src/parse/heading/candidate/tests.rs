//! The candidate reader's tests.

use super::*;
use crate::notes::NoteDate;

/// `date | title | deco` of a candidate, or `-`.
fn read(s: &str) -> String {
    match candidate(s, 0) {
        Some(c) => {
            let h = c.heading;
            let date = NoteDate {
                year: h.date.year,
                month: h.date.month as u8,
                day: h.date.day as u8,
            };
            format!(
                "{date} | {} | {:?}",
                h.title.as_deref().unwrap_or("-"),
                h.deco
            )
        }
        None => "-".into(),
    }
}

fn shape(s: &str) -> Shape {
    shape_at(s, 0)
}

fn shape_at(s: &str, indent: usize) -> Shape {
    candidate(s, indent).and_then(|c| c.heading.shape).expect(s)
}

#[test]
fn dates_after_a_short_decoration() {
    assert_eq!(
        read("# Journal – 14.03.2022"),
        "2022-03-14 | Journal | Atx(1)"
    );
    assert_eq!(
        read("## Lernjournal 21.06.2021"),
        "2021-06-21 | Lernjournal | Atx(2)"
    );
    assert_eq!(read("Montag 15.05.2023"), "2023-05-15 | Montag | Plain");
    assert_eq!(read("Dienstag 16.05"), "5.16 | Dienstag | Plain");
    assert_eq!(read("Fr, 19.05.2023"), "2023-05-19 | Fr | Plain");
    assert_eq!(read("Mo 18.03."), "3.18 | Mo | Plain");
    assert_eq!(read("mardi 2 janvier 2024"), "2024-01-02 | mardi | Plain");
    assert_eq!(read("### lundi 04/03/24"), "2024-03-04 | lundi | Atx(3)");
    assert_eq!(read("#07.04.2016"), "2016-04-07 | - | Atx(1)");
    assert_eq!(read("## 📅 March 4, 2025"), "2025-03-04 | - | Atx(2)");
    assert_eq!(read("### R1D1 - 03JAN2021"), "2021-01-03 | R1D1 | Atx(3)");
    assert_eq!(read("## 20250216进展"), "2025-02-16 | 进展 | Atx(2)");
    assert_eq!(
        read("[2021/03/01~2021/03/07]"),
        "2021-03-01 | 2021/03/01~2021/03/07 | Plain"
    );
    assert_eq!(
        read("### Week 1 (2023.7.9-2023.7.16)"),
        "2023-07-09 | Week 1: 2023.7.9-2023.7.16 | Atx(3)"
    );
    assert_eq!(read("*** Mo, 01.01.2018"), "2018-01-01 | Mo | Star(3)");
    assert_eq!(
        read("** KW01 (01.-07.01.2018)"),
        "2018-01-01 | KW01: 01.-07.01.2018 | Star(2)"
    );
    assert_eq!(
        read("- [2026/1/20(火)](d/20260120.md) - cooked"),
        "2026-01-20 | (火): cooked | List"
    );
    assert_eq!(read("**Montag 15.05.2023**"), "2023-05-15 | Montag | Bold");
    // A banner's closing run is its decoration, no title.
    assert_eq!(read("=== 2023-04-03 ==="), "2023-04-03 | - | Plain");
    assert_eq!(read("*** 2023-04-03 ***"), "2023-04-03 | - | Star(3)");
    assert_eq!(read("--- 2023-04-03 ---"), "2023-04-03 | - | Plain");
    assert_eq!(read("=== 2023-04-03 == x"), "2023-04-03 | == x | Plain");
}

#[test]
fn sentences_numbers_and_tables_are_not_candidates() {
    for s in [
        "We met on 2024-03-01 and again",
        "Termin am 12.03.2024 beim Amt",
        "Version 2.3 adds caching",
        "Chapter 3.1 Results",
        "| 1 | 2020/03/30 | fine |",
        "Release 1.2.10",
        "lundi 04/03/24 était un long jour où nous avons tout revu ensemble pour la troisième fois",
        "Montag",
        "2024",
        "Meeting notes from last week, 2024-03-01",
        "see 04/03/24",
    ] {
        assert_eq!(read(s), "-", "{s:?}");
    }
}

#[test]
fn lines_of_one_habit_share_a_shape() {
    assert_eq!(shape("Montag 15.05.2023"), shape("Dienstag 16.05"));
    assert_eq!(
        shape("# Journal – 14.03.2022"),
        shape("# Journal – 15.03.2022 (sick)")
    );
    assert_eq!(
        shape("### R1D1 - 03JAN2021"),
        shape("### R1D12 - 14JAN2021")
    );
    assert_ne!(
        shape("# Journal – 14.03.2022"),
        shape("## Journal – 14.03.2022")
    );
    assert_ne!(shape("# Journal – 14.03.2022"), shape("# Log – 14.03.2022"));
    assert_ne!(shape("Montag 15.05.2023"), shape_at("Montag 15.05.2023", 2));
    assert_ne!(shape("Montag 15.05.2023"), shape("Montag 2023-05-15"));
}

#[test]
fn a_weekday_settles_day_and_month() {
    let h = candidate("lundi 04/03/24", 0).unwrap().heading;
    assert_eq!((h.date.month, h.date.day, h.weekday), (3, 4, Some(0)));
    assert_eq!(h.order, Some(Order::Told(DayOrder::DayFirst)));
}

#[test]
fn digits_found_eight_bytes_at_a_time() {
    for s in [
        "",
        "abc",
        "abcdefgh",
        "abcdefghi",
        "日本語の文章です",
        "/:;<=>?@",
    ] {
        assert!(!has_digit(s.as_bytes()), "{s:?}");
    }
    for s in [
        "1",
        "abcdefg9",
        "abcdefgh9",
        "日本語2024",
        "0",
        "x9yyyyyyyyyyyyyyy",
    ] {
        assert!(has_digit(s.as_bytes()), "{s:?}");
    }
}

proptest::proptest! {
    #[test]
    fn the_digit_test_is_the_byte_by_byte_one(b in proptest::collection::vec(proptest::num::u8::ANY, 0..40)) {
        proptest::prop_assert_eq!(has_digit(&b), b.iter().any(u8::is_ascii_digit));
    }

    #[test]
    fn any_line_reads_without_panic(s in "\\PC{0,40}|[#*\\- 0-9./~年月日()（）\\[\\]a-zA-Z]{0,30}") {
        if let Some(c) = candidate(&s, 0) {
            proptest::prop_assert!(c.heading.shape.is_some());
        }
    }
}
