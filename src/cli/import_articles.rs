//! `chronoscope import-article DIR --out SET.json` (or several FILEs): imports many articles
//! at once, prints the summary table (file, outlet, date, quotes, events, problems) and writes
//! one article set with every article that could be imported.

use std::fmt::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

use super::import_article::ImportArticleArgs;
use crate::article_import::parse_published;
use crate::loading::article_batch::{
    ArticleBatch, ArticleBatchProgress, BatchOptions, RowOutcome, article_files,
    import_article_batch,
};
use crate::model::article_set::to_json_pretty;
use crate::model::atomic_write::{refuse_output_among_inputs, write_file_atomically};

/// Exit code when something the user must give is missing or malformed.
const EXIT_USAGE: u8 = 2;

/// Whether the arguments ask for a batch: a folder, or more than one file.
pub fn is_batch(options: &ImportArticleArgs) -> bool {
    !options.more_files.is_empty() || options.file.is_dir()
}

/// Runs the batch; exit 0 when every article file was imported, 2 when the only ones left
/// out lack a publication date (give `--published`) or an option is wrong, 1 when a file
/// could not be read or imported or the set cannot be written. The set is written whenever
/// one article was imported.
pub fn run_import_articles(options: &ImportArticleArgs) -> ExitCode {
    // `--text` prints one article's text; several articles need a set to write.
    let Some(out_path) = options.out.as_deref() else {
        eprintln!(
            "import-article: --text reads one article; give --out SET.json to import several"
        );
        return ExitCode::from(2);
    };
    if options.title.is_some() {
        eprintln!(
            "--title names one article; with several files or a folder each article keeps the \
             headline it states (import an article alone to give its title)"
        );
        return ExitCode::from(EXIT_USAGE);
    }
    let fallback_published = match options.published.as_deref() {
        Some(text) => match parse_published(text) {
            Some(date) => Some(date),
            None => {
                eprintln!(
                    "--published {text:?}: expected a date as YYYY-MM-DD (for example 2022-03-20)"
                );
                return ExitCode::from(EXIT_USAGE);
            }
        },
        None => None,
    };
    let mut paths: Vec<PathBuf> = vec![options.file.clone()];
    paths.extend(options.more_files.iter().cloned());
    let (files, _) = article_files(&paths);
    let inputs: Vec<PathBuf> = files.into_iter().map(|(path, _)| path).collect();
    if let Err(message) = refuse_output_among_inputs("import-article", out_path, &inputs) {
        eprintln!("{message}");
        return ExitCode::from(EXIT_USAGE);
    }
    let batch_options = BatchOptions {
        fallback_published,
        fallback_outlet: options.outlet.clone(),
        with_events: !options.no_events,
    };
    let progress = ArticleBatchProgress::default();
    let Some(batch) = import_article_batch(&paths, &batch_options, &progress) else {
        // Nothing cancels the command line's batch.
        return ExitCode::FAILURE;
    };
    print_text(&summary_table(&batch));
    let failed = batch
        .rows
        .iter()
        .any(|row| row.outcome == RowOutcome::Failed);
    let undated = batch
        .rows
        .iter()
        .any(|row| row.outcome == RowOutcome::NeedsPublicationDate);
    if undated {
        eprintln!(
            "some articles state no publication date; give one for them with --published \
             YYYY-MM-DD (articles that state theirs keep it), or import each alone"
        );
    }
    if let Some(error) = &batch.set_error {
        eprintln!("{error}; nothing was written");
        return ExitCode::FAILURE;
    }
    let Some(set) = &batch.set else {
        eprintln!("no article could be imported; nothing was written");
        return if failed {
            ExitCode::FAILURE
        } else {
            ExitCode::from(EXIT_USAGE)
        };
    };
    let out = out_path.display();
    if let Err(error) = write_file_atomically(out_path, to_json_pretty(set).as_bytes()) {
        eprintln!("{out}: cannot write: {error}");
        return ExitCode::FAILURE;
    }
    print_text(&format!(
        "{out}: {} events, {} quotes, {} sources\n",
        set.events.len(),
        set.quotes.len(),
        set.sources.len()
    ));
    if failed {
        ExitCode::FAILURE
    } else if undated {
        ExitCode::from(EXIT_USAGE)
    } else {
        ExitCode::SUCCESS
    }
}

/// Writes to standard output; a closed pipe (`| head`) is not an error worth a panic.
fn print_text(text: &str) {
    use std::io::Write as _;
    let _ = std::io::stdout().lock().write_all(text.as_bytes());
}

/// The summary as the command prints it: a table with one row per file (problems in the last
/// column, "; " between them), then the paths not read and the events merged.
pub fn summary_table(batch: &ArticleBatch) -> String {
    let header = ["file", "outlet", "date", "quotes", "events", "problems"];
    let rows: Vec<[String; 6]> = batch
        .rows
        .iter()
        .map(|row| {
            let imported = row.outcome == RowOutcome::Imported;
            let count = |n: usize| {
                if imported {
                    n.to_string()
                } else {
                    "-".to_owned()
                }
            };
            [
                row.file.clone(),
                row.outlet.clone().unwrap_or_else(|| "-".to_owned()),
                row.published
                    .map_or_else(|| "-".to_owned(), |date| date.to_string()),
                count(row.quotes),
                count(row.events),
                if row.problems.is_empty() {
                    "-".to_owned()
                } else {
                    row.problems.join("; ")
                },
            ]
        })
        .collect();
    let mut widths = header.map(|name| name.chars().count());
    for row in &rows {
        for (width, cell) in widths.iter_mut().zip(row) {
            *width = (*width).max(cell.chars().count());
        }
    }
    let mut table = String::new();
    let mut line = |cells: [&str; 6]| {
        let mut text = String::new();
        for (index, cell) in cells.iter().enumerate() {
            let width = widths[index];
            match index {
                5 => text.push_str(cell),
                3 | 4 => {
                    let _ = write!(text, "{cell:>width$}  ");
                }
                _ => {
                    let _ = write!(text, "{cell:<width$}  ");
                }
            }
        }
        let _ = writeln!(table, "{}", text.trim_end());
    };
    line(header);
    for row in &rows {
        line(row.each_ref().map(String::as_str));
    }
    let _ = writeln!(
        table,
        "{} of {} article files imported into one set ({})",
        batch.imported_count(),
        batch.rows.len(),
        batch.label
    );
    for skipped in &batch.skipped {
        let _ = writeln!(
            table,
            "not read: {}: {}",
            skipped.path.display(),
            skipped.reason
        );
    }
    for merge in &batch.merges {
        let _ = writeln!(table, "merged: {merge}");
    }
    table
}
