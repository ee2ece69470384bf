//! TeX math drawn in Unicode: `$2^{16}$` is `2¹⁶`, `$\beta_1 \leq \pi$` is
//! `β₁ ≤ π`, `$\frac{a}{b}$` is `a⁄b`, and in display math a fraction
//! stands on two lines over a bar:
//!
//! ```text
//! $$x = \frac{-b \pm \sqrt{b^2-4ac}}{2a}$$      -b ± √(b²-4ac)
//!                                           x = ──────────────
//!                                                     2a
//! ```
//!
//! What cannot be drawn stays as it was written, never dropped: a script
//! with a character Unicode has no small form of (`x^{\pi}` stays
//! `x^{\pi}`), a command not in the tables (`\foo{x}`).
//!
//! Written here rather than taken from a crate: `unicodeit` (a port of
//! unicodeit.net) replaces symbols but draws no fractions and carries an
//! LPPL licence; `tui-math` draws 2-D boxes but brings a second ratatui and
//! crossterm and a MathML stage; a small table and reader over the TeX
//! study notes hold does what the renderer needs, with no new dependency.

mod symbols;

use unicode_width::UnicodeWidthStr;

pub use symbols::{double_struck, subscript, superscript, symbol};

/// A piece of TeX: its kind and the text it was read from.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Atom<'a> {
    kind: Kind<'a>,
    src: &'a str,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Kind<'a> {
    Char(char),
    /// `\name` (letters) or `\` and one other character.
    Command(&'a str),
    /// `{…}`.
    Group(Vec<Atom<'a>>),
    /// `^x` (true) or `_x`.
    Script(bool, Box<Atom<'a>>),
}

/// Reads `s` from `at` up to an unmatched `}` or the end.
fn read<'a>(s: &'a str, at: &mut usize) -> Vec<Atom<'a>> {
    let mut out = Vec::new();
    while let Some(c) = s[*at..].chars().next() {
        if c == '}' {
            break;
        }
        match atom(s, at) {
            Some(a) => out.push(a),
            None => break,
        }
    }
    out
}

/// One atom at `at`, moving past it.
fn atom<'a>(s: &'a str, at: &mut usize) -> Option<Atom<'a>> {
    let start = *at;
    let c = s[start..].chars().next()?;
    *at += c.len_utf8();
    let kind = match c {
        '\\' => {
            let rest = &s[*at..];
            let letters = rest
                .find(|c: char| !c.is_ascii_alphabetic())
                .unwrap_or(rest.len());
            let len = if letters > 0 {
                letters
            } else {
                rest.chars().next().map_or(0, char::len_utf8)
            };
            *at += len;
            Kind::Command(&rest[..len])
        }
        '{' => {
            let inner = read(s, at);
            if s[*at..].starts_with('}') {
                *at += 1;
            }
            Kind::Group(inner)
        }
        '^' | '_' => {
            // Spaces between the mark and its argument do not count.
            while s[*at..].starts_with(' ') {
                *at += 1;
            }
            match atom(s, at) {
                Some(arg) => Kind::Script(c == '^', Box::new(arg)),
                None => Kind::Char(c),
            }
        }
        c => Kind::Char(c),
    };
    Some(Atom {
        kind,
        src: &s[start..*at],
    })
}

/// Reads the whole of `s` (a stray `}` is kept as a character).
fn parse(s: &str) -> Vec<Atom<'_>> {
    let mut at = 0;
    let mut out = Vec::new();
    while at < s.len() {
        out.extend(read(s, &mut at));
        if at < s.len() {
            out.push(Atom {
                kind: Kind::Char('}'),
                src: &s[at..=at],
            });
            at += 1;
        }
    }
    out
}

/// Inline math (`$…$`) in one line of Unicode.
pub fn inline(tex: &str) -> String {
    let atoms = parse(tex.trim());
    let mut out = String::new();
    seq(&atoms, &mut out);
    out
}

/// Display math (`$$…$$`) as rows: a fraction at the top level stands over
/// a bar on three rows, `\\` starts a new row; the rest is as [`inline`].
pub fn display(tex: &str) -> Vec<String> {
    let atoms = parse(tex.trim());
    let mut rows = Vec::new();
    for part in atoms.split(|a| matches!(a.kind, Kind::Command("\\"))) {
        rows.extend(stacked(part));
    }
    rows
}

