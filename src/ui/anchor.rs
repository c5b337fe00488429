//! Places anchored in the text: a passage, a statement, an event or a
//! discrepancy named by the articles (ids) and byte offsets it covers, not
//! by its index in a list. A new analysis of the same articles (a better
//! sentence model adds passages, renumbers events) finds the same item, or
//! the one now covering the same text; saved state and the history of
//! views use the same anchors.

use serde::{Deserialize, Serialize};

use parallax::analysis::Analysis;
use parallax::story::Cluster;
use parallax::text::Span;

/// A point in one article: its id and a byte offset into its body.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Point {
    pub id: String,
    pub offset: usize,
}

impl Point {
    fn new(an: &Analysis, article: usize, offset: usize) -> Option<Point> {
        an.articles.get(article).map(|a| Point { id: a.id.clone(), offset })
    }

    /// The article index and offset in `an`.
    fn locate(&self, an: &Analysis) -> Option<(usize, usize)> {
        an.articles.iter().position(|a| a.id == self.id).map(|i| (i, self.offset))
    }
}

/// Whether `span` of `article` holds the point `(article, offset)`.
fn holds(article: usize, span: Span, (at, offset): (usize, usize)) -> bool {
    article == at && (span.contains(offset) || span.start == offset)
}

/// A passage: where each side starts.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PassageAnchor {
    pub a: Point,
    pub b: Point,
}

impl PassageAnchor {
    pub fn of(an: &Analysis, p: &parallax::align::Passage) -> Option<PassageAnchor> {
        Some(PassageAnchor {
            a: Point::new(an, p.a.article, p.a.span.start)?,
            b: Point::new(an, p.b.article, p.b.span.start)?,
        })
    }

    /// The position in `list` (indexes into `an.passages`) of the passage
    /// holding both points, else one holding the first.
    pub fn resolve(&self, an: &Analysis, list: &[usize]) -> Option<usize> {
        find_passage(an, list, self.a.locate(an)?, self.b.locate(an)?)
    }
}

/// The position in `list` of the passage holding both points (either way
/// round), else of one holding the first point.
pub fn find_passage(an: &Analysis, list: &[usize], a: (usize, usize), b: (usize, usize)) -> Option<usize> {
    let holds_point = |i: usize, point: (usize, usize)| {
        let p = &an.passages[i];
        holds(p.a.article, p.a.span, point) || holds(p.b.article, p.b.span, point)
    };
    list.iter()
        .position(|&i| holds_point(i, a) && holds_point(i, b))
        .or_else(|| list.iter().position(|&i| holds_point(i, a)))
}

/// A statement (by one member's text) and the pair of members shown.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatementAnchor {
    pub member: Point,
    /// The two members shown, by where they start.
    pub pair: Option<(Point, Point)>,
}

impl StatementAnchor {
    pub fn of(an: &Analysis, c: &Cluster, pair: usize) -> Option<StatementAnchor> {
        let first = c.members.first()?;
        let pairs = super::views::compare::statement_pairs(&an.articles, c);
        let pair = pairs.get(pair.min(pairs.len().saturating_sub(1))).and_then(|&(i, j)| {
            let (x, y) = (&c.members[i], &c.members[j]);
            Some((Point::new(an, x.article, x.span.start)?, Point::new(an, y.article, y.span.start)?))
        });
        Some(StatementAnchor { member: Point::new(an, first.article, first.span.start)?, pair })
    }

    /// The cluster holding the member's point, and the pair of its members
    /// holding the pair's points (else the first pair).
    pub fn resolve(&self, an: &Analysis) -> Option<(usize, usize)> {
        let point = self.member.locate(an)?;
        let cluster =
            an.story.clusters.iter().position(|c| c.members.iter().any(|m| holds(m.article, m.span, point)))?;
        let c = &an.story.clusters[cluster];
        let pair = self.pair.as_ref().and_then(|(x, y)| {
            let (x, y) = (x.locate(an)?, y.locate(an)?);
            let member = |p: (usize, usize)| c.members.iter().position(|m| holds(m.article, m.span, p));
            let (i, j) = (member(x)?, member(y)?);
            super::views::compare::pair_position(&an.articles, c, i, j)
        });
        Some((cluster, pair.unwrap_or(0)))
    }
}

/// A timeline event: one of its mentions, and its date.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventAnchor {
    pub mention: Point,
    pub date: String,
}

impl EventAnchor {
    pub fn of(an: &Analysis, event: usize) -> Option<EventAnchor> {
        let e = an.timeline.get(event)?;
        let m = e.mentions.first()?;
        Some(EventAnchor { mention: Point::new(an, m.article, m.span.start)?, date: e.when.date_string() })
    }

    /// The event with a mention holding the point (the one of the same
    /// date when several do), else the first event of the same date.
    pub fn resolve(&self, an: &Analysis) -> Option<usize> {
        let point = self.mention.locate(an);
        let mentions =
            |i: usize| point.is_some_and(|p| an.timeline[i].mentions.iter().any(|m| holds(m.article, m.span, p)));
        let same_day = |i: usize| an.timeline[i].when.date_string() == self.date;
        let all = 0..an.timeline.len();
        all.clone()
            .find(|&i| mentions(i) && same_day(i))
            .or_else(|| all.clone().find(|&i| mentions(i)))
            .or_else(|| all.clone().find(|&i| same_day(i)))
    }
}

/// A discrepancy: the differing words on each side.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DiscrepancyAnchor {
    pub a: Point,
    pub b: Point,
}

impl DiscrepancyAnchor {
    pub fn of(an: &Analysis, index: usize) -> Option<DiscrepancyAnchor> {
        let d = an.story.discrepancies.get(index)?;
        Some(DiscrepancyAnchor { a: Point::new(an, d.a.0, d.a.1.start)?, b: Point::new(an, d.b.0, d.b.1.start)? })
    }

    pub fn resolve(&self, an: &Analysis) -> Option<usize> {
        let (a, b) = (self.a.locate(an)?, self.b.locate(an)?);
        let list = &an.story.discrepancies;
        list.iter()
            .position(|d| holds(d.a.0, d.a.1, a) && holds(d.b.0, d.b.1, b))
            .or_else(|| list.iter().position(|d| holds(d.member_a.article, d.member_a.span, a)))
    }
}

/// A quote group: where its first member's words start.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuoteAnchor {
    pub first: Point,
}

impl QuoteAnchor {
    pub fn of(an: &Analysis, index: usize) -> Option<QuoteAnchor> {
        let group = an.story.quote_groups.get(index)?;
        let quote = an.story.quotes.get(*group.members.first()?)?;
        Some(QuoteAnchor { first: Point::new(an, quote.article, quote.span.start)? })
    }

    /// The group with a member at the remembered place.
    pub fn resolve(&self, an: &Analysis) -> Option<usize> {
        let first = self.first.locate(an)?;
        an.story.quote_groups.iter().position(|group| {
            group.members.iter().any(|&member| {
                let quote = &an.story.quotes[member];
                holds(quote.article, quote.span, first)
            })
        })
    }
}

/// An article, by id.
pub fn article_id(an: &Analysis, article: usize) -> Option<String> {
    an.articles.get(article).map(|a| a.id.clone())
}

/// The index of the article with this id.
pub fn article_index(an: &Analysis, id: &str) -> Option<usize> {
    an.articles.iter().position(|a| a.id == id)
}
