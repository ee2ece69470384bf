//! Cutting one styled line into rows no wider than the pane.
//!
//! Where a row may end is Unicode's line breaking algorithm (UAX #14, the
//! `unicode-linebreak` crate): between any two CJK characters, after
//! spaces, never inside a word or a number; closing punctuation (`，`,
//! `：`, `）`) stays with what it follows and opening punctuation with what
//! it precedes. Widths are display cells of grapheme clusters, as a
//! terminal draws them (`❤️` is two cells, `👨‍👩‍👧` two), and a cluster is
//! never split across rows. A unit wider than a row is cut at its
//! punctuation first, between words and CJK characters next, between
//! clusters last. Rows after the first hang under the first row's text: the
//! caller passes a continuation prefix (indentation, quote bars, a heading's
//! number) drawn before each of them. Styles continue across a break
//! because rows are cut from the flat [`Styled`] text, not from spans.

use ratatui::style::Style;
use ratatui::text::{Line, Span};
use unicode_linebreak::BreakOpportunity;

use super::styled::{Styled, clusters, str_width, tidy};

/// What is drawn before a row's text: indentation, a bullet, quote bars.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Prefix {
    spans: Vec<Span<'static>>,
    width: usize,
}

impl Prefix {
    /// `n` spaces.
    pub fn spaces(n: usize) -> Self {
        let mut p = Prefix::default();
        p.push(&" ".repeat(n), Style::new());
        p
    }

    /// Appends daynotes' own glyphs (never file text).
    pub fn push(&mut self, s: &str, style: Style) {
        if !s.is_empty() {
            self.width += str_width(s);
            self.spans.push(Span::styled(s.to_string(), style));
        }
    }

    /// Display width in cells.
    pub fn width(&self) -> usize {
        self.width
    }

    /// The prefix cut to at most `max` cells.
    fn fitted(&self, max: usize) -> (Vec<Span<'static>>, usize) {
        if self.width <= max {
            return (self.spans.clone(), self.width);
        }
        let mut out = Vec::new();
        let mut used = 0;
        for span in &self.spans {
            let mut text = String::new();
            for (_, g, w) in clusters(&span.content) {
                if used + w > max {
                    break;
                }
                used += w;
                text.push_str(g);
            }
            if !text.is_empty() {
                out.push(Span::styled(text, span.style));
            }
        }
        (out, used)
    }
}

/// The most cells a prefix may take in a pane `width` wide: the text keeps at
/// least half the pane (and at least two cells, room for a CJK character).
pub(crate) fn max_prefix(width: usize) -> usize {
    width - width.min((width / 2).max(2))
}

/// Appends the rows of `content` to `out`: the first row starts with `first`,
/// the others with `rest`. `width` ≥ 1. A wide character that cannot fit even
/// an empty row (a 1-cell pane) is shown as `…` in `marker`.
pub(crate) fn wrap(
    content: &Styled,
    first: &Prefix,
    rest: &Prefix,
    width: usize,
    marker: Style,
    out: &mut Vec<Line<'static>>,
) {
    let width = width.max(1);
    let (first_spans, first_w) = first.fitted(max_prefix(width));
    let (rest_spans, rest_w) = rest.fitted(max_prefix(width));
    let rows = break_rows(&content.text, width - first_w, width - rest_w);
    let mut cursor = 0;
    for (i, row) in rows.iter().enumerate() {
        let mut spans = if i == 0 {
            first_spans.clone()
        } else {
            rest_spans.clone()
        };
        if row.marker {
            spans.push(Span::styled("…", marker));
        } else {
            spans.extend(
                content
                    .slice(row.start, row.end, &mut cursor)
                    .map(|(t, s)| Span::styled(t.to_string(), s)),
            );
        }
        out.push(tidy(spans));
    }
}

/// `text` (sanitised, without tabs) broken into rows of at most `width`
/// cells as body text is; a cluster wider than a row shows as `…`.
pub fn wrap_text(text: &str, width: usize) -> Vec<String> {
    break_rows(text, width.max(1), width.max(1))
        .iter()
        .map(|r| {
            if r.marker {
                "…".to_string()
            } else {
                text[r.start..r.end].to_string()
            }
        })
        .collect()
}

/// The widest row of `text` wrapped at `width` cells (no prefix).
pub(crate) fn wrapped_width(text: &str, width: usize) -> usize {
    break_rows(text, width.max(1), width.max(1))
        .iter()
        .map(|r| {
            if r.marker {
                1
            } else {
                str_width(&text[r.start..r.end])
            }
        })
        .max()
        .unwrap_or(0)
}

/// The width of the widest unit of `text` that wrapping keeps whole (a
/// word, a CJK character with its punctuation).
pub(crate) fn longest_unbreakable(text: &str) -> usize {
    units(text)
        .filter(|t| !t.space)
        .map(|t| t.width)
        .max()
        .unwrap_or(0)
}

/// One row: bytes `start..end` of the text, or a marker standing for a
/// character too wide for the pane.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Row {
    start: usize,
    end: usize,
    marker: bool,
}

