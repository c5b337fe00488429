//! Mentions: the places in an article that report a happening with a date.
//!
//! A sentence may date more than one happening ("Peskov said ... no such
//! plans, signalling little movement since ... met in Alaska in August"): it
//! is cut into clauses, and each date goes with its own clause. A statement
//! by a named speaker whose clause carries no date of its own is news of the
//! day: it becomes a *reported* mention at the article's date.

use std::sync::LazyLock;

use crate::text::pattern::Pattern;
use serde::Serialize;

use super::clock;
use super::expr::{self, Expr, Say};
use super::resolve::{Anchor, When, resolve, resolve_at};
use crate::ingest::Article;
use crate::text::clauses::clauses;
use crate::text::lexicon::{
    is_irregular_past, is_reaction_word, is_reporting_verb, is_sentence_starter, is_stopword, month_number,
    weekday_number,
};
use crate::text::{Span, words};

/// How an event got its date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Basis {
    /// Words in the text date it.
    Dated,
    /// News of the day the text does not date: placed at the article's date.
    Reported,
}

impl Basis {
    pub fn as_str(self) -> &'static str {
        match self {
            Basis::Dated => "dated",
            Basis::Reported => "reported",
        }
    }
}

/// One article's report of a happening.
#[derive(Clone, Debug, PartialEq)]
pub struct Mention {
    pub article: usize,
    pub sentence: usize,
    /// What the mention covers: its clause, or the whole sentence.
    pub span: Span,
    /// The words that date it (`None` for a reported mention).
    pub expression: Option<String>,
    pub expression_span: Option<Span>,
    pub when: When,
    pub basis: Basis,
    /// The sentence's own report of the happening, not a date in a
    /// subordinate clause ("after ... on Wednesday") or one that modifies a
    /// noun ("Wednesday's deaths"): of two reports in one article, the
    /// direct one is shown.
    pub direct: bool,
    /// A limit counted from the article's own date ("paid within 30 days"):
    /// reports of one promise published on different days give it
    /// different dates, so merging compares the words, not the day.
    pub window: Option<(i32, expr::Unit)>,
    /// A target, not a happening: a deadline or a hope for a month or a
    /// year ("before the end of the month", "by 2030"). It is never merged
    /// into an event dated to a finer day.
    pub target: bool,
}

/// Clause openers whose clause carries its own happening: a date in such a
/// clause dates that clause, not the sentence.
const SUBORDINATE: &[&str] = &[
    "which",
    "who",
    "whom",
    "whose",
    "since",
    "after",
    "before",
    "when",
    "while",
    "following",
    "signalling",
    "signaling",
    "with",
    "as",
    "amid",
    "despite",
    "including",
    "although",
    "though",
    "whereas",
];

/// A clause that tells what had happened before ("when Halvard first
/// announced the takeover", "which facilitated ..."): never news of the day.
fn is_background(clause: &str) -> bool {
    let first = clause.split(|c: char| !c.is_alphanumeric()).next().unwrap_or("").to_lowercase();
    matches!(first.as_str(), "when" | "after" | "before" | "since" | "following" | "which" | "who" | "whom" | "whose")
}

/// True when `clause` opens with a subordinating word.
fn is_subordinate(clause: &str) -> bool {
    let first = clause.split(|c: char| !c.is_alphanumeric()).next().unwrap_or("").to_lowercase();
    SUBORDINATE.contains(&first.as_str())
}

/// Capitalised words that do not name a speaker.
fn is_generic_capital(w: &str) -> bool {
    let lower = w.to_lowercase();
    is_sentence_starter(w)
        || is_stopword(&lower)
        || matches!(
            lower.as_str(),
            "two" | "three" | "four" | "five" | "six" | "seven" | "eight" | "nine" | "ten" | "several" | "dozens"
                | "hundreds" | "thousands" | "sources" | "officials" | "source" | "critics" | "analysts" | "experts"
        )
        || month_number(w).is_some()
        || weekday_number(w).is_some()
        || w.chars().all(|c| !c.is_lowercase()) // acronyms: US, NBC
        || w.ends_with("ian") || w.ends_with("ean") || w.ends_with("ese") || w.ends_with("ish") || w.ends_with("ican")
}

/// Byte ranges of quoted speech in `s` (straight or curly double quotes).
pub fn quoted_ranges(s: &str) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    for (i, c) in s.char_indices() {
        match (c, open) {
            ('“', _) => open = Some(i),
            ('”', Some(o)) => {
                out.push(o..i + c.len_utf8());
                open = None;
            }
            ('"', None) => open = Some(i),
            ('"', Some(o)) => {
                out.push(o..i + 1);
                open = None;
            }
            _ => {}
        }
    }
    if let Some(o) = open {
        out.push(o..s.len());
    }
    out
}

/// A statement by a named speaker: a verb of saying with a capitalised name
/// (not a pronoun, not "officials", not "a source") just before or after it.
/// Returns the byte offset of the verb in `clause`.
pub fn statement_verb(clause: &str) -> Option<usize> {
    if clause.trim_start().starts_with(['"', '“']) && !clause.contains(['”', '"']) {
        return None;
    }
    let clause_words: Vec<(usize, &str)> = words::words(clause).collect();
    // "earlier said", "previously told": not news of the day.
    let earlier = |word: &str| matches!(word.to_lowercase().as_str(), "earlier" | "previously" | "repeatedly" | "long");
    if clause_words.iter().any(|(_, word)| earlier(word)) {
        return None;
    }
    let speech = Speech { clause, words: clause_words, quoted: quoted_ranges(clause) };
    (0..speech.words.len()).find_map(|verb| speech.named_statement(verb))
}

/// A clause's words (with their offsets) and the ranges it quotes.
struct Speech<'c> {
    clause: &'c str,
    words: Vec<(usize, &'c str)>,
    quoted: Vec<std::ops::Range<usize>>,
}

impl Speech<'_> {
    fn in_quote(&self, offset: usize) -> bool {
        self.quoted.iter().any(|range| range.contains(&offset))
    }

    /// The offset of word `verb` when it is a verb of saying, outside
    /// quotes, with a name for its speaker in the words before it (or just
    /// after it in inverted attribution: `..." said Peskov`).
    fn named_statement(&self, verb: usize) -> Option<usize> {
        let (at, word) = self.words[verb];
        // "the United States": a capitalised word inside is a name's.
        let in_a_name = verb > 0 && words::is_capitalised(word);
        if self.in_quote(at) || in_a_name || !is_reporting_verb(&word.to_lowercase()) {
            return None;
        }
        let inverted = self.clause[..at].trim_end().ends_with([',', '"', '”']);
        let mut before = verb.saturating_sub(4)..verb;
        let mut after = verb + 1..(verb + 3).min(self.words.len());
        let named = before.any(|index| self.names_speaker(index, verb))
            || (inverted && after.any(|index| self.names_speaker(index, verb)));
        named.then_some(at)
    }

    /// Word `index` names the speaker of the verb at `verb`. Any first word
    /// is capitalised: there it names a speaker only right before the verb
    /// ("Peskov said"), set off by a comma, or before another name.
    fn names_speaker(&self, index: usize, verb: usize) -> bool {
        let (at, word) = self.words[index];
        if !words::is_capitalised(word) || is_generic_capital(word) || self.in_quote(at) {
            return false;
        }
        let first = self.clause[..at].trim().trim_start_matches(['"', '“']).is_empty();
        // Only adverbs and auxiliaries between name and verb: "Zelensky later stated".
        let adjacent = index < verb
            && self.words[index + 1..verb].iter().all(|&(_, between)| {
                let between = between.to_lowercase();
                between.ends_with("ly")
                    || matches!(between.as_str(), "later" | "also" | "then" | "again" | "has" | "had" | "have")
            });
        let appositive = self.clause[at + word.len()..].starts_with(','); // "Trump, speaking separately, said"
        let before_a_name = self.words.get(index + 1).is_some_and(|&(_, next)| words::is_capitalised(next));
        !first || adjacent || appositive || before_a_name
    }
}

