//! Whole screens of the viewer on the bundled notes, drawn on a
//! `TestBackend` at 100×30 and 60×20 (and smaller), reached with the same
//! actions a user's keys produce. Each snapshot is backed by plain asserts on
//! what a user would look for, so a snapshot is not the only guard.

use crate::common::{Screen, row, seed, status, styled_row};
use daynotes_core::notes::Notebook;
use daynotes_view::app::Action;

#[test]
fn start_screen_100x30() {
    let mut s = crate::common::seed_screen(100, 30);
    let screen = s.draw();
    insta::assert_snapshot!(screen);
    assert!(row(&screen, 1).contains("▾ 8.22"), "{screen}");
    assert!(screen.contains("1. tcp握手"));
    assert!(status(&screen).contains("day 1/6"));
    assert!(status(&screen).contains("? help"));
    assert!(status(&screen).contains("study-notes.txt"));
}

#[test]
fn start_screen_60x20_shows_the_outline_alone() {
    let mut s = crate::common::seed_screen(60, 20);
    let screen = s.draw();
    insta::assert_snapshot!(screen);
    assert!(status(&screen).contains("[outline]"));
    assert!(
        !screen.contains("TCP三次握手"),
        "the content pane is hidden"
    );
    s.press(&[Action::SwitchPane]);
    let screen = s.draw();
    assert!(status(&screen).contains("[content]"));
    assert!(screen.contains("1. tcp握手"));
}

/// 8.22 topic 3, scrolled to its section `4. 容器化部署` and the yaml fence
/// under it.
fn yaml_section(s: &mut Screen) {
    s.press(&[Action::Down])
        .until(
            Action::Down,
            "3. 如何保证服务器的服务不中断，中断了如何处理",
        )
        .press(&[Action::Right])
        .until(Action::Down, "4. 容器化部署");
}

#[test]
fn yaml_fence_under_its_section_100x30() {
    let mut s = crate::common::seed_screen(100, 30);
    yaml_section(&mut s);
    let screen = s.draw();
    insta::assert_snapshot!(screen);
    assert!(row(&screen, 1).contains("4. 容器化部署"), "{screen}");
    assert!(screen.contains("Docker Compose"));
    assert!(screen.contains("restart: always"));
    // the inner crumbs are cut, the selected section is not
    assert!(
        status(&screen).contains("8.22 › 3. 如何保证服务"),
        "{screen}"
    );
    assert!(status(&screen).contains("› 4. 容器化部署"), "{screen}");
}

#[test]
fn yaml_fence_under_its_section_60x20() {
    let mut s = crate::common::seed_screen(60, 20);
    yaml_section(&mut s);
    s.press(&[Action::SwitchPane]);
    let screen = s.draw();
    insta::assert_snapshot!(screen);
    assert!(row(&screen, 1).contains("4. 容器化部署"), "{screen}");
    assert!(screen.contains("Docker Compose"));
}

/// 8.23 topic 2, with its comparison table.
fn sse_topic(s: &mut Screen) {
    s.press(&[Action::NextDay, Action::Down])
        .until(Action::Down, "2. 服务器发送事件SSE");
}

#[test]
fn table_topic_100x30() {
    let mut s = crate::common::seed_screen(100, 30);
    sse_topic(&mut s);
    let screen = s.draw();
    insta::assert_snapshot!(screen);
    assert!(status(&screen).contains("8.23 › 2. 服务器发送事件SSE"));
    assert!(status(&screen).contains("day 2/6"));
    assert!(screen.contains("WebSocket"));
    assert!(screen.contains("通信方向"));
}

#[test]
fn table_topic_60x20() {
    let mut s = crate::common::seed_screen(60, 20);
    sse_topic(&mut s);
    s.press(&[Action::Toggle, Action::Toggle]);
    // a topic with sections folds and unfolds on Enter; Tab reads it
    s.press(&[Action::SwitchPane]);
    let screen = s.draw();
    insta::assert_snapshot!(screen);
    assert!(status(&screen).contains("[content]"));
    assert!(status(&screen).contains("8.23 › 2. 服务器发送事件SSE"));
}

/// 8.22 topic 1, section `第二次握手（SYN+ACK）`.
fn syn_ack(s: &mut Screen) {
    s.press(&[Action::Down, Action::Right])
        .until(Action::Down, "第二次握手（SYN+ACK）");
}

