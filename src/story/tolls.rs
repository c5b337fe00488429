//! Death tolls across sources. Outlets give the toll of one happening in
//! sentences that share little else ("at least 217 people were killed
//! after the quake struck" / "the death toll rose to 225"), so no statement
//! joins them; each source's first toll of its story is gathered here, and
//! two that differ are a discrepancy of their own statement, "the toll".
//!
//! A number is a toll only when its words say it counts the dead (killed,
//! dead, died, the death toll): the injured, the missing, those feared dead
//! or on board are other counts. A toll in a relative clause ("the quake
//! that killed 5,000") or in a sentence dated weeks before its story tells
//! of another happening, and two tolls are compared only when they count
//! the same people (no noun, "people" and "persons" alike) and lie within
//! a factor of [`SAME_SCALE`] of each other: "two people died in his state"
//! is part of a national toll of 219, not a disagreement with it.

use std::sync::LazyLock;

use super::clusters::{Cluster, Member};
use super::discrepancy::{Bound, Count, Discrepancy, HEDGES, Kind, compared_wordings, count_gap};
use crate::align::Stories;
use crate::ingest::Article;
use crate::text::pattern::{Captures, Pattern};
use crate::text::{Span, words};
use crate::timeline::expr;
use crate::timeline::resolve::{Anchor, resolve_at};

/// What a toll that names no other noun counts.
const PEOPLE: &str = "people";

/// Two tolls further apart than this factor count different groups.
const SAME_SCALE: f64 = 3.0;

/// Days before its article's date a sentence may date something and still
/// tell the story's own happening.
const STORY_DAYS: i32 = 14;

const HEDGE: &str =
    r"(?:(?P<hedge>at least|more than|over|about|nearly|almost|some|around|up to|roughly|approximately)\s+)?";
const NUMBER: &str = r"(?P<n>[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)";

/// "killed at least 250", "killing all 157 people", "claimed the lives of 189 people".
static KILLED: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(&format!(
        r"(?i-u)\b(?:killed|killing|kills|claimed the lives of|claiming the lives of)\s+(?:all\s+)?{HEDGE}{NUMBER}(?:\s+(?P<noun>[a-z]+))?\b"
    ))
    .expect("toll pattern compiles")
});

/// "230 people were killed", "119 dead", "at least 219 people are dead".
static DEAD: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(&format!(
        r"(?i-u)\b{HEDGE}{NUMBER}\s+(?:(?P<noun>[a-z]+)\s+)?(?:(?:were|have been|had been|are|is|was|are now|have now been)\s+)?(?:killed|dead|died)\b"
    ))
    .expect("toll pattern compiles")
});

/// "the death toll ... rose to 225", "the death toll now stands at 230 people".
static DEATH_TOLL: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(&format!(
        r"(?i-u)\bdeath toll\b(?u:[^.;:]){{0,60}}?\b(?:to|at|of|reached|hit)\s+{HEDGE}{NUMBER}(?:\s+(?P<noun>[a-z]+))?\b"
    ))
    .expect("toll pattern compiles")
});

/// One source's toll: its count of the dead and the sentence giving it.
struct Toll {
    member: Member,
    count: Count,
}

/// The toll statements of every story whose sources give differing tolls
/// that no statement of `statements` already compares, as clusters
/// numbered on from them, and their discrepancies.
pub(super) fn find(
    articles: &[Article],
    stories: &Stories,
    anchors: &[Option<Anchor>],
    statements: &[Cluster],
) -> (Vec<Cluster>, Vec<Discrepancy>) {
    let mut clusters = Vec::new();
    let mut found = Vec::new();
    for members in &stories.members {
        let tolls: Vec<Toll> =
            members.iter().filter_map(|&article| first_toll(article, &articles[article], anchors[article])).collect();
        let cluster = statements.len() + clusters.len();
        let mut differing = compare(&tolls, cluster);
        differing.retain(|pair| !one_statement(statements, &pair.member_a, &pair.member_b));
        if differing.is_empty() {
            continue;
        }
        let summary = summary(articles, &tolls);
        let members: Vec<Member> = tolls.into_iter().map(|toll| toll.member).collect();
        clusters.push(Cluster { id: format!("c-{}", cluster + 1), members, summary });
        found.extend(differing);
    }
    (clusters, found)
}

