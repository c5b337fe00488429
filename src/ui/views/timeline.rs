//! The Timeline view: merged events in date order, a heading per date
//! (with its precision: a month shows as a month), each event with its
//! summary and the sources that report it. Events placed by an article's
//! date ("reported") are marked apart from events the text dates.

use std::cell::Cell;

use jiff::civil::Date;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span as TSpan};
use ratatui::widgets::Paragraph;

use parallax::ingest::Article;
use parallax::timeline::{Basis, Event, Precision, When};

use super::super::anchor::EventAnchor;
use super::super::draw::{block, highlighted, progress};
use super::super::keymap::Action;
use super::super::layout;
use super::super::overlays::Mentions;
use super::super::shared::{Mouse, Pointer, Request, Shared, Target};
use super::super::wrap;
use super::{View, clamped, is_paging, movement, search_list, step};

const MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const WEEKDAYS: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

/// A row of the timeline list: a day heading, an event, or background
/// events folded away (how many).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Row {
    Day(String),
    Event(usize),
    Folded(usize),
}

/// An event the text dates only to a month or a year: background to the
/// story's days ("born in 1955", "met in August").
pub fn is_background(e: &Event) -> bool {
    matches!(e.when.precision, Precision::Month | Precision::Year)
}

#[derive(Default)]
pub struct Timeline {
    /// The selected event.
    pub event: usize,
    /// The background events folded into one row each run (`o`).
    pub folded: bool,
    /// First row of the list on screen, kept between frames so that
    /// stepping scrolls smoothly (drawing updates it).
    top: Cell<Option<usize>>,
}

fn day(d: Date) -> String {
    format!(
        "{} {} {} {}",
        WEEKDAYS[d.weekday().to_monday_zero_offset() as usize],
        d.day(),
        MONTHS[(d.month() - 1) as usize],
        d.year()
    )
}

/// A date as precise as it is: "Wed 19 Nov 2025", "Aug 2025", "2025",
/// "17–20 Nov 2025".
pub fn when_label(w: &When) -> String {
    let approx = if w.approximate { "~" } else { "" };
    let s = match w.precision {
        Precision::Day => day(w.start),
        Precision::Month => format!("{} {} (month)", MONTHS[(w.start.month() - 1) as usize], w.start.year()),
        Precision::Year => format!("{} (year)", w.start.year()),
        Precision::Range => {
            let end = w.end.unwrap_or(w.start);
            if end.month() == w.start.month() && end.year() == w.start.year() {
                format!("{}–{} {} {}", w.start.day(), end.day(), MONTHS[(end.month() - 1) as usize], end.year())
            } else {
                format!("{} – {}", day(w.start), day(end))
            }
        }
    };
    format!("{approx}{s}")
}

/// The names of an event's sources, at most `max` columns: the first ones,
/// then how many more.
pub fn sources_of(shared: &Shared, articles: impl Iterator<Item = usize>, max: usize) -> String {
    let mut names: Vec<String> = articles.map(|a| shared.label(a)).collect();
    names.dedup();
    let mut out = String::new();
    for (i, name) in names.iter().enumerate() {
        let more = format!(" +{}", names.len() - i);
        let sep = if out.is_empty() { "" } else { ", " };
        let room = if i + 1 == names.len() { max } else { max.saturating_sub(more.len()) };
        if wrap::width(&out) + sep.len() + wrap::width(name) > room {
            // The first name, cut, rather than none.
            if out.is_empty() && room > 6 {
                out = wrap::truncate(name, room);
                continue;
            }
            let more = if out.is_empty() { more.trim_start() } else { &more };
            out.push_str(more);
            return out;
        }
        out.push_str(sep);
        out.push_str(name);
    }
    out
}

/// An event's summary for a row of `room` columns: on a wide screen more
/// of the sentence it is taken from than the stored summary holds.
pub fn summary_for(articles: &[Article], e: &Event, room: usize) -> String {
    shortened(&e.summary_source(articles), room)
}

