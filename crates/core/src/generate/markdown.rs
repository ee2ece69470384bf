//! Generated notes in markdown: `# YYYY` groups, `## YYYY-MM-DD` days (some
//! with a title after a dash), `### ` topics, bold sub-headings and `####`
//! sections, lists with nested numbered steps, fenced code holding `#`
//! comments and dated log lines, tables, and dated list items in the text
//! that must stay text. Everything starts at the margin, so every line goes
//! through the decorated-heading checks: the slow case for the parser.

use super::{Rng, WORDS_EN, WORDS_ZH, sentence};

/// Writes about `bytes` bytes of markdown notes from `seed`.
pub fn markdown_notes(bytes: usize, seed: u64) -> String {
    let mut rng = Rng(seed.max(1));
    let mut out = String::with_capacity(bytes + 4096);
    let (mut year, mut month, mut day) = (2023, 1, 1);
    out.push_str("# Learning log\n\nWhat I studied, a day at a time.\n\n");
    out.push_str(&format!("# {year}\n\n"));
    while out.len() < bytes {
        day += 1 + rng.below(3);
        if day > 28 {
            day = 1 + rng.below(3);
            month += 1;
            if month > 12 {
                month = 1;
                year += 1;
                out.push_str(&format!("# {year}\n\n"));
            }
        }
        match rng.below(3) {
            0 => out.push_str(&format!("## {year}-{month:02}-{day:02} - review\n\n")),
            _ => out.push_str(&format!("## {year}-{month:02}-{day:02}\n\n")),
        }
        for _ in 0..1 + rng.below(4) {
            topic(&mut out, &mut rng, (year, month, day));
        }
    }
    out
}

/// `files` daily notes from `seed`, one a day from 2000-01-01, as an
/// Obsidian folder keeps them: `(path, text)` with the path
/// `YYYY/MM/YYYY-MM-DD.md`, each a few `##` topics (some with front
/// matter, some Logseq-style bullets instead).
pub fn daily_notes(files: usize, seed: u64) -> Vec<(String, String)> {
    let mut rng = Rng(seed.max(1));
    let start = crate::dates::days_from_civil(2000, 1, 1);
    (0..files)
        .map(|i| {
            let (y, m, d) = crate::dates::civil_from_days(start + i as i64);
            let mut out = String::new();
            if rng.below(4) == 0 {
                out.push_str("---\ntags: [daily]\n---\n");
            }
            if rng.below(3) == 0 {
                for _ in 0..1 + rng.below(4) {
                    out.push_str("- ");
                    sentence(&mut out, &mut rng, 4);
                    out.push_str("\n\t- ");
                    sentence(&mut out, &mut rng, 6);
                    out.push('\n');
                }
            } else {
                for _ in 0..1 + rng.below(3) {
                    out.push('#');
                    topic(&mut out, &mut rng, (y, m as usize, d as usize));
                }
            }
            (format!("{y}/{m:02}/{y}-{m:02}-{d:02}.md"), out)
        })
        .collect()
}

fn topic(out: &mut String, rng: &mut Rng, (year, month, day): (i32, usize, usize)) {
    out.push_str("### ");
    let words = 2 + rng.below(3);
    sentence(out, rng, words);
    out.push_str("\n\n");
    for g in 0..1 + rng.below(3) {
        if rng.below(2) == 0 {
            out.push_str("**");
            sentence(out, rng, 2);
            out.push_str("**:\n");
        } else {
            out.push_str("#### ");
            sentence(out, rng, 2);
            out.push('\n');
        }
        for _ in 0..2 + rng.below(4) {
            out.push_str("- ");
            let words = 3 + rng.below(8);
            sentence(out, rng, words);
            out.push('\n');
            if rng.below(5) == 0 {
                for k in 1..=3 {
                    out.push_str(&format!("  {k}. "));
                    sentence(out, rng, 3);
                    out.push('\n');
                }
            }
        }
        if g == 0 && rng.below(6) == 0 {
            let next = (day % 28) + 1;
            out.push_str(&format!("- {year}-{month:02}-{next:02} deadline for the "));
            out.push_str(rng.pick(WORDS_EN));
            out.push('\n');
        }
        match rng.below(8) {
            0 => {
                out.push_str("\n```sh\n# retry the ");
                out.push_str(rng.pick(WORDS_EN));
                out.push_str(&format!(
                    "\n{year}-{month:02}-{day:02} 12:00:01 INFO started\n```\n"
                ));
            }
            1 => {
                out.push_str("\n| 技术 | 方向 |\n|------|------|\n");
                for _ in 0..2 + rng.below(3) {
                    let (en, zh) = (rng.pick(WORDS_EN), rng.pick(WORDS_ZH));
                    out.push_str(&format!("| {en} | {zh} |\n"));
                }
            }
            _ => {}
        }
        out.push('\n');
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn markdown_notes_parse_into_heading_days_and_topics() {
        let text = super::markdown_notes(200_000, 7);
        assert!(text.len() >= 200_000 && text.len() < 210_000);
        let p = crate::parse::parse(&text);
        assert!(p.days.len() > 100);
        assert!(
            p.days
                .iter()
                .all(|d| d.date.year.is_some() && !d.topics.is_empty())
        );
        assert!(
            p.days
                .iter()
                .flat_map(|d| &d.topics)
                .all(|t| t.number.is_none())
        );
        // The dated list items are lines of their days: no day is found
        // twice, and they are reported once each.
        let mut dates: Vec<_> = p.days.iter().map(|d| d.date).collect();
        dates.dedup();
        assert_eq!(dates.len(), p.days.len());
        assert!(
            p.warnings
                .iter()
                .all(|w| w.message.contains("like a day heading")
                    || w.message.contains("like day headings")),
            "{:?}",
            &p.warnings[..3.min(p.warnings.len())]
        );
        assert_eq!(
            super::markdown_notes(1000, 7),
            super::markdown_notes(1000, 7)
        );
    }
}
