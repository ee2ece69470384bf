//! The picture at the top of the README: `examples/screenshot-svg.rs` still
//! draws it, as well-formed SVG in which every character sits in its cell
//! (Chinese ones taking two), with the screen's colours and bold; and the
//! committed `docs/viewer.svg` is what it draws today, so a change of the
//! look shows up here.

use crate::common;

// The example itself, its `main` unused here.
#[allow(dead_code)]
#[path = "../../examples/screenshot-svg.rs"]
mod example;

use example::{BASELINE, CELL_H, CELL_W, PAD, SIZE};

/// One drawn character of the picture: its cell, symbol, colour and class.
#[derive(Debug)]
struct Glyph {
    row: u32,
    col: u32,
    symbol: String,
    fill: String,
    class: String,
}

/// Every `<tspan>` of the picture, placed back in its cell.
fn glyphs(doc: &roxmltree::Document) -> Vec<Glyph> {
    let mut out = Vec::new();
    for text in doc.descendants().filter(|n| n.has_tag_name("text")) {
        let y: u32 = text.attribute("y").unwrap().parse().unwrap();
        assert_eq!((y - PAD - BASELINE) % CELL_H, 0, "y {y} is on a row");
        for span in text.children().filter(|n| n.has_tag_name("tspan")) {
            let x: u32 = span.attribute("x").unwrap().parse().unwrap();
            assert_eq!((x - PAD) % CELL_W, 0, "x {x} is on a column");
            out.push(Glyph {
                row: (y - PAD - BASELINE) / CELL_H,
                col: (x - PAD) / CELL_W,
                symbol: span.text().unwrap().to_string(),
                fill: text.attribute("fill").unwrap().to_string(),
                class: text.attribute("class").unwrap_or("").to_string(),
            });
        }
    }
    out
}

/// The picture's characters as screen text: each at its column, a wide one
/// covering the next column too; trailing spaces trimmed.
fn screen_of(glyphs: &[Glyph]) -> String {
    let (cols, rows) = (usize::from(SIZE.0), usize::from(SIZE.1));
    let mut grid = vec![vec![" ".to_string(); cols]; rows];
    for g in glyphs {
        let (row, col) = (g.row as usize, g.col as usize);
        assert_eq!(grid[row][col], " ", "two characters in one cell: {g:?}");
        grid[row][col] = g.symbol.clone();
        let wide = unicode_width::UnicodeWidthStr::width(g.symbol.as_str()) == 2;
        if wide {
            assert_eq!(grid[row][col + 1], " ", "a character under {g:?}");
            grid[row][col + 1] = String::new();
        }
    }
    grid.iter()
        .map(|row| row.concat().trim_end().to_string() + "\n")
        .collect()
}

#[test]
fn the_picture_is_the_screen_cell_for_cell() {
    let svg = example::screenshot();
    let doc = roxmltree::Document::parse(&svg).expect("well-formed SVG");
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "svg");
    assert_eq!(root.attribute("width"), Some("924"), "100 columns");
    assert_eq!(root.attribute("height"), Some("564"), "30 rows");

    let screen = screen_of(&glyphs(&doc));
    assert_eq!(screen, common::screen_text(&example::screen()));
    let rows: Vec<&str> = screen.lines().collect();
    // The table under 与其他技术对比: each column rule below the one above,
    // after Chinese headers two cells a character.
    assert_eq!(
        &rows[13..16],
        [
            "│▾ 9.1 (2)                      ││┌───────────┬──────────┬──────┬────────┬────────┐                │",
            "│    1. cookie是什么            │││ 技术      │ 通信方向 │ 协议 │ 复杂度 │ 兼容性 │                │",
            "│    2. HTTP headers理论上不区… ││├───────────┼──────────┼──────┼────────┼────────┤                │",
        ]
    );
    assert!(
        rows[29].starts_with(" 8.23 › 2. 服务器发送事件SSE "),
        "the status bar: {}",
        rows[29]
    );
}

