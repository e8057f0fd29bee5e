//! Who said each quote: the attribution around it ("Kalin said", "said Dmitry Peskov, …",
//! "he continued", "according to …", "the source noted"), a pull-quote caption ("- Name, role"),
//! the quotes before it in the paragraph, or the paragraph before (a continued quote), resolved
//! to the full name the article uses, with the role it gives.

use std::ops::Range;

use super::language::{Reading, reading_of};
use super::people::{
    NOT_NAMES, PREPOSITIONS, People, ROLE_NOUNS, name_run_ending_at, name_run_starting_at, word_at,
};
use super::quotes::QuoteSpan;
use super::sentences::Sentence;
use super::words::{Hole, Token, collapse_whitespace, is_capitalized, slice, tokens, window};

/// The speaker of a quote nobody in the text is credited with.
pub const UNKNOWN_SPEAKER: &str = "unknown";

/// Verbs that attribute words to a speaker.
const SPEECH_VERBS: &[&str] = &[
    "said",
    "says",
    "say",
    "saying",
    "stated",
    "states",
    "stating",
    "told",
    "tells",
    "telling",
    "added",
    "adds",
    "adding",
    "noted",
    "notes",
    "noting",
    "continued",
    "continues",
    "asked",
    "asks",
    "explained",
    "explains",
    "argued",
    "argues",
    "insisted",
    "insists",
    "insisting",
    "warned",
    "warns",
    "warning",
    "wrote",
    "writes",
    "stressed",
    "stresses",
    "stressing",
    "claimed",
    "claims",
    "remarked",
    "replied",
    "commented",
    "acknowledged",
    "announced",
    "tweeted",
    "recalled",
    "urged",
    "emphasised",
    "emphasized",
    "confirmed",
    "conceded",
    "admitted",
    "observed",
    "according",
];

/// Words that may stand between a speaker and the verb ("Kalin also said").
const BETWEEN_SPEAKER_AND_VERB: &[&str] = &[
    "also",
    "later",
    "then",
    "again",
    "previously",
    "earlier",
    "recently",
    "once",
    "has",
    "had",
    "have",
    "was",
    "is",
    "separately",
    "further",
    "however",
    "reportedly",
];

/// How far (in tokens) the rules look from a verb for its subject.
const MAX_LOOK_TOKENS: usize = 40;

/// How the speaker of a quote was found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Attribution {
    /// An attribution in the quote's own sentence: "Kalin said", "said Maria Voronova".
    SameSentence,
    /// A short attribution sentence right after it: `“We go.” Roe said.`
    NextSentence,
    /// A caption line "- Name, role" after a pull-quote.
    PullQuoteCaption,
    /// Another quote of the same paragraph whose speaker is known.
    SameParagraph,
    /// A paragraph that is only a quote, continuing the quotes of the paragraph before.
    ContinuedParagraph,
    /// A heading made of words another quote's speaker said.
    DrawnFromQuote,
    /// Nobody is credited; short fragments like this are scare quotes.
    ScareQuote,
    /// Nobody is credited.
    Unknown,
}

/// Who said a quote.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Speaker {
    /// Full name, a description ("Source close to …") or [`UNKNOWN_SPEAKER`].
    pub name: String,
    pub role: Option<String>,
    pub attribution: Attribution,
}

/// What stands as the subject of a speech verb.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Subject {
    /// Name words, titles removed: ["Kalin"], ["Maria", "Voronova"].
    Name(Vec<String>),
    /// "he", "she": the person who spoke last.
    Pronoun,
    /// "the source", "the Kremlin spokesman": the role noun, and the words from after the
    /// article to the noun ("Kremlin spokesman").
    Described(String, Vec<String>),
    /// "a source close to X", "a senior official": the description, without its article.
    Introduced(String),
}

/// The article pieces the rules read.
pub struct Article<'a> {
    pub text: &'a str,
    pub paragraphs: &'a [Range<usize>],
    pub sentences: &'a [Sentence],
    pub quotes: &'a [QuoteSpan],
    pub holes: &'a [Hole],
    pub people: &'a People,
}

/// A speaker found for a quote: name, role (from a caption), how.
type Found = (String, Option<String>, Attribution);

/// How many bytes of quote text the "drawn from another quote" rule may compare in all; keeps
/// pathological input (thousands of quotes) bounded. Articles need a few kilobytes.
const DRAWN_FROM_BUDGET_BYTES: usize = 4 << 20;