/// What the toll statement is called: the tolls given, smallest first,
/// each in the words of its first source and with how many give it ("Death
/// toll: at least 140 people (2 sources) · 160"). The sentences around the
/// tolls share little else, so no one of them says what the sources differ on.
fn summary(articles: &[Article], tolls: &[Toll]) -> String {
    let mut values = distinct_values(tolls);
    values.sort_by(|(a, _), (b, _)| {
        let number = |toll: &Toll| toll.count.value.parse::<f64>().unwrap_or(f64::MAX);
        number(a).total_cmp(&number(b))
    });
    let told: Vec<String> = values
        .iter()
        .map(|(toll, sources)| {
            let words = toll.count.span.slice(&articles[toll.member.article].body);
            let words = lowercase_first(words.trim());
            if *sources > 1 { format!("{words} ({sources} sources)") } else { words }
        })
        .collect();
    crate::timeline::shorten(&format!("Death toll: {}", told.join(" · ")), crate::timeline::SUMMARY_BYTES)
}

/// Each toll value given, in the order first given, with how many sources
/// give it.
fn distinct_values(tolls: &[Toll]) -> Vec<(&Toll, usize)> {
    let mut values: Vec<(&Toll, usize)> = Vec::new();
    for toll in tolls {
        match values.iter_mut().find(|(first, _)| same_value(&first.count, &toll.count)) {
            Some((_, sources)) => *sources += 1,
            None => values.push((toll, 1)),
        }
    }
    values
}

/// `At least 140 people` as it reads inside a sentence.
fn lowercase_first(words: &str) -> String {
    let mut chars = words.chars();
    let Some(first) = chars.next() else { return String::new() };
    let second_is_lower = words.chars().nth(1).is_none_or(char::is_lowercase);
    if second_is_lower { first.to_lowercase().chain(chars).collect() } else { words.to_string() }
}

/// The first toll of people an article gives, in reading order ("four
/// teachers died" is a part of a toll).
fn first_toll(index: usize, article: &Article, anchor: Option<Anchor>) -> Option<Toll> {
    article.sentences.iter().enumerate().find_map(|(sentence, span)| {
        let text = span.slice(&article.body);
        let count = tolls_in(text)
            .into_iter()
            .find(|count| count.unit == PEOPLE && !dates_an_earlier_happening(text, count.span, anchor))?;
        let count = Count { span: Span::new(span.start + count.span.start, span.start + count.span.end), ..count };
        Some(Toll { member: Member { article: index, sentences: sentence..sentence + 1, span: *span }, count })
    })
}

/// The tolls a sentence gives, in order, each as a count of its noun
/// ("people" when it names none).
fn tolls_in(text: &str) -> Vec<Count> {
    let mut out: Vec<Count> = [&*KILLED, &*DEAD, &*DEATH_TOLL]
        .into_iter()
        .flat_map(|pattern| {
            pattern.captures_iter(text).filter_map(|captures| toll(text, &captures)).collect::<Vec<_>>()
        })
        .collect();
    out.sort_by_key(|count| count.span.start);
    out
}

/// The toll one match gives, unless its verb opens a relative clause
/// ("the quake that killed 5,000"; "said that 219 people are dead" is
/// the toll).
fn toll(text: &str, captures: &Captures<'_>) -> Option<Count> {
    let whole = captures.get(0)?;
    let number = captures.name("n")?;
    let previous = words::words(&text[..whole.start()]).last().map(|(_, word)| word.to_lowercase());
    let verb_first = whole.start() != captures.name("hedge").map_or(number.start(), |hedge| hedge.start());
    if verb_first && matches!(previous.as_deref(), Some("that" | "which" | "who")) {
        return None;
    }
    let noun = captures.name("noun").map(|noun| noun.as_str().to_lowercase());
    let counted = noun.as_deref().filter(|noun| !is_auxiliary(noun) && !matches!(*noun, "people" | "persons" | "dead"));
    let hedge = captures.name("hedge").map(|hedge| hedge.as_str().to_ascii_lowercase());
    let start = captures.name("hedge").map_or(number.start(), |hedge| hedge.start());
    let end = captures.name("noun").filter(|_| noun.as_deref().is_some_and(|noun| !is_auxiliary(noun)));
    Some(Count {
        value: number.as_str().replace(',', ""),
        unit: counted.unwrap_or(PEOPLE).to_string(),
        span: Span::new(start, end.map_or(number.end(), |noun| noun.end())),
        approx: hedge.as_deref().is_some_and(|hedge| HEDGES.contains(&hedge)),
        bound: hedge.as_deref().and_then(Bound::of),
    })
}

