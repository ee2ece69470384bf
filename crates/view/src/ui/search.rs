//! The search prompt (in place of the status bar) and the results pane (in
//! place of the content pane while the prompt is open).
//!
//! ```text
//! ┌ Search: 3 hits ─────────────────────────────────────────┐
//! │8.23                                                   3 │  day, its count
//! │  2. 服务器发送事件SSE                                  3 │  topic
//! │    115  2.服务器发送事件SSE                              │  a hit: line, snippet
//! │    116  SSE（Server-Sent Events）是HTML5标准…            │  (the match highlighted)
//! │    与其他技术对比                                      1 │  section
//! │      128  | SSE  |    单向  | HTTP  | 简单 | 好 |       │
//! └─────────────────────────────────────────────────────────┘
//! /SSE▏                                   regex  filter  3 hits
//! ```
//! Snippets are cut by display width around the first match, so the match
//! is in view however long the line; every match shown is highlighted.

use std::ops::Range;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::pane_block;
use crate::app::App;
use crate::app::search::Prompt;
use crate::layout::PaneRect;
use crate::theme::Theme;
use crate::{label, text};
use daynotes_core::outline::section_path;
use daynotes_core::search::group::{Group, Row};
use daynotes_core::search::{Hit, Matcher, Syntax};

/// Columns of the line number before a snippet.
const NUMBER_WIDTH: usize = 5;

/// Draws the results of the current search in `pane`.
pub fn draw_results(frame: &mut Frame, app: &App, prompt: &Prompt, pane: PaneRect, borders: bool) {
    let cur = app.search.current.as_ref();
    let rows = cur.map_or(&[][..], |c| &c.rows);
    let area = pane.inner;
    // On a narrow screen the outline was drawn here first.
    super::overlay::clear(frame, pane.outer);
    if borders {
        let title = match cur {
            Some(c) if !c.matcher.is_empty() => {
                let more = if c.done && !c.truncated { "" } else { "+" };
                let s = if c.hits.len() == 1 { "" } else { "s" };
                format!(" Search: {}{more} hit{s} ", c.hits.len())
            }
            _ => " Search ".to_string(),
        };
        frame.render_widget(pane_block(app, true).title(Line::from(title)), pane.outer);
    }
    let width = usize::from(area.width);
    let Some(cur) = cur.filter(|c| !c.matcher.is_empty()) else {
        let hint = "type to search every day, topic, section and body";
        put(
            frame,
            area,
            0,
            &Line::styled(text::truncate(hint, width).into_owned(), app.theme.ui.dim),
        );
        return;
    };
    if rows.is_empty() {
        let msg = if cur.done { "no match" } else { "searching…" };
        put(frame, area, 0, &Line::styled(msg, app.theme.ui.dim));
        return;
    }
    let selected = prompt.selected;
    let top = daynotes_core::outline::keep_in_view(
        prompt.top,
        usize::from(area.height),
        prompt.selected,
        rows.len(),
    );
    for (y, (i, row)) in (0..area.height).zip(rows.iter().enumerate().skip(top)) {
        let line = match *row {
            Row::Header { group, hits } => header_line(app, group, hits, width),
            Row::Hit(h) => hit_line(app, &cur.matcher, &cur.hits[h], width),
        };
        put(frame, area, y, &line);
        if i == selected {
            let r = Rect::new(area.x, area.y + y, area.width, 1);
            frame.buffer_mut().set_style(r, app.theme.ui.selection);
        }
    }
}

fn put(frame: &mut Frame, area: Rect, y: u16, line: &Line<'_>) {
    frame
        .buffer_mut()
        .set_line(area.x, area.y + y, line, area.width);
}

/// A group's name, indented by its depth, with its count at the right.
fn header_line(app: &App, group: Group, hits: usize, width: usize) -> Line<'static> {
    let nb = &app.notebook;
    let ui = &app.theme.ui;
    let (name, style) = match group {
        Group::Outside(s) => (label::clean(&nb.sources[s].path), ui.outline_day),
        Group::Day(d) => (label::day(&nb.days[d], app.dates.weekdays), ui.outline_day),
        Group::Topic(d, t) => (label::topic(&nb.days[d].topics[t]), ui.outline_topic),
        Group::Section(d, t, k) => {
            let topic = &nb.days[d].topics[t];
            let names: Vec<String> = section_path(topic, k)
                .iter()
                .map(|s| label::clean(topic.section_title(s)))
                .collect();
            (names.join(" › "), ui.outline_section)
        }
    };
    let indent = "  ".repeat(group.depth());
    let count = format!(" {hits}");
    let room = width.saturating_sub(indent.len() + count.len());
    let name = text::truncate(&name, room).into_owned();
    let gap = room.saturating_sub(text::width(&name));
    Line::from(vec![
        Span::raw(indent),
        Span::styled(name, style),
        Span::raw(" ".repeat(gap)),
        Span::styled(count, ui.dim),
    ])
}

