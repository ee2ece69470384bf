//! The review screen on a `TestBackend`, for what the end-to-end tests
//! cannot see: the styles of a cloze's gap and of where a card is written,
//! the counts agreeing with the deck's, a cram narrowed by the tag filter,
//! and every small size.
//!
//! Today is fixed at 2024-03-06; nothing here touches the disk.

use crate::common::{Screen, fixture, status, styled_row};
use daynotes_core::review::Rating;
use daynotes_view::app::{Action, Mode};

const CARDS: &str = "cards/cards.md";

fn cards(width: u16, height: u16) -> Screen {
    let text = std::fs::read_to_string(fixture(CARDS)).unwrap();
    let mut s = Screen::new(daynotes_core::load::from_text(CARDS, text), width, height);
    s.app.dates.clock = || (2024, 3, 6);
    s.app.dates.today = (2024, 3, 6);
    s
}

/// Goes through today's review until `name` is on screen.
fn review_until(s: &mut Screen, name: &str) {
    s.press(&[Action::ReviewStart]);
    for _ in 0..40 {
        let Mode::Review(r) = &s.app.mode else {
            panic!("reviewing")
        };
        if r.sitting.current_key() == Some(name) {
            return;
        }
        s.press(&[Action::Skip]);
    }
    panic!("never came to {name}");
}

/// Row `y` of the screen where `text` is.
fn row_of(screen: &str, text: &str) -> u16 {
    screen
        .lines()
        .position(|l| l.contains(text))
        .unwrap_or_else(|| panic!("no {text}:\n{screen}")) as u16
}

#[test]
fn a_cloze_gap_and_what_it_hid_stand_out() {
    let mut s = cards(100, 30);
    let name = "2024-03-04 › Transport layer #exam › Congestion control: slow start doubles the window, congestion avoidance adds one… › [congestion avoidance]";
    review_until(&mut s, name);
    let screen = s.draw();
    // Where it is written, dim, in the row above the question.
    let place = row_of(&screen, "│ 2024-03-04 Mon › Transport layer #exam");
    assert_eq!(place, 1);
    assert!(
        styled_row(s.buffer(), place).contains("[fg:DarkGray]2024-03-04 Mon"),
        "{}",
        styled_row(s.buffer(), place)
    );
    let q = row_of(&screen, "[after ssthresh]");
    let styled = styled_row(s.buffer(), q);
    assert!(
        styled.contains("[fg:LightCyan bold][after ssthresh]["),
        "{styled}"
    );
    s.press(&[Action::Reveal]);
    let screen = s.draw();
    let a = row_of(
        &screen,
        "│ Congestion control: slow start doubles the window, congestion avoidance adds one.",
    );
    assert!(a > q);
    let styled = styled_row(s.buffer(), a);
    assert!(
        styled.contains("[fg:LightCyan bold]congestion avoidance["),
        "{styled}"
    );
}

/// A card rated again is due today everywhere: the deck's queue, its
/// counts and the status bar's `N left today` agree at every step.
#[test]
fn the_counts_agree_at_every_step() {
    let mut s = cards(100, 30);
    s.press(&[Action::ReviewStart]);
    let today = s.app.review_today();
    let check = |s: &mut Screen| {
        let deck = &s.app.study.deck;
        let queue = deck.queue(today).len();
        let stats = deck.stats(today);
        assert_eq!(stats.due + stats.new_today, queue);
        let Mode::Review(r) = &s.app.mode else {
            panic!("reviewing")
        };
        let (_, _, after) = r.sitting.position();
        let left = after + usize::from(!r.sitting.done());
        assert_eq!(left, queue, "the viewer's count, the deck's queue");
        let screen = s.draw();
        if !r_done(&s.app) && s.app.message.is_none() {
            assert!(
                status(&screen).contains(&format!("· {} left today", left - 1)),
                "{screen}"
            );
        }
    };
    check(&mut s);
    for rating in [Rating::Again, Rating::Good, Rating::Again, Rating::Easy] {
        s.press(&[Action::Reveal, Action::Rate(rating)]);
        check(&mut s);
    }
    s.press(&[Action::Bury]);
    check(&mut s);
    s.press(&[Action::SuspendCard]);
    check(&mut s);
    s.press(&[Action::Undo]);
    check(&mut s);
    s.press(&[Action::Skip]);
    check(&mut s);
}

fn r_done(app: &daynotes_view::app::App) -> bool {
    matches!(&app.mode, Mode::Review(r) if r.sitting.done())
}

#[test]
fn c_crams_what_the_tag_filter_keeps() {
    let mut s = cards(100, 30);
    s.app.index_now();
    s.press(&[Action::TagPicker]);
    for c in "exam".chars() {
        s.press(&[Action::Input(c)]);
    }
    s.press(&[Action::Accept, Action::CramStart]);
    let screen = s.draw();
    assert!(screen.starts_with("┌ Cram "), "{screen}");
    // The twelve cards of the tagged topic, not the others.
    assert!(
        status(&screen).starts_with(" cram 1/12 · 11 left · 0 known first try"),
        "{screen}"
    );
    for _ in 0..12 {
        s.press(&[Action::Reveal, Action::Reveal]);
    }
    let screen = s.draw();
    assert!(
        screen
            .contains("Cram done: 12 cards, 12 known on the first try (100 %), in under a minute."),
        "{screen}"
    );
    assert!(
        s.app.study.deck.file.state.cards.is_empty(),
        "nothing rated"
    );
    assert!(s.app.take_effects().is_empty(), "nothing to save");
}

#[test]
fn every_small_size_draws_a_written_card_and_a_cram() {
    for (w, h) in [(1, 1), (5, 2), (12, 3), (20, 5), (20, 6), (30, 8), (40, 12)] {
        let mut s = cards(w, h);
        s.press(&[Action::ReviewStart, Action::Reveal, Action::PageDown]);
        s.draw();
        s.press(&[
            Action::Rate(Rating::Again),
            Action::Bury,
            Action::SuspendCard,
            Action::Skip,
        ]);
        s.draw();
        s.press(&[Action::Close, Action::CramStart, Action::Reveal]);
        s.draw();
        for _ in 0..40 {
            s.press(&[Action::Reveal]);
        }
        s.draw();
    }
}
