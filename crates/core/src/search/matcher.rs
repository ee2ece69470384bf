//! A query → something that finds its matches in text: a literal (searched
//! with `memchr::memmem`, on the folded copy when case is ignored) or a
//! regular expression (the `regex` crate).
//!
//! Smart case: a query with no uppercase letter ignores case (Unicode-aware,
//! see [`super::fold`]); one uppercase letter makes it case-sensitive. In a
//! regex, letters after a backslash (`\S`, `\p{Han}`) do not count. Spaces
//! are literal. A match never crosses a line end: a regex match that would is
//! cut at the end of its first line, and an empty match is no match. So a
//! query holding a line end itself (`\n`, `\r`) could match nothing: it is
//! refused with [`LINE_END`], which callers show as they show a bad regex.

use std::ops::Range;

use memchr::memmem;
use regex::{Regex, RegexBuilder};

use super::fold;

/// How the query text is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Syntax {
    /// The text itself, character for character.
    #[default]
    Literal,
    /// A regular expression (`regex` crate syntax).
    Regex,
}

/// Whether letter case matters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Case {
    /// Ignore case unless the query holds an uppercase letter.
    #[default]
    Smart,
    /// Always match case.
    Sensitive,
    /// Never match case.
    Insensitive,
}

/// What the user asked for.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Query {
    /// The text typed.
    pub text: String,
    /// Literal or regex.
    pub syntax: Syntax,
    /// Case handling.
    pub case: Case,
    /// A literal of ASCII letters also matches Chinese text by pinyin
    /// ([`super::pinyin::find`]).
    pub pinyin: bool,
}

impl Query {
    /// A smart-case literal query.
    pub fn literal(text: impl Into<String>) -> Query {
        Query {
            text: text.into(),
            ..Query::default()
        }
    }

    /// A smart-case regex query.
    pub fn regex(text: impl Into<String>) -> Query {
        Query {
            text: text.into(),
            syntax: Syntax::Regex,
            case: Case::Smart,
            pinyin: false,
        }
    }

    /// True when this query matches regardless of case.
    pub fn ignores_case(&self) -> bool {
        match self.case {
            Case::Sensitive => false,
            Case::Insensitive => true,
            Case::Smart => !has_uppercase(&self.text, self.syntax == Syntax::Regex),
        }
    }
}

/// True when `text` holds an uppercase letter; in a regex, the letter right
/// after a backslash and a `\p{…}` class name are skipped.
fn has_uppercase(text: &str, regex: bool) -> bool {
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if regex && c == '\\' {
            if let Some('p' | 'P') = chars.next() {
                let rest = chars.as_str();
                if rest.starts_with('{') {
                    let skip = rest.find('}').map_or(rest.len(), |i| i + 1);
                    chars = rest[skip..].chars();
                } else {
                    chars.next();
                }
            }
            continue;
        }
        if c.is_uppercase() {
            return true;
        }
    }
    false
}

/// Why a query holding a line end is refused.
pub const LINE_END: &str = "a search cannot hold a line end: a match lies within one line";

/// A query that cannot be searched for: it holds a line end, or the regex
/// does not compile. The message is one line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QueryError(pub String);

impl std::fmt::Display for QueryError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for QueryError {}

/// How much text a literal that also matches by pinyin looks through at a
/// time.
const PINYIN_WINDOW: usize = 64 << 10;

/// A compiled query.
#[derive(Debug, Clone)]
pub struct Matcher {
    query: Query,
    kind: Kind,
    /// The query, lowercase, when it also matches by pinyin.
    pinyin: Option<String>,
}

/// How much of a text must be folded for a literal to be searched in it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fold {
    /// None: the case matters, or the needle has no letter with a case
    /// (`握手`, `8.22`), so the text is searched as it is.
    None,
    /// ASCII letters only: the needle's only letters with a case are ASCII
    /// (`sse`, `tcp握手`). No other character folds to ASCII, and a caseless
    /// character (`握`) only ever matches itself.
    Ascii,
    /// Every character.
    Full,
}

#[derive(Debug, Clone)]
enum Kind {
    /// An empty query matches nothing.
    Empty,
    /// The needle, folded unless `fold` is [`Fold::None`].
    Literal {
        finder: Box<memmem::Finder<'static>>,
        fold: Fold,
    },
    Regex(Regex),
}

