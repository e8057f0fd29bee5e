//! The visible time range and the pure operations on it: zoom around a point, pan, clamp,
//! animate. The screen transform is rebuilt from it every frame (see `time_transform`).

use serde::{Deserialize, Serialize};

use super::axis_map::AxisMap;

/// One day, the smallest span the view zooms to.
pub const MIN_SPAN_DAYS: f64 = 1.0;

/// The visible time range, in days since 1970-01-01 (fractional days allowed).
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct TimeView {
    pub start_days: f64,
    pub span_days: f64,
}

/// The range the view may show: it never pans or zooms out past these.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ViewLimits {
    pub min_days: f64,
    pub max_days: f64,
}

impl ViewLimits {
    pub fn span_days(&self) -> f64 {
        self.max_days - self.min_days
    }
}

impl TimeView {
    pub fn from_range(start_days: f64, end_days: f64) -> Self {
        Self {
            start_days,
            span_days: end_days - start_days,
        }
    }

    pub fn end_days(&self) -> f64 {
        self.start_days + self.span_days
    }

    pub fn center_days(&self) -> f64 {
        self.start_days + self.span_days / 2.0
    }

    pub fn is_finite(&self) -> bool {
        self.start_days.is_finite() && self.span_days.is_finite() && self.span_days > 0.0
    }

    /// Zooms by `factor` (> 1 zooms in) keeping the time at `anchor_fraction` of the width
    /// (0 = left edge, 1 = right edge) where it is on screen.
    pub fn zoomed_at(&self, map: &AxisMap, anchor_fraction: f64, factor: f64) -> Self {
        if !(factor.is_finite() && factor > 0.0) {
            return *self;
        }
        let axis_start = map.axis_from_time(self.start_days);
        let axis_span = map.axis_from_time(self.end_days()) - axis_start;
        let anchor_axis = axis_start + anchor_fraction * axis_span;
        let new_axis_span = axis_span / factor;
        let new_axis_start = anchor_axis - anchor_fraction * new_axis_span;
        let start_days = map.time_from_axis(new_axis_start);
        let end_days = map.time_from_axis(new_axis_start + new_axis_span);
        Self::from_range(start_days, end_days)
    }

    /// Moves the view by `fraction` of its width (positive shows later times).
    pub fn panned_by_fraction(&self, map: &AxisMap, fraction: f64) -> Self {
        let axis_start = map.axis_from_time(self.start_days);
        let axis_span = map.axis_from_time(self.end_days()) - axis_start;
        let shift = fraction * axis_span;
        Self::from_range(
            map.time_from_axis(axis_start + shift),
            map.time_from_axis(axis_start + axis_span + shift),
        )
    }

    /// Keeps the span between one day and the limits, and the range inside the limits.
    pub fn clamped(&self, map: &AxisMap, limits: ViewLimits) -> Self {
        let limits_span = limits.span_days().max(MIN_SPAN_DAYS);
        if !self.is_finite() {
            return Self::from_range(limits.min_days, limits.min_days + limits_span);
        }
        let mut view = *self;
        if view.span_days < MIN_SPAN_DAYS {
            let center = view.center_days();
            view = Self::from_range(center - MIN_SPAN_DAYS / 2.0, center + MIN_SPAN_DAYS / 2.0);
        }
        if view.span_days >= limits_span {
            return Self::from_range(limits.min_days, limits.min_days + limits_span);
        }
        // Shift in axis units so the on-screen width stays the same under compression.
        if view.start_days < limits.min_days {
            let shift = map.axis_from_time(limits.min_days) - map.axis_from_time(view.start_days);
            view = view.shifted_by_axis(map, shift);
        } else if view.end_days() > limits.max_days {
            let shift = map.axis_from_time(limits.max_days) - map.axis_from_time(view.end_days());
            view = view.shifted_by_axis(map, shift);
        }
        // Rounding in the map can leave a sliver outside the limits.
        let start_days = view.start_days.max(limits.min_days);
        let end_days = view.end_days().min(limits.max_days);
        Self::from_range(start_days, end_days.max(start_days + MIN_SPAN_DAYS))
    }

    fn shifted_by_axis(&self, map: &AxisMap, shift: f64) -> Self {
        Self::from_range(
            map.time_from_axis(map.axis_from_time(self.start_days) + shift),
            map.time_from_axis(map.axis_from_time(self.end_days()) + shift),
        )
    }

    /// The view `progress` (0..=1, eased) of the way from `self` to `target`: the centre moves
    /// linearly in axis units while the span changes geometrically, which feels even on screen.
    pub fn interpolated(&self, target: &TimeView, map: &AxisMap, progress: f64) -> Self {
        let t = ease_in_out(progress.clamp(0.0, 1.0));
        let axis = |view: &TimeView| {
            let start = map.axis_from_time(view.start_days);
            let end = map.axis_from_time(view.end_days());
            ((start + end) / 2.0, (end - start).max(1e-9))
        };
        let (from_center, from_span) = axis(self);
        let (to_center, to_span) = axis(target);
        let center = from_center + (to_center - from_center) * t;
        let span = from_span * (to_span / from_span).powf(t);
        Self::from_range(
            map.time_from_axis(center - span / 2.0),
            map.time_from_axis(center + span / 2.0),
        )
    }

