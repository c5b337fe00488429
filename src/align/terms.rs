//! Content terms: what a sentence is about, in a form that survives
//! rewording. Function words and verbs of saying are dropped; the rest are
//! case- and accent-folded, spelling variants unified (Kiev/Kyiv,
//! travelled/traveled, Dan/Daniel), stemmed (Snowball English) and mapped to
//! a shared concept where outlets use different words for one idea
//! (approved/endorsed, war/conflict).

use std::collections::HashMap;
use std::sync::LazyLock;

use rust_stemmers::{Algorithm, Stemmer};

use crate::text::lexicon::{concept, demonym_country, is_reporting_verb, is_stopword, spelling_variant};
use crate::text::words;

static STEMMER: LazyLock<Stemmer> = LazyLock::new(|| Stemmer::create(Algorithm::English));

/// The term for one word, or `None` for a word that says nothing about the topic.
pub fn term(word: &str) -> Option<String> {
    if words::is_us_acronym(word) {
        return Some("usa".into());
    }
    if word.starts_with(|c: char| c.is_ascii_digit())
        && word.chars().all(|c| c.is_ascii_digit() || c == '.' || c == ',')
    {
        return Some(number(word));
    }
    let folded = words::fold(word);
    if folded.is_empty() || is_stopword(&folded) || is_reporting_verb(&folded) {
        return None;
    }
    if folded.chars().all(|c| c.is_ascii_digit()) {
        return Some(folded);
    }
    // "Ukrainian" is about Ukraine: the country's name goes through the
    // same steps as when the text names it.
    let folded = demonym_country(&folded).map_or(folded, str::to_string);
    let w = spelling_variant(&folded).map(str::to_string).unwrap_or_else(|| british_to_american(&folded));
    let stem = STEMMER.stem(&w);
    Some(concept(&stem).map_or_else(|| stem.into_owned(), str::to_string))
}

/// A number in one form however it is written: `2.00` and `2` alike,
/// `1,000` as `1000`, `0.25` keeping its point.
fn number(word: &str) -> String {
    let plain: String = word.chars().filter(|&c| c != ',').collect();
    match plain.split_once('.') {
        Some((int, frac)) => {
            let frac = frac.trim_end_matches('0');
            if frac.is_empty() { int.to_string() } else { format!("{int}.{frac}") }
        }
        None => plain,
    }
}

/// `-ise`/`-isation` spellings to `-ize`, so that both stem alike. Applied to
/// every word the same way, so a rare false rewrite cannot split a match.
fn british_to_american(w: &str) -> String {
    for (suffix, repl) in [
        ("isation", "ization"),
        ("isations", "izations"),
        ("ising", "izing"),
        ("ised", "ized"),
        ("ises", "izes"),
        ("ise", "ize"),
    ] {
        if let Some(stem) = w.strip_suffix(suffix) {
            if stem.len() >= 4 {
                return format!("{stem}{repl}");
            }
        }
    }
    w.to_string()
}

/// Interns terms as small integers and counts in how many sentences each
/// occurs (its document frequency).
#[derive(Debug, Default, Clone)]
pub struct Vocabulary {
    ids: HashMap<String, u32>,
    /// The term of each id.
    terms: Vec<String>,
    pub df: Vec<u32>,
    /// Sentences counted.
    pub sentences: u32,
}

impl Vocabulary {
    /// Term ids for the words of `text`, sorted and without repeats,
    /// counted as one sentence.
    pub fn intern(&mut self, text: &str) -> Vec<u32> {
        let terms: Vec<String> = words::words(text).filter_map(|(_, w)| term(w)).collect();
        self.intern_terms(&terms)
    }

    /// Ids for one sentence's terms, sorted and without repeats, counted as
    /// one sentence.
    pub fn intern_terms(&mut self, terms: &[String]) -> Vec<u32> {
        let mut ids: Vec<u32> = terms.iter().map(|t| self.insert(t)).collect();
        ids.sort_unstable();
        ids.dedup();
        self.count(&ids);
        ids
    }

