//! Events proposed from dated mentions: one per date that describes something happening, with a
//! short headline-like title made from the clause of the date (at most 80 characters, cut
//! between words) and a category guessed from its keywords.

use std::collections::HashSet;
use std::ops::Range;

use super::datelines::wire_dateline;
use super::dates::DateMention;
use super::speakers::is_speech_word;
use super::words::{excerpt, is_capitalized, slice, window};
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

/// Keywords of each category, in the order a tie is settled in: a word as written ("met"), a
/// stem ending in `*` ("negotiat*": negotiate, negotiations) or a phrase of words.
const CATEGORY_KEYWORDS: &[(Category, &[&str])] = &[
    (
        Category::Humanitarian,
        &[
            "prisoner*",
            "swap*",
            "exchange of prisoners",
            "prisoner exchange",
            "exchanged",
            "humanitarian",
            "grain",
            "evacuat*",
            "refugee*",
            "aid",
        ],
    ),
    (
        Category::Sanctions,
        &[
            "sanction*",
            "embargo*",
            "price cap",
            "asset freeze",
            "tariff*",
        ],
    ),
    (
        Category::Military,
        &[
            "attack*",
            "offensive",
            "counteroffensive",
            "strike",
            "strikes",
            "struck",
            "airstrike*",
            "air strike*",
            "troops",
            "shelling",
            "shelled",
            "missile*",
            "drone*",
            "invasion",
            "invaded",
            "bombard*",
            "captured",
            "mobilis*",
            "mobiliz*",
        ],
    ),
    (
        Category::Agreement,
        &[
            "ceasefire",
            "truce",
            "deal",
            "agreement",
            "signed",
            "treaty",
            "accord",
            "memorandum",
        ],
    ),
    (
        Category::Politics,
        &[
            "election*",
            "parliament*",
            "parliamentary",
            "resigned",
            "resignation",
            "referendum",
            "inaugurat*",
            "appointed",
            "dismissed",
            "impeach*",
        ],
    ),
    (
        Category::Diplomacy,
        &[
            "talks",
            "negotiat*",
            "summit",
            "met",
            "meet",
            "meets",
            "meeting",
            "visit*",
            "discuss*",
            "a call with",
            "phone call",
            "spoke separately",
            "spoke to",
            "delegation*",
            "envoy*",
            "mediat*",
        ],
    ),
];

/// Words a title must not end on ("… talks with the", "Roe and").
const DANGLING_WORDS: &[&str] = &[
    "a", "an", "the", "and", "or", "but", "nor", "of", "to", "in", "on", "at", "for", "with", "by",
    "from", "into", "as", "than", "that", "which", "who", "whose", "its", "their", "his", "her",
    "our", "this", "these", "those", "after", "before", "while", "near", "about", "over", "under",
    "between", "against", "amid", "is", "are", "was", "were", "be", "been", "has", "have", "had",
    "would", "will", "any", "some", "every", "each", "no", "all", "both", "either", "neither",
    "such", "more", "most", "own", "very",
];

/// Words that open a relative or subordinate clause the title leaves out.
const CLAUSE_OPENERS: &[&str] = &[
    "which", "who", "whom", "whose", "because", "although", "amid",
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
        let words = event_words(text, mention, furniture);
        proposals.push(ProposedEvent {
            mention: index,
            date: mention.date,
            end: mention.end,
            approximate: mention.approximate,
            title: title_from(text, mention, &words),
            summary: summary_from(text, mention, furniture),
            sentence_range: mention.sentence_range.clone(),
            category: guess_category(&words),
            actors: Vec::new(),
        });
    }
    proposals
}

