//! The native "article set" JSON file format, as serde structs that mirror the JSON exactly.
//!
//! ```text
//! { "format": "chronoscope-article-set", "version": 1, "title": "…", "description": "…",
//!   "eras": [..], "sources": [..], "events": [..], "quotes": [..] }
//! ```
//! Reading these structs checks shapes and types only; [`crate::model::loader`] adds the
//! cross-checks (ids, dates in order) and the error positions users need.

use std::fmt;
use std::marker::PhantomData;

use serde::de::{DeserializeOwned, DeserializeSeed, Deserializer, SeqAccess, Visitor};
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::category::Category;
use super::date::PartialDate;
pub use super::event_record::EventRecord;
use super::event_record::event_objects;

/// The value of `"format"` in every article set.
pub const FORMAT_TAG: &str = "chronoscope-article-set";

/// The one version of the format this build reads and writes.
pub const FORMAT_VERSION: u64 = 1;

/// A whole article-set file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ArticleSet {
    /// Always [`FORMAT_TAG`].
    pub format: String,
    /// Always [`FORMAT_VERSION`] for files this build writes.
    pub version: u64,
    /// Name of the set, shown in the list of loaded files.
    pub title: String,
    /// Free text about the set.
    #[serde(default)]
    pub description: String,
    /// Named periods drawn as bands behind the events.
    #[serde(default, deserialize_with = "objects")]
    pub eras: Vec<EraRecord>,
    /// The articles events and quotes are taken from.
    #[serde(deserialize_with = "objects")]
    pub sources: Vec<SourceRecord>,
    /// What happened, and when.
    #[serde(deserialize_with = "event_objects")]
    pub events: Vec<EventRecord>,
    /// Who said what, in which article.
    #[serde(default, deserialize_with = "objects")]
    pub quotes: Vec<QuoteRecord>,
}

/// A named period, such as "Minsk process".
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EraRecord {
    /// Unique among the eras of the file.
    pub id: String,
    /// Shown on the band.
    pub title: String,
    /// First period of the era.
    pub start: PartialDate,
    /// Last period of the era (inclusive: `"end": "2015"` runs to the end of 2015).
    pub end: PartialDate,
    /// Band colour as `#rrggbb`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub color: Option<String>,
}

/// One article.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourceRecord {
    /// Unique among the sources of the file; events and quotes cite it.
    pub id: String,
    /// Publication: "Reuters", "Kyiv Independent".
    pub outlet: String,
    /// Headline of the article.
    pub title: String,
    /// Publication date.
    pub published: PartialDate,
    /// Where to read it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Byline.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author: Option<String>,
    /// Language code, such as `en` or `uk`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    /// Free notes about the article.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
}

/// Something someone said, as reported by a source.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuoteRecord {
    /// Unique among the quotes of the file.
    pub id: String,
    /// The words quoted.
    pub text: String,
    /// Who said it.
    pub speaker: String,
    /// The speaker's role at the time: "Foreign Minister of Ukraine".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    /// Id of the source that reports it.
    pub source: String,
    /// When it was said, if known; otherwise the source's publication date stands in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<PartialDate>,
    /// Id of the event it is about.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event: Option<String>,
    /// What the quote answered or was part of.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub context: Option<String>,
    /// `false` when the wording could not be checked against the source.
    #[serde(default = "yes", skip_serializing_if = "is_true")]
    pub verified: bool,
    /// Editorial note.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl ArticleSet {
    /// An empty set with the current format tag and version.
    pub fn new(title: &str) -> Self {
        Self {
            format: FORMAT_TAG.to_owned(),
            version: FORMAT_VERSION,
            title: title.to_owned(),
            description: String::new(),
            eras: Vec::new(),
            sources: Vec::new(),
            events: Vec::new(),
            quotes: Vec::new(),
        }
    }

    /// Reads a set from JSON text, checking shapes and types only (no cross-checks).
    ///
    /// Unlike plain serde, objects written as arrays (`["id", "2014", ..]`) are rejected.
    pub fn from_json_str(text: &str) -> Result<Self, serde_json::Error> {
        let mut deserializer = serde_json::Deserializer::from_str(text);
        let set = ArticleSet::deserialize(ObjectsOnly(&mut deserializer))?;
        deserializer.end()?;
        Ok(set)
    }
}

/// The set as pretty-printed JSON (two-space indent, trailing newline), ready to save.
pub fn to_json_pretty(set: &ArticleSet) -> String {
    match serde_json::to_string_pretty(set) {
        Ok(mut json) => {
            json.push('\n');
            json
        }
        // Unreachable: every key is a string and every value plain data.
        Err(error) => {
            log::error!("could not write article set {:?}: {error}", set.title);
            String::new()
        }
    }
}

