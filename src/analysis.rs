//! The analysis of one set of articles: every stage run in order. The export
//! and the terminal app both draw from an [`Analysis`].

mod within;

use crate::align::related::Related;
use crate::align::semantic::{self, Meanings, SemanticThresholds, Units};
use crate::align::{self, Copies, Corpus, Passage, SentenceMatch, Stories, Thresholds};
use crate::embed::Encoder;
use crate::ingest::{Article, Loaded, Warning};
use crate::story::{self, Story};
use crate::timeline::{self, Event};

/// Everything parallax computes about a set of articles.
#[derive(Debug, Clone)]
pub struct Analysis {
    pub articles: Vec<Article>,
    /// Inputs that were not loaded, each naming the file.
    pub skipped: Vec<Warning>,
    pub corpus: Corpus,
    /// The statements many sources carry word for word or nearly so,
    /// folded onto their first carrier before any pairwise work.
    pub copies: Copies,
    /// The articles grouped into stories; passages, statements and events
    /// stay within one.
    pub stories: Stories,
    /// Each story in brief (title, articles, outlets, dates, lead statement).
    pub overviews: Vec<story::Overview>,
    pub passages: Vec<Passage>,
    pub timeline: Vec<Event>,
    pub story: Story,
    /// Whether the sentence model took part.
    pub model: ModelUse,
}

/// Whether the sentence model took part in an analysis.
#[derive(Debug, Clone, Default, PartialEq)]
pub enum ModelUse {
    /// Not asked for: words alone.
    #[default]
    Off,
    /// Used: vectors the model computed and vectors read from the cache,
    /// the stories waiting for their vectors (matched on words alone for
    /// now, by an encoder that reads the cache alone: see
    /// [`Encoder::cache_only`]), and any problem with the cache or a story
    /// too large for the model.
    Used { computed: usize, cached: usize, waiting: usize, notes: Vec<Warning> },
    /// Asked for but not available: words alone, and why.
    Failed(Warning),
}

/// How to analyse.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// The sentence model's vectors (with their cache); `None`: words alone.
    pub encoder: Option<Encoder>,
    /// How the model's evidence is weighed (the defaults were tuned on
    /// real stories; tools that tune them set their own).
    pub semantic: SemanticThresholds,
}

/// Where an analysis is: a stage starting, or the sentence model's count
/// of texts encoded so far.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Progress {
    Stage(Stage),
    Vectors { done: usize, total: usize },
}

/// The stages of an analysis, in the order they run.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Stage {
    /// Content terms of every sentence.
    Terms,
    /// Sentence pairs that report the same thing.
    Matching,
    /// The sentence model reads every sentence and clause (when asked for).
    Model,
    /// Matched sentences joined into passages, with word diffs.
    Passages,
    /// Dated events, merged across sources.
    Timeline,
    /// Statements across sources, coverage, discrepancies, quotes.
    Story,
}

impl ModelUse {
    /// What to tell the reader about the model: why it was not used, or
    /// what went wrong with its cache.
    pub fn warnings(&self) -> &[Warning] {
        match self {
            ModelUse::Off => &[],
            ModelUse::Used { notes, .. } => notes,
            ModelUse::Failed(why) => std::slice::from_ref(why),
        }
    }
}

impl Stage {
    /// The stages of an analysis without the model, in order.
    pub const ALL: [Stage; 5] = [Stage::Terms, Stage::Matching, Stage::Passages, Stage::Timeline, Stage::Story];

    pub fn label(self) -> &'static str {
        match self {
            Stage::Terms => "reading terms",
            Stage::Matching => "matching sentences",
            Stage::Model => "reading with the sentence model",
            Stage::Passages => "building passages",
            Stage::Timeline => "building the timeline",
            Stage::Story => "comparing sources",
        }
    }
}

/// Runs the whole analysis on loaded articles.
///
/// ```
/// use parallax::ingest::{Source, parse_all};
///
/// let texts = [
///     "Bridge reopens\n2025-03-05\n\nThe Elm Street bridge reopened on Monday after three months of repairs, the city said.",
///     "Repairs done\n2025-03-06\n\nThe city said the Elm Street bridge reopened on Monday after three months of repairs.",
/// ];
/// let sources: Vec<Source> = texts
///     .iter()
///     .enumerate()
///     .map(|(i, text)| Source {
///         path: format!("{i}.txt"),
///         stem: format!("a{i}"),
///         bytes: text.as_bytes().to_vec(),
///         truncated_from: None,
///     })
///     .collect();
/// let analysis = parallax::analyse(parse_all(&sources));
///
/// assert_eq!(analysis.articles[0].title.as_deref(), Some("Bridge reopens"));
/// // Both report the reopening: one passage they share...
/// assert_eq!(analysis.passages.len(), 1);
/// // ...and one event, on the Monday before both articles, that both report.
/// let monday = analysis.timeline.iter().find(|e| e.when.date_string() == "2025-03-03").unwrap();
/// assert_eq!(monday.mentions.len(), 2);
/// ```
pub fn analyse(loaded: Loaded) -> Analysis {
    analyse_with(loaded, &mut |_| {})
}

