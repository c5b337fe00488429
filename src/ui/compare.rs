//! The Compare view: two sources' versions of one passage side by side,
//! with the words only one side has highlighted. Pair by pair (all pairs,
//! one source against the rest, or a marked pair) or statement by
//! statement (one cluster, any two of its members).

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span as TSpan};
use ratatui::widgets::Paragraph;

use super::app::{App, Focus, member_pairs, tag};
use super::draw::{block, matches_in, progress, styled_row_spaced};
use super::read::sources;
use super::wrap;
use crate::align::diff::{Change, WordDiff, diff};
use crate::text::Span;

/// What is being compared: two spans and their word diff.
struct Sides {
    a: (usize, Span),
    b: (usize, Span),
    diff: WordDiff,
    heading: String,
}

/// One side's text wrapped to its column, glued sentences apart.
fn side_rows(a: &crate::ingest::Article, span: Span, width: usize) -> Vec<wrap::Row> {
    wrap::wrap_spaced(span.slice(&a.body), span.start, width, &a.glued)
}

/// Rows the longer side of the current comparison takes at this size, and
/// the rows the columns show.
pub fn extent(app: &App) -> (usize, usize) {
    let (_, main) = super::layout::compare(super::layout::body(app.size));
    let (_, left, _, right) = super::layout::compare_columns(main);
    let Some(s) = current(app) else { return (0, left.height as usize) };
    let arts = app.articles();
    let rows = |(a, sp): (usize, Span), w: u16| side_rows(&arts[a], sp, w as usize).len();
    (rows(s.a, left.width).max(rows(s.b, right.width)), left.height as usize)
}

/// The first row (of the longer column's scroll) that shows a match of
/// `q` on either side of the current comparison, a row above it if it can.
pub fn first_match_row(app: &App, q: &str) -> usize {
    let (_, main) = super::layout::compare(super::layout::body(app.size));
    let (_, left, _, right) = super::layout::compare_columns(main);
    let Some(s) = current(app) else { return 0 };
    let arts = app.articles();
    let row_of = |(a, sp): (usize, Span), w: u16| {
        let body = &arts[a].body;
        let at = crate::ui::app::find_ci(sp.slice(body), q, 0)? + sp.start;
        let rows = side_rows(&arts[a], sp, w as usize);
        Some(rows.partition_point(|r| r.end <= at))
    };
    let row = [row_of(s.a, left.width), row_of(s.b, right.width)].into_iter().flatten().min().unwrap_or(0);
    let (total, shown) = extent(app);
    // Only when the match is below the first screen.
    if row < shown { 0 } else { row.saturating_sub(1).min(total.saturating_sub(shown)) }
}

fn current(app: &App) -> Option<Sides> {
    let an = app.analysis.as_ref()?;
    if app.statements {
        let c = an.story.clusters.get(app.cluster)?;
        let pairs = member_pairs(c.members.len());
        let (i, j) = *pairs.get(app.pair.min(pairs.len().saturating_sub(1)))?;
        let (ma, mb) = (&c.members[i], &c.members[j]);
        let d = diff(&an.articles[ma.article].body, ma.span, &an.articles[mb.article].body, mb.span);
        let heading = format!(
            "Statement {}/{} · {} sources · pair {}/{} · {:.0}% same",
            app.cluster + 1,
            an.story.clusters.len(),
            c.members.len(),
            app.pair.min(pairs.len() - 1) + 1,
            pairs.len(),
            d.ratio() * 100.0
        );
        Some(Sides { a: (ma.article, ma.span), b: (mb.article, mb.span), diff: d, heading })
    } else {
        let list = app.passages();
        let &i = list.get(app.passage)?;
        let p = &an.passages[i];
        let heading = format!(
            "Passage {}/{} · {} · similarity {:.2}",
            app.passage + 1,
            list.len(),
            p.kind.as_str(),
            p.similarity
        );
        Some(Sides { a: (p.a.article, p.a.span), b: (p.b.article, p.b.span), diff: p.diff(&an.articles), heading })
    }
}

pub fn draw(app: &App, f: &mut Frame, area: Rect) {
    let (list, main) = super::layout::compare(area);
    sources(app, f, list, app.focus == Focus::Sources);
    let focused = app.focus == Focus::Main(0);
    if app.analysis.is_none() {
        f.render_widget(block(app, " Compare ", focused), main);
        progress(app, f, main, "Finding shared passages");
        return;
    }
    let Some(s) = current(app) else {
        let what = if app.statements {
            "No statement is carried by more than one source."
        } else if app.marked.len() == 2 {
            "These two sources share no passage. Press a for all pairs."
        } else {
            "No shared passages found."
        };
        f.render_widget(Paragraph::new(what).block(block(app, " Compare ", focused)), main);
        return;
    };
    let (total, shown) = extent(app);
    let scroll = app.compare_scroll.min(total.saturating_sub(shown));
    let more = if total > shown {
        format!(" rows {}-{} of {total} · PgDn/PgUp scroll ", scroll + 1, (scroll + shown).min(total))
    } else {
        String::new()
    };
    let b = block(app, wrap::truncate(&format!(" {} ", s.heading), (main.width as usize).saturating_sub(2)), focused)
        .title_bottom(Line::styled(more, app.theme.dim()).right_aligned());
    f.render_widget(b, main);
    let (head, left, gap, right) = super::layout::compare_columns(main);
    let arts = app.articles();
    let name = |(art, _): (usize, Span)| {
        let a = &arts[art];
        let outlet = a.outlet.as_deref().map(|o| format!(" ({o})")).unwrap_or_default();
        format!("{} {}{outlet}", tag(art), a.label())
    };
    let t = &app.theme;
    f.render_widget(
        Paragraph::new(vec![
            Line::from(vec![
                TSpan::styled(wrap::truncate(&name(s.a), head.width as usize), t.deleted()),
                TSpan::raw(" "),
            ]),
            Line::from(vec![TSpan::styled(wrap::truncate(&name(s.b), head.width as usize), t.inserted())]),
        ]),
        head,
    );
    let only_a: Vec<Span> = s.diff.chunks.iter().filter(|c| c.change == Change::Delete).map(|c| c.a).collect();
    let only_b: Vec<Span> = s.diff.chunks.iter().filter(|c| c.change == Change::Insert).map(|c| c.b).collect();
    column(app, f, left, s.a, &only_a, t.deleted(), scroll);
    f.render_widget(Paragraph::new(vec![Line::styled("│", t.border()); gap.height as usize]), gap);
    column(app, f, right, s.b, &only_b, t.inserted(), scroll);
}

/// One side: its text wrapped to the column, differing words marked.
fn column(
    app: &App,
    f: &mut Frame,
    r: Rect,
    (article, span): (usize, Span),
    changed: &[Span],
    style: ratatui::style::Style,
    scroll: usize,
) {
    let a = &app.articles()[article];
    let body = &a.body;
    let rows = side_rows(a, span, r.width as usize);
    let marks: Vec<(Span, ratatui::style::Style)> = changed.iter().map(|c| (*c, style)).collect();
    let lines: Vec<Line> = rows
        .iter()
        .skip(scroll)
        .take(r.height as usize)
        .map(|row| {
            let mut m = marks.clone();
            m.extend(matches_in(app, body, row.start, row.end));
            styled_row_spaced(body, *row, &m, app.theme.text(), &a.glued)
        })
        .collect();
    f.render_widget(Paragraph::new(lines), r);
}
