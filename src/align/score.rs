//! Sentence similarity: how much of what two sentences are about they share,
//! weighted by how distinctive each shared term is in the whole set of
//! articles. "The war in Ukraine" is in every report and weighs little;
//! "Driscoll" or "Zakharova" weigh a lot.

use super::terms::Vocabulary;
use crate::ingest::Article;

/// The timeline's merging looks mentions up only by terms used in at most
/// this share of the sentences (and at least [`MIN_DISTINCTIVE_DF`]): it
/// finds the events a mention may join through every term it holds, and a
/// term this common would make that quadratic. Sentence matching weighs
/// every term by its idf and leaves none out.
pub const DISTINCTIVE_DF_SHARE: f64 = 0.005;
pub const MIN_DISTINCTIVE_DF: u32 = 400;

/// A global sentence address: (article index, sentence index).
pub type SentenceRef = (usize, usize);

/// The content terms of every sentence of a set of articles, with weights.
#[derive(Debug, Default, Clone)]
pub struct Corpus {
    pub vocab: Vocabulary,
    /// `terms[article][sentence]`: sorted term ids (weight > 0 only).
    pub terms: Vec<Vec<Vec<u32>>>,
    /// Weight of each term id: its idf.
    pub weight: Vec<f32>,
    /// `words[article][sentence]`: hashes of the folded words, in order,
    /// for finding runs of words copied verbatim.
    pub words: Vec<Vec<Vec<u64>>>,
    /// `names[article][sentence]`: term ids of the names a sentence
    /// mentions (capitalised words inside the sentence), sorted.
    pub names: Vec<Vec<Vec<u32>>>,
    /// `clauses[article][sentence]`: for a long sentence, the sorted term
    /// ids of each of its clauses (empty for short sentences), so that a
    /// report inside a longer sentence can be matched on its own.
    pub clauses: Vec<Vec<Vec<Vec<u32>>>>,
    /// The term of every word form the articles use (`None`: says
    /// nothing), so that looking text up never stems a known word again.
    pub surfaces: rustc_hash::FxHashMap<String, Option<u32>>,
}

/// Sentences of at least this many words have their clauses compared too.
pub const LONG_SENTENCE_WORDS: usize = 18;

/// A capitalised word inside a sentence (not its first word): a name of a
/// person, place or body, or an acronym. Calendar words and sentence
/// openers are not names.
pub(crate) fn is_name(word: &str, first: bool) -> bool {
    use crate::text::lexicon::{is_sentence_starter, is_stopword, month_number, weekday_number};
    // Initials ("K.", "A.K") are written too many ways to tell names apart.
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    !first
        && letters > 2
        && crate::text::words::is_capitalised(word)
        && month_number(word).is_none()
        && weekday_number(word).is_none()
        && !is_sentence_starter(word)
        && !crate::text::lexicon::with_lowercase(word, is_stopword)
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
    /// Shared weight in units of one rare term (see [`Corpus::unit`]): about
    /// how many distinctive terms the two share, whatever the corpus size.
    pub rare: f32,
}

/// A word's folded form as a hash: what runs of copied words and word
/// diffs compare (integers compare and hash cheaply; a collision of 64-bit
/// hashes is not a concern here).
pub(crate) fn hash_word(w: &str) -> u64 {
    hash_folded(&crate::text::words::fold(w))
}

/// The hash of a word already folded ([`crate::text::words::fold`]): what
/// [`hash_word`] gives for any spelling of it.
pub(crate) fn hash_folded(folded: &str) -> u64 {
    use std::hash::BuildHasher;
    rustc_hash::FxBuildHasher.hash_one(folded)
}

thread_local! {
    /// Two DP rows, reused: these run for millions of candidate pairs.
    static ROWS: std::cell::RefCell<(Vec<u16>, Vec<u16>)> = const { std::cell::RefCell::new((Vec::new(), Vec::new())) };
}

