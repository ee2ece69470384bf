//! The editor `e` opens: which program, and the argument vector that puts
//! it at a line. Built as a vector of arguments and run directly, never
//! through a shell, so a file name is never interpreted.
//!
//! | program | arguments |
//! |---|---|
//! | vi, vim, nvim, view, gvim, hx (helix), nano, micro, kak, emacs, emacsclient, joe, ne, mg | `+LINE FILE` |
//! | code, codium, code-insiders, cursor, windsurf | `--wait -g FILE:LINE` |
//! | subl, zed | `--wait FILE:LINE` |
//! | anything else | `FILE` |
//!
//! `--wait` is added to the graphical editors (and `-f` to gvim) unless the
//! command already has it: without it they return at once, and the viewer
//! would take the terminal back and read the file before it was edited.

use std::ffi::OsString;
use std::path::Path;
use std::process::ExitStatus;

use anyhow::{Result, anyhow};

/// The command for `file` at `line`: `configured` (already split into
/// words), else `visual`, else `editor` (each split as a shell would), else
/// `vi`.
pub fn command(
    configured: Option<&[String]>,
    visual: Option<&str>,
    editor: Option<&str>,
    file: &Path,
    line: usize,
) -> Result<Vec<OsString>> {
    let words: Vec<String> = match configured {
        Some(w) if !w.is_empty() => w.to_vec(),
        _ => {
            let from_env = [visual, editor]
                .into_iter()
                .flatten()
                .find(|v| !v.trim().is_empty());
            match from_env {
                Some(v) => shell_words::split(v)
                    .map_err(|e| anyhow!("cannot split the editor command {v:?}: {e}"))?,
                None => vec!["vi".to_string()],
            }
        }
    };
    let (program, args) = words
        .split_first()
        .ok_or_else(|| anyhow!("the editor command is empty"))?;
    let mut argv: Vec<OsString> = std::iter::once(program)
        .chain(args)
        .map(OsString::from)
        .collect();
    // A relative name starting with `-` or `+` would be read as an option.
    let dashed = file
        .to_str()
        .is_some_and(|f| f.starts_with('-') || f.starts_with('+'));
    let guarded = Path::new(".").join(file);
    let file = if dashed { guarded.as_path() } else { file };
    let line = line.max(1);
    let at = |sep: &str| {
        let mut s = file.as_os_str().to_owned();
        s.push(format!("{sep}{line}"));
        s
    };
    match family(program) {
        Family::PlusLine => {
            // gvim and mvim leave the terminal at once unless kept in the
            // foreground.
            if is_gui_vim(program) && !args.iter().any(|a| a == "-f" || a == "--nofork") {
                argv.push("-f".into());
            }
            argv.push(format!("+{line}").into());
            argv.push(file.into());
        }
        Family::VsCode => {
            if !args.iter().any(|a| a == "--wait" || a == "-w") {
                // Without it the command returns at once and the viewer
                // would come back while the file is still being edited.
                argv.push("--wait".into());
            }
            argv.push("-g".into());
            argv.push(at(":"));
        }
        Family::Colon => {
            if !args.iter().any(|a| a == "--wait" || a == "-w") {
                argv.push("--wait".into());
            }
            argv.push(at(":"));
        }
        Family::Plain => argv.push(file.into()),
    }
    Ok(argv)
}

/// [`command`] with `$VISUAL` and `$EDITOR` from the environment.
pub fn command_from_env(
    configured: Option<&[String]>,
    file: &Path,
    line: usize,
) -> Result<Vec<OsString>> {
    let visual = std::env::var("VISUAL").ok();
    let editor = std::env::var("EDITOR").ok();
    command(configured, visual.as_deref(), editor.as_deref(), file, line)
}

/// Runs `argv` with the terminal, waiting for it to end.
pub fn run(argv: &[OsString]) -> Result<ExitStatus> {
    let (program, args) = argv.split_first().ok_or_else(|| anyhow!("no editor"))?;
    std::process::Command::new(program)
        .args(args)
        .status()
        .map_err(|e| {
            let reason = daynotes_core::load::io_reason(&e);
            anyhow!(
                "cannot run the editor {}: {reason}",
                program.to_string_lossy()
            )
        })
}

/// How an editor is told the line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Family {
    PlusLine,
    VsCode,
    Colon,
    Plain,
}

/// The program's own name: no directories, no `.exe`.
fn program_name(program: &str) -> &str {
    let name = Path::new(program)
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or(program);
    name.strip_suffix(".exe").unwrap_or(name)
}

fn is_gui_vim(program: &str) -> bool {
    matches!(program_name(program), "gvim" | "mvim")
}

fn family(program: &str) -> Family {
    match program_name(program) {
        "vi" | "vim" | "nvim" | "view" | "gvim" | "mvim" | "hx" | "helix" | "nano" | "micro"
        | "kak" | "kakoune" | "emacs" | "emacsclient" | "joe" | "ne" | "mg" | "pico" => {
            Family::PlusLine
        }
        "code" | "code-insiders" | "codium" | "vscodium" | "cursor" | "windsurf" => Family::VsCode,
        "subl" | "sublime_text" | "zed" => Family::Colon,
        _ => Family::Plain,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn argv(
        configured: Option<&[&str]>,
        visual: Option<&str>,
        editor: Option<&str>,
    ) -> Vec<String> {
        let configured: Option<Vec<String>> =
            configured.map(|w| w.iter().map(|s| s.to_string()).collect());
        command(
            configured.as_deref(),
            visual,
            editor,
            Path::new("my notes/day one.txt"),
            42,
        )
        .unwrap()
        .into_iter()
        .map(|s| s.into_string().unwrap())
        .collect()
    }

    #[test]
    fn each_family_is_told_the_line_its_way() {
        let file = "my notes/day one.txt";
        for prog in [
            "vi",
            "vim",
            "nvim",
            "/usr/bin/hx",
            "nano",
            "kak",
            "emacs",
            "emacsclient",
        ] {
            assert_eq!(argv(None, None, Some(prog)), [prog, "+42", file], "{prog}");
        }
        assert_eq!(
            argv(None, None, Some("code")),
            ["code", "--wait", "-g", "my notes/day one.txt:42"]
        );
        assert_eq!(
            argv(None, None, Some("code --wait")),
            ["code", "--wait", "-g", "my notes/day one.txt:42"]
        );
        assert_eq!(
            argv(None, None, Some("subl")),
            ["subl", "--wait", "my notes/day one.txt:42"]
        );
        assert_eq!(argv(None, None, Some("gedit")), ["gedit", file]);
        assert_eq!(
            argv(None, None, Some("nvim.exe")),
            ["nvim.exe", "+42", file]
        );
    }

    #[test]
    fn config_then_visual_then_editor_then_vi() {
        let file = "my notes/day one.txt";
        assert_eq!(
            argv(Some(&["hx"]), Some("vim"), Some("nano")),
            ["hx", "+42", file]
        );
        assert_eq!(argv(None, Some("vim"), Some("nano")), ["vim", "+42", file]);
        assert_eq!(argv(None, Some(""), Some("nano")), ["nano", "+42", file]);
        assert_eq!(argv(None, None, None), ["vi", "+42", file]);
        // Quoted words stay whole; nothing is run through a shell.
        assert_eq!(
            argv(None, None, Some("'/opt/my editor/vim' -u NONE")),
            ["/opt/my editor/vim", "-u", "NONE", "+42", file]
        );
        assert!(command(None, None, Some("vim 'unclosed"), Path::new("f"), 1).is_err());
    }
}
