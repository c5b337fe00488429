//! Calendar arithmetic: a temporal expression plus the date an article was
//! published gives a date, a range, a month or a year, with the precision the
//! words support.

use jiff::ToSpan;
use jiff::civil::Date;
use serde::Serialize;

use super::expr::{Part, Say, Unit};

/// How precise a resolved date is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Precision {
    Year,
    Month,
    /// A span of days (`this week`): `start..=end`.
    Range,
    Day,
}

/// A resolved point or period in time.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct When {
    /// The first day (for a month or year, its first day).
    pub start: Date,
    /// The last day of a [`Precision::Range`].
    pub end: Option<Date>,
    pub precision: Precision,
    /// The words hedge ("late last month", "nearly four months ago").
    pub approximate: bool,
}

impl When {
    pub fn day(d: Date, approximate: bool) -> When {
        When { start: d, end: None, precision: Precision::Day, approximate }
    }

    pub fn month(year: i16, month: i8, approximate: bool) -> Option<When> {
        let start = Date::new(year, month, 1).ok()?;
        Some(When { start, end: None, precision: Precision::Month, approximate })
    }

    pub fn year(year: i16, approximate: bool) -> Option<When> {
        let start = Date::new(year, 1, 1).ok()?;
        Some(When { start, end: None, precision: Precision::Year, approximate })
    }

    pub fn range(start: Date, end: Date, approximate: bool) -> When {
        if start >= end {
            return When::day(start.min(end), approximate);
        }
        When { start, end: Some(end), precision: Precision::Range, approximate }
    }

    /// The first and last day this covers.
    pub fn bounds(&self) -> (Date, Date) {
        let last = match self.precision {
            Precision::Day => self.start,
            Precision::Range => self.end.unwrap_or(self.start),
            Precision::Month => self.start.last_of_month(),
            Precision::Year => self.start.last_of_year(),
        };
        (self.start, last)
    }

    /// `YYYY-MM-DD`, `YYYY-MM` or `YYYY`, as precise as the words are.
    pub fn date_string(&self) -> String {
        match self.precision {
            Precision::Day | Precision::Range => self.start.to_string(),
            Precision::Month => format!("{:04}-{:02}", self.start.year(), self.start.month()),
            Precision::Year => format!("{:04}", self.start.year()),
        }
    }

    /// The last day of a range, `YYYY-MM-DD`.
    pub fn end_string(&self) -> Option<String> {
        match self.precision {
            Precision::Range => self.end.map(|d| d.to_string()),
            _ => None,
        }
    }

    /// True when one covers the other (a day inside a week, a month inside a
    /// year): they can be the same happening.
    pub fn compatible(&self, other: &When) -> bool {
        let (a0, a1) = self.bounds();
        let (b0, b1) = other.bounds();
        (a0 <= b0 && b1 <= a1) || (b0 <= a0 && a1 <= b1)
    }
}

fn add_days(d: Date, n: i64) -> Option<Date> {
    d.checked_add(n.days()).ok()
}

fn add_months(d: Date, n: i64) -> Option<Date> {
    d.checked_add(n.months()).ok()
}

fn monday_of(d: Date) -> Option<Date> {
    add_days(d, -i64::from(d.weekday().to_monday_zero_offset()))
}

/// What an article's relative dates are read against: its own date, or,
/// for an article that gives none, the dates of the rest of its set.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Anchor {
    /// The article's date, or the set's median date.
    pub date: Date,
    /// For an undated article: the first and last date the other articles
    /// give. It reports the same story, so a weekday it names is the one
    /// nearest those dates, not the one before some chosen day.
    pub window: Option<(Date, Date)>,
    /// The newest date any article of the set gives: no happening the text
    /// does not mark as future is placed after it.
    pub latest: Option<Date>,
}

impl Anchor {
    /// An article's own date, the only one known.
    pub fn dated(date: Date) -> Anchor {
        Anchor { date, window: None, latest: Some(date) }
    }

