//! Timeline: the dated events of a story. Temporal expressions are found in
//! every sentence ([`expr`]), resolved against each article's publication
//! date ([`resolve`]), turned into mentions ([`mention`]), and mentions of
//! the same happening from different sources are merged into one event.

pub mod clock;
mod denial;
pub mod expr;
pub mod mention;
mod merge;
pub mod resolve;
pub mod undated;

use jiff::civil::Date;

pub use mention::{Basis, Mention};
pub use resolve::{Anchor, Precision, When};

use std::borrow::Cow;
use std::collections::HashSet;

use crate::align::semantic::Meanings;
use crate::align::{Corpus, SentenceMatch, SentenceRef, Stories};
use crate::ingest::Article;
use crate::text::{Span, words};

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
    median(articles.iter().filter_map(|a| a.published.map(|p| p.date)).collect())
}

fn median(mut dates: Vec<Date>) -> Option<Date> {
    if dates.is_empty() {
        return None;
    }
    dates.sort();
    Some(dates[(dates.len() - 1) / 2])
}

/// What each article's relative dates are read against: its own date, or
/// for an undated one the set's median date and the span of its dates.
pub fn anchors(articles: &[Article]) -> Vec<Option<Anchor>> {
    anchors_within(articles, &Stories::one(articles.len()))
}

/// [`anchors`] with each story of a pile on its own: an undated article is
/// read against its own story's dates (a plane crash loaded beside a
/// conclave is not dated from the conclave), and the newest date that
/// bounds a story's events is its own.
pub fn anchors_within(articles: &[Article], stories: &Stories) -> Vec<Option<Anchor>> {
    anchors_from(articles, stories, &story_dates(articles, stories))
}

/// [`anchors_within`] from the stories' dates already worked out.
fn anchors_from(articles: &[Article], stories: &Stories, dates: &[StoryDates]) -> Vec<Option<Anchor>> {
    articles
        .iter()
        .enumerate()
        .map(|(index, a)| {
            let own = dates.get(stories.story[index])?;
            let latest = own.window.map(|(_, last)| last);
            // A date weeks from the one its story's articles and text give
            // is wrong (a page's date of another piece): its article's
            // "on Sunday" is read as an undated one's.
            match a.published.filter(|p| !own.disagrees(p.date)) {
                Some(p) => Some(Anchor::in_set(p.date, latest)),
                None => own.reference.map(|date| Anchor { date, window: own.window, latest }),
            }
        })
        .collect()
}

/// The dates one story's articles give: their median and their span.
#[derive(Clone, Copy, Default)]
struct StoryDates {
    reference: Option<Date>,
    window: Option<(Date, Date)>,
}

impl StoryDates {
    /// A dated article's `date` lies weeks from the story's reference.
    fn disagrees(&self, date: Date) -> bool {
        self.reference.is_some_and(|reference| days_apart(date, reference) > DISAGREEING_DAYS)
    }
}

fn story_dates(articles: &[Article], stories: &Stories) -> Vec<StoryDates> {
    stories
        .members
        .iter()
        .map(|members| {
            let mut dates: Vec<Date> = members.iter().filter_map(|&a| articles[a].published.map(|p| p.date)).collect();
            let reference = supported_reference(articles, members, &dates);
            // Dates far from the reference are wrong or of another story:
            // they do not widen the days a weekday is read near.
            if let Some(reference) = reference {
                dates.retain(|date| days_apart(*date, reference) <= DISAGREEING_DAYS);
            }
            let window = dates.iter().min().copied().zip(dates.iter().max().copied());
            StoryDates { reference, window }
        })
        .collect()
}

/// Dated articles of one story this many days apart disagree: one of the
/// dates is likely wrong (a page's date of another piece, a reposting).
const DISAGREEING_DAYS: i32 = 21;

fn days_apart(first: Date, second: Date) -> i32 {
    first.since(second).map_or(i32::MAX, |span| span.get_days().abs())
}

/// The date a story's undated articles are read against: the median of
/// its articles' dates, unless they disagree by weeks; then the one the
/// most of its dates and of the full dates its text states ("March 10,
/// 2019", "March10/2019") fall near, the median on a tie. With two dates
/// a median only picks the earlier.
fn supported_reference(articles: &[Article], members: &[usize], dates: &[Date]) -> Option<Date> {
    let median = median(dates.to_vec())?;
    let (first, last) = (dates.iter().min()?, dates.iter().max()?);
    if days_apart(*first, *last) <= DISAGREEING_DAYS {
        return Some(median);
    }
    let stated: Vec<Date> = members.iter().flat_map(|&index| stated_dates(&articles[index])).collect();
    let support = |candidate: Date| {
        dates.iter().chain(&stated).filter(|date| days_apart(**date, candidate) <= DISAGREEING_DAYS).count()
    };
    dates.iter().copied().max_by_key(|&candidate| (support(candidate), candidate == median))
}

/// The full dates, with their years, an article's text states.
fn stated_dates(article: &Article) -> Vec<Date> {
    let sentences = article.sentences.iter().map(|span| span.slice(&article.body));
    sentences
        .flat_map(expr::find)
        .filter_map(|found| match found.say {
            expr::Say::Calendar { year: Some(year), month, day: Some(day), .. } => Date::new(year, month, day).ok(),
            _ => None,
        })
        .collect()
}

