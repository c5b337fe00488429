//! The Quotes view: each quotation two sources or more give, who said it,
//! which outlets carry it and how their wording differs. The list shows one
//! quote a line; below, the selected quote as each source gives it, the
//! words that differ from the first source's marked. `Enter` reads the
//! first two sources side by side.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span as TSpan};
use ratatui::widgets::{Paragraph, Wrap};

use parallax::align::diff::{Change, diff};
use parallax::analysis::Analysis;
use parallax::story::{Fidelity, QuoteGroup};
use parallax::text::Span;

use super::super::anchor::QuoteAnchor;
use super::super::draw::{block, progress, styled_row, window};
use super::super::keymap::Action;
use super::super::layout;
use super::super::shared::{Mouse, Request, Shared, Target};
use super::{View, clamped, list_key, list_mouse, search_list};

#[derive(Default)]
pub struct Quotes {
    pub cursor: usize,
}

impl Quotes {
    fn len(shared: &Shared) -> usize {
        shared.analysis.as_ref().map_or(0, |a| a.story.quote_groups.len())
    }

    fn page(shared: &Shared) -> usize {
        (layout::body(shared.size).height as usize).saturating_sub(4).max(1)
    }

    /// Reads the selected quote's first two sources side by side.
    fn open(&self, shared: &mut Shared) -> bool {
        let Some(an) = &shared.analysis else { return false };
        let Some(group) = an.story.quote_groups.get(self.cursor) else { return false };
        let [first, second, ..] = group.members[..] else { return false };
        let (first, second) = (&an.story.quotes[first], &an.story.quotes[second]);
        let target = Target::Both { left: (first.article, first.span), right: (second.article, second.span) };
        shared.request(Request::Show(target));
        true
    }

    /// One line of the list: how faithfully the sources agree, the speaker,
    /// the outlets, the first words.
    fn row(shared: &Shared, an: &Analysis, group: &QuoteGroup, width: usize) -> (String, String) {
        let speaker = group.speaker.as_deref().unwrap_or("speaker not named");
        let outlets: Vec<String> = group.members.iter().map(|&m| shared.label(an.story.quotes[m].article)).collect();
        let first = &an.story.quotes[group.members[0]];
        let words = first.span.slice(&an.articles[first.article].body);
        let text = format!("{speaker} · {} · “{words}”", outlets.join(", "));
        (format!("{:<10}", group.fidelity.as_str()), super::super::wrap::truncate(&text, width.saturating_sub(10)))
    }

    /// The selected quote as each source gives it, with its speaker there;
    /// words that differ from the first source's are marked.
    fn detail(&self, shared: &Shared, f: &mut Frame, r: Rect) {
        let Some(an) = &shared.analysis else { return };
        let groups = &an.story.quote_groups;
        let group = &groups[self.cursor.min(groups.len() - 1)];
        let t = &shared.theme;
        let reference = &an.story.quotes[group.members[0]];
        let mut lines = Vec::new();
        for &member in &group.members {
            let quote = &an.story.quotes[member];
            let body = &an.articles[quote.article].body;
            let said = quote.speaker.as_deref().map(|s| format!(" · said by {s}")).unwrap_or_default();
            lines.push(Line::styled(format!("{}{said}", shared.heading(quote.article)), t.title()));
            let marks = changed_words(an, reference, quote, t.inserted());
            let row = super::super::wrap::Row { start: quote.span.start, end: quote.span.end };
            lines.push(styled_row(body, row, &marks, t.text()));
        }
        let note = match group.fidelity {
            Fidelity::Exact => " the same words in every source · Enter: side by side ",
            Fidelity::Partial => " some give only part of it · Enter: side by side ",
            Fidelity::Altered => " wording differs inside the marks (marked) · Enter: side by side ",
        };
        let note = super::super::wrap::truncate(note, (r.width as usize).saturating_sub(2));
        f.render_widget(Paragraph::new(lines).wrap(Wrap { trim: true }).block(block(shared, note, false)), r);
    }
}

