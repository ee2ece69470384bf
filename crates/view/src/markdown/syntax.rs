//! Colours for fenced code in a known language (```` ```yaml ````), from
//! syntect's bundled grammars and colour schemes, run on its pure-Rust regex
//! engine.
//!
//! The grammars take milliseconds to load, so they are loaded on first use,
//! on the painter's thread ([`super::paint`]), which is where every grammar
//! runs: notes without labelled fences, plain output and `NO_COLOR` never
//! pay for them, and a slow grammar never holds up a frame. A fence is
//! coloured up to [`BUDGET`] bytes, each line up to [`LINE_BYTES`], and
//! drawn in its scheme's plain colour after that: a pasted log costs
//! nothing.
//!
//! Only the colours come from here; the text still goes in through
//! [`Styled::push`](super::styled::Styled::push), so it is sanitised and its
//! tabs expanded like every other line of a note.

use std::sync::LazyLock;

use ratatui::style::{Color, Modifier, Style};
use syntect::easy::HighlightLines;
use syntect::highlighting::{FontStyle, Theme as Scheme, ThemeSet};
use syntect::parsing::SyntaxSet;

use crate::theme::CodeTheme;

static SYNTAXES: LazyLock<SyntaxSet> = LazyLock::new(SyntaxSet::load_defaults_newlines);
static SCHEMES: LazyLock<ThemeSet> = LazyLock::new(ThemeSet::load_defaults);

/// Bytes of one fence that are coloured; the rest is drawn uncoloured.
pub(crate) const BUDGET: usize = 32 << 10;

/// Bytes of one line that are coloured (a grammar's time grows with the
/// line, and more than this is wider than any pane).
pub(crate) const LINE_BYTES: usize = 1024;

/// The colours of one line: `(end, style)` runs over the bytes of its
/// [`head`], the next starting where the previous ends.
pub(crate) type Runs = Vec<(usize, Style)>;

/// The part of `line` a grammar sees: its first [`LINE_BYTES`] bytes, cut
/// at a character boundary.
pub(crate) fn head(line: &str) -> &str {
    let mut split = line.len().min(LINE_BYTES);
    while !line.is_char_boundary(split) {
        split -= 1;
    }
    &line[..split]
}

/// Fence labels that name a bundled grammar by another name.
const ALIASES: &[(&str, &str)] = &[
    ("shell", "bash"),
    ("console", "bash"),
    ("zsh", "bash"),
    ("golang", "go"),
    ("c++", "cpp"),
    ("py3", "py"),
];

/// The bundled colour scheme for a code theme, if it has colours.
fn scheme_name(theme: CodeTheme) -> Option<&'static str> {
    match theme {
        CodeTheme::None => None,
        CodeTheme::Dark => Some("base16-ocean.dark"),
        CodeTheme::Light => Some("InspiredGitHub"),
    }
}

/// Colours the lines of one fence, in order: the grammar's state carries
/// from one line to the next, as a string opened on one line may close on a
/// later one.
pub(crate) struct Colourer {
    lines: HighlightLines<'static>,
    /// Text the scheme gives no colour of its own.
    base: Style,
    /// Bytes that may still be coloured: [`BUDGET`] at first.
    left: usize,
}

/// A colourer for a fence labelled `lang`, or `None` when `theme` has no
/// code colours, the label is empty or no bundled grammar knows it.
pub(crate) fn colourer(lang: &str, theme: CodeTheme) -> Option<Colourer> {
    let scheme_name = scheme_name(theme)?;
    if lang.is_empty() {
        return None;
    }
    let lang = lang.to_ascii_lowercase();
    let token = ALIASES
        .iter()
        .find(|(alias, _)| *alias == lang)
        .map_or(lang.as_str(), |(_, name)| name);
    let syntax = SYNTAXES.find_syntax_by_token(token)?;
    let scheme: &'static Scheme = SCHEMES.themes.get(scheme_name)?;
    let base = scheme
        .settings
        .foreground
        .map_or(Style::new(), |c| Style::new().fg(rgb(c)));
    Some(Colourer {
        lines: HighlightLines::new(syntax, scheme),
        base,
        left: BUDGET,
    })
}