/// For each dated article whose date lies weeks from the date its story
/// is read against, a note that the story's dates disagree, and that its
/// own relative dates are read against the story's.
fn disagreeing_date_notes(articles: &[Article], stories: &Stories, dates: &[StoryDates]) -> Vec<(usize, String)> {
    let mut notes = Vec::new();
    for (index, article) in articles.iter().enumerate() {
        let (Some(published), Some(reference)) = (article.published, dates[stories.story[index]].reference) else {
            continue;
        };
        let apart = days_apart(published.date, reference);
        if apart > DISAGREEING_DAYS {
            let note = format!(
                "its date, {}, is {apart} days from {reference}, the date its story's other articles and text give; \
                 its relative dates, and undated articles', are read against {reference}",
                published.date
            );
            notes.push((index, note));
        }
    }
    notes
}

/// Builds the merged timeline. Adds a warning to every article whose
/// relative dates were resolved against the set's reference date.
/// `matches` are the sentence pairs the alignment found to report the same
/// thing: mentions in such sentences may merge on that evidence alone.
///
/// ```
/// use parallax::align::{Corpus, Thresholds, sentence_matches};
/// use parallax::ingest::{Source, parse_all};
///
/// let texts = [
///     "Dam fails\n2025-10-21\n\nThe earthen dam gave way two days ago, after days of rain. Repairs will start next week.",
///     "Flood\n2025-10-20\n\nThe earthen dam gave way on Sunday morning and water poured into the valley.",
/// ];
/// let sources: Vec<Source> = texts
///     .iter()
///     .enumerate()
///     .map(|(i, text)| Source {
///         path: format!("{i}.txt"),
///         stem: format!("a{i}"),
///         bytes: text.as_bytes().to_vec(),
///         truncated_from: None,
///     })
///     .collect();
/// let mut articles = parse_all(&sources).articles;
/// let corpus = Corpus::build(&articles);
/// let matches = sentence_matches(&corpus, &Thresholds::default());
/// let events = parallax::timeline::build(&mut articles, &corpus, &matches);
///
/// // "two days ago" on Tuesday 21 October and "on Sunday" on Monday 20
/// // October are the same day: one event, reported by both.
/// let dates: Vec<(String, usize)> = events.iter().map(|e| (e.when.date_string(), e.mentions.len())).collect();
/// assert_eq!(dates, [("2025-10-19".to_string(), 2), ("2025-10-27".to_string(), 1)]);
/// ```
pub fn build(articles: &mut [Article], corpus: &Corpus, matches: &[SentenceMatch]) -> Vec<Event> {
    let stories = Stories::one(articles.len());
    build_within(articles, corpus, matches, &stories, None)
}

/// [`build`] for a pile of stories: each undated article is dated from its
/// own story alone (its happenings shared with that story's dated
/// articles, else that story's dates). With the sentence model's
/// `meanings`, reports of one day worded apart may also merge on how close
/// their vectors are ([`merge`]).
pub fn build_within(
    articles: &mut [Article],
    corpus: &Corpus,
    matches: &[SentenceMatch],
    stories: &Stories,
    meanings: Option<&Meanings>,
) -> Vec<Event> {
    read_within(articles, corpus, matches, stories, meanings).note_on(articles)
}

/// A timeline read from a set of articles, with the notes it leaves on
/// them (what undated articles' relative dates were read against, and
/// dates that disagree with their story's): read without changing the
/// articles, so other work may read them meanwhile.
pub struct Read {
    pub events: Vec<Event>,
    /// (article, note), in the order they are told.
    notes: Vec<(usize, String)>,
}

impl Read {
    /// Adds the notes to the articles' warnings; the events.
    pub fn note_on(self, articles: &mut [Article]) -> Vec<Event> {
        for (index, note) in self.notes {
            if let Some(article) = articles.get_mut(index) {
                article.warnings.push(crate::ingest::Warning::note(&article.path, note));
            }
        }
        self.events
    }
}

/// [`build_within`] without touching the articles: the notes come back
/// with the events ([`Read::note_on`]).
pub fn read_within(
    articles: &[Article],
    corpus: &Corpus,
    matches: &[SentenceMatch],
    stories: &Stories,
    meanings: Option<&Meanings>,
) -> Read {
    // Worked out once: with dates weeks apart it reads every sentence for
    // the dates the text states.
    let dates = story_dates(articles, stories);
    let mut anchors = anchors_from(articles, stories, &dates);
    let aligned: HashSet<(SentenceRef, SentenceRef)> = matches.iter().map(|m| (m.a, m.b)).collect();
    let mut per_article: Vec<Vec<Mention>> =
        crate::par::map_range(articles.len(), |index| mention::mentions(index, &articles[index], anchors[index]));
    // An undated article that reports, as "yesterday", what a dated one
    // dates: read again against the day that gives it.
    let inferred = undated::infer(articles, corpus, &aligned, &per_article, stories);
    for (index, found) in inferred.iter().enumerate() {
        if let Some(found) = found {
            let latest = anchors[index].and_then(|anchor| anchor.latest);
            anchors[index] = Some(Anchor::in_set(found.date, latest));
            per_article[index] = mention::mentions(index, &articles[index], anchors[index]);
        }
    }
    let mut notes = reference_date_notes(articles, &anchors, &inferred, stories.len() > 1);
    notes.extend(disagreeing_date_notes(articles, stories, &dates));
    let mentions: Vec<Mention> = per_article.into_iter().flatten().collect();
    let evidence = merge::Evidence { corpus, aligned: &aligned, meanings };
    Read { events: merge::merge(articles, &evidence, stories, mentions), notes }
}

