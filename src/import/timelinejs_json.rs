//! Reads TimelineJS3 JSON: the `title` slide names the set, `events` become events (media as
//! sources, `group` as tag and category), `eras` become eras. Slides whose dates no
//! [`PartialDate`] can hold (cosmological years, month 13) are skipped with a warning.
//!
//! ```text
//! { "title": {"text": {"headline": "…", "text": "<p>…</p>"}},
//!   "events": [{"start_date": {"year": "1963", "month": "8", "day": "9"},
//!               "end_date": {…}, "display_date": "…", "text": {"headline": "…", "text": "…"},
//!               "media": {"url": "…", "caption": "…", "credit": "…"},
//!               "group": "…", "unique_id": "…"}],
//!   "eras": [{"start_date": {…}, "end_date": {…}, "text": {"headline": "…"}}] }
//! ```

use serde_json::{Map, Value};

use crate::model::article_set::ArticleSet;
use crate::model::date::PartialDate;
use crate::model::load_error::{JsonPath, LoadError};
use crate::model::message_text::{kind_of, quoted};

use super::json_fields::{array_field, date_part_field, object_field, text_field};
use super::json_syntax::json_syntax_problem;
use super::report::ImportReport;
use super::timeline_slides::{
    DatePart, Origin, PreparedSlide, Slide, SlideMedia, TimelineBuilder, day_without_month,
    day_without_month_warning, slide_date,
};
use super::timelinejs_fast::read_fast;
use super::timelinejs2_json::read_timelinejs2;

/// Names the kind of file in source notes.
pub const TIMELINEJS_FILE: &str = "TimelineJS file";

/// Reads a TimelineJS JSON text; returns the set and its warnings.
pub fn import_timelinejs_json(
    file_label: &str,
    text: &str,
) -> Result<(ArticleSet, Vec<String>), LoadError> {
    let mut report = ImportReport::new(file_label);
    let mut builder = TimelineBuilder::new(&default_title(file_label), TIMELINEJS_FILE);
    if read_fast(text, &mut builder, &mut report).is_some() {
        report.locate_in_json(text);
        return Ok((builder.finish(), report.warning_lines()));
    }
    read_carefully(file_label, text)
}

/// Reads through a `serde_json::Value`, checking every type, so that each problem is
/// reported at its path (the fast reader only says that there is one).
fn read_carefully(file_label: &str, text: &str) -> Result<(ArticleSet, Vec<String>), LoadError> {
    let value: Value = serde_json::from_str(text)
        .map_err(|error| LoadError::single(file_label, json_syntax_problem(text, &error)))?;
    let mut report = ImportReport::new(file_label);
    let mut builder = TimelineBuilder::new(&default_title(file_label), TIMELINEJS_FILE);
    let root = JsonPath::root();
    match &value {
        Value::Object(top) => match top.get("timeline") {
            Some(Value::Object(timeline)) if !top.contains_key("events") => {
                read_timelinejs2(timeline, &root.key("timeline"), &mut builder, &mut report);
            }
            _ => read_timelinejs3(top, &mut builder, &mut report),
        },
        other => {
            let message = format!(
                "expected a TimelineJS object with \"title\" and \"events\", found {}",
                kind_of(other)
            );
            report.problem_at(&root, message);
        }
    }
    report.locate_in_json(text);
    if report.has_problems() {
        return Err(report.into_error());
    }
    Ok((builder.finish(), report.warning_lines()))
}

/// The set's title until a title slide names it: the file name without folders.
pub fn default_title(file_label: &str) -> String {
    let name = file_label.rsplit(['/', '\\']).next().unwrap_or(file_label);
    if name.trim().is_empty() {
        "TimelineJS timeline".to_owned()
    } else {
        name.to_owned()
    }
}

