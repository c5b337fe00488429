//! Every view and overlay drawn into ratatui's `TestBackend` at 40x12,
//! 60x20, 80x24 and 200x60, in the dark theme, the light theme and without
//! colour. A snapshot is the screen's text, then the same grid with a
//! letter per cell naming its style (`.` the terminal's own), then what
//! each letter means: a change of colour or mark shows in review as a
//! change of letters.

use ratatui::Terminal;
use ratatui::backend::TestBackend;

use super::app::App;
use super::keymap::Keymap;
use super::theme::Theme;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::style::Modifier;

/// The sizes every view is drawn at: the smallest workable, a split, the
/// classic terminal, a large one.
const SIZES: [(u16, u16); 4] = [(40, 12), (60, 20), (80, 24), (200, 60)];

pub(crate) fn app(w: u16, h: u16) -> App {
    let loaded = parallax::ingest::load(&[]).unwrap();
    let (keymap, _) = Keymap::new(&Default::default());
    let mut app = App::new(loaded.articles.clone(), Theme::MONO, keymap, (w, h));
    app.set_analysis(parallax::analyse(loaded));
    app
}

pub(crate) fn screen(app: &App) -> String {
    let mut t = Terminal::new(TestBackend::new(app.shared.size.0, app.shared.size.1)).unwrap();
    t.draw(|f| super::draw::draw(app, f)).unwrap();
    t.backend().to_string()
}

