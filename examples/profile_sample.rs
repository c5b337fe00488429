//! Runs the sample analysis in a loop, for profilers:
//! `cargo run --release --example profile_sample -- 200`.

fn main() {
    let n: usize = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(100);
    let sources = parallax::ingest::source::sample();
    let start = std::time::Instant::now();
    let mut passages = 0;
    for _ in 0..n {
        let a = parallax::analyse(parallax::ingest::parse_all(&sources));
        passages += a.passages.len();
    }
    let per = start.elapsed() / n as u32;
    println!("{n} runs, {per:?} per analysis ({} passages each)", passages / n);
}
