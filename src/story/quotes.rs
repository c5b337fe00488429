//! Quoted speech: what is inside quotation marks, who said it (where the
//! sentence names a speaker), and the same quote as other sources give it,
//! word for word, shortened, or with its wording changed inside the marks.

use std::collections::{BTreeMap, HashMap, HashSet};

use crate::align::diff::{Change, diff};
use crate::ingest::{Article, quotations};
use crate::text::lexicon::{is_reporting_verb, is_sentence_starter, is_stopword};
use crate::text::{Span, words};

/// One quotation in one article.
#[derive(Clone, Debug, PartialEq)]
pub struct Quote {
    pub article: usize,
    /// The words inside the marks (the marks themselves excluded).
    pub span: Span,
    /// The speaker as the sentence names them ("Dmitry Peskov", "the senior
    /// official"); `None` when only a pronoun or nothing names them.
    pub speaker: Option<String>,
}

/// How the members of a quote group compare.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fidelity {
    /// Every source gives the same words.
    Exact,
    /// Some give only part of it, but no words differ.
    Partial,
    /// The wording differs inside the marks.
    Altered,
}

impl Fidelity {
    pub fn as_str(self) -> &'static str {
        match self {
            Fidelity::Exact => "exact",
            Fidelity::Partial => "partial",
            Fidelity::Altered => "altered",
        }
    }
}

/// The same quote as several sources give it.
#[derive(Clone, Debug, PartialEq)]
pub struct QuoteGroup {
    pub id: String,
    /// Indexes into the quote list; one per source, in article order.
    pub members: Vec<usize>,
    pub fidelity: Fidelity,
    /// The speaker most members name, if any.
    pub speaker: Option<String>,
}

/// Quotations shorter than this many words are scare quotes ("agreements"),
/// not speech.
const MIN_QUOTE_WORDS: usize = 2;

/// The quotations of one article, in order.
pub fn extract(article_index: usize, a: &Article) -> Vec<Quote> {
    quotations::spans(a)
        .into_iter()
        .filter(|span| words::count(span.slice(&a.body)) >= MIN_QUOTE_WORDS)
        .map(|span| Quote { article: article_index, span, speaker: speaker_for(a, span) })
        .collect()
}

/// The speaker of a quotation: a verb of saying outside the marks in the
/// quote's sentence, with the words that name its subject ("..., the senior
/// official said", "Graham told NBC News", "said Peskov").
fn speaker_for(article: &Article, quote: Span) -> Option<String> {
    let sentence = article.sentence_at(quote.start).or_else(|| article.sentence_at(quote.end.saturating_sub(1)))?;
    // The quote may end its sentence ("...peace."The official said) or run
    // over several: look at its sentence and the next.
    let first = article.sentences[sentence];
    let last = article.sentence_at(quote.end.saturating_sub(1)).unwrap_or(sentence);
    // The next sentence only within the quote's paragraph: a quote standing
    // alone is not said by whoever the next paragraph names.
    let paragraph_end =
        article.paragraphs.iter().find(|p| p.start <= quote.start && quote.start < p.end).map(|p| p.end);
    let next = article.sentences[(last + 1).min(article.sentences.len() - 1)];
    let end = if paragraph_end.is_some_and(|end| next.start >= end) { article.sentences[last].end } else { next.end };
    let around = Span::new(first.start, end.max(first.end));
    let around_words: Vec<(usize, &str)> =
        words::words(around.slice(&article.body)).map(|(at, word)| (around.start + at, word)).collect();
    let attribution = Attribution { body: &article.body, quote, words: around_words };
    // The first verb of saying outside the quote.
    let verb = attribution
        .words
        .iter()
        .position(|&(at, word)| attribution.outside(at) && is_reporting_verb(&word.to_lowercase()))?;
    attribution.speaker(verb)
}

/// The most words a speaker's name before its verb is read back over.
const MAX_SUBJECT_WORDS: usize = 8;

/// Words that join a verb to an earlier one with the same subject.
const COORDINATORS: &[&str] = &["and", "but", "yet"];

/// Verbs by which one source gives another's words ("quoted him as
/// saying", "cited the minister as saying").
const QUOTING: &[&str] = &["quoted", "quotes", "quoting", "cited", "cites", "citing"];

/// The words around a quote (offsets in the body), where its speaker is named.
struct Attribution<'a> {
    body: &'a str,
    quote: Span,
    words: Vec<(usize, &'a str)>,
}

