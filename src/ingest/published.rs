//! Publication dates as saved pages write them: RFC 2822 (`Thu, 20 Nov 2025
//! 10:36:00 +0200`), ISO 8601 (`2025-11-20`, `2025-11-20T10:36Z`), month
//! names either way round (`November 20, 2025`, `20 Nov 2025`, `Mon, Oct 20,
//! 2025`), and numeric day-first dates (`23/02/2025`, `14.03.2025`).

use std::fmt;
use std::sync::LazyLock;

use crate::text::pattern::{Captures, Pattern};
use jiff::civil::Date;

use crate::text::lexicon::month_number;

/// A publication date, with the time and UTC offset when the file gives both.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Published {
    pub date: Date,
    /// Hour, minute, second and offset from UTC in minutes; only kept when
    /// the file states an offset, so no time zone is ever invented.
    pub time: Option<(i8, i8, i8, i32)>,
}

impl Published {
    pub fn from_date(date: Date) -> Self {
        Published { date, time: None }
    }
}

impl fmt::Display for Published {
    /// ISO 8601: `2025-11-20T10:36:00+02:00`, or `2025-11-20` without a time.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.date)?;
        if let Some((h, m, s, off)) = self.time {
            let sign = if off < 0 { '-' } else { '+' };
            let off = off.abs();
            write!(f, "T{h:02}:{m:02}:{s:02}{sign}{:02}:{:02}", off / 60, off % 60)?;
        }
        Ok(())
    }
}

/// A date found in a line, with the byte range it occupies.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Found {
    pub published: Published,
    pub start: usize,
    pub end: usize,
}

const TIME: &str = r"(?-u)(?:,?\s*(?:at\s+)?(?P<h>[0-9]{1,2})[:.](?P<mi>[0-9]{2})(?::(?P<s>[0-9]{2}))?\s*(?P<ampm>[ap]m\b|[ap]\.m\.)?\s*(?:(?:GMT|UTC)(?P<goff>[+-][0-9]{1,2}(?::?[0-9]{2})?)\b|(?P<z>GMT|UTC|Z)\b|(?P<off>[+-][0-9]{2}:?[0-9]{2})\b|\(?(?-i:(?P<tz>[A-Z]{2,5}))\)?\b)?)?";

static DAY_MONTH_YEAR: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(&format!(
        r"(?i-u)\b(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?(?P<d>[0-9]{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mo>{m})[a-z]*\.?,?\s+(?P<y>[0-9]{{4}})\b{TIME}",
        m = "jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec"
    ))
    .unwrap()
});

static MONTH_DAY_YEAR: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(&format!(
        r"(?i-u)\b(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?(?P<mo>{m})[a-z]*\.?\s*(?P<d>[0-9]{{1,2}})(?:st|nd|rd|th)?(?:,?\s+|\s*/\s*)(?P<y>[0-9]{{4}})\b{TIME}",
        m = "jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec"
    ))
    .unwrap()
});

static ISO: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(r"(?-u)\b(?P<y>[0-9]{4})-(?P<mo>[0-9]{2})-(?P<d>[0-9]{2})(?:[T ](?P<h>[0-9]{2}):(?P<mi>[0-9]{2})(?::(?P<s>[0-9]{2}))?(?:\.[0-9]+)?\s*(?:(?P<z>Z)|(?P<off>[+-][0-9]{2}:?[0-9]{2}))?)?\b")
        .unwrap()
});

static NUMERIC: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(r"(?-u)\b(?P<a>[0-9]{1,2})(?P<sep>[./-])(?P<b>[0-9]{1,2})[./-](?P<y>[0-9]{4})\b").unwrap()
});

static YEAR_FIRST: LazyLock<Pattern> =
    LazyLock::new(|| Pattern::new(r"(?-u)\b(?P<y>[0-9]{4})[/.](?P<mo>[0-9]{1,2})[/.](?P<d>[0-9]{1,2})\b").unwrap());

fn num<T: std::str::FromStr>(c: &Captures<'_>, name: &str) -> Option<T> {
    c.name(name)?.as_str().parse().ok()
}

fn plausible(date: Date) -> bool {
    (1900..=2199).contains(&date.year())
}