#[test]
fn selected_section_100x30() {
    // The topic's 25 rows fit the pane's 27: it is shown whole, from its
    // title, as `less` would, the section highlighted where it is.
    let mut s = crate::common::seed_screen(100, 30);
    syn_ack(&mut s);
    let screen = s.draw();
    insta::assert_snapshot!(screen);
    assert!(row(&screen, 1).contains("1. tcp握手"), "{screen}");
    let y = screen
        .lines()
        .position(|l| l.contains("││第二次握手（SYN+ACK）"))
        .expect("the section in view");
    assert!(status(&screen).contains("8.22 › 1. tcp握手 › 第二次握手（SYN+ACK）"));
    // the heading is highlighted, in the content pane only, and the row
    // below it is not
    let buf = s.buffer();
    let y = u16::try_from(y).unwrap();
    insta::assert_snapshot!(
        "selected_section_100x30_styles",
        [0, y, y + 1].map(|y| styled_row(buf, y)).join("\n")
    );
}

#[test]
fn selected_section_60x20() {
    let mut s = crate::common::seed_screen(60, 20);
    syn_ack(&mut s);
    let outline = s.draw();
    insta::assert_snapshot!("selected_section_60x20_outline", outline);
    s.press(&[Action::SwitchPane]);
    let screen = s.draw();
    insta::assert_snapshot!(screen);
    assert!(
        row(&screen, 1).contains("第二次握手（SYN+ACK）"),
        "{screen}"
    );
}

#[test]
fn help_overlay() {
    for (w, h) in [(100, 30), (60, 20)] {
        let mut s = crate::common::seed_screen(w, h);
        s.press(&[Action::Help]);
        let screen = s.draw();
        insta::assert_snapshot!(format!("help_overlay_{w}x{h}"), screen);
        for words in ["Keys 1/", "Anywhere", "Browsing: moving", "down a row"] {
            assert!(screen.contains(words), "{words} in {screen}");
        }
        // what does not fit is on the next pages
        s.press(&[Action::Bottom]);
        let screen = s.draw();
        assert!(screen.contains("In this help and the warnings"), "{screen}");
        s.press(&[Action::Close]);
        assert!(!s.draw().contains("Keys"));
    }
}

/// The help page by page at 100×30: `(page title, every line of it)`.
fn help_pages(s: &mut Screen) -> Vec<(String, Vec<String>)> {
    s.press(&[Action::Help, Action::Top]);
    let mut pages: Vec<(String, Vec<String>)> = Vec::new();
    loop {
        let screen = s.draw();
        let title = screen
            .lines()
            .find_map(|l| l.split("┌ Keys").nth(1))
            .map(|t| format!("Keys{}", t.split(" —").next().unwrap_or("")))
            .expect("the help's title");
        if pages.last().is_some_and(|(t, _)| *t == title) {
            break;
        }
        // The box's rows, between its borders: `│…│` inside the panes.
        let rows: Vec<String> = screen
            .lines()
            .filter(|l| !l.contains('└') && !l.contains("┌ Keys"))
            .filter_map(|l| Some(l.split('│').nth(2)?.to_string()))
            .collect();
        pages.push((title, rows));
        s.press(&[Action::PageDown]);
    }
    s.press(&[Action::Close]);
    pages
}

#[test]
fn the_help_is_grouped_by_mode_in_two_full_columns() {
    let mut s = crate::common::seed_screen(100, 30);
    let pages = help_pages(&mut s);
    let n = pages.len();
    // Where you are: `Keys 2/4`.
    for (i, (title, _)) in pages.iter().enumerate() {
        assert!(title.starts_with(&format!("Keys {}/{n}", i + 1)), "{title}");
    }
    let all: String = pages
        .iter()
        .flat_map(|(_, rows)| rows.iter().map(|r| format!("{r}\n")))
        .collect();
    // The text of each column of each row (the columns are 47 wide).
    let cells: Vec<String> = all
        .lines()
        .flat_map(|l| {
            let cut = l.char_indices().nth(47).map_or(l.len(), |(i, _)| i);
            [l[..cut].trim().to_string(), l[cut..].trim().to_string()]
        })
        .collect();
    // Each mode under a title of its own, once.
    for title in [
        "Anywhere",
        "Browsing: moving",
        "Browsing: searching",
        "In the search prompt",
        "In the title picker",
        "In the go-to-date prompt",
        "In the calendar",
        "In review",
        "In on this day",
        "In this help and the warnings",
    ] {
        let whole = cells.iter().filter(|c| c.as_str() == title).count();
        assert_eq!(whole, 1, "{title}:\n{all}");
    }
    // The keys that work anywhere are listed once.
    assert_eq!(all.matches("Ctrl-c").count(), 1, "{all}");
    assert_eq!(all.matches("Ctrl-z").count(), 1, "{all}");
    // Both columns are filled on the first page, nearly to its last row (a
    // group's title and first key stay together in the next column).
    let (_, first) = &pages[0];
    let column = |row: &String, right: bool| -> String {
        let cut = row.char_indices().nth(47).map_or(row.len(), |(i, _)| i);
        let (l, r) = row.split_at(cut);
        (if right { r } else { l }).trim().to_string()
    };
    for right in [false, true] {
        let filled = first.iter().rposition(|r| !column(r, right).is_empty());
        assert!(filled >= Some(first.len() - 3), "{first:#?}");
    }
}

