//! File ▸ Export image (Ctrl+E): range, size, scale, theme, title, subtitle, legend and credits,
//! with a live preview; "Export…" asks where to write the PNG or SVG.

use egui::Ui;

use crate::app::command::AppCommand;
use crate::app::file_dialogs::DialogPurpose;
use crate::explore::time_view::TimeView;
use crate::explorer::Explorer;
use crate::export::{ImageFormat, RenderOptions, render_rgba, view_between};
use crate::model::date::PartialDate;
use crate::timeline::palette::Theme;

/// Picture sizes offered, in points.
pub const SIZE_PRESETS: [(&str, f32, f32); 3] = [
    ("1920×1080 (Full HD slide)", 1920.0, 1080.0),
    ("1280×720 (HD slide)", 1280.0, 720.0),
    // 297 × 210 mm at 96 points per inch.
    ("A4 landscape", 1123.0, 794.0),
];

/// Width of the preview in the dialog, in points.
const PREVIEW_WIDTH: f32 = 520.0;

/// Which time range the picture shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RangeChoice {
    CurrentView,
    Dates,
    /// An era, by index into `Dataset::eras`.
    Era(usize),
}

/// The export dialog's choices; kept between openings.
pub struct ExportDialog {
    pub open: bool,
    pub range: RangeChoice,
    pub from_input: String,
    pub to_input: String,
    /// Index into [`SIZE_PRESETS`], or `None` for a custom size.
    pub size_preset: Option<usize>,
    pub options: RenderOptions,
    pub format: ImageFormat,
    preview: Option<(RenderOptions, TimeView, egui::TextureHandle)>,
}

impl Default for ExportDialog {
    fn default() -> Self {
        Self {
            open: false,
            range: RangeChoice::CurrentView,
            from_input: String::new(),
            to_input: String::new(),
            size_preset: Some(0),
            options: RenderOptions::default(),
            format: ImageFormat::Png,
            preview: None,
        }
    }
}

impl ExportDialog {
    /// Opens the dialog; the typed dates start as the current view's.
    pub fn open_for_view(&mut self, view: TimeView) {
        self.open = true;
        if self.from_input.is_empty() {
            self.from_input = iso_day(view.start_days);
            self.to_input = iso_day(view.end_days() - 1.0);
        }
    }

    /// The time range chosen, or why it is not valid.
    pub fn chosen_view(&self, explorer: &Explorer, current: TimeView) -> Result<TimeView, String> {
        match self.range {
            RangeChoice::CurrentView => Ok(current),
            RangeChoice::Era(index) => explorer
                .dataset
                .eras
                .get(index)
                .map(|era| TimeView::from_range(era.start_days(), era.end_days()))
                .ok_or_else(|| "that era is no longer loaded".to_owned()),
            RangeChoice::Dates => {
                let from = PartialDate::parse(self.from_input.trim())
                    .map_err(|error| format!("From: {error}"))?;
                let to = PartialDate::parse(self.to_input.trim())
                    .map_err(|error| format!("To: {error}"))?;
                if to.end_days() <= from.start_days() {
                    return Err("To must come after From".to_owned());
                }
                view_between(from, to).map_err(|error| error.to_string())
            }
        }
    }

    /// A file name from the title or the range: "the-road-to-istanbul.png".
    pub fn suggested_file_name(&self) -> String {
        let title = self.options.title.as_deref().unwrap_or("timeline");
        let mut name: String = title
            .chars()
            .map(|c| {
                if c.is_alphanumeric() {
                    c.to_ascii_lowercase()
                } else {
                    '-'
                }
            })
            .collect();
        while name.contains("--") {
            name = name.replace("--", "-");
        }
        let name = name.trim_matches('-');
        let name = if name.is_empty() { "timeline" } else { name };
        format!("{name}.{}", self.format.extension())
    }
}

fn iso_day(days: f64) -> String {
    crate::model::date::date_from_days(days.floor())
        .map(|date| date.format("%Y-%m-%d").to_string())
        .unwrap_or_default()
}

