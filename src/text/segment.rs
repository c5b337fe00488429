//! Sentence segmentation for news text.
//!
//! Rule-based, because news prose breaks the general-purpose rules:
//! abbreviations that do not end sentences (`U.S. Army`, `Gen. Randy`,
//! `J.D. Vance`, `Nov. 19`), quotes closed after the stop
//! (`durable peace."The president`), and sentences glued together without a
//! space when a page was scraped (`NBC News.The president's`). Every line
//! break is a hard boundary: paragraphs, bullets and subheads without a stop
//! are sentences of their own.

use super::Span;
use super::lexicon::{
    is_news_agency, is_sentence_starter, is_soft_abbreviation, is_state_abbreviation, is_title_abbreviation,
    month_number, weekday_number,
};

/// Sentences longer than this are cut at a space: real prose never gets
/// there, and it bounds the cost of everything downstream on hostile input.
pub const MAX_SENTENCE_BYTES: usize = 4000;

/// Splits `text` into sentences. The spans are in order, do not overlap,
/// hold no leading or trailing whitespace, and together hold every
/// non-whitespace character of `text`.
///
/// ```
/// use parallax::text::segment::sentences;
///
/// let text = "The U.S. Army arrived on Nov. 19 with Gen. Randy George.The talks began.";
/// let found: Vec<&str> = sentences(text).iter().map(|span| span.slice(text)).collect();
/// assert_eq!(found, ["The U.S. Army arrived on Nov. 19 with Gen. Randy George.", "The talks began."]);
/// ```
pub fn sentences(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut line_start = 0;
    for line in text.split('\n') {
        split_line(line, line_start, &mut out);
        line_start += line.len() + 1;
    }
    out
}

/// Where a sentence starts with no space before it (`News.The`): the
/// offsets at which a reader should see one. The text itself keeps what
/// the source had.
pub fn glued(text: &str, sentences: &[Span]) -> Vec<usize> {
    sentences
        .iter()
        .filter(|s| s.start > 0 && text[..s.start].chars().next_back().is_some_and(|c| !c.is_whitespace()))
        .map(|s| s.start)
        .collect()
}

/// `text[from..to]` as a reader should see it: a space before each glued
/// sentence start (see [`glued`]) inside it, and at `from` itself when
/// `from > after` (the piece continues text that ends just before it).
pub fn spaced(text: &str, from: usize, to: usize, after: usize, glued: &[usize]) -> String {
    let mut out = String::with_capacity(to - from + 8);
    let mut at = from;
    for &g in &glued[glued.partition_point(|&g| g < from)..glued.partition_point(|&g| g < to)] {
        if g == from && from <= after {
            continue;
        }
        out.push_str(&text[at..g]);
        out.push(' ');
        at = g;
    }
    out.push_str(&text[at..to]);
    out
}

fn is_terminal(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…' | '。' | '！' | '？')
}

fn is_closer(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | '»' | '›' | ')' | ']' | '}' | '」' | '』')
}

fn is_opener(c: char) -> bool {
    matches!(c, '"' | '\'' | '“' | '‘' | '«' | '‹' | '(' | '[' | '{' | '「' | '『' | '¿' | '¡')
}

fn split_line(line: &str, base: usize, out: &mut Vec<Span>) {
    let chars: Vec<(usize, char)> = line.char_indices().collect();
    let mut start: Option<usize> = None; // byte offset in `line` of the current sentence
    let mut index = 0;
    while index < chars.len() {
        let (offset, character) = chars[index];
        if start.is_none() {
            if character.is_whitespace() {
                index += 1;
                continue;
            }
            start = Some(offset);
        }
        if !is_terminal(character) {
            index += 1;
            continue;
        }
        match at_stops(line, &chars, index) {
            AtStops::LineEnds => break,
            AtStops::Read { next, sentence_end } => {
                if let Some(end) = sentence_end {
                    push(out, line, base, start.take().unwrap_or(0), end);
                }
                index = next;
            }
        }
    }
    if let Some(start) = start {
        push(out, line, base, start, line.len());
    }
}

