//! Phrases that tell when a text was written — durations ("nearly two-year-long war", "eight
//! years of conflict in Donbas"), ordinals ("now in its third year", "its second winter"),
//! elections ("the upcoming US election", "ahead of the coming presidential vote") and
//! "last year's counteroffensive" — compared with the publication date. A phrase becomes a
//! finding only when the period it implies and the publication date disagree.
//!
//! Durations are counted from the war's reference dates (see [`super::reference_dates`]): the
//! anchor the sentence names (Crimea's annexation, Donbas, the invasion), else either war, so
//! that "two years of war" agrees with 2016 (Donbas) as with 2024 (the full-scale war).

use std::ops::Range;

use chrono::{Datelike as _, Days, Months, NaiveDate};

use super::finding::{DayRange, Finding, FindingKind};
use super::reference_dates::{
    COUNTEROFFENSIVE_YEARS, Country, Election, ElectionKind, WarAnchor, elections,
};
use super::sentence_words::{Piece, pieces, sentence_ranges};
use crate::article_import::dates::number_word;

/// Words that make a duration or an ordinal speak of the war.
const WAR_WORDS: &[&str] = &[
    "war",
    "conflict",
    "invasion",
    "fighting",
    "hostilities",
    "aggression",
    "warfare",
    "occupation",
    "annexation",
];

/// Durations longer than this (a century) are not read as the war's.
const MAX_DURATION_MONTHS: u64 = 1200;

/// How far after a duration ("two years … of war") the war word may stand, in words.
const WAR_WORD_REACH: usize = 4;

/// Every stale phrase of `text`, a text published on `published`, in text order.
pub fn stale_phrases(text: &str, published: NaiveDate) -> Vec<Finding> {
    let elections = elections();
    let mut findings = Vec::new();
    for range in sentence_ranges(text) {
        let sentence = Sentence::new(text, pieces(text, range), published);
        findings.extend(sentence.stale_phrases(published, &elections));
    }
    findings
}

/// A unit of time a duration counts in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Unit {
    Days(u64),
    Months(u32),
}

impl Unit {
    fn of(word: &str) -> Option<Unit> {
        match word.strip_suffix('s').unwrap_or(word) {
            "day" => Some(Unit::Days(1)),
            "week" => Some(Unit::Days(7)),
            "month" => Some(Unit::Months(1)),
            "year" => Some(Unit::Months(12)),
            "decade" => Some(Unit::Months(120)),
            _ => None,
        }
    }

    /// `date` moved by `count` units (back when negative).
    fn shift(self, date: NaiveDate, count: i64) -> Option<NaiveDate> {
        match self {
            Unit::Days(days) => {
                let days = Days::new(days.checked_mul(count.unsigned_abs())?);
                if count < 0 {
                    date.checked_sub_days(days)
                } else {
                    date.checked_add_days(days)
                }
            }
            Unit::Months(months) => {
                let months =
                    Months::new(months.checked_mul(u32::try_from(count.unsigned_abs()).ok()?)?);
                if count < 0 {
                    date.checked_sub_months(months)
                } else {
                    date.checked_add_months(months)
                }
            }
        }
    }

    /// How far before a round number "nearly" reaches: a quarter of a year, half a month.
    fn slack(self, date: NaiveDate, back: bool) -> Option<NaiveDate> {
        let (unit, count) = match self {
            Unit::Months(120) => (Unit::Months(12), 1),
            Unit::Months(12) => (Unit::Months(3), 1),
            Unit::Months(_) => (Unit::Days(15), 1),
            Unit::Days(7) => (Unit::Days(3), 1),
            Unit::Days(_) => (Unit::Days(1), 1),
        };
        unit.shift(date, if back { -count } else { count })
    }

    /// Half a unit either way, for "about": six months of a year, half a month.
    fn half(self, date: NaiveDate, back: bool) -> Option<NaiveDate> {
        let unit = match self {
            Unit::Months(months) if months >= 12 => Unit::Months(months / 2),
            Unit::Months(_) => Unit::Days(15),
            Unit::Days(days) => Unit::Days(days.div_ceil(2)),
        };
        unit.shift(date, if back { -1 } else { 1 })
    }
}

