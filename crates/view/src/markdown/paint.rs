//! Colours for fenced code, made on a thread so that a slow grammar never
//! holds up a frame, a key or a signal.
//!
//! A grammar costs from microseconds to tens of milliseconds a line
//! (syntect's make grammar backtracks on lines like `a (b c d …)`), and one
//! line cannot be interrupted. So layout never runs a grammar itself: it asks
//! a [`Painter`] for a fence's colours and waits for them at most as its
//! [`Wait`] allows; lines not coloured by then are drawn in the fence's plain
//! colour. The painter's thread goes on, a line at a time and the fence most
//! recently asked for first, and keeps what it made for the [`KEEP`] fences
//! last asked for. [`Painter::generation`] moves on when a fence is done (or
//! every [`PROGRESS`] while a long one is coloured), the painter's waker
//! wakes the viewer's loop, and the viewer lays its document out again, in
//! colour.
//!
//! ```text
//! layout ─ colours(fence) ─► cache ◄─ thread: a line at a time,
//!   ▲      waits ≤ Wait        │               newest fence first
//!   └──── the lines done ──────┘   generation + 1 as fences finish
//! ```

use std::collections::VecDeque;
use std::sync::{Arc, Condvar, Mutex, MutexGuard, PoisonError};
use std::time::{Duration, Instant};

use ratatui::style::Style;

use super::syntax::{self, Colourer, Runs};
use crate::theme::CodeTheme;
use daynotes_core::wake::Waker;

/// Fences whose colours are kept.
const KEEP: usize = 64;

/// While a long fence is coloured, how often the viewer is told to show
/// what is done so far.
const PROGRESS: Duration = Duration::from_millis(250);

/// How long layout waits for a fence's colours.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Wait {
    /// A fence asked for the first time is waited for at most this long;
    /// later layouts take what is done (the viewer, which lays the document
    /// out again when more is).
    PerFence(Duration),
    /// Every fence is waited for until this moment at the latest (output
    /// written once, such as `show`).
    Until(Instant),
    /// Until the fence is coloured whole (tests and benchmarks).
    Done,
}

/// The colours of one fence, as far as they are done.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct FenceColours {
    /// The scheme's colour for text it gives none, once the grammar is
    /// known; `None` while it is looked up, or when no grammar knows the
    /// fence's label.
    pub base: Option<Style>,
    /// The runs of each line coloured so far, from the first.
    pub lines: Vec<Runs>,
}

/// Makes and keeps fence colours on a thread; cheap to clone (the clones
/// share the thread and the colours). The thread starts with the first
/// fence asked for and ends when the last clone is dropped.
#[derive(Clone)]
pub struct Painter {
    owner: Arc<Owner>,
    wait: Wait,
}

impl std::fmt::Debug for Painter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Painter")
            .field("wait", &self.wait)
            .field("generation", &self.generation())
            .finish_non_exhaustive()
    }
}

/// Ends the thread when the last painter goes.
struct Owner(Arc<Shared>);

impl Drop for Owner {
    fn drop(&mut self) {
        self.0.lock().closed = true;
        self.0.work.notify_all();
    }
}

#[derive(Default)]
struct Shared {
    state: Mutex<State>,
    /// The thread waits here for work.
    work: Condvar,
    /// Layout waits here for lines to be done.
    progress: Condvar,
}

impl Shared {
    fn lock(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

#[derive(Default)]
struct State {
    /// The fences, least recently asked for first.
    fences: VecDeque<Fence>,
    next_id: u64,
    generation: u64,
    last_told: Option<Instant>,
    /// Called when the generation moves on.
    waker: Waker,
    started: bool,
    closed: bool,
}

/// What identifies a fence: the same text under the same label and theme
/// has the same colours.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Key {
    lang: String,
    theme: CodeTheme,
    text: Vec<String>,
}

struct Fence {
    id: u64,
    key: Key,
    colours: FenceColours,
    /// The grammar's state between lines; `None` before the grammar is
    /// looked up and while the thread holds it.
    colourer: Option<Box<Colourer>>,
    /// The thread is working on it.
    busy: bool,
    /// Every line coloured, or no more will be (unknown label, a grammar
    /// error, the byte budget spent).
    done: bool,
}

impl Painter {
    /// A painter whose layouts wait for colours as `wait` says.
    pub fn new(wait: Wait) -> Painter {
        Painter {
            owner: Arc::new(Owner(Arc::new(Shared::default()))),
            wait,
        }
    }

    /// The same painter (its thread and colours), waiting as `wait` says.
    #[must_use]
    pub fn waiting(&self, wait: Wait) -> Painter {
        Painter {
            owner: Arc::clone(&self.owner),
            wait,
        }
    }

