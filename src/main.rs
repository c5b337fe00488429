//! The `parallax` command: the terminal app, or `parallax export`.

use std::fmt::Display;
use std::io::{self, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use parallax::analysis::{Options, analyse_with_options};
use parallax::embed::Encoder;
use parallax::export::{self, Format};
use parallax::ingest;
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
    /// Article files or folders (.txt, .md, .html); the bundled sample when none.
    paths: Vec<PathBuf>,
    #[command(flatten)]
    walk: WalkArgs,
    /// Match on shared words alone: the bundled sentence model does not
    /// read the set in the background.
    #[arg(long)]
    no_model: bool,
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
        /// Article files or folders (.txt, .md, .html); the bundled sample when none.
        paths: Vec<PathBuf>,
        /// Output format.
        #[arg(long, short, value_enum, default_value_t = FormatArg::Json)]
        format: FormatArg,
        #[command(flatten)]
        walk: WalkArgs,
        /// Match on shared words alone, without the bundled sentence model
        /// (faster; finds fewer reworded statements).
        #[arg(long)]
        no_model: bool,
    },
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
        Some(Command::Export { paths, format, walk, no_model }) => {
            let format = match format {
                FormatArg::Json => Format::Json,
                FormatArg::Markdown => Format::Markdown,
            };
            export_command(&paths, walk.walk(), format, !no_model)
        }
        None => tui_command(&cli.paths, cli.walk.walk(), !cli.no_model),
    }
}

fn tui_command(paths: &[PathBuf], walk: ingest::Walk, use_model: bool) -> ExitCode {
    // Drawn into a file or a closed output, the app would run unseen.
    if !io::stdout().is_terminal() {
        say("the terminal app needs a terminal on standard output (`parallax export` writes to files and pipes)");
        return ExitCode::from(BAD_INVOCATION);
    }
    // Bad paths fail here, with a message, before the terminal is touched;
    // the files are read in the background once the app is up.
    let plan = match ingest::Plan::with(paths, walk) {
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

/// Loads the articles, reporting skipped inputs and problems on stderr.
fn load(paths: &[PathBuf], walk: ingest::Walk) -> Result<ingest::Loaded, ExitCode> {
    let loaded = match ingest::Plan::with(paths, walk).and_then(|plan| plan.load()) {
        Ok(l) => l,
        Err(e) => {
            say(e);
            return Err(ExitCode::from(BAD_INVOCATION));
        }
    };
    let _ = warning::write_lines(&mut io::stderr().lock(), loaded.told());
    if loaded.articles.is_empty() {
        say("no articles to read: every input was skipped");
        return Err(ExitCode::from(BAD_INVOCATION));
    }
    Ok(loaded)
}

fn export_command(paths: &[PathBuf], walk: ingest::Walk, format: Format, use_model: bool) -> ExitCode {
    if stdout_was_closed() {
        say("cannot write output: standard output is closed");
        return ExitCode::FAILURE;
    }
    let loaded = match load(paths, walk) {
        Ok(l) => l,
        Err(code) => return code,
    };
    let options = Options { encoder: use_model.then(Encoder::with_user_cache), ..Options::default() };
    let analysis = analyse_with_options(loaded, &options, &mut |_| {});
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
