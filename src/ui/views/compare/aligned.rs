//! A comparison laid out row by row: the sentences of one side are paired
//! with the sentences of the other side that share their words (a monotone
//! alignment maximising the words the pairs share), so the same statement
//! stands on the same rows of both columns however long the passage; a
//! sentence only one side has stands beside the other side's unpaired
//! sentences, or alone. On a narrow screen the two sides of each group are
//! stacked instead, one above the other.

use parallax::align::diff::{Change, WordDiff};
use parallax::ingest::Article;
use parallax::text::Span;
use parallax::text::words::words;

use super::super::super::wrap::{self, Row};

/// Sentences of each side shown together: spans of the two sides (one may
/// be empty).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Group {
    pub a: Span,
    pub b: Span,
}

/// Which side a stacked row belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Side {
    A,
    B,
}

/// One row of the laid-out comparison.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Line {
    /// Side by side: a row of each side (or none).
    Pair { left: Option<Row>, right: Option<Row> },
    /// Stacked: a row of one side.
    One { side: Side, row: Row },
    /// Between groups.
    Gap,
}

/// The rows of a comparison, each with the group it belongs to.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Laid {
    pub lines: Vec<(usize, Line)>,
}

impl Laid {
    /// The row where group `g` starts.
    pub fn start_of(&self, group: usize) -> usize {
        self.lines.partition_point(|(g, _)| *g < group)
    }

    /// The group shown on row `row`, and the row within it.
    pub fn place_of(&self, row: usize) -> (usize, usize) {
        let Some(&(g, _)) = self.lines.get(row) else { return (0, 0) };
        (g, row - self.start_of(g))
    }
}

/// The sentences of `a` inside `span`, each cut to it.
fn sentences_in(a: &Article, span: Span) -> Vec<Span> {
    let from = a.sentences.partition_point(|s| s.end <= span.start);
    let mut out: Vec<Span> = a.sentences[from..]
        .iter()
        .take_while(|s| s.start < span.end)
        .map(|s| Span::new(s.start.max(span.start), s.end.min(span.end)))
        .filter(|s| !s.is_empty())
        .collect();
    if out.is_empty() && !span.is_empty() {
        out.push(span);
    }
    out
}

/// Words the sentences of two sides share, from the word diff's equal runs:
/// `score[i][j]` for sentence `i` of side A and `j` of side B.
fn shared_words(diff: &WordDiff, (body_a, sa): (&str, &[Span]), (body_b, sb): (&str, &[Span])) -> Vec<Vec<u32>> {
    let mut score = vec![vec![0u32; sb.len()]; sa.len()];
    let index = |spans: &[Span], at: usize| spans.partition_point(|s| s.end <= at).min(spans.len().saturating_sub(1));
    for chunk in diff.chunks.iter().filter(|c| c.change == Change::Equal) {
        let wa = words(chunk.a.slice(body_a)).map(|(o, _)| chunk.a.start + o);
        let wb = words(chunk.b.slice(body_b)).map(|(o, _)| chunk.b.start + o);
        for (x, y) in wa.zip(wb) {
            if let (Some(row), true) = (score.get_mut(index(sa, x)), !sb.is_empty()) {
                row[index(sb, y)] += 1;
            }
        }
    }
    score
}

/// The pairs `(i, j)` of a monotone alignment of the sentences that
/// maximises the words paired sentences share (only pairs sharing words).
fn best_pairs(score: &[Vec<u32>]) -> Vec<(usize, usize)> {
    let n = score.len();
    let m = score.first().map_or(0, Vec::len);
    // best[i][j]: the most shared words aligning sentences i.. with j..
    let mut best = vec![vec![0u32; m + 1]; n + 1];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            let pair = if score[i][j] > 0 { score[i][j] + best[i + 1][j + 1] } else { 0 };
            best[i][j] = pair.max(best[i + 1][j]).max(best[i][j + 1]);
        }
    }
    let (mut i, mut j, mut pairs) = (0, 0, Vec::new());
    while i < n && j < m {
        if score[i][j] > 0 && best[i][j] == score[i][j] + best[i + 1][j + 1] {
            pairs.push((i, j));
            i += 1;
            j += 1;
        } else if best[i][j] == best[i + 1][j] {
            i += 1;
        } else {
            j += 1;
        }
    }
    pairs
}

/// The span from sentence `r.start` to the end of sentence `r.end - 1`.
fn join(spans: &[Span], r: std::ops::Range<usize>) -> Span {
    match (spans.get(r.start), r.end.checked_sub(1).and_then(|e| spans.get(e))) {
        (Some(first), Some(last)) if r.start < r.end => Span::new(first.start, last.end),
        _ => Span::default(),
    }
}

/// The groups of a comparison: each pair of sentences that share words,
/// and between pairs the unpaired sentences of both sides together. A
/// comparison with no shared words at all is one group.
pub fn groups(a: (&Article, Span), b: (&Article, Span), diff: &WordDiff) -> Vec<Group> {
    let (sa, sb) = (sentences_in(a.0, a.1), sentences_in(b.0, b.1));
    let score = shared_words(diff, (&a.0.body, &sa), (&b.0.body, &sb));
    let pairs = best_pairs(&score);
    if pairs.is_empty() {
        return vec![Group { a: a.1, b: b.1 }];
    }
    let mut out = Vec::new();
    let (mut i, mut j) = (0, 0);
    let ends = pairs.iter().copied().chain([(sa.len(), sb.len())]);
    for (pi, pj) in ends {
        if pi > i || pj > j {
            out.push(Group { a: join(&sa, i..pi), b: join(&sb, j..pj) });
        }
        if pi < sa.len() && pj < sb.len() {
            out.push(Group { a: sa[pi], b: sb[pj] });
        }
        (i, j) = (pi + 1, pj + 1);
    }
    out
}

