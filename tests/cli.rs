//! Runs the real binary: `parallax export` output, exit codes and error
//! messages.

use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Output;

use serde_json::Value;

#[allow(dead_code, reason = "each test file uses part of the shared helpers")]
#[path = "support/command.rs"]
mod command;

fn parallax(args: &[&str]) -> Output {
    command::parallax_command().args(args).output().expect("binary runs")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// A fresh scratch folder for one test.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("parallax-cli-{name}-{}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap();
    dir
}

fn export_json(args: &[&str]) -> Value {
    let mut all = vec!["export", "--format", "json"];
    all.extend_from_slice(args);
    let o = parallax(&all);
    assert!(o.status.success(), "exit {:?}: {}", o.status, stderr(&o));
    serde_json::from_slice(&o.stdout).expect("export is JSON")
}

fn body_slice(body: &str, start: usize, end: usize) -> &str {
    assert!(body.is_char_boundary(start) && body.is_char_boundary(end) && start <= end && end <= body.len());
    &body[start..end]
}

/// The text a `{article, start, end}` object points to in its article's body.
fn pointed_text<'a>(bodies: &'a HashMap<String, String>, place: &Value) -> &'a str {
    let body = &bodies[place["article"].as_str().unwrap()];
    body_slice(body, place["start"].as_u64().unwrap() as usize, place["end"].as_u64().unwrap() as usize)
}

#[test]
fn sample_export_satisfies_the_format() {
    let doc = export_json(&[]);
    assert_eq!(doc["format"], "parallax-export/1");
    assert!(doc["generated_by"].as_str().unwrap().starts_with("parallax "));
    let bodies = articles_satisfy_the_format(&doc);
    passages_satisfy_the_format(&doc, &bodies);
    timeline_satisfies_the_format(&doc, &bodies);
}

/// Every article has every field, a clean body and sentences in order.
/// Returns the bodies by article id.
fn articles_satisfy_the_format(doc: &Value) -> HashMap<String, String> {
    let articles = doc["articles"].as_array().unwrap();
    assert_eq!(articles.len(), 5);
    let mut bodies = HashMap::new();
    for a in articles {
        for key in [
            "id",
            "path",
            "title",
            "outlet",
            "published",
            "dateline",
            "credit",
            "label",
            "word_count",
            "body",
            "sentences",
            "warnings",
        ] {
            assert!(a.get(key).is_some(), "article lacks {key}");
        }
        let body = a["body"].as_str().unwrap();
        assert!(!body.contains('\u{1b}'));
        let mut last = 0;
        for s in a["sentences"].as_array().unwrap() {
            let (st, en) = (s["start"].as_u64().unwrap() as usize, s["end"].as_u64().unwrap() as usize);
            assert!(st >= last, "sentences in order");
            assert!(!body_slice(body, st, en).trim().is_empty());
            last = en;
        }
        bodies.insert(a["id"].as_str().unwrap().to_string(), body.to_string());
    }
    bodies
}

/// Passages pair two articles, their text is what their spans hold, and
/// their similarity and kind are in range.
fn passages_satisfy_the_format(doc: &Value, bodies: &HashMap<String, String>) {
    let passages = doc["passages"].as_array().unwrap();
    assert!(passages.len() >= 10);
    for p in passages {
        let (a, b) = (&p["a"], &p["b"]);
        assert_ne!(a["article"], b["article"]);
        for side in [a, b] {
            assert_eq!(pointed_text(bodies, side), side["text"].as_str().unwrap());
        }
        let sim = p["similarity"].as_f64().unwrap();
        assert!((0.0..=1.0).contains(&sim));
        assert!(["verbatim", "near", "paraphrase"].contains(&p["kind"].as_str().unwrap()));
    }
}

/// Events are in date order with a basis, and their mentions' text is what
/// their spans hold.
fn timeline_satisfies_the_format(doc: &Value, bodies: &HashMap<String, String>) {
    let timeline = doc["timeline"].as_array().unwrap();
    assert!(!timeline.is_empty());
    let mut prev = String::new();
    for e in timeline {
        let date = e["date"].as_str().unwrap().to_string();
        assert!(matches!(date.len(), 4 | 7 | 10), "{date}");
        assert!(date[..4] >= prev[..prev.len().min(4)], "chronological");
        prev = date;
        assert!(["dated", "reported"].contains(&e["basis"].as_str().unwrap()));
        for m in e["mentions"].as_array().unwrap() {
            assert_eq!(pointed_text(bodies, m), m["text"].as_str().unwrap());
        }
    }
}

