//! The help overlay's text, made from the key table in use, grouped by
//! section. Rows of the table with the same action and help line are shown
//! as one line. When the box is wide enough the first section gets a column
//! of its own:
//!
//! ```text
//! Move                                Fold
//!   j ↓         down a row (text: …)    h ←         fold, or go …
//!   …                                   …
//!                                     Panes
//! ```
//!
//! The text is plain: each piece says what it is ([`Part`]) and the overlay
//! gives it its style. The app counts the lines to know how far the help
//! scrolls; the overlay draws them.

use super::{Binding, Keymap, MOUSE_HELP, Section, label};
use crate::text::{width, wrap};

/// Width of the keys column.
const KEYS_WIDTH: usize = 14;
/// Width of one column of the two-column layout.
const COLUMN: usize = 46;

/// What a piece of a help line is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    /// A section's title.
    Title,
    /// The keys of an entry.
    Keys,
    /// What they do.
    Help,
    /// Spaces between.
    Space,
}

/// One line of the help: its pieces, in order.
pub type HelpLine = Vec<(Part, String)>;

/// Display width of a line.
fn line_width(line: &HelpLine) -> usize {
    line.iter().map(|(_, s)| width(s)).sum()
}

/// The help for a box `inner_width` cells wide, one entry per line.
pub fn lines(keymap: &Keymap, inner_width: usize) -> Vec<HelpLine> {
    let two_columns = inner_width >= 2 * COLUMN;
    let blocks: Vec<Vec<HelpLine>> = Section::ALL
        .iter()
        .enumerate()
        .map(|(i, &s)| {
            let room = match (two_columns, i) {
                (false, _) => inner_width,
                (true, 0) => COLUMN - 2,
                (true, _) => inner_width - COLUMN,
            };
            block(keymap, s, room)
        })
        .collect();
    let stack = |blocks: &[Vec<HelpLine>]| -> Vec<HelpLine> {
        let mut out = Vec::new();
        for b in blocks {
            if !out.is_empty() {
                out.push(HelpLine::new());
            }
            out.extend(b.iter().cloned());
        }
        out
    };
    if !two_columns {
        return stack(&blocks);
    }
    let (left, right) = (stack(&blocks[..1]), stack(&blocks[1..]));
    let rows = left.len().max(right.len());
    (0..rows)
        .map(|i| {
            let mut line = left.get(i).cloned().unwrap_or_default();
            let pad = COLUMN.saturating_sub(line_width(&line));
            line.push((Part::Space, " ".repeat(pad)));
            line.extend(right.get(i).cloned().unwrap_or_default());
            line
        })
        .collect()
}

/// One section, `room` cells wide: its title, then each binding, its help
/// wrapped under itself when it does not fit.
fn block(keymap: &Keymap, section: Section, room: usize) -> Vec<HelpLine> {
    let mut out = vec![vec![(Part::Title, section.title().to_string())]];
    let rows: Vec<&Binding> = keymap
        .bindings()
        .iter()
        .filter(|b| b.section == section)
        .collect();
    let mut i = 0;
    while i < rows.len() {
        let same = |b: &&&Binding| b.action == rows[i].action && b.help == rows[i].help;
        let n = rows[i..].iter().take_while(same).count();
        let mut keys: Vec<String> = Vec::new();
        for b in &rows[i..i + n] {
            for k in b.keys.iter() {
                let name = label(k);
                if !keys.contains(&name) {
                    keys.push(name);
                }
            }
        }
        out.extend(entry(&keys.join(" "), rows[i].help, room));
        i += n;
    }
    if section == Section::Panes {
        out.extend(entry("mouse", MOUSE_HELP, room));
    }
    out
}

/// `  keys  help`, the help wrapped to `room` cells and its further rows
/// starting under its first.
fn entry(keys: &str, help: &str, room: usize) -> Vec<HelpLine> {
    let keys_width = width(keys);
    let pad = KEYS_WIDTH.saturating_sub(keys_width).max(1);
    let indent = 2 + keys_width + pad;
    let mut rows = wrap(help, room.saturating_sub(indent)).into_iter();
    let first = vec![
        (Part::Space, "  ".to_string()),
        (Part::Keys, keys.to_string()),
        (Part::Space, " ".repeat(pad)),
        (Part::Help, rows.next().unwrap_or_default()),
    ];
    std::iter::once(first)
        .chain(rows.map(|row| vec![(Part::Space, " ".repeat(indent)), (Part::Help, row)]))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(line: &HelpLine) -> String {
        line.iter().map(|(_, s)| s.as_str()).collect()
    }

    #[test]
    fn help_wraps_under_itself_in_a_narrow_box() {
        let text: Vec<String> = lines(&Keymap::default(), 30).iter().map(text).collect();
        let at = text
            .iter()
            .position(|l| l.starts_with("  j ↓"))
            .expect("the j row");
        assert_eq!(
            text[at..at + 2],
            [
                "  j ↓           down a row",
                "                (text: a line)"
            ]
        );
        assert!(text.iter().all(|l| width(l) <= 30), "{text:#?}");
    }
}
