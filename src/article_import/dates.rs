//! Dates an article mentions, absolute ("in July 2023", "29 September", "2014") or relative to
//! its publication date ("on Saturday", "last month", "eight years ago"), as partial dates.
//!
//! Resolution rules, relative to the publication day P:
//! - a weekday ("on Saturday") is the most recent such day on or before P, or the next one on or
//!   after P when its clause speaks of the future ("will", "would", "is expected to", "next");
//!   "last Saturday" is strictly before P, "next Saturday" strictly after;
//! - a day and month without a year ("on 17 July") take the year that puts them on or before P,
//!   or on or after P when their clause speaks of the future ("will meet on 17 July", "would
//!   travel … on Thursday"); a month alone ("in October", "in late October", "next July")
//!   likewise, at month precision;
//! - "today", "yesterday", "tomorrow" are P, P−1, P+1; "N days ago" is P−N;
//! - week phrases are a range Monday–Sunday, marked approximate because the event is one unknown
//!   day of it: "this week" is P's week, "earlier this week" Monday to P, "later this week" P to
//!   Sunday, "last week" / "next week" the weeks before and after, "N weeks ago" the week N back;
//! - "last month", "this month", "next month", "N months ago" are month-precision dates, and
//!   "last year", "this year", "next year", "N years ago" year-precision ones;
//! - "early", "mid" and "late" before a month keep month precision and mark it approximate.
//!
//! Without a publication date only dates that state their year are resolved.

use std::ops::Range;

use chrono::{Datelike as _, Days, Months, NaiveDate, Weekday};

use super::sentences::Sentence;
use super::words::{Token, excerpt, is_capitalized, is_line_break, slice, tokens};
use crate::model::date::PartialDate;

/// One date found in the text.
#[derive(Clone, Debug, PartialEq)]
pub struct DateMention {
    /// The words as written, with their preposition: "on Saturday", "in July 2023".
    pub phrase: String,
    /// Where `phrase` is in the text.
    pub byte_range: Range<usize>,
    /// The sentence the date stands in.
    pub sentence: String,
    pub sentence_range: Range<usize>,
    /// The date, or the first day of a range.
    pub date: PartialDate,
    /// The last day of a range ("this week"), inclusive.
    pub end: Option<PartialDate>,
    /// The date is a guess within `date..=end` or within the month ("late October").
    pub approximate: bool,
    /// Resolved against the publication date rather than stated.
    pub relative: bool,
    /// The preposition before the date, lower case ("on", "in", "until"), if any.
    pub preposition: Option<String>,
}

/// What a phrase resolves to.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Resolved {
    date: PartialDate,
    end: Option<PartialDate>,
    approximate: bool,
    relative: bool,
}

impl Resolved {
    fn stated(date: PartialDate) -> Self {
        Self {
            date,
            end: None,
            approximate: false,
            relative: false,
        }
    }

    fn relative(date: PartialDate) -> Self {
        Self {
            relative: true,
            ..Self::stated(date)
        }
    }

    fn week(first: NaiveDate, last: NaiveDate) -> Option<Self> {
        Some(Self {
            date: PartialDate::containing(first, crate::model::Precision::Day)?,
            end: Some(PartialDate::containing(last, crate::model::Precision::Day)?),
            approximate: true,
            relative: true,
        })
    }
}

const MONTHS: [(&str, u32); 21] = [
    ("january", 1),
    ("february", 2),
    ("march", 3),
    ("april", 4),
    ("may", 5),
    ("june", 6),
    ("july", 7),
    ("august", 8),
    ("september", 9),
    ("october", 10),
    ("november", 11),
    ("december", 12),
    ("jan", 1),
    ("feb", 2),
    ("apr", 4),
    ("jun", 6),
    ("jul", 7),
    ("aug", 8),
    ("sept", 9),
    ("sep", 9),
    ("oct", 10),
];

const MORE_MONTH_ABBREVIATIONS: [(&str, u32); 3] = [("nov", 11), ("dec", 12), ("mar", 3)];

const WEEKDAYS: [(&str, Weekday); 7] = [
    ("monday", Weekday::Mon),
    ("tuesday", Weekday::Tue),
    ("wednesday", Weekday::Wed),
    ("thursday", Weekday::Thu),
    ("friday", Weekday::Fri),
    ("saturday", Weekday::Sat),
    ("sunday", Weekday::Sun),
];

const PREPOSITIONS: &[&str] = &[
    "on", "in", "since", "until", "till", "by", "during", "from", "of", "before", "after", "as",
];

/// Words that mark a clause as speaking of the future.
const FUTURE_MARKERS: &[&str] = &[
    "will",
    "would",
    "shall",
    "'ll",
    "won't",
    "upcoming",
    "scheduled",
    "due",
    "expected",
    "plans",
    "planned",
    "planning",
    "intends",
    "aims",
];

