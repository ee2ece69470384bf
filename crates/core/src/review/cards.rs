//! Which parts of the notes are cards, and what names a card.
//!
//! The rule: every topic is a card — its `date › title` is the prompt, its
//! body the answer. A section whose title ends in a question mark (`?` or
//! `？`) is a card of its own: `date › topic › section` is the prompt, the
//! section's text (up to the next section at its level or above) the answer.
//! Section cards can be turned off (`review.section_cards: false`).
//!
//! A card is named by its date and titles, never by its line or number
//! (`8.22 › tcp握手 › 为什么需要三次握手？`), so it keeps its history when
//! topics are inserted above it, renumbered or the file is edited around it.
//! Two cards that would have the same name in one file are told apart by
//! ` (2)`, ` (3)` … in file order.

use std::collections::HashMap;

use crate::notes::{Day, Notebook, Span};
use crate::outline::NodeId;

/// Between the parts of a card's name.
pub const SEP: &str = " › ";

/// Which cards to make.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CardRule {
    /// Sections whose title asks a question are cards too.
    pub sections: bool,
    /// Name cards by month and day only: the notes name no year and the
    /// years were only filled in for this run (`--year`).
    pub drop_years: bool,
}

impl Default for CardRule {
    fn default() -> Self {
        CardRule {
            sections: true,
            drop_years: false,
        }
    }
}

/// One card.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Card {
    /// Its name in the review state: date and titles.
    pub key: String,
    /// The topic or section it is.
    pub node: NodeId,
    /// The file it is in (index into the notebook's sources).
    pub source: usize,
    /// The 1-based line of its heading.
    pub line: usize,
    /// The text shown as the answer.
    pub answer: Span,
}

/// Every card of `nb` under `rule`, in notebook order.
pub fn cards(nb: &Notebook, rule: CardRule) -> Vec<Card> {
    let mut out = Vec::new();
    let mut seen: HashMap<(usize, String), usize> = HashMap::new();
    let mut push = |source: usize, key: String, node: NodeId, line: usize, answer: Span| {
        let n = seen.entry((source, key.clone())).or_default();
        *n += 1;
        let key = if *n == 1 { key } else { format!("{key} ({n})") };
        out.push(Card {
            key,
            node,
            source,
            line,
            answer,
        });
    };
    for (d, day) in nb.days.iter().enumerate() {
        let date = date_key(day, rule);
        for (t, topic) in day.topics.iter().enumerate() {
            let name = format!("{date}{SEP}{}", topic.title().trim());
            push(
                day.source,
                name.clone(),
                NodeId::topic(d, t),
                topic.line(),
                topic.body,
            );
            if !rule.sections {
                continue;
            }
            let sections = topic.sections();
            for (k, s) in sections.iter().enumerate() {
                let title = topic.section_title(s).trim();
                if !title.ends_with(['?', '？']) {
                    continue;
                }
                let end = sections[k + 1..]
                    .iter()
                    .find(|next| next.depth() <= s.depth())
                    .map_or(topic.body.end(), |next| next.heading.start());
                let answer = Span::new(s.heading.end(), end.max(s.heading.end()), s.line() + 1);
                let key = format!("{name}{SEP}{title}");
                push(day.source, key, NodeId::section(d, t, k), s.line(), answer);
            }
        }
    }
    out
}