/// Runs a row-by-row dynamic program over `a` x `b` with two reused rows;
/// `cell(prev, cur, j, equal)` gives `cur[j + 1]`.
fn dp(a: &[u64], b: &[u64], mut cell: impl FnMut(&[u16], &[u16], usize, bool) -> u16) -> (u16, u16) {
    ROWS.with(|rows| {
        let (prev, cur) = &mut *rows.borrow_mut();
        prev.clear();
        prev.resize(b.len() + 1, 0);
        cur.clear();
        cur.resize(b.len() + 1, 0);
        let mut best = 0;
        for &x in a {
            for (j, &y) in b.iter().enumerate() {
                let v = cell(prev, cur, j, x == y);
                cur[j + 1] = v;
                best = best.max(v);
            }
            std::mem::swap(prev, cur);
        }
        (prev[b.len()], best)
    })
}

/// Quotes shorter than this must stand together in the longer one.
const TOGETHER_BELOW: usize = 10;

/// Two quotations (as their words' hashes) are one: the shorter has at
/// least `min_words` words, and seven in ten of them are in the other, in
/// order (at least three, or the whole of a shorter quote): "Peace be with
/// you" in "May peace be with all of you". A short one must stand together
/// there, within half as many words again: "the country that I love" is not in a
/// long quote that has "the", "country", "that" and "I" thirty words
/// apart. What the quote groups (`story::quotes`) and matching's quote
/// bonus (`semantic`) agree on.
pub fn one_quotation(first: &[u64], second: &[u64], min_words: usize) -> bool {
    let (shorter, longer) = if first.len() <= second.len() { (first, second) } else { (second, first) };
    if shorter.len() < min_words.max(1) {
        return false;
    }
    let enough = |common: usize| common * 10 >= shorter.len() * 7 && common >= shorter.len().min(3);
    if !enough(lcs_len(shorter, longer)) {
        return false;
    }
    // A quote of ten words or more rarely finds seven in ten of them in
    // order by chance, and is often cut with an ellipsis ("We will rebuild
    // … every school"): it need not stand together.
    let window = shorter.len() * 3 / 2 + 2;
    shorter.len() >= TOGETHER_BELOW
        || longer.len() <= window
        || longer.windows(window).any(|stretch| enough(lcs_len(shorter, stretch)))
}

/// Length of the longest common subsequence of `a` and `b`, bit-parallel
/// (Hyyrö 2004): one machine word per 64 items of `a`, per item of `b`.
pub fn lcs_len(a: &[u64], b: &[u64]) -> usize {
    if a.is_empty() || b.is_empty() {
        return 0;
    }
    let words = a.len().div_ceil(64);
    // Positions of each distinct item of `a`, as bit masks.
    let mut items: Vec<(u64, usize)> = a.iter().copied().zip(0..).collect();
    items.sort_unstable();
    let mut keys: Vec<u64> = Vec::new();
    let mut masks: Vec<u64> = Vec::new();
    for (x, i) in items {
        if keys.last() != Some(&x) {
            keys.push(x);
            masks.extend(std::iter::repeat_n(0, words));
        }
        let m = masks.len() - words;
        masks[m + i / 64] |= 1 << (i % 64);
    }
    let mut v = vec![u64::MAX; words];
    for y in b {
        let Ok(k) = keys.binary_search(y) else { continue };
        let m = &masks[k * words..(k + 1) * words];
        let mut carry = 0u64;
        for w in 0..words {
            let u = v[w] & m[w];
            let (sum, c1) = v[w].overflowing_add(u);
            let (sum, c2) = sum.overflowing_add(carry);
            carry = u64::from(c1 || c2);
            v[w] = sum | (v[w] - u);
        }
    }
    let mut zeros = 0;
    for (w, &x) in v.iter().enumerate() {
        let bits = if w + 1 == words && a.len() % 64 != 0 { a.len() % 64 } else { 64 };
        let mask = if bits == 64 { u64::MAX } else { (1u64 << bits) - 1 };
        zeros += (!x & mask).count_ones() as usize;
    }
    zeros
}

