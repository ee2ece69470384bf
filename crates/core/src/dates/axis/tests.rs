//! The calendar line held to what a reader expects: dates gone to, the
//! nearest day with notes, years rolled over, heat by how much was written.

use super::*;
use crate::dates::parse_expr;
use crate::load::from_text;

fn seed() -> Notebook {
    from_text("seed", crate::SAMPLE.into())
}

/// Resolves `text` on the seed (placed in 2025) from day `selected`,
/// today being 2025-09-01; returns the date shown and the note.
fn go(text: &str, selected: usize) -> (String, Option<String>) {
    let nb = seed();
    let axis = Axis::new(&nb, 2025);
    let expr = parse_expr(text).unwrap();
    let landing = axis.resolve(expr, selected, (2025, 9, 1)).unwrap();
    (nb.days[landing.day].date.to_string(), landing.note)
}

#[test]
fn the_seed_days_in_2025() {
    let nb = seed();
    let axis = Axis::new(&nb, 2025);
    let dates: Vec<Civil> = (0..nb.days.len()).map(|i| axis.date(i).unwrap()).collect();
    assert_eq!(
        dates,
        [
            (2025, 8, 22),
            (2025, 8, 23),
            (2025, 8, 24),
            (2025, 8, 30),
            (2025, 9, 1),
            (2025, 9, 11)
        ]
    );
    assert!(!axis.years_known());
}

#[test]
fn exact_days() {
    assert_eq!(go("8.30", 0), ("8.30".into(), None));
    assert_eq!(go("0823", 5), ("8.23".into(), None));
    assert_eq!(go("8月24日", 0), ("8.24".into(), None));
    assert_eq!(go("2025-09-11", 0), ("9.11".into(), None));
    assert_eq!(go("today", 0), ("9.1".into(), None));
    assert_eq!(go("23", 0), ("8.23".into(), None));
    assert_eq!(go("+1", 0), ("8.23".into(), None));
    assert_eq!(go("-1", 2), ("8.23".into(), None));
}

#[test]
fn nearest_day_when_none_that_day() {
    assert_eq!(
        go("8.25", 0),
        (
            "8.24".into(),
            Some("no notes on 8.25 — showing 8.24, 1 day earlier".into())
        )
    );
    // 8.27 is 3 days from 8.24 and 8.30: a tie goes forward.
    assert_eq!(
        go("8.27", 0),
        (
            "8.30".into(),
            Some("no notes on 8.27 — showing 8.30, 3 days later".into())
        )
    );
    // Yesterday (8.31) lies between 8.30 and 9.1: forward again.
    assert_eq!(
        go("yesterday", 0),
        (
            "9.1".into(),
            Some("no notes on 8.31 — showing 9.1, 1 day later".into())
        )
    );
    // -3 from 9.1 is 8.29: 8.30 is nearer.
    assert_eq!(
        go("-3", 4),
        (
            "8.30".into(),
            Some("no notes on 8.29 — showing 8.30, 1 day later".into())
        )
    );
}

#[test]
fn before_the_first_and_after_the_last_go_to_the_ends() {
    assert_eq!(
        go("1.5", 3),
        (
            "8.22".into(),
            Some("no notes on 1.5 — showing 8.22, the first day, 229 days later".into())
        )
    );
    assert_eq!(
        go("12.24", 0),
        (
            "9.11".into(),
            Some("no notes on 12.24 — showing 9.11, the last day, 104 days earlier".into())
        )
    );
    assert_eq!(go("2024-08-23", 0).0, "8.22");
}

#[test]
fn a_month_day_found_in_several_years_goes_to_the_nearest() {
    let text = "2024\n8.23\n    1.a\n2025\n8.22\n    1.b\n8.23\n    1.c\n2026\n8.23\n    1.d\n";
    let nb = from_text("t", text.into());
    let axis = Axis::new(&nb, 2000);
    assert!(axis.years_known());
    let at = |selected| {
        let landing = axis.resolve(parse_expr("8.23").unwrap(), selected, (2025, 1, 1));
        nb.days[landing.unwrap().day].date.to_string()
    };
    assert_eq!(at(0), "2024-08-23");
    assert_eq!(at(1), "2025-08-23");
    assert_eq!(at(3), "2026-08-23");
}

#[test]
fn yearless_days_roll_over_into_the_next_year() {
    let text = "12.30\n    1.a\n1.2\n    1.b\n";
    let nb = from_text("t", text.into());
    let axis = Axis::new(&nb, 2025);
    assert_eq!(axis.date(0), Some((2025, 12, 30)));
    assert_eq!(axis.date(1), Some((2026, 1, 2)));
    let landing = axis.resolve(parse_expr("+3").unwrap(), 0, (2025, 1, 1));
    assert_eq!(landing.unwrap().day, 1);
}

#[test]
fn a_given_year_fills_in_yearless_notes_only() {
    let mut nb = from_text("t", "12.30\n    1.a\n1.2\n    1.b\n".into());
    assert!(assume_year(&mut nb, 2025));
    let dates: Vec<String> = nb.days.iter().map(|d| d.date.to_string()).collect();
    assert_eq!(dates, ["2025-12-30", "2026-01-02"]);
    let mut named = from_text("t", "2024\n8.1\n    1.a\n".into());
    assert!(!assume_year(&mut named, 2025));
    assert_eq!(named.days[0].date.to_string(), "2024-08-01");
}

#[test]
fn a_day_of_the_month_that_month_lacks_is_an_error() {
    let nb = seed();
    let axis = Axis::new(&nb, 2025);
    let err = axis.resolve(DateExpr::DayOfMonth(31), 4, (2025, 1, 1));
    assert_eq!(err, Err("31: month 9 has 30 days".into()));
    let empty = Axis::new(&Notebook::default(), 2025);
    assert!(
        empty
            .resolve(DateExpr::FromToday(0), 0, (2025, 1, 1))
            .is_err()
    );
}

#[test]
fn heat_levels_follow_how_much_was_written() {
    let nb = seed();
    let axis = Axis::new(&nb, 2025);
    let heat = heat_levels(&nb, &axis);
    // 8.22 is by far the longest day, 8.30 and 9.1 hold a line or two.
    assert_eq!(heat.len(), 6);
    assert_eq!(heat[0], 4);
    assert!(heat.iter().all(|&h| (1..=4).contains(&h)), "{heat:?}");
    assert!(heat[3] < heat[0] && heat[5] <= heat[1], "{heat:?}");
}
