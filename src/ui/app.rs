//! The app's state and how actions change it. Nothing here draws or touches
//! the terminal: key handling is tested as state transitions.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::keymap::{Action, Keymap};
use super::layout;
use super::theme::Theme;
use super::wrap::{Row, wrap_spaced};
use crate::analysis::{Analysis, Stage};
use crate::config::SavedSet;
use crate::ingest::Article;
use crate::text::Span;

/// The five views.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum View {
    Read,
    Compare,
    Timeline,
    Coverage,
    Discrepancies,
}

impl View {
    pub const ALL: [View; 5] = [View::Read, View::Compare, View::Timeline, View::Coverage, View::Discrepancies];

    pub fn name(self) -> &'static str {
        match self {
            View::Read => "Read",
            View::Compare => "Compare",
            View::Timeline => "Timeline",
            View::Coverage => "Coverage",
            View::Discrepancies => "Discrepancies",
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            View::Read => "read",
            View::Compare => "compare",
            View::Timeline => "timeline",
            View::Coverage => "coverage",
            View::Discrepancies => "discrepancies",
        }
    }

    pub fn from_key(s: &str) -> Option<View> {
        View::ALL.into_iter().find(|v| v.key().eq_ignore_ascii_case(s))
    }
}

/// Which pane has the keyboard.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Focus {
    /// The source list (Read and Compare views).
    Sources,
    /// The view's main pane; in Read, reading pane `n`.
    Main(usize),
}

/// A reading pane: an article, scrolled.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pane {
    pub article: usize,
    /// First row shown.
    pub scroll: usize,
    /// A sentence jumped to, highlighted.
    pub target: Option<Span>,
}

/// Something drawn over the view.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Overlay {
    Help,
    /// The source sentences of the selected timeline event.
    Mentions {
        cursor: usize,
    },
    /// The sentences only one source has.
    Exclusive {
        article: usize,
        cursor: usize,
    },
}

/// A row of the timeline list: a day heading or an event.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TimelineRow {
    Day(String),
    Event(usize),
}

/// A row of the coverage matrix: a statement (cluster) or a timeline event.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CoverageRow {
    Statement(usize),
    Event(usize),
}

/// Analysis progress, for the gauge.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Progress {
    pub stage: usize,
    pub total: usize,
    pub label: &'static str,
}

pub struct App {
    pub theme: Theme,
    pub keymap: Keymap,
    /// Articles as loaded; replaced by the analysis' copy when it arrives.
    articles: Vec<Article>,
    pub analysis: Option<Analysis>,
    pub progress: Progress,
    pub view: View,
    pub focus: Focus,
    /// Terminal size (columns, rows).
    pub size: (u16, u16),
    pub source: usize,
    pub panes: Vec<Pane>,
    pub active: usize,
    /// Sources marked for comparison (at most two).
    pub marked: Vec<usize>,
    pub passage: usize,
    /// Compare statement by statement instead of pair by pair.
    pub statements: bool,
    pub cluster: usize,
    /// Which pair of the cluster's members is shown.
    pub pair: usize,
    /// First row shown of the compared texts.
    pub compare_scroll: usize,
    pub event: usize,
    pub coverage_row: usize,
    pub coverage_col: usize,
    pub discrepancy: usize,
    pub overlay: Option<Overlay>,
    /// The active search.
    pub search: Option<String>,
    /// The search being typed.
    pub input: Option<String>,
    /// A one-line message for the status line.
    pub message: Option<String>,
    /// Problems to tell the user (config, state, skipped files): shown in
    /// the status line until the first key, printed again on exit.
    pub warnings: Vec<String>,
    /// A key has been pressed since the warnings were shown.
    pub warnings_seen: bool,
    pub quit: bool,
    /// The key being handled is Ctrl-C: it quits even from an overlay.
    force_quit: bool,
    /// First row of the timeline list on screen, kept between frames so
    /// that stepping scrolls it smoothly (drawing updates it).
    pub timeline_top: std::cell::Cell<Option<usize>>,
    /// Positions in the analysis' lists restored from the last session,
    /// applied when the analysis arrives.
    pending_positions: Option<SavedSet>,
    /// Remembered state, applied once every article is read.
    pub pending_restore: Option<SavedSet>,
    /// Files read so far and in all, while reading.
    pub loading: Option<(usize, usize)>,
    wrapped: RefCell<WrapCache>,
}

/// Wrapped rows by (article, width).
type WrapCache = HashMap<(usize, usize), Rc<Vec<Row>>>;

/// A short tag for a source: A–Z, then numbers.
pub fn tag(i: usize) -> String {
    if i < 26 { char::from(b'A' + i as u8).to_string() } else { (i + 1).to_string() }
}

/// Case-insensitive search for `needle` in `hay` from byte `from`.
pub fn find_ci(hay: &str, needle: &str, from: usize) -> Option<usize> {
    find_match(hay, needle, from).map(|(start, _)| start)
}

/// The first match of `needle` in `hay` at or after byte `from`, ignoring
/// case, as a byte range. A space in the needle matches any run of
/// whitespace or none, so what the screen shows (`News. The`, drawn apart
/// where the source glued two sentences) finds the text.
pub fn find_match(hay: &str, needle: &str, from: usize) -> Option<(usize, usize)> {
    if needle.trim().is_empty() {
        return None;
    }
    let lower: Vec<char> = needle.chars().flat_map(char::to_lowercase).collect();
    let start = (from..=hay.len()).find(|&i| hay.is_char_boundary(i))?;
    hay[start..].char_indices().map(|(i, _)| start + i).find_map(|i| match_at(hay, i, &lower).map(|end| (i, end)))
}

/// Where a match of the lowercased `needle` starting at `start` ends.
fn match_at(hay: &str, start: usize, needle: &[char]) -> Option<usize> {
    let mut chars = hay[start..].char_indices().map(|(k, c)| (start + k, c)).peekable();
    // The lowercase form of the character being compared, reversed.
    let mut pending: Vec<char> = Vec::new();
    let mut end = start;
    let mut n = 0;
    while n < needle.len() {
        if needle[n].is_whitespace() {
            while n < needle.len() && needle[n].is_whitespace() {
                n += 1;
            }
            if !pending.is_empty() {
                return None;
            }
            while let Some(&(k, c)) = chars.peek() {
                if !c.is_whitespace() {
                    break;
                }
                chars.next();
                end = k + c.len_utf8();
            }
            continue;
        }
        if pending.is_empty() {
            let (k, c) = chars.next()?;
            end = k + c.len_utf8();
            pending = c.to_lowercase().collect();
            pending.reverse();
        }
        if pending.pop() != Some(needle[n]) {
            return None;
        }
        n += 1;
    }
    // A match never starts or ends with whitespace it only skipped.
    (end > start && !hay[start..].starts_with(char::is_whitespace)).then_some(end)
}

