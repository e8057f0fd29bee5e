//! The fast path of the TimelineJS3 JSON reader: typed, borrowing serde structs instead of a
//! `serde_json::Value` tree (a tenth of the allocations on large files). It gives up (`None`)
//! at anything unusual — a wrong type, a missing start date, a TimelineJS2 file — and the
//! `Value` reader then reads the file again and says exactly where the problem is.

use std::borrow::Cow;
use std::fmt;

use serde::Deserialize;
use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};

use crate::model::load_error::JsonPath;
use crate::parallel::{ItemSender, read_while_building};

use super::report::ImportReport;
use super::timeline_slides::{
    BuildStep, DatePart, Origin, Slide, SlideMedia, TimelineBuilder, date_part_of_number,
    parse_date_part,
};
use super::timelinejs_json::{
    DateValue, SlideDates, date_value_and_lone_day, note_era_days, prepare_noting_days,
    skipped_name, slide_dates,
};

/// The top level of the file, once read: the event slides have gone to the builder.
#[derive(Default)]
struct File<'a> {
    title: Option<TitleSlide<'a>>,
    has_events: bool,
    eras: Option<Vec<EventSlide<'a>>>,
    /// A TimelineJS2 file: left to the `Value` reader.
    has_timeline: bool,
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

impl<'a> Loose<'a> {
    /// The text, borrowed from the file where it was written without escapes.
    fn text(&self) -> Cow<'a, str> {
        match self {
            Loose::Null => Cow::Borrowed(""),
            Loose::Text(text) => text.clone(),
            Loose::Number(number) => Cow::Owned(number.to_string()),
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
/// reader (then `builder` and `report` are to be thrown away). Slides are turned into events
/// on a second thread while the rest of the file is being parsed.
pub fn read_fast(
    text: &str,
    builder: &mut TimelineBuilder,
    report: &mut ImportReport,
) -> Option<()> {
    let (file, ()) = read_while_building(
        |slides| {
            let mut deserializer = serde_json::Deserializer::from_str(text);
            let file = FileSeed { slides }.deserialize(&mut deserializer).ok()?;
            deserializer.end().ok()?;
            Some(file)
        },
        |slides| {
            for step in slides {
                builder.apply(step, report);
            }
        },
    );
    let file = file?;
    if file.has_timeline || (!file.has_events && file.title.is_none()) {
        return None;
    }
    if let Some(text) = file.title.as_ref().and_then(|title| title.text.as_ref()) {
        builder.set_title_slide(&text.headline.text(), &text.text.text());
    }
    for (index, era) in file.eras.iter().flatten().enumerate() {
        add_era(index, era, builder, report)?;
    }
    Some(())
}

/// Event slide `index`, prepared for the builder; `None` if it needs the careful reader.
fn slide_step<'a>(index: usize, slide: &EventSlide<'a>) -> Option<BuildStep<'a>> {
    let (start, start_day) = slide_date(slide.start_date.as_ref()?)?;
    let (end, end_day) = match &slide.end_date {
        Some(date) => slide_date(date)?,
        None => (DateValue::NoYear, None),
    };
    let (headline, body) = match &slide.text {
        Some(text) => (text.headline.text(), text.text.text()),
        None => (Cow::Borrowed(""), Cow::Borrowed("")),
    };
    let origin = Origin::TopLevelItem {
        key: "events",
        index,
    };
    let (start, end) = match slide_dates(start, end, &headline) {
        SlideDates::Known(start, end) => (start, end),
        // The careful reader says where the year is missing.
        SlideDates::NoStartYear => return None,
        SlideDates::Skipped(warning) => return Some(BuildStep::Warning(origin, warning)),
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
    let slide = Slide {
        origin,
        start,
        end,
        display_date: display_date.text(),
        headline,
        text: body,
        media,
        group: slide.group.text(),
        unique_id: slide.unique_id.text(),
    };
    Some(BuildStep::Event(prepare_noting_days(
        slide, start_day, end_day,
    )))
}

/// Adds era `index`; `None` if it needs the careful reader.
fn add_era(
    index: usize,
    era: &EventSlide<'_>,
    builder: &mut TimelineBuilder,
    report: &mut ImportReport,
) -> Option<()> {
    let headline = era
        .text
        .as_ref()
        .map(|text| text.headline.text())
        .unwrap_or_default();
    let (start, start_day) = slide_date(era.start_date.as_ref()?)?;
    let (end, end_day) = match &era.end_date {
        Some(date) => slide_date(date)?,
        None => (DateValue::NoYear, None),
    };
    let path = JsonPath::root().key("eras").index(index);
    match (start, end) {
        (DateValue::NoYear, _) => return None,
        (DateValue::Date(start), DateValue::Date(end)) => {
            note_era_days(&path, &headline, start_day, end_day, report);
            builder.add_era(&Origin::Json(path), &headline, start, end, report);
        }
        (DateValue::Date(start), DateValue::NoYear) => {
            note_era_days(&path, &headline, start_day, end_day, report);
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
    Some(())
}

/// Reads the top-level object, preparing each event slide and sending it to the builder as
/// soon as it is read.
struct FileSeed<'s, 'a> {
    slides: &'s mut ItemSender<BuildStep<'a>>,
}

impl<'de: 'a, 'a> DeserializeSeed<'de> for FileSeed<'_, 'a> {
    type Value = File<'a>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_map(self)
    }
}

impl<'de: 'a, 'a> Visitor<'de> for FileSeed<'_, 'a> {
    type Value = File<'a>;

    fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str("a TimelineJS object")
    }

    fn visit_map<M: MapAccess<'de>>(self, mut map: M) -> Result<Self::Value, M::Error> {
        let mut file = File::default();
        let mut seen: Vec<Cow<'de, str>> = Vec::new();
        while let Some(key) = map.next_key::<Cow<'de, str>>()? {
            let known = ["title", "events", "eras", "timeline"].contains(&key.as_ref());
            if known {
                // As serde's derived readers do: a repeated key is left to the careful reader.
                if seen.contains(&key) {
                    return Err(de::Error::custom("repeated key"));
                }
                seen.push(key.clone());
            }
            match key.as_ref() {
                "title" => file.title = map.next_value::<TitleField<'a>>()?.0,
                "events" => {
                    file.has_events = map.next_value_seed(EventsSeed {
                        slides: &mut *self.slides,
                    })?;
                }
                "eras" => file.eras = map.next_value()?,
                "timeline" => {
                    file.has_timeline = map.next_value::<Option<IgnoredAny>>()?.is_some();
                }
                _ => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(file)
    }
}

/// Reads `events` (an array or null; `true` for an array), sending each slide on.
struct EventsSeed<'s, 'a> {
    slides: &'s mut ItemSender<BuildStep<'a>>,
}

impl<'de: 'a, 'a> DeserializeSeed<'de> for EventsSeed<'_, 'a> {
    type Value = bool;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_option(self)
    }
}

