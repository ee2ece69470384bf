//! Writes generated notes in the seed's shape, or in markdown with
//! `## YYYY-MM-DD` days (`--markdown`), for benchmarks.
//!
//! `cargo run --release --example gen-notes -- --mb 100 [--seed N] [--markdown] [--out FILE]`

use std::io::Write;

fn main() -> anyhow::Result<()> {
    let mut mb = 10.0f64;
    let mut seed = 1u64;
    let mut out: Option<String> = None;
    let mut markdown = false;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let mut value = || {
            args.next()
                .ok_or_else(|| anyhow::anyhow!("{a} needs a value"))
        };
        match a.as_str() {
            "--mb" => mb = value()?.parse()?,
            "--seed" => seed = value()?.parse()?,
            "--out" => out = Some(value()?),
            "--markdown" => markdown = true,
            _ => anyhow::bail!("usage: gen-notes [--mb N] [--seed N] [--markdown] [--out FILE]"),
        }
    }
    let bytes = (mb * 1_000_000.0) as usize;
    let text = if markdown {
        daynotes::generate::markdown_notes(bytes, seed)
    } else {
        daynotes::generate::notes(bytes, seed)
    };
    match out {
        Some(path) => std::fs::write(path, text)?,
        None => std::io::stdout().lock().write_all(text.as_bytes())?,
    }
    Ok(())
}
