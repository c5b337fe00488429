//! A link parallax reads: an `http` or `https` address with a host and
//! no credentials, its fragment dropped (a fragment names a place in a
//! page, not another page).

use std::fmt;

use url::Url;

/// An `http(s)` address, checked: see [`Link::parse`].
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Link(Url);

/// Why a text is not a link parallax reads.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LinkError {
    /// Not a URL at all (the parser's reason).
    Invalid(String),
    /// Another scheme: `file`, `ftp`, `javascript`, ...
    Scheme(String),
    /// A user name or password in the address.
    Credentials,
}

impl fmt::Display for LinkError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LinkError::Invalid(why) => write!(f, "not a valid link ({why})"),
            LinkError::Scheme(scheme) => write!(f, "a {scheme}: link; only http and https links are read"),
            LinkError::Credentials => f.write_str("a link with a user name or password; parallax sends no credentials"),
        }
    }
}

impl std::error::Error for LinkError {}

impl Link {
    /// Whether a command-line argument is meant as a link: a scheme
    /// (`https`, `file`, ...) and `://`. (Checked before it is parsed, so
    /// that `file:///x` is refused by name rather than read as a path.)
    pub fn looks_like_link(text: &str) -> bool {
        let Some((scheme, _)) = text.split_once("://") else { return false };
        let mut chars = scheme.chars();
        chars.next().is_some_and(|c| c.is_ascii_alphabetic())
            && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
    }

    /// Parses and checks an address.
    pub fn parse(text: &str) -> Result<Link, LinkError> {
        let url = Url::parse(text.trim()).map_err(|error| LinkError::Invalid(error.to_string()))?;
        Link::checked(url)
    }

    /// The address `reference` names, read from this page (a redirect's
    /// `Location`, a feed item's link, a page's canonical link), checked.
    pub fn join(&self, reference: &str) -> Result<Link, LinkError> {
        let url = self.0.join(reference.trim()).map_err(|error| LinkError::Invalid(error.to_string()))?;
        Link::checked(url)
    }

    fn checked(mut url: Url) -> Result<Link, LinkError> {
        if !matches!(url.scheme(), "http" | "https") {
            return Err(LinkError::Scheme(url.scheme().to_string()));
        }
        if url.host_str().is_none_or(str::is_empty) {
            return Err(LinkError::Invalid("no host".into()));
        }
        if !url.username().is_empty() || url.password().is_some() {
            return Err(LinkError::Credentials);
        }
        url.set_fragment(None);
        Ok(Link(url))
    }

    /// The address, normalised (as the URL standard writes it: ASCII only,
    /// anything else percent-encoded, so nothing in it acts on a terminal).
    pub fn as_str(&self) -> &str {
        self.0.as_str()
    }

    pub fn is_https(&self) -> bool {
        self.0.scheme() == "https"
    }

    /// The host, as the address gives it (`www.example.org`, `127.0.0.1`).
    pub fn host(&self) -> &str {
        self.0.host_str().unwrap_or_default()
    }

    /// The site's name for a reader: the host without `www.`.
    pub fn site(&self) -> &str {
        let host = self.host();
        host.strip_prefix("www.").unwrap_or(host)
    }

    /// A name for the article read from this link, made of its site, path
    /// and query (`example.org-news-dam-gives-way`): readable, and
    /// different for different pages in practice, so that ids do not
    /// depend on the order links arrive in.
    pub fn slug(&self) -> String {
        let path = percent_encoding::percent_decode_str(self.0.path()).decode_utf8_lossy();
        let query = self.0.query().map(|q| percent_encoding::percent_decode_str(q).decode_utf8_lossy());
        let mut slug = String::new();
        for part in [self.site(), &path, query.as_deref().unwrap_or("")] {
            for c in part.chars() {
                let keep = c.is_alphanumeric() || matches!(c, '.' | '_');
                let next = if keep { c } else { '-' };
                if next != '-' || !slug.ends_with('-') {
                    slug.push(next);
                }
            }
            if !slug.ends_with('-') {
                slug.push('-');
            }
        }
        let slug = slug.trim_matches('-');
        match slug.char_indices().nth(SLUG_CHARS) {
            Some((cut, _)) => slug[..cut].trim_end_matches('-').to_string(),
            None => slug.to_string(),
        }
    }
}