/// The words of `quote` that differ from `reference` (none for the
/// reference itself), with `style`.
fn changed_words(
    an: &Analysis,
    reference: &parallax::story::Quote,
    quote: &parallax::story::Quote,
    style: Style,
) -> Vec<(Span, Style)> {
    if std::ptr::eq(reference, quote) {
        return Vec::new();
    }
    let word_diff =
        diff(&an.articles[reference.article].body, reference.span, &an.articles[quote.article].body, quote.span);
    // Words the reference lacks; words it has that this source leaves out
    // are a shortened quote, shown by the fidelity, not marked.
    word_diff.chunks.iter().filter(|chunk| chunk.change == Change::Insert).map(|chunk| (chunk.b, style)).collect()
}

impl View for Quotes {
    /// The wheel steps; a click selects the quote clicked.
    fn mouse(&mut self, mouse: Mouse, shared: &mut Shared) -> bool {
        let (list, _) = layout::quotes(layout::body(shared.size));
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
        let Some(an) = &shared.analysis else { return "analysing…".into() };
        let n = an.story.quote_groups.len();
        format!("quote {}/{n}", (self.cursor + 1).min(n))
    }

    fn draw(&self, shared: &Shared, f: &mut Frame, area: Rect) {
        let Some(an) = &shared.analysis else {
            f.render_widget(block(shared, " Quotes ", true), area);
            progress(shared, f, area, "Finding quotes");
            return;
        };
        let groups = &an.story.quote_groups;
        if groups.is_empty() {
            let message = "No quotation is given by two sources or more.";
            f.render_widget(Paragraph::new(message).block(block(shared, " Quotes ", true)), area);
            return;
        }
        let t = &shared.theme;
        let (list_area, detail_area) = layout::quotes(area);
        let width = (list_area.width as usize).saturating_sub(2);
        let mut lines = Vec::new();
        for index in window(self.cursor, groups.len(), layout::text_height(list_area)) {
            let group = &groups[index];
            let (fidelity, text) = Self::row(shared, an, group, width);
            let style = if group.fidelity == Fidelity::Altered { t.significant() } else { t.dim() };
            let mut line = Line::from(vec![TSpan::styled(fidelity, style), TSpan::raw(text)]);
            if index == self.cursor {
                line = line.style(t.selected());
            }
            lines.push(line);
        }
        let altered = groups.iter().filter(|g| g.fidelity == Fidelity::Altered).count();
        let title = format!(" Quotes · {} carried by several sources, {altered} reworded ", groups.len());
        let title = super::super::wrap::truncate(&title, width);
        f.render_widget(Paragraph::new(lines).block(block(shared, title, true)), list_area);
        if detail_area.height > 2 {
            self.detail(shared, f, detail_area);
        }
    }

    fn search(&mut self, query: &str, forward: bool, fresh: bool, shared: &mut Shared) -> Option<String> {
        let an = shared.analysis.as_ref()?;
        let texts: Vec<String> = an
            .story
            .quote_groups
            .iter()
            .map(|group| {
                let mut text = group.speaker.clone().unwrap_or_default();
                for &member in &group.members {
                    let quote = &an.story.quotes[member];
                    text.push(' ');
                    text.push_str(quote.span.slice(&an.articles[quote.article].body));
                }
                text
            })
            .collect();
        search_list(&texts, &mut self.cursor, query, forward, fresh)
    }

    fn analysis_arrived(&mut self, shared: &Shared) {
        self.cursor = clamped(self.cursor, Self::len(shared));
    }

    fn save(&self, shared: &Shared) -> Option<serde_json::Value> {
        let an = shared.analysis.as_ref()?;
        serde_json::to_value(QuoteAnchor::of(an, self.cursor)?).ok()
    }

    fn restore(&mut self, place: &serde_json::Value, shared: &mut Shared) {
        let Ok(anchor) = serde_json::from_value::<QuoteAnchor>(place.clone()) else { return };
        if let Some(index) = shared.analysis.as_ref().and_then(|an| anchor.resolve(an)) {
            self.cursor = index;
        }
    }
}
