//! Card names: the date as the notes write it, titles, and a card's own
//! words made one short line.

use std::collections::HashMap;

use super::CardRule;
use crate::notes::{Day, Notebook};
use crate::outline::NodeId;

/// Between the parts of a card's name.
pub const SEP: &str = " › ";

/// The most characters of its own words a written card's name keeps.
const WORDS: usize = 80;

/// `text` as one line of at most [`WORDS`] characters: runs of whitespace
/// made one space, `…` where it is cut.
pub fn words(text: &str) -> String {
    let one: Vec<&str> = text.split_whitespace().collect();
    let one = one.join(" ");
    match one.char_indices().nth(WORDS) {
        Some((at, _)) => format!("{}…", &one[..at]),
        None => one,
    }
}

/// The date part of a card's name: as the notes write it (`8.22`,
/// `2025-08-22`).
pub fn date_key(day: &Day, rule: &CardRule) -> String {
    let mut date = day.date;
    if rule.drop_years {
        date.year = None;
    }
    date.to_string()
}

/// The name of topic `t` of day `d` as a topic card's would be, found
/// without making every card: for noting that a topic was opened, and the
/// topics drawn at random, whether or not the topic is a card.
pub fn topic_key(nb: &Notebook, d: usize, t: usize, rule: &CardRule) -> Option<String> {
    let day = nb.days.get(d)?;
    let title = day.topics.get(t)?.title().trim();
    let date = date_key(day, rule);
    // Topics of the same name and date before it (dates compared as
    // numbers: this runs each time a topic is opened).
    let key_date = |o: &Day| {
        (
            o.date.month,
            o.date.day,
            o.date.year.filter(|_| !rule.drop_years),
        )
    };
    let here = key_date(day);
    let mut n = 0;
    for other in nb.days[..d].iter().filter(|o| key_date(o) == here) {
        n += other
            .topics
            .iter()
            .filter(|x| x.title().trim() == title)
            .count();
    }
    n += day.topics[..t]
        .iter()
        .filter(|x| x.title().trim() == title)
        .count();
    let name = format!("{date}{SEP}{title}");
    Some(if n == 0 {
        name
    } else {
        format!("{name} ({})", n + 1)
    })
}

/// Every topic with its name as [`topic_key`] gives it, in one pass.
pub fn topic_names(nb: &Notebook, rule: &CardRule) -> Vec<(NodeId, String)> {
    let mut seen: HashMap<String, usize> = HashMap::new();
    let mut out = Vec::new();
    for (d, day) in nb.days.iter().enumerate() {
        let date = date_key(day, rule);
        for (t, topic) in day.topics.iter().enumerate() {
            let name = format!("{date}{SEP}{}", topic.title().trim());
            let n = seen.entry(name.clone()).or_default();
            *n += 1;
            let name = if *n == 1 {
                name
            } else {
                format!("{name} ({n})")
            };
            out.push((NodeId::topic(d, t), name));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_one_short_line() {
        assert_eq!(words("a\n  b\tc "), "a b c");
        let long = "字".repeat(100);
        assert_eq!(words(&long).chars().count(), WORDS + 1);
        assert!(words(&long).ends_with('…'));
    }
}
