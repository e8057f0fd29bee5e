//! Phrases that speak of an event of the loaded chronology as still ahead ("the upcoming NATO
//! summit in Vilnius", "next week's talks in Istanbul") or as just past ("last week's talks in
//! Istanbul", "yesterday's summit in Paris"), checked against the day the chronology gives that
//! event. The chronology's events are the anchors: a phrase names its event by a kind noun
//! (summit, talks, election, …) and a proper name the event's title shares.
//!
//! A chronology is never complete, so a phrase only becomes a finding when the event it most
//! likely means lies within [`NEAR_DAYS`] of the period the phrase implies: "the upcoming
//! summit in Vilnius" a month after the Vilnius summit is stale; "the upcoming talks in
//! Istanbul" a year after the last Istanbul round more likely speaks of a round the chronology
//! does not have.

use std::collections::HashMap;
use std::ops::Range;

use chrono::{Days, NaiveDate};

use super::finding::{DayRange, Finding, FindingKind};
use super::sentence_words::{Piece, pieces, sentence_ranges};
use crate::model::dataset::Dataset;
use crate::model::date::Precision;

/// A phrase is a finding only when its event lies this close to the period it implies.
pub const NEAR_DAYS: u64 = 180;

/// How far after its trigger ("upcoming", "last week's") a phrase may name its event, in words.
const PHRASE_REACH: usize = 8;

/// A proper name that more than this share of the anchors carry names none of them.
const MAX_NAME_SHARE: f64 = 0.25;

/// Names too common in this chronology to tell one event from another.
const GENERIC_NAMES: &[&str] = &[
    "russia",
    "russian",
    "russians",
    "ukraine",
    "ukrainian",
    "ukrainians",
    "kremlin",
    "us",
    "u.s",
    "american",
    "america",
    "united",
    "states",
    "the",
    "a",
    "an",
    "first",
    "second",
    "third",
    "new",
    "peace",
];

/// The kinds of event a phrase can name; an event and a phrase must share one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum EventKind {
    Summit,
    Talks,
    Election,
    Referendum,
    Conference,
}

impl EventKind {
    fn of(word: &str) -> Option<Self> {
        Some(match word {
            "summit" | "summits" => Self::Summit,
            "talks" | "negotiations" | "round" | "consultations" | "meeting" | "meetings" => {
                Self::Talks
            }
            "election" | "elections" | "vote" | "polls" | "ballot" => Self::Election,
            "referendum" | "referendums" | "referenda" => Self::Referendum,
            "conference" | "forum" => Self::Conference,
            _ => return None,
        })
    }

    fn bit(self) -> u8 {
        1 << self as u8
    }
}

/// One event the chronology dates to the day and whose title names its kind.
#[derive(Clone, Debug)]
struct Anchor {
    day: NaiveDate,
    id: String,
    title: String,
    /// [`EventKind::bit`]s of the kind nouns of the title.
    kinds: u8,
}

/// The anchor events of a dataset, indexed by the proper names of their titles. Built once
/// per dataset (linear in its events); looking a phrase up costs its candidate events.
#[derive(Clone, Debug, Default)]
pub struct EventAnchors {
    anchors: Vec<Anchor>,
    by_name: HashMap<String, Vec<u32>>,
}

impl EventAnchors {
    pub fn of(dataset: &Dataset) -> Self {
        let mut anchors = Vec::new();
        let mut by_name: HashMap<String, Vec<u32>> = HashMap::new();
        for event in &dataset.events {
            if event.date.precision() != Precision::Day || event.approximate {
                continue;
            }
            let title = event.title();
            let kinds = title
                .split(|c: char| !c.is_alphanumeric())
                .filter_map(|word| EventKind::of(&word.to_lowercase()))
                .fold(0, |kinds, kind| kinds | kind.bit());
            if kinds == 0 {
                continue;
            }
            let Ok(index) = u32::try_from(anchors.len()) else {
                break;
            };
            let mut names = proper_names(title);
            names.sort_unstable();
            names.dedup();
            for name in names {
                by_name.entry(name).or_default().push(index);
            }
            anchors.push(Anchor {
                day: event.date.first_day(),
                id: event.id().to_owned(),
                title: title.to_owned(),
                kinds,
            });
        }
        #[allow(clippy::cast_precision_loss)] // far fewer than 2^52 anchors
        let limit = (anchors.len() as f64 * MAX_NAME_SHARE).max(4.0);
        #[allow(clippy::cast_precision_loss)]
        by_name.retain(|_, anchors| anchors.len() as f64 <= limit);
        Self { anchors, by_name }
    }

