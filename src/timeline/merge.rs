//! Merging: mentions of the same happening from different sources become
//! one event. Three passes over the mentions, most precise dates first:
//! [`Merger::assign`] gives each mention the event it links to best (or a
//! new one), [`Merger::join`] joins events built apart that turn out to
//! report one happening, and [`Merger::attach_briefs`] lets a brief report
//! left alone join the event its day's sources agree on.
//!
//! With the sentence model ([`Meanings`]), two sources' reports of one day
//! that the words do not link may still be one happening: when their
//! vectors are much closer than either is to the story at large, they
//! name no different actors and no different numbers, and neither denies
//! what the other tells ([`Merger::close_in_meaning`]).

use std::collections::{HashMap, HashSet};

use super::denial::{self, Claims};
use super::expr;
use super::{Basis, Event, Mention, Precision, When, summary};
use crate::align::semantic::Meanings;
use crate::align::stories::Stories;
use crate::align::{Corpus, Score, SentenceRef};
use crate::ingest::Article;
use jiff::civil::Date;

/// Minimum content overlap for two mentions with compatible dates to be the
/// same happening; statements merged by content alone need more.
const MERGE_DICE: f32 = 0.3;
const MERGE_CONTAINMENT: f32 = 0.5;
/// In rare-term units (see `Corpus::unit`).
const MERGE_SHARED: f32 = 1.45;
const MERGE_REPORTED_DICE: f32 = 0.4;

/// Words either side of the date that dates a mention: what happened then
/// ("gave way on Sunday", "restored on Tuesday"), told apart from the rest
/// of a long sentence.
const NUCLEUS_WORDS: usize = 7;
/// Two mentions of the same day sharing this many rare-term units among
/// their nucleus words (and two terms at least) report one happening.
const NUCLEUS_SHARED: f32 = 1.1;

/// Two mentions of one day sharing this many terms, worth this many
/// rare-term units, report one happening however their sentences run.
const SAME_DAY_TERMS: usize = 5;
const SAME_DAY_SHARED: f32 = 3.0;

/// A report this short (in content terms) cannot share two terms with
/// another; it joins an event of its day that two sources or more agree on
/// when it names, with this much weight, what all of them name.
const BRIEF_TERMS: usize = 3;
const BRIEF_SHARED: f32 = 0.5;

/// Two sources' reports of one day at least this close in meaning
/// ([`Meanings::closeness`]) are one happening, when they name no
/// different actors or numbers and neither denies what the other tells.
/// Set between what the dev sets and `tests/stories` show: reports of one
/// happening in other words that the words do not link score 0.37 and
/// up ("A lorry was blown over" / "High winds toppled a truck"), other
/// happenings of the day that pass those checks 0.35 at most.
pub(super) const MEANING_LINK: f32 = 0.37;

/// What merging reads besides the mentions.
pub(super) struct Evidence<'a> {
    pub corpus: &'a Corpus,
    /// The sentence pairs the alignment matched.
    pub aligned: &'a HashSet<(SentenceRef, SentenceRef)>,
    /// The sentence model's vectors, when it ran.
    pub meanings: Option<&'a Meanings>,
}

/// Merges `mentions` into events, in chronological order with their ids.
/// Only mentions of one story merge: each story's are merged on their own,
/// the stories side by side.
pub(super) fn merge(
    articles: &[Article],
    evidence: &Evidence,
    stories: &Stories,
    mentions: Vec<Mention>,
) -> Vec<Event> {
    let neighbours = neighbours_of(evidence.aligned);
    // An article no story holds (none should be) merges with the others so placed.
    let story_of = |article: usize| {
        stories.story.get(article).copied().filter(|&story| story < stories.len()).unwrap_or(stories.len())
    };
    let mut by_story: Vec<Vec<Mention>> = vec![Vec::new(); stories.len() + 1];
    for mention in mentions {
        by_story[story_of(mention.article)].push(mention);
    }
    let per_story = crate::par::map_owned(by_story, |mentions| {
        let mut merger = Merger::new(articles, evidence, &neighbours, mentions);
        merger.assign();
        merger.join();
        merger.attach_briefs();
        merger.into_events()
    });
    number_in_order(per_story.into_iter().flatten().collect())
}

