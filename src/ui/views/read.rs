//! The Read view: the source list and up to three reading panes. A mark in
//! the gutter shows the lines other sources share; unmarked lines are this
//! outlet's own.
//!
//! A pane's place is a byte offset into its article (the start of its top
//! row), not a row number: rows change with the width, the offset does not,
//! so a resize or a reopen at another size keeps the top line's sentence.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span as TSpan};
use ratatui::widgets::Paragraph;
use serde::{Deserialize, Serialize};

use parallax::text::Span;
use parallax::text::search::find_start;

use super::super::draw::{block, matches_in, styled_row_spaced};
use super::super::keymap::Action;
use super::super::layout;
use super::super::shared::{Mouse, Notice, Pointer, Request, Shared, Target, WHEEL_ROWS};
use super::super::wrap::{self, Row};
use super::{View, movement, sources, step};

/// Rows of text kept in view past the sentence `j`/`k` select, so the
/// reader sees what comes next.
const LOOK_AHEAD: usize = 3;

/// Which part of the view has the keyboard.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Focus {
    #[default]
    Sources,
    Pane(usize),
}

/// A reading pane: an article, scrolled.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pane {
    pub article: usize,
    /// Byte offset of the first character shown (the top row's start).
    pub top: usize,
    /// The row `top` starts, at the width last scrolled at: a hint that
    /// tells two rows starting at one offset apart (a blank row between
    /// paragraphs and the paragraph's first row). Checked before use.
    row_hint: usize,
    /// A sentence jumped to, highlighted.
    pub target: Option<Span>,
}

impl Pane {
    pub fn new(article: usize) -> Pane {
        Pane { article, top: 0, row_hint: 0, target: None }
    }

    /// The first row shown, of `rows` in a pane `height` rows tall.
    pub fn first_row(&self, rows: &[Row], height: usize) -> usize {
        let row = if rows.get(self.row_hint).is_some_and(|r| r.start == self.top) {
            self.row_hint
        } else {
            row_at(rows, self.top)
        };
        row.min(rows.len().saturating_sub(height))
    }

    /// Shows row `row` of `rows` at the top.
    fn scroll_to(&mut self, rows: &[Row], row: usize) {
        self.row_hint = row;
        self.top = rows.get(row).map_or(0, |r| r.start);
    }
}

/// Per sentence of `article`: whether another source reports it too.
fn shared_flags(shared: &Shared, article: usize) -> &[bool] {
    shared.analysis.as_ref().and_then(|a| a.story.coverage.get(article)).map_or(&[], |c| c.shared.as_slice())
}

/// The row holding byte `offset`: the last row starting at or before it.
pub fn row_at(rows: &[Row], offset: usize) -> usize {
    rows.partition_point(|r| r.start <= offset).saturating_sub(1)
}

#[derive(Default)]
pub struct Read {
    pub panes: Vec<Pane>,
    pub active: usize,
    pub focus: Focus,
    /// The source list hidden by the reader (`z`).
    pub list_hidden: bool,
}

/// A pane's place: article id, top offset, the span jumped to.
type PanePlace = (String, usize, Option<(usize, usize)>);

/// The place remembered: each pane's article, top offset and the span
/// jumped to, and whether the list had the keyboard.
#[derive(Serialize, Deserialize)]
struct Place {
    panes: Vec<PanePlace>,
    active: usize,
    #[serde(default)]
    list: bool,
}

impl Read {
    /// The source list (when shown) and the reading panes' rectangles at
    /// this size (an empty one for a pane not shown).
    pub fn pane_rects(&self, shared: &Shared) -> (Option<Rect>, Vec<Rect>) {
        let body = layout::body(shared.size);
        let min = layout::READ_LIST_MIN;
        let shown = layout::list_shown(body, self.list_hidden, min, self.focus == Focus::Sources);
        let (list, rest) = layout::with_list(body, shown, min);
        (list, layout::panes(rest, self.panes.len(), self.active))
    }

    /// (width, height) of the text in pane `pane`; a pane not on screen
    /// (the list has the whole screen) measures as if shown alone, so its
    /// place is kept in the same rows.
    fn pane_geometry(&self, shared: &Shared, pane: usize) -> (usize, usize) {
        let (_, rects) = self.pane_rects(shared);
        let r = rects.get(pane).copied().filter(|r| r.area() > 0).unwrap_or_else(|| layout::body(shared.size));
        (layout::text_width(r), layout::text_height(r))
    }

