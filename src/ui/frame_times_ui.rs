//! View ▸ Frame times: a small overlay in the timeline's corner with the last frame's times and
//! the rolling mean and maximum.

use crate::app::frame_times::{DurationSummary, FrameTimes, ROLLING_FRAMES};

/// Shows the overlay; it asks for no repaint, so an idle window stays idle.
pub fn frame_times_ui(ctx: &egui::Context, times: &FrameTimes) {
    egui::Area::new(egui::Id::unique("frame times"))
        .anchor(egui::Align2::RIGHT_BOTTOM, egui::vec2(-12.0, -12.0))
        .order(egui::Order::Foreground)
        .interactable(false)
        .show(ctx, |ui| {
            egui::Frame::popup(ui.style()).show(ui, |ui| {
                let monospace = |text: String| egui::RichText::new(text).monospace();
                let last = times.last();
                ui.label(egui::RichText::new("Frame times").strong());
                ui.label(monospace(format!(
                    "app ui()    last {}  {}",
                    milliseconds(last.map(|s| s.ui_ms)),
                    rolling(times.ui_summary())
                )))
                .on_hover_text("The app's own work per frame: input, layout, widgets, shapes");
                ui.label(monospace(format!(
                    "eframe CPU  last {}  {}",
                    milliseconds(last.and_then(|s| s.eframe_cpu_ms)),
                    rolling(times.eframe_cpu_summary())
                )))
                .on_hover_text(
                    "eframe's CPU time of the previous frame: ui(), tessellation and OpenGL \
                     submission; not the buffer swap, where a software rasteriser may still draw",
                );
                ui.weak(format!(
                    "mean/max over the last {ROLLING_FRAMES} frames painted; none are painted while idle"
                ));
            });
        });
}

fn milliseconds(value: Option<f64>) -> String {
    value.map_or_else(|| "    -   ".to_owned(), |ms| format!("{ms:5.1} ms"))
}

fn rolling(summary: Option<DurationSummary>) -> String {
    summary.map_or_else(String::new, |s| {
        format!("mean {:5.1} ms  max {:5.1} ms", s.mean_ms, s.max_ms)
    })
}
