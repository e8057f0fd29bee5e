//! The fast path of the TimelineJS3 JSON reader: typed, borrowing serde structs instead of a
//! `serde_json::Value` tree (a tenth of the allocations on large files). It gives up (`None`)
//! at anything unusual — a wrong type, a missing start date, a TimelineJS2 file — and the
//! `Value` reader then reads the file again and says exactly where the problem is.

use std::borrow::Cow;
use std::fmt;

use serde::Deserialize;
use serde::de::{self, Deserializer, IgnoredAny, Visitor};

use crate::model::load_error::JsonPath;

use super::report::ImportReport;
use super::timeline_slides::{
    DatePart, Origin, Slide, SlideMedia, TimelineBuilder, date_part_of_number, parse_date_part,
};
use super::timelinejs_json::{DateValue, SlideDates, date_value, skipped_name, slide_dates};

#[derive(Deserialize)]
struct File<'a> {
    #[serde(borrow, default)]
    title: Option<TitleSlide<'a>>,
    #[serde(borrow, default)]
    events: Option<Vec<EventSlide<'a>>>,
    #[serde(borrow, default)]
    eras: Option<Vec<EventSlide<'a>>>,
    /// A TimelineJS2 file: left to the `Value` reader.
    #[serde(default)]
    timeline: Option<IgnoredAny>,
}

#[derive(Deserialize)]
struct TitleSlide<'a> {
    #[serde(borrow, default)]
    text: Option<SlideText<'a>>,
}

#[derive(Deserialize)]
struct EventSlide<'a> {
    #[serde(borrow, default)]
    start_date: Option<SlideDate<'a>>,
    #[serde(borrow, default)]
    end_date: Option<SlideDate<'a>>,
    #[serde(borrow, default)]
    text: Option<SlideText<'a>>,
    #[serde(borrow, default)]
    media: Option<Media<'a>>,
    #[serde(borrow, default)]
    group: Loose<'a>,
    #[serde(borrow, default)]
    unique_id: Loose<'a>,
    #[serde(borrow, default)]
    display_date: Loose<'a>,
}

#[derive(Deserialize)]
struct SlideDate<'a> {
    #[serde(borrow, default)]
    year: Loose<'a>,
    #[serde(borrow, default)]
    month: Loose<'a>,
    #[serde(borrow, default)]
    day: Loose<'a>,
    #[serde(borrow, default)]
    display_date: Loose<'a>,
}

#[derive(Deserialize)]
struct SlideText<'a> {
    #[serde(borrow, default)]
    headline: Loose<'a>,
    #[serde(borrow, default)]
    text: Loose<'a>,
}

#[derive(Deserialize)]
struct Media<'a> {
    #[serde(borrow, default)]
    url: Loose<'a>,
    #[serde(borrow, default)]
    caption: Loose<'a>,
    #[serde(borrow, default)]
    credit: Loose<'a>,
}

/// A text or a number (as TimelineJS files write either), or null.
#[derive(Default)]
enum Loose<'a> {
    #[default]
    Null,
    Text(Cow<'a, str>),
    Number(serde_json::Number),
}

impl Loose<'_> {
    fn text(&self) -> String {
        match self {
            Loose::Null => String::new(),
            Loose::Text(text) => text.as_ref().to_owned(),
            Loose::Number(number) => number.to_string(),
        }
    }

    fn is_blank(&self) -> bool {
        match self {
            Loose::Null => true,
            Loose::Text(text) => text.is_empty(),
            Loose::Number(_) => false,
        }
    }

    fn date_part(&self) -> Option<DatePart> {
        match self {
            Loose::Null => Some(DatePart::Missing),
            Loose::Text(text) => parse_date_part(text).ok(),
            Loose::Number(number) => date_part_of_number(number).ok(),
        }
    }
}

impl<'de: 'a, 'a> Deserialize<'de> for Loose<'a> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(LooseVisitor)
    }
}

struct LooseVisitor;

impl<'de> Visitor<'de> for LooseVisitor {
    type Value = Loose<'de>;

    fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str("a text or a number")
    }

    fn visit_borrowed_str<E: de::Error>(self, text: &'de str) -> Result<Self::Value, E> {
        Ok(Loose::Text(Cow::Borrowed(text)))
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<Self::Value, E> {
        Ok(Loose::Text(Cow::Owned(text.to_owned())))
    }

    fn visit_string<E: de::Error>(self, text: String) -> Result<Self::Value, E> {
        Ok(Loose::Text(Cow::Owned(text)))
    }

    fn visit_i64<E: de::Error>(self, number: i64) -> Result<Self::Value, E> {
        Ok(Loose::Number(number.into()))
    }

    fn visit_u64<E: de::Error>(self, number: u64) -> Result<Self::Value, E> {
        Ok(Loose::Number(number.into()))
    }

    fn visit_f64<E: de::Error>(self, number: f64) -> Result<Self::Value, E> {
        serde_json::Number::from_f64(number)
            .map(Loose::Number)
            .ok_or_else(|| E::custom("not a finite number"))
    }

    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(Loose::Null)
    }

    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(Loose::Null)
    }
}

/// Reads a well-formed TimelineJS3 file into `builder`; `None` if anything needs the careful
/// reader (then `builder` and `report` are to be thrown away).
pub fn read_fast(
    text: &str,
    builder: &mut TimelineBuilder,
    report: &mut ImportReport,
) -> Option<()> {
    let file: File<'_> = serde_json::from_str(text).ok()?;
    if file.timeline.is_some() || (file.events.is_none() && file.title.is_none()) {
        return None;
    }
    if let Some(text) = file.title.as_ref().and_then(|title| title.text.as_ref()) {
        builder.set_title_slide(&text.headline.text(), &text.text.text());
    }
    let events_path = JsonPath::root().key("events");
    for (index, slide) in file.events.iter().flatten().enumerate() {
        let start = slide_date(slide.start_date.as_ref()?)?;
        let end = match &slide.end_date {
            Some(date) => slide_date(date)?,
            None => DateValue::NoYear,
        };
        let (headline, body) = match &slide.text {
            Some(text) => (text.headline.text(), text.text.text()),
            None => (String::new(), String::new()),
        };
        let path = events_path.index(index);
        let (start, end) = match slide_dates(start, end, &headline, &path, report) {
            SlideDates::Known(start, end) => (start, end),
            // The careful reader says where the year is missing.
            SlideDates::NoStartYear => return None,
            SlideDates::Skipped => continue,
        };
        let mut display_date = &slide.display_date;
        if display_date.is_blank()
            && let Some(start_date) = &slide.start_date
        {
            display_date = &start_date.display_date;
        }
        let media = slide.media.as_ref().map(|media| SlideMedia {
            url: media.url.text(),
            caption: media.caption.text(),
            credit: media.credit.text(),
        });
        builder.add_event(
            Slide {
                origin: Origin::Json(path),
                start,
                end,
                display_date: display_date.text(),
                headline,
                text: body,
                media,
                group: slide.group.text(),
                unique_id: slide.unique_id.text(),
            },
            report,
        );
    }
    let eras_path = JsonPath::root().key("eras");
    for (index, era) in file.eras.iter().flatten().enumerate() {
        let headline = era
            .text
            .as_ref()
            .map(|text| text.headline.text())
            .unwrap_or_default();
        let start = slide_date(era.start_date.as_ref()?)?;
        let end = match &era.end_date {
            Some(date) => slide_date(date)?,
            None => DateValue::NoYear,
        };
        let path = eras_path.index(index);
        match (start, end) {
            (DateValue::NoYear, _) => return None,
            (DateValue::Date(start), DateValue::Date(end)) => {
                builder.add_era(&Origin::Json(path), &headline, start, end, report);
            }
            (DateValue::Date(start), DateValue::NoYear) => {
                builder.add_era(&Origin::Json(path), &headline, start, start, report);
            }
            (DateValue::Unholdable(reason), _) => {
                report.warn_at(&path, || {
                    format!("skipped era {}: {reason}", skipped_name(&headline))
                });
            }
            (_, DateValue::Unholdable(reason)) => {
                report.warn_at(&path, || {
                    format!(
                        "skipped era {}: its end date: {reason}",
                        skipped_name(&headline)
                    )
                });
            }
        }
    }
    Some(())
}

/// The date of a date object; `None` when a part is no whole number (the careful reader
/// reports it).
fn slide_date(date: &SlideDate<'_>) -> Option<DateValue> {
    let year = date.year.date_part()?;
    let month = date.month.date_part()?;
    let day = date.day.date_part()?;
    Some(date_value(&year, &month, &day))
}
