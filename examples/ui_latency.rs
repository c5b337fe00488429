//! Terminal-app latency on a generated corpus, drawn into ratatui's
//! TestBackend (terminal output excluded): time to the first frame, and
//! keypress to redrawn frame at 200x60 in every view.
//!
//! `cargo run --release --example ui_latency -- 5000`

#[path = "../benches/support/corpus.rs"]
mod corpus;

// The terminal app is the binary's module; measured here as the binary
// builds it.
#[allow(dead_code, reason = "the example drives only part of the terminal app")]
#[path = "../src/ui/mod.rs"]
mod ui;

use std::time::{Duration, Instant};

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use parallax::ingest::{Ids, Source, parse_batch};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ui::app::App;
use ui::keymap::Keymap;
use ui::theme::Theme;

fn main() {
    let n: usize = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(5000);
    let sources: Vec<Source> = corpus::generate(n, 10, 700, 42)
        .into_iter()
        .map(|(name, text)| Source { path: name.clone(), stem: name, bytes: text.into_bytes(), truncated_from: None })
        .collect();
    let (w, h) = (200u16, 60u16);
    let mut term = Terminal::new(TestBackend::new(w, h)).unwrap();
    let (keymap, _) = Keymap::new(&Default::default());

    // First frame: the app reads a first small batch, then draws.
    let t0 = Instant::now();
    let mut ids = Ids::default();
    let first = parse_batch(&sources[..48.min(n)], &mut ids);
    let mut app = App::new(Vec::new(), Theme::DARK, keymap, (w, h));
    app.set_loading(Some((first.articles.len(), n)));
    app.add_articles(first.articles);
    term.draw(|f| ui::draw::draw(&app, f)).unwrap();
    println!(
        "{n} articles: first frame after {:.1} ms (first {} articles read)",
        t0.elapsed().as_secs_f64() * 1e3,
        48.min(n)
    );

    // The rest, and the analysis (in the app this runs in the background).
    let t1 = Instant::now();
    let rest = parse_batch(&sources[48.min(n)..], &mut ids);
    let mut all = parse_batch(&sources[..0], &mut Ids::default());
    all.articles = app.articles().to_vec();
    all.articles.extend(rest.articles);
    let analysis = parallax::analyse(all);
    println!("reading the rest and analysing: {:.0} ms (in the background)", t1.elapsed().as_secs_f64() * 1e3);
    app.loading_done();
    app.set_analysis(analysis);

    // Every view and overlay, the drill-downs and back (Enter, Esc), the
    // shared-line list, both articles from Compare, search, the list
    // toggle, paging.
    let keys = "jjjGgj\t jjs\r]][\r\r\x1b\x1b2nnnp\r\x1bcjjlG\x1bzz3jjjjjGg\r\r\x1b\x1b4jjlle\x1b\r\x1b5jj\r\x1b?\x1b/Kremlin\rnnN1jj";
    let mut times: Vec<(String, Duration)> = Vec::new();
    for (i, c) in keys.chars().enumerate() {
        let code = match c {
            '\t' => KeyCode::Tab,
            '\r' => KeyCode::Enter,
            '\x1b' => KeyCode::Esc,
            c => KeyCode::Char(c),
        };
        let t = Instant::now();
        app.on_key(KeyEvent::new(code, KeyModifiers::NONE));
        term.draw(|f| ui::draw::draw(&app, f)).unwrap();
        times.push((format!("{c:?} (key {i}, {})", ui::views::VIEWS[app.current].name), t.elapsed()));
    }
    // The mouse wheel over the view, and a resize.
    for (what, event) in [("wheel", 0), ("wheel", 0), ("resize", 1)] {
        let t = Instant::now();
        if event == 0 {
            app.on_mouse(ui::shared::Mouse { kind: ui::shared::Pointer::WheelDown, column: 100, row: 20 });
        } else {
            app.resize(120, 40);
            term.resize(ratatui::layout::Rect::new(0, 0, 120, 40)).unwrap();
        }
        term.draw(|f| ui::draw::draw(&app, f)).unwrap();
        times.push((what.to_string(), t.elapsed()));
    }
    let mut sorted: Vec<Duration> = times.iter().map(|t| t.1).collect();
    sorted.sort();
    println!(
        "keypress to redrawn frame at {w}x{h}, {} events over all views: median {:.2} ms, 90th {:.2} ms, max {:.2} ms",
        times.len(),
        sorted[sorted.len() / 2].as_secs_f64() * 1e3,
        sorted[sorted.len() * 9 / 10].as_secs_f64() * 1e3,
        sorted.last().map_or(0.0, |d| d.as_secs_f64() * 1e3),
    );
    times.sort_by_key(|t| std::cmp::Reverse(t.1));
    for (what, d) in times.iter().take(6) {
        println!("  {:>7.2} ms  {what}", d.as_secs_f64() * 1e3);
    }
}
