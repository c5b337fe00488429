//! The Compare view: two sources' versions of one passage side by side,
//! with the words only one side has highlighted. Pair by pair (all pairs,
//! one source against the rest, or a marked pair) or statement by
//! statement (one cluster, any two of its members).

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span as TSpan};
use ratatui::widgets::Paragraph;
use serde::{Deserialize, Serialize};

use parallax::align::diff::{Change, WordDiff, diff};
use parallax::ingest::Article;
use parallax::text::Span;

use super::super::anchor;
use super::super::draw::{block, matches_in, progress, styled_row_spaced};
use super::super::keymap::Action;
use super::super::layout;
use super::super::shared::{Notice, Request, Shared, Target};
use super::super::wrap;
use super::{View, is_paging, movement, search_list, sources, step};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Focus {
    Sources,
    #[default]
    Main,
}

#[derive(Default)]
pub struct Compare {
    pub focus: Focus,
    /// Statement by statement instead of pair by pair.
    pub statements: bool,
    /// The passage shown: an index into [`Compare::passages`].
    pub passage: usize,
    pub cluster: usize,
    /// Which pair of the cluster's members is shown.
    pub pair: usize,
    /// First row shown of the compared texts.
    pub scroll: usize,
}

/// What is being compared: two spans and their word diff.
struct Sides {
    a: (usize, Span),
    b: (usize, Span),
    diff: WordDiff,
    heading: String,
}

/// The place remembered: the passage or statement, by its text.
#[derive(Serialize, Deserialize)]
struct Place {
    statements: bool,
    passage: Option<anchor::PassageAnchor>,
    statement: Option<anchor::StatementAnchor>,
}

/// All pairs of `n` members, in order: (0,1), (0,2), ..., (1,2), ...
pub fn member_pairs(n: usize) -> Vec<(usize, usize)> {
    (0..n).flat_map(|i| (i + 1..n).map(move |j| (i, j))).collect()
}

/// One side's text wrapped to its column, glued sentences apart.
fn side_rows(a: &Article, span: Span, width: usize) -> Vec<wrap::Row> {
    wrap::wrap_spaced(span.slice(&a.body), span.start, width, &a.glued)
}

impl Compare {
    /// Passages shown: those of the marked pair, of the one marked source,
    /// or all (indexes into the analysis' passages).
    pub fn passages(shared: &Shared) -> Vec<usize> {
        let Some(a) = &shared.analysis else { return Vec::new() };
        let of = |i: usize, x: usize| a.passages[i].a.article == x || a.passages[i].b.article == x;
        match shared.marked.as_slice() {
            [x, y] => (0..a.passages.len()).filter(|&i| of(i, *x) && of(i, *y)).collect(),
            [x] => (0..a.passages.len()).filter(|&i| of(i, *x)).collect(),
            _ => (0..a.passages.len()).collect(),
        }
    }

    fn current(&self, shared: &Shared) -> Option<Sides> {
        let an = shared.analysis.as_ref()?;
        if self.statements {
            let c = an.story.clusters.get(self.cluster)?;
            let pairs = member_pairs(c.members.len());
            let (i, j) = *pairs.get(self.pair.min(pairs.len().saturating_sub(1)))?;
            let (ma, mb) = (&c.members[i], &c.members[j]);
            let d = diff(&an.articles[ma.article].body, ma.span, &an.articles[mb.article].body, mb.span);
            let heading = format!(
                "Statement {}/{} · {} sources · pair {}/{} · {:.0}% same",
                self.cluster + 1,
                an.story.clusters.len(),
                c.members.len(),
                self.pair.min(pairs.len() - 1) + 1,
                pairs.len(),
                d.ratio() * 100.0
            );
            Some(Sides { a: (ma.article, ma.span), b: (mb.article, mb.span), diff: d, heading })
        } else {
            let list = Self::passages(shared);
            let &i = list.get(self.passage)?;
            let p = &an.passages[i];
            let heading = format!(
                "Passage {}/{} · {} · similarity {:.2}",
                self.passage + 1,
                list.len(),
                p.kind.as_str(),
                p.similarity
            );
            Some(Sides { a: (p.a.article, p.a.span), b: (p.b.article, p.b.span), diff: p.diff(&an.articles), heading })
        }
    }

