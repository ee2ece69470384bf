//! What the viewer shows of large notes before the whole is read, and the
//! whole to read and parse on a thread ([`Pending`]):
//!
//! - of a large file, its beginning, read and parsed alone ([`read_head`],
//!   [`Unparsed::glimpse`]);
//! - of a large folder, its days as the names of its daily notes say them,
//!   with the first and the last of them read ([`folder_glimpse`]): the
//!   outline is drawn from the directory listing, and ten thousand files
//!   are read behind it.

use std::path::{Path, PathBuf};
use std::time::Instant;

use super::{
    GLIMPSE_BYTES, LoadError, LoadOptions, LoadTimes, Result, TOO_LARGE, Unparsed, add_source,
    read, read_file,
};
use crate::decode;
use crate::notes::{MAX_SOURCE_BYTES, Notebook};

/// How much of a large file is read for the glimpse: enough that the line
/// running on past [`GLIMPSE_BYTES`] mostly ends within it.
const HEAD_BYTES: u64 = 2 * GLIMPSE_BYTES as u64;

/// The whole of a large file whose beginning the viewer shows first.
#[derive(Debug)]
pub enum Pending {
    /// Plain UTF-8 at its beginning: only that was read. The whole is read
    /// and decoded as any file is (so a NUL byte further on is still
    /// refused, and other bytes decoded, with the usual messages).
    Read(PathBuf),
    /// Read and decoded already (its beginning was not plain UTF-8).
    Decoded(Unparsed),
    /// A folder, to read as [`super::load_with`] does.
    Folder(PathBuf, LoadOptions),
}

impl Pending {
    /// What the viewer says while the whole is read.
    pub fn describe(&self) -> String {
        match self {
            Pending::Folder(..) => {
                "reading the folder: its days shown from their names while the files are read"
                    .into()
            }
            _ => format!(
                "reading: the first {} MB shown while the rest is parsed",
                GLIMPSE_BYTES >> 20
            ),
        }
    }

    /// The whole file, read and decoded if it was not yet, and parsed.
    pub fn load(self) -> Result<Notebook> {
        match self {
            Pending::Read(path) => Ok(read_file(&path, false, &mut LoadTimes::default())?.parse()),
            Pending::Decoded(file) => Ok(file.parse()),
            Pending::Folder(path, options) => Ok(super::load_with(&path, options)?.0),
        }
    }
}

/// A folder of more notes files than this is shown from its listing first.
pub const GLIMPSE_FILES: usize = 256;

/// What the viewer shows of a folder of more than [`GLIMPSE_FILES`] notes
/// files before they are read: a day for each file named by its date, in
/// date order, titled as its name says, the first and the last of them
/// read whole (where the viewer may open); `None` for a smaller folder, or
/// one with no daily notes, which is read whole at once. Every notes file
/// is a source already (its review state is opened with it); the days of
/// files not named by a date come when the whole is read.
pub(super) fn folder_glimpse(
    dir: &Path,
    options: LoadOptions,
    times: &mut LoadTimes,
) -> Result<Option<Notebook>> {
    let t0 = Instant::now();
    let listing = super::dir::files(dir, options.recursive)?;
    if listing.notes.len() <= GLIMPSE_FILES {
        return Ok(None);
    }
    let dates: Vec<Option<crate::dates::HeadingDate>> = listing
        .notes
        .iter()
        .map(|p| Some(super::name_date(p.file_stem()?.to_str()?)?.0))
        .collect();
    let key = |d: &crate::dates::HeadingDate| (d.year, d.month, d.day);
    let first = (0..dates.len())
        .filter(|&i| dates[i].is_some())
        .min_by_key(|&i| dates[i].as_ref().map(key));
    let last = (0..dates.len())
        .filter(|&i| dates[i].is_some())
        .max_by_key(|&i| dates[i].as_ref().map(key));
    let Some((first, last)) = first.zip(last) else {
        return Ok(None);
    };
    times.read += t0.elapsed();
    let t1 = Instant::now();
    let mut nb = Notebook::default();
    nb.sources.reserve_exact(listing.notes.len());
    nb.days.reserve_exact(listing.notes.len());
    for (n, path) in listing.notes.iter().enumerate() {
        let read = if n == first || n == last {
            read_file(path, false, times).ok()
        } else {
            None
        };
        let file = read.unwrap_or_else(|| Unparsed {
            path: path.display().to_string(),
            text: String::new().into(),
            warnings: Vec::new(),
        });
        add_source(
            &mut nb,
            file.path,
            file.text,
            file.warnings,
            options.wanted(),
            None,
        );
    }
    let by_date =
        |d: &crate::notes::Day| (d.date.year.unwrap_or(i32::MIN), d.date.month, d.date.day);
    if !nb.days.is_sorted_by_key(by_date) {
        nb.days.sort_by_key(by_date);
    }
    times.parse += t1.elapsed();
    Ok(Some(nb))
}

