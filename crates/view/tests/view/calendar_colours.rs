//! The calendar's heatmap as drawn: each level's mark read back from the
//! `TestBackend` buffer, in the month and the year view, in the dark and
//! the light theme, with 16 colours and without colour. A busier day must
//! look more intense (a fuller glyph, a colour further from the
//! background), the cursor must show on every level, and the legend's
//! swatches must be the marks the days are drawn with.
//!
//! The notes: five days of January 2024, one each of heat levels 0 to 4
//! (a heading alone, then ever more text), Monday the 1st to Friday the
//! 5th, all in the first column of the year view and the first row of the
//! month:
//!
//! ```text
//!      Mo Tu We Th Fr          year view: a column per week
//!       1  2  3  4  5          Mo ·     (level 0)
//!       ·  ░  ▒  ▓  █          Tu ░ …   Fr █
//! ```

use crate::common::Screen;
use daynotes_view::app::Action;
use daynotes_view::theme::{ColourDepth, Theme};
use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier, Style};

const MARKS: [&str; 5] = ["·", "░", "▒", "▓", "█"];

/// Five days, one of each heat level.
fn notes() -> String {
    // A heading alone: nothing written, not even a blank line.
    let mut text = String::from("## 2024-01-01\n");
    for (day, words) in [(2, 2), (3, 20), (4, 200), (5, 2000)] {
        text.push_str(&format!(
            "## 2024-01-{day:02}\n\n- {}\n\n",
            "word ".repeat(words)
        ));
    }
    text
}

/// A viewer of [`notes`] in `theme`, the calendar open on January 8 (a
/// day without notes, so that the five days are drawn as themselves).
fn calendar(theme: Theme, year_view: bool) -> Screen {
    let nb = daynotes_core::load::from_text("notes.md", notes());
    let mut s = Screen::new(nb, 100, 30);
    s.app.dates.clock = || (2025, 9, 1);
    s.app.dates.today = (2025, 9, 1);
    let app = std::mem::replace(
        &mut s.app,
        daynotes_view::app::App::new(daynotes_core::notes::Notebook::default()),
    );
    s.app = app.with_theme(theme);
    s.app.update(Action::Resize {
        width: 100,
        height: 30,
    });
    s.press(&[Action::CalendarOpen, Action::Down]);
    if year_view {
        s.press(&[Action::YearView]);
    }
    s.draw();
    s
}

/// Where the text `what` starts on screen (display cells), first found.
fn find(buf: &Buffer, what: &str) -> (u16, u16) {
    for y in 0..buf.area.height {
        let row: Vec<&str> = (0..buf.area.width).map(|x| buf[(x, y)].symbol()).collect();
        let text: String = row.concat();
        if let Some(i) = text.find(what) {
            let x = row
                .iter()
                .scan(0, |at, s| {
                    let start = *at;
                    *at += s.len();
                    Some(start)
                })
                .position(|start| start == i)
                .unwrap();
            return (u16::try_from(x).unwrap(), y);
        }
    }
    panic!("{what:?} not on screen");
}

/// What a drawn cell's style says, as a theme writes it: colours (none
/// for the terminal's own) and attributes.
fn drawn(s: Style) -> Style {
    let own = |c: Option<Color>| c.filter(|c| *c != Color::Reset);
    Style {
        fg: own(s.fg),
        bg: own(s.bg),
        underline_color: None,
        sub_modifier: Modifier::empty(),
        ..s
    }
}

/// The (glyph, style) of each level's day in the year view.
fn year_cells(s: &Screen) -> Vec<(String, Style)> {
    let buf = s.buffer();
    let (x, y) = find(buf, "Mo  ");
    (0..5)
        .map(|level| {
            let cell = &buf[(x + 4, y + level)];
            (cell.symbol().to_string(), drawn(cell.style()))
        })
        .collect()
}

/// The (mark, style) beside each level's day number in the month view,
/// and the style of its number.
fn month_cells(s: &Screen) -> Vec<(String, Style, Style)> {
    let buf = s.buffer();
    let (x, y) = find(buf, " Mo  Tu");
    (0..5u16)
        .map(|level| {
            let number = &buf[(x + 4 * level + 2, y + 1)];
            let mark = &buf[(x + 4 * level + 3, y + 1)];
            assert_eq!(number.symbol(), (level + 1).to_string());
            (
                mark.symbol().to_string(),
                drawn(mark.style()),
                drawn(number.style()),
            )
        })
        .collect()
}

/// The (glyph, style) of the legend's swatches, after `less`.
fn legend(s: &Screen) -> Vec<(String, Style)> {
    let buf = s.buffer();
    let (x, y) = find(buf, "less ");
    let (_, end) = (x, find(buf, " more").0);
    (x + 5..end)
        .step_by(2)
        .map(|x| (buf[(x, y)].symbol().to_string(), drawn(buf[(x, y)].style())))
        .collect()
}

