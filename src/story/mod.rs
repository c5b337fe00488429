//! The story's shape across all sources: statements grouped into clusters
//! (one per statement, one member per source), who covers what and what
//! only one source has, where sources that carry the same statement
//! disagree, and quoted speech matched across sources.

pub mod clusters;
pub mod coverage;
pub mod discrepancy;
pub mod overview;
pub mod quotes;
mod tolls;

pub use clusters::{Cluster, Member};
pub use coverage::Coverage;
pub use discrepancy::Discrepancy;
pub use overview::Overview;
pub use quotes::{Fidelity, Quote, QuoteGroup};

use crate::align::{SentenceMatch, Stories};
use crate::ingest::Article;

/// Everything about the story across sources.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Story {
    pub clusters: Vec<Cluster>,
    /// Per article, in article order.
    pub coverage: Vec<Coverage>,
    pub discrepancies: Vec<Discrepancy>,
    /// Every quotation found, in article order.
    pub quotes: Vec<Quote>,
    /// Quotations given by two or more sources.
    pub quote_groups: Vec<QuoteGroup>,
}

/// Builds the story view from the articles, their sentence matches and the
/// statements ([`clusters::build`]) grouped from them; `stories` says which
/// articles' dates an undated article's are read against.
pub fn build(
    articles: &[Article],
    corpus: &crate::align::Corpus,
    matches: &[SentenceMatch],
    mut clusters: Vec<Cluster>,
    stories: &Stories,
) -> Story {
    let coverage = coverage::build(articles, matches);
    let anchors = crate::timeline::anchors_within(articles, stories);
    let mut discrepancies = discrepancy::find(articles, corpus, &clusters, &anchors);
    // Tolls told in sentences no statement joins: a statement of their own.
    let (toll_clusters, differing_tolls) = tolls::find(articles, stories, &anchors, &clusters);
    clusters.extend(toll_clusters);
    discrepancies.extend(differing_tolls);
    discrepancy::order(&mut discrepancies);
    let quotes: Vec<Quote> =
        crate::par::map_range(articles.len(), |i| quotes::extract(i, &articles[i])).into_iter().flatten().collect();
    let quote_groups = quotes::group(articles, &quotes, matches);
    Story { clusters, coverage, discrepancies, quotes, quote_groups }
}
