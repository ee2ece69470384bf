//! The card on screen laid out for the screen's width: the question (a
//! topic's date and titles, or a written card's question under where it is
//! written, rendered as markdown) and the answer, rendered as the content
//! pane renders notes. A cloze's gaps (`[…]`, `[hint]`) and what they hid
//! stand out; a section that is a card of its own is folded into one line
//! of its topic's answer.
//!
//! ```text
//! 8.23 › ports                                   where it is written (dim, when
//! TCP opens with a […] handshake                 there is room), the question
//! ─────────────────────────────────────────────
//! TCP opens with a three-way handshake           the answer, what it hid
//! ```

use ratatui::style::Style;
use ratatui::text::Line;

use super::{App, Mode};
use crate::{label, text};
use daynotes_core::notes::dedent;
use daynotes_core::review::Card;
use daynotes_core::review::cards::{Face, Folded, node_text_with};

impl App {
    /// The rows of the answer on screen.
    pub fn answer_rows(&self) -> usize {
        let question = match &self.mode {
            Mode::Review(r) => r.question.len(),
            _ => 1,
        };
        let inner = crate::layout::review_inner(self.size);
        crate::layout::review_card(inner, question).answer.height as usize
    }

    pub(super) fn answer_page(&self) -> isize {
        isize::try_from(self.answer_rows().saturating_sub(1).max(1)).unwrap_or(1)
    }

    pub(super) fn scroll_answer(&mut self, n: isize) {
        let rows = self.answer_rows();
        if let Mode::Review(r) = &mut self.mode
            && r.sitting.revealed
        {
            let last = r.answer.len().saturating_sub(rows);
            r.sitting.scroll = r.sitting.scroll.saturating_add_signed(n).min(last);
        }
    }

    /// Lays out the card on screen for the screen's width.
    pub(in crate::app) fn lay_out_card(&mut self) {
        let width = crate::layout::review_inner(self.size).width.max(1);
        let Mode::Review(r) = &self.mode else { return };
        let card = r
            .sitting
            .current(&self.study.deck)
            .and_then(|i| self.study.deck.cards.get(i));
        let laid = card.map(|c| {
            let (context, question) = self.question(c, width);
            let titles = matches!(c.face, Face::Node { .. }).then(|| self.titles(c));
            (context, question, titles, self.answer(c, width))
        });
        let (context, question, titles, answer) = laid.unwrap_or_default();
        if let Mode::Review(r) = &mut self.mode {
            r.context = context;
            r.question = question;
            r.titles = titles;
            r.answer = answer;
        }
    }

    /// The date and titles of where `card` is, as one line.
    fn titles(&self, card: &Card) -> String {
        label::breadcrumb(&self.notebook, card.node, self.dates.weekdays).join(" › ")
    }

    /// Where the card is written (for a written card) and its question.
    fn question(&self, card: &Card, width: u16) -> (Option<Line<'static>>, Vec<Line<'static>>) {
        let crumbs = self.titles(card);
        let Face::Written(w) = &card.face else {
            let lines = text::wrap(&crumbs, usize::from(width))
                .into_iter()
                .map(|r| Line::styled(r, self.theme.md.topic_heading))
                .collect();
            return (None, lines);
        };
        let context = Line::styled(
            text::truncate(&crumbs, usize::from(width)).into_owned(),
            self.theme.ui.dim,
        );
        let rendered = crate::markdown::render(&w.question, width, &self.theme.md).lines;
        (
            Some(context),
            marked(rendered, &w.gaps, self.theme.ui.cloze),
        )
    }

    fn answer(&self, card: &Card, width: u16) -> Vec<Line<'static>> {
        let md = &self.theme.md;
        match &card.face {
            Face::Node { answer, folded } => {
                let text = node_text_with(&self.notebook, card.source, *answer, folded, fold_line);
                let text = dedent(&text);
                let lines = crate::markdown::render(&text, width, md).lines;
                let marks: Vec<String> = folded.iter().map(|f| fold_words(&f.title)).collect();
                marked(lines, &marks, self.theme.ui.dim)
            }
            Face::Written(w) => {
                let lines = crate::markdown::render(&w.answer, width, md).lines;
                marked(lines, &w.shown, self.theme.ui.cloze)
            }
        }
    }
}

/// The line a folded section leaves in its topic's answer, indented as
/// its heading is.
fn fold_line(f: &Folded, heading: &str) -> String {
    let indent: String = heading
        .chars()
        .take_while(|c| *c == ' ' || *c == '\t')
        .collect();
    format!("{indent}{}\n", fold_words(&f.title))
}

fn fold_words(title: &str) -> String {
    format!("▸ {title} (a card of its own)")
}

/// `lines` with every occurrence of each of `words` in `style`.
fn marked(lines: Vec<Line<'static>>, words: &[String], style: Style) -> Vec<Line<'static>> {
    if words.is_empty() {
        return lines;
    }
    lines
        .into_iter()
        .map(|line| {
            let text: String = line.spans.iter().map(|s| s.content.as_ref()).collect();
            let ranges: Vec<_> = words
                .iter()
                .filter(|w| !w.is_empty())
                .flat_map(|w| {
                    text.match_indices(w.as_str())
                        .map(|(at, m)| at..at + m.len())
                })
                .collect();
            if ranges.is_empty() {
                line
            } else {
                crate::markdown::highlight(&line, &ranges, style)
            }
        })
        .collect()
}
