//! One logical line of styled, sanitised text, before it is cut into rows.
//!
//! Text is kept flat (one `String`) with the style of each byte run beside
//! it, so wrapping can look at characters without caring where one span ends
//! and the next begins, and can cut rows in one pass. Everything from the
//! file goes in through [`Styled::push`], which sanitises and expands tabs;
//! only daynotes' own glyphs go in through [`Styled::push_glyphs`].

use ratatui::style::Style;
use ratatui::text::{Line, Span};
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use daynotes_core::sanitize::{self, Piece};

/// Display width of one grapheme cluster in cells, as a terminal (and
/// ratatui) draws it: `❤️`, a heart and its emoji selector, takes two.
fn cluster_width(g: &str) -> usize {
    g.width()
}

/// Display width of a string: its grapheme clusters' widths summed (the
/// same measure the wrapper uses, so the two never disagree).
pub(crate) fn str_width(s: &str) -> usize {
    if s.is_ascii() {
        // Sanitised ASCII holds no controls: one cell per byte.
        return s.len();
    }
    let mut sum = 0;
    for c in s.chars() {
        if joins(c) {
            return s.graphemes(true).map(cluster_width).sum();
        }
        sum += c.width().unwrap_or(0);
    }
    sum
}

/// True for a character that can make a cluster wider or narrower than
/// the sum of its characters: emoji joiners, selectors, skin tones,
/// regional indicators (flags), tags.
fn joins(c: char) -> bool {
    matches!(
        c,
        '\u{200D}'
            | '\u{FE00}'..='\u{FE0F}'
            | '\u{1F1E6}'..='\u{1F1FF}'
            | '\u{1F3FB}'..='\u{1F3FF}'
            | '\u{E0020}'..='\u{E007F}'
    )
}

/// The grapheme clusters of `s` as `(byte offset, cluster, cells)`. Text
/// without characters that [`joins`] (nearly all text: Chinese, Latin,
/// combining accents) measures the same character by character, which is
/// several times faster than segmenting it, so it is walked by characters.
pub(crate) fn clusters(s: &str) -> Clusters<'_> {
    if s.chars().any(joins) {
        Clusters::Graphemes(s.grapheme_indices(true))
    } else {
        Clusters::Chars(s, s.char_indices())
    }
}

/// The iterator of [`clusters`].
pub(crate) enum Clusters<'a> {
    Chars(&'a str, std::str::CharIndices<'a>),
    Graphemes(unicode_segmentation::GraphemeIndices<'a>),
}

impl<'a> Iterator for Clusters<'a> {
    type Item = (usize, &'a str, usize);

    fn next(&mut self) -> Option<Self::Item> {
        match self {
            Clusters::Chars(s, chars) => chars
                .next()
                .map(|(i, c)| (i, &s[i..i + c.len_utf8()], c.width().unwrap_or(0))),
            Clusters::Graphemes(g) => g.next().map(|(i, g)| (i, g, cluster_width(g))),
        }
    }
}

/// A row from spans: empty spans dropped, neighbours of one style merged.
pub(crate) fn tidy(spans: Vec<Span<'static>>) -> Line<'static> {
    let mut out: Vec<Span<'static>> = Vec::with_capacity(spans.len());
    for span in spans {
        if span.content.is_empty() {
            continue;
        }
        match out.last_mut() {
            Some(last) if last.style == span.style => {
                last.content.to_mut().push_str(&span.content);
            }
            _ => out.push(span),
        }
    }
    Line::from(out)
}

/// A flat string with a style for each run of bytes.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Styled {
    /// The sanitised text, tabs expanded.
    pub text: String,
    /// `(end, style)`: the run ending at byte `end` (exclusive) and starting
    /// where the previous run ends. Adjacent runs differ in style.
    pub runs: Vec<(usize, Style)>,
    /// Display width of `text`.
    pub width: usize,
    /// Columns a tab stands for (at least 1).
    tab: usize,
}

impl Styled {
    /// An empty line whose tabs are shown `tab_width` columns wide.
    pub fn new(tab_width: usize) -> Self {
        Styled {
            text: String::new(),
            runs: Vec::new(),
            width: 0,
            tab: tab_width.max(1),
        }
    }

    /// Appends file text: unsafe characters become placeholders in `style`
    /// patched with `control`; tabs advance to the next multiple of the
    /// line's tab width from the start of this line.
    pub fn push(&mut self, s: &str, style: Style, control: Style) {
        for piece in sanitize::pieces(s) {
            match piece {
                Piece::Text(t) => self.push_expanding_tabs(t, style),
                Piece::Placeholder(p) => self.push_glyphs(&p, style.patch(control)),
            }
        }
    }

    /// Appends text that daynotes itself produced (bullets, bars, padding):
    /// it must hold no control and no tab.
    pub fn push_glyphs(&mut self, s: &str, style: Style) {
        if s.is_empty() {
            return;
        }
        self.text.push_str(s);
        self.width += str_width(s);
        match self.runs.last_mut() {
            Some((end, last)) if *last == style => *end = self.text.len(),
            _ => self.runs.push((self.text.len(), style)),
        }
    }