/// What a run of stops in a line does.
enum AtStops {
    /// Nothing but stops, closers or spaces follow: the line's end ends
    /// the sentence.
    LineEnds,
    /// Reading goes on at `next`; `sentence_end`, when the stops end a
    /// sentence, is the byte offset just past them and their closers.
    Read { next: usize, sentence_end: Option<usize> },
}

/// Reads the run of stops at `chars[index]` (`...`, `?!`), the closing
/// quotes and brackets after it, and whether they end a sentence.
fn at_stops(line: &str, chars: &[(usize, char)], index: usize) -> AtStops {
    let count = chars.len();
    let (offset, character) = chars[index];
    let mut next = index;
    while next < count && is_terminal(chars[next].1) {
        next += 1;
    }
    let single_period = next == index + 1 && character == '.';
    let closers_from = next;
    while next < count && is_closer(chars[next].1) {
        next += 1;
    }
    if next >= count {
        return AtStops::LineEnds;
    }
    let end = chars[next].0;
    let before = word_before(line, offset);
    let head = &line[..offset];
    // `Mayor Charles “C.J.” Wax`: initials alone in quotation marks are a
    // nickname within a name; their quote closes no sentence.
    let closed = closes_sentence(&chars[closers_from..next], before) && !is_quoted_initials(head, before);
    if single_period && (ends_dateline_place(head, before, &line[end..]) || is_list_number(head)) {
        return AtStops::Read { next, sentence_end: None };
    }
    let boundary = if chars[next].1.is_whitespace() {
        let mut following = next;
        while following < count && chars[following].1.is_whitespace() {
            following += 1;
        }
        if following >= count {
            return AtStops::LineEnds;
        }
        let word = word_after(line, chars[following].0);
        spaced_boundary(single_period, closed, before, chars[following].1, word)
    } else {
        let after = chars.get(next + 1).map(|&(_, following)| following);
        glued_boundary(single_period, closed, before, chars[next].1, after)
    };
    AtStops::Read { next, sentence_end: boundary.then_some(end) }
}

/// Whether the closers after a stop (`peace." The`) mark the end of a
/// sentence. A bracket after an abbreviation closes only the bracket (`Lt.
/// Gen. (ret.) Mark`): the abbreviation's own rules decide.
fn closes_sentence(closers: &[(usize, char)], before: &str) -> bool {
    let brackets_only = closers.iter().all(|&(_, closer)| matches!(closer, ')' | ']' | '}'));
    !closers.is_empty() && !(brackets_only && (is_title(before) || is_soft_abbreviation(before)))
}

/// `“C.J`, the text before a stop: two initials or more (`before`), the
/// quotation's opening mark right before them.
fn is_quoted_initials(head: &str, before: &str) -> bool {
    let initials = before.contains('.') && before.split('.').all(is_initial);
    initials && head.strip_suffix(before).is_some_and(|opened| opened.ends_with(is_opener))
}

/// `1. Faster border procedures.`: a number alone at the start of a line
/// before the stop numbers a list item, and stays with the item's text.
fn is_list_number(head: &str) -> bool {
    let number = head.trim_start();
    (1..=3).contains(&number.len()) && number.bytes().all(|byte| byte.is_ascii_digit())
}

/// Whether a stop ends a dateline's place rather than a sentence: after an
/// agency in slashes (`DUSHANBE, February 16 /CAC/. The ...`), or after a
/// state's abbreviation with an agency in parentheses next (`SCRANTON, Pa.
/// (AP) — ...`). `head` is the line before the stop, `rest` the line after it.
fn ends_dateline_place(head: &str, before: &str, rest: &str) -> bool {
    let agency_in_slashes = head.ends_with('/') && is_agency_in_slashes(head);
    agency_in_slashes || is_state_abbreviation(before) && is_agency_in_parentheses(rest)
}