    /// An article's own date, in a set whose newest date is `latest`.
    pub fn in_set(date: Date, latest: Option<Date>) -> Anchor {
        Anchor { date, window: None, latest: Some(latest.map_or(date, |latest| latest.max(date))) }
    }
}

/// Resolves what an expression says against an article's [`Anchor`].
pub fn resolve_at(say: Say, anchor: &Anchor, forward: bool) -> Option<When> {
    match (say, anchor.window) {
        (Say::Weekday { weekday, offset: None }, Some((lo, hi))) => {
            let lo_wd = lo.weekday().to_monday_zero_offset();
            // The first such weekday on or after the window's start.
            let first = add_days(lo, i64::from((weekday - lo_wd).rem_euclid(7)))?;
            let day = if forward || first <= hi {
                first
            } else {
                // Outside the window: the nearer of the days just before
                // and just after it, the earlier on a tie.
                let before = add_days(first, -7)?;
                let gap = |a: Date, b: Date| b.since(a).map_or(i64::MAX, |s| i64::from(s.get_days()));
                if gap(before, lo) <= gap(hi, first) { before } else { first }
            };
            Some(When::day(day, false))
        }
        _ => resolve(say, anchor.date, forward),
    }
}

/// Resolves what an expression says against `anchor` (the article's date).
/// `forward` says the sentence looks ahead (a deadline, a plan).
pub fn resolve(say: Say, anchor: Date, forward: bool) -> Option<When> {
    match say {
        Say::Calendar { year: Some(year), month, day: Some(day), .. } => {
            Some(When::day(Date::new(year, month, day).ok()?, false))
        }
        Say::Calendar { year: None, month, day: Some(day), .. } => day_of_month(month, day, anchor, forward),
        Say::Calendar { year: Some(year), month, day: None, part } => When::month(year, month, part != Part::Whole),
        Say::Calendar { year: None, month, day: None, part } => month_alone(month, part, anchor, forward),
        Say::Year { year, part } => When::year(year, part != Part::Whole),
        Say::Weekday { weekday: day, offset } => weekday(day, offset, anchor, forward),
        Say::Day { offset } => Some(When::day(add_days(anchor, i64::from(offset))?, false)),
        Say::Relative { unit, offset, part } => relative(unit, offset, part, anchor, forward),
        Say::Within { n, unit } => within(i64::from(n), unit, anchor),
        Say::Ago { n, unit, approx, lean } => ago(i64::from(n), unit, approx, lean, anchor),
        // No date of the narrative's to count from: "the next year" is
        // next year; "two years later" cannot be placed.
        Say::Following { n, unit, from_now: true } if unit != Unit::Day => {
            relative(unit, i8::try_from(n).ok()?, Part::Whole, anchor, forward)
        }
        Say::Following { .. } => None,
    }
}

/// `the next year` after a sentence about 1981: `n` units after `from`, as
/// precise as both the unit and `from` allow.
pub fn following(n: i32, unit: Unit, from: When) -> Option<When> {
    let count = i64::from(n);
    let precise = |needed: Precision| from.precision >= needed && from.precision != Precision::Range;
    match unit {
        Unit::Day | Unit::Hour if precise(Precision::Day) => Some(When::day(add_days(from.start, count)?, false)),
        Unit::Week | Unit::Weekend if precise(Precision::Day) => {
            Some(When::day(add_days(from.start, 7 * count)?, true))
        }
        Unit::Month if precise(Precision::Month) => {
            let date = add_months(from.start, count)?;
            When::month(date.year(), date.month(), false)
        }
        Unit::Year => When::year(from.start.year() + i16::try_from(n).ok()?, false),
        Unit::Decade => When::year(from.start.year() + 10 * i16::try_from(n).ok()?, true),
        _ => None,
    }
}

