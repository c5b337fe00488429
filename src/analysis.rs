//! The analysis of one set of articles: every stage run in order. The export
//! and the terminal app both draw from an [`Analysis`].

use crate::align::{self, Corpus, Passage, Thresholds};
use crate::ingest::{Article, Loaded};
use crate::timeline::{self, Event};

/// Everything parallax computes about a set of articles.
#[derive(Debug, Clone)]
pub struct Analysis {
    pub articles: Vec<Article>,
    /// Inputs that were not loaded, one line each, naming the file.
    pub skipped: Vec<String>,
    pub corpus: Corpus,
    pub passages: Vec<Passage>,
    pub timeline: Vec<Event>,
}

/// Runs the whole analysis on loaded articles.
pub fn analyse(loaded: Loaded) -> Analysis {
    let Loaded { mut articles, skipped } = loaded;
    let corpus = Corpus::build(&articles);
    let matches = align::sentence_matches(&corpus, &Thresholds::default());
    let passages = align::passages_from(&articles, &corpus, &matches);
    let timeline = timeline::build(&mut articles, &corpus, &matches);
    Analysis { articles, skipped, corpus, passages, timeline }
}