/// How a duration is hedged.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Hedge {
    /// "nearly", "almost", "close to", "just under", "less than"
    Nearly,
    /// "more than", "over", "just over"
    Over,
    /// "about", "around", "roughly", "some"
    About,
    /// The number alone: from a little before it until the next one.
    Bare,
}

/// A phrase found, with what it implies, before it is compared with the publication date.
struct Implied {
    pieces: Range<usize>,
    /// One period per reading of the phrase (per anchor or election it may mean).
    readings: Vec<Reading>,
    /// Which reading to report when none agrees.
    reported: usize,
}

/// One meaning of a phrase: the period it implies, what it says (before the publication date
/// in the message) and what follows the date.
struct Reading {
    range: DayRange,
    explanation: String,
    after_date: String,
}

/// A sentence's words and what is known of the whole sentence, found once so that each
/// phrase costs only the words near it.
struct Sentence<'a> {
    text: &'a str,
    pieces: Vec<Piece>,
    /// The war anchors the sentence names.
    named_anchors: Vec<WarAnchor>,
    /// It names the war (a war word or an anchor).
    names_war: bool,
    /// It speaks of a president or an administration (a presidential election, then).
    names_presidency: bool,
    /// "; “until 2025” also speaks of 2025 as still to come", when the sentence says so.
    until_note: String,
}

impl<'a> Sentence<'a> {
    fn new(text: &'a str, pieces: Vec<Piece>, published: NaiveDate) -> Self {
        let mut sentence = Self {
            text,
            pieces,
            named_anchors: Vec::new(),
            names_war: false,
            names_presidency: false,
            until_note: String::new(),
        };
        sentence.named_anchors = sentence.find_named_anchors();
        sentence.names_war = sentence.has_any(WAR_WORDS) || !sentence.named_anchors.is_empty();
        sentence.names_presidency =
            sentence.has_any(&["administration", "president", "presidency"]);
        sentence.until_note = sentence.find_until_note(published);
        sentence
    }

    fn word(&self, index: usize) -> &str {
        self.pieces.get(index).map_or("", |p| p.lower.as_str())
    }

    fn piece(&self, index: usize) -> Option<&Piece> {
        self.pieces.get(index)
    }

    fn has_any(&self, words: &[&str]) -> bool {
        self.pieces
            .iter()
            .any(|p| words.contains(&p.lower.as_str()))
    }

    fn phrase(&self, pieces: &Range<usize>) -> String {
        let start = self.piece(pieces.start).map_or(0, |p| p.range.start);
        let end = self
            .piece(pieces.end.saturating_sub(1))
            .map_or(start, |p| p.range.end);
        self.text.get(start..end).unwrap_or("").to_owned()
    }

    /// `true` when no `,` `;` `.` stands between pieces `a` and `b` (`a` < `b`).
    fn same_clause(&self, a: usize, b: usize) -> bool {
        let (Some(first), Some(last)) = (self.piece(a), self.piece(b)) else {
            return false;
        };
        self.text
            .get(first.range.end..last.range.start)
            .is_some_and(|between| !between.contains([',', ';', '.', ':']))
    }

    /// The anchors the sentence names.
    fn find_named_anchors(&self) -> Vec<WarAnchor> {
        let mut anchors = Vec::new();
        let annexed = self.pieces.iter().any(|p| p.lower.starts_with("annex"));
        if annexed && self.has_any(&["crimea", "crimean"]) {
            anchors.push(WarAnchor::CrimeaAnnexation);
        }
        if self.has_any(&["donbas", "donbass", "donetsk", "luhansk"]) {
            anchors.push(WarAnchor::DonbasWar);
        }
        let full_scale = self
            .pieces
            .windows(2)
            .any(|pair| pair[0].lower == "full" && pair[1].lower == "scale");
        if full_scale || self.has_any(&["invasion", "invaded"]) {
            anchors.push(WarAnchor::FullScaleInvasion);
        }
        anchors
    }

