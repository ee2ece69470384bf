//! Everything the runner waits for, on one channel: what the terminal sends
//! (keys, the mouse, resizes), read on a thread of its own, and the wake-up
//! calls of the other threads (search hits, a ranking, code colours, the
//! notes read again, a change on disk, a signal). The runner blocks in
//! [`Events::next`] and sleeps until one of them comes; nothing wakes it on
//! a timer, as nothing it shows changes with time alone.
//!
//! ```text
//!  terminal ──► reader thread ──┐
//!  search, ranking, colours ────┤
//!  notes read again ────────────┼──► channel ──► Events::next (sleeps)
//!  file watcher ────────────────┤
//!  signals ─────────────────────┘
//! ```
//!
//! The reader reads the terminal only while the runner waits: [`Events::next`]
//! asks it for one batch at a time. So while the runner carries something
//! out (the editor has the terminal, the process is stopped) no key meant
//! for someone else is read.

use std::io;
use std::sync::mpsc::{Receiver, Sender, channel};
use std::time::Duration;

use crossterm::event::{self, Event};

use daynotes_core::wake::Waker;

/// What comes down the channel.
enum Message {
    /// A batch of terminal events, read one after the other without
    /// waiting; or the error that ended reading.
    Terminal(io::Result<Vec<Event>>),
    /// Something else has something for the runner.
    Wake,
}

/// The runner's one source of events.
pub(super) struct Events {
    rx: Receiver<Message>,
    tx: Sender<Message>,
    /// Asks the reader for the next batch.
    ask: Sender<()>,
    /// A batch was asked for and has not come yet.
    asked: bool,
}

impl Events {
    /// The channel, and the reader thread waiting to be asked.
    pub(super) fn start() -> io::Result<Events> {
        let (tx, rx) = channel();
        let (ask, asks) = channel::<()>();
        let terminal = tx.clone();
        std::thread::Builder::new()
            .name("terminal".into())
            .spawn(move || {
                while asks.recv().is_ok() {
                    let batch = read_batch();
                    let failed = batch.is_err();
                    if terminal.send(Message::Terminal(batch)).is_err() || failed {
                        break;
                    }
                }
            })?;
        Ok(Events {
            rx,
            tx,
            ask,
            asked: false,
        })
    }

    /// A waker for the other threads: each call wakes [`Events::next`].
    pub(super) fn waker(&self) -> Waker {
        let tx = self.tx.clone();
        Waker::new(move || {
            let _ = tx.send(Message::Wake);
        })
    }

    /// Sleeps until something comes; then takes everything waiting and
    /// returns the terminal's events among it (none when only other threads
    /// woke the runner).
    pub(super) fn next(&mut self) -> io::Result<Vec<Event>> {
        if !self.asked {
            // The reader is gone only after an error it has sent.
            let _ = self.ask.send(());
            self.asked = true;
        }
        let first = self.rx.recv().map_err(|_| {
            io::Error::new(io::ErrorKind::BrokenPipe, "the terminal reader stopped")
        })?;
        let mut events = Vec::new();
        self.take(first, &mut events)?;
        while let Ok(more) = self.rx.try_recv() {
            self.take(more, &mut events)?;
        }
        Ok(events)
    }

    fn take(&mut self, message: Message, events: &mut Vec<Event>) -> io::Result<()> {
        if let Message::Terminal(batch) = message {
            self.asked = false;
            events.extend(batch?);
        }
        Ok(())
    }
}

/// How long [`read_batch`] looks for more events after one. crossterm's
/// poll(2) reader returns at once for a zero timeout without looking at the
/// keys it has already read; a timeout under a millisecond looks at them and
/// at the terminal (a poll(2) of 0 ms) without waiting for anything new.
const MORE: Duration = Duration::from_micros(200);

/// One event, waiting for it, and every event already there after it (a
/// burst of key repeats, a paste or mouse motion, drawn once).
fn read_batch() -> io::Result<Vec<Event>> {
    let mut batch = vec![event::read()?];
    while event::poll(MORE)? {
        batch.push(event::read()?);
    }
    Ok(batch)
}
