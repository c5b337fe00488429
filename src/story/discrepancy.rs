//! Where sources that carry the same statement disagree: numbers ("at least
//! 25" / "at least 10"), times of day ("6:07 p.m." / "about 6:10 pm", three
//! minutes: small), dates and weekdays, and names in the same place in the
//! sentence. A difference within what a hedge allows ("about 240" / "241")
//! is marked small. Spelling variants of one name (Kiev/Kyiv,
//! Zelensky/Zelenskyy, Dan/Daniel Driscoll, Erdoğan/Erdogan) are told apart
//! and labelled as such, never reported as disagreements; a plural or a
//! possessive ("Catholics" / "Catholic") is no variant, and two different
//! names ("Pentagon" / "Army") are none unless their letters say so.

use std::sync::LazyLock;

use crate::text::pattern::Pattern;

use super::clusters::{Cluster, Member};
use crate::align::Corpus;
use crate::align::WordDiff;
use crate::align::diff::{Change, diff};
use crate::align::terms::term;
use crate::ingest::Article;
use crate::text::lexicon::{
    is_number_name, is_sentence_starter, is_stopword, month_number, ordinal_number, weekday_number,
};
use crate::text::{Span, words};
use crate::timeline::clock::{self, Clock};
use crate::timeline::expr;
use crate::timeline::resolve::{Anchor, When, resolve_at};

/// What kind of difference.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    /// A different number for the same thing.
    Number,
    /// A different time of day for the same moment.
    Time,
    /// A different date or weekday.
    Date,
    /// A different name in the same place.
    Name,
    /// The same name spelled differently: not a disagreement.
    Variant,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Number => "number",
            Kind::Time => "time",
            Kind::Date => "date",
            Kind::Name => "name",
            Kind::Variant => "spelling variant",
        }
    }

    /// Higher matters more: numbers and dates change the facts, a name may,
    /// a spelling does not.
    pub fn significance(self) -> u8 {
        match self {
            Kind::Number | Kind::Time | Kind::Date => 3,
            Kind::Name => 2,
            Kind::Variant => 0,
        }
    }
}

/// One place where two members of a cluster differ.
#[derive(Clone, Debug, PartialEq)]
pub struct Discrepancy {
    /// Index of the cluster.
    pub cluster: usize,
    pub kind: Kind,
    /// The differing words on each side: (article, span).
    pub a: (usize, Span),
    pub b: (usize, Span),
    /// The whole members, for showing side by side.
    pub member_a: Member,
    pub member_b: Member,
    /// For a date disagreement: what each side's words resolve to.
    pub dates: Option<(When, When)>,
    /// How far apart the two are, in words ("3 minutes", "15"), when both
    /// are numbers or times.
    pub difference: Option<String>,
    /// Within what a hedge on either side allows ("about 6:10" / "6:07"):
    /// a difference, but a small one.
    pub small: bool,
    /// How many sources give each side's words: its member and those
    /// carrying the same wording (ten outlets with "20", ten with "21").
    pub sources: (usize, usize),
}

impl Discrepancy {
    /// What to add after the name of a side's source when others give the
    /// same words: " and 9 more", or nothing.
    pub fn and_more(sources: usize) -> String {
        if sources > 1 { format!(" and {} more", sources - 1) } else { String::new() }
    }
}

/// One value the sources of a statement give where they differ: its words
/// and how many sources give them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Value {
    pub words: String,
    pub sources: usize,
}

/// Every value the sources of `discrepancy`'s statement give for what it
/// differs on (the same kind of difference in the same statement), most
/// given first: a toll updated through the day is twenty values, listed
/// once, where the discrepancies pair them one by one.
pub fn values_given(discrepancies: &[Discrepancy], articles: &[Article], discrepancy: &Discrepancy) -> Vec<Value> {
    let same = |other: &&Discrepancy| other.cluster == discrepancy.cluster && other.kind == discrepancy.kind;
    values_among(discrepancies.iter().filter(same), articles)
}

/// The discrepancies of `list` by statement and kind, as indices into it,
/// each group in the order of its first member: the pairs of one toll
/// given twenty ways are one group.
pub fn groups(list: &[Discrepancy]) -> Vec<Vec<usize>> {
    let mut groups: Vec<Vec<usize>> = Vec::new();
    let mut group_of: std::collections::HashMap<(usize, Kind), usize> = std::collections::HashMap::new();
    for (index, discrepancy) in list.iter().enumerate() {
        let group = *group_of.entry((discrepancy.cluster, discrepancy.kind)).or_insert_with(|| {
            groups.push(Vec::new());
            groups.len() - 1
        });
        groups[group].push(index);
    }
    groups
}

/// The values the sides of `discrepancies` (of one statement and kind)
/// give, each once with the most sources it was seen with, most given
/// first.
pub fn values_among<'a>(discrepancies: impl Iterator<Item = &'a Discrepancy>, articles: &[Article]) -> Vec<Value> {
    let mut values: Vec<Value> = Vec::new();
    let mut index_of: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for other in discrepancies {
        for ((article, span), sources) in [(other.a, other.sources.0), (other.b, other.sources.1)] {
            let words = span.slice(&articles[article].body).to_string();
            match index_of.get(&words) {
                Some(&at) => values[at].sources = values[at].sources.max(sources),
                None => {
                    index_of.insert(words.clone(), values.len());
                    values.push(Value { words, sources });
                }
            }
        }
    }
    values.sort_by(|x, y| y.sources.cmp(&x.sources).then_with(|| x.words.cmp(&y.words)));
    values
}

/// How two numbers or times differ: in words, and whether it is small.
#[derive(Clone, Debug, Default, PartialEq)]
pub(super) struct Gap {
    pub(super) difference: Option<String>,
    pub(super) small: bool,
}

/// A time of day two hedged reports may give this many minutes apart and
/// still agree roughly.
const SMALL_MINUTES: u16 = 10;
/// A hedged number ("about 240") this far from another, as a share of the
/// larger, agrees roughly.
const SMALL_SHARE: f64 = 0.1;

static NUMBER: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(r"(?i-u)\b(?:(?P<hedge>at least|more than|over|about|nearly|almost|some|around|up to|roughly|approximately|fewer than|less than)\s+)?(?P<n>[0-9][0-9,.]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|thousand|dozens?|hundreds)\s*(?P<pct>%|percent|per cent)?\s+(?P<unit>(?u:[^\s\d.,;:!?()\x22]+))")
        .expect("number pattern compiles")
});

/// A number in a text with the noun it counts.
pub(super) struct Count {
    pub(super) value: String,
    pub(super) unit: String,
    pub(super) span: Span,
    /// Hedged: "about", "nearly", "some", "around".
    pub(super) approx: bool,
    /// A bound rather than a figure: "over 200", "up to 50".
    pub(super) bound: Option<Bound>,
}