/// The colour written as `#rrggbb` (either case), or `None` if `text` has another shape.
pub fn parse_hex_color(text: &str) -> Option<[u8; 3]> {
    let hex = text.strip_prefix('#')?;
    if hex.len() != 6 || !hex.bytes().all(|byte| byte.is_ascii_hexdigit()) {
        return None;
    }
    let channel = |at: usize| u8::from_str_radix(hex.get(at..at + 2)?, 16).ok();
    Some([channel(0)?, channel(2)?, channel(4)?])
}

/// The colour as `#rrggbb` in lower case.
pub fn format_hex_color([red, green, blue]: [u8; 3]) -> String {
    format!("#{red:02x}{green:02x}{blue:02x}")
}

fn yes() -> bool {
    true
}

fn is_true(value: &bool) -> bool {
    *value
}

// Field tables, used to say which key of a record is wrong once serde has said that one is.

/// Checks one field value by deserializing it as the field's type.
pub(crate) type FieldProbe = fn(&Value) -> Result<(), serde_json::Error>;

/// One key of a record: its name, whether it must be present, and its type.
pub(crate) struct FieldSpec {
    pub name: &'static str,
    pub required: bool,
    pub probe: FieldProbe,
    /// For a required key: JSON text of a stand-in value of the right type, used to go on
    /// checking the rest of a record whose value for this key is missing or wrong. Dates are
    /// chosen so that no order check can fail (`start` early, `end` late).
    pub placeholder: &'static str,
}

fn probe<T: DeserializeOwned>(value: &Value) -> Result<(), serde_json::Error> {
    T::deserialize(value).map(drop)
}

const fn required(name: &'static str, probe: FieldProbe, placeholder: &'static str) -> FieldSpec {
    FieldSpec {
        name,
        required: true,
        probe,
        placeholder,
    }
}

const fn optional(name: &'static str, probe: FieldProbe) -> FieldSpec {
    FieldSpec {
        name,
        required: false,
        probe,
        placeholder: "null",
    }
}

