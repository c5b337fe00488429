//! Clauses: a sentence cut where a new piece of what it says begins, at
//! connective commas ("..., signalling ...", "..., who ..."), semicolons,
//! spaced dashes, a colon before a quote, "and said", and "since" before a
//! clause. The timeline dates each clause on its own; the aligner compares
//! the clauses of long sentences when the whole sentences differ.

use std::sync::LazyLock;

use regex::Regex;

use super::Span;
use super::lexicon::{month_number, weekday_number};
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

/// Relative pronouns: a clause they open after a comma is a parenthesis.
const RELATIVES: &[&str] = &["who", "whom", "whose", "which"];

static AND_SAY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u)\s(?:and|but)\s+(?:later\s+|also\s+)?(?:said|told|added|stated|stressed|noted|insisted|warned|announced|reiterated|claimed|argued|urged)\b").unwrap()
});

static SINCE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?-u)\s(?:since|ever since)\s").unwrap());

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
/// relative to `s` and cover it.
pub fn clauses(s: &str) -> Vec<Span> {
    let mut cuts: Vec<usize> = Vec::new();
    for (i, c) in s.char_indices() {
        match c {
            ',' => {
                let rest = s[i + 1..].trim_start();
                let next = rest.split(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
                let next = next.to_lowercase();
                if CONNECTORS.contains(&next.as_str()) {
                    cuts.push(i + 1);
                    // ", who ... ," is a parenthesis: what follows its closing
                    // comma belongs to the main clause again.
                    if RELATIVES.contains(&next.as_str()) {
                        if let Some(close) = s[i + 1..].find(", ") {
                            cuts.push(i + 1 + close + 1);
                        }
                    }
                }
            }
            ';' => cuts.push(i + 1),
            '—' | '–' if s[..i].ends_with(' ') => cuts.push(i),
            ':' => {
                let rest = s[i + 1..].trim_start();
                if rest.starts_with(['"', '“', '‘', '\'']) {
                    cuts.push(i + 1);
                }
            }
            _ => {}
        }
    }
    cuts.extend(AND_SAY.find_iter(s).map(|m| m.start()));
    // "since the leaders met" opens a clause; "since Monday" is a date.
    cuts.extend(SINCE.find_iter(s).filter(|m| !opens_with_date(&s[m.end()..])).map(|m| m.start()));
    cuts.sort_unstable();
    cuts.dedup();
    let mut out = Vec::new();
    let mut start = 0;
    for c in cuts.into_iter().chain([s.len()]) {
        let piece = &s[start..c];
        let lead = piece.len() - piece.trim_start().len();
        let t = piece.trim();
        // Tiny pieces ("including three children") stay with their neighbour.
        if words::rough_count(t) >= 3 || c == s.len() {
            if !t.is_empty() {
                out.push(Span::new(start + lead, start + lead + t.len()));
            }
            start = c;
        }
    }
    // Fold a short last piece into the one before it.
    if out.len() >= 2 && words::rough_count(out.last().unwrap().slice(s)) < 3 {
        let last = out.pop().unwrap();
        let prev = out.pop().unwrap();
        out.push(prev.union(last));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cl(s: &str) -> Vec<&str> {
        clauses(s).into_iter().map(|c| c.slice(s)).collect()
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
