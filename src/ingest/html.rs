//! Saved web pages (`.html`, `.htm`, or text that is plainly HTML): the
//! article's paragraphs and the metadata the page declares, written out as
//! front matter over plain paragraphs, the shape the rest of ingest reads.
//!
//! Tokenised with `html5gum` (a WHATWG tokenizer). What a page declares
//! comes from its `<meta>` tags (`og:title`, `article:published_time`,
//! `og:site_name`, `author`), JSON-LD (`datePublished`), `<time datetime>`
//! and `<title>`; the text from paragraphs, headings, list items and
//! quotes, inside `<article>` when the page has one, never from scripts,
//! navigation, headers, footers, asides, forms or figures.

use html5gum::{State, Token, Tokenizer};

/// Whether a file is a web page: by its name, or by how it starts.
pub fn is_html(path: &str, text: &str) -> bool {
    let lower = path.to_ascii_lowercase();
    if lower.ends_with(".html") || lower.ends_with(".htm") || lower.ends_with(".xhtml") {
        return true;
    }
    let head: String = text.trim_start_matches('\u{feff}').trim_start().chars().take(200).collect();
    let head = head.to_ascii_lowercase();
    head.starts_with("<!doctype html")
        || head.starts_with("<html")
        || head.starts_with("<?xml") && head.contains("<html")
}

/// Elements whose text is never article text.
const SKIP: &[&str] = &[
    "script", "style", "noscript", "template", "svg", "nav", "header", "footer", "aside", "form", "button", "select",
    "figure", "iframe", "head", "menu", "dialog", "object",
];

