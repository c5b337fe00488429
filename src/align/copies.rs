//! Copies: a sentence that many articles carry word for word (an agency
//! story run by two hundred outlets). Matching every copy with every other
//! is quadratic in the number of carriers and says nothing new: the copies
//! of one text are found first, by hashing each sentence's words, and all
//! but the first carrier are *folded* onto it. Pairwise work (the candidate
//! index, passages, implied passages, the sentence model) then sees one
//! sentence per distinct text, and each folded copy is matched with its
//! first carrier alone: a star of `N - 1` matches instead of a clique of
//! `N (N - 1) / 2`. The statement it makes is one cluster carried by all
//! `N` (`story::clusters` counts copies of one text as matched).
//!
//! A text carried by few sources is not folded: up to
//! [`PAIRWISE_CARRIERS`] carriers, every pair is matched and listed as
//! before, so small sets give exactly what they gave.

use std::hash::{BuildHasher, Hash, Hasher};

use rustc_hash::FxHashMap;

use super::score::SentenceRef;
use crate::ingest::Article;

/// A text carried word for word by more sources than this is folded onto
/// its first carrier; by this many or fewer, every pair is still matched
/// (45 pairs at most: a list a reader can step through).
pub const PAIRWISE_CARRIERS: usize = 10;

/// Not folded: the sentence stands for itself.
const NONE: u32 = u32::MAX;

/// The sentences carried word for word by more than [`PAIRWISE_CARRIERS`]
/// articles, grouped by text.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Copies {
    /// Each text's carriers, one sentence per article, in article order:
    /// the first stands for the others.
    pub texts: Vec<Vec<SentenceRef>>,
    /// `text_of[article][sentence]`: the index in `texts` of the text the
    /// sentence is a copy of, or `NONE`.
    text_of: Vec<Vec<u32>>,
}

impl Copies {
    /// Finds the texts more than [`PAIRWISE_CARRIERS`] articles carry.
    /// Sentences are the same text when their words are (spacing aside);
    /// an article carrying a text twice counts once, with its first.
    pub fn find(articles: &[Article]) -> Copies {
        let mut by_text: FxHashMap<u64, Vec<SentenceRef>> = FxHashMap::default();
        for (index, article) in articles.iter().enumerate() {
            for sentence in 0..article.sentences.len() {
                by_text.entry(text_hash(article.sentence(sentence))).or_default().push((index, sentence));
            }
        }
        let mut texts: Vec<Vec<SentenceRef>> = by_text
            .into_values()
            .filter(|carriers| carriers.len() > PAIRWISE_CARRIERS)
            .flat_map(|carriers| same_words(articles, carriers))
            .filter(|carriers| carriers.len() > PAIRWISE_CARRIERS)
            .collect();
        texts.sort();
        let text_of = text_of(&texts, articles);
        Copies { texts, text_of }
    }

    /// The text `sentence` is a copy of, when it is one of a folded text's
    /// carriers.
    pub fn text(&self, sentence: SentenceRef) -> Option<usize> {
        let index = *self.text_of.get(sentence.0)?.get(sentence.1)?;
        (index != NONE).then_some(index as usize)
    }

    /// The sentence that stands for `sentence` in pairwise work: the first
    /// carrier of its text, or itself.
    pub fn first(&self, sentence: SentenceRef) -> SentenceRef {
        self.text(sentence).map_or(sentence, |text| self.texts[text][0])
    }

    /// Whether `sentence` is folded: a copy standing behind its text's
    /// first carrier.
    pub fn folded(&self, sentence: SentenceRef) -> bool {
        self.first(sentence) != sentence
    }

    /// How many articles carry `sentence`'s text word for word (1 when it
    /// is not a folded text).
    pub fn carriers(&self, sentence: SentenceRef) -> usize {
        self.text(sentence).map_or(1, |text| self.texts[text].len())
    }

    /// Whether any text is folded.
    pub fn is_empty(&self) -> bool {
        self.texts.is_empty()
    }

    /// The copies among some of the articles, renumbered: `members` are
    /// the old indices kept, in order (article `members[i]` becomes `i`),
    /// and `articles` the kept articles. A text left with one carrier is a
    /// copy of nothing.
    pub fn within(&self, members: &[usize], articles: &[Article]) -> Copies {
        let renumber =
            |(article, sentence): SentenceRef| members.binary_search(&article).ok().map(|new| (new, sentence));
        let texts: Vec<Vec<SentenceRef>> = self
            .texts
            .iter()
            .map(|carriers| carriers.iter().filter_map(|&carrier| renumber(carrier)).collect::<Vec<_>>())
            .filter(|carriers| carriers.len() > 1)
            .collect();
        let text_of = text_of(&texts, articles);
        Copies { texts, text_of }
    }
}