/// A unit the wrapper never breaks inside unless it is wider than a row.
#[derive(Debug, Clone, Copy)]
struct Token {
    start: usize,
    end: usize,
    width: usize,
    space: bool,
}

/// Splits `text` at its line break opportunities (UAX #14) into units, and
/// the spaces after each unit into a token of their own (dropped at a
/// break).
fn units(text: &str) -> Units<'_, impl Iterator<Item = (usize, BreakOpportunity)> + '_> {
    Units {
        text,
        breaks: unicode_linebreak::linebreaks(text),
        from: 0,
        spaces: None,
    }
}

/// The iterator of [`units`].
struct Units<'a, I> {
    text: &'a str,
    breaks: I,
    from: usize,
    spaces: Option<Token>,
}

impl<I: Iterator<Item = (usize, BreakOpportunity)>> Iterator for Units<'_, I> {
    type Item = Token;

    fn next(&mut self) -> Option<Token> {
        if let Some(spaces) = self.spaces.take() {
            return Some(spaces);
        }
        loop {
            let (at, _) = self.breaks.next()?;
            let start = self.from;
            self.from = at;
            let piece = &self.text[start..at];
            let content = piece.trim_end_matches(' ');
            let end = start + content.len();
            let spaces = (end < at).then_some(Token {
                start: end,
                end: at,
                width: at - end,
                space: true,
            });
            if content.is_empty() {
                match spaces {
                    Some(s) => return Some(s),
                    None => continue,
                }
            }
            self.spaces = spaces;
            return Some(Token {
                start,
                end,
                width: str_width(content),
                space: false,
            });
        }
    }
}

/// What the last cluster of the token being built was.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Last {
    Narrow,
    Wide,
}

/// Splits a unit too wide for a row into smaller ones: runs of narrow
/// clusters (words, numbers) stay together, each wide cluster stands
/// alone, and clusters of no width stay with the one before.
fn pieces(text: &str) -> impl Iterator<Item = Token> + '_ {
    let mut clusters = clusters(text).peekable();
    std::iter::from_fn(move || {
        let (start, first, width) = clusters.next()?;
        let mut tok = Token {
            start,
            end: start + first.len(),
            width,
            space: false,
        };
        let mut last = if width == 2 { Last::Wide } else { Last::Narrow };
        while let Some(&(i, g, w)) = clusters.peek() {
            let join = w == 0 || (last == Last::Narrow && w == 1);
            if !join {
                break;
            }
            clusters.next();
            tok.end = i + g.len();
            tok.width += w;
            if w > 0 {
                last = if w == 2 { Last::Wide } else { Last::Narrow };
            }
        }
        Some(tok)
    })
}

/// Greedy line breaking: rows of at most `first` cells, then `rest` cells
/// (both ≥ 1). Spaces at a break are dropped. Always at least one row.
fn break_rows(text: &str, first: usize, rest: usize) -> Vec<Row> {
    let mut b = Breaker {
        text,
        rows: Vec::new(),
        avail: first,
        rest,
        start: 0,
        end: 0,
        used: 0,
        pending: 0,
        open: false,
    };
    for tok in units(text) {
        if tok.space {
            if b.open {
                b.pending += tok.width;
            }
        } else {
            b.place(tok, true);
        }
    }
    if b.open || b.rows.is_empty() {
        b.finish();
    }
    b.rows
}

/// The state of [`break_rows`]: rows so far and the row being filled.
struct Breaker<'a> {
    text: &'a str,
    rows: Vec<Row>,
    /// Cells available on the current row.
    avail: usize,
    /// Cells available on rows after the first.
    rest: usize,
    /// The current row's content bytes and width.
    start: usize,
    end: usize,
    used: usize,
    /// Width of the spaces after the content, kept only if more follows.
    pending: usize,
    /// Whether the current row has content.
    open: bool,
}

