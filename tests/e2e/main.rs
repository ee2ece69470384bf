//! End-to-end tests: the real `daynotes` binary in a pseudo-terminal.
//!
//! Each test starts the program in a terminal of a given size, types keys,
//! reads the screen through a `vt100` emulator, and checks what a user would:
//! what is shown, that the program ends when asked, and that the terminal is
//! left as it was found.

#[path = "../cli/common.rs"]
mod common;
mod daily;
mod dates;
mod dialects;
mod harness;
mod hostile;
// CPU time and wake-ups read from /proc.
#[cfg(target_os = "linux")]
mod idle;
mod large;
mod newcomer;
mod notebook;
mod output;
mod review;
mod search;
mod session;
mod study;
// Sent with kill(1), and a stop seen in /proc.
#[cfg(target_os = "linux")]
mod signals;
mod stalls;