/// All pairs of `n` members, in order: (0,1), (0,2), ..., (1,2), ...
pub fn member_pairs(n: usize) -> Vec<(usize, usize)> {
    (0..n).flat_map(|i| (i + 1..n).map(move |j| (i, j))).collect()
}

impl App {
    pub fn new(articles: Vec<Article>, theme: Theme, keymap: Keymap, size: (u16, u16)) -> App {
        let panes = if articles.is_empty() { Vec::new() } else { vec![Pane { article: 0, scroll: 0, target: None }] };
        App {
            theme,
            keymap,
            articles,
            analysis: None,
            progress: Progress { stage: 0, total: Stage::ALL.len(), label: "starting" },
            view: View::Read,
            focus: Focus::Sources,
            size,
            source: 0,
            panes,
            active: 0,
            marked: Vec::new(),
            passage: 0,
            statements: false,
            cluster: 0,
            pair: 0,
            compare_scroll: 0,
            event: 0,
            coverage_row: 0,
            coverage_col: 0,
            discrepancy: 0,
            overlay: None,
            search: None,
            input: None,
            message: None,
            warnings: Vec::new(),
            warnings_seen: false,
            quit: false,
            force_quit: false,
            timeline_top: std::cell::Cell::new(None),
            pending_positions: None,
            pending_restore: None,
            loading: None,
            wrapped: RefCell::new(HashMap::new()),
        }
    }

    pub fn articles(&self) -> &[Article] {
        self.analysis.as_ref().map_or(&self.articles, |a| &a.articles)
    }

    /// A batch of articles has been read: show it at once.
    pub fn add_articles(&mut self, mut batch: Vec<Article>) {
        if self.analysis.is_some() {
            return;
        }
        let first = self.articles.len();
        self.articles.append(&mut batch);
        if self.panes.is_empty() && self.articles.len() > first {
            self.panes.push(Pane { article: first, scroll: 0, target: None });
        }
        if let Some(saved) = self.pending_restore.take() {
            if self.loading.is_none() {
                self.restore(&saved);
            } else {
                self.pending_restore = Some(saved);
            }
        }
    }

    /// Every article has been read.
    pub fn loading_done(&mut self) {
        self.loading = None;
        if let Some(saved) = self.pending_restore.take() {
            self.restore(&saved);
        }
        if self.articles().is_empty() {
            self.message = Some("no articles to read: every input was skipped".into());
        }
    }

    /// The analysis has arrived: views that waited for it can draw.
    pub fn set_analysis(&mut self, analysis: Analysis) {
        self.analysis = Some(analysis);
        self.articles = Vec::new();
        self.progress = Progress { stage: self.progress.total, total: self.progress.total, label: "done" };
        self.event = self.story_start();
        if let Some(s) = self.pending_positions.take() {
            self.restore_positions(&s);
        }
        self.clamp();
    }

    pub fn set_progress(&mut self, stage: Stage) {
        let i = Stage::ALL.iter().position(|s| *s == stage).unwrap_or(0);
        self.progress = Progress { stage: i + 1, total: Stage::ALL.len(), label: stage.label() };
    }

    // ----- derived lists -----

    /// Rows of an article wrapped to `width`, cached.
    pub fn rows(&self, article: usize, width: usize) -> Rc<Vec<Row>> {
        let mut cache = self.wrapped.borrow_mut();
        if cache.len() > 64 {
            cache.clear();
        }
        cache
            .entry((article, width))
            .or_insert_with(|| {
                let a = &self.articles()[article];
                Rc::new(wrap_spaced(&a.body, 0, width, &a.glued))
            })
            .clone()
    }

    /// Passages shown in Compare: those of the marked pair, or all.
    pub fn passages(&self) -> Vec<usize> {
        let Some(a) = &self.analysis else { return Vec::new() };
        match self.marked.as_slice() {
            [x, y] => (0..a.passages.len())
                .filter(|&i| {
                    let p = &a.passages[i];
                    (p.a.article == *x && p.b.article == *y) || (p.a.article == *y && p.b.article == *x)
                })
                .collect(),
            [x] => (0..a.passages.len())
                .filter(|&i| a.passages[i].a.article == *x || a.passages[i].b.article == *x)
                .collect(),
            _ => (0..a.passages.len()).collect(),
        }
    }

    /// The timeline list: a heading for each date, then its events.
    pub fn timeline_rows(&self) -> Vec<TimelineRow> {
        let Some(a) = &self.analysis else { return Vec::new() };
        let mut rows = Vec::new();
        let mut day = String::new();
        for (i, e) in a.timeline.iter().enumerate() {
            let d = e.when.date_string();
            if d != day {
                rows.push(TimelineRow::Day(d.clone()));
                day = d;
            }
            rows.push(TimelineRow::Event(i));
        }
        rows
    }

    /// The event the timeline opens at: the first dated on or after the
    /// day before the earliest publication date (the story's own days),
    /// older context above it.
    pub fn story_start(&self) -> usize {
        let Some(a) = &self.analysis else { return 0 };
        let first = a.articles.iter().filter_map(|x| x.published.map(|p| p.date)).min();
        let Some(first) = first.and_then(|d| d.yesterday().ok()) else { return 0 };
        a.timeline.iter().position(|e| e.when.start >= first).unwrap_or(a.timeline.len().saturating_sub(1))
    }

    pub fn coverage_rows(&self) -> Vec<CoverageRow> {
        let Some(a) = &self.analysis else { return Vec::new() };
        (0..a.story.clusters.len())
            .map(CoverageRow::Statement)
            .chain((0..a.timeline.len()).map(CoverageRow::Event))
            .collect()
    }

    /// Sources reporting a coverage row.
    pub fn coverage_sources(&self, row: CoverageRow) -> Vec<usize> {
        let Some(a) = &self.analysis else { return Vec::new() };
        let mut v: Vec<usize> = match row {
            CoverageRow::Statement(c) => a.story.clusters[c].members.iter().map(|m| m.article).collect(),
            CoverageRow::Event(e) => a.timeline[e].mentions.iter().map(|m| m.article).collect(),
        };
        v.sort_unstable();
        v.dedup();
        v
    }

