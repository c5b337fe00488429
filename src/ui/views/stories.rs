//! The Stories list: what a set of several stories opens on. One story a
//! line (its title, how many articles and outlets, the days it spans, the
//! statement most of its sources carry), or two where a line is too narrow
//! for them (the title, then the rest); below, the selected story in full
//! with its outlets. `Enter` opens it, and every view then works within
//! that story; `S` (or `q` and `Esc` at a story's top) comes back here.
//! Not a tab of [`super::VIEWS`]: the app shows it in place of the views
//! while a pile has no story open.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span as TSpan};
use ratatui::widgets::{Paragraph, Wrap};

use parallax::analysis::Analysis;
use parallax::story::Overview;

use super::super::draw::{block, window};
use super::super::keymap::Action;
use super::super::layout;
use super::super::shared::{Mouse, Request, Shared};
use super::super::wrap::{display, truncate, width as width_of};
use super::timeline::count;
use super::{View, clamped, list_key, list_mouse_rows, search_list};

#[derive(Default)]
pub struct Stories {
    pub cursor: usize,
}

/// The place remembered: the story holding this article.
#[derive(serde::Serialize, serde::Deserialize)]
struct StoryPlace {
    article: String,
}

impl Stories {
    fn whole(shared: &Shared) -> Option<&Analysis> {
        shared.pile.as_ref().map(|pile| &pile.whole)
    }

    fn len(shared: &Shared) -> usize {
        Self::whole(shared).map_or(0, |whole| whole.overviews.len())
    }

    fn page(shared: &Shared) -> usize {
        (layout::body(shared.size).height as usize).saturating_sub(4).max(1)
    }

    /// The story in the whole analysis that holds the article with `id`.
    pub fn story_of(whole: &Analysis, id: &str) -> Option<usize> {
        let article = whole.articles.iter().position(|a| a.id == id)?;
        whole.stories.story.get(article).copied()
    }

    /// The id of the first article of story `index`.
    pub fn first_article(whole: &Analysis, index: usize) -> Option<String> {
        let first = *whole.stories.members.get(index)?.first()?;
        Some(whole.articles[first].id.clone())
    }

    /// What the list says of one story after its title: counts, days and
    /// the statement most of its sources carry.
    fn facts(whole: &Analysis, overview: &Overview) -> String {
        let lead = lead(whole, overview).map(|summary| format!(" · “{summary}”")).unwrap_or_default();
        format!(
            "{}, {} · {}{lead}",
            count(overview.articles.len(), "article"),
            overview.sources_in_words(),
            dates(overview)
        )
    }

    /// Lines each story takes in a list area: one when every story's
    /// title and facts fit on one line, else two (the title, then its
    /// facts), so a narrow terminal still shows each story's statement
    /// rather than cutting it off after a long title; one again when two
    /// would leave room for fewer than three stories.
    fn lines_per_story(whole: &Analysis, list: Rect) -> usize {
        let width = (list.width as usize).saturating_sub(2);
        let fits =
            |overview: &Overview| width_of(&format!("{} · {}", title(overview), Self::facts(whole, overview))) <= width;
        let room = layout::text_height(list) / 2 >= whole.overviews.len().min(3);
        if room && !whole.overviews.iter().all(fits) { 2 } else { 1 }
    }

    /// The list's lines for one story.
    fn rows(whole: &Analysis, overview: &Overview, width: usize, lines: usize) -> Vec<String> {
        let facts = Self::facts(whole, overview);
        if lines == 1 {
            return vec![truncate(&format!("{} · {facts}", title(overview)), width)];
        }
        vec![truncate(&title(overview), width), truncate(&format!("  {facts}"), width)]
    }

    /// The selected story in full: counts and days, its outlets, and the
    /// statement most of its sources carry.
    fn detail(&self, shared: &Shared, whole: &Analysis, f: &mut Frame, r: Rect) {
        let t = &shared.theme;
        let overview = &whole.overviews[self.cursor.min(whole.overviews.len() - 1)];
        let summary = format!(
            "{} from {} · {}",
            count(overview.articles.len(), "article"),
            overview.sources_in_words(),
            dates(overview)
        );
        let mut lines = vec![
            Line::styled(display(&title(overview)).into_owned(), t.title()),
            Line::styled(summary, t.text()),
            Line::from(vec![
                TSpan::styled("Sources: ", t.dim()),
                TSpan::styled(shared.names_counted(&overview.articles), t.text()),
            ]),
        ];
        if let Some(cluster) = overview.lead.and_then(|c| whole.story.clusters.get(c)) {
            lines.push(Line::from(vec![
                TSpan::styled(format!("Most shared ({}): ", count(cluster.members.len(), "source")), t.dim()),
                TSpan::styled(format!("“{}”", display(&cluster.summary)), t.text()),
            ]));
        }
        let note = format!(" Enter opens it · 1-{} open it in a view ", super::VIEWS.len());
        let note = truncate(&note, (r.width as usize).saturating_sub(2));
        f.render_widget(Paragraph::new(lines).wrap(Wrap { trim: true }).block(block(shared, note, false)), r);
    }
}

/// A story's title as shown: where no article has a title it is a file's
/// id, which was not cleaned at ingest (its controls shown as escapes).
fn title(overview: &Overview) -> String {
    parallax::text::sanitize::visible(&overview.title).into_owned()
}

