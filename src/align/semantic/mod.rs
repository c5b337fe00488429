//! Matching with the sentence model: two sentences report the same thing
//! when one of their units (the sentence or one of its clauses, see
//! [`super::units`]) scores high enough against one of the other's, on one
//! score that weighs three kinds of evidence:
//!
//! - the model's cosine of the two units, less the units' *background*:
//!   their mean cosine to their closest sentences in the other articles,
//!   leaving out each article's few closest, where it would tell the same
//!   statement ([`background`]). In a story where every sentence is about
//!   "the plan", all cosines run high, and what counts is how much closer
//!   a pair is than either side is to the sentences crowding it (the same
//!   idea as hubness corrections in retrieval, e.g. CSLS). A pair below a
//!   clear cosine must also stand out from its neighbourhood in
//!   proportion (a ratio, see [`SemanticThresholds::margin`]), or neither
//!   the model's evidence nor the words' counts: one look-alike among many
//!   in a story cast in a few moulds is not a shared statement;
//! - the lexical cosine of the units' content terms, each weighted by how
//!   rare it is among the set's sentences;
//! - a small handicap for a clause against a whole sentence: a sentence
//!   with many clauses has more chances to match by accident;
//! - a bonus when both units give the same distinctive number ("the 133
//!   cardinal electors" / "the 133 voting cardinals"): one fact told in two
//!   frames, which neither the model nor the words score high;
//! - a bonus when both units quote the same words, most of one quotation
//!   in the other, in order ("he told the crowd, “Peace be with you.”" /
//!   "“May peace be with all of you,” BBC quoted him"): outlets copy quotes
//!   while they frame them each in their own way, and a short quote is a
//!   small part of a long sentence's words and meaning.
//!
//! Units that only say who said something ("a senior administration
//! official told NBC News", "according to two US officials") are left out:
//! two reports sharing their sources do not share a statement. So are
//! headings ("About The New Pope"): a title-case line names a topic, it
//! does not state a fact.

use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::sync::LazyLock;

mod background;
mod story_pairs;

use super::score::{Corpus, SentenceRef};
use super::stories::Stories;
use super::units;
use crate::embed::{Vectors, cosine};
use crate::ingest::{Article, quotations};
use crate::text::{Span, segment, words};

/// How the evidence is weighed, and where a pair is accepted.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct SemanticThresholds {
    /// Weight of the model's (background-corrected) cosine; the lexical
    /// cosine gets the rest.
    pub model_weight: f32,
    /// How much of the two units' mean background is taken off the cosine.
    pub background: f32,
    /// Taken off for each side that is a clause rather than a sentence (halved per side).
    pub clause_handicap: f32,
    /// The combined score at or above which two sentences match.
    pub accept: f32,
    /// Added when the two units give the same distinctive number (see
    /// [`distinctive_numbers`]): "the 133 cardinal electors" / "the 133
    /// voting cardinals" state one fact in two frames.
    pub number_bonus: f32,
    /// Added when the two units quote the same words (see [`same_quote`]).
    pub quote_bonus: f32,
    /// The background-corrected cosine below which the words' share is
    /// not counted, unless the units share a distinctive number or a
    /// quote. The model reads pairs the words did not match on their own:
    /// there, shared words add to what the model sees, they do not stand
    /// in for it. Templated sentences that share a subject and a frame
    /// but state different things ("Before the vote, Smith rejected the
    /// plan" / "Before the vote, Smith praised the budget") otherwise pass
    /// on their words.
    pub model_floor: f32,
    /// A unit pair whose cosine is below [`Self::clear_cosine`] counts
    /// (the model's part and the words') only when its cosine is at least
    /// this many times the two units' mean background: the ratio margin of
    /// parallel-sentence mining (Artetxe and Schwenk, 2019) beside the
    /// difference the score takes. In a story cast in a few moulds (the
    /// same people, place and frame, other particulars: "Smith ignored the
    /// disputed cabinet in Oslo" / "Smith ignored the landmark takeover in
    /// Oslo") a pair stands above its crowded neighbourhood by enough of a
    /// difference while being one look-alike among many; a ratio asks more
    /// of a pair the more crowded its neighbourhood is. A shared
    /// distinctive number or quote corroborates a pair, which is then
    /// exempt.
    pub margin: f32,
    /// The cosine at or above which the model's closeness stands whatever
    /// the crowd: a story about one thing (every sentence about "the
    /// plan") has high backgrounds throughout, and its reworded reports
    /// reach this.
    pub clear_cosine: f32,
}

impl Default for SemanticThresholds {
    fn default() -> Self {
        SemanticThresholds {
            model_weight: 0.6,
            background: 1.0,
            clause_handicap: 0.10,
            accept: 0.27,
            number_bonus: 0.12,
            quote_bonus: 0.12,
            model_floor: 0.28,
            margin: 2.15,
            clear_cosine: 0.72,
        }
    }
}

/// Sentences of one story that the model compares at most (counting one
/// per text many sources carry word for word): it scores every pair of
/// sentences from different articles of a story, so the work grows with
/// the square of a story's size. A larger story is matched on words alone;
/// a pile of many stories is not limited.
pub const MAX_SENTENCES: usize = 5_000;

/// Units shorter than this (a dateline, "VATICAN CITY", a photo credit)
/// are not compared.
const MIN_WORDS: usize = 4;

