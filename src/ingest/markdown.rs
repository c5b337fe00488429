//! Markdown as a reader sees it: links as their text, no emphasis markers,
//! no HTML tags, no quote markers. Lines stay lines (headings keep their
//! `#`, front matter is left alone) so the header rules in [`super::meta`]
//! read the file as before.
//!
//! Nothing is dropped silently: what a reader of the rendered file would
//! see but the text leaves out comes back as [`Page::dropped`], each piece
//! with its kind and the line it stood on: a web clipper's quoted excerpt
//! (the page's description over the article), code blocks, images' alt
//! text, reference definitions (a link's address, listed although a
//! reader sees only the link's text) and a table's header row. HTML tags
//! and comments are markup, not text, and go without a word, as in a web
//! page; so do a table's rule row (`|---|:--:|`) and footnote markers
//! (`[^1]`).
//!
//! A table row reads as one line that names each cell by its column
//! (`Town: Eastport; Homes without power: 12,400.`), so that a row says
//! what it says wherever it is quoted; a footnote is its text, without the
//! `[^1]:` that labels it.

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
    let lines: Vec<&str> = rest.split('\n').collect();
    for (index, line) in lines.iter().enumerate() {
        reader.line(first_line + index, line, lines.get(index + 1).copied());
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
    /// Inside a table: its header's cells, which name each row's cells.
    table: Option<Vec<String>>,
    /// The line is the rule under a table's header row.
    at_table_rule: bool,
}

impl Reader {
    /// Reads line `at` of the file (`next` the line after it): its text, or
    /// a blank line and what it held listed as left out.
    fn line(&mut self, at: usize, line: &str, next: Option<&str>) {
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
        if self.table_line(at, line, next) {
            return;
        }
        if let Some(note) = footnote_definition(trimmed) {
            // A note that is only an address is a link, not text.
            if note.contains("://") && !note.contains(char::is_whitespace) {
                return self.leave_out(at, Removal::Link, trimmed);
            }
            return self.text_line(at, note);
        }
        if is_reference_definition(trimmed) {
            return self.leave_out(at, Removal::Link, trimmed);
        }
        self.text_line(at, strip_quote_markers(line));
    }

    /// Line `at` as text, its inline syntax resolved and its images' alt
    /// text listed.
    fn text_line(&mut self, at: usize, line: &str) {
        let resolved = inline(line, 0);
        self.list_alt_texts(at, resolved.alt_texts);
        self.text.push_str(&resolved.text);
        self.text.push('\n');
    }

    fn list_alt_texts(&mut self, at: usize, alt_texts: Vec<String>) {
        for alt in alt_texts.into_iter().filter(|alt| !alt.trim().is_empty()) {
            self.dropped.push(Removed { kind: Removal::Caption, text: alt.trim().to_string(), at });
        }
    }

    /// A table's lines: the header row (listed: its words name the cells
    /// of every row), the rule row under it (markup), and each row as one
    /// line of labelled cells. False for a line that is in no table.
    fn table_line(&mut self, at: usize, line: &str, next: Option<&str>) -> bool {
        if std::mem::take(&mut self.at_table_rule) {
            self.text.push('\n');
            return true;
        }
        if self.table.is_some() {
            if has_cell_divider(line) {
                let cells = self.cells(at, line);
                let row = labelled_row(self.table.as_deref().unwrap_or_default(), &cells);
                self.text.push_str(&row);
                self.text.push('\n');
                return true;
            }
            self.table = None;
        }
        if has_cell_divider(line) && next.is_some_and(is_table_rule) {
            let header = self.cells(at, line);
            self.leave_out(at, Removal::TableHeader, &header.join(" | "));
            self.table = Some(header);
            self.at_table_rule = true;
            return true;
        }
        false
    }

    /// A table row's cells, their inline syntax resolved.
    fn cells(&mut self, at: usize, line: &str) -> Vec<String> {
        let mut cells = Vec::new();
        for cell in split_cells(line) {
            let resolved = inline(&cell, 0);
            self.list_alt_texts(at, resolved.alt_texts);
            cells.push(resolved.text.trim().to_string());
        }
        cells
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

/// `[^1]: The note's text.`: the text.
fn footnote_definition(line: &str) -> Option<&str> {
    let (label, rest) = line.strip_prefix("[^")?.split_once("]:")?;
    let plain_label = !label.is_empty() && !label.contains(|c: char| c.is_whitespace() || c == '[' || c == ']');
    plain_label.then(|| rest.trim())
}

/// A footnote marker at `at` (`[^1]`, `[^note]`): the index after it.
fn footnote_marker_end(chars: &[char], at: usize) -> Option<usize> {
    if chars.get(at + 1) != Some(&'^') {
        return None;
    }
    let label = chars[at + 2..].iter().take(40).take_while(|&&c| c != ']' && !c.is_whitespace() && c != '[').count();
    let close = at + 2 + label;
    (label > 0 && chars.get(close) == Some(&']') && !matches!(chars.get(close + 1), Some('(' | '[' | ':')))
        .then_some(close + 1)
}

/// Whether a line holds a `|` that divides table cells (not `\|`).
fn has_cell_divider(line: &str) -> bool {
    // Most lines hold no `|`: answered without splitting them into cells.
    line.contains('|') && (split_cells(line).len() > 1 || line.trim().starts_with('|'))
}

/// `|---|:--:|`, `--- | ---`: the rule under a table's header row.
fn is_table_rule(line: &str) -> bool {
    if !line.contains('|') {
        return false;
    }
    let cells = split_cells(line);
    !cells.is_empty()
        && cells.iter().all(|cell| {
            let dashes = cell.trim_start_matches(':').trim_end_matches(':');
            !dashes.is_empty() && dashes.chars().all(|c| c == '-')
        })
}

/// A table row's cells: split at each `|` not escaped as `\|`, without
/// the row's outer `|`s, each trimmed (`\|` read as `|`).
fn split_cells(line: &str) -> Vec<String> {
    let mut cells = vec![String::new()];
    let mut chars = line.trim().chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' if chars.peek() == Some(&'|') => {
                cells.last_mut().expect("one cell at least").push('|');
                chars.next();
            }
            '|' => cells.push(String::new()),
            _ => cells.last_mut().expect("one cell at least").push(c),
        }
    }
    let trimmed = line.trim();
    if trimmed.starts_with('|') {
        cells.remove(0);
    }
    if trimmed.len() > 1 && trimmed.ends_with('|') && !trimmed.ends_with("\\|") {
        cells.pop();
    }
    cells.into_iter().map(|cell| cell.trim().to_string()).collect()
}

