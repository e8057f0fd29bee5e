//! The window's picture actions: export to PNG or SVG, copy to the clipboard, presentation mode.
//! The pictures come from the same layout as the window (see `crate::export`).

use std::path::{Path, PathBuf};

use super::ChronoscopeApp;
use super::notifications::NotificationKind;
use crate::explore::time_view::TimeView;
use crate::export::{ImageFormat, render, render_rgba};
use crate::model::atomic_write::write_file_atomically;

/// How much larger text is in presentation mode.
pub const PRESENTATION_TEXT_SCALE: f32 = 1.45;

/// How long the "how to leave" hint stays after entering presentation mode.
const PRESENTATION_HINT_SECONDS: f64 = 3.0;

impl ChronoscopeApp {
    pub fn is_presenting(&self) -> bool {
        self.presenting
    }

    pub(super) fn set_presenting(&mut self, presenting: bool, ctx: &egui::Context) {
        if self.presenting != presenting {
            self.presenting = presenting;
            ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(presenting));
            self.presentation_started_seconds = self.now_seconds;
        }
    }

    /// "F11 or Esc: leave presentation", shown for a few seconds after entering it.
    pub(super) fn presentation_hint_ui(&self, ctx: &egui::Context) {
        let shown_seconds = self.now_seconds - self.presentation_started_seconds;
        if shown_seconds > PRESENTATION_HINT_SECONDS {
            return;
        }
        ctx.request_repaint_after(std::time::Duration::from_millis(250));
        egui::Area::new(egui::Id::unique("presentation hint"))
            .anchor(egui::Align2::CENTER_BOTTOM, egui::vec2(0.0, -48.0))
            .interactable(false)
            .show(ctx, |ui| {
                egui::Frame::popup(ui.style()).show(ui, |ui| {
                    ui.label("Presentation mode. F11 or Esc: leave");
                });
            });
    }

    /// Writes the picture the export dialog describes to `path` (PNG or SVG by its extension;
    /// the dialog's format when it has none), atomically.
    pub(super) fn export_to(&mut self, path: &Path) {
        let (path, format) = match ImageFormat::from_path(path) {
            Some(format) => (path.to_path_buf(), format),
            None => {
                let format = self.export_dialog.format;
                let mut with_extension = path.as_os_str().to_owned();
                with_extension.push(".");
                with_extension.push(format.extension());
                (PathBuf::from(with_extension), format)
            }
        };
        let options = &self.export_dialog.options;
        let picture = self
            .export_dialog
            .chosen_view(&self.explorer, self.view)
            .and_then(|view| {
                render(&self.explorer, view, options, format).map_err(|error| error.to_string())
            });
        let result = picture.and_then(|bytes| {
            write_file_atomically(&path, &bytes).map_err(|error| error.to_string())
        });
        match result {
            Ok(()) => self.notifications.push(
                NotificationKind::Info,
                format!(
                    "Exported a {:.0}×{:.0} {} to {}",
                    options.width_points
                        * if format == ImageFormat::Png {
                            options.scale
                        } else {
                            1.0
                        },
                    options.height_points
                        * if format == ImageFormat::Png {
                            options.scale
                        } else {
                            1.0
                        },
                    format.extension().to_uppercase(),
                    path.display()
                ),
                Vec::new(),
            ),
            Err(error) => self.notifications.push(
                NotificationKind::Error,
                format!("Could not export to {}", path.display()),
                vec![error],
            ),
        }
    }

    /// Puts a PNG picture on the clipboard: the export dialog's range, or the current view.
    pub(super) fn copy_image(&mut self, ctx: &egui::Context, from_dialog: bool) {
        let options = &self.export_dialog.options;
        let view: Result<TimeView, String> = if from_dialog {
            self.export_dialog.chosen_view(&self.explorer, self.view)
        } else {
            Ok(self.target_view())
        };
        let image = view.and_then(|view| {
            render_rgba(&self.explorer, view, options).map_err(|error| error.to_string())
        });
        match image {
            Ok(image) => {
                let size = [image.width as usize, image.height as usize];
                ctx.copy_image(egui::ColorImage::from_rgba_unmultiplied(
                    size,
                    &image.pixels,
                ));
                self.notifications.push(
                    NotificationKind::Info,
                    format!("Copied a {}×{} picture to the clipboard", size[0], size[1]),
                    Vec::new(),
                );
            }
            Err(error) => self.notifications.push(
                NotificationKind::Error,
                "Could not copy the picture",
                vec![error],
            ),
        }
    }
}