impl Breaker<'_> {
    fn finish(&mut self) {
        self.rows.push(Row {
            start: self.start,
            end: self.end,
            marker: false,
        });
        self.avail = self.rest;
        self.used = 0;
        self.pending = 0;
        self.open = false;
    }

    fn append(&mut self, start: usize, end: usize, width: usize) {
        if !self.open {
            self.start = start;
            self.open = true;
        }
        self.end = end;
        self.used += width;
    }

    /// Puts a token on the current row, or the next; a token wider than a
    /// row is split at its glued punctuation first, between characters last.
    fn place(&mut self, tok: Token, glued: bool) {
        let need = if self.open {
            self.pending + tok.width
        } else {
            tok.width
        };
        if self.used + need <= self.avail {
            self.append(tok.start, tok.end, need);
            self.pending = 0;
            return;
        }
        let fresh = if self.open { self.rest } else { self.avail };
        if tok.width <= fresh {
            if self.open {
                self.finish();
            }
            self.append(tok.start, tok.end, tok.width);
            return;
        }
        if glued {
            let inner = &self.text[tok.start..tok.end];
            for sub in pieces(inner) {
                let sub = Token {
                    start: tok.start + sub.start,
                    end: tok.start + sub.end,
                    ..sub
                };
                self.place(sub, false);
            }
            return;
        }
        if self.open {
            self.finish();
        }
        let text = self.text;
        for (off, g, w) in clusters(&text[tok.start..tok.end]) {
            let at = tok.start + off;
            if w > self.avail {
                if self.open {
                    self.finish();
                }
                self.rows.push(Row {
                    start: at,
                    end: at,
                    marker: true,
                });
                self.avail = self.rest;
                continue;
            }
            if self.used + w > self.avail {
                self.finish();
            }
            self.append(at, at + g.len(), w);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::style::Modifier;

    /// The text of each row, prefixes included.
    #[track_caller]
    fn rows_of(text: &str, first: &Prefix, rest: &Prefix, width: usize) -> Vec<String> {
        let mut s = Styled::new(4);
        s.push(text, Style::new(), Style::new());
        let mut out = Vec::new();
        wrap(&s, first, rest, width, Style::new(), &mut out);
        for line in &out {
            let w: usize = line.spans.iter().map(|s| str_width(&s.content)).sum();
            assert!(w <= width, "row {line:?} is wider than {width}");
        }
        out.iter().map(|l| l.to_string()).collect()
    }

    fn plain(text: &str, width: usize) -> Vec<String> {
        rows_of(text, &Prefix::default(), &Prefix::default(), width)
    }

    #[test]
    fn ascii_words_stay_whole() {
        assert_eq!(plain("the quick brown fox", 10), ["the quick", "brown fox"]);
        // A word longer than the row is cut.
        assert_eq!(plain("abcdefghij xy", 4), ["abcd", "efgh", "ij", "xy"]);
    }

    #[test]
    fn cjk_breaks_between_any_two_characters() {
        // 8 cells per row = 4 CJK characters.
        assert_eq!(
            plain("客户端发送SYN包请求", 8),
            ["客户端发", "送SYN包", "请求"]
        );
    }

    #[test]
    fn wide_characters_are_never_split() {
        // 5 cells: two CJK characters fit, the third goes to the next row.
        assert_eq!(plain("一二三四", 5), ["一二", "三四"]);
        // A 1-cell pane cannot show a 2-cell character: a marker stands in.
        assert_eq!(plain("a中", 1), ["a", "…"]);
    }

    #[test]
    fn closing_punctuation_stays_with_its_character() {
        // Without the rule the second row would begin with `，`.
        assert_eq!(plain("一二三，四", 6), ["一二", "三，四"]);
        assert_eq!(plain("一二（三）", 6), ["一二", "（三）"]);
        // Too wide even so: the glue gives way before the word is cut.
        assert_eq!(plain("熔断（Circuit）", 8), ["熔断（", "Circuit", "）"]);
    }

    #[test]
    fn continuation_rows_hang_under_the_text() {
        let mut first = Prefix::spaces(2);
        first.push("• ", Style::new());
        let rest = Prefix::spaces(4);
        assert_eq!(
            rows_of("alpha beta gamma", &first, &rest, 12),
            ["  • alpha", "    beta", "    gamma"]
        );
    }

    #[test]
    fn styles_continue_across_a_break() {
        let bold = Style::new().add_modifier(Modifier::BOLD);
        let mut s = Styled::new(4);
        s.push_glyphs("aa ", Style::new());
        s.push_glyphs("bb cc", bold);
        let mut out = Vec::new();
        wrap(
            &s,
            &Prefix::default(),
            &Prefix::default(),
            5,
            Style::new(),
            &mut out,
        );
        assert_eq!(
            out,
            [
                Line::from(vec![Span::raw("aa "), Span::styled("bb", bold)]),
                Line::from(vec![Span::styled("cc", bold)]),
            ]
        );
    }

    #[test]
    fn a_prefix_never_eats_the_whole_row() {
        let deep = Prefix::spaces(30);
        assert_eq!(rows_of("abcd", &deep, &deep, 8), ["    abcd"]);
        assert_eq!(rows_of("ab", &deep, &deep, 1), ["a", "b"]);
    }

    #[test]
    fn empty_text_is_one_row() {
        assert_eq!(plain("", 10), [""]);
    }

    #[test]
    fn an_emoji_cluster_is_never_parted() {
        // Two cells each; a joiner or a selector never ends a row.
        assert_eq!(plain("❤️❤️❤️", 4), ["❤️❤️", "❤️"]);
        assert_eq!(plain("👨‍👩‍👧👨‍👩‍👧", 3), ["👨‍👩‍👧", "👨‍👩‍👧"]);
        assert_eq!(plain("a👩🏽‍💻", 1), ["a", "…"]);
    }

    #[test]
    fn numbers_and_words_meeting_chinese_break_between_scripts() {
        assert_eq!(plain("2. VAE可以理解为", 8), ["2. VAE可", "以理解为"]);
        assert_eq!(plain("共1.5小时", 4), ["共", "1.5", "小时"]);
    }

    #[test]
    fn combining_marks_stay_with_their_letter() {
        assert_eq!(plain("e\u{301}e\u{301}", 1), ["e\u{301}", "e\u{301}"]);
    }
}
