//! Renders one body of notes the way the content pane does, for a look in a
//! real terminal: `cargo run --example render-body -- FILE WIDTH [--plain]`.
//!
//! The file is read whole, dedented and rendered at WIDTH cells; `--plain`
//! prints without colour.

use std::process::ExitCode;

use daynotes::ansi;
use daynotes_core::notes;
use daynotes_view::markdown;
use daynotes_view::theme::Theme;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(path), Some(width)) = (args.first(), args.get(1)) else {
        eprintln!("usage: render-body FILE WIDTH [--plain]");
        return ExitCode::FAILURE;
    };
    let Ok(width) = width.parse::<u16>() else {
        eprintln!("render-body: WIDTH must be a number of cells");
        return ExitCode::FAILURE;
    };
    let text = match std::fs::read(path) {
        Ok(bytes) => String::from_utf8_lossy(&bytes).into_owned(),
        Err(e) => {
            eprintln!("render-body: {path}: {e}");
            return ExitCode::FAILURE;
        }
    };
    let color = !args.iter().any(|a| a == "--plain");
    let rendered = markdown::render(&notes::dedent(&text), width, &Theme::dark().md);
    if let Some(warning) = &rendered.warning {
        eprintln!("render-body: {warning}");
    }
    let out = ansi::to_ansi(&rendered.lines, color);
    // A closed pipe (`| head`) is not an error worth a panic.
    let _ = std::io::Write::write_all(&mut std::io::stdout().lock(), out.as_bytes());
    ExitCode::SUCCESS
}
