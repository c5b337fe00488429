//! Wire copy: one agency story run by many outlets. Times the analysis and
//! the JSON export of `N` copies of one generated article (each under its
//! own outlet's header; some lightly edited, some cut short, some with a
//! sentence of their own), with peak memory and the size of the JSON, and
//! checks what it timed: the story's opening statement, which every copy
//! carries word for word, must be one statement carried by all `N`, and the
//! passages must grow with the copies, not with their pairs. Exits with
//! status 1, saying why, when either fails.
//!
//! `cargo run --release --example wirecopy -- 200` (copies; default 200).
//! `... -- 200 --write /tmp/wire200` also writes the copies as files, for
//! `parallax export` or the terminal app.

#[path = "../benches/support/corpus.rs"]
mod corpus;
#[path = "../benches/support/measure.rs"]
mod measure;

use std::time::Instant;

use parallax::analysis::analyse;
use parallax::ingest::parse_all;

/// Passages allowed per copy: a copy pairs with the first carrier of each
/// run of text it shares, and its edited sentences with their variants.
const PASSAGES_PER_COPY: usize = 4;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let count: usize = args.first().and_then(|a| a.parse().ok()).unwrap_or(200);
    let write = args.iter().position(|a| a == "--write").and_then(|i| args.get(i + 1));
    let (title, paragraphs) = agency_story();
    let files: Vec<(String, String)> =
        (0..count).map(|i| (format!("{i:04}.txt"), copy(i, &title, &paragraphs))).collect();
    if let Some(dir) = write {
        std::fs::create_dir_all(dir).expect("create output folder");
        for (name, text) in &files {
            std::fs::write(std::path::Path::new(dir).join(name), text).expect("write a copy");
        }
        eprintln!("wrote {count} copies to {dir}");
    }
    let opening = first_sentence(&paragraphs[0]);
    let sources = corpus::sources(files);
    let start = Instant::now();
    let analysis = analyse(parse_all(&sources));
    let analysed = start.elapsed();
    let mut json = Vec::new();
    parallax::export::json::write(&analysis, &mut json).expect("export");
    let total = start.elapsed();
    let peak = measure::peak_mib().unwrap_or(0.0);
    let sentences: usize = analysis.articles.iter().map(|a| a.sentences.len()).sum();
    println!("{count} copies, {sentences} sentences");
    println!("  analysis     {:>8.1} ms", analysed.as_secs_f64() * 1e3);
    println!("  with export  {:>8.1} ms", total.as_secs_f64() * 1e3);
    println!("  peak memory  {peak:>8.0} MiB");
    println!("  JSON         {:>8.2} MB", json.len() as f64 / 1e6);
    println!("  passages {}  statements {}", analysis.passages.len(), analysis.story.clusters.len());
    let carried = analysis
        .story
        .clusters
        .iter()
        .find(|c| c.members.iter().any(|m| m.span.slice(&analysis.articles[m.article].body).contains(&opening)))
        .map_or(0, |c| c.members.len());
    println!("  the opening statement is carried by {carried} of {count} outlets");
    println!(
        "| {count} copies | {:.2} s | {peak:.0} MiB | {:.1} MB | {} | {carried} |",
        total.as_secs_f64(),
        json.len() as f64 / 1e6,
        analysis.passages.len()
    );
    let mut failed = Vec::new();
    if carried != count {
        failed.push(format!("the opening statement is carried by {carried}, not {count}"));
    }
    if analysis.passages.len() > PASSAGES_PER_COPY * count {
        failed.push(format!("{} passages for {count} copies: pairs, not copies", analysis.passages.len()));
    }
    if !failed.is_empty() {
        eprintln!("FAILED: {}", failed.join("; "));
        std::process::exit(1);
    }
}

/// One generated article's title and body paragraphs (its header, links
/// and share widgets left out).
fn agency_story() -> (String, Vec<String>) {
    let generated = corpus::generate_with_truth(1, 1, 450, 15).remove(0);
    let paragraphs: Vec<String> = generated
        .text
        .split("\n\n")
        .filter(|p| p.split_whitespace().count() > 20 && p.matches(". ").count() >= 1)
        .map(str::to_string)
        .collect();
    let title = generated.text.lines().find(|l| l.split_whitespace().count() > 3).unwrap_or("Agency story").to_string();
    (title.trim_start_matches("# ").to_string(), paragraphs)
}

fn first_sentence(paragraph: &str) -> String {
    paragraph.split(". ").next().unwrap_or(paragraph).to_string()
}

/// Copy `index` under its outlet's header: one in ten with a word dropped
/// from its second paragraph, one in seven without the last paragraph, one
/// in thirteen with a sentence of its own at the end.
fn copy(index: usize, title: &str, paragraphs: &[String]) -> String {
    let mut body: Vec<String> = paragraphs.to_vec();
    if index % 10 == 3 && body.len() > 1 {
        body[1] = body[1].replacen(" the ", " ", 1);
    }
    if index % 7 == 5 && body.len() > 2 {
        body.pop();
    }
    if index % 13 == 12 {
        body.push(format!("Officials in the district of Varn {index} said they were watching the situation closely."));
    }
    format!("{title}\nnews{index}.example\n20 Nov 2025 10:{:02}:00 +0100\n\n{}\n", index % 60, body.join("\n\n"))
}
