//! Recognises the lines of a saved page that are not article text: share and
//! gallery widgets, "Also Read" and "Read more" links, photo captions,
//! credits, ID and tag lines, copyright notices and symbol-only leftovers.

use std::sync::LazyLock;

use regex::Regex;

use crate::text::words;

/// What a line that is not article prose is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Boilerplate {
    /// No letters or digits at all (`×`, `•`, `***`).
    Symbols,
    /// Share buttons, gallery and video tabs, social links.
    Widget,
    /// A link to another story (`Also Read: ...`, `Read more: ...`).
    Link,
    /// A photo caption or picture credit.
    Caption,
    /// A credit line (`SOURCE: Anadolu Agency`); holds the credited name.
    Credit(String),
    /// Page furniture: IDs, tags, copyright, reading time, advertisements.
    Furniture,
    /// A byline (`By Jane Doe`, `Written by Jane Doe | Delhi | Updated:
    /// March 16, 2026`); holds the names, and the date when it gives one.
    Byline { who: String, date: Option<super::published::Published> },
}

static LINK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:also read|read also|read more|more to read|related(?: articles?| stories| news| coverage)?|see also|recommended|must read|don't miss|trending(?: now)?|watch|listen|more from|most read|popular|you (?:may|might) also like|further reading|latest news|top stories)\s*(?::|\||»|>|-|–|—)",
    )
    .unwrap()
});

static LINK_WHOLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:read more|also read|related|continue reading|click here.*|sign up.*|subscribe.*|follow us.*|download (?:the|our) app.*|share this (?:article|story).*|advertisement|sponsored|show comments|load more|back to top)$")
        .unwrap()
});

static CREDIT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)^(?:source|credit|courtesy|sources)\s*:\s*(?P<who>\S.*)$").unwrap());

/// `(With inputs from PTI)`, `With agency inputs`.
static INPUTS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\(?\s*with (?:inputs|input) from (?P<who>[^),.;]{1,40}?)\s*\)?\.?$|^\(?\s*with (?P<agency>agency|wire) inputs\s*\)?\.?$")
        .unwrap()
});

/// A markdown image or a bare link on a line of its own.
static IMAGE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)^(?:!\[[^\]]*\]\([^)]*\)|<img\b[^>]*>|https?://\S+)$").unwrap());

static REPORTING_BY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\(?(?:reporting|additional reporting|writing|editing|compiled) by(?-u:\b).*$").unwrap()
});

static FURNITURE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:(?:news|article|story|post|content)\s*id\s*[:#]?\s*[0-9]+|tags?\s*:.*|topics?\s*:.*|filed under(?-u:\b).*|categor(?:y|ies)\s*:.*|keywords?\s*:.*|copyright(?-u:\b).*|©.*|all rights reserved.*|[0-9]+\s*min(?:ute)?s?\s*read|reading time(?-u:\b).*|listen to this article.*|print(?: this)?(?: article)?|advertisement|ad|sponsored content|comments?\s*\(?[0-9]*\)?|views?\s*:?\s*[0-9]+|[0-9]+\s*views?|image source(?-u:\b).*|this article was (?:originally )?published(?-u:\b).*|(?:story|article) continues (?:below|after)(?: the)? (?:advertisement|ad)|advertisement\s*[-–—:]?\s*scroll to continue|continue reading (?:below|the main story))$",
    )
    .unwrap()
});

static CAPTION_START: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:file\s*(?:photo)?\s*[-–—:]|file photo(?-u:\b)|photo\s*:|photos\s*:|image\s*:|picture\s*:|pictured\s*:|caption\s*:|\(?photo by(?-u:\b)|\(?photograph:|\[image(?-u:\b)|\[photo(?-u:\b))").unwrap()
});

static CAPTION_END: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:/\s*(?:AP|AFP|Reuters|EPA|Getty|Getty Images|Shutterstock|Anadolu|Bloomberg|TASS|Xinhua|Sipa|ANI|PTI|UPI|dpa)\.?\)?|\((?:AP|AFP|Reuters|EPA)\s+photo[^)]*\)|(?-u:\b)(?:via|for) Getty Images\.?|(?-u:\b)Getty Images\.?\)?|(?-u:\b)(?:photo|image|picture)\s*(?:credit)?\s*:\s*[^.]+\.?)$").unwrap()
});

static BYLINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:By|BY|Written by|Words by|Author:)\s+(?P<who>\p{Lu}[\p{L}.'’-]+(?:\s+\p{Lu}[\p{L}.'’-]+)*(?:\s+(?:and|&)\s+\p{Lu}[\p{L}.'’-]+(?:\s+\p{Lu}[\p{L}.'’-]+)*)?)(?:\s*(?:,|and|&|\||·|•|-|–|—)\s*.*|\s+(?:on|at|in)\s+.*)?$").unwrap()
});

