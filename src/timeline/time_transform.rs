//! The per-frame map between time and screen x, rebuilt from the `TimeView`, the axis map and
//! the canvas; computed in f64 because far-off times go far off-screen when zoomed in.

use crate::explore::axis_map::AxisMap;
use crate::explore::time_view::TimeView;

#[derive(Clone, Copy, Debug)]
pub struct TimeTransform<'a> {
    map: &'a AxisMap,
    axis_start: f64,
    points_per_axis: f64,
    x_left: f64,
    width: f64,
}

impl<'a> TimeTransform<'a> {
    pub fn new(map: &'a AxisMap, view: &TimeView, x_left: f32, width: f32) -> Self {
        let axis_start = map.axis_from_time(view.start_days);
        let axis_span = (map.axis_from_time(view.end_days()) - axis_start).max(1e-9);
        let width = f64::from(width.max(1.0));
        Self {
            map,
            axis_start,
            points_per_axis: width / axis_span,
            x_left: f64::from(x_left),
            width,
        }
    }

    pub fn map(&self) -> &AxisMap {
        self.map
    }

    /// Screen x of a time, unclamped (may be far off-screen).
    pub fn x_from_time(&self, time_days: f64) -> f64 {
        self.x_left + (self.map.axis_from_time(time_days) - self.axis_start) * self.points_per_axis
    }

    pub fn time_from_x(&self, x: f64) -> f64 {
        self.map
            .time_from_axis(self.axis_start + (x - self.x_left) / self.points_per_axis)
    }

    /// Where `x` lies across the canvas: 0 at the left edge, 1 at the right edge.
    pub fn fraction_from_x(&self, x: f64) -> f64 {
        (x - self.x_left) / self.width
    }

    pub fn x_left(&self) -> f64 {
        self.x_left
    }

    pub fn x_right(&self) -> f64 {
        self.x_left + self.width
    }

    /// Screen points per day at `time_days`: smaller inside compressed stretches.
    pub fn points_per_day_at(&self, time_days: f64) -> f64 {
        self.points_per_axis * self.map.scale_at(time_days)
    }

    /// Screen points per day outside compressed stretches.
    pub fn points_per_day(&self) -> f64 {
        self.points_per_axis
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn time_to_screen_round_trip_is_within_half_a_point() {
        let maps = [
            AxisMap::identity(),
            AxisMap::from_ranges(&[
                (16000.0, 16500.0, 1.0),
                (16500.0, 18000.0, 0.12),
                (18000.0, 20000.0, 1.0),
            ]),
        ];
        let views = [
            TimeView::from_range(15700.0, 20500.0),
            TimeView::from_range(19000.0, 19001.0),
            TimeView::from_range(16400.0, 16800.0),
        ];
        for map in &maps {
            for view in &views {
                let transform = TimeTransform::new(map, view, 37.0, 1280.0);
                for step in 0..=1280 {
                    let x = 37.0 + step as f64;
                    let back = transform.x_from_time(transform.time_from_x(x));
                    assert!((back - x).abs() < 0.5, "{x} came back as {back}");
                }
            }
        }
    }

    #[test]
    fn the_view_edges_land_on_the_canvas_edges() {
        let map = AxisMap::identity();
        let view = TimeView::from_range(100.0, 200.0);
        let transform = TimeTransform::new(&map, &view, 10.0, 500.0);
        assert!((transform.x_from_time(100.0) - 10.0).abs() < 1e-9);
        assert!((transform.x_from_time(200.0) - 510.0).abs() < 1e-9);
        assert!((transform.time_from_x(260.0) - 150.0).abs() < 1e-9);
    }
}
