//! The page cache: every page and feed fetched is kept with what its
//! server said about it (type, charset, `ETag`, `Last-Modified`, how long
//! it stays fresh) and when it was fetched, so that a set of links opens
//! again at once, is revalidated instead of downloaded, and reads with no
//! network at all (`--offline`).
//!
//! Layout: `<dir>/<hash of the link>.page`, one file per link: a magic
//! line, the [`Header`] as one line of JSON, then the body as it came.
//! Files are written whole to a temporary name and renamed, so a reader
//! never sees half an entry; an entry that does not read back whole, or
//! names another link, is ignored. A file's modification time is when it
//! was last used, and [`Cache::prune`] removes the least recently used
//! until the whole fits its cap. A cache that cannot be read or written
//! never stops a link from being read.

use std::fs;
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use serde::{Deserialize, Serialize};

use super::Link;

const MAGIC: &[u8] = b"parallax-page/1\n";

/// The cache's size above which the least recently used pages go.
pub const DEFAULT_CAP_BYTES: u64 = 256 << 20;

/// What is known about a cached page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Header {
    /// The link as asked for (the entry's key).
    pub link: String,
    /// Where the page was found, after redirects.
    pub url: String,
    /// The media type the server gave (`text/html`), lower case.
    pub media_type: Option<String>,
    pub charset: Option<String>,
    pub etag: Option<String>,
    pub last_modified: Option<String>,
    /// When the body was fetched, and when the server last confirmed it
    /// (seconds since 1970).
    pub fetched_at: u64,
    pub checked_at: u64,
    /// How long after `checked_at` the page is fresh (`Cache-Control:
    /// max-age`), in seconds.
    pub max_age: u64,
    /// The page's full size when it was cut at the size cap.
    pub truncated_from: Option<u64>,
    /// The body's length, to tell a whole entry from a cut one.
    pub length: u64,
}

/// A cached page: its header and body.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    pub header: Header,
    pub body: Vec<u8>,
}

impl Entry {
    /// Whether the server's own `max-age` still covers it at `now`.
    pub fn is_fresh(&self, now: u64) -> bool {
        now < self.header.checked_at.saturating_add(self.header.max_age)
    }
}

/// The cache in one folder.
#[derive(Clone, Debug)]
pub struct Cache {
    dir: PathBuf,
    cap_bytes: u64,
}

/// What pruning did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Pruned {
    pub removed: usize,
    pub kept_bytes: u64,
}

impl Cache {
    /// The user's page cache: `pages` in parallax's cache folder
    /// ([`crate::folders::cache`]; `$XDG_CACHE_HOME/parallax/pages` on
    /// Linux), beside the sentence model's `vectors`.
    pub fn user_dir() -> Option<PathBuf> {
        crate::folders::cache().map(|dir| dir.join("pages"))
    }

