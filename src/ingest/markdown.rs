//! Markdown as a reader sees it: links as their text, no emphasis markers,
//! no HTML tags, no quote markers. Lines stay lines (headings keep their
//! `#`, front matter is left alone) so the header rules in [`super::meta`]
//! read the file as before.
//!
//! Nothing is dropped silently: what a reader of the rendered file would
//! see but the text leaves out comes back as [`Page::dropped`], each piece
//! with its kind and the line it stood on: a web clipper's quoted excerpt
//! (the page's description over the article), code blocks, images' alt
//! text, and reference definitions (a link's address, listed although a
//! reader sees only the link's text). HTML tags and comments are markup,
//! not text, and go without a word, as in a web page.

use super::html::Page;
use super::removed::{Removal, Removed};

/// The text of a Markdown file with its inline syntax resolved.
pub fn to_text(md: &str) -> String {
    read(md).text
}

/// The text of a Markdown file with its inline syntax resolved, and what
/// was left out of it (`at` the index of the line it stood on).
pub fn read(md: &str) -> Page {
    // Front matter is read as fields, later; a `---` rule over text is text.
    let (head, rest) = match super::meta::front_matter(md) {
        Some((_, rest)) => md.split_at(md.len() - rest.len()),
        None => ("", md),
    };
    let mut reader = Reader { text: String::with_capacity(md.len()), ..Reader::default() };
    reader.text.push_str(head);
    let first_line = head.matches('\n').count();
    for (index, line) in rest.split('\n').enumerate() {
        reader.line(first_line + index, line);
    }
    reader.text.pop();
    Page { text: reader.text, dropped: reader.dropped }
}

/// One pass over a Markdown file's lines.
#[derive(Default)]
struct Reader {
    text: String,
    dropped: Vec<Removed>,
    /// Inside a fenced code block.
    fenced: bool,
    /// Inside a web clipper's quoted `## Excerpt`: the page's description,
    /// which repeats the article, over the article itself.
    in_excerpt: bool,
}

impl Reader {
    /// Reads line `at` of the file: its text, or a blank line and what it
    /// held listed as left out.
    fn line(&mut self, at: usize, line: &str) {
        let trimmed = line.trim_start();
        if trimmed.starts_with('>') {
            let heading = strip_quote_markers(line).trim_start_matches('#').trim().to_ascii_lowercase();
            if heading == "excerpt" || heading == "description" {
                self.in_excerpt = true;
            }
            if self.in_excerpt {
                return self.leave_out(at, Removal::Furniture, &inline(strip_quote_markers(line), 0).text);
            }
        } else {
            self.in_excerpt = false;
        }
        if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            self.fenced = !self.fenced;
            return self.leave_out(at, Removal::CodeBlock, "");
        }
        if self.fenced {
            return self.leave_out(at, Removal::CodeBlock, line.trim());
        }
        if is_reference_definition(trimmed) {
            return self.leave_out(at, Removal::Link, trimmed);
        }
        let resolved = inline(strip_quote_markers(line), 0);
        for alt in resolved.alt_texts.into_iter().filter(|alt| !alt.trim().is_empty()) {
            self.dropped.push(Removed { kind: Removal::Caption, text: alt.trim().to_string(), at });
        }
        self.text.push_str(&resolved.text);
        self.text.push('\n');
    }

    /// A blank line where line `at` stood, and its text (if any) listed.
    fn leave_out(&mut self, at: usize, kind: Removal, text: &str) {
        if !text.trim().is_empty() {
            self.dropped.push(Removed { kind, text: text.trim().to_string(), at });
        }
        self.text.push('\n');
    }
}

/// `> text`, `>> text`: the text.
fn strip_quote_markers(line: &str) -> &str {
    let mut l = line.trim_start();
    while let Some(rest) = l.strip_prefix('>') {
        l = rest.trim_start();
    }
    if std::ptr::eq(l, line.trim_start()) { line } else { l }
}

