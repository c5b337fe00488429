//! The Compare view: two sources' versions of one passage side by side,
//! sentence beside sentence ([`aligned`]), with the words only one side has
//! highlighted. Pair by pair (all pairs, one source against the rest, or a
//! marked pair) or statement by statement (one cluster, any two of its
//! members). Below 100 columns the source list steps aside (`z` or Tab
//! brings it back); on a narrow screen the two sides stack.

pub mod aligned;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span as TSpan};
use ratatui::widgets::{Paragraph, Wrap};
use serde::{Deserialize, Serialize};

use parallax::align::copies::PAIRWISE_CARRIERS;
use parallax::align::diff::{Change, WordDiff, diff};
use parallax::ingest::Article;
use parallax::story::{Cluster, Member};
use parallax::text::Span;

use aligned::{Laid, Side};

use super::super::anchor;
use super::super::draw::{block, matches_in, progress, styled_row_spaced};
use super::super::keymap::Action;
use super::super::layout;
use super::super::shared::{Mouse, Notice, Pointer, Request, Shared, Target, WHEEL_ROWS};
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
    /// The first row shown: a group of aligned sentences and a row in it
    /// (groups do not change with the width, so a resize keeps the place).
    pub top: (usize, usize),
    /// The source list hidden by the reader (`z`).
    pub list_hidden: bool,
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
    /// The first row shown: group of aligned sentences, row within it.
    #[serde(default)]
    top: (usize, usize),
    #[serde(default)]
    list_hidden: bool,
}

/// All pairs of `n` members, in order: (0,1), (0,2), ..., (1,2), ...
pub fn member_pairs(n: usize) -> Vec<(usize, usize)> {
    (0..n).flat_map(|i| (i + 1..n).map(move |j| (i, j))).collect()
}

/// The pairs of a statement's members that `h`/`l` step through: every
/// pair while the statement has few sources; carried by more, each other
/// wording against the one most sources carry (its first member beside the
/// other's), or two of its copies when all carry the same words.
pub fn statement_pairs(articles: &[Article], cluster: &Cluster) -> Vec<(usize, usize)> {
    if cluster.members.len() <= PAIRWISE_CARRIERS {
        return member_pairs(cluster.members.len());
    }
    match cluster.wordings(articles).as_slice() {
        [only] => vec![(only[0], only[1])],
        [most, others @ ..] => others.iter().map(|other| (most[0], other[0])).collect(),
        [] => Vec::new(),
    }
}

/// Why a marked pair shows no passage: none shared, or (copies of one
/// text many sources carry are each paired with its first carrier only)
/// the statements both carry as copies, to be compared statement by
/// statement.
fn no_pair_passage(shared: &Shared, x: usize, y: usize) -> String {
    let both = shared
        .analysis
        .as_ref()
        .map_or(0, |an| an.story.clusters.iter().filter(|c| c.member(x).is_some() && c.member(y).is_some()).count());
    if both == 0 {
        return "These two sources share no passage. Press a for all pairs.".into();
    }
    format!(
        "{} and {} both carry {}, as copies that many sources carry: each copy is paired with the first source \
         that carries it, not with every other. Press c to compare them statement by statement, a for all pairs.",
        shared.label(x),
        shared.label(y),
        super::timeline::count(both, "statement")
    )
}

/// Where in [`statement_pairs`] members `i` and `j` are shown: their own
/// pair, or (with many sources) the pair of their wordings.
pub fn pair_position(articles: &[Article], cluster: &Cluster, i: usize, j: usize) -> Option<usize> {
    let pairs = statement_pairs(articles, cluster);
    let found = |i: usize, j: usize| pairs.iter().position(|&pair| pair == (i, j) || pair == (j, i));
    if cluster.members.len() <= PAIRWISE_CARRIERS {
        return found(i, j);
    }
    let wordings = cluster.wordings(articles);
    let first = |member: usize| wordings.iter().find(|w| w.contains(&member)).map_or(member, |w| w[0]);
    found(first(i), first(j)).or_else(|| found(first(j), first(i)))
}

