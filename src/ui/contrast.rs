//! Every colour the themes draw, checked for contrast: each view and
//! overlay is drawn in the dark and the light theme, and every cell that
//! shows a character must reach a WCAG contrast ratio of 4.5:1 between its
//! foreground and background in xterm's palette (the dark theme on the
//! terminal's default black, the light theme on its default white).
//! Colour 8 ("bright black", the background of Solarized Dark) is never
//! used.

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::style::{Color, Modifier};

use super::snapshots::{app, keys};
use super::theme::Theme;

/// xterm's 16 colours.
fn xterm(c: Color) -> Option<(u8, u8, u8)> {
    Some(match c {
        Color::Black => (0, 0, 0),
        Color::Red => (205, 0, 0),
        Color::Green => (0, 205, 0),
        Color::Yellow => (205, 205, 0),
        Color::Blue => (0, 0, 238),
        Color::Magenta => (205, 0, 205),
        Color::Cyan => (0, 205, 205),
        Color::Gray => (229, 229, 229),
        Color::DarkGray => (127, 127, 127),
        Color::LightRed => (255, 0, 0),
        Color::LightGreen => (0, 255, 0),
        Color::LightYellow => (255, 255, 0),
        Color::LightBlue => (92, 92, 255),
        Color::LightMagenta => (255, 0, 255),
        Color::LightCyan => (0, 255, 255),
        Color::White => (255, 255, 255),
        _ => return None,
    })
}

/// WCAG relative luminance of an sRGB colour.
fn luminance((r, g, b): (u8, u8, u8)) -> f64 {
    let channel = |c: u8| {
        let c = f64::from(c) / 255.0;
        if c <= 0.03928 { c / 12.92 } else { ((c + 0.055) / 1.055).powf(2.4) }
    };
    0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)
}

/// WCAG contrast ratio of two colours.
pub fn ratio(a: (u8, u8, u8), b: (u8, u8, u8)) -> f64 {
    let (x, y) = (luminance(a), luminance(b));
    (x.max(y) + 0.05) / (x.min(y) + 0.05)
}

/// Draws `keys`' screen in `theme` and checks every visible cell.
fn check(theme: Theme, keys_pressed: &str, (w, h): (u16, u16)) {
    let (default_fg, default_bg) =
        if theme.light { ((0, 0, 0), (255, 255, 255)) } else { ((229, 229, 229), (0, 0, 0)) };
    let mut a = app(w, h);
    a.shared.theme = theme;
    keys(&mut a, keys_pressed);
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    t.draw(|f| super::draw::draw(&a, f)).unwrap();
    let buf = t.backend().buffer();
    for (i, cell) in buf.content.iter().enumerate() {
        assert!(cell.fg != Color::DarkGray && cell.bg != Color::DarkGray, "colour 8 at cell {i} ({keys_pressed:?})");
        if cell.symbol().trim().is_empty() {
            continue;
        }
        let resolve = |c: Color, default| if c == Color::Reset { Some(default) } else { xterm(c) };
        let (Some(mut fg), Some(mut bg)) = (resolve(cell.fg, default_fg), resolve(cell.bg, default_bg)) else {
            panic!("not one of the 16 named colours: {:?} / {:?} ({keys_pressed:?})", cell.fg, cell.bg);
        };
        if cell.modifier.contains(Modifier::REVERSED) {
            std::mem::swap(&mut fg, &mut bg);
        }
        let r = ratio(fg, bg);
        let (x, y) = (i % w as usize, i / w as usize);
        assert!(
            r >= 4.5,
            "{} theme, keys {keys_pressed:?}: {:?} at {x},{y} reads at {r:.2}:1 ({:?} on {:?})",
            if theme.light { "light" } else { "dark" },
            cell.symbol(),
            cell.fg,
            cell.bg
        );
    }
}

/// Every view and overlay, with a search match and a selection on screen.
const SCREENS: [&str; 15] =
    ["", "jjf", "\t", "\ts", "\t\n", "2", "2c", "2z", "3", "3j\n", "4", "4lle", "5", "?", "/plan\n3"];

#[test]
fn both_themes_read_at_4_5_to_1_everywhere() {
    for theme in [Theme::DARK, Theme::LIGHT] {
        for keys_pressed in SCREENS {
            for size in [(80, 24), (200, 60)] {
                check(theme, keys_pressed, size);
            }
        }
    }
}

#[test]
fn the_reference_ratios_are_right() {
    assert!((ratio((0, 0, 0), (255, 255, 255)) - 21.0).abs() < 0.01);
    // Green on white, which the light theme does not use.
    assert!(ratio((0, 205, 0), (255, 255, 255)) < 2.5);
    assert!(ratio((0, 0, 238), (255, 255, 255)) > 4.5);
}