    /// Appends another line's text and styles.
    pub fn append(&mut self, other: &Styled) {
        let mut cursor = 0;
        for (text, style) in other.slice(0, other.text.len(), &mut cursor) {
            self.push_glyphs(text, style);
        }
    }

    /// The line cut to at most `width` cells. When something is cut and
    /// `marker` is given, the last cell shows `→` in that style.
    pub fn cut(&self, width: usize, marker: Option<Style>) -> Line<'static> {
        let mut cursor = 0;
        let spans = |end: usize, cursor: &mut usize| -> Vec<Span<'static>> {
            self.slice(0, end, cursor)
                .map(|(t, s)| Span::styled(t.to_string(), s))
                .collect()
        };
        if self.width <= width {
            return tidy(spans(self.text.len(), &mut cursor));
        }
        let room = if marker.is_some() {
            width.saturating_sub(1)
        } else {
            width
        };
        let mut used = 0;
        let mut end = 0;
        for (i, g, w) in clusters(&self.text) {
            if used + w > room {
                break;
            }
            used += w;
            end = i + g.len();
        }
        let mut line = spans(end, &mut cursor);
        if let Some(style) = marker.filter(|_| width > 0) {
            line.push(Span::styled("→", style));
        }
        tidy(line)
    }

    fn push_expanding_tabs(&mut self, s: &str, style: Style) {
        let mut parts = s.split('\t');
        if let Some(first) = parts.next() {
            self.push_glyphs(first, style);
        }
        for part in parts {
            let tab = self.tab;
            let spaces = tab - self.width % tab;
            self.push_glyphs(&" ".repeat(spaces), style);
            self.push_glyphs(part, style);
        }
    }

    /// The styled pieces of bytes `start..end`, in order. `cursor` is the
    /// index of a run at or before `start`; it is advanced so that asking for
    /// consecutive ranges costs time in proportion to the text, not more.
    pub fn slice(
        &self,
        start: usize,
        end: usize,
        cursor: &mut usize,
    ) -> impl Iterator<Item = (&str, Style)> {
        let mut at = start;
        let mut run = *cursor;
        while run < self.runs.len() && self.runs[run].0 <= at {
            run += 1;
        }
        *cursor = run;
        std::iter::from_fn(move || {
            if at >= end || run >= self.runs.len() {
                return None;
            }
            let (run_end, style) = self.runs[run];
            let stop = run_end.min(end);
            let piece = &self.text[at..stop];
            at = stop;
            if stop == run_end {
                run += 1;
            }
            Some((piece, style))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::style::{Color, Modifier};

    #[test]
    fn push_sanitises_and_merges_runs() {
        let red = Style::new().fg(Color::Red);
        let mut s = Styled::new(4);
        s.push("a\x1bb", Style::new(), red);
        s.push("c", Style::new(), red);
        assert_eq!(s.text, "a␛bc");
        assert_eq!(s.width, 4);
        let runs: Vec<_> = s.slice(0, s.text.len(), &mut 0).collect();
        assert_eq!(
            runs,
            [("a", Style::new()), ("␛", red), ("bc", Style::new())]
        );
    }

    #[test]
    fn tabs_expand_to_the_next_multiple_of_four() {
        let mut s = Styled::new(4);
        s.push("a\tb\t\tc", Style::new(), Style::new());
        //      a···b·······c
        assert_eq!(s.text, "a   b       c");
        let mut cjk = Styled::new(4);
        cjk.push("中\t文", Style::new(), Style::new());
        assert_eq!(cjk.text, "中  文");
        // The width comes with the line: the config's `tab_width`.
        let mut wide = Styled::new(8);
        wide.push("a\tb", Style::new(), Style::new());
        assert_eq!(wide.text, "a       b");
    }

    #[test]
    fn cut_marks_what_it_hides() {
        let red = Style::new().fg(Color::Red);
        let mut s = Styled::new(4);
        s.push_glyphs("ab中文", Style::new());
        assert_eq!(s.cut(6, Some(red)).to_string(), "ab中文");
        // 5 cells: `ab中` is 4, the marker the 5th; `文` would not fit.
        let cut = s.cut(5, Some(red));
        assert_eq!(cut.to_string(), "ab中→");
        assert_eq!(cut.spans[1].style, red);
        // Without room for the whole of `中`, the marker comes earlier.
        assert_eq!(s.cut(4, Some(red)).to_string(), "ab→");
        assert_eq!(s.cut(3, None).to_string(), "ab");
    }

    #[test]
    fn slice_cuts_inside_runs() {
        let bold = Style::new().add_modifier(Modifier::BOLD);
        let mut s = Styled::new(4);
        s.push_glyphs("abc", Style::new());
        s.push_glyphs("def", bold);
        let mut cursor = 0;
        let first: Vec<_> = s.slice(1, 4, &mut cursor).collect();
        assert_eq!(first, [("bc", Style::new()), ("d", bold)]);
        let second: Vec<_> = s.slice(4, 6, &mut cursor).collect();
        assert_eq!(second, [("ef", bold)]);
    }
}