impl Matcher {
    /// Compiles `query`; a line end in it or an invalid regex is an error.
    pub fn new(query: &Query) -> Result<Matcher, QueryError> {
        if query.text.contains(['\n', '\r']) {
            return Err(QueryError(LINE_END.into()));
        }
        let ignore = query.ignores_case();
        let kind = if query.text.is_empty() {
            Kind::Empty
        } else {
            match query.syntax {
                Syntax::Literal => {
                    let needle = if ignore {
                        fold::fold(&query.text)
                    } else {
                        query.text.clone()
                    };
                    let cased = |c: &char| c.is_lowercase() || c.is_uppercase();
                    let fold = if !ignore || !needle.chars().any(|c| cased(&c)) {
                        Fold::None
                    } else if needle.chars().filter(cased).all(|c| c.is_ascii()) {
                        Fold::Ascii
                    } else {
                        Fold::Full
                    };
                    Kind::Literal {
                        finder: Box::new(memmem::Finder::new(needle.as_bytes()).into_owned()),
                        fold,
                    }
                }
                Syntax::Regex => Kind::Regex(
                    RegexBuilder::new(&query.text)
                        .case_insensitive(ignore)
                        .multi_line(true)
                        .build()
                        .map_err(|e| QueryError(regex_error(&e)))?,
                ),
            }
        };
        let pinyin = (query.pinyin
            && query.syntax == Syntax::Literal
            && super::pinyin::is_pinyin_query(&query.text))
        .then(|| query.text.to_ascii_lowercase());
        Ok(Matcher {
            query: query.clone(),
            kind,
            pinyin,
        })
    }

    /// The query it was made from.
    pub fn query(&self) -> &Query {
        &self.query
    }

    /// True for an empty query, which matches nothing.
    pub fn is_empty(&self) -> bool {
        matches!(self.kind, Kind::Empty)
    }

    /// True when it searches the folded copy of a text (a case-insensitive
    /// literal): callers pass that copy to [`Matcher::find_at`].
    pub fn wants_folded(&self) -> bool {
        self.fold() != Fold::None
    }

    /// How much folding the text needs for this matcher.
    pub fn fold(&self) -> Fold {
        match self.kind {
            Kind::Literal { fold, .. } => fold,
            _ => Fold::None,
        }
    }

    /// The folded copy of `text` to pass to [`Matcher::find_at`], built in
    /// `buf` with the least folding that serves; `None` when the text is
    /// searched as it is.
    pub fn fold_text<'b>(&self, text: &str, buf: &'b mut Vec<u8>) -> Option<&'b [u8]> {
        match self.fold() {
            Fold::None => return None,
            Fold::Ascii => fold::fold_ascii_into(text, buf),
            Fold::Full => fold::fold_into(text, buf),
        }
        Some(buf.as_slice())
    }

    /// The first match starting at or after `from` in `text`, as a non-empty
    /// byte range of `text` ending at or before the end of its line (so a
    /// loop that goes on from its end always moves on). `folded` must be
    /// [`fold::fold`] of `text` (the same length) when
    /// [`Matcher::wants_folded`], and is ignored otherwise.
    pub fn find_at(&self, text: &str, folded: Option<&[u8]>, from: usize) -> Option<Range<usize>> {
        let (Some(q), Kind::Literal { finder, fold }) = (&self.pinyin, &self.kind) else {
            return self.find_direct(text, folded, from);
        };
        let hay = match (fold, folded) {
            (Fold::Ascii | Fold::Full, Some(folded)) => folded,
            _ => text.as_bytes(),
        };
        let needle = finder.needle().len();
        // A window at a time, so that finding the next match costs the way
        // to it and not a scan of the rest of the text each time.
        let mut lo = from;
        while lo < text.len() {
            let mut hi = (lo + PINYIN_WINDOW).min(text.len());
            while !text.is_char_boundary(hi) {
                hi += 1;
            }
            // Literal matches that start in the window.
            let direct = hay
                .get(lo..(hi + needle).saturating_sub(1).min(hay.len()))
                .and_then(|h| finder.find(h))
                .map(|at| lo + at..lo + at + needle);
            // A pinyin match that starts before the literal one comes first.
            let until = direct.as_ref().map_or(hi, |r| r.start);
            if let Some(r) = super::pinyin::find_before(text, lo, until, q).or(direct) {
                return Some(r);
            }
            lo = hi;
        }
        None
    }

    fn find_direct(&self, text: &str, folded: Option<&[u8]>, from: usize) -> Option<Range<usize>> {
        match &self.kind {
            Kind::Empty => None,
            Kind::Literal { finder, fold } => {
                let hay = match (fold, folded) {
                    (Fold::Ascii | Fold::Full, Some(folded)) => folded,
                    _ => text.as_bytes(),
                };
                let at = from + finder.find(hay.get(from..)?)?;
                Some(at..at + finder.needle().len())
            }
            Kind::Regex(re) => {
                let mut from = from;
                while from <= text.len() {
                    let m = re.find_at(text, from)?;
                    let end = line_end(text, m.start());
                    if m.end() <= end && m.end() > m.start() {
                        return Some(m.range());
                    }
                    // Crossing a line end, or empty: look again within the
                    // line alone, then go on with the next line.
                    if let Some(r) = find_in_line(re, &text[..end], m.start()) {
                        return Some(r);
                    }
                    from = end + 1;
                }
                None
            }
        }
    }

    /// Every match in one line (or one rendered row) of text, in order, not
    /// overlapping. Folds `line` itself when needed.
    pub fn find_all(&self, line: &str) -> Vec<Range<usize>> {
        let mut out = Vec::new();
        self.find_all_into(line, &mut Vec::new(), &mut out);
        out
    }

    /// [`Matcher::find_all`] into `out` (emptied first), folding into
    /// `buf`: for a caller that looks at many lines.
    pub fn find_all_into(&self, line: &str, buf: &mut Vec<u8>, out: &mut Vec<Range<usize>>) {
        out.clear();
        let folded = self.fold_text(line, buf);
        let mut from = 0;
        while let Some(r) = self.find_at(line, folded, from) {
            from = r.end;
            out.push(r);
        }
    }
}

