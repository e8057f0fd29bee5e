//! Drives the whole window through its accessible labels (egui_kittest, no GPU needed).

mod common;

use std::path::{Path, PathBuf};

use chronoscope::app::ChronoscopeApp;
use chronoscope::app::command::AppCommand;
use chronoscope::app::settings::Settings;
use chronoscope::builtin::builtin_dataset;
use chronoscope::checks::findings_by_kind::FindingTarget;
use chronoscope::model::date::PartialDate;
use common::wait_for_loading;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

fn harness() -> Harness<'static, ChronoscopeApp> {
    common::app_harness([1400.0, 900.0])
}

fn days(iso: &str) -> f64 {
    PartialDate::parse(iso).map_or(f64::NAN, |d| d.start_days())
}

/// A TimelineJS file of slides dated 1963–2012 (written for the tests): another period than
/// the built-in chronology's.
fn another_period() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import/another-period-timeline.json")
}

fn change_data(harness: &mut Harness<'static, ChronoscopeApp>, command: AppCommand) {
    harness.state_mut().apply(command);
    harness.run();
    wait_for_loading(harness);
}

/// Clicks the overview strip at `fraction` of its width.
fn click_overview_at(harness: &mut Harness<'static, ChronoscopeApp>, fraction: f32) {
    let rect = harness.get_by_label("Overview").rect();
    let pos = egui::pos2(rect.left() + fraction * rect.width(), rect.center().y);
    harness.hover_at(pos);
    harness.drag_at(pos);
    harness.drop_at(pos);
    harness.run();
}

/// The time at `fraction` of the range the overview strip shows (every event, with a margin).
fn time_on_strip(app: &ChronoscopeApp, fraction: f64) -> f64 {
    let strip = app.explorer().fit_all_view();
    strip.start_days + fraction * strip.span_days
}

fn preset_labels(app: &ChronoscopeApp) -> Vec<String> {
    app.explorer()
        .presets
        .iter()
        .map(|preset| preset.label.clone())
        .collect()
}

#[test]
fn the_window_opens_on_the_whole_chronology() {
    let mut harness = harness();
    harness.run();
    let view = harness.state().view();
    assert!(
        view.start_days <= days("2014-02-22"),
        "view starts {}",
        view.start_days
    );
    assert!(view.end_days() >= days("2025-11-19"));
    harness.get_by_label("Timeline");
}

#[test]
fn presets_set_the_range() {
    let mut harness = harness();
    harness.run();
    harness.get_by_label("2022").click();
    harness.run();
    let view = harness.state().view();
    assert!(
        (view.start_days - days("2022-01-01")).abs() < 0.01,
        "{view:?}"
    );
    assert!(
        (view.end_days() - days("2023-01-01")).abs() < 0.01,
        "{view:?}"
    );

    harness.get_by_label("2023–2025").click();
    harness.run();
    let view = harness.state().view();
    assert!((view.start_days - days("2023-01-01")).abs() < 0.01);
    assert!((view.end_days() - days("2026-01-01")).abs() < 0.01);

    harness.get_by_label("2014").click();
    harness.run();
    assert!((harness.state().view().start_days - days("2014-01-01")).abs() < 0.01);
}

#[test]
fn selecting_a_quote_selects_its_event_and_brings_it_into_view() {
    let mut harness = harness();
    harness.run();
    // Start far from March 2022 so the quote has to bring its event into view.
    harness.get_by_label("2014").click();
    harness.run();
    harness
        .get_by_label_contains("Zelensky is ready to meet")
        .click();
    harness.run();
    let app = harness.state();
    let selected = app
        .selected_event()
        .unwrap_or_else(|| panic!("no event selected"));
    let event = &app.explorer().dataset.events[selected];
    assert!(
        event.title().contains("Kalin"),
        "selected {:?}",
        event.title()
    );
    let view = app.view();
    assert!(
        view.start_days <= event.start_days() && event.end_days() <= view.end_days(),
        "{view:?}"
    );
}

