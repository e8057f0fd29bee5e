//! `chronoscope import-article FILE --out SET.json`: imports an article (plain text or a saved
//! web page), prints what it found (quotes with speakers, dates with their phrases) and writes
//! the article set; `--text` prints the article's text as it was read.

use std::fmt::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

use crate::article_import::{
    ArticleImport, ArticleMetadata, DocumentKind, MissingField, import_document, parse_published,
    read_article_document, to_article_set,
};
use crate::builtin::builtin_dataset;
use crate::checks::{ArticleQuote, ChronologyContext, check_article_against};
use crate::cli::check::human_report;
use crate::model::article_set::to_json_pretty;
use crate::model::atomic_write::{refuse_output_among_inputs, write_file_atomically};

/// Exit code when something the user must give is missing or malformed.
const EXIT_USAGE: u8 = 2;

/// Options of `import-article`, as given on the command line.
#[derive(Clone, Debug, clap::Args)]
pub struct ImportArticleArgs {
    /// The article as plain text (UTF-8) or a saved web page (.html, .htm), or a folder of
    /// articles (its .txt, .text, .md, .html and .htm files, sorted by name, sub-folders
    /// included but hidden ones).
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
    #[arg(long, value_name = "SET.json", required_unless_present = "text")]
    pub out: Option<PathBuf>,
    /// Print the article's text as it was read (a web page's article without its menus, ads
    /// and comments) and nothing else; no set is written.
    #[arg(long, conflicts_with = "out")]
    pub text: bool,
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
    if let Some(out) = &options.out
        && let Err(message) = refuse_output_among_inputs("import-article", out, inputs)
    {
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
    let document = match read_article_document(&bytes, &label) {
        Ok(document) => document,
        Err(error) => {
            for line in error.lines() {
                eprintln!("{line}");
            }
            return ExitCode::FAILURE;
        }
    };
    if options.text {
        let mut text = document.text;
        text.push('\n');
        print_text(&text);
        return ExitCode::SUCCESS;
    }
    let text = document.text.as_str();
    let given = ArticleMetadata {
        published,
        outlet: options.outlet.clone(),
        title: options.title.clone(),
    };
    let import = import_document(&document, &given);
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
        let quotes = ArticleQuote::all_of(&import);
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
    let Some(out_path) = &options.out else {
        return ExitCode::SUCCESS;
    };
    let accepted = vec![!options.no_events; import.proposed_events.len()];
    let set = match to_article_set(&import, &accepted, &label) {
        Ok(set) => set,
        Err(error) => {
            eprintln!("{label}: {error}");
            return ExitCode::FAILURE;
        }
    };
    let out = out_path.display();
    if let Err(error) = write_file_atomically(out_path, to_json_pretty(&set).as_bytes()) {
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
    let page = &import.found_in_page;
    let from_page = |found: bool| if found { " (from the page)" } else { "" };
    let _ = writeln!(report, "{label}");
    let _ = writeln!(
        report,
        "  published: {}{}",
        or_missing(import.published.map(|d| d.to_string()), "--published"),
        from_page(import.published.is_some() && import.published == page.published)
    );
    let _ = writeln!(
        report,
        "  outlet:    {}{}",
        or_missing(import.outlet.clone(), "--outlet"),
        from_page(import.outlet.is_some() && import.outlet == page.outlet)
    );
    let _ = writeln!(
        report,
        "  title:     {}{}",
        or_missing(import.title.clone(), "--title"),
        from_page(import.title.is_some() && import.title == page.title)
    );
    if import.document_kind == DocumentKind::HtmlPage {
        let optional = |value: &Option<String>| value.clone().unwrap_or_else(|| "-".to_owned());
        let _ = writeln!(report, "  byline:    {}", optional(&page.byline));
        let _ = writeln!(report, "  url:       {}", optional(&page.url));
        let _ = writeln!(report, "  language:  {}", optional(&page.language));
    }
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
    use crate::article_import::import_article;
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
