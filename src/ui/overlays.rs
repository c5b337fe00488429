//! Overlays drawn over a view: the help, an event's source sentences, the
//! sentences only one source has. Each owns its cursor, handles its keys
//! and draws from `&self`; `Esc` and `q` close any of them (the app does
//! that).

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span as TSpan};
use ratatui::widgets::{Clear, Paragraph};

use super::draw::{block, styled_row};
use super::keymap::{Action, actions};
use super::layout;
use super::shared::{Request, Shared, Target};
use super::views::timeline::when_label;
use super::views::{movement, step};
use super::wrap;

/// What an overlay did with a key.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// Handled; the overlay stays open.
    Stay,
    /// Handled; the overlay closes.
    Close,
}

pub trait Overlay: super::views::AsAny {
    fn handle(&mut self, action: Action, shared: &mut Shared) -> Outcome;
    fn draw(&self, shared: &Shared, f: &mut Frame, area: Rect);
    /// The help overlay (its own key closes it).
    fn is_help(&self) -> bool {
        false
    }
}

/// Cursor moves in an overlay's list: a page is a few entries (each takes
/// several lines).
fn overlay_movement(action: Action, shared: &Shared) -> Option<isize> {
    movement(action, (layout::text_height(layout::body(shared.size)) / 5).max(1))
}

/// The keys, and what the marks on screen mean; scrolls when the screen
/// is too short for all of them.
#[derive(Default)]
pub struct Help {
    scroll: std::cell::Cell<usize>,
}

impl Overlay for Help {
    /// Movement keys scroll; any other key closes the help.
    fn handle(&mut self, action: Action, shared: &mut Shared) -> Outcome {
        match movement(action, layout::text_height(layout::body(shared.size))) {
            Some(delta) => {
                self.scroll.set(step(self.scroll.get(), delta, usize::MAX / 2));
                Outcome::Stay
            }
            None => Outcome::Close,
        }
    }

    fn is_help(&self) -> bool {
        true
    }

    fn draw(&self, shared: &Shared, f: &mut Frame, area: Rect) {
        let r = layout::centered(area, area.width.min(100), area.height);
        f.render_widget(Clear, r);
        let inner_h = r.height.saturating_sub(3) as usize;
        // The Stories key only where there is a list of stories.
        let entries: Vec<(String, String)> = actions()
            .into_iter()
            .filter(|(a, _, _)| *a != Action::Stories || shared.pile.is_some())
            .map(|(a, _, what)| (shared.keymap.keys_of(a), what))
            .collect();
        let key_w = 11;
        let t = &shared.theme;
        let mut lines = vec![Line::styled("Keys · Esc or q closes · rebind them in config.toml [keys]", t.heading())];
        // Two columns when one does not fit and the screen is wide enough;
        // a description too long for its column wraps under itself.
        let columns = if entries.len() > inner_h && r.width >= 70 { 2 } else { 1 };
        let width = (r.width as usize).saturating_sub(2) / columns;
        lines.extend(help_lines(&entries, columns, width, key_w, t));
        // What the marks on screen mean (the gutter mark as this theme draws it).
        let gutter = if t.color { "▌" } else { "┃" };
        let width = (r.width as usize).saturating_sub(2);
        for legend in [
            &format!("Read: {gutter} in the gutter, another source reports this line too; › the line Enter acts on"),
            "Compare: words only the left side has, then only the right side has, are marked",
            "Timeline: ● dated by the text  ○ reported (placed at its article's date)  ~ approximate",
            "Timeline, Coverage: ≠ its sources differ on a number, a date or a name (5 lists them)",
        ] {
            for row in wrap::wrap(legend, 0, width.max(1)) {
                lines.push(Line::styled(legend[row.start..row.end].to_string(), t.dim()));
            }
        }
        // Scrolled no further than the last screenful.
        let shown = layout::text_height(r);
        let scroll = self.scroll.get().min(lines.len().saturating_sub(shown));
        self.scroll.set(scroll);
        let more = if lines.len() > shown {
            format!(" {}/{} · j/k scroll ", scroll + shown, lines.len())
        } else {
            String::new()
        };
        let b = block(shared, " Help ", true).title_bottom(Line::styled(more, t.dim()).right_aligned());
        f.render_widget(Paragraph::new(lines.into_iter().skip(scroll).collect::<Vec<_>>()).block(b), r);
    }
}

