//! Ranking the picker's titles on a thread, for notebooks with so many
//! titles that scoring them all would hold up typing. Each request carries a
//! generation; the thread ranks only the newest waiting request, and answers
//! for older generations are dropped on arrival.

use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, Sender};
use std::thread;

use super::fuzzy::{Entry, Ranker};
use crate::wake::Waker;

/// A ranking thread over one list of entries.
pub struct RankWorker {
    requests: Option<Sender<(u64, String)>>,
    results: Receiver<(u64, Vec<usize>)>,
    generation: u64,
    answered: u64,
}

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
        let (requests, inbox) = mpsc::channel::<(u64, String)>();
        let (outbox, results) = mpsc::channel();
        // Without a thread no ranking ever arrives and the list stays as it
        // was: nothing worse.
        let _ = thread::Builder::new().name("rank".into()).spawn(move || {
            let mut ranker = Ranker::default();
            while let Ok(mut req) = inbox.recv() {
                while let Ok(newer) = inbox.try_recv() {
                    req = newer;
                }
                let ranked = ranker.rank_typed(&entries, &req.1);
                if outbox.send((req.0, ranked)).is_err() {
                    break;
                }
                waker.wake();
            }
        });
        RankWorker {
            requests: Some(requests),
            results,
            generation: 0,
            answered: 0,
        }
    }

    /// Asks for the ranking of `typed`; earlier requests are forgotten.
    pub fn rank(&mut self, typed: &str) {
        self.generation += 1;
        if let Some(tx) = &self.requests {
            let _ = tx.send((self.generation, typed.to_string()));
        }
    }

    /// True while the newest request has no answer yet.
    pub fn pending(&self) -> bool {
        self.generation > 0 && self.answered < self.generation
    }

    /// The answer to the newest request, if it has come.
    pub fn try_recv(&mut self) -> Option<Vec<usize>> {
        let mut newest = None;
        while let Ok((generation, ranked)) = self.results.try_recv() {
            if generation == self.generation {
                self.answered = generation;
                newest = Some(ranked);
            }
        }
        newest
    }

    /// Waits for the answer to the newest request (tests).
    pub fn recv(&mut self) -> Option<Vec<usize>> {
        while self.pending() {
            let (generation, ranked) = self.results.recv().ok()?;
            if generation == self.generation {
                self.answered = generation;
                return Some(ranked);
            }
        }
        None
    }
}

impl Drop for RankWorker {
    fn drop(&mut self) {
        // Closing the channel ends the thread once its ranking is done.
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
        w.rank("s");
        w.rank("ss");
        w.rank("sse");
        assert!(w.pending());
        let got = w.recv().expect("an answer");
        assert_eq!(got, Ranker::default().rank(&all, "sse"));
        assert!(!w.pending());
    }
}
