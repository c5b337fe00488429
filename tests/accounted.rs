//! Nothing is dropped silently: every word of every file is in its
//! article's body or in a line the article lists as removed (with why),
//! and no prose line is removed as page furniture unless it is listed
//! here with the reason. Run over the bundled sample, the stories in
//! `tests/stories`, the real reports in `tests/real` (saved pages of two
//! stories, with the shapes real pages have) and the web pages in
//! `tests/fixtures/pages` (furniture of every kind around a story, and a
//! clipped Markdown page), whose words are the text a browser shows, or
//! for Markdown the text a reader of the rendered file sees.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use parallax::ingest::{Article, Removal, Source};

/// Every input: the sample, then each folder of articles.
fn sets() -> Vec<(String, Vec<Source>)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests");
    let mut folders: Vec<PathBuf> = Vec::new();
    for parent in ["real", "stories"] {
        let mut found: Vec<PathBuf> =
            std::fs::read_dir(root.join(parent)).unwrap().map(|entry| entry.unwrap().path()).collect();
        found.sort();
        folders.extend(
            found.into_iter().map(|dir| if dir.join("articles").is_dir() { dir.join("articles") } else { dir }),
        );
    }
    folders.push(root.join("fixtures/pages"));
    let mut sets = vec![("sample".to_string(), parallax::ingest::source::sample())];
    for folder in folders {
        let mut files: Vec<PathBuf> = std::fs::read_dir(&folder).unwrap().map(|entry| entry.unwrap().path()).collect();
        files.sort();
        let sources = files.iter().map(|file| parallax::ingest::source::read(file).unwrap()).collect();
        sets.push((folder.display().to_string(), sources));
    }
    sets
}

/// The words of a text, folded, counted.
fn word_counts(text: &str) -> HashMap<String, usize> {
    let mut counts = HashMap::new();
    for (_, word) in parallax::text::words::words(text) {
        *counts.entry(word.to_lowercase()).or_insert(0) += 1;
    }
    counts
}

/// The text a browser shows of a web page: every text token but those
/// inside scripts, styles, templates, frames and titles (read here with
/// the tokenizer directly, not with parallax's reader).
fn visible_text(html: &str) -> String {
    use html5gum::{State, Token, Tokenizer};
    const HIDDEN: &[&str] = &["script", "style", "template", "iframe", "title"];
    let mut tokens = Tokenizer::new(html);
    let mut open: Vec<String> = Vec::new();
    let mut text = String::new();
    while let Some(Ok(token)) = tokens.next() {
        match token {
            Token::StartTag(tag) if !tag.self_closing => {
                let name = String::from_utf8_lossy(&tag.name).to_ascii_lowercase();
                match name.as_str() {
                    "script" => tokens.set_state(State::ScriptData),
                    // `<noscript>` is read as a browser without scripts shows it.
                    "style" | "template" | "iframe" | "xmp" => tokens.set_state(State::RawText),
                    "title" | "textarea" => tokens.set_state(State::RcData),
                    _ => {}
                }
                open.push(name);
            }
            Token::EndTag(tag) => {
                let name = String::from_utf8_lossy(&tag.name).to_ascii_lowercase();
                if let Some(at) = open.iter().rposition(|element| *element == name) {
                    open.truncate(at);
                }
            }
            Token::String(chunk) if !open.iter().any(|element| HIDDEN.contains(&element.as_str())) => {
                text.push_str(&String::from_utf8_lossy(&chunk.value));
                text.push(' ');
            }
            _ => {}
        }
    }
    text
}

/// The text a reader of a rendered Markdown file sees (read here with
/// `pulldown-cmark`, not with parallax's reader): its text, code, image alt
/// text and front matter, and what its HTML shows. A reference definition
/// (an address) is no text a reader sees; parallax lists it all the same.
/// A table's header row is listed, and its words also name the cells of
/// every row in the body.
fn rendered_markdown(markdown: &str) -> String {
    use pulldown_cmark::{Event, Options, Parser};
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS;
    let mut text = String::new();
    for event in Parser::new_ext(markdown, options) {
        match event {
            // A footnote's marker (`[^1]`) points at the note, whose text is
            // read where it stands; it is not read as a word.
            Event::Text(chunk) | Event::Code(chunk) => text.push_str(&chunk),
            Event::Html(html) | Event::InlineHtml(html) => text.push_str(&visible_text(&html)),
            _ => {}
        }
        text.push(' ');
    }
    text
}

