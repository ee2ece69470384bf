//! Ranking the picker's titles on a thread, for notebooks with so many
//! titles that scoring them all would hold up typing. Each request carries a
//! generation; the thread ranks only the newest waiting request, and answers
//! for older generations are dropped on arrival. The thread makes the
//! titles ready as soon as it starts, and answers a request in two steps
//! when it can: the titles matched directly (a screenful or more) as soon
//! as they are ranked, then the whole ranking with those pinyin finds
//! after them ([`Ranker::rank_in_steps`]).

use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, Sender};
use std::thread;

use super::fuzzy::{Entry, Ranker};
use crate::wake::Waker;

/// A ranking thread over one list of entries, as one user of it sees it.
/// [`RankWorker::handle`] gives another user of the same thread (the
/// thread, and the titles it has made ready, last as long as one is kept:
/// the viewer keeps one so the picker opens again at once).
pub struct RankWorker {
    requests: Option<Sender<Request>>,
    results: Receiver<Answer>,
    /// Where this user's answers come.
    reply: Sender<Answer>,
    generation: u64,
    answered: u64,
}

/// A ranking asked for: its generation, what is typed, the rows a screen
/// shows, and where to answer.
type Request = (u64, String, usize, Sender<Answer>);

/// A ranking sent: its generation, the ranking, and whether it is whole
/// (not only the first step).
type Answer = (u64, Vec<usize>, bool);

impl std::fmt::Debug for RankWorker {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RankWorker")
            .field("generation", &self.generation)
            .finish_non_exhaustive()
    }
}

impl RankWorker {
    /// Starts the thread; each ranking it sends is followed by a call to
    /// `waker`.
    pub fn spawn(entries: Arc<Vec<Entry>>, waker: Waker) -> RankWorker {
        let (requests, inbox) = mpsc::channel::<Request>();
        let (reply, results) = mpsc::channel();
        // Without a thread no ranking ever arrives and the list stays as it
        // was: nothing worse.
        let _ = thread::Builder::new().name("rank".into()).spawn(move || {
            let mut ranker = Ranker::default();
            // Ready before the first key, most often: the picker has just
            // opened.
            ranker.prepare(&entries);
            while let Ok(mut req) = inbox.recv() {
                while let Ok(newer) = inbox.try_recv() {
                    req = newer;
                }
                let (generation, typed, rows, outbox) = req;
                let first = |ranked: &[usize]| {
                    if outbox.send((generation, ranked.to_vec(), false)).is_ok() {
                        waker.wake();
                    }
                };
                let ranked = ranker.rank_typed_in_steps(&entries, &typed, rows, first);
                if outbox.send((generation, ranked, true)).is_ok() {
                    waker.wake();
                }
            }
        });
        RankWorker {
            requests: Some(requests),
            results,
            reply,
            generation: 0,
            answered: 0,
        }
    }

    /// Another user of the same thread, with answers of its own.
    pub fn handle(&self) -> RankWorker {
        let (reply, results) = mpsc::channel();
        RankWorker {
            requests: self.requests.clone(),
            results,
            reply,
            generation: 0,
            answered: 0,
        }
    }

    /// Asks for the ranking of `typed`, its first `rows` as soon as they
    /// are known; earlier requests are forgotten.
    pub fn rank(&mut self, typed: &str, rows: usize) {
        self.generation += 1;
        if let Some(tx) = &self.requests {
            let _ = tx.send((self.generation, typed.to_string(), rows, self.reply.clone()));
        }
    }

    /// True while the newest request has no answer yet.
    pub fn pending(&self) -> bool {
        self.generation > 0 && self.answered < self.generation
    }

    /// The newest answer to the newest request, if one has come: its
    /// first step or the whole (then it is no longer pending).
    pub fn try_recv(&mut self) -> Option<Vec<usize>> {
        let mut newest = None;
        while let Ok((generation, ranked, whole)) = self.results.try_recv() {
            if generation == self.generation {
                if whole {
                    self.answered = generation;
                }
                newest = Some(ranked);
            }
        }
        newest
    }

    /// Waits for the whole answer to the newest request (tests).
    pub fn recv(&mut self) -> Option<Vec<usize>> {
        while self.pending() {
            let (generation, ranked, whole) = self.results.recv().ok()?;
            if generation == self.generation && whole {
                self.answered = generation;
                return Some(ranked);
            }
        }
        None
    }

    /// Waits for the first answer to the newest request, a first step or
    /// the whole (tests).
    pub fn recv_first(&mut self) -> Option<(Vec<usize>, bool)> {
        loop {
            let (generation, ranked, whole) = self.results.recv().ok()?;
            if generation == self.generation {
                if whole {
                    self.answered = generation;
                }
                return Some((ranked, whole));
            }
        }
    }
}

impl Drop for RankWorker {
    fn drop(&mut self) {
        // Closing the channel (with every other handle's) ends the thread
        // once its ranking is done.
        self.requests.take();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::from_text;
    use crate::search::fuzzy::entries;

    #[test]
    fn the_newest_request_is_answered() {
        let all = Arc::new(entries(&from_text("seed", crate::SAMPLE.to_string())));
        let mut w = RankWorker::spawn(Arc::clone(&all), Waker::default());
        assert!(!w.pending());
        w.rank("s", 20);
        w.rank("ss", 20);
        w.rank("sse", 20);
        assert!(w.pending());
        let got = w.recv().expect("an answer");
        assert_eq!(got, Ranker::default().rank(&all, "sse"));
        assert!(!w.pending());
    }

    #[test]
    fn titles_matched_directly_come_first_then_the_whole() {
        let all = Arc::new(entries(&from_text("seed", crate::SAMPLE.to_string())));
        let mut w = RankWorker::spawn(Arc::clone(&all), Waker::default());
        let whole = Ranker::default().rank(&all, "s");
        // `s` matches some titles directly, and many more by pinyin.
        w.rank("s", 2);
        let (first, done) = w.recv_first().unwrap();
        assert!(!done && w.pending());
        assert!(first.len() >= 2 && first.len() < whole.len());
        assert_eq!(first, whole[..first.len()]);
        assert_eq!(w.recv().unwrap(), whole);
        // A screen the direct matches do not fill waits for the whole.
        w.rank("s", 1000);
        assert_eq!(w.recv_first().unwrap(), (whole, true));
    }
}
