//! Regular expressions built to start fast.
//!
//! `parallax export` is a one-shot process: every pattern is compiled once
//! and then run over a few thousand sentences. With the `regex` crate's
//! defaults most of that process's time went into compiling, and most of the
//! compiling into extracting literals for prefilters — alternations of month
//! names under case-insensitive prepositions expand into thousands of
//! literal variants. The same engine (`regex-automata`'s meta regex, which
//! `regex::Regex` wraps) built without prefilters compiles several times
//! faster and matches the same text the same way; on short sentences the
//! lazy DFA needs no prefilter to be quick.
//!
//! The API is the small part of `regex`'s that the analysis uses.

use std::borrow::Cow;
use std::ops::Range;

use regex_automata::meta::{self, Regex};
use regex_automata::util::captures;
use regex_automata::{Input, MatchKind, PatternID};

fn builder() -> meta::Builder {
    let mut b = Regex::builder();
    b.configure(Regex::config().auto_prefilter(false));
    b
}

/// One compiled pattern, in `regex` syntax and semantics (Unicode-aware,
/// leftmost-first).
#[derive(Clone, Debug)]
pub struct Pattern {
    re: Regex,
}

/// Where a pattern or one of its groups matched.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Match<'h> {
    hay: &'h str,
    start: usize,
    end: usize,
}

impl<'h> Match<'h> {
    pub fn start(&self) -> usize {
        self.start
    }

    pub fn end(&self) -> usize {
        self.end
    }

    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }

    pub fn as_str(&self) -> &'h str {
        &self.hay[self.start..self.end]
    }
}

/// The groups of one match.
#[derive(Debug)]
pub struct Captures<'h> {
    hay: &'h str,
    caps: captures::Captures,
}

impl<'h> Captures<'h> {
    /// Group `i`; 0 is the whole match.
    pub fn get(&self, i: usize) -> Option<Match<'h>> {
        let span = self.caps.get_group(i)?;
        Some(Match { hay: self.hay, start: span.start, end: span.end })
    }

    /// The named group, if it took part in the match.
    pub fn name(&self, name: &str) -> Option<Match<'h>> {
        let span = self.caps.get_group_by_name(name)?;
        Some(Match { hay: self.hay, start: span.start, end: span.end })
    }
}

impl std::ops::Index<&str> for Captures<'_> {
    type Output = str;

    /// The named group's text; panics if it did not take part, as
    /// `regex::Captures` does. Use only for groups the pattern requires.
    fn index(&self, name: &str) -> &str {
        self.name(name).map(|m| m.as_str()).unwrap_or_else(|| panic!("no group named '{name}' in this match"))
    }
}

impl Pattern {
    pub fn new(pattern: &str) -> Result<Pattern, String> {
        builder().build(pattern).map(|re| Pattern { re }).map_err(|e| e.to_string())
    }

    pub fn is_match(&self, hay: &str) -> bool {
        self.re.is_match(hay)
    }

    pub fn find_iter<'h>(&self, hay: &'h str) -> impl Iterator<Item = Match<'h>> + use<'_, 'h> {
        self.re.find_iter(hay).map(move |m| Match { hay, start: m.start(), end: m.end() })
    }

    pub fn captures<'h>(&self, hay: &'h str) -> Option<Captures<'h>> {
        let mut caps = self.re.create_captures();
        self.re.captures(hay, &mut caps);
        caps.is_match().then_some(Captures { hay, caps })
    }

    pub fn captures_iter<'h>(&self, hay: &'h str) -> impl Iterator<Item = Captures<'h>> + use<'_, 'h> {
        self.re.captures_iter(hay).map(move |caps| Captures { hay, caps })
    }

    /// Every match replaced by `with` (taken literally).
    pub fn replace_all<'h>(&self, hay: &'h str, with: &str) -> Cow<'h, str> {
        let mut out = String::new();
        let mut last = 0;
        let mut any = false;
        for m in self.re.find_iter(hay) {
            out.push_str(&hay[last..m.start()]);
            out.push_str(with);
            last = m.end();
            any = true;
        }
        if !any {
            return Cow::Borrowed(hay);
        }
        out.push_str(&hay[last..]);
        Cow::Owned(out)
    }
}