/// Length of the longest run of equal items in `a` and `b` (a copied phrase).
pub fn longest_run(a: &[u64], b: &[u64]) -> usize {
    dp(a, b, |prev, _, j, eq| if eq { prev[j].saturating_add(1) } else { 0 }).1 as usize
}

/// Every word form of a set of articles, interned: `ids[article][sentence]`
/// holds the sentence's words as indices into `surfaces`, which are in
/// input order so that ids never depend on thread timing.
struct InternedWords<'text> {
    surfaces: Vec<&'text str>,
    ids: Vec<Vec<Vec<u32>>>,
}

impl<'text> InternedWords<'text> {
    fn of(articles: &'text [Article]) -> InternedWords<'text> {
        use rayon::prelude::*;
        let words_of: Vec<Vec<Vec<&str>>> = articles
            .par_iter()
            .map(|article| {
                article
                    .sentences
                    .iter()
                    .map(|sentence| {
                        crate::text::words::words(sentence.slice(&article.body)).map(|(_, word)| word).collect()
                    })
                    .collect()
            })
            .collect();
        let mut id_of: rustc_hash::FxHashMap<&str, u32> = rustc_hash::FxHashMap::default();
        let mut surfaces: Vec<&str> = Vec::new();
        let mut intern = |word: &'text str| {
            *id_of.entry(word).or_insert_with(|| {
                surfaces.push(word);
                (surfaces.len() - 1) as u32
            })
        };
        let ids = words_of
            .iter()
            .map(|article| article.iter().map(|sentence| sentence.iter().map(|&word| intern(word)).collect()).collect())
            .collect();
        InternedWords { surfaces, ids }
    }
}

/// What one distinct word form stands for: its term (if it says
/// anything), its folded hash, and whether it can be a name.
struct WordForm {
    term: Option<u32>,
    hash: u64,
    name: bool,
}

/// One sentence's evidence before weighting.
struct SentenceEvidence {
    terms: Vec<u32>,
    words: Vec<u64>,
    names: Vec<u32>,
    clauses: Vec<Vec<u32>>,
}

fn sorted_unique(mut ids: Vec<u32>) -> Vec<u32> {
    ids.sort_unstable();
    ids.dedup();
    ids
}

impl SentenceEvidence {
    /// The evidence of sentence `word_ids` (sentence `index` of `article`).
    fn of(article: &Article, index: usize, word_ids: &[u32], forms: &[WordForm]) -> SentenceEvidence {
        let form = |id: &u32| &forms[*id as usize];
        let terms = sorted_unique(word_ids.iter().filter_map(|id| form(id).term).collect());
        // Common names count too: "Trump" vs "Biden" is a conflict.
        let names = sorted_unique(
            word_ids.iter().skip(1).map(form).filter(|form| form.name).filter_map(|form| form.term).collect(),
        );
        let clauses = if word_ids.len() >= LONG_SENTENCE_WORDS {
            clause_terms(article.sentence(index), word_ids, forms)
        } else {
            Vec::new()
        };
        SentenceEvidence { terms, words: word_ids.iter().map(|id| form(id).hash).collect(), names, clauses }
    }

    /// Drops the terms that weigh nothing.
    fn keep_weighted(&mut self, weight: &[f32]) {
        self.terms.retain(|&term| weight[term as usize] > 0.0);
        for clause in &mut self.clauses {
            clause.retain(|&term| weight[term as usize] > 0.0);
        }
    }
}

/// A long sentence's clauses, by the terms of the words each holds (none
/// when the sentence is one clause).
fn clause_terms(text: &str, word_ids: &[u32], forms: &[WordForm]) -> Vec<Vec<u32>> {
    let offsets: Vec<usize> = crate::text::words::words(text).map(|(offset, _)| offset).collect();
    let parts = crate::text::clauses::clauses(text);
    if parts.len() <= 1 {
        return Vec::new();
    }
    parts
        .iter()
        .map(|clause| {
            sorted_unique(
                offsets
                    .iter()
                    .zip(word_ids)
                    .filter(|(offset, _)| clause.start <= **offset && **offset < clause.end)
                    .filter_map(|(_, &id)| forms[id as usize].term)
                    .collect(),
            )
        })
        .collect()
}