#[test]
fn search_filters_the_events_and_quotes() {
    let mut harness = harness();
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::F);
    harness.run();
    harness.event(egui::Event::Text("Peskov".to_owned()));
    harness.run();
    let app = harness.state();
    let result = &app.explorer().filter_result;
    assert!(result.searching);
    assert!(!result.matching_quotes.is_empty());
    assert!(result.matching_events.len() < app.explorer().dataset.events.len());
    for quote in &result.matching_quotes {
        let quote = &app.explorer().dataset.quotes[*quote];
        assert!(
            quote.speaker.contains("Peskov")
                || quote.text.contains("Peskov")
                || quote
                    .context
                    .as_deref()
                    .is_some_and(|c| c.contains("Peskov"))
        );
    }
    // The matches are listed.
    harness.get_by_label_contains("Matches (");
}

#[test]
fn a_hidden_source_takes_its_events_off_the_timeline() {
    let mut harness = harness();
    harness.run();
    let only_from_mee = |app: &ChronoscopeApp| -> Vec<usize> {
        let dataset = &app.explorer().dataset;
        let mee = dataset
            .sources
            .iter()
            .position(|s| s.outlet == "Middle East Eye");
        (0..dataset.events.len())
            .filter(|e| {
                let sources = dataset.events[*e].sources();
                !sources.is_empty() && sources.iter().all(|s| Some(s) == mee)
            })
            .collect()
    };
    let events = only_from_mee(harness.state());
    assert!(!events.is_empty());
    let on_timeline = |app: &ChronoscopeApp, event: usize| {
        app.explorer()
            .lanes
            .lanes
            .iter()
            .any(|lane| lane.all.events.contains(&event))
    };
    assert!(events.iter().all(|e| on_timeline(harness.state(), *e)));

    harness
        .get_by_role_and_label(Role::CheckBox, "Middle East Eye")
        .click();
    harness.run();
    let app = harness.state();
    assert!(events.iter().all(|e| !on_timeline(app, *e)));
    assert!(
        app.explorer().filter_result.visible_event_count() < app.explorer().dataset.events.len()
    );
}

#[test]
fn arrow_keys_step_through_the_events_in_time_order() {
    let mut harness = harness();
    harness.run();
    harness
        .get_by_label_contains("Zelensky is ready to meet")
        .click();
    harness.run();
    let first = harness.state().selected_event();
    harness.key_press(egui::Key::ArrowRight);
    harness.run();
    let second = harness.state().selected_event();
    assert_eq!(second, first.map(|e| e + 1));
    harness.key_press(egui::Key::ArrowLeft);
    harness.run();
    assert_eq!(harness.state().selected_event(), first);
}

#[test]
fn home_fits_everything_after_zooming_in() {
    let mut harness = harness();
    harness.run();
    harness.get_by_label("2022").click();
    harness.run();
    harness.key_press(egui::Key::Home);
    harness.run();
    let view = harness.state().view();
    assert!(view.start_days <= days("2014-02-22") && view.end_days() >= days("2025-11-19"));
}

#[test]
fn the_overview_strip_follows_a_file_of_another_period_added_and_removed() {
    let mut harness = harness();
    harness.run();
    change_data(&mut harness, AppCommand::AddFiles(vec![another_period()]));
    let strip = harness.state().explorer().fit_all_view();
    assert!(strip.start_days < days("1963-08-09"), "{strip:?}");

    // The whole period shows: a click zooms to a tenth of the strip around it.
    click_overview_at(&mut harness, 0.25);
    let expected = time_on_strip(harness.state(), 0.25);
    let view = harness.state().view();
    assert!(
        (view.center_days() - expected).abs() < strip.span_days * 0.01,
        "view {view:?}, expected its centre at {expected}"
    );
    assert!(
        (view.span_days - strip.span_days * 0.1).abs() < 1.0,
        "{view:?}"
    );

    change_data(&mut harness, AppCommand::RemoveFile(1));
    let strip = harness.state().explorer().fit_all_view();
    assert!(strip.start_days > days("2013-01-01"), "{strip:?}");
    click_overview_at(&mut harness, 0.75);
    let expected = time_on_strip(harness.state(), 0.75);
    let view = harness.state().view();
    assert!(
        (view.center_days() - expected).abs() < strip.span_days * 0.01,
        "view {view:?}, expected its centre at {expected}"
    );
}

