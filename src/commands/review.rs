//! `daynotes review`: the cards and their state for the viewer, and
//! `--list` (today's, a cram's, the suspended), `--stats`, `--unsuspend`
//! without it.

mod list;

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use crate::cli::{CardFilters, ReviewArgs};
use daynotes_core::dates::{AssumedYear, Axis, DateExpr};
use daynotes_core::notes::Notebook;
use daynotes_core::review::{DayNumber, Deck, ReviewSettings, Selection, StateFile, store};
use daynotes_core::sanitize::one_line;

/// The cards of `nb` with the state of its notes — one state for the file
/// `target`, or for the folder (the states earlier versions kept per file
/// folded in, to be saved with the first change) — read from the state
/// directory, and the warnings (a file moved aside). With `build` false the
/// cards are left to be made when needed (the viewer).
pub fn open_deck(
    nb: &Notebook,
    settings: ReviewSettings,
    axis: &Axis,
    build: bool,
    target: Option<&Path>,
) -> (Deck, Vec<String>) {
    // Resolved once (its links and `..`), not once a file.
    let mut dir = store::state_dir().map(|d| daynotes_core::state_dir::resolved(&d));
    let mut warnings = Vec::new();
    let folder = target.filter(|t| t.is_dir());
    if let (Some(d), Some(folder)) = (&dir, folder)
        && store::inside_notes(d, folder, true)
    {
        warnings.push(store::inside_warning(d));
        dir = None;
    }
    // The state files there are, listed once: most notes files of a folder
    // never had one.
    let present: Option<std::collections::HashSet<std::ffi::OsString>> = dir
        .as_deref()
        .and_then(|d| std::fs::read_dir(d).ok())
        .map(|entries| {
            entries
                .filter_map(|e| e.ok())
                .map(|e| e.file_name())
                .collect()
        });
    let may_exist = |p: &Path| {
        present
            .as_ref()
            .is_some_and(|names| p.file_name().is_some_and(|n| names.contains(n)))
    };
    let mut namer = store::Namer::default();
    let key = match target {
        Some(t) => namer.key(&t.to_string_lossy()),
        None => nb
            .sources
            .first()
            .map_or_else(String::new, |s| namer.key(&s.path)),
    };
    let (mut file, warning) = StateFile::open_key(dir.as_deref(), key, may_exist);
    if folder.is_none() || dir.is_some() {
        // Inside a folder of notes, it was said once above.
        warnings.extend(warning);
    }
    let mut merged = Vec::new();
    if let (Some(d), Some(_)) = (dir.as_deref(), folder) {
        let keys = nb.sources.iter().map(|s| namer.key(&s.path));
        let (changes, more) = file.fold_in(d, keys.collect::<Vec<_>>(), may_exist);
        merged = changes;
        warnings.extend(more);
    }
    let mut deck = if build {
        Deck::new(nb, settings, file, &day_numbers(axis))
    } else {
        Deck::unbuilt(settings, file)
    };
    deck.pending = merged;
    (deck, warnings)
}

/// The day number of each day on `axis`.
pub fn day_numbers(axis: &Axis) -> Vec<i64> {
    (0..axis.len())
        .map(|i| axis.date(i).map_or(0, |d| DayNumber::of(d).0))
        .collect()
}

/// `--from`, `--to` and `--match` read: dates without a year are in the
/// assumed year.
pub fn selection(filters: &CardFilters, assumed: AssumedYear) -> anyhow::Result<Selection> {
    let day = |flag: &str, text: &Option<String>| -> anyhow::Result<Option<DayNumber>> {
        let Some(text) = text else { return Ok(None) };
        let expr =
            daynotes_core::dates::parse_expr(text).map_err(|e| anyhow::anyhow!("{flag}: {e}"))?;
        let today = DayNumber::of(daynotes_core::dates::today());
        let day = match expr {
            DateExpr::Date { year, month, day } => {
                DayNumber::of((year.unwrap_or(assumed.year), month, day))
            }
            DateExpr::FromToday(n) => today.plus(n),
            DateExpr::DayOfMonth(_) | DateExpr::FromSelected(_) => anyhow::bail!(
                "{flag}: {text:?} is no day: give a date (8.22, 2025-08-22) or days from today (today, -7)"
            ),
        };
        Ok(Some(day))
    };
    Ok(Selection {
        from: day("--from", &filters.from)?,
        to: day("--to", &filters.to)?,
        words: filters.words.clone().filter(|w| !w.trim().is_empty()),
    })
}

