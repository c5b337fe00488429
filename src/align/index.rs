//! Candidate search: which sentence pairs (from different articles) are
//! worth scoring. Sentences are compared only between related articles
//! (all pairs of a few, each article's nearest in a larger pile: see
//! [`super::related`]); within a pair of articles, a join of their term
//! lists sums, for every sentence pair, the weight and number of the terms
//! it shares, so that only pairs that can pass are verified.
//!
//! Every pair the thresholds can accept shares at least [`MIN_SHARED_TERMS`]
//! terms, and shares at least a fraction `min_share` of the lighter
//! sentence's term weight. The join computes both exactly (the shared
//! weight summed in the order [`Corpus::score`] sums it), so the search is
//! exact for the article pairs it is given: [`brute_force`] gives the same
//! pairs (the tests check it).

use super::score::{Corpus, SentenceRef};

/// A pair must share at least this many content terms to be compared.
pub const MIN_SHARED_TERMS: usize = 3;

/// Finds every pair `(a, b)`, `a < b`, from different articles, for which
/// `verify` returns a result, comparing every pair of articles. `min_share`
/// must be a lower bound, valid for every pair `verify` accepts, on shared
/// weight over the lighter sentence's weight. Results are sorted by pair.
pub fn search<T: Send>(
    corpus: &Corpus,
    min_share: f32,
    verify: impl Fn(SentenceRef, SentenceRef) -> Option<T> + Sync,
) -> Vec<(SentenceRef, SentenceRef, T)> {
    let articles = corpus.terms.len();
    let pairs: Vec<(usize, usize)> = (0..articles).flat_map(|a| (a + 1..articles).map(move |b| (a, b))).collect();
    search_pairs(corpus, &pairs, min_share, verify)
}

/// [`search`] over the sentences of the given article pairs `(a, b)`,
/// `a < b`, only.
pub fn search_pairs<T: Send>(
    corpus: &Corpus,
    pairs: &[(usize, usize)],
    min_share: f32,
    verify: impl Fn(SentenceRef, SentenceRef) -> Option<T> + Sync,
) -> Vec<(SentenceRef, SentenceRef, T)> {
    let tables: Vec<TermTable> = crate::par::map_range(corpus.terms.len(), |article| TermTable::of(corpus, article));
    let found: Vec<Vec<(SentenceRef, SentenceRef, T)>> = crate::par::map(pairs, |&(a, b)| {
        candidates(corpus, &tables[a], &tables[b], min_share)
            .into_iter()
            .filter_map(|(x, y)| verify((a, x), (b, y)).map(|result| ((a, x), (b, y), result)))
            .collect()
    });
    let mut all: Vec<(SentenceRef, SentenceRef, T)> = found.into_iter().flatten().collect();
    all.sort_by_key(|&(x, y, _)| (x, y));
    all.dedup_by_key(|&mut (x, y, _)| (x, y));
    all
}

/// One article's terms, each with the sentences that use it, and each
/// sentence's term weight.
struct TermTable {
    /// (term, sentence), sorted.
    uses: Vec<(u32, u32)>,
    mass: Vec<f32>,
}

impl TermTable {
    fn of(corpus: &Corpus, article: usize) -> TermTable {
        let sentences = &corpus.terms[article];
        let mut uses: Vec<(u32, u32)> = sentences
            .iter()
            .enumerate()
            .flat_map(|(sentence, terms)| terms.iter().map(move |&term| (term, sentence as u32)))
            .collect();
        uses.sort_unstable();
        TermTable { uses, mass: sentences.iter().map(|terms| corpus.mass(terms)).collect() }
    }

    /// The run of `uses` from `start` with the same term, and where it ends.
    fn run(&self, start: usize) -> (u32, &[(u32, u32)]) {
        let term = self.uses[start].0;
        let end = start + self.uses[start..].partition_point(|&(t, _)| t == term);
        (term, &self.uses[start..end])
    }
}

