//! The people an article names, with the full name and role it gives them ("Kremlin spokesman
//! Dmitry Peskov", "Ibrahim Kalin, a chief adviser …"), and the unnamed sources it introduces
//! ("a source close to …"), so a later "Peskov" or "the source" can be resolved.

use std::collections::HashMap;
use std::ops::Range;

use super::sentences::Sentence;
use super::words::{
    Hole, Token, collapse_whitespace, is_capitalized, only_spaces_between, slice, tokens,
    without_possessive,
};

/// Capitalised words that open sentences or clauses but are not names.
pub const NOT_NAMES: &[&str] = &[
    "The",
    "A",
    "An",
    "However",
    "Meanwhile",
    "But",
    "And",
    "Or",
    "Even",
    "While",
    "When",
    "If",
    "On",
    "In",
    "At",
    "For",
    "With",
    "As",
    "After",
    "Before",
    "Since",
    "Still",
    "Yet",
    "Earlier",
    "Later",
    "Last",
    "This",
    "That",
    "These",
    "Those",
    "It",
    "He",
    "She",
    "They",
    "We",
    "I",
    "You",
    "Our",
    "His",
    "Her",
    "Their",
    "Its",
    "So",
    "Also",
    "Then",
    "Now",
    "Both",
    "According",
    "Asked",
    "Speaking",
    "Although",
    "Though",
    "Because",
    "Instead",
    "Despite",
    "Under",
    "Over",
    "From",
    "By",
    "To",
    "Of",
    "Some",
    "Many",
    "Analysts",
    "Officials",
    "Read",
    "More",
    "Mr",
    "Mrs",
    "Ms",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Ukrainians",
    "Russians",
];

/// Capitalised words that are titles before a name ("President Vladimir Putin").
const TITLES: &[&str] = &[
    "President",
    "Prime",
    "Minister",
    "Foreign",
    "Defence",
    "Defense",
    "Secretary",
    "State",
    "Special",
    "Envoy",
    "Spokesman",
    "Spokeswoman",
    "Spokesperson",
    "Chancellor",
    "King",
    "Queen",
    "Prince",
    "Senator",
    "Sen",
    "General",
    "Gen",
    "Dr",
    "Mr",
    "Mrs",
    "Ms",
    "Sir",
    "Ambassador",
    "Deputy",
    "Vice",
    "Chief",
    "Director",
    "Chairman",
    "Chairwoman",
    "Chair",
    "Commander",
    "Governor",
    "Mayor",
    "Premier",
    "Pope",
    "Sheikh",
    "Emir",
    "Adviser",
    "Advisor",
    "Officer",
    "Colonel",
    "Captain",
    "Lieutenant",
    "Judge",
    "Justice",
    "Professor",
    "Prof",
    "Speaker",
    "Representative",
    "Rep",
    "Envoy",
    "Official",
    "Spokesman",
];

/// Lower-case nouns that name a role ("Kremlin spokesman", "the source").
pub const ROLE_NOUNS: &[&str] = &[
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "adviser",
    "advisor",
    "minister",
    "president",
    "envoy",
    "official",
    "secretary",
    "ambassador",
    "diplomat",
    "analyst",
    "fellow",
    "chief",
    "head",
    "director",
    "commander",
    "leader",
    "negotiator",
    "aide",
    "source",
    "insider",
    "officer",
    "expert",
    "researcher",
    "economist",
    "professor",
    "representative",
    "mediator",
    "premier",
    "chancellor",
    "general",
    "governor",
    "mayor",
    "senator",
    "lawmaker",
    "deputy",
];

/// Longest role taken from an appositive ("Jane Roe, a … , said").
const MAX_ROLE_WORDS: usize = 15;

/// Longest run of capitalised words taken as titles plus a name.
const MAX_RUN_WORDS: usize = 10;

/// Small words allowed inside names ("Osama bin Laden", "Ursula von der Leyen").
const NAME_PARTICLES: &[&str] = &[
    "bin", "ibn", "al", "de", "der", "van", "von", "da", "di", "del", "la", "le", "du",
];

