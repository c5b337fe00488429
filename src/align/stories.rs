//! Stories: the loaded articles grouped by what they are about. A pile of
//! thousands of articles is many stories, and nobody wants passages or a
//! coverage matrix across unrelated ones; a month of one story's coverage
//! is one story, however many developments it has.
//!
//! Two steps, each on general evidence:
//!
//! 1. Articles are linked when they report the same things (at least
//!    [`MIN_SHARED_SENTENCES`] matched sentence pairs, by words or by the
//!    sentence model, each article among the other's [`LINK_RANK`] most
//!    alike: similarity relative to the pile, as two stories cast in one
//!    mould can share a statement or two) or their content terms are close
//!    (cosine of tf-idf vectors at [`STORY_COSINE`]). The connected groups
//!    are reports of one development.
//! 2. Groups that name the same people, places and bodies are one story:
//!    each group's *key names* are the names (capitalised words inside
//!    sentences) most of its articles use more than once, and two groups
//!    are joined when they share at least [`MIN_SHARED_NAMES`] key names
//!    and at least half of the smaller group's. A name several unrelated
//!    stories happen to mention is one name, not half of a group's.

use rustc_hash::{FxHashMap, FxHashSet};

use super::SentenceMatch;
use super::related::Related;
use super::score::Corpus;

/// Article pairs with at least this many matched sentence pairs report the
/// same development (one match may be a coincidence).
pub const MIN_SHARED_SENTENCES: usize = 2;

/// Cosine (tf-idf over articles) at which two articles are close in
/// content. (On generated piles, articles of one story mostly reach 0.3 to
/// 0.5 and of two stories, sharing common words and a name or two, stay
/// under 0.3.)
pub const STORY_COSINE: f32 = 0.3;

/// Articles sharing sentences link only when each is among the other's
/// this many most alike.
pub const LINK_RANK: usize = 8;

/// Groups sharing fewer key names than this stay apart.
pub const MIN_SHARED_NAMES: usize = 3;

/// The articles grouped into stories.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Stories {
    /// `story[article]`: the story an article belongs to.
    pub story: Vec<usize>,
    /// The articles of each story, in article order; stories ordered by
    /// their first article.
    pub members: Vec<Vec<usize>>,
}

impl Stories {
    /// Every article in one story.
    pub fn one(articles: usize) -> Stories {
        let members = if articles == 0 { Vec::new() } else { vec![(0..articles).collect()] };
        Stories { story: vec![0; articles], members }
    }

    pub fn len(&self) -> usize {
        self.members.len()
    }

    pub fn is_empty(&self) -> bool {
        self.members.is_empty()
    }

    /// Whether two articles belong to one story.
    pub fn together(&self, a: usize, b: usize) -> bool {
        self.story[a] == self.story[b]
    }
}

/// Groups the articles of `corpus` into stories, from the related pairs'
/// cosines and the sentence matches found.
pub fn group(corpus: &Corpus, related: &Related, matches: &[SentenceMatch]) -> Stories {
    let articles = corpus.terms.len();
    let developments = components(articles, &links(related, matches));
    let keys: Vec<Vec<u32>> = developments.members.iter().map(|members| key_names(corpus, members)).collect();
    let joined = components(developments.len(), &alike_groups(&keys));
    let story: Vec<usize> = developments.story.iter().map(|&group| joined.story[group]).collect();
    from_labels(&story)
}

/// Article pairs of one development: close in content, or reporting the
/// same things and each among the other's [`LINK_RANK`] most alike (two
/// statements cast in the same mould, "at least 91 were affected, the
/// Health Agency said", can match across stories; an article's nearest
/// are of its own story).
fn links(related: &Related, matches: &[SentenceMatch]) -> Vec<(usize, usize)> {
    let mut shared: FxHashMap<(usize, usize), usize> = FxHashMap::default();
    for m in matches {
        *shared.entry((m.a.0.min(m.b.0), m.a.0.max(m.b.0))).or_default() += 1;
    }
    let near = mutually_near(related);
    let mut out: Vec<(usize, usize)> = shared
        .into_iter()
        .filter(|&(pair, count)| count >= MIN_SHARED_SENTENCES && near.contains(&pair))
        .map(|(pair, _)| pair)
        .collect();
    out.extend(related.pairs.iter().filter(|p| p.2 >= STORY_COSINE).map(|&(a, b, _)| (a, b)));
    out.sort_unstable();
    out.dedup();
    out
}