/// The text whose every word must be accounted for: what a browser shows
/// of a web page, what a reader of a Markdown file sees rendered, else the
/// file as the header rules read it.
fn text_of(source: &Source) -> String {
    let is_markdown = source.path.ends_with(".md") || source.path.ends_with(".markdown");
    if source.path.ends_with(".html") {
        visible_text(&String::from_utf8_lossy(&source.bytes))
    } else if is_markdown {
        rendered_markdown(&String::from_utf8_lossy(&source.bytes))
    } else {
        parallax::ingest::page_text(source).unwrap()
    }
}

#[test]
fn every_word_is_in_the_body_or_a_removed_line() {
    for (set, sources) in sets() {
        for source in &sources {
            let text = text_of(source);
            let article = parallax::ingest::parse(source).unwrap();
            let mut kept = word_counts(&article.body);
            for line in &article.removed {
                for (word, count) in word_counts(&line.text) {
                    *kept.entry(word).or_insert(0) += count;
                }
            }
            let lost: Vec<String> = word_counts(&text)
                .into_iter()
                .filter(|(word, count)| kept.get(word).copied().unwrap_or(0) < *count)
                .map(|(word, _)| word)
                .collect();
            assert!(lost.is_empty(), "{set} {}: words neither in the body nor removed: {lost:?}", source.path);
        }
    }
}

/// A line of prose: a dozen words or more, most in lower case, or a
/// sentence of six words or more ending in a stop.
fn is_prose(line: &str) -> bool {
    let words: Vec<&str> = parallax::text::words::words(line).map(|(_, word)| word).collect();
    let lower = words.iter().filter(|word| word.chars().next().is_some_and(char::is_lowercase)).count();
    words.len() >= 12 && lower * 3 >= words.len()
        || words.len() >= 6 && line.ends_with(['.', '!', '?', '"', '”']) && lower * 2 >= words.len()
}

