//! End to end: the real binary in tmux. Start, switch views, step, open an
//! event's sources, jump, help, resize (larger, small, back), quit; and
//! SIGTERM. Skipped, with the reason printed, where tmux is not installed.

use std::process::Command;

#[allow(dead_code, reason = "each test file uses part of the shared tmux driver")]
#[path = "support/tmux.rs"]
mod tmux;

use tmux::Tmux;

#[test]
fn start_navigate_resize_and_quit() {
    if !Tmux::available() {
        eprintln!("skipped: tmux is not installed");
        return;
    }
    let t = Tmux::start("main", 80, 24, "");
    let s = t.wait_for("Sources (5)");
    assert!(s.contains("1 Read") && s.contains("? help"), "{s}");
    // Compare.
    t.keys(&["2"]);
    t.wait_for("Passage 1/");
    // Timeline: the story's days first.
    t.keys(&["3"]);
    let s = t.wait_until("the timeline and its status", |s| s.contains("Timeline ·") && s.contains(" event "));
    assert!(s.contains("Wed 19 Nov 2025"), "{s}");
    let event = |s: &str| -> usize {
        let at = s.find(" event ").expect("status shows the event") + 7;
        s[at..].split('/').next().unwrap().trim().parse().unwrap()
    };
    let before = event(&s);
    t.keys(&["j"]);
    t.wait_for(&format!("event {}/", before + 1));
    // Enter lists the event's sources; Enter again jumps to the sentence.
    t.keys(&["Enter"]);
    t.wait_for("Enter jumps to the sentence");
    t.keys(&["Enter"]);
    t.wait_for("Sources (5)");
    // Coverage and discrepancies.
    t.keys(&["4"]);
    t.wait_for("Coverage ·");
    t.keys(&["5"]);
    t.wait_for("spelling only");
    // Help, closed with Esc.
    t.keys(&["?"]);
    t.wait_for("Keys · Esc or q closes");
    t.keys(&["Escape"]);
    t.wait_for("Discrepancies ·");
    // Resize: larger, too small, and back.
    t.tmux(&["resize-window", "-t", "t", "-x", "120", "-y", "40"]);
    let wide = |s: &str| s.lines().next().is_some_and(|l| l.trim_end().chars().count() > 100);
    let s = t.wait_until("the full width", wide);
    assert!(s.contains("5 Discrepancies") && s.lines().count() >= 40, "{s}");
    // Small: the view degrades (tabs as numbers, the detail folded), never
    // refuses.
    t.tmux(&["resize-window", "-t", "t", "-x", "40", "-y", "12"]);
    // The tabs as numbers, the current one named: drawn at the new size.
    let s = t.wait_for("1  2  3  4  5 Discrepancies");
    assert!(s.contains("spelling only"), "{s}");
    t.tmux(&["resize-window", "-t", "t", "-x", "80", "-y", "24"]);
    t.wait_for("Discrepancies ·");
    t.keys(&["q"]);
    assert_eq!(t.exit_status(), "EXIT:0");
    // The terminal is back: the app's screen is gone.
    let s = t.screen();
    assert!(!s.contains("Discrepancies ·"), "screen after quit:\n{s}");
}

/// Runs the app, sends `signal`, and checks the exit status, that the
/// screen was given back, and that the reading position was saved.
fn signal_restores(name: &str, signal: &str, number: i32) {
    if !Tmux::available() {
        eprintln!("skipped: tmux is not installed");
        return;
    }
    let t = Tmux::start(name, 80, 24, "NO_COLOR=1");
    t.wait_for("Sources (5)");
    let pid = std::fs::read_to_string(t.dir.join("pid")).unwrap().trim().to_string();
    Command::new("kill").args([&format!("-{signal}"), &pid]).status().unwrap();
    assert_eq!(t.exit_status(), format!("EXIT:{}", 128 + number));
    let s = t.screen();
    assert!(!s.contains("Sources (5)"), "screen after SIG{signal}:\n{s}");
    assert!(t.dir.join("state/state.json").exists(), "state saved on SIG{signal}");
}

#[test]
fn sigterm_restores_the_terminal() {
    signal_restores("term", "TERM", 15);
}

#[test]
fn sighup_restores_the_terminal() {
    signal_restores("hup", "HUP", 1);
}

#[test]
fn sigint_restores_the_terminal() {
    signal_restores("int", "INT", 2);
}