    /// The row at the top of pane `i`, as drawn at this size.
    #[cfg(test)]
    pub fn top_row(&self, shared: &Shared, i: usize) -> Option<Row> {
        let pane = self.panes.get(i)?;
        let (w, h) = self.pane_geometry(shared, i);
        let rows = shared.rows(pane.article, w);
        rows.get(pane.first_row(&rows, h)).copied()
    }

    /// Shows or hides the source list.
    fn toggle_list(&mut self, shared: &Shared) {
        let body = layout::body(shared.size);
        let shown = layout::list_shown(body, self.list_hidden, layout::READ_LIST_MIN, self.focus == Focus::Sources);
        if shown {
            self.list_hidden = true;
            if self.focus == Focus::Sources && !self.panes.is_empty() {
                self.focus = Focus::Pane(self.active);
            }
        } else {
            self.list_hidden = false;
            // On a narrow screen the list shows only with the keyboard.
            if body.width < layout::READ_LIST_MIN {
                self.focus = Focus::Sources;
            }
        }
    }

    /// A first pane once there are articles.
    fn ensure_pane(&mut self, shared: &Shared, first: usize) {
        if self.panes.is_empty() && shared.articles().len() > first {
            self.panes.push(Pane::new(first));
        }
    }

    /// Opens an article in the active reading pane (where it is, when it is
    /// shown there already) and gives the pane the keyboard.
    pub fn open(&mut self, article: usize, shared: &Shared) {
        if article >= shared.articles().len() {
            return;
        }
        if self.panes.get(self.active).is_some_and(|p| p.article == article) {
            self.focus = Focus::Pane(self.active);
            return;
        }
        if self.panes.is_empty() {
            self.panes.push(Pane::new(article));
            self.active = 0;
        } else {
            let a = self.active.min(self.panes.len() - 1);
            self.panes[a] = Pane::new(article);
        }
        self.focus = Focus::Pane(self.active);
    }

    /// Shows an article in the active pane as the list's cursor moves over
    /// it, the list keeping the keyboard.
    fn preview(&mut self, article: usize, shared: &Shared) {
        let shown = self.panes.get(self.active).map(|p| p.article);
        if shown != Some(article) && article < shared.articles().len() {
            match self.panes.get_mut(self.active) {
                Some(pane) => *pane = Pane::new(article),
                None => self.panes.push(Pane::new(article)),
            }
        }
    }

    fn split(&mut self, shared: &mut Shared, focus: bool) {
        if self.panes.len() >= 3 || shared.articles().is_empty() {
            shared.message = Some("at most three reading panes".into());
            return;
        }
        // Open the next source not already shown.
        let shown: Vec<usize> = self.panes.iter().map(|p| p.article).collect();
        let n = shared.articles().len();
        let next = (0..n).map(|k| (shared.source + k) % n).find(|i| !shown.contains(i)).unwrap_or(shared.source);
        self.panes.push(Pane::new(next));
        self.active = self.panes.len() - 1;
        if focus {
            self.focus = Focus::Pane(self.active);
        }
    }

    fn close_pane(&mut self, shared: &mut Shared) {
        if self.panes.len() <= 1 {
            shared.message = Some("the last reading pane stays open".into());
            return;
        }
        self.panes.remove(self.active);
        self.active = self.active.min(self.panes.len() - 1);
        self.focus = Focus::Pane(self.active);
    }

    fn focus_ring(&self) -> Vec<Focus> {
        std::iter::once(Focus::Sources).chain((0..self.panes.len()).map(Focus::Pane)).collect()
    }

    fn cycle_focus(&mut self, step: isize) {
        let ring = self.focus_ring();
        let at = ring.iter().position(|f| *f == self.focus).unwrap_or(0) as isize;
        self.focus = ring[(at + step).rem_euclid(ring.len() as isize) as usize];
        if let Focus::Pane(i) = self.focus {
            self.active = i;
        }
    }

    /// Scrolls pane `i` by `delta` rows.
    fn scroll(&mut self, shared: &Shared, i: usize, delta: isize) {
        let (w, h) = self.pane_geometry(shared, i);
        let Some(pane) = self.panes.get_mut(i) else { return };
        let rows = shared.rows(pane.article, w);
        let max = rows.len().saturating_sub(h);
        let row = step(pane.first_row(&rows, h), delta, max + 1);
        pane.scroll_to(&rows, row);
    }