/// Runs the analysis, calling `progress` as each stage starts (so a caller
/// can show where it is; the terminal app does this from a background thread).
pub fn analyse_with(loaded: Loaded, progress: &mut dyn FnMut(Stage)) -> Analysis {
    analyse_with_options(loaded, &Options::default(), &mut |p| {
        if let Progress::Stage(stage) = p {
            progress(stage);
        }
    })
}

/// Runs the analysis as `options` say, reporting [`Progress`].
pub fn analyse_with_options(loaded: Loaded, options: &Options, progress: &mut dyn FnMut(Progress)) -> Analysis {
    let words = WordsFirst::of(&loaded.articles, progress);
    analyse_from(loaded, words, options, progress)
}

/// What the words find before any other stage reads them: the terms, the
/// copies, the related articles and the words' matches. Worked out once,
/// it serves an analysis on words alone and the model's after it
/// ([`analyse_from`]); the app shows the first while the second runs.
#[derive(Clone, Debug)]
pub struct WordsFirst {
    corpus: Corpus,
    copies: Copies,
    related: Related,
    lexical: Vec<SentenceMatch>,
}

impl WordsFirst {
    /// The words' findings for `articles`.
    pub fn of(articles: &[Article], progress: &mut dyn FnMut(Progress)) -> WordsFirst {
        progress(Progress::Stage(Stage::Terms));
        // The copies need no terms: found beside the terms and related articles.
        let ((corpus, related), copies) = crate::par::join(
            || {
                let corpus = Corpus::build(articles);
                let related = Related::of(&corpus);
                (corpus, related)
            },
            || Copies::find(articles),
        );
        progress(Progress::Stage(Stage::Matching));
        let lexical =
            align::sentence_matches_folded(&corpus, &related.article_pairs(), &copies, &Thresholds::default());
        WordsFirst { corpus, copies, related, lexical }
    }
}

/// [`analyse_with_options`] from what the words found in `loaded`'s
/// articles ([`WordsFirst::of`] on those very articles).
pub fn analyse_from(
    loaded: Loaded,
    words: WordsFirst,
    options: &Options,
    progress: &mut dyn FnMut(Progress),
) -> Analysis {
    let Loaded { mut articles, skipped } = loaded;
    let WordsFirst { corpus, copies, related, lexical } = words;
    // The stories whose words' matches were checked within them, when the
    // model ran.
    let mut checked_within: Option<Stories> = None;
    let ModelResult { matches, model, by_words, meanings } = match &options.encoder {
        Some(encoder) => {
            // The model reads each story the words found on its own. The
            // words' matches that fail within their story are left to it:
            // it judges them as its own, as it would were the story loaded
            // alone.
            let stories = align::stories::group(&corpus, &related, &lexical);
            let lexical = align::within_stories(&corpus, &stories, lexical, &Thresholds::default());
            checked_within = Some(stories.clone());
            let inputs = ModelInputs { articles: &articles, corpus: &corpus, copies: &copies, stories };
            with_model(inputs, lexical, encoder, &options.semantic, progress)
        }
        None => ModelResult::words_alone(lexical, ModelUse::Off, articles.len()),
    };
    let stories = align::stories::group(&corpus, &related, &matches);
    // The model's matches stand on their own score; words' are checked
    // within their story, unless they were within these very stories.
    let matches = if checked_within.as_ref() == Some(&stories) {
        matches
    } else {
        align::within_stories(&corpus, &stories, matches, &Thresholds::default())
    };
    progress(Progress::Stage(Stage::Passages));
    let mut passages = align::passages_from(&articles, &corpus, &matches);
    let clusters = story::clusters::build(&articles, &matches, &copies, meanings.as_ref());
    // Statements across sources imply passages between their reports that
    // words alone could not pair; the model pairs those itself, and
    // clusters of its looser matches imply wrong ones: only statements of
    // articles matched on words alone imply passages.
    align::add_implied(&articles, &corpus, &mut passages, &implying(&clusters, &copies, &by_words));
    progress(Progress::Stage(Stage::Timeline));
    // The timeline and the story's shape read the same articles, side by
    // side; the timeline's notes go on the articles after.
    let (timeline, story) = crate::par::join(
        || timeline::read_within(&articles, &corpus, &matches, &stories, meanings.as_ref()),
        || story::build(&articles, &corpus, &matches, clusters, &stories),
    );
    let timeline = timeline.note_on(&mut articles);
    progress(Progress::Stage(Stage::Story));
    let overviews = story::overview::build(&articles, &stories, &story.clusters);
    Analysis { articles, skipped, corpus, copies, stories, overviews, passages, timeline, story, model }
}