fn read_timelinejs3(
    top: &Map<String, Value>,
    builder: &mut TimelineBuilder,
    report: &mut ImportReport,
) {
    let root = JsonPath::root();
    let title_path = root.key("title");
    match top.get("title") {
        None | Some(Value::Null) => {}
        Some(Value::Object(title)) => read_title(title, &title_path, builder, report),
        // Sheets-to-JSON converters write the title slide as an array holding it.
        Some(Value::Array(slides)) => read_title_array(slides, &title_path, builder, report),
        Some(other) => {
            let message = format!(
                "expected a title slide (an object, or an array holding one), found {}",
                kind_of(other)
            );
            report.problem_at(&title_path, message);
        }
    }
    if !top.contains_key("events") && !top.contains_key("title") {
        report.problem_at(
            &root,
            "missing key \"events\"; expected an array of event slides",
        );
    }
    let events_path = root.key("events");
    if let Ok(events) = array_field(top, "events", &root, "an array of event slides", report) {
        for (index, element) in events.iter().enumerate() {
            read_event(element, &events_path.index(index), builder, report);
        }
    }
    let eras_path = root.key("eras");
    if let Ok(eras) = array_field(top, "eras", &root, "an array of era slides", report) {
        for (index, element) in eras.iter().enumerate() {
            read_era(element, &eras_path.index(index), builder, report);
        }
    }
}

/// Sets the set's title and description from the title slide at `path`.
fn read_title(
    title: &Map<String, Value>,
    path: &JsonPath,
    builder: &mut TimelineBuilder,
    report: &mut ImportReport,
) {
    if let Ok(Some(text)) = object_field(title, "text", path, "an object", report) {
        let text_path = path.key("text");
        let headline = text_field(text, "headline", &text_path, report);
        let body = text_field(text, "text", &text_path, report);
        if let (Some(headline), Some(body)) = (headline, body) {
            builder.set_title_slide(&headline, &body);
        }
    }
}

/// A `title` given as an array: its first slide is the title slide; any later slide with a
/// start date is read as an event slide, and any other is left out; a warning says so.
fn read_title_array(
    slides: &[Value],
    path: &JsonPath,
    builder: &mut TimelineBuilder,
    report: &mut ImportReport,
) {
    match slides.first() {
        None | Some(Value::Null) => {}
        Some(Value::Object(title)) => read_title(title, &path.index(0), builder, report),
        Some(other) => {
            let message = format!(
                "expected a title slide (an object), found {}",
                kind_of(other)
            );
            report.problem_at(&path.index(0), message);
        }
    }
    let later = slides.get(1..).unwrap_or_default();
    if later.is_empty() {
        return;
    }
    report.warn_at(path, || title_array_warning(slides.len()));
    for (offset, element) in later.iter().enumerate() {
        let slide_path = path.index(offset + 1);
        match element {
            Value::Object(slide) if slide.get("start_date").is_some_and(|date| !date.is_null()) => {
                read_event(element, &slide_path, builder, report);
            }
            other => {
                let headline = match other {
                    Value::Object(slide) => slide
                        .get("text")
                        .and_then(|text| text.get("headline"))
                        .and_then(Value::as_str)
                        .unwrap_or_default(),
                    _ => "",
                };
                report.warn_at(&slide_path, || {
                    format!(
                        "left out {}: only the first title slide names the set, and this one \
                         has no start date to make it an event",
                        skipped_name(headline)
                    )
                });
            }
        }
    }
}

/// The warning for a `title` array holding more than one slide.
pub fn title_array_warning(slides: usize) -> String {
    format!(
        "holds {slides} title slides: the first names the set; the others are read as event \
         slides where they have a start date"
    )
}

