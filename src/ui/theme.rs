//! Styles: a dark theme, a light theme and none. Only the 16 named ANSI
//! colours are used, so every terminal shows them, and never colour 8
//! ("bright black"), the background of some popular palettes (Solarized
//! Dark): secondary text, borders and "reported" events are in the
//! terminal's own foreground, set apart by position, italics or bold. The
//! status line and the selection are reverse video, which reads on any
//! palette. Every colour drawn is checked (in the tests) for a WCAG
//! contrast of at least 4.5:1 with its background in xterm's palette: the
//! dark theme on black, the light theme on white.
//!
//! With `NO_COLOR` (or `theme = "mono"`) no colour is used at all and marks
//! fall back to bold, underline and reverse video.

use ratatui::style::{Color, Modifier, Style};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Theme {
    pub color: bool,
    /// Colours for a light background (else a dark one).
    pub light: bool,
}

/// Which theme the config asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Choice {
    /// Ask the terminal for its background (OSC 11).
    Auto,
    Dark,
    Light,
    Mono,
}

impl Choice {
    /// The config's `theme` (already checked by the config): `auto` or
    /// `default` ask the terminal.
    pub fn from_config(name: Option<&str>) -> Choice {
        match name {
            Some("dark") => Choice::Dark,
            Some("light") => Choice::Light,
            Some("mono") => Choice::Mono,
            _ => Choice::Auto,
        }
    }
}

impl Theme {
    pub const MONO: Theme = Theme { color: false, light: false };
    pub const DARK: Theme = Theme { color: true, light: false };
    pub const LIGHT: Theme = Theme { color: true, light: true };

    /// The theme to use: none under `NO_COLOR` (set to anything non-empty)
    /// or `mono`; else the one chosen, or for `auto` the one matching the
    /// background `light_background` reports (dark when it cannot tell).
    pub fn choose(choice: Choice, no_color: bool, light_background: impl FnOnce() -> Option<bool>) -> Theme {
        match choice {
            _ if no_color => Theme::MONO,
            Choice::Mono => Theme::MONO,
            Choice::Dark => Theme::DARK,
            Choice::Light => Theme::LIGHT,
            Choice::Auto => {
                if light_background().unwrap_or(false) {
                    Theme::LIGHT
                } else {
                    Theme::DARK
                }
            }
        }
    }

    /// Whether `NO_COLOR` is set to something.
    pub fn no_color_env() -> bool {
        std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty())
    }

    /// A colour for each background: `dark` on a dark one, `light` on a
    /// light one; none without colour.
    fn fg(&self, dark: Color, light: Color) -> Style {
        match (self.color, self.light) {
            (false, _) => Style::new(),
            (true, false) => Style::new().fg(dark),
            (true, true) => Style::new().fg(light),
        }
    }

    pub fn text(&self) -> Style {
        Style::new()
    }

    /// Secondary text (dates, counts, notes): the terminal's foreground.
    pub fn dim(&self) -> Style {
        Style::new()
    }

    /// Names of sources, keys in the help.
    pub fn title(&self) -> Style {
        self.fg(Color::LightCyan, Color::Blue).add_modifier(Modifier::BOLD)
    }

    /// Date headings.
    pub fn heading(&self) -> Style {
        self.fg(Color::LightYellow, Color::Magenta).add_modifier(Modifier::BOLD)
    }

    /// The selected row of a list.
    pub fn selected(&self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED)
    }

    /// Border of the focused pane.
    pub fn focused(&self) -> Style {
        self.fg(Color::LightCyan, Color::Blue).add_modifier(Modifier::BOLD)
    }

    pub fn border(&self) -> Style {
        Style::new()
    }

    /// The gutter mark on lines other sources share, the coverage dots.
    pub fn shared_mark(&self) -> Style {
        self.fg(Color::LightMagenta, Color::Blue).add_modifier(Modifier::BOLD)
    }

    /// Words only the left side of a comparison has.
    pub fn deleted(&self) -> Style {
        if self.color {
            self.fg(Color::LightRed, Color::Red).add_modifier(Modifier::BOLD)
        } else {
            Style::new().add_modifier(Modifier::UNDERLINED)
        }
    }

    /// Words only the right side of a comparison has: green on a dark
    /// background, blue on a light one (green on white reads at 2:1).
    pub fn inserted(&self) -> Style {
        if self.color {
            self.fg(Color::LightGreen, Color::Blue).add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
        } else {
            Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
        }
    }

    /// Search matches.
    pub fn found(&self) -> Style {
        if self.color {
            Style::new().fg(Color::Black).bg(Color::Yellow)
        } else {
            // Bold and underlined: visible inside a selected (reversed) row
            // too; the current match adds reverse video (see `target`).
            Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
        }
    }

    /// The sentence jumped to.
    pub fn target(&self) -> Style {
        let s = self.fg(Color::LightMagenta, Color::Magenta).add_modifier(Modifier::BOLD | Modifier::UNDERLINED);
        if self.color { s } else { s.add_modifier(Modifier::REVERSED) }
    }

    /// Events placed by their article's date, not dated by the text.
    pub fn reported(&self) -> Style {
        Style::new().add_modifier(Modifier::ITALIC)
    }

    /// The status line: reverse video, on any palette.
    pub fn status(&self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED)
    }

    pub fn warning(&self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD)
    }

    pub fn significant(&self) -> Style {
        self.fg(Color::LightRed, Color::Red).add_modifier(Modifier::BOLD)
    }

    /// The progress gauge's bar.
    pub fn gauge(&self) -> Style {
        self.fg(Color::LightCyan, Color::Blue)
    }
}

/// Asks the terminal for its background colour (OSC 11) and says whether
/// it is light; `None` when the terminal does not answer in time (or is
/// not a terminal). Called before the app takes the terminal.
pub fn light_background() -> Option<bool> {
    let mut options = terminal_colorsaurus::QueryOptions::default();
    // Terminals that cannot answer are found out at once (their answer to
    // a device-attributes query comes first); this bounds the wait on the
    // ones that answer nothing at all.
    options.timeout = std::time::Duration::from_millis(400);
    match terminal_colorsaurus::theme_mode(options).ok()? {
        terminal_colorsaurus::ThemeMode::Light => Some(true),
        terminal_colorsaurus::ThemeMode::Dark => Some(false),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_color_wins_then_the_choice_then_the_terminal() {
        assert_eq!(Theme::choose(Choice::Light, true, || Some(true)), Theme::MONO);
        assert_eq!(Theme::choose(Choice::Mono, false, || Some(true)), Theme::MONO);
        assert_eq!(Theme::choose(Choice::Dark, false, || Some(true)), Theme::DARK);
        assert_eq!(Theme::choose(Choice::Auto, false, || Some(true)), Theme::LIGHT);
        assert_eq!(Theme::choose(Choice::Auto, false, || None), Theme::DARK);
        assert_eq!(Choice::from_config(Some("default")), Choice::Auto);
        assert_eq!(Choice::from_config(Some("light")), Choice::Light);
    }
}