/// The rows of the help's keys in a column `width` wide: keys, then the
/// description, a description too long for the column wrapped under
/// itself.
fn help_rows(entries: &[(String, String)], width: usize, key_w: usize) -> Vec<(String, String)> {
    let room = width.saturating_sub(key_w + 1).max(1);
    let mut rows = Vec::new();
    for (keys, what) in entries {
        let k = wrap::truncate(keys, key_w - 1);
        for (index, row) in wrap::wrap(what, 0, room).into_iter().enumerate() {
            let head =
                if index == 0 { format!("{k}{}", " ".repeat(key_w - wrap::width(&k))) } else { " ".repeat(key_w) };
            rows.push((head, what[row.start..row.end].to_string()));
        }
    }
    rows
}

/// The help's keys in `columns` columns of `width` each, side by side.
fn help_lines(
    entries: &[(String, String)],
    columns: usize,
    width: usize,
    key_w: usize,
    t: &super::theme::Theme,
) -> Vec<Line<'static>> {
    let per_column = entries.len().div_ceil(columns.max(1));
    let rows: Vec<Vec<(String, String)>> =
        entries.chunks(per_column.max(1)).map(|c| help_rows(c, width, key_w)).collect();
    let height = rows.iter().map(Vec::len).max().unwrap_or(0);
    (0..height)
        .map(|row| {
            let mut spans = Vec::new();
            for column in &rows {
                let (head, what) = column.get(row).cloned().unwrap_or_else(|| (" ".repeat(key_w), String::new()));
                let pad = " ".repeat(width.saturating_sub(key_w + wrap::width(&what)));
                spans.push(TSpan::styled(head, t.title()));
                spans.push(TSpan::raw(format!("{what}{pad}")));
            }
            Line::from(spans)
        })
        .collect()
}

/// Rows of one source's sentence shown in the mentions overlay.
const MENTION_ROWS: usize = 5;

/// Every source sentence of a timeline event; Enter jumps to one.
pub struct Mentions {
    event: usize,
    pub cursor: usize,
}

impl Mentions {
    pub fn new(event: usize) -> Mentions {
        Mentions { event, cursor: 0 }
    }
}

impl Overlay for Mentions {
    fn handle(&mut self, action: Action, shared: &mut Shared) -> Outcome {
        let Some(e) = shared.analysis.as_ref().and_then(|a| a.timeline.get(self.event)) else {
            return Outcome::Close;
        };
        if let Some(delta) = overlay_movement(action, shared) {
            self.cursor = step(self.cursor, delta, e.mentions.len());
            return Outcome::Stay;
        }
        if action == Action::Enter {
            if let Some(m) = e.mentions.get(self.cursor).cloned() {
                shared.request(Request::Show(Target::Sentence { article: m.article, span: m.span }));
                return Outcome::Close;
            }
        }
        Outcome::Stay
    }