    /// Calls `waker` each time the [`Painter::generation`] moves on (the
    /// viewer's loop, which then lays its document out again).
    pub fn set_waker(&self, waker: Waker) {
        self.shared().lock().waker = waker;
    }

    /// Moves on each time colours come that a layout made before lacked.
    pub fn generation(&self) -> u64 {
        self.shared().lock().generation
    }

    /// True while some fence asked for is still being coloured.
    pub fn busy(&self) -> bool {
        self.shared().lock().fences.iter().any(|f| !f.done)
    }

    fn shared(&self) -> &Arc<Shared> {
        &self.owner.0
    }

    /// The colours of the fence holding `lines`, labelled `lang`, as far as
    /// they are done after waiting as this painter's [`Wait`] allows; `None`
    /// when `theme` has no code colours or the fence no label.
    pub(crate) fn colours(
        &self,
        lang: &str,
        theme: CodeTheme,
        lines: &[&str],
    ) -> Option<FenceColours> {
        if theme == CodeTheme::None || lang.is_empty() {
            return None;
        }
        let key = Key {
            lang: lang.to_string(),
            theme,
            text: lines.iter().map(|l| syntax::head(l).to_string()).collect(),
        };
        let shared = self.shared();
        let mut state = shared.lock();
        let (id, fresh) = state.ask(key);
        if fresh {
            if !state.started {
                state.started = true;
                let worker = Arc::clone(shared);
                std::thread::spawn(move || work(&worker));
            }
            shared.work.notify_all();
        }
        let deadline = match self.wait {
            // Asked before: what is done is all this layout takes.
            Wait::PerFence(_) if !fresh => Some(Instant::now()),
            Wait::PerFence(d) => Some(Instant::now() + d),
            Wait::Until(t) => Some(t),
            Wait::Done => None,
        };
        loop {
            let fence = state.find(id)?;
            if fence.done || deadline.is_some_and(|t| Instant::now() >= t) {
                return Some(fence.colours.clone());
            }
            state = match deadline {
                Some(t) => {
                    let left = t.saturating_duration_since(Instant::now());
                    shared
                        .progress
                        .wait_timeout(state, left)
                        .unwrap_or_else(PoisonError::into_inner)
                        .0
                }
                None => shared
                    .progress
                    .wait(state)
                    .unwrap_or_else(PoisonError::into_inner),
            };
        }
    }
}

impl State {
    /// The fence with `key`, made the most recent; true when it is new.
    fn ask(&mut self, key: Key) -> (u64, bool) {
        if let Some(i) = self.fences.iter().position(|f| f.key == key) {
            let fence = self.fences.remove(i).expect("found above");
            let id = fence.id;
            self.fences.push_back(fence);
            return (id, false);
        }
        if self.fences.len() >= KEEP {
            self.fences.pop_front();
        }
        let id = self.next_id;
        self.next_id += 1;
        self.fences.push_back(Fence {
            id,
            key,
            colours: FenceColours::default(),
            colourer: None,
            busy: false,
            done: false,
        });
        (id, true)
    }

    fn find(&self, id: u64) -> Option<&Fence> {
        self.fences.iter().find(|f| f.id == id)
    }

    fn find_mut(&mut self, id: u64) -> Option<&mut Fence> {
        self.fences.iter_mut().find(|f| f.id == id)
    }