#[test]
fn the_help_titles_are_drawn_as_titles() {
    let mut s = crate::common::seed_screen(100, 30);
    s.press(&[Action::CalendarOpen, Action::Help]);
    let screen = s.draw();
    // Opened from the calendar: on the calendar's keys, over the calendar.
    let y = screen
        .lines()
        .position(|l| l.contains("In the calendar"))
        .expect("the calendar's keys");
    let styled = styled_row(s.buffer(), u16::try_from(y).unwrap());
    assert!(styled.contains("[fg:Cyan bold]In the calendar"), "{styled}");
    s.press(&[Action::Close]);
    assert!(s.draw().contains("Mo  Tu  We"), "back in the calendar");
}

#[test]
fn tiny_terminals() {
    let mut s = crate::common::seed_screen(20, 5);
    let screen = s.draw();
    insta::assert_snapshot!("tiny_20x5", screen);
    assert!(screen.contains("8.22"));
    let mut s = crate::common::seed_screen(1, 1);
    assert_eq!(s.draw(), "…\n");
    let mut s = crate::common::seed_screen(11, 2);
    assert_eq!(s.draw(), "terminal t…\n\n");
}

#[test]
fn resize_redraws_at_the_new_size_and_keeps_the_selection() {
    let mut s = crate::common::seed_screen(100, 30);
    syn_ack(&mut s);
    s.draw();
    s.term.backend_mut().resize(60, 20);
    s.press(&[Action::Resize {
        width: 60,
        height: 20,
    }]);
    s.press(&[Action::SwitchPane]);
    let screen = s.draw();
    // The section stays in view.
    assert!(screen.contains("│第二次握手（SYN+ACK）"), "{screen}");
    // and a frame of another size than the app was told still draws right
    s.term.backend_mut().resize(100, 30);
    let screen = s.draw();
    assert!(screen.contains("│第二次握手"), "{screen}");
    assert_eq!(s.view.area.width, 100);
}

#[test]
fn warnings_show_in_the_status_and_the_overlay() {
    let text = "8.22:\n    1.a\n        body\n\u{1b}[31m stray\n";
    let nb = daynotes_core::load::from_text("odd.txt", text.to_string());
    // One finding: the escape character on line 4.
    assert_eq!(nb.warnings.len(), 1, "{:?}", nb.warnings);
    let mut s = Screen::new(nb, 100, 30);
    let screen = s.draw();
    assert!(
        status(&screen).starts_with(" 1 warning — ! to list"),
        "{screen}"
    );
    s.press(&[Action::Warnings]);
    let screen = s.draw();
    // │ ┌ 1 warning — Esc closes ───…
    // │ │    4  control character U+001B (␛)
    assert!(screen.contains("┌ 1 warning — Esc closes"), "{screen}");
    assert!(
        screen.contains("│    4  control character U+001B (␛)"),
        "{screen}"
    );
    assert!(!screen.contains('\u{1b}'));
}

/// Every action once, a sample of coordinates for the mouse.
fn every_action() -> Vec<Action> {
    let mut all = vec![
        Action::Down,
        Action::Up,
        Action::PageDown,
        Action::PageUp,
        Action::HalfPageDown,
        Action::HalfPageUp,
        Action::Top,
        Action::Bottom,
        Action::Left,
        Action::Right,
        Action::Toggle,
        Action::SwitchPane,
        Action::NextDay,
        Action::PrevDay,
        Action::NextTopic,
        Action::PrevTopic,
        Action::FoldAll,
        Action::UnfoldAll,
        Action::Help,
        Action::Warnings,
        Action::Close,
        Action::Prefix('z'),
        Action::Suspend,
        Action::CalendarOpen,
        Action::Right,
        Action::MonthNext,
        Action::CalendarToday,
        Action::Accept,
        Action::DatePromptOpen,
        Action::Input('8'),
        Action::Input('.'),
        Action::Accept,
        Action::HistoryBack,
        Action::HistoryForward,
    ];
    for (column, row) in [(0, 0), (5, 2), (50, 10), (99, 29), (400, 400)] {
        all.push(Action::Click { column, row });
        all.push(Action::Wheel {
            column,
            row,
            dir: daynotes_view::action::Dir::Forward,
        });
        all.push(Action::Wheel {
            column,
            row,
            dir: daynotes_view::action::Dir::Back,
        });
    }
    all
}

