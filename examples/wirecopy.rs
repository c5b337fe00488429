//! Wire copy: one agency story run by many outlets. Times the analysis and
//! the JSON export of `N` copies of one generated article (each under its
//! own outlet's header; some cut short, some with a sentence of their own,
//! and about one sentence in ten lightly edited as outlets edit wire copy:
//! a word changed, a clause cut or added, punctuation, the outlet's name
//! added; one copy in forty with a number changed), with peak memory and
//! the size of the JSON, and checks what it timed: the story's opening
//! statement must be one statement carried by all `N`, the passages must
//! grow with the copies, not with their pairs, lightly edited copies must
//! be folded with the copies word for word, and every sentence with a
//! number changed must be reported as a disagreement (folded or not: a
//! number changed in place is a wording of its own within the statement).
//! Exits with status 1, saying why, when a check fails.
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
    let copies: Vec<Copy> = (0..count).map(|i| copy(i, &title, &paragraphs)).collect();
    if let Some(dir) = write {
        std::fs::create_dir_all(dir).expect("create output folder");
        for (index, copy) in copies.iter().enumerate() {
            std::fs::write(std::path::Path::new(dir).join(name(index)), &copy.text).expect("write a copy");
        }
        eprintln!("wrote {count} copies to {dir}");
    }
    let opening = first_sentence(&paragraphs[0]);
    let sources = corpus::sources(copies.iter().enumerate().map(|(i, c)| (name(i), c.text.clone())).collect());
    let start = Instant::now();
    let analysis = analyse(parse_all(&sources));
    let analysed = start.elapsed();
    let mut json = Vec::new();
    parallax::export::json::write(&analysis, &mut json).expect("export");
    let total = start.elapsed();
    let peak = measure::peak_mib().unwrap_or(0.0);
    let sentences: usize = analysis.articles.iter().map(|a| a.sentences.len()).sum();
    let (carried, wordings) = opening_statement(&analysis, &opening);
    let edits = Edits::count(&analysis, &copies);
    println!("{count} copies, {sentences} sentences");
    println!("  analysis     {:>8.1} ms", analysed.as_secs_f64() * 1e3);
    println!("  with export  {:>8.1} ms", total.as_secs_f64() * 1e3);
    println!("  peak memory  {peak:>8.0} MiB");
    println!("  JSON         {:>8.2} MB", json.len() as f64 / 1e6);
    println!("  passages {}  statements {}", analysis.passages.len(), analysis.story.clusters.len());
    println!("  the opening statement is carried by {carried} of {count} outlets, in {wordings} wordings");
    println!(
        "  lightly edited sentences folded: {} of {}; with a number changed: {}, folded {}, reported as a disagreement {}",
        edits.light_folded, edits.light, edits.number, edits.number_folded, edits.number_reported
    );
    println!(
        "| {count} copies | {:.2} s | {peak:.0} MiB | {:.1} MB | {} | {} | {carried} |",
        total.as_secs_f64(),
        json.len() as f64 / 1e6,
        analysis.passages.len(),
        analysis.story.clusters.len()
    );
    let failed = failures(&analysis, count, carried, &edits);
    if !failed.is_empty() {
        eprintln!("FAILED: {}", failed.join("; "));
        std::process::exit(1);
    }
}

fn name(index: usize) -> String {
    format!("{index:04}.txt")
}

/// What the run must show, each failure in words.
fn failures(analysis: &parallax::Analysis, count: usize, carried: usize, edits: &Edits) -> Vec<String> {
    let mut failed = Vec::new();
    if carried != count {
        failed.push(format!("the opening statement is carried by {carried}, not {count}"));
    }
    if analysis.passages.len() > PASSAGES_PER_COPY * count {
        failed.push(format!("{} passages for {count} copies: pairs, not copies", analysis.passages.len()));
    }
    // Most light edits fold (a clause cut that held a number or a date
    // does not, nor one the signature misses).
    if edits.light_folded * 10 < edits.light * 8 {
        failed.push(format!("only {} of {} lightly edited sentences folded", edits.light_folded, edits.light));
    }
    if edits.number_reported < edits.number {
        failed.push(format!(
            "{} of {} sentences with a number changed not reported as a disagreement",
            edits.number - edits.number_reported,
            edits.number
        ));
    }
    failed
}

/// The statement that holds the opening sentence: its carriers and wordings.
fn opening_statement(analysis: &parallax::Analysis, opening: &str) -> (usize, usize) {
    analysis
        .story
        .clusters
        .iter()
        .find(|c| c.members.iter().any(|m| m.span.slice(&analysis.articles[m.article].body).contains(opening)))
        .map_or((0, 0), |c| (c.members.len(), c.wordings(&analysis.articles).len()))
}

/// The edited sentences of the copies, how many of them were folded onto
/// another carrier, and how many of those with a number changed are in a
/// discrepancy.
#[derive(Default)]
struct Edits {
    light: usize,
    light_folded: usize,
    number: usize,
    number_folded: usize,
    number_reported: usize,
}

