//! Blocks → rows: the layout of one body at one width.
//!
//! Each line keeps its own row(s). Indentation left after dedent is drawn as
//! indentation, and wrapped rows hang under the line's text. Lists take their
//! nesting from indentation: an item indented deeper than the item above it
//! is one level down (`•`, then `◦`, then `▪`).

use ratatui::style::Style;
use ratatui::text::Line;

use super::blocks::{Block, Kind, Marker, blocks, classify, classify_quoted};
use super::inline::inline;
use super::paint::Painter;
use super::styled::{Styled, str_width};
use super::wrap::{Prefix, max_prefix, wrap};
use super::{code, table};
use crate::theme::MdStyles;

/// Bullets by nesting level, cycling.
const BULLETS: [&str; 3] = ["•", "◦", "▪"];

/// Rows being produced and what is needed to produce more.
struct Layout<'s> {
    width: usize,
    styles: &'s MdStyles,
    out: Vec<Line<'static>>,
    /// Indentation of the open list items, outermost first.
    levels: Vec<usize>,
}

/// Lays out `lines` for a pane `width` (≥ 1) cells wide: the rows, and for
/// each line the index of its first row.
pub(crate) fn layout(
    lines: &[&str],
    width: usize,
    styles: &MdStyles,
    painter: &Painter,
) -> (Vec<Line<'static>>, Vec<usize>) {
    let mut l = Layout {
        width,
        styles,
        out: Vec::new(),
        levels: Vec::new(),
    };
    let mut source_rows = vec![0; lines.len()];
    for block in blocks(lines) {
        match block {
            Block::Line(i) => {
                source_rows[i] = l.out.len();
                l.line(lines[i]);
            }
            Block::Fence(f) => {
                code::fence(
                    lines,
                    &f,
                    width,
                    styles,
                    painter,
                    &mut l.out,
                    &mut source_rows,
                );
            }
            Block::Math { start, end } => {
                source_rows[start..end].fill(l.out.len());
                super::notebook::math(&lines[start..end], width, styles, &mut l.out);
            }
            Block::Callout { start, end } => {
                source_rows[start..end].fill(l.out.len());
                let mut inner = |text: &str, w: usize| {
                    let mut sub = Layout {
                        width: w.max(1),
                        styles,
                        out: Vec::new(),
                        levels: Vec::new(),
                    };
                    sub.line(text);
                    sub.out
                };
                super::notebook::callout(&lines[start..end], width, styles, &mut inner, &mut l.out);
            }
            Block::Table { start, end } => {
                let drawn = table::table(
                    lines,
                    start,
                    end,
                    width,
                    styles,
                    &mut l.out,
                    &mut source_rows,
                );
                if !drawn {
                    for (i, line) in lines.iter().enumerate().take(end).skip(start) {
                        source_rows[i] = l.out.len();
                        l.line(line);
                    }
                }
            }
            Block::Html { start, end } => {
                for (i, line) in lines.iter().enumerate().take(end).skip(start) {
                    source_rows[i] = l.out.len();
                    literal(line, width, styles, &mut l.out);
                }
            }
        }
    }
    (l.out, source_rows)
}

/// One line as written: sanitised and wrapped, its indentation kept, no
/// markup read.
fn literal(line: &str, width: usize, styles: &MdStyles, out: &mut Vec<Line<'static>>) {
    let indent = daynotes_core::notes::indent_width(line);
    let mut s = Styled::new(styles.tab_width);
    s.push(
        line.trim_start_matches([' ', '\t']),
        styles.text,
        styles.control,
    );
    let lead = Prefix::spaces(indent);
    wrap(&s, &lead, &lead, width, styles.cut_marker, out);
}

/// Lays out `lines` as plain text: sanitised and wrapped, indentation kept,
/// no markup. Used when the markdown pass failed.
pub(crate) fn plain(
    lines: &[&str],
    width: usize,
    styles: &MdStyles,
) -> (Vec<Line<'static>>, Vec<usize>) {
    let mut out = Vec::new();
    let mut source_rows = Vec::with_capacity(lines.len());
    for line in lines {
        source_rows.push(out.len());
        literal(line, width, styles, &mut out);
    }
    (out, source_rows)
}

impl Layout<'_> {
    fn line(&mut self, raw: &str) {
        let (indent, kind) = classify(raw);
        match kind {
            Kind::Blank => {
                self.out.push(Line::default());
                return;
            }
            Kind::Item(..) => {}
            // Text at or left of an open item ends it.
            _ => self.levels.retain(|&open| open < indent),
        }
        self.kind(
            kind,
            indent,
            Prefix::spaces(indent),
            self.styles.text,
            false,
        );
    }

    /// The level of an item indented `indent` columns.
    fn level(&mut self, indent: usize) -> usize {
        self.levels.retain(|&open| open <= indent);
        if self.levels.last() != Some(&indent) {
            self.levels.push(indent);
        }
        self.levels.len() - 1
    }

    /// Lays out one line of kind `kind` after `lead`, text in `base`.
    fn kind(&mut self, kind: Kind, indent: usize, lead: Prefix, base: Style, quoted: bool) {
        let styles = self.styles;
        let mut text = Styled::new(styles.tab_width);
        let mut first = lead.clone();
        let mut rest = lead.clone();
        match kind {
            Kind::Blank => {}
            Kind::Rule => {
                let room = self.width - lead.width().min(max_prefix(self.width));
                text.push_glyphs(&"─".repeat(room), styles.rule);
            }
            Kind::Heading(t) | Kind::BoldHeading(t) => {
                inline(t, base.patch(styles.heading), styles, &mut text);
            }
            Kind::Text(t) => inline(t, base, styles, &mut text),
            Kind::Property(t) => text.push(t, base.patch(styles.property), styles.control),
            Kind::Item(marker, t) => {
                let mark = match marker {
                    Marker::Bullet if quoted => BULLETS[0],
                    Marker::Bullet => BULLETS[self.level(indent) % BULLETS.len()],
                    Marker::Ordered(n) => {
                        if !quoted {
                            self.level(indent);
                        }
                        n
                    }
                };
                // A task's box takes a bullet's place; a number keeps its own.
                let (shown, t, base) = match super::notebook::task_box(t) {
                    Some((glyph, done, after)) => {
                        let shown = match marker {
                            Marker::Bullet => glyph.to_string(),
                            Marker::Ordered(n) => format!("{n} {glyph}"),
                        };
                        let base = if done {
                            super::notebook::done_style(base, styles)
                        } else {
                            base
                        };
                        (shown, after, base)
                    }
                    None => (mark.to_string(), t, base),
                };
                first.push(&shown, styles.bullet);
                first.push(" ", base);
                rest.push(&" ".repeat(str_width(&shown) + 1), base);
                inline(t, base, styles, &mut text);
            }
            Kind::Quote(depth, inner) => {
                // Two cells a level, and a prefix never takes more than
                // `max_prefix` cells: deeper bars would be cut anyway (a
                // line of a million `>` is a million levels).
                let shown = depth.min(max_prefix(self.width) / 2 + 1);
                let mut bars = lead;
                let mut glyphs = "│ ".repeat(shown);
                glyphs.pop();
                bars.push(&glyphs, styles.quote);
                let inner = classify_quoted(inner);
                if inner != Kind::Blank {
                    bars.push(" ", styles.quote);
                }
                let base = base.patch(styles.quote);
                return self.kind(inner, 0, bars, base, true);
            }
        }
        wrap(
            &text,
            &first,
            &rest,
            self.width,
            styles.cut_marker,
            &mut self.out,
        );
    }
}
