//! Fetching one link: through the cache, over HTTP(S) with `ureq`
//! (rustls, no OpenSSL, no async runtime), redirects followed here, one
//! at a time, so that each is checked: at most [`MAX_REDIRECTS`], http(s)
//! only, no loops, no credentials.

use std::io::Read;
use std::sync::Mutex;
use std::time::{Duration, Instant, SystemTime};

use ureq::http::{Response, StatusCode};

use super::cache::{Cache, Entry, Header};
use super::{Failure, Link, Settings};

/// Redirects followed before a link is given up.
pub const MAX_REDIRECTS: usize = 5;

/// Who is asking: parallax and its version.
pub const USER_AGENT: &str = concat!("parallax/", env!("CARGO_PKG_VERSION"));

/// What is asked for: pages and feeds, anything else last.
const ACCEPT: &str = "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml;q=0.9,\
                      application/xml;q=0.8,text/plain;q=0.7,*/*;q=0.5";

/// Connecting (DNS, TCP, TLS) gets at most this much of the timeout.
const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);

/// The longest a page counts as fresh without asking its server again,
/// whatever its `max-age` says.
const MAX_FRESH: u64 = 24 * 3600;

/// How a page was got.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Origin {
    /// Downloaded now.
    Network,
    /// The server said the cached copy is current (`304 Not Modified`).
    Revalidated,
    /// From the cache without asking: still fresh, or `--offline`.
    Cache,
    /// From the cache because the link could not be fetched now (why).
    Stale(String),
}

/// A page or feed as fetched (or found in the cache).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Page {
    /// The link as asked for.
    pub link: Link,
    /// Where it was found, after redirects.
    pub url: Link,
    /// The media type the server gave (`text/html`), lower case.
    pub media_type: Option<String>,
    /// The charset the server gave, if any.
    pub charset: Option<String>,
    pub body: Vec<u8>,
    /// Set when the body was cut at the size cap: its full size when the
    /// server said, else one byte over the cap.
    pub truncated_from: Option<u64>,
    /// When the body was fetched (seconds since 1970).
    pub fetched_at: u64,
    pub origin: Origin,
}

/// Fetches links, through a cache when there is one. Shared by the
/// threads that fetch (the agent pools connections).
pub struct Fetcher {
    agent: ureq::Agent,
    settings: Settings,
    cache: Option<Cache>,
    /// The first problem writing the cache (told once).
    cache_problem: Mutex<Option<String>>,
}

/// What one download gave.
enum Download {
    Body(Box<Page>, Freshness),
    NotModified(Freshness),
}

/// What the server said about keeping a page.
#[derive(Clone, Debug, Default)]
struct Freshness {
    etag: Option<String>,
    last_modified: Option<String>,
    max_age: u64,
}

impl Fetcher {
    pub fn new(settings: Settings) -> Fetcher {
        let agent = ureq::Agent::config_builder()
            .max_redirects(0)
            .http_status_as_error(false)
            .user_agent(USER_AGENT)
            .accept(ACCEPT)
            .timeout_connect(Some(settings.timeout.min(CONNECT_TIMEOUT)))
            .build()
            .new_agent();
        let cache = settings.cache_dir.as_ref().map(|dir| Cache::at(dir, settings.cache_cap));
        Fetcher { agent, settings, cache, cache_problem: Mutex::new(None) }
    }

    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    pub fn cache(&self) -> Option<&Cache> {
        self.cache.as_ref()
    }

    /// The first problem met writing the cache, if any.
    pub fn cache_problem(&self) -> Option<String> {
        self.cache_problem.lock().ok().and_then(|problem| problem.clone())
    }

    /// A link's page: from the cache when it is fresh (or `--offline`),
    /// revalidated when the server gave a validator, downloaded otherwise;
    /// the cached copy when the network fails.
    pub fn fetch(&self, link: &Link) -> Result<Page, Failure> {
        let cached = self.cache.as_ref().and_then(|cache| cache.get(link));
        if self.settings.offline {
            return cached.map(|entry| page_of(link, entry, Origin::Cache)).ok_or(Failure::NotCached);
        }
        let now = unix_now();
        if let Some(entry) = cached.as_ref().filter(|entry| entry.is_fresh(now)) {
            return Ok(page_of(link, entry.clone(), Origin::Cache));
        }
        match self.download(link, cached.as_ref()) {
            Ok(Download::Body(page, freshness)) => {
                self.store(&page, &freshness, now);
                Ok(*page)
            }
            Ok(Download::NotModified(freshness)) => match cached {
                Some(mut entry) => {
                    entry.header.checked_at = now;
                    entry.header.max_age = freshness.max_age;
                    self.remember(self.cache.as_ref().map(|cache| cache.put(&entry)));
                    Ok(page_of(link, entry, Origin::Revalidated))
                }
                // Asked without validators, a server has no reason to say this.
                None => Err(Failure::Other("the server said 304 Not Modified to a plain request".into())),
            },
            Err(failure) if failure.is_transient() && cached.is_some() => {
                let entry = cached.expect("checked above");
                Ok(page_of(link, entry, Origin::Stale(failure.to_string())))
            }
            Err(failure) => Err(failure),
        }
    }

