//! Loads a notes file and prints what was found and how long it took: a
//! quick way to measure load speed on a large file.
//!
//! `cargo run --release --example parse-file -- FILE [AGAIN] [--one-thread]`
//!
//! With AGAIN, the text is then parsed that many more times, each tree
//! dropped before the next, and the median of those is printed too: the
//! speed of a parse into memory already used once, as on a reload. With
//! `--one-thread` the text is parsed on one thread (`parse_in_one`), not
//! in pieces on every thread the machine has.

use std::time::{Duration, Instant};

fn main() -> anyhow::Result<()> {
    let one = std::env::args().any(|a| a == "--one-thread");
    let parse = if one {
        daynotes_core::parse::parse_in_one
    } else {
        daynotes_core::parse::parse
    };
    let mut args = std::env::args().skip(1).filter(|a| a != "--one-thread");
    let usage = || anyhow::anyhow!("usage: parse-file FILE [AGAIN] [--one-thread]");
    let path = args.next().ok_or_else(usage)?;
    let again: usize = match args.next() {
        Some(n) => n.parse().map_err(|_| usage())?,
        None => 0,
    };
    let t0 = Instant::now();
    let bytes = std::fs::read(&path)?;
    let t1 = Instant::now();
    let decoded = daynotes_core::decode::decode(bytes)?;
    let t2 = Instant::now();
    let parsed = parse(&decoded.text);
    let t3 = Instant::now();
    let mb = decoded.text.len() as f64 / 1e6;
    let topics: usize = parsed.days.iter().map(|d| d.topics.len()).sum();
    println!(
        "{mb:.1} MB: {} days, {topics} topics, {} warnings",
        parsed.days.len(),
        parsed.warnings.len()
    );
    drop(parsed);
    let ms = |d: Duration| d.as_secs_f64() * 1e3;
    let rate = |d: Duration| mb / d.as_secs_f64();
    if again > 0 {
        let mut times: Vec<Duration> = (0..again)
            .map(|_| {
                let t = Instant::now();
                let tree = std::hint::black_box(parse(&decoded.text));
                let took = t.elapsed();
                drop(tree);
                took
            })
            .collect();
        times.sort();
        let median = times[times.len() / 2];
        println!(
            "parse again ({again}×): median {:.1} ms ({:.0} MB/s)",
            ms(median),
            rate(median)
        );
    }
    println!(
        "read {:.1} ms, decode {:.1} ms, parse {:.1} ms ({:.0} MB/s)",
        ms(t1 - t0),
        ms(t2 - t1),
        ms(t3 - t2),
        rate(t3 - t2)
    );
    Ok(())
}
