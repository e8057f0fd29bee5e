//! The command line: open the window (default), `stats`, `validate` and `bench`.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::builtin::add_builtin;
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
    },
    /// Write a picture of a time range (title, timeline, legend, source credits) as PNG or SVG.
    Render(crate::export::cli::RenderArgs),
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
    /// Import a plain-text news article: quotes with speakers, dates, proposed events.
    ImportArticle(crate::article_import::cli::ImportArticleArgs),
}

/// The label a file carries in messages and provenance.
pub fn file_label(path: &std::path::Path) -> String {
    path.display().to_string()
}

/// Reads and loads one file (refusing files too large for memory).
pub fn load_file(
    path: &std::path::Path,
) -> Result<(crate::model::article_set::ArticleSet, Vec<String>), LoadError> {
    let label = file_label(path);
    let progress = crate::load_job::LoadProgress::default();
    let bytes = crate::load_job::read_file_with_progress(path, &label, &progress)?;
    import_file_bytes(&label, &bytes)
}

/// Turns the bytes of a file into an article set, with warnings.
pub fn import_file_bytes(
    label: &str,
    bytes: &[u8],
) -> Result<(crate::model::article_set::ArticleSet, Vec<String>), LoadError> {
    crate::import::import_bytes(label, bytes).map(|imported| (imported.set, imported.warnings))
}

/// Adds every file to `dataset`; returns the messages of files that did not load (and warnings).
pub fn add_files(dataset: &mut Dataset, files: &[PathBuf]) -> Vec<String> {
    let mut messages = Vec::new();
    for path in files {
        match load_file(path) {
            Ok((set, warnings)) => {
                dataset.add_article_set(&file_label(path), set);
                messages.extend(warnings.into_iter().map(|w| labelled_warning(path, w)));
            }
            Err(error) => messages.extend(error.lines()),
        }
    }
    messages
}

/// A warning that names its file once: importers already start theirs with the file name.
fn labelled_warning(path: &std::path::Path, warning: String) -> String {
    let label = file_label(path);
    if warning.starts_with(&label) {
        warning
    } else {
        format!("{label}: {warning}")
    }
}

pub fn run_stats(json: bool, no_builtin: bool, files: &[PathBuf]) -> ExitCode {
    let mut dataset = Dataset::empty();
    let mut failed = false;
    if !no_builtin && let Err(error) = add_builtin(&mut dataset) {
        eprintln!("{error}");
        failed = true;
    }
    for path in files {
        match load_file(path) {
            Ok((set, warnings)) => {
                dataset.add_article_set(&file_label(path), set);
                dataset
                    .warnings
                    .extend(warnings.into_iter().map(|w| labelled_warning(path, w)));
            }
            Err(error) => {
                for line in error.lines() {
                    eprintln!("{line}");
                }
                failed = true;
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
        match load_file(path) {
            Ok((set, warnings)) => {
                for warning in warnings {
                    eprintln!("warning: {}", labelled_warning(path, warning));
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

pub fn run_synthetic(events: usize, seed: u64, out: &std::path::Path) -> ExitCode {
    let json = crate::synthetic::synthetic_article_set_json(events, seed);
    match std::fs::write(out, json) {
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