    /// Selects the sentence after (or before) the current one in pane `i`
    /// (as a click does) and scrolls it into view: `j` and `k` move `›`,
    /// so every sentence can be reached for Enter, even in a text that
    /// fits. Whether there was a sentence to move from.
    fn step_sentence(&mut self, shared: &Shared, i: usize, forward: bool) -> bool {
        let Some(current) = self.current_sentence(shared, i) else { return false };
        let Some(pane) = self.panes.get_mut(i) else { return false };
        let sentences = &shared.articles()[pane.article].sentences;
        let next = if forward { current + 1 } else { current.wrapping_sub(1) };
        let span = sentences.get(next).copied().unwrap_or(sentences[current]);
        pane.target = Some(span);
        self.reveal(shared, i, span);
        true
    }

    /// Scrolls pane `i` as little as shows all of `span` (its start, when
    /// it is taller than the pane) with [`LOOK_AHEAD`] rows of what comes
    /// next (or before), as vim's `scrolloff` does.
    fn reveal(&mut self, shared: &Shared, i: usize, span: Span) {
        let (w, h) = self.pane_geometry(shared, i);
        let Some(pane) = self.panes.get_mut(i) else { return };
        let rows = shared.rows(pane.article, w);
        let first_of_span = rows.partition_point(|r| r.end <= span.start && r.start < span.start);
        let last_of_span = rows.partition_point(|r| r.start < span.end).saturating_sub(1).max(first_of_span);
        let margin = LOOK_AHEAD.min(h / 4);
        let first = pane.first_row(&rows, h);
        let wanted = if first_of_span < first + margin {
            first_of_span.saturating_sub(margin)
        } else if last_of_span + margin >= first + h {
            (last_of_span + margin + 1).saturating_sub(h).min(first_of_span)
        } else {
            first
        };
        let wanted = wanted.min(rows.len().saturating_sub(h));
        if wanted != first {
            pane.scroll_to(&rows, wanted);
        }
    }

    /// `g`/`G` in pane `i`: the text's start or end, its first or last
    /// sentence selected; the other page keys scroll and leave `›` on
    /// the first shared line shown.
    fn page(&mut self, shared: &Shared, i: usize, action: Action, delta: isize) {
        self.scroll(shared, i, delta);
        let Some(pane) = self.panes.get_mut(i) else { return };
        let sentences = &shared.articles()[pane.article].sentences;
        pane.target = match action {
            Action::Top => sentences.first().copied(),
            Action::Bottom => sentences.last().copied(),
            _ => None,
        };
    }

    /// Shows `span` of `article` in the active pane, highlighted, a quarter
    /// of the way down.
    fn jump(&mut self, article: usize, span: Span, shared: &mut Shared) {
        self.open(article, shared);
        shared.source = article;
        self.show_span(span, shared);
    }

    /// Highlights `span` in the active pane and scrolls it a quarter of the
    /// way down (unless it is on screen already).
    fn show_span(&mut self, span: Span, shared: &Shared) {
        let Some(article) = self.panes.get(self.active).map(|p| p.article) else { return };
        let (w, h) = self.pane_geometry(shared, self.active);
        let rows = shared.rows(article, w);
        let row = rows.partition_point(|r| r.end <= span.start && !(r.start == r.end && r.start > span.start));
        let pane = &mut self.panes[self.active];
        pane.target = Some(span);
        let first = pane.first_row(&rows, h);
        if row < first || row >= first + h {
            pane.scroll_to(&rows, row.saturating_sub(h / 4).min(rows.len().saturating_sub(h)));
        }
    }

    /// The sentence Enter acts on in pane `i`: the one jumped to when it is
    /// on screen, else the first on screen another source shares, else the
    /// first on screen.
    pub fn current_sentence(&self, shared: &Shared, i: usize) -> Option<usize> {
        let pane = self.panes.get(i)?;
        let a = shared.articles().get(pane.article)?;
        let (w, h) = self.pane_geometry(shared, i);
        let rows = shared.rows(pane.article, w);
        let first = pane.first_row(&rows, h);
        let last = (first + h).min(rows.len());
        let (lo, hi) = (rows.get(first)?.start, rows.get(last.checked_sub(1)?)?.end);
        if let Some(t) = pane.target.filter(|t| t.start >= lo && t.start < hi) {
            return a.sentence_at(t.start);
        }
        let flags = shared_flags(shared, pane.article);
        let on_screen = a.sentences.partition_point(|s| s.end <= lo)..a.sentences.partition_point(|s| s.start < hi);
        on_screen
            .clone()
            .find(|&s| flags.get(s).copied().unwrap_or(false))
            .or(Some(on_screen.start))
            .filter(|&s| s < a.sentences.len())
    }

