//! Property test: the terminal app driven like the files are fuzzed.
//! Random key presses (bound and unbound, with modifiers), resizes
//! (including sizes too small to draw), pastes and mouse wheel and clicks
//! anywhere on the screen, from every view and
//! overlay, over sets that stress the lists: the sample, a set with no dated
//! events, a one-article set, a set sharing no passages, no articles at
//! all, the sample before its analysis arrives, and a pile of two stories
//! (its Stories list and each story; a new analysis may arrive at any
//! point, as the sentence model's does). After every event the
//! app must draw a whole frame, and no cell of it may hold a control
//! character.
//!
//! Written against the app's public surface only (`App::new`,
//! `set_analysis`, `on_key`, `on_paste`, `on_mouse`, `resize`, `draw::draw`), so it
//! survives changes to how the views are laid out inside.
//! `PROPTEST_CASES=5000 cargo test --release --bin parallax properties`
//! runs it longer; `fuzz/fuzz_targets/keys.rs` is the same under libFuzzer.

use std::sync::OnceLock;

use super::app::App;
use super::keymap::Keymap;
use super::theme::Theme;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use parallax::Analysis;
use parallax::ingest::{Article, Source, parse_all};
use parallax::text::sanitize::is_clean;
use proptest::prelude::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// The sets the app is driven over.
#[derive(Clone, Copy, Debug)]
enum Set {
    Sample,
    /// Nothing dated: an empty timeline.
    Undated,
    OneArticle,
    /// Two unrelated reports: no shared passages, no statements.
    NoPassages,
    /// Every input skipped.
    Nothing,
    /// The sample while the analysis still runs.
    SampleLoading,
    /// Two stories: the app opens on the Stories list.
    Pile,
}

const SETS: [Set; 7] =
    [Set::Sample, Set::Undated, Set::OneArticle, Set::NoPassages, Set::Nothing, Set::SampleLoading, Set::Pile];

/// Two stories of three reports each, filed interleaved.
pub(crate) const PILE: [&str; 6] = [
    "Elm Street bridge reopens after repairs\nherald.example\nWed, 5 Mar 2025 09:00:00 +0000\n\nThe Elm Street bridge in Dunmore reopened on Monday after three months of repairs, Mayor Ada Brandt said. \"We are glad to have it back,\" Brandt said.",
    "Ferry sinks off Halvik harbour\ncoasttimes.example\nWed, 2 Jul 2025 08:00:00 +0000\n\nA ferry sank off Halvik harbour on Tuesday and all forty passengers were rescued by the coast guard, Captain Liv Sorensen said.",
    "Elm Street bridge reopens after repairs\nvalleypost.example\nThu, 6 Mar 2025 07:30:00 +0000\n\nMayor Ada Brandt said the Elm Street bridge in Dunmore reopened on Monday after three months of repairs. \"We are glad to have it back,\" Brandt said.",
    "All forty rescued as ferry sinks\nnorthwire.example\nWed, 2 Jul 2025 12:00:00 +0000\n\nAll forty passengers were rescued by the coast guard after a ferry sank off Halvik harbour on Tuesday, Captain Liv Sorensen said.",
    "Dunmore bridge back in use\nrivernews.example\n\nThe Elm Street bridge in Dunmore reopened on Monday after three months of repairs, said Mayor Ada Brandt. About 5,000 cars cross it daily.",
    "Coast guard saves ferry passengers\nharbourdaily.example\nThu, 3 Jul 2025 06:00:00 +0000\n\nCaptain Liv Sorensen said the coast guard rescued all forty passengers when a ferry sank off Halvik harbour on Tuesday.",
];

fn sources(texts: &[&str]) -> Vec<Source> {
    texts
        .iter()
        .enumerate()
        .map(|(i, t)| Source {
            path: format!("set/{i}.txt"),
            stem: format!("a{i}"),
            bytes: t.as_bytes().to_vec(),
            truncated_from: None,
        })
        .collect()
}

/// Each set's articles and analysis, made once for all cases.
fn analysed(set: Set) -> &'static (Vec<Article>, Analysis) {
    static CELLS: [OnceLock<(Vec<Article>, Analysis)>; SETS.len()] = [const { OnceLock::new() }; SETS.len()];
    CELLS[set as usize].get_or_init(|| {
        let loaded = match set {
            Set::Sample | Set::SampleLoading => parallax::ingest::load(&[]).unwrap(),
            Set::Undated => parse_all(&sources(&["A quiet day\n\nNothing happened."])),
            Set::OneArticle => parse_all(&sources(&[
                "Harbour budget approved 👩\u{200d}👩\u{200d}👧\n2025-11-20\n\nThe council 👩\u{200d}💻 approved the \
                 harbour budget 🇺🇦 on Tuesday 👍🏽. Work starts in March 2026, the mayor said ❤\u{fe0f}.",
            ])),
            Set::NoPassages => parse_all(&sources(&[
                "Ferry rescue\n2025-11-20\n\nA ferry sank near Crete on Sunday. All 112 people were rescued.",
                "Chess final\n2025-11-21\n\nThe chess final ended in a draw on Friday after six hours of play.",
            ])),
            Set::Nothing => Default::default(),
            Set::Pile => parse_all(&sources(&PILE)),
        };
        (loaded.articles.clone(), parallax::analyse(loaded))
    })
}

fn app(set: Set, size: (u16, u16)) -> App {
    let (articles, analysis) = analysed(set);
    let (keymap, _) = Keymap::new(&Default::default());
    let mut app = App::new(articles.clone(), Theme::DARK, keymap, size);
    match set {
        Set::SampleLoading => {}
        Set::Nothing => {
            app.loading_done();
            app.set_analysis(analysis.clone());
        }
        _ => app.set_analysis(analysis.clone()),
    }
    app
}

