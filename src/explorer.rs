//! The loaded dataset with everything derived from it for exploring (filter result, lanes,
//! compressed axis, overview histogram): rebuilt when data or filter change, never per frame.

use std::sync::Arc;

use chrono::Datelike as _;

use crate::checks::event_findings::EventFindings;
use crate::checks::independence::independent_support_counts;
use crate::explore::axis_map::{AxisMap, CompressionSettings};
use crate::explore::lanes::{LaneIndex, LaneMode};
pub use crate::explore::presets::{Preset, PresetRange, presets_for};
use crate::explore::time_view::{TimeView, ViewLimits};
use crate::filter::{Filter, FilterResult, apply_filter};
use crate::model::dataset::Dataset;
use crate::model::date::{date_from_days, days_from_date};

/// The first and last instants the view may show when nothing is loaded (2013–2026).
pub const DEFAULT_LIMITS_YEARS: (i32, i32) = (2013, 2027);

/// Events per month over the whole dataset, for the overview strip and axis compression.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct MonthHistogram {
    /// `month_starts_days[i]` starts month i; one more entry closes the last month.
    pub month_starts_days: Vec<f64>,
    pub counts: Vec<usize>,
}

impl MonthHistogram {
    pub fn of_events(dataset: &Dataset, visible: &[bool]) -> Self {
        let mut first = f64::INFINITY;
        let mut last = f64::NEG_INFINITY;
        for (event, shown) in dataset.events.iter().zip(visible) {
            if *shown {
                first = first.min(event.start_days());
                last = last.max(event.start_days());
            }
        }
        let (Some(first), Some(last)) = (date_from_days(first), date_from_days(last)) else {
            return Self::default();
        };
        let first_month = first.year() * 12 + first.month0() as i32;
        let last_month = last.year() * 12 + last.month0() as i32;
        let months = (last_month - first_month + 1).clamp(1, 120_000) as usize;
        let month_start = |index: usize| {
            let month = first_month + index as i32;
            chrono::NaiveDate::from_ymd_opt(
                month.div_euclid(12),
                month.rem_euclid(12) as u32 + 1,
                1,
            )
            .map_or(f64::NAN, days_from_date)
        };
        let month_starts_days: Vec<f64> = (0..=months).map(month_start).collect();
        let mut counts = vec![0; months];
        for (event, shown) in dataset.events.iter().zip(visible) {
            if !*shown {
                continue;
            }
            let start = event.start_days();
            let index = month_starts_days
                .partition_point(|m| *m <= start)
                .saturating_sub(1);
            if let Some(count) = counts.get_mut(index) {
                *count += 1;
            }
        }
        Self {
            month_starts_days,
            counts,
        }
    }
}

/// The dataset and what is derived from it.
pub struct Explorer {
    /// Shared, never changed in place: a change to the data makes a new dataset (see
    /// `loading::change`), so a background job can read it while the window draws it.
    pub dataset: Arc<Dataset>,
    pub filter: Filter,
    pub filter_result: FilterResult,
    pub lane_mode: LaneMode,
    pub compress_quiet_years: bool,
    pub lanes: LaneIndex,
    pub axis_map: AxisMap,
    pub histogram: MonthHistogram,
    pub limits: ViewLimits,
    /// Every actor, most frequent first (for the actor filter).
    pub actors: Vec<String>,
    /// The quick ranges for the loaded data, "All" last.
    pub presets: Vec<Preset>,
    /// For each event: how many independent sources support it (for the filter), worked out
    /// once per dataset.
    pub independent_sources: Vec<u8>,
    /// The findings of each event, for the timeline's marks, its tooltips and exports. Empty
    /// until the findings of this dataset are attached (see [`Explorer::attach_findings`]).
    pub event_findings: Arc<EventFindings>,
    /// For each source: how many of the loaded events and quotes come from it.
    pub source_counts: Vec<(usize, usize)>,
    /// For each loaded file: how many events and quotes it has.
    pub file_counts: Vec<(usize, usize)>,
    /// For each loaded file: the indices of its sources, in order (the Sources panel lists a
    /// page of them per frame without going through every source).
    pub sources_of_file: Vec<Vec<usize>>,
}

