//! The statements the words found, and a check the sentence model's
//! looser matches must pass against them: two statements the words each
//! found carried by several sources, with no words linking any carrier of
//! one to any carrier of the other, are two statements. The model's
//! closeness of one carrier of each (the same people, the same frame, other
//! particulars: "the council approved the budget" / "the council delayed
//! the budget") does not join them; were they one statement, the words
//! would have matched some of the many pairs of their carriers.

use std::collections::HashMap;

use super::{FoundBy, SentenceMatch};
use crate::align::score::SentenceRef;

/// Sources a statement found by words must be in for its carriers'
/// lexical verdicts to count against a model match: three carriers on each
/// side give nine pairs the words compared and judged apart.
pub const MIN_CARRIERS: usize = 3;

/// The statements the words found: sentences joined by the words'
/// matches (directly or through others).
pub struct Carried {
    /// Each sentence the words matched: its statement.
    statement: HashMap<SentenceRef, usize>,
    /// Each statement: the number of articles carrying it.
    articles: Vec<usize>,
}

impl Carried {
    /// The statements of the matches found by words among `matches`.
    pub fn of(matches: &[SentenceMatch]) -> Carried {
        let mut id: HashMap<SentenceRef, usize> = HashMap::new();
        let mut sentences: Vec<SentenceRef> = Vec::new();
        let mut node = |r: SentenceRef| {
            *id.entry(r).or_insert_with(|| {
                sentences.push(r);
                sentences.len() - 1
            })
        };
        let links: Vec<(usize, usize)> =
            matches.iter().filter(|m| m.found_by == FoundBy::Words).map(|m| (node(m.a), node(m.b))).collect();
        let labels = super::stories::component_labels(sentences.len(), &links);
        let mut statement = HashMap::new();
        let mut of_label: HashMap<usize, usize> = HashMap::new();
        let mut carriers: Vec<Vec<usize>> = Vec::new();
        for (&sentence, &label) in sentences.iter().zip(&labels) {
            let next = of_label.len();
            let s = *of_label.entry(label).or_insert(next);
            if s == carriers.len() {
                carriers.push(Vec::new());
            }
            carriers[s].push(sentence.0);
            statement.insert(sentence, s);
        }
        let articles = carriers
            .into_iter()
            .map(|mut a| {
                a.sort_unstable();
                a.dedup();
                a.len()
            })
            .collect();
        Carried { statement, articles }
    }

    /// Whether `a` and `b` belong to two statements the words found, each
    /// carried by at least [`MIN_CARRIERS`] articles: apart, whatever the
    /// model says.
    pub fn apart(&self, a: SentenceRef, b: SentenceRef) -> bool {
        let wide = |r: SentenceRef| self.statement.get(&r).filter(|&&s| self.articles[s] >= MIN_CARRIERS);
        match (wide(a), wide(b)) {
            (Some(x), Some(y)) => x != y,
            _ => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::align::Score;

    fn by_words(a: SentenceRef, b: SentenceRef) -> SentenceMatch {
        SentenceMatch { a, b, score: Score::default(), semantic: None, found_by: FoundBy::Words }
    }

    #[test]
    fn two_statements_each_carried_widely_stay_apart() {
        // "The council approved the budget" in articles 0, 1 and 2 (the
        // third matched through the second); "the council delayed the
        // budget" in 3, 4 and 5; "the mayor resigned" in 6 and 7 only.
        let matches = [
            by_words((0, 1), (1, 4)),
            by_words((1, 4), (2, 0)),
            by_words((3, 2), (4, 2)),
            by_words((3, 2), (5, 7)),
            by_words((6, 1), (7, 1)),
        ];
        let carried = Carried::of(&matches);
        assert!(carried.apart((0, 1), (5, 7)) && carried.apart((4, 2), (2, 0)));
        // One statement is not apart from itself; a statement two sources
        // carry, or a sentence the words matched with nothing, is left to
        // the model.
        assert!(!carried.apart((0, 1), (2, 0)));
        assert!(!carried.apart((0, 1), (6, 1)) && !carried.apart((7, 1), (3, 2)));
        assert!(!carried.apart((0, 1), (3, 9)) && !carried.apart((8, 0), (9, 0)));
        // The model's own matches join no statement.
        let model = SentenceMatch { found_by: FoundBy::Model, ..by_words((0, 1), (3, 2)) };
        let carried = Carried::of(&[&matches[..], &[model]].concat());
        assert!(carried.apart((0, 1), (3, 2)));
    }
}
