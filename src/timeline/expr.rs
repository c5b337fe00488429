//! Temporal expressions in English news prose: what the words say about
//! time, before any calendar arithmetic (that is [`super::resolve`]).
//!
//! Month and weekday names are matched only when capitalised, so the modal
//! "may" or a "march" never date anything; a bare month needs a preposition
//! or a following noun ("in August", "the envoy's October visit").

use std::sync::LazyLock;

use crate::text::pattern::{Captures, Match, Pattern};

use crate::text::Span;
use crate::text::lexicon::{MONTH_FULL_ALT, month_number, weekday_number};

/// Which part of a period the words point at.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    Whole,
    Early,
    Mid,
    Late,
    /// "earlier this week/month/year": before the anchor, inside the period.
    Earlier,
    /// "later this week/month/year": after the anchor, inside the period.
    Later,
    /// "the end of the month".
    End,
}

/// A unit of calendar time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unit {
    /// Only in `within N hours`, where it becomes whole days.
    Hour,
    Day,
    Week,
    Weekend,
    Month,
    Year,
    Decade,
}

/// What a temporal expression says.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Say {
    /// A calendar date or month: `November 19`, `Nov. 19, 2025`, `August
    /// 2025`, `in August`. The year may be missing, the day too.
    Calendar { year: Option<i16>, month: i8, day: Option<i8>, part: Part },
    /// A year: `in 2019`.
    Year { year: i16, part: Part },
    /// A weekday, `on Wednesday`, `last Friday`, `Tuesday evening`; `offset`
    /// is -1 for "last", +1 for "next", 0 for "this" and `None` when unsaid.
    Weekday { weekday: i8, offset: Option<i8> },
    /// `today` (0), `yesterday` (-1), `tomorrow` (+1).
    Day { offset: i8 },
    /// `this week` (0), `last month` (-1), `next year` (+1), with a part.
    Relative { unit: Unit, offset: i8, part: Part },
    /// `nearly four months ago`, `four years since`; `approx` when hedged
    /// or vague; `lean` +1 when the words put it later than that far back
    /// ("nearly", "almost"), -1 when earlier ("more than", "over").
    Ago { n: i32, unit: Unit, approx: bool, lean: i8 },
    /// `within 72 hours`, `within 30 days`: the limit that far ahead (hours
    /// counted in whole days).
    Within { n: i32, unit: Unit },
    /// `the next year`, `the following day`, `two years later`: counted
    /// from the date the narrative last gave ("took his vows in 1981. The
    /// next year, he was ordained"), not from the article's. `from_now`:
    /// with no such date, the words still read from the article's date
    /// ("the next year" as "next year"; "two years later" does not).
    Following { n: i32, unit: Unit, from_now: bool },
}

impl Say {
    /// True when the words alone fix the date (they give a year).
    pub fn is_absolute(&self) -> bool {
        matches!(self, Say::Calendar { year: Some(_), .. } | Say::Year { .. })
    }
}

/// A temporal expression found in a text.
#[derive(Clone, Debug, PartialEq)]
pub struct Expr {
    /// Byte range in the text searched.
    pub span: Span,
    pub text: String,
    pub say: Say,
    /// The expression points forward in time: "by Friday", "next week",
    /// "until August".
    pub forward: bool,
    /// The expression points back in time: "since August", "last week".
    pub backward: bool,
    /// A limit ("by Friday", "until August"): forward when the sentence
    /// speaks of what will happen, back when of what had happened ("had
    /// rescued 112 people by Sunday night").
    pub deadline: bool,
}

const MONTHS: &str = "January|February|March|April|May|June|July|August|September|October|November|December|Jan\\.|Feb\\.|Mar\\.|Apr\\.|Jun\\.|Jul\\.|Aug\\.|Sept\\.|Sep\\.|Oct\\.|Nov\\.|Dec\\.|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec";
const DAYS: &str = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday";
const PREP: &str = "on|by|until|till|since|from|before|after|as of|through|to|and|or|between|during|of|in|at|for";

fn re(s: &str) -> Pattern {
    Pattern::new(s).expect("temporal pattern compiles")
}

/// Which kinds of time words a text holds: month names, digits, weekdays,
/// day words, period words, "ago".
static TRIGGERS: LazyLock<crate::text::pattern::PatternSet> = LazyLock::new(|| {
    crate::text::pattern::PatternSet::new([
        format!(r"(?-u)\b(?:{MONTHS})"),
        r"[0-9]".to_string(),
        format!(r"(?-u)\b(?:{DAYS})\b"),
        r"(?i-u)\b(?:yesterday|today|tonight|tomorrow|morning|afternoon|evening|night|overnight|day|before)\b"
            .to_string(),
        r"(?i-u)\b(?:week|weekend|month|year|hours?|days|weeks|months|years)\b".to_string(),
        r"(?i-u)\b(?:ago|since)\b".to_string(),
    ])
    .expect("trigger patterns compile")
});

