//! The command `e` runs, for each family of editors: the program chosen
//! (config, `$VISUAL`, `$EDITOR`, `vi`) and how it is told the line. The
//! environment is passed in, so these tests never touch the real one.

use std::path::Path;

use daynotes::editor::{command, run};

const FILE: &str = "study notes/8 月.txt";

/// The argument vector for `$EDITOR=editor` at line 7 of [`FILE`].
fn with_editor(editor: &str) -> Vec<String> {
    argv(None, None, Some(editor))
}

fn argv(configured: Option<&[&str]>, visual: Option<&str>, editor: Option<&str>) -> Vec<String> {
    let configured: Option<Vec<String>> =
        configured.map(|w| w.iter().map(ToString::to_string).collect());
    command(configured.as_deref(), visual, editor, Path::new(FILE), 7)
        .unwrap()
        .into_iter()
        .map(|a| a.into_string().unwrap())
        .collect()
}

#[test]
fn terminal_editors_are_given_plus_line_then_the_file() {
    for program in [
        "vi",
        "vim",
        "nvim",
        "view",
        "hx",
        "helix",
        "nano",
        "micro",
        "kak",
        "kakoune",
        "emacs",
        "emacsclient",
        "joe",
        "ne",
    ] {
        assert_eq!(with_editor(program), [program, "+7", FILE], "{program}");
    }
}

#[test]
fn the_family_is_known_by_the_program_name_alone() {
    assert_eq!(
        with_editor("/usr/local/bin/nvim"),
        ["/usr/local/bin/nvim", "+7", FILE]
    );
    assert_eq!(
        argv(Some(&["/mnt/c/Tools/nvim.exe"]), None, None),
        ["/mnt/c/Tools/nvim.exe", "+7", FILE]
    );
    assert_eq!(
        with_editor("emacsclient -t"),
        ["emacsclient", "-t", "+7", FILE]
    );
}

#[test]
fn gvim_is_kept_in_the_foreground() {
    assert_eq!(with_editor("gvim"), ["gvim", "-f", "+7", FILE]);
    assert_eq!(with_editor("gvim -f"), ["gvim", "-f", "+7", FILE]);
}

#[test]
fn the_vs_code_family_gets_goto_and_waits() {
    let at = format!("{FILE}:7");
    for program in ["code", "code-insiders", "codium", "cursor"] {
        assert_eq!(
            with_editor(program),
            [program, "--wait", "-g", &at],
            "{program}"
        );
    }
    // A --wait already given is not doubled.
    assert_eq!(with_editor("code --wait"), ["code", "--wait", "-g", &at]);
    assert_eq!(with_editor("code -w"), ["code", "-w", "-g", &at]);
}

#[test]
fn zed_and_sublime_take_file_colon_line() {
    let at = format!("{FILE}:7");
    assert_eq!(with_editor("zed"), ["zed", "--wait", &at]);
    assert_eq!(with_editor("subl"), ["subl", "--wait", &at]);
    assert_eq!(with_editor("subl -w"), ["subl", "-w", &at]);
}

#[test]
fn an_unknown_editor_gets_just_the_file() {
    assert_eq!(with_editor("gedit"), ["gedit", FILE]);
    assert_eq!(
        with_editor("my-editor --flag"),
        ["my-editor", "--flag", FILE]
    );
}

#[test]
fn the_config_wins_then_visual_then_editor_then_vi() {
    assert_eq!(
        argv(Some(&["nano", "-l"]), Some("vim"), Some("emacs")),
        ["nano", "-l", "+7", FILE]
    );
    assert_eq!(argv(None, Some("vim"), Some("emacs")), ["vim", "+7", FILE]);
    assert_eq!(argv(None, None, Some("emacs")), ["emacs", "+7", FILE]);
    assert_eq!(argv(None, None, None), ["vi", "+7", FILE]);
    // Set but empty counts as unset.
    assert_eq!(argv(Some(&[]), Some(" "), Some("")), ["vi", "+7", FILE]);
}

#[test]
fn editor_variables_are_split_like_a_shell_would_but_never_run_by_one() {
    assert_eq!(
        with_editor(r#""/opt/My Editor/vim" -c 'set nu'"#),
        ["/opt/My Editor/vim", "-c", "set nu", "+7", FILE]
    );
    // Shell syntax is only words here: nothing is expanded or run.
    assert_eq!(
        with_editor("vim; rm -rf $HOME"),
        ["vim;", "rm", "-rf", "$HOME", FILE]
    );
    let err = command(None, None, Some("vim 'open"), Path::new(FILE), 1).unwrap_err();
    assert!(err.to_string().contains("vim 'open"), "{err}");
}

#[test]
fn awkward_file_names_stay_one_argument() {
    let line = |file: &str| {
        command(None, None, Some("vim"), Path::new(file), 3)
            .unwrap()
            .into_iter()
            .map(|a| a.into_string().unwrap())
            .collect::<Vec<_>>()
    };
    assert_eq!(line("a b; c.txt"), ["vim", "+3", "a b; c.txt"]);
    // A name that would read as an option is given as ./name.
    assert_eq!(line("-R.txt"), ["vim", "+3", "./-R.txt"]);
    assert_eq!(line("+5.txt"), ["vim", "+3", "./+5.txt"]);
    // Line 0 (no line known) opens at the first.
    let first = command(None, None, Some("nano"), Path::new("n.txt"), 0).unwrap();
    assert_eq!(first[1], "+1");
}

#[test]
fn a_missing_editor_is_a_one_line_error_naming_it() {
    let argv = command(
        None,
        None,
        Some("daynotes-no-such-editor --flag"),
        Path::new("n.txt"),
        1,
    )
    .unwrap();
    let err = run(&argv).unwrap_err().to_string();
    assert!(err.contains("daynotes-no-such-editor"), "{err}");
    assert!(!err.contains('\n'), "{err}");
}

#[cfg(unix)]
#[test]
fn the_editor_runs_with_its_arguments_and_its_status_comes_back() {
    let ok = command(
        Some(&["true".to_string()]),
        None,
        None,
        Path::new("n.txt"),
        1,
    )
    .unwrap();
    assert!(run(&ok).unwrap().success());
    let failed = command(
        Some(&["false".to_string()]),
        None,
        None,
        Path::new("n.txt"),
        1,
    )
    .unwrap();
    assert!(!run(&failed).unwrap().success());
}
