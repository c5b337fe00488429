//! Dates for articles that give none, from what they share with dated
//! ones. An undated report that says a happening was "last evening" or
//! "yesterday", where a dated report of the same happening places it on
//! Thursday 8 May, was written on Friday 9 May: its other relative dates
//! are read against that day, and it says how the day was found. Without
//! such a shared happening it falls back to the set's dates
//! ([`super::anchors`]). In a pile of stories, an article is dated from its
//! own story's reports and within its own story's dates.

use std::collections::{HashMap, HashSet};

use jiff::ToSpan;
use jiff::civil::Date;

use super::expr::{self, Say, Unit};
use super::{Basis, Mention, Precision};
use crate::align::{Corpus, SentenceRef, Stories};
use crate::ingest::Article;

/// How many days from the set's dates an inferred date may lie.
const REACH_DAYS: i32 = 7;
/// Two reports of one happening in different words share at least this
/// many content terms, this Dice overlap, unless the alignment matched
/// their sentences.
const SHARED_TERMS: usize = 3;
const SHARED_DICE: f32 = 0.2;
/// A term in more reliable mentions than this is too common to find
/// candidates by.
const COMMON_TERM: usize = 200;

/// A date found for an undated article, and how.
#[derive(Clone, Debug, PartialEq)]
pub struct Inferred {
    pub date: Date,
    /// In words, for the article's note.
    pub how: String,
}

/// A mention whose day the text fixes (a dated article's, or a calendar
/// date with its day): what an undated report of the same happening can be
/// dated from.
struct Reliable<'m> {
    mention: &'m Mention,
    terms: Vec<u32>,
}

/// For each article, the date inferred for it (`None` for dated articles
/// and for those with nothing to infer from). `mentions` are every
/// article's mentions as first resolved; `aligned` the sentence pairs the
/// alignment matched; `stories` the pile's stories (an article is dated
/// from reports of its own story only).
pub(super) fn infer(
    articles: &[Article],
    corpus: &Corpus,
    aligned: &HashSet<(SentenceRef, SentenceRef)>,
    mentions: &[Vec<Mention>],
    stories: &Stories,
) -> Vec<Option<Inferred>> {
    let reach: Vec<Option<(Date, Date)>> = stories
        .members
        .iter()
        .map(|members| {
            let dates = members.iter().filter_map(|&a| articles[a].published.map(|p| p.date));
            dates.clone().min().zip(dates.max())
        })
        .collect();
    if reach.iter().all(Option::is_none) {
        return vec![None; articles.len()];
    }
    let reliable: Vec<Reliable<'_>> = mentions
        .iter()
        .flatten()
        .filter(|m| is_reliable(articles, m))
        .map(|m| Reliable { mention: m, terms: super::merge::terms_of(articles, corpus, m) })
        .collect();
    let mut by_term: HashMap<u32, Vec<usize>> = HashMap::new();
    for (index, found) in reliable.iter().enumerate() {
        for &term in &found.terms {
            by_term.entry(term).or_default().push(index);
        }
    }
    let dater = Dater { articles, corpus, aligned, reliable, by_term, story: &stories.story, reach };
    articles
        .iter()
        .zip(mentions)
        .map(|(article, own)| article.published.is_none().then(|| dater.date_of(own)).flatten())
        .collect()
}

/// A mention dated to the day by words that fix it: in a dated article,
/// or a calendar date with its day (`on May 8`).
fn is_reliable(articles: &[Article], mention: &Mention) -> bool {
    let fixed = mention.expression.as_deref().is_some_and(|words| {
        expr::find(words).first().is_some_and(|e| matches!(e.say, Say::Calendar { day: Some(_), .. }))
    });
    mention.basis == Basis::Dated
        && mention.when.precision == Precision::Day
        && (articles[mention.article].published.is_some() || fixed)
}

/// How many days before its article's date a mention's words put it, when
/// they fix that ("yesterday", "last evening", "two days ago", "today").
fn days_before(mention: &Mention) -> Option<i32> {
    let words = mention.expression.as_deref()?;
    match expr::find(words).first()?.say {
        Say::Day { offset } => Some(-i32::from(offset)),
        Say::Ago { n, unit: Unit::Day, approx: false, .. } => Some(n),
        _ => None,
    }
}

