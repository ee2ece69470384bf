//! Dates on the command line: `show` reads every form of the go-to-date
//! prompt, `--year` gives yearless notes their years (and weekdays), an
//! impossible date is a one-line error.

use crate::common;

use crate::common::daynotes;

const SEED: &str = "notes/study-notes.txt";

fn first_line(args: &[&str]) -> String {
    let out = daynotes(args).assert().success().get_output().clone();
    let text = String::from_utf8(out.stdout).unwrap();
    text.lines().next().unwrap_or("").to_string()
}

#[test]
fn show_reads_every_date_form() {
    for form in [
        "8.30",
        "8/30",
        "8月30日",
        "0830",
        "8.30：",
        "8.30/1",
        "0830/1",
    ] {
        assert_eq!(first_line(&["show", form, SEED]), "8.30", "{form}");
    }
    // With the year given, the year-named forms match too.
    for form in ["2025-08-30", "2025.8.30", "20250830", "2025年8月30日"] {
        let line = first_line(&["--year", "2025", "show", form, SEED]);
        assert_eq!(line, "2025-08-30", "{form}");
    }
}

#[test]
fn year_fills_in_the_years_of_yearless_notes() {
    let out = daynotes(&["list", "--depth", "1", "--year", "2025", SEED])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).unwrap();
    let days: Vec<&str> = text
        .lines()
        .map(|l| l.split("  ").next().unwrap())
        .collect();
    assert_eq!(
        days,
        [
            "2025-08-22",
            "2025-08-23",
            "2025-08-24",
            "2025-08-30",
            "2025-09-01",
            "2025-09-11"
        ]
    );
    // Before the subcommand works the same.
    let export = daynotes(&["--year", "2025", "export", "--format", "json", SEED])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    assert!(
        String::from_utf8(export)
            .unwrap()
            .contains("\"year\": 2025")
    );
}

#[test]
fn impossible_dates_are_one_line_errors() {
    for (form, message) in [
        (
            "2.30",
            "daynotes: error: 2.30 is not a date: month 2 has 29 days",
        ),
        (
            "13.45",
            "daynotes: error: 13.45 is not a date: months run from 1 to 12",
        ),
        ("soon", "daynotes: error: cannot read \"soon\" as a date"),
    ] {
        let out = daynotes(&["show", form, SEED])
            .assert()
            .code(2)
            .get_output()
            .clone();
        let err = String::from_utf8(out.stderr).unwrap();
        assert!(err.starts_with(message), "{form}: {err}");
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(out.stdout.is_empty());
    }
}

#[test]
fn a_day_without_notes_names_the_nearest() {
    let out = daynotes(&["show", "8.25", SEED])
        .assert()
        .code(2)
        .get_output()
        .clone();
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(
        err,
        "daynotes: error: no notes for 8.25; nearest: 8.24, 8.30\n"
    );
}

#[test]
fn an_invalid_date_is_an_error_also_when_output_is_not_a_terminal() {
    // No terminal: the outline is printed, but only for a date it can read.
    for (date, message) in [
        (
            "soon",
            "daynotes: error: --date: cannot read \"soon\" as a date",
        ),
        ("2.30", "daynotes: error: --date: 2.30 is not a date"),
    ] {
        let out = daynotes(&["--date", date, SEED])
            .assert()
            .code(2)
            .get_output()
            .clone();
        let err = String::from_utf8(out.stderr).unwrap();
        assert!(err.starts_with(message), "{date}: {err}");
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(out.stdout.is_empty());
    }
    daynotes(&["--date", "8.23", SEED]).assert().success();
}

/// The same month and day with a year and without one (`9.2` before a
/// year line and after it): `show 9.2` names both and how to ask for each;
/// a day (or topic) is also named by a line in it, `show :LINE`.
#[test]
fn a_yearless_day_beside_a_dated_one_can_be_shown() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("n.txt"),
        "9.2\n    1.yearless\n2024\n9.2\n    1.dated\n        body\n",
    )
    .unwrap();
    let show = |target: &str| {
        common::daynotes_in(dir.path(), &["show", target, "n.txt"])
            .env("NO_COLOR", "1")
            .output()
            .unwrap()
    };
    for (form, names) in [
        ("9.2", "9.2 (show :1), 2024-09-02 (show 2024-09-02)"),
        ("0902", "9.2 (show :1), 2024-09-02 (show 2024-09-02)"),
        ("9.2/1", "9.2 (show :2), 2024-09-02 (show 2024-09-02/1)"),
    ] {
        let out = show(form);
        assert_eq!(out.status.code(), Some(2), "{form}");
        let err = String::from_utf8(out.stderr).unwrap();
        assert_eq!(
            err,
            format!("daynotes: error: 9.2 is in more than one year: {names}\n"),
            "{form}"
        );
    }
    let text = |out: std::process::Output| {
        assert!(out.status.success(), "{out:?}");
        String::from_utf8(out.stdout).unwrap()
    };
    let yearless = text(show(":1"));
    assert!(yearless.starts_with("9.2\n"), "{yearless}");
    assert!(yearless.contains("1. yearless") && !yearless.contains("dated"));
    let dated = text(show("2024-09-02"));
    assert!(dated.contains("1. dated") && !dated.contains("yearless"));
    // A line inside a topic shows that topic, under its day.
    let topic = text(show(":6"));
    assert!(topic.starts_with("2024-09-02\n"), "{topic}");
    assert!(
        topic.contains("1. dated") && topic.contains("body"),
        "{topic}"
    );
    // A line outside every day, or past the end, says so.
    let out = show(":3");
    assert_eq!(out.status.code(), Some(2));
    let out = show(":99");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8(out.stderr).unwrap().contains("99"));
}
