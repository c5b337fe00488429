//! parallax: read one news story through many sources at once.
//!
//! The library is the whole analysis, with no terminal code: [`ingest`]
//! reads and cleans articles, [`text`] segments and normalises them,
//! [`align`] finds the passages they share, [`timeline`] dates and merges
//! what happened, [`story`] groups statements across all sources, and
//! [`analysis`] runs the stages in order. [`export`]
//! prints the result; the terminal app (the `parallax` binary's `ui`
//! module) draws the same result, with settings and remembered state from
//! [`config`]. Nothing in the library touches a terminal.

pub mod align;
pub mod analysis;
pub mod config;
pub mod export;
#[cfg(test)]
mod fixture;
pub mod ingest;
mod par;
pub mod story;
pub mod text;
pub mod timeline;

pub use analysis::{Analysis, analyse};