/// Words that make up share bars and media tabs.
fn is_widget_word(w: &str) -> bool {
    matches!(
        w.to_lowercase().as_str(),
        "share"
            | "shares"
            | "sharing"
            | "on"
            | "via"
            | "facebook"
            | "twitter"
            | "x"
            | "whatsapp"
            | "telegram"
            | "linkedin"
            | "reddit"
            | "pinterest"
            | "email"
            | "e"
            | "mail"
            | "print"
            | "copy"
            | "link"
            | "copied"
            | "gallery"
            | "galleries"
            | "video"
            | "videos"
            | "photo"
            | "photos"
            | "tweet"
            | "messenger"
            | "viber"
            | "vk"
            | "flipboard"
            | "comment"
            | "comments"
            | "save"
            | "bookmark"
            | "follow"
            | "us"
            | "subscribe"
            | "more"
            | "listen"
            | "audio"
            | "tumblr"
            | "threads"
            | "bluesky"
            | "instagram"
            | "youtube"
            | "tiktok"
            | "rss"
            | "sms"
            | "to"
            | "the"
            | "article"
            | "story"
            | "this"
            | "news"
            | "google"
    )
}

/// Classifies a trimmed line; `None` means it may be article text.
pub fn classify(line: &str) -> Option<Boilerplate> {
    if line.is_empty() {
        return None;
    }
    if !line.chars().any(char::is_alphanumeric) {
        return Some(Boilerplate::Symbols);
    }
    if let Some(c) = CREDIT.captures(line) {
        let who = c["who"].trim().trim_end_matches('.').to_string();
        return Some(Boilerplate::Credit(who));
    }
    if REPORTING_BY.is_match(line) {
        let who = line.trim_matches(|c| c == '(' || c == ')').trim().to_string();
        return Some(Boilerplate::Credit(who));
    }
    if let Some(c) = INPUTS.captures(line) {
        let who = c.name("who").or(c.name("agency")).map_or("", |m| m.as_str());
        let who = if c.name("agency").is_some() { format!("{who} inputs") } else { who.trim().to_string() };
        return Some(Boilerplate::Credit(who));
    }
    if IMAGE.is_match(line) {
        return Some(Boilerplate::Caption);
    }
    if LINK.is_match(line) || LINK_WHOLE.is_match(line) {
        return Some(Boilerplate::Link);
    }
    if FURNITURE.is_match(line) {
        return Some(Boilerplate::Furniture);
    }
    let n_words = words::rough_count(line);
    if n_words <= 60 && (CAPTION_START.is_match(line) || CAPTION_END.is_match(line)) {
        return Some(Boilerplate::Caption);
    }
    if let Some(b) = byline(line, n_words) {
        return Some(b);
    }
    if is_widget_line(line) {
        return Some(Boilerplate::Widget);
    }
    None
}

/// A byline: names after `By`, perhaps with a desk, a place and a date
/// (`By Anna Kowalska on Jan 2, 2026`). A sentence that opens with "By" is
/// not one: it has lower-case words outside the date and the labels.
fn byline(line: &str, n_words: usize) -> Option<Boilerplate> {
    let found = super::published::find(line);
    // The date and its labels do not count against the length.
    let date_words = found.map_or(0, |f| words::rough_count(&line[f.start..f.end]));
    if n_words.saturating_sub(date_words) > 12 {
        return None;
    }
    let c = BYLINE.captures(line)?;
    let rest = &line[c.name("who").map_or(line.len(), |m| m.end())..];
    let rest = match found {
        Some(f) if f.start >= line.len() - rest.len() => {
            format!("{} {}", &line[line.len() - rest.len()..f.start], &line[f.end..])
        }
        _ => rest.to_string(),
    };
    // What follows the names: labels (`| New Delhi | Updated:`), not prose.
    let lower = words::words(&rest)
        .filter(|(_, w)| w.chars().next().is_some_and(char::is_lowercase))
        .filter(|(_, w)| {
            !matches!(*w, "on" | "at" | "in" | "and" | "updated" | "published" | "posted" | "last" | "modified")
        })
        .count();
    if lower > 1 {
        return None;
    }
    Some(Boilerplate::Byline { who: c["who"].trim().to_string(), date: found.map(|f| f.published) })
}

