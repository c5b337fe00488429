//! Sentence similarity: how much of what two sentences are about they share,
//! weighted by how distinctive each shared term is in the whole set of
//! articles. "The war in Ukraine" is in every report and weighs little;
//! "Driscoll" or "Zakharova" weigh a lot.

use super::terms::Vocabulary;
use crate::ingest::Article;

/// Terms occurring in more sentences than this are ignored when comparing
/// (they say nothing distinctive); also what keeps the candidate index's
/// posting lists short on large corpora.
pub const MAX_DF: u32 = 400;

/// A global sentence address: (article index, sentence index).
pub type SentenceRef = (usize, usize);

/// The content terms of every sentence of a set of articles, with weights.
#[derive(Debug, Default, Clone)]
pub struct Corpus {
    pub vocab: Vocabulary,
    /// `terms[article][sentence]`: sorted term ids (weight > 0 only).
    pub terms: Vec<Vec<Vec<u32>>>,
    /// Weight of each term id (0 for terms above [`MAX_DF`]).
    pub weight: Vec<f32>,
    /// `words[article][sentence]`: hashes of the folded words, in order,
    /// for finding runs of words copied verbatim.
    pub words: Vec<Vec<Vec<u64>>>,
}

/// How two term sets compare.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Score {
    /// Summed weight of the shared terms.
    pub shared: f32,
    /// Shared weight relative to both sides (weighted Dice, 0..=1).
    pub dice: f32,
    /// Shared weight relative to the lighter side (0..=1).
    pub containment: f32,
    /// Number of shared terms.
    pub n_shared: usize,
}

fn hash_word(w: &str) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    crate::text::words::fold(w).hash(&mut h);
    h.finish()
}

/// Length of the longest run of equal items in `a` and `b` (a copied phrase).
pub fn longest_run(a: &[u64], b: &[u64]) -> usize {
    if a.is_empty() || b.is_empty() {
        return 0;
    }
    let mut prev = vec![0u16; b.len() + 1];
    let mut cur = vec![0u16; b.len() + 1];
    let mut best = 0;
    for &x in a {
        for (j, &y) in b.iter().enumerate() {
            cur[j + 1] = if x == y { prev[j].saturating_add(1) } else { 0 };
            best = best.max(cur[j + 1]);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    best as usize
}

impl Corpus {
    /// Extracts and weighs the terms of every sentence.
    pub fn build(articles: &[Article]) -> Corpus {
        // Term extraction (stemming) is the costly part and runs in parallel;
        // interning runs in order so ids never depend on thread timing.
        // Per sentence: its terms (as text) and its folded-word hashes.
        type Features = (Vec<String>, Vec<u64>);
        let raw: Vec<Vec<Features>> = crate::par::map(articles, |a| {
            (0..a.sentences.len())
                .map(|i| {
                    let ws: Vec<&str> = crate::text::words::words(a.sentence(i)).map(|(_, w)| w).collect();
                    let mut t: Vec<String> = ws.iter().filter_map(|w| super::terms::term(w)).collect();
                    t.sort_unstable();
                    t.dedup();
                    (t, ws.iter().map(|w| hash_word(w)).collect())
                })
                .collect()
        });
        let words: Vec<Vec<Vec<u64>>> = raw.iter().map(|a| a.iter().map(|(_, w)| w.clone()).collect()).collect();
        let mut vocab = Vocabulary::default();
        let mut terms: Vec<Vec<Vec<u32>>> =
            raw.iter().map(|a| a.iter().map(|(t, _)| vocab.intern_terms(t)).collect()).collect();
        let weight: Vec<f32> = (0..vocab.len() as u32)
            .map(|id| if vocab.df[id as usize] > MAX_DF { 0.0 } else { vocab.idf(id) })
            .collect();
        for a in &mut terms {
            for s in a {
                s.retain(|&t| weight[t as usize] > 0.0);
            }
        }
        Corpus { vocab, terms, weight, words }
    }

    /// Term ids of arbitrary text, for terms this corpus knows (no counting).
    pub fn lookup(&self, text: &str) -> Vec<u32> {
        let mut ids: Vec<u32> = crate::text::words::words(text)
            .filter_map(|(_, w)| super::terms::term(w))
            .filter_map(|t| self.vocab.id(&t))
            .filter(|&id| self.weight[id as usize] > 0.0)
            .collect();
        ids.sort_unstable();
        ids.dedup();
        ids
    }

    /// The longest run of words two sentences share verbatim.
    pub fn run(&self, a: SentenceRef, b: SentenceRef) -> usize {
        longest_run(&self.words[a.0][a.1], &self.words[b.0][b.1])
    }

    pub fn sentence(&self, r: SentenceRef) -> &[u32] {
        &self.terms[r.0][r.1]
    }

    pub fn mass(&self, terms: &[u32]) -> f32 {
        terms.iter().map(|&t| self.weight[t as usize]).sum()
    }

    /// Compares two sorted term sets.
    pub fn score(&self, a: &[u32], b: &[u32]) -> Score {
        let (mut i, mut j) = (0, 0);
        let mut shared = 0.0;
        let mut n_shared = 0;
        while i < a.len() && j < b.len() {
            match a[i].cmp(&b[j]) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    shared += self.weight[a[i] as usize];
                    n_shared += 1;
                    i += 1;
                    j += 1;
                }
            }
        }
        let (ma, mb) = (self.mass(a), self.mass(b));
        if ma == 0.0 || mb == 0.0 {
            return Score::default();
        }
        Score { shared, dice: 2.0 * shared / (ma + mb), containment: shared / ma.min(mb), n_shared }
    }
}

