//! What the tests share: the one way to run the binary (each run with a
//! home of its own), the bundled notes, a viewer on a `TestBackend` driven by
//! actions, the screen as text or styled runs, and directories of notes
//! files.

// Each test file uses a different part of this.
#![allow(dead_code)]

use std::ops::{Deref, DerefMut};
use std::path::{Path, PathBuf};

use daynotes::app::{Action, App};
use daynotes::label;
use daynotes::notes::Notebook;
use daynotes::ui::{self, ViewState};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier, Style};

/// The binary under test.
pub const BIN: &str = env!("CARGO_BIN_EXE_daynotes");

/// The variables through which a user's shell changes what daynotes reads,
/// shows or runs: no run of the binary sees them unless a test sets them.
const USER_VARIABLES: [&str; 4] = ["DAYNOTES_FILE", "NO_COLOR", "VISUAL", "EDITOR"];

/// The environment of one run of the binary: its own empty `HOME`,
/// `XDG_CONFIG_HOME` and `XDG_STATE_HOME` (removed when this is dropped),
/// and none of [`USER_VARIABLES`]. No configuration or state of the
/// person running the tests can change an outcome.
pub struct Home {
    root: tempfile::TempDir,
}

impl Home {
    pub fn new() -> Home {
        let root = tempfile::Builder::new()
            .prefix("daynotes-test-home")
            .tempdir()
            .expect("a temporary home");
        for dir in ["home", "config", "state"] {
            std::fs::create_dir(root.path().join(dir)).expect("a directory of the home");
        }
        Home { root }
    }

    /// `HOME`.
    pub fn home(&self) -> PathBuf {
        self.root.path().join("home")
    }

    /// `XDG_STATE_HOME`.
    pub fn state(&self) -> PathBuf {
        self.root.path().join("state")
    }

    /// `XDG_CONFIG_HOME`.
    pub fn config(&self) -> PathBuf {
        self.root.path().join("config")
    }

    /// Each variable and its value; `None` removes it.
    fn vars(&self) -> Vec<(&'static str, Option<PathBuf>)> {
        let mut vars = vec![
            ("HOME", Some(self.home())),
            ("XDG_CONFIG_HOME", Some(self.config())),
            ("XDG_STATE_HOME", Some(self.state())),
        ];
        vars.extend(USER_VARIABLES.map(|v| (v, None)));
        vars
    }

    /// The binary with this environment, for a run with pipes.
    pub fn command(&self) -> assert_cmd::Command {
        assert_cmd::Command::from_std(self.std_command())
    }

    /// [`Home::command`] as the standard library's, for a child read while
    /// it runs.
    pub fn std_command(&self) -> std::process::Command {
        let mut cmd = std::process::Command::new(BIN);
        for (var, value) in self.vars() {
            match value {
                Some(value) => cmd.env(var, value),
                None => cmd.env_remove(var),
            };
        }
        cmd
    }

    /// `program` with this environment, for a run on a pseudo-terminal.
    pub fn pty_command(&self, program: &str) -> portable_pty::CommandBuilder {
        let mut cmd = portable_pty::CommandBuilder::new(program);
        for (var, value) in self.vars() {
            match value {
                Some(value) => cmd.env(var, value),
                None => cmd.env_remove(var),
            }
        }
        cmd
    }
}

/// `daynotes ARGS` run in `dir` with a [`Home`] of its own, which lives as
/// long as the command. Everything of assert_cmd's `Command` works on it.
pub fn daynotes_in(dir: &Path, args: &[&str]) -> Daynotes {
    let home = Home::new();
    let mut cmd = home.command();
    cmd.current_dir(dir).args(args);
    Daynotes { cmd, home }
}

/// `daynotes ARGS` run in the crate's directory (where
/// `notes/study-notes.txt` is), with a [`Home`] of its own.
pub fn daynotes(args: &[&str]) -> Daynotes {
    daynotes_in(Path::new(env!("CARGO_MANIFEST_DIR")), args)
}

/// A command and the home it runs with.
pub struct Daynotes {
    cmd: assert_cmd::Command,
    home: Home,
}

impl Daynotes {
    /// The run's home, for a test that puts a file in it.
    pub fn home(&self) -> &Home {
        &self.home
    }
}

impl Deref for Daynotes {
    type Target = assert_cmd::Command;
    fn deref(&self) -> &Self::Target {
        &self.cmd
    }
}

