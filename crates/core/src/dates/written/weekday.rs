//! Weekday names as diaries write them, in the languages daynotes has met
//! in people's logs: English, German, French, Spanish, Italian, Portuguese,
//! Dutch, Russian, Chinese, Japanese and Korean, full or short.
//!
//! ```text
//! Montag  Mo.  mardi  mar.  miércoles  понедельник  Пн.      a word
//! 星期二  周二  礼拜二  火曜日  월요일                           CJK
//! (火)  （水）  (월)                                           one sign, in brackets
//! ```
//!
//! The day heading rules read English and Chinese weekdays after a date
//! ([`super::starts_with_weekday`]); these names are for the lines whose
//! shape the parser learns from the file (a weekday before the date, in
//! another language), for a title that already names its weekday, and for
//! telling when a weekday does not match its date.

/// Names of the weekdays, Monday first, in full; each also matches its
/// first three letters (`Mon`, `Die`, `mer`) and longer beginnings with a
/// dot (`Mittw.`).
const FULL: [[&str; 7]; 9] = [
    ENGLISH_DAYS,
    [
        "montag",
        "dienstag",
        "mittwoch",
        "donnerstag",
        "freitag",
        "samstag",
        "sonntag",
    ],
    [
        "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
    ],
    [
        "lunes",
        "martes",
        "miércoles",
        "jueves",
        "viernes",
        "sábado",
        "domingo",
    ],
    [
        "lunedì",
        "martedì",
        "mercoledì",
        "giovedì",
        "venerdì",
        "sabato",
        "domenica",
    ],
    [
        "segunda-feira",
        "terça-feira",
        "quarta-feira",
        "quinta-feira",
        "sexta-feira",
        "sábado",
        "domingo",
    ],
    [
        "maandag",
        "dinsdag",
        "woensdag",
        "donderdag",
        "vrijdag",
        "zaterdag",
        "zondag",
    ],
    [
        "понедельник",
        "вторник",
        "среда",
        "четверг",
        "пятница",
        "суббота",
        "воскресенье",
    ],
    [
        "月曜日",
        "火曜日",
        "水曜日",
        "木曜日",
        "金曜日",
        "土曜日",
        "日曜日",
    ],
];

/// The English names, in full.
pub(super) const ENGLISH_DAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// Short forms that are not simply the first letters of a full name, or
/// that are too short to be taken as such: German `Mo` … `So`, Russian
/// `Пн` … `Вс`, Spanish `mié`, Portuguese `seg` … ; and the Korean names.
const SHORT: [[&str; 7]; 5] = [
    ["mo", "di", "mi", "do", "fr", "sa", "so"],
    ["пн", "вт", "ср", "чт", "пт", "сб", "вс"],
    ["seg", "ter", "qua", "qui", "sex", "sáb", "dom"],
    [
        "월요일",
        "화요일",
        "수요일",
        "목요일",
        "금요일",
        "토요일",
        "일요일",
    ],
    ["月曜", "火曜", "水曜", "木曜", "金曜", "土曜", "日曜"],
];

/// English short forms of four and five letters.
const ENGLISH: [(&str, u8); 4] = [("tues", 1), ("weds", 2), ("thur", 3), ("thurs", 3)];

/// The signs one character long that name a weekday inside brackets:
/// Japanese `(火)`, Korean `(화)`, Chinese `(二)` is not one (too common).
const SIGNS: [[char; 7]; 2] = [
    ['月', '火', '水', '木', '金', '土', '日'],
    ['월', '화', '수', '목', '금', '토', '일'],
];

/// Letters of a short form without a dot: three.
const SHORTEST: usize = 3;

