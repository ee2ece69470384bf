//! Finding the links of one line of prose, with pulldown-cmark
//! (`ENABLE_WIKILINKS`) so that escapes, code spans and brackets that are
//! no link are read as CommonMark reads them, plus bare `https://` URLs,
//! which CommonMark leaves as text.
//!
//! ```text
//! see [[TCP handshake]] and [the RFC](https://x.io/rfc793), or https://y.io
//!     └ wiki: "TCP handshake"  └ inline: dest https://x.io/rfc793   └ bare
//! ```

use pulldown_cmark::{Event, LinkType, Options, Parser, Tag, TagEnd};

/// Put before a line so that nothing in it can start a block (as the
/// renderer does): a no-break space.
const LEAD: &str = "\u{a0}";

/// A link as written on a line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Written {
    /// What the reader sees: the link's text (a wiki link's name or alias,
    /// a URL itself).
    pub text: String,
    /// Where it points, as written (`2024-01-05#Congestion control`,
    /// `https://x.io`, `other.md#heading`).
    pub dest: String,
    /// A `[[wiki link]]`.
    pub wiki: bool,
    /// Byte range of the link in the line.
    pub range: std::ops::Range<usize>,
}

/// Whether `text` holds what may start a link (a `[`, a `<`, a `://`):
/// text without any has none. One pass over the bytes.
pub(crate) fn may_link(text: &str) -> bool {
    let b = text.as_bytes();
    memchr::memchr3_iter(b'[', b'<', b':', b).any(|i| b[i] != b':' || b[i + 1..].starts_with(b"//"))
}

/// The links of `line`, in order.
pub fn links(line: &str) -> Vec<Written> {
    let mut out = Vec::new();
    if !may_link(line) {
        return out;
    }
    let trimmed = line.trim_start_matches([' ', '\t']);
    let shift = line.len() - trimmed.len();
    let src = format!("{LEAD}{trimmed}");
    let at = |i: usize| (i + shift).saturating_sub(LEAD.len());
    let options = Options::ENABLE_WIKILINKS | Options::ENABLE_STRIKETHROUGH;
    let mut open: Option<(String, bool, usize, String)> = None;
    for (event, range) in Parser::new_ext(&src, options).into_offset_iter() {
        match event {
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                ..
            }) => {
                let wiki = matches!(link_type, LinkType::WikiLink { .. });
                open = Some((dest_url.to_string(), wiki, range.start, String::new()));
            }
            Event::End(TagEnd::Link) => {
                if let Some((dest, wiki, start, text)) = open.take() {
                    let text = if text.is_empty() { dest.clone() } else { text };
                    out.push(Written {
                        text,
                        dest,
                        wiki,
                        range: at(start)..at(range.end),
                    });
                }
            }
            Event::Text(t) | Event::Code(t) => match &mut open {
                Some((_, _, _, text)) => text.push_str(t.trim_start_matches('\u{a0}')),
                None => bare_urls(&t, range.start, &src[range.clone()], &at, &mut out),
            },
            _ => {}
        }
    }
    out.sort_by_key(|w| w.range.start);
    out
}

/// Bare `http://` and `https://` URLs in a run of text at `offset` of the
/// parsed line (`written` is the run as written there; `at` turns its
/// offsets into the line's).
fn bare_urls(
    text: &str,
    offset: usize,
    written: &str,
    at: &dyn Fn(usize) -> usize,
    out: &mut Vec<Written>,
) {
    if text != written {
        // Entities or escapes changed the run: its places are not the
        // line's; URLs in such runs are rare and left as text.
        if !written.contains("://") {
            return;
        }
    }
    let mut from = 0;
    while let Some(i) = written[from..].find("http") {
        let start = from + i;
        let rest = &written[start..];
        if !(rest.starts_with("http://") || rest.starts_with("https://"))
            || written[..start]
                .chars()
                .next_back()
                .is_some_and(|c| c.is_alphanumeric())
        {
            from = start + 4;
            continue;
        }
        let mut end = rest
            .find(|c: char| c.is_whitespace() || matches!(c, '<' | '>' | '"' | '（' | '，' | '。'))
            .unwrap_or(rest.len());
        // Trailing punctuation ends a sentence, not the URL; a closing
        // bracket without its opening one too.
        while end > 0 {
            let last = rest[..end].chars().next_back().unwrap_or(' ');
            let unbalanced =
                last == ')' && rest[..end].matches('(').count() < rest[..end].matches(')').count();
            if matches!(last, '.' | ',' | ';' | ':' | '!' | '?' | '\'') || unbalanced {
                end -= last.len_utf8();
            } else {
                break;
            }
        }
        let url = &rest[..end];
        if url.len() > "https://".len() {
            out.push(Written {
                text: url.to_string(),
                dest: url.to_string(),
                wiki: false,
                range: at(offset + start)..at(offset + start + end),
            });
        }
        from = start + end.max(4);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dests(line: &str) -> Vec<(String, String, bool)> {
        links(line)
            .into_iter()
            .map(|w| (w.text, w.dest, w.wiki))
            .collect()
    }

    #[test]
    fn wiki_inline_autolinks_and_bare_urls() {
        let s = |a: &str, b: &str, w: bool| (a.to_string(), b.to_string(), w);
        assert_eq!(
            dests("- see [[TCP handshake]] and [the RFC](https://x.io/rfc), or https://y.io/a."),
            [
                s("TCP handshake", "TCP handshake", true),
                s("the RFC", "https://x.io/rfc", false),
                s("https://y.io/a", "https://y.io/a", false),
            ]
        );
        assert_eq!(
            dests("[[2024-01-05#Congestion control|cc]] <https://z.io>"),
            [
                s("cc", "2024-01-05#Congestion control", true),
                s("https://z.io", "https://z.io", false),
            ]
        );
        assert_eq!(dests("        [[8.23]]"), [s("8.23", "8.23", true)]);
    }

    #[test]
    fn code_and_escapes_are_no_links() {
        assert!(links("`[[x]]` and \\[[y]] and [z] alone").is_empty());
        assert!(links("no link here").is_empty());
    }

    #[test]
    fn ranges_point_into_the_line() {
        let line = "    a [[TCP]] b";
        let w = &links(line)[0];
        assert_eq!(&line[w.range.clone()], "[[TCP]]");
        let line = "x https://y.io z";
        let w = &links(line)[0];
        assert_eq!(&line[w.range.clone()], "https://y.io");
    }
}