    fn draw(&self, shared: &Shared, f: &mut Frame, area: Rect) {
        let Some(e) = shared.analysis.as_ref().and_then(|a| a.timeline.get(self.event)) else { return };
        // As tall as its sentences need, at most the screen.
        let w = (area.width as usize).saturating_sub(8);
        let arts = shared.articles();
        let needed: usize = e
            .mentions
            .iter()
            .map(|m| {
                let a = &arts[m.article];
                let s = a.sentence_at(m.span.start).map_or(m.span, |i| a.sentences[i]);
                1 + wrap::wrap(s.slice(&a.body), 0, w.saturating_sub(2)).len().min(MENTION_ROWS)
            })
            .sum::<usize>()
            + 3;
        let r =
            layout::centered(area, area.width.saturating_sub(4), (needed as u16).min(area.height.saturating_sub(2)));
        f.render_widget(Clear, layout::around(area, r));
        let t = &shared.theme;
        let mut lines = vec![Line::styled("Enter jumps to the sentence in the Read view · Esc closes", t.dim())];
        let mut cursor_end = 0;
        for (i, m) in e.mentions.iter().enumerate() {
            let a = &arts[m.article];
            let head = format!(
                "{}{}",
                shared.heading(m.article),
                m.expression.as_deref().map(|x| format!(" · “{x}”")).unwrap_or_default()
            );
            let style = if i == self.cursor { t.selected() } else { t.title() };
            lines.push(Line::styled(wrap::truncate(&head, w), style));
            // The whole sentence, the part that reports the event marked.
            let sentence = a.sentence_at(m.span.start).map_or(m.span, |i| a.sentences[i]);
            let rows = wrap::wrap(sentence.slice(&a.body), sentence.start, w.saturating_sub(2));
            let marks = [(m.span, t.title())];
            for (k, row) in rows.iter().take(MENTION_ROWS).enumerate() {
                let mut line = styled_row(&a.body, *row, &marks, t.text());
                if k + 1 == MENTION_ROWS && rows.len() > MENTION_ROWS {
                    line.spans.push(TSpan::raw(" …"));
                }
                line.spans.insert(0, TSpan::raw("  "));
                lines.push(line);
            }
            if i == self.cursor {
                cursor_end = lines.len();
            }
        }
        // Keep the selected source's sentence in view.
        let h = layout::text_height(r);
        let skip = cursor_end.saturating_sub(h);
        let lines: Vec<Line> = lines.into_iter().skip(skip).collect();
        let title = format!(
            " source {}/{} · {} · {} ",
            self.cursor + 1,
            e.mentions.len(),
            e.id,
            wrap::truncate(&when_label(&e.when), 40)
        );
        f.render_widget(Paragraph::new(lines).block(block(shared, title, true)), r);
    }
}

/// The sentences only one source has; Enter jumps to one.
pub struct Exclusive {
    article: usize,
    pub cursor: usize,
}

impl Exclusive {
    pub fn new(article: usize) -> Exclusive {
        Exclusive { article, cursor: 0 }
    }

    /// Sentences only the article has.
    fn list(&self, shared: &Shared) -> Vec<usize> {
        shared
            .analysis
            .as_ref()
            .and_then(|a| a.story.coverage.get(self.article))
            .map(|c| c.exclusive().collect())
            .unwrap_or_default()
    }
}

impl Overlay for Exclusive {
    fn handle(&mut self, action: Action, shared: &mut Shared) -> Outcome {
        let list = self.list(shared);
        if let Some(delta) = overlay_movement(action, shared) {
            self.cursor = step(self.cursor, delta, list.len());
            return Outcome::Stay;
        }
        if action == Action::Enter {
            if let Some(&s) = list.get(self.cursor) {
                let span = shared.articles()[self.article].sentences[s];
                shared.request(Request::Show(Target::Sentence { article: self.article, span }));
                return Outcome::Close;
            }
        }
        Outcome::Stay
    }

