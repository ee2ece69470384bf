//! Files → [`Notebook`]: reading (read-only, regular files only, see
//! [`read`]), decoding, parsing, and merging the days of a notes directory
//! by date. This is where paths appear; the parser below it is pure. A file
//! named by its date is a daily note, read as that day ([`name`]); which
//! files of a directory are read is in [`dir`].

mod dir;
mod error;
mod folder;
mod glimpse;
mod map;
mod name;
pub mod read;
mod resolve;

pub use glimpse::Pending;
pub use map::can_lease;

pub use dir::{entered_dirs, is_notes_file, is_skipped_dir, report as skipped_report};
pub use name::name_date;
pub use resolve::{Loaded, resolve};

use std::path::Path;
use std::time::{Duration, Instant};

pub use error::{LoadError, Result};

use crate::decode;
use crate::notes::{MAX_SOURCE_BYTES, Notebook, Source, SourceText, Warning};
use crate::parse;

/// The environment variable naming the default notes file or directory.
pub const ENV_FILE: &str = "DAYNOTES_FILE";

/// A notebook of one text (the sample, a test fixture) with `label` as its
/// source name.
pub fn from_text(label: &str, text: String) -> Notebook {
    let mut nb = Notebook::default();
    let wanted = parse::Wanted::sections(true);
    add_source(
        &mut nb,
        label.to_string(),
        text.into(),
        Vec::new(),
        wanted,
        None,
    );
    nb
}

/// How to read the notes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LoadOptions {
    /// Descend into the subdirectories of a notes directory (the default).
    pub recursive: bool,
    /// For the viewer: of a single file over [`GLIMPSE_OVER`] only the
    /// beginning is read and parsed (see [`Pending`]); the rest comes in
    /// [`Loaded::pending`].
    pub glimpse: bool,
    /// For the command line: a file of at least a megabyte is mapped into
    /// memory and read in place rather than copied (see [`map`]).
    pub map: bool,
    /// Section headings are found in topic bodies; without, every topic's
    /// sections are empty (for commands that show days and topics alone).
    pub sections: bool,
    /// The parser's findings are made; without, only a file without days
    /// is noted (for commands that show no findings).
    pub findings: bool,
    /// Each day's topics are made; without, a file's are only counted
    /// ([`crate::notes::Day::counted`]), for a command that shows their
    /// number alone (`list --depth 1`).
    pub topics: bool,
}

impl LoadOptions {
    /// What a parse makes, as these options say.
    pub fn wanted(self) -> parse::Wanted {
        parse::Wanted {
            sections: self.sections,
            findings: self.findings,
            topics: self.topics,
        }
    }
}

impl Default for LoadOptions {
    fn default() -> Self {
        LoadOptions {
            recursive: true,
            glimpse: false,
            map: false,
            sections: true,
            findings: true,
            topics: true,
        }
    }
}

/// Files larger than this are shown a glimpse first ([`LoadOptions::glimpse`]).
pub const GLIMPSE_OVER: usize = 8 << 20;

/// How much of a large file the glimpse parses.
pub const GLIMPSE_BYTES: usize = 1 << 20;

/// How long loading took, by phase, summed over the files read.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct LoadTimes {
    /// Reading the bytes.
    pub read: Duration,
    /// Checking or converting the encoding.
    pub decode: Duration,
    /// Parsing into days, topics and sections.
    pub parse: Duration,
}

/// Reads a notes file, or every `*.txt` and `*.md` file directly inside a
/// directory (by name), merging their days by date; days of one date keep
/// the order of their files.
pub fn load(path: &Path) -> Result<Notebook> {
    load_with(path, LoadOptions::default()).map(|(nb, _)| nb)
}