fn read_event(
    element: &Value,
    path: &JsonPath,
    builder: &mut TimelineBuilder,
    report: &mut ImportReport,
) {
    let Value::Object(slide) = element else {
        let message = format!(
            "expected an event slide (an object), found {}",
            kind_of(element)
        );
        report.problem_at(path, message);
        return;
    };
    let (headline, text) = slide_text(slide, path, report);
    let media = read_media(slide, ["media", "url", "a media object"], path, report);
    let group = text_field(slide, "group", path, report);
    let unique_id = text_field(slide, "unique_id", path, report);
    let mut display_date = text_field(slide, "display_date", path, report);
    let start_object = match object_field(slide, "start_date", path, "a date (an object)", report) {
        Ok(Some(object)) => Some(object),
        Ok(None) => {
            let message = "missing key \"start_date\"; every event slide needs a start date \
                           (an object with at least a year)";
            report.problem_at(path, message);
            None
        }
        Err(()) => None,
    };
    let start = start_object.and_then(|object| read_date(object, &path.key("start_date"), report));
    let end = match object_field(slide, "end_date", path, "a date (an object)", report) {
        Ok(Some(object)) => read_date(object, &path.key("end_date"), report),
        Ok(None) => Some((DateValue::NoYear, None)),
        Err(()) => None,
    };
    if display_date.as_deref() == Some("")
        && let Some(object) = start_object
    {
        display_date = text_field(object, "display_date", &path.key("start_date"), report);
    }
    let (Some((start, start_day)), Some((end, end_day)), Some(headline), Some(text), Ok(media)) =
        (start, end, headline, text, media)
    else {
        return;
    };
    let (Some(group), Some(unique_id), Some(display_date)) = (group, unique_id, display_date)
    else {
        return;
    };
    let origin = Origin::Json(path.clone());
    let (start, end) = match slide_dates(start, end, &headline) {
        SlideDates::Known(start, end) => (start, end),
        SlideDates::NoStartYear => {
            let message = "missing key \"year\"; a start date needs at least a year";
            report.problem_at(&path.key("start_date"), message);
            return;
        }
        SlideDates::Skipped(warning) => {
            origin.warn(report, || warning);
            return;
        }
    };
    let slide = Slide {
        origin,
        start,
        end,
        display_date: display_date.into(),
        headline: headline.into(),
        text: text.into(),
        media,
        group: group.into(),
        unique_id: unique_id.into(),
    };
    builder.add_prepared(prepare_noting_days(slide, start_day, end_day), report);
}

/// The slide prepared, with a warning for each of its dates that gave a day but no month.
pub fn prepare_noting_days<'a>(
    slide: Slide<'a>,
    start_day: Option<String>,
    end_day: Option<String>,
) -> PreparedSlide<'a> {
    let has_end = slide.end.is_some();
    let mut prepared = slide.prepare();
    if let Some(day) = start_day {
        prepared.note_day_without_month("start", &day);
    }
    if let Some(day) = end_day.filter(|_| has_end) {
        prepared.note_day_without_month("end", &day);
    }
    prepared
}

fn read_era(
    element: &Value,
    path: &JsonPath,
    builder: &mut TimelineBuilder,
    report: &mut ImportReport,
) {
    let Value::Object(slide) = element else {
        let message = format!("expected an era (an object), found {}", kind_of(element));
        report.problem_at(path, message);
        return;
    };
    let (headline, _) = slide_text(slide, path, report);
    let start = match object_field(slide, "start_date", path, "a date (an object)", report) {
        Ok(Some(object)) => read_date(object, &path.key("start_date"), report),
        Ok(None) => {
            report.problem_at(
                path,
                "missing key \"start_date\"; every era needs a start date",
            );
            None
        }
        Err(()) => None,
    };
    let end = match object_field(slide, "end_date", path, "a date (an object)", report) {
        Ok(Some(object)) => read_date(object, &path.key("end_date"), report),
        Ok(None) => Some((DateValue::NoYear, None)),
        Err(()) => None,
    };
    let (Some(headline), Some((start, start_day)), Some((end, end_day))) = (headline, start, end)
    else {
        return;
    };
    let start = match start {
        DateValue::Date(date) => date,
        DateValue::NoYear => {
            let message = "missing key \"year\"; an era's start date needs at least a year";
            report.problem_at(&path.key("start_date"), message);
            return;
        }
        DateValue::Unholdable(reason) => {
            report.warn_at(path, || {
                format!("skipped era {}: {reason}", skipped_name(&headline))
            });
            return;
        }
    };
    let end = match end {
        DateValue::Date(date) => date,
        // An era without an end covers its start.
        DateValue::NoYear => start,
        DateValue::Unholdable(reason) => {
            report.warn_at(path, || {
                format!(
                    "skipped era {}: its end date: {reason}",
                    skipped_name(&headline)
                )
            });
            return;
        }
    };
    note_era_days(path, &headline, start_day, end_day, report);
    builder.add_era(&Origin::Json(path.clone()), &headline, start, end, report);
}

