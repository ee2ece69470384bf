//! The names nodes go by on screen and in `show` (outline rows, headings,
//! the breadcrumb, a file's name), every one passed through
//! [`daynotes_core::sanitize`]. Plain strings: the viewer and the commands both
//! use them.

use daynotes_core::notes::{Day, Notebook, Topic};
use daynotes_core::outline::{NodeId, section_path};
use daynotes_core::sanitize;

/// `s` safe for one row of cells: controls become placeholders
/// ([`daynotes_core::sanitize`]) and tabs spaces.
pub fn clean(s: &str) -> String {
    sanitize::visible(s).replace('\t', " ")
}

/// How a notebook writes weekdays, learned from its day headings (`##
/// 2024-01-02 Tuesday`, `2024年1月2日 星期二`): the weekday shown beside
/// a day whose heading has none is written the same way.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Weekdays {
    /// `Tue` (also for notes that write none).
    #[default]
    Short,
    /// `Tuesday`.
    Long,
    /// `星期二`, `周二`, `礼拜二`…: the word before the day's character.
    Chinese(&'static str),
}

/// English weekday names, Monday first.
const LONG: [&str; 7] = daynotes_core::dates::WEEKDAY_NAMES;

/// The words Chinese puts before a weekday's character.
const CHINESE: [&str; 5] = ["星期", "周", "礼拜", "禮拜", "週"];

/// Day headings looked at to learn the weekdays: plenty to tell, and a
/// million-day notebook is not read through for it.
const LEARN_FROM: usize = 10_000;

impl Weekdays {
    /// The way most of `nb`'s day headings that write a weekday write it.
    pub fn learn(nb: &Notebook) -> Weekdays {
        let mut votes: Vec<(Weekdays, usize)> = Vec::new();
        for day in nb.days.iter().take(LEARN_FROM) {
            let Some(found) = day.title.as_deref().and_then(Weekdays::written) else {
                continue;
            };
            match votes.iter_mut().find(|(w, _)| *w == found) {
                Some((_, n)) => *n += 1,
                None => votes.push((found, 1)),
            }
        }
        // The most votes; the first written among equals.
        let most = votes.iter().map(|(_, n)| *n).max().unwrap_or(0);
        votes
            .iter()
            .find(|(_, n)| *n == most)
            .map_or(Weekdays::Short, |(w, _)| *w)
    }

    /// How `title` writes the weekday it starts with, if it does.
    fn written(title: &str) -> Option<Weekdays> {
        let t = title.trim().trim_start_matches(['(', '（', '[', '【']);
        if !daynotes_core::dates::starts_with_weekday(t) {
            return None;
        }
        if let Some(zh) = CHINESE.iter().find(|zh| t.starts_with(**zh)) {
            return Some(Weekdays::Chinese(zh));
        }
        let word = &t[..t.bytes().take_while(u8::is_ascii_alphabetic).count()];
        let long = LONG.iter().any(|l| l.eq_ignore_ascii_case(word));
        Some(if long {
            Weekdays::Long
        } else {
            Weekdays::Short
        })
    }

    /// The name of weekday `index` (0 Monday … 6 Sunday).
    pub fn name(self, index: usize) -> String {
        let index = index.min(6);
        match self {
            Weekdays::Short => daynotes_core::dates::WEEKDAYS[index].to_string(),
            Weekdays::Long => LONG[index].to_string(),
            Weekdays::Chinese(word) => {
                let day = ["一", "二", "三", "四", "五", "六", "日"][index];
                format!("{word}{day}")
            }
        }
    }

    /// The weekday of `date`, when its year is known.
    pub fn of(self, date: daynotes_core::notes::NoteDate) -> Option<String> {
        let (month, day) = (u32::from(date.month), u32::from(date.day));
        let year = date.year?;
        daynotes_core::dates::is_valid(Some(year), month, day)
            .then(|| self.name(daynotes_core::dates::weekday(year, month, day) as usize))
    }
}

/// A day's name, in the one form every place shows it (the outline, the
/// content pane, the status bar, the calendar, messages): its date, its
/// weekday when the year is known (written as the notes write weekdays),
/// and the heading's own title: `2024-01-02 Tue Kickoff`, `8.22 复习`,
/// `2024-01-03 Wed review` (a title that starts with a weekday keeps its
/// own).
pub fn day(day: &Day, names: Weekdays) -> String {
    let mut out = day.date.to_string();
    for part in [day_weekday(day, names), day_title(day)]
        .into_iter()
        .flatten()
    {
        out.push(' ');
        out.push_str(&part);
    }
    out
}

/// The day's date and weekday, without its title: `2025-09-01 Mon`, or
/// `8.22` when the year is not known.
pub fn full_date(day: &Day, names: Weekdays) -> String {
    match names.of(day.date) {
        Some(w) => format!("{} {w}", day.date),
        None => day.date.to_string(),
    }
}

