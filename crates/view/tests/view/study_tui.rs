//! Studying in the viewer, drawn on a `TestBackend`: the review screen,
//! "on this day", the calendar's year view, the picker finding titles by
//! pinyin, a topic to revisit, and the keys in the help.
//!
//! Today is fixed at 2025-09-12 and the notes are placed in 2025; nothing
//! here touches the disk (the app keeps the state in memory, the runner
//! saves it).

use crate::common::{Screen, row, seed, status, styled_row};
use daynotes_core::dates::AssumedYear;
use daynotes_core::outline::NodeId;
use daynotes_core::review::Rating;
use daynotes_view::app::{Action, Effect};

fn viewer(width: u16, height: u16) -> Screen {
    let mut s = Screen::new(seed(), width, height);
    s.app.dates.clock = || (2025, 9, 12);
    s.app.dates.today = (s.app.dates.clock)();
    s.app.set_assumed_year(AssumedYear {
        year: 2025,
        source: "test",
    });
    s
}

#[test]
fn a_review_prompt_answer_rating_and_undo() {
    let mut s = viewer(100, 30);
    s.press(&[Action::ReviewStart]);
    let screen = s.draw();
    // The whole screen is the card: its place as the prompt, the answer
    // hidden, the key to show it.
    assert!(row(&screen, 0).starts_with("┌ Review "), "{screen}");
    assert!(row(&screen, 0).ends_with(" new card ┐"), "{screen}");
    assert_eq!(
        row(&screen, 2),
        "│ 8.22 › 1. tcp握手                                                                                │"
    );
    assert!(!screen.contains("TCP三次握手是"), "{screen}");
    assert!(
        row(&screen, 27).contains("Space show the answer"),
        "{screen}"
    );
    assert!(
        status(&screen).starts_with(" review 1/8 · 7 left today"),
        "{screen}"
    );
    assert!(
        status(&screen)
            .ends_with("Space show · 1-4 rate · u undo · Esc leave · → skip · b bury · ? help"),
        "{screen}"
    );

    // A rating before the answer is shown does nothing but say so.
    s.press(&[Action::Rate(Rating::Good)]);
    assert!(status(&s.draw()).contains("Space shows the answer first"));
    assert!(s.app.take_effects().is_empty());

    s.press(&[Action::Reveal]);
    let screen = s.draw();
    assert_eq!(
        row(&screen, 4),
        "│ TCP三次握手是建立可靠连接的机制：                                                                │"
    );
    // The section that is a card of its own is folded, not repeated.
    assert!(
        screen.contains("│ ▸ 为什么需要三次握手？ (a card of its own)"),
        "{screen}"
    );
    assert!(!screen.contains("防止失效连接请求"), "{screen}");
    assert!(
        row(&screen, 27).starts_with("│ 1 again today · 2 hard 1d · 3 good 2d · 4 easy 8d"),
        "{screen}"
    );

    // Shown, Space (Reveal again) rates it good.
    s.press(&[Action::Reveal]);
    assert_eq!(s.app.take_effects(), [Effect::SaveReview]);
    let screen = s.draw();
    assert!(
        screen.contains("8.22 › 1. tcp握手 › 为什么需要三次握手？"),
        "{screen}"
    );
    assert!(
        status(&screen).starts_with(" review 2/8 · 6 left today"),
        "{screen}"
    );

    // Undo: the first card again, new again.
    s.press(&[Action::Undo]);
    assert_eq!(s.app.take_effects(), [Effect::SaveReview]);
    let screen = s.draw();
    assert_eq!(
        row(&screen, 2),
        "│ 8.22 › 1. tcp握手                                                                                │"
    );
    assert!(status(&screen).starts_with(" taken back"), "{screen}");
    assert!(s.app.study.deck.memory(0).is_none());

    // Esc: back to the notes, at the card on screen.
    s.press(&[Action::Close]);
    let screen = s.draw();
    assert!(
        status(&screen).starts_with(" review: 0 ratings kept, 8 left today"),
        "{screen}"
    );
    assert_eq!(s.app.selected(), Some(NodeId::topic(0, 0)));
}