    // ----- layout-dependent sizes -----

    fn pane_geometry(&self, pane: usize) -> (usize, usize) {
        let (_, rects) = layout::read(layout::body(self.size), self.panes.len().max(1));
        rects.get(pane).map_or((1, 1), |r| (layout::text_width(*r), layout::text_height(*r)))
    }

    /// How far a page key moves: the rows (or list items) on screen.
    fn page(&self) -> usize {
        let body = layout::body(self.size);
        match (self.view, self.focus) {
            (View::Read, Focus::Main(i)) => self.pane_geometry(i).1,
            // Two lines per source in the list.
            (View::Read | View::Compare, Focus::Sources) => (layout::text_height(body) / 2).max(1),
            (View::Timeline, _) => layout::timeline(body).0.height.saturating_sub(2).max(1) as usize,
            _ => (body.height as usize).saturating_sub(4).max(1),
        }
    }

    // ----- keys -----

    /// Handles a key press: typing a search, else the keymap.
    pub fn on_key(&mut self, key: KeyEvent) {
        self.warnings_seen = true;
        // Too small to draw: only quitting does anything.
        if self.size.0 < layout::MIN_SIZE.0 || self.size.1 < layout::MIN_SIZE.1 {
            if self.keymap.actions(key).contains(&Action::Quit) {
                self.quit = true;
            }
            return;
        }
        if let Some(input) = &mut self.input {
            match key.code {
                KeyCode::Enter => {
                    let q = input.trim().to_string();
                    self.input = None;
                    self.search = (!q.is_empty()).then_some(q);
                    if self.search.is_some() {
                        self.search_step(true, true);
                    }
                }
                KeyCode::Esc => self.input = None,
                KeyCode::Backspace => {
                    input.pop();
                }
                KeyCode::Char(c)
                    if !key.modifiers.contains(KeyModifiers::CONTROL)
                        && !c.is_control()
                        && input.chars().count() < 200 =>
                {
                    input.push(c);
                }
                _ => {}
            }
            return;
        }
        self.force_quit = key.modifiers.contains(KeyModifiers::CONTROL) && key.code == KeyCode::Char('c');
        let actions = self.keymap.actions(key).to_vec();
        // `n`: the next passage in Compare while no search is active, else
        // the next match.
        let action = actions.iter().copied().find(|a| match a {
            Action::NextItem | Action::PrevItem => self.view == View::Compare && self.search.is_none(),
            _ => true,
        });
        if let Some(a) = action {
            self.update(a);
        }
    }

    /// Applies an action.
    pub fn update(&mut self, action: Action) {
        self.message = None;
        if let Some(overlay) = self.overlay.clone() {
            if self.update_overlay(overlay, action) {
                return;
            }
        }
        match action {
            Action::Quit => self.quit = true,
            Action::Help => self.overlay = Some(Overlay::Help),
            Action::Escape => {
                if self.search.take().is_none() && self.view == View::Compare {
                    self.marked.clear();
                }
                for p in &mut self.panes {
                    p.target = None;
                }
            }
            Action::View(n) => self.switch(View::ALL[(n as usize).clamp(1, 5) - 1]),
            Action::FocusNext => self.cycle_focus(1),
            Action::FocusPrev => self.cycle_focus(-1),
            Action::Search => self.input = Some(String::new()),
            Action::SearchNext => self.search_step(true, false),
            Action::SearchPrev => self.search_step(false, false),
            Action::Suspend => {} // handled by the terminal loop
            _ => self.view_action(action),
        }
        self.clamp();
    }

    /// Keys while an overlay is open; returns true when consumed.
    fn update_overlay(&mut self, overlay: Overlay, action: Action) -> bool {
        match (overlay, action) {
            // q closes an overlay, as in less and htop (Ctrl-C still quits).
            (_, Action::Quit) if !self.force_quit => self.overlay = None,
            (_, Action::Quit) => return false,
            (_, Action::Escape) | (Overlay::Help, Action::Help) => self.overlay = None,
            (Overlay::Help, _) => self.overlay = None,
            (Overlay::Mentions { cursor }, a) => {
                let n = self.selected_event().map_or(0, |e| e.mentions.len());
                if let Some(d) = self.overlay_movement(a) {
                    self.overlay = Some(Overlay::Mentions { cursor: Self::step(cursor, d, n) });
                    return true;
                }
                if a == Action::Enter {
                    if let Some(m) = self.selected_event().and_then(|e| e.mentions.get(cursor)).cloned() {
                        self.overlay = None;
                        self.jump(m.article, m.span);
                    }
                }
            }
            (Overlay::Exclusive { article, cursor }, a) => {
                let list: Vec<usize> = self.exclusive_of(article);
                if let Some(d) = self.overlay_movement(a) {
                    self.overlay = Some(Overlay::Exclusive { article, cursor: Self::step(cursor, d, list.len()) });
                    return true;
                }
                if a == Action::Enter {
                    if let Some(&s) = list.get(cursor) {
                        let span = self.articles()[article].sentences[s];
                        self.overlay = None;
                        self.jump(article, span);
                    }
                }
            }
        }
        true
    }

    /// Cursor moves in an overlay's list: a page is a few entries (each
    /// takes several lines).
    fn overlay_movement(&self, action: Action) -> Option<isize> {
        Self::movement_by(action, (layout::text_height(layout::body(self.size)) / 5).max(1))
    }

    /// Sentences only `article` has.
    pub fn exclusive_of(&self, article: usize) -> Vec<usize> {
        self.analysis
            .as_ref()
            .and_then(|a| a.story.coverage.get(article))
            .map(|c| c.exclusive().collect())
            .unwrap_or_default()
    }

    pub fn selected_event(&self) -> Option<&crate::timeline::Event> {
        self.analysis.as_ref().and_then(|a| a.timeline.get(self.event))
    }

    /// Shows `view` (from the config's default view, or a key).
    pub fn set_view(&mut self, view: View) {
        self.switch(view);
    }

    fn switch(&mut self, view: View) {
        self.view = view;
        self.overlay = None;
        self.focus = match view {
            View::Read => {
                if self.panes.is_empty() {
                    Focus::Sources
                } else {
                    Focus::Main(self.active)
                }
            }
            View::Compare => Focus::Main(0),
            _ => Focus::Main(0),
        };
    }

