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
    fn minutes_apart_the_short_way() {
        let [late, early] = [find("at 11:50 pm")[0], find("at 12:05 am")[0]];
        assert_eq!(minutes_apart(&late, &early), 15);
        let [first, second] = [find("at 6:07 p.m.")[0], find("about 6:10 pm")[0]];
        assert_eq!(minutes_apart(&first, &second), 3);
    }
}