    /// A view of `start_days..end_days` with `margin_fraction` of room on each side.
    pub fn fitting(start_days: f64, end_days: f64, margin_fraction: f64) -> Self {
        let span = (end_days - start_days).max(MIN_SPAN_DAYS);
        let margin = span * margin_fraction;
        Self::from_range(start_days - margin, start_days + span + margin)
    }
}

fn ease_in_out(t: f64) -> f64 {
    t * t * (3.0 - 2.0 * t)
}

#[cfg(test)]
mod tests {
    use super::*;

    const LIMITS: ViewLimits = ViewLimits {
        min_days: 0.0,
        max_days: 5000.0,
    };

    #[test]
    fn zoom_keeps_the_time_under_the_anchor_fixed() {
        let map = AxisMap::identity();
        let view = TimeView::from_range(1000.0, 2000.0);
        let zoomed = view.zoomed_at(&map, 0.25, 4.0);
        assert!((zoomed.span_days - 250.0).abs() < 1e-9);
        let anchor_before = view.start_days + 0.25 * view.span_days;
        let anchor_after = zoomed.start_days + 0.25 * zoomed.span_days;
        assert!((anchor_before - anchor_after).abs() < 1e-9);
    }

    #[test]
    fn zoom_keeps_the_time_under_the_anchor_fixed_on_a_compressed_axis() {
        let map = AxisMap::from_ranges(&[
            (0.0, 1000.0, 1.0),
            (1000.0, 3000.0, 0.1),
            (3000.0, 4000.0, 1.0),
        ]);
        let view = TimeView::from_range(500.0, 3500.0);
        let anchor_fraction = 0.8;
        let anchor_axis = |v: &TimeView| {
            let a = map.axis_from_time(v.start_days);
            let b = map.axis_from_time(v.end_days());
            map.time_from_axis(a + anchor_fraction * (b - a))
        };
        let zoomed = view.zoomed_at(&map, anchor_fraction, 3.0);
        assert!((anchor_axis(&view) - anchor_axis(&zoomed)).abs() < 1e-6);
    }

    #[test]
    fn zooming_in_then_out_returns_to_the_same_view() {
        let map = AxisMap::identity();
        let view = TimeView::from_range(1000.0, 2000.0);
        let back = view.zoomed_at(&map, 0.3, 2.0).zoomed_at(&map, 0.3, 0.5);
        assert!((back.start_days - 1000.0).abs() < 1e-9);
        assert!((back.span_days - 1000.0).abs() < 1e-9);
    }

    #[test]
    fn clamp_stops_zoom_at_one_day() {
        let map = AxisMap::identity();
        let view = TimeView::from_range(100.0, 100.01).clamped(&map, LIMITS);
        assert!((view.span_days - MIN_SPAN_DAYS).abs() < 1e-9);
        assert!((view.center_days() - 100.005).abs() < 1e-9);
    }

    #[test]
    fn clamp_stops_zoom_out_at_the_limits() {
        let map = AxisMap::identity();
        let view = TimeView::from_range(-9000.0, 9000.0).clamped(&map, LIMITS);
        assert_eq!(view, TimeView::from_range(0.0, 5000.0));
    }

    #[test]
    fn clamp_pushes_a_view_back_inside_the_limits_keeping_its_span() {
        let map = AxisMap::identity();
        let view = TimeView::from_range(4900.0, 5100.0).clamped(&map, LIMITS);
        assert!((view.start_days - 4800.0).abs() < 1e-9);
        assert!((view.span_days - 200.0).abs() < 1e-9);
    }

    #[test]
    fn pan_moves_by_a_fraction_of_the_width() {
        let map = AxisMap::identity();
        let view = TimeView::from_range(1000.0, 2000.0).panned_by_fraction(&map, -0.1);
        assert!((view.start_days - 900.0).abs() < 1e-9);
        assert!((view.span_days - 1000.0).abs() < 1e-9);
    }

    #[test]
    fn animation_starts_and_ends_at_its_views() {
        let map = AxisMap::identity();
        let from = TimeView::from_range(0.0, 4000.0);
        let to = TimeView::from_range(2000.0, 2030.0);
        let start = from.interpolated(&to, &map, 0.0);
        let end = from.interpolated(&to, &map, 1.0);
        assert!((start.start_days - 0.0).abs() < 1e-6 && (start.span_days - 4000.0).abs() < 1e-6);
        assert!((end.start_days - 2000.0).abs() < 1e-6 && (end.span_days - 30.0).abs() < 1e-6);
        let middle = from.interpolated(&to, &map, 0.5);
        assert!(middle.span_days < 4000.0 && middle.span_days > 30.0);
    }

    #[test]
    fn a_broken_view_is_replaced_by_the_limits() {
        let map = AxisMap::identity();
        let view = TimeView {
            start_days: f64::NAN,
            span_days: 10.0,
        };
        assert_eq!(
            view.clamped(&map, LIMITS),
            TimeView::from_range(0.0, 5000.0)
        );
    }
}
