//! Findings in the window and in pictures: events with findings carry a warning triangle (in
//! the layout that feeds both), the publication lag draws a tick at each source's date, the
//! independent-sources filter changes what is shown, and a finding's link names its event.

mod common;

use std::path::Path;

use chronoscope::app::ChronoscopeApp;
use chronoscope::app::command::AppCommand;
use chronoscope::app::settings::Settings;
use chronoscope::checks::FindingKind;
use chronoscope::checks::event_findings::FindingKinds;
use chronoscope::checks::findings_by_kind::FindingsByKind;
use chronoscope::explore::lanes::LaneMode;
use chronoscope::explore::time_view::TimeView;
use chronoscope::explorer::Explorer;
use chronoscope::export::{RenderOptions, layout_picture};
use chronoscope::filter::{Filter, IndependentSources};
use chronoscope::model::dataset::Dataset;
use chronoscope::model::date::PartialDate;
use chronoscope::model::loader::load_article_set;
use chronoscope::timeline::layout::{
    LayoutOptions, TimelineLayout, TimelineLayoutInput, layout_timeline,
};
use chronoscope::timeline::palette::{Palette, Theme};
use chronoscope::timeline::scene::{HitTarget, Rect, Shape};
use chronoscope::timeline::text_measure::FixedWidthMeasure;
use chronoscope::ui::timeline_ui::{last_event_labels, last_marks};
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

fn fixture_dataset() -> Dataset {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/findings/marked_events.json");
    let bytes = std::fs::read(&path).expect("the fixture is readable");
    let set =
        load_article_set("marked_events.json", &bytes).unwrap_or_else(|error| panic!("{error}"));
    Dataset::from_article_set("marked_events.json", set)
}

fn day(iso: &str) -> f64 {
    PartialDate::parse(iso).map_or(f64::NAN, |d| d.start_days())
}

fn event(dataset: &Dataset, id: &str) -> usize {
    dataset
        .event_index_by_id(id)
        .unwrap_or_else(|| panic!("{id} is in the fixture"))
}

fn march_2022() -> TimeView {
    TimeView::from_range(day("2022-02-25"), day("2022-04-01"))
}

fn explorer_with_findings(filter: Filter) -> Explorer {
    let mut explorer = Explorer::new(fixture_dataset(), filter, LaneMode::Category, false);
    let findings = FindingsByKind::of_dataset(&explorer.dataset);
    explorer.attach_findings(&findings.by_event);
    explorer
}

fn layout(explorer: &Explorer, options: LayoutOptions) -> TimelineLayout {
    layout_over(explorer, options, march_2022())
}

fn layout_over(explorer: &Explorer, options: LayoutOptions, view: TimeView) -> TimelineLayout {
    let palette = Palette::for_theme(Theme::Light);
    let input = TimelineLayoutInput {
        dataset: &explorer.dataset,
        lanes: &explorer.lanes,
        axis_map: &explorer.axis_map,
        view,
        canvas: Rect::from_x_y_ranges(0.0, 1400.0, 0.0, 700.0),
        palette: &palette,
        selected_event: None,
        hovered_event: None,
        event_findings: Some(&explorer.event_findings),
        options,
    };
    layout_timeline(&input, &FixedWidthMeasure::default())
}

fn polygon_bounds(points: &[chronoscope::timeline::scene::Point]) -> Rect {
    let (mut min_x, mut max_x, mut min_y, mut max_y) = (f32::MAX, f32::MIN, f32::MAX, f32::MIN);
    for p in points {
        min_x = min_x.min(p.x);
        max_x = max_x.max(p.x);
        min_y = min_y.min(p.y);
        max_y = max_y.max(p.y);
    }
    Rect::from_x_y_ranges(min_x, max_x, min_y, max_y)
}

#[test]
fn the_layout_marks_the_event_with_an_unverified_quote_and_no_other() {
    let explorer = explorer_with_findings(Filter::default());
    let layout = layout(&explorer, LayoutOptions::default());
    let grain = event(&explorer.dataset, "grain-talks");
    assert_eq!(layout.scene.marked_events, vec![grain]);
    let triangles: Vec<Rect> = layout
        .scene
        .shapes
        .iter()
        .filter_map(|shape| match shape {
            Shape::Polygon { points, .. } => Some(polygon_bounds(points)),
            _ => None,
        })
        .collect();
    // One on the event, one in the legend ("finding").
    assert_eq!(triangles.len(), 2, "{triangles:?}");
    for triangle in &triangles {
        for label in &layout.scene.label_rects {
            assert!(
                !triangle.intersects(label),
                "{triangle:?} covers the label at {label:?}"
            );
        }
    }
    // Every event of the fixture still gets its whole label.
    let whole: usize = layout
        .scene
        .event_labels
        .iter()
        .filter(|l| l.in_full)
        .count();
    assert_eq!(whole, explorer.dataset.events.len());
}

