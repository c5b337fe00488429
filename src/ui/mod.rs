//! The terminal app: a thin shell over the analysis. One loop blocks on a
//! channel fed by the key reader, the signal handler and the background
//! analysis, turns each message into a state change ([`app`]) and redraws
//! ([`draw`]) only then: no polling, no work while idle.
//!
//! The terminal is restored on every way out: `q`, an error, a panic
//! (ratatui's hook restores it before the message is printed), SIGTERM,
//! SIGHUP and SIGINT. `Ctrl-Z` suspends to the shell and `fg` resumes.

pub mod app;
pub mod compare;
pub mod coverage;
pub mod draw;
pub mod keymap;
pub mod layout;
pub mod read;
pub mod theme;
pub mod timeline;
pub mod wrap;

use std::io::{self, Write};
use std::sync::mpsc;
use std::thread;

use crossterm::event::{self, Event, KeyEvent, KeyEventKind};
use crossterm::terminal::{BeginSynchronizedUpdate, EndSynchronizedUpdate, EnterAlternateScreen};
use ratatui::DefaultTerminal;
use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};

use crate::analysis::{Analysis, Stage, analyse_with};
use crate::config::{self, Config, State};
use crate::ingest::{Loaded, Plan};
use app::{App, View};
use keymap::{Action, Keymap};
use theme::Theme;

/// What wakes the loop.
enum Msg {
    Key(KeyEvent),
    Resize(u16, u16),
    /// Articles read (with what was skipped), and how many files are done.
    Batch(Loaded, usize),
    AllRead,
    Progress(Stage),
    Done(Box<Analysis>),
    Signal(i32),
    Input(String),
}

/// Settings, key map and remembered state, read before the terminal is
/// touched. Warnings are sanitised: paths and config values are untrusted.
pub struct Setup {
    pub theme: Theme,
    pub keymap: Keymap,
    pub default_view: Option<View>,
    pub state: State,
    pub state_dir: Option<std::path::PathBuf>,
    pub warnings: Vec<String>,
}

impl Setup {
    pub fn load() -> Setup {
        let (config, mut warnings) = Config::load(config::config_dir().as_deref());
        let (keymap, kw) = Keymap::new(&config.keys);
        warnings.extend(kw);
        // `Config::parse` has checked the names: each is one of config::VIEWS.
        let default_view = config.default_view.as_deref().and_then(View::from_key);
        let state_dir = config::state_dir();
        let (state, sw) = State::load(state_dir.as_deref());
        warnings.extend(sw);
        let warnings = warnings.into_iter().map(|w| crate::text::sanitize::sanitize(&w).0).collect();
        Setup { theme: Theme::from_env(config.theme.as_deref()), keymap, default_view, state, state_dir, warnings }
    }
}

/// Articles read at first, to show a screen quickly; then batches of this
/// many.
const FIRST_BATCH: usize = 48;
const BATCH: usize = 512;

/// Runs the app on the inputs of `plan` until the user quits. Returns the
/// exit status: 0 on quit, 128 + the signal's number when a signal ended it.
///
/// The first frame is drawn before any file is read; articles are read in
/// the background and appear as they come, then the analysis runs, and the
/// views that need it show its progress until it is done.
pub fn run(plan: Plan) -> io::Result<i32> {
    let mut setup = Setup::load();
    let paths = plan.paths();
    let key = config::set_key(paths.iter().map(|p| (p.as_str(), p.as_str())));
    let (tx, rx) = mpsc::channel::<Msg>();

    // Signals first, so that one arriving during start-up still restores.
    let mut signals = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT])?;
    let handle = signals.handle();
    let stx = tx.clone();
    thread::spawn(move || {
        for s in signals.forever() {
            if stx.send(Msg::Signal(s)).is_err() {
                break;
            }
        }
    });

    let mut terminal = ratatui::try_init()?;
    let size = terminal.size()?;
    let mut app = App::new(Vec::new(), setup.theme, setup.keymap.clone(), (size.width, size.height));
    app.loading = Some((0, plan.len()));
    if let Some(v) = setup.default_view {
        app.set_view(v);
    }
    app.pending_restore = setup.state.sets.get(&key).cloned();
    app.warnings = setup.warnings.clone();

    let itx = tx.clone();
    thread::spawn(move || {
        loop {
            let msg = match event::read() {
                Ok(Event::Key(k)) if k.kind != KeyEventKind::Release => Msg::Key(k),
                Ok(Event::Resize(w, h)) => Msg::Resize(w, h),
                Ok(_) => continue,
                Err(e) => Msg::Input(e.to_string()),
            };
            let stop = matches!(msg, Msg::Input(_));
            if itx.send(msg).is_err() || stop {
                break;
            }
        }
    });
    let atx = tx.clone();
    thread::spawn(move || {
        let mut all = Loaded::default();
        let mut done = 0;
        let files = plan.len();
        // The first batch is small so that something shows at once.
        let result = plan.load_in_batches(FIRST_BATCH, BATCH, |l| {
            done += l.articles.len() + l.skipped.len();
            all.articles.extend(l.articles.iter().cloned());
            all.skipped.extend(l.skipped.iter().cloned());
            let _ = atx.send(Msg::Batch(l, done.min(files)));
        });
        if let Err(e) = result {
            let _ = atx.send(Msg::Input(e.to_string()));
            return;
        }
        let _ = atx.send(Msg::AllRead);
        let analysis = analyse_with(all, &mut |stage| {
            let _ = atx.send(Msg::Progress(stage));
        });
        let _ = atx.send(Msg::Done(Box::new(analysis)));
    });
    drop(tx);

    let outcome = event_loop(&mut terminal, &mut app, &rx);
    handle.close();
    // Remember where the reader was, then give the terminal back.
    if app.loading.is_none() {
        setup.state.remember(&key, app.snapshot());
    }
    let saved = setup.state_dir.as_deref().map(|d| setup.state.save(d));
    ratatui::restore();
    for w in &app.warnings {
        eprintln!("parallax: warning: {w}");
    }
    if let Some(Err(e)) = saved {
        eprintln!("parallax: warning: state not saved: {}", crate::text::sanitize::sanitize(&e).0);
    }
    outcome
}