/// Words that make what follows them point forward: future auxiliaries,
/// plans and expectations, requests with a deadline.
static FUTURE_CUE: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(r"(?i-u)\b(?:will|shall|'ll|’ll|would|expects?|expected|expecting|is set to|are set to|set for|is due|are due|due to|scheduled|slated|planned|pencill?ed in|plans to|plan to|planning to|intends? to|aims? to|hopes? to|upcoming|is to|are to|deadline|ultimatum|ahead of|likely to|poised to|pledged to|promised to|vowed to|asks?|asking|asked|ordered|requested|demanded|instructed|required|urged|given until|called on)\b").unwrap()
});

/// `next` looking ahead ("the bank's next meeting in January"), not along
/// a narrative ("the next day") or in space ("next to").
static NEXT: LazyLock<Pattern> = LazyLock::new(|| Pattern::new(r"(?i-u)\bnext\s+(?P<w>[a-z]+)").unwrap());

/// A forecast or a warning of what is coming ("warned of rain through
/// Wednesday", "is forecast until Monday"): a limit it gives lies ahead,
/// whatever the tense of the warning.
static FORECAST: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(r"(?i-u)\b(?:forecasts?|forecasted|forecasters?|predicts?|predicted|outlook|warn(?:s|ed|ing)? of)\b")
        .unwrap()
});

/// Byte offset in `text` just past the last word that tells of the past:
/// an irregular past form, or a word in -ed that is not a passive after a
/// form of "be" ("to be fully restored") nor itself a forward cue.
fn last_past_marker(text: &str) -> Option<usize> {
    let text_words: Vec<(usize, &str)> = words::words(text).collect();
    let is_be = |index: usize| {
        text_words.get(index).is_some_and(|&(_, word)| {
            matches!(word.to_lowercase().as_str(), "be" | "been" | "being" | "is" | "are" | "get" | "gets")
        })
    };
    let mut last = None;
    for (index, &(at, word)) in text_words.iter().enumerate() {
        let lower = word.to_lowercase();
        // A participle after "be" ("to be held", "to be fully restored") is
        // a passive, not a past.
        let passive = index >= 1 && is_be(index - 1) || index >= 2 && is_be(index - 2);
        let past = if is_irregular_past(&lower) && !matches!(lower.as_str(), "was" | "were" | "had" | "did") {
            !passive
        } else if is_irregular_past(&lower) {
            true
        } else if lower.len() > 4 && lower.ends_with("ed") && !is_cue_participle(&lower) {
            !passive
        } else {
            false
        };
        if past {
            last = Some(at + word.len());
        }
    }
    last
}

/// The forward cues that end in -ed ("expected", "scheduled").
fn is_cue_participle(w: &str) -> bool {
    matches!(
        w,
        "expected"
            | "scheduled"
            | "slated"
            | "planned"
            | "asked"
            | "ordered"
            | "requested"
            | "demanded"
            | "instructed"
            | "required"
            | "urged"
            | "pledged"
            | "promised"
            | "vowed"
            | "poised"
            | "pencilled"
            | "penciled"
    )
}

/// Byte offset just past the last forward cue in `text`.
fn last_future_cue(text: &str) -> Option<usize> {
    let cue = FUTURE_CUE.find_iter(text).map(|m| m.end()).last();
    let next = NEXT
        .captures_iter(text)
        .filter(|c| !matches!(c["w"].to_ascii_lowercase().as_str(), "day" | "morning" | "evening" | "night" | "to"))
        .map(|c| c.get(0).map_or(0, |m| m.end()))
        .last();
    cue.max(next)
}

/// True when the sentence looks ahead at the time the expression names:
/// a forward cue in the words before it (within its clause and a dozen
/// words) with no verb in the past after the cue. `clause_start` is where
/// the expression's clause begins in `sentence`.
/// `had recommended`, `had been told`: the past perfect, told of a time
/// before the story's.
fn in_past_perfect(text: &str) -> bool {
    let ws: Vec<String> = words::words(text).map(|(_, w)| w.to_ascii_lowercase()).collect();
    ws.windows(2).any(|w| {
        (w[0] == "had" || w[0] == "'d")
            && (w[1].ends_with("ed") || w[1] == "been" || is_irregular_past(&w[1]) || w[1].ends_with("en"))
    })
}

/// A limit: "by Friday", or "until midnight on Friday" (the word a few
/// words before the date).
fn is_deadline(sentence: &str, expression: &Expr) -> bool {
    let near_before = sentence[..expression.span.start].to_ascii_lowercase();
    let mut near_before = near_before.split_whitespace().rev().take(3);
    expression.deadline || near_before.any(|w| matches!(w, "until" | "till" | "by" | "before" | "through"))
}

fn looks_forward(sentence: &str, clause_start: usize, expression: &Expr) -> bool {
    if expression.forward {
        return true;
    }
    if expression.backward {
        return false;
    }
    if is_deadline(sentence, expression) {
        // "until Thursday to respond": a limit for something still to do.
        let to_do = sentence[expression.span.end..].trim_start().starts_with("to ");
        return to_do || FUTURE_CUE.is_match(sentence) || FUTURE_MARK.is_match(sentence) || FORECAST.is_match(sentence);
    }
    // "the walkout on Thursday will go ahead": a future verb right after,
    // in the same stretch of the sentence (not "..., saying it would").
    let rest = &sentence[expression.span.end..];
    let stretch = &rest[..rest.find([',', ';', ':', '.', '—', '(']).unwrap_or(rest.len())];
    // A verb of its own clause ("... on Friday night which will allow",
    // "and will continue") tells of something else.
    let after: Vec<String> = words::words(stretch)
        .take(3)
        .map(|(_, w)| w.to_ascii_lowercase())
        .take_while(|w| !matches!(w.as_str(), "which" | "and" | "that" | "who" | "but" | "or" | "where" | "when"))
        .collect();
    // "said on Wednesday it would ...": the date is the saying's.
    let said_before = words::words(&sentence[..expression.span.start]).last().is_some_and(|(_, w)| {
        let w = w.to_ascii_lowercase();
        is_reporting_verb(&w) && (w.ends_with("ed") || is_irregular_past(&w))
    });
    if !said_before && after.iter().any(|w| matches!(w.as_str(), "will" | "would" | "shall")) {
        return true;
    }
    let before = &sentence[..expression.span.start];
    let window_start = before.char_indices().rev().filter(|&(_, c)| c == ' ').nth(11).map_or(0, |(i, _)| i);
    // The expression's own preposition belongs to a cue ("set for | early
    // April").
    let lead = expression.text.split_once(' ').map_or(0, |(first, _)| {
        if matches!(first.to_ascii_lowercase().as_str(), "for" | "on" | "in" | "to" | "at") { first.len() } else { 0 }
    });
    let window_end = expression.span.start + lead;
    let window = &sentence[window_start.max(clause_start.min(expression.span.start))..window_end];
    match last_future_cue(window) {
        Some(cue) => last_past_marker(window).is_none_or(|past| past < cue),
        None => false,
    }
}

/// Words that say a happening is still to come, as a schedule, a plan, a
/// deadline or a request: `will`, `is expected to`, `is due`, `must`,
/// `asked ... by`. A hope or a possibility ("could be reached") is not.
static FUTURE_MARK: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(r"(?i-u)\b(?:will|shall|won't|'ll|’ll|would|(?:is|are|'s|’s) (?:expected|set|due|scheduled|slated|poised|likely|planned|going)|expects?|expected|set to|set for|pencill?ed in|due to (?:be|take|start|open|begin|end|meet|arrive|resume|return|hold|vote|rule)|scheduled|slated|planned|plans? to|planning to|intends? to|deadline|ultimatum|upcoming|next|(?:is|are) to|must|(?:has|have|had|given) until|(?:has|have|needs?) to|asks?|asking|asked|orders?|ordered|requested|demanded|instructed|required|urged|called on|pledged to|promised to|vowed to|ahead of)\b").unwrap()
});