/// `(AP)`, `(Reuters)`: a news agency alone in parentheses opening `rest`.
fn is_agency_in_parentheses(rest: &str) -> bool {
    rest.trim_start()
        .strip_prefix('(')
        .and_then(|inside| inside.split_once(')'))
        .is_some_and(|(name, _)| is_news_agency(name.trim()))
}

/// `... /EFE/` or `... /CAC/`: capitals between two slashes at the end.
fn is_agency_in_slashes(head: &str) -> bool {
    let inner = &head[..head.len() - 1];
    inner.rfind('/').is_some_and(|k| {
        let name = &inner[k + 1..];
        (2..=12).contains(&name.len()) && name.chars().all(|c| c.is_uppercase() || c.is_ascii_digit())
    })
}

/// Pushes `line[s..e]` trimmed, cutting it into pieces no longer than
/// [`MAX_SENTENCE_BYTES`].
fn push(out: &mut Vec<Span>, line: &str, base: usize, start: usize, end: usize) {
    let piece = &line[start..end];
    let mut start = start + (piece.len() - piece.trim_start().len());
    let end = start + line[start..end].trim_end().len();
    while end - start > MAX_SENTENCE_BYTES {
        let mut cut = start + MAX_SENTENCE_BYTES;
        while !line.is_char_boundary(cut) {
            cut -= 1;
        }
        if let Some(space) = line[start..cut].rfind(char::is_whitespace) {
            if space > MAX_SENTENCE_BYTES / 2 {
                cut = start + space;
            }
        }
        let chunk = line[start..cut].trim_end();
        if !chunk.is_empty() {
            out.push(Span::new(base + start, base + start + chunk.len()));
        }
        start = cut + (line[cut..end].len() - line[cut..end].trim_start().len());
    }
    if end > start {
        out.push(Span::new(base + start, base + end));
    }
}

/// The token just before the stop at byte `pos`: letters, digits, inner dots
/// and apostrophes (`J.D`, `U.S`, `Gen`, `News`).
fn word_before(line: &str, pos: usize) -> &str {
    let head = &line[..pos];
    let start = head
        .char_indices()
        .rev()
        .take_while(|&(_, c)| c.is_alphanumeric() || c == '.' || c == '\'' || c == '’')
        .last()
        .map_or(pos, |(i, _)| i);
    head[start..].trim_start_matches('.')
}

/// The word starting at byte `pos` (after any opening quote or bracket).
fn word_after(line: &str, pos: usize) -> &str {
    let tail = line[pos..].trim_start_matches(is_opener);
    let end = tail
        .char_indices()
        .find(|&(_, c)| !(c.is_alphanumeric() || c == '\'' || c == '’'))
        .map_or(tail.len(), |(i, _)| i);
    &tail[..end]
}

fn is_dotted_abbreviation(w: &str) -> bool {
    w.contains('.') && w.split('.').all(|p| p.chars().count() <= 2 && !p.is_empty())
}

/// `a.m` / `p.m` (the final stop is the candidate boundary).
fn is_clock_suffix(w: &str) -> bool {
    matches!(w.to_ascii_lowercase().as_str(), "a.m" | "p.m")
}

/// A title abbreviation as written (`St`, `Gen`) or in capitals as datelines
/// print it (`ST. LOUIS`). Abbreviations before a number are left out in
/// capitals: `SAY NO.` ends a sentence.
fn is_title(word: &str) -> bool {
    if is_title_abbreviation(word) {
        return true;
    }
    let mut chars = word.chars();
    let Some(first) = chars.next() else { return false };
    let rest = chars.as_str();
    let titled = format!("{first}{}", rest.to_lowercase());
    !rest.is_empty()
        && word.chars().all(char::is_uppercase)
        && is_title_abbreviation(&titled)
        && !is_number_abbreviation(&titled)
}

fn is_initial(w: &str) -> bool {
    let mut cs = w.chars();
    matches!((cs.next(), cs.next()), (Some(c), None) if c.is_uppercase())
}

/// Abbreviations that only hold the sentence together before a number
/// (`No. 5`, `Art. 5`).
fn is_number_abbreviation(w: &str) -> bool {
    matches!(w, "No" | "no" | "Nos" | "Art" | "Sec" | "Vol" | "Fig" | "pp" | "p" | "op")
}

