//! Output made a block at a time on every thread the machine has and
//! written in order: what `search` and `export` do with a large notebook.
//!
//! ```text
//! thread 0:  block 0        block 2        block 4 …
//! thread 1:      block 1        block 3        …
//! writer:    0 1 2 3 4 …  (each waits for its turn; at most two blocks
//!                          per thread made ahead, so memory stays small)
//! ```
//! The writer hands each buffer back to the thread that made it, to be
//! filled again.
//! A closed pipe stops the writer, and the threads with it.

use std::io::{self, Write};
use std::sync::mpsc::{channel, sync_channel};

/// Writes blocks `0..count`, each made into a string by `make`, to `w` in
/// order.
pub fn write_in_order(
    count: usize,
    make: impl Fn(usize, &mut String) + Sync,
    w: &mut dyn Write,
) -> io::Result<()> {
    let threads = std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get);
    let workers = threads.min(count).min(8);
    if workers <= 1 {
        let mut buf = String::new();
        for i in 0..count {
            buf.clear();
            make(i, &mut buf);
            w.write_all(buf.as_bytes())?;
        }
        return Ok(());
    }
    let make = &make;
    std::thread::scope(|s| {
        let mut made = Vec::with_capacity(workers);
        let mut back = Vec::with_capacity(workers);
        for k in 0..workers {
            let (tx, rx) = sync_channel::<String>(2);
            let (done, reuse) = channel::<String>();
            s.spawn(move || {
                for i in (k..count).step_by(workers) {
                    // A buffer the writer is done with, when there is one:
                    // its pages are already the process's, where a new
                    // one of a block's size is fresh memory to fault in.
                    let mut buf = reuse
                        .try_recv()
                        .unwrap_or_else(|_| String::with_capacity(1 << 16));
                    buf.clear();
                    make(i, &mut buf);
                    // The writer stopped (a closed pipe): so does this.
                    if tx.send(buf).is_err() {
                        return;
                    }
                }
            });
            made.push(rx);
            back.push(done);
        }
        for i in 0..count {
            let Ok(buf) = made[i % workers].recv() else {
                break;
            };
            w.write_all(buf.as_bytes())?;
            // The worker may have ended: then the buffer is just dropped.
            let _ = back[i % workers].send(buf);
        }
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_come_out_in_order() {
        let mut out = Vec::new();
        write_in_order(100, |i, buf| buf.push_str(&format!("{i},")), &mut out).unwrap();
        let expected: String = (0..100).map(|i| format!("{i},")).collect();
        assert_eq!(String::from_utf8(out).unwrap(), expected);
    }

    #[test]
    fn a_closed_pipe_stops_everything() {
        struct Closed;
        impl Write for Closed {
            fn write(&mut self, _: &[u8]) -> io::Result<usize> {
                Err(io::ErrorKind::BrokenPipe.into())
            }
            fn flush(&mut self) -> io::Result<()> {
                Ok(())
            }
        }
        let got = write_in_order(1000, |_, buf| buf.push('x'), &mut Closed);
        assert_eq!(got.unwrap_err().kind(), io::ErrorKind::BrokenPipe);
    }
}
