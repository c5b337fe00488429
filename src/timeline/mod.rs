//! Timeline: the dated events of a story. Temporal expressions are found in
//! every sentence ([`expr`]), resolved against each article's publication
//! date ([`resolve`]), turned into mentions ([`mention`]), and mentions of
//! the same happening from different sources are merged into one event.

pub mod expr;
pub mod mention;
pub mod resolve;

use jiff::civil::Date;

pub use mention::{Basis, Mention};
pub use resolve::{Anchor, Precision, When};

use std::collections::{HashMap, HashSet};

use crate::align::{Corpus, SentenceMatch, SentenceRef};
use crate::ingest::Article;
use crate::text::words;

/// One happening, as reported by one or more sources.
#[derive(Debug, Clone, PartialEq)]
pub struct Event {
    /// `ev-N`, numbered in chronological order.
    pub id: String,
    pub when: When,
    pub basis: Basis,
    /// Words taken from one of its sentences.
    pub summary: String,
    /// One per source, in article order.
    pub mentions: Vec<Mention>,
}

/// The date that articles without a date of their own are read against: the
/// median of the dates the other articles give.
pub fn reference_date(articles: &[Article]) -> Option<Date> {
    let mut dates: Vec<Date> = articles.iter().filter_map(|a| a.published.map(|p| p.date)).collect();
    if dates.is_empty() {
        return None;
    }
    dates.sort();
    Some(dates[(dates.len() - 1) / 2])
}

/// What each article's relative dates are read against: its own date, or
/// for an undated one the set's median date and the span of its dates.
pub fn anchors(articles: &[Article]) -> Vec<Option<Anchor>> {
    let reference = reference_date(articles);
    let dates = articles.iter().filter_map(|a| a.published.map(|p| p.date));
    let window = dates.clone().min().zip(dates.max());
    articles
        .iter()
        .map(|a| match a.published {
            Some(p) => Some(Anchor::dated(p.date)),
            None => reference.map(|date| Anchor { date, window }),
        })
        .collect()
}

/// Minimum content overlap for two mentions with compatible dates to be the
/// same happening; statements merged by content alone need more.
const MERGE_DICE: f32 = 0.3;
const MERGE_CONTAINMENT: f32 = 0.5;
/// In rare-term units (see `Corpus::unit`).
const MERGE_SHARED: f32 = 1.45;
const MERGE_REPORTED_DICE: f32 = 0.4;

/// Builds the merged timeline. Adds a warning to every article whose
/// relative dates were resolved against the set's reference date.
/// `matches` are the sentence pairs the alignment found to report the same
/// thing: mentions in such sentences may merge on that evidence alone.
pub fn build(articles: &mut [Article], corpus: &Corpus, matches: &[SentenceMatch]) -> Vec<Event> {
    let anchors = anchors(articles);
    for (a, anchor) in articles.iter_mut().zip(&anchors).filter(|(a, _)| a.published.is_none()) {
        let note = match anchor {
            Some(Anchor { date, window: Some((lo, hi)) }) => format!(
                "relative dates resolved against {date}, the median publication date of the other articles; \
                 weekdays to the nearest such day to their dates ({lo} to {hi})"
            ),
            Some(Anchor { date, .. }) => {
                format!("relative dates resolved against {date}, the median publication date of the other articles")
            }
            None => "no article in the set gives a date: relative dates are not resolved".to_string(),
        };
        a.warnings.push(crate::ingest::Warning::note(note));
    }
    let all: Vec<Vec<Mention>> =
        crate::par::map_range(articles.len(), |i| mention::mentions(i, &articles[i], anchors[i]));
    let mentions: Vec<Mention> = all.into_iter().flatten().collect();
    let aligned: HashSet<(SentenceRef, SentenceRef)> = matches.iter().map(|m| (m.a, m.b)).collect();
    merge(articles, corpus, &aligned, mentions)
}

/// Content terms of a mention, without the words of its date.
fn mention_terms(articles: &[Article], corpus: &Corpus, m: &Mention) -> Vec<u32> {
    let body = &articles[m.article].body;
    let mut text = m.span.slice(body).to_string();
    if let Some(e) = m.expression_span.filter(|e| m.span.start <= e.start && e.end <= m.span.end) {
        let (s, t) = (e.start - m.span.start, e.end - m.span.start);
        text.replace_range(s..t, " ");
    }
    corpus.lookup(&text)
}

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