/// A hit: its line number and a snippet of its line with the matches
/// highlighted, indented under its group.
fn hit_line(app: &App, m: &Matcher, hit: &Hit, width: usize) -> Line<'static> {
    let depth = match hit.node {
        None => 1,
        Some(n) if n.section_index().is_some() => 3,
        Some(n) if n.topic_index().is_some() => 2,
        Some(_) => 1,
    };
    let indent = "  ".repeat(depth);
    let number = format!("{:>w$}  ", hit.line, w = NUMBER_WIDTH - 1);
    let room = width.saturating_sub(indent.len() + number.len());
    let line = hit.text(&app.notebook);
    let mut spans = vec![Span::raw(indent), Span::styled(number, app.theme.ui.dim)];
    spans.extend(snippet(line, &m.find_all(line), room, &app.theme));
    Line::from(spans)
}

/// `line` cut to `room` cells around its first match: leading indentation
/// dropped, then if the match would fall off the right, text before it
/// replaced by `…` so that the match and some context before it show. The
/// matches are styled `match_hit`; every piece is made safe.
pub fn snippet(
    line: &str,
    ranges: &[Range<usize>],
    room: usize,
    theme: &Theme,
) -> Vec<Span<'static>> {
    let start_trim = line.len() - line.trim_start_matches([' ', '\t']).len();
    let mut start = start_trim.min(ranges.first().map_or(usize::MAX, |r| r.start));
    if let Some(first) = ranges.first() {
        let mut before = text::width(&line[start..first.start]);
        if before + text::width(&line[first.clone()]) > room {
            // Drop text before the match until a third of the room is left
            // for context.
            let mut cut = first.start;
            for (i, c) in line[start..first.start].char_indices() {
                if before <= room / 3 {
                    cut = start + i;
                    break;
                }
                before -= unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
            }
            start = cut;
        }
    }
    let mut spans = Vec::new();
    let mut used = 0;
    let mut room_left = room;
    if start > start_trim && room > 1 {
        spans.push(Span::styled("…", theme.ui.dim));
        used += 1;
        room_left -= 1;
    }
    let mut at = start;
    let mut pieces: Vec<(Range<usize>, Style)> = Vec::new();
    for r in ranges.iter().filter(|r| r.end > start) {
        let r = r.start.max(start)..r.end;
        if r.start > at {
            pieces.push((at..r.start, theme.md.text));
        }
        pieces.push((r.clone(), theme.md.match_hit));
        at = r.end;
    }
    if at < line.len() {
        pieces.push((at..line.len(), theme.md.text));
    }
    for (r, style) in pieces {
        let piece = label::clean(&line[r]);
        let w = text::width(&piece);
        if used + w > room {
            let cut = text::truncate(&piece, room_left).into_owned();
            if !cut.is_empty() {
                spans.push(Span::styled(cut, style));
            }
            break;
        }
        used += w;
        room_left -= w;
        spans.push(Span::styled(piece, style));
    }
    spans
}

/// Draws the prompt in `area` (the status bar's row): the query with a
/// cursor, the modes, and the count or the error.
pub fn draw_prompt(frame: &mut Frame, app: &App, p: &Prompt, area: Rect) {
    let ui = &app.theme.ui;
    let width = usize::from(area.width);
    let lead = if app.search.filter { "&" } else { "/" };
    let mut right: Vec<String> = Vec::new();
    if p.syntax == Syntax::Regex {
        right.push("regex".into());
    }
    if app.search.filter {
        right.push("filter".into());
    }
    let (status, style) = match (&p.error, app.hit_position()) {
        (Some(e), _) => (e.clone(), ui.status_error),
        (None, Some(pos)) => (pos, ui.status),
        (None, None) => (String::new(), ui.status),
    };
    let modes = if right.is_empty() {
        String::new()
    } else {
        format!("[{}] ", right.join(" "))
    };
    let status_text = text::truncate(&status, width / 2).into_owned();
    super::prompt_line::draw(
        frame,
        area,
        ui,
        lead,
        &p.text,
        &[(modes, ui.status), (status_text, style)],
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(spans: &[Span<'_>]) -> String {
        spans.iter().map(|s| s.content.as_ref()).collect()
    }

    #[test]
    fn snippets_keep_the_match_in_view_by_cells() {
        let theme = Theme::plain();
        let line = "        - 客户端发送SYN包，seq=x，请求建立连接";
        let m = Matcher::new(&daynotes_core::search::Query::literal("连接")).unwrap();
        let spans = snippet(line, &m.find_all(line), 20, &theme);
        let s = shown(&spans);
        assert!(s.starts_with('…'), "{s}");
        assert!(s.contains("连接"), "{s}");
        assert!(text::width(&s) <= 20, "{s}");
        // short enough: the whole line without its indentation
        let s = shown(&snippet(line, &m.find_all(line), 80, &theme));
        assert_eq!(s, "- 客户端发送SYN包，seq=x，请求建立连接");
    }

    #[test]
    fn every_match_is_its_own_span() {
        let theme = Theme::dark();
        let line = "SSE and sse";
        let m = Matcher::new(&daynotes_core::search::Query::literal("sse")).unwrap();
        let spans = snippet(line, &m.find_all(line), 40, &theme);
        let hits: Vec<&str> = spans
            .iter()
            .filter(|s| s.style == theme.md.match_hit)
            .map(|s| s.content.as_ref())
            .collect();
        assert_eq!(hits, ["SSE", "sse"]);
    }

    #[test]
    fn the_prompt_keeps_the_end_of_a_long_query() {
        assert_eq!(text::tail("abcdef", 4), "…def");
        assert_eq!(text::tail("握手握手", 5), "…握手");
        assert_eq!(text::tail("ab", 4), "ab");
    }
}
