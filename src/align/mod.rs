//! Align: the passages two articles share. Candidate sentence pairs come
//! from an inverted index, are scored by weighted term overlap, and matched
//! neighbours are joined into multi-sentence passages. Each passage carries a
//! word diff so that every view shows the same differences.

pub mod carried;
pub mod copies;
pub mod diff;
pub mod index;
pub mod related;
pub mod score;
pub mod semantic;
pub mod stories;
pub mod terms;
pub mod units;

use std::collections::{BTreeMap, HashMap};
use std::ops::Range;

use serde::Serialize;

pub use copies::Copies;
pub use diff::{Change, Chunk, WordDiff};
pub use score::{Corpus, Score, SentenceRef, Weighing};
pub use stories::Stories;

use crate::ingest::Article;
use crate::text::Span;

/// How closely a passage's two sides agree in wording.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// The same words, give or take a few.
    Verbatim,
    /// Lightly edited copy: mostly the same words in the same order.
    Near,
    /// The same content in different words.
    Paraphrase,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Verbatim => "verbatim",
            Kind::Near => "near",
            Kind::Paraphrase => "paraphrase",
        }
    }
}

/// One side of a passage: a run of whole sentences in one article.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Side {
    pub article: usize,
    pub sentences: Range<usize>,
    pub span: Span,
}

/// Two spans from two different articles that report the same thing.
#[derive(Clone, Debug, PartialEq)]
pub struct Passage {
    pub a: Side,
    pub b: Side,
    /// 0..=1: the larger of content overlap and word-order agreement.
    pub similarity: f32,
    pub kind: Kind,
    /// What found it: shared words, the sentence model, or a statement
    /// several sources carry.
    pub found_by: FoundBy,
    /// The sentence pairs matched within it (a sentence of `a`, one of
    /// `b`), in order; empty where a statement implies the passage and
    /// its sides as wholes report it.
    pub pairs: Vec<(usize, usize)>,
}

/// `x` rounded to two decimal places, halves away from zero (0.125 is
/// 0.13, where formatting with `{:.2}` would give 0.12).
pub fn two_places(x: f32) -> f64 {
    (f64::from(x) * 100.0).round() / 100.0
}

impl Passage {
    /// The similarity to two decimal places, as every output shows it (the
    /// export's number, the app's and the Markdown's text agree).
    pub fn similarity_shown(&self) -> f64 {
        two_places(self.similarity)
    }

    /// The word diff of the two sides, worked out when shown (the Compare
    /// view, the Markdown export): most passages are never looked at.
    pub fn diff(&self, articles: &[Article]) -> WordDiff {
        diff::diff(&articles[self.a.article].body, self.a.span, &articles[self.b.article].body, self.b.span)
    }

    /// The sentences of the other side that report `sentence` of
    /// `article`'s side: those matched with it, or the whole other side
    /// when none was matched with it alone. None when `article`'s side
    /// does not hold `sentence`.
    pub fn counterpart(&self, article: usize, sentence: usize) -> Option<(usize, Vec<usize>)> {
        let (here, there, flipped) =
            if self.a.article == article { (&self.a, &self.b, false) } else { (&self.b, &self.a, true) };
        if here.article != article || !here.sentences.contains(&sentence) {
            return None;
        }
        let mut matched: Vec<usize> = self
            .pairs
            .iter()
            .map(|&(i, j)| if flipped { (j, i) } else { (i, j) })
            .filter(|&(mine, _)| mine == sentence)
            .map(|(_, theirs)| theirs)
            .collect();
        if matched.is_empty() {
            matched = there.sentences.clone().collect();
        }
        matched.sort_unstable();
        matched.dedup();
        Some((there.article, matched))
    }
}

/// When two sentences count as the same report. Content overlap is
/// weighted by how distinctive the shared terms are; a long run of words
/// copied verbatim (a quote, wire copy) lowers the overlap needed.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Thresholds {
    /// Weighted Dice at or above which a pair matches on its own.
    pub dice: f32,
    /// Or: containment at or above this, with at least `shared` rare-term
    /// units shared (a short sentence inside a longer one).
    pub containment: f32,
    pub shared: f32,
    /// Or: this many rare-term units shared (many distinctive terms) with
    /// at least `dice_floor` Dice.
    pub heavy: f32,
    pub dice_floor: f32,
    /// Or: a verbatim run of `run` words with `dice_floor` Dice, or of
    /// `long_run` words with `long_run_dice` Dice.
    pub run: usize,
    pub long_run: usize,
    pub long_run_dice: f32,
    /// Or: a clause of a long sentence against the other sentence (or one
    /// of its clauses) at `clause_dice` Dice, sharing `clause_terms` terms
    /// worth `clause_shared` rare-term units.
    pub clause_dice: f32,
    pub clause_terms: usize,
    pub clause_shared: f32,
}

