//! The loaded dataset with everything derived from it for exploring (filter result, lanes,
//! compressed axis, overview histogram): rebuilt when data or filter change, never per frame.

use std::sync::Arc;

use chrono::Datelike as _;

use crate::explore::axis_map::{AxisMap, CompressionSettings};
use crate::explore::lanes::{LaneIndex, LaneMode};
use crate::explore::time_view::{TimeView, ViewLimits};
use crate::filter::{Filter, FilterResult, apply_filter};
use crate::model::dataset::Dataset;
use crate::model::date::{date_from_days, days_from_date};

/// The first and last instants the view may show for the built-in period (2013–2026).
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
        };
        explorer.actors = explorer.dataset.actors();
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
        self.actors = self.dataset.actors();
        self.rebuild();
    }

    fn rebuild(&mut self) {
        self.filter_result = apply_filter(&self.dataset, &self.filter);
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
        self.limits = limits_for(&self.dataset);
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

/// 2013–2026, widened to the dataset when it reaches further.
pub fn limits_for(dataset: &Dataset) -> ViewLimits {
    let mut limits = default_limits();
    if let Some((start, end)) = dataset.time_range_days() {
        let margin = ((end - start) * 0.05).max(30.0);
        limits.min_days = limits.min_days.min(start - margin);
        limits.max_days = limits.max_days.max(end + margin);
    }
    limits
}

fn default_limits() -> ViewLimits {
    let day = |year: i32| chrono::NaiveDate::from_ymd_opt(year, 1, 1).map_or(0.0, days_from_date);
    ViewLimits {
        min_days: day(DEFAULT_LIMITS_YEARS.0),
        max_days: day(DEFAULT_LIMITS_YEARS.1),
    }
}

/// The quick ranges offered as buttons.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Preset {
    Year2014,
    Year2022,
    Years2023To2025,
    All,
}

impl Preset {
    pub const ALL: [Preset; 4] = [
        Preset::Year2014,
        Preset::Year2022,
        Preset::Years2023To2025,
        Preset::All,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Preset::Year2014 => "2014",
            Preset::Year2022 => "2022",
            Preset::Years2023To2025 => "2023–2025",
            Preset::All => "All",
        }
    }

    /// The view the preset shows for `explorer`'s data.
    pub fn view(self, explorer: &Explorer) -> TimeView {
        let years = |from: i32, to_exclusive: i32| {
            let day =
                |year: i32| chrono::NaiveDate::from_ymd_opt(year, 1, 1).map_or(0.0, days_from_date);
            explorer.clamp(TimeView::from_range(day(from), day(to_exclusive)))
        };
        match self {
            Preset::Year2014 => years(2014, 2015),
            Preset::Year2022 => years(2022, 2023),
            Preset::Years2023To2025 => years(2023, 2026),
            Preset::All => explorer.fit_all_view(),
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
    fn the_2022_preset_shows_exactly_that_year() {
        let data = dataset(&[("2014-03-18", "politics"), ("2025-11-18", "diplomacy")]);
        let explorer = Explorer::new(data, Filter::default(), LaneMode::Category, false);
        let view = Preset::Year2022.view(&explorer);
        assert_eq!(view.start_days, day("2022-01-01"));
        assert_eq!(view.end_days(), day("2023-01-01"));
    }

    #[test]
    fn limits_widen_for_data_outside_2013_to_2026() {
        let data = dataset(&[("1914-06-28", "military"), ("2022-02-24", "military")]);
        let limits = limits_for(&data);
        assert!(limits.min_days < day("1914-06-28"));
        assert!(limits.max_days >= day("2027-01-01"));
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