/// The statement most of a story's sources carry, in brief.
fn lead<'a>(whole: &'a Analysis, overview: &Overview) -> Option<&'a str> {
    overview.lead.and_then(|c| whole.story.clusters.get(c)).map(|cluster| cluster.summary.as_str())
}

/// The days a story spans, as briefly as they allow: "8 May 2025",
/// "5–6 Mar 2025", "28 Feb – 3 Mar 2025", "30 Dec 2025 – 2 Jan 2026", or
/// "undated".
fn dates(overview: &Overview) -> String {
    let (Some(first), Some(last)) = (overview.first, overview.last) else { return "undated".to_string() };
    let day = |date: jiff::civil::Date, format: &str| date.strftime(format).to_string();
    if first == last {
        day(first, "%-d %b %Y")
    } else if (first.year(), first.month()) == (last.year(), last.month()) {
        format!("{}–{}", first.day(), day(last, "%-d %b %Y"))
    } else if first.year() == last.year() {
        format!("{} – {}", day(first, "%-d %b"), day(last, "%-d %b %Y"))
    } else {
        format!("{} – {}", day(first, "%-d %b %Y"), day(last, "%-d %b %Y"))
    }
}

impl View for Stories {
    fn mouse(&mut self, mouse: Mouse, shared: &mut Shared) -> bool {
        let (list, _) = layout::quotes(layout::body(shared.size));
        let per_story = Self::whole(shared).map_or(1, |whole| Self::lines_per_story(whole, list));
        list_mouse_rows(&mut self.cursor, Self::len(shared), mouse, list, per_story)
    }

    fn handle(&mut self, action: Action, shared: &mut Shared) -> bool {
        if list_key(&mut self.cursor, Self::len(shared), action, Self::page(shared)) {
            return true;
        }
        if action == Action::Enter && self.cursor < Self::len(shared) {
            shared.request(Request::OpenStory(self.cursor));
            return true;
        }
        false
    }

    fn hints(&self, _shared: &Shared) -> Vec<(Action, &'static str)> {
        vec![(Action::Down, "next"), (Action::Enter, "open")]
    }

    fn location(&self, shared: &Shared) -> String {
        let n = Self::len(shared);
        format!("Stories · story {}/{n}", (self.cursor + 1).min(n))
    }

    fn draw(&self, shared: &Shared, f: &mut Frame, area: Rect) {
        let Some(whole) = Self::whole(shared).filter(|whole| !whole.overviews.is_empty()) else {
            f.render_widget(Paragraph::new("No stories.").block(block(shared, " Stories ", true)), area);
            return;
        };
        let t = &shared.theme;
        let (list_area, detail_area) = layout::quotes(area);
        let width = (list_area.width as usize).saturating_sub(2);
        let overviews = &whole.overviews;
        let per_story = Self::lines_per_story(whole, list_area);
        let mut lines = Vec::new();
        for index in window(self.cursor, overviews.len(), (layout::text_height(list_area) / per_story).max(1)) {
            for (row, text) in Self::rows(whole, &overviews[index], width, per_story).into_iter().enumerate() {
                let style = if row == 0 { t.text() } else { t.dim() };
                let mut line = Line::styled(text, style);
                if index == self.cursor {
                    line = line.style(t.selected());
                }
                lines.push(line);
            }
        }
        let title = format!(" Stories · {} in {} ", overviews.len(), count(whole.articles.len(), "article"));
        f.render_widget(Paragraph::new(lines).block(block(shared, truncate(&title, width), true)), list_area);
        if detail_area.height > 2 {
            self.detail(shared, whole, f, detail_area);
        }
    }

    fn search(&mut self, query: &str, forward: bool, fresh: bool, shared: &mut Shared) -> Option<String> {
        let whole = Self::whole(shared)?;
        let texts: Vec<String> = whole
            .overviews
            .iter()
            .map(|overview| format!("{} {}", title(overview), lead(whole, overview).unwrap_or_default()))
            .collect();
        search_list(&texts, &mut self.cursor, query, forward, fresh)
    }

    fn analysis_arrived(&mut self, shared: &Shared) {
        self.cursor = clamped(self.cursor, Self::len(shared));
    }

    fn save(&self, shared: &Shared) -> Option<serde_json::Value> {
        let article = Self::first_article(Self::whole(shared)?, self.cursor)?;
        serde_json::to_value(StoryPlace { article }).ok()
    }

    fn restore(&mut self, place: &serde_json::Value, shared: &mut Shared) {
        let Ok(place) = serde_json::from_value::<StoryPlace>(place.clone()) else { return };
        if let Some(index) = Self::whole(shared).and_then(|whole| Self::story_of(whole, &place.article)) {
            self.cursor = index;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_storys_days_are_written_as_briefly_as_they_allow() {
        let span = |first: &str, last: &str| {
            let overview = Overview {
                id: "s-1".into(),
                articles: Vec::new(),
                title: String::new(),
                outlets: 0,
                unnamed: 0,
                first: first.parse().ok(),
                last: last.parse().ok(),
                lead: None,
            };
            dates(&overview)
        };
        assert_eq!(span("2025-05-08", "2025-05-08"), "8 May 2025");
        assert_eq!(span("2025-03-05", "2025-03-06"), "5–6 Mar 2025");
        assert_eq!(span("2025-02-28", "2025-03-03"), "28 Feb – 3 Mar 2025");
        assert_eq!(span("2025-12-30", "2026-01-02"), "30 Dec 2025 – 2 Jan 2026");
        assert_eq!(span("", ""), "undated");
    }
}