/// The members of each statement that imply passages between them: all
/// but the folded copies, which stand behind their statement's first carrier
/// (its passage with each of them is already there), of the statements
/// whose articles were all matched on words alone (`by_words`).
fn implying(
    clusters: &[story::Cluster],
    copies: &Copies,
    by_words: &[bool],
) -> Vec<Vec<(usize, std::ops::Range<usize>)>> {
    let folded = |m: &story::Member| m.sentences.clone().all(|sentence| copies.folded((m.article, sentence)));
    clusters
        .iter()
        .filter(|c| c.members.iter().all(|m| by_words[m.article]))
        .map(|c| c.members.iter().filter(|m| !folded(m)).map(|m| (m.article, m.sentences.clone())).collect())
        .collect()
}

/// Stories the model does not read: those of more sentences than it
/// compares in one story ([`semantic::MAX_SENTENCES`], counting one
/// sentence per statement many sources carry word for word or nearly: see [`Copies`]),
/// each with a note saying so.
fn too_large(articles: &[Article], copies: &Copies, stories: &Stories) -> (Vec<bool>, Vec<Warning>) {
    let mut notes = Vec::new();
    let large = stories
        .members
        .iter()
        .map(|members| {
            let sentences: usize = members
                .iter()
                .map(|&a| (0..articles[a].sentences.len()).filter(|&s| !copies.folded((a, s))).count())
                .sum();
            let large = sentences > semantic::MAX_SENTENCES;
            if large {
                let first = articles[members[0]].label();
                notes.push(Warning::model(None, format!(
                    "sentence model not used on the story of \"{first}\" ({} articles): {sentences} sentences, more than it compares in one story ({}); that story is matched on shared words alone",
                    members.len(),
                    semantic::MAX_SENTENCES
                )));
            }
            large
        })
        .collect();
    (large, notes)
}

/// What the model's matching reads besides the words' matches.
struct ModelInputs<'a> {
    articles: &'a [Article],
    corpus: &'a Corpus,
    copies: &'a Copies,
    /// The stories the words' matches found.
    stories: Stories,
}

/// The units the model reads, the stories too large for it left to the
/// words (`by_words[article]`), with a note for each.
fn model_units(inputs: &ModelInputs) -> (Units, Vec<bool>, Vec<Warning>) {
    let ModelInputs { articles, corpus, copies, stories } = inputs;
    let mut units = Units::build(articles, corpus);
    units.fold(copies);
    let (large, notes) = too_large(articles, copies, stories);
    let by_words: Vec<bool> = stories.story.iter().map(|&s| large[s]).collect();
    units.leave_to_words(&by_words);
    (units, by_words, notes)
}

/// The texts the sentence model has still to read for `articles`: those of
/// its units whose vectors `encoder`'s cache lacks, story by story as the
/// words group them, consecutive stories joined into pieces of at least
/// `piece_texts` texts. A caller encodes them piece by piece (each piece
/// cached as it is done) and can show what is in after each.
/// `words`: what the words found in these articles ([`WordsFirst::of`]).
pub fn model_work(articles: &[Article], words: &WordsFirst, encoder: &Encoder, piece_texts: usize) -> Vec<Vec<String>> {
    let WordsFirst { corpus, copies, related, lexical } = words;
    let stories = align::stories::group(corpus, related, lexical);
    let inputs = ModelInputs { articles, corpus, copies, stories };
    let (units, _, _) = model_units(&inputs);
    let read = units.to_encode(articles);
    let texts: Vec<&str> = read.iter().map(|(_, t)| *t).collect();
    let mut of_story: Vec<Vec<String>> = vec![Vec::new(); inputs.stories.len()];
    let mut seen = std::collections::HashSet::new();
    for i in encoder.uncached(&texts) {
        if seen.insert(texts[i]) {
            of_story[inputs.stories.story[units.units[read[i].0].article]].push(texts[i].to_string());
        }
    }
    let mut pieces: Vec<Vec<String>> = Vec::new();
    for texts in of_story.into_iter().filter(|t| !t.is_empty()) {
        match pieces.last_mut() {
            Some(last) if last.len() < piece_texts => last.extend(texts),
            _ => pieces.push(texts),
        }
    }
    pieces
}

