//! Events proposed from dated mentions: one per date that describes something happening, with a
//! short title made from its sentence and a category only where a keyword makes it clear.

use std::collections::HashSet;
use std::ops::Range;

use super::dates::DateMention;
use super::words::window;
use crate::model::category::Category;
use crate::model::date::PartialDate;

/// Longest proposed title, in characters (a word is never cut).
const MAX_TITLE_CHARS: usize = 80;

/// How far around a date its clause and title are looked for.
const NEARBY_BYTES: usize = 600;

/// An event the user may accept or drop before it is added.
#[derive(Clone, Debug, PartialEq)]
pub struct ProposedEvent {
    /// Index of the mention it comes from in [`super::ArticleImport::mentions`].
    pub mention: usize,
    pub date: PartialDate,
    pub end: Option<PartialDate>,
    pub approximate: bool,
    /// A short title made from the sentence.
    pub title: String,
    /// The sentence the date came from.
    pub summary: String,
    pub sentence_range: Range<usize>,
    pub category: Category,
    /// People the sentence names, by full name (filled in by [`super::import_article`]).
    pub actors: Vec<String>,
}

/// Keyword rules, first match wins; looked up in the clause of the date only.
const CATEGORY_KEYWORDS: &[(Category, &[&str])] = &[
    (Category::Sanctions, &["sanction"]),
    (
        Category::Military,
        &[
            "invasion",
            "invaded",
            "offensive",
            "shelling",
            "airstrike",
            "air strike",
            "missile",
            "troops",
        ],
    ),
    (
        Category::Agreement,
        &["signed", "ceasefire agreement", "treaty", "peace deal was"],
    ),
    (
        Category::Diplomacy,
        &[
            "summit",
            "talks",
            "negotiat",
            "a call with",
            "spoke separately",
            "spoke to",
            "met with",
            "visit",
        ],
    ),
];

/// One proposal per dated mention that describes something happening: dates in page furniture
/// (dateline, headline, copyright), deadlines ("until 2025") and repeats of the same date in
/// the same sentence are left out.
pub fn propose_events(
    text: &str,
    mentions: &[DateMention],
    furniture: &[Range<usize>],
) -> Vec<ProposedEvent> {
    let mut seen = HashSet::new();
    let mut proposals = Vec::new();
    for (index, mention) in mentions.iter().enumerate() {
        let in_furniture = furniture
            .iter()
            .any(|d| d.start <= mention.byte_range.start && mention.byte_range.end <= d.end);
        let is_deadline = matches!(
            mention.preposition.as_deref(),
            Some("until" | "till" | "by")
        );
        let key = (mention.date, mention.end, mention.sentence_range.start);
        if in_furniture || is_deadline || !seen.insert(key) {
            continue;
        }
        proposals.push(ProposedEvent {
            mention: index,
            date: mention.date,
            end: mention.end,
            approximate: mention.approximate,
            title: title_from(text, mention),
            summary: mention.sentence.clone(),
            sentence_range: mention.sentence_range.clone(),
            category: category_of(text, mention),
            actors: Vec::new(),
        });
    }
    proposals
}

/// The sentence around the mention, at most [`NEARBY_BYTES`] on each side (long sentences
/// would otherwise make every mention cost the whole sentence).
fn nearby(text: &str, mention: &DateMention) -> Range<usize> {
    window(
        text,
        mention.sentence_range.clone(),
        mention.byte_range.clone(),
        NEARBY_BYTES,
    )
}

/// The clause (between commas or semicolons) that holds the date; a clause that is only the
/// date ("On Thursday,") lends its place to the next one.
fn clause_of<'a>(text: &'a str, mention: &DateMention) -> &'a str {
    let near = nearby(text, mention);
    let sentence = text.get(near.clone()).unwrap_or("");
    let start_in = mention.byte_range.start.saturating_sub(near.start);
    let end_in = mention.byte_range.end.saturating_sub(near.start);
    let is_break = |c: char| matches!(c, ',' | ';');
    let clause_start = sentence
        .get(..start_in)
        .and_then(|s| s.rfind(is_break))
        .map_or(0, |i| i + 1);
    let after = sentence.get(end_in..).unwrap_or("");
    let mut clause_end = after.find(is_break).map_or(sentence.len(), |i| end_in + i);
    let before_date = sentence.get(clause_start..start_in).unwrap_or("").trim();
    if before_date.is_empty() && after.trim_start().starts_with(is_break) {
        let rest_start = clause_end + 1;
        let rest = sentence.get(rest_start..).unwrap_or("");
        clause_end = rest
            .find(is_break)
            .map_or(sentence.len(), |i| rest_start + i);
    }
    sentence.get(clause_start..clause_end).unwrap_or(sentence)
}

fn category_of(text: &str, mention: &DateMention) -> Category {
    let clause = clause_of(text, mention).to_lowercase();
    CATEGORY_KEYWORDS
        .iter()
        .find(|(_, words)| words.iter().any(|w| clause.contains(w)))
        .map_or(Category::Other, |(category, _)| *category)
}

