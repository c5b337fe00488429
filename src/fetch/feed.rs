//! Feeds: an RSS, Atom or JSON feed read as its list of links, newest
//! first, with each item's title and date (used where the page itself
//! lacks them). Parsed with `feed-rs`.

use jiff::{Span, Timestamp, ZonedDateTime as Zoned, civil::Date, tz::TimeZone};

use super::Link;

/// One item of a feed: the page it links to, its title and date.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Item {
    pub link: Link,
    pub title: Option<String>,
    pub published: Option<Timestamp>,
}

/// A feed's items, in the feed's order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Feed {
    pub items: Vec<Item>,
    /// Items with no http(s) link to read.
    pub without_link: usize,
}

/// Which items to read: published since a time, at most so many.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Limits {
    pub since: Option<Timestamp>,
    pub max: Option<usize>,
}

/// The items chosen, newest first, and how many were left out and why.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Selection {
    pub items: Vec<Item>,
    pub older: usize,
    pub over_max: usize,
}

/// Whether a response is a feed: by its media type, or (for XML and
/// servers that say nothing useful) by how it starts.
pub fn is_feed(media_type: Option<&str>, body: &[u8]) -> bool {
    match media_type {
        Some(
            "application/rss+xml"
            | "application/atom+xml"
            | "application/rdf+xml"
            | "application/feed+json"
            | "application/x-rss+xml",
        ) => true,
        _ => starts_like_a_feed(body),
    }
}

/// `<rss`, `<feed` or `<rdf:RDF` as the first element, after any XML
/// declaration, comments and whitespace.
pub fn starts_like_a_feed(body: &[u8]) -> bool {
    let head = String::from_utf8_lossy(&body[..body.len().min(2048)]);
    let mut rest = head.trim_start_matches('\u{feff}').trim_start();
    loop {
        if let Some(after) = rest.strip_prefix("<?").and_then(|r| r.split_once("?>")) {
            rest = after.1.trim_start();
        } else if let Some(after) = rest.strip_prefix("<!--").and_then(|r| r.split_once("-->")) {
            rest = after.1.trim_start();
        } else {
            break;
        }
    }
    ["<rss", "<feed", "<rdf:rdf"]
        .iter()
        .any(|start| rest.get(..start.len()).is_some_and(|h| h.eq_ignore_ascii_case(start)))
}

/// Reads a feed; relative item links are read against `base` (the feed's
/// own address; a feed file has none, so its relative links are left out).
pub fn parse(body: &[u8], base: Option<&Link>) -> Result<Feed, String> {
    let parser = feed_rs::parser::Builder::new().base_uri(base.map(Link::as_str)).build();
    let parsed = parser.parse(body).map_err(|error| format!("not a feed that can be read: {error}"))?;
    let mut feed = Feed::default();
    for entry in parsed.entries {
        let link = item_link(&entry, base);
        let Some(link) = link else {
            feed.without_link += 1;
            continue;
        };
        let title =
            entry.title.map(|t| t.content.split_whitespace().collect::<Vec<_>>().join(" ")).filter(|t| !t.is_empty());
        let published =
            entry.published.or(entry.updated).and_then(|when| Timestamp::from_second(when.timestamp()).ok());
        if !feed.items.iter().any(|item: &Item| item.link == link) {
            feed.items.push(Item { link, title, published });
        }
    }
    Ok(feed)
}

/// The page an entry links to: its `alternate` link (or its only one),
/// else its id when that is a whole address (RSS `guid`s often are; an id
/// the parser made up is not).
fn item_link(entry: &feed_rs::model::Entry, base: Option<&Link>) -> Option<Link> {
    let alternate = entry.links.iter().find(|l| l.rel.as_deref().is_none_or(|rel| rel == "alternate"));
    alternate.and_then(|l| resolve(&l.href, base)).or_else(|| Link::parse(&entry.id).ok())
}

fn resolve(href: &str, base: Option<&Link>) -> Option<Link> {
    match base {
        Some(base) => base.join(href).ok(),
        None => Link::parse(href).ok(),
    }
}

impl Feed {
    /// The items within `limits`, newest first (undated ones after the
    /// dated, in the feed's order: a feed with no dates is read as it lists).
    pub fn select(&self, limits: Limits) -> Selection {
        let mut items: Vec<Item> = self.items.clone();
        // Stable: items with the same date (or none) keep the feed's order.
        items.sort_by_key(|item| std::cmp::Reverse(item.published));
        let before = items.len();
        if let Some(since) = limits.since {
            items.retain(|item| item.published.is_none_or(|when| when >= since));
        }
        let older = before - items.len();
        let over_max = limits.max.map_or(0, |max| items.len().saturating_sub(max));
        items.truncate(items.len() - over_max);
        Selection { items, older, over_max }
    }
}

