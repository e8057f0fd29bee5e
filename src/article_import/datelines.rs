//! Wire datelines at the start of a paragraph ("KYIV, March 3 (Reuters) -", "ANKARA (AA) -",
//! "MOSCOW, November 18. /TASS/.") and bylines ("By Staff, Reuters, 12 May 2025"): the city,
//! the agency (the outlet) and the date they state.

use chrono::NaiveDate;

use super::metadata::{capitalised_name, whole_line_date};

/// A dateline at the start of a paragraph.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WireDateline {
    /// How many bytes of the paragraph the dateline takes, the separator after it included.
    pub len_bytes: usize,
    /// "KYIV", "MOSCOW/ISTANBUL".
    pub city: String,
    /// The agency, by its usual name: "Reuters", "Anadolu Agency", "TASS".
    pub agency: Option<String>,
    /// The month and day it states ("March 3"), when it states them.
    pub month_day: Option<(u32, u32)>,
    /// The whole date, when it also states the year ("March 3, 2025").
    pub date: Option<NaiveDate>,
}

/// What a byline line states.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Byline {
    pub outlet: Option<String>,
    pub published: Option<NaiveDate>,
}

/// Agencies usually named by an abbreviation in datelines, and their names.
const AGENCY_NAMES: &[(&str, &str)] = &[
    ("aa", "Anadolu Agency"),
    ("ap", "Associated Press"),
    ("afp", "AFP"),
    ("tass", "TASS"),
    ("ria", "RIA Novosti"),
    ("upi", "UPI"),
    ("dpa", "dpa"),
    ("efe", "EFE"),
    ("ani", "ANI"),
    ("irna", "IRNA"),
    ("reuters", "Reuters"),
    ("ukrinform", "Ukrinform"),
    ("interfax", "Interfax"),
];

/// Longest city part of a dateline, in bytes.
const MAX_CITY_BYTES: usize = 40;
/// Longest agency name in brackets or slashes, in bytes.
const MAX_AGENCY_BYTES: usize = 40;

fn agency_name(written: &str) -> String {
    let lower = written.trim().to_lowercase();
    AGENCY_NAMES
        .iter()
        .find(|(abbreviation, _)| *abbreviation == lower)
        .map_or_else(|| written.trim().to_owned(), |(_, name)| (*name).to_owned())
}

/// `true` for a city part: capital letters with spaces, slashes, hyphens or dots between.
fn is_city(text: &str) -> bool {
    text.len() <= MAX_CITY_BYTES
        && text.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && text.chars().all(|c| {
            (c.is_alphabetic() && !c.is_lowercase()) || matches!(c, ' ' | '/' | '-' | '.' | '\'')
        })
        && text.starts_with(|c: char| c.is_alphabetic())
}

/// The month and day (and year) at the start of `text`: "March 3", "3 March", "March 3, 2025".
/// Returns them and the bytes they take.
fn month_day_at(text: &str) -> Option<((u32, u32), Option<NaiveDate>, usize)> {
    let words: Vec<(usize, &str)> = text
        .split_inclusive(' ')
        .scan(0, |at, word| {
            let start = *at;
            *at += word.len();
            Some((start, word))
        })
        .take(3)
        .collect();
    let clean = |w: &str| w.trim().trim_end_matches([',', '.']).to_owned();
    let first = clean(words.first()?.1);
    let second = clean(words.get(1).map_or("", |w| w.1));
    let month = |w: &str| super::dates::month_of_name(w);
    let day = |w: &str| w.parse::<u32>().ok().filter(|d| (1..=31).contains(d));
    let (month, day) = match (month(&first), day(&second), day(&first), month(&second)) {
        (Some(m), Some(d), _, _) => (m, d),
        (_, _, Some(d), Some(m)) => (m, d),
        _ => return None,
    };
    // The second word's end, without the comma or stop after it.
    let second_word = words.get(1)?;
    let mut used = second_word.0 + second_word.1.trim_end().trim_end_matches([',', '.']).len();
    let mut date = None;
    if let Some(&(start, word)) = words.get(2) {
        let year_text = word.trim().trim_end_matches([',', '.']);
        if year_text.len() == 4
            && let Ok(year) = year_text.parse::<i32>()
            && second_word.1.trim_end().ends_with(',')
        {
            date = NaiveDate::from_ymd_opt(year, month, day);
            if date.is_some() {
                used = start + year_text.len();
            }
        }
    }
    Some(((month, day), date, used))
}