impl Explorer {
    pub fn new(
        dataset: impl Into<Arc<Dataset>>,
        filter: Filter,
        lane_mode: LaneMode,
        compress_quiet_years: bool,
    ) -> Self {
        let mut explorer = Self {
            dataset: dataset.into(),
            filter,
            filter_result: FilterResult::default(),
            lane_mode,
            compress_quiet_years,
            lanes: LaneIndex::default(),
            axis_map: AxisMap::identity(),
            histogram: MonthHistogram::default(),
            limits: default_limits(),
            source_counts: Vec::new(),
            file_counts: Vec::new(),
            sources_of_file: Vec::new(),
            actors: Vec::new(),
            presets: Vec::new(),
            independent_sources: Vec::new(),
            event_findings: Arc::default(),
        };
        explorer.derive_from_dataset();
        explorer.rebuild();
        explorer
    }

    /// Applies a new filter, lane mode or axis mode; does nothing (and returns false) when
    /// nothing changed.
    pub fn update(
        &mut self,
        filter: &Filter,
        lane_mode: LaneMode,
        compress_quiet_years: bool,
    ) -> bool {
        if *filter == self.filter
            && lane_mode == self.lane_mode
            && compress_quiet_years == self.compress_quiet_years
        {
            return false;
        }
        self.filter = filter.clone();
        self.lane_mode = lane_mode;
        self.compress_quiet_years = compress_quiet_years;
        self.rebuild();
        true
    }

    pub fn replace_dataset(&mut self, dataset: impl Into<Arc<Dataset>>) {
        self.dataset = dataset.into();
        self.derive_from_dataset();
        self.rebuild();
    }

    /// What depends on the data alone, not on the filter.
    fn derive_from_dataset(&mut self) {
        self.actors = self.dataset.actors();
        self.presets = presets_for(&self.dataset);
        self.limits = limits_for(&self.dataset);
        self.independent_sources = independent_support_counts(&self.dataset);
        self.event_findings = Arc::default();
    }

    /// Uses the findings of this explorer's dataset (computed with it, in the background) for
    /// marking events; a pointer comparison when they are already attached.
    pub fn attach_findings(&mut self, findings: &Arc<EventFindings>) {
        // Findings of other data (or of none) would mark the wrong events.
        let fits = findings.event_count() == self.dataset.events.len();
        if fits && !Arc::ptr_eq(&self.event_findings, findings) {
            self.event_findings = Arc::clone(findings);
        }
    }

    fn rebuild(&mut self) {
        self.filter_result = apply_filter(&self.dataset, &self.filter, &self.independent_sources);
        self.lanes = LaneIndex::build(&self.dataset, self.lane_mode, &self.filter_result);
        self.histogram =
            MonthHistogram::of_events(&self.dataset, &self.filter_result.visible_events);
        self.axis_map = if self.compress_quiet_years {
            AxisMap::compressing_quiet_months(
                &self.histogram.month_starts_days,
                &self.histogram.counts,
                CompressionSettings::default(),
            )
        } else {
            AxisMap::identity()
        };
        self.source_counts = vec![(0, 0); self.dataset.sources.len()];
        self.file_counts = vec![(0, 0); self.dataset.files.len()];
        self.sources_of_file = vec![Vec::new(); self.dataset.files.len()];
        for (index, source) in self.dataset.sources.iter().enumerate() {
            for &file in &source.files {
                if let Some(sources) = self.sources_of_file.get_mut(file) {
                    sources.push(index);
                }
            }
        }
        for event in &self.dataset.events {
            for source in event.sources() {
                if let Some(counts) = self.source_counts.get_mut(source) {
                    counts.0 += 1;
                }
            }
            for file in event.files() {
                if let Some(counts) = self.file_counts.get_mut(file) {
                    counts.0 += 1;
                }
            }
        }
        for quote in &self.dataset.quotes {
            if let Some(counts) = self.source_counts.get_mut(quote.source) {
                counts.1 += 1;
            }
            for &file in &quote.files {
                if let Some(counts) = self.file_counts.get_mut(file) {
                    counts.1 += 1;
                }
            }
        }
    }

