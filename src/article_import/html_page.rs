//! An article file as the importer reads it: plain text, or a saved web page (by its extension
//! or its content) decoded from its declared encoding, whose article text is kept without
//! menus, ads, comments and scripts (Mozilla's Readability as ported by `dom_smoothie`) and
//! whose metadata is read from the page itself.

use std::panic::{AssertUnwindSafe, catch_unwind};

use dom_query::Document;
use dom_smoothie::{Config, Readability, ReadabilityError, TextMode};
use encoding_rs::{Encoding, UTF_8};

use super::page_metadata::{PageMetadata, page_metadata};
use crate::model::json_position::position_of_byte;
use crate::model::load_error::{LoadError, Problem};
use crate::model::message_text::utf8_text;

/// Saved pages larger than this are refused, so that reading one takes bounded time (2.6 s for a
/// 16 MiB page of paragraphs on this machine). A news page saved as "HTML only" weighs 50 KB–1.5 MB;
/// pages with images inlined as `data:` URLs can weigh more.
pub const MAX_PAGE_BYTES: usize = 16 << 20;

/// Readability stops on pages with more elements than this (real pages have a few thousand).
const MAX_PAGE_ELEMENTS: usize = 200_000;

/// Pages whose elements nest deeper than this (as [`nesting_depth`] estimates it) are refused:
/// Readability walks each element's ancestors, so its time grows with elements × depth (8 s for
/// one 5,000-deep branch, 11 s for 190,000 elements 900 deep on this machine). The sixteen real
/// pages of the README's table nest 10 to 19 deep.
pub const MAX_NESTING_DEPTH: usize = 256;

/// Extracted article texts shorter than this (in characters) are not an article: Readability's
/// own threshold for a readable page.
const MIN_ARTICLE_CHARS: usize = 140;

/// How many bytes at the start are searched for `<meta charset>` (the HTML standard's prescan
/// reads 1024; saved pages often put comments and scripts first).
const CHARSET_PRESCAN_BYTES: usize = 8192;

/// What kind of file an article came from.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum DocumentKind {
    #[default]
    PlainText,
    HtmlPage,
}

/// An article's text and what its file states about it, ready for [`super::import_article`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ArticleDocument {
    pub kind: DocumentKind,
    /// The article's text: the file's text, or a page's article with blank lines between
    /// paragraphs.
    pub text: String,
    /// What the page states (title, outlet, dates, byline, url, language); empty for plain text.
    pub page: PageMetadata,
    /// Things the user should know (the encoding the page was decoded from…).
    pub warnings: Vec<String>,
}

/// Whether a file name says it is a web page (`.html`, `.htm`, `.xhtml`, any case).
pub fn has_html_extension(file_label: &str) -> bool {
    let name = file_label.rsplit(['/', '\\']).next().unwrap_or(file_label);
    name.rsplit_once('.').is_some_and(|(_, extension)| {
        ["html", "htm", "xhtml", "shtml"]
            .iter()
            .any(|html| extension.eq_ignore_ascii_case(html))
    })
}

/// Whether the bytes start like an HTML document: after a byte-order mark, white space and
/// comments, a `<!DOCTYPE html`, an `<html` tag, or an XML declaration followed by one.
pub fn looks_like_html(bytes: &[u8]) -> bool {
    let start = bytes
        .get(..bytes.len().min(CHARSET_PRESCAN_BYTES))
        .unwrap_or(bytes);
    let start = start.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(start);
    let mut rest = start.trim_ascii_start();
    loop {
        if let Some(after) = rest.strip_prefix(b"<!--") {
            let Some(end) = memchr::memmem::find(after, b"-->") else {
                return false;
            };
            rest = after.get(end + 3..).unwrap_or_default().trim_ascii_start();
        } else if rest.starts_with(b"<?xml") {
            let Some(end) = memchr::memchr(b'>', rest) else {
                return false;
            };
            rest = rest.get(end + 1..).unwrap_or_default().trim_ascii_start();
        } else {
            break;
        }
    }
    let opens_with = |tag: &[u8]| {
        rest.get(..tag.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(tag))
    };
    opens_with(b"<!doctype html") || opens_with(b"<html") || opens_with(b"<head")
}