/// Where the comparison goes at a size.
struct Geometry {
    list: Option<Rect>,
    main: Rect,
    head: Rect,
    text: Rect,
    /// Side by side: (left, gap, right); else stacked.
    columns: Option<(Rect, Rect, Rect)>,
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

    /// Coming from Read: the passage holding the sentence selected there,
    /// else (when the passage shown is not one of the source read) the
    /// source's first passage.
    fn open_on_reading(&mut self, shared: &Shared) {
        let (Some(an), Some((article, selected))) = (&shared.analysis, shared.reading) else { return };
        if self.statements {
            return;
        }
        let list = Self::passages(shared);
        let side = |i: usize| [&an.passages[i].a, &an.passages[i].b].into_iter().find(|s| s.article == article);
        let holds = |i: usize, at: usize| side(i).is_some_and(|s| s.span.start <= at && at < s.span.end);
        let shown = list.get(self.passage).copied();
        let holding = selected.filter(|&at| !shown.is_some_and(|i| holds(i, at)));
        let first_of_source = || {
            let shown_is_of_source = shown.is_some_and(|i| side(i).is_some());
            list.iter().position(|&i| side(i).is_some()).filter(|_| !shown_is_of_source)
        };
        let found = holding.and_then(|at| list.iter().position(|&i| holds(i, at))).or_else(first_of_source);
        if let Some(k) = found {
            self.passage = k;
            self.top = (0, 0);
        }
    }

    fn current(&self, shared: &Shared) -> Option<Sides> {
        let an = shared.analysis.as_ref()?;
        if self.statements {
            self.statement(an, &shared.marked)
        } else {
            let list = Self::passages(shared);
            let &i = list.get(self.passage)?;
            let p = &an.passages[i];
            // A copy many sources carry: it stands for them all.
            let carriers = an.copies.carriers((p.a.article, p.a.sentences.start));
            let carried = if carriers > 1 { format!(" · carried by {carriers} sources") } else { String::new() };
            let diff = p.diff(&an.articles);
            // The match's score, and the share of words the two have in
            // common, as the statements' pairs give it (cut first when the
            // title is too long).
            let heading = format!(
                "Passage {}/{} · {}{carried} · similarity {:.2} · {:.0}% same words",
                self.passage + 1,
                list.len(),
                p.kind.as_str(),
                p.similarity_shown(),
                diff.ratio() * 100.0
            );
            Some(Sides { a: (p.a.article, p.a.span), b: (p.b.article, p.b.span), diff, heading })
        }
    }

    /// The statement shown and the pair of its members (or wordings): with
    /// two sources marked that both carry it, theirs.
    fn statement(&self, an: &parallax::Analysis, marked: &[usize]) -> Option<Sides> {
        let c = an.story.clusters.get(self.cluster)?;
        let pairs = statement_pairs(&an.articles, c);
        let pair = self.pair.min(pairs.len().saturating_sub(1));
        let (i, j) = *pairs.get(pair)?;
        let position = |article: usize| c.members.iter().position(|m| m.article == article);
        let marked_pair = match marked {
            [x, y] => position(*x).zip(position(*y)),
            _ => None,
        };
        let (i, j) = marked_pair.unwrap_or((i, j));
        let (ma, mb) = (&c.members[i], &c.members[j]);
        let d = diff(&an.articles[ma.article].body, ma.span, &an.articles[mb.article].body, mb.span);
        let shown = if marked_pair.is_some() {
            format!("{} sources · the two marked", c.members.len())
        } else if c.members.len() <= PAIRWISE_CARRIERS {
            format!("{} sources · pair {}/{}", c.members.len(), pair + 1, pairs.len())
        } else {
            carried_by(&c.wordings(&an.articles), pair, c.members.len())
        };
        let heading = format!(
            "Statement {}/{} · {shown} · {:.0}% same words",
            self.cluster + 1,
            an.story.clusters.len(),
            d.ratio() * 100.0
        );
        Some(Sides { a: (ma.article, ma.span), b: (mb.article, mb.span), diff: d, heading })
    }

