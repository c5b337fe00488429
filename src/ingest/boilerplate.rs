//! Recognises the lines of a saved page that are not article text: share and
//! gallery widgets, "Also Read" and "Read more" links, photo captions,
//! credits, ID and tag lines, copyright notices and symbol-only leftovers.

use std::sync::LazyLock;

use crate::text::pattern::Pattern;

use crate::text::lexicon::{is_news_agency, is_widget_word};
use crate::text::words;

/// What a line that is not article prose is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Boilerplate {
    /// No letters or digits at all (`×`, `•`, `***`).
    Symbols,
    /// Share buttons, gallery and video tabs, social links.
    Widget,
    /// A link to another story (`Also Read: ...`, `Read more: ...`, a
    /// ticker's `15m ago` and a headline).
    Link,
    /// A photo caption or picture credit.
    Caption,
    /// A credit line (`SOURCE: Anadolu Agency`); holds the credited name.
    Credit(String),
    /// Page furniture: IDs, tags, copyright, reading time, advertisements.
    Furniture,
    /// A byline (`By Jane Doe`, `Written by Jane Doe | Delhi | Updated:
    /// March 16, 2026`); holds the names, the date when it gives one, and
    /// the news agency or well-known outlet named after the names (`By Jane
    /// Doe, Reuters`), whose text it is.
    Byline { who: String, date: Option<super::published::Published>, from: Option<String> },
}

static LINK: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(
        r"(?i)^(?:also read|read also|read more|more to read|related(?: articles?| stories| news| coverage)?|see also|recommended|must read|don't miss|trending(?: now)?|watch|listen|more from|most read|popular|you (?:may|might) also like|further reading|latest news|top stories)\s*(?::|\||»|>|-|–|—)",
    )
    .unwrap()
});

static LINK_WHOLE: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(r"(?i)^(?:read more|also read|related|continue reading|related (?:articles?|stories|news|coverage|content|reading|topics|links)|recommended(?: for you| stories| reading| articles)?|most (?:viewed|read|popular|shared|commented)|more on this (?:story|topic)|more stories|explore more on these topics|key events|show key events only|(?-i:MORE FROM [A-Z0-9 .]{2,30})|keep reading|list of [0-9]+ items?)$")
        .unwrap()
});

/// A news ticker's item: how long ago, then another story's headline,
/// glued or not (`15m agoFloods close the ring road`, `2 hours ago |
/// Council votes on budget`).
static TICKER: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(r"(?i)^[0-9]{1,2}\s?(?:m|mins?|minutes?|h|hrs?|hours?|d|days?)\s?ago\s*[|:·•-]?\s*(?P<headline>\S.*)$")
        .unwrap()
});

/// A ticker's item ([`TICKER`]): the headline after the time is a
/// headline's length and not a sentence.
fn is_ticker_headline(line: &str) -> bool {
    let Some(captures) = TICKER.is_match(line).then(|| TICKER.captures(line)).flatten() else { return false };
    let headline = captures.name("headline").map_or("", |m| m.as_str());
    (3..=25).contains(&words::rough_count(headline)) && !headline.ends_with('.')
}

/// Prompts to the reader that are not links to a story: sign-ups,
/// buttons, notices.
static PROMPT: LazyLock<Pattern> = LazyLock::new(|| {
    // "Sign up" and "subscribe" as a prompt: alone, or followed by what
    // they ask for ("Sign up for our newsletter", "Subscribe now"), not a
    // sentence about subscribers ("Sign up bonuses have shrunk").
    Pattern::new(r"(?i)^(?:click here.*|(?:sign up|subscribe)(?::.*|[\s!.]+(?:for|to|now|here|today|free|and|from|with|at)(?-u:\b).*|[\s!.]*)|follow us.*|follow (?:\S+ )?(?:coverage|live coverage|updates) of .* at https?://\S+|join (?:us|our) (?:on )?(?:whatsapp|telegram|facebook|instagram|twitter|google news|youtube|linkedin)(?-u:\b).*|join our (?:[a-z]+ )?(?:channel|newsletter|mailing list)(?-u:\b).*|download (?:the|our) app.*|chat with us (?:in|on) (?:facebook )?messenger(?-u:\b).*|follow [^\s:]+:?\s+(?:on\s+)?(?:facebook|twitter|instagram)(?:\s*[|,/]\s*(?:facebook|twitter|instagram|youtube|tiktok))*|be the first to know|get (?:browser |push )?notifications for .*|donate\s*:.*|show comments|load more|back to top|(?:please )?(?:turn on|enable) javascript.*|reuse this content|skip to (?:main )?(?:content|navigation)|news provided by|for immediate release)$")
        .unwrap()
});

/// `Share this article`, `Share this story on ...`.
static SHARE_THIS: LazyLock<Pattern> =
    LazyLock::new(|| Pattern::new(r"(?i)^share this (?:article|story|page|post).*$").unwrap());

/// Headings over a list of links to other stories: the short lines that
/// follow them are headlines, not article text.
static LINK_LIST_HEADING: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(r"(?i)^(?:read more|also read|related|related (?:articles?|stories|news|coverage|content|reading|links|topics)|recommended(?: for you| stories| reading| articles)?|most (?:viewed|read|popular|shared)|more on this (?:story|topic)|more stories|explore more on these topics|key events|latest news|how you can help|top stories|trending(?: now)?|you (?:may|might) also like)\s*:?$")
        .unwrap()
});

/// Headings that open the end matter of a press release or page: what
/// follows them is about the publisher, not the story.
static TAIL_HEADING: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(r"(?i)^(?:about (?:the )?\p{Lu}[\p{L}.,&' -]+|(?:media|press|investor|news) (?:contacts?|enquiries|inquiries)\s*:?.*|contacts?\s*:|forward[- ]looking statements?|safe harbou?r statement|notes? to editors:?|#{3}|-+\s*ends?\s*-+)$")
        .unwrap()
});

static CREDIT: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(r"(?i)^(?:source|credit|courtesy|sources)\s*:\s*(?P<who>\S.*)$|(?-i:^SOURCE\s+(?P<release>\p{Lu}.+))$")
        .unwrap()
});

/// `(With inputs from PTI)`, `With agency inputs`, `— With files from The
/// Canadian Press`.
static INPUTS: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(r"(?i)^[—–-]?\s*\(?\s*with (?:inputs|input|files) from (?P<who>[^),.;]+?)\s*\)?\.?$|^\(?\s*with (?P<agency>agency|wire) inputs\s*\)?\.?$")
        .unwrap()
});

