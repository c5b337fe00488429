//! Words: Unicode word boundaries (UAX #29) and a folded form for comparing
//! words across outlets (case, accents, apostrophes, possessives, dotted
//! abbreviations).

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;
use unicode_segmentation::UnicodeSegmentation;

/// The words of `text` with their byte offsets: runs that hold a letter or
/// digit. `U.S.` comes out as `U.S`, `Zelenskyy’s` as one word, `28-point`
/// as `28` and `point`.
pub fn words(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.split_word_bound_indices().filter(|(_, w)| w.chars().any(char::is_alphanumeric))
}

/// Number of words in `text`.
pub fn count(text: &str) -> usize {
    words(text).count()
}

/// A quick word count for layout heuristics: whitespace-separated tokens
/// holding a letter or digit. [`count`] is the exact (UAX #29) count.
pub fn rough_count(text: &str) -> usize {
    text.split_whitespace().filter(|t| t.chars().any(char::is_alphanumeric)).count()
}

/// Folds a word for comparison: lower case, accents removed (`Erdoğan` ->
/// `erdogan`), curly apostrophes straightened, a possessive `'s` dropped and
/// the dots of abbreviations removed (`U.S` -> `us`).
pub fn fold(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    for c in word.nfkd() {
        if is_combining_mark(c) {
            continue;
        }
        match c {
            '’' | '‘' | 'ʼ' | '`' => out.push('\''),
            '.' => {}
            c => out.extend(c.to_lowercase()),
        }
    }
    if let Some(stripped) = out.strip_suffix("'s") {
        out.truncate(stripped.len());
    }
    while out.ends_with('\'') {
        out.pop();
    }
    out
}

/// True for a word written in capitals that names the United States
/// (`US`, `U.S`, `USA`), which must not be confused with the pronoun `us`.
pub fn is_us_acronym(word: &str) -> bool {
    matches!(word, "US" | "U.S" | "U.S." | "USA" | "U.S.A" | "U.S.A.")
}

/// True when the word starts with an upper-case letter.
pub fn is_capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_on_unicode_word_boundaries() {
        let w: Vec<&str> = words("The U.S. Army’s 28-point plan, “quoted”.").map(|(_, w)| w).collect();
        assert_eq!(w, ["The", "U.S", "Army’s", "28", "point", "plan", "quoted"]);
    }

    #[test]
    fn offsets_point_at_the_word() {
        let text = "Kyiv — Erdoğan";
        for (i, w) in words(text) {
            assert_eq!(&text[i..i + w.len()], w);
        }
    }

    #[test]
    fn folds_case_accents_and_possessives() {
        assert_eq!(fold("Erdoğan"), "erdogan");
        assert_eq!(fold("Türkiye"), "turkiye");
        assert_eq!(fold("Zelenskyy’s"), "zelenskyy");
        assert_eq!(fold("officials'"), "officials");
        assert_eq!(fold("U.S"), "us");
        assert_eq!(fold("Ångström"), "angstrom");
    }

    #[test]
    fn counts_words() {
        assert_eq!(count("One, two — three 4."), 4);
        assert_eq!(count(""), 0);
    }
}