/// The speaker of every quote, in the order of `article.quotes`.
pub fn attribute_quotes(article: &Article<'_>) -> Vec<Speaker> {
    let text = article.text;
    let quotes = article.quotes;
    let paragraph_of: Vec<usize> = quotes
        .iter()
        .map(|q| paragraph_index(article.paragraphs, q.outer.start))
        .collect();
    let foreign = foreign_readings(article);
    let mut found = attribute_in_sentences(article, &paragraph_of);
    forget_foreign(&foreign, &mut found);
    attribute_by_neighbours(article, &paragraph_of, &mut found);
    attribute_headings(article, &mut found);
    forget_foreign(&foreign, &mut found);

    quotes
        .iter()
        .enumerate()
        .map(|(index, quote)| match found.get(index).cloned().flatten() {
            Some((name, role, attribution)) => {
                let role = role.or_else(|| article.people.role_of(&name).map(str::to_owned));
                Speaker {
                    name,
                    role,
                    attribution,
                }
            }
            None => {
                let paragraph = paragraph_of.get(index).copied().unwrap_or(0);
                let opens_paragraph = article
                    .paragraphs
                    .get(paragraph)
                    .is_some_and(|p| p.start == quote.outer.start);
                let words = quote.text(text);
                let is_fragment = words.split_whitespace().count() <= 3
                    && !words.contains(['.', ',', '!', '?', ';', ':']);
                let attribution = if is_fragment && !opens_paragraph {
                    Attribution::ScareQuote
                } else {
                    Attribution::Unknown
                };
                Speaker {
                    name: UNKNOWN_SPEAKER.to_owned(),
                    role: None,
                    attribution,
                }
            }
        })
        .collect()
}

/// For each quote: (its attribution reads as another language than English, its own words do).
fn foreign_readings(article: &Article<'_>) -> Vec<(bool, bool)> {
    let text = article.text;
    article
        .quotes
        .iter()
        .map(|quote| {
            let sentence = super::sentences::sentence_at(article.sentences, quote.outer.start)
                .and_then(|s| article.sentences.get(s))
                .map_or(quote.outer.clone(), |s| s.range.clone());
            // The words around the quote, outside every quote (bounded for long sentences).
            let near = window(
                text,
                sentence,
                quote.outer.clone(),
                ATTRIBUTION_CONTEXT_BYTES,
            );
            let mut outside = String::new();
            let mut at = near.start;
            for (token, range) in tokens(text, near.clone(), article.holes) {
                if let Token::Quote(_) = token {
                    outside.push_str(slice(text, at..range.start));
                    outside.push(' ');
                    at = range.end;
                }
            }
            outside.push_str(slice(text, at.min(near.end)..near.end));
            let own = quote.text(text);
            (
                reading_of(&outside) == Reading::Foreign,
                reading_of(&own) == Reading::Foreign,
            )
        })
        .collect()
}

/// How far around a quote its attribution is read for its language.
const ATTRIBUTION_CONTEXT_BYTES: usize = 300;

/// Leaves unknown the speaker of a quote attributed in another language (the rules read
/// English), and of a quote in another language credited only by its neighbours.
fn forget_foreign(foreign: &[(bool, bool)], found: &mut [Option<Found>]) {
    for (slot, &(foreign_attribution, foreign_words)) in found.iter_mut().zip(foreign) {
        let by_neighbour = slot.as_ref().is_some_and(|(_, _, how)| {
            matches!(
                how,
                Attribution::SameParagraph
                    | Attribution::ContinuedParagraph
                    | Attribution::DrawnFromQuote
            )
        });
        if foreign_attribution || (foreign_words && by_neighbour) {
            *slot = None;
        }
    }
}

