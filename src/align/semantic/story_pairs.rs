//! Every sentence pair of one story scored at once: the cosines of its
//! comparable units come from one matrix product per block of sentences
//! (against the sentences of later articles only), the words they share
//! from postings of the story's terms, and the rest of the score from
//! each unit's background, norm and kind read once. Gives what scoring each
//! pair with [`Evidence::score`] gives, but for the cosines' last bit (see
//! [`crate::embed::dot_products`]).

use std::ops::Range;

use rustc_hash::FxHashMap;

use super::{Evidence, SemanticThresholds, Unit, same_quote};
use crate::align::score::SentenceRef;
use crate::embed::{DIM, dot_products};

/// Units per matrix product: a block of sentences against the rest of
/// its story (a story of 12,000 units needs about 12 MB per block).
const BLOCK_UNITS: usize = 256;

/// One story's comparable units, in sentence order, ready to be compared.
struct StoryTable {
    /// The story's sentences that have a vector, in article order.
    sentences: Vec<SentenceRef>,
    /// `of_sentence[k]`: the rows of `sentences[k]`'s comparable units.
    of_sentence: Vec<Range<usize>>,
    /// Each row's unit (an index into [`super::Units::units`]).
    unit: Vec<usize>,
    /// Each row's vector.
    matrix: Vec<f32>,
    /// Each row's background, whether it is a clause (1) or the whole
    /// sentence (0), and the norm of its term weights.
    background: Vec<f32>,
    clause: Vec<f32>,
    norm: Vec<f32>,
    /// Each term the rows use: the rows using it, ascending.
    postings: FxHashMap<u32, Vec<u32>>,
}

/// The pairs of one story's sentences from different articles whose best
/// unit pair scores at least `th.accept`.
pub(super) fn story_matches(
    evidence: &Evidence,
    sentences: Vec<SentenceRef>,
    th: &SemanticThresholds,
) -> Vec<(SentenceRef, SentenceRef, f32)> {
    let table = StoryTable::new(evidence, sentences);
    table.blocks().into_iter().flat_map(|block| table.block_matches(evidence, block, th)).collect()
}

impl StoryTable {
    fn new(evidence: &Evidence, sentences: Vec<SentenceRef>) -> StoryTable {
        let units = evidence.units;
        let mut table = StoryTable {
            sentences: Vec::new(),
            of_sentence: Vec::new(),
            unit: Vec::new(),
            matrix: Vec::new(),
            background: Vec::new(),
            clause: Vec::new(),
            norm: Vec::new(),
            postings: FxHashMap::default(),
        };
        for &r in &sentences {
            let start = table.unit.len();
            for i in units.of_sentence[r.0][r.1].clone() {
                if let (true, Some(v)) = (units.units[i].comparable, evidence.vector(i)) {
                    table.unit.push(i);
                    table.matrix.extend_from_slice(v);
                    table.background.push(evidence.background[i]);
                    table.clause.push(f32::from(u8::from(!units.units[i].whole)));
                    table.norm.push(evidence.norm_of(i));
                }
            }
            table.of_sentence.push(start..table.unit.len());
        }
        table.sentences = sentences;
        for (row, &i) in table.unit.iter().enumerate() {
            for &term in &units.units[i].terms {
                table.postings.entry(term).or_default().push(row as u32);
            }
        }
        table
    }

    /// The sentences of each block: consecutive sentences of about
    /// [`BLOCK_UNITS`] units.
    fn blocks(&self) -> Vec<Range<usize>> {
        let mut blocks = Vec::new();
        let mut start = 0;
        for (k, rows) in self.of_sentence.iter().enumerate() {
            if rows.end - self.of_sentence[start].start >= BLOCK_UNITS {
                blocks.push(start..k + 1);
                start = k + 1;
            }
        }
        if start < self.sentences.len() {
            blocks.push(start..self.sentences.len());
        }
        blocks
    }

    /// The first sentence of an article after `article`.
    fn first_after(&self, article: usize) -> usize {
        self.sentences.partition_point(|s| s.0 <= article)
    }

