//! The picker's list: every topic and section title with its date
//! (`8.23 › 服务器发送事件SSE`, `8.23 › 服务器发送事件SSE › 特点`), ranked
//! against what is typed by nucleo-matcher (fzf's scoring: consecutive
//! characters, word starts and the start of the text score higher; smart
//! case; works on characters, so Chinese titles match character by
//! character).
//!
//! A word typed in ASCII letters also matches Chinese titles by pinyin
//! ([`super::pinyin::fuzzy`]: `ws`, `woshou` → 握手). Titles matched so rank
//! below every title matched directly, and among themselves by how well the
//! letters fit (initials and letters in a row first).
//!
//! With nothing typed the entries keep their outline order.

use nucleo_matcher::pattern::{CaseMatching, Normalization, Pattern};
use nucleo_matcher::{Config, Utf32Str, Utf32String};

use super::pinyin::{self, Spelled};
use crate::notes::Notebook;
use crate::outline::NodeId;
use crate::sanitize;

/// Between the parts of an entry's label.
pub const SEP: &str = " › ";

/// One pickable place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// The topic or section.
    pub node: NodeId,
    /// `date › topic title[ › section title]`, safe to show (controls made
    /// visible, tabs as spaces).
    pub label: String,
}

/// Every topic and section of `nb`, in outline order.
pub fn entries(nb: &Notebook) -> Vec<Entry> {
    let clean = |s: &str| sanitize::visible(s.trim()).replace('\t', " ");
    let mut out = Vec::new();
    for (d, day) in nb.days.iter().enumerate() {
        let date = day.date.to_string();
        for (t, topic) in day.topics.iter().enumerate() {
            let topic_label = format!("{date}{SEP}{}", clean(topic.title()));
            // Each section's label holds the titles of its enclosing sections.
            let mut labels: Vec<String> = Vec::with_capacity(topic.sections().len());
            for s in topic.sections() {
                let parent = s.parent().map_or(&topic_label, |p| &labels[p]);
                labels.push(format!("{parent}{SEP}{}", clean(topic.section_title(s))));
            }
            out.push(Entry {
                node: NodeId::topic(d, t),
                label: topic_label,
            });
            out.extend(labels.into_iter().enumerate().map(|(k, label)| Entry {
                node: NodeId::section(d, t, k),
                label,
            }));
        }
    }
    out
}

/// Ranks entries against a typed pattern, reusing its buffers. The labels
/// are converted to the matcher's form once, on the first ranking, and kept
/// for the next keystrokes (a ranker serves one list of entries).
pub struct Ranker {
    matcher: nucleo_matcher::Matcher,
    buf: Vec<char>,
    hay: Vec<Utf32String>,
    /// Each label's readings, worked out when a word is first matched by
    /// pinyin.
    spelled: Vec<Option<Spelled>>,
    /// The pinyin search's table, kept from one title to the next.
    scratch: Vec<pinyin::Cell>,
    /// The last pattern of [`Ranker::rank_typed`] and its ranking.
    last: Option<(String, Vec<usize>)>,
}

impl Default for Ranker {
    fn default() -> Self {
        Ranker {
            matcher: nucleo_matcher::Matcher::new(Config::DEFAULT),
            buf: Vec::new(),
            hay: Vec::new(),
            spelled: Vec::new(),
            scratch: Vec::new(),
            last: None,
        }
    }
}

impl std::fmt::Debug for Ranker {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Ranker")
    }
}

impl Ranker {
    /// Indices into `entries` of those matching `typed`, best first (ties
    /// in outline order); all of them, in order, when `typed` is blank.
    /// Words of `typed` separated by spaces must all match.
    pub fn rank(&mut self, entries: &[Entry], typed: &str) -> Vec<usize> {
        self.rank_among(entries, 0..entries.len(), typed)
    }

    /// [`Ranker::rank`] for a pattern being typed: when `typed` only adds
    /// to the last pattern (no new word, no fzf operator such as `!` that
    /// could widen it), the last ranking is narrowed rather than every
    /// entry scored again.
    pub fn rank_typed(&mut self, entries: &[Entry], typed: &str) -> Vec<usize> {
        let ranked = match self.last.take() {
            Some((before, among))
                if !before.trim().is_empty()
                    && !typed.contains(['!', '^', '$', '\'', '\\'])
                    && typed.starts_with(&before)
                    && !typed[before.len()..].contains(' ') =>
            {
                self.rank_among(entries, among, typed)
            }
            _ => self.rank(entries, typed),
        };
        self.last = Some((typed.to_string(), ranked.clone()));
        ranked
    }