impl Edits {
    fn count(analysis: &parallax::Analysis, copies: &[Copy]) -> Edits {
        let mut edits = Edits::default();
        for (index, copy) in copies.iter().enumerate() {
            let article = &analysis.articles[index];
            for (edited, kind) in &copy.edited {
                let Some(sentence) = (0..article.sentences.len()).find(|&s| article.sentence(s) == edited.as_str())
                else {
                    continue;
                };
                let folded = analysis.copies.statement((index, sentence)).is_some();
                if *kind == Edit::Number {
                    edits.number += 1;
                    edits.number_folded += usize::from(folded);
                    edits.number_reported += usize::from(disagrees(analysis, edited));
                } else {
                    edits.light += 1;
                    edits.light_folded += usize::from(folded);
                }
            }
        }
        edits
    }
}

/// Whether a discrepancy of numbers or dates has `sentence` on one side:
/// this sentence or the same words elsewhere (a discrepancy shows one
/// carrier of each wording).
fn disagrees(analysis: &parallax::Analysis, sentence: &str) -> bool {
    use parallax::story::discrepancy::Kind;
    let sentence_of = |(article, span): (usize, parallax::text::Span)| {
        let article = &analysis.articles[article];
        (0..article.sentences.len())
            .find(|&s| article.sentences[s].start <= span.start && span.end <= article.sentences[s].end)
            .map(|s| article.sentence(s))
    };
    analysis
        .story
        .discrepancies
        .iter()
        .filter(|d| matches!(d.kind, Kind::Number | Kind::Date))
        .any(|d| [d.a, d.b].into_iter().any(|side| sentence_of(side) == Some(sentence)))
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

/// One outlet's copy, and the sentences it edited.
struct Copy {
    text: String,
    edited: Vec<(String, Edit)>,
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum Edit {
    Word,
    ClauseCut,
    ClauseAdded,
    Punctuation,
    OutletNamed,
    Number,
}

/// The light edits, as outlets make them.
const LIGHT: [Edit; 5] = [Edit::Word, Edit::ClauseCut, Edit::ClauseAdded, Edit::Punctuation, Edit::OutletNamed];

/// Numbers, dates and ordinals an outlet may get wrong, and what it
/// writes instead.
const NUMBERS: [(&str, &str); 6] = [
    (" third ", " fourth "),
    (" second ", " third "),
    (" Wednesday", " Thursday"),
    (" December", " November"),
    (" two ", " three "),
    ("1", "2"),
];

/// Newspapers' names, as an outlet adds its own to a line.
const PAPERS: &[&str] = &["Halden Post", "Brisk Herald", "Varn Courier", "Oster Gazette", "Molde Tribune"];

/// Copy `index` under its outlet's header: one in ten with a word dropped
/// from its second paragraph, one in seven without the last paragraph, one
/// in thirteen with a sentence of its own at the end, and about one
/// sentence in ten lightly edited (and, in one copy in forty, a number
/// changed after the opening).
fn copy(index: usize, title: &str, paragraphs: &[String]) -> Copy {
    let mut rng = corpus::Rng::new(index as u64 * 7919 + 17);
    let mut body: Vec<String> = paragraphs.to_vec();
    if index % 10 == 3 && body.len() > 1 {
        body[1] = body[1].replacen(" the ", " ", 1);
    }
    if index % 7 == 5 && body.len() > 2 {
        body.pop();
    }
    let mut edited = Vec::new();
    // One copy in forty changes a number, in the first sentence holding
    // one after the opening.
    let mut number = index % 40 == 39;
    for (at, paragraph) in body.iter_mut().enumerate() {
        let mut out = Vec::new();
        for (position, sentence) in paragraph.split_inclusive(". ").map(str::trim_end).enumerate() {
            let opening = at == 0 && position == 0;
            let edit = if number && !opening && NUMBERS.iter().any(|(from, _)| sentence.contains(from)) {
                number = false;
                Some(Edit::Number)
            } else {
                rng.chance(10).then(|| *rng.pick(&LIGHT))
            };
            match edit.and_then(|edit| Some((edited_sentence(sentence, edit, index)?, edit))) {
                Some((text, edit)) => {
                    edited.push((text.clone(), edit));
                    out.push(text);
                }
                None => out.push(sentence.to_string()),
            }
        }
        *paragraph = out.join(" ");
    }
    if index % 13 == 12 {
        body.push(format!("Officials in the district of Varn {index} said they were watching the situation closely."));
    }
    let header = format!("{title}\nnews{index}.example\n20 Nov 2025 10:{:02}:00 +0100", index % 60);
    Copy { text: format!("{header}\n\n{}\n", body.join("\n\n")), edited }
}

/// `sentence` with one edit, or `None` when the edit does not apply.
fn edited_sentence(sentence: &str, edit: Edit, index: usize) -> Option<String> {
    let body = sentence.strip_suffix('.')?;
    let edited = match edit {
        Edit::Word => [(" said", " stated"), (" the ", " a "), (" was ", " had been "), (" and ", " as well as ")]
            .iter()
            .find(|(from, _)| body.contains(from))
            .map(|(from, to)| body.replacen(from, to, 1))?,
        Edit::ClauseCut => body.rsplit_once(", ").filter(|(head, _)| head.split(' ').count() >= 8)?.0.to_string(),
        Edit::ClauseAdded => format!("{body}, according to the agency"),
        Edit::Punctuation => body.contains(',').then(|| body.replace(',', ""))?,
        Edit::OutletNamed => format!("{body}, the {} reported", PAPERS[index % PAPERS.len()]),
        Edit::Number => {
            NUMBERS.iter().find(|(from, _)| body.contains(from)).map(|(from, to)| body.replacen(from, to, 1))?
        }
    };
    (edited != body).then(|| format!("{edited}."))
}