/// Elements that hold one block of text each.
const BLOCKS: &[&str] = &["p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "dd", "dt", "td", "div"];

#[derive(Default)]
struct Meta {
    og_title: Option<String>,
    title: Option<String>,
    h1: Option<String>,
    published: Option<String>,
    time: Option<String>,
    site: Option<String>,
    url: Option<String>,
    author: Option<String>,
}

/// A block of text and whether it came from inside `<article>`.
struct Block {
    text: String,
    in_article: bool,
}

fn name(tag: &[u8]) -> String {
    String::from_utf8_lossy(tag).to_ascii_lowercase()
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The page as front matter and paragraphs.
pub fn to_text(html: &str) -> String {
    let mut meta = Meta::default();
    let mut blocks: Vec<Block> = Vec::new();
    let mut skip_depth = 0usize;
    let mut skipping: Vec<String> = Vec::new();
    let mut article_depth = 0usize;
    let mut current = String::new();
    let mut in_title = false;
    let mut title_text = String::new();
    let mut in_ld_json = false;
    let mut ld_json = String::new();
    let mut h1_open = false;
    let mut h1_text = String::new();
    let flush = |current: &mut String, blocks: &mut Vec<Block>, in_article: bool| {
        let t = collapse(current);
        if !t.is_empty() {
            blocks.push(Block { text: t, in_article });
        }
        current.clear();
    };
    let mut tokens = Tokenizer::new(html);
    while let Some(token) = tokens.next() {
        let Ok(token) = token;
        match token {
            Token::StartTag(tag) => {
                let n = name(&tag.name);
                let attr = |k: &str| {
                    tag.attributes
                        .get(k.as_bytes())
                        .map(|v| collapse(&String::from_utf8_lossy(&v.value)))
                        .filter(|v| !v.is_empty())
                };
                // Raw text: the tokenizer needs telling, as a parser would.
                match n.as_str() {
                    "script" | "style" | "noscript" | "template" | "iframe" | "xmp" => {
                        tokens.set_state(if n == "script" { State::ScriptData } else { State::RawText })
                    }
                    "title" | "textarea" => tokens.set_state(State::RcData),
                    _ => {}
                }
                match n.as_str() {
                    "meta" => {
                        let key = attr("property").or_else(|| attr("name")).or_else(|| attr("itemprop"));
                        let content = attr("content");
                        if let (Some(key), Some(content)) = (key, content) {
                            match key.to_ascii_lowercase().as_str() {
                                "og:title" | "twitter:title" => {
                                    meta.og_title.get_or_insert(content);
                                }
                                "article:published_time"
                                | "datepublished"
                                | "date"
                                | "pubdate"
                                | "publishdate"
                                | "dc.date"
                                | "dc.date.issued"
                                | "parsely-pub-date"
                                | "sailthru.date"
                                | "og:published_time" => {
                                    meta.published.get_or_insert(content);
                                }
                                "og:site_name" | "application-name" | "publisher" => {
                                    meta.site.get_or_insert(content);
                                }
                                "og:url" => {
                                    meta.url.get_or_insert(content);
                                }
                                "author" | "article:author" | "parsely-author" | "sailthru.author"
                                    if !content.starts_with("http") =>
                                {
                                    meta.author.get_or_insert(content);
                                }
                                _ => {}
                            }
                        }
                    }
                    "link" if attr("rel").is_some_and(|r| r.eq_ignore_ascii_case("canonical")) => {
                        if let Some(h) = attr("href") {
                            meta.url.get_or_insert(h);
                        }
                    }
                    "time" if skip_depth == 0 => {
                        if let Some(d) = attr("datetime") {
                            meta.time.get_or_insert(d);
                        }
                    }
                    "title" => in_title = true,
                    "script" => {
                        in_ld_json = attr("type").is_some_and(|t| t.eq_ignore_ascii_case("application/ld+json"));
                    }
                    _ => {}
                }
                if tag.self_closing {
                    continue;
                }
                if n == "br" && skip_depth == 0 {
                    current.push('\n');
                }
                if SKIP.contains(&n.as_str()) {
                    skip_depth += 1;
                    skipping.push(n);
                    continue;
                }
                if n == "article" {
                    article_depth += 1;
                }
                if BLOCKS.contains(&n.as_str()) && skip_depth == 0 {
                    flush(&mut current, &mut blocks, article_depth > 0);
                }
                if n == "h1" {
                    h1_open = true;
                }
            }
            Token::EndTag(tag) => {
                let n = name(&tag.name);
                if n == "title" {
                    in_title = false;
                }
                if n == "script" {
                    in_ld_json = false;
                }
                if skipping.last() == Some(&n) {
                    skipping.pop();
                    skip_depth -= 1;
                    continue;
                }
                if skip_depth > 0 {
                    continue;
                }
                if BLOCKS.contains(&n.as_str()) || n == "article" || n == "body" {
                    flush(&mut current, &mut blocks, article_depth > 0);
                }
                if n == "article" {
                    article_depth = article_depth.saturating_sub(1);
                }
                if n == "h1" && h1_open {
                    h1_open = false;
                    let t = collapse(&h1_text);
                    if !t.is_empty() {
                        meta.h1.get_or_insert(t);
                    }
                    h1_text.clear();
                }
            }
            Token::String(s) => {
                let s = String::from_utf8_lossy(&s.value);
                if in_title {
                    title_text.push_str(&s);
                } else if in_ld_json {
                    ld_json.push_str(&s);
                } else if skip_depth == 0 {
                    current.push_str(&s);
                    if h1_open {
                        h1_text.push_str(&s);
                    }
                }
            }
            _ => {}
        }
    }
    flush(&mut current, &mut blocks, article_depth > 0);
    let t = collapse(&title_text);
    if !t.is_empty() {
        meta.title = Some(t);
    }
    if meta.published.is_none() {
        meta.published = json_field(&ld_json, "datePublished");
    }
    if meta.author.is_none() {
        meta.author = json_author(&ld_json);
    }
    render(meta, blocks)
}

/// `"datePublished": "2025-10-21T08:00:00Z"` in a page's JSON-LD.
fn json_field(json: &str, key: &str) -> Option<String> {
    let at = json.find(&format!("\"{key}\""))?;
    let rest = json[at + key.len() + 2..].trim_start().strip_prefix(':')?.trim_start().strip_prefix('"')?;
    let end = rest.find('"')?;
    Some(rest[..end].to_string()).filter(|v| !v.is_empty())
}

/// The first author's name in JSON-LD: `"author": {"@type": "Person", "name": "Jane Roe"}`.
fn json_author(json: &str) -> Option<String> {
    let at = json.find("\"author\"")?;
    let rest = &json[at..];
    let rest = &rest[..rest.len().min(400)];
    json_field(rest, "name").or_else(|| json_field(json, "author")).filter(|a| !a.starts_with("http"))
}

fn render(meta: Meta, blocks: Vec<Block>) -> String {
    // Inside <article> when the page marks one out with text in it.
    let in_article = blocks.iter().filter(|b| b.in_article).count() >= 2;
    let blocks: Vec<&Block> = blocks.iter().filter(|b| !in_article || b.in_article).collect();
    let title = meta.og_title.or(meta.h1).or(meta.title);
    let one_line = |s: &str| collapse(s).replace("---", "—");
    let mut out = String::new();
    for (key, value) in [
        ("title", title),
        ("published", meta.published.or(meta.time)),
        ("site_name", meta.site),
        ("source", meta.url),
        ("author", meta.author),
    ] {
        if let Some(v) = value.map(|v| one_line(&v)).filter(|v| !v.is_empty()) {
            out.push_str(&format!("{key}: {v}\n"));
        }
    }
    if !out.is_empty() {
        out = format!("---\n{out}---\n");
    }
    for b in blocks {
        out.push('\n');
        out.push_str(&b.text);
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#"<!DOCTYPE html>
<html><head>
<title>Dam fails after record rain | Coast Herald</title>
<meta property="og:title" content="Dam gives way after record rain">
<meta property="og:site_name" content="Coast Herald">
<meta property="article:published_time" content="2025-10-21T08:00:00Z">
<meta name="author" content="Jane Roe">
<link rel="canonical" href="https://www.coastherald.example/news/dam">
<script>if (a<b) { document.write("<p>not text</p>"); }</script>
<style>p { color: red }</style>
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<header><p>Subscribe today</p></header>
<article>
<h1>Dam gives way after record rain</h1>
<p>The earthen dam gave way on <b>Sunday</b> after more than 120&nbsp;millimetres of rain fell.</p>
<figure><img src="x.jpg"><figcaption>FILE - The dam in 2019.</figcaption></figure>
<p>Hundreds were evacuated &amp; roads closed.</p>
<aside><p>Read more: other stories</p></aside>
</article>
<footer><p>© Coast Herald</p></footer>
</body></html>"#;

    #[test]
    fn a_page_becomes_front_matter_and_paragraphs() {
        assert!(is_html("dam.html", ""));
        assert!(is_html("dam.txt", "  <!doctype html><html>"));
        assert!(!is_html("dam.txt", "Dam fails\n\nThe dam <b>gave</b> way."));
        let text = to_text(PAGE);
        assert!(text.starts_with("---\ntitle: Dam gives way after record rain\npublished: 2025-10-21T08:00:00Z\nsite_name: Coast Herald\nsource: https://www.coastherald.example/news/dam\nauthor: Jane Roe\n---\n"), "{text}");
        assert!(
            text.contains("\nThe earthen dam gave way on Sunday after more than 120 millimetres of rain fell.\n"),
            "{text}"
        );
        assert!(text.contains("\nHundreds were evacuated & roads closed.\n"), "{text}");
        for junk in ["not text", "color", "Home", "Subscribe", "FILE -", "Read more", "©"] {
            assert!(!text.contains(junk), "{junk} in {text}");
        }
    }

    #[test]
    fn json_ld_dates_and_plain_pages() {
        let page = r#"<html><head><title>Storm hits coast</title>
<script type="application/ld+json">{"@type":"NewsArticle","datePublished": "2025-01-02T10:00:00+01:00","author":{"@type":"Person","name":"John Doe"}}</script>
</head><body><div><p>The storm hit the coast on Monday.</p><p>Power was cut.</p></div></body></html>"#;
        let text = to_text(page);
        assert!(text.contains("title: Storm hits coast\n"), "{text}");
        assert!(text.contains("published: 2025-01-02T10:00:00+01:00\n"), "{text}");
        assert!(text.contains("author: John Doe\n"), "{text}");
        assert!(text.contains("\nThe storm hit the coast on Monday.\n\nPower was cut.\n"), "{text}");
        // Nothing to read is an empty page, not a failure.
        assert_eq!(to_text(""), "");
        assert_eq!(to_text("<html></p></div>"), "");
    }
}
