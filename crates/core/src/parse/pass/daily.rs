//! A daily note, a file named by its date (`2024-01-02.md`): the whole file
//! is that day, from its first line. Its title is the front matter's
//! `title:`, else a `# Title` line that is the file's only top heading,
//! else what the file name says after the date; the front matter and the
//! title line are its preamble, read as code.
//!
//! ```text
//! ---                    front matter: preamble, nothing in it is a heading
//! tags: [daily]
//! ---
//! # Tuesday review       the title (the only `#` heading)
//! ## Reading             topics: the shallowest headings, else list items
//! ## 2024-01-03          a date written inside still starts a day of its own
//! ```

use super::super::classify::{atx_heading, strip_colon};
use super::super::heading::Deco;
use super::{Open, Pass};
use crate::dates::HeadingDate;
use crate::notes::{Day, NoteDate, Span};

/// The day level of a daily note: below every heading, so that its
/// shallowest headings are its topics and none of them is a divider.
const FILE_DAY: Deco = Deco::Atx(0);

impl Pass<'_> {
    /// Opens the file's own day, of `date` (with its year).
    pub(in crate::parse) fn begin_file_day(&mut self, date: HeadingDate, name_title: Option<&str>) {
        let text = self.text;
        let (front_end, front_title) = front_matter(text);
        self.front_matter_end = front_end;
        // A first line that is a heading of the file's own date is its
        // day's heading, not a second day of the same date.
        let (heading, own_title) = match own_heading(text, front_end, date) {
            Some((start, title)) => (Some((start, "")), title),
            None => (title_line(text, front_end), None),
        };
        self.title_line = heading.map(|(start, _)| start);
        let same_date = |t: &&str| crate::dates::parse_heading_date(t) == Some(date);
        let title = front_title
            .or(own_title.as_deref())
            .or(heading.map(|(_, t)| t))
            .or(name_title)
            .filter(|t| !t.is_empty() && !same_date(t));
        self.out.days.push(Day {
            source: 0,
            date: NoteDate {
                year: date.year,
                month: date.month as u8,
                day: date.day as u8,
            },
            title: title.map(Box::from),
            heading: Span::empty(0, 1),
            preamble: Span::empty(0, 1),
            topics: Box::default(),
            counted: 0,
        });
        self.open = Open::Day(FILE_DAY);
        self.region = (0, 1);
        self.day.begin(FILE_DAY, 0, 1);
        self.year = date.year;
        self.last_month = Some(date.month);
        self.outer = Some(0);
    }
}

/// The end of a YAML front matter block at the start of `text` (`---` …
/// `---` or `...`), and its `title:`; `(0, None)` when there is none.
fn front_matter(text: &str) -> (usize, Option<&str>) {
    let mut lines = text.split_inclusive('\n');
    if lines.next().map(str::trim_end) != Some("---") {
        return (0, None);
    }
    let mut at = text.find('\n').map_or(text.len(), |i| i + 1);
    let mut title = None;
    for line in lines {
        at += line.len();
        let bare = line.trim_end();
        if bare == "---" || bare == "..." {
            return (at, title);
        }
        if let Some(value) = bare.strip_prefix("title:") {
            let value = value.trim().trim_matches(['"', '\'']);
            title = Some(value).filter(|v| !v.is_empty());
        }
    }
    // Never closed: not front matter.
    (0, None)
}

/// The first non-blank line after byte `from`, when it is a heading of the
/// day `date` (`## 2024-01-03 Wednesday` in `2024-01-03.md`): its start
/// and the title it gives after the date.
fn own_heading(text: &str, from: usize, date: HeadingDate) -> Option<(usize, Option<String>)> {
    let rest = &text[from..];
    let skip = rest.len() - rest.trim_start().len();
    let start = from + rest[..skip].rfind('\n').map_or(0, |i| i + 1);
    let line = text[start..].lines().next()?.trim();
    if line.is_empty() {
        return None;
    }
    let super::super::heading::Verdict::Day(h) = super::super::heading::day_heading(line) else {
        return None;
    };
    let same = (h.date.month, h.date.day) == (date.month, date.day)
        && h.date.year.is_none_or(|y| Some(y) == date.year);
    same.then_some((start, h.title))
}

/// The first non-blank line after byte `from`, when it is a `# Title` and
/// the only `#` heading of the file: its start and title.
fn title_line(text: &str, from: usize) -> Option<(usize, &str)> {
    let rest = &text[from..];
    let skip = rest.len() - rest.trim_start().len();
    // The start of the line the first non-blank character is on.
    let start = from + rest[..skip].rfind('\n').map_or(0, |i| i + 1);
    let line = text[start..].lines().next()?;
    let (level, title) = atx_heading(line.trim())?;
    (level == 1 && top_headings(text) == 1).then_some((start, strip_colon(title)))
}

/// How many lines of `text` are a top heading (`# …`, or `#` alone),
/// counted up to two: the lines' starts found with `memchr`, where a walk
/// of every line cost a daily note a pass of its own.
fn top_headings(text: &str) -> usize {
    let b = text.as_bytes();
    // `#` at `at` starts a line: a heading when a space or the line's end
    // follows.
    let top = |at: usize| match b.get(at + 1) {
        None | Some(b' ' | b'\n') => true,
        Some(b'\r') => b.get(at + 2) == Some(&b'\n'),
        _ => false,
    };
    let mut n = usize::from(b.first() == Some(&b'#') && top(0));
    for i in memchr::memmem::find_iter(b, b"\n#") {
        if n > 1 {
            break;
        }
        n += usize::from(top(i + 1));
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn front_matter_and_its_title() {
        let text = "---\ntitle: \"Review\"\ntags: [a]\n---\n# Heading\n";
        let (end, title) = front_matter(text);
        assert_eq!(
            (&text[..end], title),
            ("---\ntitle: \"Review\"\ntags: [a]\n---\n", Some("Review"))
        );
        assert_eq!(front_matter("---\nno end\n"), (0, None));
        assert_eq!(front_matter("text\n---\n"), (0, None));
    }

    #[test]
    fn a_title_line_is_the_only_top_heading() {
        let text = "\n# Tuesday\n## A\n";
        assert_eq!(title_line(text, 0), Some((1, "Tuesday")));
        assert_eq!(title_line("# Tasks\n# Notes\n", 0), None);
        assert_eq!(title_line("## A\n# B\n", 0), None);
        let fm = "---\nx: 1\n---\n# T\n";
        assert_eq!(title_line(fm, 13), Some((13, "T")));
    }

    #[test]
    fn top_headings_are_counted_as_lines_are() {
        let by_lines = |text: &str| {
            text.lines()
                .filter(|l| l.starts_with("# ") || *l == "#")
                .count()
                .min(2)
        };
        for text in [
            "",
            "#",
            "# A",
            "#A\n",
            "# A\n# B\n",
            "x\n#\n",
            "x\n#\r\n",
            "x\n#\r",
            "x\n#\ry",
            "x\n ## A",
            "## A\n#B\n# C",
            "\n\n# A\n## B\n#",
            "# A\r\n# B",
        ] {
            assert_eq!(top_headings(text).min(2), by_lines(text), "{text:?}");
        }
    }
}
