//! Ingest: files in, clean articles out. Reads and decodes each input,
//! strips escape sequences and control characters, reads the metadata the
//! file gives, removes what is not article text and splits the body into
//! sentences.

pub mod boilerplate;
pub mod decode;
pub mod embeds;
pub mod html;
pub mod links;
pub mod markdown;
pub mod meta;
pub mod published;
pub mod quotations;
pub mod removed;
pub mod source;
pub mod walk;

use std::collections::HashMap;
use std::path::PathBuf;

pub use links::{Entry, LinkState, LinkStatus, Links, Summary};
pub use published::Published;
pub use removed::{Removal, Removed};
pub use source::{InputError, Source};
pub use walk::Walk;

use crate::text::{Span, sanitize, segment, words};
pub use crate::warning::{Kind, Warning};

/// One article, cleaned and segmented.
#[derive(Debug, Clone, PartialEq)]
pub struct Article {
    /// The file name without its extension, unique within a set.
    pub id: String,
    pub path: String,
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub published: Option<Published>,
    pub dateline: Option<String>,
    pub credit: Option<String>,
    /// The credit is the byline's names (no credit line or agency named
    /// one): who wrote the text, not who ran it.
    pub credit_is_byline: bool,
    /// The article's address: for a link, the canonical address the page
    /// gives, else where it was found (after redirects); for a file, the
    /// address its front matter or saved page gives.
    pub url: Option<String>,
    /// Where a dateline opening the body ends (0 when none): a date in it
    /// dates the report, not an event.
    pub dateline_end: usize,
    /// Article text: paragraphs separated by a blank line.
    pub body: String,
    pub paragraphs: Vec<Span>,
    pub sentences: Vec<Span>,
    /// Sentence starts with no space before them (`News.The`): where a
    /// reader is shown one ([`segment::glued`]).
    pub glued: Vec<usize>,
    pub word_count: usize,
    /// Every line of the file not in the body, and why (`at` is a byte
    /// offset in the body): nothing is dropped silently.
    pub removed: Vec<Removed>,
    pub warnings: Vec<Warning>,
}

impl Article {
    /// The text of sentence `i`.
    pub fn sentence(&self, i: usize) -> &str {
        self.sentences[i].slice(&self.body)
    }

    /// A name for lists and headers: the title, else the body's first words
    /// (up to about 60 characters, cut at a word).
    pub fn label(&self) -> String {
        if let Some(t) = &self.title {
            return t.clone();
        }
        let first = self.sentences.first().map_or("", |s| s.slice(&self.body));
        if first.is_empty() {
            // The id is the file's name: untrusted, not cleaned at ingest.
            return sanitize::visible(&self.id).into_owned();
        }
        // About 60 characters, cut at a space when one is near the end
        // (text without spaces, such as Chinese or Japanese, is cut anywhere).
        let Some((cut, _)) = first.char_indices().nth(60) else { return first.to_string() };
        let head = &first[..cut];
        let at_space = head.rfind(' ').filter(|&i| head[i..].chars().count() <= 20);
        let head = at_space.map_or(head, |i| &head[..i]);
        format!("{}…", head.trim_end_matches([',', ';', ':']))
    }

    /// Index of the sentence holding byte `offset`, if any.
    pub fn sentence_at(&self, offset: usize) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.end <= offset);
        (i < self.sentences.len() && self.sentences[i].start <= offset).then_some(i)
    }
}

fn is_markdown(path: &str) -> bool {
    let lower = path.to_ascii_lowercase();
    lower.ends_with(".md") || lower.ends_with(".markdown")
}

/// Builds an article from one source. Returns `Err` with a warning naming
/// the file when it is skipped (binary data).
pub fn parse(source: &Source) -> Result<Article, Warning> {
    parse_with(source, None)
}

