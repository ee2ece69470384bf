//! Dates with a month name in another language than English, day first as
//! those languages write them, and the compact forms of logs:
//!
//! ```text
//! 2 janvier 2024   15. Mai 2023   2 de enero de 2024   15 мая 2023   day, month, year
//! 15MAY2020  03Jan2021                                                 run together
//! 20240201                                                             eight digits
//! ```
//!
//! Not read as day headings by themselves: the parser takes them where a
//! file writes its days so, line after line (see `parse::heading`'s
//! candidates), since `2 mars` or `20240201` alone could be anything.

use super::cursor::Cursor;
use super::{Form, Written, date, month_name};

/// Month names, January first: French, German, Spanish, Italian,
/// Portuguese, Dutch, and Russian in the genitive (`15 мая`).
const MONTHS: [[&str; 12]; 7] = [
    [
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ],
    [
        "januar",
        "februar",
        "märz",
        "april",
        "mai",
        "juni",
        "juli",
        "august",
        "september",
        "oktober",
        "november",
        "dezember",
    ],
    [
        "enero",
        "febrero",
        "marzo",
        "abril",
        "mayo",
        "junio",
        "julio",
        "agosto",
        "septiembre",
        "octubre",
        "noviembre",
        "diciembre",
    ],
    [
        "gennaio",
        "febbraio",
        "marzo",
        "aprile",
        "maggio",
        "giugno",
        "luglio",
        "agosto",
        "settembre",
        "ottobre",
        "novembre",
        "dicembre",
    ],
    [
        "janeiro",
        "fevereiro",
        "março",
        "abril",
        "maio",
        "junho",
        "julho",
        "agosto",
        "setembro",
        "outubro",
        "novembro",
        "dezembro",
    ],
    [
        "januari",
        "februari",
        "maart",
        "april",
        "mei",
        "juni",
        "juli",
        "augustus",
        "september",
        "oktober",
        "november",
        "december",
    ],
    [
        "января",
        "февраля",
        "марта",
        "апреля",
        "мая",
        "июня",
        "июля",
        "августа",
        "сентября",
        "октября",
        "ноября",
        "декабря",
    ],
];

/// The month a word names in any of the languages above or in English:
/// in full, by its first three letters (`Okt`, `déc`), or by a longer
/// beginning with a dot after it (`janv.`, `Sept.`, `сент.`).
pub fn any_month(word: &str, dot: bool) -> Option<u32> {
    if let Some(m) = month_name(word) {
        return Some(m);
    }
    let lower = word.to_lowercase();
    let letters = lower.chars().count();
    for names in &MONTHS {
        for (i, name) in names.iter().enumerate() {
            let short = letters == 3 || (dot && letters > 3);
            if lower == *name || (short && name.starts_with(&lower)) {
                return Some(i as u32 + 1);
            }
        }
    }
    None
}

/// A month word at the cursor (letters of any script), with the dot after
/// an abbreviation.
fn month_word(c: &mut Cursor<'_>) -> Option<u32> {
    let rest = c.rest();
    let n = rest
        .char_indices()
        .find(|&(_, ch)| !ch.is_alphabetic())
        .map_or(rest.len(), |(i, _)| i);
    if n == 0 {
        return None;
    }
    let dot = rest[n..].starts_with('.');
    let month = any_month(&rest[..n], dot)?;
    c.at += n + usize::from(dot);
    Some(month)
}

/// `2 janvier 2024`, `15. Mai 2023`, `2 de enero de 2024`, `15 мая`,
/// `15MAY2020`: the day, a month name, and a year when one follows.
pub(super) fn day_month_year(s: &str) -> Option<Written> {
    let mut c = Cursor::new(s);
    let (day, _) = c.digits(2)?;
    let glued = c.peek().is_some_and(char::is_alphabetic);
    if !glued {
        c.eat('.');
        if c.spaces() == 0 {
            return None;
        }
        let mut probe = c;
        if probe.word() == "de" && probe.spaces() > 0 {
            c = probe;
        }
    }
    let month = month_word(&mut c)?;
    let mut end = c.at;
    let mut year = None;
    let mut probe = c;
    probe.eat(',');
    let spaced = probe.spaces() > 0;
    if spaced {
        let mut de = probe;
        if de.word() == "de" && de.spaces() > 0 {
            probe = de;
        }
    }
    if (spaced || glued)
        && let Some((y, 4)) = probe.digits(4)
        && probe.at_boundary()
    {
        year = Some(y as i32);
        end = probe.at;
    } else if glued {
        // `15MAY` alone is too little.
        return None;
    }
    if !(Cursor { s, at: end }).at_boundary() {
        return None;
    }
    Some(Written {
        date: date(year, month, day),
        len: end,
        form: Form::Named,
        range: false,
        order: None,
    })
}

/// `20240201`: eight digits that make a likely date, year first.
pub(super) fn compact(s: &str) -> Option<Written> {
    let mut c = Cursor::new(s);
    let (n, 8) = c.digits(8)? else {
        return None;
    };
    // `20250216进展`: a Chinese title may follow at once.
    if !c.at_boundary() {
        return None;
    }
    let (year, month, day) = (n / 10_000, n / 100 % 100, n % 100);
    if !(1900..2100).contains(&year) || !crate::dates::is_valid(Some(year as i32), month, day) {
        return None;
    }
    Some(Written {
        date: date(Some(year as i32), month, day),
        len: 8,
        form: Form::Numeric,
        range: false,
        order: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(s: &str) -> Option<(Option<i32>, u32, u32, usize)> {
        day_month_year(s).map(|w| (w.date.year, w.date.month, w.date.day, w.len))
    }

    #[test]
    fn day_month_year_in_many_languages() {
        assert_eq!(read("2 janvier 2024"), Some((Some(2024), 1, 2, 14)));
        assert_eq!(read("15. Mai 2023 x"), Some((Some(2023), 5, 15, 12)));
        assert_eq!(
            read("2 de enero de 2024"),
            Some((Some(2024), 1, 2, "2 de enero de 2024".len()))
        );
        assert_eq!(
            read("15 мая 2023"),
            Some((Some(2023), 5, 15, "15 мая 2023".len()))
        );
        assert_eq!(
            read("3 déc. 2023"),
            Some((Some(2023), 12, 3, "3 déc. 2023".len()))
        );
        assert_eq!(read("15 Okt"), Some((None, 10, 15, 6)));
        assert_eq!(read("15MAY2020"), Some((Some(2020), 5, 15, 9)));
        assert_eq!(read("4 Feb 2021"), Some((Some(2021), 2, 4, 10)));
        for s in [
            "15MAY", "2 jours", "2 mardi", "15 Mais", "2janvier", "x 2 mai",
        ] {
            assert_eq!(read(s), None, "{s:?}");
        }
    }

    #[test]
    fn eight_digits() {
        let r = |s: &str| compact(s).map(|w| (w.date.year, w.date.month, w.date.day));
        assert_eq!(r("20240201"), Some((Some(2024), 2, 1)));
        assert_eq!(r("20250216进展"), Some((Some(2025), 2, 16)));
        for s in ["20241301", "12345678", "202402011", "20240230", "20240201x"] {
            assert_eq!(r(s), None, "{s:?}");
        }
    }
}
