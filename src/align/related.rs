//! Related articles: which pairs of articles have their sentences compared.
//!
//! A few articles ([`SMALL_SET`] or fewer) are compared all pairs, as
//! before. In a larger pile, each article is compared with the articles
//! most like it, so that the work grows with the pile, not with its square,
//! and no term has to be left out for being common (a document-frequency
//! cutoff that grows with the pile drops, sooner or later, every term of a
//! story that many articles cover).
//!
//! Each article is a vector of its content terms weighted by tf-idf over
//! articles. Candidate partners come from each article's most distinctive
//! terms (its [`SIGNATURE`]): articles that share one are candidates, all
//! pairs of a short posting list and a window of neighbours in a long one,
//! so that a name every article carries costs a fixed amount per article.
//! Of the candidates, a pair is compared when its cosine reaches
//! [`MIN_COSINE`] or when either article counts the other among its
//! [`NEIGHBOURS`] most alike: similarity relative to the pile, because in a
//! pile of one story's coverage every article is about as far from the
//! rest, and reports of one development are nearer each other than that.
//! Articles that share many combinations of two rare terms within a
//! sentence (see [`sharing_sentences`]) are compared too: statements they
//! both carry, in words the whole pile uses.

use rustc_hash::FxHashMap;

use super::score::Corpus;

/// Sets of at most this many articles are compared all pairs.
pub const SMALL_SET: usize = 48;

/// How many of an article's terms, most distinctive first, it is indexed by.
pub const SIGNATURE: usize = 16;

/// Each article is compared with at least this many of its most alike.
pub const NEIGHBOURS: usize = 16;

/// Cosine (tf-idf over articles) at which two articles are always compared.
pub const MIN_COSINE: f32 = 0.2;

/// How many of a sentence's rarest terms its keys are made of.
const KEY_TERMS: usize = 5;

/// A sentence key more articles than this hold is passed over.
const MAX_KEY_ARTICLES: usize = 24;

/// Article pairs sharing this many sentence keys are compared.
const MIN_SHARED_KEYS: usize = 8;

/// Posting lists up to this long give all their pairs; longer ones each
/// article and this many of its followers in the list.
const WINDOW: usize = 48;

/// Article pairs `(a, b)`, `a < b`, with the cosine of their vectors.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Related {
    pub pairs: Vec<(usize, usize, f32)>,
}

impl Related {
    /// The pairs whose sentences are compared, sorted.
    pub fn of(corpus: &Corpus) -> Related {
        let articles = corpus.terms.len();
        let vectors = article_vectors(corpus);
        let scored = |candidates: &[(u32, u32)]| {
            crate::par::map(candidates, |&(a, b)| {
                (a as usize, b as usize, cosine(&vectors[a as usize], &vectors[b as usize]))
            })
        };
        if articles <= SMALL_SET {
            return Related { pairs: scored(&all_pairs(articles)) };
        }
        let signatures: Vec<Vec<u32>> = crate::par::map(&vectors, signature);
        let mut pairs = nearest(articles, scored(&candidate_pairs(&signatures)));
        let known: rustc_hash::FxHashSet<(usize, usize)> = pairs.iter().map(|&(a, b, _)| (a, b)).collect();
        let sharing: Vec<(u32, u32)> = sharing_sentences(corpus)
            .into_iter()
            .filter(|&(a, b)| !known.contains(&(a as usize, b as usize)))
            .collect();
        pairs.extend(scored(&sharing));
        pairs.sort_by_key(|&(a, b, _)| (a, b));
        Related { pairs }
    }

    /// The article pairs alone.
    pub fn article_pairs(&self) -> Vec<(usize, usize)> {
        self.pairs.iter().map(|&(a, b, _)| (a, b)).collect()
    }
}

