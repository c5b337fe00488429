//! Statements across sources: sentence matches grouped transitively into
//! clusters, one per statement, with one member per source that carries it.
//! Peskov's "no such plans", reported by four outlets, is one cluster, not
//! six pairs.

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use crate::align::{SentenceMatch, SentenceRef};
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
}

/// Groups matched sentences into statements.
///
/// Plain transitive grouping would chain statements together through one
/// long sentence that reports two of them, so grouping is by average
/// linkage: strongest matches first, a sentence joins a group (and two
/// groups merge) only when at least half of the pairs between them are
/// direct matches, and a group holds one sentence per source.
pub fn build(articles: &[Article], matches: &[SentenceMatch]) -> Vec<Cluster> {
    let mut order: Vec<&SentenceMatch> = matches.iter().collect();
    order.sort_by(|x, y| y.score.dice.total_cmp(&x.score.dice).then((x.a, x.b).cmp(&(y.a, y.b))));
    let linked: HashSet<(SentenceRef, SentenceRef)> = matches.iter().flat_map(|m| [(m.a, m.b), (m.b, m.a)]).collect();
    let mut group_of: HashMap<SentenceRef, usize> = HashMap::new();
    let mut groups: Vec<Vec<SentenceRef>> = Vec::new();
    // Whether at least half the pairs across two sets (from different
    // sources) are direct matches. A source may appear in both only with
    // neighbouring sentences: one report told in two sentences.
    let cohesive = |x: &[SentenceRef], y: &[SentenceRef]| {
        let mut pairs = 0;
        let mut direct = 0;
        for p in x {
            for q in y {
                if p.0 == q.0 {
                    if p.1.abs_diff(q.1) > 1 {
                        return false;
                    }
                    continue;
                }
                pairs += 1;
                direct += usize::from(linked.contains(&(*p, *q)));
            }
        }
        pairs > 0 && 2 * direct >= pairs
    };
    for m in order {
        match (group_of.get(&m.a).copied(), group_of.get(&m.b).copied()) {
            (None, None) if m.a.0 == m.b.0 => {}
            (None, None) => {
                groups.push(vec![m.a, m.b]);
                group_of.insert(m.a, groups.len() - 1);
                group_of.insert(m.b, groups.len() - 1);
            }
            (Some(g), None) | (None, Some(g)) => {
                let new = if group_of.contains_key(&m.a) { m.b } else { m.a };
                if cohesive(&groups[g], &[new]) {
                    groups[g].push(new);
                    group_of.insert(new, g);
                }
            }
            (Some(g), Some(h)) if g != h && cohesive(&groups[g], &groups[h]) => {
                let moved = std::mem::take(&mut groups[h]);
                for r in &moved {
                    group_of.insert(*r, g);
                }
                groups[g].extend(moved);
            }
            _ => {}
        }
    }
    let mut clusters: Vec<Cluster> = groups
        .into_iter()
        .filter(|g| g.iter().any(|r| r.0 != g[0].0))
        .map(|mut g| {
            g.sort();
            // Neighbouring sentences of one source make one member.
            let mut members: Vec<Member> = Vec::new();
            for &(article, s) in &g {
                match members.last_mut() {
                    Some(m) if m.article == article && m.sentences.end == s => {
                        m.sentences.end = s + 1;
                        m.span.end = articles[article].sentences[s].end;
                    }
                    _ => members.push(Member { article, sentences: s..s + 1, span: articles[article].sentences[s] }),
                }
            }
            let summary = summary(articles, &members);
            Cluster { id: String::new(), members, summary }
        })
        .collect();
    clusters.sort_by_key(|c| (std::cmp::Reverse(c.members.len()), c.members[0].article, c.members[0].sentences.start));
    for (i, c) in clusters.iter_mut().enumerate() {
        c.id = format!("c-{}", i + 1);
    }
    clusters
}

/// The shortest single-sentence member, shortened.
fn summary(articles: &[Article], members: &[Member]) -> String {
    crate::timeline::shorten(summary_source(articles, members), crate::timeline::SUMMARY_BYTES)
}

/// The words a cluster's summary is taken from: its shortest
/// single-sentence member (a wide screen may show more of it).
pub fn summary_source<'a>(articles: &'a [Article], members: &[Member]) -> &'a str {
    let best = members.iter().min_by_key(|m| (m.sentences.len(), m.span.len())).expect("a cluster has members");
    best.span.slice(&articles[best.article].body)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixture;

    fn clusters(texts: &[&str]) -> (Vec<Article>, Vec<Cluster>) {
        let fixture::Matched { articles, matches, .. } = fixture::matched(texts);
        let clusters = build(&articles, &matches);
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
    fn the_sample_peskov_statement_spans_its_sources() {
        let fixture::Matched { articles: arts, matches, .. } = fixture::sample_matched();
        let cl = build(&arts, &matches);
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