    /// Rows the longer side of the current comparison takes at this size,
    /// and the rows the columns show.
    fn extent(&self, shared: &Shared) -> (usize, usize) {
        let (_, main) = layout::compare(layout::body(shared.size));
        let (_, left, _, right) = layout::compare_columns(main);
        let Some(s) = self.current(shared) else { return (0, left.height as usize) };
        let arts = shared.articles();
        let rows = |(a, sp): (usize, Span), w: u16| side_rows(&arts[a], sp, w as usize).len();
        (rows(s.a, left.width).max(rows(s.b, right.width)), left.height as usize)
    }

    /// The first row (of the longer column's scroll) that shows a match of
    /// `q` on either side of the current comparison, a row above it if it
    /// can.
    fn first_match_row(&self, shared: &Shared, q: &str) -> usize {
        let (_, main) = layout::compare(layout::body(shared.size));
        let (_, left, _, right) = layout::compare_columns(main);
        let Some(s) = self.current(shared) else { return 0 };
        let arts = shared.articles();
        let row_of = |(a, sp): (usize, Span), w: u16| {
            let body = &arts[a].body;
            let at = parallax::text::search::find_start(sp.slice(body), q, 0)? + sp.start;
            let rows = side_rows(&arts[a], sp, w as usize);
            Some(rows.partition_point(|r| r.end <= at))
        };
        let row = [row_of(s.a, left.width), row_of(s.b, right.width)].into_iter().flatten().min().unwrap_or(0);
        let (total, shown) = self.extent(shared);
        // Only when the match is below the first screen.
        if row < shown { 0 } else { row.saturating_sub(1).min(total.saturating_sub(shown)) }
    }

    fn page(&self, shared: &Shared) -> usize {
        let body = layout::body(shared.size);
        match self.focus {
            Focus::Sources => sources::page(layout::compare(body).0),
            Focus::Main => (body.height as usize).saturating_sub(4).max(1),
        }
    }

    fn handle_list(&mut self, action: Action, shared: &mut Shared) -> bool {
        if sources::move_cursor(action, shared, self.page(shared)) {
            return true;
        }
        match action {
            Action::Enter | Action::Mark => shared.request(Request::ToggleMark(shared.source)),
            Action::AllPairs => shared.request(Request::ClearMarks),
            Action::Right | Action::FocusNext | Action::FocusPrev => self.focus = Focus::Main,
            // Compare's own keys work from the list too.
            Action::Statements | Action::NextItem | Action::PrevItem => return self.handle_main(action, shared),
            Action::Escape => return self.clear_marks(shared),
            _ => return false,
        }
        true
    }

    fn clear_marks(&mut self, shared: &mut Shared) -> bool {
        let any = !shared.marked.is_empty();
        shared.request(Request::ClearMarks);
        any
    }

    fn handle_main(&mut self, action: Action, shared: &mut Shared) -> bool {
        match action {
            Action::FocusNext | Action::FocusPrev => {
                self.focus = Focus::Sources;
                return true;
            }
            Action::Escape => return self.clear_marks(shared),
            _ => {}
        }
        let Some(an) = &shared.analysis else { return false };
        // `n`/`p` step passages only while no search is active.
        if matches!(action, Action::NextItem | Action::PrevItem) && shared.search.is_some() {
            return false;
        }
        // Paging scrolls a long passage; j/k and n/p step between them.
        if let Some(delta) = movement(action, self.page(shared)).filter(|_| is_paging(action)) {
            let (total, shown) = self.extent(shared);
            self.scroll = step(self.scroll, delta, total.saturating_sub(shown) + 1);
            return true;
        }
        let delta = match action {
            Action::Down | Action::NextItem => Some(1),
            Action::Up | Action::PrevItem => Some(-1),
            Action::Top => Some(isize::MIN / 2),
            Action::Bottom => Some(isize::MAX / 2),
            _ => None,
        };
        let before = (self.statements, self.cluster, self.pair, self.passage);
        let clusters = an.story.clusters.len();
        let members = an.story.clusters.get(self.cluster).map_or(0, |c| c.members.len());
        if action == Action::Enter {
            return self.open_both(shared);
        }
        match (self.statements, action, delta) {
            (true, Action::Statements, _) => self.statements = false,
            (false, Action::Statements, _) => {
                self.statements = true;
                self.pair = 0;
            }
            (true, Action::Right, _) => self.pair = (self.pair + 1) % member_pairs(members).len().max(1),
            (true, Action::Left, _) => {
                let pairs = member_pairs(members).len().max(1);
                self.pair = (self.pair + pairs - 1) % pairs;
            }
            (true, _, Some(d)) => {
                let c = self.cluster;
                self.cluster = step(self.cluster, d, clusters);
                if c != self.cluster {
                    self.pair = 0;
                }
            }
            (false, Action::AllPairs, _) => shared.request(Request::ClearMarks),
            (false, _, Some(d)) => self.passage = step(self.passage, d, Self::passages(shared).len()),
            _ => return false,
        }
        if before != (self.statements, self.cluster, self.pair, self.passage) {
            self.scroll = 0;
        }
        true
    }

