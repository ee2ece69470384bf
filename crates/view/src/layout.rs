//! Where everything goes on the viewer's screen: pure functions of the
//! screen area (and the focused pane), shared by drawing ([`crate::ui`]) and
//! by `App::update` (which needs the same rects to turn a click into a row,
//! to know a page's height and the width to lay text out for). It knows
//! nothing of the app: sizes in, rects out.
//!
//! ```text
//! wide: 80 columns and more                narrow: the focused pane only
//! ┌ Outline ─────┐┌ 1. tcp握手 ──────────┐  ┌ Outline ─────────────┐
//! │▾ 8.22 (3)    ││TCP三次握手是…        │  │▾ 8.22 (3)            │
//! │  ▸ 1. tcp握手││                      │  │  ▸ 1. tcp握手        │
//! └──────────────┘└──────────────────────┘  └──────────────────────┘
//! 8.22 › 1. tcp握手        day 1/6 …         [outline] 8.22 …
//!  ← 1/3, ≥ 24 →
//! ```
//! Borders are dropped when the screen is too small to spare them, and below
//! [`MIN_WIDTH`]×[`MIN_HEIGHT`] only a "terminal too small" line is drawn.

use ratatui::layout::{Margin, Rect};

/// The two panes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pane {
    /// The tree of days, topics and sections.
    Outline,
    /// The text of the selected node.
    Content,
}

impl Pane {
    /// The other pane.
    pub fn next(self) -> Pane {
        match self {
            Pane::Outline => Pane::Content,
            Pane::Content => Pane::Outline,
        }
    }

    /// Its name in the status bar.
    pub fn name(self) -> &'static str {
        match self {
            Pane::Outline => "outline",
            Pane::Content => "content",
        }
    }
}

/// Narrowest screen that shows both panes side by side.
pub const WIDE: u16 = 80;
/// Narrowest outline pane in the wide layout, unless chosen narrower.
pub const MIN_OUTLINE: u16 = 24;
/// Narrowest outline pane that can be chosen (`<`, `outline_width`).
pub const NARROWEST_OUTLINE: u16 = 12;
/// Columns the content pane keeps however wide the outline is made.
pub const MIN_CONTENT: u16 = 30;
/// Smallest screen that shows panes at all.
pub const MIN_WIDTH: u16 = 12;
/// Smallest screen height that shows panes at all.
pub const MIN_HEIGHT: u16 = 3;

/// A pane's outer rect and the rect inside its border.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct PaneRect {
    /// With the border.
    pub outer: Rect,
    /// Inside the border (equal to `outer` when there is none).
    pub inner: Rect,
}

/// The rects of one screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Screen {
    /// The outline pane, when shown.
    pub outline: Option<PaneRect>,
    /// The content pane, when shown.
    pub content: Option<PaneRect>,
    /// The status line, when there is room for panes.
    pub status: Option<Rect>,
    /// Panes are bordered.
    pub borders: bool,
    /// Both panes are shown.
    pub wide: bool,
}

/// The outline pane's width on a wide screen `width` columns wide:
/// `chosen` (keys, the config) when there is one, else a third and at
/// least [`MIN_OUTLINE`]; always leaving the content [`MIN_CONTENT`].
pub fn outline_width(width: u16, chosen: Option<u16>) -> u16 {
    let most = width.saturating_sub(MIN_CONTENT).max(NARROWEST_OUTLINE);
    match chosen {
        Some(w) => w.clamp(NARROWEST_OUTLINE, most),
        None => (width / 3).max(MIN_OUTLINE).min(most),
    }
}

/// Lays out a screen of `area` with `focus` focused, the outline `outline`
/// columns wide when both panes are shown (`None`: a third).
pub fn screen(area: Rect, focus: Pane, outline: Option<u16>) -> Screen {
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        return Screen::default();
    }
    let borders = area.width >= 30 && area.height >= 8;
    let panes = Rect {
        height: area.height - 1,
        ..area
    };
    let status = Rect {
        y: area.y + area.height - 1,
        height: 1,
        ..area
    };
    let pane = |outer: Rect| PaneRect {
        outer,
        inner: if borders {
            outer.inner(Margin::new(1, 1))
        } else {
            outer
        },
    };
    let wide = area.width >= WIDE;
    let (outline, content) = if wide {
        let w = outline_width(area.width, outline);
        let left = Rect { width: w, ..panes };
        let right = Rect {
            x: panes.x + w,
            width: panes.width - w,
            ..panes
        };
        (Some(pane(left)), Some(pane(right)))
    } else {
        match focus {
            Pane::Outline => (Some(pane(panes)), None),
            Pane::Content => (None, Some(pane(panes))),
        }
    };
    Screen {
        outline,
        content,
        status: Some(status),
        borders,
        wide,
    }
}

