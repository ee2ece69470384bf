//! Application state: what the viewer is doing ([`Mode`]), what it shows,
//! and [`App::update`], which carries out each [`Action`].
//!
//! The runner turns terminal events into actions ([`crate::keymap`]), hands
//! them to `update`, then draws (the renderer borrows the app). All
//! work happens in `update`: moving the selection, scrolling, folding, and
//! laying out the content document for the pane's width (kept in a small
//! cache, see [`doc`]), so that drawing a frame only copies visible rows.
//!
//! The app knows the screen size from [`Action::Resize`] and derives every
//! pane rect from the same pure [`crate::layout`] functions the renderer
//! uses: that is how a click is mapped to an outline row and how long a page
//! is, without reading anything back from the last draw. Until the first
//! resize it assumes 80×24.

mod content;
pub mod dates;
pub mod doc;
pub mod doc_links;
pub mod effects;
pub mod help;
pub mod history;
mod hits;
pub mod jump;
pub mod marks;
mod navigate;
pub mod on_this_day;
pub mod picker;
mod reload;
pub mod review;
pub mod search;
mod start;
pub mod tags;
pub mod tasks;
#[cfg(test)]
mod tests;
mod warnings;

pub use crate::action::Action;
pub use doc::{Doc, DocId};
pub use effects::{Copied, Effect};
pub use marks::LinkUse;

pub use crate::layout::Pane;

use std::sync::Arc;

use ratatui::layout::Rect;

use crate::action::Dir;
use crate::keymap::{Context, Keymap};
use crate::theme::Theme;
use daynotes_core::notes::Notebook;
use daynotes_core::outline::{NodeId, Outline};

/// What the viewer is doing: one value, so that two things it cannot do at
/// once are never set at once. Each variant holds what lives only as long
/// as it does (what is typed, a cursor, the sitting of a review); what
/// outlives it stays in the app (the search's hits, highlights and filter,
/// the query history, the cards and their state). Dispatch looks keys up
/// in its [`Mode::context`]; drawing matches on it.
///
/// ```text
///          / &  ──► Search ─────┐   Enter, Esc
///     t Ctrl-P  ──► Picker ─────┤
///           :   ──► DatePrompt ─┤
///  Panes    c   ──► Calendar ───┼──► Panes
///           !   ──► Warnings ───┤
///           R   ──► Review ─────┤
///           o   ──► OnThisDay ──┘
///
///  any mode ── ? F1 ──► Help { under: that mode } ── Esc ──► that mode
/// ```
#[derive(Debug)]
pub enum Mode {
    /// Browsing the outline and the content.
    Panes,
    /// The parser's warnings over the panes.
    Warnings {
        /// The first line shown.
        scroll: usize,
    },
    /// The key help, over the mode it was opened in.
    Help(help::Help),
    /// The search prompt (`/`, `&`), its results in place of the content.
    Search(search::Prompt),
    /// The title picker.
    Picker(picker::Picker),
    /// The go-to-date prompt.
    DatePrompt(dates::DatePrompt),
    /// The calendar, a month or a year.
    Calendar(dates::Calendar),
    /// Reviewing today's cards, full screen.
    Review(review::Review),
    /// "On this day".
    OnThisDay(on_this_day::OnThisDay),
    /// The links in view numbered (`f`, `F`), a number being typed.
    Hints(marks::Hints),
    /// The tag picker (`#`).
    Tags(tags::TagPicker),
    /// The open tasks (`T`).
    Tasks(tasks::TaskList),
}

impl Mode {
    /// Where keys are looked up while in this mode.
    pub fn context(&self) -> Context {
        match self {
            Mode::Panes => Context::Panes,
            Mode::Warnings { .. } => Context::Overlay,
            Mode::Help(h) if h.typing => Context::HelpFilter,
            Mode::Help(_) => Context::Help,
            Mode::Search(_) => Context::Prompt,
            Mode::Picker(_) => Context::Picker,
            Mode::DatePrompt(_) => Context::DatePrompt,
            Mode::Calendar(_) => Context::Calendar,
            Mode::Review(_) => Context::Review,
            Mode::OnThisDay(_) => Context::OnThisDay,
            Mode::Hints(_) => Context::Hints,
            Mode::Tags(_) => Context::Tags,
            Mode::Tasks(_) => Context::Tasks,
        }
    }
}

/// A transient line for the status bar, cleared by the next action.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    /// What to say.
    pub text: String,
    /// Information, or a warning or error.
    pub tone: Tone,
}