/// How many words before (or after) a weekday are searched for future markers.
const FUTURE_WINDOW_WORDS: usize = 25;

/// The words of one sentence, as the matchers see them.
struct SentenceWords<'a> {
    text: &'a str,
    /// Byte range of each word.
    ranges: Vec<Range<usize>>,
    /// Lower-cased words, possessive `'s` removed.
    lower: Vec<String>,
    /// Index of the clause (split at commas, semicolons, dashes) each word is in.
    clause: Vec<usize>,
}

impl<'a> SentenceWords<'a> {
    fn new(text: &'a str, range: Range<usize>) -> Self {
        let mut ranges = Vec::new();
        let mut clause = Vec::new();
        let mut clause_index = 0;
        for (token, token_range) in tokens(text, range, &[]) {
            match token {
                Token::Word(_) => {
                    for piece in split_glued_words(text, token_range) {
                        ranges.push(piece);
                        clause.push(clause_index);
                    }
                }
                Token::Comma | Token::Stop | Token::Dash => clause_index += 1,
                _ => {}
            }
        }
        let lower = ranges
            .iter()
            .map(|r| {
                let word = slice(text, r.clone()).to_lowercase();
                let word = word.replace('’', "'");
                word.strip_suffix("'s").map(str::to_owned).unwrap_or(word)
            })
            .collect();
        Self {
            text,
            ranges,
            lower,
            clause,
        }
    }

    fn word(&self, index: usize) -> Option<&str> {
        self.lower.get(index).map(String::as_str)
    }

    fn original(&self, index: usize) -> &str {
        self.ranges
            .get(index)
            .map_or("", |r| slice(self.text, r.clone()))
    }

    fn is(&self, index: usize, expected: &str) -> bool {
        self.word(index) == Some(expected)
    }

    /// `true` when words `index` and `index + 1` are separated by spaces and at most one comma.
    fn joined(&self, index: usize) -> bool {
        let (Some(a), Some(b)) = (self.ranges.get(index), self.ranges.get(index + 1)) else {
            return false;
        };
        slice(self.text, a.end..b.start)
            .chars()
            .all(|c| c == ',' || (c.is_whitespace() && !is_line_break(c)))
            && slice(self.text, a.end..b.start).matches(',').count() <= 1
    }

    /// `true` when words `index` and `index + 1` are separated by spaces only.
    fn spaced(&self, index: usize) -> bool {
        self.joined(index) && !self.gap(index).contains(',')
    }

    fn gap(&self, index: usize) -> &str {
        match (self.ranges.get(index), self.ranges.get(index + 1)) {
            (Some(a), Some(b)) => slice(self.text, a.end..b.start),
            _ => "",
        }
    }

    /// Does the clause of word `index` speak of the future? Looks before the word in its own
    /// clause, or in the next clause when the date opens its clause ("On Thursday, X will …").
    fn future_tense(&self, index: usize) -> bool {
        let Some(&clause) = self.clause.get(index) else {
            return false;
        };
        let is_marker = |i: usize| {
            self.word(i)
                .is_some_and(|w| FUTURE_MARKERS.contains(&w) || w == "next")
        };
        // Only nearby words count, which also keeps long sentences linear.
        let before = (index.saturating_sub(FUTURE_WINDOW_WORDS)..index)
            .filter(|&i| self.clause.get(i) == Some(&clause));
        let mut found = before.clone().any(is_marker);
        let opens_clause = before.clone().all(|i| {
            self.word(i)
                .is_some_and(|w| PREPOSITIONS.contains(&w) || w == "this")
        });
        if !found && opens_clause {
            found = (index + 1..self.lower.len().min(index + 1 + FUTURE_WINDOW_WORDS))
                .filter(|&i| {
                    self.clause
                        .get(i)
                        .is_some_and(|&c| c == clause || c == clause + 1)
                })
                .any(is_marker);
        }
        found
    }
}

/// Splits words glued together by a lost space ("weekUkraine's") at a lower-to-upper change.
fn split_glued_words(text: &str, range: Range<usize>) -> Vec<Range<usize>> {
    let mut pieces = Vec::new();
    let mut start = range.start;
    let mut previous_lower = false;
    for (offset, c) in slice(text, range.clone()).char_indices() {
        let at = range.start + offset;
        if previous_lower && c.is_uppercase() {
            pieces.push(start..at);
            start = at;
        }
        previous_lower = c.is_lowercase();
    }
    pieces.push(start..range.end);
    pieces
}

/// At most this many mentions are listed (each keeps its sentence); articles have dozens.
pub const MAX_MENTIONS: usize = 5000;