/// One row of display math, its top-level fractions stacked.
fn stacked(atoms: &[Atom<'_>]) -> Vec<String> {
    let mut rows = [String::new(), String::new(), String::new()];
    let mut any = false;
    let mut i = 0;
    let mut text = String::new();
    let flush = |text: &mut String, rows: &mut [String; 3]| {
        let w = text.width();
        rows[0].push_str(&" ".repeat(w));
        rows[1].push_str(text);
        rows[2].push_str(&" ".repeat(w));
        text.clear();
    };
    while i < atoms.len() {
        if let Kind::Command("frac" | "dfrac" | "tfrac" | "cfrac") = atoms[i].kind
            && let (Some(a), Some(b)) = (atoms.get(i + 1), atoms.get(i + 2))
        {
            flush(&mut text, &mut rows);
            let (num, den) = (arg(a), arg(b));
            let w = num.width().max(den.width()) + 2;
            rows[0].push_str(&centred(&num, w));
            rows[1].push_str(&"─".repeat(w));
            rows[2].push_str(&centred(&den, w));
            any = true;
            i += 3;
            continue;
        }
        i += one(atoms, i, &mut text);
    }
    if !any {
        return vec![text];
    }
    flush(&mut text, &mut rows);
    rows.into_iter().map(|r| r.trim_end().to_string()).collect()
}

fn centred(s: &str, w: usize) -> String {
    let left = (w - s.width()) / 2;
    format!(
        "{}{s}{}",
        " ".repeat(left),
        " ".repeat(w - s.width() - left)
    )
}

/// An argument's Unicode (a group's inside, or one atom).
fn arg(a: &Atom<'_>) -> String {
    let mut out = String::new();
    match &a.kind {
        Kind::Group(inner) => seq(inner, &mut out),
        _ => {
            one(std::slice::from_ref(a), 0, &mut out);
        }
    }
    out
}

/// `s`, in parentheses when it is more than one term (`a+b` → `(a+b)`).
fn term(s: &str) -> String {
    let several = s.chars().count() > 1
        && s.chars()
            .any(|c| matches!(c, ' ' | '+' | '-' | '−' | '=' | '±' | '×' | '⋅' | '/' | '⁄'));
    if several {
        format!("({s})")
    } else {
        s.to_string()
    }
}

fn seq(atoms: &[Atom<'_>], out: &mut String) {
    let mut i = 0;
    while i < atoms.len() {
        i += one(atoms, i, out);
    }
}

/// Writes atom `i` (with the arguments it takes) to `out`; returns how
/// many atoms it used.
fn one(atoms: &[Atom<'_>], i: usize, out: &mut String) -> usize {
    let a = &atoms[i];
    match &a.kind {
        Kind::Char('~') => out.push(' '),
        Kind::Char(c) => out.push(*c),
        Kind::Group(inner) => seq(inner, out),
        Kind::Script(sup, x) => {
            let inner = arg(x);
            let small: Option<String> = inner
                .chars()
                .map(|c| if *sup { superscript(c) } else { subscript(c) })
                .collect();
            match small.filter(|s| !s.is_empty()) {
                Some(s) => out.push_str(&s),
                None => out.push_str(a.src),
            }
        }
        Kind::Command(name) => return command(name, atoms, i, out),
    }
    1
}

/// A command and its arguments; returns how many atoms it used.
fn command(name: &str, atoms: &[Atom<'_>], i: usize, out: &mut String) -> usize {
    let next = atoms.get(i + 1);
    match name {
        "frac" | "dfrac" | "tfrac" | "cfrac" | "binom" => {
            let (Some(a), Some(b)) = (next, atoms.get(i + 2)) else {
                return as_written(atoms, i, out);
            };
            let (num, den) = (term(&arg(a)), term(&arg(b)));
            if name == "binom" {
                out.push_str(&format!("C({num},{den})"));
            } else {
                out.push_str(&format!("{num}⁄{den}"));
            }
            3
        }
        "sqrt" => {
            // An index in brackets: \sqrt[3]{x}.
            let mut at = i + 1;
            let mut index = String::new();
            if matches!(atoms.get(at).map(|a| &a.kind), Some(Kind::Char('['))) {
                let close = atoms[at..].iter().position(|a| a.kind == Kind::Char(']'));
                if let Some(c) = close {
                    seq(&atoms[at + 1..at + c], &mut index);
                    at += c + 1;
                }
            }
            let Some(x) = atoms.get(at) else {
                out.push_str(atoms[i].src);
                return 1;
            };
            let root = match index.as_str() {
                "" | "2" => "√".to_string(),
                "3" => "∛".to_string(),
                "4" => "∜".to_string(),
                n => match n.chars().map(superscript).collect::<Option<String>>() {
                    Some(s) => format!("{s}√"),
                    None => format!("({n})√"),
                },
            };
            out.push_str(&root);
            out.push_str(&term(&arg(x)));
            at + 1 - i
        }
        "text" | "textrm" | "textit" | "textbf" | "mbox" | "mathrm" | "mathit" | "mathbf"
        | "mathsf" | "mathtt" | "mathcal" | "mathscr" | "mathfrak" | "boldsymbol"
        | "operatorname" | "textnormal" => match next {
            Some(a) => {
                match &a.kind {
                    Kind::Group(_) if name.starts_with("text") || name == "mbox" => {
                        out.push_str(a.src.trim_start_matches('{').trim_end_matches('}'));
                    }
                    _ => out.push_str(&arg(a)),
                }
                2
            }
            None => 1,
        },
        "mathbb" => match next {
            Some(a) => {
                let inner = arg(a);
                match inner.chars().map(double_struck).collect::<Option<String>>() {
                    Some(s) => out.push_str(&s),
                    None => out.push_str(&format!("\\mathbb{}", a.src)),
                }
                2
            }
            None => 1,
        },
        "bar" | "overline" | "vec" | "hat" | "widehat" | "dot" | "ddot" | "tilde" => {
            let mark = match name {
                "bar" | "overline" => '\u{304}',
                "vec" => '\u{20d7}',
                "hat" | "widehat" => '\u{302}',
                "dot" => '\u{307}',
                "ddot" => '\u{308}',
                _ => '\u{303}',
            };
            match next.map(arg) {
                Some(s) if s.chars().count() == 1 => {
                    out.push_str(&s);
                    out.push(mark);
                    2
                }
                _ => {
                    out.push_str(atoms[i].src);
                    1
                }
            }
        }
        "left" | "right" | "big" | "Big" | "bigg" | "Bigg" | "bigl" | "bigr" | "Bigl" | "Bigr" => {
            // `\left.` draws nothing.
            if matches!(next.map(|a| &a.kind), Some(Kind::Char('.'))) {
                2
            } else {
                1
            }
        }
        "displaystyle" | "textstyle" | "limits" | "nolimits" => 1,
        "begin" | "end" => usize::from(next.is_some()) + 1,
        _ => match symbol(name) {
            Some(s) => {
                out.push_str(s);
                1
            }
            None => as_written(atoms, i, out),
        },
    }
}

/// Command `i` not drawn: kept as written, with the groups after it.
fn as_written(atoms: &[Atom<'_>], i: usize, out: &mut String) -> usize {
    let mut used = 1;
    out.push_str(atoms[i].src);
    while let Some(
        a @ Atom {
            kind: Kind::Group(_),
            ..
        },
    ) = atoms.get(i + used)
    {
        out.push_str(a.src);
        used += 1;
    }
    used
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn symbols_scripts_and_inline_fractions() {
        assert_eq!(inline("2^{16}"), "2¹⁶");
        assert_eq!(inline(r"\beta_1 \leq \pi"), "β₁ ≤ π");
        assert_eq!(inline(r"\frac{a}{b}"), "a⁄b");
        assert_eq!(inline(r"\frac{a+1}{2}"), "(a+1)⁄2");
        assert_eq!(inline(r"x^2 + y^2 = z^2"), "x² + y² = z²");
        assert_eq!(inline(r"\sqrt{b^2-4ac}"), "√(b²-4ac)");
        assert_eq!(inline(r"\sum_{i=1}^{n} i"), "∑ᵢ₌₁ⁿ i");
        assert_eq!(inline(r"A \Rightarrow B, x \in \mathbb{R}"), "A ⇒ B, x ∈ ℝ");
        assert_eq!(inline(r"\text{RTT} \approx 2 \times d"), "RTT ≈ 2 × d");
        assert_eq!(inline(r"\vec{v}"), "v\u{20d7}");
    }

    #[test]
    fn what_cannot_be_drawn_stays_as_written() {
        assert_eq!(inline(r"x^{\pi}"), r"x^{\pi}");
        assert_eq!(inline(r"a_{q}"), "a_{q}");
        assert_eq!(inline(r"\foo{x} + \alpha"), r"\foo{x} + α");
        assert_eq!(inline(r"\frac{a}"), r"\frac{a}");
        assert_eq!(inline("{a}}b"), "a}b");
        assert_eq!(inline("x^"), "x^");
    }

    #[test]
    fn display_fractions_stand_over_a_bar() {
        assert_eq!(
            display(r"x = \frac{-b \pm \sqrt{b^2-4ac}}{2a}"),
            [
                "     -b ± √(b²-4ac)",
                "x = ────────────────",
                "           2a",
            ]
        );
        assert_eq!(display(r"E = mc^2"), ["E = mc²"]);
        assert_eq!(display(r"a \\ b"), ["a ", " b"]);
    }
}