/// Pass 1, in reading order so that "he" means the person who spoke last: pull-quote captions,
/// the quote's own sentence, or a short attribution sentence right after it.
fn attribute_in_sentences(article: &Article<'_>, paragraph_of: &[usize]) -> Vec<Option<Found>> {
    let text = article.text;
    let quotes = article.quotes;
    let mut found: Vec<Option<Found>> = vec![None; quotes.len()];
    let mut last_person: Option<String> = None;
    for (sentence_index, sentence) in article.sentences.iter().enumerate() {
        let tokens = tokens(text, sentence.range.clone(), article.holes);
        let verbs: Vec<usize> = (0..tokens.len())
            .filter(|&i| is_speech_verb(text, &tokens, i))
            .collect();
        let mut next_sentence_subject: Option<Option<Subject>> = None;
        let mut credited_person = None;
        for (token_index, (token, _)) in tokens.iter().enumerate() {
            let Token::Quote(quote_index) = *token else {
                continue;
            };
            let Some(quote) = quotes.get(quote_index) else {
                continue;
            };
            let paragraph = paragraph_of.get(quote_index).copied().unwrap_or(0);
            let last = last_person.as_deref();
            let mut result = pull_quote_caption(article, quote, paragraph)
                .map(|(name, role)| ((name, role, Attribution::PullQuoteCaption), true));
            if result.is_none()
                && let Some(verb) = nearest_verb(&verbs, token_index)
                && let Some(subject) = subject_of(text, &tokens, verb)
            {
                result = resolve(article.people, &subject, last, quote.outer.start)
                    .map(|(name, is_person)| ((name, None, Attribution::SameSentence), is_person));
            }
            if result.is_none() {
                let subject = next_sentence_subject.get_or_insert_with(|| {
                    attribution_sentence(article, sentence_index + 1, sentence.paragraph)
                });
                result = subject
                    .as_ref()
                    .and_then(|subject| resolve(article.people, subject, last, quote.outer.start))
                    .map(|(name, is_person)| ((name, None, Attribution::NextSentence), is_person));
            }
            if let Some(((name, _, _), true)) = &result {
                credited_person = Some(name.clone());
            }
            if let Some(slot) = found.get_mut(quote_index) {
                *slot = result.map(|(found, _)| found);
            }
        }
        // A sentence without quotes can still say who is speaking ("Kalin continued"), or
        // bring in the next person a "he said" will mean ("John Doe disagreed.").
        if credited_person.is_none() {
            let subject = match verbs.first() {
                Some(&verb) => subject_of(text, &tokens, verb),
                None => main_subject(text, &tokens, tokens.len()),
            };
            if let Some(subject) = subject
                && let Some((name, true)) = resolve(
                    article.people,
                    &subject,
                    last_person.as_deref(),
                    sentence.range.start,
                )
            {
                credited_person = Some(name);
            }
        }
        if credited_person.is_some() {
            last_person = credited_person;
        }
    }
    found
}

/// The subject of a short sentence that only attributes (`“We go.” Roe said.`), if sentence
/// `index` is one and lies in `paragraph`.
fn attribution_sentence(article: &Article<'_>, index: usize, paragraph: usize) -> Option<Subject> {
    let next = article.sentences.get(index)?;
    if next.paragraph != paragraph || next.range.len() > 200 {
        return None;
    }
    let tokens = tokens_of(article, next);
    let has_quote = tokens.iter().any(|(t, _)| matches!(t, Token::Quote(_)));
    if tokens.len() > 8 || has_quote {
        return None;
    }
    let verb = (0..tokens.len()).find(|&i| is_speech_verb(article.text, &tokens, i))?;
    subject_of(article.text, &tokens, verb)
}

/// Pass 2, in order: another quote of the same paragraph, then the paragraph before for a
/// paragraph that is only a quote (a continued quotation).
fn attribute_by_neighbours(
    article: &Article<'_>,
    paragraph_of: &[usize],
    found: &mut [Option<Found>],
) {
    let text = article.text;
    let quotes = article.quotes;
    // The next quote of the same paragraph credited in pass 1, for each quote.
    let mut next_credited: Vec<Option<usize>> = vec![None; quotes.len()];
    let mut upcoming: Option<usize> = None;
    for index in (0..quotes.len()).rev() {
        if let Some(next) = upcoming
            && paragraph_of.get(next) == paragraph_of.get(index)
            && let Some(slot) = next_credited.get_mut(index)
        {
            *slot = Some(next);
        }
        if found.get(index).is_some_and(Option::is_some) {
            upcoming = Some(index);
        }
    }
    let mut last_in_paragraph: std::collections::HashMap<usize, Found> =
        std::collections::HashMap::new();
    for index in 0..quotes.len() {
        let paragraph = paragraph_of.get(index).copied().unwrap_or(0);
        if let Some(Some(known)) = found.get(index) {
            last_in_paragraph.insert(paragraph, known.clone());
            continue;
        }
        let Some(quote) = quotes.get(index) else {
            continue;
        };
        let opens_sentence = super::sentences::sentence_at(article.sentences, quote.outer.start)
            .and_then(|s| article.sentences.get(s))
            .is_some_and(|s| s.range.start == quote.outer.start);
        let words = quote.text(text).split_whitespace().count();
        let mut result = None;
        if opens_sentence || words >= 4 {
            result = last_in_paragraph
                .get(&paragraph)
                .cloned()
                .or_else(|| {
                    let next = next_credited.get(index).copied().flatten()?;
                    found.get(next).cloned().flatten()
                })
                .map(|(name, role, _)| (name, role, Attribution::SameParagraph));
        }
        let whole_paragraph = article
            .paragraphs
            .get(paragraph)
            .is_some_and(|p| p.start == quote.outer.start);
        if result.is_none()
            && whole_paragraph
            && paragraph > 0
            && !is_heading_like(article, quote, paragraph)
        {
            result = last_in_paragraph
                .get(&(paragraph - 1))
                .cloned()
                .map(|(name, role, _)| (name, role, Attribution::ContinuedParagraph));
        }
        if let Some(known) = &result {
            last_in_paragraph.insert(paragraph, known.clone());
        }
        if let Some(slot) = found.get_mut(index) {
            *slot = result;
        }
    }
}