/// The sentences the alignment matched with each sentence.
fn neighbours_of(aligned: &HashSet<(SentenceRef, SentenceRef)>) -> HashMap<SentenceRef, Vec<SentenceRef>> {
    let mut neighbours: HashMap<SentenceRef, Vec<SentenceRef>> = HashMap::new();
    for &(first, second) in aligned {
        neighbours.entry(first).or_default().push(second);
        neighbours.entry(second).or_default().push(first);
    }
    neighbours
}

/// The events of every story in chronological order, numbered.
fn number_in_order(mut events: Vec<Event>) -> Vec<Event> {
    events.sort_by(|first, second| {
        let key =
            // One heading per label: a period's end and a hedge are part of it.
            |e: &Event| {
                let when = (e.when.start, e.when.precision, e.when.end, e.when.approximate);
                (when, e.basis, e.mentions[0].article, e.mentions[0].span.start)
            };
        key(first).cmp(&key(second))
    });
    for (number, event) in events.iter_mut().enumerate() {
        event.id = format!("ev-{}", number + 1);
    }
    events
}

/// Distinctive content terms of a mention, without the words of its date
/// ([`Corpus::lookup_distinctive`]).
pub(super) fn terms_of(articles: &[Article], corpus: &Corpus, mention: &Mention) -> Vec<u32> {
    corpus.lookup_distinctive(&text_without_date(articles, mention))
}

/// Content terms of a mention, without the words of its date: all of them,
/// however common, for comparing two mentions (events are looked up by the
/// distinctive ones only, [`Merger::indexed`]). Four hundred outlets
/// carrying one line share every word of it, and must still make one event.
fn mention_terms(articles: &[Article], corpus: &Corpus, mention: &Mention) -> Vec<u32> {
    corpus.lookup(&text_without_date(articles, mention))
}

fn text_without_date(articles: &[Article], mention: &Mention) -> String {
    let body = &articles[mention.article].body;
    let mut text = mention.span.slice(body).to_string();
    if let Some(expression) = date_words(mention) {
        let (start, end) = (expression.start - mention.span.start, expression.end - mention.span.start);
        text.replace_range(start..end, " ");
    }
    text
}

/// Content terms of the words around a mention's date expression.
fn nucleus_terms(articles: &[Article], corpus: &Corpus, mention: &Mention) -> Vec<u32> {
    let Some(expression) = date_words(mention) else { return Vec::new() };
    let body = &articles[mention.article].body;
    let before: Vec<&str> = body[mention.span.start..expression.start].split_whitespace().collect();
    let after = body[expression.end..mention.span.end].split_whitespace().take(NUCLEUS_WORDS);
    let mut near: Vec<&str> = before[before.len().saturating_sub(NUCLEUS_WORDS)..].to_vec();
    near.extend(after);
    corpus.lookup(&near.join(" "))
}

/// Where the words that date a mention stand, when inside its span.
fn date_words(mention: &Mention) -> Option<crate::text::Span> {
    mention.expression_span.filter(|e| mention.span.start <= e.start && e.end <= mention.span.end)
}

/// Whether a mention's date allows it to be the same happening as an
/// event's (dated `when` on `basis`): nested dates, or a statement reported
/// within days of a dated one.
fn dates_fit(mention: &Mention, when: When, basis: Basis) -> bool {
    // "before the end of the month" is no report of a day in it.
    if mention.target && when.precision > mention.when.precision {
        return false;
    }
    let close = |reported: Date, dated: &When| {
        let (first, last) = dated.bounds();
        last <= reported && reported.since(first).is_ok_and(|span| span.get_days() <= 7)
    };
    match (mention.basis, basis) {
        (Basis::Dated, Basis::Dated) => mention.when.compatible(&when),
        (Basis::Reported, Basis::Dated) => close(mention.when.start, &when),
        (Basis::Dated, Basis::Reported) => close(when.start, &mention.when),
        (Basis::Reported, Basis::Reported) => {
            mention.when.start.since(when.start).is_ok_and(|span| span.get_days().abs() <= 2)
        }
    }
}

/// A limit counted from an article's date ("within 30 days").
type Window = Option<(i32, expr::Unit)>;

/// Two reports of one limit counted from their articles' dates ("within 30
/// days"): the same words, from articles published within a week.
fn same_window(first: Window, first_when: When, second: Window, second_when: When) -> bool {
    first.is_some()
        && first == second
        && first_when.start.since(second_when.start).is_ok_and(|span| span.get_days().abs() <= 7)
}

