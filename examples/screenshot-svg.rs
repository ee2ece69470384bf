//! Draws the viewer on the bundled notes into SVG pictures: the one at the
//! top of the README (`docs/viewer.svg`), and those of the calendar, the
//! help, a review and a cram that the README shows further on.
//!
//! `cargo run --example screenshot-svg [-- DIR]` writes them to `docs/` (or
//! DIR). Each screen is drawn by the real `ui::draw` on a ratatui
//! `TestBackend`, so a picture changes when the look does; a test
//! (`tests/screenshot.rs`) fails while a committed file is out of date.
//!
//! Each cell of the buffer becomes a character placed at its column:
//!
//! ```text
//! cell      0   1   2   3   4
//! symbol    技  ·   术  ·   │      (· the cell hidden behind a wide one)
//! x         0   -   2w  -   4w     one position per symbol, so a font's
//!                                  own widths cannot shift a column
//! ```
//!
//! Runs of one background become rectangles; colours come from a fixed
//! dark terminal palette; bold, italic, underline and dim are kept.

use std::fmt::Write as _;
use std::path::PathBuf;

use daynotes_view::app::{Action, App};
use daynotes_view::ui::{self, ViewState};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::{Buffer, Cell};
use ratatui::style::{Color, Modifier};
use unicode_width::UnicodeWidthStr;

/// The terminal the picture shows: columns and rows.
pub const SIZE: (u16, u16) = (100, 30);

/// One cell in pixels, and the font size: a CJK character (1 em wide) fits
/// in two cells.
pub const CELL_W: u32 = 9;
pub const CELL_H: u32 = 18;
const FONT_PX: u32 = 15;
/// Monospace fonts first, then CJK ones for the wide characters.
const FONTS: &str = "ui-monospace,'SF Mono','DejaVu Sans Mono',Menlo,Consolas,'Liberation Mono',\
                     'Noto Sans Mono CJK SC','Noto Sans CJK SC','PingFang SC','Microsoft YaHei',monospace";
/// Where a row's text sits below the row's top.
pub const BASELINE: u32 = 14;
/// The margin around the screen.
pub const PAD: u32 = 12;

/// The terminal's own colours, for `Color::Reset`.
pub const DEFAULT_FG: &str = "#d4d7dd";
pub const DEFAULT_BG: &str = "#1b1e24";

fn main() {
    let dir = std::env::args_os().nth(1).map_or_else(
        || PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("docs"),
        PathBuf::from,
    );
    std::fs::create_dir_all(&dir).expect("the output's directory");
    for (name, picture) in pictures() {
        let out = dir.join(name);
        std::fs::write(&out, picture).expect("write the picture");
        eprintln!("wrote {}", out.display());
    }
}

/// Every picture: its file name and its SVG.
pub fn pictures() -> Vec<(&'static str, String)> {
    vec![
        ("viewer.svg", screenshot()),
        ("calendar.svg", svg(&scene(&CALENDAR))),
        ("help.svg", svg(&scene(&HELP))),
        (
            "review.svg",
            svg_titled(&scene(&REVIEW), "a review in daynotes"),
        ),
        ("cram.svg", svg_titled(&cram_screen(), "a cram in daynotes")),
        ("notebook.svg", notebook_screenshot()),
    ]
}

