//! Which files a set of paths names: each file as given, each folder's
//! article files (`.txt`, `.md`, `.html`) found recursively.
//!
//! A folder is untrusted input like a file. The walk reads only regular
//! files (a FIFO would block the reader, a device never ends): anything
//! else with an article's name is passed over with a warning, told from
//! the folder entry before anything is opened. A symbolic link that leads
//! outside the folders given is passed over with a warning unless
//! [`Walk::follow_links`] says otherwise (a link to `/` would read the
//! whole disk). Every folder is read once, found by device and inode, so
//! links cannot loop and the walk is linear in the entries it meets, and it
//! stops with an error past [`Walk::max_entries`] entries: a set is never
//! cut silently.

use std::collections::HashSet;
use std::fs;
use std::os::unix::fs::{FileTypeExt, MetadataExt};
use std::path::{Path, PathBuf};

use super::source::{InputError, io_reason};
use crate::warning::Warning;

/// Folders nested deeper than this are not read (with a warning).
const MAX_DEPTH: usize = 64;

/// Folder entries examined at most, by default, over all folders given.
pub const MAX_ENTRIES: usize = 200_000;

/// How folders are walked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Walk {
    /// Follow symbolic links that lead outside the folders given.
    pub follow_links: bool,
    /// Folder entries examined at most (files of any kind and folders);
    /// past it the walk stops with [`InputError::TooManyEntries`].
    pub max_entries: usize,
}

impl Default for Walk {
    fn default() -> Walk {
        Walk { follow_links: false, max_entries: MAX_ENTRIES }
    }
}

/// What a folder's files may be: text, Markdown, saved web pages.
const ARTICLE_EXTENSIONS: &[&str] = &["txt", "md", "html", "htm"];

pub(crate) fn is_article_file(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| ARTICLE_EXTENSIONS.iter().any(|x| e.eq_ignore_ascii_case(x)))
}

/// `Page_files/` beside `Page.html`.
fn is_page_parts(dir: &Path) -> bool {
    let Some(name) = dir.file_name().and_then(|n| n.to_str()) else { return false };
    let Some(page) = name.strip_suffix("_files").or_else(|| name.strip_suffix("-Dateien")) else { return false };
    ["html", "htm"].iter().any(|ext| dir.with_file_name(format!("{page}.{ext}")).is_file())
}

fn is_hidden(path: &Path) -> bool {
    path.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with('.'))
}

/// What a file that is not a regular file is, for a warning.
pub(crate) fn special_kind(file_type: fs::FileType) -> &'static str {
    if file_type.is_fifo() {
        "a FIFO"
    } else if file_type.is_socket() {
        "a socket"
    } else if file_type.is_char_device() || file_type.is_block_device() {
        "a device"
    } else {
        "not a regular file"
    }
}

/// Lists the article files named by `paths`, in order: each file as given,
/// each folder's article files recursively, sorted by path (not the
/// `*_files` folders a browser saves beside a page). What was passed over
/// inside a folder is added to `skipped`.
pub fn list(paths: &[PathBuf], walk: Walk, skipped: &mut Vec<Warning>) -> Result<Vec<PathBuf>, InputError> {
    let mut walker = Walker::new(walk, skipped);
    // Every folder given is a root before any is walked: a link from one
    // into another stays inside.
    for path in paths {
        let meta = fs::metadata(path).map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => InputError::Missing(shown(path)),
            _ => InputError::Unreadable(shown(path), io_reason(&e)),
        })?;
        if meta.is_dir() {
            walker.roots.push(fs::canonicalize(path).unwrap_or_else(|_| path.clone()));
        }
    }
    let mut files = Vec::new();
    for path in paths {
        if !path.is_dir() {
            files.push(path.clone());
            continue;
        }
        let before = walker.found.len();
        walker.folder(path, path, 0)?;
        if walker.found.len() == before {
            return Err(InputError::EmptyFolder(shown(path)));
        }
        let mut found = walker.found.split_off(before);
        found.sort();
        files.extend(found);
    }
    Ok(files)
}

fn shown(path: &Path) -> String {
    path.display().to_string()
}

/// One walk over the folders given.
struct Walker<'a> {
    walk: Walk,
    /// The folders given, resolved.
    roots: Vec<PathBuf>,
    /// Folders read, by device and inode.
    seen: HashSet<(u64, u64)>,
    entries: usize,
    found: Vec<PathBuf>,
    skipped: &'a mut Vec<Warning>,
}