    /// Moves to the next (or previous) sentence another source shares.
    fn step_shared(&mut self, forward: bool, shared: &mut Shared) {
        let Some(pane) = self.panes.get(self.active) else { return };
        let a = &shared.articles()[pane.article];
        let flags = shared_flags(shared, pane.article);
        let here = self.current_sentence(shared, self.active);
        let found = match (here, forward) {
            (Some(c), true) => (c + 1..a.sentences.len()).find(|&s| flags.get(s).copied().unwrap_or(false)),
            (None, true) => (0..a.sentences.len()).find(|&s| flags.get(s).copied().unwrap_or(false)),
            (Some(c), false) => (0..c).rev().find(|&s| flags.get(s).copied().unwrap_or(false)),
            (None, false) => None,
        };
        match found {
            Some(s) => {
                let span = a.sentences[s];
                self.show_span(span, shared);
            }
            None => shared.message = Some("no more lines another source shares in this article".into()),
        }
    }

    /// Enter on a line: which sources share the current sentence.
    fn sources_sharing(&mut self, shared: &mut Shared) {
        let Some(s) = self.current_sentence(shared, self.active) else { return };
        let article = self.panes[self.active].article;
        let overlay = super::super::overlays::SharedBy::new(shared, article, s);
        if overlay.is_empty() {
            shared.message = Some("only this source has this sentence · ] goes to the next shared one".into());
        } else {
            shared.request(Request::Open(Box::new(overlay)));
        }
    }

    fn handle_list(&mut self, action: Action, shared: &mut Shared) -> bool {
        let (list, _) = self.pane_rects(shared);
        let page = list.map_or(1, sources::page);
        if sources::move_cursor(action, shared, page) {
            self.preview(shared.source, shared);
            return true;
        }
        match action {
            Action::Enter => self.open(shared.source, shared),
            Action::Mark => shared.request(Request::ToggleMark(shared.source)),
            Action::AllPairs => shared.request(Request::ClearMarks),
            Action::Split => self.split(shared, true),
            Action::Right | Action::FocusNext => self.cycle_focus(1),
            Action::FocusPrev => self.cycle_focus(-1),
            Action::ToggleList => self.toggle_list(shared),
            Action::Hidden => self.show_hidden(shared.source, shared),
            Action::Exclusive => show_exclusive(shared.source, shared),
            Action::Escape => return self.clear_targets(),
            _ => return false,
        }
        true
    }

    fn handle_pane(&mut self, i: usize, action: Action, shared: &mut Shared) -> bool {
        let (_, h) = self.pane_geometry(shared, i);
        let by_sentence = matches!(action, Action::Down | Action::Up);
        if by_sentence && self.step_sentence(shared, i, action == Action::Down) {
            return true;
        }
        if let Some(delta) = movement(action, h) {
            self.page(shared, i, action, delta);
            return true;
        }
        match action {
            Action::Split => self.split(shared, true),
            Action::ClosePane => self.close_pane(shared),
            Action::Mark => {
                if let Some(p) = self.panes.get(i) {
                    shared.request(Request::ToggleMark(p.article));
                }
            }
            Action::Left | Action::FocusPrev => self.cycle_focus(-1),
            Action::Right | Action::FocusNext => self.cycle_focus(1),
            Action::ToggleList => self.toggle_list(shared),
            Action::NextShared => self.step_shared(true, shared),
            Action::PrevShared => self.step_shared(false, shared),
            Action::Enter => self.sources_sharing(shared),
            Action::Hidden => {
                if let Some(p) = self.panes.get(i) {
                    self.show_hidden(p.article, shared);
                }
            }
            Action::Exclusive => {
                if let Some(p) = self.panes.get(i) {
                    show_exclusive(p.article, shared);
                }
            }
            Action::Escape => return self.clear_targets(),
            _ => return false,
        }
        true
    }

