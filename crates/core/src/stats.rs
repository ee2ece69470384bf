//! Progress in figures: days, topics, how much was written (words, and
//! Chinese, Japanese and Korean characters one by one), month by month,
//! streaks of days with notes and the busiest weekday. Plain Rust; the
//! command `daynotes stats` and the calendar's year view print it.
//!
//! Days are placed on the date axis ([`crate::dates::Axis`]), so notes
//! without years (in the year assumed) and notes written newest first count
//! the same as any others.

use serde::Serialize;

use crate::dates::{Axis, Civil, WEEKDAYS, civil_from_days, weekday};
use crate::notes::Notebook;

/// A run of consecutive days with notes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct Streak {
    /// How many days.
    pub days: usize,
    /// The first day (days since 1970-01-01).
    #[serde(skip)]
    pub first: i64,
    /// The last day.
    #[serde(skip)]
    pub last: i64,
}

/// One month's figures.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Month {
    /// The year (assumed for notes that name none).
    pub year: i32,
    /// 1-12.
    pub month: u32,
    /// Days with notes.
    pub days: usize,
    /// Topics.
    pub topics: usize,
    /// Words (runs of letters and digits outside CJK text).
    pub words: usize,
    /// CJK characters.
    pub cjk: usize,
}

impl Month {
    /// Words and CJK characters together: how much was written.
    pub fn written(&self) -> usize {
        self.words + self.cjk
    }
}

/// The figures of a notebook.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Stats {
    /// Day headings.
    pub days: usize,
    /// Topics.
    pub topics: usize,
    /// Words outside CJK text.
    pub words: usize,
    /// CJK characters, each counted as one.
    pub cjk: usize,
    /// Month by month, in time order.
    pub months: Vec<Month>,
    /// The longest run of consecutive days with notes.
    pub longest: Streak,
    /// The run that ends today or yesterday (0 days when none does).
    pub current: Streak,
    /// The weekday with the most days of notes (0 Monday) and how many.
    pub busiest: Option<(usize, usize)>,
}

/// Counts `text`: (words, CJK characters).
pub fn count(text: &str) -> (usize, usize) {
    let (mut words, mut cjk, mut in_word) = (0, 0, false);
    for c in text.chars() {
        if is_cjk(c) {
            cjk += 1;
            in_word = false;
        } else if c.is_alphanumeric() {
            words += usize::from(!in_word);
            in_word = true;
        } else {
            in_word = false;
        }
    }
    (words, cjk)
}

/// Han ideographs, kana and hangul syllables: a character is a word.
pub fn is_cjk(c: char) -> bool {
    matches!(u32::from(c),
        0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xAC00..=0xD7AF
        | 0xF900..=0xFAFF | 0x20000..=0x3134F)
}

/// The figures of `nb`, its days placed by `axis`; `today` for the current
/// streak.
pub fn stats(nb: &Notebook, axis: &Axis, today: Civil) -> Stats {
    let mut months: Vec<Month> = Vec::new();
    let (mut words, mut cjk, mut topics) = (0, 0, 0);
    let mut numbers = Vec::new();
    let mut order: Vec<usize> = (0..nb.days.len()).collect();
    order.sort_by_key(|&d| (axis.date(d), d));
    for d in order {
        let day = &nb.days[d];
        let Some(date) = axis.date(d) else { continue };
        numbers.push(crate::dates::days_from_civil(date.0, date.1, date.2));
        let mut texts = vec![nb.text(day.source, day.preamble)];
        let title = day.title.as_deref().unwrap_or_default();
        for t in &day.topics {
            texts.push(t.title());
            texts.push(nb.text(day.source, t.body()));
        }
        let (w, c) = texts
            .iter()
            .chain([&title])
            .map(|t| count(t))
            .fold((0, 0), |a, b| (a.0 + b.0, a.1 + b.1));
        (words, cjk, topics) = (words + w, cjk + c, topics + day.topics.len());
        let month = match months.last_mut() {
            Some(m) if (m.year, m.month) == (date.0, date.1) => m,
            _ => {
                months.push(Month {
                    year: date.0,
                    month: date.1,
                    days: 0,
                    topics: 0,
                    words: 0,
                    cjk: 0,
                });
                months.last_mut().expect("just pushed")
            }
        };
        month.days += 1;
        month.topics += day.topics.len();
        month.words += w;
        month.cjk += c;
    }
    let (longest, current) = streaks(
        &numbers,
        crate::dates::days_from_civil(today.0, today.1, today.2),
    );
    let mut per_weekday = [0usize; 7];
    let mut distinct = numbers.clone();
    distinct.dedup();
    for &n in &distinct {
        let (y, m, d) = civil_from_days(n);
        per_weekday[weekday(y, m, d) as usize] += 1;
    }
    let busiest = (0..7)
        .max_by_key(|&w| (per_weekday[w], std::cmp::Reverse(w)))
        .filter(|&w| per_weekday[w] > 0)
        .map(|w| (w, per_weekday[w]));
    Stats {
        days: nb.days.len(),
        topics,
        words,
        cjk,
        months,
        longest,
        current,
        busiest,
    }
}

