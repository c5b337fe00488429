//! Social-media posts a page embeds, as they read when the page is copied
//! as text: the post's words on one line, then its signature on the next
//! (`— AFP news agency (@AFP) September 19, 2017`) or at the end of the
//! same line; Instagram's `A post shared by Name (@handle) on Sep 19, 2017`.
//! They quote someone else's post, not the story's own reporting, and
//! their signature's date is the post's, not an event's.

use std::sync::LazyLock;

use crate::text::pattern::Pattern;

/// A post's signature ending a line: a dash, the account's name and
/// handle, and the day it was posted.
static SIGNATURE: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(
        r"(?:^|\s)[—–-]\s*[^—–\n]{1,80}\(@\w{1,30}\)\s+(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+\d{1,2},\s+\d{4}\s*$",
    )
    .expect("valid regex")
});

/// Instagram's caption under an embedded post.
static SHARED_BY: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(r"(?i)^a (?:post|photo|video) shared by .{1,80}\(@[\w.]{1,30}\) on ").expect("valid regex")
});

/// An address only a post carries: its picture, its short link, the post
/// itself.
static POST_LINK: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(r"(?i)\bpic\.twitter\.com/\w|\bhttps?://t\.co/\w|\b(?:twitter|x)\.com/\w{1,30}/status/\d|\binstagram\.com/(?:p|reel)/\w")
        .expect("valid regex")
});

/// Whether `line` ends with a post's signature: a line of it alone follows
/// the post's words; with words before it, the line is the whole post.
pub fn is_signature(line: &str) -> bool {
    SIGNATURE.is_match(line) || SHARED_BY.is_match(line)
}

/// Whether the signature is all `line` holds (the post's words are the
/// line above).
pub fn is_signature_alone(line: &str) -> bool {
    SHARED_BY.is_match(line) || SIGNATURE.find_iter(line).next().is_some_and(|found| found.start() == 0)
}

/// Whether `line` links a post (its picture or its address): the words of
/// an embedded post, whose signature may not have been copied.
pub fn links_a_post(line: &str) -> bool {
    POST_LINK.is_match(line)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_post_is_known_by_its_signature_or_its_links() {
        assert!(is_signature_alone("— Harbour Police (@HarbourPolice) September 19, 2017"));
        assert!(is_signature_alone("- Kim Lee (@kimlee_news) March 3, 2024"));
        assert!(is_signature_alone("A post shared by Ana Ruiz (@ana.ruiz) on Sep 19, 2017 at 1:15pm PDT"));
        let whole =
            "The river rose a metre overnight. pic.twitter.com/8LemA9Ju1v — City News (@CityNews) August 25, 2017";
        assert!(is_signature(whole) && !is_signature_alone(whole));
        assert!(links_a_post("Rescue teams at the school https://t.co/h9bXcDb3Zi"));
        assert!(links_a_post("Video: https://x.com/harbourpolice/status/1234567890"));
        // A story's own sentences.
        assert!(!is_signature("The mayor — who spoke on September 19, 2017 — said the port would reopen."));
        assert!(!is_signature("Contact the desk (@desk) for details."));
        assert!(!links_a_post("Follow the latest at example.com/news and on our app."));
    }

    #[test]
    fn an_embedded_post_is_taken_out_of_the_text_and_accounted_for() {
        let text = "Port closed\n2017-09-19\n\nThe harbour closed on Tuesday after the quake.\n\
                    Here is how it looked from the pier.\n\
                    Boats tossed against the quay this afternoon\n\
                    — Harbour Police (@HarbourPolice) September 19, 2017\n\
                    Crews began repairs on Wednesday.\n\
                    Waves over the wall. pic.twitter.com/8LemA9Ju1v — Kim Lee (@kimlee) September 19, 2017\n";
        let article = &crate::fixture::articles(&[text])[0];
        for gone in ["Boats tossed", "Harbour Police", "Waves over", "Kim Lee"] {
            assert!(!article.body.contains(gone), "{gone}: {}", article.body);
        }
        for kept in ["The harbour closed", "Here is how it looked", "Crews began repairs"] {
            assert!(article.body.contains(kept), "{kept}: {}", article.body);
        }
        let posts: Vec<&str> = article
            .removed
            .iter()
            .filter(|r| r.kind == crate::ingest::removed::Removal::EmbeddedPost)
            .map(|r| r.text.as_str())
            .collect();
        assert_eq!(posts.len(), 3, "{posts:?}");
        assert!(posts[0].starts_with("Boats tossed") && posts[1].starts_with("— Harbour Police"), "{posts:?}");
    }
}