    /// The pairs of a block's sentences with the story's sentences of
    /// later articles whose best unit pair scores at least `th.accept`.
    fn block_matches(
        &self,
        evidence: &Evidence,
        block: Range<usize>,
        th: &SemanticThresholds,
    ) -> Vec<(SentenceRef, SentenceRef, f32)> {
        let first_later = self.first_after(self.sentences[block.start].0);
        if first_later == self.sentences.len() {
            return Vec::new();
        }
        let rows = self.of_sentence[block.start].start..self.of_sentence[block.end - 1].end;
        let columns = self.of_sentence[first_later].start..self.unit.len();
        let cosines = dot_products(&self.matrix[rows.start * DIM..rows.end * DIM], &self.matrix[columns.start * DIM..]);
        let (shared, same_number) = self.shared_terms(evidence, rows.clone(), columns.clone());
        let units = &evidence.units.units;
        let scores = Scores { table: self, units, th, rows: rows.clone(), columns, cosines, shared, same_number };
        let mut out = Vec::new();
        let mut best = vec![f32::NEG_INFINITY; self.sentences.len()];
        // A sentence with no comparable unit matches nothing.
        for k in block.filter(|&k| !self.of_sentence[k].is_empty()) {
            let a = self.sentences[k];
            let later = self.first_after(a.0);
            best[later..].fill(f32::NEG_INFINITY);
            for row in self.of_sentence[k].clone() {
                for (l, range) in self.of_sentence.iter().enumerate().skip(later) {
                    for column in range.clone() {
                        best[l] = best[l].max(scores.at(row, column));
                    }
                }
            }
            let candidates = self.sentences.iter().zip(&self.of_sentence).zip(&best).skip(later);
            for ((&b, _), &score) in candidates.filter(|((_, units), score)| !units.is_empty() && **score >= th.accept)
            {
                out.push((a, b, score));
            }
        }
        out
    }

    /// For each row of `rows` against each of `columns`: the summed squared
    /// weights of the terms they share (in term order, as
    /// [`Evidence::lexical`] sums them) and whether they share a
    /// distinctive number.
    fn shared_terms(&self, evidence: &Evidence, rows: Range<usize>, columns: Range<usize>) -> (Vec<f32>, Vec<bool>) {
        let width = columns.len();
        let mut shared = vec![0.0f32; rows.len() * width];
        let mut same_number = vec![false; rows.len() * width];
        for row in rows.clone() {
            let unit = &evidence.units.units[self.unit[row]];
            let weight = evidence.weights_of(self.unit[row]);
            let line = (row - rows.start) * width;
            for term in &unit.terms {
                let square = weight[*term as usize].powi(2);
                let number = evidence.numbers[self.unit[row]].binary_search(term).is_ok();
                let postings = &self.postings[term];
                let from = postings.partition_point(|&c| (c as usize) < columns.start);
                for &column in &postings[from..] {
                    shared[line + column as usize - columns.start] += square;
                    same_number[line + column as usize - columns.start] |= number;
                }
            }
        }
        (shared, same_number)
    }
}

/// The evidence of a block's rows against the columns of later articles.
struct Scores<'t> {
    table: &'t StoryTable,
    units: &'t [Unit],
    th: &'t SemanticThresholds,
    rows: Range<usize>,
    columns: Range<usize>,
    cosines: Vec<f32>,
    shared: Vec<f32>,
    same_number: Vec<bool>,
}

impl Scores<'_> {
    /// The combined score of a row and a column, computed as
    /// [`super::combined`] computes it.
    fn at(&self, row: usize, column: usize) -> f32 {
        let (t, th) = (self.table, self.th);
        let at = (row - self.rows.start) * self.columns.len() + column - self.columns.start;
        let background = (t.background[row] + t.background[column]) / 2.0;
        let (norm_x, norm_y) = (t.norm[row], t.norm[column]);
        let lexical = if norm_x == 0.0 || norm_y == 0.0 { 0.0 } else { self.shared[at] / (norm_x * norm_y) };
        let clauses = t.clause[row] + t.clause[column];
        let same_quote = self.same_quote(row, column);
        let same_number = self.same_number[at];
        super::weigh(
            th,
            super::Weighed { cosine: self.cosines[at], background, lexical, clauses, same_number, same_quote },
        )
    }

    /// Whether a row and a column quote the same words ([`same_quote`]).
    fn same_quote(&self, row: usize, column: usize) -> bool {
        let (x, y) = (&self.units[self.table.unit[row]], &self.units[self.table.unit[column]]);
        same_quote(x, y)
    }
}

#[cfg(test)]
mod tests {
    use super::super::{Units, matches};
    use super::*;
    use crate::align::{Corpus, Stories};
    use crate::embed::Vectors;
    use crate::fixture;
    use crate::ingest::Article;

