//! Chronoscope: a native timeline explorer for news chronologies.

pub mod app;
pub mod article_import;
pub mod bench;
pub mod bench_operations;
pub mod builtin;
pub mod cli;
pub mod explorer;
pub mod export;
pub mod filter;
pub mod import;
pub mod load_job;
pub mod merge_command;
pub mod model;
pub mod parallel;
pub mod synthetic;
pub mod timeline;
pub mod ui;
