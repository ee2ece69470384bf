//! Plain-text helpers shared by the model's readers: lines with any line
//! end, indentation width, and removing the indentation a body shares.

/// Splits text into lines without their terminators (`\n`, `\r\n` or a lone
/// `\r`). A final line without a terminator is included; an empty text has no
/// lines.
pub fn lines(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = text;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        match memchr::memchr2(b'\n', b'\r', rest.as_bytes()) {
            Some(i) => {
                let line = &rest[..i];
                let skip =
                    if rest.as_bytes()[i] == b'\r' && rest.as_bytes().get(i + 1) == Some(&b'\n') {
                        2
                    } else {
                        1
                    };
                rest = &rest[i + skip..];
                Some(line)
            }
            None => {
                let line = rest;
                rest = "";
                Some(line)
            }
        }
    })
}

/// Width in columns of a line's leading whitespace, a tab counting as
/// [`TAB_WIDTH`] columns (tab stops are not used: the notes are typed with a
/// tab meaning "one level").
pub fn indent_width(line: &str) -> usize {
    line.bytes()
        .take_while(|b| *b == b' ' || *b == b'\t')
        .map(|b| if b == b'\t' { TAB_WIDTH } else { 1 })
        .sum()
}

/// Columns one tab stands for in indentation.
pub const TAB_WIDTH: usize = 4;

/// Removes the common indentation of the non-blank lines of `text` (tabs
/// counting as [`TAB_WIDTH`] columns), keeping relative indentation as spaces.
/// Lines are joined with `\n`; whitespace-only lines become empty; trailing
/// blank lines are dropped.
pub fn dedent(text: &str) -> String {
    let common = lines(text)
        .filter(|l| !l.trim().is_empty())
        .map(indent_width)
        .min()
        .unwrap_or(0);
    let mut out = String::with_capacity(text.len());
    for line in lines(text) {
        if line.trim().is_empty() {
            out.push('\n');
            continue;
        }
        let width = indent_width(line);
        let ws_len = line.len() - line.trim_start_matches([' ', '\t']).len();
        for _ in common..width {
            out.push(' ');
        }
        out.push_str(line[ws_len..].trim_end_matches([' ', '\t']));
        out.push('\n');
    }
    let trimmed = out.trim_end_matches('\n').len();
    out.truncate(trimmed);
    out
}

/// A text that starts with YAML front matter (`---` … `---`, as daily notes
/// write their properties) with its two markers turned into a ```` ```yaml ````
/// fence, so that it shows as the block of data it is rather than as two
/// rules around lines of text. Line for line the same; other texts as they
/// are.
pub fn front_matter_as_fence(text: &str) -> std::borrow::Cow<'_, str> {
    let mut rows = text.split_inclusive('\n');
    if rows.next().map(str::trim_end) != Some("---") {
        return text.into();
    }
    let mut at = text.find('\n').map_or(text.len(), |i| i + 1);
    for row in rows {
        if matches!(row.trim_end(), "---" | "...") {
            let close = &text[at..at + row.len()];
            let ending = &close[close.trim_end().len()..];
            return format!(
                "```yaml\n{}```{ending}{}",
                &text[4..at],
                &text[at + row.len()..]
            )
            .into();
        }
        at += row.len();
    }
    text.into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_splits_on_every_terminator() {
        let got: Vec<_> = lines("a\nb\r\nc\rd").collect();
        assert_eq!(got, ["a", "b", "c", "d"]);
        assert_eq!(lines("a\n").count(), 1);
        assert_eq!(lines("").count(), 0);
        assert_eq!(lines("\n\n").collect::<Vec<_>>(), ["", ""]);
    }

    #[test]
    fn front_matter_becomes_a_yaml_fence() {
        assert_eq!(
            front_matter_as_fence("---\ntitle: x\n---\n# T"),
            "```yaml\ntitle: x\n```\n# T"
        );
        assert_eq!(front_matter_as_fence("---\nno end"), "---\nno end");
        assert_eq!(front_matter_as_fence("text\n---\n"), "text\n---\n");
    }

    #[test]
    fn dedent_keeps_relative_indentation() {
        let body = "        a\n            b\n  \n\tc\n\n";
        // common indent is 4 (the tab); a and b keep their extra columns
        assert_eq!(dedent(body), "    a\n        b\n\nc");
    }
}
