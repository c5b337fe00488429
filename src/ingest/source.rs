//! Where articles come from: paths on the command line (files, and folders
//! read recursively) or the sample compiled into the binary.

use std::fmt;
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

use crate::warning::Warning;

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/sample_files.rs"));
}

/// Files larger than this are read up to this size and marked truncated.
pub const MAX_FILE_BYTES: usize = 4 << 20;

/// One input file's raw contents.
#[derive(Debug, Clone)]
pub struct Source {
    /// The path as the user gave it (or `seeds/NAME` for the sample).
    pub path: String,
    /// The file name without its extension: the article's id.
    pub stem: String,
    pub bytes: Vec<u8>,
    /// The full size in bytes when the file was cut at [`MAX_FILE_BYTES`].
    pub truncated_from: Option<u64>,
}

/// A bad invocation: the paths given cannot be read as asked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InputError {
    Missing(String),
    EmptyFolder(String),
    Unreadable(String, String),
}

impl InputError {
    fn parts(&self) -> (&str, String) {
        match self {
            InputError::Missing(p) => (p, "no such file or folder".into()),
            InputError::EmptyFolder(p) => (p, "folder holds no .txt, .md or .html files".into()),
            InputError::Unreadable(p, why) => (p, format!("cannot read: {why}")),
        }
    }

    /// The same, for an input that is passed over rather than refused.
    pub fn into_warning(self) -> Warning {
        let (path, why) = self.parts();
        Warning::skipped(path, why)
    }
}

/// `path: problem`, the path made safe to print (it is the user's, or a
/// name found in a folder: either can hold escape sequences).
impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (path, why) = self.parts();
        write!(f, "{}: {why}", crate::text::sanitize::visible(path))
    }
}

impl std::error::Error for InputError {}

/// The bundled sample articles.
pub fn sample() -> Vec<Source> {
    embedded::FILES
        .iter()
        .map(|(name, bytes)| Source {
            path: format!("seeds/{name}"),
            stem: stem_of(Path::new(name)),
            bytes: bytes.to_vec(),
            truncated_from: None,
        })
        .collect()
}

fn stem_of(path: &Path) -> String {
    path.file_stem().map_or_else(|| "article".to_string(), |s| s.to_string_lossy().into_owned())
}

/// What a folder's files may be: text, Markdown, saved web pages.
const ARTICLE_EXTENSIONS: &[&str] = &["txt", "md", "html", "htm"];

fn is_article_file(path: &Path) -> bool {
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

/// Lists the article files named by `paths`, in order: each file as given,
/// each folder's `.txt`, `.md` and `.html` files recursively, sorted by
/// path (not the `*_files` folders a browser saves beside a page).
/// Unreadable entries inside a folder are reported in `skipped`.
pub fn list(paths: &[PathBuf], skipped: &mut Vec<Warning>) -> Result<Vec<PathBuf>, InputError> {
    let mut files = Vec::new();
    for p in paths {
        let shown = p.display().to_string();
        let meta = fs::metadata(p).map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => InputError::Missing(shown.clone()),
            _ => InputError::Unreadable(shown.clone(), io_reason(&e)),
        })?;
        if meta.is_dir() {
            let mut found = Vec::new();
            let mut visited = Vec::new();
            walk(p, 0, &mut found, &mut visited, skipped)
                .map_err(|e| InputError::Unreadable(shown.clone(), io_reason(&e)))?;
            if found.is_empty() {
                return Err(InputError::EmptyFolder(shown));
            }
            found.sort();
            files.extend(found);
        } else {
            files.push(p.clone());
        }
    }
    Ok(files)
}

fn walk(
    dir: &Path,
    depth: usize,
    out: &mut Vec<PathBuf>,
    visited: &mut Vec<PathBuf>,
    skipped: &mut Vec<Warning>,
) -> std::io::Result<()> {
    // Symlinked folders can loop; each real folder is read once.
    if let Ok(real) = fs::canonicalize(dir) {
        if visited.contains(&real) {
            return Ok(());
        }
        visited.push(real);
    }
    if depth > 64 {
        skipped.push(Warning::skipped(dir, "folders nested too deeply; not read"));
        return Ok(());
    }
    for entry in fs::read_dir(dir)? {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                skipped.push(Warning::skipped(dir, io_reason(&e)));
                continue;
            }
        };
        let path = entry.path();
        if is_hidden(&path) {
            continue;
        }
        match fs::metadata(&path) {
            // A browser's "Save Page As" keeps a page's images, scripts and
            // frames in `Page_files/`: parts of a page, not articles.
            Ok(m) if m.is_dir() && is_page_parts(&path) => {}
            Ok(m) if m.is_dir() => {
                if let Err(e) = walk(&path, depth + 1, out, visited, skipped) {
                    skipped.push(Warning::skipped(&path, format!("cannot read folder: {}", io_reason(&e))));
                }
            }
            Ok(_) if is_article_file(&path) => out.push(path),
            Ok(_) => {}
            Err(e) if is_article_file(&path) => skipped.push(Warning::skipped(&path, io_reason(&e))),
            Err(_) => {}
        }
    }
    Ok(())
}

