//! What the UI asks the app to do; applied after the frame so widgets never mutate shared state.

use crate::explorer::Preset;
use crate::timeline::time_view::TimeView;

#[derive(Clone, Debug, PartialEq)]
pub enum AppCommand {
    /// Show this view at once (dragging, wheel zoom).
    SetView(TimeView),
    /// Zoom by `factor` around a point at `anchor_fraction` of the timeline's width.
    ZoomAround {
        anchor_fraction: f64,
        factor: f64,
    },
    /// Move the view by a fraction of its width.
    PanByFraction(f64),
    /// Animate to show every event.
    FitAll,
    ShowPreset(Preset),
    /// Animate to a time range (clicking a cluster, the overview strip).
    ZoomToRange {
        start_days: f64,
        end_days: f64,
    },
    /// Move the view so its centre is at this time, keeping its span.
    CenterOn(f64),
    SelectEvent(Option<usize>),
    /// Select an event and bring it into view.
    RevealEvent(usize),
    /// Select a quote's event (or its date) and bring it into view.
    RevealQuote(usize),
    /// Select the previous (-1) or next (+1) visible event.
    StepSelection(i32),
}