/// The content pane's inner rect whether or not it is shown now: the width
/// documents are laid out for, and the height of a page.
pub fn content_inner(area: Rect, outline: Option<u16>) -> Rect {
    screen(area, Pane::Content, outline)
        .content
        .map(|p| p.inner)
        .unwrap_or_default()
}

/// The outline pane's inner rect whether or not it is shown now.
pub fn outline_inner(area: Rect, outline: Option<u16>) -> Rect {
    screen(area, Pane::Outline, outline)
        .outline
        .map(|p| p.inner)
        .unwrap_or_default()
}

/// The help's box on a screen of `area`: an overlay as tall as the screen
/// allows; below 60 columns, all of the screen above the status line.
pub fn help_box(area: Rect) -> Rect {
    if area.width < 60 {
        return Rect {
            height: area.height.saturating_sub(1),
            ..area
        };
    }
    overlay(area, usize::MAX)
}

/// The box of an overlay (help, warnings) holding `lines` lines: centred,
/// at most 96 columns, no taller than needed, leaving the status line free.
pub fn overlay(area: Rect, lines: usize) -> Rect {
    let above_status = area.height.saturating_sub(1);
    let width = area.width.saturating_sub(4).clamp(area.width.min(20), 96);
    let most = above_status.saturating_sub(2).max(above_status.min(3));
    let wanted = u16::try_from(lines.saturating_add(2)).unwrap_or(u16::MAX);
    let height = wanted.clamp(most.min(3), most);
    Rect {
        x: area.x + (area.width - width) / 2,
        y: area.y + (above_status - height) / 2,
        width,
        height,
    }
}

/// A box of `width`×`height` (borders included) centred above the status
/// line, cut to the screen; empty when nothing of it fits.
pub fn centred_box(area: Rect, width: u16, height: u16) -> Rect {
    let above_status = Rect {
        height: area.height.saturating_sub(1),
        ..area
    };
    Rect {
        x: area.x + above_status.width.saturating_sub(width) / 2,
        y: area.y + above_status.height.saturating_sub(height) / 2,
        width,
        height,
    }
    .intersection(above_status)
}

/// The title picker's box on a screen of `area`: centred, up to 80 columns
/// wide and 20 rows high.
pub fn picker(area: Rect) -> Rect {
    let above_status = area.height.saturating_sub(1);
    let width = area.width.saturating_sub(4).clamp(area.width.min(20), 80);
    let height = above_status
        .saturating_sub(2)
        .clamp(above_status.min(5), 20);
    Rect {
        x: area.x + (area.width - width) / 2,
        y: area.y + (above_status - height) / 2,
        width,
        height,
    }
}

/// Rows of the picker's list: its box less the border, the typed line
/// and the rule under it.
pub fn picker_rows(area: Rect) -> usize {
    usize::from(picker(area).height.saturating_sub(3)).max(1)
}

/// The review screen's box on a screen of `area`: everything above the
/// status bar.
pub fn review(area: Rect) -> Rect {
    Rect {
        height: area.height.saturating_sub(1),
        ..area
    }
}

/// Inside the review box's border, a column of margin on each side.
pub fn review_inner(area: Rect) -> Rect {
    let a = review(area);
    Rect {
        x: a.x + 2,
        y: a.y + 1,
        width: a.width.saturating_sub(4),
        height: a.height.saturating_sub(2),
    }
}

/// Where the parts of a review card go inside the review box
/// ([`review_inner`]), for a question of `question` rows:
///
/// ```text
///                      tall (≥ 7 rows)      short (4-6)     tiny (≤ 3)
/// blank                row 0                —               —
/// question             ≤ half the rest      ≤ 2 rows        1 row
/// rule                 below it             below it (≥ 5)  —
/// answer               the rest             the rest        what is left
/// more (↓ 12 more)     above the keys       above (6)       —
/// keys                 last row             last row        last row
/// ```
pub fn review_card(inner: Rect, question: usize) -> CardRows {
    let h = inner.height;
    let row = |y: u16, height: u16| Rect {
        y: inner.y + y,
        height,
        ..inner
    };
    if h == 0 {
        return CardRows::default();
    }
    let keys = row(h - 1, 1);
    let tall = h >= 7;
    let top = u16::from(tall);
    let most = if tall {
        (h - 4) / 2
    } else if h >= 4 {
        2
    } else {
        1
    };
    let room = h.saturating_sub(1 + top);
    let q = u16::try_from(question)
        .unwrap_or(u16::MAX)
        .clamp(1, most.max(1))
        .min(room);
    let question = row(top, q);
    let rule = (h >= 5).then(|| row(top + q, 1));
    let more = (h >= 6).then(|| row(h - 2, 1));
    let from = top + q + u16::from(rule.is_some());
    let to = h - 1 - u16::from(more.is_some());
    let answer = row(from.min(to), to.saturating_sub(from));
    CardRows {
        question,
        rule,
        answer,
        more,
        keys,
    }
}