/// An event while it is built: the mentions it shows (one per article) and
/// every mention it took, including a second report of the same happening
/// in an article it already holds (absorbed: it links like any member but
/// is not listed twice).
struct Draft {
    when: When,
    basis: Basis,
    /// The limit its first mention counts from its article's date.
    window: Window,
    /// Mention indices shown, one per article.
    kept: Vec<usize>,
    /// Every mention index taken.
    members: Vec<usize>,
}

impl Draft {
    fn new(index: usize, mention: &Mention) -> Draft {
        Draft {
            when: mention.when,
            basis: mention.basis,
            window: mention.window,
            kept: vec![index],
            members: vec![index],
        }
    }

    /// The mention of `article` this draft shows, if any.
    fn shown(&self, article: usize, mentions: &[Mention]) -> Option<usize> {
        self.kept.iter().copied().find(|&kept| mentions[kept].article == article)
    }

    /// Adds mention `index`: shown when the draft has none from its
    /// article, or instead of that one when it is the more direct report,
    /// or as direct and earlier in the article (the lead tells it first);
    /// absorbed otherwise.
    fn take(&mut self, index: usize, mentions: &[Mention]) {
        self.members.push(index);
        let mention = &mentions[index];
        let rank = |m: &Mention| (!m.direct, m.span.start);
        match self.kept.iter().position(|&kept| mentions[kept].article == mention.article) {
            None => self.kept.push(index),
            Some(at) if rank(mention) < rank(&mentions[self.kept[at]]) => self.kept[at] = index,
            Some(_) => {}
        }
    }
}

/// A number two reports share that tells they give the same figure.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Figure {
    /// A decimal ("7.4").
    Decimal,
    /// A whole number of three digits or more that is not a year ("318",
    /// "1,140").
    Count,
}

/// The mentions of a story, what they say, and the events they are merged
/// into. Mentions and drafts are referred to by index.
struct Merger<'a> {
    articles: &'a [Article],
    corpus: &'a Corpus,
    aligned: &'a HashSet<(SentenceRef, SentenceRef)>,
    meanings: Option<&'a Meanings>,
    /// Precise dates first, so coarser mentions join the event they refine.
    mentions: Vec<Mention>,
    /// Content terms of each mention ([`mention_terms`]).
    terms: Vec<Vec<u32>>,
    /// Content terms around each mention's date ([`nucleus_terms`]).
    nuclei: Vec<Vec<u32>>,
    /// What each mention asserts and denies ([`denial::claims`]).
    claims: Vec<Claims>,
    /// The numbers each mention gives ([`figures_of`]), sorted.
    figures: Vec<Vec<u32>>,
    drafts: Vec<Draft>,
    /// Only events sharing a term with a mention, or holding a sentence
    /// the alignment matched with the mention's, can take it: these
    /// indexes keep the merge linear in the number of mentions.
    by_term: HashMap<u32, Vec<usize>>,
    by_sentence: HashMap<SentenceRef, Vec<usize>>,
    /// With the model, the drafts holding a mention dated to each day:
    /// reports of one day worded apart may share no term.
    by_day: HashMap<Date, Vec<usize>>,
    /// The sentences the alignment matched with each sentence.
    neighbours: &'a HashMap<SentenceRef, Vec<SentenceRef>>,
}