impl<'a> Walker<'a> {
    fn new(walk: Walk, skipped: &'a mut Vec<Warning>) -> Walker<'a> {
        Walker { walk, roots: Vec::new(), seen: HashSet::new(), entries: 0, found: Vec::new(), skipped }
    }

    /// Reads folder `dir` (under the folder given, `root`), unless it was
    /// read already.
    fn folder(&mut self, root: &Path, dir: &Path, depth: usize) -> Result<(), InputError> {
        let entries = match fs::metadata(dir).and_then(|meta| Ok((meta, fs::read_dir(dir)?))) {
            Ok((meta, entries)) => {
                if !self.seen.insert((meta.dev(), meta.ino())) {
                    return Ok(());
                }
                entries
            }
            Err(e) if depth == 0 => return Err(InputError::Unreadable(shown(dir), io_reason(&e))),
            Err(e) => {
                self.skipped.push(Warning::skipped(dir, format!("cannot read folder: {}", io_reason(&e))));
                return Ok(());
            }
        };
        if depth > MAX_DEPTH {
            self.skipped.push(Warning::skipped(dir, "folders nested too deeply; not read"));
            return Ok(());
        }
        // In name order, so that what is met first (a folder reached by two
        // links) does not depend on the file system's order.
        let mut listed = Vec::new();
        for entry in entries {
            self.entries += 1;
            if self.entries > self.walk.max_entries {
                return Err(InputError::TooManyEntries(shown(root), self.walk.max_entries));
            }
            match entry {
                Ok(entry) => listed.push(entry),
                Err(e) => self.skipped.push(Warning::skipped(dir, io_reason(&e))),
            }
        }
        listed.sort_by_key(fs::DirEntry::file_name);
        for entry in &listed {
            self.entry(root, entry, depth)?;
        }
        Ok(())
    }

    /// One folder entry: an article file is kept, a folder read, a link
    /// followed if it stays inside, anything else passed over.
    fn entry(&mut self, root: &Path, entry: &fs::DirEntry, depth: usize) -> Result<(), InputError> {
        let path = entry.path();
        if is_hidden(&path) {
            return Ok(());
        }
        let Ok(mut file_type) = entry.file_type() else { return Ok(()) };
        if file_type.is_symlink() {
            match self.follow(&path) {
                Some(target) => file_type = target,
                None => return Ok(()),
            }
        }
        if file_type.is_dir() {
            // A browser's "Save Page As" keeps a page's images, scripts and
            // frames in `Page_files/`: parts of a page, not articles.
            if !is_page_parts(&path) {
                self.folder(root, &path, depth + 1)?;
            }
        } else if is_article_file(&path) {
            if file_type.is_file() {
                self.found.push(path);
            } else {
                let kind = special_kind(file_type);
                self.skipped.push(Warning::skipped(&path, format!("{kind}, not a regular file; not read")));
            }
        }
        Ok(())
    }

    /// Where the link at `path` leads, when the walk should go there. Inside
    /// the folders given, a folder or an article file is read under its own
    /// name, not again through a link; outside, the walk goes only when
    /// links are followed. A link to nothing, or outside, is told when it
    /// has an article's name or leads to a folder.
    fn follow(&mut self, path: &Path) -> Option<fs::FileType> {
        let target = match fs::canonicalize(path).and_then(|t| Ok((fs::metadata(&t)?, t))) {
            Ok((meta, target)) => (meta.file_type(), target),
            Err(e) => {
                if is_article_file(path) {
                    self.skipped
                        .push(Warning::skipped(path, format!("a link to nothing ({}); not read", io_reason(&e))));
                }
                return None;
            }
        };
        let (file_type, resolved) = target;
        let inside = self.roots.iter().any(|root| resolved.starts_with(root));
        if inside && (file_type.is_dir() || is_article_file(&resolved)) {
            return None;
        }
        if !inside && !self.walk.follow_links {
            if file_type.is_dir() || is_article_file(path) {
                let message = format!(
                    "a link to {}, outside the folders given; not read (--follow-links reads it)",
                    resolved.display()
                );
                self.skipped.push(Warning::skipped(path, message));
            }
            return None;
        }
        Some(file_type)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::unix::fs::symlink;

    fn scratch(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("parallax-walk-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        dir
    }

    fn names(dir: &Path, files: &[PathBuf]) -> Vec<String> {
        files.iter().map(|p| p.strip_prefix(dir).unwrap().display().to_string()).collect()
    }

    #[test]
    fn folders_are_read_recursively_and_sorted() {
        let dir = scratch("sorted");
        fs::create_dir_all(dir.join("b/inner")).unwrap();
        fs::write(dir.join("b/inner/z.md"), "z").unwrap();
        fs::write(dir.join("a.txt"), "a").unwrap();
        fs::write(dir.join("c.TXT"), "c").unwrap();
        fs::write(dir.join("skip.json"), "{}").unwrap();
        fs::write(dir.join(".hidden.txt"), "h").unwrap();
        let files = list(std::slice::from_ref(&dir), Walk::default(), &mut Vec::new()).unwrap();
        assert_eq!(names(&dir, &files), ["a.txt", "b/inner/z.md", "c.TXT"]);
        fs::create_dir_all(dir.join("empty")).unwrap();
        let err = list(&[dir.join("empty")], Walk::default(), &mut Vec::new()).unwrap_err();
        assert!(matches!(err, InputError::EmptyFolder(_)));
        fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn special_files_are_passed_over_with_a_warning() {
        let dir = scratch("special");
        fs::write(dir.join("a.txt"), "a").unwrap();
        let fifo = std::ffi::CString::new(dir.join("pipe.txt").to_str().unwrap()).unwrap();
        // SAFETY: mkfifo with a valid NUL-terminated path.
        assert_eq!(unsafe { libc::mkfifo(fifo.as_ptr(), 0o600) }, 0);
        let socket = std::os::unix::net::UnixListener::bind(dir.join("socket.md")).unwrap();
        symlink("/dev/null", dir.join("device.txt")).unwrap();
        let mut skipped = Vec::new();
        let walk = Walk { follow_links: true, ..Walk::default() };
        let files = list(std::slice::from_ref(&dir), walk, &mut skipped).unwrap();
        assert_eq!(names(&dir, &files), ["a.txt"]);
        let mut told: Vec<String> = skipped.iter().map(|w| w.to_string()).collect();
        told.sort();
        assert_eq!(told.len(), 3, "{told:?}");
        assert!(told[0].ends_with("device.txt: skipped: a device, not a regular file; not read"), "{told:?}");
        assert!(told[1].ends_with("pipe.txt: skipped: a FIFO, not a regular file; not read"), "{told:?}");
        assert!(told[2].ends_with("socket.md: skipped: a socket, not a regular file; not read"), "{told:?}");
        drop(socket);
        fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn links_stay_inside_the_folders_given_unless_allowed() {
        let dir = scratch("links");
        let outside = scratch("links-outside");
        fs::write(outside.join("far.txt"), "far").unwrap();
        fs::create_dir_all(dir.join("in")).unwrap();
        fs::write(dir.join("in/a.txt"), "a").unwrap();
        symlink(&outside, dir.join("out")).unwrap();
        symlink(outside.join("far.txt"), dir.join("far.txt")).unwrap();
        symlink(dir.join("in"), dir.join("again")).unwrap();
        symlink(&dir, dir.join("in/loop")).unwrap();
        symlink(dir.join("nowhere.txt"), dir.join("broken.txt")).unwrap();
        let mut skipped = Vec::new();
        let files = list(std::slice::from_ref(&dir), Walk::default(), &mut skipped).unwrap();
        // The folder linked twice and the loop are read once.
        assert_eq!(files.len(), 1, "{files:?}");
        let told: Vec<String> = skipped.iter().map(|w| w.to_string()).collect();
        assert_eq!(told.len(), 3, "{told:?}");
        assert!(told.iter().any(|w| w.contains("far.txt: skipped: a link to ") && w.contains("--follow-links")));
        assert!(told.iter().any(|w| w.contains("/out: skipped: a link to ")), "{told:?}");
        assert!(told.iter().any(|w| w.contains("broken.txt: skipped: a link to nothing")), "{told:?}");
        let walk = Walk { follow_links: true, ..Walk::default() };
        let files = list(std::slice::from_ref(&dir), walk, &mut Vec::new()).unwrap();
        assert_eq!(files.len(), 3, "{files:?}");
        fs::remove_dir_all(&dir).unwrap();
        fs::remove_dir_all(&outside).unwrap();
    }

    #[test]
    fn a_link_into_a_folder_given_is_read_under_its_own_name() {
        let first = scratch("first");
        let second = scratch("second");
        fs::write(first.join("a.txt"), "a").unwrap();
        fs::write(second.join("b.txt"), "b").unwrap();
        symlink(second.join("b.txt"), first.join("b-link.txt")).unwrap();
        symlink(&second, first.join("second")).unwrap();
        let mut skipped = Vec::new();
        let files = list(&[first.clone(), second.clone()], Walk::default(), &mut skipped).unwrap();
        // Read once each, under their own names; no warning.
        assert_eq!(files, [first.join("a.txt"), second.join("b.txt")], "{skipped:?}");
        assert!(skipped.is_empty());
        fs::remove_dir_all(&first).unwrap();
        fs::remove_dir_all(&second).unwrap();
    }

    #[test]
    fn the_walk_stops_past_its_limit_on_entries() {
        let dir = scratch("limit");
        for i in 0..20 {
            fs::create_dir_all(dir.join(format!("d{i}"))).unwrap();
        }
        fs::write(dir.join("a.txt"), "a").unwrap();
        let walk = Walk { max_entries: 10, ..Walk::default() };
        let err = list(std::slice::from_ref(&dir), walk, &mut Vec::new()).unwrap_err();
        assert_eq!(err, InputError::TooManyEntries(dir.display().to_string(), 10));
        assert!(err.to_string().contains("more than 10 entries"), "{err}");
        let walk = Walk { max_entries: 21, ..Walk::default() };
        assert_eq!(list(std::slice::from_ref(&dir), walk, &mut Vec::new()).unwrap().len(), 1);
        fs::remove_dir_all(&dir).unwrap();
    }
}