    /// Lets the viewer know when a fence is done, or while one is long in
    /// the making, every [`PROGRESS`].
    fn tell(&mut self, finished: bool) {
        let due = self.last_told.is_none_or(|t| t.elapsed() >= PROGRESS);
        if finished || due {
            self.generation += 1;
            self.last_told = Some(Instant::now());
            self.waker.wake();
        }
    }
}

/// What the thread takes out of a fence to work on without the lock.
enum Job {
    /// Look the grammar up.
    Start { lang: String, theme: CodeTheme },
    /// Colour one more line.
    Line {
        colourer: Box<Colourer>,
        line: String,
    },
}

/// The thread: takes the most recently asked-for fence with work left,
/// does one step of it outside the lock, and puts the result back.
fn work(shared: &Shared) {
    let mut state = shared.lock();
    loop {
        if state.closed {
            return;
        }
        let Some((id, job)) = next_job(&mut state) else {
            state = shared
                .work
                .wait(state)
                .unwrap_or_else(PoisonError::into_inner);
            continue;
        };
        drop(state);
        let step = match job {
            Job::Start { lang, theme } => {
                Step::Started(syntax::colourer(&lang, theme).map(Box::new))
            }
            Job::Line { mut colourer, line } => {
                let runs = colourer.colour(&line);
                Step::Coloured(colourer, runs)
            }
        };
        state = shared.lock();
        if let Some(fence) = state.find_mut(id) {
            fence.busy = false;
            let coloured = fence.apply(step);
            let (done, known) = (fence.done, fence.colours.base.is_some());
            if (done && known) || coloured {
                state.tell(done && known);
            }
            // Layout waits for a whole fence, so it is woken once.
            if done {
                shared.progress.notify_all();
            }
        }
    }
}

fn next_job(state: &mut State) -> Option<(u64, Job)> {
    let fence = state.fences.iter_mut().rev().find(|f| !f.done && !f.busy)?;
    fence.busy = true;
    let job = match fence.colourer.take() {
        None => Job::Start {
            lang: fence.key.lang.clone(),
            theme: fence.key.theme,
        },
        Some(colourer) => Job::Line {
            colourer,
            line: fence.key.text[fence.colours.lines.len()].clone(),
        },
    };
    Some((fence.id, job))
}

/// The outcome of one step.
enum Step {
    Started(Option<Box<Colourer>>),
    Coloured(Box<Colourer>, Option<Runs>),
}

impl Fence {
    /// Records a step; true when it coloured a line.
    fn apply(&mut self, step: Step) -> bool {
        match step {
            Step::Started(None) => {
                self.done = true;
                false
            }
            Step::Started(Some(c)) => {
                self.colours.base = Some(c.base());
                self.colourer = Some(c);
                self.done = self.key.text.is_empty();
                false
            }
            Step::Coloured(c, Some(runs)) => {
                self.colours.lines.push(runs);
                self.done = self.colours.lines.len() == self.key.text.len();
                if !self.done {
                    self.colourer = Some(c);
                }
                true
            }
            Step::Coloured(_, None) => {
                self.done = true;
                false
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A line syntect's make grammar takes tens of milliseconds over.
    fn slow_line() -> String {
        let words: Vec<String> = (1..40)
            .map(|i| {
                char::from(b'a' + (i % 26) as u8)
                    .to_string()
                    .repeat(1 + i / 26)
            })
            .collect();
        format!("a ({})", words.join(" "))
    }

    #[test]
    fn waiting_until_done_colours_every_line() {
        let p = Painter::new(Wait::Done);
        let lines = ["key: value", "list:", "  - \"s\""];
        let c = p.colours("yaml", CodeTheme::Dark, &lines).unwrap();
        assert_eq!(c.lines.len(), 3);
        assert!(c.base.is_some());
        assert!(!p.busy());
        // Asked again, the colours are kept.
        assert_eq!(p.colours("yaml", CodeTheme::Dark, &lines).unwrap(), c);
    }

    #[test]
    fn no_colours_without_a_theme_or_a_label_and_none_for_an_unknown_one() {
        let p = Painter::new(Wait::Done);
        assert_eq!(p.colours("yaml", CodeTheme::None, &["a: b"]), None);
        assert_eq!(p.colours("", CodeTheme::Dark, &["a: b"]), None);
        let unknown = p.colours("klingon", CodeTheme::Dark, &["a"]).unwrap();
        assert_eq!(unknown, FenceColours::default());
    }

    /// A slow block is not waited for past the budget; the thread goes on,
    /// and the generation tells when more is done.
    #[test]
    fn a_slow_fence_is_waited_for_only_its_budget_and_coloured_later() {
        let p = Painter::new(Wait::PerFence(Duration::ZERO));
        let slow = slow_line();
        let lines = vec![slow.as_str(); 3];
        let first = p.colours("make", CodeTheme::Dark, &lines).unwrap();
        assert!(first.lines.len() < 3, "not waited for");
        let before = p.generation();
        let start = Instant::now();
        while p.busy() {
            assert!(start.elapsed() < Duration::from_secs(60), "never done");
            std::thread::sleep(Duration::from_millis(5));
        }
        assert!(p.generation() > before);
        let last = p.colours("make", CodeTheme::Dark, &lines).unwrap();
        assert_eq!(last.lines.len(), 3);
    }

    #[test]
    fn until_a_moment_that_has_passed_waits_for_nothing() {
        let p = Painter::new(Wait::Until(Instant::now()));
        let slow = slow_line();
        let lines = vec![slow.as_str(); 50];
        let c = p.colours("make", CodeTheme::Dark, &lines).unwrap();
        assert!(c.lines.len() < 50);
    }

    #[test]
    fn only_the_latest_fences_are_kept() {
        let p = Painter::new(Wait::Done);
        for i in 0..KEEP + 5 {
            p.colours("yaml", CodeTheme::Dark, &[&format!("k: {i}")]);
        }
        assert_eq!(p.shared().lock().fences.len(), KEEP);
    }
}