    /// A unit vector near one of a few directions: texts of one subject
    /// point the same way, each with a twist of its own, so their cosines
    /// spread around the acceptance line.
    fn vector(text: &str) -> Vec<f32> {
        let seed = text.bytes().fold(17u64, |h, b| h.wrapping_mul(31).wrapping_add(u64::from(b)));
        let subject = text.split_whitespace().last().map_or(0, str::len) % 4;
        let mut state = seed;
        let v: Vec<f32> = (0..DIM)
            .map(|k| {
                state = state.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
                let noise = ((state >> 40) as f32 / (1u64 << 24) as f32) - 0.5;
                noise + if k % 4 == subject { 0.6 } else { 0.0 }
            })
            .collect();
        let norm = v.iter().map(|x| x * x).sum::<f32>().sqrt();
        v.into_iter().map(|x| x / norm).collect()
    }

    /// Six articles in two stories, long enough to need several blocks,
    /// with clauses, numbers and shared words.
    fn pile() -> Vec<Article> {
        let subjects = ["harbour cranes", "river ferry", "coal plant", "city budget"];
        let texts: Vec<String> = (0..6)
            .map(|article| {
                let sentences: Vec<String> = (0..45)
                    .map(|s| {
                        let subject = subjects[(s + article) % 4];
                        match (s + article * 7) % 3 {
                            0 => format!("The {subject} was approved by {} votes on Monday, while critics objected to the {subject}.", 20 + s % 5),
                            1 => format!("Officials said the {subject} would cost {} million, but the council disagreed about it.", 10 + s % 7),
                            _ => format!("Workers at the {subject} protested for the {} time this year near the old {subject}.", ["first", "second", "third"][s % 3]),
                        }
                    })
                    .collect();
                format!("Article {article}\n\n{}", sentences.join(" "))
            })
            .collect();
        fixture::articles(&texts)
    }

    #[test]
    fn story_pairs_agree_with_scoring_every_pair_alone() {
        let arts = pile();
        let corpus = Corpus::build(&arts);
        let units = Units::build(&arts, &corpus);
        let mut vectors = Vectors::default();
        for (_, text) in units.to_encode(&arts) {
            vectors.push(&vector(text));
        }
        let stories = Stories { story: vec![0, 1, 0, 1, 0, 0], members: vec![vec![0, 2, 4, 5], vec![1, 3]] };
        let evidence = Evidence::within(&arts, &corpus, &units, vectors, stories.clone());
        let th = SemanticThresholds { accept: 0.3, ..SemanticThresholds::default() };
        let first_story = [0, 2, 4, 5].iter().flat_map(|&a| (0..arts[a].sentences.len()).map(move |s| (a, s)));
        let table = StoryTable::new(&evidence, first_story.collect());
        assert!(table.blocks().len() > 1, "{} units", table.unit.len());
        let found = matches(&evidence, &th);
        let mut alone = Vec::new();
        for a in (0..arts.len()).flat_map(|x| (0..arts[x].sentences.len()).map(move |s| (x, s))) {
            for b in (a.0 + 1..arts.len()).flat_map(|x| (0..arts[x].sentences.len()).map(move |s| (x, s))) {
                if let Some(score) = evidence.score(a, b, &th).filter(|_| stories.together(a.0, b.0)) {
                    alone.push((a, b, score));
                }
            }
        }
        let accepted: Vec<_> = alone.iter().filter(|p| p.2 >= th.accept).collect();
        assert!(accepted.len() > 20 && accepted.len() < alone.len() / 2, "{} of {}", accepted.len(), alone.len());
        // The same pairs with the same scores, but for the last bit of a
        // cosine at the acceptance line.
        for (a, b, score) in &alone {
            let got = found.iter().find(|p| (p.0, p.1) == (*a, *b));
            match got {
                Some(p) => assert!((p.2 - score).abs() < 1e-5, "{a:?} {b:?}: {} alone {score}", p.2),
                None => assert!(*score < th.accept + 1e-5, "{a:?} {b:?} ({score}) is missing"),
            }
        }
        assert!(found.iter().all(|p| alone.iter().any(|q| (q.0, q.1) == (p.0, p.1) && q.2 > th.accept - 1e-5)));
        assert!(found.windows(2).all(|w| (w[0].0, w[0].1) < (w[1].0, w[1].1)), "sorted by pair");
    }
}
