//! Search in the viewer, driven by actions on the bundled notes: the grouped
//! results as you type, Enter, `n`/`N` with wrapping, the filtered outline,
//! an invalid regex, history, the title picker, the highlighted matches, and
//! the search thread on a notebook too big to search in `update`.

use daynotes_core::load::from_text;
use daynotes_core::outline::NodeId;
use daynotes_core::search::group::{Group, Row};
use daynotes_core::search::{Index, Matcher, Query};
use daynotes_view::app::picker::Picker;
use daynotes_view::app::search::Prompt;
use daynotes_view::app::{Action, App, DocId, Mode, Pane};
use daynotes_view::label;
use daynotes_view::ui::{self, ViewState};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// The search prompt, while the app shows it.
fn prompt(app: &App) -> Option<&Prompt> {
    match &app.mode {
        Mode::Search(p) => Some(p),
        _ => None,
    }
}

/// The title picker, while the app shows it.
fn picker(app: &App) -> Option<&Picker> {
    match &app.mode {
        Mode::Picker(p) => Some(p),
        _ => None,
    }
}

fn seed_app() -> App {
    let mut app = App::new(from_text(
        "study-notes.txt",
        crate::common::SAMPLE.to_string(),
    ));
    app.update(Action::Resize {
        width: 100,
        height: 30,
    });
    app
}

fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        app.update(Action::Input(c));
    }
}

/// `/query` typed into a fresh prompt.
fn search(app: &mut App, query: &str) {
    app.update(Action::SearchStart);
    type_text(app, query);
}

/// The outline as the pane shows it: two spaces per level, then the name.
fn outline(app: &App) -> Vec<String> {
    app.outline
        .rows()
        .iter()
        .map(|r| {
            let name = label::node(&app.notebook, r.id, app.dates.weekdays);
            format!("{}{name}", "  ".repeat(usize::from(r.depth)))
        })
        .collect()
}

fn status(app: &App) -> String {
    app.message
        .as_ref()
        .map(|m| m.text.clone())
        .unwrap_or_default()
}

#[test]
fn results_come_grouped_as_you_type() {
    let mut app = seed_app();
    search(&mut app, "SSE");
    let cur = app.search.current.as_ref().expect("a search");
    let lines: Vec<usize> = cur.hits.iter().map(|h| h.line).collect();
    assert_eq!(lines, [115, 116, 128]);
    // 8.23                    3
    //   2. 服务器发送事件SSE   3
    //     115, 116
    //     与其他技术对比       1
    //       128
    let header = |group, hits| Row::Header { group, hits };
    assert_eq!(
        cur.rows,
        [
            header(Group::Day(1), 3),
            header(Group::Topic(1, 1), 3),
            Row::Hit(0),
            Row::Hit(1),
            header(Group::Section(1, 1, 1), 1),
            Row::Hit(2),
        ]
    );
    // The first hit is chosen; the outline has not moved yet.
    assert_eq!(prompt(&app).unwrap().selected, 2);
    assert_eq!(app.selected(), Some(NodeId::day(0)));
    // A longer query narrows the results.
    type_text(&mut app, "（");
    let cur = app.search.current.as_ref().unwrap();
    assert_eq!(cur.hits.iter().map(|h| h.line).collect::<Vec<_>>(), [116]);
}

#[test]
fn enter_shows_the_hit_and_n_goes_on_wrapping() {
    let mut app = seed_app();
    search(&mut app, "SSE");
    app.update(Action::ResultNext);
    app.update(Action::Accept);
    // The second hit (line 116) is open in the content pane, in view.
    assert!(prompt(&app).is_none());
    assert_eq!(app.focus, Pane::Content);
    assert_eq!(app.selected(), Some(NodeId::topic(1, 1)));
    assert_eq!(app.view.doc, Some(DocId::Topic(1, 1)));
    assert_eq!(app.hit_position().as_deref(), Some("hit 2/3"));
    let doc = app.doc().unwrap();
    let shown: Vec<String> = doc.lines[app.view.scroll..]
        .iter()
        .take(27)
        .map(|l| l.to_string())
        .collect();
    assert!(
        shown.iter().any(|l| l.starts_with("SSE（Server-Sent")),
        "{shown:#?}"
    );

    app.update(Action::NextHit);
    assert_eq!(app.hit_position().as_deref(), Some("hit 3/3"));
    assert_eq!(app.selected(), Some(NodeId::section(1, 1, 1)));
    assert_eq!(status(&app), "");
    app.update(Action::NextHit);
    assert_eq!(app.hit_position().as_deref(), Some("hit 1/3"));
    assert_eq!(status(&app), "search wrapped to the first hit");
    app.update(Action::PrevHit);
    assert_eq!(app.hit_position().as_deref(), Some("hit 3/3"));
    assert_eq!(status(&app), "search wrapped to the last hit");
    app.update(Action::PrevHit);
    assert_eq!(app.hit_position().as_deref(), Some("hit 2/3"));

    // Esc leaves search: no highlights, no position.
    app.update(Action::Close);
    assert!(app.search.current.is_none());
    assert!(app.search.matcher().is_none());
    assert_eq!(app.hit_position(), None);
    app.update(Action::NextHit);
    assert_eq!(status(&app), "no search — / to search");
}

