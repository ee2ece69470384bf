//! Reading tags out of a node's text, in each of the ways notes write them:
//!
//! ```text
//! Studied the handshake #net #tcp/syn      #tag: after a space or at the start
//! ## Heading #exam                          a heading's words may carry one
//! ---                                       front matter of a daily note:
//! tags: [daily, tcp]                          tags: [a, b] / tags: a, b / - a
//! ---
//! [2024-01-05 09:00] Standup @work          jrnl: @tag (its files only)
//! * Congestion control  :net:exam:          org: :tag:tag: ending a headline
//! ```
//!
//! Never a tag: `# Heading` (a `#` and a space), `#1` (digits only), `C#`,
//! `a#b`, `http://x/#top` (not after a space), anything in code.

use crate::prose;

/// Characters a tag is made of after its `#` or `@`: letters and digits of
/// any script, `_`, `-`, `/` (nesting: `#net/tcp`).
fn tag_char(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '_' | '-' | '/')
}

/// The tag starting right after a `#` or `@` at `rest`, if it is one.
fn tag_at(rest: &str) -> Option<&str> {
    let end = rest.find(|c: char| !tag_char(c)).unwrap_or(rest.len());
    let tag = rest[..end].trim_end_matches(['/', '-']);
    (!tag.is_empty()
        && !tag
            .chars()
            .all(|c| c.is_ascii_digit() || c == '/' || c == '-'))
    .then_some(tag)
}

/// Every tag in `text` (a heading line and its body), in order, each as
/// written; `at_tags` reads jrnl's `@tag` too.
pub fn tags_in(text: &str, at_tags: bool, out: &mut Vec<String>) {
    let has = |b: u8| memchr::memchr(b, text.as_bytes()).is_some();
    let front = text.trim_start().starts_with("---");
    if !(has(b'#') || (at_tags && has(b'@')) || has(b':')) {
        return;
    }
    if front {
        front_matter(text, out);
    }
    for line in prose::lines(text) {
        let s: &str = &line.text;
        let trimmed = s.trim_start();
        // A heading's `#`s are not a tag; the words after may hold some.
        let body = match trimmed.strip_prefix('#') {
            Some(_) => {
                let hashes = trimmed.bytes().take_while(|&b| b == b'#').count();
                match trimmed[hashes..].chars().next() {
                    Some(' ' | '\t') | None => &trimmed[hashes..],
                    Some(_) => trimmed,
                }
            }
            None => trimmed,
        };
        marked(body, '#', out);
        if at_tags {
            marked(body, '@', out);
        }
        if trimmed.starts_with('*') {
            org_tags(trimmed, out);
        }
    }
}

/// `#tag`s (or `@tag`s) of one line: each after the start or white space.
fn marked(line: &str, mark: char, out: &mut Vec<String>) {
    let mut prev: Option<char> = None;
    for (i, c) in line.char_indices() {
        if c == mark
            && prev.is_none_or(char::is_whitespace)
            && let Some(tag) = tag_at(&line[i + c.len_utf8()..])
        {
            out.push(tag.to_string());
        }
        prev = Some(c);
    }
}

/// An org headline's tags: `:a:b:` as its last word.
fn org_tags(line: &str, out: &mut Vec<String>) {
    let Some(last) = line.trim_end().rsplit([' ', '\t']).next() else {
        return;
    };
    if last.len() < 3 || !last.starts_with(':') || !last.ends_with(':') || line.trim() == last {
        return;
    }
    let parts: Vec<&str> = last[1..last.len() - 1].split(':').collect();
    if parts
        .iter()
        .all(|p| !p.is_empty() && p.chars().all(|c| tag_char(c) || c == '@'))
    {
        out.extend(parts.iter().map(|p| p.to_string()));
    }
}

/// The `tags:` (or `tag:`) of YAML front matter at the start of `text`.
fn front_matter(text: &str, out: &mut Vec<String>) {
    let mut rows = text.trim_start().lines();
    if rows.next().map(str::trim_end) != Some("---") {
        return;
    }
    let mut block = String::new();
    for row in rows {
        if matches!(row.trim_end(), "---" | "...") {
            break;
        }
        block.push_str(row);
        block.push('\n');
    }
    let Ok(serde_yaml::Value::Mapping(map)) = serde_yaml::from_str::<serde_yaml::Value>(&block)
    else {
        return;
    };
    for key in ["tags", "tag"] {
        match map.get(key) {
            Some(serde_yaml::Value::Sequence(items)) => {
                for item in items {
                    if let Some(s) = scalar(item) {
                        push_words(&s, out);
                    }
                }
            }
            Some(other) => {
                if let Some(s) = scalar(other) {
                    push_words(&s, out);
                }
            }
            None => {}
        }
    }
}

fn scalar(v: &serde_yaml::Value) -> Option<String> {
    match v {
        serde_yaml::Value::String(s) => Some(s.clone()),
        serde_yaml::Value::Number(n) => Some(n.to_string()),
        serde_yaml::Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

/// `a, b c` as tags `a`, `b`, `c`, each without a leading `#`.
fn push_words(s: &str, out: &mut Vec<String>) {
    for word in s.split([',', ' ', '\t']) {
        let word = word.trim().trim_start_matches('#');
        if let Some(tag) = tag_at(word).filter(|t| t.len() == word.len()) {
            out.push(tag.to_string());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tags(text: &str, at: bool) -> Vec<String> {
        let mut out = Vec::new();
        tags_in(text, at, &mut out);
        out
    }

    #[test]
    fn hash_tags_but_not_headings_code_urls_or_numbers() {
        assert_eq!(
            tags("studied #net and #tcp/syn.\n#exam at the start", false),
            ["net", "tcp/syn", "exam"]
        );
        for none in [
            "# Heading",
            "## Heading",
            "issue #12",
            "C# and a#b",
            "see http://x.io/#top",
            "[jump](#anchor)",
            "`#code` only",
            "```\n#nope\n```",
            "&#27; entity",
        ] {
            assert_eq!(tags(none, true), Vec::<String>::new(), "{none:?}");
        }
        assert_eq!(tags("## Heading #exam", false), ["exam"]);
        assert_eq!(tags("中文标签 #网络 ok", false), ["网络"]);
    }

    #[test]
    fn front_matter_jrnl_and_org() {
        let daily = "---\ntitle: x\ntags: [daily, \"#tcp\"]\n---\n# Day";
        assert_eq!(tags(daily, false), ["daily", "tcp"]);
        assert_eq!(tags("---\ntags:\n  - a\n  - b\n---\n", false), ["a", "b"]);
        assert_eq!(tags("---\ntags: a, b\n---\n", false), ["a", "b"]);
        assert_eq!(tags("[2024-01-05 09:00] Standup @work", true), ["work"]);
        assert_eq!(tags("mail me@host.io", true), Vec::<String>::new());
        assert_eq!(tags("Standup @work", false), Vec::<String>::new());
        assert_eq!(
            tags("** Congestion control :net:exam:", false),
            ["net", "exam"]
        );
        assert_eq!(tags("** Time 10:30:", false), Vec::<String>::new());
    }
}
