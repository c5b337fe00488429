//! Denials: what a mention says did not happen ("there was no pope
//! elected", "the talks did not resume"). A report that a happening did not
//! take place and a report that it did are two happenings, however many
//! words they share; merging keeps them apart.
//!
//! A negation scopes over the few words after it, up to the end of its
//! clause: "no pope elected" denies the election, "without publishing the
//! results" denies the publishing and nothing else the sentence tells.
//! Two mentions conflict when what links them (the terms they share) is
//! mostly denied by one and asserted by the other: "there was no pope
//! elected" against "a pope had been elected". A denied detail ("declared
//! the winner, without publishing the results") leaves the rest of what
//! they share to link them, and two reports that both deny one thing agree.

use crate::align::Corpus;
use crate::ingest::Article;
use crate::text::{Span, lexicon, words};

use super::Mention;

/// Words a negation reaches: "no pope (was) elected", "did not reach a
/// deal"; past them, the clause tells something else.
const SCOPE_WORDS: usize = 5;

/// The share of what two mentions share (by weight) that one must deny
/// and the other assert for the two to be different happenings. Black
/// smoke "signalling that there was no pope elected" against white smoke
/// "signalling that a pope had been elected" contests a quarter of what
/// they share; a railway "without a ticketing system" against its
/// "suspended ticket sales", a sixth.
const CONTESTED_SHARE: f32 = 0.25;

/// What a mention tells, as content terms (its date's words aside), and
/// which of them it denies.
#[derive(Debug, Default, Clone, PartialEq)]
pub(super) struct Claims {
    /// Every term, sorted.
    pub terms: Vec<u32>,
    /// The terms in a negation's scope (names and verbs of saying aside), sorted.
    pub denied: Vec<u32>,
    /// The terms outside every negation's reach (to the end of its clause:
    /// "did not say when the tally would be published" asserts no
    /// publishing), sorted.
    pub asserted: Vec<u32>,
}

impl Claims {
    /// Whether most of what two mentions share is denied by one and
    /// asserted by the other.
    pub fn conflict(&self, other: &Claims, corpus: &Corpus) -> bool {
        if self.denied.is_empty() && other.denied.is_empty() {
            return false;
        }
        let weight = |term: &u32| corpus.weight[*term as usize];
        let holds = |list: &[u32], term: &u32| list.binary_search(term).is_ok();
        let shared = self.terms.iter().filter(|term| holds(&other.terms, term));
        let (mut all, mut contested) = (0.0, 0.0);
        for term in shared {
            all += weight(term);
            let denied_here = holds(&self.denied, term) && holds(&other.asserted, term);
            let denied_there = holds(&other.denied, term) && holds(&self.asserted, term);
            if denied_here || denied_there {
                contested += weight(term);
            }
        }
        all > 0.0 && contested >= CONTESTED_SHARE * all
    }
}

/// The terms a mention tells and those it denies.
pub(super) fn claims(articles: &[Article], corpus: &Corpus, mention: &Mention) -> Claims {
    let body = &articles[mention.article].body;
    let mut text = mention.span.slice(body).to_string();
    // The date's words tell when, not what: blanked, keeping the offsets.
    if let Some(date) = mention.expression_span.filter(|e| mention.span.start <= e.start && e.end <= mention.span.end) {
        let (start, end) = (date.start - mention.span.start, date.end - mention.span.start);
        text.replace_range(start..end, &" ".repeat(end - start));
    }
    let terms = corpus.lookup(&text);
    let negations = negations(&text);
    if negations.is_empty() {
        return Claims { asserted: terms.clone(), terms, denied: Vec::new() };
    }
    let scoped: Vec<&str> =
        negations.iter().filter_map(|negation| negation.scope).map(|scope| scope.slice(&text)).collect();
    let names = &corpus.names[mention.article][mention.sentence];
    let denied = corpus
        .lookup(&without_reporting_verbs(&scoped.join(" ")))
        .into_iter()
        .filter(|term| names.binary_search(term).is_err())
        .collect();
    let mut outside = text.clone();
    for negation in &negations {
        let reach = negation.reach;
        outside.replace_range(reach.start..reach.end, &" ".repeat(reach.end - reach.start));
    }
    Claims { terms, denied, asserted: corpus.lookup(&outside) }
}