#[test]
fn the_filter_keeps_hits_and_their_parents() {
    let mut app = seed_app();
    let all = outline(&app);
    app.update(Action::FilterStart);
    type_text(&mut app, "负载均衡");
    assert_eq!(
        outline(&app),
        [
            "8.22",
            "  3. 如何保证服务器的服务不中断，中断了如何处理",
            "    预防服务中断的策略",
            "      1. 高可用架构",
            "8.23",
            "  3. 容器化部署能够实现服务不中断主要是通过以下几个核心机制",
        ]
    );
    // Enter keeps the filter; Esc clears it.
    app.update(Action::Accept);
    assert_eq!(outline(&app).len(), 6);
    assert_eq!(app.selected(), Some(NodeId::section(0, 2, 1)));
    app.update(Action::Close);
    assert!(
        outline(&app).len() > all.len(),
        "every day, folds left open"
    );
    // Ctrl-F in the prompt toggles it.
    search(&mut app, "cookie");
    app.update(Action::ToggleFilter);
    assert_eq!(outline(&app), ["9.1", "  1. cookie是什么"]);
    app.update(Action::ToggleFilter);
    assert!(outline(&app).len() > 2);
}

#[test]
fn an_invalid_regex_shows_its_error_and_moves_nothing() {
    let mut app = seed_app();
    app.update(Action::SearchStart);
    app.update(Action::ToggleRegex);
    type_text(&mut app, "seq=");
    let before = app.search.current.as_ref().unwrap().hits.len();
    assert_eq!(before, 3);
    type_text(&mut app, "(");
    let p = prompt(&app).unwrap();
    assert!(
        p.error.as_deref().unwrap().starts_with("invalid regex"),
        "{p:?}"
    );
    // The results are those of the last valid pattern.
    assert_eq!(app.search.current.as_ref().unwrap().hits.len(), before);
    let selected = app.selected();
    app.update(Action::Accept);
    assert_eq!(app.selected(), selected);
    assert_eq!(
        app.message.as_ref().unwrap().tone,
        daynotes_view::app::Tone::Error
    );
    assert!(status(&app).starts_with("invalid regex"));
}

#[test]
fn up_recalls_earlier_queries() {
    let mut app = seed_app();
    for q in ["SSE", "握手"] {
        search(&mut app, q);
        app.update(Action::Accept);
    }
    app.update(Action::SearchStart);
    app.update(Action::HistoryPrev);
    assert_eq!(prompt(&app).unwrap().text, "握手");
    app.update(Action::HistoryPrev);
    assert_eq!(prompt(&app).unwrap().text, "SSE");
    assert_eq!(app.search.current.as_ref().unwrap().hits.len(), 3);
    app.update(Action::HistoryNext);
    assert_eq!(prompt(&app).unwrap().text, "握手");
    app.update(Action::HistoryNext);
    assert_eq!(prompt(&app).unwrap().text, "");
}

#[test]
fn the_picker_jumps_to_a_title() {
    let mut app = seed_app();
    app.update(Action::PickerOpen);
    type_text(&mut app, "sse特点");
    let p = picker(&app).unwrap();
    assert_eq!(
        p.entries[p.ranked[0]].label,
        "8.23 › 服务器发送事件SSE › 特点"
    );
    app.update(Action::Accept);
    assert!(picker(&app).is_none());
    assert_eq!(app.selected(), Some(NodeId::section(1, 1, 0)));
}

#[test]
fn every_visible_match_is_highlighted() {
    let mut app = seed_app();
    search(&mut app, "sse");
    app.update(Action::Accept);
    let mut terminal = Terminal::new(TestBackend::new(100, 30)).unwrap();
    let mut view = ViewState::default();
    terminal.draw(|f| ui::draw(f, &app, &mut view)).unwrap();
    let buf = terminal.backend().buffer();
    let area = view.content.unwrap();
    let hit = app.theme.md.match_hit;
    // Rows of the content pane with highlighted cells, as text.
    let mut marked = Vec::new();
    for y in area.y..area.bottom() {
        let cells: String = (area.x..area.right())
            .filter(|&x| buf[(x, y)].bg == hit.bg.unwrap())
            .map(|x| buf[(x, y)].symbol().to_string())
            .collect();
        if !cells.is_empty() {
            marked.push(cells);
        }
    }
    // The title, the body line and the table row: SSE on each.
    assert_eq!(marked, ["SSE", "SSE", "SSE"], "{marked:?}");
}