/// The viewer on the folder of daily notes of the tests, its outline
/// narrowed to the tag `#net` (`#`, `net`, Enter) and the topic
/// Congestion control shown with what links to it.
pub fn notebook_screen() -> Buffer {
    let folder = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/notebook");
    // Read whole, recursively, every topic and section and finding made.
    let options = daynotes_core::load::LoadOptions::default();
    let loaded = daynotes_core::load::resolve(
        Some(std::path::Path::new(folder)),
        None,
        options,
        daynotes::SAMPLE,
    )
    .expect("the folder of the tests");
    let mut app = App::with_origin(loaded.notebook, "notebook");
    // Today fixed, as for the other pictures: labels of days are written
    // from where today is.
    app.dates.clock = || (2025, 9, 12);
    app.dates.today = (2025, 9, 12);
    let (width, height) = SIZE;
    app.update(Action::Resize { width, height });
    app.index_now();
    let mut keys = vec![Action::TagPicker];
    keys.extend("net".chars().map(Action::Input));
    keys.extend([Action::Accept, Action::Down]);
    for action in keys {
        app.update(action);
    }
    let mut term = Terminal::new(TestBackend::new(width, height)).expect("a test terminal");
    let mut view = ViewState::default();
    term.draw(|frame| ui::draw(frame, &app, &mut view))
        .expect("a frame");
    term.backend().buffer().clone()
}

/// A cram of the cards written in the markdown fixture of the tests
/// (`tests/fixtures/cards/cards.md`), in the order a fixed seed shuffles
/// them: two cards known, the third a cloze with a hint, its answer shown.
pub fn cram_screen() -> Buffer {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/cards/cards.md");
    let text = std::fs::read_to_string(path).expect("the cards of the tests");
    let notebook = daynotes_core::load::from_text("cards.md", text);
    let mut app = App::with_origin(notebook, "cards.md");
    app.dates.clock = || (2024, 3, 6);
    app.dates.today = (2024, 3, 6);
    app.study.rng = daynotes_view::app::review::Rng::with_seed(CRAM_SEED);
    let (width, height) = SIZE;
    app.update(Action::Resize { width, height });
    let known = [Action::Reveal, Action::Reveal];
    let keys = [&[Action::CramStart][..], &known, &known, &[Action::Reveal]].concat();
    for action in keys {
        app.update(action);
    }
    let mut term = Terminal::new(TestBackend::new(width, height)).expect("a test terminal");
    let mut view = ViewState::default();
    term.draw(|frame| ui::draw(frame, &app, &mut view))
        .expect("a frame");
    term.backend().buffer().clone()
}

/// The shuffle of [`cram_screen`]: its third card is a cloze with a hint.
pub const CRAM_SEED: u64 = 20;

/// [`notebook_screen`] as an SVG document.
pub fn notebook_screenshot() -> String {
    svg_titled(
        &notebook_screen(),
        "daynotes on a folder of daily notes, filtered by a tag, a topic with its backlinks",
    )
}

/// 8.23 › 1. http长轮询 › 2. 服务器发送事件SSE: the outline, the topic with
/// its comparison table, and the status bar.
const VIEWER: [Action; 3] = [Action::NextDay, Action::Down, Action::Down];
/// The calendar's year view on 2025-08-22, the busiest day.
const CALENDAR: [Action; 2] = [Action::CalendarOpen, Action::YearView];
/// The help opened in the calendar: on the calendar's keys.
const HELP: [Action; 2] = [Action::CalendarOpen, Action::Help];
/// A review's first card, its answer shown (its section that asks a
/// question of its own folded).
const REVIEW: [Action; 2] = [Action::ReviewStart, Action::Reveal];

/// The viewer on the bundled notes with 8.23's second topic selected.
pub fn screen() -> Buffer {
    scene(&VIEWER)
}

/// The viewer on the bundled notes, placed in 2025 and on 2025-09-12 (so
/// that no picture changes with the year it is drawn in), after `actions`.
pub fn scene(actions: &[Action]) -> Buffer {
    let mut notebook =
        daynotes_core::load::from_text("study-notes.txt", daynotes::SAMPLE.to_string());
    let year = actions != VIEWER;
    if year {
        daynotes_core::dates::assume_year(&mut notebook, 2025);
    }
    let mut app = App::new(notebook);
    app.dates.clock = || (2025, 9, 12);
    app.dates.today = (2025, 9, 12);
    if year {
        app.set_assumed_year(daynotes_core::dates::AssumedYear {
            year: 2025,
            source: "--year",
        });
    }
    let (width, height) = SIZE;
    app.update(Action::Resize { width, height });
    for &action in actions {
        app.update(action);
    }
    let mut term = Terminal::new(TestBackend::new(width, height)).expect("a test terminal");
    let mut view = ViewState::default();
    term.draw(|frame| ui::draw(frame, &app, &mut view))
        .expect("a frame");
    term.backend().buffer().clone()
}