    /// The anchors a war phrase may count from, and the one to report.
    fn anchors(&self, published: NaiveDate) -> (Vec<WarAnchor>, usize) {
        let named = self.named_anchors.clone();
        let anchors = if named.is_empty() {
            vec![WarAnchor::FullScaleInvasion, WarAnchor::DonbasWar]
        } else {
            named
        };
        let war = WarAnchor::war_at(published);
        let reported = anchors.iter().position(|a| *a == war).unwrap_or(0);
        (anchors, reported)
    }

    fn stale_phrases(&self, published: NaiveDate, elections: &[Election]) -> Vec<Finding> {
        let mut findings = Vec::new();
        let mut index = 0;
        while index < self.pieces.len() {
            let found = self
                .duration_at(index, published)
                .or_else(|| self.ordinal_at(index, published))
                .or_else(|| self.upcoming_election_at(index, published, elections))
                .or_else(|| self.year_deixis_at(index, published, elections));
            let Some(implied) = found else {
                index += 1;
                continue;
            };
            index = implied.pieces.end.max(index + 1);
            let agrees = implied
                .readings
                .iter()
                .any(|reading| reading.range.contains(published));
            if agrees {
                continue;
            }
            let Some(reading) = implied.readings.get(implied.reported) else {
                continue;
            };
            let phrase = self.phrase(&implied.pieces);
            let mut finding = Finding::new(
                FindingKind::StalePhrase,
                format!(
                    "“{phrase}” {}, but the text is dated {}{}{}.",
                    reading.explanation,
                    published.format("%-d %b %Y"),
                    reading.after_date,
                    self.until_note
                ),
            );
            finding.phrase = Some(phrase);
            finding.implied = Some(reading.range);
            findings.push(finding);
        }
        findings
    }

    /// "; “until 2025” also speaks of 2025 as still ahead" when the sentence says so.
    fn find_until_note(&self, published: NaiveDate) -> String {
        for index in 0..self.pieces.len() {
            if !matches!(self.word(index), "until" | "till") {
                continue;
            }
            let next = self.word(index + 1);
            let year = (next.len() == 4)
                .then(|| next.parse::<i32>().ok())
                .flatten();
            if let Some(year) = year.filter(|y| *y <= published.year()) {
                return format!(
                    "; “{}” also speaks of {year} as still to come",
                    self.phrase(&(index..index + 2))
                );
            }
        }
        String::new()
    }

    /// "nearly two-year-long war", "eight years of conflict in Donbas", "annexed eight years
    /// ago", "more than 18 months of war", "six months into the invasion".
    fn duration_at(&self, start: usize, published: NaiveDate) -> Option<Implied> {
        let (hedge, count_at) = self.hedge_at(start);
        // "in the first two years of the war" looks back; it does not date the text.
        if start > 0 && matches!(self.word(start - 1), "first" | "initial" | "opening") {
            return None;
        }
        let (count, unit_at) = self.count_at(count_at)?;
        let unit = Unit::of(self.word(unit_at))?;
        // A century or more is not this war ("999 decades"): no reading.
        let too_long = match unit {
            Unit::Months(months) => u64::from(months) * u64::from(count) > MAX_DURATION_MONTHS,
            Unit::Days(days) => days * u64::from(count) > MAX_DURATION_MONTHS * 31,
        };
        if too_long {
            return None;
        }
        let mut after = unit_at + 1;
        while matches!(self.word(after), "long" | "old") {
            after += 1;
        }
        let named = self.named_anchors.clone();
        let (anchors, reported) = if self.word(after) == "ago" {
            // "annexed eight years ago": only with an anchor the sentence names.
            if named.is_empty() {
                return None;
            }
            let war = WarAnchor::war_at(published);
            let reported = named.iter().position(|a| *a == war).unwrap_or(0);
            after += 1;
            (named, reported)
        } else {
            let reach = if self.word(after) == "since" {
                6
            } else {
                WAR_WORD_REACH
            };
            let war_word = (after..after + reach).find(|&i| WAR_WORDS.contains(&self.word(i)))?;
            if !self.same_clause(unit_at, war_word) {
                return None;
            }
            after = war_word + 1;
            self.anchors(published)
        };
        let count = i64::from(count);
        let readings = anchors
            .iter()
            .filter_map(|&anchor| {
                let days = anchor.days();
                let round_first = unit.shift(days.from, count)?;
                let round_last = unit.shift(days.to, count)?;
                let next_last = unit.shift(days.to, count + 1)?.pred_opt()?;
                let (from, to) = match hedge {
                    Hedge::Nearly => (unit.slack(round_first, true)?, round_last.pred_opt()?),
                    Hedge::Over => (round_first, next_last),
                    Hedge::About => (unit.half(round_first, true)?, unit.half(round_last, false)?),
                    Hedge::Bare => (unit.slack(round_first, true)?, next_last),
                };
                Some(anchor_reading(DayRange::new(from, to), anchor, published))
            })
            .collect();
        Some(Implied {
            pieces: start..after,
            readings,
            reported,
        })
    }