/// Words after which a name is inside a phrase ("a source close to X"), not its head.
pub const PREPOSITIONS: &[&str] = &["to", "of", "for", "with", "from", "at", "near", "by"];

/// Someone named in full (at least two words) somewhere in the article.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Person {
    pub name: String,
    pub role: Option<String>,
    role_is_appositive: bool,
    mentions: usize,
    /// Every role the article gives the person, as the set of its lower-case words (words of
    /// someone else, "the president's", left out), with where it was given.
    roles: Vec<(Vec<String>, usize)>,
}

/// An unnamed source as the article introduces it: "a source close to Kirill Dmitriev".
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Introduction {
    /// The role noun: "source", "official".
    pub noun: String,
    /// The description without its article: "source close to Kirill Dmitriev".
    pub phrase: String,
    /// Where the introduction is.
    pub at: usize,
}

/// Everyone the article names, and the unnamed sources it introduces.
#[derive(Clone, Debug, Default)]
pub struct People {
    pub persons: Vec<Person>,
    /// In text order.
    pub introductions: Vec<Introduction>,
    by_name: HashMap<String, usize>,
    /// Persons by the last word of their name ("Kalin" → Ibrahim Kalin).
    by_last_word: HashMap<String, Vec<usize>>,
    /// Persons by each lower-case word of any of their roles ("spokesman" → Dmitry Peskov).
    by_role_word: HashMap<String, Vec<usize>>,
}

/// How many people sharing a last name are compared when resolving a name (bounds the work on
/// pathological input; articles name a handful).
const MAX_NAMESAKES: usize = 32;

/// A run of capitalised words split into its leading titles and the name itself.
#[derive(Clone, Debug)]
pub struct NameRun {
    /// "Turkish President" in "Turkish President Recep Tayyip Erdogan".
    pub titles: Vec<String>,
    /// "Recep Tayyip Erdogan".
    pub name: Vec<String>,
    /// Token indices of the whole run (titles included).
    pub first_token: usize,
    pub last_token: usize,
    /// "the Black Sea Grain Initiative": a name after an article is a thing, not a person.
    pub after_article: bool,
}

impl NameRun {
    pub fn name_text(&self) -> String {
        self.name.join(" ")
    }
}

/// The word at token `index`, if that token is a word.
pub fn word_at<'a>(
    text: &'a str,
    tokens: &[(Token, Range<usize>)],
    index: usize,
) -> Option<&'a str> {
    match tokens.get(index) {
        Some((Token::Word(range), _)) => Some(slice(text, range.clone())),
        _ => None,
    }
}

fn is_name_word(word: &str) -> bool {
    is_capitalized(word)
}

/// The run of name words that ends at token `last` (walking back), split into titles and name.
pub fn name_run_ending_at(
    text: &str,
    tokens: &[(Token, Range<usize>)],
    last: usize,
) -> Option<NameRun> {
    let word = word_at(text, tokens, last)?;
    if !is_name_word(word) {
        return None;
    }
    let mut first = last;
    while first > 0 && last - first < MAX_RUN_WORDS {
        let Some(previous) = word_at(text, tokens, first - 1) else {
            break;
        };
        let (Some((_, a)), Some((_, b))) = (tokens.get(first - 1), tokens.get(first)) else {
            break;
        };
        let particle = NAME_PARTICLES.contains(&previous) && first - 1 > 0;
        if !(is_name_word(previous) || particle) || !only_spaces_between(text, a.end, b.start) {
            break;
        }
        first -= 1;
    }
    split_run(text, tokens, first, last)
}

