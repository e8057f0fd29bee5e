//! Property tests of the pure timeline layout: for random datasets, views and canvases, placed
//! labels never overlap and never leave the picture.

use chronoscope::builtin::builtin_dataset;
use chronoscope::explore::lanes::LaneMode;
use chronoscope::explore::time_view::TimeView;
use chronoscope::explorer::Explorer;
use chronoscope::filter::Filter;
use chronoscope::model::dataset::Dataset;
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
            options: LayoutOptions { text_scale, show_legend, omit_empty_lanes: false },
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
        options: LayoutOptions::default(),
    };
    let layout = layout_timeline(&input, &FixedWidthMeasure::default());
    let event_labels = layout.scene.hits.len();
    assert!(event_labels > 20, "only {event_labels} hit regions");
    assert_eq!(overlapping_pair(&layout.scene), None);
}
