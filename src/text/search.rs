//! Searching text as a reader types it: case-insensitive (full Unicode
//! lowercase), and a space in the query matches any run of whitespace or
//! none, so what a screen shows (`News. The`, drawn apart where the source
//! glued two sentences) finds the text.

/// The first match of `needle` in `hay` at or after byte `from`, as a byte
/// range. An empty or all-blank needle matches nothing.
pub fn find(hay: &str, needle: &str, from: usize) -> Option<(usize, usize)> {
    if needle.trim().is_empty() {
        return None;
    }
    let lower: Vec<char> = needle.chars().flat_map(char::to_lowercase).collect();
    let start = (from..=hay.len()).find(|&i| hay.is_char_boundary(i))?;
    hay[start..].char_indices().map(|(i, _)| start + i).find_map(|i| match_at(hay, i, &lower).map(|end| (i, end)))
}

/// Where the first match at or after `from` starts.
pub fn find_start(hay: &str, needle: &str, from: usize) -> Option<usize> {
    find(hay, needle, from).map(|(start, _)| start)
}

/// Every match in `hay` between bytes `from` and `to` (a match must start
/// before `to`), without overlaps. Only the text up to a little past `to`
/// is looked at, so marking the matches on one screen row costs the row,
/// not the rest of the article.
pub fn find_all(hay: &str, needle: &str, from: usize, to: usize) -> Vec<(usize, usize)> {
    // A match starting before `to` ends within the needle's length (a
    // character of the text lowercases to one or more of the needle's)
    // plus the runs of whitespace a space in the needle stands for.
    let mut limit = to.saturating_add(needle.len().saturating_mul(2)).saturating_add(256).min(hay.len());
    while !hay.is_char_boundary(limit) {
        limit += 1;
    }
    let hay = &hay[..limit];
    let mut out = Vec::new();
    let mut at = from;
    while let Some((start, end)) = find(hay, needle, at) {
        if start >= to {
            break;
        }
        out.push((start, end));
        at = end.max(start + 1);
    }
    out
}

/// Where a match of the lowercased `needle` starting at `start` ends.
fn match_at(hay: &str, start: usize, needle: &[char]) -> Option<usize> {
    let mut chars = hay[start..].char_indices().map(|(k, c)| (start + k, c)).peekable();
    // The lowercase form of the character being compared, reversed.
    let mut pending: Vec<char> = Vec::new();
    let mut end = start;
    let mut at = 0;
    while at < needle.len() {
        if needle[at].is_whitespace() {
            while at < needle.len() && needle[at].is_whitespace() {
                at += 1;
            }
            if !pending.is_empty() {
                return None;
            }
            while let Some(&(offset, c)) = chars.peek() {
                if !c.is_whitespace() {
                    break;
                }
                chars.next();
                end = offset + c.len_utf8();
            }
            continue;
        }
        if pending.is_empty() {
            let (offset, c) = chars.next()?;
            end = offset + c.len_utf8();
            pending = c.to_lowercase().collect();
            pending.reverse();
        }
        if pending.pop() != Some(needle[at]) {
            return None;
        }
        at += 1;
    }
    // A match never starts or ends with whitespace it only skipped.
    (end > start && !hay[start..].starts_with(char::is_whitespace)).then_some(end)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_case_insensitively() {
        assert_eq!(find_start("Hello Kyiv", "kyiv", 0), Some(6));
        assert_eq!(find_start("Erdoğan", "ERDOĞAN", 0), Some(0));
        assert_eq!(find_start("abc", "x", 0), None);
        assert_eq!(find_start("aé b", "b", 2), Some(4));
        // A space in the search matches a glued sentence start, or a run.
        assert_eq!(find("told NBC News.The plan", "news. the", 0), Some((9, 17)));
        assert_eq!(find("told NBC News.  The plan", "News. The", 0), Some((9, 19)));
        assert_eq!(find("a b", " ", 0), None);
        assert_eq!(find("İstanbul", "i̇stanbul", 0), Some((0, "İstanbul".len())));
    }

    #[test]
    fn finds_every_match_in_a_range() {
        assert_eq!(find_all("a b a b a", "a", 0, 9), [(0, 1), (4, 5), (8, 9)]);
        assert_eq!(find_all("a b a b a", "a", 1, 8), [(4, 5)]);
        assert_eq!(find_all("aaa", "aa", 0, 3), [(0, 2)]);
    }
}