/// The colour as 0-255 red, green, blue (xterm's values for the names).
fn rgb(c: Color) -> (f64, f64, f64) {
    let named = |c| match c {
        Color::Black => (0, 0, 0),
        Color::Red => (205, 0, 0),
        Color::Green => (0, 205, 0),
        Color::Yellow => (205, 205, 0),
        Color::Blue => (0, 0, 238),
        Color::Magenta => (205, 0, 205),
        Color::Cyan => (0, 205, 205),
        Color::Gray => (229, 229, 229),
        Color::DarkGray => (127, 127, 127),
        Color::LightGreen => (0, 255, 0),
        Color::White => (255, 255, 255),
        Color::Rgb(r, g, b) => (r, g, b),
        other => panic!("no test value for {other:?}"),
    };
    let (r, g, b) = named(c);
    (f64::from(r), f64::from(g), f64::from(b))
}

/// How far `c` stands from the background: relative luminance apart.
fn contrast(c: Color, background: Color) -> f64 {
    let lum = |c: Color| {
        let (r, g, b) = rgb(c);
        let lin = |v: f64| {
            let v = v / 255.0;
            if v <= 0.04045 {
                v / 12.92
            } else {
                ((v + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b)
    };
    (lum(c) - lum(background)).abs()
}

/// Each of the five levels in every drawing: the glyphs in order, the
/// colours ever further from the background (`strict`: each step, else
/// never less), the legend the same marks.
#[track_caller]
fn busier_is_more_intense(theme: Theme, background: Option<Color>, strict: bool) {
    let year = calendar(theme.clone(), true);
    let cells = year_cells(&year);
    let glyphs: Vec<&str> = cells.iter().map(|(g, _)| g.as_str()).collect();
    assert_eq!(glyphs, MARKS, "year view glyphs");
    assert_eq!(legend(&year), cells, "year legend: the marks as drawn");
    let month = calendar(theme, false);
    let marks = month_cells(&month);
    // Level 0 (a heading alone) has no mark in the month; the others have
    // the year view's.
    assert_eq!(marks[0].0, " ");
    for level in 1..5 {
        assert_eq!(
            (marks[level].0.clone(), marks[level].1),
            cells[level],
            "month mark of level {level}"
        );
    }
    assert_eq!(legend(&month), cells[1..], "month legend");
    let Some(bg) = background else {
        for (glyph, style) in &cells {
            assert!(
                style.fg.is_none() && style.bg.is_none(),
                "{glyph}: {style:?}"
            );
        }
        return;
    };
    let apart: Vec<f64> = cells
        .iter()
        .map(|(_, s)| contrast(s.fg.expect("a colour"), bg))
        .collect();
    for level in 1..5 {
        assert!(cells[level].1.bg.is_none(), "no background over the glyph");
        let (a, b) = (apart[level - 1], apart[level]);
        let more = if strict { b > a } else { b >= a };
        assert!(more || level == 1, "level {level}: {apart:?}");
        assert!(apart[level] > 0.05, "level {level} visible: {apart:?}");
    }
    assert!(!strict || apart[4] > apart[1], "{apart:?}");
}

#[test]
fn dark_theme_brighter_for_busier_days() {
    busier_is_more_intense(Theme::dark(), Some(Color::Black), true);
}

#[test]
fn light_theme_darker_for_busier_days() {
    busier_is_more_intense(Theme::light(), Some(Color::White), true);
}

#[test]
fn sixteen_colours_never_lose_a_level() {
    let dark = Theme::dark().with_depth(ColourDepth::Ansi16);
    busier_is_more_intense(dark, Some(Color::Black), false);
    let light = Theme::light().with_depth(ColourDepth::Ansi16);
    busier_is_more_intense(light, Some(Color::White), false);
}

#[test]
fn without_colour_the_glyph_tells_the_levels() {
    busier_is_more_intense(Theme::plain(), None, false);
}

/// The cursor on each level's day: in the month its number takes the
/// cursor's style (and its mark stays), in the year it is a mark of its
/// own; both differ from every level's drawing and show something.
#[test]
fn the_cursor_shows_on_every_level() {
    for theme in [Theme::dark(), Theme::light(), Theme::plain()] {
        for level in 0..5u16 {
            let mut month = calendar(theme.clone(), false);
            month.press(&[Action::Up]);
            for _ in 0..level {
                month.press(&[Action::Right]);
            }
            month.draw();
            let cells = month_cells(&month);
            let cursor = cells[usize::from(level)].2;
            assert_eq!(cursor, theme.ui.calendar_cursor, "level {level}");
            for (i, (_, _, number)) in cells.iter().enumerate() {
                if i != usize::from(level) {
                    assert_ne!(*number, cursor, "level {level}: day {}", i + 1);
                }
            }
            assert!(
                cursor.bg != cursor.fg || cursor.add_modifier.contains(Modifier::REVERSED),
                "{cursor:?}"
            );
            month.press(&[Action::YearView]);
            month.draw();
            let (glyph, style) = year_cells(&month)[usize::from(level)].clone();
            assert_eq!(glyph, "◆", "level {level}");
            assert_eq!(style, theme.ui.calendar_cursor);
        }
    }
}
