//! Widths are measured as a terminal draws them, one grapheme cluster at a
//! time (`❤️`, a heart and its emoji selector, is two cells), and headings
//! wrap like body text, their number hanging:
//!
//! ```text
//! 1. 如何保证        show --width 10
//!    服务器的
//!    服务不中
//!    断
//! ```
//! A title whose Latin run meets Chinese (`2. VAE可以理解为…`) never leaves
//! its number alone on a row.

use daynotes_core::load::from_text;
use daynotes_view::app::Action;
use daynotes_view::markdown::render;
use daynotes_view::theme::Theme;
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

use crate::common;

/// Cells a terminal gives `s`: each grapheme cluster's width, summed.
fn cells(s: &str) -> usize {
    s.graphemes(true).map(UnicodeWidthStr::width).sum()
}

const NOTES: &str = "8.22：一个很长的标题用来看看日期标题如何换行\n\
    \x20   1.如何保证服务器的服务不中断，中断了如何处理\n\
    \x20       ❤️❤️❤️❤️❤️❤️❤️❤️❤️❤️❤️❤️ 👨‍👩‍👧👨‍👩‍👧👨‍👩‍👧👨‍👩‍👧👨‍👩‍👧\n\
    \x20   2.VAE可以理解为一种生成模型，它学习数据的分布\n\
    \x20       body\n";

fn show(width: usize) -> String {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("n.txt"), NOTES).unwrap();
    let width_arg = width.to_string();
    let out = common::daynotes_in(
        dir.path(),
        &[
            "show", "8.22", "n.txt", "--color", "never", "--width", &width_arg,
        ],
    )
    .output()
    .unwrap();
    assert!(out.status.success(), "{out:?}");
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn an_emoji_with_its_selector_is_two_cells() {
    let r = render("❤️❤️❤️❤️❤️❤️❤️❤️❤️❤️❤️❤️", 12, &Theme::dark().md);
    let rows: Vec<String> = r.lines.iter().map(|l| l.to_string()).collect();
    assert_eq!(rows, ["❤️❤️❤️❤️❤️❤️", "❤️❤️❤️❤️❤️❤️"]);
    let r = render("👨‍👩‍👧👨‍👩‍👧👨‍👩‍👧", 4, &Theme::dark().md);
    assert_eq!(r.lines.len(), 2, "{:?}", r.lines);
}

#[test]
fn no_row_of_show_is_wider_than_asked() {
    for width in [10, 12, 16, 25, 40] {
        let out = show(width);
        for row in out.lines() {
            assert!(
                cells(row) <= width,
                "--width {width}: {row:?} is {}",
                cells(row)
            );
        }
    }
}

#[test]
fn headings_wrap_with_the_number_hanging() {
    let out = show(10);
    let rows: Vec<&str> = out.lines().collect();
    let topic = rows.iter().position(|r| r.starts_with("1. ")).unwrap();
    assert_eq!(
        &rows[topic..topic + 4],
        ["1. 如何保", "   证服务", "   器的服", "   务不中"]
    );
    // The day's date hangs the same way.
    assert!(rows[0].starts_with("8.22 "), "{out}");
    assert!(rows[1].starts_with("     "), "{out}");
}

#[test]
fn a_number_never_stands_alone_where_latin_meets_chinese() {
    for width in 10..=40 {
        let out = show(width);
        let lines: Vec<&str> = out.lines().collect();
        let at = lines.iter().position(|r| r.starts_with("2.")).unwrap();
        assert!(
            lines[at].trim_end().len() > 2,
            "--width {width}: `2.` alone:\n{out}"
        );
    }
}

#[test]
fn the_viewer_hangs_headings_too() {
    let mut s = common::Screen::new(from_text("n.txt", NOTES.to_string()), 40, 20);
    // Below 80 columns one pane shows at a time: the content, full width.
    s.press(&[Action::Down, Action::SwitchPane]);
    let screen = s.draw();
    let rows: Vec<&str> = screen.lines().collect();
    let at = rows
        .iter()
        .position(|r| r.starts_with("│1. 如何保证"))
        .unwrap();
    let next = rows[at + 1].trim_start_matches('│');
    assert!(
        next.starts_with("   "),
        "hanging under the title:\n{screen}"
    );
    assert!(!next.trim().is_empty(), "{screen}");
    for row in &rows {
        assert!(cells(row) <= 40, "{row:?}");
    }
}
