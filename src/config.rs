//! Settings and remembered state, in the places the `directories` crate
//! gives (`PARALLAX_CONFIG_DIR` and `PARALLAX_STATE_DIR` override them).
//!
//! `config.toml` is optional; a missing one is silent, a broken or
//! unreadable one gives a warning naming it and the defaults are used. State
//! (the last view and reading positions per set of articles) is written
//! atomically, a temporary file renamed over the old one, so a crash never
//! leaves half a file; a broken state file is set aside. Neither ever stops
//! the app: a read-only directory only means nothing is remembered.
//!
//! Both files are read with a limit on size, and only when they are
//! regular files: a FIFO would block the start, a link to `/dev/zero` would
//! never end. Several instances share one state file: each saves by reading
//! it again under a lock and updating only its own set's entry.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::warning::Warning;

/// The names `theme` may take: `auto` (ask the terminal whether its
/// background is light or dark; `default` is the same), `dark`, `light`,
/// or `mono` (no colour).
pub const THEMES: [&str; 5] = ["auto", "default", "dark", "light", "mono"];
/// The names `default_view` may take (in any case).
pub const VIEWS: [&str; 6] = ["read", "compare", "timeline", "coverage", "discrepancies", "quotes"];

/// Settings from `config.toml`. Every value is one [`Config::parse`]
/// checked: a name it does not know is left out with a warning.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Config {
    /// One of [`THEMES`].
    pub theme: Option<String>,
    /// One of [`VIEWS`], in lower case.
    pub default_view: Option<String>,
    /// Action name to key names, e.g. `quit = ["q", "ctrl-c"]`.
    pub keys: BTreeMap<String, Vec<String>>,
    /// Whether the terminal app takes the mouse (wheel, clicks); `false`
    /// leaves it to the terminal, to select text.
    pub mouse: Option<bool>,
}

fn project_dirs() -> Option<directories::ProjectDirs> {
    crate::folders::project()
}

/// Where `config.toml` lives.
pub fn config_dir() -> Option<PathBuf> {
    std::env::var_os("PARALLAX_CONFIG_DIR")
        .map(PathBuf::from)
        .or_else(|| project_dirs().map(|d| d.config_dir().to_path_buf()))
}

/// Where remembered state lives.
pub fn state_dir() -> Option<PathBuf> {
    std::env::var_os("PARALLAX_STATE_DIR")
        .map(PathBuf::from)
        .or_else(|| project_dirs().map(|d| d.state_dir().unwrap_or_else(|| d.data_local_dir()).to_path_buf()))
}

/// `config.toml` larger than this is not read.
pub const MAX_CONFIG_BYTES: u64 = 1 << 20;
/// `state.json` larger than this is set aside.
pub const MAX_STATE_BYTES: u64 = 16 << 20;

/// Why a settings or state file was not read.
enum Unread {
    Missing,
    /// Not a regular file, or larger than the limit: set aside if state.
    Unfit(String),
    /// An error reading it (permission denied...).
    Failed(String),
}

/// Reads a settings or state file: a regular file of at most `limit`
/// bytes. Opened without waiting (a FIFO must not block the start) and read
/// no further than the limit (a link to `/dev/zero` never ends).
fn read_limited(path: &Path, limit: u64) -> Result<Vec<u8>, Unread> {
    use std::io::Read;
    use std::os::unix::fs::OpenOptionsExt;
    let file = fs::OpenOptions::new().read(true).custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY).open(path);
    let file = match file {
        Ok(file) => file,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Err(Unread::Missing),
        Err(e) => return Err(Unread::Failed(e.to_string())),
    };
    if !file.metadata().is_ok_and(|m| m.is_file()) {
        return Err(Unread::Unfit("not a regular file".into()));
    }
    let mut bytes = Vec::new();
    file.take(limit + 1).read_to_end(&mut bytes).map_err(|e| Unread::Failed(e.to_string()))?;
    if bytes.len() as u64 > limit {
        return Err(Unread::Unfit(format!("larger than {limit} bytes")));
    }
    Ok(bytes)
}