    fn focus_ring(&self) -> Vec<Focus> {
        match self.view {
            View::Read => std::iter::once(Focus::Sources).chain((0..self.panes.len()).map(Focus::Main)).collect(),
            View::Compare => vec![Focus::Sources, Focus::Main(0)],
            _ => vec![Focus::Main(0)],
        }
    }

    fn cycle_focus(&mut self, step: isize) {
        let ring = self.focus_ring();
        let at = ring.iter().position(|f| *f == self.focus).unwrap_or(0) as isize;
        self.focus = ring[(at + step).rem_euclid(ring.len() as isize) as usize];
        if let (View::Read, Focus::Main(i)) = (self.view, self.focus) {
            self.active = i;
        }
    }

    /// Moves a cursor by `delta` within `0..len`.
    fn step(cur: usize, delta: isize, len: usize) -> usize {
        if len == 0 {
            return 0;
        }
        (cur as isize + delta).clamp(0, len as isize - 1) as usize
    }

    fn movement(&self, action: Action) -> Option<isize> {
        Self::movement_by(action, self.page())
    }

    /// How far a movement key moves a cursor when a page is `page` items.
    fn movement_by(action: Action, page: usize) -> Option<isize> {
        let page = page as isize;
        Some(match action {
            Action::Down => 1,
            Action::Up => -1,
            Action::PageDown => page,
            Action::PageUp => -page,
            Action::HalfDown => (page / 2).max(1),
            Action::HalfUp => -(page / 2).max(1),
            Action::Top => isize::MIN / 2,
            Action::Bottom => isize::MAX / 2,
            _ => return None,
        })
    }

    fn view_action(&mut self, action: Action) {
        let n_articles = self.articles().len();
        match (self.view, self.focus) {
            (View::Read | View::Compare, Focus::Sources) => {
                if let Some(d) = self.movement(action) {
                    self.source = Self::step(self.source, d, n_articles);
                    return;
                }
                match action {
                    Action::Enter if self.view == View::Read => self.open(self.source),
                    Action::Enter | Action::Mark => self.toggle_mark(self.source),
                    Action::AllPairs => self.marked.clear(),
                    Action::Split => self.split(),
                    Action::Right => self.cycle_focus(1),
                    // Compare's own keys work from the list too.
                    Action::Statements | Action::NextItem | Action::PrevItem if self.view == View::Compare => {
                        self.compare_action(action)
                    }
                    _ => {}
                }
            }
            (View::Read, Focus::Main(i)) => {
                if let Some(d) = self.movement(action) {
                    let (w, h) = self.pane_geometry(i);
                    if let Some(p) = self.panes.get(i) {
                        let total = self.rows(p.article, w).len();
                        let max = total.saturating_sub(h);
                        let p = &mut self.panes[i];
                        p.scroll = Self::step(p.scroll, d, max + 1);
                    }
                    return;
                }
                match action {
                    Action::Split => self.split(),
                    Action::ClosePane => self.close_pane(),
                    Action::Mark => {
                        if let Some(p) = self.panes.get(i) {
                            self.toggle_mark(p.article);
                        }
                    }
                    Action::Left => self.cycle_focus(-1),
                    Action::Right => self.cycle_focus(1),
                    _ => {}
                }
            }
            (View::Compare, _) => self.compare_action(action),
            (View::Timeline, _) => {
                let n = self.analysis.as_ref().map_or(0, |a| a.timeline.len());
                let paging = matches!(action, Action::PageDown | Action::PageUp | Action::HalfDown | Action::HalfUp);
                // No events (nothing dated): no rows to page through.
                if paging && n == 0 {
                    return;
                }
                if let Some(d) = self.movement(action).filter(|_| paging) {
                    // A page is the rows on screen, day headings included.
                    let rows = self.timeline_rows();
                    let at = rows.iter().position(|r| *r == TimelineRow::Event(self.event)).unwrap_or(0);
                    let to = Self::step(at, d, rows.len());
                    let event = |r: &TimelineRow| match r {
                        TimelineRow::Event(e) => Some(*e),
                        TimelineRow::Day(_) => None,
                    };
                    let found = if d > 0 {
                        rows[to..].iter().find_map(event).or_else(|| rows[..to].iter().rev().find_map(event))
                    } else {
                        rows[..=to].iter().rev().find_map(event).or_else(|| rows[to..].iter().find_map(event))
                    };
                    self.event = found.unwrap_or(self.event);
                } else if let Some(d) = self.movement(action) {
                    self.event = Self::step(self.event, d, n);
                } else if action == Action::Enter && n > 0 {
                    self.overlay = Some(Overlay::Mentions { cursor: 0 });
                }
            }
            (View::Coverage, _) => {
                let rows = self.coverage_rows();
                if let Some(d) = self.movement(action) {
                    self.coverage_row = Self::step(self.coverage_row, d, rows.len());
                    return;
                }
                match action {
                    Action::Left => self.coverage_col = self.coverage_col.saturating_sub(1),
                    Action::Right => self.coverage_col = Self::step(self.coverage_col, 1, n_articles),
                    Action::Exclusive if n_articles > 0 => {
                        self.overlay = Some(Overlay::Exclusive { article: self.coverage_col, cursor: 0 })
                    }
                    Action::Enter => match rows.get(self.coverage_row) {
                        Some(CoverageRow::Statement(c)) => {
                            self.statements = true;
                            self.cluster = *c;
                            self.pair = 0;
                            self.switch(View::Compare);
                        }
                        Some(CoverageRow::Event(e)) => {
                            self.event = *e;
                            self.switch(View::Timeline);
                        }
                        None => {}
                    },
                    _ => {}
                }
            }
            (View::Discrepancies, _) => {
                let n = self.analysis.as_ref().map_or(0, |a| a.story.discrepancies.len());
                if let Some(d) = self.movement(action) {
                    self.discrepancy = Self::step(self.discrepancy, d, n);
                } else if action == Action::Enter {
                    self.open_discrepancy();
                }
            }
        }
    }