    /// Opens both sides' articles in the Read view at the passage.
    fn open_both(&self, shared: &mut Shared) -> bool {
        let Some(s) = self.current(shared) else { return false };
        shared.request(Request::Show(Target::Both { left: s.a, right: s.b }));
        true
    }

    /// Texts of each item (statement or passage), for search.
    fn item_texts(&self, shared: &Shared) -> Vec<String> {
        let Some(a) = &shared.analysis else { return Vec::new() };
        let arts = &a.articles;
        if self.statements {
            a.story
                .clusters
                .iter()
                .map(|c| c.members.iter().map(|m| m.span.slice(&arts[m.article].body)).collect::<Vec<_>>().join(" "))
                .collect()
        } else {
            Self::passages(shared)
                .iter()
                .map(|&i| {
                    let p = &a.passages[i];
                    format!("{} {}", p.a.span.slice(&arts[p.a.article].body), p.b.span.slice(&arts[p.b.article].body))
                })
                .collect()
        }
    }

    fn clamp(&mut self, shared: &Shared) {
        self.passage = self.passage.min(Self::passages(shared).len().saturating_sub(1));
        if let Some(a) = &shared.analysis {
            self.cluster = self.cluster.min(a.story.clusters.len().saturating_sub(1));
        }
    }

    /// One side: its text wrapped to the column, differing words marked.
    #[allow(clippy::too_many_arguments)]
    fn column(
        shared: &Shared,
        f: &mut Frame,
        r: Rect,
        (article, span): (usize, Span),
        changed: &[Span],
        style: ratatui::style::Style,
        scroll: usize,
    ) {
        let a = &shared.articles()[article];
        let body = &a.body;
        let rows = side_rows(a, span, r.width as usize);
        let marks: Vec<(Span, ratatui::style::Style)> = changed.iter().map(|c| (*c, style)).collect();
        let lines: Vec<Line> = rows
            .iter()
            .skip(scroll)
            .take(r.height as usize)
            .map(|row| {
                let mut m = marks.clone();
                m.extend(matches_in(shared, body, row.start, row.end));
                styled_row_spaced(body, *row, &m, shared.theme.text(), &a.glued)
            })
            .collect();
        f.render_widget(Paragraph::new(lines), r);
    }

    fn draw_sides(&self, shared: &Shared, f: &mut Frame, main: Rect, s: &Sides) {
        let focused = self.focus == Focus::Main;
        let (total, shown) = self.extent(shared);
        let scroll = self.scroll.min(total.saturating_sub(shown));
        let more = if total > shown {
            format!(" rows {}-{} of {total} · PgDn/PgUp scroll ", scroll + 1, (scroll + shown).min(total))
        } else {
            String::new()
        };
        let title = wrap::truncate(&format!(" {} ", s.heading), (main.width as usize).saturating_sub(2));
        let b = block(shared, title, focused).title_bottom(Line::styled(more, shared.theme.dim()).right_aligned());
        f.render_widget(b, main);
        let (head, left, gap, right) = layout::compare_columns(main);
        let name = |(art, _): (usize, Span)| shared.heading(art);
        let t = &shared.theme;
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
        Self::column(shared, f, left, s.a, &only_a, t.deleted(), scroll);
        f.render_widget(Paragraph::new(vec![Line::styled("│", t.border()); gap.height as usize]), gap);
        Self::column(shared, f, right, s.b, &only_b, t.inserted(), scroll);
    }
}

impl View for Compare {
    fn handle(&mut self, action: Action, shared: &mut Shared) -> bool {
        let done = match self.focus {
            Focus::Sources => self.handle_list(action, shared),
            Focus::Main => self.handle_main(action, shared),
        };
        self.clamp(shared);
        done
    }

    fn hints(&self, _shared: &Shared) -> Vec<(Action, &'static str)> {
        if self.statements {
            vec![
                (Action::Down, "statement"),
                (Action::Right, "pair"),
                (Action::Enter, "read both"),
                (Action::Statements, "by pair"),
            ]
        } else {
            vec![
                (Action::NextItem, "next"),
                (Action::Enter, "read both"),
                (Action::Mark, "mark"),
                (Action::Statements, "by statement"),
            ]
        }
    }

