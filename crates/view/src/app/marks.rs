//! The viewer's side of links and tags: the index of both, built on a
//! thread with the search index after the first frame, and following links
//! from the content pane (`f` numbers the links in view, a number follows
//! one; `F` the same, opening URLs and files with the system's opener;
//! Enter on a topic of one link follows it). Every follow is a jump, so
//! Ctrl-O comes back.
//!
//! ```text
//! first frame ─► start_indexing ─ thread: search::Index, Links, Tags ─┐
//!                                                                     ▼
//! poll_marks: the search index kept, documents laid out again with
//! "Linked from", tags in the outline, a tag filter applied
//! ```

use super::Tone;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, channel};

use super::jump::{DocLink, Jump};
use super::{App, Effect, Mode};
use daynotes_core::links::{Links, Resolved, Resolver, Target};
use daynotes_core::outline::NodeId;
use daynotes_core::search::Index;
use daynotes_core::tags::Tags;

/// What the notes link to and are tagged with.
#[derive(Debug, Default)]
pub struct Marks {
    /// Every link, and the backlinks of each node.
    pub links: Links,
    /// Every tag of every day and topic.
    pub tags: Tags,
}

/// What is built on the thread: the search index and the marks.
type Built = (Arc<Index>, Marks);

/// The index being built, until it has come.
#[derive(Debug, Default)]
pub struct Indexing {
    pending: Option<Receiver<Built>>,
}

/// The hint mode: the links in view numbered, the number typed so far.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hints {
    /// What a chosen link to a URL or a file does.
    pub link_use: LinkUse,
    /// The links numbered, in order (number `i + 1`).
    pub links: Vec<DocLink>,
    /// The digits typed.
    pub typed: String,
}

/// What following a link to a URL or a file outside the notes does (a
/// link into the notes always shows its place).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkUse {
    /// Show it and copy it (`f`).
    Follow,
    /// Open it with the system's opener (`F`).
    Open,
}

/// Builds the marks of `nb` (and its search index).
fn build(nb: &daynotes_core::notes::Notebook) -> Built {
    let index = Arc::new(Index::new(nb));
    let marks = Marks {
        links: Links::of_notebook(nb),
        tags: Tags::of_notebook(nb),
    };
    (index, marks)
}

impl App {
    /// Builds the search index and the marks on a thread; the runner calls
    /// this after the first frame, and again when the notes are replaced.
    pub fn start_indexing(&mut self) {
        let (tx, rx) = channel();
        let nb = Arc::clone(&self.notebook);
        let waker = self.waker.clone();
        let spawned = std::thread::Builder::new()
            .name("index".into())
            .spawn(move || {
                let _ = tx.send(build(&nb));
                waker.wake();
            });
        if spawned.is_ok() {
            self.indexing.pending = Some(rx);
        }
    }

    /// Builds them here, now (tests, examples, benchmarks).
    pub fn index_now(&mut self) {
        let built = build(&self.notebook);
        self.take_marks(built);
    }

    /// Waits for the marks being built, when they are asked for before
    /// they came (a key pressed in the moment after the first frame).
    pub(super) fn wait_marks(&mut self) {
        if self.marks.is_none()
            && let Some(rx) = self.indexing.pending.take()
            && let Ok(built) = rx.recv()
        {
            self.take_marks(built);
        }
    }

    /// Takes the marks once built; true when they came.
    pub fn poll_marks(&mut self) -> bool {
        let Some(rx) = &self.indexing.pending else {
            return false;
        };
        let Ok(built) = rx.try_recv() else {
            return false;
        };
        self.indexing.pending = None;
        self.take_marks(built);
        true
    }

    fn take_marks(&mut self, (index, marks): Built) {
        self.keep_index(index);
        self.marks = Some(Arc::new(marks));
        self.docs.set_marks(self.marks.clone());
        self.relayout();
        self.apply_tag_filter();
    }

    /// `f` (or `F`, `open`): numbers the links in view.
    pub(super) fn open_hints(&mut self, link_use: LinkUse) {
        self.wait_marks();
        let height = self.content_height();
        let top = self.view.scroll;
        let links: Vec<DocLink> = self
            .doc()
            .map(|d| {
                d.links
                    .iter()
                    .filter(|l| l.row >= top && l.row < top + height)
                    .cloned()
                    .collect()
            })
            .unwrap_or_default();
        if links.is_empty() {
            return self.say("no link in view", Tone::Info);
        }
        let n = links.len();
        self.mode = Mode::Hints(Hints {
            link_use,
            links,
            typed: String::new(),
        });
        let what = match link_use {
            LinkUse::Open => "open",
            LinkUse::Follow => "follow",
        };
        self.say(
            format!("{n} links: type a number to {what} it, Esc to cancel"),
            Tone::Info,
        );
    }