/// The related pairs each among the other's [`LINK_RANK`] most alike: at
/// least as close as the article's `LINK_RANK`-th closest (so that copies
/// all alike are all near each other).
fn mutually_near(related: &Related) -> FxHashSet<(usize, usize)> {
    let mut alike: FxHashMap<usize, Vec<f32>> = FxHashMap::default();
    for &(a, b, cosine) in &related.pairs {
        alike.entry(a).or_default().push(cosine);
        alike.entry(b).or_default().push(cosine);
    }
    let floor: FxHashMap<usize, f32> = alike
        .into_iter()
        .map(|(article, mut cosines)| {
            cosines.sort_by(|x, y| y.total_cmp(x));
            (article, cosines[(LINK_RANK - 1).min(cosines.len() - 1)])
        })
        .collect();
    related
        .pairs
        .iter()
        .filter(|&&(a, b, cosine)| cosine >= floor[&a] && cosine >= floor[&b])
        .map(|&(a, b, _)| (a, b))
        .collect()
}

/// The names most of `members` use in more than one sentence, sorted.
fn key_names(corpus: &Corpus, members: &[usize]) -> Vec<u32> {
    let mut articles_using: FxHashMap<u32, usize> = FxHashMap::default();
    for &article in members {
        let mut sentences_using: FxHashMap<u32, usize> = FxHashMap::default();
        for name in corpus.names[article].iter().flatten() {
            *sentences_using.entry(*name).or_default() += 1;
        }
        for (name, _) in sentences_using.into_iter().filter(|&(_, count)| count > 1) {
            *articles_using.entry(name).or_default() += 1;
        }
    }
    let mut keys: Vec<u32> =
        articles_using.into_iter().filter(|&(_, count)| 2 * count >= members.len()).map(|(name, _)| name).collect();
    keys.sort_unstable();
    keys
}

/// Pairs of groups whose key names are largely the same.
fn alike_groups(keys: &[Vec<u32>]) -> Vec<(usize, usize)> {
    let mut groups_naming: FxHashMap<u32, Vec<usize>> = FxHashMap::default();
    for (group, names) in keys.iter().enumerate() {
        for &name in names {
            groups_naming.entry(name).or_default().push(group);
        }
    }
    let mut candidates: FxHashSet<(usize, usize)> = FxHashSet::default();
    for groups in groups_naming.values() {
        for (index, &a) in groups.iter().enumerate() {
            candidates.extend(groups[index + 1..].iter().map(|&b| (a, b)));
        }
    }
    let mut out: Vec<(usize, usize)> = candidates
        .into_iter()
        .filter(|&(a, b)| {
            let shared = keys[a].iter().filter(|name| keys[b].binary_search(name).is_ok()).count();
            shared >= MIN_SHARED_NAMES && 2 * shared >= keys[a].len().min(keys[b].len())
        })
        .collect();
    out.sort_unstable();
    out
}

/// The connected groups of `items` under `links` (union-find), numbered by
/// their first item.
fn components(items: usize, links: &[(usize, usize)]) -> Stories {
    from_labels(&component_labels(items, links))
}

/// Each of `items` labelled by the first item of its connected group under
/// `links` (union-find, paths halved on the way).
pub(crate) fn component_labels(items: usize, links: &[(usize, usize)]) -> Vec<usize> {
    let mut parent: Vec<usize> = (0..items).collect();
    fn root(parent: &mut [usize], mut item: usize) -> usize {
        while parent[item] != item {
            parent[item] = parent[parent[item]];
            item = parent[item];
        }
        item
    }
    for &(a, b) in links {
        let (root_a, root_b) = (root(&mut parent, a), root(&mut parent, b));
        parent[root_a.max(root_b)] = root_a.min(root_b);
    }
    (0..items).map(|item| root(&mut parent, item)).collect()
}