impl DerefMut for Daynotes {
    fn deref_mut(&mut self) -> &mut Self::Target {
        &mut self.cmd
    }
}

pub fn seed() -> Notebook {
    daynotes::load::from_text("study-notes.txt", daynotes::SAMPLE.to_string())
}

/// A viewer on a test terminal.
pub struct Screen {
    pub app: App,
    pub term: Terminal<TestBackend>,
    pub view: ViewState,
}

impl Screen {
    pub fn new(notebook: Notebook, width: u16, height: u16) -> Screen {
        let mut app = App::new(notebook);
        app.update(Action::Resize { width, height });
        let term = Terminal::new(TestBackend::new(width, height)).unwrap();
        Screen {
            app,
            term,
            view: ViewState::default(),
        }
    }

    pub fn seed(width: u16, height: u16) -> Screen {
        Screen::new(seed(), width, height)
    }

    pub fn press(&mut self, actions: &[Action]) -> &mut Self {
        for &a in actions {
            self.app.update(a);
        }
        self
    }

    /// Presses `key` until the selected node is called `name` (panics after
    /// 200 presses).
    pub fn until(&mut self, key: Action, name: &str) -> &mut Self {
        for _ in 0..200 {
            if self.selected_name() == name {
                return self;
            }
            self.app.update(key);
        }
        panic!("never reached {name:?}; at {:?}", self.selected_name());
    }

    pub fn selected_name(&self) -> String {
        self.app
            .selected()
            .map(|id| label::node(&self.app.notebook, id, self.app.dates.weekdays))
            .unwrap_or_default()
    }

    /// Draws and returns the screen as text, one line per row.
    pub fn draw(&mut self) -> String {
        let (app, view) = (&self.app, &mut self.view);
        self.term.draw(|f| ui::draw(f, app, view)).unwrap();
        screen_text(self.term.backend().buffer())
    }

    pub fn buffer(&self) -> &Buffer {
        self.term.backend().buffer()
    }
}

/// The cells of row `y` as drawn: the cell hidden behind a wide character
/// is skipped.
fn visible_cells(buf: &Buffer, y: u16) -> impl Iterator<Item = &ratatui::buffer::Cell> {
    let mut skip = 0;
    (0..buf.area.width).filter_map(move |x| {
        let cell = &buf[(x, y)];
        if skip > 0 {
            skip -= 1;
            return None;
        }
        skip = unicode_width::UnicodeWidthStr::width(cell.symbol()).saturating_sub(1);
        Some(cell)
    })
}

/// The buffer as text: the cell hidden behind a wide character is skipped,
/// trailing spaces are trimmed.
pub fn screen_text(buf: &Buffer) -> String {
    let mut out = String::new();
    for y in 0..buf.area.height {
        let row: String = visible_cells(buf, y).map(|c| c.symbol()).collect();
        out.push_str(row.trim_end());
        out.push('\n');
    }
    out
}

/// Row `y` of `screen`.
pub fn row(screen: &str, y: usize) -> &str {
    screen.lines().nth(y).unwrap_or("")
}

/// The runs of equal style on row `y`, as `[style]text` — catches a style
/// running past its text.
pub fn styled_row(buf: &Buffer, y: u16) -> String {
    let mut out = String::new();
    let mut current: Option<Style> = None;
    for cell in visible_cells(buf, y) {
        let style = cell.style();
        if current != Some(style) {
            out.push_str(&format!("[{}]", style_name(style)));
            current = Some(style);
        }
        out.push_str(cell.symbol());
    }
    out.trim_end().to_string()
}

pub fn style_name(s: Style) -> String {
    let mut parts = Vec::new();
    if let Some(fg) = s.fg.filter(|c| *c != Color::Reset) {
        parts.push(format!("fg:{fg:?}"));
    }
    if let Some(bg) = s.bg.filter(|c| *c != Color::Reset) {
        parts.push(format!("bg:{bg:?}"));
    }
    if s.add_modifier.contains(Modifier::BOLD) {
        parts.push("bold".into());
    }
    if s.add_modifier.contains(Modifier::REVERSED) {
        parts.push("reversed".into());
    }
    parts.join(" ")
}

pub fn status(screen: &str) -> &str {
    screen.lines().last().unwrap_or("")
}

/// A temporary directory holding `files` (path relative to it, text);
/// subdirectories are made as needed.
pub fn dir_with(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in files {
        let path = dir.path().join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    dir
}