    fn geometry(&self, shared: &Shared) -> Geometry {
        let body = layout::body(shared.size);
        let min = layout::COMPARE_LIST_MIN;
        let shown = layout::list_shown(body, self.list_hidden, min, self.focus == Focus::Sources);
        let (list, main) = layout::with_list(body, shown, min);
        let (head, text) = layout::compare_main(main);
        Geometry { list, main, head, text, columns: layout::compare_columns(text) }
    }

    /// The comparison laid out in rows at this size.
    fn laid(&self, shared: &Shared, s: &Sides) -> Laid {
        let arts = shared.articles();
        let (a, b) = (&arts[s.a.0], &arts[s.b.0]);
        let groups = aligned::groups((a, s.a.1), (b, s.b.1), &s.diff);
        let g = self.geometry(shared);
        match g.columns {
            Some((left, _, right)) => aligned::side_by_side(&groups, a, b, (left.width as usize, right.width as usize)),
            None => aligned::stacked(&groups, a, b, (g.text.width as usize).saturating_sub(2)),
        }
    }

    /// The first row shown, of `total`, with `shown` rows on screen.
    fn first_row(&self, laid: &Laid, shown: usize) -> usize {
        let (group, row) = self.top;
        let start = laid.start_of(group);
        let in_group = laid.lines[start..].iter().take_while(|(g, _)| *g == group).count();
        (start + row.min(in_group.saturating_sub(1))).min(laid.lines.len().saturating_sub(shown))
    }

    /// Scrolls by `delta` rows.
    fn scroll(&mut self, shared: &Shared, delta: isize) {
        let Some(s) = self.current(shared) else { return };
        let laid = self.laid(shared, &s);
        let shown = self.geometry(shared).text.height as usize;
        let max = laid.lines.len().saturating_sub(shown);
        let row = step(self.first_row(&laid, shown), delta, max + 1);
        self.top = laid.place_of(row);
    }

    /// Scrolls to the first row showing a match of `q` on either side, a row
    /// above it, when it is below the first screen.
    fn scroll_to_match(&mut self, shared: &Shared, q: &str) {
        self.top = (0, 0);
        let Some(s) = self.current(shared) else { return };
        let laid = self.laid(shared, &s);
        let arts = shared.articles();
        let has = |article: usize, row: Option<wrap::Row>| {
            row.is_some_and(|r| {
                let body = &arts[article].body;
                parallax::text::search::find(body, q, r.start).is_some_and(|(start, _)| start < r.end)
            })
        };
        let hit = laid.lines.iter().position(|(_, line)| match *line {
            aligned::Line::Pair { left, right } => has(s.a.0, left) || has(s.b.0, right),
            aligned::Line::One { side: Side::A, row } => has(s.a.0, Some(row)),
            aligned::Line::One { side: Side::B, row } => has(s.b.0, Some(row)),
            aligned::Line::Gap => false,
        });
        let shown = self.geometry(shared).text.height as usize;
        if let Some(row) = hit.filter(|&r| r >= shown) {
            self.top = laid.place_of(row.saturating_sub(1).min(laid.lines.len().saturating_sub(shown)));
        }
    }

