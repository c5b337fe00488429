//! Bytes to text: UTF-8 (with or without BOM), UTF-16 with a BOM or with the
//! tell-tale zero bytes of ASCII text, the encoding a web page declares
//! when its bytes are not UTF-8, Windows-1252 where the bytes are clearly
//! that, and lossy UTF-8 otherwise. Binary files are refused.

use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, WINDOWS_1252};

/// Text decoded from a file, with a note when the decoding was not plain UTF-8.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    pub note: Option<String>,
}

/// Why a file is not text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotText(pub String);

/// Decodes `bytes` as text, or says why it is not text.
pub fn decode(bytes: &[u8]) -> Result<Decoded, NotText> {
    decode_declared(bytes, None)
}

/// Decodes `bytes` as text, taking `declared` (what a web page says it is
/// written in) when the bytes are not UTF-8; a byte order mark wins over
/// it, as in a browser.
pub fn decode_declared(bytes: &[u8], declared: Option<&'static Encoding>) -> Result<Decoded, NotText> {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return decode_utf8(rest, None);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        return Ok(utf16(rest, true, "UTF-16 (byte order mark)"));
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        return Ok(utf16(rest, false, "UTF-16 (byte order mark)"));
    }
    if let Some(le) = looks_like_utf16(bytes) {
        return Ok(utf16(bytes, le, "UTF-16 without a byte order mark"));
    }
    if is_binary(bytes) {
        return Err(NotText("binary data (NUL bytes or mostly control characters), not text".into()));
    }
    decode_utf8(bytes, declared)
}

fn utf16(bytes: &[u8], little_endian: bool, what: &str) -> Decoded {
    let enc = if little_endian { UTF_16LE } else { UTF_16BE };
    let (text, had_errors) = enc.decode_without_bom_handling(bytes);
    let mut note = format!("decoded as {what}");
    if had_errors {
        note.push_str("; invalid sequences replaced with U+FFFD");
    }
    Decoded { text: text.into_owned(), note: Some(note) }
}

fn decode_utf8(bytes: &[u8], declared: Option<&'static Encoding>) -> Result<Decoded, NotText> {
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(Decoded { text: s.to_string(), note: None }),
        Err(_) if declared.is_some_and(|e| e != encoding_rs::UTF_8) => {
            let encoding = declared.unwrap_or(WINDOWS_1252);
            let (text, had_errors) = encoding.decode_without_bom_handling(bytes);
            let mut note = format!("not valid UTF-8; decoded as {}, as the page declares", encoding.name());
            if had_errors {
                let bad = text.matches('\u{FFFD}').count();
                note.push_str(&format!("; {bad} invalid byte sequence(s) replaced with U+FFFD"));
            }
            Ok(Decoded { text: text.into_owned(), note: Some(note) })
        }
        Err(_) if looks_like_windows_1252(bytes) => {
            let (text, _) = WINDOWS_1252.decode_without_bom_handling(bytes);
            Ok(Decoded { text: text.into_owned(), note: Some("not valid UTF-8; decoded as Windows-1252".into()) })
        }
        Err(_) => {
            let text = String::from_utf8_lossy(bytes);
            let bad = text.matches('\u{FFFD}').count();
            Ok(Decoded {
                text: text.into_owned(),
                note: Some(format!("not valid UTF-8; {bad} invalid byte sequence(s) replaced with U+FFFD")),
            })
        }
    }
}

/// Invalid UTF-8 whose high bytes never form a valid UTF-8 sequence: a
/// single-byte encoding. Windows-1252 is a superset of Latin-1 for text, so
/// it is the safe reading.
fn looks_like_windows_1252(bytes: &[u8]) -> bool {
    let mut valid_multibyte = 0usize;
    let mut invalid = 0usize;
    let mut rest = bytes;
    while !rest.is_empty() {
        match std::str::from_utf8(rest) {
            Ok(s) => {
                valid_multibyte += s.chars().filter(|c| !c.is_ascii()).count();
                break;
            }
            Err(e) => {
                let (good, bad) = rest.split_at(e.valid_up_to());
                valid_multibyte += std::str::from_utf8(good).map_or(0, |s| s.chars().filter(|c| !c.is_ascii()).count());
                invalid += 1;
                let skip = e.error_len().unwrap_or(bad.len()).max(1);
                rest = &bad[skip.min(bad.len())..];
            }
        }
    }
    invalid > 0 && valid_multibyte == 0
}