    fn location(&self, shared: &Shared) -> String {
        if self.focus == Focus::Sources {
            if let Some(l) = sources::location(shared) {
                return l;
            }
        }
        let Some(a) = &shared.analysis else { return "analysing…".into() };
        if self.statements {
            format!("statement {}/{}", (self.cluster + 1).min(a.story.clusters.len()), a.story.clusters.len())
        } else {
            let n = Self::passages(shared).len();
            let scope = match shared.marked.as_slice() {
                [x, y] => format!("{} and {}", shared.label(*x), shared.label(*y)),
                [x] => format!("{} with all", shared.label(*x)),
                _ => "all pairs".into(),
            };
            format!("passage {}/{n} · {scope}", (self.passage + 1).min(n))
        }
    }

    fn draw(&self, shared: &Shared, f: &mut Frame, area: Rect) {
        let (list, main) = layout::compare(area);
        sources::draw(shared, f, list, self.focus == Focus::Sources, &[]);
        let focused = self.focus == Focus::Main;
        if shared.analysis.is_none() {
            f.render_widget(block(shared, " Compare ", focused), main);
            progress(shared, f, main, "Finding shared passages");
            return;
        }
        let Some(s) = self.current(shared) else {
            let what = if self.statements {
                "No statement is carried by more than one source."
            } else if shared.marked.len() == 2 {
                "These two sources share no passage. Press a for all pairs."
            } else {
                "No shared passages found."
            };
            f.render_widget(Paragraph::new(what).block(block(shared, " Compare ", focused)), main);
            return;
        };
        self.draw_sides(shared, f, main, &s);
    }

    fn search(&mut self, query: &str, forward: bool, fresh: bool, shared: &mut Shared) -> Option<String> {
        let cursor = if self.statements { self.cluster } else { self.passage };
        let (hit, message) = search_list(&self.item_texts(shared), cursor, query, forward, fresh)?;
        if self.statements {
            self.cluster = hit;
            self.pair = 0;
        } else {
            self.passage = hit;
        }
        self.scroll = self.first_match_row(shared, query);
        Some(message)
    }

    fn show(&mut self, target: &Target, shared: &mut Shared) -> bool {
        match *target {
            Target::Statement { cluster, pair } => {
                self.statements = true;
                self.cluster = cluster;
                self.pair = pair;
            }
            Target::Passage { a, b } => {
                let Some(an) = &shared.analysis else { return false };
                shared.marked = vec![a.0.min(b.0), a.0.max(b.0)];
                let list = Self::passages(shared);
                self.passage = anchor::find_passage(an, &list, a, b).unwrap_or(0);
                self.statements = false;
            }
            _ => return false,
        }
        self.scroll = 0;
        self.clamp(shared);
        true
    }

    fn enter(&mut self, _shared: &Shared) {
        self.focus = Focus::Main;
    }

    fn analysis_arrived(&mut self, shared: &Shared) {
        self.clamp(shared);
    }

    fn notice(&mut self, notice: Notice, _shared: &Shared) {
        if notice == Notice::MarksChanged {
            self.passage = 0;
            self.scroll = 0;
            self.statements = false;
        }
    }

    fn save(&self, shared: &Shared) -> Option<serde_json::Value> {
        let an = shared.analysis.as_ref()?;
        let passage =
            Self::passages(shared).get(self.passage).and_then(|&i| anchor::PassageAnchor::of(an, &an.passages[i]));
        let statement = an.story.clusters.get(self.cluster).and_then(|c| anchor::StatementAnchor::of(an, c, self.pair));
        serde_json::to_value(Place { statements: self.statements, passage, statement }).ok()
    }

    fn restore(&mut self, place: &serde_json::Value, shared: &mut Shared) {
        let Ok(place) = serde_json::from_value::<Place>(place.clone()) else { return };
        let Some(an) = &shared.analysis else { return };
        self.statements = place.statements;
        if let Some(p) = place.passage.as_ref() {
            let list = Self::passages(shared);
            if let Some(i) = p.resolve(an, &list) {
                self.passage = i;
            }
        }
        if let Some((cluster, pair)) = place.statement.as_ref().and_then(|s| s.resolve(an)) {
            self.cluster = cluster;
            self.pair = pair;
        }
        self.scroll = 0;
        self.clamp(shared);
    }
}
