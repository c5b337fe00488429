//! Word-level differences between two spans of text, computed with the
//! `similar` crate. Words are compared case- and accent-folded, so `U.S.`
//! and `US`, `Kyiv's` and `Kyiv` count as the same word; punctuation between
//! words is not compared.

use serde::Serialize;
use similar::{Algorithm, DiffTag, capture_diff_slices};

use crate::text::{Span, words};

/// What happened to a run of words.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Change {
    /// The same words on both sides.
    Equal,
    /// Words only on the left side.
    Delete,
    /// Words only on the right side.
    Insert,
}

/// A run of words: where it is on each side (byte spans into each article's
/// body; the span on the side that lacks the words is empty).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Chunk {
    pub change: Change,
    pub a: Span,
    pub b: Span,
}

/// The word diff of two spans.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct WordDiff {
    pub chunks: Vec<Chunk>,
    /// Words on each side.
    pub words_a: usize,
    pub words_b: usize,
    /// Words found on both sides, in order.
    pub equal_words: usize,
    /// The longest run of words the two sides share unchanged.
    pub longest_equal: usize,
}

impl WordDiff {
    /// The share of words the two sides have in common, in order (0..=1).
    pub fn ratio(&self) -> f32 {
        let total = self.words_a + self.words_b;
        if total == 0 { 1.0 } else { 2.0 * self.equal_words as f32 / total as f32 }
    }

    /// Byte spans of the left side's words that the right side lacks.
    pub fn changed_a(&self) -> impl Iterator<Item = Span> + '_ {
        self.chunks.iter().filter(|c| c.change == Change::Delete).map(|c| c.a)
    }

    /// Byte spans of the right side's words that the left side lacks.
    pub fn changed_b(&self) -> impl Iterator<Item = Span> + '_ {
        self.chunks.iter().filter(|c| c.change == Change::Insert).map(|c| c.b)
    }
}

struct Tokens {
    /// Each word folded and hashed ([`super::score::hash_word`]).
    keys: Vec<u64>,
    spans: Vec<Span>,
}

fn tokens(body: &str, span: Span) -> Tokens {
    let text = span.slice(body);
    let mut keys = Vec::new();
    let mut spans = Vec::new();
    for (i, w) in words::words(text) {
        keys.push(super::score::hash_word(w));
        spans.push(Span::new(span.start + i, span.start + i + w.len()));
    }
    Tokens { keys, spans }
}

fn cover(spans: &[Span], range: std::ops::Range<usize>, at: usize) -> Span {
    if range.is_empty() {
        return Span::new(at, at);
    }
    Span::new(spans[range.start].start, spans[range.end - 1].end)
}

/// Diffs the words of `body_a[span_a]` against `body_b[span_b]`.
///
/// ```
/// use parallax::align::diff::diff;
/// use parallax::text::Span;
///
/// let a = "The U.S. envoy flew to Kyiv on Tuesday.";
/// let b = "The US envoy Dan Driscoll flew to Kyiv on Wednesday.";
/// let words = diff(a, Span::new(0, a.len()), b, Span::new(0, b.len()));
/// // `U.S.` and `US` are one word; the day differs and the name is new.
/// let only_a: Vec<&str> = words.changed_a().map(|span| span.slice(a)).collect();
/// let only_b: Vec<&str> = words.changed_b().map(|span| span.slice(b)).collect();
/// assert_eq!(only_a, ["Tuesday"]);
/// assert_eq!(only_b, ["Dan Driscoll", "Wednesday"]);
/// ```
pub fn diff(body_a: &str, span_a: Span, body_b: &str, span_b: Span) -> WordDiff {
    let ta = tokens(body_a, span_a);
    let tb = tokens(body_b, span_b);
    let ops = capture_diff_slices(Algorithm::Patience, &ta.keys, &tb.keys);
    let mut chunks = Vec::with_capacity(ops.len());
    let mut equal_words = 0;
    let mut longest_equal = 0;
    for op in ops {
        let (tag, ra, rb) = op.as_tag_tuple();
        let at_a = ta.spans.get(ra.start).map_or(span_a.end, |s| s.start);
        let at_b = tb.spans.get(rb.start).map_or(span_b.end, |s| s.start);
        let a = cover(&ta.spans, ra.clone(), at_a);
        let b = cover(&tb.spans, rb.clone(), at_b);
        match tag {
            DiffTag::Equal => {
                equal_words += ra.len();
                longest_equal = longest_equal.max(ra.len());
                chunks.push(Chunk { change: Change::Equal, a, b });
            }
            DiffTag::Delete => chunks.push(Chunk { change: Change::Delete, a, b: Span::new(at_b, at_b) }),
            DiffTag::Insert => chunks.push(Chunk { change: Change::Insert, a: Span::new(at_a, at_a), b }),
            DiffTag::Replace => {
                chunks.push(Chunk { change: Change::Delete, a, b: Span::new(at_b, at_b) });
                chunks.push(Chunk { change: Change::Insert, a: Span::new(a.end, a.end), b });
            }
        }
    }
    WordDiff { chunks, words_a: ta.keys.len(), words_b: tb.keys.len(), equal_words, longest_equal }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn whole(s: &str) -> Span {
        Span::new(0, s.len())
    }

    #[test]
    fn identical_text_is_all_equal() {
        let s = "The plan focuses on security.";
        let d = diff(s, whole(s), s, whole(s));
        assert_eq!(d.ratio(), 1.0);
        assert_eq!(d.changed_a().count(), 0);
    }

    #[test]
    fn marks_changed_words_on_each_side() {
        let a = "A U.S. official described the mission as part of a plan.";
        let b = "A US official described the visit as part of a plan.";
        let d = diff(a, whole(a), b, whole(b));
        let ca: Vec<&str> = d.changed_a().map(|s| s.slice(a)).collect();
        let cb: Vec<&str> = d.changed_b().map(|s| s.slice(b)).collect();
        assert_eq!(ca, ["mission"]);
        assert_eq!(cb, ["visit"]);
        assert!(d.ratio() > 0.85);
    }

    #[test]
    fn multi_word_changes_cover_the_run() {
        let a = "Peskov said there were no such plans.";
        let b = "Peskov told reporters there were no such plans.";
        let d = diff(a, whole(a), b, whole(b));
        assert_eq!(d.changed_b().map(|s| s.slice(b)).collect::<Vec<_>>(), ["told reporters"]);
        assert_eq!(d.changed_a().map(|s| s.slice(a)).collect::<Vec<_>>(), ["said"]);
    }

    #[test]
    fn spans_are_inside_the_given_ranges() {
        let a = "xx Hello there friend yy";
        let b = "Hello friend";
        let d = diff(a, Span::new(3, 21), b, whole(b));
        for c in &d.chunks {
            assert!(c.a.start >= 3 && c.a.end <= 21, "{c:?}");
        }
        assert_eq!(d.changed_a().map(|s| s.slice(a)).collect::<Vec<_>>(), ["there"]);
    }

    #[test]
    fn empty_sides() {
        let d = diff("", Span::new(0, 0), "word", Span::new(0, 4));
        assert_eq!(d.words_a, 0);
        assert_eq!(d.changed_b().count(), 1);
        assert_eq!(d.ratio(), 0.0);
    }
}
