//! Links and feeds as inputs. Links given on the command line, and the
//! items of feeds (given as links or as files), are fetched a few at a
//! time ([`crate::fetch`]) and read with the same page reader as saved
//! pages; each article keeps its address. What goes wrong is per link: a
//! failed link becomes one warning naming it, and the others load.
//!
//! A page is not an article when the server sends something that is not
//! a page (an image, a PDF), or when it holds fewer than [`MIN_WORDS`]
//! words of text (a paywall, a consent wall, a page that needs
//! JavaScript). A page from a feed takes the feed item's title and date
//! where it gives none, and a page that names no outlet is named by its
//! site.

use std::collections::HashSet;
use std::fmt;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use jiff::Timestamp;

use super::meta::Layout;
use super::source::{self, InputError, MAX_FILE_BYTES, Source};
use super::{Article, Ids, Loaded, Published, Step, Warning, parse_with};
use crate::fetch::feed::{self, Feed, Item, Limits};
use crate::fetch::{Event, Fetcher, Job, Link, Origin, Page, Settings};
use crate::text::sanitize;

/// A page with fewer words of text than this is not read as an article.
pub const MIN_WORDS: usize = 80;

/// The most items read from one feed when `--max` does not say.
pub const FEED_ITEMS: usize = 100;

/// A link or a feed file from the command line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Entry {
    /// A page or a feed, told apart once fetched.
    Link(Link),
    /// A feed saved as a file: its items are fetched.
    FeedFile(PathBuf),
}

impl Entry {
    /// The entry as the user gave it.
    pub fn name(&self) -> String {
        match self {
            Entry::Link(link) => link.to_string(),
            Entry::FeedFile(path) => path.display().to_string(),
        }
    }
}

/// Splits command-line inputs into paths (files and folders) and links
/// and feed files. A link that cannot be read (another scheme, a password
/// in it) is a bad invocation.
pub fn split(inputs: &[PathBuf]) -> Result<(Vec<PathBuf>, Vec<Entry>), InputError> {
    let mut paths = Vec::new();
    let mut entries = Vec::new();
    for input in inputs {
        let text = input.to_str().filter(|text| Link::looks_like_link(text));
        if let Some(text) = text {
            let link = Link::parse(text)
                .map_err(|why| InputError::BadLink(crate::fetch::masked(text).into_owned(), why.to_string()))?;
            entries.push(Entry::Link(link));
        } else if is_feed_file(input) {
            entries.push(Entry::FeedFile(input.clone()));
        } else {
            paths.push(input.clone());
        }
    }
    Ok((paths, entries))
}

/// A file named as a feed (`.rss`, `.atom`), or an `.xml` file (or one
/// with another name) that starts like one. Text, Markdown and web pages
/// are never feeds.
fn is_feed_file(path: &Path) -> bool {
    let extension = path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase).unwrap_or_default();
    match extension.as_str() {
        "rss" | "atom" => path.is_file(),
        "txt" | "md" | "markdown" | "html" | "htm" | "xhtml" => false,
        _ => path.is_file() && head_of(path).is_some_and(|head| feed::starts_like_a_feed(&head)),
    }
}

fn head_of(path: &Path) -> Option<Vec<u8>> {
    use std::io::Read;
    let mut head = Vec::new();
    std::fs::File::open(path).ok()?.take(2048).read_to_end(&mut head).ok()?;
    Some(head)
}

/// The links and feed files of a set, and how to fetch them.
#[derive(Clone, Debug)]
pub struct Links {
    entries: Vec<Entry>,
    settings: Settings,
    limits: Limits,
}

impl Links {
    /// Links fetched as `settings` say (bodies cut at the same size as
    /// files), feeds' items chosen within `limits`.
    pub fn new(entries: Vec<Entry>, settings: Settings, limits: Limits) -> Links {
        Links { entries, settings: Settings { max_bytes: MAX_FILE_BYTES, ..settings }, limits }
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The entries as given.
    pub fn names(&self) -> impl Iterator<Item = String> + '_ {
        self.entries.iter().map(Entry::name)
    }

    /// Reads every entry, handing `sink` each article or failure as it
    /// comes (or, `ordered`, all at once in the order given, so the same
    /// pages make the same set), a [`LinkStatus`] as each link moves on,
    /// and a [`Summary`] at the end.
    pub(crate) fn load(&self, ids: &mut Ids, ordered: bool, sink: &mut dyn FnMut(Step)) {
        let fetcher = Fetcher::new(self.settings.clone());
        let mut loader = Loader::new(self.limits, ids, ordered, sink);
        let mut jobs = Vec::new();
        for (index, entry) in self.entries.iter().enumerate() {
            match entry {
                Entry::Link(link) => jobs.extend(loader.task(link.clone(), (index, 0), None)),
                Entry::FeedFile(path) => jobs.extend(loader.feed_file(index, path)),
            }
        }
        fetcher.fetch_all(jobs, |event| loader.on_event(event));
        loader.finish(&fetcher);
    }
}

