//! Publication date, outlet and headline, where the text of an article states them.
//!
//! Only what the text says: a labelled or stand-alone dateline ("Published date: 20 March 2022",
//! "November 18, 2025"), a byline ("By Staff, Reuters, 12 May 2025"), a wire dateline at the
//! start of the story ("KYIV, March 3 (Reuters) -", see [`super::datelines`]), an outlet named in
//! a label, a byline, a wire dateline, a copyright or a "Support …" line or the footer's
//! "`<Outlet>` delivers …", and a headline = the first substantial line after page boilerplate
//! when it reads like one. Anything else stays `None` for the user to give.

use std::ops::Range;

use chrono::NaiveDate;

use super::datelines::{Byline, WireDateline, byline, wire_dateline};
use super::dates::parse_dateline_date;
use super::words::{is_capitalized, slice};

/// What the text itself states about the article.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FoundMetadata {
    pub published: Option<NaiveDate>,
    /// The paragraph the publication date was read from.
    pub dateline: Option<Range<usize>>,
    /// Paragraphs (or the start of one) that are page furniture, not news: the dateline, the
    /// byline, a wire dateline ("KYIV, March 3 (Reuters) -"), the headline (it restates the
    /// lead), copyright lines. Dates in them are not proposed as events, nor are they part of
    /// an event's title.
    pub furniture: Vec<Range<usize>>,
    pub outlet: Option<String>,
    pub title: Option<String>,
}

/// Longest line taken as a label line ("Published: …") rather than body text.
const MAX_LABEL_LINE_BYTES: usize = 120;
/// Longest headline.
const MAX_HEADLINE_WORDS: usize = 30;
/// Longest outlet name.
const MAX_OUTLET_WORDS: usize = 6;

/// Lines of page furniture that come before the headline.
const BOILERPLATE: &[&str] = &[
    "skip to main content",
    "skip to content",
    "skip to navigation",
    "menu",
    "search",
    "home",
    "advertisement",
    "subscribe",
    "sign in",
    "log in",
    "share",
    "share this article",
    "newsletter",
    "close",
    "breaking news",
    "live",
];

const PUBLISHED_LABELS: &[&str] = &[
    "published date",
    "date published",
    "first published",
    "published on",
    "published",
    "posted on",
    "posted",
    "date",
];

const UPDATED_LABELS: &[&str] = &["last updated", "updated on", "updated", "last modified"];

const OUTLET_LABELS: &[&str] = &[
    "site name",
    "source",
    "publisher",
    "published by",
    "outlet",
    "site",
];

/// How many paragraphs from the top a byline or wire dateline is looked for in.
const MAX_HEAD_PARAGRAPHS: usize = 12;

/// The first byline of the article's head, and its paragraph.
fn find_byline(text: &str, paragraphs: &[Range<usize>]) -> Option<(Byline, Range<usize>)> {
    paragraphs.iter().take(MAX_HEAD_PARAGRAPHS).find_map(|p| {
        let line = slice(text, p.clone());
        (line.len() <= MAX_LABEL_LINE_BYTES)
            .then(|| byline(line))
            .flatten()
            .map(|found| (found, p.clone()))
    })
}

/// The first wire dateline of the article's head, and its byte range.
fn find_wire_dateline(
    text: &str,
    paragraphs: &[Range<usize>],
) -> Option<(WireDateline, Range<usize>)> {
    paragraphs.iter().take(MAX_HEAD_PARAGRAPHS).find_map(|p| {
        let found = wire_dateline(slice(text, p.clone()))?;
        let range = p.start..p.start + found.len_bytes;
        Some((found, range))
    })
}