/// `November 19`: the year that puts the date nearest the anchor, or the
/// next one ahead when the sentence looks forward.
fn day_of_month(month: i8, day: i8, anchor: Date, forward: bool) -> Option<When> {
    let year = anchor.year();
    let candidates = [year - 1, year, year + 1].into_iter().filter_map(|y| Date::new(y, month, day).ok());
    let best = if forward {
        candidates.filter(|date| *date >= anchor).min()
    } else {
        candidates.min_by_key(|date| {
            let days = (anchor.since(*date).ok()?.get_days()).abs();
            // A little bias to the past: news mostly reports what happened.
            Some(if *date > anchor { days * 2 } else { days })
        })
    }?;
    Some(When::day(best, false))
}

/// `in August`: this year's, or the last (the next, looking forward) when
/// this year's is on the other side of the anchor.
fn month_alone(month: i8, part: Part, anchor: Date, forward: bool) -> Option<When> {
    let (this_year, this_month) = (anchor.year(), anchor.month());
    let year = if forward {
        if month >= this_month { this_year } else { this_year + 1 }
    } else if month <= this_month {
        this_year
    } else {
        this_year - 1
    };
    When::month(year, month, part != Part::Whole)
}

/// `on Wednesday`, `last Friday`, `next Monday`, `this Tuesday`.
fn weekday(weekday: i8, offset: Option<i8>, anchor: Date, forward: bool) -> Option<When> {
    let today = anchor.weekday().to_monday_zero_offset();
    let back = i64::from((today - weekday).rem_euclid(7));
    let ahead = i64::from((weekday - today).rem_euclid(7));
    let delta = match offset {
        Some(-1) => -(if back == 0 { 7 } else { back }),
        Some(1) => {
            if ahead == 0 {
                7
            } else {
                ahead
            }
        }
        Some(_) => i64::from(weekday) - i64::from(today),
        // Unsaid: the last such day (that day itself when it is the
        // anchor's weekday), or the next one when looking ahead.
        None if forward => ahead,
        None => -back,
    };
    Some(When::day(add_days(anchor, delta)?, false))
}

/// `within 30 days`: the limit, that far after the anchor.
fn within(count: i64, unit: Unit, anchor: Date) -> Option<When> {
    let limit = match unit {
        Unit::Week | Unit::Weekend => add_days(anchor, 7 * count)?,
        Unit::Month => add_months(anchor, count)?,
        Unit::Year => add_months(anchor, 12 * count)?,
        Unit::Decade => add_months(anchor, 120 * count)?,
        Unit::Day | Unit::Hour => add_days(anchor, count)?,
    };
    Some(When::day(limit, false))
}

/// `two days ago`, `nearly four months ago`, `nearly four years since`:
/// as precise as the unit. A hedge leans the date a quarter of the unit:
/// "nearly four years" before 21 November 2025 is about 2022, not 2021.
fn ago(count: i64, unit: Unit, approx: bool, lean: i8, anchor: Date) -> Option<When> {
    match unit {
        Unit::Day | Unit::Hour => Some(When::day(add_days(anchor, -count)?, approx)),
        Unit::Week | Unit::Weekend => Some(When::day(add_days(anchor, -7 * count)?, true)),
        Unit::Month => {
            let date = add_days(add_months(anchor, -count)?, 7 * i64::from(lean))?;
            When::month(date.year(), date.month(), approx)
        }
        Unit::Year => {
            let date = add_months(anchor, -12 * count + 3 * i64::from(lean))?;
            When::year(date.year(), approx)
        }
        Unit::Decade => When::year(anchor.year() - 10 * count as i16, true),
    }
}

fn relative(unit: Unit, offset: i8, part: Part, anchor: Date, forward: bool) -> Option<When> {
    let count = i64::from(offset);
    match unit {
        Unit::Day | Unit::Hour => Some(When::day(add_days(anchor, count)?, false)),
        Unit::Week => week(offset, part, anchor, forward),
        Unit::Weekend => weekend(offset, anchor, forward),
        Unit::Month => {
            let date = add_months(anchor, count)?;
            match part {
                // "by the end of the month": that month, roughly; the text
                // names no day.
                Part::End => When::month(date.year(), date.month(), true),
                Part::Whole => When::month(date.year(), date.month(), false),
                _ => When::month(date.year(), date.month(), true),
            }
        }
        Unit::Year => {
            let year = anchor.year() + offset as i16;
            match part {
                Part::End => When::year(year, true),
                Part::Whole => When::year(year, false),
                _ => When::year(year, true),
            }
        }
        Unit::Decade => When::year(anchor.year() + 10 * offset as i16, true),
    }
}