/// Builds an article from a source, with what the web said about it when
/// it was read from a link ([`links::Web`]: the page's address, whether it
/// is HTML, its feed item's title and date for a page that lacks them).
pub(crate) fn parse_with(source: &Source, web: Option<&links::Web>) -> Result<Article, Warning> {
    let mut warnings = Vec::new();
    let (text, left_out) = read_text(source, web.is_some_and(|w| w.html), &mut warnings)?;
    let mut layout = meta::parse_page(&text, left_out);
    let url = match web {
        Some(web) => Some(web.complete(&mut layout, &source.path, &mut warnings)),
        None => layout.url.as_deref().and_then(|url| crate::fetch::Link::parse(url).ok()).map(|l| l.to_string()),
    };
    let (body, paragraphs) = join_paragraphs(&layout.paragraphs);
    let removed = placed_in(layout.removed, &body, &paragraphs);
    let sentences = segment::sentences(&body);
    if sentences.is_empty() {
        warnings.push(Warning::problem(&source.path, "no article text found"));
    }
    if layout.published.is_none() {
        let place = if web.is_some() { "on the page" } else { "in the file" };
        warnings.push(Warning::note(&source.path, format!("no publication date {place}")));
    }
    warnings.extend(layout.notes.iter().map(|note| Warning::note(&source.path, note.as_str())));
    let clean = |field: Option<String>| field.map(|s| meta::collapse(&s)).filter(|s| !s.is_empty());
    Ok(Article {
        id: source.stem.clone(),
        path: source.path.clone(),
        title: clean(layout.title),
        outlet: clean(layout.outlet),
        url,
        published: layout.published,
        dateline: clean(layout.dateline),
        credit_is_byline: layout.credit_is_byline && layout.credit.is_some(),
        credit: clean(layout.credit),
        dateline_end: layout.dateline_end,
        word_count: words::count(&body),
        glued: segment::glued(&body, &sentences),
        body,
        paragraphs,
        sentences,
        removed,
        warnings,
    })
}

/// A source's text as the header rules read it (decoded, a page turned to
/// lines, sanitised): what the body and the removed lines come from, for
/// checks that every line is accounted for.
pub fn page_text(source: &Source) -> Result<String, Warning> {
    read_text(source, false, &mut Vec::new()).map(|(text, _)| text)
}

/// A source's text as the header rules read it: decoded, a web page or a
/// Markdown file turned to plain lines, and sanitised; with what a web page
/// held that is not in those lines (sanitised too, `at` the index of the
/// line it stood before). What happened on the way is added to `warnings`.
fn read_text(
    source: &Source,
    served_as_html: bool,
    warnings: &mut Vec<Warning>,
) -> Result<(String, Vec<Removed>), Warning> {
    // A web page may say what it is written in; text files cannot.
    let start = String::from_utf8_lossy(&source.bytes[..source.bytes.len().min(512)]);
    let is_page = served_as_html || html::is_html(&source.path, &start);
    let declared = is_page.then(|| html::declared_charset(&source.bytes)).flatten();
    let decoded =
        decode::decode_declared(&source.bytes, declared).map_err(|error| Warning::skipped(&source.path, error.0))?;
    let problem = |message: String| Warning::problem(&source.path, message);
    if let Some(note) = decoded.note {
        warnings.push(problem(note));
    }
    if let Some(size) = source.truncated_from {
        warnings.push(problem(format!(
            "file is {size} bytes; truncated: only the first {} bytes were read",
            source.bytes.len()
        )));
    }
    // A saved web page: its text and declared fields, in the shape read below.
    let page = if served_as_html || html::is_html(&source.path, &decoded.text) {
        warnings.push(Warning::note(&source.path, "read as a web page (HTML)"));
        html::read(&decoded.text)
    } else {
        let mut page = match is_markdown(&source.path) {
            true => markdown::read(&decoded.text),
            false => html::Page { text: decoded.text, dropped: Vec::new() },
        };
        // The file's own front matter (not the fields a web page declares).
        page.dropped.splice(0..0, meta::front_matter_lines(&page.text));
        page
    };
    let (text, mut removed) = sanitize::sanitize(&page.text);
    let mut left_out = page.dropped;
    for line in &mut left_out {
        let (clean, also) = sanitize::sanitize(&line.text);
        line.text = clean;
        removed.sequences += also.sequences;
        removed.controls += also.controls;
    }
    left_out.retain(|line| !line.text.is_empty());
    if removed.any() {
        warnings.push(problem(format!(
            "removed {} terminal escape sequence(s) and {} control character(s)",
            removed.sequences, removed.controls
        )));
    }
    Ok((text, left_out))
}

/// The body: paragraphs separated by a blank line, and where each stands.
fn join_paragraphs(paragraphs: &[String]) -> (String, Vec<Span>) {
    let mut body = String::new();
    let mut spans = Vec::with_capacity(paragraphs.len());
    for paragraph in paragraphs {
        if !body.is_empty() {
            body.push_str("\n\n");
        }
        let start = body.len();
        body.push_str(paragraph);
        spans.push(Span::new(start, body.len()));
    }
    (body, spans)
}

