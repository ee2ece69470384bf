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

mod query;
use query::Query;

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
/// are made ready once ([`Ranker::prepare`]: the matcher's form of each,
/// and its pinyin), on every thread, and kept for the next keystrokes (a
/// ranker serves one list of entries); each ranking is shared out among
/// the threads too.
pub struct Ranker {
    /// One matcher per thread, and the one that finds positions.
    matchers: Vec<nucleo_matcher::Matcher>,
    buf: Vec<char>,
    hay: Vec<Utf32String>,
    /// Each label's readings.
    spelled: Vec<Spelled>,
    /// Each label's bytes can be checked for a pattern's characters before
    /// it is scored ([`plain`]).
    plain: Vec<bool>,
    /// The pinyin search's tables, one per thread, kept from one title to
    /// the next.
    scratch: Vec<Vec<pinyin::Cell>>,
    /// The last pattern of [`Ranker::rank_typed`] and its ranking.
    last: Option<(String, Vec<usize>)>,
}

impl Default for Ranker {
    fn default() -> Self {
        Ranker {
            matchers: vec![nucleo_matcher::Matcher::new(Config::DEFAULT)],
            buf: Vec::new(),
            hay: Vec::new(),
            spelled: Vec::new(),
            plain: Vec::new(),
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

/// Lists shorter than this are ranked on one thread.
const ONE_THREAD: usize = 4096;

/// The threads to share work among.
fn threads() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get().min(8))
}

/// `items` cut into `n` runs in order, none empty.
fn runs<T>(items: &[T], n: usize) -> impl Iterator<Item = &[T]> {
    items.chunks(items.len().div_ceil(n.max(1)).max(1))
}

/// How well entry `i` matches: its tier (0 matched directly, 1 by pinyin)
/// and score.
type Scored = (u8, i64, usize);

impl Ranker {
    /// Makes the labels of `entries` ready to be matched: each in the
    /// matcher's form, and its readings. Done by the first ranking when not
    /// before; the picker's thread does it as soon as the picker opens.
    pub fn prepare(&mut self, entries: &[Entry]) {
        if self.hay.len() == entries.len() && self.spelled.len() == entries.len() {
            return;
        }
        let made: Vec<Prepared> = if entries.len() < ONE_THREAD {
            vec![prepare_run(entries)]
        } else {
            std::thread::scope(|scope| {
                let handles: Vec<_> = runs(entries, threads())
                    .map(|run| scope.spawn(move || prepare_run(run)))
                    .collect();
                handles
                    .into_iter()
                    .map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
                    .collect()
            })
        };
        self.hay = Vec::with_capacity(entries.len());
        self.spelled = Vec::with_capacity(entries.len());
        self.plain = Vec::with_capacity(entries.len());
        for run in made {
            self.hay.extend(run.hay);
            self.spelled.extend(run.spelled);
            self.plain.extend(run.plain);
        }
    }

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
        self.rank_typed_in_steps(entries, typed, usize::MAX, |_| {})
    }