#[test]
fn a_cluster_badge_with_a_marked_member_is_marked() {
    // 2023–2025 of the built-in chronology: November 2025's events (the Dawat article's, with
    // its unverified speaker and stale phrase) are merged into a badge.
    let dataset = chronoscope::builtin::builtin_dataset().expect("the built-in chronology loads");
    let mut explorer = Explorer::new(dataset, Filter::default(), LaneMode::Category, false);
    let findings = FindingsByKind::of_dataset(&explorer.dataset);
    explorer.attach_findings(&findings.by_event);
    let view = TimeView::from_range(day("2023-01-01"), day("2026-01-01"));
    let layout = layout_over(&explorer, LayoutOptions::default(), view);
    let kremlin = explorer
        .dataset
        .events
        .iter()
        .position(|e| e.title().starts_with("Kremlin says Russia will stay away"))
        .expect("the built-in chronology has the event");
    assert!(
        layout.scene.marked_events.contains(&kremlin),
        "{:?}",
        layout.scene.marked_events
    );
    let badge = layout
        .scene
        .hits
        .iter()
        .find(|hit| match hit.target {
            HitTarget::Cluster {
                start_days,
                end_days,
                ..
            } => (start_days..=end_days).contains(&explorer.dataset.events[kremlin].start_days()),
            HitTarget::Event(_) => false,
        })
        .map(|hit| hit.rect)
        .expect("the event is in a badge at this zoom");
    let on_badge = layout.scene.shapes.iter().any(|shape| match shape {
        Shape::Polygon { points, .. } => {
            let bounds = polygon_bounds(points);
            bounds.min.x < badge.max.x && bounds.max.x > badge.max.x - 1.0
        }
        _ => false,
    });
    assert!(on_badge, "a triangle sits at the right end of {badge:?}");
}

#[test]
fn single_source_events_are_marked_only_when_that_kind_is_asked_for() {
    let explorer = explorer_with_findings(Filter::default());
    let options = LayoutOptions {
        finding_marks: FindingKinds::of(&[FindingKind::SingleSource]),
        ..LayoutOptions::default()
    };
    let marked = layout(&explorer, options).scene.marked_events;
    let dataset = &explorer.dataset;
    let mut expected = vec![
        event(dataset, "grain-talks"),
        event(dataset, "grain-second-day"),
    ];
    expected.sort_unstable();
    let mut marked_sorted = marked.clone();
    marked_sorted.sort_unstable();
    assert_eq!(marked_sorted, expected);
    let none = LayoutOptions {
        finding_marks: FindingKinds::NONE,
        ..LayoutOptions::default()
    };
    assert!(layout(&explorer, none).scene.marked_events.is_empty());
}

#[test]
fn lag_ticks_sit_at_each_sources_publication_date_in_the_layout() {
    let explorer = explorer_with_findings(Filter::default());
    let options = LayoutOptions {
        publication_lag: true,
        ..LayoutOptions::default()
    };
    let layout = layout(&explorer, options);
    let view = march_2022();
    let area = layout.time_area;
    let x_of = |iso: &str| {
        area.min.x + ((day(iso) - view.start_days) / view.span_days) as f32 * area.width()
    };
    let antalya = event(&explorer.dataset, "antalya");
    let ticks: Vec<(f32, i64)> = layout
        .scene
        .lag_ticks
        .iter()
        .filter(|tick| tick.event == antalya)
        .map(|tick| (tick.x, tick.lag_days))
        .collect();
    assert_eq!(ticks.len(), 2, "{ticks:?}");
    assert!(
        (ticks[0].0 - x_of("2022-03-02")).abs() < 0.01 && ticks[0].1 == 1,
        "{ticks:?}"
    );
    assert!(
        (ticks[1].0 - x_of("2022-03-05")).abs() < 0.01 && ticks[1].1 == 4,
        "{ticks:?}"
    );
    // The unsourced event has none; without the option nothing is drawn.
    let unsourced = event(&explorer.dataset, "unsourced");
    assert!(
        layout
            .scene
            .lag_ticks
            .iter()
            .all(|tick| tick.event != unsourced)
    );
    let plain = self::layout(&explorer, LayoutOptions::default());
    assert!(plain.scene.lag_ticks.is_empty());
}

