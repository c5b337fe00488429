//! The Coverage view: who reports what. Statements and events against
//! sources, with each source's exclusive share; `e` lists what only the
//! selected source has.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span as TSpan};
use ratatui::widgets::Paragraph;
use serde::{Deserialize, Serialize};

use super::super::anchor::{self, EventAnchor, StatementAnchor};
use super::super::draw::{block, highlighted, progress, window};
use super::super::keymap::Action;
use super::super::layout;
use super::super::overlays::Exclusive;
use super::super::shared::{Mouse, Pointer, Request, Shared, Target};
use super::super::wrap;
use super::timeline::{count, shortened, summary_for, when_label};
use super::{View, clamped, movement, search_list, step};

/// Width of the column counting the sources out of view.
const OTHERS: usize = 7;
/// The row labels get at least this many columns.
const MIN_LABEL: usize = 24;
/// Source columns when their names take two header rows, each name
/// reaching over the next column.
const NARROW: usize = 6;

/// How the matrix is laid out at a width.
struct Grid {
    label_w: usize,
    /// Width of each source column.
    col_w: usize,
    cols: std::ops::Range<usize>,
    /// Width of the column counting sources out of view (0: all in view).
    others_w: usize,
    /// Names on two header rows, alternating.
    stagger: bool,
}

impl Grid {
    /// One header row of names wide enough for all of them when every
    /// source fits so; else narrow columns with names on two rows.
    fn new(shared: &Shared, selected: usize, inner_w: usize) -> Grid {
        let n = shared.articles().len();
        let room = inner_w.saturating_sub(MIN_LABEL.min(inner_w / 2));
        // Whole names on one row only while the labels keep half the width.
        let wide = if n * 5 <= inner_w / 2 {
            let longest = (0..n).map(|i| wrap::width(&shared.label(i))).max().unwrap_or(1);
            Some((longest + 2).clamp(5, 16)).filter(|w| n * w <= inner_w / 2)
        } else {
            None
        };
        let (col_w, stagger) = match wide {
            Some(w) => (w, false),
            // One column only (a narrow screen): no neighbour to reach over.
            None if room.saturating_sub(OTHERS) < 3 * NARROW => ((room.saturating_sub(OTHERS)).clamp(5, 16), false),
            None => (NARROW, true),
        };
        // Staggered, the last name reaches over a column's width of room
        // kept at the right.
        let reserve = if stagger { col_w } else { 0 };
        let fits = (room.saturating_sub(reserve) / col_w).max(1);
        let others_w = if n > fits { OTHERS } else { 0 };
        let visible = (room.saturating_sub(others_w + reserve) / col_w).clamp(1, n.max(1));
        let label_w = inner_w.saturating_sub(visible * col_w + others_w + reserve).max(10);
        Grid { label_w, col_w, cols: window(selected, n, visible), others_w, stagger }
    }

    /// The name of the source in column `c` as a header cell `width`
    /// columns wide: a space, then the name above the column's marks.
    fn name(shared: &Shared, c: usize, width: usize) -> String {
        let room = width.saturating_sub(2);
        format!(" {}", wrap::pad(&wrap::truncate(&shared.label(c), room), width.saturating_sub(1)))
    }
}

/// A row of the matrix: a statement (cluster) or a timeline event.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Row {
    Statement(usize),
    Event(usize),
}

#[derive(Default)]
pub struct Coverage {
    pub row: usize,
    /// The selected source (column).
    pub column: usize,
}

/// The place remembered: the row by its text, the column by article id.
#[derive(Serialize, Deserialize)]
struct Place {
    statement: Option<StatementAnchor>,
    event: Option<EventAnchor>,
    column: Option<String>,
}

/// Every row: statements, then events.
pub fn rows(shared: &Shared) -> Vec<Row> {
    let Some(a) = &shared.analysis else { return Vec::new() };
    (0..a.story.clusters.len()).map(Row::Statement).chain((0..a.timeline.len()).map(Row::Event)).collect()
}

/// Whether sources that carry a row differ on a number, a date or a name
/// in it (a significant discrepancy): the row says so before its words.
fn sources_differ(shared: &Shared, row: Row) -> bool {
    let Some(an) = &shared.analysis else { return false };
    match row {
        Row::Statement(c) => an.story.discrepancies.iter().any(|d| d.cluster == c && d.kind.significance() > 0),
        Row::Event(e) => super::timeline::sources_differ_on(shared, &an.timeline[e]),
    }
}

/// Sources reporting a row.
fn sources_of(shared: &Shared, row: Row) -> Vec<usize> {
    let Some(a) = &shared.analysis else { return Vec::new() };
    let mut v: Vec<usize> = match row {
        Row::Statement(c) => a.story.clusters[c].members.iter().map(|m| m.article).collect(),
        Row::Event(e) => a.timeline[e].mentions.iter().map(|m| m.article).collect(),
    };
    v.sort_unstable();
    v.dedup();
    v
}

