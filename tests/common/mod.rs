//! Shared by the window tests: the app on the built-in chronology in a kittest harness.

use chronoscope::app::ChronoscopeApp;
use chronoscope::app::settings::Settings;
use chronoscope::builtin::builtin_dataset;
use egui_kittest::Harness;

/// The window at `size` with default settings; steps of 50 ms so animations finish in `run()`.
pub fn app_harness(size: [f32; 2]) -> Harness<'static, ChronoscopeApp> {
    Harness::builder()
        .with_size(size)
        .with_step_dt(0.05)
        .with_max_steps(200)
        .build_eframe(|_cc| {
            let dataset =
                builtin_dataset().unwrap_or_else(|error| panic!("built-in chronology: {error}"));
            ChronoscopeApp::with_settings(dataset, Settings::default(), Vec::new())
        })
}