/// Reads an article file: a saved web page (by extension or content) becomes its article text
/// and the metadata it states; anything else is read as UTF-8 plain text. Never panics; errors
/// name the file, the position where known, and what was expected.
pub fn read_article_document(bytes: &[u8], file_label: &str) -> Result<ArticleDocument, LoadError> {
    let error = |problem: Problem| LoadError::single(file_label, problem);
    if bytes.trim_ascii().is_empty() {
        return Err(error(Problem::new(
            "the file is empty; expected a news article as plain text or a saved web page",
        )));
    }
    if has_html_extension(file_label) || looks_like_html(bytes) {
        return read_html_page(bytes).map_err(error);
    }
    let text =
        utf8_text(bytes, "a plain-text article in UTF-8, or a saved web page").map_err(error)?;
    Ok(ArticleDocument {
        kind: DocumentKind::PlainText,
        text: text.to_owned(),
        page: PageMetadata::default(),
        warnings: Vec::new(),
    })
}

/// A saved web page's article and metadata.
pub fn read_html_page(bytes: &[u8]) -> Result<ArticleDocument, Problem> {
    if bytes.len() > MAX_PAGE_BYTES {
        return Err(Problem::new(format!(
            "the page is {:.1} MiB; pages over {} MiB are not read (save the page as \
             \"Web page, HTML only\", or copy the article's text into a .txt file)",
            bytes.len() as f64 / f64::from(1u32 << 20),
            MAX_PAGE_BYTES >> 20
        )));
    }
    let mut warnings = Vec::new();
    let html = decode_page(bytes, &mut warnings)?;
    let depth = nesting_depth(&html);
    if depth > MAX_NESTING_DEPTH {
        return Err(Problem::new(format!(
            "the page nests its elements {depth} deep; pages nested over {MAX_NESTING_DEPTH} \
             deep are not read (expected a saved news article page)"
        )));
    }
    let document = Document::from(html.as_str());
    drop(html);
    let metadata = page_metadata(&document);
    let article = extract_article(document)?;
    let fallback = PageMetadata {
        title: article.title.clone(),
        outlet: article.site_name.clone(),
        byline: article.byline.clone(),
        published: article
            .published_time
            .as_deref()
            .and_then(super::page_metadata::parse_page_date),
        ..PageMetadata::default()
    };
    let page = metadata.or(clean_fallback(fallback));
    Ok(ArticleDocument {
        kind: DocumentKind::HtmlPage,
        text: article.text,
        page,
        warnings,
    })
}

/// Readability's own guesses (the `<title>` cut at " | Site", a byline found in the body),
/// trimmed, and left out when blank.
fn clean_fallback(fallback: PageMetadata) -> PageMetadata {
    let clean = |value: Option<String>| {
        value
            .map(|v| v.split_whitespace().collect::<Vec<_>>().join(" "))
            .filter(|v| !v.is_empty() && v.chars().count() <= 400)
    };
    PageMetadata {
        title: clean(fallback.title),
        outlet: clean(fallback.outlet),
        byline: clean(fallback.byline),
        ..fallback
    }
}

/// The page as text: UTF-8 unless a byte-order mark or `<meta charset>` says otherwise.
fn decode_page(bytes: &[u8], warnings: &mut Vec<String>) -> Result<String, Problem> {
    let (encoding, bom_length) = match Encoding::for_bom(bytes) {
        Some((encoding, length)) => (encoding, length),
        None => (declared_charset(bytes).unwrap_or(UTF_8), 0),
    };
    let body = bytes.get(bom_length..).unwrap_or_default();
    if encoding == UTF_8 {
        return std::str::from_utf8(body).map(str::to_owned).map_err(|e| {
            let offset = bom_length + e.valid_up_to();
            let byte = bytes.get(offset).copied().unwrap_or_default();
            Problem::new(format!(
                "byte 0x{byte:02x} at byte offset {offset} is not UTF-8, and the page declares \
                 no other encoding (expected UTF-8, or a <meta charset=\"…\"> naming the \
                 page's encoding, such as windows-1252)"
            ))
            .at_position(position_of_byte(bytes, offset))
        });
    }
    let (text, had_errors) = encoding.decode_without_bom_handling(body);
    if had_errors {
        warnings.push(format!(
            "some bytes are not {} text; they were read as U+FFFD",
            encoding.name()
        ));
    }
    Ok(text.into_owned())
}