impl Default for Thresholds {
    fn default() -> Self {
        Thresholds {
            dice: 0.45,
            containment: 0.6,
            shared: 2.5,
            heavy: 3.75,
            dice_floor: 0.3,
            run: 6,
            long_run: 8,
            long_run_dice: 0.2,
            clause_dice: 0.5,
            clause_terms: 4,
            clause_shared: 2.5,
        }
    }
}

impl Thresholds {
    /// A lower bound on shared weight over the lighter sentence's weight for
    /// every pair these thresholds accept: each way to accept needs a Dice of
    /// at least `d` (so a share of `d / 2` of the lighter side) or a
    /// containment. The candidate index relies on it.
    pub fn min_share(&self) -> f32 {
        (self.dice.min(self.dice_floor).min(self.long_run_dice) / 2.0).min(self.containment)
    }

    /// The full decision for two sentences of `corpus`: the score when they
    /// report the same thing.
    pub fn verify(&self, corpus: &Corpus, a: SentenceRef, b: SentenceRef) -> Option<Score> {
        self.verify_by(corpus, corpus.weighing(), a, b)
    }

    /// [`Self::verify`] with the given weights (a story's, see
    /// [`within_stories`]).
    pub fn verify_by(&self, corpus: &Corpus, weighing: Weighing, a: SentenceRef, b: SentenceRef) -> Option<Score> {
        let score = weighing.score(corpus.sentence(a), corpus.sentence(b));
        // A report inside a longer sentence: its clause matches on its own.
        // (The whole sentences must still clear the index's bounds.)
        let by_clause = || {
            score.n_shared >= self.clause_terms
                && score.containment >= self.min_share()
                && corpus.best_clause_score_by(weighing, a, b).is_some_and(|c| {
                    c.dice >= self.clause_dice && c.n_shared >= self.clause_terms && c.rare >= self.clause_shared
                })
        };
        // A list of names copied word for word is shared content in itself.
        let same = (self.accepts(&score, |k| corpus.has_run(a, b, k)) || by_clause())
            && (corpus.shared_content(a, b) >= MIN_SHARED_CONTENT || corpus.has_run(a, b, self.long_run))
            && !corpus.names_conflict_by(weighing, a, b);
        same.then_some(score)
    }

    /// Decides on content overlap and, only when needed, on whether the
    /// sentences share a verbatim run of `k` words (`has_run(k)`).
    pub fn accepts(&self, s: &Score, has_run: impl Fn(usize) -> bool) -> bool {
        if s.n_shared < index::MIN_SHARED_TERMS {
            return false;
        }
        if s.dice >= self.dice
            || (s.containment >= self.containment && s.rare >= self.shared)
            || (s.rare >= self.heavy && s.dice >= self.dice_floor)
        {
            return true;
        }
        if s.dice < self.long_run_dice {
            return false;
        }
        if s.dice >= self.dice_floor && has_run(self.run) {
            return true;
        }
        has_run(self.long_run)
    }
}

/// Two sentences naming the same people and places must also share this
/// many other terms: the same names alone ("Peskov ... Kyiv") do not make
/// the same statement.
pub const MIN_SHARED_CONTENT: usize = 2;

/// Word-diff ratio at or above which a passage is near (lightly edited).
/// Verbatim is the same words in the same order, case and punctuation
/// aside: a fact-checker reads "verbatim" as the same words, and "the
/// senior official said" / "the official said" is not.
const NEAR_RATIO: f32 = 0.6;
/// An unchanged run of at least this many words, covering three quarters of
/// the shorter side, also makes a passage verbatim.
const VERBATIM_RUN: usize = 8;

/// A scored sentence pair that passed the thresholds.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct SentenceMatch {
    pub a: SentenceRef,
    pub b: SentenceRef,
    /// The lexical comparison of the two sentences.
    pub score: Score,
    /// The sentence model's combined score ([`semantic`]), when it ran.
    pub semantic: Option<f32>,
    /// What found the pair.
    pub found_by: FoundBy,
}

impl SentenceMatch {
    /// How strongly the two sentences match, for ordering matches of one
    /// analysis (the model's score when it ran, the lexical Dice otherwise).
    pub fn strength(&self) -> f32 {
        self.semantic.unwrap_or(self.score.dice)
    }
}

