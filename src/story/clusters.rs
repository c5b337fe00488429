//! Statements across sources: sentence matches grouped transitively into
//! clusters, one per statement, with one member per source that carries it.
//! Peskov's "no such plans", reported by four outlets, is one cluster, not
//! six pairs.

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use crate::align::semantic::Meanings;
use crate::align::{Copies, SentenceMatch, SentenceRef};
use crate::ingest::Article;
use crate::text::Span;

/// One source's report of a statement: a run of its sentences.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Member {
    pub article: usize,
    pub sentences: Range<usize>,
    pub span: Span,
}

/// One statement and the sources that carry it.
#[derive(Clone, Debug, PartialEq)]
pub struct Cluster {
    /// `c-N`, most widely reported first.
    pub id: String,
    /// One per source, in article order.
    pub members: Vec<Member>,
    /// Words of its most representative member.
    pub summary: String,
}

impl Cluster {
    /// The member from `article`, if that source carries the statement.
    pub fn member(&self, article: usize) -> Option<&Member> {
        self.members.iter().find(|m| m.article == article)
    }

    /// The members grouped by wording (the same words, spacing aside), as
    /// indexes into `members`: the wording most sources carry first (the
    /// earliest member's first on a tie), each in member order. Two
    /// hundred outlets running one agency story are one wording, or a few.
    pub fn wordings(&self, articles: &[Article]) -> Vec<Vec<usize>> {
        let words = |index: usize| {
            let member = &self.members[index];
            member.span.slice(&articles[member.article].body).split_whitespace()
        };
        let mut wordings: Vec<Vec<usize>> = Vec::new();
        for index in 0..self.members.len() {
            match wordings.iter_mut().find(|wording| words(wording[0]).eq(words(index))) {
                Some(wording) => wording.push(index),
                None => wordings.push(vec![index]),
            }
        }
        wordings.sort_by_key(|wording| (std::cmp::Reverse(wording.len()), wording[0]));
        wordings
    }
}

/// Groups matched sentences into statements.
///
/// Plain transitive grouping would chain statements together through one
/// long sentence that reports two of them, so grouping is by average
/// linkage: strongest matches first, a sentence joins a group (and two
/// groups merge) only when at least half of the pairs between them are
/// direct matches, and a group holds one sentence per source. Copies of
/// one text ([`Copies`]: matched only with its first carrier) count as
/// matched with each other and with whatever their first carrier matches.
///
/// With the sentence model's vectors (`meanings`), a sentence it puts
/// apart from any report of a group ([`STATEMENT_APART`]) tells something
/// else and never joins it, whatever the matches. (Closeness alone does
/// not join: a building code "for a magnitude 8 earthquake" is close to
/// the report of the magnitude 7.1 quake that flattened the blocks, and
/// would read as a disagreement on the magnitude.)
pub fn build(
    articles: &[Article],
    matches: &[SentenceMatch],
    copies: &Copies,
    meanings: Option<&Meanings>,
) -> Vec<Cluster> {
    let mut order: Vec<&SentenceMatch> = matches.iter().collect();
    order.sort_by(|x, y| y.strength().total_cmp(&x.strength()).then((x.a, x.b).cmp(&(y.a, y.b))));
    let mut grouping = Grouping::new(matches, copies, meanings);
    for sentence_match in order {
        grouping.add(sentence_match);
    }
    let mut clusters: Vec<Cluster> = grouping
        .groups
        .into_iter()
        .filter(|group| group.iter().any(|sentence| sentence.0 != group[0].0))
        .map(|group| {
            let members = members_of(articles, group);
            let summary = summary(articles, &members);
            Cluster { id: String::new(), members, summary }
        })
        .collect();
    clusters.sort_by_key(|c| (std::cmp::Reverse(c.members.len()), c.members[0].article, c.members[0].sentences.start));
    for (index, cluster) in clusters.iter_mut().enumerate() {
        cluster.id = format!("c-{}", index + 1);
    }
    clusters
}

/// A sentence the model puts no closer than this to a report of a group
/// (no closer than either is to its story at large) tells something else:
/// "May peace be with you all." beside "He took the name Leo XIV" scores
/// -0.17 to -0.01, while every pair of one statement on the dev sets
/// scores 0.24 or more.
const STATEMENT_APART: f32 = 0.0;

