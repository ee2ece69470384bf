//! A pseudo-terminal driving the real `daynotes` binary, as a user's terminal
//! would: keys in, bytes out, the bytes fed to a `vt100` screen.
//!
//! Waits poll the screen until a condition holds or [`TIMEOUT`] passes; they
//! are waits, not timing assertions, so the timeout is generous.
//!
//! Like a terminal that knows synchronized updates (mode 2026), the screen
//! takes the bytes of a frame only once the frame is complete, so a wait
//! never sees half of one frame over the last.

use std::io::{Read, Write};
use std::sync::{Arc, Mutex};
use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant};

use portable_pty::{Child, ExitStatus, MasterPty, PtySize, native_pty_system};

use crate::common::{BIN, Home};

/// How long a wait may take before the test fails.
pub const TIMEOUT: Duration = Duration::from_secs(30);

/// How often a wait looks at the screen again.
const POLL: Duration = Duration::from_millis(20);

/// The terminal's side of one session: screen, raw output and the child.
pub struct Term {
    parser: Arc<Mutex<vt100::Parser>>,
    raw: Arc<Mutex<Vec<u8>>>,
    reader: Option<JoinHandle<()>>,
    writer: Option<Box<dyn Write + Send>>,
    master: Box<dyn MasterPty + Send>,
    child: Box<dyn Child + Send + Sync>,
    status: Option<ExitStatus>,
    /// The program's own home (empty at first), removed after the last
    /// program that ran in it.
    home: Arc<Home>,
}

impl Term {
    /// Starts `daynotes ARGS` in a `cols`×`rows` terminal, in the crate's
    /// directory, with `TERM=xterm-256color` and a [`Home`] of its own.
    pub fn start(args: &[&str], cols: u16, rows: u16) -> Term {
        Term::start_program(BIN, args, cols, rows)
    }

    /// [`Term::start`] with more environment variables.
    pub fn start_env(args: &[&str], env: &[(&str, &str)], cols: u16, rows: u16) -> Term {
        Term::launch(BIN, args, env, cols, rows)
    }

    /// Starts any program in the pseudo-terminal (used to check the harness
    /// itself).
    pub fn start_program(program: &str, args: &[&str], cols: u16, rows: u16) -> Term {
        Term::launch(program, args, &[], cols, rows)
    }

    /// [`Term::start`] in `home`, the home of a program that ran before:
    /// what it kept (its state) is there.
    pub fn start_in(home: Arc<Home>, args: &[&str], cols: u16, rows: u16) -> Term {
        Term::launch_in(home, BIN, args, &[], cols, rows)
    }

    /// The home the program runs in, to start another in it.
    pub fn home(&self) -> Arc<Home> {
        Arc::clone(&self.home)
    }

    fn launch(program: &str, args: &[&str], env: &[(&str, &str)], cols: u16, rows: u16) -> Term {
        Term::launch_in(Arc::new(Home::new()), program, args, env, cols, rows)
    }

    fn launch_in(
        home: Arc<Home>,
        program: &str,
        args: &[&str],
        env: &[(&str, &str)],
        cols: u16,
        rows: u16,
    ) -> Term {
        let pair = native_pty_system()
            .openpty(size(cols, rows))
            .expect("open a pseudo-terminal");
        let mut cmd = home.pty_command(program);
        cmd.args(args);
        cmd.cwd(env!("CARGO_MANIFEST_DIR"));
        cmd.env("TERM", "xterm-256color");
        cmd.env("LANG", "C.UTF-8");
        for (k, v) in env {
            cmd.env(k, v);
        }
        let child = pair.slave.spawn_command(cmd).expect("start the program");
        // Only the child holds the terminal's slave side: when it exits the
        // reader sees the end.
        drop(pair.slave);

        let parser = Arc::new(Mutex::new(vt100::Parser::new(rows, cols, 0)));
        let raw = Arc::new(Mutex::new(Vec::new()));
        let mut source = pair.master.try_clone_reader().expect("pty reader");
        let reader = {
            let (parser, raw) = (Arc::clone(&parser), Arc::clone(&raw));
            thread::spawn(move || {
                let mut buf = [0u8; 8192];
                let mut frames = Frames::default();
                while let Ok(n @ 1..) = source.read(&mut buf) {
                    raw.lock().unwrap().extend_from_slice(&buf[..n]);
                    let ready = frames.push(&buf[..n]);
                    parser.lock().unwrap().process(&ready);
                }
                // The program is gone: whatever it left unfinished is shown.
                parser.lock().unwrap().process(&frames.pending);
            })
        };
        let writer = pair.master.take_writer().expect("pty writer");
        Term {
            parser,
            raw,
            reader: Some(reader),
            writer: Some(writer),
            master: pair.master,
            child,
            status: None,
            home,
        }
    }