/// Which side of a count its words leave open.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) enum Bound {
    /// "at least" (the number itself fits).
    AtLeast,
    /// "more than", "over".
    Above,
    /// "up to" (the number itself fits).
    AtMost,
    /// "fewer than", "less than".
    Below,
}

impl Bound {
    pub(super) fn of(hedge: &str) -> Option<Bound> {
        match hedge.to_ascii_lowercase().as_str() {
            "at least" => Some(Bound::AtLeast),
            "more than" | "over" => Some(Bound::Above),
            "up to" => Some(Bound::AtMost),
            "fewer than" | "less than" => Some(Bound::Below),
            _ => None,
        }
    }

    /// Whether `figure` is within the bound `number` sets.
    fn holds(self, number: f64, figure: f64) -> bool {
        match self {
            Bound::AtLeast => figure >= number,
            Bound::Above => figure > number,
            Bound::AtMost => figure <= number,
            Bound::Below => figure < number,
        }
    }
}

/// A bound one side gives that the other side's figure meets ("over 200
/// passengers" / "242 passengers"): the two agree. Two bounds ("at least
/// 25" / "at least 10") are two claims and still disagree.
pub(super) fn bound_met(first: &Count, second: &Count) -> bool {
    let (Ok(a), Ok(b)) = (first.value.parse::<f64>(), second.value.parse::<f64>()) else { return false };
    match (first.bound, second.bound) {
        (Some(bound), None) => bound.holds(a, b),
        (None, Some(bound)) => bound.holds(b, a),
        _ => false,
    }
}

/// Words read on each side of a count in [`ClusterComparison::told_alike`].
const COUNT_CONTEXT: usize = 6;

/// Hedges that make a number approximate (a bound such as "at least" is no
/// hedge: "at least 25" and "at least 10" disagree).
pub(super) const HEDGES: &[&str] = &["about", "nearly", "almost", "some", "around", "roughly", "approximately"];

fn counts(body: &str, span: Span) -> Vec<Count> {
    let text = span.slice(body);
    if !NUMBER.is_match(text) {
        return Vec::new();
    }
    NUMBER
        .captures_iter(text)
        .filter_map(|c| {
            let m = c.get(0)?;
            let mut unit = c.name("unit")?.as_str().to_lowercase();
            // "28-point plan": the hyphenated word is the unit; a year is not a count.
            if c.name("pct").is_some() {
                unit = "percent".into();
            }
            if c.name("hedge").is_none() && is_designation(text, c.name("n")?.start()) {
                return None;
            }
            let value = c["n"].trim_end_matches([',', '.']).replace(',', "").to_lowercase();
            if value.len() == 4
                && value.starts_with(['1', '2'])
                && unit.chars().next().is_some_and(|u| !u.is_alphabetic())
            {
                return None;
            }
            // "... in district 12 said": a verb of saying is no thing counted.
            if (is_stopword(&unit) || crate::text::lexicon::is_reporting_verb(&unit)) && c.name("pct").is_none() {
                return None;
            }
            let unit = term(&unit).unwrap_or(unit);
            let hedge = c.name("hedge").map(|h| h.as_str());
            let approx = hedge.is_some_and(|h| HEDGES.contains(&h.to_ascii_lowercase().as_str()));
            let bound = hedge.and_then(Bound::of);
            Some(Count { value, unit, span: Span::new(span.start + m.start(), span.start + m.end()), approx, bound })
        })
        .collect()
}

/// A number that is part of a name, right after a capitalised word or
/// code ("Flight ET 302", "Boeing 737", "Category 4", "Route 66") or a
/// hyphen ("737-800"): it designates something, it counts nothing.
fn is_designation(text: &str, number_start: usize) -> bool {
    let before = &text[..number_start];
    if before.ends_with(['-', '#']) {
        return true;
    }
    let Some((at, previous)) = words::words(before).last() else { return false };
    let adjacent = before[at + previous.len()..].trim().is_empty();
    adjacent
        && words::is_capitalised(previous)
        && !is_sentence_starter(previous)
        && !is_stopword(&previous.to_lowercase())
        && !is_number_name(previous)
        && month_number(previous).is_none()
}

/// Word-diff ratio at or above which two members are close enough for their
/// differing words to be compared as claims.
const CLOSE_RATIO: f32 = 0.5;

/// Numbers the diff shows replaced by other numbers between unchanged
/// runs of at least `frame` words each side: (span in a, span in b).
fn replaced_numbers(a: &str, b: &str, d: &crate::align::WordDiff, frame: usize) -> Vec<(Span, Span)> {
    let mut out = Vec::new();
    for w in d.chunks.windows(4) {
        let framed = w[0].change == Change::Equal
            && w[3].change == Change::Equal
            && words::count(w[0].a.slice(a)) >= frame
            && words::count(w[3].a.slice(a)) >= frame;
        if !framed || w[1].change != Change::Delete || w[2].change != Change::Insert {
            continue;
        }
        let (x, y) = (w[1].a.slice(a), w[2].b.slice(b));
        let numbers = is_number_word(x) && is_number_word(y) && fold(x) != fold(y);
        // "the third day" / "the fourth day"; "3rd" and "third" agree.
        let ordinals = matches!((ordinal(x), ordinal(y)), (Some(first), Some(second)) if first != second);
        if numbers || ordinals {
            out.push((w[1].a, w[2].b));
        }
    }
    out
}

/// One number, in digits ("318", "2.1") or words ("seven").
fn is_number_word(s: &str) -> bool {
    let ws: Vec<&str> = words::words(s).map(|(_, w)| w).collect();
    let [w] = ws.as_slice() else { return false };
    w.chars().all(|c| c.is_ascii_digit() || c == '.' || c == ',') || is_number_name(w)
}

/// One ordinal ("third", "3rd"), as its number.
fn ordinal(s: &str) -> Option<u32> {
    let ws: Vec<&str> = words::words(s).map(|(_, w)| w).collect();
    let [w] = ws.as_slice() else { return None };
    ordinal_number(w)
}

/// A capitalised word that names someone or somewhere: not a sentence
/// opener, a calendar word, or a nationality ("Russian").
fn is_name(w: &str) -> bool {
    words::is_capitalised(w)
        && !is_sentence_starter(w)
        && !is_stopword(&w.to_lowercase())
        && month_number(w).is_none()
        && weekday_number(w).is_none()
        && !["ian", "ean", "ese", "ish", "ican"].iter().any(|s| w.ends_with(s))
}