/// Sentences grouped by average linkage, one match at a time.
struct Grouping<'a> {
    /// Every matched pair, both ways round.
    linked: HashSet<(SentenceRef, SentenceRef)>,
    copies: &'a Copies,
    meanings: Option<&'a Meanings>,
    /// The group each grouped sentence is in.
    group_of: HashMap<SentenceRef, usize>,
    /// Groups of sentences; a group merged into another is left empty.
    groups: Vec<Vec<SentenceRef>>,
}

impl<'a> Grouping<'a> {
    fn new(matches: &[SentenceMatch], copies: &'a Copies, meanings: Option<&'a Meanings>) -> Grouping<'a> {
        let linked = matches.iter().flat_map(|m| [(m.a, m.b), (m.b, m.a)]).collect();
        Grouping { linked, copies, meanings, group_of: HashMap::new(), groups: Vec::new() }
    }

    /// Whether two sentences matched, directly or as copies: each stands
    /// for its text's first carrier.
    fn direct(&self, p: SentenceRef, q: SentenceRef) -> bool {
        let (p, q) = (self.copies.first(p), self.copies.first(q));
        p == q || self.linked.contains(&(p, q))
    }

    /// Takes one match: a new group, a sentence joining a group, or two
    /// groups merged, when they hold together.
    fn add(&mut self, sentence_match: &SentenceMatch) {
        let (a, b) = (sentence_match.a, sentence_match.b);
        match (self.group_of.get(&a).copied(), self.group_of.get(&b).copied()) {
            (None, None) if a.0 == b.0 => {}
            (None, None) => {
                self.groups.push(vec![a, b]);
                self.group_of.insert(a, self.groups.len() - 1);
                self.group_of.insert(b, self.groups.len() - 1);
            }
            (Some(group), None) | (None, Some(group)) => {
                let new = if self.group_of.contains_key(&a) { b } else { a };
                if self.cohesive(&self.groups[group], &[new]) {
                    self.groups[group].push(new);
                    self.group_of.insert(new, group);
                }
            }
            (Some(first), Some(second))
                if first != second && self.cohesive(&self.groups[first], &self.groups[second]) =>
            {
                let moved = std::mem::take(&mut self.groups[second]);
                for sentence in &moved {
                    self.group_of.insert(*sentence, first);
                }
                self.groups[first].extend(moved);
            }
            _ => {}
        }
    }

    /// The model's closeness of two sentences, when it has both.
    fn closeness(&self, p: SentenceRef, q: SentenceRef) -> Option<f32> {
        self.meanings.and_then(|meanings| meanings.sentence_closeness(p, q))
    }

    /// Whether at least half the pairs across two sets (from different
    /// sources) are direct matches, and none is apart in meaning. A source
    /// may appear in both only with neighbouring sentences: one report told
    /// in two sentences.
    fn cohesive(&self, first: &[SentenceRef], second: &[SentenceRef]) -> bool {
        let mut pairs = 0;
        let mut direct = 0;
        for p in first {
            for q in second {
                if p.0 == q.0 {
                    if p.1.abs_diff(q.1) > 1 {
                        return false;
                    }
                    continue;
                }
                if self.closeness(*p, *q).is_some_and(|value| value <= STATEMENT_APART) {
                    return false;
                }
                pairs += 1;
                direct += usize::from(self.direct(*p, *q));
            }
        }
        pairs > 0 && 2 * direct >= pairs
    }
}

/// A group's members: its sentences in order, neighbouring sentences of one
/// source making one member.
fn members_of(articles: &[Article], mut group: Vec<SentenceRef>) -> Vec<Member> {
    group.sort();
    let mut members: Vec<Member> = Vec::new();
    for (article, sentence) in group {
        match members.last_mut() {
            Some(member) if member.article == article && member.sentences.end == sentence => {
                member.sentences.end = sentence + 1;
                member.span.end = articles[article].sentences[sentence].end;
            }
            _ => members.push(Member {
                article,
                sentences: sentence..sentence + 1,
                span: articles[article].sentences[sentence],
            }),
        }
    }
    members
}

