//! A day is named one way wherever the viewer names it: the outline, the
//! content pane's border and heading, the status bar, the calendar. The
//! weekday is written as the notes write weekdays, a daily note's title
//! is shown once, and the outline keeps a day's count of topics when the
//! name must be cut.

use crate::common::{Screen, row, status};
use daynotes_core::load::{from_text, load};
use daynotes_view::app::Action;

/// The daily notes folder of the fixtures, 2024-01-03 selected (its file
/// has a front matter `title: "Networking day"` and a `# Wednesday`).
fn networking_day(width: u16, height: u16) -> Screen {
    let nb = load(&crate::common::fixture("daily")).unwrap();
    let mut s = Screen::new(nb, width, height);
    s.press(&[Action::NextDay]);
    s
}

#[test]
fn a_day_has_one_name_everywhere() {
    let mut s = networking_day(150, 30);
    let screen = s.draw();
    let name = "2024-01-03 Wed Networking day";
    // ┌ Outline ──────┐┌ 2024-01-03 Wed Networking day ────┐
    // │▾ 2024-01-03 Wed Networking day (2)││2024-01-03 Wed Networking day
    assert!(row(&screen, 0).contains(&format!("┌ {name} ─")), "{screen}");
    assert!(screen.contains(&format!("▾ {name} (2)")), "{screen}");
    assert!(row(&screen, 1).contains(&format!("││{name}  ")), "{screen}");
    assert!(
        status(&screen).starts_with(&format!(" {name} ")),
        "{screen}"
    );
    s.press(&[Action::CalendarOpen]);
    assert!(s.draw().contains("2024-01-03 Wed · 2 topics"));
}

#[test]
fn a_daily_note_shows_its_title_once() {
    // ---                       the front matter's title and the `# `
    // title: "Networking day"   line that says it again are in the
    // tags: [daily, tcp]        heading; the tags stay, and `# Wednesday`,
    // date: 2024-01-03          which says something else.
    // ---
    // # Wednesday
    let mut s = networking_day(150, 30);
    let screen = s.draw();
    // Outline, border, heading, status bar.
    assert_eq!(screen.matches("Networking day").count(), 4, "{screen}");
    assert!(screen.contains("tags: [daily, tcp]"), "{screen}");
    assert!(!screen.contains("title:"), "{screen}");
    assert!(screen.contains("││Wednesday"), "{screen}");
    // A note whose `# ` line is its title: the line goes, as does a front
    // matter that held nothing but the title.
    let nb = from_text(
        "2024-02-01.md",
        "---\ntitle: Kickoff\n---\n# Kickoff\n\n## Plan\n\nWrite things.\n".into(),
    );
    let mut s = Screen::new(nb, 80, 20);
    let screen = s.draw();
    let content: Vec<&str> = screen
        .lines()
        .skip(1)
        .take(5)
        .map(|l| {
            l.split("││")
                .nth(1)
                .unwrap_or("")
                .trim_end_matches(['│', ' '])
        })
        .collect();
    assert_eq!(
        content,
        ["2024-02-01 Thu Kickoff", "", "Plan", "", "Write things."],
        "{screen}"
    );
    // Every line can still be reached: the search finds `# Kickoff`.
    s.press(&[Action::SearchStart]);
    for c in "Kickoff".chars() {
        s.press(&[Action::Input(c)]);
    }
    s.press(&[Action::Accept]);
    assert!(status(&s.draw()).contains("hit 1/"), "{}", s.draw());
}

#[test]
fn the_count_of_topics_stays_when_the_name_is_cut() {
    let mut s = networking_day(60, 20);
    let screen = s.draw();
    assert!(
        screen.contains("│▾ 2024-01-03 Wed Networking day (2)"),
        "{screen}"
    );
    let mut s = networking_day(30, 20);
    let screen = s.draw();
    assert!(
        screen.contains("│▾ 2024-01-03 Wed Networ… (2)│"),
        "{screen}"
    );
}

#[test]
fn weekdays_are_written_in_the_notes_own_words() {
    // The diary writes `星期二`: the day without a weekday gets one so.
    let text = "2024年1月2日 星期二 晴\n1.tcp\n    a\n2024年1月4日\n1.http\n    b\n";
    let mut s = Screen::new(from_text("diary.txt", text.into()), 100, 20);
    s.press(&[Action::NextDay]);
    let screen = s.draw();
    assert!(screen.contains("▾ 2024-01-02 星期二 晴 (1)"), "{screen}");
    assert!(screen.contains("▾ 2024-01-04 星期四 (1)"), "{screen}");
    assert!(
        status(&screen).starts_with(" 2024-01-04 星期四"),
        "{screen}"
    );
}