/// Of scored candidate pairs, those at [`MIN_COSINE`] or among either
/// article's [`NEIGHBOURS`] most alike (ties by article), sorted.
fn nearest(articles: usize, scored: Vec<(usize, usize, f32)>) -> Vec<(usize, usize, f32)> {
    let mut alike: Vec<Vec<(f32, usize)>> = vec![Vec::new(); articles];
    for &(a, b, cosine) in &scored {
        if cosine > 0.0 {
            alike[a].push((cosine, b));
            alike[b].push((cosine, a));
        }
    }
    let mut kept: rustc_hash::FxHashSet<(usize, usize)> = rustc_hash::FxHashSet::default();
    for (article, mut others) in alike.into_iter().enumerate() {
        others.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)));
        kept.extend(others.into_iter().take(NEIGHBOURS).map(|(_, other)| (article.min(other), article.max(other))));
    }
    let mut pairs: Vec<(usize, usize, f32)> =
        scored.into_iter().filter(|&(a, b, cosine)| cosine >= MIN_COSINE || kept.contains(&(a, b))).collect();
    pairs.sort_by_key(|&(a, b, _)| (a, b));
    pairs
}

/// Article pairs that share [`MIN_SHARED_KEYS`] sentence keys: two terms
/// one sentence holds among its [`KEY_TERMS`] rarest. Reports of one
/// development share whole statements, so many such combinations, even
/// when every word of them is common in the pile (a month of one story's
/// coverage tells its developments apart by which common words go
/// together). A combination more than [`MAX_KEY_ARTICLES`] articles hold
/// tells no pair apart and is passed over.
fn sharing_sentences(corpus: &Corpus) -> Vec<(u32, u32)> {
    let keys: Vec<Vec<u64>> = crate::par::map_range(corpus.terms.len(), |article| sentence_keys(corpus, article));
    let mut holders: Vec<(u64, u32)> = Vec::new();
    for (article, keys) in keys.into_iter().enumerate() {
        holders.extend(keys.into_iter().map(|key| (key, article as u32)));
    }
    holders.sort_unstable();
    let mut pairs: Vec<(u32, u32)> = Vec::new();
    for run in holders.chunk_by(|x, y| x.0 == y.0).filter(|run| run.len() <= MAX_KEY_ARTICLES) {
        for (index, &(_, a)) in run.iter().enumerate() {
            pairs.extend(run[index + 1..].iter().map(|&(_, b)| (a, b)));
        }
    }
    pairs.sort_unstable();
    pairs.chunk_by(|x, y| x == y).filter(|run| run.len() >= MIN_SHARED_KEYS).map(|run| run[0]).collect()
}

/// Combinations of two terms a sentence holds among its [`KEY_TERMS`]
/// rarest, from every sentence of an article, each once.
fn sentence_keys(corpus: &Corpus, article: usize) -> Vec<u64> {
    let weight = &corpus.weight;
    let mut keys: Vec<u64> = Vec::new();
    for terms in &corpus.terms[article] {
        let mut rarest = terms.clone();
        rarest.sort_by(|&a, &b| weight[b as usize].total_cmp(&weight[a as usize]).then(a.cmp(&b)));
        rarest.truncate(KEY_TERMS);
        rarest.sort_unstable();
        for (index, &first) in rarest.iter().enumerate() {
            keys.extend(rarest[index + 1..].iter().map(|&second| (u64::from(first) << 32) | u64::from(second)));
        }
    }
    keys.sort_unstable();
    keys.dedup();
    keys
}

/// A sparse vector: (term id, weight), sorted by term id, unit length.
type Sparse = Vec<(u32, f32)>;

/// Each article's content terms, weighted by how often it uses them and
/// how few articles do (smoothed, so a term every article uses still
/// counts a little), normalised to unit length. A term only one article
/// uses is left out: it links that article to nothing.
fn article_vectors(corpus: &Corpus) -> Vec<Sparse> {
    let counts: Vec<Vec<(u32, u32)>> = crate::par::map(&corpus.terms, |sentences| term_counts(sentences));
    let mut df: FxHashMap<u32, u32> = FxHashMap::default();
    for article in &counts {
        for &(term, _) in article {
            *df.entry(term).or_default() += 1;
        }
    }
    let articles = counts.len() as f32;
    crate::par::map(&counts, |article| {
        let mut vector: Sparse = article
            .iter()
            .filter(|(term, _)| df[term] > 1)
            .map(|&(term, count)| {
                let idf = (1.0 + articles / df[&term] as f32).ln();
                (term, (1.0 + (count as f32).ln()) * idf)
            })
            .collect();
        let norm = vector.iter().map(|(_, weight)| weight * weight).sum::<f32>().sqrt();
        if norm > 0.0 {
            vector.iter_mut().for_each(|(_, weight)| *weight /= norm);
        }
        vector
    })
}

