//! Chronoscope: opens the window on the built-in chronology, or runs a command-line tool.

use std::process::ExitCode;

/// Faster than the system allocator for the many small allocations of loading and merging.
#[global_allocator]
static GLOBAL_ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use clap::Parser as _;

use chronoscope::app::ChronoscopeApp;
use chronoscope::builtin::builtin_dataset;
use chronoscope::cli::{
    Cli, Command, add_files, run_bench_command, run_stats, run_synthetic, run_validate,
};
use chronoscope::model::dataset::Dataset;

fn main() -> ExitCode {
    env_logger::init();
    let cli = Cli::parse();
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
        }) => run_bench_command(&events, frames, json),
        Some(Command::Synthetic { events, seed, out }) => run_synthetic(events, seed, &out),
        Some(Command::ImportArticle(args)) => {
            chronoscope::article_import::cli::run_import_article(&args)
        }
        Some(Command::Render(args)) => chronoscope::export::cli::run_render(&args),
        Some(Command::Merge(args)) => chronoscope::merge_command::run_merge(&args),
        None => run_window(&cli.files),
    }
}

fn run_window(files: &[std::path::PathBuf]) -> ExitCode {
    let mut messages = Vec::new();
    let mut dataset = builtin_dataset().unwrap_or_else(|error| {
        messages.extend(error.lines());
        Dataset::empty()
    });
    messages.extend(add_files(&mut dataset, files));
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
