//! What the integration tests share.

use std::path::PathBuf;
use std::process::Command;

/// The `parallax` binary, with its vector cache in the build's scratch
/// folder (shared by the tests of one run, never the user's own).
pub fn parallax_command() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_parallax"));
    command.env("XDG_CACHE_HOME", cache_dir());
    command
}

/// Where the tests' vector cache lives.
pub fn cache_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("cache")
}