/// `this week`, `earlier this week`, `last week`, `the end of next week`.
fn week(offset: i8, part: Part, anchor: Date, forward: bool) -> Option<When> {
    let monday = add_days(monday_of(anchor)?, 7 * i64::from(offset))?;
    let sunday = add_days(monday, 6)?;
    Some(match (offset, part) {
        (0, Part::Earlier) => When::range(monday.min(add_days(anchor, -1)?), add_days(anchor, -1)?.max(monday), false),
        (0, Part::Later) => When::range(add_days(anchor, 1)?.min(sunday), sunday, false),
        (0, Part::End) => When::range(add_days(monday, 4)?, sunday, true),
        // "this week" in a report of what happened: up to the anchor.
        (0, _) if !forward => When::range(monday, anchor, false),
        (0, _) => When::range(anchor, sunday, false),
        _ => When::range(monday, sunday, part != Part::Whole),
    })
}

/// `this weekend`, `next weekend`, `over the weekend`.
fn weekend(offset: i8, anchor: Date, forward: bool) -> Option<When> {
    let saturday = add_days(monday_of(anchor)?, 5)?;
    let last = if anchor >= saturday { saturday } else { add_days(saturday, -7)? };
    let start = match offset {
        1 if anchor >= saturday => add_days(saturday, 7)?,
        1 => saturday,
        0 if forward && anchor < saturday => saturday,
        _ => last,
    };
    Some(When::range(start, add_days(start, 1)?, false))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::timeline::expr::find;

    fn d(s: &str) -> Date {
        s.parse().unwrap()
    }

    /// Resolves the first expression in `text` against `anchor`.
    fn at(text: &str, anchor: &str) -> (String, Option<String>, bool) {
        let e = &find(text)[0];
        let w = resolve(e.say, d(anchor), e.forward || e.deadline).unwrap();
        (w.date_string(), w.end_string(), w.approximate)
    }

    fn day(text: &str, anchor: &str) -> String {
        at(text, anchor).0
    }

    #[test]
    fn weekdays_resolve_to_the_last_such_day() {
        // 2025-11-20 is a Thursday.
        assert_eq!(day("on Wednesday", "2025-11-20"), "2025-11-19");
        assert_eq!(day("Tuesday evening", "2025-11-20"), "2025-11-18");
        assert_eq!(day("on Friday", "2025-11-20"), "2025-11-14");
        assert_eq!(day("on Thursday", "2025-11-20"), "2025-11-20");
        assert_eq!(day("last Thursday", "2025-11-20"), "2025-11-13");
        assert_eq!(day("by Thursday", "2025-11-18"), "2025-11-20");
        assert_eq!(day("next Monday", "2025-11-20"), "2025-11-24");
        // Across a year boundary: Friday 2026-01-02, "on Wednesday".
        assert_eq!(day("on Wednesday", "2026-01-02"), "2025-12-31");
        assert_eq!(day("on Sunday", "2024-03-01"), "2024-02-25");
    }

    #[test]
    fn dates_without_a_year_take_the_nearest() {
        assert_eq!(day("On November 19", "2025-11-20"), "2025-11-19");
        assert_eq!(day("on December 30", "2026-01-03"), "2025-12-30");
        assert_eq!(day("on January 2", "2025-12-28"), "2026-01-02");
        assert_eq!(day("Nov. 19, 2025", "2030-01-01"), "2025-11-19");
    }

    #[test]
    fn months_keep_month_precision() {
        assert_eq!(at("in August", "2025-11-20"), ("2025-08".into(), None, false));
        assert_eq!(day("in January", "2025-10-05"), "2025-01");
        assert_eq!(day("in December", "2025-10-05"), "2024-12");
        assert_eq!(day("until December", "2025-10-05"), "2025-12");
        assert_eq!(day("the envoy's October visit", "2025-11-20"), "2025-10");
        assert_eq!(at("late last month", "2025-11-20"), ("2025-10".into(), None, true));
        assert_eq!(at("late last month", "2026-01-15"), ("2025-12".into(), None, true));
        assert_eq!(day("in February 2022", "2025-11-20"), "2022-02");
    }

    #[test]
    fn weeks_are_ranges() {
        assert_eq!(at("this week", "2025-11-20"), ("2025-11-17".into(), Some("2025-11-20".into()), false));
        assert_eq!(at("last week", "2025-11-20"), ("2025-11-10".into(), Some("2025-11-16".into()), false));
        assert_eq!(at("earlier this week", "2025-11-20"), ("2025-11-17".into(), Some("2025-11-19".into()), false));
        assert_eq!(at("over the weekend", "2025-11-20"), ("2025-11-15".into(), Some("2025-11-16".into()), false));
    }

    #[test]
    fn ago_and_ends() {
        assert_eq!(at("nearly four months ago", "2025-11-21"), ("2025-07".into(), None, true));
        assert_eq!(at("two days ago", "2025-03-01"), ("2025-02-27".into(), None, false));
        assert_eq!(at("before the end of the month", "2025-11-21"), ("2025-11".into(), None, true));
        assert_eq!(at("by the end of the year", "2024-02-10"), ("2024".into(), None, true));
        assert_eq!(at("nearly four years since", "2025-11-21"), ("2022".into(), None, true));
        assert_eq!(at("more than four years since", "2025-11-21"), ("2021".into(), None, true));
        assert_eq!(at("earlier this year", "2025-11-21"), ("2025".into(), None, true));
        assert_eq!(at("last year", "2026-01-01"), ("2025".into(), None, false));
        assert_eq!(day("yesterday", "2025-01-01"), "2024-12-31");
        assert_eq!(day("within 72 hours", "2025-07-31"), "2025-08-03");
        assert_eq!(day("within 30 days", "2025-06-05"), "2025-07-05");
        assert_eq!(day("the previous day", "2025-07-30"), "2025-07-29");
    }

    #[test]
    fn undated_articles_take_the_weekday_nearest_the_sets_dates() {
        // The others give Sat 2026-03-14 and Mon 2026-03-16.
        let a = Anchor { date: d("2026-03-14"), window: Some((d("2026-03-14"), d("2026-03-16"))), latest: None };
        let day = |text: &str, forward: bool| resolve_at(find(text)[0].say, &a, forward).unwrap().date_string();
        assert_eq!(day("on Saturday", false), "2026-03-14");
        assert_eq!(day("early Sunday", false), "2026-03-15");
        assert_eq!(day("on Monday", false), "2026-03-16");
        assert_eq!(day("on Tuesday", false), "2026-03-17");
        assert_eq!(day("on Thursday", false), "2026-03-12");
        assert_eq!(day("by Friday", true), "2026-03-20");
        // Thu 2025-11-20 and Fri 2025-11-21: Wednesday is the day before.
        let a = Anchor { date: d("2025-11-20"), window: Some((d("2025-11-20"), d("2025-11-21"))), latest: None };
        assert_eq!(resolve_at(find("on Wednesday")[0].say, &a, false).unwrap().date_string(), "2025-11-19");
        // Other expressions use the anchor's date.
        assert_eq!(resolve_at(find("last week")[0].say, &a, false).unwrap().date_string(), "2025-11-10");
    }

    #[test]
    fn compatibility() {
        let wed = When::day(d("2025-11-19"), false);
        let week = When::range(d("2025-11-17"), d("2025-11-23"), false);
        let nov = When::month(2025, 11, false).unwrap();
        let oct = When::month(2025, 10, false).unwrap();
        assert!(wed.compatible(&week) && week.compatible(&wed));
        assert!(nov.compatible(&wed));
        assert!(!oct.compatible(&wed));
        assert!(!When::day(d("2025-11-18"), false).compatible(&wed));
    }
}
