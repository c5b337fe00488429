//! The terminal app: a thin shell over the analysis. One loop blocks on a
//! channel fed by the key reader, the signal handler and the background
//! analysis, turns each message into a state change ([`app`]) and redraws
//! ([`draw`]) only then: no polling, no work while idle.
//!
//! The terminal is restored on every way out: `q`, an error, a panic
//! (ratatui's hook restores it before the message is printed), SIGTERM,
//! SIGHUP and SIGINT. `Ctrl-Z` suspends to the shell and `fg` resumes.

pub mod anchor;
pub mod app;
#[cfg(test)]
mod contrast;
pub mod draw;
pub mod input;
pub mod keymap;
pub mod layout;
pub mod overlays;
#[cfg(test)]
mod properties;
pub mod shared;
#[cfg(test)]
mod snapshots;
pub mod theme;
pub mod views;
pub mod wrap;

use std::io::{self, Write};
use std::sync::mpsc;
use std::thread;

use crossterm::event::{
    DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture, Event, KeyEvent,
    KeyEventKind, MouseButton, MouseEvent, MouseEventKind,
};
use crossterm::terminal::{BeginSynchronizedUpdate, EndSynchronizedUpdate, EnterAlternateScreen};
use ratatui::DefaultTerminal;
use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM, SIGWINCH};

use parallax::analysis::{Analysis, ModelUse, Options, Progress, Stage, WordsFirst, analyse_from, model_work};
use parallax::config::{self, Config, State};
use parallax::embed::Encoder;
use parallax::ingest::{LinkState, LinkStatus, Loaded, Plan, Step, Summary};
use parallax::warning::{self, Warning};

use app::App;
use keymap::{Action, Keymap};
use theme::Theme;

/// What wakes the loop.
enum Msg {
    Key(KeyEvent),
    Resize(u16, u16),
    /// Text pasted in one piece (bracketed paste).
    Paste(String),
    /// Articles read (with what was skipped), and how many inputs are
    /// done of how many.
    Batch(Loaded, (usize, usize)),
    /// A link moved on (and inputs done of how many).
    Link(LinkStatus, (usize, usize)),
    /// What the links came to.
    Links(Summary),
    AllRead,
    Progress(Stage),
    Done(Box<Analysis>),
    /// The sentence model has encoded this many of so many texts.
    ModelProgress(usize, usize),
    /// The analysis again, with the sentence model on the stories whose
    /// vectors are in; it reads on.
    ModelPartial(Box<Analysis>),
    /// The analysis again, with the sentence model.
    ModelDone(Box<Analysis>),
    Signal(i32),
    Input(String),
    Mouse(shared::Mouse),
}

/// Settings, key map and remembered state, read before the terminal is
/// touched, with what was wrong with them.
pub struct Setup {
    pub theme: Theme,
    pub keymap: Keymap,
    /// The view to open with (an index into [`views::VIEWS`]).
    pub default_view: Option<usize>,
    pub state: State,
    pub state_dir: Option<std::path::PathBuf>,
    pub warnings: Vec<Warning>,
    /// Mouse capture (wheel and clicks); off for those who select text
    /// with the mouse.
    pub mouse: bool,
}

impl Setup {
    pub fn load() -> Setup {
        let config_dir = config::config_dir();
        let (config, mut warnings) = Config::load(config_dir.as_deref());
        let (keymap, kw) = Keymap::new(&config.keys);
        let config_file = config_dir.unwrap_or_default().join("config.toml");
        warnings.extend(kw.into_iter().map(|w| Warning::config(&config_file, w)));
        // `Config::parse` has checked the names: each is one of config::VIEWS.
        let default_view = config.default_view.as_deref().and_then(views::index_of);
        let state_dir = config::state_dir();
        let (state, sw) = State::load(state_dir.as_deref());
        warnings.extend(sw);
        let choice = theme::Choice::from_config(config.theme.as_deref());
        let theme = Theme::choose(choice, Theme::no_color_env(), theme::light_background);
        let mouse = config.mouse.unwrap_or(true);
        Setup { theme, keymap, default_view, state, state_dir, warnings, mouse }
    }
}

