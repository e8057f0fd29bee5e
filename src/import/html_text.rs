//! Plain text from the HTML snippets TimelineJS files carry: tags dropped, entities decoded,
//! `<br>` as a line break and paragraphs (`<p>`, `<div>`, `<li>`, …) as blank-line breaks.

use std::borrow::Cow;

/// The text of an HTML snippet, with runs of white space as one space and at most one blank
/// line between paragraphs. Never panics; a `<` or `&` that starts no tag or entity stays.
pub fn plain_text_from_html(html: &str) -> String {
    text_from_html(html).into_owned()
}

/// [`plain_text_from_html`], borrowing `html` when it is already plain, tidy text (the common
/// case in large files).
pub(super) fn text_from_html(html: &str) -> Cow<'_, str> {
    if !html.contains(['<', '&']) {
        return collapse_white_space(html);
    }
    Cow::Owned(markup_to_text(html))
}

/// [`text_from_html`] on one line.
pub(super) fn line_from_html(html: &str) -> Cow<'_, str> {
    match text_from_html(html) {
        Cow::Borrowed(text) => single_line(text),
        Cow::Owned(text) if is_tidy(&text) => Cow::Owned(text),
        Cow::Owned(text) => Cow::Owned(join_words(&text)),
    }
}

fn markup_to_text(html: &str) -> String {
    let mut out = TextBuilder::with_capacity(html.len());
    let mut rest = html;
    // The next `>`, as an offset into `html`: found once for all the `<` before it (`a < b`
    // a thousand times before one `>` must not look for it a thousand times); `None` once
    // no `>` follows.
    let mut next_close = html.find('>');
    while !rest.is_empty() {
        // The text up to the next `<` (no entity spans one), its entities decoded.
        let text_end = memchr::memchr(b'<', rest.as_bytes()).unwrap_or(rest.len());
        if text_end > 0 {
            let (text, after) = rest.split_at(text_end);
            out.push_text(&decode_entities(text));
            rest = after;
            continue;
        }
        if let Some(after) = rest.strip_prefix("<!--") {
            rest = after.find("-->").map_or("", |end| &after[end + 3..]);
            continue;
        }
        let at = html.len() - rest.len();
        if next_close.is_some_and(|close| close < at) {
            next_close = rest.find('>').map(|close| at + close);
        }
        let Some(close) = next_close.map(|close| close - at) else {
            // No `>` follows: no later `<` starts a tag either.
            out.push('<');
            rest = &rest[1..];
            continue;
        };
        let tag = tag_name(&rest[1..close]);
        if tag.is_empty() {
            // `<` followed by something that is no tag, such as `a < b`.
            out.push('<');
            rest = &rest[1..];
            continue;
        }
        rest = &rest[close + 1..];
        let mut lowercase = [0_u8; 10];
        let known = match lowercase.get_mut(..tag.len()) {
            Some(buffer) => {
                buffer.copy_from_slice(tag.as_bytes());
                buffer.make_ascii_lowercase();
                std::str::from_utf8(buffer).unwrap_or_default()
            }
            // Longer than any tag that matters here.
            None => "",
        };
        match known {
            "script" | "style" => {
                let end = format!("</{tag}");
                // Skip the content and the closing tag itself.
                let closing = find_ignoring_case(rest, &end).map_or("", |at| &rest[at..]);
                rest = closing.find('>').map_or("", |at| &closing[at + 1..]);
            }
            "br" => out.line_breaks(1),
            "p" | "div" | "li" | "ul" | "ol" | "blockquote" | "h1" | "h2" | "h3" | "h4" | "h5"
            | "h6" | "tr" | "table" | "section" | "article" | "pre" => {
                out.line_breaks(2);
            }
            "td" | "th" => out.space(),
            _ => {}
        }
    }
    out.text
}

/// Text between tags with its character references decoded as a browser decodes them in text:
/// every named HTML5 entity (`&amp;`, `&NotEqualTilde;`), the legacy ones a browser also takes
/// without the semicolon (`&amp`, `&copy`), numeric ones (`&#1050;`, `&#x41A;`, with the
/// browser's replacements for code points such as `&#0;`); anything else stays as written.
/// Borrowed when there is nothing to decode.
fn decode_entities(text: &str) -> Cow<'_, str> {
    htmlize::unescape(text)
}

