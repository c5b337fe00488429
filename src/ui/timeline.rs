//! The Timeline view: merged events in date order, a heading per date
//! (with its precision: a month shows as a month), each event with its
//! summary and the sources that report it. Events placed by an article's
//! date ("reported") are marked apart from events the text dates.

use jiff::civil::Date;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span as TSpan};
use ratatui::widgets::{Clear, Paragraph, Wrap};

use super::app::{App, TimelineRow, tag};
use super::draw::{block, progress};
use super::layout;
use super::wrap;
use crate::timeline::{Basis, Event, Precision, When};

const MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const WEEKDAYS: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

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

/// The tags of an event's sources, at most `max` columns: the first ones,
/// then how many more.
fn sources_of(e: &Event, max: usize) -> String {
    let mut tags: Vec<String> = e.mentions.iter().map(|m| tag(m.article)).collect();
    tags.dedup();
    let mut out = String::new();
    for (i, t) in tags.iter().enumerate() {
        let more = format!(" +{}", tags.len() - i);
        let sep = if out.is_empty() { "" } else { " " };
        let room = if i + 1 == tags.len() { max } else { max.saturating_sub(more.len()) };
        if out.len() + sep.len() + t.len() > room {
            let more = if out.is_empty() { more.trim_start() } else { &more };
            out.push_str(more);
            return out;
        }
        out.push_str(sep);
        out.push_str(t);
    }
    out
}

/// An event's summary for a row of `room` columns: on a wide screen more
/// of the sentence it is taken from than the stored summary holds.
pub fn summary_for(app: &App, e: &Event, room: usize) -> String {
    shortened(e.summary_source(app.articles()), room)
}

/// Words for a row of `room` columns, shortened as summaries are (lead-in
/// words dropped, cut at a word), but as long as the row allows.
pub fn shortened(source: &str, room: usize) -> String {
    crate::timeline::shorten(source, room.max(crate::timeline::SUMMARY_BYTES) * 4)
}

/// "1 event", "3 events".
pub fn count(n: usize, what: &str) -> String {
    if n == 1 { format!("1 {what}") } else { format!("{n} {what}s") }
}

pub fn draw(app: &App, f: &mut Frame, area: Rect) {
    let Some(an) = &app.analysis else {
        f.render_widget(block(app, " Timeline ", true), area);
        progress(app, f, area, "Building the timeline");
        return;
    };
    if an.timeline.is_empty() {
        f.render_widget(Paragraph::new("No dated events found.").block(block(app, " Timeline ", true)), area);
        return;
    }
    let (list_area, detail_area) = layout::timeline(area);
    let rows = app.timeline_rows();
    let sel = rows.iter().position(|r| *r == TimelineRow::Event(app.event)).unwrap_or(0);
    let h = layout::text_height(list_area);
    // The selected event's date heading starts the view, unless that would
    // push the selection out of it.
    let heading = rows[..sel].iter().rposition(|r| matches!(r, TimelineRow::Day(_))).unwrap_or(0);
    // The view moves only as far as it must to show the selection (with
    // its day heading when it comes into view from above), so stepping
    // scrolls smoothly; the first frame opens at the selection's day.
    let opening = if sel - heading < h { heading } else { sel + 1 - h };
    let start = match app.timeline_top.get() {
        None => opening,
        Some(top) if sel < top => opening.min(sel),
        Some(top) if sel >= top + h => sel + 1 - h,
        Some(top) => top,
    };
    // Near the end the list fills the view rather than leaving rows empty.
    let start = start.min(rows.len().saturating_sub(h));
    app.timeline_top.set(Some(start));
    let width = (list_area.width as usize).saturating_sub(2);
    let t = &app.theme;
    let mut lines = Vec::new();
    for (i, row) in rows.iter().enumerate().skip(start).take(h) {
        match row {
            TimelineRow::Day(_) => {
                let e = match rows.get(i + 1) {
                    Some(TimelineRow::Event(e)) => &an.timeline[*e],
                    _ => continue,
                };
                lines.push(Line::styled(wrap::truncate(&when_label(&e.when), width), t.heading()));
            }
            TimelineRow::Event(ei) => {
                let e = &an.timeline[*ei];
                let srcs = format!(" [{}]", sources_of(e, width / 3));
                let (mark, style, note) = match e.basis {
                    Basis::Dated => ("● ", t.text(), ""),
                    Basis::Reported => ("○ ", t.reported(), "reported: "),
                };
                let room = width.saturating_sub(2 + wrap::width(&srcs) + wrap::width(note));
                let summary = wrap::pad(&wrap::truncate(&summary_for(app, e, room), room), room);
                let mut spans = vec![TSpan::styled(mark, style), TSpan::styled(note, t.dim())];
                spans.extend(super::draw::highlighted(app, summary, style));
                spans.push(TSpan::styled(srcs, t.title()));
                let mut line = Line::from(spans);
                if *ei == app.event {
                    line = line.style(t.selected());
                }
                lines.push(line);
            }
        }
    }
    let more_above = if start > 0 { " ↑ older " } else { "" };
    let b = block(app, format!(" Timeline · {} ", count(an.timeline.len(), "event")), true)
        .title_bottom(Line::styled(more_above, t.dim()).right_aligned());
    f.render_widget(Paragraph::new(lines).block(b), list_area);
    detail(app, f, detail_area);
}