/// Words for a row of `room` columns, shortened as summaries are (lead-in
/// words dropped, cut at a word), but as long as the row allows.
pub fn shortened(source: &str, room: usize) -> String {
    parallax::timeline::shorten(source, room.max(parallax::timeline::SUMMARY_BYTES) * 4)
}

/// "1 event", "3 events".
pub fn count(n: usize, what: &str) -> String {
    if n == 1 { format!("1 {what}") } else { format!("{n} {what}s") }
}

/// The timeline list: a heading for each date, then its events; with
/// `folded`, each run of background events is one row.
pub fn rows(shared: &Shared, folded: bool) -> Vec<Row> {
    let Some(a) = &shared.analysis else { return Vec::new() };
    let mut rows = Vec::new();
    let mut day = String::new();
    for (i, e) in a.timeline.iter().enumerate() {
        if folded && is_background(e) {
            match rows.last_mut() {
                Some(Row::Folded(hidden)) => *hidden += 1,
                _ => rows.push(Row::Folded(1)),
            }
            day.clear();
            continue;
        }
        // Headed by what the heading says: a period starting on a day is
        // not that day ("26–30 Aug" before "Sat 26 Aug").
        let d = when_label(&e.when);
        if d != day {
            rows.push(Row::Day(d.clone()));
            day = d;
        }
        rows.push(Row::Event(i));
    }
    rows
}

/// The event the timeline opens at: the first dated on or after the day
/// before the earliest publication date (the story's own days), older
/// context above it.
pub fn story_start(shared: &Shared) -> usize {
    let Some(a) = &shared.analysis else { return 0 };
    let first = a.articles.iter().filter_map(|x| x.published.map(|p| p.date)).min();
    let Some(first) = first.and_then(|d| d.yesterday().ok()) else { return 0 };
    a.timeline.iter().position(|e| e.when.start >= first).unwrap_or(a.timeline.len().saturating_sub(1))
}