/// [`load`], descending into subdirectories when `options` asks, and
/// timing each phase.
pub fn load_with(path: &Path, options: LoadOptions) -> Result<(Notebook, LoadTimes)> {
    let mut times = LoadTimes::default();
    let meta = std::fs::metadata(path).map_err(|e| LoadError::path(path, io_reason(&e)))?;
    if !meta.is_dir() {
        let mut nb = Notebook::default();
        read_into(&mut nb, path, options, &mut times)?;
        return Ok((nb, times));
    }
    let mut nb = folder::read(path, options, &mut times)?;
    // Stable: days of one date keep the order of their files. Daily notes
    // named by their dates mostly come sorted already, and a sort of them
    // would only take room.
    let key = |d: &crate::notes::Day| (d.date.year.unwrap_or(i32::MIN), d.date.month, d.date.day);
    if !nb.days.is_sorted_by_key(key) {
        nb.days.sort_by_key(key);
    }
    Ok((nb, times))
}

fn skipped(path: &Path, why: impl Into<String>) -> crate::notes::Skipped {
    crate::notes::Skipped {
        path: path.display().to_string(),
        folder: false,
        warning: false,
        why: why.into(),
    }
}

/// Appends the sources, days and warnings of `more` to `nb`.
fn append(nb: &mut Notebook, more: Notebook) {
    let base = nb.sources.len();
    nb.sources.extend(more.sources);
    nb.days.extend(more.days.into_iter().map(|mut d| {
        d.source += base;
        d
    }));
    nb.warnings.extend(more.warnings.into_iter().map(|mut w| {
        w.source += base;
        w
    }));
    nb.skipped.extend(more.skipped);
}

/// Reads, decodes and parses one file into `nb`.
fn read_into(
    nb: &mut Notebook,
    path: &Path,
    options: LoadOptions,
    times: &mut LoadTimes,
) -> Result<()> {
    let file = read_file(path, options.map, times)?;
    let t = Instant::now();
    add_source(
        nb,
        file.path,
        file.text,
        file.warnings,
        options.wanted(),
        None,
    );
    times.parse += t.elapsed();
    Ok(())
}

/// A notes file read and decoded, not yet parsed. The viewer shows a
/// [glimpse](Unparsed::glimpse) of a large one at once and parses the whole
/// on a thread: reading and decoding (where the errors are) come first, so
/// a bad file is still an ordinary error.
#[derive(Debug)]
pub struct Unparsed {
    /// The file.
    pub path: String,
    /// Its text.
    pub text: SourceText,
    /// What decoding found.
    pub warnings: Vec<Warning>,
}

impl Unparsed {
    /// The whole file, parsed.
    pub fn parse(self) -> Notebook {
        self.parse_wanted(parse::Wanted::sections(true))
    }

    /// The whole file, parsed into what `wanted` says.
    pub fn parse_wanted(self, wanted: parse::Wanted) -> Notebook {
        let mut nb = Notebook::default();
        add_source(&mut nb, self.path, self.text, self.warnings, wanted, None);
        nb
    }

    /// [`Unparsed::parse_wanted`] for a search that found the lines
    /// starting at `holding` (increasing): only the topics that hold one
    /// are made ([`parse::parse_holding`]); a daily note is parsed whole.
    pub fn parse_holding(self, wanted: parse::Wanted, holding: &[u32]) -> Notebook {
        let mut nb = Notebook::default();
        add_source(
            &mut nb,
            self.path,
            self.text,
            self.warnings,
            wanted,
            Some(holding),
        );
        nb
    }

    /// The file's days, their topics read later for the days asked for
    /// ([`parse::Sketch`]), with what `wanted` says; `None` for a daily
    /// note (one day, named by its file), which is parsed whole.
    pub fn sketch(&self, wanted: parse::Wanted) -> Option<parse::Sketch> {
        let stem = Path::new(&self.path).file_stem().and_then(|s| s.to_str());
        match stem.and_then(name_date) {
            Some(_) => None,
            None => Some(parse::sketch_wanted(&self.text, wanted)),
        }
    }