    fn compare_action(&mut self, action: Action) {
        let Some(a) = &self.analysis else { return };
        // Paging scrolls a long passage; j/k and n/p step between them.
        if let Some(d) = match action {
            Action::PageDown | Action::PageUp | Action::HalfDown | Action::HalfUp => self.movement(action),
            _ => None,
        } {
            let (total, shown) = super::compare::extent(self);
            self.compare_scroll = Self::step(self.compare_scroll, d, total.saturating_sub(shown) + 1);
            return;
        }
        let step = match action {
            Action::Down | Action::NextItem => Some(1),
            Action::Up | Action::PrevItem => Some(-1),
            Action::Top => Some(isize::MIN / 2),
            Action::Bottom => Some(isize::MAX / 2),
            _ => None,
        };
        let before = (self.statements, self.cluster, self.pair, self.passage);
        if self.statements {
            let n = a.story.clusters.len();
            let members = a.story.clusters.get(self.cluster).map_or(0, |c| c.members.len());
            let pairs = member_pairs(members).len().max(1);
            match action {
                Action::Statements => self.statements = false,
                Action::Right => self.pair = (self.pair + 1) % pairs,
                Action::Left => self.pair = (self.pair + pairs - 1) % pairs,
                _ => {
                    if let Some(d) = step {
                        let c = self.cluster;
                        self.cluster = Self::step(self.cluster, d, n);
                        if c != self.cluster {
                            self.pair = 0;
                        }
                    }
                }
            }
        } else {
            let n = self.passages().len();
            match action {
                Action::Statements => {
                    self.statements = true;
                    self.pair = 0;
                }
                Action::AllPairs => self.marked.clear(),
                _ => {
                    if let Some(d) = step {
                        self.passage = Self::step(self.passage, d, n);
                    }
                }
            }
        }
        if before != (self.statements, self.cluster, self.pair, self.passage) {
            self.compare_scroll = 0;
        }
    }

    fn open_discrepancy(&mut self) {
        let Some(a) = &self.analysis else { return };
        let Some(d) = a.story.discrepancies.get(self.discrepancy) else { return };
        let c = &a.story.clusters[d.cluster];
        let ia = c.members.iter().position(|m| *m == d.member_a).unwrap_or(0);
        let ib = c.members.iter().position(|m| *m == d.member_b).unwrap_or(1);
        let pair = member_pairs(c.members.len()).iter().position(|&p| p == (ia.min(ib), ia.max(ib))).unwrap_or(0);
        self.statements = true;
        self.cluster = d.cluster;
        self.pair = pair;
        self.switch(View::Compare);
    }

    fn toggle_mark(&mut self, article: usize) {
        if let Some(i) = self.marked.iter().position(|&m| m == article) {
            self.marked.remove(i);
        } else {
            if self.marked.len() == 2 {
                self.marked.remove(0);
            }
            self.marked.push(article);
        }
        self.passage = 0;
        self.compare_scroll = 0;
        self.statements = false;
    }

    /// Opens an article in the active reading pane.
    pub fn open(&mut self, article: usize) {
        if article >= self.articles().len() {
            return;
        }
        if self.panes.is_empty() {
            self.panes.push(Pane { article, scroll: 0, target: None });
            self.active = 0;
        } else {
            let a = self.active.min(self.panes.len() - 1);
            self.panes[a] = Pane { article, scroll: 0, target: None };
        }
        self.focus = Focus::Main(self.active);
    }

    fn split(&mut self) {
        if self.panes.len() >= 3 || self.articles().is_empty() {
            self.message = Some("at most three reading panes".into());
            return;
        }
        // Open the next source not already shown.
        let shown: Vec<usize> = self.panes.iter().map(|p| p.article).collect();
        let n = self.articles().len();
        let next = (0..n).map(|k| (self.source + k) % n).find(|i| !shown.contains(i)).unwrap_or(self.source);
        self.panes.push(Pane { article: next, scroll: 0, target: None });
        self.active = self.panes.len() - 1;
        if self.view == View::Read {
            self.focus = Focus::Main(self.active);
        }
    }

    fn close_pane(&mut self) {
        if self.panes.len() <= 1 {
            self.message = Some("the last reading pane stays open".into());
            return;
        }
        self.panes.remove(self.active);
        self.active = self.active.min(self.panes.len() - 1);
        self.focus = Focus::Main(self.active);
    }

    /// Shows `span` of `article` in the Read view, highlighted.
    pub fn jump(&mut self, article: usize, span: Span) {
        self.switch(View::Read);
        self.open(article);
        self.source = article;
        let (w, h) = self.pane_geometry(self.active);
        let rows = self.rows(article, w);
        let row = rows.partition_point(|r| r.end <= span.start && !(r.start == r.end && r.start > span.start));
        let pane = &mut self.panes[self.active];
        pane.target = Some(span);
        pane.scroll = row.saturating_sub(h / 4).min(rows.len().saturating_sub(h));
    }

    /// Moves to the next (or previous) search match in the current view.
    /// `fresh`: a new search, which may match at the current position.
    fn search_step(&mut self, forward: bool, fresh: bool) {
        let Some(q) = self.search.clone() else {
            self.message = Some("no search: press / to search".into());
            return;
        };
        let found = match self.view {
            View::Read => self.search_read(&q, forward, fresh),
            View::Compare => self.search_list(&q, forward, fresh),
            View::Timeline => self.search_list(&q, forward, fresh),
            View::Coverage => self.search_list(&q, forward, fresh),
            View::Discrepancies => self.search_list(&q, forward, fresh),
        };
        if !found {
            self.message = Some(format!("“{}” not found", crate::text::sanitize::sanitize(&q).0));
        }
    }

    /// Search in the Read view: on through the open article, then the
    /// following ones (or back through the preceding ones), opening the
    /// article where the next match is.
    fn search_read(&mut self, q: &str, forward: bool, fresh: bool) -> bool {
        let Some(pane) = self.panes.get(self.active).cloned() else { return false };
        let (w, _) = self.pane_geometry(self.active);
        let rows = self.rows(pane.article, w);
        let here = pane.target.map(|t| t.start).or_else(|| rows.get(pane.scroll).map(|r| r.start)).unwrap_or(0);
        let n = self.articles().len();
        let all = |body: &str| {
            let mut v = Vec::new();
            let mut at = 0;
            while let Some(i) = find_ci(body, q, at) {
                v.push(i);
                at = i + 1;
            }
            v
        };
        let mut hit = None;
        for k in 0..=n {
            let article = if forward { (pane.article + k) % n } else { (pane.article + n - k % n) % n };
            let hits = all(&self.articles()[article].body);
            let found = match (k, forward) {
                (0, true) => hits.into_iter().find(|&i| if fresh { i >= here } else { i > here }),
                (0, false) => hits.into_iter().rev().find(|&i| i < here),
                (_, true) => hits.first().copied(),
                (_, false) => hits.last().copied(),
            };
            if let Some(i) = found {
                hit = Some((article, i));
                break;
            }
        }
        let Some((article, i)) = hit else { return false };
        let body = &self.articles()[article].body;
        let end = find_match(body, q, i).map_or(i, |(_, e)| e);
        let in_article = all(body);
        let k = in_article.iter().position(|&x| x == i).unwrap_or(0);
        self.jump(article, Span::new(i, end));
        self.message = Some(format!("match {}/{} in {}", k + 1, in_article.len(), tag(article)));
        true
    }