/// The exit status when no input could be read (the app closes itself:
/// there is nothing to show but the reasons, which are printed).
pub const NOTHING_READ: i32 = 2;

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
pub fn run(plan: Plan, use_model: bool) -> io::Result<i32> {
    let setup = Setup::load();
    let paths = plan.paths();
    let key = config::set_key(paths.iter().map(|p| (p.as_str(), p.as_str())));
    let (tx, rx) = mpsc::channel::<Msg>();

    // Signals first, so that one arriving during start-up still restores.
    let handle = spawn_signals(tx.clone())?;

    let mut terminal = ratatui::try_init()?;
    take_paste()?;
    if setup.mouse {
        take_mouse()?;
    }
    let size = terminal.size()?;
    let mut app = App::new(Vec::new(), setup.theme, setup.keymap.clone(), (size.width, size.height));
    app.set_loading(Some((0, plan.len())));
    if let Some(v) = setup.default_view {
        app.set_view(v);
    }
    app.pending_restore = setup.state.sets.get(&key).cloned();
    app.warnings = setup.warnings.clone();
    if use_model {
        app.shared.model = shared::ModelStatus::Waiting;
    }

    spawn_input(tx.clone())?;
    spawn_loader(plan, use_model, tx.clone());
    drop(tx);

    let outcome = event_loop(&mut terminal, &mut app, &rx, setup.mouse);
    handle.close();
    // Remember where the reader was, then give the terminal back.
    // Saved into the state file as it is now: other instances may have
    // saved their places since this one started.
    let saved = match (&setup.state_dir, app.loading()) {
        (Some(dir), None) => Some(State::update(dir, &key, app.snapshot())),
        _ => None,
    };
    give_back();
    // Told again now that the screen is gone; a stderr that cannot be
    // written loses them, and nothing else.
    let unsaved = saved.and_then(Result::err);
    let mut stderr = io::stderr().lock();
    let _ = warning::write_lines(&mut stderr, app.warnings.iter().chain(&unsaved));
    if let Some(summary) = &app.links_summary {
        let _ = writeln!(stderr, "parallax: {summary}");
    }
    if matches!(outcome, Ok(NOTHING_READ)) {
        let _ = writeln!(stderr, "parallax: no articles to read: every input was skipped");
    }
    outcome
}

/// Sends SIGTERM, SIGHUP and SIGINT to the loop as messages.
fn spawn_signals(tx: mpsc::Sender<Msg>) -> io::Result<signal_hook::iterator::Handle> {
    let mut signals = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT, SIGWINCH])?;
    let handle = signals.handle();
    thread::spawn(move || {
        for s in signals.forever() {
            // A resize: the terminal's new size (the key reader does not
            // report it, as crossterm's did).
            let msg = match s {
                SIGWINCH => match crossterm::terminal::size() {
                    Ok((w, h)) => Msg::Resize(w, h),
                    Err(_) => continue,
                },
                s => Msg::Signal(s),
            };
            if tx.send(msg).is_err() {
                break;
            }
        }
    });
    Ok(handle)
}

/// Reads the terminal: keys, pastes, the mouse events used. Through
/// `input`, not crossterm's reader: a stray paste start there swallows
/// every key after it.
fn spawn_input(tx: mpsc::Sender<Msg>) -> io::Result<()> {
    let tty = input::terminal()?;
    thread::spawn(move || {
        let error = input::read(&tty, |event| {
            let msg = match event {
                Event::Key(k) if k.kind != KeyEventKind::Release => Msg::Key(k),
                Event::Paste(text) => Msg::Paste(text),
                // Motion and drags are not used: no redraw for them.
                Event::Mouse(m) => match mouse_of(m) {
                    Some(m) => Msg::Mouse(m),
                    None => return true,
                },
                _ => return true,
            };
            tx.send(msg).is_ok()
        });
        let _ = tx.send(Msg::Input(error.to_string()));
    });
    Ok(())
}

/// Inputs done of how many: files by the batch, links as each ends (a
/// feed adds its items).
struct Count {
    done: usize,
    total: usize,
    /// A link has been heard of: batches from now on are links' articles,
    /// counted by their links.
    links: bool,
}

impl Count {
    fn batch(&mut self, loaded: &Loaded) -> (usize, usize) {
        if !self.links {
            self.done += loaded.articles.len() + loaded.skipped.len();
        }
        self.now()
    }

    fn link(&mut self, status: &LinkStatus) -> (usize, usize) {
        self.links = true;
        match status.state {
            LinkState::Feed { items, .. } => {
                self.total += items;
                self.done += 1;
            }
            LinkState::Read { .. } | LinkState::Failed(_) => self.done += 1,
            LinkState::Waiting | LinkState::Fetching => {}
        }
        self.now()
    }

    fn now(&self) -> (usize, usize) {
        (self.done.min(self.total), self.total)
    }
}

