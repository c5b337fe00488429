//! Candidate search: which sentence pairs (from different articles) share
//! enough terms to be worth scoring. An inverted index over content terms
//! makes the cost follow the posting lists (the amount of text and of real
//! overlap), not the number of article pairs.
//!
//! The search is exact with respect to [`MIN_SHARED_TERMS`]: every pair of
//! sentences from different articles that shares at least that many weighted
//! terms is returned, which [`brute_force`] checks in the tests.

use super::score::{Corpus, SentenceRef};

/// A pair must share at least this many content terms to be compared.
pub const MIN_SHARED_TERMS: usize = 3;

/// All pairs `(a, b)` with `a < b` (by article, then sentence), from
/// different articles, sharing at least [`MIN_SHARED_TERMS`] terms; sorted.
pub fn candidates(corpus: &Corpus) -> Vec<(SentenceRef, SentenceRef)> {
    // Flatten sentences to global ids, in (article, sentence) order.
    let mut refs: Vec<SentenceRef> = Vec::new();
    let mut article_of: Vec<u32> = Vec::new();
    for (a, sents) in corpus.terms.iter().enumerate() {
        for s in 0..sents.len() {
            refs.push((a, s));
            article_of.push(a as u32);
        }
    }
    let n_terms = corpus.weight.len();
    let mut postings: Vec<Vec<u32>> = vec![Vec::new(); n_terms];
    for (g, &(a, s)) in refs.iter().enumerate() {
        for &t in &corpus.terms[a][s] {
            postings[t as usize].push(g as u32);
        }
    }
    let n = refs.len();
    // Each sentence looks forward through the posting lists of its terms and
    // counts how many terms it shares with each later sentence.
    let per_sentence: Vec<Vec<u32>> = crate::par::map_range(n.div_ceil(256), |block| {
        let mut counts: Vec<u16> = vec![0; n];
        let mut touched: Vec<u32> = Vec::new();
        let mut out = Vec::new();
        for g in block * 256..((block + 1) * 256).min(n) {
            let (a, s) = refs[g];
            let art = article_of[g];
            for &t in &corpus.terms[a][s] {
                let list = &postings[t as usize];
                let from = list.partition_point(|&x| x <= g as u32);
                for &h in &list[from..] {
                    if article_of[h as usize] == art {
                        continue;
                    }
                    let c = &mut counts[h as usize];
                    if *c == 0 {
                        touched.push(h);
                    }
                    *c = c.saturating_add(1);
                }
            }
            touched.sort_unstable();
            for &h in &touched {
                if counts[h as usize] as usize >= MIN_SHARED_TERMS {
                    out.push(g as u32);
                    out.push(h);
                }
                counts[h as usize] = 0;
            }
            touched.clear();
        }
        out
    });
    let mut pairs = Vec::new();
    for block in per_sentence {
        for p in block.chunks_exact(2) {
            pairs.push((refs[p[0] as usize], refs[p[1] as usize]));
        }
    }
    pairs
}

/// Every pair compared directly: the reference the index must agree with.
pub fn brute_force(corpus: &Corpus) -> Vec<(SentenceRef, SentenceRef)> {
    let mut pairs = Vec::new();
    for a in 0..corpus.terms.len() {
        for s in 0..corpus.terms[a].len() {
            for b in a + 1..corpus.terms.len() {
                for t in 0..corpus.terms[b].len() {
                    if corpus.score(corpus.sentence((a, s)), corpus.sentence((b, t))).n_shared >= MIN_SHARED_TERMS {
                        pairs.push(((a, s), (b, t)));
                    }
                }
            }
        }
    }
    pairs
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::{Source, parse_all};

    fn corpus(texts: &[String]) -> Corpus {
        let sources: Vec<Source> = texts
            .iter()
            .enumerate()
            .map(|(i, t)| Source {
                path: format!("{i}"),
                stem: format!("a{i}"),
                bytes: t.as_bytes().to_vec(),
                truncated_from: None,
            })
            .collect();
        Corpus::build(&parse_all(&sources).articles)
    }

    #[test]
    fn index_agrees_with_brute_force_on_the_sample() {
        let arts = crate::ingest::load(&[]).unwrap().articles;
        let c = Corpus::build(&arts);
        assert_eq!(candidates(&c), brute_force(&c));
        assert!(!candidates(&c).is_empty());
    }

    #[test]
    fn index_agrees_with_brute_force_on_generated_text() {
        let vocab = [
            "alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india", "juliet", "kilo", "lima",
        ];
        let mut seed = 7u64;
        let mut next = || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        let texts: Vec<String> = (0..6)
            .map(|_| {
                (0..12)
                    .map(|_| {
                        let n = 3 + (next() % 6) as usize;
                        let words: Vec<&str> = (0..n).map(|_| vocab[(next() % vocab.len() as u64) as usize]).collect();
                        format!("{}.", words.join(" "))
                    })
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect();
        let c = corpus(&texts);
        let fast = candidates(&c);
        assert_eq!(fast, brute_force(&c));
        assert!(!fast.is_empty());
    }

    #[test]
    fn same_article_pairs_are_never_candidates() {
        let c = corpus(&[
            "Driscoll Kyiv delegation arrived. Driscoll Kyiv delegation left.".into(),
            "Nothing here.".into(),
        ]);
        assert!(candidates(&c).is_empty());
    }
}
