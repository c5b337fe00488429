//! Units of comparison for the sentence model: a sentence, its clauses,
//! and each two neighbouring clauses. A fact is often one clause of a long
//! sentence ("..., the airline said, adding that 169 were Indian
//! nationals"), and a sentence vector blurs it with the rest, so the model
//! compares the pieces too; a passage still spans whole sentences.
//!
//! The cut is finer than [`crate::text::clauses`] (which keeps a date with
//! its clause for the timeline): at every comma, semicolon, colon or dash
//! followed by a space, and before "but", "while", "whereas", "although",
//! "though" and "because". Pieces of fewer than [`MIN_UNIT_WORDS`] words
//! join a neighbour.

use crate::text::Span;
use crate::text::words;

/// A clause shorter than this says too little to be compared on its own.
pub const MIN_UNIT_WORDS: usize = 5;

/// Clauses that open with one of these are cut before it.
const OPENERS: &[&str] = &["but", "while", "whereas", "although", "though", "because"];

/// Byte offsets in `sentence` where a new clause starts.
fn cut_points(sentence: &str) -> Vec<usize> {
    let mut cuts = Vec::new();
    let mut chars = sentence.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let followed_by_space = chars.peek().is_some_and(|(_, n)| n.is_whitespace());
        if matches!(c, ',' | ';' | ':' | '—' | '–' | '-') && followed_by_space {
            // A hyphen is a dash only with a space before it too ("a well- known" is a typo, not a clause).
            let spaced_before = i == 0 || sentence[..i].ends_with(char::is_whitespace);
            if c != '-' || spaced_before {
                cuts.push(i + c.len_utf8());
            }
        }
    }
    // An ASCII word is compared without lower-casing it into a new
    // string (every word of every sentence passes here); any other word is
    // lower-cased in full, as Unicode folds it.
    let opener = |word: &str| {
        if word.is_ascii() {
            OPENERS.iter().any(|o| o.eq_ignore_ascii_case(word))
        } else {
            OPENERS.contains(&word.to_lowercase().as_str())
        }
    };
    for (offset, word) in words::words(sentence).skip(1) {
        if opener(word) {
            cuts.push(offset);
        }
    }
    cuts.sort_unstable();
    cuts.dedup();
    cuts
}

/// The clauses of `sentence` (spans relative to it, covering it, in
/// order), short pieces joined to a neighbour. One span when it has no cut.
pub fn clauses(sentence: &str) -> Vec<Span> {
    let mut bounds = vec![0];
    bounds.extend(cut_points(sentence).into_iter().filter(|&c| c > 0 && c < sentence.len()));
    bounds.push(sentence.len());
    let pieces: Vec<Span> = bounds.windows(2).map(|w| Span::new(w[0], w[1])).collect();
    join_short_pieces(sentence, pieces)
}

fn word_count(sentence: &str, span: Span) -> usize {
    words::words(span.slice(sentence)).count()
}

/// Joins every piece under [`MIN_UNIT_WORDS`] words to its previous
/// neighbour (the first piece to the next one).
fn join_short_pieces(sentence: &str, pieces: Vec<Span>) -> Vec<Span> {
    let mut out: Vec<Span> = Vec::new();
    for piece in pieces {
        match out.last_mut() {
            Some(last)
                if word_count(sentence, *last) < MIN_UNIT_WORDS || word_count(sentence, piece) < MIN_UNIT_WORDS =>
            {
                last.end = piece.end;
            }
            _ => out.push(piece),
        }
    }
    // The first piece may still be short when it took nothing after it.
    if out.len() > 1 && word_count(sentence, out[out.len() - 1]) < MIN_UNIT_WORDS {
        let last = out.pop().unwrap();
        out.last_mut().unwrap().end = last.end;
    }
    out
}

/// Every unit of `sentence`: the whole sentence first, then (when it has
/// several clauses) each clause and each two neighbouring clauses, trimmed
/// of surrounding spaces and punctuation. [`joined_clauses`] says which
/// units are two neighbouring clauses.
pub fn units(sentence: &str) -> Vec<Span> {
    units_and_clauses(sentence).0
}

/// [`units`], with the number of clauses they were made from (for
/// [`joined_clauses`]).
pub fn units_and_clauses(sentence: &str) -> (Vec<Span>, usize) {
    let whole = Span::new(0, sentence.len());
    let parts = clauses(sentence);
    let mut out = vec![whole];
    if parts.len() > 1 {
        out.extend(parts.iter().copied());
        if parts.len() > 2 {
            out.extend(parts.windows(2).map(|w| Span::new(w[0].start, w[1].end)));
        }
    }
    (out.into_iter().map(|u| trim(sentence, u)).collect(), parts.len())
}