/// A weekday named at the start of `s`, 0 = Monday … 6 = Sunday, and the
/// bytes it takes (a `.` after a short form included, brackets around a
/// sign included): `Montag`, `Mo.`, `mardi`, `Пн.`, `星期二`, `周二`,
/// `火曜日`, `월요일`, `(火)`, `（월）`, `Tue`.
pub fn weekday_at(s: &str) -> Option<(u8, usize)> {
    let first = *s.as_bytes().first()?;
    // Most texts answer here: digits, punctuation.
    if first.is_ascii() && !first.is_ascii_alphabetic() && first != b'(' {
        return None;
    }
    if let Some(found) = chinese(s).or_else(|| in_brackets(s)) {
        return Some(found);
    }
    let n = s
        .char_indices()
        .find(|&(_, c)| !(c.is_alphabetic() || c == '-'))
        .map_or(s.len(), |(i, _)| i);
    let word = s[..n].trim_end_matches('-');
    // The longest name has thirteen letters (`segunda-feira`), some of
    // two bytes.
    if word.is_empty() || word.len() > 26 {
        return None;
    }
    let n = word.len();
    // The longest name has thirteen letters.
    let letters = word.chars().count();
    if letters > 13 {
        return None;
    }
    let lower = word.to_lowercase();
    let dot = s[n..].starts_with('.');
    let with_dot = n + usize::from(dot);
    // A short form: three letters, or more with a dot (`Mittw.`); `Mond`
    // and `Sonne` are words of their own.
    let short = letters == SHORTEST || (dot && letters > SHORTEST);
    for names in &FULL {
        for (i, name) in names.iter().enumerate() {
            if lower == *name {
                return Some((i as u8, n));
            }
            // `mar` without a dot is March, not mardi.
            if short
                && name.starts_with(lower.as_str())
                && letters < name.chars().count()
                && (dot || super::month_name(&lower).is_none())
            {
                return Some((i as u8, with_dot));
            }
        }
    }
    for names in &SHORT {
        if let Some(i) = names.iter().position(|name| lower == *name) {
            return Some((i as u8, with_dot));
        }
    }
    if let Some(&(_, i)) = ENGLISH.iter().find(|(name, _)| lower == *name) {
        return Some((i, with_dot));
    }
    // CJK names run into what follows (`火曜日10時`): look for them as
    // prefixes.
    for names in FULL[8..].iter().chain(&SHORT[3..]) {
        for (i, name) in names.iter().enumerate() {
            if s.starts_with(name) {
                return Some((i as u8, name.len()));
            }
        }
    }
    None
}

/// `星期二`, `周二`, `礼拜二`, `禮拜二`, `週二`, `星期天`.
fn chinese(s: &str) -> Option<(u8, usize)> {
    const NUMERALS: [char; 8] = ['一', '二', '三', '四', '五', '六', '日', '天'];
    for prefix in ["星期", "周", "礼拜", "禮拜", "週"] {
        if let Some(rest) = s.strip_prefix(prefix) {
            let c = rest.chars().next()?;
            let i = NUMERALS.iter().position(|&n| n == c)?;
            return Some((i.min(6) as u8, prefix.len() + c.len_utf8()));
        }
    }
    None
}

/// `(火)`, `（水）`, `(월)`, `(Mo)`, `（周二）`: a weekday in round
/// brackets, the brackets included.
fn in_brackets(s: &str) -> Option<(u8, usize)> {
    let open = s.chars().next().filter(|c| matches!(c, '(' | '（'))?;
    let inner = &s[open.len_utf8()..];
    let close = inner.find([')', '）'])?;
    let inside = inner[..close].trim();
    let closer = inner[close..].chars().next().map_or(1, char::len_utf8);
    let len = open.len_utf8() + close + closer;
    let mut chars = inside.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        for signs in &SIGNS {
            if let Some(i) = signs.iter().position(|&x| x == c) {
                return Some((i as u8, len));
            }
        }
        return None;
    }
    let (day, used) = weekday_at(inside)?;
    (used == inside.len()).then_some((day, len))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> Option<u8> {
        weekday_at(s).map(|(d, _)| d)
    }

    #[test]
    fn names_in_many_languages() {
        for (s, d) in [
            ("Monday", 0),
            ("Tue", 1),
            ("Tues", 1),
            ("Montag", 0),
            ("Dienstag 16.05", 1),
            ("Mo.", 0),
            ("Di, 02.01", 1),
            ("mardi 2 janvier", 1),
            ("mer.", 2),
            ("mar.", 1),
            ("miércoles", 2),
            ("sábado", 5),
            ("segunda-feira", 0),
            ("giovedì", 3),
            ("vrijdag", 4),
            ("Пн.", 0),
            ("воскресенье", 6),
            ("星期二", 1),
            ("星期天", 6),
            ("周三", 2),
            ("礼拜五", 4),
            ("火曜日", 1),
            ("金曜", 4),
            ("월요일", 0),
            ("(火)", 1),
            ("（水）", 2),
            ("(월)", 0),
            ("（周二）", 1),
            ("(Wed)", 2),
        ] {
            assert_eq!(day(s), Some(d), "{s:?}");
        }
    }

    #[test]
    fn lengths_take_the_dot_and_the_brackets() {
        assert_eq!(weekday_at("Mo. 15.05"), Some((0, 3)));
        assert_eq!(weekday_at("Montag 15.05"), Some((0, 6)));
        assert_eq!(weekday_at("（水）<br>"), Some((2, "（水）".len())));
        assert_eq!(weekday_at("星期二 晴"), Some((1, "星期二".len())));
    }

    #[test]
    fn words_that_are_not_weekdays() {
        for s in [
            "Mond",
            "Mayday",
            "(二)",
            "(x)",
            "周末",
            "Sonne",
            "Thursdays",
            "Mar 5",
            "",
        ] {
            assert_eq!(day(s), None, "{s:?}");
        }
        // German `Do` and `So` are weekdays as whole words; the caller
        // reads them before a date, never inside a sentence.
        assert_eq!(day("Do"), Some(3));
    }
}
