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
//!
//! Nothing is dropped silently: the text of the furniture left out, and of
//! the blocks outside the `<article>` that holds the story, comes back as
//! [`Page::dropped`], each block with its kind and where it stood; scripts,
//! styles and templates, which are code and not text a reader sees, as one
//! entry counting them and their bytes.

use html5gum::{StartTag, State, Token, Tokenizer};

use super::meta::collapse;
use super::removed::{Removal, Removed};

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

/// The encoding a page declares in a `<meta charset>` or a `<meta
/// http-equiv="Content-Type" content="...; charset=...">` near its start,
/// as a browser's prescan finds it. A page cannot declare UTF-16 in its own
/// ASCII bytes: that is read as UTF-8, as browsers do.
pub fn declared_charset(bytes: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(8192)]).to_ascii_lowercase();
    for (at, _) in head.match_indices("<meta") {
        let tag = &head[at..];
        let tag = &tag[..tag.find('>').unwrap_or(tag.len())];
        let Some(value) = tag.find("charset").map(|i| tag[i + "charset".len()..].trim_start()) else { continue };
        let Some(value) = value.strip_prefix('=') else { continue };
        let label: String = value
            .trim_start()
            .trim_start_matches(['"', '\''])
            .chars()
            .take_while(|c| !matches!(c, '"' | '\'' | ';' | '/' | '>') && !c.is_whitespace())
            .collect();
        if let Some(encoding) = encoding_rs::Encoding::for_label(label.as_bytes()) {
            let utf16 = encoding == encoding_rs::UTF_16LE || encoding == encoding_rs::UTF_16BE;
            return Some(if utf16 { encoding_rs::UTF_8 } else { encoding.output_encoding() });
        }
    }
    None
}

/// Elements whose text is never article text. (`header` only outside an
/// article: an article's own header holds its title, byline and date.)
const SKIP: &[&str] = &[
    "script", "style", "noscript", "template", "svg", "nav", "header", "footer", "aside", "form", "button", "select",
    "figure", "iframe", "head", "menu", "dialog", "object", "textarea",
];

/// Skipped elements whose content a browser never shows as text: code.
const INVISIBLE: &[&str] = &["script", "style", "template", "iframe"];

/// Elements that separate the pieces of furniture (a form's label from its
/// button), besides the blocks.
const PIECES: &[&str] = &["br", "hr", "button", "label", "option", "legend", "input", "select", "textarea"];

/// Page furniture whose end tag pages often leave out: an `<article>`,
/// `<main>` or `<body>` starting ends it.
const STRUCTURAL: &[&str] = &["head", "nav", "header", "footer", "aside", "menu"];

/// Elements that start or end a block of text.
const BLOCKS: &[&str] = &[
    "p",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "blockquote",
    "pre",
    "dd",
    "dt",
    "td",
    "th",
    "tr",
    "div",
    "section",
    "main",
    "article",
    "ul",
    "ol",
    "dl",
    "table",
    "address",
    "details",
    "summary",
    "center",
    "hr",
    "body",
    "header",
];

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

/// A block of text and the `<article>` it came from (numbered in order).
struct Block {
    text: String,
    article: Option<usize>,
}

/// A saved web page read: front matter over paragraphs, and the text that
/// is not among them.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Page {
    pub text: String,
    /// The page's text left out (furniture, captions, other stories) and
    /// its code (one entry), each with `at` the index of the line of
    /// [`Page::text`] it stood before.
    pub dropped: Vec<Removed>,
}

/// Code a page holds (scripts, styles, templates, frames): counted, not
/// listed.
#[derive(Default)]
struct Code {
    scripts: usize,
    styles: usize,
    templates: usize,
    frames: usize,
    bytes: usize,
}

impl Code {
    fn count(&mut self, element: &str) {
        match element {
            "script" => self.scripts += 1,
            "style" => self.styles += 1,
            "template" => self.templates += 1,
            _ => self.frames += 1,
        }
    }

    /// `3 scripts, 1 style: 4210 bytes of code, not text`; `None` without any.
    fn summary(&self) -> Option<String> {
        let plural = |count: usize, one: &str| format!("{count} {one}{}", if count == 1 { "" } else { "s" });
        let kinds =
            [(self.scripts, "script"), (self.styles, "style"), (self.templates, "template"), (self.frames, "frame")];
        let parts: Vec<String> =
            kinds.into_iter().filter(|(count, _)| *count > 0).map(|(count, one)| plural(count, one)).collect();
        (!parts.is_empty()).then(|| format!("{}: {} of code, not text", parts.join(", "), plural(self.bytes, "byte")))
    }
}