    fn draw(&self, shared: &Shared, f: &mut Frame, area: Rect) {
        let r = layout::centered(area, area.width.saturating_sub(4), area.height.saturating_sub(2));
        f.render_widget(Clear, layout::around(area, r));
        let Some(a) = shared.articles().get(self.article) else { return };
        let list = self.list(shared);
        let w = (r.width as usize).saturating_sub(4);
        let h = layout::text_height(r);
        let t = &shared.theme;
        let mut lines =
            vec![Line::styled("Sentences no other source reports · Enter jumps to one · Esc closes", t.dim())];
        if list.is_empty() {
            lines.push(Line::raw("Nothing: every sentence of this source is reported elsewhere too."));
        }
        let per = 3;
        let height = |i: usize| wrap::wrap(a.sentence(list[i]), 0, w).len().clamp(1, per);
        for i in fill(self.cursor, list.len(), h.saturating_sub(1), height) {
            let text = a.sentence(list[i]);
            let rows = wrap::wrap(text, 0, w);
            let style = if i == self.cursor { t.selected() } else { t.text() };
            for (k, row) in rows.iter().take(per).enumerate() {
                let mut s = wrap::display(&text[row.start..row.end]).into_owned();
                if k == per - 1 && rows.len() > per {
                    s = wrap::truncate(&format!("{s} …"), w);
                }
                // › marks the current sentence without colour too; the others get a bullet.
                let mark = match (k, i == self.cursor) {
                    (0, true) => "›",
                    (0, false) => "·",
                    _ => " ",
                };
                lines.push(Line::styled(format!("{mark} {s}"), style));
            }
        }
        let share = shared
            .analysis
            .as_ref()
            .and_then(|x| x.story.coverage.get(self.article))
            .map_or(0.0, |c| c.exclusive_share);
        let position = if list.is_empty() { String::new() } else { format!("{}/{} · ", self.cursor + 1, list.len()) };
        let title = format!(
            " {position}Only in {} · {:.0}% of its words ",
            wrap::truncate(&shared.heading(self.article), 50),
            share * 100.0
        );
        let title = wrap::truncate(&title, (r.width as usize).saturating_sub(2));
        f.render_widget(Paragraph::new(lines).block(block(shared, title, true)), r);
    }
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

/// One source that shares a sentence: its side of the passage.
struct Share {
    article: usize,
    span: parallax::text::Span,
    kind: &'static str,
    /// Found through a statement several sources carry, with no passage
    /// of its own with this article: (statement, pair of its members).
    statement: Option<(usize, usize)>,
}

/// The sources that report a sentence of the Read view too; Enter shows
/// the pair in Compare.
pub struct SharedBy {
    article: usize,
    sentence: parallax::text::Span,
    shares: Vec<Share>,
    pub cursor: usize,
}

impl SharedBy {
    /// The sources whose passages with `article` hold its sentence `s`,
    /// each with the sentences that report it (not the whole passage,
    /// whose other sentences may report its neighbours).
    pub fn new(shared: &Shared, article: usize, s: usize) -> SharedBy {
        let articles = shared.articles();
        let sentence = articles[article].sentences[s];
        let mut shares: Vec<Share> = Vec::new();
        for p in shared.analysis.iter().flat_map(|a| &a.passages) {
            let Some((other, sentences)) = p.counterpart(article, s) else { continue };
            let (Some(first), Some(last)) = (sentences.first(), sentences.last()) else { continue };
            let of_other = &articles[other].sentences;
            let span = parallax::text::Span { start: of_other[*first].start, end: of_other[*last].end };
            if !shares.iter().any(|x| x.article == other) {
                shares.push(Share { article: other, span, kind: p.kind.as_str(), statement: None });
            }
        }
        add_statement_carriers(shared, (article, s), &mut shares);
        shares.sort_by_key(|x| x.article);
        SharedBy { article, sentence, shares, cursor: 0 }
    }

    pub fn is_empty(&self) -> bool {
        self.shares.is_empty()
    }

