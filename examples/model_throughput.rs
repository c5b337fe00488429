//! Sentence-model throughput: `cargo run --release --example model_throughput [-- SENTENCES]`.
//!
//! Encodes the sample's sentences (repeated up to SENTENCES, default 320)
//! in the encoder's batches, and reports sentences and tokens per second.
//! It checks what it timed: every batched vector is compared with the
//! same sentence encoded alone (cosine must be > 0.99999), and the vectors
//! of the reference sentences with `tests/fixtures/minilm-reference.json`.

use std::time::Instant;

use parallax::embed::{Model, cosine};

fn main() {
    let wanted: usize = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(320);
    let started = Instant::now();
    let model = Model::bundled().expect("the bundled model loads");
    println!("model loaded in {:.0} ms", started.elapsed().as_secs_f64() * 1e3);
    let articles = parallax::ingest::load(&[]).expect("sample").articles;
    let sample: Vec<&str> = articles.iter().flat_map(|a| (0..a.sentences.len()).map(move |i| a.sentence(i))).collect();
    let texts: Vec<&str> = sample.iter().cycle().take(wanted).copied().collect();
    let vectors = time_batches(model, &texts, "the sample's sentences");
    // The target is stated for sentences of about 27 tokens.
    let middling: Vec<&str> =
        sample.iter().copied().filter(|t| (20..=34).contains(&model.tokens(t).unwrap().len())).collect();
    let middling: Vec<&str> = middling.iter().cycle().take(wanted).copied().collect();
    time_batches(model, &middling, "sentences of 20-34 tokens");
    let t = Instant::now();
    let mut worst: f32 = 1.0;
    for (i, text) in texts.iter().enumerate().take(sample.len()) {
        let alone = model.encode(&[text]).unwrap();
        worst = worst.min(cosine(alone.row(0), vectors.row(i)));
    }
    let alone_rate = sample.len().min(texts.len()) as f64 / t.elapsed().as_secs_f64();
    println!("one at a time: {alone_rate:.0} sentences/s; batched vs alone: lowest cosine {worst:.6}");
    assert!(worst > 0.99999, "batching changed a vector");
    check_reference(model);
}

/// Encodes `texts` three times and prints the best run's rates.
fn time_batches(model: &Model, texts: &[&str], what: &str) -> parallax::embed::Vectors {
    let tokens: usize = texts.iter().map(|t| model.tokens(t).unwrap().len()).sum();
    let mut best = f64::MAX;
    let mut vectors = None;
    for _ in 0..3 {
        let t = Instant::now();
        vectors = Some(model.encode(texts).expect("encode"));
        best = best.min(t.elapsed().as_secs_f64());
    }
    println!(
        "{} {what}, {:.1} tokens each: best of 3 runs {:.3} s = {:.0} sentences/s, {:.0} tokens/s",
        texts.len(),
        tokens as f64 / texts.len() as f64,
        best,
        texts.len() as f64 / best,
        tokens as f64 / best
    );
    vectors.unwrap()
}

fn check_reference(model: &Model) {
    let reference: serde_json::Value =
        serde_json::from_str(include_str!("../tests/fixtures/minilm-reference.json")).unwrap();
    let texts: Vec<&str> =
        reference["sentences"].as_array().unwrap().iter().map(|s| s["text"].as_str().unwrap()).collect();
    let v = model.encode(&texts).unwrap();
    let mut worst: f32 = 0.0;
    for (i, s) in reference["sentences"].as_array().unwrap().iter().enumerate() {
        for (k, want) in s["first8"].as_array().unwrap().iter().enumerate() {
            worst = worst.max((v.row(i)[k] - want.as_f64().unwrap() as f32).abs());
        }
    }
    let mut worst_cos: f32 = 0.0;
    for (i, line) in reference["cosine_matrix"].as_array().unwrap().iter().enumerate() {
        for (j, want) in line.as_array().unwrap().iter().enumerate() {
            worst_cos = worst_cos.max((cosine(v.row(i), v.row(j)) - want.as_f64().unwrap() as f32).abs());
        }
    }
    println!("reference: largest component difference {worst:.2e}, largest cosine difference {worst_cos:.2e}");
}
