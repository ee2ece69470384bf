//! Loads a notes file and prints what was found and how long it took: a
//! quick way to measure load speed on a large file.
//!
//! `cargo run --release --example parse-file -- FILE`

use std::time::Instant;

fn main() -> anyhow::Result<()> {
    let path = std::env::args()
        .nth(1)
        .ok_or_else(|| anyhow::anyhow!("usage: parse-file FILE"))?;
    let t0 = Instant::now();
    let bytes = std::fs::read(&path)?;
    let t1 = Instant::now();
    let decoded = daynotes::decode::decode(bytes)?;
    let t2 = Instant::now();
    let parsed = daynotes::parse::parse(&decoded.text);
    let t3 = Instant::now();
    let mb = decoded.text.len() as f64 / 1e6;
    let topics: usize = parsed.days.iter().map(|d| d.topics.len()).sum();
    println!(
        "{mb:.1} MB: {} days, {topics} topics, {} warnings",
        parsed.days.len(),
        parsed.warnings.len()
    );
    let ms = |a: Instant, b: Instant| (b - a).as_secs_f64() * 1e3;
    println!(
        "read {:.1} ms, decode {:.1} ms, parse {:.1} ms ({:.0} MB/s)",
        ms(t0, t1),
        ms(t1, t2),
        ms(t2, t3),
        mb / (t3 - t2).as_secs_f64()
    );
    Ok(())
}
