//! Writes an article set (such as the bench's synthetic one) as an events CSV, a TimelineJS
//! sheet CSV or TimelineJS3 JSON, to measure and test the importers on large files.

use std::collections::HashMap;

use chrono::Datelike as _;
use serde_json::{Value, json};

use crate::model::article_set::{ArticleSet, EventRecord, SourceRecord};
use crate::model::date::{PartialDate, Precision};

/// The set as an events CSV (comma-delimited, every documented column but quote and speaker).
pub fn events_csv_from_set(set: &ArticleSet) -> String {
    let sources = sources_by_id(set);
    let mut writer = csv::Writer::from_writer(Vec::new());
    let no_quotes = super::events_csv::COLUMNS
        .iter()
        .take_while(|name| **name != "quote");
    let _ = writer.write_record(no_quotes);
    for event in &set.events {
        let source = first_source(event, &sources);
        let actors = event.actors().to_vec().join("|");
        let end = event.end.map(|end| end.to_iso()).unwrap_or_default();
        let _ = writer.write_record([
            event.date.to_iso().as_str(),
            &end,
            event.title(),
            event.summary(),
            event.category.as_str(),
            &actors,
            source.map_or("", |s| s.title.as_str()),
            source.map_or("", |s| s.outlet.as_str()),
            source.and_then(|s| s.url.as_deref()).unwrap_or_default(),
        ]);
    }
    writer_text(writer)
}

/// The set as the TimelineJS sheet CSV: a title row, era rows, then one row per event with
/// its reference (or source URL) as media.
pub fn timelinejs_csv_from_set(set: &ArticleSet) -> String {
    let sources = sources_by_id(set);
    let mut writer = csv::Writer::from_writer(Vec::new());
    let _ = writer.write_record([
        "Year",
        "Month",
        "Day",
        "Time",
        "End Year",
        "End Month",
        "End Day",
        "End Time",
        "Display Date",
        "Headline",
        "Text",
        "Media",
        "Media Credit",
        "Media Caption",
        "Media Thumbnail",
        "Type",
        "Group",
        "Background",
    ]);
    let empty = String::new();
    let mut title_row = vec![empty.clone(); 18];
    title_row[9] = set.title.clone();
    title_row[10] = set.description.clone();
    title_row[15] = "title".to_owned();
    let _ = writer.write_record(&title_row);
    for era in &set.eras {
        let mut row = vec![empty.clone(); 18];
        [row[0], row[1], row[2]] = date_columns(era.start);
        [row[4], row[5], row[6]] = date_columns(era.end);
        row[9] = era.title.clone();
        row[15] = "era".to_owned();
        let _ = writer.write_record(&row);
    }
    for event in &set.events {
        let source = first_source(event, &sources);
        let mut row = vec![empty.clone(); 18];
        [row[0], row[1], row[2]] = date_columns(event.date);
        if let Some(end) = event.end {
            [row[4], row[5], row[6]] = date_columns(end);
        }
        row[9] = event.title().to_owned();
        row[10] = event.summary().to_owned();
        row[11] = media_url(event, source);
        row[12] = source.map_or_else(String::new, |s| s.outlet.clone());
        row[13] = source.map_or_else(String::new, |s| s.title.clone());
        row[16] = event.category.label().to_owned();
        let _ = writer.write_record(&row);
    }
    writer_text(writer)
}

/// The set as TimelineJS3 JSON (dates as text parts, as the TimelineJS tools write them).
pub fn timelinejs_json_from_set(set: &ArticleSet) -> String {
    let sources = sources_by_id(set);
    let events: Vec<Value> = set
        .events
        .iter()
        .map(|event| {
            let source = first_source(event, &sources);
            let mut slide = json!({
                "start_date": date_object(event.date),
                "text": {"headline": event.title(), "text": event.summary()},
                "media": {
                    "url": media_url(event, source),
                    "credit": source.map_or("", |s| s.outlet.as_str()),
                    "caption": source.map_or("", |s| s.title.as_str()),
                },
                "group": event.category.label(),
                "unique_id": event.id(),
            });
            if let (Some(end), Some(object)) = (event.end, slide.as_object_mut()) {
                object.insert("end_date".to_owned(), date_object(end));
            }
            slide
        })
        .collect();
    let eras: Vec<Value> = set
        .eras
        .iter()
        .map(|era| {
            json!({
                "start_date": date_object(era.start),
                "end_date": date_object(era.end),
                "text": {"headline": era.title},
            })
        })
        .collect();
    let document = json!({
        "title": {"text": {"headline": set.title, "text": set.description}},
        "events": events,
        "eras": eras,
    });
    serde_json::to_string(&document).unwrap_or_default()
}

fn sources_by_id(set: &ArticleSet) -> HashMap<&str, &SourceRecord> {
    set.sources.iter().map(|s| (s.id.as_str(), s)).collect()
}

fn first_source<'a>(
    event: &EventRecord,
    sources: &HashMap<&str, &'a SourceRecord>,
) -> Option<&'a SourceRecord> {
    event
        .sources()
        .iter()
        .find_map(|id| sources.get(id).copied())
}

fn media_url(event: &EventRecord, source: Option<&SourceRecord>) -> String {
    event
        .reference()
        .or_else(|| source.and_then(|s| s.url.as_deref()))
        .unwrap_or_default()
        .to_owned()
}

/// Year, month and day as text, blank below the date's precision.
fn date_columns(date: PartialDate) -> [String; 3] {
    let day = date.first_day();
    let year = day.year().to_string();
    match date.precision() {
        Precision::Year => [year, String::new(), String::new()],
        Precision::Month => [year, day.month().to_string(), String::new()],
        Precision::Day => [year, day.month().to_string(), day.day().to_string()],
    }
}

fn date_object(date: PartialDate) -> Value {
    let [year, month, day] = date_columns(date);
    let mut object = serde_json::Map::new();
    object.insert("year".to_owned(), Value::String(year));
    if !month.is_empty() {
        object.insert("month".to_owned(), Value::String(month));
    }
    if !day.is_empty() {
        object.insert("day".to_owned(), Value::String(day));
    }
    Value::Object(object)
}

fn writer_text(writer: csv::Writer<Vec<u8>>) -> String {
    let bytes = writer.into_inner().unwrap_or_default();
    String::from_utf8(bytes).unwrap_or_default()
}
