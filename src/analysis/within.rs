//! One story of a pile as an analysis of its own: its articles, and what
//! the stages found about them, renumbered so that article `i` of the
//! story is article `i` here. Nothing is computed again: every passage,
//! statement, event, discrepancy and quote is one the whole analysis found
//! (none crosses stories), taken with its story. So the terminal app opens
//! a story of thousands of articles at the cost of copying it, and every
//! view works on it unchanged.

use super::Analysis;
use crate::align::{Corpus, Passage, Stories};
use crate::story::{Cluster, Discrepancy, Member, Overview, QuoteGroup, Story};
use crate::timeline::Event;

/// Old article indices to new ones: `members[new] == old`.
struct Renumbering<'a> {
    members: &'a [usize],
}

impl Renumbering<'_> {
    /// The new index of old article `article`, if it is kept.
    fn article(&self, article: usize) -> Option<usize> {
        self.members.binary_search(&article).ok()
    }

    fn pick<T: Clone>(&self, all: &[T]) -> Vec<T> {
        self.members.iter().filter_map(|&old| all.get(old).cloned()).collect()
    }

    fn member(&self, member: &Member) -> Option<Member> {
        Some(Member { article: self.article(member.article)?, ..member.clone() })
    }

    fn passage(&self, passage: &Passage) -> Option<Passage> {
        let mut kept = passage.clone();
        kept.a.article = self.article(passage.a.article)?;
        kept.b.article = self.article(passage.b.article)?;
        Some(kept)
    }

    fn event(&self, event: &Event) -> Option<Event> {
        let mut kept = event.clone();
        for mention in &mut kept.mentions {
            mention.article = self.article(mention.article)?;
        }
        Some(kept)
    }

    fn corpus(&self, corpus: &Corpus) -> Corpus {
        Corpus {
            vocab: corpus.vocab.clone(),
            terms: self.pick(&corpus.terms),
            weight: corpus.weight.clone(),
            words: self.pick(&corpus.words),
            names: self.pick(&corpus.names),
            clauses: self.pick(&corpus.clauses),
            surfaces: corpus.surfaces.clone(),
        }
    }
}

impl Analysis {
    /// Story `index` of [`Analysis::stories`] alone, as an analysis of its
    /// articles (see the module's notes); `None` when there is no such
    /// story.
    pub fn within(&self, index: usize) -> Option<Analysis> {
        let members = self.stories.members.get(index)?;
        let renumbering = Renumbering { members };
        let articles = renumbering.pick(&self.articles);
        let story = story_within(&self.story, &renumbering);
        let overview = self.overviews.get(index).map(|overview| Overview {
            articles: (0..members.len()).collect(),
            lead: story.clusters.first().map(|_| 0).filter(|_| overview.lead.is_some()),
            ..overview.clone()
        });
        Some(Analysis {
            copies: self.copies.within(members, &articles),
            corpus: renumbering.corpus(&self.corpus),
            stories: Stories::one(articles.len()),
            overviews: overview.into_iter().collect(),
            passages: self.passages.iter().filter_map(|p| renumbering.passage(p)).collect(),
            timeline: self.timeline.iter().filter_map(|e| renumbering.event(e)).collect(),
            story,
            articles,
            skipped: self.skipped.clone(),
            model: self.model.clone(),
        })
    }
}

/// The statements, coverage, discrepancies and quotes of one story.
fn story_within(story: &Story, renumbering: &Renumbering<'_>) -> Story {
    // Clusters keep their order (most widely carried first), so the
    // story's lead is its first; `cluster_index[old]` is the new index.
    let mut cluster_index: Vec<Option<usize>> = vec![None; story.clusters.len()];
    let mut clusters: Vec<Cluster> = Vec::new();
    for (old, cluster) in story.clusters.iter().enumerate() {
        let members: Option<Vec<Member>> = cluster.members.iter().map(|m| renumbering.member(m)).collect();
        if let Some(members) = members {
            cluster_index[old] = Some(clusters.len());
            clusters.push(Cluster { members, ..cluster.clone() });
        }
    }
    let discrepancies = story
        .discrepancies
        .iter()
        .filter_map(|d| {
            Some(Discrepancy {
                cluster: cluster_index[d.cluster]?,
                a: (renumbering.article(d.a.0)?, d.a.1),
                b: (renumbering.article(d.b.0)?, d.b.1),
                member_a: renumbering.member(&d.member_a)?,
                member_b: renumbering.member(&d.member_b)?,
                ..d.clone()
            })
        })
        .collect();
    let (quotes, quote_index) = quotes_within(story, renumbering);
    let quote_groups = story
        .quote_groups
        .iter()
        .filter_map(|group| {
            let members: Option<Vec<usize>> = group.members.iter().map(|&m| quote_index[m]).collect();
            Some(QuoteGroup { members: members?, ..group.clone() })
        })
        .collect();
    Story { clusters, coverage: renumbering.pick(&story.coverage), discrepancies, quotes, quote_groups }
}

