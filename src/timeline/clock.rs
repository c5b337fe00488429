//! Times of day in news prose: `6:07 p.m.`, `at approximately 6:10 pm`,
//! `7 am`, `at 8.45`. A time of day names no day: the timeline reads it as
//! the day the sentence before named, and the discrepancies compare two
//! reports' times in minutes.

use std::sync::LazyLock;

use crate::text::Span;
use crate::text::pattern::Pattern;

/// A time of day found in a text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Clock {
    /// Byte range in the text searched, hedge included.
    pub span: Span,
    /// Minutes since midnight.
    pub minutes: u16,
    /// Hedged: "about", "approximately", "around", "shortly after".
    pub approx: bool,
    /// Inside brackets: the same moment told in another zone ("[12:10 am,
    /// May 9, Hong Kong time]"), not a time of its own.
    pub aside: bool,
    /// The zone named right after it ("11 p.m. ET", "10 p.m. CDT", "8:38
    /// am (local time)"), if any.
    pub zone: Option<Zone>,
}

/// A time zone named after a time of day.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Zone {
    /// A zone of known offset: its standard offset in minutes east of UTC,
    /// whether it moves an hour in summer, and whether the words say
    /// summer time ("EDT": yes, "EST": no, "ET": they do not say).
    Named { standard: i16, shifts: bool, summer: Option<bool> },
    /// "local time": the place's own, which the words do not name.
    Local,
}

/// The zone words `after` a time open with, if any.
fn zone_after(after: &str) -> Option<Zone> {
    let after = after.trim_start().trim_start_matches('(');
    if after.to_ascii_lowercase().starts_with("local time") {
        return Some(Zone::Local);
    }
    let word: &str = &after[..after.find(|c: char| !c.is_ascii_alphabetic()).unwrap_or(after.len())];
    let named =
        |hours: i16, shifts: bool, summer: Option<bool>| Some(Zone::Named { standard: hours * 60, shifts, summer });
    match word {
        "GMT" | "UTC" | "Z" => named(0, false, None),
        "BST" => named(0, true, Some(true)),
        "CET" => named(1, true, Some(false)),
        "CEST" => named(1, true, Some(true)),
        "ET" | "Eastern" => named(-5, true, None),
        "EST" => named(-5, true, Some(false)),
        "EDT" => named(-5, true, Some(true)),
        "CT" | "Central" => named(-6, true, None),
        "CST" => named(-6, true, Some(false)),
        "CDT" => named(-6, true, Some(true)),
        "MT" | "Mountain" => named(-7, true, None),
        "MST" => named(-7, true, Some(false)),
        "MDT" => named(-7, true, Some(true)),
        "PT" | "Pacific" => named(-8, true, None),
        "PST" => named(-8, true, Some(false)),
        "PDT" => named(-8, true, Some(true)),
        _ => None,
    }
}

static CLOCK: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(
        r"(?i-u)\b(?P<at>at\s+)?(?:(?P<hedge>about|around|approximately|roughly|nearly|almost|shortly after|just after|just before|some)\s+)?(?P<h>[0-9]{1,2})(?:(?P<sep>[:.])(?P<m>[0-5][0-9]))?\s*(?P<ampm>a\.m\.|p\.m\.|am\b|pm\b)?",
    )
    .expect("clock pattern compiles")
});

/// The times of day of `text`, in order. A bare "6.45" is a decimal, so a
/// time needs "a.m."/"p.m.", a colon, or "at" before a stop ("at 8.45").
pub fn find(text: &str) -> Vec<Clock> {
    if !text.bytes().any(|b| b.is_ascii_digit()) {
        return Vec::new();
    }
    CLOCK
        .captures_iter(text)
        .filter_map(|captures| {
            let whole = captures.get(0)?;
            let hour: u16 = captures.name("h")?.as_str().parse().ok()?;
            let minute: u16 = captures.name("m").map_or(Some(0), |m| m.as_str().parse().ok())?;
            let separator = captures.name("sep").map(|s| s.as_str());
            let half = captures.name("ampm").map(|m| m.as_str().to_ascii_lowercase());
            let told_as_time =
                half.is_some() || separator == Some(":") || (separator == Some(".") && captures.name("at").is_some());
            // "3:1" or "2:30 of extra time" are no clock without a marker
            // when the digits run on ("12:30:45" is a duration).
            let runs_on = text[whole.end()..].starts_with(|c: char| c.is_ascii_digit() || c == ':');
            if !told_as_time || runs_on {
                return None;
            }
            let minutes = minutes_of_day(hour, minute, half.as_deref())?;
            let start = captures.name("hedge").or(captures.name("h"))?.start();
            let end = whole.as_str().trim_end().len() + whole.start();
            Some(Clock {
                span: Span::new(start, end),
                minutes,
                approx: captures.name("hedge").is_some(),
                aside: in_brackets(text, start),
                zone: zone_after(&text[end..]),
            })
        })
        .collect()
}

/// Minutes since midnight of `hour:minute`, read on a 12-hour clock when
/// `half` says "a.m." or "p.m."; `None` for an hour no clock shows.
fn minutes_of_day(hour: u16, minute: u16, half: Option<&str>) -> Option<u16> {
    let hour = match half {
        Some(half) if (1..=12).contains(&hour) => hour % 12 + if half.starts_with('p') { 12 } else { 0 },
        Some(_) => return None,
        None if hour <= 23 => hour,
        None => return None,
    };
    Some(hour * 60 + minute)
}

