//! The data model: partial dates, the native article-set format, loading with validation,
//! and the merged [`Dataset`] the rest of the app reads. Pure logic, no UI.

pub mod article_set;
pub mod atomic_write;
pub mod category;
pub mod dataset;
pub mod date;
pub mod event;
pub mod event_record;
pub mod fast_hash;
#[cfg(test)]
mod footprint;
pub(crate) mod id_index;
pub mod json_position;
pub mod json_scan;
pub mod load_error;
pub mod loader;
mod merge_keys;
pub mod merge_report;
pub mod message_text;
pub mod names;
pub mod packed;
pub mod stats;
pub(crate) mod text_set;

pub use article_set::{
    ArticleSet, EraRecord, EventRecord, FORMAT_TAG, FORMAT_VERSION, QuoteRecord, SourceRecord,
    to_json_pretty,
};
pub use category::{Category, UnknownCategory};
pub use dataset::{Dataset, Era, Event, LoadedFile, MadeUpIds, Named, Quote, Source};
pub use date::{DateError, PartialDate, Precision, date_from_days, days_from_date};
pub use load_error::{JsonPath, LoadError, Problem, TextPosition};
pub use loader::{load_article_set, load_article_set_with_warnings, validate_article_set};
pub use merge_report::{MergeCounts, MergeReport};
pub use names::{NameId, Names};
pub use packed::{IndexList, StrList};
pub use stats::{Stats, stats_of};