/// The encoding a page declares in its first bytes: `<meta charset="…">` or
/// `<meta http-equiv="Content-Type" content="text/html; charset=…">`. UTF-16 declarations
/// are taken as UTF-8, as the HTML standard says (a real UTF-16 page starts with a BOM).
fn declared_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let start = bytes
        .get(..bytes.len().min(CHARSET_PRESCAN_BYTES))
        .unwrap_or(bytes);
    let lower = start.to_ascii_lowercase();
    let mut from = 0;
    while let Some(found) = memchr::memmem::find(lower.get(from..)?, b"<meta") {
        let tag_start = from + found;
        let tag_end =
            memchr::memchr(b'>', lower.get(tag_start..)?).map_or(lower.len(), |e| tag_start + e);
        let tag = lower.get(tag_start..tag_end)?;
        if let Some(at) = memchr::memmem::find(tag, b"charset=") {
            let value = tag.get(at + "charset=".len()..)?;
            let value = value
                .strip_prefix(b"\"")
                .or_else(|| value.strip_prefix(b"'"))
                .unwrap_or(value);
            let end = value
                .iter()
                .position(|b| matches!(b, b'"' | b'\'' | b';' | b' ' | b'/' | b'>'))
                .unwrap_or(value.len());
            if let Some(encoding) = value.get(..end).and_then(Encoding::for_label) {
                return Some(encoding.output_encoding());
            }
        }
        from = tag_end;
    }
    None
}

/// Elements that never hold others (void) or that the parser closes by itself when a sibling
/// opens; neither adds to the depth.
const FLAT_ELEMENTS: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr", "p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "rb", "rt",
    "rp", "thead", "tbody", "tfoot", "colgroup", "caption", "html", "head", "body",
];
/// Elements whose content is text up to their end tag.
const RAW_TEXT_ELEMENTS: &[&str] = &[
    "script",
    "style",
    "textarea",
    "title",
    "xmp",
    "iframe",
    "noembed",
    "noframes",
    "plaintext",
];

/// How deep the page's elements nest, estimated in one pass over its tags: start tags open,
/// end tags close, void and self-closing elements (and those the parser closes by itself)
/// count for nothing, comments and the content of scripts and styles are skipped.
pub fn nesting_depth(html: &str) -> usize {
    let bytes = html.as_bytes();
    let (mut depth, mut deepest, mut at) = (0usize, 0usize, 0usize);
    let name_at = |from: usize| {
        let rest = bytes.get(from..).unwrap_or_default();
        let length = rest
            .iter()
            .position(|b| !(b.is_ascii_alphanumeric() || *b == b'-' || *b == b':'))
            .unwrap_or(rest.len());
        rest.get(..length).unwrap_or_default().to_ascii_lowercase()
    };
    let find_from = |from: usize, needle: &[u8]| {
        bytes
            .get(from..)
            .and_then(|rest| memchr::memmem::find(rest, needle))
            .map(|found| from + found)
    };
    while let Some(open) = bytes.get(at..).and_then(|rest| memchr::memchr(b'<', rest)) {
        let tag = at + open;
        let rest = bytes.get(tag + 1..).unwrap_or_default();
        if rest.starts_with(b"!--") {
            at = find_from(tag + 4, b"-->").map_or(bytes.len(), |end| end + 3);
            continue;
        }
        let is_tag = rest
            .first()
            .is_some_and(|b| *b == b'/' || *b == b'!' || *b == b'?' || b.is_ascii_alphabetic());
        if !is_tag {
            at = tag + 1;
            continue;
        }
        let Some(end) = find_from(tag + 1, b">") else {
            break;
        };
        at = end + 1;
        let flat = |name: &[u8]| FLAT_ELEMENTS.iter().any(|flat| flat.as_bytes() == name);
        match rest.first() {
            Some(b'/') if !flat(&name_at(tag + 2)) => depth = depth.saturating_sub(1),
            Some(first) if first.is_ascii_alphabetic() => {
                let name = name_at(tag + 1);
                let self_closing = bytes.get(end.saturating_sub(1)) == Some(&b'/');
                if RAW_TEXT_ELEMENTS.iter().any(|raw| raw.as_bytes() == name) {
                    at = end_tag_position(bytes, at, &name);
                } else if !self_closing && !flat(&name) {
                    depth += 1;
                    deepest = deepest.max(depth);
                }
            }
            _ => {}
        }
    }
    deepest
}

