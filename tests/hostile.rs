//! Hostile input through the real binary: wrong encodings, binary files,
//! empty files, huge files, and terminal escape sequences. Every good
//! article is kept, every skipped file is named, nothing panics.

use std::fs;
use std::os::unix::ffi::OsStrExt;
use std::path::PathBuf;
use std::process::Output;

use serde_json::Value;

#[allow(dead_code, reason = "each test file uses part of the shared helpers")]
#[path = "support/command.rs"]
mod command;

#[allow(dead_code, reason = "each test file uses part of the shared tmux driver")]
#[path = "support/tmux.rs"]
mod tmux;

use tmux::Tmux;

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("parallax-hostile-{name}-{}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap();
    dir
}

fn export(path: &std::path::Path) -> (Output, Value) {
    let o = command::parallax_command().args(["export", "--format", "json", path.to_str().unwrap()]).output().unwrap();
    let err = String::from_utf8_lossy(&o.stderr).into_owned();
    assert!(!err.contains("panicked"), "{err}");
    let doc = serde_json::from_slice(&o.stdout).unwrap_or(Value::Null);
    (o, doc)
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn article<'a>(doc: &'a Value, id: &str) -> &'a Value {
    doc["articles"].as_array().unwrap().iter().find(|a| a["id"] == id).unwrap_or_else(|| panic!("no article {id}"))
}

