//! `search QUERY FILE`: the file's matching lines found while the file is
//! parsed, on a thread of their own. Finding them needs the text alone;
//! only placing them needs the tree.
//!
//! ```text
//! read, decode ─┬─ parse (a thread per piece) ──┬─ place ─ write
//!               └─ find the lines that match ───┘
//! ```
//! The parse keeps the cores busy most of the time but not all of it (its
//! pieces end at different times, and joining them is one thread's work):
//! the finding fills those gaps.

use std::path::Path;
use std::time::Instant;

use super::query_of;
use crate::cli::{Cli, Command};
use daynotes_core::load::{LoadTimes, Loaded};
use daynotes_core::search::{Hit, Matcher, walk};

/// The notes of `search QUERY FILE` loaded as the ordinary way loads a
/// file, with the lines found while it was parsed (not yet placed).
/// `None` where this does not apply: not a search or a count, no file
/// PATH, a query or a file the ordinary way refuses (it then says why, in
/// its own order).
pub fn load(cli: &Cli) -> Option<(Loaded, Vec<Hit>)> {
    let Some(Command::Search(args)) = &cli.command else {
        return None;
    };
    let path = cli.path()?;
    if args.count || !path.is_file() {
        return None;
    }
    let matcher = Matcher::new(&query_of(args)).ok()?;
    let mut times = LoadTimes::default();
    let file = daynotes_core::load::read_file(path, true, &mut times).ok()?;
    // The same text, shared (a mapped file) or copied (a small one).
    let text = file.text.clone();
    let t = Instant::now();
    let (notebook, found) = std::thread::scope(|s| {
        let finding = s.spawn(|| walk::found_in(&text, &matcher, 0));
        let notebook = file.parse();
        let found = finding
            .join()
            .unwrap_or_else(|e| std::panic::resume_unwind(e));
        (notebook, found)
    });
    times.parse = t.elapsed();
    let loaded = Loaded {
        notebook,
        origin: origin(path),
        target: Some(path.to_path_buf()),
        times,
        pending: None,
    };
    Some((loaded, found))
}

/// What the ordinary way says of a file PATH given on the command line.
fn origin(path: &Path) -> String {
    format!("reading {}", path.display())
}