impl Coverage {
    fn page(shared: &Shared) -> usize {
        (layout::body(shared.size).height as usize).saturating_sub(4).max(1)
    }

    fn clamp(&mut self, shared: &Shared) {
        self.row = clamped(self.row, rows(shared).len());
        self.column = clamped(self.column, shared.articles().len());
    }

    /// The matrix line of one row.
    fn row_line<'a>(&self, shared: &Shared, i: usize, row: Row, grid: &Grid) -> Line<'a> {
        let (label_w, others_w, cols) = (grid.label_w, grid.others_w, grid.cols.clone());
        let Some(an) = &shared.analysis else { return Line::default() };
        let t = &shared.theme;
        let (label, reported) = match row {
            Row::Statement(c) => {
                let source = parallax::story::clusters::summary_source(&an.articles, &an.story.clusters[c].members);
                (shortened(source, label_w), false)
            }
            Row::Event(e) => {
                let ev = &an.timeline[e];
                let text = summary_for(&an.articles, ev, label_w);
                (format!("{} {text}", when_label(&ev.when)), ev.basis == parallax::timeline::Basis::Reported)
            }
        };
        let label = if sources_differ(shared, row) { format!("≠ {label}") } else { label };
        let who = sources_of(shared, row);
        let shown = wrap::pad(&wrap::truncate(&label, label_w - 1), label_w);
        let mut spans = highlighted(shared, shown, if reported { t.reported() } else { t.text() });
        for c in cols.clone() {
            let cell = if who.contains(&c) { "●" } else { "·" };
            let style = if who.contains(&c) { t.shared_mark() } else { t.dim() };
            spans.push(TSpan::styled(wrap::pad(&format!(" {cell}"), grid.col_w), style));
        }
        if others_w > 0 {
            if grid.stagger {
                spans.push(TSpan::raw(" ".repeat(grid.col_w)));
            }
            let out = who.iter().filter(|c| !cols.contains(c)).count();
            let cell = if out > 0 { format!("+{out}") } else { "·".to_string() };
            let style = if out > 0 { t.shared_mark() } else { t.dim() };
            spans.push(TSpan::styled(format!("{cell:>others_w$}"), style));
        }
        let line = Line::from(spans);
        if i == self.row { line.style(t.selected()) } else { line }
    }
}

impl View for Coverage {
    /// The wheel steps rows; a click selects the row, and the source whose
    /// column it falls in.
    fn mouse(&mut self, mouse: Mouse, shared: &mut Shared) -> bool {
        let n = rows(shared).len();
        if mouse.kind != Pointer::Click {
            self.row = step(self.row, mouse.wheel(), n);
            return true;
        }
        let area = layout::body(shared.size);
        let Some(line) = mouse.line_in(area) else { return false };
        let grid = Grid::new(shared, self.column, (area.width as usize).saturating_sub(2));
        let header = if grid.stagger { 3 } else { 2 };
        let x = (mouse.column.saturating_sub(area.x + 1)) as usize;
        if x >= grid.label_w {
            let column = grid.cols.start + (x - grid.label_w) / grid.col_w;
            if column < grid.cols.end {
                self.column = column;
            }
        }
        if line >= header {
            let h = layout::text_height(area).saturating_sub(header);
            let item = window(self.row, n, h).start + line - header;
            if item < n {
                self.row = item;
            }
        }
        true
    }

    fn handle(&mut self, action: Action, shared: &mut Shared) -> bool {
        let rows = rows(shared);
        let n = shared.articles().len();
        if let Some(delta) = movement(action, Self::page(shared)) {
            self.row = step(self.row, delta, rows.len());
            return true;
        }
        match action {
            Action::Left => self.column = self.column.saturating_sub(1),
            Action::Right => self.column = step(self.column, 1, n),
            Action::Exclusive if n > 0 => shared.request(Request::Open(Box::new(Exclusive::new(self.column)))),
            Action::Enter => match rows.get(self.row) {
                Some(Row::Statement(c)) => shared.request(Request::Show(Target::Statement { cluster: *c, pair: 0 })),
                Some(Row::Event(e)) => shared.request(Request::Show(Target::Event(*e))),
                None => return false,
            },
            _ => return false,
        }
        self.clamp(shared);
        true
    }

    fn hints(&self, _shared: &Shared) -> Vec<(Action, &'static str)> {
        vec![(Action::Right, "source"), (Action::Exclusive, "only this"), (Action::Enter, "open")]
    }

    fn location(&self, shared: &Shared) -> String {
        if shared.analysis.is_none() {
            return "analysing…".into();
        }
        let n = rows(shared).len();
        format!("row {}/{n} · {}", (self.row + 1).min(n), shared.heading(self.column))
    }