/// Every date mentioned in the sentences, in text order (the first [`MAX_MENTIONS`]).
pub fn find_date_mentions(
    text: &str,
    sentences: &[Sentence],
    published: Option<NaiveDate>,
) -> Vec<DateMention> {
    let mut mentions = Vec::new();
    for sentence in sentences {
        let words = SentenceWords::new(text, sentence.range.clone());
        let mut index = 0;
        while index < words.lower.len() {
            if mentions.len() >= MAX_MENTIONS {
                return mentions;
            }
            match match_at(&words, index, published) {
                Some((length, resolved)) => {
                    mentions.push(mention(text, sentence, &words, index, length, resolved));
                    index += length.max(1);
                }
                None => index += 1,
            }
        }
    }
    mentions
}

fn mention(
    text: &str,
    sentence: &Sentence,
    words: &SentenceWords<'_>,
    index: usize,
    length: usize,
    resolved: Resolved,
) -> DateMention {
    let preposition = index
        .checked_sub(1)
        .filter(|&before| {
            words
                .word(before)
                .is_some_and(|w| PREPOSITIONS.contains(&w))
                && words.spaced(before)
        })
        .and_then(|before| words.word(before).map(|w| (before, w.to_owned())));
    let first = preposition.as_ref().map_or(index, |(before, _)| *before);
    let start = words.ranges.get(first).map_or(0, |r| r.start);
    let end = words
        .ranges
        .get(index + length - 1)
        .map_or(start, |r| r.end);
    DateMention {
        phrase: slice(text, start..end).to_owned(),
        byte_range: start..end,
        sentence: excerpt(text, sentence.range.clone()),
        sentence_range: sentence.range.clone(),
        date: resolved.date,
        end: resolved.end,
        approximate: resolved.approximate,
        relative: resolved.relative,
        preposition: preposition.map(|(_, word)| word),
    }
}

/// The longest date phrase starting at word `index`: how many words, and what it means.
fn match_at(
    words: &SentenceWords<'_>,
    index: usize,
    published: Option<NaiveDate>,
) -> Option<(usize, Resolved)> {
    iso_date(words, index)
        .or_else(|| day_month(words, index, published))
        .or_else(|| month_day(words, index, published))
        .or_else(|| month_with_modifier(words, index, published))
        .or_else(|| bare_year(words, index))
        .or_else(|| published.and_then(|p| relative_phrase(words, index, p)))
}

fn iso_date(words: &SentenceWords<'_>, index: usize) -> Option<(usize, Resolved)> {
    let word = words.original(index);
    let looks_iso = word.len() == 10 && word.as_bytes().get(4) == Some(&b'-');
    let date = PartialDate::parse(word).ok().filter(|_| looks_iso)?;
    Some((1, Resolved::stated(date)))
}

fn day_number(word: &str) -> Option<u32> {
    let digits = ["st", "nd", "rd", "th"]
        .iter()
        .find_map(|suffix| word.strip_suffix(suffix))
        .unwrap_or(word);
    if digits.is_empty() || digits.len() > 2 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok().filter(|day| (1..=31).contains(day))
}

/// A month name as written (capitalised in the original, so "march" the verb is not a month).
fn month_number(words: &SentenceWords<'_>, index: usize) -> Option<u32> {
    let original = words.original(index);
    if !is_capitalized(original) {
        return None;
    }
    let lower = words.word(index)?;
    let lower = lower.strip_suffix('.').unwrap_or(lower);
    MONTHS
        .iter()
        .chain(MORE_MONTH_ABBREVIATIONS.iter())
        .find(|(name, _)| *name == lower)
        .map(|&(_, month)| month)
}

/// The month a name or abbreviation stands for, whatever its case: "March", "Nov." → 3, 11.
pub fn month_of_name(word: &str) -> Option<u32> {
    let lower = word.to_lowercase();
    let lower = lower.strip_suffix('.').unwrap_or(&lower);
    MONTHS
        .iter()
        .chain(MORE_MONTH_ABBREVIATIONS.iter())
        .find(|(name, _)| *name == lower)
        .map(|&(_, month)| month)
}

fn year_number(words: &SentenceWords<'_>, index: usize) -> Option<i32> {
    let word = words.original(index);
    if word.len() != 4 || !word.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    word.parse()
        .ok()
        .filter(|year| (1000..=2999).contains(year))
}

/// The year that puts `month`/`day` on or before publication.
fn year_on_or_before(published: NaiveDate, month: u32, day: u32) -> i32 {
    let this_year = published.year();
    match NaiveDate::from_ymd_opt(this_year, month, day) {
        Some(date) if date <= published => this_year,
        // 29 February of a non-leap year cannot be on or before; the previous leap year.
        None if month == 2 && day == 29 => (this_year - 3..=this_year)
            .rev()
            .find(|&y| NaiveDate::from_ymd_opt(y, 2, 29).is_some_and(|d| d <= published))
            .unwrap_or(this_year - 1),
        _ => this_year - 1,
    }
}