/// `With AFP`, `(With Reuters and AP)`: a wire-service credit line, a
/// whole line that names nothing but the agencies; gives the agencies.
/// (Written out rather than as a pattern: the repeated Unicode classes made
/// it the costliest pattern to compile.)
fn with_wire(line: &str) -> Option<&str> {
    let rest = line.strip_prefix('(').unwrap_or(line).trim_start();
    let rest = rest.strip_prefix("With ").or_else(|| rest.strip_prefix("with "))?;
    let rest = rest.strip_prefix("the ").unwrap_or(rest);
    let rest = rest.strip_suffix('.').unwrap_or(rest);
    let who = rest.strip_suffix(')').unwrap_or(rest).trim_end();
    let agency = |w: &str| {
        let mut cs = w.chars();
        let n = w.chars().count();
        w == "Associated Press"
            || w == "dpa"
            || ((2..=6).contains(&n) && w.chars().all(char::is_uppercase))
            || (n >= 2 && cs.next().is_some_and(char::is_uppercase) && cs.all(char::is_lowercase))
    };
    let all_agencies = who.split(", ").flat_map(|p| p.split(" and ")).flat_map(|p| p.split(" & ")).all(agency);
    (!who.is_empty() && all_agencies).then_some(who)
}

/// A markdown image or a bare link on a line of its own.
static IMAGE: LazyLock<Pattern> =
    LazyLock::new(|| Pattern::new(r"(?i)^(?:!\[[^\]]*\]\([^)]*\)|<img\b[^>]*>|https?://\S+)$").unwrap());

static REPORTING_BY: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(r"(?i-u)^\(?(?:reporting|additional reporting|writing|editing|compiled) by\b(?u:.*)$|^(?-i:[A-Z])(?u:[^\s]+)(?: and (?-i:[A-Z])(?u:[^\s]+))? (?:reported|contributed)(?: reporting)? from (?-i:[A-Z])(?u:[^.]*)\.?$|^(?-i:[A-Z])(?u:[^.]*) contributed(?: reporting)? to this (?:report|story|article)\.?$").unwrap()
});

static FURNITURE: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(
        r"(?i)^(?:(?:news|article|story|post|content)\s*id\s*[:#]?\s*[0-9]+|tags?\s*:.*|topics?\s*:.*|filed under(?-u:\b).*|categor(?:y|ies)\s*:.*|keywords?\s*:.*|copyright(?-u:\b).*|©.*|all rights reserved.*|[0-9]+[\s-]*min(?:ute)?s?\.?\s*read|(?:updated|published|posted)?\s*:?\s*[0-9]+\s*(?:minutes?|mins?|hours?|hrs?|days?)\s+ago|reading time(?-u:\b).*|listen to this article.*|print(?: this)?(?: article)?|advertisement|ad|sponsored(?: content)?|comments?\s*\(?[0-9]*\)?|views?\s*:?\s*[0-9]+|[0-9]+\s*views?|image source(?-u:\b).*|this (?:article|story) (?:was|has been) (?:(?:originally )?published|amended|corrected|updated)(?-u:\b).*|(?:story|article) continues (?:below|after(?: the)? (?:advertisement|ad))|(?:story|article) continues below (?:the )?(?:advertisement|ad)|advertisement\s*[-–—:]?\s*scroll to continue|continue reading (?:below|the main story))$",
    )
    .unwrap()
});

/// An author's note at the end of a story: `Sarah Okafor is a reporter
/// covering education for the Tribune.`, `She can be reached at ...`.
static AUTHOR_BIO: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(r"(?:^|[.!?] )(?:\p{Lu}[\p{L}'’.-]+ ){1,3}(?:is|was) (?:an?|the) (?:[\p{L}'’-]+ ){0,5}(?:reporter|correspondent|writer|editor|journalist|columnist|contributor|producer|photographer)s?(?-u:\b)|(?i)(?:can|may) be (?:reached|contacted) at\s")
        .unwrap()
});

static CAPTION_START: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(r"(?i)^(?:file\s*(?:photo)?\s*[-–—:]|file photo(?-u:\b)|photo\s*:|photos\s*:|image\s*:|picture\s*:|pictured\s*:|caption\s*:|screenshot\s*:|(?:image|media|video) caption\s*[,:]|representa(?:tional|tive) (?:image|photo|picture)$|screen ?grab\s*:|video (?:grab|still)\s*:|illustration\s*:|graphic\s*:|(?:photo|image|picture) credits?\s*:|\(?photo by(?-u:\b)|\(?photograph:|\[image(?-u:\b)|\[photo(?-u:\b))").unwrap()
});

static CAPTION_END: LazyLock<Pattern> = LazyLock::new(|| {
    // ASCII case folding for the names; Unicode only where text may be any.
    Pattern::new(r"(?i-u)(?:/\s*(?:AP|AFP|Reuters|EPA|Getty|Getty Images|Shutterstock|Anadolu|Bloomberg|TASS|Xinhua|Sipa|ANI|PTI|UPI|dpa)\.?\)?|\((?:AP|AFP|Reuters|EPA)\s+photo(?u:[^)]*)\)|\b(?:via|for) Getty Images\.?|\bGetty Images\.?\)?|\b(?:photo|image|picture)\s*(?:credit)?\s*:\s*(?u:[^.]+)\.?|\((?:AP|AFP|Reuters|EPA|EFE|Xinhua|ANSA|dpa|Getty|Anadolu|PTI|ANI|Yonhap|Kyodo|TASS|Sputnik|UPI)(?: photo)?\s*/\s*(?u:[^)]+)\)\.?|\bPhotograph:\s*(?u:[^.]+)|\b(?:REUTERS|AFP|EPA|EFE|Xinhua|ANSA|Anadolu)/(?u:[A-Z\p{Lu}][^/()]+))$").unwrap()
});

/// A photo's credit closing its caption, after a space or glued on as
/// pages copy it: `... in the square. Credit: PA`, `... her
/// resignationCredit: Reuters`, `Credit: Jo Roe - The Courier`. A short
/// name (six words at most), capital `C`, the line's end.
static CREDIT_TAIL: LazyLock<Pattern> =
    LazyLock::new(|| Pattern::new(r"Credits?\s?:\s*\p{Lu}[^\s.]*(?:\s+[^\s.]+){0,5}\.?$").unwrap());