/// One unit of comparison.
#[derive(Clone, Debug, PartialEq)]
pub struct Unit {
    pub article: usize,
    pub sentence: usize,
    /// Where it is in its article's body.
    pub span: Span,
    /// The whole sentence (not one of its clauses).
    pub whole: bool,
    /// Compared at all: long enough, and more than an attribution.
    pub comparable: bool,
    /// A copy of a text folded onto its first carrier ([`super::Copies`]):
    /// not read by the model, which compares its first carrier instead.
    pub folded: bool,
    /// In a story matched on words alone (too large for the model, or its
    /// vectors not in yet): not read by the model, not compared.
    pub by_words: bool,
    /// For two neighbouring clauses: the units of those clauses. Its
    /// vector is made from theirs rather than read by the model.
    pub joins: Option<(usize, usize)>,
    /// Words in the unit (weighs a clause's vector in a joined one).
    words: usize,
    /// Content term ids, sorted (the corpus's terms).
    terms: Vec<u32>,
    /// Euclidean norm of the unit's term weights.
    norm: f32,
    /// The quotations within it long enough to tell one quote from another
    /// ([`MIN_QUOTE_WORDS`]), each as its folded words' hashes.
    quotes: Vec<Vec<u64>>,
}

/// The units of every sentence of a set of articles.
#[derive(Clone, Debug, Default)]
pub struct Units {
    pub units: Vec<Unit>,
    /// `of_sentence[article][sentence]`: that sentence's units, the whole
    /// sentence first.
    pub of_sentence: Vec<Vec<Range<usize>>>,
}

impl Units {
    /// Cuts every sentence into units and reads their terms.
    pub fn build(articles: &[Article], corpus: &Corpus) -> Units {
        let per_article: Vec<Vec<Vec<Unit>>> = crate::par::map_range(articles.len(), |article| {
            let quoted = quotations::spans(&articles[article]);
            (0..articles[article].sentences.len())
                .map(|sentence| sentence_units(articles, corpus, &quoted, (article, sentence)))
                .collect()
        });
        let mut out = Units::default();
        for sentences in per_article {
            let mut ranges = Vec::with_capacity(sentences.len());
            for mut units in sentences {
                let start = out.units.len();
                for unit in &mut units {
                    unit.joins = unit.joins.map(|(a, b)| (start + a, start + b));
                }
                out.units.extend(units);
                ranges.push(start..out.units.len());
            }
            out.of_sentence.push(ranges);
        }
        out
    }

    /// Leaves out the sentences folded onto another carrier of their text:
    /// the model reads and compares one sentence per distinct text.
    pub fn fold(&mut self, copies: &super::Copies) {
        for unit in &mut self.units {
            unit.folded = copies.folded((unit.article, unit.sentence));
        }
    }

    /// Leaves the sentences of the articles marked in `by_words` to the
    /// words: the model neither reads nor compares them.
    pub fn leave_to_words(&mut self, by_words: &[bool]) {
        for unit in &mut self.units {
            unit.by_words |= by_words[unit.article];
        }
    }

    /// The text of every unit the model reads (every whole sentence, the
    /// comparable clauses and the clauses of comparable joined units; none
    /// of a folded sentence), with its index in [`Units::units`]. Joined units are not read: two
    /// neighbouring clauses get the mean of their clauses' vectors, which
    /// saves a fifth of the model's work.
    pub fn to_encode<'a>(&self, articles: &'a [Article]) -> Vec<(usize, &'a str)> {
        let mut needed: Vec<bool> =
            self.units.iter().map(|u| u.joins.is_none() && u.read() && (u.comparable || u.whole)).collect();
        for (a, b) in self.units.iter().filter(|u| u.comparable && u.read()).filter_map(|u| u.joins) {
            needed[a] = true;
            needed[b] = true;
        }
        (0..self.units.len())
            .filter(|&i| needed[i])
            .map(|i| (i, self.units[i].span.slice(&articles[self.units[i].article].body)))
            .collect()
    }

    fn whole(&self, r: SentenceRef) -> usize {
        self.of_sentence[r.0][r.1].start
    }
}

impl Unit {
    /// Whether the model reads it (or its clauses): neither folded onto
    /// another carrier nor left to the words.
    fn read(&self) -> bool {
        !self.folded && !self.by_words
    }
}

fn sentence_units(
    articles: &[Article],
    corpus: &Corpus,
    quoted: &[Span],
    (article, sentence): SentenceRef,
) -> Vec<Unit> {
    let a = &articles[article];
    let text = a.sentence(sentence);
    let offset = a.sentences[sentence].start;
    let names = &corpus.names[article][sentence];
    let heading = segment::is_heading(&a.body, a.sentences[sentence]);
    let (spans, clauses) = units::units_and_clauses(text);
    spans
        .into_iter()
        .enumerate()
        .map(|(k, span)| {
            let unit_text = span.slice(text);
            let whole = k == 0;
            let terms = if whole { corpus.sentence((article, sentence)).to_vec() } else { corpus.lookup(unit_text) };
            let norm = norm(&terms, &corpus.weight);
            let word_count = words::words(unit_text).count();
            let comparable = word_count >= MIN_WORDS && !heading && !is_attribution(corpus, &terms, names);
            let span = Span::new(offset + span.start, offset + span.end);
            Unit {
                article,
                sentence,
                span,
                whole,
                comparable,
                folded: false,
                by_words: false,
                joins: units::joined_clauses(k, clauses),
                words: word_count,
                terms,
                norm,
                quotes: quotes_within(&a.body, quoted, span),
            }
        })
        .collect()
}

/// Quotations shorter than this many words do not count as the same quote:
/// "a clear message" or "full support" may be anyone's words.
const MIN_QUOTE_WORDS: usize = 4;

/// The quotations of `quoted` that lie within `unit` and have at least
/// [`MIN_QUOTE_WORDS`] words, as their folded words' hashes.
fn quotes_within(body: &str, quoted: &[Span], unit: Span) -> Vec<Vec<u64>> {
    quoted
        .iter()
        .filter(|quote| unit.start <= quote.start && quote.end <= unit.end)
        .map(|quote| words::words(quote.slice(body)).map(|(_, word)| super::score::hash_word(word)).collect::<Vec<_>>())
        .filter(|hashes| hashes.len() >= MIN_QUOTE_WORDS)
        .collect()
}

