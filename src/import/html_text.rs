//! Plain text from the HTML snippets TimelineJS files carry: tags dropped, entities decoded,
//! `<br>` as a line break and paragraphs (`<p>`, `<div>`, `<li>`, …) as blank-line breaks.

/// The text of an HTML snippet, with runs of white space as one space and at most one blank
/// line between paragraphs. Never panics; a `<` or `&` that starts no tag or entity stays.
pub fn plain_text_from_html(html: &str) -> String {
    if !html.contains(['<', '&']) {
        return collapse_white_space(html);
    }
    let mut out = TextBuilder::default();
    let mut rest = html;
    let mut no_more_tags = false;
    while let Some(c) = rest.chars().next() {
        match c {
            '<' => {
                if let Some(after) = rest.strip_prefix("<!--") {
                    rest = after.find("-->").map_or("", |end| &after[end + 3..]);
                    continue;
                }
                let close = if no_more_tags { None } else { rest.find('>') };
                let Some(close) = close else {
                    // No `>` follows: no later `<` starts a tag either.
                    no_more_tags = true;
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
                match tag.as_str() {
                    "script" | "style" => {
                        let end = format!("</{tag}");
                        // Skip the content and the closing tag itself.
                        let closing = find_ignoring_case(rest, &end).map_or("", |at| &rest[at..]);
                        rest = closing.find('>').map_or("", |at| &closing[at + 1..]);
                    }
                    "br" => out.line_breaks(1),
                    "p" | "div" | "li" | "ul" | "ol" | "blockquote" | "h1" | "h2" | "h3" | "h4"
                    | "h5" | "h6" | "tr" | "table" | "section" | "article" | "pre" => {
                        out.line_breaks(2);
                    }
                    "td" | "th" => out.space(),
                    _ => {}
                }
            }
            '&' => match decode_entity(rest) {
                Some((decoded, length)) => {
                    if decoded == '\u{a0}' {
                        out.space();
                    } else {
                        out.push(decoded);
                    }
                    rest = &rest[length..];
                }
                None => {
                    out.push('&');
                    rest = &rest[1..];
                }
            },
            c if c.is_whitespace() => {
                out.space();
                rest = &rest[c.len_utf8()..];
            }
            c => {
                out.push(c);
                rest = &rest[c.len_utf8()..];
            }
        }
    }
    out.text
}

/// The text on one line: every run of white space, line breaks included, as one space.
pub fn single_line(text: &str) -> String {
    if is_tidy(text) {
        return text.to_owned();
    }
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Whether `text` has only single spaces between words and none around them (the common
/// case, copied as it is).
fn is_tidy(text: &str) -> bool {
    let bytes = text.as_bytes();
    let single_spaces = bytes
        .windows(2)
        .all(|pair| !(pair[0] == b' ' && pair[1] == b' '));
    text.is_ascii()
        && single_spaces
        && bytes.first().is_none_or(|b| *b != b' ')
        && bytes.last().is_none_or(|b| *b != b' ')
        && !bytes.iter().any(|b| b.is_ascii_whitespace() && *b != b' ')
}

fn collapse_white_space(text: &str) -> String {
    if is_tidy(text) {
        return text.to_owned();
    }
    let mut out = TextBuilder::default();
    for c in text.chars() {
        if c.is_whitespace() {
            out.space();
        } else {
            out.push(c);
        }
    }
    out.text
}

/// Builds text that never starts or ends with white space and never doubles it.
#[derive(Default)]
struct TextBuilder {
    text: String,
    pending_space: bool,
    pending_line_breaks: usize,
}

impl TextBuilder {
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

    fn space(&mut self) {
        self.pending_space = true;
    }

    fn line_breaks(&mut self, count: usize) {
        self.pending_line_breaks = self.pending_line_breaks.max(count);
    }
}

/// The lower-case name of a tag from the text between `<` and `>` (`/p` → `p`, `br/` → `br`);
/// empty if the text does not start like a tag.
fn tag_name(inside: &str) -> String {
    let inside = inside.strip_prefix('/').unwrap_or(inside);
    let inside = inside.strip_prefix('!').unwrap_or(inside);
    if !inside.starts_with(|c: char| c.is_ascii_alphabetic()) {
        return String::new();
    }
    inside
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric())
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

fn find_ignoring_case(haystack: &str, needle: &str) -> Option<usize> {
    let needle = needle.as_bytes();
    haystack
        .as_bytes()
        .windows(needle.len())
        .position(|window| window.eq_ignore_ascii_case(needle))
}

/// The character of the entity `text` starts with (`&amp;`, `&#39;`, `&#x2014;`) and its length.
fn decode_entity(text: &str) -> Option<(char, usize)> {
    let end = text.get(..12.min(text.len()))?.find(';')?;
    let name = text.get(1..end)?;
    let decoded = if let Some(number) = name.strip_prefix('#') {
        let code = match number.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => number.parse().ok()?,
        };
        char::from_u32(code)?
    } else {
        named_entity(name)?
    };
    Some((decoded, end + 1))
}

fn named_entity(name: &str) -> Option<char> {
    let c = match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => '\u{a0}',
        "ndash" => '–',
        "mdash" => '—',
        "hellip" => '…',
        "lsquo" => '‘',
        "rsquo" => '’',
        "ldquo" => '“',
        "rdquo" => '”',
        "laquo" => '«',
        "raquo" => '»',
        "copy" => '©',
        "reg" => '®',
        "trade" => '™',
        "deg" => '°',
        "middot" => '·',
        "bull" => '•',
        "times" => '×',
        "euro" => '€',
        "pound" => '£',
        "aacute" => 'á',
        "agrave" => 'à',
        "acirc" => 'â',
        "auml" => 'ä',
        "eacute" => 'é',
        "egrave" => 'è',
        "ecirc" => 'ê',
        "iacute" => 'í',
        "oacute" => 'ó',
        "ouml" => 'ö',
        "uacute" => 'ú',
        "uuml" => 'ü',
        "ccedil" => 'ç',
        "ntilde" => 'ñ',
        "szlig" => 'ß',
        _ => return None,
    };
    Some(c)
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
    fn stray_angle_brackets_and_ampersands_stay() {
        assert_eq!(plain_text_from_html("a < b & c"), "a < b & c");
        assert_eq!(plain_text_from_html("1 <2> 3"), "1 <2> 3");
        assert_eq!(plain_text_from_html("x &bogus; y <"), "x &bogus; y <");
    }

    #[test]
    fn one_line_text_joins_lines_with_spaces() {
        assert_eq!(
            single_line("Whitney Houston\n 1963 - 2012"),
            "Whitney Houston 1963 - 2012"
        );
    }
}