/// The longest streak of `days` (day numbers, ascending, repeats allowed)
/// and the one ending on `today` or the day before (0 days when none).
/// Days after today (notes dated ahead) count for the longest, not for the
/// current one.
pub fn streaks(days: &[i64], today: i64) -> (Streak, Streak) {
    let runs = |days: &[i64]| {
        let mut longest = Streak::default();
        let mut run: Option<Streak> = None;
        for &n in days {
            run = match run {
                Some(r) if n == r.last => Some(r),
                Some(r) if n == r.last + 1 => Some(Streak {
                    days: r.days + 1,
                    last: n,
                    ..r
                }),
                _ => Some(Streak {
                    days: 1,
                    first: n,
                    last: n,
                }),
            };
            if let Some(r) = run
                && r.days > longest.days
            {
                longest = r;
            }
        }
        (longest, run)
    };
    let (longest, _) = runs(days);
    let (_, last) = runs(&days[..days.partition_point(|&n| n <= today)]);
    let current = last
        .filter(|r| r.last == today || r.last + 1 == today)
        .unwrap_or_default();
    (longest, current)
}

/// `Fri`.
pub fn weekday_name(w: usize) -> &'static str {
    WEEKDAYS.get(w).copied().unwrap_or("")
}

/// A bar `value / max` of `width` cells, in eighths of a cell.
pub fn bar(value: usize, max: usize, width: usize) -> String {
    const PARTS: [char; 8] = [' ', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];
    if max == 0 || width == 0 {
        return String::new();
    }
    let eighths = (value * width * 8).div_ceil(max).min(width * 8);
    let mut s = "█".repeat(eighths / 8);
    if !eighths.is_multiple_of(8) {
        s.push(PARTS[eighths % 8]);
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::from_text;

    #[test]
    fn words_and_characters() {
        assert_eq!(count("TCP三次握手是建立可靠连接的机制："), (1, 14));
        assert_eq!(count("FIN → ACK → FIN, ok"), (4, 0));
        assert_eq!(count("**第一次握手（SYN）**："), (1, 5));
        assert_eq!(count(""), (0, 0));
    }

    #[test]
    fn streaks_longest_and_current() {
        let days = [10, 11, 11, 12, 20, 21];
        let (longest, current) = streaks(&days, 22);
        assert_eq!((longest.days, longest.first, longest.last), (3, 10, 12));
        assert_eq!(current.days, 2);
        assert_eq!(streaks(&days, 23).1.days, 0);
        assert_eq!(streaks(&[], 5), (Streak::default(), Streak::default()));
        // A day dated ahead of today does not end the streak that reaches
        // today.
        let ahead = [10, 11, 12, 40];
        let (longest, current) = streaks(&ahead, 12);
        assert_eq!((current.days, current.first, current.last), (3, 10, 12));
        assert_eq!(longest.days, 3);
        assert_eq!(streaks(&ahead, 13).1.days, 3, "ended yesterday");
    }

    #[test]
    fn the_seed_in_figures() {
        let nb = from_text("seed", crate::SAMPLE.into());
        let axis = Axis::new(&nb, 2025);
        let s = stats(&nb, &axis, (2025, 9, 12));
        assert_eq!((s.days, s.topics), (6, 11));
        let per: Vec<(u32, usize, usize)> = s
            .months
            .iter()
            .map(|m| (m.month, m.days, m.topics))
            .collect();
        assert_eq!(per, [(8, 4, 8), (9, 2, 3)]);
        assert_eq!(
            s.months.iter().map(Month::written).sum::<usize>(),
            s.words + s.cjk
        );
        // 8.22, 8.23, 8.24 in a row; 9.11 was yesterday.
        assert_eq!(s.longest.days, 3);
        assert_eq!(civil_from_days(s.longest.first), (2025, 8, 22));
        assert_eq!(s.current.days, 1);
        // 2025: 8.22 Fri, 8.23 Sat, 8.24 Sun, 8.30 Sat, 9.1 Mon, 9.11 Thu.
        assert_eq!(s.busiest, Some((5, 2)));
        assert!(s.cjk > 1000 && s.words > 50, "{} {}", s.cjk, s.words);
    }

    #[test]
    fn bars_in_eighths() {
        assert_eq!(bar(10, 10, 4), "████");
        assert_eq!(bar(5, 10, 4), "██");
        assert_eq!(bar(1, 10, 4), "▌");
        assert_eq!(bar(0, 10, 4), "");
        assert_eq!(bar(3, 0, 4), "");
    }
}