/// Content terms of the words around a mention's date expression.
fn nucleus_terms(articles: &[Article], corpus: &Corpus, m: &Mention) -> Vec<u32> {
    let Some(e) = m.expression_span.filter(|e| m.span.start <= e.start && e.end <= m.span.end) else {
        return Vec::new();
    };
    let body = &articles[m.article].body;
    let before: Vec<&str> = body[m.span.start..e.start].split_whitespace().collect();
    let after = body[e.end..m.span.end].split_whitespace().take(NUCLEUS_WORDS);
    let mut near: Vec<&str> = before[before.len().saturating_sub(NUCLEUS_WORDS)..].to_vec();
    near.extend(after);
    corpus.lookup(&near.join(" "))
}

/// Whether a mention's date allows it to be the same happening as an
/// event's (dated `when` on `basis`): nested dates, or a statement reported
/// within days of a dated one.
fn dates_fit(m: &Mention, when: When, basis: Basis) -> bool {
    let close = |reported: Date, dated: &When| {
        let (lo, hi) = dated.bounds();
        hi <= reported && reported.since(lo).is_ok_and(|s| s.get_days() <= 7)
    };
    match (m.basis, basis) {
        (Basis::Dated, Basis::Dated) => m.when.compatible(&when),
        (Basis::Reported, Basis::Dated) => close(m.when.start, &when),
        (Basis::Dated, Basis::Reported) => close(when.start, &m.when),
        (Basis::Reported, Basis::Reported) => m.when.start.since(when.start).is_ok_and(|s| s.get_days().abs() <= 2),
    }
}

/// Two reports of one limit counted from their articles' dates ("within 30
/// days"): the same words, from articles published within a week.
fn same_window(a: Option<(i32, expr::Unit)>, wa: When, b: Option<(i32, expr::Unit)>, wb: When) -> bool {
    a.is_some() && a == b && wa.start.since(wb.start).is_ok_and(|s| s.get_days().abs() <= 7)
}

/// An event while it is built: the mentions it shows (one per article) and
/// every mention it took, including a second report of the same happening
/// in an article it already holds (absorbed: it links like any member but
/// is not listed twice).
struct Draft {
    when: When,
    basis: Basis,
    /// The limit its first mention counts from its article's date.
    window: Option<(i32, expr::Unit)>,
    /// Mention indices shown, one per article.
    kept: Vec<usize>,
    /// Every mention index taken.
    members: Vec<usize>,
}

