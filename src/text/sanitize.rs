//! Strips everything from untrusted text that a terminal would interpret.
//!
//! Terminals act on whole escape sequences; dropping only the ESC byte (as a
//! renderer does) leaves the rest of a sequence visible (`]0;title`), so the
//! sequences are removed whole here, once, at ingest. Nothing read from an
//! input file reaches the TUI or the export without passing through
//! [`sanitize`].

/// What [`sanitize`] removed, for the article's warnings.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Removed {
    /// Escape sequences (CSI, OSC, DCS, APC, PM, SOS, two-byte ESC, 8-bit C1 forms).
    pub sequences: usize,
    /// Lone control characters (C0, DEL, C1) and bidi/zero-width format characters.
    pub controls: usize,
}

impl Removed {
    pub fn any(&self) -> bool {
        self.sequences + self.controls > 0
    }
}

const ESC: char = '\u{1b}';
const BEL: char = '\u{07}';
/// 8-bit String Terminator.
const ST8: char = '\u{9c}';

/// Returns `input` without terminal escape sequences and control characters.
///
/// Line breaks are normalised to `\n`, tabs and exotic spaces become plain
/// spaces, and text direction overrides and invisible characters are
/// dropped. Printable text, including wide and combining characters, is kept.
pub fn sanitize(input: &str) -> (String, Removed) {
    let mut out = String::with_capacity(input.len());
    let mut removed = Removed::default();
    let mut chars = input.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            ESC => {
                removed.sequences += 1;
                match chars.peek().copied() {
                    Some('[') => {
                        chars.next();
                        skip_csi(&mut chars);
                    }
                    Some(']' | 'P' | '_' | '^' | 'X') => {
                        chars.next();
                        skip_string(&mut chars);
                    }
                    // Charset designation and similar: ESC, intermediates, final.
                    Some(i) if ('\u{20}'..='\u{2f}').contains(&i) => {
                        while let Some(&n) = chars.peek() {
                            chars.next();
                            if !('\u{20}'..='\u{2f}').contains(&n) {
                                break;
                            }
                        }
                    }
                    // Two-byte sequences (ESC c, ESC 7, ESC =, ...).
                    Some(f) if ('\u{30}'..='\u{7e}').contains(&f) => {
                        chars.next();
                    }
                    _ => {}
                }
            }
            '\u{9b}' => {
                removed.sequences += 1;
                skip_csi(&mut chars);
            }
            '\u{9d}' | '\u{90}' | '\u{9e}' | '\u{9f}' | '\u{98}' => {
                removed.sequences += 1;
                skip_string(&mut chars);
            }
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push('\n');
            }
            '\n' => out.push('\n'),
            '\u{2028}' | '\u{2029}' => out.push('\n'),
            '\t' | '\u{0b}' | '\u{0c}' => out.push(' '),
            '\u{a0}' | '\u{2000}'..='\u{200a}' | '\u{202f}' | '\u{205f}' | '\u{3000}' => out.push(' '),
            // Invisible format characters that can reorder or hide text.
            '\u{200b}'
            | '\u{200e}'
            | '\u{200f}'
            | '\u{202a}'..='\u{202e}'
            | '\u{2060}'
            | '\u{2066}'..='\u{2069}'
            | '\u{feff}'
            | '\u{ad}' => removed.controls += 1,
            c if c.is_control() => removed.controls += 1,
            c => out.push(c),
        }
    }
    (out, removed)
}

/// Skips a control sequence after its introducer: parameter and intermediate
/// bytes up to and including the final byte. Stops early (without consuming)
/// at anything that cannot belong to a sequence, such as a line break.
fn skip_csi(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) {
    while let Some(&c) = chars.peek() {
        match c {
            '\u{30}'..='\u{3f}' | '\u{20}'..='\u{2f}' => {
                chars.next();
            }
            '\u{40}'..='\u{7e}' => {
                chars.next();
                return;
            }
            _ => return,
        }
    }
}

/// Skips a string sequence (OSC, DCS, APC, PM, SOS) up to its terminator:
/// BEL, ESC \ or 8-bit ST. An unterminated string ends at the line break, so
/// a stray introducer cannot swallow the rest of an article.
fn skip_string(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) {
    while let Some(&c) = chars.peek() {
        match c {
            BEL | ST8 => {
                chars.next();
                return;
            }
            ESC => {
                chars.next();
                if chars.peek() == Some(&'\\') {
                    chars.next();
                }
                return;
            }
            '\n' | '\r' => return,
            _ => {
                chars.next();
            }
        }
    }
}