/// Reads what the text states; see the module notes for the shapes recognised.
pub fn find_metadata(text: &str, paragraphs: &[Range<usize>]) -> FoundMetadata {
    let byline = find_byline(text, paragraphs);
    let wire = find_wire_dateline(text, paragraphs);
    let labelled = labelled_publication_date(text, paragraphs);
    let stated = byline
        .as_ref()
        .and_then(|(found, range)| found.published.map(|date| (date, range.clone())))
        .or_else(|| {
            wire.as_ref()
                .and_then(|(found, range)| found.date.map(|date| (date, range.clone())))
        });
    let (published, dateline) = match labelled
        .or(stated)
        .or_else(|| publication_date(text, paragraphs))
    {
        Some((date, range)) => (Some(date), Some(range)),
        None => (None, None),
    };
    let outlet = labelled_outlet(text, paragraphs)
        .or_else(|| byline.as_ref().and_then(|(found, _)| found.outlet.clone()))
        .or_else(|| wire.as_ref().and_then(|(found, _)| found.agency.clone()))
        .or_else(|| outlet(text, paragraphs));
    let title = headline(text, paragraphs, outlet.as_deref());
    let mut furniture: Vec<Range<usize>> = paragraphs
        .iter()
        .filter(|p| {
            let line = slice(text, (*p).clone());
            Some(*p) == dateline.as_ref()
                || byline.as_ref().is_some_and(|(_, range)| range == *p)
                || title.as_deref() == Some(line)
                || is_copyright_line(line)
        })
        .cloned()
        .collect();
    if let Some((_, range)) = wire {
        furniture.push(range);
        furniture.sort_by_key(|range| range.start);
    }
    FoundMetadata {
        published,
        dateline,
        furniture,
        outlet,
        title,
    }
}

fn is_copyright_line(line: &str) -> bool {
    line.starts_with('©') || line.starts_with("Copyright") || line.starts_with("(c)")
}

/// The rest of `line` after `label` and a separator, if the line starts with that label.
fn after_label<'a>(line: &'a str, label: &str) -> Option<&'a str> {
    let head = line.get(..label.len())?;
    if !head.eq_ignore_ascii_case(label) {
        return None;
    }
    let rest = line.get(label.len()..)?;
    if rest.chars().next().is_some_and(char::is_alphanumeric) {
        return None;
    }
    let rest = rest.trim_start_matches(|c: char| {
        c.is_whitespace() || matches!(c, ':' | '-' | '–' | '—' | '|')
    });
    Some(rest.strip_prefix("on ").unwrap_or(rest))
}

/// A date that fills the line, but for a time of day and a time zone.
pub(super) fn whole_line_date(line: &str) -> Option<NaiveDate> {
    let (date, used) = parse_dateline_date(line)?;
    let rest = line.get(used..)?;
    let is_time_word = |word: &str| {
        let lower = word.to_lowercase();
        word.chars()
            .all(|c| c.is_ascii_digit() || matches!(c, ':' | '.' | ',' | '|' | '-' | '+'))
            || matches!(
                lower.as_str(),
                "am" | "pm"
                    | "gmt"
                    | "utc"
                    | "bst"
                    | "cet"
                    | "cest"
                    | "est"
                    | "edt"
                    | "pst"
                    | "msk"
            )
    };
    let words: Vec<&str> = rest.split_whitespace().collect();
    (words.len() <= 3 && words.iter().all(|w| is_time_word(w))).then_some(date)
}

/// A date after a "Published" label.
fn labelled_publication_date(
    text: &str,
    paragraphs: &[Range<usize>],
) -> Option<(NaiveDate, Range<usize>)> {
    paragraphs.iter().find_map(|paragraph| {
        let line = slice(text, paragraph.clone());
        if line.len() > MAX_LABEL_LINE_BYTES {
            return None;
        }
        PUBLISHED_LABELS
            .iter()
            .find_map(|label| after_label(line, label))
            .and_then(|rest| parse_dateline_date(rest).map(|(date, _)| (date, paragraph.clone())))
    })
}

