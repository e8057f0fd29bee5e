//! Property tests of the pure timeline layout: for random datasets, views and canvases, placed
//! labels never overlap and never leave the picture.

use chronoscope::builtin::builtin_dataset;
use chronoscope::explore::lanes::LaneMode;
use chronoscope::explore::time_view::TimeView;
use chronoscope::explorer::Explorer;
use chronoscope::filter::Filter;
use chronoscope::model::article_set::ArticleSet;
use chronoscope::model::category::Category;
use chronoscope::model::dataset::Dataset;
use chronoscope::model::date::date_from_days;
use chronoscope::synthetic::synthetic_article_set;
use chronoscope::timeline::layout::{LayoutOptions, TimelineLayoutInput, layout_timeline};
use chronoscope::timeline::palette::{Palette, Theme};
use chronoscope::timeline::scene::{Rect, Scene};
use chronoscope::timeline::text_measure::FixedWidthMeasure;
use proptest::prelude::*;

fn overlapping_pair(scene: &Scene) -> Option<(Rect, Rect)> {
    let rects = &scene.label_rects;
    for (i, a) in rects.iter().enumerate() {
        for b in &rects[i + 1..] {
            if a.intersects(b) {
                return Some((*a, *b));
            }
        }
    }
    None
}

fn lane_mode(index: u8) -> LaneMode {
    LaneMode::ALL[usize::from(index) % LaneMode::ALL.len()]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn placed_labels_never_overlap_or_leave_the_canvas(
        event_count in 0usize..600,
        seed in any::<u64>(),
        view_start_fraction in 0.0f64..1.0,
        span_log in 0.0f64..8.5,
        width in 320.0f32..2400.0,
        height in 200.0f32..1400.0,
        mode in any::<u8>(),
        compress in any::<bool>(),
        text_scale in 0.8f32..2.0,
        show_legend in any::<bool>(),
        select in any::<bool>(),
        with_builtin in any::<bool>(),
    ) {
        let set = synthetic_article_set(event_count, seed);
        // Merged with the built-in chronology, two sets of eras overlap.
        let mut dataset = if with_builtin {
            builtin_dataset().unwrap_or_else(|_| Dataset::empty())
        } else {
            Dataset::empty()
        };
        dataset.add_article_set("synthetic", set);
        let explorer = Explorer::new(dataset, Filter::default(), lane_mode(mode), compress);
        let limits = explorer.limits;
        let span_days = span_log.exp().max(1.0);
        let start_days = limits.min_days + view_start_fraction * limits.span_days();
        let view = explorer.clamp(TimeView { start_days, span_days });
        let palette = Palette::for_theme(Theme::Light);
        let canvas = Rect::from_x_y_ranges(10.0, 10.0 + width, 5.0, 5.0 + height);
        let event_total = explorer.dataset.events.len();
        let selected_event = (select && event_total > 0).then_some(event_total / 2);
        let input = TimelineLayoutInput {
            dataset: &explorer.dataset,
            lanes: &explorer.lanes,
            axis_map: &explorer.axis_map,
            view,
            canvas,
            palette: &palette,
            selected_event,
            hovered_event: None,
            event_findings: None,
            options: LayoutOptions { text_scale, show_legend, omit_empty_lanes: false, ..LayoutOptions::default() },
        };
        let layout = layout_timeline(&input, &FixedWidthMeasure::default());
        prop_assert_eq!(overlapping_pair(&layout.scene), None);
        for rect in &layout.scene.label_rects {
            prop_assert!(
                rect.min.x >= canvas.min.x - 0.5 && rect.max.x <= canvas.max.x + 0.5
                    && rect.min.y >= canvas.min.y - 0.5 && rect.max.y <= canvas.max.y + 0.5,
                "{:?} leaves {:?}", rect, canvas
            );
        }
    }
}