#[test]
fn colours_and_bold_are_kept() {
    let svg = example::screenshot();
    let doc = roxmltree::Document::parse(&svg).unwrap();
    let glyphs = glyphs(&doc);
    let at = |row: u32, col: u32| {
        glyphs
            .iter()
            .find(|g| g.row == row && g.col == col)
            .unwrap_or_else(|| panic!("nothing at {row}:{col}"))
    };
    // The topic's heading: bold, in the theme's yellow.
    let heading = at(1, 34);
    assert_eq!(
        (heading.symbol.as_str(), heading.class.as_str()),
        ("2", "b")
    );
    assert_eq!(heading.fill, "#e5c07b");
    // The selected outline row: dark text on a cyan bar across the pane.
    let selected = at(7, 5);
    assert_eq!(selected.symbol, "2");
    assert_eq!(selected.fill, "#15171c");
    let bar = doc
        .descendants()
        .filter(|n| n.has_tag_name("rect"))
        .find(|r| r.attribute("y") == Some(&(PAD + 7 * CELL_H).to_string()))
        .expect("a background on the selected row");
    assert_eq!(bar.attribute("fill"), Some("#56b6c2"));
    // Inside the pane's borders: columns 1 to 31.
    assert_eq!(
        bar.attribute("x"),
        Some((PAD + CELL_W).to_string().as_str())
    );
    assert_eq!(
        bar.attribute("width"),
        Some((31 * CELL_W).to_string().as_str())
    );
}

#[test]
fn the_committed_pictures_are_up_to_date() {
    for (name, picture) in example::pictures() {
        let path = format!("{}/docs/{name}", env!("CARGO_MANIFEST_DIR"));
        let committed =
            std::fs::read_to_string(&path).unwrap_or_else(|_| panic!("docs/{name} is committed"));
        assert!(
            committed == picture,
            "docs/{name} is not what the viewer draws today: \
             run `cargo run --example screenshot-svg` and commit the result"
        );
        roxmltree::Document::parse(&picture).expect("well-formed SVG");
    }
}

#[test]
fn the_other_pictures_show_what_they_say() {
    let text =
        |actions: &[daynotes_view::app::Action]| common::screen_text(&example::scene(actions));
    use daynotes_view::app::Action;
    let calendar = text(&[Action::CalendarOpen, Action::YearView]);
    assert!(calendar.contains("┌ 2025 "), "{calendar}");
    assert!(calendar.contains("less · ░ ▒ ▓ █ more"), "{calendar}");
    let help = text(&[Action::CalendarOpen, Action::Help]);
    assert!(help.contains("In the calendar"), "{help}");
    let review = text(&[Action::ReviewStart, Action::Reveal]);
    assert!(
        review.contains("▸ 为什么需要三次握手？ (a card of its own)"),
        "{review}"
    );
    assert!(review.contains("1 again today · 2 hard"), "{review}");
    let cram = common::screen_text(&example::cram_screen());
    assert!(cram.contains("┌ Cram "), "{cram}");
    assert!(
        cram.contains("slow start doubles the window, [after ssthresh] adds one."),
        "{cram}"
    );
    assert!(cram.contains("│ 1 again · 3 known"), "{cram}");
    assert!(
        cram.contains(" cram 3/16 · 13 left · 2 known first try"),
        "{cram}"
    );
}

#[test]
fn the_notebook_picture_shows_a_backlink_and_a_tag_filter() {
    let screen = common::screen_text(&example::notebook_screen());
    let rows: Vec<&str> = screen.lines().collect();
    assert!(screen.contains("Linked from"), "{screen}");
    assert!(screen.contains("← 2024-01-08 › Ports #net/tcp"), "{screen}");
    // The outline narrowed to #net: the third day carries no such tag.
    assert!(!screen.contains("2024-01-09"), "{screen}");
    assert!(rows[29].contains("#net"), "the status bar: {}", rows[29]);
    let committed =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/notebook.svg"))
            .expect("docs/notebook.svg is committed");
    assert!(
        committed == example::notebook_screenshot(),
        "docs/notebook.svg is not what the viewer draws today: \
         run `cargo run --example screenshot-svg` and commit the result"
    );
}
