//! The Discrepancies view: where sources carrying one statement differ,
//! most significant first; `Enter` shows the pair side by side.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span as TSpan};
use ratatui::widgets::{Paragraph, Wrap};

use parallax::story::Discrepancy;
use parallax::story::discrepancy::{Kind, values_among};
use parallax::text::Span;

use super::super::anchor::DiscrepancyAnchor;
use super::super::draw::{block, progress, styled_row, window};
use super::super::keymap::Action;
use super::super::layout;
use super::super::shared::{Mouse, Request, Shared, Target};
use super::compare::pair_position;
use super::timeline::{count, when_label};
use super::{View, clamped, list_key, list_mouse, search_list};

#[derive(Default)]
pub struct Discrepancies {
    pub cursor: usize,
}

impl Discrepancies {
    fn len(shared: &Shared) -> usize {
        shared.analysis.as_ref().map_or(0, |a| rows(&a.story.discrepancies, &a.articles).len())
    }

    /// The discrepancy the cursor's row stands for (its first pair).
    fn selected(&self, an: &parallax::Analysis) -> Option<usize> {
        let rows = rows(&an.story.discrepancies, &an.articles);
        rows.get(self.cursor.min(rows.len().saturating_sub(1))).map(|row| row[0])
    }

    fn page(shared: &Shared) -> usize {
        (layout::body(shared.size).height as usize).saturating_sub(4).max(1)
    }

    /// Shows the selected discrepancy's pair in Compare.
    fn open(&self, shared: &mut Shared) -> bool {
        let Some(a) = &shared.analysis else { return false };
        let Some(d) = self.selected(a).map(|index| &a.story.discrepancies[index]) else { return false };
        let c = &a.story.clusters[d.cluster];
        let ia = c.members.iter().position(|m| *m == d.member_a).unwrap_or(0);
        let ib = c.members.iter().position(|m| *m == d.member_b).unwrap_or(1);
        let pair = pair_position(&a.articles, c, ia, ib).unwrap_or(0);
        shared.request(Request::Show(Target::Statement { cluster: d.cluster, pair }));
        true
    }

    fn detail(&self, shared: &Shared, f: &mut Frame, r: Rect) {
        let Some(an) = &shared.analysis else { return };
        let st = &an.story;
        let t = &shared.theme;
        // The two members, the differing words marked.
        let Some(d) = self.selected(an).map(|index| &st.discrepancies[index]) else { return };
        let mut detail = Vec::new();
        for (side, member, style) in [(d.a, &d.member_a, t.deleted()), (d.b, &d.member_b, t.inserted())] {
            let body = &an.articles[member.article].body;
            detail.push(Line::styled(shared.heading(member.article), t.title()));
            let row = super::super::wrap::Row { start: member.span.start, end: member.span.end };
            detail.push(styled_row(body, row, &[(Span::new(side.1.start, side.1.end), style)], t.text()));
        }
        if let Some(values) = values_line(an, d) {
            detail.push(Line::styled(values, t.text()));
        }
        let verdict = if d.kind.significance() == 0 {
            "the same name spelled differently: not a disagreement"
        } else if d.small {
            "within what the words' hedge allows: a small difference"
        } else {
            ""
        };
        // The verdict before the key's hint, when both do not fit.
        let room = (r.width as usize).saturating_sub(2);
        let hint = "Enter: side by side";
        let notes = if verdict.is_empty() {
            vec![format!(" {hint} ")]
        } else {
            vec![format!(" {verdict} · {hint} "), format!(" {verdict} ")]
        };
        let fits = |note: &&String| super::super::wrap::width(note) <= room;
        let last = notes.last().cloned().unwrap_or_default();
        let note = notes.iter().find(fits).cloned().unwrap_or_else(|| super::super::wrap::truncate(&last, room));
        f.render_widget(Paragraph::new(detail).wrap(Wrap { trim: true }).block(block(shared, note, false)), r);
    }
}

/// For a statement whose sources give three values or more: all of them,
/// most given first, with how many sources give each ("Values given: “20”
/// 10 sources · “21” 10 · …"); the rows pair them only two at a time.
fn values_line(an: &parallax::Analysis, d: &Discrepancy) -> Option<String> {
    let values = parallax::story::discrepancy::values_given(&an.story.discrepancies, &an.articles, d);
    if values.len() < 3 {
        return None;
    }
    let listed: Vec<String> = values
        .iter()
        .enumerate()
        .map(|(k, value)| {
            let unit = if k > 0 {
                ""
            } else if value.sources == 1 {
                " source"
            } else {
                " sources"
            };
            format!("“{}” {}{unit}", value.words, value.sources)
        })
        .collect();
    Some(format!("{} values given: {}", values.len(), listed.join(" · ")))
}

