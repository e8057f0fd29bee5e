//! Drives the whole window through its accessible labels (egui_kittest, no GPU needed).

mod common;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use chronoscope::app::ChronoscopeApp;
use chronoscope::app::command::AppCommand;
use chronoscope::app::settings::Settings;
use chronoscope::builtin::builtin_dataset;
use chronoscope::model::date::PartialDate;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

fn harness() -> Harness<'static, ChronoscopeApp> {
    common::app_harness([1400.0, 900.0])
}

fn days(iso: &str) -> f64 {
    PartialDate::parse(iso).map_or(f64::NAN, |d| d.start_days())
}

/// Whitney Houston's life, 1963–2012: a TimelineJS file of another period than the built-in.
fn houston() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import/houston-timeline3.json")
}

/// Steps the window until the background change has been applied.
fn wait_for_loading(harness: &mut Harness<'static, ChronoscopeApp>) {
    let deadline = Instant::now() + Duration::from_secs(60);
    while harness.state().is_loading() {
        assert!(Instant::now() < deadline, "loading did not finish");
        std::thread::sleep(Duration::from_millis(10));
        harness.step();
    }
    harness.run();
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
    change_data(&mut harness, AppCommand::AddFiles(vec![houston()]));
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
    change_data(&mut harness, AppCommand::AddFiles(vec![houston()]));
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
    change_data(&mut harness, AppCommand::AddFiles(vec![houston()]));
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
    change_data(&mut harness, AppCommand::OpenFiles(vec![houston()]));
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