    /// The sources listed, each with whether a statement (not a passage
    /// of its own) brought it.
    #[cfg(test)]
    pub fn sources(&self) -> Vec<(usize, bool)> {
        self.shares.iter().map(|x| (x.article, x.statement.is_some())).collect()
    }
}

/// The other carriers of the statements sentence `s` of `article` is a
/// member of, that no passage pairs with it (a statement joins sources
/// whose own wordings are too far apart to match as a pair).
fn add_statement_carriers(shared: &Shared, (article, s): (usize, usize), shares: &mut Vec<Share>) {
    let Some(an) = &shared.analysis else { return };
    for (c, cluster) in an.story.clusters.iter().enumerate() {
        let Some(this) = cluster.members.iter().position(|m| m.article == article && m.sentences.contains(&s)) else {
            continue;
        };
        for (other, member) in cluster.members.iter().enumerate() {
            if other == this || shares.iter().any(|x| x.article == member.article) {
                continue;
            }
            let pair = super::views::compare::pair_position(shared.articles(), cluster, this, other);
            let statement = pair.map(|pair| (c, pair));
            shares.push(Share { article: member.article, span: member.span, kind: "same statement", statement });
        }
    }
}

impl Overlay for SharedBy {
    fn handle(&mut self, action: Action, shared: &mut Shared) -> Outcome {
        if let Some(delta) = overlay_movement(action, shared) {
            self.cursor = step(self.cursor, delta, self.shares.len());
            return Outcome::Stay;
        }
        if action == Action::Enter {
            if let Some(x) = self.shares.get(self.cursor) {
                let a = (self.article, self.sentence.start);
                let target = match x.statement {
                    Some((cluster, pair)) => Target::Statement { cluster, pair },
                    None => Target::Passage { a, b: (x.article, x.span.start) },
                };
                shared.request(Request::Show(target));
                return Outcome::Close;
            }
        }
        Outcome::Stay
    }

    fn draw(&self, shared: &Shared, f: &mut Frame, area: Rect) {
        let w = (area.width as usize).saturating_sub(8).max(1);
        let arts = shared.articles();
        let rows_of = |x: &Share| wrap::wrap(x.span.slice(&arts[x.article].body), x.span.start, w.saturating_sub(2));
        let needed: usize = self.shares.iter().map(|x| 1 + rows_of(x).len().min(MENTION_ROWS)).sum::<usize>() + 3;
        let r =
            layout::centered(area, area.width.saturating_sub(4), (needed as u16).min(area.height.saturating_sub(2)));
        f.render_widget(Clear, layout::around(area, r));
        let t = &shared.theme;
        let mut lines = vec![Line::styled("Enter compares the two in Compare · Esc closes", t.dim())];
        let mut cursor_end = 0;
        for (i, x) in self.shares.iter().enumerate() {
            let style = if i == self.cursor { t.selected() } else { t.title() };
            let title = shared.articles()[x.article].label();
            let head = if shared.has_outlet(x.article) {
                format!("{} · {} · {title}", shared.label(x.article), x.kind)
            } else {
                format!("{} · {title}", x.kind)
            };
            lines.push(Line::styled(wrap::truncate(&head, w), style));
            let rows = rows_of(x);
            for (k, row) in rows.iter().take(MENTION_ROWS).enumerate() {
                let mut line = styled_row(&arts[x.article].body, *row, &[], t.text());
                if k + 1 == MENTION_ROWS && rows.len() > MENTION_ROWS {
                    line.spans.push(TSpan::raw(" …"));
                }
                line.spans.insert(0, TSpan::raw("  "));
                lines.push(line);
            }
            if i == self.cursor {
                cursor_end = lines.len();
            }
        }
        let skip = cursor_end.saturating_sub(layout::text_height(r));
        let lines: Vec<Line> = lines.into_iter().skip(skip).collect();
        let title = format!(
            " {} other {} this · {} ",
            self.shares.len(),
            if self.shares.len() == 1 { "source reports" } else { "sources report" },
            shared.label(self.article)
        );
        let title = wrap::truncate(&title, (r.width as usize).saturating_sub(2));
        f.render_widget(Paragraph::new(lines).block(block(shared, title, true)), r);
    }
}

/// Rows of one hidden line shown in the hidden-lines overlay.
const HIDDEN_ROWS: usize = 3;

/// The lines of an article that are not in its text (page furniture, and
/// the header lines its title, outlet and date were read from), in the
/// order the file gives them; Enter shows where one stood.
pub struct Hidden {
    article: usize,
    pub cursor: usize,
}

impl Hidden {
    pub fn new(article: usize) -> Hidden {
        Hidden { article, cursor: 0 }
    }