/// Which evidence found a match.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum FoundBy {
    /// Shared words: the lexical matcher.
    Words,
    /// The sentence model (with the lexical evidence), where the words alone fell short.
    Model,
    /// A statement that several sources carry: two of its reports, worded
    /// too far apart to match directly (passages only, see [`add_implied`]).
    Statement,
}

impl FoundBy {
    pub fn as_str(self) -> &'static str {
        match self {
            FoundBy::Words => "words",
            FoundBy::Model => "model",
            FoundBy::Statement => "statement",
        }
    }
}

/// All matching sentence pairs of related articles (all pairs of a few
/// articles, see [`related`]), sorted by (a, b).
pub fn sentence_matches(corpus: &Corpus, th: &Thresholds) -> Vec<SentenceMatch> {
    sentence_matches_among(corpus, &related::Related::of(corpus).article_pairs(), th)
}

/// All matching sentence pairs of the given article pairs, sorted by (a, b).
pub fn sentence_matches_among(corpus: &Corpus, pairs: &[(usize, usize)], th: &Thresholds) -> Vec<SentenceMatch> {
    index::search_pairs(corpus, pairs, th.min_share(), |a, b| th.verify(corpus, a, b))
        .into_iter()
        .map(|(a, b, score)| SentenceMatch { a, b, score, semantic: None, found_by: FoundBy::Words })
        .collect()
}

/// All matching sentence pairs, sorted by (a, b), with the copies of a
/// statement many articles carry ([`Copies`]) folded: the index sees only
/// each statement's first carrier, and every other carrier is matched with
/// it alone, one verdict per wording (when the wording matches at all: a
/// copy of a line too short to compare matches nothing, as it did
/// unfolded). Without such copies, exactly [`sentence_matches`].
pub fn sentence_matches_folded(
    corpus: &Corpus,
    pairs: &[(usize, usize)],
    copies: &Copies,
    th: &Thresholds,
) -> Vec<SentenceMatch> {
    if copies.is_empty() {
        return sentence_matches_among(corpus, pairs, th);
    }
    // The index reads only terms and weights: folded sentences have none.
    let mut terms = corpus.terms.clone();
    for (index, statement) in copies.statements.iter().enumerate() {
        let first = copies.first_of(index);
        for &(article, sentence) in statement.iter().flatten().filter(|&&carrier| carrier != first) {
            terms[article][sentence].clear();
        }
    }
    let unfolded = Corpus { terms, weight: corpus.weight.clone(), ..Corpus::default() };
    let mut out: Vec<SentenceMatch> =
        index::search_pairs(&unfolded, pairs, th.min_share(), |a, b| th.verify(corpus, a, b))
            .into_iter()
            .map(|(a, b, score)| SentenceMatch { a, b, score, semantic: None, found_by: FoundBy::Words })
            .collect();
    for (index, statement) in copies.statements.iter().enumerate() {
        out.extend(folded_matches(corpus, statement, copies.first_of(index), th));
    }
    out.sort_by_key(|m| (m.a, m.b));
    out
}

/// Each carrier of a folded statement matched with its first carrier: the
/// carriers of one wording have the same words, so one verdict holds for
/// all of them. The earlier sentence of each pair is its `a`.
fn folded_matches<'s>(
    corpus: &'s Corpus,
    statement: &'s [Vec<SentenceRef>],
    first: SentenceRef,
    th: &'s Thresholds,
) -> impl Iterator<Item = SentenceMatch> + 's {
    statement.iter().flat_map(move |wording| {
        let copies = wording.iter().copied().filter(move |&carrier| carrier != first);
        let verdict =
            wording.iter().find(|&&carrier| carrier != first).and_then(|&copy| th.verify(corpus, first, copy));
        copies.filter(move |_| verdict.is_some()).map(move |copy| {
            let (a, b) = if first < copy { (first, copy) } else { (copy, first) };
            SentenceMatch { a, b, score: verdict.unwrap_or_default(), semantic: None, found_by: FoundBy::Words }
        })
    })
}