/// Names (capitalised words inside sentences) with their spans.
fn names(a: &Article, m: &Member) -> Vec<(String, Span)> {
    let mut out = Vec::new();
    for s in m.sentences.clone() {
        let sp = a.sentences[s];
        for (k, (i, w)) in words::words(sp.slice(&a.body)).enumerate() {
            if k == 0 || !is_name(w) {
                continue;
            }
            out.push((w.to_string(), Span::new(sp.start + i, sp.start + i + w.len())));
        }
    }
    out
}

/// The dates a member's words give, resolved against its article's date.
fn dates(m: &Member, a: &Article, anchor: Option<Anchor>) -> Vec<(When, Span)> {
    let Some(anchor) = anchor else { return Vec::new() };
    let text = m.span.slice(&a.body);
    expr::find(text)
        .into_iter()
        .filter_map(|e| {
            let w = resolve_at(e.say, &anchor, e.forward)?;
            Some((w, Span::new(m.span.start + e.span.start, m.span.start + e.span.end)))
        })
        .collect()
}

fn fold(w: &str) -> String {
    words::fold(w)
}

/// The folded words of a date's expression but the ones that do not change
/// the day it names ("on Wednesday" is "Wednesday"; "earlier in the week"
/// is not "later in the week").
fn date_words(text: &str) -> Vec<String> {
    const FILLER: &[&str] = &["on", "the", "in", "at", "of"];
    words::words(text).map(|(_, w)| fold(w)).filter(|w| !FILLER.contains(&w.as_str())).collect()
}

/// What is compared of one member, worked out once per member.
struct Facts {
    counts: Vec<Count>,
    /// Times of day, in the body's offsets.
    clocks: Vec<Clock>,
    dates: Vec<(When, Span)>,
    /// Names with their folded form and term.
    names: Vec<(String, Option<u32>, Span)>,
    /// Folded-word hashes, for a cheap word-order overlap.
    words: Vec<u64>,
    /// Every number it gives, as counts write their values ("four", "2.1").
    numbers: Vec<String>,
    /// Some word is a number ("318", "seven"): only then can a number have
    /// been replaced, and the word diff be worth computing for it.
    has_number: bool,
}

fn facts(a: &Article, corpus: &Corpus, m: &Member, anchor: Option<Anchor>) -> Facts {
    let ws: Vec<&str> = words::words(m.span.slice(&a.body)).map(|(_, w)| w).collect();
    let clocks: Vec<Clock> = clock::find(m.span.slice(&a.body))
        .into_iter()
        .map(|c| Clock { span: Span::new(m.span.start + c.span.start, m.span.start + c.span.end), ..c })
        .collect();
    // "6:10 pm" is a time, not ten of something.
    let mut counts = counts(&a.body, m.span);
    counts.retain(|count| !clocks.iter().any(|c| c.span.overlaps(&count.span)));
    Facts {
        counts,
        clocks,
        dates: dates(m, a, anchor),
        names: names(a, m).into_iter().map(|(w, s)| (fold(&w), corpus.term_id(&w), s)).collect(),
        words: ws.iter().map(|w| crate::align::score::hash_word(w)).collect(),
        has_number: ws.iter().any(|w| is_number_word(w)),
        numbers: ws
            .iter()
            .filter(|w| is_number_word(w))
            .map(|w| w.trim_end_matches([',', '.']).replace(',', "").to_lowercase())
            .collect(),
    }
}

/// Finds the discrepancies within every cluster, most significant first.
pub fn find(
    articles: &[Article],
    corpus: &Corpus,
    clusters: &[Cluster],
    anchors: &[Option<Anchor>],
) -> Vec<Discrepancy> {
    let per_cluster: Vec<Vec<Discrepancy>> = crate::par::map_range(clusters.len(), |index| {
        ClusterComparison::new(articles, corpus, index).run(&clusters[index], anchors)
    });
    let mut out: Vec<Discrepancy> = per_cluster.into_iter().flatten().collect();
    order(&mut out);
    out
}

/// Most significant first, then by statement, kind and place.
pub(super) fn order(list: &mut [Discrepancy]) {
    list.sort_by_key(|d| (std::cmp::Reverse(d.kind.significance()), d.cluster, d.kind, d.a.0, d.a.1.start));
}

/// Wordings of one statement compared pairwise at most: beyond, each is
/// compared with the wording most sources carry. Two hundred outlets with
/// twenty versions of a death toll give nineteen disagreements with the
/// version most carry, not a hundred and ninety between every two.
pub const PAIRWISE_WORDINGS: usize = 10;

/// The pairs of wordings (indices, the earlier first) compared, given how
/// many sources carry each: every pair of a few, or the most carried
/// (the earliest on a tie) with each other one.
pub(super) fn compared_wordings(carriers: &[usize]) -> Vec<(usize, usize)> {
    if carriers.len() <= PAIRWISE_WORDINGS {
        return (0..carriers.len()).flat_map(|i| (i + 1..carriers.len()).map(move |j| (i, j))).collect();
    }
    let hub = (0..carriers.len()).max_by_key(|&i| (carriers[i], std::cmp::Reverse(i))).unwrap_or(0);
    (0..carriers.len()).filter(|&other| other != hub).map(|other| (hub.min(other), hub.max(other))).collect()
}

/// Two members of a cluster, with their articles and facts.
struct Pair<'p> {
    first: &'p Member,
    second: &'p Member,
    first_article: &'p Article,
    second_article: &'p Article,
    first_facts: &'p Facts,
    second_facts: &'p Facts,
    /// How many members give each one's words.
    sources: (usize, usize),
}

impl Pair<'_> {
    /// Whether either side also gives the other's figure ("two people have
    /// died; the opposition puts the number at four"): it reports both, and
    /// does not disagree.
    fn gives_both(&self, first: &str, second: &str) -> bool {
        self.second_facts.numbers.iter().any(|n| n == first) || self.first_facts.numbers.iter().any(|n| n == second)
    }

    /// Differences in wording are only comparable where the two reports
    /// are close: reworded sentences put facts in different places, and
    /// words that differ there are not claims that differ.
    fn close(&self) -> bool {
        let (first, second) = (&self.first_facts.words, &self.second_facts.words);
        let total = first.len() + second.len();
        total > 0 && 2.0 * crate::align::score::lcs_len(first, second) as f32 / total as f32 >= CLOSE_RATIO
    }
}

/// The discrepancies of one cluster: every pair of its members compared,
/// a difference in the same words (by kind) kept once.
struct ClusterComparison<'a> {
    articles: &'a [Article],
    corpus: &'a Corpus,
    cluster: usize,
    found: Vec<Discrepancy>,
    seen: Vec<(Kind, String, String)>,
}

impl<'a> ClusterComparison<'a> {
    fn new(articles: &'a [Article], corpus: &'a Corpus, cluster: usize) -> Self {
        ClusterComparison { articles, corpus, cluster, found: Vec::new(), seen: Vec::new() }
    }

