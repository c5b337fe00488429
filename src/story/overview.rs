//! One line for each story of a pile: what the export lists (and a list of
//! stories shows) before any story is opened: a title, how many articles
//! and outlets, the dates it spans, and the statement most sources carry.

use super::Cluster;
use crate::align::Stories;
use crate::ingest::Article;

/// A story of the pile, in brief.
#[derive(Clone, Debug, PartialEq)]
pub struct Overview {
    /// `s-N`, in the order of the stories (by their first article).
    pub id: String,
    /// Its articles, in article order.
    pub articles: Vec<usize>,
    /// The title its articles give most often (the first on a tie; the
    /// first article's id when none has a title).
    pub title: String,
    /// How many distinct outlets carry it, named as sources are named
    /// ([`crate::labels::outlet_of`]), and articles without one counted as
    /// one each (`unnamed`).
    pub outlets: usize,
    /// How many of its articles name no outlet (nor an agency they credit).
    pub unnamed: usize,
    /// The earliest and latest publication dates, where articles give one.
    pub first: Option<jiff::civil::Date>,
    pub last: Option<jiff::civil::Date>,
    /// The statement most of its sources carry: an index into the clusters.
    pub lead: Option<usize>,
}

/// An overview of every story of `stories`.
pub fn build(articles: &[Article], stories: &Stories, clusters: &[Cluster]) -> Vec<Overview> {
    // Clusters come most widely carried first: each story's first is its lead.
    let mut lead: Vec<Option<usize>> = vec![None; stories.len()];
    for (index, cluster) in clusters.iter().enumerate() {
        if let Some(member) = cluster.members.first() {
            lead[stories.story[member.article]].get_or_insert(index);
        }
    }
    stories
        .members
        .iter()
        .enumerate()
        .map(|(index, members)| {
            let (named, unnamed) = outlets(articles, members);
            Overview {
                id: format!("s-{}", index + 1),
                articles: members.clone(),
                title: title(articles, members),
                outlets: named + unnamed,
                unnamed,
                first: members.iter().filter_map(|&a| articles[a].published.map(|p| p.date)).min(),
                last: members.iter().filter_map(|&a| articles[a].published.map(|p| p.date)).max(),
                lead: lead[index],
            }
        })
        .collect()
}

fn title(articles: &[Article], members: &[usize]) -> String {
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for title in members.iter().filter_map(|&a| articles[a].title.as_deref()) {
        match counts.iter_mut().find(|(t, _)| *t == title) {
            Some((_, count)) => *count += 1,
            None => counts.push((title, 1)),
        }
        // A story of thousands names itself after its first few titles.
        if counts.len() > 64 {
            break;
        }
    }
    // The most common; the first seen on a tie (max_by_key keeps the last).
    let best = counts.iter().rev().max_by_key(|(_, count)| *count).map(|(t, _)| t.to_string());
    best.or_else(|| members.first().map(|&a| articles[a].id.clone())).unwrap_or_default()
}

/// How many distinct outlets `members` name, and how many name none.
fn outlets(articles: &[Article], members: &[usize]) -> (usize, usize) {
    let mut named: Vec<String> = members.iter().filter_map(|&a| crate::labels::outlet_of(&articles[a])).collect();
    let unnamed = members.len() - named.len();
    named.sort_unstable();
    named.dedup();
    (named.len(), unnamed)
}

impl Overview {
    /// Its sources in words: "3 outlets", "2 outlets and 1 unnamed
    /// source", "4 unnamed sources".
    pub fn sources_in_words(&self) -> String {
        let named = self.outlets - self.unnamed;
        let plural = |n: usize, what: &str| if n == 1 { format!("1 {what}") } else { format!("{n} {what}s") };
        match (named, self.unnamed) {
            (named, 0) => plural(named, "outlet"),
            (0, unnamed) => plural(unnamed, "unnamed source"),
            (named, unnamed) => format!("{} and {}", plural(named, "outlet"), plural(unnamed, "unnamed source")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_line_per_story_with_its_lead_statement() {
        let analysis = crate::analyse(crate::fixture::sample());
        let overviews = build(&analysis.articles, &analysis.stories, &analysis.story.clusters);
        assert_eq!(overviews.len(), 1);
        let only = &overviews[0];
        assert_eq!(only.id, "s-1");
        assert_eq!(only.articles, (0..analysis.articles.len()).collect::<Vec<_>>());
        assert_eq!(only.lead, Some(0));
        assert!(only.outlets >= 2 && only.outlets <= analysis.articles.len());
        assert!(only.first <= only.last && only.first.is_some());
        assert!(!only.title.is_empty());
    }

    #[test]
    fn outlets_are_counted_by_name_and_unnamed_sources_apart() {
        let articles = crate::fixture::articles(&[
            "Bridge reopens\nherald.example\n\nThe bridge reopened on Monday.",
            "Bridge reopens\nwww.herald.example\n\nThe bridge reopened on Monday.",
            "The bridge reopened on Monday.",
            "The bridge reopened on Monday, the mayor said.",
        ]);
        let (named, unnamed) = outlets(&articles, &[0, 1, 2, 3]);
        assert_eq!((named, unnamed), (1, 2));
        let overview = |outlets, unnamed| Overview {
            id: "s-1".into(),
            articles: vec![0, 1, 2, 3],
            title: String::new(),
            outlets,
            unnamed,
            first: None,
            last: None,
            lead: None,
        };
        assert_eq!(overview(3, 2).sources_in_words(), "1 outlet and 2 unnamed sources");
        assert_eq!(overview(2, 0).sources_in_words(), "2 outlets");
        assert_eq!(overview(1, 1).sources_in_words(), "1 unnamed source");
    }

    #[test]
    fn the_most_common_title_names_a_story() {
        let articles = crate::fixture::articles(&[
            "Bridge reopens\n2025-03-05\n\nThe bridge reopened.",
            "Repairs done\n2025-03-06\n\nThe bridge reopened.",
            "Repairs done\n2025-03-07\n\nThe bridge reopened.",
        ]);
        assert_eq!(title(&articles, &[0, 1, 2]), "Repairs done");
        assert_eq!(title(&articles, &[0, 1]), "Bridge reopens");
    }
}