    /// The file as a notebook, parsed as `parsed` says (a completed
    /// [`Unparsed::sketch`]).
    pub fn with_parsed(self, parsed: parse::Parsed) -> Notebook {
        let mut nb = Notebook::default();
        add_parsed(&mut nb, self.path, self.text, self.warnings, parsed);
        nb
    }
}

/// Why a file over [`MAX_SOURCE_BYTES`] is refused.
const TOO_LARGE: &str = "4 GiB or larger; daynotes reads files smaller than 4 GiB";

/// Reads and decodes one file: a regular file only, at most
/// [`MAX_SOURCE_BYTES`] of it, refused as binary from its first 8 KiB.
/// With `map`, a file of at least [`map::MAP_FROM`] bytes is mapped and,
/// when it is plain UTF-8, read in place.
pub fn read_file(path: &Path, map: bool, times: &mut LoadTimes) -> Result<Unparsed> {
    read_file_seeing(path, map, times, &|_, _| {})
}

/// [`read_file`], the text of a mapped file of plain UTF-8 shown to `see`
/// a quarter megabyte at a time as it is checked, while each is in the
/// cache ([`SourceText::shared_seeing`]); a file read or decoded otherwise
/// is not shown, nor all of a file whose check fails.
pub fn read_file_seeing(
    path: &Path,
    map: bool,
    times: &mut LoadTimes,
    see: &(dyn Fn(usize, &str) + Sync),
) -> Result<Unparsed> {
    let t0 = Instant::now();
    let too_large = || LoadError::path(path, TOO_LARGE);
    let failed = |e: read::ReadError| match e {
        read::ReadError::TooLarge => too_large(),
        e => LoadError::path(path, e),
    };
    let sniff = |head: &[u8]| decode::sniff(head).map_err(|e| e.to_string());
    let (file, meta) = read::open_regular_with_meta(path).map_err(failed)?;
    let size = meta.len();
    if size > MAX_SOURCE_BYTES as u64 {
        return Err(too_large());
    }
    let file = if map && size >= map::MAP_FROM {
        match map::map(file, path).map_err(|e| failed(read::ReadError::Io(e)))? {
            Ok(mapped) => {
                sniff(&mapped.as_ref()[..mapped.as_ref().len().min(read::HEAD)])
                    .map_err(|why| failed(read::ReadError::Refused(why)))?;
                let t1 = Instant::now();
                let decoded = decode::decode_shared_seeing(std::sync::Arc::new(mapped), see);
                return finish(path, decoded, times, t0, t1);
            }
            Err(file) => file,
        }
    } else {
        file
    };
    // Read into memory of our own: what is checked there stays as checked,
    // whatever happens to the file. A file changed while it was read is
    // told, not shown half old and half new.
    let before = Stamp::from(&meta);
    let bytes = if (1..=read::HEAD as u64).contains(&size) {
        read::read_small(&file, size as usize, sniff)
    } else {
        read::read_capped(&file, size, MAX_SOURCE_BYTES as u64, sniff)
    }
    .map_err(failed)?;
    if file.metadata().ok().map(|m| Stamp::from(&m)) != Some(before) {
        return Err(LoadError::Changed {
            path: path.to_path_buf(),
        });
    }
    let t1 = Instant::now();
    finish(path, decode::decode(bytes), times, t0, t1)
}

/// What tells that an open file changed: its size and the times of its
/// last change.
#[derive(Debug, PartialEq, Eq)]
struct Stamp(u64, Option<std::time::SystemTime>, i64, i64);

impl Stamp {
    fn from(m: &std::fs::Metadata) -> Stamp {
        #[cfg(unix)]
        let (ctime, nsec) = {
            use std::os::unix::fs::MetadataExt;
            (m.ctime(), m.ctime_nsec())
        };
        #[cfg(not(unix))]
        let (ctime, nsec) = (0, 0);
        Stamp(m.len(), m.modified().ok(), ctime, nsec)
    }
}

