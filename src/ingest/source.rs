//! Where articles come from: paths on the command line (files, and folders
//! read recursively) or the sample compiled into the binary.

use std::fmt;
use std::fs;
use std::io::Read;
use std::path::Path;

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
    /// Named directly, but a socket or a device (what it is).
    NotRegular(String, &'static str),
    /// A folder given holds more entries than the walk examines.
    TooManyEntries(String, usize),
    /// A link that is not read (its text, and why).
    BadLink(String, String),
}

impl InputError {
    fn parts(&self) -> (&str, String) {
        match self {
            InputError::Missing(p) => (p, "no such file or folder".into()),
            InputError::EmptyFolder(p) => (p, "folder holds no .txt, .md or .html files".into()),
            InputError::Unreadable(p, why) => (p, format!("cannot read: {why}")),
            InputError::NotRegular(p, kind) => (p, format!("{kind}, not a regular file; not read")),
            InputError::TooManyEntries(p, limit) => (
                p,
                format!(
                    "more than {limit} entries in the folders given; nothing read (name a smaller folder, or raise the limit with --max-entries)"
                ),
            ),
            InputError::BadLink(link, why) => (link, why.clone()),
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

/// Opens `path` for reading without waiting: a FIFO nobody writes to would
/// block an ordinary open forever. Only a regular file is taken, or a pipe
/// when `pipe` allows it (a FIFO or `<(command)` named directly), and then
/// read as it is written (to its end: at once, when nobody writes to it).
pub fn open(path: &Path, pipe: bool) -> Result<fs::File, InputError> {
    use std::os::unix::fs::{FileTypeExt, OpenOptionsExt};
    let shown = path.display().to_string();
    let unreadable = |e: std::io::Error| InputError::Unreadable(shown.clone(), io_reason(&e));
    let file = fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY)
        .open(path)
        .map_err(unreadable)?;
    let file_type = file.metadata().map_err(unreadable)?.file_type();
    if file_type.is_file() {
        return Ok(file);
    }
    if !(pipe && file_type.is_fifo()) {
        return Err(InputError::NotRegular(shown, super::walk::special_kind(file_type)));
    }
    blocking(&file).map_err(unreadable)?;
    Ok(file)
}

/// Clears `O_NONBLOCK`: a pipe with a writer is then read to its end.
fn blocking(file: &fs::File) -> std::io::Result<()> {
    use std::os::fd::AsRawFd;
    let fd = file.as_raw_fd();
    // SAFETY: fcntl on a descriptor this function borrows open, with
    // integer arguments only.
    let flags = unsafe { libc::fcntl(fd, libc::F_GETFL) };
    // SAFETY: as above.
    if flags < 0 || unsafe { libc::fcntl(fd, libc::F_SETFL, flags & !libc::O_NONBLOCK) } < 0 {
        return Err(std::io::Error::last_os_error());
    }
    Ok(())
}

/// Reads one regular file, at most [`MAX_FILE_BYTES`] of it.
pub fn read(path: &Path) -> Result<Source, InputError> {
    read_opened(path, false)
}

/// Reads a file named directly: a regular file or a pipe (see [`open`]).
pub fn read_named(path: &Path) -> Result<Source, InputError> {
    read_opened(path, true)
}

fn read_opened(path: &Path, pipe: bool) -> Result<Source, InputError> {
    let shown = path.display().to_string();
    let unreadable = |e: std::io::Error| InputError::Unreadable(shown.clone(), io_reason(&e));
    let file = open(path, pipe)?;
    let size = file.metadata().map(|m| m.len()).ok().filter(|&s| s > 0);
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
        let paths = [std::path::PathBuf::from("/no/such/place.txt")];
        let err = super::super::walk::list(&paths, Default::default(), &mut Vec::new()).unwrap_err();
        assert_eq!(err.to_string(), "/no/such/place.txt: no such file or folder");
    }

    #[test]
    fn a_fifo_is_read_without_waiting_and_a_device_refused() {
        let dir = std::env::temp_dir().join(format!("parallax-fifo-{}", std::process::id()));
        fs::create_dir_all(&dir).unwrap();
        let fifo = dir.join("pipe.txt");
        let name = std::ffi::CString::new(fifo.to_str().unwrap()).unwrap();
        // SAFETY: mkfifo with a valid NUL-terminated path.
        assert_eq!(unsafe { libc::mkfifo(name.as_ptr(), 0o600) }, 0);
        // Named directly with nobody writing: read at once, empty.
        assert!(read_named(&fifo).unwrap().bytes.is_empty());
        // Found in a folder: not taken.
        assert_eq!(read(&fifo).unwrap_err(), InputError::NotRegular(fifo.display().to_string(), "a FIFO"));
        let err = read_named(Path::new("/dev/zero")).unwrap_err();
        assert_eq!(err.to_string(), "/dev/zero: a device, not a regular file; not read");
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