#[test]
fn windows_1252_and_broken_utf8_are_decoded_kept_and_reported() {
    let dir = scratch("encodings");
    // Windows-1252: curly quotes 0x93/0x94, é 0xE9, en dash 0x96.
    fs::write(
        dir.join("cp1252.txt"),
        b"Caf\xe9 owners protest\n\n\x93We will not close,\x94 the owners said \x96 on Monday.",
    )
    .unwrap();
    // Mostly UTF-8 with a stray invalid byte.
    let mut mixed = "Café prices rise in Kyiv — again.\n\nShops said prices rose ".as_bytes().to_vec();
    mixed.extend_from_slice(b"\xff\xfe by 5% on Tuesday.");
    fs::write(dir.join("mixed.txt"), mixed).unwrap();
    let (o, doc) = export(&dir);
    assert!(o.status.success(), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(err.contains("cp1252.txt") && err.contains("Windows-1252"), "{err}");
    assert!(err.contains("mixed.txt") && err.contains("U+FFFD"), "{err}");
    let a = article(&doc, "cp1252");
    assert_eq!(a["title"], "Café owners protest");
    assert!(a["body"].as_str().unwrap().contains("“We will not close,” the owners said – on Monday."));
    assert!(a["warnings"].as_array().unwrap().iter().any(|w| w.as_str().unwrap().contains("Windows-1252")));
    let m = article(&doc, "mixed");
    assert!(m["body"].as_str().unwrap().contains('\u{FFFD}'));
    assert!(m["warnings"].as_array().unwrap().iter().any(|w| w.as_str().unwrap().contains("U+FFFD")));
    fs::remove_dir_all(dir).unwrap();
}

#[test]
fn binary_empty_and_wordless_files_never_stop_the_others() {
    let dir = scratch("mixed-bag");
    fs::write(dir.join("good.txt"), "A ferry sank near Crete\n\nA ferry sank near Crete on Sunday. All were rescued.")
        .unwrap();
    fs::write(dir.join("image.txt"), [0x89u8, b'P', b'N', b'G', 0, 0, 0, 13, 0, 1, 2, 3, 0, 0]).unwrap();
    fs::write(dir.join("empty.txt"), "").unwrap();
    fs::write(dir.join("symbols.md"), "× • ×\n\n---\n\n***\n").unwrap();
    fs::write(dir.join("numbers.txt"), "1234 5678\n\n2025-11-20").unwrap();
    let (o, doc) = export(&dir);
    assert!(o.status.success(), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(err.contains("image.txt") && err.contains("skipped") && err.contains("binary"), "{err}");
    let ids: Vec<&str> = doc["articles"].as_array().unwrap().iter().map(|a| a["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["empty", "good", "numbers", "symbols"]);
    for id in ["empty", "symbols"] {
        let a = article(&doc, id);
        assert!(
            a["warnings"].as_array().unwrap().iter().any(|w| w.as_str().unwrap().contains("no article text")),
            "{a}"
        );
    }
    assert!(!article(&doc, "good")["sentences"].as_array().unwrap().is_empty());
    fs::remove_dir_all(dir).unwrap();
}

#[test]
fn only_a_binary_file_is_a_bad_invocation() {
    let dir = scratch("only-binary");
    let path = dir.join("blob.txt");
    fs::write(&path, [0u8, 1, 2, 3, 0, 255, 254]).unwrap();
    let (o, _) = export(&path);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(err.contains("blob.txt") && err.contains("every input was skipped"), "{err}");
    fs::remove_dir_all(dir).unwrap();
}

#[test]
fn huge_files_are_cut_and_say_where() {
    let dir = scratch("huge");
    // 20 MB on one line, no full stop.
    let line: String = "alpha beta gamma delta Kyiv said on Monday the plan ".repeat(20 * 1024 * 1024 / 52);
    fs::write(dir.join("endless.txt"), &line).unwrap();
    // 100,000 short lines.
    let lines: String = (0..100_000).map(|i| format!("Line {i} of the story.\n")).collect();
    fs::write(dir.join("lines.txt"), &lines).unwrap();
    let (o, doc) = export(&dir);
    assert!(o.status.success(), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(err.contains("endless.txt") && err.contains("truncated") && err.contains("4194304 bytes"), "{err}");
    let e = article(&doc, "endless");
    assert!(e["body"].as_str().unwrap().len() <= 4 * 1024 * 1024);
    // Sentences are cut to a bounded length.
    for s in e["sentences"].as_array().unwrap() {
        assert!(s["end"].as_u64().unwrap() - s["start"].as_u64().unwrap() <= 4000);
    }
    let l = article(&doc, "lines");
    assert_eq!(l["sentences"].as_array().unwrap().len(), 100_000);
    fs::remove_dir_all(dir).unwrap();
}

#[test]
fn escape_sequences_in_titles_and_bodies_are_removed() {
    let dir = scratch("escapes");
    let nasty = "Ferry \u{1b}]0;pwned\u{7}news \u{1b}]52;c;aGVsbG8=\u{1b}\\today\n\n\
                 A ferry \u{1b}[31;1msank\u{1b}[0m near \u{9b}2JCrete \u{1b}P1$r\u{1b}\\on Sunday.\u{85} \
                 \u{202e}Rescuers\u{202c} pulled 112 people out.\u{7}";
    fs::write(dir.join("nasty.txt"), nasty).unwrap();
    for format in ["json", "markdown"] {
        let o =
            command::parallax_command().args(["export", "--format", format, dir.to_str().unwrap()]).output().unwrap();
        assert!(o.status.success());
        let out = String::from_utf8(o.stdout).unwrap();
        for bad in ['\u{1b}', '\u{9b}', '\u{7}', '\u{85}', '\u{202e}', '\u{202c}'] {
            assert!(!out.contains(bad), "{format} output holds {bad:?}");
        }
        for leftover in ["]0;", "]52;", "[31", "2J", "$r"] {
            assert!(!out.contains(leftover), "{format} output holds {leftover:?}");
        }
        assert!(out.contains("A ferry sank near Crete on Sunday."), "{out}");
    }
    let (o, doc) = export(&dir);
    let a = article(&doc, "nasty");
    assert_eq!(a["title"], "Ferry news today");
    assert!(stderr(&o).contains("escape sequence"), "{}", stderr(&o));
    fs::remove_dir_all(dir).unwrap();
}

/// A folder of files whose names try to act on the terminal: retitle and
/// clear it (OSC 0, CSI 2J), write the clipboard (OSC 52), colour it with
/// 8-bit C1 controls (as UTF-8 and as a raw byte), forge a line of output,
/// reverse the text after them. Their contents make each kind of output
/// name them: articles, an empty file (listed by its name), a binary file
/// (skipped), a file with escape sequences in its text (a problem), and a
/// name taken twice (renamed).
fn hostile_names() -> PathBuf {
    let dir = scratch("names");
    let story = "Ferry sinks near Crete\n2025-11-20\n\nA ferry sank near Crete on Sunday. All 112 people were rescued.";
    let files: [(&[u8], &[u8]); 8] = [
        (b"\x1b]0;HACKED\x07\x1b[2J.txt", story.as_bytes()),
        (b"sub/\x1b]0;HACKED\x07\x1b[2J.txt", b"Rescuers said all 112 people were rescued near Crete on Sunday."),
        ("\u{9b}31m\u{9d}0;C1\u{9c}.md".as_bytes(), b""),
        (b"raw\x9b2J\xff.txt", b"\x1b[31mRed\x1b[0m text, and a bell\x07 here."),
        (b"line\nparallax: warning: forged.txt", b"Crete ferry: all 112 rescued on Sunday."),
        ("\u{202e}txt.exe\u{202c}.txt".as_bytes(), b"A ferry sank on Sunday."),
        (b"\x1b]52;c;aGk=\x07clip.txt", &[0u8, 1, 2, 3, 0, 255][..]),
        (b"plain.txt", b"Nothing here is odd."),
    ];
    for (name, text) in files {
        let path = dir.join(std::ffi::OsStr::from_bytes(name));
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, text).unwrap();
    }
    dir
}

/// Panics when `bytes` is not UTF-8 or holds a control character other
/// than a line break (C0, DEL, C1) or a text direction override.
fn assert_no_controls(channel: &str, bytes: &[u8]) {
    let text = std::str::from_utf8(bytes).unwrap_or_else(|e| panic!("{channel} is not UTF-8 ({e})"));
    for c in text.chars() {
        let bad = (c.is_control() && c != '\n') || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}');
        assert!(!bad, "{channel} holds {c:?}:\n{text}");
    }
}

#[test]
fn hostile_file_names_reach_no_output_as_control_characters() {
    let dir = hostile_names();
    for format in ["json", "markdown"] {
        let o = command::parallax_command().args(["export", "--format", format]).arg(&dir).output().unwrap();
        assert!(o.status.success(), "{}", stderr(&o));
        assert_no_controls(&format!("{format} on stdout"), &o.stdout);
        assert_no_controls(&format!("stderr of the {format} export"), &o.stderr);
        let err = stderr(&o);
        // Every name is still told, its controls shown as escapes.
        for shown in [
            "/sub/\\u{1b}]0;HACKED\\u{7}\\u{1b}[2J.txt: id \"\\u{1b}]0;HACKED\\u{7}\\u{1b}[2J\" is already taken",
            "/\\u{1b}]52;c;aGk=\\u{7}clip.txt: skipped: binary",
            "/\\u{9b}31m\\u{9d}0;C1\\u{9c}.md: no article text",
            "/raw\u{fffd}2J\u{fffd}.txt: removed 2 terminal escape sequence(s)",
        ] {
            assert!(err.contains(shown), "stderr lacks {shown:?}:\n{err}");
        }
        assert!(!err.lines().any(|l| l.starts_with("parallax: warning: forged")), "a forged line:\n{err}");
        if format == "markdown" {
            let out = String::from_utf8_lossy(&o.stdout);
            assert!(out.contains("HACKED") && out.contains("clip.txt"), "{out}");
        }
    }
    // The terminal app: everything it writes to the terminal, and its
    // warnings on stderr when it quits.
    if !Tmux::available() {
        eprintln!("skipped the terminal app: tmux is not installed");
        return;
    }
    let t = Tmux::start_on("names", 100, 30, "", &[dir.as_path()], |_| {});
    let written = t.dir.join("written");
    // Every file read (the binary one skipped), and the analysis done: the
    // tiny files are several stories, so the app opens on their list.
    t.wait_for(" in 7 articles");
    t.record(&written);
    // A resize redraws the whole screen into the record.
    t.tmux(&["resize-window", "-t", "t", "-x", "110", "-y", "32"]);
    t.wait_until("a full redraw", |_| fs::metadata(&written).is_ok_and(|m| m.len() > 2000));
    // Every story in every view (a step past the last stays on it).
    for _ in 0..7 {
        t.keys(&["Enter", "3", "2", "4", "5", "1", "S", "j"]);
    }
    t.wait_for("Stories · story");
    t.keys(&["q"]);
    assert_eq!(t.exit_status(), "EXIT:0");
    let screen = t.wait_for("parallax: warning:");
    assert!(screen.contains("HACKED") && screen.contains("clip.txt: skipped"), "{screen}");
    assert_no_controls("the screen", screen.as_bytes());
    assert_ne!(t.title(), "HACKED", "the terminal was retitled");
    // The app's own output is escape sequences for drawing (CSI), and text;
    // never a string sequence (OSC, DCS...), a bell or a C1 control.
    let raw = fs::read(&written).unwrap();
    let raw = std::str::from_utf8(&raw).expect("the app wrote UTF-8 to the terminal");
    for sequence in ["\u{1b}]", "\u{1b}P", "\u{1b}_", "\u{7}", "HACKED\u{7}"] {
        assert!(!raw.contains(sequence), "the app wrote {sequence:?} to the terminal");
    }
    assert!(!raw.contains(|c| ('\u{80}'..='\u{9f}').contains(&c)), "the app wrote a C1 control to the terminal");
    fs::remove_dir_all(dir).unwrap();
}

/// stderr on a full disk: the messages are lost, the exit status is not.
fn with_full_stderr(args: &[&std::ffi::OsStr]) -> Output {
    let full = fs::OpenOptions::new().write(true).open("/dev/full").unwrap();
    command::parallax_command().args(args).stderr(full).output().unwrap()
}

#[test]
fn an_unwritable_stderr_changes_no_exit_status() {
    let missing = std::ffi::OsStr::new("/no/such/folder");
    for args in [&[std::ffi::OsStr::new("export"), missing][..], &[missing][..]] {
        let o = with_full_stderr(args);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
    }
    // Warnings that cannot be told do not stop the export.
    let dir = scratch("full-stderr");
    fs::write(dir.join("good.txt"), "A ferry sank near Crete on Sunday.").unwrap();
    fs::write(dir.join("blob.txt"), [0u8, 1, 2, 0]).unwrap();
    let o = with_full_stderr(&[std::ffi::OsStr::new("export"), dir.as_os_str()]);
    assert_eq!(o.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&o.stdout).contains("A ferry sank"));
    fs::remove_dir_all(dir).unwrap();
}

// ----- The second hostile pass (issue 14), case by case -----
//
// `cargo test --test hostile second_pass -- --nocapture` prints what the
// user sees in each case. Cases that must not hang run under a time limit
// far above what they take (a liveness check, not a speed test: speed is
// measured by `examples/walk.rs`).

/// The binary's output, with a bound on how long it may run.
struct Bounded {
    code: Option<i32>,
    stdout: Vec<u8>,
    stderr: String,
}

fn bounded(args: &[&std::ffi::OsStr], limit: std::time::Duration) -> Bounded {
    let dir = scratch("bounded");
    let (out, err) = (dir.join("stdout"), dir.join("stderr"));
    let mut child = command::parallax_command()
        .args(args)
        .stdin(std::process::Stdio::null())
        .stdout(fs::File::create(&out).unwrap())
        .stderr(fs::File::create(&err).unwrap())
        .spawn()
        .unwrap();
    let start = std::time::Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if start.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            panic!("still running after {limit:?}: it hangs");
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    };
    let run = Bounded {
        code: status.code(),
        stdout: fs::read(&out).unwrap(),
        stderr: fs::read_to_string(&err).unwrap_or_default(),
    };
    fs::remove_dir_all(dir).unwrap();
    run
}

fn export_bounded(args: &[&std::ffi::OsStr]) -> Bounded {
    let mut all = vec![std::ffi::OsStr::new("export")];
    all.extend_from_slice(args);
    bounded(&all, std::time::Duration::from_secs(60))
}

/// The line of stderr that holds `what`, as the user sees it.
fn told(run: &Bounded, what: &str) -> String {
    let line = run.stderr.lines().find(|l| l.contains(what));
    line.unwrap_or_else(|| panic!("stderr lacks {what:?}:\n{}", run.stderr)).to_string()
}

const STORY: &str =
    "Ferry sinks near Crete\n2025-11-20\n\nA ferry sank near Crete on Sunday. All 112 people were rescued.";

fn mkfifo(path: &std::path::Path) {
    let name = std::ffi::CString::new(path.as_os_str().as_bytes()).unwrap();
    // SAFETY: mkfifo with a valid NUL-terminated path.
    assert_eq!(unsafe { libc::mkfifo(name.as_ptr(), 0o600) }, 0);
}

fn folder_with_story(name: &str) -> PathBuf {
    let dir = scratch(name);
    fs::write(dir.join("a.txt"), STORY).unwrap();
    dir
}

fn fifo_in_a_folder() -> String {
    let dir = folder_with_story("fifo-folder");
    mkfifo(&dir.join("pipe.txt"));
    let run = export_bounded(&[dir.as_os_str()]);
    assert_eq!(run.code, Some(0));
    told(&run, "pipe.txt: skipped: a FIFO")
}

fn fifo_named_directly() -> String {
    let dir = folder_with_story("fifo-named");
    let fifo = dir.join("pipe.txt");
    mkfifo(&fifo);
    let run = export_bounded(&[fifo.as_os_str(), dir.join("a.txt").as_os_str()]);
    assert_eq!(run.code, Some(0));
    told(&run, "pipe.txt: no article text")
}

fn device_named_directly() -> String {
    let run = export_bounded(&[std::ffi::OsStr::new("/dev/zero")]);
    assert_eq!(run.code, Some(2));
    told(&run, "/dev/zero")
}

fn socket_in_a_folder() -> String {
    let dir = folder_with_story("socket");
    let _socket = std::os::unix::net::UnixListener::bind(dir.join("feed.md")).unwrap();
    let run = export_bounded(&[dir.as_os_str()]);
    assert_eq!(run.code, Some(0));
    told(&run, "feed.md: skipped: a socket")
}

fn link_to_root_in_a_folder() -> String {
    let dir = folder_with_story("link-root");
    std::os::unix::fs::symlink("/", dir.join("everything")).unwrap();
    let run = export_bounded(&[dir.as_os_str()]);
    assert_eq!(run.code, Some(0));
    told(&run, "everything: skipped: a link to /, outside the folders given")
}

fn link_to_root_followed() -> String {
    let dir = folder_with_story("link-root-followed");
    std::os::unix::fs::symlink("/", dir.join("everything")).unwrap();
    let args = ["--follow-links", "--max-entries", "5000"].map(std::ffi::OsStr::new);
    let run = export_bounded(&[args[0], args[1], args[2], dir.as_os_str()]);
    assert_eq!(run.code, Some(2));
    told(&run, "more than 5000 entries")
}

fn link_loop() -> String {
    let dir = folder_with_story("link-loop");
    fs::create_dir(dir.join("inner")).unwrap();
    std::os::unix::fs::symlink(&dir, dir.join("inner/up")).unwrap();
    let run = export_bounded(&[dir.as_os_str()]);
    assert_eq!(run.code, Some(0));
    format!(
        "exit 0, {} article(s), nothing told",
        serde_json::from_slice::<Value>(&run.stdout).unwrap()["articles"].as_array().unwrap().len()
    )
}

fn many_empty_folders() -> String {
    let dir = folder_with_story("many-folders");
    for i in 0..100_000 {
        fs::create_dir(dir.join(format!("d{i:06}"))).unwrap();
    }
    let start = std::time::Instant::now();
    let run = export_bounded(&[dir.as_os_str()]);
    let took = start.elapsed();
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    fs::remove_dir_all(&dir).unwrap();
    format!("exit 0 after {:.1} s", took.as_secs_f64())
}

fn full_stderr() -> String {
    let o = with_full_stderr(&[std::ffi::OsStr::new("export"), std::ffi::OsStr::new("/nonexist")]);
    assert_eq!(o.status.code(), Some(2));
    "exit 2 (the message is lost with stderr)".into()
}

fn closed_stdout() -> String {
    let bin = env!("CARGO_BIN_EXE_parallax");
    let o = std::process::Command::new("sh").args(["-c", &format!("exec '{bin}' export >&-")]).output().unwrap();
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(err.contains("standard output is closed"), "{err}");
    format!("exit 1: {}", err.trim())
}

/// A saved web page in a legacy encoding, declared in its `<meta>`.
fn page_in(name: &str, charset: &str, text: &[u8]) -> String {
    let dir = scratch(name);
    let mut page =
        format!("<html><head><meta charset=\"{charset}\"><title>Page</title></head><body><article><p>").into_bytes();
    page.extend_from_slice(text);
    page.extend_from_slice(b"</p></article></body></html>");
    fs::write(dir.join("page.html"), page).unwrap();
    let run = export_bounded(&[dir.as_os_str()]);
    assert_eq!(run.code, Some(0));
    let doc: Value = serde_json::from_slice(&run.stdout).unwrap();
    let body = doc["articles"][0]["body"].as_str().unwrap().to_string();
    format!("body “{body}”; {}", told(&run, "page.html: not valid UTF-8"))
}

fn html_windows_1251() -> String {
    // "В Москве прошёл дождь." in Windows-1251.
    let text = b"\xc2 \xcc\xee\xf1\xea\xe2\xe5 \xef\xf0\xee\xf8\xb8\xeb \xe4\xee\xe6\xe4\xfc.";
    let seen = page_in("cp1251", "windows-1251", text);
    assert!(seen.contains("В Москве прошёл дождь.") && seen.contains("windows-1251"), "{seen}");
    seen
}

fn html_shift_jis() -> String {
    // "東京で地震。" in Shift_JIS.
    let text = b"\x93\x8c\x8b\x9e\x82\xc5\x92\x6e\x90\x6b\x81\x42";
    let seen = page_in("sjis", "shift_jis", text);
    assert!(seen.contains("東京で地震。") && seen.contains("Shift_JIS"), "{seen}");
    seen
}

/// The app's saved state in `dir`, read.
fn saved_state(dir: &std::path::Path) -> Value {
    serde_json::from_str(&fs::read_to_string(dir.join("state.json")).unwrap()).unwrap()
}

fn keys_on_an_undated_timeline() -> String {
    let dir = scratch("undated");
    fs::write(dir.join("a.txt"), "A quiet day\n\nNothing happened.").unwrap();
    let t = Tmux::start_on("undated", 80, 24, "", &[dir.as_path()], |_| {});
    t.wait_for("Sources (1)");
    t.keys(&["3"]);
    t.wait_for("No dated events");
    t.keys(&["PageUp", "b", "C-u", "PageDown", "C-d", "f", "g", "G"]);
    t.keys(&["q"]);
    assert_eq!(t.exit_status(), "EXIT:0");
    assert_eq!(saved_state(&t.dir.join("state"))["sets"].as_object().unwrap().len(), 1);
    "the keys do nothing; q quits with status 0 and the place is saved".into()
}

fn two_instances() -> String {
    let state = scratch("two-state");
    let env = format!("PARALLAX_STATE_DIR={}", state.display());
    let (first, second) = (folder_with_story("two-a"), folder_with_story("two-b"));
    let a = Tmux::start_on("two-a", 80, 24, &env, &[first.as_path()], |_| {});
    let b = Tmux::start_on("two-b", 80, 24, &env, &[second.as_path()], |_| {});
    a.wait_for("Sources (1)");
    b.wait_for("Sources (1)");
    a.keys(&["3"]);
    a.wait_for("Timeline ·");
    b.keys(&["4"]);
    b.wait_for("Coverage ·");
    a.keys(&["q"]);
    assert_eq!(a.exit_status(), "EXIT:0");
    b.keys(&["q"]);
    assert_eq!(b.exit_status(), "EXIT:0");
    let sets = saved_state(&state)["sets"].as_object().unwrap().clone();
    let mut views: Vec<&str> = sets.values().map(|s| s["view"].as_str().unwrap()).collect();
    views.sort_unstable();
    assert_eq!(views, ["coverage", "timeline"]);
    "both places kept: state.json holds both sets (coverage, timeline)".into()
}

fn config_linked_to_dev_zero() -> String {
    let t = Tmux::start_with("zero-config", 80, 24, "", |dir| {
        std::os::unix::fs::symlink("/dev/zero", dir.join("config/config.toml")).unwrap();
    });
    t.wait_for("Sources (5)");
    t.keys(&["q"]);
    assert_eq!(t.exit_status(), "EXIT:0");
    let screen = t.wait_for("config.toml:");
    screen.lines().find(|l| l.contains("config.toml:")).unwrap().trim().to_string()
}

fn state_of_random_bytes() -> String {
    let bytes: Vec<u8> = (0..4096u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8).collect();
    let t =
        Tmux::start_with("random-state", 80, 24, "", |dir| fs::write(dir.join("state/state.json"), &bytes).unwrap());
    t.wait_for("Sources (5)");
    t.keys(&["q"]);
    assert_eq!(t.exit_status(), "EXIT:0");
    assert_eq!(fs::read(t.dir.join("state/state.json.bad")).unwrap(), bytes, "the bytes are kept");
    saved_state(&t.dir.join("state"));
    let screen = t.wait_for("state.json:");
    screen.lines().find(|l| l.contains("state.json:")).unwrap().trim().to_string()
}

fn stray_paste_start() -> String {
    let t = Tmux::start("paste", 80, 24, "");
    t.wait_for("Sources (5)");
    // The start of a bracketed paste with no end.
    t.tmux(&["send-keys", "-t", "t", "-H", "1b", "5b", "32", "30", "30", "7e"]);
    std::thread::sleep(std::time::Duration::from_millis(800));
    t.keys(&["3"]);
    t.wait_for("Timeline ·");
    t.keys(&["q"]);
    assert_eq!(t.exit_status(), "EXIT:0");
    "keys work again once the terminal falls quiet: 3 shows the timeline, q quits".into()
}

fn a_paste_is_not_keys() -> String {
    let t = Tmux::start("real-paste", 80, 24, "");
    t.wait_for("Sources (5)");
    // A paste of "q3": not a quit, not the timeline.
    t.tmux(&["set-buffer", "q3"]);
    t.tmux(&["paste-buffer", "-p", "-t", "t"]);
    let screen = t.wait_for("pasted text is taken only while typing a search");
    assert!(screen.contains("Sources (5)"), "{screen}");
    // Into the search box, it is taken.
    t.keys(&["/"]);
    t.tmux(&["set-buffer", "Zakharova"]);
    t.tmux(&["paste-buffer", "-p", "-t", "t"]);
    t.wait_for("/Zakharova");
    t.keys(&["Enter"]);
    t.wait_for("match 1/");
    t.keys(&["q"]);
    assert_eq!(t.exit_status(), "EXIT:0");
    "a paste outside the search box is refused with a message; in it, it is the search".into()
}

fn emoji_sequences_on_screen() -> String {
    let dir = scratch("emoji");
    let family = "👩\u{200d}👩\u{200d}👧";
    let text = format!(
        "Family {family} day 🇺🇦\n2025-11-20\n\nThe family {family} met on Tuesday 🇺🇦 with thumbs 👍🏽 and hearts ❤\u{fe0f} in Kyiv."
    );
    fs::write(dir.join("a.txt"), &text).unwrap();
    fs::write(dir.join("b.txt"), "Other report\n2025-11-20\n\nThe family met on Tuesday in Kyiv, officials said.")
        .unwrap();
    let t = Tmux::start_on("emoji", 80, 24, "", &[dir.as_path()], |_| {});
    t.wait_for("Sources (2)");
    for keys in [&["3"][..], &["k"], &["Enter"], &["Escape", "4"], &["e"], &["Escape", "2"], &["c"], &["5"], &["1"]] {
        t.keys(keys);
        std::thread::sleep(std::time::Duration::from_millis(300));
        let screen = t.screen();
        assert!(
            !screen.contains(['\u{200d}', '\u{fe0f}']),
            "an emoji sequence drawn as it is after {keys:?}:\n{screen}"
        );
    }
    t.keys(&["q"]);
    assert_eq!(t.exit_status(), "EXIT:0");
    "drawn as separate emoji (👩👩👧, UA, 👍, ❤) in every view: borders stay put".into()
}

/// A case: its name, and a run that returns what the user sees (or panics).
type Case = (&'static str, fn() -> String);

#[test]
fn second_pass_case_by_case() {
    let exports: &[Case] = &[
        ("a FIFO in a folder", fifo_in_a_folder),
        ("a FIFO named directly, nobody writing", fifo_named_directly),
        ("a device named directly", device_named_directly),
        ("a socket in a folder", socket_in_a_folder),
        ("a link to / in a folder", link_to_root_in_a_folder),
        ("a link to / with --follow-links", link_to_root_followed),
        ("a link that loops", link_loop),
        ("100,000 empty subfolders", many_empty_folders),
        ("export /nonexist 2>/dev/full", full_stderr),
        ("export with stdout closed", closed_stdout),
        ("a page declaring windows-1251", html_windows_1251),
        ("a page declaring shift_jis", html_shift_jis),
    ];
    let app: &[Case] = &[
        ("Timeline of undated articles: PgUp, b, Ctrl-u", keys_on_an_undated_timeline),
        ("two instances on one state file", two_instances),
        ("config.toml a link to /dev/zero", config_linked_to_dev_zero),
        ("state.json of random bytes", state_of_random_bytes),
        ("a stray bracketed-paste start", stray_paste_start),
        ("a paste of q3 (bracketed)", a_paste_is_not_keys),
        ("emoji sequences in titles and text", emoji_sequences_on_screen),
    ];
    let tmux = Tmux::available();
    let mut failed = Vec::new();
    for (name, case) in exports.iter().chain(if tmux { app } else { &[] }) {
        match std::panic::catch_unwind(case) {
            Ok(seen) => println!("ok    {name}: {seen}"),
            Err(why) => {
                let why = why.downcast_ref::<String>().cloned().unwrap_or_default();
                println!("FAIL  {name}: {why}");
                failed.push(*name);
            }
        }
    }
    if !tmux {
        println!("skipped the terminal app's cases: tmux is not installed");
    }
    assert!(failed.is_empty(), "failed: {failed:?}");
}