/// Removed lines with `at` turned from a paragraph's index into the byte
/// offset where that paragraph starts (the body's end after the last).
fn placed_in(mut removed: Vec<Removed>, body: &str, paragraphs: &[Span]) -> Vec<Removed> {
    for line in &mut removed {
        line.at = paragraphs.get(line.at).map_or(body.len(), |paragraph| paragraph.start);
    }
    removed
}

/// Articles read from a set of inputs, with what was skipped and why.
#[derive(Debug, Default, Clone)]
pub struct Loaded {
    pub articles: Vec<Article>,
    /// One warning per skipped file or folder entry, naming it.
    pub skipped: Vec<Warning>,
}

impl Loaded {
    /// What to tell the user about these inputs (on stderr, in the app's
    /// status line): each skipped input, then each article's problems.
    pub fn told(&self) -> impl Iterator<Item = &Warning> {
        let problems = self.articles.iter().flat_map(|a| a.warnings.iter().filter(|w| w.is_told()));
        self.skipped.iter().chain(problems)
    }
}

/// Gives every article an id no other has: a clash gets a numeric suffix
/// and a warning. Works across batches of a set loaded in pieces.
#[derive(Debug, Default)]
pub struct Ids {
    seen: HashMap<String, usize>,
}

impl Ids {
    pub fn assign(&mut self, a: &mut Article) {
        let n = self.seen.entry(a.id.clone()).or_insert(0);
        *n += 1;
        if *n > 1 {
            let mut k = *n;
            let mut id = format!("{}-{k}", a.id);
            while self.seen.contains_key(&id) {
                k += 1;
                id = format!("{}-{k}", a.id);
            }
            let message = format!("id {:?} is already taken by another file; renamed to {id:?}", a.id);
            a.warnings.push(Warning::problem(&a.path, message));
            self.seen.insert(id.clone(), 1);
            a.id = id;
        }
    }
}

/// Parses sources (in parallel where it pays), with unique ids.
pub fn parse_all(sources: &[Source]) -> Loaded {
    parse_batch(sources, &mut Ids::default())
}

/// Parses one batch of a set, continuing the set's ids.
pub fn parse_batch(sources: &[Source], ids: &mut Ids) -> Loaded {
    let results: Vec<Result<Article, Warning>> = crate::par::map(sources, parse);
    let mut loaded = Loaded::default();
    for r in results {
        match r {
            Ok(mut a) => {
                ids.assign(&mut a);
                loaded.articles.push(a);
            }
            Err(why) => loaded.skipped.push(why),
        }
    }
    loaded
}

/// The inputs a set of paths names, checked but not yet read: files found
/// in folders, and files named directly (which must be readable regular
/// files or pipes: they are opened now, so a bad invocation fails before
/// any work starts).
#[derive(Debug, Clone, Default)]
pub struct Plan {
    /// `None`: the bundled sample.
    files: Option<Vec<PathBuf>>,
    explicit: Vec<PathBuf>,
    /// Folder entries that could not be listed.
    pub skipped: Vec<Warning>,
    /// Links and feeds, read after the files.
    links: Option<Links>,
}

/// A step in reading a set: a batch of articles (with what was skipped),
/// where a link stands, and what the links came to.
#[derive(Debug, Clone)]
pub enum Step {
    Batch(Loaded),
    Link(LinkStatus),
    Summary(Summary),
}

impl Plan {
    /// Checks `paths` (the sample when empty), folders walked the default
    /// way.
    pub fn new(paths: &[PathBuf]) -> Result<Plan, InputError> {
        Plan::with(paths, Walk::default())
    }

    /// Checks `paths` (the sample when empty), folders walked as `walk`
    /// says.
    pub fn with(paths: &[PathBuf], walk: Walk) -> Result<Plan, InputError> {
        if paths.is_empty() {
            return Ok(Plan::default());
        }
        let mut skipped = Vec::new();
        let files = walk::list(paths, walk, &mut skipped)?;
        let explicit: Vec<PathBuf> = paths.iter().filter(|p| !p.is_dir()).cloned().collect();
        for path in &explicit {
            let mut file = source::open(path, true)?;
            // A pipe is not read ahead: what is read from it is gone.
            if file.metadata().is_ok_and(|m| m.is_file()) {
                std::io::Read::read(&mut file, &mut [0u8; 1])
                    .map_err(|e| InputError::Unreadable(path.display().to_string(), source::io_reason(&e)))?;
            }
        }
        Ok(Plan { files: Some(files), explicit, skipped, links: None })
    }