/// The decoded text of a file read (or mapped) from `t0`, decoded from
/// `t1`, as an [`Unparsed`].
fn finish(
    path: &Path,
    decoded: std::result::Result<decode::Decoded, decode::DecodeError>,
    times: &mut LoadTimes,
    t0: Instant,
    t1: Instant,
) -> Result<Unparsed> {
    let decoded = decoded.map_err(|e| LoadError::path(path, e))?;
    // Decoding GB18030 or UTF-16 can make the text longer than the file.
    if decoded.text.len() > MAX_SOURCE_BYTES {
        return Err(LoadError::path(path, TOO_LARGE));
    }
    times.read += t1 - t0;
    times.decode += t1.elapsed();
    Ok(Unparsed {
        path: path.display().to_string(),
        text: decoded.text,
        warnings: decoded.warnings,
    })
}

/// Parses `text` and appends it as a new source: as the day its file is
/// named by, when it is.
fn add_source(
    nb: &mut Notebook,
    path: String,
    text: SourceText,
    decode_warnings: Vec<Warning>,
    wanted: parse::Wanted,
    holding: Option<&[u32]>,
) {
    let stem = Path::new(&path).file_stem().and_then(|s| s.to_str());
    let parsed = match (stem.and_then(name_date), holding) {
        (Some((date, title)), _) => parse::parse_daily(&text, date, title, wanted),
        (None, Some(holding)) => parse::parse_holding(&text, wanted, holding),
        (None, None) => parse::parse_wanted(&text, wanted),
    };
    add_parsed(nb, path, text, decode_warnings, parsed);
}

/// Appends `text`, parsed as `parsed`, as a new source.
fn add_parsed(
    nb: &mut Notebook,
    path: String,
    text: SourceText,
    decode_warnings: Vec<Warning>,
    parsed: parse::Parsed,
) {
    let index = nb.sources.len();
    let stem = Path::new(&path).file_stem().and_then(|s| s.to_str());
    let mut warnings = decode_warnings;
    if let Some(why) = stem.and_then(name::impossible_name_date) {
        warnings.push(Warning {
            source: index,
            line: 0,
            message: impossible_name(&why),
        });
    }
    if warnings.is_empty() {
        warnings = parsed.warnings;
    } else {
        warnings.extend(parsed.warnings);
    }
    // Sorting would take a buffer half their size; they mostly come sorted.
    if !warnings.is_sorted_by_key(|w| w.line) {
        warnings.sort_by_key(|w| w.line);
    }
    for w in &mut warnings {
        w.source = index;
    }
    let mut days = parsed.days;
    for d in &mut days {
        d.source = index;
    }
    // The first file's days and warnings are moved in, not copied: on a file
    // of a million days a copy would double what they take.
    if nb.warnings.is_empty() {
        nb.warnings = warnings;
    } else {
        nb.warnings.append(&mut warnings);
    }
    if nb.days.is_empty() {
        nb.days = days;
    } else {
        nb.days.append(&mut days);
    }
    nb.sources.push(Source {
        path,
        text,
        leading: parsed.leading,
        dividers: parsed.dividers,
        newest_first: parsed.newest_first,
        unsure_dates: parsed.unsure_dates,
    });
}

/// The finding on a file named by a date that is none.
fn impossible_name(why: &str) -> String {
    format!("named by an impossible date ({why}): read as notes without a date")
}

/// A short reason for an IO error, without the OS error number.
pub fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file or directory".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        std::io::ErrorKind::IsADirectory => "is a directory".into(),
        _ => {
            // The system's words, in the lower case of the others.
            let s = e.to_string();
            let s = s.split(" (os error").next().unwrap_or(&s);
            let mut chars = s.chars();
            chars
                .next()
                .map(|c| c.to_lowercase().chain(chars).collect())
                .unwrap_or_default()
        }
    }
}