    /// A key while the links are numbered; false when not numbering.
    pub(super) fn hints_action(&mut self, action: super::Action) -> bool {
        use super::Action;
        let Mode::Hints(h) = &mut self.mode else {
            return false;
        };
        match action {
            Action::Input(c @ '0'..='9') => {
                h.typed.push(c);
                let n: usize = h.typed.parse().unwrap_or(0);
                // Follow as soon as no longer number starts with the digits.
                if n * 10 > h.links.len() {
                    self.follow_hint(n);
                }
            }
            Action::Accept => {
                let n = h.typed.parse().unwrap_or(0);
                self.follow_hint(n);
            }
            Action::Erase => {
                h.typed.pop();
            }
            Action::Close => self.mode = Mode::Panes,
            Action::Input(_) => {}
            _ => return false,
        }
        true
    }

    fn follow_hint(&mut self, n: usize) {
        let Mode::Hints(h) = std::mem::replace(&mut self.mode, Mode::Panes) else {
            return;
        };
        match n.checked_sub(1).and_then(|i| h.links.get(i)) {
            Some(link) => self.follow_jump(&link.jump, h.link_use),
            None => self.say(format!("no link {n}"), Tone::Error),
        }
    }

    /// Goes where `jump` points: a node is shown (a jump Ctrl-O retraces);
    /// a URL or a file that is not notes is copied and shown, or opened;
    /// unlinked mentions are looked up and unfolded.
    pub(super) fn follow_jump(&mut self, jump: &Jump, link_use: LinkUse) {
        let to = match jump {
            Jump::Node(id) => Resolved::Node(*id),
            Jump::Mentions(id) => return self.unfold_mentions(*id),
            Jump::Link {
                target,
                source,
                day,
            } => Resolver::new(&self.notebook, [target]).resolve(target, *source, *day),
        };
        match to {
            Resolved::Node(id) => {
                self.select_node(id);
                let name =
                    crate::label::breadcrumb(&self.notebook, id, self.dates.weekdays).join(" › ");
                self.say(
                    format!("→ {name} ({} goes back)", self.back_key()),
                    Tone::Info,
                );
            }
            Resolved::Url(url) => self.outside(url, link_use),
            Resolved::File(path) => self.outside(path.display().to_string(), link_use),
            Resolved::Broken(why) => self.say(format!("broken link: {why}"), Tone::Error),
        }
    }

    fn back_key(&self) -> String {
        self.keymap.key_label(super::Action::HistoryBack)
    }

    /// A URL or a file outside the notes: opened, or copied and shown.
    fn outside(&mut self, target: String, link_use: LinkUse) {
        match link_use {
            LinkUse::Open => self.effects.push(Effect::Open { target }),
            LinkUse::Follow => {
                let key = self.keymap.key_label(super::Action::LinksOpen);
                self.effects.push(Effect::ShowLink { target, key });
            }
        }
    }

    /// Enter on a topic whose heading and body hold one link: follows it.
    /// False (nothing done) otherwise.
    pub(super) fn follow_single_link(&mut self) -> bool {
        let Some(id) = self.selected() else {
            return false;
        };
        if id.section_index().is_some() || self.focus != super::Pane::Outline {
            return false;
        }
        let (Some(t), d) = (id.topic_index(), id.day_index()) else {
            return false;
        };
        let nb = &self.notebook;
        let day = &nb.days[d];
        let topic = &day.topics[t];
        let text = &nb.sources[day.source].text;
        let mut found = daynotes_core::links::in_text(topic.heading.slice(text), 0);
        found.extend(daynotes_core::links::in_text(topic.body().slice(text), 0));
        let [(_, only)] = found.as_slice() else {
            return false;
        };
        let jump = Jump::Link {
            target: Target::of(&only.dest, only.wiki),
            source: day.source,
            day: Some(d),
        };
        self.follow_jump(&jump, LinkUse::Follow);
        true
    }

    /// Looks up the places that name `id`'s title unlinked, and shows them
    /// under its "Linked from".
    fn unfold_mentions(&mut self, id: NodeId) {
        let Some(marks) = self.marks.clone() else {
            return self.say("the links are still being read", Tone::Info);
        };
        // With the search index the marks were built with: making it again
        // is a third of the search.
        let found = match self.search.index() {
            Some(index) => {
                daynotes_core::links::mentions_in(&self.notebook, index, id, &marks.links)
            }
            None => daynotes_core::links::mentions(&self.notebook, id, &marks.links),
        };
        let n = found.len();
        self.docs.set_mentions(id, found);
        self.relayout();
        let s = if n == 1 { "" } else { "s" };
        self.say(format!("{n} unlinked mention{s}"), Tone::Info);
    }
}