/// For every undated article, a note of what its relative dates were read
/// against: the day inferred from a happening it shares with a dated
/// article, or the set's dates (its story's, in a `pile` of stories).
fn reference_date_notes(
    articles: &[Article],
    anchors: &[Option<Anchor>],
    inferred: &[Option<undated::Inferred>],
    pile: bool,
) -> Vec<(usize, String)> {
    let others = if pile { "the other articles of its story" } else { "the other articles" };
    let undated =
        articles.iter().zip(anchors).zip(inferred).enumerate().filter(|(_, ((a, _), _))| a.published.is_none());
    let mut notes = Vec::new();
    for (index, ((_, anchor), found)) in undated {
        let note = match (found, anchor) {
            (Some(found), _) => format!("{}; its relative dates are read against {}", found.how, found.date),
            (None, Some(Anchor { date, window: Some((first, last)), .. })) => format!(
                "relative dates resolved against {date}, the median publication date of {others}; \
                 weekdays to the nearest such day to their dates ({first} to {last})"
            ),
            (None, Some(Anchor { date, .. })) => {
                format!("relative dates resolved against {date}, the median publication date of {others}")
            }
            (None, None) if pile => "no article of its story gives a date: relative dates are not resolved".to_string(),
            (None, None) => "no article in the set gives a date: relative dates are not resolved".to_string(),
        };
        notes.push((index, note));
    }
    notes
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
    shorten(&e.summary_source(articles), SUMMARY_BYTES)
}

/// How long a summary may be, in bytes; a wide screen may show more of its
/// source ([`Event::summary_source`]).
pub const SUMMARY_BYTES: usize = 110;

impl Event {
    /// The words the summary is taken from: its most telling mention
    /// (dated at the event's own date when possible; then one that opens
    /// with what another source also tells, not with a scene-setting
    /// clause such as "It was only a question of when, ..."; then the
    /// shortest), without a dateline that opens it. A clause that does not
    /// name whom it is about gets it: a relative clause the words before it
    /// ([`with_antecedent`], "…" where they are cut), a clause opening on
    /// its verb the subject of its sentence ([`with_subject`]).
    pub fn summary_source<'a>(&self, articles: &'a [Article]) -> Cow<'a, str> {
        let texts: Vec<&str> = self.mentions.iter().map(|m| m.span.slice(&articles[m.article].body)).collect();
        let opens_shared = opens_with_shared_words(&texts);
        let best = (0..self.mentions.len())
            .min_by_key(|&index| {
                let (m, text) = (&self.mentions[index], texts[index]);
                let n = words::count(text);
                let opener = text.split(|c: char| !c.is_alphanumeric()).next().unwrap_or("").to_lowercase();
                let lead_in = LEAD_INS.contains(&opener.as_str());
                (m.when != self.when, m.basis != self.basis, n < 6, lead_in, !opens_shared[index], n)
            })
            .map(|index| &self.mentions[index])
            .expect("an event has a mention");
        let a = &articles[best.article];
        if best.span.start < a.dateline_end && a.dateline_end < best.span.end {
            return a.body[a.dateline_end..best.span.end].into();
        }
        match with_antecedent(a, best.span.start) {
            Some((start, whole)) => {
                let text = &a.body[start..best.span.end];
                if whole { text.into() } else { format!("… {text}").into() }
            }
            None => with_subject(a, best.span),
        }
    }
}

/// Words that open a clause with its own subject (or what stands for one):
/// a clause opening otherwise in lower case opens on its verb.
const SUBJECT_OPENERS: &[&str] = &[
    "the", "a", "an", "this", "that", "these", "those", "his", "her", "its", "their", "our", "my", "your", "he", "she",
    "it", "they", "we", "i", "you", "there", "some", "many", "most", "all", "both", "each", "every", "no", "one",
    "two", "three", "several", "few", "more", "other", "another", "such",
];

/// The words of `span`, and when they are a clause after the start of
/// their sentence opening on a verb ("was elected pope in 2013", "and took
/// his solemn vows in 1981"), the subject of the sentence before them:
/// its opening words up to a comma when they are few ("Pope Francis …
/// was elected pope in 2013"), else an opening pronoun ("He … took his
/// solemn vows in 1981").
fn with_subject(article: &Article, span: Span) -> Cow<'_, str> {
    let text = span.slice(&article.body);
    let Some(sentence) = article.sentence_at(span.start).map(|s| article.sentences[s]) else { return text.into() };
    let first = words::words(text).find(|(_, w)| !LEAD_INS.contains(&w.to_lowercase().as_str()));
    let opens_on_verb = first.is_some_and(|(_, w)| {
        let folded = w.to_lowercase();
        // A function word ("in 2013 he was…", "last year") opens no verb,
        // unless it is one (was, has, will…).
        let function_word = crate::text::lexicon::is_stopword(&folded) && !AUXILIARIES.contains(&folded.as_str());
        w.chars().next().is_some_and(char::is_lowercase)
            && !SUBJECT_OPENERS.contains(&folded.as_str())
            && !function_word
    });
    if span.start <= sentence.start.max(article.dateline_end) || !opens_on_verb {
        return text.into();
    }
    let opening = &article.body[sentence.start.max(article.dateline_end)..span.start];
    let head = opening.split([',', ';', ':', '(']).next().unwrap_or("").trim();
    let subject = if (1..=SUBJECT_WORDS).contains(&words::count(head)) && head.len() < opening.trim().len() {
        head
    } else {
        let pronoun = opening.split_whitespace().next().unwrap_or("");
        if !["He", "She", "They", "It", "We"].contains(&pronoun) {
            return text.into();
        }
        pronoun
    };
    // The clause from its verb: a lead-in ("and") would stand between.
    let verb = first.map_or(0, |(at, _)| at);
    format!("{subject} … {}", &text[verb..]).into()
}