/// Rows of `span` of an article wrapped to `width` (none for an empty span).
fn rows_of(a: &Article, span: Span, width: usize) -> Vec<Row> {
    if span.is_empty() {
        return Vec::new();
    }
    wrap::wrap_spaced(span.slice(&a.body), span.start, width, &a.glued)
}

/// The groups side by side: each group as tall as its longer side, a gap
/// row between groups.
pub fn side_by_side(groups: &[Group], a: &Article, b: &Article, widths: (usize, usize)) -> Laid {
    let mut lines = Vec::new();
    for (g, group) in groups.iter().enumerate() {
        // The gap row ends the group before.
        if g > 0 {
            lines.push((g - 1, Line::Gap));
        }
        let (left, right) = (rows_of(a, group.a, widths.0), rows_of(b, group.b, widths.1));
        for k in 0..left.len().max(right.len()) {
            lines.push((g, Line::Pair { left: left.get(k).copied(), right: right.get(k).copied() }));
        }
    }
    Laid { lines }
}

/// The groups stacked: each group's side A rows, then its side B rows.
pub fn stacked(groups: &[Group], a: &Article, b: &Article, width: usize) -> Laid {
    let mut lines = Vec::new();
    for (g, group) in groups.iter().enumerate() {
        // The gap row ends the group before.
        if g > 0 {
            lines.push((g - 1, Line::Gap));
        }
        lines.extend(rows_of(a, group.a, width).into_iter().map(|row| (g, Line::One { side: Side::A, row })));
        lines.extend(rows_of(b, group.b, width).into_iter().map(|row| (g, Line::One { side: Side::B, row })));
    }
    Laid { lines }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(text: &str) -> Article {
        let source = parallax::ingest::Source {
            path: "a.txt".into(),
            stem: "a".into(),
            bytes: text.as_bytes().to_vec(),
            truncated_from: None,
        };
        parallax::ingest::parse(&source).unwrap()
    }

    /// Every sentence after the headline.
    fn whole(a: &Article) -> Span {
        let first = a.sentences.iter().find(|s| s.slice(&a.body).contains(' ')).unwrap();
        Span::new(first.start, a.sentences.last().unwrap().end)
    }

    fn texts(groups: &[Group], a: &Article, b: &Article) -> Vec<(String, String)> {
        groups.iter().map(|g| (g.a.slice(&a.body).to_string(), g.b.slice(&b.body).to_string())).collect()
    }

    #[test]
    fn sentences_sharing_words_stand_together_and_the_rest_beside_them() {
        let a = article(
            "Headline\n\nThe council approved the harbour budget on Tuesday. Critics called it rushed. The mayor will sign it on Friday.",
        );
        let b = article(
            "Elsewhere\n\nOn Tuesday the council approved the harbour budget. The mayor will sign it on Friday, aides said.",
        );
        let d = parallax::align::diff::diff(&a.body, whole(&a), &b.body, whole(&b));
        let g = groups((&a, whole(&a)), (&b, whole(&b)), &d);
        assert_eq!(
            texts(&g, &a, &b),
            [
                (
                    "The council approved the harbour budget on Tuesday.".into(),
                    "On Tuesday the council approved the harbour budget.".into()
                ),
                ("Critics called it rushed.".into(), String::new()),
                ("The mayor will sign it on Friday.".into(), "The mayor will sign it on Friday, aides said.".into()),
            ]
        );
        // Side by side, the mayor's sentence starts on the same row on both
        // sides, after a gap row.
        let laid = side_by_side(&g, &a, &b, (30, 30));
        let mayor = laid.start_of(2);

        assert!(matches!(laid.lines[mayor].1, Line::Pair { left: Some(_), right: Some(_) }));
        assert_eq!(laid.lines[mayor - 1], (1, Line::Gap));
        assert_eq!(laid.place_of(mayor + 1), (2, 1));
        // Stacked: each group's A rows, then its B rows.
        let laid = stacked(&g, &a, &b, 80);
        let sides: Vec<Option<Side>> = laid
            .lines
            .iter()
            .map(|(_, l)| match l {
                Line::One { side, .. } => Some(*side),
                _ => None,
            })
            .collect();
        assert_eq!(sides, [Some(Side::A), Some(Side::B), None, Some(Side::A), None, Some(Side::A), Some(Side::B)]);
    }

    #[test]
    fn no_shared_words_is_one_group() {
        let a = article("T\n\nAlpha beta gamma. Eta theta.");
        let b = article("U\n\nDelta epsilon zeta. Iota kappa.");
        let d = parallax::align::diff::diff(&a.body, whole(&a), &b.body, whole(&b));
        assert_eq!(groups((&a, whole(&a)), (&b, whole(&b)), &d).len(), 1);
    }
}
