//! Exports sets of articles with the sentence model under other weights, to
//! tune [`SemanticThresholds`] against annotations:
//! `cargo run --release --example sweep -- OUT_DIR ACCEPT MODEL_WEIGHT CLAUSE_HANDICAP NUMBER_BONUS BACKGROUND QUOTE_BONUS MODEL_FLOOR SET...`
//! writes `OUT_DIR/<set name>.json` for each SET (a folder or a file), to be
//! scored with `../shared/eval/score.py`. Vectors come from the user cache,
//! so a warm sweep takes a fraction of a second per set.

use std::path::PathBuf;

use parallax::align::semantic::SemanticThresholds;
use parallax::analysis::{Options, analyse_with_options};
use parallax::embed::Encoder;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let usage = "usage: sweep OUT_DIR ACCEPT MODEL_WEIGHT CLAUSE_HANDICAP NUMBER_BONUS BACKGROUND QUOTE_BONUS MODEL_FLOOR SET...";
    let number = |i: usize| args.get(i).and_then(|a| a.parse::<f32>().ok()).expect(usage);
    let out = PathBuf::from(args.first().expect(usage));
    let semantic = SemanticThresholds {
        accept: number(1),
        model_weight: number(2),
        clause_handicap: number(3),
        number_bonus: number(4),
        background: number(5),
        quote_bonus: number(6),
        model_floor: number(7),
        ..SemanticThresholds::default()
    };
    let options = Options { encoder: Some(Encoder::with_user_cache()), semantic };
    std::fs::create_dir_all(&out).expect("output folder");
    for set in &args[8..] {
        let path = PathBuf::from(set);
        let loaded = parallax::ingest::load(std::slice::from_ref(&path)).expect("inputs load");
        let analysis = analyse_with_options(loaded, &options, &mut |_| {});
        let name = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
        std::fs::write(out.join(format!("{name}.json")), parallax::export::json::render(&analysis)).expect("write");
    }
}