impl<'de: 'a, 'a> Visitor<'de> for EventsSeed<'_, 'a> {
    type Value = bool;

    fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str("an array of event slides")
    }

    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(false)
    }

    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(false)
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_seq(self)
    }

    fn visit_seq<S: SeqAccess<'de>>(self, mut slides: S) -> Result<Self::Value, S::Error> {
        let mut index = 0;
        while let Some(slide) = slides.next_element::<EventSlide<'a>>()? {
            let Some(step) = slide_step(index, &slide) else {
                return Err(de::Error::custom("a slide needs the careful reader"));
            };
            if self.slides.send(step).is_err() {
                return Err(de::Error::custom("the builder stopped"));
            }
            index += 1;
        }
        Ok(true)
    }
}

/// The date of a date object, and its day if it gave one without a month; `None` when a part
/// is no whole number (the careful reader reports it).
fn slide_date(date: &SlideDate<'_>) -> Option<(DateValue, Option<String>)> {
    let year = date.year.date_part()?;
    let month = date.month.date_part()?;
    let day = date.day.date_part()?;
    Some(date_value_and_lone_day(&year, &month, &day))
}

/// `title`: a title slide, or (as Sheets-to-JSON converters write it) an array holding one.
/// An array of more slides is left to the careful reader, which says what becomes of them.
struct TitleField<'a>(Option<TitleSlide<'a>>);

impl<'de: 'a, 'a> Deserialize<'de> for TitleField<'a> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(TitleVisitor(std::marker::PhantomData))
    }
}

struct TitleVisitor<'a>(std::marker::PhantomData<&'a ()>);

impl<'de: 'a, 'a> Visitor<'de> for TitleVisitor<'a> {
    type Value = TitleField<'a>;

    fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str("a title slide, or an array holding one")
    }

    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(TitleField(None))
    }

    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(TitleField(None))
    }

    fn visit_map<M: MapAccess<'de>>(self, map: M) -> Result<Self::Value, M::Error> {
        TitleSlide::deserialize(de::value::MapAccessDeserializer::new(map))
            .map(|title| TitleField(Some(title)))
    }

    fn visit_seq<S: SeqAccess<'de>>(self, mut slides: S) -> Result<Self::Value, S::Error> {
        let first = slides.next_element::<Option<TitleSlide<'a>>>()?.flatten();
        if slides.next_element::<IgnoredAny>()?.is_some() {
            return Err(de::Error::custom("more than one title slide"));
        }
        Ok(TitleField(first))
    }
}
