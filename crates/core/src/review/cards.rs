//! Which parts of the notes are cards, and what names a card.
//!
//! The rule: every topic is a card — its `date › title` is the prompt, its
//! body the answer — unless nothing is written under its title (a setting
//! keeps those), or it holds cards written in the notes ([`written`]:
//! `q::a`, `?` lines, clozes, `#card` blocks) and its title asks no
//! question. A section whose title ends in a question mark (`?` or `？`) is
//! a card of its own, and is left folded in its topic's answer. Written
//! cards are found in topic titles and bodies and in days' preambles.
//!
//! ```text
//! 8.22 tcp握手                      topic card (its answer folds the section)
//! ├─ 为什么需要三次握手？              section card
//! 8.23 ports                        no topic card: it holds written cards
//! │  443:::HTTPS                    two cards: 443 → HTTPS, HTTPS → 443
//! │  the ==three-way== handshake    a cloze card
//! ```
//!
//! A card is named by its date, titles and own words, never by its line
//! or number (`8.22 › tcp握手 › 为什么需要三次握手？`, `8.23 › ports › 443`),
//! so it keeps its history when topics are inserted above it, renumbered
//! or the file is edited around it. Two cards that would have the same name
//! in the notes are told apart by ` (2)`, ` (3)` … in notebook order.
//!
//! [`written`]: super::written

mod faces;
mod names;

use std::collections::HashMap;

use super::written::Syntax;
use crate::notes::{Notebook, Span};
use crate::outline::NodeId;

pub use faces::{Face, Folded, Note, WrittenFace};
pub use names::{SEP, topic_key, topic_names};

/// Which cards to make.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CardRule {
    /// Sections whose title asks a question are cards too.
    pub sections: bool,
    /// Name cards by month and day only: the notes name no year and the
    /// years were only filled in for this run (`--year`).
    pub drop_years: bool,
    /// Topics with nothing under their title are cards too.
    pub empty_topics: bool,
    /// How cards written in the notes are read.
    pub syntax: Syntax,
}

impl Default for CardRule {
    fn default() -> Self {
        CardRule {
            sections: true,
            drop_years: false,
            empty_topics: false,
            syntax: Syntax::default(),
        }
    }
}

/// What a card is, as `review --list --json` names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    /// A topic: its title asks, its body answers.
    Topic,
    /// A section whose title asks a question.
    Section,
    /// Written in the notes: a question and its answer.
    Basic,
    /// Written in the notes to be asked both ways: one of the two.
    Reversed,
    /// A text with a part hidden.
    Cloze,
}

impl Kind {
    /// `topic`, `section`, `basic`, `reversed`, `cloze`.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Topic => "topic",
            Kind::Section => "section",
            Kind::Basic => "basic",
            Kind::Reversed => "reversed",
            Kind::Cloze => "cloze",
        }
    }
}

/// One card.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Card {
    /// Its name in the review state: date, titles, its own words.
    pub key: String,
    /// Topic, section or written.
    pub kind: Kind,
    /// The topic, section or day it is in.
    pub node: NodeId,
    /// The file it is in (index into the notebook's sources).
    pub source: usize,
    /// The 1-based line where it starts.
    pub line: usize,
    /// What it asks and answers.
    pub face: Face,
}

