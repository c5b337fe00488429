//! Words, and a folded form for comparing words across outlets (case,
//! accents, apostrophes, possessives, dotted abbreviations).
//!
//! Word boundaries follow the rules of Unicode word segmentation (UAX #29)
//! that matter for prose: letters and digits join, an apostrophe or a full
//! stop between letters stays inside a word (`Zelenskyy’s`, `U.S`), a
//! full stop or comma between digits too (`14.5`, `1,000`), hyphens and
//! everything else separate, and each CJK ideograph or kana is a word of its
//! own. Written out here because this runs on every word of every article,
//! and a general segmenter is several times slower.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    c.is_alphanumeric() || is_combining_mark(c)
}

/// Ideographs and kana: written without spaces, one word per character.
fn is_ideograph(c: char) -> bool {
    matches!(c, '\u{3040}'..='\u{30ff}' | '\u{3400}'..='\u{4dbf}' | '\u{4e00}'..='\u{9fff}' | '\u{f900}'..='\u{faff}' | '\u{20000}'..='\u{2fa1f}')
}

/// Iterator over the words of a text, with their byte offsets.
pub struct Words<'a> {
    text: &'a str,
    pos: usize,
}

impl<'a> Words<'a> {
    /// The character at byte `i` and its length; ASCII without decoding.
    #[inline]
    fn char_at(&self, i: usize) -> Option<(char, usize)> {
        let b = *self.text.as_bytes().get(i)?;
        if b < 0x80 {
            return Some((char::from(b), 1));
        }
        self.text[i..].chars().next().map(|c| (c, c.len_utf8()))
    }
}

impl<'a> Iterator for Words<'a> {
    type Item = (usize, &'a str);

    fn next(&mut self) -> Option<Self::Item> {
        let mut start = self.pos;
        let first = loop {
            let (c, len) = self.char_at(start)?;
            if is_word_char(c) {
                break c;
            }
            start += len;
        };
        let mut end = start + first.len_utf8();
        if !is_ideograph(first) {
            let mut prev = first;
            while let Some((c, len)) = self.char_at(end) {
                if is_word_char(c) && !is_ideograph(c) {
                    end += len;
                    prev = c;
                    continue;
                }
                // A joiner stays in the word only between two word characters
                // of the right kind: `U.S`, `don’t`, `14.5`, `1,000`, `snake_case`.
                let next = self.char_at(end + len).map(|(n, _)| n);
                let joins = match (c, next) {
                    (_, None) => false,
                    (_, Some(n)) if !is_word_char(n) || is_ideograph(n) => false,
                    ('\'' | '’' | '.' | '·', Some(n)) => {
                        prev.is_alphabetic() && n.is_alphabetic() || c == '.' && prev.is_numeric() && n.is_numeric()
                    }
                    (',' | ';', Some(n)) => prev.is_numeric() && n.is_numeric(),
                    ('_', Some(_)) => true,
                    _ => false,
                };
                if !joins {
                    break;
                }
                end += len;
            }
        }
        self.pos = end;
        Some((start, &self.text[start..end]))
    }
}

/// The words of `text` with their byte offsets: runs that hold a letter or
/// digit. `U.S.` comes out as `U.S`, `Zelenskyy’s` as one word, `28-point`
/// as `28` and `point`.
pub fn words(text: &str) -> Words<'_> {
    Words { text, pos: 0 }
}

/// Number of words in `text`.
pub fn count(text: &str) -> usize {
    words(text).count()
}

/// A quick word count for layout heuristics: whitespace-separated tokens
/// holding a letter or digit. [`count`] is the exact count.
pub fn rough_count(text: &str) -> usize {
    // One pass: a token counts at its first letter or digit.
    let (mut count, mut counted) = (0, false);
    for c in text.chars() {
        if c.is_whitespace() {
            counted = false;
        } else if !counted && c.is_alphanumeric() {
            count += 1;
            counted = true;
        }
    }
    count
}

/// Folds a word for comparison: lower case, accents removed (`Erdoğan` ->
/// `erdogan`), curly apostrophes straightened, a possessive `'s` dropped and
/// the dots of abbreviations removed (`U.S` -> `us`).
pub fn fold(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    if word.is_ascii() {
        out.extend(word.bytes().filter(|&b| b != b'.').map(|b| char::from(b.to_ascii_lowercase())));
        out = out.replace('`', "'");
    } else {
        fold_unicode(word, &mut out);
    }
    if let Some(stripped) = out.strip_suffix("'s") {
        out.truncate(stripped.len());
    }
    while out.ends_with('\'') {
        out.pop();
    }
    out
}

fn fold_unicode(word: &str, out: &mut String) {
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
    fn a_rough_count_counts_tokens_holding_a_letter_or_digit() {
        assert_eq!(rough_count("  By Jane — 12\u{a0}May,\t2025 ... ok "), 6);
        assert_eq!(rough_count(""), 0);
    }

    proptest::proptest! {
        #[test]
        fn a_rough_count_is_the_whitespace_tokens_holding_a_letter_or_digit(text in "(\\PC|\\s){0,40}") {
            let tokens = text.split_whitespace().filter(|t| t.chars().any(char::is_alphanumeric)).count();
            proptest::prop_assert_eq!(rough_count(&text), tokens);
        }
    }

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
    fn joiners_stay_inside_words_only_between_letters_or_digits() {
        let w = |s: &'static str| words(s).map(|(_, w)| w).collect::<Vec<_>>();
        assert_eq!(
            w("don't stop. 14.5% of 1,000 e.g. snake_case"),
            ["don't", "stop", "14.5", "of", "1,000", "e.g", "snake_case"]
        );
        assert_eq!(w("end. Next, 3, 4 'quoted' it's"), ["end", "Next", "3", "4", "quoted", "it's"]);
        assert_eq!(w("東京都 に 行く"), ["東", "京", "都", "に", "行", "く"]);
        assert_eq!(w("e\u{301}te\u{301} Erdoğan"), ["e\u{301}te\u{301}", "Erdoğan"]);
        assert_eq!(w("— … ! ?"), Vec::<&str>::new());
    }

    #[test]
    fn counts_words() {
        assert_eq!(count("One, two — three 4."), 4);
        assert_eq!(count(""), 0);
    }
}
