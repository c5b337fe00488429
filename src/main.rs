//! The `parallax` command: the terminal app, or `parallax export`.

use std::fmt::Display;
use std::io::{self, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use clap::{Parser, Subcommand, ValueEnum};

use parallax::analysis::{Options, Progress, analyse_with_options};
use parallax::embed::Encoder;
use parallax::export::{self, Format};
use parallax::fetch::{self, feed};
use parallax::ingest::{self, InputError, Plan};
use parallax::warning;

// The terminal app is the binary's, not the library's: the library stays
// the analysis alone, with no terminal code (ARCHITECTURE.md).
mod ui;

/// Read one news story through many sources at once.
#[derive(Parser)]
#[command(version, about, args_conflicts_with_subcommands = true)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    #[command(flatten)]
    inputs: InputArgs,
}

/// What to read and how: the same for the app and for `export`.
#[derive(clap::Args)]
struct InputArgs {
    /// Article files or folders (.txt, .md, .html), links (http, https) and
    /// feeds (RSS, Atom: a link or a file), in any mix; the bundled sample
    /// when none.
    #[arg(value_name = "INPUTS")]
    paths: Vec<PathBuf>,
    #[command(flatten)]
    walk: WalkArgs,
    /// Match on shared words alone, without the bundled sentence model
    /// (faster; finds fewer reworded statements).
    #[arg(long)]
    no_model: bool,
    #[command(flatten)]
    links: LinkArgs,
}

impl InputArgs {
    /// The inputs, and whether the sentence model is asked for.
    fn inputs(self) -> (Inputs, bool) {
        (Inputs { paths: self.paths, walk: self.walk.walk(), links: self.links }, !self.no_model)
    }
}

/// How folders are read.
#[derive(clap::Args, Clone, Copy)]
struct WalkArgs {
    /// Follow symbolic links that lead outside the folders given.
    #[arg(long)]
    follow_links: bool,
    /// Stop with an error past this many folder entries (files and folders).
    #[arg(long, value_name = "N", default_value_t = ingest::walk::MAX_ENTRIES)]
    max_entries: usize,
}

impl WalkArgs {
    fn walk(self) -> ingest::Walk {
        ingest::Walk { follow_links: self.follow_links, max_entries: self.max_entries }
    }
}

#[derive(Subcommand)]
enum Command {
    /// Print the analysis (articles, shared passages, timeline) to stdout.
    Export {
        /// Output format.
        #[arg(long, short, value_enum, default_value_t = FormatArg::Json)]
        format: FormatArg,
        #[command(flatten)]
        inputs: InputArgs,
    },
}

/// How links and feeds are read.
#[derive(clap::Args, Clone)]
struct LinkArgs {
    /// Read links from the page cache only, never the network.
    #[arg(long)]
    offline: bool,
    /// Feeds: only items published within this long (2d, 12h, 1w) or since
    /// this date (2025-11-20).
    #[arg(long, value_name = "WHEN", value_parser = since)]
    since: Option<jiff::Timestamp>,
    /// Feeds: at most this many items from each, newest first (100 when not
    /// given).
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..))]
    max: Option<u32>,
    /// Seconds one link may take, redirects and download included.
    #[arg(long, value_name = "SECONDS", default_value = "20", value_parser = timeout)]
    timeout: Duration,
}

impl LinkArgs {
    fn links(&self, entries: Vec<ingest::Entry>) -> ingest::Links {
        let settings = fetch::Settings { timeout: self.timeout, offline: self.offline, ..fetch::Settings::default() };
        let limits = feed::Limits { since: self.since, max: self.max.map(|max| max as usize) };
        ingest::Links::new(entries, settings, limits)
    }
}

fn since(text: &str) -> Result<jiff::Timestamp, String> {
    feed::since(text, &feed::now())
}

fn timeout(text: &str) -> Result<Duration, String> {
    let seconds: f64 = text.trim().parse().map_err(|_| format!("{text:?} is not a number of seconds"))?;
    if !(seconds > 0.0 && seconds <= 3600.0) {
        return Err("a timeout is more than 0 and at most 3600 seconds".into());
    }
    Ok(Duration::from_secs_f64(seconds))
}

#[derive(Clone, Copy, ValueEnum)]
enum FormatArg {
    Json,
    #[value(alias = "md")]
    Markdown,
}

/// Exit status for a bad invocation (missing path, nothing to read).
const BAD_INVOCATION: u8 = 2;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Some(Command::Export { format, inputs }) => {
            let format = match format {
                FormatArg::Json => Format::Json,
                FormatArg::Markdown => Format::Markdown,
            };
            let (inputs, use_model) = inputs.inputs();
            export_command(&inputs, format, use_model)
        }
        None => {
            let (inputs, use_model) = cli.inputs.inputs();
            tui_command(&inputs, use_model)
        }
    }
}

/// The inputs as the command line gives them, and how to read them.
struct Inputs {
    paths: Vec<PathBuf>,
    walk: ingest::Walk,
    links: LinkArgs,
}