/// Sorted union of two sorted term sets.
pub fn union(a: &[u32], b: &[u32]) -> Vec<u32> {
    let mut out = Vec::with_capacity(a.len() + b.len());
    out.extend_from_slice(a);
    out.extend_from_slice(b);
    out.sort_unstable();
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::{Source, parse};

    fn corpus(texts: &[&str]) -> (Vec<Article>, Corpus) {
        let arts: Vec<Article> = texts
            .iter()
            .enumerate()
            .map(|(i, t)| {
                parse(&Source {
                    path: format!("{i}"),
                    stem: format!("{i}"),
                    bytes: t.as_bytes().to_vec(),
                    truncated_from: None,
                })
                .unwrap()
            })
            .collect();
        let c = Corpus::build(&arts);
        (arts, c)
    }

    #[test]
    fn identical_sentences_score_one() {
        let (_, c) = corpus(&["Driscoll flew to Kyiv. Rain fell.", "Driscoll flew to Kyiv. Snow fell."]);
        let s = c.score(c.sentence((0, 0)), c.sentence((1, 0)));
        assert!((s.dice - 1.0).abs() < 1e-6);
        assert_eq!(s.n_shared, 3);
    }

    #[test]
    fn common_terms_weigh_less_than_rare_ones() {
        let (_, c) = corpus(&[
            "The war in Ukraine goes on. The war in Ukraine is long. Zakharova spoke about the war.",
            "The war in Ukraine, Zakharova said, is costly.",
        ]);
        let war = c.vocab.id("~war").unwrap();
        let zak = c.vocab.id("zakharova").unwrap();
        assert!(c.weight[zak as usize] > c.weight[war as usize]);
    }

    #[test]
    fn unrelated_sentences_share_nothing() {
        let (_, c) = corpus(&["Markets rallied on Friday.", "The ferry sank near the coast."]);
        let s = c.score(c.sentence((0, 0)), c.sentence((1, 0)));
        assert_eq!(s.n_shared, 0);
        assert_eq!(s.dice, 0.0);
    }

    #[test]
    fn union_merges_sorted_sets() {
        assert_eq!(union(&[1, 3, 5], &[2, 3, 6]), [1, 2, 3, 5, 6]);
    }
}