impl<'a> Merger<'a> {
    fn new(
        articles: &'a [Article],
        evidence: &Evidence<'a>,
        neighbours: &'a HashMap<SentenceRef, Vec<SentenceRef>>,
        mut mentions: Vec<Mention>,
    ) -> Merger<'a> {
        let Evidence { corpus, aligned, meanings } = *evidence;
        mentions.sort_by_key(|m| (m.basis, std::cmp::Reverse(m.when.precision), m.article, m.sentence, m.span.start));
        let terms = crate::par::map(&mentions, |m| mention_terms(articles, corpus, m));
        let nuclei = crate::par::map(&mentions, |m| nucleus_terms(articles, corpus, m));
        let claims = crate::par::map(&mentions, |m| denial::claims(articles, corpus, m));
        let figures = crate::par::map(&mentions, |m| figures_of(articles, corpus, m));
        Merger {
            articles,
            corpus,
            aligned,
            meanings,
            mentions,
            terms,
            nuclei,
            claims,
            figures,
            drafts: Vec::new(),
            by_term: HashMap::new(),
            by_sentence: HashMap::new(),
            by_day: HashMap::new(),
            neighbours,
        }
    }

    /// First pass: each mention joins the event it links to best, or
    /// starts one.
    fn assign(&mut self) {
        let mut candidates: Vec<usize> = Vec::new();
        for mention in 0..self.mentions.len() {
            self.candidates(mention, &mut candidates);
            let draft = match self.best_draft(mention, &candidates) {
                Some(draft) => {
                    self.refine(draft, mention);
                    self.drafts[draft].take(mention, &self.mentions);
                    draft
                }
                None => {
                    self.drafts.push(Draft::new(mention, &self.mentions[mention]));
                    self.drafts.len() - 1
                }
            };
            self.index(mention, draft);
        }
    }

    /// The drafts that may take `mention`: those sharing a term with it or
    /// holding a sentence the alignment matched with its sentence.
    fn candidates(&self, mention: usize, out: &mut Vec<usize>) {
        out.clear();
        for term in self.indexed(mention) {
            out.extend(self.by_term.get(term).into_iter().flatten());
        }
        let m = &self.mentions[mention];
        for neighbour in self.neighbours.get(&(m.article, m.sentence)).into_iter().flatten() {
            out.extend(self.by_sentence.get(neighbour).into_iter().flatten());
        }
        if let Some(day) = self.day_for_meaning(mention) {
            out.extend(self.by_day.get(&day).into_iter().flatten());
        }
        out.sort_unstable();
        out.dedup();
    }

    /// Of `candidates`, the draft whose dates fit and whose members link
    /// to `mention` most closely.
    fn best_draft(&self, mention: usize, candidates: &[usize]) -> Option<usize> {
        let m = &self.mentions[mention];
        let mut best: Option<(usize, f32)> = None;
        for &index in candidates {
            let draft = &self.drafts[index];
            if !dates_fit(m, draft.when, draft.basis) && !same_window(m.window, m.when, draft.window, draft.when) {
                continue;
            }
            // A second report in an article the event holds joins only when
            // it tells the same as that article's first.
            if draft.shown(m.article, &self.mentions).is_some_and(|shown| !self.twice(mention, shown)) {
                continue;
            }
            let similarity = draft
                .members
                .iter()
                .filter_map(|&member| self.link(mention, member))
                .fold(None, |acc: Option<f32>, value| Some(acc.map_or(value, |a| a.max(value))));
            if let Some(similarity) = similarity {
                if best.is_none_or(|(_, best_similarity)| similarity > best_similarity) {
                    best = Some((index, similarity));
                }
            }
        }
        best.map(|(index, _)| index)
    }

    /// A dated mention joining an event placed only by its reports' dates
    /// gives it its date.
    fn refine(&mut self, draft: usize, mention: usize) {
        let (m, d) = (&self.mentions[mention], &mut self.drafts[draft]);
        if m.basis == Basis::Dated && d.basis == Basis::Reported {
            d.basis = Basis::Dated;
            d.when = m.when;
        }
    }

    /// Records that `draft` holds `mention`'s terms and sentence.
    fn index(&mut self, mention: usize, draft: usize) {
        let terms: Vec<u32> = self.indexed(mention).copied().collect();
        for term in terms {
            let list = self.by_term.entry(term).or_default();
            if list.last() != Some(&draft) {
                list.push(draft);
            }
        }
        let m = &self.mentions[mention];
        self.by_sentence.entry((m.article, m.sentence)).or_default().push(draft);
        if let Some(day) = self.day_for_meaning(mention) {
            let list = self.by_day.entry(day).or_default();
            if list.last() != Some(&draft) {
                list.push(draft);
            }
        }
    }

    /// The day a mention is dated to, when the model's vectors may link it
    /// to other reports of that day.
    fn day_for_meaning(&self, mention: usize) -> Option<Date> {
        let m = &self.mentions[mention];
        let dated_day = m.basis == Basis::Dated && m.when.precision == Precision::Day && m.window.is_none();
        (self.meanings.is_some() && dated_day).then_some(m.when.start)
    }

    /// Second pass: events built apart that turn out to report one
    /// happening (each had taken a different report first) are joined.
    fn join(&mut self) {
        for first in 0..self.drafts.len() {
            if self.drafts[first].members.is_empty() {
                continue;
            }
            let terms = self.drafts[first].members.iter().flat_map(|&m| self.indexed(m));
            let mut later = self.drafts_with(terms);
            later.extend(self.drafts_of_days(&self.drafts[first].members));
            later.sort_unstable();
            later.dedup();
            later.retain(|&other| other > first);
            for second in later {
                if self.same_happening(first, second) {
                    self.move_members(second, first);
                }
            }
        }
    }

    /// Two drafts report one happening: same date, a linked pair of
    /// members, and any article both show telling the same in both.
    fn same_happening(&self, first: usize, second: usize) -> bool {
        let (a, b) = (&self.drafts[first], &self.drafts[second]);
        let same_date = a.when == b.when || same_window(a.window, a.when, b.window, b.when);
        if b.members.is_empty() || a.basis != b.basis || !same_date {
            return false;
        }
        let linked = a.members.iter().any(|&x| b.members.iter().any(|&y| self.link(x, y).is_some()));
        let agree =
            b.kept.iter().all(|&y| a.shown(self.mentions[y].article, &self.mentions).is_none_or(|x| self.twice(x, y)));
        linked && agree
    }

    /// Third pass: brief reports left on their own join the event, of their
    /// day, that names what they name (after the rest, so that a brief line
    /// early in an article never takes the place of its full report).
    fn attach_briefs(&mut self) {
        for alone in 0..self.drafts.len() {
            let [mention] = self.drafts[alone].members[..] else { continue };
            if let Some(target) = self.event_for_brief(alone, mention) {
                self.move_members(alone, target);
            }
        }
    }

    /// The draft, other than `alone`, that a brief `mention` names best.
    fn event_for_brief(&self, alone: usize, mention: usize) -> Option<usize> {
        let others = self.drafts_with(self.distinctive(&self.terms[mention]));
        let mut best: Option<(usize, f32)> = None;
        for other in others.into_iter().filter(|&other| other != alone) {
            let draft = &self.drafts[other];
            if draft.shown(self.mentions[mention].article, &self.mentions).is_some() {
                continue;
            }
            if let Some(weight) = self.brief_match(mention, draft) {
                if best.is_none_or(|(_, best_weight)| weight > best_weight) {
                    best = Some((other, weight));
                }
            }
        }
        best.map(|(index, _)| index)
    }

    /// The terms events are looked up by for `mention`: its own and those
    /// around its date that are distinctive ([`Corpus::is_distinctive`]); a
    /// term in thousands of sentences would make the lookup quadratic.
    fn indexed(&self, mention: usize) -> impl Iterator<Item = &u32> {
        self.distinctive(&self.terms[mention]).chain(self.distinctive(&self.nuclei[mention]))
    }

    /// Those of `terms` events are looked up by.
    fn distinctive<'t>(&'t self, terms: &'t [u32]) -> impl Iterator<Item = &'t u32> {
        terms.iter().filter(|&&term| self.corpus.is_distinctive(term))
    }

    /// The drafts holding any of `terms`, in order, once each.
    fn drafts_with<'t>(&self, terms: impl Iterator<Item = &'t u32>) -> Vec<usize> {
        let mut drafts: Vec<usize> =
            terms.flat_map(|term| self.by_term.get(term).into_iter().flatten().copied()).collect();
        drafts.sort_unstable();
        drafts.dedup();
        drafts
    }

    /// The drafts holding a report of a day one of `members` reports, when
    /// the model's vectors may link them ([`Merger::day_for_meaning`]).
    fn drafts_of_days(&self, members: &[usize]) -> Vec<usize> {
        members
            .iter()
            .filter_map(|&member| self.day_for_meaning(member))
            .flat_map(|day| self.by_day.get(&day).into_iter().flatten().copied())
            .collect()
    }

    /// Moves every mention of draft `from` into draft `to`.
    fn move_members(&mut self, from: usize, to: usize) {
        let moved = std::mem::take(&mut self.drafts[from].members);
        self.drafts[from].kept.clear();
        for mention in moved {
            self.drafts[to].take(mention, &self.mentions);
        }
    }

    /// How alike two mentions are, when they report the same happening
    /// (never a denial and a report of what it denies).
    fn link(&self, first: usize, second: usize) -> Option<f32> {
        if self.denied_by(first, &[second]) {
            return None;
        }
        let score = self.corpus.score(&self.terms[first], &self.terms[second]);
        // Sentences the alignment matched, when these parts of them (a
        // clause each, perhaps) still share what they say.
        let same_report = self.aligned_sentences(first, second) && score.n_shared >= 2;
        // Shared words never join two actors' doings. They may join two
        // counts: "at least five died" and "seven are now known to have
        // died" are one happening, told as its toll grew (the discrepancy
        // is shown with the statement).
        if !same_report && self.other_actors_in_one_frame(first, second) {
            return None;
        }
        let linked = same_report
            || self.enough_shared(first, second, &score)
            || self.same_day(first, second)
                && (self.near_the_date(first, second)
                    || many_shared(&score)
                    || self.same_figure(first, second)
                    || self.close_in_meaning(first, second));
        linked.then_some(score.dice.max(if same_report { MERGE_REPORTED_DICE } else { 0.0 }))
    }

    /// One of `members` denies what `mention` tells, or tells what it
    /// denies ("no pope was elected" / "a pope was elected"): two
    /// happenings, whatever else they share.
    fn denied_by(&self, mention: usize, members: &[usize]) -> bool {
        members.iter().any(|&member| self.claims[mention].conflict(&self.claims[member], self.corpus))
    }

    /// The alignment matched the sentences of two mentions.
    fn aligned_sentences(&self, first: usize, second: usize) -> bool {
        let (a, b) = (&self.mentions[first], &self.mentions[second]);
        let (a, b) = ((a.article, a.sentence), (b.article, b.sentence));
        self.aligned.contains(&(a, b)) || self.aligned.contains(&(b, a))
    }

    /// The content two mentions share is enough on its own; a statement
    /// placed only by its article's date needs more than two dates that
    /// agree.
    fn enough_shared(&self, first: usize, second: usize, score: &Score) -> bool {
        score.n_shared >= 2
            && if self.any_reported(first, second) {
                score.dice >= MERGE_REPORTED_DICE
            } else {
                score.dice >= MERGE_DICE || (score.containment >= MERGE_CONTAINMENT && score.rare >= MERGE_SHARED)
            }
    }

    fn any_reported(&self, first: usize, second: usize) -> bool {
        self.mentions[first].basis == Basis::Reported || self.mentions[second].basis == Basis::Reported
    }

    /// Both are dated to the same day (or the same limit from nearby days).
    fn same_day(&self, first: usize, second: usize) -> bool {
        let (a, b) = (&self.mentions[first], &self.mentions[second]);
        !self.any_reported(first, second)
            && a.when.precision == Precision::Day
            && (a.when == b.when || same_window(a.window, a.when, b.window, b.when))
    }

    /// The words around the two dates tell the same, of the same actors.
    fn near_the_date(&self, first: usize, second: usize) -> bool {
        let nucleus = self.corpus.score(&self.nuclei[first], &self.nuclei[second]);
        nucleus.n_shared >= 2 && nucleus.rare >= NUCLEUS_SHARED && !self.actors_differ(first, second, &self.nuclei)
    }

    /// Two sources' reports of one day that the sentence model puts much
    /// closer than either is to the story at large ([`MEANING_LINK`]):
    /// one happening told in other words, unless they name different
    /// actors or different numbers, or one denies something and the
    /// other does not ("no pope was elected" / "a pope was elected").
    fn close_in_meaning(&self, first: usize, second: usize) -> bool {
        let Some(meanings) = self.meanings else { return false };
        let (a, b) = (&self.mentions[first], &self.mentions[second]);
        if a.article == b.article
            || self.claims[first].denied.is_empty() != self.claims[second].denied.is_empty()
            || self.names_differ(first, second)
            || self.numbers_differ(first, second)
        {
            return false;
        }
        let closeness = meanings.closeness(((a.article, a.sentence), a.span), ((b.article, b.sentence), b.span));
        closeness.is_some_and(|value| value >= MEANING_LINK)
    }

    /// Each gives a number and they share none ("25 killed" / "ten
    /// injured"): two facts, however alike the sentences.
    fn numbers_differ(&self, first: usize, second: usize) -> bool {
        let (a, b) = (&self.figures[first], &self.figures[second]);
        !a.is_empty() && !b.is_empty() && !a.iter().any(|n| b.binary_search(n).is_ok())
    }

    /// The same distinctive number ("rose to 318"). A count is rarely the
    /// same by chance; a figure such as "1.2%" may be, so it must come from
    /// the same actors.
    fn same_figure(&self, first: usize, second: usize) -> bool {
        match self.shared_figure(&self.terms[first], &self.terms[second]) {
            Some(Figure::Count) => true,
            Some(Figure::Decimal) => !self.actors_differ(first, second, &self.terms),
            None => false,
        }
    }

    /// Two reports in one article: the same happening told twice, never two
    /// dates of one sentence (those were cut apart on purpose).
    fn twice(&self, first: usize, second: usize) -> bool {
        self.mentions[first].sentence != self.mentions[second].sentence && self.link(first, second).is_some()
    }

    /// A brief report of a happening several sources agree on ("They put in
    /// an appeal on Friday."): what every source the event shows names.
    fn brief_match(&self, mention: usize, draft: &Draft) -> Option<f32> {
        let m = &self.mentions[mention];
        let dated_day = |basis: Basis, when: When| basis == Basis::Dated && when.precision == Precision::Day;
        if !dated_day(m.basis, m.when) || !dated_day(draft.basis, draft.when) || m.when != draft.when {
            return None;
        }
        if draft.kept.len() < 2 || self.terms[mention].len() > BRIEF_TERMS {
            return None;
        }
        let (first, rest) = (&self.terms[draft.kept[0]], &draft.kept[1..]);
        let common: Vec<u32> =
            first.iter().copied().filter(|term| rest.iter().all(|&kept| self.terms[kept].contains(term))).collect();
        let score = self.corpus.score(&self.terms[mention], &common);
        let agree = score.n_shared >= 1
            && score.rare >= BRIEF_SHARED
            && !draft.kept.iter().any(|&kept| self.actors_differ(mention, kept, &self.terms))
            && !self.denied_by(mention, &draft.members);
        agree.then_some(score.rare)
    }

    /// The most telling number both term sets hold, if any.
    fn shared_figure(&self, first: &[u32], second: &[u32]) -> Option<Figure> {
        first
            .iter()
            .filter(|term| second.binary_search(term).is_ok())
            .filter_map(|&term| {
                let word = self.corpus.vocab.term(term).unwrap_or("");
                if !word.starts_with(|c: char| c.is_ascii_digit())
                    || !word.chars().all(|c| c.is_ascii_digit() || c == '.')
                {
                    return None;
                }
                let year = word.len() == 4 && word.parse::<u32>().is_ok_and(|y| (1900..=2100).contains(&y));
                match word.split_once('.') {
                    Some((_, fraction)) if !fraction.is_empty() => Some(Figure::Decimal),
                    None if word.len() >= 3 && !year => Some(Figure::Count),
                    _ => None,
                }
            })
            .max()
    }

    /// The names among two mentions' nucleus words point to different
    /// actors ("the regulator said on Friday" / "Meridian said on Friday"):
    /// each side names someone the other does not, outweighing any name
    /// they share. A nucleus without a name ("..., fell 1.2% on Monday")
    /// stands for the names in `fallback` (its whole mention's terms, or
    /// the nucleus again).
    fn actors_differ(&self, first: usize, second: usize, fallback: &[Vec<u32>]) -> bool {
        let names = |index: usize| -> Vec<u32> {
            let m = &self.mentions[index];
            let all = &self.corpus.names[m.article][m.sentence];
            let named = |terms: &[u32]| -> Vec<u32> {
                terms.iter().copied().filter(|term| all.binary_search(term).is_ok()).collect()
            };
            let near = named(&self.nuclei[index]);
            if near.is_empty() { named(&fallback[index]) } else { near }
        };
        outweigh(self.corpus, &names(first), &names(second))
    }

    /// The two mentions' sentences are one frame filled with other names
    /// ([`Corpus::names_conflict`]), and they share no name at all ("the
    /// mayor of Dunmore resigned" / "the mayor of Halvik resigned"):
    /// different actors, however alike the rest. A name in common ("Peskov
    /// said ..." / "Kremlin spokesman Dmitry Peskov told ...") keeps them
    /// comparable: in a small set, names two sources share weigh little
    /// beside the ones each adds.
    fn other_actors_in_one_frame(&self, first: usize, second: usize) -> bool {
        let (a, b) = (&self.mentions[first], &self.mentions[second]);
        let (ours, theirs) = (self.names_of(first), self.names_of(second));
        !ours.iter().any(|name| theirs.contains(name))
            && self.corpus.names_conflict((a.article, a.sentence), (b.article, b.sentence))
    }

    /// The names among a whole mention's terms.
    fn names_of(&self, index: usize) -> Vec<u32> {
        let m = &self.mentions[index];
        let all = &self.corpus.names[m.article][m.sentence];
        self.terms[index].iter().copied().filter(|term| all.binary_search(term).is_ok()).collect()
    }

    /// The names of two whole mentions point to different actors: each
    /// names someone the other does not, outweighing the names they share
    /// ("the mayor of Dunmore" / "Halvik's council leader").
    fn names_differ(&self, first: usize, second: usize) -> bool {
        outweigh(self.corpus, &self.names_of(first), &self.names_of(second))
    }

    /// The story's events, unordered and not yet numbered.
    fn into_events(self) -> Vec<Event> {
        self.drafts.iter().filter(|draft| !draft.kept.is_empty()).map(|draft| self.event(draft)).collect()
    }

    /// The event a finished draft shows.
    fn event(&self, draft: &Draft) -> Event {
        let mut mentions: Vec<Mention> = draft.kept.iter().map(|&kept| self.mentions[kept].clone()).collect();
        mentions.sort_by_key(|m| (m.article, m.span.start));
        // An event reported only by statements is placed at the earliest
        // report; a limit reported on several days, where it was first set.
        let mut when = draft.when;
        let windows = mentions.iter().all(|m| m.window.is_some() && m.window == mentions[0].window);
        if draft.basis == Basis::Reported || windows {
            when = mentions.iter().map(|m| m.when).min_by_key(|w| w.start).unwrap_or(when);
        }
        let mut event = Event { id: String::new(), when, basis: draft.basis, summary: String::new(), mentions };
        event.summary = summary(self.articles, &event);
        event
    }
}