impl Timeline {
    pub fn selected<'a>(&self, shared: &'a Shared) -> Option<&'a Event> {
        shared.analysis.as_ref().and_then(|a| a.timeline.get(self.event))
    }

    fn len(shared: &Shared) -> usize {
        shared.analysis.as_ref().map_or(0, |a| a.timeline.len())
    }

    /// Rows of the list on screen.
    fn page(shared: &Shared) -> usize {
        layout::timeline(layout::body(shared.size)).0.height.saturating_sub(2).max(1) as usize
    }

    /// The events on the list (all, or those not folded away).
    fn visible(&self, shared: &Shared) -> Vec<usize> {
        let Some(a) = &shared.analysis else { return Vec::new() };
        (0..a.timeline.len()).filter(|&e| !self.folded || !is_background(&a.timeline[e])).collect()
    }

    /// Steps `delta` events along the list.
    fn step_events(&mut self, delta: isize, shared: &Shared) {
        let visible = self.visible(shared);
        let at = visible.partition_point(|&e| e < self.event).min(visible.len().saturating_sub(1));
        if let Some(&e) = visible.get(step(at, delta, visible.len())) {
            self.event = e;
        }
    }

    /// Folds or unfolds the background; a folded selection moves to the
    /// next event on the list (the one before at the end).
    fn toggle_background(&mut self, shared: &mut Shared) {
        self.folded = !self.folded;
        self.top.set(None);
        self.keep_visible(shared);
        let hidden = Self::len(shared) - self.visible(shared).len();
        shared.message = Some(if self.folded {
            format!("{} folded", count(hidden, "background event"))
        } else {
            "background shown".to_string()
        });
    }

    /// A selection folded away moves to the next event on the list (the
    /// one before at the end).
    fn keep_visible(&mut self, shared: &Shared) {
        let visible = self.visible(shared);
        if !visible.contains(&self.event) {
            let next = visible.iter().find(|&&e| e > self.event).or(visible.last());
            self.event = next.copied().unwrap_or(self.event);
        }
    }

    /// Pages by the rows on screen, day headings included.
    fn page_by_rows(&mut self, delta: isize, shared: &Shared) {
        let rows = rows(shared, self.folded);
        if rows.is_empty() {
            return;
        }
        let at = rows.iter().position(|r| *r == Row::Event(self.event)).unwrap_or(0);
        let to = step(at, delta, rows.len());
        let event = |r: &Row| match r {
            Row::Event(e) => Some(*e),
            Row::Day(_) | Row::Folded(_) => None,
        };
        let found = if delta > 0 {
            rows[to..].iter().find_map(event).or_else(|| rows[..to].iter().rev().find_map(event))
        } else {
            rows[..=to].iter().rev().find_map(event).or_else(|| rows[to..].iter().find_map(event))
        };
        self.event = found.unwrap_or(self.event);
    }

    /// The first row of the list to draw, `rows` tall, with the selection
    /// `sel` in view.
    fn first_row(&self, rows: &[Row], sel: usize, h: usize) -> usize {
        // The selected event's date heading starts the view, unless that
        // would push the selection out of it.
        let heading = rows[..sel].iter().rposition(|r| matches!(r, Row::Day(_))).unwrap_or(0);
        // The view moves only as far as it must to show the selection (with
        // its day heading when it comes into view from above), so stepping
        // scrolls smoothly; the first frame opens at the selection's day.
        let opening = if sel - heading < h { heading } else { sel + 1 - h };
        let start = match self.top.get() {
            None => opening,
            Some(top) if sel < top => opening.min(sel),
            Some(top) if sel >= top + h => sel + 1 - h,
            Some(top) => top,
        };
        // Near the end the list fills the view rather than leaving rows empty.
        start.min(rows.len().saturating_sub(h))
    }

    fn event_line<'a>(&self, shared: &Shared, e: &Event, index: usize, width: usize) -> Line<'a> {
        let t = &shared.theme;
        let srcs = format!(" [{}]", sources_of(shared, e.mentions.iter().map(|m| m.article), width / 3));
        let (mark, style, note) = match e.basis {
            Basis::Dated => ("● ", t.text(), ""),
            Basis::Reported => ("○ ", t.reported(), "reported: "),
        };
        // Its sources differ on a number, a date or a name: said before its
        // words, as Coverage says it.
        let differ = if sources_differ_on(shared, e) { "≠ " } else { "" };
        let room = width.saturating_sub(2 + wrap::width(&srcs) + wrap::width(note) + wrap::width(differ));
        let summary = wrap::pad(&wrap::truncate(&summary_for(shared.articles(), e, room), room), room);
        let mut spans =
            vec![TSpan::styled(mark, style), TSpan::styled(differ, t.significant()), TSpan::styled(note, t.dim())];
        spans.extend(highlighted(shared, summary, style));
        spans.push(TSpan::styled(srcs, t.title()));
        let line = Line::from(spans);
        if index == self.event { line.style(t.selected()) } else { line }
    }

    fn detail(&self, shared: &Shared, f: &mut Frame, r: Rect) {
        let Some(e) = self.selected(shared) else { return };
        let t = &shared.theme;
        let basis = match e.basis {
            Basis::Dated if is_background(e) => "dated by the text, only to a month or a year: background".to_string(),
            Basis::Dated => "dated by the text".to_string(),
            Basis::Reported => "reported then: placed at its article's date, not dated by the text".to_string(),
        };
        let exprs: Vec<String> = e
            .mentions
            .iter()
            .map(|m| {
                format!(
                    "{} {}",
                    shared.label(m.article),
                    m.expression.as_deref().map_or("(no date words)".to_string(), |x| format!("“{x}”"))
                )
            })
            .collect();
        let width = (r.width as usize).saturating_sub(2);
        // Two rows of summary at most, so the sources line stays in view.
        let summary = summary_for(shared.articles(), e, width * 2);
        let rows = wrap::wrap(&summary, 0, width);
        let mut lines = vec![Line::from(vec![
            TSpan::styled(when_label(&e.when), t.heading()),
            TSpan::styled(format!(" · {basis}"), t.dim()),
        ])];
        for (k, row) in rows.iter().take(2).enumerate() {
            let text = &summary[row.start..row.end];
            let text =
                if k == 1 && rows.len() > 2 { wrap::truncate(&format!("{text} …"), width) } else { text.to_string() };
            lines.push(Line::raw(wrap::display(&text).into_owned()));
        }
        lines.extend([Line::styled(
            wrap::truncate(
                &format!(
                    "{}: {} · Enter shows {}",
                    count(e.mentions.len(), "source"),
                    exprs.join(", "),
                    if e.mentions.len() == 1 { "it" } else { "them" }
                ),
                (r.width as usize).saturating_sub(2),
            ),
            t.dim(),
        )]);
        let differing = disagreements_on(shared, e);
        if differing > 0 {
            let note = format!("Sources differ on it: {} · 5 shows them", count(differing, "disagreement"));
            lines.push(Line::styled(wrap::truncate(&note, width), t.significant()));
        }
        let b = block(shared, format!(" {} ", e.id), false);
        f.render_widget(Paragraph::new(lines).block(b), r);
    }
}