#[test]
fn a_panic_restores_the_terminal_and_prints_the_message() {
    if !Tmux::available() {
        eprintln!("skipped: tmux is not installed");
        return;
    }
    let t = Tmux::start("panic", 80, 24, "PARALLAX_TEST_PANIC=1");
    t.wait_for("Sources (5)");
    t.keys(&["j"]);
    let status = t.exit_status();
    assert_ne!(status, "EXIT:0");
    let s = t.wait_for("test panic requested");
    assert!(!s.contains("Sources (5)"), "screen after the panic:\n{s}");
}

#[test]
fn broken_config_and_state_give_warnings_not_failures() {
    if !Tmux::available() {
        eprintln!("skipped: tmux is not installed");
        return;
    }
    let t = Tmux::start_with("broken", 80, 24, "", |dir| {
        std::fs::write(dir.join("config/config.toml"), "theme = \n[keys\n").unwrap();
        std::fs::write(dir.join("state/state.json"), "{ not json").unwrap();
    });
    // The app runs on defaults and says why in the status line.
    let s = t.wait_for("Sources (5)");
    assert!(s.contains("warning:"), "{s}");
    t.keys(&["3"]);
    t.wait_for("Timeline ·");
    t.keys(&["q"]);
    assert_eq!(t.exit_status(), "EXIT:0");
    let s = t.wait_for("config.toml");
    assert!(s.contains("using defaults"), "{s}");
    assert!(t.dir.join("state/state.json.bad").exists(), "broken state set aside");
    let saved = std::fs::read_to_string(t.dir.join("state/state.json")).unwrap();
    assert!(saved.contains("\"timeline\""), "new state written: {saved}");
}

#[test]
fn remembered_view_comes_back_and_an_unwritable_state_dir_is_no_error() {
    if !Tmux::available() {
        eprintln!("skipped: tmux is not installed");
        return;
    }
    let t = Tmux::start("remember", 80, 24, "");
    t.wait_for("Sources (5)");
    t.keys(&["4"]);
    t.wait_for("Coverage ·");
    t.keys(&["q"]);
    assert_eq!(t.exit_status(), "EXIT:0");
    // Again, same state folder: it opens where it was left.
    let state = t.dir.join("state");
    let env = format!("PARALLAX_STATE_DIR={}", state.display());
    let again = Tmux::start("remember2", 80, 24, &env);
    again.wait_for("Coverage ·");
    again.keys(&["q"]);
    assert_eq!(again.exit_status(), "EXIT:0");
    // A state folder that cannot be created: a warning, exit 0.
    let nowhere = Tmux::start("nowhere", 80, 24, "PARALLAX_STATE_DIR=/proc/parallax-no-such-dir");
    nowhere.wait_for("Sources (5)");
    nowhere.keys(&["q"]);
    assert_eq!(nowhere.exit_status(), "EXIT:0");
    let s = nowhere.wait_for("state not saved");
    assert!(s.contains("/proc/parallax-no-such-dir"), "{s}");
}

#[test]
fn ctrl_z_suspends_and_fg_resumes() {
    if !Tmux::available() {
        eprintln!("skipped: tmux is not installed");
        return;
    }
    // Job control needs an interactive shell: start one, then the app in it.
    let socket = format!("parallax-test-suspend-{}", std::process::id());
    let dir = std::env::temp_dir().join(&socket);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let t = Tmux { socket: socket.clone(), dir: dir.clone() };
    let ok = Command::new("tmux")
        .args(["-L", &socket, "-f", "/dev/null", "new-session", "-d", "-s", "t", "-x", "80", "-y", "24"])
        .args(["bash", "--norc", "--noprofile", "-i"])
        .env("PS1", "shell$ ")
        .env("TERM", "xterm-256color")
        .status()
        .unwrap();
    assert!(ok.success());
    t.wait_for("shell$");
    // Inside `sh -c`: an interactive bash runs the rest of a list as soon as
    // its job stops, so the exit status is written by the wrapper, which
    // stops and resumes with the app (the app stops its process group).
    let cmd = format!(
        "sh -c 'PARALLAX_CONFIG_DIR={d} PARALLAX_STATE_DIR={d} {}; echo EXIT:$? > {d}/exit'",
        env!("CARGO_BIN_EXE_parallax"),
        d = dir.display()
    );
    t.keys(&[&cmd, "Enter"]);
    t.wait_for("Sources (5)");
    t.keys(&["C-z"]);
    let s = t.wait_for("Stopped");
    assert!(!s.contains("Sources (5)"), "the shell has the terminal back:\n{s}");
    t.keys(&["fg", "Enter"]);
    t.wait_for("Sources (5)");
    t.keys(&["3"]);
    t.wait_for("Timeline ·");
    t.keys(&["q"]);
    assert_eq!(t.exit_status(), "EXIT:0");
}