/// `[1]: https://example.com/a "Title"`.
fn is_reference_definition(line: &str) -> bool {
    let Some((label, rest)) = line.strip_prefix('[').and_then(|r| r.split_once("]:")) else { return false };
    let url = rest.split_whitespace().next().unwrap_or("");
    !label.is_empty() && !label.contains(['[', ']']) && (url.contains("://") || url.starts_with(['/', '<', '#']))
}

/// How far an emphasis span may reach: far beyond real ones, and it keeps
/// hostile lines (a megabyte of `*`) linear. Brackets are matched once per
/// line, so links have no such limit.
const EMPHASIS_MAX: usize = 300;

/// A line with its inline syntax resolved: its text, and the alt text of
/// the images it held (left out of the text).
#[derive(Debug, Default, PartialEq)]
struct Inline {
    text: String,
    alt_texts: Vec<String>,
}

/// Links, images, emphasis, code spans and HTML tags of one line resolved
/// (links inside link text only `depth` deep).
fn inline(line: &str, depth: usize) -> Inline {
    if !line.contains(['[', '*', '_', '`', '\\', '!', '<']) {
        return Inline { text: line.to_string(), alt_texts: Vec::new() };
    }
    let chars: Vec<char> = line.chars().collect();
    // Each `[` and `(` with its closing partner, found once for the line.
    let pairs = Pairs { square: partners(&chars, '[', ']'), round: partners(&chars, '(', ')') };
    let mut out = String::with_capacity(line.len());
    let mut alt_texts = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        // `![alt](src)`: an image, not text; its alt text is listed.
        if c == '!' && chars.get(i + 1) == Some(&'[') {
            if let Some((alt, end)) = link_at(&chars, i + 1, &pairs) {
                alt_texts.push(inline(&alt, depth + 1).text);
                i = end;
                continue;
            }
        }
        // `[text](url)`, `[text][ref]`: the text.
        if c == '[' {
            if let Some((text, end)) = link_at(&chars, i, &pairs) {
                if depth < 2 {
                    let inner = inline(&text, depth + 1);
                    out.push_str(&inner.text);
                    alt_texts.extend(inner.alt_texts);
                } else {
                    out.push_str(&text);
                }
                i = end;
                continue;
            }
        }
        // `<b>`, `</span>`, `<br/>`, `<!-- note -->`: markup, not text.
        if c == '<' {
            if let Some(end) = tag_end(&chars, i) {
                i = end;
                continue;
            }
        }
        if c == '`' {
            if let Some(close) = chars[i + 1..].iter().take(EMPHASIS_MAX).position(|&x| x == '`') {
                out.extend(&chars[i + 1..i + 1 + close]);
                i += close + 2;
                continue;
            }
        }
        if c == '*' || c == '_' {
            let run = chars[i..].iter().take_while(|&&x| x == c).count();
            if emphasis_marker(&chars, i, run) {
                i += run;
                continue;
            }
            out.extend(std::iter::repeat_n(c, run));
            i += run;
            continue;
        }
        if c == '\\' && chars.get(i + 1).is_some_and(|n| "\\`*_{}[]()#+-.!>".contains(*n)) {
            out.push(chars[i + 1]);
            i += 2;
            continue;
        }
        out.push(c);
        i += 1;
    }
    Inline { text: out, alt_texts }
}

/// An HTML tag or comment starting at `<` (index `at`): the index after it.
/// A tag opens with a letter (`<b`, `</b`) and closes on the same line; an
/// autolink (`<https://...>`) or a comparison (`a < b`) is no tag.
fn tag_end(chars: &[char], at: usize) -> Option<usize> {
    let rest = &chars[at + 1..(at + 1 + EMPHASIS_MAX).min(chars.len())];
    if rest.starts_with(&['!', '-', '-']) {
        let close = rest.windows(3).skip(3).position(|w| w == ['-', '-', '>'])?;
        return Some(at + 1 + 3 + close + 3);
    }
    let name = rest.strip_prefix(&['/']).unwrap_or(rest);
    if !name.first().is_some_and(char::is_ascii_alphabetic) {
        return None;
    }
    let name_len = name.iter().take_while(|c| c.is_ascii_alphanumeric() || **c == '-').count();
    let after_name = name.get(name_len).copied();
    if !after_name.is_some_and(|c| c == '>' || c == '/' || c.is_whitespace()) {
        return None;
    }
    let close = rest.iter().position(|&c| c == '>')?;
    Some(at + 1 + close + 1)
}

