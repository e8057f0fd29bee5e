//! Importing a news article (plain text, or a saved web page: [`html_page`]): its quotes with
//! their speakers, the dates it mentions (relative ones resolved against the publication date)
//! and the events those dates propose, turned into an article set once the user has accepted or
//! dropped the proposals. Pure logic (no egui, no files) except [`cli`], the `import-article`
//! command.

pub mod datelines;
pub mod dates;
pub mod event_edits;
pub mod events;
pub mod html_page;
pub mod language;
pub mod metadata;
pub mod page_metadata;
pub mod people;
pub mod quotes;
pub mod sentences;
pub mod speakers;
pub mod words;

use std::collections::HashMap;
use std::ops::Range;

use chrono::NaiveDate;

pub use dates::{DateMention, parse_published};
pub use event_edits::{EventChoice, EventEdit, EventEditError};
pub use events::ProposedEvent;
pub use html_page::{ArticleDocument, DocumentKind, read_article_document};
pub use page_metadata::PageMetadata;
pub use speakers::{Attribution, UNKNOWN_SPEAKER};

use crate::import::unique_ids::UniqueIds;
use crate::model::article_set::{ArticleSet, EventRecord, QuoteRecord, SourceRecord};
use crate::model::date::{PartialDate, Precision};
use crate::model::load_error::LoadError;
use crate::model::loader::validate_article_set;

/// Texts longer than this are cut (at a character boundary) before import, so that any input,
/// even a pasted binary file, is imported in bounded time. News articles are far shorter.
pub const MAX_ARTICLE_BYTES: usize = 1 << 20;

/// At most this many quoted passages are kept (each keeps its sentence); articles have dozens.
pub const MAX_QUOTES: usize = 5000;

/// What is known about an article besides its text: given by the user, or found in the text.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ArticleMetadata {
    pub published: Option<NaiveDate>,
    pub outlet: Option<String>,
    pub title: Option<String>,
}

/// A piece of metadata the user still has to give.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MissingField {
    Published,
    Outlet,
    Title,
}

/// A direct quote of the article and who said it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportedQuote {
    /// The quoted words, verbatim, without the quote marks.
    pub text: String,
    /// From the opening to the closing mark.
    pub byte_range: Range<usize>,
    /// The sentence the quote stands in.
    pub sentence: String,
    pub sentence_range: Range<usize>,
    /// Full name, a description ("Source close to …") or [`UNKNOWN_SPEAKER`].
    pub speaker: String,
    /// The speaker's role, as the article gives it.
    pub role: Option<String>,
    pub attribution: Attribution,
    /// When the text says it was said ("…, Roe said on Friday"), if it does.
    pub said_on: Option<PartialDate>,
}

/// Everything found in one article.
#[derive(Clone, Debug, PartialEq)]
pub struct ArticleImport {
    /// Publication date: given, else stated in the text, else `None`.
    pub published: Option<NaiveDate>,
    pub outlet: Option<String>,
    pub title: Option<String>,
    /// What the text itself states, whatever was given.
    pub found_in_text: ArticleMetadata,
    /// Where the article came from: plain text or a saved web page.
    pub document_kind: DocumentKind,
    /// What the saved web page states (empty for plain text); it wins over the text, and what
    /// is given wins over it. Its url, byline and language go into the source record.
    pub found_in_page: PageMetadata,
    /// Direct quotes, in text order.
    pub quotes: Vec<ImportedQuote>,
    /// Quoted words nobody is credited with, short fragments such as "independent" states:
    /// scare quotes, not quotations. Not imported.
    pub scare_quotes: Vec<ImportedQuote>,
    /// Every date mentioned, in text order.
    pub mentions: Vec<DateMention>,
    /// One per mention describing something that happened.
    pub proposed_events: Vec<ProposedEvent>,
    /// Things the user should know (text cut because too long).
    pub warnings: Vec<String>,
}

impl ArticleImport {
    /// Which of publication date, outlet and title still need asking.
    pub fn missing(&self) -> Vec<MissingField> {
        let mut missing = Vec::new();
        if self.published.is_none() {
            missing.push(MissingField::Published);
        }
        if self.outlet.is_none() {
            missing.push(MissingField::Outlet);
        }
        if self.title.is_none() {
            missing.push(MissingField::Title);
        }
        missing
    }
}

