//! The Coverage view (who reports what: statements and events against
//! sources, with each source's exclusive share) and the Discrepancies view
//! (where sources carrying one statement differ, most significant first).

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span as TSpan};
use ratatui::widgets::{Clear, Paragraph, Wrap};

use super::app::{App, CoverageRow, tag};
use super::draw::{block, progress, styled_row, window};
use super::layout;
use super::wrap;
use crate::text::Span;

/// Width of one source column in the matrix.
const COL: usize = 4;
/// Width of the column counting the sources out of view.
const OTHERS: usize = 7;

pub fn draw_coverage(app: &App, f: &mut Frame, area: Rect) {
    let Some(an) = &app.analysis else {
        f.render_widget(block(app, " Coverage ", true), area);
        progress(app, f, area, "Comparing sources");
        return;
    };
    let t = &app.theme;
    let n = an.articles.len();
    let inner_w = (area.width as usize).saturating_sub(2);
    // As many source columns as fit beside a label of at least 30 columns;
    // when not all fit, a last column counts the sources out of view.
    let fits = (inner_w.saturating_sub(30) / COL).max(1);
    let others_w = if n > fits { OTHERS } else { 0 };
    let visible_cols = (inner_w.saturating_sub(30 + others_w) / COL).clamp(1, n.max(1));
    let label_w = inner_w.saturating_sub(visible_cols * COL + others_w).max(10);
    let cols = window(app.coverage_col, n, visible_cols);
    let mut header = vec![TSpan::styled(wrap::pad("statements, then events", label_w), t.dim())];
    let mut share =
        vec![TSpan::styled(wrap::pad(&wrap::truncate("words no other source has", label_w - 1), label_w), t.dim())];
    for c in cols.clone() {
        let style = if c == app.coverage_col { t.selected() } else { t.title() };
        header.push(TSpan::styled(wrap::pad_left(&tag(c), COL), style));
        let pct = an.story.coverage.get(c).map_or(0.0, |x| x.exclusive_share * 100.0);
        share.push(TSpan::styled(format!("{:>w$}", format!("{pct:.0}%"), w = COL), t.text()));
    }
    if others_w > 0 {
        header.push(TSpan::styled(format!("{:>others_w$}", "others"), t.dim()));
    }
    let rows = app.coverage_rows();
    let h = layout::text_height(area).saturating_sub(2);
    let mut lines = vec![Line::from(header), Line::from(share)];
    for i in window(app.coverage_row, rows.len(), h) {
        let row = rows[i];
        let (label, reported) = match row {
            CoverageRow::Statement(c) => {
                let source = crate::story::clusters::summary_source(&an.articles, &an.story.clusters[c].members);
                (super::timeline::shortened(source, label_w), false)
            }
            CoverageRow::Event(e) => {
                let ev = &an.timeline[e];
                let text = super::timeline::summary_for(app, ev, label_w);
                (
                    format!("{} {text}", super::timeline::when_label(&ev.when)),
                    ev.basis == crate::timeline::Basis::Reported,
                )
            }
        };
        let who = app.coverage_sources(row);
        let shown = wrap::pad(&wrap::truncate(&label, label_w - 1), label_w);
        let mut spans = super::draw::highlighted(app, shown, if reported { t.reported() } else { t.text() });
        for c in cols.clone() {
            let cell = if who.contains(&c) { "●" } else { "·" };
            let style = if who.contains(&c) { t.shared_mark() } else { t.dim() };
            spans.push(TSpan::styled(format!("{cell:>COL$}"), style));
        }
        if others_w > 0 {
            let out = who.iter().filter(|c| !cols.contains(c)).count();
            let cell = if out > 0 { format!("+{out}") } else { "·".to_string() };
            let style = if out > 0 { t.shared_mark() } else { t.dim() };
            spans.push(TSpan::styled(format!("{cell:>others_w$}"), style));
        }
        let mut line = Line::from(spans);
        if i == app.coverage_row {
            line = line.style(t.selected());
        }
        lines.push(line);
    }
    let count = super::timeline::count;
    let title = format!(
        " Coverage · {}, {} · source {} ",
        count(an.story.clusters.len(), "statement"),
        count(an.timeline.len(), "event"),
        tag(app.coverage_col)
    );
    f.render_widget(Paragraph::new(lines).block(block(app, title, true)), area);
}