/// Draws the app at its size; panics on a frame that cannot be drawn or
/// holds a control character.
fn draw(app: &App) {
    let (width, height) = app.shared.size;
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|f| super::draw::draw(app, f)).unwrap();
    let buffer = terminal.backend().buffer();
    assert_eq!((buffer.area.width, buffer.area.height), (width, height));
    for cell in &buffer.content {
        assert!(is_clean(cell.symbol()) && !cell.symbol().contains('\n'), "control character in {:?}", cell.symbol());
        // Emoji sequences terminals draw at different widths (joined,
        // toned, flags) are drawn in their plain form, or borders shift.
        assert_eq!(super::wrap::display(cell.symbol()), cell.symbol(), "an emoji sequence drawn as it is");
    }
}

#[derive(Clone, Debug)]
enum Input {
    Key(KeyEvent),
    Resize(u16, u16),
    Paste(String),
    Mouse(super::shared::Mouse),
    /// The analysis again, as the sentence model's arrives.
    Analysis,
}

fn key_code() -> impl Strategy<Value = KeyCode> {
    prop_oneof![
        // The default bindings, so that most presses do something.
        4 => prop::sample::select(&b"12345qQjkhlgGnNpPmacsxe/?bfduwyz][ \tS"[..]).prop_map(|b| KeyCode::Char(b as char)),
        3 => prop::sample::select(vec![
            KeyCode::Enter, KeyCode::Esc, KeyCode::Tab, KeyCode::BackTab, KeyCode::Backspace, KeyCode::Up,
            KeyCode::Down, KeyCode::Left, KeyCode::Right, KeyCode::PageUp, KeyCode::PageDown, KeyCode::Home,
            KeyCode::End, KeyCode::Delete, KeyCode::Insert, KeyCode::F(1), KeyCode::F(12), KeyCode::Null,
        ]),
        1 => any::<char>().prop_map(KeyCode::Char),
    ]
}

fn modifiers() -> impl Strategy<Value = KeyModifiers> {
    prop_oneof![
        6 => Just(KeyModifiers::NONE),
        2 => Just(KeyModifiers::CONTROL),
        1 => Just(KeyModifiers::SHIFT),
        1 => Just(KeyModifiers::ALT),
        1 => (0u8..16).prop_map(KeyModifiers::from_bits_truncate),
    ]
}

fn input() -> impl Strategy<Value = Input> {
    prop_oneof![
        20 => (key_code(), modifiers()).prop_map(|(c, m)| Input::Key(KeyEvent::new(c, m))),
        2 => prop_oneof![
            (0u16..300, 0u16..100),
            (78u16..84, 22u16..26),
            prop::sample::select(vec![(80u16, 24u16), (120, 40), (1, 1), (0, 0), (79, 24), (400, 200)]),
        ]
        .prop_map(|(w, h)| Input::Resize(w, h)),
        1 => prop_oneof![
            "\\PC{0,40}",
            ".{0,20}",
            Just("q\u{3}\u{1b}[201~\u{1b}]0;x\u{7}".to_string()),
            Just("Peskov\nsaid".to_string()),
        ]
        .prop_map(Input::Paste),
        2 => (0u8..3, 0u16..260, 0u16..80).prop_map(|(kind, column, row)| {
            let kind = [super::shared::Pointer::WheelUp, super::shared::Pointer::WheelDown, super::shared::Pointer::Click]
                [usize::from(kind)];
            Input::Mouse(super::shared::Mouse { kind, column, row })
        }),
        1 => Just(Input::Analysis),
    ]
}

/// Keys that open every view and overlay before the random part.
const OPENINGS: &[&str] = &[
    "", "\t", "\ts", "\t\n", "\t\n\n", "2", "2c", "2\tm", "2\n", "2z", "3", "3\n", "4", "4e", "4\n", "5", "5\n", "?",
    "/", "\n", "j\n", "\nS", "j\n3\n", "\n\x1b", "?S",
];

fn press_all(app: &mut App, keys: &str) {
    for c in keys.chars() {
        let code = match c {
            '\n' => KeyCode::Enter,
            '\t' => KeyCode::Tab,
            '\x1b' => KeyCode::Esc,
            c => KeyCode::Char(c),
        };
        app.on_key(KeyEvent::new(code, KeyModifiers::NONE));
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    #[test]
    fn any_keys_resizes_and_pastes_leave_a_drawable_app(
        set in prop::sample::select(&SETS[..]),
        size in prop::sample::select(vec![(80u16, 24u16), (120, 40), (200, 60)]),
        opening in prop::sample::select(OPENINGS),
        inputs in prop::collection::vec(input(), 0..60),
    ) {
        let mut app = app(set, size);
        press_all(&mut app, opening);
        draw(&app);
        for event in inputs {
            match event {
                Input::Key(k) => app.on_key(k),
                Input::Resize(w, h) => app.resize(w, h),
                Input::Paste(text) => app.on_paste(&text),
                Input::Mouse(m) => app.on_mouse(m),
                Input::Analysis => app.set_analysis(analysed(set).1.clone()),
            }
            draw(&app);
            if app.quit {
                break;
            }
        }
        // What is remembered on quit can be taken and given back.
        let saved = app.snapshot();
        let mut again = self::app(set, size);
        again.restore(&saved);
        draw(&again);
    }
}
/// Every set, every view and overlay the openings reach, drawn: the
/// cases the random test may not meet in a short run.
#[test]
fn every_opening_draws_over_every_set() {
    for set in SETS {
        for opening in OPENINGS {
            for size in [(80, 24), (40, 12)] {
                let mut app = app(set, size);
                press_all(&mut app, opening);
                draw(&app);
            }
        }
    }
}
