//! Reading one news article file into its text and the metadata the file itself states: the
//! one place every article import (the batch, and later the single import and HTML pages)
//! turns a file's bytes into text, so that a new kind of file is supported everywhere at once.

use std::path::{Path, PathBuf};

use crate::article_import::ArticleMetadata;
use crate::article_import::html_page::{
    has_html_extension, looks_like_html, read_article_document,
};
use crate::model::json_position::position_of_byte;

use super::read::{LoadProgress, ReadError, human_bytes, read_file_with_progress};

/// The file name endings a folder's article files have (compared without case). Files given
/// one by one are read whatever they are called.
pub const ARTICLE_EXTENSIONS: [&str; 5] = ["txt", "text", "md", "html", "htm"];

/// Article files larger than this are not read: a news article is a few dozen kilobytes, and a
/// saved web page a few megabytes; the text import itself reads at most
/// [`crate::article_import::MAX_ARTICLE_BYTES`] of text.
pub const MAX_ARTICLE_FILE_BYTES: u64 = 32 << 20;

/// An article file, read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ArticleDocument {
    /// The article as plain text (a byte-order mark dropped).
    pub text: String,
    /// What the file states besides its text (a web page's publication date, outlet and
    /// headline); empty for plain text, whose metadata is found in the text by the import.
    pub found: ArticleMetadata,
}

/// Why an article file gave no text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ArticleFileError {
    /// What is wrong, for a user: "is empty", "is not UTF-8 text at line 2, column 9 …".
    Unusable(String),
    /// The read was cancelled.
    Cancelled,
}

/// Whether a file name ends in one of [`ARTICLE_EXTENSIONS`].
pub fn has_article_extension(path: &Path) -> bool {
    path.extension()
        .and_then(|extension| extension.to_str())
        .is_some_and(|extension| {
            ARTICLE_EXTENSIONS
                .iter()
                .any(|known| known.eq_ignore_ascii_case(extension))
        })
}

/// How much of a dropped `.txt` file is looked at to tell a CSV from an article.
const SNIFF_BYTES: u64 = 8 * 1024;

/// Splits dropped paths into data files (article sets, TimelineJS, CSV: added as before) and
/// articles (folders, and files with an article extension whose start is not a known data
/// format, since a CSV may be saved as `.txt`), each in the order given.
pub fn split_dropped_paths(paths: Vec<PathBuf>) -> (Vec<PathBuf>, Vec<PathBuf>) {
    paths.into_iter().partition(|path| {
        !(path.is_dir() || (has_article_extension(path) && !starts_as_data(path)))
    })
}

/// Whether the start of a file reads as an article set, TimelineJS file or events CSV.
fn starts_as_data(path: &Path) -> bool {
    use std::io::Read as _;
    let Ok(file) = std::fs::File::open(path) else {
        return false;
    };
    let mut start = Vec::new();
    if file.take(SNIFF_BYTES).read_to_end(&mut start).is_err() {
        return false;
    }
    // Cut inside a character: what comes before it.
    if let Err(error) = std::str::from_utf8(&start) {
        start.truncate(error.valid_up_to());
    }
    crate::import::detect_format(&start).is_some()
}

/// Reads an article file: refuses what is not a regular file, is over
/// [`MAX_ARTICLE_FILE_BYTES`] or cannot fit in memory, then decodes it with
/// [`decode_article_bytes`]. Stops when `progress` is cancelled.
pub fn read_article_file(
    path: &Path,
    label: &str,
    progress: &LoadProgress,
) -> Result<ArticleDocument, ArticleFileError> {
    let unusable = |message: String| ArticleFileError::Unusable(message);
    let metadata =
        std::fs::metadata(path).map_err(|error| unusable(format!("cannot be read: {error}")))?;
    if !metadata.is_file() {
        return Err(unusable("is not a regular file".to_owned()));
    }
    if metadata.len() > MAX_ARTICLE_FILE_BYTES {
        return Err(unusable(format!(
            "is {} — larger than the {} an article file may be; not read",
            human_bytes(metadata.len()),
            human_bytes(MAX_ARTICLE_FILE_BYTES)
        )));
    }
    let bytes = match read_file_with_progress(path, label, progress) {
        Ok(bytes) => bytes,
        Err(ReadError::Cancelled) => return Err(ArticleFileError::Cancelled),
        Err(ReadError::Failed(error)) => {
            let message = error
                .problems
                .first()
                .map_or_else(|| "cannot be read".to_owned(), |p| p.message.clone());
            return Err(unusable(message));
        }
    };
    decode_article_bytes(bytes, label).map_err(unusable)
}