    pub fn is_empty(&self) -> bool {
        self.anchors.is_empty()
    }

    /// The phrases of `text` (published on `published`) that speak of an anchor event as ahead
    /// or as just past when the publication date says otherwise, in text order. Each names the
    /// event it means in `item`.
    pub fn stale_phrases(&self, text: &str, published: NaiveDate) -> Vec<Finding> {
        if self.anchors.is_empty() {
            return Vec::new();
        }
        let mut findings = Vec::new();
        for range in sentence_ranges(text) {
            let words = pieces(text, range);
            let mut index = 0;
            while index < words.len() {
                match self.phrase_at(text, &words, index, published) {
                    Some((end, finding)) => {
                        findings.extend(finding);
                        index = end.max(index + 1);
                    }
                    None => index += 1,
                }
            }
        }
        findings
    }

    /// The phrase starting at `start`, if one names an anchor kind: where it ends, and the
    /// finding when it disagrees with `published`.
    fn phrase_at(
        &self,
        text: &str,
        words: &[Piece],
        start: usize,
        published: NaiveDate,
    ) -> Option<(usize, Option<Finding>)> {
        let (trigger, after) = Trigger::at(words, start)?;
        let (kind, names, end) = named_event(text, words, after)?;
        let candidates = self.candidates(kind, &names);
        if candidates.is_empty() {
            return Some((end, None));
        }
        let readings: Vec<(&Anchor, DayRange)> = candidates
            .into_iter()
            .filter_map(|anchor| Some((anchor, trigger.written(anchor.day)?)))
            .collect();
        if readings.iter().any(|(_, range)| range.contains(published)) {
            return Some((end, None));
        }
        let (anchor, implied) = readings
            .into_iter()
            .min_by_key(|(_, range)| days_apart(range, published))?;
        if days_apart(&implied, published) > NEAR_DAYS {
            return Some((end, None));
        }
        let phrase = text
            .get(words.get(start)?.range.start..words.get(end - 1)?.range.end)?
            .to_owned();
        let mut finding = Finding::new(
            FindingKind::StalePhrase,
            format!(
                "“{phrase}” speaks of “{}” ({}) as {}, which fits a text written {}, but the \
                 text is dated {}.",
                anchor.title,
                anchor.day.format("%-d %b %Y"),
                trigger.relation(),
                implied.display(),
                published.format("%-d %b %Y"),
            ),
        );
        finding.phrase = Some(phrase);
        finding.implied = Some(implied);
        finding.item = Some(anchor.id.clone());
        Some((end, Some(finding)))
    }

    /// The anchors of `kind` sharing the most of `names` (at least one).
    fn candidates(&self, kind: EventKind, names: &[String]) -> Vec<&Anchor> {
        let mut shared: HashMap<u32, usize> = HashMap::new();
        for name in names {
            for &index in self.by_name.get(name).into_iter().flatten() {
                *shared.entry(index).or_default() += 1;
            }
        }
        let best = shared.values().copied().max().unwrap_or(0);
        let mut found: Vec<(u32, &Anchor)> = shared
            .into_iter()
            .filter(|&(_, count)| count == best)
            .filter_map(|(index, _)| {
                let anchor = self.anchors.get(index as usize)?;
                (anchor.kinds & kind.bit() != 0).then_some((index, anchor))
            })
            .collect();
        found.sort_unstable_by_key(|&(index, _)| index);
        found.into_iter().map(|(_, anchor)| anchor).collect()
    }
}

/// Days between `day` and the nearest day of `range` (0 inside it).
fn days_apart(range: &DayRange, day: NaiveDate) -> u64 {
    let before = (range.from - day).num_days().max(0);
    let after = (day - range.to).num_days().max(0);
    before.max(after).unsigned_abs()
}

