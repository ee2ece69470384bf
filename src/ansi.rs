//! Styled lines → text for a terminal or a pipe, for the commands.
//!
//! Only daynotes' own SGR sequences are written: the text of the lines has
//! already been sanitised, and is passed through [`daynotes_core::sanitize::visible`]
//! once more here so that a line built elsewhere cannot smuggle a control
//! character out. Each line that set a style ends with a reset.
//!
//! [`Row`] writes one such line a piece at a time, straight into a buffer:
//! the commands that print a row per day or per hit use it rather than
//! building a [`Line`] of owned pieces for each (a million rows).

use std::fmt::Write;

use ratatui::style::{Color, Modifier, Style};
use ratatui::text::Line;

use daynotes_core::sanitize;

/// The lines as text, one per `\n`-terminated row. With `color`, each span's
/// style is written as SGR codes; without, the text alone.
#[must_use]
pub fn to_ansi(lines: &[Line], color: bool) -> String {
    let mut out = String::new();
    for line in lines {
        let mut row = Row::new(&mut out, color);
        for span in &line.spans {
            row.styled(&span.content, line.style.patch(span.style));
        }
        row.end();
    }
    out
}

/// One line being written into a buffer, a piece at a time, as
/// [`to_ansi`] writes a [`Line`] of those pieces.
pub struct Row<'a> {
    out: &'a mut String,
    color: bool,
    current: Style,
    styled: bool,
}

impl<'a> Row<'a> {
    /// Starts a line at the end of `out`; with `color`, styles are written.
    pub fn new(out: &'a mut String, color: bool) -> Self {
        Row {
            out,
            color,
            current: Style::new(),
            styled: false,
        }
    }

    /// Writes `text` (made safe to print) in `style`.
    pub fn styled(&mut self, text: &str, style: Style) {
        self.style(style);
        self.out.push_str(&sanitize::visible(text));
    }

    /// Writes `text` that [`sanitize::visible`] has already made safe (so
    /// the same as [`Row::styled`] without looking at it again) in `style`.
    pub fn shown(&mut self, text: &str, style: Style) {
        self.style(style);
        self.out.push_str(text);
    }

    fn style(&mut self, style: Style) {
        if self.color {
            let style = Style::new().patch(style);
            if style != self.current {
                self.out.push_str("\x1b[0m");
                self.out.push_str(&sgr(style));
                self.current = style;
                self.styled = true;
            }
        }
    }

    /// Writes `text` (made safe to print) in the default style.
    pub fn plain(&mut self, text: &str) {
        self.styled(text, Style::new());
    }

    /// Ends the line.
    pub fn end(self) {
        if self.styled {
            self.out.push_str("\x1b[0m");
        }
        self.out.push('\n');
    }
}

/// The SGR sequence that sets `style` from a reset state (empty for the
/// default style).
fn sgr(style: Style) -> String {
    let mut codes: Vec<String> = Vec::new();
    let attrs = [
        (Modifier::BOLD, 1),
        (Modifier::DIM, 2),
        (Modifier::ITALIC, 3),
        (Modifier::UNDERLINED, 4),
        (Modifier::SLOW_BLINK, 5),
        (Modifier::RAPID_BLINK, 6),
        (Modifier::REVERSED, 7),
        (Modifier::HIDDEN, 8),
        (Modifier::CROSSED_OUT, 9),
    ];
    for (m, code) in attrs {
        if style.add_modifier.contains(m) {
            codes.push(code.to_string());
        }
    }
    if let Some(fg) = style.fg.and_then(|c| color_code(c, false)) {
        codes.push(fg);
    }
    if let Some(bg) = style.bg.and_then(|c| color_code(c, true)) {
        codes.push(bg);
    }
    if codes.is_empty() {
        return String::new();
    }
    let mut s = String::from("\x1b[");
    s.push_str(&codes.join(";"));
    s.push('m');
    s
}

fn color_code(color: Color, background: bool) -> Option<String> {
    let base = if background { 40 } else { 30 };
    let bright = if background { 100 } else { 90 };
    let code = match color {
        Color::Reset => return None,
        Color::Black => base,
        Color::Red => base + 1,
        Color::Green => base + 2,
        Color::Yellow => base + 3,
        Color::Blue => base + 4,
        Color::Magenta => base + 5,
        Color::Cyan => base + 6,
        Color::Gray => base + 7,
        Color::DarkGray => bright,
        Color::LightRed => bright + 1,
        Color::LightGreen => bright + 2,
        Color::LightYellow => bright + 3,
        Color::LightBlue => bright + 4,
        Color::LightMagenta => bright + 5,
        Color::LightCyan => bright + 6,
        Color::White => bright + 7,
        Color::Indexed(i) => {
            let mut s = String::new();
            let _ = write!(s, "{};5;{i}", base + 8);
            return Some(s);
        }
        Color::Rgb(r, g, b) => {
            let mut s = String::new();
            let _ = write!(s, "{};2;{r};{g};{b}", base + 8);
            return Some(s);
        }
    };
    Some(code.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::text::Span;

    #[test]
    fn plain_output_is_the_text() {
        let lines = [
            Line::from(vec![
                Span::styled("标题", Style::new().fg(Color::Cyan)),
                Span::raw(" x"),
            ]),
            Line::default(),
        ];
        assert_eq!(to_ansi(&lines, false), "标题 x\n\n");
    }

    #[test]
    fn colour_output_sets_and_resets_per_line() {
        let bold_cyan = Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD);
        let lines = [
            Line::from(vec![Span::styled("h", bold_cyan), Span::raw(" t")]),
            Line::from("plain"),
        ];
        assert_eq!(
            to_ansi(&lines, true),
            "\x1b[0m\x1b[1;36mh\x1b[0m t\x1b[0m\nplain\n"
        );
    }

    #[test]
    fn file_controls_never_reach_the_output() {
        let lines = [Line::from("a\x1b]52;c;x\x07b\u{9b}2J")];
        let out = to_ansi(&lines, true);
        assert!(!out.contains('\x1b') && !out.contains('\u{9b}'), "{out:?}");
    }

    #[test]
    fn rgb_and_indexed_colours() {
        let s = Style::new().fg(Color::Rgb(1, 2, 3)).bg(Color::Indexed(200));
        assert_eq!(sgr(s), "\x1b[38;2;1;2;3;48;5;200m");
    }
}
