//! `chronoscope import-article FILE --out SET.json`: imports a plain-text article, prints what
//! it found (quotes with speakers, dates with their phrases) and writes the article set.

use std::fmt::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

use crate::article_import::{
    ArticleImport, ArticleMetadata, MissingField, import_article, parse_published, to_article_set,
};
use crate::builtin::builtin_dataset;
use crate::checks::{ArticleQuote, ChronologyContext, check_article_against};
use crate::cli::check::human_report;
use crate::model::article_set::to_json_pretty;
use crate::model::atomic_write::{refuse_output_among_inputs, write_file_atomically};
use crate::model::json_position::position_of_byte;
use crate::model::load_error::TextPosition;

/// Exit code when something the user must give is missing or malformed.
const EXIT_USAGE: u8 = 2;

/// Options of `import-article`, as given on the command line.
#[derive(Clone, Debug, clap::Args)]
pub struct ImportArticleArgs {
    /// The article as plain text, or a folder of articles (its .txt, .text, .md, .html and
    /// .htm files, sorted by name, sub-folders included but hidden ones).
    pub file: PathBuf,
    /// More articles or folders: all are imported into one set, with a summary table.
    pub more_files: Vec<PathBuf>,
    /// Publication date (YYYY-MM-DD), when the text does not state it (with several files:
    /// for those that state none).
    #[arg(long, value_name = "DATE")]
    pub published: Option<String>,
    /// Name of the outlet (with several files: for those that state none).
    #[arg(long, value_name = "NAME")]
    pub outlet: Option<String>,
    /// Headline (one article only).
    #[arg(long, value_name = "T")]
    pub title: Option<String>,
    /// Where to write the article set.
    #[arg(long, value_name = "SET.json")]
    pub out: PathBuf,
    /// Import quotes and the source only, no proposed events.
    #[arg(long)]
    pub no_events: bool,
}

/// Runs the command; exit 0 on success, 1 when a file cannot be read or written, 2 when the
/// publication date is missing, an option is malformed or `--out` is the article itself.
pub fn run_import_article(options: &ImportArticleArgs) -> ExitCode {
    if super::import_articles::is_batch(options) {
        return super::import_articles::run_import_articles(options);
    }
    let label = options.file.display().to_string();
    let inputs = std::slice::from_ref(&options.file);
    if let Err(message) = refuse_output_among_inputs("import-article", &options.out, inputs) {
        eprintln!("{message}");
        return ExitCode::from(EXIT_USAGE);
    }
    let published = match options
        .published
        .as_deref()
        .map(|text| (text, parse_published(text)))
    {
        Some((text, None)) => {
            eprintln!(
                "--published {text:?}: expected a date as YYYY-MM-DD (for example 2022-03-20)"
            );
            return ExitCode::from(EXIT_USAGE);
        }
        Some((_, date)) => date,
        None => None,
    };
    let bytes = match std::fs::read(&options.file) {
        Ok(bytes) => bytes,
        Err(error) => {
            eprintln!("{label}: cannot read the file: {error}");
            return ExitCode::FAILURE;
        }
    };
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        eprintln!("{label}: the file is UTF-16 text; expected UTF-8 (save it as UTF-8)");
        return ExitCode::FAILURE;
    }
    if let Err(error) = std::str::from_utf8(&bytes) {
        let offset = error.valid_up_to();
        let TextPosition { line, column } = position_of_byte(&bytes, offset);
        eprintln!(
            "{label}:{line}:{column}: warning: byte 0x{:02x} is not UTF-8 text (expected a \
             UTF-8 plain-text article); undecodable bytes are read as U+FFFD",
            bytes.get(offset).copied().unwrap_or_default()
        );
    }
    let text = String::from_utf8_lossy(&bytes);
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    let given = ArticleMetadata {
        published,
        outlet: options.outlet.clone(),
        title: options.title.clone(),
    };
    let import = import_article(text, &given);
    // Standard output carries the report; what went wrong while reading goes beside it.
    for warning in &import.warnings {
        eprintln!("{label}: warning: {warning}");
    }
    print_text(&findings_report(&label, &import));
    if let Some(published) = import.published {
        // Source criticism of the text: phrases that date it otherwise, and its quotes,
        // against the built-in chronology (the one the window opens on).
        let chronology = builtin_dataset()
            .map(|builtin| ChronologyContext::of(&builtin))
            .unwrap_or_default();
        let quotes: Vec<ArticleQuote<'_>> = import
            .quotes
            .iter()
            .map(|quote| ArticleQuote {
                text: &quote.text,
                speaker: &quote.speaker,
            })
            .collect();
        let findings = check_article_against(text, published, Some(&label), &quotes, &chronology);
        print_text(&format!("source criticism:\n{}", human_report(&findings)));
    }
    if import.missing().contains(&MissingField::Published) {
        eprintln!(
            "{label}: the text does not state its publication date; give it with \
             --published YYYY-MM-DD (relative dates such as \"on Saturday\" depend on it)"
        );
        return ExitCode::from(EXIT_USAGE);
    }
    let accepted = vec![!options.no_events; import.proposed_events.len()];
    let set = match to_article_set(&import, &accepted, &label) {
        Ok(set) => set,
        Err(error) => {
            eprintln!("{label}: {error}");
            return ExitCode::FAILURE;
        }
    };
    let out = options.out.display();
    if let Err(error) = write_file_atomically(&options.out, to_json_pretty(&set).as_bytes()) {
        eprintln!("{out}: cannot write: {error}");
        return ExitCode::FAILURE;
    }
    print_text(&format!(
        "{out}: {} events, {} quotes, 1 source\n",
        set.events.len(),
        set.quotes.len()
    ));
    ExitCode::SUCCESS
}

