//! Reading a whole file, safely, whatever the path names.
//!
//! - Only a regular file is read. A FIFO would block the reader for ever
//!   and a device (`/dev/zero`) may never end, so both are refused, as is
//!   a directory. The file is opened without blocking (`O_NONBLOCK`, which
//!   a regular file ignores) and its type is checked on the open file, so a
//!   FIFO swapped in between a check and the open cannot block either.
//! - The first [`HEAD`] bytes are shown to a check before the rest is read,
//!   so a binary file is refused from its beginning.
//! - Never more than a limit is read, whatever size the file reports (a
//!   file may grow while it is read, and some report no size at all).

use std::fs::File;
use std::io::{self, Read};
use std::path::Path;

/// How many leading bytes are checked before the rest is read.
pub const HEAD: usize = 8 * 1024;

/// Why a file was not read.
#[derive(Debug)]
pub enum ReadError {
    /// Opening or reading failed.
    Io(io::Error),
    /// A directory.
    Directory,
    /// Something other than a regular file: `a FIFO`, `a character device`…
    NotRegular(&'static str),
    /// More bytes than the limit.
    TooLarge,
    /// The check of the first bytes refused them, saying why.
    Refused(String),
}

impl std::fmt::Display for ReadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ReadError::Io(e) => f.write_str(&super::io_reason(e)),
            ReadError::Directory => f.write_str("is a directory"),
            ReadError::NotRegular(kind) => write!(f, "not a regular file ({kind})"),
            ReadError::TooLarge => f.write_str("too large"),
            ReadError::Refused(why) => f.write_str(why),
        }
    }
}

impl std::error::Error for ReadError {}

/// Opens `path` for reading if it is a regular file, without blocking.
pub fn open_regular(path: &Path) -> Result<File, ReadError> {
    open_regular_with_meta(path).map(|(file, _)| file)
}

/// [`open_regular`], with what the open file says of itself.
pub fn open_regular_with_meta(path: &Path) -> Result<(File, std::fs::Metadata), ReadError> {
    let file = open_nonblocking(path).map_err(ReadError::Io)?;
    let meta = file.metadata().map_err(ReadError::Io)?;
    let kind = meta.file_type();
    if kind.is_file() {
        Ok((file, meta))
    } else if kind.is_dir() {
        Err(ReadError::Directory)
    } else {
        Err(ReadError::NotRegular(kind_name(kind)))
    }
}

/// The bytes of a small file whose size is `size` (at most [`HEAD`]), the
/// whole shown to `check_head`: read in one call where [`read_capped`]
/// takes three (a folder of ten thousand daily notes is mostly system
/// calls). A file that grows meanwhile is read to `size` only: the caller
/// checks afterwards that it did not change.
pub fn read_small(
    mut r: impl Read,
    size: usize,
    check_head: impl FnOnce(&[u8]) -> Result<(), String>,
) -> Result<Vec<u8>, ReadError> {
    debug_assert!(size <= HEAD);
    let mut bytes = vec![0; size];
    let mut got = 0;
    while got < size {
        match r.read(&mut bytes[got..]) {
            Ok(0) => break,
            Ok(n) => got += n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(ReadError::Io(e)),
        }
    }
    bytes.truncate(got);
    check_head(&bytes).map_err(ReadError::Refused)?;
    Ok(bytes)
}

#[cfg(unix)]
fn open_nonblocking(path: &Path) -> io::Result<File> {
    use std::os::unix::fs::OpenOptionsExt;
    std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK)
        .open(path)
}

#[cfg(not(unix))]
fn open_nonblocking(path: &Path) -> io::Result<File> {
    File::open(path)
}

/// What a file that is not regular is, in words.
pub fn kind_name(kind: std::fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_fifo() {
            return "a FIFO";
        }
        if kind.is_char_device() {
            return "a character device";
        }
        if kind.is_block_device() {
            return "a block device";
        }
        if kind.is_socket() {
            return "a socket";
        }
    }
    let _ = kind;
    "not a file"
}

