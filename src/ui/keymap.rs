//! Keys to actions. The defaults follow what users of less, vim, htop and
//! lazygit expect; `config.toml` can rebind any action (`[keys]`).

use std::collections::HashMap;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::views::VIEWS;

/// What a key asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Action {
    /// Quit from anywhere.
    Quit,
    /// Close an overlay, go back, or quit at a top view.
    Close,
    Help,
    Escape,
    /// Back to where the last jump came from.
    Back,
    /// Back to the Stories list (a set of several stories).
    Stories,
    /// Read: the next / previous sentence another source shares.
    NextShared,
    PrevShared,
    /// Show or hide the source list.
    ToggleList,
    View(u8),
    FocusNext,
    FocusPrev,
    Up,
    Down,
    Left,
    Right,
    PageUp,
    PageDown,
    HalfUp,
    HalfDown,
    Top,
    Bottom,
    Enter,
    Search,
    SearchNext,
    SearchPrev,
    NextItem,
    PrevItem,
    Mark,
    AllPairs,
    Split,
    ClosePane,
    Statements,
    Exclusive,
    /// Read: the lines left out of the article's text (metadata, page furniture, links).
    Hidden,
    /// The set's links and where each stands.
    Links,
    /// Timeline: fold or unfold the background (events dated only to a
    /// month or a year).
    Background,
    Suspend,
}

/// Every action with its config name and help text, in help order: a
/// view key for each view (`view_read`, ...), then the rest.
pub fn actions() -> Vec<(Action, String, String)> {
    let views = VIEWS
        .iter()
        .enumerate()
        .map(|(i, e)| (Action::View(i as u8 + 1), format!("view_{}", e.key), format!("{} view", e.name)));
    views.chain(ACTIONS.iter().map(|(a, n, h)| (*a, n.to_string(), h.to_string()))).collect()
}

/// The actions other than showing a view, with config name and help text.
const ACTIONS: &[(Action, &str, &str)] = &[
    (Action::FocusNext, "focus_next", "Next pane"),
    (Action::FocusPrev, "focus_prev", "Previous pane"),
    (Action::Down, "down", "Down; Read: next sentence"),
    (Action::Up, "up", "Up; Read: previous sentence"),
    (Action::Left, "left", "Left: pane, pair, column"),
    (Action::Right, "right", "Right: pane, pair, column"),
    (Action::PageDown, "page_down", "Page down"),
    (Action::PageUp, "page_up", "Page up"),
    (Action::HalfDown, "half_down", "Half a page down"),
    (Action::HalfUp, "half_up", "Half a page up"),
    (Action::Top, "top", "Top"),
    (Action::Bottom, "bottom", "Bottom"),
    (Action::Enter, "enter", "Open / sources / jump"),
    (Action::NextItem, "next_item", "Next passage (Compare)"),
    (Action::PrevItem, "prev_item", "Previous passage (Compare)"),
    (Action::Mark, "mark", "Mark a source for a pair"),
    (Action::AllPairs, "all_pairs", "Compare all pairs"),
    (Action::Statements, "statements", "Pairs <-> statements"),
    (Action::Split, "split", "Open another pane (max 3)"),
    (Action::ClosePane, "close_pane", "Close the reading pane"),
    (Action::Exclusive, "exclusive", "What only this source has"),
    (Action::Hidden, "hidden", "Read: lines left out of the text, and why"),
    (Action::Background, "background", "Timeline: fold years and months"),
    (Action::Search, "search", "Search this view"),
    (Action::SearchNext, "search_next", "Next match of a search"),
    (Action::SearchPrev, "search_prev", "Previous match"),
    (Action::Help, "help", "This help"),
    (Action::Links, "links", "Links: how each was read"),
    (Action::Escape, "escape", "Close, cancel, back, unmark"),
    (Action::Back, "back", "Back where you came from"),
    (Action::Stories, "stories", "Back to the list of stories"),
    (Action::NextShared, "next_shared", "Read: next shared line"),
    (Action::PrevShared, "prev_shared", "Read: previous shared line"),
    (Action::ToggleList, "toggle_list", "Show/hide the source list"),
    (Action::Suspend, "suspend", "Suspend (fg resumes)"),
    (Action::Close, "close", "Close / back / quit at top"),
    (Action::Quit, "quit", "Quit from anywhere"),
];

/// A key name as shown in the help and status line.
pub fn pretty_key(name: &str) -> String {
    let lower = name.to_ascii_lowercase();
    let p = match lower.as_str() {
        "pagedown" | "pgdn" => "PgDn",
        "pageup" | "pgup" => "PgUp",
        "space" => "Space",
        "shift-tab" | "backtab" => "S-Tab",
        "tab" => "Tab",
        "enter" | "return" => "Enter",
        "esc" | "escape" => "Esc",
        "backspace" => "Bksp",
        "home" => "Home",
        "end" => "End",
        "up" => "↑",
        "down" => "↓",
        "left" => "←",
        "right" => "→",
        _ => {
            if let Some(k) = lower.strip_prefix("ctrl-") {
                return format!("C-{k}");
            }
            if lower.len() > 1 && lower.starts_with('f') {
                return name.to_ascii_uppercase();
            }
            return name.to_string();
        }
    };
    p.to_string()
}

