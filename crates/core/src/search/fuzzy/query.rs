//! What is typed into the picker, parsed once for every thread: the whole
//! pattern for nucleo, each word's own (pinyin may match some words and
//! not others), and each word's characters to look for in a label's bytes
//! first (most labels hold none of them in order, and are ruled out
//! without being scored).

use nucleo_matcher::pattern::{CaseMatching, Normalization, Pattern};

use super::{Labels, Scored, plain};
use crate::search::pinyin;

/// A word's characters, to look for in a label's bytes before it is
/// scored: each as the bytes that may stand for it (a letter in both
/// cases when the pattern ignores case).
struct Needle {
    chars: Vec<([u8; 4], usize, Option<u8>)>,
}

impl Needle {
    /// The needle of `word`; `None` when it cannot be checked so (an fzf
    /// operator, a Latin letter with a mark).
    fn of(word: &str, ignore_case: bool) -> Option<Needle> {
        if word.starts_with(['!', '^', '\'']) || word.ends_with('$') || word.contains('\\') {
            return None;
        }
        let mut chars = Vec::new();
        for c in word.chars() {
            if !c.is_ascii() && !plain(&c.to_string()) {
                return None;
            }
            let mut buf = [0u8; 4];
            let len = c.encode_utf8(&mut buf).len();
            let other = (ignore_case && c.is_ascii_alphabetic()).then_some((c as u8) ^ 0x20);
            let lower = if ignore_case && c.is_ascii_alphabetic() {
                [c.to_ascii_lowercase() as u8, 0, 0, 0]
            } else {
                buf
            };
            chars.push((lower, len, other));
        }
        Some(Needle { chars })
    }

    /// True when `label`'s bytes hold the characters in order.
    fn in_order(&self, label: &[u8]) -> bool {
        let mut at = 0;
        for (bytes, len, other) in &self.chars {
            let rest = &label[at..];
            let found = if *len == 1 {
                match other {
                    Some(o) => memchr::memchr2(bytes[0], *o, rest),
                    None => memchr::memchr(bytes[0], rest),
                }
            } else {
                memchr::memmem::find(rest, &bytes[..*len])
            };
            match found {
                Some(i) => at += i + len,
                None => return false,
            }
        }
        true
    }
}

/// A typed pattern, parsed once for every thread: the whole, and each word
/// (those pinyin cannot match first).
pub(super) struct Query<'t> {
    pattern: Pattern,
    words: Vec<(&'t str, Pattern)>,
    /// Each word's needle, when all have one.
    needles: Option<Vec<Needle>>,
    pub(super) by_pinyin: bool,
}

impl<'t> Query<'t> {
    pub(super) fn new(typed: &'t str) -> Query<'t> {
        let mut words: Vec<(&str, Pattern)> = typed
            .split_whitespace()
            .map(|w| {
                (
                    w,
                    Pattern::parse(w, CaseMatching::Smart, Normalization::Smart),
                )
            })
            .collect();
        // Words that pinyin cannot match are tried first.
        words.sort_by_key(|(w, _)| pinyin::is_pinyin_query(w));
        // Smart case: a word with a capital is matched as written.
        let needles = words
            .iter()
            .map(|(w, _)| Needle::of(w, !w.chars().any(char::is_uppercase)))
            .collect();
        Query {
            pattern: Pattern::parse(typed, CaseMatching::Smart, Normalization::Smart),
            by_pinyin: words.iter().any(|(w, _)| pinyin::is_pinyin_query(w)),
            needles,
            words,
        }
    }

    /// True when entry `i` cannot match directly: a plain label without
    /// some word's characters in order.
    fn surely_not(&self, i: usize, labels: &Labels<'_>) -> bool {
        labels.plain[i]
            && self.needles.as_ref().is_some_and(|needles| {
                let bytes = labels.entries[i].label.as_bytes();
                needles.iter().any(|n| !n.in_order(bytes))
            })
    }

    /// The entries of `among` matched directly, scored (tier 0), and the
    /// rest, for pinyin to try when the pattern may match so.
    pub(super) fn direct(
        &self,
        among: &[usize],
        labels: &Labels<'_>,
        matcher: &mut nucleo_matcher::Matcher,
    ) -> (Vec<Scored>, Vec<usize>) {
        let mut scored = Vec::new();
        let mut rest = Vec::new();
        for &i in among {
            if !self.surely_not(i, labels)
                && let Some(s) = self.pattern.score(labels.hay[i].slice(..), matcher)
            {
                scored.push((0, i64::from(s), i));
            } else if self.by_pinyin && labels.spelled[i].has_readings() {
                rest.push(i);
            }
        }
        (scored, rest)
    }

    /// The entries of `among` (not matched directly) that pinyin matches,
    /// scored (tier 1): each word matched directly or by its readings.
    pub(super) fn by_pinyin(
        &self,
        among: &[usize],
        labels: &Labels<'_>,
        matcher: &mut nucleo_matcher::Matcher,
        scratch: &mut Vec<pinyin::Cell>,
    ) -> Vec<Scored> {
        let mut scored = Vec::new();
        for &i in among {
            // Words matched directly first: a word that matches neither
            // way rules the title out before any pinyin is looked at. A
            // single word is the whole pattern, which did not match.
            let mut total = 0i64;
            let mut by_readings: Vec<&str> = Vec::new();
            for (word, p) in &self.words {
                let direct = if self.words.len() == 1 {
                    None
                } else {
                    p.score(labels.hay[i].slice(..), matcher)
                };
                match direct {
                    Some(s) => total += i64::from(s),
                    None if pinyin::is_pinyin_query(word) => by_readings.push(word),
                    None => {
                        by_readings.clear();
                        break;
                    }
                }
            }
            if by_readings.is_empty() {
                continue;
            }
            let mut any = true;
            for word in by_readings {
                match pinyin::fuzzy_score(&labels.spelled[i], word, scratch) {
                    Some(s) => total += i64::from(s),
                    None => {
                        any = false;
                        break;
                    }
                }
            }
            if any {
                scored.push((1, total, i));
            }
        }
        scored
    }
}