/// A line of share/gallery vocabulary without sentence punctuation:
/// `Gallery Gallery Videos Videos Share on WhatsApp Share`.
fn is_widget_line(line: &str) -> bool {
    if line.ends_with(['.', '?', '!', '"', '”']) || words::rough_count(line) > 20 {
        return false;
    }
    let ws: Vec<&str> = words::words(line).map(|(_, w)| w).collect();
    let widget = ws.iter().filter(|w| is_widget_word(w)).count();
    // Every word, or all but one in a long bar, is widget vocabulary, and at
    // least one of them names a network or a button (not just "more news").
    let strong = ws.iter().any(|w| {
        matches!(
            w.to_lowercase().as_str(),
            "share"
                | "facebook"
                | "twitter"
                | "whatsapp"
                | "telegram"
                | "linkedin"
                | "gallery"
                | "videos"
                | "email"
                | "print"
                | "tweet"
                | "pinterest"
                | "reddit"
        )
    });
    strong && (widget == ws.len() || (ws.len() >= 5 && widget + 1 >= ws.len()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use Boilerplate::*;

    #[test]
    fn widgets_and_symbols() {
        assert_eq!(classify("Gallery Gallery Videos Videos Share on WhatsApp Share"), Some(Widget));
        assert_eq!(classify("Share on Facebook | Twitter | Email"), Some(Widget));
        assert_eq!(classify("×"), Some(Symbols));
        assert_eq!(classify("• • •"), Some(Symbols));
        assert_eq!(classify("Share prices fell sharply on Monday."), None);
        assert_eq!(classify("More news"), None);
    }

    #[test]
    fn story_links() {
        assert_eq!(classify("Also Read: Trump Launches Federal Investigation into Epstein"), Some(Link));
        assert_eq!(classify("READ MORE: Russia strikes Kharkiv overnight this weekend"), Some(Link));
        assert_eq!(classify("Related Articles | Ceasefire talks stall"), Some(Link));
        assert_eq!(classify("Read more"), Some(Link));
        assert_eq!(classify("Readers also read the article with care."), None);
    }

    #[test]
    fn captions() {
        assert_eq!(classify("FILE - President Donald Trump speaks during an event in Las Vegas. / AP"), Some(Caption));
        assert_eq!(classify("Rescue workers at the site in Ternopil (AP Photo/Evgeniy Maloletka)"), Some(Caption));
        assert_eq!(classify("Photo: Reuters"), Some(Caption));
        assert_eq!(classify("The minister arrives in Brussels. Getty Images"), Some(Caption));
        assert_eq!(classify("The file was sent to the court on Monday."), None);
    }

    #[test]
    fn credits() {
        assert_eq!(classify("SOURCE:Anadolu Agency"), Some(Credit("Anadolu Agency".into())));
        assert_eq!(classify("Source: Reuters."), Some(Credit("Reuters".into())));
        assert_eq!(
            classify("(Reporting by Jane Doe; Editing by John Roe)"),
            Some(Credit("Reporting by Jane Doe; Editing by John Roe".into()))
        );
        assert_eq!(classify("(With inputs from PTI)"), Some(Credit("PTI".into())));
        assert_eq!(classify("With agency inputs"), Some(Credit("agency inputs".into())));
        assert_eq!(classify("With inputs from the ministry, officials drafted a plan on Monday."), None);
    }

    #[test]
    fn furniture_and_bylines() {
        assert_eq!(classify("News ID: 412377"), Some(Furniture));
        assert_eq!(classify("Tags: Ukraine, Russia, peace"), Some(Furniture));
        assert_eq!(classify("© 2025 Example Media. All rights reserved."), Some(Furniture));
        assert_eq!(classify("4 min read"), Some(Furniture));
        assert_eq!(classify("Story continues below advertisement"), Some(Furniture));
        assert_eq!(classify("![Lindqvist](https://cdn.example.com/img/l.jpg)"), Some(Caption));
        let by = |who: &str, date: Option<&str>| {
            Some(Byline { who: who.into(), date: date.map(|d| super::super::published::find(d).unwrap().published) })
        };
        assert_eq!(classify("By Jane Doe and John Roe"), by("Jane Doe and John Roe", None));
        assert_eq!(classify("By Thursday the talks had collapsed and both sides left."), None);
        assert_eq!(classify("By Anna Kowalska on Jan 2, 2026"), by("Anna Kowalska", Some("Jan 2, 2026")));
        assert_eq!(
            classify("Written by Rahul Mehta | New Delhi | Updated: March 16, 2026 10:41 IST"),
            by("Rahul Mehta", Some("March 16, 2026"))
        );
        assert_eq!(classify("By Johan Berg | Nordic Markets Desk"), by("Johan Berg", None));
        assert_eq!(classify("By Sunday night rescuers had reached the town on foot."), None);
        assert_eq!(classify("By Monday, March 3, 2025 the ferries were running again as usual."), None);
    }
}
