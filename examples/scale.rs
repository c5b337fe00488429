//! Scale measurement: generates a clustered corpus and times each stage of
//! the analysis and the JSON export, with peak memory.
//!
//! `cargo run --release --example scale -- 1000` (articles; default 1000)
//! `cargo run --release --example scale -- 5000 --write /tmp/corpus5k` also
//! writes the articles as files, for trying the terminal app on them.

#[path = "../benches/support/corpus.rs"]
mod corpus;

use std::io::Write;
use std::time::Instant;

use parallax::analysis::{Stage, analyse_with};
use parallax::ingest::{Source, parse_all};

/// Peak resident memory of this process so far, in MiB (Linux).
fn peak_mib() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let n: usize = args.first().and_then(|a| a.parse().ok()).unwrap_or(1000);
    let write = args.iter().position(|a| a == "--write").and_then(|i| args.get(i + 1));
    let generated = corpus::generate_with_truth(n, 10, 700, 42);
    // Ground truth per article: sentence text -> (story, fact).
    let truth: Vec<std::collections::HashMap<String, (usize, usize)>> =
        generated.iter().map(|g| g.facts.iter().map(|(s, f)| (s.clone(), (g.story, *f))).collect()).collect();
    let mut fact_articles: std::collections::HashMap<(usize, usize), std::collections::BTreeSet<usize>> =
        std::collections::HashMap::new();
    for (i, g) in generated.iter().enumerate() {
        for (_, f) in &g.facts {
            fact_articles.entry((g.story, *f)).or_default().insert(i);
        }
    }
    let files: Vec<(String, String)> = generated.into_iter().map(|g| (g.name, g.text)).collect();
    if let Some(dir) = write {
        std::fs::create_dir_all(dir).expect("create output folder");
        for (name, text) in &files {
            std::fs::write(std::path::Path::new(dir).join(name), text).expect("write article");
        }
        eprintln!("wrote {} articles to {dir}", files.len());
    }
    let words: usize = files.iter().map(|(_, t)| t.split_whitespace().count()).sum();
    let sources: Vec<Source> = files
        .into_iter()
        .map(|(name, text)| Source {
            path: name.clone(),
            stem: name.trim_end_matches(".txt").to_string(),
            bytes: text.into_bytes(),
            truncated_from: None,
        })
        .collect();
    let base = peak_mib().unwrap_or(0.0);
    let t0 = Instant::now();
    let loaded = parse_all(&sources);
    drop(sources);
    let t_ingest = t0.elapsed();
    let mut marks: Vec<(Stage, Instant)> = Vec::new();
    let analysis = analyse_with(loaded, &mut |s| marks.push((s, Instant::now())));
    let t_done = Instant::now();
    let mut sink = std::io::sink();
    let t_export = Instant::now();
    parallax::export::json::write(&analysis, &mut sink).expect("export");
    sink.flush().ok();
    let total = t0.elapsed();
    println!(
        "{n} articles, {words} words, {} sentences",
        analysis.articles.iter().map(|a| a.sentences.len()).sum::<usize>()
    );
    println!("  ingest            {:>8.1} ms", t_ingest.as_secs_f64() * 1e3);
    for (i, (stage, at)) in marks.iter().enumerate() {
        let end = marks.get(i + 1).map_or(t_done, |m| m.1);
        println!("  {:<17} {:>8.1} ms", stage.label(), (end - *at).as_secs_f64() * 1e3);
    }
    println!("  json export       {:>8.1} ms", t_export.elapsed().as_secs_f64() * 1e3);
    println!("  total             {:>8.1} ms", total.as_secs_f64() * 1e3);
    println!("  passages {}  timeline events {}", analysis.passages.len(), analysis.timeline.len());
    // Quality against the generator's truth: a passage is right when both
    // sides hold a sentence reporting the same fact of the same story.
    let facts_in = |article: usize, side: &parallax::align::Side| -> Vec<(usize, usize)> {
        let a = &analysis.articles[article];
        side.sentences.clone().filter_map(|s| truth[article].get(a.sentence(s)).copied()).collect()
    };
    let mut right = 0;
    let mut found_pairs = std::collections::HashSet::new();
    for p in &analysis.passages {
        let (fa, fb) = (facts_in(p.a.article, &p.a), facts_in(p.b.article, &p.b));
        let shared: Vec<&(usize, usize)> = fa.iter().filter(|f| fb.contains(f)).collect();
        if !shared.is_empty() {
            right += 1;
        } else if args.iter().any(|a| a == "--wrong") && right % 500 == 0 {
            let (x, y) = (&analysis.articles[p.a.article], &analysis.articles[p.b.article]);
            println!(
                "  WRONG {} ~ {} {:.2} {}\n    {}\n    {}",
                x.id,
                y.id,
                p.similarity,
                p.kind.as_str(),
                p.a.span.slice(&x.body),
                p.b.span.slice(&y.body)
            );
        }
        for f in shared {
            found_pairs.insert((*f, p.a.article.min(p.b.article), p.a.article.max(p.b.article)));
        }
    }
    let truth_pairs: usize = fact_articles.values().map(|s| s.len() * s.len().saturating_sub(1) / 2).sum();
    println!(
        "  vs truth: precision {:.3} ({right}/{}), recall {:.3} ({}/{truth_pairs} same-fact article pairs)",
        right as f64 / analysis.passages.len().max(1) as f64,
        analysis.passages.len(),
        found_pairs.len() as f64 / truth_pairs.max(1) as f64,
        found_pairs.len()
    );
    if args.iter().any(|a| a == "--show") {
        for p in analysis.passages.iter().step_by(analysis.passages.len().max(1) / 15 + 1) {
            let (x, y) = (&analysis.articles[p.a.article], &analysis.articles[p.b.article]);
            println!(
                "  {} ~ {} {:.2} {}\n    {}\n    {}",
                x.id,
                y.id,
                p.similarity,
                p.kind.as_str(),
                p.a.span.slice(&x.body),
                p.b.span.slice(&y.body)
            );
        }
    }
    if let Some(peak) = peak_mib() {
        println!("  peak memory {peak:.0} MiB (inputs held before analysis: {base:.0} MiB)");
    }
}