/// A gallery's counter closing a caption: `... by Jo Roe.1 / 2`.
static GALLERY_TAIL: LazyLock<Pattern> =
    LazyLock::new(|| Pattern::new(r#"[.!?”"]\s*[0-9]{1,3}\s?/\s?[0-9]{1,3}$"#).unwrap());

/// A gallery's counter alone: `1 / 2`, `3/12`, `4 of 20`.
static GALLERY_COUNTER: LazyLock<Pattern> =
    LazyLock::new(|| Pattern::new(r"^[0-9]{1,3}\s?(?:/|\sof\s)\s?[0-9]{1,3}$").unwrap());

/// A video player's buttons and tabs, as a page copied as text keeps
/// them: `JUST WATCHED`, `Replay`, `More Videos ...`, `MUST WATCH`.
static VIDEO_PLAYER: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(
        r"^(?:JUST WATCHED|MUST WATCH|NOW PLAYING|Now Playing|UP NEXT|Up Next|Replay|More Videos\s*(?:\.\.\.|…)?)$",
    )
    .unwrap()
});

/// The line a video player opens with ([`VIDEO_PLAYER`]): the titles of
/// its videos stand around it.
pub fn opens_video_player(line: &str) -> bool {
    matches!(line, "JUST WATCHED" | "NOW PLAYING" | "Now Playing")
}

/// The names run as a list only when it ends in `and` (`By Jane Smith,
/// Ahmed Khan and Maria Lopez`): after a lone comma come a place or a desk
/// (`By Jane Smith, New Delhi`).
static BYLINE: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(r"^(?:By|BY|by:|By:|Written by|Words by|Author:|Posted by)\s+(?P<who>\p{Lu}[\p{L}.'’-]+(?:\s+\p{Lu}[\p{L}.'’-]+)*(?:(?:,\s+\p{Lu}[\p{L}.'’-]+(?:\s+\p{Lu}[\p{L}.'’-]+)*)*,?\s+(?:and|&)\s+\p{Lu}[\p{L}.'’-]+(?:\s+\p{Lu}[\p{L}.'’-]+)*)?)(?:\s*(?:,|and|&|\||·|•|-|–|—)\s*.*|\s+(?:on|at|in)\s+.*)?$").unwrap()
});

/// `Sarah Whitcombe US business correspondent`: a name and a newsroom role.
static ROLE_BYLINE: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(r"^(?P<who>\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+){1,2}?),?\s+(?:[\p{L}]+\s+){0,3}(?:correspondent|reporter|editor|writer|columnist|contributor|producer)$").unwrap()
});

/// `12 comments`, `View comments`, `Show 3 comments`: comment-thread links.
fn is_comment_count(lower: &str) -> bool {
    let Some(rest) = lower.strip_suffix(" comments").or(lower.strip_suffix(" comment")) else {
        return false;
    };
    let rest = rest.trim_start_matches(['(', '[']);
    rest.split_whitespace().all(|w| {
        w.chars().all(|c| c.is_ascii_digit() || c == ',')
            || matches!(w, "view" | "show" | "read" | "see" | "all" | "the")
    })
}

/// A line naming a newsletter or an inbox that offers one ("delivered to
/// your inbox every morning", "Sign up to our free newsletter", "after
/// newsletter promotion"), not a sentence about newsletters ("Newsletter
/// publishers have benefited").
fn is_newsletter_prompt(lower: &str, n_words: usize) -> bool {
    const OFFERS: &[&str] =
        &["sign up", "subscribe", "our newsletter", "free newsletter", "your inbox", "delivered", "receive", "get the"];
    n_words <= 4 || lower.starts_with("newsletter:") || OFFERS.iter().any(|offer| lower.contains(offer))
}

/// Page furniture that needs more than one pattern to tell: cookie
/// banners, newsletter and subscription prompts, navigation bars,
/// breadcrumbs, weather widgets, lone time stamps, wire sign-offs.
fn is_page_chrome(line: &str, n_words: usize) -> bool {
    // Every rule below is about a short line.
    if n_words > 60 {
        return false;
    }
    let lower = line.to_lowercase();
    if n_words <= 60 && lower.contains("cookie") {
        let banner = ["accept", "consent", "preferences", "privacy", "settings", "experience", "personali"];
        if banner.iter().any(|w| lower.contains(w)) {
            return true;
        }
    }
    if n_words <= 30
        && (lower.contains("newsletter") || lower.contains("inbox"))
        && is_newsletter_prompt(&lower, n_words)
    {
        return true;
    }
    if n_words <= 20
        && ["subscribe from", "subscribe for", "subscribe now", "subscribe today", "subscribe to our"]
            .iter()
            .any(|w| lower.contains(w))
    {
        return true;
    }
    if lower.starts_with("privacy notice") || lower.starts_with("privacy policy") {
        return true;
    }
    // Appeals and reader prompts.
    if n_words <= 30
        && ["donate now", "donate today", "give now", "your donation", "press ctrl+enter", "have your say"]
            .iter()
            .any(|w| lower.contains(w))
    {
        return true;
    }
    // A newsletter offered by email: `Get our daily news email ...`, `I
    // would like to be emailed about offers ... Read our privacy notice.`
    if n_words <= 30
        && lower.contains("email")
        && ["get our", "sign up", "would like to be emailed", "emailed about", "privacy notice"]
            .iter()
            .any(|offer| lower.contains(offer))
    {
        return true;
    }
    if is_app_banner(line, n_words) {
        return true;
    }
    if lower.starts_with("advertiser disclosure") || lower.starts_with("> advertiser disclosure") {
        return true;
    }
    // Blog and page furniture: likes, comment counts, feedback, standards.
    if n_words <= 12
        && (lower.starts_with("like this:")
            || lower.starts_with("was this article helpful")
            || lower.starts_with("our standards")
            || is_comment_count(&lower))
    {
        return true;
    }
    // Broadcast promos: `Listen to ... Live from 7pm for full coverage`.
    if n_words <= 25
        && (lower.starts_with("listen to ") || lower.starts_with("watch "))
        && lower.contains(" live")
        && lower.contains("coverage")
    {
        return true;
    }
    if n_words <= 3 && line.contains('°') {
        return true; // `Columbus 73°`
    }
    if SKIP_LINK.is_match(line) || is_watch_prompt(line, n_words) {
        return true;
    }
    if LONE_TIME.is_match(line) || SIGN_OFF.is_match(line) {
        return true;
    }
    is_nav_line(line) || is_breadcrumb(line)
}