#[test]
fn notes_read_again_mid_review_keep_the_ratings_to_take_back() {
    let mut s = viewer(100, 30);
    s.press(&[
        Action::ReviewStart,
        Action::Reveal,
        Action::Rate(Rating::Good),
    ]);
    s.press(&[Action::Reveal, Action::Rate(Rating::Easy)]);
    assert!(s.app.study.deck.memory(0).is_some() && s.app.study.deck.memory(1).is_some());
    // The notes change on disk mid-review (a line added at the end).
    let mut edited = crate::common::SAMPLE.to_string();
    edited.push_str("\n9.12\n    1. 新的\n");
    s.app
        .replace_notebook(daynotes_core::load::from_text("study-notes.txt", edited));
    s.draw();
    s.press(&[Action::Undo]);
    assert!(status(&s.draw()).starts_with(" taken back"));
    s.press(&[Action::Undo]);
    assert!(s.app.study.deck.memory(0).is_none() && s.app.study.deck.memory(1).is_none());
    let screen = s.draw();
    assert_eq!(
        row(&screen, 2),
        "│ 8.22 › 1. tcp握手                                                                                │"
    );
}

#[test]
fn a_sitting_to_its_end() {
    let mut s = viewer(100, 30);
    s.press(&[Action::ReviewStart]);
    for _ in 0..8 {
        s.press(&[Action::Reveal, Action::Rate(Rating::Easy)]);
    }
    let screen = s.draw();
    assert!(
        screen.contains("Done for today: 8 cards reviewed in under a minute."),
        "{screen}"
    );
    assert!(screen.contains("The next card is due 2025-09-"), "{screen}");
    assert!(
        status(&screen).starts_with(" review done · 8 today"),
        "{screen}"
    );
    s.press(&[Action::Close]);
    // Nothing due any more today.
    s.press(&[Action::ReviewStart]);
    let screen = s.draw();
    assert!(
        status(&screen).starts_with(" nothing to review today: the next card is due 2025-09-"),
        "{screen}"
    );
}

#[test]
fn on_this_day_lists_and_goes() {
    let mut s = viewer(100, 30);
    s.app.dates.clock = || (2025, 9, 11);
    s.press(&[Action::OnThisDay]);
    let screen = s.draw();
    assert!(
        screen.contains("On this day — 9.11 Thu · Enter go · Esc close"),
        "{screen}"
    );
    assert!(screen.contains("│1 week ago (9.4) → 9.1 Mon"), "{screen}");
    assert!(screen.contains("│  1. cookie是什么"), "{screen}");
    assert!(
        screen.contains("│1 month ago (8.11): no notes near it"),
        "{screen}"
    );
    // The chosen day is highlighted.
    let y = screen
        .lines()
        .position(|l| l.contains("1 week ago"))
        .unwrap();
    assert!(
        styled_row(s.buffer(), y as u16).contains("1 week ago"),
        "{screen}"
    );
    s.press(&[Action::Accept]);
    assert_eq!(s.app.selected(), Some(NodeId::day(4)));
    assert!(matches!(s.app.mode, daynotes_view::app::Mode::Panes));
}

#[test]
fn the_calendar_year_with_streaks() {
    let mut s = viewer(100, 30);
    s.press(&[Action::CalendarOpen, Action::YearView]);
    let screen = s.draw();
    assert!(screen.contains("Jan"), "{screen}");
    assert!(screen.contains("Dec"), "{screen}");
    assert!(screen.contains("Mo  "), "{screen}");
    // 9.11, yesterday, began the streak of today.
    assert!(
        screen.contains("streak: now 1 day · longest 3 days (8.22 … 8.24)"),
        "{screen}"
    );
    assert!(screen.contains("8.22 Fri · 3 topics"), "{screen}");
    // h and l move by a week in the year.
    s.press(&[Action::Right]);
    assert!(s.draw().contains("8.29 Fri · no notes"));
    s.press(&[Action::YearView]);
    let screen = s.draw();
    assert!(screen.contains("August 2025"), "{screen}");
}

