//! What the viewer shows of a large file before the whole is read: its
//! beginning, read and parsed alone ([`read_head`], [`Unparsed::glimpse`]),
//! and the rest to read and parse on a thread ([`Pending`]).

use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::{Result, anyhow};

use super::{GLIMPSE_BYTES, LoadTimes, TOO_LARGE, Unparsed, add_source, read, read_file};
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
}

impl Pending {
    /// The whole file, read and decoded if it was not yet, and parsed.
    pub fn load(self) -> Result<Notebook> {
        match self {
            Pending::Read(path) => Ok(read_file(&path, false, &mut LoadTimes::default())?.parse()),
            Pending::Decoded(file) => Ok(file.parse()),
        }
    }
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
            true,
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
    let failed = |e: read::ReadError| anyhow!("{}: {e}", path.display());
    let file = read::open_regular(path).map_err(failed)?;
    if file.metadata().map_or(0, |m| m.len()) > MAX_SOURCE_BYTES as u64 {
        return Err(anyhow!("{}: {TOO_LARGE}", path.display()));
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
