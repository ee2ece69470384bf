//! Cloze deletions: text with parts to recall hidden. Three ways of
//! writing them are read, mixed as they come:
//!
//! ```text
//! {{c1::SYN}} then {{c2::SYN-ACK::reply}}    Anki: a card per number, with a hint
//! the ==three-way handshake== opens it       a highlight: a card each
//! {{cloze 防止失效连接}}                        Logseq: hidden together, one card
//! ```
//!
//! A card hides the deletions of its number (`[…]`, or `[hint]`) and shows
//! the others as plain text; its answer shows them all. [`Cloze::anki`]
//! writes the text in Anki's own syntax for the export.

use std::ops::Range;

/// One deletion found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Deletion {
    /// Where it is written, markup included.
    range: Range<usize>,
    /// Its card's number.
    number: u32,
    /// The hidden text.
    text: String,
    /// What the gap says instead of `…`.
    hint: Option<String>,
}

/// A text holding deletions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cloze {
    text: String,
    deletions: Vec<Deletion>,
}

/// The gap shown for a deletion without a hint.
pub const GAP: &str = "[…]";

/// One card of a cloze: the text with its gaps, and the whole.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Side {
    /// The text with this card's deletions hidden.
    pub question: String,
    /// The text with every deletion shown.
    pub answer: String,
    /// The gaps as shown in the question (`[…]`, `[hint]`).
    pub gaps: Vec<String>,
    /// The deletions shown in the answer.
    pub shown: Vec<String>,
}

impl Cloze {
    /// The deletions of `text`, with `highlights` saying whether
    /// `==highlighted==` text counts; `None` without any.
    pub fn find(text: &str, highlights: bool) -> Option<Cloze> {
        let code = super::inline::code_spans(text);
        let in_code = |at: usize| code.iter().any(|r| r.contains(&at));
        let mut deletions = Vec::new();
        anki_and_logseq(text, &mut deletions);
        deletions.retain(|d| !in_code(d.range.start));
        if highlights {
            let first = deletions.iter().map(|d| d.number).max().unwrap_or(0) + 1;
            let mut marked = marked(text);
            marked.retain(|(r, _)| {
                !in_code(r.start) && !deletions.iter().any(|d| overlaps(&d.range, r))
            });
            for (n, (range, inner)) in marked.into_iter().enumerate() {
                deletions.push(Deletion {
                    range,
                    number: first + n as u32,
                    text: inner,
                    hint: None,
                });
            }
        }
        if deletions.is_empty() {
            return None;
        }
        deletions.sort_by_key(|d| d.range.start);
        Some(Cloze {
            text: text.to_string(),
            deletions,
        })
    }

    /// The card numbers, in order.
    pub fn numbers(&self) -> Vec<u32> {
        let mut n: Vec<u32> = self.deletions.iter().map(|d| d.number).collect();
        n.sort_unstable();
        n.dedup();
        n
    }

    /// Card `number`: its deletions hidden, the others shown.
    pub fn side(&self, number: u32) -> Side {
        let mut side = Side {
            question: String::new(),
            answer: String::new(),
            gaps: Vec::new(),
            shown: Vec::new(),
        };
        let mut at = 0;
        for d in &self.deletions {
            let before = &self.text[at..d.range.start];
            side.question.push_str(before);
            side.answer.push_str(before);
            if d.number == number {
                let gap = d
                    .hint
                    .as_ref()
                    .map_or(GAP.to_string(), |h| format!("[{h}]"));
                side.question.push_str(&gap);
                side.gaps.push(gap);
                side.shown.push(d.text.clone());
            } else {
                side.question.push_str(&d.text);
            }
            side.answer.push_str(&d.text);
            at = d.range.end;
        }
        side.question.push_str(&self.text[at..]);
        side.answer.push_str(&self.text[at..]);
        side
    }

    /// The text with every deletion shown.
    pub fn plain(&self) -> String {
        self.side(0).answer
    }

    /// The text in Anki's syntax: `{{c1::text}}`, `{{c2::text::hint}}`.
    pub fn anki(&self) -> String {
        let mut out = String::new();
        let mut at = 0;
        for d in &self.deletions {
            out.push_str(&self.text[at..d.range.start]);
            match &d.hint {
                Some(h) => out.push_str(&format!("{{{{c{}::{}::{h}}}}}", d.number, d.text)),
                None => out.push_str(&format!("{{{{c{}::{}}}}}", d.number, d.text)),
            }
            at = d.range.end;
        }
        out.push_str(&self.text[at..]);
        out
    }
}

fn overlaps(a: &Range<usize>, b: &Range<usize>) -> bool {
    a.start < b.end && b.start < a.end
}