/// Several patterns run at once, answering which of them occur anywhere.
#[derive(Clone, Debug)]
pub struct PatternSet {
    re: Regex,
}

/// Which patterns of a set matched.
pub struct Present(regex_automata::PatternSet);

impl Present {
    pub fn matched_any(&self) -> bool {
        !self.0.is_empty()
    }

    pub fn matched(&self, i: usize) -> bool {
        PatternID::new(i).is_ok_and(|id| self.0.contains(id))
    }
}

impl PatternSet {
    pub fn new<S: AsRef<str>>(patterns: impl IntoIterator<Item = S>) -> Result<PatternSet, String> {
        let patterns: Vec<S> = patterns.into_iter().collect();
        let mut b = Regex::builder();
        b.configure(Regex::config().auto_prefilter(false).match_kind(MatchKind::All));
        b.build_many(&patterns).map(|re| PatternSet { re }).map_err(|e| e.to_string())
    }

    pub fn matches(&self, hay: &str) -> Present {
        let mut set = regex_automata::PatternSet::new(self.re.pattern_len());
        self.re.which_overlapping_matches(&Input::new(hay), &mut set);
        Present(set)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_by_name_and_number() {
        let p = Pattern::new(r"(?P<mon>[A-Z][a-z]+) (?P<d>[0-9]{1,2})(?:, (?P<y>[0-9]{4}))?").unwrap();
        let c = p.captures("Signed on November 19 in Kyiv").unwrap();
        assert_eq!(c.get(0).unwrap().as_str(), "November 19");
        assert_eq!(&c["mon"], "November");
        assert_eq!(c.name("d").unwrap().range(), 19..21);
        assert!(c.name("y").is_none());
        assert!(p.captures("no date here").is_none());
    }

    #[test]
    fn iterates_every_match_in_order() {
        let p = Pattern::new(r"\b[0-9]+\b").unwrap();
        let found: Vec<&str> = p.find_iter("28 points, 600,000 troops, 2025").map(|m| m.as_str()).collect();
        assert_eq!(found, ["28", "600", "000", "2025"]);
        let words = Pattern::new(r"(?P<w>\p{Lu}\p{Ll}+)").unwrap();
        let names: Vec<String> = words.captures_iter("Zoë met Łukasz").map(|c| c["w"].to_string()).collect();
        assert_eq!(names, ["Zoë", "Łukasz"]);
    }

    #[test]
    fn unicode_case_folding_is_kept() {
        // Same semantics as `regex`: (?i) folds beyond ASCII.
        assert!(Pattern::new(r"(?i)^straße$").unwrap().is_match("STRAßE"));
        assert!(Pattern::new(r"(?i)^ΣΟΦΙΑ$").unwrap().is_match("σοφια"));
        assert!(!Pattern::new(r"(?i-u)^k$").unwrap().is_match("\u{212A}"));
    }

    #[test]
    fn replace_all_borrows_when_nothing_matches() {
        let p = Pattern::new(r"\s{2,}").unwrap();
        assert!(matches!(p.replace_all("one two", " "), Cow::Borrowed(_)));
        assert_eq!(p.replace_all("  one   two  ", " "), " one two ");
    }

    #[test]
    fn a_set_reports_each_pattern_that_occurs() {
        let set = PatternSet::new([r"[0-9]", r"\bMonday\b", r"\bago\b"]).unwrap();
        let p = set.matches("two days ago, on Monday");
        assert!(!p.matched(0) && p.matched(1) && p.matched(2) && p.matched_any());
        assert!(!set.matches("nothing").matched_any());
        assert!(!p.matched(7));
    }

    #[test]
    fn a_bad_pattern_is_an_error() {
        assert!(Pattern::new(r"(unclosed").is_err());
    }
}