/// How a status message is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    /// Something done or found.
    Info,
    /// Something that went wrong or needs a look.
    Error,
}

/// What the content pane shows and from where.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ContentView {
    /// The document shown (`None` for an empty notebook).
    pub doc: Option<DocId>,
    /// The first row shown.
    pub scroll: usize,
    /// In a topic document, the pre-order index of the highlighted section.
    pub highlight: Option<usize>,
}

/// The whole state of the viewer.
#[derive(Debug)]
pub struct App {
    /// The notes being viewed (shared with the search thread).
    pub notebook: Arc<Notebook>,
    /// Set by [`Action::Quit`]; the runner leaves its loop.
    pub quit: bool,
    /// Every style drawn with.
    pub theme: Theme,
    /// Where the notes came from, for the status bar.
    pub origin: String,
    /// The folds and the selection.
    pub outline: Outline,
    /// The first outline row shown.
    pub outline_top: usize,
    /// The pane keys act on.
    pub focus: Pane,
    /// The outline pane's width when both panes are shown (`None`: a
    /// third of the screen): `<`, `>` and the config's `outline_width`.
    pub outline_width: Option<u16>,
    /// What the viewer is doing.
    pub mode: Mode,
    /// The first key of a two-key sequence, waiting for the second.
    pub pending: Option<char>,
    /// The status bar's transient message.
    pub message: Option<Message>,
    /// The screen, as last reported by [`Action::Resize`].
    pub size: Rect,
    /// The content pane's document and scroll position.
    pub view: ContentView,
    /// The current search (hits, highlights, filter) and the queries typed.
    pub search: search::Search,
    /// The date axis, today, and the calendar's shading.
    pub dates: dates::DateNav,
    /// Where jumps started, for Ctrl-O and Ctrl-I.
    pub history: history::History,
    /// Requests for the runner (reload, editor, clipboard), taken by
    /// [`App::take_effects`].
    pub effects: Vec<Effect>,
    /// Whether the status bar shows [`App::timing_line`].
    pub show_timings: bool,
    /// How long things took, kept up to date by the runner.
    pub timing_line: String,
    /// The review cards and their state, and what draws a topic to revisit.
    pub study: review::Study,
    /// The keys in use: what dispatch reads, and what the help and the
    /// hints name.
    pub keymap: Keymap,
    /// Links and tags of the notes, once built on their thread.
    pub marks: Option<Arc<marks::Marks>>,
    /// The tags the outline is filtered by (empty: none).
    pub tag_filter: daynotes_core::tags::Filter,
    /// The marks being built.
    indexing: marks::Indexing,
    /// Wakes the runner's loop when a thread of the app has something
    /// (search hits, a ranking, code colours).
    waker: daynotes_core::wake::Waker,
    docs: doc::DocCache,
    /// The picker's titles, kept while the notes are the same.
    titles: Option<picker::Titles>,
}

