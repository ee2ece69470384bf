//! What a newcomer meets first, in the real program at the sizes people
//! have: a section scrolled into view as `less` would, the calendar at
//! 40×12 and 20×6.

use crate::harness::{Term, status};

const SEED: &str = "notes/study-notes.txt";

/// The content pane's rows: what is right of the outline's border (wide
/// screens), or the whole pane (narrow ones), without the frame.
fn content_rows(screen: &str, wide: bool) -> Vec<String> {
    let rows: Vec<&str> = screen.lines().collect();
    let inner = &rows[1..rows.len().saturating_sub(2)];
    inner
        .iter()
        .map(|r| {
            let r = if wide {
                r.split_once("││").map_or("", |(_, c)| c)
            } else {
                r.strip_prefix('│').unwrap_or(r)
            };
            r.trim_end().trim_end_matches('│').trim_end().to_string()
        })
        .collect()
}

#[test]
fn choosing_the_last_section_keeps_its_topic_in_view() {
    // tcp握手 has 25 rows. At 100×30 the pane holds 27: the last section
    // shows the whole topic from its title, no row left empty above it.
    let mut term = Term::start(&[SEED], 100, 30);
    term.wait_for("tcp握手");
    term.go_to_first_day("8.22");
    term.send("jll");
    term.wait_until("the first section", |s| {
        status(s).contains("第一次握手（SYN）")
    });
    term.send("jjjj");
    let screen = term.wait_until("the last section", |s| {
        status(s).contains("四次挥手断开连接")
    });
    let rows = content_rows(&screen, true);
    assert_eq!(rows[0], "1. tcp握手", "{screen}");
    assert!(rows.iter().any(|r| r == "四次挥手断开连接："), "{screen}");
    // At 60×20 the pane holds 18 rows: the section is in the last page,
    // the pane full to its last row.
    term.resize(60, 20);
    term.send("\t");
    // (A frame may come at the new size before the resize is read: the
    // wait is for the picture once it is.)
    let screen = term.wait_until("the section in the content pane at 60×20", |s| {
        status(s).contains("[content]")
            && s.lines().count() == 20
            && content_rows(s, false)
                .iter()
                .any(|r| r == "四次挥手断开连接：")
    });
    let rows = content_rows(&screen, false);
    assert!(
        !rows.last().unwrap().is_empty(),
        "the pane is full:\n{screen}"
    );
    assert!(!rows[0].is_empty(), "{screen}");
    term.send("q");
    assert!(term.wait_exit().success());
}

#[test]
fn the_calendar_fits_40_by_12_and_20_by_6() {
    let mut term = Term::start(&["--year", "2025", SEED], 40, 12);
    term.go_to_first_day("2025-08-22");
    term.send("c");
    term.wait_for("August 2025");
    term.send("y");
    let screen = term.wait_for("streak now 0");
    // The year: the weeks around the cursor, the key hints whole on the
    // bottom border, the streak line whole.
    let footer = screen.lines().nth(10).unwrap();
    assert!(
        footer.contains(" h l week · j k day · y month "),
        "{screen}"
    );
    assert!(
        screen.contains("│ streak now 0 · longest 3 days"),
        "{screen}"
    );
    assert!(screen.contains("Aug"), "{screen}");
    // 20×6: the month shows the chosen week (8.22 is a Friday).
    term.send("y");
    term.resize(20, 6);
    let screen = term.wait_for("18 19 20 21 22 23 24");
    assert!(screen.contains("Mo Tu We Th Fr Sa Su"), "{screen}");
    term.send("\x1b");
    term.wait_gone("Mo Tu We");
    term.send("q");
    assert!(term.wait_exit().success());
}

#[test]
fn the_status_bar_names_the_notes() {
    // A file by its name; the notes directory found by default as `notes/`.
    for (args, name) in [(&[SEED][..], "study-notes.txt"), (&[], "notes/")] {
        let mut term = Term::start(args, 100, 30);
        let screen = term.wait_for("tcp握手");
        assert!(status(&screen).contains(&format!("  {name}  ")), "{screen}");
        assert!(!screen.contains("reading"), "{screen}");
        term.send("q");
        assert!(term.wait_exit().success());
    }
}

