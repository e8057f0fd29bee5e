//! `chronoscope merge FILE… --out SET.json`: merges article sets into one native file, as
//! File ▸ Save as writes what the window has loaded.

use std::path::PathBuf;
use std::process::ExitCode;

use crate::builtin::{BUILTIN_LABEL, add_builtin};
use crate::loading::{add_files, file_label, save_dataset};
use crate::model::atomic_write::refuse_output_among_inputs;
use crate::model::dataset::Dataset;
use crate::model::load_error::LoadError;

/// Exit code of a usage error: `--out` is one of the input files.
const EXIT_USAGE: u8 = 2;

/// The options of `chronoscope merge`.
#[derive(Clone, Debug, clap::Args)]
pub struct MergeArgs {
    /// Article sets to merge, in this order (any format `stats` reads).
    #[arg(required_unless_present = "builtin")]
    pub files: Vec<PathBuf>,
    /// Merge the built-in chronology too, first, as the window has it loaded.
    #[arg(long)]
    pub builtin: bool,
    /// Where to write the merged article set (native JSON).
    #[arg(long, value_name = "SET.json")]
    pub out: PathBuf,
}

/// Runs the command: one line per merged file on stdout, warnings and errors on stderr; exit 0
/// when written, 1 when a file does not load or the output cannot be written (nothing is
/// written then), 2 when `--out` is one of the files.
pub fn run_merge(args: &MergeArgs) -> ExitCode {
    if let Err(message) = refuse_output_among_inputs("merge", &args.out, &args.files) {
        eprintln!("{message}");
        return ExitCode::from(EXIT_USAGE);
    }
    let out = file_label(&args.out);
    let mut dataset = Dataset::empty();
    let mut failed = false;
    if args.builtin {
        match add_builtin(&mut dataset) {
            Ok(report) => println!("{BUILTIN_LABEL}: {report}"),
            Err(error) => {
                failed = true;
                for line in error.lines() {
                    eprintln!("{line}");
                }
            }
        }
    }
    let (loaded, errors) = add_files(&mut dataset, &args.files);
    for line in errors.iter().flat_map(LoadError::lines) {
        failed = true;
        eprintln!("{line}");
    }
    for file in loaded {
        println!("{}: {}", file.label, file.report);
        for note in file.report.note_lines() {
            println!("  {note}");
        }
        for warning in file.warnings {
            eprintln!("warning: {warning}");
        }
    }
    // What the merge itself found (references that do not resolve).
    for warning in &dataset.warnings {
        eprintln!("warning: {warning}");
    }
    if failed {
        eprintln!("{out}: not written, as not every file loaded");
        return ExitCode::FAILURE;
    }
    match save_dataset(&dataset, &args.out) {
        Ok(saved) => {
            println!(
                "{out}: {} events, {} sources, {} quotes, {} eras",
                saved.events, saved.sources, saved.quotes, saved.eras
            );
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("{out}: cannot write: {error}");
            ExitCode::FAILURE
        }
    }
}
