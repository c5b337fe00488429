//! Links: web pages and feeds read over HTTP(S), through a cache. This is
//! the one part of the library that uses the network, and only for the
//! links a user gives and the items of the feeds among them.
//!
//! A [`Link`] is checked before anything is sent (http or https, no
//! credentials); a [`Fetcher`] gets each through the [`cache`] (fresh
//! copies as they are, others revalidated with `ETag`/`Last-Modified`,
//! everything from the cache with `--offline`), follows redirects one by
//! one, stops at the size cap and the timeout, and says what went wrong
//! as a [`Failure`]. [`Fetcher::fetch_all`] fetches a few links at a
//! time on threads of its own. [`feed`] reads RSS and Atom feeds as lists
//! of links. No cookies are kept and no credentials are sent.

pub mod cache;
mod client;
pub mod feed;
mod link;

use std::fmt;
use std::path::PathBuf;
use std::sync::{Mutex, mpsc};
use std::time::{Duration, Instant};

pub use client::{Fetcher, MAX_REDIRECTS, Origin, Page, USER_AGENT, unix_now};
pub use link::{Link, LinkError, masked};

/// Links fetched at the same time.
pub const WORKERS: usize = 4;

/// How links are fetched.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Settings {
    /// The most one link may take, redirects and body included.
    pub timeout: Duration,
    /// Read from the cache only; never use the network.
    pub offline: bool,
    /// Where pages are kept; `None`: not kept.
    pub cache_dir: Option<PathBuf>,
    pub cache_cap: u64,
    /// The most of a body read (the rest is cut, as for files).
    pub max_bytes: usize,
}

/// The default time a link may take.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(20);

impl Default for Settings {
    fn default() -> Settings {
        Settings {
            timeout: DEFAULT_TIMEOUT,
            offline: false,
            cache_dir: cache::Cache::user_dir(),
            cache_cap: cache::DEFAULT_CAP_BYTES,
            max_bytes: 4 << 20,
        }
    }
}

/// Why a link could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Failure {
    /// The server answered with this status.
    Status(u16),
    /// The link took longer than this.
    Timeout(Duration),
    HostNotFound(String),
    /// No connection, or it was refused.
    Connection(String),
    /// The TLS handshake failed (a bad certificate, not TLS at all, ...).
    Tls(String),
    /// The connection broke while the body was read.
    Broken(String),
    TooManyRedirects,
    /// A redirect back to an address already visited.
    RedirectLoop(String),
    /// A redirect to somewhere not read (its `Location`, and why).
    BadRedirect(String, String),
    /// `--offline`, and the link is not in the cache.
    NotCached,
    Other(String),
}

impl Failure {
    /// Whether the cached copy stands in for the page: the network or the
    /// server failed, not the page (a 404 means the page is gone).
    pub fn is_transient(&self) -> bool {
        match self {
            Failure::Status(code) => *code == 429 || *code >= 500,
            Failure::Timeout(_)
            | Failure::HostNotFound(_)
            | Failure::Connection(_)
            | Failure::Tls(_)
            | Failure::Broken(_) => true,
            _ => false,
        }
    }
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Failure::Status(code) => write!(f, "{}", status_line(*code)),
            Failure::Timeout(limit) => write!(f, "timed out after {}", seconds(*limit)),
            Failure::HostNotFound(host) => write!(f, "host not found: {host}"),
            Failure::Connection(why) => write!(f, "could not connect: {why}"),
            Failure::Tls(why) => write!(f, "TLS error: {why}"),
            Failure::Broken(why) => write!(f, "the connection broke while reading: {why}"),
            Failure::TooManyRedirects => write!(f, "more than {MAX_REDIRECTS} redirects"),
            Failure::RedirectLoop(to) => write!(f, "redirects in a loop (back to {to})"),
            Failure::BadRedirect(to, why) => write!(f, "redirected to {to:?}: {why}"),
            Failure::NotCached => f.write_str("not in the page cache, and --offline reads nothing else"),
            Failure::Other(why) => f.write_str(why),
        }
    }
}

/// `404 Not Found: no page at this address`, with a word on what the
/// common statuses mean for a reader.
fn status_line(code: u16) -> String {
    let reason = ureq::http::StatusCode::from_u16(code).ok().and_then(|s| s.canonical_reason()).unwrap_or("");
    let meaning = match code {
        401 | 403 => ": the site refused to serve it (a login, or no programs allowed)",
        404 | 410 => ": no page at this address",
        429 => ": the site asks to slow down; try again later",
        500..=599 => ": the server failed; try again later",
        _ => "",
    };
    format!("HTTP {code} {reason}{meaning}").replace(" :", ":")
}

