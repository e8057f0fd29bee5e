//! egui widgets and panels: they draw layouts and turn input into `AppCommand`s.

pub mod article_batch_ui;
pub mod article_import_ui;
pub mod details_panel_ui;
pub mod egui_painter;
pub mod export_dialog_ui;
pub mod findings_panel_ui;
pub mod frame_times_ui;
pub mod overview_ui;
pub mod quotes_panel_ui;
pub mod sources_panel_ui;
pub mod theme_visuals;
pub mod timeline_ui;
pub mod top_bar_ui;