/// Forms of "be" and "have" that put what follows in the past ("was
/// expected", "had planned").
/// `words` end in such a form ("was", "had", "had been"; not "has been").
fn is_past_auxiliary(words: &[&str]) -> bool {
    let lower =
        |at: usize| words.len().checked_sub(at).map_or(String::new(), |index| words[index].to_ascii_lowercase());
    matches!(lower(1).as_str(), "was" | "were" | "had") || lower(1) == "been" && lower(2) == "had"
}

/// Whether the text marks the happening `expression` dates as future: the
/// words themselves (`next week`, `tomorrow`, `within 30 days`), or a mark
/// of the future ([`FUTURE_MARK`]) in its clause before it or just after
/// it, not put in the past ("was expected to", "had planned"). A deadline
/// ("by Friday") is future when the sentence looks ahead ([`looks_forward`]),
/// in any tense ("was expected by Friday", "until Thursday to respond").
fn marks_future(sentence: &str, clause_start: usize, expression: &Expr) -> bool {
    if expression.forward || matches!(expression.say, Say::Day { offset } if offset > 0) {
        return true;
    }
    if is_deadline(sentence, expression) {
        return looks_forward(sentence, clause_start, expression);
    }
    let before = &sentence[..expression.span.start];
    let from = before.char_indices().rev().filter(|&(_, c)| c == ' ').nth(11).map_or(0, |(at, _)| at);
    let rest = &sentence[expression.span.end..];
    let after = rest.char_indices().filter(|&(_, c)| c == ' ').nth(3).map_or(rest.len(), |(at, _)| at);
    let window = &sentence[from.max(clause_start.min(expression.span.start))..expression.span.end + after];
    FUTURE_MARK.find_iter(window).any(|mark| {
        let before: Vec<&str> = words::words(&window[..mark.start()]).map(|(_, word)| word).collect();
        !is_past_auxiliary(&before)
    })
}

/// Months ahead of the article's within which a month named without a year
/// in a sentence that tells no past is this year's ("Elections in
/// December" in October), and a plan told in the past ("had been expected
/// to ... in June") reaches.
const NEAR_MONTHS: i8 = 2;
const PLANNED_MONTHS: i8 = 6;

/// Whether a month named without a year (`in June`, `the first week of
/// June`) reads ahead of the article's date, as a deadline ("by the end of
/// July") already does when the sentence looks ahead anywhere: a future
/// mark anywhere before it with no past after the mark (the main clause's
/// "will leave ... after the visit in June") reads the next such month; a
/// plan told in the past ("had been expected to") or a sentence that tells
/// no past reads it ahead only when it is near.
fn month_reads_ahead(sentence: &str, expression: &Expr, anchor: jiff::civil::Date) -> bool {
    let Say::Calendar { year: None, day: None, month, .. } = expression.say else { return false };
    if expression.backward {
        return false;
    }
    let ahead = (month - anchor.month()).rem_euclid(12);
    let before = &sentence[..expression.span.start];
    let past = last_past_marker(before);
    let plan = FUTURE_CUE.find_iter(before).filter(|cue| past.is_none_or(|past| past <= cue.start())).last();
    match plan {
        Some(cue) => {
            let leading: Vec<&str> = words::words(&before[..cue.start()]).map(|(_, word)| word).collect();
            !is_past_auxiliary(&leading) || ahead <= PLANNED_MONTHS
        }
        None => past.is_none() && last_past_marker(&sentence[expression.span.end..]).is_none() && ahead <= NEAR_MONTHS,
    }
}

/// Words that cannot be the head of the noun phrase a date modifies.
fn is_function_word(w: &str) -> bool {
    let l = w.to_lowercase();
    is_stopword(&l) || is_reporting_verb(&l) || matches!(l.as_str(), "and" | "or" | "but" | "that" | "as")
}

/// A date used as a modifier of a noun: `Sunday's cup final`, `the disputed
/// July 27 election`, `Tuesday's curfew`. It names that thing, not when the
/// clause around it happened.
fn is_modifier(sentence: &str, expression: &Expr) -> bool {
    if expression.text.ends_with("'s") || expression.text.ends_with("’s") || names_the_noun_before(sentence, expression)
    {
        return true;
    }
    // Only names of days and months modify nouns ("last month showed" is
    // a clause's date).
    if !matches!(expression.say, Say::Calendar { .. } | Say::Weekday { .. }) {
        return false;
    }
    let first = expression.text.split(' ').next().unwrap_or("").to_lowercase();
    let prep = matches!(
        first.as_str(),
        "on" | "in"
            | "by"
            | "until"
            | "till"
            | "since"
            | "from"
            | "before"
            | "after"
            | "at"
            | "during"
            | "through"
            | "of"
            | "for"
            | "to"
            | "as"
    );
    let next = words::words(&sentence[expression.span.end..]).next();
    let adjacent =
        next.is_some_and(|(at, _)| sentence[expression.span.end..expression.span.end + at].trim().is_empty());
    // The noun after it, not a verb ("Monday saw protests", "May ended").
    let noun = |w: &str| {
        let l = w.to_lowercase();
        w.chars().next().is_some_and(char::is_lowercase)
            && !is_function_word(w)
            && !l.ends_with("ed")
            && !is_irregular_past(&l)
            && !matches!(l.as_str(), "saw" | "sees" | "brought" | "marks" | "marked")
    };
    !prep && adjacent && next.is_some_and(|(_, w)| noun(w))
}

/// A date that a ranking is counted from, not a happening's: "the deadliest
/// earthquake to hit the country since 1985", "its first win since 2016":
/// `since` and the date, with a superlative after "the" or a possessive at
/// most ten words before, in one stretch of the sentence (no comma or
/// other clause mark between), and no "been" between them: "the first aid
/// convoy has been stuck since Tuesday" tells a state that began then. "At
/// least 12 have died since Monday" ranks nothing. "Since it went into
/// service in 2009" is a clause of its own and stays dated.
fn is_comparison(sentence: &str, expression: &Expr) -> bool {
    if !expression.text.split(' ').next().is_some_and(|w| w.eq_ignore_ascii_case("since")) {
        return false;
    }
    let stretch_start = sentence[..expression.span.start]
        .char_indices()
        .rev()
        .find(|(_, c)| matches!(c, ',' | ';' | ':' | '(' | '—' | '–'))
        .map_or(0, |(at, c)| at + c.len_utf8());
    let before: Vec<String> =
        words::words(&sentence[stretch_start..expression.span.start]).map(|(_, w)| w.to_lowercase()).collect();
    let from = before.len().saturating_sub(10);
    let ranked = (from.max(1)..before.len()).rev().find(|&k| {
        crate::text::lexicon::is_superlative(&before[k])
            && (matches!(before[k - 1].as_str(), "the" | "its" | "their" | "his" | "her" | "our" | "your")
                || before[k - 1].ends_with("'s")
                || before[k - 1].ends_with("’s"))
    });
    ranked.is_some_and(|k| !before[k..].iter().any(|w| w == "been"))
}

/// Nouns before "of" and a year that name a part of that year, not a
/// thing of it: "the middle of 2026", "the first half of 2025".
const PARTS_OF_A_PERIOD: &[&str] = &[
    "middle",
    "half",
    "quarter",
    "part",
    "rest",
    "end",
    "start",
    "beginning",
    "remainder",
    "course",
    "spring",
    "summer",
    "autumn",
    "fall",
    "winter",
    "months",
    "weeks",
];

/// "the Brexit referendum of 2016", "the crisis of 2008": a year (or a
/// month of a year) after `of` that names the noun before it.
fn names_the_noun_before(sentence: &str, expression: &Expr) -> bool {
    let of = expression.text.split(' ').next().is_some_and(|w| w.eq_ignore_ascii_case("of"));
    let year = matches!(expression.say, Say::Year { .. } | Say::Calendar { year: Some(_), day: None, .. });
    let before = words::words(&sentence[..expression.span.start]).last();
    let noun = before.is_some_and(|(at, w)| {
        sentence[at + w.len()..expression.span.start].trim().is_empty()
            && !is_function_word(w)
            && !w.chars().any(|c| c.is_ascii_digit())
            && month_number(w).is_none()
            && weekday_number(w).is_none()
            && !PARTS_OF_A_PERIOD.contains(&w.to_lowercase().as_str())
    });
    of && year && noun
}

