//! Block structure, decided line by line: what each line of a body is.
//!
//! Plain CommonMark would join lines into paragraphs and turn text indented
//! four spaces into code; hand-typed notes mean neither. Here every line stays
//! a line, indentation is only indentation, and only two constructs span
//! several lines: fenced code, and pipe tables (header, `|---|` row, body
//! rows). Pure text in, plain data out: no styles.

use daynotes_core::notes::indent_width;

/// A run of lines laid out together.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Block<'a> {
    /// One line on its own (line index).
    Line(usize),
    /// A fenced code block.
    Fence(Fence<'a>),
    /// Display math: `$$` lines `start..end` ([`super::notebook`]).
    Math {
        /// The opening line.
        start: usize,
        /// One past the closing line.
        end: usize,
    },
    /// A callout: `> [!NOTE]` and the quote lines after it, `start..end`.
    Callout {
        /// The `> [!KIND]` line.
        start: usize,
        /// One past its last line.
        end: usize,
    },
    /// A pipe table: lines `start..end`, the delimiter row at `start + 1`.
    Table {
        /// The header line.
        start: usize,
        /// One past the last row.
        end: usize,
    },
    /// A raw HTML block ([`super::html`]): lines `start..end`, kept as
    /// written.
    Html {
        /// Its first line.
        start: usize,
        /// One past its last line.
        end: usize,
    },
}

/// A fenced code block: the opening line, the code lines, and the closing
/// line when there is one (an unterminated fence runs to the end).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Fence<'a> {
    /// The opening line.
    pub open: usize,
    /// The closing line, if the fence is closed.
    pub close: Option<usize>,
    /// One past the last code line.
    pub end: usize,
    /// Indentation of the opening line, removed from the code lines.
    pub indent: usize,
    /// First word of the info string (`yaml`), possibly empty.
    pub lang: &'a str,
}

