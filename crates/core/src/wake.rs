//! A wake-up call for the viewer's event loop, which sleeps until something
//! happens. The threads that make something for the viewer (search hits, a
//! ranking, code colours, the notes read again, a change on disk, a signal)
//! send it on their own channel and then call [`Waker::wake`]; the loop,
//! woken, takes what has come from each of them.
//!
//! A plain callback, so that the workers need to know nothing of the loop;
//! the default one does nothing (tests, benchmarks, the commands).

use std::sync::Arc;

/// Wakes the event loop; cheap to clone.
#[derive(Clone, Default)]
pub struct Waker(Option<Arc<dyn Fn() + Send + Sync>>);

impl Waker {
    /// A waker that calls `wake`: it must not block (send on a channel).
    pub fn new(wake: impl Fn() + Send + Sync + 'static) -> Waker {
        Waker(Some(Arc::new(wake)))
    }

    /// Tells the loop that something is waiting for it.
    pub fn wake(&self) {
        if let Some(wake) = &self.0 {
            wake();
        }
    }
}

impl std::fmt::Debug for Waker {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(if self.0.is_some() {
            "Waker"
        } else {
            "Waker(none)"
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};

    #[test]
    fn a_waker_calls_back_and_the_default_does_nothing() {
        let calls = Arc::new(AtomicUsize::new(0));
        let counted = Arc::clone(&calls);
        let w = Waker::new(move || {
            counted.fetch_add(1, Ordering::SeqCst);
        });
        w.clone().wake();
        w.wake();
        assert_eq!(calls.load(Ordering::SeqCst), 2);
        Waker::default().wake();
    }
}