    /// Goes to the first day (`g` in the outline), which the status bar
    /// then names as `day`: the viewer opens on today's or the newest day,
    /// and a test that walks the notes from their start says so.
    #[track_caller]
    pub fn go_to_first_day(&mut self, day: &str) -> String {
        self.send("g");
        let want = format!(" {day}");
        self.wait_until("the first day", |s| status(s).starts_with(&want))
    }

    /// Types `keys` (raw bytes: `"\x1b"` is Esc, `"\x1a"` is Ctrl-Z).
    pub fn send(&mut self, keys: &str) {
        let w = self.writer.as_mut().expect("terminal still open");
        w.write_all(keys.as_bytes()).expect("write keys");
        w.flush().expect("flush keys");
    }

    /// The visible screen, one line per row, trailing blanks trimmed.
    pub fn screen(&self) -> String {
        let parser = self.parser.lock().unwrap();
        let screen = parser.screen();
        let (_, cols) = screen.size();
        let rows: Vec<String> = screen
            .rows(0, cols)
            .map(|r| r.trim_end().to_string())
            .collect();
        rows.join("\n")
    }

    /// Runs `f` on the emulated screen.
    pub fn with_screen<R>(&self, f: impl FnOnce(&vt100::Screen) -> R) -> R {
        f(self.parser.lock().unwrap().screen())
    }

    /// Every byte the program wrote so far.
    pub fn raw(&self) -> Vec<u8> {
        self.raw.lock().unwrap().clone()
    }

    /// Waits until the screen shows `text`; returns the screen.
    #[track_caller]
    pub fn wait_for(&self, text: &str) -> String {
        self.wait_until(&format!("the screen to show {text:?}"), |s| {
            s.contains(text)
        })
    }

    /// Waits until the screen no longer shows `text`; returns the screen.
    #[track_caller]
    pub fn wait_gone(&self, text: &str) -> String {
        self.wait_until(&format!("{text:?} to leave the screen"), |s| {
            !s.contains(text)
        })
    }

    /// Waits until `ok(screen text)` holds; panics with the screen when
    /// [`TIMEOUT`] passes first.
    #[track_caller]
    pub fn wait_until(&self, what: &str, ok: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if ok(&screen) {
                return screen;
            }
            if start.elapsed() > TIMEOUT {
                panic!("timed out waiting for {what}; the screen:\n{screen}");
            }
            thread::sleep(POLL);
        }
    }

    /// Waits until `ok` holds for the emulated screen's state.
    #[track_caller]
    pub fn wait_state(&self, what: &str, ok: impl Fn(&vt100::Screen) -> bool) {
        let start = Instant::now();
        while !self.with_screen(&ok) {
            if start.elapsed() > TIMEOUT {
                panic!(
                    "timed out waiting for {what}; the screen:\n{}",
                    self.screen()
                );
            }
            thread::sleep(POLL);
        }
    }

    /// Resizes the terminal (the program gets SIGWINCH).
    pub fn resize(&mut self, cols: u16, rows: u16) {
        self.parser
            .lock()
            .unwrap()
            .screen_mut()
            .set_size(rows, cols);
        self.master.resize(size(cols, rows)).expect("resize");
    }

    /// The child's process id (for the signals and /proc).
    #[cfg(target_os = "linux")]
    pub fn pid(&self) -> u32 {
        self.child.process_id().expect("child pid")
    }

    /// Sends a signal (`"TERM"`, `"CONT"`, …) to the child.
    #[cfg(target_os = "linux")]
    pub fn signal(&self, name: &str) {
        let ok = std::process::Command::new("kill")
            .arg(format!("-{name}"))
            .arg(self.pid().to_string())
            .status()
            .expect("run kill")
            .success();
        assert!(ok, "kill -{name} failed");
    }

    /// The child's state letter from `/proc` (`T` when stopped), if it runs.
    #[cfg(target_os = "linux")]
    pub fn proc_state(&self) -> Option<char> {
        let stat = std::fs::read_to_string(format!("/proc/{}/stat", self.pid())).ok()?;
        // The command name is in parentheses and may hold spaces.
        stat.rsplit_once(") ")?.1.chars().next()
    }

    /// Waits for the child to exit, then for the last of its output; returns
    /// the exit status.
    #[track_caller]
    pub fn wait_exit(&mut self) -> ExitStatus {
        let start = Instant::now();
        let status = loop {
            if let Some(s) = self.child.try_wait().expect("try_wait") {
                break s;
            }
            if start.elapsed() > TIMEOUT {
                let _ = self.child.kill();
                panic!("the program did not exit; the screen:\n{}", self.screen());
            }
            thread::sleep(POLL);
        };
        if let Some(reader) = self.reader.take() {
            reader.join().expect("reader thread");
        }
        self.status = Some(status.clone());
        status
    }
}