/// A set of events in 2022 (day of year, category, title length, quoted), the quoted ones with
/// a quote each.
fn quoted_set(events: &[(u16, u8, usize, bool)]) -> ArticleSet {
    let start_days = chronoscope::model::date::PartialDate::parse("2022-01-01")
        .map(|d| d.start_days())
        .unwrap_or_default();
    let event_json: Vec<String> = events
        .iter()
        .enumerate()
        .map(|(index, (day, category, title_length, _))| {
            let date = date_from_days(start_days + f64::from(*day))
                .map(|d| d.to_string())
                .unwrap_or_default();
            let category = Category::ALL[usize::from(*category) % Category::ALL.len()];
            let title = format!("E{index} {}", "w".repeat(*title_length));
            format!(
                r#"{{"id":"e{index}","date":"{date}","title":"{title}","summary":"","category":"{}","sources":["s"]}}"#,
                category.as_str()
            )
        })
        .collect();
    let quote_json: Vec<String> = events
        .iter()
        .enumerate()
        .filter(|(_, event)| event.3)
        .map(|(index, _)| {
            format!(r#"{{"id":"q{index}","text":"Said {index}","speaker":"A","source":"s","event":"e{index}"}}"#)
        })
        .collect();
    let text = format!(
        r#"{{"format":"chronoscope-article-set","version":1,"title":"quoted",
            "sources":[{{"id":"s","outlet":"O","title":"T","published":"2022-01-01"}}],
            "events":[{}],"quotes":[{}]}}"#,
        event_json.join(","),
        quote_json.join(",")
    );
    serde_json::from_str(&text).unwrap_or_else(|error| panic!("{error}: {text}"))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    /// A lane whose label rows are at least as many as its quoted events that start in range
    /// labels every one of them in full (titles here are short enough to fit on either side of
    /// a marker).
    #[test]
    fn events_with_quotes_in_range_are_labelled_in_full_when_their_lane_has_room(
        events in prop::collection::vec((0u16..365, 0u8..8, 1usize..30, any::<bool>()), 1..60),
        view_start_day in 0.0f64..300.0,
        span_days in 20.0f64..400.0,
        width in 900.0f32..2400.0,
        height in 300.0f32..1400.0,
    ) {
        let dataset = Dataset::from_article_set("quoted", quoted_set(&events));
        let explorer = Explorer::new(dataset, Filter::default(), LaneMode::Category, false);
        let start_days = chronoscope::model::date::PartialDate::parse("2022-01-01")
            .map(|d| d.start_days())
            .unwrap_or_default();
        let view = TimeView { start_days: start_days + view_start_day, span_days };
        let palette = Palette::for_theme(Theme::Light);
        let input = TimelineLayoutInput {
            dataset: &explorer.dataset,
            lanes: &explorer.lanes,
            axis_map: &explorer.axis_map,
            view,
            canvas: Rect::from_x_y_ranges(0.0, width, 0.0, height),
            palette: &palette,
            selected_event: None,
            hovered_event: None,
            event_findings: None,
            options: LayoutOptions::default(),
        };
        let layout = layout_timeline(&input, &FixedWidthMeasure::default());
        let in_full = |event: usize| {
            layout.scene.event_labels.iter().any(|label| label.event == event && label.in_full)
        };
        let mut checked = 0;
        for placed in &layout.lanes {
            let lane = &explorer.lanes.lanes[placed.lane].all;
            let quoted: Vec<usize> = (0..lane.len())
                // Events that began before the view rank last (their label would sit at the
                // edge, away from their start): only those that start in it are checked.
                .filter(|p| (view.start_days..view.end_days()).contains(&lane.starts_days[*p]))
                .map(|p| lane.events[p])
                .filter(|e| explorer.dataset.quotes_of_event(*e).next().is_some())
                .collect();
            if quoted.len() > placed.label_rows {
                continue;
            }
            for event in quoted {
                checked += 1;
                prop_assert!(in_full(event), "event {} of lane {} ({} rows) has no whole label",
                    event, placed.lane, placed.label_rows);
            }
        }
        prop_assert!(checked <= events.len());
    }
}

#[test]
fn a_dense_view_still_places_some_labels() {
    let set = synthetic_article_set(300, 7);
    let dataset = Dataset::from_article_set("synthetic", set);
    let explorer = Explorer::new(dataset, Filter::default(), LaneMode::Category, false);
    let palette = Palette::for_theme(Theme::Dark);
    let input = TimelineLayoutInput {
        dataset: &explorer.dataset,
        lanes: &explorer.lanes,
        axis_map: &explorer.axis_map,
        view: explorer.fit_all_view(),
        canvas: Rect::from_x_y_ranges(0.0, 1600.0, 0.0, 900.0),
        palette: &palette,
        selected_event: None,
        hovered_event: None,
        event_findings: None,
        options: LayoutOptions::default(),
    };
    let layout = layout_timeline(&input, &FixedWidthMeasure::default());
    let event_labels = layout.scene.hits.len();
    assert!(event_labels > 20, "only {event_labels} hit regions");
    assert_eq!(overlapping_pair(&layout.scene), None);
}