/// Boundary decision when whitespace follows the stop.
fn spaced_boundary(single_period: bool, closed: bool, before: &str, next_char: char, next: &str) -> bool {
    if next_char.is_lowercase() {
        return false;
    }
    let starts_word = next_char.is_alphanumeric() || is_opener(next_char);
    if !single_period || closed {
        return true;
    }
    let next_is_digit = next_char.is_ascii_digit();
    if is_number_abbreviation(before) {
        return !next_is_digit && is_sentence_starter(next);
    }
    if is_title(before) {
        return false;
    }
    if is_initial(before) {
        return false;
    }
    if is_clock_suffix(before) {
        // `9 a.m. Tuesday`, `9 a.m. EST` and `9 a.m. local time` go on.
        return !(weekday_number(next).is_some()
            || month_number(next).is_some()
            || (next.len() <= 4 && next.chars().all(|c| c.is_ascii_uppercase()))
            || matches!(next, "Eastern" | "Central" | "Pacific" | "Mountain" | "Atlantic" | "Local" | "GMT" | "UTC"));
    }
    if is_dotted_abbreviation(before) || is_soft_abbreviation(before) {
        return !next_is_digit && is_sentence_starter(next);
    }
    // Dashes, slashes and the like after a stop continue a dateline
    // (`MADRID, March 3. /EFE/.`) rather than start a sentence.
    starts_word
}

/// Boundary decision when the next sentence is glued to the stop.
fn glued_boundary(single_period: bool, closed: bool, before: &str, next: char, after: Option<char>) -> bool {
    if !next.is_uppercase() {
        return false;
    }
    if closed || !single_period {
        return true;
    }
    // `News.The`: a real word, then a capitalised word (not `U.S.Army`,
    // not an initial, not a domain such as `example.com`).
    let word_like =
        before.chars().count() >= 2 && !before.contains('.') && !is_title(before) && !is_soft_abbreviation(before);
    // `media.A White House official`: the one-letter words "A" and "I"
    // start a sentence too, after a word in lower case.
    let one_letter = matches!(next, 'A' | 'I') && after == Some(' ') && before.chars().all(char::is_lowercase);
    word_like && (after.is_some_and(|a| a.is_lowercase() || a == '\'' || a == '’') || one_letter)
}

/// True for a sentence that is a heading rather than a statement: alone on
/// its line, at most a dozen words, and written in title case ("About The
/// New Pope", "What Is A Pope?"): every word of four letters or more
/// capitalised. A sentence-case line such as "Expert is puzzled why the
/// plane continued to sink" still states something and is not one.
pub fn is_heading(body: &str, sentence: Span) -> bool {
    let alone = stands_alone(body, sentence);
    let words: Vec<&str> = super::words::words(sentence.slice(body)).map(|(_, word)| word).collect();
    let mut long = words.iter().filter(|word| word.chars().count() >= 4).peekable();
    alone
        && (2..=12).contains(&words.len())
        && long.peek().is_some()
        && long.all(|word| super::words::is_capitalised(word))
}

/// Whether `sentence` is a line of its own: nothing but spaces before it
/// on its line or after it.
fn stands_alone(body: &str, sentence: Span) -> bool {
    let before = body[..sentence.start].trim_end_matches([' ', '\t']);
    let after = body[sentence.end..].trim_start_matches([' ', '\t']);
    (before.is_empty() || before.ends_with('\n')) && (after.is_empty() || after.starts_with(['\n', '\r']))
}