#[test]
fn sample_metadata_and_findings() {
    let doc = export_json(&[]);
    let arts = doc["articles"].as_array().unwrap();
    let by_id = |prefix: &str| arts.iter().find(|a| a["id"].as_str().unwrap().starts_with(prefix)).unwrap();
    assert_eq!(by_id("000")["title"], "Trump approves 28-point peace plan for Ukraine-Russia war");
    assert_eq!(by_id("000")["outlet"], "global.espreso.tv");
    assert_eq!(by_id("000")["published"], "2025-11-20T10:36:00+02:00");
    assert_eq!(by_id("001")["published"], "2025-11-20");
    assert_eq!(by_id("001")["credit"], "Anadolu Agency");
    // Each source's name, as the app shows it and the Markdown uses it.
    assert_eq!(by_id("000")["label"], "espreso.tv");
    assert_eq!(by_id("001")["label"], "Anadolu Agency");
    assert_eq!(by_id("002")["published"], Value::Null);
    assert_eq!(by_id("003")["title"], Value::Null);
    assert_eq!(by_id("004")["dateline"], "WASHINGTON");
    assert!(!by_id("002")["body"].as_str().unwrap().contains("Also Read"));
    // The Nov 19 arrival of the Driscoll delegation, reported by two sources, is one event.
    let timeline = doc["timeline"].as_array().unwrap();
    let arrival = timeline
        .iter()
        .find(|e| {
            e["date"] == "2025-11-19"
                && e["mentions"].as_array().unwrap().iter().any(|m| m["text"].as_str().unwrap().contains("Driscoll"))
        })
        .expect("Driscoll event on Nov 19");
    assert!(arrival["mentions"].as_array().unwrap().len() >= 2);
    // Peskov's "no such plans" is reported, not dated by the text.
    assert!(timeline.iter().any(|e| e["basis"] == "reported"
        && e["mentions"].as_array().unwrap().iter().any(|m| m["text"].as_str().unwrap().contains("Peskov"))));
}

#[test]
fn markdown_export_renders_the_same_analysis() {
    let o = parallax(&["export", "--format", "markdown"]);
    assert!(o.status.success());
    let md = String::from_utf8(o.stdout).unwrap();
    assert!(md.starts_with("# parallax export"));
    for h in ["## Articles", "## Shared passages", "## Timeline", "### 2025-11-19"] {
        assert!(md.contains(h), "missing {h}");
    }
    let json = export_json(&[]);
    let n = json["passages"].as_array().unwrap().len();
    assert!(md.contains(&format!("{n} shared passages")));
    // Sources are named as the app names them, not by file id.
    assert!(md.contains("- source: espreso.tv\n") && md.contains(" ↔ "), "{md}");
    assert!(!md.contains("### 1. 000_928e3f174fda5135 ↔"), "{md}");
}