    /// Takes the highlight off jumped-to sentences; whether there was one.
    fn clear_targets(&mut self) -> bool {
        let any = self.panes.iter().any(|p| p.target.is_some());
        for p in &mut self.panes {
            p.target = None;
        }
        any
    }

    fn clamp(&mut self, shared: &Shared) {
        let n = shared.articles().len();
        self.panes.retain(|p| p.article < n);
        self.active = self.active.min(self.panes.len().saturating_sub(1));
        if let Focus::Pane(i) = self.focus {
            if i >= self.panes.len() {
                self.focus = if self.panes.is_empty() { Focus::Sources } else { Focus::Pane(self.active) };
            }
        }
    }

    /// Draws pane `index`; `alone`: the other panes are not on screen (the
    /// title says which of them this is).
    fn draw_pane(&self, shared: &Shared, f: &mut Frame, r: Rect, index: usize, focused: bool, alone: bool) {
        let pane = &self.panes[index];
        let article = pane.article;
        let a = &shared.articles()[article];
        let w = layout::text_width(r);
        let h = layout::text_height(r);
        let rows = shared.rows(article, w);
        let shared_sentences = shared.analysis.as_ref().and_then(|x| x.story.coverage.get(article)).map(|c| &c.shared);
        let mut title = pane_title(shared, article, (r.width as usize).saturating_sub(5 + 6 * usize::from(alone)));
        if alone {
            title = format!(" {}/{}{title}", index + 1, self.panes.len());
        }
        let first = pane.first_row(&rows, h);
        // The sentence Enter acts on, marked in the focused pane's gutter.
        let current = focused.then(|| self.current_sentence(shared, index)).flatten().map(|s| a.sentences[s]);
        let end = (first + h).min(rows.len());
        let lines: Vec<Line> = rows[first.min(end)..end]
            .iter()
            .map(|row| pane_line(shared, a, pane.target, current, shared_sentences.map(Vec::as_slice), *row))
            .collect();
        // As less and vim put it: the top, the bottom, or how far down.
        let scroll_note = if rows.len() <= h {
            String::new()
        } else if first == 0 {
            " Top ".to_string()
        } else if end >= rows.len() {
            " Bot ".to_string()
        } else {
            format!(" {}% ", first * 100 / (rows.len() - h))
        };
        let room = (r.width as usize).saturating_sub(4 + wrap::width(&scroll_note));
        let b = block(shared, title, focused)
            .title_bottom(Line::styled(scroll_note, shared.theme.dim()).right_aligned())
            .title_bottom(Line::styled(hidden_note(shared, a, room), shared.theme.dim()).left_aligned());
        f.render_widget(Paragraph::new(lines).block(b), r);
    }

    /// Opens the list of lines hidden from `article`'s text.
    fn show_hidden(&self, article: usize, shared: &mut Shared) {
        if shared.articles().get(article).is_some_and(|a| a.removed.is_empty()) {
            shared.message = Some("nothing hidden: every line of the file is in the text".into());
        } else {
            shared.request(Request::Open(Box::new(super::super::overlays::Hidden::new(article))));
        }
    }