/// ASCII text in UTF-16 has a zero in every other byte.
fn looks_like_utf16(bytes: &[u8]) -> Option<bool> {
    let sample = &bytes[..bytes.len().min(4096) & !1];
    if sample.len() < 8 {
        return None;
    }
    let pairs = sample.len() / 2;
    let even_zero = sample.iter().step_by(2).filter(|&&b| b == 0).count();
    let odd_zero = sample.iter().skip(1).step_by(2).filter(|&&b| b == 0).count();
    if odd_zero * 10 >= pairs * 7 && even_zero * 10 <= pairs {
        Some(true)
    } else if even_zero * 10 >= pairs * 7 && odd_zero * 10 <= pairs {
        Some(false)
    } else {
        None
    }
}

/// NUL bytes, or a sample where control bytes outnumber what text allows.
fn is_binary(bytes: &[u8]) -> bool {
    let sample = &bytes[..bytes.len().min(8192)];
    if sample.contains(&0) {
        return true;
    }
    let controls = sample.iter().filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c | 0x1b)).count();
    controls * 10 > sample.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_and_bom_utf8() {
        assert_eq!(decode("Kyiv – ok".as_bytes()).unwrap(), Decoded { text: "Kyiv – ok".into(), note: None });
        assert_eq!(decode(b"\xEF\xBB\xBFhello").unwrap().text, "hello");
    }

    #[test]
    fn windows_1252_when_clearly_so() {
        let d = decode(b"\x93Quoted\x94 caf\xe9 \x96 dash").unwrap();
        assert_eq!(d.text, "“Quoted” café – dash");
        assert!(d.note.unwrap().contains("Windows-1252"));
    }

    #[test]
    fn mixed_invalid_utf8_is_lossy() {
        let d =
            decode("café ".as_bytes().iter().chain(b"\xff\xfe x").copied().collect::<Vec<u8>>().as_slice()).unwrap();
        assert!(d.text.starts_with("café"));
        assert!(d.text.contains('\u{FFFD}'));
        assert!(d.note.unwrap().contains("U+FFFD"));
    }

    #[test]
    fn utf16_with_and_without_bom() {
        let mut le = vec![0xFF, 0xFE];
        le.extend("Hello world".encode_utf16().flat_map(|u| u.to_le_bytes()));
        assert_eq!(decode(&le).unwrap().text, "Hello world");
        let be: Vec<u8> = "Hello world, again".encode_utf16().flat_map(|u| u.to_be_bytes()).collect();
        assert_eq!(decode(&be).unwrap().text, "Hello world, again");
    }

    #[test]
    fn a_declared_encoding_is_taken_when_the_bytes_are_not_utf8() {
        // "Москва" in Windows-1251, and "東京" in Shift_JIS.
        let cyrillic = b"\xcc\xee\xf1\xea\xe2\xe0";
        let d = decode_declared(cyrillic, Encoding::for_label(b"windows-1251")).unwrap();
        assert_eq!(d.text, "Москва");
        assert_eq!(d.note.as_deref(), Some("not valid UTF-8; decoded as windows-1251, as the page declares"));
        let d = decode_declared(b"\x93\x8c\x8b\x9e", Encoding::for_label(b"shift_jis")).unwrap();
        assert_eq!(d.text, "東京");
        assert!(d.note.unwrap().contains("Shift_JIS"));
        // Valid UTF-8 stays UTF-8 whatever the page says.
        assert_eq!(decode_declared("Москва".as_bytes(), Encoding::for_label(b"windows-1251")).unwrap().note, None);
    }

    #[test]
    fn binary_is_refused() {
        assert!(decode(b"\x7fELF\x02\x01\x01\x00\x00\x00\x00").is_err());
        assert!(decode(&[1u8, 2, 3, 4, 5, 6, 7, 8, 65, 66]).is_err());
        assert!(decode(b"").is_ok());
    }
}