/// Reads one file, at most [`MAX_FILE_BYTES`] of it.
pub fn read(path: &Path) -> Result<Source, InputError> {
    let shown = path.display().to_string();
    let unreadable = |e: std::io::Error| InputError::Unreadable(shown.clone(), io_reason(&e));
    let file = fs::File::open(path).map_err(unreadable)?;
    let size = file.metadata().map(|m| m.len()).ok();
    let mut bytes = Vec::with_capacity(size.map_or(0, |s| s.min(MAX_FILE_BYTES as u64) as usize));
    file.take(MAX_FILE_BYTES as u64 + 1).read_to_end(&mut bytes).map_err(unreadable)?;
    let mut truncated_from = None;
    if bytes.len() > MAX_FILE_BYTES {
        bytes.truncate(MAX_FILE_BYTES);
        // Do not leave half a UTF-8 character at the cut.
        let keep = bytes.len() - bytes.iter().rev().take(3).take_while(|&&b| b & 0xC0 == 0x80).count();
        if keep > 0 && bytes[keep - 1] >= 0xC0 {
            bytes.truncate(keep - 1);
        }
        truncated_from = Some(size.unwrap_or(MAX_FILE_BYTES as u64 + 1));
    }
    Ok(Source { path: shown, stem: stem_of(path), bytes, truncated_from })
}

pub(crate) fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        std::io::ErrorKind::NotFound => "no such file or folder".into(),
        std::io::ErrorKind::IsADirectory => "is a folder".into(),
        _ => {
            let s = e.to_string();
            // Drop the " (os error N)" suffix: the reader wants the reason.
            s.split(" (os error").next().unwrap_or(&s).to_string()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sample_is_embedded_and_sorted() {
        let s = sample();
        assert!(s.len() >= 2);
        assert!(s.windows(2).all(|w| w[0].path < w[1].path));
        assert!(s.iter().all(|x| x.path.starts_with("seeds/") && !x.bytes.is_empty()));
    }

    #[test]
    fn missing_path_is_named() {
        let err = list(&[PathBuf::from("/no/such/place.txt")], &mut Vec::new()).unwrap_err();
        assert_eq!(err.to_string(), "/no/such/place.txt: no such file or folder");
    }

    #[test]
    fn folders_are_read_recursively_and_sorted() {
        let dir = std::env::temp_dir().join(format!("parallax-src-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(dir.join("b/inner")).unwrap();
        fs::write(dir.join("b/inner/z.md"), "z").unwrap();
        fs::write(dir.join("a.txt"), "a").unwrap();
        fs::write(dir.join("c.TXT"), "c").unwrap();
        fs::write(dir.join("skip.json"), "{}").unwrap();
        fs::write(dir.join(".hidden.txt"), "h").unwrap();
        let files = list(std::slice::from_ref(&dir), &mut Vec::new()).unwrap();
        let names: Vec<String> = files.iter().map(|p| p.strip_prefix(&dir).unwrap().display().to_string()).collect();
        assert_eq!(names, ["a.txt", "b/inner/z.md", "c.TXT"]);
        fs::create_dir_all(dir.join("empty")).unwrap();
        let err = list(&[dir.join("empty")], &mut Vec::new()).unwrap_err();
        assert!(matches!(err, InputError::EmptyFolder(_)));
        fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn large_files_are_cut_on_a_character_boundary() {
        let dir = std::env::temp_dir().join(format!("parallax-big-{}", std::process::id()));
        fs::create_dir_all(&dir).unwrap();
        let path = dir.join("big.txt");
        let text = "é".repeat(MAX_FILE_BYTES / 2 + 10);
        fs::write(&path, &text).unwrap();
        let s = read(&path).unwrap();
        assert!(s.bytes.len() <= MAX_FILE_BYTES);
        assert!(std::str::from_utf8(&s.bytes).is_ok());
        assert_eq!(s.truncated_from, Some(text.len() as u64));
        fs::remove_dir_all(&dir).unwrap();
    }
}