/// The buttons of a banner offering the site's app, one short line each:
/// `View Metro News In`, `Metro News App Open`, `Chrome Safari Continue`.
fn is_app_banner(line: &str, n_words: usize) -> bool {
    let words: Vec<&str> = line.split_whitespace().collect();
    let browser = |word: &&str| matches!(*word, "Chrome" | "Safari" | "Firefox" | "Browser");
    let button = |word: &&str| matches!(*word, "Open" | "Continue" | "Install" | "Get");
    n_words <= 5
        && !line.ends_with(['.', '!', '?', ':'])
        && (words.iter().filter(|word| browser(word)).count() >= 2
            || words.contains(&"App") && words.last().is_some_and(button)
            || words.first() == Some(&"View") && words.last() == Some(&"In"))
}

/// A page's accessibility link, copied with its text: `Skip to main
/// content`, `Jump directly to the content`.
static SKIP_LINK: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(r"(?i)^(?:skip|jump)(?: directly)? to (?:the )?(?:main )?(?:content|navigation|article|story|search)$|^skip navigation$")
        .unwrap()
});

/// A site's link to its video service alone on its line: `Watch CBS
/// News`, `Watch Live` (every word capitalised, no sentence).
fn is_watch_prompt(line: &str, n_words: usize) -> bool {
    let Some(rest) = line.strip_prefix("Watch ") else { return false };
    (2..=4).contains(&n_words)
        && !line.ends_with(['.', '!', '?', ':'])
        && rest.split_whitespace().all(|word| word.chars().next().is_some_and(char::is_uppercase))
}

/// `14:18 ET`, `08:05`, `9.30 a.m.` on a line of its own.
static LONE_TIME: LazyLock<Pattern> =
    LazyLock::new(|| Pattern::new(r"(?i)^[0-9]{1,2}[:.][0-9]{2}\s*(?:[ap]\.?m\.?)?\s*(?:[A-Z]{2,4})?$").unwrap());

/// Wire desk sign-offs: `Enditem`, `mgm/jmr`, `(end)`.
static SIGN_OFF: LazyLock<Pattern> =
    LazyLock::new(|| Pattern::new(r"(?i)^(?:enditem|\(end\)|[a-z]{2,4}(?:/[a-z]{2,4})+)$").unwrap());

/// `Menu   Search   Sign in`, `Font size + - Print Share`.
fn is_nav_line(line: &str) -> bool {
    if line.split_whitespace().nth(12).is_some() {
        return false;
    }
    let ws: Vec<String> = line.split_whitespace().map(str::to_lowercase).collect();
    let nav = |w: &str| {
        matches!(
            w,
            "menu"
                | "search"
                | "sign"
                | "in"
                | "up"
                | "log"
                | "login"
                | "logout"
                | "register"
                | "account"
                | "home"
                | "skip"
                | "to"
                | "main"
                | "content"
                | "navigation"
                | "font"
                | "size"
                | "print"
                | "share"
                | "subscribe"
                | "edition"
                | "+"
                | "-"
                | "a"
                | "a+"
                | "a-"
                | "close"
                | "open"
                | "my"
                | "profile"
        )
    };
    let strong = ws.iter().any(|w| matches!(w.as_str(), "menu" | "search" | "login" | "font" | "skip" | "sign"));
    !ws.is_empty() && ws.len() <= 12 && strong && ws.iter().all(|w| nav(w))
}

/// `Home | National | World | Business`, `WORLD › AMERICAS`, `World ›
/// Americas › Venezuela`: short items between separators, no digits.
fn is_breadcrumb(line: &str) -> bool {
    if !line.contains(['|', '›', '»', '>', '/']) {
        return false;
    }
    let arrows = line.contains(['›', '»']) || line.contains(" > ") || line.contains(" / ");
    let items: Vec<&str> = line
        .split(['|', '›', '»', '>'])
        .flat_map(|i| i.split(" / "))
        .map(str::trim)
        .filter(|i| !i.is_empty())
        .collect();
    let enough = if arrows { items.len() >= 2 } else { items.len() >= 3 };
    enough
        && !line.chars().any(|c| c.is_ascii_digit())
        && items.iter().all(|i| {
            let n = i.split_whitespace().count();
            (1..=3).contains(&n)
                && !i.ends_with(['.', '!', '?'])
                && i.chars().next().is_some_and(|c| c.is_uppercase() || !c.is_alphabetic())
        })
}

/// A newspaper's edition label, as a page of its print story carries it
/// (`WEST END FINAL`, `LATE CITY EDITION`): a few words in capitals ending
/// in `FINAL` or `EDITION`.
static EDITION: LazyLock<Pattern> = LazyLock::new(|| Pattern::new(r"^(?:[A-Z]+ ){0,3}(?:FINAL|EDITION)$").unwrap());

/// Classifies a trimmed line; `None` means it may be article text.
pub fn classify(line: &str) -> Option<Boilerplate> {
    if line.is_empty() {
        return None;
    }
    if !line.chars().any(char::is_alphanumeric) {
        return Some(Boilerplate::Symbols);
    }
    if let Some(who) = credit(line) {
        return Some(Boilerplate::Credit(who));
    }
    if IMAGE.is_match(line) {
        return Some(Boilerplate::Caption);
    }
    if SHARE_THIS.is_match(line) {
        return Some(Boilerplate::Widget);
    }
    if LINK.is_match(line) || LINK_WHOLE.is_match(line) || is_ticker_headline(line) {
        return Some(Boilerplate::Link);
    }
    if FURNITURE.is_match(line) || PROMPT.is_match(line) || EDITION.is_match(line) {
        return Some(Boilerplate::Furniture);
    }
    let word_count = words::rough_count(line);
    let credited = CAPTION_END.is_match(line) || CREDIT_TAIL.is_match(line) || GALLERY_TAIL.is_match(line);
    if word_count <= 60 && (CAPTION_START.is_match(line) || credited && !is_credited_report(line)) {
        return Some(Boilerplate::Caption);
    }
    if GALLERY_COUNTER.is_match(line) || VIDEO_PLAYER.is_match(line) {
        return Some(Boilerplate::Widget);
    }
    if let Some(found) = byline(line, word_count).or_else(|| role_byline(line, word_count)) {
        return Some(found);
    }
    if is_widget_line(line) {
        return Some(Boilerplate::Widget);
    }
    if is_page_chrome(line, word_count) || LEGAL.is_match(line) {
        return Some(Boilerplate::Furniture);
    }
    None
}