#[test]
fn the_view_limits_follow_the_data_through_add_and_remove() {
    let mut harness = harness();
    harness.run();
    let builtin_limits = harness.state().explorer().limits;
    change_data(&mut harness, AppCommand::AddFiles(vec![another_period()]));
    assert!(harness.state().explorer().limits.min_days < days("1963-08-09"));
    harness.key_press(egui::Key::Home);
    harness.run();
    assert!(harness.state().view().start_days < days("1963-08-09"));
    change_data(&mut harness, AppCommand::RemoveFile(1));
    assert_eq!(harness.state().explorer().limits, builtin_limits);
    assert!(harness.state().view().start_days > days("2013-01-01"));
}

#[test]
fn presets_follow_the_data_through_add_and_remove() {
    let mut harness = harness();
    harness.run();
    assert_eq!(
        preset_labels(harness.state()),
        ["2014", "2022", "2023–2025", "All"]
    );
    change_data(&mut harness, AppCommand::AddFiles(vec![another_period()]));
    assert_eq!(
        preset_labels(harness.state()),
        [
            "2014",
            "2022",
            "2023–2025",
            "1970s",
            "1980s",
            "1990s",
            "All"
        ]
    );
    harness.get_by_label("1980s").click();
    harness.run();
    let view = harness.state().view();
    assert!(
        (view.start_days - days("1980-01-01")).abs() < 0.01,
        "{view:?}"
    );
    assert!(
        (view.end_days() - days("1990-01-01")).abs() < 0.01,
        "{view:?}"
    );

    change_data(&mut harness, AppCommand::RemoveFile(1));
    assert!(harness.query_by_label("1980s").is_none());
    harness.get_by_label("2022").click();
    harness.run();
    assert!((harness.state().view().start_days - days("2022-01-01")).abs() < 0.01);
}

#[test]
fn opening_a_file_alone_offers_its_own_presets_only() {
    let mut harness = harness();
    harness.run();
    change_data(&mut harness, AppCommand::OpenFiles(vec![another_period()]));
    assert_eq!(
        preset_labels(harness.state()),
        ["1970s", "1980s", "1990s", "All"]
    );
    assert!(harness.query_by_label("2022").is_none());
    // 2012 plus a twentieth of the 49 years.
    assert!(harness.state().explorer().limits.max_days < days("2015-01-01"));
}

/// The window on the built-in chronology with these settings.
fn harness_with(settings: Settings) -> Harness<'static, ChronoscopeApp> {
    let mut harness = harness();
    let dataset = builtin_dataset().unwrap_or_else(|error| panic!("built-in: {error}"));
    *harness.state_mut() = ChronoscopeApp::with_settings(dataset, settings, Vec::new());
    harness.run();
    harness
}

fn timeline_width(harness: &Harness<'static, ChronoscopeApp>) -> f32 {
    harness.get_by_label("Timeline").rect().width()
}

#[test]
fn saved_panel_widths_too_wide_for_the_window_are_clamped_on_start() {
    let harness = harness_with(Settings {
        sources_panel_width: Some(950.0),
        right_panel_width: Some(1200.0),
        ..Settings::default()
    });
    let settings = harness.state().settings();
    let (left, right) = (
        settings.sources_panel_width.unwrap_or(f32::NAN),
        settings.right_panel_width.unwrap_or(f32::NAN),
    );
    assert!(left <= 1400.0 * 0.35 + 1.0, "Sources panel {left} wide");
    assert!(right <= 1400.0 * 0.35 + 1.0, "right panel {right} wide");
    assert!(
        timeline_width(&harness) >= 1400.0 * 0.5 - 1.0,
        "timeline {} wide",
        timeline_width(&harness)
    );
}