/// "did not say whether": not saying something is no denial of a happening.
fn without_reporting_verbs(text: &str) -> String {
    words::words(text)
        .map(|(_, word)| word)
        .filter(|word| !lexicon::is_reporting_verb(&word.to_lowercase()))
        .collect::<Vec<_>>()
        .join(" ")
}

/// One negation in a text.
#[derive(Clone, Copy, Debug)]
struct Negation {
    /// The words it denies: up to [`SCOPE_WORDS`] after it, within its
    /// clause (`None` when none follow).
    scope: Option<Span>,
    /// From the negation to the end of its clause (punctuation), openers
    /// such as "whether" or "when" included: nothing there is asserted.
    reach: Span,
}

/// The negations of `text`, each with its scope and reach.
fn negations(text: &str) -> Vec<Negation> {
    let tokens: Vec<(usize, &str)> = words::words(text).collect();
    let mut found = Vec::new();
    for (at, &(start, word)) in tokens.iter().enumerate() {
        if !denies(text, &tokens, at) {
            continue;
        }
        let mut scope: Option<Span> = None;
        let mut after = start + word.len();
        let mut in_scope = true;
        for (taken, &(next_start, next)) in tokens.iter().skip(at + 1).enumerate() {
            if ends_clause(&text[after..next_start]) {
                break;
            }
            in_scope &= taken < SCOPE_WORDS && !lexicon::opens_clause(&next.to_lowercase());
            after = next_start + next.len();
            if in_scope {
                scope = Some(Span::new(scope.map_or(next_start, |scope| scope.start), after));
            }
        }
        found.push(Negation { scope, reach: Span::new(start, after) });
    }
    found
}

/// Whether word `at` of `tokens` is a negation that denies what follows:
/// not "not only" / "not just", nor "No." before a number.
fn denies(text: &str, tokens: &[(usize, &str)], at: usize) -> bool {
    let (start, word) = tokens[at];
    let lower = word.to_lowercase();
    if !lexicon::is_negation(&lower) {
        return false;
    }
    let next = tokens.get(at + 1).map(|(_, next)| next.to_lowercase());
    let numbered = lower == "no" && text[start + word.len()..].starts_with('.');
    let adding = lower == "not" && matches!(next.as_deref(), Some("only" | "just" | "least"));
    !numbered && !adding
}

/// Punctuation between two words that ends a clause.
fn ends_clause(between: &str) -> bool {
    between.contains([',', ';', ':', '.', '!', '?', '(', ')', '—', '–'])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scoped(text: &str) -> Vec<&str> {
        negations(text).into_iter().filter_map(|negation| negation.scope).map(|span| span.slice(text)).collect()
    }

    fn reached(text: &str) -> Vec<&str> {
        negations(text).into_iter().map(|negation| negation.reach.slice(text)).collect()
    }

    #[test]
    fn nothing_a_negation_reaches_is_asserted() {
        assert_eq!(
            reached("The council declared the winner, but did not say when the tally would be published. It rained."),
            ["not say when the tally would be published"]
        );
        assert_eq!(reached("There was no pope elected"), ["no pope elected"]);
    }

    #[test]
    fn a_negation_reaches_the_words_after_it_to_the_end_of_its_clause() {
        assert_eq!(
            scoped("signalled that there was no pope elected during the two votes."),
            ["pope elected during the two"]
        );
        assert_eq!(scoped("the talks did not resume, officials said"), ["resume"]);
        assert_eq!(
            scoped("declared the winner without publishing the results by station"),
            ["publishing the results by station"]
        );
        assert_eq!(scoped("the company didn't say whether it was ransomware"), ["say"]);
        assert_eq!(scoped("the minister wasn’t told"), ["told"]);
    }

    #[test]
    fn not_only_and_a_numbered_no_deny_nothing() {
        assert!(scoped("not only the ministry but the army").is_empty());
        assert!(scoped("the ministry's No. 2 told the radio").is_empty());
        assert!(scoped("at the end. No").is_empty(), "nothing after it, no scope");
    }
}