/// One row of the list: its kind, then the two sides with the sources
/// giving each and how far apart they are, or for a row of many values,
/// every value with how many sources give it.
fn row_line(shared: &Shared, an: &parallax::Analysis, row: &[usize], width: usize) -> Line<'static> {
    let t = &shared.theme;
    let d = &an.story.discrepancies[row[0]];
    let (kind, style) = if d.kind.significance() == 0 {
        ("spelling only", t.dim())
    } else if row.iter().all(|&index| an.story.discrepancies[index].small) {
        (d.kind.as_str(), t.dim())
    } else {
        (d.kind.as_str(), t.significant())
    };
    let room = width.saturating_sub(14);
    let text = if row.len() > 1 {
        let values = values_among(row.iter().map(|&index| &an.story.discrepancies[index]), &an.articles);
        let listed: Vec<String> = values.iter().map(|value| format!("“{}” {}", value.words, value.sources)).collect();
        let text = format!("{} values given (sources each): {}", values.len(), listed.join(" · "));
        super::super::wrap::truncate(&text, room)
    } else {
        pair_text(shared, an, d, room)
    };
    Line::from(vec![TSpan::styled(format!("{kind:<14}"), style), TSpan::raw(text)])
}

/// The two sides of one discrepancy in `room` columns: the sources giving
/// each, their words, and the verdict ("3 minutes apart, small"). The
/// sources' names give way first, then the verdict: the words compared
/// stay whole while they can.
fn pair_text(shared: &Shared, an: &parallax::Analysis, d: &Discrepancy, room: usize) -> String {
    use super::super::wrap::{truncate, width};
    let (x, y) = (d.a.1.slice(&an.articles[d.a.0].body), d.b.1.slice(&an.articles[d.b.0].body));
    // A date disagreement shows what each side's words resolve to.
    let mut resolved = d.dates.map(|(p, q)| format!(" ({} vs {})", when_label(&p), when_label(&q))).unwrap_or_default();
    // Numbers and times say how far apart they are.
    if let Some(difference) = &d.difference {
        let small = if d.small { ", small" } else { "" };
        resolved = format!(" ({difference} apart{small})");
    }
    let who = |article: usize, sources: usize| format!("{}{}", shared.label(article), Discrepancy::and_more(sources));
    let (first, second) = (who(d.a.0, d.sources.0), who(d.b.0, d.sources.1));
    let verdict = if width(&resolved) * 2 <= room { resolved } else { String::new() };
    // The names in what the words and the verdict leave: half each, a
    // name shorter than its half leaving the rest to the other.
    let shortened = |verdict: &str| {
        let left = room.saturating_sub(width(&format!(" “{x}” vs  “{y}”{verdict}")));
        let first_room = (left / 2).max(left.saturating_sub(width(&second)));
        let first = truncate(&first, first_room);
        let second = truncate(&second, left.saturating_sub(width(&first)));
        (left >= 2 * NAME_MIN).then(|| format!("{first} “{x}” vs {second} “{y}”{verdict}"))
    };
    // The first that fits: the names shortened with the verdict, without
    // it, then the words alone (the detail below names the sources).
    let candidates = [shortened(&verdict), shortened(""), Some(format!("“{x}” vs “{y}”{verdict}"))];
    let fits = candidates.iter().flatten().find(|text| width(text) <= room);
    truncate(fits.unwrap_or(&format!("“{x}” vs “{y}”")), room)
}

/// Columns a source's name keeps at least, cut, beside the words compared.
const NAME_MIN: usize = 6;

/// The list's title: its rows (a number given many ways is one row where
/// the export lists each pair), a disagreement being any row but a
/// spelling variant, small or not, as the export's `significant` says; a
/// small one counted apart too: it is shown, but it is not what the reader
/// should look at first.
fn title(list: &[Discrepancy], rows: &[Vec<usize>]) -> String {
    let variants = rows.iter().filter(|row| list[row[0]].kind.significance() == 0).count();
    let small = rows
        .iter()
        .filter(|row| list[row[0]].kind.significance() > 0 && row.iter().all(|&index| list[index].small))
        .count();
    let disagreements = count(rows.len() - variants, "disagreement");
    let small = if small > 0 { format!(" ({small} small)") } else { String::new() };
    format!(" Discrepancies · {disagreements}{small}, {} ", count(variants, "spelling variant"))
}

/// The list's rows, as indices into `list`, in its order (most significant
/// first): one per discrepancy, except that a number, time or date one
/// statement's sources give three ways or more is one row for all its
/// pairs (a toll given twenty ways is one row, not nineteen).
pub(super) fn rows(list: &[Discrepancy], articles: &[parallax::ingest::Article]) -> Vec<Vec<usize>> {
    let mut rows = Vec::new();
    for group in parallax::story::discrepancy::groups(list) {
        let of_values = matches!(list[group[0]].kind, Kind::Number | Kind::Time | Kind::Date);
        if of_values && group.len() > 1 && values_among(group.iter().map(|&i| &list[i]), articles).len() >= 3 {
            rows.push(group);
        } else {
            rows.extend(group.into_iter().map(|index| vec![index]));
        }
    }
    rows.sort_by_key(|row| row[0]);
    rows
}

impl View for Discrepancies {
    /// The wheel steps; a click selects the discrepancy clicked.
    fn mouse(&mut self, mouse: Mouse, shared: &mut Shared) -> bool {
        let (list, _) = layout::discrepancies(layout::body(shared.size));
        list_mouse(&mut self.cursor, Self::len(shared), mouse, list)
    }