#[test]
fn a_long_set_title_and_media_credit_do_not_widen_the_sources_panel() {
    let mut harness = harness();
    harness.run();
    let before = timeline_width(&harness);
    let left_before = harness.state().settings().sources_panel_width;
    let long = "A very long merged title of several sets and media credits ".repeat(8);
    let set = serde_json::json!({
        "format": "chronoscope-article-set", "version": 1, "title": long,
        "sources": [{"id": "s", "outlet": long, "title": long, "published": "2020-01-01",
                     "url": format!("https://example.org/{}", "credit".repeat(40))}],
        "events": [{"id": "e", "date": "2020-01-01", "title": "Event", "summary": "",
                    "category": "politics", "sources": ["s"], "reference": "https://example.org"}]
    });
    let path = common::scratch_dir("long-titles").join("long.json");
    std::fs::write(&path, set.to_string()).unwrap_or_else(|error| panic!("{error}"));
    change_data(&mut harness, AppCommand::AddFiles(vec![path]));
    harness.run();
    assert_eq!(harness.state().explorer().dataset.files.len(), 2);
    let left = harness.state().settings().sources_panel_width;
    assert_eq!(left, left_before);
    assert_eq!(timeline_width(&harness), before);
}

/// The timeline's time axis as last drawn (right of the lane labels).
fn time_area(harness: &Harness<'static, ChronoscopeApp>) -> egui::Rect {
    chronoscope::ui::timeline_ui::last_time_area(&harness.ctx)
        .unwrap_or_else(|| panic!("the timeline was not drawn"))
}

/// The time at window x-coordinate `x` on the timeline (no compressed years).
fn time_at(harness: &Harness<'static, ChronoscopeApp>, x: f32) -> f64 {
    let area = time_area(harness);
    let view = harness.state().view();
    view.start_days + f64::from((x - area.left()) / area.width()) * view.span_days
}

fn wheel(harness: &mut Harness<'static, ChronoscopeApp>, pos: egui::Pos2, delta_y: f32) {
    harness.hover_at(pos);
    harness.event(egui::Event::MouseWheel {
        unit: egui::MouseWheelUnit::Point,
        delta: egui::vec2(0.0, delta_y),
        phase: egui::TouchPhase::Move,
        source: egui::MouseWheelSource::Wheel,
        modifiers: egui::Modifiers::NONE,
    });
    harness.run();
}

#[test]
fn the_wheel_zooms_in_keeping_the_date_under_the_cursor_in_place() {
    let mut harness = harness();
    harness.run();
    let area = time_area(&harness);
    let pos = egui::pos2(area.left() + area.width() * 0.3, area.center().y);
    let date_before = time_at(&harness, pos.x);
    let span_before = harness.state().view().span_days;
    wheel(&mut harness, pos, 120.0);
    let view = harness.state().view();
    assert!(view.span_days < span_before * 0.9, "{view:?}");
    let date_after = time_at(&harness, pos.x);
    assert!(
        (date_after - date_before).abs() < span_before * 0.002,
        "{date_before} moved to {date_after}"
    );
}

#[test]
fn dragging_the_timeline_pans_the_view_by_the_dragged_amount() {
    let mut harness = harness();
    harness.run();
    harness.get_by_label("2022").click();
    harness.run();
    let before = harness.state().view();
    let area = time_area(&harness);
    let from = egui::pos2(area.left() + area.width() * 0.6, area.bottom() - 20.0);
    let to = from - egui::vec2(area.width() * 0.25, 0.0);
    harness.hover_at(from);
    harness.drag_at(from);
    harness.run();
    for step in 1..=5 {
        harness.hover_at(from + (to - from) * (step as f32 / 5.0));
        harness.run();
    }
    harness.drop_at(to);
    harness.run();
    let after = harness.state().view();
    // Dragged a quarter of the width to the left: a quarter of the span later.
    let expected = before.start_days + before.span_days * 0.25;
    assert!(
        (after.start_days - expected).abs() < before.span_days * 0.005,
        "{before:?} → {after:?}"
    );
    assert!((after.span_days - before.span_days).abs() < 1e-6);
}