    /// [`Ranker::rank`] over some of the entries only. When more is typed
    /// after a pattern, only what matched it can match: the picker narrows
    /// its last ranking rather than scoring every title again.
    pub fn rank_among(
        &mut self,
        entries: &[Entry],
        among: impl IntoIterator<Item = usize>,
        typed: &str,
    ) -> Vec<usize> {
        if typed.trim().is_empty() {
            return (0..entries.len()).collect();
        }
        let pattern = Pattern::parse(typed, CaseMatching::Smart, Normalization::Smart);
        if self.hay.len() != entries.len() {
            self.hay = entries
                .iter()
                .map(|e| Utf32String::from(e.label.as_str()))
                .collect();
        }
        if self.spelled.len() != entries.len() {
            self.spelled = vec![None; entries.len()];
        }
        let words: Vec<(&str, Pattern)> = typed
            .split_whitespace()
            .map(|w| {
                (
                    w,
                    Pattern::parse(w, CaseMatching::Smart, Normalization::Smart),
                )
            })
            .collect();
        let by_pinyin = words.iter().any(|(w, _)| pinyin::is_pinyin_query(w));
        let (hay, matcher) = (&self.hay, &mut self.matcher);
        // Words that pinyin cannot match are tried first.
        let mut words = words;
        words.sort_by_key(|(w, _)| pinyin::is_pinyin_query(w));
        // Direct matches first (tier 0), then those found by pinyin.
        let mut scored: Vec<(u8, i64, usize)> = Vec::new();
        for i in among {
            if let Some(s) = pattern.score(hay[i].slice(..), matcher) {
                scored.push((0, i64::from(s), i));
                continue;
            }
            if !by_pinyin {
                continue;
            }
            // Words matched directly first: a word that matches neither
            // way rules the title out before any pinyin is looked at. A
            // single word is the whole pattern, which did not match.
            let mut total = 0i64;
            let mut by_readings: Vec<&str> = Vec::new();
            for (word, p) in &words {
                let direct = if words.len() == 1 {
                    None
                } else {
                    p.score(hay[i].slice(..), matcher)
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
            let spelled = self.spelled[i].get_or_insert_with(|| Spelled::of(&entries[i].label));
            let mut any = true;
            for word in by_readings {
                match pinyin::fuzzy_score(spelled, word, &mut self.scratch) {
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
        scored.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)).then(a.2.cmp(&b.2)));
        scored.into_iter().map(|(_, _, i)| i).collect()
    }

    /// The character positions of `typed`'s match in `label`, for
    /// highlighting; empty when it does not match.
    pub fn positions(&mut self, label: &str, typed: &str) -> Vec<usize> {
        let pattern = Pattern::parse(typed, CaseMatching::Smart, Normalization::Smart);
        let mut at = Vec::new();
        let hay = Utf32Str::new(label, &mut self.buf);
        if pattern.indices(hay, &mut self.matcher, &mut at).is_none() {
            // Matched by pinyin: each word directly or by its readings.
            at.clear();
            let spelled = Spelled::of(label);
            for word in typed.split_whitespace() {
                let p = Pattern::parse(word, CaseMatching::Smart, Normalization::Smart);
                let hay = Utf32Str::new(label, &mut self.buf);
                if p.indices(hay, &mut self.matcher, &mut at).is_some() {
                    continue;
                }
                match pinyin::fuzzy_spelled(&spelled, word) {
                    Some((_, found)) => at.extend(found.into_iter().map(|i| i as u32)),
                    None => return Vec::new(),
                }
            }
        }
        at.sort_unstable();
        at.dedup();
        at.into_iter().map(|i| i as usize).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::from_text;

    fn seed() -> Vec<Entry> {
        entries(&from_text("seed", crate::SAMPLE.to_string()))
    }

    fn ranked(typed: &str) -> Vec<String> {
        let all = seed();
        Ranker::default()
            .rank(&all, typed)
            .into_iter()
            .map(|i| all[i].label.clone())
            .collect()
    }

    #[test]
    fn every_topic_and_section_with_its_date() {
        let all = seed();
        assert_eq!(all[0].label, "8.22 › tcp握手");
        assert_eq!(all[0].node, NodeId::topic(0, 0));
        assert_eq!(all[1].label, "8.22 › tcp握手 › 第一次握手（SYN）");
        let sse = all
            .iter()
            .position(|e| e.label == "8.23 › 服务器发送事件SSE")
            .expect("the SSE topic");
        assert_eq!(all[sse].node, NodeId::topic(1, 1));
        assert_eq!(all[sse + 1].label, "8.23 › 服务器发送事件SSE › 特点");
        // nested sections carry their parent's title
        assert!(
            all.iter()
                .any(|e| e.label == "8.22 › 如何保证服务器的服务不中断，中断了如何处理 › 预防服务中断的策略 › 1. 高可用架构"),
            "{all:#?}"
        );
    }

    #[test]
    fn ranking_on_the_seed() {
        // The topic whose title is the query comes before its sections,
        // which hold it only through their parent.
        let sse = ranked("sse");
        assert_eq!(sse[0], "8.23 › 服务器发送事件SSE");
        // The four titles holding SSE, then those that spell s…s…e in
        // pinyin (是什么: shi shen).
        assert!(sse[..4].iter().all(|l| l.contains("SSE")), "{sse:#?}");
        assert!(sse[4..].iter().all(|l| !l.contains("SSE")), "{sse:#?}");

        // Chinese, by characters, not necessarily adjacent.
        let got = ranked("握手");
        assert_eq!(got[0], "8.22 › tcp握手");
        let scattered = ranked("容器部署");
        assert!(
            scattered[0].contains("容器化部署"),
            "best is a title with 容器…部署: {scattered:#?}"
        );

        // Several words must all match.
        let both = ranked("8.23 场景");
        assert!(
            both.len() >= 2
                && both
                    .iter()
                    .all(|l| l.starts_with("8.23") && l.contains("场景"))
        );
        assert!(ranked("qqqqqqqq").is_empty());
        // Narrowing a ranking gives the ranking of the longer pattern.
        let all = seed();
        let mut r = Ranker::default();
        let first = r.rank(&all, "部");
        let narrowed = r.rank_among(&all, first, "部署");
        assert_eq!(narrowed, r.rank(&all, "部署"));
        let mut typed = Ranker::default();
        for (i, _) in "部署 8.2".char_indices().skip(1) {
            let t = &"部署 8.2"[..i];
            assert_eq!(typed.rank_typed(&all, t), r.rank(&all, t), "{t}");
        }
        assert_eq!(ranked("  ").len(), seed().len());
    }

    /// Chinese titles found by pinyin, below the titles found directly.
    #[test]
    fn pinyin_finds_chinese_titles() {
        let ws = ranked("ws");
        assert!(
            ws.iter().any(|l| l == "8.22 › tcp握手"),
            "ws finds 握手: {ws:#?}"
        );
        let why = ranked("wsmxysch");
        assert_eq!(why[0], "8.22 › tcp握手 › 为什么需要三次握手？", "{why:#?}");
        assert_eq!(ranked("woshou")[0], "8.22 › tcp握手");
        assert_eq!(ranked("tcpws")[0], "8.22 › tcp握手");
        // A word found directly still comes first.
        let cookie = ranked("cookie");
        assert_eq!(cookie[0], "9.1 › cookie是什么");
        // Pinyin and a direct word together.
        assert_eq!(ranked("9.1 sm")[0], "9.1 › cookie是什么");
        // Narrowing keeps giving the ranking of the longer pattern.
        let all = seed();
        let mut typed = Ranker::default();
        let mut whole = Ranker::default();
        for t in ["w", "ws", "wsm", "wsmx"] {
            assert_eq!(typed.rank_typed(&all, t), whole.rank(&all, t), "{t}");
        }
    }

    #[test]
    fn pinyin_positions_mark_the_characters() {
        let mut r = Ranker::default();
        assert_eq!(r.positions("8.22 › tcp握手", "woshou"), [10, 11]);
        assert_eq!(r.positions("8.22 › tcp握手", "tcp ws"), [7, 8, 9, 10, 11]);
        assert!(r.positions("8.22 › tcp握手", "qq").is_empty());
    }

    #[test]
    fn positions_mark_the_matched_characters() {
        let mut r = Ranker::default();
        assert_eq!(r.positions("8.22 › tcp握手", "握手"), [10, 11]);
        assert!(r.positions("8.22 › tcp握手", "xyz").is_empty());
    }
}
