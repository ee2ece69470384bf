//! The date axis in the viewer, on the bundled notes: the go-to-date prompt,
//! the calendar and the history, drawn on a `TestBackend`.
//!
//! Today is fixed at 2025-09-01 and, where a test needs weekdays, the notes
//! are given the year 2025 (as `--year 2025` does).

use crate::common::{Screen, seed, status, styled_row};
use daynotes_core::dates::{AssumedYear, assume_year};
use daynotes_view::app::{Action, Mode};

/// The seed in a viewer, today being 2025-09-01; `year` fills in the notes'
/// years as `--year` does, otherwise the year 2026 is assumed.
fn viewer(year: Option<i32>, width: u16, height: u16) -> Screen {
    let mut nb = seed();
    let assumed = match year {
        Some(y) => {
            assert!(assume_year(&mut nb, y));
            AssumedYear {
                year: y,
                source: "--year",
            }
        }
        None => AssumedYear {
            year: 2026,
            source: "file date",
        },
    };
    let mut s = Screen::new(nb, width, height);
    s.app.dates.clock = || (2025, 9, 1);
    s.app.dates.today = (s.app.dates.clock)();
    s.app.set_assumed_year(assumed);
    s
}

fn typed(s: &mut Screen, text: &str) {
    s.press(&[Action::DatePromptOpen]);
    for c in text.chars() {
        s.press(&[Action::Input(c)]);
    }
}

fn selected_day(s: &Screen) -> String {
    let id = s.app.selected().unwrap();
    s.app.notebook.days[id.day_index()].date.to_string()
}

#[test]
fn go_to_a_day_with_notes() {
    let mut s = viewer(None, 100, 30);
    typed(&mut s, "8.30");
    let screen = s.draw();
    assert!(status(&screen).starts_with(":8.30▏"), "{screen}");
    assert!(status(&screen).ends_with("→ 8.30"), "{screen}");
    s.press(&[Action::Accept]);
    assert_eq!(selected_day(&s), "8.30");
    let screen = s.draw();
    assert!(status(&screen).contains("showing 8.30"), "{screen}");
    assert!(screen.contains("1. 接口失效"));
}

#[test]
fn a_day_without_notes_goes_to_the_nearest_and_says_so() {
    let mut s = viewer(None, 100, 30);
    typed(&mut s, "8.25");
    let preview = s.draw();
    assert!(
        status(&preview).contains("no notes on 8.25 — showing 8.24, 1 day earlier"),
        "{preview}"
    );
    s.press(&[Action::Accept]);
    assert_eq!(selected_day(&s), "8.24");
    let screen = s.draw();
    insta::assert_snapshot!(status(&screen));
}

#[test]
fn an_entry_that_cannot_be_read_moves_nothing() {
    let mut s = viewer(None, 100, 30);
    s.press(&[Action::NextDay]);
    for bad in ["2.30", "soon", "13.45"] {
        typed(&mut s, bad);
        s.press(&[Action::Accept]);
        let screen = s.draw();
        assert_eq!(selected_day(&s), "8.23", "{bad}");
        assert!(
            matches!(s.app.mode, Mode::DatePrompt(_)),
            "the prompt stays open"
        );
        assert!(status(&screen).starts_with(&format!(":{bad}▏")), "{screen}");
        s.press(&[Action::Close]);
    }
    typed(&mut s, "2.30");
    let screen = s.draw();
    assert!(
        status(&screen).ends_with("2.30 is not a date: month 2 has 29 days"),
        "{screen}"
    );
    // The error is drawn in the error style.
    let styled = styled_row(s.buffer(), 29);
    assert!(styled.contains("[fg:White bg:Red]2.30 is not"), "{styled}");
}

#[test]
fn relative_entries_count_from_the_selected_day_or_today() {
    let mut s = viewer(None, 100, 30);
    typed(&mut s, "+1");
    s.press(&[Action::Accept]);
    assert_eq!(selected_day(&s), "8.23");
    typed(&mut s, "-1");
    s.press(&[Action::Accept]);
    assert_eq!(selected_day(&s), "8.22");
    // Today is 9.1 (in the assumed year 2026 the notes lie in 2026; today
    // 2025-09-01 is before them all: the first day).
    typed(&mut s, "today");
    s.press(&[Action::Accept]);
    assert_eq!(selected_day(&s), "8.22");
    let mut s = viewer(Some(2025), 100, 30);
    typed(&mut s, "today");
    s.press(&[Action::Accept]);
    assert_eq!(selected_day(&s), "2025-09-01");
    typed(&mut s, "yesterday");
    s.press(&[Action::Accept]);
    // 8.31 lies between 8.30 and 9.1: a tie goes forward.
    assert_eq!(selected_day(&s), "2025-09-01");
    typed(&mut s, "11");
    s.press(&[Action::Accept]);
    assert_eq!(selected_day(&s), "2025-09-11");
}