/// Where the end tag of a raw-text element named `name` (lower case) starts, from `from`; the
/// end of the text when there is none.
fn end_tag_position(bytes: &[u8], from: usize, name: &[u8]) -> usize {
    let mut at = from;
    while let Some(found) = bytes
        .get(at..)
        .and_then(|rest| memchr::memmem::find(rest, b"</"))
    {
        let start = at + found;
        let candidate = bytes.get(start + 2..start + 2 + name.len());
        if candidate.is_some_and(|candidate| candidate.eq_ignore_ascii_case(name)) {
            return start;
        }
        at = start + 2;
    }
    bytes.len()
}

/// The article Readability keeps, as text with a blank line between paragraphs.
struct ExtractedArticle {
    text: String,
    title: Option<String>,
    site_name: Option<String>,
    byline: Option<String>,
    published_time: Option<String>,
}

fn extract_article(document: Document) -> Result<ExtractedArticle, Problem> {
    let config = Config {
        text_mode: TextMode::Formatted,
        max_elements_to_parse: MAX_PAGE_ELEMENTS,
        ..Config::default()
    };
    // The port has code paths that panic on pages it does not expect (an `unwrap` on a score
    // comparison, an `unreachable!`): a page must not take the window down with it.
    let parsed = catch_unwind(AssertUnwindSafe(move || {
        let mut readability = Readability::with_document(document, None, Some(config))?;
        readability.parse()
    }));
    let article = match parsed {
        Ok(Ok(article)) => article,
        Ok(Err(ReadabilityError::TooManyElements(found, limit))) => {
            return Err(Problem::new(format!(
                "the page has {found} HTML elements; pages over {limit} are not read"
            )));
        }
        Ok(Err(_)) => return Err(not_an_article("no article text was found in it")),
        Err(_) => {
            return Err(Problem::new(
                "the article could not be extracted: the Readability extractor failed on this \
                 page (expected a saved news article; try copying its text into a .txt file)",
            ));
        }
    };
    let text = paragraphs_text(&article.text_content);
    let length = text.chars().filter(|c| !c.is_whitespace()).count();
    if length < MIN_ARTICLE_CHARS {
        return Err(not_an_article(&format!(
            "the text kept as its article is only {length} characters long"
        )));
    }
    Ok(ExtractedArticle {
        text,
        title: Some(article.title).filter(|t| !t.trim().is_empty()),
        site_name: article.site_name,
        byline: article.byline,
        published_time: article.published_time,
    })
}

fn not_an_article(why: &str) -> Problem {
    Problem::new(format!(
        "the page does not look like an article: {why} (expected a saved news article page)"
    ))
}