    /// Texts of each item of the current list view, for search.
    fn item_texts(&self) -> Vec<String> {
        let Some(a) = &self.analysis else { return Vec::new() };
        let arts = &a.articles;
        match self.view {
            View::Compare if self.statements => a
                .story
                .clusters
                .iter()
                .map(|c| c.members.iter().map(|m| m.span.slice(&arts[m.article].body)).collect::<Vec<_>>().join(" "))
                .collect(),
            View::Compare => self
                .passages()
                .iter()
                .map(|&i| {
                    let p = &a.passages[i];
                    format!("{} {}", p.a.span.slice(&arts[p.a.article].body), p.b.span.slice(&arts[p.b.article].body))
                })
                .collect(),
            View::Timeline => a
                .timeline
                .iter()
                .map(|e| {
                    let texts: Vec<&str> = e.mentions.iter().map(|m| m.span.slice(&arts[m.article].body)).collect();
                    format!("{} {}", e.summary, texts.join(" "))
                })
                .collect(),
            View::Coverage => self
                .coverage_rows()
                .iter()
                .map(|r| match r {
                    CoverageRow::Statement(c) => a.story.clusters[*c].summary.clone(),
                    CoverageRow::Event(e) => a.timeline[*e].summary.clone(),
                })
                .collect(),
            View::Discrepancies => a
                .story
                .discrepancies
                .iter()
                .map(|d| format!("{} {}", d.a.1.slice(&arts[d.a.0].body), d.b.1.slice(&arts[d.b.0].body)))
                .collect(),
            View::Read => Vec::new(),
        }
    }

    fn search_list(&mut self, q: &str, forward: bool, fresh: bool) -> bool {
        let texts = self.item_texts();
        let n = texts.len();
        if n == 0 {
            return false;
        }
        let cur = match self.view {
            View::Compare if self.statements => self.cluster,
            View::Compare => self.passage,
            View::Timeline => self.event,
            View::Coverage => self.coverage_row,
            _ => self.discrepancy,
        };
        let order: Vec<usize> = if forward {
            (usize::from(!fresh)..n + usize::from(!fresh)).map(|k| (cur + k) % n).collect()
        } else {
            (1..=n).map(|k| (cur + n - k) % n).collect()
        };
        let hits: Vec<usize> = (0..n).filter(|&i| find_ci(&texts[i], q, 0).is_some()).collect();
        let Some(hit) = order.into_iter().find(|i| hits.contains(i)) else { return false };
        match self.view {
            View::Compare if self.statements => {
                self.cluster = hit;
                self.pair = 0;
            }
            View::Compare => self.passage = hit,
            View::Timeline => self.event = hit,
            View::Coverage => self.coverage_row = hit,
            _ => self.discrepancy = hit,
        }
        if self.view == View::Compare {
            self.compare_scroll = super::compare::first_match_row(self, q);
        }
        let k = hits.iter().position(|&i| i == hit).unwrap_or(0);
        self.message = Some(format!("match {}/{}", k + 1, hits.len()));
        true
    }

    /// Keeps every cursor inside its list.
    fn clamp(&mut self) {
        let n = self.articles().len();
        self.source = self.source.min(n.saturating_sub(1));
        self.marked.retain(|&m| m < n);
        self.panes.retain(|p| p.article < n);
        self.active = self.active.min(self.panes.len().saturating_sub(1));
        if let Focus::Main(i) = self.focus {
            if self.view == View::Read && i >= self.panes.len() {
                self.focus = if self.panes.is_empty() { Focus::Sources } else { Focus::Main(self.active) };
            }
        }
        self.passage = self.passage.min(self.passages().len().saturating_sub(1));
        if let Some(a) = &self.analysis {
            self.event = self.event.min(a.timeline.len().saturating_sub(1));
            self.cluster = self.cluster.min(a.story.clusters.len().saturating_sub(1));
            self.discrepancy = self.discrepancy.min(a.story.discrepancies.len().saturating_sub(1));
            self.coverage_row = self.coverage_row.min(self.coverage_rows().len().saturating_sub(1));
        }
        self.coverage_col = self.coverage_col.min(n.saturating_sub(1));
    }

    /// The terminal was resized: keep reading positions valid.
    pub fn resize(&mut self, w: u16, h: u16) {
        self.size = (w, h);
        for i in 0..self.panes.len() {
            let (pw, ph) = self.pane_geometry(i);
            let total = self.rows(self.panes[i].article, pw).len();
            self.panes[i].scroll = self.panes[i].scroll.min(total.saturating_sub(ph));
        }
    }

    // ----- remembered state -----

    pub fn snapshot(&self) -> SavedSet {
        let arts = self.articles();
        // Before the analysis arrived, the positions are the remembered ones.
        let kept = self.pending_positions.clone().unwrap_or_default();
        let (passage, event, statements, cluster, pair, coverage_row, coverage_col, discrepancy) =
            if self.analysis.is_some() {
                (
                    self.passage,
                    self.event,
                    self.statements,
                    self.cluster,
                    self.pair,
                    self.coverage_row,
                    self.coverage_col,
                    self.discrepancy,
                )
            } else {
                (
                    kept.passage,
                    kept.event,
                    kept.statements,
                    kept.cluster,
                    kept.pair,
                    kept.coverage_row,
                    kept.coverage_col,
                    kept.discrepancy,
                )
            };
        SavedSet {
            view: self.view.key().to_string(),
            source: arts.get(self.source).map(|a| a.id.clone()),
            panes: self.panes.iter().filter_map(|p| arts.get(p.article).map(|a| (a.id.clone(), p.scroll))).collect(),
            active_pane: self.active,
            passage,
            event,
            statements,
            cluster,
            pair,
            coverage_row,
            coverage_col,
            discrepancy,
            used: 0,
        }
    }