/// The day heading's own title (after its date), if it has one.
pub fn day_title(day: &Day) -> Option<String> {
    day.own_title().map(clean)
}

/// The weekday shown after a day's date (`Fri`), unless its title starts
/// with one of its own, in any language (`## 2024-01-02 Tue`,
/// `2024年1月2日 星期二`, `Montag 15.05.2023`, `2024年1月2日(火)`) or its
/// year is not known.
pub fn day_weekday(day: &Day, names: Weekdays) -> Option<String> {
    let own = day.title.as_deref().is_some_and(|t| {
        let t = t.trim();
        daynotes_core::dates::starts_with_weekday(t)
            || daynotes_core::dates::weekday_at(t).is_some()
    });
    if own { None } else { names.of(day.date) }
}

/// `1. tcp握手`, or the title alone for a topic without a number.
pub fn topic(topic: &Topic) -> String {
    clean(&topic.numbered_title())
}

/// What leads a topic's heading, before its title: `1.`, `★ 1.` for a
/// starred journal entry, `★`, or nothing for a topic without a number.
pub fn topic_lead(topic: &Topic) -> String {
    let star = if topic.starred { "★" } else { "" };
    match (topic.number, star) {
        (Some(n), "") => format!("{n}."),
        (Some(n), star) => format!("{star} {n}."),
        (None, star) => star.to_string(),
    }
}

/// The last component of a path (a file's name, for the status bar).
pub fn file_name(path: &str) -> &str {
    path.rsplit(['/', '\\']).next().unwrap_or(path)
}

/// The title of one node (a day, a topic, or just the section's own title).
pub fn node(nb: &Notebook, id: NodeId, names: Weekdays) -> String {
    let Some(d) = nb.days.get(id.day_index()) else {
        return String::new();
    };
    let Some(t) = id.topic_index().and_then(|t| d.topics.get(t)) else {
        return day(d, names);
    };
    match id.section_index() {
        None => topic(t),
        Some(k) => section_path(t, k)
            .last()
            .map(|s| clean(t.section_title(s)))
            .unwrap_or_default(),
    }
}

/// The path from the day down to `id`, one name per level:
/// `["8.23", "2. 服务器发送事件SSE", "特点"]`.
pub fn breadcrumb(nb: &Notebook, id: NodeId, names: Weekdays) -> Vec<String> {
    let Some(d) = nb.days.get(id.day_index()) else {
        return Vec::new();
    };
    let mut out = vec![day(d, names)];
    if let Some(t) = id.topic_index().and_then(|t| d.topics.get(t)) {
        out.push(topic(t));
        if let Some(k) = id.section_index() {
            out.extend(section_path(t, k).iter().map(|s| clean(t.section_title(s))));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_safe_for_one_row() {
        assert_eq!(clean("a\tb\x1b[2Jc\u{202E}"), "a b␛[2Jc<U+202E>");
        assert_eq!(clean("tcp握手"), "tcp握手");
    }

    /// Each day's label, the weekdays learned from the notes.
    fn labels(text: &str) -> Vec<String> {
        let nb = daynotes_core::load::from_text("t", text.to_string());
        let names = Weekdays::learn(&nb);
        nb.days.iter().map(|d| day(d, names)).collect()
    }

    #[test]
    fn a_weekday_is_added_unless_the_title_has_one() {
        assert_eq!(
            labels("## 2024-01-02\n## 2024-01-03 Wed\n## 2024-01-04 (Thu)\n## 2024-01-05 review\n"),
            [
                "2024-01-02 Tue",
                "2024-01-03 Wed",
                "2024-01-04 (Thu)",
                "2024-01-05 Fri review"
            ]
        );
        // No year, no weekday.
        assert_eq!(labels("8.22: 复习\n"), ["8.22 复习"]);
    }

    #[test]
    fn weekdays_are_written_as_the_notes_write_them() {
        // The file writes 星期: the day without one gets 星期四.
        assert_eq!(
            labels("2024年1月2日 星期二 晴\n2024年1月3日 星期三\n2024年1月4日\n"),
            [
                "2024-01-02 星期二 晴",
                "2024-01-03 星期三",
                "2024-01-04 星期四"
            ]
        );
        assert_eq!(
            labels("2024年1月2日 周二\n2024年1月4日\n"),
            ["2024-01-02 周二", "2024-01-04 周四"]
        );
        assert_eq!(
            labels("## 2024-01-02 Tuesday\n## 2024-01-07\n"),
            ["2024-01-02 Tuesday", "2024-01-07 Sunday"]
        );
        let nb = daynotes_core::load::from_text("t", "## 2024-01-02\n".into());
        assert_eq!(Weekdays::learn(&nb), Weekdays::Short);
    }
}