    fn run(mut self, cluster: &Cluster, anchors: &[Option<Anchor>]) -> Vec<Discrepancy> {
        let articles = self.articles;
        // Members with the same words, read against the same date, differ
        // from others as their first does (a difference in the same words
        // is kept once): one member per wording keeps two hundred copies
        // of a wire story linear.
        let same = |m: &Member, w: &Member| {
            anchors[m.article] == anchors[w.article]
                && m.span.slice(&articles[m.article].body) == w.span.slice(&articles[w.article].body)
        };
        let mut wordings: Vec<(&Member, usize)> = Vec::new();
        for member in &cluster.members {
            match wordings.iter_mut().find(|(w, _)| same(member, w)) {
                Some((_, carriers)) => *carriers += 1,
                None => wordings.push((member, 1)),
            }
        }
        let facts: Vec<Facts> =
            wordings.iter().map(|(m, _)| facts(&articles[m.article], self.corpus, m, anchors[m.article])).collect();
        for (i, j) in compared_wordings(&wordings.iter().map(|&(_, carriers)| carriers).collect::<Vec<_>>()) {
            let (first, second) = (wordings[i].0, wordings[j].0);
            self.compare(&Pair {
                first,
                second,
                first_article: &articles[first.article],
                second_article: &articles[second.article],
                first_facts: &facts[i],
                second_facts: &facts[j],
                sources: (wordings[i].1, wordings[j].1),
            });
        }
        self.found
    }

    /// Records a discrepancy between words of the pair's first and second
    /// member, unless the same words were already reported.
    fn push(&mut self, kind: Kind, pair: &Pair<'_>, spans: (Span, Span), dates: Option<(When, When)>) {
        self.push_gap(kind, pair, spans, dates, Gap::default());
    }

    /// [`Self::push`], saying how far apart the two are.
    fn push_gap(&mut self, kind: Kind, pair: &Pair<'_>, spans: (Span, Span), dates: Option<(When, When)>, gap: Gap) {
        let first = fold(spans.0.slice(&pair.first_article.body));
        let second = fold(spans.1.slice(&pair.second_article.body));
        let key = if first <= second { (kind, first, second) } else { (kind, second, first) };
        if self.seen.contains(&key) {
            return;
        }
        self.seen.push(key);
        self.found.push(Discrepancy {
            cluster: self.cluster,
            kind,
            a: (pair.first.article, spans.0),
            b: (pair.second.article, spans.1),
            member_a: pair.first.clone(),
            member_b: pair.second.clone(),
            dates,
            difference: gap.difference,
            small: gap.small,
            sources: pair.sources,
        });
    }

    fn compare(&mut self, pair: &Pair<'_>) {
        self.name_variants(pair);
        self.times(pair);
        let close = pair.close();
        // A reworded pair still compares when each gives one number,
        // counting the same thing ("fell 6.5%" / "fell 4% by the close").
        // The word diff is the costliest step here; only a number on each
        // side or a close pair can use it.
        let word_diff = (close || (pair.first_facts.has_number && pair.second_facts.has_number))
            .then(|| diff(&pair.first_article.body, pair.first.span, &pair.second_article.body, pair.second.span));
        if let Some(word_diff) = &word_diff {
            self.replaced_numbers(pair, word_diff, close);
        }
        if !close {
            self.single_counts(pair);
            return;
        }
        self.counts(pair);
        self.dates(pair);
        if let Some(word_diff) = &word_diff {
            self.replaced_names(pair, word_diff);
        }
    }

    /// Names spelled differently but the same: reported whatever the wording.
    fn name_variants(&mut self, pair: &Pair<'_>) {
        for (folded, term, span) in &pair.first_facts.names {
            let second = &pair.second_facts.names;
            if second.iter().any(|(other, _, _)| other == folded) {
                continue;
            }
            if let Some((_, _, other_span)) = second.iter().find(|(other, other_term, _)| {
                other_term == term
                    && other != folded
                    && !is_inflection(folded, other)
                    && !is_derived(folded, other)
                    && spelled_alike(folded, other)
            }) {
                self.push(Kind::Variant, pair, (*span, *other_span), None);
            }
        }
    }

    /// A number replaced by another between the same words ("rose to six
    /// on Tuesday" / "rose to seven on Tuesday"), whatever it counts: one
    /// framing word each side in close reports, two in reworded ones. (A
    /// number with its noun is compared in [`Self::counts`].)
    fn replaced_numbers(&mut self, pair: &Pair<'_>, word_diff: &WordDiff, close: bool) {
        let frame = if close { 1 } else { 2 };
        for (first, second) in replaced_numbers(&pair.first_article.body, &pair.second_article.body, word_diff, frame) {
            let compared = |facts: &Facts, span: Span| {
                facts.counts.iter().any(|count| count.span.overlaps(&span))
                    || facts.clocks.iter().any(|time| time.span.overlaps(&span))
            };
            let value = |body: &str, span: Span| span.slice(body).replace(',', "").to_lowercase();
            let both =
                pair.gives_both(&value(&pair.first_article.body, first), &value(&pair.second_article.body, second));
            if !compared(pair.first_facts, first) && !compared(pair.second_facts, second) && !both {
                self.push(Kind::Number, pair, (first, second), None);
            }
        }
    }

    /// Reworded reports that each give one number of the same thing, told
    /// alike ([`Self::told_alike`]).
    fn single_counts(&mut self, pair: &Pair<'_>) {
        if let ([first], [second]) = (pair.first_facts.counts.as_slice(), pair.second_facts.counts.as_slice()) {
            if first.unit == second.unit
                && first.value != second.value
                && !pair.gives_both(&first.value, &second.value)
                && !bound_met(first, second)
                && !counted_over_other_periods(pair.first_facts, pair.second_facts)
                && self.told_alike(pair, first, second)
            {
                self.push_gap(Kind::Number, pair, (first.span, second.span), None, count_gap(first, second));
            }
        }
    }