// `March10/2019`: a dateline's date may run together.
static MONTH_DAY: LazyLock<Pattern> = LazyLock::new(|| {
    re(&format!(
        r"(?-u)\b(?:(?P<prep>(?i:{PREP}))\s+)?(?P<mon>{MONTHS})\s*(?P<d>[0-9]{{1,2}})(?:st|nd|rd|th)?\b(?:(?:,?\s+|/)(?P<y>(?:1[89]|2[01])[0-9]{{2}})\b)?"
    ))
});

static DAY_MONTH: LazyLock<Pattern> = LazyLock::new(|| {
    re(&format!(
        r"(?-u)\b(?:(?P<prep>(?i:{PREP}))\s+)?(?:the\s+)?(?P<d>[0-9]{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon>{MONTHS})\b(?:,?\s+(?P<y>(?:1[89]|2[01])[0-9]{{2}})\b)?"
    ))
});

static ISO_DATE: LazyLock<Pattern> =
    LazyLock::new(|| re(r"(?-u)\b(?P<y>(?:19|20)[0-9]{2})-(?P<mo>[01][0-9])-(?P<d>[0-3][0-9])\b"));

static MONTH_YEAR: LazyLock<Pattern> = LazyLock::new(|| {
    re(&format!(
        r"(?-u)\b(?:(?P<prep>(?i:{PREP}))\s+)?(?P<part>(?i:early|mid|late|the end of|the beginning of|the start of|the middle of|end of|start of)[\s-]+)?(?P<mon>{MONTHS})\s+(?P<y>(?:1[89]|2[01])[0-9]{{2}})\b"
    ))
});

static MONTH_ALONE: LazyLock<Pattern> = LazyLock::new(|| {
    re(&format!(
        r"(?-u)\b(?P<prep>(?i:in|since|by|until|till|from|during|through|throughout|before|after|of|between|and|or|to|until|for|last|next|this|early|mid|late|the end of|the beginning of|the start of|the middle of|end of|start of))[\s-]+(?:(?P<mod>(?i:last|next|this|early|mid|late))[\s-]+)?(?P<mon>{MONTH_FULL_ALT})\b"
    ))
});

/// `the envoy's October visit`: a month used as an adjective.
static MONTH_ADJ: LazyLock<Pattern> = LazyLock::new(|| {
    re(
        r"(?-u)\b(?P<mon>January|February|April|June|July|August|September|October|November|December)\s+(?P<noun>[a-z]{3,})\b",
    )
});

static YEAR: LazyLock<Pattern> = LazyLock::new(|| {
    re(
        r"(?-u)\b(?P<prep>(?i:in|since|by|until|till|from|during|through|throughout|before|after|of|between|and|to|early|mid|late|the end of|the start of|the beginning of|the summer of|the spring of|the autumn of|the fall of|the winter of))\s+(?P<y>(?:1[89]|2[01])[0-9]{2})\b",
    )
});

static WEEKDAY: LazyLock<Pattern> = LazyLock::new(|| {
    re(&format!(
        r"(?-u:\b)(?:(?P<mod>(?i:on|last|this|next|by|until|till|from|since|before|after|this past|this coming|coming|past|early|late))\s+)?(?P<wd>{DAYS})(?:'s|’s)?(?:\s+(?P<tod>(?i:morning|afternoon|evening|night)))?(?-u:\b)"
    ))
});

/// Named days that are not "the last such weekday".
static WEEKDAY_IDIOM: LazyLock<Pattern> = LazyLock::new(|| {
    re(r"(?-u)(?:Black|Good|Super|Bloody|Ash|Easter|Palm|Holy|Cyber|Maundy|Whit|Shrove|Giving|Patriots?)\s+$")
});

static REL_DAY: LazyLock<Pattern> = LazyLock::new(|| {
    re(
        r"(?i-u)\b(?P<w>the day before yesterday|the day after tomorrow|yesterday|today|tonight|tomorrow|earlier today|later today|this morning|this afternoon|this evening|last night|last evening|the previous day|the day before|overnight)\b",
    )
});