    /// Search in the Read view: on through the open article, then the
    /// following ones (or back through the preceding ones), opening the
    /// article where the next match is.
    fn search_articles(&mut self, q: &str, forward: bool, fresh: bool, shared: &mut Shared) -> Option<String> {
        let pane = self.panes.get(self.active)?.clone();
        let (w, h) = self.pane_geometry(shared, self.active);
        let rows = shared.rows(pane.article, w);
        let top = rows.get(pane.first_row(&rows, h)).map(|r| r.start);
        let here = pane.target.map(|t| t.start).or(top).unwrap_or(0);
        let n = shared.articles().len();
        let all = |body: &str| {
            let mut v = Vec::new();
            let mut at = 0;
            while let Some(i) = find_start(body, q, at) {
                v.push(i);
                at = i + 1;
            }
            v
        };
        let mut hit = None;
        for k in 0..=n {
            let article = if forward { (pane.article + k) % n } else { (pane.article + n - k % n) % n };
            let hits = all(&shared.articles()[article].body);
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
        let (article, i) = hit?;
        let body = &shared.articles()[article].body;
        let end = parallax::text::search::find(body, q, i).map_or(i, |(_, e)| e);
        let in_article = all(body);
        let k = in_article.iter().position(|&x| x == i).unwrap_or(0);
        self.jump(article, Span::new(i, end), shared);
        // Counted over every source too, so stepping across articles does
        // not seem to start again.
        let counts: Vec<usize> = shared.articles().iter().map(|a| all(&a.body).len()).collect();
        let total: usize = counts.iter().sum();
        let here = format!("{}/{} in {}", k + 1, in_article.len(), shared.label(article));
        if total == in_article.len() {
            return Some(format!("match {here}"));
        }
        let overall = counts[..article].iter().sum::<usize>() + k + 1;
        Some(format!("match {overall}/{total} in all sources · {here}"))
    }
}

/// `e`: what only `article` reports, in the overlay Coverage opens too.
fn show_exclusive(article: usize, shared: &mut Shared) {
    if shared.analysis.is_none() {
        shared.message = Some("the analysis is not in yet".into());
        return;
    }
    shared.request(Request::Open(Box::new(super::super::overlays::Exclusive::new(article))));
}

/// One row of a reading pane: the gutter (a bar when another source
/// reports a sentence on the row, `›` on the sentence Enter acts on), then
/// the text with the sentence jumped to and the search matches marked.
fn pane_line<'a>(
    shared: &Shared,
    a: &'a parallax::ingest::Article,
    target: Option<Span>,
    current: Option<Span>,
    flags: Option<&[bool]>,
    row: Row,
) -> Line<'a> {
    let from = a.sentences.partition_point(|s| s.end <= row.start);
    let on_row = a.sentences[from..].iter().take_while(|s| s.start < row.end.max(row.start + 1)).count();
    let is_shared = row.end > row.start
        && flags.is_some_and(|sh| (from..from + on_row).any(|k| sh.get(k).copied().unwrap_or(false)));
    let bar = match (is_shared, shared.theme.color) {
        (false, _) => " ",
        (true, true) => "▌",
        (true, false) => "┃",
    };
    let here = row.end > row.start && current.is_some_and(|c| c.start < row.end && row.start < c.end);
    let gutter = [
        TSpan::styled(bar, shared.theme.shared_mark()),
        TSpan::styled(if here { "›" } else { " " }, shared.theme.title()),
    ];
    let mut marks = matches_in(shared, &a.body, row.start, row.end);
    if let Some(t) = target {
        marks.insert(0, (t, shared.theme.target()));
    }
    let mut line = styled_row_spaced(&a.body, row, &marks, shared.theme.text(), &a.glued);
    line.spans.splice(0..0, gutter);
    line
}

/// `4 lines left out of the text · f shows` (every line the `f` list
/// shows: metadata, page furniture, links), shorter where that does not
/// fit in `room` columns, nothing when no line was left out.
fn hidden_note(shared: &Shared, a: &parallax::ingest::Article, room: usize) -> String {
    let count = a.removed.len();
    if count == 0 {
        return String::new();
    }
    let key = shared.keymap.keys_of(Action::Hidden);
    let key = key.split(' ').next().unwrap_or("");
    let lines = if count == 1 { "line" } else { "lines" };
    [
        format!(" {count} {lines} left out of the text · {key} shows "),
        format!(" {count} {lines} left out · {key} "),
        format!(" {count} left out "),
    ]
    .into_iter()
    .find(|note| wrap::width(note) <= room)
    .unwrap_or_default()
}

/// A pane's title: the source's name and title, with the date when it
/// fits whole; the name and a cut title otherwise.
fn pane_title(shared: &Shared, article: usize, room: usize) -> String {
    let heading = shared.heading(article);
    let date = shared.articles()[article].published.map(|p| p.date.to_string());
    let full = match &date {
        Some(d) => format!(" {heading} · {d} "),
        None => format!(" {heading} "),
    };
    if wrap::width(&full) <= room {
        return wrap::display(&full).into_owned();
    }
    // A space before the border when the title was cut.
    format!("{} ", wrap::truncate(&format!(" {heading}"), room.saturating_sub(1)))
}

impl Read {
    /// The list under the pointer: the wheel moves the cursor (and the
    /// preview), a click picks the source.
    fn mouse_list(&mut self, mouse: Mouse, list: Rect, shared: &mut Shared) {
        let n = shared.articles().len();
        if mouse.kind == Pointer::Click {
            let Some(line) = mouse.line_in(list) else { return };
            let first = super::super::draw::window(shared.source, n, sources::page(list)).start;
            let item = first + line / 2;
            if item >= n {
                return;
            }
            shared.source = item;
            self.focus = Focus::Sources;
        } else {
            shared.source = step(shared.source, mouse.wheel(), n);
        }
        self.preview(shared.source, shared);
    }