    /// A hedge word at `index` and where the number after it starts.
    fn hedge_at(&self, index: usize) -> (Hedge, usize) {
        let two = (self.word(index), self.word(index + 1));
        match two {
            ("close", "to") | ("just", "under") | ("less", "than") => (Hedge::Nearly, index + 2),
            ("more", "than") | ("just", "over") | ("upwards", "of") => (Hedge::Over, index + 2),
            ("nearly" | "almost" | "approaching" | "under", _) => (Hedge::Nearly, index + 1),
            ("over", _) => (Hedge::Over, index + 1),
            ("about" | "around" | "roughly" | "some" | "approximately", _) => {
                (Hedge::About, index + 1)
            }
            _ => (Hedge::Bare, index),
        }
    }

    /// A number at `index` ("eight", "18", "twenty-two", "a") and where its unit is; "decade"
    /// alone counts one.
    fn count_at(&self, index: usize) -> Option<(u32, usize)> {
        let word = self.word(index);
        if matches!(word, "decade" | "decades") && !self.piece(index)?.hyphen_before {
            return Some((1, index));
        }
        if let Some(next) = self.piece(index + 1)
            && next.hyphen_before
            && let Some(number) = number_word(&format!("{word}-{}", next.lower))
        {
            return Some((number, index + 2));
        }
        Some((number_word(word)?, index + 1))
    }

    /// "now in its third year", "entering its second winter", "marks the second anniversary".
    fn ordinal_at(&self, index: usize, published: NaiveDate) -> Option<Implied> {
        let ordinal = ordinal(self.word(index))?;
        let unit = self.word(index + 1);
        if !matches!(unit, "year" | "winter" | "summer" | "anniversary") {
            return None;
        }
        let before = self.word(index.checked_sub(1)?);
        let before_that = index.checked_sub(2).map_or("", |i| self.word(i));
        let present = matches!(before, "its" | "this" | "a")
            || (unit == "anniversary"
                && before == "the"
                && matches!(
                    before_that,
                    "mark" | "marks" | "marking" | "ahead" | "before"
                ));
        if !present || !self.names_war {
            return None;
        }
        let first = if before == "its" { index - 1 } else { index };
        let (anchors, reported) = self.anchors(published);
        let nth = i64::from(ordinal);
        let readings = anchors
            .iter()
            .filter_map(|&anchor| {
                let days = anchor.days();
                let range = match unit {
                    "year" => DayRange::new(
                        Unit::Months(12).shift(days.from, nth - 1)?,
                        Unit::Months(12).shift(days.to, nth)?.pred_opt()?,
                    ),
                    "anniversary" => DayRange::new(
                        Unit::Months(12)
                            .shift(days.from, nth)?
                            .checked_sub_months(Months::new(1))?,
                        Unit::Months(12)
                            .shift(days.to, nth)?
                            .checked_add_months(Months::new(1))?,
                    ),
                    season => season_of_war(anchor, season == "winter", ordinal)?,
                };
                Some(anchor_reading(range, anchor, published))
            })
            .collect();
        Some(Implied {
            pieces: first..index + 2,
            readings,
            reported,
        })
    }

