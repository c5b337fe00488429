//! parallax: read one news story through many sources at once.
//!
//! The library is the whole analysis, with no terminal code: [`ingest`]
//! reads and cleans articles (from files, or from links and feeds that
//! [`fetch`] gets), [`text`] segments and normalises them,
//! [`align`] finds the passages they share, [`timeline`] dates and merges
//! what happened, [`story`] groups statements across all sources, and
//! [`analysis`] runs the stages in order. [`export`]
//! prints the result; the terminal app (the `parallax` binary's `ui`
//! module) draws the same result, with settings and remembered state from
//! [`config`]. What goes wrong on the way is a [`warning`]. Nothing in
//! the library touches a terminal.

pub mod align;
pub mod analysis;
pub mod config;
pub mod embed;
pub mod export;
pub mod fetch;
#[cfg(test)]
mod fixture;
mod folders;
pub mod ingest;
pub mod labels;
mod par;
pub mod story;
pub mod text;
pub mod timeline;
pub mod warning;

pub use analysis::{Analysis, analyse};

/// Checks of the rules in ARCHITECTURE.md that the compiler does not keep.
#[cfg(test)]
mod architecture {
    use std::path::{Path, PathBuf};

    /// The library's modules and the modules each may import: the layers
    /// of ARCHITECTURE.md, lowest first.
    const LAYERS: &[(&str, &[&str])] = &[
        ("text", &[]),
        ("par", &[]),
        ("folders", &[]),
        ("warning", &["text"]),
        ("config", &["warning", "folders"]),
        ("fetch", &["text", "warning", "folders"]),
        ("ingest", &["text", "par", "warning", "fetch"]),
        ("labels", &["text", "ingest"]),
        ("embed", &["par", "warning", "folders"]),
        ("align", &["text", "ingest", "embed", "par"]),
        ("timeline", &["text", "ingest", "align", "par"]),
        ("story", &["text", "ingest", "labels", "align", "timeline", "par"]),
        ("analysis", &["ingest", "embed", "align", "timeline", "story", "par"]),
        ("export", &["text", "ingest", "labels", "embed", "align", "timeline", "story", "analysis"]),
    ];

    /// Files of the library that are not a module of the map: the crate
    /// root, the binary and its terminal app, and the test fixture.
    const OFF_THE_MAP: &[&str] = &["lib.rs", "main.rs", "ui", "fixture.rs"];