impl Unparsed {
    /// Its first `bytes` or so (up to the end of a line), parsed: what the
    /// viewer shows while the rest is parsed. A line that goes on for
    /// another `bytes` is cut inside, at a character: a file of one huge
    /// line still shows its beginning at once.
    pub fn glimpse(&self, bytes: usize) -> Notebook {
        let text = self.text.as_bytes();
        let cut = if bytes >= text.len() {
            text.len()
        } else {
            let near = &text[bytes..text.len().min(bytes.saturating_mul(2))];
            match memchr::memchr(b'\n', near) {
                Some(i) => bytes + i + 1,
                None if bytes + near.len() == text.len() => text.len(),
                None => (0..=bytes)
                    .rev()
                    .find(|&i| self.text.is_char_boundary(i))
                    .unwrap_or(0),
            }
        };
        let mut nb = Notebook::default();
        add_source(
            &mut nb,
            self.path.clone(),
            self.text[..cut].into(),
            Vec::new(),
            crate::parse::Wanted::sections(true),
            None,
        );
        nb
    }
}

/// The beginning of a large file ([`HEAD_BYTES`]) as text, for the viewer
/// to show before the rest is read: `None` when it is not plain UTF-8 (a
/// BOM of UTF-16, a NUL byte, bytes that are not UTF-8), which the whole
/// file is then read and decoded for, as any file is. Errors are
/// [`read_file`]'s: not a regular file, too large, binary from its first 8
/// KiB.
pub(super) fn read_head(path: &Path, times: &mut LoadTimes) -> Result<Option<Unparsed>> {
    use std::io::Read;
    let t0 = Instant::now();
    let failed = |e: read::ReadError| LoadError::path(path, e);
    let file = read::open_regular(path).map_err(failed)?;
    if file.metadata().map_or(0, |m| m.len()) > MAX_SOURCE_BYTES as u64 {
        return Err(LoadError::path(path, TOO_LARGE));
    }
    let mut head = Vec::new();
    file.take(HEAD_BYTES)
        .read_to_end(&mut head)
        .map_err(|e| failed(read::ReadError::Io(e)))?;
    decode::sniff(&head[..head.len().min(read::HEAD)])
        .map_err(|e| failed(read::ReadError::Refused(e.to_string())))?;
    let t1 = Instant::now();
    times.read += t1 - t0;
    let bom = match encoding_rs::Encoding::for_bom(&head) {
        None => 0,
        Some((enc, len)) if enc == encoding_rs::UTF_8 => len,
        Some(_) => return Ok(None),
    };
    let bytes = &head[bom..];
    if memchr::memchr(0, bytes).is_some() {
        return Ok(None);
    }
    // Whole characters only: a read may end inside one.
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) if e.error_len().is_none() => {
            std::str::from_utf8(&bytes[..e.valid_up_to()]).unwrap_or_default()
        }
        Err(_) => return Ok(None),
    };
    let head = Unparsed {
        path: path.display().to_string(),
        text: text.into(),
        warnings: Vec::new(),
    };
    times.decode += t1.elapsed();
    Ok(Some(head))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_large_folder_is_first_seen_through_its_names() {
        let dir = tempfile::tempdir().unwrap();
        for n in 0..=GLIMPSE_FILES as i64 {
            let (y, m, d) = crate::dates::civil_from_days(19_000 + n);
            std::fs::write(
                dir.path().join(format!("{y:04}-{m:02}-{d:02}.md")),
                format!("- topic {n}\n"),
            )
            .unwrap();
        }
        std::fs::write(dir.path().join("journal.md"), "## 2030-01-02\n- entry\n").unwrap();
        let mut times = LoadTimes::default();
        let options = LoadOptions::default();
        let nb = folder_glimpse(dir.path(), options, &mut times)
            .unwrap()
            .expect("a glimpse");
        // Every file is a source; a day for each named one, in date order;
        // the first and the last read whole, the others not yet.
        assert_eq!(nb.sources.len(), GLIMPSE_FILES + 2);
        assert_eq!(nb.days.len(), GLIMPSE_FILES + 1);
        assert!(
            nb.days
                .is_sorted_by_key(|d| (d.date.year, d.date.month, d.date.day))
        );
        let topics: Vec<usize> = nb.days.iter().map(|d| d.topics.len()).collect();
        assert_eq!(topics[0], 1);
        assert_eq!(topics[GLIMPSE_FILES], 1);
        assert!(topics[1..GLIMPSE_FILES].iter().all(|&t| t == 0));
        // The whole, read behind: the journal's day too, every topic.
        let whole = Pending::Folder(dir.path().to_path_buf(), options)
            .load()
            .unwrap();
        assert_eq!(whole.days.len(), GLIMPSE_FILES + 2);
        assert!(whole.days.iter().all(|d| d.topics.len() == 1));
        // A small folder is read whole at once.
        std::fs::remove_file(dir.path().join("journal.md")).unwrap();
        for e in std::fs::read_dir(dir.path()).unwrap().take(2) {
            std::fs::remove_file(e.unwrap().path()).unwrap();
        }
        assert!(
            folder_glimpse(dir.path(), options, &mut times)
                .unwrap()
                .is_none()
        );
    }
}
