//! Reading a notes folder: its notes files read, decoded and parsed on
//! every thread, each thread gathering its run of files in order into one
//! notebook as it goes (so a folder of 50,000 small notes never holds
//! 50,000 notebooks of one file at once), the runs joined in order.
//!
//! ```text
//! files  a b c d │ e f g h      one run per thread, in order
//!          ▼          ▼
//!      Gathered   Gathered     days, files without a day, files skipped
//!          └────┬─────┘
//!            joined ─► days if any file has some, else the dayless files whole
//! ```

use std::path::{Path, PathBuf};
use std::time::Instant;

use super::{
    LoadError, LoadOptions, LoadTimes, Result, add_source, append, dir, name, read_file, skipped,
};
use crate::notes::{Notebook, Skipped};

/// What one thread made of its run of files.
#[derive(Debug, Default)]
struct Gathered {
    /// The files with days.
    days: Notebook,
    /// The files without.
    dayless: Notebook,
    /// The files that could not be read, and why.
    failed: Vec<Skipped>,
    times: LoadTimes,
}

impl Gathered {
    /// Reads, decodes and parses `file` and takes it in.
    fn read(&mut self, file: PathBuf, options: LoadOptions) {
        let mut unparsed = match read_file(&file, options.map, &mut self.times) {
            Ok(u) => u,
            Err(e) => {
                self.failed.push(skipped(&file, e.why()));
                return;
            }
        };
        // The listing's path becomes the source's: one copy of each name.
        if let Ok(name) = file.into_os_string().into_string()
            && name == unparsed.path
        {
            unparsed.path = name;
        }
        let t = Instant::now();
        let mut one = Notebook::default();
        add_source(
            &mut one,
            unparsed.path,
            unparsed.text,
            unparsed.warnings,
            options.wanted(),
            None,
        );
        self.times.parse += t.elapsed();
        if one.days.is_empty() {
            append(&mut self.dayless, one);
        } else {
            append(&mut self.days, one);
        }
    }

    /// Takes in what another thread gathered from the files after these.
    fn join(&mut self, more: Gathered) {
        append(&mut self.days, more.days);
        append(&mut self.dayless, more.dayless);
        self.failed.extend(more.failed);
        self.times.read += more.times.read;
        self.times.decode += more.times.decode;
        self.times.parse += more.times.parse;
    }
}

/// The notebook of the notes folder `path`: the days of its files in file
/// order (to be merged by date by the caller), and what was skipped.
pub(super) fn read(path: &Path, options: LoadOptions, times: &mut LoadTimes) -> Result<Notebook> {
    let dir::Listing {
        notes,
        others,
        unreadable,
    } = dir::files(path, options.recursive)?;
    let unreadable: Vec<Skipped> = unreadable
        .iter()
        .map(|(d, why)| Skipped {
            path: d.display().to_string(),
            folder: true,
            warning: false,
            why: dir::unreadable_folder(why),
        })
        .collect();
    if notes.is_empty() {
        let what = if options.recursive {
            "directory and its subdirectories hold"
        } else {
            "directory holds"
        };
        let also = match dir::report(&unreadable) {
            Some(report) => format!("; {report}"),
            None => String::new(),
        };
        return Err(LoadError::path(
            path,
            format!("{what} no notes files (*.md, *.txt, *.markdown, *.org){also}"),
        ));
    }
    let gathered = gather(notes, options);
    times.read += gathered.times.read;
    times.decode += gathered.times.decode;
    times.parse += gathered.times.parse;
    let Gathered {
        days: mut nb,
        dayless,
        failed,
        ..
    } = gathered;
    let any_failed = !failed.is_empty();
    nb.skipped.extend(failed);
    // Files without a day: left out when others have days, read (to be
    // shown whole) when none has.
    if nb.sources.is_empty() {
        append(&mut nb, dayless);
    } else {
        nb.skipped.extend(
            dayless
                .sources
                .iter()
                .map(|s| dayless_skipped(Path::new(&s.path))),
        );
    }
    nb.skipped.extend(unreadable);
    nb.skipped
        .extend(others.iter().map(|p| skipped(p, dir::NOT_NOTES)));
    if nb.sources.is_empty() && any_failed {
        let report = dir::report(&nb.skipped).unwrap_or_default();
        return Err(LoadError::path(
            path,
            format!("no notes file could be read ({report})"),
        ));
    }
    // Grown by doubling, the lists may hold twice the room they use: with
    // a source and a day for each of 50,000 files, that is megabytes.
    nb.sources.shrink_to_fit();
    nb.days.shrink_to_fit();
    Ok(nb)
}

/// Why a file without a day is left out: no day in it, and, when its name
/// is written as a date that is none, that too (a finding `check` warns
/// of).
fn dayless_skipped(path: &Path) -> Skipped {
    let stem = path.file_stem().and_then(|s| s.to_str());
    match stem.and_then(name::impossible_name_date) {
        Some(why) => Skipped {
            warning: true,
            ..skipped(
                path,
                format!("no day in it, and its name is no date ({why})"),
            )
        },
        None => skipped(path, dir::NO_DAYS),
    }
}

/// Reads `files` in order, on several threads when there are many (a
/// folder of daily notes holds thousands of small files, and most of their
/// cost is the system calls of opening and reading each).
fn gather(mut files: Vec<PathBuf>, options: LoadOptions) -> Gathered {
    // Most files of a folder are a day each: room is made once, not by
    // doubling as they come (which can leave twice the room used); the
    // first run makes room for all, so the others join it in place.
    let run = |part: Vec<PathBuf>, room: usize| {
        let mut g = Gathered::default();
        g.days.sources.reserve_exact(room);
        g.days.days.reserve_exact(room);
        for f in part {
            g.read(f, options);
        }
        g
    };
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get().min(8));
    let total = files.len();
    if total < 64 || threads < 2 {
        return run(files, total);
    }
    let chunk = total.div_ceil(threads);
    // The runs, in order, each owning its names.
    let mut parts = Vec::new();
    while files.len() > chunk {
        parts.push(files.split_off(files.len() - chunk));
    }
    parts.push(files);
    parts.reverse();
    std::thread::scope(|scope| {
        let handles: Vec<_> = parts
            .into_iter()
            .enumerate()
            .map(|(n, part)| {
                let room = if n == 0 { total } else { part.len() };
                scope.spawn(move || run(part, room))
            })
            .collect();
        let mut runs = handles
            .into_iter()
            .map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)));
        let mut all = runs.next().unwrap_or_default();
        for more in runs {
            all.join(more);
        }
        all
    })
}
