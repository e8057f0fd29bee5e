//! The timeline: pure layout (time view, axis, ticks, lanes, clustering, labels) and the egui
//! widget that paints it and turns input into commands.

pub mod clustering;
pub mod color_metrics;
pub mod era_bands;
pub mod label_coverage;
pub mod label_placement;
pub mod label_rank;
pub mod lag_ticks;
pub mod lane_heights;
pub mod lane_labels;
pub mod layout;
pub mod palette;
pub mod scene;
pub mod text_measure;
pub mod ticks;
pub mod time_transform;