#[test]
fn a_big_notebook_is_searched_on_a_thread() {
    let text = daynotes_core::generate::notes(6_000_000, 3);
    let nb = from_text("big.txt", text);
    let expected = {
        let m = Matcher::new(&Query::literal("sse")).unwrap();
        Index::new(&nb).search(&nb, &m)
    };
    let mut app = App::new(nb);
    search(&mut app, "ss");
    // A newer query replaces the running one.
    type_text(&mut app, "e");
    app.finish_search();
    let cur = app.search.current.as_ref().unwrap();
    assert!(cur.done);
    assert_eq!(cur.hits, expected);
    app.update(Action::Accept);
    app.update(Action::NextHit);
    assert_eq!(
        app.hit_position(),
        Some(format!("hit 2/{}", expected.len()))
    );
}

#[test]
fn keys_type_into_the_prompt_and_the_picker() {
    use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
    let action_for =
        |e: &Event, app: &App| app.keymap.action_for(e, app.mode.context(), app.pending);
    let key = |code| Event::Key(KeyEvent::new(code, KeyModifiers::NONE));
    let ctrl = |c| Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL));
    let mut app = seed_app();
    assert_eq!(
        action_for(&key(KeyCode::Char('/')), &app),
        Some(Action::SearchStart)
    );
    assert_eq!(
        action_for(&key(KeyCode::Char('n')), &app),
        Some(Action::NextHit)
    );
    assert_eq!(action_for(&ctrl('p'), &app), Some(Action::PickerOpen));
    app.update(Action::SearchStart);
    // Letters bound in the panes are typed in the prompt, Chinese too.
    for c in ['j', 'q', 'n', ' ', '握'] {
        assert_eq!(
            action_for(&key(KeyCode::Char(c)), &app),
            Some(Action::Input(c))
        );
    }
    assert_eq!(
        action_for(&key(KeyCode::Up), &app),
        Some(Action::HistoryPrev)
    );
    assert_eq!(
        action_for(&key(KeyCode::Down), &app),
        Some(Action::HistoryNext)
    );
    assert_eq!(
        action_for(&key(KeyCode::Tab), &app),
        Some(Action::ResultNext)
    );
    assert_eq!(action_for(&ctrl('r'), &app), Some(Action::ToggleRegex));
    assert_eq!(action_for(&key(KeyCode::Enter), &app), Some(Action::Accept));
    assert_eq!(action_for(&key(KeyCode::Esc), &app), Some(Action::Close));
    assert_eq!(action_for(&ctrl('c'), &app), Some(Action::Quit));
    app.update(Action::Close);
    app.update(Action::PickerOpen);
    assert_eq!(
        action_for(&key(KeyCode::Up), &app),
        Some(Action::ResultPrev)
    );
    assert_eq!(
        action_for(&key(KeyCode::Char('t')), &app),
        Some(Action::Input('t'))
    );
}

#[test]
fn on_a_narrow_screen_the_results_replace_the_outline() {
    let mut app = App::new(from_text(
        "study-notes.txt",
        crate::common::SAMPLE.to_string(),
    ));
    app.update(Action::Resize {
        width: 60,
        height: 20,
    });
    search(&mut app, "http");
    let mut terminal = Terminal::new(TestBackend::new(60, 20)).unwrap();
    let mut view = ViewState::default();
    terminal.draw(|f| ui::draw(f, &app, &mut view)).unwrap();
    let buf = terminal.backend().buffer();
    let rows: Vec<String> = (0..20)
        .map(|y| (0..60).map(|x| buf[(x, y)].symbol()).collect::<String>())
        .collect();
    let screen = rows.join("\n");
    assert!(rows[0].starts_with("┌ Search: 9 hits"), "{screen}");
    // Nothing of the outline shows through where a result row is short.
    assert!(!screen.contains('▸') && !screen.contains('▾'), "{screen}");
    let row = rows.iter().find(|r| r.contains(" 91  ")).expect("line 91");
    // (a wide character's second cell reads as a space here)
    assert!(row.trim_end_matches(['│', ' ']).ends_with("询"), "{screen}");
    assert!(rows[19].starts_with("/http"), "{screen}");
}

#[test]
fn clicks_and_the_wheel_wait_while_the_prompt_is_open() {
    let mut app = seed_app();
    search(&mut app, "SSE");
    let before = app.selected();
    app.update(Action::Click { column: 5, row: 3 });
    app.update(Action::Wheel {
        column: 5,
        row: 3,
        dir: daynotes_view::action::Dir::Forward,
    });
    assert_eq!(app.selected(), before);
    assert!(prompt(&app).is_some());
}

