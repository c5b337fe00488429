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

/// Whether a mention's date allows it to be the same happening as an
/// event's: nested dates, or a statement reported within days of a dated one.
fn dates_fit(m: &Mention, e: &Event) -> bool {
    let close = |reported: Date, dated: &When| {
        let (lo, hi) = dated.bounds();
        hi <= reported && reported.since(lo).is_ok_and(|s| s.get_days() <= 7)
    };
    match (m.basis, e.basis) {
        (Basis::Dated, Basis::Dated) => m.when.compatible(&e.when),
        (Basis::Reported, Basis::Dated) => close(m.when.start, &e.when),
        (Basis::Dated, Basis::Reported) => close(e.when.start, &m.when),
        (Basis::Reported, Basis::Reported) => m.when.start.since(e.when.start).is_ok_and(|s| s.get_days().abs() <= 2),
    }
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
    let mut events: Vec<(Event, Vec<usize>)> = Vec::new();
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
        for t in &terms[mi] {
            candidates.extend(by_term.get(t).into_iter().flatten());
        }
        for n in neighbours.get(&here).into_iter().flatten() {
            candidates.extend(by_sentence.get(n).into_iter().flatten());
        }
        candidates.sort_unstable();
        candidates.dedup();
        let mut best: Option<(usize, f32)> = None;
        for &ei in &candidates {
            let (e, members) = &events[ei];
            if e.mentions.iter().any(|x| x.article == m.article) || !dates_fit(m, e) {
                continue;
            }
            // A statement placed only by its article's date needs more
            // evidence than two dates that agree.
            let any_reported = m.basis == Basis::Reported || e.basis == Basis::Reported;
            let sim = members
                .iter()
                .filter_map(|&o| {
                    let s = corpus.score(&terms[mi], &terms[o]);
                    let other = &mentions[o];
                    let there = (other.article, other.sentence);
                    let same_report = aligned.contains(&(here, there)) || aligned.contains(&(there, here));
                    let enough = s.n_shared >= 2
                        && if any_reported {
                            s.dice >= MERGE_REPORTED_DICE
                        } else {
                            s.dice >= MERGE_DICE || (s.containment >= MERGE_CONTAINMENT && s.rare >= MERGE_SHARED)
                        };
                    (enough || same_report).then_some(s.dice.max(if same_report { MERGE_REPORTED_DICE } else { 0.0 }))
                })
                .fold(None, |acc: Option<f32>, d| Some(acc.map_or(d, |a| a.max(d))));
            if let Some(sim) = sim {
                if best.is_none_or(|(_, b)| sim > b) {
                    best = Some((ei, sim));
                }
            }
        }
        let ei = match best {
            Some((ei, _)) => {
                let (e, members) = &mut events[ei];
                if m.basis == Basis::Dated && e.basis == Basis::Reported {
                    e.basis = Basis::Dated;
                    e.when = m.when;
                }
                e.mentions.push(m.clone());
                members.push(mi);
                ei
            }
            None => {
                events.push((
                    Event {
                        id: String::new(),
                        when: m.when,
                        basis: m.basis,
                        summary: String::new(),
                        mentions: vec![m.clone()],
                    },
                    vec![mi],
                ));
                events.len() - 1
            }
        };
        for &t in &terms[mi] {
            let list = by_term.entry(t).or_default();
            if list.last() != Some(&ei) {
                list.push(ei);
            }
        }
        by_sentence.entry(here).or_default().push(ei);
    }
    let mut events: Vec<Event> = events
        .into_iter()
        .map(|(mut e, _)| {
            e.mentions.sort_by_key(|m| (m.article, m.span.start));
            // An event reported only by statements is placed at the earliest report.
            if e.basis == Basis::Reported {
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
    let best = e
        .mentions
        .iter()
        .min_by_key(|m| {
            let text = m.span.slice(&articles[m.article].body);
            let n = words::count(text);
            let opener = text.split(|c: char| !c.is_alphanumeric()).next().unwrap_or("").to_lowercase();
            (m.when != e.when, m.basis != e.basis, n < 6, LEAD_INS.contains(&opener.as_str()), n)
        })
        .expect("an event has a mention");
    let text = best.span.slice(&articles[best.article].body);
    shorten(text, 110)
}

/// Drops lead-in connectives and a trailing stop; cuts to `max` bytes at a
/// word boundary with an ellipsis.
pub fn shorten(text: &str, max: usize) -> String {
    let mut t = text.trim();
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
