//! An idle viewer sleeps: with nothing typed and nothing changing, the
//! program wakes no thread and spends no CPU time (a loop that looked for
//! events on a timer woke 20 times a second, forever).

use std::thread::sleep;
use std::time::{Duration, Instant};

use crate::harness::{TIMEOUT, Term};

const SEED: &str = "notes/study-notes.txt";

/// CPU time (user + system, in clock ticks) of the whole process, and how
/// many times its threads were switched out (each sleep and each wake-up
/// counts one).
fn usage(pid: u32) -> (u64, u64) {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).expect("the program runs");
    // After the command name in parentheses: state is field 3, utime 14,
    // stime 15.
    let fields: Vec<&str> = stat.rsplit_once(") ").unwrap().1.split(' ').collect();
    let ticks = fields[11].parse::<u64>().unwrap() + fields[12].parse::<u64>().unwrap();
    let mut switches = 0;
    for task in std::fs::read_dir(format!("/proc/{pid}/task")).unwrap() {
        let status =
            std::fs::read_to_string(task.unwrap().path().join("status")).unwrap_or_default();
        for line in status.lines() {
            if let Some(n) = line
                .strip_prefix("voluntary_ctxt_switches:")
                .or_else(|| line.strip_prefix("nonvoluntary_ctxt_switches:"))
            {
                switches += n.trim().parse::<u64>().unwrap();
            }
        }
    }
    (ticks, switches)
}

#[test]
fn an_idle_viewer_wakes_no_thread_and_spends_no_cpu() {
    // The notes come from a file: the viewer watches it too.
    let mut term = Term::start(&[SEED], 100, 30);
    term.wait_for("tcp握手");
    let pid = term.pid();
    // Start-up work (code colours made on a thread) ends by itself, later
    // on a machine busy with other tests: look at windows of 3 s until one
    // is quiet. A loop on a timer is never quiet, so it fails every window
    // and the test with it.
    let start = Instant::now();
    loop {
        let (cpu, switches) = usage(pid);
        sleep(Duration::from_secs(3));
        let (cpu_after, switches_after) = usage(pid);
        let woken = switches_after - switches;
        // A clock tick is 10 ms on most systems: at most one may be counted.
        if woken <= 2 && cpu_after - cpu <= 1 {
            break;
        }
        assert!(
            start.elapsed() < TIMEOUT,
            "never idle: {woken} wake-ups and {} ticks of CPU in the last 3 s",
            cpu_after - cpu
        );
    }
    // Still awake to a key.
    term.send("q");
    assert!(term.wait_exit().success());
}
