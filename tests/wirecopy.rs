//! Runs the real binary on wire copy: one agency story run by 30 outlets,
//! each under its own header, two with a word changed and one cut short.
//! The copies must come out as statements carried by every outlet, not as
//! passages between every pair of them.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Output;

use serde_json::Value;

#[allow(dead_code, reason = "each test file uses part of the shared helpers")]
#[path = "support/command.rs"]
mod command;

const OUTLETS: usize = 30;

const STORY: [&str; 4] = [
    "Flood waters broke through the Dunmore levee early on Tuesday, forcing the evacuation of three hundred families from the Halvik district.",
    "Rescue crews from four counties moved residents to the Halvik secondary school, where the regional council opened an emergency shelter.",
    "Mayor Ilse Varnholt asked residents to stay away from the river bank until engineers had inspected the damaged section of the levee.",
    "The regional weather service forecast more heavy rain across the Dunmore valley through Thursday, with river levels expected to rise again.",
];

fn parallax(args: &[&str]) -> Output {
    command::parallax_command().args(args).output().expect("binary runs")
}

/// Copy `index` of the story under its outlet's header: copies 4 and 9
/// change a word of the second sentence, copy 7 leaves out the last.
fn copy(index: usize) -> String {
    let mut sentences: Vec<String> = STORY.iter().map(|s| s.to_string()).collect();
    if index == 4 || index == 9 {
        sentences[1] = sentences[1].replace("four counties", "five counties");
    }
    if index == 7 {
        sentences.pop();
    }
    format!("Levee breaks in Dunmore\nnews{index}.example\n2025-03-04\n\n{}\n", sentences.join(" "))
}

/// The copies written to a scratch folder of the test's own.
fn copies(test: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("parallax-wirecopy-{test}-{}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap();
    for index in 0..OUTLETS {
        fs::write(dir.join(format!("{index:02}.txt")), copy(index)).unwrap();
    }
    dir
}

fn export(dir: &Path, format: &str) -> Vec<u8> {
    let o = parallax(&["export", "--no-model", "--format", format, dir.to_str().unwrap()]);
    assert!(o.status.success(), "exit {:?}: {}", o.status, String::from_utf8_lossy(&o.stderr));
    o.stdout
}

/// The cluster one of whose members holds `words`.
fn cluster_with<'a>(doc: &'a Value, words: &str) -> &'a Value {
    doc["clusters"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["members"].as_array().unwrap().iter().any(|m| m["text"].as_str().unwrap().contains(words)))
        .unwrap_or_else(|| panic!("no statement holds {words:?}"))
}

#[test]
fn copies_are_statements_carried_by_every_outlet() {
    let dir = copies("statements");
    let doc: Value = serde_json::from_slice(&export(&dir, "json")).expect("export is JSON");
    // The opening, word for word everywhere: one statement, 30 carriers.
    let opening = cluster_with(&doc, "Flood waters broke through");
    assert_eq!(opening["members"].as_array().unwrap().len(), OUTLETS, "{opening}");
    assert_eq!(opening["wordings"], 1);
    // The second sentence in two wordings: 28 outlets and 2.
    let crews = cluster_with(&doc, "Rescue crews");
    assert_eq!(crews["members"].as_array().unwrap().len(), OUTLETS);
    assert_eq!(crews["wordings"], 2);
    let edited: Vec<&str> = crews["members"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|m| m["wording"] == 1)
        .map(|m| m["article"].as_str().unwrap())
        .collect();
    assert_eq!(edited, ["04", "09"]);
    // The last sentence: every outlet but the one that cut it.
    let forecast = cluster_with(&doc, "weather service forecast");
    assert_eq!(forecast["members"].as_array().unwrap().len(), OUTLETS - 1);
    let _ = fs::remove_dir_all(&dir);
}

#[test]
fn copies_pair_with_their_first_carrier_not_with_each_other() {
    let dir = copies("passages");
    let doc: Value = serde_json::from_slice(&export(&dir, "json")).expect("export is JSON");
    let pairs: Vec<(String, String)> = doc["passages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| (p["a"]["article"].as_str().unwrap().to_string(), p["b"]["article"].as_str().unwrap().to_string()))
        .collect();
    // Every pair of 30 outlets would be 435; the copies pair with the first.
    assert!(pairs.len() < 3 * OUTLETS, "{} passages: {pairs:?}", pairs.len());
    for index in 1..OUTLETS {
        let copy = format!("{index:02}");
        assert!(pairs.iter().any(|(a, b)| a == "00" && *b == copy), "no passage between 00 and {copy}");
    }
    assert!(!pairs.iter().any(|(a, b)| a == "05" && b == "06"), "two copies paired with each other");
    // The Markdown gives each wording once, with the outlets carrying it.
    let markdown = String::from_utf8(export(&dir, "markdown")).unwrap();
    assert!(markdown.contains(&format!("- {OUTLETS} sources (00, 01, 02,")), "{markdown}");
    assert!(markdown.contains("- 2 sources (04, 09): “Rescue crews from five counties"), "{markdown}");
    let _ = fs::remove_dir_all(&dir);
}