/// The year that puts `month`/`day` on or after publication.
fn year_on_or_after(published: NaiveDate, month: u32, day: u32) -> i32 {
    let this_year = published.year();
    match NaiveDate::from_ymd_opt(this_year, month, day) {
        Some(date) if date >= published => this_year,
        // 29 February of a non-leap year: the next leap year.
        None if month == 2 && day == 29 => (this_year..=this_year + 8)
            .find(|&y| NaiveDate::from_ymd_opt(y, 2, 29).is_some_and(|d| d >= published))
            .unwrap_or(this_year + 1),
        _ => this_year + 1,
    }
}

/// The year of a day and month stated without one: on or after publication in a clause that
/// speaks of the future, on or before it otherwise.
fn year_for(
    words: &SentenceWords<'_>,
    index: usize,
    published: NaiveDate,
    month: u32,
    day: u32,
) -> i32 {
    if words.future_tense(index) {
        year_on_or_after(published, month, day)
    } else {
        year_on_or_before(published, month, day)
    }
}

/// "29 September", "17 July 2023", "1st of May".
fn day_month(
    words: &SentenceWords<'_>,
    index: usize,
    published: Option<NaiveDate>,
) -> Option<(usize, Resolved)> {
    let day = day_number(words.word(index)?)?;
    let of = usize::from(words.is(index + 1, "of"));
    let month_index = index + 1 + of;
    if !words.spaced(index) || (of == 1 && !words.spaced(index + 1)) {
        return None;
    }
    let month = month_number(words, month_index)?;
    if words.joined(month_index)
        && let Some(year) = year_number(words, month_index + 1)
    {
        let date = PartialDate::day(year, month, day)?;
        return Some((month_index + 2 - index, Resolved::stated(date)));
    }
    let year = year_for(words, index, published?, month, day);
    let date = PartialDate::day(year, month, day)?;
    Some((month_index + 1 - index, Resolved::relative(date)))
}

/// "September 29", "November 18, 2025".
fn month_day(
    words: &SentenceWords<'_>,
    index: usize,
    published: Option<NaiveDate>,
) -> Option<(usize, Resolved)> {
    let month = month_number(words, index)?;
    if !words.spaced(index) {
        return None;
    }
    let day = day_number(words.word(index + 1)?)?;
    if words.joined(index + 1)
        && let Some(year) = year_number(words, index + 2)
    {
        let date = PartialDate::day(year, month, day)?;
        return Some((3, Resolved::stated(date)));
    }
    let year = year_for(words, index, published?, month, day);
    Some((2, Resolved::relative(PartialDate::day(year, month, day)?)))
}

/// "July 2023", "late October", "in October", "mid-March 2022".
fn month_with_modifier(
    words: &SentenceWords<'_>,
    index: usize,
    published: Option<NaiveDate>,
) -> Option<(usize, Resolved)> {
    let word = words.word(index)?;
    let (modifier, month_index) = match word {
        "early" | "late" | "mid" if words.spaced(index) => (true, index + 1),
        _ => (false, index),
    };
    let hyphenated_mid = word.strip_prefix("mid-").and_then(|rest| {
        let capitalised = words.original(index).get(4..).is_some_and(is_capitalized);
        MONTHS
            .iter()
            .chain(MORE_MONTH_ABBREVIATIONS.iter())
            .find(|(name, _)| *name == rest && capitalised)
            .map(|&(_, month)| month)
    });
    let month = match hyphenated_mid {
        Some(month) => month,
        None => month_number(words, month_index)?,
    };
    let approximate = modifier || hyphenated_mid.is_some();
    let with_year = words
        .spaced(month_index)
        .then(|| year_number(words, month_index + 1))
        .flatten();
    if let Some(year) = with_year {
        let resolved = Resolved {
            approximate,
            ..Resolved::stated(PartialDate::month(year, month)?)
        };
        return Some((month_index + 2 - index, resolved));
    }
    // A month alone needs something that makes it a date: "in October", "late October".
    let introduced = approximate
        || index.checked_sub(1).is_some_and(|before| {
            words.word(before).is_some_and(|w| {
                matches!(
                    w,
                    "in" | "during" | "since" | "until" | "till" | "by" | "from" | "of" | "next"
                )
            })
        });
    let is_may = words.is(month_index, "may");
    if !introduced || is_may {
        return None;
    }
    let published = published?;
    let year = if words.future_tense(index) {
        // The month of publication itself counts as on or after it.
        if month >= published.month() {
            published.year()
        } else {
            published.year() + 1
        }
    } else {
        year_on_or_before(published, month, 1)
    };
    let resolved = Resolved {
        approximate,
        ..Resolved::relative(PartialDate::month(year, month)?)
    };
    Some((month_index + 1 - index, resolved))
}

