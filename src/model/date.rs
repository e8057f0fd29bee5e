//! Partial calendar dates (`2014`, `2014-03`, `2014-03-18`) that remember their precision,
//! and the app-wide time unit: `f64` days since 1970-01-01 00:00 UTC.

use std::cmp::Ordering;
use std::fmt;

use chrono::{Datelike as _, NaiveDate};
use serde::{Deserialize, Deserializer, Serialize, Serializer, de};

use super::message_text::shorten;

/// Days from 0001-01-01 (day 1 of the common era) to 1970-01-01.
const UNIX_EPOCH_DAYS_FROM_CE: i32 = 719_163;

/// The longest piece of user text quoted back in an error message.
const MAX_QUOTED_CHARS: usize = 40;

const MONTH_NAMES: [&str; 12] = [
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
];

/// How much of a date is known. Ordered from coarse to fine.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Precision {
    /// Only the year is known: `2014`.
    Year,
    /// Year and month are known: `2014-03`.
    Month,
    /// The exact day is known: `2014-03-18`.
    Day,
}

/// A calendar date known to year, month or day precision, in years 1 to 9999.
///
/// A partial date stands for the whole period it names: `2014-03` is all of March 2014, never
/// "1 March 2014". Ordered chronologically by first day, then coarser first (`2014` < `2014-01-01`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct PartialDate {
    /// The first day of the period; later fields are 1 when not known.
    first_day: NaiveDate,
    precision: Precision,
}

/// Why a text is not a [`PartialDate`].
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum DateError {
    /// The text does not have the shape `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    #[error("expected a date as YYYY, YYYY-MM or YYYY-MM-DD, found {found:?}")]
    Malformed {
        /// The offending text, shortened if long.
        found: String,
    },
    /// Year 0000 (there is no year 0 in the calendar).
    #[error("year {year:04} is out of range (expected 0001 to 9999)")]
    YearOutOfRange {
        /// The year as written.
        year: u32,
    },
    /// A month outside 01 to 12.
    #[error("{text} has no month {month:02} (expected a month from 01 to 12)")]
    MonthOutOfRange {
        /// The whole date text.
        text: String,
        /// The month as written.
        month: u32,
    },
    /// A day the month does not have, such as `2023-02-30`.
    #[error("{text} is not a day of the calendar ({month_name} {year} has {days_in_month} days)")]
    NotACalendarDay {
        /// The whole date text.
        text: String,
        /// Full English name of the month.
        month_name: &'static str,
        /// The year as written.
        year: i32,
        /// How many days that month has.
        days_in_month: u32,
    },
}

impl Ord for PartialDate {
    fn cmp(&self, other: &Self) -> Ordering {
        self.first_day
            .cmp(&other.first_day)
            .then(self.precision.cmp(&other.precision))
    }
}