/// Each term's weight: its idf. No term is left out for being common: a
/// cutoff on the share of sentences using a term dropped, as the pile grew,
/// every term of every statement (a story's own names are in most of its
/// sentences). The candidate search stays fast by comparing only related
/// articles (see `related`).
fn term_weights(vocab: &Vocabulary) -> Vec<f32> {
    (0..vocab.len() as u32).map(|id| vocab.idf(id)).collect()
}

impl Corpus {
    /// Extracts and weighs the terms of every sentence.
    ///
    /// Stemming is the costly step, so it runs once per distinct word, not
    /// once per occurrence: words are interned first, their terms computed
    /// in parallel, and sentences then mapped to term ids in parallel.
    pub fn build(articles: &[Article]) -> Corpus {
        let interned = InternedWords::of(articles);
        let mut vocab = Vocabulary::default();
        let described = crate::par::map(&interned.surfaces, |word| {
            (super::terms::term(word), hash_word(word), is_name(word, false))
        });
        let forms: Vec<WordForm> = described
            .into_iter()
            .map(|(term, hash, name)| WordForm { term: term.as_deref().map(|term| vocab.insert(term)), hash, name })
            .collect();
        let surfaces = interned.surfaces.iter().zip(&forms).map(|(word, form)| (word.to_string(), form.term)).collect();
        let numbered: Vec<(usize, &Vec<Vec<u32>>)> = interned.ids.iter().enumerate().collect();
        let evidence: Vec<Vec<SentenceEvidence>> = crate::par::map(&numbered, |&(article_index, sentences)| {
            sentences
                .iter()
                .enumerate()
                .map(|(index, word_ids)| SentenceEvidence::of(&articles[article_index], index, word_ids, &forms))
                .collect()
        });
        for sentence in evidence.iter().flatten() {
            vocab.count(&sentence.terms);
        }
        let weight = term_weights(&vocab);
        let mut corpus = Corpus { vocab, weight, surfaces, ..Corpus::default() };
        corpus.take_evidence(evidence);
        corpus
    }

    /// Files each sentence's weighted evidence into the per-article tables.
    fn take_evidence(&mut self, evidence: Vec<Vec<SentenceEvidence>>) {
        for article in evidence {
            let (mut terms, mut words, mut names, mut clauses) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
            for mut sentence in article {
                sentence.keep_weighted(&self.weight);
                terms.push(sentence.terms);
                words.push(sentence.words);
                names.push(sentence.names);
                clauses.push(sentence.clauses);
            }
            self.terms.push(terms);
            self.words.push(words);
            self.names.push(names);
            self.clauses.push(clauses);
        }
    }

    /// Term ids of arbitrary text, for terms this corpus knows (no counting).
    pub fn lookup(&self, text: &str) -> Vec<u32> {
        let mut ids: Vec<u32> = crate::text::words::words(text)
            .filter_map(|(_, w)| self.term_id(w))
            .filter(|&id| self.weight[id as usize] > 0.0)
            .collect();
        ids.sort_unstable();
        ids.dedup();
        ids
    }

    /// [`Self::lookup`] without the terms used in more than
    /// [`DISTINCTIVE_DF_SHARE`] of the sentences (and at least
    /// [`MIN_DISTINCTIVE_DF`]): what the timeline's merging looks events up by.
    pub fn lookup_distinctive(&self, text: &str) -> Vec<u32> {
        let mut ids = self.lookup(text);
        ids.retain(|&id| self.is_distinctive(id));
        ids
    }

