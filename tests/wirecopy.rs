//! Runs the real binary on wire copy: one agency story run by 30 outlets,
//! each under its own header, two with a number changed, one cut short and
//! three lightly edited (their name added, a word changed, commas left
//! out). The copies, edited or not, must come out as statements carried by
//! every outlet, not as passages between every pair of them; the numbers
//! changed must not be folded away.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Output;

use serde_json::Value;

#[allow(dead_code, reason = "each test file uses part of the shared helpers")]
#[path = "support/command.rs"]
mod command;
#[allow(dead_code, reason = "each test file uses part of the shared tmux driver")]
#[path = "support/tmux.rs"]
mod tmux;

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
/// change a number in the second sentence, copy 7 leaves out the last,
/// copy 12 adds its name to the first, copy 15 changes a word of the last
/// and copy 20 leaves out its commas.
fn copy(index: usize) -> String {
    let mut sentences: Vec<String> = STORY.iter().map(|s| s.to_string()).collect();
    match index {
        4 | 9 => sentences[1] = sentences[1].replace("four counties", "five counties"),
        7 => drop(sentences.pop()),
        12 => sentences[0] = sentences[0].replace("district.", "district, the Halden Post reported."),
        15 => sentences[3] = sentences[3].replace("forecast", "predicted"),
        20 => sentences[3] = sentences[3].replace(',', ""),
        _ => {}
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
    // The opening, with one outlet's name added: one statement, 30
    // carriers, and the variant's difference.
    let opening = cluster_with(&doc, "Flood waters broke through");
    assert_eq!(opening["members"].as_array().unwrap().len(), OUTLETS, "{opening}");
    assert_eq!(opening["wordings"], 2);
    assert_eq!(opening["variants"][0]["members"], 1, "{opening}");
    assert_eq!(opening["variants"][0]["changes"][0]["change"], "insert");
    assert_eq!(opening["variants"][0]["changes"][0]["text"], "the Halden Post reported");
    // Word for word everywhere: one wording, no variants.
    let mayor = cluster_with(&doc, "Mayor Ilse Varnholt");
    assert_eq!(mayor["members"].as_array().unwrap().len(), OUTLETS, "{mayor}");
    assert_eq!(mayor["wordings"], 1);
    assert!(mayor.get("variants").is_none(), "{mayor}");
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
    // The last sentence: every outlet but the one that cut it, in three
    // wordings.
    let forecast = cluster_with(&doc, "weather service forecast");
    assert_eq!(forecast["members"].as_array().unwrap().len(), OUTLETS - 1);
    assert_eq!(forecast["wordings"], 3);
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
    // Lightly edited copies are copies too, and so is a number changed in
    // place: a wording of its own, its disagreement reported.
    assert!(!pairs.iter().any(|(a, b)| a == "12" && b == "15"), "two edited copies paired with each other");
    assert!(!pairs.iter().any(|(a, b)| a == "04" && b == "09"), "two copies with another number paired");
    let numbers = number_disagreements(&doc);
    assert_eq!(numbers, [("four counties".to_string(), "five counties".to_string())]);
    // The Markdown gives each wording once, with the outlets carrying it.
    let markdown = String::from_utf8(export(&dir, "markdown")).unwrap();
    // Sources by the names the app gives them (their outlets).
    assert!(markdown.contains(&format!("- {OUTLETS} sources (news0.example, news1.example,")), "{markdown}");
    assert!(markdown.contains("- 1 source (news12.example): “Flood waters"), "{markdown}");
    assert!(markdown.contains("- 2 sources (news4.example, news9.example): “Rescue crews from five"), "{markdown}");
    let _ = fs::remove_dir_all(&dir);
}

/// The words of each disagreement on numbers, as (a, b).
fn number_disagreements(doc: &Value) -> Vec<(String, String)> {
    let text = |side: &Value| side["text"].as_str().unwrap().to_string();
    doc["discrepancies"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["kind"] == "number")
        .map(|d| (text(&d["a"]), text(&d["b"])))
        .collect()
}

/// Two hundred outlets, ten each with one of twenty versions of a death
/// toll (a wire story updated through the day): one statement in twenty
/// wordings, a passage per outlet, and each other version's disagreement
/// with the first, not every pair of outlets or of versions.
#[test]
fn twenty_versions_of_a_toll_are_one_statement_with_its_disagreements() {
    let dir = std::env::temp_dir().join(format!("parallax-wirecopy-toll-{}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap();
    for index in 0..200 {
        let toll = 20 + index % 20;
        let text = format!(
            "Flood toll rises in Dunmore\nnews{index}.example\n2025-03-04\n\n{} The death toll rose to {toll} on \
             Tuesday, regional officials said in a statement. {}\n",
            STORY[0], STORY[2]
        );
        fs::write(dir.join(format!("{index:03}.txt")), text).unwrap();
    }
    let doc: Value = serde_json::from_slice(&export(&dir, "json")).expect("export is JSON");
    let toll = cluster_with(&doc, "The death toll rose");
    assert_eq!(toll["members"].as_array().unwrap().len(), 200, "{toll}");
    assert_eq!(toll["wordings"], 20);
    let passages = doc["passages"].as_array().unwrap().len();
    assert!(passages < 400, "{passages} passages for 200 outlets");
    let mut numbers = number_disagreements(&doc);
    numbers.sort();
    let expected: Vec<(String, String)> = (21..40).map(|n| ("20".to_string(), n.to_string())).collect();
    assert_eq!(numbers, expected);
    // Each side is the words of ten outlets.
    assert!(doc["discrepancies"].as_array().unwrap().iter().all(|d| d["sources"] == serde_json::json!([10, 10])));
    let markdown = String::from_utf8(export(&dir, "markdown")).unwrap();
    assert!(markdown.contains("news0.example and 9 more “20” vs news1.example and 9 more “21”"), "{markdown}");
    // And the twenty values once, with how many outlets give each.
    let values = markdown
        .lines()
        .find(|line| line.starts_with("- 20 values of one number in `c-"))
        .unwrap_or_else(|| panic!("{markdown}"));
    assert!(values.contains(": “20” (10 sources), “21” (10 sources), “22” (10 sources),"), "{values}");
    assert!(values.ends_with("“39” (10 sources)"), "{values}");
    let _ = fs::remove_dir_all(&dir);
}

/// Four hundred and twenty outlets carrying one dated line: one event
/// with every outlet's mention. (Each word of the line is then in more
/// sentences than events are looked up by; two copies are still compared
/// on all their words.)
#[test]
fn a_line_four_hundred_outlets_carry_is_one_event() {
    let dir = std::env::temp_dir().join(format!("parallax-wirecopy-event-{}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap();
    let outlets = 420;
    for index in 0..outlets {
        let text = format!(
            "Levee breaks in Dunmore\nnews{index}.example\n2025-03-04\n\n{} The Dunmore council closed the \
             river market in December.\n",
            STORY[0]
        );
        fs::write(dir.join(format!("{index:03}.txt")), text).unwrap();
    }
    let doc: Value = serde_json::from_slice(&export(&dir, "json")).expect("export is JSON");
    let events = doc["timeline"].as_array().unwrap();
    let market: Vec<&Value> =
        events.iter().filter(|e| e["summary"].as_str().unwrap().contains("closed the river market")).collect();
    assert_eq!(market.len(), 1, "{} events of the market line", market.len());
    assert_eq!(market[0]["mentions"].as_array().unwrap().len(), outlets);
    let _ = fs::remove_dir_all(&dir);
}

/// In the terminal app, `c` on a passage of wire copy opens its statement:
/// carried by every outlet, an edited copy's wording beside the one most
/// carry, its added words marked; `l` steps to the next statement's
/// wordings.
#[test]
fn the_app_shows_a_copy_statement_and_its_edited_wording() {
    if !tmux::Tmux::available() {
        eprintln!("skipped: tmux is not installed");
        return;
    }
    let dir = copies("tmux");
    let t = tmux::Tmux::start_on("wire", 120, 30, "NO_COLOR=1", &[dir.as_path()], |_| {});
    t.wait_for("Sources (30)");
    t.keys(&["2"]);
    let s = t.wait_for("Passage 1/");
    assert!(s.contains("carried by 30 sources"), "{s}");
    t.keys(&["c"]);
    let s = t.wait_for("carried by 30 sources · wording 2/2: 1 vs 29");
    assert!(s.contains("the Halden Post") && s.contains("Statement 1/"), "{s}");
    t.keys(&["q"]);
    assert_eq!(t.exit_status(), "EXIT:0");
    let _ = fs::remove_dir_all(&dir);
}
