//! How many colours the terminal shows, and every colour fitted to it: a
//! theme is written in 24-bit colour, and a terminal of 256 or 16 colours
//! is given the nearest it has (a 16-colour terminal told `#0e4429` draws
//! whatever it makes of it, often nothing). The calendar's heat has a
//! ramp of its own for 16 colours ([`super::UiStyles::heat_16`]), where the
//! glyph carries the level.
//!
//! ```text
//! COLORTERM=truecolor|24bit          → True
//! TERM=*-256color                    → Ansi256   (the xterm cube and greys)
//! TERM=xterm, linux, screen, vt100…  → Ansi16
//! ```

use ratatui::buffer::Buffer;
use ratatui::style::Color;

/// The colours a terminal shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ColourDepth {
    /// 24-bit colour.
    #[default]
    True,
    /// The 256 colours of xterm.
    Ansi256,
    /// The 16 named colours.
    Ansi16,
}

/// The 16 named colours as xterm draws them, in index order.
const ANSI: [(Color, (u8, u8, u8)); 16] = [
    (Color::Black, (0, 0, 0)),
    (Color::Red, (205, 0, 0)),
    (Color::Green, (0, 205, 0)),
    (Color::Yellow, (205, 205, 0)),
    (Color::Blue, (0, 0, 238)),
    (Color::Magenta, (205, 0, 205)),
    (Color::Cyan, (0, 205, 205)),
    (Color::Gray, (229, 229, 229)),
    (Color::DarkGray, (127, 127, 127)),
    (Color::LightRed, (255, 0, 0)),
    (Color::LightGreen, (0, 255, 0)),
    (Color::LightYellow, (255, 255, 0)),
    (Color::LightBlue, (92, 92, 255)),
    (Color::LightMagenta, (255, 0, 255)),
    (Color::LightCyan, (0, 255, 255)),
    (Color::White, (255, 255, 255)),
];

/// The levels of a channel in xterm's 6×6×6 colour cube.
const CUBE: [u8; 6] = [0, 95, 135, 175, 215, 255];

impl ColourDepth {
    /// The depth `COLORTERM` and `TERM` say (either unset: `None`). No
    /// `TERM` at all (a Windows console) is taken as 24-bit.
    pub fn from_env(colorterm: Option<&str>, term: Option<&str>) -> ColourDepth {
        if colorterm.is_some_and(|c| matches!(c, "truecolor" | "24bit")) {
            return ColourDepth::True;
        }
        match term {
            None | Some("") => ColourDepth::True,
            Some(t) if t.contains("truecolor") || t.contains("direct") => ColourDepth::True,
            Some(t) if t.contains("256") => ColourDepth::Ansi256,
            Some(_) => ColourDepth::Ansi16,
        }
    }

    /// `color` as this depth shows it: the nearest colour it has.
    pub fn fit(self, color: Color) -> Color {
        match (self, color) {
            (ColourDepth::True, c) => c,
            (ColourDepth::Ansi256, Color::Rgb(r, g, b)) => Color::Indexed(nearest_256((r, g, b))),
            (ColourDepth::Ansi16, Color::Rgb(r, g, b)) => nearest_16((r, g, b)),
            (ColourDepth::Ansi16, Color::Indexed(i)) if i >= 16 => nearest_16(rgb_of_256(i)),
            (ColourDepth::Ansi16, Color::Indexed(i)) => ANSI[usize::from(i)].0,
            (_, c) => c,
        }
    }
}

impl ColourDepth {
    /// Every colour of a drawn frame fitted to this depth.
    pub fn fit_buffer(self, buf: &mut Buffer) {
        if self == ColourDepth::True {
            return;
        }
        for cell in &mut buf.content {
            cell.fg = self.fit(cell.fg);
            cell.bg = self.fit(cell.bg);
        }
    }
}