/// Verbs among the function words: a clause opening on one opens on its verb.
const AUXILIARIES: &[&str] = &[
    "was", "were", "is", "are", "be", "been", "has", "have", "had", "will", "would", "can", "could", "may", "might",
    "shall", "should", "must", "did", "does", "do",
];

/// The most words a sentence's opening may have to be taken as its subject.
const SUBJECT_WORDS: usize = 4;

/// Relative pronouns that open a clause about the words before it.
const RELATIVES: &[&str] = &["who", "whom", "whose", "which"];

/// Where a mention starting at `start` with a relative clause ("who was
/// elected pope in 2013") should start to say whom it is about: at the
/// words it is about ("Francis, who was elected…"), back to the clause
/// before them and at most a few words, and whether they are whole (not
/// cut to those few). `None` for a mention that is no relative clause.
fn with_antecedent(article: &Article, start: usize) -> Option<(usize, bool)> {
    let opener = article.body[start..].split(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
    if !RELATIVES.contains(&opener.to_lowercase().as_str()) {
        return None;
    }
    // From the sentence's start, a dateline aside ("WASHINGTON (Reuters) -").
    let sentence_start = article.sentence_at(start).map_or(start, |s| article.sentences[s].start);
    let sentence_start = sentence_start.max(article.dateline_end).min(start);
    let before = &article.body[sentence_start..start];
    let trimmed = before.trim_end().trim_end_matches(',');
    // Just after the last mark that ends a clause (a dash is three bytes).
    let clause_start = trimmed
        .char_indices()
        .rfind(|&(_, c)| [',', ';', ':', '(', '—', '–'].contains(&c))
        .map_or(0, |(at, c)| at + c.len_utf8());
    let words = word_starts(&before[clause_start..]);
    Some(match words.len() {
        0 => (start, true),
        n if n > ANTECEDENT_WORDS => (sentence_start + clause_start + words[n - ANTECEDENT_WORDS], false),
        _ => (sentence_start + clause_start + words[0], true),
    })
}

/// Where each word of `text` starts, words as written ("20-point" is one).
fn word_starts(text: &str) -> Vec<usize> {
    let mut starts = Vec::new();
    let mut previous_space = true;
    for (at, c) in text.char_indices() {
        if !c.is_whitespace() && previous_space {
            starts.push(at);
        }
        previous_space = c.is_whitespace();
    }
    starts
}

/// The most words taken before a relative clause.
const ANTECEDENT_WORDS: usize = 4;

/// For each text, whether its opening (up to its first comma, semicolon,
/// colon or dash) holds a content word (folded, function words aside)
/// that another of the texts also uses. With one text, none does.
fn opens_with_shared_words(texts: &[&str]) -> Vec<bool> {
    let content = |text: &str| -> std::collections::BTreeSet<String> {
        words::words(text)
            .map(|(_, word)| words::fold(word))
            .filter(|word| word.chars().count() > 1 && !crate::text::lexicon::is_stopword(word))
            .collect()
    };
    let mut users: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for text in texts {
        for word in content(text) {
            *users.entry(word).or_default() += 1;
        }
    }
    texts
        .iter()
        .map(|text| {
            let opening = text.split([',', ';', ':', '—', '–']).next().unwrap_or(text);
            content(opening).iter().any(|word| users.get(word).is_some_and(|&count| count > 1))
        })
        .collect()
}

/// Drops a list bullet, lead-in connectives and a trailing stop; cuts to
/// `max` bytes at a word boundary with an ellipsis.
pub fn shorten(text: &str, max: usize) -> String {
    let mut rest = text.trim();
    for bullet in ["- ", "* ", "+ ", "• ", "– ", "— ", "· ", "▪ ", "► "] {
        if let Some(after) = rest.strip_prefix(bullet) {
            rest = after.trim_start();
            break;
        }
    }
    loop {
        let first = rest.split(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
        if !first.is_empty() && LEAD_INS.contains(&first.to_lowercase().as_str()) && words::count(rest) > 4 {
            rest = rest[first.len()..].trim_start_matches([',', ' ']);
        } else {
            break;
        }
    }
    capitalised(&cut_at_word(rest.trim_end_matches(['.', ',', ';', ':', ' ']), max))
}

/// `text` cut to `max` bytes at a word boundary, with an ellipsis.
fn cut_at_word(text: &str, max: usize) -> String {
    if text.len() <= max {
        return text.to_string();
    }
    let mut cut = max;
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    let head = &text[..cut];
    let head = head.rfind(' ').map_or(head, |space| &head[..space]);
    format!("{}…", head.trim_end_matches([',', ';', ':', ' ']))
}

/// `text` with its first letter in capitals.
fn capitalised(text: &str) -> String {
    let mut out = text.to_string();
    if let Some(first) = out.chars().next().filter(|c| c.is_lowercase()) {
        let upper: String = first.to_uppercase().collect();
        out.replace_range(..first.len_utf8(), &upper);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixture;

    fn timeline(texts: &[&str]) -> (Vec<Article>, Vec<Event>) {
        let fixture::Matched { mut articles, corpus, matches } = fixture::matched(texts);
        let events = build(&mut articles, &corpus, &matches);
        (articles, events)
    }

    /// The timeline with the sentence model's vectors, and the closeness
    /// of the sentences holding `first` and `second`.
    fn timeline_with_model(texts: &[String], first: &str, second: &str) -> (Vec<Event>, Option<f32>) {
        let fixture::Matched { mut articles, corpus, matches } = fixture::matched(texts);
        let meanings = fixture::meanings(&articles, &corpus);
        let find = |text: &str| -> SentenceRef {
            (0..articles.len())
                .flat_map(|a| (0..articles[a].sentences.len()).map(move |s| (a, s)))
                .find(|&(a, s)| articles[a].sentence(s).contains(text))
                .expect("the sentence is in a text")
        };
        let closeness = meanings.sentence_closeness(find(first), find(second));
        let events = build_within(&mut articles, &corpus, &matches, &Stories::one(texts.len()), Some(&meanings));
        (events, closeness)
    }

    /// Two reports of a storm's day (2025-03-05 is a Wednesday), each
    /// with one line of its own among others on the storm.
    fn storm_reports(first: &str, second: &str) -> Vec<String> {
        vec![
            format!(
                "Storm Ingrid\n2025-03-05\n\nStorm Ingrid brought gusts of up to 140 km/h to the west coast this week. {first} \
                 Schools in the region stayed open. Forecasters expect calmer weather by the weekend. \
                 Insurers have yet to estimate the damage."
            ),
            format!(
                "Coast counts the cost\n2025-03-05\n\nCoastal towns are counting the cost of Storm Ingrid. {second} \
                 Several roads were blocked by fallen trees. Most homes have their electricity back. \
                 It is the third big storm of the winter."
            ),
        ]
    }

    /// The events of Tuesday 4 March, as the articles each holds.
    fn tuesday(events: &[Event]) -> Vec<Vec<usize>> {
        let on_tuesday = events.iter().filter(|e| e.when.date_string() == "2025-03-04");
        let mut shape: Vec<Vec<usize>> = on_tuesday.map(|e| e.mentions.iter().map(|m| m.article).collect()).collect();
        shape.sort();
        shape
    }

    #[test]
    fn with_the_model_one_happening_told_in_other_words_is_one_event() {
        let first = "Firefighters answered hundreds of emergency calls on Tuesday.";
        let second = "On Tuesday fire crews responded to a flood of call-outs.";
        let texts = storm_reports(first, second);
        // The words alone do not link them.
        assert_eq!(tuesday(&timeline(&[texts[0].as_str(), texts[1].as_str()]).1), [vec![0], vec![1]]);
        let (events, closeness) = timeline_with_model(&texts, first, second);
        assert!(closeness.is_some_and(|c| c >= merge::MEANING_LINK), "{closeness:?}");
        assert_eq!(tuesday(&events), [vec![0, 1]], "{events:#?}");
    }

    #[test]
    fn with_the_model_happenings_of_one_day_naming_other_actors_or_numbers_stay_apart() {
        let cases = [
            (
                "Engineers from Northgrid restored power to the harbour on Tuesday.",
                "On Tuesday electricity came back at the harbour after repairs by Coastal Energy.",
            ),
            (
                "Firefighters answered 240 emergency calls on Tuesday.",
                "On Tuesday fire crews responded to 75 call-outs.",
            ),
        ];
        for (first, second) in cases {
            let (events, closeness) = timeline_with_model(&storm_reports(first, second), first, second);
            // Close enough in meaning to merge, but for what they name.
            assert!(closeness.is_some_and(|c| c >= merge::MEANING_LINK), "{first} {closeness:?}");
            assert_eq!(tuesday(&events), [vec![0], vec![1]], "{events:#?}");
        }
    }

    #[test]
    fn with_the_model_a_denial_is_not_the_happening_it_denies() {
        let first = "Lifeboat crews brought the crew of a stricken trawler ashore on Tuesday.";
        let second = "The crew of the stricken trawler could not be reached by lifeboats on Tuesday.";
        let (events, closeness) = timeline_with_model(&storm_reports(first, second), first, second);
        assert!(closeness.is_some_and(|c| c >= merge::MEANING_LINK), "{closeness:?}");
        assert_eq!(tuesday(&events), [vec![0], vec![1]], "{events:#?}");
    }

    #[test]
    fn a_summary_opens_with_what_the_sources_share() {
        let (_, ev) = timeline(&[
            "Pope\n2025-05-09\n\nIt was only a question of when, but white smoke was seen coming from the Sistine Chapel chimney on Thursday evening.",
            "Conclave\n2025-05-09\n\nWhite smoke poured out of the Sistine Chapel chimney on Thursday evening as the crowds in the square below cheered and waved flags.",
        ]);
        let thursday: Vec<&Event> = ev.iter().filter(|e| e.when.date_string() == "2025-05-08").collect();
        assert_eq!(thursday.len(), 1, "{ev:#?}");
        assert!(thursday[0].summary.starts_with("White smoke poured"), "{}", thursday[0].summary);
    }

    #[test]
    fn a_relative_clause_summary_keeps_whom_it_is_about() {
        let (_, ev) = timeline(&[
            "Pope\n2025-05-09\n\nCardinals chose Robert Prevost, who was made a bishop in 2015, to succeed Pope Francis on Thursday. Cardinals from 70 countries chose the new pope, who was made a cardinal in 2023.",
        ]);
        let summary =
            |year: &str| ev.iter().find(|e| e.when.date_string().starts_with(year)).map(|e| e.summary.clone());
        let bishop = summary("2015").unwrap_or_default();
        assert!(bishop.starts_with("Cardinals chose Robert Prevost, who was made a bishop"), "{bishop}");
        // Words cut short before the clause are marked so.
        let cardinal = summary("2023").unwrap_or_default();
        assert!(cardinal.starts_with("… chose the new pope, who was made a cardinal"), "{cardinal}");
    }

    #[test]
    fn a_relative_clause_after_a_dash_or_a_dateline_is_read_whole() {
        let (_, ev) = timeline(&[
            "Talks\n2025-05-09\n\nKYIV (Reuters) — Zelensky, who was elected in 2019, met envoys on Thursday. The talks went on — all of them, which began in 2022, without a deal on Friday.",
        ]);
        let summary =
            |year: &str| ev.iter().find(|e| e.when.date_string().starts_with(year)).map(|e| e.summary.clone());
        let elected = summary("2019").unwrap_or_default();
        assert!(elected.starts_with("Zelensky, who was elected in 2019"), "{elected}");
        let began = summary("2022").unwrap_or_default();
        assert!(began.starts_with("All of them, which began in 2022"), "{began}");
    }

    #[test]
    fn a_clause_opening_on_its_verb_gets_its_sentences_subject() {
        let (_, ev) = timeline(&[
            "Pope\n2025-05-09\n\nPope Francis, born in Argentina in 1936 as Jorge Mario Bergoglio, was elected pope in 2013. He joined the order in 1977, and took his solemn vows in 1981.",
        ]);
        let summary =
            |year: &str| ev.iter().find(|e| e.when.date_string().starts_with(year)).map(|e| e.summary.clone());
        let elected = summary("2013").unwrap_or_default();
        assert!(elected.starts_with("Pope Francis … was elected pope in 2013"), "{elected}");
        let vows = summary("1981").unwrap_or_default();
        assert!(vows.starts_with("He … took his solemn vows in 1981"), "{vows}");
        assert!(summary("1936").unwrap_or_default().starts_with("Pope Francis, born in Argentina"), "{ev:#?}");
        // A clause opening on a preposition has its own subject after it;
        // one opening on an auxiliary verb has not.
        let a = crate::fixture::article("Pope\n2025-05-09\n\nPope Francis, born in 1936, in 2013 he was elected pope.");
        let at = |words: &str| Span::new(a.body.find(words).unwrap(), a.body.len());
        assert_eq!(with_subject(&a, at("in 2013")), "in 2013 he was elected pope.");
        assert_eq!(with_subject(&a, at("he was")), "he was elected pope.");
        let b = crate::fixture::article("Pope\n2025-05-09\n\nPope Francis, born in 1936, was elected pope in 2013.");
        let verb = Span::new(b.body.find("was elected").unwrap(), b.body.len());
        assert_eq!(with_subject(&b, verb), "Pope Francis … was elected pope in 2013.");
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
    fn a_denial_is_not_the_happening_it_denies() {
        // 2025-05-09 is a Friday: "on Thursday" is the 8th in all three.
        let (_, ev) = timeline(&[
            "Conclave\n2025-05-09\n\nWhite smoke rose from the Sistine Chapel chimney on Thursday evening, signalling that a pope had been elected.",
            "Pope\n2025-05-09\n\nWhite smoke rose from the Sistine Chapel chimney on Thursday, signalling that the cardinals had elected a pope.",
            "Vatican\n2025-05-09\n\nBlack smoke rose from the Sistine Chapel chimney on Thursday morning, signalling that there was no pope elected.",
        ]);
        let thursday: Vec<&Event> = ev.iter().filter(|e| e.when.date_string() == "2025-05-08").collect();
        assert_eq!(thursday.len(), 2, "{ev:#?}");
        let shape: Vec<Vec<usize>> = thursday.iter().map(|e| e.mentions.iter().map(|m| m.article).collect()).collect();
        assert!(shape.contains(&vec![0, 1]) && shape.contains(&vec![2]), "{ev:#?}");
    }

    #[test]
    fn a_negation_of_a_detail_does_not_split_one_happening() {
        // 2026-03-02 is a Monday: "late Sunday" is the 1st in both.
        let (_, ev) = timeline(&[
            "Vote\n2026-03-02\n\nThe electoral council declared Ugarte the winner late Sunday with 51.2 percent of the votes, without publishing the results by polling station.",
            "Election\n2026-03-02\n\nThe electoral council declared Ugarte the winner late Sunday with 51.2 percent of the votes.",
            "Result\n2026-03-02\n\nThe electoral council declared Ugarte the winner late Sunday, but did not say when the tally would be published.",
        ]);
        let sunday: Vec<&Event> = ev.iter().filter(|e| e.when.date_string() == "2026-03-01").collect();
        assert_eq!(sunday.len(), 1, "{ev:#?}");
        assert_eq!(sunday[0].mentions.len(), 3, "{ev:#?}");
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
    fn on_words_alone_happenings_of_one_day_naming_other_actors_stay_apart() {
        // 2025-03-05 is a Wednesday: "on Tuesday" is the 4th in both.
        let cases = [
            (
                "The mayor of Dunmore resigned from the town council on Tuesday after a row over the budget.",
                "The mayor of Halvik resigned from the town council on Tuesday after a row over the budget.",
            ),
            (
                "Police in Carrow arrested two men after a bank raid on Tuesday.",
                "On Tuesday police in Lisnagree arrested two men after a bank raid.",
            ),
        ];
        // Merged on the words of the mentions alone: the sentences are not
        // matched (a matched pair is one statement, where a different
        // number is a discrepancy to show).
        let unmatched = |first: &str, second: &str| -> Vec<Event> {
            let fixture::Matched { mut articles, corpus, .. } = fixture::matched(&storm_reports(first, second));
            build(&mut articles, &corpus, &[])
        };
        for (first, second) in cases {
            assert_eq!(tuesday(&unmatched(first, second)), [vec![0], vec![1]], "{first}");
        }
        // The same actors in other words are one happening, and so is a
        // toll that grew between two reports.
        let events = unmatched(
            "Police in Carrow arrested two men after a bank raid on Tuesday.",
            "On Tuesday Carrow police detained two suspects over the bank raid.",
        );
        assert_eq!(tuesday(&events), [vec![0, 1]], "{events:#?}");
        let events = unmatched(
            "A bus crash on the coast road killed 4 people on Tuesday.",
            "On Tuesday 6 people died in the bus crash on the coast road.",
        );
        assert_eq!(tuesday(&events), [vec![0, 1]], "{events:#?}");
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
    fn an_undated_report_is_dated_from_a_happening_it_shares_with_a_dated_one() {
        // 2025-05-08 is a Thursday.
        let (arts, ev) = timeline(&[
            "Vote\n2025-05-08\n\nThe city council elected Maria Lenz as mayor of Southport on Thursday after a close vote.",
            "Other\n2025-05-07\n\nThe harbour reopened to ferries on Wednesday after repairs.",
            "Council elects Lenz as mayor\n\nThe city council of Southport last evening elected Maria Lenz as mayor after a close vote. \
             The council first met on Wednesday to hear the candidates.",
        ]);
        let note = arts[2].warnings.iter().map(|w| w.message.as_str()).collect::<Vec<_>>().join(" | ");
        assert!(note.contains("dated 2025-05-09") && note.contains("a0"), "{note}");
        let dated = |text: &str| ev.iter().find(|e| e.summary.contains(text)).map(|e| e.when.date_string());
        assert_eq!(dated("first met").as_deref(), Some("2025-05-07"));
        let elected: Vec<&Event> = ev.iter().filter(|e| e.summary.contains("elected")).collect();
        assert_eq!(elected.len(), 1, "{ev:#?}");
        assert_eq!(elected[0].mentions.len(), 2);
        // With nothing shared, the set's dates.
        let (arts, _) = timeline(&[
            "Vote\n2025-05-08\n\nThe city council elected Maria Lenz as mayor of Southport on Thursday after a close vote.",
            "Ferries\n\nThe harbour reopened to ferries last evening after three weeks of repairs to the pier.",
        ]);
        assert!(
            arts[1].warnings.iter().any(|w| w.message.contains("median publication date")),
            "{:?}",
            arts[1].warnings
        );
    }

    #[test]
    fn dated_articles_months_apart_give_way_to_the_date_the_text_supports() {
        let (arts, ev) = timeline(&[
            "Ferry sinks\n2024-11-02\n\nA passenger ferry sank off Dunmore, the coast guard said.",
            "Ferry lost\n2025-03-09\n\nA passenger ferry sank off Dunmore on Sunday morning with 40 people aboard.",
            "Ferry owner\n\nDunmore March9/2025 The owner of the ferry said the crew had sent no distress call.",
            "Divers\n\nDivers reached the wreck of the ferry on Monday, the harbour master told reporters.",
        ]);
        let notes =
            |index: usize| arts[index].warnings.iter().map(|w| w.message.clone()).collect::<Vec<_>>().join(" | ");
        assert!(notes(3).contains("against 2025-03-09"), "{}", notes(3));
        assert!(notes(0).contains("2024-11-02") && notes(0).contains("2025-03-09"), "{}", notes(0));
        let divers = ev.iter().find(|e| e.summary.contains("Divers")).map(|e| e.when.date_string());
        assert_eq!(divers.as_deref(), Some("2025-03-10"));
    }

    #[test]
    fn a_dated_article_weeks_from_its_story_reads_its_weekdays_against_the_story() {
        // 2025-03-09 is a Sunday; the first article's page gives the date
        // of another piece, months before the sinking it reports.
        let (arts, ev) = timeline(&[
            "Ferry sinks\n2024-11-02\n\nA passenger ferry sank off Dunmore on Sunday morning, the coast guard said.",
            "Ferry lost\n2025-03-09\n\nA passenger ferry sank off Dunmore on Sunday morning with 40 people aboard.",
            "Ferry owner\n\nDunmore March9/2025 The owner of the ferry said the crew had sent no distress call.",
        ]);
        let sinking: Vec<(String, usize)> = ev
            .iter()
            .filter(|e| e.summary.contains("ferry sank"))
            .map(|e| (e.when.date_string(), e.mentions.len()))
            .collect();
        assert_eq!(sinking, [("2025-03-09".to_string(), 2)]);
        assert!(arts[0].warnings.iter().any(|w| w.message.contains("its relative dates")));
    }

    #[test]
    fn an_undated_article_is_dated_within_its_own_story() {
        // Article 3 tells, "last evening", what article 0 dates on Thursday
        // 8 May; but it is filed with the crash of 12 June (2025-06-12 is a
        // Thursday), and the vote is another story's.
        let texts = [
            "Vote\n2025-05-08\n\nThe city council elected Maria Lenz as mayor of Southport on Thursday after a close vote.",
            "Ferries\n2025-05-07\n\nThe harbour reopened to ferries on Wednesday after repairs.",
            "Crash\n2025-06-12\n\nA passenger plane crashed shortly after takeoff from the coastal airport.",
            "Crash undated\n\nThe plane came down on Tuesday near the airport. \
             The council of Southport last evening elected Maria Lenz as mayor after a close vote.",
        ];
        let run = |stories: &Stories| {
            let fixture::Matched { mut articles, corpus, matches } = fixture::matched(&texts);
            let events = build_within(&mut articles, &corpus, &matches, stories, None);
            let notes: Vec<String> = articles[3].warnings.iter().map(|w| w.message.clone()).collect();
            let crash = events.iter().find(|e| e.summary.contains("came down")).map(|e| e.when.date_string());
            (notes.join(" | "), crash)
        };
        // As one set, the shared vote dates it to Friday 9 May...
        let (notes, crash) = run(&Stories::one(4));
        assert!(notes.contains("dated 2025-05-09"), "{notes}");
        assert_eq!(crash.as_deref(), Some("2025-05-06"));
        // ...as two stories, only its own story's date counts.
        let two = Stories { story: vec![0, 0, 1, 1], members: vec![vec![0, 1], vec![2, 3]] };
        let (notes, crash) = run(&two);
        assert!(
            !notes.contains("2025-05") && notes.contains("2025-06-12 ") && notes.contains("of its story"),
            "{notes}"
        );
        assert_eq!(crash.as_deref(), Some("2025-06-10"));
        let anchors = anchors_within(&fixture::articles(&texts), &two);
        assert_eq!(anchors[0].and_then(|a| a.latest).map(|d| d.to_string()).as_deref(), Some("2025-05-08"));
    }

    #[test]
    fn only_mentions_of_one_story_merge() {
        let texts = [
            "Talks news\n2025-11-20\n\nA US army delegation led by Daniel Driscoll travelled to Kiev on Wednesday for talks.",
            "Other news\n2025-11-21\n\nA U.S. Army delegation, led by Dan Driscoll, arrived in Kyiv on Wednesday to meet leaders.",
        ];
        let wednesday = |stories: &Stories| {
            let fixture::Matched { mut articles, corpus, matches } = fixture::matched(&texts);
            let events = build_within(&mut articles, &corpus, &matches, stories, None);
            let shape: Vec<Vec<usize>> = events
                .iter()
                .filter(|e| e.when.date_string() == "2025-11-19")
                .map(|e| e.mentions.iter().map(|m| m.article).collect())
                .collect();
            let ids: Vec<String> = events.iter().map(|e| e.id.clone()).collect();
            (shape, ids)
        };
        assert_eq!(wednesday(&Stories::one(2)).0, vec![vec![0, 1]]);
        let two = Stories { story: vec![0, 1], members: vec![vec![0], vec![1]] };
        let (shape, ids) = wednesday(&two);
        assert_eq!(shape, vec![vec![0], vec![1]]);
        // Numbered once, across the stories, in order.
        assert_eq!(ids, ["ev-1", "ev-2"]);
    }

    #[test]
    fn a_reposted_page_reads_relative_dates_from_its_own_dateline() {
        let (arts, ev) = timeline(&[
            "Harbour bridge closes after crack found\nPosted: June 10, 2025\n\nSOUTHPORT, June 6 (Coast Wire) - The bridge was closed on Thursday after engineers found a crack.",
        ]);
        assert!(arts[0].warnings.iter().any(|w| w.message.contains("own dated line")));
        assert_eq!(ev[0].when.date_string(), "2025-06-05");
    }

    #[test]
    fn an_undated_articles_weekdays_stay_within_the_sets_days() {
        // The set gives Thu 8 and Fri 9 May 2025.
        let (_, ev) = timeline(&[
            "One\n2025-05-08\n\nThe harbour reopened to ferries after repairs.",
            "Two\n2025-05-09\n\nThe bridge was closed to lorries for the weekend.",
            "Three undated here\n\nThe panel met on Monday. The ministers were expected to meet on Wednesday in Rome.",
        ]);
        let dates: Vec<String> = ev.iter().map(|e| e.when.date_string()).collect();
        assert_eq!(dates, ["2025-05-05", "2025-05-07"]);
    }

    #[test]
    fn an_undated_articles_weekday_just_after_the_sets_days_is_that_day() {
        // The set gives Sat 14 and Mon 16 March 2026; the undated report's
        // Tuesday is the 17th (one day after), not the 10th (four before).
        let (_, ev) = timeline(&[
            "One\n2026-03-14\n\nTicket sales stopped across the network.",
            "Two\n2026-03-16\n\nThe operator said it was working to restore sales.",
            "Three undated here\n\nThe railway restored its ticket sales on Tuesday, three days after the attack.",
        ]);
        let dates: Vec<String> = ev.iter().map(|e| e.when.date_string()).collect();
        assert_eq!(dates, ["2026-03-17"]);
    }

    #[test]
    fn a_target_for_the_month_is_not_merged_into_a_day_of_it() {
        let (_, ev) = timeline(&[
            "Strike\n2025-11-21\n\nOn November 19, the agency reported that the ministry is working on a framework to end the strike. \
             The ministry expressed hope that a framework to end the strike could be agreed before the end of the month.",
        ]);
        let dates: Vec<(String, usize)> = ev.iter().map(|e| (e.when.date_string(), e.mentions.len())).collect();
        assert_eq!(dates, [("2025-11".to_string(), 1), ("2025-11-19".to_string(), 1)]);
    }

    #[test]
    fn durations_since_a_happening_are_background_at_their_year() {
        let (_, ev) = timeline(&["T\n2025-11-21\n\nIt has been nearly four years since the invasion began."]);
        let dates: Vec<(String, bool)> = ev.iter().map(|e| (e.when.date_string(), e.when.approximate)).collect();
        assert_eq!(dates, [("2022".to_string(), true)]);
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