/// "2014", "in 2008": four digits standing alone, not part of a longer number or an amount.
fn bare_year(words: &SentenceWords<'_>, index: usize) -> Option<(usize, Resolved)> {
    let year = year_number(words, index)?;
    if !(1800..=2100).contains(&year) {
        return None;
    }
    let range = words.ranges.get(index)?;
    let before = words.text.get(..range.start)?.chars().next_back();
    let after = words.text.get(range.end..)?.chars().next();
    let amount_or_code = before.is_some_and(|c| matches!(c, '#' | '$' | '€' | '£' | '/' | '-'))
        || after.is_some_and(|c| matches!(c, '%' | '/' | '-'));
    let number_beside = |i: Option<usize>| {
        i.and_then(|i| words.word(i))
            .is_some_and(|w| w.bytes().all(|b| b.is_ascii_digit()))
    };
    let next_is_number = words.spaced(index) && number_beside(Some(index + 1));
    let previous_is_number = index.checked_sub(1).is_some_and(|b| words.spaced(b))
        && number_beside(index.checked_sub(1));
    if amount_or_code || next_is_number || previous_is_number {
        return None;
    }
    Some((1, Resolved::stated(PartialDate::year(year)?)))
}

/// A cardinal number written in words or digits ("eight", "twenty-two", "a", "100").
pub fn number_word(word: &str) -> Option<u32> {
    const UNITS: [&str; 20] = [
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
    ];
    const TENS: [&str; 8] = [
        "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
    ];
    if word == "a" || word == "an" {
        return Some(1);
    }
    if word.len() <= 3 && word.bytes().all(|b| b.is_ascii_digit()) {
        return word.parse().ok();
    }
    let position = |list: &[&str], w: &str| list.iter().position(|x| *x == w);
    let (tens, units) = match word.split_once('-') {
        Some((tens, units)) => (Some(tens), Some(units)),
        None => (None, Some(word)),
    };
    let tens_value = match tens {
        Some(tens) => 20 + 10 * u32::try_from(position(&TENS, tens)?).ok()?,
        None => 0,
    };
    let units_value = match units {
        Some(units) if tens.is_none() => {
            if let Some(i) = position(&TENS, units) {
                return Some(20 + 10 * u32::try_from(i).ok()?);
            }
            u32::try_from(position(&UNITS, units)?).ok()?
        }
        Some(units) => u32::try_from(position(&UNITS, units)?)
            .ok()
            .filter(|u| (1..10).contains(u))?,
        None => 0,
    };
    Some(tens_value + units_value)
}

fn day(date: NaiveDate) -> Option<PartialDate> {
    PartialDate::containing(date, crate::model::Precision::Day)
}

fn monday_of(date: NaiveDate) -> NaiveDate {
    let back = u64::from(date.weekday().num_days_from_monday());
    date.checked_sub_days(Days::new(back)).unwrap_or(date)
}

fn week_range(monday: NaiveDate) -> (NaiveDate, NaiveDate) {
    (
        monday,
        monday.checked_add_days(Days::new(6)).unwrap_or(monday),
    )
}

/// Phrases that need the publication date `p`.
fn relative_phrase(
    words: &SentenceWords<'_>,
    index: usize,
    p: NaiveDate,
) -> Option<(usize, Resolved)> {
    let word = words.word(index)?;
    let next = |offset: usize| {
        (offset == 0 || (index + offset - 1..index + offset).all(|i| words.spaced(i)))
            .then(|| words.word(index + offset))
            .flatten()
    };
    let month_of = |date: NaiveDate| PartialDate::month(date.year(), date.month());
    let this_monday = monday_of(p);
    match (word, next(1), next(2)) {
        ("today", _, _) => Some((1, Resolved::relative(day(p)?))),
        ("yesterday", _, _) => Some((1, Resolved::relative(day(p.pred_opt()?)?))),
        ("tomorrow", _, _) => Some((1, Resolved::relative(day(p.succ_opt()?)?))),
        ("earlier" | "later", Some("this"), Some(unit @ ("week" | "month" | "year"))) => {
            let earlier = word == "earlier";
            let resolved = match unit {
                "week" => {
                    let (monday, sunday) = week_range(this_monday);
                    if earlier {
                        Resolved::week(monday, p)?
                    } else {
                        Resolved::week(p, sunday)?
                    }
                }
                "month" => Resolved {
                    approximate: true,
                    ..Resolved::relative(month_of(p)?)
                },
                _ => Resolved {
                    approximate: true,
                    ..Resolved::relative(PartialDate::year(p.year())?)
                },
            };
            Some((3, resolved))
        }
        (which @ ("this" | "last" | "next" | "past"), Some(unit), _) => {
            let step: i32 = match which {
                "last" | "past" => -1,
                "next" => 1,
                _ => 0,
            };
            relative_unit(unit, step, p)
                .map(|resolved| (2, resolved))
                .or_else(|| {
                    let weekday = weekday_of(unit)?;
                    let date = match step {
                        -1 => previous_weekday(p, weekday, false)?,
                        1 => next_weekday(p, weekday, false)?,
                        _ if words.future_tense(index) => next_weekday(p, weekday, true)?,
                        _ => previous_weekday(p, weekday, true)?,
                    };
                    Some((2, Resolved::relative(day(date)?)))
                })
        }
        (count, Some(unit), Some("ago")) => {
            let n = number_word(count)?;
            let unit = unit.strip_suffix('s').unwrap_or(unit);
            let resolved = match unit {
                "day" => Resolved::relative(day(p.checked_sub_days(Days::new(u64::from(n)))?)?),
                "week" => {
                    let monday = this_monday.checked_sub_days(Days::new(7 * u64::from(n)))?;
                    let (monday, sunday) = week_range(monday);
                    Resolved::week(monday, sunday)?
                }
                "month" => Resolved::relative(month_of(p.checked_sub_months(Months::new(n))?)?),
                "year" => Resolved::relative(PartialDate::year(p.year() - i32::try_from(n).ok()?)?),
                _ => return None,
            };
            Some((3, resolved))
        }
        (weekday, _, _) => {
            let weekday = weekday_of(weekday)?;
            if !is_capitalized(words.original(index)) {
                return None;
            }
            let date = if words.future_tense(index) {
                next_weekday(p, weekday, true)?
            } else {
                previous_weekday(p, weekday, true)?
            };
            Some((1, Resolved::relative(day(date)?)))
        }
    }
}