/// How many sentences of an article use each term, sorted by term.
fn term_counts(sentences: &[Vec<u32>]) -> Vec<(u32, u32)> {
    let mut all: Vec<u32> = sentences.iter().flatten().copied().collect();
    all.sort_unstable();
    let mut out: Vec<(u32, u32)> = Vec::new();
    for term in all {
        match out.last_mut() {
            Some((last, count)) if *last == term => *count += 1,
            _ => out.push((term, 1)),
        }
    }
    out
}

/// An article's [`SIGNATURE`] heaviest terms (ties by id), sorted by id.
fn signature(vector: &Sparse) -> Vec<u32> {
    let mut by_weight: Vec<(u32, f32)> = vector.clone();
    by_weight.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    let mut terms: Vec<u32> = by_weight.into_iter().take(SIGNATURE).map(|(term, _)| term).collect();
    terms.sort_unstable();
    terms
}

/// Every pair of a few articles.
fn all_pairs(articles: usize) -> Vec<(u32, u32)> {
    (0..articles as u32).flat_map(|a| (a + 1..articles as u32).map(move |b| (a, b))).collect()
}

/// Article pairs that share a signature term, each once: all pairs of a
/// short posting list, a window of followers in a long one.
fn candidate_pairs(signatures: &[Vec<u32>]) -> Vec<(u32, u32)> {
    let mut postings: FxHashMap<u32, Vec<u32>> = FxHashMap::default();
    for (article, terms) in signatures.iter().enumerate() {
        for &term in terms {
            postings.entry(term).or_default().push(article as u32);
        }
    }
    let mut pairs: Vec<(u32, u32)> = Vec::new();
    for list in postings.values() {
        for (index, &a) in list.iter().enumerate() {
            let end = if list.len() <= WINDOW { list.len() } else { (index + 1 + WINDOW / 2).min(list.len()) };
            pairs.extend(list[index + 1..end].iter().map(|&b| (a, b)));
        }
    }
    pairs.sort_unstable();
    pairs.dedup();
    pairs
}

fn cosine(a: &Sparse, b: &Sparse) -> f32 {
    let (mut i, mut j, mut sum) = (0, 0, 0.0);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                sum += a[i].1 * b[j].1;
                i += 1;
                j += 1;
            }
        }
    }
    sum
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_few_articles_are_compared_all_pairs() {
        let corpus = Corpus::build(&crate::fixture::sample().articles);
        let related = Related::of(&corpus);
        assert_eq!(
            related.article_pairs(),
            vec![(0, 1), (0, 2), (0, 3), (0, 4), (1, 2), (1, 3), (1, 4), (2, 3), (2, 4), (3, 4)]
        );
    }

    #[test]
    fn each_article_keeps_its_nearest_and_every_close_pair() {
        // Article 0 is close to 1 (0.5), and has 20 faint partners.
        let mut scored = vec![(0, 1, 0.5)];
        scored.extend((2..22).map(|b| (0, b, 0.01 * b as f32)));
        scored.push((3, 4, 0.0));
        let kept = nearest(22, scored);
        assert!(kept.contains(&(0, 1, 0.5)));
        // Every faint partner keeps article 0 as its own nearest.
        assert_eq!(kept.len(), 21);
        assert!(!kept.iter().any(|&(a, b, _)| (a, b) == (3, 4)));
    }

    #[test]
    fn a_common_term_gives_a_window_of_pairs_a_rare_one_all() {
        let common: Vec<Vec<u32>> = (0..100).map(|_| vec![7]).collect();
        let pairs = candidate_pairs(&common);
        assert!(pairs.iter().all(|&(a, b)| b > a && b - a <= (WINDOW / 2) as u32));
        let rare: Vec<Vec<u32>> = (0..10).map(|_| vec![7]).collect();
        assert_eq!(candidate_pairs(&rare).len(), 45);
    }
}
