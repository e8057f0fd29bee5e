//! The Chronoscope window: saved settings plus runtime state; panels emit commands that are
//! applied after the frame.

pub mod article_batch_actions;
pub mod command;
pub mod file_actions;
pub mod file_dialogs;
pub mod frame_times;
pub mod notifications;
pub mod panel_widths;
pub mod picture_actions;
pub mod settings;
pub mod window_bench;

use std::collections::VecDeque;

use egui::{Key, Ui};

use self::command::AppCommand;
use self::file_dialogs::{DialogPurpose, FileDialogs, NativeFileDialogs};
use self::frame_times::{FrameSample, FrameTimeLog, FrameTimes};
use self::notifications::{NotificationKind, Notifications};
use self::settings::Settings;
use crate::checks::event_findings::FindingKinds;
use crate::checks::findings_by_kind::FindingsByKind;
use crate::explore::time_view::TimeView;
use crate::explorer::Explorer;
use crate::filter::Filter;
use crate::loading::{ChangeJob, DataChange};
use crate::model::dataset::Dataset;
use crate::timeline::layout::LayoutOptions;
use crate::timeline::palette::Palette;
use crate::ui;
use crate::ui::article_import_ui::{
    ArticleImportAction, ArticleImportWindow, article_import_window_ui,
};
use crate::ui::export_dialog_ui::{ExportDialog, export_dialog_ui};

/// How long preset and fit animations take.
const ANIMATION_SECONDS: f64 = 0.45;

/// A view change in progress.
#[derive(Clone, Copy, Debug)]
struct ViewAnimation {
    from: TimeView,
    to: TimeView,
    start_seconds: f64,
}

pub struct ChronoscopeApp {
    settings: Settings,
    explorer: Explorer,
    /// The source criticism of the loaded data (the Findings section), computed with the
    /// explorer whenever the data changes.
    findings: FindingsByKind,
    /// The filter as the widgets edit it; applied to the explorer after each frame.
    filter: Filter,
    view: TimeView,
    animation: Option<ViewAnimation>,
    selected_event: Option<usize>,
    speaker_filter: Option<String>,
    /// Messages for the user (files that did not load, merge reports, saves).
    notifications: Notifications,
    dialogs: Box<dyn FileDialogs>,
    /// The change to what is loaded being applied in the background, and those waiting.
    running_change: Option<ChangeJob<file_actions::PreparedData>>,
    queued_changes: VecDeque<DataChange>,
    article_import: ArticleImportWindow,
    /// Many articles imported at once: the batch running, and its summary.
    article_batch_job: Option<crate::loading::article_batch_job::ArticleBatchJob>,
    article_batch_window: crate::ui::article_batch_ui::ArticleBatchWindow,
    export_dialog: ExportDialog,
    /// Presentation mode: only the timeline, larger text, full screen.
    presenting: bool,
    presentation_started_seconds: f64,
    now_seconds: f64,
    /// The last frames' times (View ▸ Frame times), and the stderr log when asked for.
    frame_times: FrameTimes,
    frame_time_log: Option<FrameTimeLog>,
    /// Whether the window clears to the timeline's background before painting (eframe on
    /// OpenGL, see `clear_color`), so that the timeline need not paint it again.
    window_clears_to_timeline_background: bool,
}

impl ChronoscopeApp {
    /// The app for eframe: settings come back from the last run.
    pub fn new(cc: &eframe::CreationContext<'_>, dataset: Dataset, messages: Vec<String>) -> Self {
        let settings: Settings = cc
            .storage
            .and_then(|storage| eframe::get_value(storage, eframe::APP_KEY))
            .unwrap_or_default();
        Self::with_settings(dataset, settings, messages)
    }

    /// The app with these settings; `messages` are problems found before the window opened.
    pub fn with_settings(dataset: Dataset, settings: Settings, messages: Vec<String>) -> Self {
        let filter = Filter::default();
        let file_actions::PreparedData {
            explorer,
            findings,
            chronology,
        } = file_actions::PreparedData::of(
            dataset,
            filter.clone(),
            settings.lane_mode,
            settings.compress_quiet_years,
        );
        let view = match settings.view {
            Some(view) if view.is_finite() => explorer.clamp(view),
            _ => explorer.fit_all_view(),
        };
        Self {
            settings,
            explorer,
            findings,
            filter,
            view,
            animation: None,
            selected_event: None,
            speaker_filter: None,
            notifications: startup_notifications(messages),
            dialogs: Box::new(NativeFileDialogs::default()),
            running_change: None,
            queued_changes: VecDeque::new(),
            article_import: ArticleImportWindow::checked_against(chronology),
            article_batch_job: None,
            article_batch_window: Default::default(),
            export_dialog: ExportDialog::default(),
            presenting: false,
            presentation_started_seconds: 0.0,
            now_seconds: 0.0,
            frame_times: FrameTimes::default(),
            frame_time_log: frame_times::frame_time_logging_requested(
                std::env::var(frame_times::FRAME_TIMES_VARIABLE)
                    .ok()
                    .as_deref(),
            )
            .then(FrameTimeLog::default),
            window_clears_to_timeline_background: false,
        }
    }