/// `earlier in the week`, `later in the month`.
static IN_THE_PERIOD: LazyLock<Pattern> =
    LazyLock::new(|| re(r"(?i-u)\b(?P<part>earlier|later|early|late)\s+in\s+the\s+(?P<unit>week|month|year)\b"));

static WITHIN: LazyLock<Pattern> = LazyLock::new(|| {
    re(
        r"(?i-u)\bwithin\s+(?:the\s+next\s+)?(?P<n>[0-9]{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+(?P<unit>hours?|days?|weeks?|months?|years?)\b",
    )
});

static REL_PERIOD: LazyLock<Pattern> = LazyLock::new(|| {
    re(
        r"(?i-u)\b(?P<part>earlier|later|early|late|mid|the end of|the beginning of|the start of|the middle of|end of|start of)?[\s-]*(?P<off>this|last|next|the past|the previous|the coming|the following|past|coming|the same)\s+(?P<unit>week(?:end)?|month|year)\b",
    )
});

static END_OF: LazyLock<Pattern> = LazyLock::new(|| {
    re(
        r"(?i-u)\b(?:(?P<prep>by|before|until|till|at|toward|towards|around|near)\s+)?(?:the\s+)?end\s+of\s+(?:the|this)\s+(?P<unit>week|month|year)\b",
    )
});

static OVER_WEEKEND: LazyLock<Pattern> = LazyLock::new(|| re(r"(?i-u)\b(?:over|during|at)\s+the\s+weekend\b"));

static AGO: LazyLock<Pattern> = LazyLock::new(|| {
    re(
        r"(?i-u)\b(?:(?P<q>nearly|almost|about|around|roughly|some|more than|over|less than|just over|just under|at least|barely|only|approximately)\s+)?(?P<n>[0-9]{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a few|a couple of|several|half a)\s+(?P<unit>days?|weeks?|months?|years?|decades?)\s+(?:ago(?:\s+(?:today|tonight|this\s+(?:week|month)))?|since)\b",
    )
});

/// `two years later`, `the next day`, `the following day`: counted from
/// the narrative's last date.
static LATER: LazyLock<Pattern> = LazyLock::new(|| {
    re(
        r"(?i-u)\b(?:(?P<n>[0-9]{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+(?P<unit>days?|weeks?|months?|years?|decades?)\s+later|the\s+(?:next|following)\s+(?P<day>day))\b",
    )
});

fn number_word(w: &str) -> Option<(i32, bool)> {
    Some(match w.to_ascii_lowercase().as_str() {
        "a" | "an" | "one" => (1, false),
        "two" => (2, false),
        "three" => (3, false),
        "four" => (4, false),
        "five" => (5, false),
        "six" => (6, false),
        "seven" => (7, false),
        "eight" => (8, false),
        "nine" => (9, false),
        "ten" => (10, false),
        "eleven" => (11, false),
        "twelve" => (12, false),
        "a few" | "several" => (3, true),
        "a couple of" => (2, true),
        n => (n.parse().ok()?, false),
    })
}

fn unit_of(w: &str) -> Option<Unit> {
    let w = w.to_ascii_lowercase();
    Some(match w.trim_end_matches('s') {
        "hour" => Unit::Hour,
        "day" => Unit::Day,
        "week" => Unit::Week,
        "weekend" => Unit::Weekend,
        "month" => Unit::Month,
        "year" => Unit::Year,
        "decade" => Unit::Decade,
        _ => return None,
    })
}

fn part_of(w: Option<&str>) -> Part {
    match w.map(|s| s.trim().to_ascii_lowercase()) {
        None => Part::Whole,
        Some(s) => match s.as_str() {
            "early" | "the beginning of" | "the start of" | "start of" => Part::Early,
            "mid" | "the middle of" => Part::Mid,
            "late" => Part::Late,
            "earlier" => Part::Earlier,
            "later" => Part::Later,
            "the end of" | "end of" => Part::End,
            _ => Part::Whole,
        },
    }
}

/// (forward, backward, deadline) for the word before an expression.
fn direction(prep: Option<&str>) -> (bool, bool, bool) {
    match prep.map(|p| p.to_ascii_lowercase()) {
        Some(p) => match p.as_str() {
            "next" | "coming" | "this coming" | "toward" | "towards" => (true, false, false),
            "by" | "until" | "till" | "before" => (false, false, true),
            "since" | "last" | "past" | "this past" | "after" => (false, true, false),
            _ => (false, false, false),
        },
        None => (false, false, false),
    }
}

fn num<T: std::str::FromStr>(c: &Captures<'_>, name: &str) -> Option<T> {
    c.name(name)?.as_str().parse().ok()
}