    fn page(&self, shared: &Shared) -> usize {
        let g = self.geometry(shared);
        match (self.focus, g.list) {
            (Focus::Sources, Some(list)) => sources::page(list),
            _ => (g.text.height as usize).max(1),
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
            Action::ToggleList => {
                self.list_hidden = true;
                self.focus = Focus::Main;
            }
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
            Action::ToggleList => {
                self.toggle_list(shared);
                return true;
            }
            Action::Escape => return self.clear_marks(shared),
            Action::Enter => return self.open_both(shared),
            _ => {}
        }
        if shared.analysis.is_none() {
            return false;
        }
        // `n`/`p` step passages only while no search is active.
        if matches!(action, Action::NextItem | Action::PrevItem) && shared.search.is_some() {
            return false;
        }
        // Paging scrolls a long passage; j/k and n/p step between them.
        if let Some(delta) = movement(action, self.page(shared)).filter(|_| is_paging(action)) {
            self.scroll(shared, delta);
            return true;
        }
        let before = (self.statements, self.cluster, self.pair, self.passage);
        if !self.step_item(action, shared) {
            return false;
        }
        if before != (self.statements, self.cluster, self.pair, self.passage) {
            self.top = (0, 0);
        }
        true
    }

    /// Shows or hides the source list (on a narrow screen it shows only
    /// with the keyboard).
    fn toggle_list(&mut self, shared: &Shared) {
        let body = layout::body(shared.size);
        let shown = layout::list_shown(body, self.list_hidden, layout::COMPARE_LIST_MIN, false);
        self.list_hidden = shown;
        if !shown && body.width < layout::COMPARE_LIST_MIN {
            self.focus = Focus::Sources;
        }
    }