impl Config {
    /// Reads `config.toml` from `dir`. Returns the settings and warnings
    /// (each naming the file); never fails.
    pub fn load(dir: Option<&Path>) -> (Config, Vec<Warning>) {
        let Some(path) = dir.map(|d| d.join("config.toml")) else { return (Config::default(), Vec::new()) };
        let why = match read_limited(&path, MAX_CONFIG_BYTES).map(String::from_utf8) {
            Ok(Ok(text)) => return Config::parse(&text, &path),
            Err(Unread::Missing) => return (Config::default(), Vec::new()),
            Ok(Err(_)) => "not UTF-8 text".to_string(),
            Err(Unread::Unfit(why) | Unread::Failed(why)) => why,
        };
        (Config::default(), vec![Warning::config(&path, format!("cannot read ({why}); using defaults"))])
    }

    /// Parses config text; `path` names the file in warnings.
    pub fn parse(text: &str, path: &Path) -> (Config, Vec<Warning>) {
        let mut warnings = Vec::new();
        let table: toml::Table = match text.parse() {
            Ok(t) => t,
            Err(e) => {
                let why = e.to_string().lines().next().unwrap_or("invalid TOML").to_string();
                return (Config::default(), vec![Warning::config(path, format!("{why}; using defaults"))]);
            }
        };
        let mut config = Config::default();
        for (key, value) in &table {
            let mut warn = |message: String| warnings.push(Warning::config(path, message));
            match (key.as_str(), value) {
                ("theme", toml::Value::String(s)) if THEMES.contains(&s.as_str()) => config.theme = Some(s.clone()),
                ("theme", toml::Value::String(s)) => warn(format!("unknown theme `{s}`; using default")),
                ("default_view", toml::Value::String(s)) => match VIEWS.iter().find(|v| v.eq_ignore_ascii_case(s)) {
                    Some(view) => config.default_view = Some((*view).to_string()),
                    None => warn(format!("unknown default_view `{s}`; using read")),
                },
                ("keys", toml::Value::Table(keys)) => config.keys = parse_keys(keys, path, &mut warnings),
                ("mouse", toml::Value::Boolean(on)) => config.mouse = Some(*on),
                (k, _) => warn(format!("unknown or mistyped setting `{k}`; ignored")),
            }
        }
        (config, warnings)
    }
}

/// The `[keys]` table: an action and a key name or a list of them. Whether
/// the action and key names are known is the key map's to say.
fn parse_keys(keys: &toml::Table, path: &Path, warnings: &mut Vec<Warning>) -> BTreeMap<String, Vec<String>> {
    let mut bindings = BTreeMap::new();
    for (action, value) in keys {
        let names: Option<Vec<String>> = match value {
            toml::Value::String(s) => Some(vec![s.clone()]),
            toml::Value::Array(items) => items.iter().map(|item| item.as_str().map(str::to_string)).collect(),
            _ => None,
        };
        match names {
            Some(names) => {
                bindings.insert(action.clone(), names);
            }
            None => warnings
                .push(Warning::config(path, format!("keys.{action} must be a key name or a list of them; ignored"))),
        }
    }
    bindings
}

/// Where a reader was in each view, by the view's key (`"read"`,
/// `"timeline"`, ...). Each view writes and reads its own entry, anchored
/// in the text (article ids and byte offsets, not list indexes or screen
/// rows), so a place survives a resize, a reopen at another size, and a new
/// analysis of the same articles. An entry a view cannot read is ignored.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Positions(pub BTreeMap<String, serde_json::Value>);

impl Positions {
    /// The entry for `key`, read as `T`; `None` when missing or unreadable.
    pub fn get<T: serde::de::DeserializeOwned>(&self, key: &str) -> Option<T> {
        self.0.get(key).and_then(|v| serde_json::from_value(v.clone()).ok())
    }

    /// Stores `value` as the entry for `key`.
    pub fn set<T: Serialize>(&mut self, key: &str, value: &T) {
        if let Ok(v) = serde_json::to_value(value) {
            self.0.insert(key.to_string(), v);
        }
    }

    /// The raw entry for `key`.
    pub fn raw(&self, key: &str) -> Option<&serde_json::Value> {
        self.0.get(key)
    }
}

/// Where a reader was in one set of articles.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct SavedSet {
    pub view: String,
    pub positions: Positions,
    /// Bumped on every save, to forget the least recently used sets.
    pub used: u64,
}

/// All remembered sets, by key.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct State {
    pub sets: BTreeMap<String, SavedSet>,
}

/// How many sets of articles are remembered.
const MAX_SETS: usize = 50;