    /// "the upcoming US election", "ahead of the coming presidential vote".
    fn upcoming_election_at(
        &self,
        index: usize,
        published: NaiveDate,
        elections: &[Election],
    ) -> Option<Implied> {
        if !matches!(
            self.word(index),
            "upcoming" | "coming" | "forthcoming" | "approaching" | "looming" | "impending"
        ) {
            return None;
        }
        let (end, countries, kind) = self.election_words(index + 1)?;
        let candidates: Vec<&Election> = self.candidates(elections, &countries, kind);
        let next = candidates.iter().find(|e| e.day > published);
        let readings = candidates
            .iter()
            .map(|election| {
                let window = election.upcoming_window();
                let after_date = match next {
                    Some(next) if election.day <= published => {
                        format!(", after that election (the next is {})", next.description())
                    }
                    _ if election.day <= published => ", after that election".to_owned(),
                    _ => format!(", more than {} before it", window_length(election)),
                };
                Reading {
                    range: window,
                    explanation: format!(
                        "speaks of {} as still ahead, which fits a text written {}",
                        election.description(),
                        window.display()
                    ),
                    after_date,
                }
            })
            .collect();
        // The election the writer most likely meant: the last one held by publication.
        let reported = candidates
            .iter()
            .rposition(|e| e.day <= published)
            .unwrap_or(0);
        Some(Implied {
            pieces: index..end,
            readings,
            reported,
        })
    }

    /// "last year's counteroffensive", "next year's presidential election".
    fn year_deixis_at(
        &self,
        index: usize,
        published: NaiveDate,
        elections: &[Election],
    ) -> Option<Implied> {
        let step: i32 = match self.word(index) {
            "last" => -1,
            "this" => 0,
            "next" => 1,
            _ => return None,
        };
        let year_piece = self.piece(index + 1)?;
        if year_piece.lower != "year" || !year_piece.possessive {
            return None;
        }
        let phrase = self.phrase(&(index..index + 2));
        if let Some(end) = self.counteroffensive_end(index + 2) {
            let years = COUNTEROFFENSIVE_YEARS
                .iter()
                .map(|&year| {
                    let what =
                        format!("speaks of Ukraine's counteroffensive of {year} as {phrase}");
                    (year - step, what)
                })
                .collect();
            return Some(year_readings(index..end, years, published));
        }
        let (end, countries, kind) = self.election_words(index + 2)?;
        let years = self
            .candidates(elections, &countries, kind)
            .iter()
            .map(|election| {
                let what = format!("speaks of {} as {phrase}", election.description());
                (election.day.year() - step, what)
            })
            .collect();
        Some(year_readings(index..end, years, published))
    }

    /// Where a counteroffensive word within three words of `index` ends.
    fn counteroffensive_end(&self, index: usize) -> Option<usize> {
        (index..index + 3).find_map(|i| match self.word(i) {
            "counteroffensive" | "counteroffensives" => Some(i + 1),
            "counter" if self.word(i + 1).starts_with("offensive") => Some(i + 2),
            _ => None,
        })
    }

    /// Up to three qualifiers ("US", "presidential") and an election word from `index`: where
    /// the phrase ends, the countries it may mean and the kind of election.
    fn election_words(&self, index: usize) -> Option<(usize, Vec<Country>, Option<ElectionKind>)> {
        let mut countries = Vec::new();
        let mut kind = None;
        for at in index..index + 4 {
            match self.word(at) {
                "us" | "u.s" | "american" | "america" => countries.push(Country::UnitedStates),
                "ukrainian" | "ukraine" => countries.push(Country::Ukraine),
                "russian" | "russia" => countries.push(Country::Russia),
                "presidential" => kind = Some(ElectionKind::Presidential),
                "midterm" | "midterms" | "congressional" => kind = Some(ElectionKind::Midterm),
                "general" | "national" => {}
                "election" | "elections" | "vote" | "polls" | "ballot" => {
                    if kind.is_none() && self.names_presidency {
                        kind = Some(ElectionKind::Presidential);
                    }
                    return Some((at + 1, countries, kind));
                }
                _ => return None,
            }
        }
        None
    }

    fn candidates<'e>(
        &self,
        elections: &'e [Election],
        countries: &[Country],
        kind: Option<ElectionKind>,
    ) -> Vec<&'e Election> {
        elections
            .iter()
            .filter(|e| countries.is_empty() || countries.contains(&e.country))
            .filter(|e| kind.is_none_or(|k| k == e.kind))
            .collect()
    }
}