/// A short note on who wrote the story ([`AUTHOR_BIO`]), not a sentence
/// of it that reports what someone said or did. Only the story's last
/// lines are read so (`meta`): in the middle, "X is a reporter" is news.
pub fn is_author_note(line: &str) -> bool {
    let reports = words::words(line).any(|(_, word)| crate::text::lexicon::is_reporting_verb(&word.to_lowercase()));
    words::rough_count(line) <= 40 && !reports && AUTHOR_BIO.is_match(line)
}

/// A paragraph of the story with a wire's credit at its end: `... said
/// Thursday that no nationals had been harmed. (Yonhap/EFE)`. A caption
/// credits a photographer (`(Xinhua/Marcos Salgado)`) and describes a
/// picture; this credits agencies only, or tells what someone said.
fn is_credited_report(line: &str) -> bool {
    let agencies_only = line
        .strip_suffix(')')
        .and_then(|head| head.rsplit_once('('))
        .is_some_and(|(_, credit)| credit.split(['/', ',']).map(str::trim).all(is_news_agency));
    let told = words::words(line)
        .any(|(_, word)| matches!(word, "said" | "told" | "announced" | "reported" | "confirmed" | "added"));
    agencies_only || told && words::rough_count(line) >= 15
}

/// Who a credit line names: `Source: Xinhua`, `(Reporting by ...)`, `With
/// inputs from PTI`, `With Reuters`.
fn credit(line: &str) -> Option<String> {
    // `is_match` first: it runs on a DFA, captures need a slower engine.
    if let Some(captures) = CREDIT.is_match(line).then(|| CREDIT.captures(line)).flatten() {
        // `Source: Xinhua| 2025-07-30 23:41:06|Editor: huaxia`: the first field.
        let who = captures.name("who").or(captures.name("release")).map_or("", |m| m.as_str());
        return Some(who.split('|').next().unwrap_or("").trim().trim_end_matches('.').to_string());
    }
    if words::rough_count(line) <= 25 && REPORTING_BY.is_match(line) && names_only(line) {
        return Some(line.trim_matches(|c| c == '(' || c == ')').trim().to_string());
    }
    let short_name = |who: &str| who.len() <= 40 && words::rough_count(who) <= 5;
    if let Some(captures) = INPUTS
        .is_match(line)
        .then(|| INPUTS.captures(line))
        .flatten()
        .filter(|captures| captures.name("who").is_none_or(|who| short_name(who.as_str())))
    {
        let who = captures.name("who").or(captures.name("agency")).map_or("", |m| m.as_str());
        return Some(if captures.name("agency").is_some() { format!("{who} inputs") } else { who.trim().to_string() });
    }
    with_wire(line).map(str::to_string)
}

/// Whether a line of credits holds names and the words that join them
/// ("Reporting by Jane Doe in Kyiv; Editing by John Roe"), not a sentence
/// that opens the same way ("Reporting by ProPublica last year found
/// similar problems").
fn names_only(line: &str) -> bool {
    const JOINING: &[&str] = &[
        "by",
        "and",
        "in",
        "from",
        "with",
        "of",
        "the",
        "reporting",
        "additional",
        "writing",
        "editing",
        "compiled",
        "reported",
        "contributed",
        "staff",
        "bureau",
        "bureaus",
        "correspondent",
        "correspondents",
        "newsroom",
        "desk",
        "writer",
        "writers",
        "reporter",
        "reporters",
        "journalist",
        "journalists",
        "photographer",
        "to",
        "this",
        "report",
        "story",
        "article",
        "de",
        "da",
        "del",
        "van",
        "von",
        "der",
        "la",
        "le",
        "al",
        "bin",
    ];
    words::words(line)
        .map(|(_, word)| word)
        .filter(|word| word.chars().next().is_some_and(char::is_lowercase))
        .all(|word| JOINING.contains(&word))
}

/// A credit that names the reporters and editors of a text, not who ran it
/// (`Reporting by Jane Doe; Editing by John Roe`).
pub fn names_reporters(credit: &str) -> bool {
    REPORTING_BY.is_match(credit.trim())
}

/// `AFP | Times of Malta`: a short line of a news agency and the outlet
/// that ran its copy, between bars or dots, and no sentence; the agency.
/// (Under the title the same line names the outlet too: the header reads
/// it; in the body it is a credit.)
pub fn agency_and_outlet(line: &str) -> Option<String> {
    if !line.contains(['|', '·']) || words::rough_count(line) > 8 || line.trim_end().ends_with(['.', '!', '?']) {
        return None;
    }
    let parts: Vec<&str> = line.split(['|', '·']).map(str::trim).collect();
    if !(2..=3).contains(&parts.len()) || parts.iter().any(|part| part.is_empty()) {
        return None;
    }
    parts.iter().find(|part| is_news_agency(part)).map(|agency| agency.to_string())
}

/// `Jane Roe, Europe correspondent`: a short line ending in a role.
fn role_byline(line: &str, word_count: usize) -> Option<Boilerplate> {
    let role = |word: &str| {
        matches!(word, "correspondent" | "reporter" | "editor" | "writer" | "columnist" | "contributor" | "producer")
    };
    if word_count > 8 || !line.rsplit(' ').next().is_some_and(role) {
        return None;
    }
    let captures = ROLE_BYLINE.captures(line)?;
    Some(Boilerplate::Byline { who: captures["who"].to_string(), date: None, from: None })
}

/// The legal paragraph of a press release.
static LEGAL: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(r"(?i)^this (?:press |news )?(?:release|announcement|document) (?:contains|includes|may contain) (?:certain )?forward[- ]looking statements").unwrap()
});

/// True for a heading over a list of links to other stories.
pub fn is_link_list_heading(line: &str) -> bool {
    LINK_LIST_HEADING.is_match(line)
}

/// `Story highlights`, `Key points`: the heading of a story's summary in
/// points.
pub fn is_highlights_heading(line: &str) -> bool {
    static HIGHLIGHTS: LazyLock<Pattern> = LazyLock::new(|| {
        Pattern::new(r"(?i)^(?:story highlights|highlights|key points|key facts|key takeaways|takeaways|in brief|at a glance|what you need to know|the essentials|summary)\s*:?$").unwrap()
    });
    HIGHLIGHTS.is_match(line)
}

/// True for a heading that opens a page's end matter (`About Meridian
/// Pharma`, `Media contact:`, `###`).
pub fn is_tail_heading(line: &str) -> bool {
    let first = line.split(' ').next().unwrap_or("").to_ascii_lowercase();
    let opener = first.starts_with(['#', '-'])
        || matches!(
            first.trim_end_matches(':'),
            "about"
                | "media"
                | "press"
                | "investor"
                | "news"
                | "contact"
                | "contacts"
                | "forward-looking"
                | "forward"
                | "safe"
                | "note"
                | "notes"
        );
    opener && words::rough_count(line) <= 8 && !line.ends_with(['.', '!', '?']) && TAIL_HEADING.is_match(line)
}

