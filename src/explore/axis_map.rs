//! The piecewise-linear map between time (days since 1970) and axis units, which lets quiet
//! stretches of time take less width ("compress quiet years").
//!
//! ```text
//!  time:  |--2014--|-----2016..2019 (quiet)-----|--2022--|
//!  axis:  |--2014--|-//-|--2022--|
//!                   ^ break: scale < 1
//! ```
//! Without compression the map is the identity (one segment of scale 1), so the rest of the
//! timeline code never has to know whether compression is on.

/// One linear piece: `axis = axis_start + (time - start_days) * scale`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct AxisSegment {
    pub start_days: f64,
    pub end_days: f64,
    pub axis_start: f64,
    /// Axis units per day: 1 for normal time, less for compressed stretches.
    pub scale: f64,
}

impl AxisSegment {
    pub fn axis_end(&self) -> f64 {
        self.axis_start + (self.end_days - self.start_days) * self.scale
    }

    pub fn is_compressed(&self) -> bool {
        self.scale < 1.0
    }
}

/// A monotonic piecewise-linear map. Outside the segments it continues with scale 1.
#[derive(Clone, Debug, PartialEq)]
pub struct AxisMap {
    segments: Vec<AxisSegment>,
}

impl Default for AxisMap {
    fn default() -> Self {
        Self::identity()
    }
}

/// How quiet stretches are found and squeezed.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct CompressionSettings {
    /// Only runs of at least this many quiet months are compressed.
    pub min_quiet_months: usize,
    /// A month is quiet when it has fewer events than this fraction of the mean per month.
    pub quiet_fraction_of_mean: f64,
    /// Axis units per day inside a compressed stretch.
    pub compressed_scale: f64,
}

impl Default for CompressionSettings {
    fn default() -> Self {
        Self {
            min_quiet_months: 6,
            quiet_fraction_of_mean: 0.35,
            compressed_scale: 0.12,
        }
    }
}

impl AxisMap {
    /// The map that leaves time as it is.
    pub fn identity() -> Self {
        Self {
            segments: Vec::new(),
        }
    }

    /// Builds a map from consecutive time ranges and their scales. Ranges must touch and ascend.
    pub fn from_ranges(ranges: &[(f64, f64, f64)]) -> Self {
        let mut segments = Vec::with_capacity(ranges.len());
        let mut axis = ranges.first().map_or(0.0, |r| r.0);
        for &(start_days, end_days, scale) in ranges {
            debug_assert!(end_days >= start_days && scale > 0.0);
            let segment = AxisSegment {
                start_days,
                end_days,
                axis_start: axis,
                scale,
            };
            axis = segment.axis_end();
            segments.push(segment);
        }
        Self { segments }
    }

    /// Compresses runs of quiet months found in `month_counts`, which holds event counts for the
    /// consecutive months starting at `first_month_start_days` (`month_starts_days[i]` is the
    /// start of month i, with one more entry for the end of the last month).
    pub fn compressing_quiet_months(
        month_starts_days: &[f64],
        month_counts: &[usize],
        settings: CompressionSettings,
    ) -> Self {
        let months = month_counts.len();
        if months == 0 || month_starts_days.len() != months + 1 {
            return Self::identity();
        }
        let total: usize = month_counts.iter().sum();
        let mean = total as f64 / months as f64;
        let threshold = mean * settings.quiet_fraction_of_mean;
        let sparse: Vec<bool> = month_counts
            .iter()
            .map(|count| (*count as f64) < threshold || *count == 0)
            .collect();
        // A lone month with an event or two between quiet months does not break the stretch:
        // otherwise every isolated event would cut a quiet period into pieces with break marks.
        let lone_limit = (threshold * 3.0).max(1.0);
        let quiet: Vec<bool> = (0..months)
            .map(|m| {
                sparse[m]
                    || (m > 0
                        && m + 1 < months
                        && sparse[m - 1]
                        && sparse[m + 1]
                        && month_counts[m] as f64 <= lone_limit)
            })
            .collect();

        let mut ranges = Vec::new();
        let mut run_start: Option<usize> = None;
        let mut normal_from = 0;
        for month in 0..=months {
            let quiet = month < months && quiet[month];
            match (quiet, run_start) {
                (true, None) => run_start = Some(month),
                (false, Some(start)) => {
                    if month - start >= settings.min_quiet_months {
                        if start > normal_from {
                            ranges.push((
                                month_starts_days[normal_from],
                                month_starts_days[start],
                                1.0,
                            ));
                        }
                        ranges.push((
                            month_starts_days[start],
                            month_starts_days[month],
                            settings.compressed_scale,
                        ));
                        normal_from = month;
                    }
                    run_start = None;
                }
                _ => {}
            }
        }
        if ranges.is_empty() {
            return Self::identity();
        }
        if normal_from < months {
            ranges.push((
                month_starts_days[normal_from],
                month_starts_days[months],
                1.0,
            ));
        }
        Self::from_ranges(&ranges)
    }