/// The quotes of one story, and each old quote's new index.
fn quotes_within(story: &Story, renumbering: &Renumbering<'_>) -> (Vec<crate::story::Quote>, Vec<Option<usize>>) {
    let mut index = vec![None; story.quotes.len()];
    let mut quotes = Vec::new();
    for (old, quote) in story.quotes.iter().enumerate() {
        if let Some(article) = renumbering.article(quote.article) {
            index[old] = Some(quotes.len());
            quotes.push(crate::story::Quote { article, ..quote.clone() });
        }
    }
    (quotes, index)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Two stories of three articles each, filed interleaved.
    fn pile() -> Analysis {
        let bridge = [
            "Bridge reopens\n2025-03-05\n\nThe Elm Street bridge in Dunmore reopened on Monday after three months of repairs, Mayor Ada Brandt said. \"We are glad to have it back,\" Brandt said. Traffic resumed at noon.",
            "Repairs done\n2025-03-06\n\nMayor Ada Brandt said the Elm Street bridge in Dunmore reopened on Monday after three months of repairs. \"We are glad to have it back,\" Brandt said. About 4,000 cars cross it daily.",
            "Dunmore bridge\n2025-03-06\n\nThe Elm Street bridge in Dunmore reopened on Monday after three months of repairs, said Mayor Ada Brandt. About 5,000 cars cross it daily.",
        ];
        let ferry = [
            "Ferry sinks\n2025-07-02\n\nA ferry sank off Halvik harbour on Tuesday and all forty passengers were rescued by the coast guard, Captain Liv Sorensen said.",
            "Halvik rescue\n2025-07-02\n\nAll forty passengers were rescued by the coast guard after a ferry sank off Halvik harbour on Tuesday, Captain Liv Sorensen said.",
            "Coast guard\n2025-07-03\n\nCaptain Liv Sorensen said the coast guard rescued all forty passengers when a ferry sank off Halvik harbour on Tuesday.",
        ];
        let texts = [bridge[0], ferry[0], bridge[1], ferry[1], bridge[2], ferry[2]];
        crate::analyse(crate::ingest::parse_all(&crate::fixture::sources(&texts)))
    }

    #[test]
    fn a_story_alone_keeps_what_the_pile_found_about_it_renumbered() {
        let whole = pile();
        assert_eq!(whole.stories.len(), 2, "{:?}", whole.stories);
        for (index, members) in whole.stories.members.iter().enumerate() {
            let alone = whole.within(index).unwrap();
            let ids = |a: &Analysis, list: &[usize]| list.iter().map(|&i| a.articles[i].id.clone()).collect::<Vec<_>>();
            assert_eq!(ids(&alone, &(0..alone.articles.len()).collect::<Vec<_>>()), ids(&whole, members));
            assert_eq!(alone.stories.len(), 1);
            assert_eq!(alone.overviews.len(), 1);
            assert_eq!(alone.corpus.terms.len(), alone.articles.len());
            assert_eq!(alone.story.coverage.len(), alone.articles.len());
            // Every passage of the story is here, pointing at the same text.
            let text =
                |a: &Analysis, side: &crate::align::Side| side.span.slice(&a.articles[side.article].body).to_string();
            let theirs: Vec<(String, String)> = whole
                .passages
                .iter()
                .filter(|p| whole.stories.story[p.a.article] == index)
                .map(|p| (text(&whole, &p.a), text(&whole, &p.b)))
                .collect();
            let ours: Vec<(String, String)> =
                alone.passages.iter().map(|p| (text(&alone, &p.a), text(&alone, &p.b))).collect();
            assert!(!ours.is_empty());
            assert_eq!(ours, theirs);
            let events = |a: &Analysis| {
                a.timeline.iter().filter(|e| e.mentions.iter().all(|m| m.article < a.articles.len())).count()
            };
            assert_eq!(events(&alone), alone.timeline.len());
            for cluster in &alone.story.clusters {
                assert!(cluster.members.iter().all(|m| m.article < alone.articles.len()));
            }
            for discrepancy in &alone.story.discrepancies {
                let member = &alone.story.clusters[discrepancy.cluster].members;
                assert!(member.iter().any(|m| m.article == discrepancy.a.0));
            }
            for group in &alone.story.quote_groups {
                assert!(group.members.iter().all(|&q| q < alone.story.quotes.len()));
            }
            let lead = alone.overviews[0].lead.map(|c| alone.story.clusters[c].id.clone());
            let whole_lead = whole.overviews[index].lead.map(|c| whole.story.clusters[c].id.clone());
            assert_eq!(lead, whole_lead);
        }
        let total: usize = (0..2).map(|i| whole.within(i).unwrap().passages.len()).sum();
        assert_eq!(total, whole.passages.len());
        assert!(whole.within(2).is_none());
    }
}
