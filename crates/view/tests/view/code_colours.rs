//! Code colours in the viewer are made on a thread: a block whose grammar
//! is slow is drawn at once in the plain code colour, and coloured in place,
//! the scroll kept, once the colours are ready.

use std::time::{Duration, Instant};

use daynotes_core::load::from_text;
use daynotes_view::app::Action;
use ratatui::style::Color;

use crate::common;

/// A topic holding a make block whose every line takes the grammar tens of
/// milliseconds.
fn slow_notes(lines: usize) -> String {
    let words: Vec<String> = (1..40)
        .map(|i| {
            char::from(b'a' + (i % 26) as u8)
                .to_string()
                .repeat(1 + i / 26)
        })
        .collect();
    let line = format!("        a: ({})\n", words.join(" "));
    let mut s = String::from("8.22:\n    1.make\n        ```make\n");
    s.push_str(&line.repeat(lines));
    s.push_str("        ```\n");
    s
}

/// How many code rows hold more than one 24-bit colour: the grammar's
/// colours, not only the scheme's plain one.
fn coloured_rows(s: &common::Screen) -> usize {
    let buf = s.buffer();
    (0..buf.area.height)
        .filter(|&y| {
            let row: String = (0..buf.area.width).map(|x| buf[(x, y)].symbol()).collect();
            let mut colours = Vec::new();
            for x in 0..buf.area.width {
                let fg = buf[(x, y)].fg;
                if matches!(fg, Color::Rgb(..)) && !colours.contains(&fg) {
                    colours.push(fg);
                }
            }
            row.contains("a: (b c") && colours.len() > 1
        })
        .count()
}

#[test]
fn a_slow_block_is_drawn_at_once_and_coloured_when_ready() {
    let mut s = common::Screen::new(from_text("make.txt", slow_notes(12)), 100, 30);
    s.press(&[Action::Down, Action::SwitchPane, Action::Down]);
    let first = s.draw();
    assert!(first.contains("a: (b c d e f"), "{first}");
    // 12 lines of some 30 ms each are not waited for.
    assert!(coloured_rows(&s) < 12, "the grammar is not waited for");
    let scroll = s.app.view.scroll;
    let start = Instant::now();
    loop {
        assert!(start.elapsed() < Duration::from_secs(120), "never coloured");
        if s.app.poll_colours() {
            s.draw();
            if !s.app.colouring() {
                break;
            }
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    assert_eq!(coloured_rows(&s), 12, "coloured once ready");
    assert_eq!(s.app.view.scroll, scroll, "in place");
    assert_eq!(common::screen_text(s.buffer()), first, "the same text");
}