impl State {
    /// Reads the state file. A broken file (not JSON, not text, too large,
    /// not a regular file) is renamed to `state.json.bad` with a warning; a
    /// missing one is an empty state.
    pub fn load(dir: Option<&Path>) -> (State, Vec<Warning>) {
        let Some(path) = dir.map(|d| d.join("state.json")) else { return (State::default(), Vec::new()) };
        let broken = match read_limited(&path, MAX_STATE_BYTES) {
            Ok(bytes) => match serde_json::from_slice(&bytes) {
                Ok(state) => return (state, Vec::new()),
                Err(e) => e.to_string(),
            },
            Err(Unread::Missing) => return (State::default(), Vec::new()),
            Err(Unread::Failed(why)) => {
                return (
                    State::default(),
                    vec![Warning::state(&path, format!("cannot read ({why}); starting afresh"))],
                );
            }
            Err(Unread::Unfit(why)) => why,
        };
        let aside = path.with_extension("json.bad");
        let moved = fs::rename(&path, &aside).is_ok();
        let note = if moved { format!("; set aside as {}", aside.display()) } else { String::new() };
        (State::default(), vec![Warning::state(&path, format!("broken ({broken}){note}; starting afresh"))])
    }

    /// Remembers `set` under `key` in the state file in `dir`, keeping what
    /// other instances saved since this one started: under a lock, the file
    /// is read again, this set's entry updated and the whole written back
    /// atomically. A broken file found then is set aside as at start.
    pub fn update(dir: &Path, key: &str, set: SavedSet) -> Result<(), Warning> {
        fs::create_dir_all(dir).map_err(|e| Warning::state(dir, format!("state not saved: {e}")))?;
        let _lock = Lock::take(&dir.join(".state.json.lock"));
        let (mut state, _) = State::load(Some(dir));
        state.remember(key, set);
        state.save(dir)
    }

    /// Writes the state atomically: a temporary file, flushed to disk, then
    /// a rename, and the folder flushed so that the rename lasts too.
    pub fn save(&self, dir: &Path) -> Result<(), Warning> {
        let path = dir.join("state.json");
        // Named for this process and this save: never another's file.
        static SAVES: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        let nth = SAVES.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let tmp = dir.join(format!(".state.json.{}.{nth}.tmp", std::process::id()));
        let not_saved = |file: &Path, e: std::io::Error| Warning::state(file, format!("state not saved: {e}"));
        let text = serde_json::to_string_pretty(self).map_err(|e| not_saved(&path, e.into()))?;
        fs::create_dir_all(dir).map_err(|e| not_saved(dir, e))?;
        // Written and flushed to disk before it replaces the old file, so
        // that even a power cut leaves the old state or the new one.
        let write = || -> std::io::Result<()> {
            use std::io::Write;
            let mut f = fs::File::create(&tmp)?;
            f.write_all(text.as_bytes())?;
            f.sync_all()
        };
        write().map_err(|e| {
            let _ = fs::remove_file(&tmp);
            not_saved(&tmp, e)
        })?;
        fs::rename(&tmp, &path).map_err(|e| {
            let _ = fs::remove_file(&tmp);
            not_saved(&path, e)
        })?;
        fs::File::open(dir).and_then(|d| d.sync_all()).map_err(|e| not_saved(dir, e))
    }

    /// Stores `set` under `key`, forgetting the oldest sets beyond the limit.
    pub fn remember(&mut self, key: &str, mut set: SavedSet) {
        set.used = self.sets.values().map(|s| s.used).max().unwrap_or(0) + 1;
        self.sets.insert(key.to_string(), set);
        while self.sets.len() > MAX_SETS {
            let oldest = self.sets.iter().min_by_key(|(_, s)| s.used).map(|(k, _)| k.clone());
            match oldest {
                Some(k) => self.sets.remove(&k),
                None => break,
            };
        }
    }
}

/// An exclusive lock on a file (flock), released when dropped. Taking it
/// waits at most a couple of seconds: an instance stuck while saving must
/// not stop another from quitting, which then saves without it.
struct Lock(Option<fs::File>);

impl Lock {
    fn take(path: &Path) -> Lock {
        use std::os::fd::AsRawFd;
        let Ok(file) = fs::OpenOptions::new().create(true).truncate(false).write(true).open(path) else {
            return Lock(None);
        };
        for _ in 0..200 {
            // SAFETY: flock on a descriptor `file` keeps open; no pointers.
            if unsafe { libc::flock(file.as_raw_fd(), libc::LOCK_EX | libc::LOCK_NB) } == 0 {
                return Lock(Some(file));
            }
            std::thread::sleep(std::time::Duration::from_millis(10));
        }
        Lock(None)
    }
}