    /// Uses other file dialogs (tests answer them with fixture paths).
    pub fn with_file_dialogs(mut self, dialogs: Box<dyn FileDialogs>) -> Self {
        self.dialogs = dialogs;
        self
    }

    pub fn notifications(&self) -> &Notifications {
        &self.notifications
    }

    pub fn view(&self) -> TimeView {
        self.view
    }

    /// Where the view is heading (the end of a running animation, or the view itself).
    pub fn target_view(&self) -> TimeView {
        self.animation.map_or(self.view, |a| a.to)
    }

    pub fn selected_event(&self) -> Option<usize> {
        self.selected_event
    }

    pub fn explorer(&self) -> &Explorer {
        &self.explorer
    }

    /// The findings about the loaded data, by kind.
    pub fn findings(&self) -> &FindingsByKind {
        &self.findings
    }

    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    pub fn settings_mut(&mut self) -> &mut Settings {
        &mut self.settings
    }

    /// Applies one command (public so tests and the bench can drive the app without a window).
    pub fn apply(&mut self, command: AppCommand) {
        let map = &self.explorer.axis_map;
        match command {
            AppCommand::SetView(view) => self.jump_to(view),
            AppCommand::ZoomAround {
                anchor_fraction,
                factor,
            } => {
                self.jump_to(self.view.zoomed_at(map, anchor_fraction, factor));
            }
            AppCommand::PanByFraction(fraction) => {
                self.jump_to(self.view.panned_by_fraction(map, fraction))
            }
            AppCommand::FitAll => self.animate_to(self.explorer.fit_all_view()),
            AppCommand::ShowPreset(preset) => self.animate_to(preset.view(&self.explorer)),
            AppCommand::ZoomToRange {
                start_days,
                end_days,
            } => {
                self.animate_to(TimeView::fitting(start_days, end_days, 0.15));
            }
            AppCommand::CenterOn(time_days) => {
                let span = self.view.span_days;
                self.jump_to(TimeView {
                    start_days: time_days - span / 2.0,
                    span_days: span,
                });
            }
            AppCommand::SelectEvent(event) => self.selected_event = event,
            AppCommand::RevealEvent(event) => self.reveal_event(event),
            AppCommand::RevealQuote(quote) => {
                let Some(quote) = self.explorer.dataset.quotes.get(quote) else {
                    return;
                };
                if let Some(event) = quote.event {
                    self.reveal_event(event);
                } else if let Some(date) = quote.date {
                    self.apply(AppCommand::CenterOn(date.start_days()));
                }
            }
            AppCommand::StepSelection(step) => {
                if let Some(event) = self.explorer.step_event(self.selected_event, step) {
                    self.reveal_event(event);
                }
            }
            AppCommand::OpenFiles(paths) => self.request_change(DataChange::Open(paths)),
            AppCommand::AddFiles(paths) => self.request_change(DataChange::Add(paths)),
            AppCommand::LoadBuiltin { replace } => {
                self.request_change(DataChange::Builtin { replace });
            }
            AppCommand::RemoveFile(file) => {
                if let Some(loaded) = self.explorer.dataset.files.get(file) {
                    let label = loaded.label.clone();
                    self.request_change(DataChange::Remove { file, label });
                }
            }
            AppCommand::CancelLoading => self.cancel_loading(),
            AppCommand::SaveTo(path) => self.save_to(&path),
            AppCommand::OpenArticleImport => self.article_import.open_empty(),
            AppCommand::SetFilter(filter) => self.filter = filter,
            AppCommand::SetSpeakerFilter(speaker) => self.speaker_filter = speaker,
            AppCommand::SetSettings(settings) => self.settings = *settings,
            AppCommand::OpenExportDialog => {
                // The picture starts as the screen shows it.
                self.export_dialog.options.publication_lag = self.settings.show_publication_lag;
                self.export_dialog.open_for_view(self.target_view());
            }
            AppCommand::CancelArticleBatch => self.cancel_article_batch(),
            // These need the egui context: see `apply_in_frame`.
            AppCommand::ShowDialog(_)
            | AppCommand::ImportArticles(_)
            | AppCommand::CopyExportImage
            | AppCommand::CopyViewImage
            | AppCommand::SetPresenting(_) => {}
        }
    }