    /// Whether two counts of one noun in reworded reports are told alike: a
    /// word that says something, besides the noun, near both ("five people
    /// have died" / "the blast killed two people" share nothing; "25 people
    /// were killed" / "killed 10 people" share "killed"). Two reports of a
    /// story count its people dead, missing, injured or evacuated; the
    /// noun alone does not say which.
    fn told_alike(&self, pair: &Pair<'_>, first: &Count, second: &Count) -> bool {
        let near = |body: &str, member: &Member, count: &Count| -> Vec<u32> {
            let before: Vec<&str> =
                words::words(&body[member.span.start..count.span.start]).map(|(_, word)| word).collect();
            let after = words::words(&body[count.span.end..member.span.end]).map(|(_, word)| word).take(COUNT_CONTEXT);
            let mut terms: Vec<u32> = before[before.len().saturating_sub(COUNT_CONTEXT)..]
                .iter()
                .copied()
                .chain(after)
                .filter(|word| !is_stopword(&word.to_lowercase()) && !is_number_word(word))
                .filter_map(|word| self.corpus.term_id(word))
                .collect();
            terms.sort_unstable();
            terms
        };
        let unit = self.corpus.term_id(&first.unit);
        let first_terms = near(&pair.first_article.body, pair.first, first);
        let second_terms = near(&pair.second_article.body, pair.second, second);
        first_terms.iter().any(|term| Some(*term) != unit && second_terms.binary_search(term).is_ok())
    }

    /// Numbers counting the same thing.
    fn counts(&mut self, pair: &Pair<'_>) {
        let second_counts = &pair.second_facts.counts;
        for first in &pair.first_facts.counts {
            if let Some(second) = second_counts.iter().find(|count| count.unit == first.unit) {
                let also_given =
                    second_counts.iter().any(|count| count.unit == first.unit && count.value == first.value);
                if !also_given
                    && first.value != second.value
                    && !pair.gives_both(&first.value, &second.value)
                    && !bound_met(first, second)
                {
                    self.push_gap(Kind::Number, pair, (first.span, second.span), None, count_gap(first, second));
                }
            }
        }
    }

    /// Times of day: one each (a time in brackets, the same moment in
    /// another zone, aside), and they differ.
    fn times(&mut self, pair: &Pair<'_>) {
        let own = |facts: &Facts| -> Vec<Clock> { facts.clocks.iter().filter(|c| !c.aside).copied().collect() };
        if let ([first], [second]) = (own(pair.first_facts).as_slice(), own(pair.second_facts).as_slice()) {
            // "11 p.m. ET" and "10 p.m. CDT" are one moment.
            let Some(apart) = clock::minutes_apart_in_zones(first, second) else { return };
            if apart > 0 {
                let small = (first.approx || second.approx) && apart <= SMALL_MINUTES;
                let unit = if apart == 1 { "minute" } else { "minutes" };
                let gap = Gap { difference: Some(format!("{apart} {unit}")), small };
                self.push_gap(Kind::Time, pair, (first.span, second.span), None, gap);
            }
        }
    }

    /// Dates: one each, in different words, and they do not agree. The
    /// same words ("on Wednesday" and "Wednesday") read against two
    /// articles' dates (a copy run a week later, an undated copy placed by
    /// its story) say the same thing: the sources do not disagree.
    fn dates(&mut self, pair: &Pair<'_>) {
        if let ([(first, first_span)], [(second, second_span)]) =
            (pair.first_facts.dates.as_slice(), pair.second_facts.dates.as_slice())
        {
            let same_words = date_words(first_span.slice(&pair.first_article.body))
                == date_words(second_span.slice(&pair.second_article.body));
            if !first.compatible(second) && !same_words {
                self.push(Kind::Date, pair, (*first_span, *second_span), Some((*first, *second)));
            }
        }
    }

    /// A name replaced between words both sides share.
    fn replaced_names(&mut self, pair: &Pair<'_>, word_diff: &WordDiff) {
        for window in word_diff.chunks.windows(4) {
            let framed = window[0].change == Change::Equal && window[3].change == Change::Equal;
            if !framed || window[1].change != Change::Delete || window[2].change != Change::Insert {
                continue;
            }
            let first = window[1].a.slice(&pair.first_article.body);
            let second = window[2].b.slice(&pair.second_article.body);
            if is_number_word(first) && is_number_word(second) {
                continue;
            }
            if !(is_short_name(first) && is_short_name(second)) {
                continue;
            }
            let before = window[0].a.slice(&pair.first_article.body);
            let after = window[3].a.slice(&pair.first_article.body);
            if names_a_source(before, after) || abbreviates(first, second) || abbreviates(second, first) {
                continue;
            }
            let terms = |text: &str| words::words(text).map(|(_, word)| self.corpus.term_id(word)).collect::<Vec<_>>();
            if terms(first) != terms(second) {
                self.push(Kind::Name, pair, (window[1].a, window[2].b), None);
            }
        }
    }
}

/// Whether `short` holds an initialism of words that open `long` ("U.S.
/// State" / "United States", "UN" / "United Nations agency"): the same name
/// written short, not another name.
fn abbreviates(short: &str, long: &str) -> bool {
    let initials: String =
        words::words(long).filter_map(|(_, word)| word.chars().next()).flat_map(char::to_lowercase).collect();
    short.split_whitespace().any(|token| {
        let letters: String = token.chars().filter(|c| c.is_alphabetic()).collect();
        let initialism = letters.chars().count() >= 2
            && letters.chars().all(char::is_uppercase)
            && (token.contains('.') || letters.chars().count() <= 4);
        initialism && initials.starts_with(&letters.to_lowercase())
    })
}

/// Whether a name between `before` and `after` is who reports ("..., the
/// Halden Post reported", "according to Reuters"): outlets crediting
/// different sources for one statement do not disagree about it.
fn names_a_source(before: &str, after: &str) -> bool {
    let next = words::words(after).next().map(|(_, word)| word.to_lowercase());
    let previous: Vec<String> = words::words(before).map(|(_, word)| word.to_lowercase()).collect();
    let according = previous.len() >= 2 && previous[previous.len() - 2..] == ["according", "to"];
    according || next.is_some_and(|word| crate::text::lexicon::is_reporting_verb(&word))
}

/// Whether two reworded reports count over different periods: each names
/// a time ("detained overnight" / "detained this week"), and no time of one
/// is a time of the other at the same precision. Two counts of different
/// periods do not disagree.
fn counted_over_other_periods(first: &Facts, second: &Facts) -> bool {
    let same = |(x, _): &(When, Span)| second.dates.iter().any(|(y, _)| x.precision == y.precision && x.compatible(y));
    !first.dates.is_empty() && !second.dates.is_empty() && !first.dates.iter().any(same)
}

/// How far apart two counts of one thing are; small when a hedge on
/// either side allows it ("about 240" / "241").
pub(super) fn count_gap(first: &Count, second: &Count) -> Gap {
    let (Ok(a), Ok(b)) = (first.value.parse::<f64>(), second.value.parse::<f64>()) else { return Gap::default() };
    let apart = (a - b).abs();
    let small = (first.approx || second.approx) && apart <= SMALL_SHARE * a.abs().max(b.abs());
    let points = if first.unit == "percent" { " percentage points" } else { "" };
    let apart = if apart.fract() == 0.0 {
        format!("{apart:.0}")
    } else {
        format!("{apart:.2}").trim_end_matches('0').to_string()
    };
    Gap { difference: Some(format!("{apart}{points}")), small }
}