    /// [`Ranker::rank_typed`] in the steps of [`Ranker::rank_in_steps`].
    pub fn rank_typed_in_steps(
        &mut self,
        entries: &[Entry],
        typed: &str,
        rows: usize,
        first: impl FnOnce(&[usize]),
    ) -> Vec<usize> {
        let ranked = match self.last.take() {
            Some((before, among))
                if !before.trim().is_empty()
                    && !typed.contains(['!', '^', '$', '\'', '\\'])
                    && typed.starts_with(&before)
                    && !typed[before.len()..].contains(' ') =>
            {
                self.rank_in_steps(entries, among, typed, rows, first)
            }
            _ => self.rank_in_steps(entries, 0..entries.len(), typed, rows, first),
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
        self.rank_in_steps(entries, among, typed, usize::MAX, |_| {})
    }

    /// [`Ranker::rank_among`] in two steps: the titles matched directly
    /// are scored first, and when `rows` or more match so, their ranking
    /// (what a screen of `rows` shows first) is handed to `first` before
    /// the titles matched by pinyin, which rank after all of them, are
    /// scored. Returns the whole ranking.
    pub fn rank_in_steps(
        &mut self,
        entries: &[Entry],
        among: impl IntoIterator<Item = usize>,
        typed: &str,
        rows: usize,
        first: impl FnOnce(&[usize]),
    ) -> Vec<usize> {
        self.steps(entries, among, typed, rows, first, false)
    }

    /// What a screen of `rows` shows first: the first step of
    /// [`Ranker::rank_in_steps`] when there is one, else the whole ranking
    /// (a measure of how long a keystroke waits).
    pub fn first_screen(&mut self, entries: &[Entry], typed: &str, rows: usize) -> Vec<usize> {
        let mut got = None;
        let whole = self.steps(
            entries,
            0..entries.len(),
            typed,
            rows,
            |f| got = Some(f.to_vec()),
            true,
        );
        got.unwrap_or(whole)
    }

    fn steps(
        &mut self,
        entries: &[Entry],
        among: impl IntoIterator<Item = usize>,
        typed: &str,
        rows: usize,
        first: impl FnOnce(&[usize]),
        first_only: bool,
    ) -> Vec<usize> {
        if typed.trim().is_empty() {
            return (0..entries.len()).collect();
        }
        self.prepare(entries);
        let among: Vec<usize> = among.into_iter().collect();
        let query = Query::new(typed);
        let n = if among.len() < ONE_THREAD {
            1
        } else {
            threads()
        };
        while self.matchers.len() < n {
            self.matchers
                .push(nucleo_matcher::Matcher::new(Config::DEFAULT));
        }
        self.scratch.resize_with(n, Vec::new);
        let labels = Labels {
            entries,
            hay: &self.hay,
            spelled: &self.spelled,
            plain: &self.plain,
        };
        let (direct, rest) = share_out(
            &among,
            n,
            &mut self.matchers,
            &mut self.scratch,
            |run, m, _| query.direct(run, &labels, m),
        );
        let mut ranked = direct;
        sort_scored(&mut ranked);
        if !query.by_pinyin || rest.is_empty() {
            return ranked.into_iter().map(|(_, _, i)| i).collect();
        }
        let mut out: Vec<usize> = ranked.iter().map(|&(_, _, i)| i).collect();
        if out.len() >= rows {
            first(&out);
            if first_only {
                return out;
            }
        }
        let (mut by_pinyin, _) = share_out(
            &rest,
            n,
            &mut self.matchers,
            &mut self.scratch,
            |run, m, s| (query.by_pinyin(run, &labels, m, s), Vec::<usize>::new()),
        );
        sort_scored(&mut by_pinyin);
        out.extend(by_pinyin.into_iter().map(|(_, _, i)| i));
        out
    }

    /// The character positions of `typed`'s match in `label`, for
    /// highlighting; empty when it does not match.
    pub fn positions(&mut self, label: &str, typed: &str) -> Vec<usize> {
        let pattern = Pattern::parse(typed, CaseMatching::Smart, Normalization::Smart);
        let mut at = Vec::new();
        let hay = Utf32Str::new(label, &mut self.buf);
        let matcher = &mut self.matchers[0];
        if pattern.indices(hay, matcher, &mut at).is_none() {
            // Matched by pinyin: each word directly or by its readings.
            at.clear();
            let spelled = Spelled::of(label);
            for word in typed.split_whitespace() {
                let p = Pattern::parse(word, CaseMatching::Smart, Normalization::Smart);
                let hay = Utf32Str::new(label, &mut self.buf);
                if p.indices(hay, matcher, &mut at).is_some() {
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

/// The labels as they are matched, made ready once.
struct Prepared {
    hay: Vec<Utf32String>,
    spelled: Vec<Spelled>,
    plain: Vec<bool>,
}

/// The matcher's form, the readings and the plainness of each of
/// `entries`.
fn prepare_run(entries: &[Entry]) -> Prepared {
    let mut out = Prepared {
        hay: Vec::with_capacity(entries.len()),
        spelled: Vec::with_capacity(entries.len()),
        plain: Vec::with_capacity(entries.len()),
    };
    for e in entries {
        out.hay.push(Utf32String::from(e.label.as_str()));
        out.spelled.push(Spelled::of(&e.label));
        out.plain.push(plain(&e.label));
    }
    out
}

/// True when `label` holds no character the matcher might match by
/// another (a Latin letter with a mark, which it may take for the plain
/// one; a fullwidth or letterlike form; a capital that is not ASCII):
/// then a pattern's characters must be in its bytes, in order, for it to
/// match at all, which is quick to check.
fn plain(label: &str) -> bool {
    label.chars().all(|c| {
        let c = u32::from(c);
        c < 0x80
            || (0x2000..=0x206F).contains(&c)
            || (0x2190..=0x2BFF).contains(&c)
            || (0x2E80..=0xD7AF).contains(&c)
            || (0xFF01..=0xFF20).contains(&c)
            || (0xFF3B..=0xFF40).contains(&c)
            || (0xFF5B..=0xFF65).contains(&c)
    })
}

/// What a ranking looks at.
struct Labels<'a> {
    entries: &'a [Entry],
    hay: &'a [Utf32String],
    spelled: &'a [Spelled],
    plain: &'a [bool],
}

/// Runs `f` on `items` cut into `n` runs, each on a thread of its own
/// with a matcher and a table of its own, and joins what they give in
/// order.
fn share_out<T: Send, U: Send>(
    items: &[usize],
    n: usize,
    matchers: &mut [nucleo_matcher::Matcher],
    scratch: &mut [Vec<pinyin::Cell>],
    f: impl Fn(&[usize], &mut nucleo_matcher::Matcher, &mut Vec<pinyin::Cell>) -> (Vec<T>, Vec<U>)
    + Sync,
) -> (Vec<T>, Vec<U>) {
    if n == 1 || items.len() < ONE_THREAD {
        return f(items, &mut matchers[0], &mut scratch[0]);
    }
    std::thread::scope(|scope| {
        let f = &f;
        let handles: Vec<_> = runs(items, n)
            .zip(matchers.iter_mut().zip(scratch.iter_mut()))
            .map(|(run, (m, s))| scope.spawn(move || f(run, m, s)))
            .collect();
        let (mut a, mut b) = (Vec::new(), Vec::new());
        for h in handles {
            let (x, y) = h.join().unwrap_or_else(|e| std::panic::resume_unwind(e));
            a.extend(x);
            b.extend(y);
        }
        (a, b)
    })
}

/// Best first: by tier, then score, then outline order.
fn sort_scored(scored: &mut [Scored]) {
    scored.sort_unstable_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)).then(a.2.cmp(&b.2)));
}

#[cfg(test)]
mod tests;