/// "week", "month", "year" with a step of −1 (last), 0 (this) or +1 (next).
fn relative_unit(unit: &str, step: i32, p: NaiveDate) -> Option<Resolved> {
    match unit {
        "week" => {
            let monday = monday_of(p);
            let monday = match step {
                -1 => monday.checked_sub_days(Days::new(7))?,
                1 => monday.checked_add_days(Days::new(7))?,
                _ => monday,
            };
            let (monday, sunday) = week_range(monday);
            Resolved::week(monday, sunday)
        }
        "month" => {
            let date = match step {
                -1 => p.checked_sub_months(Months::new(1))?,
                1 => p.checked_add_months(Months::new(1))?,
                _ => p,
            };
            Some(Resolved::relative(PartialDate::month(
                date.year(),
                date.month(),
            )?))
        }
        "year" => Some(Resolved::relative(PartialDate::year(p.year() + step)?)),
        _ => None,
    }
}

fn weekday_of(word: &str) -> Option<Weekday> {
    WEEKDAYS
        .iter()
        .find(|(name, _)| *name == word)
        .map(|&(_, weekday)| weekday)
}

/// The latest `weekday` before `p` (or on it, when `inclusive`).
fn previous_weekday(p: NaiveDate, weekday: Weekday, inclusive: bool) -> Option<NaiveDate> {
    let mut back = (7 + p.weekday().num_days_from_monday() - weekday.num_days_from_monday()) % 7;
    if back == 0 && !inclusive {
        back = 7;
    }
    p.checked_sub_days(Days::new(u64::from(back)))
}

/// The first `weekday` after `p` (or on it, when `inclusive`).
fn next_weekday(p: NaiveDate, weekday: Weekday, inclusive: bool) -> Option<NaiveDate> {
    let mut ahead = (7 + weekday.num_days_from_monday() - p.weekday().num_days_from_monday()) % 7;
    if ahead == 0 && !inclusive {
        ahead = 7;
    }
    p.checked_add_days(Days::new(u64::from(ahead)))
}

/// An absolute date with a year at the start of `text` (a dateline), such as "20 March 2022",
/// "November 18, 2025", "Tuesday 18 November 2025" or "2025-11-18", and how many bytes it takes.
pub fn parse_dateline_date(text: &str) -> Option<(NaiveDate, usize)> {
    let sentence = Sentence {
        range: 0..text.len(),
        paragraph: 0,
    };
    let words = SentenceWords::new(text, sentence.range);
    let first = usize::from(weekday_of(words.word(0)?).is_some());
    let (length, resolved) = iso_date(&words, first)
        .or_else(|| day_month(&words, first, None))
        .or_else(|| month_day(&words, first, None))?;
    if resolved.date.precision() != crate::model::Precision::Day {
        return None;
    }
    let end = words.ranges.get(first + length - 1)?.end;
    Some((resolved.date.first_day(), end))
}

