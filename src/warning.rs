//! Warnings: what the reader should know about an input, the settings or
//! the remembered state, kept as data (what kind, which file, what
//! happened) and rendered in one place.
//!
//! A file's name is untrusted text (a file can be named with escape
//! sequences), and so is a message that quotes one: [`Warning`]'s `Display`
//! passes both through [`sanitize::visible`], so a rendered warning is safe
//! on a terminal, on stderr and, after Markdown escaping, in Markdown.

use std::borrow::Cow;
use std::fmt;
use std::io;
use std::path::Path;

use crate::text::sanitize;

/// What a warning is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// An input that was not read: binary data, unreadable, not a regular
    /// file, a link leaving the folders given, past the limit on entries.
    Skipped,
    /// A problem with a file that was read (its encoding, size, control
    /// characters, a clashing name): told on stderr and in the app.
    Problem,
    /// Something worth showing with an article (no date in the file, read
    /// as a web page); not told on stderr.
    Note,
    /// The settings file (`config.toml`) or a setting in it.
    Config,
    /// The remembered state (`state.json`).
    State,
    /// The sentence model or its vector cache: the analysis goes on (from
    /// words alone, or without the cache).
    Model,
}

/// One warning: its kind, the file it is about, and what happened.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Warning {
    pub kind: Kind,
    /// The file, as the user named it or as it was found in a folder.
    pub file: Option<String>,
    pub message: String,
}

impl Warning {
    pub fn new(kind: Kind, file: Option<String>, message: impl Into<String>) -> Warning {
        Warning { kind, file, message: message.into() }
    }

    /// An input that was not read, and why.
    pub fn skipped(file: impl AsRef<Path>, why: impl Into<String>) -> Warning {
        Warning::new(Kind::Skipped, Some(shown(file.as_ref())), why)
    }

    /// A problem with a file that was read.
    pub fn problem(file: impl AsRef<Path>, message: impl Into<String>) -> Warning {
        Warning::new(Kind::Problem, Some(shown(file.as_ref())), message)
    }

    /// A note about an article.
    pub fn note(file: impl AsRef<Path>, message: impl Into<String>) -> Warning {
        Warning::new(Kind::Note, Some(shown(file.as_ref())), message)
    }

    /// A problem with the settings file.
    pub fn config(file: impl AsRef<Path>, message: impl Into<String>) -> Warning {
        Warning::new(Kind::Config, Some(shown(file.as_ref())), message)
    }

    /// A problem with the state file.
    pub fn state(file: impl AsRef<Path>, message: impl Into<String>) -> Warning {
        Warning::new(Kind::State, Some(shown(file.as_ref())), message)
    }

    /// A problem with the sentence model or its cache (`file`: the cache
    /// file, when one is at fault).
    pub fn model(file: Option<&Path>, message: impl Into<String>) -> Warning {
        Warning::new(Kind::Model, file.map(shown), message)
    }

    /// Whether it is told on stderr and in the app's status line (all but
    /// notes, which are shown with their article).
    pub fn is_told(&self) -> bool {
        self.kind != Kind::Note
    }

    /// The message alone, safe to show (under the file's own heading).
    pub fn message(&self) -> Cow<'_, str> {
        sanitize::visible(&self.message)
    }
}

/// `file: message` (`file: skipped: why` for an input not read), with
/// every character a terminal would act on shown as an escape.
impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(file) = &self.file {
            write!(f, "{}: ", sanitize::visible(file))?;
            if self.kind == Kind::Skipped {
                f.write_str("skipped: ")?;
            }
        }
        f.write_str(&self.message())
    }
}

/// The message alone: an article's warnings in the JSON export (a list of
/// strings under the article; JSON escapes control characters itself).
impl serde::Serialize for Warning {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.message)
    }
}

/// Writes each warning as a line `parallax: warning: file: message` to
/// `out` (the command's stderr: the library itself prints nothing).
pub fn write_lines<'a>(out: &mut dyn io::Write, warnings: impl IntoIterator<Item = &'a Warning>) -> io::Result<()> {
    for warning in warnings {
        writeln!(out, "parallax: warning: {warning}")?;
    }
    out.flush()
}

/// A path as it is shown: lossy where it is not UTF-8.
fn shown(path: &Path) -> String {
    path.display().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_file_and_message_with_nothing_a_terminal_acts_on() {
        let hostile = "x\u{1b}]0;HACKED\u{7}\u{1b}[2J.txt";
        let w = Warning::skipped(hostile, "binary data");
        let line = w.to_string();
        assert_eq!(line, "x\\u{1b}]0;HACKED\\u{7}\\u{1b}[2J.txt: skipped: binary data");
        assert!(sanitize::is_clean(&line));
        let w = Warning::problem("a.txt", format!("id {:?} renamed", "b\u{9b}c"));
        assert_eq!(w.to_string(), "a.txt: id \"b\\u{9b}c\" renamed");
        let w = Warning::config("c.toml", "unknown setting `\u{1b}[31m`");
        assert_eq!(w.to_string(), "c.toml: unknown setting `\\u{1b}[31m`");
        assert!(!Warning::note("a.txt", "no date").is_told());
    }
}