/// The rows of a review card ([`review_card`]).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct CardRows {
    /// The question.
    pub question: Rect,
    /// The line between question and answer, when there is room.
    pub rule: Option<Rect>,
    /// The answer.
    pub answer: Rect,
    /// How much of the answer is out of view, when there is room.
    pub more: Option<Rect>,
    /// The keys.
    pub keys: Rect,
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The card's rows at 100×30, 40×12 and 20×6: the question and the keys
    /// always, the rest as room allows.
    #[test]
    fn a_review_card_at_every_size() {
        let rows = |w, h, q| {
            let c = review_card(review_inner(Rect::new(0, 0, w, h)), q);
            (
                (c.question.y, c.question.height),
                c.rule.map(|r| r.y),
                (c.answer.y, c.answer.height),
                c.more.map(|r| r.y),
                c.keys.y,
            )
        };
        // 27 rows inside (rows 1-27): a blank, the question, a rule, 22 rows
        // of answer, what is out of view, the keys.
        assert_eq!(rows(100, 30, 1), ((2, 1), Some(3), (4, 22), Some(26), 27));
        // A long question takes half the rows left at most.
        assert_eq!(
            rows(100, 30, 20),
            ((2, 11), Some(13), (14, 12), Some(26), 27)
        );
        assert_eq!(rows(40, 12, 2), ((2, 2), Some(4), (5, 3), Some(8), 9));
        // 20×6: three rows inside — the question, a row of answer, the keys.
        assert_eq!(rows(20, 6, 3), ((1, 1), None, (2, 1), None, 3));
        let tiny = review_card(review_inner(Rect::new(0, 0, 20, 3)), 1);
        assert_eq!(tiny, CardRows::default());
    }

    #[test]
    fn wide_screens_split_a_third_with_a_minimum() {
        let s = screen(Rect::new(0, 0, 100, 30), Pane::Content, None);
        assert!(s.wide && s.borders);
        let (o, c) = (s.outline.unwrap(), s.content.unwrap());
        assert_eq!(o.outer, Rect::new(0, 0, 33, 29));
        assert_eq!(c.outer, Rect::new(33, 0, 67, 29));
        assert_eq!(c.inner, Rect::new(34, 1, 65, 27));
        assert_eq!(s.status, Some(Rect::new(0, 29, 100, 1)));
        let s = screen(Rect::new(0, 0, 80, 24), Pane::Outline, None);
        assert_eq!(s.outline.unwrap().outer.width, 26);
    }

    #[test]
    fn the_outline_can_be_made_wider_or_narrower() {
        assert_eq!(outline_width(100, None), 33);
        assert_eq!(outline_width(100, Some(50)), 50);
        assert_eq!(outline_width(100, Some(90)), 70, "the content keeps 30");
        assert_eq!(outline_width(100, Some(2)), 12);
        let s = screen(Rect::new(0, 0, 100, 30), Pane::Outline, Some(40));
        assert_eq!(s.outline.unwrap().outer.width, 40);
        assert_eq!(s.content.unwrap().outer, Rect::new(40, 0, 60, 29));
    }

    #[test]
    fn narrow_screens_show_the_focused_pane() {
        let s = screen(Rect::new(0, 0, 60, 20), Pane::Outline, None);
        assert!(!s.wide && s.content.is_none());
        assert_eq!(s.outline.unwrap().outer, Rect::new(0, 0, 60, 19));
        let s = screen(Rect::new(0, 0, 60, 20), Pane::Content, None);
        assert!(s.outline.is_none());
        assert_eq!(content_inner(Rect::new(0, 0, 60, 20), None).width, 58);
    }

    #[test]
    fn tiny_screens_drop_borders_then_panes() {
        let s = screen(Rect::new(0, 0, 20, 5), Pane::Outline, None);
        assert!(!s.borders);
        assert_eq!(s.outline.unwrap().inner, Rect::new(0, 0, 20, 4));
        assert_eq!(
            screen(Rect::new(0, 0, 1, 1), Pane::Outline, None),
            Screen::default()
        );
        assert_eq!(content_inner(Rect::new(0, 0, 1, 1), None), Rect::default());
    }

    #[test]
    fn overlays_fit_every_size() {
        for (w, h) in [(1, 1), (20, 5), (60, 20), (100, 30), (300, 80)] {
            let area = Rect::new(0, 0, w, h);
            for lines in [0, 1, 10, 1000] {
                let o = overlay(area, lines);
                assert_eq!(o.intersection(area), o, "{w}x{h}");
            }
        }
        let area = Rect::new(0, 0, 100, 30);
        assert_eq!(overlay(area, 10), Rect::new(2, 8, 96, 12));
        assert_eq!(
            overlay(area, 100).height,
            27,
            "two rows free above the status"
        );
    }
}