#[test]
fn the_picker_finds_by_pinyin_and_marks_the_characters() {
    let mut s = viewer(100, 30);
    s.press(&[Action::PickerOpen]);
    for c in "wsmxysch".chars() {
        s.press(&[Action::Input(c)]);
    }
    let screen = s.draw();
    let y = screen
        .lines()
        .position(|l| l.contains("8.22 › tcp握手 › 为什么需要三次握手？"))
        .expect("found by initials");
    let styled = styled_row(s.buffer(), y as u16);
    assert!(styled.contains("为什么需要三次"), "{styled}");
    s.press(&[Action::Accept]);
    assert_eq!(s.app.selected(), Some(NodeId::section(0, 0, 3)));
}

#[test]
fn revisit_goes_to_a_topic_and_says_how_long_ago() {
    let mut s = viewer(100, 30);
    s.app.study.rng = fastrand_seeded();
    s.press(&[Action::Revisit]);
    let id = s.app.selected().unwrap();
    assert!(id.topic_index().is_some() && id.section_index().is_none());
    let screen = s.draw();
    assert!(
        status(&screen).starts_with(" revisit: never opened"),
        "{screen}"
    );
}

fn fastrand_seeded() -> daynotes_view::app::review::Rng {
    daynotes_view::app::review::Rng::with_seed(7)
}

#[test]
fn the_help_lists_the_study_keys() {
    // Filtered by `/`, the help keeps the study keys of browsing and the
    // keys of review.
    let mut s = viewer(120, 60);
    s.press(&[Action::Help, Action::SearchStart]);
    for c in "study".chars() {
        s.press(&[Action::Input(c)]);
    }
    let screen = s.draw();
    assert!(screen.contains("Browsing: studying"), "{screen}");
    assert!(
        screen.contains("R             review today's cards"),
        "{screen}"
    );
    assert!(
        screen.contains("s             a topic not opened for long"),
        "{screen}"
    );
    assert!(!screen.contains("In the calendar"), "{screen}");
    // Opened while reviewing, it shows the keys of review.
    s.press(&[
        Action::Close,
        Action::Close,
        Action::ReviewStart,
        Action::Help,
    ]);
    let screen = s.draw();
    assert!(screen.contains("In review"), "{screen}");
    assert!(
        screen.contains("1             again: forgotten"),
        "{screen}"
    );
}

/// No size of terminal makes the study screens panic.
#[test]
fn every_size_draws() {
    for (w, h) in [
        (1, 1),
        (5, 2),
        (12, 3),
        (20, 5),
        (30, 8),
        (40, 12),
        (61, 14),
    ] {
        let mut s = viewer(w, h);
        s.press(&[Action::ReviewStart, Action::Reveal, Action::PageDown]);
        s.draw();
        s.press(&[
            Action::Rate(Rating::Again),
            Action::Close,
            Action::OnThisDay,
        ]);
        s.draw();
        s.press(&[Action::Close, Action::CalendarOpen, Action::YearView]);
        s.draw();
    }
}

#[test]
fn on_this_day_is_recalled_again_from_notes_read_again() {
    let mut s = viewer(100, 30);
    s.app.dates.clock = || (2025, 9, 11);
    s.press(&[Action::OnThisDay]);
    assert!(s.draw().contains("│1 week ago (9.4) → 9.1 Mon"));
    // The notes change on disk under the open box: 9.1 is gone.
    let shorter: String = crate::common::SAMPLE
        .split_inclusive('\n')
        .take_while(|l| !l.starts_with("9.1"))
        .collect();
    s.app
        .replace_notebook(daynotes_core::load::from_text("study-notes.txt", shorter));
    let screen = s.draw();
    assert!(screen.contains("On this day — 9.11 Thu"), "{screen}");
    assert!(
        screen.contains("│1 week ago (9.4): no notes near it"),
        "{screen}"
    );
    s.press(&[Action::Accept]);
    assert_eq!(s.app.selected(), Some(NodeId::day(0)));
    assert!(status(&s.draw()).contains("nothing on this day in the notes"));
}