/// A row's cells named by their columns, as a sentence of its own:
/// `Town: Eastport; Homes: 12,400.` (a reader's pane joins a paragraph's
/// lines, and the rows must not run together). A cell under no header, or
/// under an empty one, stands alone; empty cells are left out.
fn labelled_row(header: &[String], cells: &[String]) -> String {
    let labelled: Vec<String> = cells
        .iter()
        .enumerate()
        .filter(|(_, cell)| !cell.is_empty())
        .map(|(k, cell)| match header.get(k).filter(|label| !label.is_empty()) {
            Some(label) => format!("{label}: {cell}"),
            None => cell.clone(),
        })
        .collect();
    let mut row = labelled.join("; ");
    if !row.is_empty() && !row.ends_with(['.', '!', '?']) {
        row.push('.');
    }
    row
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
        // `[^1]`: a footnote's marker, markup (the note is text of its own).
        if c == '[' {
            if let Some(end) = footnote_marker_end(&chars, i) {
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
    fn a_table_row_reads_as_its_cells_named_by_their_columns() {
        let md = "Power cuts:\n\n| Town | Homes without power | Shelters |\n|------|----:|:--:|\n| Eastport | 12,400 | 3 |\n| Lowell \\| Bay | **8,150** | |\n\nCrews expect power back by Saturday.";
        let page = read(md);
        let lines: Vec<&str> = page.text.lines().collect();
        assert_eq!(lines.len(), md.lines().count(), "lines keep their places");
        assert_eq!(lines[2], "");
        assert_eq!(lines[3], "", "the rule row is markup");
        assert_eq!(lines[4], "Town: Eastport; Homes without power: 12,400; Shelters: 3.");
        assert_eq!(lines[5], "Town: Lowell | Bay; Homes without power: 8,150.");
        assert_eq!(lines[7], "Crews expect power back by Saturday.");
        // The header row's words are listed: each row repeats them.
        assert_eq!(dropped(md), [(Removal::TableHeader, "Town | Homes without power | Shelters".to_string(), 2)]);
    }

    #[test]
    fn pipes_outside_a_table_are_text() {
        // No rule row under it: no table.
        let md = "Scores | home 2 | away 1\nThe match ended late.";
        assert_eq!(read(md).text, md);
        assert!(dropped(md).is_empty());
        // A rule with no pipes is a thematic break or a heading's underline.
        let md = "Heading\n---\nText.";
        assert_eq!(read(md).text, md);
        // A table ends at the first line without a cell divider.
        let md = "a | b\n--|--\n1 | 2\nAfter the table.";
        assert_eq!(read(md).text, "\n\na: 1; b: 2.\nAfter the table.");
        // More cells than the header names: the extra cell stands alone.
        assert_eq!(labelled_row(&["a".into()], &["1".into(), "2".into()]), "a: 1; 2.");
        assert_eq!(labelled_row(&["a".into()], &["".into()]), "");
    }

    #[test]
    fn footnotes_read_as_their_text_and_markers_go() {
        let md = "The storm hit on Thursday, officials said.[^1] Power was cut.[^note]\n\n[^1]: According to the county's emergency office.\n[^note]: https://county.example/alert";
        let page = read(md);
        let lines: Vec<&str> = page.text.split('\n').collect();
        assert_eq!(lines[0], "The storm hit on Thursday, officials said. Power was cut.");
        assert_eq!(lines[2], "According to the county's emergency office.");
        assert_eq!(lines[3], "");
        assert_eq!(dropped(md), [(Removal::Link, "[^note]: https://county.example/alert".to_string(), 3)]);
        // Not markers: a link whose text starts with ^, a bracket with spaces.
        assert_eq!(inline_("[^up](u) and [^ not a note] and x^2"), "^up and [^ not a note] and x^2");
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