pub(crate) fn keys(app: &mut App, keys: &str) {
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

/// The palettes every view is drawn in.
const THEMES: [(&str, Theme); 3] = [("dark", Theme::DARK), ("light", Theme::LIGHT), ("mono", Theme::MONO)];

/// The screen as text, a grid of style letters, and the letters' legend.
pub(crate) fn styled_screen(app: &App) -> String {
    let (w, h) = app.shared.size;
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    t.draw(|f| super::draw::draw(app, f)).unwrap();
    let buf = t.backend().buffer();
    let mut legend: Vec<String> = Vec::new();
    let mut text = String::new();
    let mut styles = String::new();
    for y in 0..h {
        for x in 0..w {
            let cell = &buf[(x, y)];
            text.push_str(cell.symbol());
            let mut name = Vec::new();
            if cell.fg != ratatui::style::Color::Reset {
                name.push(format!("fg {:?}", cell.fg));
            }
            if cell.bg != ratatui::style::Color::Reset {
                name.push(format!("bg {:?}", cell.bg));
            }
            for (m, what) in [
                (Modifier::BOLD, "bold"),
                (Modifier::ITALIC, "italic"),
                (Modifier::UNDERLINED, "underlined"),
                (Modifier::REVERSED, "reversed"),
                (Modifier::DIM, "dim"),
            ] {
                if cell.modifier.contains(m) {
                    name.push(what.to_string());
                }
            }
            let letter = if name.is_empty() {
                '.'
            } else {
                let name = name.join(", ");
                let at = legend.iter().position(|l| *l == name).unwrap_or_else(|| {
                    legend.push(name);
                    legend.len() - 1
                });
                LETTERS.chars().nth(at).unwrap_or('?')
            };
            styles.push(letter);
        }
        text.push('\n');
        styles.push('\n');
    }
    let legend: Vec<String> =
        legend.iter().enumerate().map(|(i, l)| format!("{}: {l}", LETTERS.chars().nth(i).unwrap_or('?'))).collect();
    format!("{text}\n{styles}\n{}\n", legend.join("\n"))
}

/// Letters naming styles in a styled screen.
const LETTERS: &str = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

macro_rules! snap {
    ($name:ident, $keys:expr) => {
        #[test]
        fn $name() {
            for (w, h) in SIZES {
                for (palette, theme) in THEMES {
                    let mut a = app(w, h);
                    a.shared.theme = theme;
                    keys(&mut a, $keys);
                    let name = format!("{}_{w}x{h}_{palette}", stringify!($name));
                    insta::assert_snapshot!(name, styled_screen(&a));
                }
            }
        }
    };
}

snap!(read_view, "");
snap!(read_two_panes, "\ts");
snap!(compare_view, "2");
snap!(compare_statements, "2c");
snap!(timeline_view, "3");
snap!(timeline_sources, "3j\n");
snap!(timeline_folded, "3o");
snap!(coverage_view, "4");
snap!(coverage_exclusive, "4lle");
snap!(discrepancies_view, "5");
snap!(quotes_view, "6");
snap!(help_overlay, "?");
snap!(read_shared_by, "\t\n");
snap!(read_hidden, "jjf");
snap!(compare_sources, "2\t");
snap!(read_search, "/plan\n");
snap!(read_search_typing, "/plan");
snap!(timeline_search, "3/Peskov\n");

/// An app reading links: none in yet, or the sample in and the links
/// overlay open; each link in another state.
fn reading_links(w: u16, h: u16, theme: Theme, with_articles: bool) -> App {
    use parallax::fetch::Origin;
    use parallax::ingest::{LinkState, LinkStatus};
    use std::time::Duration;
    let loaded = parallax::ingest::load(&[]).unwrap();
    let (keymap, _) = Keymap::new(&Default::default());
    let articles = if with_articles { loaded.articles } else { Vec::new() };
    let mut a = App::new(articles, theme, keymap, (w, h));
    a.set_loading(Some((3, 7)));
    let states = [
        ("https://news.example/feed.xml", LinkState::Feed { items: 3, listed: 20 }),
        (
            "https://news.example/2025/11/20/dam-gives-way",
            LinkState::Read { words: 812, origin: Origin::Network, elapsed: Duration::from_millis(240) },
        ),
        (
            "https://wire.example/vell",
            LinkState::Read { words: 430, origin: Origin::Revalidated, elapsed: Duration::from_millis(30) },
        ),
        ("https://herald.example/gone", LinkState::Failed("HTTP 404 Not Found: no page at this address".into())),
        ("https://slow.example/\u{1b}[2Jstory", LinkState::Fetching),
        ("https://paper.example/a", LinkState::Waiting),
    ];
    for (link, state) in states {
        a.link_status(LinkStatus { link: link.to_string(), state });
    }
    a
}

#[test]
fn links_while_loading() {
    for (w, h) in [(40, 12), (80, 24)] {
        for (palette, theme) in THEMES {
            let waiting = reading_links(w, h, theme, false);
            insta::assert_snapshot!(format!("links_waiting_{w}x{h}_{palette}"), styled_screen(&waiting));
            let mut overlay = reading_links(w, h, theme, true);
            keys(&mut overlay, "L");
            insta::assert_snapshot!(format!("links_overlay_{w}x{h}_{palette}"), styled_screen(&overlay));
        }
    }
}

#[test]
fn coverage_counts_the_sources_out_of_view() {
    let texts: Vec<String> = (0..16)
        .map(|i| {
            format!(
                "Harbour report {i}\n2025-11-20\n\nThe council approved the new harbour budget of 4.2 million euros on Tuesday after a long debate. Reporter {i} noted item {i} alone."
            )
        })
        .collect();
    let sources: Vec<parallax::ingest::Source> = texts
        .iter()
        .enumerate()
        .map(|(i, t)| parallax::ingest::Source {
            path: format!("{i:02}.txt"),
            stem: format!("{i:02}"),
            bytes: t.as_bytes().to_vec(),
            truncated_from: None,
        })
        .collect();
    let loaded = parallax::ingest::parse_all(&sources);
    let (keymap, _) = Keymap::new(&Default::default());
    let mut a = App::new(loaded.articles.clone(), Theme::MONO, keymap, (80, 24));
    a.set_analysis(parallax::analyse(loaded));
    keys(&mut a, "4");
    let s = screen(&a);
    // 6 source columns fit at 80 columns; the 10 others are counted.
    assert!(s.contains("others"), "{s}");
    assert!(s.contains("●              +10│"), "{s}");
}

/// Wire copy: one agency story run by 14 outlets, three of which change a
/// word of its first sentence.
fn wire_copy(w: u16, h: u16) -> App {
    let story = [
        "Flood waters broke through the Dunmore levee early on Tuesday, forcing the evacuation of three hundred families.",
        "Rescue crews from four counties moved residents to the Halvik secondary school, where the council opened a shelter.",
        "Mayor Ilse Varnholt asked residents to stay away from the river bank until engineers had inspected the levee.",
    ];
    let sources: Vec<parallax::ingest::Source> = (0..14)
        .map(|i| {
            let opening = if i % 6 == 1 {
                story[0].replace("early on Tuesday", "on Tuesday morning")
            } else {
                story[0].to_string()
            };
            let text = format!("Levee breaks\nnews{i}.example\n2025-03-04\n\n{opening} {} {}", story[1], story[2]);
            parallax::ingest::Source {
                path: format!("{i:02}.txt"),
                stem: format!("{i:02}"),
                bytes: text.into_bytes(),
                truncated_from: None,
            }
        })
        .collect();
    let loaded = parallax::ingest::parse_all(&sources);
    let (keymap, _) = Keymap::new(&Default::default());
    let mut a = App::new(loaded.articles.clone(), Theme::MONO, keymap, (w, h));
    a.set_analysis(parallax::analyse(loaded));
    a
}

#[test]
fn compare_shows_a_statement_carried_by_many_and_its_wordings() {
    let mut a = wire_copy(80, 24);
    keys(&mut a, "2");
    let passage = screen(&a);
    assert!(passage.contains("· carried by 11 sources"), "{passage}");
    insta::assert_snapshot!("compare_carried_passage_80x24_mono", styled_screen(&a));
    keys(&mut a, "c");
    insta::assert_snapshot!("compare_carried_by_80x24_mono", styled_screen(&a));
    let statement = screen(&a);
    assert!(statement.contains("carried by 14 sources · wording 2/2: 3 vs 11"), "{statement}");
    assert!(statement.contains("l wording"), "{statement}");
    keys(&mut a, "j");
    let word_for_word = screen(&a);
    assert!(word_for_word.contains("carried by 14 sources, word for word"), "{word_for_word}");
    // Back to the passages and `c` again: the passage's own statement, not
    // the one left.
    keys(&mut a, "cc");
    assert!(screen(&a).contains("Statement 1/3 · carried by 14 sources · wording 2/2"), "{}", screen(&a));
}

#[test]
fn a_tiny_screen_asks_for_room_and_recovers() {
    let mut a = app(12, 3);
    let s = screen(&a);
    assert!(s.contains("enlarge"), "{s}");
    a.resize(40, 12);
    assert!(screen(&a).contains("Sources (5)"));
    // Nothing panics at any size.
    for (w, h) in [(1, 1), (16, 4), (17, 5), (30, 8)] {
        a.resize(w, h);
        for view in "12345?".chars() {
            keys(&mut a, &view.to_string());
            let _ = screen(&a);
        }
        keys(&mut a, "\x1b");
    }
}

#[test]
fn a_skipped_file_is_told_before_a_message_that_arrives_on_its_own() {
    let mut a = app(120, 20);
    a.warnings.push(parallax::warning::Warning::config("notes.bin", "skipped: binary data"));
    a.shared.message = Some("sentence model: 7 shared passages".into());
    let s = screen(&a);
    assert!(s.contains("warning: notes.bin") && !s.contains("sentence model: 7"), "{s}");
    // After a key the message's turn comes.
    keys(&mut a, "j");
    assert!(!screen(&a).contains("warning: notes.bin"));
}

#[test]
fn progress_shows_while_the_analysis_runs() {
    let loaded = parallax::ingest::load(&[]).unwrap();
    let (keymap, _) = Keymap::new(&Default::default());
    let mut a = App::new(loaded.articles, Theme::MONO, keymap, (80, 24));
    a.set_progress(parallax::analysis::Stage::Matching);
    keys(&mut a, "3");
    let s = screen(&a);
    assert!(s.contains("stage 2/5: matching sentences") && s.contains("5 articles"), "{s}");
    // The Read view works at once.
    keys(&mut a, "1");
    assert!(screen(&a).contains("Sources (5)"));
}

#[test]
fn no_color_draws_no_colours() {
    let a = app(80, 24);
    let mut t = Terminal::new(TestBackend::new(80, 24)).unwrap();
    t.draw(|f| super::draw::draw(&a, f)).unwrap();
    let buf = t.backend().buffer();
    assert!(buf.content.iter().all(|c| c.fg == ratatui::style::Color::Reset && c.bg == ratatui::style::Color::Reset));
}

#[test]
fn colour_theme_uses_only_the_16_named_colours() {
    let mut a = app(120, 40);
    a.shared.theme = Theme::DARK;
    for view in "12345".chars() {
        keys(&mut a, &view.to_string());
        let mut t = Terminal::new(TestBackend::new(120, 40)).unwrap();
        t.draw(|f| super::draw::draw(&a, f)).unwrap();
        for c in &t.backend().buffer().content {
            for col in [c.fg, c.bg] {
                assert!(!matches!(col, ratatui::style::Color::Rgb(..) | ratatui::style::Color::Indexed(_)), "{col:?}");
            }
        }
    }
}

/// A pile of two stories: the app opens on the Stories list.
fn pile(w: u16, h: u16, theme: Theme) -> App {
    let sources: Vec<parallax::ingest::Source> = super::properties::PILE
        .iter()
        .enumerate()
        .map(|(i, text)| parallax::ingest::Source {
            path: format!("{i}.txt"),
            stem: format!("a{i}"),
            bytes: text.as_bytes().to_vec(),
            truncated_from: None,
        })
        .collect();
    let loaded = parallax::ingest::parse_all(&sources);
    let (keymap, _) = Keymap::new(&Default::default());
    let mut a = App::new(loaded.articles.clone(), theme, keymap, (w, h));
    a.set_analysis(parallax::analyse(loaded));
    a
}

#[test]
fn stories_list() {
    for (w, h) in SIZES {
        for (palette, theme) in THEMES {
            let a = pile(w, h, theme);
            insta::assert_snapshot!(format!("stories_list_{w}x{h}_{palette}"), styled_screen(&a));
        }
    }
}

#[test]
fn a_story_opened_from_the_list() {
    let mut a = pile(80, 24, Theme::MONO);
    keys(&mut a, "j\n");
    insta::assert_snapshot!("stories_open_read_80x24_mono", styled_screen(&a));
    let read = screen(&a);
    assert!(read.contains("Sources (3)") && read.contains("q stories"), "{read}");
    keys(&mut a, "?");
    let help = screen(&a);
    assert!(help.contains("Back to the list of stories"), "{help}");
}
