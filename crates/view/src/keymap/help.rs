//! The help overlay's text, made from the key table in use: one group per
//! mode, each under a title that says where its keys work ("In the
//! calendar"), the browsing keys in parts, the keys that work anywhere
//! once. Rows of a group with the same action and help line are one
//! entry. The groups run down one column and on into the next, a page at
//! a time, as a newspaper's do:
//!
//! ```text
//! Anywhere                           Browsing: folding, panes
//!   ?           this help, open on…    h ←         fold, or go to …
//!   Ctrl-c      quit                   …
//!                                    Browsing: searching
//! Browsing: moving                     /           search the whole…
//!   j ↓         down a row (text: …)   …
//! ```
//!
//! A filter keeps the entries whose keys, help or group title hold it.
//! The text is plain: each piece says what it is ([`Part`]) and the overlay
//! gives it its style. The app counts the pages to know how far the help
//! goes and where a mode's keys are; the overlay draws them.

use super::{Binding, Context, Keymap, MOUSE_HELP, Topic, label};
use crate::text::{width, wrap};

/// Width of the keys column, at most: a narrow column gives it a third.
const KEYS_WIDTH: usize = 14;
/// Narrowest column of the layout: wider boxes hold more columns.
pub const COLUMN: usize = 46;

/// What a piece of a help line is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    /// A group's title.
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

/// A group of the help: the keys of one mode (or of one part of browsing).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Group {
    /// Keys that work in every mode.
    Anywhere,
    /// Browsing the outline and the text, in parts.
    Browsing(Topic),
    /// A mode of its own: a prompt, a box, review.
    In(Context),
}

impl Group {
    /// Every group, in the order shown.
    pub const ALL: [Group; 18] = [
        Group::Anywhere,
        Group::Browsing(Topic::Move),
        Group::Browsing(Topic::Fold),
        Group::Browsing(Topic::Search),
        Group::Browsing(Topic::Dates),
        Group::Browsing(Topic::Study),
        Group::Browsing(Topic::Notebook),
        Group::Browsing(Topic::Other),
        Group::In(Context::Prompt),
        Group::In(Context::Picker),
        Group::In(Context::DatePrompt),
        Group::In(Context::Calendar),
        Group::In(Context::Review),
        Group::In(Context::OnThisDay),
        Group::In(Context::Hints),
        Group::In(Context::Tags),
        Group::In(Context::Tasks),
        Group::In(Context::Overlay),
    ];

    /// The group a binding is listed in.
    pub fn of(b: &Binding) -> Group {
        match (b.context, b.topic) {
            (Context::Global | Context::NotTyping, _) => Group::Anywhere,
            (_, Some(topic)) => Group::Browsing(topic),
            (Context::HelpFilter | Context::Help, None) => Group::In(Context::Overlay),
            (context, None) => Group::In(context),
        }
    }

    /// The group that holds the keys of `context`, where the help opens.
    pub fn for_context(context: Context) -> Group {
        match context {
            Context::Panes | Context::Both | Context::Global | Context::NotTyping => {
                Group::Anywhere
            }
            Context::HelpFilter | Context::Help => Group::In(Context::Overlay),
            other => Group::In(other),
        }
    }

    /// Its title.
    pub fn title(self) -> &'static str {
        match self {
            Group::Anywhere => "Anywhere",
            Group::Browsing(Topic::Move) => "Browsing: moving",
            Group::Browsing(Topic::Fold) => "Browsing: folding, panes",
            Group::Browsing(Topic::Search) => "Browsing: searching",
            Group::Browsing(Topic::Dates) => "Browsing: dates",
            Group::Browsing(Topic::Study) => "Browsing: studying",
            Group::Browsing(Topic::Notebook) => "Browsing: links, tags, tasks",
            Group::Browsing(Topic::Other) => "Browsing: the rest",
            Group::In(Context::Prompt) => "In the search prompt",
            Group::In(Context::Picker) => "In the title picker",
            Group::In(Context::DatePrompt) => "In the go-to-date prompt",
            Group::In(Context::Calendar) => "In the calendar",
            Group::In(Context::Review) => "In review",
            Group::In(Context::OnThisDay) => "In on this day",
            Group::In(Context::Hints) => "With the links numbered",
            Group::In(Context::Tags) => "In the tag picker",
            Group::In(Context::Tasks) => "In the task list",
            Group::In(_) => "In this help and the warnings",
        }
    }
}

