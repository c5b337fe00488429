//! The `parallax` command: the terminal app, or `parallax export`.

use std::fmt::Display;
use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

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
        Some(Command::Export { paths, format }) => {
            let format = match format {
                FormatArg::Json => Format::Json,
                FormatArg::Markdown => Format::Markdown,
            };
            export_command(&paths, format)
        }
        None => tui_command(&cli.paths),
    }
}

fn tui_command(paths: &[PathBuf]) -> ExitCode {
    // Bad paths fail here, with a message, before the terminal is touched;
    // the files are read in the background once the app is up.
    let plan = match ingest::Plan::new(paths) {
        Ok(p) => p,
        Err(e) => {
            say(e);
            return ExitCode::from(BAD_INVOCATION);
        }
    };
    match ui::run(plan) {
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
fn load(paths: &[PathBuf]) -> Result<ingest::Loaded, ExitCode> {
    let loaded = match ingest::load(paths) {
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

fn export_command(paths: &[PathBuf], format: Format) -> ExitCode {
    let loaded = match load(paths) {
        Ok(l) => l,
        Err(code) => return code,
    };
    let analysis = parallax::analyse(loaded);
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