/// The run of name words that starts at token `first` (walking forward).
pub fn name_run_starting_at(
    text: &str,
    tokens: &[(Token, Range<usize>)],
    first: usize,
) -> Option<NameRun> {
    let word = word_at(text, tokens, first)?;
    if !is_name_word(word) {
        return None;
    }
    let mut last = first;
    while last - first < MAX_RUN_WORDS
        && let Some(next) = word_at(text, tokens, last + 1)
    {
        let (Some((_, a)), Some((_, b))) = (tokens.get(last), tokens.get(last + 1)) else {
            break;
        };
        let particle = NAME_PARTICLES.contains(&next)
            && word_at(text, tokens, last + 2).is_some_and(is_name_word);
        if !(is_name_word(next) || particle) || !only_spaces_between(text, a.end, b.start) {
            break;
        }
        last += 1;
    }
    split_run(text, tokens, first, last)
}

fn split_run(
    text: &str,
    tokens: &[(Token, Range<usize>)],
    first: usize,
    last: usize,
) -> Option<NameRun> {
    let words: Vec<&str> = (first..=last)
        .filter_map(|i| word_at(text, tokens, i))
        .collect();
    let skip = words.iter().take_while(|w| NOT_NAMES.contains(w)).count();
    let is_article = |w: &str| matches!(w, "the" | "The" | "a" | "A" | "an" | "An");
    let after_article = skip
        .checked_sub(1)
        .and_then(|i| words.get(i))
        .is_some_and(|w| is_article(w))
        || (skip == 0
            && first
                .checked_sub(1)
                .and_then(|i| word_at(text, tokens, i))
                .is_some_and(is_article));
    let words = words.get(skip..)?;
    // Everything up to the last title (or possessive: "Ukraine's Foreign Minister") is titles.
    let title_end = words
        .iter()
        .enumerate()
        .take(words.len().saturating_sub(1))
        .filter(|(_, w)| TITLES.contains(w) || without_possessive(w).len() != w.len())
        .map(|(i, _)| i + 1)
        .next_back()
        .unwrap_or(0);
    let (titles, name) = words.split_at(title_end);
    let mut name: Vec<String> = name.iter().map(|w| (*w).to_owned()).collect();
    if let Some(last_word) = name.last_mut() {
        *last_word = without_possessive(last_word).to_owned();
    }
    if name.is_empty() || name.iter().all(|w| NOT_NAMES.contains(&w.as_str())) {
        return None;
    }
    Some(NameRun {
        titles: titles.iter().map(|w| (*w).to_owned()).collect(),
        name,
        first_token: first + skip,
        last_token: last,
        after_article,
    })
}

/// Finds the people and introductions of an article; `holes` are its quotes (left out).
pub fn find_people(text: &str, sentences: &[Sentence], holes: &[Hole]) -> People {
    let mut people = People::default();
    for sentence in sentences {
        let tokens = tokens(text, sentence.range.clone(), holes);
        let mut at = 0;
        while at < tokens.len() {
            let Some(run) = name_run_starting_at(text, &tokens, at) else {
                at += 1;
                continue;
            };
            at = run.last_token + 1;
            let has_title = run.name.iter().any(|w| TITLES.contains(&w.as_str()));
            if run.name.len() < 2 || run.after_article || has_title {
                continue;
            }
            let name = run.name_text();
            let appositive = appositive_role(text, &tokens, run.last_token, sentence.range.end);
            let prefix = prefix_role(text, &tokens, &run);
            let index = *people.by_name.entry(name.clone()).or_insert_with(|| {
                people.persons.push(Person {
                    name: name.clone(),
                    role: None,
                    role_is_appositive: false,
                    mentions: 0,
                    roles: Vec::new(),
                });
                people.persons.len() - 1
            });
            let given_at = tokens
                .get(run.first_token)
                .map_or(sentence.range.start, |t| t.1.start);
            if let Some(person) = people.persons.get_mut(index) {
                person.mentions += 1;
                for role in [&prefix, &appositive].into_iter().flatten() {
                    let words = role_words(role);
                    if !words.is_empty() && person.roles.len() < MAX_ROLES_PER_PERSON {
                        person.roles.push((words, given_at));
                    }
                }
                if let Some(role) = appositive.filter(|_| !person.role_is_appositive) {
                    person.role = Some(role);
                    person.role_is_appositive = true;
                } else if person.role.is_none() {
                    person.role = prefix;
                }
            }
        }
        introductions(text, &tokens, &mut people.introductions);
    }
    for (index, person) in people.persons.iter().enumerate() {
        let role_words: std::collections::HashSet<&String> =
            person.roles.iter().flat_map(|(words, _)| words).collect();
        for word in role_words.into_iter().cloned() {
            people.by_role_word.entry(word).or_default().push(index);
        }
        if let Some(last) = person.name.rsplit(' ').next() {
            people
                .by_last_word
                .entry(last.to_owned())
                .or_default()
                .push(index);
        }
    }
    // Surname-only mentions count towards the person they name.
    for sentence in sentences {
        for (token, range) in tokens(text, sentence.range.clone(), holes) {
            if let Token::Word(_) = token {
                let word = without_possessive(slice(text, range));
                for &index in people
                    .by_last_word
                    .get(word)
                    .into_iter()
                    .flatten()
                    .take(MAX_NAMESAKES)
                {
                    if let Some(person) = people.persons.get_mut(index) {
                        person.mentions += 1;
                    }
                }
            }
        }
    }
    people
}