    /// Whether term `id` is used in at most [`DISTINCTIVE_DF_SHARE`] of
    /// the sentences (or [`MIN_DISTINCTIVE_DF`]): rare enough to look
    /// things up by.
    pub fn is_distinctive(&self, id: u32) -> bool {
        let most = MIN_DISTINCTIVE_DF.max((f64::from(self.vocab.sentences) * DISTINCTIVE_DF_SHARE) as u32);
        self.vocab.df[id as usize] <= most
    }

    /// The term id of one word, if this corpus knows its term.
    pub fn term_id(&self, word: &str) -> Option<u32> {
        match self.surfaces.get(word) {
            Some(t) => *t,
            None => super::terms::term(word).and_then(|t| self.vocab.id(&t)),
        }
    }

    /// The same sentence frame filled with other names ("Officials in Lyon
    /// said a vote was expected by Tuesday" / "Officials in Riga said ...")
    /// reports a different happening: each side names someone or somewhere
    /// the other does not, weighing more than the names they share ("the
    /// Health Agency" / "the Audit Agency" share only "Agency"), and the
    /// wording around the names is largely the same. (Reworded reports may
    /// name a place differently, Kyiv for Ukraine, so a low word-order
    /// overlap is never a conflict.)
    pub fn names_conflict(&self, a: SentenceRef, b: SentenceRef) -> bool {
        self.names_conflict_by(self.weighing(), a, b)
    }

    /// [`Self::names_conflict`] with the given weights.
    pub fn names_conflict_by(&self, weighing: Weighing, a: SentenceRef, b: SentenceRef) -> bool {
        let (x, y) = (&self.names[a.0][a.1], &self.names[b.0][b.1]);
        if x.is_empty() || y.is_empty() {
            return false;
        }
        let idf = |n: &u32| weighing.weight[*n as usize];
        // A name one side writes in lower case ("the Foreign Ministry" /
        // "the foreign ministry") is not a different name.
        // Nor is the country beside its people ("Colombia" / "the Colombian
        // ministry", "Mich." / "Michigan"): one name the start of the other.
        let (tx, ty) = (self.sentence(a), self.sentence(b));
        let related = |n: &u32, others: &[u32]| {
            let t = self.vocab.term(*n).unwrap_or("");
            others.iter().any(|o| {
                let u = self.vocab.term(*o).unwrap_or("");
                let (short, long) = if t.len() <= u.len() { (t, u) } else { (u, t) };
                short.len() >= 4 && long.starts_with(short)
            })
        };
        let only = |n: &u32, names: &[u32], terms: &[u32]| {
            names.binary_search(n).is_err() && terms.binary_search(n).is_err() && !related(n, names)
        };
        let shared: f32 = x.iter().filter(|n| y.binary_search(n).is_ok()).map(idf).sum();
        let only_x: f32 = x.iter().filter(|n| only(n, y, ty)).map(idf).sum();
        let only_y: f32 = y.iter().filter(|n| only(n, x, tx)).map(idf).sum();
        if only_x <= shared || only_y <= shared {
            return false;
        }
        let (wa, wb) = (&self.words[a.0][a.1], &self.words[b.0][b.1]);
        2 * lcs_len(wa, wb) >= wa.len() + wb.len() - (wa.len() + wb.len()) / 2
    }

    /// How many terms two sentences share that neither uses as a name: what
    /// they say, not only who and where.
    pub fn shared_content(&self, a: SentenceRef, b: SentenceRef) -> usize {
        let (na, nb) = (&self.names[a.0][a.1], &self.names[b.0][b.1]);
        let tb = self.sentence(b);
        self.sentence(a)
            .iter()
            .filter(|t| tb.binary_search(t).is_ok() && na.binary_search(t).is_err() && nb.binary_search(t).is_err())
            .count()
    }

    /// The longest run of words two sentences share verbatim.
    pub fn run(&self, a: SentenceRef, b: SentenceRef) -> usize {
        longest_run(&self.words[a.0][a.1], &self.words[b.0][b.1])
    }