fn publication_date(text: &str, paragraphs: &[Range<usize>]) -> Option<(NaiveDate, Range<usize>)> {
    let mut updated = None;
    let mut bare = None;
    for paragraph in paragraphs {
        let line = slice(text, paragraph.clone());
        if line.len() > MAX_LABEL_LINE_BYTES {
            continue;
        }
        let labelled = |labels: &[&str]| {
            labels
                .iter()
                .find_map(|label| after_label(line, label))
                .and_then(|rest| parse_dateline_date(rest).map(|(date, _)| date))
        };
        if let Some(date) = labelled(PUBLISHED_LABELS) {
            return Some((date, paragraph.clone()));
        }
        if updated.is_none() {
            updated = labelled(UPDATED_LABELS).map(|date| (date, paragraph.clone()));
        }
        if bare.is_none() {
            bare = whole_line_date(line).map(|date| (date, paragraph.clone()));
        }
    }
    bare.or(updated)
}

/// The leading run of capitalised words (with "of", "and", "the", "for" inside) of `text`.
pub(super) fn capitalised_name(text: &str) -> Option<String> {
    let mut words = Vec::new();
    for word in text.split_whitespace() {
        let clean = word.trim_end_matches(['.', ',', ';', ':', '|']);
        let joins = matches!(clean, "of" | "and" | "the" | "for" | "&");
        if is_capitalized(clean) || (joins && !words.is_empty()) {
            words.push(clean);
        } else {
            break;
        }
        if clean.len() != word.len() {
            break;
        }
    }
    while words
        .last()
        .is_some_and(|w| matches!(*w, "of" | "and" | "the" | "for" | "&"))
    {
        words.pop();
    }
    (!words.is_empty() && words.len() <= MAX_OUTLET_WORDS).then(|| words.join(" "))
}

/// An outlet after a "Source:" or "Publisher:" label.
fn labelled_outlet(text: &str, paragraphs: &[Range<usize>]) -> Option<String> {
    paragraphs
        .iter()
        .map(|p| slice(text, p.clone()))
        .filter(|line| line.len() <= MAX_LABEL_LINE_BYTES)
        .find_map(|line| {
            OUTLET_LABELS
                .iter()
                .find_map(|label| after_label(line, label))
                .and_then(capitalised_name)
        })
}

/// The outlet as a copyright, "Support …" line, footer or site-name line names it.
fn outlet(text: &str, paragraphs: &[Range<usize>]) -> Option<String> {
    let lines: Vec<&str> = paragraphs.iter().map(|p| slice(text, p.clone())).collect();
    let short_lines: Vec<&str> = lines
        .iter()
        .copied()
        .filter(|line| line.len() <= MAX_LABEL_LINE_BYTES)
        .collect();
    let copyright = || {
        short_lines.iter().find_map(|line| {
            let rest = line
                .strip_prefix('©')
                .or_else(|| line.strip_prefix("Copyright"))
                .or_else(|| line.strip_prefix("(c)"))?;
            let rest = rest.trim_start_matches(|c: char| {
                c.is_whitespace() || c.is_ascii_digit() || matches!(c, '©' | '-' | '–' | ',')
            });
            capitalised_name(rest)
        })
    };
    let support_line = || {
        short_lines.iter().find_map(|line| {
            let rest = line.strip_prefix("Support ")?;
            let rest = rest.strip_prefix("the ").unwrap_or(rest);
            let name = capitalised_name(rest)?;
            (name.len() == rest.trim_end_matches(['.', '!']).len() && name.contains(' '))
                .then_some(name)
        })
    };
    // The "about us" footer: "<Outlet> delivers independent … coverage".
    let footer = || {
        lines.iter().rev().take(6).find_map(|line| {
            let (name_part, _) = [
                " delivers independent ",
                " is an independent ",
                " is a news ",
            ]
            .iter()
            .find_map(|verb| line.split_once(verb))?;
            let name = capitalised_name(name_part)?;
            (name == name_part && name.contains(' ')).then_some(name)
        })
    };
    // A site-name line at the top ("Example News") that the text names again further down.
    let site_name_line = || {
        let first = lines.iter().copied().find(|line| {
            let lower = line.to_lowercase();
            !BOILERPLATE.contains(&lower.trim_end_matches(['»', '›', '>', ' ']))
        })?;
        let name = capitalised_name(first)?;
        let named_again = text.matches(name.as_str()).nth(1).is_some();
        (name == first && name.contains(' ') && named_again).then_some(name)
    };
    copyright()
        .or_else(support_line)
        .or_else(footer)
        .or_else(site_name_line)
}

