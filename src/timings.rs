//! How long things took, for `--timings` and the status bar's timing line
//! (the notes' own advice: record the time each step costs).
//!
//! ```text
//! read             55.1 ms
//! decode            5.9 ms
//! parse           204.8 ms
//! first frame     271.3 ms   (from the start of the program)
//! slowest frame     3.2 ms
//! search "sse"      8.1 ms   (42 hits)
//! ```

use std::sync::OnceLock;
use std::time::{Duration, Instant};

use unicode_width::UnicodeWidthStr;

use daynotes_core::load::LoadTimes;

/// How many searches are kept for the report.
const MAX_SEARCHES: usize = 100;

/// Marks the start of the program (the first call wins).
pub fn mark_start() {
    let _ = START.get_or_init(Instant::now);
}

/// Time since [`mark_start`] (or since this first call).
pub fn since_start() -> Duration {
    START.get_or_init(Instant::now).elapsed()
}

static START: OnceLock<Instant> = OnceLock::new();

/// The phases measured in one run.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Timings {
    /// Named phases in the order they happened.
    phases: Vec<(String, Duration)>,
    /// The slowest frame after the first, if any was drawn.
    slowest_frame: Option<Duration>,
    /// Frames drawn.
    frames: usize,
    /// Each search: the query, how long until its last hit, the hits.
    searches: Vec<(String, Duration, usize)>,
}

impl Timings {
    /// Records the loading phases.
    pub fn load(&mut self, t: LoadTimes) {
        self.phase("read", t.read);
        self.phase("decode", t.decode);
        self.phase("parse", t.parse);
    }

    /// Records one named phase.
    pub fn phase(&mut self, name: &str, took: Duration) {
        self.phases.push((name.to_string(), took));
    }

    /// Records a frame after the first.
    pub fn frame(&mut self, took: Duration) {
        self.frames += 1;
        self.slowest_frame = Some(self.slowest_frame.map_or(took, |s| s.max(took)));
    }

    /// Records a finished search.
    pub fn search(&mut self, query: &str, took: Duration, hits: usize) {
        // Each typed prefix is a search: keep the latest, not a whole day's.
        if self.searches.len() == MAX_SEARCHES {
            self.searches.remove(0);
        }
        self.searches.push((query.to_string(), took, hits));
    }

    /// One line per phase, aligned, for `--timings`.
    pub fn report(&self) -> String {
        let mut rows: Vec<(String, Duration, String)> = self
            .phases
            .iter()
            .map(|(n, d)| (n.clone(), *d, String::new()))
            .collect();
        if let Some(s) = self.slowest_frame {
            rows.push(("slowest frame".into(), s, format!("  (of {})", self.frames)));
        }
        for (q, d, hits) in &self.searches {
            let s = if *hits == 1 { "" } else { "s" };
            rows.push((format!("search {q:?}"), *d, format!("  ({hits} hit{s})")));
        }
        // Padded by terminal columns: a query in Chinese is two a character.
        let name_width = rows.iter().map(|r| r.0.width()).max().unwrap_or(0);
        rows.iter()
            .map(|(n, d, note)| {
                let pad = " ".repeat(name_width - n.width());
                format!("{n}{pad}  {:>8}{note}\n", ms(*d))
            })
            .collect()
    }

    /// A short line for the status bar: `parse 205 ms · frame ≤3.2 ms`.
    pub fn status_line(&self) -> String {
        let mut parts: Vec<String> = self
            .phases
            .iter()
            .filter(|(n, _)| n == "parse" || n == "first frame")
            .map(|(n, d)| format!("{n} {}", ms(*d)))
            .collect();
        if let Some(s) = self.slowest_frame {
            parts.push(format!("frame ≤{}", ms(s)));
        }
        if let Some((_, d, _)) = self.searches.last() {
            parts.push(format!("search {}", ms(*d)));
        }
        parts.join(" · ")
    }
}

/// `12.3 ms`, `0.04 ms` under a millisecond.
fn ms(d: Duration) -> String {
    let ms = d.as_secs_f64() * 1e3;
    if ms < 1.0 {
        format!("{ms:.2} ms")
    } else {
        format!("{ms:.1} ms")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_report_lines_up() {
        let mut t = Timings::default();
        t.load(LoadTimes {
            read: Duration::from_micros(55_120),
            decode: Duration::from_micros(5_900),
            parse: Duration::from_micros(204_840),
        });
        t.phase("first frame", Duration::from_micros(271_300));
        t.frame(Duration::from_micros(900));
        t.frame(Duration::from_micros(3_200));
        t.search("sse", Duration::from_micros(8_100), 42);
        assert_eq!(
            t.report(),
            "\
read            55.1 ms
decode           5.9 ms
parse          204.8 ms
first frame    271.3 ms
slowest frame    3.2 ms  (of 2)
search \"sse\"     8.1 ms  (42 hits)
"
        );
        assert_eq!(
            t.status_line(),
            "parse 204.8 ms · first frame 271.3 ms · frame ≤3.2 ms · search 8.1 ms"
        );
    }

    #[test]
    fn nothing_recorded_nothing_said() {
        let t = Timings::default();
        assert_eq!(
            (t.report(), t.status_line()),
            (String::new(), String::new())
        );
    }

    #[test]
    fn milliseconds_with_one_decimal_two_under_one() {
        assert_eq!(ms(Duration::from_micros(205_349)), "205.3 ms");
        assert_eq!(ms(Duration::from_micros(1_000)), "1.0 ms");
        assert_eq!(ms(Duration::from_micros(40)), "0.04 ms");
        assert_eq!(ms(Duration::ZERO), "0.00 ms");
        assert_eq!(ms(Duration::from_secs(12)), "12000.0 ms");
    }

    #[test]
    fn only_the_latest_searches_are_kept() {
        let mut t = Timings::default();
        for i in 0..MAX_SEARCHES + 5 {
            t.search(&format!("q{i}"), Duration::from_millis(1), 0);
        }
        assert_eq!(t.searches.len(), MAX_SEARCHES);
        assert_eq!(t.searches[0].0, "q5");
    }

    #[test]
    fn searches_line_up_and_their_queries_are_inert() {
        let mut t = Timings::default();
        t.phase("parse", Duration::from_micros(2_500));
        t.search("握手", Duration::from_micros(300), 1);
        t.search("\x1b[2J", Duration::from_micros(12_000), 0);
        let report = t.report();
        assert_eq!(
            report,
            "\
parse                 2.5 ms
search \"握手\"        0.30 ms  (1 hit)
search \"\\u{1b}[2J\"   12.0 ms  (0 hits)
"
        );
        assert!(!report.contains('\x1b'));
        // The durations end in one terminal column.
        let ends: Vec<usize> = report
            .lines()
            .map(|l| l.find(" ms").map(|i| l[..i].width()))
            .map(Option::unwrap)
            .collect();
        assert!(ends.windows(2).all(|w| w[0] == w[1]), "{report}");
        assert_eq!(t.status_line(), "parse 2.5 ms · search 12.0 ms");
    }
}
