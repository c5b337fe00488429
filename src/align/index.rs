//! Candidate search: which sentence pairs (from different articles) are
//! worth scoring. An inverted index over content terms, probed with prefix
//! filtering, makes the cost follow the amount of text and of real overlap,
//! not the number of article pairs.
//!
//! Every pair the thresholds can accept shares at least [`MIN_SHARED_TERMS`]
//! terms, and shares at least a fraction `min_share` of the lighter
//! sentence's term weight. So if a sentence's terms are ordered rarest
//! first, a partner must share one of them outside the sentence's last two
//! terms, and outside the run of commonest terms holding less than
//! `min_share` of its weight. Each sentence therefore probes the index only
//! with that prefix, which leaves out the common terms whose posting lists
//! are long. The search is exact: [`brute_force`] gives the same pairs (the
//! tests check it).

use rayon::prelude::*;

use super::score::{Corpus, SentenceRef};

/// A pair must share at least this many content terms to be compared.
pub const MIN_SHARED_TERMS: usize = 3;

/// Sentences probed per parallel work unit.
const BLOCK: usize = 512;

/// How many of a sentence's terms, taken rarest first, it probes with: all
/// but its last `MIN_SHARED_TERMS - 1`, and all but the tail holding less
/// than `min_share` of its weight. `suffix[i]` is the weight of the terms
/// from position `i` on.
fn prefix_len(suffix: &[f32], min_share: f32) -> usize {
    let k = suffix.len() - 1;
    if k < MIN_SHARED_TERMS {
        return 0;
    }
    let by_count = k - (MIN_SHARED_TERMS - 1);
    // The shortest prefix whose left-out tail weighs less than min_share.
    let by_mass = (0..=k).find(|&i| suffix[i] < min_share * suffix[0]).unwrap_or(k);
    by_count.min(by_mass)
}

/// Finds every pair `(a, b)`, `a < b`, from different articles, for which
/// `verify` returns a result, probing only pairs the prefix filter allows
/// (see the module comment). `min_share` must be a lower bound, valid for
/// every pair `verify` accepts, on shared weight over the lighter sentence's
/// weight. Results are sorted by pair.
///
/// Positional filtering prunes further: terms are in one global order
/// (rarest first), so when a probe first meets a partner through a term at
/// position `i` in the probing sentence and `j` in the partner, every shared
/// term lies at or after those positions, which bounds both the number and
/// the weight of shared terms.
pub fn search<T: Send>(
    corpus: &Corpus,
    min_share: f32,
    verify: impl Fn(SentenceRef, SentenceRef) -> Option<T> + Sync,
) -> Vec<(SentenceRef, SentenceRef, T)> {
    let w = &corpus.weight;
    let mut refs: Vec<SentenceRef> = Vec::new();
    for (a, sents) in corpus.terms.iter().enumerate() {
        refs.extend((0..sents.len()).map(|s| (a, s)));
    }
    let n = refs.len();
    // Each sentence's terms rarest first (ties by id: one order for all),
    // and the weight from each position on.
    let ordered: Vec<(Vec<u32>, Vec<f32>)> = refs
        .par_iter()
        .map(|&r| {
            let mut t = corpus.sentence(r).to_vec();
            t.sort_by(|&a, &b| w[b as usize].total_cmp(&w[a as usize]).then(a.cmp(&b)));
            let mut suffix = vec![0.0f32; t.len() + 1];
            for i in (0..t.len()).rev() {
                suffix[i] = suffix[i + 1] + w[t[i] as usize];
            }
            (t, suffix)
        })
        .collect();
    let mut postings: Vec<Vec<(u32, u32)>> = vec![Vec::new(); w.len()];
    for (g, (terms, _)) in ordered.iter().enumerate() {
        for (j, &t) in terms.iter().enumerate() {
            postings[t as usize].push((g as u32, j as u32));
        }
    }
    const UNSEEN: u8 = 0;
    const CANDIDATE: u8 = 1;
    const PRUNED: u8 = 2;
    let blocks: Vec<Vec<(u32, u32, T)>> = (0..n.div_ceil(BLOCK))
        .into_par_iter()
        .map(|block| {
            let mut state: Vec<u8> = vec![UNSEEN; n];
            let mut touched: Vec<u32> = Vec::new();
            let mut out = Vec::new();
            for g in block * BLOCK..((block + 1) * BLOCK).min(n) {
                let a = refs[g].0;
                let (terms, suffix) = &ordered[g];
                let kg = terms.len();
                for (i, &t) in terms[..prefix_len(suffix, min_share)].iter().enumerate() {
                    for &(h, j) in &postings[t as usize] {
                        let hi = h as usize;
                        if state[hi] != UNSEEN || refs[hi].0 == a {
                            continue;
                        }
                        touched.push(h);
                        let (hterms, hsuffix) = &ordered[hi];
                        let j = j as usize;
                        let most_terms = (kg - i).min(hterms.len() - j);
                        let most_weight = suffix[i].min(hsuffix[j]);
                        let lighter = suffix[0].min(hsuffix[0]);
                        state[hi] = if most_terms < MIN_SHARED_TERMS || most_weight < min_share * lighter {
                            PRUNED
                        } else {
                            CANDIDATE
                        };
                    }
                }
                for &h in &touched {
                    let hi = h as usize;
                    if state[hi] == CANDIDATE {
                        let (x, y) = if g < hi { (g, hi) } else { (hi, g) };
                        if let Some(r) = verify(refs[x], refs[y]) {
                            out.push((x as u32, y as u32, r));
                        }
                    }
                    state[hi] = UNSEEN;
                }
                touched.clear();
            }
            out
        })
        .collect();
    let mut all: Vec<(u32, u32, T)> = blocks.into_iter().flatten().collect();
    // A pair may be found from both of its sentences.
    all.sort_by_key(|&(x, y, _)| (x, y));
    all.dedup_by_key(|&mut (x, y, _)| (x, y));
    all.into_iter().map(|(x, y, r)| (refs[x as usize], refs[y as usize], r)).collect()
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

    #[test]
    fn prefix_leaves_out_the_commonest_terms() {
        // Weights rarest first 5, 4, 3, 1, 0.5: suffix sums from each position.
        let suffix = [13.5, 8.5, 4.5, 1.5, 0.5, 0.0];
        // The last two go: 3 terms probe.
        assert_eq!(prefix_len(&suffix, 0.0), 3);
        // A tail under 40% of 13.5 = 5.4 goes too: 4.5 from position 2 on.
        assert_eq!(prefix_len(&suffix, 0.4), 2);
        assert_eq!(prefix_len(&[3.0, 1.0, 0.0], 0.0), 0);
    }
}
