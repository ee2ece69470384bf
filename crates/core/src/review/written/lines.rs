//! The lines of a piece of notes as the card finder sees them: which are
//! code (never a card), blank, list items (and how deep), and property
//! lines (`card-repeats:: 3`, `tags:: net`: fields of Logseq and Dataview,
//! never cards nor part of an answer).
//!
//! ~~~text
//! - What is a pod? #card        item, indent 0
//!   card-repeats:: 1            property (Logseq's own review data)
//!     - the smallest unit       item, indent 2 (a child)
//! ```py                         code: the fence and every line to its end
//! x = a::b
//! ```
//! ~~~

use crate::notes::{indent_width, is_blank};

/// One line and what it is.
#[derive(Debug, Clone)]
pub struct Line<'a> {
    /// The line as written, without its end.
    pub text: &'a str,
    /// Inside a fenced code block (its fences included).
    pub code: bool,
    /// Only whitespace.
    pub blank: bool,
    /// A heading the caller marked (a section title): cards stop at it.
    pub heading: bool,
    /// Columns of indentation.
    pub indent: usize,
    /// The text after a list marker (`- `, `* `, `+ `, `1. `, `1) `), when
    /// the line is a list item.
    pub item: Option<&'a str>,
    /// A `key:: value` property line.
    pub property: bool,
}

impl Line<'_> {
    /// The line's content: after its list marker, else trimmed.
    pub fn content(&self) -> &str {
        self.item.unwrap_or(self.text).trim()
    }

    /// A line a card may be made of or read in.
    pub fn usable(&self) -> bool {
        !self.code && !self.blank && !self.heading
    }
}

/// The lines of `text`; `headings` holds the 0-based indexes of lines that
/// are section titles.
pub fn classify<'a>(text: &'a str, headings: &[usize]) -> Vec<Line<'a>> {
    let mut out = Vec::new();
    let mut fence: Option<Fence> = None;
    for (i, text) in crate::notes::lines(text).enumerate() {
        let trimmed = text.trim_start();
        let code = match &fence {
            Some(open) => {
                if open.closed_by(trimmed) {
                    fence = None;
                }
                true
            }
            // Logseq opens a block's code on its bullet: `- ```python`.
            None => match Fence::opened_by(list_item(trimmed).unwrap_or(trimmed)) {
                Some(open) => {
                    fence = Some(open);
                    true
                }
                None => false,
            },
        };
        let item = if code { None } else { list_item(trimmed) };
        out.push(Line {
            text,
            code,
            blank: is_blank(text),
            heading: headings.contains(&i),
            indent: indent_width(text),
            item,
            property: !code && is_property(item.unwrap_or(trimmed)),
        });
    }
    out
}

/// An open code block: its fence, or an org block's end.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Fence {
    /// ```` ``` ```` or `~~~`: the character and how many.
    Marks(u8, usize),
    /// `#+begin_src`, `#+begin_example`…: the `#+end_` line that closes it.
    Org(String),
}

impl Fence {
    fn opened_by(trimmed: &str) -> Option<Fence> {
        let b = trimmed.as_bytes();
        if let Some(&c @ (b'`' | b'~')) = b.first() {
            let n = b.iter().take_while(|&&x| x == c).count();
            // A backtick fence's info string holds no backtick.
            let info_ok = c == b'~' || !trimmed[n..].contains('`');
            return (n >= 3 && info_ok).then_some(Fence::Marks(c, n));
        }
        let lower = trimmed.to_ascii_lowercase();
        let kind = lower.strip_prefix("#+begin_")?;
        let name: String = kind.chars().take_while(|c| !c.is_whitespace()).collect();
        (matches!(name.as_str(), "src" | "example" | "export" | "verse"))
            .then(|| Fence::Org(format!("#+end_{name}")))
    }

