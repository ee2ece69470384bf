//! Raw HTML blocks, as CommonMark tells them: lines kept as written, no
//! markdown read inside (`_bar_` in a `<textarea>` stays `_bar_`). A block
//! starts at a line that begins with one of seven kinds of tag and ends
//! where its kind says:
//!
//! ```text
//! <pre <script <style <textarea   … to the line holding its closing tag
//! <!--                            … to the line holding -->
//! <?                              … to ?>
//! <!DOCTYPE                       … to >
//! <![CDATA[                       … to ]]>
//! <div, </p, <table … (block tags)     … to a blank line
//! any other whole tag alone on a line  … to a blank line (after a blank
//!                                        line only: it does not cut text)
//! ```
//!
//! Indentation is indentation here, as everywhere in the notes: an indented
//! tag starts a block too.

/// Block tags: a line starting with one opens a block up to a blank line.
const BLOCK_TAGS: &[&str] = &[
    "address",
    "article",
    "aside",
    "base",
    "basefont",
    "blockquote",
    "body",
    "caption",
    "center",
    "col",
    "colgroup",
    "dd",
    "details",
    "dialog",
    "dir",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "frame",
    "frameset",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "head",
    "header",
    "hr",
    "html",
    "iframe",
    "legend",
    "li",
    "link",
    "main",
    "menu",
    "menuitem",
    "nav",
    "noframes",
    "ol",
    "optgroup",
    "option",
    "p",
    "param",
    "search",
    "section",
    "summary",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "title",
    "tr",
    "track",
    "ul",
];

/// Tags whose content is raw up to their closing tag.
const RAW_TAGS: [&str; 4] = ["pre", "script", "style", "textarea"];

/// Where a raw HTML block ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum End {
    /// At the first line (this one included) that holds this text,
    /// compared without case.
    Holding(&'static [&'static str]),
    /// Before the first blank line.
    Blank,
}

/// The raw HTML block that starts at line `i` of `lines`: one past its last
/// line; `None` when line `i` starts none.
pub(crate) fn block(lines: &[&str], i: usize) -> Option<usize> {
    let after_blank = i == 0 || lines[i - 1].trim().is_empty();
    let end = start(lines[i].trim_start_matches([' ', '\t']), after_blank)?;
    Some(match end {
        End::Holding(marks) => {
            let holds = |line: &str| {
                let lower = line.to_ascii_lowercase();
                marks.iter().any(|m| lower.contains(m))
            };
            // The opening line may close it too (`<!-- x -->`).
            (i..lines.len())
                .find(|&j| {
                    holds(if j == i {
                        after_open(lines[i])
                    } else {
                        lines[j]
                    })
                })
                .map_or(lines.len(), |j| j + 1)
        }
        End::Blank => (i + 1..lines.len())
            .find(|&j| lines[j].trim().is_empty())
            .unwrap_or(lines.len()),
    })
}

/// A line with its opening `<`… left out, so that `<!-->` or `<?>` is not
/// taken for its own end before it has started.
fn after_open(line: &str) -> &str {
    let t = line.trim_start_matches([' ', '\t']);
    let skip = ["<![CDATA[", "<!--", "<?", "<!"]
        .iter()
        .find(|p| t.starts_with(*p))
        .map_or(1, |p| p.len());
    &t[skip.min(t.len())..]
}

/// What kind of block a line (its indentation off) starts, by how it ends.
fn start(t: &str, after_blank: bool) -> Option<End> {
    let rest = t.strip_prefix('<')?;
    if rest.starts_with("!--") {
        return Some(End::Holding(&["-->"]));
    }
    if rest.starts_with('?') {
        return Some(End::Holding(&["?>"]));
    }
    if rest.starts_with("![CDATA[") {
        return Some(End::Holding(&["]]>"]));
    }
    if rest
        .strip_prefix('!')
        .is_some_and(|r| r.starts_with(|c: char| c.is_ascii_alphabetic()))
    {
        return Some(End::Holding(&[">"]));
    }
    let (closing, name_and_rest) = match rest.strip_prefix('/') {
        Some(r) => (true, r),
        None => (false, rest),
    };
    let name_len = name_and_rest
        .find(|c: char| !c.is_ascii_alphanumeric() && c != '-')
        .unwrap_or(name_and_rest.len());
    let name = name_and_rest[..name_len].to_ascii_lowercase();
    let after = &name_and_rest[name_len..];
    if !closing
        && RAW_TAGS.contains(&name.as_str())
        && (after.is_empty() || after.starts_with([' ', '\t', '>']))
    {
        return Some(End::Holding(&[
            "</pre>",
            "</script>",
            "</style>",
            "</textarea>",
        ]));
    }
    if BLOCK_TAGS.contains(&name.as_str())
        && (after.is_empty() || after.starts_with([' ', '\t', '>']) || after.starts_with("/>"))
    {
        return Some(End::Blank);
    }
    let whole = if closing { closing_tag(t) } else { open_tag(t) };
    let alone = whole.is_some_and(|n| t[n..].trim().is_empty());
    (after_blank && alone && !RAW_TAGS.contains(&name.as_str())).then_some(End::Blank)
}