    /// Steps between passages or statements, or between the member pairs
    /// of a statement; switches between the two; returns whether the
    /// action was one of these.
    fn step_item(&mut self, action: Action, shared: &mut Shared) -> bool {
        let delta = match action {
            Action::Down | Action::NextItem => Some(1),
            Action::Up | Action::PrevItem => Some(-1),
            Action::Top => Some(isize::MIN / 2),
            Action::Bottom => Some(isize::MAX / 2),
            _ => None,
        };
        let Some(an) = &shared.analysis else { return false };
        let clusters = an.story.clusters.len();
        let pairs = an.story.clusters.get(self.cluster).map_or(0, |c| statement_pairs(&an.articles, c).len()).max(1);
        match (self.statements, action, delta) {
            (true, Action::Statements, _) => self.statements = false,
            (false, Action::Statements, _) => {
                // From a passage, its statement: a copy's wording beside
                // the one most sources carry.
                (self.cluster, self.pair) = self.statement_of_passage(shared).unwrap_or((self.cluster, 0));
                self.statements = true;
            }
            (true, Action::Right, _) => self.pair = (self.pair + 1) % pairs,
            (true, Action::Left, _) => self.pair = (self.pair + pairs - 1) % pairs,
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
        true
    }

    /// The statement both sides of the passage shown belong to, and the
    /// pair of its members (or wordings) that shows them.
    fn statement_of_passage(&self, shared: &Shared) -> Option<(usize, usize)> {
        let an = shared.analysis.as_ref()?;
        let &index = Self::passages(shared).get(self.passage)?;
        let p = &an.passages[index];
        let holds = |m: &Member, side: &parallax::align::Side| {
            m.article == side.article && m.span.start < side.span.end && side.span.start < m.span.end
        };
        an.story.clusters.iter().enumerate().find_map(|(cluster, c)| {
            let i = c.members.iter().position(|m| holds(m, &p.a))?;
            let j = c.members.iter().position(|m| holds(m, &p.b))?;
            Some((cluster, pair_position(&an.articles, c, i, j).unwrap_or(0)))
        })
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

    fn draw_sides(&self, shared: &Shared, f: &mut Frame, g: &Geometry, s: &Sides) {
        let laid = self.laid(shared, s);
        let shown = g.text.height as usize;
        let total = laid.lines.len();
        let first = self.first_row(&laid, shown);
        let more = if total > shown {
            format!(" rows {}-{} of {total} ", first + 1, (first + shown).min(total))
        } else {
            String::new()
        };
        let t = &shared.theme;
        let title = wrap::truncate(&format!(" {} ", s.heading), (g.main.width as usize).saturating_sub(2));
        let b =
            block(shared, title, self.focus == Focus::Main).title_bottom(Line::styled(more, t.dim()).right_aligned());
        f.render_widget(b, g.main);
        self.draw_heading(shared, f, g, s);
        let marks = Marks::of(shared, s);
        let visible = &laid.lines[first.min(total)..(first + shown).min(total)];
        match g.columns {
            Some((left, gap, right)) => {
                let side = |row: Option<wrap::Row>, side: Side| {
                    row.map_or_else(Line::default, |r| marks.line(shared, side, r))
                };
                let lefts: Vec<Line> = visible
                    .iter()
                    .map(|(_, l)| match *l {
                        aligned::Line::Pair { left, .. } => side(left, Side::A),
                        _ => Line::default(),
                    })
                    .collect();
                let rights: Vec<Line> = visible
                    .iter()
                    .map(|(_, l)| match *l {
                        aligned::Line::Pair { right, .. } => side(right, Side::B),
                        _ => Line::default(),
                    })
                    .collect();
                f.render_widget(Paragraph::new(lefts), left);
                f.render_widget(Paragraph::new(vec![Line::styled("│", t.border()); gap.height as usize]), gap);
                f.render_widget(Paragraph::new(rights), right);
            }
            None => {
                let lines: Vec<Line> = visible
                    .iter()
                    .map(|(_, l)| match *l {
                        aligned::Line::One { side, row } => {
                            let mut line = marks.line(shared, side, row);
                            line.spans.insert(0, TSpan::styled(marks.bar(side), marks.style(side)));
                            line
                        }
                        _ => Line::default(),
                    })
                    .collect();
                f.render_widget(Paragraph::new(lines), g.text);
            }
        }
    }

    /// The two sources' names over the text, each in its side's style (with
    /// its bar when stacked); one row for both on a short screen.
    fn draw_heading(&self, shared: &Shared, f: &mut Frame, g: &Geometry, s: &Sides) {
        let t = &shared.theme;
        let width = g.head.width as usize;
        let bar =
            |side: Side| if g.columns.is_some() { String::new() } else { format!("{} ", Marks::bar_of(t.color, side)) };
        let lines = if g.head.height >= 2 {
            [(s.a.0, Side::A, t.deleted()), (s.b.0, Side::B, t.inserted())]
                .into_iter()
                .map(|(article, side, style)| {
                    let name = format!("{}{}", bar(side), shared.heading(article));
                    Line::styled(wrap::truncate(&name, width), style)
                })
                .collect()
        } else {
            let (x, y) = (shared.label(s.a.0), shared.label(s.b.0));
            let half = width.saturating_sub(3) / 2;
            vec![Line::from(vec![
                TSpan::styled(wrap::truncate(&x, half), t.deleted()),
                TSpan::raw(" ⇄ "),
                TSpan::styled(wrap::truncate(&y, half), t.inserted()),
            ])]
        };
        f.render_widget(Paragraph::new(lines), g.head);
    }
}

/// A statement many sources carry, as its heading says it: how many, and
/// which wording is shown against the one most carry.
fn carried_by(wordings: &[Vec<usize>], pair: usize, sources: usize) -> String {
    match wordings {
        [_] => format!("carried by {sources} sources, word for word"),
        [most, others @ ..] => {
            let other = others.get(pair).map_or(0, Vec::len);
            // The wording shown on the right, and how many carry it against
            // how many carry the one on the left.
            format!("carried by {sources} sources · wording {}/{}: {other} vs {}", pair + 2, wordings.len(), most.len())
        }
        [] => format!("carried by {sources} sources"),
    }
}

/// How each side's rows are marked: the words only it has, and search
/// matches.
struct Marks {
    a: (usize, Vec<(Span, Style)>),
    b: (usize, Vec<(Span, Style)>),
    color: bool,
    styles: (Style, Style),
}

impl Marks {
    fn of(shared: &Shared, s: &Sides) -> Marks {
        let t = &shared.theme;
        let only = |change: Change, style: Style| -> Vec<(Span, Style)> {
            s.diff
                .chunks
                .iter()
                .filter(|c| c.change == change)
                .map(|c| (if change == Change::Delete { c.a } else { c.b }, style))
                .collect()
        };
        Marks {
            a: (s.a.0, only(Change::Delete, t.deleted())),
            b: (s.b.0, only(Change::Insert, t.inserted())),
            color: t.color,
            styles: (t.deleted(), t.inserted()),
        }
    }

    /// A row of one side, its marks laid over it.
    fn line<'a>(&self, shared: &'a Shared, side: Side, row: wrap::Row) -> Line<'a> {
        let (article, marks) = if side == Side::A { (&self.a.0, &self.a.1) } else { (&self.b.0, &self.b.1) };
        let a = &shared.articles()[*article];
        let mut m: Vec<(Span, Style)> =
            marks.iter().filter(|(sp, _)| sp.start < row.end && row.start < sp.end).copied().collect();
        m.extend(matches_in(shared, &a.body, row.start, row.end));
        styled_row_spaced(&a.body, row, &m, shared.theme.text(), &a.glued)
    }