impl PartialOrd for PartialDate {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl PartialDate {
    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD` exactly (no spaces, two-digit months and days).
    pub fn parse(text: &str) -> Result<Self, DateError> {
        let malformed = || DateError::Malformed {
            found: shorten(text, MAX_QUOTED_CHARS),
        };
        let (year_digits, month_digits, day_digits) = match text.as_bytes() {
            [y0, y1, y2, y3] => ([*y0, *y1, *y2, *y3], None, None),
            [y0, y1, y2, y3, b'-', m0, m1] => ([*y0, *y1, *y2, *y3], Some([*m0, *m1]), None),
            [y0, y1, y2, y3, b'-', m0, m1, b'-', d0, d1] => {
                ([*y0, *y1, *y2, *y3], Some([*m0, *m1]), Some([*d0, *d1]))
            }
            _ => return Err(malformed()),
        };
        let year = decimal(&year_digits).ok_or_else(malformed)?;
        let month = month_digits.map(|d| decimal(&d).ok_or_else(malformed));
        let day = day_digits.map(|d| decimal(&d).ok_or_else(malformed));
        let (month, day) = (month.transpose()?, day.transpose()?);

        if year == 0 {
            return Err(DateError::YearOutOfRange { year });
        }
        // Four decimal digits: at most 9999, so this cannot fail.
        let year = i32::try_from(year).map_err(|_| malformed())?;
        let Some(month) = month else {
            return Self::year(year).ok_or_else(malformed);
        };
        if !(1..=12).contains(&month) {
            return Err(DateError::MonthOutOfRange {
                text: text.to_owned(),
                month,
            });
        }
        let Some(day) = day else {
            return Self::month(year, month).ok_or_else(malformed);
        };
        Self::day(year, month, day).ok_or_else(|| DateError::NotACalendarDay {
            text: text.to_owned(),
            month_name: month_name(month),
            year,
            days_in_month: days_in_month(year, month),
        })
    }

    /// A whole year, if `year` is within 1..=9999.
    pub fn year(year: i32) -> Option<Self> {
        Self::new(year, 1, 1, Precision::Year)
    }

    /// A whole month, if the year is within 1..=9999 and the month within 1..=12.
    pub fn month(year: i32, month: u32) -> Option<Self> {
        Self::new(year, month, 1, Precision::Month)
    }

    /// A single day, if it exists in the calendar and the year is within 1..=9999.
    pub fn day(year: i32, month: u32, day: u32) -> Option<Self> {
        Self::new(year, month, day, Precision::Day)
    }

    /// The period of `precision` that contains `date`, e.g. the month of a day.
    pub fn containing(date: NaiveDate, precision: Precision) -> Option<Self> {
        match precision {
            Precision::Year => Self::year(date.year()),
            Precision::Month => Self::month(date.year(), date.month()),
            Precision::Day => Self::day(date.year(), date.month(), date.day()),
        }
    }

    fn new(year: i32, month: u32, day: u32, precision: Precision) -> Option<Self> {
        if !(1..=9999).contains(&year) {
            return None;
        }
        let first_day = NaiveDate::from_ymd_opt(year, month, day)?;
        Some(Self {
            first_day,
            precision,
        })
    }

    /// How much of the date is known.
    pub fn precision(&self) -> Precision {
        self.precision
    }

    /// The first day of the period (1 January for a year, the 1st for a month).
    pub fn first_day(&self) -> NaiveDate {
        self.first_day
    }

    /// Days since 1970-01-01 of the first day of the period, at midnight.
    pub fn start_days(&self) -> f64 {
        days_from_date(self.first_day)
    }

    /// Exclusive end in days since 1970-01-01: midnight at the start of the next year, month or day.
    pub fn end_days(&self) -> f64 {
        let year = self.first_day.year();
        let length_days = match self.precision {
            Precision::Year if is_leap_year(year) => 366,
            Precision::Year => 365,
            Precision::Month => days_in_month(year, self.first_day.month()),
            Precision::Day => 1,
        };
        self.start_days() + f64::from(length_days)
    }

    /// The ISO 8601 text at this precision (`2014`, `2014-03`, `2014-03-18`); round-trips with [`Self::parse`].
    pub fn to_iso(&self) -> String {
        let date = self.first_day;
        match self.precision {
            Precision::Year => format!("{:04}", date.year()),
            Precision::Month => format!("{:04}-{:02}", date.year(), date.month()),
            Precision::Day => format!("{:04}-{:02}-{:02}", date.year(), date.month(), date.day()),
        }
    }

    /// Human text at this precision: `18 Mar 2014`, `Mar 2014`, `2014`.
    pub fn display(&self) -> String {
        let date = self.first_day;
        let month = month_name(date.month()).get(..3).unwrap_or("?");
        match self.precision {
            Precision::Year => format!("{}", date.year()),
            Precision::Month => format!("{month} {}", date.year()),
            Precision::Day => format!("{} {month} {}", date.day(), date.year()),
        }
    }
}

impl std::str::FromStr for PartialDate {
    type Err = DateError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        Self::parse(text)
    }
}

impl Serialize for PartialDate {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.to_iso())
    }
}

impl<'de> Deserialize<'de> for PartialDate {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_str(PartialDateVisitor)
    }
}

struct PartialDateVisitor;

impl de::Visitor<'_> for PartialDateVisitor {
    type Value = PartialDate;

    fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str("a date as YYYY, YYYY-MM or YYYY-MM-DD")
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<PartialDate, E> {
        PartialDate::parse(text).map_err(E::custom)
    }
}

/// Days since 1970-01-01 of `date` at midnight.
pub fn days_from_date(date: NaiveDate) -> f64 {
    f64::from(date.num_days_from_ce() - UNIX_EPOCH_DAYS_FROM_CE)
}

/// The calendar day that contains the instant `days` (days since 1970-01-01), if representable.
pub fn date_from_days(days: f64) -> Option<NaiveDate> {
    let whole_days = days.floor();
    if !whole_days.is_finite()
        || whole_days < f64::from(i32::MIN)
        || whole_days > f64::from(i32::MAX)
    {
        return None;
    }
    // In range and whole, so the conversion is exact.
    let days_from_ce = (whole_days as i32).checked_add(UNIX_EPOCH_DAYS_FROM_CE)?;
    NaiveDate::from_num_days_from_ce_opt(days_from_ce)
}

fn is_leap_year(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        2 if is_leap_year(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

fn month_name(month: u32) -> &'static str {
    let index = month.checked_sub(1).and_then(|i| usize::try_from(i).ok());
    index
        .and_then(|i| MONTH_NAMES.get(i))
        .copied()
        .unwrap_or("?")
}

/// The value of ASCII decimal digits, or `None` if any byte is not a digit.
fn decimal(digits: &[u8]) -> Option<u32> {
    digits.iter().try_fold(0_u32, |value, &byte| {
        byte.is_ascii_digit()
            .then(|| value * 10 + u32::from(byte - b'0'))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> PartialDate {
        PartialDate::parse(text).expect("valid date")
    }

    fn error_text(text: &str) -> String {
        PartialDate::parse(text)
            .expect_err("invalid date")
            .to_string()
    }

    #[test]
    fn the_three_precisions_parse() {
        assert_eq!(date("2014").precision(), Precision::Year);
        assert_eq!(date("2014-03").precision(), Precision::Month);
        assert_eq!(date("2014-03-18").precision(), Precision::Day);
        assert_eq!(
            date("2014-03-18"),
            PartialDate::day(2014, 3, 18).expect("day")
        );
    }

    #[test]
    fn malformed_texts_are_rejected_with_the_expected_shape() {
        for text in [
            "",
            " 2014",
            "2014 ",
            "14",
            "20145",
            "2014-3",
            "2014-3-1",
            "2014-03-1",
            "2014/03/18",
            "2014-03-18T00:00",
            "-2014",
            "+2014",
            "２０１４",
            "2014-",
            "2014-03-",
        ] {
            assert!(
                matches!(PartialDate::parse(text), Err(DateError::Malformed { .. })),
                "{text:?} should be malformed"
            );
        }
        assert_eq!(
            error_text("2014-3"),
            r#"expected a date as YYYY, YYYY-MM or YYYY-MM-DD, found "2014-3""#
        );
    }

    #[test]
    fn impossible_days_name_the_length_of_the_month() {
        assert_eq!(
            error_text("2023-02-30"),
            "2023-02-30 is not a day of the calendar (February 2023 has 28 days)"
        );
        assert_eq!(
            error_text("2024-04-31"),
            "2024-04-31 is not a day of the calendar (April 2024 has 30 days)"
        );
        assert_eq!(
            error_text("2014-03-00"),
            "2014-03-00 is not a day of the calendar (March 2014 has 31 days)"
        );
        assert!(PartialDate::parse("2024-02-29").is_ok());
        assert!(PartialDate::parse("2000-02-29").is_ok());
        assert!(PartialDate::parse("1900-02-29").is_err());
    }

    #[test]
    fn months_outside_the_year_and_year_zero_are_rejected() {
        assert_eq!(
            error_text("2014-13"),
            "2014-13 has no month 13 (expected a month from 01 to 12)"
        );
        assert!(PartialDate::parse("2014-00-01").is_err());
        assert_eq!(
            error_text("0000"),
            "year 0000 is out of range (expected 0001 to 9999)"
        );
        assert!(PartialDate::parse("0001").is_ok());
        assert!(PartialDate::parse("9999-12-31").is_ok());
    }

    #[test]
    fn constructors_reject_years_outside_one_to_9999() {
        assert!(PartialDate::year(0).is_none());
        assert!(PartialDate::year(10_000).is_none());
        assert!(PartialDate::year(-5).is_none());
        assert!(PartialDate::month(2014, 13).is_none());
        assert!(PartialDate::day(2023, 2, 29).is_none());
    }

    #[test]
    fn long_malformed_text_is_shortened_in_the_message() {
        let long_text = "x".repeat(10_000);
        assert!(error_text(&long_text).len() < 120);
    }

    #[test]
    fn epoch_day_is_day_zero() {
        assert_eq!(date("1970-01-01").start_days(), 0.0);
        assert_eq!(date("1970-01-02").start_days(), 1.0);
        assert_eq!(date("1969-12-31").start_days(), -1.0);
    }

    #[test]
    fn day_precision_date_spans_one_day() {
        let day = date("2014-03-18");
        assert_eq!(day.start_days(), 16_147.0);
        assert_eq!(day.end_days(), 16_148.0);
    }

    #[test]
    fn month_precision_date_spans_the_whole_month() {
        let march = date("2014-03");
        assert_eq!(march.start_days(), date("2014-03-01").start_days());
        assert_eq!(march.end_days(), date("2014-04-01").start_days());
        assert_eq!(
            date("2024-02").end_days() - date("2024-02").start_days(),
            29.0
        );
        assert_eq!(date("2014-12").end_days(), date("2015-01-01").start_days());
    }

    #[test]
    fn year_precision_date_spans_the_whole_year() {
        assert_eq!(date("2014").end_days(), date("2015-01-01").start_days());
        assert_eq!(date("2024").end_days() - date("2024").start_days(), 366.0);
        assert_eq!(date("9999").end_days() - date("9999").start_days(), 365.0);
    }

    #[test]
    fn iso_text_round_trips() {
        for text in ["2014", "2014-03", "2014-03-18", "0001", "9999-12-31"] {
            assert_eq!(date(text).to_iso(), text);
        }
    }

    #[test]
    fn display_shows_only_what_is_known() {
        assert_eq!(date("2014-03-18").display(), "18 Mar 2014");
        assert_eq!(date("2014-03-08").display(), "8 Mar 2014");
        assert_eq!(date("2014-03").display(), "Mar 2014");
        assert_eq!(date("2014").display(), "2014");
    }

    #[test]
    fn ordering_is_chronological_then_coarser_first() {
        let mut dates = [
            date("2014-03-18"),
            date("2014-03"),
            date("2014-01-01"),
            date("2014"),
            date("2013-12-31"),
        ];
        dates.sort();
        let texts: Vec<String> = dates.iter().map(PartialDate::to_iso).collect();
        assert_eq!(
            texts,
            ["2013-12-31", "2014", "2014-01-01", "2014-03", "2014-03-18"]
        );
    }

    #[test]
    fn serde_uses_the_iso_string() {
        let json = serde_json::to_string(&date("2014-03")).expect("serialize");
        assert_eq!(json, r#""2014-03""#);
        let back: PartialDate = serde_json::from_str(&json).expect("deserialize");
        assert_eq!(back, date("2014-03"));
    }

    #[test]
    fn deserialize_errors_carry_the_date_error_message() {
        let error = serde_json::from_str::<PartialDate>(r#""2023-02-30""#).expect_err("invalid");
        assert!(
            error
                .to_string()
                .starts_with("2023-02-30 is not a day of the calendar (February 2023 has 28 days)"),
            "{error}"
        );
        assert!(serde_json::from_str::<PartialDate>("2014").is_err());
    }

    #[test]
    fn days_and_dates_convert_both_ways() {
        let day = NaiveDate::from_ymd_opt(2022, 2, 24).expect("day");
        assert_eq!(date_from_days(days_from_date(day)), Some(day));
        assert_eq!(date_from_days(days_from_date(day) + 0.99), Some(day));
        assert_eq!(date_from_days(-0.5), NaiveDate::from_ymd_opt(1969, 12, 31));
    }

    #[test]
    fn unrepresentable_days_have_no_date() {
        assert_eq!(date_from_days(f64::NAN), None);
        assert_eq!(date_from_days(f64::INFINITY), None);
        assert_eq!(date_from_days(1e300), None);
        assert_eq!(date_from_days(-1e12), None);
    }

    #[test]
    fn containing_truncates_a_day_to_its_period() {
        let day = NaiveDate::from_ymd_opt(2014, 3, 18).expect("day");
        assert_eq!(
            PartialDate::containing(day, Precision::Month),
            Some(date("2014-03"))
        );
        assert_eq!(
            PartialDate::containing(day, Precision::Year),
            Some(date("2014"))
        );
    }
}