    /// Applies a command that may start a dialog or a background load.
    fn apply_in_frame(&mut self, command: AppCommand, ctx: &egui::Context) {
        match command {
            AppCommand::ShowDialog(purpose) => self.show_dialog(purpose, ctx),
            AppCommand::ImportArticles(paths) => self.start_article_batch(paths, ctx),
            AppCommand::CopyExportImage => self.copy_image(ctx, true),
            AppCommand::CopyViewImage => self.copy_image(ctx, false),
            AppCommand::SetPresenting(presenting) => self.set_presenting(presenting, ctx),
            other => self.apply(other),
        }
    }

    fn jump_to(&mut self, view: TimeView) {
        self.animation = None;
        self.view = self.explorer.clamp(view);
    }

    fn animate_to(&mut self, target: TimeView) {
        let to = self.explorer.clamp(target);
        self.animation = Some(ViewAnimation {
            from: self.view,
            to,
            start_seconds: self.now_seconds,
        });
    }

    /// Selects an event and, if it is not on screen, moves the view to it.
    fn reveal_event(&mut self, index: usize) {
        let Some(event) = self.explorer.dataset.events.get(index) else {
            return;
        };
        self.selected_event = Some(index);
        let (start, end) = (event.start_days(), event.end_days());
        let target = self.target_view();
        let margin = target.span_days * 0.05;
        if start >= target.start_days + margin && end <= target.end_days() - margin {
            return;
        }
        let duration = end - start;
        let view = if duration < target.span_days * 0.8 {
            let center = (start + end) / 2.0;
            TimeView {
                start_days: center - target.span_days / 2.0,
                span_days: target.span_days,
            }
        } else {
            TimeView::fitting(start, end, 0.1)
        };
        self.animate_to(view);
    }

    fn advance_animation(&mut self, ctx: &egui::Context) {
        let Some(animation) = self.animation else {
            return;
        };
        let progress = (self.now_seconds - animation.start_seconds) / ANIMATION_SECONDS;
        if progress >= 1.0 {
            self.view = animation.to;
            self.animation = None;
        } else {
            self.view =
                animation
                    .from
                    .interpolated(&animation.to, &self.explorer.axis_map, progress);
            ctx.request_repaint();
        }
    }

    fn keyboard_commands(&self, ctx: &egui::Context) -> Vec<AppCommand> {
        let mut commands = Vec::new();
        if ctx.egui_wants_keyboard_input() {
            return commands;
        }
        ctx.input(|input| {
            let shift = input.modifiers.shift;
            for event in &input.events {
                let egui::Event::Key {
                    key,
                    pressed: true,
                    modifiers,
                    ..
                } = event
                else {
                    continue;
                };
                if modifiers.command {
                    continue;
                }
                match key {
                    Key::Plus | Key::Equals => commands.push(AppCommand::ZoomAround {
                        anchor_fraction: 0.5,
                        factor: 1.5,
                    }),
                    Key::Minus => commands.push(AppCommand::ZoomAround {
                        anchor_fraction: 0.5,
                        factor: 1.0 / 1.5,
                    }),
                    Key::ArrowUp => commands.push(AppCommand::ZoomAround {
                        anchor_fraction: 0.5,
                        factor: 1.25,
                    }),
                    Key::ArrowDown => commands.push(AppCommand::ZoomAround {
                        anchor_fraction: 0.5,
                        factor: 0.8,
                    }),
                    Key::Home => commands.push(AppCommand::FitAll),
                    Key::ArrowLeft | Key::ArrowRight => {
                        let direction = if *key == Key::ArrowLeft { -1 } else { 1 };
                        if shift || self.selected_event.is_none() {
                            commands.push(AppCommand::PanByFraction(0.1 * f64::from(direction)));
                        } else {
                            commands.push(AppCommand::StepSelection(direction));
                        }
                    }
                    Key::Escape if self.presenting => {
                        commands.push(AppCommand::SetPresenting(false));
                    }
                    Key::Escape => commands.push(AppCommand::SelectEvent(None)),
                    Key::F11 => commands.push(AppCommand::SetPresenting(!self.presenting)),
                    Key::L => {
                        let mut settings = self.settings.clone();
                        settings.show_publication_lag = !settings.show_publication_lag;
                        commands.push(AppCommand::SetSettings(Box::new(settings)));
                    }
                    _ => {}
                }
            }
        });
        commands
    }