/// The numbers a mention gives, as term ids, sorted: not the words of its
/// date, not a time of day (two reports of one moment may give it a few
/// minutes apart), not a year.
fn figures_of(articles: &[Article], corpus: &Corpus, mention: &Mention) -> Vec<u32> {
    let text = mention.span.slice(&articles[mention.article].body);
    let mut blanks: Vec<crate::text::Span> = super::clock::find(text).into_iter().map(|c| c.span).collect();
    if let Some(expression) = date_words(mention) {
        blanks.push(crate::text::Span::new(expression.start - mention.span.start, expression.end - mention.span.start));
    }
    let text: String =
        text.char_indices().map(|(at, c)| if blanks.iter().any(|span| span.contains(at)) { ' ' } else { c }).collect();
    let mut figures: Vec<u32> = corpus
        .lookup(&text)
        .into_iter()
        .filter(|&term| {
            let word = corpus.vocab.term(term).unwrap_or("");
            let number = word.starts_with(|c: char| c.is_ascii_digit())
                && word.chars().all(|c| c.is_ascii_digit() || c == '.' || c == ',');
            let year = word.len() == 4 && word.parse::<u32>().is_ok_and(|y| (1800..=2100).contains(&y));
            number && !year
        })
        .collect();
    figures.sort_unstable();
    figures.dedup();
    figures
}

/// Each of two lists of names holds names the other does not, weighing
/// more than the names they share: they point to different actors.
fn outweigh(corpus: &Corpus, a: &[u32], b: &[u32]) -> bool {
    if a.is_empty() || b.is_empty() {
        return false;
    }
    let weight = |term: &u32| corpus.weight[*term as usize];
    let shared: f32 = a.iter().filter(|term| b.contains(term)).map(weight).sum();
    let only_a: f32 = a.iter().filter(|term| !b.contains(term)).map(weight).sum();
    let only_b: f32 = b.iter().filter(|term| !a.contains(term)).map(weight).sum();
    only_a > shared && only_b > shared
}

/// On the same day, many shared terms in differently built sentences.
fn many_shared(score: &Score) -> bool {
    score.n_shared >= SAME_DAY_TERMS && score.rare >= SAME_DAY_SHARED
}