    /// The id of `term`, added if new (not counted in any sentence yet).
    pub fn insert(&mut self, term: &str) -> u32 {
        if let Some(&id) = self.ids.get(term) {
            return id;
        }
        let id = self.ids.len() as u32;
        self.ids.insert(term.to_string(), id);
        self.terms.push(term.to_string());
        self.df.push(0);
        id
    }

    /// Counts one sentence holding `ids` (sorted, without repeats).
    pub fn count(&mut self, ids: &[u32]) {
        for &i in ids {
            self.df[i as usize] += 1;
        }
        self.sentences += 1;
    }

    /// Inverse document frequency: rare terms weigh more.
    pub fn idf(&self, id: u32) -> f32 {
        let df = self.df.get(id as usize).copied().unwrap_or(1).max(1) as f32;
        (1.0 + self.sentences as f32 / df).ln()
    }

    /// The term with id `id`.
    pub fn term(&self, id: u32) -> Option<&str> {
        self.terms.get(id as usize).map(String::as_str)
    }

    /// The id of a term, if it occurs.
    pub fn id(&self, term: &str) -> Option<u32> {
        self.ids.get(term).copied()
    }

    pub fn len(&self) -> usize {
        self.ids.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn terms(s: &str) -> Vec<String> {
        words::words(s).filter_map(|(_, w)| term(w)).collect()
    }

    #[test]
    fn drops_function_words_and_saying() {
        assert_eq!(terms("He said that the plan was in the works"), ["~plan", "work"]);
    }

    #[test]
    fn unifies_spelling_variants() {
        assert_eq!(terms("Kiev Zelenskyy travelled"), terms("Kyiv Zelensky traveled"));
        assert_eq!(terms("Dan Driscoll"), terms("Daniel Driscoll"));
        assert_eq!(terms("recognising organisation defence"), terms("recognizing organization defense"));
        assert_eq!(terms("Erdoğan Türkiye"), terms("Erdogan Turkey"));
        assert_eq!(terms("Irish and British retailers"), terms("Ireland and Britain retailers"));
        // Country names the stemmer shortens match their demonyms too.
        assert_eq!(terms("Ukrainian Russian European French"), terms("Ukraine Russia Europe France"));
        assert_eq!(terms("Europe's regulator"), terms("European regulator"));
    }

    #[test]
    fn us_acronym_is_not_the_pronoun() {
        assert_eq!(terms("U.S. officials told us"), ["usa", "~official"]);
        assert_eq!(terms("US"), ["usa"]);
    }

    #[test]
    fn numbers_in_one_form() {
        assert_eq!(terms("2.00% 2 1,000 0.25 14.5"), ["2", "2", "1000", "0.25", "14.5"]);
        assert_eq!(terms("2 percent"), ["2"]);
        assert_eq!(terms("7.4 per cent"), terms("7.4%"));
    }

    #[test]
    fn shared_concepts() {
        assert_eq!(terms("approved endorsed"), ["~approve", "~approve"]);
        assert_eq!(terms("war conflict"), ["~war", "~war"]);
        assert_eq!(terms("outage failure"), ["~outage", "~outage"]);
        assert_eq!(terms("pharmacies drugstores chemists"), ["~pharmacy"; 3]);
        assert_eq!(terms("inspectors inspection inspected"), ["~inspect"; 3]);
        assert_eq!(terms("investigating inquiry probe investigators"), ["~investigate"; 4]);
        assert_eq!(terms("problems flaws deficiencies"), ["~problem"; 3]);
    }

    #[test]
    fn vocabulary_counts_sentences_not_words() {
        let mut v = Vocabulary::default();
        let a = v.intern("Plan plan plan talks");
        let b = v.intern("talks resumed");
        assert_eq!(a.len(), 2);
        let talks = v.id("~talk").unwrap();
        assert!(a.contains(&talks) && b.contains(&talks));
        assert_eq!(v.df[talks as usize], 2);
        assert!(v.idf(v.id("resum").unwrap()) > v.idf(talks));
    }
}