/// Reads the articles in batches, then analyses them, sending each step;
/// then, when asked for, analyses them again with the sentence model.
fn spawn_loader(plan: Plan, use_model: bool, tx: mpsc::Sender<Msg>) {
    thread::spawn(move || {
        let mut all = Loaded::default();
        let mut count = Count { done: 0, total: plan.len(), links: false };
        // The first batch is small so that something shows at once.
        let result = plan.load_in_batches(FIRST_BATCH, BATCH, |step| {
            let msg = match step {
                Step::Batch(l) => {
                    all.articles.extend(l.articles.iter().cloned());
                    all.skipped.extend(l.skipped.iter().cloned());
                    let now = count.batch(&l);
                    Msg::Batch(l, now)
                }
                Step::Link(status) => {
                    let now = count.link(&status);
                    Msg::Link(status, now)
                }
                Step::Summary(summary) => Msg::Links(summary),
            };
            let _ = tx.send(msg);
        });
        if let Err(e) = result {
            let _ = tx.send(Msg::Input(e.to_string()));
            return;
        }
        let _ = tx.send(Msg::AllRead);
        // The model's run needs its own copy of the articles, and starts
        // from what the words found.
        let for_model = use_model.then(|| all.clone());
        let mut progress = |p| {
            if let Progress::Stage(stage) = p {
                let _ = tx.send(Msg::Progress(stage));
            }
        };
        let words = WordsFirst::of(&all.articles, &mut progress);
        let words_for_model = use_model.then(|| words.clone());
        let analysis = analyse_from(all, words, &Options::default(), &mut progress);
        let _ = tx.send(Msg::Done(Box::new(analysis)));
        if let (Some(loaded), Some(words)) = (for_model, words_for_model) {
            analyse_with_model(loaded, words, &tx);
        }
    });
}

/// The analysis with the sentence model, sent when done. It runs on a pool
/// of its own at low priority: the model keeps both cores busy for
/// seconds (minutes for a large pile), and keys and frames must not wait
/// on it.
fn analyse_with_model(loaded: Loaded, words: WordsFirst, tx: &mpsc::Sender<Msg>) {
    let pool = rayon::ThreadPoolBuilder::new().start_handler(|_| lower_priority()).build();
    let job = || model_job(loaded, words, tx);
    match pool {
        Ok(pool) => pool.install(job),
        Err(_) => job(),
    }
}

/// Texts in one piece of the model's work at least: a story or a few
/// (a few seconds of the model), cached when done.
const PIECE_TEXTS: usize = 256;

/// Seconds between two analyses sent while the model reads, at least; and
/// at least this many times what the last one took, so that showing
/// progress never costs more than a fraction of the work.
const PARTIAL_EVERY: std::time::Duration = std::time::Duration::from_secs(10);
const PARTIAL_SHARE: u32 = 4;

/// First what the cache has (every story whose vectors are all there gets
/// the model's passages at once: a reopen, or a run cut short), then the
/// rest story by story, each piece cached as it is done, the analysis sent
/// again every little while, and the last analysis when all are in.
fn model_job(loaded: Loaded, words: WordsFirst, tx: &mpsc::Sender<Msg>) {
    let encoder = Encoder::with_user_cache();
    let started = std::time::Instant::now();
    if !encoder.has_cache() {
        return model_done(loaded, words, encoder, tx);
    }
    let cached = analyse_cached(&loaded, &words, &encoder);
    let (waiting, some) = match cached.model {
        ModelUse::Used { waiting, cached, .. } => (waiting, cached > 0),
        _ => (0, false),
    };
    if waiting == 0 {
        let _ = tx.send(Msg::ModelDone(Box::new(cached)));
        return;
    }
    let mut cost = started.elapsed();
    if some {
        let _ = tx.send(Msg::ModelPartial(Box::new(cached)));
    }
    let pieces = model_work(&loaded.articles, &words, &encoder, PIECE_TEXTS);
    let total: usize = pieces.iter().map(Vec::len).sum();
    let (mut done, mut sent) = (0, std::time::Instant::now());
    for piece in &pieces {
        let texts: Vec<&str> = piece.iter().map(String::as_str).collect();
        let mut progress = |d: usize, _: usize| {
            let _ = tx.send(Msg::ModelProgress(done + d, total));
        };
        // A failure is the last analysis's to tell.
        if encoder.encode(&texts, &mut progress).is_err() {
            break;
        }
        done += piece.len();
        if done < total && sent.elapsed() >= PARTIAL_EVERY.max(cost * PARTIAL_SHARE) {
            let start = std::time::Instant::now();
            let _ = tx.send(Msg::ModelPartial(Box::new(analyse_cached(&loaded, &words, &encoder))));
            (cost, sent) = (start.elapsed(), std::time::Instant::now());
        }
    }
    model_done(loaded, words, encoder, tx);
}

/// The analysis with the model, every vector missing computed, sent as the
/// last.
fn model_done(loaded: Loaded, words: WordsFirst, encoder: Encoder, tx: &mpsc::Sender<Msg>) {
    let options = Options { encoder: Some(encoder), ..Options::default() };
    let mut progress = |p| {
        if let Progress::Vectors { done, total } = p {
            let _ = tx.send(Msg::ModelProgress(done, total));
        }
    };
    let analysis = analyse_from(loaded, words, &options, &mut progress);
    let _ = tx.send(Msg::ModelDone(Box::new(analysis)));
}

