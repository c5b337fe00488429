//! Analysis speed: `cargo bench --bench analysis`.

use divan::Bencher;

fn main() {
    divan::main();
}

/// The whole analysis of the bundled sample: parse, segment, align, timeline.
#[divan::bench]
fn sample_end_to_end(b: Bencher) {
    let sources = parallax::ingest::source::sample();
    b.bench(|| parallax::analyse(parallax::ingest::parse_all(divan::black_box(&sources))));
}

/// Ingest alone (decode, clean, metadata, sentences) of the sample.
#[divan::bench]
fn sample_ingest(b: Bencher) {
    let sources = parallax::ingest::source::sample();
    b.bench(|| parallax::ingest::parse_all(divan::black_box(&sources)));
}
