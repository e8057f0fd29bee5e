//! `chronoscope check [FILE…] [--published DATE] [--json]`: source criticism of article sets,
//! TimelineJS and CSV files (loaded and merged as `stats` does) and plain-text articles (their
//! stale phrases, against the publication date they state or `--published`). Without FILE, the
//! built-in chronology is checked.

use std::fmt::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

use chrono::NaiveDate;

use crate::article_import::{ArticleMetadata, import_article, parse_published};
use crate::builtin::builtin_dataset;
use crate::checks::{
    ArticleQuote, ChronologyContext, Finding, FindingKind, check_article_against, check_dataset,
    findings_json,
};
use crate::import::{detect_format, import_bytes};
use crate::loading::{
    LoadProgress, ReadError, file_label, merge_imported, read_file_with_progress,
};
use crate::model::dataset::Dataset;
use crate::model::load_error::LoadError;

/// Exit code when an option is malformed or an article's publication date is missing.
const EXIT_USAGE: u8 = 2;

/// Options of `check`, as given on the command line.
#[derive(Clone, Debug, clap::Args)]
pub struct CheckArgs {
    /// Article sets, TimelineJS or CSV files, or plain-text articles; none: the built-in chronology.
    pub files: Vec<PathBuf>,
    /// Publication date (YYYY-MM-DD) of plain-text articles that do not state it.
    #[arg(long, value_name = "DATE")]
    pub published: Option<String>,
    /// Print `{"findings":[…]}` instead of lines.
    #[arg(long)]
    pub json: bool,
}

/// What one file turned out to be.
enum Input {
    /// A file of a data format, imported and merged into the dataset.
    Data,
    /// A plain-text article, checked once every data file is loaded.
    Article(ArticleToCheck),
}

/// A plain-text article, its publication date and its quotes.
struct ArticleToCheck {
    label: String,
    text: String,
    published: NaiveDate,
    quotes: Vec<(String, String)>,
}

