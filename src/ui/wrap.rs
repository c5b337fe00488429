//! Word wrapping to a display width. Widths come from `unicode-width`, and
//! a word too long for a line is broken between grapheme clusters, so wide
//! (CJK) and combining characters never split or overflow. Rows are byte
//! ranges into the text, so styles (shared sentences, search matches,
//! diff marks) can be laid over them when drawing.

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// One visual row: `text[start..end]`, or an empty row between paragraphs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Row {
    pub start: usize,
    pub end: usize,
}

/// Display width of a string, as [`display`] shows it.
pub fn width(s: &str) -> usize {
    UnicodeWidthStr::width(display(s).as_ref())
}

/// Characters that make terminals disagree about how wide an emoji is.
fn is_emoji_joiner(c: char) -> bool {
    matches!(c,
        '\u{200D}' // zero-width joiner
        | '\u{FE0E}' | '\u{FE0F}' // text and emoji presentation selectors
        | '\u{20E3}' // combining keycap
        | '\u{1F3FB}'..='\u{1F3FF}' // skin tones
        | '\u{E0020}'..='\u{E007F}' // tag characters (subdivision flags)
    )
}

/// Text as the terminal is given it: emoji sequences that terminals draw
/// at different widths (flags, skin tones, joined families, presentation
/// selectors) in a plain form every terminal measures alike: a flag as its
/// two letters, the rest as their separate emoji. Widths are measured on
/// this form, so rows fit and no stale cells are left behind.
pub fn display(s: &str) -> std::borrow::Cow<'_, str> {
    let risky = |c: char| is_emoji_joiner(c) || ('\u{1F1E6}'..='\u{1F1FF}').contains(&c);
    if !s.chars().any(risky) {
        return std::borrow::Cow::Borrowed(s);
    }
    let out = s
        .chars()
        .filter(|&c| !is_emoji_joiner(c))
        .map(|c| match c {
            '\u{1F1E6}'..='\u{1F1FF}' => char::from(b'A' + (c as u32 - 0x1F1E6) as u8),
            c => c,
        })
        .collect();
    std::borrow::Cow::Owned(out)
}

/// `s` padded with spaces to `w` columns (display width, not characters).
pub fn pad(s: &str, w: usize) -> String {
    format!("{s}{}", " ".repeat(w.saturating_sub(width(s))))
}

/// Wraps `text` (offset `base` is added to every row) to `max` columns.
/// Paragraphs ("\n\n") are separated by an empty row; single line breaks
/// start a new row.
pub fn wrap(text: &str, base: usize, max: usize) -> Vec<Row> {
    wrap_spaced(text, base, max, &[])
}

/// As [`wrap`], with a space shown at each offset of `spaces` (sorted, in
/// row coordinates) that falls inside a word: sentences glued together in
/// the source (`News.The`) read, and wrap, as two words. A row drawn with
/// [`super::draw::styled_row_spaced`] shows those spaces.
pub fn wrap_spaced(text: &str, base: usize, max: usize, spaces: &[usize]) -> Vec<Row> {
    let max = max.max(1);
    let mut rows = Vec::new();
    let mut first_para = true;
    for (pstart, para) in split_keep(text, "\n\n") {
        if !first_para {
            rows.push(Row { start: base + pstart, end: base + pstart });
        }
        first_para = false;
        for (lstart, line) in split_keep(para, "\n") {
            wrap_line(line, base + pstart + lstart, max, spaces, &mut rows);
        }
    }
    rows
}

/// Pieces of `text` between `sep`, with their offsets.
fn split_keep<'a>(text: &'a str, sep: &'a str) -> impl Iterator<Item = (usize, &'a str)> + 'a {
    let mut at = 0;
    text.split(sep).map(move |piece| {
        let start = at;
        at += piece.len() + sep.len();
        (start, piece)
    })
}