fn offset_minutes(c: &Captures<'_>) -> Option<i32> {
    if c.name("z").is_some() {
        return Some(0);
    }
    // `GMT+5`, `UTC-03:30`.
    if let Some(g) = c.name("goff") {
        let g = g.as_str();
        let sign = if g.starts_with('-') { -1 } else { 1 };
        let (h, m) = g[1..].split_once(':').map_or_else(
            || if g.len() > 3 { (&g[1..g.len() - 2], &g[g.len() - 2..]) } else { (&g[1..], "0") },
            |(h, m)| (h, m),
        );
        return Some(sign * (h.parse::<i32>().ok()? * 60 + m.parse::<i32>().ok()?));
    }
    let off = c.name("off")?.as_str().replace(':', "");
    let sign = if off.starts_with('-') { -1 } else { 1 };
    let h: i32 = off[1..3].parse().ok()?;
    let m: i32 = off[3..5].parse().ok()?;
    Some(sign * (h * 60 + m))
}

fn time_of(c: &Captures<'_>) -> Option<(i8, i8, i8, i32)> {
    let mut h: i8 = num(c, "h")?;
    let mi: i8 = num(c, "mi")?;
    let s: i8 = num(c, "s").unwrap_or(0);
    if let Some(ampm) = c.name("ampm") {
        let pm = ampm.as_str().to_ascii_lowercase().starts_with('p');
        if h == 12 {
            h = 0;
        }
        if pm {
            h += 12;
        }
    }
    if !(0..24).contains(&h) || !(0..60).contains(&mi) || !(0..61).contains(&s) {
        return None;
    }
    let off = offset_minutes(c)?;
    Some((h, mi, s.min(59), off))
}

/// Finds the first publication-style date in `line`.
pub fn find(line: &str) -> Option<Found> {
    // Every form has a day or a year in digits.
    if !line.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    // The earliest in the line; of two at one place, the form tried first.
    let forms = [
        named_month(&DAY_MONTH_YEAR, line),
        named_month(&MONTH_DAY_YEAR, line),
        iso(line),
        year_first(line),
        numeric(line),
    ];
    forms.into_iter().flatten().fold(None, |best: Option<Found>, found| match best {
        Some(best) if best.start <= found.start => Some(best),
        _ => Some(found),
    })
}

/// What a whole match found.
fn found_at(captures: &Captures<'_>, published: Published) -> Option<Found> {
    let whole = captures.get(0)?;
    Some(Found { published, start: whole.start(), end: whole.end() })
}

/// A plausible date of `year`, `month`, `day`.
fn plausible_date(year: i16, month: i8, day: i8) -> Option<Date> {
    Date::new(year, month, day).ok().filter(|date| plausible(*date))
}

/// `20 Nov 2025`, `November 20, 2025`, with a time when one follows.
fn named_month(pattern: &Pattern, line: &str) -> Option<Found> {
    pattern.captures_iter(line).find_map(|captures| {
        let month = month_number(&captures["mo"])?;
        let date = plausible_date(num(&captures, "y")?, month, num(&captures, "d")?)?;
        found_at(&captures, Published { date, time: time_of(&captures) })
    })
}

/// `2025-11-20`, `2025-11-20T10:36Z`.
fn iso(line: &str) -> Option<Found> {
    ISO.captures_iter(line).find_map(|captures| {
        let date = plausible_date(num(&captures, "y")?, num(&captures, "mo")?, num(&captures, "d")?)?;
        found_at(&captures, Published { date, time: time_of(&captures) })
    })
}

/// `2025/11/20`, `2025.11.20`.
fn year_first(line: &str) -> Option<Found> {
    YEAR_FIRST.captures_iter(line).find_map(|captures| {
        let date = plausible_date(num(&captures, "y")?, num(&captures, "mo")?, num(&captures, "d")?)?;
        found_at(&captures, Published::from_date(date))
    })
}