/// Where a link stands, for a reader watching them load.
#[derive(Clone, Debug, PartialEq)]
pub enum LinkState {
    Waiting,
    Fetching,
    /// Read as an article of this many words.
    Read {
        words: usize,
        origin: Origin,
        elapsed: Duration,
    },
    /// A feed: this many of its items are read, of so many listed.
    Feed {
        items: usize,
        listed: usize,
    },
    /// Not read, and why.
    Failed(String),
}

/// A link (or feed file) and where it stands.
#[derive(Clone, Debug, PartialEq)]
pub struct LinkStatus {
    /// The link as the URL standard writes it, or the feed file's path.
    pub link: String,
    pub state: LinkState,
}

/// What reading a set's links came to.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Summary {
    /// Links asked for (pages and feeds).
    pub links: usize,
    pub feeds: usize,
    /// Articles read, and links not read.
    pub read: usize,
    pub skipped: usize,
    /// How the pages and feeds were got.
    pub downloaded: usize,
    pub revalidated: usize,
    pub cached: usize,
    pub stale: usize,
    pub elapsed: Duration,
}

impl Summary {
    fn count(&mut self, origin: &Origin) {
        match origin {
            Origin::Network => self.downloaded += 1,
            Origin::Revalidated => self.revalidated += 1,
            Origin::Cache => self.cached += 1,
            Origin::Stale(_) => self.stale += 1,
        }
    }
}

/// `12 links in 0.4 s: 10 read, 2 skipped; 3 downloaded, 7 unchanged since cached`.
impl fmt::Display for Summary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let plural = |count: usize, one: &str, many: &str| format!("{count} {}", if count == 1 { one } else { many });
        let feeds = if self.feeds > 0 { format!(" ({})", plural(self.feeds, "feed", "feeds")) } else { String::new() };
        write!(f, "{}{feeds} in {}: ", plural(self.links, "link", "links"), crate::fetch::seconds(self.elapsed))?;
        write!(f, "{} read, {} skipped", self.read, self.skipped)?;
        let origins = [
            (self.downloaded, "downloaded"),
            (self.revalidated, "unchanged since cached"),
            (self.cached, "from the cache"),
            (self.stale, "from the cache as the network failed"),
        ];
        let origins: Vec<String> =
            origins.iter().filter(|(count, _)| *count > 0).map(|(count, how)| format!("{count} {how}")).collect();
        if !origins.is_empty() {
            write!(f, "; {}", origins.join(", "))?;
        }
        Ok(())
    }
}

/// What the web said about a page, for [`parse_with`].
#[derive(Clone, Debug)]
pub struct Web {
    /// Where the page was found, after redirects.
    pub url: Link,
    /// The server said it is HTML (or it plainly is).
    pub html: bool,
    /// The feed item that listed it.
    pub item: Option<Item>,
}

impl Web {
    /// Fills in what the page does not say from what the web does (the
    /// feed item's title and date, the site as outlet) and gives the
    /// article's address: the page's canonical link, else where it was found.
    pub(crate) fn complete(&self, layout: &mut Layout, path: &str, warnings: &mut Vec<Warning>) -> String {
        if let Some(item) = &self.item {
            if layout.title.is_none() {
                layout.title = item.title.as_deref().map(|title| clean(title, path, warnings));
            }
            if let (None, Some(when)) = (layout.published, item.published) {
                layout.published = Some(published_at(when));
                warnings.push(Warning::note(path, "publication date from the feed"));
            }
        }
        if layout.outlet.is_none() {
            layout.outlet = Some(self.url.site().to_string());
        }
        let canonical = layout.url.as_deref().and_then(|url| self.url.join(url).ok());
        canonical.unwrap_or_else(|| self.url.clone()).to_string()
    }
}

/// Text from a feed, sanitised as article text is (and what was removed told).
fn clean(text: &str, path: &str, warnings: &mut Vec<Warning>) -> String {
    let (clean, removed) = sanitize::sanitize(text);
    if removed.any() {
        let message = format!(
            "removed {} terminal escape sequence(s) and {} control character(s) from the feed's title",
            removed.sequences, removed.controls
        );
        warnings.push(Warning::problem(path, message));
    }
    clean
}