/// `<p>Please turn on JavaScript</p>` as `Please turn on JavaScript`.
fn without_tags(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut in_tag = false;
    for c in text.chars() {
        match c {
            '<' => {
                in_tag = true;
                out.push(' ');
            }
            '>' if in_tag => in_tag = false,
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}

/// Why the text of a skipped element (the outermost one skipped) is not
/// article text.
fn dropped_kind(element: &str) -> Removal {
    match element {
        "figure" => Removal::Caption,
        "button" | "select" => Removal::Widget,
        _ => Removal::Furniture,
    }
}

fn name(tag: &[u8]) -> String {
    String::from_utf8_lossy(tag).to_ascii_lowercase()
}

/// The page as front matter and paragraphs.
pub fn to_text(html: &str) -> String {
    read(html).text
}

/// The page as front matter and paragraphs, with what was left out.
pub fn read(html: &str) -> Page {
    let mut walker = Walker::default();
    let mut tokens = Tokenizer::new(html);
    while let Some(token) = tokens.next() {
        let Ok(token) = token;
        match token {
            Token::StartTag(tag) => {
                // Raw text: the tokenizer needs telling, as a parser would.
                if !tag.self_closing {
                    if let Some(state) = content_state(&name(&tag.name)) {
                        tokens.set_state(state);
                    }
                }
                walker.start_tag(&tag);
            }
            Token::EndTag(tag) => walker.end_tag(&name(&tag.name)),
            Token::String(text) => walker.text(&String::from_utf8_lossy(&text.value)),
            _ => {}
        }
    }
    walker.finish()
}

/// How the tokenizer reads what follows an element's start tag, for the
/// elements whose content is not markup.
fn content_state(element: &str) -> Option<State> {
    match element {
        "script" => Some(State::ScriptData),
        "style" | "noscript" | "template" | "iframe" | "xmp" => Some(State::RawText),
        "title" | "textarea" => Some(State::RcData),
        _ => None,
    }
}

/// An attribute's value, whitespace collapsed; `None` when absent or empty.
fn attribute(tag: &StartTag<()>, key: &str) -> Option<String> {
    tag.attributes
        .get(key.as_bytes())
        .map(|value| collapse(&String::from_utf8_lossy(&value.value)))
        .filter(|value| !value.is_empty())
}

/// A walk over a page's tokens: the blocks of text outside page furniture,
/// and what the page declares about itself.
#[derive(Default)]
struct Walker {
    meta: Meta,
    blocks: Vec<Block>,
    /// Elements open whose text is skipped, innermost last.
    skipping: Vec<String>,
    /// `<article>` elements seen, to number them.
    articles: usize,
    /// The outermost `<article>` open, and how deep inside it the walk is.
    article: Option<usize>,
    article_depth: usize,
    /// The text of the block being read.
    current: String,
    in_title: bool,
    title_text: Option<String>,
    in_linked_data: bool,
    /// JSON-LD scripts, one string each.
    linked_data: Vec<String>,
    h1_open: bool,
    h1_text: String,
    /// The text of the skipped block being read, and why it is skipped
    /// (from the outermost element skipped).
    skipped: String,
    skipped_kind: Option<Removal>,
    /// Skipped blocks: the index of the block they stood before, why, the text.
    dropped: Vec<(usize, Removal, String)>,
    code: Code,
}

impl Walker {
    fn start_tag(&mut self, tag: &StartTag<()>) {
        let element = name(&tag.name);
        // Furniture left open ends where the content starts.
        if matches!(element.as_str(), "body" | "main" | "article")
            && self.skipping.iter().all(|open| STRUCTURAL.contains(&open.as_str()))
        {
            self.skipping.clear();
            self.flush_skipped();
        }
        self.declared(&element, tag);
        let breaks = BLOCKS.contains(&element.as_str()) || PIECES.contains(&element.as_str());
        if !self.skipping.is_empty() && breaks {
            self.flush_skipped();
        } else if (element == "br" || element == "hr") && self.skipping.is_empty() {
            self.current.push('\n');
        }
        if BLOCKS.contains(&element.as_str()) && self.skipping.is_empty() {
            self.flush();
        }
        if tag.self_closing {
            return;
        }
        if INVISIBLE.contains(&element.as_str()) {
            self.code.count(&element);
        }
        if SKIP.contains(&element.as_str()) && !(element == "header" && self.article.is_some()) {
            if self.skipping.is_empty() {
                self.skipped_kind = Some(dropped_kind(&element));
            }
            self.skipping.push(element);
            return;
        }
        if element == "article" {
            if self.article.is_none() {
                self.articles += 1;
                self.article = Some(self.articles);
            }
            self.article_depth += 1;
        }
        if element == "h1" && self.skipping.is_empty() {
            self.h1_open = true;
        }
    }

    /// What a start tag declares about the page: `<meta>`, a canonical
    /// `<link>`, `<time datetime>`, `<title>`, a JSON-LD `<script>`.
    fn declared(&mut self, element: &str, tag: &StartTag<()>) {
        let attr = |key: &str| attribute(tag, key);
        match element {
            "meta" => read_meta(
                &mut self.meta,
                attr("property").or_else(|| attr("name")).or_else(|| attr("itemprop")),
                attr("content"),
            ),
            "link" if attr("rel").is_some_and(|rel| rel.eq_ignore_ascii_case("canonical")) => {
                if let Some(href) = attr("href") {
                    self.meta.url.get_or_insert(href);
                }
            }
            "time" if self.skipping.is_empty() => {
                if let Some(datetime) = attr("datetime") {
                    self.meta.time.get_or_insert(datetime);
                }
            }
            "title" if !self.skipping.iter().any(|open| open == "svg") && self.title_text.is_none() => {
                self.in_title = true;
            }
            "script" => {
                self.in_linked_data = attr("type").is_some_and(|kind| kind.eq_ignore_ascii_case("application/ld+json"));
                if self.in_linked_data {
                    self.linked_data.push(String::new());
                }
            }
            _ => {}
        }
    }

    fn end_tag(&mut self, element: &str) {
        if element == "title" && self.in_title {
            self.in_title = false;
            self.title_text.get_or_insert_with(String::new);
        }
        if element == "script" {
            self.in_linked_data = false;
        }
        if let Some(at) = self.skipping.iter().rposition(|open| open == element) {
            self.skipping.truncate(at);
            if self.skipping.is_empty() {
                self.flush_skipped();
            }
            return;
        }
        if !self.skipping.is_empty() {
            if BLOCKS.contains(&element) || PIECES.contains(&element) {
                self.flush_skipped();
            }
            return;
        }
        if BLOCKS.contains(&element) {
            self.flush();
        }
        if element == "article" {
            self.article_depth = self.article_depth.saturating_sub(1);
            if self.article_depth == 0 {
                self.article = None;
            }
        }
        if element == "h1" && self.h1_open {
            self.h1_open = false;
            let heading = collapse(&self.h1_text);
            if !heading.is_empty() {
                self.meta.h1.get_or_insert(heading);
            }
            self.h1_text.clear();
        }
    }

    fn text(&mut self, text: &str) {
        if self.in_title {
            self.title_text.get_or_insert_with(String::new).push_str(text);
        } else if self.in_linked_data {
            self.code.bytes += text.len();
            if let Some(last) = self.linked_data.last_mut() {
                last.push_str(text);
            }
        } else if self.skipping.is_empty() {
            self.current.push_str(text);
            if self.h1_open {
                self.h1_text.push_str(text);
            }
        } else if self.skipping.iter().any(|open| INVISIBLE.contains(&open.as_str())) {
            self.code.bytes += text.len();
        } else if self.skipping.last().is_some_and(|open| open == "noscript") {
            // Read as raw text, as a browser running scripts does: its tags
            // are no words.
            self.skipped.push_str(&without_tags(text));
        } else {
            self.skipped.push_str(text);
        }
    }

    /// Ends the skipped block being read: its text is listed as dropped.
    fn flush_skipped(&mut self) {
        let text = collapse(&self.skipped);
        if !text.is_empty() {
            let kind = self.skipped_kind.unwrap_or(Removal::Furniture);
            self.dropped.push((self.blocks.len(), kind, text));
        }
        self.skipped.clear();
    }

    /// Ends the block being read.
    fn flush(&mut self) {
        let text = collapse(&self.current);
        if !text.is_empty() {
            self.blocks.push(Block { text, article: self.article });
        }
        self.current.clear();
    }

    fn finish(mut self) -> Page {
        self.flush();
        self.flush_skipped();
        if let Some(title) = self.title_text.map(|t| collapse(&t)).filter(|t| !t.is_empty()) {
            self.meta.title = Some(title);
        }
        for json in &self.linked_data {
            linked_data(&mut self.meta, json);
        }
        let mut dropped = self.dropped;
        if let Some(title) = unused_title(&self.meta) {
            dropped.insert(0, (0, Removal::Metadata, title));
        }
        if let Some(code) = self.code.summary() {
            dropped.insert(0, (0, Removal::Code, code));
        }
        render(self.meta, self.blocks, dropped)
    }
}

/// The page's `<title>` when the title was taken from elsewhere (`og:title`,
/// the headline) and the `<title>` says more than that title with the
/// site's name before or after it ("Dam fails after record rain | Coast
/// Herald" over "Dam gives way after record rain"): other words for the
/// story, which a reader is told were left out.
fn unused_title(meta: &Meta) -> Option<String> {
    let page_title = meta.title.as_deref()?;
    let chosen = meta.og_title.as_deref().or(meta.h1.as_deref())?;
    let (page, chosen) = (page_title.to_lowercase(), collapse(chosen).to_lowercase());
    let rest = page.strip_prefix(chosen.as_str()).or_else(|| page.strip_suffix(chosen.as_str()));
    let Some(rest) = rest else { return Some(page_title.to_string()) };
    let rest = rest.trim_matches(|c: char| c.is_whitespace() || TITLE_SEPARATORS.contains(&c));
    let site = meta.site.as_deref().map(|site| collapse(site).to_lowercase());
    let names_the_site = match site {
        Some(site) => rest == site,
        // No site declared: a few words that are no sentence name it.
        None => crate::text::words::count(rest) <= SITE_NAME_WORDS && !rest.contains(['.', ',', ':']),
    };
    (!rest.is_empty() && !names_the_site).then(|| page_title.to_string())
}

/// What pages put between a title and their site's name.
const TITLE_SEPARATORS: &[char] = &['|', '-', '–', '—', ':', '·', '•', '»', '«', '/', '~'];

/// The most words a site's name takes in a `<title>` when the page does
/// not declare the name.
const SITE_NAME_WORDS: usize = 4;

fn read_meta(meta: &mut Meta, key: Option<String>, content: Option<String>) {
    let (Some(key), Some(content)) = (key, content) else { return };
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
        "author" | "article:author" | "parsely-author" | "sailthru.author" if !content.starts_with("http") => {
            meta.author.get_or_insert(content);
        }
        _ => {}
    }
}

/// JSON-LD (`<script type="application/ld+json">`): the article object's
/// `datePublished`, `author` and `headline`, wherever it sits (alone, in a
/// list, in an `@graph`).
fn linked_data(meta: &mut Meta, json: &str) {
    let Ok(v) = serde_json::from_str::<serde_json::Value>(json) else { return };
    let mut stack = vec![&v];
    let mut seen = 0;
    while let Some(v) = stack.pop() {
        seen += 1;
        if seen > 10_000 {
            return;
        }
        match v {
            serde_json::Value::Array(items) => stack.extend(items.iter().rev()),
            serde_json::Value::Object(o) => {
                if let Some(g) = o.get("@graph") {
                    stack.push(g);
                }
                let kind = o.get("@type").map(|t| t.to_string().to_ascii_lowercase()).unwrap_or_default();
                if !kind.contains("article") && !kind.contains("posting") && !kind.contains("report") {
                    continue;
                }
                if let Some(d) = o.get("datePublished").and_then(|d| d.as_str()) {
                    meta.published.get_or_insert(d.to_string());
                }
                if let Some(h) = o.get("headline").and_then(|h| h.as_str()).map(collapse).filter(|h| !h.is_empty()) {
                    meta.og_title.get_or_insert(h);
                }
                if meta.author.is_none() {
                    meta.author = authors(o.get("author")).filter(|a| !a.is_empty());
                }
            }
            _ => {}
        }
    }
}

/// `"Jane Roe"`, `{"name": "Jane Roe"}` or a list of those; references
/// (`{"@id": ...}`) and URLs name nobody.
fn authors(v: Option<&serde_json::Value>) -> Option<String> {
    let name = |v: &serde_json::Value| -> Option<String> {
        let n = v.as_str().or_else(|| v.get("name").and_then(|n| n.as_str()))?;
        let n = collapse(n);
        (!n.is_empty() && !n.starts_with("http")).then_some(n)
    };
    match v? {
        serde_json::Value::Array(items) => {
            let names: Vec<String> = items.iter().filter_map(name).collect();
            (!names.is_empty()).then(|| names.join(", "))
        }
        other => name(other),
    }
}

/// The `<article>` that holds the story: one holding at least half the
/// page's text. Teaser cards (many small articles) or a story outside them
/// leave none, and the whole page is read.
fn main_article(blocks: &[Block]) -> Option<usize> {
    let total: usize = blocks.iter().map(|b| b.text.len()).sum();
    let mut by_article: Vec<(usize, usize)> = Vec::new();
    for b in blocks {
        if let Some(a) = b.article {
            match by_article.iter_mut().find(|(x, _)| *x == a) {
                Some((_, n)) => *n += b.text.len(),
                None => by_article.push((a, b.text.len())),
            }
        }
    }
    by_article.iter().max_by_key(|(_, n)| *n).filter(|(_, n)| *n * 2 >= total).map(|(a, _)| *a)
}

fn render(meta: Meta, blocks: Vec<Block>, dropped: Vec<(usize, Removal, String)>) -> Page {
    let mut out = front_matter(meta);
    let main = main_article(&blocks);
    // Each block kept is a blank line and a line of text; what was left out
    // stands before the next block kept's line. Keyed in page order: what
    // was skipped before block `k` at 2k, block `k` itself at 2k + 1.
    let mut lines = out.matches('\n').count();
    let mut line_of_block = Vec::with_capacity(blocks.len() + 1);
    let mut listed: Vec<(usize, Removed)> = Vec::new();
    for (index, block) in blocks.into_iter().enumerate() {
        line_of_block.push(lines + 1);
        if main.is_some() && block.article != main {
            listed.push((2 * index + 1, Removed { kind: Removal::OutsideArticle, text: block.text, at: lines + 1 }));
            continue;
        }
        out.push('\n');
        out.push_str(&block.text);
        out.push('\n');
        lines += 2;
    }
    line_of_block.push(lines + 1);
    for (block, kind, text) in dropped {
        let block = block.min(line_of_block.len() - 1);
        // The code, counted over the whole page, is listed first.
        let order = if kind == Removal::Code { 0 } else { 2 * block };
        listed.push((order, Removed { kind, text, at: line_of_block[block] }));
    }
    listed.sort_by_key(|(order, _)| *order);
    Page { text: out, dropped: listed.into_iter().map(|(_, removed)| removed).collect() }
}

/// What the page declares, as front matter (empty when it declares nothing).
fn front_matter(meta: Meta) -> String {
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
            // Quoted, so that no value reads as YAML syntax.
            out.push_str(&format!("{key}: \"{}\"\n", v.replace('\\', "\\\\").replace('"', "\\\"")));
        }
    }
    if !out.is_empty() {
        out = format!("---\n{out}---\n");
    }
    out
}