fn detail(app: &App, f: &mut Frame, r: Rect) {
    let Some(e) = app.selected_event() else { return };
    let t = &app.theme;
    let basis = match e.basis {
        Basis::Dated => "dated by the text".to_string(),
        Basis::Reported => "reported then: placed at its article's date, not dated by the text".to_string(),
    };
    let exprs: Vec<String> = e
        .mentions
        .iter()
        .map(|m| {
            format!(
                "{} {}",
                tag(m.article),
                m.expression.as_deref().map_or("(no date words)".to_string(), |x| format!("“{x}”"))
            )
        })
        .collect();
    let lines = vec![
        Line::from(vec![
            TSpan::styled(when_label(&e.when), t.heading()),
            TSpan::styled(format!(" · {basis}"), t.dim()),
        ]),
        // Two rows of summary at most, so the sources line stays in view.
        Line::raw({
            let room = (r.width as usize).saturating_sub(2) * 2 - 8;
            wrap::truncate(&summary_for(app, e, room), room)
        }),
        Line::styled(
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
        ),
    ];
    f.render_widget(Paragraph::new(lines).wrap(Wrap { trim: true }).block(block(app, format!(" {} ", e.id), false)), r);
}

/// Rows of one source's sentence shown in the overlay.
const MENTION_ROWS: usize = 5;

/// The overlay listing every source sentence of the selected event.
pub fn mentions(app: &App, f: &mut Frame, area: Rect, cursor: usize) {
    let Some(e) = app.selected_event() else { return };
    // As tall as its sentences need, at most the screen.
    let w = (area.width as usize).saturating_sub(8);
    let arts = app.articles();
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
    let r = layout::centered(area, area.width.saturating_sub(4), (needed as u16).min(area.height.saturating_sub(2)));
    f.render_widget(Clear, layout::around(area, r));
    let t = &app.theme;
    let mut lines = vec![Line::styled("Enter jumps to the sentence in the Read view · Esc closes", t.dim())];
    let mut cursor_end = 0;
    for (i, m) in e.mentions.iter().enumerate() {
        let a = &arts[m.article];
        let head = format!(
            "{} {}{}",
            tag(m.article),
            a.label(),
            m.expression.as_deref().map(|x| format!(" · “{x}”")).unwrap_or_default()
        );
        let style = if i == cursor { t.selected() } else { t.title() };
        lines.push(Line::styled(wrap::truncate(&head, w), style));
        // The whole sentence, the part that reports the event marked.
        let sentence = a.sentence_at(m.span.start).map_or(m.span, |i| a.sentences[i]);
        let rows = wrap::wrap(sentence.slice(&a.body), sentence.start, w.saturating_sub(2));
        let marks = [(m.span, t.title())];
        for (k, row) in rows.iter().take(MENTION_ROWS).enumerate() {
            let mut line = super::draw::styled_row(&a.body, *row, &marks, t.text());
            if k + 1 == MENTION_ROWS && rows.len() > MENTION_ROWS {
                line.spans.push(TSpan::raw(" …"));
            }
            line.spans.insert(0, TSpan::raw("  "));
            lines.push(line);
        }
        if i == cursor {
            cursor_end = lines.len();
        }
    }
    // Keep the selected source's sentence in view.
    let h = layout::text_height(r);
    let skip = cursor_end.saturating_sub(h);
    let lines: Vec<Line> = lines.into_iter().skip(skip).collect();
    let title = format!(
        " source {}/{} · {} · {} ",
        cursor + 1,
        e.mentions.len(),
        e.id,
        wrap::truncate(&when_label(&e.when), 40)
    );
    f.render_widget(Paragraph::new(lines).block(block(app, title, true)), r);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        s.parse().unwrap()
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