/// The sentence around the mention, at most [`NEARBY_BYTES`] on each side (long sentences
/// would otherwise make every mention cost the whole sentence), without the page furniture
/// (a wire dateline) it starts with.
fn nearby(text: &str, mention: &DateMention, furniture: &[Range<usize>]) -> Range<usize> {
    let near = window(
        text,
        mention.sentence_range.clone(),
        mention.byte_range.clone(),
        NEARBY_BYTES,
    );
    let furniture_end = furniture
        .iter()
        .filter(|f| f.start <= near.start.max(f.start) && f.end > near.start)
        .filter(|f| f.end <= mention.byte_range.start)
        .map(|f| f.end)
        .max();
    let mut start = furniture_end.unwrap_or(near.start).max(near.start);
    // A wire dateline the metadata did not see (it stands further down, or the text is a part).
    if let Some(dateline) = wire_dateline(slice(text, start..near.end))
        && start + dateline.len_bytes <= mention.byte_range.start
    {
        start += dateline.len_bytes;
    }
    start..near.end
}

/// Byte ranges (within `sentence`) of its clauses: split at ", ", "; " and dashes between spaces.
fn clauses(sentence: &str) -> Vec<Range<usize>> {
    let mut ranges = Vec::new();
    let mut start = 0;
    let mut chars = sentence.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        let next_is_space = chars.peek().is_some_and(|(_, n)| n.is_whitespace());
        let before_is_space = sentence
            .get(..at)
            .and_then(|b| b.chars().next_back())
            .is_some_and(char::is_whitespace);
        let is_break = match c {
            ',' | ';' => next_is_space,
            '–' | '—' => next_is_space && before_is_space,
            '-' => next_is_space && before_is_space,
            _ => false,
        };
        if is_break {
            ranges.push(start..at);
            start = at + c.len_utf8();
        }
    }
    ranges.push(start..sentence.len());
    ranges
}

/// The words of `text`, quote marks dropped and whitespace collapsed.
fn plain_words(text: &str) -> Vec<String> {
    text.split_whitespace()
        .map(|word| {
            word.chars()
                .filter(|c| !matches!(c, '"' | '“' | '”' | '„' | '‘' | '«' | '»'))
                .collect::<String>()
        })
        .map(|word| {
            // A closing single quote, not an apostrophe inside a word.
            word.trim_start_matches('\'')
                .trim_end_matches(['\'', '’'])
                .to_owned()
        })
        .filter(|word| !word.is_empty())
        .collect()
}

fn is_speech_clause(words: &[String]) -> Option<usize> {
    words.iter().position(|word| {
        let lower = word.trim_end_matches([',', '.', ';', ':']).to_lowercase();
        is_speech_word(&lower) || lower == "according"
    })
}

/// The words a title and category are made from: the clause of the date without the date
/// phrase; a clause that is only the date ("On Thursday,") lends its place to the next one; a
/// date in a trailing attribution ("…, Roe said on Monday") dates the saying: "Roe said …".
fn event_words(text: &str, mention: &DateMention, furniture: &[Range<usize>]) -> Vec<String> {
    let near = nearby(text, mention, furniture);
    let sentence = slice(text, near.clone());
    let date_start = mention.byte_range.start.saturating_sub(near.start);
    let date_end = mention.byte_range.end.saturating_sub(near.start);
    let clauses = clauses(sentence);
    let words_of = |range: &Range<usize>| {
        let before = sentence.get(range.start..date_start.clamp(range.start, range.end));
        let after = sentence.get(date_end.clamp(range.start, range.end)..range.end);
        let mut words = plain_words(before.unwrap_or(""));
        for word in plain_words(after.unwrap_or("")) {
            // A comma left behind by the date ("in Turkey tomorrow,") sticks to its word.
            match words.last_mut() {
                Some(last) if !word.chars().any(char::is_alphanumeric) => last.push_str(&word),
                _ => words.push(word),
            }
        }
        words
    };
    let Some(index) = clauses
        .iter()
        .position(|c| c.start <= date_start && date_start < c.end.max(c.start + 1))
    else {
        return plain_words(sentence);
    };
    let own = clauses.get(index).map(words_of).unwrap_or_default();
    let counted = |words: &[String]| {
        words
            .iter()
            .filter(|w| w.chars().any(char::is_alphanumeric))
            .count()
    };
    if counted(&own) < 2
        && let Some(next) = clauses.get(index + 1)
    {
        return words_of(next);
    }
    let main = clauses.first().map(words_of).unwrap_or_default();
    if index > 0
        && counted(&main) >= 3
        && let Some(verb) = is_speech_clause(&own)
    {
        // "…, President Jane Roe said on Monday": "President Jane Roe said …".
        let mut subject: Vec<String> = own.iter().take(verb).cloned().collect();
        if subject.is_empty() {
            subject = own.iter().skip(verb + 1).cloned().collect();
        }
        if let Some(first) = subject.first_mut()
            && matches!(first.as_str(), "the" | "The")
        {
            subject.remove(0);
        }
        if !subject.is_empty() {
            let mut words = subject;
            words.push("said".to_owned());
            let mut main = main;
            if let Some(first) = main.first_mut()
                && matches!(first.as_str(), "A" | "An" | "The")
            {
                *first = first.to_lowercase();
            }
            words.extend(main);
            return words;
        }
    }
    if index > 0
        && let Some(previous) = clauses.get(index - 1).map(words_of)
        && let Some(resolved) = without_relative_pronoun(&own, &previous)
    {
        return resolved;
    }
    // "Turkey, a NATO member …, positioned itself …": the short first clause is the subject.
    let subjectless = own.first().is_some_and(|w| {
        let lower = w.to_lowercase();
        w.chars().next().is_some_and(char::is_lowercase)
            && (lower.ends_with("ed") || SUBJECTLESS_VERBS.contains(&lower.as_str()))
    });
    if index > 0
        && subjectless
        && (1..=4).contains(&main.len())
        && main.first().is_some_and(|w| is_capitalized(w))
    {
        let mut words = main;
        if let Some(last) = words.last_mut() {
            *last = last.trim_end_matches([',', ';']).to_owned();
        }
        words.extend(own);
        return words;
    }
    own
}