/// The bytes of the regular file at `path`: at most `limit` of them (more
/// is [`ReadError::TooLarge`]), the first [`HEAD`] shown to `check_head`
/// before the rest is read.
pub fn read_regular(
    path: &Path,
    limit: u64,
    check_head: impl FnOnce(&[u8]) -> Result<(), String>,
) -> Result<Vec<u8>, ReadError> {
    let file = open_regular(path)?;
    let reported = file.metadata().map_or(0, |m| m.len());
    if reported > limit {
        return Err(ReadError::TooLarge);
    }
    read_capped(file, reported, limit, check_head)
}

/// Reads `r` to its end: at most `limit` bytes, the first [`HEAD`] shown to
/// `check_head` first; `expected` (the size the file reports) only sizes
/// the buffer.
pub fn read_capped(
    r: impl Read,
    expected: u64,
    limit: u64,
    check_head: impl FnOnce(&[u8]) -> Result<(), String>,
) -> Result<Vec<u8>, ReadError> {
    // One byte past the limit tells a file of exactly `limit` bytes from a
    // longer one.
    let mut r = r.take(limit.saturating_add(1));
    // Room for the size reported and a byte to see the end: a folder of
    // many small notes keeps each in a buffer of its own size, not of
    // the head's (8 KiB each for 20,000 notes of a line was 160 MB).
    let room = usize::try_from(expected.min(limit)).unwrap_or(0);
    let mut bytes = Vec::with_capacity(room.saturating_add(1));
    (&mut r)
        .take(HEAD as u64)
        .read_to_end(&mut bytes)
        .map_err(ReadError::Io)?;
    check_head(&bytes).map_err(ReadError::Refused)?;
    r.read_to_end(&mut bytes).map_err(ReadError::Io)?;
    if bytes.len() as u64 > limit {
        return Err(ReadError::TooLarge);
    }
    // A file that reported less than it held (or nothing) grew the buffer
    // by doubling: give back what is not used.
    if bytes.capacity() > bytes.len() + bytes.len() / 8 + 64 {
        bytes.shrink_to_fit();
    }
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn no_check(_: &[u8]) -> Result<(), String> {
        Ok(())
    }

    #[test]
    fn an_endless_source_is_read_only_to_the_limit() {
        // `io::repeat` never ends, as /dev/zero would not.
        let got = read_capped(io::repeat(b'a'), 0, 1000, no_check);
        assert!(matches!(got, Err(ReadError::TooLarge)), "{got:?}");
        let exact = read_capped(&[b'a'; 1000][..], 0, 1000, no_check).unwrap();
        assert_eq!(exact.len(), 1000);
    }

    #[test]
    fn the_head_is_checked_before_the_rest_is_read() {
        // An endless source of NULs is refused from its first 8 KiB.
        let got = read_capped(io::repeat(0), 0, u64::MAX, |head| {
            assert_eq!(head.len(), HEAD);
            Err("binary".into())
        });
        assert!(matches!(got, Err(ReadError::Refused(ref w)) if w == "binary"));
        // A short file's head is all of it.
        let short = read_capped(&b"8.22:"[..], 5, 100, |head| {
            assert_eq!(head, b"8.22:");
            Ok(())
        });
        assert_eq!(short.unwrap(), b"8.22:");
    }

    #[test]
    #[cfg(unix)]
    fn only_regular_files_are_opened() {
        let dir = tempfile::tempdir().unwrap();
        let err = open_regular(dir.path()).unwrap_err();
        assert_eq!(err.to_string(), "is a directory");
        let err = open_regular(Path::new("/dev/null")).unwrap_err();
        assert_eq!(err.to_string(), "not a regular file (a character device)");
        let file = dir.path().join("notes.txt");
        std::fs::write(&file, "8.22:\n").unwrap();
        let bytes = read_regular(&file, 100, no_check).unwrap();
        assert_eq!(bytes, b"8.22:\n");
        let err = read_regular(&file, 3, no_check).unwrap_err();
        assert!(matches!(err, ReadError::TooLarge));
    }
}
