//! Chronoscope: a native timeline explorer for news chronologies.
//!
//! The layers go one way; each module uses only those on its own line or above it
//! (`tests/layers_tests.rs` checks every `crate::` path):
//!
//! ```text
//! parallel                               helpers for work on every core
//! model                                  dates, records, the merged Dataset with provenance
//! import, article_import, synthetic      format: every reader and writer, detection
//! loading, builtin                       read with progress, import, merge into a snapshot,
//!                                        save; every change to what is loaded is a DataChange
//! checks                                 source criticism: stale phrases, dates, quotes, sources
//! filter, explorer, explore              what is visible, view, axis, lanes, histogram
//! timeline                               the pure layout → Scene
//! export                                 SVG, PNG, slides
//! ui, app, bench, bench_operations       egui widgets emit commands; the app applies them
//! cli                                    argument parsing and printing only
//! ```

pub mod app;
pub mod article_import;
pub mod bench;
pub mod bench_operations;
pub mod builtin;
pub mod checks;
pub mod cli;
pub mod explore;
pub mod explorer;
pub mod export;
pub mod filter;
pub mod import;
pub mod loading;
pub mod model;
pub mod parallel;
pub mod synthetic;
pub mod timeline;
pub mod ui;