/// The matches of a pile of several stories, each match found by words
/// checked again with its story's own weights ([`Corpus::weights_within`]),
/// as if the story had been loaded alone: in a large pile a story's names
/// are rare and weigh a lot, and two of its sentences cast in the same
/// mould (the same names, other particulars) look alike; within the story
/// those names weigh little. The words' matches that fail there and
/// matches across stories are dropped (the sentence model, reading the
/// story, judges the pairs it keeps as it judges its own). With one story
/// the weights are the set's own and nothing changes.
pub fn within_stories(
    corpus: &Corpus,
    stories: &Stories,
    matches: Vec<SentenceMatch>,
    th: &Thresholds,
) -> Vec<SentenceMatch> {
    let mut matches = matches;
    matches.retain(|m| stories.together(m.a.0, m.b.0));
    if stories.len() <= 1 {
        return matches;
    }
    let mut of_story: Vec<Vec<usize>> = vec![Vec::new(); stories.len()];
    for (index, m) in matches.iter().enumerate() {
        if m.found_by == FoundBy::Words {
            of_story[stories.story[m.a.0]].push(index);
        }
    }
    let checked: Vec<(usize, Vec<usize>)> = of_story.into_iter().enumerate().filter(|(_, m)| !m.is_empty()).collect();
    let failed: Vec<Vec<usize>> = crate::par::map(&checked, |(story, indices)| {
        let weights = corpus.weights_within(&stories.members[*story]);
        let weighing = weights.weighing();
        indices
            .iter()
            .copied()
            .filter(|&i| th.verify_by(corpus, weighing, matches[i].a, matches[i].b).is_none())
            .collect()
    });
    let mut drop = vec![false; matches.len()];
    for index in failed.into_iter().flatten() {
        drop[index] = true;
    }
    let mut index = 0;
    matches.retain(|_| {
        index += 1;
        !drop[index - 1]
    });
    matches
}

/// The lexical matches joined with the sentence model's: every pair the
/// words found, with the model's score added, and the pairs only the
/// model found, but for those naming other people or places in one frame
/// ([`Corpus::names_conflict`]) and those between two statements the words
/// found apart ([`carried::Carried::apart`]). Sorted by (a, b).
pub fn with_model(
    corpus: &Corpus,
    lexical: Vec<SentenceMatch>,
    evidence: &semantic::Evidence,
    th: &semantic::SemanticThresholds,
) -> Vec<SentenceMatch> {
    let mut out: Vec<SentenceMatch> =
        lexical.into_iter().map(|m| SentenceMatch { semantic: evidence.score(m.a, m.b, th), ..m }).collect();
    let known: std::collections::HashSet<(SentenceRef, SentenceRef)> = out.iter().map(|m| (m.a, m.b)).collect();
    let carried = carried::Carried::of(&out);
    for (a, b, strength) in semantic::matches(evidence, th) {
        if !known.contains(&(a, b)) && !corpus.names_conflict(a, b) && !carried.apart(a, b) {
            let score = corpus.score(corpus.sentence(a), corpus.sentence(b));
            out.push(SentenceMatch { a, b, score, semantic: Some(strength), found_by: FoundBy::Model });
        }
    }
    out.sort_by_key(|m| (m.a, m.b));
    out
}

/// Finds the passages shared by every pair of articles.
pub fn passages(articles: &[Article], corpus: &Corpus, th: &Thresholds) -> Vec<Passage> {
    passages_from(articles, corpus, &sentence_matches(corpus, th))
}

/// Builds passages from already matched sentence pairs.
pub fn passages_from(articles: &[Article], corpus: &Corpus, matches: &[SentenceMatch]) -> Vec<Passage> {
    let mut by_pair: BTreeMap<(usize, usize), Vec<(usize, usize)>> = BTreeMap::new();
    let mut by_words: std::collections::HashSet<(SentenceRef, SentenceRef)> = std::collections::HashSet::new();
    for m in matches {
        by_pair.entry((m.a.0, m.b.0)).or_default().push((m.a.1, m.b.1));
        if m.found_by == FoundBy::Words {
            by_words.insert((m.a, m.b));
        }
    }
    type PairMatches = ((usize, usize), Vec<(usize, usize)>);
    let groups: Vec<PairMatches> = by_pair.into_iter().collect();
    let built: Vec<Vec<Passage>> = crate::par::map(&groups, |((x, y), pairs)| {
        components(pairs)
            .into_iter()
            .map(|(ra, rb)| {
                // Words found it when words found any of its sentence pairs.
                let words = pairs
                    .iter()
                    .any(|&(i, j)| ra.contains(&i) && rb.contains(&j) && by_words.contains(&((*x, i), (*y, j))));
                let found_by = if words { FoundBy::Words } else { FoundBy::Model };
                let within: Vec<(usize, usize)> =
                    pairs.iter().copied().filter(|&(i, j)| ra.contains(&i) && rb.contains(&j)).collect();
                Passage { found_by, pairs: within, ..build(articles, corpus, *x, ra, *y, rb) }
            })
            .collect()
    });
    built.into_iter().flatten().collect()
}