impl Drop for Lock {
    fn drop(&mut self) {
        use std::os::fd::AsRawFd;
        if let Some(file) = &self.0 {
            // SAFETY: as in `take`.
            unsafe { libc::flock(file.as_raw_fd(), libc::LOCK_UN) };
        }
    }
}

/// A stable key for a set of articles: FNV-1a over their sorted ids and
/// paths (std's hasher may change between Rust versions; this must not).
pub fn set_key<'a>(articles: impl Iterator<Item = (&'a str, &'a str)>) -> String {
    let mut items: Vec<(&str, &str)> = articles.collect();
    items.sort_unstable();
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for (id, path) in items {
        for b in id.bytes().chain([0]).chain(path.bytes()).chain([0]) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x100_0000_01b3);
        }
    }
    format!("{h:016x}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scratch(name: &str) -> PathBuf {
        let d = std::env::temp_dir().join(format!("parallax-config-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&d);
        fs::create_dir_all(&d).unwrap();
        d
    }

    #[test]
    fn parses_settings_and_warns_on_unknown_ones() {
        let (c, w) = Config::parse(
            "theme = \"mono\"\ndefault_view = \"timeline\"\ncolour = 3\n[keys]\nquit = [\"q\", \"ctrl-c\"]\nhelp = \"F1\"\nbad = 3\n",
            Path::new("c.toml"),
        );
        assert_eq!(c.theme.as_deref(), Some("mono"));
        assert_eq!(c.default_view.as_deref(), Some("timeline"));
        assert_eq!(c.keys["quit"], ["q", "ctrl-c"]);
        assert_eq!(c.keys["help"], ["F1"]);
        assert_eq!(w.len(), 2, "{w:?}");
        assert!(w.iter().all(|x| x.to_string().starts_with("c.toml: ")));
    }

    #[test]
    fn unknown_theme_or_view_names_are_left_out_with_a_warning() {
        let (c, w) = Config::parse("theme = \"neon\"\ndefault_view = \"map\"\n", Path::new("c.toml"));
        assert_eq!(c, Config::default());
        assert_eq!(
            w.iter().map(ToString::to_string).collect::<Vec<_>>(),
            ["c.toml: unknown default_view `map`; using read", "c.toml: unknown theme `neon`; using default"]
        );
        let (c, w) = Config::parse("theme = \"mono\"\ndefault_view = \"Timeline\"\n", Path::new("c.toml"));
        assert_eq!((c.theme.as_deref(), c.default_view.as_deref()), (Some("mono"), Some("timeline")));
        assert!(w.is_empty(), "{w:?}");
        let (c, w) = Config::parse("theme = \"light\"\nmouse = false\n", Path::new("c.toml"));
        assert_eq!((c.theme.as_deref(), c.mouse), (Some("light"), Some(false)));
        assert!(w.is_empty(), "{w:?}");
        let (c, w) = Config::parse("mouse = \"no\"\n", Path::new("c.toml"));
        assert_eq!((c.mouse, w.len()), (None, 1));
    }

    #[test]
    fn broken_or_missing_config_gives_defaults() {
        let (c, w) = Config::parse("theme = ", Path::new("/x/config.toml"));
        assert_eq!(c, Config::default());
        assert!(w[0].to_string().starts_with("/x/config.toml: "), "{w:?}");
        let d = scratch("missing");
        assert_eq!(Config::load(Some(&d)), (Config::default(), Vec::new()));
        fs::remove_dir_all(d).unwrap();
    }

    #[test]
    fn state_round_trips_atomically() {
        let d = scratch("state");
        let mut s = State::default();
        let mut positions = Positions::default();
        positions.set("timeline", &4);
        s.remember("k1", SavedSet { view: "timeline".into(), positions, ..SavedSet::default() });
        s.save(&d).unwrap();
        let (back, w) = State::load(Some(&d));
        assert!(w.is_empty());
        assert_eq!(back.sets["k1"].positions.get::<usize>("timeline"), Some(4));
        // No temporary file is left behind.
        let names: Vec<String> =
            fs::read_dir(&d).unwrap().map(|e| e.unwrap().file_name().into_string().unwrap()).collect();
        assert_eq!(names, ["state.json"]);
        fs::remove_dir_all(d).unwrap();
    }

    #[test]
    fn state_from_an_older_version_loads_without_its_positions() {
        let d = scratch("older");
        fs::write(d.join("state.json"), r#"{"sets":{"k":{"view":"compare","passage":4,"panes":[["a",3]],"used":2}}}"#)
            .unwrap();
        let (s, w) = State::load(Some(&d));
        assert!(w.is_empty(), "{w:?}");
        assert_eq!((s.sets["k"].view.as_str(), s.sets["k"].used), ("compare", 2));
        assert_eq!(s.sets["k"].positions, Positions::default());
        fs::remove_dir_all(d).unwrap();
    }

    #[test]
    fn broken_state_is_set_aside() {
        let d = scratch("broken");
        fs::write(d.join("state.json"), "{ not json").unwrap();
        let (s, w) = State::load(Some(&d));
        assert_eq!(s, State::default());
        assert!(w[0].message.contains("set aside"), "{w:?}");
        assert!(d.join("state.json.bad").exists() && !d.join("state.json").exists());
        fs::remove_dir_all(d).unwrap();
    }

    #[test]
    fn endless_or_special_files_are_not_read() {
        let d = scratch("endless");
        std::os::unix::fs::symlink("/dev/zero", d.join("config.toml")).unwrap();
        std::os::unix::fs::symlink("/dev/zero", d.join("state.json")).unwrap();
        let (c, w) = Config::load(Some(&d));
        assert_eq!(c, Config::default());
        assert!(w[0].to_string().ends_with("config.toml: cannot read (not a regular file); using defaults"), "{w:?}");
        let (s, w) = State::load(Some(&d));
        assert_eq!(s, State::default());
        assert!(w[0].message.contains("not a regular file") && w[0].message.contains("set aside"), "{w:?}");
        // A regular file over the limit.
        fs::remove_file(d.join("config.toml")).unwrap();
        fs::write(d.join("config.toml"), "#".repeat(MAX_CONFIG_BYTES as usize + 1)).unwrap();
        let (_, w) = Config::load(Some(&d));
        assert!(w[0].message.contains("larger than 1048576 bytes"), "{w:?}");
        fs::remove_dir_all(d).unwrap();
    }

    #[test]
    fn random_bytes_are_set_aside_not_overwritten() {
        let d = scratch("random");
        let bytes: Vec<u8> = (0..4096u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8).collect();
        fs::write(d.join("state.json"), &bytes).unwrap();
        let (_, w) = State::load(Some(&d));
        assert!(w[0].message.contains("set aside"), "{w:?}");
        assert_eq!(fs::read(d.join("state.json.bad")).unwrap(), bytes);
        fs::remove_dir_all(d).unwrap();
    }

    #[test]
    fn saving_keeps_what_other_instances_saved() {
        let d = scratch("merge");
        // Two instances started with the same (empty) state; each saves its
        // own set when it quits.
        State::update(&d, "first", SavedSet { view: "timeline".into(), ..SavedSet::default() }).unwrap();
        State::update(&d, "second", SavedSet { view: "compare".into(), ..SavedSet::default() }).unwrap();
        let (s, w) = State::load(Some(&d));
        assert!(w.is_empty());
        assert_eq!((s.sets["first"].view.as_str(), s.sets["second"].view.as_str()), ("timeline", "compare"));
        // At once, from threads: nothing lost.
        let threads: Vec<_> = (0..8)
            .map(|i| {
                let d = d.clone();
                std::thread::spawn(move || State::update(&d, &format!("t{i}"), SavedSet::default()).unwrap())
            })
            .collect();
        threads.into_iter().for_each(|t| t.join().unwrap());
        assert_eq!(State::load(Some(&d)).0.sets.len(), 10);
        fs::remove_dir_all(d).unwrap();
    }

    #[test]
    fn remembers_a_bounded_number_of_sets() {
        let mut s = State::default();
        for i in 0..MAX_SETS + 5 {
            s.remember(&format!("k{i}"), SavedSet::default());
        }
        assert_eq!(s.sets.len(), MAX_SETS);
        assert!(!s.sets.contains_key("k0") && s.sets.contains_key(&format!("k{}", MAX_SETS + 4)));
    }

    #[test]
    fn set_keys_do_not_depend_on_order() {
        let a = set_key([("a", "x/a.txt"), ("b", "x/b.txt")].into_iter());
        let b = set_key([("b", "x/b.txt"), ("a", "x/a.txt")].into_iter());
        assert_eq!(a, b);
        assert_ne!(a, set_key([("a", "x/a.txt")].into_iter()));
    }
}