/// Verbs (other than "-ed" ones) that open a clause whose subject is the sentence's first
/// clause: "Turkey, a NATO member, met …".
const SUBJECTLESS_VERBS: &[&str] = &[
    "met", "held", "said", "told", "sent", "made", "took", "gave", "won", "lost", "began", "left",
    "struck", "brought", "became", "will", "would",
];

/// "the Crimean peninsula, which Russia annexed in 2014" → "Russia annexed the Crimean
/// peninsula"; "Jane Roe, who met Doe on Monday" → "Jane Roe met Doe": a relative clause with
/// its pronoun replaced by what it stands for, the end of the clause before.
fn without_relative_pronoun(own: &[String], previous: &[String]) -> Option<Vec<String>> {
    let (pronoun, rest) = own.split_first()?;
    if !matches!(pronoun.to_lowercase().as_str(), "which" | "who" | "that") || rest.is_empty() {
        return None;
    }
    // A run of capitalised words at the end ("South Ossetia"), else "the/a …" (up to 3 words).
    let capitalised = previous
        .iter()
        .rev()
        .take_while(|w| is_capitalized(w))
        .count();
    let antecedent_len = if capitalised > 0 {
        capitalised
    } else {
        previous
            .iter()
            .rev()
            .take(4)
            .position(|w| matches!(w.to_lowercase().as_str(), "the" | "a" | "an"))?
            + 1
    };
    let mut antecedent: Vec<String> = previous
        .get(previous.len().saturating_sub(antecedent_len)..)?
        .to_vec();
    if let Some(first) = antecedent.first_mut()
        && matches!(first.as_str(), "The" | "A" | "An")
    {
        *first = first.to_lowercase();
    }
    let subject_follows = rest.first().is_some_and(|w| {
        is_capitalized(w)
            || matches!(
                w.to_lowercase().as_str(),
                "he" | "she" | "they" | "it" | "we" | "i" | "the" | "a" | "an"
            )
    });
    if subject_follows {
        // The pronoun is the object: "which Russia annexed" → "Russia annexed <antecedent>".
        let mut words = rest.to_vec();
        if let Some(last) = words.last_mut() {
            *last = last
                .trim_end_matches(['.', ',', ';', ':', '!', '?'])
                .to_owned();
        }
        words.extend(antecedent);
        Some(words)
    } else {
        antecedent.extend(rest.iter().cloned());
        Some(antecedent)
    }
}

