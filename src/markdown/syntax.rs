//! Colours for fenced code in a known language (```` ```yaml ````), from
//! syntect's bundled grammars and colour schemes, run on its pure-Rust regex
//! engine.
//!
//! The grammars take milliseconds to load, so they are loaded on first use:
//! the first time a fence with a language label is laid out under a theme
//! that has code colours. Notes without labelled fences, plain output and
//! `NO_COLOR` never pay for them. Colouring costs about a microsecond a byte
//! (yaml), so a fence is coloured up to [`BUDGET`] bytes and drawn in its
//! scheme's plain colour after that: a pasted log never stalls a frame.
//!
//! Only the colours come from here; the text still goes in through
//! [`Styled::push`], so it is sanitised and its tabs expanded like every
//! other line of a note.

use std::sync::LazyLock;

use ratatui::style::{Color, Modifier, Style};
use syntect::easy::HighlightLines;
use syntect::highlighting::{FontStyle, Theme as Scheme, ThemeSet};
use syntect::parsing::SyntaxSet;

use super::styled::Styled;
use crate::theme::CodeTheme;

static SYNTAXES: LazyLock<SyntaxSet> = LazyLock::new(SyntaxSet::load_defaults_newlines);
static SCHEMES: LazyLock<ThemeSet> = LazyLock::new(ThemeSet::load_defaults);

/// Bytes of one fence that are coloured; the rest is drawn uncoloured.
pub(crate) const BUDGET: usize = 32 << 10;

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
    /// Bytes that may still be coloured: [`BUDGET`] at first, 0 once the
    /// grammar has failed on a line (its state is unknown from there on).
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
    /// Appends `line` to `code` in colour. Only its first `limit` bytes are
    /// run through the grammar (a code line is cut at the pane's edge, and a
    /// grammar's time grows with the line); the rest goes in uncoloured.
    /// `control` is patched onto placeholders, as [`Styled::push`] does.
    pub fn push(&mut self, code: &mut Styled, line: &str, limit: usize, control: Style) {
        let mut split = line.len().min(limit);
        while !line.is_char_boundary(split) {
            split -= 1;
        }
        let (head, tail) = line.split_at(split);
        // The bundled grammars expect each line to end with its newline.
        let with_newline = format!("{head}\n");
        let pieces = match self.left.checked_sub(head.len()) {
            Some(left) => {
                self.left = left;
                self.lines.highlight_line(&with_newline, &SYNTAXES).ok()
            }
            None => None,
        };
        if let Some(pieces) = pieces {
            for (style, text) in pieces {
                let text = text.strip_suffix('\n').unwrap_or(text);
                code.push(text, convert(style), control);
            }
        } else {
            self.left = 0;
            code.push(head, self.base, control);
        }
        code.push(tail, self.base, control);
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

    /// The distinct foreground colours of `line` coloured as `lang`.
    fn colours(lang: &str, theme: CodeTheme, lines: &[&str]) -> Vec<Option<Color>> {
        let mut c = colourer(lang, theme).expect("a known language");
        let mut out = Vec::new();
        for line in lines {
            let mut s = Styled::new();
            c.push(&mut s, line, 200, Style::new());
            assert_eq!(s.text, *line, "the text is unchanged");
            for (_, style) in s.runs {
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
        let (mut a, mut b) = (Styled::new(), Styled::new());
        c.push(&mut a, "let s = \"open", 200, Style::new());
        c.push(&mut b, "still string\";", 200, Style::new());
        let string_colour = a.runs.last().unwrap().1.fg;
        assert_eq!(b.runs[0].1.fg, string_colour);
        assert_ne!(b.runs[0].1.fg, c.base.fg);
    }

    #[test]
    fn past_the_limit_the_text_goes_in_uncoloured() {
        let mut c = colourer("rust", CodeTheme::Dark).unwrap();
        let mut s = Styled::new();
        // The limit falls inside `中` (bytes 8..11): it moves back to 8.
        c.push(&mut s, "let x = 中\"s\"", 10, Style::new());
        assert_eq!(s.text, "let x = 中\"s\"");
        assert_eq!(s.runs.last().unwrap(), &(s.text.len(), c.base));
    }

    #[test]
    fn past_the_budget_the_fence_goes_on_uncoloured() {
        let mut c = colourer("rust", CodeTheme::Dark).unwrap();
        c.left = 20;
        let mut first = Styled::new();
        c.push(&mut first, "let x = \"s\";", 200, Style::new());
        assert!(first.runs.len() > 1);
        let mut second = Styled::new();
        c.push(&mut second, "let y = \"t\";", 200, Style::new());
        assert_eq!(second.runs, [(second.text.len(), c.base)]);
        assert_eq!(second.text, "let y = \"t\";");
    }
}
