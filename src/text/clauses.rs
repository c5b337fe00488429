//! Clauses: a sentence cut where a new piece of what it says begins, at
//! connective commas ("..., signalling ...", "..., who ..."), semicolons,
//! spaced dashes, a colon before a quote, "and said", and "since" before a
//! clause. The timeline dates each clause on its own; the aligner compares
//! the clauses of long sentences when the whole sentences differ.

use std::sync::LazyLock;

use crate::text::pattern::Pattern;

use super::Span;
use super::lexicon::{is_irregular_past, month_number, weekday_number};
use super::words;

/// Clause openers after a comma: a date in such a clause belongs to it.
const CONNECTORS: &[&str] = &[
    "which",
    "who",
    "whom",
    "whose",
    "while",
    "whereas",
    "although",
    "though",
    "but",
    "as",
    "after",
    "before",
    "since",
    "when",
    "where",
    "with",
    "following",
    "signalling",
    "signaling",
    "according",
    "adding",
    "saying",
    "noting",
    "insisting",
    "citing",
    "despite",
    "amid",
    "and",
    "alongside",
    "including",
    "prompting",
    "leaving",
    "ahead",
];

/// Connectors that are also prepositions: after a comma they open a
/// clause only when a verb follows ("after the leaders met"), not a noun
/// phrase ("after midnight", "before dawn on Saturday").
const PREPOSITIONS: &[&str] = &["before", "after", "following", "since", "amid", "despite"];

/// A verb among the next few words of `rest`: a past form, a form of "be"
/// or "have", a modal.
fn has_verb(rest: &str) -> bool {
    words::words(rest).skip(1).take(6).any(|(_, w)| {
        let l = w.to_ascii_lowercase();
        is_irregular_past(&l)
            || (l.len() > 3 && l.ends_with("ed"))
            || matches!(
                l.as_str(),
                "is" | "are"
                    | "be"
                    | "been"
                    | "has"
                    | "have"
                    | "will"
                    | "would"
                    | "could"
                    | "can"
                    | "may"
                    | "might"
                    | "must"
                    | "should"
                    | "does"
                    | "do"
            )
    })
}

/// Relative pronouns: a clause they open after a comma is a parenthesis.
const RELATIVES: &[&str] = &["who", "whom", "whose", "which"];

static AND_SAY: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(r"(?-u)\s(?:and|but)\s+(?:later\s+|also\s+)?(?:said|told|added|stated|stressed|noted|insisted|warned|announced|reiterated|claimed|argued|urged)\b").unwrap()
});

static SINCE: LazyLock<Pattern> = LazyLock::new(|| Pattern::new(r"(?-u)\s(?:since|ever since)\s").unwrap());

