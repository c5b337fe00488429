//! Fuzz target: arbitrary bytes through ingest (as text, Markdown or a web
//! page), segmentation, alignment and the timeline, as one or several
//! articles. Checks the invariants the
//! export relies on: clean text, spans inside bodies on character
//! boundaries, sentences in order.
//!
//! `cargo +nightly fuzz run analyse` (from the project root).

#![no_main]

use libfuzzer_sys::fuzz_target;
use parallax::ingest::{Source, parse_all};
use parallax::text::sanitize::is_clean;

fuzz_target!(|data: &[u8]| {
    // A 0xFF byte separates articles, so one input can be a set of them;
    // the first byte picks how they are read (text, Markdown, web page).
    let ext = match data.first().map(|b| b % 3) {
        Some(1) => "md",
        Some(2) => "html",
        _ => "txt",
    };
    let sources: Vec<Source> = data
        .split(|&b| b == 0xFF)
        .take(6)
        .enumerate()
        .map(|(i, bytes)| Source {
            path: format!("{i}.{ext}"),
            stem: format!("a{i}"),
            bytes: bytes.to_vec(),
            truncated_from: None,
        })
        .collect();
    let analysis = parallax::analyse(parse_all(&sources));
    for a in &analysis.articles {
        assert!(is_clean(&a.body));
        let mut last = 0;
        for s in &a.sentences {
            assert!(s.start >= last && s.start < s.end && s.end <= a.body.len());
            assert!(a.body.is_char_boundary(s.start) && a.body.is_char_boundary(s.end));
            last = s.end;
        }
    }
    for p in &analysis.passages {
        for side in [&p.a, &p.b] {
            let body = &analysis.articles[side.article].body;
            assert!(body.is_char_boundary(side.span.start) && body.is_char_boundary(side.span.end));
        }
        let _ = p.diff(&analysis.articles).ratio();
    }
    for e in &analysis.timeline {
        for m in &e.mentions {
            let body = &analysis.articles[m.article].body;
            assert!(m.span.end <= body.len() && body.is_char_boundary(m.span.start) && body.is_char_boundary(m.span.end));
        }
    }
    let _ = parallax::export::markdown::render(&analysis);
});