    /// Whether two sentences share a run of at least `k` words verbatim:
    /// the same `k`-word shingle on both sides. Linear, unlike [`Self::run`].
    pub fn has_run(&self, a: SentenceRef, b: SentenceRef, k: usize) -> bool {
        let (wa, wb) = (&self.words[a.0][a.1], &self.words[b.0][b.1]);
        if k == 0 || wa.len() < k || wb.len() < k {
            return k == 0;
        }
        let shingle =
            |w: &[u64]| w.iter().fold(0xcbf2_9ce4_8422_2325u64, |h, &x| (h ^ x).wrapping_mul(0x100_0000_01b3));
        let mut left: Vec<u64> = wa.windows(k).map(shingle).collect();
        left.sort_unstable();
        // Hashes can collide; confirm a hit word by word.
        wb.windows(k).any(|wbw| left.binary_search(&shingle(wbw)).is_ok() && wa.windows(k).any(|waw| waw == wbw))
    }

    /// The weight of a term found in one sentence only: ln(1 + sentences).
    /// Weights grow with the corpus; thresholds on shared weight are given
    /// in this unit so that they mean the same on five articles or five
    /// thousand.
    pub fn unit(&self) -> f32 {
        (1.0 + self.vocab.sentences as f32).ln().max(1.0)
    }

    pub fn sentence(&self, r: SentenceRef) -> &[u32] {
        &self.terms[r.0][r.1]
    }

    /// The best score of a clause of one sentence against the other
    /// sentence or one of its clauses (for long sentences; `None` when
    /// neither has clauses).
    pub fn best_clause_score(&self, a: SentenceRef, b: SentenceRef) -> Option<Score> {
        self.best_clause_score_by(self.weighing(), a, b)
    }

    /// [`Self::best_clause_score`] with the given weights.
    pub fn best_clause_score_by(&self, weighing: Weighing, a: SentenceRef, b: SentenceRef) -> Option<Score> {
        let (ca, cb) = (&self.clauses[a.0][a.1], &self.clauses[b.0][b.1]);
        if ca.is_empty() && cb.is_empty() {
            return None;
        }
        // Each side's clauses, then the whole sentence (the two whole
        // sentences are already scored).
        let (wa, wb) = (self.sentence(a), self.sentence(b));
        let side_a = ca.iter().map(Vec::as_slice).chain(std::iter::once(wa));
        let mut best: Option<Score> = None;
        for (i, x) in side_a.enumerate() {
            let whole_x = i == ca.len();
            for (j, y) in cb.iter().map(Vec::as_slice).chain(std::iter::once(wb)).enumerate() {
                if whole_x && j == cb.len() {
                    continue;
                }
                let s = weighing.score(x, y);
                if best.is_none_or(|b| s.dice > b.dice) {
                    best = Some(s);
                }
            }
        }
        best
    }

    pub fn mass(&self, terms: &[u32]) -> f32 {
        self.weighing().mass(terms)
    }

    /// Compares two sorted term sets.
    pub fn score(&self, a: &[u32], b: &[u32]) -> Score {
        self.weighing().score(a, b)
    }

    /// The set's own weights: each term's idf over all its sentences.
    pub fn weighing(&self) -> Weighing<'_> {
        Weighing { weight: &self.weight, unit: self.unit() }
    }

    /// Each term's idf over the sentences of `articles` alone (one story
    /// of a larger pile), as if only they had been loaded: a story's own
    /// names, rare in the pile, are in many of its sentences and weigh
    /// little when judging whether two of them say the same thing. Terms
    /// the articles do not use weigh nothing.
    pub fn weights_within(&self, articles: &[usize]) -> Weights {
        let mut df = vec![0u32; self.weight.len()];
        let mut sentences = 0u32;
        for &article in articles {
            for terms in &self.terms[article] {
                sentences += 1;
                for &term in terms {
                    df[term as usize] += 1;
                }
            }
        }
        let weight =
            df.into_iter().map(|df| if df == 0 { 0.0 } else { (1.0 + sentences as f32 / df as f32).ln() }).collect();
        Weights { weight, unit: (1.0 + sentences as f32).ln().max(1.0) }
    }
}