/// The default keys of each action: views on the number keys, in order.
fn defaults() -> Vec<(Action, Vec<String>)> {
    let views = (1..=VIEWS.len().min(9)).map(|n| (Action::View(n as u8), vec![n.to_string()]));
    let rest: Vec<(Action, &[&str])> = vec![
        (Action::Close, &["q"]),
        (Action::Quit, &["Q", "ctrl-c"]),
        (Action::Help, &["?", "f1"]),
        (Action::Links, &["L"]),
        (Action::Escape, &["esc"]),
        (Action::Back, &["backspace"]),
        (Action::Stories, &["S"]),
        (Action::NextShared, &["]"]),
        (Action::PrevShared, &["["]),
        (Action::ToggleList, &["z"]),
        (Action::FocusNext, &["tab"]),
        (Action::FocusPrev, &["shift-tab"]),
        (Action::Up, &["k", "up"]),
        (Action::Down, &["j", "down"]),
        (Action::Left, &["h", "left"]),
        (Action::Right, &["l", "right"]),
        (Action::PageUp, &["pageup", "b"]),
        (Action::PageDown, &["pagedown", "space"]),
        (Action::HalfUp, &["ctrl-u"]),
        (Action::HalfDown, &["ctrl-d"]),
        (Action::Top, &["g", "home"]),
        (Action::Bottom, &["G", "end"]),
        (Action::Enter, &["enter"]),
        (Action::Search, &["/"]),
        (Action::SearchNext, &["n"]),
        (Action::SearchPrev, &["N"]),
        (Action::NextItem, &["n"]),
        (Action::PrevItem, &["p"]),
        (Action::Mark, &["m"]),
        (Action::AllPairs, &["a"]),
        (Action::Statements, &["c"]),
        (Action::Split, &["s"]),
        (Action::ClosePane, &["x"]),
        (Action::Exclusive, &["e"]),
        (Action::Hidden, &["f"]),
        (Action::Background, &["o"]),
        (Action::Suspend, &["ctrl-z"]),
    ];
    views.chain(rest.into_iter().map(|(a, keys)| (a, keys.iter().map(|k| k.to_string()).collect()))).collect()
}

/// A key as written in the config and in the help: `q`, `G`, `ctrl-d`,
/// `shift-tab`, `pagedown`, `space`, `f1`.
pub fn parse_key(name: &str) -> Option<KeyEvent> {
    let lower = name.to_ascii_lowercase();
    let (mods, key) = if let Some(k) = lower.strip_prefix("ctrl-") {
        (KeyModifiers::CONTROL, k)
    } else if let Some(k) = lower.strip_prefix("alt-") {
        (KeyModifiers::ALT, k)
    } else if lower == "shift-tab" || lower == "backtab" {
        return Some(KeyEvent::new(KeyCode::BackTab, KeyModifiers::SHIFT));
    } else {
        (KeyModifiers::NONE, lower.as_str())
    };
    let code = match key {
        "esc" | "escape" => KeyCode::Esc,
        "enter" | "return" => KeyCode::Enter,
        "tab" => KeyCode::Tab,
        "space" => KeyCode::Char(' '),
        "up" => KeyCode::Up,
        "down" => KeyCode::Down,
        "left" => KeyCode::Left,
        "right" => KeyCode::Right,
        "pageup" | "pgup" => KeyCode::PageUp,
        "pagedown" | "pgdn" => KeyCode::PageDown,
        "home" => KeyCode::Home,
        "end" => KeyCode::End,
        "backspace" => KeyCode::Backspace,
        k if k.len() > 1 && k.starts_with('f') && k[1..].parse::<u8>().is_ok() => KeyCode::F(k[1..].parse().ok()?),
        _ => {
            // Single characters keep their case: `G` is not `g`.
            let mut chars = name.rsplit('-').next().unwrap_or(name).chars();
            let c = chars.next()?;
            if chars.next().is_some() {
                return None;
            }
            KeyCode::Char(c)
        }
    };
    Some(KeyEvent::new(code, mods))
}

/// A key normalised for lookup: shifted letters arrive as uppercase
/// characters with SHIFT set on some terminals and without on others.
fn normal(k: KeyEvent) -> (KeyCode, KeyModifiers) {
    let mods = k.modifiers & (KeyModifiers::CONTROL | KeyModifiers::ALT);
    match k.code {
        KeyCode::BackTab => (KeyCode::BackTab, KeyModifiers::NONE),
        code => (code, mods),
    }
}

