//! Searching on a thread of its own, so that typing never waits for a scan.
//!
//! ```text
//! UI thread                         worker thread
//! start(matcher) ─ generation+1 ──► takes the newest request only
//!                                   scans a slice (index::SLICE bytes),
//! try_recv() ◄── Batch{gen, hits} ─ sends its hits, wakes the loop,
//!   (older generations dropped)     checks the generation, stops as soon
//!                                   as a newer one exists
//! ```
//! The generation counter is shared: bumping it ([`Worker::start`],
//! [`Worker::cancel`]) stops the running scan at its next slice, and batches
//! of older generations are thrown away on arrival. At start the worker
//! builds the folded copies of the text, so the first case-insensitive query
//! does not pay for it. The thread ends when the [`Worker`] is dropped.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{self, Receiver, Sender, TryRecvError};
use std::thread;

use super::index::{Cursor, SLICE, slice_end};
use super::{Hit, Index, Matcher};
use crate::notes::Notebook;
use crate::wake::Waker;

/// Hits kept for one query; a search stops there and says so.
pub const MAX_HITS: usize = 500_000;

/// Results of part of a scan.
#[derive(Debug)]
pub struct Batch {
    /// The request they answer.
    pub generation: u64,
    /// Hits found in the part just scanned, in text order.
    pub hits: Vec<Hit>,
    /// The scan is over (all of it, or [`MAX_HITS`] reached).
    pub done: bool,
    /// It stopped at [`MAX_HITS`].
    pub truncated: bool,
}

struct Request {
    generation: u64,
    matcher: Arc<Matcher>,
}

/// A search thread over one notebook.
pub struct Worker {
    requests: Option<Sender<Request>>,
    results: Receiver<Batch>,
    generation: Arc<AtomicU64>,
}

impl std::fmt::Debug for Worker {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Worker")
            .field("generation", &self.generation.load(Ordering::Relaxed))
            .finish_non_exhaustive()
    }
}

impl Worker {
    /// Starts the thread; it prepares the folded text, then waits. Each
    /// batch it sends is followed by a call to `waker`.
    pub fn spawn(nb: Arc<Notebook>, index: Arc<Index>, waker: Waker) -> Worker {
        let (requests, inbox) = mpsc::channel::<Request>();
        let (outbox, results) = mpsc::channel();
        let generation = Arc::new(AtomicU64::new(0));
        let current = Arc::clone(&generation);
        // Without a thread every request goes unanswered and the caller sees
        // the search as still running: nothing worse.
        let _ = thread::Builder::new().name("search".into()).spawn(move || {
            for s in 0..nb.sources.len() {
                index.prepare(&nb, s);
            }
            while let Ok(mut req) = inbox.recv() {
                while let Ok(newer) = inbox.try_recv() {
                    req = newer;
                }
                let send = |b: Batch| {
                    outbox.send(b)?;
                    waker.wake();
                    Ok(())
                };
                if scan(&nb, &index, &req, &current, send).is_err() {
                    break;
                }
            }
        });
        Worker {
            requests: Some(requests),
            results,
            generation,
        }
    }

    /// Starts searching for `matcher`, stopping the search before; returns
    /// the new generation.
    pub fn start(&self, matcher: Arc<Matcher>) -> u64 {
        let generation = self.generation.fetch_add(1, Ordering::SeqCst) + 1;
        if let Some(tx) = &self.requests {
            let _ = tx.send(Request {
                generation,
                matcher,
            });
        }
        generation
    }

    /// Stops the running search, if any.
    pub fn cancel(&self) {
        self.generation.fetch_add(1, Ordering::SeqCst);
    }

    /// The next batch of the current generation, if one has arrived.
    pub fn try_recv(&self) -> Option<Batch> {
        loop {
            match self.results.try_recv() {
                Ok(b) if b.generation == self.generation.load(Ordering::SeqCst) => return Some(b),
                Ok(_) => continue,
                Err(TryRecvError::Empty | TryRecvError::Disconnected) => return None,
            }
        }
    }

    /// Waits for the next batch of the current generation (tests and
    /// benchmarks; the viewer polls with [`Worker::try_recv`]).
    pub fn recv(&self) -> Option<Batch> {
        loop {
            let b = self.results.recv().ok()?;
            if b.generation == self.generation.load(Ordering::SeqCst) {
                return Some(b);
            }
        }
    }
}

impl Drop for Worker {
    fn drop(&mut self) {
        self.cancel();
        // Closing the channel ends the thread's loop; it is not joined, so a
        // fold in progress never holds up quitting.
        self.requests.take();
    }
}

/// One search, a slice at a time; `Err` when the receiver is gone.
fn scan(
    nb: &Notebook,
    index: &Index,
    req: &Request,
    current: &AtomicU64,
    send: impl Fn(Batch) -> Result<(), mpsc::SendError<Batch>>,
) -> Result<(), mpsc::SendError<Batch>> {
    let stale = || current.load(Ordering::SeqCst) != req.generation;
    let mut found = 0;
    for source in 0..nb.sources.len() {
        let text = &nb.sources[source].text;
        let mut cursor = Cursor::default();
        let mut at = 0;
        while at < text.len() {
            if stale() {
                return Ok(());
            }
            let end = slice_end(text, at, SLICE);
            let mut hits = Vec::new();
            index.search_range(nb, &req.matcher, source, at..end, &mut cursor, &mut hits);
            at = end;
            let truncated = found + hits.len() >= MAX_HITS;
            hits.truncate(MAX_HITS - found);
            found += hits.len();
            if !hits.is_empty() || truncated {
                send(Batch {
                    generation: req.generation,
                    hits,
                    done: truncated,
                    truncated,
                })?;
            }
            if truncated {
                return Ok(());
            }
        }
    }
    send(Batch {
        generation: req.generation,
        hits: Vec::new(),
        done: true,
        truncated: false,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::from_text;
    use crate::search::Query;

    fn collect(w: &Worker) -> Vec<Hit> {
        let mut all = Vec::new();
        while let Some(b) = w.recv() {
            all.extend(b.hits);
            if b.done {
                break;
            }
        }
        all
    }

    #[test]
    fn a_newer_query_replaces_an_older_one() {
        let nb = Arc::new(from_text("seed", crate::SAMPLE.to_string()));
        let index = Arc::new(Index::new(&nb));
        let w = Worker::spawn(Arc::clone(&nb), Arc::clone(&index), Waker::default());
        let m = |q: &str| Arc::new(Matcher::new(&Query::literal(q)).unwrap());
        w.start(m("http"));
        w.start(m("sse"));
        let hits = collect(&w);
        let expected = index.search(&nb, &m("sse"));
        assert_eq!(hits, expected);
        assert_eq!(hits.len(), 3);
    }
}