/// `23/02/2025`, `14.03.2025`: day first, as most of the world writes it,
/// unless that cannot be.
fn numeric(line: &str) -> Option<Found> {
    NUMERIC.captures_iter(line).find_map(|captures| {
        let first: i8 = num(&captures, "a")?;
        let second: i8 = num(&captures, "b")?;
        let year: i16 = num(&captures, "y")?;
        let (day, month) = if first > 12 || second <= 12 { (first, second) } else { (second, first) };
        found_at(&captures, Published::from_date(plausible_date(year, month, day)?))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn iso(s: &str) -> Option<String> {
        find(s).map(|f| f.published.to_string())
    }

    #[test]
    fn rfc2822_with_offset() {
        assert_eq!(iso("Thu, 20 Nov 2025 10:36:00 +0200").as_deref(), Some("2025-11-20T10:36:00+02:00"));
        assert_eq!(iso("Mon, 2 Jun 2025 23:05:09 -0430").as_deref(), Some("2025-06-02T23:05:09-04:30"));
        assert_eq!(iso("Fri, 05 Dec 2025 08:00 GMT").as_deref(), Some("2025-12-05T08:00:00+00:00"));
        assert_eq!(iso("October 9, 2025 11:05 AM GMT+1").as_deref(), Some("2025-10-09T11:05:00+01:00"));
        assert_eq!(iso("16 Feb 2026 10:00 UTC-03:30").as_deref(), Some("2026-02-16T10:00:00-03:30"));
    }

    #[test]
    fn time_without_offset_keeps_only_the_date() {
        assert_eq!(iso("November 20, 2025 10:36 AM EST").as_deref(), Some("2025-11-20"));
        assert_eq!(iso("20 November 2025, 14:00").as_deref(), Some("2025-11-20"));
    }

    #[test]
    fn iso_dates() {
        assert_eq!(iso(" date 2025-11-20 CONFLICT & PEACE").as_deref(), Some("2025-11-20"));
        assert_eq!(iso("2024-02-29T07:15:00Z").as_deref(), Some("2024-02-29T07:15:00+00:00"));
        assert_eq!(iso("2025-01-03T07:15:00+05:30").as_deref(), Some("2025-01-03T07:15:00+05:30"));
        assert_eq!(iso("2025-02-30"), None);
    }

    #[test]
    fn month_name_dates() {
        assert_eq!(iso("November 20, 2025").as_deref(), Some("2025-11-20"));
        assert_eq!(iso("Daily Brief | Mon, Oct 20, 2025").as_deref(), Some("2025-10-20"));
        assert_eq!(iso("Updated: 12 Feb 2025").as_deref(), Some("2025-02-12"));
        assert_eq!(iso("published on Feb. 12th, 2025").as_deref(), Some("2025-02-12"));
        assert_eq!(iso("1st of March 2024").as_deref(), Some("2024-03-01"));
        assert_eq!(iso("SEPTEMBER 9, 2023").as_deref(), Some("2023-09-09"));
    }

    #[test]
    fn a_day_glued_to_its_month_and_a_year_after_a_slash() {
        assert_eq!(iso("Harbour Town April3/2021 Ferries").as_deref(), Some("2021-04-03"));
        assert_eq!(iso("Harbour Town, April 3/2021").as_deref(), Some("2021-04-03"));
        assert_eq!(iso("Oct.12 / 2024").as_deref(), Some("2024-10-12"));
        assert_eq!(iso("April 3/4 of the votes in 2021"), None);
    }

    #[test]
    fn numeric_dates_are_day_first_unless_impossible() {
        assert_eq!(iso("23/02/2025").as_deref(), Some("2025-02-23"));
        assert_eq!(iso("14.03.2025").as_deref(), Some("2025-03-14"));
        assert_eq!(iso("03/04/2025").as_deref(), Some("2025-04-03"));
        assert_eq!(iso("12/31/2024").as_deref(), Some("2024-12-31"));
        assert_eq!(iso("2025/11/20").as_deref(), Some("2025-11-20"));
    }

    #[test]
    fn ignores_numbers_that_are_not_dates() {
        assert_eq!(iso("News ID: 412377"), None);
        assert_eq!(iso("28-point plan with 470 drones"), None);
        assert_eq!(iso("Score 3-1 in 2025"), None);
        assert_eq!(iso("31 Feb 2025"), None);
    }

    #[test]
    fn reports_the_matched_range() {
        let line = "Published: Thu, 20 Nov 2025 10:36:00 +0200 | Example";
        let f = find(line).unwrap();
        assert_eq!(&line[f.start..f.end], "Thu, 20 Nov 2025 10:36:00 +0200");
    }
}
