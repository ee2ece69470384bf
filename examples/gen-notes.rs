//! Writes generated notes for benchmarks: of many day forms with years
//! (the default), in the bundled notes' own year-less shape
//! (`--seed-shape`), or in markdown with `## YYYY-MM-DD` days
//! (`--markdown`).
//!
//! `cargo run --release --example gen-notes -- --mb 100 [--seed N] [--markdown | --seed-shape] [--crlf] [--out FILE]`
//!
//! `--crlf` ends every line with `\r\n`, as notes written on Windows are.
//!
//! With `--daily-dir DIR --files N`: a folder of N daily notes instead, one
//! file a day (`DIR/YYYY/MM/YYYY-MM-DD.md`).

use std::io::Write;

const USAGE: &str = "usage: gen-notes [--mb N] [--seed N] [--markdown | --seed-shape] [--crlf] [--out FILE] | --daily-dir DIR [--files N]";

fn main() -> anyhow::Result<()> {
    let mut mb = 10.0f64;
    let mut seed = 1u64;
    let mut out: Option<String> = None;
    let mut markdown = false;
    let mut seed_shape = false;
    let mut crlf = false;
    let mut daily_dir: Option<String> = None;
    let mut files = 10_000usize;
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
            "--seed-shape" => seed_shape = true,
            "--crlf" => crlf = true,
            "--daily-dir" => daily_dir = Some(value()?),
            "--files" => files = value()?.parse()?,
            "--help" | "-h" => {
                println!("{USAGE}");
                return Ok(());
            }
            _ => anyhow::bail!("{USAGE}"),
        }
    }
    if let Some(dir) = daily_dir {
        for (path, text) in daynotes_core::generate::daily_notes(files, seed) {
            let path = std::path::Path::new(&dir).join(path);
            std::fs::create_dir_all(path.parent().unwrap_or(&path))?;
            std::fs::write(path, text)?;
        }
        return Ok(());
    }
    let bytes = (mb * 1_000_000.0) as usize;
    let text = if markdown {
        daynotes_core::generate::markdown_notes(bytes, seed)
    } else if seed_shape {
        daynotes_core::generate::seed_shaped(bytes, seed)
    } else {
        daynotes_core::generate::notes(bytes, seed)
    };
    let text = if crlf {
        text.replace('\n', "\r\n")
    } else {
        text
    };
    match out {
        Some(path) => std::fs::write(path, text)?,
        None => std::io::stdout().lock().write_all(text.as_bytes())?,
    }
    Ok(())
}