#[cfg(test)]
mod tests {

    #[test]
    fn finds_the_declared_charset() {
        let name = |html: &str| declared_charset(html.as_bytes()).map(encoding_rs::Encoding::name);
        assert_eq!(name("<html><head><meta charset=windows-1251>"), Some("windows-1251"));
        assert_eq!(name("<META CHARSET=\"Shift_JIS\"/>"), Some("Shift_JIS"));
        assert_eq!(
            name("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-2\">"),
            Some("ISO-8859-2")
        );
        assert_eq!(name("<meta charset=\"utf-16\">"), Some("UTF-8"));
        assert_eq!(name("<meta name=\"x\" content=\"charset\"><p>charset=koi8-r</p>"), None);
        assert_eq!(name("<p>no meta</p>"), None);
    }
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
        assert!(text.starts_with("---\ntitle: \"Dam gives way after record rain\"\npublished: \"2025-10-21T08:00:00Z\"\nsite_name: \"Coast Herald\"\nsource: \"https://www.coastherald.example/news/dam\"\nauthor: \"Jane Roe\"\n---\n"), "{text}");
        assert!(
            text.contains("\nThe earthen dam gave way on Sunday after more than 120 millimetres of rain fell.\n"),
            "{text}"
        );
        assert!(text.contains("\nHundreds were evacuated & roads closed.\n"), "{text}");
        for junk in ["not text", "color", "Home", "Subscribe", "FILE -", "Read more", "©"] {
            assert!(!text.contains(junk), "{junk} in {text}");
        }
    }

    /// What was left out of a page: (kind, text, the line of the text it stood before).
    fn dropped(html: &str) -> Vec<(Removal, String, String)> {
        let page = read(html);
        let lines: Vec<&str> = page.text.split('\n').collect();
        let line_at = |at: usize| lines.get(at).map_or(String::new(), |line| line.to_string());
        page.dropped.into_iter().map(|removed| (removed.kind, removed.text, line_at(removed.at))).collect()
    }

    #[test]
    fn what_a_page_leaves_out_is_listed_with_why_and_where() {
        let left_out = dropped(PAGE);
        let shape: Vec<(Removal, &str)> = left_out.iter().map(|(kind, text, _)| (*kind, text.as_str())).collect();
        assert_eq!(
            shape,
            [
                (Removal::Code, "1 script, 1 style: 63 bytes of code, not text"),
                (Removal::Metadata, "Dam fails after record rain | Coast Herald"),
                (Removal::Furniture, "Home World"),
                (Removal::Furniture, "Subscribe today"),
                (Removal::Caption, "FILE - The dam in 2019."),
                (Removal::Furniture, "Read more: other stories"),
                (Removal::Furniture, "© Coast Herald"),
            ]
        );
        // Each where it stood: the caption before the paragraph after the figure.
        assert_eq!(left_out[4].2, "Hundreds were evacuated & roads closed.");
        assert_eq!(left_out[6].2, "", "the footer after the last paragraph");
        // Blocks within furniture are listed one by one; an inline button is
        // listed before the paragraph it stood in, which stays whole.
        let left_out = dropped(
            "<body><nav><ul><li>Home</li><li>World</li></ul></nav><p>The dam <button>Share</button>held.</p></body>",
        );
        let shape: Vec<(Removal, &str, &str)> =
            left_out.iter().map(|(kind, text, line)| (*kind, text.as_str(), line.as_str())).collect();
        assert_eq!(
            shape,
            [
                (Removal::Furniture, "Home", "The dam held."),
                (Removal::Furniture, "World", "The dam held."),
                (Removal::Widget, "Share", "The dam held.")
            ]
        );
        // Blocks outside the article that holds the story, in page order.
        let story = "<p>The dam gave way on Sunday after days of heavy rain across the valley.</p>";
        let left_out = dropped(&format!(
            "<body><div>Most read</div><article>{story}</article><article><p>Other story</p></article></body>"
        ));
        let shape: Vec<(Removal, &str)> = left_out.iter().map(|(kind, text, _)| (*kind, text.as_str())).collect();
        assert_eq!(shape, [(Removal::OutsideArticle, "Most read"), (Removal::OutsideArticle, "Other story")]);
        // No furniture, nothing listed.
        assert!(read("<p>Only text.</p>").dropped.is_empty());
    }

    #[test]
    fn pages_as_they_are_written() {
        // No </head>, an unclosed <nav>: the body is still read.
        let t = to_text(
            "<html><head><title>Storm</title><body><nav><a>Home</a><article><p>The storm hit on Monday.</p></article>",
        );
        assert!(t.contains("\nThe storm hit on Monday.\n"), "{t}");
        // <br/> and <hr> and <section> separate text.
        let t = to_text("<html><body><p>One line.<br/>Next line.</p><section>A section.</section><hr>After.</body>");
        assert!(t.contains("One line.\nNext line.") || t.contains("One line. Next line."), "{t}");
        assert!(t.contains("\nA section.\n") && t.contains("\nAfter.\n"), "{t}");
        // Teaser cards in <article>s do not replace a story outside them.
        let story = "<p>The dam gave way on Sunday after days of heavy rain across the valley.</p><p>Hundreds of residents were moved to shelters.</p>";
        let t = to_text(&format!(
            "<html><body><main>{story}</main><article><p>Other story</p></article><article><p>Another</p></article></body>"
        ));
        assert!(t.contains("The dam gave way") && t.contains("shelters"), "{t}");
        // An article's own header holds its title and date; an SVG's title is no page title.
        let t = to_text(
            r#"<html><head><title>Storm - Herald</title></head><body><svg><title>Herald logo</title></svg><article><header><h1>Storm hits the coast</h1><time datetime="2025-01-02">Jan 2</time></header><p>The storm hit on Monday.</p></article></body></html>"#,
        );
        assert!(t.contains("title: \"Storm hits the coast\"") && t.contains("published: \"2025-01-02\""), "{t}");
        assert!(!t.contains("logo"), "{t}");
    }

    #[test]
    fn linked_data_names_the_author_not_the_publisher() {
        let ld = |json: &str| {
            to_text(&format!(
                "<html><head><script type=\"application/ld+json\">{json}</script></head><body><p>Text here.</p></body></html>"
            ))
        };
        let t = ld(
            r##"{"@context":"https://schema.org","@graph":[{"@type":"NewsArticle","datePublished":"2025-01-02","author":[{"@id":"#jane"}],"publisher":{"name":"Coast Herald"}}]}"##,
        );
        assert!(t.contains("published: \"2025-01-02\"") && !t.contains("author:"), "{t}");
        let t = ld(
            r#"[{"@type":"WebPage"},{"@type":["NewsArticle"],"author":[{"@type":"Person","name":"Jane Roe"},"John Doe"],"headline":"Dam fails"}]"#,
        );
        assert!(t.contains("author: \"Jane Roe, John Doe\"") && t.contains("title: \"Dam fails\""), "{t}");
        // A name with accents at any length is fine; broken JSON is ignored.
        let t = ld(&format!(r#"{{"@type":"NewsArticle","author":{{"name":"{}é"}}}}"#, "x".repeat(399)));
        assert!(t.contains("é\""), "{t}");
        assert!(ld("{not json").contains("Text here."));
    }

    #[test]
    fn a_page_title_not_used_is_listed_unless_it_only_adds_the_site() {
        let titles = |head: &str| -> Vec<String> {
            let page =
                format!("<html><head>{head}</head><body><p>The storm hit the coast on Monday.</p></body></html>");
            dropped(&page)
                .into_iter()
                .filter(|(kind, ..)| *kind == Removal::Metadata)
                .map(|(_, text, _)| text)
                .collect()
        };
        let og = r#"<meta property="og:title" content="Storm hits the coast">"#;
        let site = r#"<meta property="og:site_name" content="Coast Herald">"#;
        // Other words for the story: listed.
        assert_eq!(
            titles(&format!("<title>Storm batters coast, cuts power</title>{og}")),
            ["Storm batters coast, cuts power"]
        );
        assert_eq!(
            titles(&format!("<title>Storm batters coast - Coast Herald</title>{og}{site}")),
            ["Storm batters coast - Coast Herald"]
        );
        // The same title, with the site's name before or after it: not.
        assert!(titles(&format!("<title>Storm hits the coast | Coast Herald</title>{og}{site}")).is_empty());
        assert!(titles(&format!("<title>Coast Herald » Storm  hits the coast</title>{og}{site}")).is_empty());
        assert!(titles(&format!("<title>Storm hits the coast — The Herald</title>{og}")).is_empty());
        assert!(titles(&format!("<title>STORM HITS THE COAST</title>{og}")).is_empty());
        // More than a site's name after the title: listed.
        assert_eq!(
            titles(&format!("<title>Storm hits the coast: thousands without power, roads closed</title>{og}")),
            ["Storm hits the coast: thousands without power, roads closed"]
        );
        // The title read from the <title> itself, or from the headline.
        assert!(titles("<title>Storm hits the coast</title>").is_empty());
        let h1 = "<title>Weather live | Herald</title></head><body><article><h1>Storm hits the coast</h1>";
        assert_eq!(titles(h1), ["Weather live | Herald"]);
    }

    #[test]
    fn json_ld_dates_and_plain_pages() {
        let page = r#"<html><head><title>Storm hits coast</title>
<script type="application/ld+json">{"@type":"NewsArticle","datePublished": "2025-01-02T10:00:00+01:00","author":{"@type":"Person","name":"John Doe"}}</script>
</head><body><div><p>The storm hit the coast on Monday.</p><p>Power was cut.</p></div></body></html>"#;
        let text = to_text(page);
        assert!(text.contains("title: \"Storm hits coast\"\n"), "{text}");
        assert!(text.contains("published: \"2025-01-02T10:00:00+01:00\"\n"), "{text}");
        assert!(text.contains("author: \"John Doe\"\n"), "{text}");
        assert!(text.contains("\nThe storm hit the coast on Monday.\n\nPower was cut.\n"), "{text}");
        // Nothing to read is an empty page, not a failure.
        assert_eq!(to_text(""), "");
        assert_eq!(to_text("<html></p></div>"), "");
    }
}