fn event_loop(terminal: &mut DefaultTerminal, app: &mut App, rx: &mpsc::Receiver<Msg>) -> io::Result<i32> {
    // For the end-to-end test that a panic restores the terminal: the
    // first key press panics when this is set (in test and debug builds).
    let panic_on_key = cfg!(debug_assertions) && std::env::var_os("PARALLAX_TEST_PANIC").is_some();
    render(terminal, app)?;
    loop {
        // Block for one message, then take whatever else is already queued
        // (held keys, progress) before drawing once.
        let Ok(first) = rx.recv() else { return Ok(0) };
        let mut pending = vec![first];
        pending.extend(rx.try_iter());
        for msg in pending {
            match msg {
                Msg::Key(_) if panic_on_key => panic!("test panic requested by PARALLAX_TEST_PANIC"),
                Msg::Key(k) => {
                    if app.input.is_none() && app.keymap.actions(k).contains(&Action::Suspend) {
                        suspend(terminal)?;
                    } else {
                        app.on_key(k);
                    }
                }
                Msg::Resize(w, h) => app.resize(w, h),
                Msg::Batch(l, done) => {
                    // Skipped files and problems with files are worth a warning.
                    for w in &l.skipped {
                        app.warnings.push(crate::text::sanitize::sanitize(w).0);
                    }
                    for a in &l.articles {
                        for w in a.warnings.iter().filter(|w| w.problem) {
                            let line = format!("{}: {w}", a.path);
                            app.warnings.push(crate::text::sanitize::sanitize(&line).0);
                        }
                    }
                    if let Some((_, total)) = app.loading {
                        app.loading = Some((done, total));
                    }
                    app.add_articles(l.articles);
                }
                Msg::AllRead => app.loading_done(),
                Msg::Progress(s) => app.set_progress(s),
                Msg::Done(a) => app.set_analysis(*a),
                Msg::Signal(s) => return Ok(128 + s),
                Msg::Input(e) => return Err(io::Error::other(format!("reading the terminal: {e}"))),
            }
            if app.quit {
                return Ok(0);
            }
        }
        render(terminal, app)?;
    }
}

/// Draws a frame inside a synchronized update, so that slow links never
/// show half a frame.
fn render(terminal: &mut DefaultTerminal, app: &App) -> io::Result<()> {
    let mut out = io::stdout();
    crossterm::queue!(out, BeginSynchronizedUpdate)?;
    terminal.draw(|f| draw::draw(app, f))?;
    crossterm::execute!(out, EndSynchronizedUpdate)?;
    out.flush()
}

/// Gives the terminal back, stops (as Ctrl-Z would in a shell), and takes
/// the terminal again when resumed.
fn suspend(terminal: &mut DefaultTerminal) -> io::Result<()> {
    ratatui::restore();
    // The shell gets its cursor back while we are stopped.
    crossterm::execute!(io::stdout(), crossterm::cursor::Show)?;
    // The whole process group stops, as it would for a Ctrl-Z the terminal
    // delivered itself: a wrapper script or `sh -c` around parallax stops
    // with it, so the shell sees the job stopped and `fg` resumes it.
    // SAFETY: kill(2) with pid 0 has no memory-safety preconditions.
    if unsafe { libc::kill(0, libc::SIGTSTP) } != 0 {
        return Err(io::Error::last_os_error());
    }
    // Execution continues here after `fg`.
    crossterm::terminal::enable_raw_mode()?;
    crossterm::execute!(io::stdout(), EnterAlternateScreen)?;
    // A full redraw. (Not `Terminal::clear`: it asks the terminal where the
    // cursor is, which waits on the event reader the key thread holds.)
    let size = terminal.size()?;
    terminal.resize(ratatui::layout::Rect::new(0, 0, size.width, size.height))
}

