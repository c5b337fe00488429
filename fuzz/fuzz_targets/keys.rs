//! Fuzz target: the terminal app driven by arbitrary key presses, resizes,
//! pastes and mouse wheel and clicks, in every view and overlay, over the sample, a set with no
//! dated events, a one-article set, a set sharing no passages and a set
//! with no articles. After every event the app must draw a whole frame with
//! no control character in any cell. (The property test `src/ui/properties.rs`
//! does the same with proptest's strategies.)
//!
//! `cargo +nightly fuzz run keys` (from the project root).

#![no_main]

use std::sync::OnceLock;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
// The terminal app is the binary's module: included as the binary builds it.
#[allow(dead_code)]
#[path = "../../src/ui/mod.rs"]
mod ui;

use libfuzzer_sys::arbitrary::{self, Arbitrary};
use libfuzzer_sys::fuzz_target;
use parallax::Analysis;
use parallax::ingest::{Article, Source, parse_all};
use parallax::text::sanitize::is_clean;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ui::app::App;
use ui::keymap::Keymap;
use ui::shared::{Mouse, Pointer};
use ui::theme::Theme;

#[derive(Arbitrary, Debug)]
enum Input {
    /// A key from the table below (most are bound), with modifier bits.
    Key(u8, u8),
    /// Any character.
    Char(char, u8),
    Resize(u8, u8),
    Paste(String),
    /// Wheel up, wheel down or a click (by the first number), anywhere.
    Mouse(u8, u8, u8),
}

const KEYS: &[KeyCode] = &[
    KeyCode::Enter,
    KeyCode::Esc,
    KeyCode::Tab,
    KeyCode::BackTab,
    KeyCode::Backspace,
    KeyCode::Up,
    KeyCode::Down,
    KeyCode::Left,
    KeyCode::Right,
    KeyCode::PageUp,
    KeyCode::PageDown,
    KeyCode::Home,
    KeyCode::End,
    KeyCode::F(1),
];

/// The default bindings' characters.
const CHARS: &[u8] = b"12345qjkhlgGnNpPmacsxe/?bfduwy ";

fn key(index: u8, bits: u8) -> KeyEvent {
    let i = usize::from(index) % (KEYS.len() + CHARS.len());
    let code = KEYS.get(i).copied().unwrap_or_else(|| KeyCode::Char(char::from(CHARS[i - KEYS.len()])));
    // Mostly no modifier; Ctrl often, since Ctrl-d/u/f/b page.
    let modifiers = match bits % 8 {
        0..=4 => KeyModifiers::NONE,
        5 | 6 => KeyModifiers::CONTROL,
        _ => KeyModifiers::from_bits_truncate(bits >> 3),
    };
    KeyEvent::new(code, modifiers)
}

fn sources(texts: &[&str]) -> Vec<Source> {
    texts
        .iter()
        .enumerate()
        .map(|(i, t)| Source {
            path: format!("{i}.txt"),
            stem: format!("a{i}"),
            bytes: t.as_bytes().to_vec(),
            truncated_from: None,
        })
        .collect()
}

const SETS: usize = 5;

fn analysed(set: usize) -> &'static (Vec<Article>, Analysis) {
    static CELLS: [OnceLock<(Vec<Article>, Analysis)>; SETS] = [const { OnceLock::new() }; SETS];
    CELLS[set].get_or_init(|| {
        let loaded = match set {
            0 => parallax::ingest::load(&[]).unwrap(),
            1 => parse_all(&sources(&["A quiet day\n\nNothing happened."])),
            2 => parse_all(&sources(&[
                "Harbour budget approved\n2025-11-20\n\nThe council approved the harbour budget on Tuesday. \
                 Work starts in March 2026, the mayor said.",
            ])),
            3 => parse_all(&sources(&[
                "Ferry rescue\n2025-11-20\n\nA ferry sank near Crete on Sunday. All 112 people were rescued.",
                "Chess final\n2025-11-21\n\nThe chess final ended in a draw on Friday after six hours of play.",
            ])),
            _ => Default::default(),
        };
        (loaded.articles.clone(), parallax::analyse(loaded))
    })
}

fn draw(app: &App) {
    let (width, height) = app.shared.size;
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|f| ui::draw::draw(app, f)).unwrap();
    for cell in &terminal.backend().buffer().content {
        assert!(is_clean(cell.symbol()) && !cell.symbol().contains('\n'), "{:?}", cell.symbol());
    }
}

fuzz_target!(|data: (u8, bool, Vec<Input>)| {
    let (pick, loading, inputs) = data;
    let set = usize::from(pick) % SETS;
    let (articles, analysis) = analysed(set);
    let (keymap, _) = Keymap::new(&Default::default());
    let mut app = App::new(articles.clone(), Theme::DARK, keymap, (80, 24));
    // Half the runs keep the analysis back: the views that wait for it.
    if set == SETS - 1 {
        app.loading_done();
    }
    if !loading {
        app.set_analysis(analysis.clone());
    }
    draw(&app);
    for input in inputs.into_iter().take(200) {
        match input {
            Input::Key(index, bits) => app.on_key(key(index, bits)),
            Input::Char(c, bits) => app.on_key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::from_bits_truncate(bits))),
            // Up to 255x255, small sizes (too small to draw) included.
            Input::Resize(w, h) => app.resize(u16::from(w), u16::from(h)),
            Input::Paste(text) => app.on_paste(&text),
            Input::Mouse(kind, column, row) => {
                let kind = [Pointer::WheelUp, Pointer::WheelDown, Pointer::Click][usize::from(kind % 3)];
                app.on_mouse(Mouse { kind, column: u16::from(column), row: u16::from(row) });
            }
        }
        draw(&app);
        if app.quit {
            break;
        }
    }
});
