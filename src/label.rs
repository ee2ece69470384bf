//! The names nodes go by on screen and in `show` (outline rows, headings,
//! the breadcrumb, a file's name), every one passed through
//! [`crate::sanitize`]. Plain strings: the viewer and the commands both
//! use them.

use crate::notes::{Day, Notebook, Topic};
use crate::outline::{NodeId, section_path};
use crate::sanitize;

/// `s` safe for one row of cells: controls become placeholders
/// ([`crate::sanitize`]) and tabs spaces.
pub fn clean(s: &str) -> String {
    sanitize::visible(s).replace('\t', " ")
}

/// `8.22`, or `2025-08-22`, followed by the heading's own title if any.
pub fn day(day: &Day) -> String {
    match day_title(day) {
        Some(t) => format!("{} {t}", day.date),
        None => day.date.to_string(),
    }
}

/// The day heading's own title (after its date), if it has one.
pub fn day_title(day: &Day) -> Option<String> {
    day.title
        .as_deref()
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(clean)
}

/// The weekday shown after a day's date and title (`Fri`), unless the
/// title starts with one of its own, in any language (`## 2024-01-02
/// Tue`, `2024年1月2日 星期二`, `Montag 15.05.2023`, `2024年1月2日(火)`).
pub fn day_weekday(day: &Day) -> Option<&'static str> {
    let own = day.title.as_deref().is_some_and(|t| {
        let t = t.trim();
        crate::dates::starts_with_weekday(t) || crate::dates::weekday_at(t).is_some()
    });
    if own {
        None
    } else {
        crate::outline::weekday(day.date)
    }
}

/// The day's date in full: `Fri 2025-08-22` when its year is known, else
/// `8.22`.
pub fn full_date(day: &Day) -> String {
    match crate::outline::weekday(day.date) {
        Some(w) => format!("{w} {}", day.date),
        None => day.date.to_string(),
    }
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
pub fn node(nb: &Notebook, id: NodeId) -> String {
    let Some(d) = nb.days.get(id.day_index()) else {
        return String::new();
    };
    let Some(t) = id.topic_index().and_then(|t| d.topics.get(t)) else {
        return day(d);
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
pub fn breadcrumb(nb: &Notebook, id: NodeId) -> Vec<String> {
    let Some(d) = nb.days.get(id.day_index()) else {
        return Vec::new();
    };
    let mut out = vec![day(d)];
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

    #[test]
    fn a_weekday_is_added_unless_the_title_has_one() {
        let weekdays = |text: &str| -> Vec<Option<&'static str>> {
            let nb = crate::load::from_text("t", text.to_string());
            nb.days.iter().map(day_weekday).collect()
        };
        assert_eq!(
            weekdays(
                "## 2024-01-02\n## 2024-01-03 Wed\n## 2024-01-04 (Thu)\n## 2024-01-05 review\n"
            ),
            [Some("Tue"), None, None, Some("Fri")]
        );
        assert_eq!(
            weekdays("2024年1月2日 星期二 晴\n2024年1月3日 周三\n2024年1月4日\n"),
            [None, None, Some("Thu")]
        );
        // No year, no weekday.
        assert_eq!(weekdays("8.22:\n"), [None]);
    }
}