/// Why an import could not become an article set.
#[derive(Debug, thiserror::Error)]
pub enum ToArticleSetError {
    #[error("the publication date of the article is not known; give it (as YYYY-MM-DD)")]
    MissingPublished,
    #[error("{given} accept/drop choices were given for {proposed} proposed events")]
    ChoicesDoNotMatch { given: usize, proposed: usize },
    #[error("the imported set does not validate: {0}")]
    Invalid(#[from] LoadError),
}

/// The longest prefix of `text` within `max_bytes`, cut at a character boundary.
fn bounded(text: &str, max_bytes: usize) -> &str {
    if text.len() <= max_bytes {
        return text;
    }
    let mut end = max_bytes;
    while end > 0 && !text.is_char_boundary(end) {
        end -= 1;
    }
    text.get(..end).unwrap_or("")
}

/// Reads an article's quotes, speakers, dates and proposed events. Never panics; texts over
/// [`MAX_ARTICLE_BYTES`] are cut with a warning. What `given` says wins over the text.
pub fn import_article(text: &str, given: &ArticleMetadata) -> ArticleImport {
    let mut warnings = Vec::new();
    if text.len() > MAX_ARTICLE_BYTES {
        warnings.push(format!(
            "the text is longer than {} KiB; only its first {} KiB were read",
            MAX_ARTICLE_BYTES / 1024,
            MAX_ARTICLE_BYTES / 1024
        ));
    }
    let text = bounded(text, MAX_ARTICLE_BYTES);
    let paragraphs = sentences::paragraphs(text);
    let spans = quotes::find_quote_spans(text, &paragraphs);
    let sentences = sentences::sentences(text, &paragraphs, &spans);
    let holes = quotes::holes(&spans);
    let found = metadata::find_metadata(text, &paragraphs);
    let published = given.published.or(found.published);
    let people = people::find_people(text, &sentences, &holes);
    let article = speakers::Article {
        text,
        paragraphs: &paragraphs,
        sentences: &sentences,
        quotes: &spans,
        holes: &holes,
        people: &people,
    };
    let speakers = speakers::attribute_quotes(&article);
    let mut quotes = Vec::new();
    let mut scare_quotes = Vec::new();
    if spans.len() > MAX_QUOTES {
        warnings.push(format!(
            "{} quoted passages found; only the first {MAX_QUOTES} were kept",
            spans.len()
        ));
    }
    for (span, speaker) in spans.iter().zip(speakers).take(MAX_QUOTES) {
        let sentence_range = sentences::sentence_at(&sentences, span.outer.start)
            .and_then(|index| sentences.get(index))
            .map_or(span.outer.clone(), |s| s.range.clone());
        let quote = ImportedQuote {
            text: span.text(text),
            byte_range: span.outer.clone(),
            sentence: words::excerpt(text, sentence_range.clone()),
            sentence_range,
            speaker: speaker.name,
            role: speaker.role,
            attribution: speaker.attribution,
            said_on: None,
        };
        if quote.attribution == Attribution::ScareQuote {
            scare_quotes.push(quote);
        } else {
            quotes.push(quote);
        }
    }
    let mentions = dates::find_date_mentions(text, &sentences, published);
    let mut mentions_by_sentence: HashMap<usize, Vec<&DateMention>> = HashMap::new();
    for mention in &mentions {
        mentions_by_sentence
            .entry(mention.sentence_range.start)
            .or_default()
            .push(mention);
    }
    let quote_ranges: Vec<Range<usize>> = spans.iter().map(|q| q.outer.clone()).collect();
    // Every quote of a sentence was said on the same day: it is looked for once per sentence,
    // so that a long sentence costs its mentions once, not once per quote in it.
    let mut said_on_by_sentence: HashMap<(usize, usize), Option<PartialDate>> = HashMap::new();
    for quote in quotes.iter_mut().chain(scare_quotes.iter_mut()) {
        let sentence = &quote.sentence_range;
        quote.said_on = *said_on_by_sentence
            .entry((sentence.start, sentence.end))
            .or_insert_with(|| {
                said_on(
                    text,
                    &mentions_by_sentence,
                    &quote_ranges,
                    sentence,
                    published,
                )
            });
    }
    if mentions.len() >= dates::MAX_MENTIONS {
        warnings.push(format!(
            "only the first {} dates of the text were kept",
            dates::MAX_MENTIONS
        ));
    }
    let mut proposed_events = events::propose_events(text, &mentions, &found.furniture);
    for event in &mut proposed_events {
        // The sentence near the date (a megabyte-long "sentence" must not cost that per event).
        let near = mentions
            .get(event.mention)
            .map_or(event.sentence_range.clone(), |m| {
                words::window(
                    text,
                    event.sentence_range.clone(),
                    m.byte_range.clone(),
                    600,
                )
            });
        event.actors = people.named_in(text, near);
    }
    let non_blank = |value: &Option<String>| value.clone().filter(|v| !v.trim().is_empty());
    ArticleImport {
        published,
        outlet: non_blank(&given.outlet).or_else(|| found.outlet.clone()),
        title: non_blank(&given.title).or_else(|| found.title.clone()),
        found_in_text: ArticleMetadata {
            published: found.published,
            outlet: found.outlet,
            title: found.title,
        },
        document_kind: DocumentKind::PlainText,
        found_in_page: PageMetadata::default(),
        quotes,
        scare_quotes,
        mentions,
        proposed_events,
        warnings,
    }
}

/// Reads an article file's text (see [`import_article`]) with what its page states: given
/// metadata wins over the page's, which wins over what the text states.
pub fn import_document(document: &ArticleDocument, given: &ArticleMetadata) -> ArticleImport {
    let page = &document.page;
    let non_blank = |value: &Option<String>| value.clone().filter(|v| !v.trim().is_empty());
    let given_or_page = ArticleMetadata {
        published: given.published.or(page.published),
        outlet: non_blank(&given.outlet).or_else(|| page.outlet.clone()),
        title: non_blank(&given.title).or_else(|| page.title.clone()),
    };
    let mut import = import_article(&document.text, &given_or_page);
    import.document_kind = document.kind;
    import.found_in_page = page.clone();
    import
        .warnings
        .splice(0..0, document.warnings.iter().cloned());
    import
}

/// Lower-case ASCII letters and digits joined by single hyphens: "Middle East Eye" → "middle-east-eye".
pub fn slug(text: &str) -> String {
    let mut slug = String::new();
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c.to_ascii_lowercase());
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    while slug.ends_with('-') {
        slug.pop();
    }
    slug
}

