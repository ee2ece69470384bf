//! Frame times on a large notebook, drawn into a 100×30 `TestBackend`:
//!
//! - `first_frame`: bytes → decode → parse → `App` → the first frame, for
//!   the whole notebook;
//! - `first_frame_glimpse`: what the viewer does for a large file — read,
//!   decode, parse the first megabyte, draw — the wait between starting
//!   daynotes and seeing the notes (target ≤ 250 ms for 100 MB);
//! - `scroll_*`: one key and the frame after it while browsing (target
//!   ≤ 16 ms, one frame at 60 Hz).
//!
//! The notebook is generated (`daynotes_core::generate`, as `gen-notes` writes it): `DAYNOTES_BENCH_MB` sets its size (20 by
//! default; 100 for the figure in the README).

use std::io::Write;
use std::path::Path;
use std::sync::OnceLock;

use daynotes_core::{generate, load};
use daynotes_view::app::{Action, App};
use daynotes_view::ui::{self, ViewState};
use divan::Bencher;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn main() {
    divan::main();
}

const COLS: u16 = 100;
const ROWS: u16 = 30;

/// The generated notes, written once per run to a file that lives as long
/// as the run (the viewer reads a file, as it does for a user).
fn notes() -> &'static Path {
    static NOTES: OnceLock<tempfile::NamedTempFile> = OnceLock::new();
    NOTES
        .get_or_init(|| {
            let mb: usize = std::env::var("DAYNOTES_BENCH_MB")
                .ok()
                .and_then(|v| v.parse().ok())
                .unwrap_or(20);
            let mut file = tempfile::NamedTempFile::new().expect("temporary file");
            file.write_all(generate::notes(mb << 20, 1).as_bytes())
                .expect("write the notes");
            file
        })
        .path()
}

/// A viewer on the notes at `path`, loaded as the program loads them, sized
/// to the bench terminal.
fn open(path: &Path) -> App {
    let notebook = load::load(path).expect("load the generated notes");
    let mut app = App::new(notebook);
    app.update(Action::Resize {
        width: COLS,
        height: ROWS,
    });
    app
}

fn terminal() -> Terminal<TestBackend> {
    Terminal::new(TestBackend::new(COLS, ROWS)).expect("test terminal")
}

fn draw(terminal: &mut Terminal<TestBackend>, app: &App, view: &mut ViewState) {
    terminal
        .draw(|f| ui::draw(f, app, view))
        .expect("draw on a test terminal");
}

#[divan::bench(sample_count = 10)]
fn first_frame(bencher: Bencher) {
    let path = notes();
    let len = std::fs::metadata(path).expect("notes file").len();
    bencher
        .counter(divan::counter::BytesCount::new(len))
        .bench_local(|| {
            let app = open(path);
            let mut terminal = terminal();
            let mut view = ViewState::default();
            draw(&mut terminal, &app, &mut view);
            // Dropping a 100 MB notebook is not part of what the user waits
            // for; hand it back to divan, which drops it outside the timing.
            (app, terminal)
        });
}

/// What the viewer does with a file over 8 MB: read its first 2 MB, parse
/// the first megabyte, draw; the whole is read and parsed on a thread
/// behind the frame (not measured here: see `first_frame` for the full
/// load).
#[divan::bench(sample_count = 10)]
fn first_frame_glimpse(bencher: Bencher) {
    let path = notes();
    let len = std::fs::metadata(path).expect("notes file").len();
    let options = load::LoadOptions {
        glimpse: true,
        ..load::LoadOptions::default()
    };
    bencher
        .counter(divan::counter::BytesCount::new(len))
        .bench_local(|| {
            let loaded =
                load::resolve(Some(path), None, options, daynotes::SAMPLE).expect("read the notes");
            let mut app = App::new(loaded.notebook);
            app.update(Action::Resize {
                width: COLS,
                height: ROWS,
            });
            let mut terminal = terminal();
            let mut view = ViewState::default();
            draw(&mut terminal, &app, &mut view);
            (app, terminal, loaded.pending)
        });
}

/// Applies `keys` in a loop (wrapping back to the top at the end), drawing a
/// frame after each.
fn scroll(bencher: Bencher, setup: &[Action], key: Action) {
    let mut app = open(notes());
    for &a in setup {
        app.update(a);
    }
    let mut terminal = terminal();
    let mut view = ViewState::default();
    draw(&mut terminal, &app, &mut view);
    let mut steps = 0u32;
    bencher.bench_local(|| {
        steps += 1;
        if steps.is_multiple_of(10_000) {
            app.update(Action::Top);
        }
        app.update(key);
        draw(&mut terminal, &app, &mut view);
    });
}

/// `j` in the outline: a new day or topic each frame, its document laid out.
#[divan::bench]
fn scroll_outline_down(bencher: Bencher) {
    scroll(bencher, &[], Action::Down);
}

/// `j` in the content pane of a long day.
#[divan::bench]
fn scroll_content_down(bencher: Bencher) {
    scroll(bencher, &[Action::SwitchPane], Action::Down);
}

/// PgDn in the content pane of a long day.
#[divan::bench]
fn scroll_content_page(bencher: Bencher) {
    scroll(bencher, &[Action::SwitchPane], Action::PageDown);
}
