//! Cards people write in their notes, in the syntaxes of the tools they
//! come from (Obsidian's spaced repetition plugin, Logseq, Anki), found in
//! any piece of notes text: a topic's title and body, a day's preamble.
//!
//! ```text
//! TCP::Transmission Control Protocol        one card (question::answer)
//! port 443:::HTTPS                          two cards, one each way
//! What does SYN carry?                      ┐
//! ?                                         │ one card over several lines
//! the client's first sequence number        ┘ (?? for both ways); ends at a blank
//! the ==three-way handshake== opens it      a cloze card per highlight
//! {{c1::SYN}} then {{c2::SYN-ACK::reply}}   Anki's clozes: a card per number
//! {{cloze 防止失效连接}}                      Logseq's: hidden together
//! - What is a pod? #card                    Logseq: the block is the question,
//!   - the smallest unit                     its children the answer
//! ```
//!
//! Nothing inside code is a card, nor are property lines (`tags:: net`,
//! Logseq's own `card-repeats:: 3`), which are also left out of answers.
//! The separators are settings ([`Separators`]), since `::` is also how
//! Dataview writes fields for some.

mod blocks;
mod cloze;
mod inline;
mod lines;

pub use cloze::{Cloze, GAP, Side};

use blocks::{block, card_tag, multiline, tagged, without};
use lines::{Line, children_end, classify};

/// What marks a card written on one line or over several.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Separators {
    /// Between question and answer on one line: `::`.
    pub inline: String,
    /// The same, for cards both ways: `:::`.
    pub inline_reversed: String,
    /// A line of its own between question and answer lines: `?`.
    pub multiline: String,
    /// The same, for cards both ways: `??`.
    pub multiline_reversed: String,
}

impl Default for Separators {
    fn default() -> Self {
        Separators {
            inline: "::".into(),
            inline_reversed: ":::".into(),
            multiline: "?".into(),
            multiline_reversed: "??".into(),
        }
    }
}

/// How written cards are read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Syntax {
    /// The separators.
    pub separators: Separators,
    /// `==highlighted==` text is a cloze deletion.
    pub highlights: bool,
}

impl Default for Syntax {
    fn default() -> Self {
        Syntax {
            separators: Separators::default(),
            highlights: true,
        }
    }
}

/// What a written card is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Shape {
    /// A question and its answer.
    Basic,
    /// A question and its answer, asked both ways (two cards).
    Reversed,
    /// A text with deletions (a card per number).
    Cloze(Cloze),
}

/// A card written in a piece of notes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Written {
    /// The 0-based line of the piece where it starts.
    pub line: usize,
    /// The question, dedented (empty for a cloze: see its [`Cloze`]).
    pub question: String,
    /// The answer, dedented.
    pub answer: String,
    /// Basic, both ways, or a cloze.
    pub shape: Shape,
}

/// The cards written in `text` (a body or a preamble, as written), the
/// lines at the 0-based indexes of `headings` being section titles that
/// no card reaches over.
pub fn scan(text: &str, headings: &[usize], syntax: &Syntax) -> Vec<Written> {
    if !may_hold(text, syntax) {
        return Vec::new();
    }
    let lines = classify(text, headings);
    let mut used = vec![false; lines.len()];
    let mut out = Vec::new();
    for i in 0..lines.len() {
        if let Some((w, end)) = block(&lines, i, syntax) {
            used[i..end].fill(true);
            out.push(w);
        }
    }
    multiline(&lines, &mut used, &syntax.separators, &mut out);
    for i in 0..lines.len() {
        let l = &lines[i];
        if used[i] || !l.usable() || l.property {
            continue;
        }
        if let Some(c) = inline::one_line(l.content(), &syntax.separators) {
            used[i] = true;
            out.push(Written {
                line: i,
                question: c.question.to_string(),
                answer: c.answer.to_string(),
                shape: if c.both_ways {
                    Shape::Reversed
                } else {
                    Shape::Basic
                },
            });
        }
    }
    for i in 0..lines.len() {
        let l = &lines[i];
        if used[i] || !l.usable() || l.property || !may_cloze(l.text, syntax) {
            continue;
        }
        let (start, end) = unit(&lines, &used, i);
        let text = if end - start == 1 && l.item.is_some() {
            l.content().to_string()
        } else {
            joined(&lines[start..end])
        };
        if let Some(c) = Cloze::find(&text, syntax.highlights) {
            used[start..end].fill(true);
            out.push(cloze_card(start, c));
        }
    }
    out.sort_by_key(|w| w.line);
    out
}