/// The status line (the screen's last line with anything on it).
fn status(s: &str) -> &str {
    s.lines().rfind(|l| !l.trim().is_empty()).unwrap_or_default()
}

#[test]
fn a_drill_down_and_back_with_esc() {
    if !Tmux::available() {
        eprintln!("skipped: tmux is not installed");
        return;
    }
    let t = Tmux::start("back", 80, 24, "");
    t.wait_for("Sources (5)");
    // Coverage (once the analysis is there), fourth row, Enter: the
    // statement in Compare.
    t.keys(&["4"]);
    t.wait_for("Coverage ·");
    t.keys(&["j", "j", "j"]);
    t.wait_for("row 4/");
    t.keys(&["Enter"]);
    // (Waiting for the whole screen, status line included: a capture may
    // fall between two writes of one frame.)
    t.wait_until("the statement, q going back", |s| s.contains("Statement ") && status(s).contains("q back"));
    // Esc: back at the same row.
    t.keys(&["Escape"]);
    t.wait_until("coverage at row 4, q quitting", |s| {
        s.contains("Coverage ·") && status(s).contains("row 4/") && status(s).contains("q quit")
    });
    // Read: Enter on a shared line lists who shares it, Enter opens the
    // pair in Compare, Esc comes back to the article.
    t.keys(&["1"]);
    let place = sentence_place(&t.wait_for(" · sentence "));
    t.keys(&["Enter"]);
    t.wait_until("who shares the line", |s| s.contains("other source"));
    t.keys(&["Enter"]);
    t.wait_for("Passage ");
    // Back where it came from: the list of who shares the line, over the
    // article; Esc again closes it.
    t.keys(&["Escape"]);
    t.wait_until("the list again", |s| s.contains("other source") && s.contains("Sources (5)"));
    t.keys(&["Escape"]);
    t.wait_until("the article, at the same sentence", |s| !s.contains("other source") && status(s).contains(&place));
    // q at a top view quits.
    t.keys(&["q"]);
    assert_eq!(t.exit_status(), "EXIT:0");
}

/// "sentence 2/30": where Read's status line says its cursor is.
fn sentence_place(s: &str) -> String {
    let status = status(s);
    let at = status.find("sentence ").expect("the status line gives the sentence");
    status[at..].split(" · ").next().unwrap_or_default().to_string()
}

/// The text of the first row of the reading pane (after the list, when
/// shown), its gutter marks taken off.
fn top_pane_row(s: &str) -> String {
    pane_row(s, 0)
}

/// The text of row `n` of the reading pane, as [`top_pane_row`].
fn pane_row(s: &str, n: usize) -> String {
    let line = s.lines().nth(2 + n).unwrap_or_default();
    let field = line.split('│').rfind(|f| !f.trim().is_empty()).unwrap_or_default();
    field.trim_start_matches(['▌', '┃', '›', ' ']).trim_end().to_string()
}

/// The screen once `ok` holds and two captures a moment apart agree: a
/// frame drawn half-way through a run of keys is not read.
fn settled(t: &Tmux, what: &str, ok: impl Fn(&str) -> bool) -> String {
    let mut last = t.wait_until(what, &ok);
    for _ in 0..40 {
        std::thread::sleep(std::time::Duration::from_millis(50));
        let now = t.screen();
        if now == last && ok(&now) {
            return now;
        }
        last = now;
    }
    last
}