/// Whether two units quote the same words: a quotation of each that is
/// one quotation ([`super::score::one_quotation`]: a quote shortened or
/// slightly reworded by one outlet is still the same quote).
fn same_quote(x: &Unit, y: &Unit) -> bool {
    x.quotes.iter().any(|p| y.quotes.iter().any(|q| super::score::one_quotation(p, q, MIN_QUOTE_WORDS)))
}

/// The Euclidean norm of `terms` under `weight`.
fn norm(terms: &[u32], weight: &[f32]) -> f32 {
    terms.iter().map(|t| weight[*t as usize].powi(2)).sum::<f32>().sqrt()
}

/// Each story's term weights as if it were loaded alone
/// ([`Corpus::weights_within`]); none for a single story.
fn weights_within_stories(corpus: &Corpus, stories: &Stories) -> Vec<Vec<f32>> {
    if stories.len() <= 1 {
        return Vec::new();
    }
    crate::par::map(&stories.members, |articles| corpus.weights_within(articles).weight)
}

/// Each unit's distinctive numbers, sorted: the numbers among its terms
/// that tell one fact from another, judged within its story as if the
/// story were loaded alone. Not a year or a single digit (a date, "two"),
/// and found in no more of the story's sentences than it has articles, as
/// a fact each report gives once would be. A story's own figure (the
/// "28-point plan" every sentence names) is in many more and tells
/// nothing; nor does another story's use of a number count.
fn numbers_within_stories(corpus: &Corpus, units: &Units, stories: &Stories) -> Vec<Vec<u32>> {
    let figure: Vec<bool> = (0..corpus.vocab.df.len()).map(|t| is_figure(corpus, t as u32)).collect();
    let sentences_using = crate::par::map(&stories.members, |articles| {
        let mut count: HashMap<u32, usize> = HashMap::new();
        for &article in articles {
            for terms in &corpus.terms[article] {
                for &term in terms.iter().filter(|&&t| figure[t as usize]) {
                    *count.entry(term).or_default() += 1;
                }
            }
        }
        count
    });
    units
        .units
        .iter()
        .map(|unit| {
            let story = stories.story[unit.article];
            let articles = stories.members[story].len();
            let used = |t: &u32| sentences_using[story].get(t).copied().unwrap_or(0);
            unit.terms.iter().copied().filter(|t| figure[*t as usize] && used(t) <= articles).collect()
        })
        .collect()
}

/// A number of two digits or more, not a year.
fn is_figure(corpus: &Corpus, t: u32) -> bool {
    let term = corpus.vocab.term(t).unwrap_or("");
    let digits = term.chars().take_while(char::is_ascii_digit).count();
    let year = digits == 4 && term.len() == 4 && (1800..=2100).contains(&term.parse::<u32>().unwrap_or(0));
    digits >= 2 && !year
}

/// Words that say who said something, not what was said.
const ATTRIBUTION_WORDS: &[&str] = &[
    "official",
    "source",
    "report",
    "according",
    "senior",
    "administration",
    "government",
    "close",
    "spokesperson",
    "spokesman",
    "spokeswoman",
    "citing",
    "familiar",
    "knowledge",
    "anonymity",
    "condition",
    "insider",
    "aide",
    "diplomat",
    "representative",
    "news",
    "media",
    "agency",
    "press",
    "statement",
    "interview",
    "spoke",
    "revealed",
    "suggested",
    "noted",
    "claimed",
    "discussions",
    "matter",
    "people",
    "person",
    "also",
    "later",
    "two",
    "three",
    "four",
    "several",
];

/// The nouns that make a unit an attribution ("officials", "a source").
const ATTRIBUTION_CUES: &[&str] = &[
    "official",
    "source",
    "report",
    "according",
    "spokesperson",
    "spokesman",
    "spokeswoman",
    "citing",
    "insider",
    "aide",
    "diplomat",
    "representative",
];

/// Terms of `words`, as the aligner makes them.
fn term_set(words: &[&str]) -> HashSet<String> {
    words.iter().filter_map(|w| super::terms::term(w)).collect()
}

static ATTRIBUTION_TERMS: LazyLock<HashSet<String>> = LazyLock::new(|| term_set(ATTRIBUTION_WORDS));
static ATTRIBUTION_CUE_TERMS: LazyLock<HashSet<String>> = LazyLock::new(|| term_set(ATTRIBUTION_CUES));

/// A unit that names a source and says little else: at most one term that
/// is neither attribution vocabulary nor a name.
fn is_attribution(corpus: &Corpus, terms: &[u32], names: &[u32]) -> bool {
    let term = |t: &u32| corpus.vocab.term(*t).unwrap_or("");
    let has_cue = terms.iter().any(|t| ATTRIBUTION_CUE_TERMS.contains(term(t)));
    let said = terms.iter().filter(|t| !ATTRIBUTION_TERMS.contains(term(t)) && names.binary_search(t).is_err()).count();
    has_cue && said <= 1
}

/// What [`Evidence::explain`] gives.
#[derive(Clone, Copy, Debug)]
pub struct Explained {
    pub units: (usize, usize),
    pub cosine: f32,
    pub background: (f32, f32),
    pub lexical: f32,
    pub score: f32,
}

/// The vectors of the units, and each unit's background (see the module
/// comment), ready for scoring.
pub struct Evidence<'a> {
    units: &'a Units,
    corpus: &'a Corpus,
    /// `row[unit]`: the unit's row in `vectors`, if it has one.
    row: Vec<Option<usize>>,
    /// The model's vectors, then those made for joined units.
    vectors: Vectors,
    background: Vec<f32>,
    /// The stories the words found; the model compares sentences and reads
    /// backgrounds within one story.
    stories: Stories,
    /// In a pile of stories, each story's own term weights (as if it were
    /// loaded alone) and each unit's norm under them; empty for one story,
    /// where the set's weights are the story's.
    story_weights: Vec<Vec<f32>>,
    story_norm: Vec<f32>,
    /// Each unit's distinctive numbers ([`numbers_within_stories`]).
    numbers: Vec<Vec<u32>>,
}