/// One folded name is the other's plural or possessive ("catholics" /
/// "catholic"): the same word, no variant and no disagreement.
fn is_inflection(first: &str, second: &str) -> bool {
    let (short, long) = if first.len() <= second.len() { (first, second) } else { (second, first) };
    let plural_y = short.strip_suffix('y').is_some_and(|stem| long.strip_prefix(stem) == Some("ies"));
    plural_y || long.strip_prefix(short).is_some_and(|rest| matches!(rest, "s" | "es" | "'s" | "’s"))
}

/// A name and a word made from it (Venezuela / Venezuelan, Iran /
/// Iranian, Japan / Japanese, Israel / Israeli): two words, not two
/// spellings of one.
fn is_derived(first: &str, second: &str) -> bool {
    let (short, long) = if first.len() <= second.len() { (first, second) } else { (second, first) };
    const SUFFIXES: &[&str] = &["n", "an", "ian", "ese", "i", "ish", "ic"];
    // "ukraine" / "ukrainian", "china" / "chinese": a final vowel gives way.
    let stems = [Some(short), short.strip_suffix(['a', 'e'])];
    stems.into_iter().flatten().any(|stem| long.strip_prefix(stem).is_some_and(|rest| SUFFIXES.contains(&rest)))
}

/// Two folded names whose letters say they are one name spelled two ways
/// (kiev/kyiv, zelensky/zelenskyy, dan/daniel), not two names an outlet
/// uses for one thing ("pentagon" / "army").
fn spelled_alike(first: &str, second: &str) -> bool {
    let similarity = strsim::normalized_damerau_levenshtein(first, second);
    let same_initial = first.chars().next() == second.chars().next();
    let short_form = first.len().min(second.len()) >= 3 && (first.starts_with(second) || second.starts_with(first));
    similarity >= 0.75 || (same_initial && similarity >= 0.5) || short_form
}