    fn bar(&self, side: Side) -> &'static str {
        Self::bar_of(self.color, side)
    }

    /// The mark before each stacked row: thin for side A, heavy for side B
    /// (told apart without colour too).
    fn bar_of(_color: bool, side: Side) -> &'static str {
        match side {
            Side::A => "│ ",
            Side::B => "┃ ",
        }
    }

    fn style(&self, side: Side) -> Style {
        if side == Side::A { self.styles.0 } else { self.styles.1 }
    }
}

impl View for Compare {
    /// The wheel scrolls the comparison (or moves the list's cursor); a
    /// click focuses, or picks a source in the list.
    fn mouse(&mut self, mouse: Mouse, shared: &mut Shared) -> bool {
        let g = self.geometry(shared);
        if let Some(list) = g.list.filter(|l| mouse.inside(*l)) {
            let n = shared.articles().len();
            if mouse.kind == Pointer::Click {
                let Some(line) = mouse.line_in(list) else { return false };
                let item = super::super::draw::window(shared.source, n, sources::page(list)).start + line / 2;
                shared.source = item.min(n.saturating_sub(1));
                self.focus = Focus::Sources;
            } else {
                shared.source = step(shared.source, mouse.wheel(), n);
            }
            return true;
        }
        if !mouse.inside(g.main) {
            return false;
        }
        if mouse.kind == Pointer::Click {
            self.focus = Focus::Main;
        } else {
            self.scroll(shared, mouse.wheel() * WHEEL_ROWS);
        }
        true
    }

    fn handle(&mut self, action: Action, shared: &mut Shared) -> bool {
        let done = match self.focus {
            Focus::Sources => self.handle_list(action, shared),
            Focus::Main => self.handle_main(action, shared),
        };
        self.clamp(shared);
        done
    }