/// Untrusted text for one line of output: a file name, a path, an id, a
/// config value, or a message quoting one. Every character a terminal would
/// act on (C0 and C1 controls, DEL, line breaks, text direction overrides
/// and invisible format characters) is shown as an escape (`\u{1b}`), so
/// the name stays recognisable and can retitle, clear, reorder or break
/// nothing. Everything else is kept as it is.
///
/// Article text is cleaned once at ingest by [`sanitize`]; names are made
/// visible wherever they are written (a warning's `Display`, an input
/// error, Markdown), so the exact name stays in the data (JSON escapes it).
pub fn visible(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.chars().any(needs_escape) {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if needs_escape(c) {
            out.extend(c.escape_unicode());
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}

/// A character [`visible`] shows as an escape: one a terminal would act
/// on, a line break, or an invisible format character.
pub fn needs_escape(c: char) -> bool {
    c.is_control() || is_format(c) || matches!(c, '\u{2028}' | '\u{2029}')
}

/// Text direction overrides, marks and isolates, and characters that are
/// invisible on their own; the zero-width joiner is left alone (emoji
/// sequences need it).
fn is_format(c: char) -> bool {
    matches!(
        c,
        '\u{200b}'
            | '\u{200e}'
            | '\u{200f}'
            | '\u{202a}'..='\u{202e}'
            | '\u{2060}'
            | '\u{2066}'..='\u{2069}'
            | '\u{061c}'
            | '\u{feff}'
            | '\u{ad}'
    )
}

/// True when `s` holds nothing a terminal would act on: the invariant every
/// string shown or exported must meet.
pub fn is_clean(s: &str) -> bool {
    s.chars().all(|c| {
        (c == '\n' || !c.is_control())
            && !matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}')
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn clean(s: &str) -> String {
        sanitize(s).0
    }

    #[test]
    fn strips_csi_colour_and_cursor_sequences() {
        assert_eq!(clean("a\u{1b}[31mred\u{1b}[0m b"), "ared b");
        assert_eq!(clean("x\u{1b}[2J\u{1b}[1;1Hy"), "xy");
        assert_eq!(clean("8-bit \u{9b}31mcsi"), "8-bit csi");
    }

    #[test]
    fn strips_osc_with_either_terminator() {
        assert_eq!(clean("t\u{1b}]0;evil title\u{07}ok"), "tok");
        assert_eq!(clean("t\u{1b}]8;;http://x\u{1b}\\link\u{1b}]8;;\u{1b}\\"), "tlink");
        assert_eq!(clean("c1 \u{9d}0;title\u{9c}done"), "c1 done");
    }

    #[test]
    fn unterminated_string_stops_at_line_end() {
        assert_eq!(clean("a\u{1b}]0;never ends\nnext line"), "a\nnext line");
    }

    #[test]
    fn strips_dcs_apc_pm_and_two_byte_sequences() {
        assert_eq!(clean("a\u{1b}P1$r\u{1b}\\b\u{1b}_apc\u{1b}\\c\u{1b}^pm\u{07}d"), "abcd");
        assert_eq!(clean("a\u{1b}cb\u{1b}7c\u{1b}(Bd"), "abcd");
    }

    #[test]
    fn drops_controls_and_bidi_overrides() {
        let (s, r) = sanitize("a\u{0}b\u{7f}c\u{85}d\u{202e}e\u{2066}f\u{200b}g");
        assert_eq!(s, "abcdefg");
        assert_eq!(r.controls, 6);
        assert!(is_clean(&s));
    }

    #[test]
    fn normalises_whitespace() {
        assert_eq!(clean("a\r\nb\rc\td\u{a0}e"), "a\nb\nc d e");
    }

    #[test]
    fn keeps_wide_and_combining_text() {
        let s = "Erdoğan 東京 e\u{301} — “quoted”";
        assert_eq!(clean(s), s);
    }

    #[test]
    fn visible_escapes_what_a_terminal_would_act_on() {
        let name = "\u{1b}]0;HACKED\u{7}\u{1b}[2J\u{9b}1m\nnext\u{202e}txt.\u{200b}md";
        let shown = visible(name);
        assert_eq!(shown, "\\u{1b}]0;HACKED\\u{7}\\u{1b}[2J\\u{9b}1m\\u{a}next\\u{202e}txt.\\u{200b}md");
        assert!(is_clean(&shown) && !shown.contains('\n'));
        // Ordinary names are borrowed as they are, wide text and emoji too.
        for plain in ["seeds/a.txt", "Erdoğan 東京 e\u{301}.md", "👩\u{200d}👩\u{200d}👧.txt"] {
            assert!(matches!(visible(plain), std::borrow::Cow::Borrowed(s) if s == plain));
        }
    }

    #[test]
    fn lone_esc_at_end_is_dropped() {
        assert_eq!(clean("end\u{1b}"), "end");
        assert_eq!(clean("end\u{1b}["), "end");
    }
}