/// Turns an import into an article set: one source, a quote record per quote, and an event per
/// accepted proposal (`accepted_events[i]` for `import.proposed_events[i]`), as proposed. See
/// [`to_article_set_with_choices`] for events the user edited.
pub fn to_article_set(
    import: &ArticleImport,
    accepted_events: &[bool],
    file_label: &str,
) -> Result<ArticleSet, ToArticleSetError> {
    let choices: Vec<EventChoice> = import
        .proposed_events
        .iter()
        .zip(accepted_events)
        .map(|(event, keep)| EventChoice::proposed(event, *keep))
        .collect();
    if accepted_events.len() != import.proposed_events.len() {
        return Err(ToArticleSetError::ChoicesDoNotMatch {
            given: accepted_events.len(),
            proposed: import.proposed_events.len(),
        });
    }
    to_article_set_with_choices(import, &choices, file_label)
}

/// Turns an import into an article set: one source, a quote record per quote, and an event per
/// kept choice (`choices[i]` for `import.proposed_events[i]`), with the title, date, end and
/// category the choice gives (the proposal's summary, actors and sentence stay). Missing outlet
/// or title fall back to "Unknown outlet" and "Article from `<file name>`"; a missing
/// publication date is an error. The set is validated before it is returned.
pub fn to_article_set_with_choices(
    import: &ArticleImport,
    choices: &[EventChoice],
    file_label: &str,
) -> Result<ArticleSet, ToArticleSetError> {
    let published = import
        .published
        .ok_or(ToArticleSetError::MissingPublished)?;
    if choices.len() != import.proposed_events.len() {
        return Err(ToArticleSetError::ChoicesDoNotMatch {
            given: choices.len(),
            proposed: import.proposed_events.len(),
        });
    }
    let published_date = PartialDate::containing(published, Precision::Day)
        .ok_or(ToArticleSetError::MissingPublished)?;
    let outlet = import
        .outlet
        .clone()
        .unwrap_or_else(|| "Unknown outlet".to_owned());
    let title = import.title.clone().unwrap_or_else(|| {
        let file_name = file_label.rsplit(['/', '\\']).next().unwrap_or(file_label);
        format!("Article from {file_name}")
    });
    let outlet_slug = match slug(&outlet) {
        empty if empty.is_empty() => "article".to_owned(),
        slug => slug,
    };
    let source_id = format!("{outlet_slug}-{}", published_date.to_iso());
    let kind = match import.document_kind {
        DocumentKind::PlainText => "plain text",
        DocumentKind::HtmlPage => "a saved web page",
    };
    let mut notes = format!(
        "Imported from {kind} ({file_label}): speakers, dates and events were found \
         automatically; check them against the article."
    );
    if import.outlet.is_none() {
        notes.push_str(" The outlet was not stated.");
    }
    if import.title.is_none() {
        notes.push_str(" The headline was not stated.");
    }
    let source = SourceRecord {
        id: source_id.clone(),
        outlet: outlet.clone(),
        title: title.clone(),
        published: published_date,
        url: import.found_in_page.url.clone(),
        author: import.found_in_page.byline.clone(),
        language: import.found_in_page.language.clone(),
        notes: Some(notes),
    };

    // Ids are `base`, or `base-2`, `base-3`… whichever is not taken yet.
    let mut taken = UniqueIds::default();
    taken.claim(&source_id);
    let mut events = Vec::new();
    // (sentence range, event id) of accepted events, for the quotes that stand in those sentences.
    let mut event_sentences: HashMap<(usize, usize), String> = HashMap::new();
    for (proposal, choice) in import
        .proposed_events
        .iter()
        .zip(choices)
        .filter(|(_, choice)| choice.keep)
    {
        let title_words: Vec<&str> = choice.title.split_whitespace().take(5).collect();
        let base = format!(
            "{source_id}-{}-{}",
            choice.date.to_iso(),
            slug(&title_words.join(" "))
        );
        let id = taken.claim(base.trim_end_matches('-')).into_owned();
        let mut event = EventRecord::new(
            &id,
            choice.date,
            &choice.title,
            &proposal.summary,
            choice.category,
        )
        .with_sources([source_id.as_str()])
        .with_actors(proposal.actors.iter().map(String::as_str));
        if let Some(end) = choice.end {
            event = event.with_end(end);
        }
        event.approximate = choice.approximate;
        let sentence = (proposal.sentence_range.start, proposal.sentence_range.end);
        event_sentences.entry(sentence).or_insert(id);
        events.push(event);
    }

    let quotes = import
        .quotes
        .iter()
        .enumerate()
        .map(|(index, quote)| {
            let sentence = (quote.sentence_range.start, quote.sentence_range.end);
            let event = event_sentences.get(&sentence).cloned();
            QuoteRecord {
                id: taken
                    .claim(&format!("{source_id}-q{:02}", index + 1))
                    .into_owned(),
                text: quote.text.clone(),
                speaker: quote.speaker.clone(),
                role: quote.role.clone(),
                source: source_id.clone(),
                date: quote.said_on,
                event,
                context: Some(quote.sentence.clone()),
                verified: true,
                note: None,
            }
        })
        .collect();

    let set = ArticleSet {
        description: format!("Imported from the article \"{title}\" ({outlet})."),
        sources: vec![source],
        events,
        quotes,
        ..ArticleSet::new(&title)
    };
    validate_article_set(file_label, &set)?;
    Ok(set)
}