#[test]
fn a_click_on_the_overview_strip_moves_the_view_there() {
    let mut harness = harness();
    harness.run();
    harness.get_by_label("2014").click();
    harness.run();
    let span = harness.state().view().span_days;
    click_overview_at(&mut harness, 0.7);
    let view = harness.state().view();
    let expected = time_on_strip(harness.state(), 0.7);
    let strip_span = harness.state().explorer().fit_all_view().span_days;
    assert!(
        (view.center_days() - expected).abs() < strip_span * 0.01,
        "view {view:?}, expected its centre at {expected}"
    );
    assert!((view.span_days - span).abs() < 1e-6);
}

#[test]
fn the_details_panel_starts_at_the_top_when_another_event_is_selected() {
    let mut harness = harness();
    harness.run();
    // The two events with the most quotes: their details are longer than the panel.
    let mut by_quotes: Vec<(usize, usize)> = {
        let dataset = &harness.state().explorer().dataset;
        (0..dataset.events.len())
            .map(|e| (dataset.quotes_of_event(e).count(), e))
            .collect()
    };
    by_quotes.sort_unstable_by(|a, b| b.cmp(a));
    let (first, second) = (by_quotes[0].1, by_quotes[1].1);
    let title = |harness: &Harness<'static, ChronoscopeApp>, event: usize| {
        harness.state().explorer().dataset.events[event]
            .title()
            .to_owned()
    };
    let title_top = |harness: &Harness<'static, ChronoscopeApp>, event: usize| {
        let title = title(harness, event);
        harness
            .get_all_by_label(&title)
            .map(|node| node.rect().top())
            .fold(f32::NEG_INFINITY, f32::max)
    };
    harness
        .state_mut()
        .apply(AppCommand::SelectEvent(Some(first)));
    harness.run();
    let top = title_top(&harness, first);
    let pos = harness.get_by_label("Quotes").rect().center() - egui::vec2(0.0, 60.0);
    for _ in 0..5 {
        wheel(&mut harness, pos, -200.0);
    }
    assert!(title_top(&harness, first) < top - 50.0, "did not scroll");

    harness
        .state_mut()
        .apply(AppCommand::SelectEvent(Some(second)));
    harness.run();
    assert_eq!(title_top(&harness, second), top);
}

#[test]
fn notifications_take_one_line_with_a_count_until_opened() {
    let mut harness = harness();
    harness.run();
    let top_before = time_area(&harness).top();
    let missing = |name: &str| PathBuf::from(format!("/nonexistent/chronoscope/{name}.json"));
    change_data(
        &mut harness,
        AppCommand::AddFiles(vec![missing("a"), missing("b"), missing("c")]),
    );
    assert_eq!(harness.state().notifications().items.len(), 3);
    let summary = harness.get_by_label("3 notices — show");
    let one_line = time_area(&harness).top() - top_before;
    assert!(one_line <= 30.0, "the notices take {one_line} points");

    summary.click();
    harness.run();
    harness.get_by_label("3 notices — hide");
    assert!(time_area(&harness).top() - top_before > one_line + 30.0);

    harness.get_by_label("Dismiss all").click();
    harness.run();
    assert!(harness.state().notifications().is_empty());
    assert_eq!(time_area(&harness).top(), top_before);
}

#[test]
fn the_categories_menu_stays_open_while_categories_are_ticked() {
    let mut harness = harness();
    harness.run();
    harness.get_by_label("Categories").click();
    harness.run();
    harness
        .get_by_role_and_label(Role::CheckBox, "Military")
        .click();
    harness.run();
    harness
        .get_by_role_and_label(Role::CheckBox, "Sanctions")
        .click();
    harness.run();
    let hidden = &harness.state().explorer().filter.hidden_categories;
    assert_eq!(hidden.len(), 2, "{hidden:?}");
    assert!(
        harness
            .query_by_role_and_label(Role::CheckBox, "Diplomacy")
            .is_some()
    );
}