fn wrap_line(line: &str, base: usize, max: usize, spaces: &[usize], rows: &mut Vec<Row>) {
    let mut row: Option<(usize, usize, usize)> = None; // (start, end, width)
    // Words, cut again where a space is to be shown inside one.
    let mut words = line.split_whitespace().flat_map(|w| {
        let off = w.as_ptr() as usize - line.as_ptr() as usize;
        let (lo, hi) = (base + off, base + off + w.len());
        let inside = &spaces[spaces.partition_point(|&g| g <= lo)..spaces.partition_point(|&g| g < hi)];
        let mut cuts: Vec<usize> = Vec::with_capacity(inside.len() + 2);
        cuts.push(off);
        cuts.extend(inside.iter().map(|&g| g - base).filter(|&g| line.is_char_boundary(g)));
        cuts.push(off + w.len());
        cuts.windows(2).map(|c| (c[0], &line[c[0]..c[1]])).collect::<Vec<_>>()
    });
    let mut pending = words.next();
    if pending.is_none() {
        rows.push(Row { start: base, end: base });
        return;
    }
    while let Some((off, word)) = pending {
        let w = width(word);
        match row {
            Some((s, _, cw)) if cw + 1 + w <= max => row = Some((s, off + word.len(), cw + 1 + w)),
            Some((s, e, _)) => {
                rows.push(Row { start: base + s, end: base + e });
                row = None;
                continue; // place the word on a new row
            }
            None if w <= max => row = Some((off, off + word.len(), w)),
            None => {
                // A word longer than the row: break it between graphemes.
                let mut start = off;
                let mut cw = 0;
                for (gi, g) in word.grapheme_indices(true) {
                    let gw = width(g);
                    if cw + gw > max && cw > 0 {
                        rows.push(Row { start: base + start, end: base + off + gi });
                        start = off + gi;
                        cw = 0;
                    }
                    cw += gw;
                }
                row = Some((start, off + word.len(), cw));
            }
        }
        pending = words.next();
    }
    if let Some((s, e, _)) = row {
        rows.push(Row { start: base + s, end: base + e });
    }
}

/// Cuts `s` to at most `max` columns, adding `…` when cut. The result is
/// in its [`display`] form.
pub fn truncate(s: &str, max: usize) -> String {
    let s = display(s);
    if width(&s) <= max {
        return s.into_owned();
    }
    let mut out = String::new();
    let mut w = 0;
    for g in s.graphemes(true) {
        let gw = width(g);
        if w + gw + 1 > max {
            break;
        }
        out.push_str(g);
        w += gw;
    }
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str, max: usize) -> Vec<&str> {
        wrap(text, 0, max).into_iter().map(|r| &text[r.start..r.end]).collect()
    }

    #[test]
    fn wraps_words_to_width() {
        assert_eq!(lines("the quick brown fox jumps", 10), ["the quick", "brown fox", "jumps"]);
    }

    #[test]
    fn glued_sentences_wrap_as_two_words() {
        let text = "Told NBC News.The plan";
        let at = text.find("The").unwrap();
        let cut = |rows: Vec<Row>, base: usize| -> Vec<String> {
            rows.iter().map(|r| text[r.start - base..r.end - base].to_string()).collect()
        };
        // Glued, "News.The" is one word of 8 columns; shown apart, it
        // needs 9 and breaks where the space is.
        assert_eq!(cut(wrap(text, 0, 8), 0), ["Told NBC", "News.The", "plan"]);
        assert_eq!(cut(wrap_spaced(text, 0, 8, &[at]), 0), ["Told NBC", "News.", "The plan"]);
        assert_eq!(cut(wrap_spaced(text, 100, 9, &[at + 100]), 100), ["Told NBC", "News.The", "plan"]);
    }

    #[test]
    fn keeps_paragraphs_apart() {
        assert_eq!(lines("one two\n\nthree", 20), ["one two", "", "three"]);
    }

    #[test]
    fn breaks_long_words_between_graphemes() {
        assert_eq!(lines("abcdefghij", 4), ["abcd", "efgh", "ij"]);
        // Wide characters take two columns each.
        assert_eq!(lines("東京都庁舎", 4), ["東京", "都庁", "舎"]);
        // A combining accent stays with its letter.
        let s = "e\u{301}e\u{301}e\u{301}";
        assert_eq!(lines(s, 2), ["e\u{301}e\u{301}", "e\u{301}"]);
    }

    #[test]
    fn rows_never_exceed_the_width() {
        let text = "Zelenskyy’s 28-point plan — 東京 and Erdoğan met; ".repeat(20);
        // (Two columns at least: a wide character needs two.)
        for max in [2, 3, 7, 20, 33] {
            for r in wrap(&text, 0, max) {
                assert!(width(&text[r.start..r.end]) <= max, "{max}: {:?}", &text[r.start..r.end]);
            }
        }
    }

    #[test]
    fn emoji_sequences_are_shown_plainly_and_measured_so() {
        assert_eq!(display("flag 🇯🇵 ok"), "flag JP ok");
        assert_eq!(display("👍🏽"), "👍");
        assert_eq!(display("👨\u{200D}👩\u{200D}👧"), "👨👩👧");
        assert_eq!(display("❤\u{FE0F}"), "❤");
        assert!(matches!(display("plain 東京"), std::borrow::Cow::Borrowed(_)));
        assert_eq!(width("🇯🇵"), 2);
        assert_eq!(width("👍🏽"), 2);
        assert_eq!(pad("東京", 6), "東京  ");
    }

    #[test]
    fn truncates_with_an_ellipsis() {
        assert_eq!(truncate("hello world", 8), "hello w…");
        assert_eq!(truncate("short", 8), "short");
        assert_eq!(truncate("東京都庁舎", 5), "東京…");
    }
}
