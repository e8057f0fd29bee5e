//! Shared by the window tests: the app on the built-in chronology in a kittest harness.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use chronoscope::app::ChronoscopeApp;
use chronoscope::app::file_dialogs::ScriptedFileDialogs;
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

/// The window at 1400×900 whose file dialogs answer `answers` in order.
#[allow(dead_code)] // not every test file uses it
pub fn harness_answering(answers: Vec<Vec<PathBuf>>) -> Harness<'static, ChronoscopeApp> {
    let mut harness = app_harness([1400.0, 900.0]);
    let app = std::mem::replace(
        harness.state_mut(),
        ChronoscopeApp::with_settings(
            chronoscope::model::dataset::Dataset::empty(),
            Settings::default(),
            Vec::new(),
        ),
    );
    *harness.state_mut() = app.with_file_dialogs(Box::new(ScriptedFileDialogs::answering(answers)));
    harness.run();
    harness
}

/// An empty directory of its own under the system's temporary directory.
#[allow(dead_code)] // not every test file uses it
pub fn scratch_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("chronoscope-tests-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap_or_else(|error| panic!("scratch dir: {error}"));
    dir
}

/// Steps the window until the background change (a load, an add, a remove) has been applied.
#[allow(dead_code)] // not every test file uses it
pub fn wait_for_loading(harness: &mut Harness<'static, ChronoscopeApp>) {
    let deadline = Instant::now() + Duration::from_secs(60);
    while harness.state().is_loading() {
        assert!(Instant::now() < deadline, "loading did not finish");
        std::thread::sleep(Duration::from_millis(10));
        harness.step();
    }
    harness.run();
}