/// "MOSCOW/ISTANBUL – The Kremlin …" → "The Kremlin …": the wire dateline is not news.
fn without_city_dateline(sentence: &str) -> &str {
    for dash in [" – ", " — ", " - "] {
        if let Some((head, rest)) = sentence.split_once(dash) {
            // "CITY", "CITY/TOWN", "CITY (Agency)".
            let place = head.split(" (").next().unwrap_or(head);
            let agency_ok = head.len() == place.len() || head.ends_with(')');
            let is_city = place.chars().any(char::is_alphabetic)
                && place.chars().all(|c| !c.is_lowercase())
                && place.split_whitespace().count() <= 3
                && agency_ok;
            if is_city && !rest.is_empty() {
                return rest;
            }
        }
    }
    sentence
}

/// The sentence without its date phrase, quote marks and final stop, cut at a word boundary.
fn title_from(text: &str, mention: &DateMention) -> String {
    let near = nearby(text, mention);
    let sentence = text.get(near.clone()).unwrap_or("");
    let start_in = mention.byte_range.start.saturating_sub(near.start);
    let end_in = mention.byte_range.end.saturating_sub(near.start);
    let before = sentence.get(..start_in).unwrap_or("").trim_end();
    let after = sentence.get(end_in..).unwrap_or("");
    let after = after.trim_start_matches([',', ' ', '\u{a0}']);
    let joined = if before.is_empty() {
        after.to_owned()
    } else {
        format!("{before} {after}")
    };
    let cleaned: String = joined
        .chars()
        .filter(|c| !matches!(c, '"' | '“' | '”' | '‘'))
        .map(|c| if c.is_whitespace() { ' ' } else { c })
        .collect();
    let cleaned = cleaned.split_whitespace().collect::<Vec<_>>().join(" ");
    let cleaned = without_city_dateline(&cleaned);
    let cleaned = cleaned.trim_end_matches(['.', ',', ';', ':', ' ']);
    let mut title = String::new();
    for word in cleaned.split(' ') {
        if title.chars().count() + word.chars().count() + 1 > MAX_TITLE_CHARS {
            title = title.trim_end_matches([',', ';', ':']).to_owned();
            title.push('…');
            break;
        }
        if !title.is_empty() {
            title.push(' ');
        }
        title.push_str(word);
    }
    let mut chars = title.chars();
    let title = match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    };
    if title.trim().is_empty() {
        mention.phrase.clone()
    } else {
        title
    }
}

#[cfg(test)]
mod tests {
    use super::super::dates::find_date_mentions;
    use super::super::sentences::Sentence;
    use super::*;
    use chrono::NaiveDate;

    fn proposals(text: &str) -> Vec<ProposedEvent> {
        let published = NaiveDate::from_ymd_opt(2022, 3, 20);
        let sentences = vec![Sentence {
            range: 0..text.len(),
            paragraph: 0,
        }];
        let mentions = find_date_mentions(text, &sentences, published);
        propose_events(text, &mentions, &[])
    }

    #[test]
    fn the_title_is_the_sentence_without_its_date() {
        let found = proposals("On Thursday, Jane Roe spoke separately to both sides.");
        assert_eq!(found[0].title, "Jane Roe spoke separately to both sides");
        assert_eq!(
            found[0].summary,
            "On Thursday, Jane Roe spoke separately to both sides."
        );
        assert_eq!(found[0].category, Category::Diplomacy);
    }

    #[test]
    fn a_wire_dateline_is_left_out_of_the_title() {
        let found = proposals("CITY/TOWN – The council met on Saturday.");
        assert_eq!(found[0].title, "The council met");
        let found = proposals("CITY (Agency) — The council met on Saturday.");
        assert_eq!(found[0].title, "The council met");
    }

    #[test]
    fn a_long_sentence_is_cut_at_a_word() {
        let text = "On Monday the council of the example region agreed to study the long list of proposals put forward by many members over several years.";
        let title = &proposals(text)[0].title;
        assert!(title.chars().count() <= MAX_TITLE_CHARS + 1, "{title}");
        assert!(title.ends_with('…'), "{title}");
    }

    #[test]
    fn categories_come_from_the_clause_of_the_date_only() {
        assert_eq!(
            proposals("Last month, officials imposed new sanctions on firms.")[0].category,
            Category::Sanctions
        );
        assert_eq!(
            proposals("Talks went on, while the region was annexed eight years ago.")[0].category,
            Category::Other
        );
    }

    #[test]
    fn deadlines_and_repeats_are_not_events() {
        assert!(proposals("They delay talks until 2025.").is_empty());
        assert_eq!(proposals("In 2014 and again in 2014 it rose.").len(), 1);
    }

    #[test]
    fn the_dateline_is_not_an_event() {
        let text = "Published: 20 March 2022";
        let sentences = vec![Sentence {
            range: 0..text.len(),
            paragraph: 0,
        }];
        let mentions = find_date_mentions(text, &sentences, None);
        assert_eq!(mentions.len(), 1);
        let dateline = std::iter::once(0..text.len()).collect::<Vec<_>>();
        assert!(propose_events(text, &mentions, &dateline).is_empty());
    }
}