#[test]
fn missing_path_is_a_bad_invocation() {
    let o = parallax(&["export", "/definitely/not/here.txt"]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(err.contains("/definitely/not/here.txt") && err.contains("no such file"), "{err}");
    assert!(!err.contains("panicked"));
    assert_eq!(err.lines().count(), 1, "one line: {err}");
}

#[test]
fn empty_folder_is_a_bad_invocation() {
    let dir = scratch("empty");
    fs::write(dir.join("notes.json"), "{}").unwrap();
    let o = parallax(&["export", dir.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(err.contains(dir.to_str().unwrap()) && err.contains("no .txt, .md or .html"), "{err}");
    fs::remove_dir_all(dir).unwrap();
}

#[test]
fn unreadable_file_is_a_bad_invocation() {
    let dir = scratch("unreadable");
    let path = dir.join("locked.txt");
    fs::write(&path, "Some text.").unwrap();
    let mut target: PathBuf = path.clone();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(&path, fs::Permissions::from_mode(0o000)).unwrap();
        // Root reads anything; a file the kernel refuses to read stands in.
        if fs::read(&path).is_ok() {
            target = PathBuf::from("/proc/self/mem");
        }
    }
    let o = parallax(&["export", target.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(err.contains(target.to_str().unwrap()) && err.contains("cannot read"), "{err}");
    fs::remove_dir_all(dir).unwrap();
}

#[test]
fn folders_are_read_and_binary_files_skipped_with_a_warning() {
    let dir = scratch("folder");
    fs::create_dir_all(dir.join("more")).unwrap();
    fs::write(dir.join("b.txt"), "Second story\n2025-03-05\n\nThe bridge reopened on Monday after repairs.").unwrap();
    fs::write(dir.join("more/a.md"), "# First story\n\nThe bridge reopened on Monday after long repairs.").unwrap();
    fs::write(dir.join("c.txt"), [0u8, 159, 146, 150, 0, 1, 2, 3]).unwrap();
    let o = parallax(&["export", dir.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(err.contains("c.txt") && err.contains("skipped"), "{err}");
    let doc: Value = serde_json::from_slice(&o.stdout).unwrap();
    let ids: Vec<&str> = doc["articles"].as_array().unwrap().iter().map(|a| a["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["b", "a"]);
    fs::remove_dir_all(dir).unwrap();
}

#[test]
fn saved_web_pages_are_read_and_their_parts_folders_left_out() {
    let dir = scratch("html");
    fs::create_dir_all(dir.join("Dam_files")).unwrap();
    fs::write(
        dir.join("Dam.html"),
        r#"<!DOCTYPE html><html><head><title>Dam gives way | Coast Herald</title>
<meta property="og:site_name" content="Coast Herald">
<meta property="article:published_time" content="2025-10-21T08:00:00Z">
<script>var ads = "<p>buy</p>";</script></head>
<body><nav>Home World</nav><article><h1>Dam gives way</h1>
<p>The earthen dam gave way on Sunday after heavy rain.</p><p>Hundreds were evacuated.</p></article></body></html>"#,
    )
    .unwrap();
    fs::write(dir.join("Dam_files/frame.html"), "<html><body><p>An advert.</p></body></html>").unwrap();
    // A folder merely named like one, with no page beside it, is read.
    fs::create_dir_all(dir.join("wire_files")).unwrap();
    fs::write(dir.join("wire_files/w.txt"), "Dam fails\n2025-10-21\n\nThe dam gave way on Sunday, officials said.")
        .unwrap();
    let doc = export_json(&[dir.to_str().unwrap()]);
    let arts = doc["articles"].as_array().unwrap();
    assert_eq!(arts.len(), 2, "{doc}");
    assert_eq!(arts[1]["id"], "w");
    let a = &arts[0];
    assert_eq!(a["title"], "Dam gives way");
    assert_eq!(a["outlet"], "Coast Herald");
    assert_eq!(a["published"], "2025-10-21T08:00:00+00:00");
    assert_eq!(a["body"], "The earthen dam gave way on Sunday after heavy rain.\n\nHundreds were evacuated.");
    assert!(a["warnings"].as_array().unwrap().iter().any(|w| w.as_str().unwrap().contains("web page")), "{a}");
    // The same timeline as any article: Sunday, 2025-10-19.
    assert!(doc["timeline"].as_array().unwrap().iter().any(|e| e["date"] == "2025-10-19"), "{doc}");
    fs::remove_dir_all(dir).unwrap();
}

#[test]
fn escape_sequences_never_reach_the_output() {
    let dir = scratch("escapes");
    let path = dir.join("evil.txt");
    fs::write(
        &path,
        "Title \u{1b}]0;owned\u{7}here\n\nBody \u{1b}[2J\u{1b}[31mred\u{9b}1m text \u{202e}reversed. More.",
    )
    .unwrap();
    for format in ["json", "markdown"] {
        let o = parallax(&["export", "--format", format, path.to_str().unwrap()]);
        assert!(o.status.success());
        let out = String::from_utf8(o.stdout).unwrap();
        assert!(!out.chars().any(|c| c == '\u{1b}' || c == '\u{9b}' || c == '\u{7}' || c == '\u{202e}'), "{out}");
        assert!(!out.contains("]0;") && !out.contains("[31m"));
    }
    fs::remove_dir_all(dir).unwrap();
}

#[test]
fn runs_from_any_directory() {
    let o =
        command::parallax_command().args(["export", "--format", "json"]).current_dir(Path::new("/")).output().unwrap();
    assert!(o.status.success());
    let doc: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(doc["articles"].as_array().unwrap().len(), 5);
}

#[test]
fn bad_arguments_exit_2() {
    let o = parallax(&["export", "--format", "yaml"]);
    assert_eq!(o.status.code(), Some(2));
}
