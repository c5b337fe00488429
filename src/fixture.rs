//! The test fixture: article texts read as the program reads files, and
//! analysed as far as a test needs. Every unit test that needs articles or
//! analysed text starts here, so a change to how articles are read or
//! matched is made once.
//!
//! Each text is a file `0.txt`, `1.txt`, ... (ids `a0`, `a1`, ...): a first
//! line and a date line before a blank line are its title and date, as in
//! `"Talks resume\n2025-11-20\n\nDelegates met on Monday."`.

use crate::align::{Corpus, SentenceMatch, Thresholds, sentence_matches};
use crate::ingest::{Article, Loaded, Source, parse_all};

/// The texts as files `0.txt`, `1.txt`, ..., not yet read.
pub fn sources<T: AsRef<str>>(texts: &[T]) -> Vec<Source> {
    texts
        .iter()
        .enumerate()
        .map(|(index, text)| Source {
            path: format!("{index}.txt"),
            stem: format!("a{index}"),
            bytes: text.as_ref().as_bytes().to_vec(),
            truncated_from: None,
        })
        .collect()
}

/// The texts read into articles, in order.
pub fn articles<T: AsRef<str>>(texts: &[T]) -> Vec<Article> {
    let loaded = parse_all(&sources(texts));
    assert!(loaded.skipped.is_empty(), "a fixture text was skipped: {:?}", loaded.skipped);
    loaded.articles
}

/// One text read into an article.
pub fn article(text: &str) -> Article {
    articles(&[text]).remove(0)
}

/// Articles with their content terms and the sentence pairs that report the
/// same thing: what the later stages (passages, timeline, story) start from.
pub struct Matched {
    pub articles: Vec<Article>,
    pub corpus: Corpus,
    pub matches: Vec<SentenceMatch>,
}

/// The texts read, their terms counted and their sentences matched with the
/// default thresholds.
pub fn matched<T: AsRef<str>>(texts: &[T]) -> Matched {
    match_articles(articles(texts))
}

/// The bundled sample (five reports of one story), read as `parallax`
/// with no arguments reads it.
pub fn sample() -> Loaded {
    crate::ingest::load(&[]).expect("the sample is bundled")
}

/// The bundled sample's articles, matched.
pub fn sample_matched() -> Matched {
    match_articles(sample().articles)
}

/// The bundled sentence model's vectors of every unit of `articles` (read
/// as one story, nothing folded), as the stages after matching read them.
pub fn meanings(articles: &[Article], corpus: &Corpus) -> crate::align::semantic::Meanings {
    use crate::align::semantic::{Evidence, Units};
    let units = Units::build(articles, corpus);
    let texts: Vec<&str> = units.to_encode(articles).into_iter().map(|(_, text)| text).collect();
    let encoded = crate::embed::Encoder::new(None).encode(&texts, &mut |_, _| {}).expect("the bundled model runs");
    Evidence::new(articles, corpus, &units, &encoded.vectors).into_meanings()
}

fn match_articles(articles: Vec<Article>) -> Matched {
    let corpus = Corpus::build(&articles);
    let matches = sentence_matches(&corpus, &Thresholds::default());
    Matched { articles, corpus, matches }
}