    fn source_root() -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
    }

    /// The `.rs` files under `path`, or `path` itself.
    fn rust_files(path: &Path) -> Vec<PathBuf> {
        if path.is_file() {
            return vec![path.to_path_buf()];
        }
        let mut files: Vec<PathBuf> = std::fs::read_dir(path)
            .expect("the source folder lists")
            .flat_map(|entry| rust_files(&entry.expect("a folder entry").path()))
            .filter(|file| file.extension().is_some_and(|extension| extension == "rs"))
            .collect();
        files.sort();
        files
    }

    /// Each top-level module of the library and its files.
    fn modules() -> Vec<(String, Vec<PathBuf>)> {
        let mut modules: Vec<(String, Vec<PathBuf>)> = std::fs::read_dir(source_root())
            .expect("src lists")
            .map(|entry| entry.expect("a folder entry").path())
            .filter(|path| path.is_dir() || path.extension().is_some_and(|extension| extension == "rs"))
            .map(|path| {
                let name = path.file_name().and_then(|n| n.to_str()).expect("a UTF-8 name").to_string();
                (name, rust_files(&path))
            })
            .filter(|(name, _)| !OFF_THE_MAP.contains(&name.as_str()))
            .map(|(name, files)| (name.trim_end_matches(".rs").to_string(), files))
            .collect();
        modules.sort();
        modules
    }

    /// A file's code before its test module (`#[cfg(test)] mod tests {`),
    /// where imports for tests only (the fixture, the export in a test of
    /// the analysis) are.
    fn code_of(file: &Path) -> String {
        let text = std::fs::read_to_string(file).expect("a source file reads");
        let test_module = text.match_indices("#[cfg(test)]").map(|(at, _)| at).find(|&at| {
            let next_line = text[at..].lines().nth(1).unwrap_or("").trim();
            next_line.starts_with("mod ") && next_line.ends_with('{')
        });
        text[..test_module.unwrap_or(text.len())].to_string()
    }

    /// The top-level modules a piece of code names as `crate::name`,
    /// including grouped imports (`crate::{align, ingest::Article}`).
    fn crate_modules(code: &str) -> Vec<String> {
        let mut names = Vec::new();
        for (at, _) in code.match_indices("crate::") {
            let rest = &code[at + "crate::".len()..];
            let group = match rest.strip_prefix('{') {
                Some(inside) => &inside[..inside.find('}').unwrap_or(inside.len())],
                None => rest,
            };
            for item in group.split(',') {
                let name: String =
                    item.trim_start().chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '_').collect();
                if !name.is_empty() && !names.contains(&name) {
                    names.push(name);
                }
                if !rest.starts_with('{') {
                    break;
                }
            }
        }
        names
    }

    #[test]
    fn every_module_is_on_the_map() {
        let map = std::fs::read_to_string(source_root().join("../ARCHITECTURE.md")).expect("ARCHITECTURE.md reads");
        for (module, _) in modules() {
            assert!(LAYERS.iter().any(|(name, _)| *name == module), "{module} has no layer in LAYERS");
            let heading_dir = format!("### `src/{module}/`");
            let heading_file = format!("### `src/{module}.rs`");
            assert!(
                map.contains(&heading_dir) || map.contains(&heading_file),
                "ARCHITECTURE.md has no paragraph for {module}"
            );
        }
    }

    #[test]
    fn layers_import_only_downwards() {
        let mut violations = Vec::new();
        for (module, files) in modules() {
            let allowed = LAYERS.iter().find(|(name, _)| *name == module).map_or(&[][..], |(_, allowed)| *allowed);
            for file in files {
                for imported in crate_modules(&code_of(&file)) {
                    if imported != module && !allowed.contains(&imported.as_str()) {
                        violations.push(format!("{} imports crate::{imported}", file.display()));
                    }
                }
            }
        }
        assert!(violations.is_empty(), "imports against the layers of ARCHITECTURE.md: {violations:#?}");
    }

    #[test]
    fn the_library_has_no_terminal_code() {
        let forbidden = ["ratatui", "crossterm", "signal_hook", "print!", "println!", "std::io::stdout", "stderr("];
        let mut found = Vec::new();
        let library = modules().into_iter().flat_map(|(_, files)| files).chain([source_root().join("lib.rs")]);
        for file in library {
            let code = code_of(&file);
            found.extend(
                forbidden.iter().filter(|word| code.contains(*word)).map(|word| format!("{}: {word}", file.display())),
            );
        }
        assert!(found.is_empty(), "terminal code in the library: {found:#?}");
    }

    #[test]
    fn only_fetch_uses_the_network() {
        let network = ["ureq", "std::net", "TcpStream"];
        let mut found = Vec::new();
        let library = modules().into_iter().filter(|(name, _)| name != "fetch").flat_map(|(_, files)| files);
        for file in library.chain([source_root().join("lib.rs"), source_root().join("main.rs")]) {
            let code = code_of(&file);
            found.extend(
                network.iter().filter(|word| code.contains(*word)).map(|word| format!("{}: {word}", file.display())),
            );
        }
        assert!(found.is_empty(), "network code outside fetch: {found:#?}");
    }

    #[test]
    fn crate_modules_reads_paths_and_groups() {
        assert_eq!(crate_modules("use crate::text::Span;\nlet x = crate::par::map(a, f);"), ["text", "par"]);
        assert_eq!(crate_modules("use crate::{align, ingest::Article};"), ["align", "ingest"]);
    }
}