#[test]
fn a_search_match_clicked_is_selected_and_brought_into_view_at_the_same_zoom() {
    let mut harness = harness();
    harness.run();
    harness.get_by_label("2014").click();
    harness.run();
    let span = harness.state().view().span_days;
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::F);
    harness.run();
    harness.event(egui::Event::Text("Istanbul".to_owned()));
    harness.run();
    let (event, label) = {
        let explorer = harness.state().explorer();
        let event = explorer
            .filter_result
            .matching_events
            .iter()
            .copied()
            .find(|e| explorer.dataset.events[*e].start_days() > days("2015-01-01"))
            .unwrap_or_else(|| panic!("no match after 2014"));
        let record = &explorer.dataset.events[event];
        (
            event,
            format!("{}  {}", record.date.display(), record.title()),
        )
    };
    harness.get_by_label(&label).click();
    harness.run();
    let app = harness.state();
    assert_eq!(app.selected_event(), Some(event));
    let record = &app.explorer().dataset.events[event];
    let view = app.view();
    assert!(
        view.start_days <= record.start_days() && record.end_days() <= view.end_days(),
        "{view:?}"
    );
    assert!((view.span_days - span).abs() < 1e-6, "{view:?}");
}

#[test]
fn an_actor_filter_the_new_data_does_not_have_is_let_go_on_open() {
    let mut harness = harness();
    harness.run();
    let actor = harness.state().explorer().actors[0].clone();
    let filter = chronoscope::filter::Filter {
        actor: Some(actor),
        ..Default::default()
    };
    harness.state_mut().apply(AppCommand::SetFilter(filter));
    harness.run();
    let explorer = harness.state().explorer();
    assert!(explorer.filter_result.visible_event_count() < explorer.dataset.events.len());

    change_data(&mut harness, AppCommand::OpenFiles(vec![another_period()]));
    let explorer = harness.state().explorer();
    assert_eq!(explorer.filter.actor, None);
    assert_eq!(
        explorer.filter_result.visible_event_count(),
        explorer.dataset.events.len()
    );
}

#[test]
fn dragging_the_sources_panel_edge_far_right_stops_at_its_maximum() {
    let mut harness = harness();
    harness.run();
    let width = |harness: &Harness<'static, ChronoscopeApp>| {
        harness
            .state()
            .settings()
            .sources_panel_width
            .unwrap_or(f32::NAN)
    };
    let start = width(&harness);
    let from = egui::pos2(start - 1.0, 450.0);
    harness.hover_at(from);
    harness.run();
    harness.drag_at(from);
    harness.run();
    for step in 1..=10 {
        harness.hover_at(from + egui::vec2(90.0 * step as f32, 0.0));
        harness.run();
    }
    harness.drop_at(from + egui::vec2(900.0, 0.0));
    harness.run();
    let right = harness.state().settings().right_panel_width.unwrap_or(0.0);
    let dragged = width(&harness);
    assert!(dragged > start + 50.0, "the edge did not move: {dragged}");
    assert!(
        (dragged - (1400.0 * 0.5 - right)).abs() <= 1.5,
        "Sources panel {dragged} wide next to {right}"
    );
    assert!(timeline_width(&harness) >= 1400.0 * 0.5 - 1.0);
}

/// The quote of Voronova's in which the built-in chronology's one stale phrase is found.
const VORONOVA_STALE_QUOTE: &str = "q-dawat-06-position-of-military-strength";