/// The noun phrase a modifier date belongs to: the date and up to three
/// content words after it, or before it ("the Brexit referendum of 2016").
fn modifier_span(sentence: &str, expression: &Expr) -> Span {
    if names_the_noun_before(sentence, expression) {
        let before: Vec<(usize, &str)> = words::words(&sentence[..expression.span.start]).collect();
        let mut start = expression.span.start;
        for &(at, w) in before.iter().rev().take(3) {
            if is_function_word(w) || !sentence[at + w.len()..start].trim().is_empty() {
                break;
            }
            start = at;
        }
        return Span::new(start, expression.span.end);
    }
    let mut end = expression.span.end;
    for (at, w) in words::words(&sentence[expression.span.end..]).take(3) {
        let gap = &sentence[end..expression.span.end + at];
        // `semi-final` is one word here.
        if !(gap.trim().is_empty() || gap == "-")
            || is_function_word(w)
            || w.chars().next().is_some_and(char::is_uppercase)
        {
            break;
        }
        end = expression.span.end + at + w.len();
    }
    Span::new(expression.span.start, end)
}

/// `..., officials said on Monday.`: the expression closes the sentence in
/// a short attribution after its last comma.
fn is_tail_attribution(sentence: &str, expression: &Expr) -> bool {
    let Some(comma) = sentence[..expression.span.start].rfind(", ") else { return false };
    let tail = sentence[comma + 1..].trim().trim_end_matches(['.', '"', '”', ' ']);
    let after = sentence[expression.span.end..].trim().trim_end_matches(['.', '"', '”', ' ']);
    let before = &sentence[comma + 1..expression.span.start];
    after.is_empty()
        && words::rough_count(tail) <= 8
        && words::words(before).any(|(_, w)| is_reporting_verb(&w.to_lowercase()))
}

/// A date found in a sentence, with the clause it stands in and the day or
/// period it resolves to.
struct Dated<'e> {
    expression: &'e Expr,
    clause: usize,
    when: When,
    /// Where the words naming the date start: the weekday before it
    /// ("on Tuesday, September 19th"), else the expression.
    named_from: usize,
}