/// [`screen`] as an SVG document.
pub fn screenshot() -> String {
    svg(&screen())
}

/// A buffer as an SVG document.
pub fn svg(buf: &Buffer) -> String {
    svg_titled(buf, "daynotes showing its bundled notes")
}

/// A buffer as an SVG document titled `title`.
pub fn svg_titled(buf: &Buffer, title: &str) -> String {
    let (cols, rows) = (u32::from(buf.area.width), u32::from(buf.area.height));
    let (width, height) = (cols * CELL_W + 2 * PAD, rows * CELL_H + 2 * PAD);
    let mut out = String::new();
    let _ = writeln!(
        out,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}" role="img">"#
    );
    let _ = writeln!(out, "<title>{title}</title>");
    let _ = writeln!(
        out,
        "<style>text{{font-family:{FONTS};font-size:{FONT_PX}px}}\
         .b{{font-weight:bold}}.i{{font-style:italic}}.u{{text-decoration:underline}}.d{{opacity:.6}}</style>"
    );
    let _ = writeln!(
        out,
        r#"<rect width="{width}" height="{height}" rx="8" fill="{DEFAULT_BG}"/>"#
    );
    for y in 0..buf.area.height {
        let cells = visible_cells(buf, y);
        backgrounds(&mut out, u32::from(y), &cells);
        texts(&mut out, u32::from(y), &cells);
    }
    out.push_str("</svg>\n");
    out
}

/// A cell as drawn: its column, its symbol and its colours after reverse
/// video.
struct Drawn<'a> {
    col: u32,
    symbol: &'a str,
    fg: String,
    bg: Option<String>,
    modifier: Modifier,
}

/// The cells of row `y` that show something, each at its column; the cell
/// hidden behind a wide character is skipped.
fn visible_cells(buf: &Buffer, y: u16) -> Vec<Drawn<'_>> {
    let mut drawn = Vec::new();
    let mut skip = 0;
    for x in 0..buf.area.width {
        let cell: &Cell = &buf[(x, y)];
        if skip > 0 {
            skip -= 1;
            continue;
        }
        skip = cell.symbol().width().saturating_sub(1);
        let mut fg = color(cell.fg).unwrap_or_else(|| DEFAULT_FG.to_string());
        let mut bg = color(cell.bg);
        if cell.modifier.contains(Modifier::REVERSED) {
            let old_fg = fg;
            fg = bg.unwrap_or_else(|| DEFAULT_BG.to_string());
            bg = Some(old_fg);
        }
        drawn.push(Drawn {
            col: u32::from(x),
            symbol: cell.symbol(),
            fg,
            bg,
            modifier: cell.modifier,
        });
    }
    drawn
}

/// The rectangles of row `y`'s backgrounds, one per run of a colour.
fn backgrounds(out: &mut String, y: u32, cells: &[Drawn]) {
    let mut i = 0;
    while i < cells.len() {
        let Some(bg) = &cells[i].bg else {
            i += 1;
            continue;
        };
        let start = cells[i].col;
        let mut end = i;
        while end < cells.len() && cells[end].bg.as_ref() == Some(bg) {
            end += 1;
        }
        let last = &cells[end - 1];
        let stop = last.col + cell_width(last.symbol);
        let _ = writeln!(
            out,
            r#"<rect x="{}" y="{}" width="{}" height="{CELL_H}" fill="{bg}"/>"#,
            PAD + start * CELL_W,
            PAD + y * CELL_H,
            (stop - start) * CELL_W,
        );
        i = end;
    }
}