/// Readings of a phrase that puts the text in a calendar year ("last year's …").
fn year_readings(pieces: Range<usize>, years: Vec<(i32, String)>, published: NaiveDate) -> Implied {
    let readings: Vec<Reading> = years
        .into_iter()
        .filter_map(|(year, what)| {
            Some(Reading {
                range: DayRange::new(
                    NaiveDate::from_ymd_opt(year, 1, 1)?,
                    NaiveDate::from_ymd_opt(year, 12, 31)?,
                ),
                explanation: format!("{what}, which fits a text written in {year}"),
                after_date: String::new(),
            })
        })
        .collect();
    let reported = readings
        .iter()
        .rposition(|reading| reading.range.from <= published)
        .unwrap_or(0);
    Implied {
        pieces,
        readings,
        reported,
    }
}

/// "puts the text in 24 Nov 2023 – 23 Feb 2024 (counted from …)", and how long after the
/// anchor the publication really is.
fn anchor_reading(range: DayRange, anchor: WarAnchor, published: NaiveDate) -> Reading {
    let since = anchor.days().from;
    let after_date = if published < since {
        format!(", before {}", anchor.description())
    } else {
        let months = (published.year() - since.year()) * 12
            + i32::try_from(published.month()).unwrap_or(0)
            - i32::try_from(since.month()).unwrap_or(0)
            - i32::from(published.day() < since.day());
        format!(", {} after it", years_and_months(months))
    };
    Reading {
        range,
        explanation: format!(
            "puts the text in {} (counted from {})",
            range.display(),
            anchor.description()
        ),
        after_date,
    }
}

/// "two years", "one year": how long before an election it may be called upcoming.
fn window_length(election: &Election) -> &'static str {
    match (election.country, election.kind) {
        (Country::UnitedStates, ElectionKind::Presidential) => "two years",
        _ => "a year",
    }
}

/// "3 years and 8 months", "1 year", "5 months".
fn years_and_months(months: i32) -> String {
    let plural = |n: i32, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    match (months / 12, months % 12) {
        (0, m) => plural(m, "month"),
        (y, 0) => plural(y, "year"),
        (y, m) => format!("{} and {}", plural(y, "year"), plural(m, "month")),
    }
}

/// The `nth` winter or summer of a war, with the weeks around it in which texts speak of it
/// ("entering its second winter" in October): winter October–March, summer May–September.
fn season_of_war(anchor: WarAnchor, winter: bool, nth: u32) -> Option<DayRange> {
    let start = anchor.days().from;
    // (first month of the season proper, first and last month counted, years it spans)
    let (season_month, first_month, last_month, span_years) =
        if winter { (12, 10, 3, 1) } else { (6, 5, 9, 0) };
    // The first season is the first that begins after the war did.
    let first_year = if start.month() < season_month {
        start.year()
    } else {
        start.year() + 1
    };
    let year = first_year + i32::try_from(nth).ok()? - 1;
    let from = NaiveDate::from_ymd_opt(year, first_month, 1)?;
    let after_end = NaiveDate::from_ymd_opt(year + span_years, last_month, 1)?
        .checked_add_months(Months::new(1))?;
    Some(DayRange::new(from, after_end.pred_opt()?))
}