#[test]
fn the_status_bar_names_the_weekday_when_the_year_is_known() {
    let mut s = viewer(Some(2025), 100, 30);
    let screen = s.draw();
    assert!(status(&screen).starts_with(" 2025-08-22 Fri"), "{screen}");
    let mut s = viewer(None, 100, 30);
    let screen = s.draw();
    assert!(status(&screen).starts_with(" 8.22 "), "{screen}");
}

#[test]
fn calendar_of_august_2025() {
    let mut s = viewer(Some(2025), 100, 30);
    s.press(&[Action::CalendarOpen]);
    let screen = s.draw();
    insta::assert_snapshot!(screen);
    assert!(screen.contains("August 2025"));
    assert!(screen.contains("Mo  Tu  We  Th  Fr  Sa  Su"));
    assert!(screen.contains("2025-08-22 Fri · 3 topics"));
    // August 2025 starts on a Friday: 1 sits under Fr.
    let header = screen.lines().find(|l| l.contains("Mo  Tu")).unwrap();
    let first = screen.lines().find(|l| l.contains("  1   2   3")).unwrap();
    // Columns are display cells: the outline beside holds Chinese text.
    let col = |line: &str, pat: &str| {
        line.find(pat)
            .map(|i| unicode_width::UnicodeWidthStr::width(&line[..i]))
    };
    assert_eq!(col(first, " 1 "), col(header, "Fr"));
    // The chosen day in the cursor style, each day with notes followed by
    // the mark of how much was written: 8.22, the longest day, the most.
    let week = screen
        .lines()
        .position(|l| l.contains("18  19  20  21  22█ 23█ 24▓"))
        .unwrap();
    let styled = styled_row(s.buffer(), u16::try_from(week).unwrap());
    assert!(
        styled.contains("[fg:Black bg:Cyan bold]22[fg:Rgb("),
        "{styled}"
    );
}

#[test]
fn calendar_moves_by_day_week_and_month_and_enter_jumps() {
    let mut s = viewer(None, 100, 30);
    s.press(&[Action::CalendarOpen]);
    let screen = s.draw();
    assert!(screen.contains("August 2026"), "{screen}");
    assert!(screen.contains("year 2026 assumed (file date)"), "{screen}");
    // 8.22 → a day later → a week later (8.30) → Enter
    s.press(&[Action::Right, Action::Down]);
    assert!(s.draw().contains("8.30 Sun · 1 topic"));
    s.press(&[Action::MonthNext]);
    let screen = s.draw();
    assert!(screen.contains("September 2026"));
    assert!(screen.contains("9.30 Wed · no notes"), "{screen}");
    // 9.30 has no notes: Enter goes to the nearest, 9.11.
    s.press(&[Action::Accept]);
    assert_eq!(selected_day(&s), "9.11");
    assert!(!matches!(s.app.mode, Mode::Calendar(_)));
    let said = s.app.message.as_ref().map(|m| m.text.as_str());
    assert_eq!(
        said,
        Some("no notes on 9.30 — showing 9.11, the last day, 19 days earlier")
    );
}

#[test]
fn history_goes_back_and_forward_over_every_kind_of_jump() {
    let mut s = viewer(None, 100, 30);
    s.press(&[Action::NextDay]); // 8.22 → 8.23
    typed(&mut s, "9.1");
    s.press(&[Action::Accept]); // → 9.1
    s.press(&[Action::CalendarOpen, Action::Right, Action::Accept]); // → 9.1 nearest to 9.2
    s.press(&[Action::PickerOpen]);
    for c in "cookie".chars() {
        s.press(&[Action::Input(c)]);
    }
    s.press(&[Action::Accept]); // → 9.1 topic 1
    let topic = s.app.selected().unwrap();
    assert_eq!(topic.topic_index(), Some(0));
    s.press(&[Action::HistoryBack]);
    assert_eq!(selected_day(&s), "9.1");
    assert_eq!(s.app.selected().unwrap().topic_index(), None);
    s.press(&[Action::HistoryBack]);
    assert_eq!(selected_day(&s), "8.23");
    s.press(&[Action::HistoryBack]);
    assert_eq!(selected_day(&s), "8.22");
    s.press(&[Action::HistoryBack]);
    assert_eq!(selected_day(&s), "8.22");
    assert!(status(&s.draw()).contains("oldest place"));
    s.press(&[Action::HistoryForward, Action::HistoryForward]);
    assert_eq!(selected_day(&s), "9.1");
    s.press(&[Action::HistoryForward]);
    assert_eq!(s.app.selected(), Some(topic));
}