/// The dateline at the start of `paragraph`, if it has one of the wire shapes.
pub fn wire_dateline(paragraph: &str) -> Option<WireDateline> {
    // The city runs to the first comma, bracket, slash-agency or dash.
    let city_end = paragraph
        .find([',', '(', '–', '—'])
        .or_else(|| paragraph.find(" - "))?;
    let city = paragraph.get(..city_end)?.trim();
    if !is_city(city) {
        return None;
    }
    let mut at = city_end;
    let mut month_day = None;
    let mut date = None;
    let mut rest = paragraph.get(at..)?;
    if let Some(after_comma) = rest.strip_prefix(',') {
        let trimmed = after_comma.trim_start();
        at += 1 + after_comma.len() - trimmed.len();
        if let Some((found, full, used)) = month_day_at(trimmed) {
            month_day = Some(found);
            date = full;
            at += used;
        }
        rest = paragraph.get(at..)?;
        // TASS: "MOSCOW, November 18. /TASS/." (the date may be missing: "MOSCOW, . /tass/").
        let trimmed = rest.trim_start_matches([' ', '.']);
        if let Some(inside) = trimmed.strip_prefix('/')
            && let Some(close) = inside.find('/')
            && close <= MAX_AGENCY_BYTES
        {
            let agency = inside.get(..close)?;
            let after = inside.get(close + 1..)?;
            let after_trimmed = after.trim_start_matches(['.', ' ', '-', '–', '—']);
            let len_bytes = paragraph.len() - after_trimmed.len();
            return (agency.chars().all(char::is_alphabetic) && !agency.is_empty()).then(|| {
                WireDateline {
                    len_bytes,
                    city: city.to_owned(),
                    agency: Some(agency_name(agency)),
                    month_day,
                    date,
                }
            });
        }
    }
    let mut agency = None;
    let trimmed = rest.trim_start();
    if let Some(inside) = trimmed.strip_prefix('(') {
        let close = inside.find(')')?;
        let written = inside.get(..close)?;
        if close > MAX_AGENCY_BYTES || written.trim().is_empty() {
            return None;
        }
        agency = Some(agency_name(written));
        rest = inside.get(close + 1..)?;
    } else {
        rest = trimmed;
    }
    let after_dash = ["- ", "– ", "— ", "-\u{a0}", "–\u{a0}", "—\u{a0}"]
        .iter()
        .find_map(|dash| rest.trim_start().strip_prefix(dash))?;
    let body = after_dash.trim_start();
    if body.is_empty() {
        return None;
    }
    Some(WireDateline {
        len_bytes: paragraph.len() - body.len(),
        city: city.to_owned(),
        agency,
        month_day,
        date,
    })
}