fn is_boilerplate(line: &str) -> bool {
    let lower = line.to_lowercase();
    let lower = lower.trim_end_matches(['»', '›', '>', ' ']);
    BOILERPLATE.contains(&lower)
        || lower.split_whitespace().count() < 3
        || lower.starts_with("by ")
        || PUBLISHED_LABELS.iter().chain(UPDATED_LABELS).any(|label| {
            after_label(line, label).is_some_and(|rest| parse_dateline_date(rest).is_some())
        })
        || whole_line_date(line).is_some()
}

/// The first substantial line after page boilerplate, if it reads like a headline: short, with
/// no full stop at the end and no "CITY –" dateline at the start.
fn headline(text: &str, paragraphs: &[Range<usize>], outlet: Option<&str>) -> Option<String> {
    // A line that only names the outlet is the site name, not the headline.
    let line = paragraphs
        .iter()
        .map(|p| slice(text, p.clone()))
        .find(|line| !is_boilerplate(line) && Some(*line) != outlet)?;
    let words = line.split_whitespace().count();
    let ends_like_prose = line.ends_with('.') || line.ends_with(',') || line.ends_with(':');
    let opens_with_dateline = line
        .split_once([' ', '\u{a0}'])
        .is_some_and(|(first, rest)| {
            first.len() > 2
                && first.chars().all(|c| !c.is_lowercase())
                && (rest.starts_with('–')
                    || rest.starts_with('—')
                    || rest.starts_with("- ")
                    || rest.starts_with('('))
        });
    (words <= MAX_HEADLINE_WORDS && !ends_like_prose && !opens_with_dateline)
        .then(|| line.to_owned())
}

#[cfg(test)]
mod tests {
    use super::super::sentences::paragraphs;
    use super::*;

    fn metadata(text: &str) -> FoundMetadata {
        find_metadata(text, &paragraphs(text))
    }