/// The text of row `y`: one `<text>` per run of a style, each symbol in a
/// `<tspan>` at its own column. Blank cells draw nothing and end no run.
fn texts(out: &mut String, y: u32, cells: &[Drawn]) {
    let baseline = PAD + y * CELL_H + BASELINE;
    let shown: Vec<&Drawn> = cells
        .iter()
        .filter(|c| !c.symbol.trim().is_empty())
        .collect();
    for run in shown.chunk_by(|a, b| a.fg == b.fg && a.modifier == b.modifier) {
        let _ = write!(
            out,
            r#"<text y="{baseline}" fill="{}"{}>"#,
            run[0].fg,
            classes(run[0].modifier)
        );
        for cell in run {
            let _ = write!(
                out,
                r#"<tspan x="{}">{}</tspan>"#,
                PAD + cell.col * CELL_W,
                escape(cell.symbol)
            );
        }
        out.push_str("</text>\n");
    }
}

/// The cells a symbol covers (at least one).
fn cell_width(symbol: &str) -> u32 {
    symbol.width().max(1) as u32
}

/// ` class="…"` for the modifiers an SVG can show, or nothing.
fn classes(m: Modifier) -> String {
    let names: Vec<&str> = [
        (Modifier::BOLD, "b"),
        (Modifier::ITALIC, "i"),
        (Modifier::UNDERLINED, "u"),
        (Modifier::DIM, "d"),
    ]
    .into_iter()
    .filter(|(flag, _)| m.contains(*flag))
    .map(|(_, name)| name)
    .collect();
    if names.is_empty() {
        String::new()
    } else {
        format!(r#" class="{}""#, names.join(" "))
    }
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// A colour as `#rrggbb`, `None` for the terminal's default. The sixteen
/// named colours are those of a dark terminal theme; the 256 indexed ones
/// follow xterm's cube and grey ramp.
fn color(c: Color) -> Option<String> {
    let hex = match c {
        Color::Reset => return None,
        Color::Black => "#15171c",
        Color::Red => "#e06c75",
        Color::Green => "#98c379",
        Color::Yellow => "#e5c07b",
        Color::Blue => "#61afef",
        Color::Magenta => "#c678dd",
        Color::Cyan => "#56b6c2",
        Color::Gray => "#abb2bf",
        Color::DarkGray => "#5c6370",
        Color::LightRed => "#ff8b94",
        Color::LightGreen => "#b5e48c",
        Color::LightYellow => "#f2d58e",
        Color::LightBlue => "#8cc8ff",
        Color::LightMagenta => "#dca0f0",
        Color::LightCyan => "#8ad8e2",
        Color::White => "#f4f5f7",
        Color::Indexed(n) => return Some(indexed(n)),
        Color::Rgb(r, g, b) => return Some(format!("#{r:02x}{g:02x}{b:02x}")),
    };
    Some(hex.to_string())
}

/// An xterm 256-colour index as `#rrggbb`.
fn indexed(n: u8) -> String {
    const NAMED: [Color; 16] = [
        Color::Black,
        Color::Red,
        Color::Green,
        Color::Yellow,
        Color::Blue,
        Color::Magenta,
        Color::Cyan,
        Color::Gray,
        Color::DarkGray,
        Color::LightRed,
        Color::LightGreen,
        Color::LightYellow,
        Color::LightBlue,
        Color::LightMagenta,
        Color::LightCyan,
        Color::White,
    ];
    if let Some(&named) = NAMED.get(usize::from(n)) {
        return color(named).unwrap_or_else(|| DEFAULT_FG.to_string());
    }
    let (r, g, b) = if n >= 232 {
        let v = 8 + 10 * (n - 232);
        (v, v, v)
    } else {
        let level = |i: u8| if i == 0 { 0 } else { 55 + 40 * i };
        let i = n - 16;
        (level(i / 36), level(i / 6 % 6), level(i % 6))
    };
    format!("#{r:02x}{g:02x}{b:02x}")
}