/// A byline: "By Staff, Reuters, 12 May 2025", "By Jane Roe | Example News | 20 March 2022",
/// "By Reuters Staff". The first part names the author(s); a later part that is a date is the
/// publication date, and the last capitalised name after the author is the outlet.
pub fn byline(line: &str) -> Option<Byline> {
    let rest = line
        .strip_prefix("By ")
        .or_else(|| line.strip_prefix("BY "))?;
    let parts: Vec<&str> = rest
        .split([',', '|', '·', '•'])
        .map(str::trim)
        .filter(|part| !part.is_empty())
        .collect();
    let mut found = Byline::default();
    let author = parts.first()?;
    let names_someone = capitalised_name(author).is_some_and(|name| name == *author)
        || author.eq_ignore_ascii_case("staff");
    if !names_someone || line.ends_with('.') {
        return None;
    }
    if let [only] = parts.as_slice() {
        // "By Reuters Staff": an agency's own staff.
        let outlet = only
            .strip_suffix(" Staff")
            .or_else(|| only.strip_suffix(" staff"))
            .and_then(capitalised_name);
        found.outlet = outlet;
        return found.outlet.is_some().then_some(found);
    }
    for part in parts.iter().skip(1) {
        if let Some(date) = whole_line_date(part) {
            found.published.get_or_insert(date);
        } else if let Some(name) = capitalised_name(part).filter(|name| name == part) {
            found.outlet = Some(name);
        }
    }
    (found.outlet.is_some() || found.published.is_some()).then_some(found)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_reuters_dateline_gives_city_month_day_and_agency() {
        let text = "KYIV, March 3 (Reuters) - Ukraine and Russia swapped prisoners.";
        let found = wire_dateline(text).expect("a dateline");
        assert_eq!(found.city, "KYIV");
        assert_eq!(found.agency.as_deref(), Some("Reuters"));
        assert_eq!(found.month_day, Some((3, 3)));
        assert_eq!(found.date, None);
        assert_eq!(
            &text[found.len_bytes..],
            "Ukraine and Russia swapped prisoners."
        );
    }

    #[test]
    fn a_dateline_with_its_year_gives_the_whole_date() {
        let found =
            wire_dateline("KYIV, March 3, 2025 (Reuters) - Talks began.").expect("dateline");
        assert_eq!(found.date, NaiveDate::from_ymd_opt(2025, 3, 3));
        let found = wire_dateline("LONDON, 3 March (AP) – Talks began.").expect("dateline");
        assert_eq!(found.month_day, Some((3, 3)));
        assert_eq!(found.agency.as_deref(), Some("Associated Press"));
    }

    #[test]
    fn an_agency_in_brackets_without_a_date_is_read() {
        let text = "ANKARA (AA) - Turkish Foreign Minister Hakan Fidan met officials.";
        let found = wire_dateline(text).expect("a dateline");
        assert_eq!(found.city, "ANKARA");
        assert_eq!(found.agency.as_deref(), Some("Anadolu Agency"));
        assert_eq!(found.month_day, None);
        assert!(text[found.len_bytes..].starts_with("Turkish"));
    }

    #[test]
    fn a_tass_dateline_with_or_without_its_date_is_read() {
        let text = "MOSCOW, . /tass/. Russian Foreign Minister Sergei Lavrov held talks.";
        let found = wire_dateline(text).expect("a dateline");
        assert_eq!(found.city, "MOSCOW");
        assert_eq!(found.agency.as_deref(), Some("TASS"));
        assert!(text[found.len_bytes..].starts_with("Russian"));
        let dated = wire_dateline("MOSCOW, November 18. /TASS/. Talks went on.").expect("dateline");
        assert_eq!(dated.month_day, Some((11, 18)));
        assert_eq!(dated.agency.as_deref(), Some("TASS"));
    }

    #[test]
    fn a_plain_city_and_dash_is_a_dateline_without_agency() {
        let found = wire_dateline("MOSCOW/ISTANBUL – The Kremlin said no.").expect("dateline");
        assert_eq!(found.city, "MOSCOW/ISTANBUL");
        assert_eq!(found.agency, None);
    }

    #[test]
    fn ordinary_sentences_have_no_dateline() {
        assert_eq!(
            wire_dateline("Kyiv, the capital, was quiet - for now."),
            None
        );
        assert_eq!(wire_dateline("The UN (United Nations) - said no."), None);
        assert_eq!(wire_dateline("NATO, the alliance, met."), None);
        assert_eq!(wire_dateline("KYIV (Reuters) - "), None);
    }

    #[test]
    fn a_byline_gives_outlet_and_date() {
        let found = byline("By Staff, Reuters, 12 May 2025").expect("a byline");
        assert_eq!(found.outlet.as_deref(), Some("Reuters"));
        assert_eq!(found.published, NaiveDate::from_ymd_opt(2025, 5, 12));
        let found = byline("By Jane Roe | Example News | 20 March 2022 10:15 GMT").expect("byline");
        assert_eq!(found.outlet.as_deref(), Some("Example News"));
        assert_eq!(found.published, NaiveDate::from_ymd_opt(2022, 3, 20));
    }

    #[test]
    fn an_agency_staff_byline_gives_the_agency() {
        let found = byline("By Reuters Staff").expect("a byline");
        assert_eq!(found.outlet.as_deref(), Some("Reuters"));
        assert_eq!(found.published, None);
    }

    #[test]
    fn a_byline_of_authors_only_states_nothing_else() {
        assert_eq!(byline("By Jane Roe"), None);
        assert_eq!(byline("By the end of the day, talks had failed."), None);
        assert_eq!(byline("Bystanders, shocked, left."), None);
    }
}
