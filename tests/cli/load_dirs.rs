//! A directory of notes files read as one notebook: which files count, the
//! order days come in, and that every day still knows its file.

use crate::common;

use crate::common::dir_with;
use std::path::Path;

use daynotes_core::load::{LoadOptions, load, load_with};
use daynotes_core::notes::Notebook;

/// Each day as `date topic (file)`, the file relative to `root`.
fn days(nb: &Notebook, root: &Path) -> Vec<String> {
    nb.days
        .iter()
        .map(|d| {
            let path = Path::new(&nb.sources[d.source].path);
            let file = path.strip_prefix(root).unwrap_or(path).display();
            let topic = d.topics.first().map_or("", |t| t.title());
            format!("{} {topic} ({file})", d.date)
        })
        .collect()
}

const RECURSIVE: LoadOptions = LoadOptions {
    recursive: true,
    glimpse: false,
    map: false,
    sections: true,
    findings: true,
    topics: true,
};

/// `--no-recursive`.
const FLAT: LoadOptions = LoadOptions {
    recursive: false,
    glimpse: false,
    map: false,
    sections: true,
    findings: true,
    topics: true,
};

#[test]
fn days_from_several_files_are_merged_by_date() {
    let dir = dir_with(&[
        ("b.txt", "8.23\n    1.b23\n8.30\n    1.b30\n"),
        ("a.md", "8.22\n    1.a22\n9.1\n    1.a91\n"),
    ]);
    let nb = load(dir.path()).unwrap();
    assert_eq!(
        days(&nb, dir.path()),
        [
            "8.22 a22 (a.md)",
            "8.23 b23 (b.txt)",
            "8.30 b30 (b.txt)",
            "9.1 a91 (a.md)",
        ]
    );
}

#[test]
fn days_of_one_date_keep_the_order_of_their_files() {
    let dir = dir_with(&[
        ("2-work.txt", "8.22\n    1.from work\n"),
        ("1-home.txt", "8.22\n    1.from home\n"),
    ]);
    let nb = load(dir.path()).unwrap();
    assert_eq!(
        days(&nb, dir.path()),
        ["8.22 from home (1-home.txt)", "8.22 from work (2-work.txt)"]
    );
}

#[test]
fn every_day_and_warning_names_its_own_file_and_line() {
    let dir = dir_with(&[
        ("a.txt", "8.22\n    1.a\n13.45\n"),
        ("b.txt", "\n\n8.23\n    1.b\n"),
    ]);
    let nb = load(dir.path()).unwrap();
    assert_eq!(nb.sources.len(), 2);
    let b = &nb.days[1];
    assert!(nb.sources[b.source].path.ends_with("b.txt"));
    assert_eq!(b.line(), 3, "lines count within the day's own file");
    let text = nb.text(b.source, b.topics[0].heading);
    assert_eq!(text, "    1.b\n");
    // The impossible date 13.45 is reported against a.txt.
    assert!(!nb.warnings.is_empty());
    for w in &nb.warnings {
        assert!(nb.sources[w.source].path.ends_with("a.txt"), "{w:?}");
    }
}

#[test]
fn files_that_are_not_notes_are_ignored() {
    let dir = dir_with(&[
        ("notes.txt", "8.22\n    1.a\n"),
        ("picture.png", "8.23\n    1.png\n"),
        ("README", "8.24\n    1.readme\n"),
        (".notes.txt.swp", "8.25\n    1.swap\n"),
        (".hidden.md", "8.26\n    1.hidden\n"),
        ("SHOUTING.TXT", "8.27\n    1.upper\n"),
    ]);
    let nb = load(dir.path()).unwrap();
    assert_eq!(
        days(&nb, dir.path()),
        ["8.22 a (notes.txt)", "8.27 upper (SHOUTING.TXT)"]
    );
}

#[test]
fn subdirectories_are_read_unless_flat() {
    let dir = dir_with(&[
        ("top.txt", "8.23\n    1.top\n"),
        ("2025/aug.md", "8.22\n    1.deep\n"),
        ("2025/more/sep.txt", "9.1\n    1.deeper\n"),
    ]);
    let flat = load_with(dir.path(), FLAT).unwrap().0;
    assert_eq!(days(&flat, dir.path()), ["8.23 top (top.txt)"]);
    let deep = load(dir.path()).unwrap();
    assert_eq!(
        days(&deep, dir.path()),
        [
            "8.22 deep (2025/aug.md)",
            "8.23 top (top.txt)",
            "9.1 deeper (2025/more/sep.txt)",
        ]
    );
}