/// Term weights of one story ([`Corpus::weights_within`]), owned.
#[derive(Clone, Debug, Default)]
pub struct Weights {
    pub weight: Vec<f32>,
    pub unit: f32,
}

impl Weights {
    pub fn weighing(&self) -> Weighing<'_> {
        Weighing { weight: &self.weight, unit: self.unit }
    }
}

/// How terms are weighed when two sentences are compared: each term's
/// weight, and the weight of a term found in one sentence only (the unit
/// thresholds on shared weight are given in, see [`Corpus::unit`]).
#[derive(Clone, Copy, Debug)]
pub struct Weighing<'w> {
    pub weight: &'w [f32],
    pub unit: f32,
}

impl Weighing<'_> {
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
        Score {
            shared,
            dice: 2.0 * shared / (ma + mb),
            containment: shared / ma.min(mb),
            n_shared,
            rare: shared / self.unit,
        }
    }
}

#[cfg(test)]
mod dp_tests {
    use super::*;

    #[test]
    fn lcs_and_runs() {
        assert_eq!(lcs_len(&[1, 2, 3, 4, 5], &[1, 3, 9, 5]), 3);
        assert_eq!(longest_run(&[1, 2, 3, 4, 5], &[9, 2, 3, 4, 8]), 3);
        assert_eq!(lcs_len(&[], &[1]), 0);
        // Against the plain dynamic program, across word boundaries.
        let mut seed = 3u64;
        for round in 0..200 {
            let mut next = || {
                seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                (seed >> 33) % 6
            };
            let a: Vec<u64> = (0..(round % 150)).map(|_| next()).collect();
            let b: Vec<u64> = (0..(round * 7 % 90)).map(|_| next()).collect();
            let plain = dp(&a, &b, |prev, cur, j, eq| if eq { prev[j] + 1 } else { prev[j + 1].max(cur[j]) }).0;
            assert_eq!(lcs_len(&a, &b), plain as usize, "{a:?} {b:?}");
        }
        assert_eq!(longest_run(&[7], &[]), 0);
    }

    #[test]
    fn runs_by_shingles_match_the_dynamic_program() {
        let c = Corpus {
            words: vec![vec![vec![1, 2, 3, 4, 5, 6, 7]], vec![vec![9, 3, 4, 5, 6, 8], vec![1, 2]]],
            ..Corpus::default()
        };
        for k in 0..8 {
            assert_eq!(c.has_run((0, 0), (1, 0), k), c.run((0, 0), (1, 0)) >= k, "k = {k}");
        }
        assert!(!c.has_run((0, 0), (1, 1), 3));
        assert!(c.has_run((0, 0), (1, 1), 2));
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

    fn corpus(texts: &[&str]) -> (Vec<Article>, Corpus) {
        let arts = crate::fixture::articles(texts);
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
    fn names_written_another_way_are_no_conflict() {
        let (_, c) = corpus(&[
            "In Bogota, the Colombian Foreign Ministry called for calm and restraint and urged the Venezuelan authorities to guarantee the count.",
            "In neighbouring Colombia, the foreign ministry called for calm and restraint and urged Venezuelan authorities to guarantee the count.",
            "Officials in Lyon said a vote on the budget was expected by Tuesday.",
            "Officials in Riga said a vote on the budget was expected by Tuesday.",
        ]);
        assert!(!c.names_conflict((0, 0), (1, 0)));
        assert!(c.names_conflict((2, 0), (3, 0)));
    }

    #[test]
    fn union_merges_sorted_sets() {
        assert_eq!(union(&[1, 3, 5], &[2, 3, 6]), [1, 2, 3, 5, 6]);
    }
}
