//! The command line: open the window (default), `stats`, `validate`, `bench`, `render`,
//! `import-article`, `check` and `synthetic`. Argument parsing and printing only: the work is done by
//! the library's layers below; nothing else imports this module.

pub mod check;
pub mod import_article;
pub mod import_articles;
pub mod merge;
pub mod render;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::app::ChronoscopeApp;
use crate::builtin::add_builtin;
use crate::loading::{add_files, file_label, import_file, labelled_warning};
use crate::model::atomic_write::write_file_atomically;
use crate::model::dataset::Dataset;
use crate::model::load_error::LoadError;
use crate::model::stats::stats_of;

#[derive(Debug, Parser)]
#[command(
    name = "chronoscope",
    version,
    about = "A timeline explorer for news chronologies"
)]
#[command(args_conflicts_with_subcommands = true)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Article sets to open next to the built-in chronology.
    pub files: Vec<PathBuf>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print counts of events, sources, quotes and eras, and the first and last dates.
    Stats {
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
        /// Leave the built-in chronology out.
        #[arg(long)]
        no_builtin: bool,
        files: Vec<PathBuf>,
    },
    /// Check article sets; exit 0 when all are valid, 1 with one line per problem.
    Validate {
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Measure load and frame times on synthetic sets.
    Bench {
        /// Number of events of a synthetic set (repeatable); default 1k, 10k, 100k, 1M.
        #[arg(long = "events")]
        events: Vec<usize>,
        /// Frames timed per view.
        #[arg(long, default_value_t = 100)]
        frames: usize,
        /// Print JSON instead of a table.
        #[arg(long)]
        json: bool,
        /// Time the real window instead (needs a display; Xvfb gives software OpenGL): a scripted
        /// series of zooms and pans over the built-in chronology and each synthetic set
        /// (default 1k and 100k events), at 1600x1000, `--frames` frames each.
        #[arg(long)]
        window: bool,
    },
    /// Write a picture of a time range (title, timeline, legend, source credits) as PNG or SVG.
    Render(render::RenderArgs),
    /// Write a synthetic article set (the bench's data) to a file, to try large sets by hand.
    Synthetic {
        /// Number of events.
        #[arg(long, default_value_t = 100_000)]
        events: usize,
        /// Seed of the generator.
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Where to write the JSON.
        #[arg(long)]
        out: PathBuf,
    },
    /// Import a news article, plain text or a saved web page (or several, or a folder of them,
    /// into one set): quotes with speakers, dates, proposed events.
    ImportArticle(import_article::ImportArticleArgs),
    /// Source criticism: stale phrases, events after their sources, unverified or variant
    /// quotes, single-source events (the built-in chronology without FILE).
    Check(check::CheckArgs),
    /// Merge files into one native article set, as File ▸ Save as does (the built-in
    /// chronology only with --builtin).
    Merge(merge::MergeArgs),
}

/// Runs what the command line asks for: a command, or the window.
pub fn run(cli: Cli) -> ExitCode {
    match cli.command {
        Some(Command::Stats {
            json,
            no_builtin,
            files,
        }) => run_stats(json, no_builtin, &files),
        Some(Command::Validate { files }) => run_validate(&files),
        Some(Command::Bench {
            events,
            frames,
            json,
            window: false,
        }) => run_bench_command(&events, frames, json),
        Some(Command::Bench {
            events,
            frames,
            json,
            window: true,
        }) => run_window_bench(&events, frames, json),
        Some(Command::Synthetic { events, seed, out }) => run_synthetic(events, seed, &out),
        Some(Command::ImportArticle(args)) => import_article::run_import_article(&args),
        Some(Command::Render(args)) => render::run_render(&args),
        Some(Command::Merge(args)) => merge::run_merge(&args),
        Some(Command::Check(args)) => check::run_check(&args),
        None => run_window(&cli.files),
    }
}

/// Opens the window on the built-in chronology and `files`.
fn run_window(files: &[PathBuf]) -> ExitCode {
    let mut messages = Vec::new();
    let mut dataset = Dataset::empty();
    if let Err(error) = add_builtin(&mut dataset) {
        messages.extend(error.lines());
    }
    let (loaded, errors) = add_files(&mut dataset, files);
    messages.extend(errors.iter().flat_map(LoadError::lines));
    for file in &loaded {
        messages.extend(file.warnings.iter().cloned());
    }
    for message in &messages {
        eprintln!("{message}");
    }
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Chronoscope")
            .with_app_id("chronoscope")
            .with_inner_size([1440.0, 880.0])
            .with_min_inner_size([720.0, 480.0]),
        ..Default::default()
    };
    let result = eframe::run_native(
        "Chronoscope",
        options,
        Box::new(move |cc| Ok(Box::new(ChronoscopeApp::new(cc, dataset, messages)))),
    );
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("chronoscope: could not open the window: {error}");
            ExitCode::FAILURE
        }
    }
}