#[test]
fn a_small_screen_shows_what_fits_of_the_calendar() {
    for (w, h) in [(20, 5), (30, 10), (1, 1), (34, 14)] {
        let mut s = viewer(None, w, h);
        s.press(&[Action::CalendarOpen]);
        let screen = s.draw();
        assert_eq!(screen.lines().count(), usize::from(h));
        s.press(&[Action::DatePromptOpen, Action::Input('8'), Action::Accept]);
        s.draw();
    }
}

#[test]
fn back_returns_to_the_page_and_row_that_were_shown() {
    let mut s = viewer(None, 100, 30);
    // Reading 8.22's page: scrolled into topic 3, which the outline follows.
    s.press(&[Action::SwitchPane, Action::PageDown, Action::PageDown]);
    let (doc, scroll) = (s.app.view.doc, s.app.view.scroll);
    assert_eq!(doc, Some(daynotes_view::app::DocId::Day(0)));
    assert!(s.app.selected().unwrap().topic_index().is_some());
    typed(&mut s, "9.1");
    s.press(&[Action::Accept]);
    assert_eq!(selected_day(&s), "9.1");
    s.press(&[Action::HistoryBack]);
    assert_eq!(s.app.view.doc, doc, "the day's page, not the topic's own");
    assert_eq!(s.app.view.scroll, scroll);
}

#[test]
fn the_calendar_keeps_its_shading_when_the_notes_are_read_again() {
    let mut s = viewer(Some(2025), 100, 30);
    s.press(&[Action::CalendarOpen]);
    let before = s.app.dates.heat.clone();
    assert!(before.iter().any(|&l| l > 0), "{before:?}");
    let mut nb = seed();
    assume_year(&mut nb, 2025);
    s.app.replace_notebook(nb);
    assert!(matches!(s.app.mode, Mode::Calendar(_)), "still open");
    assert_eq!(s.app.dates.heat, before);
}

#[test]
fn the_date_prompt_puts_the_terminal_cursor_after_the_typing() {
    // An input method draws its candidates at the cursor.
    let mut s = viewer(None, 100, 30);
    typed(&mut s, "8月3");
    s.draw();
    let at = s.term.get_cursor_position().unwrap();
    assert_eq!((at.x, at.y), (5, 29), ":8月3 is five cells wide");
}

#[test]
fn today_is_read_again_when_the_prompt_or_the_calendar_opens() {
    let mut s = viewer(Some(2025), 100, 30);
    s.app.dates.clock = || (2025, 9, 2); // past midnight since the start
    s.press(&[Action::CalendarOpen]);
    assert_eq!(s.app.dates.today, (2025, 9, 2));
    s.press(&[Action::Close]);
    s.app.dates.clock = || (2025, 9, 3);
    typed(&mut s, "today");
    s.press(&[Action::Accept]);
    assert_eq!(s.app.dates.today, (2025, 9, 3));
}

#[test]
fn a_long_paste_into_the_date_prompt_is_cut_short_and_read_once_per_key() {
    let mut s = viewer(None, 100, 30);
    s.press(&[Action::DatePromptOpen]);
    // 25 000 characters typed or pasted: each key reads what the prompt
    // holds, which stays short (reading a 25 KB entry again at every key
    // took 14 s in all).
    for _ in 0..25_000 {
        s.press(&[Action::Input('8')]);
    }
    let Mode::DatePrompt(p) = &s.app.mode else {
        panic!("the prompt is open")
    };
    let held = p.text.chars().count();
    assert!(held <= daynotes_view::app::dates::PROMPT_MAX, "{held}");
    let screen = s.draw();
    assert!(status(&screen).contains("8888"), "{}", status(&screen));
}