#[test]
fn files_are_read_in_path_order() {
    // Days of one date show the order the files were read in: by path,
    // name by name, so `a/z.txt` (directory `a`) comes before `a.txt`.
    let dir = dir_with(&[
        ("b/x.txt", "8.22\n    1.b/x\n"),
        ("a.txt", "8.22\n    1.a\n"),
        ("a/z.txt", "8.22\n    1.a/z\n"),
        ("c.txt", "8.22\n    1.c\n"),
    ]);
    let nb = load_with(dir.path(), RECURSIVE).unwrap().0;
    let order: Vec<&str> = nb.days.iter().map(|d| d.topics[0].title()).collect();
    assert_eq!(order, ["a/z", "a", "b/x", "c"]);
}

#[test]
fn hidden_directories_are_skipped() {
    let dir = dir_with(&[
        ("notes.txt", "8.22\n    1.seen\n"),
        (".git/notes.txt", "8.23\n    1.git\n"),
        (".trash/old.md", "8.24\n    1.trash\n"),
    ]);
    let nb = load_with(dir.path(), RECURSIVE).unwrap().0;
    assert_eq!(days(&nb, dir.path()), ["8.22 seen (notes.txt)"]);
}

#[cfg(unix)]
#[test]
fn a_link_back_up_the_tree_does_not_loop() {
    let dir = dir_with(&[("notes.txt", "8.22\n    1.once\n"), ("sub/x.md", "8.23\n")]);
    std::os::unix::fs::symlink(dir.path(), dir.path().join("sub/loop")).unwrap();
    let nb = load_with(dir.path(), RECURSIVE).unwrap().0;
    assert_eq!(nb.sources.len(), 2, "each file once");
}

#[test]
fn a_directory_without_notes_is_an_error_that_says_so() {
    let dir = dir_with(&[("photo.jpg", "x"), ("sub/notes.txt", "8.22\n")]);
    let err = load_with(dir.path(), FLAT).unwrap_err().to_string();
    assert!(
        err.ends_with("directory holds no notes files (*.md, *.txt, *.markdown, *.org)"),
        "{err}"
    );
    assert!(load_with(dir.path(), RECURSIVE).is_ok());
    let empty = dir_with(&[]);
    let err = load_with(empty.path(), RECURSIVE).unwrap_err().to_string();
    assert!(err.contains("and its subdirectories"), "{err}");
}

#[test]
fn a_single_file_is_read_whatever_its_name() {
    let dir = dir_with(&[("journal.log", "8.22\n    1.a\n")]);
    let nb = load(&dir.path().join("journal.log")).unwrap();
    assert_eq!(days(&nb, dir.path()), ["8.22 a (journal.log)"]);
}

#[test]
fn the_status_bar_names_the_selected_days_file() {
    use daynotes_view::app::{Action, App};
    let dir = dir_with(&[
        ("a.txt", "2025\n8.22\n    1.a1\n"),
        ("b.md", "2025\n8.23\n    1.b1\n"),
    ]);
    let mut app = App::new(load(dir.path()).unwrap());
    app.update(Action::Resize {
        width: 100,
        height: 10,
    });
    let mut term = ratatui::Terminal::new(ratatui::backend::TestBackend::new(100, 10)).unwrap();
    let mut status = |app: &App| {
        let mut view = daynotes_view::ui::ViewState::default();
        term.draw(|f| daynotes_view::ui::draw(f, app, &mut view))
            .unwrap();
        let buf = term.backend().buffer();
        (0..100).map(|x| buf[(x, 9)].symbol()).collect::<String>()
    };
    assert!(status(&app).contains("a.txt"), "{}", status(&app));
    app.update(Action::NextDay);
    assert!(status(&app).contains("b.md"), "{}", status(&app));
}

/// A directory its reader may list but not enter (no search permission)
/// is "permission denied", not "no notes files". Checked as an ordinary
/// user: root enters any directory.
#[test]
#[cfg(target_os = "linux")]
fn a_directory_without_search_permission_is_permission_denied() {
    use std::os::unix::fs::PermissionsExt;
    let root = std::process::Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| o.stdout.starts_with(b"0\n"));
    let dir = tempfile::tempdir().unwrap();
    let notes = dir.path().join("notes");
    std::fs::create_dir(&notes).unwrap();
    std::fs::write(notes.join("a.txt"), "8.22\n    1.a\n").unwrap();
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    std::fs::set_permissions(&notes, std::fs::Permissions::from_mode(0o644)).unwrap();
    let home = common::Home::new();
    let mut cmd = home.std_command();
    if root {
        cmd = as_nobody(&cmd);
    }
    let out = match cmd.arg("list").arg(&notes).output() {
        Ok(out) => out,
        Err(e) => {
            eprintln!("skipped: cannot run as an ordinary user ({e})");
            return;
        }
    };
    std::fs::set_permissions(&notes, std::fs::Permissions::from_mode(0o755)).unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert_eq!(
        err.trim_end(),
        format!("daynotes: error: {}: permission denied", notes.display())
    );
}

