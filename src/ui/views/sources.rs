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
use crate::ui::app::tag;

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
    for i in window(shared.source, arts.len(), items_visible) {
        let a = &arts[i];
        let sign = if shared.marked.contains(&i) {
            "●"
        } else if open.contains(&i) {
            "▸"
        } else {
            " "
        };
        let head = format!("{:>2}{sign}{}", tag(i), a.label());
        let date = a.published.map_or_else(|| "no date".to_string(), |p| p.date.to_string());
        let outlet = a.outlet.as_deref().unwrap_or("");
        let sub = if outlet.is_empty() {
            format!("   {date} · {}w", a.word_count)
        } else {
            format!("   {date} · {}w · {outlet}", a.word_count)
        };
        let style = if i == shared.source && focused {
            t.selected()
        } else if i == shared.source {
            t.title()
        } else {
            t.text()
        };
        lines.push(Line::styled(wrap::truncate(&head, inner_w), style));
        lines.push(Line::styled(wrap::truncate(&sub, inner_w), t.dim()));
    }
    let title = match shared.loading {
        Some((_, total)) => format!(" Sources ({} of {total}, reading) ", arts.len()),
        None => format!(" Sources ({}) ", arts.len()),
    };
    let title = wrap::truncate(&title, (r.width as usize).saturating_sub(2));
    f.render_widget(Paragraph::new(lines).block(block(shared, title, focused)), r);
}

/// "source 2/5 · B · Title", for the status line while the list has the
/// keyboard.
pub fn location(shared: &Shared) -> Option<String> {
    let arts = shared.articles();
    if arts.is_empty() {
        return None;
    }
    let i = shared.source.min(arts.len() - 1);
    Some(format!("source {}/{} · {} · {}", i + 1, arts.len(), tag(i), arts[i].label()))
}