/// The analysis with the vectors the cache has: the stories it lacks any
/// of stay matched on words alone for now.
fn analyse_cached(loaded: &Loaded, words: &WordsFirst, encoder: &Encoder) -> Analysis {
    let options = Options { encoder: Some(encoder.clone().cache_only()), ..Options::default() };
    analyse_from(loaded.clone(), words.clone(), &options, &mut |_| {})
}

/// Lowers the calling thread's scheduling priority (nice 10; on Linux a
/// thread's own, not the process').
fn lower_priority() {
    // SAFETY: setpriority(2) takes no pointers; failure leaves it as it was.
    unsafe {
        libc::setpriority(libc::PRIO_PROCESS, 0, 10);
    }
}

fn event_loop(terminal: &mut DefaultTerminal, app: &mut App, rx: &mpsc::Receiver<Msg>, mouse: bool) -> io::Result<i32> {
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
                    if app.input.is_none() && app.shared.keymap.actions(k).contains(&Action::Suspend) {
                        suspend(terminal, mouse)?;
                    } else {
                        app.on_key(k);
                    }
                }
                Msg::Resize(w, h) => app.resize(w, h),
                Msg::Paste(text) => app.on_paste(&text),
                Msg::Mouse(m) => app.on_mouse(m),
                Msg::Batch(l, done) => {
                    app.warnings.extend(l.told().cloned());
                    if app.loading().is_some() {
                        app.set_loading(Some(done));
                    }
                    app.add_articles(l.articles);
                }
                Msg::Link(status, done) => {
                    if app.loading().is_some() {
                        app.set_loading(Some(done));
                    }
                    app.link_status(status);
                }
                Msg::Links(summary) => app.links_done(&summary),
                Msg::AllRead => {
                    app.loading_done();
                    if app.articles().is_empty() {
                        return Ok(NOTHING_READ);
                    }
                }
                Msg::Progress(s) => app.set_progress(s),
                Msg::Done(a) => app.set_analysis(*a),
                Msg::ModelProgress(done, total) => app.set_model_progress(done, total),
                Msg::ModelPartial(a) => app.model_partial(*a),
                Msg::ModelDone(a) => app.model_arrived(*a),
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

/// Takes the mouse (crossterm's mouse capture), and makes sure a panic
/// gives it back before ratatui's hook restores the rest of the terminal.
fn take_mouse() -> io::Result<()> {
    crossterm::execute!(io::stdout(), EnableMouseCapture)?;
    let restore = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = crossterm::execute!(io::stdout(), DisableMouseCapture);
        restore(info);
    }));
    Ok(())
}

/// Asks the terminal to mark pasted text (bracketed paste), so that a paste
/// is never read as keys (`App::on_paste`); given back on a panic too.
fn take_paste() -> io::Result<()> {
    crossterm::execute!(io::stdout(), EnableBracketedPaste)?;
    let restore = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = crossterm::execute!(io::stdout(), DisableBracketedPaste);
        restore(info);
    }));
    Ok(())
}

/// Gives the terminal back: the mouse (a no-op when it was not taken),
/// pastes, raw mode, the main screen.
fn give_back() {
    let _ = crossterm::execute!(io::stdout(), DisableMouseCapture, DisableBracketedPaste);
    ratatui::restore();
}

/// The mouse events the app uses: the wheel and a left click.
fn mouse_of(m: MouseEvent) -> Option<shared::Mouse> {
    let kind = match m.kind {
        MouseEventKind::ScrollDown => shared::Pointer::WheelDown,
        MouseEventKind::ScrollUp => shared::Pointer::WheelUp,
        MouseEventKind::Down(MouseButton::Left) => shared::Pointer::Click,
        _ => return None,
    };
    Some(shared::Mouse { kind, column: m.column, row: m.row })
}

/// Gives the terminal back, stops (as Ctrl-Z would in a shell), and takes
/// the terminal again when resumed.
fn suspend(terminal: &mut DefaultTerminal, mouse: bool) -> io::Result<()> {
    give_back();
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
    crossterm::execute!(io::stdout(), EnterAlternateScreen, EnableBracketedPaste)?;
    if mouse {
        crossterm::execute!(io::stdout(), EnableMouseCapture)?;
    }
    // A full redraw. (Not `Terminal::clear`: it asks the terminal where the
    // cursor is, which waits on the event reader the key thread holds.)
    let size = terminal.size()?;
    terminal.resize(ratatui::layout::Rect::new(0, 0, size.width, size.height))
}