/// Finds the temporal expressions in `text`, in order, without overlaps.
pub fn find(text: &str) -> Vec<Expr> {
    // One pass says which kinds of words are present; most sentences have
    // none, and each family of patterns runs only where it can match.
    let present = TRIGGERS.matches(text);
    if !present.matched_any() {
        return Vec::new();
    }
    let (month, digit, weekday, day_word, period, ago) = (
        present.matched(0),
        present.matched(1),
        present.matched(2),
        present.matched(3),
        present.matched(4),
        present.matched(5),
    );
    let mut finder = Finder { text, found: Vec::new() };
    // The order of the families decides between matches of the same span.
    if month && digit {
        finder.month_days();
    }
    if digit {
        finder.iso_dates();
    }
    if month && digit {
        finder.months_with_year();
    }
    if month {
        finder.months_alone();
        finder.months_as_adjectives();
    }
    if digit {
        finder.years();
    }
    if weekday {
        finder.weekdays();
    }
    if day_word {
        finder.day_words();
    }
    if period || day_word {
        finder.laters();
    }
    if period {
        finder.period_ends();
        finder.relative_periods();
        finder.in_the_period();
        finder.within();
        finder.weekends();
    }
    if ago {
        finder.agos();
    }
    finder.finish()
}

/// The expression a match says, with the direction its preposition gives.
fn expression(m: Match<'_>, say: Say, prep: Option<&str>) -> Expr {
    let (forward, backward, deadline) = direction(prep);
    Expr { span: Span::new(m.start(), m.end()), text: m.as_str().to_string(), say, forward, backward, deadline }
}

/// The text of a named group, if it took part in the match.
fn group<'t>(captures: &Captures<'t>, name: &str) -> Option<&'t str> {
    captures.name(name).map(|m| m.as_str())
}

/// The whole match of a pattern's captures.
fn whole<'t>(captures: &Captures<'t>) -> Match<'t> {
    captures.get(0).expect("group 0 is the whole match")
}

/// Temporal expressions found in one text, one method per family of
/// patterns; overlaps are settled at the end ([`Finder::finish`]).
struct Finder<'t> {
    text: &'t str,
    found: Vec<Expr>,
}