/// For each index, the index of the bracket closing the one opened there.
struct Pairs {
    square: Vec<u32>,
    round: Vec<u32>,
}

const NONE: u32 = u32::MAX;

/// Matches `open` with `close` across the line, nesting as brackets do.
fn partners(chars: &[char], open: char, close: char) -> Vec<u32> {
    let mut out = vec![NONE; chars.len()];
    if !chars.contains(&open) {
        return out;
    }
    let mut stack: Vec<usize> = Vec::new();
    for (k, &c) in chars.iter().enumerate() {
        if c == open {
            stack.push(k);
        } else if c == close {
            if let Some(o) = stack.pop() {
                out[o] = k as u32;
            }
        }
    }
    out
}

/// A link starting at `[` (index `at`): its text and the index after it.
fn link_at(chars: &[char], at: usize, pairs: &Pairs) -> Option<(String, usize)> {
    let close = pairs.square.get(at).copied().filter(|&c| c != NONE)? as usize;
    let text: String = chars[at + 1..close].iter().collect();
    match chars.get(close + 1) {
        // `(url "title")`, parentheses nested as in Wikipedia URLs.
        Some('(') => {
            let end = pairs.round.get(close + 1).copied().filter(|&c| c != NONE)? as usize;
            Some((text, end + 1))
        }
        Some('[') => {
            let end = pairs.square.get(close + 1).copied().filter(|&c| c != NONE)? as usize;
            Some((text, end + 1))
        }
        _ => None,
    }
}