/// "first" … "twentieth", "3rd", "25th".
fn ordinal(word: &str) -> Option<u32> {
    const WORDS: [&str; 20] = [
        "first",
        "second",
        "third",
        "fourth",
        "fifth",
        "sixth",
        "seventh",
        "eighth",
        "ninth",
        "tenth",
        "eleventh",
        "twelfth",
        "thirteenth",
        "fourteenth",
        "fifteenth",
        "sixteenth",
        "seventeenth",
        "eighteenth",
        "nineteenth",
        "twentieth",
    ];
    if let Some(index) = WORDS.iter().position(|w| *w == word) {
        return u32::try_from(index + 1).ok();
    }
    let digits = ["st", "nd", "rd", "th"]
        .iter()
        .find_map(|suffix| word.strip_suffix(suffix))?;
    if digits.is_empty() || digits.len() > 3 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok().filter(|n| *n > 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap_or_default()
    }

    /// (phrase, implied from, implied to) of each finding.
    fn found(text: &str, published: &str) -> Vec<(String, String, String)> {
        stale_phrases(text, day(published))
            .into_iter()
            .map(|f| {
                let implied = f
                    .implied
                    .unwrap_or(DayRange::new(day("2000-01-01"), day("2000-01-01")));
                (
                    f.phrase.unwrap_or_default(),
                    implied.from.to_string(),
                    implied.to.to_string(),
                )
            })
            .collect()
    }

    fn one(phrase: &str, from: &str, to: &str) -> Vec<(String, String, String)> {
        vec![(phrase.to_owned(), from.to_owned(), to.to_owned())]
    }

    #[test]
    fn now_in_its_third_year_is_the_year_from_the_second_anniversary() {
        let text = "The war, now in its third year, goes on.";
        assert_eq!(found(text, "2024-06-01"), []);
        assert_eq!(
            found(text, "2025-06-01"),
            one("its third year", "2024-02-24", "2025-02-23")
        );
    }

    #[test]
    fn eight_years_of_conflict_in_donbas_counts_from_april_2014() {
        let text = "After eight years of conflict in Donbas, talks stalled.";
        assert_eq!(found(text, "2022-02-20"), []);
        assert_eq!(
            found(text, "2019-05-01"),
            one("eight years of conflict", "2022-01-01", "2023-04-29")
        );
    }

    #[test]
    fn last_years_counteroffensive_fits_2023_and_2024_only() {
        let text = "Officers studied last year's counteroffensive closely.";
        assert_eq!(found(text, "2024-03-01"), []);
        assert_eq!(
            found(text, "2025-11-18"),
            one("last year's counteroffensive", "2024-01-01", "2024-12-31")
        );
    }

    #[test]
    fn a_coming_presidential_vote_of_any_country_agrees_when_one_is_near() {
        let text = "Ahead of the coming presidential vote, the Kremlin was cautious.";
        assert_eq!(found(text, "2024-02-01"), []);
        assert_eq!(
            found(text, "2025-11-18"),
            one("coming presidential vote", "2022-11-05", "2024-11-04")
        );
    }

    #[test]
    fn an_upcoming_us_election_without_president_may_be_the_midterms() {
        let text = "Both parties look to the upcoming US elections.";
        assert_eq!(found(text, "2025-12-01"), []);
    }

    #[test]
    fn durations_about_something_else_or_looking_back_are_not_read() {
        let text = "The deal ran for two years. In the first two years of the war, many fled. \
                    She was born two years ago.";
        assert_eq!(found(text, "2025-11-18"), []);
    }

    #[test]
    fn retrospective_ordinals_without_its_are_not_read() {
        let text = "In the first year of the war, exports fell.";
        assert_eq!(found(text, "2025-11-18"), []);
    }

    #[test]
    fn a_hundred_days_of_war_agree_in_early_june_2022_only() {
        let text = "After 100 days of war, the front moved east.";
        assert_eq!(found(text, "2022-06-03"), []);
        assert_eq!(found(text, "2022-09-01").len(), 1);
    }

    #[test]
    fn the_second_winter_is_winter_2023_24_with_its_autumn() {
        let text = "The war enters its second winter.";
        assert_eq!(found(text, "2023-11-01"), []);
        assert_eq!(
            found(text, "2022-11-01"),
            one("its second winter", "2023-10-01", "2024-03-31")
        );
    }

    #[test]
    fn messages_name_the_phrase_the_period_and_the_publication_date() {
        let findings = stale_phrases("A nearly two-year-long war.", day("2025-11-18"));
        let message = findings.first().map(|f| f.message.as_str()).unwrap_or("");
        assert_eq!(
            message,
            "“nearly two-year-long war” puts the text in 24 Nov 2023 – 23 Feb 2024 (counted from \
             the full-scale invasion of 24 Feb 2022), but the text is dated 18 Nov 2025, 3 years \
             and 8 months after it."
        );
    }

    #[test]
    fn bad_input_gives_no_finding_and_no_panic() {
        for text in [
            "",
            "-",
            "nearly",
            "its",
            "999999 years of war",
            "999 decades of war",
            "last year's",
            "\u{feff}‑‑",
        ] {
            assert_eq!(found(text, "2025-01-01"), [], "{text:?}");
        }
    }
}
