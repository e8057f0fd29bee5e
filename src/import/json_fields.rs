//! Reads the fields of TimelineJS JSON objects leniently (texts may be numbers, dates may be
//! numbers or texts, null is absent), reporting any other type at its JSON path.

use serde_json::{Map, Value};

use crate::model::load_error::JsonPath;
use crate::model::message_text::{excerpt, kind_of};

use super::report::ImportReport;
use super::timeline_slides::{DatePart, date_part_of_number, parse_date_part};

/// A text field: a string, or a number written as text; empty when absent or null.
/// `None` (with a problem reported) for any other type.
pub fn text_field(
    object: &Map<String, Value>,
    key: &str,
    path: &JsonPath,
    report: &mut ImportReport,
) -> Option<String> {
    match object.get(key) {
        None | Some(Value::Null) => Some(String::new()),
        Some(Value::String(text)) => Some(text.clone()),
        Some(Value::Number(number)) => Some(number.to_string()),
        Some(other) => {
            let message = format!("expected a text, found {}", kind_of(other));
            report.problem_at(&path.key(key), message);
            None
        }
    }
}

/// An object field; `Ok(None)` when absent or null, `Err` (problem reported) for another type.
pub fn object_field<'a>(
    object: &'a Map<String, Value>,
    key: &str,
    path: &JsonPath,
    expected: &str,
    report: &mut ImportReport,
) -> Result<Option<&'a Map<String, Value>>, ()> {
    match object.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::Object(inner)) => Ok(Some(inner)),
        Some(other) => {
            let message = format!("expected {expected}, found {}", kind_of(other));
            report.problem_at(&path.key(key), message);
            Err(())
        }
    }
}

/// An array field; empty when absent or null, `Err` (problem reported) for another type.
pub fn array_field<'a>(
    object: &'a Map<String, Value>,
    key: &str,
    path: &JsonPath,
    expected: &str,
    report: &mut ImportReport,
) -> Result<&'a [Value], ()> {
    match object.get(key) {
        None | Some(Value::Null) => Ok(&[]),
        Some(Value::Array(elements)) => Ok(elements),
        Some(other) => {
            let message = format!("expected {expected}, found {}", kind_of(other));
            report.problem_at(&path.key(key), message);
            Err(())
        }
    }
}

/// A date part (`year`, `month`, …) given as a number or a text holding a whole number.
/// `None` (with a problem reported) for anything else.
pub fn date_part_field(
    object: &Map<String, Value>,
    key: &str,
    path: &JsonPath,
    report: &mut ImportReport,
) -> Option<DatePart> {
    let Some(value) = object.get(key) else {
        return Some(DatePart::Missing);
    };
    let part = match value {
        Value::Null => Ok(DatePart::Missing),
        Value::String(text) => parse_date_part(text),
        Value::Number(number) => date_part_of_number(number),
        _ => Err(()),
    };
    match part {
        Ok(part) => Some(part),
        Err(()) => {
            let found = match value {
                Value::String(_) | Value::Number(_) => excerpt(value),
                other => kind_of(other).to_owned(),
            };
            let message = format!(
                "expected the {key} as a whole number (or a text holding one), found {found}"
            );
            report.problem_at(&path.key(key), message);
            None
        }
    }
}