/// Key bindings: defaults with the user's overrides applied.
#[derive(Clone, Debug)]
pub struct Keymap {
    bindings: HashMap<(KeyCode, KeyModifiers), Vec<Action>>,
    /// The keys of each action, for the help and the status line.
    names: HashMap<Action, Vec<String>>,
}

impl Keymap {
    /// Builds the keymap; returns warnings (about the config's `[keys]`)
    /// for unknown actions or keys.
    pub fn new(overrides: &std::collections::BTreeMap<String, Vec<String>>) -> (Keymap, Vec<String>) {
        let mut warnings = Vec::new();
        let mut names: HashMap<Action, Vec<String>> = defaults().into_iter().collect();
        let all = actions();
        for (action_name, keys) in overrides {
            match all.iter().find(|(_, n, _)| n == action_name) {
                Some((action, _, _)) => {
                    let valid: Vec<String> = keys
                        .iter()
                        .filter(|k| {
                            let ok = parse_key(k).is_some();
                            if !ok {
                                warnings.push(format!("unknown key `{k}` for {action_name}; ignored"));
                            }
                            ok
                        })
                        .cloned()
                        .collect();
                    if !valid.is_empty() {
                        names.insert(*action, valid);
                    }
                }
                None => warnings.push(format!("unknown action `{action_name}` in [keys]; ignored")),
            }
        }
        let mut bindings: HashMap<(KeyCode, KeyModifiers), Vec<Action>> = HashMap::new();
        // Bind in help order so that, for a key with two meanings (`n`), the
        // first listed wins where both apply.
        for (action, _, _) in &all {
            for k in names.get(action).into_iter().flatten() {
                if let Some(ev) = parse_key(k) {
                    bindings.entry(normal(ev)).or_default().push(*action);
                }
            }
        }
        (Keymap { bindings, names }, warnings)
    }

    /// The actions a key may mean, most specific first.
    pub fn actions(&self, key: KeyEvent) -> &[Action] {
        self.bindings.get(&normal(key)).map_or(&[], Vec::as_slice)
    }

    /// The keys bound to an action, as shown to the user.
    pub fn keys_of(&self, action: Action) -> String {
        self.names
            .get(&action)
            .map(|v| v.iter().map(|k| pretty_key(k)).collect::<Vec<_>>().join(" "))
            .unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(c: char) -> KeyEvent {
        KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)
    }

    #[test]
    fn parses_key_names() {
        assert_eq!(parse_key("q"), Some(key('q')));
        assert_eq!(parse_key("G"), Some(key('G')));
        assert_eq!(parse_key("ctrl-d"), Some(KeyEvent::new(KeyCode::Char('d'), KeyModifiers::CONTROL)));
        assert_eq!(parse_key("space"), Some(key(' ')));
        assert_eq!(parse_key("F1"), Some(KeyEvent::new(KeyCode::F(1), KeyModifiers::NONE)));
        assert_eq!(parse_key("shift-tab").map(|k| k.code), Some(KeyCode::BackTab));
        assert_eq!(parse_key("nonsense"), None);
    }

    #[test]
    fn defaults_and_overrides() {
        let mut o = std::collections::BTreeMap::new();
        o.insert("quit".to_string(), vec!["Q".to_string()]);
        o.insert("fly".to_string(), vec!["f".to_string()]);
        o.insert("help".to_string(), vec!["nonsense".to_string()]);
        let (k, w) = Keymap::new(&o);
        assert_eq!(k.actions(key('Q')), [Action::Quit]);
        assert_eq!(k.actions(key('q')), [Action::Close]);
        assert_eq!(k.actions(key('?')), [Action::Help]);
        assert_eq!(w.len(), 2, "{w:?}");
        // `n` means the next passage in Compare and the next match elsewhere.
        assert_eq!(k.actions(key('n')), [Action::NextItem, Action::SearchNext]);
        // Shift reported or not, `G` is bottom.
        assert_eq!(k.actions(KeyEvent::new(KeyCode::Char('G'), KeyModifiers::SHIFT)), [Action::Bottom]);
    }

    /// The documented example config parses without a warning and binds
    /// every action to a key the key map knows.
    #[test]
    fn example_config_is_valid() {
        let text = include_str!("../../assets/config.example.toml");
        let (c, w) = parallax::config::Config::parse(text, std::path::Path::new("config.example.toml"));
        assert!(w.is_empty(), "{w:?}");
        let (_, kw) = Keymap::new(&c.keys);
        assert!(kw.is_empty(), "{kw:?}");
        for (_, name, _) in actions() {
            assert!(c.keys.contains_key(&name), "example lacks {name}");
        }
    }
}
