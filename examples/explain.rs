//! Prints how sentence pairs across articles score, to tune and explain
//! passage matching: `cargo run --example explain -- [MIN_DICE] [PATH ...]`.

use std::path::PathBuf;

use parallax::align::{Corpus, Thresholds, index};

fn main() {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let min: f32 = args.first().and_then(|a| a.parse().ok()).unwrap_or(0.2);
    if args.first().is_some_and(|a| a.parse::<f32>().is_ok()) {
        args.remove(0);
    }
    let paths: Vec<PathBuf> = args.into_iter().map(PathBuf::from).collect();
    let arts = parallax::ingest::load(&paths).expect("inputs load").articles;
    let corpus = Corpus::build(&arts);
    let th = Thresholds::default();
    let all = index::search(&corpus, 0.0, |a, b| Some(corpus.score(corpus.sentence(a), corpus.sentence(b))));
    for (a, b, _) in all {
        let s = corpus.score(corpus.sentence(a), corpus.sentence(b));
        if s.dice < min && s.containment < min * 1.5 {
            continue;
        }
        let mark = if th.verify(&corpus, a, b).is_some() { "MATCH" } else { "     " };
        println!(
            "{mark} {}:{} ~ {}:{}  dice {:.2} cont {:.2} shared {:.1} n {}\n    {}\n    {}",
            &arts[a.0].id[..3.min(arts[a.0].id.len())],
            a.1,
            &arts[b.0].id[..3.min(arts[b.0].id.len())],
            b.1,
            s.dice,
            s.containment,
            s.shared,
            s.n_shared,
            arts[a.0].sentence(a.1),
            arts[b.0].sentence(b.1)
        );
    }
}