/// Adds the passages a statement shared by several sources implies: two
/// members of one `group` (a cohesive cluster: most of its pairs matched
/// directly) report the same thing even when their own wording is too far
/// apart to match ("not consulted" / "had no role" through a third report
/// close to both). Pairs already covered by a passage are left as they are.
/// Keeps the passages in their order (by article pair, then position).
pub fn add_implied(
    articles: &[Article],
    corpus: &Corpus,
    passages: &mut Vec<Passage>,
    groups: &[Vec<(usize, Range<usize>)>],
) {
    let overlap = |a: &Range<usize>, b: &Range<usize>| a.start < b.end && b.start < a.end;
    // The sentence ranges already paired, by article pair: looking only at
    // a pair's own passages keeps this linear in the number of passages.
    type Ranges = Vec<(Range<usize>, Range<usize>)>;
    let mut paired: HashMap<(usize, usize), Ranges> = HashMap::new();
    for p in passages.iter() {
        let (x, y) = if p.a.article <= p.b.article { (&p.a, &p.b) } else { (&p.b, &p.a) };
        paired.entry((x.article, y.article)).or_default().push((x.sentences.clone(), y.sentences.clone()));
    }
    let mut added = Vec::new();
    for g in groups {
        for (i, (xa, xr)) in g.iter().enumerate() {
            for (ya, yr) in &g[i + 1..] {
                if xa == ya {
                    continue;
                }
                let ((a, ra), (b, rb)) = if xa < ya { ((*xa, xr), (*ya, yr)) } else { ((*ya, yr), (*xa, xr)) };
                let covered =
                    paired.get(&(a, b)).is_some_and(|ps| ps.iter().any(|(pa, pb)| overlap(pa, ra) && overlap(pb, rb)));
                // Not the same frame with other names ("Officials in Lyon
                // said ..." / "Officials in Riga said ..."), which a chain
                // through a third report can join.
                let conflict = ra.clone().any(|i| rb.clone().any(|j| corpus.names_conflict((a, i), (b, j))));
                if !covered && !conflict {
                    paired.entry((a, b)).or_default().push((ra.clone(), rb.clone()));
                    added.push(Passage {
                        found_by: FoundBy::Statement,
                        ..build(articles, corpus, a, ra.clone(), b, rb.clone())
                    });
                }
            }
        }
    }
    passages.extend(added);
    passages.sort_by_key(|p| (p.a.article, p.b.article, p.a.sentences.start, p.b.sentences.start, p.a.sentences.end));
}

/// Joins matched sentence pairs that are neighbours on both sides (moving
/// forward together, or one side staying while the other moves on) into
/// runs. Returns the sentence ranges of each run, sorted.
fn components(pairs: &[(usize, usize)]) -> Vec<(Range<usize>, Range<usize>)> {
    let mut links = Vec::new();
    for (i, &(a1, b1)) in pairs.iter().enumerate() {
        for (j, &(a2, b2)) in pairs.iter().enumerate().skip(i + 1) {
            if a2 > a1 + 1 {
                break; // pairs are sorted by a
            }
            let da = a2 as isize - a1 as isize;
            let db = b2 as isize - b1 as isize;
            if da.abs() <= 1 && db.abs() <= 1 && da * db >= 0 {
                links.push((i, j));
            }
        }
    }
    let labels = stories::component_labels(pairs.len(), &links);
    let mut runs: BTreeMap<usize, (Range<usize>, Range<usize>)> = BTreeMap::new();
    for (&label, &(a, b)) in labels.iter().zip(pairs) {
        let e = runs.entry(label).or_insert((a..a + 1, b..b + 1));
        e.0 = e.0.start.min(a)..e.0.end.max(a + 1);
        e.1 = e.1.start.min(b)..e.1.end.max(b + 1);
    }
    let mut out: Vec<_> = runs.into_values().collect();
    out.sort_by_key(|(a, b)| (a.start, b.start, a.end, b.end));
    out.dedup();
    out
}

/// Whether the words only one side has, on each side that has any, tell
/// who said it ("Zelensky posted" / "the president wrote", "the airline
/// added"): a quote copied inside other attribution. A clause cut or
/// edited ("in the capital Dushanbe") is no attribution, and its passage
/// is not verbatim however long the run around it.
fn differs_in_attribution_only(first: &str, second: &str) -> bool {
    let folded = |text: &str| -> std::collections::HashSet<String> {
        crate::text::words::words(text).map(|(_, word)| word.to_lowercase()).collect()
    };
    let (first, second) = (folded(first), folded(second));
    let attributes = |own: &std::collections::HashSet<String>, other: &std::collections::HashSet<String>| {
        let mut only = own.difference(other).peekable();
        only.peek().is_none() || only.any(|word| crate::text::lexicon::is_reporting_verb(word))
    };
    attributes(&first, &second) && attributes(&second, &first)
}