    /// The menus, toolbar, notifications and side panels (all hidden while presenting).
    fn panels_ui(&mut self, ui: &mut Ui, commands: &mut Vec<AppCommand>) {
        egui::Panel::top("top_bar").show(ui, |ui| {
            ui::top_bar_ui::menu_bar_ui(
                ui,
                &self.settings,
                self.running_change.is_some(),
                commands,
            );
            ui::top_bar_ui::toolbar_ui(ui, &self.explorer, &self.settings, &self.filter, commands);
            self.loading_ui(ui, commands);
            self.article_batch_progress_line_ui(ui, commands);
            self.notifications.notifications_ui(ui);
        });
        if self.settings.show_overview {
            egui::Panel::bottom("overview")
                .resizable(true)
                .default_size(80.0)
                .min_size(50.0)
                .show(ui, |ui| {
                    let accent = ui.visuals().selection.stroke.color;
                    commands.extend(ui::overview_ui::overview_ui(
                        ui,
                        &self.explorer,
                        self.view,
                        accent,
                    ));
                });
        }
        let window_width = ui.max_rect().width();
        let right_shown =
            self.settings.show_quotes || self.settings.show_details || self.settings.show_findings;
        if self.settings.show_sources {
            use panel_widths::{RIGHT_PANEL, SOURCES_PANEL};
            let right_width = if right_shown {
                let right_max = RIGHT_PANEL.max_width(window_width, SOURCES_PANEL.min_width);
                RIGHT_PANEL.width_for(self.settings.right_panel_width, right_max)
            } else {
                0.0
            };
            let max = SOURCES_PANEL.max_width(window_width, right_width);
            let width = SOURCES_PANEL.width_for(self.settings.sources_panel_width, max);
            let shown = egui::Panel::left("sources")
                .resizable(true)
                .default_size(width)
                .min_size(SOURCES_PANEL.min_width)
                .max_size(max)
                .show(ui, |ui| {
                    ui::sources_panel_ui::sources_panel_ui(
                        ui,
                        &self.explorer,
                        &self.filter,
                        self.selected_event,
                        self.running_change.is_some(),
                        commands,
                    );
                });
            self.settings.sources_panel_width = Some(shown.response.rect.width());
        }
        if right_shown {
            use panel_widths::RIGHT_PANEL;
            // The Sources panel's width as just drawn.
            let left_width = if self.settings.show_sources {
                self.settings.sources_panel_width.unwrap_or(0.0)
            } else {
                0.0
            };
            let max = RIGHT_PANEL.max_width(window_width, left_width);
            let width = RIGHT_PANEL.width_for(self.settings.right_panel_width, max);
            let shown = egui::Panel::right("right")
                .resizable(true)
                .default_size(width)
                .min_size(RIGHT_PANEL.min_width)
                .max_size(max)
                .show(ui, |ui| self.right_panel_ui(ui, commands));
            self.settings.right_panel_width = Some(shown.response.rect.width());
        }
    }

    /// Details, Quotes and Findings, top to bottom, each shown one taking its share of the
    /// panel's height (see `panel_widths::right_panel_heights`).
    fn right_panel_ui(&self, ui: &mut Ui, commands: &mut Vec<AppCommand>) {
        let heights = panel_widths::right_panel_heights(
            ui.available_height(),
            self.settings.show_details,
            self.settings.show_quotes,
            self.settings.show_findings,
            self.selected_event.is_none(),
        );
        let section = |ui: &mut Ui, height: Option<f32>, add: &mut dyn FnMut(&mut Ui)| {
            match height {
                Some(height) => {
                    let size = egui::vec2(ui.available_width(), height);
                    ui.allocate_ui_with_layout(
                        size,
                        egui::Layout::top_down(egui::Align::Min),
                        |ui| {
                            ui.set_min_size(size);
                            add(ui);
                        },
                    );
                    ui.separator();
                }
                // The last section shown takes what is left.
                None => add(ui),
            }
        };
        if self.settings.show_details {
            section(ui, heights.details, &mut |ui| {
                ui::details_panel_ui::details_panel_ui(
                    ui,
                    &self.explorer,
                    &self.findings,
                    self.selected_event,
                    commands,
                );
            });
        }
        if self.settings.show_quotes {
            section(ui, heights.quotes, &mut |ui| {
                ui::quotes_panel_ui::quotes_panel_ui(
                    ui,
                    &self.explorer,
                    &self.speaker_filter,
                    self.selected_event,
                    commands,
                );
            });
        }
        if self.settings.show_findings {
            section(ui, None, &mut |ui| {
                ui::findings_panel_ui::findings_panel_ui(
                    ui,
                    &self.findings,
                    &self.explorer,
                    self.selected_event,
                    commands,
                );
            });
        }
    }