    fn lines<'a>(&self, shared: &'a Shared) -> &'a [parallax::ingest::Removed] {
        shared.articles().get(self.article).map_or(&[], |a| a.removed.as_slice())
    }
}

impl Overlay for Hidden {
    fn handle(&mut self, action: Action, shared: &mut Shared) -> Outcome {
        let count = self.lines(shared).len();
        if let Some(delta) = overlay_movement(action, shared) {
            self.cursor = step(self.cursor, delta, count);
            return Outcome::Stay;
        }
        if action == Action::Enter {
            let Some(at) = self.lines(shared).get(self.cursor).map(|line| line.at) else { return Outcome::Stay };
            let a = &shared.articles()[self.article];
            // The sentence the line stood before (the last one when it stood at the end).
            let next = a.sentences.partition_point(|s| s.end <= at).min(a.sentences.len().saturating_sub(1));
            if let Some(&span) = a.sentences.get(next) {
                shared.request(Request::Show(Target::Sentence { article: self.article, span }));
                return Outcome::Close;
            }
        }
        Outcome::Stay
    }

    fn draw(&self, shared: &Shared, f: &mut Frame, area: Rect) {
        let r = layout::centered(area, area.width.saturating_sub(4), area.height.saturating_sub(2));
        f.render_widget(Clear, layout::around(area, r));
        let lines_hidden = self.lines(shared);
        let w = (r.width as usize).saturating_sub(4);
        let t = &shared.theme;
        let mut lines = vec![Line::styled("Not in the text, and why · Enter shows where · Esc closes", t.dim())];
        if lines_hidden.is_empty() {
            lines.push(Line::raw("Nothing: every line of the file is in the text."));
        }
        let height = |i: usize| 1 + wrap::wrap(&lines_hidden[i].text, 0, w).len().clamp(1, HIDDEN_ROWS);
        for i in fill(self.cursor, lines_hidden.len(), layout::text_height(r).saturating_sub(1), height) {
            let line = &lines_hidden[i];
            let style = if i == self.cursor { t.selected() } else { t.title() };
            lines.push(Line::styled(
                format!("{} {}", if i == self.cursor { "›" } else { " " }, line.kind.as_str()),
                style,
            ));
            let rows = wrap::wrap(&line.text, 0, w);
            for (k, row) in rows.iter().take(HIDDEN_ROWS).enumerate() {
                let mut text = wrap::display(&line.text[row.start..row.end]).into_owned();
                if k + 1 == HIDDEN_ROWS && rows.len() > HIDDEN_ROWS {
                    text = wrap::truncate(&format!("{text} …"), w);
                }
                lines.push(Line::styled(format!("  {text}"), t.text()));
            }
        }
        // By kind, as the list names them: "metadata ×2, story link".
        let kinds: Vec<String> = parallax::ingest::removed::by_kind(lines_hidden)
            .iter()
            .map(|group| match group.lines.len() {
                1 => group.kind.as_str().to_string(),
                n => format!("{} ×{n}", group.kind.as_str()),
            })
            .collect();
        let position = if lines_hidden.is_empty() {
            String::new()
        } else {
            format!("{}/{} · ", self.cursor + 1, lines_hidden.len())
        };
        let total = lines_hidden.len();
        let title = format!(
            " {position}{} · {total} {} left out{} ",
            wrap::truncate(&shared.heading(self.article), 40),
            if total == 1 { "line" } else { "lines" },
            if kinds.is_empty() { String::new() } else { format!(": {}", kinds.join(", ")) }
        );
        let title = wrap::truncate(&title, (r.width as usize).saturating_sub(2));
        f.render_widget(Paragraph::new(lines).block(block(shared, title, true)), r);
    }
}

/// Every link of the set and where it stands (waiting, fetching, read
/// and how, a feed and its items, or why it failed); `j`/`k` scroll.
#[derive(Default)]
pub struct Links {
    scroll: std::cell::Cell<usize>,
}

