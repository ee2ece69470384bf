//! Making the app: a viewer over a notebook with the first day selected,
//! then the settings of a run put in (theme, keys, assumed year, deck),
//! and where it opens ([`App::open_at`]).

use super::Tone;
use std::sync::Arc;

use ratatui::layout::Rect;

use super::{App, ContentView, Mode, Pane, dates, doc, history, review, search};
use crate::action::Action;
use crate::keymap::Keymap;
use crate::label;
use crate::theme::Theme;
use daynotes_core::config::OpenAt;
use daynotes_core::notes::Notebook;
use daynotes_core::outline::Outline;

impl App {
    /// A viewer over `notebook`, with the first day selected.
    pub fn new(notebook: Notebook) -> Self {
        let origin = match notebook.sources.as_slice() {
            [] => String::new(),
            [one] => label::file_name(&one.path).to_string(),
            [first, rest @ ..] => format!("{} +{}", label::file_name(&first.path), rest.len()),
        };
        App::with_origin(notebook, origin)
    }

    /// A viewer whose status bar names the notes `origin` (a file name, or
    /// a label such as `sample`).
    pub fn with_origin(notebook: Notebook, origin: impl Into<String>) -> Self {
        let outline = Outline::new(&notebook);
        let today = daynotes_core::dates::today();
        let assumed = dates::AssumedYear {
            year: today.0,
            source: "this year",
        };
        let date_nav = dates::DateNav::new(&notebook, assumed, today);
        let undated = notebook.days.is_empty();
        let study = review::Study::new();
        let mut app = App {
            notebook: Arc::new(notebook),
            quit: false,
            theme: Theme::default(),
            origin: origin.into(),
            outline,
            outline_top: 0,
            // Notes without days are read in the content pane.
            focus: if undated {
                Pane::Content
            } else {
                Pane::Outline
            },
            outline_width: None,
            mode: Mode::Panes,
            pending: None,
            message: None,
            size: Rect::new(0, 0, 80, 24),
            view: ContentView::default(),
            search: search::Search::default(),
            dates: date_nav,
            history: history::History::default(),
            effects: Vec::new(),
            show_timings: false,
            timing_line: String::new(),
            study,
            keymap: Keymap::default(),
            marks: None,
            tag_filter: daynotes_core::tags::Filter::default(),
            indexing: super::marks::Indexing::default(),
            waker: daynotes_core::wake::Waker::default(),
            docs: doc::DocCache::default(),
            titles: None,
        };
        app.docs.set_weekdays(app.dates.weekdays);
        app.show_selection();
        if let Some(hint) = app.warnings_hint() {
            app.say(hint, Tone::Error);
        }
        app
    }

    /// `3 warnings — ! to list`, when the parser found something.
    fn warnings_hint(&self) -> Option<String> {
        let n = self.notebook.warnings.len();
        let s = if n == 1 { "" } else { "s" };
        let key = self.keymap.key_label(Action::Warnings);
        (n > 0).then(|| format!("{n} warning{s} — {key} to list"))
    }

    /// The same viewer with the keys of `keymap` (the config's); the
    /// warnings hint of the start, if still shown, names the new key.
    pub fn with_keymap(mut self, keymap: Keymap) -> Self {
        let hint = self.warnings_hint();
        self.keymap = keymap;
        if hint.is_some() && self.message.as_ref().map(|m| &m.text) == hint.as_ref() {
            self.message = None;
            if let Some(hint) = self.warnings_hint() {
                self.say(hint, Tone::Error);
            }
        }
        self
    }

    /// Selects where the viewer opens, as `how` says: `saved` (where it
    /// was left, found again by date and titles, or the nearest day) for
    /// [`OpenAt::Last`], else today's day, else the newest; the first day
    /// for [`OpenAt::First`]. Nothing is remembered as a jump.
    pub fn open_at(&mut self, how: OpenAt, saved: Option<&daynotes_core::outline::Place>) {
        let axis = &self.dates.axis;
        let found = match how {
            OpenAt::Last => saved.and_then(|p| p.find(&self.notebook, axis)),
            _ => None,
        };
        let today = || axis.day_on(self.dates.today);
        let newest = || {
            (0..axis.len())
                .filter_map(|i| axis.date(i).map(|d| (d, std::cmp::Reverse(i))))
                .max()
                .map(|(_, std::cmp::Reverse(i))| i)
        };
        let day = match how {
            OpenAt::First => return,
            OpenAt::Newest => newest(),
            OpenAt::Last | OpenAt::Today => today().or_else(newest),
        };
        let Some(id) = found.or(day.map(daynotes_core::outline::NodeId::day)) else {
            return;
        };
        if self.outline.select(&self.notebook, id) {
            self.show_selection();
        }
        self.keep_outline_in_view();
    }

    /// Has the app's threads (search, ranking, code colours) call `waker`
    /// each time they have something for it.
    pub fn set_waker(&mut self, waker: daynotes_core::wake::Waker) {
        self.docs.painter().set_waker(waker.clone());
        self.waker = waker;
    }

    /// The same viewer with the outline `columns` wide (the config's
    /// `outline_width`).
    pub fn with_outline_width(mut self, columns: Option<u16>) -> Self {
        self.outline_width = columns;
        self.relayout();
        self
    }

    /// The same viewer drawn with `theme`.
    pub fn with_theme(mut self, theme: Theme) -> Self {
        self.theme = theme;
        self.docs.clear();
        self.relayout();
        self
    }
}