/// One entry: the keys, as typed, and what they do.
type Entry = (String, &'static str);

/// The entries of each group, in order, that hold `filter` (in their keys
/// or help, or in the group's title), without case; groups left empty are
/// left out.
pub fn groups(keymap: &Keymap, filter: &str) -> Vec<(Group, Vec<Entry>)> {
    let filter = filter.to_lowercase();
    let holds = |s: &str| filter.is_empty() || s.to_lowercase().contains(&filter);
    Group::ALL
        .iter()
        .map(|&group| {
            let title_holds = holds(group.title());
            let entries: Vec<Entry> = entries(keymap, group)
                .into_iter()
                .filter(|(keys, help)| title_holds || holds(keys) || holds(help))
                .collect();
            (group, entries)
        })
        .filter(|(_, entries)| !entries.is_empty())
        .collect()
}

/// A group's entries: rows with the same action and help as one, their
/// keys joined.
fn entries(keymap: &Keymap, group: Group) -> Vec<Entry> {
    let mut out: Vec<(Vec<String>, &Binding)> = Vec::new();
    for b in keymap.bindings().iter().filter(|b| Group::of(b) == group) {
        let names = b.keys.iter().map(label);
        match out
            .iter_mut()
            .find(|(_, o)| o.action == b.action && o.help == b.help)
        {
            Some((keys, _)) => keys.extend(names.filter(|n| !keys.contains(n)).collect::<Vec<_>>()),
            None => out.push((names.collect(), b)),
        }
    }
    let mut entries: Vec<Entry> = out
        .into_iter()
        .map(|(keys, b)| (keys.join(" "), b.help))
        .collect();
    if group == Group::Browsing(Topic::Fold) {
        entries.push(("mouse".into(), MOUSE_HELP));
    }
    entries
}

/// The help laid out in pages of `columns` columns of `height` lines.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Pages {
    /// Each page's columns, each a list of lines.
    pub pages: Vec<Vec<Vec<HelpLine>>>,
    /// The page each group starts on.
    pub starts: Vec<(Group, usize)>,
    /// The width of a column.
    pub column: usize,
}

impl Pages {
    /// The page where `group` starts (the first when it is filtered out).
    pub fn page_of(&self, group: Group) -> usize {
        self.starts
            .iter()
            .find(|(g, _)| *g == group)
            .map_or(0, |(_, p)| *p)
    }
}

/// How many columns of at least [`COLUMN`] cells a box `width` wide holds.
pub fn columns(width: usize) -> usize {
    (width / COLUMN).max(1)
}

/// The help for a box `width`×`height` inside its border, filtered by
/// `filter`: the groups run down each column and on into the next; a
/// group's title never ends a column, and a column never starts with a
/// blank line.
pub fn pages(keymap: &Keymap, filter: &str, width: usize, height: usize) -> Pages {
    let height = height.max(1);
    let per_page = columns(width);
    let column = (width / per_page).max(1);
    let mut cols: Vec<Vec<HelpLine>> = vec![Vec::new()];
    let mut starts = Vec::new();
    // A column of several keeps a space from the next.
    let room = if per_page > 1 { column - 1 } else { column };
    for (group, entries) in groups(keymap, filter) {
        let entries: Vec<Vec<HelpLine>> = entries
            .into_iter()
            .map(|(keys, help)| entry(&keys, help, room))
            .collect();
        let current = cols.last().map_or(0, Vec::len);
        // A title needs its group's first entry under it in the same
        // column (a blank line before it, when the column has lines).
        let first = entries.first().map_or(1, Vec::len);
        if current > 0 && current + 2 + first > height {
            cols.push(Vec::new());
        } else if current > 0 {
            cols.last_mut().unwrap().push(HelpLine::new());
        }
        starts.push((group, (cols.len() - 1) / per_page));
        cols.last_mut()
            .unwrap()
            .push(vec![(Part::Title, group.title().to_string())]);
        for lines in entries {
            // An entry stays whole; a group going on in the next column
            // says so on top.
            if cols.last().map_or(0, Vec::len) + lines.len() > height {
                let on = format!("{} (continued)", group.title());
                cols.push(vec![vec![(Part::Title, on)]]);
            }
            cols.last_mut().unwrap().extend(lines);
        }
    }
    let pages = cols
        .chunks(per_page)
        .map(<[Vec<HelpLine>]>::to_vec)
        .collect();
    Pages {
        pages,
        starts,
        column,
    }
}