#[test]
fn a_long_title_list_is_ranked_on_a_thread() {
    use daynotes_core::search::fuzzy::{Ranker, entries};
    use daynotes_view::app::picker::SYNC_TITLES;
    let nb = from_text("big.txt", daynotes_core::generate::notes(2_000_000, 5));
    let all = entries(&nb);
    assert!(all.len() > SYNC_TITLES, "{} titles", all.len());
    let mut app = App::new(nb);
    app.update(Action::PickerOpen);
    type_text(&mut app, "sse");
    app.finish_search();
    let p = picker(&app).unwrap();
    assert!(!p.ranking());
    assert_eq!(p.ranked, Ranker::default().rank(&all, "sse"));
    let best = p.entries[p.ranked[0]].node;
    app.update(Action::Accept);
    assert_eq!(app.selected(), Some(best));
}

#[test]
fn a_hit_outside_every_day_opens_the_day_that_shows_it() {
    // ```text
    // intro / 2025 / a loose note     shown above 2025-08-22
    // 8.22 … 8.23 (40 body lines)
    // 2026 / left over                shown below the last day, 8.23
    // ```
    let mut text = String::from("intro\n2025\na loose note\n8.22:\n    1.a\n        body\n8.23\n");
    text += "    1.b\n";
    for i in 0..40 {
        text += &format!("        line {i}\n");
    }
    text += "2026\nleft over\n";
    let mut app = App::new(from_text("t.txt", text));
    app.update(Action::Resize {
        width: 80,
        height: 12,
    });
    let shown = |app: &App| -> Vec<String> {
        let doc = app.doc().expect("a document");
        doc.lines[app.view.scroll..]
            .iter()
            .take(9) // 12 rows less the borders and the status bar
            .map(|l| l.to_string())
            .collect()
    };

    // At start the first day shows the text before it, then its heading.
    assert_eq!(
        shown(&app)[..5],
        ["intro", "2025", "a loose note", "", "2025-08-22 Fri"]
    );

    search(&mut app, "loose");
    assert_eq!(app.hit_position().as_deref(), Some("1 hit"));
    app.update(Action::Accept);
    assert_eq!(app.selected(), Some(NodeId::day(0)));
    assert_eq!(app.view.doc, Some(DocId::Day(0)));
    assert!(shown(&app).contains(&"a loose note".to_string()));
    assert_eq!(status(&app), "");

    app.update(Action::Close);
    search(&mut app, "left over");
    app.update(Action::Accept);
    assert_eq!(app.selected(), Some(NodeId::day(1)));
    let rows = shown(&app);
    assert!(rows.contains(&"left over".to_string()), "{rows:#?}");
    assert!(rows.contains(&"2026".to_string()), "{rows:#?}");
}

#[test]
fn a_search_goes_on_in_notes_read_again() {
    let mut app = seed_app();
    let more = crate::common::SAMPLE.replacen("8.24", "8.24\n    9.another SSE note", 1);

    // The prompt open: the query stays and its results are found again.
    search(&mut app, "SSE");
    assert_eq!(app.hit_position().as_deref(), Some("3 hits"));
    app.replace_notebook(from_text("study-notes.txt", more.clone()));
    assert_eq!(prompt(&app).map(|p| p.text.as_str()), Some("SSE"));
    assert_eq!(app.hit_position().as_deref(), Some("4 hits"));

    // Accepted: the highlights stay, n starts again from the first hit.
    app.update(Action::Accept);
    assert_eq!(app.hit_position().as_deref(), Some("hit 1/4"));
    app.replace_notebook(from_text(
        "study-notes.txt",
        crate::common::SAMPLE.to_string(),
    ));
    assert!(app.search.matcher().is_some(), "matches still highlighted");
    assert_eq!(app.hit_position().as_deref(), Some("3 hits"));
    app.update(Action::NextHit);
    assert_eq!(app.hit_position().as_deref(), Some("hit 1/3"));
}

#[test]
fn the_filter_keeps_the_day_that_shows_a_hit_outside_every_day() {
    // Two files: the hit is in b.txt, before its first day.
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), "8.22:\n    1.a\n        l1\n").unwrap();
    std::fs::write(dir.path().join("b.txt"), "a loose line\n8.23:\n    1.b\n").unwrap();
    let mut app = App::new(daynotes_core::load::load(dir.path()).unwrap());
    app.update(Action::Resize {
        width: 100,
        height: 30,
    });
    app.update(Action::FilterStart);
    type_text(&mut app, "loose");
    assert_eq!(outline(&app), ["8.23"]);
    app.update(Action::Accept);
    assert_eq!(app.selected(), Some(NodeId::day(1)));
    assert_eq!(app.view.doc, Some(DocId::Day(1)));
    let doc = app.doc().unwrap();
    assert_eq!(doc.lines[0].to_string(), "a loose line");
    assert_eq!(app.view.scroll, 0);
}