fn side(articles: &[Article], article: usize, sentences: Range<usize>) -> Side {
    let a = &articles[article];
    let span = Span::new(a.sentences[sentences.start].start, a.sentences[sentences.end - 1].end);
    Side { article, sentences, span }
}

fn build(articles: &[Article], corpus: &Corpus, x: usize, ra: Range<usize>, y: usize, rb: Range<usize>) -> Passage {
    let terms = |art: usize, r: &Range<usize>| {
        r.clone().fold(Vec::new(), |acc, s| score::union(&acc, corpus.sentence((art, s))))
    };
    let content = corpus.score(&terms(x, &ra), &terms(y, &rb));
    let a = side(articles, x, ra);
    let b = side(articles, y, rb);
    // Word-order agreement from the folded words of each side: the share
    // of words in their longest common subsequence (what a word diff keeps
    // equal), and the longest run copied verbatim.
    let words = |art: usize, r: &Range<usize>| -> Vec<u64> {
        r.clone().flat_map(|s| corpus.words[art][s].iter().copied()).collect()
    };
    // A dateline opening a side ("DUNMORE, March 14 (Worldwire) -") is the
    // wire's furniture, not its words: what follows it is compared.
    let after_dateline = |art: usize, s: &Side, w: Vec<u64>| -> Vec<u64> {
        let ar = &articles[art];
        let n = if ar.dateline_end > s.span.start && ar.dateline_end < s.span.end {
            crate::text::words::words(&ar.body[s.span.start..ar.dateline_end]).count()
        } else {
            0
        };
        w[n.min(w.len())..].to_vec()
    };
    let wa = after_dateline(x, &a, words(x, &a.sentences));
    let wb = after_dateline(y, &b, words(y, &b.sentences));
    let total = (wa.len() + wb.len()).max(1);
    let ratio = 2.0 * score::lcs_len(&wa, &wb) as f32 / total as f32;
    let longest = score::longest_run(&wa, &wb);
    // A quote copied word for word inside differently worded attribution
    // ("..., Zelensky posted" / "..., the president wrote") is verbatim too.
    let shorter = wa.len().min(wb.len()).max(1);
    let copied_run = longest >= VERBATIM_RUN
        && longest * 4 >= shorter * 3
        && differs_in_attribution_only(
            &articles[x].body[a.span.start.max(articles[x].dateline_end).min(a.span.end)..a.span.end],
            &articles[y].body[b.span.start.max(articles[y].dateline_end).min(b.span.end)..b.span.end],
        );
    let kind = if wa == wb || copied_run {
        Kind::Verbatim
    } else if ratio >= NEAR_RATIO {
        Kind::Near
    } else {
        Kind::Paraphrase
    };
    let similarity = ratio.max(content.dice).clamp(0.0, 1.0);
    Passage { a, b, similarity, kind, found_by: FoundBy::Words, pairs: Vec::new() }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_similarity_is_shown_rounded_halves_up() {
        assert_eq!(two_places(0.125), 0.13);
        assert_eq!(format!("{:.2}", two_places(0.125)), "0.13");
        assert_eq!(two_places(0.124), 0.12);
        assert_eq!(two_places(1.0), 1.0);
    }
    use crate::fixture::articles as arts;

    fn find(texts: &[&str]) -> (Vec<Article>, Vec<Passage>) {
        let a = arts(texts);
        let c = Corpus::build(&a);
        let p = passages(&a, &c, &Thresholds::default());
        (a, p)
    }

    #[test]
    fn finds_a_verbatim_quote() {
        let (a, p) = find(&[
            "Markets were calm. \"Every brazen attack shows the pressure on Russia is insufficient,\" Zelensky posted. Rain fell in Lviv.",
            "Ferries were cancelled. \"Every brazen attack shows the pressure on Russia is insufficient,\" the president wrote. Schools stayed open.",
        ]);
        assert_eq!(p.len(), 1, "{p:?}");
        assert_eq!(p[0].kind, Kind::Verbatim);
        assert!(p[0].a.span.slice(&a[0].body).contains("brazen"));
        assert!(p[0].b.span.slice(&a[1].body).contains("brazen"));
    }

    #[test]
    fn a_sentence_of_a_passage_is_reported_by_the_sentences_matched_with_it() {
        let arts = arts(&[
            "One\n\nThe storm cut power to homes on Monday. Schools closed in three towns. Ferries stopped.",
            "Two\n\nHomes lost power in the storm on Monday. Three towns shut their schools. Buses ran late.",
        ]);
        let corpus = Corpus::build(&arts);
        let matched = |a: SentenceRef, b: SentenceRef| SentenceMatch {
            a,
            b,
            score: Score::default(),
            semantic: None,
            found_by: FoundBy::Words,
        };
        let p = passages_from(&arts, &corpus, &[matched((0, 0), (1, 0)), matched((0, 1), (1, 1))]);
        assert_eq!(p.len(), 1, "{p:?}");
        assert_eq!((p[0].a.sentences.clone(), p[0].b.sentences.clone()), (0..2, 0..2));
        assert_eq!(p[0].counterpart(0, 1), Some((1, vec![1])));
        assert_eq!(p[0].counterpart(1, 0), Some((0, vec![0])));
        assert_eq!(p[0].counterpart(0, 2), None);
        // A passage a statement implies reports it with its whole sides.
        let implied = Passage { pairs: Vec::new(), ..p[0].clone() };
        assert_eq!(implied.counterpart(1, 1), Some((0, vec![0, 1])));
    }

    #[test]
    fn one_word_in_a_long_sentence_makes_it_near_not_verbatim() {
        let line = "Washington has drafted a new plan to end the war that would require Ukraine to cede territory \
                    and cut the size of its army by half, while Russia would keep the land it holds in the east and \
                    the south of the country and gain relief from sanctions over time, the senior official said.";
        let edited = line.replace("the senior official", "the official");
        let (_, p) = find(&[&format!("{line} Markets were calm."), &format!("{edited} Ferries were cancelled.")]);
        assert_eq!(p.len(), 1, "{p:?}");
        assert_eq!(p[0].kind, Kind::Near, "{p:?}");
    }

    #[test]
    fn a_clause_cut_from_a_long_copied_run_is_not_verbatim() {
        let line = "Rescue crews from four counties moved residents of the Halvik district to the secondary school overnight, where the council opened a shelter near the river.";
        let cut = line.replace(" near the river", "");
        let (_, p) = find(&[&format!("{line} Markets were calm."), &format!("{cut} Ferries were cancelled.")]);
        assert_eq!(p.len(), 1, "{p:?}");
        assert_eq!(p[0].kind, Kind::Near, "{p:?}");
        // The same run inside other attribution stays verbatim.
        let attributed = line.replace("river.", "river, officials said.");
        let (_, p) = find(&[&format!("{line} Markets were calm."), &format!("{attributed} Rain fell.")]);
        assert_eq!(p.len(), 1, "{p:?}");
        assert_eq!(p[0].kind, Kind::Verbatim, "{p:?}");
    }

    #[test]
    fn verbatim_means_the_same_words_a_dateline_aside() {
        let wire = "Sweden's central bank unexpectedly raised its policy rate to 2.00% on Tuesday, saying a renewed rise in inflation left it no choice but to act.";
        // The same copy under a wire dateline: verbatim.
        let (_, p) = find(&[
            &format!("Rates rise\n2025-12-30\n\nSTOCKHOLM, Dec 30 (NordWire) - {wire}"),
            &format!("Riksbank\n2025-12-30\n\n{wire}"),
        ]);
        assert_eq!(p.len(), 1, "{p:?}");
        assert_eq!(p[0].kind, Kind::Verbatim, "{p:?}");
        // One word changed in a sentence of this length: lightly edited.
        let edited = wire.replace("on Tuesday", "Tuesday").replace("unexpectedly", "suddenly");
        let (_, p) =
            find(&[&format!("Rates rise\n2025-12-30\n\n{wire}"), &format!("Riksbank\n2025-12-30\n\n{edited}")]);
        assert_eq!(p.len(), 1, "{p:?}");
        assert_eq!(p[0].kind, Kind::Near, "{p:?}");
    }

    #[test]
    fn finds_a_reworded_report() {
        let (_, p) = find(&[
            "A US army delegation led by Army Secretary Daniel Driscoll travelled to Kiev on Wednesday to discuss strategy. Other news followed.",
            "Unrelated opening sentence about weather in Berlin. A high-level U.S. Army delegation, led by Secretary Dan Driscoll, arrived in Kyiv on Wednesday.",
        ]);
        assert_eq!(p.len(), 1, "{p:?}");
        assert_ne!(p[0].kind, Kind::Verbatim);
    }

    #[test]
    fn common_phrases_alone_do_not_match() {
        let (_, p) = find(&[
            "The war in Ukraine has lasted years. Grain exports fell sharply in the south.",
            "The war in Ukraine continues. A new bridge opened in the capital on Monday.",
            "The war in Ukraine dominated the summit. Fishermen protested quotas.",
        ]);
        assert!(p.is_empty(), "{p:?}");
    }

    #[test]
    fn neighbouring_matches_join_into_one_passage() {
        let (_, p) = find(&[
            "Intro line here. Zakharova said Moscow received no proposal through official channels. Peskov said there were no such plans for talks with Driscoll. Closing line.",
            "Zakharova said Moscow had received no proposal through official channels. Peskov said there were no such plans for any talks with Driscoll. Something else.",
        ]);
        assert_eq!(p.len(), 1, "{p:?}");
        assert_eq!(p[0].a.sentences, 1..3);
        assert_eq!(p[0].b.sentences, 0..2);
    }

    #[test]
    fn each_pair_once_and_sides_from_different_articles() {
        let arts = crate::fixture::sample().articles;
        let c = Corpus::build(&arts);
        let p = passages(&arts, &c, &Thresholds::default());
        assert!(!p.is_empty());
        for (i, x) in p.iter().enumerate() {
            assert!(x.a.article < x.b.article);
            assert!((0.0..=1.0).contains(&x.similarity));
            for y in &p[i + 1..] {
                assert!(!(x.a == y.a && x.b == y.b));
            }
        }
    }

    #[test]
    fn a_statement_shared_by_three_implies_the_missing_pair() {
        let a = arts(&[
            "Opening line one. Ukrainian sources said Kyiv was not consulted while the plan was developed. Closing.",
            "Opening line two. Ukraine had no role in shaping the plan, sources close to Kyiv said. Closing.",
            "Opening line three. Officials in Lyon said a vote on the budget was expected by Tuesday.",
            "Opening line four. Officials in Riga said a vote on the budget was expected by Tuesday.",
        ]);
        let c = Corpus::build(&a);
        let mut p = Vec::new();
        add_implied(&a, &c, &mut p, &[vec![(0, 1..2), (1, 1..2)], vec![(2, 1..2), (3, 1..2)]]);
        // The reworded pair is added; the same frame with other names is not.
        assert_eq!(p.len(), 1, "{p:?}");
        assert_eq!((p[0].a.article, p[0].b.article), (0, 1));
        // A pair already covered is not added twice.
        let before = p.clone();
        add_implied(&a, &c, &mut p, &[vec![(1, 1..2), (0, 1..2)]]);
        assert_eq!(p, before);
    }

    #[test]
    fn within_its_story_the_same_mould_with_other_particulars_is_no_match() {
        // Story 0: two reports naming the Zelkor Agency throughout. Story
        // 1: reports where harbours, levies, tunnels and budgets are
        // everyday words, and the Zelkor Agency unknown.
        let zelkor = [
            "The Zelkor Agency approved the new harbour levy on Monday, citing rising prices. Marwick of the Zelkor Agency praised the Brindle ferries. Marwick said the Zelkor Agency would close the Quillan shipyard by March.",
            "The Zelkor Agency rejected the disputed tunnel budget on Friday, citing rising prices. Marwick of the Zelkor Agency visited the Brindle docks. Marwick said the Zelkor Agency would close the Quillan shipyard by March.",
        ];
        let everyday = "Officials approved the new harbour levy after a vote. Critics rejected the disputed tunnel budget again. The new harbour levy was approved and the disputed tunnel budget rejected.";
        let mut texts: Vec<&str> = zelkor.to_vec();
        texts.extend(std::iter::repeat_n(everyday, 6));
        let a = arts(&texts);
        let c = Corpus::build(&a);
        let th = Thresholds::default();
        let found = sentence_matches(&c, &th);
        let pair = |m: &SentenceMatch| (m.a, m.b);
        // Weighed over the whole pile, the two frames look alike.
        assert!(found.iter().any(|m| pair(m) == ((0, 0), (1, 0))), "{found:?}");
        let stories =
            Stories { story: [0, 0].into_iter().chain([1; 6]).collect(), members: vec![vec![0, 1], (2..8).collect()] };
        let kept = within_stories(&c, &stories, found.clone(), &th);
        assert!(!kept.iter().any(|m| pair(m) == ((0, 0), (1, 0))), "{kept:?}");
        // The statement both reports carry stays, and so does story 1's.
        assert!(kept.iter().any(|m| pair(m) == ((0, 2), (1, 2))), "{kept:?}");
        assert!(kept.iter().any(|m| m.a.0 == 2 && m.b.0 == 3));
        // One story changes nothing.
        assert_eq!(within_stories(&c, &Stories::one(8), found.clone(), &th), found);
    }

    #[test]
    fn components_join_diagonals_and_fans() {
        let runs = components(&[(1, 0), (2, 1), (5, 5), (5, 6), (9, 2)]);
        assert_eq!(runs, vec![(1..3, 0..2), (5..6, 5..7), (9..10, 2..3)]);
    }
}