/// Whether a run of `*` or `_` at `i` opens or closes emphasis: it touches
/// a word on one side and space or punctuation on the other (`snake_case`
/// and `5 * 3` stay as they are).
fn emphasis_marker(chars: &[char], i: usize, run: usize) -> bool {
    if run > 3 {
        return false;
    }
    let before = i.checked_sub(1).map(|k| chars[k]);
    let after = chars.get(i + run).copied();
    let open_side = |c: Option<char>| c.is_none_or(|c| c.is_whitespace() || (c.is_ascii_punctuation() && c != '\\'));
    let word = |c: Option<char>| c.is_some_and(|c| !c.is_whitespace());
    let opens = open_side(before) && word(after);
    let closes = word(before) && open_side(after);
    if !(opens || closes) {
        return false;
    }
    // A marker that opens must close later on the line, and one that closes
    // must have opened: look for its partner.
    let marker = chars[i];
    if opens {
        let rest = &chars[i + run..(i + run + EMPHASIS_MAX).min(chars.len())];
        (0..rest.len()).any(|k| {
            rest[k] == marker
                && rest[k..].iter().take_while(|&&x| x == marker).count() == run
                && k > 0
                && !rest[k - 1].is_whitespace()
        })
    } else {
        let before = &chars[i.saturating_sub(EMPHASIS_MAX)..i];
        (0..before.len()).rev().any(|k| {
            before[k] == marker
                && before[..=k].iter().rev().take_while(|&&x| x == marker).count() == run
                && before.get(k + 1).is_some_and(|c| !c.is_whitespace())
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn inline_(s: &str) -> String {
        inline(s, 0).text
    }

    /// What a file's reading left out: (kind, text, line).
    fn dropped(md: &str) -> Vec<(Removal, String, usize)> {
        read(md).dropped.into_iter().map(|removed| (removed.kind, removed.text, removed.at)).collect()
    }

    #[test]
    fn what_the_text_leaves_out_is_listed_with_its_line() {
        let md = "# Dam fails\n\n> ## Excerpt\n> The dam gave way.\n\nThe dam ![Flood waters in the valley](flood.jpg) gave way.\n\n```\nlet x = 1;\n```\n[1]: https://x.example/dam \"Dam\"\nEnd.";
        assert_eq!(
            dropped(md),
            [
                (Removal::Furniture, "## Excerpt".to_string(), 2),
                (Removal::Furniture, "The dam gave way.".to_string(), 3),
                (Removal::Caption, "Flood waters in the valley".to_string(), 5),
                (Removal::CodeBlock, "let x = 1;".to_string(), 8),
                (Removal::Link, "[1]: https://x.example/dam \"Dam\"".to_string(), 10),
            ]
        );
        // Lines after front matter are counted from the top of the file.
        let md = "---\ntitle: Dam\n---\n![A [linked](u) photo](p.jpg)\nText.";
        assert_eq!(dropped(md), [(Removal::Caption, "A linked photo".to_string(), 3)]);
        // An image without alt text, and a link around an image, leave out no words.
        assert!(dropped("![](p.jpg) and [![ ](p.jpg)](u)").is_empty());
        assert_eq!(dropped("[see ![the map](m.png)](u)"), [(Removal::Caption, "the map".to_string(), 0)]);
    }

    #[test]
    fn html_tags_and_comments_are_markup() {
        assert_eq!(inline_("The <b>dam</b> gave<br/> way <span class=\"x\">today</span>."), "The dam gave way today.");
        assert_eq!(inline_("Note<!-- an editor's note --> here."), "Note here.");
        // Not tags: comparisons, autolinks, an unclosed bracket.
        assert_eq!(inline_("a < b and c <d"), "a < b and c <d");
        assert_eq!(inline_("see <https://x.example/a>"), "see <https://x.example/a>");
        assert_eq!(inline_("x <3 y"), "x <3 y");
        assert_eq!(inline_("<!-- never closed"), "<!-- never closed");
    }

    #[test]
    fn links_images_and_emphasis_read_as_text() {
        assert_eq!(
            inline_(r#"The dam [gave way](https://x.example/dam "Dam") on **Sunday** after _heavy_ rain."#),
            "The dam gave way on Sunday after heavy rain."
        );
        assert_eq!(
            inline_("See ![a photo](p.jpg)the [county][1] and [Foo](https://w.example/Foo_(bar))."),
            "See the county and Foo."
        );
        assert_eq!(inline_("Run `cargo test` and *then* ***ship***."), "Run cargo test and then ship.");
        // Not emphasis: inside words, arithmetic, a lone star.
        assert_eq!(inline_("snake_case_name, 5 * 3 = 15, a * star"), "snake_case_name, 5 * 3 = 15, a * star");
        assert_eq!(inline_("[not a link] and [x]"), "[not a link] and [x]");
        assert_eq!(inline_(r"an escaped \*star\*"), "an escaped *star*");
    }

    #[test]
    fn hostile_lines_are_bounded() {
        for unit in ["[", "*a ", "_", "![", "[x](", "`", "[a][", "<a ", "<!--", "![a](b)"] {
            // Every scan is bounded, so this ends (a benchmark-free check:
            // it only has to finish and give no more than it was given).
            let line = unit.repeat(20_000);
            assert!(inline_(&line).len() <= line.len(), "{unit:?}");
        }
        let nested = format!("{}x{}", "[".repeat(10_000), "](u)".repeat(10_000));
        assert!(!inline_(&nested).is_empty());
    }

    #[test]
    fn lines_keep_their_places() {
        let md = "---\ntitle: *kept*\n---\n# Dam [fails](u)\n\n> ## Excerpt\n> The dam gave way.\n\n[1]: https://x.example\n```\ncode here\n```\nEnd.";
        assert_eq!(to_text(md), "---\ntitle: *kept*\n---\n# Dam fails\n\n\n\n\n\n\n\n\nEnd.");
        // A rule over text is no front matter: the text is cleaned.
        assert_eq!(to_text("---\nIt rained on **Monday**.\n---\nEnd."), "---\nIt rained on Monday.\n---\nEnd.");
        // Other quotes are text.
        assert_eq!(to_text("> \"We will rebuild,\" she said.\n>\n> More."), "\"We will rebuild,\" she said.\n\nMore.");
        assert_eq!(to_text(""), "");
    }
}
