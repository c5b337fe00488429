//! Dumps, for tuning the matcher, every cross-article sentence pair with
//! the evidence the hybrid matcher weighs: the model's and the lexical
//! score of the best unit pair, and what they share.
//! `cargo run --release --example pair_features -- [PATH ...] > pairs.jsonl`

use std::path::PathBuf;

use parallax::align::{Corpus, Thresholds, units};
use parallax::embed::{Model, cosine};

fn main() {
    let paths: Vec<PathBuf> = std::env::args().skip(1).map(PathBuf::from).collect();
    let articles = parallax::ingest::load(&paths).expect("inputs load").articles;
    let corpus = Corpus::build(&articles);
    let lexical = parallax::align::sentence_matches(&corpus, &Thresholds::default());
    let model = Model::bundled().expect("model");
    // Units of every sentence, as (article, sentence, text).
    let mut unit_texts: Vec<String> = Vec::new();
    let mut unit_of: Vec<Vec<Vec<usize>>> = Vec::new();
    for a in &articles {
        let mut per = Vec::new();
        for s in 0..a.sentences.len() {
            let text = a.sentence(s);
            let ids: Vec<usize> = units::units(text)
                .into_iter()
                .map(|u| {
                    unit_texts.push(u.slice(text).to_string());
                    unit_texts.len() - 1
                })
                .collect();
            per.push(ids);
        }
        unit_of.push(per);
    }
    let refs: Vec<&str> = unit_texts.iter().map(String::as_str).collect();
    let t = std::time::Instant::now();
    let vectors = model.encode(&refs).expect("encode");
    eprintln!("{} units encoded in {:.2} s", refs.len(), t.elapsed().as_secs_f64());
    let terms: Vec<Vec<u32>> = unit_texts.iter().map(|u| corpus.lookup(u)).collect();
    if let Ok(path) = std::env::var("UNITS_JSON") {
        // Everything about the units, for exploring in another language.
        let mut owner = Vec::new();
        for (a, per) in unit_of.iter().enumerate() {
            for (s, ids) in per.iter().enumerate() {
                for (k, _) in ids.iter().enumerate() {
                    owner.push((a, s, k == 0));
                }
            }
        }
        let units: Vec<serde_json::Value> = (0..unit_texts.len())
            .map(|u| {
                let (a, s, whole) = owner[u];
                serde_json::json!({
                    "article": articles[a].id, "ai": a, "sentence": s, "whole": whole, "text": unit_texts[u],
                    "terms": terms[u].iter().map(|t| corpus.vocab.term(*t).unwrap_or("")).collect::<Vec<_>>(),
                    "weights": terms[u].iter().map(|t| corpus.weight[*t as usize]).collect::<Vec<_>>(),
                    "names": corpus.names[a][s].iter().map(|t| corpus.vocab.term(*t).unwrap_or("")).collect::<Vec<_>>(),
                    "vector": vectors.row(u),
                })
            })
            .collect();
        let sentences: Vec<Vec<String>> =
            articles.iter().map(|a| (0..a.sentences.len()).map(|s| a.sentence(s).to_string()).collect()).collect();
        let lexical_pairs: Vec<_> = lexical.iter().map(|m| (m.a, m.b)).collect();
        let doc = serde_json::json!({"units": units, "sentences": sentences,
            "ids": articles.iter().map(|a| a.id.clone()).collect::<Vec<_>>(), "lexical": lexical_pairs});
        std::fs::write(path, doc.to_string()).expect("write units");
    }
    // In how many articles each term occurs.
    let mut article_df = vec![0u32; corpus.weight.len()];
    for a in &corpus.terms {
        let mut seen: Vec<u32> = a.iter().flatten().copied().collect();
        seen.sort_unstable();
        seen.dedup();
        for t in seen {
            article_df[t as usize] += 1;
        }
    }
    let lex = |x: &[u32], y: &[u32]| -> f32 {
        let w = |t: &u32| corpus.weight[*t as usize].powi(2);
        let shared: f32 = x.iter().filter(|t| y.binary_search(t).is_ok()).map(w).sum();
        let nx: f32 = x.iter().map(w).sum::<f32>().sqrt();
        let ny: f32 = y.iter().map(w).sum::<f32>().sqrt();
        if nx == 0.0 || ny == 0.0 { 0.0 } else { shared / (nx * ny) }
    };
    for (a, art_a) in articles.iter().enumerate() {
        for b in a + 1..articles.len() {
            for sa in 0..art_a.sentences.len() {
                for sb in 0..articles[b].sentences.len() {
                    let mut best = (f32::MIN, 0.0f32, 0.0f32, 0usize, 0usize);
                    let mut best_sem = 0.0f32;
                    let mut best_lex = 0.0f32;
                    for &u in &unit_of[a][sa] {
                        for &v in &unit_of[b][sb] {
                            let s = cosine(vectors.row(u), vectors.row(v));
                            let l = lex(&terms[u], &terms[v]);
                            best_sem = best_sem.max(s);
                            best_lex = best_lex.max(l);
                            let c = 0.5 * s + 0.5 * l;
                            if c > best.0 {
                                best = (c, s, l, u, v);
                            }
                        }
                    }
                    if best_sem < 0.3 && best_lex < 0.15 {
                        continue;
                    }
                    let (ua, ub) = (unit_of[a][sa][0], unit_of[b][sb][0]);
                    let shared: Vec<u32> =
                        terms[ua].iter().filter(|t| terms[ub].binary_search(t).is_ok()).copied().collect();
                    let distinctive: Vec<&str> = shared
                        .iter()
                        .filter(|t| (article_df[**t as usize] as usize) < articles.len())
                        .filter_map(|t| corpus.vocab.term(*t))
                        .collect();
                    let unit_shared: Vec<&str> = terms[best.3]
                        .iter()
                        .filter(|t| terms[best.4].binary_search(t).is_ok())
                        .filter_map(|t| corpus.vocab.term(*t))
                        .collect();
                    let matched = lexical.iter().any(|m| m.a == (a, sa) && m.b == (b, sb));
                    let row = serde_json::json!({
                        "a": art_a.id, "sa": sa, "b": articles[b].id, "sb": sb,
                        "sent_sem": cosine(vectors.row(ua), vectors.row(ub)),
                        "sent_lex": lex(&terms[ua], &terms[ub]),
                        "best": best.0, "best_sem": best.1, "best_lex": best.2,
                        "max_sem": best_sem, "max_lex": best_lex,
                        "unit_a": unit_texts[best.3], "unit_b": unit_texts[best.4],
                        "unit_shared": unit_shared, "distinctive": distinctive,
                        "names_conflict": corpus.names_conflict((a, sa), (b, sb)),
                        "lexical_match": matched,
                        "text_a": art_a.sentence(sa), "text_b": articles[b].sentence(sb),
                    });
                    println!("{row}");
                }
            }
        }
    }
}
