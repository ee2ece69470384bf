//! Marking ranges of a rendered row, for search hits.

use std::ops::Range;

use ratatui::style::Style;
use ratatui::text::{Line, Span};

/// `line` with the byte `ranges` of its text (all spans concatenated) patched
/// with `style`. Ranges may overlap, be unsorted or run past the end; a range
/// boundary inside a character moves to the character's end.
#[must_use]
pub fn highlight(line: &Line<'_>, ranges: &[Range<usize>], style: Style) -> Line<'static> {
    let mut ranges: Vec<Range<usize>> =
        ranges.iter().filter(|r| r.start < r.end).cloned().collect();
    ranges.sort_by_key(|r| r.start);
    let mut spans = Vec::new();
    let mut offset = 0;
    let mut next = 0;
    for span in &line.spans {
        let text = span.content.as_ref();
        let span_end = offset + text.len();
        let mut at = 0;
        while at < text.len() {
            while next < ranges.len() && ranges[next].end <= offset + at {
                next += 1;
            }
            let (stop, hit) = match ranges.get(next) {
                Some(r) if r.start <= offset + at => (r.end.min(span_end) - offset, true),
                Some(r) => (r.start.min(span_end) - offset, false),
                None => (text.len(), false),
            };
            let mut stop = stop.max(at + 1).min(text.len());
            while !text.is_char_boundary(stop) {
                stop += 1;
            }
            let piece_style = if hit {
                span.style.patch(style)
            } else {
                span.style
            };
            spans.push(Span::styled(text[at..stop].to_string(), piece_style));
            at = stop;
        }
        offset = span_end;
    }
    let mut out = Line::from(spans);
    out.style = line.style;
    out.alignment = line.alignment;
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::style::{Color, Modifier};

    #[test]
    fn ranges_split_spans_and_keep_their_styles() {
        let bold = Style::new().add_modifier(Modifier::BOLD);
        let hit = Style::new().bg(Color::Yellow);
        let line = Line::from(vec![Span::raw("ab"), Span::styled("cd中", bold)]);
        // `bc` crosses the span boundary; `中` is bytes 4..7.
        let got = highlight(&line, &[4..7, 1..3], hit);
        assert_eq!(
            got,
            Line::from(vec![
                Span::raw("a"),
                Span::styled("b", hit),
                Span::styled("c", bold.patch(hit)),
                Span::styled("d", bold),
                Span::styled("中", bold.patch(hit)),
            ])
        );
        assert_eq!(got.to_string(), "abcd中");
    }

    #[test]
    fn no_ranges_no_change() {
        let line = Line::from("abc");
        assert_eq!(highlight(&line, &[], Style::new()), line);
        assert_eq!(
            highlight(&line, &[2..99, 99..100], Style::new()).to_string(),
            "abc"
        );
    }
}