/// Shows the dialog when open.
pub fn export_dialog_ui(
    ctx: &egui::Context,
    dialog: &mut ExportDialog,
    explorer: &Explorer,
    current_view: TimeView,
    commands: &mut Vec<AppCommand>,
) {
    if !dialog.open {
        return;
    }
    let mut open = true;
    egui::Window::new("Export image")
        .open(&mut open)
        .resizable(false)
        .collapsible(false)
        .default_width(560.0)
        .show(ctx, |ui| {
            dialog_contents_ui(ui, dialog, explorer, current_view, commands);
        });
    if !open {
        dialog.open = false;
    }
}

fn dialog_contents_ui(
    ui: &mut Ui,
    dialog: &mut ExportDialog,
    explorer: &Explorer,
    current_view: TimeView,
    commands: &mut Vec<AppCommand>,
) {
    egui::Grid::new("export options")
        .num_columns(2)
        .spacing([10.0, 6.0])
        .show(ui, |ui| {
            range_rows_ui(ui, dialog, explorer);
            size_rows_ui(ui, dialog);
            ui.label("Theme");
            ui.horizontal(|ui| {
                for theme in Theme::ALL {
                    ui.radio_value(&mut dialog.options.theme, theme, theme.label());
                }
            });
            ui.end_row();
            text_option_row_ui(
                ui,
                "Title",
                &mut dialog.options.title,
                "e.g. The road to Istanbul",
            );
            text_option_row_ui(ui, "Subtitle", &mut dialog.options.subtitle, "optional");
            ui.label("Show");
            ui.horizontal(|ui| {
                ui.checkbox(&mut dialog.options.legend, "Legend");
                ui.checkbox(&mut dialog.options.credits, "Source credits");
                ui.checkbox(&mut dialog.options.keep_empty_lanes, "Empty lanes")
                    .on_hover_text("Keep lanes with nothing in the range, as a title line");
                ui.checkbox(&mut dialog.options.publication_lag, "Publication lag")
                    .on_hover_text("A tick at the publication date of each event's sources");
            });
            ui.end_row();
            ui.label("Format");
            ui.horizontal(|ui| {
                ui.radio_value(&mut dialog.format, ImageFormat::Png, "PNG");
                ui.radio_value(&mut dialog.format, ImageFormat::Svg, "SVG");
            });
            ui.end_row();
        });
    dialog.options.lane_mode = explorer.lane_mode;
    let view = dialog.chosen_view(explorer, current_view);
    ui.separator();
    match &view {
        Ok(view) => preview_ui(ui, dialog, explorer, *view),
        Err(reason) => {
            ui.colored_label(ui.visuals().error_fg_color, reason);
        }
    }
    ui.separator();
    ui.horizontal(|ui| {
        let export = ui.add_enabled(view.is_ok(), egui::Button::new("Export…"));
        if export.clicked() {
            commands.push(AppCommand::ShowDialog(DialogPurpose::ExportImage));
        }
        if ui
            .add_enabled(view.is_ok(), egui::Button::new("Copy image"))
            .on_hover_text("Put this picture, as PNG, on the clipboard")
            .clicked()
        {
            commands.push(AppCommand::CopyExportImage);
        }
        if ui.button("Close").clicked() {
            dialog.open = false;
        }
    });
}

fn range_rows_ui(ui: &mut Ui, dialog: &mut ExportDialog, explorer: &Explorer) {
    ui.label("Range");
    ui.vertical(|ui| {
        ui.radio_value(
            &mut dialog.range,
            RangeChoice::CurrentView,
            "The current view",
        );
        ui.horizontal(|ui| {
            ui.radio_value(&mut dialog.range, RangeChoice::Dates, "From");
            let from = ui.add(
                egui::TextEdit::singleline(&mut dialog.from_input)
                    .hint_text("YYYY-MM-DD")
                    .desired_width(100.0),
            );
            ui.label("to");
            let to = ui.add(
                egui::TextEdit::singleline(&mut dialog.to_input)
                    .hint_text("YYYY-MM-DD")
                    .desired_width(100.0),
            );
            if from.changed() || to.changed() {
                dialog.range = RangeChoice::Dates;
            }
        });
        if !explorer.dataset.eras.is_empty() {
            let chosen = match dialog.range {
                RangeChoice::Era(index) => explorer.dataset.eras.get(index),
                _ => None,
            };
            let title =
                chosen.map_or_else(|| "An era…".to_owned(), |era| format!("Era: {}", era.title));
            ui.menu_button(title, |ui| {
                for (index, era) in explorer.dataset.eras.iter().enumerate() {
                    let text = format!(
                        "{} ({} – {})",
                        era.title,
                        era.start.display(),
                        era.end.display()
                    );
                    if ui
                        .selectable_label(dialog.range == RangeChoice::Era(index), text)
                        .clicked()
                    {
                        dialog.range = RangeChoice::Era(index);
                        ui.close();
                    }
                }
            });
        }
    });
    ui.end_row();
}