    fn draw(&self, shared: &Shared, f: &mut Frame, area: Rect) {
        let Some(an) = &shared.analysis else {
            f.render_widget(block(shared, " Coverage ", true), area);
            progress(shared, f, area, "Comparing sources");
            return;
        };
        let t = &shared.theme;
        let grid = Grid::new(shared, self.column, (area.width as usize).saturating_sub(2));
        let label =
            |text: &str| TSpan::styled(wrap::pad(&wrap::truncate(text, grid.label_w - 1), grid.label_w), t.dim());
        let mut names = [vec![label("statements, then events")], vec![label("")]];
        let mut share = vec![label("words no other source has")];
        for (k, c) in grid.cols.clone().enumerate() {
            let style = if c == self.column { t.selected() } else { t.title() };
            // Staggered, a name reaches over the next column, which the
            // other row names.
            let row = usize::from(grid.stagger && k % 2 == 1);
            let width = if grid.stagger { 2 * grid.col_w } else { grid.col_w };
            names[row].push(TSpan::styled(Grid::name(shared, c, width), style));
            if grid.stagger && k == 0 {
                names[1].push(TSpan::raw(" ".repeat(grid.col_w)));
            }
            let pct = an.story.coverage.get(c).map_or(0.0, |x| x.exclusive_share * 100.0);
            share.push(TSpan::styled(wrap::pad(&format!(" {pct:.0}%"), grid.col_w), t.text()));
        }
        if grid.others_w > 0 {
            // After the last name (which reaches a column further on the
            // row that has it).
            let row = usize::from(grid.stagger && grid.cols.len() % 2 == 0);
            names[row].push(TSpan::styled(format!("{:>w$}", "others", w = grid.others_w), t.dim()));
        }
        let rows = rows(shared);
        let [first, second] = names;
        let mut lines = vec![Line::from(first)];
        if grid.stagger {
            lines.push(Line::from(second));
        }
        lines.push(Line::from(share));
        let h = layout::text_height(area).saturating_sub(lines.len());
        for i in window(self.row, rows.len(), h) {
            lines.push(self.row_line(shared, i, rows[i], &grid));
        }
        let title = format!(
            " Coverage · {}, {} · {} ",
            count(an.story.clusters.len(), "statement"),
            count(an.timeline.len(), "event"),
            shared.label(self.column)
        );
        let title = wrap::truncate(&title, (area.width as usize).saturating_sub(2));
        f.render_widget(Paragraph::new(lines).block(block(shared, title, true)), area);
    }

    fn search(&mut self, query: &str, forward: bool, fresh: bool, shared: &mut Shared) -> Option<String> {
        let an = shared.analysis.as_ref()?;
        let texts: Vec<String> = rows(shared)
            .iter()
            .map(|r| match r {
                Row::Statement(c) => an.story.clusters[*c].summary.clone(),
                Row::Event(e) => an.timeline[*e].summary.clone(),
            })
            .collect();
        search_list(&texts, &mut self.row, query, forward, fresh)
    }

    fn analysis_arrived(&mut self, shared: &Shared) {
        self.clamp(shared);
    }

    fn save(&self, shared: &Shared) -> Option<serde_json::Value> {
        let an = shared.analysis.as_ref()?;
        let (statement, event) = match rows(shared).get(self.row) {
            Some(Row::Statement(c)) => (StatementAnchor::of(an, &an.story.clusters[*c], 0), None),
            Some(Row::Event(e)) => (None, EventAnchor::of(an, *e)),
            None => (None, None),
        };
        serde_json::to_value(Place { statement, event, column: anchor::article_id(an, self.column) }).ok()
    }

    fn restore(&mut self, place: &serde_json::Value, shared: &mut Shared) {
        let Ok(place) = serde_json::from_value::<Place>(place.clone()) else { return };
        let Some(an) = &shared.analysis else { return };
        let row = match (&place.statement, &place.event) {
            (Some(s), _) => s.resolve(an).map(|(c, _)| Row::Statement(c)),
            (None, Some(e)) => e.resolve(an).map(Row::Event),
            _ => None,
        };
        if let Some(i) = row.and_then(|r| rows(shared).iter().position(|x| *x == r)) {
            self.row = i;
        }
        if let Some(c) = place.column.as_deref().and_then(|id| anchor::article_index(an, id)) {
            self.column = c;
        }
        self.clamp(shared);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::app::tests::toll_reports;

    #[test]
    fn rows_whose_sources_differ_are_marked() {
        let differing = toll_reports(&[12, 15]);
        let marked: Vec<Row> =
            rows(&differing.shared).into_iter().filter(|&r| sources_differ(&differing.shared, r)).collect();
        assert!(marked.iter().any(|r| matches!(r, Row::Statement(_))), "{marked:?}");
        assert!(marked.iter().any(|r| matches!(r, Row::Event(_))), "{marked:?}");
        let agreeing = toll_reports(&[12, 12]);
        assert!(rows(&agreeing.shared).into_iter().all(|r| !sources_differ(&agreeing.shared, r)));
    }
}