/// Pass 3: a heading made of words another quote's speaker said ('A peace deal at some point').
fn attribute_headings(article: &Article<'_>, found: &mut [Option<Found>]) {
    let quotes = article.quotes;
    let normalized: Vec<String> = quotes
        .iter()
        .map(|q| normalize(&q.text(article.text)))
        .collect();
    let mut budget = DRAWN_FROM_BUDGET_BYTES;
    // Only quotes credited by the earlier passes can lend their speaker.
    let credited: Vec<usize> = (0..quotes.len())
        .filter(|&index| found.get(index).is_some_and(Option::is_some))
        .collect();
    for index in 0..quotes.len() {
        if found.get(index).is_some_and(Option::is_some) {
            continue;
        }
        let Some(own) = normalized.get(index) else {
            continue;
        };
        if own.split(' ').count() < 3 {
            continue;
        }
        let mut source = None;
        for &other in &credited {
            let (Some(words), Some(Some(known))) = (normalized.get(other), found.get(other)) else {
                continue;
            };
            budget = budget.saturating_sub(words.len().max(1));
            if budget == 0 {
                return;
            }
            if words.contains(own.as_str()) {
                source = Some(known.clone());
                break;
            }
        }
        if let Some((name, role, _)) = source
            && let Some(slot) = found.get_mut(index)
        {
            *slot = Some((name, role, Attribution::DrawnFromQuote));
        }
    }
}

fn tokens_of(article: &Article<'_>, sentence: &Sentence) -> Vec<(Token, Range<usize>)> {
    tokens(article.text, sentence.range.clone(), article.holes)
}

fn paragraph_index(paragraphs: &[Range<usize>], at: usize) -> usize {
    paragraphs
        .partition_point(|p| p.end <= at)
        .min(paragraphs.len().saturating_sub(1))
}

fn normalize(text: &str) -> String {
    let cleaned: String = text
        .chars()
        .map(|c| {
            if c.is_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                ' '
            }
        })
        .collect();
    cleaned.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A short quote that is a whole paragraph with no full stop: a cross-heading.
fn is_heading_like(article: &Article<'_>, quote: &QuoteSpan, paragraph: usize) -> bool {
    let Some(range) = article.paragraphs.get(paragraph) else {
        return false;
    };
    let is_whole = slice(article.text, quote.outer.end..range.end)
        .trim()
        .is_empty();
    let words = quote.text(article.text);
    let ends_in_stop = words
        .trim_end()
        .ends_with(['.', ',', '!', '?', '…', ':', ';']);
    is_whole && !ends_in_stop && words.split_whitespace().count() <= 12
}

/// A pull-quote alone in its paragraph, followed by a caption line "- Name, role".
fn pull_quote_caption(
    article: &Article<'_>,
    quote: &QuoteSpan,
    paragraph: usize,
) -> Option<(String, Option<String>)> {
    let text = article.text;
    let own = article.paragraphs.get(paragraph)?;
    if own.start != quote.outer.start {
        return None;
    }
    let after_quote = slice(text, quote.outer.end..own.end).trim();
    let caption = if after_quote.is_empty() {
        slice(text, article.paragraphs.get(paragraph + 1)?.clone()).trim()
    } else {
        after_quote
    };
    let rest = caption.strip_prefix(['-', '–', '—', '―'])?.trim_start();
    let (name_part, role_part) = match rest.split_once(',') {
        Some((name, role)) => (name.trim(), Some(role.trim())),
        None => (rest.trim(), None),
    };
    let name_words: Vec<String> = name_part.split_whitespace().map(str::to_owned).collect();
    if name_words.is_empty()
        || name_words.len() > 5
        || !name_words.iter().all(|w| is_capitalized(w))
    {
        return None;
    }
    let (name, _) = article.people.full_name(&name_words);
    let role = role_part
        .map(|role| collapse_whitespace(strip_article(role)))
        .filter(|role| !role.is_empty());
    Some((name, role))
}