/// A feed's time as a publication date: in UTC, the offset the feed
/// library leaves it in.
fn published_at(when: Timestamp) -> Published {
    let utc = when.to_zoned_datetime(jiff::tz::TimeZone::UTC);
    Published { date: utc.date(), time: Some((utc.hour(), utc.minute(), utc.second(), 0)) }
}

/// A link being read: where it goes in the set's order (its entry, and
/// its place in a feed), and the feed item that listed it.
struct Task {
    link: Link,
    order: (usize, usize),
    item: Option<Item>,
}

/// Reading a set's links: turns each fetched page into an article or a
/// warning, each feed into more links, and tells the sink as it goes.
struct Loader<'a> {
    limits: Limits,
    tasks: Vec<Task>,
    seen: HashSet<Link>,
    ordered: bool,
    /// Results kept back to be given in order.
    held: Vec<((usize, usize), Result<Article, Warning>)>,
    ids: &'a mut Ids,
    sink: &'a mut dyn FnMut(Step),
    summary: Summary,
    started: Instant,
}

impl<'a> Loader<'a> {
    fn new(limits: Limits, ids: &'a mut Ids, ordered: bool, sink: &'a mut dyn FnMut(Step)) -> Loader<'a> {
        Loader {
            limits,
            tasks: Vec::new(),
            seen: HashSet::new(),
            ordered,
            held: Vec::new(),
            ids,
            sink,
            summary: Summary::default(),
            started: Instant::now(),
        }
    }

    /// A link to fetch; `None` when the set already has it.
    fn task(&mut self, link: Link, order: (usize, usize), item: Option<Item>) -> Option<Job> {
        if !self.seen.insert(link.clone()) {
            return None;
        }
        self.tell(link.to_string(), LinkState::Waiting);
        self.tasks.push(Task { link: link.clone(), order, item });
        self.summary.links += 1;
        Some(Job { id: self.tasks.len() - 1, link })
    }

    fn tell(&mut self, link: String, state: LinkState) {
        (self.sink)(Step::Link(LinkStatus { link, state }));
    }

    fn tell_task(&mut self, id: usize, state: LinkState) {
        self.tell(self.tasks[id].link.to_string(), state);
    }

    fn on_event(&mut self, event: Event) -> Vec<Job> {
        match event {
            Event::Started(id) => self.tell_task(id, LinkState::Fetching),
            Event::Done(id, Ok(page), elapsed) => return self.fetched(id, page, elapsed),
            Event::Done(id, Err(failure), _) => self.fail(id, failure.to_string()),
        }
        Vec::new()
    }

    /// A page or feed has come: an article, more links, or a warning.
    fn fetched(&mut self, id: usize, page: Box<Page>, elapsed: Duration) -> Vec<Job> {
        self.summary.count(&page.origin);
        if feed::is_feed(page.media_type.as_deref(), &page.body) {
            return self.feed_link(id, &page);
        }
        match readable(&page) {
            Ok(html) => self.page(id, *page, html, elapsed),
            Err(why) => self.fail(id, why),
        }
        Vec::new()
    }

    fn feed_link(&mut self, id: usize, page: &Page) -> Vec<Job> {
        match feed::parse(&page.body, Some(&page.url)) {
            Ok(parsed) => {
                let (order, name) = (self.tasks[id].order.0, self.tasks[id].link.to_string());
                self.items(order, &name, &parsed)
            }
            Err(why) => {
                self.fail(id, why);
                Vec::new()
            }
        }
    }

    /// A feed saved as a file: read now, its items fetched with the rest.
    fn feed_file(&mut self, index: usize, path: &Path) -> Vec<Job> {
        let name = path.display().to_string();
        let parsed = source::read(path).map_err(|e| e.to_string()).and_then(|file| feed::parse(&file.bytes, None));
        match parsed {
            Ok(parsed) => self.items(index, &name, &parsed),
            Err(why) => {
                self.tell(name.clone(), LinkState::Failed(why.clone()));
                self.summary.skipped += 1;
                self.deliver((index, 0), Err(Warning::skipped(path, why)));
                Vec::new()
            }
        }
    }

    /// The items of a feed within the limits, as links to fetch.
    fn items(&mut self, index: usize, name: &str, parsed: &Feed) -> Vec<Job> {
        self.summary.feeds += 1;
        let limits = Limits { max: self.limits.max.or(Some(FEED_ITEMS)), ..self.limits };
        let selection = parsed.select(limits);
        self.tell(name.to_string(), LinkState::Feed { items: selection.items.len(), listed: parsed.items.len() });
        if self.limits.max.is_none() && selection.over_max > 0 {
            let why = format!(
                "the feed lists {} items; the newest {FEED_ITEMS} are read (--max reads more or fewer)",
                parsed.items.len() - selection.older
            );
            self.deliver((index, 0), Err(Warning::problem(name, why)));
        }
        if selection.items.is_empty() {
            let why = if parsed.items.is_empty() {
                format!("the feed lists no pages to read ({} item(s) without a link)", parsed.without_link)
            } else {
                format!("none of the feed's {} items was published since --since", parsed.items.len())
            };
            self.deliver((index, 0), Err(Warning::problem(name, why)));
        }
        let items = selection.items.into_iter().enumerate();
        items.filter_map(|(place, item)| self.task(item.link.clone(), (index, place + 1), Some(item))).collect()
    }

    /// A page: read as an article, unless it holds too little text.
    fn page(&mut self, id: usize, page: Page, html: bool, elapsed: Duration) {
        let task = &self.tasks[id];
        let (bytes, decoded_as) = transcode(page.body.clone(), page.charset.as_deref());
        let source = Source { path: task.link.to_string(), stem: task.link.slug(), bytes, truncated_from: None };
        let web = Web { url: page.url.clone(), html, item: task.item.clone() };
        let mut article = match parse_with(&source, Some(&web)) {
            Ok(article) => article,
            Err(why) => return self.fail(id, why.message),
        };
        if article.word_count < MIN_WORDS {
            let words = match article.word_count {
                0 => "no text".to_string(),
                count => format!("only {count} words of text"),
            };
            let why = format!("{words}: a paywall, a consent page, or a page that needs JavaScript");
            return self.fail(id, why);
        }
        article.warnings.splice(0..0, page_notes(&source.path, &page, decoded_as));
        self.summary.read += 1;
        self.tell_task(id, LinkState::Read { words: article.word_count, origin: page.origin, elapsed });
        self.deliver(self.tasks[id].order, Ok(article));
    }

    fn fail(&mut self, id: usize, why: String) {
        self.summary.skipped += 1;
        let warning = Warning::skipped(self.tasks[id].link.as_str(), why.clone());
        self.tell_task(id, LinkState::Failed(why));
        self.deliver(self.tasks[id].order, Err(warning));
    }

    /// Gives an article or a warning to the sink now, or keeps it for
    /// [`Loader::finish`] when the order matters.
    fn deliver(&mut self, order: (usize, usize), result: Result<Article, Warning>) {
        if self.ordered {
            self.held.push((order, result));
            return;
        }
        let batch = self.batch(vec![result]);
        (self.sink)(Step::Batch(batch));
    }

    fn batch(&mut self, results: Vec<Result<Article, Warning>>) -> Loaded {
        let mut loaded = Loaded::default();
        for result in results {
            match result {
                Ok(mut article) => {
                    self.ids.assign(&mut article);
                    loaded.articles.push(article);
                }
                Err(warning) => loaded.skipped.push(warning),
            }
        }
        loaded
    }

    /// Gives what was kept back, in order, trims the cache, and sums up.
    fn finish(mut self, fetcher: &Fetcher) {
        let mut held = std::mem::take(&mut self.held);
        held.sort_by_key(|(order, _)| *order);
        let mut batch = self.batch(held.into_iter().map(|(_, result)| result).collect());
        if let Some(cache) = fetcher.cache() {
            let pruned = cache.prune().err().filter(|error| error.kind() != std::io::ErrorKind::NotFound);
            let problem =
                fetcher.cache_problem().or(pruned.map(|e| format!("the page cache could not be trimmed: {e}")));
            batch.skipped.extend(problem.map(|problem| Warning::problem(cache.dir(), problem)));
        }
        if !batch.articles.is_empty() || !batch.skipped.is_empty() {
            (self.sink)(Step::Batch(batch));
        }
        self.summary.elapsed = self.started.elapsed();
        let summary = std::mem::take(&mut self.summary);
        (self.sink)(Step::Summary(summary));
    }
}

