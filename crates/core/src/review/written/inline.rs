//! A card on one line: `question::answer`, or `question:::answer` for two
//! cards, one each way (the separators are settings).
//!
//! What looks like one and is not: a separator in inline code
//! (`` `Vec::new()` ``), twice on a line (`std::io::Result`), between two
//! bare words of code or an address (`std::cout`, `fe80::1`, `Vec::new()`),
//! inside brackets (Dataview's `[rating:: 5]`), and property lines, which
//! the caller leaves out ([`super::lines::is_property`]).

use super::Separators;

/// The two sides of a one-line card.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OneLine<'a> {
    /// Left of the separator, trimmed.
    pub question: &'a str,
    /// Right of it, trimmed.
    pub answer: &'a str,
    /// Written with the separator for both ways.
    pub both_ways: bool,
}

/// The card `content` (a line without its list marker) holds, if any.
pub fn one_line<'a>(content: &'a str, seps: &Separators) -> Option<OneLine<'a>> {
    let code = code_spans(content);
    let found = |sep: &str| -> Vec<usize> {
        if sep.is_empty() {
            return Vec::new();
        }
        content
            .match_indices(sep)
            .map(|(at, _)| at)
            .filter(|&at| whole(content, at, sep))
            .filter(|&at| !code.iter().any(|r| r.contains(&at)))
            .collect()
    };
    let (at, sep, both_ways) = match found(&seps.inline_reversed)[..] {
        [at] => (at, seps.inline_reversed.as_str(), true),
        [] => match found(&seps.inline)[..] {
            [at] => (at, seps.inline.as_str(), false),
            _ => return None,
        },
        _ => return None,
    };
    let (left, right) = (&content[..at], &content[at + sep.len()..]);
    let (question, answer) = (left.trim(), right.trim());
    // No code writes `:::`: only the one-way separator can be code's.
    let code = !both_ways && codelike(left, right);
    if question.is_empty() || answer.is_empty() || bracketed(left, right) || code {
        return None;
    }
    Some(OneLine {
        question,
        answer,
        both_ways,
    })
}

/// True when `sep` at `at` is not part of a longer run of its characters
/// (`::` inside `:::`).
fn whole(s: &str, at: usize, sep: &str) -> bool {
    let (Some(first), Some(last)) = (sep.chars().next(), sep.chars().last()) else {
        return false;
    };
    let before = s[..at].chars().next_back();
    let after = s[at + sep.len()..].chars().next();
    before != Some(first) && after != Some(last)
}

/// The byte ranges of inline code spans (`` `x` ``, ``` ``x`` ```).
pub fn code_spans(s: &str) -> Vec<std::ops::Range<usize>> {
    let b = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if b[i] != b'`' {
            i += 1;
            continue;
        }
        let run = b[i..].iter().take_while(|&&c| c == b'`').count();
        let open = i;
        i += run;
        // The closing run of the same length.
        let mut j = i;
        let mut close = None;
        while j < b.len() {
            if b[j] == b'`' {
                let n = b[j..].iter().take_while(|&&c| c == b'`').count();
                if n == run {
                    close = Some(j + n);
                    break;
                }
                j += n;
            } else {
                j += 1;
            }
        }
        if let Some(end) = close {
            out.push(open..end);
            i = end;
        }
    }
    out
}

/// The separator sits inside brackets opened on its left and closed on its
/// right: an inline field (`[rating:: 5]`, `(due:: 2024-01-05)`).
fn bracketed(left: &str, right: &str) -> bool {
    let open = |o: char, c: char| {
        let depth = left.chars().fold(0i32, |d, ch| match ch {
            ch if ch == o => d + 1,
            ch if ch == c => (d - 1).max(0),
            _ => d,
        });
        depth > 0 && right.contains(c)
    };
    open('[', ']') || open('(', ')')
}

/// The separator touches a word on each side and joins code or an address
/// (`std::cout`, `fe80::1`, `Vec::new()`, `Ordering::Less`,
/// `HashMap::<K, V>`).
fn codelike(left: &str, right: &str) -> bool {
    let ident = |c: char| c.is_ascii_alphanumeric() || c == '_';
    let (Some(l), Some(r)) = (left.chars().next_back(), right.chars().next()) else {
        return false;
    };
    if r != '<' && !(ident(l) && ident(r)) {
        return false;
    }
    let word: String = right.chars().take_while(|&c| ident(c)).collect();
    let before: String = {
        let mut w: Vec<char> = left.chars().rev().take_while(|&c| ident(c)).collect();
        w.reverse();
        w.into_iter().collect()
    };
    let hex = |w: &str| !w.is_empty() && w.chars().all(|c| c.is_ascii_hexdigit());
    if hex(&before) && hex(&word) {
        // An IPv6 address: `fe80::1`.
        return true;
    }
    let after = right[word.len()..].chars().next();
    let called = matches!(after, Some('(' | '<' | ':' | ';' | '.' | '['));
    // Code has a lower-case word after its separator (`std::cout`,
    // `fe80::1`), or a bare word on each side (`Ordering::Less`); a card has
    // words before it or a phrase or a name after it.
    let bare = |s: &str| !s.trim().contains(char::is_whitespace) && s.is_ascii();
    let lower = right
        .trim()
        .chars()
        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
    called || (bare(right) && (lower || bare(left)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seps() -> Separators {
        Separators::default()
    }

    fn sides(s: &str) -> Option<(&str, &str, bool)> {
        one_line(s, &seps()).map(|c| (c.question, c.answer, c.both_ways))
    }

    #[test]
    fn one_way_and_both_ways() {
        assert_eq!(
            sides("TCP::Transmission Control Protocol"),
            Some(("TCP", "Transmission Control Protocol", false))
        );
        assert_eq!(
            sides("三次握手的目的 :: 同步序列号"),
            Some(("三次握手的目的", "同步序列号", false))
        );
        assert_eq!(
            sides("port 443 ::: HTTPS"),
            Some(("port 443", "HTTPS", true))
        );
        assert_eq!(sides("443:::HTTPS"), Some(("443", "HTTPS", true)));
        assert_eq!(
            sides("what does `ls -la` show::hidden files too"),
            Some(("what does `ls -la` show", "hidden files too", false))
        );
    }

    #[test]
    fn near_misses_stay_text() {
        for text in [
            "use `Vec::new()` for an empty vector",
            "the error is std::io::Result",
            "print with std::cout",
            "Ordering::Less",
            "loopback is ::1 and link-local fe80::1",
            "An address such as fe80::1 is not a card.",
            "call Vec::new() first",
            "a field [rating:: 5] inline",
            "(due:: 2024-01-05)",
            "::nothing on the left",
            "nothing on the right::",
            "a::b::c",
            "too many :::: colons",
        ] {
            assert_eq!(sides(text), None, "{text}");
        }
    }

    #[test]
    fn separators_are_settings() {
        let seps = Separators {
            inline: ";;".into(),
            inline_reversed: ";;;".into(),
            ..Separators::default()
        };
        let c = one_line("a key:: a Dataview field", &seps);
        assert_eq!(c, None);
        let c = one_line("capital of France ;; Paris", &seps).unwrap();
        assert_eq!((c.question, c.answer), ("capital of France", "Paris"));
        assert!(one_line("x ;;; y", &seps).unwrap().both_ways);
    }
}