/// An address as it may be shown (on stderr, in the app, in a warning):
/// a password in it masked (`https://user:****@example.org/`), the rest as
/// written. Works on text that is no valid address too, so that an address
/// refused for any reason is never echoed with its password.
pub fn masked(text: &str) -> std::borrow::Cow<'_, str> {
    let Some(scheme_end) = text.find("://").map(|at| at + 3) else { return text.into() };
    let rest = &text[scheme_end..];
    let authority = &rest[..rest.find(['/', '?', '#', '\\']).unwrap_or(rest.len())];
    // The user information ends at the last `@` of the authority.
    let Some(at) = authority.rfind('@') else { return text.into() };
    let Some(colon) = authority[..at].find(':') else { return text.into() };
    let password = scheme_end + colon + 1..scheme_end + at;
    format!("{}****{}", &text[..password.start], &text[password.end..]).into()
}

/// The longest article id made from a link, in characters.
const SLUG_CHARS: usize = 100;

impl fmt::Display for Link {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_http_and_https_without_credentials() {
        let link = Link::parse(" https://www.Example.org/news/dam?id=4#comments ").unwrap();
        assert_eq!(link.as_str(), "https://www.example.org/news/dam?id=4");
        assert_eq!(link.site(), "example.org");
        assert!(matches!(Link::parse("file:///etc/passwd"), Err(LinkError::Scheme(s)) if s == "file"));
        assert!(matches!(Link::parse("ftp://example.org/x"), Err(LinkError::Scheme(_))));
        assert_eq!(Link::parse("https://user:secret@example.org/").unwrap_err(), LinkError::Credentials);
        assert!(matches!(Link::parse("https://"), Err(LinkError::Invalid(_))));
        assert!(matches!(link.join("file:///etc/passwd"), Err(LinkError::Scheme(_))));
        assert_eq!(link.join("/other").unwrap().as_str(), "https://www.example.org/other");
    }

    #[test]
    fn passwords_are_masked_wherever_an_address_is_shown() {
        assert_eq!(masked("https://user:secret@example.org/a"), "https://user:****@example.org/a");
        assert_eq!(masked("http://user:p@ss:w@rd@127.0.0.1:8080/a?b=c@d"), "http://user:****@127.0.0.1:8080/a?b=c@d");
        assert_eq!(masked("https://:secret@example.org"), "https://:****@example.org");
        // Not a valid address, and still masked.
        assert_eq!(masked("https://user:se cret@/"), "https://user:****@/");
        // A user name alone is no secret; no user information, nothing to mask.
        assert_eq!(masked("https://user@example.org/a"), "https://user@example.org/a");
        assert_eq!(masked("https://example.org/a?u=x:y@z"), "https://example.org/a?u=x:y@z");
        assert_eq!(masked("notes/a:b@c.txt"), "notes/a:b@c.txt");
    }

    #[test]
    fn arguments_that_are_meant_as_links() {
        assert!(Link::looks_like_link("https://example.org"));
        assert!(Link::looks_like_link("file:///tmp/a.html"));
        assert!(!Link::looks_like_link("notes/a.txt"));
        assert!(!Link::looks_like_link("a b://c"));
        assert!(!Link::looks_like_link("://c"));
    }

    #[test]
    fn slugs_are_readable_and_keep_pages_apart() {
        let slug = |text: &str| Link::parse(text).unwrap().slug();
        assert_eq!(
            slug("https://www.example.org/news/2025/dam-gives-way.html"),
            "example.org-news-2025-dam-gives-way.html"
        );
        assert_eq!(slug("http://127.0.0.1:8080/"), "127.0.0.1");
        assert_eq!(slug("https://example.org/a?id=1"), "example.org-a-id-1");
        assert_ne!(slug("https://example.org/a?id=1"), slug("https://example.org/a?id=2"));
        assert_eq!(slug("https://ru.example/%D0%BD%D0%BE%D0%B2%D0%BE%D1%81%D1%82%D0%B8"), "ru.example-новости");
        // Escapes in a path are percent-encoded in the link and never become controls in its id.
        assert_eq!(slug("https://example.org/a%1B%5B2Jb"), "example.org-a-2Jb");
        assert!(slug(&format!("https://example.org/{}", "x".repeat(300))).chars().count() <= SLUG_CHARS);
    }
}