#[test]
fn every_action_at_every_size_never_panics() {
    for notebook in [seed(), Notebook::default()] {
        for (w, h) in [(1, 1), (20, 5), (100, 30)] {
            let mut s = Screen::new(notebook.clone(), w, h);
            let actions = every_action();
            // each action from the start, then all of them in a row, twice
            // (the second time with the content pane focused)
            for &a in &actions {
                s.press(&[a]);
                s.draw();
                s.press(&[Action::Close]);
            }
            for _ in 0..2 {
                for &a in &actions {
                    s.press(&[a]);
                    s.draw();
                }
                s.press(&[Action::Close, Action::SwitchPane]);
            }
            // resizes between the sizes, with and without telling the app
            s.press(&[Action::Resize {
                width: 1,
                height: 1,
            }]);
            s.draw();
            assert!(!s.app.quit);
            s.press(&[Action::Quit]);
            assert!(s.app.quit);
        }
    }
}

#[test]
fn a_file_without_days_is_shown_whole_to_read_and_search() {
    // A heading that is not a date, then more than a screen of text.
    let mut text = "August notes\n  1. tcp\n  body \x1b[31mred\n\n".to_string();
    for i in 1..=30 {
        text += &format!("line {i} of the reading list\n\n");
    }
    text += "the needle is at the end\n";
    let mut s = Screen::new(daynotes_core::load::from_text("t.txt", text), 100, 10);
    let screen = s.draw();
    insta::assert_snapshot!(screen);
    assert!(row(&screen, 1).contains("(no days)"), "{screen}");
    assert!(row(&screen, 1).contains("August notes"), "{screen}");
    // The escape in the file is shown, not sent.
    assert!(row(&screen, 3).contains("body ␛[31mred"), "{screen}");
    // Once the first message is gone, the status bar says what starts a day.
    s.press(&[Action::Down]);
    let screen = s.draw();
    assert!(
        status(&screen).contains("a day starts with a line like 8.22:"),
        "{screen}"
    );
    assert!(
        row(&screen, 1).contains("1. tcp"),
        "scrolled a line: {screen}"
    );
    s.press(&[Action::Bottom]);
    let screen = s.draw();
    assert!(screen.contains("the needle is at the end"), "{screen}");
    s.press(&[Action::Top]);
    assert!(!s.draw().contains("needle"));
    // A search hit opens the text at its line.
    s.press(&[Action::SearchStart]);
    for c in "needle".chars() {
        s.press(&[Action::Input(c)]);
    }
    s.press(&[Action::Accept]);
    let screen = s.draw();
    assert!(screen.contains("the needle is at the end"), "{screen}");
}

/// No size of terminal makes the help, the calendar's views or a turned
/// help page panic, in any mode it is opened from.
#[test]
fn every_size_draws_the_help_and_the_calendar() {
    for (w, h) in [
        (1, 1),
        (2, 2),
        (5, 2),
        (12, 3),
        (20, 5),
        (20, 6),
        (30, 8),
        (40, 12),
        (59, 20),
    ] {
        for from in [
            &[][..],
            &[Action::CalendarOpen],
            &[Action::CalendarOpen, Action::YearView],
            &[Action::ReviewStart, Action::Reveal],
            &[Action::SearchStart],
        ] {
            let mut s = crate::common::seed_screen(w, h);
            s.press(from);
            s.draw();
            s.press(&[Action::Help, Action::PageDown, Action::Bottom]);
            s.draw();
            s.press(&[Action::SearchStart, Action::Input('x'), Action::Erase]);
            s.draw();
        }
    }
}

#[test]
fn the_hint_of_a_file_without_days_speaks_its_dates() {
    // Its one nearly-day is written day first: so are the hint's examples.
    let mut text = "Notizen\n\nMontag 15.05.2023\nwir trafen uns\n".to_string();
    text += &"mehr Text\n".repeat(20);
    let mut s = Screen::new(daynotes_core::load::from_text("t.txt", text), 100, 10);
    s.draw();
    s.press(&[Action::Down]);
    let screen = s.draw();
    assert!(
        status(&screen).contains("a day starts with a line like 22.08.2025 or ## 22"),
        "{screen}"
    );
}