/// The top-level keys, in file order. Arrays are checked element by element, not probed.
pub(crate) const TOP_LEVEL_FIELDS: &[FieldSpec] = &[
    required("format", probe::<String>, r#""chronoscope-article-set""#),
    required("version", probe::<u64>, "1"),
    required("title", probe::<String>, r#""?""#),
    optional("description", probe::<String>),
    optional("eras", probe::<Vec<Value>>),
    required("sources", probe::<Vec<Value>>, "[]"),
    required("events", probe::<Vec<Value>>, "[]"),
    optional("quotes", probe::<Vec<Value>>),
];

/// The keys of [`EraRecord`].
pub(crate) const ERA_FIELDS: &[FieldSpec] = &[
    required("id", probe::<String>, r#""""#),
    required("title", probe::<String>, r#""?""#),
    required("start", probe::<PartialDate>, r#""0001""#),
    required("end", probe::<PartialDate>, r#""9999""#),
    optional("color", probe::<Option<String>>),
];

/// The keys of [`SourceRecord`].
pub(crate) const SOURCE_FIELDS: &[FieldSpec] = &[
    required("id", probe::<String>, r#""""#),
    required("outlet", probe::<String>, r#""?""#),
    required("title", probe::<String>, r#""?""#),
    required("published", probe::<PartialDate>, r#""0001""#),
    optional("url", probe::<Option<String>>),
    optional("author", probe::<Option<String>>),
    optional("language", probe::<Option<String>>),
    optional("notes", probe::<Option<String>>),
];

/// The keys of [`EventRecord`].
pub(crate) const EVENT_FIELDS: &[FieldSpec] = &[
    required("id", probe::<String>, r#""""#),
    required("date", probe::<PartialDate>, r#""0001""#),
    optional("end", probe::<Option<PartialDate>>),
    required("title", probe::<String>, r#""?""#),
    required("summary", probe::<String>, r#""""#),
    required("category", probe::<Category>, r#""politics""#),
    optional("actors", probe::<Vec<String>>),
    optional("tags", probe::<Vec<String>>),
    optional("sources", probe::<Vec<String>>),
    optional("approximate", probe::<bool>),
    optional("reference", probe::<Option<String>>),
];

/// The keys of [`QuoteRecord`].
pub(crate) const QUOTE_FIELDS: &[FieldSpec] = &[
    required("id", probe::<String>, r#""""#),
    required("text", probe::<String>, r#""?""#),
    required("speaker", probe::<String>, r#""?""#),
    optional("role", probe::<Option<String>>),
    required("source", probe::<String>, r#""""#),
    optional("date", probe::<Option<PartialDate>>),
    optional("event", probe::<Option<String>>),
    optional("context", probe::<Option<String>>),
    optional("verified", probe::<bool>),
    optional("note", probe::<Option<String>>),
];

// Serde's derived structs also accept JSON arrays (`["id", "2014", ..]`); the format does not.

/// Deserializes an array whose elements must be JSON objects.
fn objects<'de, D, T>(deserializer: D) -> Result<Vec<T>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    struct ObjectsVisitor<T>(PhantomData<T>);

    impl<'de, T: Deserialize<'de>> Visitor<'de> for ObjectsVisitor<T> {
        type Value = Vec<T>;

        fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
            formatter.write_str("an array of objects")
        }

        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<T>, A::Error> {
            let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(4096));
            while let Some(item) = seq.next_element_seed(ObjectSeed(PhantomData))? {
                items.push(item);
            }
            Ok(items)
        }
    }

    deserializer.deserialize_seq(ObjectsVisitor(PhantomData))
}

struct ObjectSeed<T>(PhantomData<T>);

impl<'de, T: Deserialize<'de>> DeserializeSeed<'de> for ObjectSeed<T> {
    type Value = T;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<T, D::Error> {
        T::deserialize(ObjectsOnly(deserializer))
    }
}

/// Wraps a deserializer so that structs are read from JSON objects only.
struct ObjectsOnly<D>(D);

impl<'de, D: Deserializer<'de>> Deserializer<'de> for ObjectsOnly<D> {
    type Error = D::Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Self::Error> {
        self.0.deserialize_any(visitor)
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Self::Error> {
        self.0.deserialize_map(visitor)
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
        option unit unit_struct newtype_struct seq tuple tuple_struct map enum identifier
        ignored_any
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    fn full_set() -> ArticleSet {
        let date = |text| PartialDate::parse(text).expect("date");
        let mut event = EventRecord::new(
            "e",
            date("2014-03-18"),
            "Event",
            "Summary",
            Category::Politics,
        )
        .with_end(date("2014-03-20"))
        .with_actors(["Actor"])
        .with_tags(["tag"])
        .with_sources(["s"])
        .with_reference("https://example.org/r");
        event.approximate = true;
        ArticleSet {
            description: "All fields".to_owned(),
            eras: vec![EraRecord {
                id: "era".to_owned(),
                title: "Era".to_owned(),
                start: date("2014"),
                end: date("2015-02"),
                color: Some("#336699".to_owned()),
            }],
            sources: vec![SourceRecord {
                id: "s".to_owned(),
                outlet: "Outlet".to_owned(),
                title: "Headline".to_owned(),
                published: date("2014-03-18"),
                url: Some("https://example.org/a".to_owned()),
                author: Some("A. Writer".to_owned()),
                language: Some("en".to_owned()),
                notes: Some("n".to_owned()),
            }],
            events: vec![event],
            quotes: vec![QuoteRecord {
                id: "q".to_owned(),
                text: "Words".to_owned(),
                speaker: "Speaker".to_owned(),
                role: Some("Role".to_owned()),
                source: "s".to_owned(),
                date: Some(date("2014-03-17")),
                event: Some("e".to_owned()),
                context: Some("Context".to_owned()),
                verified: false,
                note: Some("Note".to_owned()),
            }],
            ..ArticleSet::new("Full")
        }
    }

    fn keys_of(value: &Value) -> BTreeSet<String> {
        value.as_object().expect("object").keys().cloned().collect()
    }

    fn names_of(fields: &[FieldSpec]) -> BTreeSet<String> {
        fields.iter().map(|f| f.name.to_owned()).collect()
    }

    #[test]
    fn a_full_set_round_trips_through_pretty_json() {
        let set = full_set();
        let json = to_json_pretty(&set);
        assert_eq!(ArticleSet::from_json_str(&json).expect("reads back"), set);
    }

    #[test]
    fn field_tables_name_every_key_a_full_set_writes() {
        let value = serde_json::to_value(full_set()).expect("to value");
        assert_eq!(keys_of(&value), names_of(TOP_LEVEL_FIELDS));
        assert_eq!(keys_of(&value["eras"][0]), names_of(ERA_FIELDS));
        assert_eq!(keys_of(&value["sources"][0]), names_of(SOURCE_FIELDS));
        assert_eq!(keys_of(&value["events"][0]), names_of(EVENT_FIELDS));
        assert_eq!(keys_of(&value["quotes"][0]), names_of(QUOTE_FIELDS));
    }

    #[test]
    fn field_tables_mark_exactly_the_keys_serde_requires() {
        let value = serde_json::to_value(full_set()).expect("to value");
        let check = |record: &Value, fields: &[FieldSpec], read: &dyn Fn(&Value) -> bool| {
            let only_required: serde_json::Map<String, Value> = record
                .as_object()
                .expect("object")
                .iter()
                .filter(|(key, _)| fields.iter().any(|f| f.required && f.name == *key))
                .map(|(key, value)| (key.clone(), value.clone()))
                .collect();
            assert!(
                read(&Value::Object(only_required.clone())),
                "required keys suffice"
            );
            for field in fields.iter().filter(|f| f.required) {
                let mut missing_one = only_required.clone();
                missing_one.remove(field.name);
                assert!(
                    !read(&Value::Object(missing_one)),
                    "{} is required",
                    field.name
                );
            }
        };
        check(&value, TOP_LEVEL_FIELDS, &|v| {
            ArticleSet::deserialize(v).is_ok()
        });
        check(&value["eras"][0], ERA_FIELDS, &|v| {
            EraRecord::deserialize(v).is_ok()
        });
        check(&value["sources"][0], SOURCE_FIELDS, &|v| {
            SourceRecord::deserialize(v).is_ok()
        });
        check(&value["events"][0], EVENT_FIELDS, &|v| {
            EventRecord::deserialize(v).is_ok()
        });
        check(&value["quotes"][0], QUOTE_FIELDS, &|v| {
            QuoteRecord::deserialize(v).is_ok()
        });
    }

    #[test]
    fn the_json_schema_names_the_same_keys_and_required_keys() {
        let schema: Value =
            serde_json::from_str(include_str!("../../assets/article-set.schema.json"))
                .expect("schema is JSON");
        let definitions = [
            (&schema, TOP_LEVEL_FIELDS),
            (&schema["$defs"]["era"], ERA_FIELDS),
            (&schema["$defs"]["source"], SOURCE_FIELDS),
            (&schema["$defs"]["event"], EVENT_FIELDS),
            (&schema["$defs"]["quote"], QUOTE_FIELDS),
        ];
        for (definition, fields) in definitions {
            assert_eq!(keys_of(&definition["properties"]), names_of(fields));
            let required: BTreeSet<String> = definition["required"]
                .as_array()
                .expect("required list")
                .iter()
                .filter_map(|name| name.as_str().map(str::to_owned))
                .collect();
            let required_fields: BTreeSet<String> = fields
                .iter()
                .filter(|field| field.required)
                .map(|field| field.name.to_owned())
                .collect();
            assert_eq!(required, required_fields);
            assert_eq!(definition["additionalProperties"], Value::Bool(false));
        }
        assert_eq!(
            schema["$defs"]["category"]["enum"].as_array().map(Vec::len),
            Some(Category::ALL.len())
        );
    }

    #[test]
    fn placeholders_of_required_keys_have_the_right_type() {
        let tables = [
            TOP_LEVEL_FIELDS,
            ERA_FIELDS,
            SOURCE_FIELDS,
            EVENT_FIELDS,
            QUOTE_FIELDS,
        ];
        for field in tables.iter().flat_map(|fields| fields.iter()) {
            if field.required {
                let value: Value = serde_json::from_str(field.placeholder).expect("json");
                assert!((field.probe)(&value).is_ok(), "{}", field.name);
            }
        }
    }

    #[test]
    fn defaults_are_left_out_when_writing() {
        let mut set = full_set();
        set.events[0].approximate = false;
        set.events[0].end = None;
        set.quotes[0].verified = true;
        let value = serde_json::to_value(&set).expect("to value");
        let event = value["events"][0].as_object().expect("event");
        assert!(!event.contains_key("approximate"));
        assert!(!event.contains_key("end"));
        assert!(
            !value["quotes"][0]
                .as_object()
                .expect("quote")
                .contains_key("verified")
        );
    }

    #[test]
    fn a_quote_is_verified_unless_it_says_otherwise() {
        let quote: QuoteRecord =
            serde_json::from_str(r#"{"id":"q","text":"t","speaker":"s","source":"x"}"#)
                .expect("quote");
        assert!(quote.verified);
    }

    #[test]
    fn records_written_as_arrays_are_rejected() {
        let json = r#"{"format":"chronoscope-article-set","version":1,"title":"t",
            "sources":[],"events":[["e","2014","t","s","politics"]]}"#;
        assert!(ArticleSet::from_json_str(json).is_err());
        assert!(ArticleSet::from_json_str(r#"["chronoscope-article-set",1,"t",""]"#).is_err());
    }

    #[test]
    fn hex_colours_parse_in_either_case_and_format_in_lower_case() {
        assert_eq!(parse_hex_color("#FFa500"), Some([255, 165, 0]));
        assert_eq!(format_hex_color([255, 165, 0]), "#ffa500");
        for bad in ["ffa500", "#ffa50", "#ffa5000", "#gggggg", "", "#", "#ÿÿÿ"] {
            assert_eq!(parse_hex_color(bad), None, "{bad:?}");
        }
    }
}