/// One to three words, each a name.
fn is_short_name(text: &str) -> bool {
    let names: Vec<&str> = words::words(text).map(|(_, word)| word).collect();
    !names.is_empty() && names.len() <= 3 && names.iter().all(|word| is_name(word))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixture;

    fn find_in(texts: &[&str]) -> (Vec<Article>, Vec<Discrepancy>) {
        let fixture::Matched { articles, corpus, matches } = fixture::matched(texts);
        let clusters = super::super::clusters::build(&articles, &matches, &crate::align::Copies::default(), None);
        let discrepancies = find(&articles, &corpus, &clusters, &crate::timeline::anchors(&articles));
        (articles, discrepancies)
    }

    fn text(arts: &[Article], side: (usize, Span)) -> &str {
        side.1.slice(&arts[side.0].body)
    }

    #[test]
    fn a_changed_number_is_a_disagreement() {
        let (arts, d) = find_in(&[
            "Title A\n2025-11-20\n\nRussian strikes on Ternopil killed at least 25 people, including three children, officials said.",
            "Title B\n2025-11-20\n\nRussian strikes on Ternopil killed at least 10 people, including three children, officials said.",
        ]);
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(d[0].kind, Kind::Number);
        assert_eq!((text(&arts, d[0].a), text(&arts, d[0].b)), ("at least 25 people", "at least 10 people"));
    }

    #[test]
    fn a_different_ordinal_in_the_same_words_is_a_disagreement() {
        let (arts, d) = find_in(&[
            "Title A\n2025-07-31\n\nProtesters marched through Valencia on the third day of demonstrations against the result.",
            "Title B\n2025-07-31\n\nProtesters marched through Valencia on the fourth day of demonstrations against the result.",
            "Title C\n2025-07-31\n\nProtesters marched through Valencia on the 3rd day of demonstrations against the result.",
        ]);
        let numbers: Vec<(&str, &str)> =
            d.iter().filter(|x| x.kind == Kind::Number).map(|x| (text(&arts, x.a), text(&arts, x.b))).collect();
        // "third" and "3rd" agree; "fourth" differs from each.
        assert_eq!(numbers, [("third", "fourth"), ("fourth", "3rd")], "{d:?}");
    }

    #[test]
    fn a_number_replaced_in_the_same_words_is_a_disagreement() {
        let (arts, d) = find_in(&[
            "Title A\n2025-10-21\n\nThe death toll from the collapse of the Lhotka dam above the town rose to six on Tuesday morning, police said.",
            "Title B\n2025-10-21\n\nThe death toll from the collapse of the Lhotka dam above the town rose to seven on Tuesday morning, police said.",
        ]);
        let numbers: Vec<(&str, &str)> =
            d.iter().filter(|x| x.kind == Kind::Number).map(|x| (text(&arts, x.a), text(&arts, x.b))).collect();
        assert_eq!(numbers, [("six", "seven")], "{d:?}");
    }

    #[test]
    fn a_reworded_pair_with_one_number_each_is_compared() {
        let (arts, d) = find_in(&[
            "Title A\n2025-03-14\n\nHalvard's shares in Frankfurt fell 6.5% after the Brinetech ruling.",
            "Title B\n2025-03-14\n\nAfter the Brinetech ruling, shares of Halvard in Frankfurt closed 4% lower.",
        ]);
        let n = d.iter().find(|x| x.kind == Kind::Number).expect("a number discrepancy");
        assert_eq!((text(&arts, n.a), text(&arts, n.b)), ("6.5% after", "4% lower"));
    }

    #[test]
    fn spelling_variants_are_labelled_not_disagreements() {
        let (arts, d) = find_in(&[
            "A US army delegation led by Army Secretary Daniel Driscoll travelled to Kiev on Wednesday for talks with Zelenskyy.",
            "A US army delegation led by Army Secretary Dan Driscoll travelled to Kyiv on Wednesday for talks with Zelensky.",
        ]);
        let kinds: Vec<Kind> = d.iter().map(|x| x.kind).collect();
        assert!(kinds.iter().all(|k| *k == Kind::Variant), "{d:?}");
        let pairs: Vec<(&str, &str)> = d.iter().map(|x| (text(&arts, x.a), text(&arts, x.b))).collect();
        assert!(pairs.contains(&("Daniel", "Dan")));
        assert!(pairs.contains(&("Kiev", "Kyiv")));
        assert!(pairs.contains(&("Zelenskyy", "Zelensky")));
    }

    #[test]
    fn times_of_day_differ_by_minutes_and_a_hedge_makes_it_small() {
        let (arts, d) = find_in(&[
            "Title A\n2025-05-08\n\nThe bells of the cathedral rang out at 6:07 p.m. local time across the old city of Braga.",
            "Title B\n2025-05-08\n\nThe bells of the cathedral rang out at about 6:10 pm local time [1:10 am, Macau time] across the old city of Braga.",
        ]);
        let time = d.iter().find(|x| x.kind == Kind::Time).expect("a time discrepancy");
        assert_eq!((text(&arts, time.a), text(&arts, time.b)), ("6:07 p.m.", "about 6:10 pm"));
        assert_eq!((time.difference.as_deref(), time.small), (Some("3 minutes"), true));
        assert!(d.iter().all(|x| x.kind != Kind::Number), "{d:?}");
    }

    #[test]
    fn times_in_named_zones_are_compared_in_one_zone() {
        let (_, d) = find_in(&[
            "Title A\n2025-08-26\n\nThe storm came ashore between Halden Point and Marrow Bay at 11 p.m. ET on Friday, the weather service said.",
            "Title B\n2025-08-26\n\nThe storm came ashore between Halden Point and Marrow Bay at 10 p.m. CDT on Friday, the weather service said.",
            "Title C\n2025-08-26\n\nThe storm came ashore between Halden Point and Marrow Bay at about 10 p.m. on Friday, the weather service said.",
        ]);
        assert!(d.iter().all(|x| x.kind != Kind::Time), "{d:?}");
        // Converted, a real gap is still one.
        let (_, d) = find_in(&[
            "Title A\n2025-08-26\n\nThe storm came ashore between Halden Point and Marrow Bay at 11:30 p.m. ET on Friday, the weather service said.",
            "Title B\n2025-08-26\n\nThe storm came ashore between Halden Point and Marrow Bay at 10 p.m. CDT on Friday, the weather service said.",
        ]);
        let time = d.iter().find(|x| x.kind == Kind::Time).expect("a time discrepancy");
        assert_eq!(time.difference.as_deref(), Some("30 minutes"));
    }

    #[test]
    fn a_number_in_a_name_is_no_count() {
        let (_, d) = find_in(&[
            "Title A\n2025-03-10\n\nThe Halvair Flight HV 318 crashed on Sunday shortly after taking off from Dunmore.",
            "Title B\n2025-03-10\n\nA Halvair Boeing 737 crashed on Sunday morning, minutes after taking off from Dunmore.",
        ]);
        assert!(d.iter().all(|x| x.kind != Kind::Number), "{d:?}");
    }

    #[test]
    fn a_hedged_count_close_to_another_is_a_small_difference() {
        let (_, d) = find_in(&[
            "Title A\n2025-06-12\n\nAbout 240 people were on board the plane that crashed near the airport in Ahmedabad on Thursday.",
            "Title B\n2025-06-12\n\nA total of 242 people were on board the plane that crashed near the airport in Ahmedabad on Thursday.",
        ]);
        let number = d.iter().find(|x| x.kind == Kind::Number).expect("a number discrepancy");
        assert_eq!((number.difference.as_deref(), number.small), (Some("2"), true));
        let (_, d) = find_in(&[
            "Title A\n2025-06-12\n\nAt least 25 people were on board the bus that crashed near the bridge in Pune on Thursday.",
            "Title B\n2025-06-12\n\nAt least 10 people were on board the bus that crashed near the bridge in Pune on Thursday.",
        ]);
        let number = d.iter().find(|x| x.kind == Kind::Number).expect("a number discrepancy");
        assert_eq!((number.difference.as_deref(), number.small), (Some("15"), false));
    }

    #[test]
    fn plurals_and_different_names_are_not_spelling_variants() {
        let (_, d) = find_in(&[
            "The new archbishop will lead the two million Catholics of the region from the cathedral in Braga.",
            "The new archbishop will lead the two million Catholic faithful of the region from the cathedral in Braga.",
        ]);
        assert!(d.iter().all(|x| x.kind != Kind::Variant), "{d:?}");
        assert!(is_inflection("catholics", "catholic") && is_inflection("city", "cities"));
        assert!(!spelled_alike("pentagon", "army") && !spelled_alike("burma", "myanmar"));
        assert!(spelled_alike("kiev", "kyiv") && spelled_alike("dan", "daniel") && spelled_alike("gaddafi", "qaddafi"));
    }

    #[test]
    fn a_different_weekday_is_a_date_disagreement() {
        let (arts, d) = find_in(&[
            "Title A\n2025-11-20\n\nForeign ministry spokeswoman Maria Zakharova said on Wednesday that Moscow received no proposal.",
            "Title B\n2025-11-20\n\nForeign ministry spokeswoman Maria Zakharova said on Tuesday that Moscow received no proposal.",
        ]);
        let date = d.iter().find(|x| x.kind == Kind::Date).expect("a date discrepancy");
        assert_eq!((text(&arts, date.a), text(&arts, date.b)), ("on Wednesday", "on Tuesday"));
    }

    #[test]
    fn the_same_weekday_read_against_other_dates_is_no_disagreement() {
        let (_, d) = find_in(&[
            "Title A\n2025-11-20\n\nForeign ministry spokeswoman Maria Zakharova said on Wednesday that Moscow received no proposal.",
            "Title B\n2025-11-28\n\nForeign ministry spokeswoman Maria Zakharova said Wednesday that Moscow received no proposal.",
        ]);
        assert!(d.iter().all(|x| x.kind != Kind::Date), "{d:?}");
        // The same pair with another weekday is compared, and disagrees.
        let (_, d) = find_in(&[
            "Title A\n2025-11-20\n\nForeign ministry spokeswoman Maria Zakharova said on Wednesday that Moscow received no proposal.",
            "Title B\n2025-11-28\n\nForeign ministry spokeswoman Maria Zakharova said Tuesday that Moscow received no proposal.",
        ]);
        assert!(d.iter().any(|x| x.kind == Kind::Date), "{d:?}");
        assert_ne!(date_words("earlier in the week"), date_words("later in the week"));
    }

    #[test]
    fn a_different_name_in_the_same_place_is_reported() {
        let (arts, d) = find_in(&[
            "The delegation led by Army Secretary Daniel Driscoll and General Randy George arrived in Kyiv for talks on strategy.",
            "The delegation led by Army Secretary Mark Esper and General Randy George arrived in Kyiv for talks on strategy.",
        ]);
        let name = d.iter().find(|x| x.kind == Kind::Name).expect("a name discrepancy");
        assert_eq!((text(&arts, name.a), text(&arts, name.b)), ("Daniel Driscoll", "Mark Esper"));
    }

    #[test]
    fn many_wordings_are_each_compared_with_the_most_carried() {
        assert_eq!(compared_wordings(&[3, 1, 1]), [(0, 1), (0, 2), (1, 2)]);
        let mut carriers = vec![1; PAIRWISE_WORDINGS + 2];
        carriers[4] = 5;
        let pairs = compared_wordings(&carriers);
        assert_eq!(pairs.len(), PAIRWISE_WORDINGS + 1);
        assert!(pairs.iter().all(|&(i, j)| i == 4 || j == 4), "{pairs:?}");
    }

    #[test]
    fn a_bound_the_other_figure_meets_is_no_disagreement() {
        let (_, found) = find_in(&[
            "The plane had 242 passengers on board when it crashed near the airport on Thursday.",
            "The plane had over 200 passengers on board when it crashed near the airport on Thursday.",
        ]);
        assert!(found.is_empty(), "{found:?}");
        // A bound the figure does not meet, or two bounds, still disagree.
        let (_, found) = find_in(&[
            "The plane had 180 passengers on board when it crashed near the airport on Thursday.",
            "The plane had over 200 passengers on board when it crashed near the airport on Thursday.",
        ]);
        assert_eq!(found.len(), 1, "{found:?}");
        let (_, found) = find_in(&[
            "At least 25 people died when the dam gave way above the town on Tuesday.",
            "At least 10 people died when the dam gave way above the town on Tuesday.",
        ]);
        assert_eq!(found.len(), 1, "{found:?}");
    }

    #[test]
    fn reworded_counts_of_one_noun_are_compared_only_when_told_alike() {
        // The dead and the missing of one dam failure: no disagreement.
        let (_, found) = find_in(&[
            "At least five people have died since the earthen Vrbno dam above Halvik gave way on Tuesday, officials said.",
            "Rescuers were still searching for two people on Wednesday, officials said, after the earthen Vrbno dam above \
             Halvik gave way.",
        ]);
        assert!(found.iter().all(|d| d.kind != Kind::Number), "{found:?}");
        // The dead of one blast, counted twice: a disagreement.
        let (_, found) = find_in(&[
            "At least 25 people were killed when a gas blast tore through the Halvik market on Tuesday morning.",
            "The Tuesday morning gas blast at the crowded Halvik market killed 10 people, according to police.",
        ]);
        assert_eq!(found.iter().filter(|d| d.kind == Kind::Number).count(), 1, "{found:?}");
    }

    #[test]
    fn a_report_that_also_gives_the_other_figure_does_not_disagree() {
        let (_, found) = find_in(&[
            "Four people have died in the protests in Caracas since Sunday, the opposition said on Wednesday.",
            "Two people have died in the protests in Caracas since Sunday, officials said; the opposition said \
             on Wednesday the number was four.",
        ]);
        assert!(found.iter().all(|d| d.kind != Kind::Number), "{found:?}");
    }

    #[test]
    fn a_verb_of_saying_after_a_number_is_no_thing_counted() {
        let text = "Officials in the district of Varn 12 said 40 families had left.";
        let found: Vec<(String, String)> =
            counts(text, Span::new(0, text.len())).into_iter().map(|c| (c.value, c.unit)).collect();
        assert_eq!(found, [("40".to_string(), "famili".to_string())]);
    }

    #[test]
    fn a_name_and_its_derived_word_are_not_spellings_of_one() {
        for (name, word) in [
            ("venezuela", "venezuelan"),
            ("iran", "iranian"),
            ("china", "chinese"),
            ("ukraine", "ukrainian"),
            ("israel", "israeli"),
        ] {
            assert!(is_derived(name, word) && is_derived(word, name), "{name} / {word}");
        }
        for (one, other) in [("kiev", "kyiv"), ("dan", "daniel"), ("zelensky", "zelenskyy")] {
            assert!(!is_derived(one, other), "{one} / {other}");
        }
        let (arts, d) = find_in(&[
            "Title A\n2025-07-30\n\nProtesters marched through Caracas after the Venezuela election result was announced on Monday.",
            "Title B\n2025-07-30\n\nProtesters marched through Caracas after the Venezuelan election result was announced on Monday.",
        ]);
        assert!(d.is_empty(), "{:?}", d.iter().map(|x| (text(&arts, x.a), text(&arts, x.b))).collect::<Vec<_>>());
    }

    #[test]
    fn a_name_written_as_its_initials_is_the_same_name() {
        assert!(abbreviates("U.S. State", "United States"));
        assert!(abbreviates("UN", "United Nations"));
        assert!(!abbreviates("Renfe", "Iryo"));
        assert!(!abbreviates("US", "Russia"));
        let (arts, d) = find_in(&[
            "Title A\n2025-07-30\n\nThe United States Department of State said on Monday that it had serious concerns about the count.",
            "Title B\n2025-07-30\n\nThe U.S. State Department said on Monday that it had serious concerns about the count.",
        ]);
        assert!(
            d.iter().all(|x| x.kind != Kind::Name),
            "{:?}",
            d.iter().map(|x| (text(&arts, x.a), text(&arts, x.b))).collect::<Vec<_>>()
        );
    }

    #[test]
    fn counts_of_different_periods_do_not_disagree() {
        let (arts, d) = find_in(&[
            "Title A\n2025-07-31\n\nThe attorney general said 214 people had been detained overnight for acts of vandalism in Caracas.",
            "Title B\n2025-07-31\n\nMore than 300 people have been detained in Caracas this week for acts of vandalism, according to the NGO.",
        ]);
        let sides: Vec<_> = d.iter().map(|x| (text(&arts, x.a), text(&arts, x.b))).collect();
        assert!(d.iter().all(|x| x.kind != Kind::Number), "{sides:?}");
        // The same period: a disagreement.
        let (arts, d) = find_in(&[
            "Title A\n2025-07-31\n\nThe attorney general said 214 people had been detained overnight for acts of vandalism in Caracas.",
            "Title B\n2025-07-31\n\nMore than 300 people were detained overnight in Caracas for acts of vandalism, according to the NGO.",
        ]);
        let sides: Vec<_> = d.iter().map(|x| (text(&arts, x.a), text(&arts, x.b))).collect();
        assert!(d.iter().any(|x| x.kind == Kind::Number), "{sides:?}");
    }

    #[test]
    fn a_name_crediting_a_report_names_a_source() {
        assert!(names_a_source("early on Tuesday, the", " reported."));
        assert!(names_a_source("early on Tuesday, according to", "."));
        assert!(names_a_source("the council,", " told reporters"));
        assert!(!names_a_source("the mayor of", " asked residents to stay away"));
        assert!(!names_a_source("delegation travelled to", " on Wednesday"));
    }

    #[test]
    fn agreeing_sources_have_no_discrepancies() {
        let (_, d) = find_in(&[
            "Peskov said there were no such plans to meet Driscoll in Moscow this week.",
            "Peskov said there were no such plans to meet Driscoll in Moscow this week.",
        ]);
        assert!(d.is_empty(), "{d:?}");
    }
}