/// Every card of `nb` under `rule`, in notebook order.
pub fn cards(nb: &Notebook, rule: &CardRule) -> Vec<Card> {
    let mut out = Vec::new();
    let mut seen: HashMap<String, usize> = HashMap::new();
    let mut push = |card: Card| {
        let n = seen.entry(card.key.clone()).or_default();
        *n += 1;
        let key = if *n == 1 {
            card.key
        } else {
            format!("{} ({n})", card.key)
        };
        out.push(Card { key, ..card });
    };
    // Topics are numbered among topics of the same date and title, cards
    // or not, as [`topic_key`] numbers them.
    let mut topics: HashMap<String, usize> = HashMap::new();
    for (d, day) in nb.days.iter().enumerate() {
        let date = names::date_key(day, rule);
        let source = day.source;
        let preamble = nb.text(source, day.preamble);
        for w in super::written::scan(preamble, &[], &rule.syntax) {
            let line = day.preamble.line() + w.line;
            faces::written(&w, &date, NodeId::day(d), source, line, &mut push);
        }
        for (t, topic) in day.topics.iter().enumerate() {
            let title = topic.title().trim();
            let name = format!("{date}{SEP}{title}");
            let n = topics.entry(name.clone()).or_default();
            *n += 1;
            let name = if *n == 1 {
                name
            } else {
                format!("{name} ({n})")
            };
            let body = nb.text(source, topic.body());
            let mut holds = false;
            let mut whole = false;
            if let Some((w, takes_body)) = super::written::title_card(title, body, &rule.syntax) {
                let (node, line) = (NodeId::topic(d, t), topic.line());
                faces::written(&w, &date, node, source, line, &mut push);
                (holds, whole) = (true, takes_body);
            }
            let sections = topic.sections();
            if !whole {
                let first = topic.body().line();
                let headings: Vec<usize> = sections
                    .iter()
                    .map(|s| s.line().saturating_sub(first))
                    .collect();
                for w in super::written::scan(body, &headings, &rule.syntax) {
                    let line = first + w.line;
                    let k = sections.iter().rposition(|s| s.line() <= line);
                    let node = k.map_or(NodeId::topic(d, t), |k| NodeId::section(d, t, k));
                    faces::written(&w, &name, node, source, line, &mut push);
                    holds = true;
                }
            }
            let asks = title.ends_with(['?', '？']);
            let empty = crate::notes::is_blank(body);
            let section_cards: Vec<usize> = if rule.sections {
                (0..sections.len())
                    .filter(|&k| {
                        topic
                            .section_title(&sections[k])
                            .trim()
                            .ends_with(['?', '？'])
                    })
                    .collect()
            } else {
                Vec::new()
            };
            if (!holds || asks) && (!empty || rule.empty_topics) && !whole {
                push(Card {
                    key: name.clone(),
                    kind: Kind::Topic,
                    node: NodeId::topic(d, t),
                    source,
                    line: topic.line(),
                    face: faces::topic(topic, &section_cards),
                });
            }
            for k in section_cards {
                let s = &sections[k];
                let key = format!("{name}{SEP}{}", topic.section_title(s).trim());
                push(Card {
                    key,
                    kind: Kind::Section,
                    node: NodeId::section(d, t, k),
                    source,
                    line: s.line(),
                    face: Face::Node {
                        answer: faces::section_text(topic, k),
                        folded: Vec::new(),
                    },
                });
            }
        }
    }
    out
}

/// The text of `answer` in the notes with the folded sections left out.
pub fn node_text(nb: &Notebook, source: usize, answer: Span, folded: &[Folded]) -> String {
    node_text_with(nb, source, answer, folded, |_, _| String::new())
}

/// [`node_text`], each folded section replaced by what `mark` makes of it
/// and its heading's line.
pub fn node_text_with(
    nb: &Notebook,
    source: usize,
    answer: Span,
    folded: &[Folded],
    mark: impl Fn(&Folded, &str) -> String,
) -> String {
    let text = &nb.sources[source].text;
    let mut out = String::new();
    let mut at = answer.start();
    for f in folded {
        if f.span.start() < at || f.span.end() > answer.end() {
            continue;
        }
        out.push_str(&text[at..f.span.start()]);
        let folded = &text[f.span.start()..f.span.end()];
        out.push_str(&mark(f, folded.lines().next().unwrap_or("")));
        // The blank lines that ended the section still part it from what
        // follows.
        let kept = folded.trim_end_matches([' ', '\t', '\n', '\r']).len();
        let blank = folded[kept..].matches('\n').count().saturating_sub(1);
        out.push_str(&"\n".repeat(blank));
        at = f.span.end();
    }
    out.push_str(&text[at..answer.end()]);
    out
}

#[cfg(test)]
mod tests;