/// A line that heads what follows rather than stating something: a
/// title-case heading ([`is_heading`]), or a short line alone that ends
/// without a sentence's closing mark ("What Celtica says"), as sentence-case
/// subheadings are written.
pub fn is_subheading(body: &str, sentence: Span) -> bool {
    if is_heading(body, sentence) {
        return true;
    }
    let alone = stands_alone(body, sentence);
    let text = sentence.slice(body).trim_end();
    let closed = text.ends_with(['.', '!', '?', '"', '”', '’', '\'', '…', ':', ';', ')']);
    alone && !closed && (1..=10).contains(&super::words::words(text).count())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_short_line_without_a_closing_mark_is_a_subheading() {
        let body =
            "What Celtica says\nThe airline said talks would resume.\nPilots say no\nTalks ended. Pilots say no more";
        let found: Vec<bool> = sentences(body).into_iter().map(|s| is_subheading(body, s)).collect();
        assert_eq!(found, [true, false, true, false, false]);
        let titled = "About The New Pope\nBorn in Chicago, he joined the order.";
        assert!(is_subheading(titled, sentences(titled)[0]));
    }

    #[test]
    fn a_title_case_line_is_a_heading_and_a_statement_is_not() {
        let body = "About The New Pope\nBorn in Chicago in 1955, he joined the order.\nWhat Is A Pope?\nExpert is puzzled why the plane continued to sink\n";
        let headings: Vec<bool> = sentences(body).into_iter().map(|s| is_heading(body, s)).collect();
        assert_eq!(headings, [true, false, true, false]);
        // In running text, a title-case sentence is not a heading.
        let inline = "He spoke. White Smoke Rose Over Rome. Then he left.";
        assert!(sentences(inline).into_iter().all(|s| !is_heading(inline, s)));
    }

    fn split(text: &str) -> Vec<&str> {
        sentences(text).into_iter().map(|s| s.slice(text)).collect()
    }

    #[test]
    fn glued_starts_are_where_no_space_came_before() {
        let text = "He told NBC News.The president's plan.\n\nA new line. Spaced.\"Quoted.\"Next";
        let starts = glued(text, &sentences(text));
        let at: Vec<&str> = starts.iter().map(|&i| &text[i..i + 3]).collect();
        assert_eq!(at, ["The", "Quo", "Nex"]);
        assert!(glued("", &[]).is_empty());
    }

    #[test]
    fn spaced_shows_glued_starts_inside_a_piece() {
        let text = "Told NBC News.The plan.Next";
        let g = glued(text, &sentences(text));
        assert_eq!(spaced(text, 0, text.len(), 0, &g), "Told NBC News. The plan. Next");
        let at = text.find("The").unwrap();
        // A piece that starts at a glued start continues the one before it.
        assert_eq!(spaced(text, at, at + 3, 0, &g), " The");
        assert_eq!(spaced(text, at, at + 3, at, &g), "The");
    }

    #[test]
    fn splits_plain_sentences() {
        assert_eq!(split("One here. Two there! Three? Four"), ["One here.", "Two there!", "Three?", "Four"]);
    }

    #[test]
    fn splits_glued_sentences() {
        assert_eq!(
            split("A senior official confirmed to NBC News.The president's approval came after weeks."),
            ["A senior official confirmed to NBC News.", "The president's approval came after weeks."]
        );
        assert_eq!(
            split("It was signed by officials.Trump's decision followed."),
            ["It was signed by officials.", "Trump's decision followed."]
        );
        assert_eq!(
            split("He posted on social media.A White House official agreed."),
            ["He posted on social media.", "A White House official agreed."]
        );
        assert_eq!(split("Call the U.S.A office."), ["Call the U.S.A office."]);
    }

    #[test]
    fn splits_after_closing_quote_glued_or_spaced() {
        assert_eq!(
            split("\"It includes what Ukraine needs for a durable peace.\"The president's approval coincides."),
            ["\"It includes what Ukraine needs for a durable peace.\"", "The president's approval coincides."]
        );
        assert_eq!(split("He said “it is over.” Then he left."), ["He said “it is over.”", "Then he left."]);
    }

    #[test]
    fn initials_in_quotes_are_a_nickname_not_a_sentences_end() {
        assert_eq!(
            split("Harbour Town Mayor Robert “R.J.” Dunne said the road was shut. Ferries stopped."),
            ["Harbour Town Mayor Robert “R.J.” Dunne said the road was shut.", "Ferries stopped."]
        );
        assert_eq!(split("Its mayor is Robert \"R.J.\" Dunne."), ["Its mayor is Robert \"R.J.\" Dunne."]);
        // A quotation that ends on initials still ends its sentence.
        assert_eq!(split("He said “we left the U.S.” Then he went."), ["He said “we left the U.S.”", "Then he went."]);
    }

    #[test]
    fn keeps_quote_followed_by_attribution() {
        assert_eq!(split("“Is it over?” he asked. Yes."), ["“Is it over?” he asked.", "Yes."]);
        assert_eq!(split("\"We will win,\" she said."), ["\"We will win,\" she said."]);
    }

    #[test]
    fn keeps_abbreviations_whole() {
        for s in [
            "A strategic U.S. Army delegation visited Kyiv.",
            "Army Chief of Staff Gen. Randy George spoke.",
            "Vice President J.D. Vance attended.",
            "The deal was signed on Nov. 19, 2025 in Geneva.",
            "Mr. Smith met Dr. A. K. Jones, who agreed.",
            "The meeting started at 8.45 on Monday.",
            "He lives on St. Petersburg road, No. 5.",
            "WASHINGTON: U.S. President Donald Trump has approved it.",
            "Shares of Apple Inc. rose sharply.",
        ] {
            assert_eq!(split(s), [s], "{s}");
        }
    }

    #[test]
    fn a_state_abbreviation_ends_a_sentence_only_before_one() {
        for s in [
            "SCRANTON, Pa. (AP) — A mine collapse killed three workers, officials said.",
            "LOS ANGELES, Calif. (Reuters) - Fires spread on Tuesday.",
            "WILKES-BARRE, Pa. — A mine collapse killed three workers.",
            "He moved to Jackson, Miss. in 2010 and stayed.",
            "ST. LOUIS (AP) — A fire at a former brewery forced evacuations.",
        ] {
            assert_eq!(split(s), [s], "{s}");
        }
        for state in ["Ga", "Va", "Fla", "Mich", "Tenn", "Wis", "Okla", "Wash", "Mass", "Ky", "Ill", "La", "Ind"] {
            let dateline = format!("CITY, {state}. (AP) — A fire spread, officials said.");
            assert_eq!(split(&dateline), [dateline.as_str()]);
        }
        assert_eq!(
            split("He lives in Scranton, Pa. He works nights."),
            ["He lives in Scranton, Pa.", "He works nights."]
        );
        // Only an agency alone in the brackets: a photo credit is not one.
        assert_eq!(
            split("Crews dig in Scranton, Pa. (AP Photo/Matt Rourke) Rescuers rest."),
            ["Crews dig in Scranton, Pa.", "(AP Photo/Matt Rourke) Rescuers rest."]
        );
        assert_eq!(split("THEY SAID NO. THEN THEY LEFT."), ["THEY SAID NO.", "THEN THEY LEFT."]);
    }

    #[test]
    fn a_bracket_after_an_abbreviation_does_not_end_a_sentence() {
        let s = "Lt. Gen. (ret.) Mark Hertling said the rally was peaceful.";
        assert_eq!(split(s), [s]);
        assert_eq!(split("Adm. (Ret.) Ann Cole agreed."), ["Adm. (Ret.) Ann Cole agreed."]);
        // The abbreviation's own rules still end a sentence before a starter,
        // and a bracket after a word still does.
        assert_eq!(
            split("He retired as a colonel (ret.) The army agreed."),
            ["He retired as a colonel (ret.)", "The army agreed."]
        );
        assert_eq!(split("(He left early.) Then she spoke."), ["(He left early.)", "Then she spoke."]);
    }

    #[test]
    fn a_list_number_stays_with_its_item() {
        assert_eq!(
            split("1. Faster border procedures. Asylum seekers will be screened.\n12. A solidarity pool."),
            ["1. Faster border procedures.", "Asylum seekers will be screened.", "12. A solidarity pool."]
        );
        // A number ending a sentence inside the line still ends it.
        assert_eq!(split("He counted to 3. Then he left."), ["He counted to 3.", "Then he left."]);
        assert_eq!(split("2025. The year began."), ["2025.", "The year began."]);
    }

    #[test]
    fn a_month_in_full_ends_a_sentence() {
        assert_eq!(
            split("The deal was signed in June. Investors welcomed it in May. Critics did not."),
            ["The deal was signed in June.", "Investors welcomed it in May.", "Critics did not."]
        );
        assert_eq!(split("Talks resume on Nov. 19 in Geneva."), ["Talks resume on Nov. 19 in Geneva."]);
    }

    #[test]
    fn ambiguous_abbreviation_before_new_sentence() {
        assert_eq!(
            split("The team flew back to the U.S. The talks ended."),
            ["The team flew back to the U.S.", "The talks ended."]
        );
        assert_eq!(split("It began at 9 a.m. The crowd left."), ["It began at 9 a.m.", "The crowd left."]);
        assert_eq!(split("It began at 9 a.m. Tuesday in Paris."), ["It began at 9 a.m. Tuesday in Paris."]);
        assert_eq!(
            split("The wall collapsed at around 8.45 a.m. Within an hour the wave had come."),
            ["The wall collapsed at around 8.45 a.m.", "Within an hour the wave had come."]
        );
        assert_eq!(split("Polls close at 8 p.m. EST on Tuesday."), ["Polls close at 8 p.m. EST on Tuesday."]);
        assert_eq!(split("Trains ran from 6 a.m. Police said so."), ["Trains ran from 6 a.m.", "Police said so."]);
        assert_eq!(
            split("The team flew back to the U.S. Within days it left."),
            ["The team flew back to the U.S.", "Within days it left."]
        );
    }

    #[test]
    fn lines_are_hard_boundaries() {
        assert_eq!(
            split("Subhead without stop\nBody text here. More.\n\n- bullet one\n- bullet two"),
            ["Subhead without stop", "Body text here.", "More.", "- bullet one", "- bullet two"]
        );
    }

    #[test]
    fn does_not_split_domains_or_decimals() {
        assert_eq!(
            split("Read global.espreso.tv today. Growth was 14.5% in 2024."),
            ["Read global.espreso.tv today.", "Growth was 14.5% in 2024."]
        );
    }

    #[test]
    fn ellipsis_and_lowercase_continuation() {
        assert_eq!(
            split("He waited... and waited. Then... Nothing."),
            ["He waited... and waited.", "Then...", "Nothing."]
        );
    }

    #[test]
    fn dateline_with_agency_stays_together() {
        let s = split("MADRID, March 3. /EFE/.- The king spoke.");
        assert_eq!(s, ["MADRID, March 3. /EFE/.- The king spoke."]);
        let s = split("DUSHANBE, February 16 /CAC/. The toll rose. Rescuers dug.");
        assert_eq!(s, ["DUSHANBE, February 16 /CAC/. The toll rose.", "Rescuers dug."]);
    }

    #[test]
    fn overlong_sentence_is_cut() {
        let text = "word ".repeat(3000);
        let spans = sentences(&text);
        assert!(spans.len() >= 3);
        assert!(spans.iter().all(|s| s.len() <= MAX_SENTENCE_BYTES));
        let text = "x".repeat(10_000);
        assert!(sentences(&text).iter().all(|s| s.len() <= MAX_SENTENCE_BYTES));
    }

    #[test]
    fn spans_cover_all_text_in_order() {
        let text = "  A. B! \n\n C?  \"D.\"E f. ";
        let spans = sentences(text);
        let mut last = 0;
        for s in &spans {
            assert!(s.start >= last && s.end > s.start);
            last = s.end;
        }
        let kept: String = spans.iter().map(|s| s.slice(text)).collect::<String>().split_whitespace().collect();
        let all: String = text.split_whitespace().collect();
        assert_eq!(kept, all);
    }

    #[test]
    fn empty_and_blank_text() {
        assert!(sentences("").is_empty());
        assert!(sentences(" \n \n").is_empty());
    }
}