/// What one line is, apart from fences and tables.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind<'a> {
    /// Empty or whitespace only.
    Blank,
    /// `---`, `***`, `___` (three or more, spaces allowed between).
    Rule,
    /// `# Title`: the `#`s and any closing `#`s dropped.
    Heading(&'a str),
    /// A line that is one bold run, optionally followed by a colon:
    /// `**第一次握手（SYN）**：`. Kept whole, markers included.
    BoldHeading(&'a str),
    /// A list item: its marker and its text.
    Item(Marker<'a>, &'a str),
    /// `> text`, `> > text`: how many `>` and what follows them.
    Quote(usize, &'a str),
    /// `key:: value`: a property of an outliner's block (Logseq), shown
    /// dimmed as it is written.
    Property(&'a str),
    /// Anything else.
    Text(&'a str),
}

/// A list item's marker.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Marker<'a> {
    /// `-`, `*` or `+`.
    Bullet,
    /// `1.` or `1)` as written.
    Ordered(&'a str),
}

/// A line's indentation in columns and what the rest of it is.
pub(crate) fn classify(line: &str) -> (usize, Kind<'_>) {
    let rest = line.trim_matches([' ', '\t']);
    let indent = indent_width(line);
    if rest.is_empty() {
        return (indent, Kind::Blank);
    }
    (indent, kind(rest))
}

/// What a trimmed, non-empty line is.
fn kind(rest: &str) -> Kind<'_> {
    if is_rule(rest) {
        return Kind::Rule;
    }
    if let Some(title) = heading(rest) {
        return Kind::Heading(title);
    }
    if rest.starts_with('>') {
        let mut depth = 0;
        let mut inner = rest;
        while let Some(after) = inner.strip_prefix('>') {
            depth += 1;
            inner = after.strip_prefix(' ').unwrap_or(after).trim_start();
        }
        return Kind::Quote(depth, inner);
    }
    if let Some((marker, text)) = item(rest) {
        return Kind::Item(marker, text);
    }
    if is_bold_heading(rest) {
        return Kind::BoldHeading(rest);
    }
    if is_property(rest) {
        return Kind::Property(rest);
    }
    Kind::Text(rest)
}

/// `collapsed:: true`, `card-ease-factor:: 2.5`, `tags:: #a, #b`: a name
/// of letters, digits, `-` and `_`, then `::` and a space or the end.
fn is_property(s: &str) -> bool {
    let Some(at) = s.find("::") else {
        return false;
    };
    let name = &s[..at];
    let after = &s[at + 2..];
    !name.is_empty()
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        && (after.is_empty() || after.starts_with(' '))
}

/// Classifies the part of a quote line after its `>`s (no fences or tables
/// inside quotes).
pub(crate) fn classify_quoted(rest: &str) -> Kind<'_> {
    if rest.trim().is_empty() {
        Kind::Blank
    } else {
        kind(rest.trim())
    }
}

fn is_rule(s: &str) -> bool {
    let Some(c) = s.chars().next() else {
        return false;
    };
    matches!(c, '-' | '*' | '_')
        && s.chars().all(|x| x == c || x == ' ' || x == '\t')
        && s.chars().filter(|&x| x == c).count() >= 3
}

fn heading(s: &str) -> Option<&str> {
    let hashes = s.bytes().take_while(|&b| b == b'#').count();
    if !(1..=6).contains(&hashes) {
        return None;
    }
    let after = &s[hashes..];
    if !after.is_empty() && !after.starts_with([' ', '\t']) {
        return None;
    }
    let title = after.trim();
    // A closing run of `#`s is dropped when a space separates it.
    let without = title.trim_end_matches('#');
    if without.is_empty() {
        return Some("");
    }
    if without.len() < title.len() && without.ends_with([' ', '\t']) {
        return Some(without.trim_end());
    }
    Some(title)
}

fn item(s: &str) -> Option<(Marker<'_>, &str)> {
    let b = s.as_bytes();
    if matches!(b[0], b'-' | b'*' | b'+') {
        return match b.get(1) {
            None => Some((Marker::Bullet, "")),
            Some(b' ' | b'\t') => Some((Marker::Bullet, s[1..].trim_start())),
            _ => None,
        };
    }
    let digits = b.iter().take_while(|c| c.is_ascii_digit()).count();
    if (1..=9).contains(&digits) && matches!(b.get(digits), Some(b'.' | b')')) {
        let text = &s[digits + 1..];
        if text.is_empty() || text.starts_with([' ', '\t']) {
            return Some((Marker::Ordered(&s[..=digits]), text.trim_start()));
        }
    }
    None
}

/// `**…**` with nothing after it but an optional colon, and no other `**`
/// inside (`**a** and **b**` is a line with two bold words, not a heading);
/// bold as CommonMark reads it (`** a**` is text).
fn is_bold_heading(s: &str) -> bool {
    let Some(inner) = s.strip_prefix("**") else {
        return false;
    };
    let before_colon = inner
        .strip_suffix('：')
        .or_else(|| inner.strip_suffix(':'))
        .unwrap_or(inner)
        .trim_end();
    let after = inner[before_colon.len()..].chars().next();
    match before_colon.strip_suffix("**") {
        Some(body) => {
            !body.trim().is_empty()
                && !body.contains("**")
                && daynotes_core::notes::emphasis::encloses(b'*', body, after)
        }
        None => false,
    }
}

/// The fence that `line` opens: indentation, fence character, length, and
/// the language word.
fn fence_open(line: &str) -> Option<(usize, u8, usize, &str)> {
    let rest = line.trim_start_matches([' ', '\t']);
    // `- ```rust`: Logseq's block of code, its lines under the text.
    let (rest, marker) = match rest.as_bytes() {
        [b'-' | b'*' | b'+', b' ', b'`' | b'~', ..] => (&rest[2..], 2),
        _ => (rest, 0),
    };
    let c = *rest.as_bytes().first()?;
    if c != b'`' && c != b'~' {
        return None;
    }
    let len = rest.bytes().take_while(|&b| b == c).count();
    if len < 3 {
        return None;
    }
    let info = rest[len..].trim();
    if c == b'`' && info.contains('`') {
        // ```code``` on one line is inline code, not a fence.
        return None;
    }
    let lang = info.split_whitespace().next().unwrap_or("");
    Some((indent_width(line) + marker, c, len, lang))
}

fn closes(line: &str, c: u8, len: usize) -> bool {
    let rest = line.trim();
    rest.len() >= len && rest.bytes().all(|b| b == c)
}

/// Cells of a table row: split on `|` not escaped by `\`, outer pipes
/// dropped, each cell trimmed.
pub(crate) fn cells(line: &str) -> Vec<&str> {
    let mut row = line.trim();
    row = row.strip_prefix('|').unwrap_or(row);
    if row.ends_with('|') && !row.ends_with("\\|") {
        row = &row[..row.len() - 1];
    }
    let mut out = Vec::new();
    let mut start = 0;
    let mut escaped = false;
    for (i, b) in row.bytes().enumerate() {
        match b {
            b'\\' => escaped = !escaped,
            b'|' if !escaped => {
                out.push(row[start..i].trim());
                start = i + 1;
            }
            _ => escaped = false,
        }
    }
    out.push(row[start..].trim());
    out
}

/// Column alignment from a delimiter row.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) enum Align {
    /// `---` or `:---`
    #[default]
    Left,
    /// `:---:`
    Center,
    /// `---:`
    Right,
}

/// The alignments of a delimiter row (`|---|:---:|`), or `None` when the
/// line is not one.
pub(crate) fn delimiter_row(line: &str) -> Option<Vec<Align>> {
    if !line.contains('-') || !line.bytes().all(|b| b"|:- \t".contains(&b)) {
        return None;
    }
    cells(line)
        .into_iter()
        .map(|cell| {
            let left = cell.starts_with(':');
            let right = cell.ends_with(':');
            let dashes = cell.trim_matches(':');
            if dashes.is_empty() || !dashes.bytes().all(|b| b == b'-') {
                return None;
            }
            Some(match (left, right) {
                (true, true) => Align::Center,
                (false, true) => Align::Right,
                _ => Align::Left,
            })
        })
        .collect()
}

fn starts_table(lines: &[&str], i: usize) -> bool {
    let (Some(head), Some(delim)) = (lines.get(i), lines.get(i + 1)) else {
        return false;
    };
    if !head.contains('|') || !delim.contains('|') {
        return false;
    }
    match delimiter_row(delim) {
        Some(aligns) => aligns.len() == cells(head).len(),
        None => false,
    }
}

/// Groups the lines of a body into blocks, in order, covering every line
/// exactly once.
pub(crate) fn blocks<'a>(lines: &[&'a str]) -> Vec<Block<'a>> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        if let Some((indent, c, len, lang)) = fence_open(lines[i]) {
            let close = (i + 1..lines.len()).find(|&j| closes(lines[j], c, len));
            let end = close.unwrap_or(lines.len());
            out.push(Block::Fence(Fence {
                open: i,
                close,
                end,
                indent,
                lang,
            }));
            i = close.map_or(end, |c| c + 1);
        } else if let Some(end) = super::notebook::math_end(lines, i) {
            out.push(Block::Math { start: i, end });
            i = end;
        } else if let Some(end) = super::notebook::callout_end(lines, i) {
            out.push(Block::Callout { start: i, end });
            i = end;
        } else if starts_table(lines, i) {
            let mut end = i + 2;
            while end < lines.len() && lines[end].contains('|') && fence_open(lines[end]).is_none()
            {
                end += 1;
            }
            out.push(Block::Table { start: i, end });
            i = end;
        } else if let Some(end) = super::html::block(lines, i) {
            out.push(Block::Html { start: i, end });
            i = end;
        } else {
            out.push(Block::Line(i));
            i += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_kinds() {
        assert_eq!(classify(""), (0, Kind::Blank));
        assert_eq!(classify("  ---"), (2, Kind::Rule));
        assert_eq!(classify("* * *"), (0, Kind::Rule));
        assert_eq!(classify("## Title ##"), (0, Kind::Heading("Title")));
        assert_eq!(classify("#hashtag"), (0, Kind::Text("#hashtag")));
        assert_eq!(classify("> > deep"), (0, Kind::Quote(2, "deep")));
        assert_eq!(
            classify("    - item"),
            (4, Kind::Item(Marker::Bullet, "item"))
        );
        assert_eq!(
            classify("12) twelve"),
            (0, Kind::Item(Marker::Ordered("12)"), "twelve"))
        );
        // The seed's topic numbering and Chinese numbering are not lists.
        assert_eq!(classify("1.tcp握手"), (0, Kind::Text("1.tcp握手")));
        assert_eq!(classify("（1）、第一"), (0, Kind::Text("（1）、第一")));
    }

    #[test]
    fn bold_only_lines_are_headings() {
        for s in [
            "**第一次握手（SYN）**：",
            "**为什么需要三次握手？**",
            "**1. 高可用架构**:",
        ] {
            assert_eq!(classify(s).1, Kind::BoldHeading(s), "{s}");
        }
        for s in [
            "**a** and **b**",
            "**bold** then text",
            "****",
            "** a**",
            "**a **：",
        ] {
            assert!(!matches!(classify(s).1, Kind::BoldHeading(_)), "{s}");
        }
    }

    #[test]
    fn logseq_properties_and_code_under_a_bullet() {
        assert_eq!(
            classify("  collapsed:: true"),
            (2, Kind::Property("collapsed:: true"))
        );
        assert_eq!(classify("tags::"), (0, Kind::Property("tags::")));
        for s in ["a::b", "see: this", "std::mem::swap", "two words:: x"] {
            assert!(!matches!(classify(s).1, Kind::Property(_)), "{s}");
        }
        // `- ```rust` opens a fence whose lines stand under the bullet's
        // text; `#` inside is code.
        let lines = ["- ```rust", "  # not a heading", "  ```", "- next"];
        assert_eq!(
            blocks(&lines),
            [
                Block::Fence(Fence {
                    open: 0,
                    close: Some(2),
                    end: 2,
                    indent: 2,
                    lang: "rust"
                }),
                Block::Line(3),
            ]
        );
    }

    #[test]
    fn fences_and_tables_group_lines() {
        let lines = [
            "text",
            "~~~yaml x",
            "  a: 1",
            "~~~",
            "| a | b |",
            "|:-:|--:|",
            "| 1 | 2 |",
            "after",
            "```",
            "open to the end",
        ];
        assert_eq!(
            blocks(&lines),
            [
                Block::Line(0),
                Block::Fence(Fence {
                    open: 1,
                    close: Some(3),
                    end: 3,
                    indent: 0,
                    lang: "yaml"
                }),
                Block::Table { start: 4, end: 7 },
                Block::Line(7),
                Block::Fence(Fence {
                    open: 8,
                    close: None,
                    end: 10,
                    indent: 0,
                    lang: ""
                }),
            ]
        );
        assert_eq!(
            delimiter_row("|:-:|--:|"),
            Some(vec![Align::Center, Align::Right])
        );
    }

    #[test]
    fn cells_split_on_unescaped_pipes() {
        assert_eq!(
            cells("| SSE  |    单向  | a\\|b |"),
            ["SSE", "单向", "a\\|b"]
        );
        assert_eq!(cells("a | b"), ["a", "b"]);
    }

    #[test]
    fn raw_html_is_a_block_of_its_own() {
        let lines = ["text", "", "<div>", "*a*", "", "<!-- x -->", "after"];
        assert_eq!(
            blocks(&lines),
            [
                Block::Line(0),
                Block::Line(1),
                Block::Html { start: 2, end: 4 },
                Block::Line(4),
                Block::Html { start: 5, end: 6 },
                Block::Line(6),
            ]
        );
    }

    #[test]
    fn a_rule_under_text_is_not_a_table() {
        assert_eq!(blocks(&["a | b", "---"]), [Block::Line(0), Block::Line(1)]);
    }
}