    pub fn segments(&self) -> &[AxisSegment] {
        &self.segments
    }

    /// The compressed stretches, where a break mark is drawn.
    pub fn compressed_segments(&self) -> impl Iterator<Item = &AxisSegment> {
        self.segments.iter().filter(|s| s.is_compressed())
    }

    pub fn axis_from_time(&self, time_days: f64) -> f64 {
        let (Some(first), Some(last)) = (self.segments.first(), self.segments.last()) else {
            return time_days;
        };
        if time_days <= first.start_days {
            return first.axis_start + (time_days - first.start_days);
        }
        if time_days >= last.end_days {
            return last.axis_end() + (time_days - last.end_days);
        }
        let index = self
            .segments
            .partition_point(|s| s.end_days <= time_days)
            .min(self.segments.len() - 1);
        let segment = &self.segments[index];
        segment.axis_start + (time_days - segment.start_days) * segment.scale
    }

    pub fn time_from_axis(&self, axis: f64) -> f64 {
        let (Some(first), Some(last)) = (self.segments.first(), self.segments.last()) else {
            return axis;
        };
        if axis <= first.axis_start {
            return first.start_days + (axis - first.axis_start);
        }
        if axis >= last.axis_end() {
            return last.end_days + (axis - last.axis_end());
        }
        let index = self
            .segments
            .partition_point(|s| s.axis_end() <= axis)
            .min(self.segments.len() - 1);
        let segment = &self.segments[index];
        segment.start_days + (axis - segment.axis_start) / segment.scale
    }

    /// Axis units per day at `time_days` (1 outside compressed stretches).
    pub fn scale_at(&self, time_days: f64) -> f64 {
        self.segments
            .iter()
            .find(|s| s.start_days <= time_days && time_days < s.end_days)
            .map_or(1.0, |s| s.scale)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identity_map_leaves_time_unchanged() {
        let map = AxisMap::identity();
        assert_eq!(map.axis_from_time(1234.5), 1234.5);
        assert_eq!(map.time_from_axis(-20.0), -20.0);
    }

    #[test]
    fn compressed_stretch_takes_a_fraction_of_its_width() {
        let map =
            AxisMap::from_ranges(&[(0.0, 100.0, 1.0), (100.0, 500.0, 0.1), (500.0, 600.0, 1.0)]);
        assert_eq!(map.axis_from_time(100.0), 100.0);
        assert!((map.axis_from_time(500.0) - 140.0).abs() < 1e-9);
        assert!((map.axis_from_time(600.0) - 240.0).abs() < 1e-9);
        assert!((map.axis_from_time(700.0) - 340.0).abs() < 1e-9);
        assert!((map.axis_from_time(-10.0) + 10.0).abs() < 1e-9);
    }

    #[test]
    fn time_from_axis_inverts_axis_from_time() {
        let map =
            AxisMap::from_ranges(&[(0.0, 100.0, 1.0), (100.0, 500.0, 0.1), (500.0, 600.0, 1.0)]);
        for time in [-50.0, 0.0, 42.0, 100.0, 250.0, 499.9, 500.0, 580.0, 900.0] {
            let back = map.time_from_axis(map.axis_from_time(time));
            assert!((back - time).abs() < 1e-6, "{time} came back as {back}");
        }
    }

    #[test]
    fn only_long_quiet_runs_are_compressed() {
        // 20 months: busy, 8 quiet, busy, 3 quiet (too short), busy...
        let counts = [5, 4, 0, 0, 0, 0, 0, 0, 0, 0, 6, 0, 0, 0, 7, 5, 5, 5, 5, 5];
        let starts: Vec<f64> = (0..=counts.len()).map(|m| m as f64 * 30.0).collect();
        let map =
            AxisMap::compressing_quiet_months(&starts, &counts, CompressionSettings::default());
        let compressed: Vec<_> = map.compressed_segments().collect();
        assert_eq!(compressed.len(), 1);
        assert_eq!(compressed[0].start_days, 60.0);
        assert_eq!(compressed[0].end_days, 300.0);
    }

    #[test]
    fn a_lone_event_does_not_split_a_quiet_stretch() {
        let counts = [6, 6, 0, 0, 0, 1, 0, 0, 0, 0, 6, 6];
        let starts: Vec<f64> = (0..=counts.len()).map(|m| m as f64 * 30.0).collect();
        let map =
            AxisMap::compressing_quiet_months(&starts, &counts, CompressionSettings::default());
        let compressed: Vec<_> = map.compressed_segments().collect();
        assert_eq!(compressed.len(), 1);
        assert_eq!(
            (compressed[0].start_days, compressed[0].end_days),
            (60.0, 300.0)
        );
    }

    #[test]
    fn a_busy_dataset_is_not_compressed() {
        let counts = [3; 24];
        let starts: Vec<f64> = (0..=24).map(|m| m as f64 * 30.0).collect();
        let map =
            AxisMap::compressing_quiet_months(&starts, &counts, CompressionSettings::default());
        assert_eq!(map, AxisMap::identity());
    }
}