/// The text on one line: every run of white space, line breaks included, as one space.
pub fn single_line(text: &str) -> Cow<'_, str> {
    if is_tidy(text) {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(join_words(text))
    }
}

fn join_words(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Whether `text` has only single spaces between words and none around them (the common
/// case, used as it is).
fn is_tidy(text: &str) -> bool {
    let bytes = text.as_bytes();
    if bytes.first() == Some(&b' ') || bytes.last() == Some(&b' ') {
        return false;
    }
    // Printable ASCII, tested over the whole text at once (no early exit, so the compiler
    // can test many bytes per instruction), then no double space.
    let printable = bytes.iter().fold(true, |printable, &byte| {
        printable & (b' '..=b'~').contains(&byte)
    });
    if !printable {
        return is_tidy_unicode(text);
    }
    let mut previous_space = None;
    for space in memchr::memchr_iter(b' ', bytes) {
        if previous_space == space.checked_sub(1) {
            return false;
        }
        previous_space = Some(space);
    }
    true
}

/// [`is_tidy`] for text beyond ASCII, which has more kinds of white space.
fn is_tidy_unicode(text: &str) -> bool {
    let mut after_space = true;
    for c in text.chars() {
        if c == ' ' {
            if after_space {
                return false;
            }
            after_space = true;
        } else if c.is_whitespace() {
            return false;
        } else {
            after_space = false;
        }
    }
    !after_space || text.is_empty()
}

fn collapse_white_space(text: &str) -> Cow<'_, str> {
    if is_tidy(text) {
        return Cow::Borrowed(text);
    }
    let mut out = TextBuilder::with_capacity(text.len());
    out.push_text(text);
    Cow::Owned(out.text)
}

/// Builds text that never starts or ends with white space and never doubles it.
struct TextBuilder {
    text: String,
    pending_space: bool,
    pending_line_breaks: usize,
}

impl TextBuilder {
    fn with_capacity(bytes: usize) -> Self {
        Self {
            text: String::with_capacity(bytes),
            pending_space: false,
            pending_line_breaks: 0,
        }
    }

    fn push(&mut self, c: char) {
        if !self.text.is_empty() {
            if self.pending_line_breaks > 0 {
                for _ in 0..self.pending_line_breaks {
                    self.text.push('\n');
                }
            } else if self.pending_space {
                self.text.push(' ');
            }
        }
        self.pending_space = false;
        self.pending_line_breaks = 0;
        self.text.push(c);
    }

    /// Pushes `text`, every run of white space in it (no-break spaces too) as one space.
    fn push_text(&mut self, text: &str) {
        for c in text.chars() {
            if c.is_whitespace() {
                self.space();
            } else {
                self.push(c);
            }
        }
    }

    fn space(&mut self) {
        self.pending_space = true;
    }

    fn line_breaks(&mut self, count: usize) {
        self.pending_line_breaks = self.pending_line_breaks.max(count);
    }
}

/// The name of a tag, as written, from the text between `<` and `>` (`/p` → `p`, `br/` →
/// `br`); empty if the text does not start like a tag.
fn tag_name(inside: &str) -> &str {
    let inside = inside.strip_prefix('/').unwrap_or(inside);
    let inside = inside.strip_prefix('!').unwrap_or(inside);
    if !inside.starts_with(|c: char| c.is_ascii_alphabetic()) {
        return "";
    }
    let end = inside
        .find(|c: char| !c.is_ascii_alphanumeric())
        .unwrap_or(inside.len());
    &inside[..end]
}

fn find_ignoring_case(haystack: &str, needle: &str) -> Option<usize> {
    let needle = needle.as_bytes();
    haystack
        .as_bytes()
        .windows(needle.len())
        .position(|window| window.eq_ignore_ascii_case(needle))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_are_dropped_and_entities_decoded() {
        assert_eq!(
            plain_text_from_html(
                "Ada <a href=\"x\">Lovelace</a> &amp; Babbage&#39;s &#x2014; engine"
            ),
            "Ada Lovelace & Babbage's — engine"
        );
    }

    #[test]
    fn paragraphs_and_line_breaks_become_newlines() {
        assert_eq!(
            plain_text_from_html("<p>One\n   two</p><p>Three<br/>four</p>"),
            "One two\n\nThree\nfour"
        );
    }

    #[test]
    fn scripts_styles_and_comments_leave_no_text() {
        assert_eq!(
            plain_text_from_html("a<script>var x = '<p>';</script>b<!-- c -->d<style>p{}</STYLE>"),
            "abd"
        );
    }

    #[test]
    fn stray_angle_brackets_before_a_tag_stay_and_the_tag_goes() {
        assert_eq!(
            plain_text_from_html("a < b <1 <p>c</p> > <!-- x --> d <br>e"),
            "a < b <1\n\nc\n\n> d\ne"
        );
    }

    #[test]
    fn stray_angle_brackets_and_ampersands_stay() {
        assert_eq!(plain_text_from_html("a < b & c"), "a < b & c");
        assert_eq!(plain_text_from_html("1 <2> 3"), "1 <2> 3");
        assert_eq!(plain_text_from_html("x &bogus; y <"), "x &bogus; y <");
    }

    #[test]
    fn an_entity_before_cyrillic_is_decoded() {
        assert_eq!(plain_text_from_html("&amp;Привет"), "&Привет");
        assert_eq!(plain_text_from_html("Столиця:&nbsp;Київ"), "Столиця: Київ");
        assert_eq!(plain_text_from_html("&laquo;Київ&raquo;"), "«Київ»");
    }

    #[test]
    fn numeric_references_are_decoded_in_decimal_and_hex() {
        assert_eq!(plain_text_from_html("&#1050;иїв"), "Київ");
        assert_eq!(plain_text_from_html("&#x41A;иїв &#X41a;"), "Київ К");
    }

    #[test]
    fn every_named_html5_entity_is_known() {
        assert_eq!(
            plain_text_from_html("&NotEqualTilde; &bigstar; &Dagger; &hbar;"),
            "\u{2242}\u{338} ★ ‡ ℏ"
        );
    }

    #[test]
    fn unknown_entities_stay_as_written() {
        assert_eq!(
            plain_text_from_html("<b>&foo;</b> &; &#xZZ; &"),
            "&foo; &; &#xZZ; &"
        );
        assert!(matches!(
            decode_entities("Київ &foo; a&b"),
            Cow::Borrowed(_)
        ));
    }

    #[test]
    fn legacy_entities_without_a_semicolon_are_decoded_as_browsers_do() {
        assert_eq!(plain_text_from_html("<i>&amp</i> &copy 2014"), "& © 2014");
        assert_eq!(plain_text_from_html("&ampПривет"), "&Привет");
        // Only the legacy entities may lose their semicolon.
        assert_eq!(plain_text_from_html("&hellip &hellip;"), "&hellip …");
    }

    #[test]
    fn decoded_angle_brackets_are_text_not_tags() {
        assert_eq!(plain_text_from_html("&lt;p&gt;x&lt;/p&gt;"), "<p>x</p>");
    }

    #[test]
    fn one_line_text_joins_lines_with_spaces() {
        assert_eq!(
            single_line("Whitney Houston\n 1963 - 2012"),
            "Whitney Houston 1963 - 2012"
        );
    }

    #[test]
    fn tidy_text_is_borrowed_and_untidy_text_is_tidied() {
        assert!(matches!(single_line("a b"), Cow::Borrowed("a b")));
        assert!(matches!(line_from_html("Kyiv, 2022"), Cow::Borrowed(_)));
        for untidy in [" a", "a ", "a  b", "a\tb", "a\u{a0}b", "a\nb"] {
            assert_eq!(
                single_line(untidy),
                untidy.split_whitespace().collect::<Vec<_>>().join(" ")
            );
        }
        assert_eq!(line_from_html("<p>Київ</p><p>2022</p>"), "Київ 2022");
        assert_eq!(single_line(""), "");
    }
}
