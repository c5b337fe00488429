//! The Read view: the source list and up to three reading panes. A mark in
//! the gutter shows the lines other sources share; unmarked lines are this
//! outlet's own.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span as TSpan};
use ratatui::widgets::Paragraph;

use super::app::{App, Focus, View, tag};
use super::draw::{block, matches_in, styled_row_spaced, window};
use super::layout;
use super::wrap;
use crate::text::Span;

pub fn draw(app: &App, f: &mut Frame, area: Rect) {
    let (list, panes) = layout::read(area, app.panes.len().max(1));
    sources(app, f, list, app.focus == Focus::Sources);
    if app.panes.is_empty() {
        let what = match app.loading {
            Some((done, total)) => format!("Reading files… {done} of {total}"),
            None => "No article to read.".to_string(),
        };
        f.render_widget(Paragraph::new(what).block(block(app, " Read ", false)), panes[0]);
        return;
    }
    for (i, (pane, r)) in app.panes.iter().zip(panes).enumerate() {
        draw_pane(app, f, r, i, pane.article, app.focus == Focus::Main(i));
    }
}

/// The source list (Read and Compare): tag, title or first words, then
/// outlet, date and word count. Marked sources (for Compare) show a dot.
pub fn sources(app: &App, f: &mut Frame, r: Rect, focused: bool) {
    let arts = app.articles();
    let inner_w = (r.width as usize).saturating_sub(2);
    let items_visible = ((r.height as usize).saturating_sub(2) / 2).max(1);
    let mut lines = Vec::new();
    for i in window(app.source, arts.len(), items_visible) {
        let a = &arts[i];
        let marked = app.marked.contains(&i);
        let open = app.view == View::Read && app.panes.iter().any(|p| p.article == i);
        let sign = if marked {
            "●"
        } else if open {
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
        let style = if i == app.source && focused {
            app.theme.selected()
        } else if i == app.source {
            app.theme.title()
        } else {
            app.theme.text()
        };
        lines.push(Line::styled(wrap::truncate(&head, inner_w), style));
        lines.push(Line::styled(wrap::truncate(&sub, inner_w), app.theme.dim()));
    }
    let title = match app.loading {
        Some((_, total)) => format!(" Sources ({} of {total}, reading) ", arts.len()),
        None => format!(" Sources ({}) ", arts.len()),
    };
    let title = wrap::truncate(&title, (r.width as usize).saturating_sub(2));
    f.render_widget(Paragraph::new(lines).block(block(app, title, focused)), r);
}

fn draw_pane(app: &App, f: &mut Frame, r: Rect, index: usize, article: usize, focused: bool) {
    let a = &app.articles()[article];
    let pane = &app.panes[index];
    let w = layout::text_width(r);
    let h = layout::text_height(r);
    let rows = app.rows(article, w);
    let shared = app.analysis.as_ref().and_then(|x| x.story.coverage.get(article)).map(|c| &c.shared);
    let mut meta = vec![a.outlet.clone().unwrap_or_default()];
    if let Some(p) = a.published {
        meta.push(p.date.to_string());
    }
    meta.retain(|m| !m.is_empty());
    // The outlet and date when they fit whole; a cut label otherwise (never
    // a label and its fields both cut).
    let room = (r.width as usize).saturating_sub(5);
    let bare = format!(" {} {} ", tag(article), a.label());
    let with = |fields: &[String]| {
        if fields.is_empty() { bare.clone() } else { format!("{bare}· {} ", fields.join(" · ")) }
    };
    let title = [with(&meta), with(&meta[meta.len().saturating_sub(1)..])]
        .into_iter()
        .find(|t| wrap::width(t) <= room)
        .unwrap_or_else(|| wrap::truncate(&bare, room));
    // A space before the border when the title was cut.
    let title = if title.ends_with('…') { format!("{title} ") } else { title };
    let mut lines = Vec::with_capacity(h);
    let end = (pane.scroll + h).min(rows.len());
    for row in &rows[pane.scroll.min(end)..end] {
        // The gutter: a bar on lines of sentences another source shares.
        let first = a.sentences.partition_point(|s| s.end <= row.start);
        let is_shared = shared.is_some_and(|sh| {
            a.sentences[first..]
                .iter()
                .take_while(|s| s.start < row.end.max(row.start + 1))
                .enumerate()
                .any(|(k, _)| sh.get(first + k).copied().unwrap_or(false))
        }) && row.end > row.start;
        let gutter = if is_shared {
            TSpan::styled(if app.theme.color { "▌ " } else { "┃ " }, app.theme.shared_mark())
        } else {
            TSpan::raw("  ")
        };
        let mut marks = matches_in(app, &a.body, row.start, row.end);
        if let Some(t) = pane.target {
            marks.insert(0, (Span::new(t.start, t.end), app.theme.target()));
        }
        let mut line = styled_row_spaced(&a.body, *row, &marks, app.theme.text(), &a.glued);
        line.spans.insert(0, gutter);
        lines.push(line);
    }
    // As less and vim put it: the top, the bottom, or how far down.
    let scroll_note = if rows.len() <= h {
        String::new()
    } else if pane.scroll == 0 {
        " Top ".to_string()
    } else if end >= rows.len() {
        " Bot ".to_string()
    } else {
        format!(" {}% ", pane.scroll * 100 / (rows.len() - h))
    };
    let b = block(app, title, focused).title_bottom(Line::styled(scroll_note, app.theme.dim()).right_aligned());
    f.render_widget(Paragraph::new(lines).block(b), r);
}
