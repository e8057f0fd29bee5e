//! Chronoscope: a native timeline explorer for news chronologies.

pub mod app;
pub mod bench;
pub mod builtin;
pub mod cli;
pub mod explorer;
pub mod filter;
pub mod import;
pub mod model;
pub mod synthetic;
pub mod timeline;
pub mod ui;