/// Words the noun slot of a toll may take that are no noun.
fn is_auxiliary(word: &str) -> bool {
    matches!(word, "were" | "are" | "is" | "was" | "have" | "had" | "on" | "in" | "and" | "of")
}

/// The toll at `toll` is dated, before it or just after it, to something
/// over weeks before its article: "the 1985 quake killed 5,000", "a jet
/// that crashed in October, killing 189", "5,000 died in 1985" (a month
/// or a year by its last day). A date further on tells of something else.
fn dates_an_earlier_happening(text: &str, toll: Span, anchor: Option<Anchor>) -> bool {
    let Some(anchor) = anchor else { return false };
    expr::find(text).into_iter().any(|found| {
        let near = found.span.start < toll.end || words::count(&text[toll.end..found.span.start]) <= NEAR_WORDS;
        near && resolve_at(found.say, &anchor, found.forward)
            .is_some_and(|when| anchor.date.since(when.bounds().1).is_ok_and(|span| span.get_days() > STORY_DAYS))
    })
}

/// Words after a toll within which a date still dates it.
const NEAR_WORDS: usize = 5;

/// Discrepancies between the different tolls of one story's sources: each
/// value once, carried by the sources that give it.
fn compare(tolls: &[Toll], cluster: usize) -> Vec<Discrepancy> {
    let values = distinct_values(tolls);
    let carriers: Vec<usize> = values.iter().map(|&(_, sources)| sources).collect();
    compared_wordings(&carriers)
        .into_iter()
        .filter_map(|(i, j)| {
            let ((first, first_sources), (second, second_sources)) = (values[i], values[j]);
            // "at least 217" and "225" are two tolls, given at two times:
            // a bound is how tolls are given, not a range both fit.
            if !comparable(&first.count, &second.count) {
                return None;
            }
            let gap = count_gap(&first.count, &second.count);
            Some(Discrepancy {
                cluster,
                kind: Kind::Number,
                a: (first.member.article, first.count.span),
                b: (second.member.article, second.count.span),
                member_a: first.member.clone(),
                member_b: second.member.clone(),
                dates: None,
                difference: gap.difference,
                small: gap.small,
                sources: (first_sources, second_sources),
            })
        })
        .collect()
}

/// Both tolls' sentences are members of one statement: compared there.
fn one_statement(statements: &[Cluster], first: &Member, second: &Member) -> bool {
    let carries = |statement: &Cluster, toll: &Member| {
        statement.member(toll.article).is_some_and(|member| member.sentences.contains(&toll.sentences.start))
    };
    statements.iter().any(|statement| carries(statement, first) && carries(statement, second))
}

/// "at least 230 people" and "230" give one toll.
fn same_value(first: &Count, second: &Count) -> bool {
    first.value == second.value && first.unit == second.unit
}