impl Finder<'_> {
    /// `November 19`, `Nov. 19, 2025`, `3 March`, `the 3rd of March`.
    fn month_days(&mut self) {
        for captures in MONTH_DAY.captures_iter(self.text).chain(DAY_MONTH.captures_iter(self.text)) {
            let (Some(month), Some(day)) = (month_number(&captures["mon"]), num::<i8>(&captures, "d")) else {
                continue;
            };
            if !(1..=31).contains(&day) {
                continue;
            }
            let say = Say::Calendar { year: num(&captures, "y"), month, day: Some(day), part: Part::Whole };
            self.found.push(expression(whole(&captures), say, group(&captures, "prep")));
        }
    }

    /// `2024-02-29`.
    fn iso_dates(&mut self) {
        for captures in ISO_DATE.captures_iter(self.text) {
            let (Some(year), Some(month), Some(day)) = (num(&captures, "y"), num(&captures, "mo"), num(&captures, "d"))
            else {
                continue;
            };
            let say = Say::Calendar { year: Some(year), month, day: Some(day), part: Part::Whole };
            self.found.push(expression(whole(&captures), say, None));
        }
    }

    /// `August 2025`, `in late March 2024`.
    fn months_with_year(&mut self) {
        for captures in MONTH_YEAR.captures_iter(self.text) {
            let Some(month) = month_number(&captures["mon"]) else { continue };
            let part = part_of(group(&captures, "part"));
            let say = Say::Calendar { year: num(&captures, "y"), month, day: None, part };
            self.found.push(expression(whole(&captures), say, group(&captures, "prep")));
        }
    }

    /// `in August`, `last May`, `early October`.
    fn months_alone(&mut self) {
        for captures in MONTH_ALONE.captures_iter(self.text) {
            let Some(month) = month_number(&captures["mon"]) else { continue };
            let prep = group(&captures, "prep");
            let modifier = group(&captures, "mod");
            let part = part_of(modifier.or(prep));
            // "last August" / "next May": the modifier gives the direction.
            let direction = match modifier.or(prep).map(str::to_ascii_lowercase) {
                Some(word) if word == "last" || word == "next" || word == "this" => Some(word),
                _ => None,
            };
            let say = Say::Calendar { year: None, month, day: None, part };
            self.found.push(expression(whole(&captures), say, direction.as_deref().or(prep)));
        }
    }

    /// `the envoy's October visit`.
    fn months_as_adjectives(&mut self) {
        for captures in MONTH_ADJ.captures_iter(self.text) {
            let Some(month) = month_number(&captures["mon"]) else { continue };
            let name = captures.name("mon").expect("the pattern names the month");
            // Not at the start of a sentence, where any word is capitalised.
            if self.text[..name.start()].trim_end().is_empty() {
                continue;
            }
            let say = Say::Calendar { year: None, month, day: None, part: Part::Whole };
            self.found.push(expression(name, say, None));
        }
    }

    /// `in 2019`, `since 2014`.
    fn years(&mut self) {
        for captures in YEAR.captures_iter(self.text) {
            let m = whole(&captures);
            let rest = &self.text[m.end()..];
            // "in 2019-20", "by 2025%", "of 2024,5": not a plain year.
            if rest.starts_with(['-', '–', '%', '/']) || rest.starts_with(",0") || rest.starts_with(",5") {
                continue;
            }
            let Some(year) = num(&captures, "y") else { continue };
            let prep = group(&captures, "prep");
            self.found.push(expression(m, Say::Year { year, part: part_of(prep) }, prep));
        }
    }

    /// `on Wednesday`, `last Friday`, `Tuesday evening`.
    fn weekdays(&mut self) {
        for captures in WEEKDAY.captures_iter(self.text) {
            let name = captures.name("wd").expect("the pattern names the weekday");
            if WEEKDAY_IDIOM.is_match(&self.text[..name.start()]) {
                continue;
            }
            // "Mondays" (habit) is not a date.
            if self.text[name.end()..].starts_with('s') {
                continue;
            }
            let Some(weekday) = weekday_number(name.as_str()) else { continue };
            let modifier = group(&captures, "mod");
            let offset = match modifier.map(str::to_ascii_lowercase).as_deref() {
                Some("last" | "this past" | "past") => Some(-1),
                Some("next" | "this coming" | "coming") => Some(1),
                Some("this") => Some(0),
                _ => None,
            };
            self.found.push(expression(whole(&captures), Say::Weekday { weekday, offset }, modifier));
        }
    }

    /// `yesterday`, `tonight`, `the previous day`.
    fn day_words(&mut self) {
        for captures in REL_DAY.captures_iter(self.text) {
            let offset = match captures["w"].to_ascii_lowercase().as_str() {
                "yesterday" | "last night" | "last evening" | "the previous day" | "the day before" => -1,
                "the day before yesterday" => -2,
                "tomorrow" => 1,
                "the day after tomorrow" => 2,
                _ => 0,
            };
            self.found.push(expression(whole(&captures), Say::Day { offset }, None));
        }
    }

    /// `by the end of the month`.
    fn period_ends(&mut self) {
        for captures in END_OF.captures_iter(self.text) {
            let Some(unit) = unit_of(&captures["unit"]) else { continue };
            let say = Say::Relative { unit, offset: 0, part: Part::End };
            self.found.push(expression(whole(&captures), say, group(&captures, "prep")));
        }
    }

    /// `this week`, `late last month`, `the past year`.
    fn relative_periods(&mut self) {
        for captures in REL_PERIOD.captures_iter(self.text) {
            let Some(unit) = unit_of(&captures["unit"]) else { continue };
            let offset_word = captures["off"].to_ascii_lowercase();
            if offset_word == "the same" {
                continue; // "the same week": relative to something else
            }
            let offset = match offset_word.as_str() {
                "last" | "the previous" | "the past" | "past" => -1,
                "next" | "the coming" | "the following" | "coming" => 1,
                _ => 0,
            };
            // "the next year", "the following month": the narrative's.
            let the_next = offset_word == "next"
                && self.text[..captures.name("off").map_or(0, |m| m.start())].to_ascii_lowercase().ends_with("the ");
            if (the_next || offset_word == "the following") && captures.name("part").is_none() && unit != Unit::Weekend
            {
                let name = captures.name("off").expect("the offset is required");
                let start = if the_next { name.start() - 4 } else { name.start() };
                let end = whole(&captures).end();
                self.found.push(Expr {
                    span: Span::new(start, end),
                    text: self.text[start..end].to_string(),
                    say: Say::Following { n: 1, unit, from_now: the_next },
                    forward: false,
                    backward: false,
                    deadline: false,
                });
                continue;
            }
            let past = offset_word.ends_with("past");
            let mut part = part_of(group(&captures, "part"));
            // "the past week": the days up to the anchor, not last calendar week.
            if past && unit != Unit::Weekend {
                part = Part::Earlier;
            }
            let end = whole(&captures).end();
            let start = captures.name("part").or_else(|| captures.name("off")).expect("the offset is required").start();
            self.found.push(Expr {
                span: Span::new(start, end),
                text: self.text[start..end].to_string(),
                say: Say::Relative { unit, offset: if past { 0 } else { offset }, part },
                forward: offset > 0,
                backward: offset < 0 || past,
                deadline: false,
            });
        }
    }

    /// `earlier in the week`, `later in the month`.
    fn in_the_period(&mut self) {
        for captures in IN_THE_PERIOD.captures_iter(self.text) {
            let Some(unit) = unit_of(&captures["unit"]) else { continue };
            let part = match captures["part"].to_ascii_lowercase().as_str() {
                "earlier" => Part::Earlier,
                "later" => Part::Later,
                "early" => Part::Early,
                _ => Part::Late,
            };
            self.found.push(expression(whole(&captures), Say::Relative { unit, offset: 0, part }, None));
        }
    }

    /// `within 30 days`, `within 72 hours` (whole days).
    fn within(&mut self) {
        for captures in WITHIN.captures_iter(self.text) {
            let (Some((count, _)), Some(unit)) = (number_word(&captures["n"]), unit_of(&captures["unit"])) else {
                continue;
            };
            let (count, unit) = if unit == Unit::Hour { ((count + 23) / 24, Unit::Day) } else { (count, unit) };
            self.found.push(expression(whole(&captures), Say::Within { n: count, unit }, Some("next")));
        }
    }

    /// `over the weekend`: the last one.
    fn weekends(&mut self) {
        for m in OVER_WEEKEND.find_iter(self.text) {
            self.found.push(Expr {
                span: Span::new(m.start(), m.end()),
                text: m.as_str().to_string(),
                say: Say::Relative { unit: Unit::Weekend, offset: -1, part: Part::Whole },
                forward: false,
                backward: true,
                deadline: false,
            });
        }
    }

    /// `two years later`, `the next day`.
    fn laters(&mut self) {
        for captures in LATER.captures_iter(self.text) {
            let (count, unit) = match (group(&captures, "n"), group(&captures, "unit")) {
                (Some(count), Some(unit)) => (number_word(count).map(|(count, _)| count), unit_of(unit)),
                _ => (Some(1), Some(Unit::Day)),
            };
            let (Some(n), Some(unit)) = (count, unit) else { continue };
            let say = Say::Following { n, unit, from_now: false };
            self.found.push(expression(whole(&captures), say, None));
        }
    }

    /// `two days ago`, `nearly four months ago`; an anniversary's "today"
    /// ("32 years ago today") is part of it: it dates the past day, not
    /// the article's.
    fn agos(&mut self) {
        for captures in AGO.captures_iter(self.text) {
            let (Some((count, vague)), Some(unit)) = (number_word(&captures["n"]), unit_of(&captures["unit"])) else {
                continue;
            };
            let lean = match group(&captures, "q").map(str::to_ascii_lowercase).as_deref() {
                Some("nearly" | "almost" | "less than" | "just under" | "barely" | "only") => 1,
                Some("more than" | "over" | "just over" | "at least") => -1,
                _ => 0,
            };
            let say = Say::Ago { n: count, unit, approx: vague || captures.name("q").is_some(), lean };
            self.found.push(expression(whole(&captures), say, Some("since")));
        }
    }

    /// Keeps the earliest, then longest, of overlapping matches, and drops
    /// what does not date anything.
    fn finish(self) -> Vec<Expr> {
        let Finder { text, mut found } = self;
        found.sort_by_key(|e| (e.span.start, std::cmp::Reverse(e.span.end)));
        let mut out: Vec<Expr> = Vec::new();
        for e in found {
            if out.last().is_none_or(|last| last.span.end <= e.span.start) {
                out.push(e);
            }
        }
        // "overnight" dates a sentence only when nothing else does:
        // "overnight attacks on Wednesday" happened on Wednesday.
        if out.len() > 1 {
            out.retain(|e| !e.text.eq_ignore_ascii_case("overnight"));
        }
        out.retain(|e| !counted_from_something(text, e) && !negated(text, e) && !in_time_zone_note(text, e));
        out
    }
}