/// Whether a disagreement (not a spelling variant) holds a sentence of
/// `event` on either side: what the list's ≠ says, without counting.
pub(super) fn sources_differ_on(shared: &Shared, event: &Event) -> bool {
    let Some(an) = &shared.analysis else { return false };
    an.story.discrepancies.iter().any(|d| disagrees_on(d, event))
}

/// How many disagreements (rows of the Discrepancies view, not spelling
/// variants) hold a sentence of `event` on either side: the 200 reports of
/// one toll, in twenty versions, are one event whose sources differ, on
/// one disagreement.
pub(super) fn disagreements_on(shared: &Shared, event: &Event) -> usize {
    let Some(an) = &shared.analysis else { return 0 };
    let list = &an.story.discrepancies;
    let rows = super::discrepancies::rows(list, &an.articles);
    rows.iter().filter(|row| row.iter().any(|&index| disagrees_on(&list[index], event))).count()
}

/// Whether `discrepancy` is a disagreement (not a spelling variant) with a
/// side in a sentence of `event`.
fn disagrees_on(discrepancy: &parallax::story::Discrepancy, event: &Event) -> bool {
    let holds = |member: &parallax::story::Member| {
        event.mentions.iter().any(|m| m.article == member.article && member.span.overlaps(&m.span))
    };
    discrepancy.kind.significance() > 0 && (holds(&discrepancy.member_a) || holds(&discrepancy.member_b))
}

impl View for Timeline {
    /// The wheel steps events; a click selects the event clicked.
    fn mouse(&mut self, mouse: Mouse, shared: &mut Shared) -> bool {
        if mouse.kind != Pointer::Click {
            self.step_events(mouse.wheel(), shared);
            return true;
        }
        let (list, _) = layout::timeline(layout::body(shared.size));
        let Some(line) = mouse.line_in(list) else { return false };
        let Some(top) = self.top.get() else { return false };
        match rows(shared, self.folded).get(top + line) {
            Some(Row::Event(e)) => {
                self.event = *e;
                true
            }
            _ => false,
        }
    }

    fn handle(&mut self, action: Action, shared: &mut Shared) -> bool {
        let n = Self::len(shared);
        if let Some(delta) = movement(action, Self::page(shared)) {
            if is_paging(action) {
                self.page_by_rows(delta, shared);
            } else {
                self.step_events(delta, shared);
            }
            return true;
        }
        if action == Action::Background {
            self.toggle_background(shared);
            return true;
        }
        if action == Action::Enter && n > 0 {
            shared.request(Request::Open(Box::new(Mentions::new(self.event))));
            return true;
        }
        false
    }

    fn hints(&self, _shared: &Shared) -> Vec<(Action, &'static str)> {
        let fold = if self.folded { "show background" } else { "fold background" };
        vec![(Action::Down, "event"), (Action::Enter, "sources"), (Action::Background, fold)]
    }