/// Two tolls of the same people, of a like size, that differ.
fn comparable(first: &Count, second: &Count) -> bool {
    let (Ok(a), Ok(b)) = (first.value.parse::<f64>(), second.value.parse::<f64>()) else { return false };
    first.unit == second.unit && a != b && a.min(b) > 0.0 && a.max(b) <= SAME_SCALE * a.min(b)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `count` statements of one member each, none of them a toll's.
    fn statements(count: usize) -> Vec<Cluster> {
        let member = Member { article: 2, sentences: 0..1, span: Span::new(0, 1) };
        (0..count)
            .map(|index| Cluster {
                id: format!("c-{}", index + 1),
                members: vec![member.clone()],
                summary: String::new(),
            })
            .collect()
    }

    #[test]
    fn tolls_one_statement_carries_are_compared_there_alone() {
        let articles = crate::fixture::articles(&[
            "Flood\n2025-10-21\n\nThe death toll in Halvik rose to 140 on Tuesday.",
            "Dam\n2025-10-21\n\nThe death toll in Halvik rose to 160 on Tuesday.",
        ]);
        let member = |article: usize| {
            let last = articles[article].sentences.len() - 1;
            Member { article, sentences: last..last + 1, span: articles[article].sentences[last] }
        };
        let joined = Cluster { id: "c-1".into(), members: vec![member(0), member(1)], summary: String::new() };
        let anchors = crate::timeline::anchors(&articles);
        let (clusters, found) = find(&articles, &Stories::one(2), &anchors, &[joined]);
        assert!(clusters.is_empty() && found.is_empty(), "{found:?}");
        let (clusters, found) = find(&articles, &Stories::one(2), &anchors, &[]);
        assert_eq!((clusters.len(), found.len()), (1, 1));
    }

    #[test]
    fn differing_tolls_of_one_story_are_a_discrepancy_of_their_own_statement() {
        let articles = crate::fixture::articles(&[
            "Flood\n2025-10-21\n\nAt least 140 people were killed after the dam above Halvik burst on Monday.",
            "Dam\n2025-10-22\n\nRescuers searched the valley on Wednesday. The death toll rose to 160, officials said.",
            "Valley\n2025-10-22\n\nAt least 40 people were injured. The flood that killed 3,000 people in 1961 was worse.",
            "Halvik\n2025-10-22\n\nThe river fell on Wednesday. Some 140 people died in the flood, the mayor said.",
        ]);
        let anchors = crate::timeline::anchors(&articles);
        let (clusters, found) = find(&articles, &Stories::one(articles.len()), &anchors, &statements(5));
        assert_eq!(clusters.len(), 1);
        assert_eq!(clusters[0].id, "c-6");
        let sources: Vec<usize> = clusters[0].members.iter().map(|member| member.article).collect();
        assert_eq!(sources, [0, 1, 3]);
        assert_eq!(clusters[0].summary, "Death toll: at least 140 people (2 sources) · 160");
        let told = |(article, span): (usize, Span)| span.slice(&articles[article].body).to_string();
        let pairs: Vec<(String, String, (usize, usize))> =
            found.iter().map(|d| (told(d.a), told(d.b), d.sources)).collect();
        assert_eq!(pairs, [("At least 140 people".to_string(), "160".to_string(), (2, 1))]);
        assert!(found.iter().all(|d| d.cluster == 5 && d.kind == Kind::Number));
    }

    fn tolls(text: &str) -> Vec<(String, String)> {
        tolls_in(text).into_iter().map(|count| (count.value, count.unit)).collect()
    }

    #[test]
    fn a_toll_counts_the_dead() {
        let people = |value: &str| vec![(value.to_string(), "people".to_string())];
        assert_eq!(tolls("At least 140 people were killed when the dam burst."), people("140"));
        assert_eq!(tolls("The flood killed at least 150 and left thousands homeless."), people("150"));
        assert_eq!(tolls("The death toll from the flood rose to 160 on Friday."), people("160"));
        assert_eq!(tolls("With 90 dead at the last count, it is the worst flood in decades."), people("90"));
        assert_eq!(tolls("The storm killed 12 fishermen."), [("12".to_string(), "fishermen".to_string())]);
        // The injured, the missing and those feared dead are other counts.
        assert!(tolls("At least 40 people were injured and 1,460 are missing.").is_empty());
        assert!(tolls("Some 170 people are feared dead.").is_empty());
        assert!(tolls("The ferry carried 230 passengers.").is_empty());
        // A relative clause tells of another happening.
        assert!(tolls("It was the worst since the flood that killed 3,000 people.").is_empty());
        assert!(tolls("It was the worst since the flood that killed at least 3,000 people.").is_empty());
        assert_eq!(tolls("The mayor said that at least 130 people are dead."), people("130"));
    }

    #[test]
    fn a_toll_dated_weeks_before_tells_of_another_happening() {
        let anchor = Some(Anchor::dated(jiff::civil::Date::constant(2025, 10, 22)));
        let dated = |text: &str| {
            let count = tolls_in(text).into_iter().next().unwrap();
            dates_an_earlier_happening(text, count.span, anchor)
        };
        assert!(dated("The dam that failed in March killed 40 people."));
        assert!(dated("Some 3,000 people died in 1961."));
        assert!(!dated(
            "With 90 dead so far, the flood is the worst since the one that struck the valley 60 years ago."
        ));
        assert!(!dated("At least 140 people were killed when the dam burst on Monday."));
    }

    #[test]
    fn only_tolls_of_the_same_people_and_scale_are_compared() {
        let count = |text: &str| tolls_in(text).into_iter().next().unwrap();
        let national = count("At least 140 people were killed.");
        assert!(comparable(&national, &count("The death toll rose to 160.")));
        assert!(!comparable(&national, &count("In the valley, 12 people died.")));
        assert!(!comparable(&national, &count("The flood killed 150 fishermen.")));
    }
}