    fn store(&self, page: &Page, freshness: &Freshness, now: u64) {
        let Some(cache) = &self.cache else { return };
        let header = Header {
            link: page.link.as_str().to_string(),
            url: page.url.as_str().to_string(),
            media_type: page.media_type.clone(),
            charset: page.charset.clone(),
            etag: freshness.etag.clone(),
            last_modified: freshness.last_modified.clone(),
            fetched_at: now,
            checked_at: now,
            max_age: freshness.max_age,
            truncated_from: page.truncated_from,
            length: page.body.len() as u64,
        };
        self.remember(Some(cache.put(&Entry { header, body: page.body.clone() })));
    }

    fn remember(&self, written: Option<std::io::Result<()>>) {
        if let (Some(Err(error)), Ok(mut problem)) = (written, self.cache_problem.lock()) {
            problem.get_or_insert_with(|| format!("pages could not be kept in the cache: {error}"));
        }
    }

    /// Gets a link over the network, following redirects one by one.
    fn download(&self, link: &Link, cached: Option<&Entry>) -> Result<Download, Failure> {
        let deadline = Instant::now() + self.settings.timeout;
        let mut url = link.clone();
        let mut visited: Vec<Link> = Vec::new();
        loop {
            // Validators go only to the address they came from.
            let validators = cached.filter(|entry| entry.header.url == url.as_str());
            let response = self.request(&url, validators, deadline)?;
            let status = response.status();
            if status.is_redirection() && status != StatusCode::NOT_MODIFIED {
                let next = redirect_target(&url, &response)?;
                if next == url || visited.contains(&next) {
                    return Err(Failure::RedirectLoop(next.to_string()));
                }
                if visited.len() == MAX_REDIRECTS {
                    return Err(Failure::TooManyRedirects);
                }
                visited.push(std::mem::replace(&mut url, next));
                continue;
            }
            let freshness = freshness_of(&response);
            if status == StatusCode::NOT_MODIFIED {
                return Ok(Download::NotModified(freshness));
            }
            if !status.is_success() {
                return Err(Failure::Status(status.as_u16()));
            }
            let page = self.read_body(link, url, response)?;
            return Ok(Download::Body(Box::new(page), freshness));
        }
    }

