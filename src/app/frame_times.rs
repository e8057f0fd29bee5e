//! Frame times the window measures: a rolling window of the last frames (View ▸ Frame times),
//! a once-a-second summary for `CHRONOSCOPE_FRAME_TIMES=1`, and the statistics of the window
//! bench. Pure: the window hands in durations it measured.

use std::collections::VecDeque;

/// How many frames the rolling mean and maximum cover.
pub const ROLLING_FRAMES: usize = 120;

/// The environment variable that logs frame times to stderr, once a second.
pub const FRAME_TIMES_VARIABLE: &str = "CHRONOSCOPE_FRAME_TIMES";

/// What one frame cost, in milliseconds.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct FrameSample {
    /// The app's own `ui()`: input, layout, widgets, building shapes (timed by the app).
    pub ui_ms: f64,
    /// eframe's CPU time of the frame: `ui()`, tessellation and handing the triangles to
    /// OpenGL, not the buffer swap (where a software rasteriser may still be drawing).
    /// `None` when eframe does not say (the first frame, tests).
    pub eframe_cpu_ms: Option<f64>,
}

/// Mean, median, 95th percentile and maximum of a set of durations, in milliseconds.
#[derive(Clone, Copy, Debug, PartialEq, serde::Serialize)]
pub struct DurationSummary {
    pub count: usize,
    pub mean_ms: f64,
    pub p50_ms: f64,
    pub p95_ms: f64,
    pub max_ms: f64,
}

impl DurationSummary {
    /// The summary of `durations_ms`; `None` when there are none.
    pub fn of(durations_ms: impl IntoIterator<Item = f64>) -> Option<Self> {
        let mut sorted: Vec<f64> = durations_ms.into_iter().filter(|d| d.is_finite()).collect();
        if sorted.is_empty() {
            return None;
        }
        sorted.sort_by(f64::total_cmp);
        let count = sorted.len();
        let at = |quantile: f64| sorted[((count - 1) as f64 * quantile).round() as usize];
        Some(Self {
            count,
            mean_ms: sorted.iter().sum::<f64>() / count as f64,
            p50_ms: at(0.5),
            p95_ms: at(0.95),
            max_ms: sorted[count - 1],
        })
    }
}

/// The last [`ROLLING_FRAMES`] frames.
#[derive(Clone, Debug, Default)]
pub struct FrameTimes {
    samples: VecDeque<FrameSample>,
}

impl FrameTimes {
    pub fn push(&mut self, sample: FrameSample) {
        if self.samples.len() == ROLLING_FRAMES {
            self.samples.pop_front();
        }
        self.samples.push_back(sample);
    }

    pub fn last(&self) -> Option<FrameSample> {
        self.samples.back().copied()
    }

    /// The app's `ui()` times of the frames kept.
    pub fn ui_summary(&self) -> Option<DurationSummary> {
        DurationSummary::of(self.samples.iter().map(|s| s.ui_ms))
    }

    /// eframe's CPU times of the frames kept (those it reported).
    pub fn eframe_cpu_summary(&self) -> Option<DurationSummary> {
        DurationSummary::of(self.samples.iter().filter_map(|s| s.eframe_cpu_ms))
    }
}

/// Collects frames for a second at a time and then gives one line for stderr.
#[derive(Clone, Debug, Default)]
pub struct FrameTimeLog {
    started_seconds: Option<f64>,
    samples: Vec<FrameSample>,
}

impl FrameTimeLog {
    /// Adds a frame painted at `now_seconds`; returns the line of the second that ended, if one did.
    pub fn push(&mut self, now_seconds: f64, sample: FrameSample) -> Option<String> {
        let started = *self.started_seconds.get_or_insert(now_seconds);
        self.samples.push(sample);
        let elapsed_seconds = now_seconds - started;
        if elapsed_seconds < 1.0 {
            return None;
        }
        let line = summary_line(elapsed_seconds, &self.samples);
        self.samples.clear();
        self.started_seconds = Some(now_seconds);
        Some(line)
    }
}

fn summary_line(elapsed_seconds: f64, samples: &[FrameSample]) -> String {
    let ui = DurationSummary::of(samples.iter().map(|s| s.ui_ms));
    let cpu = DurationSummary::of(samples.iter().filter_map(|s| s.eframe_cpu_ms));
    let describe = |summary: Option<DurationSummary>| {
        summary.map_or_else(
            || "-".to_owned(),
            |s| format!("mean {:.2} ms, max {:.2} ms", s.mean_ms, s.max_ms),
        )
    };
    format!(
        "frame times: {} frames in {:.1} s; app ui() {}; eframe CPU (ui + tessellation + GL submit) {}",
        samples.len(),
        elapsed_seconds,
        describe(ui),
        describe(cpu)
    )
}

/// Whether `CHRONOSCOPE_FRAME_TIMES` asks for the log (set, and not `0` or empty).
pub fn frame_time_logging_requested(value: Option<&str>) -> bool {
    value.is_some_and(|v| !v.is_empty() && v != "0")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample(ui_ms: f64) -> FrameSample {
        FrameSample {
            ui_ms,
            eframe_cpu_ms: Some(ui_ms * 2.0),
        }
    }

    #[test]
    fn a_summary_gives_mean_median_percentile_and_maximum() {
        let summary = DurationSummary::of((1..=100).map(f64::from)).expect("some durations");
        assert_eq!(summary.count, 100);
        assert!((summary.mean_ms - 50.5).abs() < 1e-9);
        assert!((summary.p50_ms - 51.0).abs() < 1e-9 || (summary.p50_ms - 50.0).abs() < 1e-9);
        assert!((summary.p95_ms - 95.0).abs() <= 1.0);
        assert_eq!(summary.max_ms, 100.0);
    }

    #[test]
    fn no_durations_give_no_summary() {
        assert_eq!(DurationSummary::of(Vec::new()), None);
        assert_eq!(DurationSummary::of([f64::NAN]), None);
    }

    #[test]
    fn the_rolling_window_keeps_only_the_last_frames() {
        let mut times = FrameTimes::default();
        for frame in 0..(ROLLING_FRAMES + 30) {
            times.push(sample(frame as f64));
        }
        let summary = times.ui_summary().expect("frames were pushed");
        assert_eq!(summary.count, ROLLING_FRAMES);
        assert_eq!(summary.max_ms, (ROLLING_FRAMES + 29) as f64);
        assert_eq!(
            times.last().map(|s| s.ui_ms),
            Some((ROLLING_FRAMES + 29) as f64)
        );
        assert_eq!(
            times.eframe_cpu_summary().map(|s| s.max_ms),
            Some((ROLLING_FRAMES + 29) as f64 * 2.0)
        );
    }

    #[test]
    fn the_log_prints_one_line_a_second() {
        let mut log = FrameTimeLog::default();
        assert_eq!(log.push(10.0, sample(2.0)), None);
        assert_eq!(log.push(10.5, sample(4.0)), None);
        let line = log.push(11.0, sample(6.0)).expect("a second has passed");
        assert!(line.contains("3 frames in 1.0 s"), "{line}");
        assert!(line.contains("mean 4.00 ms, max 6.00 ms"), "{line}");
        assert_eq!(log.push(11.2, sample(1.0)), None);
    }

    #[test]
    fn the_variable_asks_for_the_log_unless_empty_or_zero() {
        assert!(frame_time_logging_requested(Some("1")));
        assert!(!frame_time_logging_requested(Some("0")));
        assert!(!frame_time_logging_requested(Some("")));
        assert!(!frame_time_logging_requested(None));
    }
}
