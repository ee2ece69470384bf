//! The state's changes read back as written, kept for their days, and
//! folded together.

use super::*;
use crate::review::schedule::{Rating, Scheduler};

/// A rating of `card` as Good on `day`, as a sitting makes one.
pub(in crate::review) fn rated(card: &str, day: DayNumber) -> Change {
    let memory = Scheduler.rate(None, Rating::Good, day);
    Change::Rated {
        memory,
        entry: LogEntry {
            card: card.into(),
            day,
            rating: 3,
            before: None,
        },
    }
}

/// The cards whose topics the notes hold.
pub(in crate::review) fn present(keys: &[&str]) -> BTreeSet<String> {
    keys.iter().map(|k| k.to_string()).collect()
}

/// Applies what [`State::sweep`] finds.
fn sweep(state: &mut State, present: &BTreeSet<String>, today: DayNumber) {
    for c in state.sweep(present, today) {
        state.apply(&c);
    }
}

#[test]
fn changes_are_lines_of_json_read_back_as_written() {
    let day = DayNumber::of((2025, 8, 22));
    for change in [
        rated("8.22 › a", day),
        Change::Seen {
            card: "8.22 › a".into(),
            day,
        },
        Change::Gone {
            card: "x".into(),
            day,
        },
        Change::Back { card: "x".into() },
        Change::Forgotten { card: "x".into() },
        Change::Buried {
            card: "x".into(),
            day,
        },
        Change::Unburied { card: "x".into() },
        Change::Suspended { card: "x".into() },
        Change::Unsuspended { card: "x".into() },
    ] {
        let line = serde_json::to_string(&change).unwrap();
        assert!(!line.contains('\n'), "{line}");
        assert_eq!(serde_json::from_str::<Change>(&line).unwrap(), change);
    }
    let seen = serde_json::to_string(&Change::Seen {
        card: "t".into(),
        day,
    })
    .unwrap();
    assert_eq!(seen, r#"{"change":"seen","card":"t","day":"2025-08-22"}"#);
}

#[test]
fn buried_for_a_day_suspended_until_taken_back() {
    let day = DayNumber::of((2025, 8, 22));
    let mut state = State::default();
    state.apply(&Change::Buried {
        card: "a".into(),
        day,
    });
    state.apply(&Change::Suspended { card: "b".into() });
    assert_eq!(state.buried.get("a"), Some(&day));
    assert!(state.suspended.contains("b"));
    // The same day nothing ends; the next day the burial does.
    let both = present(&["a", "b"]);
    assert_eq!(state.sweep(&both, day), []);
    assert_eq!(
        state.sweep(&both, day.plus(1)),
        [Change::Unburied { card: "a".into() }]
    );
    state.apply(&Change::Unsuspended { card: "b".into() });
    assert!(state.suspended.is_empty());
    // A suspended card gone from the notes is gone like any other.
    state.apply(&Change::Suspended { card: "b".into() });
    sweep(&mut state, &present(&[]), day);
    assert_eq!(state.gone.get("b"), Some(&day));
}

/// Two files' states folded into one: every rating, the later memory,
/// and a second fold of the same file changes nothing.
#[test]
fn merging_keeps_every_rating_once() {
    let (d1, d2) = (DayNumber::of((2025, 8, 22)), DayNumber::of((2025, 8, 25)));
    let mut a = State::default();
    a.apply(&rated("x", d1));
    a.apply(&Change::Seen {
        card: "x".into(),
        day: d1,
    });
    let mut b = State::default();
    b.apply(&rated("x", d2));
    b.apply(&rated("y", d1));
    let mut folder = State::default();
    for (from, s) in [("a.json", a), ("b.json", b)] {
        let change = Change::Merged {
            from: from.into(),
            state: Box::new(s),
        };
        folder.apply(&change);
        folder.apply(&change);
    }
    assert_eq!(folder.log.len(), 3);
    assert_eq!(folder.cards["x"].last_review, d2);
    assert!(folder.cards.contains_key("y"));
    assert_eq!(folder.seen["x"], d1);
    assert_eq!(folder.merged.len(), 2);
    let days: Vec<DayNumber> = folder.log.iter().map(|e| e.day).collect();
    assert_eq!(days, [d1, d1, d2]);
}

#[test]
fn gone_cards_are_kept_ninety_days() {
    let day = DayNumber::of((2025, 8, 22));
    let mut state = State::default();
    state.apply(&rated("old", day));
    let state = &mut state;
    sweep(state, &present(&[]), day);
    assert_eq!(state.gone.get("old"), Some(&day));
    // Back within the time: kept, no longer gone.
    sweep(state, &present(&["old"]), day.plus(30));
    assert!(state.gone.is_empty() && state.cards.contains_key("old"));
    sweep(state, &present(&[]), day.plus(40));
    sweep(state, &present(&[]), day.plus(40 + KEEP_GONE_DAYS));
    assert!(state.cards.contains_key("old"));
    sweep(state, &present(&[]), day.plus(41 + KEEP_GONE_DAYS));
    assert!(state.cards.is_empty() && state.gone.is_empty());
    // Nothing to change: no change.
    assert_eq!(state.sweep(&present(&[]), day), []);
}