/// The text starts with a date word: a weekday, a month, a year or day
/// number, or "last", "early", "late", "then".
fn opens_with_date(rest: &str) -> bool {
    let w = rest.split(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
    weekday_number(w).is_some()
        || month_number(w).is_some_and(|_| w.chars().next().is_some_and(char::is_uppercase))
        || (!w.is_empty() && w.chars().all(|c| c.is_ascii_digit()))
        || matches!(w, "last" | "early" | "late" | "then" | "mid" | "yesterday")
}

/// Cuts a sentence into clauses at connective commas, semicolons, spaced
/// dashes, a colon before a quote, "and said", and "since". Spans are
/// relative to `sentence` and cover it.
pub fn clauses(sentence: &str) -> Vec<Span> {
    let mut cuts = cuts(sentence);
    cuts.sort_unstable();
    cuts.dedup();
    let mut out = Vec::new();
    let mut start = 0;
    for cut in cuts.into_iter().chain([sentence.len()]) {
        let piece = &sentence[start..cut];
        let lead = piece.len() - piece.trim_start().len();
        let trimmed = piece.trim();
        // Tiny pieces ("including three children") stay with their neighbour.
        if words::rough_count(trimmed) >= 3 || cut == sentence.len() {
            if !trimmed.is_empty() {
                out.push(Span::new(start + lead, start + lead + trimmed.len()));
            }
            start = cut;
        }
    }
    // Fold a short last piece into the one before it.
    if out.len() >= 2 && words::rough_count(out.last().unwrap().slice(sentence)) < 3 {
        let last = out.pop().unwrap();
        let previous = out.pop().unwrap();
        out.push(previous.union(last));
    }
    out
}

/// Where a sentence may be cut, unsorted: after connective commas,
/// semicolons and a colon before a quote, before spaced dashes, "and said"
/// and "since" opening a clause.
fn cuts(sentence: &str) -> Vec<usize> {
    let mut cuts: Vec<usize> = Vec::new();
    for (at, character) in sentence.char_indices() {
        match character {
            ',' => comma_cuts(sentence, at, &mut cuts),
            ';' => cuts.push(at + 1),
            '—' | '–' if sentence[..at].ends_with(' ') => cuts.push(at),
            ':' => {
                let rest = sentence[at + 1..].trim_start();
                if rest.starts_with(['"', '“', '‘', '\'']) {
                    cuts.push(at + 1);
                }
            }
            _ => {}
        }
    }
    cuts.extend(AND_SAY.find_iter(sentence).map(|m| m.start()));
    // "since the leaders met" opens a clause; "since Monday" is a date.
    cuts.extend(SINCE.find_iter(sentence).filter(|m| !opens_with_date(&sentence[m.end()..])).map(|m| m.start()));
    cuts
}

/// The cuts a comma at `at` makes: after it when a connective follows
/// (not a preposition opening a phrase), and after the closing comma of a
/// parenthesis (", who ... ,").
fn comma_cuts(sentence: &str, at: usize, cuts: &mut Vec<usize>) {
    let rest = sentence[at + 1..].trim_start();
    let next = rest.split(|c: char| !c.is_alphanumeric()).next().unwrap_or("").to_lowercase();
    // "..., before dawn on Saturday": a preposition, not a clause.
    let phrase = PREPOSITIONS.contains(&next.as_str()) && !has_verb(rest);
    if !CONNECTORS.contains(&next.as_str()) || phrase {
        return;
    }
    cuts.push(at + 1);
    // What follows a parenthesis's closing comma belongs to the main
    // clause again.
    if RELATIVES.contains(&next.as_str()) {
        if let Some(close) = sentence[at + 1..].find(", ") {
            cuts.push(at + 1 + close + 1);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cl(s: &str) -> Vec<&str> {
        clauses(s).into_iter().map(|c| c.slice(s)).collect()
    }

    #[test]
    fn prepositions_after_a_comma_open_no_clause() {
        assert_eq!(
            cl("The quake struck the Rasht Valley, a farming region, before dawn on Saturday 14 February."),
            ["The quake struck the Rasht Valley, a farming region, before dawn on Saturday 14 February."]
        );
        assert_eq!(
            cl("The minister resigned, after the report was published on Monday."),
            ["The minister resigned,", "after the report was published on Monday."]
        );
    }

    #[test]
    fn clauses_split_at_connectives() {
        assert_eq!(
            cl(
                "Peskov told reporters there were no such plans, signalling little movement since the leaders met in Alaska in August."
            ),
            [
                "Peskov told reporters there were no such plans,",
                "signalling little movement",
                "since the leaders met in Alaska in August."
            ]
        );
        assert_eq!(cl("They met in Anchorage, Alaska in August."), ["They met in Anchorage, Alaska in August."]);
        assert_eq!(
            cl("Secretary of State Rubio, who helped develop the plan, spoke on social media Wednesday."),
            ["Secretary of State Rubio,", "who helped develop the plan,", "spoke on social media Wednesday."]
        );
        assert_eq!(
            cl("Protests have spread across the country since Monday, with roads blocked in Caracas."),
            ["Protests have spread across the country since Monday,", "with roads blocked in Caracas."]
        );
        assert_eq!(
            cl("He met reporters after his talks and said that nothing has changed."),
            ["He met reporters after his talks", "and said that nothing has changed."]
        );
    }
}