/// Writes to standard output; a closed pipe (`| head`) is not an error worth a panic.
fn print_text(text: &str) {
    use std::io::Write as _;
    let _ = std::io::stdout().lock().write_all(text.as_bytes());
}

/// What the import found, as the lines the command prints.
fn findings_report(label: &str, import: &ArticleImport) -> String {
    let mut report = String::new();
    let or_missing = |value: Option<String>, option: &str| {
        value.unwrap_or_else(|| format!("(not stated; give {option})"))
    };
    let _ = writeln!(report, "{label}");
    let _ = writeln!(
        report,
        "  published: {}",
        or_missing(import.published.map(|d| d.to_string()), "--published")
    );
    let _ = writeln!(
        report,
        "  outlet:    {}",
        or_missing(import.outlet.clone(), "--outlet")
    );
    let _ = writeln!(
        report,
        "  title:     {}",
        or_missing(import.title.clone(), "--title")
    );
    let _ = writeln!(report, "quotes ({}):", import.quotes.len());
    for quote in &import.quotes {
        let role = quote
            .role
            .as_deref()
            .map(|role| format!(", {role}"))
            .unwrap_or_default();
        let _ = writeln!(
            report,
            "  {}{role} [{:?}]: {:?}",
            quote.speaker, quote.attribution, quote.text
        );
    }
    if !import.scare_quotes.is_empty() {
        let words: Vec<&str> = import
            .scare_quotes
            .iter()
            .map(|q| q.text.as_str())
            .collect();
        let _ = writeln!(report, "scare quotes, not imported: {words:?}");
    }
    let _ = writeln!(report, "dates ({}):", import.mentions.len());
    for mention in &import.mentions {
        let end = mention
            .end
            .map(|end| format!("..{}", end.to_iso()))
            .unwrap_or_default();
        let approximate = if mention.approximate {
            " (approximate)"
        } else {
            ""
        };
        let _ = writeln!(
            report,
            "  {:?} -> {}{end}{approximate}",
            mention.phrase,
            mention.date.to_iso()
        );
    }
    let _ = writeln!(
        report,
        "proposed events ({}):",
        import.proposed_events.len()
    );
    for event in &import.proposed_events {
        let _ = writeln!(
            report,
            "  {} [{}] {}",
            event.date.to_iso(),
            event.category.as_str(),
            event.title
        );
    }
    report
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    #[test]
    fn the_report_lists_speakers_and_dates_with_their_phrases() {
        let given = ArticleMetadata {
            published: NaiveDate::from_ymd_opt(2022, 3, 20),
            ..ArticleMetadata::default()
        };
        let import = import_article("\"We go,\" Jane Roe said on Saturday.", &given);
        let report = findings_report("a.txt", &import);
        assert!(
            report.contains("  Jane Roe [SameSentence]: \"We go,\""),
            "{report}"
        );
        assert!(
            report.contains("  \"on Saturday\" -> 2022-03-19"),
            "{report}"
        );
        assert!(
            report.contains("outlet:    (not stated; give --outlet)"),
            "{report}"
        );
    }

    #[test]
    fn published_dates_parse_as_iso_or_as_written() {
        let day = NaiveDate::from_ymd_opt(2022, 3, 20);
        assert_eq!(parse_published("2022-03-20"), day);
        assert_eq!(parse_published("20 March 2022"), day);
        assert_eq!(parse_published("March 20, 2022"), day);
        assert_eq!(parse_published("2022-13-01"), None);
        assert_eq!(parse_published("20 March 2022 and more"), None);
        assert_eq!(parse_published("soon"), None);
    }
}