    fn location(&self, shared: &Shared) -> String {
        let Some(a) = &shared.analysis else { return "analysing…".into() };
        format!("event {}/{}", (self.event + 1).min(a.timeline.len()), a.timeline.len())
    }

    fn draw(&self, shared: &Shared, f: &mut Frame, area: Rect) {
        let Some(an) = &shared.analysis else {
            f.render_widget(block(shared, " Timeline ", true), area);
            progress(shared, f, area, "Building the timeline");
            return;
        };
        if an.timeline.is_empty() {
            f.render_widget(Paragraph::new("No dated events found.").block(block(shared, " Timeline ", true)), area);
            return;
        }
        let (list_area, detail_area) = layout::timeline(area);
        let rows = rows(shared, self.folded);
        let sel = rows.iter().position(|r| *r == Row::Event(self.event)).unwrap_or(0);
        let h = layout::text_height(list_area);
        let start = self.first_row(&rows, sel, h);
        self.top.set(Some(start));
        let width = (list_area.width as usize).saturating_sub(2);
        let t = &shared.theme;
        let mut lines = Vec::new();
        for (i, row) in rows.iter().enumerate().skip(start).take(h) {
            match row {
                Row::Day(_) => {
                    let Some(Row::Event(e)) = rows.get(i + 1) else { continue };
                    lines.push(Line::styled(wrap::truncate(&when_label(&an.timeline[*e].when), width), t.heading()));
                }
                Row::Event(ei) => lines.push(self.event_line(shared, &an.timeline[*ei], *ei, width)),
                Row::Folded(hidden) => {
                    let key = shared.keymap.keys_of(Action::Background);
                    let key = key.split(' ').next().unwrap_or("");
                    let note = format!("▸ {} (months, years) · {key} shows", count(*hidden, "background event"));
                    lines.push(Line::styled(wrap::truncate(&note, width), t.dim()));
                }
            }
        }
        let more_above = if start > 0 { " ↑ older " } else { "" };
        let b = block(shared, format!(" Timeline · {} ", count(an.timeline.len(), "event")), true)
            .title_bottom(Line::styled(more_above, t.dim()).right_aligned());
        f.render_widget(Paragraph::new(lines).block(b), list_area);
        if detail_area.height > 2 {
            self.detail(shared, f, detail_area);
        }
    }

    fn search(&mut self, query: &str, forward: bool, fresh: bool, shared: &mut Shared) -> Option<String> {
        let an = shared.analysis.as_ref()?;
        let arts = &an.articles;
        let texts: Vec<String> = an
            .timeline
            .iter()
            .map(|e| {
                let texts: Vec<&str> = e.mentions.iter().map(|m| m.span.slice(&arts[m.article].body)).collect();
                format!("{} {}", e.summary, texts.join(" "))
            })
            .collect();
        search_list(&texts, &mut self.event, query, forward, fresh)
    }

    fn show(&mut self, target: &Target, shared: &mut Shared) -> bool {
        let Target::Event(e) = *target else { return false };
        self.event = clamped(e, Self::len(shared));
        true
    }

    fn analysis_arrived(&mut self, shared: &Shared) {
        self.event = story_start(shared);
        self.keep_visible(shared);
        self.top.set(None);
    }

    fn save(&self, shared: &Shared) -> Option<serde_json::Value> {
        let an = shared.analysis.as_ref()?;
        serde_json::to_value(EventAnchor::of(an, self.event)?).ok()
    }