/// How many lines of prose an end-matter section may hold and still be
/// removed on weak evidence.
const END_MATTER_PROSE: usize = 3;

/// Whether the section after an end-matter heading ([`is_tail_heading`])
/// is end matter: its lines are `section`, `prose` of them prose, and
/// `release` says the page is a press release. Strong evidence (a press
/// release) removes any section; otherwise a section with more than a few
/// lines of prose stays, and a short one goes when its heading is not
/// `About ...` (contacts, legal notes, `###`) or it describes what the
/// heading names (`About Meridian Pharma` / `Meridian Pharma, Inc. is a
/// ...`) or is an author's note.
pub fn is_end_matter(heading: &str, section: &[&str], prose: usize, release: bool) -> bool {
    if release {
        return true;
    }
    if prose > END_MATTER_PROSE {
        return false;
    }
    let Some(subject) = strip_prefix_ignore_case(heading, "about ") else { return true };
    let subject = subject.trim().trim_end_matches(':');
    let author = matches!(
        subject.to_lowercase().as_str(),
        "the author" | "the authors" | "the writer" | "the reporter" | "us" | "this story" | "this article"
    );
    author || section.first().is_some_and(|first| describes(first, subject))
}

/// `text` without `prefix`, compared without regard to case.
fn strip_prefix_ignore_case<'t>(text: &'t str, prefix: &str) -> Option<&'t str> {
    let head = text.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix).then(|| &text[prefix.len()..])
}

/// `Meridian Pharma, Inc. is a specialty pharmaceutical company`: a line
/// that opens with the name `subject` gives and says what it is.
fn describes(line: &str, subject: &str) -> bool {
    let name = subject.split_whitespace().find(|word| !word.eq_ignore_ascii_case("the")).unwrap_or("");
    let opens = line.split_whitespace().take(2).any(|word| word.trim_matches(|c: char| !c.is_alphanumeric()) == name);
    let lower = line.to_lowercase();
    !name.is_empty()
        && opens
        && [" is a ", " is an ", " is the ", " is one of ", " are a ", " was founded", " founded in "]
            .iter()
            .any(|phrase| lower.contains(phrase))
}

/// A line that marks a press release: `FOR IMMEDIATE RELEASE`, `News
/// provided by`, a wire's name in slashes (`/PRNewswire/`), or a release
/// credit (`SOURCE Meridian Pharma`).
pub fn is_release_marker(line: &str) -> bool {
    static MARKER: LazyLock<Pattern> = LazyLock::new(|| {
        Pattern::new(r"(?i:^for immediate release$|^news provided by$|/\s*(?:prnewswire|globe ?newswire|business ?wire|accesswire|einpresswire|newsfile)[^/]*/)|^SOURCE\s+\p{Lu}")
            .unwrap()
    });
    MARKER.is_match(line.trim())
}

/// A byline: names after `By`, perhaps with a desk, a place and a date
/// (`By Anna Kowalska on Jan 2, 2026`). A sentence that opens with "By" is
/// not one: it has lower-case words outside the date and the labels.
fn byline(line: &str, word_count: usize) -> Option<Boilerplate> {
    if !["By", "BY", "by:", "Written by", "Words by", "Author:", "Posted by"]
        .iter()
        .any(|label| line.starts_with(label))
    {
        return posted_on_by(line);
    }
    let found = super::published::find(line);
    // The date and its labels do not count against the length.
    let date_words = found.map_or(0, |date| words::rough_count(&line[date.start..date.end]));
    if word_count.saturating_sub(date_words) > 12 {
        return None;
    }
    let captures = BYLINE.captures(line)?;
    let rest = &line[captures.name("who").map_or(line.len(), |m| m.end())..];
    let rest = match found {
        Some(date) if date.start >= line.len() - rest.len() => {
            format!("{} {}", &line[line.len() - rest.len()..date.start], &line[date.end..])
        }
        _ => rest.to_string(),
    };
    // What follows the names: labels (`| New Delhi | Updated:`), not prose.
    let lower = words::words(&rest)
        .filter(|(_, word)| word.chars().next().is_some_and(char::is_lowercase))
        .filter(|(_, word)| {
            !matches!(*word, "on" | "at" | "in" | "and" | "updated" | "published" | "posted" | "last" | "modified")
        })
        .count();
    if lower > 1 {
        return None;
    }
    let (who, from) = organisation_after_names(captures["who"].trim(), &rest);
    Some(Boilerplate::Byline { who: who.to_string(), date: found.map(|date| date.published), from })
}

/// The news agency or well-known outlet a byline names after its names,
/// between separators (`, Reuters`, `| CNN`, `- The Associated Press`) or
/// as the names' last words (`By Jane Doe AP`); the names without it.
fn organisation_after_names<'a>(who: &'a str, rest: &str) -> (&'a str, Option<String>) {
    let organisation = |name: &str| {
        let bare = name.strip_prefix("The ").unwrap_or(name);
        is_news_agency(bare) || crate::text::lexicon::is_outlet_name(name)
    };
    let after = rest
        .split([',', '|', '·', '•', '—', '–'])
        .flat_map(|field| field.split(" - "))
        .map(|field| field.trim().trim_end_matches('.'))
        .find(|field| organisation(field));
    if let Some(name) = after {
        return (who, Some(name.to_string()));
    }
    // The names' last one or two words: `Jane Doe Associated Press`.
    let words: Vec<&str> = who.split_whitespace().collect();
    for taken in [2, 1] {
        let Some(names) = words.len().checked_sub(taken).filter(|&kept| kept >= 2) else { continue };
        let tail = words[names..].join(" ");
        if organisation(&tail) {
            let cut = who.rfind(words[names]).unwrap_or(who.len());
            return (who[..cut].trim_end_matches([' ', ',']), Some(tail));
        }
    }
    (who, None)
}