fn strip_article(text: &str) -> &str {
    ["a ", "an ", "the ", "A ", "An ", "The "]
        .iter()
        .find_map(|article| text.strip_prefix(article))
        .unwrap_or(text)
}

/// `true` for a verb that attributes words ("said", "told"), lower case as written.
pub fn is_speech_word(word: &str) -> bool {
    word != "according" && SPEECH_VERBS.contains(&word)
}

fn is_speech_verb(text: &str, tokens: &[(Token, Range<usize>)], index: usize) -> bool {
    let Some(word) = word_at(text, tokens, index) else {
        return false;
    };
    if word == "according" || word == "According" {
        return word_at(text, tokens, index + 1) == Some("to");
    }
    // "Doe called it 'a farce'", but not "Zelensky called for a meeting".
    if word == "called" || word == "calls" || word == "described" {
        let next = word_at(text, tokens, index + 1);
        return next.is_some_and(|w| matches!(w, "it" | "them" | "this" | "that" | "him" | "her"));
    }
    // Lower case as written: "United States" is no verb.
    SPEECH_VERBS.contains(&word)
}

/// The speech verb closest to the quote at token `quote_token`, among the sorted `verbs` of its
/// sentence; on a tie the one after the quote (`"…," Roe said`).
fn nearest_verb(verbs: &[usize], quote_token: usize) -> Option<usize> {
    let after = verbs.partition_point(|&verb| verb < quote_token);
    let candidates = [after.checked_sub(1), Some(after)];
    candidates
        .into_iter()
        .flatten()
        .filter_map(|i| verbs.get(i).copied())
        .min_by_key(|&verb| (verb.abs_diff(quote_token), verb < quote_token))
}

/// Who the verb at `verb` attributes words to.
fn subject_of(text: &str, tokens: &[(Token, Range<usize>)], verb: usize) -> Option<Subject> {
    let word = word_at(text, tokens, verb)?.to_lowercase();
    if word == "according" {
        return noun_phrase_after(text, tokens, verb + 2);
    }
    let after_quote = |i: usize| matches!(tokens.get(i), Some((Token::Quote(_), _)));
    let inverted = verb > 0
        && (after_quote(verb - 1)
            || (matches!(tokens.get(verb - 1), Some((Token::Comma, _)))
                && verb > 1
                && after_quote(verb - 2)));
    if inverted {
        return noun_phrase_after(text, tokens, verb + 1);
    }
    if word.ends_with("ing") {
        return main_subject(text, tokens, verb);
    }
    subject_before(text, tokens, verb).or_else(|| {
        // "…, said Jane Roe" without a quote right before.
        name_run_starting_at(text, tokens, verb + 1).map(|run| Subject::Name(run.name))
    })
}

/// "said Maria Voronova, a …", "according to a senior official …", "said the spokesman".
fn noun_phrase_after(text: &str, tokens: &[(Token, Range<usize>)], at: usize) -> Option<Subject> {
    let word = word_at(text, tokens, at)?;
    if matches!(word, "he" | "she") {
        return Some(Subject::Pronoun);
    }
    if let Some(run) = name_run_starting_at(text, tokens, at) {
        return Some(Subject::Name(run.name));
    }
    if !matches!(word, "a" | "an" | "the") {
        return None;
    }
    let mut end = None;
    let mut noun = None;
    let mut described = Vec::new();
    for index in at + 1..at + 1 + MAX_LOOK_TOKENS {
        let Some(word) = word_at(text, tokens, index) else {
            break;
        };
        if matches!(word, "who" | "which" | "that" | "said" | "says") {
            break;
        }
        if noun.is_none() {
            described.push(word.to_owned());
            if ROLE_NOUNS.contains(&word) {
                noun = Some(word.to_owned());
            }
        }
        end = tokens.get(index).map(|(_, r)| r.end);
    }
    let start = tokens.get(at + 1)?.1.start;
    let phrase = collapse_whitespace(slice(text, start..end?));
    Some(match (word, noun) {
        ("the", Some(noun)) => Subject::Described(noun, described),
        _ => Subject::Introduced(phrase),
    })
}