/// Whether a page can be read as an article, and as HTML: by the type
/// the server gave, or by how it starts when it gave none (or plain XML).
fn readable(page: &Page) -> Result<bool, String> {
    let head = String::from_utf8_lossy(&page.body[..page.body.len().min(1024)]);
    let looks_like_html = super::html::is_html("", &head);
    match page.media_type.as_deref() {
        Some("text/html" | "application/xhtml+xml") => Ok(true),
        Some("text/plain" | "text/markdown") => Ok(false),
        None | Some("application/xml" | "text/xml" | "application/octet-stream") if looks_like_html => Ok(true),
        Some(other) => Err(format!("not a web page: the server sent {other}")),
        None => Err("not a web page: the server gave no type, and it does not look like HTML".into()),
    }
}

/// A body in the charset its server declared, as UTF-8; the encoding
/// named when it was not UTF-8 already. (Valid UTF-8 stays as it is,
/// whatever the server says, as a page's own declaration does.)
fn transcode(bytes: Vec<u8>, charset: Option<&str>) -> (Vec<u8>, Option<&'static str>) {
    let encoding = charset.and_then(|label| encoding_rs::Encoding::for_label(label.trim().as_bytes()));
    let Some(encoding) = encoding.filter(|e| *e != encoding_rs::UTF_8 && std::str::from_utf8(&bytes).is_err()) else {
        return (bytes, None);
    };
    // UTF-16 is told from its bytes by the decoder that reads every file.
    if encoding == encoding_rs::UTF_16LE || encoding == encoding_rs::UTF_16BE {
        return (bytes, None);
    }
    let (text, used, _) = encoding.decode(&bytes);
    (text.into_owned().into_bytes(), Some(used.name()))
}