impl Colourer {
    /// The colour of text the scheme gives none.
    pub fn base(&self) -> Style {
        self.base
    }

    /// The colours of the next line, a [`head`]; `None` once the fence's
    /// [`BUDGET`] is spent or the grammar has failed (its state is unknown
    /// from there on), and for every line after.
    pub fn colour(&mut self, head: &str) -> Option<Runs> {
        self.left = self.left.checked_sub(head.len())?;
        // The bundled grammars expect each line to end with its newline.
        let with_newline = format!("{head}\n");
        let Ok(pieces) = self.lines.highlight_line(&with_newline, &SYNTAXES) else {
            self.left = 0;
            return None;
        };
        let mut runs: Runs = Vec::with_capacity(pieces.len());
        let mut end = 0;
        for (style, text) in pieces {
            end = (end + text.len()).min(head.len());
            runs.push((end, convert(style)));
        }
        Some(runs)
    }
}

/// A syntect colour as a terminal colour.
fn rgb(c: syntect::highlighting::Color) -> Color {
    Color::Rgb(c.r, c.g, c.b)
}

/// A syntect style as a ratatui one: the foreground and font style; the
/// scheme's background is left out so code sits on the pane's own.
fn convert(s: syntect::highlighting::Style) -> Style {
    let mut out = Style::new().fg(rgb(s.foreground));
    for (font, modifier) in [
        (FontStyle::BOLD, Modifier::BOLD),
        (FontStyle::ITALIC, Modifier::ITALIC),
        (FontStyle::UNDERLINE, Modifier::UNDERLINED),
    ] {
        if s.font_style.contains(font) {
            out = out.add_modifier(modifier);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The distinct foreground colours of `lines` coloured as `lang`.
    fn colours(lang: &str, theme: CodeTheme, lines: &[&str]) -> Vec<Option<Color>> {
        let mut c = colourer(lang, theme).expect("a known language");
        let mut out = Vec::new();
        for line in lines {
            let runs = c.colour(line).expect("coloured");
            assert_eq!(runs.last().map(|r| r.0), Some(line.len()), "every byte");
            for (_, style) in runs {
                if !out.contains(&style.fg) {
                    out.push(style.fg);
                }
            }
        }
        out
    }

    #[test]
    fn known_labels_and_aliases_get_colours() {
        for lang in ["yaml", "YAML", "yml", "rust", "rs", "sh", "shell", "json"] {
            assert!(colourer(lang, CodeTheme::Dark).is_some(), "{lang}");
        }
        assert!(colours("rust", CodeTheme::Dark, &["let x = \"s\"; // c"]).len() > 2);
        assert!(colours("rust", CodeTheme::Light, &["let x = \"s\"; // c"]).len() > 2);
    }

    #[test]
    fn no_colours_without_a_theme_a_label_or_a_grammar() {
        assert!(colourer("rust", CodeTheme::None).is_none());
        assert!(colourer("", CodeTheme::Dark).is_none());
        assert!(colourer("klingon", CodeTheme::Dark).is_none());
    }

    #[test]
    fn state_carries_across_lines() {
        // The second line is still inside the string the first one opens.
        let mut c = colourer("rust", CodeTheme::Dark).unwrap();
        let a = c.colour("let s = \"open").unwrap();
        let b = c.colour("still string\";").unwrap();
        let string_colour = a.last().unwrap().1.fg;
        assert_eq!(b[0].1.fg, string_colour);
        assert_ne!(b[0].1.fg, c.base.fg);
    }

    #[test]
    fn a_grammar_sees_the_head_of_a_long_line() {
        let line = format!("{}中", "x".repeat(LINE_BYTES - 1));
        // `中` would end past the limit: the head stops before it.
        assert_eq!(head(&line).len(), LINE_BYTES - 1);
        assert_eq!(head("short"), "short");
    }

    #[test]
    fn past_the_budget_the_fence_goes_on_uncoloured() {
        let mut c = colourer("rust", CodeTheme::Dark).unwrap();
        c.left = 20;
        assert!(c.colour("let x = \"s\";").unwrap().len() > 1);
        assert_eq!(c.colour("let y = \"t\";"), None);
    }
}