/// How close (in bytes) a date must stand to a speech verb to date the saying
/// ("said on Friday", "told reporters on Tuesday", "On Tuesday, Roe said").
const SAID_ON_REACH_BYTES: usize = 25;

/// The date a sentence says its quotes were said: a mention outside every quote, right after
/// or before a speech verb, not after publication. "Held talks in late October" dates the
/// talks, not the saying. `quote_ranges` are the byte ranges of all quotes, sorted.
fn said_on(
    text: &str,
    mentions_by_sentence: &HashMap<usize, Vec<&DateMention>>,
    quote_ranges: &[Range<usize>],
    sentence: &Range<usize>,
    published: Option<NaiveDate>,
) -> Option<PartialDate> {
    let published = PartialDate::containing(published?, Precision::Day)?;
    let inside_a_quote = |range: &Range<usize>| {
        let index = quote_ranges.partition_point(|q| q.end <= range.start);
        quote_ranges
            .get(index)
            .is_some_and(|q| q.start <= range.start && range.end <= q.end)
    };
    mentions_by_sentence
        .get(&sentence.start)?
        .iter()
        .filter(|m| m.sentence_range == *sentence)
        .filter(|m| m.end.is_none() && m.date.start_days() < published.end_days())
        .filter(|m| !inside_a_quote(&m.byte_range))
        .find(|m| next_to_speech_verb(text, m))
        .map(|m| m.date)
}