    fn apply_theme(&self, ctx: &egui::Context) {
        // Light and high contrast are both light: compare whole visuals, not only dark_mode.
        let mut visuals = visuals_for(self.settings.theme);
        if self.window_clears_to_timeline_background {
            // The window is cleared to the panels' colour (`clear_color`): panels need not
            // paint every one of their pixels again.
            visuals.panel_fill = egui::Color32::TRANSPARENT;
        }
        if ctx.global_style().visuals != visuals {
            ctx.set_visuals(visuals);
        }
    }

    /// The whole window for one frame.
    pub fn frame_ui(&mut self, ui: &mut Ui) {
        let ctx = ui.ctx().clone();
        self.now_seconds = ctx.input(|i| i.time);
        self.apply_theme(&ctx);
        self.advance_animation(&ctx);
        let mut commands = Vec::new();
        if ctx.input_mut(|i| i.consume_shortcut(&ui::top_bar_ui::SEARCH_SHORTCUT)) {
            ctx.memory_mut(|m| m.request_focus(egui::Id::unique(ui::top_bar_ui::SEARCH_ID)));
        }
        commands.extend(self.keyboard_commands(&ctx));
        commands.extend(file_shortcut_commands(&ctx));
        commands.extend(self.take_dropped_files(&ctx));
        if let Some(answer) = self.dialogs.poll_answer() {
            commands.extend(self.handle_dialog_answer(answer));
        }
        self.poll_changes(&ctx);
        self.poll_article_batch(&ctx);

        let palette = Palette::for_theme(self.settings.theme);
        if !self.presenting {
            self.panels_ui(ui, &mut commands);
        }
        let layout_options = LayoutOptions {
            text_scale: if self.presenting {
                picture_actions::PRESENTATION_TEXT_SCALE
            } else {
                1.0
            },
            show_legend: true,
            omit_empty_lanes: false,
            finding_marks: if self.settings.show_finding_marks {
                FindingKinds::marked_by_default()
            } else {
                FindingKinds::NONE
            },
            publication_lag: self.settings.show_publication_lag,
        };
        egui::CentralPanel::no_frame().show(ui, |ui| {
            commands.extend(ui::timeline_ui::timeline_ui(
                ui,
                &self.explorer,
                self.view,
                self.selected_event,
                &palette,
                layout_options,
                self.window_clears_to_timeline_background
                    .then_some(palette.background),
            ));
        });
        if self.presenting {
            self.presentation_hint_ui(&ctx);
        }
        export_dialog_ui(
            &ctx,
            &mut self.export_dialog,
            &self.explorer,
            self.view,
            &mut commands,
        );

        if let Some(ArticleImportAction::Add { label, set }) =
            article_import_window_ui(&ctx, &mut self.article_import, &mut commands)
        {
            self.request_change(DataChange::AddSet {
                label,
                set: Box::new(set),
            });
        }

        self.article_batch_window_ui(&ctx);

        // Commands first, in order: what the widgets asked for this frame is shown at once.
        for command in commands {
            self.apply_in_frame(command, &ctx);
        }
        if self.running_change.is_none() && !self.queued_changes.is_empty() {
            self.poll_changes(&ctx);
        }
        let changed = self.explorer.update(
            &self.filter,
            self.settings.lane_mode,
            self.settings.compress_quiet_years,
        );
        if changed {
            ctx.request_repaint();
        }
        if let Some(selected) = self.selected_event
            && !self
                .explorer
                .filter_result
                .visible_events
                .get(selected)
                .copied()
                .unwrap_or(false)
        {
            self.selected_event = None;
        }
        self.view = self.explorer.clamp(self.view);
        drop_hint_ui(&ctx);
        if self.animation.is_some() {
            ctx.request_repaint();
        }
    }
}