impl Attribution<'_> {
    fn outside(&self, offset: usize) -> bool {
        offset < self.quote.start.saturating_sub(1) || offset > self.quote.end
    }

    /// Who the verb of saying at `verb` names: the words before it, or
    /// after it in inverted attribution (`..." said Peskov`). A lone "He"
    /// or "The" names nobody.
    fn speaker(&self, verb: usize) -> Option<String> {
        let mut subject = self.subject_before(verb);
        // "BBC quoted him as having said": the one quoted speaks, not the
        // outlet, and the words between are no name.
        if let Some(quoting) = subject.iter().position(|word| QUOTING.contains(&word.to_lowercase().as_str())) {
            let object: Vec<&str> =
                subject[quoting + 1..].iter().copied().take_while(|word| !word.eq_ignore_ascii_case("as")).collect();
            let named = object.iter().any(|word| words::is_capitalised(word) && !is_stopword(&word.to_lowercase()));
            return named.then(|| object.join(" "));
        }
        // "quoted Mayor Ilse Brandt as saying", the verb of quoting out of
        // sight: "as" is not part of the name.
        while subject.last().is_some_and(|word| matches!(word.to_lowercase().as_str(), "as" | "having")) {
            subject.pop();
        }
        if subject.is_empty() || subject.iter().all(|word| is_stopword(&word.to_lowercase())) {
            let after = self.name_after(verb);
            if !after.is_empty() {
                return Some(after.join(" "));
            }
        }
        // "... her deal through Parliament but insisted “I have done my
        // best”": a verb joined to an earlier verb has that verb's subject,
        // which is not a verb of saying here (it would have been taken
        // first), so the words before name no one.
        if subject.last().is_some_and(|word| COORDINATORS.contains(&word.to_lowercase().as_str())) {
            return None;
        }
        let lone_opener = |word: &str| is_sentence_starter(word) && subject.len() == 1;
        let named = subject.iter().any(|word| !(is_stopword(&word.to_lowercase()) || lone_opener(word)));
        named.then(|| subject.join(" "))
    }

    /// Up to four words before the verb, back to punctuation, and further
    /// while a name goes on ("Prime Minister Abiy Ahmed's office wrote").
    fn subject_before(&self, verb: usize) -> Vec<&str> {
        let verb_at = self.words[verb].0;
        let mut subject: Vec<&str> = Vec::new();
        for &(at, word) in self.words[..verb].iter().rev().take(MAX_SUBJECT_WORDS) {
            // "On Monday Foreign Minister ..." : the name starts after the day.
            let lower = word.to_lowercase();
            let name_goes_on = words::is_capitalised(word)
                && subject.last().is_some_and(|w| words::is_capitalised(w))
                && !is_sentence_starter(word)
                && !is_stopword(&lower)
                && crate::text::lexicon::month_number(word).is_none()
                && crate::text::lexicon::weekday_number(word).is_none();
            if !self.outside(at)
                || self.body[at + word.len()..verb_at].contains(['"', '“', '”', ',', ':', ';', '.'])
                || subject.len() >= 4 && !name_goes_on
            {
                break;
            }
            subject.push(word);
        }
        subject.reverse();
        subject
    }

    /// Capitalised words right after the verb, up to punctuation.
    fn name_after(&self, verb: usize) -> Vec<&str> {
        let (verb_at, verb_word) = self.words[verb];
        let mut name: Vec<&str> = Vec::new();
        let mut previous_end = verb_at + verb_word.len();
        for &(at, word) in self.words[verb + 1..].iter().take(3) {
            if !self.outside(at)
                || !words::is_capitalised(word)
                || self.body[previous_end..at].contains(['.', ',', '!', '?', '"', '”', ':'])
            {
                break;
            }
            name.push(word);
            previous_end = at + word.len();
        }
        name
    }
}

/// Folded words of a quote, for matching.
fn key(body: &str, s: Span) -> Vec<String> {
    words::words(s.slice(body)).map(|(_, w)| words::fold(w)).collect()
}

/// A word of quote shared by at most this many quotes is distinctive
/// enough to make every pair holding it worth comparing.
const RARE_QUOTE_WORD: usize = 50;