/// The support for one day as an undated article's date.
struct Vote<'m> {
    date: Date,
    weight: f32,
    /// The article's first mention that gave this day.
    mention: &'m Mention,
    /// The reliable reports it was matched with, one per article.
    others: Vec<&'m Mention>,
}

/// What the dated reports of a set tell about the undated ones.
struct Dater<'a> {
    articles: &'a [Article],
    corpus: &'a Corpus,
    aligned: &'a HashSet<(SentenceRef, SentenceRef)>,
    reliable: Vec<Reliable<'a>>,
    by_term: HashMap<u32, Vec<usize>>,
    /// `story[article]`: the story each article belongs to.
    story: &'a [usize],
    /// The first and last date each story's articles give.
    reach: Vec<Option<(Date, Date)>>,
}

impl Dater<'_> {
    /// The date an undated article's `own` mentions give it: each mention
    /// fixed relative to its article's date, matched to a reliable report
    /// of the same happening, votes for a day; the best supported wins.
    fn date_of(&self, own: &[Mention]) -> Option<Inferred> {
        let mut votes: Vec<Vote<'_>> = Vec::new();
        for mention in own {
            let Some(before) = days_before(mention) else { continue };
            let terms = super::merge::terms_of(self.articles, self.corpus, mention);
            for (other, weight) in self.reports_of_the_same(mention, &terms) {
                let Ok(date) = other.when.start.checked_add(before.days()) else { continue };
                if !self.within_reach(mention.article, date) {
                    continue;
                }
                let index = votes.iter().position(|vote| vote.date == date).unwrap_or_else(|| {
                    votes.push(Vote { date, weight: 0.0, mention, others: Vec::new() });
                    votes.len() - 1
                });
                votes[index].weight += weight;
                if !votes[index].others.iter().any(|known| known.article == other.article) {
                    votes[index].others.push(other);
                }
            }
        }
        // The best supported day; on a tie, the earliest.
        votes.sort_by(|a, b| b.weight.total_cmp(&a.weight).then(a.date.cmp(&b.date)));
        votes.into_iter().next().map(|vote| self.inferred(vote))
    }

    /// The date a vote gives, and how, in words.
    fn inferred(&self, mut vote: Vote<'_>) -> Inferred {
        vote.others.sort_by_key(|other| other.article);
        let names: Vec<String> = vote
            .others
            .iter()
            .take(3)
            .map(|other| {
                let id = &self.articles[other.article].id;
                format!("{id} ({:?}, {})", other.expression.as_deref().unwrap_or(""), other.when.start)
            })
            .collect();
        let how = format!(
            "dated {} from the happening it shares with {}: its {:?} is the day they date",
            vote.date,
            names.join(", "),
            vote.mention.expression.as_deref().unwrap_or(""),
        );
        Inferred { date: vote.date, how }
    }

    /// Reliable mentions of the happening `mention` reports, with how
    /// alike they are.
    fn reports_of_the_same(&self, mention: &Mention, terms: &[u32]) -> Vec<(&Mention, f32)> {
        let mut candidates: Vec<usize> = terms
            .iter()
            .filter_map(|term| self.by_term.get(term))
            .filter(|list| list.len() <= COMMON_TERM)
            .flatten()
            .copied()
            .collect();
        candidates.sort_unstable();
        candidates.dedup();
        let here = (mention.article, mention.sentence);
        candidates
            .into_iter()
            .map(|index| &self.reliable[index])
            .filter(|other| other.mention.article != mention.article)
            .filter(|other| self.story[other.mention.article] == self.story[mention.article])
            .filter_map(|other| {
                let there = (other.mention.article, other.mention.sentence);
                let score = self.corpus.score(terms, &other.terms);
                let matched = self.aligned.contains(&(here, there)) || self.aligned.contains(&(there, here));
                let alike = score.n_shared >= SHARED_TERMS && score.dice >= SHARED_DICE;
                ((matched || alike) && !self.corpus.names_conflict(here, there)).then_some((other.mention, score.dice))
            })
            .collect()
    }

    /// Within a week of the dates of `article`'s story.
    fn within_reach(&self, article: usize, date: Date) -> bool {
        let Some((first, last)) = self.reach[self.story[article]] else { return false };
        let days = |from: Date, to: Date| from.until(to).map_or(i32::MAX, |span| span.get_days());
        days(date, first) <= REACH_DAYS && days(last, date) <= REACH_DAYS
    }
}
