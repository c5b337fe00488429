//! Coverage: who reports what. Per source, the share of its text that no
//! other source has (its exclusive share) and those exclusive sentences.

use crate::align::SentenceMatch;
use crate::ingest::Article;
use crate::text::words;

/// One source's coverage.
#[derive(Clone, Debug, PartialEq)]
pub struct Coverage {
    /// Per sentence: true when another source reports it too.
    pub shared: Vec<bool>,
    /// Words in sentences no other source has, over all its words (0..=1;
    /// 0 for an article without words).
    pub exclusive_share: f32,
}

impl Coverage {
    /// Indexes of the sentences only this source has.
    pub fn exclusive(&self) -> impl Iterator<Item = usize> + '_ {
        self.shared.iter().enumerate().filter(|(_, s)| !**s).map(|(i, _)| i)
    }
}

/// Coverage of every article, from the sentence matches.
pub fn build(articles: &[Article], matches: &[SentenceMatch]) -> Vec<Coverage> {
    let mut shared: Vec<Vec<bool>> = articles.iter().map(|a| vec![false; a.sentences.len()]).collect();
    for sentence_match in matches {
        shared[sentence_match.a.0][sentence_match.a.1] = true;
        shared[sentence_match.b.0][sentence_match.b.1] = true;
    }
    articles
        .iter()
        .zip(shared)
        .map(|(article, shared)| {
            let mut total = 0usize;
            let mut own = 0usize;
            for (index, is_shared) in shared.iter().enumerate() {
                let count = words::count(article.sentence(index));
                total += count;
                if !is_shared {
                    own += count;
                }
            }
            let exclusive_share = if total == 0 { 0.0 } else { own as f32 / total as f32 };
            Coverage { shared, exclusive_share }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixture;

    #[test]
    fn exclusive_share_counts_words_only_one_source_has() {
        let texts = [
            "Peskov said there were no such plans to meet Driscoll in Moscow. The weather was mild in Kyiv all week.",
            "Peskov said there were no such plans to meet Driscoll in Moscow.",
        ];
        let fixture::Matched { articles, matches, .. } = fixture::matched(&texts);
        let cov = build(&articles, &matches);
        // The second source has nothing of its own.
        assert_eq!(cov[1].exclusive_share, 0.0);
        assert_eq!(cov[1].exclusive().count(), 0);
        // The first: 8 of its 20 words are its own.
        assert!((cov[0].exclusive_share - 8.0 / 20.0).abs() < 1e-6, "{}", cov[0].exclusive_share);
        assert_eq!(cov[0].exclusive().collect::<Vec<_>>(), [1]);
    }
}