impl<'a> Evidence<'a> {
    /// `vectors` holds one row per entry of [`Units::to_encode`], in that order.
    pub fn new(articles: &[Article], corpus: &'a Corpus, units: &'a Units, vectors: &Vectors) -> Evidence<'a> {
        Evidence::within(articles, corpus, units, vectors.clone(), Stories::one(articles.len()))
    }

    /// As [`Evidence::new`], for a pile of stories: a
    /// sentence is compared with those of its own story only, and its
    /// background is read there, so a story scores the same in a pile as
    /// loaded alone, and a pile's other stories do not lower every
    /// background.
    pub fn within(
        articles: &[Article],
        corpus: &'a Corpus,
        units: &'a Units,
        vectors: Vectors,
        stories: Stories,
    ) -> Evidence<'a> {
        let mut row = vec![None; units.units.len()];
        for (k, (i, _)) in units.to_encode(articles).into_iter().enumerate() {
            row[i] = Some(k);
        }
        assert_eq!(row.iter().flatten().count(), vectors.len(), "one vector per unit to encode");
        let story_weights = weights_within_stories(corpus, &stories);
        let story_norm = if story_weights.is_empty() {
            Vec::new()
        } else {
            units.units.iter().map(|u| norm(&u.terms, &story_weights[stories.story[u.article]])).collect()
        };
        let numbers = numbers_within_stories(corpus, units, &stories);
        let mut evidence = Evidence {
            units,
            corpus,
            row,
            vectors,
            background: Vec::new(),
            stories,
            story_weights,
            story_norm,
            numbers,
        };
        evidence.join_clause_vectors();
        evidence.background = background::backgrounds(&evidence);
        evidence
    }

    /// Gives every comparable joined unit the mean of its two clauses'
    /// vectors, each weighed by its words (the model's own vector is a
    /// mean over tokens), normalised.
    fn join_clause_vectors(&mut self) {
        for (i, unit) in self.units.units.iter().enumerate() {
            let Some((a, b)) = unit.joins.filter(|_| unit.comparable) else { continue };
            let (Some(first), Some(second)) = (self.vector(a), self.vector(b)) else { continue };
            let (wa, wb) = (self.units.units[a].words as f32, self.units.units[b].words as f32);
            let mut joined: Vec<f32> = first.iter().zip(second).map(|(x, y)| wa * x + wb * y).collect();
            let norm = joined.iter().map(|v| v * v).sum::<f32>().sqrt().max(1e-12);
            joined.iter_mut().for_each(|v| *v /= norm);
            self.row[i] = Some(self.vectors.len());
            self.vectors.push(&joined);
        }
    }

    fn vector(&self, unit: usize) -> Option<&[f32]> {
        self.row[unit].map(|r| self.vectors.row(r))
    }

    /// The lexical cosine of two units' weighted terms.
    /// In a pile of stories, with the weights of the first unit's story.
    fn lexical(&self, i: usize, j: usize) -> f32 {
        let (x, y) = (&self.units.units[i], &self.units.units[j]);
        let weight = self.weights_of(i);
        let shared: f32 =
            x.terms.iter().filter(|t| y.terms.binary_search(t).is_ok()).map(|t| weight[*t as usize].powi(2)).sum();
        self.lexical_of_shared(i, j, shared)
    }

    /// The term weights unit `i` is compared with: its story's own in a
    /// pile of stories, the set's otherwise.
    fn weights_of(&self, i: usize) -> &[f32] {
        if self.story_weights.is_empty() {
            &self.corpus.weight
        } else {
            &self.story_weights[self.stories.story[self.units.units[i].article]]
        }
    }

    /// The norm of unit `i`'s term weights under [`Self::weights_of`].
    fn norm_of(&self, i: usize) -> f32 {
        if self.story_weights.is_empty() { self.units.units[i].norm } else { self.story_norm[i] }
    }

    /// The lexical cosine of units `i` and `j`, from the summed squared
    /// weights of the terms they share.
    fn lexical_of_shared(&self, i: usize, j: usize, shared: f32) -> f32 {
        let (norm_x, norm_y) = (self.norm_of(i), self.norm_of(j));
        if norm_x == 0.0 || norm_y == 0.0 {
            return 0.0;
        }
        shared / (norm_x * norm_y)
    }

    /// The combined score of two units (see [`SemanticThresholds`]).
    fn unit_score(&self, i: usize, j: usize, th: &SemanticThresholds) -> Option<f32> {
        let (x, y) = (&self.units.units[i], &self.units.units[j]);
        if !x.comparable || !y.comparable {
            return None;
        }
        let cosine = cosine(self.vector(i)?, self.vector(j)?);
        Some(combined(self, th, (i, j), cosine, self.lexical(i, j)))
    }

    /// The evidence behind the best unit pair of two sentences, for tools
    /// that explain a match: (units, cosine, backgrounds, lexical cosine, score).
    pub fn explain(&self, a: SentenceRef, b: SentenceRef, th: &SemanticThresholds) -> Option<Explained> {
        let (ra, rb) = (&self.units.of_sentence[a.0][a.1], &self.units.of_sentence[b.0][b.1]);
        let (i, j, score) = ra
            .clone()
            .flat_map(|i| rb.clone().filter_map(move |j| self.unit_score(i, j, th).map(|s| (i, j, s))))
            .max_by(|x, y| x.2.total_cmp(&y.2))?;
        Some(Explained {
            units: (i, j),
            cosine: cosine(self.vector(i)?, self.vector(j)?),
            background: (self.background[i], self.background[j]),
            lexical: self.lexical(i, j),
            score,
        })
    }

    /// The best score over the units of two sentences.
    pub fn score(&self, a: SentenceRef, b: SentenceRef, th: &SemanticThresholds) -> Option<f32> {
        let (ra, rb) = (&self.units.of_sentence[a.0][a.1], &self.units.of_sentence[b.0][b.1]);
        ra.clone().flat_map(|i| rb.clone().filter_map(move |j| self.unit_score(i, j, th))).reduce(f32::max)
    }

    /// The model's cosine of two whole sentences.
    pub fn sentence_cosine(&self, a: SentenceRef, b: SentenceRef) -> Option<f32> {
        Some(cosine(self.vector(self.units.whole(a))?, self.vector(self.units.whole(b))?))
    }
}

