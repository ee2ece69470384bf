//! Cards of more than one line: a Logseq `#card` block (the block asks,
//! its children answer) and question lines around a separator line.
//!
//! ```text
//! - What is a pod? #card        a block card: question
//!   card-repeats:: 2            (Logseq's review data: left out)
//! \t- the smallest unit          answer
//!
//! What does SYN carry?          question lines (back to a blank line, or
//! ?                             the list item they start with)
//! the first sequence number     answer lines (to a blank line, or the next
//!                               item as far out as the question's)
//! ```

use super::lines::{Line, children_end};
use super::{
    Cloze, Separators, Shape, Syntax, Written, cloze_card, joined, joined_without_properties,
};

/// A Logseq `#card` block at line `i`: the card and the line after its
/// children.
pub(super) fn block(lines: &[Line<'_>], i: usize, syntax: &Syntax) -> Option<(Written, usize)> {
    let l = &lines[i];
    if !l.usable() {
        return None;
    }
    let content = l.content();
    let tag = card_tag(content)?;
    let question = without(content, tag);
    let question = question.trim_start_matches('#').trim();
    let end = children_end(lines, i);
    let answer = joined_without_properties(&lines[i + 1..end]);
    Some((tagged(i, question, &answer, syntax)?, end))
}

/// The card of a `#card` block: a cloze when it holds deletions, else a
/// question and its answer; none without an answer.
pub(super) fn tagged(
    line: usize,
    question: &str,
    answer: &str,
    syntax: &Syntax,
) -> Option<Written> {
    let whole = if answer.is_empty() {
        question.to_string()
    } else {
        format!("{question}\n{answer}")
    };
    if let Some(c) = Cloze::find(&whole, syntax.highlights) {
        return Some(cloze_card(line, c));
    }
    if question.is_empty() || answer.is_empty() {
        return None;
    }
    Some(Written {
        line,
        question: question.to_string(),
        answer: answer.to_string(),
        shape: Shape::Basic,
    })
}

/// Where the tag `#card` (or `#[[card]]`) is in `s`, any case.
pub(super) fn card_tag(s: &str) -> Option<std::ops::Range<usize>> {
    let lower = s.to_lowercase();
    if lower.len() != s.len() {
        return None;
    }
    for pat in ["#[[card]]", "#card"] {
        let mut from = 0;
        while let Some(at) = lower[from..].find(pat).map(|i| from + i) {
            let end = at + pat.len();
            let before = lower[..at].chars().next_back();
            let after = lower[end..].chars().next();
            let tag_char = |c: char| c.is_alphanumeric() || matches!(c, '-' | '_' | '/');
            if before.is_none_or(char::is_whitespace) && !after.is_some_and(tag_char) {
                return Some(at..end);
            }
            from = end;
        }
    }
    None
}

pub(super) fn without(s: &str, r: std::ops::Range<usize>) -> String {
    format!("{}{}", &s[..r.start], &s[r.end..])
        .trim()
        .to_string()
}

/// Cards over several lines: question lines, a separator line, answer
/// lines, each side ending at a blank line, a section title, code or
/// another card.
pub(super) fn multiline(
    lines: &[Line<'_>],
    used: &mut [bool],
    seps: &Separators,
    out: &mut Vec<Written>,
) {
    for i in 0..lines.len() {
        let l = &lines[i];
        if used[i] || !l.usable() {
            continue;
        }
        let t = l.text.trim();
        let both = t == seps.multiline_reversed;
        if !both && t != seps.multiline {
            continue;
        }
        let free = |j: usize| lines[j].usable() && !used[j];
        // The question goes back to a blank line, or to the list item it
        // starts with; the answer then stops at the next item as far out.
        let mut start = i;
        while start > 0 && free(start - 1) {
            start -= 1;
            if lines[start].item.is_some() {
                break;
            }
        }
        let item = (lines[start].item.is_some()).then_some(lines[start].indent);
        let sibling =
            |j: usize| item.is_some_and(|at| lines[j].item.is_some() && lines[j].indent <= at);
        let mut end = i + 1;
        while end < lines.len() && free(end) && !sibling(end) {
            end += 1;
        }
        if start == i || end == i + 1 {
            continue;
        }
        used[start..end].fill(true);
        let question = match lines[start].item {
            // An item's question without its marker.
            Some(first) => {
                let rest = joined(&lines[start + 1..i]);
                [first.trim(), rest.as_str()].join("\n").trim().to_string()
            }
            None => joined(&lines[start..i]),
        };
        out.push(Written {
            line: start,
            question,
            answer: joined(&lines[i + 1..end]),
            shape: if both { Shape::Reversed } else { Shape::Basic },
        });
    }
}
