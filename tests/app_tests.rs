//! Drives the whole window through its accessible labels (egui_kittest, no GPU needed).

mod common;

use chronoscope::app::ChronoscopeApp;
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