/// Where each dated mention of a sentence reads: its clause; a modifier
/// date, its noun phrase; two dates in one clause, each its own part of it,
/// cut at the last comma or "and" between them. Spans are relative to
/// `sentence`.
fn local_spans(sentence: &str, clauses: &[Span], dated: &[Dated<'_>]) -> Vec<Span> {
    let mut spans: Vec<Span> = dated.iter().map(|d| clauses[d.clause]).collect();
    for (index, clause) in clauses.iter().enumerate() {
        let here: Vec<usize> = (0..dated.len()).filter(|&i| dated[i].clause == index).collect();
        if here.len() >= 2 {
            split_clause(sentence, *clause, dated, &here, &mut spans);
        }
    }
    spans
}

/// Gives each of the dates `here` (two or more in `clause`) its part of
/// the clause in `spans`.
fn split_clause(sentence: &str, clause: Span, dated: &[Dated<'_>], here: &[usize], spans: &mut [Span]) {
    let mut plain = Vec::new();
    for &i in here {
        if is_modifier(sentence, dated[i].expression) {
            spans[i] = modifier_span(sentence, dated[i].expression);
        } else {
            plain.push(i);
        }
    }
    let mut start = clause.start;
    for pair in plain.windows(2) {
        // "on Tuesday, September 19th" is cut before the weekday, not at
        // its comma.
        let second = Span::new(dated[pair[1]].named_from, dated[pair[1]].expression.span.end);
        let first = dated[pair[0]].expression.span;
        if let Some((at, len)) = cut_between(sentence, first, second) {
            spans[pair[0]] = trim_span(sentence, Span::new(start, at));
            start = at + len;
        }
    }
    let Some(&last) = plain.last() else { return };
    let end = last_part_end(sentence, clause, dated, here, last);
    if start > clause.start || end < clause.end {
        spans[last] = trim_span(sentence, Span::new(start, end.max(start)));
    }
}

/// Where two dates of one clause are cut apart: the last comma, "and" or
/// the like between them, as (offset, length of the separator).
fn cut_between(sentence: &str, first: Span, second: Span) -> Option<(usize, usize)> {
    let gap = &sentence[first.end..second.start];
    let cut = [", ", " and ", " but ", "; ", " that ", " which ", " who "]
        .iter()
        .filter_map(|separator| gap.rfind(separator).map(|at| (first.end + at, separator.len())))
        .max();
    // Not inside a list of dates ("between Monday and Wednesday").
    cut.filter(|_| words::rough_count(gap) >= 2)
}

/// Where the part of the last plain date (`last`) ends: at a modifier date
/// after it, without the word that leads to it ("this weekend | for
/// Sunday's final"), or at the clause's end.
fn last_part_end(sentence: &str, clause: Span, dated: &[Dated<'_>], here: &[usize], last: usize) -> usize {
    let after = here
        .iter()
        .map(|&i| dated[i].expression)
        .filter(|e| is_modifier(sentence, e) && e.span.start > dated[last].expression.span.end)
        .map(|e| e.span.start)
        .min();
    after.map_or(clause.end, |at| {
        let head = sentence[..at].trim_end();
        let previous = head.rsplit(' ').next().unwrap_or("");
        if is_stopword(&previous.to_lowercase()) { head.len() - previous.len() } else { at }
    })
}

/// A mention whose words are its date and nothing more ("Sunday, October
/// 19th.", a date left alone on a line): it reports no happening.
fn names_only_its_date(sentence: &str, span: Span, date: &Dated<'_>) -> bool {
    let expression = date.expression.span;
    let outside =
        [Span::new(span.start, expression.start.max(span.start)), Span::new(expression.end.min(span.end), span.end)];
    !outside.iter().any(|part| {
        words::words(part.slice(sentence)).any(|(_, word)| {
            !is_stopword(&word.to_lowercase()) && weekday_number(word).is_none() && month_number(word).is_none()
        })
    })
}

fn trim_span(text: &str, span: Span) -> Span {
    let inside = &text[span.start..span.end];
    let lead = inside.len() - inside.trim_start().len();
    Span::new(span.start + lead, span.start + lead + inside.trim().len())
}

/// The mentions of one article, resolved against `anchor` (its publication
/// date, or the set's reference date when it has none).
pub fn mentions(article_index: usize, article: &Article, anchor: Option<Anchor>) -> Vec<Mention> {
    let mut out = Vec::new();
    // The last date with its year the previous sentence gave: what "the
    // next year" in this one counts from.
    let mut narrative: Option<When> = None;
    let mut previous_day: Option<When> = None;
    for (index, span) in article.sentences.iter().enumerate() {
        let mut sentence = Sentence::new(article, article_index, index, *span, anchor);
        sentence.narrative = narrative;
        sentence.previous_day = previous_day;
        let before = out.len();
        sentence.mentions(&mut out);
        narrative = sentence.last_absolute(&out[before..]);
        previous_day = day_told(&out[before..]);
    }
    out
}

/// The one day a sentence's dated mentions give, if they give exactly one:
/// what a time of day in the next sentence is on.
fn day_told(mentions: &[Mention]) -> Option<When> {
    let mut days = mentions.iter().filter(|m| m.basis == Basis::Dated && m.when.precision == super::Precision::Day);
    let first = days.next()?.when;
    days.all(|m| m.when == first).then_some(first)
}

/// One sentence of an article, cut into clauses, with its dates.
struct Sentence<'a> {
    article_index: usize,
    index: usize,
    /// Where the sentence starts in the article's body.
    offset: usize,
    text: &'a str,
    anchor: Option<Anchor>,
    expressions: Vec<Expr>,
    clauses: Vec<Span>,
    /// The clause each expression stands in.
    expression_clauses: Vec<usize>,
    /// The last date with its year the sentence before gave.
    narrative: Option<When>,
    /// The one day the sentence before dated ([`day_told`]).
    previous_day: Option<When>,
    /// A subheading ("What Celtica says"): it states nothing of the day.
    subheading: bool,
}

impl<'a> Sentence<'a> {
    fn new(article: &'a Article, article_index: usize, index: usize, span: Span, anchor: Option<Anchor>) -> Self {
        let text = span.slice(&article.body);
        // A date in the dateline (`HERAKLION, Oct. 20 (Reuters) -`) is the report's.
        let expressions: Vec<Expr> = expr::find(text)
            .into_iter()
            .filter(|e| span.start + e.span.start >= article.dateline_end && !is_comparison(text, e))
            .collect();
        let clauses = clauses(text);
        let clause_of = |offset: usize| {
            clauses.iter().position(|c| c.start <= offset && offset < c.end.max(c.start + 1)).unwrap_or(0)
        };
        let expression_clauses = expressions.iter().map(|e| clause_of(e.span.start)).collect();
        Sentence {
            article_index,
            index,
            offset: span.start,
            text,
            anchor,
            expressions,
            clauses,
            expression_clauses,
            narrative: None,
            previous_day: None,
            subheading: crate::text::segment::is_subheading(&article.body, span),
        }
    }

    /// Of this sentence's `mentions`, the last dated by words that give
    /// their year (else what "the next year" here was counted from): the
    /// narrative's date for the next sentence.
    fn last_absolute(&self, mentions: &[Mention]) -> Option<When> {
        let absolute = |m: &&Mention| {
            m.expression_span.is_some_and(|span| {
                self.expressions.iter().any(|e| {
                    self.offset + e.span.start == span.start
                        && (e.say.is_absolute() || matches!(e.say, Say::Following { .. }))
                })
            })
        };
        mentions.iter().rfind(absolute).map(|m| m.when)
    }

    /// What `the next year` at `expression` counts from: the last date with
    /// its year before it in this sentence, else the sentence before's.
    fn narrative_before(&self, expression: &Expr) -> Option<When> {
        let mut earlier =
            self.expressions.iter().filter(|e| e.span.end <= expression.span.start && e.say.is_absolute());
        earlier
            .next_back()
            .and_then(|e| resolve(e.say, jiff::civil::Date::constant(2000, 1, 1), false))
            .or(self.narrative)
    }

    /// Adds the sentence's mentions to `out`: one per date, then the
    /// statement of the day, if any.
    fn mentions(&self, out: &mut Vec<Mention>) {
        let dated = self.dated();
        if dated.is_empty() {
            if let Some(mention) = self.clock_mention() {
                out.push(mention);
                return;
            }
        }
        let reported = self.statement_of_the_day();
        let several = dated.len() + usize::from(reported.is_some()) > 1;
        let locals = local_spans(self.text, &self.clauses, &dated);
        for (date, local) in dated.iter().zip(locals) {
            // One date in the main clause dates the whole sentence; a date
            // in a subordinate clause, or one of several, goes with its clause.
            let own = several || self.is_subordinate_clause(date.clause);
            // A year naming the thing before it, beside another happening
            // of the sentence, reads as that thing ("the referendum of 2016").
            let span = match (own, several && names_the_noun_before(self.text, date.expression)) {
                (_, true) => modifier_span(self.text, date.expression),
                (true, false) => self.relative_clause_end(date, local),
                (false, false) => self.whole(),
            };
            if names_only_its_date(self.text, span, date) {
                continue;
            }
            out.push(self.dated_mention(date, span));
        }
        if let Some((clause, date)) = reported {
            out.push(self.reported_mention(if several { clause } else { self.whole() }, date));
        }
    }

    /// A relative clause ends at the comma after its date, where the
    /// sentence's own verb comes back ("who served ... from 2023, imparted
    /// his first blessing"); other clauses are read as cut.
    fn relative_clause_end(&self, date: &Dated<'_>, local: Span) -> Span {
        if !self.is_relative_clause(date.clause) || date.expression.span.end >= local.end {
            return local;
        }
        match self.text[date.expression.span.end..local.end].find(',') {
            Some(comma) => Span::new(local.start, date.expression.span.end + comma),
            None => local,
        }
    }

    /// Whether clause `index` opens with a subordinating word, or goes on
    /// from a relative clause (see [`Self::is_relative_clause`]).
    fn is_subordinate_clause(&self, index: usize) -> bool {
        is_subordinate(self.clauses[index].slice(self.text)) || self.is_relative_clause(index)
    }

    /// A clause opening with who/which/whose/whom, or going on from one with
    /// "and"/"or" ("who served as prefect, and President of the Commission
    /// from 2023"): that is the same clause.
    fn is_relative_clause(&self, index: usize) -> bool {
        match self.opener(index).as_str() {
            "who" | "which" | "whose" | "whom" => true,
            "and" | "or" => index > 0 && self.is_relative_clause(index - 1) && self.main_verb_comes_back(index),
            _ => false,
        }
    }

    /// Whether a clause after `index` carries the sentence on ("...from
    /// 2023, imparted his first blessing"), where "and" only continued the
    /// relative clause before; "the senator, who leads the committee, and
    /// his aides flew to Kyiv on Monday, officials said" has none (a tail
    /// of attribution does not count), and its "and" clause is the main one.
    fn main_verb_comes_back(&self, index: usize) -> bool {
        let attribution = |text: &str| words::words(text).any(|(_, w)| is_reporting_verb(&w.to_lowercase()));
        let carries_on = |text: &str| !is_subordinate(text) && !attribution(text);
        // The clause cutter may leave the verb after a comma in the clause.
        let rest_of_own = self.clauses[index].slice(self.text).split_once(", ").map(|(_, rest)| rest);
        rest_of_own.is_some_and(carries_on) || self.clauses[index + 1..].iter().any(|c| carries_on(c.slice(self.text)))
    }

    /// The first word of clause `index`, in lower case.
    fn opener(&self, index: usize) -> String {
        let text = self.clauses[index].slice(self.text);
        text.split(|c: char| !c.is_alphanumeric()).next().unwrap_or("").to_lowercase()
    }

    fn whole(&self) -> Span {
        Span::new(0, self.text.len())
    }

    /// The statement of the day: a main clause (not "when X announced")
    /// with a named speaker and no date of its own, and the date it is
    /// reported at.
    fn statement_of_the_day(&self) -> Option<(Span, jiff::civil::Date)> {
        // Condolences and prayers react to a happening; they are none.
        let reaction = || words::words(self.text).any(|(_, word)| is_reaction_word(&word.to_lowercase()));
        let anchor = self.anchor.filter(|_| !self.subheading && !reaction())?;
        // Clauses a date dates (a date modifying a noun dates that thing).
        let dated_clauses: Vec<usize> = self
            .expressions
            .iter()
            .zip(&self.expression_clauses)
            .filter(|(e, _)| !is_modifier(self.text, e))
            .map(|(_, &clause)| clause)
            .collect();
        self.clauses.iter().enumerate().find_map(|(index, clause)| {
            let words = clause.slice(self.text);
            let main = !dated_clauses.contains(&index) && !is_background(words);
            main.then(|| statement_verb(words).map(|_| (*clause, anchor.date))).flatten()
        })
    }

    /// The dates of the sentence that date something, once each.
    fn dated(&self) -> Vec<Dated<'_>> {
        let mut dated: Vec<Dated<'_>> = Vec::new();
        let mut weekday_beside: Option<usize> = None;
        for (position, (expression, &clause)) in self.expressions.iter().zip(&self.expression_clauses).enumerate() {
            if self.names_the_date_beside(position) {
                weekday_beside = Some(expression.span.start);
                continue;
            }
            let named_from = weekday_beside.take().unwrap_or(expression.span.start);
            let Some(when) = self.when(expression, clause) else { continue };
            // "on Thursday, March 13": two ways of naming one date are one
            // mention (a date used as a modifier names something else).
            if !is_modifier(self.text, expression)
                && dated
                    .iter()
                    .any(|d| d.clause == clause && d.when.compatible(&when) && !is_modifier(self.text, d.expression))
            {
                continue;
            }
            dated.push(Dated { expression, clause, when, named_from });
        }
        self.drop_dates_of_the_telling(&mut dated);
        dated
    }

    /// "Friday, October 10": the weekday names the date beside it.
    fn names_the_date_beside(&self, position: usize) -> bool {
        let (expression, next) = (&self.expressions[position], self.expressions.get(position + 1));
        let Some(next) = next.filter(|_| matches!(expression.say, Say::Weekday { .. })) else { return false };
        let gap = &self.text[expression.span.end..next.span.start];
        matches!(next.say, Say::Calendar { day: Some(_), .. }) && gap.trim_matches([',', ' ']).is_empty()
    }

    /// The day or period an expression in `clause` resolves to; `None`
    /// when it cannot be placed.
    fn when(&self, expression: &Expr, clause: usize) -> Option<When> {
        let clause_start = self.clauses[clause].start;
        if let Say::Following { n, unit, .. } = expression.say {
            if let Some(from) = self.narrative_before(expression) {
                return super::resolve::following(n, unit, from);
            }
        }
        // Without any date to read against, only dates that give their
        // own year can be placed.
        let when = match self.anchor {
            Some(anchor) => self.resolve_within_the_set(expression, &anchor, clause_start),
            None if expression.say.is_absolute() => {
                resolve(expression.say, jiff::civil::Date::constant(2000, 1, 1), false)
            }
            None => None,
        }?;
        if !matches!(expression.say, Say::Within { .. }) {
            return Some(self.period_until(expression, when).unwrap_or(when));
        }
        match self.counted_from(expression) {
            // "within 30 days of Thursday's notice": counted from that date.
            Some(start) => {
                let from = self.anchor.and_then(|anchor| resolve_at(start.say, &anchor, false));
                Some(from.and_then(|from| resolve(expression.say, from.start, true)).unwrap_or(when))
            }
            // "A 2023 report had recommended repairs within five years": a
            // limit set in the past is counted from a day the text does not
            // give, never from the article's.
            None => {
                let lead = &self.text[clause_start..expression.span.start];
                let set_in_the_past = in_past_perfect(lead) && !FUTURE_CUE.is_match(lead);
                (!set_in_the_past).then_some(when)
            }
        }
    }

    /// "Up to 40 inches of rain in some areas through Wednesday": a period
    /// from the article's day to a day ahead, not a happening on that day.
    /// ("Until Thursday to respond" is a deadline: that day.)
    fn period_until(&self, expression: &Expr, when: When) -> Option<When> {
        let anchor = self.anchor?;
        let before = self.text[..expression.span.start].to_ascii_lowercase();
        let first = expression.text.split(' ').next().unwrap_or("").to_ascii_lowercase();
        let until = [before.split_whitespace().last().unwrap_or(""), first.as_str()].contains(&"through");
        // "from Monday through Wednesday" starts on Monday, not today.
        let from = before.rsplit(['.', ';', ',']).next().unwrap_or("").split_whitespace().any(|w| w == "from");
        (until && !from && when.precision == super::Precision::Day && when.start > anchor.date)
            .then(|| When::range(anchor.date, when.start, when.approximate))
    }

    /// Resolves `expression` against `anchor`. A date after the newest
    /// date of the set is kept only when the text marks it as future
    /// ([`marks_future`]) or gives its year; otherwise a weekday is read
    /// as the last such day, and anything else ("expressed hope ... before
    /// the end of the month") dates nothing.
    fn resolve_within_the_set(&self, expression: &Expr, anchor: &Anchor, clause_start: usize) -> Option<When> {
        let month_ahead = month_reads_ahead(self.text, expression, anchor.date);
        let forward = month_ahead || looks_forward(self.text, clause_start, expression);
        let when = resolve_at(expression.say, anchor, forward)?;
        let Some(latest) = anchor.latest else { return Some(when) };
        if when.start <= latest
            || expression.say.is_absolute()
            || month_ahead
            || marks_future(self.text, clause_start, expression)
        {
            return Some(when);
        }
        // Only a weekday has a reading as the last such day; a date after
        // the set's ("May 9" in a set of May 8) dates nothing.
        if !matches!(expression.say, Say::Weekday { .. }) {
            return None;
        }
        // An undated article's weekday is the one nearest the set's days
        // (`Anchor::window`), even just after the newest: the article may
        // be newer than every dated one.
        let nearest = resolve_at(expression.say, anchor, false);
        nearest
            .filter(|backward| backward.start <= latest || anchor.window.is_some())
            .or_else(|| resolve(expression.say, latest, false).filter(|backward| backward.start <= latest))
    }

    /// The date a window is counted from, when the sentence names one
    /// ("within 30 days of Thursday's notice").
    fn counted_from(&self, expression: &Expr) -> Option<&Expr> {
        self.expressions.iter().find(|other| {
            other.span.start > expression.span.end && self.text[expression.span.end..other.span.start].trim() == "of"
        })
    }

    /// ", police said on Monday": the date of the telling, not of what is
    /// told, is dropped when the sentence dates that too.
    fn drop_dates_of_the_telling(&self, dated: &mut Vec<Dated<'_>>) {
        if dated.len() < 2 {
            return;
        }
        let told: Vec<bool> = dated.iter().map(|d| is_tail_attribution(self.text, d.expression)).collect();
        if told.iter().any(|t| !t) {
            let mut keep = told.iter().map(|t| !t);
            dated.retain(|_| keep.next().unwrap_or(true));
        }
    }

    /// A mention at `local` (relative to the sentence), dated by its words.
    fn dated_mention(&self, date: &Dated<'_>, local: Span) -> Mention {
        let expression = date.expression;
        Mention {
            article: self.article_index,
            sentence: self.index,
            span: Span::new(self.offset + local.start, self.offset + local.end),
            expression: Some(expression.text.clone()),
            expression_span: Some(Span::new(self.offset + expression.span.start, self.offset + expression.span.end)),
            when: date.when,
            basis: Basis::Dated,
            direct: !is_modifier(self.text, expression) && !self.is_subordinate_clause(date.clause),
            target: date.when.precision < super::Precision::Day && is_deadline(self.text, expression),
            window: match expression.say {
                Say::Within { n, unit } if self.counted_from(expression).is_none() => Some((n, unit)),
                _ => None,
            },
        }
    }

    /// A sentence that gives only a time of day ("White smoke rose at 6:07
    /// p.m.") right after one that dated a day ("... elected on May 8."):
    /// the time is on that day, as a reader takes it. A time in brackets
    /// (the same moment in another zone) dates nothing.
    fn clock_mention(&self) -> Option<Mention> {
        let when = self.previous_day?;
        let time = clock::find(self.text).into_iter().find(|c| !c.aside)?;
        Some(Mention {
            article: self.article_index,
            sentence: self.index,
            span: Span::new(self.offset, self.offset + self.text.len()),
            expression: Some(time.span.slice(self.text).to_string()),
            expression_span: Some(Span::new(self.offset + time.span.start, self.offset + time.span.end)),
            when,
            basis: Basis::Dated,
            direct: true,
            window: None,
            target: false,
        })
    }

    /// A statement at `local` (relative to the sentence), reported at `date`.
    fn reported_mention(&self, local: Span, date: jiff::civil::Date) -> Mention {
        Mention {
            article: self.article_index,
            sentence: self.index,
            span: Span::new(self.offset + local.start, self.offset + local.end),
            expression: None,
            expression_span: None,
            when: When::day(date, false),
            basis: Basis::Reported,
            direct: true,
            window: None,
            target: false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Dates of the dated mentions of `text` in an article of Tuesday
    /// 2025-10-21.
    fn dates(text: &str) -> Vec<String> {
        let a = crate::fixture::article(&format!("T\n2025-10-21\n\n{text}"));
        let anchor = a.published.map(|p| Anchor::dated(p.date));
        mentions(0, &a, anchor).into_iter().filter(|m| m.expression.is_some()).map(|m| m.when.date_string()).collect()
    }

    /// The dated mentions of `text` (in an article of Tuesday 2025-10-21)
    /// as (date, the words the mention covers).
    fn parts(text: &str) -> Vec<(String, String)> {
        let a = crate::fixture::article(&format!("T\n2025-10-21\n\n{text}"));
        let anchor = a.published.map(|p| Anchor::dated(p.date));
        let dated = mentions(0, &a, anchor).into_iter().filter(|m| m.expression.is_some());
        dated.map(|m| (m.when.date_string(), m.span.slice(&a.body).to_string())).collect()
    }

    #[test]
    fn a_date_named_with_its_weekday_keeps_its_happening() {
        let parts = parts(
            "The mayor told the council on Tuesday that 40 homes were lost after the dam burst \
             at about 3 pm on Sunday, October 19th.",
        );
        assert_eq!(
            parts,
            [
                ("2025-10-21".to_string(), "The mayor told the council on Tuesday".to_string()),
                (
                    "2025-10-19".to_string(),
                    "40 homes were lost after the dam burst at about 3 pm on Sunday, October 19th.".to_string()
                ),
            ]
        );
    }

    #[test]
    fn a_date_a_ranking_counts_from_dates_nothing() {
        assert!(
            dates("Rescuers are looking for survivors in the deadliest earthquake to hit the country since 1985.")
                .is_empty()
        );
        // A clause after "since" tells its own happening.
        assert_eq!(dates("It is the first Dreamliner crash since it went into service in 2009."), ["2009"]);
        assert!(dates("Turnout was the highest since 1992, officials said.").is_empty());
        assert!(dates("The plane — a 737 — made the fewest flights of any jet since 2019.").is_empty());
        assert_eq!(dates("The plane — the newest in its fleet — was delivered last year."), ["2024"]);
        assert_eq!(dates("The costliest storm since 2012 made landfall on Friday."), ["2025-10-17"]);
        // A state that began then is still dated by it.
        assert_eq!(dates("The plant has been closed since November."), ["2024-11"]);
        assert_eq!(
            dates("The first flight left on Monday, and the airport has been shut since May."),
            ["2025-10-20", "2025-05"]
        );
    }

    #[test]
    fn a_year_after_of_dates_the_noun_before_it() {
        let text = "Theresa May said she had done her best to give people what they had voted for in the Brexit referendum of 2016.";
        let a = crate::fixture::article(&format!("T\n2025-10-21\n\n{text}"));
        let anchor = a.published.map(|p| Anchor::dated(p.date));
        assert_eq!(parts(text), [("2016".to_string(), "Brexit referendum of 2016".to_string())]);
        let reported: Vec<Mention> =
            mentions(0, &a, anchor).into_iter().filter(|m| m.basis == Basis::Reported).collect();
        assert_eq!(reported.len(), 1, "May's statement is news of the day");
        assert_eq!(reported[0].when.date_string(), "2025-10-21");
        // A date "as of" or "in March of" a year dates the clause.
        assert_eq!(dates("Prices have doubled as of 2016."), ["2016"]);
    }

    #[test]
    fn and_goes_on_with_a_relative_clause_and_its_date_stays_there() {
        let pope = parts(
            "Taking the name Leo XIV, the pope, who until his election served as prefect of the Dicastery, \
             and President of the Commission for Latin America from 2023, imparted his first blessing.",
        );
        assert_eq!(
            pope,
            [("2023".to_string(), "and President of the Commission for Latin America from 2023".to_string())]
        );
        // A clause of its own after a main clause dates the sentence.
        assert_eq!(
            parts("The bridge reopened to traffic, and repairs were finished in 2019.")[0].1,
            "The bridge reopened to traffic, and repairs were finished in 2019."
        );
    }

    #[test]
    fn reviewed_counter_examples_keep_their_dates() {
        // Published Tuesday 2025-10-21.
        assert_eq!(dates("At least 12 people have died since Monday."), ["2025-10-20"]);
        assert_eq!(dates("Most residents have been without power since Sunday."), ["2025-10-19"]);
        assert_eq!(dates("The first aid convoy has been stuck since Tuesday."), ["2025-10-21"]);
        assert_eq!(dates("The priest has been missing since Sunday."), ["2025-10-19"]);
        assert!(dates("It was the team's first win since 2016.").is_empty());
        // A part of a year is a date, not a thing of it.
        assert_eq!(
            parts("Officials said on Monday that the bridge would reopen by the middle of 2026.")[1],
            ("2026".to_string(), "the bridge would reopen by the middle of 2026.".to_string())
        );
        // "and" with a subject and verb of its own is the main clause.
        assert_eq!(
            parts("After the vote, the senator, who leads the committee, and his aides flew to Kyiv on Monday, officials said.")
                [0]
                .1,
            "After the vote, the senator, who leads the committee, and his aides flew to Kyiv on Monday, officials said."
        );
    }

    #[test]
    fn a_period_from_a_day_through_another_starts_on_the_first() {
        // Published Tuesday 2025-10-21: "from Monday through Wednesday" is
        // not a period from today.
        let a = crate::fixture::article("T\n2025-10-21\n\nSchools will be closed from Monday through Wednesday.");
        let anchor = a.published.map(|p| Anchor::dated(p.date));
        let ends: Vec<Option<String>> =
            mentions(0, &a, anchor).into_iter().map(|m| m.when.end.map(|end| end.to_string())).collect();
        assert!(ends.iter().all(Option::is_none), "{ends:?}");
    }

    #[test]
    fn a_date_alone_is_no_happening() {
        assert!(dates("Sunday, October 19th.").is_empty());
        assert!(dates("On Monday.").is_empty());
        assert_eq!(dates("The dam burst on Sunday, October 19th."), ["2025-10-19"]);
    }

    #[test]
    fn a_limit_set_in_the_past_is_not_counted_from_today() {
        assert!(dates("A 2023 report had recommended replacing several girders within five years.").is_empty());
        assert_eq!(dates("The girders will be replaced within five years."), ["2030-10-21"]);
        assert_eq!(dates("The company had promised to pay the credits within 30 days."), ["2025-11-20"]);
    }

    #[test]
    fn deadlines_point_forward_only_when_the_sentence_looks_ahead() {
        let date = |text: &str| dates(text).into_iter().next().unwrap();
        // 2025-10-21 is a Tuesday.
        assert_eq!(date("Rescuers had pulled 112 people from the water by Sunday night."), "2025-10-19");
        assert_eq!(date("A platform would be used to reach the hull by Thursday."), "2025-10-23");
        assert_eq!(date("A final vote was expected by Friday."), "2025-10-24");
        assert_eq!(date("Officials had been asked for a first estimate of the damage by Friday."), "2025-10-24");
        assert_eq!(date("The company expects ticket sales to be fully restored on Thursday."), "2025-10-23");
        assert_eq!(
            date("Thousands of fans are expected to travel between the two cities for Sunday's final."),
            "2025-10-26"
        );
        assert_eq!(date("Officials will investigate why the dam collapsed on Sunday."), "2025-10-19");
        assert_eq!(date("Nobody had expected a change before the bank's next regular meeting in January."), "2026-01");
        assert_eq!(date("He arrived the next day, on Monday."), "2025-10-20");
        assert_eq!(date("The final is expected to be played on Saturday."), "2025-10-25");
        assert_eq!(date("Regional elections are scheduled to be held in December."), "2025-12");
        assert_eq!(date("Pilots say the walkout on Thursday will go ahead."), "2025-10-23");
        assert_eq!(date("The strike planned for Friday, October 31, is off."), "2025-10-31");
        assert_eq!(
            date("She defended the decision on Friday, saying that waiting would have cost more."),
            "2025-10-17"
        );
        assert_eq!(date("It was due to start at dawn and to run until midnight on Friday."), "2025-10-24");
        assert_eq!(date("\"We are asking the council to do it by Friday,\" he said."), "2025-10-24");
        assert_eq!(date("Firms must file a plan within 30 days of Thursday's notice."), "2025-11-15");
        // The cue reaches the expression's own preposition; a date right
        // after a reporting verb is the saying's.
        assert_eq!(date("A hearing has been set for early April."), "2026-04");
        assert_eq!(date("The hearing is pencilled in for early April."), "2026-04");
        assert_eq!(date("The league said on Wednesday it would not comment."), "2025-10-15");
    }

    #[test]
    fn the_next_year_counts_from_the_narratives_last_year() {
        assert_eq!(
            dates("He took his solemn vows in 1981. The next year, he was ordained a priest."),
            ["1981", "1982"]
        );
        assert_eq!(dates("She joined the firm in 2004 and left two years later."), ["2004", "2006"]);
        assert_eq!(
            dates("The dam was finished on 3 May 2001. It failed the following day."),
            ["2001-05-03", "2001-05-04"]
        );
        // Without a date of the narrative's, "the next year" reads from the
        // article's date; "two years later" and "the next day" cannot be placed.
        assert_eq!(dates("Prices are expected to rise again the next year."), ["2026"]);
        assert!(dates("Two years later, the mill closed.").is_empty());
        assert!(dates("The rescuers came back the next day.").is_empty());
    }

    #[test]
    fn nothing_after_the_newest_article_unless_marked_as_future() {
        // 2025-10-21 is a Tuesday and the only date of the set.
        // The end of this month is this month: not after the article.
        assert_eq!(
            dates("The White House expressed hope that a deal could be reached before the end of the month."),
            ["2025-10"]
        );
        assert_eq!(dates("The deal will be signed before the end of the month."), ["2025-10"]);
        assert_eq!(dates("The talks will resume on Friday."), ["2025-10-24"]);
        assert_eq!(dates("The ministers were expected to meet on Wednesday."), ["2025-10-15"]);
        assert_eq!(dates("The ministers are expected to meet on Wednesday."), ["2025-10-22"]);
        assert_eq!(dates("The ministers meet again next Monday."), ["2025-10-27"]);
        assert_eq!(dates("The new line opens tomorrow."), ["2025-10-22"]);
    }

    #[test]
    fn a_forecast_through_a_weekday_is_the_days_ahead() {
        // 2025-10-21 is a Tuesday: the forecast runs from then to Monday.
        let period = |text: &str| {
            let a = crate::fixture::article(&format!("T\n2025-10-21\n\n{text}"));
            let anchor = a.published.map(|p| Anchor::dated(p.date));
            let when = mentions(0, &a, anchor).into_iter().find(|m| m.expression.is_some()).unwrap().when;
            (when.start.to_string(), when.end.map(|end| end.to_string()))
        };
        let to_monday = ("2025-10-21".to_string(), Some("2025-10-27".to_string()));
        assert_eq!(period("Forecasters warned of up to 30 inches of rain in some places through Monday."), to_monday);
        assert_eq!(period("More rain is forecast for the coast through Monday."), to_monday);
        assert_eq!(period("Heavy rain had fallen on the coast through Monday."), ("2025-10-20".to_string(), None));
    }

    #[test]
    fn a_will_in_a_clause_after_the_date_leaves_a_past_weekday_in_the_past() {
        // 2025-10-21 is a Tuesday.
        assert_eq!(dates("The governor signed an order early on Monday night which will free aid."), ["2025-10-20"]);
        assert_eq!(
            dates("The storm came ashore near the port early on Monday night and will keep battering the coast."),
            ["2025-10-20"]
        );
        assert_eq!(dates("The strike on Thursday will go ahead."), ["2025-10-23"]);
    }

    #[test]
    fn a_month_ahead_spoken_of_in_the_future_is_this_years() {
        // 2025-10-21: November and December are weeks away.
        assert_eq!(
            dates("The chair announced she will step down after the royal wedding in the first week of November."),
            ["2025-11"]
        );
        assert_eq!(
            dates("He had been expected to stay on long enough to hold a second vote in the first week of November."),
            ["2025-11"]
        );
        assert_eq!(
            dates("The chair said she will leave when a successor is found, probably in mid to late December."),
            ["2025-12"]
        );
        assert_eq!(dates("Elections in December."), ["2025-12"]);
        // Told in the past, or far from the article's date: the last one.
        assert_eq!(dates("The company lost money in December."), ["2024-12"]);
        assert_eq!(dates("Prices for March."), ["2025-03"]);
        assert_eq!(dates("The plant has been closed since November."), ["2024-11"]);
    }

    #[test]
    fn a_time_of_day_is_on_the_day_the_sentence_before_named() {
        // 2025-10-21 is a Tuesday.
        assert_eq!(
            dates("The council chose a new mayor on Monday. Church bells rang at 6:07 p.m. across the city."),
            ["2025-10-20", "2025-10-20"]
        );
        // Only right after a dated sentence; a bracketed time in another
        // zone dates nothing; a decimal is no time.
        assert!(dates("The council met. Church bells rang at 6:07 p.m. across the city.").is_empty());
        assert_eq!(dates("The council met on Monday. Nothing happened. The bells rang at 6 pm."), ["2025-10-20"]);
        assert_eq!(dates("The council met on Monday. The bells [11 pm, Tokyo time] rang."), ["2025-10-20"]);
        assert_eq!(dates("The council met on Monday. The levy rose by 6.45 percent."), ["2025-10-20"]);
    }

    #[test]
    fn deadlines_written_on_a_saturday_point_to_the_days_ahead() {
        let on_saturday = |text: &str| {
            let a = crate::fixture::article(&format!("T\n2025-10-25\n\n{text}"));
            let anchor = a.published.map(|p| Anchor::dated(p.date));
            mentions(0, &a, anchor)
                .into_iter()
                .filter_map(|m| m.expression.map(|_| m.when.date_string()))
                .collect::<Vec<_>>()
        };
        assert_eq!(on_saturday("The company must reply to the union by Thursday."), ["2025-10-30"]);
        assert_eq!(on_saturday("The union has given the company until Thursday to respond."), ["2025-10-30"]);
        assert_eq!(on_saturday("Officials said the tally would be published by Thursday."), ["2025-10-30"]);
        assert_eq!(on_saturday("The deadline for bids is Thursday."), ["2025-10-30"]);
        assert_eq!(on_saturday("Rescuers had reached the village by Thursday."), ["2025-10-23"]);
    }

    #[test]
    fn named_statements() {
        assert!(statement_verb("Kremlin spokesperson Dmitry Peskov told reporters there were no such plans").is_some());
        assert!(statement_verb("Zelensky later stated that Ukraine is prepared to cooperate.").is_some());
        assert!(statement_verb("Trump, speaking separately, said he remains determined.").is_some());
        assert!(
            statement_verb("A source close to the government and a European official said Ukraine had no role.")
                .is_none()
        );
        assert!(statement_verb("Three additional US officials confirmed to NBC that the plan needs work.").is_none());
        assert!(statement_verb("He said it was over.").is_none());
        assert!(statement_verb("Ukrainian officials said the timing was bad.").is_none());
        assert!(statement_verb("Subsequent reporting said Qatar is helping.").is_none());
        assert!(statement_verb("The Kremlin earlier said that its stance has not shifted.").is_none());
        assert!(statement_verb("Peskov said there has been no movement.").is_some());
        assert!(statement_verb("\"The pressure on Russia is insufficient,\" he posted.").is_none());
        assert!(statement_verb("\"We are ready,\" Zelensky said.").is_some());
        // "States" in "the United States" names a country; it says nothing.
        assert!(statement_verb("Travellers from Norway, the United States and Peru were also aboard.").is_none());
    }

    #[test]
    fn a_reaction_is_no_statement_of_the_day() {
        let reported = |text: &str| {
            let a = crate::fixture::article(&format!("T\n2025-10-21\n\n{text}"));
            let anchor = a.published.map(|p| Anchor::dated(p.date));
            mentions(0, &a, anchor).into_iter().filter(|m| m.basis == Basis::Reported).count()
        };
        assert_eq!(reported("The mayor of Dunmore expressed his deepest condolences to the families of the crew."), 0);
        assert_eq!(reported("\"Our prayers are with everyone on board,\" Governor Lenz said."), 0);
        assert_eq!(reported("The ferry company Halvik Lines said it was \"deeply saddened\" by the sinking."), 0);
        assert_eq!(reported("The mayor of Dunmore said the harbour would stay closed to ferries."), 1);
    }
}