impl Drop for Term {
    fn drop(&mut self) {
        if self.status.is_none() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

fn size(cols: u16, rows: u16) -> PtySize {
    PtySize {
        rows,
        cols,
        pixel_width: 0,
        pixel_height: 0,
    }
}

/// The last row of a screen: the status bar.
pub fn status(screen: &str) -> &str {
    screen.lines().last().unwrap_or("")
}

const SYNC_BEGIN: &[u8] = b"\x1b[?2026h";
const SYNC_END: &[u8] = b"\x1b[?2026l";

/// Holds back the bytes of a synchronized update until its end arrives.
#[derive(Default)]
struct Frames {
    pending: Vec<u8>,
    in_update: bool,
}

impl Frames {
    /// Takes `bytes` as read; returns those the screen may show now.
    fn push(&mut self, bytes: &[u8]) -> Vec<u8> {
        self.pending.extend_from_slice(bytes);
        let mut ready = Vec::new();
        loop {
            let marker = if self.in_update { SYNC_END } else { SYNC_BEGIN };
            match find(&self.pending, marker) {
                Some(at) => {
                    let end = at + marker.len();
                    if self.in_update {
                        ready.extend(self.pending.drain(..end));
                    } else {
                        ready.extend(self.pending.drain(..at));
                        self.pending.drain(..marker.len());
                    }
                    self.in_update = !self.in_update;
                }
                None if self.in_update => return ready,
                None => {
                    // Keep a tail that may be the start of the next begin.
                    let keep = (1..marker.len())
                        .rev()
                        .find(|&k| self.pending.ends_with(&marker[..k]))
                        .unwrap_or(0);
                    let upto = self.pending.len() - keep;
                    ready.extend(self.pending.drain(..upto));
                    return ready;
                }
            }
        }
    }
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// A stand-in editor in `dir`: a shell script named `vi` (so that daynotes
/// gives it `+LINE FILE`) running `body`. Its path, for `$EDITOR`.
#[cfg(unix)]
pub fn stand_in_editor(dir: &std::path::Path, body: &str) -> std::path::PathBuf {
    use std::os::unix::fs::PermissionsExt;
    let editor = dir.join("vi");
    std::fs::write(&editor, format!("#!/bin/sh\n{body}")).unwrap();
    std::fs::set_permissions(&editor, std::fs::Permissions::from_mode(0o755)).unwrap();
    editor
}

#[cfg(test)]
mod tests {
    use super::Frames;

    #[test]
    fn a_frame_shows_only_once_complete() {
        let mut frames = Frames::default();
        assert_eq!(frames.push(b"before\x1b[?20"), b"before");
        assert_eq!(frames.push(b"26hhalf a fr"), b"");
        assert_eq!(
            frames.push(b"ame\x1b[?2026l after"),
            b"half a frame\x1b[?2026l after"
        );
        assert!(frames.pending.is_empty());
    }
}
