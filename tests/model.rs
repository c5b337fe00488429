//! The bundled sentence model through the real binary: reworded
//! statements found, `--no-model`, the vector cache across runs, a
//! damaged cache, and the app taking the model's passages in when ready.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Output;

use serde_json::Value;

/// A fresh scratch folder for one test.
fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("model-{name}"));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap();
    dir
}

#[path = "support/command.rs"]
mod command;

#[allow(dead_code, reason = "each test file uses part of the shared tmux driver")]
#[path = "support/tmux.rs"]
mod tmux;

fn export(cache: &Path, args: &[&str]) -> (Output, Value) {
    let o = command::parallax_command()
        .env("XDG_CACHE_HOME", cache)
        .args(["export", "--format", "json"])
        .args(args)
        .output()
        .expect("binary runs");
    assert!(o.status.success(), "exit {:?}: {}", o.status, String::from_utf8_lossy(&o.stderr));
    let doc = serde_json::from_slice(&o.stdout).expect("export is JSON");
    (o, doc)
}

/// Two reports of one happening in other words: no shared run of words,
/// few shared terms.
fn reworded_pair(dir: &Path) {
    fs::write(
        dir.join("a.txt"),
        "Conclave ends\n\nWhite smoke poured out of the Sistine Chapel chimney at 6:07 p.m. local time. \
         Ticket prices for the museum rose in spring.",
    )
    .unwrap();
    fs::write(
        dir.join("b.txt"),
        "A new pope\n\nThe crowd cheered as white smoke emerged from the chimney atop the Sistine Chapel. \
         Farmers in the valley expect a late harvest.",
    )
    .unwrap();
}

fn passages_by(doc: &Value, found_by: &str) -> Vec<(String, String)> {
    doc["passages"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| p["found_by"] == found_by)
        .map(|p| (p["a"]["text"].as_str().unwrap().to_string(), p["b"]["text"].as_str().unwrap().to_string()))
        .collect()
}

#[test]
fn the_model_finds_a_reworded_statement_that_words_alone_miss() {
    let dir = scratch("reworded");
    reworded_pair(&dir);
    let cache = dir.join("cache");
    let (_, with_model) = export(&cache, &[dir.to_str().unwrap()]);
    assert_eq!(with_model["model"]["status"], "used");
    assert_eq!(with_model["model"]["name"], "all-MiniLM-L6-v2");
    let found = passages_by(&with_model, "model");
    assert_eq!(found.len(), 1, "{:#}", with_model["passages"]);
    assert!(found[0].0.contains("White smoke") && found[0].1.contains("white smoke"), "{found:?}");
    // The unrelated sentences are not paired.
    assert_eq!(with_model["passages"].as_array().unwrap().len(), 1);
    let (_, words_alone) = export(&cache, &["--no-model", dir.to_str().unwrap()]);
    assert_eq!(words_alone["model"]["status"], "off");
    assert!(words_alone["passages"].as_array().unwrap().is_empty(), "{:#}", words_alone["passages"]);
}

#[test]
fn a_second_run_reads_every_vector_from_the_cache_and_agrees() {
    let dir = scratch("cache");
    reworded_pair(&dir);
    let cache = dir.join("cache");
    let (_, first) = export(&cache, &[dir.to_str().unwrap()]);
    assert!(first["model"]["computed"].as_u64().unwrap() > 0);
    assert_eq!(first["model"]["cached"], 0);
    let (_, second) = export(&cache, &[dir.to_str().unwrap()]);
    assert_eq!(second["model"]["computed"], 0, "{:#}", second["model"]);
    assert_eq!(second["model"]["cached"], first["model"]["computed"]);
    assert_eq!(first["passages"], second["passages"]);
    assert_eq!(first["clusters"], second["clusters"]);
}

#[test]
fn a_damaged_cache_is_ignored_with_a_warning() {
    let dir = scratch("damaged");
    reworded_pair(&dir);
    let cache = dir.join("cache");
    let (_, first) = export(&cache, &[dir.to_str().unwrap()]);
    // Overwrite every shard file with junk.
    let mut damaged = 0;
    for model in fs::read_dir(cache.join("parallax/vectors")).unwrap().flatten() {
        for shard in fs::read_dir(model.path()).unwrap().flatten() {
            fs::write(shard.path(), b"\x1b]0;junk\x07 not a cache").unwrap();
            damaged += 1;
        }
    }
    assert!(damaged > 0);
    let (o, second) = export(&cache, &[dir.to_str().unwrap()]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("vector cache") && err.contains("ignored"), "{err}");
    assert!(!err.contains('\u{1b}'));
    assert_eq!(first["passages"], second["passages"]);
    assert_eq!(second["model"]["cached"], 0);
}

#[test]
fn an_unwritable_cache_does_not_stop_the_export() {
    let dir = scratch("unwritable");
    reworded_pair(&dir);
    // The cache folder's parent is a file: nothing can be created there.
    let blocker = dir.join("blocker");
    fs::write(&blocker, "not a folder").unwrap();
    let (o, doc) = export(&blocker, &[dir.to_str().unwrap()]);
    assert_eq!(doc["model"]["status"], "used");
    assert_eq!(passages_by(&doc, "model").len(), 1);
    assert!(String::from_utf8_lossy(&o.stderr).contains("vector cache"));
}

#[test]
fn the_app_shows_words_first_then_takes_the_models_passages_in() {
    if !tmux::Tmux::available() {
        eprintln!("skipped: tmux is not installed");
        return;
    }
    let dir = scratch("app");
    reworded_pair(&dir);
    let t = tmux::Tmux::start_with_model("model-app", 100, 24, &[&dir]);
    // Words alone find nothing; the model, in the background, finds the
    // smoke (a debug build's model is slow: minutes under load).
    let said = "sentence model: 1 shared passage (words alone: 0)";
    t.wait_within(std::time::Duration::from_secs(300), said, |s| s.contains(said));
    t.keys(&["2"]);
    let s = t.wait_for("Passage 1/1");
    assert!(s.contains("White smoke") && s.contains("white smoke"), "{s}");
    t.keys(&["q"]);
    assert_eq!(t.exit_status(), "EXIT:0");
}