/// "the day before the strike was announced", "the previous day's vote":
/// counted from another happening, not from the article's date.
fn counted_from_something(text: &str, e: &Expr) -> bool {
    let t = e.text.to_ascii_lowercase();
    if !(t == "the day before" || t == "the previous day") {
        return false;
    }
    let rest = text[e.span.end..].trim_start();
    let next = rest.split(|c: char| !c.is_alphanumeric()).next().unwrap_or("").to_ascii_lowercase();
    rest.starts_with(['\'', '’'])
        || matches!(next.as_str(), "the" | "a" | "an" | "his" | "her" | "its" | "their" | "this" | "that" | "our")
}

/// "not next month": a date denied.
fn negated(text: &str, e: &Expr) -> bool {
    let before = text[..e.span.start].trim_end().to_ascii_lowercase();
    before.ends_with(" not") || before == "not" || before.ends_with(" never")
}

/// "(2317 GMT on Friday)", "[12:10 am, May 9, Hong Kong time]": the same
/// moment in another time zone, in brackets.
fn in_time_zone_note(text: &str, e: &Expr) -> bool {
    let Some(open) = text[..e.span.start].rfind(['(', '[']) else { return false };
    let closing = if text[open..].starts_with('(') { ')' } else { ']' };
    if text[open..e.span.start].contains([')', ']']) {
        return false;
    }
    let Some(close) = text[e.span.end..].find(closing) else { return false };
    let inside = &text[open..e.span.end + close];
    let zone = inside.contains("GMT")
        || inside.contains("UTC")
        || inside.split(|c: char| !c.is_alphanumeric()).any(|word| word == "time");
    zone && words_between(&text[e.span.end..e.span.end + close]) <= 3
}

