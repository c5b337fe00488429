//! Markdown as a reader sees it: links as their text, no emphasis markers,
//! no images, no quote markers, no reference definitions. Lines stay lines
//! (headings keep their `#`, front matter is left alone) so the header
//! rules in [`super::meta`] read the file as before.

/// The text of a Markdown file with its inline syntax resolved.
pub fn to_text(md: &str) -> String {
    // Front matter is read as fields, later; a `---` rule over text is text.
    let (head, rest) = match super::meta::front_matter(md) {
        Some((_, rest)) => md.split_at(md.len() - rest.len()),
        None => ("", md),
    };
    let mut out = String::with_capacity(md.len());
    out.push_str(head);
    let lines = rest.split('\n');
    let mut fenced = false;
    // A web clipper's quoted `## Excerpt`: the page's description, which
    // repeats the article, over the article itself.
    let mut in_excerpt = false;
    for line in lines {
        let trimmed = line.trim_start();
        if trimmed.starts_with('>') {
            let heading = strip_quote_markers(line).trim_start_matches('#').trim().to_ascii_lowercase();
            if heading == "excerpt" || heading == "description" {
                in_excerpt = true;
            }
            if in_excerpt {
                out.push('\n');
                continue;
            }
        } else {
            in_excerpt = false;
        }
        if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            fenced = !fenced;
            out.push('\n');
            continue;
        }
        if fenced || is_reference_definition(trimmed) {
            out.push('\n');
            continue;
        }
        out.push_str(&inline(strip_quote_markers(line), 0));
        out.push('\n');
    }
    out.pop();
    out
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

/// Links, images, emphasis and code spans of one line resolved (links
/// inside link text only `depth` deep).
fn inline(line: &str, depth: usize) -> String {
    if !line.contains(['[', '*', '_', '`', '\\', '!']) {
        return line.to_string();
    }
    let chars: Vec<char> = line.chars().collect();
    // Each `[` and `(` with its closing partner, found once for the line.
    let pairs = Pairs { square: partners(&chars, '[', ']'), round: partners(&chars, '(', ')') };
    let mut out = String::with_capacity(line.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        // `![alt](src)`: an image, not text.
        if c == '!' && chars.get(i + 1) == Some(&'[') {
            if let Some((_, end)) = link_at(&chars, i + 1, &pairs) {
                i = end;
                continue;
            }
        }
        // `[text](url)`, `[text][ref]`: the text.
        if c == '[' {
            if let Some((text, end)) = link_at(&chars, i, &pairs) {
                out.push_str(&if depth < 2 { inline(&text, depth + 1) } else { text });
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
    out
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
        inline(s, 0)
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
        for unit in ["[", "*a ", "_", "![", "[x](", "`", "[a]["] {
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