    /// The view that shows every event (or the default period when there are none).
    pub fn fit_all_view(&self) -> TimeView {
        match self.dataset.time_range_days() {
            Some((start, end)) => {
                TimeView::fitting(start, end, 0.02).clamped(&self.axis_map, self.limits)
            }
            None => TimeView::from_range(self.limits.min_days, self.limits.max_days),
        }
    }

    pub fn clamp(&self, view: TimeView) -> TimeView {
        view.clamped(&self.axis_map, self.limits)
    }

    /// The next (or previous, for `step < 0`) visible event after `from` in time order.
    pub fn step_event(&self, from: Option<usize>, step: i32) -> Option<usize> {
        let visible = &self.filter_result.visible_events;
        let count = self.dataset.events.len();
        match (from, step >= 0) {
            (Some(from), true) => (from + 1..count).find(|e| visible[*e]),
            (Some(from), false) => (0..from.min(count)).rev().find(|e| visible[*e]),
            (None, true) => (0..count).find(|e| visible[*e]),
            (None, false) => (0..count).rev().find(|e| visible[*e]),
        }
    }
}

/// The dataset's time range with a margin of a twentieth of it (at least a year) on each side;
/// 2013–2026 when nothing is loaded.
pub fn limits_for(dataset: &Dataset) -> ViewLimits {
    match dataset.time_range_days() {
        Some((start, end)) => {
            let margin = ((end - start) * 0.05).max(MIN_LIMITS_MARGIN_DAYS);
            ViewLimits {
                min_days: start - margin,
                max_days: end + margin,
            }
        }
        None => default_limits(),
    }
}

/// The view may go at least this far (a year) beyond the first and last events.
const MIN_LIMITS_MARGIN_DAYS: f64 = 366.0;

fn default_limits() -> ViewLimits {
    let day = |year: i32| chrono::NaiveDate::from_ymd_opt(year, 1, 1).map_or(0.0, days_from_date);
    ViewLimits {
        min_days: day(DEFAULT_LIMITS_YEARS.0),
        max_days: day(DEFAULT_LIMITS_YEARS.1),
    }
}

/// The range a click at `time_days` on the overview strip (which shows `strip`) brings into
/// view: the view's span centred there, or, when the view already covers half the strip or
/// more (centring would not move it), a tenth of the strip around the click.
pub fn overview_click_range(view: TimeView, strip: (f64, f64), time_days: f64) -> (f64, f64) {
    let strip_span = strip.1 - strip.0;
    let span = if view.span_days >= strip_span * 0.5 {
        strip_span * 0.1
    } else {
        view.span_days
    };
    (time_days - span / 2.0, time_days + span / 2.0)
}