/// An article file's bytes as text and stated metadata, or why they are not an article.
/// UTF-8 text, a Markdown file's heading marks dropped; a saved web page (by its name or its
/// content) is read for its article and the title, outlet and date it states.
pub fn decode_article_bytes(bytes: Vec<u8>, label: &str) -> Result<ArticleDocument, String> {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err("is UTF-16 text; expected UTF-8 (save it as UTF-8)".to_owned());
    }
    if has_html_extension(label) || looks_like_html(&bytes) {
        // A saved web page: its article and what the page states, as the import window reads it.
        let page = read_article_document(&bytes, label).map_err(|error| {
            error.problems.first().map_or_else(
                || "is not a readable web page".to_owned(),
                |p| p.message.clone(),
            )
        })?;
        return Ok(ArticleDocument {
            text: page.text,
            found: ArticleMetadata {
                published: page.page.published,
                outlet: page.page.outlet,
                title: page.page.title,
            },
        });
    }
    if let Some(offset) = memchr::memchr(0, &bytes) {
        let at = position_of_byte(&bytes, offset);
        return Err(format!(
            "is binary data, not text: a NUL byte at line {}, column {} (expected a UTF-8 \
             plain-text article)",
            at.line, at.column
        ));
    }
    let text = String::from_utf8(bytes).map_err(|error| {
        let bytes = error.as_bytes();
        let offset = error.utf8_error().valid_up_to();
        let at = position_of_byte(bytes, offset);
        format!(
            "is not UTF-8 text: byte 0x{:02x} at line {}, column {} (expected a UTF-8 \
             plain-text article; save it as UTF-8)",
            bytes.get(offset).copied().unwrap_or_default(),
            at.line,
            at.column
        )
    })?;
    let text = match text.strip_prefix('\u{feff}') {
        Some(rest) => rest.to_owned(),
        None => text,
    };
    if text.trim().is_empty() {
        return Err("is empty".to_owned());
    }
    let extension = Path::new(label)
        .extension()
        .and_then(|extension| extension.to_str())
        .unwrap_or("")
        .to_ascii_lowercase();
    let text = match extension.as_str() {
        "md" => without_heading_marks(&text),
        _ => text,
    };
    if text.trim().is_empty() {
        return Err("has no text".to_owned());
    }
    Ok(ArticleDocument {
        text,
        found: ArticleMetadata::default(),
    })
}

/// The text with the `#` marks of Markdown headings ("# Headline") dropped, so that a headline
/// reads as a headline; every other character is kept.
fn without_heading_marks(text: &str) -> String {
    let mut plain = String::with_capacity(text.len());
    for line in text.split_inclusive('\n') {
        let marks = line.bytes().take_while(|&byte| byte == b'#').count();
        let rest = &line[marks..];
        if (1..=6).contains(&marks) && rest.starts_with([' ', '\t']) {
            plain.push_str(rest.trim_start_matches([' ', '\t']));
        } else {
            plain.push_str(line);
        }
    }
    plain
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decoded(bytes: &[u8]) -> Result<String, String> {
        decode_article_bytes(bytes.to_vec(), "a.txt").map(|document| document.text)
    }

    #[test]
    fn article_extensions_are_compared_without_case() {
        assert!(has_article_extension(Path::new("a/B.TXT")));
        assert!(has_article_extension(Path::new("page.Html")));
        assert!(!has_article_extension(Path::new("set.json")));
        assert!(!has_article_extension(Path::new("README")));
    }

    #[test]
    fn dropped_folders_and_articles_are_told_from_data_files() {
        let dir = std::env::temp_dir().join(format!("chronoscope-drop-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("scratch dir");
        let article = dir.join("article.txt");
        let csv_as_txt = dir.join("events.txt");
        let set = dir.join("set.json");
        std::fs::write(&article, "Talks resume\n\nThe talks resumed.").expect("write");
        std::fs::write(&csv_as_txt, "date,title\n2024-01-01,A\n").expect("write");
        std::fs::write(&set, "{}").expect("write");
        let (data, articles) = split_dropped_paths(vec![
            article.clone(),
            csv_as_txt.clone(),
            set.clone(),
            dir.clone(),
        ]);
        let _ = std::fs::remove_dir_all(&dir);
        assert_eq!(data, [csv_as_txt, set]);
        assert_eq!(articles, [article, dir]);
    }

    #[test]
    fn markdown_headings_lose_their_marks_and_nothing_else() {
        let markdown = "# Talks resume\n\n## In the port\n\n#hashtag stays, as does a # inside.\n";
        let read = |label: &str| {
            decode_article_bytes(markdown.as_bytes().to_vec(), label).map(|document| document.text)
        };
        assert_eq!(
            read("dir/a.MD"),
            Ok("Talks resume\n\nIn the port\n\n#hashtag stays, as does a # inside.\n".to_owned())
        );
        assert_eq!(read("a.txt"), Ok(markdown.to_owned()));
    }

    #[test]
    fn a_saved_web_page_is_read_for_its_article_and_what_it_states() {
        let page = include_bytes!("../../tests/fixtures/html/open-graph.html").to_vec();
        let Ok(document) = decode_article_bytes(page, "greve.html") else {
            panic!("the page is an article")
        };
        assert_eq!(
            document.found,
            ArticleMetadata {
                published: chrono::NaiveDate::from_ymd_opt(2023, 4, 6),
                outlet: Some("Le Quotidien Exemple".to_owned()),
                title: Some("La grève des cheminots se poursuit".to_owned()),
            }
        );
        assert!(
            document.text.contains("troisième semaine"),
            "{}",
            document.text
        );
        assert!(!document.text.contains("<p>"));
        let empty_page = decode_article_bytes(b"<html><body></body></html>".to_vec(), "a.html");
        assert!(empty_page.is_err_and(|message| message.contains("article")));
    }

    #[test]
    fn utf8_text_is_read_without_its_byte_order_mark() {
        assert_eq!(decoded(b"\xEF\xBB\xBFHello."), Ok("Hello.".to_owned()));
    }

    #[test]
    fn latin1_text_is_refused_with_its_line_and_column() {
        assert_eq!(
            decoded(b"Title\ncaf\xE9 au lait"),
            Err(
                "is not UTF-8 text: byte 0xe9 at line 2, column 4 (expected a UTF-8 plain-text \
                 article; save it as UTF-8)"
                    .to_owned()
            )
        );
    }

    #[test]
    fn empty_binary_and_utf16_files_say_what_they_are() {
        assert_eq!(decoded(b" \n\t\n"), Err("is empty".to_owned()));
        assert!(decoded(b"\x89PNG\r\n\x1a\n\x00").is_err_and(|m| m.starts_with("is binary")));
        assert!(decoded(b"\xFF\xFEa\x00").is_err_and(|m| m.starts_with("is UTF-16")));
    }
}