/// What a reader of the article should know about how its page came:
/// cut at the size cap, an old copy from the cache, a declared charset.
fn page_notes(path: &str, page: &Page, decoded_as: Option<&str>) -> Vec<Warning> {
    let mut notes = Vec::new();
    if let Some(size) = page.truncated_from {
        let read = page.body.len();
        let size = if size > read as u64 + 1 { format!("{size} bytes") } else { format!("over {read} bytes") };
        notes.push(Warning::problem(path, format!("page is {size}; truncated: only the first {read} bytes were read")));
    }
    if let Origin::Stale(why) = &page.origin {
        let when = Timestamp::from_second(page.fetched_at as i64)
            .map_or_else(|_| "earlier".into(), |t| t.strftime("%Y-%m-%d %H:%M UTC").to_string());
        notes
            .push(Warning::problem(path, format!("could not be fetched now ({why}); the copy cached {when} was read")));
    }
    if let Some(encoding) = decoded_as {
        notes.push(Warning::note(path, format!("decoded as {encoding}, as the server declares")));
    }
    notes
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inputs_split_into_paths_links_and_feed_files() {
        let dir = std::env::temp_dir().join(format!("parallax-split-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("news.xml"), "<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel/></rss>").unwrap();
        std::fs::write(dir.join("other.xml"), "<?xml version=\"1.0\"?><note/>").unwrap();
        let inputs = ["a.txt", "https://example.org/a", "notes/", "http://example.org/b#top"].map(PathBuf::from);
        let mut inputs = inputs.to_vec();
        inputs.extend([dir.join("news.xml"), dir.join("other.xml")]);
        let (paths, entries) = split(&inputs).unwrap();
        assert_eq!(paths, [PathBuf::from("a.txt"), "notes/".into(), dir.join("other.xml")]);
        let names: Vec<String> = entries.iter().map(Entry::name).collect();
        assert_eq!(
            names,
            ["https://example.org/a", "http://example.org/b", &dir.join("news.xml").display().to_string()]
        );
        let error = split(&[PathBuf::from("file:///etc/passwd")]).unwrap_err();
        assert_eq!(error.to_string(), "file:///etc/passwd: a file: link; only http and https links are read");
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn a_declared_charset_decodes_what_is_not_utf8() {
        // "Москва" in Windows-1251.
        let (bytes, used) = transcode(b"\xcc\xee\xf1\xea\xe2\xe0".to_vec(), Some("windows-1251"));
        assert_eq!((String::from_utf8(bytes).unwrap().as_str(), used), ("Москва", Some("windows-1251")));
        let (bytes, used) = transcode("Москва".as_bytes().to_vec(), Some("windows-1251"));
        assert_eq!((bytes, used), ("Москва".as_bytes().to_vec(), None));
        assert_eq!(transcode(b"\xff".to_vec(), Some("no-such-charset")).1, None);
    }

    #[test]
    fn the_summary_says_what_happened_in_a_line() {
        let summary = Summary {
            links: 12,
            feeds: 1,
            read: 10,
            skipped: 2,
            downloaded: 3,
            revalidated: 7,
            elapsed: Duration::from_millis(400),
            ..Summary::default()
        };
        assert_eq!(
            summary.to_string(),
            "12 links (1 feed) in 400 ms: 10 read, 2 skipped; 3 downloaded, 7 unchanged since cached"
        );
    }
}