/// Where the line holding byte `at` ends.
fn line_end(text: &str, at: usize) -> usize {
    memchr::memchr2(b'\n', b'\r', &text.as_bytes()[at..]).map_or(text.len(), |i| at + i)
}

/// The first non-empty match in `line` at or after `from`.
fn find_in_line(re: &Regex, line: &str, mut from: usize) -> Option<Range<usize>> {
    while from <= line.len() {
        let m = re.find_at(line, from)?;
        if m.end() > m.start() {
            return Some(m.range());
        }
        from = m.start() + line[m.start()..].chars().next()?.len_utf8();
    }
    None
}

/// The regex crate's message on one line: its last line, which names the
/// problem (`error: unclosed group`).
fn regex_error(e: &regex::Error) -> String {
    let text = e.to_string();
    let last = text
        .lines()
        .rev()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .unwrap_or("invalid regex");
    let last = last.strip_prefix("error: ").unwrap_or(last);
    format!("invalid regex: {last}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ranges(q: &Query, line: &str) -> Vec<Range<usize>> {
        Matcher::new(q).unwrap().find_all(line)
    }

    fn texts<'a>(q: &Query, line: &'a str) -> Vec<&'a str> {
        ranges(q, line).into_iter().map(|r| &line[r]).collect()
    }

    #[test]
    fn pinyin_only_when_asked() {
        let line = "tcp握手，ws 与 WS";
        let plain = Query::literal("ws");
        assert_eq!(texts(&plain, line), ["ws", "WS"]);
        let pinyin = Query {
            pinyin: true,
            ..plain
        };
        assert_eq!(texts(&pinyin, line), ["握手", "ws", "WS"]);
        let mixed = Query {
            text: "tcpws".into(),
            ..pinyin.clone()
        };
        assert_eq!(texts(&mixed, line), ["tcp握手"]);
        // Not for a regex, nor for a query that is not letters.
        let regex = Query {
            syntax: Syntax::Regex,
            ..pinyin
        };
        assert_eq!(texts(&regex, line), ["ws", "WS"]);
    }

    #[test]
    fn pinyin_matches_across_the_windows_of_a_long_text() {
        let q = Query {
            pinyin: true,
            ..Query::literal("woshou")
        };
        let m = Matcher::new(&q).unwrap();
        // A literal match across the first window's end, then 握手 far on.
        let pad = "字".repeat((PINYIN_WINDOW - 3) / 3);
        let text = format!("{pad}woshou{}握手 woshou", "。".repeat(PINYIN_WINDOW));
        let first = m.find_at(&text, None, 0).unwrap();
        assert_eq!(&text[first.clone()], "woshou");
        let second = m.find_at(&text, None, first.end).unwrap();
        assert_eq!(&text[second.clone()], "握手");
        let third = m.find_at(&text, None, second.end).unwrap();
        assert_eq!(&text[third.clone()], "woshou");
        assert_eq!(m.find_at(&text, None, third.end), None);
    }

    #[test]
    fn smart_case_follows_the_query() {
        let line = "SSE（Server-Sent Events）与 sse";
        // all lowercase: any case
        assert_eq!(texts(&Query::literal("sse"), line), ["SSE", "sse"]);
        // an uppercase letter: exact case
        assert_eq!(texts(&Query::literal("SSE"), line), ["SSE"]);
        assert_eq!(texts(&Query::literal("Sse"), line), Vec::<&str>::new());
        let forced = Query {
            case: Case::Insensitive,
            ..Query::literal("Sse")
        };
        assert_eq!(texts(&forced, line), ["SSE", "sse"]);
        // Unicode letters fold too
        assert_eq!(texts(&Query::literal("жук"), "ЖУК и жук"), ["ЖУК", "жук"]);
    }

    #[test]
    fn chinese_matches_by_character() {
        let line = "第一次握手（SYN）：客户端握手";
        let got = ranges(&Query::literal("握手"), line);
        assert_eq!(got, [9..15, 36..42]);
        assert!(got.iter().all(|r| line.is_char_boundary(r.start)));
        // fullwidth punctuation is a character like any other
        assert_eq!(texts(&Query::literal("（syn）"), line), ["（SYN）"]);
    }

    #[test]
    fn spaces_are_literal_and_hits_do_not_overlap() {
        assert_eq!(texts(&Query::literal("a b"), "ab a b a  b"), ["a b"]);
        assert_eq!(ranges(&Query::literal("aa"), "aaaaa"), [0..2, 2..4]);
    }

    #[test]
    fn regex_mode_with_smart_case() {
        let q = Query::regex(r"seq=\w+");
        assert_eq!(texts(&q, "seq=x, SEQ=y"), ["seq=x", "SEQ=y"]);
        // `\S` is not an uppercase letter; `\p{Han}` names a class
        assert!(Query::regex(r"\S+").ignores_case());
        assert!(Query::regex(r"\p{Han}+").ignores_case());
        assert!(!Query::regex(r"\p{Han}A").ignores_case());
        assert_eq!(texts(&Query::regex(r"\p{Han}+"), "tcp握手 ok"), ["握手"]);
    }

    #[test]
    fn regex_matches_stay_on_their_line_and_are_never_empty() {
        let m = Matcher::new(&Query::regex(r"b\s+c")).unwrap();
        assert_eq!(m.find_at("ab\ncd", None, 0), None);
        let m = Matcher::new(&Query::regex(r"b[^x]*")).unwrap();
        assert_eq!(m.find_at("ab\ncd", None, 0), Some(1..2));
        assert!(ranges(&Query::regex("x*"), "abc").is_empty());
        assert_eq!(texts(&Query::regex("x*"), "axxb"), ["xx"]);
    }

    #[test]
    fn an_invalid_regex_is_a_one_line_error() {
        let err = Matcher::new(&Query::regex("(unclosed")).unwrap_err();
        assert!(err.0.starts_with("invalid regex: "), "{err}");
        assert!(!err.0.contains('\n'));
        // the same text is fine as a literal
        assert_eq!(
            texts(&Query::literal("(unclosed"), "a (unclosed b"),
            ["(unclosed"]
        );
    }

    #[test]
    fn the_text_is_folded_only_as_much_as_needed() {
        let fold = |q: &str| Matcher::new(&Query::literal(q)).unwrap().fold();
        assert_eq!(fold("握手"), Fold::None);
        assert_eq!(fold("8.22："), Fold::None);
        assert_eq!(fold("SSE"), Fold::None, "case-sensitive");
        assert_eq!(fold("sse"), Fold::Ascii);
        assert_eq!(fold("tcp握手"), Fold::Ascii);
        assert_eq!(fold("école"), Fold::Full);
        assert_eq!(fold("жук"), Fold::Full);
        // The shortcut for caseless needles holds: whatever folds to
        // something, folds to a lowercase letter.
        for c in (0..=0x10FFFF_u32).filter_map(char::from_u32) {
            let f = fold::fold_char(c);
            assert!(f == c || f.is_lowercase(), "{c:?} folds to {f:?}");
        }
    }

    #[test]
    fn a_line_end_in_a_query_is_refused() {
        for text in ["\n", "\r", "\r\n", "\n        x", "a\nb"] {
            for q in [Query::literal(text), Query::regex(text)] {
                let err = Matcher::new(&q).unwrap_err();
                assert_eq!(err.0, LINE_END);
            }
        }
        // A regex escape for a line end is allowed, and finds nothing.
        let m = Matcher::new(&Query::regex(r"\n")).unwrap();
        assert_eq!(m.find_at("a\nb\r\n", None, 0), None);
    }

    #[test]
    fn an_empty_query_matches_nothing() {
        assert!(ranges(&Query::literal(""), "abc").is_empty());
        assert!(Matcher::new(&Query::regex("")).unwrap().is_empty());
    }
}
