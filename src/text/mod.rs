//! Text primitives shared by every stage: spans, sanitising untrusted input,
//! sentence segmentation, word tokens and their normalised forms.

pub mod clauses;
pub mod lexicon;
pub mod pattern;
pub mod sanitize;
pub mod search;
pub mod segment;
pub mod words;

use serde::Serialize;

/// A half-open byte range `[start, end)` into an article body, always on
/// character boundaries.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub const fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }

    pub const fn len(&self) -> usize {
        self.end - self.start
    }

    pub const fn is_empty(&self) -> bool {
        self.end <= self.start
    }

    /// The smallest span covering both.
    pub fn union(self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }

    pub fn contains(&self, offset: usize) -> bool {
        self.start <= offset && offset < self.end
    }

    pub fn overlaps(&self, other: &Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// The text this span covers in `s`.
    pub fn slice<'a>(&self, s: &'a str) -> &'a str {
        &s[self.start..self.end]
    }
}