/// Groups the same quotation across sources: two quotes are the same when
/// most words of the shorter one appear, in order, in the longer one.
///
/// Pairs are compared only where they can be the same: quotes of two
/// articles the alignment linked, or quotes sharing a word few quotes use.
/// On thousands of articles this keeps the work near linear.
pub fn group(articles: &[Article], quotes: &[Quote], matches: &[crate::align::SentenceMatch]) -> Vec<QuoteGroup> {
    let keys: Vec<Vec<String>> = quotes.iter().map(|q| key(&articles[q.article].body, q.span)).collect();
    let hashes: Vec<Vec<u64>> =
        keys.iter().map(|key| key.iter().map(|word| crate::align::score::hash_folded(word)).collect()).collect();
    let links: Vec<(usize, usize)> = candidate_pairs(quotes, &hashes, matches)
        .into_iter()
        .filter(|&(first, second)| {
            quotes[first].article != quotes[second].article && same_quote(&hashes[first], &hashes[second])
        })
        .collect();
    let mut sets: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (quote, label) in crate::align::stories::component_labels(quotes.len(), &links).into_iter().enumerate() {
        sets.entry(label).or_default().push(quote);
    }
    let mut groups: Vec<QuoteGroup> =
        sets.into_values().filter_map(|members| quote_group(articles, quotes, &keys, members)).collect();
    groups.sort_by_key(|g| {
        (std::cmp::Reverse(g.members.len()), quotes[g.members[0]].article, quotes[g.members[0]].span.start)
    });
    for (index, group) in groups.iter_mut().enumerate() {
        group.id = format!("q-{}", index + 1);
    }
    groups
}

/// The pairs of quotes worth comparing, in order: quotes of two articles
/// the alignment linked, and quotes sharing a rare word.
fn candidate_pairs(
    quotes: &[Quote],
    hashes: &[Vec<u64>],
    matches: &[crate::align::SentenceMatch],
) -> Vec<(usize, usize)> {
    let mut candidates: HashSet<(usize, usize)> = HashSet::new();
    let mut by_article: HashMap<usize, Vec<usize>> = HashMap::new();
    for (index, quote) in quotes.iter().enumerate() {
        by_article.entry(quote.article).or_default().push(index);
    }
    let linked: HashSet<(usize, usize)> = matches.iter().map(|m| (m.a.0.min(m.b.0), m.a.0.max(m.b.0))).collect();
    for &(first_article, second_article) in &linked {
        for &first in by_article.get(&first_article).into_iter().flatten() {
            for &second in by_article.get(&second_article).into_iter().flatten() {
                candidates.insert((first.min(second), first.max(second)));
            }
        }
    }
    let mut by_word: HashMap<u64, Vec<usize>> = HashMap::new();
    for (index, words) in hashes.iter().enumerate() {
        let mut distinct = words.clone();
        distinct.sort_unstable();
        distinct.dedup();
        for word in distinct {
            by_word.entry(word).or_default().push(index);
        }
    }
    for list in by_word.values().filter(|list| list.len() <= RARE_QUOTE_WORD) {
        for (at, &first) in list.iter().enumerate() {
            for &second in &list[at + 1..] {
                candidates.insert((first, second));
            }
        }
    }
    let mut candidates: Vec<(usize, usize)> = candidates.into_iter().collect();
    candidates.sort_unstable();
    candidates
}

/// Two quotes (as word hashes) are one quotation
/// ([`crate::align::score::one_quotation`]).
fn same_quote(first: &[u64], second: &[u64]) -> bool {
    crate::align::score::one_quotation(first, second, MIN_QUOTE_WORDS)
}

/// A group of the same quote in two sources or more: the longest quote of
/// each article, how faithfully they agree, and who most of them say spoke.
fn quote_group(
    articles: &[Article],
    quotes: &[Quote],
    keys: &[Vec<String>],
    mut members: Vec<usize>,
) -> Option<QuoteGroup> {
    members.sort_by_key(|&m| (quotes[m].article, std::cmp::Reverse(keys[m].len()), quotes[m].span.start));
    members.dedup_by_key(|m| quotes[*m].article);
    if members.len() < 2 {
        return None;
    }
    let fidelity = fidelity(articles, quotes, keys, &members);
    let speaker = majority_speaker(quotes, &members);
    Some(QuoteGroup { id: String::new(), members, fidelity, speaker })
}