/// The model's vectors of every unit of a set's sentences, and each
/// unit's background, kept once matching is done: a stage after it (the
/// timeline's merging) reads how close two sentences or parts of
/// sentences are, as matching did, from here.
#[derive(Clone, Debug, Default)]
pub struct Meanings {
    units: Units,
    /// `row[unit]`: the unit's row in `vectors`, if it has one.
    row: Vec<Option<usize>>,
    vectors: Vectors,
    background: Vec<f32>,
    stories: Stories,
}

impl Evidence<'_> {
    /// The vectors and backgrounds, for the stages after matching.
    pub fn into_meanings(self) -> Meanings {
        let Evidence { units, row, vectors, background, stories, .. } = self;
        Meanings { units: units.clone(), row, vectors, background, stories }
    }
}

impl Meanings {
    /// How much closer two parts of sentences are than either is to its
    /// story at large: the model's cosine less the two units' mean
    /// background, best over the comparable units (the sentence, its
    /// clauses) that lie within each part. `None` when either part has no
    /// such unit (too short, an attribution, a heading, a folded copy), or
    /// the two are in different stories.
    pub fn closeness(&self, first: (SentenceRef, Span), second: (SentenceRef, Span)) -> Option<f32> {
        if !self.stories.together(first.0.0, second.0.0) {
            return None;
        }
        let (ours, theirs) = (self.units_within(first), self.units_within(second));
        ours.iter()
            .flat_map(|&i| theirs.iter().map(move |&j| (i, j)))
            .map(|(i, j)| self.corrected_cosine(i, j))
            .reduce(f32::max)
    }

    /// [`Meanings::closeness`] of two whole sentences and their clauses.
    pub fn sentence_closeness(&self, first: SentenceRef, second: SentenceRef) -> Option<f32> {
        let whole = |r: SentenceRef| self.units.units[self.units.whole(r)].span;
        self.closeness((first, whole(first)), (second, whole(second)))
    }

    /// The comparable units with a vector of sentence `at.0` that lie
    /// within `at.1` (a unit reaching a word or two past it counts), or
    /// when none does, the smallest one holding it.
    fn units_within(&self, (sentence, span): (SentenceRef, Span)) -> Vec<usize> {
        let Some(range) = self.units.of_sentence.get(sentence.0).and_then(|s| s.get(sentence.1)) else {
            return Vec::new();
        };
        let usable = |&i: &usize| self.units.units[i].comparable && self.row[i].is_some();
        let slack = |unit: Span| span.start.saturating_sub(unit.start) + unit.end.saturating_sub(span.end);
        let within: Vec<usize> =
            range.clone().filter(usable).filter(|&i| slack(self.units.units[i].span) <= WITHIN_SLACK_BYTES).collect();
        if !within.is_empty() {
            return within;
        }
        let holds = |i: &usize| {
            let unit = self.units.units[*i].span;
            unit.start <= span.start && span.end <= unit.end
        };
        range.clone().filter(usable).filter(holds).min_by_key(|&i| self.units.units[i].span.len()).into_iter().collect()
    }

    fn corrected_cosine(&self, i: usize, j: usize) -> f32 {
        let (Some(x), Some(y)) = (self.row[i], self.row[j]) else { return f32::MIN };
        cosine(self.vectors.row(x), self.vectors.row(y)) - (self.background[i] + self.background[j]) / 2.0
    }
}

/// How far a unit may reach past the part of a sentence it stands for
/// (a connective, a comma) and still be within it.
const WITHIN_SLACK_BYTES: usize = 12;

/// The combined score of units `i` and `j` (see [`SemanticThresholds`])
/// from their cosine, their lexical cosine and whether they share a
/// distinctive number.
fn combined(evidence: &Evidence, th: &SemanticThresholds, (i, j): (usize, usize), cosine: f32, lexical: f32) -> f32 {
    let (x, y) = (&evidence.units.units[i], &evidence.units.units[j]);
    let background = (evidence.background[i] + evidence.background[j]) / 2.0;
    let clauses = f32::from(u8::from(!x.whole)) + f32::from(u8::from(!y.whole));
    let same_number = evidence.numbers[i].iter().any(|n| evidence.numbers[j].binary_search(n).is_ok());
    weigh(th, Weighed { cosine, background, lexical, clauses, same_number, same_quote: same_quote(x, y) })
}

/// The evidence of one unit pair, as [`weigh`] combines it.
#[derive(Clone, Copy)]
struct Weighed {
    /// The model's cosine of the two units.
    cosine: f32,
    /// The mean of the two units' backgrounds.
    background: f32,
    /// The lexical cosine within the story.
    lexical: f32,
    /// How many of the two units are clauses rather than sentences.
    clauses: f32,
    same_number: bool,
    same_quote: bool,
}