/// A duration as a reader says it: `20 s`, `1.5 s`, `250 ms`.
pub fn seconds(duration: Duration) -> String {
    if duration < Duration::from_secs(1) {
        format!("{} ms", duration.as_millis())
    } else if duration.subsec_millis() == 0 {
        format!("{} s", duration.as_secs())
    } else {
        format!("{:.1} s", duration.as_secs_f64())
    }
}

/// A link to fetch, and the caller's number for it.
#[derive(Clone, Debug)]
pub struct Job {
    pub id: usize,
    pub link: Link,
}

/// What the fetching threads report.
#[derive(Debug)]
pub enum Event {
    Started(usize),
    Done(usize, Result<Box<Page>, Failure>, Duration),
}

impl Fetcher {
    /// Fetches `jobs` [`WORKERS`] at a time, calling `on_event` on this
    /// thread as each starts and ends; the jobs it returns for a finished
    /// one (a feed's items) are fetched too.
    pub fn fetch_all(&self, jobs: Vec<Job>, mut on_event: impl FnMut(Event) -> Vec<Job>) {
        let (job_sender, job_receiver) = mpsc::channel::<Job>();
        let job_receiver = Mutex::new(job_receiver);
        let (event_sender, events) = mpsc::channel::<Event>();
        std::thread::scope(|scope| {
            for _ in 0..WORKERS {
                let (jobs, events) = (&job_receiver, event_sender.clone());
                scope.spawn(move || self.work(jobs, &events));
            }
            drop(event_sender);
            let mut pending = 0;
            for job in jobs {
                pending += usize::from(job_sender.send(job).is_ok());
            }
            while pending > 0 {
                let Ok(event) = events.recv() else { break };
                let done = matches!(event, Event::Done(..));
                for job in on_event(event) {
                    pending += usize::from(job_sender.send(job).is_ok());
                }
                pending -= usize::from(done);
            }
            // No more jobs: the workers' receive fails and they end.
            drop(job_sender);
        });
    }

    /// One fetching thread: takes jobs until there are none.
    fn work(&self, jobs: &Mutex<mpsc::Receiver<Job>>, events: &mpsc::Sender<Event>) {
        loop {
            let Ok(Ok(job)) = jobs.lock().map(|receiver| receiver.recv()) else { return };
            let _ = events.send(Event::Started(job.id));
            let started = Instant::now();
            let result = self.fetch(&job.link).map(Box::new);
            if events.send(Event::Done(job.id, result, started.elapsed())).is_err() {
                return;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn failures_say_what_happened() {
        assert_eq!(Failure::Status(404).to_string(), "HTTP 404 Not Found: no page at this address");
        assert_eq!(Failure::Status(418).to_string(), "HTTP 418 I'm a teapot");
        assert_eq!(Failure::Status(599).to_string(), "HTTP 599: the server failed; try again later");
        assert_eq!(Failure::Timeout(Duration::from_secs(20)).to_string(), "timed out after 20 s");
        assert_eq!(Failure::Timeout(Duration::from_millis(1500)).to_string(), "timed out after 1.5 s");
        assert_eq!(Failure::TooManyRedirects.to_string(), "more than 5 redirects");
        assert!(Failure::Status(503).is_transient() && !Failure::Status(404).is_transient());
    }

    #[test]
    fn offline_reads_only_the_cache() {
        let dir = std::env::temp_dir().join(format!("parallax-offline-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let settings = Settings { offline: true, cache_dir: Some(dir.clone()), ..Settings::default() };
        let fetcher = Fetcher::new(settings);
        // An address nothing listens on: offline, nothing is sent anyway.
        let link = Link::parse("http://127.0.0.1:9/never").unwrap();
        assert_eq!(fetcher.fetch(&link), Err(Failure::NotCached));
        let mut events = Vec::new();
        fetcher.fetch_all(vec![Job { id: 7, link }], |event| {
            events.push(format!("{event:?}").split('(').take(2).collect::<Vec<_>>().join("("));
            Vec::new()
        });
        assert_eq!(events, ["Started(7)", "Done(7, Err"]);
        let _ = std::fs::remove_dir_all(&dir);
    }
}