/// The proper names of an event title, lower case: its capitalised words but the generic ones.
fn proper_names(title: &str) -> Vec<String> {
    title
        .split(|c: char| !(c.is_alphanumeric() || c == '.'))
        .filter(|word| word.chars().next().is_some_and(char::is_uppercase))
        .map(|word| word.trim_end_matches('.').to_lowercase())
        .filter(|word| {
            !word.is_empty()
                && !GENERIC_NAMES.contains(&word.as_str())
                && EventKind::of(word).is_none()
        })
        .collect()
}

/// The words that make a phrase date its text by an event.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Trigger {
    /// "upcoming", "forthcoming", "ahead of": within the year up to the event's day.
    Ahead,
    /// "next week's": within two weeks before it.
    NextWeek,
    /// "next month's": within two months before it.
    NextMonth,
    /// "yesterday's": the day or two after it.
    Yesterday,
    /// "last week's", "last weekend's": within two weeks after it.
    LastWeek,
    /// "last month's": two weeks to two months after it.
    LastMonth,
}

impl Trigger {
    /// The trigger starting at word `start`, and the index of the word after it.
    fn at(words: &[Piece], start: usize) -> Option<(Self, usize)> {
        let word = |index: usize| words.get(index).map_or("", |piece| piece.lower.as_str());
        let possessive = |index: usize| words.get(index).is_some_and(|piece| piece.possessive);
        Some(match word(start) {
            "upcoming" | "forthcoming" | "impending" | "planned" | "scheduled" => {
                (Self::Ahead, start + 1)
            }
            "ahead" if word(start + 1) == "of" => (Self::Ahead, start + 2),
            "yesterday" if possessive(start) => (Self::Yesterday, start + 1),
            "next" | "last" if possessive(start + 1) => {
                let trigger = match (word(start), word(start + 1)) {
                    ("next", "week") => Self::NextWeek,
                    ("next", "month") => Self::NextMonth,
                    ("last", "week" | "weekend") => Self::LastWeek,
                    ("last", "month") => Self::LastMonth,
                    _ => return None,
                };
                (trigger, start + 2)
            }
            _ => return None,
        })
    }

    /// When a text using this phrase about an event on `day` was written.
    fn written(self, day: NaiveDate) -> Option<DayRange> {
        let before = |from: u64, to: u64| {
            Some(DayRange::new(
                day.checked_sub_days(Days::new(from))?,
                day.checked_sub_days(Days::new(to))?,
            ))
        };
        let after = |from: u64, to: u64| {
            Some(DayRange::new(
                day.checked_add_days(Days::new(from))?,
                day.checked_add_days(Days::new(to))?,
            ))
        };
        match self {
            // Up to the day itself: a text of that morning may still call it upcoming.
            Self::Ahead => before(365, 0),
            Self::NextWeek => before(14, 0),
            Self::NextMonth => before(62, 0),
            Self::Yesterday => after(1, 2),
            Self::LastWeek => after(1, 14),
            Self::LastMonth => after(14, 62),
        }
    }

    fn relation(self) -> &'static str {
        match self {
            Self::Ahead | Self::NextWeek | Self::NextMonth => "still ahead",
            Self::Yesterday => "yesterday's",
            Self::LastWeek => "last week's",
            Self::LastMonth => "last month's",
        }
    }
}

/// The event a phrase names from word `from` on, within its clause: its kind, the proper
/// names around the kind noun, and the index after the phrase's last word.
fn named_event(
    text: &str,
    words: &[Piece],
    from: usize,
) -> Option<(EventKind, Vec<String>, usize)> {
    let mut kind = None;
    let mut names = Vec::new();
    let mut end = from;
    for index in from..(from + PHRASE_REACH).min(words.len()) {
        if index > from && !same_clause(text, words, index - 1..index) {
            break;
        }
        let piece = words.get(index)?;
        if let Some(found) = EventKind::of(&piece.lower) {
            if kind.is_some_and(|kind| kind != found) {
                break;
            }
            kind = Some(found);
            end = index + 1;
            continue;
        }
        let written = text.get(piece.range.clone()).unwrap_or("");
        if written.chars().next().is_some_and(char::is_uppercase) {
            let name = piece.lower.trim_end_matches('.').to_owned();
            if !GENERIC_NAMES.contains(&name.as_str()) {
                names.push(name);
                end = index + 1;
            }
        }
    }
    let kind = kind?;
    (!names.is_empty()).then_some((kind, names, end))
}

