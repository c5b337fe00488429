//! Scale measurement: generates a clustered corpus and times each stage of
//! the analysis and the JSON export, with peak memory.
//!
//! `cargo run --release --example scale -- 1000` (articles; default 1000)
//! `cargo run --release --example scale -- 5000 --write /tmp/corpus5k` also
//! writes the articles as files, for trying the terminal app on them.

#[path = "../benches/support/corpus.rs"]
mod corpus;

use std::collections::{BTreeSet, HashMap, HashSet};
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
    let count: usize = args.first().and_then(|a| a.parse().ok()).unwrap_or(1000);
    let write = args.iter().position(|a| a == "--write").and_then(|i| args.get(i + 1));
    let generated = corpus::generate_with_truth(count, 10, 700, 42);
    let truth = Truth::new(&generated);
    let files: Vec<(String, String)> = generated.into_iter().map(|g| (g.name, g.text)).collect();
    if let Some(dir) = write {
        write_files(dir, &files);
    }
    let words: usize = files.iter().map(|(_, t)| t.split_whitespace().count()).sum();
    let sources = sources_of(files);
    let base = peak_mib().unwrap_or(0.0);
    let start = Instant::now();
    let loaded = parse_all(&sources);
    drop(sources);
    let ingest = start.elapsed();
    let mut marks: Vec<(Stage, Instant)> = Vec::new();
    let analysis = analyse_with(loaded, &mut |stage| marks.push((stage, Instant::now())));
    let done = Instant::now();
    let mut sink = std::io::sink();
    let export_start = Instant::now();
    parallax::export::json::write(&analysis, &mut sink).expect("export");
    sink.flush().ok();
    let export = export_start.elapsed();
    let total = start.elapsed();
    println!(
        "{count} articles, {words} words, {} sentences",
        analysis.articles.iter().map(|a| a.sentences.len()).sum::<usize>()
    );
    println!("  ingest            {:>8.1} ms", ingest.as_secs_f64() * 1e3);
    for (index, (stage, at)) in marks.iter().enumerate() {
        let end = marks.get(index + 1).map_or(done, |m| m.1);
        println!("  {:<17} {:>8.1} ms", stage.label(), (end - *at).as_secs_f64() * 1e3);
    }
    println!("  json export       {:>8.1} ms", export.as_secs_f64() * 1e3);
    println!("  total             {:>8.1} ms", total.as_secs_f64() * 1e3);
    println!("  passages {}  timeline events {}", analysis.passages.len(), analysis.timeline.len());
    truth.score(&analysis, args.iter().any(|a| a == "--wrong"));
    if args.iter().any(|a| a == "--show") {
        for passage in analysis.passages.iter().step_by(analysis.passages.len().max(1) / 15 + 1) {
            print_passage("", &analysis, passage);
        }
    }
    if let Some(peak) = peak_mib() {
        println!("  peak memory {peak:.0} MiB (inputs held before analysis: {base:.0} MiB)");
    }
}

fn write_files(dir: &str, files: &[(String, String)]) {
    std::fs::create_dir_all(dir).expect("create output folder");
    for (name, text) in files {
        std::fs::write(std::path::Path::new(dir).join(name), text).expect("write article");
    }
    eprintln!("wrote {} articles to {dir}", files.len());
}

fn sources_of(files: Vec<(String, String)>) -> Vec<Source> {
    files
        .into_iter()
        .map(|(name, text)| Source {
            path: name.clone(),
            stem: name.trim_end_matches(".txt").to_string(),
            bytes: text.into_bytes(),
            truncated_from: None,
        })
        .collect()
}

/// A passage's two sides, labelled.
fn print_passage(label: &str, analysis: &parallax::Analysis, passage: &parallax::align::Passage) {
    let (a, b) = (&analysis.articles[passage.a.article], &analysis.articles[passage.b.article]);
    println!(
        "  {label}{} ~ {} {:.2} {}\n    {}\n    {}",
        a.id,
        b.id,
        passage.similarity,
        passage.kind.as_str(),
        passage.a.span.slice(&a.body),
        passage.b.span.slice(&b.body)
    );
}

/// What the generator wrote: the fact each sentence reports, and the
/// articles that report each fact.
struct Truth {
    /// Per article: sentence text -> (story, fact).
    facts: Vec<HashMap<String, (usize, usize)>>,
    fact_articles: HashMap<(usize, usize), BTreeSet<usize>>,
}

impl Truth {
    fn new(generated: &[corpus::Generated]) -> Truth {
        let facts: Vec<HashMap<String, (usize, usize)>> = generated
            .iter()
            .map(|g| g.facts.iter().map(|(sentence, fact)| (sentence.clone(), (g.story, *fact))).collect())
            .collect();
        let mut fact_articles: HashMap<(usize, usize), BTreeSet<usize>> = HashMap::new();
        for (index, g) in generated.iter().enumerate() {
            for (_, fact) in &g.facts {
                fact_articles.entry((g.story, *fact)).or_default().insert(index);
            }
        }
        Truth { facts, fact_articles }
    }

    /// The facts a side of a passage reports.
    fn facts_in(
        &self,
        analysis: &parallax::Analysis,
        article: usize,
        side: &parallax::align::Side,
    ) -> Vec<(usize, usize)> {
        let a = &analysis.articles[article];
        side.sentences.clone().filter_map(|s| self.facts[article].get(a.sentence(s)).copied()).collect()
    }

    /// Prints precision and recall: a passage is right when both sides hold
    /// a sentence reporting the same fact of the same story.
    fn score(&self, analysis: &parallax::Analysis, show_wrong: bool) {
        let mut right = 0;
        let mut found_pairs = HashSet::new();
        for passage in &analysis.passages {
            let first = self.facts_in(analysis, passage.a.article, &passage.a);
            let second = self.facts_in(analysis, passage.b.article, &passage.b);
            let shared: Vec<&(usize, usize)> = first.iter().filter(|f| second.contains(f)).collect();
            if !shared.is_empty() {
                right += 1;
            } else if show_wrong && right % 500 == 0 {
                print_passage("WRONG ", analysis, passage);
            }
            for fact in shared {
                let (a, b) = (passage.a.article, passage.b.article);
                found_pairs.insert((*fact, a.min(b), a.max(b)));
            }
        }
        let truth_pairs: usize = self.fact_articles.values().map(|s| s.len() * s.len().saturating_sub(1) / 2).sum();
        println!(
            "  vs truth: precision {:.3} ({right}/{}), recall {:.3} ({}/{truth_pairs} same-fact article pairs)",
            right as f64 / analysis.passages.len().max(1) as f64,
            analysis.passages.len(),
            found_pairs.len() as f64 / truth_pairs.max(1) as f64,
            found_pairs.len()
        );
    }
}
