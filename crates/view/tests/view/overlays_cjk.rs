//! Every box drawn over the panes (the help, the warnings, the calendar,
//! the title picker) keeps its left border over Chinese text. A wide
//! character of the pane below whose first cell lies just left of the box
//! would cover the border cell: the terminal is sent the character and not
//! the border after it, and the box's row shifts (`tcp握Move`). So the cut
//! character is cleared, wherever the box's edge falls.
//!
//! ```text
//! │    1. tcp握│Move …      the border column, on every row of the box
//! │    1. tcp ┌ Keys ─…     (the cut 握 shown as a space)
//! ```

use daynotes_core::load::from_text;
use daynotes_view::app::Action;
use ratatui::buffer::Buffer;
use unicode_width::UnicodeWidthStr;

use crate::common;

/// Notes that are Chinese from edge to edge, in both parities: every row
/// of either pane has a wide character starting at an odd column and, a
/// row or so away, at an even one. An impossible date gives a warning.
fn chinese_notes() -> String {
    let wide = "中文的笔记内容".repeat(20);
    let mut s = String::new();
    for day in 1..=3 {
        s.push_str(&format!("8.{day}：复习\n"));
        for topic in 1..=4 {
            let lead = if topic % 2 == 0 { "a" } else { "" };
            s.push_str(&format!("    {topic}.{lead}握手连接的过程与细节说明\n"));
            for line in 0..8 {
                let lead = if line % 2 == 0 { "" } else { "x" };
                s.push_str(&format!("        **{lead}第{line}节标题**：\n"));
                s.push_str(&format!("        {lead}{wide}\n"));
            }
        }
    }
    s.push_str("13.45\n");
    s
}

/// Where the box's top-left corner is: the first `┌` below the panes' own
/// top row (or, for a screen of one pane, anywhere but its corner).
fn corner(buf: &Buffer) -> (u16, u16) {
    for y in 1..buf.area.height {
        for x in 1..buf.area.width {
            if buf[(x, y)].symbol() == "┌" {
                return (x, y);
            }
        }
    }
    panic!("no box on the screen:\n{}", common::screen_text(buf));
}

/// Asserts that column `x` is the box's left border from its top corner
/// down to its bottom one, and that no wide character left of it reaches
/// into it.
#[track_caller]
fn assert_left_border(buf: &Buffer, what: &str, width: u16) {
    let (x, top) = corner(buf);
    let mut y = top + 1;
    loop {
        assert!(
            y < buf.area.height,
            "{what} at width {width}: no bottom corner under ({x}, {top}):\n{}",
            common::screen_text(buf)
        );
        let symbol = buf[(x, y)].symbol();
        if symbol == "└" {
            break;
        }
        assert_eq!(
            symbol,
            "│",
            "{what} at width {width}, row {y}: border column {x}:\n{}",
            common::screen_text(buf)
        );
        y += 1;
    }
    for y in top..=y {
        let left = buf[(x - 1, y)].symbol();
        assert!(
            left.width() <= 1,
            "{what} at width {width}, row {y}: {left:?} covers the border"
        );
    }
}

#[test]
fn every_box_keeps_its_left_border_over_chinese_text() {
    let notes = chinese_notes();
    let boxes: &[(&str, &[Action])] = &[
        ("help", &[Action::Help]),
        ("warnings", &[Action::Warnings]),
        ("calendar", &[Action::CalendarOpen]),
        ("picker", &[Action::PickerOpen]),
    ];
    for width in (40..=130).step_by(1) {
        for (what, keys) in boxes {
            let mut s = common::Screen::new(from_text("notes.txt", notes.clone()), width, 30);
            // Unfold everything and show a topic, so Chinese fills both panes.
            s.press(&[Action::UnfoldAll, Action::Down, Action::Down]);
            s.draw();
            s.press(keys);
            s.draw();
            if *what == "help" && width < 60 {
                // Narrow, the help takes the screen: no pane is left of it.
                assert_eq!(s.buffer()[(0, 0)].symbol(), "┌", "{width}");
                continue;
            }
            assert_left_border(s.buffer(), what, width);
        }
    }
}