/// A slide's start and end, once dates no calendar can hold are dealt with.
pub enum SlideDates {
    /// The start, and the end if there is one.
    Known(PartialDate, Option<PartialDate>),
    /// The start has no year: each reader says so in its own words.
    NoStartYear,
    /// A date no [`PartialDate`] can hold: the slide is skipped, with this warning.
    Skipped(String),
}

/// Resolves a slide's dates; a date no calendar can hold skips the slide with a warning
/// naming it, as every TimelineJS reader does.
pub fn slide_dates(start: DateValue, end: DateValue, headline: &str) -> SlideDates {
    let start = match start {
        DateValue::Date(date) => date,
        DateValue::NoYear => return SlideDates::NoStartYear,
        DateValue::Unholdable(reason) => {
            return SlideDates::Skipped(format!("skipped {}: {reason}", skipped_name(headline)));
        }
    };
    match end {
        DateValue::Date(end) => SlideDates::Known(start, Some(end)),
        DateValue::NoYear => SlideDates::Known(start, None),
        DateValue::Unholdable(reason) => SlideDates::Skipped(format!(
            "skipped {}: its end date: {reason}",
            skipped_name(headline)
        )),
    }
}

/// What a TimelineJS date object holds.
pub enum DateValue {
    /// A date a [`PartialDate`] can hold.
    Date(PartialDate),
    /// No year (so no date at all).
    NoYear,
    /// A date no [`PartialDate`] can hold, and why.
    Unholdable(String),
}

/// Reads `year`, `month` and `day` of a date object, with the day if it was given without a
/// month; `None` (problems reported) when one of them has a wrong type. Hours, minutes and
/// other keys are ignored: dates are kept to the day.
fn read_date(
    object: &Map<String, Value>,
    path: &JsonPath,
    report: &mut ImportReport,
) -> Option<(DateValue, Option<String>)> {
    let year = date_part_field(object, "year", path, report);
    let month = date_part_field(object, "month", path, report);
    let day = date_part_field(object, "day", path, report);
    let (year, month, day) = (year?, month?, day?);
    Some(date_value_and_lone_day(&year, &month, &day))
}

/// [`date_value`], and the day if the date has a year and a day but no month (it is then read
/// as the year alone, which the readers warn about).
pub fn date_value_and_lone_day(
    year: &DatePart,
    month: &DatePart,
    day: &DatePart,
) -> (DateValue, Option<String>) {
    let value = date_value(year, month, day);
    let lone_day = match value {
        DateValue::Date(_) => day_without_month(month, day),
        DateValue::NoYear | DateValue::Unholdable(_) => None,
    };
    (value, lone_day)
}

/// Warns about each date of an era that gave a day but no month.
pub fn note_era_days(
    path: &JsonPath,
    headline: &str,
    start_day: Option<String>,
    end_day: Option<String>,
    report: &mut ImportReport,
) {
    for (which, day) in [("start", start_day), ("end", end_day)] {
        if let Some(day) = day {
            report.warn_at(path, || {
                let era = format!("era {}", skipped_name(headline));
                day_without_month_warning(&era, which, &day)
            });
        }
    }
}

/// The date parts as a [`DateValue`].
pub fn date_value(year: &DatePart, month: &DatePart, day: &DatePart) -> DateValue {
    if *year == DatePart::Missing {
        return DateValue::NoYear;
    }
    match slide_date(year, month, day) {
        Ok(date) => DateValue::Date(date),
        Err(reason) => DateValue::Unholdable(reason),
    }
}

/// The headline and text of a slide's `text` object (HTML); `None` for a wrong type.
fn slide_text(
    slide: &Map<String, Value>,
    path: &JsonPath,
    report: &mut ImportReport,
) -> (Option<String>, Option<String>) {
    match object_field(
        slide,
        "text",
        path,
        "an object with \"headline\" and \"text\"",
        report,
    ) {
        Ok(Some(text)) => {
            let text_path = path.key("text");
            (
                text_field(text, "headline", &text_path, report),
                text_field(text, "text", &text_path, report),
            )
        }
        Ok(None) => (Some(String::new()), Some(String::new())),
        Err(()) => (None, None),
    }
}

