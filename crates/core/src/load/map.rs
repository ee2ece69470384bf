//! Mapping a large notes file into memory instead of reading it, for the
//! command line: the pages the kernel holds are used in place, where a read
//! copies each of them into a fresh buffer first.
//!
//! Mapped bytes are read as text only while no other program can change
//! them. Before mapping, daynotes takes a read lease on the open file
//! (Linux's `F_SETLEASE`): from then on a program that opens the file to
//! write it (an editor saving in place, `truncate`) waits, and daynotes is
//! told at once. It then ends with one line — `PATH changed while it was
//! read; try again` — and status 2, before a single byte has changed, and
//! the writer goes on. Where no lease can be had (another program holds the
//! file open for writing, a file system without leases, a file of another
//! user, a system other than Linux) the file is not mapped: it is copied
//! into memory of daynotes's own and checked there ([`super::read_file`]).
//!
//! ```text
//! open ─► lease? ─yes─► map ─► check UTF-8 once ─► read in place
//!           │                 (a writer's open ─► SIGIO ─► one line, exit 2)
//!           └──no──► copy ─► check the copy (changed meanwhile? one line)
//! ```
//!
//! SIGBUS (a page gone from under the map) is caught too and ends the same
//! way, should a lease ever be broken without the signal.
#![allow(
    unsafe_code,
    reason = "mapping a file, a file lease, and signal handlers that write a message and exit"
)]

use std::fs::File;
use std::path::Path;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicBool, Ordering};

/// Files at least this large are mapped; smaller ones are read (mapping
/// and unmapping cost more than reading a little).
pub const MAP_FROM: u64 = 1 << 20;

/// The one line for a file changed while it was read, without the
/// `daynotes: error: ` in front.
pub fn changed_message(path: &Path) -> String {
    format!(
        "{} changed while it was read; try again",
        crate::sanitize::one_line(&path.display().to_string())
    )
}

/// A mapped notes file and the open file whose lease keeps it unchanged:
/// the lease lasts as long as the file is open, so the two go together.
#[derive(Debug)]
pub struct Leased {
    map: memmap2::Mmap,
    _file: File,
}

impl AsRef<[u8]> for Leased {
    fn as_ref(&self) -> &[u8] {
        &self.map
    }
}

/// Maps `file` (the open notes file at `path`) for reading when a read
/// lease keeps every other program from changing it meanwhile; gives the
/// file back when no lease can be had, and it must be read instead.
pub fn map(file: File, path: &Path) -> std::io::Result<Result<Leased, File>> {
    if !cfg!(target_os = "linux") {
        return Ok(Err(file));
    }
    guard(path);
    if !lease(&file) {
        return Ok(Err(file));
    }
    // SAFETY: the map is only read, and no other program can change the
    // file while it is mapped: a writer's open waits on the lease taken
    // above, held as long as `file` is open (it lives beside the map), and
    // the signal that tells of it ends this process (`on_signal`) before
    // the writer is let go. A file cut short anyway faults with SIGBUS,
    // which ends the process the same way.
    let map = unsafe { memmap2::MmapOptions::new().populate().map(&file) }?;
    Ok(Ok(Leased { map, _file: file }))
}

/// Takes a read lease on `file`: true when held.
#[cfg(target_os = "linux")]
fn lease(file: &File) -> bool {
    use std::os::fd::AsRawFd;
    // SAFETY: fcntl on a descriptor this `File` owns, with an integer
    // argument; it changes no memory of ours.
    unsafe { libc::fcntl(file.as_raw_fd(), libc::F_SETLEASE, libc::F_RDLCK) == 0 }
}

#[cfg(not(target_os = "linux"))]
fn lease(_: &File) -> bool {
    false
}

/// True when a read lease can be had on `file` (opened for reading only):
/// takes one and gives it back.
pub fn can_lease(file: &File) -> bool {
    #[cfg(target_os = "linux")]
    if lease(file) {
        use std::os::fd::AsRawFd;
        // SAFETY: as in `lease`.
        unsafe { libc::fcntl(file.as_raw_fd(), libc::F_SETLEASE, libc::F_UNLCK) };
        return true;
    }
    let _ = file;
    false
}

/// The message for a file changed while mapped: the first mapped file's,
/// or one for any when several are.
static MESSAGE: OnceLock<Box<[u8]>> = OnceLock::new();
static SEVERAL: AtomicBool = AtomicBool::new(false);
const ANY: &[u8] = b"daynotes: error: a notes file changed while it was read; try again\n";

/// Makes a lease broken (SIGIO) or a page gone (SIGBUS) end the process
/// with a one-line error naming `path`, status 2.
fn guard(path: &Path) {
    let message = format!("daynotes: error: {}\n", changed_message(path));
    if MESSAGE
        .set(message.into_bytes().into_boxed_slice())
        .is_err()
    {
        SEVERAL.store(true, Ordering::Relaxed);
        return;
    }
    #[cfg(unix)]
    // SAFETY: `on_signal` only reads statics already set and calls
    // async-signal-safe functions (write, _exit); the action struct is
    // zeroed, then filled in, as sigaction expects.
    unsafe {
        let mut action: libc::sigaction = std::mem::zeroed();
        action.sa_sigaction = on_signal as extern "C" fn(libc::c_int) as libc::sighandler_t;
        libc::sigemptyset(&mut action.sa_mask);
        libc::sigaction(libc::SIGBUS, &action, std::ptr::null_mut());
        libc::sigaction(libc::SIGIO, &action, std::ptr::null_mut());
    }
}

#[cfg(unix)]
extern "C" fn on_signal(_: libc::c_int) {
    let message: &[u8] = match (SEVERAL.load(Ordering::Relaxed), MESSAGE.get()) {
        (false, Some(m)) => m,
        _ => ANY,
    };
    // SAFETY: write and _exit are async-signal-safe; the buffer lives in a
    // static. Returning would let the writer change the mapped text (or run
    // the faulting load again), so this exits.
    unsafe {
        libc::write(2, message.as_ptr().cast(), message.len());
        libc::_exit(2);
    }
}