/// `  keys  help`, the help wrapped to `room` cells and its further rows
/// starting under its first.
fn entry(keys: &str, help: &str, room: usize) -> Vec<HelpLine> {
    let keys_width = width(keys);
    let column = (room / 3).clamp(6, KEYS_WIDTH);
    let pad = column.saturating_sub(keys_width).max(1);
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

    /// Every line of every column, in reading order.
    fn all_lines(p: &Pages) -> Vec<String> {
        p.pages.iter().flatten().flatten().map(text).collect()
    }

    #[test]
    fn help_wraps_under_itself_in_a_narrow_box() {
        let p = pages(&Keymap::default(), "", 30, 500);
        let text = all_lines(&p);
        let at = text
            .iter()
            .position(|l| l.starts_with("  j ↓"))
            .expect("the j row");
        assert_eq!(
            text[at..at + 2],
            ["  j ↓       down a row (text:", "            a line)"]
        );
        assert!(text.iter().all(|l| width(l) <= 30), "{text:#?}");
    }

    #[test]
    fn every_mode_has_a_group_and_global_keys_come_once() {
        let p = pages(&Keymap::default(), "", 94, 26);
        let text = all_lines(&p);
        for title in [
            "Anywhere",
            "Browsing: moving",
            "In the search prompt",
            "In the title picker",
            "In the go-to-date prompt",
            "In the calendar",
            "In review",
            "In on this day",
            "In this help and the warnings",
        ] {
            assert_eq!(text.iter().filter(|l| *l == title).count(), 1, "{title}");
        }
        let once = |keys: &str| {
            text.iter()
                .filter(|l| l.trim_start().starts_with(&format!("{keys} ")))
                .count()
        };
        assert_eq!(once("Ctrl-c"), 1);
        assert_eq!(once("Ctrl-z"), 1);
    }

    #[test]
    fn columns_are_filled_and_titles_never_end_one() {
        let p = pages(&Keymap::default(), "", 94, 26);
        assert_eq!(p.column, 47);
        for page in &p.pages[..p.pages.len() - 1] {
            assert_eq!(page.len(), 2);
            for col in page {
                // Full, or short by a title and its first entry, kept
                // together for the next column.
                assert!(col.len() >= 22, "{}", col.len());
                let last = col.last().unwrap();
                assert!(last[0].0 != Part::Title, "{last:?}");
                assert!(!col[0].is_empty(), "no blank at a column's top");
            }
        }
        assert!(p.pages.len() >= 2);
    }

    #[test]
    fn a_filter_keeps_what_holds_it() {
        let p = pages(&Keymap::default(), "calendar", 94, 26);
        let text = all_lines(&p);
        assert!(text.contains(&"In the calendar".to_string()), "{text:#?}");
        assert!(text.iter().any(|l| l.contains("calendar of the days")));
        assert!(!text.iter().any(|l| l.contains("In review")));
        assert_eq!(p.pages.len(), 1);
        assert!(pages(&Keymap::default(), "zzzz", 94, 26).pages[0][0].is_empty());
    }
}