/// The prose lines removed from the sets, with the reason each is not
/// article text: (file, kind, the line's opening words, why).
const PROSE_REMOVED: &[(&str, Removal, &str, &str)] = &[
    (
        "001_5f94475fe93d3ff0.txt",
        Removal::Caption,
        "FILE - President Donald Trump speaks",
        "a photo caption ending in a picture credit",
    ),
    (
        "05_flight-171-crash-241-killed.txt",
        Removal::Link,
        "Read more: Boeing shares slide in",
        "a link to another story",
    ),
    (
        "02_prevost-takes-name-leo-xiv.txt",
        Removal::Link,
        "Also Read: Papal conclave 2025: How",
        "a link to another story",
    ),
    (
        "04_habemus-papam.txt",
        Removal::RepeatedTitle,
        "Habemus Papam! Cheers erupt as Pope",
        "the headline again as the first line",
    ),
    (
        "000_ledger.txt",
        Removal::LinkList,
        "Dublin Airport passenger cap: what happens",
        "a headline listed under \"Related\"",
    ),
    (
        "002_flyertalk.md",
        Removal::Furniture,
        "Advertiser disclosure: Points & Pathways may",
        "an advertiser disclosure",
    ),
    (
        "000_dailybrief.txt",
        Removal::Caption,
        "Rescue workers carry an elderly resident",
        "a photo caption ending in a picture credit",
    ),
    ("000_dailybrief.txt", Removal::Link, "Read more: Where to see the", "a link to another story"),
    ("000_dailybrief.txt", Removal::Link, "Also Read: Storm Boris one year", "a link to another story"),
    (
        "001_update.md",
        Removal::Caption,
        "Volunteers fill sandbags outside the town",
        "a photo caption ending in a picture credit",
    ),
    (
        "002_observer.txt",
        Removal::RepeatedTitle,
        "Flood toll climbs to seven as",
        "the headline again as the first line",
    ),
    (
        "e01_3b7d1f0a.txt",
        Removal::Caption,
        "Demonstrators clash with security forces in",
        "a photo caption ending in a picture credit",
    ),
    (
        "e02_9c42e8d5.txt",
        Removal::Caption,
        "Demonstrators block a street in Caracas",
        "a photo caption ending in a picture credit",
    ),
    ("e02_9c42e8d5.txt", Removal::Furniture, "Subscribe to EFE's newsletter and receive", "a newsletter prompt"),
    ("e02_9c42e8d5.txt", Removal::Furniture, "© EFE 2025. All rights reserved.", "a copyright notice"),
    ("e03_51af60b2.md", Removal::Furniture, "Copyright © Hanbit News. All rights", "a copyright notice"),
    ("e04_d80e7c19.txt", Removal::Furniture, "Please turn on JavaScript in your", "a browser notice"),
    (
        "e04_d80e7c19.txt",
        Removal::Caption,
        "Riot police fire teargas at demonstrators",
        "a photo caption ending in a picture credit",
    ),
    ("e04_d80e7c19.txt", Removal::Furniture, "Sign up to First Edition, our", "a newsletter prompt"),
    (
        "000_ap_meridian_lawsuit.txt",
        Removal::Caption,
        "FILE - A pharmacist counts tablets",
        "a photo caption ending in a picture credit",
    ),
    ("000_ap_meridian_lawsuit.txt", Removal::Link, "Related: What to know about NDMA", "a link to another story"),
    ("001_uk_business.txt", Removal::Furniture, "We use cookies and similar technologies", "a cookie banner"),
    ("001_uk_business.txt", Removal::Furniture, "Privacy Notice: Newsletters may contain info", "a newsletter prompt"),
    ("002_trade_recall.md", Removal::Furniture, "The biggest stories in pharma regulation,", "a newsletter prompt"),
    ("003_tv_local.txt", Removal::Furniture, "Copyright 2025 WTLN. All rights reserved.", "a copyright notice"),
    ("003_tv_local.txt", Removal::Furniture, "Get the top local headlines delivered", "a newsletter prompt"),
    ("003_tv_local.txt", Removal::Furniture, "We use cookies to personalize content", "a cookie banner"),
    ("003_tv_local.txt", Removal::Credit, "The Associated Press contributed to this report.", "a contributor credit"),
    (
        "04_ap_london.txt",
        Removal::Credit,
        "Associated Press writer Ciarán Giles in Madrid contributed",
        "a contributor credit",
    ),
    (
        "004_press_release.txt",
        Removal::Furniture,
        "This press release contains forward-looking statements",
        "the legal notice of a press release",
    ),
    (
        "004_press_release.txt",
        Removal::EndMatter,
        "Meridian Pharma, Inc. is a specialty",
        "the company description closing a press release",
    ),
    ("001_aw_wire.txt", Removal::Furniture, "Copyright 2026 Associated Wire. All rights", "a copyright notice"),
    ("002_courier.txt", Removal::Furniture, "If you find an error in", "a prompt to report errors"),
    (
        "003_europa24.md",
        Removal::Caption,
        "Rescue workers search the rubble of",
        "a photo caption ending in a picture credit",
    ),
    ("004_grn.txt", Removal::Furniture, "Your donation can provide a family", "a donation appeal"),
    (
        "03_india_rail_cert.txt",
        Removal::RepeatedTitle,
        "Spain rail cyberattack: Ransomware gang cripples",
        "the headline again as the first line",
    ),
    ("03_india_rail_cert.txt", Removal::Link, "Also Read: Heavy rain likely to", "a link to another story"),
    ("03_india_rail_cert.txt", Removal::Link, "Also Read: IRCTC to roll out", "a link to another story"),
    ("01_herald.html", Removal::Furniture, "We use cookies to improve", "a cookie banner in the page's navigation"),
    (
        "03_clipped.md",
        Removal::Furniture,
        "A crane at the container terminal",
        "a web clipper's quoted excerpt: the page's description over the article",
    ),
    ("03_clipped.md", Removal::Link, "[release]: https://", "a reference definition: a link's address"),
    ("01_herald.html", Removal::Furniture, "Please enable JavaScript to see", "a browser notice (`<noscript>`)"),
    (
        "01_herald.html",
        Removal::OutsideArticle,
        "Volunteers collected two tonnes of litter.",
        "another story's teaser, outside the story's `<article>`",
    ),
];

#[test]
fn no_prose_is_removed_without_a_listed_reason() {
    let mut unlisted = Vec::new();
    for (_, sources) in sets() {
        for source in &sources {
            let article: Article = parallax::ingest::parse(source).unwrap();
            for line in article.removed.iter().filter(|line| line.kind.is_furniture() && is_prose(&line.text)) {
                let file = Path::new(&source.path).file_name().unwrap().to_string_lossy().into_owned();
                let listed = PROSE_REMOVED.iter().any(|(name, kind, opening, _)| {
                    *name == file && *kind == line.kind && line.text.starts_with(opening)
                });
                if !listed {
                    unlisted.push(format!("{file}: {} {:?}", line.kind.as_str(), line.text));
                }
            }
        }
    }
    assert!(unlisted.is_empty(), "prose removed without a listed reason:\n{}", unlisted.join("\n"));
}