/// Readability's formatted text with trailing spaces gone, lines trimmed, and runs of blank
/// lines made one blank line, so that paragraphs are separated as in a plain-text article.
fn paragraphs_text(formatted: &str) -> String {
    let mut text = String::with_capacity(formatted.len());
    let mut blank_lines = 0;
    for line in formatted.lines() {
        let line = line.split_whitespace().collect::<Vec<_>>().join(" ");
        if line.is_empty() {
            blank_lines += 1;
            continue;
        }
        if !text.is_empty() {
            text.push_str(if blank_lines > 0 { "\n\n" } else { "\n" });
        }
        text.push_str(&line);
        blank_lines = 0;
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_is_told_by_extension_or_content() {
        assert!(has_html_extension("/tmp/Page.HTM"));
        assert!(has_html_extension("a.html"));
        assert!(!has_html_extension("html.txt"));
        assert!(looks_like_html(
            b"\xEF\xBB\xBF  <!-- saved from url -->\n<!DOCTYPE html><html>"
        ));
        assert!(looks_like_html(
            b"<?xml version=\"1.0\"?>\n<html xmlns=\"x\">"
        ));
        assert!(looks_like_html(b"<HTML><BODY>"));
        assert!(!looks_like_html(b"Talks resume <b>today</b>"));
        assert!(!looks_like_html(b"<!-- unterminated"));
    }

    #[test]
    fn a_declared_charset_is_found_in_either_meta_form() {
        let name = |bytes: &[u8]| declared_charset(bytes).map(Encoding::name);
        assert_eq!(
            name(b"<head><meta charset=\"windows-1251\">"),
            Some("windows-1251")
        );
        assert_eq!(name(b"<META CHARSET=iso-8859-1>"), Some("windows-1252"));
        assert_eq!(
            name(b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=Shift_JIS\">"),
            Some("Shift_JIS")
        );
        assert_eq!(name(b"<meta charset=\"utf-16\">"), Some("UTF-8"));
        assert_eq!(name(b"<meta name=\"x\" content=\"y\">"), None);
        assert_eq!(name(b"<meta charset=\"no-such-thing\">"), None);
    }

    #[test]
    fn undeclared_bytes_that_are_no_utf8_are_an_error_with_a_position() {
        let page = b"<html><body>\n<p>caf\xE9</p></body></html>";
        let error = read_article_document(page, "p.html").expect_err("not UTF-8");
        assert_eq!(
            error.lines(),
            [
                "p.html:2:7: byte 0xe9 at byte offset 19 is not UTF-8, and the page declares no \
              other encoding (expected UTF-8, or a <meta charset=\"…\"> naming the page's \
              encoding, such as windows-1252)"
            ]
        );
    }

    #[test]
    fn nesting_depth_counts_open_elements_and_skips_scripts_comments_and_void_tags() {
        assert_eq!(
            nesting_depth("<html><body><div><span>a</span><br><img src=x/></div></body></html>"),
            2
        );
        assert_eq!(nesting_depth("<div><p>one<p>two<p>three</div>"), 1);
        assert_eq!(
            nesting_depth(
                "<div><!-- <div><div> --><script>if (a<b) { x = '<div><div>'; }</script></div>"
            ),
            1
        );
        assert_eq!(nesting_depth(&"<div>".repeat(5000)), 5000);
        assert_eq!(nesting_depth("text only < 3 and > 2"), 0);
    }

    #[test]
    fn a_page_nested_thousands_deep_is_refused() {
        let page = format!(
            "<html><body>{}<p>Text</p></body></html>",
            "<div>".repeat(100_000)
        );
        let started = std::time::Instant::now();
        let error = read_article_document(page.as_bytes(), "deep.html").expect_err("too deep");
        assert!(started.elapsed().as_secs_f64() < 2.0);
        assert_eq!(
            error.lines(),
            [format!(
                "deep.html: the page nests its elements 100000 deep; pages nested over \
                 {MAX_NESTING_DEPTH} deep are not read (expected a saved news article page)"
            )]
        );
    }

    #[test]
    fn paragraphs_are_separated_by_one_blank_line() {
        assert_eq!(
            paragraphs_text("  One  line \n\n\n\nTwo\nthree  \n\n"),
            "One line\n\nTwo\nthree"
        );
    }

    #[test]
    fn a_page_over_the_limit_is_refused_before_it_is_parsed() {
        let mut page = b"<html><body><p>".to_vec();
        page.resize(MAX_PAGE_BYTES + 1, b'a');
        let error = read_article_document(&page, "big.html").expect_err("too big");
        let line = error.lines().join("\n");
        assert!(
            line.starts_with("big.html: the page is 16.0 MiB; pages over 16 MiB"),
            "{line}"
        );
    }

    #[test]
    fn plain_text_is_read_as_it_is() {
        let document = read_article_document(b"Talks resume.\n\nMore.", "a.txt").expect("text");
        assert_eq!(document.kind, DocumentKind::PlainText);
        assert_eq!(document.text, "Talks resume.\n\nMore.");
        assert_eq!(document.page, PageMetadata::default());
    }

    #[test]
    fn an_empty_file_is_an_error() {
        let error = read_article_document(b" \n", "e.html").expect_err("empty");
        assert_eq!(
            error.lines(),
            [
                "e.html: the file is empty; expected a news article as plain text or a saved web page"
            ]
        );
    }
}
