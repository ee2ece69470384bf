//! Mapping a large notes file into memory instead of reading it, for the
//! command line: the pages the kernel holds are used in place, where a read
//! copies each of them into a fresh buffer first.
//!
//! A mapped file that another program cuts short while it is read (an
//! editor writing it in place) makes the next look at a page past its new
//! end fault: the process gets SIGBUS. [`guard`] turns that into the usual
//! one-line error, naming the file, and status 2. The viewer never maps (it
//! reads the file, and reads it again when it changes), so it runs on
//! whatever happens to the file meanwhile.
#![allow(
    unsafe_code,
    reason = "mapping a file, and a SIGBUS handler that writes a message and exits"
)]

use std::fs::File;
use std::path::Path;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicBool, Ordering};

/// Files at least this large are mapped; smaller ones are read (mapping
/// and unmapping cost more than reading a little).
pub const MAP_FROM: u64 = 1 << 20;

/// Maps `file` (the open notes file at `path`) for reading, with the guard
/// in place.
pub fn map(file: &File, path: &Path) -> std::io::Result<memmap2::Mmap> {
    guard(path);
    // SAFETY: the map is only read. Another program may change the file
    // meanwhile: cut short, the pages past its end fault and `guard` ends
    // the program with a message; changed in place, the text read is the
    // text as it now is (which the UTF-8 check may not have seen: daynotes
    // reads notes, not files being rewritten, and says so in its README).
    unsafe { memmap2::MmapOptions::new().populate().map(file) }
}

/// The message for a file cut short while mapped: the first mapped file's,
/// or one for any when several are.
static MESSAGE: OnceLock<Box<[u8]>> = OnceLock::new();
static SEVERAL: AtomicBool = AtomicBool::new(false);
const ANY: &[u8] = b"daynotes: error: a notes file was cut short while it was read\n";

/// Makes SIGBUS (a mapped file cut short by another program) end the
/// process with a one-line error naming `path`, status 2.
fn guard(path: &Path) {
    let message = format!(
        "daynotes: error: {}: cut short while it was read (changed by another program)\n",
        crate::sanitize::one_line(&path.display().to_string())
    );
    if MESSAGE
        .set(message.into_bytes().into_boxed_slice())
        .is_err()
    {
        SEVERAL.store(true, Ordering::Relaxed);
        return;
    }
    #[cfg(unix)]
    // SAFETY: `on_bus` only reads statics already set and calls
    // async-signal-safe functions (write, _exit); the action struct is
    // zeroed, then filled in, as sigaction expects.
    unsafe {
        let mut action: libc::sigaction = std::mem::zeroed();
        action.sa_sigaction = on_bus as extern "C" fn(libc::c_int) as libc::sighandler_t;
        libc::sigemptyset(&mut action.sa_mask);
        libc::sigaction(libc::SIGBUS, &action, std::ptr::null_mut());
    }
}

#[cfg(unix)]
extern "C" fn on_bus(_: libc::c_int) {
    let message: &[u8] = match (SEVERAL.load(Ordering::Relaxed), MESSAGE.get()) {
        (false, Some(m)) => m,
        _ => ANY,
    };
    // SAFETY: write and _exit are async-signal-safe; the buffer lives in a
    // static. Returning would run the faulting load again, so this exits.
    unsafe {
        libc::write(2, message.as_ptr().cast(), message.len());
        libc::_exit(2);
    }
}