/// Stories from a label per article, numbered in order of first article.
fn from_labels(labels: &[usize]) -> Stories {
    let mut number: FxHashMap<usize, usize> = FxHashMap::default();
    let mut members: Vec<Vec<usize>> = Vec::new();
    let story = labels
        .iter()
        .enumerate()
        .map(|(article, label)| {
            let index = *number.entry(*label).or_insert_with(|| {
                members.push(Vec::new());
                members.len() - 1
            });
            members[index].push(article);
            index
        })
        .collect();
    Stories { story, members }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::align::{Thresholds, sentence_matches};

    fn stories(texts: &[&str]) -> Stories {
        let corpus = Corpus::build(&crate::fixture::articles(texts));
        let matches = sentence_matches(&corpus, &Thresholds::default());
        group(&corpus, &Related::of(&corpus), &matches)
    }

    #[test]
    fn articles_on_two_subjects_make_two_stories() {
        let s = stories(&[
            "The Elm Street bridge in Dunmore reopened on Monday after repairs, mayor Kowalski said. Traffic resumed.",
            "Mayor Kowalski said the Elm Street bridge in Dunmore reopened Monday. Repairs took months.",
            "The Riksbank raised its policy rate to 2 percent, governor Thedeen said. Inflation rose in Sweden.",
            "Sweden's Riksbank raised rates on Tuesday as inflation rose, governor Thedeen said.",
        ]);
        assert_eq!(s.members, vec![vec![0, 1], vec![2, 3]]);
        assert!(s.together(0, 1) && !s.together(1, 2));
    }

    #[test]
    fn the_sample_is_one_story() {
        let matched = crate::fixture::sample_matched();
        let s = group(&matched.corpus, &Related::of(&matched.corpus), &matched.matches);
        assert_eq!(s.len(), 1);
    }

    #[test]
    fn developments_naming_the_same_people_and_places_are_one_story() {
        let s = stories(&[
            "On Monday mayor Anna Kowalski closed the old bridge in Dunmore after engineers from Brightwater found cracks. Drivers in Dunmore were told by Kowalski to take the ferry, and Brightwater will repair it.",
            "The old bridge in Dunmore was closed on Monday by mayor Anna Kowalski when Brightwater engineers found cracks. Residents of Dunmore said Kowalski and Brightwater acted late.",
            "On Friday the harbour of Dunmore reopened, mayor Anna Kowalski announced, thanking divers from Brightwater. Fishermen in Dunmore cheered as Kowalski and Brightwater staff cut a ribbon.",
            "Divers from Brightwater cleared the harbour of Dunmore, which mayor Anna Kowalski reopened on Friday. Boats in Dunmore sailed out while Kowalski watched with Brightwater staff.",
        ]);
        assert_eq!(s.len(), 1, "{s:?}");
    }

    #[test]
    fn groups_join_on_most_of_their_key_names() {
        // Three of four shared: joined. One of three: apart. Two of two:
        // too few to tell.
        let keys = [vec![1, 2, 3, 4], vec![2, 3, 4, 9], vec![4, 5, 6], vec![7, 8], vec![7, 8]];
        assert_eq!(alike_groups(&keys), vec![(0, 1)]);
    }

    #[test]
    fn nothing_loaded_is_no_story() {
        assert!(Stories::one(0).is_empty());
        assert_eq!(Stories::one(3).members, vec![vec![0, 1, 2]]);
        assert!(group(&Corpus::default(), &Related::default(), &[]).is_empty());
    }

    #[test]
    fn components_follow_links() {
        let s = components(5, &[(3, 1), (4, 2)]);
        assert_eq!(s.story, vec![0, 1, 2, 1, 2]);
        assert_eq!(s.members, vec![vec![0], vec![1, 3], vec![2, 4]]);
    }
}
