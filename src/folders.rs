//! Where parallax keeps things on disk: the user's folders as the
//! `directories` crate gives them (on Linux `$XDG_CACHE_HOME/parallax`,
//! else `~/.cache/parallax`, and so on). One place, so that the page cache
//! (`fetch::cache`), the sentence model's vector cache (`embed::cache`)
//! and the settings (`config`) agree on where parallax lives.

use std::path::PathBuf;

/// parallax's folders for this user, when the system gives a home.
pub fn project() -> Option<directories::ProjectDirs> {
    directories::ProjectDirs::from("", "", "parallax")
}

/// The cache folder; each cache keeps a folder of its own inside it
/// (`pages`, `vectors`).
pub fn cache() -> Option<PathBuf> {
    project().map(|dirs| dirs.cache_dir().to_path_buf())
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_cache_is_a_parallax_folder() {
        // Where it is depends on the system; its name does not.
        if let Some(cache) = super::cache() {
            assert!(cache.ends_with("parallax"), "{}", cache.display());
        }
    }
}