/// For the unit at `index` among the [`units`] of a sentence with
/// `clauses` clauses: the indices of the two clauses it joins, when it is
/// two neighbouring clauses.
pub fn joined_clauses(index: usize, clauses: usize) -> Option<(usize, usize)> {
    let first_joined = 1 + clauses;
    (clauses > 2 && index >= first_joined && index < first_joined + clauses - 1).then(|| {
        let first = index - first_joined + 1;
        (first, first + 1)
    })
}

/// A span without the spaces and clause punctuation at its ends.
fn trim(sentence: &str, span: Span) -> Span {
    let text = span.slice(sentence);
    let edge = |c: char| c.is_whitespace() || matches!(c, ',' | ';' | ':' | '—' | '–' | '-');
    let start = span.start + (text.len() - text.trim_start_matches(edge).len());
    let end = span.end - (text.len() - text.trim_end_matches(edge).len());
    if start < end { Span::new(start, end) } else { span }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(s: &str) -> Vec<&str> {
        units(s).into_iter().map(|u| u.slice(s)).collect()
    }

    #[test]
    fn units_come_with_the_number_of_their_clauses() {
        for s in [
            "A short one with no cut at all in it.",
            "The plane crashed shortly after take-off, the airline said, adding that 169 of the passengers were Indian nationals, while 53 of them were British.",
            "The council approved the budget on Monday, but ÉLUS in the opposition walked out of the chamber in protest.",
            "The mayor spoke for an hour WHILE the crowd outside the town hall grew louder and louder.",
        ] {
            let (units, clauses) = units_and_clauses(s);
            assert_eq!(units, super::units(s));
            assert_eq!(clauses, super::clauses(s).len(), "{s}");
        }
        // An opener is found in any case, ASCII or not.
        let cut = |s: &str| clauses(s).len();
        assert_eq!(cut("The mayor spoke for an hour WHILE the crowd outside the town hall grew louder and louder."), 2);
        assert_eq!(
            cut("The mayor spoke for an hour Bécause the crowd outside the town hall grew louder and louder."),
            1
        );
    }

    #[test]
    fn a_long_sentence_gives_its_clauses_and_their_pairs() {
        let s = "The plane crashed shortly after take-off, the airline said, adding that 169 of the passengers were Indian nationals, while 53 of them were British.";
        let u = texts(s);
        assert_eq!(u[0], s);
        assert!(u.contains(&"The plane crashed shortly after take-off, the airline said"), "{u:#?}");
        assert!(u.contains(&"adding that 169 of the passengers were Indian nationals"), "{u:#?}");
        assert!(u.contains(&"while 53 of them were British."), "{u:#?}");
        // Neighbouring clauses together are a unit too.
        assert!(
            u.contains(&"adding that 169 of the passengers were Indian nationals, while 53 of them were British."),
            "{u:#?}"
        );
    }

    #[test]
    fn joined_units_name_their_two_clauses() {
        let s = "The plane crashed shortly after take-off, the airline said, adding that 169 of the passengers were Indian nationals, while 53 of them were British.";
        let all = units(s);
        let clauses = clauses(s).len();
        // "the airline said" is too short to stand alone.
        assert_eq!(clauses, 3);
        let joined: Vec<(usize, (usize, usize))> =
            (0..all.len()).filter_map(|i| joined_clauses(i, clauses).map(|p| (i, p))).collect();
        assert_eq!(joined, vec![(4, (1, 2)), (5, (2, 3))]);
        for (i, (a, b)) in joined {
            assert_eq!(all[i].start, all[a].start);
            assert_eq!(all[i].end, all[b].end);
        }
        assert_eq!(joined_clauses(1, 2), None);
        assert_eq!(joined_clauses(0, 1), None);
    }

    #[test]
    fn short_pieces_join_a_neighbour_and_numbers_are_not_cut() {
        let s = "In Rome, more than 1,600 people gathered in the square to watch the chimney.";
        assert_eq!(texts(s), vec![s]);
        let s = "He said: the well-known cardinal will speak to the crowd tonight.";
        assert_eq!(texts(s), vec![s]);
    }

    #[test]
    fn cuts_before_contrasting_words() {
        let s = "The ministry confirmed the figure on Friday but officials in the region gave a higher count.";
        let u = texts(s);
        assert!(u.contains(&"but officials in the region gave a higher count."), "{u:#?}");
    }

    #[test]
    fn odd_text_gives_spans_inside_it() {
        for s in ["", " ", ",,,", "— — —", "a, b, c, d", "é, ü; ñ: ø – æ"] {
            for u in units(s) {
                assert!(u.end <= s.len() && s.is_char_boundary(u.start) && s.is_char_boundary(u.end), "{s:?}");
            }
        }
    }
}