/// Squared distance between two colours.
fn distance(a: (u8, u8, u8), b: (u8, u8, u8)) -> u32 {
    let d = |x: u8, y: u8| (i32::from(x) - i32::from(y)).unsigned_abs().pow(2);
    d(a.0, b.0) + d(a.1, b.1) + d(a.2, b.2)
}

fn nearest_16(rgb: (u8, u8, u8)) -> Color {
    ANSI.iter()
        .min_by_key(|(_, c)| distance(*c, rgb))
        .map_or(Color::Reset, |(name, _)| *name)
}

/// The index of the nearest colour of the cube (16-231) or the grey ramp
/// (232-255).
fn nearest_256(rgb: (u8, u8, u8)) -> u8 {
    let level = |v: u8| {
        (0..6u8)
            .min_by_key(|&i| (i32::from(CUBE[usize::from(i)]) - i32::from(v)).abs())
            .unwrap_or(0)
    };
    let (r, g, b) = (level(rgb.0), level(rgb.1), level(rgb.2));
    let cube = 16 + 36 * r + 6 * g + b;
    let grey_level = |i: u8| 8 + 10 * i;
    let average = (u32::from(rgb.0) + u32::from(rgb.1) + u32::from(rgb.2)) / 3;
    let grey = (0..24u8)
        .min_by_key(|&i| (i32::from(grey_level(i)) - average as i32).abs())
        .unwrap_or(0);
    let g = grey_level(grey);
    if distance((g, g, g), rgb) < distance(rgb_of_256(cube), rgb) {
        232 + grey
    } else {
        cube
    }
}

/// The colour xterm shows for index `i` of its 256.
fn rgb_of_256(i: u8) -> (u8, u8, u8) {
    match i {
        0..=15 => ANSI[usize::from(i)].1,
        16..=231 => {
            let n = i - 16;
            let c = |k: u8| CUBE[usize::from(k)];
            (c(n / 36), c(n / 6 % 6), c(n % 6))
        }
        _ => {
            let v = 8 + 10 * (i - 232);
            (v, v, v)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_environment_names_the_depth() {
        let depth = ColourDepth::from_env;
        assert_eq!(depth(Some("truecolor"), Some("xterm")), ColourDepth::True);
        assert_eq!(depth(None, Some("xterm-256color")), ColourDepth::Ansi256);
        assert_eq!(depth(None, Some("tmux-256color")), ColourDepth::Ansi256);
        assert_eq!(depth(None, Some("xterm-direct")), ColourDepth::True);
        assert_eq!(depth(None, Some("linux")), ColourDepth::Ansi16);
        assert_eq!(depth(Some(""), Some("xterm")), ColourDepth::Ansi16);
        assert_eq!(depth(None, None), ColourDepth::True);
    }

    #[test]
    fn colours_are_fitted_to_the_nearest() {
        let (c256, c16) = (ColourDepth::Ansi256, ColourDepth::Ansi16);
        assert_eq!(c256.fit(Color::Rgb(255, 0, 0)), Color::Indexed(196));
        assert_eq!(c256.fit(Color::Rgb(128, 128, 128)), Color::Indexed(244));
        assert_eq!(c256.fit(Color::Cyan), Color::Cyan, "names stay");
        assert_eq!(c16.fit(Color::Rgb(0, 200, 10)), Color::Green);
        assert_eq!(c16.fit(Color::Rgb(120, 120, 120)), Color::DarkGray);
        assert_eq!(c16.fit(Color::Indexed(196)), Color::LightRed);
        assert_eq!(c16.fit(Color::Indexed(4)), Color::Blue);
        assert_eq!(
            ColourDepth::True.fit(Color::Rgb(1, 2, 3)),
            Color::Rgb(1, 2, 3)
        );
        // Each colour of the cube and the greys is its own nearest.
        for i in 16..=255u8 {
            assert_eq!(nearest_256(rgb_of_256(i)), i);
        }
    }
}