#[test]
fn pictures_carry_the_same_marks_as_the_window() {
    let explorer = explorer_with_findings(Filter::default());
    let options = RenderOptions {
        publication_lag: true,
        ..RenderOptions::default()
    };
    let slide = layout_picture(&explorer, march_2022(), &options).expect("lays out");
    assert_eq!(
        slide.scene.marked_events,
        vec![event(&explorer.dataset, "grain-talks")]
    );
    assert_eq!(slide.scene.lag_ticks.len(), 5);
    let svg = chronoscope::export::render_svg(&explorer, march_2022(), &options).expect("renders");
    assert!(
        svg.contains("<polygon"),
        "the SVG draws the warning triangle"
    );
}

#[test]
fn the_filter_by_independent_sources_changes_what_is_shown() {
    let dataset = fixture_dataset();
    let id = |index: usize| dataset.events[index].id().to_owned();
    for (choice, expected) in [
        (
            IndependentSources::Any,
            vec!["antalya", "grain-talks", "grain-second-day", "unsourced"],
        ),
        (
            IndependentSources::AtLeastOne,
            vec!["antalya", "grain-talks", "grain-second-day"],
        ),
        (IndependentSources::AtLeastTwo, vec!["antalya"]),
        (
            IndependentSources::OnlyOne,
            vec!["grain-talks", "grain-second-day"],
        ),
        (IndependentSources::NoSource, vec!["unsourced"]),
    ] {
        let filter = Filter {
            independent_sources: choice,
            ..Filter::default()
        };
        let explorer = explorer_with_findings(filter);
        let shown: Vec<String> = explorer
            .filter_result
            .matching_events
            .iter()
            .map(|e| id(*e))
            .collect();
        assert_eq!(shown, expected, "{choice:?}");
    }
}

fn fixture_harness() -> Harness<'static, ChronoscopeApp> {
    Harness::builder()
        .with_size([1400.0, 900.0])
        .with_step_dt(0.05)
        .with_max_steps(200)
        .build_eframe(|_cc| {
            ChronoscopeApp::with_settings(fixture_dataset(), Settings::default(), Vec::new())
        })
}

#[test]
fn the_window_marks_the_event_with_a_finding_and_l_shows_the_lag() {
    let mut harness = fixture_harness();
    harness.run();
    let grain = event(&harness.state().explorer().dataset, "grain-talks");
    let (marked, ticks) = last_marks(&harness.ctx);
    assert_eq!(marked, vec![grain]);
    assert!(ticks.is_empty());
    harness.key_press(egui::Key::L);
    harness.run();
    assert!(harness.state().settings().show_publication_lag);
    let (_, ticks) = last_marks(&harness.ctx);
    // Antalya's two sources, the grain talks' one, the second day's two.
    assert_eq!(ticks.len(), 5, "{ticks:?}");
    harness.key_press(egui::Key::L);
    harness.run();
    assert!(last_marks(&harness.ctx).1.is_empty());
}

#[test]
fn the_sources_filter_in_the_toolbar_leaves_only_well_sourced_events() {
    let mut harness = fixture_harness();
    harness.run();
    assert_eq!(last_event_labels(&harness.ctx).len(), 4);
    harness
        .get_by_role_and_label(Role::ComboBox, "Independent sources")
        .click();
    harness.run();
    harness.get_by_label("At least 2").click();
    harness.run();
    let app = harness.state();
    assert_eq!(
        app.explorer().filter.independent_sources,
        IndependentSources::AtLeastTwo
    );
    let labelled: Vec<usize> = last_event_labels(&harness.ctx)
        .iter()
        .map(|l| l.event)
        .collect();
    assert_eq!(labelled, vec![event(&app.explorer().dataset, "antalya")]);
    harness
        .state_mut()
        .apply(AppCommand::SetFilter(Filter::default()));
    harness.run();
    assert_eq!(last_event_labels(&harness.ctx).len(), 4);
}

#[test]
fn a_findings_link_names_the_quote_and_selects_its_event() {
    let mut harness = fixture_harness();
    harness.run();
    let grain = event(&harness.state().explorer().dataset, "grain-talks");
    // Links name what they point at, never a raw id.
    assert!(harness.query_by_label("q-grain").is_none());
    assert!(harness.query_by_label("grain-second-day").is_none());
    harness.get_by_label("Grain corridor talks, second day (20 Mar 2022)");
    // The quote is both unverified and by a speaker no other source knows: two findings.
    let links: Vec<_> = harness
        .get_all_by_label("An official: “The corridor will open within days”")
        .collect();
    assert_eq!(links.len(), 2);
    links[0].click();
    harness.run();
    assert_eq!(harness.state().selected_event(), Some(grain));
    // The details list the event's findings: the two about its quote, and its single source.
    harness.get_by_label("Findings (3)");
    harness.get_by_label("Single source:");
}