    fn hints(&self, shared: &Shared) -> Vec<(Action, &'static str)> {
        if self.statements {
            let many = shared
                .analysis
                .as_ref()
                .and_then(|a| a.story.clusters.get(self.cluster))
                .is_some_and(|c| c.members.len() > PAIRWISE_CARRIERS);
            vec![
                (Action::Down, "statement"),
                (Action::Right, if many { "wording" } else { "pair" }),
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

    fn draw(&self, shared: &Shared, f: &mut Frame, _area: Rect) {
        let g = self.geometry(shared);
        if let Some(list) = g.list {
            sources::draw(shared, f, list, self.focus == Focus::Sources, &[]);
        }
        let main = g.main;
        if main.width == 0 {
            return;
        }
        let focused = self.focus == Focus::Main;
        if shared.analysis.is_none() {
            f.render_widget(block(shared, " Compare ", focused), main);
            progress(shared, f, main, "Finding shared passages");
            return;
        }
        let Some(s) = self.current(shared) else {
            let what = if self.statements {
                "No statement is carried by more than one source.".to_string()
            } else if let [x, y] = shared.marked[..] {
                no_pair_passage(shared, x, y)
            } else if shared.articles().len() < 2 {
                "One source: Compare needs two or more. Open a folder of several articles, or add files.".to_string()
            } else {
                "No shared passages found.".to_string()
            };
            f.render_widget(
                Paragraph::new(what).wrap(Wrap { trim: true }).block(block(shared, " Compare ", focused)),
                main,
            );
            return;
        };
        self.draw_sides(shared, f, &g, &s);
    }

    fn search(&mut self, query: &str, forward: bool, fresh: bool, shared: &mut Shared) -> Option<String> {
        let texts = self.item_texts(shared);
        let message = if self.statements {
            let message = search_list(&texts, &mut self.cluster, query, forward, fresh)?;
            self.pair = 0;
            message
        } else {
            search_list(&texts, &mut self.passage, query, forward, fresh)?
        };
        self.scroll_to_match(shared, query);
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
        self.top = (0, 0);
        self.clamp(shared);
        true
    }

    fn enter(&mut self, shared: &Shared) {
        self.focus = Focus::Main;
        self.open_on_reading(shared);
    }

    fn analysis_arrived(&mut self, shared: &Shared) {
        self.clamp(shared);
    }

    fn notice(&mut self, notice: Notice, _shared: &Shared) {
        if notice == Notice::MarksChanged {
            self.passage = 0;
            self.top = (0, 0);
            self.statements = false;
        }
    }

    fn save(&self, shared: &Shared) -> Option<serde_json::Value> {
        let an = shared.analysis.as_ref()?;
        let passage =
            Self::passages(shared).get(self.passage).and_then(|&i| anchor::PassageAnchor::of(an, &an.passages[i]));
        let statement = an.story.clusters.get(self.cluster).and_then(|c| anchor::StatementAnchor::of(an, c, self.pair));
        let place =
            Place { statements: self.statements, passage, statement, top: self.top, list_hidden: self.list_hidden };
        serde_json::to_value(place).ok()
    }

    fn restore(&mut self, place: &serde_json::Value, shared: &mut Shared) {
        let Ok(place) = serde_json::from_value::<Place>(place.clone()) else { return };
        let Some(an) = &shared.analysis else { return };
        self.statements = place.statements;
        self.list_hidden = place.list_hidden;
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
        self.top = place.top;
        self.clamp(shared);
    }
}

#[cfg(test)]
mod tests {
    use crossterm::event::KeyCode;

    use super::*;
    use crate::ui::app::tests::{app, key, press};

    /// Statement by statement with two sources marked: the statements both
    /// carry show the two marked sources' reports, whatever pair the
    /// statement would show first.
    #[test]
    fn statements_show_the_marked_pair() {
        let mut a = app();
        press(&mut a, "2");
        key(&mut a, KeyCode::BackTab);
        press(&mut a, "jjmjm");
        let marked = a.shared.marked.clone();
        assert_eq!(marked, [2, 3]);
        key(&mut a, KeyCode::Tab);
        press(&mut a, "c");
        let compare = a.view_of::<Compare>().unwrap();
        let an = a.shared.analysis.as_ref().unwrap();
        let both = an.story.clusters.iter().position(|c| c.member(2).is_some() && c.member(3).is_some());
        let both = both.expect("the sample's sources 2 and 3 share a statement");
        let mut compare_at = Compare { cluster: both, ..Default::default() };
        compare_at.statements = true;
        let sides = compare_at.current(&a.shared).expect("a statement is shown");
        assert_eq!((sides.a.0, sides.b.0), (2, 3), "{}", sides.heading);
        assert!(sides.heading.contains("the two marked"), "{}", sides.heading);
        assert!(compare.statements);
    }
}