/// The subject of the main clause, for "…, adding that …".
fn main_subject(text: &str, tokens: &[(Token, Range<usize>)], verb: usize) -> Option<Subject> {
    for index in 0..verb.min(MAX_LOOK_TOKENS) {
        match tokens.get(index) {
            Some((Token::Word(_), _)) => {}
            // `"It is early," he said, adding …`: the quote is not the subject.
            Some((Token::Comma | Token::Quote(_), _)) => continue,
            _ => return None,
        }
        let word = word_at(text, tokens, index)?;
        if NOT_NAMES.contains(&word) {
            continue;
        }
        if matches!(word, "he" | "she") {
            return Some(Subject::Pronoun);
        }
        if let Some(run) = name_run_starting_at(text, tokens, index) {
            return Some(Subject::Name(run.name));
        }
        return noun_phrase_after(text, tokens, index);
    }
    None
}

/// "Kalin said", "Kalin, who was on both calls, said", "he continued", "the source noted".
fn subject_before(text: &str, tokens: &[(Token, Range<usize>)], verb: usize) -> Option<Subject> {
    let mut at = verb.checked_sub(1)?;
    loop {
        match tokens.get(at) {
            Some((Token::Word(_), _)) => {
                let word = word_at(text, tokens, at)?;
                let lower = word.to_lowercase();
                if BETWEEN_SPEAKER_AND_VERB.contains(&lower.as_str())
                    || (lower.ends_with("ly") && !is_capitalized(word))
                {
                    at = at.checked_sub(1)?;
                    continue;
                }
                break;
            }
            Some((Token::Comma, _)) => {
                // Skip an appositive: ", who was also on both calls," or ", a spokesman,".
                let opening = (0..at)
                    .rev()
                    .take(MAX_LOOK_TOKENS)
                    .take_while(|&i| {
                        matches!(
                            tokens.get(i),
                            Some((Token::Word(_) | Token::Comma | Token::Other, _))
                        )
                    })
                    .find(|&i| matches!(tokens.get(i), Some((Token::Comma, _))));
                let first = opening.and_then(|opening| word_at(text, tokens, opening + 1));
                let is_appositive = first.is_some_and(|first| {
                    matches!(first, "who" | "whose" | "which" | "a" | "an" | "the")
                        || !is_capitalized(first)
                });
                match opening {
                    Some(opening) if is_appositive => at = opening.checked_sub(1)?,
                    // "Roe's deputy, John Doe, told": the name between the commas speaks.
                    _ => {
                        let run = name_run_ending_at(text, tokens, at.checked_sub(1)?)?;
                        return Some(Subject::Name(run.name));
                    }
                }
                continue;
            }
            _ => return None,
        }
    }
    let word = word_at(text, tokens, at)?;
    if matches!(word, "he" | "she" | "He" | "She") {
        return Some(Subject::Pronoun);
    }
    if let Some(run) = name_run_ending_at(text, tokens, at) {
        // "a source close to Kirill Dmitriev": the name is inside the subject, not the subject.
        let before = run
            .first_token
            .checked_sub(1)
            .and_then(|i| word_at(text, tokens, i));
        if before.is_some_and(|w| PREPOSITIONS.contains(&w)) {
            return introduced_subject_before(text, tokens, run.first_token, run.last_token);
        }
        return Some(Subject::Name(run.name));
    }
    // "the source noted", "the minister's aides said": a described speaker.
    let article = (at.saturating_sub(3)..at)
        .rev()
        .take_while(|&i| word_at(text, tokens, i).is_some())
        .find(|&i| matches!(word_at(text, tokens, i), Some("the" | "The")))?;
    if ROLE_NOUNS.contains(&word) {
        let described = (article + 1..=at)
            .filter_map(|i| word_at(text, tokens, i))
            .map(str::to_owned)
            .collect();
        return Some(Subject::Described(word.to_owned(), described));
    }
    let start = tokens.get(article + 1)?.1.start;
    let end = tokens.get(at)?.1.end;
    Some(Subject::Introduced(collapse_whitespace(slice(
        text,
        start..end,
    ))))
}

/// The description that starts at an article before `name_first`: "A source close to X".
fn introduced_subject_before(
    text: &str,
    tokens: &[(Token, Range<usize>)],
    name_first: usize,
    name_last: usize,
) -> Option<Subject> {
    let article = (name_first.saturating_sub(8)..name_first)
        .rev()
        .take_while(|&i| matches!(tokens.get(i), Some((Token::Word(_), _))))
        .find(|&i| {
            matches!(
                word_at(text, tokens, i),
                Some("a" | "an" | "A" | "An" | "the" | "The")
            )
        })?;
    let start = tokens.get(article + 1)?.1.start;
    let end = tokens.get(name_last)?.1.end;
    Some(Subject::Introduced(collapse_whitespace(slice(
        text,
        start..end,
    ))))
}