    /// A pane under the pointer: the wheel scrolls it, a click gives it the
    /// keyboard and marks the sentence clicked (Enter then lists who
    /// shares it).
    fn mouse_pane(&mut self, mouse: Mouse, i: usize, r: Rect, shared: &mut Shared) {
        if mouse.kind != Pointer::Click {
            self.scroll(shared, i, mouse.wheel() * WHEEL_ROWS);
            return;
        }
        self.active = i;
        self.focus = Focus::Pane(i);
        let Some(line) = mouse.line_in(r) else { return };
        let (w, h) = self.pane_geometry(shared, i);
        let pane = &self.panes[i];
        let rows = shared.rows(pane.article, w);
        let Some(row) = rows.get(pane.first_row(&rows, h) + line) else { return };
        let a = &shared.articles()[pane.article];
        // The character under the pointer (the text starts after the
        // border and the two-column gutter).
        let column = (mouse.column.saturating_sub(r.x + 3)) as usize;
        let text = &a.body[row.start..row.end];
        let mut width = 0;
        let at = text
            .char_indices()
            .find(|(_, c)| {
                width += unicode_width::UnicodeWidthChar::width(*c).unwrap_or(0);
                width > column
            })
            .map_or(row.end.saturating_sub(1).max(row.start), |(k, _)| row.start + k);
        if let Some(s) = a.sentence_at(at) {
            self.panes[i].target = Some(a.sentences[s]);
        }
    }
}

impl View for Read {
    fn mouse(&mut self, mouse: Mouse, shared: &mut Shared) -> bool {
        let (list, panes) = self.pane_rects(shared);
        if let Some(list) = list.filter(|l| mouse.inside(*l)) {
            self.mouse_list(mouse, list, shared);
            return true;
        }
        let Some(i) = panes.iter().take(self.panes.len()).position(|r| mouse.inside(*r)) else { return false };
        self.mouse_pane(mouse, i, panes[i], shared);
        true
    }

    fn handle(&mut self, action: Action, shared: &mut Shared) -> bool {
        let done = match self.focus {
            Focus::Sources => self.handle_list(action, shared),
            Focus::Pane(i) => self.handle_pane(i, action, shared),
        };
        self.clamp(shared);
        done
    }

    fn hints(&self, _shared: &Shared) -> Vec<(Action, &'static str)> {
        if self.focus == Focus::Sources {
            vec![(Action::Enter, "open"), (Action::Split, "split"), (Action::FocusNext, "pane")]
        } else {
            vec![
                (Action::Enter, "who shares it"),
                (Action::NextShared, "shared line"),
                (Action::Split, "split"),
                (Action::FocusNext, "pane"),
                (Action::Hidden, "hidden lines"),
            ]
        }
    }

    fn location(&self, shared: &Shared) -> String {
        if self.focus == Focus::Sources {
            if let Some(l) = sources::location(shared) {
                return l;
            }
        }
        match self.panes.get(self.active) {
            Some(p) => {
                // The sentence the cursor is on (what ] and [ step), else
                // the first line shown.
                let article = &shared.articles()[p.article];
                let place = match self.current_sentence(shared, self.active) {
                    Some(sentence) => format!("sentence {}/{}", sentence + 1, article.sentences.len()),
                    None => {
                        let (w, h) = self.pane_geometry(shared, self.active);
                        format!("line {}", p.first_row(&shared.rows(p.article, w), h) + 1)
                    }
                };
                let title = article.label();
                if shared.has_outlet(p.article) {
                    format!("{} · {place} · {title}", shared.label(p.article))
                } else {
                    format!("{place} · {title}")
                }
            }
            None => "no article open".into(),
        }
    }

    fn draw(&self, shared: &Shared, f: &mut Frame, area: Rect) {
        // Links and no article yet: their progress takes the whole view.
        if self.panes.is_empty() && shared.articles().is_empty() && !shared.links.is_empty() {
            draw_waiting(shared, f, area);
            return;
        }
        let (list, panes) = self.pane_rects(shared);
        let open: Vec<usize> = self.panes.iter().map(|p| p.article).collect();
        if let Some(list) = list {
            sources::draw(shared, f, list, self.focus == Focus::Sources, &open);
        }
        if self.panes.is_empty() {
            let r = panes.first().copied().unwrap_or_default();
            draw_waiting(shared, f, r);
            return;
        }
        let hidden = panes.iter().any(|r| r.area() == 0);
        for (i, r) in panes.into_iter().enumerate().take(self.panes.len()) {
            if r.area() > 0 {
                self.draw_pane(shared, f, r, i, self.focus == Focus::Pane(i), hidden);
            }
        }
    }

