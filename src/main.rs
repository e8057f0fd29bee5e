//! Chronoscope: parses the command line and hands it to the library, which opens the window on
//! the built-in chronology or runs a command-line tool.

use std::process::ExitCode;

use clap::Parser as _;

/// Faster than the system allocator for the many small allocations of loading and merging.
#[global_allocator]
static GLOBAL_ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    env_logger::init();
    chronoscope::cli::run(chronoscope::cli::Cli::parse())
}
