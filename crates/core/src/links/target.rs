//! What a link names, read from where it points:
//!
//! ```text
//! [[2024-01-05]] [[2024/01/05]] [[8.23]] [x](2024-01-05.md)   a date
//! [[2024-01-05#Congestion control]]                            a date, a heading in it
//! [[TCP handshake]]  [[TCP handshake#Why three?]]              a title (or a file's name)
//! [x](other.md#heading)  [x](assets/diagram.png)               a file of the folder
//! [x](#heading)                                                a heading of the same day
//! https://x.io  [x](https://x.io)  <mailto:a@b.c>              a URL
//! ```

use crate::notes::NoteDate;

/// What a link names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// An address outside the notes (`https:`, `mailto:` …).
    Url(String),
    /// A day by its date, and maybe a heading in it.
    Date {
        /// The date (its year when written).
        date: NoteDate,
        /// A topic's or section's title after `#`.
        heading: Option<String>,
    },
    /// A day's, topic's or section's title, or a file's name without its
    /// extension (`[[Ownership]]` is `Ownership.md`).
    Name {
        /// The name.
        name: String,
        /// A heading under it, after `#`.
        heading: Option<String>,
    },
    /// A file, relative to the file of the link.
    File {
        /// The path as written.
        path: String,
        /// A heading in it, after `#`.
        heading: Option<String>,
    },
    /// A heading of the link's own day (`[x](#heading)`).
    Here {
        /// The heading.
        heading: String,
    },
}

impl Target {
    /// What `dest` names; `wiki` for a `[[wiki link]]`.
    pub fn of(dest: &str, wiki: bool) -> Target {
        let dest = dest.trim();
        if is_url(dest) {
            return Target::Url(dest.to_string());
        }
        let (path, heading) = match dest.split_once('#') {
            Some((p, h)) => (p.trim(), Some(h.trim()).filter(|h| !h.is_empty())),
            None => (dest, None),
        };
        let heading = heading.map(percent_decoded);
        if path.is_empty() {
            return match heading {
                Some(heading) => Target::Here { heading },
                None => Target::Name {
                    name: String::new(),
                    heading: None,
                },
            };
        }
        if wiki {
            return match date_of(path) {
                Some(date) => Target::Date { date, heading },
                None => Target::Name {
                    name: path.to_string(),
                    heading,
                },
            };
        }
        Target::File {
            path: percent_decoded(path),
            heading,
        }
    }

    /// The heading after `#`, if any.
    pub fn heading(&self) -> Option<&str> {
        match self {
            Target::Date { heading, .. }
            | Target::Name { heading, .. }
            | Target::File { heading, .. } => heading.as_deref(),
            Target::Here { heading } => Some(heading),
            Target::Url(_) => None,
        }
    }
}

/// A scheme before `:` (letters first, then letters, digits, `+-.`), as
/// `https://` and `mailto:` have; a Windows drive letter (`C:`) is none.
pub fn is_url(dest: &str) -> bool {
    let Some((scheme, _)) = dest.split_once(':') else {
        return false;
    };
    scheme.len() > 1
        && scheme.starts_with(|c: char| c.is_ascii_alphabetic())
        && scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
        && (dest.contains("://") || scheme.eq_ignore_ascii_case("mailto"))
}

/// The date a link's name or file stem is: `2024-01-05`, `2024/01/05`,
/// `2024_01_05` (Logseq's file names), `8.23`, `8月23日`; a valid one only.
pub fn date_of(name: &str) -> Option<NoteDate> {
    let stem = name.rsplit(['/', '\\']).next().unwrap_or(name);
    let stem = stem
        .strip_suffix(".md")
        .or_else(|| stem.strip_suffix(".markdown"))
        .or_else(|| stem.strip_suffix(".txt"))
        .or_else(|| stem.strip_suffix(".org"))
        .unwrap_or(stem);
    let whole = |s: &str| {
        crate::dates::parse_heading_date(s)
            .filter(|d| crate::dates::is_valid(d.year, d.month, d.day))
    };
    let d = whole(name.trim()).or_else(|| whole(&stem.replace('_', "-")))?;
    Some(NoteDate {
        year: d.year,
        month: u8::try_from(d.month).ok()?,
        day: u8::try_from(d.day).ok()?,
    })
}

/// `%20` and the like decoded, as a markdown link to `my%20notes.md` means
/// `my notes.md`; anything else kept as written.
fn percent_decoded(s: &str) -> String {
    if !s.contains('%') {
        return s.to_string();
    }
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        if bytes[i] == b'%'
            && let (Some(h), Some(l)) = (
                bytes.get(i + 1).copied().and_then(hex),
                bytes.get(i + 2).copied().and_then(hex),
            )
        {
            out.push(u8::try_from(h * 16 + l).unwrap_or(b'?'));
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).unwrap_or_else(|_| s.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(year: Option<i32>, month: u8, day: u8) -> NoteDate {
        NoteDate { year, month, day }
    }

    #[test]
    fn every_form_of_target() {
        let d = date(Some(2024), 1, 5);
        assert_eq!(
            Target::of("2024-01-05", true),
            Target::Date {
                date: d,
                heading: None
            }
        );
        assert_eq!(
            Target::of("2024/01/05", true),
            Target::Date {
                date: d,
                heading: None
            }
        );
        assert_eq!(
            Target::of("2024-01-05#Congestion control", true),
            Target::Date {
                date: d,
                heading: Some("Congestion control".into())
            }
        );
        assert_eq!(
            Target::of("8.23", true),
            Target::Date {
                date: date(None, 8, 23),
                heading: None
            }
        );
        assert_eq!(
            Target::of("TCP handshake", true),
            Target::Name {
                name: "TCP handshake".into(),
                heading: None
            }
        );
        assert_eq!(
            Target::of("other%20notes.md#Heading", false),
            Target::File {
                path: "other notes.md".into(),
                heading: Some("Heading".into())
            }
        );
        assert_eq!(
            Target::of("#top", false),
            Target::Here {
                heading: "top".into()
            }
        );
        assert_eq!(
            Target::of("https://x.io/a#b", false),
            Target::Url("https://x.io/a#b".into())
        );
        assert_eq!(
            Target::of("mailto:a@b.c", false),
            Target::Url("mailto:a@b.c".into())
        );
        assert!(!is_url("C:/notes.md"));
        assert_eq!(
            date_of("journals/2024_01_04.md"),
            Some(date(Some(2024), 1, 4))
        );
        assert_eq!(date_of("2024-02-30.md"), None, "no such day");
    }
}