impl Preset {
    /// The view the preset shows for `explorer`'s data.
    pub fn view(&self, explorer: &Explorer) -> TimeView {
        match self.range {
            PresetRange::Days {
                start_days,
                end_days,
            } => explorer.clamp(TimeView::from_range(start_days, end_days)),
            PresetRange::All => explorer.fit_all_view(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::category::Category;
    use crate::model::loader::load_article_set;

    fn dataset(events: &[(&str, &str)]) -> Dataset {
        let events: Vec<serde_json::Value> = events
            .iter()
            .enumerate()
            .map(|(i, (date, category))| {
                serde_json::json!({
                    "id": format!("e{i}"), "date": date, "title": format!("Event {i}"),
                    "summary": "", "category": category, "reference": "https://example.org"
                })
            })
            .collect();
        let json = serde_json::json!({
            "format": "chronoscope-article-set", "version": 1, "title": "test", "sources": [], "events": events
        });
        let set = load_article_set("test.json", json.to_string().as_bytes());
        Dataset::from_article_set("test.json", set.unwrap_or_else(|e| panic!("{e}")))
    }

    fn day(iso: &str) -> f64 {
        crate::model::date::PartialDate::parse(iso).map_or(f64::NAN, |d| d.start_days())
    }

    #[test]
    fn the_histogram_counts_events_per_month() {
        let data = dataset(&[
            ("2022-01-05", "diplomacy"),
            ("2022-01-20", "military"),
            ("2022-03", "politics"),
        ]);
        let histogram = MonthHistogram::of_events(&data, &[true, true, true]);
        assert_eq!(histogram.counts, vec![2, 0, 1]);
        assert_eq!(
            histogram.month_starts_days.first().copied(),
            Some(day("2022-01-01"))
        );
        assert_eq!(
            histogram.month_starts_days.last().copied(),
            Some(day("2022-04-01"))
        );
    }

    #[test]
    fn stepping_skips_hidden_events() {
        let data = dataset(&[
            ("2022-01-05", "diplomacy"),
            ("2022-01-20", "military"),
            ("2022-03-01", "diplomacy"),
        ]);
        let filter = Filter {
            hidden_categories: [Category::Military].into_iter().collect(),
            ..Filter::default()
        };
        let explorer = Explorer::new(data, filter, LaneMode::Category, false);
        assert_eq!(explorer.step_event(Some(0), 1), Some(2));
        assert_eq!(explorer.step_event(Some(2), -1), Some(0));
        assert_eq!(explorer.step_event(Some(2), 1), None);
        assert_eq!(explorer.step_event(None, 1), Some(0));
    }

    #[test]
    fn a_preset_shows_exactly_its_range() {
        let data = dataset(&[("2014-03-18", "politics"), ("2025-11-18", "diplomacy")]);
        let explorer = Explorer::new(data, Filter::default(), LaneMode::Category, false);
        let preset = Preset {
            label: "2022".to_owned(),
            description: String::new(),
            range: PresetRange::Days {
                start_days: day("2022-01-01"),
                end_days: day("2023-01-01"),
            },
        };
        let view = preset.view(&explorer);
        assert_eq!(view.start_days, day("2022-01-01"));
        assert_eq!(view.end_days(), day("2023-01-01"));
    }

    #[test]
    fn limits_follow_the_data_with_a_margin_of_a_twentieth() {
        let data = dataset(&[("1914-06-28", "military"), ("2014-06-28", "military")]);
        let limits = limits_for(&data);
        // A day-precise event lasts until the next day starts.
        let span = day("2014-06-29") - day("1914-06-28");
        assert_eq!(limits.min_days, day("1914-06-28") - span * 0.05);
        assert_eq!(limits.max_days, day("2014-06-29") + span * 0.05);
    }

    #[test]
    fn a_click_on_the_overview_centres_the_view_there_keeping_its_span() {
        let view = TimeView::from_range(100.0, 200.0);
        assert_eq!(
            overview_click_range(view, (0.0, 1000.0), 700.0),
            (650.0, 750.0)
        );
    }

    #[test]
    fn a_click_on_the_overview_while_everything_shows_zooms_to_a_tenth_of_it() {
        let view = TimeView::from_range(0.0, 1000.0);
        assert_eq!(
            overview_click_range(view, (0.0, 1000.0), 300.0),
            (250.0, 350.0)
        );
    }

    #[test]
    fn limits_of_a_short_period_reach_a_year_beyond_it() {
        let data = dataset(&[("1985-02-14", "politics"), ("1985-03-01", "politics")]);
        let limits = limits_for(&data);
        assert_eq!(limits.min_days, day("1985-02-14") - 366.0);
        assert_eq!(limits.max_days, day("1985-03-02") + 366.0);
    }

    #[test]
    fn compression_squeezes_the_quiet_years_between_busy_ones() {
        let mut events = vec![("2014-03-01", "politics"); 30];
        events.extend(vec![("2022-03-01", "diplomacy"); 30]);
        let explorer = Explorer::new(
            dataset(&events),
            Filter::default(),
            LaneMode::Category,
            true,
        );
        let compressed: Vec<_> = explorer.axis_map.compressed_segments().collect();
        assert_eq!(compressed.len(), 1);
        assert_eq!(compressed[0].start_days, day("2014-04-01"));
        assert_eq!(compressed[0].end_days, day("2022-03-01"));
    }
}