/// A slide's media object `key` (TimelineJS3 `media`, TimelineJS2 `asset`, which calls its URL
/// `url_key`); `Ok(None)` when absent, `Err` (problems reported) for a wrong type.
pub fn read_media(
    slide: &Map<String, Value>,
    [key, url_key, expected]: [&str; 3],
    path: &JsonPath,
    report: &mut ImportReport,
) -> Result<Option<SlideMedia<'static>>, ()> {
    let Some(media) = object_field(slide, key, path, expected, report)? else {
        return Ok(None);
    };
    let media_path = path.key(key);
    let url = text_field(media, url_key, &media_path, report);
    let caption = text_field(media, "caption", &media_path, report);
    let credit = text_field(media, "credit", &media_path, report);
    match (url, caption, credit) {
        (Some(url), Some(caption), Some(credit)) => Ok(Some(SlideMedia {
            url: url.into(),
            caption: caption.into(),
            credit: credit.into(),
        })),
        _ => Err(()),
    }
}

/// A slide's headline in quotes for a warning, or "a slide with no headline".
pub fn skipped_name(headline_html: &str) -> String {
    let headline = super::html_text::line_from_html(headline_html);
    if headline.is_empty() {
        "a slide with no headline".to_owned()
    } else {
        quoted(&headline)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fast_and_careful_readers_agree() {
        let fixture = include_str!("../../tests/fixtures/import/timeline.json");
        let set = crate::synthetic::synthetic_article_set(200, 11);
        let synthetic = crate::import::synthetic_files::timelinejs_json_from_set(&set);
        for text in [fixture, synthetic.as_str()] {
            let mut report = ImportReport::new("t.json");
            let mut builder = TimelineBuilder::new("t.json", TIMELINEJS_FILE);
            assert!(read_fast(text, &mut builder, &mut report).is_some());
            report.locate_in_json(text);
            let fast = (builder.finish(), report.warning_lines());
            assert_eq!(read_carefully("t.json", text), Ok(fast));
        }
    }

    #[test]
    fn the_fast_reader_takes_a_one_slide_title_array_and_days_without_months_as_the_careful_one_does()
     {
        let texts = [
            r#"{"title": [{"text": {"headline": "T"}}], "events": [{"start_date": {"year": 1}}]}"#,
            r#"{"events": [{"start_date": {"year": 2014, "day": 5}, "end_date": {"year": 2015,
                "day": "6"}}], "title": [], "eras": [{"start_date": {"year": 2013, "day": 1},
                "end_date": {"year": 2014}}]}"#,
        ];
        for text in texts {
            let mut report = ImportReport::new("t.json");
            let mut builder = TimelineBuilder::new("t.json", TIMELINEJS_FILE);
            assert!(
                read_fast(text, &mut builder, &mut report).is_some(),
                "{text}"
            );
            report.locate_in_json(text);
            let fast = (builder.finish(), report.warning_lines());
            assert_eq!(read_carefully("t.json", text), Ok(fast));
        }
    }

    #[test]
    fn the_fast_reader_leaves_a_title_array_of_several_slides_to_the_careful_one() {
        let text = r#"{"title": [{}, {}], "events": [{"start_date": {"year": 1}}]}"#;
        let mut report = ImportReport::new("t.json");
        let mut builder = TimelineBuilder::new("t.json", TIMELINEJS_FILE);
        assert!(read_fast(text, &mut builder, &mut report).is_none());
    }

    #[test]
    fn the_fast_reader_leaves_wrong_types_to_the_careful_one() {
        let text = r#"{"events": [{"start_date": {"year": true}}]}"#;
        let mut report = ImportReport::new("t.json");
        let mut builder = TimelineBuilder::new("t.json", TIMELINEJS_FILE);
        assert!(read_fast(text, &mut builder, &mut report).is_none());
    }
}