/// Reads `--since`: a span back from `now` (`2d`, `12h`, `1w`, `3 days`)
/// or a date (`2025-11-20`, from its midnight in the local time zone).
pub fn since(text: &str, now: &Zoned) -> Result<Timestamp, String> {
    let text = text.trim();
    if let Ok(date) = text.parse::<Date>() {
        return date.to_zoned_datetime(now.time_zone().clone()).map(|z| z.timestamp()).map_err(|e| e.to_string());
    }
    let span: Span = text.parse().map_err(|_| {
        format!("{text:?} is neither a length of time (2d, 12h, 1w, \"3 days\") nor a date (2025-11-20)")
    })?;
    now.checked_sub(span.abs()).map(|z| z.timestamp()).map_err(|e| e.to_string())
}

/// Now, in the local time zone (UTC when it cannot be told).
pub fn now() -> Zoned {
    Zoned::now().with_time_zone(TimeZone::try_system().unwrap_or(TimeZone::UTC))
}

#[cfg(test)]
mod tests {
    use super::*;

    const RSS: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<!-- a comment -->
<rss version="2.0"><channel><title>Coast Herald</title><link>https://herald.example/</link>
<item><title>Old  story</title><link>/news/old</link><pubDate>Mon, 17 Nov 2025 08:00:00 +0000</pubDate></item>
<item><title>Dam gives way</title><link>https://herald.example/news/dam</link><pubDate>Thu, 20 Nov 2025 10:00:00 +0200</pubDate></item>
<item><title>No link</title><description>Nothing to read</description></item>
<item><title>Undated</title><guid isPermaLink="true">https://herald.example/news/undated</guid></item>
</channel></rss>"#;

    const ATOM: &str = r#"<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Wire</title><id>urn:x</id><updated>2025-11-21T00:00:00Z</updated>
<entry><title>Talks resume</title><id>urn:1</id><link rel="alternate" href="https://wire.example/talks"/><link rel="related" href="https://elsewhere.example/"/><published>2025-11-21T09:30:00Z</published><updated>2025-11-21T10:00:00Z</updated></entry>
</feed>"#;

    fn timestamp(text: &str) -> Timestamp {
        text.parse().unwrap()
    }

    #[test]
    fn rss_items_are_links_with_titles_and_dates() {
        let base = Link::parse("https://herald.example/feed.xml").unwrap();
        assert!(is_feed(None, RSS.as_bytes()) && is_feed(Some("application/rss+xml"), b""));
        assert!(!is_feed(Some("text/html"), b"<!doctype html><html>"));
        let feed = parse(RSS.as_bytes(), Some(&base)).unwrap();
        let links: Vec<&str> = feed.items.iter().map(|i| i.link.as_str()).collect();
        assert_eq!(
            links,
            [
                "https://herald.example/news/old",
                "https://herald.example/news/dam",
                "https://herald.example/news/undated"
            ]
        );
        assert_eq!(feed.without_link, 1);
        assert_eq!(feed.items[0].title.as_deref(), Some("Old story"));
        assert_eq!(feed.items[1].published, Some(timestamp("2025-11-20T08:00:00Z")));
        // A feed file has no address: its relative links cannot be read.
        assert_eq!(parse(RSS.as_bytes(), None).unwrap().without_link, 2);
    }

    #[test]
    fn atom_entries_link_to_their_alternate_page() {
        let feed = parse(ATOM.as_bytes(), None).unwrap();
        assert_eq!(feed.items.len(), 1);
        assert_eq!(feed.items[0].link.as_str(), "https://wire.example/talks");
        assert_eq!(feed.items[0].published, Some(timestamp("2025-11-21T09:30:00Z")));
        assert!(parse(b"<html><body>not a feed</body></html>", None).is_err());
    }

    #[test]
    fn selection_is_newest_first_within_the_limits() {
        let base = Link::parse("https://herald.example/feed.xml").unwrap();
        let feed = parse(RSS.as_bytes(), Some(&base)).unwrap();
        let names = |s: &Selection| s.items.iter().map(|i| i.title.clone().unwrap()).collect::<Vec<_>>();
        let all = feed.select(Limits::default());
        assert_eq!(names(&all), ["Dam gives way", "Old story", "Undated"]);
        let recent = feed.select(Limits { since: Some(timestamp("2025-11-19T00:00:00Z")), max: None });
        assert_eq!((names(&recent), recent.older), (vec!["Dam gives way".to_string(), "Undated".into()], 1));
        let one = feed.select(Limits { since: None, max: Some(1) });
        assert_eq!((names(&one), one.over_max), (vec!["Dam gives way".to_string()], 2));
    }

    #[test]
    fn since_reads_spans_and_dates() {
        let now: Zoned = "2025-11-21T12:00:00+00:00[UTC]".parse().unwrap();
        assert_eq!(since("2d", &now).unwrap(), timestamp("2025-11-19T12:00:00Z"));
        assert_eq!(since("12h", &now).unwrap(), timestamp("2025-11-21T00:00:00Z"));
        assert_eq!(since("1 week", &now).unwrap(), timestamp("2025-11-14T12:00:00Z"));
        assert_eq!(since("1w", &now).unwrap(), timestamp("2025-11-14T12:00:00Z"));
        assert_eq!(since("30m", &now).unwrap(), timestamp("2025-11-21T11:30:00Z"));
        assert_eq!(since("2025-11-20", &now).unwrap(), timestamp("2025-11-20T00:00:00Z"));
        assert!(since("soon", &now).unwrap_err().contains("neither"));
    }
}