impl ChronoscopeApp {
    /// Keeps this frame's `ui()` time and eframe's CPU time of the previous frame.
    fn record_frame_time(&mut self, ui_time: std::time::Duration, eframe_cpu_seconds: Option<f32>) {
        let sample = FrameSample {
            ui_ms: ui_time.as_secs_f64() * 1000.0,
            eframe_cpu_ms: eframe_cpu_seconds.map(|s| f64::from(s) * 1000.0),
        };
        self.frame_times.push(sample);
        if let Some(log) = &mut self.frame_time_log
            && let Some(line) = log.push(self.now_seconds, sample)
        {
            eprintln!("{line}");
        }
    }
}

impl eframe::App for ChronoscopeApp {
    fn ui(&mut self, ui: &mut Ui, frame: &mut eframe::Frame) {
        let started = std::time::Instant::now();
        // eframe's OpenGL painter clears to `clear_color` before `ui`; tests have no GL.
        self.window_clears_to_timeline_background = frame.gl().is_some();
        self.frame_ui(ui);
        if self.settings.show_frame_times {
            ui::frame_times_ui::frame_times_ui(ui.ctx(), &self.frame_times);
        }
        self.record_frame_time(started.elapsed(), frame.info().cpu_usage);
    }

    /// The timeline's background, which is also the panels' (see `apply_theme`): the window's
    /// pixels are then cleared once instead of painted over.
    fn clear_color(&self, _visuals: &egui::Visuals) -> [f32; 4] {
        ui::egui_painter::color32(Palette::for_theme(self.settings.theme).background)
            .to_normalized_gamma_f32()
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        self.settings.view = Some(self.target_view());
        eframe::set_value(storage, eframe::APP_KEY, &self.settings);
    }
}

pub use crate::ui::theme_visuals::visuals_for;

fn startup_notifications(messages: Vec<String>) -> Notifications {
    let mut notifications = Notifications::default();
    if !messages.is_empty() {
        notifications.push(
            NotificationKind::Error,
            "Some files given on the command line did not load",
            messages,
        );
    }
    notifications
}

/// Ctrl+O, Ctrl+Shift+O, Ctrl+S, Ctrl+E and Ctrl+Shift+C (Cmd on macOS).
fn file_shortcut_commands(ctx: &egui::Context) -> Vec<AppCommand> {
    use ui::top_bar_ui::{
        ADD_SHORTCUT, COPY_IMAGE_SHORTCUT, EXPORT_SHORTCUT, OPEN_SHORTCUT, SAVE_SHORTCUT,
    };
    let mut commands = Vec::new();
    ctx.input_mut(|input| {
        // Ctrl+Shift+O first: Ctrl+O would also match it.
        if input.consume_shortcut(&ADD_SHORTCUT) {
            commands.push(AppCommand::ShowDialog(DialogPurpose::Add));
        }
        if input.consume_shortcut(&OPEN_SHORTCUT) {
            commands.push(AppCommand::ShowDialog(DialogPurpose::Open));
        }
        if input.consume_shortcut(&SAVE_SHORTCUT) {
            commands.push(AppCommand::ShowDialog(DialogPurpose::SaveAs));
        }
        if input.consume_shortcut(&EXPORT_SHORTCUT) {
            commands.push(AppCommand::OpenExportDialog);
        }
        // Ctrl+Shift+C before anything that would take Ctrl+C.
        if input.consume_shortcut(&COPY_IMAGE_SHORTCUT) {
            commands.push(AppCommand::CopyViewImage);
        }
    });
    commands
}

/// While files are dragged over the window, say what dropping them does.
fn drop_hint_ui(ctx: &egui::Context) {
    let hovering = ctx.input(|input| !input.raw.hovered_files.is_empty());
    if !hovering {
        return;
    }
    let screen = ctx.content_rect();
    let painter = ctx.layer_painter(egui::LayerId::new(
        egui::Order::Foreground,
        egui::Id::unique("drop hint"),
    ));
    painter.rect_filled(screen, 0.0, egui::Color32::from_black_alpha(170));
    painter.text(
        screen.center(),
        egui::Align2::CENTER_CENTER,
        "Drop to add these files to the timeline",
        egui::FontId::proportional(22.0),
        egui::Color32::WHITE,
    );
}
