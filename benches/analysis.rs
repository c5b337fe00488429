//! Analysis speed: `cargo bench --bench analysis`.
//!
//! The sample, and generated corpora of clustered stories (see
//! `benches/support/corpus.rs`) of 1,000 and 5,000 articles. Peak memory for
//! the same corpora is reported by `cargo run --release --example scale`.

#[path = "support/corpus.rs"]
mod corpus;

use divan::Bencher;
use parallax::ingest::{Source, parse_all};

fn main() {
    divan::main();
}

fn generated(n: usize) -> Vec<Source> {
    corpus::generate(n, 10, 700, 42)
        .into_iter()
        .map(|(name, text)| Source { path: name.clone(), stem: name, bytes: text.into_bytes(), truncated_from: None })
        .collect()
}

/// The whole analysis of the bundled sample: parse, segment, align, timeline.
#[divan::bench]
fn sample_end_to_end(b: Bencher) {
    let sources = parallax::ingest::source::sample();
    b.bench(|| parallax::analyse(parse_all(divan::black_box(&sources))));
}

/// Ingest alone (decode, clean, metadata, sentences) of the sample.
#[divan::bench]
fn sample_ingest(b: Bencher) {
    let sources = parallax::ingest::source::sample();
    b.bench(|| parse_all(divan::black_box(&sources)));
}

/// The sample's export as JSON, analysis included.
#[divan::bench]
fn sample_export_json(b: Bencher) {
    let sources = parallax::ingest::source::sample();
    b.bench(|| {
        let a = parallax::analyse(parse_all(divan::black_box(&sources)));
        let mut out = Vec::new();
        parallax::export::json::write(&a, &mut out).unwrap();
        out
    });
}

/// 1,000 generated articles (about 0.7 M words), end to end.
#[divan::bench(sample_count = 5, sample_size = 1)]
fn generated_1000(b: Bencher) {
    let sources = generated(1000);
    b.bench(|| parallax::analyse(parse_all(divan::black_box(&sources))));
}

/// 5,000 generated articles (about 3.6 M words), end to end.
#[divan::bench(sample_count = 2, sample_size = 1)]
fn generated_5000(b: Bencher) {
    let sources = generated(5000);
    b.bench(|| parallax::analyse(parse_all(divan::black_box(&sources))));
}