/// How many roles are remembered per person (bounds pathological input).
const MAX_ROLES_PER_PERSON: usize = 16;

/// Countries as roles name them in the possessive ("Ukraine's Foreign Minister") and their
/// adjective ("the Ukrainian foreign minister"), so that one refers back to the other.
const COUNTRY_ADJECTIVES: &[(&str, &str)] = &[
    ("ukraine", "ukrainian"),
    ("russia", "russian"),
    ("turkey", "turkish"),
    ("türkiye", "turkish"),
    ("germany", "german"),
    ("france", "french"),
    ("britain", "british"),
    ("america", "american"),
    ("china", "chinese"),
    ("iran", "iranian"),
    ("israel", "israeli"),
    ("poland", "polish"),
    ("italy", "italian"),
    ("spain", "spanish"),
    ("hungary", "hungarian"),
    ("belarus", "belarusian"),
    ("moldova", "moldovan"),
    ("georgia", "georgian"),
    ("qatar", "qatari"),
    ("india", "indian"),
    ("japan", "japanese"),
];

/// The lower-case words of a role that describe the person: "the president's press secretary"
/// → press, secretary (the president is someone else); "Ukraine's Foreign Minister" →
/// ukrainian, foreign, minister.
fn role_words(role: &str) -> Vec<String> {
    role.split_whitespace()
        .map(|word| word.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’'))
        .filter_map(|word| {
            let stem = without_possessive(word);
            if stem.len() == word.len() {
                return Some(word.to_lowercase());
            }
            // A country's possessive says whose the role is: its adjective.
            let lower = stem.to_lowercase();
            COUNTRY_ADJECTIVES
                .iter()
                .find(|(country, _)| *country == lower)
                .map(|(_, adjective)| (*adjective).to_owned())
        })
        .filter(|word| {
            !matches!(
                word.as_str(),
                "a" | "an" | "the" | "of" | "and" | "for" | "to"
            )
        })
        .collect()
}

/// "Ibrahim Kalin, a chief adviser and spokesman for …, said": the words after ", a".
fn appositive_role(
    text: &str,
    tokens: &[(Token, Range<usize>)],
    name_last: usize,
    sentence_end: usize,
) -> Option<String> {
    if !matches!(tokens.get(name_last + 1), Some((Token::Comma, _))) {
        return None;
    }
    let article = word_at(text, tokens, name_last + 2)?;
    if !matches!(article, "a" | "an" | "the") {
        return None;
    }
    let start = tokens.get(name_last + 3)?.1.start;
    let mut end = start;
    for (token, range) in tokens.iter().skip(name_last + 3).take(MAX_ROLE_WORDS + 5) {
        match token {
            Token::Word(_) => {
                let word = slice(text, range.clone());
                if matches!(word, "who" | "which" | "that" | "whose" | "said" | "says") {
                    break;
                }
                end = range.end;
            }
            Token::Other => {}
            _ => break,
        }
    }
    let role = slice(text, start..end.min(sentence_end)).trim();
    let words = role.split_whitespace().count();
    (words > 0 && words <= MAX_ROLE_WORDS).then(|| collapse_whitespace(role))
}

/// "Kremlin spokesman Dmitry Peskov", "Turkish President Recep Tayyip Erdogan": the titles in
/// the run and the role words just before it.
fn prefix_role(text: &str, tokens: &[(Token, Range<usize>)], run: &NameRun) -> Option<String> {
    let mut before = Vec::new();
    let mut at = run.first_token;
    while at > 0 && before.len() < MAX_RUN_WORDS {
        let Some(word) = word_at(text, tokens, at - 1) else {
            break;
        };
        let (Some((_, a)), Some((_, b))) = (tokens.get(at - 1), tokens.get(at)) else {
            break;
        };
        let is_role_word =
            ROLE_NOUNS.contains(&word) || (is_capitalized(word) && !NOT_NAMES.contains(&word));
        if !is_role_word || !only_spaces_between(text, a.end, b.start) {
            break;
        }
        before.push(word.to_owned());
        at -= 1;
    }
    before.reverse();
    before.extend(run.titles.iter().cloned());
    let has_role = before
        .iter()
        .any(|w| ROLE_NOUNS.contains(&w.to_lowercase().as_str()) || TITLES.contains(&w.as_str()));
    (has_role && !before.is_empty()).then(|| before.join(" "))
}

/// "a source close to Kirill Dmitriev," / "according to a senior Turkish official involved in …".
fn introductions(text: &str, tokens: &[(Token, Range<usize>)], found: &mut Vec<Introduction>) {
    for (index, (token, range)) in tokens.iter().enumerate() {
        if !matches!(token, Token::Word(_)) {
            continue;
        }
        let article = slice(text, range.clone());
        if !matches!(article, "a" | "an" | "A" | "An") {
            continue;
        }
        let mut end = None;
        let mut noun = None;
        for (offset, (token, range)) in tokens.iter().enumerate().skip(index + 1).take(12) {
            let Token::Word(_) = token else {
                break;
            };
            let word = slice(text, range.clone());
            if matches!(word, "said" | "says" | "told" | "who" | "which" | "that") {
                break;
            }
            if noun.is_none()
                && offset <= index + 4
                && matches!(
                    word,
                    "source"
                        | "official"
                        | "diplomat"
                        | "aide"
                        | "insider"
                        | "officer"
                        | "analyst"
                        | "expert"
                        | "negotiator"
                        | "person"
                )
            {
                noun = Some(word.to_owned());
            }
            end = Some(range.end);
        }
        if let (Some(noun), Some(end), Some((_, first))) = (noun, end, tokens.get(index + 1)) {
            found.push(Introduction {
                noun,
                phrase: collapse_whitespace(slice(text, first.start..end)),
                at: range.start,
            });
        }
    }
}

impl People {
    /// The full name the article uses for `name` ("Kalin" → "Ibrahim Kalin"), and whether it
    /// is a person named in full somewhere.
    pub fn full_name(&self, name: &[String]) -> (String, bool) {
        let joined = name.join(" ");
        if self.by_name.contains_key(&joined) {
            return (joined, true);
        }
        let ends_with = |person: &&Person| {
            let words: Vec<&str> = person.name.split(' ').collect();
            words.len() > name.len()
                && words
                    .iter()
                    .rev()
                    .zip(name.iter().rev())
                    .all(|(a, b)| *a == b.as_str())
        };
        match self
            .persons
            .iter()
            .filter(ends_with)
            .max_by_key(|p| p.mentions)
        {
            Some(person) => (person.name.clone(), true),
            None => (joined, false),
        }
    }

    /// The people named in `text[range]` (in full or by last name), in order of first mention.
    pub fn named_in(&self, text: &str, range: Range<usize>) -> Vec<String> {
        let mut names: Vec<String> = Vec::new();
        for (token, word_range) in tokens(text, range, &[]) {
            if !matches!(token, Token::Word(_)) {
                continue;
            }
            let word = without_possessive(slice(text, word_range));
            if !is_capitalized(word) {
                continue;
            }
            let (name, is_person) = self.full_name(&[word.to_owned()]);
            if is_person && !names.contains(&name) {
                names.push(name);
            }
            if names.len() >= MAX_NAMESAKES {
                break;
            }
        }
        names
    }

    /// The role the article gives the person named `full_name`.
    pub fn role_of(&self, full_name: &str) -> Option<&str> {
        let index = self.by_name.get(full_name)?;
        self.persons.get(*index).and_then(|p| p.role.as_deref())
    }

    /// The one person the article introduced before `at` with a role holding all of
    /// `described` ("the Kremlin spokesman", "the Turkish president", "the minister" → the
    /// person introduced as "Kremlin spokesman Dmitry Peskov", …). Two such people, or none:
    /// `None`, since "the minister" is then ambiguous or someone the article did not name.
    pub fn with_role(&self, described: &[String], at: usize) -> Option<&Person> {
        let wanted = role_words(&described.join(" "));
        let first = wanted.first()?;
        let mut found = None;
        for &index in self.by_role_word.get(first)?.iter().take(MAX_NAMESAKES) {
            let Some(person) = self.persons.get(index) else {
                continue;
            };
            let holds = person.roles.iter().any(|(words, given_at)| {
                *given_at < at && wanted.iter().all(|w| words.contains(w))
            });
            if holds {
                if found.is_some() {
                    return None;
                }
                found = Some(person);
            }
        }
        found
    }

    /// The latest unnamed source introduced before `at` with that noun.
    pub fn introduction(&self, noun: &str, at: usize) -> Option<&Introduction> {
        let before = self.introductions.partition_point(|i| i.at <= at);
        self.introductions
            .get(..before)
            .unwrap_or_default()
            .iter()
            .rev()
            .take(MAX_NAMESAKES)
            .find(|i| i.noun == noun)
    }
}

#[cfg(test)]
mod tests {
    use super::super::quotes::{find_quote_spans, holes};
    use super::super::sentences::{paragraphs, sentences};
    use super::*;

    fn people(text: &str) -> People {
        let paragraphs = paragraphs(text);
        let quotes = find_quote_spans(text, &paragraphs);
        let holes = holes(&quotes);
        find_people(text, &sentences(text, &paragraphs, &quotes), &holes)
    }

    fn words(names: &[&str]) -> Vec<String> {
        names.iter().map(|w| (*w).to_owned()).collect()
    }

    #[test]
    fn a_surname_resolves_to_the_full_name_used_elsewhere() {
        let found = people("Jane Roe met officials. Later Roe left.");
        assert_eq!(
            found.full_name(&words(&["Roe"])),
            ("Jane Roe".to_owned(), true)
        );
        assert_eq!(found.full_name(&words(&["Doe"])), ("Doe".to_owned(), false));
    }

    #[test]
    fn titles_before_a_name_are_its_role_not_its_name() {
        let found =
            people("Exampleland President Jane Roe spoke. Ministry spokesman John Doe agreed.");
        let names: Vec<&str> = found.persons.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(names, ["Jane Roe", "John Doe"]);
        assert_eq!(found.role_of("Jane Roe"), Some("Exampleland President"));
        assert_eq!(found.role_of("John Doe"), Some("Ministry spokesman"));
    }

    #[test]
    fn names_after_an_article_are_things_not_people() {
        let found =
            people("The Grand Example Council met at the Blue River Residence with Jane Roe.");
        let names: Vec<&str> = found.persons.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(names, ["Jane Roe"]);
    }

    #[test]
    fn an_appositive_role_wins_over_a_title() {
        let found =
            people("Minister Jane Roe spoke. Jane Roe, a senior adviser to the board, agreed.");
        assert_eq!(
            found.role_of("Jane Roe"),
            Some("senior adviser to the board")
        );
    }

    #[test]
    fn an_appositive_stops_at_a_relative_clause() {
        let found = people("John Doe, an envoy who has been busy, left.");
        assert_eq!(found.role_of("John Doe"), Some("envoy"));
    }

    #[test]
    fn an_unnamed_source_is_remembered_with_its_description() {
        let found = people("A source close to Jane Roe, a minister, said no.");
        let introduction = found
            .introduction("source", usize::MAX)
            .expect("introduced");
        assert_eq!(introduction.phrase, "source close to Jane Roe");
    }

    #[test]
    fn people_named_in_a_sentence_are_listed_by_full_name_once() {
        let text = "Jane Roe met John Doe. Roe and Doe talked, then Roe left.";
        let found = people(text);
        let second = text.find("Roe and").expect("sentence");
        assert_eq!(
            found.named_in(text, second..text.len()),
            ["Jane Roe", "John Doe"]
        );
    }

    fn described(words: &str) -> Vec<String> {
        words.split(' ').map(str::to_owned).collect()
    }

    #[test]
    fn the_role_noun_finds_the_one_person_with_that_role() {
        let found = people("Ministry spokesman John Doe spoke.");
        let holder = |role: &str| {
            found
                .with_role(&described(role), usize::MAX)
                .map(|p| p.name.clone())
        };
        assert_eq!(holder("spokesman").as_deref(), Some("John Doe"));
        assert_eq!(holder("ministry spokesman").as_deref(), Some("John Doe"));
        assert_eq!(holder("minister"), None);
        assert_eq!(holder("foreign spokesman"), None);
    }

    #[test]
    fn every_role_the_article_gives_a_person_refers_back_to_them() {
        let text = "Kremlin spokesman Dmitry Peskov spoke. Dmitry Peskov, the president's press secretary, agreed.";
        let found = people(text);
        let holder = |role: &str| {
            found
                .with_role(&described(role), usize::MAX)
                .map(|p| p.name.clone())
        };
        assert_eq!(
            holder("Kremlin spokesman").as_deref(),
            Some("Dmitry Peskov")
        );
        assert_eq!(holder("press secretary").as_deref(), Some("Dmitry Peskov"));
        // "the president's" names someone else.
        assert_eq!(holder("president"), None);
    }

    #[test]
    fn a_country_possessive_and_its_adjective_are_the_same_role() {
        let found =
            people("Ukraine's Foreign Minister Jane Roe met Exampleland President John Doe.");
        assert_eq!(
            found
                .with_role(&described("Ukrainian foreign minister"), usize::MAX)
                .map(|p| p.name.as_str()),
            Some("Jane Roe")
        );
        assert!(
            found
                .with_role(&described("Russian foreign minister"), usize::MAX)
                .is_none()
        );
    }

    #[test]
    fn a_role_held_by_two_people_is_ambiguous() {
        let text = "Turkish President Jane Roe met Exampleland President John Doe.";
        let found = people(text);
        let holder = |role: &str| {
            found
                .with_role(&described(role), usize::MAX)
                .map(|p| p.name.clone())
        };
        assert_eq!(holder("president"), None);
        assert_eq!(holder("Turkish president").as_deref(), Some("Jane Roe"));
    }

    #[test]
    fn a_role_refers_back_only_to_an_earlier_introduction() {
        let text = "The minister left. Later Foreign Minister Jane Roe spoke.";
        let found = people(text);
        let introduced_at = text.find("Foreign").expect("role");
        assert!(found.with_role(&described("minister"), 4).is_none());
        assert_eq!(
            found
                .with_role(&described("minister"), introduced_at + 1)
                .map(|p| p.name.as_str()),
            Some("Jane Roe")
        );
    }
}