/// The length of the open tag `s` starts with (`<a href="x">`, `<br/>`).
fn open_tag(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    let mut i = 1 + tag_name(&s[1..])?;
    loop {
        let spaces = b[i..]
            .iter()
            .take_while(|c| c.is_ascii_whitespace())
            .count();
        let j = i + spaces;
        match b.get(j) {
            Some(b'>') => return Some(j + 1),
            Some(b'/') if b.get(j + 1) == Some(&b'>') => return Some(j + 2),
            _ if spaces > 0 => i = j + attribute(&s[j..])?,
            _ => return None,
        }
    }
}

/// The length of the closing tag `s` starts with (`</div >`).
fn closing_tag(s: &str) -> Option<usize> {
    let n = 2 + tag_name(s.strip_prefix("</")?)?;
    let spaces = s.as_bytes()[n..]
        .iter()
        .take_while(|c| c.is_ascii_whitespace())
        .count();
    (s.as_bytes().get(n + spaces) == Some(&b'>')).then_some(n + spaces + 1)
}

/// The length of a tag name: a letter, then letters, digits and `-`.
fn tag_name(s: &str) -> Option<usize> {
    if !s.starts_with(|c: char| c.is_ascii_alphabetic()) {
        return None;
    }
    Some(
        s.find(|c: char| !c.is_ascii_alphanumeric() && c != '-')
            .unwrap_or(s.len()),
    )
}

/// The length of an attribute `s` starts with: a name, and maybe `=` and
/// a value (bare, or in single or double quotes).
fn attribute(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    if !b
        .first()
        .is_some_and(|c| c.is_ascii_alphabetic() || matches!(c, b'_' | b':'))
    {
        return None;
    }
    let name = b
        .iter()
        .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, b'_' | b'.' | b':' | b'-'))
        .count();
    let spaces = |from: usize| {
        b[from..]
            .iter()
            .take_while(|c| c.is_ascii_whitespace())
            .count()
    };
    let eq = name + spaces(name);
    if b.get(eq) != Some(&b'=') {
        return Some(name);
    }
    let v = eq + 1 + spaces(eq + 1);
    match b.get(v)? {
        q @ (b'"' | b'\'') => {
            let close = b[v + 1..].iter().position(|c| c == q)?;
            Some(v + close + 2)
        }
        _ => {
            let len = b[v..]
                .iter()
                .take_while(|c| !c.is_ascii_whitespace() && !b"\"'=<>`".contains(c))
                .count();
            (len > 0).then_some(v + len)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ends(lines: &[&str]) -> Option<usize> {
        block(lines, 0)
    }

    #[test]
    fn raw_tags_run_to_their_closing_tag() {
        let lines = [
            "<textarea>",
            "",
            "*foo*",
            "",
            "_bar_",
            "",
            "</textarea>",
            "after",
        ];
        assert_eq!(ends(&lines), Some(7));
        assert_eq!(ends(&["<pre>x</pre>", "*y*"]), Some(1));
        assert_eq!(ends(&["<SCRIPT type=\"a\">", "x"]), Some(2), "to the end");
        assert_eq!(ends(&["<prefix>"]), Some(1), "a whole tag, alone");
    }

    #[test]
    fn comments_and_declarations() {
        assert_eq!(ends(&["<!-- a", "b -->", "c"]), Some(2));
        assert_eq!(ends(&["<!-->", "x"]), Some(2), "<!--> does not end itself");
        assert_eq!(ends(&["<?php echo 1; ?>", "x"]), Some(1));
        assert_eq!(ends(&["<!DOCTYPE html>", "x"]), Some(1));
        assert_eq!(ends(&["<![CDATA[", "x", "]]>", "y"]), Some(3));
    }

    #[test]
    fn block_tags_run_to_a_blank_line() {
        assert_eq!(ends(&["<div>", "*foo*", "", "*bar*"]), Some(2));
        assert_eq!(ends(&["</div>", "*foo*"]), Some(2));
        assert_eq!(ends(&["  <table><tr><td>"]), Some(1));
        assert_eq!(ends(&["<div/>"]), Some(1));
        assert_eq!(ends(&["<divider>"]), Some(1), "a whole tag, alone");
    }

    #[test]
    fn other_tags_only_alone_and_after_a_blank_line() {
        assert_eq!(ends(&["<a href=\"foo\">", "*bar*", "</a>"]), Some(3));
        assert_eq!(ends(&["<Warning>", "*bar*"]), Some(2));
        assert_eq!(ends(&["<del>", "*foo*", "</del>"]), Some(3));
        assert_eq!(block(&["text", "<del>"], 1), None, "does not cut text");
        assert_eq!(block(&["", "<del>"], 1), Some(2));
        for text in [
            "<a href=\"x\">link</a> and more",
            "<br> text",
            "<",
            "<1>",
            "<a b=>",
            "a <div>",
            "x < y",
        ] {
            assert_eq!(ends(&[text]), None, "{text}");
        }
    }
}
