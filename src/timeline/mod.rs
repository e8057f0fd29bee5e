//! The timeline: pure layout (time view, axis, ticks, lanes, clustering, labels) and the egui
//! widget that paints it and turns input into commands.

pub mod axis_map;
pub mod clustering;
pub mod era_bands;
pub mod label_placement;
pub mod lanes;
pub mod layout;
pub mod palette;
pub mod scene;
pub mod text_measure;
pub mod ticks;
pub mod time_transform;
pub mod time_view;
