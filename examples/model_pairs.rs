//! Lists the sentence pairs the model alone matches, as the analysis keeps them,
//! with the evidence behind each (the best unit pair's cosine,
//! backgrounds and lexical cosine, the terms the two units share and do not
//! share with their weights within the story), to study the model's
//! precision: `cargo run --release --example model_pairs -- DIR` or
//! `-- gen 1000` (the scale benchmark's corpus, each pair marked RIGHT or
//! WRONG by the generator's truth); `--limit N` pairs shown (default 400).
//! Vectors come from the user cache (computed when missing).

#[path = "../benches/support/corpus.rs"]
mod corpus;

use std::collections::HashMap;
use std::path::PathBuf;

use parallax::align::semantic::{Evidence, SemanticThresholds, Units};
use parallax::align::{self, Copies, Corpus, SentenceRef, Thresholds, related::Related};
use parallax::embed::Encoder;
use parallax::ingest::Article;

/// Per article: sentence text -> (development, fact), for a generated corpus.
type Truth = Vec<HashMap<String, (usize, usize)>>;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let usage = "usage: model_pairs DIR | gen N [--limit N]";
    let (articles, truth) = match args.first().map(String::as_str) {
        Some("gen") => generated(args.get(1).and_then(|n| n.parse().ok()).expect(usage)),
        Some(dir) => (parallax::ingest::load(&[PathBuf::from(dir)]).expect("inputs load").articles, None),
        None => panic!("{usage}"),
    };
    let limit: usize = args.iter().position(|a| a == "--limit").map_or(400, |i| args[i + 1].parse().expect(usage));
    let corpus = Corpus::build(&articles);
    let copies = Copies::find(&articles);
    let related = Related::of(&corpus);
    let lexical = align::sentence_matches_folded(&corpus, &related.article_pairs(), &copies, &Thresholds::default());
    let stories = align::stories::group(&corpus, &related, &lexical);
    let lexical = align::within_stories(&corpus, &stories, lexical, &Thresholds::default());
    let mut units = Units::build(&articles, &corpus);
    units.fold(&copies);
    let texts: Vec<&str> = units.to_encode(&articles).into_iter().map(|(_, t)| t).collect();
    let encoded = Encoder::with_user_cache().encode(&texts, &mut |_, _| {}).expect("vectors");
    let weights: Vec<Vec<f32>> = stories.members.iter().map(|m| corpus.weights_within(m).weight).collect();
    let story_of = stories.story.clone();
    let evidence = Evidence::within(&articles, &corpus, &units, encoded.vectors, stories);
    let th = SemanticThresholds::default();
    // What the analysis keeps of the model's own matches.
    let found: Vec<(SentenceRef, SentenceRef)> = align::with_model(&corpus, lexical.clone(), &evidence, &th)
        .into_iter()
        .filter(|m| m.found_by == align::FoundBy::Model)
        .map(|m| (m.a, m.b))
        .collect();
    let (mut right, mut wrong) = (0, 0);
    for (shown, &(a, b)) in found.iter().enumerate() {
        let label = truth.as_ref().map(|t| {
            let fact = |r: SentenceRef| t[r.0].get(articles[r.0].sentence(r.1)).copied();
            if fact(a).is_some() && fact(a) == fact(b) { "RIGHT" } else { "WRONG" }
        });
        match label {
            Some("RIGHT") => right += 1,
            Some(_) => wrong += 1,
            None => {}
        }
        if shown < limit {
            let e = evidence.explain(a, b, &th).expect("a match has evidence");
            let text = |i: usize| units.units[i].span.slice(&articles[units.units[i].article].body);
            let (ta, tb) = (text(e.units.0), text(e.units.1));
            let weight = &weights[story_of[a.0]];
            let (xa, xb) = (corpus.lookup(ta), corpus.lookup(tb));
            let show = |xs: &[u32], other: &[u32], shared: bool| -> String {
                let term = |t: u32| format!("{}:{:.1}", corpus.vocab.term(t).unwrap_or("?"), weight[t as usize]);
                xs.iter()
                    .filter(|t| other.binary_search(t).is_ok() == shared)
                    .map(|&t| term(t))
                    .collect::<Vec<_>>()
                    .join(" ")
            };
            println!(
                "{} score {:.3} cos {:.3} bg {:.3}/{:.3} lex {:.3} | {} ~ {}",
                label.unwrap_or("?"),
                e.score,
                e.cosine,
                e.background.0,
                e.background.1,
                e.lexical,
                place(&articles, a),
                place(&articles, b)
            );
            println!("    A {ta}\n    B {tb}\n    shared [{}]", show(&xa, &xb, true));
            println!("    only A [{}]  only B [{}]", show(&xa, &xb, false), show(&xb, &xa, false));
        }
    }
    println!("{} pairs found by the model alone; by the truth: {right} right, {wrong} wrong", found.len());
}

/// The scale benchmark's corpus of `n` articles, with its truth.
fn generated(n: usize) -> (Vec<Article>, Option<Truth>) {
    let generated = corpus::generate_with_truth(n, 8, 450, 42);
    let truth: Truth = generated
        .iter()
        .map(|g| g.facts.iter().map(|(sentence, fact)| (sentence.clone(), (g.event, *fact))).collect())
        .collect();
    let files: Vec<(String, String)> = generated.into_iter().map(|g| (g.name, g.text)).collect();
    (parallax::ingest::parse_all(&corpus::sources(files)).articles, Some(truth))
}

fn place(articles: &[Article], r: SentenceRef) -> String {
    format!("{}:{}", articles[r.0].id, r.1)
}
