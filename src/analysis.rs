//! The analysis of one set of articles: every stage run in order. The export
//! and the terminal app both draw from an [`Analysis`].

use crate::align::{self, Corpus, Passage, Thresholds};
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
    pub passages: Vec<Passage>,
    pub timeline: Vec<Event>,
    pub story: Story,
}

/// The stages of an analysis, in the order they run.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Stage {
    /// Content terms of every sentence.
    Terms,
    /// Sentence pairs that report the same thing.
    Matching,
    /// Matched sentences joined into passages, with word diffs.
    Passages,
    /// Dated events, merged across sources.
    Timeline,
    /// Statements across sources, coverage, discrepancies, quotes.
    Story,
}

impl Stage {
    pub const ALL: [Stage; 5] = [Stage::Terms, Stage::Matching, Stage::Passages, Stage::Timeline, Stage::Story];

    pub fn label(self) -> &'static str {
        match self {
            Stage::Terms => "reading terms",
            Stage::Matching => "matching sentences",
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
    let Loaded { mut articles, skipped } = loaded;
    progress(Stage::Terms);
    let corpus = Corpus::build(&articles);
    progress(Stage::Matching);
    let matches = align::sentence_matches(&corpus, &Thresholds::default());
    progress(Stage::Passages);
    let mut passages = align::passages_from(&articles, &corpus, &matches);
    // Statements across sources, and the passages they imply.
    let clusters = story::clusters::build(&articles, &matches);
    let groups: Vec<Vec<(usize, std::ops::Range<usize>)>> =
        clusters.iter().map(|c| c.members.iter().map(|m| (m.article, m.sentences.clone())).collect()).collect();
    align::add_implied(&articles, &corpus, &mut passages, &groups);
    progress(Stage::Timeline);
    let timeline = timeline::build(&mut articles, &corpus, &matches);
    progress(Stage::Story);
    let story = story::build(&articles, &corpus, &matches, clusters);
    Analysis { articles, skipped, corpus, passages, timeline, story }
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