    /// The same, with links and feeds to read after the files (and no
    /// sample, when there are links and no paths).
    pub fn with_links(mut self, links: Links) -> Plan {
        if !links.is_empty() {
            self.files.get_or_insert_with(Vec::new);
            self.links = Some(links);
        }
        self
    }

    /// The inputs' paths, as articles will give them (and the links and
    /// feed files as given).
    pub fn paths(&self) -> Vec<String> {
        let mut paths: Vec<String> = match &self.files {
            Some(f) => f.iter().map(|p| p.display().to_string()).collect(),
            None => source::sample().into_iter().map(|s| s.path).collect(),
        };
        paths.extend(self.links.iter().flat_map(Links::names));
        paths
    }

    /// How many inputs there are (a feed counts once, before it is read).
    pub fn len(&self) -> usize {
        self.files.as_ref().map_or(source::sample().len(), Vec::len) + self.links.as_ref().map_or(0, Links::len)
    }

    /// Whether any input is a link or a feed.
    pub fn has_links(&self) -> bool {
        self.links.is_some()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Reads and parses the inputs, `first` files in the first batch and
    /// `batch` in each one after, then the links as each comes, handing
    /// each [`Step`] to `sink` as it is ready, so a caller can show
    /// articles while the rest load. A file named directly that cannot be
    /// read is an error.
    pub fn load_in_batches(&self, first: usize, batch: usize, mut sink: impl FnMut(Step)) -> Result<(), InputError> {
        let mut ids = Ids::default();
        self.load_files(first, batch, &mut ids, &mut sink)?;
        if let Some(links) = &self.links {
            links.load(&mut ids, false, &mut sink);
        }
        Ok(())
    }

    fn load_files(
        &self,
        first: usize,
        batch: usize,
        ids: &mut Ids,
        sink: &mut dyn FnMut(Step),
    ) -> Result<(), InputError> {
        let Some(files) = &self.files else {
            sink(Step::Batch(parse_batch(&source::sample(), ids)));
            return Ok(());
        };
        let head = first.clamp(1, files.len().max(1));
        let chunks =
            std::iter::once(&files[..head.min(files.len())]).chain(files[head.min(files.len())..].chunks(batch.max(1)));
        let mut first = true;
        for chunk in chunks.filter(|c| !c.is_empty()) {
            // A file named directly may be a pipe (`<(command)`); one found
            // in a folder must be a regular file.
            let read: Vec<Result<Source, InputError>> =
                crate::par::map(
                    chunk,
                    |f| if self.explicit.contains(f) { source::read_named(f) } else { source::read(f) },
                );
            let mut skipped = if first { self.skipped.clone() } else { Vec::new() };
            first = false;
            let mut sources = Vec::with_capacity(chunk.len());
            for (f, r) in chunk.iter().zip(read) {
                match r {
                    Ok(s) => sources.push(s),
                    Err(e) if self.explicit.contains(f) => return Err(e),
                    Err(e) => skipped.push(e.into_warning()),
                }
            }
            let mut loaded = parse_batch(&sources, ids);
            skipped.append(&mut loaded.skipped);
            loaded.skipped = skipped;
            sink(Step::Batch(loaded));
        }
        Ok(())
    }

    /// Reads everything.
    pub fn load(&self) -> Result<Loaded, InputError> {
        self.load_summed().map(|(loaded, _)| loaded)
    }

    /// Reads everything, links in the order given (so the same pages give
    /// the same set), with what the links came to when there were any.
    pub fn load_summed(&self) -> Result<(Loaded, Option<Summary>), InputError> {
        let mut all = Loaded::default();
        let mut summary = None;
        let mut sink = |step: Step| match step {
            Step::Batch(mut loaded) => {
                all.articles.append(&mut loaded.articles);
                all.skipped.append(&mut loaded.skipped);
            }
            Step::Link(_) => {}
            Step::Summary(sum) => summary = Some(sum),
        };
        let mut ids = Ids::default();
        self.load_files(usize::MAX, usize::MAX, &mut ids, &mut sink)?;
        if let Some(links) = &self.links {
            links.load(&mut ids, true, &mut sink);
        }
        Ok((all, summary))
    }
}

/// Reads the given paths (or the sample when there are none) into articles.
pub fn load(paths: &[PathBuf]) -> Result<Loaded, InputError> {
    Plan::new(paths)?.load()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn src(name: &str, text: &str) -> Source {
        Source { path: format!("{name}.txt"), stem: name.into(), bytes: text.as_bytes().to_vec(), truncated_from: None }
    }

    #[test]
    fn parses_a_simple_article() {
        let a = parse(&src("a", "Talks resume in Geneva\nexample.org\n2025-03-04\n\nDelegates met on Monday. They agreed.\n\nA second paragraph follows.")).unwrap();
        assert_eq!(a.title.as_deref(), Some("Talks resume in Geneva"));
        assert_eq!(a.outlet.as_deref(), Some("example.org"));
        assert_eq!(a.published.map(|p| p.to_string()).as_deref(), Some("2025-03-04"));
        assert_eq!(a.body, "Delegates met on Monday. They agreed.\n\nA second paragraph follows.");
        assert_eq!(a.sentences.len(), 3);
        assert_eq!(a.paragraphs.len(), 2);
        assert_eq!(a.word_count, 10);
        assert!(a.warnings.is_empty());
    }

    #[test]
    fn escape_sequences_never_reach_the_article() {
        let a = parse(&src("e", "Title \u{1b}]0;pwned\u{07}here now\n\nBody \u{1b}[31mred\u{1b}[0m text \u{9b}2J."))
            .unwrap();
        assert!(sanitize::is_clean(a.title.as_deref().unwrap()));
        assert!(sanitize::is_clean(&a.body));
        assert!(!a.body.contains("[31m"));
        assert!(a.warnings.iter().any(|w| w.message.contains("escape")));
    }

    #[test]
    fn binary_is_skipped_and_named() {
        let s = Source { path: "x.txt".into(), stem: "x".into(), bytes: vec![0, 1, 2, 0, 255], truncated_from: None };
        assert!(parse(&s).unwrap_err().to_string().starts_with("x.txt: skipped: binary"));
    }

    #[test]
    fn empty_file_is_kept_with_a_warning() {
        let a = parse(&src("empty", "")).unwrap();
        assert!(a.sentences.is_empty());
        assert!(a.warnings.iter().any(|w| w.message.contains("no article text")));
    }

    #[test]
    fn clashing_ids_get_suffixes() {
        let l = parse_all(&[src("a", "One. Two."), src("a", "Three."), src("a-2", "Four.")]);
        let ids: Vec<&str> = l.articles.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(ids, ["a", "a-2", "a-2-2"]);
        assert!(l.articles[1].warnings.iter().any(|w| w.message.contains("renamed")));
    }

    #[test]
    fn batches_continue_ids_and_match_a_whole_load() {
        let dir = std::env::temp_dir().join(format!("parallax-batches-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("x")).unwrap();
        for (name, text) in [("a.txt", "One. Two."), ("b.txt", "Three."), ("x/a.txt", "Four."), ("c.md", "Five.")] {
            std::fs::write(dir.join(name), text).unwrap();
        }
        let plan = Plan::new(std::slice::from_ref(&dir)).unwrap();
        assert_eq!(plan.len(), 4);
        let mut batches = Vec::new();
        plan.load_in_batches(1, 2, |step| {
            if let Step::Batch(l) = step {
                batches.push(l.articles.iter().map(|a| a.id.clone()).collect::<Vec<_>>());
            }
        })
        .unwrap();
        assert_eq!(batches, [vec!["a"], vec!["b", "c"], vec!["a-2"]]);
        let all: Vec<String> = plan.load().unwrap().articles.into_iter().map(|a| a.id).collect();
        assert_eq!(all, ["a", "b", "c", "a-2"]);
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn removed_lines_stand_where_they_were() {
        let a = crate::fixture::article("Talks\n2025-03-04\n\nDelegates met on Monday.\nAdvertisement\nThey agreed.\n");
        let ad = a.removed.iter().find(|line| line.kind == Removal::Furniture).unwrap();
        assert_eq!(&a.body[ad.at..], "They agreed.");
        assert_eq!(removed::furniture_lines(&a.removed), 1);
    }

    #[test]
    fn sentence_lookup_by_offset() {
        let a = parse(&src("s", "One here. Two there.")).unwrap();
        assert_eq!(a.sentence_at(0), Some(0));
        assert_eq!(a.sentence_at(11), Some(1));
        assert_eq!(a.sentence_at(9), None);
        assert_eq!(a.label(), "One here.");
    }
}