#[test]
fn the_viewer_opens_where_it_was_left() {
    let daily = "tests/fixtures/daily";
    // The first time: the newest day (no notes today).
    let mut term = Term::start(&[daily], 110, 30);
    term.wait_until("the newest day", |s| {
        status(s).starts_with(" 2024-01-08 Mon")
    });
    term.send("[[");
    term.wait_until("two days back", |s| {
        status(s).starts_with(" 2024-01-06 Sat")
    });
    term.send("q");
    assert!(term.wait_exit().success());
    // The next time, in the same home: where it was left.
    let mut term = Term::start_in(term.home(), &[daily], 110, 30);
    term.wait_until("where it was left", |s| {
        status(s).starts_with(" 2024-01-06 Sat")
    });
    term.send("q");
    assert!(term.wait_exit().success());
}

#[test]
fn help_at_40_by_12_and_its_place_in_the_status_bar() {
    let mut term = Term::start(&[SEED], 40, 12);
    let screen = term.wait_for("day 6/6");
    assert!(status(&screen).ends_with("? help"), "{screen}");
    // Opened from the calendar: on the calendar's page, with the pages.
    term.send("c");
    term.wait_for("less ░ ▒ ▓ █ more");
    term.send("?");
    let screen = term.wait_for("In the calendar");
    // Below 60 columns the help takes the screen above the status bar.
    let title = screen.lines().next().unwrap_or("");
    assert!(title.starts_with("┌ Keys "), "{screen}");
    term.send("\x1b");
    term.wait_for("less ░ ▒ ▓ █ more");
    term.send("\x1b");
    term.wait_gone("less ░");
    term.send("q");
    assert!(term.wait_exit().success());
}

#[test]
fn review_at_40_by_12_keeps_its_ratings_whole_and_scrolls() {
    let mut term = Term::start(&[SEED], 40, 12);
    term.wait_for("day 6/6");
    term.send("R");
    term.wait_for("Space show the answer");
    term.send(" ");
    let screen = term.wait_for("1 again · 2 hard · 3 good · 4 easy");
    assert!(screen.contains("↓ 19 more · j PgDn End"), "{screen}");
    term.send("j");
    term.wait_for("↑ 1 above · ↓ 18 more");
    term.send("\x1b[F");
    term.wait_for("↑ 19 above");
    term.send("q");
    term.wait_gone("Review");
    term.send("q");
    assert!(term.wait_exit().success());
}

#[test]
fn the_outline_is_made_wider_and_narrower() {
    let mut term = Term::start(&[SEED], 100, 30);
    let screen = term.wait_for("tcp握手");
    let border = |s: &str| s.lines().next().unwrap_or("").find("┐┌").unwrap_or(0);
    let before = border(&screen);
    term.send(">>");
    let wider = term.wait_until("a wider outline", |s| border(s) > before);
    assert!(
        status(&wider).starts_with(" outline 37 columns wide"),
        "{wider}"
    );
    term.send("<<<<");
    term.wait_until("a narrower outline", |s| border(s) < before);
    term.send("q");
    assert!(term.wait_exit().success());
}

#[test]
fn a_config_key_taken_from_another_action_is_said() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("config.yaml");
    std::fs::write(&config, "keys:\n  quit: [j]\n").unwrap();
    let config = config.to_str().unwrap();
    let warning = "keys.quit: j was the key of \"down\"; \"down\" keeps ↓";
    let mut term = Term::start(&["--config", config, SEED], 100, 30);
    let screen = term.wait_for(warning);
    assert!(
        status(&screen).starts_with(&format!(" {warning}")),
        "{screen}"
    );
    term.send("j");
    assert!(term.wait_exit().success(), "j quits");
    // The commands say it on stderr.
    let out = crate::common::daynotes(&["--config", config, "list", SEED])
        .assert()
        .success()
        .get_output()
        .clone();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains(&format!("daynotes: warning: {warning}")),
        "{stderr}"
    );
}