/// The overlay listing what only one source has.
pub fn exclusive(app: &App, f: &mut Frame, area: Rect, article: usize, cursor: usize) {
    let r = layout::centered(area, area.width.saturating_sub(4), area.height.saturating_sub(2));
    f.render_widget(Clear, layout::around(area, r));
    let a = &app.articles()[article];
    let list = app.exclusive_of(article);
    let w = (r.width as usize).saturating_sub(4);
    let h = layout::text_height(r);
    let t = &app.theme;
    let mut lines = vec![Line::styled("Sentences no other source reports · Enter jumps to one · Esc closes", t.dim())];
    if list.is_empty() {
        lines.push(Line::raw("Nothing: every sentence of this source is reported elsewhere too."));
    }
    let per = 3;
    let height = |i: usize| wrap::wrap(a.sentence(list[i]), 0, w).len().clamp(1, per);
    for i in fill(cursor, list.len(), h.saturating_sub(1), height) {
        let text = a.sentence(list[i]);
        let rows = wrap::wrap(text, 0, w);
        let style = if i == cursor { t.selected() } else { t.text() };
        for (k, row) in rows.iter().take(per).enumerate() {
            let mut s = wrap::display(&text[row.start..row.end]).into_owned();
            if k == per - 1 && rows.len() > per {
                s = wrap::truncate(&format!("{s} …"), w);
            }
            lines.push(Line::styled(format!("{} {s}", if k == 0 { "›" } else { " " }), style));
        }
    }
    let share = app.analysis.as_ref().and_then(|x| x.story.coverage.get(article)).map_or(0.0, |c| c.exclusive_share);
    let position = if list.is_empty() { String::new() } else { format!("{}/{} · ", cursor + 1, list.len()) };
    let title = format!(
        " {position}Only in {} {} · {:.0}% of its words ",
        tag(article),
        wrap::truncate(&a.label(), 40),
        share * 100.0
    );
    let title = wrap::truncate(&title, (r.width as usize).saturating_sub(2));
    f.render_widget(Paragraph::new(lines).block(block(app, title, true)), r);
}

/// The items around `cursor` that fill `rows` rows, each `height(i)` rows
/// tall: below the cursor first, then above.
fn fill(cursor: usize, len: usize, rows: usize, height: impl Fn(usize) -> usize) -> std::ops::Range<usize> {
    if len == 0 {
        return 0..0;
    }
    let cursor = cursor.min(len - 1);
    let (mut lo, mut hi) = (cursor, cursor + 1);
    let mut used = height(cursor);
    loop {
        if hi < len && used + height(hi) <= rows {
            used += height(hi);
            hi += 1;
        } else if lo > 0 && used + height(lo - 1) <= rows {
            used += height(lo - 1);
            lo -= 1;
        } else {
            return lo..hi;
        }
    }
}

pub fn draw_discrepancies(app: &App, f: &mut Frame, area: Rect) {
    let Some(an) = &app.analysis else {
        f.render_widget(block(app, " Discrepancies ", true), area);
        progress(app, f, area, "Comparing sources");
        return;
    };
    let st = &an.story;
    let t = &app.theme;
    if st.discrepancies.is_empty() {
        let msg = "No differences found between sources that carry the same statement.";
        f.render_widget(Paragraph::new(msg).block(block(app, " Discrepancies ", true)), area);
        return;
    }
    let [list_area, detail_area] = Layout::vertical([Constraint::Min(5), Constraint::Length(9)]).areas(area);
    let w = (list_area.width as usize).saturating_sub(2);
    let h = layout::text_height(list_area);
    let mut lines = Vec::new();
    for i in window(app.discrepancy, st.discrepancies.len(), h) {
        let d = &st.discrepancies[i];
        let (x, y) = (d.a.1.slice(&an.articles[d.a.0].body), d.b.1.slice(&an.articles[d.b.0].body));
        let (kind, style) =
            if d.kind.significance() == 0 { ("spelling only", t.dim()) } else { (d.kind.as_str(), t.significant()) };
        // A date disagreement shows what each side's words resolve to.
        let resolved = d
            .dates
            .map(|(p, q)| format!(" ({} vs {})", super::timeline::when_label(&p), super::timeline::when_label(&q)))
            .unwrap_or_default();
        let text = format!("{} “{x}” vs {} “{y}”{resolved} · {}", tag(d.a.0), tag(d.b.0), st.clusters[d.cluster].id);
        let mut line = Line::from(vec![
            TSpan::styled(format!("{kind:<14}"), style),
            TSpan::raw(wrap::truncate(&text, w.saturating_sub(14))),
        ]);
        if i == app.discrepancy {
            line = line.style(t.selected());
        }
        lines.push(line);
    }
    let significant = st.discrepancies.iter().filter(|d| d.kind.significance() > 0).count();
    let title = format!(
        " Discrepancies · {significant} significant, {} ",
        super::timeline::count(st.discrepancies.len() - significant, "spelling variant")
    );
    f.render_widget(Paragraph::new(lines).block(block(app, title, true)), list_area);
    // The two members, the differing words marked.
    let d = &st.discrepancies[app.discrepancy.min(st.discrepancies.len() - 1)];
    let mut detail = Vec::new();
    for (side, member, style) in [(d.a, &d.member_a, t.deleted()), (d.b, &d.member_b, t.inserted())] {
        let body = &an.articles[member.article].body;
        detail
            .push(Line::styled(format!("{} {}", tag(member.article), an.articles[member.article].label()), t.title()));
        let row = super::wrap::Row { start: member.span.start, end: member.span.end };
        detail.push(styled_row(body, row, &[(Span::new(side.1.start, side.1.end), style)], t.text()));
    }
    let note = if d.kind.significance() == 0 {
        " the same name spelled differently: not a disagreement · Enter: side by side "
    } else {
        " Enter: side by side "
    };
    f.render_widget(Paragraph::new(detail).wrap(Wrap { trim: true }).block(block(app, note, false)), detail_area);
}