/// A pile of two stories with the model in the background: the reader who
/// opened a story before the model's analysis came is still in it after,
/// and the list is still where they left it.
#[test]
fn the_models_analysis_keeps_the_reader_in_the_story_they_opened() {
    if !tmux::Tmux::available() {
        eprintln!("skipped: tmux is not installed");
        return;
    }
    let dir = scratch("pile");
    let texts = [
        (
            "a.txt",
            "Elm Street bridge reopens\nherald.example\nWed, 5 Mar 2025 09:00:00 +0000\n\nThe Elm Street bridge in Dunmore reopened on Monday after three months of repairs, Mayor Ada Brandt said.",
        ),
        (
            "b.txt",
            "Ferry sinks off Halvik\ncoasttimes.example\nWed, 2 Jul 2025 08:00:00 +0000\n\nA ferry sank off Halvik harbour on Tuesday and all forty passengers were rescued by the coast guard, Captain Liv Sorensen said.",
        ),
        (
            "c.txt",
            "Dunmore bridge back in use\nvalleypost.example\nThu, 6 Mar 2025 07:30:00 +0000\n\nMayor Ada Brandt said the Elm Street bridge in Dunmore reopened on Monday after three months of repairs.",
        ),
        (
            "d.txt",
            "All forty rescued off Halvik\nnorthwire.example\nWed, 2 Jul 2025 12:00:00 +0000\n\nAll forty passengers were rescued by the coast guard after a ferry sank off Halvik harbour on Tuesday, Captain Liv Sorensen said.",
        ),
    ];
    for (name, text) in texts {
        fs::write(dir.join(name), text).unwrap();
    }
    let t = tmux::Tmux::start_with_model("model-pile", 100, 24, &[&dir]);
    t.wait_for(" in 4 articles");
    t.keys(&["j", "Enter"]);
    t.wait_for("Sources (2)");
    // Done: its message, or (when it came before the keys, which clear
    // messages) no word of it in the status line.
    let done = |s: &str| s.contains("sentence model: ") || !s.contains("sentence model");
    let s = t.wait_within(std::time::Duration::from_secs(300), "the model's analysis", done);
    assert!(s.contains("Sources (2)") && s.contains("coasttimes") && !s.contains("herald"), "{s}");
    t.keys(&["S"]);
    t.wait_for("Stories · story 2/2");
    t.keys(&["q"]);
    assert_eq!(t.exit_status(), "EXIT:0");
}

/// Every passage as (article, text, article, text).
fn passage_set(doc: &Value) -> std::collections::BTreeSet<[String; 4]> {
    let field = |p: &Value, side: &str, key: &str| p[side][key].as_str().unwrap().to_string();
    doc["passages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| [field(p, "a", "article"), field(p, "a", "text"), field(p, "b", "article"), field(p, "b", "text")])
        .collect()
}

#[test]
fn a_story_in_a_pile_gets_the_passages_it_gets_alone() {
    let cache = scratch("pile-alone");
    // Two written stories and real reports, whose names are rare in the
    // pile: what the words match there with the pile's weights must not
    // keep the model from what it finds in the story alone.
    let stories = ["tests/stories/earthquake", "tests/stories/dam-failure", "tests/real/airindia"];
    let (_, pile) = export(&cache, &stories);
    assert_eq!(pile["stories"].as_array().unwrap().len(), stories.len());
    let mut alone = std::collections::BTreeSet::new();
    for story in stories {
        let (_, one) = export(&cache, &[story]);
        assert!(passage_set(&one).iter().any(|p| p[0] != p[2]), "{story} has passages");
        alone.extend(passage_set(&one));
    }
    let in_pile = passage_set(&pile);
    let only_in_pile: Vec<_> = in_pile.difference(&alone).collect();
    let only_alone: Vec<_> = alone.difference(&in_pile).collect();
    assert!(
        only_in_pile.is_empty() && only_alone.is_empty(),
        "pile only: {only_in_pile:#?}\nalone only: {only_alone:#?}"
    );
}

/// A pile of two stories: the model reads each, caches every vector, and
/// the second run reads them all from the cache and gives the same export.
#[test]
fn a_pile_is_read_story_by_story_and_a_second_run_reads_every_vector_from_the_cache() {
    let cache = scratch("pile-cache");
    let inputs = ["tests/stories/earthquake", "tests/stories/dam-failure"];
    let (_, first) = export(&cache, &inputs);
    assert_eq!(first["model"]["status"], "used", "{:#}", first["model"]);
    assert_eq!(first["stories"].as_array().unwrap().len(), 2);
    let computed = first["model"]["computed"].as_u64().unwrap();
    assert!(computed > 0 && first["model"]["cached"] == 0, "{:#}", first["model"]);
    assert!(cache.join("parallax/vectors").is_dir());
    let (_, second) = export(&cache, &inputs);
    assert_eq!(second["model"]["computed"], 0, "{:#}", second["model"]);
    assert_eq!(second["model"]["cached"].as_u64(), Some(computed));
    assert!(passage_set(&first).iter().any(|p| p[0] != p[2]), "the pile has passages");
    assert_eq!(passage_set(&first), passage_set(&second));
    let without_counts = |mut doc: Value| {
        doc["model"] = Value::Null;
        doc
    };
    assert_eq!(without_counts(first), without_counts(second));
}
