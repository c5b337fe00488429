//! Export: the analysis as JSON or Markdown, exactly as
//! `docs/export-format.md` describes. Both render the same [`Analysis`] the
//! terminal app draws.

pub mod json;
pub mod markdown;

use crate::analysis::Analysis;

/// Output formats of `parallax export`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Json,
    Markdown,
}

/// Renders the analysis in the given format.
pub fn render(analysis: &Analysis, format: Format) -> String {
    match format {
        Format::Json => json::render(analysis),
        Format::Markdown => markdown::render(analysis),
    }
}
