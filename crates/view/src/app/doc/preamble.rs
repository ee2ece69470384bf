//! A daily note's preamble without what repeats its title: the title is
//! shown in the day's heading, once.

/// Which `lines` of a day's preamble (its front matter made a ```` ```yaml
/// ```` fence) to show: not a `# Title` or a front matter `title:` that
/// say `title` again, nor a front matter left empty.
///
/// ```text
/// ```yaml          left out: the fence holds nothing else
/// title: Kickoff   left out
/// ```              left out
/// # Kickoff        left out
/// Notes of the day
/// ```
pub(super) fn unrepeated(lines: &[&str], title: Option<&str>) -> Vec<bool> {
    let mut keep = vec![true; lines.len()];
    let Some(title) = title.map(str::trim).filter(|t| !t.is_empty()) else {
        return keep;
    };
    let same = |s: &str| s.trim().trim_matches(['"', '\'']).trim() == title;
    let mut i = 0;
    if lines.first().is_some_and(|l| l.trim_end() == "```yaml")
        && let Some(close) = lines.iter().skip(1).position(|l| l.trim_end() == "```")
    {
        let close = close + 1;
        for (j, line) in lines.iter().enumerate().take(close).skip(1) {
            if line.strip_prefix("title:").is_some_and(same) {
                keep[j] = false;
            }
        }
        let empty = (1..close).all(|j| !keep[j] || lines[j].trim().is_empty());
        if empty {
            keep[..=close].iter_mut().for_each(|k| *k = false);
        }
        i = close + 1;
    }
    while lines.get(i).is_some_and(|l| l.trim().is_empty()) {
        i += 1;
    }
    let h1 = lines.get(i).and_then(|l| l.trim().strip_prefix("# "));
    if h1.is_some_and(|t| same(t.trim_end_matches('#'))) {
        keep[i] = false;
    }
    keep
}

#[cfg(test)]
mod tests {
    use super::unrepeated;

    #[test]
    fn what_repeats_the_title_is_left_out() {
        let lines = ["```yaml", "title: Kickoff", "```", "# Kickoff", "", "text"];
        assert_eq!(
            unrepeated(&lines, Some("Kickoff")),
            [false, false, false, false, true, true]
        );
        // Other keys keep the block; another title keeps its line.
        let lines = [
            "```yaml",
            "title: \"Networking day\"",
            "tags: [a]",
            "```",
            "# Wednesday",
        ];
        assert_eq!(
            unrepeated(&lines, Some("Networking day")),
            [true, false, true, true, true]
        );
        assert_eq!(unrepeated(&["# Kickoff"], None), [true]);
    }
}