/// The name of topic `t` of day `d` as [`cards`] gives it, found without
/// making every card: for noting that a topic was opened.
pub fn topic_key(nb: &Notebook, d: usize, t: usize, rule: CardRule) -> Option<String> {
    let day = nb.days.get(d)?;
    let title = day.topics.get(t)?.title().trim();
    let date = date_key(day, rule);
    // Topics of the same name and date before it in its file (dates
    // compared as numbers: this runs each time a topic is opened).
    let key_date = |o: &Day| {
        (
            o.date.month,
            o.date.day,
            o.date.year.filter(|_| !rule.drop_years),
        )
    };
    let here = key_date(day);
    let same = |other: &&Day| other.source == day.source && key_date(other) == here;
    let mut n = 0;
    for other in nb.days[..d].iter().filter(|o| same(o)) {
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

/// The date part of a card's name: as the notes write it (`8.22`,
/// `2025-08-22`).
fn date_key(day: &Day, rule: CardRule) -> String {
    let mut date = day.date;
    if rule.drop_years {
        date.year = None;
    }
    date.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::from_text;

    fn keys(text: &str, rule: CardRule) -> Vec<String> {
        cards(&from_text("t", text.into()), rule)
            .into_iter()
            .map(|c| c.key)
            .collect()
    }

    /// The card rule on the bundled notes: eleven topics, and the one
    /// section that asks a question.
    #[test]
    fn the_cards_of_the_seed() {
        let nb = from_text("seed", crate::SAMPLE.into());
        let all = cards(&nb, CardRule::default());
        let names: Vec<&str> = all.iter().map(|c| c.key.as_str()).collect();
        assert_eq!(
            names,
            [
                "8.22 › tcp握手",
                "8.22 › tcp握手 › 为什么需要三次握手？",
                "8.22 › 在开发阶段，建议加上时间消耗记录",
                "8.22 › 如何保证服务器的服务不中断，中断了如何处理",
                "8.23 › http长轮询",
                "8.23 › 服务器发送事件SSE",
                "8.23 › 容器化部署能够实现服务不中断主要是通过以下几个核心机制",
                "8.24 › 储存桶和数据库存数据有什么区别",
                "8.30 › 接口失效",
                "9.1 › cookie是什么",
                "9.1 › HTTP headers理论上不区分大小写，但签名算法对此很敏感。",
                "9.11 › 网路层级",
            ]
        );
        // The section card: its heading's line, its text up to the next
        // section of its level.
        let why = &all[1];
        assert_eq!((why.node, why.line), (NodeId::section(0, 0, 3), 19));
        let answer = nb.text(0, why.answer);
        assert!(answer.contains("防止失效连接请求"), "{answer}");
        assert!(!answer.contains("四次挥手"), "{answer}");
        // Without section cards: the topics alone.
        let rule = CardRule {
            sections: false,
            ..CardRule::default()
        };
        assert_eq!(cards(&nb, rule).len(), 11);
    }

    /// A topic inserted above keeps every card's name: the names hold
    /// dates and titles, not numbers or lines.
    #[test]
    fn names_survive_an_insertion_above() {
        let before = "8.22:\n    1.tcp握手\n        为什么？：\n            因为\n    2.cookie\n";
        let after = "8.22:\n    1.新的\n    2.tcp握手\n        为什么？：\n            因为\n    3.cookie\n";
        let rule = CardRule::default();
        let old = keys(before, rule);
        let new = keys(after, rule);
        assert_eq!(
            old,
            [
                "8.22 › tcp握手",
                "8.22 › tcp握手 › 为什么？",
                "8.22 › cookie"
            ]
        );
        assert_eq!(new[0], "8.22 › 新的");
        assert_eq!(new[1..], old[..]);
        let lines: Vec<usize> = cards(&from_text("t", after.into()), rule)
            .iter()
            .map(|c| c.line)
            .collect();
        assert_eq!(lines, [2, 3, 4, 6]);
    }

    /// The name found for one topic alone is the name among all cards.
    #[test]
    fn a_topic_alone_has_its_card_name() {
        let text = "8.22:\n    1.a\n    2.a\n8.22:\n    1.a\n8.23:\n    1.a\n";
        let nb = from_text("t", text.into());
        let rule = CardRule::default();
        for card in cards(&nb, rule) {
            let (d, t) = (card.node.day_index(), card.node.topic_index().unwrap());
            assert_eq!(topic_key(&nb, d, t, rule), Some(card.key));
        }
        assert_eq!(topic_key(&nb, 1, 0, rule).as_deref(), Some("8.22 › a (3)"));
    }

    #[test]
    fn same_names_are_numbered_and_years_can_be_dropped() {
        let text = "2025\n8.22:\n    1.a\n    2.a\n";
        assert_eq!(
            keys(text, CardRule::default()),
            ["2025-08-22 › a", "2025-08-22 › a (2)"]
        );
        let rule = CardRule {
            drop_years: true,
            ..CardRule::default()
        };
        assert_eq!(keys(text, rule), ["8.22 › a", "8.22 › a (2)"]);
    }
}