impl App {
    /// Applies one action.
    pub fn update(&mut self, action: Action) {
        if !matches!(action, Action::Prefix(_) | Action::Resize { .. }) {
            self.pending = None;
            self.message = None;
        }
        if self.help_action(action)
            || self.warnings_action(action)
            || self.search_action(action)
            || self.picker_action(action)
            || self.review_action(action)
            || self.on_this_day_action(action)
            || self.date_action(action)
            || self.hints_action(action)
            || self.tags_action(action)
            || self.tasks_action(action)
        {
            return self.keep_outline_in_view();
        }
        match action {
            Action::Quit => self.quit = true,
            Action::Suspend => {} // the runner stops and resumes the process
            Action::Down => self.move_by(1),
            Action::Up => self.move_by(-1),
            Action::PageDown => self.page(2),
            Action::PageUp => self.page(-2),
            Action::HalfPageDown => self.page(1),
            Action::HalfPageUp => self.page(-1),
            Action::Top => self.go_to_end(Dir::Back),
            Action::Bottom => self.go_to_end(Dir::Forward),
            Action::Left => self.left(),
            Action::Right => self.right(),
            Action::Toggle => {
                if !self.follow_single_link() {
                    self.enter();
                }
            }
            Action::SwitchPane => self.switch_pane(),
            Action::NextDay => self.jump_in_time(Dir::Forward),
            Action::PrevDay => self.jump_in_time(Dir::Back),
            Action::NextTopic => self.jump(daynotes_core::outline::next_topic, "no next topic"),
            Action::PrevTopic => self.jump(daynotes_core::outline::prev_topic, "no previous topic"),
            Action::FoldAll => self.fold_all(),
            Action::UnfoldAll => self.unfold_all(),
            Action::Help => self.toggle_help(),
            Action::Warnings => self.open_warnings(),
            Action::WiderOutline => self.widen_outline(2),
            Action::NarrowerOutline => self.widen_outline(-2),
            Action::Close => self.close(),
            Action::SearchStart => self.open_prompt(),
            Action::FilterStart => {
                self.search.filter = true;
                self.open_prompt();
            }
            Action::PickerOpen => self.open_picker(),
            // Typing and choosing happen in a prompt or a picker, whose
            // modes took them above.
            Action::Input(_)
            | Action::Erase
            | Action::EraseWord
            | Action::EraseAll
            | Action::HistoryPrev
            | Action::HistoryNext
            | Action::ToggleRegex
            | Action::ToggleFilter
            | Action::ResultNext
            | Action::ResultPrev
            | Action::ResultPageDown
            | Action::ResultPageUp
            | Action::Accept => {}
            Action::NextHit => self.next_hit(Dir::Forward),
            Action::PrevHit => self.next_hit(Dir::Back),
            Action::DatePromptOpen => self.open_date_prompt(),
            Action::CalendarOpen => self.open_calendar(),
            Action::HistoryBack => self.retrace(Dir::Back),
            Action::HistoryForward => self.retrace(Dir::Forward),
            // Only meaningful in the calendar, handled above.
            Action::MonthNext | Action::MonthPrev | Action::CalendarToday => {}
            Action::ReviewStart => self.start_review(),
            Action::CramStart => self.start_cram(&daynotes_core::review::Selection::default()),
            Action::OnThisDay => self.open_on_this_day(),
            Action::Revisit => self.revisit(),
            // Only meaningful in review and the calendar, handled above.
            Action::Reveal
            | Action::Rate(_)
            | Action::Undo
            | Action::Skip
            | Action::Bury
            | Action::SuspendCard
            | Action::YearView => {}
            Action::Reload => self.effects.push(Effect::Reload),
            Action::Edit => self.request_edit(),
            Action::CopyTopic => self.request_copy(Copied::Text),
            Action::CopyPath => self.request_copy(Copied::Path),
            Action::ToggleTimings => self.show_timings = !self.show_timings,
            Action::LinksFollow => self.open_hints(LinkUse::Follow),
            Action::LinksOpen => self.open_hints(LinkUse::Open),
            Action::TagPicker => self.open_tags(),
            Action::TasksOpen => self.open_tasks(),
            Action::Prefix(key) => self.pending = Some(key),
            Action::Resize { width, height } => self.resize(width, height),
            Action::Click { column, row } => self.click(column, row),
            Action::Wheel { column, row, dir } => self.wheel(column, row, dir),
        }
        self.keep_outline_in_view();
    }

    /// The selected node, `None` for an empty notebook.
    pub fn selected(&self) -> Option<NodeId> {
        self.outline.selected()
    }

    /// What colours code in the content documents.
    pub fn painter(&self) -> &crate::markdown::Painter {
        self.docs.painter()
    }

    /// Lays the content document out again when code colours have come
    /// since it was (the rows stay the same, so does the scroll); true when
    /// it did.
    pub fn poll_colours(&mut self) -> bool {
        if !self.docs.colours_changed() {
            return false;
        }
        let Some(id) = self.view.doc else {
            return false;
        };
        self.docs.clear();
        let width = self.content_width();
        let last = self
            .docs
            .ensure(&self.notebook, id, width, &self.theme.md)
            .lines
            .len()
            .saturating_sub(1);
        self.view.scroll = self.view.scroll.min(last);
        true
    }

    /// True while code colours are still being made on their thread.
    pub fn colouring(&self) -> bool {
        self.docs.colouring()
    }

    /// What documents are laid out with besides the notes (for a frame
    /// that lays one out itself).
    pub fn doc_extras(&self) -> &doc_links::Extras {
        self.docs.extras()
    }

    /// The content document, laid out for the current width.
    pub fn doc(&self) -> Option<&Doc> {
        let id = self.view.doc?;
        self.docs.get(id, self.content_width())
    }

    /// Leaves the current mode for the panes, handing it back.
    fn leave_mode(&mut self) -> Mode {
        std::mem::replace(&mut self.mode, Mode::Panes)
    }

    /// Sets the status message.
    fn say(&mut self, text: impl Into<String>, tone: Tone) {
        self.message = Some(Message {
            text: text.into(),
            tone,
        });
    }
}
