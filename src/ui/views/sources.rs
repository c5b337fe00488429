//! The source list that Read and Compare show: one entry per article (tag,
//! title or first words, then date, word count and outlet). Its cursor and
//! the marked pair live in [`Shared`], so both views show the same list.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use super::super::draw::{block, window};
use super::super::keymap::Action;
use super::super::layout;
use super::super::shared::Shared;
use super::super::wrap;
use super::{movement, step};

/// List entries that fit in `area` (two lines each).
pub fn page(area: Rect) -> usize {
    (layout::text_height(area) / 2).max(1)
}

/// Moves the cursor for a movement key; returns whether it was one.
pub fn move_cursor(action: Action, shared: &mut Shared, page: usize) -> bool {
    let Some(delta) = movement(action, page) else { return false };
    shared.source = step(shared.source, delta, shared.articles().len());
    true
}

/// Draws the list; `open` are the articles shown in reading panes (marked
/// with `▸`), marked sources show a dot.
pub fn draw(shared: &Shared, f: &mut Frame, r: Rect, focused: bool, open: &[usize]) {
    let arts = shared.articles();
    let inner_w = (r.width as usize).saturating_sub(2);
    let items_visible = ((r.height as usize).saturating_sub(2) / 2).max(1);
    let t = &shared.theme;
    let mut lines = Vec::new();
    let shown = window(shared.source, arts.len(), items_visible);
    let level = facts_level(shared, shown.clone(), inner_w);
    for i in shown {
        let sign = if shared.marked.contains(&i) {
            "●"
        } else if open.contains(&i) {
            "▸"
        } else {
            " "
        };
        let style = if i == shared.source && focused {
            t.selected()
        } else if i == shared.source {
            t.title()
        } else {
            t.text()
        };
        lines.push(Line::styled(head(shared, i, sign, inner_w, level), style));
        lines.push(Line::styled(wrap::truncate(&format!("  {}", arts[i].label()), inner_w), t.dim()));
    }
    let title = match shared.loading {
        Some((_, total)) => format!(" Sources ({} of {total}, reading) ", arts.len()),
        None => format!(" Sources ({}) ", arts.len()),
    };
    let title = wrap::truncate(&title, (r.width as usize).saturating_sub(2));
    f.render_widget(Paragraph::new(lines).block(block(shared, title, focused)), r);
}

/// An entry's facts on the right, most detailed first: date and length,
/// the date, the month and day, nothing ("undated" in place of a date).
fn facts(a: &parallax::ingest::Article) -> [String; 4] {
    let date = a.published.map(|p| p.date);
    [
        date.map_or_else(|| format!("undated · {}w", a.word_count), |d| format!("{d} · {}w", a.word_count)),
        date.map_or_else(|| "undated".to_string(), |d| d.to_string()),
        date.map_or_else(|| "–".to_string(), |d| format!("{:02}-{:02}", d.month(), d.day())),
        String::new(),
    ]
}

/// Names keep at least this many columns beside the facts.
const NAME_MIN: usize = 14;

/// The facts' level for every entry shown, so the column reads alike (no
/// `01-04` beside `2025-01-04`): the most detailed one beside which every
/// name keeps its width, or at least [`NAME_MIN`] columns.
fn facts_level(shared: &Shared, shown: std::ops::Range<usize>, width: usize) -> usize {
    let room = width.saturating_sub(1);
    let fits = |level: usize| {
        shown.clone().all(|i| {
            let fact = &facts(&shared.articles()[i])[level];
            let name = wrap::width(&shared.label(i)).min(NAME_MIN);
            fact.is_empty() || name + 1 + wrap::width(fact) <= room
        })
    };
    (0..3).find(|&level| fits(level)).unwrap_or(3)
}

/// An entry's first line: the mark, the source's name, and on the right
/// its facts at `level` ([`facts_level`]), the name cut to leave them room.
fn head(shared: &Shared, i: usize, sign: &str, width: usize, level: usize) -> String {
    let name = shared.label(i);
    let right = facts(&shared.articles()[i])[level].clone();
    let room = width.saturating_sub(1);
    let right = if wrap::width(&right) + 1 > room { String::new() } else { right };
    let name_room = if right.is_empty() { room } else { room - wrap::width(&right) - 1 };
    let name = wrap::truncate(&name, name_room);
    format!("{sign}{}{right}", wrap::pad(&name, name_room + usize::from(!right.is_empty())))
}

/// "source 2/5 · Reuters · Title", for the status line while the list has
/// the keyboard.
pub fn location(shared: &Shared) -> Option<String> {
    let arts = shared.articles();
    if arts.is_empty() {
        return None;
    }
    let i = shared.source.min(arts.len() - 1);
    Some(format!("source {}/{} · {}", i + 1, arts.len(), shared.heading(i)))
}