/// `true` when a speech verb stands within [`SAID_ON_REACH_BYTES`] before or after the mention.
fn next_to_speech_verb(text: &str, mention: &DateMention) -> bool {
    let sentence = mention.sentence_range.clone();
    let before = words::window(
        text,
        sentence.clone(),
        mention.byte_range.start..mention.byte_range.start,
        SAID_ON_REACH_BYTES,
    );
    let after = words::window(
        text,
        sentence,
        mention.byte_range.end..mention.byte_range.end,
        SAID_ON_REACH_BYTES,
    );
    let has_verb = |range: Range<usize>| {
        words::slice(text, range)
            .split(|c: char| !c.is_alphabetic())
            .any(speakers::is_speech_word)
    };
    has_verb(before.start..mention.byte_range.start) || has_verb(mention.byte_range.end..after.end)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::category::Category;

    fn given(published: &str) -> ArticleMetadata {
        ArticleMetadata {
            published: NaiveDate::parse_from_str(published, "%Y-%m-%d").ok(),
            outlet: Some("Example Outlet".to_owned()),
            title: Some("A headline".to_owned()),
        }
    }

    const TEXT: &str = "Talks go on between two sides\n\nJane Roe, a mediator for the council, arrived. On Thursday, Roe spoke to both sides.\n\n\"We are close,\" Roe said on Friday.\n\nThe plan was \"independent\" of them.";

    #[test]
    fn what_is_given_wins_over_what_the_text_states() {
        let import = import_article(TEXT, &given("2022-03-20"));
        assert_eq!(import.title.as_deref(), Some("A headline"));
        assert_eq!(
            import.found_in_text.title.as_deref(),
            Some("Talks go on between two sides")
        );
        assert_eq!(import.missing(), []);
    }

    #[test]
    fn missing_lists_what_neither_text_nor_user_gave() {
        let import = import_article(
            "Just a body sentence that ends.",
            &ArticleMetadata::default(),
        );
        assert_eq!(
            import.missing(),
            [
                MissingField::Published,
                MissingField::Outlet,
                MissingField::Title
            ]
        );
    }

    #[test]
    fn an_import_becomes_a_valid_set_with_one_source() {
        let import = import_article(TEXT, &given("2022-03-20"));
        assert_eq!(import.quotes.len(), 1);
        assert_eq!(import.scare_quotes.len(), 1);
        let accepted = vec![true; import.proposed_events.len()];
        let set = to_article_set(&import, &accepted, "test.txt").expect("valid set");
        assert_eq!(set.sources.len(), 1);
        assert_eq!(set.sources[0].id, "example-outlet-2022-03-20");
        assert!(
            set.sources[0]
                .notes
                .as_deref()
                .is_some_and(|n| n.contains("plain text"))
        );
        assert_eq!(set.events.len(), 2);
        assert_eq!(set.events[0].date.to_iso(), "2022-03-17");
        assert_eq!(set.events[0].category, Category::Diplomacy);
        let quote = &set.quotes[0];
        assert_eq!(quote.speaker, "Jane Roe");
        assert_eq!(quote.role.as_deref(), Some("mediator for the council"));
        assert_eq!(
            quote.date.map(|d| d.to_iso()).as_deref(),
            Some("2022-03-18")
        );
        assert_eq!(quote.event.as_deref(), Some(set.events[1].id()));
        assert_eq!(
            quote.context.as_deref(),
            Some("\"We are close,\" Roe said on Friday.")
        );
    }

    #[test]
    fn a_date_of_something_else_in_the_sentence_does_not_date_the_quote() {
        let text = "Jane Roe spoke.\n\nRoe noted that they had held “good talks” with the council in late October.";
        let import = import_article(text, &given("2022-03-20"));
        let accepted = vec![true; import.proposed_events.len()];
        let set = to_article_set(&import, &accepted, "t.txt").expect("valid");
        assert_eq!(set.quotes[0].date, None);
        assert!(set.quotes[0].event.is_some());
    }

    #[test]
    fn dropped_events_are_left_out_and_quotes_lose_their_event() {
        let import = import_article(TEXT, &given("2022-03-20"));
        let set = to_article_set(&import, &[false, false], "test.txt").expect("valid set");
        assert!(set.events.is_empty());
        assert_eq!(set.quotes[0].event, None);
    }

    #[test]
    fn edited_choices_are_what_the_set_holds() {
        let import = import_article(TEXT, &given("2022-03-20"));
        let mut choices: Vec<EventChoice> = import
            .proposed_events
            .iter()
            .map(|event| EventChoice::proposed(event, true))
            .collect();
        choices[0].title = "Roe meets both sides".to_owned();
        choices[0].date = PartialDate::parse("2022-03-16").expect("date");
        choices[0].category = Category::Agreement;
        choices[1].keep = false;
        let set = to_article_set_with_choices(&import, &choices, "t.txt").expect("valid");
        assert_eq!(set.events.len(), 1);
        let event = &set.events[0];
        assert_eq!(event.title(), "Roe meets both sides");
        assert_eq!(event.date.to_iso(), "2022-03-16");
        assert_eq!(event.category, Category::Agreement);
        assert_eq!(
            event.id(),
            "example-outlet-2022-03-20-2022-03-16-roe-meets-both-sides"
        );
    }

    #[test]
    fn ids_are_stable_and_unique() {
        let import = import_article(TEXT, &given("2022-03-20"));
        let first = to_article_set(&import, &[true, true], "a.txt").expect("valid");
        let second = to_article_set(&import, &[true, true], "a.txt").expect("valid");
        assert_eq!(first, second);
        let mut ids: Vec<&str> = first.events.iter().map(|e| e.id()).collect();
        ids.extend(first.quotes.iter().map(|q| q.id.as_str()));
        let unique: std::collections::HashSet<&str> = ids.iter().copied().collect();
        assert_eq!(unique.len(), ids.len());
    }

    #[test]
    fn without_a_publication_date_there_is_no_set() {
        let import = import_article(TEXT, &ArticleMetadata::default());
        assert!(matches!(
            to_article_set(&import, &vec![true; import.proposed_events.len()], "a.txt"),
            Err(ToArticleSetError::MissingPublished)
        ));
    }

    #[test]
    fn choices_must_match_the_proposals() {
        let import = import_article(TEXT, &given("2022-03-20"));
        assert!(matches!(
            to_article_set(&import, &[true], "a.txt"),
            Err(ToArticleSetError::ChoicesDoNotMatch {
                given: 1,
                proposed: 2
            })
        ));
    }

    #[test]
    fn a_missing_outlet_and_title_fall_back_to_honest_placeholders() {
        let import = import_article(
            "Body sentence one that ends here.",
            &ArticleMetadata {
                published: NaiveDate::from_ymd_opt(2022, 3, 20),
                ..ArticleMetadata::default()
            },
        );
        let set = to_article_set(&import, &[], "a.txt").expect("valid");
        assert_eq!(set.sources[0].outlet, "Unknown outlet");
        assert_eq!(set.sources[0].title, "Article from a.txt");
    }

    #[test]
    fn slugs_keep_ascii_letters_and_digits() {
        assert_eq!(slug("Middle East Eye"), "middle-east-eye");
        assert_eq!(slug("  Déjà vu -- News! "), "d-j-vu-news");
        assert_eq!(slug("§§"), "");
    }

    #[test]
    fn a_huge_text_is_cut_with_a_warning() {
        let text = "word ".repeat(MAX_ARTICLE_BYTES / 4);
        let import = import_article(&text, &ArticleMetadata::default());
        assert_eq!(import.warnings.len(), 1);
    }
}
