//! A user's session on the real notes: start, move, help, resize, quit.

use crate::harness::Term;
use crate::output::assert_restored;

const SEED: &str = "notes/study-notes.txt";

// The stand-in program is a shell script.
#[cfg(unix)]
#[test]
fn harness_sees_what_a_program_draws() {
    // A stand-in program: enters the alternate screen, waits for a line,
    // leaves it. Checks the harness itself, with no daynotes in the way.
    let script = r#"printf '\033[?1049hready'; read line; printf '\033[?1049lgot %s' "$line""#;
    let mut term = Term::start_program("sh", &["-c", script], 40, 5);
    term.wait_for("ready");
    assert!(term.with_screen(|s| s.alternate_screen()));
    term.send("hi\r");
    term.wait_for("got hi");
    assert!(term.wait_exit().success());
    assert!(!term.with_screen(|s| s.alternate_screen()));
}

#[test]
fn browse_the_seed_then_quit() {
    let mut term = Term::start(&[SEED], 100, 30);
    // The outline lists the days; the content shows the first one, once
    // chosen (the viewer opens on the newest).
    term.wait_for("tcp握手");
    let first = term.go_to_first_day("8.22");
    assert!(first.contains("8.22"), "no day in the outline:\n{first}");

    // j moves the selection: the content pane changes with it.
    term.send("j");
    let moved = term.wait_until("the screen to change after j", |s| s != first);
    term.send("jj");
    term.wait_until("the screen to change after jj", |s| s != moved);

    // ? opens the help over the panes, Esc closes it.
    let before_help = term.screen();
    term.send("?");
    let help = term.wait_for("Keys 1/");
    assert_ne!(help, before_help);
    term.send("\x1b");
    term.wait_until("the help to close", |s| s == before_help);

    term.send("q");
    let status = term.wait_exit();
    assert!(status.success(), "exit status {status:?}");
    assert_restored(&term);
}

#[test]
fn the_config_keys_are_the_keys_of_the_viewer_and_its_help() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("config.yaml");
    std::fs::write(&config, "keys:\n  quit: [x]\n  help: [H]\n").unwrap();
    let mut term = Term::start(&["--config", config.to_str().unwrap(), SEED], 100, 30);
    // The hints name the keys in use.
    let screen = term.wait_for("H help  x quit");
    // `q` quits no more, and `?` no longer opens the help: `H` does, and
    // lists the new keys.
    term.send("q?");
    term.send("H");
    let help = term.wait_for("Keys 1/");
    assert!(help.contains("  x "), "{help}");
    assert_ne!(help, screen);
    term.send("\x1b");
    term.wait_gone("Keys 1/");
    term.send("x");
    assert!(term.wait_exit().success());
    assert_restored(&term);
}

/// True when no row of `screen` is wider than `cols` cells (a line of the
/// screen text is never longer than the screen it comes from).
fn fits(screen: &str, cols: usize) -> bool {
    use unicode_width::UnicodeWidthStr;
    screen.lines().all(|l| l.width() <= cols)
}

#[test]
fn resizing_keeps_a_sane_picture() {
    let mut term = Term::start(&[SEED], 100, 30);
    term.wait_for("tcp握手");
    term.go_to_first_day("8.22");
    for (cols, rows) in [(60, 20), (20, 5), (100, 30), (41, 13), (100, 30)] {
        term.resize(cols, rows);
        // The program redraws for the new size: something fills the screen,
        // and the first day is still there once the screen is wide enough.
        // A frame drawn for the new size closes the top border in the last
        // column (or has no borders at all when narrow) and writes the
        // status bar on the last row; the old frame, cut by the terminal,
        // does neither.
        let screen = term.wait_until(&format!("a redraw at {cols}×{rows}"), |s| {
            use unicode_width::UnicodeWidthStr;
            let rows: Vec<&str> = s.lines().collect();
            let top = rows.first().copied().unwrap_or("");
            let framed = if cols >= 40 {
                top.width() == usize::from(cols) && top.ends_with('┐') && s.contains("8.22")
            } else {
                // Too narrow for borders: the frame drops them.
                !top.starts_with('┌')
            };
            framed && rows.last().is_some_and(|l| !l.trim().is_empty())
        });
        assert!(fits(&screen, cols.into()), "{cols}×{rows}:\n{screen}");
        assert_eq!(screen.lines().count(), usize::from(rows));
    }
    term.send("j");
    term.send("q");
    assert!(term.wait_exit().success());
    assert_restored(&term);
}