    /// Positions in the lists the analysis makes (clamped afterwards).
    fn restore_positions(&mut self, s: &SavedSet) {
        self.passage = s.passage;
        self.event = s.event;
        self.statements = s.statements;
        self.cluster = s.cluster;
        self.pair = s.pair;
        self.coverage_row = s.coverage_row;
        self.coverage_col = s.coverage_col;
        self.discrepancy = s.discrepancy;
    }

    pub fn restore(&mut self, s: &SavedSet) {
        let ids: Vec<&str> = self.articles().iter().map(|a| a.id.as_str()).collect();
        let index = |id: &str| ids.iter().position(|x| *x == id);
        let source = s.source.as_deref().and_then(index);
        let panes: Vec<Pane> = s
            .panes
            .iter()
            .filter_map(|(id, scroll)| index(id).map(|article| Pane { article, scroll: *scroll, target: None }))
            .take(3)
            .collect();
        if let Some(i) = source {
            self.source = i;
        }
        if !panes.is_empty() {
            self.panes = panes;
        }
        self.active = s.active_pane.min(self.panes.len().saturating_sub(1));
        if self.analysis.is_some() {
            self.restore_positions(s);
        } else {
            self.pending_positions = Some(s.clone());
        }
        if let Some(v) = View::from_key(&s.view) {
            self.switch(v);
        }
        self.resize(self.size.0, self.size.1);
        self.clamp();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn app() -> App {
        let loaded = crate::ingest::load(&[]).unwrap();
        let (keymap, _) = Keymap::new(&Default::default());
        let mut app = App::new(loaded.articles.clone(), Theme { color: false }, keymap, (80, 24));
        app.set_analysis(crate::analyse(loaded));
        app
    }

    fn press(app: &mut App, keys: &str) {
        for c in keys.chars() {
            app.on_key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
        }
    }

    fn key(app: &mut App, code: KeyCode) {
        app.on_key(KeyEvent::new(code, KeyModifiers::NONE));
    }

    #[test]
    fn views_switch_with_number_keys_and_q_quits() {
        let mut a = app();
        assert_eq!(a.view, View::Read);
        press(&mut a, "2");
        assert_eq!(a.view, View::Compare);
        press(&mut a, "3");
        assert_eq!(a.view, View::Timeline);
        press(&mut a, "5");
        assert_eq!(a.view, View::Discrepancies);
        press(&mut a, "q");
        assert!(a.quit);
    }

    #[test]
    fn timeline_opens_on_the_storys_days_and_steps() {
        let mut a = app();
        press(&mut a, "3");
        let first = a.event;
        let when = a.selected_event().unwrap().when.date_string();
        assert!(when.as_str() >= "2025-11-19", "opens at {when}");
        assert!(first > 0, "older events sit above");
        press(&mut a, "j");
        assert_eq!(a.event, first + 1);
        press(&mut a, "k");
        press(&mut a, "k");
        assert_eq!(a.event, first - 1);
        press(&mut a, "g");
        assert_eq!(a.event, 0);
        press(&mut a, "G");
        assert_eq!(a.event, a.analysis.as_ref().unwrap().timeline.len() - 1);
    }

    #[test]
    fn enter_on_an_event_lists_sources_and_jumps_to_the_sentence() {
        let mut a = app();
        press(&mut a, "3");
        key(&mut a, KeyCode::Enter);
        assert_eq!(a.overlay, Some(Overlay::Mentions { cursor: 0 }));
        let m = a.selected_event().unwrap().mentions[0].clone();
        key(&mut a, KeyCode::Enter);
        assert_eq!(a.overlay, None);
        assert_eq!(a.view, View::Read);
        let p = &a.panes[a.active];
        assert_eq!((p.article, p.target), (m.article, Some(m.span)));
    }

    #[test]
    fn help_opens_and_escape_closes() {
        let mut a = app();
        press(&mut a, "?");
        assert_eq!(a.overlay, Some(Overlay::Help));
        key(&mut a, KeyCode::Esc);
        assert_eq!(a.overlay, None);
    }

    #[test]
    fn compare_steps_through_passages_of_a_marked_pair() {
        let mut a = app();
        press(&mut a, "2");
        let all = a.passages().len();
        key(&mut a, KeyCode::BackTab);
        assert_eq!(a.focus, Focus::Sources);
        press(&mut a, "m");
        press(&mut a, "j");
        press(&mut a, "m");
        assert_eq!(a.marked, [0, 1]);
        let pair = a.passages().len();
        assert!(pair > 0 && pair < all);
        key(&mut a, KeyCode::Tab);
        press(&mut a, "n");
        assert_eq!(a.passage, 1.min(pair - 1));
        press(&mut a, "p");
        assert_eq!(a.passage, 0);
        press(&mut a, "a");
        assert!(a.marked.is_empty());
    }

    #[test]
    fn statements_mode_steps_clusters_and_member_pairs() {
        let mut a = app();
        press(&mut a, "2c");
        assert!(a.statements);
        press(&mut a, "l");
        assert_eq!(a.pair, 1);
        press(&mut a, "j");
        assert_eq!((a.cluster, a.pair), (1, 0));
    }

    #[test]
    fn search_moves_to_matches_in_each_view() {
        let mut a = app();
        press(&mut a, "/");
        assert!(a.input.is_some());
        press(&mut a, "Zakharova");
        key(&mut a, KeyCode::Enter);
        assert_eq!(a.search.as_deref(), Some("Zakharova"));
        let t = a.panes[a.active].target.expect("a match is highlighted");
        assert!(a.articles()[a.panes[a.active].article].body[t.start..t.end].eq_ignore_ascii_case("zakharova"));
        press(&mut a, "3n");
        let e = a.selected_event().unwrap();
        let arts = a.articles();
        let texts: Vec<&str> = e.mentions.iter().map(|m| m.span.slice(&arts[m.article].body)).collect();
        assert!(e.summary.contains("Zakharova") || texts.iter().any(|t| t.contains("Zakharova")), "{e:?}");
        let m = a.message.clone().unwrap_or_default();
        assert!(m.starts_with("match ") && m.contains('/'), "{m}");
    }

    #[test]
    fn reading_panes_split_scroll_and_close() {
        let mut a = app();
        key(&mut a, KeyCode::Enter);
        assert_eq!(a.focus, Focus::Main(0));
        press(&mut a, "jjj");
        assert_eq!(a.panes[0].scroll, 3);
        press(&mut a, "s");
        assert_eq!(a.panes.len(), 2);
        assert_eq!(a.focus, Focus::Main(1));
        press(&mut a, "ss");
        assert_eq!(a.panes.len(), 3);
        assert!(a.message.is_some());
        press(&mut a, "x");
        assert_eq!(a.panes.len(), 2);
    }

    #[test]
    fn discrepancy_opens_its_pair_side_by_side() {
        let mut a = app();
        press(&mut a, "5");
        key(&mut a, KeyCode::Enter);
        assert_eq!(a.view, View::Compare);
        assert!(a.statements);
        let d = &a.analysis.as_ref().unwrap().story.discrepancies[0];
        assert_eq!(a.cluster, d.cluster);
    }

    #[test]
    fn state_round_trips() {
        let mut a = app();
        press(&mut a, "3jj");
        let s = a.snapshot();
        let mut b = app();
        b.restore(&s);
        assert_eq!((b.view, b.event), (View::Timeline, a.event));
    }

    #[test]
    fn every_position_comes_back_even_when_restored_before_the_analysis() {
        let mut a = app();
        press(&mut a, "2jjjj");
        press(&mut a, "4jjl");
        press(&mut a, "5");
        let s = a.snapshot();
        assert_eq!((s.passage, s.coverage_row, s.coverage_col), (4, 2, 1));
        // A new start: the articles are read, the analysis is not there yet.
        let loaded = crate::ingest::load(&[]).unwrap();
        let (keymap, _) = Keymap::new(&Default::default());
        let mut b = App::new(loaded.articles.clone(), Theme { color: false }, keymap, (80, 24));
        b.restore(&s);
        assert_eq!(b.snapshot().passage, 4, "kept while waiting");
        b.set_analysis(crate::analyse(loaded));
        assert_eq!((b.view, b.passage, b.coverage_row, b.coverage_col), (View::Discrepancies, 4, 2, 1));
        // Statement mode too.
        let mut c = app();
        press(&mut c, "2cj");
        let s = c.snapshot();
        let mut d = app();
        d.restore(&s);
        assert!(d.statements && d.cluster == 1);
    }

    #[test]
    fn compare_keys_work_from_the_source_list() {
        let mut a = app();
        press(&mut a, "2");
        key(&mut a, KeyCode::BackTab);
        assert_eq!(a.focus, Focus::Sources);
        press(&mut a, "c");
        assert!(a.statements);
        press(&mut a, "c");
        press(&mut a, "n");
        assert_eq!(a.passage, 1);
    }

    #[test]
    fn overlays_page_and_jump_to_the_ends() {
        let mut a = app();
        press(&mut a, "4");
        press(&mut a, "e");
        let n = a.exclusive_of(0).len();
        assert!(n > 3);
        key(&mut a, KeyCode::End);
        assert_eq!(a.overlay, Some(Overlay::Exclusive { article: 0, cursor: n - 1 }));
        key(&mut a, KeyCode::Home);
        assert_eq!(a.overlay, Some(Overlay::Exclusive { article: 0, cursor: 0 }));
        key(&mut a, KeyCode::PageDown);
        assert!(matches!(a.overlay, Some(Overlay::Exclusive { cursor, .. }) if cursor > 1));
    }

    #[test]
    fn a_timeline_page_is_what_the_screen_shows() {
        let mut a = app();
        press(&mut a, "3g");
        key(&mut a, KeyCode::PageDown);
        // 80x24: the list shows 14 rows, day headings among them.
        let rows = a.timeline_rows();
        let at = rows.iter().position(|r| *r == TimelineRow::Event(a.event)).unwrap();
        assert!((12..=15).contains(&at), "{at}");
    }

    #[test]
    fn too_small_only_quits_and_warnings_go_after_a_key() {
        let mut a = app();
        a.warnings.push("config: broken".into());
        a.resize(60, 20);
        press(&mut a, "3");
        assert_eq!(a.view, View::Read);
        assert!(a.warnings_seen);
        press(&mut a, "q");
        assert!(a.quit);
    }

    #[test]
    fn q_closes_an_overlay_and_ctrl_c_quits_from_one() {
        let mut a = app();
        press(&mut a, "?");
        press(&mut a, "q");
        assert!(a.overlay.is_none() && !a.quit);
        press(&mut a, "3");
        key(&mut a, KeyCode::Enter);
        assert!(a.overlay.is_some());
        a.on_key(KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL));
        assert!(a.quit);
    }