/// Runs the command: exit 0 whether or not something was found, 1 when a file cannot be read
/// (named on standard error), 2 on a malformed `--published` or an article without a date.
pub fn run_check(options: &CheckArgs) -> ExitCode {
    let published = match options.published.as_deref() {
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
    let mut findings = Vec::new();
    let mut articles = Vec::new();
    let mut failed = false;
    let mut usage = false;
    let mut dataset = Dataset::empty();
    let mut has_data = false;
    if options.files.is_empty() {
        match builtin_dataset() {
            Ok(builtin) => {
                dataset = builtin;
                has_data = true;
            }
            Err(error) => {
                error.lines().iter().for_each(|line| eprintln!("{line}"));
                failed = true;
            }
        }
    }
    for path in &options.files {
        let label = file_label(path);
        match check_input(&mut dataset, path, &label, published) {
            Ok(Input::Data) => has_data = true,
            Ok(Input::Article(article)) => articles.push(article),
            Err(CheckInputError::Unreadable(error)) => {
                error.lines().iter().for_each(|line| eprintln!("{line}"));
                failed = true;
            }
            Err(CheckInputError::NoPublicationDate) => {
                eprintln!(
                    "{label}: the text does not state its publication date; give it with \
                     --published YYYY-MM-DD (stale phrases are read against it)"
                );
                usage = true;
            }
        }
    }
    if !articles.is_empty() {
        // Articles are read against the chronology loaded beside them, else the built-in one.
        let chronology = if has_data {
            ChronologyContext::of(&dataset)
        } else {
            builtin_dataset()
                .map(|builtin| ChronologyContext::of(&builtin))
                .unwrap_or_default()
        };
        for article in &articles {
            let quotes: Vec<ArticleQuote<'_>> = article
                .quotes
                .iter()
                .map(|(text, speaker)| ArticleQuote { text, speaker })
                .collect();
            findings.extend(check_article_against(
                &article.text,
                article.published,
                Some(&article.label),
                &quotes,
                &chronology,
            ));
        }
    }
    if has_data {
        findings.extend(check_dataset(&dataset));
    }
    let report = if options.json {
        format!("{}\n", findings_json(&findings))
    } else {
        human_report(&findings)
    };
    print_text(&report);
    if failed {
        ExitCode::FAILURE
    } else if usage {
        ExitCode::from(EXIT_USAGE)
    } else {
        ExitCode::SUCCESS
    }
}

enum CheckInputError {
    Unreadable(LoadError),
    NoPublicationDate,
}

/// Reads one file: a data file is merged into `dataset`; a plain-text article is kept to check.
fn check_input(
    dataset: &mut Dataset,
    path: &std::path::Path,
    label: &str,
    published: Option<NaiveDate>,
) -> Result<Input, CheckInputError> {
    let bytes = match read_file_with_progress(path, label, &LoadProgress::default()) {
        Ok(bytes) => bytes,
        Err(ReadError::Failed(error)) => return Err(CheckInputError::Unreadable(error)),
        Err(ReadError::Cancelled) => {
            return Err(CheckInputError::Unreadable(LoadError::single(
                label,
                crate::model::load_error::Problem::new("reading was cancelled"),
            )));
        }
    };
    if let Some(text) = article_text(&bytes) {
        let given = ArticleMetadata {
            published,
            ..ArticleMetadata::default()
        };
        let import = import_article(text, &given);
        let published = import.published.ok_or(CheckInputError::NoPublicationDate)?;
        return Ok(Input::Article(ArticleToCheck {
            label: label.to_owned(),
            text: text.to_owned(),
            published,
            quotes: import
                .quotes
                .into_iter()
                .map(|quote| (quote.text, quote.speaker))
                .collect(),
        }));
    }
    let imported = import_bytes(label, &bytes).map_err(CheckInputError::Unreadable)?;
    let loaded = merge_imported(dataset, label.to_owned(), imported);
    for warning in &loaded.warnings {
        eprintln!("warning: {warning}");
    }
    Ok(Input::Data)
}

/// The text of a plain-text article: UTF-8 text, not empty, of no data format and not JSON.
/// Anything else goes to the importers, which say what is wrong with it.
fn article_text(bytes: &[u8]) -> Option<&str> {
    if detect_format(bytes).is_some() || bytes.contains(&0) {
        return None;
    }
    let text = std::str::from_utf8(bytes).ok()?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let first = text.trim_start().chars().next()?;
    (!matches!(first, '{' | '[')).then_some(text)
}

/// One block per finding, then a count by kind.
pub fn human_report(findings: &[Finding]) -> String {
    let mut report = String::new();
    for finding in findings {
        let file = finding
            .file
            .as_deref()
            .map(|file| format!("{file}: "))
            .unwrap_or_default();
        let _ = writeln!(
            report,
            "{file}{}: {}",
            finding.kind.as_str(),
            finding.message
        );
        if let Some(implied) = finding.implied {
            let _ = writeln!(
                report,
                "  implied: {} .. {}",
                implied.from.format("%Y-%m-%d"),
                implied.to.format("%Y-%m-%d")
            );
        }
        if let Some(item) = &finding.item {
            let _ = writeln!(report, "  item: {item}");
        }
    }
    let counts: Vec<String> = FindingKind::ALL
        .iter()
        .filter_map(|kind| {
            let count = findings.iter().filter(|f| f.kind == *kind).count();
            (count > 0).then(|| format!("{count} {}", kind.as_str()))
        })
        .collect();
    match findings.len() {
        0 => report.push_str("no findings\n"),
        1 => report.push_str(&format!("1 finding ({})\n", counts.join(", "))),
        n => report.push_str(&format!("{n} findings ({})\n", counts.join(", "))),
    }
    report
}

/// Writes to standard output; a closed pipe (`| head`) is not an error worth a panic.
fn print_text(text: &str) {
    use std::io::Write as _;
    let _ = std::io::stdout().lock().write_all(text.as_bytes());
}
