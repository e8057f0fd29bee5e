//! Reads the older TimelineJS2 JSON, still found in the wild:
//!
//! ```text
//! { "timeline": { "headline": "…", "text": "…",
//!   "date": [{"startDate": "1963,8,9", "endDate": "…", "headline": "…", "text": "…",
//!             "asset": {"media": "…", "credit": "…", "caption": "…"}, "tag": "…"}],
//!   "era": [{"startDate": "…", "endDate": "…", "headline": "…"}] } }
//! ```

use serde_json::{Map, Value};

use crate::model::load_error::JsonPath;

use crate::model::message_text::{kind_of, quoted};

use super::json_fields::{array_field, text_field};
use super::report::ImportReport;
use super::timeline_slides::{DatePart, Origin, Slide, TimelineBuilder, parse_date_part};
use super::timelinejs_json::{
    DateValue, SlideDates, date_value_and_lone_day, note_era_days, prepare_noting_days, read_media,
    skipped_name, slide_dates,
};

pub fn read_timelinejs2(
    timeline: &Map<String, Value>,
    path: &JsonPath,
    builder: &mut TimelineBuilder,
    report: &mut ImportReport,
) {
    let headline = text_field(timeline, "headline", path, report);
    let text = text_field(timeline, "text", path, report);
    if let (Some(headline), Some(text)) = (headline, text) {
        builder.set_title_slide(&headline, &text);
    }
    if let Ok(dates) = array_field(timeline, "date", path, "an array of slides", report) {
        for (index, element) in dates.iter().enumerate() {
            read_slide(element, &path.key("date").index(index), builder, report);
        }
    }
    if let Ok(eras) = array_field(timeline, "era", path, "an array of eras", report) {
        for (index, element) in eras.iter().enumerate() {
            read_era(element, &path.key("era").index(index), builder, report);
        }
    }
}

fn read_slide(
    element: &Value,
    path: &JsonPath,
    builder: &mut TimelineBuilder,
    report: &mut ImportReport,
) {
    let Value::Object(slide) = element else {
        let message = format!("expected a slide (an object), found {}", kind_of(element));
        report.problem_at(path, message);
        return;
    };
    let headline = text_field(slide, "headline", path, report);
    let text = text_field(slide, "text", path, report);
    let group = text_field(slide, "tag", path, report);
    let start = date_text(slide, "startDate", path, report);
    let end = date_text(slide, "endDate", path, report);
    let media = read_media(slide, ["asset", "media", "an asset object"], path, report);
    let (
        Some(headline),
        Some(text),
        Some(group),
        Some((start, start_day)),
        Some((end, end_day)),
        Ok(media),
    ) = (headline, text, group, start, end, media)
    else {
        return;
    };
    let origin = Origin::Json(path.clone());
    let (start, end) = match slide_dates(start, end, &headline) {
        SlideDates::Known(start, end) => (start, end),
        SlideDates::NoStartYear => {
            let message = "missing key \"startDate\"; every slide needs a start date";
            report.problem_at(path, message);
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
        display_date: "".into(),
        headline: headline.into(),
        text: text.into(),
        media,
        group: group.into(),
        unique_id: "".into(),
    };
    builder.add_prepared(prepare_noting_days(slide, start_day, end_day), report);
}

fn read_era(
    element: &Value,
    path: &JsonPath,
    builder: &mut TimelineBuilder,
    report: &mut ImportReport,
) {
    let Value::Object(era) = element else {
        let message = format!("expected an era (an object), found {}", kind_of(element));
        report.problem_at(path, message);
        return;
    };
    let headline = text_field(era, "headline", path, report);
    let start = date_text(era, "startDate", path, report);
    let end = date_text(era, "endDate", path, report);
    let (Some(headline), Some((start, start_day)), Some((end, end_day))) = (headline, start, end)
    else {
        return;
    };
    match (start, end) {
        (DateValue::Date(start), DateValue::Date(end)) => {
            note_era_days(path, &headline, start_day, end_day, report);
            builder.add_era(&Origin::Json(path.clone()), &headline, start, end, report);
        }
        (DateValue::Date(start), DateValue::NoYear) => {
            note_era_days(path, &headline, start_day, end_day, report);
            builder.add_era(&Origin::Json(path.clone()), &headline, start, start, report);
        }
        (DateValue::NoYear, _) => {
            report.problem_at(
                path,
                "missing key \"startDate\"; every era needs a start date",
            );
        }
        (DateValue::Unholdable(reason), _) | (_, DateValue::Unholdable(reason)) => {
            report.warn_at(path, || {
                format!("skipped era {}: {reason}", skipped_name(&headline))
            });
        }
    }
}

/// A TimelineJS2 date: `"1963,8,9"`, `"1963"` or a number, with its day if it gave one
/// without a month (`"1963,,9"`); `None` (problem reported) when it is none of these.
fn date_text(
    object: &Map<String, Value>,
    key: &str,
    path: &JsonPath,
    report: &mut ImportReport,
) -> Option<(DateValue, Option<String>)> {
    let text = text_field(object, key, path, report)?;
    let mut parts = text.split(',').map(parse_date_part);
    let mut next = || parts.next().unwrap_or(Ok(DatePart::Missing));
    match (next(), next(), next()) {
        (Ok(year), Ok(month), Ok(day)) => Some(date_value_and_lone_day(&year, &month, &day)),
        _ => {
            let message = format!(
                "expected a date as \"YYYY,MM,DD\" (month and day optional), found {}",
                quoted(&text)
            );
            report.problem_at(&path.key(key), message);
            None
        }
    }
}
