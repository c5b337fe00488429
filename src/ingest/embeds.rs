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
        r"(?:^|\s)[—–-]\s*[^—–\n]{1,80}\(@(?-u:\w){1,30}\)\s+(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+\d{1,2},\s+\d{4}\s*$",
    )
    .expect("valid regex")
});

/// Instagram's caption under an embedded post.
static SHARED_BY: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(r"(?i)^a (?:post|photo|video) shared by .{1,80}\(@(?-u:[\w.]){1,30}\) on ").expect("valid regex")
});

/// An address only a post carries: its picture, its short link, the post
/// itself.
static POST_LINK: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(r"(?i-u)\bpic\.twitter\.com/\w|\bhttps?://t\.co/\w|\b(?:twitter|x)\.com/\w{1,30}/status/\d|\binstagram\.com/(?:p|reel)/\w")
        .expect("valid regex")
});

/// A post's address whole, to its end.
static POST_ADDRESS: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(r"(?i-u)(?:https?://)?(?:www\.)?(?:pic\.twitter\.com/\w+|t\.co/\w+|(?:twitter|x)\.com/\w{1,30}/status/\d+(?u:[^\s])*|instagram\.com/(?:p|reel)/[\w-]+/?)")
        .expect("valid regex")
});

/// The longest a post's words can be (a tweet's 280 characters): a line
/// longer than that without its links is the story's prose.
const POST_LENGTH: usize = 280;

/// A line of the story's prose that links a post (`... as the video
/// shows https://t.co/abc, and ...`): the line with the posts' addresses
/// cut out, and the addresses; `None` when the line is short enough to be
/// the post's words itself.
pub fn prose_around_post_links(line: &str) -> Option<(String, Vec<&str>)> {
    let links: Vec<&str> = POST_ADDRESS.find_iter(line).map(|found| found.as_str()).collect();
    let mut prose = line.to_string();
    for link in &links {
        prose = prose.replacen(link, "", 1);
    }
    // The space a link stood in goes with it before a comma or a stop.
    let prose = prose.split_whitespace().collect::<Vec<_>>().join(" ").replace(" ,", ",").replace(" .", ".");
    (!links.is_empty() && prose.chars().count() > POST_LENGTH).then_some((prose, links))
}

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

    /// The lines listed as removed embedded posts.
    fn embedded_posts(article: &crate::ingest::Article) -> Vec<&str> {
        let posts = article.removed.iter().filter(|r| r.kind == crate::ingest::removed::Removal::EmbeddedPost);
        posts.map(|r| r.text.as_str()).collect()
    }

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
    fn prose_longer_than_a_post_loses_only_the_posts_link() {
        let prose = "The harbour master said the waves had broken over the outer wall twice before noon, as a video from the pier showed https://t.co/h9bXcDb3Zi, and that the ferries would stay in port until the swell dropped, which forecasters did not expect before Thursday evening at the earliest, when the wind was due to turn.";
        let text = format!("Port closed\n2017-09-19\n\nThe harbour closed on Tuesday after the quake.\n{prose}\n");
        let article = &crate::fixture::articles(&[text.as_str()])[0];
        assert!(
            article.body.contains("as a video from the pier showed, and that the ferries"),
            "{}\n{:?}",
            article.body,
            article.removed
        );
        assert!(!article.body.contains("t.co"));
        let posts = embedded_posts(article);
        assert_eq!(posts, ["https://t.co/h9bXcDb3Zi"]);
        // A line as short as a post is the post, whole.
        assert_eq!(prose_around_post_links("Waves over the wall at noon https://t.co/h9bXcDb3Zi"), None);
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
        let posts = embedded_posts(article);
        assert_eq!(posts.len(), 3, "{posts:?}");
        assert!(posts[0].starts_with("Boats tossed") && posts[1].starts_with("— Harbour Police"), "{posts:?}");
    }
}