    fn closed_by(&self, trimmed: &str) -> bool {
        match self {
            Fence::Marks(c, n) => {
                let b = trimmed.as_bytes();
                let run = b.iter().take_while(|&&x| x == *c).count();
                run >= *n && trimmed[run..].trim().is_empty()
            }
            Fence::Org(end) => trimmed.trim_end().eq_ignore_ascii_case(end),
        }
    }
}

/// The text after a list marker, when `trimmed` (a line without its
/// indentation) is a list item.
pub fn list_item(trimmed: &str) -> Option<&str> {
    let b = trimmed.as_bytes();
    match b.first()? {
        b'-' | b'*' | b'+' if b.get(1).is_none_or(|c| *c == b' ' || *c == b'\t') => {
            Some(trimmed.get(1..).unwrap_or_default().trim_start())
        }
        b'0'..=b'9' => {
            let digits = b.iter().take_while(|c| c.is_ascii_digit()).count();
            let after = b.get(digits)?;
            let space = b.get(digits + 1).is_none_or(|c| *c == b' ');
            (digits <= 3 && matches!(after, b'.' | b')') && space)
                .then(|| trimmed[digits + 1..].trim_start())
        }
        _ => None,
    }
}

/// A property line of Logseq or Dataview: one word, `::`, a space and a
/// value (`card-repeats:: 3`, `tags:: net`, `Rating:: 5`), or the bare
/// `key::` with nothing after. A card is written without the space
/// (`TCP::Transmission Control Protocol`) or with words on its left.
pub fn is_property(content: &str) -> bool {
    let Some(at) = content.find("::") else {
        return false;
    };
    let key = &content[..at];
    let rest = &content[at + 2..];
    let word = !key.is_empty()
        && key
            .chars()
            .all(|c| c.is_alphanumeric() || c == '-' || c == '_');
    word && !rest.starts_with(':') && (rest.is_empty() || rest.starts_with(' '))
}

/// The lines after `i` that belong to it as a list item's children: more
/// indented than it, blank lines between them included (not at the end).
/// Returns the index one past the last.
pub fn children_end(lines: &[Line<'_>], i: usize) -> usize {
    let indent = lines[i].indent;
    let mut end = i + 1;
    let mut j = i + 1;
    while j < lines.len() {
        let l = &lines[j];
        if l.heading {
            break;
        }
        if l.blank {
            j += 1;
            continue;
        }
        if l.indent <= indent {
            break;
        }
        j += 1;
        end = j;
    }
    end
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<String> {
        classify(text, &[])
            .iter()
            .map(|l| {
                let mut k = String::new();
                if l.code {
                    k.push('c');
                }
                if l.blank {
                    k.push('b');
                }
                if l.item.is_some() {
                    k.push('i');
                }
                if l.property {
                    k.push('p');
                }
                k
            })
            .collect()
    }

    #[test]
    fn code_fences_of_markdown_and_org() {
        let text =
            "a\n```rust\nx::y\n```\n~~~~\n```\nstill\n~~~~\n#+BEGIN_SRC sh\nls\n#+end_src\nb";
        assert_eq!(
            kinds(text),
            ["", "c", "c", "c", "c", "c", "c", "c", "c", "c", "c", ""]
        );
    }

    #[test]
    fn items_and_properties() {
        let text = "- a\n  card-repeats:: 3\n1. b\n12) c\n-x\n*bold*\nTCP::Transmission\nkey:: v";
        assert_eq!(kinds(text), ["i", "p", "i", "i", "", "", "", "p"]);
        assert_eq!(
            list_item("- [[Kubernetes]] pods"),
            Some("[[Kubernetes]] pods")
        );
        assert!(is_property("collapsed:: true"));
        assert!(is_property("tags::"));
        assert!(!is_property("What is TCP:: a protocol"));
        assert!(!is_property("TCP:::Transmission"));
    }

    #[test]
    fn children_are_the_lines_indented_under_an_item() {
        let text = "- q #card\n\t- a\n\n\t- b\n- next";
        let lines = classify(text, &[]);
        assert_eq!(children_end(&lines, 0), 4);
        assert_eq!(children_end(&lines, 4), 5);
    }
}