    fn day(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, d)
    }

    #[test]
    fn a_labelled_dateline_gives_the_publication_date() {
        let text =
            "Headline of the piece here\nPublished date: 20 March 2022 10:15 GMT\nBody text.";
        let found = metadata(text);
        assert_eq!(found.published, day(2022, 3, 20));
        assert_eq!(
            found.dateline.map(|r| &text[r]),
            Some("Published date: 20 March 2022 10:15 GMT")
        );
    }

    #[test]
    fn a_line_that_is_only_a_date_gives_the_publication_date() {
        assert_eq!(
            metadata("A headline for the test\nNovember 18, 2025\nBody.").published,
            day(2025, 11, 18)
        );
    }

    #[test]
    fn a_published_label_wins_over_an_updated_one() {
        let text = "Updated: 21 March 2022\nPublished: 20 March 2022\nBody.";
        assert_eq!(metadata(text).published, day(2022, 3, 20));
        assert_eq!(
            metadata("Updated: 21 March 2022\nBody.").published,
            day(2022, 3, 21)
        );
    }

    #[test]
    fn dates_inside_body_sentences_are_not_the_publication_date() {
        let text = "Roe met Doe on 20 March 2022 to talk about the long and complicated list of things that matter to them both, as the officials said.";
        assert_eq!(metadata(text).published, None);
        assert_eq!(
            metadata("The deal was signed on 20 March 2022.").published,
            None
        );
    }

    #[test]
    fn the_headline_is_the_first_substantial_line_after_boilerplate() {
        let text = "Skip to main content\n\nMenu\n\nTalks resume between the two sides, says official\n\nBody text here.";
        assert_eq!(
            metadata(text).title.as_deref(),
            Some("Talks resume between the two sides, says official")
        );
    }

    #[test]
    fn a_site_name_line_is_not_the_headline() {
        let text = "Example News Agency\nTalks resume between the two sides\nBody.\n© 2025 Example News Agency";
        let found = metadata(text);
        assert_eq!(found.outlet.as_deref(), Some("Example News Agency"));
        assert_eq!(
            found.title.as_deref(),
            Some("Talks resume between the two sides")
        );
        let furniture: Vec<&str> = found.furniture.iter().map(|r| &text[r.clone()]).collect();
        assert_eq!(
            furniture,
            [
                "Talks resume between the two sides",
                "© 2025 Example News Agency"
            ]
        );
    }

    #[test]
    fn a_first_line_of_prose_or_with_a_city_dateline_is_no_headline() {
        assert_eq!(
            metadata("CITY – The talks went on for some time today.\nMore.").title,
            None
        );
        assert_eq!(
            metadata("The talks went on for a long time and then ended.\nMore.").title,
            None
        );
    }

    #[test]
    fn the_outlet_comes_from_a_label_a_copyright_a_support_line_or_the_footer() {
        assert_eq!(
            metadata("Head line is here\nSource: The Daily Example\nBody.")
                .outlet
                .as_deref(),
            Some("The Daily Example")
        );
        assert_eq!(
            metadata("Body text.\n© 2025 Example News Agency. All rights reserved.")
                .outlet
                .as_deref(),
            Some("Example News Agency")
        );
        assert_eq!(
            metadata("Body text.\nSupport Example Media Center\nGive now.")
                .outlet
                .as_deref(),
            Some("Example Media Center")
        );
        assert_eq!(
            metadata("Body text.\nExample World Eye delivers independent coverage of the region.")
                .outlet
                .as_deref(),
            Some("Example World Eye")
        );
    }

    #[test]
    fn a_site_name_line_named_again_below_is_the_outlet() {
        let text = "Skip to content\nExample Daily News\nA headline of the day here\nBody text.\nMore from Example Daily News.";
        assert_eq!(metadata(text).outlet.as_deref(), Some("Example Daily News"));
        assert_eq!(
            metadata(text).title.as_deref(),
            Some("A headline of the day here")
        );
        let once = "Example Daily News\nA headline of the day here\nBody text.";
        assert_eq!(metadata(once).outlet, None);
    }

    #[test]
    fn a_byline_gives_outlet_and_date_and_is_furniture() {
        let text = "Talks to resume in the capital\n\nBy Staff, Reuters, 12 May 2025\n\nBody text.";
        let found = metadata(text);
        assert_eq!(found.outlet.as_deref(), Some("Reuters"));
        assert_eq!(found.published, day(2025, 5, 12));
        let furniture: Vec<&str> = found.furniture.iter().map(|r| &text[r.clone()]).collect();
        assert_eq!(
            furniture,
            [
                "Talks to resume in the capital",
                "By Staff, Reuters, 12 May 2025"
            ]
        );
    }

    #[test]
    fn a_wire_dateline_gives_the_outlet_and_its_prefix_is_furniture() {
        let text = "Talks to resume in the capital\n\nANKARA (AA) - Officials met on Tuesday.";
        let found = metadata(text);
        assert_eq!(found.outlet.as_deref(), Some("Anadolu Agency"));
        assert_eq!(found.published, None);
        let furniture: Vec<&str> = found.furniture.iter().map(|r| &text[r.clone()]).collect();
        assert_eq!(
            furniture,
            ["Talks to resume in the capital", "ANKARA (AA) - "]
        );
        let dated = metadata("KYIV, March 3, 2025 (Reuters) - Officials met.");
        assert_eq!(dated.published, day(2025, 3, 3));
    }

    #[test]
    fn a_labelled_outlet_wins_over_a_byline() {
        let text = "Source: Example News\nBy Staff, Reuters, 12 May 2025\nBody.";
        assert_eq!(metadata(text).outlet.as_deref(), Some("Example News"));
    }

    #[test]
    fn no_outlet_is_guessed_from_ordinary_sentences() {
        assert_eq!(
            metadata("Jane Roe delivers a speech.\nSupport grows for the plan.").outlet,
            None
        );
    }
}
