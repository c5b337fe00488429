//! Each unit's *background*: how close the model puts it to the rest of its
//! story, taken off every cosine it scores (see the module above).
//!
//! A background is read from the unit's neighbourhood, not from the whole
//! story: the mean cosine of the [`NEIGHBOURS`] whole sentences of the
//! story's other articles closest to it, leaving out each article's
//! [`COUNTERPARTS_PER_ARTICLE`] closest, where that article would tell the
//! unit's own statement. The mean over a whole story falls as the story
//! holds more sentences about other things, so a sentence among many about
//! the same people and place ("X visited the harbour in Y", "X praised the
//! treaty in Y") would clear every threshold with all of its neighbours;
//! its own neighbourhood is as crowded as it is close, and says so. The
//! counterparts are left out so that a statement many reports carry does
//! not raise its own background.

use std::ops::Range;

use super::Evidence;
use crate::embed::{DIM, dot_products};

/// How many of the closest sentences of the other articles a background
/// is the mean of.
pub(super) const NEIGHBOURS: usize = 30;

/// How many of each other article's closest sentences a background leaves
/// out: a report may tell one statement in a few sentences.
pub(super) const COUNTERPARTS_PER_ARTICLE: usize = 3;

/// Units whose cosines to their story are computed in one matrix product.
const BLOCK_UNITS: usize = 256;

/// The whole sentences of one story with a vector, in article order.
struct StoryColumns {
    matrix: Vec<f32>,
    /// Each article's columns, in order.
    articles: Vec<(usize, Range<usize>)>,
}

/// Every unit's background (0 for a unit without a vector or alone in its
/// story). Each story's sentences are gathered as its work starts, so only
/// the stories being worked on hold a copy of their vectors.
pub(super) fn backgrounds(evidence: &Evidence) -> Vec<f32> {
    let mut members = vec![Vec::new(); evidence.stories.len()];
    for (i, unit) in evidence.units.units.iter().enumerate() {
        if evidence.vector(i).is_some() {
            members[evidence.stories.story[unit.article]].push(i);
        }
    }
    let found = crate::par::map(&members, |units| {
        let columns = StoryColumns::of(evidence, units);
        let blocks: Vec<&[usize]> = units.chunks(BLOCK_UNITS).collect();
        crate::par::map(&blocks, |block| block_backgrounds(evidence, &columns, block))
    });
    let mut background = vec![0.0; evidence.units.units.len()];
    for (unit, value) in found.into_iter().flatten().flatten() {
        background[unit] = value;
    }
    background
}

impl StoryColumns {
    /// The whole sentences among `units` (one story's, in article order).
    fn of(evidence: &Evidence, units: &[usize]) -> StoryColumns {
        let mut table = StoryColumns { matrix: Vec::new(), articles: Vec::new() };
        for &i in units {
            let unit = &evidence.units.units[i];
            let Some(vector) = evidence.vector(i).filter(|_| unit.whole) else { continue };
            let column = table.matrix.len() / DIM;
            match table.articles.last_mut() {
                Some((article, range)) if *article == unit.article => range.end = column + 1,
                _ => table.articles.push((unit.article, column..column + 1)),
            }
            table.matrix.extend_from_slice(vector);
        }
        table
    }
}

/// The backgrounds of a block of one story's units.
fn block_backgrounds(evidence: &Evidence, columns: &StoryColumns, block: &[usize]) -> Vec<(usize, f32)> {
    let width = columns.matrix.len() / DIM;
    let rows: Vec<f32> = block.iter().flat_map(|&i| evidence.vector(i).into_iter().flatten().copied()).collect();
    let cosines = dot_products(&rows, &columns.matrix);
    let mut scratch = Vec::new();
    block
        .iter()
        .enumerate()
        .map(|(row, &i)| {
            let own = evidence.units.units[i].article;
            let line = &cosines[row * width..(row + 1) * width];
            (i, neighbourhood_mean(line, &columns.articles, own, &mut scratch))
        })
        .collect()
}

/// The mean of the [`NEIGHBOURS`] highest cosines of `line` outside
/// article `own`, each article's [`COUNTERPARTS_PER_ARTICLE`] highest left
/// out; when that leaves nothing (a story of short reports), the mean of
/// all the other articles' cosines.
fn neighbourhood_mean(line: &[f32], articles: &[(usize, Range<usize>)], own: usize, scratch: &mut Vec<f32>) -> f32 {
    let descending = |x: &f32, y: &f32| y.total_cmp(x);
    scratch.clear();
    let (mut sum, mut count) = (0.0f32, 0usize);
    for (_, range) in articles.iter().filter(|(article, _)| *article != own) {
        let start = scratch.len();
        scratch.extend_from_slice(&line[range.clone()]);
        sum += scratch[start..].iter().sum::<f32>();
        count += range.len();
        let group = &mut scratch[start..];
        if group.len() <= COUNTERPARTS_PER_ARTICLE {
            scratch.truncate(start);
            continue;
        }
        group.select_nth_unstable_by(COUNTERPARTS_PER_ARTICLE - 1, descending);
        scratch.drain(start..start + COUNTERPARTS_PER_ARTICLE);
    }
    if scratch.is_empty() {
        return if count == 0 { 0.0 } else { sum / count as f32 };
    }
    let k = NEIGHBOURS.min(scratch.len());
    scratch.select_nth_unstable_by(k - 1, descending);
    scratch[..k].iter().sum::<f32>() / k as f32
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Two other articles of five sentences each, and the unit's own.
    fn articles() -> Vec<(usize, Range<usize>)> {
        vec![(0, 0..5), (1, 5..10), (2, 10..15)]
    }

    #[test]
    fn each_articles_closest_sentences_are_left_out() {
        // Article 1: its three closest (0.9, 0.8, 0.7) are left out; 0.2
        // and 0.1 stay. Article 2 likewise keeps 0.3 and 0.3. The unit's
        // own article (0) is not read.
        let line = [1.0, 1.0, 1.0, 1.0, 1.0, 0.9, 0.1, 0.8, 0.2, 0.7, 0.3, 0.95, 0.3, 0.85, 0.75];
        let mean = neighbourhood_mean(&line, &articles(), 0, &mut Vec::new());
        assert!((mean - 0.225).abs() < 1e-6, "{mean}");
    }

    #[test]
    fn the_background_is_the_mean_of_the_closest_neighbours_only() {
        // 2 other articles of 40 sentences: 37 left in each, 74 in all;
        // the 30 closest are at 0.6, the rest at 0.0.
        let articles = vec![(0, 0..40), (1, 40..80), (2, 80..120)];
        let mut line = vec![0.0f32; 120];
        for (k, value) in line.iter_mut().enumerate().skip(40) {
            let rank = (k - 40) % 40;
            *value = match rank {
                0..3 => 0.9,
                3..18 => 0.6,
                _ => 0.0,
            };
        }
        let mean = neighbourhood_mean(&line, &articles, 0, &mut Vec::new());
        assert!((mean - 0.6).abs() < 1e-6, "{mean}");
    }

    #[test]
    fn a_story_of_short_reports_keeps_the_mean_of_all_other_sentences() {
        let articles = vec![(0, 0..2), (1, 2..4), (2, 4..7)];
        let line = [1.0, 1.0, 0.4, 0.2, 0.6, 0.1, 0.2];
        let mean = neighbourhood_mean(&line, &articles, 0, &mut Vec::new());
        assert!((mean - 0.3).abs() < 1e-6, "{mean}");
        assert_eq!(neighbourhood_mean(&line, &articles[..1], 0, &mut Vec::new()), 0.0, "alone in its story");
    }
}