    fn handle(&mut self, action: Action, shared: &mut Shared) -> bool {
        if list_key(&mut self.cursor, Self::len(shared), action, Self::page(shared)) {
            return true;
        }
        action == Action::Enter && self.open(shared)
    }

    fn hints(&self, _shared: &Shared) -> Vec<(Action, &'static str)> {
        vec![(Action::Down, "next"), (Action::Enter, "side by side")]
    }

    fn location(&self, shared: &Shared) -> String {
        let Some(a) = &shared.analysis else { return "analysing…".into() };
        let n = rows(&a.story.discrepancies, &a.articles).len();
        format!("discrepancy {}/{n}", (self.cursor + 1).min(n))
    }

    fn draw(&self, shared: &Shared, f: &mut Frame, area: Rect) {
        let Some(an) = &shared.analysis else {
            f.render_widget(block(shared, " Discrepancies ", true), area);
            progress(shared, f, area, "Comparing sources");
            return;
        };
        let st = &an.story;
        let t = &shared.theme;
        if st.discrepancies.is_empty() {
            let msg = "No differences found between sources that carry the same statement.";
            f.render_widget(Paragraph::new(msg).block(block(shared, " Discrepancies ", true)), area);
            return;
        }
        let (list_area, detail_area) = layout::discrepancies(area);
        let w = (list_area.width as usize).saturating_sub(2);
        let h = layout::text_height(list_area);
        let rows = rows(&st.discrepancies, &an.articles);
        let mut lines = Vec::new();
        for i in window(self.cursor, rows.len(), h) {
            let mut line = row_line(shared, an, &rows[i], w);
            if i == self.cursor {
                line = line.style(t.selected());
            }
            lines.push(line);
        }
        let title = super::super::wrap::truncate(&title(&st.discrepancies, &rows), w);
        f.render_widget(Paragraph::new(lines).block(block(shared, title, true)), list_area);
        if detail_area.height > 2 {
            self.detail(shared, f, detail_area);
        }
    }

    fn search(&mut self, query: &str, forward: bool, fresh: bool, shared: &mut Shared) -> Option<String> {
        let an = shared.analysis.as_ref()?;
        let arts = &an.articles;
        let list = &an.story.discrepancies;
        let words = |d: &Discrepancy| format!("{} {}", d.a.1.slice(&arts[d.a.0].body), d.b.1.slice(&arts[d.b.0].body));
        let texts: Vec<String> = rows(list, arts)
            .iter()
            .map(|row| row.iter().map(|&index| words(&list[index])).collect::<Vec<_>>().join(" "))
            .collect();
        search_list(&texts, &mut self.cursor, query, forward, fresh)
    }

    fn analysis_arrived(&mut self, shared: &Shared) {
        self.cursor = clamped(self.cursor, Self::len(shared));
    }

    fn save(&self, shared: &Shared) -> Option<serde_json::Value> {
        let an = shared.analysis.as_ref()?;
        serde_json::to_value(DiscrepancyAnchor::of(an, self.selected(an)?)?).ok()
    }

    fn restore(&mut self, place: &serde_json::Value, shared: &mut Shared) {
        let Ok(anchor) = serde_json::from_value::<DiscrepancyAnchor>(place.clone()) else { return };
        let Some(an) = shared.analysis.as_ref() else { return };
        if let Some(index) = anchor.resolve(an) {
            let rows = rows(&an.story.discrepancies, &an.articles);
            self.cursor = rows.iter().position(|row| row.contains(&index)).unwrap_or(0);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::app::tests::toll_reports;

    #[test]
    fn a_statement_given_three_values_lists_them_all_once() {
        let app = toll_reports(&[12, 15, 17, 15]);
        let an = app.shared.analysis.as_ref().unwrap();
        assert!(an.story.discrepancies.len() >= 2, "{:?}", an.story.discrepancies);
        let line = values_line(an, &an.story.discrepancies[0]).expect("three values");
        assert!(line.starts_with("3 values given: “15” 2 sources · "), "{line}");
        assert!(line.contains("“12” 1") && line.contains("“17” 1"), "{line}");
        // One row for them all, counted as one disagreement.
        let list = &an.story.discrepancies;
        let listed = rows(list, &an.articles);
        assert_eq!(listed.iter().filter(|row| list[row[0]].kind == Kind::Number).count(), 1, "{listed:?}");
        assert!(title(list, &listed).contains("· 1 disagreement,"), "{}", title(list, &listed));
        let line = row_line(&app.shared, an, &listed[0], 200);
        let text: String = line.spans.iter().map(|span| span.content.as_ref()).collect();
        assert!(text.contains("3 values given (sources each): “15” 2 · "), "{text}");
        // Two values: the row itself says it all.
        let two = toll_reports(&[12, 15]);
        let an = two.shared.analysis.as_ref().unwrap();
        assert_eq!(values_line(an, &an.story.discrepancies[0]), None);
        assert_eq!(rows(&an.story.discrepancies, &an.articles).len(), an.story.discrepancies.len());
    }
}
