//! Dates inside brackets: org timestamps (`<2024-01-02 Tue>`), black
//! lenticular brackets (`【2024-02-06】`) and links to daily notes
//! (`[[2024-01-02]]`). The brackets belong to the date: its length takes
//! them in.

use super::{Form, Written, is_weekday_name, leading_date, numeric, whole_date, written};

/// `[[2024-01-02]]`, `[[2024-01-02|Tuesday]]`: a link to a daily note
/// (Obsidian, Logseq), the date its whole target.
pub(super) fn wiki_link(s: &str) -> Option<Written> {
    let inner = s.strip_prefix("[[")?;
    let end = inner.find("]]")?;
    let target = inner[..end].split('|').next()?;
    let w = whole_date(target)?;
    Some(Written {
        len: 2 + end + 2,
        ..w
    })
}

/// `【2024-02-06】`, `【2月6日 周二】`: a date in black lenticular brackets,
/// a weekday after it inside them.
pub(super) fn bracketed(s: &str) -> Option<Written> {
    let inner = s.strip_prefix('【')?;
    let end = inner.find('】')?;
    let inside = &inner[..end];
    let w = leading_date(inside)?;
    let tail = inside[w.len..].trim_matches([' ', '\u{3000}']);
    let weekday = ["星期", "周", "礼拜", "週"]
        .iter()
        .any(|p| tail.strip_prefix(p).is_some_and(|d| d.chars().count() == 1))
        || is_weekday_name(tail);
    (tail.is_empty() || weekday).then_some(Written {
        len: '【'.len_utf8() + end + '】'.len_utf8(),
        range: false,
        ..w
    })
}

/// `<2024-01-02 Tue>`, `[2024-01-02 Tue 09:00]`: an ISO date in brackets,
/// with a weekday and times before the closing bracket.
pub(super) fn org(s: &str) -> Option<Written> {
    let close = if s.starts_with('<') { '>' } else { ']' };
    let inner = &s[1..];
    let end = inner.find(close)?;
    let inside = &inner[..end];
    let iso = numeric(inside)?;
    if iso.date.year.is_none() || iso.form != Form::Numeric {
        return None;
    }
    let tail = &inside[iso.len..];
    // A weekday in any language (`Tue`, `Пн.`, `火`), times, a repeater.
    let plain = |c: char| c.is_alphanumeric() || " :.-+".contains(c);
    if tail.chars().count() > 24
        || !tail.chars().all(plain)
        || !(tail.is_empty() || tail.starts_with(' '))
    {
        return None;
    }
    written(iso.date, 1 + end + 1, Form::Org)
}

#[cfg(test)]
mod tests {
    use super::super::leading_date;

    /// `(year, month, day, bytes, range)` of the date at the start of `s`.
    fn read(s: &str) -> Option<(Option<i32>, u32, u32, usize, bool)> {
        leading_date(s).map(|w| (w.date.year, w.date.month, w.date.day, w.len, w.range))
    }

    #[test]
    fn links_to_daily_notes() {
        assert_eq!(read("[[2024-01-02]]"), Some((Some(2024), 1, 2, 14, false)));
        assert_eq!(
            read("[[2024-01-02|Tue]] x"),
            Some((Some(2024), 1, 2, 18, false))
        );
        assert_eq!(
            read("[[Jan 2nd, 2024]]"),
            Some((Some(2024), 1, 2, 17, false))
        );
        for s in [
            "[[2024-01-02 notes]]",
            "[[Kubernetes]]",
            "[[2024-01-02]",
            "[[]]",
        ] {
            assert_eq!(read(s), None, "{s:?}");
        }
    }

    #[test]
    fn dates_in_lenticular_brackets() {
        assert_eq!(
            read("【2024-02-06】 x"),
            Some((Some(2024), 2, 6, 16, false))
        );
        assert_eq!(read("【2月6日 周二】"), Some((None, 2, 6, 21, false)));
        assert_eq!(read("【8.22 Tue】"), Some((None, 8, 22, 14, false)));
        for s in [
            "【2024-02-06 重要事项】",
            "【笔记】",
            "【2024-02-06",
            "【x 2024-02-06】",
        ] {
            assert_eq!(read(s), None, "{s:?}");
        }
    }

    #[test]
    fn org_timestamps() {
        assert_eq!(
            read("<2024-01-02 Tue>"),
            Some((Some(2024), 1, 2, 16, false))
        );
        assert_eq!(
            read("[2024-01-02 Tue 09:00] x"),
            Some((Some(2024), 1, 2, 22, false))
        );
        assert_eq!(read("<2024-01-02>"), Some((Some(2024), 1, 2, 12, false)));
        // Any language's weekday.
        let ru = "<2016-03-14 Пн.>";
        assert_eq!(read(ru), Some((Some(2016), 3, 14, ru.len(), false)));
        assert_eq!(read("[8.22]"), None);
        assert_eq!(read("[2024-01-02 see [x]]"), None);
        assert_eq!(read("[link](2024-01-02)"), None);
    }
}