#[test]
fn a_resize_keeps_the_sentence_at_the_top() {
    if !Tmux::available() {
        eprintln!("skipped: tmux is not installed");
        return;
    }
    let t = Tmux::start("resize", 80, 24, "");
    t.wait_for("Sources (5)");
    t.keys(&["2"]);
    t.wait_for("Passage 1/");
    t.keys(&["1"]);
    let top = top_pane_row(&t.wait_for(" · sentence "));
    for _ in 0..11 {
        t.keys(&["j"]);
    }
    let s = settled(&t, "scrolled", |s| top_pane_row(s) != top);
    let first_word = top_pane_row(&s).split_whitespace().next().unwrap_or_default().to_string();
    assert!(!first_word.is_empty(), "{s}");
    for (w, h, shows) in
        [("60", "20", "1 Read"), ("120", "40", "5 Discrepancies  6 Quotes  "), ("40", "12", "1 Read  2  3")]
    {
        t.tmux(&["resize-window", "-t", "t", "-x", w, "-y", h]);
        // The new size drawn, the same word on the pane's first row.
        t.wait_until(&format!("{w}x{h} with {first_word:?} on the top row"), |s| {
            s.contains(shows) && top_pane_row(s).split_whitespace().any(|x| x == first_word)
        });
    }
    t.keys(&["q"]);
    assert_eq!(t.exit_status(), "EXIT:0");
}

#[test]
fn the_mouse_wheel_scrolls_the_pane_under_the_pointer() {
    if !Tmux::available() {
        eprintln!("skipped: tmux is not installed");
        return;
    }
    let t = Tmux::start("wheel", 80, 24, "");
    t.wait_for("Sources (5)");
    t.keys(&["2"]);
    t.wait_for("Passage 1/");
    // Back in Read, the pane has the keyboard.
    t.keys(&["1"]);
    let before = settled(&t, "Read drawn", |s| s.contains(" · sentence "));
    // The wheel over the pane, as the terminal reports it (SGR mouse):
    // three rows a turn, so the row six below the top comes to the top.
    let sixth = pane_row(&before, 6);
    assert!(!sixth.is_empty(), "{before}");
    for _ in 0..2 {
        t.tmux(&["send-keys", "-t", "t", "-l", "\x1b[<65;50;10M"]);
    }
    settled(&t, "the pane scrolled six rows", |s| top_pane_row(s) == sixth);
    // Over the list, it moves the cursor (and the pane previews).
    t.tmux(&["send-keys", "-t", "t", "-l", "\x1b[<65;5;10M"]);
    let s = t.wait_for("Anadolu Agency · Trump signs");
    assert!(s.contains("Sources (5)"), "{s}");
    t.keys(&["q"]);
    assert_eq!(t.exit_status(), "EXIT:0");
}

/// Two stories loaded together: the app opens on the Stories list, Enter
/// opens a story whose source list holds its own sources alone, and `S`
/// comes back to the list (as `q` and `Esc` do from a story's top).
#[test]
fn a_pile_of_two_stories_opens_on_the_list() {
    if !Tmux::available() {
        eprintln!("skipped: tmux is not installed");
        return;
    }
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/stories");
    let (strike, rail) = (root.join("airline-strike"), root.join("rail-cyberattack"));
    let t = Tmux::start_on("pile", 100, 30, "NO_COLOR=1", &[strike.as_path(), rail.as_path()], |_| {});
    let s = t.wait_for("Stories · 2 in 8 articles");
    assert!(s.contains("Celtica pilots") && s.contains("Cyberattack knocks out Renfe"), "{s}");
    assert!(s.contains("4 articles, 4 outl") && s.contains(" 2 st"), "{s}");
    // The first story: its four sources, none of the other's.
    t.keys(&["Enter"]);
    // The status line is the frame's last row: waiting for its hint waits
    // for the whole frame, not for a capture taken while it is drawn.
    let s = t.wait_for("q stories");
    assert!(s.contains("Sources (4)") && s.contains("Business Ledger") && !s.contains("Renfe"), "{s}");
    // Compare and the timeline work within it.
    t.keys(&["3"]);
    let s = t.wait_for("Timeline ·");
    assert!(!s.contains("2026"), "the rail story's days in the strike's timeline:\n{s}");
    // Back to the list, at the story left; the second story.
    t.keys(&["S"]);
    t.wait_for("Stories · story 1/2");
    t.keys(&["j", "1"]);
    let s = t.wait_for("q stories");
    assert!(s.contains("Sources (4)") && !s.contains("Business Ledger") && !s.contains("Celtica"), "{s}");
    // q at the story's top: the list; q there quits.
    t.keys(&["q"]);
    t.wait_for("Stories · story 2/2");
    t.keys(&["q"]);
    assert_eq!(t.exit_status(), "EXIT:0");
}