impl Inputs {
    /// The inputs checked: paths that must exist, links that must be
    /// http(s).
    fn plan(&self) -> Result<Plan, InputError> {
        let (paths, entries) = ingest::links::split(&self.paths)?;
        Ok(Plan::with(&paths, self.walk)?.with_links(self.links.links(entries)))
    }
}

fn tui_command(inputs: &Inputs, use_model: bool) -> ExitCode {
    // Drawn into a file or a closed output, the app would run unseen.
    if !io::stdout().is_terminal() {
        say("the terminal app needs a terminal on standard output (`parallax export` writes to files and pipes)");
        return ExitCode::from(BAD_INVOCATION);
    }
    // Bad paths fail here, with a message, before the terminal is touched;
    // the files are read in the background once the app is up.
    let plan = match inputs.plan() {
        Ok(p) => p,
        Err(e) => {
            say(e);
            return ExitCode::from(BAD_INVOCATION);
        }
    };
    match ui::run(plan, use_model) {
        Ok(0) => ExitCode::SUCCESS,
        Ok(code) => ExitCode::from(u8::try_from(code).unwrap_or(1)),
        Err(e) => {
            say(e);
            ExitCode::FAILURE
        }
    }
}

/// Says one line on stderr, `parallax: ` first. A stderr that cannot be
/// written (closed, a full disk) loses the line and nothing else: the exit
/// status still tells what happened (`eprintln!` would panic, exit 101).
fn say(line: impl Display) {
    let _ = writeln!(io::stderr().lock(), "parallax: {line}");
}

/// Loads the articles, reporting skipped inputs and problems on stderr
/// (and what the links came to, when there were any).
fn load(inputs: &Inputs) -> Result<ingest::Loaded, ExitCode> {
    let (loaded, summary) = match inputs.plan().and_then(|plan| plan.load_summed()) {
        Ok(l) => l,
        Err(e) => {
            say(e);
            return Err(ExitCode::from(BAD_INVOCATION));
        }
    };
    let _ = warning::write_lines(&mut io::stderr().lock(), loaded.told());
    if let Some(summary) = summary {
        say(summary);
    }
    if loaded.articles.is_empty() {
        say("no articles to read: every input was skipped");
        return Err(ExitCode::from(BAD_INVOCATION));
    }
    Ok(loaded)
}

fn export_command(inputs: &Inputs, format: Format, use_model: bool) -> ExitCode {
    if stdout_was_closed() {
        say("cannot write output: standard output is closed");
        return ExitCode::FAILURE;
    }
    let loaded = match load(inputs) {
        Ok(l) => l,
        Err(code) => return code,
    };
    let options = Options { encoder: use_model.then(Encoder::with_user_cache), ..Options::default() };
    let mut tenths = 0;
    let analysis = analyse_with_options(loaded, &options, &mut |p| {
        if let Progress::Vectors { done, total } = p {
            say_model_progress(done, total, &mut tenths);
        }
    });
    let _ = warning::write_lines(&mut io::stderr().lock(), analysis.model.warnings());
    let out = export::render(&analysis, format);
    let mut stdout = io::stdout().lock();
    match stdout.write_all(out.as_bytes()).and_then(|_| stdout.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        // A closed pipe (`| head`) is not an error worth a message.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            say(format_args!("cannot write output: {e}"));
            ExitCode::FAILURE
        }
    }
}

/// Texts to read at which the sentence model's progress is told on stderr
/// (a run of a minute or more).
const LONG_MODEL_RUN: usize = 5_000;

/// Tells on stderr, every tenth of a long run, how far the sentence model
/// is (`tenths`: the tenths told so far).
fn say_model_progress(done: usize, total: usize, tenths: &mut usize) {
    let now = done * 10 / total.max(1);
    if total >= LONG_MODEL_RUN && now > *tenths {
        *tenths = now;
        say(format_args!(
            "sentence model: {done} of {total} sentences and clauses read (kept in the vector cache as it goes)"
        ));
    }
}

/// Whether standard output was closed when the program started. Rust's
/// runtime puts /dev/null, opened for reading and writing, in place of a
/// closed descriptor, so writing "succeeds" into nothing; a shell's
/// `>/dev/null` opens it for writing only, and is left alone.
fn stdout_was_closed() -> bool {
    use std::os::fd::AsFd;
    use std::os::unix::fs::{FileTypeExt, MetadataExt};
    let Ok(file) = io::stdout().as_fd().try_clone_to_owned().map(std::fs::File::from) else { return true };
    let (Ok(out), Ok(null)) = (file.metadata(), std::fs::metadata("/dev/null")) else { return false };
    // SAFETY: F_GETFL on a descriptor owned above; no pointers.
    let flags = unsafe { libc::fcntl(std::os::fd::AsRawFd::as_raw_fd(&file), libc::F_GETFL) };
    out.file_type().is_char_device() && out.rdev() == null.rdev() && flags & libc::O_ACCMODE == libc::O_RDWR
}