/// `Posted on June 6, 2025 by Arjun Mehta · 5 min read`: a date, then the
/// byline.
fn posted_on_by(line: &str) -> Option<Boilerplate> {
    let lead = ["Posted on ", "Published on ", "Posted ", "Published "].into_iter().find(|p| line.starts_with(p))?;
    let found = super::published::find(line).filter(|f| f.start <= lead.len())?;
    let rest = line[found.end..].trim_start().strip_prefix("by ")?;
    // Fields after the names (`· 5 min read`) say nothing about them.
    let rest = rest.split(['·', '•', '|']).next().unwrap_or("").trim();
    match byline(&format!("By {rest}"), words::rough_count(rest) + 1)? {
        Boilerplate::Byline { who, from, .. } => Some(Boilerplate::Byline { who, date: Some(found.published), from }),
        _ => None,
    }
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
    // A share bar set one button per line: `Copy`, `Link copied`, `X`.
    let button = ws.len() <= 2
        && widget == ws.len()
        && ws.iter().any(|w| {
            matches!(w.to_lowercase().as_str(), "copy" | "copied" | "link" | "x" | "weibo" | "wechat" | "save")
        });
    button || strong && (widget == ws.len() || (ws.len() >= 5 && widget + 1 >= ws.len()))
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
        assert_eq!(classify("Jump directly to the content"), Some(Furniture));
        assert_eq!(classify("Skip to main content"), Some(Furniture));
        assert_eq!(classify("Watch CBS News"), Some(Furniture));
        assert_eq!(classify("Watch the river rise."), None);
        assert_eq!(classify("Watch closely, the minister said on Monday"), None);
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
        assert_eq!(agency_and_outlet("AFP | Harbour Times").as_deref(), Some("AFP"));
        assert_eq!(agency_and_outlet("Reuters · The Coast Daily").as_deref(), Some("Reuters"));
        assert_eq!(agency_and_outlet("Paris | London | Berlin"), None);
        assert_eq!(agency_and_outlet("AFP | The agency said the port was closed."), None);
        assert_eq!(classify("With inputs from the ministry, officials drafted a plan on Monday."), None);
        assert_eq!(classify("With AFP"), Some(Credit("AFP".into())));
        assert_eq!(classify("(With Reuters and AP)"), Some(Credit("Reuters and AP".into())));
        assert_eq!(classify("With NATO allies watching, the talks began."), None);
        assert_eq!(classify("With Newswire"), Some(Credit("Newswire".into())));
        assert_eq!(classify("With Biden in the room, talks began."), None);
        assert_eq!(classify("(With Reuters, AFP & dpa)."), Some(Credit("Reuters, AFP & dpa".into())));
        assert_eq!(classify("With the Associated Press"), Some(Credit("Associated Press".into())));
        assert_eq!(classify("with ÉFE"), Some(Credit("ÉFE".into())));
        assert_eq!(classify("With Reuters,AP"), None);
        assert_eq!(classify("With 300 people"), None);
        assert_eq!(classify("With"), None);
    }

    #[test]
    fn a_newspapers_edition_label_is_furniture() {
        for line in ["WEST END FINAL", "LATE CITY EDITION", "FINAL"] {
            assert_eq!(classify(line), Some(Furniture), "{line}");
        }
        for line in ["Cup final", "THE FINAL COUNTDOWN BEGINS NOW", "It was the final edition"] {
            assert_eq!(classify(line), None, "{line}");
        }
    }

    #[test]
    fn page_chrome() {
        for line in [
            "We use cookies and similar technologies to improve your experience. By clicking \"Accept all\" you agree.",
            "Get the top local headlines delivered to your inbox every morning",
            "Privacy Notice: Newsletters may contain info about charities, online ads, and content funded by outside parties.",
            "after newsletter promotion",
            "Support independent journalism. Subscribe from just £1 a week",
            "Skip to main content",
            "Menu   Search   Sign in",
            "Font size  +  -   Print   Share",
            "Home  |  National  |  World  |  Business  |  Sports",
            "WORLD › AMERICAS",
            "World › Americas › Venezuela",
            "Columbus 73°",
            "14:18 ET",
            "Enditem",
            "mgm/jmr",
            "Show key events only",
            "Please turn on JavaScript in your browser to receive live updates.",
            "Explore more on these topics",
            "Home / Tajikistan / Society",
            "Donate now",
            "If you find an error in the text, select it and press Ctrl+Enter",
            "Have your say: email news@example.com",
            "> Advertiser disclosure: we may receive a commission. Opinions are our own.",
            "FOR IMMEDIATE RELEASE",
            "News provided by",
            "This press release contains forward-looking statements within the meaning of the Act of 1995.",
            "Like this:",
            "Was this article helpful?",
            "Our Standards: The Thomson Reuters Trust Principles.",
            "Listen to Radio Five Live from 7pm for full coverage of the match.",
            "12 comments",
            "View comments",
        ] {
            assert!(classify(line).is_some(), "{line}");
        }
        for line in [
            "The company said cookies made in the plant were recalled.",
            "Talks | Geneva",
            "Daily Brief | Mon, Oct 20, 2025",
            "The minister will sign in Brussels.",
            "Prices rose 2% in the year to March.",
        ] {
            assert_eq!(classify(line), None, "{line}");
        }
        assert!(is_link_list_heading("Related Articles") && is_link_list_heading("Recommended"));
        assert!(
            is_tail_heading("About Meridian Pharma") && is_tail_heading("Media contact:") && is_tail_heading("###")
        );
        assert!(!is_tail_heading("About 180 people were evacuated."));
    }

    #[test]
    fn a_report_credited_to_wires_is_not_a_caption() {
        assert_eq!(
            classify(
                "Meanwhile, the foreign ministry said Thursday that no nationals had been harmed in the unrest. (Yonhap/EFE)"
            ),
            None
        );
        assert_eq!(classify("Ministers met in Rome on Friday to agree the budget for next year. (AFP/Reuters)"), None);
        assert_eq!(
            classify("Demonstrators clash with police in Caracas on Monday. (Xinhua/Marcos Salgado)"),
            Some(Caption)
        );
        assert_eq!(classify("Screenshot: Vatican Media"), Some(Caption));
        assert_eq!(classify("Subscribe to our newsletter for the day's top stories."), Some(Furniture));
        assert_eq!(classify("Share this article"), Some(Widget));
    }

    #[test]
    fn reading_lists_and_coverage_links_are_not_text() {
        assert_eq!(classify("Keep reading"), Some(Link));
        assert_eq!(classify("list of 4 items"), Some(Link));
        assert_eq!(
            classify("Follow AP's coverage of climate at https://apnews.com/hub/climate-and-environment"),
            Some(Furniture)
        );
        assert_eq!(classify("Keep reading the fine print, the regulator told banks."), None);
        assert_eq!(classify("Fans follow the coverage of the games closely."), None);
    }

    #[test]
    fn an_authors_note_is_told_from_a_sentence_about_a_reporter() {
        for note in [
            "Sarah Okafor is a reporter covering education for the Tribune. She can be reached at sokafor@example.com.",
            "María Verza is an AP correspondent in Mexico City.",
            "Maya Patel covers education. Tomás Herrera is a data reporter.",
        ] {
            assert!(is_author_note(note), "{note}");
        }
        for prose in [
            "Evan Gershkovich is a reporter who was detained in Russia for more than a year, his newspaper said.",
            "The reporter said the police had arrived within minutes.",
            "Residents can be reached only by boat, officials said.",
        ] {
            assert!(!is_author_note(prose), "{prose}");
        }
    }

    #[test]
    fn a_sentence_opening_like_a_credit_is_text() {
        assert_eq!(classify("Reporting by ProPublica last year found similar problems at two other sites."), None);
        for credit in [
            "(Reporting by Jane Doe in Kyiv and John Roe in Moscow; Editing by Alex Richardson)",
            "Additional reporting by the Washington bureau",
            "Reporting by Reuters staff; writing by Mark Heinrich",
            "Associated Press writer Hanna Arhirova contributed to this report.",
            "Jane Doe and John Roe contributed reporting to this story.",
            "— With files from The Canadian Press",
        ] {
            assert!(matches!(classify(credit), Some(Credit(_))), "{credit}");
        }
        assert_eq!(classify("This story was originally published by CBC News."), Some(Furniture));
        assert_eq!(
            classify("This article was amended on 18 November 2025 to correct the name of a Ryanair executive."),
            Some(Furniture)
        );
        assert_eq!(classify("Ten volunteers contributed to this effort over the summer."), None);
    }

    #[test]
    fn sentences_about_subscribers_and_newsletters_are_text_and_prompts_are_not() {
        for prose in [
            "Subscribers in Asia were the biggest source of growth.",
            "Newsletter publishers have also benefited from the shift to paid content.",
            "Subscribe-and-save offers have also spread to groceries, analysts said.",
            "Sign up bonuses at banks have shrunk, analysts said.",
            "Subscribing to the service costs $12 a month.",
        ] {
            assert_eq!(classify(prose), None, "{prose}");
        }
        for prompt in [
            "Sign up",
            "Subscribe now",
            "Subscribe: it's free",
            "Sign up for our daily briefing",
            "Sign up to First Edition, our free daily newsletter.",
            "Subscribe to our newsletter for the day's top stories.",
            "The biggest stories in pharma regulation, delivered to your inbox every weekday morning.",
            "after newsletter promotion",
        ] {
            assert_eq!(classify(prompt), Some(Furniture), "{prompt}");
        }
    }

    #[test]
    fn reading_time_newsletter_and_caption_lines() {
        for line in [
            "4-minute read",
            "Updated 2 hours ago",
            "Image caption, Rescuers at the site of the crash",
            "Representational image",
            "Join our WhatsApp channel for the latest news",
            "(Photo: PTI)",
            "Rescuers search the debris (Photo by Sam Panthaky/AFP via Getty Images)",
        ] {
            assert!(classify(line).is_some(), "{line}");
        }
        for line in [
            "Join us in thanking the volunteers who worked through the night.",
            "Two hours ago the road was still open.",
        ] {
            assert_eq!(classify(line), None, "{line}");
        }
    }

    #[test]
    fn wire_captions_and_credits() {
        assert_eq!(
            classify("Demonstrators clash with security forces in Caracas, July 29, 2025. (Xinhua/Marcos Salgado)"),
            Some(Caption)
        );
        assert_eq!(
            classify(
                "Riot police fire teargas in Caracas on Wednesday. Photograph: REUTERS/Leonardo Fernandez Viloria"
            ),
            Some(Caption)
        );
        assert_eq!(classify("Source: Xinhua| 2025-07-30 23:41:06|Editor: huaxia"), Some(Credit("Xinhua".into())));
        assert_eq!(classify("SOURCE Meridian Pharma, Inc."), Some(Credit("Meridian Pharma, Inc".into())));
        assert_eq!(
            classify("Hall reported from Almaty, Kazakhstan."),
            Some(Credit("Hall reported from Almaty, Kazakhstan.".into()))
        );
        assert_eq!(classify("Police reported from the scene that two cars collided on Monday near the port."), None);
        assert_eq!(classify("Source code for the booking system was leaked on Monday."), None);
        assert_eq!(classify("Copy"), Some(Widget));
        assert_eq!(classify("Link copied"), Some(Widget));
        assert_eq!(classify("by: Kayla Brooks"), Some(Byline { who: "Kayla Brooks".into(), date: None, from: None }));
        assert_eq!(
            classify("Posted by TerraceTom in News, Opinion · 23 comments"),
            Some(Byline { who: "TerraceTom".into(), date: None, from: None })
        );
        let posted = classify("Posted on June 6, 2025 by Arjun Mehta · 5 min read");
        assert!(matches!(posted, Some(Byline { ref who, date: Some(_), .. }) if who == "Arjun Mehta"), "{posted:?}");
        assert_eq!(classify("Posted on June 6, 2025, the notice said prices would rise."), None);
        assert_eq!(
            classify("Sarah Whitcombe US business correspondent"),
            Some(Byline { who: "Sarah Whitcombe".into(), date: None, from: None })
        );
    }

    #[test]
    fn app_banners_follow_prompts_and_email_offers_are_furniture() {
        for line in [
            "Follow METRONEWS.COM: Facebook | Twitter",
            "Be the first to know",
            "Get browser notifications for breaking news and live events.",
            "DONATE: Harbour Red Cross | Food Bank",
            "Get our free daily news email with the stories that matter",
            "I would like to be emailed about offers and events from Metro News. Read our privacy notice.",
            "View Metro News In",
            "Metro News App Open",
            "Chrome Safari Continue",
        ] {
            assert_eq!(classify(line), Some(Furniture), "{line}");
        }
        assert_eq!(classify("MORE FROM METRO NEWS"), Some(Link));
        for prose in [
            "The council said in an email that the road would reopen on Friday.",
            "Be the first to know what the council decides, the mayor told residents.",
            "Follow the river north to the old bridge",
            "View from the hill",
            "More from the interview",
        ] {
            assert_eq!(classify(prose), None, "{prose}");
        }
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
            Some(Byline {
                who: who.into(),
                date: date.map(|d| super::super::published::find(d).unwrap().published),
                from: None,
            })
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