/// The sentence pairs of two articles that share at least
/// [`MIN_SHARED_TERMS`] terms and `min_share` of the lighter one's weight.
fn candidates(corpus: &Corpus, a: &TermTable, b: &TermTable, min_share: f32) -> Vec<(usize, usize)> {
    let columns = b.mass.len();
    let mut shared: Vec<(f32, u16)> = vec![(0.0, 0); a.mass.len() * columns];
    let (mut i, mut j) = (0, 0);
    while i < a.uses.len() && j < b.uses.len() {
        let (term_a, run_a) = a.run(i);
        let (term_b, run_b) = b.run(j);
        match term_a.cmp(&term_b) {
            std::cmp::Ordering::Less => i += run_a.len(),
            std::cmp::Ordering::Greater => j += run_b.len(),
            std::cmp::Ordering::Equal => {
                let weight = corpus.weight[term_a as usize];
                for &(_, x) in run_a {
                    for &(_, y) in run_b {
                        let cell = &mut shared[x as usize * columns + y as usize];
                        cell.0 += weight;
                        cell.1 = cell.1.saturating_add(1);
                    }
                }
                i += run_a.len();
                j += run_b.len();
            }
        }
    }
    // A hair of slack: verification decides on the exact ratio.
    let bound = min_share * (1.0 - 1e-5);
    shared
        .iter()
        .enumerate()
        .filter(|(cell, (weight, count))| {
            let (x, y) = (cell / columns, cell % columns);
            usize::from(*count) >= MIN_SHARED_TERMS && *weight >= bound * a.mass[x].min(b.mass[y])
        })
        .map(|(cell, _)| (cell / columns, cell % columns))
        .collect()
}

/// Every pair compared directly: the reference the index must agree with.
pub fn brute_force<T>(
    corpus: &Corpus,
    verify: impl Fn(SentenceRef, SentenceRef) -> Option<T>,
) -> Vec<(SentenceRef, SentenceRef, T)> {
    let mut out = Vec::new();
    for a in 0..corpus.terms.len() {
        for s in 0..corpus.terms[a].len() {
            for b in a + 1..corpus.terms.len() {
                for t in 0..corpus.terms[b].len() {
                    if let Some(r) = verify((a, s), (b, t)) {
                        out.push(((a, s), (b, t), r));
                    }
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::align::Thresholds;
    use crate::fixture;

    fn corpus(texts: &[String]) -> Corpus {
        Corpus::build(&fixture::articles(texts))
    }

    /// Index and brute force agree, with the real thresholds and with a
    /// looser verifier that accepts any pair the bounds allow.
    fn agree(c: &Corpus) -> usize {
        let th = Thresholds::default();
        let accept = |a, b| th.verify(c, a, b);
        let fast: Vec<_> = search(c, th.min_share(), accept).into_iter().map(|(a, b, _)| (a, b)).collect();
        let slow: Vec<_> = brute_force(c, accept).into_iter().map(|(a, b, _)| (a, b)).collect();
        assert_eq!(fast, slow);
        let loose = |a: SentenceRef, b: SentenceRef| {
            let s = c.score(c.sentence(a), c.sentence(b));
            (s.n_shared >= MIN_SHARED_TERMS && s.containment >= th.min_share()).then_some(())
        };
        let fast: Vec<_> = search(c, th.min_share(), loose).into_iter().map(|(a, b, _)| (a, b)).collect();
        let slow: Vec<_> = brute_force(c, loose).into_iter().map(|(a, b, _)| (a, b)).collect();
        assert_eq!(fast, slow);
        fast.len()
    }

    #[test]
    fn index_agrees_with_brute_force_on_the_sample() {
        let arts = fixture::sample().articles;
        assert!(agree(&Corpus::build(&arts)) > 0);
    }

    #[test]
    fn index_agrees_with_brute_force_on_generated_text() {
        let vocab = [
            "alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india", "juliet", "kilo",
            "lima", "Mike", "November", "Oscar", "Papa",
        ];
        let mut seed = 7u64;
        let mut next = || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        let texts: Vec<String> = (0..8)
            .map(|_| {
                (0..15)
                    .map(|_| {
                        let n = 3 + (next() % 8) as usize;
                        let words: Vec<&str> = (0..n).map(|_| vocab[(next() % vocab.len() as u64) as usize]).collect();
                        format!("{}.", words.join(" "))
                    })
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect();
        assert!(agree(&corpus(&texts)) > 0);
    }

    #[test]
    fn same_article_pairs_are_never_candidates() {
        let c = corpus(&[
            "Driscoll Kyiv delegation arrived. Driscoll Kyiv delegation left.".into(),
            "Nothing here.".into(),
        ]);
        assert!(search(&c, 0.0, |_, _| Some(())).is_empty());
    }
}
