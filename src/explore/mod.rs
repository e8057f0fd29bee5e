//! What exploring needs from the data besides the filter and the explorer (`crate::filter`,
//! `crate::explorer`): the view (a time range), the time axis (compressed or not) and the
//! lanes events are sorted into. Pure, and known to the layout that draws them.

pub mod axis_map;
pub mod lanes;
pub mod presets;
pub mod time_view;