/// A publication date as `YYYY-MM-DD` or as written in articles ("20 March 2022").
pub fn parse_published(text: &str) -> Option<NaiveDate> {
    let text = text.trim();
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .ok()
        .or_else(|| {
            parse_dateline_date(text)
                .filter(|(_, used)| text.get(*used..).is_some_and(|rest| rest.trim().is_empty()))
                .map(|(date, _)| date)
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn published() -> NaiveDate {
        // A Sunday.
        NaiveDate::from_ymd_opt(2022, 3, 20).expect("date")
    }

    fn find(
        text: &str,
        published: Option<NaiveDate>,
    ) -> Vec<(String, String, Option<String>, bool)> {
        let sentence = Sentence {
            range: 0..text.len(),
            paragraph: 0,
        };
        find_date_mentions(text, &[sentence], published)
            .into_iter()
            .map(|m| {
                (
                    m.phrase,
                    m.date.to_iso(),
                    m.end.map(|e| e.to_iso()),
                    m.approximate,
                )
            })
            .collect()
    }

    fn one(text: &str) -> (String, String) {
        let found = find(text, Some(published()));
        assert_eq!(found.len(), 1, "{text}: {found:?}");
        (found[0].0.clone(), found[0].1.clone())
    }

    fn pair(phrase: &str, date: &str) -> (String, String) {
        (phrase.to_owned(), date.to_owned())
    }

    #[test]
    fn a_past_weekday_is_the_latest_one_on_or_before_publication() {
        assert_eq!(
            one("Jane Roe called on Saturday."),
            pair("on Saturday", "2022-03-19")
        );
        assert_eq!(
            one("On Thursday, Roe spoke."),
            pair("On Thursday", "2022-03-17")
        );
        assert_eq!(one("Roe spoke on Sunday."), pair("on Sunday", "2022-03-20"));
    }

    #[test]
    fn a_weekday_in_a_future_clause_is_the_next_one() {
        assert_eq!(
            one("Members will gather for a summit on Thursday."),
            pair("on Thursday", "2022-03-24")
        );
        assert_eq!(
            one("On Thursday, members will gather."),
            pair("On Thursday", "2022-03-24")
        );
    }

    #[test]
    fn would_travel_on_a_weekday_is_the_weekday_after_publication() {
        // 12 May 2025 is a Monday.
        let monday = NaiveDate::from_ymd_opt(2025, 5, 12);
        let found = find(
            "The delegation would travel to Istanbul on Thursday for talks.",
            monday,
        );
        assert_eq!(found[0].1, "2025-05-15");
        let past = find("The delegation travelled to Istanbul on Thursday.", monday);
        assert_eq!(past[0].1, "2025-05-08");
    }

    #[test]
    fn a_day_and_month_in_a_future_clause_fall_on_or_after_publication() {
        assert_eq!(
            one("The two sides will meet on 17 March."),
            pair("on 17 March", "2023-03-17")
        );
        assert_eq!(
            one("The two sides will meet on 17 July."),
            pair("on 17 July", "2022-07-17")
        );
        assert_eq!(
            one("The two sides are expected to meet on July 17."),
            pair("on July 17", "2022-07-17")
        );
        assert_eq!(
            one("The two sides met on 17 July."),
            pair("on 17 July", "2021-07-17")
        );
    }

    #[test]
    fn a_month_in_a_future_clause_falls_on_or_after_publication() {
        assert_eq!(
            one("Talks will resume in February."),
            pair("in February", "2023-02")
        );
        assert_eq!(
            one("Talks will resume in March."),
            pair("in March", "2022-03")
        );
        assert_eq!(one("Talks resume next July."), pair("July", "2022-07"));
        assert_eq!(one("Talks resumed in July."), pair("in July", "2021-07"));
    }

    #[test]
    fn next_weekdays_and_next_month_are_after_publication() {
        assert_eq!(
            one("They meet next Tuesday."),
            pair("next Tuesday", "2022-03-22")
        );
        assert_eq!(
            one("They would meet next month."),
            pair("next month", "2022-04")
        );
    }

    #[test]
    fn a_weekday_before_a_future_clause_of_someone_else_stays_past() {
        assert_eq!(
            one("Roe said on Monday that talks will resume."),
            pair("on Monday", "2022-03-14")
        );
    }

    #[test]
    fn last_and_next_weekdays_exclude_the_publication_day() {
        assert_eq!(
            one("Roe left last Sunday."),
            pair("last Sunday", "2022-03-13")
        );
        assert_eq!(
            one("Roe leaves next Sunday."),
            pair("next Sunday", "2022-03-27")
        );
    }

    #[test]
    fn yesterday_today_and_tomorrow_are_days_around_publication() {
        assert_eq!(one("Roe left yesterday."), pair("yesterday", "2022-03-19"));
        assert_eq!(one("Roe leaves today."), pair("today", "2022-03-20"));
        assert_eq!(one("Roe leaves tomorrow."), pair("tomorrow", "2022-03-21"));
    }

    #[test]
    fn week_phrases_are_approximate_ranges() {
        let week = |text: &str| find(text, Some(published())).remove(0);
        assert_eq!(
            week("Earlier this week Roe asked."),
            (
                "Earlier this week".to_owned(),
                "2022-03-14".to_owned(),
                Some("2022-03-20".to_owned()),
                true
            )
        );
        assert_eq!(week("Talks this week.").1, "2022-03-14");
        assert_eq!(week("Talks this week.").2.as_deref(), Some("2022-03-20"));
        assert_eq!(week("Talks last week.").1, "2022-03-07");
        assert_eq!(week("Talks next week.").2.as_deref(), Some("2022-03-27"));
        assert_eq!(week("Talks two weeks ago.").1, "2022-02-28");
        // Publication is a Sunday, so "later this week" is that day alone.
        assert_eq!(week("Talks later this week.").1, "2022-03-20");
        assert_eq!(
            week("Talks later this week.").2.as_deref(),
            Some("2022-03-20")
        );
    }

    #[test]
    fn a_week_phrase_glued_to_the_next_word_is_found() {
        assert_eq!(
            find("Earlier this weekUkraine asked.", Some(published()))[0].1,
            "2022-03-14"
        );
    }

    #[test]
    fn month_and_year_phrases_have_month_and_year_precision() {
        assert_eq!(
            one("Sanctions came last month."),
            pair("last month", "2022-02")
        );
        assert_eq!(
            one("Talks resume next month."),
            pair("next month", "2022-04")
        );
        assert_eq!(one("It rose this month."), pair("this month", "2022-03"));
        assert_eq!(one("It fell last year."), pair("last year", "2021"));
        assert_eq!(one("It fell this year."), pair("this year", "2022"));
        assert_eq!(
            one("It fell earlier this month."),
            pair("earlier this month", "2022-03")
        );
        assert_eq!(one("It falls next year."), pair("next year", "2023"));
    }

    #[test]
    fn ago_phrases_take_numbers_in_words_and_digits() {
        assert_eq!(
            one("Annexed eight years ago."),
            pair("eight years ago", "2014")
        );
        assert_eq!(one("Annexed 8 years ago."), pair("8 years ago", "2014"));
        assert_eq!(one("Signed a year ago."), pair("a year ago", "2021"));
        assert_eq!(
            one("Signed three months ago."),
            pair("three months ago", "2021-12")
        );
        assert_eq!(
            one("Signed two days ago."),
            pair("two days ago", "2022-03-18")
        );
        assert_eq!(
            one("Founded twenty-one years ago."),
            pair("twenty-one years ago", "2001")
        );
    }

    #[test]
    fn absolute_dates_keep_their_precision() {
        assert_eq!(
            one("It ended in July 2023."),
            pair("in July 2023", "2023-07")
        );
        assert_eq!(
            one("It ended on 17 July 2023."),
            pair("on 17 July 2023", "2023-07-17")
        );
        assert_eq!(
            one("It ended on July 17, 2023."),
            pair("on July 17, 2023", "2023-07-17")
        );
        assert_eq!(one("It began in 2014."), pair("in 2014", "2014"));
        assert_eq!(
            one("It ended 2025-11-18."),
            pair("2025-11-18", "2025-11-18")
        );
    }

    #[test]
    fn a_day_and_month_without_year_fall_on_or_before_publication() {
        assert_eq!(
            one("They met in Sochi on 29 September."),
            pair("on 29 September", "2021-09-29")
        );
        assert_eq!(
            one("They met on 17 March."),
            pair("on 17 March", "2022-03-17")
        );
        assert_eq!(
            one("They met on March 21."),
            pair("on March 21", "2021-03-21")
        );
    }

    #[test]
    fn a_month_alone_needs_a_preposition_or_a_modifier() {
        assert_eq!(
            one("They met in late October."),
            pair("in late October", "2021-10")
        );
        assert!(find("They met in late October.", Some(published()))[0].3);
        assert_eq!(one("They met in February."), pair("in February", "2022-02"));
        assert!(find("They may March together.", Some(published())).is_empty());
    }

    #[test]
    fn numbers_that_are_not_years_are_ignored() {
        let text = "Account 0530 2294668, #2022 and $2000 and 2022-ish, NO15 0530 2294 668.";
        assert!(
            find(text, Some(published())).is_empty(),
            "{:?}",
            find(text, Some(published()))
        );
    }

    #[test]
    fn without_a_publication_date_only_stated_years_resolve() {
        let found = find("On Saturday, in July 2023 and on 29 September.", None);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].1, "2023-07");
    }

    #[test]
    fn a_dateline_date_parses_in_common_shapes() {
        let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).expect("date");
        assert_eq!(
            parse_dateline_date("20 March 2022").map(|d| d.0),
            Some(day(2022, 3, 20))
        );
        assert_eq!(
            parse_dateline_date("November 18, 2025 10:31").map(|d| d.0),
            Some(day(2025, 11, 18))
        );
        assert_eq!(
            parse_dateline_date("Tuesday 18 November 2025").map(|d| d.0),
            Some(day(2025, 11, 18))
        );
        assert_eq!(
            parse_dateline_date("2025-11-18").map(|d| d.0),
            Some(day(2025, 11, 18))
        );
        assert_eq!(parse_dateline_date("29 September"), None);
        assert_eq!(parse_dateline_date("March 2022"), None);
    }
}