/// The card a topic's title makes of the topic (`What is a pod? #card`
/// with its body as the answer, `TCP::…`, a title with a cloze), and
/// whether it takes the body as its answer (then nothing else in the body
/// is a card).
pub fn title_card(title: &str, body: &str, syntax: &Syntax) -> Option<(Written, bool)> {
    if let Some(tag) = card_tag(title) {
        let question = without(title, tag);
        let lines = classify(body, &[]);
        let answer = joined_without_properties(&lines);
        return Some((tagged(0, &question, &answer, syntax)?, true));
    }
    if let Some(c) = inline::one_line(title, &syntax.separators) {
        let shape = if c.both_ways {
            Shape::Reversed
        } else {
            Shape::Basic
        };
        let w = Written {
            line: 0,
            question: c.question.into(),
            answer: c.answer.into(),
            shape,
        };
        return Some((w, false));
    }
    let c = Cloze::find(title, syntax.highlights)?;
    Some((cloze_card(0, c), false))
}

pub(super) fn cloze_card(line: usize, c: Cloze) -> Written {
    Written {
        line,
        question: String::new(),
        answer: c.plain(),
        shape: Shape::Cloze(c),
    }
}

/// A quick look for anything a card is written with.
fn may_hold(text: &str, syntax: &Syntax) -> bool {
    let s = &syntax.separators;
    let has = |sep: &str| !sep.is_empty() && text.contains(sep);
    has(&s.inline)
        || has(&s.inline_reversed)
        || may_cloze(text, syntax)
        || text.contains("#card")
        || text.contains("#Card")
        || text.contains("#[[card]]")
        || (first_char_in(text, &s.multiline) || first_char_in(text, &s.multiline_reversed))
            && crate::notes::lines(text).any(|l| {
                let t = l.trim();
                !t.is_empty() && (t == s.multiline || t == s.multiline_reversed)
            })
}

/// True when `text` holds the first character of `sep`: a line of `sep`
/// alone is then worth looking for.
fn first_char_in(text: &str, sep: &str) -> bool {
    sep.chars().next().is_some_and(|c| text.contains(c))
}

fn may_cloze(text: &str, syntax: &Syntax) -> bool {
    text.contains("{{") || (syntax.highlights && text.contains("=="))
}

/// The lines a cloze at line `i` is read in: a list item with its
/// children, else its paragraph.
fn unit(lines: &[Line<'_>], used: &[bool], i: usize) -> (usize, usize) {
    if lines[i].item.is_some() {
        let end = children_end(lines, i);
        let end = (i + 1..end).find(|&j| used[j]).unwrap_or(end);
        return (i, end);
    }
    let part = |j: usize| lines[j].usable() && !used[j] && lines[j].item.is_none();
    let mut start = i;
    while start > 0 && part(start - 1) {
        start -= 1;
    }
    let mut end = i + 1;
    while end < lines.len() && part(end) {
        end += 1;
    }
    (start, end)
}

/// The lines dedented, trailing blank lines left out.
pub(super) fn joined(lines: &[Line<'_>]) -> String {
    let text: Vec<&str> = lines.iter().map(|l| l.text).collect();
    crate::notes::dedent(&text.join("\n"))
        .trim_end()
        .to_string()
}

pub(super) fn joined_without_properties(lines: &[Line<'_>]) -> String {
    let kept: Vec<Line<'_>> = lines.iter().filter(|l| !l.property).cloned().collect();
    joined(&kept)
}

#[cfg(test)]
mod tests;