#[cfg(test)]
mod snapshots {
    //! Every view drawn into ratatui's `TestBackend` at 80x24 and 120x40.

    use ratatui::Terminal;
    use ratatui::backend::TestBackend;

    use super::app::App;
    use super::keymap::Keymap;
    use super::theme::Theme;
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

    fn app(w: u16, h: u16) -> App {
        let loaded = crate::ingest::load(&[]).unwrap();
        let (keymap, _) = Keymap::new(&Default::default());
        let mut app = App::new(loaded.articles.clone(), Theme { color: false }, keymap, (w, h));
        app.set_analysis(crate::analyse(loaded));
        app
    }

    fn screen(app: &App) -> String {
        let mut t = Terminal::new(TestBackend::new(app.size.0, app.size.1)).unwrap();
        t.draw(|f| super::draw::draw(app, f)).unwrap();
        t.backend().to_string()
    }

    fn keys(app: &mut App, keys: &str) {
        for c in keys.chars() {
            let code = match c {
                '\n' => KeyCode::Enter,
                '\t' => KeyCode::Tab,
                c => KeyCode::Char(c),
            };
            app.on_key(KeyEvent::new(code, KeyModifiers::NONE));
        }
    }

    macro_rules! snap {
        ($name:ident, $keys:expr) => {
            #[test]
            fn $name() {
                for (w, h) in [(80, 24), (120, 40)] {
                    let mut a = app(w, h);
                    keys(&mut a, $keys);
                    insta::assert_snapshot!(format!("{}_{w}x{h}", stringify!($name)), screen(&a));
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
    snap!(coverage_view, "4");
    snap!(coverage_exclusive, "4lle");
    snap!(discrepancies_view, "5");
    snap!(help_overlay, "?");

    #[test]
    fn coverage_counts_the_sources_out_of_view() {
        let texts: Vec<String> = (0..16)
            .map(|i| {
                format!(
                    "Harbour report {i}\n2025-11-20\n\nThe council approved the new harbour budget of 4.2 million euros on Tuesday after a long debate. Reporter {i} noted item {i} alone."
                )
            })
            .collect();
        let sources: Vec<crate::ingest::Source> = texts
            .iter()
            .enumerate()
            .map(|(i, t)| crate::ingest::Source {
                path: format!("{i:02}.txt"),
                stem: format!("{i:02}"),
                bytes: t.as_bytes().to_vec(),
                truncated_from: None,
            })
            .collect();
        let loaded = crate::ingest::parse_all(&sources);
        let (keymap, _) = Keymap::new(&Default::default());
        let mut a = App::new(loaded.articles.clone(), Theme { color: false }, keymap, (80, 24));
        a.set_analysis(crate::analyse(loaded));
        keys(&mut a, "4");
        let s = screen(&a);
        // 10 source columns fit at 80 columns; the 6 others are counted.
        assert!(s.contains("others"), "{s}");
        assert!(s.contains("●     +6│"), "{s}");
    }

    #[test]
    fn too_small_says_so_and_recovers() {
        let mut a = app(60, 20);
        let s = screen(&a);
        assert!(s.contains("Terminal too small") && s.contains("60x20"), "{s}");
        a.resize(80, 24);
        assert!(screen(&a).contains("Sources (5)"));
    }

    #[test]
    fn progress_shows_while_the_analysis_runs() {
        let loaded = crate::ingest::load(&[]).unwrap();
        let (keymap, _) = Keymap::new(&Default::default());
        let mut a = App::new(loaded.articles, Theme { color: false }, keymap, (80, 24));
        a.set_progress(crate::analysis::Stage::Matching);
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
        assert!(
            buf.content.iter().all(|c| c.fg == ratatui::style::Color::Reset && c.bg == ratatui::style::Color::Reset)
        );
    }

    #[test]
    fn colour_theme_uses_only_the_16_named_colours() {
        let mut a = app(120, 40);
        a.theme = Theme { color: true };
        for view in "12345".chars() {
            keys(&mut a, &view.to_string());
            let mut t = Terminal::new(TestBackend::new(120, 40)).unwrap();
            t.draw(|f| super::draw::draw(&a, f)).unwrap();
            for c in &t.backend().buffer().content {
                for col in [c.fg, c.bg] {
                    assert!(
                        !matches!(col, ratatui::style::Color::Rgb(..) | ratatui::style::Color::Indexed(_)),
                        "{col:?}"
                    );
                }
            }
        }
    }
}