    /// An app over `texts` (one article each), analysed.
    fn app_of(texts: &[&str]) -> App {
        let sources: Vec<crate::ingest::Source> = texts
            .iter()
            .enumerate()
            .map(|(i, t)| crate::ingest::Source {
                path: format!("{i}.txt"),
                stem: format!("a{i}"),
                bytes: t.as_bytes().to_vec(),
                truncated_from: None,
            })
            .collect();
        let loaded = crate::ingest::parse_all(&sources);
        let (keymap, _) = Keymap::new(&Default::default());
        let mut app = App::new(loaded.articles.clone(), Theme { color: false }, keymap, (80, 24));
        app.set_analysis(crate::analyse(loaded));
        app
    }

    #[test]
    fn paging_an_empty_timeline_does_nothing() {
        let mut a = app_of(&["A quiet day\n\nNothing happened."]);
        assert!(a.analysis.as_ref().unwrap().timeline.is_empty());
        press(&mut a, "3");
        for code in [KeyCode::PageUp, KeyCode::PageDown] {
            key(&mut a, code);
        }
        press(&mut a, "b");
        for c in ['u', 'd'] {
            a.on_key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL));
        }
        assert_eq!((a.view, a.event), (View::Timeline, 0));
    }

    #[test]
    fn finds_case_insensitively() {
        assert_eq!(find_ci("Hello Kyiv", "kyiv", 0), Some(6));
        assert_eq!(find_ci("Erdoğan", "ERDOĞAN", 0), Some(0));
        assert_eq!(find_ci("abc", "x", 0), None);
        assert_eq!(find_ci("aé b", "b", 2), Some(4));
        // A space in the search matches a glued sentence start, or a run.
        assert_eq!(find_match("told NBC News.The plan", "news. the", 0), Some((9, 17)));
        assert_eq!(find_match("told NBC News.  The plan", "News. The", 0), Some((9, 19)));
        assert_eq!(find_match("a b", " ", 0), None);
        assert_eq!(find_match("İstanbul", "i̇stanbul", 0), Some((0, "İstanbul".len())));
    }
}