fn merge(
    articles: &[Article],
    corpus: &Corpus,
    aligned: &HashSet<(SentenceRef, SentenceRef)>,
    mut mentions: Vec<Mention>,
) -> Vec<Event> {
    // Precise dates first, so coarser mentions join the event they refine.
    mentions.sort_by_key(|m| (m.basis, std::cmp::Reverse(m.when.precision), m.article, m.sentence, m.span.start));
    let terms: Vec<Vec<u32>> = crate::par::map(&mentions, |m| mention_terms(articles, corpus, m));
    let nuclei: Vec<Vec<u32>> = crate::par::map(&mentions, |m| nucleus_terms(articles, corpus, m));
    // How alike two mentions are, when they report the same happening.
    let link = |a: usize, b: usize| -> Option<f32> {
        let (x, y) = (&mentions[a], &mentions[b]);
        let (hx, hy) = ((x.article, x.sentence), (y.article, y.sentence));
        let s = corpus.score(&terms[a], &terms[b]);
        // Sentences the alignment matched, when these parts of them (a
        // clause each, perhaps) still share what they say.
        let same_report = (aligned.contains(&(hx, hy)) || aligned.contains(&(hy, hx))) && s.n_shared >= 2;
        // A statement placed only by its article's date needs more evidence
        // than two dates that agree.
        let any_reported = x.basis == Basis::Reported || y.basis == Basis::Reported;
        let same_day = !any_reported
            && x.when.precision == Precision::Day
            && (x.when == y.when || same_window(x.window, x.when, y.window, y.when));
        let near = || {
            let n = corpus.score(&nuclei[a], &nuclei[b]);
            n.n_shared >= 2 && n.rare >= NUCLEUS_SHARED && !actors_differ(corpus, &mentions, &nuclei, &nuclei, a, b)
        };
        let enough = s.n_shared >= 2
            && if any_reported {
                s.dice >= MERGE_REPORTED_DICE
            } else {
                s.dice >= MERGE_DICE || (s.containment >= MERGE_CONTAINMENT && s.rare >= MERGE_SHARED)
            };
        // Or, on the same day, many shared terms in differently built
        // sentences, or the same distinctive number ("rose to 318").
        let many = same_day && s.n_shared >= SAME_DAY_TERMS && s.rare >= SAME_DAY_SHARED;
        // A count is rarely the same by chance; a figure such as "1.2%"
        // may be, so it must come from the same actors.
        let number = || {
            same_day
                && match shared_figure(corpus, &terms[a], &terms[b]) {
                    Some(Figure::Count) => true,
                    Some(Figure::Decimal) => !actors_differ(corpus, &mentions, &nuclei, &terms, a, b),
                    None => false,
                }
        };
        (enough || same_report || same_day && near() || many || number()).then_some(s.dice.max(if same_report {
            MERGE_REPORTED_DICE
        } else {
            0.0
        }))
    };
    // A brief report of a happening several sources agree on ("They put in
    // an appeal on Friday."): what every source the event shows names.
    let brief = |mi: usize, d: &Draft| -> Option<f32> {
        let m = &mentions[mi];
        let dated_day = |b: Basis, w: When| b == Basis::Dated && w.precision == Precision::Day;
        if !dated_day(m.basis, m.when) || !dated_day(d.basis, d.when) || m.when != d.when {
            return None;
        }
        if d.kept.len() < 2 || terms[mi].len() > BRIEF_TERMS {
            return None;
        }
        let common: Vec<u32> =
            terms[d.kept[0]].iter().copied().filter(|t| d.kept[1..].iter().all(|&k| terms[k].contains(t))).collect();
        let s = corpus.score(&terms[mi], &common);
        let agree = s.n_shared >= 1
            && s.rare >= BRIEF_SHARED
            && !d.kept.iter().any(|&k| actors_differ(corpus, &mentions, &nuclei, &terms, mi, k));
        agree.then_some(s.rare)
    };
    // Two reports in one article: the same happening told twice, never two
    // dates of one sentence (those were cut apart on purpose).
    let twice = |a: usize, b: usize| mentions[a].sentence != mentions[b].sentence && link(a, b).is_some();
    // The same article's mention an event already shows, if any.
    let shown = |d: &Draft, article: usize| d.kept.iter().copied().find(|&k| mentions[k].article == article);
    let mut drafts: Vec<Draft> = Vec::new();
    // Only events sharing a term with a mention, or holding a sentence the
    // alignment matched with the mention's, can take it: indexes keep the
    // merge linear in the number of mentions.
    let mut by_term: HashMap<u32, Vec<usize>> = HashMap::new();
    let mut by_sentence: HashMap<SentenceRef, Vec<usize>> = HashMap::new();
    let mut neighbours: HashMap<SentenceRef, Vec<SentenceRef>> = HashMap::new();
    for &(x, y) in aligned {
        neighbours.entry(x).or_default().push(y);
        neighbours.entry(y).or_default().push(x);
    }
    let mut candidates: Vec<usize> = Vec::new();
    for (mi, m) in mentions.iter().enumerate() {
        let here = (m.article, m.sentence);
        candidates.clear();
        for t in terms[mi].iter().chain(&nuclei[mi]) {
            candidates.extend(by_term.get(t).into_iter().flatten());
        }
        for n in neighbours.get(&here).into_iter().flatten() {
            candidates.extend(by_sentence.get(n).into_iter().flatten());
        }
        candidates.sort_unstable();
        candidates.dedup();
        let mut best: Option<(usize, f32)> = None;
        for &di in &candidates {
            let d = &drafts[di];
            if !dates_fit(m, d.when, d.basis) && !same_window(m.window, m.when, d.window, d.when) {
                continue;
            }
            // A second report in an article the event holds joins only when
            // it tells the same as that article's first.
            if shown(d, m.article).is_some_and(|k| !twice(mi, k)) {
                continue;
            }
            let sim = d
                .members
                .iter()
                .filter_map(|&o| link(mi, o))
                .fold(None, |acc: Option<f32>, x| Some(acc.map_or(x, |a| a.max(x))));
            if let Some(sim) = sim {
                if best.is_none_or(|(_, b)| sim > b) {
                    best = Some((di, sim));
                }
            }
        }
        let di = match best {
            Some((di, _)) => {
                let d = &mut drafts[di];
                if m.basis == Basis::Dated && d.basis == Basis::Reported {
                    d.basis = Basis::Dated;
                    d.when = m.when;
                }
                take(d, mi, &mentions);
                di
            }
            None => {
                drafts.push(Draft {
                    when: m.when,
                    basis: m.basis,
                    window: m.window,
                    kept: vec![mi],
                    members: vec![mi],
                });
                drafts.len() - 1
            }
        };
        for &t in terms[mi].iter().chain(&nuclei[mi]) {
            let list = by_term.entry(t).or_default();
            if list.last() != Some(&di) {
                list.push(di);
            }
        }
        by_sentence.entry(here).or_default().push(di);
    }
    // Events built apart that turn out to report one happening (each had
    // taken a different report first) are joined: same date, a linked pair
    // of members, and any article both show telling the same in both.
    for di in 0..drafts.len() {
        if drafts[di].members.is_empty() {
            continue;
        }
        let mut others: Vec<usize> = drafts[di]
            .members
            .iter()
            .flat_map(|&o| terms[o].iter().chain(&nuclei[o]))
            .flat_map(|t| by_term.get(t).into_iter().flatten().copied())
            .filter(|&dj| dj > di)
            .collect();
        others.sort_unstable();
        others.dedup();
        for dj in others {
            let (a, b) = (&drafts[di], &drafts[dj]);
            let same_date = a.when == b.when || same_window(a.window, a.when, b.window, b.when);
            if b.members.is_empty() || a.basis != b.basis || !same_date {
                continue;
            }
            let linked = a.members.iter().any(|&x| b.members.iter().any(|&y| link(x, y).is_some()));
            let agree = b.kept.iter().all(|&y| shown(a, mentions[y].article).is_none_or(|x| twice(x, y)));
            if linked && agree {
                let moved = std::mem::take(&mut drafts[dj].members);
                drafts[dj].kept.clear();
                for mi in moved {
                    take(&mut drafts[di], mi, &mentions);
                }
            }
        }
    }
    // Brief reports left on their own join the event, of their day, that
    // names what they name (after the rest, so that a brief line early in
    // an article never takes the place of its full report).
    for di in 0..drafts.len() {
        let [mi] = drafts[di].members[..] else { continue };
        let mut best: Option<(usize, f32)> = None;
        let mut others: Vec<usize> = terms[mi]
            .iter()
            .flat_map(|t| by_term.get(t).into_iter().flatten().copied())
            .filter(|&dj| dj != di)
            .collect();
        others.sort_unstable();
        others.dedup();
        for dj in others {
            let d = &drafts[dj];
            if shown(d, mentions[mi].article).is_some() {
                continue;
            }
            if let Some(w) = brief(mi, d) {
                if best.is_none_or(|(_, b)| w > b) {
                    best = Some((dj, w));
                }
            }
        }
        if let Some((dj, _)) = best {
            drafts[di].members.clear();
            drafts[di].kept.clear();
            take(&mut drafts[dj], mi, &mentions);
        }
    }
    let mut events: Vec<Event> = drafts
        .into_iter()
        .filter(|d| !d.kept.is_empty())
        .map(|d| {
            let mut e = Event {
                id: String::new(),
                when: d.when,
                basis: d.basis,
                summary: String::new(),
                mentions: d.kept.iter().map(|&k| mentions[k].clone()).collect(),
            };
            e.mentions.sort_by_key(|m| (m.article, m.span.start));
            // An event reported only by statements is placed at the earliest
            // report; a limit reported on several days, where it was first set.
            let windows = e.mentions.iter().all(|m| m.window.is_some() && m.window == e.mentions[0].window);
            if e.basis == Basis::Reported || windows {
                e.when = e.mentions.iter().map(|m| m.when).min_by_key(|w| w.start).unwrap_or(e.when);
            }
            e.summary = summary(articles, &e);
            e
        })
        .collect();
    events.sort_by(|x, y| {
        let key =
            |e: &Event| (e.when.start, e.when.precision, e.basis, e.mentions[0].article, e.mentions[0].span.start);
        key(x).cmp(&key(y))
    });
    for (i, e) in events.iter_mut().enumerate() {
        e.id = format!("ev-{}", i + 1);
    }
    events
}