/// `--list`, `--stats` or `--unsuspend`, plain or JSON.
pub fn run(
    args: &ReviewArgs,
    deck: &mut Deck,
    nb: &Notebook,
    assumed: AssumedYear,
    w: &mut dyn Write,
) -> anyhow::Result<ExitCode> {
    let today = DayNumber::of(daynotes_core::dates::today());
    if !args.unsuspend.is_empty() {
        return unsuspend(&args.unsuspend, deck, today, w);
    }
    if args.stats {
        stats(deck, today, args.json, w)?;
        return Ok(ExitCode::SUCCESS);
    }
    let selection = selection(&args.cards, assumed)?;
    let cards: Vec<usize> = if args.suspended {
        deck.suspended()
    } else if args.cram {
        selection.cards(deck, nb)
    } else {
        deck.queue(today)
    };
    let cards: Vec<usize> = cards
        .into_iter()
        .filter(|&i| selection.holds(deck, nb, i))
        .collect();
    let empty = if args.suspended {
        "no card is suspended"
    } else if args.cram {
        "no card to cram"
    } else {
        "nothing to review today"
    };
    list::write(deck, nb, &cards, args.json, empty, w)?;
    Ok(ExitCode::SUCCESS)
}

/// `--unsuspend`: each card named back, saved at once; an unknown name is
/// an error naming what is suspended.
fn unsuspend(
    names: &[String],
    deck: &mut Deck,
    today: DayNumber,
    w: &mut dyn Write,
) -> anyhow::Result<ExitCode> {
    let suspended: Vec<String> = deck.file.state.suspended.iter().cloned().collect();
    let wanted: Vec<String> = if names.iter().any(|n| n == "all") {
        suspended.clone()
    } else {
        names.iter().map(|n| n.trim().to_string()).collect()
    };
    for name in &wanted {
        if !suspended.contains(name) {
            let known = if suspended.is_empty() {
                "no card is suspended".to_string()
            } else {
                format!("suspended: {}", suspended.join("; "))
            };
            anyhow::bail!(
                "{}",
                one_line(&format!("no suspended card {name:?}; {known}"))
            );
        }
    }
    for name in &wanted {
        deck.suspend(name, false);
    }
    if let Err(e) = deck.save(today) {
        anyhow::bail!("review state not saved: {e}");
    }
    for name in &wanted {
        writeln!(w, "taken back: {}", one_line(name))?;
    }
    Ok(ExitCode::SUCCESS)
}

fn stats(deck: &Deck, today: DayNumber, json: bool, w: &mut dyn Write) -> anyhow::Result<()> {
    let s = deck.stats(today);
    let file = deck
        .file
        .path
        .as_ref()
        .map_or("(not kept)".into(), |p| p.display().to_string());
    if json {
        let value = serde_json::json!({
            "cards": s.cards,
            "new": s.new,
            "new_today": s.new_today,
            "learning": s.learning,
            "due_today": s.due,
            "suspended": s.suspended,
            "buried": s.buried,
            "reviewed_this_week": s.reviewed_week,
            "retention": s.retention,
            "state_file": file,
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
    writeln!(
        w,
        "due today            {:>5}  ({} rated again, still learning)",
        s.due, s.learning
    )?;
    if s.suspended + s.buried > 0 {
        writeln!(w, "suspended            {:>5}", s.suspended)?;
        writeln!(w, "buried until tomorrow{:>5}", s.buried)?;
    }
    writeln!(w, "reviewed this week   {:>5}", s.reviewed_week)?;
    writeln!(w, "retention (30 days)  {retention}")?;
    writeln!(w, "state                {}", one_line(&file))?;
    Ok(())
}