/// Whether `offset` lies inside an open bracket or parenthesis.
fn in_brackets(text: &str, offset: usize) -> bool {
    let mut depth: i32 = 0;
    for c in text[..offset].chars() {
        match c {
            '[' | '(' => depth += 1,
            ']' | ')' => depth = (depth - 1).max(0),
            _ => {}
        }
    }
    depth > 0
}

/// How far apart two times of day are, in minutes (across midnight the
/// shorter way).
pub fn minutes_apart(first: &Clock, second: &Clock) -> u16 {
    let gap = first.minutes.abs_diff(second.minutes);
    gap.min(24 * 60 - gap)
}

/// How far apart two times of day are, in minutes, once both are read in
/// one zone: two named zones converted (a zone that does not say whether it
/// is summer time reads as the other does), or the same zone. `None` when
/// only one names its zone and they are whole hours apart: the gap may be
/// the zones'.
pub fn minutes_apart_in_zones(first: &Clock, second: &Clock) -> Option<u16> {
    let apart = minutes_apart(first, second);
    match (first.zone, second.zone) {
        (Some(Zone::Named { .. }), Some(Zone::Named { .. })) => {
            let (first_utc, second_utc) = (utc_minutes(first, second.zone), utc_minutes(second, first.zone));
            let gap = first_utc.abs_diff(second_utc);
            Some(gap.min(24 * 60 - gap))
        }
        (Some(Zone::Named { .. }), _) | (_, Some(Zone::Named { .. })) if apart % 60 == 0 => None,
        _ => Some(apart),
    }
}

/// Minutes since midnight in UTC of a time in a named zone; `other` is the
/// zone of the time it is compared with, which says the season when its
/// own words do not.
fn utc_minutes(clock: &Clock, other: Option<Zone>) -> u16 {
    let Some(Zone::Named { standard, shifts, summer }) = clock.zone else { return clock.minutes };
    let other_summer = match other {
        Some(Zone::Named { summer, .. }) => summer,
        _ => None,
    };
    let offset = standard + if shifts && summer.or(other_summer).unwrap_or(false) { 60 } else { 0 };
    u16::try_from((i32::from(clock.minutes) - i32::from(offset)).rem_euclid(24 * 60)).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn times(text: &str) -> Vec<(u16, bool, bool)> {
        find(text).into_iter().map(|c| (c.minutes, c.approx, c.aside)).collect()
    }

    #[test]
    fn times_with_a_marker_or_a_colon() {
        assert_eq!(times("The ferry left at 6:07 p.m. local time."), [(18 * 60 + 7, false, false)]);
        assert_eq!(times("at approximately 6:10 pm Lisbon time"), [(18 * 60 + 10, true, false)]);
        assert_eq!(
            times("The alarm rang at 7 am and again at 12 p.m."),
            [(7 * 60, false, false), (12 * 60, false, false)]
        );
        assert_eq!(times("Trading stopped at 14:30."), [(14 * 60 + 30, false, false)]);
        assert_eq!(times("The train left at 8.45 on Monday."), [(8 * 60 + 45, false, false)]);
    }

    #[test]
    fn numbers_that_are_not_times() {
        assert!(times("It serves 1.4 billion people and 6.45 percent of them.").is_empty());
        assert!(times("The vote was 12 to 3, with 7 abstentions.").is_empty());
        assert!(times("He ran it in 2:03:40.").is_empty());
        assert!(times("at 13 pm").is_empty());
    }

    #[test]
    fn a_time_in_brackets_is_an_aside() {
        let found = times("At 9:15 pm Paris time [4:15 am, Seoul time], the doors opened.");
        assert_eq!(found, [(21 * 60 + 15, false, false), (4 * 60 + 15, false, true)]);
    }

    #[test]
    fn times_in_named_zones_are_converted() {
        let at = |text: &str| find(text)[0];
        assert_eq!(minutes_apart_in_zones(&at("at 11 p.m. ET Friday"), &at("at 10 p.m. CDT")), Some(0));
        assert_eq!(minutes_apart_in_zones(&at("at 4 p.m. GMT"), &at("at 5 p.m. BST")), Some(0));
        assert_eq!(minutes_apart_in_zones(&at("at 11 p.m. ET"), &at("at 10 p.m.")), None);
        assert_eq!(minutes_apart_in_zones(&at("at 11:20 p.m. ET"), &at("at 10 p.m.")), Some(80));
        assert_eq!(minutes_apart_in_zones(&at("at 6:07 p.m. local time"), &at("at 6:10 pm")), Some(3));
    }

    #[test]
    fn minutes_apart_the_short_way() {
        let [late, early] = [find("at 11:50 pm")[0], find("at 12:05 am")[0]];
        assert_eq!(minutes_apart(&late, &early), 15);
        let [first, second] = [find("at 6:07 p.m.")[0], find("about 6:10 pm")[0]];
        assert_eq!(minutes_apart(&first, &second), 3);
    }
}
