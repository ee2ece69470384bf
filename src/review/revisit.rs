//! A topic to revisit, drawn at random: each topic's chance grows with the
//! days since it was last opened or reviewed (since its own date when it
//! never was), so what has not been looked at for long comes up most.
//!
//! ```text
//! topic        last seen     weight (days + 1)
//! tcp握手      today         1
//! cookie是什么  30 days ago   31     ← 31 times as likely as tcp握手
//! ```

use super::{Day, Deck};

/// The most a weight grows: ten years.
const MAX_DAYS: i64 = 3650;

/// Each topic card's index and weight.
pub fn weights(deck: &Deck, today: Day) -> Vec<(usize, u64)> {
    deck.cards
        .iter()
        .enumerate()
        .filter(|(_, c)| c.node.section_index().is_none())
        .map(|(i, c)| {
            let seen = deck
                .files
                .get(c.source)
                .and_then(|f| f.state.seen.get(&c.key));
            let reviewed = deck.memory(i).map(|m| m.last_review);
            let last = seen
                .copied()
                .max(reviewed)
                .unwrap_or(Day(deck.day_number(i)));
            let days = today.since(last).clamp(0, MAX_DAYS);
            (i, days as u64 + 1)
        })
        .collect()
}

/// The entry `roll` falls on, `roll` taken modulo the sum of the weights.
pub fn pick(weights: &[(usize, u64)], roll: u64) -> Option<usize> {
    let total: u64 = weights.iter().map(|(_, w)| w).sum();
    if total == 0 {
        return None;
    }
    let mut left = roll % total;
    for &(i, w) in weights {
        if left < w {
            return Some(i);
        }
        left -= w;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::from_text;
    use crate::review::{ReviewSettings, StateFile};

    #[test]
    fn topics_not_seen_for_long_weigh_more() {
        let nb = from_text("t", "8.1\n    1.a\n8.31\n    1.b\n".into());
        let days = [Day::of((2025, 8, 1)).0, Day::of((2025, 8, 31)).0];
        let settings = ReviewSettings::default();
        let mut deck = Deck::new(&nb, settings, vec![StateFile::default()], &days);
        let today = Day::of((2025, 9, 10));
        // Never opened: the days since each topic's date.
        assert_eq!(weights(&deck, today), [(0, 41), (1, 11)]);
        deck.saw(0, today);
        assert_eq!(weights(&deck, today), [(0, 1), (1, 11)]);
        let w = weights(&deck, today);
        assert_eq!(pick(&w, 0), Some(0));
        assert_eq!(pick(&w, 1), Some(1));
        assert_eq!(pick(&w, 11), Some(1));
        assert_eq!(pick(&w, 12), Some(0), "modulo the total");
        assert_eq!(pick(&[], 5), None);
    }
}