/// The speaker a subject stands for, and whether it is a person named in the article.
fn resolve(
    people: &People,
    subject: &Subject,
    last_person: Option<&str>,
    at: usize,
) -> Option<(String, bool)> {
    match subject {
        Subject::Name(words) => {
            if words.iter().all(|w| NOT_NAMES.contains(&w.as_str())) {
                return None;
            }
            Some(people.full_name(words))
        }
        Subject::Pronoun => last_person.map(|name| (name.to_owned(), true)),
        Subject::Described(noun, described) => people
            .with_role(described, at)
            .map(|person| (person.name.clone(), true))
            .or_else(|| {
                people
                    .introduction(noun, at)
                    .map(|intro| (capitalize_first(&intro.phrase), false))
            }),
        Subject::Introduced(phrase) => Some((capitalize_first(phrase), false)),
    }
}

fn capitalize_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::super::people::find_people;
    use super::super::quotes::{find_quote_spans, holes};
    use super::super::sentences::{paragraphs, sentences};
    use super::*;

    /// (quote, speaker, role, how) for every quote of `text`.
    fn speakers(text: &str) -> Vec<(String, String, Option<String>, Attribution)> {
        let paragraphs = paragraphs(text);
        let quotes = find_quote_spans(text, &paragraphs);
        let sentences = sentences(text, &paragraphs, &quotes);
        let holes = holes(&quotes);
        let people = find_people(text, &sentences, &holes);
        let article = Article {
            text,
            paragraphs: &paragraphs,
            sentences: &sentences,
            quotes: &quotes,
            holes: &holes,
            people: &people,
        };
        attribute_quotes(&article)
            .into_iter()
            .zip(&quotes)
            .map(|(speaker, quote)| {
                (
                    quote.text(text),
                    speaker.name,
                    speaker.role,
                    speaker.attribution,
                )
            })
            .collect()
    }

    fn speaker_names(text: &str) -> Vec<String> {
        speakers(text).into_iter().map(|s| s.1).collect()
    }

    #[test]
    fn a_surname_before_said_resolves_to_the_full_name() {
        let text = "Jane Roe, a mediator for the council, spoke.\n\"We are close,\" Roe said.";
        let found = speakers(text);
        assert_eq!(found[0].1, "Jane Roe");
        assert_eq!(found[0].2.as_deref(), Some("mediator for the council"));
        assert_eq!(found[0].3, Attribution::SameSentence);
    }

    #[test]
    fn said_before_the_name_with_a_role_after_it() {
        let found = speakers("“Why now?” said John Doe, the ministry spokesman.");
        assert_eq!(found[0].1, "John Doe");
        assert_eq!(found[0].2.as_deref(), Some("ministry spokesman"));
    }

    #[test]
    fn a_name_with_a_title_before_it_keeps_the_title_as_role() {
        let text = "Ministry spokesman John Doe spoke.\n“No talks tomorrow,” Doe stated.";
        let found = speakers(text);
        assert_eq!(found[0].1, "John Doe");
        assert_eq!(found[0].2.as_deref(), Some("Ministry spokesman"));
    }

    #[test]
    fn a_pronoun_is_the_person_who_spoke_last() {
        let text = "Jane Roe spoke first, Roe continued.\nOthers \"want peace,\" she said.";
        assert_eq!(speaker_names(text), ["Jane Roe"]);
    }

    #[test]
    fn a_pronoun_after_a_newly_introduced_person_means_that_person() {
        let text = "\"We agree,\" Jane Roe said.\n\nJohn Doe, a spokesman, disagreed. \"It is early,\" he said, adding that the plan \"needs work.\"";
        let found = speakers(text);
        assert_eq!(found[1].1, "John Doe");
        assert_eq!(found[2].1, "John Doe");
        assert_eq!(found[2].3, Attribution::SameSentence);
    }

    #[test]
    fn an_appositive_between_name_and_verb_is_skipped() {
        let text = "Jane Roe left. Roe, who was also there, said that the plan \"now works\".";
        assert_eq!(speaker_names(text), ["Jane Roe"]);
    }

    #[test]
    fn a_capitalised_place_is_no_speech_verb() {
        // "States" is nearer the quote than "noted", but it is no verb.
        let text = "Jane Roe arrived. Roe noted that the officials had held “good talks” in the United States.";
        assert_eq!(speaker_names(text), ["Jane Roe"]);
    }

    #[test]
    fn a_name_between_commas_before_the_verb_speaks() {
        let text = "Jane Roe spoke. Roe's deputy, John Doe, told the board: 'It's not over.'";
        assert_eq!(speaker_names(text), ["John Doe"]);
    }

    #[test]
    fn calling_something_a_name_quotes_the_caller() {
        let text = "Jane Roe spoke. Two days ago, Roe had called it 'a farce'.";
        let found = speakers(text);
        assert_eq!(
            (found[0].1.as_str(), found[0].3),
            ("Jane Roe", Attribution::SameSentence)
        );
    }

    #[test]
    fn a_described_group_is_the_speaker_when_no_one_is_named() {
        let text = "The minister's aides said the plan was 'still on track'.";
        assert_eq!(speaker_names(text), ["Minister's aides"]);
    }

    #[test]
    fn according_to_names_the_speaker() {
        let text = "The plan \"will work\", according to Jane Roe.";
        assert_eq!(speaker_names(text), ["Jane Roe"]);
    }

    #[test]
    fn the_source_is_the_unnamed_source_introduced_before() {
        let text = "A source close to Jane Roe, a minister, confirmed the talks.\nThe source noted that Roe had held “very good talks” there.";
        assert_eq!(speaker_names(text), ["Source close to Jane Roe"]);
    }

    #[test]
    fn a_participle_takes_the_subject_of_the_main_clause() {
        let text = "“No,” John Doe stated.\nHowever, he left a door open, adding that Jane Roe “was open to talks.”";
        assert_eq!(speaker_names(text), ["John Doe", "John Doe"]);
    }

    #[test]
    fn a_second_quote_in_the_paragraph_has_the_speaker_of_the_first() {
        let text = "\"We will meet,\" Jane Roe said. \"There will be a deal.\"";
        let found = speakers(text);
        assert_eq!(found[1].1, "Jane Roe");
        assert_eq!(found[1].3, Attribution::SameParagraph);
    }

    #[test]
    fn a_quote_paragraph_continues_the_speaker_of_the_paragraph_before() {
        let text = "\"We reject it,\" Jane Roe said.\n\n\"We cannot afford another one. It would be bad.\"";
        let found = speakers(text);
        assert_eq!(found[1].1, "Jane Roe");
        assert_eq!(found[1].3, Attribution::ContinuedParagraph);
    }

    #[test]
    fn a_pull_quote_takes_its_caption() {
        let text =
            "'It is up to them to end it'\n\n-\u{a0}Jane Roe, council mediator\n\nJane Roe spoke.";
        let found = speakers(text);
        assert_eq!(found[0].1, "Jane Roe");
        assert_eq!(found[0].2.as_deref(), Some("council mediator"));
        assert_eq!(found[0].3, Attribution::PullQuoteCaption);
    }

    #[test]
    fn a_heading_drawn_from_a_quote_takes_its_speaker() {
        let text = "'A deal at some point'\n\nOther text here.\n\n\"There will be a deal at some point,\" Jane Roe said.";
        let found = speakers(text);
        assert_eq!(found[0].1, "Jane Roe");
        assert_eq!(found[0].3, Attribution::DrawnFromQuote);
    }

    #[test]
    fn a_short_unattributed_fragment_is_a_scare_quote() {
        let found = speakers("They called the enclaves \"independent\" states.");
        assert_eq!(found[0].1, UNKNOWN_SPEAKER);
        assert_eq!(found[0].3, Attribution::ScareQuote);
    }

    #[test]
    fn a_short_unattributed_sentence_in_quotes_is_no_scare_quote() {
        let found = speakers("Earlier text.\n\nThe sign read \"We agree.\" and nothing more.");
        assert_eq!(found[0].3, Attribution::Unknown);
    }

    #[test]
    fn an_unattributed_long_quote_is_unknown_but_kept() {
        let found = speakers("Earlier text.\n\n\"Nobody here says who said these words at all.\"");
        assert_eq!(found[0].1, UNKNOWN_SPEAKER);
        assert_eq!(found[0].3, Attribution::Unknown);
    }

    #[test]
    fn an_attribution_in_a_short_next_sentence_counts() {
        let found = speakers("Jane Roe arrived.\n“We go now.” Roe said.");
        assert_eq!(found[0].1, "Jane Roe");
    }
}