/// `text_of[article][sentence]` for `texts`.
fn text_of(texts: &[Vec<SentenceRef>], articles: &[Article]) -> Vec<Vec<u32>> {
    let mut text_of: Vec<Vec<u32>> = articles.iter().map(|a| vec![NONE; a.sentences.len()]).collect();
    for (index, carriers) in texts.iter().enumerate() {
        for &(article, sentence) in carriers {
            text_of[article][sentence] = index as u32;
        }
    }
    text_of
}

/// A sentence's words (split at whitespace) as one hash: spacing and line
/// breaks aside, the same hash is the same text.
fn text_hash(text: &str) -> u64 {
    let mut hasher = rustc_hash::FxBuildHasher.build_hasher();
    for word in text.split_whitespace() {
        word.hash(&mut hasher);
    }
    hasher.finish()
}

/// Splits sentences that share a hash into groups of the same words (a
/// collision of hashes is not a copy), each with one sentence per article.
fn same_words(articles: &[Article], mut carriers: Vec<SentenceRef>) -> Vec<Vec<SentenceRef>> {
    let words = |sentence: SentenceRef| articles[sentence.0].sentence(sentence.1).split_whitespace();
    let mut groups: Vec<Vec<SentenceRef>> = Vec::new();
    carriers.sort();
    for sentence in carriers {
        match groups.iter_mut().find(|group| words(group[0]).eq(words(sentence))) {
            Some(group) if group.last().is_some_and(|last| last.0 == sentence.0) => {}
            Some(group) => group.push(sentence),
            None => groups.push(vec![sentence]),
        }
    }
    groups
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixture;

    /// Each text as the body of an article of its own.
    fn copies_of(texts: &[String]) -> Copies {
        let articles: Vec<String> = texts
            .iter()
            .enumerate()
            .map(|(index, text)| format!("Levee report {index}\n2025-03-05\n\n{text}"))
            .collect();
        Copies::find(&fixture::articles(&articles))
    }

    const WIRE: &str = "Flood waters rose over the Dunmore levee on Tuesday, officials said. \
        Rescue crews moved three hundred families to the school in Halvik. \
        The mayor asked residents to stay away from the river bank.";

    #[test]
    fn a_text_many_outlets_carry_is_folded_onto_its_first_carrier() {
        let mut texts: Vec<String> = (0..PAIRWISE_CARRIERS + 2).map(|_| WIRE.to_string()).collect();
        // One outlet edits the second sentence and adds spacing elsewhere.
        texts[3] = WIRE.replace("three hundred", "300").replace("The mayor", "The  mayor");
        texts.push("Markets were calm in Halvik on Tuesday.".into());
        let copies = copies_of(&texts);
        // The first and last sentences are carried by 12; the second by 11.
        assert_eq!(copies.texts.len(), 3, "{copies:?}");
        assert_eq!(copies.carriers((0, 0)), 12);
        assert_eq!(copies.carriers((0, 1)), 11);
        assert_eq!(copies.text((3, 1)), None);
        assert_eq!(copies.carriers((3, 2)), 12, "spacing aside, the same words");
        assert_eq!(copies.first((5, 2)), (0, 2));
        assert!(copies.folded((5, 2)) && !copies.folded((0, 2)) && !copies.folded((12, 0)));
    }

    #[test]
    fn a_text_few_outlets_carry_is_not_folded() {
        let texts: Vec<String> = (0..PAIRWISE_CARRIERS).map(|_| WIRE.to_string()).collect();
        assert!(copies_of(&texts).is_empty());
        assert!(Copies::find(&fixture::sample().articles).is_empty());
    }

    #[test]
    fn an_article_carrying_a_text_twice_counts_once() {
        let line = "Rescue crews moved three hundred families to the school in Halvik.";
        let mut texts: Vec<String> = (0..PAIRWISE_CARRIERS).map(|_| line.to_string()).collect();
        texts.push(format!("{line} Nothing else happened. {line}"));
        let copies = copies_of(&texts);
        assert_eq!(copies.texts.len(), 1, "{copies:?}");
        assert_eq!(copies.carriers((0, 0)), PAIRWISE_CARRIERS + 1);
        assert_eq!(copies.text((PAIRWISE_CARRIERS, 2)), None);
    }
}