/// How many words a stretch of text holds.
fn words_between(text: &str) -> usize {
    text.split(|c: char| !c.is_alphanumeric()).filter(|word| !word.is_empty()).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn says(text: &str) -> Vec<(String, Say)> {
        find(text).into_iter().map(|e| (e.text, e.say)).collect()
    }

    fn one(text: &str) -> Say {
        let f = says(text);
        assert_eq!(f.len(), 1, "{text}: {f:?}");
        f[0].1
    }

    #[test]
    fn explicit_dates() {
        assert_eq!(
            one("On November 19, Axios reported"),
            Say::Calendar { year: None, month: 11, day: Some(19), part: Part::Whole }
        );
        assert_eq!(
            one("signed on Nov. 19, 2025 in Geneva"),
            Say::Calendar { year: Some(2025), month: 11, day: Some(19), part: Part::Whole }
        );
        assert_eq!(
            one("by 3 March the talks"),
            Say::Calendar { year: None, month: 3, day: Some(3), part: Part::Whole }
        );
        assert_eq!(
            one("filed 2024-02-29 in court"),
            Say::Calendar { year: Some(2024), month: 2, day: Some(29), part: Part::Whole }
        );
    }

    #[test]
    fn a_dateline_date_run_together_is_a_date() {
        assert_eq!(
            one("Dunmore June4/2021 The ferry sank"),
            Say::Calendar { year: Some(2021), month: 6, day: Some(4), part: Part::Whole }
        );
    }

    #[test]
    fn months_with_and_without_year() {
        assert_eq!(
            one("the invasion in February 2022 left"),
            Say::Calendar { year: Some(2022), month: 2, day: None, part: Part::Whole }
        );
        assert_eq!(
            one("met in Anchorage, Alaska in August for"),
            Say::Calendar { year: None, month: 8, day: None, part: Part::Whole }
        );
        assert_eq!(
            one("during the envoy's October visit to Miami"),
            Say::Calendar { year: None, month: 10, day: None, part: Part::Whole }
        );
        assert_eq!(
            one("Trump's August 2025 summit"),
            Say::Calendar { year: Some(2025), month: 8, day: None, part: Part::Whole }
        );
        assert_eq!(
            one("prices rose in late March 2024"),
            Say::Calendar { year: Some(2024), month: 3, day: None, part: Part::Late }
        );
    }

    #[test]
    fn modal_may_and_verb_march_are_not_dates() {
        assert!(says("Officials may meet again. Protesters march on the capital.").is_empty());
        assert!(says("May God help us.").is_empty());
    }

    #[test]
    fn weekdays() {
        assert_eq!(one("travelled to Kiev on Wednesday with"), Say::Weekday { weekday: 2, offset: None });
        assert_eq!(one("after speaking with Trump Tuesday evening."), Say::Weekday { weekday: 1, offset: None });
        assert_eq!(one("last Friday"), Say::Weekday { weekday: 4, offset: Some(-1) });
        assert_eq!(one("next Monday"), Say::Weekday { weekday: 0, offset: Some(1) });
        assert!(says("Shops opened for Black Friday. Markets close on Mondays.").is_empty());
    }

    #[test]
    fn relative_periods() {
        assert_eq!(one("approved this week a plan"), Say::Relative { unit: Unit::Week, offset: 0, part: Part::Whole });
        assert_eq!(
            one("met in Miami late last month"),
            Say::Relative { unit: Unit::Month, offset: -1, part: Part::Late }
        );
        assert_eq!(one("earlier this year"), Say::Relative { unit: Unit::Year, offset: 0, part: Part::Earlier });
        assert_eq!(
            one("before the end of the month."),
            Say::Relative { unit: Unit::Month, offset: 0, part: Part::End }
        );
        assert_eq!(one("talks next week"), Say::Relative { unit: Unit::Week, offset: 1, part: Part::Whole });
        assert_eq!(one("over the weekend"), Say::Relative { unit: Unit::Weekend, offset: -1, part: Part::Whole });
        assert_eq!(one("said yesterday"), Say::Day { offset: -1 });
    }

    #[test]
    fn ago_and_hedges() {
        assert_eq!(
            one("negotiations nearly four months ago."),
            Say::Ago { n: 4, unit: Unit::Month, approx: true, lean: 1 }
        );
        assert_eq!(one("two days ago"), Say::Ago { n: 2, unit: Unit::Day, approx: false, lean: 0 });
        assert_eq!(one("a year ago"), Say::Ago { n: 1, unit: Unit::Year, approx: false, lean: 0 });
        assert!(says("the nearly four-year war").is_empty());
    }

    #[test]
    fn an_anniversarys_today_is_part_of_its_ago() {
        let year = Say::Ago { n: 20, unit: Unit::Year, approx: false, lean: 0 };
        assert_eq!(says("the flood that drowned the valley 20 years ago today"), [("20 years ago today".into(), year)]);
        let last_year = Say::Ago { n: 1, unit: Unit::Year, approx: false, lean: 0 };
        assert_eq!(says("the ferry sank a year ago this week"), [("a year ago this week".into(), last_year)]);
    }

    #[test]
    fn years() {
        assert_eq!(one("was founded in 2019 by"), Say::Year { year: 2019, part: Part::Whole });
        assert!(says("over 470 drones and 48 missiles, $200 billion, 2025 people").is_empty());
    }

    #[test]
    fn two_expressions_in_one_sentence() {
        let f = says("Peskov said on Friday that the summit in August changed nothing.");
        assert_eq!(f.len(), 2);
        assert_eq!(f[0].0, "on Friday");
        assert_eq!(f[1].0, "in August");
    }

    #[test]
    fn previous_day_overnight_within_and_in_the_week() {
        assert_eq!(one("a statement issued the previous day"), Say::Day { offset: -1 });
        assert_eq!(one("214 people were detained overnight."), Say::Day { offset: 0 });
        assert_eq!(says("launched overnight attacks on Wednesday")[0].1, Say::Weekday { weekday: 2, offset: None });
        assert_eq!(says("launched overnight attacks on Wednesday").len(), 1);
        assert_eq!(one("finish the count within 72 hours"), Say::Within { n: 3, unit: Unit::Day });
        assert_eq!(one("a plan within 30 days of the notice"), Say::Within { n: 30, unit: Unit::Day });
        assert_eq!(
            one("Earlier in the week, the bloc said"),
            Say::Relative { unit: Unit::Week, offset: 0, part: Part::Earlier }
        );
        assert!(find("finish within 72 hours")[0].forward);
    }

    #[test]
    fn a_day_after_for_is_a_day() {
        assert_eq!(
            one("a conference scheduled for February 24 in Dushanbe"),
            Say::Calendar { year: None, month: 2, day: Some(24), part: Part::Whole }
        );
    }

    #[test]
    fn dates_that_are_not_the_articles_to_count_from() {
        assert!(says("on Sunday night, the day before the strike was announced").len() == 1);
        assert_eq!(says("a statement issued the day before.").len(), 1);
        assert_eq!(says("a statement issued the previous day calling for calm").len(), 1);
        assert!(says("\"This will be fixed this year, not next month,\" he said.").len() == 1);
        assert_eq!(says("at 4:17 am local time on Saturday (2317 GMT on Friday), about 30 km east").len(), 1);
    }

    #[test]
    fn direction_words() {
        let e = &find("a deal by Thursday")[0];
        assert!(e.deadline && !e.forward);
        let e = &find("talks next week")[0];
        assert!(e.forward);
        let e = &find("since August")[0];
        assert!(e.backward);
    }
}