/// Adds mention `mi` to a draft: shown when the draft has none from its
/// article, or instead of that one when it is the more direct report, or
/// as direct and earlier in the article (the lead tells it first);
/// absorbed otherwise.
fn take(d: &mut Draft, mi: usize, mentions: &[Mention]) {
    d.members.push(mi);
    let m = &mentions[mi];
    let rank = |x: &Mention| (!x.direct, x.span.start);
    match d.kept.iter().position(|&k| mentions[k].article == m.article) {
        None => d.kept.push(mi),
        Some(i) if rank(m) < rank(&mentions[d.kept[i]]) => d.kept[i] = mi,
        Some(_) => {}
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

/// The most telling number both term sets hold, if any.
fn shared_figure(corpus: &Corpus, a: &[u32], b: &[u32]) -> Option<Figure> {
    a.iter()
        .filter(|t| b.binary_search(t).is_ok())
        .filter_map(|&t| {
            let w = corpus.vocab.term(t).unwrap_or("");
            if !w.starts_with(|c: char| c.is_ascii_digit()) || !w.chars().all(|c| c.is_ascii_digit() || c == '.') {
                return None;
            }
            let year = w.len() == 4 && w.parse::<u32>().is_ok_and(|y| (1900..=2100).contains(&y));
            match w.split_once('.') {
                Some((_, f)) if !f.is_empty() => Some(Figure::Decimal),
                None if w.len() >= 3 && !year => Some(Figure::Count),
                _ => None,
            }
        })
        .max()
}

/// The names among two mentions' nucleus words point to different actors
/// ("the regulator said on Friday" / "Meridian said on Friday"): each side
/// names someone the other does not, outweighing any name they share.
/// A nucleus without a name ("..., fell 1.2% on Monday") stands for the
/// names of its whole mention.
fn actors_differ(
    corpus: &Corpus,
    mentions: &[Mention],
    nuclei: &[Vec<u32>],
    terms: &[Vec<u32>],
    a: usize,
    b: usize,
) -> bool {
    let names = |i: usize| -> Vec<u32> {
        let m = &mentions[i];
        let all = &corpus.names[m.article][m.sentence];
        let of = |ts: &[u32]| -> Vec<u32> { ts.iter().copied().filter(|t| all.binary_search(t).is_ok()).collect() };
        let near = of(&nuclei[i]);
        if near.is_empty() { of(&terms[i]) } else { near }
    };
    let (x, y) = (names(a), names(b));
    if x.is_empty() || y.is_empty() {
        return false;
    }
    let w = |t: &u32| corpus.weight[*t as usize];
    let shared: f32 = x.iter().filter(|t| y.contains(t)).map(w).sum();
    let only_x: f32 = x.iter().filter(|t| !y.contains(t)).map(w).sum();
    let only_y: f32 = y.iter().filter(|t| !x.contains(t)).map(w).sum();
    only_x > shared && only_y > shared
}

/// Leading words that tie a clause to what came before it.
const LEAD_INS: &[&str] = &[
    "however",
    "meanwhile",
    "but",
    "and",
    "so",
    "also",
    "moreover",
    "still",
    "yet",
    "then",
    "with",
    "while",
    "as",
    "signalling",
    "signaling",
    "since",
    "which",
    "who",
    "including",
    "following",
    "after",
    "although",
    "though",
];

/// The summary of an event: the words of its most telling mention (dated
/// at the event's own date when possible, then the shortest), with lead-in
/// connectives dropped and cut at a word boundary.
fn summary(articles: &[Article], e: &Event) -> String {
    shorten(e.summary_source(articles), SUMMARY_BYTES)
}

/// How long a summary may be, in bytes; a wide screen may show more of its
/// source ([`Event::summary_source`]).
pub const SUMMARY_BYTES: usize = 110;

impl Event {
    /// The words the summary is taken from: its most telling mention
    /// (dated at the event's own date when possible, then the shortest),
    /// without a dateline that opens it.
    pub fn summary_source<'a>(&self, articles: &'a [Article]) -> &'a str {
        let best = self
            .mentions
            .iter()
            .min_by_key(|m| {
                let text = m.span.slice(&articles[m.article].body);
                let n = words::count(text);
                let opener = text.split(|c: char| !c.is_alphanumeric()).next().unwrap_or("").to_lowercase();
                (m.when != self.when, m.basis != self.basis, n < 6, LEAD_INS.contains(&opener.as_str()), n)
            })
            .expect("an event has a mention");
        let a = &articles[best.article];
        let start = if best.span.start < a.dateline_end && a.dateline_end < best.span.end {
            a.dateline_end
        } else {
            best.span.start
        };
        &a.body[start..best.span.end]
    }
}

