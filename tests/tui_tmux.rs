//! End to end: the real binary in tmux. Start, switch views, step, open an
//! event's sources, jump, help, resize (larger, too small, back), quit; and
//! SIGTERM. Skipped, with the reason printed, where tmux is not installed.

use std::path::PathBuf;
use std::process::Command;
use std::time::{Duration, Instant};

struct Tmux {
    socket: String,
    dir: PathBuf,
}

impl Tmux {
    fn available() -> bool {
        Command::new("tmux").arg("-V").output().is_ok_and(|o| o.status.success())
    }

    /// Starts the app in a detached session of `w` x `h`.
    fn start(name: &str, w: u16, h: u16, env: &str) -> Tmux {
        let socket = format!("parallax-test-{name}-{}", std::process::id());
        let dir = std::env::temp_dir().join(&socket);
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("config")).unwrap();
        std::fs::create_dir_all(dir.join("state")).unwrap();
        let bin = env!("CARGO_BIN_EXE_parallax");
        // The inner shell records its pid and becomes the app (exec), so
        // the test can signal exactly this process.
        let script = format!(
            "cd {d} && PARALLAX_CONFIG_DIR={d}/config PARALLAX_STATE_DIR={d}/state {env} sh -c 'echo $$ > {d}/pid; exec \"$0\"' {bin}; echo EXIT:$? > {d}/exit; sleep 30",
            d = dir.display()
        );
        let ok = Command::new("tmux")
            .args([
                "-L",
                &socket,
                "-f",
                "/dev/null",
                "new-session",
                "-d",
                "-s",
                "t",
                "-x",
                &w.to_string(),
                "-y",
                &h.to_string(),
            ])
            .args(["sh", "-c", &script])
            .env("TERM", "xterm-256color")
            .status()
            .unwrap();
        assert!(ok.success(), "tmux starts");
        Tmux { socket, dir }
    }

    fn tmux(&self, args: &[&str]) -> String {
        let o = Command::new("tmux").args(["-L", &self.socket]).args(args).output().unwrap();
        String::from_utf8_lossy(&o.stdout).into_owned()
    }

    fn screen(&self) -> String {
        self.tmux(&["capture-pane", "-p", "-t", "t"])
    }

    fn keys(&self, keys: &[&str]) {
        for k in keys {
            self.tmux(&["send-keys", "-t", "t", k]);
        }
    }

    /// Waits until the screen shows `what` (or panics with the screen).
    fn wait_for(&self, what: &str) -> String {
        self.wait_until(what, |s| s.contains(what))
    }

    /// Waits until `ok` holds for the screen.
    fn wait_until(&self, what: &str, ok: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        loop {
            let s = self.screen();
            if ok(&s) {
                return s;
            }
            if start.elapsed() > Duration::from_secs(15) {
                panic!("screen never showed {what}:\n{s}");
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    fn exit_status(&self) -> String {
        let start = Instant::now();
        loop {
            if let Ok(s) = std::fs::read_to_string(self.dir.join("exit")) {
                return s.trim().to_string();
            }
            if start.elapsed() > Duration::from_secs(15) {
                panic!("the app did not exit:\n{}", self.screen());
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = Command::new("tmux").args(["-L", &self.socket, "kill-server"]).output();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

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
    let s = t.wait_for("Timeline ·");
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
    t.wait_for("Keys · Esc closes");
    t.keys(&["Escape"]);
    t.wait_for("Discrepancies ·");
    // Resize: larger, too small, and back.
    t.tmux(&["resize-window", "-t", "t", "-x", "120", "-y", "40"]);
    let wide = |s: &str| s.lines().next().is_some_and(|l| l.trim_end().chars().count() > 100);
    let s = t.wait_until("the full width", wide);
    assert!(s.contains("5 Discrepancies") && s.lines().count() >= 40, "{s}");
    t.tmux(&["resize-window", "-t", "t", "-x", "60", "-y", "20"]);
    t.wait_for("Terminal too small");
    t.tmux(&["resize-window", "-t", "t", "-x", "80", "-y", "24"]);
    t.wait_for("Discrepancies ·");
    t.keys(&["q"]);
    assert_eq!(t.exit_status(), "EXIT:0");
    // The terminal is back: the app's screen is gone.
    let s = t.screen();
    assert!(!s.contains("Discrepancies ·"), "screen after quit:\n{s}");
}

#[test]
fn sigterm_restores_the_terminal() {
    if !Tmux::available() {
        eprintln!("skipped: tmux is not installed");
        return;
    }
    let t = Tmux::start("term", 80, 24, "NO_COLOR=1");
    t.wait_for("Sources (5)");
    let pid = std::fs::read_to_string(t.dir.join("pid")).unwrap().trim().to_string();
    Command::new("kill").args(["-TERM", &pid]).status().unwrap();
    assert_eq!(t.exit_status(), format!("EXIT:{}", 128 + 15));
    let s = t.screen();
    assert!(!s.contains("Sources (5)"), "screen after SIGTERM:\n{s}");
    // The reading position was saved on the way out.
    assert!(t.dir.join("state/state.json").exists());
}