pub fn run_stats(json: bool, no_builtin: bool, files: &[PathBuf]) -> ExitCode {
    let mut dataset = Dataset::empty();
    let mut failed = false;
    if !no_builtin && let Err(error) = add_builtin(&mut dataset) {
        eprintln!("{error}");
        failed = true;
    }
    let (loaded, errors) = add_files(&mut dataset, files);
    for line in errors.iter().flat_map(LoadError::lines) {
        eprintln!("{line}");
        failed = true;
    }
    for file in loaded {
        dataset.warnings.extend(file.warnings);
        if !json {
            println!("{}: {}", file.label, file.report);
            for note in file.report.note_lines() {
                println!("  {note}");
            }
        }
    }
    let stats = stats_of(&dataset);
    if json {
        match serde_json::to_string_pretty(&stats) {
            Ok(text) => println!("{text}"),
            Err(error) => {
                eprintln!("stats: {error}");
                return ExitCode::FAILURE;
            }
        }
    } else {
        println!("events:   {}", stats.events);
        println!("sources:  {}", stats.sources);
        println!("quotes:   {}", stats.quotes);
        println!("eras:     {}", stats.eras);
        println!("first:    {}", stats.first.as_deref().unwrap_or("-"));
        println!("last:     {}", stats.last.as_deref().unwrap_or("-"));
        println!("warnings: {}", stats.warnings.len());
        for warning in &stats.warnings {
            println!("  {warning}");
        }
    }
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

pub fn run_validate(files: &[PathBuf]) -> ExitCode {
    let mut failed = false;
    for path in files {
        match import_file(path) {
            Ok(imported) => {
                let set = imported.set;
                for warning in imported.warnings {
                    eprintln!("warning: {}", labelled_warning(&file_label(path), warning));
                }
                println!(
                    "{}: valid ({} events, {} sources, {} quotes, {} eras)",
                    file_label(path),
                    set.events.len(),
                    set.sources.len(),
                    set.quotes.len(),
                    set.eras.len()
                );
            }
            Err(error) => {
                failed = true;
                for line in error.lines() {
                    eprintln!("{line}");
                }
            }
        }
    }
    if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

pub fn run_bench_command(events: &[usize], frames: usize, json: bool) -> ExitCode {
    let counts = if events.is_empty() {
        &crate::bench::DEFAULT_EVENT_COUNTS[..]
    } else {
        events
    };
    let plan = crate::bench::BenchPlan::full(counts, frames);
    let report = crate::bench::run_bench(&plan, |line| {
        if !json {
            println!("{line}");
        }
    });
    if json {
        match serde_json::to_string(&report) {
            Ok(text) => println!("{text}"),
            Err(error) => {
                eprintln!("bench: {error}");
                return ExitCode::FAILURE;
            }
        }
    }
    ExitCode::SUCCESS
}

/// `bench --window`: opens the window, plays the script over each stage, prints a row per stage.
pub fn run_window_bench(events: &[usize], frames: usize, json: bool) -> ExitCode {
    use crate::app::window_bench::{
        WindowBenchApp, WindowBenchRow, window_bench_options, window_bench_stages,
    };
    let counts = if events.is_empty() {
        &[1_000, 100_000][..]
    } else {
        events
    };
    let stages = match window_bench_stages(counts) {
        Ok(stages) => stages,
        Err(error) => {
            eprintln!("bench: {error}");
            return ExitCode::FAILURE;
        }
    };
    if !json {
        println!("{}", WindowBenchRow::table_header());
    }
    let report = move |row: WindowBenchRow| {
        if json {
            match serde_json::to_string(&row) {
                Ok(text) => println!("{text}"),
                Err(error) => eprintln!("bench: {error}"),
            }
        } else {
            println!("{}", row.table_line());
        }
    };
    let result = eframe::run_native(
        "Chronoscope window bench",
        window_bench_options(),
        Box::new(move |_| {
            Ok(Box::new(WindowBenchApp::new(
                stages,
                frames,
                Box::new(report),
            )))
        }),
    );
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("bench: could not open the window: {error}");
            ExitCode::FAILURE
        }
    }
}

pub fn run_synthetic(events: usize, seed: u64, out: &std::path::Path) -> ExitCode {
    let json = crate::synthetic::synthetic_article_set_json(events, seed);
    match write_file_atomically(out, json.as_bytes()) {
        Ok(()) => {
            println!("{}: {events} events", out.display());
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("{}: cannot write: {error}", out.display());
            ExitCode::FAILURE
        }
    }
}