/// `cmd` run as nobody (for a test run as root, whom no permission
/// stops): setpriv runs the binary with the environment set on it.
#[cfg(target_os = "linux")]
fn as_nobody(cmd: &std::process::Command) -> std::process::Command {
    let mut as_nobody = std::process::Command::new("setpriv");
    as_nobody
        .args(["--reuid=65534", "--regid=65534", "--clear-groups"])
        .arg(cmd.get_program());
    for (var, value) in cmd.get_envs() {
        match value {
            Some(value) => as_nobody.env(var, value),
            None => as_nobody.env_remove(var),
        };
    }
    as_nobody
}

/// A subfolder that cannot be read (another user's, `lost+found`) is
/// skipped and said, the rest read; as is one whose path is longer than
/// the system takes, and its name is cut in the line.
#[test]
#[cfg(target_os = "linux")]
fn a_folder_that_cannot_be_read_is_skipped_not_fatal() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let notes = dir.path().join("notes");
    std::fs::create_dir(&notes).unwrap();
    std::fs::write(notes.join("a.txt"), "8.22\n    1.a\n").unwrap();
    // Deeper than PATH_MAX: made a step at a time, each path short.
    std::fs::create_dir(notes.join("deep")).unwrap();
    let long = "d".repeat(250);
    let made = std::process::Command::new("bash")
        .arg("-c")
        .arg(format!(
            "cd deep && for i in $(seq 20); do mkdir {long} && cd {long} || exit 1; done"
        ))
        .current_dir(&notes)
        .status();
    if !made.is_ok_and(|s| s.success()) {
        eprintln!("skipped: no bash to make a folder deeper than PATH_MAX");
        return;
    }
    let locked = notes.join("locked");
    std::fs::create_dir(&locked).unwrap();
    std::fs::write(locked.join("b.txt"), "8.23\n    1.b\n").unwrap();
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
    let home = common::Home::new();
    let root = std::process::Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| o.stdout.starts_with(b"0\n"));
    let run = |args: &[&str]| {
        let mut cmd = home.std_command();
        if root {
            cmd = as_nobody(&cmd);
        }
        cmd.args(args).arg(&notes).output()
    };
    // nobody must reach the folder: the temporary directory is the user's.
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    let Ok(out) = run(&["list"]) else {
        eprintln!("skipped: cannot run as an ordinary user");
        return;
    };
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{err}");
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).lines().next(),
        Some("8.22  (1 topic)  :1")
    );
    let note = err
        .lines()
        .find(|l| l.starts_with("daynotes: note: skipped"))
        .unwrap();
    assert!(
        note.contains("folder that cannot be read: permission denied (locked)"),
        "{note}"
    );
    assert!(
        note.contains("folder that cannot be read: file name too long (dddd"),
        "{note}"
    );
    assert!(note.len() < 300, "a short line: {note}");
    let out = run(&["check"]).unwrap();
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(said.contains("note: skipped 2 folders:"), "{said}");
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o755)).unwrap();
}

/// A folder whose notes files all fail to be read is an error, naming
/// why, not an empty success.
#[test]
fn a_folder_whose_only_notes_file_cannot_be_read_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("notes.md"), b"8.22\n\0binary").unwrap();
    let out = common::daynotes(&["list", dir.path().to_str().unwrap()])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.starts_with(&format!(
            "daynotes: error: {}: no notes file could be read (skipped 1 file: 1 binary file",
            dir.path().display()
        )),
        "{err}"
    );
}

/// The viewer's first screen of a large file parses only its beginning:
/// up to a line end near the first megabyte, or inside a line that runs on
/// past the next one (a file of one 12 MB line still opens at once).
#[test]
fn a_glimpse_is_cut_inside_a_huge_line() {
    let line = "握手 seq=x ".repeat((3 << 20) / 14);
    let file = daynotes_core::load::Unparsed {
        path: "big.txt".into(),
        text: format!("8.22\n    1.long\n        {line}\n8.23\n").into(),
        warnings: Vec::new(),
    };
    let glimpse = file.glimpse(1 << 20);
    let shown = glimpse.sources[0].text.len();
    assert!(
        shown <= 1 << 20,
        "{shown} bytes parsed for the first screen"
    );
    assert_eq!(glimpse.days.len(), 1);
    // Lines of ordinary length: cut at the line end after the first MB.
    let short = daynotes_core::load::Unparsed {
        path: "n.txt".into(),
        text: "8.22\n    1.a\n        some text\n".repeat(100_000).into(),
        warnings: Vec::new(),
    };
    let text = &short.glimpse(1 << 20).sources[0].text;
    assert!(text.len() >= 1 << 20 && text.ends_with('\n'));
}