#[test]
fn the_findings_section_links_the_stale_phrase_of_the_voronova_quote_to_its_event() {
    let mut harness = harness();
    harness.run();
    harness.get_by_label("Findings");
    harness.get_by_label("Stale phrase (1)");
    harness.get_by_label_contains("Single source (");
    // Start far from the quote's event so the link has to bring it into view.
    harness.get_by_label("2014").click();
    harness.run();
    // The section shares the panel with Details and Quotes: scroll the link into it.
    let heading = harness.get_by_label("Findings").rect();
    wheel(
        &mut harness,
        heading.center() + egui::vec2(0.0, 80.0),
        -150.0,
    );
    // The link names the quote (speaker and first words), not its id.
    let link = {
        let explorer = harness.state().explorer();
        let quote = explorer
            .dataset
            .quote_index_by_id(VORONOVA_STALE_QUOTE)
            .unwrap_or_else(|| panic!("the built-in chronology has {VORONOVA_STALE_QUOTE}"));
        chronoscope::ui::findings_panel_ui::target_title(explorer, FindingTarget::Quote(quote))
            .unwrap_or_default()
    };
    assert!(link.starts_with("Maria Voronova: “"), "{link}");
    assert!(harness.query_by_label(VORONOVA_STALE_QUOTE).is_none());
    // The quote may be listed under other kinds too: the first link is the stale phrase's.
    harness
        .query_all_by_label(&link)
        .next()
        .unwrap_or_else(|| panic!("no link to {link}"))
        .click();
    harness.run();
    let app = harness.state();
    let dataset = &app.explorer().dataset;
    let quote = dataset
        .quote_index_by_id(VORONOVA_STALE_QUOTE)
        .and_then(|quote| dataset.quotes.get(quote))
        .unwrap_or_else(|| panic!("the built-in chronology has {VORONOVA_STALE_QUOTE}"));
    assert!(quote.speaker.contains("Voronova"), "{:?}", quote.speaker);
    let event = quote
        .event
        .unwrap_or_else(|| panic!("{VORONOVA_STALE_QUOTE} belongs to an event"));
    assert_eq!(app.selected_event(), Some(event));
    let (view, event) = (app.view(), &dataset.events[event]);
    assert!(
        view.start_days <= event.start_days() && event.end_days() <= view.end_days(),
        "{view:?}"
    );
}

#[test]
fn the_findings_change_to_those_of_a_set_opened_in_place_of_the_chronology() {
    let set = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/checks/sources_set.json");
    let mut harness = harness();
    harness.run();
    harness.get_by_label("Stale phrase (1)");
    change_data(&mut harness, AppCommand::OpenFiles(vec![set]));
    assert!(harness.query_by_label("Stale phrase (1)").is_none());
    assert!(harness.query_by_label(VORONOVA_STALE_QUOTE).is_none());
    harness.get_by_label("After publication (2)");
    harness.get_by_label_contains("“Talks in the palace” (29 Mar 2022) cites “Leaders may meet”");
    let findings = harness.state().findings();
    assert!(findings.groups.iter().all(|group| {
        group
            .findings
            .iter()
            .all(|listed| listed.finding.file.as_deref() != Some("built-in chronology"))
    }));
}

#[test]
fn unticking_findings_in_the_view_menu_takes_the_section_away() {
    let mut harness = harness();
    harness.run();
    harness.get_by_label("Stale phrase (1)");
    harness.get_by_label("View").click();
    harness.run();
    harness
        .get_by_role_and_label(Role::CheckBox, "Findings")
        .click();
    harness.run();
    assert!(!harness.state().settings().show_findings);
    assert!(harness.query_by_label("Stale phrase (1)").is_none());
    harness.get_by_label("Quotes");
}

#[test]
fn the_findings_follow_a_set_added_and_removed() {
    let set = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/checks/sources_set.json");
    let mut harness = harness();
    harness.run();
    let builtin_findings = harness.state().findings().clone();
    change_data(&mut harness, AppCommand::AddFiles(vec![set]));
    harness.get_by_label("After publication (2)");
    assert!(harness.state().findings().total() > builtin_findings.total());
    change_data(&mut harness, AppCommand::RemoveFile(1));
    assert!(harness.query_by_label("After publication (2)").is_none());
    assert_eq!(harness.state().findings(), &builtin_findings);
}