/// The rows of the review box's inside, without its borders.
fn review_rows(screen: &str) -> Vec<String> {
    screen
        .lines()
        .filter_map(|l| l.strip_prefix("│ ").and_then(|l| l.strip_suffix(" │")))
        .map(|l| l.trim_end().to_string())
        .collect()
}

#[test]
fn a_long_answer_says_it_goes_on_and_scrolls() {
    // The first card's answer has 21 rows (its question section folded);
    // at 100×20 the screen shows 12:
    // a blank, the question, the rule, then the answer.
    let mut s = viewer(100, 20);
    s.press(&[Action::ReviewStart, Action::Reveal]);
    let rows = review_rows(&s.draw());
    assert_eq!(rows[1], "8.22 › 1. tcp握手");
    assert_eq!(rows[3], "TCP三次握手是建立可靠连接的机制：");
    let more = rows[rows.len() - 2].trim_start();
    assert_eq!(more, "↓ 9 more · j PgDn End");
    // j scrolls a line; End shows the end, and what is above.
    s.press(&[Action::Down]);
    let rows = review_rows(&s.draw());
    assert_eq!(rows[3], "");
    assert_eq!(
        rows[rows.len() - 2].trim_start(),
        "↑ 1 above · ↓ 8 more · j PgDn End"
    );
    s.press(&[Action::Bottom]);
    let rows = review_rows(&s.draw());
    assert_eq!(rows[rows.len() - 3], "• 确保数据完全传输完毕再断开");
    assert_eq!(rows[rows.len() - 2].trim_start(), "↑ 9 above · j PgDn End");
    s.press(&[Action::Top]);
    assert_eq!(
        review_rows(&s.draw())[3],
        "TCP三次握手是建立可靠连接的机制："
    );
    // A short answer says nothing of the kind.
    let mut s = viewer(100, 40);
    s.press(&[Action::ReviewStart, Action::Reveal]);
    assert!(!s.draw().contains("more ·"));
}

#[test]
fn the_rating_line_stays_whole_at_40_columns() {
    let mut s = viewer(40, 16);
    s.press(&[Action::ReviewStart, Action::Reveal]);
    let rows = review_rows(&s.draw());
    assert_eq!(rows.last().unwrap(), "1 again · 2 hard · 3 good · 4 easy");
    // Wide enough, with when each would bring the card back.
    let mut s = viewer(100, 30);
    s.press(&[Action::ReviewStart, Action::Reveal]);
    let rows = review_rows(&s.draw());
    assert!(
        rows.last().unwrap().starts_with("1 again today · 2 hard "),
        "{rows:?}"
    );
    // Narrower still: the intervals alone.
    let mut s = viewer(30, 16);
    s.press(&[Action::ReviewStart, Action::Reveal]);
    let rows = review_rows(&s.draw());
    assert!(rows.last().unwrap().starts_with("1 now · 2 "), "{rows:?}");
}

#[test]
fn the_end_of_a_sitting_offers_no_ratings_and_says_what_waits() {
    let mut s = viewer(100, 30);
    let settings = daynotes_core::review::ReviewSettings {
        new_per_day: 3,
        ..Default::default()
    };
    let deck =
        daynotes_core::review::Deck::unbuilt(settings, daynotes_core::review::StateFile::default());
    let app = std::mem::replace(
        &mut s.app,
        daynotes_view::app::App::new(daynotes_core::notes::Notebook::default()),
    );
    s.app = app.with_deck(deck);
    s.press(&[Action::ReviewStart]);
    for _ in 0..3 {
        s.press(&[Action::Reveal, Action::Rate(Rating::Good)]);
    }
    let screen = s.draw();
    assert!(
        screen.contains("Done for today: 3 cards reviewed in under a minute."),
        "{screen}"
    );
    assert!(
        screen.contains("5 new cards wait for tomorrow: 3 new a day (review.new_per_day)."),
        "{screen}"
    );
    assert!(!screen.contains("again"), "no ratings:\n{screen}");
    assert!(status(&screen).ends_with("u undo · Esc leave"), "{screen}");
}