/// Drops a list bullet, lead-in connectives and a trailing stop; cuts to
/// `max` bytes at a word boundary with an ellipsis.
pub fn shorten(text: &str, max: usize) -> String {
    let mut t = text.trim();
    for bullet in ["- ", "* ", "+ ", "• ", "– ", "— ", "· ", "▪ ", "► "] {
        if let Some(rest) = t.strip_prefix(bullet) {
            t = rest.trim_start();
            break;
        }
    }
    loop {
        let first = t.split(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
        if !first.is_empty() && LEAD_INS.contains(&first.to_lowercase().as_str()) && words::count(t) > 4 {
            t = t[first.len()..].trim_start_matches([',', ' ']);
        } else {
            break;
        }
    }
    let t = t.trim_end_matches(['.', ',', ';', ':', ' ']);
    let mut out: String = if t.len() <= max {
        t.to_string()
    } else {
        let mut cut = max;
        while !t.is_char_boundary(cut) {
            cut -= 1;
        }
        let head = &t[..cut];
        let head = head.rfind(' ').map_or(head, |i| &head[..i]);
        format!("{}…", head.trim_end_matches([',', ';', ':', ' ']))
    };
    if let Some(c) = out.chars().next().filter(|c| c.is_lowercase()) {
        let upper: String = c.to_uppercase().collect();
        out.replace_range(..c.len_utf8(), &upper);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::{Source, parse_all};

    fn timeline(texts: &[&str]) -> (Vec<Article>, Vec<Event>) {
        let sources: Vec<Source> = texts
            .iter()
            .enumerate()
            .map(|(i, t)| Source {
                path: format!("{i}.txt"),
                stem: format!("a{i}"),
                bytes: t.as_bytes().to_vec(),
                truncated_from: None,
            })
            .collect();
        let mut arts = parse_all(&sources).articles;
        let corpus = Corpus::build(&arts);
        let matches = crate::align::sentence_matches(&corpus, &crate::align::Thresholds::default());
        let events = build(&mut arts, &corpus, &matches);
        (arts, events)
    }

    #[test]
    fn merges_the_same_happening_across_sources() {
        let (_, ev) = timeline(&[
            "Talks news\n2025-11-20\n\nA US army delegation led by Daniel Driscoll travelled to Kiev on Wednesday for talks. Markets rose on Monday.",
            "Other news\n2025-11-21\n\nA U.S. Army delegation, led by Dan Driscoll, arrived in Kyiv on Wednesday to meet leaders.",
        ]);
        let wed: Vec<&Event> = ev.iter().filter(|e| e.when.date_string() == "2025-11-19").collect();
        assert_eq!(wed.len(), 1, "{ev:#?}");
        assert_eq!(wed[0].mentions.len(), 2);
        assert!(ev.iter().any(|e| e.when.date_string() == "2025-11-17"));
    }

    #[test]
    fn same_day_reports_worded_apart_merge_on_the_words_around_the_date() {
        // 2025-10-21 is a Tuesday; "two days ago" and "on Sunday" are the 19th.
        let (arts, ev) = timeline(&[
            "Dam fails\n2025-10-21\n\nThe earthen dam gave way two days ago, after more than 120 millimetres of rain fell.",
            "Flood\n2025-10-20\n\nThe earthen wall gave way on Sunday morning and water poured into the valley within minutes.",
        ]);
        let sun: Vec<&Event> = ev.iter().filter(|e| e.when.date_string() == "2025-10-19").collect();
        assert_eq!(sun.len(), 1, "{ev:#?}");
        assert_eq!(sun[0].mentions.len(), 2);
        // Different actors saying things on one day stay apart.
        let (_, ev) = timeline(&[
            "Recall\n2025-06-06\n\nMeridian, the New Jersey drugmaker, said on Friday it was withdrawing the affected batches of Corvexa from American pharmacies.",
            "UK\n2025-06-07\n\nIn London, the Medicines Agency said on Friday that no affected batches had reached Britain, where the tablet is sold under licence.",
        ]);
        assert_eq!(ev.len(), 2, "{ev:#?}");
        let _ = arts;
    }

    #[test]
    fn one_limit_reported_on_different_days_is_one_event_at_its_first_date() {
        let (_, ev) = timeline(&[
            "Refunds\n2026-03-02\n\nThe refunds to stranded passengers will be paid within 30 days, the airline said.",
            "Airline\n2026-03-03\n\nThe airline said the refunds to stranded passengers would be paid within 30 days.",
            "Strike\n2026-03-05\n\nRefunds to stranded passengers are to be paid within 30 days, it said.",
        ]);
        let refunds: Vec<&Event> = ev.iter().filter(|e| e.summary.to_lowercase().contains("refunds")).collect();
        assert_eq!(refunds.len(), 1, "{ev:#?}");
        assert_eq!(refunds[0].mentions.len(), 3);
        assert_eq!(refunds[0].when.date_string(), "2026-04-01");
        // Another limit, or one counted from a named date, is not that one.
        let (_, ev) = timeline(&[
            "Refunds\n2026-03-02\n\nThe refunds to stranded passengers will be paid within 30 days, the airline said.",
            "Airline\n2026-03-04\n\nThe refunds to stranded passengers will be paid within 60 days, the airline said.",
            "Strike\n2026-03-12\n\nThe refunds to stranded passengers will be paid within 30 days of Monday's ruling, the airline said.",
        ]);
        let dates: Vec<String> =
            ev.iter().filter(|e| e.summary.contains("refunds")).map(|e| e.when.date_string()).collect();
        assert_eq!(dates.len(), 3, "{ev:#?}");
    }

    #[test]
    fn a_brief_report_joins_what_the_others_agree_on() {
        // Other lines, as articles have, so that "appeal" is a telling word.
        let filler = "The striker has scored 17 league goals this season. Fans gathered outside the stadium in the rain. \
            The manager declined to comment after training. Tickets for the next home game sold out within hours. \
            The league table shows the side second, three points behind the leaders.";
        let texts = |third: &str| {
            [
                format!(
                    "Appeal\n2025-03-14\n\nDunmore Athletic have lodged an appeal against the suspension of striker Tomas Ferreira, the club confirmed on Friday. {filler}"
                ),
                format!(
                    "Club\n2025-03-14\n\nThe club lodged an appeal against the provisional suspension of Ferreira on Friday, a spokesman said. {filler}"
                ),
                format!("Blog\n2025-03-14\n\nWhat a week for the fans. {third} {filler}"),
            ]
        };
        let friday = |t: &[String]| {
            let refs: Vec<&str> = t.iter().map(String::as_str).collect();
            let (_, ev) = timeline(&refs);
            ev.iter().filter(|e| e.when.date_string() == "2025-03-14").map(|e| e.mentions.len()).collect::<Vec<_>>()
        };
        assert_eq!(friday(&texts("They put in an appeal on Friday.")), [3]);
        // A short line about something else stays apart.
        let mut other = friday(&texts("They played a friendly on Friday."));
        other.sort_unstable();
        assert_eq!(other, [1, 2]);
    }

    #[test]
    fn the_same_count_on_the_same_day_is_one_report() {
        let (_, ev) = timeline(&[
            "Quake\n2026-02-16\n\nThe death toll from the earthquake that flattened apartment blocks climbed to 318 on Monday, officials said.",
            "Toll\n2026-02-16\n\nBy Monday evening, the number of people killed stood at 318, according to the authorities.",
        ]);
        let mon: Vec<&Event> = ev.iter().filter(|e| e.when.date_string() == "2026-02-16").collect();
        assert_eq!(mon.len(), 1, "{ev:#?}");
        // A decimal figure too.
        let (_, ev) = timeline(&[
            "Shares\n2026-02-17\n\nThe stock had fallen 7.4 per cent on Monday, wiping billions off its value.",
            "Stock\n2026-02-17\n\nThey fell 7.4% on Monday, their biggest one-day drop in five years.",
        ]);
        assert_eq!(ev.iter().filter(|e| e.when.date_string() == "2026-02-16").count(), 1, "{ev:#?}");
    }

    #[test]
    fn the_same_figure_from_different_actors_stays_apart() {
        let (_, ev) = timeline(&[
            "Shares\n2026-02-17\n\nShares in Hanseatic Bank, the Hamburg lender hit hardest by the payment failures, were 1.2 per cent lower on Monday.",
            "Stock\n2026-02-17\n\nTrading in Corvane, whose cloud platform went dark for seven hours across Europe, was halted after it lost 1.2% on Monday.",
        ]);
        assert_eq!(ev.iter().filter(|e| e.when.date_string() == "2026-02-16").count(), 2, "{ev:#?}");
    }

    #[test]
    fn an_article_telling_one_happening_twice_is_shown_once() {
        let (arts, ev) = timeline(&[
            "Dam\n2025-10-20\n\nAt least five people died after an earthen dam above the town gave way at 8.45 on Sunday.\n\nThe earthen wall gave way on Sunday morning and water poured into the valley.",
        ]);
        assert_eq!(ev.len(), 1, "{ev:#?}");
        assert_eq!(ev[0].mentions.len(), 1);
        assert!(ev[0].mentions[0].span.slice(&arts[0].body).starts_with("At least five"));
    }

    #[test]
    fn dates_that_modify_a_noun_or_date_the_telling_stay_out_of_the_clause() {
        // 2025-07-30 is a Wednesday.
        let (arts, ev) = timeline(&[
            "Protests\n2025-07-30\n\nTwo protesters were killed on Wednesday during protests against Sunday's presidential election results.",
        ]);
        let text = |e: &Event| e.mentions[0].span.slice(&arts[0].body).to_string();
        let dates: Vec<(String, String)> = ev.iter().map(|e| (e.when.date_string(), text(e))).collect();
        assert_eq!(
            dates,
            [
                ("2025-07-27".to_string(), "Sunday's presidential election results".to_string()),
                ("2025-07-30".to_string(), "Two protesters were killed on Wednesday during protests".to_string())
            ]
        );
        // ", officials said on Monday": the date of the telling.
        let (_, ev) = timeline(&[
            "Dam\n2025-10-20\n\nFive people died after the dam gave way on Sunday, officials said on Monday.",
        ]);
        let dates: Vec<String> = ev.iter().map(|e| e.when.date_string()).collect();
        assert_eq!(dates, ["2025-10-19"]);
        // Two dates joined by "and": each its own part.
        let (arts, ev) = timeline(&[
            "Bodies\n2025-10-21\n\nThree bodies were recovered on Sunday evening and two more early on Monday, police said.",
        ]);
        let parts: Vec<&str> = ev.iter().map(|e| e.mentions[0].span.slice(&arts[0].body)).collect();
        assert_eq!(parts, ["Three bodies were recovered on Sunday evening", "two more early on Monday, police said."]);
    }

    #[test]
    fn different_happenings_on_one_day_stay_apart() {
        let (_, ev) = timeline(&[
            "Day one\n2025-11-20\n\nRussian forces launched overnight attacks Wednesday that killed 25 people. Rubio posted about the plan on social media Wednesday.",
        ]);
        assert_eq!(ev.iter().filter(|e| e.when.date_string() == "2025-11-19").count(), 2);
    }

    #[test]
    fn undated_article_uses_the_reference_date_with_a_warning() {
        let (arts, ev) = timeline(&[
            "A\n2025-03-05\n\nThe bridge opened on Monday after repairs.",
            "B\n2025-03-07\n\nSomething else happened.",
            "C story here\n\nThe ferry sank on Tuesday near the port.",
        ]);
        assert!(arts[2].warnings.iter().any(|w| w.message.contains("2025-03-05")));
        // 2025-03-05 is a Wednesday: Tuesday is the 4th.
        assert!(ev.iter().any(|e| e.when.date_string() == "2025-03-04" && e.mentions[0].article == 2), "{ev:#?}");
    }

    #[test]
    fn statements_of_the_day_are_reported_at_the_publication_date() {
        let (_, ev) = timeline(&[
            "Title one\n2025-11-20\n\nKremlin spokesman Dmitry Peskov told reporters there were no such plans for talks with Driscoll.",
            "Title two\n2025-11-21\n\nPeskov said there were no such plans to meet Driscoll in Moscow.",
        ]);
        assert_eq!(ev.len(), 1, "{ev:#?}");
        assert_eq!(ev[0].basis, Basis::Reported);
        assert_eq!(ev[0].when.date_string(), "2025-11-20");
        assert_eq!(ev[0].mentions.len(), 2);
        assert_eq!(ev[0].mentions[0].expression, None);
    }

    #[test]
    fn two_dates_in_one_sentence_make_two_events() {
        let (arts, ev) = timeline(&[
            "T\n2025-11-21\n\nPeskov said on Friday that the summit in August changed nothing for the talks.",
        ]);
        let dates: Vec<String> = ev.iter().map(|e| e.when.date_string()).collect();
        assert_eq!(dates, ["2025-08", "2025-11-21"]);
        assert!(ev[0].mentions[0].span.slice(&arts[0].body).contains("August"));
    }

    #[test]
    fn events_are_in_order_with_ids() {
        let (_, ev) = timeline(&[
            "T\n2025-11-21\n\nThe war began in February 2022. The talks collapsed last week. The deal was signed on Monday.",
        ]);
        let dates: Vec<String> = ev.iter().map(|e| e.when.date_string()).collect();
        assert_eq!(dates, ["2022-02", "2025-11-10", "2025-11-17"]);
        assert_eq!(ev.iter().map(|e| e.id.as_str()).collect::<Vec<_>>(), ["ev-1", "ev-2", "ev-3"]);
    }

    #[test]
    fn shorten_drops_lead_ins_and_cuts_at_words() {
        assert_eq!(shorten("However, Kremlin spokesman said no.", 100), "Kremlin spokesman said no");
        assert_eq!(shorten("- Ferry service expands Monday", 100), "Ferry service expands Monday");
        assert_eq!(shorten("• Route 9 detour", 100), "Route 9 detour");
        assert_eq!(shorten("-5 degrees on Monday", 100), "-5 degrees on Monday");
        assert_eq!(
            shorten("since Trump and Putin met in Alaska in August.", 100),
            "Trump and Putin met in Alaska in August"
        );
        let s = shorten(&"word ".repeat(50), 30);
        assert!(s.len() <= 34 && s.ends_with('…'));
    }

    #[test]
    fn no_dates_anywhere_means_only_absolute_dates() {
        let (arts, ev) = timeline(&["No date here\n\nThe treaty was signed in March 2019. It failed on Monday."]);
        assert!(arts[0].warnings.iter().any(|w| w.message.contains("not resolved")));
        let dates: Vec<String> = ev.iter().map(|e| e.when.date_string()).collect();
        assert_eq!(dates, ["2019-03"]);
    }
}
