//! The viewer on a test terminal, for tests of this crate and of the
//! binary: a [`Screen`] driven by actions and read as text or as runs of
//! style. Not used by the viewer itself.

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier, Style};

use crate::app::{Action, App};
use crate::label;
use crate::ui::{self, ViewState};
use daynotes_core::notes::Notebook;

/// A viewer on a test terminal.
pub struct Screen {
    /// The viewer.
    pub app: App,
    /// The terminal it draws on.
    pub term: Terminal<TestBackend>,
    /// What drawing keeps between frames.
    pub view: ViewState,
}

impl Screen {
    /// The viewer on `notebook`, on a terminal of `width` × `height`.
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

    /// Does `actions`, one after the other.
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

    /// The name of the node selected.
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

    /// The last frame drawn.
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

/// A style in short: `fg:Cyan bold`.
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

/// The status bar: the last row of `screen`.
pub fn status(screen: &str) -> &str {
    screen.lines().last().unwrap_or("")
}