/// Adds the sentence model's matches to the lexical ones, story by story
/// (a story too large for it, or whose vectors the cache lacks when the
/// encoder reads the cache alone, keeps the words' matches); when the
/// model cannot run, the lexical matches stand and the reason is kept.
/// Also gives, per article, whether it was matched on words alone.
fn with_model(
    inputs: ModelInputs,
    lexical: Vec<SentenceMatch>,
    encoder: &Encoder,
    thresholds: &SemanticThresholds,
    progress: &mut dyn FnMut(Progress),
) -> ModelResult {
    progress(Progress::Stage(Stage::Model));
    let (mut units, mut by_words, mut notes) = model_units(&inputs);
    let ModelInputs { articles, corpus, stories, .. } = inputs;
    let read = units.to_encode(articles);
    let texts: Vec<&str> = read.iter().map(|(_, t)| *t).collect();
    let encoded = match encoder.encode(&texts, &mut |done, total| progress(Progress::Vectors { done, total })) {
        Ok(e) => e,
        Err(e) => {
            let why = Warning::model(None, format!("{e}: matching on shared words alone"));
            return ModelResult::words_alone(lexical, ModelUse::Failed(why), articles.len());
        }
    };
    // A story with a text the cache lacks waits for its vectors.
    let mut waiting = vec![false; stories.len()];
    for &i in &encoded.missing {
        waiting[stories.story[units.units[read[i].0].article]] = true;
    }
    let left: Vec<bool> = stories.story.iter().map(|&s| waiting[s]).collect();
    units.leave_to_words(&left);
    let crate::embed::Encoded { vectors, computed, cached, missing, notes: cache_notes } = encoded;
    let vectors = if missing.is_empty() { vectors } else { rows_read(vectors, &read, &units) };
    by_words.iter_mut().zip(&left).for_each(|(b, l)| *b |= l);
    let evidence = semantic::Evidence::within(articles, corpus, &units, vectors, stories);
    let matches = align::with_model(corpus, lexical, &evidence, thresholds);
    notes.extend(cache_notes);
    let waiting = waiting.iter().filter(|w| **w).count();
    let model = ModelUse::Used { computed, cached, waiting, notes };
    ModelResult { matches, model, by_words, meanings: Some(evidence.into_meanings()) }
}

/// What matching with the model gives the stages after it.
struct ModelResult {
    matches: Vec<SentenceMatch>,
    model: ModelUse,
    /// `by_words[article]`: the article was matched on words alone.
    by_words: Vec<bool>,
    /// The model's vectors and backgrounds, when it read any story.
    meanings: Option<Meanings>,
}

impl ModelResult {
    /// The words' matches alone, for `articles` articles.
    fn words_alone(matches: Vec<SentenceMatch>, model: ModelUse, articles: usize) -> ModelResult {
        ModelResult { matches, model, by_words: vec![true; articles], meanings: None }
    }
}

/// The rows of `vectors` (one per text of `read`) of the units the model
/// still reads, in order: those of stories left to the words go.
fn rows_read(vectors: crate::embed::Vectors, read: &[(usize, &str)], units: &Units) -> crate::embed::Vectors {
    let mut kept = crate::embed::Vectors::default();
    for (row, (unit, _)) in vectors.rows().zip(read) {
        if !units.units[*unit].by_words {
            kept.push(row);
        }
    }
    kept
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reports_every_stage_in_order() {
        let mut seen = Vec::new();
        let a = analyse_with(crate::fixture::sample(), &mut |s| seen.push(s));
        assert_eq!(seen, Stage::ALL);
        assert_eq!(a.articles.len(), 5);
    }

    #[test]
    fn parallel_and_single_threaded_runs_agree() {
        let run = |threads: usize| {
            let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build().unwrap();
            pool.install(|| crate::export::json::render(&analyse(crate::fixture::sample())))
        };
        assert_eq!(run(1), run(4));
    }

    #[test]
    fn a_story_larger_than_the_model_compares_is_left_to_the_words_with_a_note() {
        // Two stories: one of more sentences than the model compares in a
        // story (each sentence its own text), one small.
        let long: String =
            (0..semantic::MAX_SENTENCES / 2 + 1).map(|i| format!("Harbour crane {i} was moved. ")).collect();
        let texts = [format!("One\n\n{long}"), format!("Two\n\n{long}"), "Three\n\nA short report.".to_string()];
        let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
        let articles = crate::fixture::articles(&refs);
        let copies = Copies::find(&articles);
        let stories = Stories { story: vec![0, 0, 1], members: vec![vec![0, 1], vec![2]] };
        let (large, notes) = too_large(&articles, &copies, &stories);
        assert_eq!(large, [true, false]);
        assert_eq!(notes.len(), 1);
        let note = notes[0].to_string();
        assert!(note.contains("(2 articles)") && note.contains("shared words alone"), "{note}");
    }

    #[test]
    fn empty_input_gives_an_empty_analysis() {
        let a = analyse(Loaded::default());
        assert!(a.articles.is_empty() && a.passages.is_empty() && a.timeline.is_empty());
    }
}
