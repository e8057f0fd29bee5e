//! Screenshot snapshots of the whole window for the three presets (wgpu; needs a Vulkan or GL
//! adapter, e.g. Debian's mesa-vulkan-drivers). Run with `cargo test --features snapshots`;
//! `UPDATE_SNAPSHOTS=1` rewrites the stored images in tests/snapshots.
#![cfg(feature = "snapshots")]

mod common;

use egui_kittest::kittest::Queryable as _;

fn snapshot_of_preset(preset_label: &str, name: &str) {
    let mut harness = common::app_harness([1400.0, 860.0]);
    harness.run();
    harness.get_by_label(preset_label).click();
    harness.run();
    harness.snapshot(name);
}

#[test]
fn window_shows_2014() {
    snapshot_of_preset("2014", "window_2014");
}

#[test]
fn window_shows_2022() {
    snapshot_of_preset("2022", "window_2022");
}

#[test]
fn window_shows_2023_to_2025() {
    snapshot_of_preset("2023–2025", "window_2023_2025");
}
