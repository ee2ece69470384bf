//! `daynotes review`: the cards and their state for the viewer, and
//! `--list` / `--stats` (plain or JSON) without it.

use std::io::Write;
use std::process::ExitCode;

use crate::cli::ReviewArgs;
use daynotes_core::dates::Axis;
use daynotes_core::notes::Notebook;
use daynotes_core::review::{Day, Deck, Listed, Phase, ReviewSettings, StateFile, store};
use daynotes_core::sanitize::one_line;

/// The cards of `nb` with the state of each of its files, read from the
/// state directory, and the warnings (a file moved aside). With `build`
/// false the cards are left to be made when needed (the viewer). `folder`
/// is the notes folder read, if one was: the state is never kept in it.
pub fn open_deck(
    nb: &Notebook,
    settings: ReviewSettings,
    axis: &Axis,
    build: bool,
    folder: Option<&std::path::Path>,
) -> (Deck, Vec<String>) {
    // Resolved once (its links and `..`), not once a file.
    let mut dir = store::state_dir().map(|d| daynotes_core::state_dir::resolved(&d));
    let mut warnings = Vec::new();
    let mut inside = false;
    if let (Some(d), Some(folder)) = (&dir, folder)
        && store::inside_notes(d, folder, true)
    {
        warnings.push(store::inside_warning(d));
        (dir, inside) = (None, true);
    }
    // The state files there are, listed once: most notes files have none.
    let present: Option<std::collections::HashSet<std::ffi::OsString>> = dir
        .as_deref()
        .and_then(|d| std::fs::read_dir(d).ok())
        .map(|entries| {
            entries
                .filter_map(|e| e.ok())
                .map(|e| e.file_name())
                .collect()
        });
    let may_exist = |p: &std::path::Path| {
        present
            .as_ref()
            .is_some_and(|names| p.file_name().is_some_and(|n| names.contains(n)))
    };
    let mut namer = store::Namer::default();
    let files: Vec<StateFile> = nb
        .sources
        .iter()
        .map(|s| {
            let key = namer.key(&s.path);
            let (file, warning) = StateFile::open_key(dir.as_deref(), key, may_exist);
            if !inside {
                // When inside, it was said once above, for the folder.
                warnings.extend(warning);
            }
            file
        })
        .collect();
    if !build {
        return (Deck::unbuilt(settings, files), warnings);
    }
    let days: Vec<i64> = (0..axis.len())
        .map(|i| axis.date(i).map_or(0, |d| Day::of(d).0))
        .collect();
    (Deck::new(nb, settings, files, &days), warnings)
}

/// `--list` or `--stats`, plain or JSON.
pub fn run(
    args: &ReviewArgs,
    deck: &Deck,
    nb: &Notebook,
    w: &mut dyn Write,
) -> anyhow::Result<ExitCode> {
    let today = Day::of(daynotes_core::dates::today());
    if args.stats {
        stats(deck, today, args.json, w)?;
    } else {
        list(deck, nb, today, args.json, w)?;
    }
    Ok(ExitCode::SUCCESS)
}

fn phase_name(m: Option<&daynotes_core::review::Memory>) -> &'static str {
    match m.map(|m| m.phase) {
        None => "new",
        Some(Phase::Learning) => "learning",
        Some(Phase::Review) => "review",
        Some(Phase::Relearning) => "relearning",
    }
}

fn list(
    deck: &Deck,
    nb: &Notebook,
    today: Day,
    json: bool,
    w: &mut dyn Write,
) -> anyhow::Result<()> {
    let listed = deck.listed(today);
    let several = nb.sources.len() > 1;
    if json {
        let items: Vec<serde_json::Value> = listed
            .iter()
            .map(|Listed { card, memory }| {
                serde_json::json!({
                    "card": card.key,
                    "source": nb.sources.get(card.source).map(|s| s.path.as_str()),
                    "line": card.line,
                    "state": phase_name(*memory),
                    "due": memory.map(|m| m.due.to_string()),
                    "interval_days": memory.map(daynotes_core::review::Memory::interval),
                })
            })
            .collect();
        serde_json::to_writer_pretty(&mut *w, &items)?;
        writeln!(w)?;
        return Ok(());
    }
    for Listed { card, memory } in &listed {
        let (due, interval) = match memory {
            None => ("new".to_string(), String::new()),
            Some(m) => (m.due.to_string(), format!("{}d", m.interval())),
        };
        // The file's name made safe alone: `one_line` trims, and would
        // take the spaces before it.
        let file = if several {
            let path = nb.sources.get(card.source).map_or("", |s| s.path.as_str());
            format!("  ({})", one_line(daynotes_view::label::file_name(path)))
        } else {
            String::new()
        };
        writeln!(w, "{due:<10}  {interval:>5}  {}{file}", one_line(&card.key),)?;
    }
    if listed.is_empty() {
        writeln!(w, "nothing to review today")?;
    }
    Ok(())
}

fn stats(deck: &Deck, today: Day, json: bool, w: &mut dyn Write) -> anyhow::Result<()> {
    let s = deck.stats(today);
    let files: Vec<String> = deck
        .files
        .iter()
        .map(|f| {
            f.path
                .as_ref()
                .map_or("(not kept)".into(), |p| p.display().to_string())
        })
        .collect();
    if json {
        let value = serde_json::json!({
            "cards": s.cards,
            "new": s.new,
            "new_today": s.new_today,
            "learning": s.learning,
            "due_today": s.due,
            "reviewed_this_week": s.reviewed_week,
            "retention": s.retention,
            "state_files": files,
        });
        serde_json::to_writer_pretty(&mut *w, &value)?;
        writeln!(w)?;
        return Ok(());
    }
    let retention = s
        .retention
        .map_or("— (no reviews of remembered cards yet)".into(), |r| {
            format!("{:.0} %", r * 100.0)
        });
    writeln!(w, "cards                {:>5}", s.cards)?;
    writeln!(
        w,
        "new                  {:>5}  ({} may come today)",
        s.new, s.new_today
    )?;
    writeln!(w, "learning             {:>5}", s.learning)?;
    writeln!(w, "due today            {:>5}", s.due)?;
    writeln!(w, "reviewed this week   {:>5}", s.reviewed_week)?;
    writeln!(w, "retention (30 days)  {retention}")?;
    for f in files {
        writeln!(w, "state                {}", one_line(&f))?;
    }
    Ok(())
}