fn size_rows_ui(ui: &mut Ui, dialog: &mut ExportDialog) {
    ui.label("Size");
    ui.vertical(|ui| {
        ui.horizontal(|ui| {
            for (index, (name, width, height)) in SIZE_PRESETS.iter().enumerate() {
                if ui.radio(dialog.size_preset == Some(index), *name).clicked() {
                    dialog.size_preset = Some(index);
                    dialog.options.width_points = *width;
                    dialog.options.height_points = *height;
                }
            }
            if ui.radio(dialog.size_preset.is_none(), "Custom").clicked() {
                dialog.size_preset = None;
            }
        });
        ui.horizontal(|ui| {
            let width = ui.add(
                egui::DragValue::new(&mut dialog.options.width_points)
                    .range(200.0..=8000.0)
                    .suffix(" wide"),
            );
            let height = ui.add(
                egui::DragValue::new(&mut dialog.options.height_points)
                    .range(150.0..=8000.0)
                    .suffix(" high"),
            );
            if width.changed() || height.changed() {
                dialog.size_preset = None;
            }
            ui.label("Scale");
            for scale in [1.0, 2.0, 4.0] {
                ui.radio_value(&mut dialog.options.scale, scale, format!("{scale}×"));
            }
        });
        let pixels = format!(
            "{:.0} × {:.0} pixels",
            dialog.options.width_points * dialog.options.scale,
            dialog.options.height_points * dialog.options.scale
        );
        ui.weak(pixels);
    });
    ui.end_row();
}

fn text_option_row_ui(ui: &mut Ui, name: &str, value: &mut Option<String>, hint: &str) {
    let label = ui.label(name);
    let mut text = value.clone().unwrap_or_default();
    let edit = ui
        .add(
            egui::TextEdit::singleline(&mut text)
                .hint_text(hint)
                .desired_width(360.0),
        )
        .labelled_by(label.id);
    if edit.changed() {
        *value = (!text.trim().is_empty()).then_some(text);
    }
    ui.end_row();
}

/// A small picture of what will be exported, drawn by the export painter itself.
fn preview_ui(ui: &mut Ui, dialog: &mut ExportDialog, explorer: &Explorer, view: TimeView) {
    let options = dialog.options.clone();
    let preview_scale = (PREVIEW_WIDTH / options.width_points).min(1.0);
    let stale = dialog
        .preview
        .as_ref()
        .is_none_or(|(made_for, made_view, _)| *made_for != options || *made_view != view);
    if stale {
        let small = RenderOptions {
            scale: preview_scale,
            ..options.clone()
        };
        match render_rgba(explorer, view, &small) {
            Ok(image) => {
                let color_image = egui::ColorImage::from_rgba_unmultiplied(
                    [image.width as usize, image.height as usize],
                    &image.pixels,
                );
                let texture = ui.ctx().load_texture(
                    "export preview",
                    color_image,
                    egui::TextureOptions::LINEAR,
                );
                dialog.preview = Some((options.clone(), view, texture));
            }
            Err(error) => {
                dialog.preview = None;
                ui.colored_label(ui.visuals().error_fg_color, error.to_string());
                return;
            }
        }
    }
    if let Some((_, _, texture)) = &dialog.preview {
        let size = egui::vec2(
            PREVIEW_WIDTH.min(options.width_points),
            options.height_points * preview_scale,
        );
        ui.add(egui::Image::new((texture.id(), size)));
    }
}