fn fidelity(articles: &[Article], quotes: &[Quote], keys: &[Vec<String>], members: &[usize]) -> Fidelity {
    let longest = *members.iter().max_by_key(|&&member| keys[member].len()).expect("a group has members");
    let mut partial = false;
    for &member in members {
        if keys[member] == keys[longest] {
            continue;
        }
        let (quote, longest_quote) = (&quotes[member], &quotes[longest]);
        let word_diff =
            diff(&articles[quote.article].body, quote.span, &articles[longest_quote.article].body, longest_quote.span);
        // Words of the shorter quote missing from the longer one are changed
        // wording; words only the longer one has make the shorter partial
        // (unless they sit between shared words: then wording was cut inside).
        let inserted_inside = word_diff.chunks.windows(3).any(|window| {
            window[0].change == Change::Equal && window[1].change == Change::Insert && window[2].change == Change::Equal
        });
        if word_diff.changed_a().next().is_some() || inserted_inside {
            return Fidelity::Altered;
        }
        partial = true;
    }
    if partial { Fidelity::Partial } else { Fidelity::Exact }
}

fn majority_speaker(quotes: &[Quote], members: &[usize]) -> Option<String> {
    let mut counts: Vec<(String, usize)> = Vec::new();
    for &m in members {
        if let Some(s) = &quotes[m].speaker {
            match counts.iter_mut().find(|(k, _)| k.eq_ignore_ascii_case(s)) {
                Some((_, c)) => *c += 1,
                None => counts.push((s.clone(), 1)),
            }
        }
    }
    counts.into_iter().max_by_key(|(_, c)| *c).map(|(s, _)| s)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixture;

    fn quotes_of(a: &[Article]) -> Vec<Quote> {
        a.iter().enumerate().flat_map(|(i, x)| extract(i, x)).collect()
    }

    #[test]
    fn extracts_quotes_and_speakers() {
        let a = fixture::articles(&[
            "\"The plan focuses on security guarantees,\" the senior official said. Peskov said there were “no such plans” for talks. “We are ready to work,” said Zelensky. He added: \"Nothing is agreed.\" The “agreements” were denied.",
        ]);
        let q = quotes_of(&a);
        let texts: Vec<&str> = q.iter().map(|x| x.span.slice(&a[0].body)).collect();
        assert_eq!(
            texts,
            ["The plan focuses on security guarantees", "no such plans", "We are ready to work", "Nothing is agreed."]
        );
        let speakers: Vec<Option<&str>> = q.iter().map(|x| x.speaker.as_deref()).collect();
        assert_eq!(speakers, [Some("the senior official"), Some("Peskov"), Some("Zelensky"), None]);
    }

    #[test]
    fn a_mark_never_closed_opens_a_quote_to_its_attribution() {
        let a = fixture::articles(&[
            "“Flight AI171 was involved in an incident, Air India said in a statement. \"We are ascertaining the details,\" the airline added.\n\n“The search goes on into the night.\n\nRescuers said “no survivors” were found in the 6\" pipe under the road.",
        ]);
        let q = quotes_of(&a);
        let texts: Vec<&str> = q.iter().map(|x| x.span.slice(&a[0].body)).collect();
        assert_eq!(
            texts,
            [
                "Flight AI171 was involved in an incident",
                "We are ascertaining the details",
                "The search goes on into the night.",
                "no survivors",
            ]
        );
        assert_eq!(q[0].speaker.as_deref(), Some("Air India"));
        // A curly mark closed by a straight one, on a page mixing them.
        let a = fixture::articles(&[
            "Bridge to be rebuilt in Dunmore\n2025-06-12\n\nThe council met on Monday. “We will rebuild the bridge,\" the mayor said. \"It takes a year.\"",
        ]);
        let q = quotes_of(&a);
        let texts: Vec<&str> = q.iter().map(|x| x.span.slice(&a[0].body)).collect();
        assert_eq!(texts, ["We will rebuild the bridge", "It takes a year."]);
        assert_eq!(q[0].speaker.as_deref(), Some("the mayor"));
    }

    #[test]
    fn a_quote_alone_in_its_paragraph_is_not_said_by_the_next_one() {
        let a = fixture::articles(&[
            "Plane crashes near Ahmedabad airport\n2025-06-12\n\nThe plane crashed near the airport on Thursday. \"We are ascertaining the details and will share updates.\"\n\nFire service officials told AFP that an aircraft had crashed.",
        ]);
        let q = quotes_of(&a);
        assert_eq!(q.len(), 1, "{:?}", a[0].body);
        assert_eq!(q[0].speaker, None);
        // Within one paragraph, the next sentence still names the speaker.
        let a = fixture::articles(&[
            "Ministers agree on the final plan\n2025-06-12\n\nThe talks ended in the capital on Monday. \"The plan is final.\" The minister said so on Monday.",
        ]);
        assert_eq!(quotes_of(&a)[0].speaker.as_deref(), Some("The minister"));
    }

    #[test]
    fn a_speaker_is_a_name_not_the_words_of_quoting() {
        let a = fixture::articles(&[
            "“Keep the gates open,” the radio station quoted him as having said to the crowd. “We will rebuild the bridge,” the agency quoted Mayor Ilse Brandt as saying on the radio.",
        ]);
        let speakers: Vec<Option<String>> = quotes_of(&a).into_iter().map(|q| q.speaker).collect();
        assert_eq!(speakers, [None, Some("Mayor Ilse Brandt".to_string())]);
    }

    #[test]
    fn matches_quotes_across_sources_and_flags_changes() {
        let a = fixture::articles(&[
            "“It includes things Ukraine wants and needs to have a durable peace,” the official said. “Every attack shows the pressure is insufficient,” Zelensky wrote.",
            "\"It includes things Ukraine wants and needs to have a durable peace,\" an official said. \"Every brazen attack shows the pressure is insufficient,\" he wrote.",
            "Officials said \"things Ukraine wants and needs\" were included.",
        ]);
        let q = quotes_of(&a);
        let g = group(&a, &q, &[]);
        assert_eq!(g.len(), 2, "{g:?}");
        let durable = g.iter().find(|x| x.members.len() == 3).unwrap();
        assert_eq!(durable.members.len(), 3);
        assert_eq!(durable.fidelity, Fidelity::Partial);
        let attack = g.iter().find(|x| x.members.len() == 2).unwrap();
        assert_eq!(attack.fidelity, Fidelity::Altered);
        assert_eq!(attack.speaker.as_deref(), Some("Zelensky"));
    }

    #[test]
    fn a_short_quote_is_not_found_in_words_scattered_over_a_long_one() {
        let a = fixture::articles(&[
            "Mrs May added: \"The referendum was not just a call to leave the EU, but for profound change in our country. A call to make the UK a country that truly works for everyone. I am proud of the progress we have made.\"",
            "She said she was grateful to have served “the country that I love” as prime minister.",
            "She thanked voters and spoke of a call to make the UK “a country that truly works for everyone” again.",
        ]);
        let g = group(&a, &quotes_of(&a), &[]);
        assert_eq!(g.len(), 1, "{g:?}");
        let articles: Vec<usize> = g[0].members.iter().map(|&m| quotes_of(&a)[m].article).collect();
        assert_eq!(articles, [0, 2], "the words stand together in the third only");
    }

    #[test]
    fn a_long_name_is_read_whole_and_a_joined_verb_names_no_one() {
        let a = fixture::articles(&[
            "On Twitter, Prime Minister Abiy Ahmed's office wrote, “The government sends its deepest condolences.” \
             The PM conceded she had no chance of getting her deal through Parliament but insisted “I have done my best” to deliver it. \
             The mayor said the talks had stalled and added “we are not giving up on this town.” \
             On Monday Foreign Minister Sergei Lavrov said “the door stays open to talks.”",
        ]);
        let speakers: Vec<Option<String>> = quotes_of(&a).into_iter().map(|q| q.speaker).collect();
        assert_eq!(
            speakers,
            [
                Some("Prime Minister Abiy Ahmed's office".to_string()),
                None,
                Some("The mayor".to_string()),
                Some("Foreign Minister Sergei Lavrov".to_string())
            ]
        );
    }

    #[test]
    fn a_long_quote_cut_with_an_ellipsis_is_still_the_same_quote() {
        let a = fixture::articles(&[
            "The mayor said: \"We will rebuild the bridge, the station, the old market hall, the library, the clinic, the sports ground by the river and the road over the pass to the next town, and we will not rest until every home and every school in this valley stands again.\"",
            "“We will rebuild the bridge, the station … until every home and every school stands again,” the mayor said.",
        ]);
        assert_eq!(group(&a, &quotes_of(&a), &[]).len(), 1);
    }

    #[test]
    fn identical_quotes_are_exact_and_scare_quotes_ignored() {
        let a = fixture::articles(&[
            "He called it “a travesty of justice” on air. The “deal” failed.",
            "Critics called it “a travesty of justice” today.",
        ]);
        let q = quotes_of(&a);
        assert_eq!(q.len(), 2);
        let g = group(&a, &q, &[]);
        assert_eq!(g.len(), 1);
        assert_eq!(g[0].fidelity, Fidelity::Exact);
    }
}