    /// One GET, with what is left of the link's time.
    fn request(
        &self,
        url: &Link,
        validators: Option<&Entry>,
        deadline: Instant,
    ) -> Result<Response<ureq::Body>, Failure> {
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return Err(Failure::Timeout(self.settings.timeout));
        }
        let mut request = self.agent.get(url.as_str());
        if let Some(entry) = validators {
            if let Some(etag) = &entry.header.etag {
                request = request.header("If-None-Match", etag);
            }
            if let Some(modified) = &entry.header.last_modified {
                request = request.header("If-Modified-Since", modified);
            }
        }
        request.config().timeout_global(Some(left)).build().call().map_err(|error| self.failure_of(error, url))
    }

    /// The body, up to the size cap.
    fn read_body(&self, link: &Link, url: Link, mut response: Response<ureq::Body>) -> Result<Page, Failure> {
        let cap = self.settings.max_bytes as u64;
        let body = response.body_mut();
        let media_type = body.mime_type().map(str::to_ascii_lowercase);
        let charset = body.charset().map(str::to_string);
        let declared = body.content_length();
        let mut bytes = Vec::new();
        body.as_reader().take(cap + 1).read_to_end(&mut bytes).map_err(|error| self.read_failure(&error))?;
        let mut truncated_from = None;
        if bytes.len() as u64 > cap {
            bytes.truncate(self.settings.max_bytes);
            truncated_from = Some(declared.filter(|&size| size > cap).unwrap_or(cap + 1));
        }
        let page = Page {
            link: link.clone(),
            url,
            media_type,
            charset,
            body: bytes,
            truncated_from,
            fetched_at: unix_now(),
            origin: Origin::Network,
        };
        Ok(page)
    }

    fn failure_of(&self, error: ureq::Error, url: &Link) -> Failure {
        match error {
            ureq::Error::Timeout(_) => Failure::Timeout(self.settings.timeout),
            ureq::Error::HostNotFound => Failure::HostNotFound(url.host().to_string()),
            ureq::Error::ConnectionFailed => Failure::Connection("could not connect".into()),
            ureq::Error::Tls(why) => Failure::Tls(why.to_string()),
            ureq::Error::Rustls(why) => Failure::Tls(why.to_string()),
            ureq::Error::Io(error) => self.io_failure(&error, url),
            other => Failure::Other(other.to_string()),
        }
    }

    /// An I/O error while connecting: a TLS handshake's failure arrives as
    /// invalid data on an https link.
    fn io_failure(&self, error: &std::io::Error, url: &Link) -> Failure {
        use std::io::ErrorKind;
        match error.kind() {
            ErrorKind::TimedOut | ErrorKind::WouldBlock => Failure::Timeout(self.settings.timeout),
            ErrorKind::InvalidData if url.is_https() => Failure::Tls(inner_message(error)),
            ErrorKind::ConnectionRefused => Failure::Connection("connection refused".into()),
            _ => Failure::Connection(inner_message(error)),
        }
    }

    fn read_failure(&self, error: &std::io::Error) -> Failure {
        match error.kind() {
            std::io::ErrorKind::TimedOut | std::io::ErrorKind::WouldBlock => Failure::Timeout(self.settings.timeout),
            _ => Failure::Broken(inner_message(error)),
        }
    }
}

/// An I/O error's own message, not its wrappers'.
fn inner_message(error: &std::io::Error) -> String {
    error.get_ref().map_or_else(|| error.to_string(), |inner| inner.to_string())
}

/// Where a redirect points, checked like any link given.
fn redirect_target(from: &Link, response: &Response<ureq::Body>) -> Result<Link, Failure> {
    let location = response
        .headers()
        .get("location")
        .and_then(|value| value.to_str().ok())
        .ok_or_else(|| Failure::Other(format!("{} without a Location to go to", response.status())))?;
    from.join(location).map_err(|why| Failure::BadRedirect(super::link::masked(location).into_owned(), why.to_string()))
}

fn freshness_of(response: &Response<ureq::Body>) -> Freshness {
    let header = |name: &str| response.headers().get(name).and_then(|v| v.to_str().ok()).map(str::to_string);
    let max_age = header("cache-control").map_or(0, |control| max_age(&control)).min(MAX_FRESH);
    Freshness { etag: header("etag"), last_modified: header("last-modified"), max_age }
}

/// `max-age` from a `Cache-Control` value; 0 for `no-cache`, `no-store`
/// or none.
fn max_age(control: &str) -> u64 {
    let directives: Vec<String> = control.split(',').map(|d| d.trim().to_ascii_lowercase()).collect();
    if directives.iter().any(|d| d == "no-cache" || d == "no-store") {
        return 0;
    }
    directives.iter().find_map(|d| d.strip_prefix("max-age=")?.trim_matches('"').parse().ok()).unwrap_or(0)
}

fn page_of(link: &Link, entry: Entry, origin: Origin) -> Page {
    let header = entry.header;
    Page {
        link: link.clone(),
        url: Link::parse(&header.url).unwrap_or_else(|_| link.clone()),
        media_type: header.media_type,
        charset: header.charset,
        body: entry.body,
        truncated_from: header.truncated_from,
        fetched_at: header.fetched_at,
        origin,
    }
}

/// Seconds since 1970.
pub fn unix_now() -> u64 {
    SystemTime::now().duration_since(SystemTime::UNIX_EPOCH).map_or(0, |d| d.as_secs())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn max_age_is_read_and_no_cache_means_none() {
        assert_eq!(max_age("public, max-age=300"), 300);
        assert_eq!(max_age("max-age=\"60\""), 60);
        assert_eq!(max_age("no-cache, max-age=300"), 0);
        assert_eq!(max_age("private"), 0);
    }

    #[test]
    fn the_user_agent_names_parallax_and_its_version() {
        assert_eq!(USER_AGENT, format!("parallax/{}", env!("CARGO_PKG_VERSION")));
    }
}