/// `{{c1::text}}`, `{{c1::text::hint}}` and `{{cloze text}}`.
fn anki_and_logseq(text: &str, out: &mut Vec<Deletion>) {
    let mut from = 0;
    while let Some(open) = text[from..].find("{{").map(|i| from + i) {
        let Some(close) = text[open + 2..].find("}}").map(|i| open + 2 + i) else {
            break;
        };
        let inner = &text[open + 2..close];
        let range = open..close + 2;
        from = open + 2;
        if let Some(rest) = inner.strip_prefix("cloze ") {
            let hidden = rest.trim();
            if !hidden.is_empty() {
                out.push(Deletion {
                    range: range.clone(),
                    number: 1,
                    text: hidden.to_string(),
                    hint: None,
                });
                from = range.end;
            }
            continue;
        }
        let Some(rest) = inner.strip_prefix(['c', 'C']) else {
            continue;
        };
        let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
        let Ok(number) = rest[..digits].parse::<u32>() else {
            continue;
        };
        let Some(body) = rest[digits..].strip_prefix("::") else {
            continue;
        };
        let (hidden, hint) = match body.split_once("::") {
            Some((t, h)) => (t, Some(h.trim().to_string()).filter(|h| !h.is_empty())),
            None => (body, None),
        };
        if number == 0 || hidden.trim().is_empty() {
            continue;
        }
        out.push(Deletion {
            range: range.clone(),
            number,
            text: hidden.to_string(),
            hint,
        });
        from = range.end;
    }
}

/// `==highlighted==` text: opened by `==` before a character that is not
/// a space or `=`, closed by `==` after one, on one line (`a == b` and
/// `===` are text).
fn marked(text: &str) -> Vec<(Range<usize>, String)> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    let flank = |c: Option<&u8>| c.is_some_and(|c| !c.is_ascii_whitespace() && *c != b'=');
    while i + 1 < b.len() {
        let opens =
            b[i] == b'=' && b[i + 1] == b'=' && (i == 0 || b[i - 1] != b'=') && flank(b.get(i + 2));
        if !opens {
            i += 1;
            continue;
        }
        let start = i + 2;
        let mut j = start;
        let mut found = None;
        while j + 1 < b.len() && b[j] != b'\n' {
            if b[j] == b'='
                && b[j + 1] == b'='
                && flank(b.get(j - 1))
                && b.get(j + 2) != Some(&b'=')
            {
                found = Some(j);
                break;
            }
            j += 1;
        }
        match found {
            Some(end) => {
                out.push((i..end + 2, text[start..end].to_string()));
                i = end + 2;
            }
            None => i = start,
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn anki_numbers_hide_together_with_hints() {
        let c = Cloze::find(
            "{{c1::SYN}}, then {{c2::SYN-ACK::the reply}}, then {{c1::ACK}}",
            true,
        )
        .unwrap();
        assert_eq!(c.numbers(), [1, 2]);
        let one = c.side(1);
        assert_eq!(one.question, "[…], then SYN-ACK, then […]");
        assert_eq!(one.answer, "SYN, then SYN-ACK, then ACK");
        assert_eq!(one.shown, ["SYN", "ACK"]);
        let two = c.side(2);
        assert_eq!(two.question, "SYN, then [the reply], then ACK");
        assert_eq!(two.gaps, ["[the reply]"]);
        assert_eq!(
            c.anki(),
            "{{c1::SYN}}, then {{c2::SYN-ACK::the reply}}, then {{c1::ACK}}"
        );
    }

    #[test]
    fn highlights_are_a_card_each_and_logseq_clozes_one() {
        let c = Cloze::find(
            "TCP uses a ==three-way== handshake and ==four== to close",
            true,
        )
        .unwrap();
        assert_eq!(c.numbers(), [1, 2]);
        assert_eq!(
            c.side(2).question,
            "TCP uses a three-way handshake and […] to close"
        );
        assert_eq!(
            c.anki(),
            "TCP uses a {{c1::three-way}} handshake and {{c2::four}} to close"
        );
        let l = Cloze::find(
            "脏读: {{cloze 读到未提交的数据}}，幻读: {{cloze 记录数不一致}}",
            true,
        )
        .unwrap();
        assert_eq!(l.numbers(), [1]);
        assert_eq!(l.side(1).question, "脏读: […]，幻读: […]");
        assert_eq!(l.plain(), "脏读: 读到未提交的数据，幻读: 记录数不一致");
    }

    #[test]
    fn near_misses_hold_no_deletion() {
        for text in [
            "if a == b then",
            "=== not a highlight ===",
            "`x ==y== z` in code",
            "{{c0::zero}} {{c::none}} {{cloze }}",
            "{{embed [[page]]}}",
            "== spaced ==",
        ] {
            assert_eq!(Cloze::find(text, true), None, "{text}");
        }
        // Highlights can be left out (a setting).
        assert_eq!(Cloze::find("a ==b== c", false), None);
    }
}