/// The words of [`summary_source`], shortened.
pub(super) fn summary(articles: &[Article], members: &[Member]) -> String {
    crate::timeline::shorten(summary_source(articles, members), crate::timeline::SUMMARY_BYTES)
}

/// The words a cluster's summary is taken from: of its members of fewest
/// sentences, the wording most sources give, then the shortest (a wide
/// screen may show more of it). Four hundred outlets' "the storm" is the
/// label, not five outlets' shorter "a storm".
pub fn summary_source<'a>(articles: &'a [Article], members: &[Member]) -> &'a str {
    let text = |m: &Member| m.span.slice(&articles[m.article].body);
    let mut carriers: HashMap<Vec<&str>, usize> = HashMap::new();
    for member in members {
        *carriers.entry(text(member).split_whitespace().collect()).or_default() += 1;
    }
    let carried = |m: &Member| carriers.get(&text(m).split_whitespace().collect::<Vec<_>>()).copied().unwrap_or(0);
    let best = members
        .iter()
        .min_by_key(|m| (m.sentences.len(), std::cmp::Reverse(carried(m)), m.span.len()))
        .expect("a cluster has members");
    text(best)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixture;

    fn clusters(texts: &[&str]) -> (Vec<Article>, Vec<Cluster>) {
        let fixture::Matched { articles, matches, .. } = fixture::matched(texts);
        let clusters = build(&articles, &matches, &Copies::default(), None);
        (articles, clusters)
    }

    #[test]
    fn one_statement_in_three_sources_is_one_cluster() {
        let (_, c) = clusters(&[
            "Weather was mild. Kremlin spokesman Dmitry Peskov said there were no such plans to meet Driscoll in Moscow.",
            "Peskov told reporters there were no such plans to meet Driscoll in Moscow. Markets fell.",
            "Dmitry Peskov said Moscow had no such plans to meet Driscoll. A concert was cancelled.",
        ]);
        assert_eq!(c.len(), 1, "{c:?}");
        assert_eq!(c[0].members.len(), 3);
        assert_eq!(c[0].id, "c-1");
    }

    #[test]
    fn a_statement_is_labelled_by_the_wording_most_sources_give() {
        let most = "Kremlin spokesman Dmitry Peskov said there were no such plans to meet Driscoll in Moscow.";
        let fewer = "Kremlin spokesman Dmitry Peskov said there were no plans to meet Driscoll in Moscow.";
        let (_, c) = clusters(&[most, most, fewer]);
        assert_eq!(c.len(), 1, "{c:?}");
        assert_eq!(c[0].summary, most.trim_end_matches('.'), "{c:?}");
    }

    #[test]
    fn a_sentence_reporting_two_statements_does_not_chain_them() {
        let (arts, c) = clusters(&[
            "Witkoff met Dmitriev in Miami late last month to discuss the framework. Vance, Rubio and Kushner drafted the peace plan with Witkoff.",
            "Witkoff and Dmitriev met in Miami last month to discuss a framework, and the peace plan was drafted by Vance, Rubio and Kushner with Witkoff.",
            "Envoy Witkoff met Dmitriev in Miami to discuss the framework late last month. Witkoff, Vance, Rubio and Kushner drafted the peace plan.",
        ]);
        for cl in &c {
            let texts: Vec<&str> = cl.members.iter().map(|m| m.span.slice(&arts[m.article].body)).collect();
            let miami = texts.iter().filter(|t| t.contains("Miami") && !t.contains("Rubio")).count();
            let drafting = texts.iter().filter(|t| t.contains("Rubio") && !t.contains("Miami")).count();
            assert!(miami == 0 || drafting == 0, "chained: {texts:?}");
        }
    }

    #[test]
    fn a_sentence_far_in_meaning_from_a_report_never_joins_its_statement() {
        let texts = [
            "Pope greets crowd\n2025-05-09\n\nThe bells rang out across the square. \
             \u{201c}Peace be with you,\u{201d} the new pope told the crowd from the balcony. Many in the crowd wept.",
            "First words\n2025-05-09\n\nTens of thousands waited in the rain. \
             From the balcony he greeted the crowd: \u{201c}May peace be with you all.\u{201d} Flags waved below.",
            "A new name\n2025-05-09\n\nThe cardinals voted on the second day. \
             Born in Chicago in 1955, he studied mathematics at Villanova University. He is 69 years old. \
             The Vatican bank reported a profit of 32 million euros last year. \
             Shares in European banks fell sharply on Friday. \
             The new pope took the name Leo XIV. \
             Ticket sales for the museums rose by a third.",
        ];
        let fixture::Matched { articles, corpus, .. } = fixture::matched(&texts);
        let (greeting, peace, vote) = ((0, 1), (1, 1), (2, 0));
        // Matches a loose matcher could give: the greeting with its
        // other wording, and, more weakly, with the day of the vote.
        let matched = |a: SentenceRef, b: SentenceRef, strength: f32| SentenceMatch {
            a,
            b,
            score: crate::align::Score::default(),
            semantic: Some(strength),
            found_by: crate::align::FoundBy::Model,
        };
        let matches = [matched(greeting, peace, 0.9), matched(greeting, vote, 0.5)];
        let members = |clusters: &[Cluster]| -> Vec<Vec<usize>> {
            clusters.iter().map(|c| c.members.iter().map(|m| m.article).collect()).collect()
        };
        // On the matches alone, half the pairs matched: all three join.
        assert_eq!(members(&build(&articles, &matches, &Copies::default(), None)), [vec![0, 1, 2]]);
        let meanings = fixture::meanings(&articles, &corpus);
        let apart = meanings.sentence_closeness(peace, vote);
        assert!(apart.is_some_and(|value| value <= STATEMENT_APART), "{apart:?}");
        let clusters = build(&articles, &matches, &Copies::default(), Some(&meanings));
        assert_eq!(members(&clusters), [vec![0, 1]], "{clusters:#?}");
    }

    #[test]
    fn copies_of_one_text_are_one_statement_with_its_wordings() {
        let wire = "Rescue crews moved three hundred families from Dunmore to the school in Halvik on Tuesday.";
        let edited = wire.replace("on Tuesday", "Tuesday");
        let texts: Vec<String> = (0..crate::align::copies::PAIRWISE_CARRIERS + 5)
            .map(|index| {
                let line = if index % 4 == 1 { &edited } else { wire };
                format!("Flood report {index}\n2025-03-05\n\n{line}")
            })
            .collect();
        let fixture::Matched { articles, corpus, .. } = fixture::matched(&texts);
        let copies = Copies::find(&articles);
        assert_eq!(copies.statements.len(), 1, "{copies:?}");
        let pairs = crate::align::related::Related::of(&corpus).article_pairs();
        let matches =
            crate::align::sentence_matches_folded(&corpus, &pairs, &copies, &crate::align::Thresholds::default());
        // A star, not a clique: each copy with the first carrier, the
        // lightly edited ones too.
        assert_eq!(matches.len(), texts.len() - 1, "{matches:?}");
        let clusters = build(&articles, &matches, &copies, None);
        assert_eq!(clusters.len(), 1, "{clusters:?}");
        assert_eq!(clusters[0].members.len(), texts.len());
        let wordings = clusters[0].wordings(&articles);
        assert_eq!(wordings.iter().map(Vec::len).collect::<Vec<_>>(), [11, 4]);
        assert_eq!(wordings[1], [1, 5, 9, 13]);
    }

    #[test]
    fn the_sample_peskov_statement_spans_its_sources() {
        let fixture::Matched { articles: arts, matches, .. } = fixture::sample_matched();
        let cl = build(&arts, &matches, &Copies::default(), None);
        let peskov = cl
            .iter()
            .find(|c| c.members.iter().any(|x| x.span.slice(&arts[x.article].body).contains("no such plans")))
            .expect("a Peskov cluster");
        assert!(peskov.members.len() >= 4, "{peskov:?}");
        for c in &cl {
            let mut seen: Vec<usize> = c.members.iter().map(|m| m.article).collect();
            seen.dedup();
            assert_eq!(seen.len(), c.members.len(), "one member per source");
        }
    }
}