/// `true` when `keyword` (a word, a `stem*` or a phrase) is among the lower-case `words`.
fn has_keyword(words: &[String], keyword: &str) -> bool {
    if keyword.contains(' ') {
        let parts: Vec<&str> = keyword.split(' ').collect();
        return words
            .windows(parts.len())
            .any(|window| window.iter().zip(&parts).all(|(w, p)| w == p));
    }
    match keyword.strip_suffix('*') {
        Some(stem) => words.iter().any(|w| w.starts_with(stem)),
        None => words.iter().any(|w| w == keyword),
    }
}

/// The category whose keywords the words hold most often; a tie goes to the first in
/// [`CATEGORY_KEYWORDS`], no keyword at all to [`Category::Other`].
pub fn guess_category(words: &[String]) -> Category {
    let lower: Vec<String> = words
        .iter()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-')
                .to_lowercase()
        })
        .collect();
    let mut best = (0, Category::Other);
    for (category, keywords) in CATEGORY_KEYWORDS {
        let hits = keywords.iter().filter(|k| has_keyword(&lower, k)).count();
        if hits > best.0 {
            best = (hits, *category);
        }
    }
    best.1
}

/// A headline-like title from the event's words: relative clauses left out, at most
/// [`MAX_TITLE_CHARS`] characters, cut between words and never ending on a word like "the" or
/// "and"; the first letter capitalised.
pub fn headline_title(words: &[String]) -> String {
    // A clause after a comma may open with its conjunction: ", and ministers will meet".
    let opening = words
        .iter()
        .take_while(|w| {
            matches!(
                w.to_lowercase().as_str(),
                "and"
                    | "but"
                    | "or"
                    | "while"
                    | "so"
                    | "then"
                    | "also"
                    | "yet"
                    | "though"
                    | "although"
                    | "whereas"
                    | "as"
            )
        })
        .count();
    let words = words.get(opening..).unwrap_or_default();
    let mut kept: Vec<&str> = Vec::new();
    for (index, word) in words.iter().enumerate() {
        let lower = word.to_lowercase();
        if index >= 3 && CLAUSE_OPENERS.contains(&lower.as_str()) {
            break;
        }
        kept.push(word);
    }
    let mut title = String::new();
    let mut length = 0;
    let mut taken = 0;
    for word in &kept {
        let extra = word.chars().count() + usize::from(taken > 0);
        if length + extra > MAX_TITLE_CHARS {
            break;
        }
        length += extra;
        taken += 1;
    }
    let mut kept = kept.get(..taken).unwrap_or_default().to_vec();
    while let Some(last) = kept.last_mut() {
        let trimmed = last.trim_end_matches([',', '.', ';', ':', '-', '–', '—', '(']);
        *last = trimmed;
        let lower = trimmed.to_lowercase();
        if trimmed.is_empty() || DANGLING_WORDS.contains(&lower.as_str()) {
            kept.pop();
        } else {
            break;
        }
    }
    for word in &kept {
        if !title.is_empty() {
            title.push(' ');
        }
        title.push_str(word);
    }
    let mut chars = title.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// The title of the event of `mention`, or its date phrase when no words are left.
fn title_from(text: &str, mention: &DateMention, words: &[String]) -> String {
    let title = headline_title(words);
    if title.trim().is_empty() {
        slice(text, mention.byte_range.clone()).to_owned()
    } else {
        title
    }
}

/// The sentence of the mention as a summary, without a wire dateline at its start.
fn summary_from(text: &str, mention: &DateMention, furniture: &[Range<usize>]) -> String {
    let near = nearby(text, mention, furniture);
    if near.start > mention.sentence_range.start && near.start < mention.sentence_range.end {
        excerpt(text, near.start..mention.sentence_range.end)
    } else {
        mention.sentence.clone()
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
    fn a_long_sentence_is_cut_at_a_word_without_a_dangling_word() {
        let text = "On Monday the council of the example region agreed to study the long list of proposals put forward by many members over several years.";
        let title = &proposals(text)[0].title;
        assert_eq!(
            title,
            "The council of the example region agreed to study the long list of proposals put"
        );
        assert!(title.chars().count() <= MAX_TITLE_CHARS, "{title}");
        let text = "On Monday the delegations of the two countries held a long meeting in the capital with the mediators.";
        let title = &proposals(text)[0].title;
        assert_eq!(
            title,
            "The delegations of the two countries held a long meeting in the capital"
        );
    }

    #[test]
    fn a_title_leaves_out_relative_clauses_and_attributions() {
        let found = proposals(
            "Russian troops launched an offensive on Saturday near the town, the general staff said.",
        );
        assert_eq!(
            found[0].title,
            "Russian troops launched an offensive near the town"
        );
        let words = |text: &str| text.split(' ').map(str::to_owned).collect::<Vec<_>>();
        assert_eq!(
            headline_title(&words("Roe asked Doe to be a guarantor of any")),
            "Roe asked Doe to be a guarantor"
        );
        assert_eq!(headline_title(&words("talks with the")), "Talks");
        let found = proposals("The council met on Saturday in a hall which was built in 1900.");
        assert_eq!(found[0].title, "The council met in a hall");
    }

    #[test]
    fn a_clause_after_a_comma_loses_its_conjunction() {
        let found =
            proposals("Banks were hit, and ministers will discuss more measures next Tuesday.");
        assert_eq!(found[0].title, "Ministers will discuss more measures");
    }

    #[test]
    fn a_relative_clause_of_the_date_takes_what_its_pronoun_stands_for() {
        let found = proposals("Talks covered the Crimean peninsula, which Russia annexed in 2014.");
        assert_eq!(found[0].title, "Russia annexed the Crimean peninsula");
        let found = proposals("Talks were led by Jane Roe, who met the envoys on Monday.");
        assert_eq!(found[0].title, "Jane Roe met the envoys");
    }

    #[test]
    fn a_clause_without_subject_takes_the_short_first_clause() {
        let found = proposals(
            "Turkey, a member that kept ties with both sides, positioned itself as a venue in 2022.",
        );
        assert_eq!(found[0].title, "Turkey positioned itself as a venue");
    }

    #[test]
    fn a_subordinate_clause_loses_its_conjunction_and_a_date_its_comma() {
        let found =
            proposals("It brokered a deal, though Russia withdrew from that deal in July 2023.");
        assert_eq!(found[0].title, "Russia withdrew from that deal");
        let found = proposals("“No, there will be no talks in Turkey tomorrow,” Jane Roe stated.");
        assert_eq!(
            found[0].title,
            "There will be no talks in Turkey, Jane Roe stated"
        );
    }

    #[test]
    fn a_date_in_the_attribution_titles_the_saying() {
        let found = proposals(
            "A delegation will travel to Istanbul for talks, President Jane Roe said on Monday.",
        );
        assert_eq!(
            found[0].title,
            "President Jane Roe said a delegation will travel to Istanbul for talks"
        );
        assert_eq!(found[0].category, Category::Diplomacy);
    }

    #[test]
    fn categories_are_guessed_from_the_words() {
        let category = |text: &str| proposals(text)[0].category;
        assert_eq!(
            category("On Monday the two sides held talks in Istanbul."),
            Category::Diplomacy
        );
        assert_eq!(
            category("On Monday the ministers met."),
            Category::Diplomacy
        );
        assert_eq!(
            category("On Monday the union imposed sanctions on banks."),
            Category::Sanctions
        );
        assert_eq!(
            category("On Monday both sides signed a ceasefire agreement."),
            Category::Agreement
        );
        assert_eq!(
            category("On Monday troops launched an attack on the city."),
            Category::Military
        );
        assert_eq!(
            category("On Monday the sides carried out a prisoner swap."),
            Category::Humanitarian
        );
        assert_eq!(
            category("On Monday the first grain ship left the port."),
            Category::Humanitarian
        );
        assert_eq!(
            category("On Monday the prime minister resigned."),
            Category::Politics
        );
        assert_eq!(
            category("On Monday parliament called an early election."),
            Category::Politics
        );
        assert_eq!(category("On Monday it rained."), Category::Other);
        // "metal" is no "met".
        assert_eq!(category("On Monday metal prices rose."), Category::Other);
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