impl Overlay for Links {
    /// Movement keys scroll; any other key closes the list.
    fn handle(&mut self, action: Action, shared: &mut Shared) -> Outcome {
        match movement(action, layout::text_height(layout::body(shared.size))) {
            Some(delta) => {
                self.scroll.set(step(self.scroll.get(), delta, shared.links.len().max(1)));
                Outcome::Stay
            }
            None => Outcome::Close,
        }
    }

    fn draw(&self, shared: &Shared, f: &mut Frame, area: Rect) {
        let r = layout::centered(area, area.width.min(110), area.height);
        f.render_widget(Clear, r);
        let width = (r.width as usize).saturating_sub(2);
        let mut lines = link_lines(shared, width);
        if lines.is_empty() {
            lines.push(Line::styled("No links or feeds in this set.", shared.theme.dim()));
        }
        let shown = layout::text_height(r);
        let scroll = self.scroll.get().min(lines.len().saturating_sub(shown));
        self.scroll.set(scroll);
        let title = format!(" Links · {} · Esc closes ", links_tally(shared));
        let b = block(shared, wrap::truncate(&title, width), true);
        f.render_widget(Paragraph::new(lines.into_iter().skip(scroll).collect::<Vec<_>>()).block(b), r);
    }
}

/// `7 of 10 read, 1 failed`: the links so far.
pub fn links_tally(shared: &Shared) -> String {
    use parallax::ingest::LinkState;
    let pages = shared.links.iter().filter(|l| !matches!(l.state, LinkState::Feed { .. }));
    let (mut read, mut failed, mut total) = (0, 0, 0);
    for link in pages {
        total += 1;
        read += usize::from(matches!(link.state, LinkState::Read { .. }));
        failed += usize::from(matches!(link.state, LinkState::Failed(_)));
    }
    let failed = if failed > 0 { format!(", {failed} failed") } else { String::new() };
    format!("{read} of {total} read{failed}")
}

/// One line per link: a mark, the link (without its scheme), and where it
/// stands, cut to `width`. A link is the web's text: shown made visible.
pub fn link_lines(shared: &Shared, width: usize) -> Vec<Line<'static>> {
    use parallax::fetch::{Origin, seconds};
    use parallax::ingest::LinkState;
    let t = &shared.theme;
    shared
        .links
        .iter()
        .map(|status| {
            let (mark, style, what) = match &status.state {
                LinkState::Waiting => ("·", t.dim(), "waiting".to_string()),
                LinkState::Fetching => ("…", t.dim(), "fetching".to_string()),
                LinkState::Read { words, origin, elapsed } => {
                    let how = match origin {
                        Origin::Network => format!("downloaded in {}", seconds(*elapsed)),
                        Origin::Revalidated => "unchanged since cached".into(),
                        Origin::Cache => "from the cache".into(),
                        Origin::Stale(why) => format!("from the cache: {why}"),
                    };
                    ("✓", t.title(), format!("{words} words · {how}"))
                }
                LinkState::Feed { items, listed } => ("≡", t.heading(), format!("feed: {items} of {listed} items")),
                LinkState::Failed(why) => ("✗", t.significant(), why.clone()),
            };
            let name = status.link.split_once("://").map_or(status.link.as_str(), |(_, rest)| rest);
            let name = parallax::text::sanitize::visible(name).into_owned();
            let what = parallax::text::sanitize::visible(&what).into_owned();
            // Where a link stands comes first; its name keeps two fifths.
            let name_width = wrap::width(&name);
            let name_room = width.saturating_sub(4 + wrap::width(&what)).max(name_width.min(width * 2 / 5));
            let name = wrap::truncate(&name, name_room);
            let what = wrap::truncate(&what, width.saturating_sub(wrap::width(&name) + 4));
            Line::from(vec![
                TSpan::styled(format!("{mark} "), style),
                TSpan::raw(format!("{name}  ")),
                TSpan::styled(what, style),
            ])
        })
        .collect()
}