/// The combined score of one unit pair (see [`SemanticThresholds`]).
fn weigh(th: &SemanticThresholds, pair: Weighed) -> f32 {
    let corroborated = pair.same_number || pair.same_quote;
    let crowded = !corroborated && pair.cosine < th.clear_cosine && pair.cosine < th.margin * pair.background;
    let model = if crowded { 0.0 } else { pair.cosine - th.background * pair.background };
    let words = if !crowded && (model >= th.model_floor || corroborated) { pair.lexical } else { 0.0 };
    th.model_weight * model + (1.0 - th.model_weight) * words - th.clause_handicap * pair.clauses / 2.0
        + if pair.same_number { th.number_bonus } else { 0.0 }
        + if pair.same_quote { th.quote_bonus } else { 0.0 }
}

/// Every sentence pair from different articles of one story whose best
/// unit pair scores at least `th.accept`, with that score, sorted by pair:
/// what [`Evidence::score`] gives for each pair, computed a block of
/// sentences at a time ([`story_pairs`]). Each sentence is compared with
/// its own story's alone, so the work grows with the square of the
/// stories' sizes, not of the pile's.
pub fn matches(evidence: &Evidence, th: &SemanticThresholds) -> Vec<(SentenceRef, SentenceRef, f32)> {
    // A sentence without a vector is folded ([`Units::fold`]) or left to
    // the words ([`Units::leave_to_words`]).
    let mut of_story: Vec<Vec<SentenceRef>> = vec![Vec::new(); evidence.stories.len()];
    for (a, s) in evidence.units.of_sentence.iter().enumerate() {
        for i in 0..s.len() {
            if evidence.row[evidence.units.whole((a, i))].is_some() {
                of_story[evidence.stories.story[a]].push((a, i));
            }
        }
    }
    let found = crate::par::map(&of_story, |sentences| story_pairs::story_matches(evidence, sentences.clone(), th));
    let mut out: Vec<(SentenceRef, SentenceRef, f32)> = found.into_iter().flatten().collect();
    out.sort_by_key(|&(a, b, _)| (a, b));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixture;

    #[test]
    fn attributions_are_not_compared() {
        let arts = fixture::articles(&[
            "Storm hits coast\n\nA senior administration official confirmed to NBC News. The storm cut power to 40,000 homes.",
            "Coast storm\n\nAccording to two US officials, the storm left 40,000 homes without power.",
        ]);
        let corpus = Corpus::build(&arts);
        let units = Units::build(&arts, &corpus);
        let text = |u: &Unit| u.span.slice(&arts[u.article].body).to_string();
        let attribution: Vec<String> = units.units.iter().filter(|u| !u.comparable).map(text).collect();
        assert!(
            attribution.contains(&"A senior administration official confirmed to NBC News.".to_string()),
            "{attribution:?}"
        );
        assert!(attribution.contains(&"According to two US officials".to_string()), "{attribution:?}");
        let kept: Vec<String> = units.units.iter().filter(|u| u.comparable).map(text).collect();
        assert!(kept.iter().any(|t| t.contains("storm left 40,000 homes")), "{kept:?}");
    }

    #[test]
    fn joined_clauses_are_not_read_by_the_model_but_get_their_clauses_mean() {
        let arts = fixture::articles(&[
            "One\n\nThe plane crashed shortly after take-off from the city, the airline said in a statement, adding that 169 of the passengers were Indian nationals, while 53 of the passengers were British.",
        ]);
        let corpus = Corpus::build(&arts);
        let units = Units::build(&arts, &corpus);
        let to_encode = units.to_encode(&arts);
        let joined: Vec<usize> = (0..units.units.len()).filter(|&i| units.units[i].joins.is_some()).collect();
        assert!(!joined.is_empty(), "{:?}", units.units);
        assert!(to_encode.iter().all(|(i, _)| !joined.contains(i)));
        // Each text read gets a vector along its own axis.
        let mut vectors = Vectors::default();
        for k in 0..to_encode.len() {
            let mut v = vec![0.0; crate::embed::DIM];
            v[k] = 1.0;
            vectors.push(&v);
        }
        let evidence = Evidence::new(&arts, &corpus, &units, &vectors);
        for &i in joined.iter().filter(|&&i| units.units[i].comparable) {
            let (a, b) = units.units[i].joins.unwrap();
            let (wa, wb) = (units.units[a].words as f32, units.units[b].words as f32);
            let v = evidence.vector(i).expect("a joined unit has a vector");
            let (va, vb) = (evidence.vector(a).unwrap(), evidence.vector(b).unwrap());
            let norm = (wa * wa + wb * wb).sqrt();
            assert!((cosine(v, va) - wa / norm).abs() < 1e-5 && (cosine(v, vb) - wb / norm).abs() < 1e-5);
        }
    }

    #[test]
    fn every_sentence_has_its_whole_unit_first() {
        let arts = fixture::articles(&[
            "One\n\nShort one here today. A much longer sentence follows here, with a clause that says something else entirely, while another part adds a little more.",
        ]);
        let corpus = Corpus::build(&arts);
        let units = Units::build(&arts, &corpus);
        assert_eq!(units.of_sentence[0].len(), arts[0].sentences.len());
        for (s, range) in units.of_sentence[0].iter().enumerate() {
            let first = &units.units[range.start];
            assert!(first.whole && first.span == arts[0].sentences[s]);
            assert!(units.units[range.clone()].iter().skip(1).all(|u| !u.whole));
        }
        let longest = units.of_sentence[0].iter().map(|r| r.len()).max().unwrap();
        assert!(longest > 1, "{:?}", units.units);
    }

    #[test]
    fn headings_are_not_compared() {
        let arts = fixture::articles(&[
            "Pope chosen\n\nThe cardinals chose a new pope on Thursday evening.\n\nAbout The New Pope\n\nHe was born in Chicago in 1955.",
        ]);
        let corpus = Corpus::build(&arts);
        let units = Units::build(&arts, &corpus);
        let comparable =
            |text: &str| units.units.iter().find(|u| u.span.slice(&arts[0].body) == text).map(|u| u.comparable);
        assert_eq!(comparable("About The New Pope"), Some(false));
        assert_eq!(comparable("The cardinals chose a new pope on Thursday evening."), Some(true));
    }

    #[test]
    fn a_number_counts_when_it_is_distinctive_within_its_story() {
        let story = [
            "One\n\nThe 133 cardinal electors reached a decision in 2025. The 28-point plan was discussed.",
            "Two\n\nThe 133 voting cardinals chose him. The 28-point plan was approved. The 28-point plan was leaked.",
            "Three\n\nCritics said the 28-point plan was rushed. The 28-point plan favours Moscow.",
        ];
        let other = "Harbour\n\nThe 28 cranes were moved to the 133 new berths.";
        let numbers = |texts: &[&str], stories: Stories, (article, sentence): SentenceRef| -> Vec<String> {
            let arts = fixture::articles(texts);
            let corpus = Corpus::build(&arts);
            let units = Units::build(&arts, &corpus);
            let all = numbers_within_stories(&corpus, &units, &stories);
            all[units.whole((article, sentence))].iter().map(|&t| corpus.vocab.term(t).unwrap().to_string()).collect()
        };
        // Each body opens with its title line. 133 is in two sentences; the
        // story's 28 in five; a year never counts.
        let alone = |r| numbers(&story, Stories::one(3), r);
        assert_eq!(alone((0, 1)), ["133"]);
        assert!(alone((0, 2)).is_empty() && alone((1, 2)).is_empty());
        // In a pile of seven articles, 28 would be in fewer sentences than
        // the pile has articles: judged within the story, it still tells
        // nothing, and the other story's 133 takes nothing away.
        let mut pile: Vec<&str> = story.to_vec();
        pile.extend([other; 4]);
        let stories = Stories { story: vec![0, 0, 0, 1, 1, 1, 1], members: vec![vec![0, 1, 2], vec![3, 4, 5, 6]] };
        let piled = |r| numbers(&pile, stories.clone(), r);
        assert_eq!(piled((0, 1)), ["133"]);
        assert!(piled((0, 2)).is_empty() && piled((1, 2)).is_empty());
    }

    #[test]
    fn the_same_words_quoted_whole_or_shortened_count_as_one_quote() {
        let arts = fixture::articles(&[
            "One\n\nStanding at the balcony, he told the crowd, “Peace be with you all tonight.” He said “thank you” twice.",
            "Two\n\nHe gave his blessing, saying, “Peace be with you,” to the thousands below.",
            "Three\n\nHe greeted the crowd with the words “May peace be with all of you,” witnesses said.",
            "Four\n\nHe said “thank you” to the cardinals who chose him that evening.",
            "Five\n\nHe told the crowd, “The road to peace is long and hard,” before he left.",
        ]);
        let corpus = Corpus::build(&arts);
        let units = Units::build(&arts, &corpus);
        let whole = |article: usize, sentence: usize| &units.units[units.whole((article, sentence))];
        // A quote shortened, or with words added inside, is the same quote.
        assert!(same_quote(whole(0, 1), whole(1, 1)));
        assert!(same_quote(whole(1, 1), whole(2, 1)));
        // Other words are another quote; two words are anybody's words.
        assert!(!same_quote(whole(1, 1), whole(4, 1)) && !same_quote(whole(2, 1), whole(4, 1)));
        assert!(whole(0, 2).quotes.is_empty() && !same_quote(whole(0, 2), whole(3, 1)));
        // A clause holds the quotes within it, not its sentence's others.
        let clause_without_quote = units.units[units.of_sentence[1][1].clone()]
            .iter()
            .find(|u| !u.whole && !u.span.slice(&arts[1].body).contains('“'))
            .map(|u| u.quotes.len());
        assert_eq!(clause_without_quote, Some(0), "{:?}", units.units);
    }

    #[test]
    fn a_quote_both_units_give_adds_its_bonus() {
        let arts = fixture::articles(&[
            "One\n\nStanding at the balcony, he told the crowd, “Peace be with you all tonight.”",
            "Two\n\nHe gave his blessing, saying, “Peace be with you,” to the thousands below.",
        ]);
        let corpus = Corpus::build(&arts);
        let units = Units::build(&arts, &corpus);
        let mut vectors = Vectors::default();
        for _ in units.to_encode(&arts) {
            let mut v = vec![0.0; crate::embed::DIM];
            v[0] = 1.0;
            vectors.push(&v);
        }
        let evidence = Evidence::new(&arts, &corpus, &units, &vectors);
        let with = SemanticThresholds::default();
        let without = SemanticThresholds { quote_bonus: 0.0, ..with };
        let (a, b) = ((0, 1), (1, 1));
        let gain = evidence.score(a, b, &with).unwrap() - evidence.score(a, b, &without).unwrap();
        assert!((gain - with.quote_bonus).abs() < 1e-6, "{gain}");
        let found = |th: &SemanticThresholds| matches(&evidence, th).iter().find(|m| (m.0, m.1) == (a, b)).map(|m| m.2);
        assert_eq!(found(&SemanticThresholds { accept: 0.0, ..with }), evidence.score(a, b, &with));
    }

    #[test]
    fn a_look_alike_in_a_crowded_neighbourhood_counts_for_nothing() {
        let th = SemanticThresholds::default();
        // Above its neighbourhood by the difference the score takes, not by
        // the ratio: one of many sentences cast in the same mould.
        let look_alike = Weighed {
            cosine: 0.66,
            background: 0.32,
            lexical: 0.3,
            clauses: 0.0,
            same_number: false,
            same_quote: false,
        };
        assert!(weigh(&SemanticThresholds { margin: 0.0, ..th }, look_alike) >= th.accept);
        assert!(weigh(&th, look_alike) < th.accept, "{}", weigh(&th, look_alike));
        // The same difference where the neighbourhood is sparse stands out.
        let standing_out = Weighed { cosine: 0.60, background: 0.25, ..look_alike };
        assert!(weigh(&th, standing_out) >= th.accept);
        // A cosine this high stands whatever the crowd (a story about one
        // thing has high backgrounds throughout).
        let clear = Weighed { cosine: th.clear_cosine, background: 0.40, ..look_alike };
        assert!(th.clear_cosine < th.margin * 0.40);
        assert!(weigh(&th, clear) >= th.accept);
        // A shared distinctive number corroborates the look-alike.
        let number = Weighed { same_number: true, ..look_alike };
        assert!(weigh(&th, number) >= th.accept);
    }

    #[test]
    fn shared_words_do_not_stand_in_for_a_weak_model_score() {
        let th = SemanticThresholds::default();
        let background = 0.2;
        let weak = Weighed {
            cosine: background + th.model_floor - 0.01,
            background,
            lexical: 0.9,
            clauses: 0.0,
            same_number: false,
            same_quote: false,
        };
        assert!(weigh(&th, weak) < th.accept, "{}", weigh(&th, weak));
        let strong = Weighed { cosine: background + th.model_floor, ..weak };
        assert!(weigh(&th, strong) >= th.accept);
        // A shared distinctive number or quote corroborates the words.
        let number = Weighed { same_number: true, ..weak };
        assert!(weigh(&th, number) >= th.accept + th.number_bonus - 0.01);
        let quote = Weighed { same_quote: true, ..weak };
        assert!(weigh(&th, quote) >= th.accept + th.quote_bonus - 0.01);
    }

    #[test]
    fn a_story_left_to_the_words_is_neither_read_nor_compared() {
        let arts = fixture::articles(&[
            "One\n\nThe storm cut power to 40,000 homes on Monday night.",
            "Two\n\nThe storm cut power to 40,000 homes on Monday night.",
            "Three\n\nThe storm cut power to 40,000 homes on Monday night.",
        ]);
        let corpus = Corpus::build(&arts);
        let mut units = Units::build(&arts, &corpus);
        let all = units.to_encode(&arts).len();
        units.leave_to_words(&[false, false, true]);
        let read = units.to_encode(&arts);
        assert!(read.iter().all(|(i, _)| units.units[*i].article != 2) && read.len() < all);
        let mut vectors = Vectors::default();
        for _ in &read {
            let mut v = vec![0.0; crate::embed::DIM];
            v[0] = 1.0;
            vectors.push(&v);
        }
        let evidence = Evidence::new(&arts, &corpus, &units, &vectors);
        let th = SemanticThresholds::default();
        let pairs: std::collections::BTreeSet<(usize, usize)> =
            matches(&evidence, &th).into_iter().map(|(a, b, _)| (a.0, b.0)).collect();
        assert_eq!(pairs.into_iter().collect::<Vec<_>>(), [(0, 1)]);
        assert_eq!(evidence.score((0, 1), (2, 1), &th), None);
    }

    #[test]
    fn in_a_pile_the_model_compares_within_a_story() {
        let arts = fixture::articles(&[
            "One\n\nThe storm cut power to 40,000 homes on Monday night.",
            "Two\n\nThe storm cut power to 40,000 homes on Monday night.",
            "Three\n\nThe storm cut power to 40,000 homes on Monday night. The storm cut power to 40,000 homes on Monday night.",
        ]);
        let corpus = Corpus::build(&arts);
        let units = Units::build(&arts, &corpus);
        // One text, one vector: the same sentence gets the same axis.
        let mut vectors = Vectors::default();
        for (_, text) in units.to_encode(&arts) {
            let mut v = vec![0.0; crate::embed::DIM];
            v[text.len() % crate::embed::DIM] = 1.0;
            vectors.push(&v);
        }
        let th = SemanticThresholds::default();
        // The stories of `story[article]`.
        let stories = |story: Vec<usize>| {
            let mut members = vec![Vec::new(); story.iter().max().unwrap() + 1];
            story.iter().enumerate().for_each(|(article, &s)| members[s].push(article));
            Stories { story, members }
        };
        let pairs = |story: Vec<usize>| -> Vec<(usize, usize)> {
            let evidence = Evidence::within(&arts, &corpus, &units, vectors.clone(), stories(story));
            let mut pairs: Vec<(usize, usize)> =
                matches(&evidence, &th).into_iter().map(|(a, b, _)| (a.0, b.0)).collect();
            pairs.dedup();
            pairs
        };
        assert_eq!(pairs(vec![0, 0, 0]), [(0, 1), (0, 2), (1, 2)]);
        // The third article is another story: never compared, and not in
        // the others' background.
        assert_eq!(pairs(vec![0, 0, 1]), [(0, 1)]);
        // The first article's storm sentence against the second's two
        // sentences (its title line and the storm), and in a story blind to
        // the pile, against the third's three as well.
        let storm = units.whole((0, 1));
        let apart = Evidence::within(&arts, &corpus, &units, vectors.clone(), stories(vec![0, 0, 1]));
        let blind = Evidence::within(&arts, &corpus, &units, vectors.clone(), stories(vec![0, 0, 0]));
        assert!((apart.background[storm] - 0.5).abs() < 1e-5, "{}", apart.background[storm]);
        assert!((blind.background[storm] - 0.6).abs() < 1e-5, "{}", blind.background[storm]);
        assert_eq!(apart.background[units.whole((2, 1))], 0.0, "a story of one article has no background");
    }
}