    pub fn at(dir: impl Into<PathBuf>, cap_bytes: u64) -> Cache {
        Cache { dir: dir.into(), cap_bytes }
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    fn path(&self, link: &str) -> PathBuf {
        self.dir.join(format!("{:016x}.page", fnv1a(link)))
    }

    /// The entry for `link`, if there is a whole one; using it makes it the
    /// most recently used.
    pub fn get(&self, link: &Link) -> Option<Entry> {
        let path = self.path(link.as_str());
        let mut bytes = Vec::new();
        fs::File::open(&path).ok()?.read_to_end(&mut bytes).ok()?;
        let rest = bytes.strip_prefix(MAGIC)?;
        let line_end = rest.iter().position(|&b| b == b'\n')?;
        let header: Header = serde_json::from_slice(&rest[..line_end]).ok()?;
        let body = &rest[line_end + 1..];
        if header.link != link.as_str() || body.len() as u64 != header.length {
            return None;
        }
        let entry = Entry { body: body.to_vec(), header };
        touch(&path);
        Some(entry)
    }

    /// Stores an entry (replacing the link's old one).
    pub fn put(&self, entry: &Entry) -> io::Result<()> {
        fs::create_dir_all(&self.dir)?;
        let path = self.path(&entry.header.link);
        let temporary = path.with_extension(format!("tmp-{}-{:?}", std::process::id(), std::thread::current().id()));
        let written = write_entry(&temporary, entry).and_then(|()| fs::rename(&temporary, &path));
        if written.is_err() {
            let _ = fs::remove_file(&temporary);
        }
        written
    }

    /// Removes the least recently used entries (and temporary files left
    /// by a crash) until the cache is within its cap.
    pub fn prune(&self) -> io::Result<Pruned> {
        let mut entries = Vec::new();
        for item in fs::read_dir(&self.dir)? {
            let path = item?.path();
            let Ok(meta) = fs::metadata(&path) else { continue };
            let used = meta.modified().unwrap_or(SystemTime::UNIX_EPOCH);
            match path.extension().and_then(|e| e.to_str()) {
                Some("page") => entries.push((used, meta.len(), path)),
                Some(other) if other.starts_with("tmp-") && is_stale(used) => {
                    let _ = fs::remove_file(&path);
                }
                _ => {}
            }
        }
        entries.sort();
        let mut total: u64 = entries.iter().map(|(_, size, _)| size).sum();
        let mut removed = 0;
        for (_, size, path) in &entries {
            if total <= self.cap_bytes {
                break;
            }
            if fs::remove_file(path).is_ok() {
                total -= size;
                removed += 1;
            }
        }
        Ok(Pruned { removed, kept_bytes: total })
    }
}

fn write_entry(path: &Path, entry: &Entry) -> io::Result<()> {
    let mut file = fs::File::create(path)?;
    file.write_all(MAGIC)?;
    serde_json::to_writer(&mut file, &entry.header)?;
    file.write_all(b"\n")?;
    // Not synced: a power cut may leave a cut file, which reads as no entry.
    file.write_all(&entry.body)
}

/// Marks a file used now (the cache's order of use is the files' times).
fn touch(path: &Path) {
    if let Ok(file) = fs::File::options().append(true).open(path) {
        let _ = file.set_modified(SystemTime::now());
    }
}

/// A temporary file older than an hour was left by a run that died.
fn is_stale(modified: SystemTime) -> bool {
    modified.elapsed().is_ok_and(|age| age.as_secs() > 3600)
}

/// A stable 64-bit hash (FNV-1a): the same link has the same file on
/// every run and machine.
fn fnv1a(text: &str) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in text.as_bytes() {
        hash ^= u64::from(*byte);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    hash
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scratch(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("parallax-page-cache-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        dir
    }

    fn entry(link: &str, body: &[u8]) -> Entry {
        Entry {
            header: Header {
                link: link.into(),
                url: link.into(),
                media_type: Some("text/html".into()),
                charset: None,
                etag: Some("\"v1\"".into()),
                last_modified: None,
                fetched_at: 100,
                checked_at: 100,
                max_age: 60,
                truncated_from: None,
                length: body.len() as u64,
            },
            body: body.to_vec(),
        }
    }

    #[test]
    fn entries_come_back_whole_or_not_at_all() {
        let dir = scratch("whole");
        let cache = Cache::at(&dir, DEFAULT_CAP_BYTES);
        let link = Link::parse("https://example.org/a").unwrap();
        assert_eq!(cache.get(&link), None);
        let stored = entry(link.as_str(), b"<html><p>Hello</p></html>");
        cache.put(&stored).unwrap();
        assert_eq!(cache.get(&link), Some(stored.clone()));
        assert!(stored.is_fresh(159) && !stored.is_fresh(160));
        // A cut file is no entry.
        let path = cache.path(link.as_str());
        let bytes = fs::read(&path).unwrap();
        fs::write(&path, &bytes[..bytes.len() - 3]).unwrap();
        assert_eq!(cache.get(&link), None);
        // Nor is garbage, or another link's entry under this name.
        fs::write(&path, b"garbage").unwrap();
        assert_eq!(cache.get(&link), None);
        let other = entry("https://example.org/b", b"x");
        write_entry(&path, &other).unwrap();
        assert_eq!(cache.get(&link), None);
        fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn pruning_removes_the_least_recently_used_first() {
        let dir = scratch("prune");
        let cache = Cache::at(&dir, 2500);
        let links: Vec<Link> = (0..4).map(|i| Link::parse(&format!("https://example.org/{i}")).unwrap()).collect();
        for (age, link) in links.iter().enumerate() {
            cache.put(&entry(link.as_str(), &[b'x'; 1000])).unwrap();
            let when = SystemTime::now() - std::time::Duration::from_secs(100 * (4 - age as u64));
            fs::File::options().append(true).open(cache.path(link.as_str())).unwrap().set_modified(when).unwrap();
        }
        // Reading the oldest makes it the newest.
        assert!(cache.get(&links[0]).is_some());
        let pruned = cache.prune().unwrap();
        assert_eq!(pruned.removed, 2);
        assert!(pruned.kept_bytes <= 2500);
        let kept: Vec<bool> = links.iter().map(|l| cache.get(l).is_some()).collect();
        assert_eq!(kept, [true, false, false, true]);
        fs::remove_dir_all(&dir).unwrap();
    }
}
