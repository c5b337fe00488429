//! Quotations: the spans of an article's text within quotation marks,
//! read paragraph by paragraph, the marks themselves and the comma or stop
//! closing the quoted words left out. What is quoted is told apart from who
//! is said to have said it by `story::quotes`; matching reads the spans to
//! find the same words quoted by two sources.

use super::Article;
use crate::text::lexicon::is_reporting_verb;
use crate::text::{Span, words};

/// The quoted spans of `a`, in order, trimmed (see the module comment).
pub fn spans(a: &Article) -> Vec<Span> {
    a.paragraphs.iter().flat_map(|p| quoted_spans(a, *p)).map(|inner| trim_span(&a.body, inner)).collect()
}

fn opens(c: char) -> Option<char> {
    match c {
        '“' => Some('”'),
        '"' => Some('"'),
        '«' => Some('»'),
        _ => None,
    }
}

/// The spans within quotation marks in one paragraph. A mark never closed
/// in it (a sloppy page: `“Flight AI171 was involved in an incident, Air
/// India said in a statement.`) opens a quotation that runs to where its
/// attribution takes over or its sentence ends, and the marks after it
/// are read afresh. A straight mark left open opens nothing.
fn quoted_spans(a: &Article, paragraph: Span) -> Vec<Span> {
    let text = paragraph.slice(&a.body);
    let mut found = Vec::new();
    let mut from = 0;
    while from < text.len() {
        let mut open: Option<(usize, char)> = None;
        for (i, c) in text[from..].char_indices().map(|(i, c)| (from + i, c)) {
            match open {
                Some((start, close)) if c == close => {
                    found.push(Span::new(paragraph.start + start, paragraph.start + i));
                    open = None;
                }
                None => open = opens(c).map(|close| (i + c.len_utf8(), close)),
                _ => {}
            }
        }
        let Some((start, close)) = open else { break };
        // A straight mark left open may be an inch sign (`a 6" pipe`): the
        // marks after it are read afresh, and it opens nothing.
        if close == '"' {
            from = start;
            continue;
        }
        let end = unclosed_end(a, paragraph.start + start).clamp(paragraph.start + start, paragraph.end);
        found.push(Span::new(paragraph.start + start, end));
        from = end - paragraph.start;
        // A straight mark that closed it ([`unclosed_end`]) is read, not
        // opened again.
        if text[from..].starts_with('"') {
            from += 1;
        }
    }
    found
}

/// Where a quotation opened at `start` and never closed ends: at a straight
/// mark within its sentence (a page mixing marks: `“Hello there," he
/// said`), else at the comma after which its sentence names who said it
/// ("…in an incident, Air India said"), else at its sentence's end.
fn unclosed_end(a: &Article, start: usize) -> usize {
    let Some(sentence) = a.sentence_at(start) else { return start };
    let end = a.sentences[sentence].end.max(start);
    let rest = &a.body[start..end];
    if let Some(mark) = rest.find('"') {
        return start + mark;
    }
    let attributed = |after: &str| words::words(after).take(5).any(|(_, w)| is_reporting_verb(&w.to_lowercase()));
    rest.match_indices(", ").find(|(at, _)| attributed(&rest[at + 2..])).map_or(end, |(at, _)| start + at)
}

fn trim_span(body: &str, s: Span) -> Span {
    let t = s.slice(body);
    let lead = t.len() - t.trim_start().len();
    let t2 = t.trim();
    // A comma or stop closing the quoted words belongs to the sentence.
    let t3 = t2.trim_end_matches([',', ';']);
    Span::new(s.start + lead, s.start + lead + t3.len())
}