    fn search(&mut self, query: &str, forward: bool, fresh: bool, shared: &mut Shared) -> Option<String> {
        self.search_articles(query, forward, fresh, shared)
    }

    fn show(&mut self, target: &Target, shared: &mut Shared) -> bool {
        match *target {
            Target::Sentence { article, span } => self.jump(article, span, shared),
            Target::Both { left, right } => {
                self.panes = vec![Pane::new(left.0), Pane::new(right.0)];
                for (i, (article, span)) in [left, right].into_iter().enumerate() {
                    self.active = i;
                    self.show_span(span, shared);
                    shared.source = article;
                }
                self.active = 0;
                self.focus = Focus::Pane(0);
            }
            _ => return false,
        }
        true
    }

    fn enter(&mut self, _shared: &Shared) {
        self.focus = if self.panes.is_empty() { Focus::Sources } else { Focus::Pane(self.active) };
    }

    fn needs_analysis(&self) -> bool {
        false
    }

    fn reading_at(&self, shared: &Shared) -> Option<(usize, Option<usize>)> {
        let pane = self.panes.get(self.active)?;
        // The sentence selected counts while it is on screen.
        let selected = pane.target.and_then(|target| {
            let current = self.current_sentence(shared, self.active)?;
            let sentence = *shared.articles().get(pane.article)?.sentences.get(current)?;
            (sentence.start <= target.start && target.start < sentence.end.max(sentence.start + 1))
                .then_some(sentence.start)
        });
        Some((pane.article, selected))
    }

    fn analysis_arrived(&mut self, shared: &Shared) {
        self.ensure_pane(shared, 0);
        self.clamp(shared);
    }

    fn notice(&mut self, notice: Notice, shared: &Shared) {
        if let Notice::ArticlesAdded { first } = notice {
            self.ensure_pane(shared, first);
        }
    }

    fn save(&self, shared: &Shared) -> Option<serde_json::Value> {
        let panes = self
            .panes
            .iter()
            .filter_map(|p| shared.id(p.article).map(|id| (id, p.top, p.target.map(|t| (t.start, t.end)))))
            .collect();
        let list = self.focus == Focus::Sources;
        serde_json::to_value(Place { panes, active: self.active, list }).ok()
    }

    fn restore(&mut self, place: &serde_json::Value, shared: &mut Shared) {
        let Ok(place) = serde_json::from_value::<Place>(place.clone()) else { return };
        let panes: Vec<Pane> = place
            .panes
            .iter()
            .filter_map(|(id, top, target)| {
                let article = shared.index_of(id)?;
                let body = &shared.articles()[article].body;
                let span = target
                    .filter(|(start, end)| start < end && *end <= body.len())
                    .filter(|(start, end)| body.is_char_boundary(*start) && body.is_char_boundary(*end))
                    .map(|(start, end)| Span::new(start, end));
                Some(Pane { article, top: (*top).min(body.len()), row_hint: usize::MAX, target: span })
            })
            .take(3)
            .collect();
        if !panes.is_empty() {
            self.panes = panes;
        }
        self.active = place.active.min(self.panes.len().saturating_sub(1));
        self.focus = if place.list || self.panes.is_empty() { Focus::Sources } else { Focus::Pane(self.active) };
        self.clamp(shared);
    }
}

/// The pane before any article is in: how many inputs are read, and each
/// link and where it stands.
fn draw_waiting(shared: &Shared, f: &mut Frame, r: Rect) {
    let what = match shared.loading {
        Some((done, total)) if shared.links.is_empty() => format!("Reading files… {done} of {total}"),
        Some((done, total)) => format!("Reading… {done} of {total} · {}", super::super::overlays::links_tally(shared)),
        None => "No article to read.".to_string(),
    };
    let mut lines = vec![Line::raw(what)];
    lines.extend(super::super::overlays::link_lines(shared, (r.width as usize).saturating_sub(2)));
    f.render_widget(Paragraph::new(lines).block(block(shared, " Read ", false)), r);
}