/// Nothing but spaces, hyphens and dashes between two neighbouring words.
fn same_clause(text: &str, words: &[Piece], pair: Range<usize>) -> bool {
    let (Some(first), Some(second)) = (words.get(pair.start), words.get(pair.end)) else {
        return false;
    };
    text.get(first.range.end..second.range.start)
        .is_some_and(|between| {
            between
                .chars()
                .all(|c| c.is_whitespace() || matches!(c, '-' | '–' | '—' | '\''))
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::article_set::{ArticleSet, EventRecord};
    use crate::model::category::Category;
    use crate::model::date::PartialDate;

    fn day(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap_or_default()
    }

    fn chronology(events: &[(&str, &str)]) -> Dataset {
        let mut set = ArticleSet::new("chronology");
        for (index, (date, title)) in events.iter().enumerate() {
            let date = PartialDate::parse(date).unwrap_or_else(|_| unreachable!());
            let id = format!("e{index}");
            set.events
                .push(EventRecord::new(&id, date, title, "", Category::Diplomacy));
        }
        Dataset::from_article_set("chronology", set)
    }

    fn nato() -> EventAnchors {
        EventAnchors::of(&chronology(&[
            ("2023-07-11", "NATO summit in Vilnius"),
            ("2024-07-09", "NATO summit in Washington"),
            ("2025-05-16", "Russia and Ukraine hold talks in Istanbul"),
            ("2025-06-02", "Second Istanbul round"),
        ]))
    }

    #[test]
    fn an_upcoming_summit_the_chronology_dates_before_publication_is_stale() {
        let text = "Allies met before the upcoming NATO summit in Vilnius, officials said.";
        let found = nato().stale_phrases(text, day("2023-08-20"));
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(
            found[0].phrase.as_deref(),
            Some("upcoming NATO summit in Vilnius")
        );
        assert_eq!(found[0].item.as_deref(), Some("e0"));
        assert_eq!(
            found[0].implied,
            Some(DayRange::new(day("2022-07-11"), day("2023-07-11")))
        );
    }

    #[test]
    fn an_upcoming_summit_still_ahead_at_publication_is_no_finding() {
        let text = "Allies met before the upcoming NATO summit in Vilnius.";
        assert!(nato().stale_phrases(text, day("2023-06-01")).is_empty());
    }

    #[test]
    fn a_summit_long_past_is_taken_for_one_the_chronology_lacks() {
        let text = "Allies met ahead of the NATO summit in Vilnius.";
        assert!(nato().stale_phrases(text, day("2025-06-01")).is_empty());
    }

    #[test]
    fn last_weeks_talks_are_read_against_every_round_in_that_city() {
        let anchors = nato();
        let text = "Last week's talks in Istanbul brought an exchange.";
        assert!(anchors.stale_phrases(text, day("2025-06-08")).is_empty());
        let late = anchors.stale_phrases(text, day("2025-08-10"));
        assert_eq!(late.len(), 1, "{late:?}");
        assert_eq!(late[0].item.as_deref(), Some("e3"));
        assert_eq!(
            late[0].implied,
            Some(DayRange::new(day("2025-06-03"), day("2025-06-16")))
        );
    }

    #[test]
    fn a_phrase_without_a_proper_name_or_kind_names_no_event() {
        let anchors = nato();
        for text in [
            "The upcoming summit will be hard.",
            "Ahead of Vilnius, allies hesitated.",
            "The upcoming US election matters.",
        ] {
            assert!(
                anchors.stale_phrases(text, day("2023-09-01")).is_empty(),
                "{text}"
            );
        }
    }

    #[test]
    fn names_most_events_share_do_not_pick_an_event() {
        let anchors = EventAnchors::of(&chronology(&[
            ("2022-03-10", "Lavrov and Kuleba hold talks in Antalya"),
            ("2022-03-29", "Talks in Istanbul"),
            ("2025-05-16", "Talks in Istanbul"),
        ]));
        assert_eq!(
            proper_names("Lavrov and Kuleba hold talks in Antalya").len(),
            3
        );
        assert!(anchors.by_name.contains_key("istanbul"));
        assert!(!anchors.by_name.contains_key("talks"));
    }
}
