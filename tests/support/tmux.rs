//! The real binary in tmux, for the end-to-end tests (`tui_tmux.rs`,
//! `hostile.rs`): start it in a session of a given size, send keys, read
//! the screen, wait for text, read its exit status.

use std::path::PathBuf;
use std::process::Command;
use std::time::{Duration, Instant};

/// The real binary in a detached tmux session of its own (its own
/// server socket), with its own config and state folders.
pub struct Tmux {
    pub socket: String,
    pub dir: PathBuf,
}

impl Tmux {
    pub fn available() -> bool {
        Command::new("tmux").arg("-V").output().is_ok_and(|o| o.status.success())
    }

    /// Starts the app in a detached session of `w` x `h`.
    pub fn start(name: &str, w: u16, h: u16, env: &str) -> Tmux {
        Tmux::start_with(name, w, h, env, |_| {})
    }

    /// Starts the app after `prepare` has set up its folder (config, state).
    pub fn start_with(name: &str, w: u16, h: u16, env: &str, prepare: impl FnOnce(&PathBuf)) -> Tmux {
        Tmux::start_on(name, w, h, env, &[], prepare)
    }

    /// Starts the app on `inputs` (paths without shell metacharacters),
    /// without the sentence model: it would keep both cores busy behind
    /// every test ([`Tmux::start_with_model`] is the one that wants it).
    pub fn start_on(
        name: &str,
        w: u16,
        h: u16,
        env: &str,
        inputs: &[&std::path::Path],
        prepare: impl FnOnce(&PathBuf),
    ) -> Tmux {
        let mut arguments = vec![std::ffi::OsString::from("--no-model")];
        arguments.extend(inputs.iter().map(|input| input.as_os_str().to_owned()));
        Tmux::launch(name, w, h, env, &arguments, prepare)
    }

    /// Starts the app on `inputs` with the sentence model reading them in
    /// the background, as a user runs it.
    pub fn start_with_model(name: &str, w: u16, h: u16, inputs: &[&std::path::Path]) -> Tmux {
        let arguments: Vec<std::ffi::OsString> = inputs.iter().map(|input| input.as_os_str().to_owned()).collect();
        Tmux::launch(name, w, h, "", &arguments, |_| {})
    }

    fn launch(
        name: &str,
        w: u16,
        h: u16,
        env: &str,
        inputs: &[std::ffi::OsString],
        prepare: impl FnOnce(&PathBuf),
    ) -> Tmux {
        let socket = format!("parallax-test-{name}-{}", std::process::id());
        let dir = std::env::temp_dir().join(&socket);
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("config")).unwrap();
        std::fs::create_dir_all(dir.join("state")).unwrap();
        prepare(&dir);
        let bin = env!("CARGO_BIN_EXE_parallax");
        // The inner shell records its pid and becomes the app (exec), so
        // the test can signal exactly this process.
        let script = format!(
            "cd {d} && PARALLAX_CONFIG_DIR={d}/config PARALLAX_STATE_DIR={d}/state XDG_CACHE_HOME={d}/cache {env} sh -c 'echo $$ > {d}/pid; exec \"$0\" \"$@\"' {bin} {args}; echo EXIT:$? > {d}/exit; sleep 30",
            d = dir.display(),
            args = inputs.iter().map(|p| format!("'{}'", p.to_string_lossy())).collect::<Vec<_>>().join(" ")
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

    pub fn tmux(&self, args: &[&str]) -> String {
        let o = Command::new("tmux").args(["-L", &self.socket]).args(args).output().unwrap();
        String::from_utf8_lossy(&o.stdout).into_owned()
    }

    pub fn screen(&self) -> String {
        self.tmux(&["capture-pane", "-p", "-J", "-t", "t"])
    }

    /// From now on, appends every byte the pane's program writes to the
    /// terminal to `file`.
    pub fn record(&self, file: &std::path::Path) {
        self.tmux(&["pipe-pane", "-o", "-t", "t", &format!("cat >> '{}'", file.display())]);
    }

    /// The pane's title, as the program may have set it.
    pub fn title(&self) -> String {
        self.tmux(&["display-message", "-p", "-t", "t", "#{pane_title}"]).trim().to_string()
    }

    pub fn keys(&self, keys: &[&str]) {
        for k in keys {
            self.tmux(&["send-keys", "-t", "t", k]);
        }
    }

    /// Waits until the screen shows `what` (or panics with the screen).
    pub fn wait_for(&self, what: &str) -> String {
        self.wait_until(what, |s| s.contains(what))
    }

    /// Waits until `ok` holds for the screen.
    pub fn wait_until(&self, what: &str, ok: impl Fn(&str) -> bool) -> String {
        self.wait_within(Duration::from_secs(15), what, ok)
    }

    /// Waits up to `limit` until `ok` holds for the screen.
    pub fn wait_within(&self, limit: Duration, what: &str, ok: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        loop {
            let s = self.screen();
            if ok(&s) {
                return s;
            }
            if start.elapsed() > limit {
                panic!("screen never showed {what}:\n{s}");
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    pub fn exit_status(&self) -> String {
        let start = Instant::now();
        loop {
            // The shell creates the file before it writes the status: an
            // empty file is not an answer yet.
            if let Ok(s) = std::fs::read_to_string(self.dir.join("exit")) {
                if !s.trim().is_empty() {
                    return s.trim().to_string();
                }
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
