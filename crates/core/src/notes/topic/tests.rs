//! A topic's sections, titles and numbered title, as they read.

use super::*;

/// Each section as `title(depth, parent)`.
fn shape(t: &Topic) -> Vec<String> {
    t.sections
        .iter()
        .map(|s| format!("{}({},{:?})", t.section_title(s), s.depth, s.parent()))
        .collect()
}

#[test]
fn sections_know_their_depth_and_parent() {
    let sp = Span::default();
    //  预防        0
    //    1. 高可用  1  under 0
    //    2. 容错    1  under 0
    //  处理        0
    //    1. 响应    1  under 3
    let t = Topic::new(
        Some(3),
        "如何保证服务器的服务不中断",
        sp,
        0,
        &[
            (0, "预防", sp),
            (1, "1. 高可用", sp),
            (1, "2. 容错", sp),
            (0, "处理", sp),
            (1, "1. 响应", sp),
        ],
    );
    assert_eq!(t.title(), "如何保证服务器的服务不中断");
    assert_eq!(
        shape(&t),
        [
            "预防(0,None)",
            "1. 高可用(1,Some(0))",
            "2. 容错(1,Some(0))",
            "处理(0,None)",
            "1. 响应(1,Some(3))"
        ]
    );
    let top: Vec<usize> = t.children(None).map(|(k, _)| k).collect();
    assert_eq!(top, [0, 3]);
    let under: Vec<usize> = t.children(Some(0)).map(|(k, _)| k).collect();
    assert_eq!(under, [1, 2]);
    assert_eq!(t.children(Some(4)).count(), 0);
    assert_eq!(t.children(Some(99)).count(), 0, "no such section");
}

#[test]
fn a_depth_that_skips_a_level_is_one_below() {
    let sp = Span::default();
    let t = Topic::new(
        Some(1),
        "",
        sp,
        0,
        &[(2, "a", sp), (0, "b", sp), (5, "c", sp)],
    );
    assert_eq!(shape(&t), ["a(0,None)", "b(0,None)", "c(1,Some(1))"]);
}

#[test]
fn no_sections_no_titles() {
    let t = Topic::new(None, "", Span::default(), 0, &[]);
    assert_eq!((t.title(), t.sections.len()), ("", 0));
}

/// A list's title: the number as written, a dot and a space, the
/// title; a star before a starred entry; the number's width is what
/// stands before the title.
#[test]
fn numbered_titles_read_as_a_list_shows_them() {
    for (number, starred, want) in [
        (Some(1), false, "1. tcp握手"),
        (Some(0), false, "0. tcp握手"),
        (Some(12), false, "12. tcp握手"),
        (Some(u32::MAX), false, "4294967295. tcp握手"),
        (None, false, "tcp握手"),
        (None, true, "★ tcp握手"),
        (Some(3), true, "★ 3. tcp握手"),
    ] {
        let mut t = Topic::new(number, "tcp握手", Span::default(), 0, &[]);
        t.starred = starred;
        assert_eq!(t.numbered_title(), want);
        let plain = want.trim_start_matches("★ ");
        assert_eq!(t.number_width(), plain.len() - "tcp握手".len());
    }
}

/// Titles that are pieces of the text are read from it; one from
/// elsewhere, or too far into a long line, makes the topic keep
/// copies. Either way it reads, and compares, the same.
#[test]
fn titles_in_the_text_are_read_from_it() {
    //  byte 0    1. **tcp握手**\n          the heading, 0..17
    //  byte 17     **第一次握手**：\n      a section, line 2
    let text = SourceText::from("1. **tcp握手**\n  **第一次握手**：\n");
    let heading = Span::new(0, 17, 1);
    let sec = Span::new(17, text.len(), 2);
    let title = &text[5..14];
    let name = &text[21..36];
    assert_eq!((title, name), ("tcp握手", "第一次握手"));
    let kept = Topic::in_text(
        &text,
        Some(1),
        title,
        heading,
        text.len(),
        &[(0, name, sec)],
    );
    assert!(matches!(kept.names, Names::Text(_)));
    assert_eq!(kept.title(), "tcp握手");
    assert_eq!(kept.section_title(&kept.sections()[0]), "第一次握手");
    let copied = Topic::new(
        Some(1),
        "tcp握手",
        heading,
        text.len(),
        &[(0, "第一次握手", sec)],
    );
    assert_eq!(kept, copied);
    assert_eq!(format!("{kept:?}"), format!("{copied:?}"));
    // A section title made elsewhere: copies, the same reading.
    let made = String::from("第一次握手");
    let mixed = Topic::in_text(
        &text,
        Some(1),
        title,
        heading,
        text.len(),
        &[(0, &made, sec)],
    );
    assert!(matches!(mixed.names, Names::Own(_)));
    assert_eq!(mixed, copied);
    // A title 70,000 bytes into its line.
    let long = SourceText::from(format!("{}1. far\n", " ".repeat(70_000)));
    let far = &long[70_003..70_006];
    let line = Span::new(0, long.len(), 1);
    let t = Topic::in_text(&long, Some(1), far, line, long.len(), &[]);
    assert!(matches!(t.names, Names::Own(_)));
    assert_eq!(t.title(), "far");
}