    fn restore(&mut self, place: &serde_json::Value, shared: &mut Shared) {
        let Ok(anchor) = serde_json::from_value::<EventAnchor>(place.clone()) else { return };
        if let Some(e) = shared.analysis.as_ref().and_then(|an| anchor.resolve(an)) {
            self.event = e;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        s.parse().unwrap()
    }

    #[test]
    fn an_event_whose_sources_differ_says_so() {
        let app = crate::ui::app::tests::toll_reports(&[12, 15]);
        let an = app.shared.analysis.as_ref().unwrap();
        let toll = an.timeline.iter().find(|e| e.mentions.len() == 2).expect("one event of both reports");
        assert_eq!(disagreements_on(&app.shared, toll), 1);
        let index = an.timeline.iter().position(|e| e.mentions.len() == 2).unwrap();
        let row = app.view_of::<Timeline>().unwrap().event_line(&app.shared, toll, index, 80);
        assert_eq!(row.spans[1].content, "≠ ", "the row says its sources differ");
        // Three values of one toll are one disagreement, as listed.
        let three = crate::ui::app::tests::toll_reports(&[12, 15, 17, 15]);
        let an = three.shared.analysis.as_ref().unwrap();
        let toll = an.timeline.iter().max_by_key(|e| e.mentions.len()).unwrap();
        assert_eq!(disagreements_on(&three.shared, toll), 1);
        let calm = crate::ui::app::tests::toll_reports(&[12, 12]);
        let event = &calm.shared.analysis.as_ref().unwrap().timeline[0];
        assert_eq!(disagreements_on(&calm.shared, event), 0);
    }

    #[test]
    fn a_period_from_a_day_has_its_own_heading() {
        // Saturday 2017-08-26: a forecast through Wednesday is a period
        // from that day; the wall that fell that day is on the day.
        let app = crate::ui::app::tests::app_of(&[
            "Storm update\n2017-08-26\n\nForecasters warned of up to 40 inches of rain in some areas through Wednesday. \
             A sea wall in the harbour collapsed on Saturday.",
        ]);
        let an = app.shared.analysis.as_ref().unwrap();
        let headings: Vec<String> = rows(&app.shared, false)
            .iter()
            .zip(rows(&app.shared, false).iter().skip(1))
            .filter_map(|pair| match pair {
                (Row::Day(_), Row::Event(e)) => Some(when_label(&an.timeline[*e].when)),
                _ => None,
            })
            .collect();
        assert_eq!(headings, ["26–30 Aug 2017", "Sat 26 Aug 2017"]);
    }

    #[test]
    fn background_folds_into_one_row_and_steps_skip_it() {
        let mut app = crate::ui::snapshots::app(80, 24);
        crate::ui::snapshots::keys(&mut app, "3g");
        let timeline = app.view_of::<Timeline>().unwrap();
        assert_eq!(timeline.event, 0);
        let all = rows(&app.shared, false);
        let background = all.iter().filter(|row| matches!(row, Row::Event(e) if is_background(&app.shared.analysis.as_ref().unwrap().timeline[*e]))).count();
        assert!(background > 0);
        crate::ui::snapshots::keys(&mut app, "o");
        let folded = rows(&app.shared, true);
        assert!(matches!(folded[0], Row::Folded(n) if n > 0), "{folded:?}");
        let an = app.shared.analysis.as_ref().unwrap();
        let selected = app.view_of::<Timeline>().unwrap().event;
        assert!(!is_background(&an.timeline[selected]));
        crate::ui::snapshots::keys(&mut app, "jjjjjjjj");
        let selected = app.view_of::<Timeline>().unwrap().event;
        assert!(!is_background(&app.shared.analysis.as_ref().unwrap().timeline[selected]));
        crate::ui::snapshots::keys(&mut app, "o");
        assert_eq!(rows(&app.shared, false).len(), all.len());
    }

    #[test]
    fn labels_keep_precision() {
        assert_eq!(when_label(&When::day(d("2025-11-19"), false)), "Wed 19 Nov 2025");
        assert_eq!(when_label(&When::month(2025, 8, false).unwrap()), "Aug 2025 (month)");
        assert_eq!(when_label(&When::month(2025, 10, true).unwrap()), "~Oct 2025 (month)");
        assert_eq!(when_label(&When::year(2022, false).unwrap()), "2022 (year)");
        assert_eq!(when_label(&When::range(d("2025-11-17"), d("2025-11-20"), false)), "17–20 Nov 2025");
        assert_eq!(
            when_label(&When::range(d("2025-10-30"), d("2025-11-02"), false)),
            "Thu 30 Oct 2025 – Sun 2 Nov 2025"
        );
    }
}
