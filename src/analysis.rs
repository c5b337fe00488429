//! The analysis of one set of articles: every stage run in order. The export
//! and the terminal app both draw from an [`Analysis`].

mod within;

use crate::align::related::Related;
use crate::align::semantic::{self, SemanticThresholds, Units};
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
    /// The sentences many sources carry word for word, folded onto their
    /// first carrier before any pairwise work.
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
    /// and any problem with the cache.
    Used { computed: usize, cached: usize, notes: Vec<Warning> },
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
    let Loaded { mut articles, skipped } = loaded;
    progress(Progress::Stage(Stage::Terms));
    let corpus = Corpus::build(&articles);
    progress(Progress::Stage(Stage::Matching));
    let copies = Copies::find(&articles);
    let related = Related::of(&corpus);
    let lexical = align::sentence_matches_folded(&corpus, &related.article_pairs(), &copies, &Thresholds::default());
    let (matches, model) = match &options.encoder {
        Some(encoder) => {
            // The model reads each story the words found on its own.
            let by_words = align::stories::group(&corpus, &related, &lexical);
            let inputs = ModelInputs { articles: &articles, corpus: &corpus, copies: &copies, stories: by_words };
            with_model(inputs, lexical, encoder, &options.semantic, progress)
        }
        None => (lexical, ModelUse::Off),
    };
    let stories = align::stories::group(&corpus, &related, &matches);
    // The model's matches stand on its own score; words' are checked
    // again within their story.
    let accept = options.semantic.accept;
    let matches = align::within_stories(&corpus, &stories, matches, &Thresholds::default(), |m| {
        m.semantic.is_some_and(|strength| strength >= accept)
    });
    progress(Progress::Stage(Stage::Passages));
    let mut passages = align::passages_from(&articles, &corpus, &matches);
    let clusters = story::clusters::build(&articles, &matches, &copies);
    // Statements across sources imply passages between their reports that
    // words alone could not pair; the model pairs those itself, and
    // clusters of its looser matches imply wrong ones.
    if model == ModelUse::Off {
        align::add_implied(&articles, &corpus, &mut passages, &implying(&clusters, &copies));
    }
    progress(Progress::Stage(Stage::Timeline));
    let timeline = timeline::build_within(&mut articles, &corpus, &matches, &stories);
    progress(Progress::Stage(Stage::Story));
    let story = story::build(&articles, &corpus, &matches, clusters, &stories);
    let overviews = story::overview::build(&articles, &stories, &story.clusters);
    Analysis { articles, skipped, corpus, copies, stories, overviews, passages, timeline, story, model }
}

/// The members of each statement that imply passages between them: all
/// but the folded copies, which stand behind their text's first carrier
/// (its passage with each of them is already there).
fn implying(clusters: &[story::Cluster], copies: &Copies) -> Vec<Vec<(usize, std::ops::Range<usize>)>> {
    let folded = |m: &story::Member| m.sentences.clone().all(|sentence| copies.folded((m.article, sentence)));
    clusters
        .iter()
        .map(|c| c.members.iter().filter(|m| !folded(m)).map(|m| (m.article, m.sentences.clone())).collect())
        .collect()
}

/// Why the sentence model would not be used on `articles` (a set larger
/// than it compares, counting one sentence per text that many sources
/// carry word for word: see [`Copies`]), so a caller can skip asking for it.
pub fn model_refusal(articles: &[Article]) -> Option<Warning> {
    refusal(articles, &Copies::find(articles))
}

fn refusal(articles: &[Article], copies: &Copies) -> Option<Warning> {
    let all: usize = articles.iter().map(|a| a.sentences.len()).sum();
    let folded: usize = copies.texts.iter().map(|carriers| carriers.len() - 1).sum();
    let sentences = all - folded;
    (sentences > semantic::MAX_SENTENCES).then(|| {
        let why = format!(
            "sentence model not used: {sentences} sentences, more than it compares in one set ({}); matching on shared words alone",
            semantic::MAX_SENTENCES
        );
        Warning::model(None, why)
    })
}

/// Adds the sentence model's matches to the lexical ones; when the model
/// cannot run, the lexical matches stand and the reason is kept.
/// What the model's matching reads besides the words' matches.
struct ModelInputs<'a> {
    articles: &'a [Article],
    corpus: &'a Corpus,
    copies: &'a Copies,
    /// The stories the words' matches found.
    stories: align::stories::Stories,
}

fn with_model(
    inputs: ModelInputs,
    lexical: Vec<SentenceMatch>,
    encoder: &Encoder,
    thresholds: &SemanticThresholds,
    progress: &mut dyn FnMut(Progress),
) -> (Vec<SentenceMatch>, ModelUse) {
    let ModelInputs { articles, corpus, copies, stories } = inputs;
    progress(Progress::Stage(Stage::Model));
    if let Some(why) = refusal(articles, copies) {
        return (lexical, ModelUse::Failed(why));
    }
    let mut units = Units::build(articles, corpus);
    units.fold(copies);
    let texts: Vec<&str> = units.to_encode(articles).into_iter().map(|(_, t)| t).collect();
    let encoded = match encoder.encode(&texts, &mut |done, total| progress(Progress::Vectors { done, total })) {
        Ok(e) => e,
        Err(e) => {
            let why = Warning::model(None, format!("{e}: matching on shared words alone"));
            return (lexical, ModelUse::Failed(why));
        }
    };
    let evidence = semantic::Evidence::within(articles, corpus, &units, &encoded.vectors, stories);
    let matches = align::with_model(corpus, lexical, &evidence, thresholds);
    (matches, ModelUse::Used { computed: encoded.computed, cached: encoded.cached, notes: encoded.notes })
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
    fn empty_input_gives_an_empty_analysis() {
        let a = analyse(Loaded::default());
        assert!(a.articles.is_empty() && a.passages.is_empty() && a.timeline.is_empty());
    }
}
