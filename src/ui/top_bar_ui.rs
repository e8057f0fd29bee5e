//! The top bar: menus, range presets, zoom buttons, search and filters.

use egui::{Key, KeyboardShortcut, Modifiers, Ui};

use crate::app::command::AppCommand;
use crate::app::file_dialogs::DialogPurpose;
use crate::app::settings::Settings;
use crate::explore::lanes::LaneMode;
use crate::explorer::Explorer;
use crate::filter::Filter;
use crate::model::category::Category;
use crate::timeline::palette::Theme;

pub const SEARCH_SHORTCUT: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::F);
pub const SEARCH_ID: &str = "search";

pub const OPEN_SHORTCUT: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::O);
pub const ADD_SHORTCUT: KeyboardShortcut =
    KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::O);
pub const SAVE_SHORTCUT: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::S);
pub const EXPORT_SHORTCUT: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::E);
pub const COPY_IMAGE_SHORTCUT: KeyboardShortcut =
    KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::C);
pub const PRESENT_SHORTCUT: KeyboardShortcut = KeyboardShortcut::new(Modifiers::NONE, Key::F11);

/// The menus; a changed setting emits [`AppCommand::SetSettings`].
pub fn menu_bar_ui(
    ui: &mut Ui,
    settings: &Settings,
    loading: bool,
    commands: &mut Vec<AppCommand>,
) {
    let mut edited = settings.clone();
    menus_ui(ui, &mut edited, loading, commands);
    if edited != *settings {
        commands.push(AppCommand::SetSettings(Box::new(edited)));
    }
}

fn menus_ui(ui: &mut Ui, settings: &mut Settings, loading: bool, commands: &mut Vec<AppCommand>) {
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button("File", |ui| file_menu_ui(ui, settings, loading, commands));
        ui.menu_button("View", |ui| {
            ui.checkbox(&mut settings.show_sources, "Sources panel");
            ui.checkbox(&mut settings.show_quotes, "Quotes panel");
            ui.checkbox(&mut settings.show_details, "Details panel");
            ui.checkbox(&mut settings.show_findings, "Findings");
            ui.checkbox(&mut settings.show_finding_marks, "Finding marks")
                .on_hover_text(
                    "A warning triangle on events with findings (stale phrases, after \
                     publication, unverified quotes, quote variants); single-source events \
                     are shown by the Independent sources filter (Sources panel) instead",
                );
            ui.checkbox(&mut settings.show_publication_lag, "Publication lag (L)")
                .on_hover_text(
                    "For each event on screen, a tick at the publication date of each of its \
                     sources, joined to the event: the lag between what happened and its report",
                );
            ui.checkbox(&mut settings.show_overview, "Overview strip");
            ui.checkbox(&mut settings.show_frame_times, "Frame times");
            ui.separator();
            ui.label("Theme");
            for theme in Theme::ALL {
                ui.radio_value(&mut settings.theme, theme, theme.label());
            }
            ui.separator();
            ui.label("Lanes by");
            for mode in LaneMode::ALL {
                ui.radio_value(&mut settings.lane_mode, mode, mode.label());
            }
            ui.separator();
            ui.checkbox(&mut settings.compress_quiet_years, "Compress quiet years");
        });
        ui.menu_button("Help", |ui| {
            ui.label("Wheel, pinch, Ctrl+wheel or +/-: zoom at the cursor");
            ui.label(
                "Drag or Shift+Left/Right: pan · Up/Down: zoom · Home or double-click: fit all",
            );
            ui.label("Left/Right: previous/next event · Ctrl+F: search · Esc: clear the selection");
            ui.label("L: publication lag on or off");
        });
    });
}

fn file_menu_ui(ui: &mut Ui, settings: &Settings, loading: bool, commands: &mut Vec<AppCommand>) {
    let ctx = ui.ctx().clone();
    let shortcut = |shortcut: &KeyboardShortcut| ctx.format_shortcut(shortcut);
    let (open, add, save) = (
        shortcut(&OPEN_SHORTCUT),
        shortcut(&ADD_SHORTCUT),
        shortcut(&SAVE_SHORTCUT),
    );
    let item = |ui: &mut Ui, label: &str, shortcut: &str| {
        ui.add(egui::Button::new(label).shortcut_text(shortcut))
    };
    if item(ui, "Open…", &open)
        .on_hover_text("Replace what is loaded by article sets, TimelineJS files or CSV")
        .clicked()
    {
        commands.push(AppCommand::ShowDialog(DialogPurpose::Open));
    }
    if item(ui, "Add article set…", &add)
        .on_hover_text(
            "Merge more files into what is loaded (you can also drop files on the window)",
        )
        .clicked()
    {
        commands.push(AppCommand::ShowDialog(DialogPurpose::Add));
    }
    if item(ui, "Import article text…", "")
        .on_hover_text("A news article as plain text: its quotes and dates")
        .clicked()
    {
        commands.push(AppCommand::OpenArticleImport);
    }
    if item(ui, "Import articles from folder…", "")
        .on_hover_text(
            "Every article file of a folder (.txt, .text, .md, .html, .htm) as one set, with a \
             summary first (you can also drop several article files or a folder on the window)",
        )
        .clicked()
    {
        commands.push(AppCommand::ShowDialog(DialogPurpose::ImportArticleFolder));
    }
    ui.menu_button("Open recent", |ui| {
        if settings.recent_files.is_empty() {
            ui.weak("No recent files");
        }
        for path in &settings.recent_files {
            let name = path
                .file_name()
                .map(|name| name.to_string_lossy().into_owned())
                .unwrap_or_else(|| path.display().to_string());
            if ui
                .button(name)
                .on_hover_text(path.display().to_string())
                .clicked()
            {
                commands.push(AppCommand::OpenFiles(vec![path.clone()]));
            }
        }
    });
    ui.menu_button("Built-in chronology", |ui| {
        if ui.button("Open it alone").clicked() {
            commands.push(AppCommand::LoadBuiltin { replace: true });
        }
        if ui.button("Add it to what is loaded").clicked() {
            commands.push(AppCommand::LoadBuiltin { replace: false });
        }
    });
    ui.separator();
    if item(ui, "Save as…", &save)
        .on_hover_text("Write everything loaded as one article set")
        .clicked()
    {
        commands.push(AppCommand::ShowDialog(DialogPurpose::SaveAs));
    }
    ui.separator();
    if item(ui, "Export image…", &shortcut(&EXPORT_SHORTCUT))
        .on_hover_text("A PNG or SVG picture of a period, for slides")
        .clicked()
    {
        commands.push(AppCommand::OpenExportDialog);
    }
    if item(ui, "Copy image", &shortcut(&COPY_IMAGE_SHORTCUT))
        .on_hover_text("Put a PNG picture of the current view on the clipboard")
        .clicked()
    {
        commands.push(AppCommand::CopyViewImage);
    }
    if item(ui, "Presentation mode", &shortcut(&PRESENT_SHORTCUT))
        .on_hover_text("Only the timeline, larger text, full screen; Esc leaves")
        .clicked()
    {
        commands.push(AppCommand::SetPresenting(true));
    }
    if loading && ui.button("Cancel loading").clicked() {
        commands.push(AppCommand::CancelLoading);
    }
    ui.separator();
    if ui.button("Quit").clicked() {
        ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
    }
}

/// The toolbar; a changed setting or filter emits [`AppCommand::SetSettings`] or
/// [`AppCommand::SetFilter`].
pub fn toolbar_ui(
    ui: &mut Ui,
    explorer: &Explorer,
    settings: &Settings,
    filter: &Filter,
    commands: &mut Vec<AppCommand>,
) {
    let mut edited_settings = settings.clone();
    let mut edited_filter = filter.clone();
    tools_ui(
        ui,
        explorer,
        &mut edited_settings,
        &mut edited_filter,
        commands,
    );
    if edited_settings != *settings {
        commands.push(AppCommand::SetSettings(Box::new(edited_settings)));
    }
    if edited_filter != *filter {
        commands.push(AppCommand::SetFilter(edited_filter));
    }
}

fn tools_ui(
    ui: &mut Ui,
    explorer: &Explorer,
    settings: &mut Settings,
    filter: &mut Filter,
    commands: &mut Vec<AppCommand>,
) {
    ui.horizontal_wrapped(|ui| {
        for preset in &explorer.presets {
            if ui
                .button(&preset.label)
                .on_hover_text(&preset.description)
                .clicked()
            {
                commands.push(AppCommand::ShowPreset(preset.clone()));
            }
        }
        ui.separator();
        if ui.button("−").on_hover_text("Zoom out (−)").clicked() {
            commands.push(AppCommand::ZoomAround {
                anchor_fraction: 0.5,
                factor: 0.5,
            });
        }
        if ui.button("+").on_hover_text("Zoom in (+)").clicked() {
            commands.push(AppCommand::ZoomAround {
                anchor_fraction: 0.5,
                factor: 2.0,
            });
        }
        ui.separator();
        let search = egui::TextEdit::singleline(&mut filter.query)
            .id(egui::Id::unique(SEARCH_ID))
            .hint_text("Search (Ctrl+F)")
            .desired_width(180.0);
        ui.add(search).on_hover_text("Search events and quotes");
        if !filter.query.is_empty()
            && ui
                .small_button("Clear")
                .on_hover_text("Clear the search")
                .clicked()
        {
            filter.query.clear();
        }
        ui.separator();
        categories_menu_ui(ui, filter, explorer.dataset.has_category(Category::Other));
        actor_filter_ui(ui, explorer, filter);
        let label = ui.label("Lanes by");
        egui::ComboBox::from_id_salt("lanes")
            .selected_text(settings.lane_mode.label())
            .show_ui(ui, |ui| {
                for mode in LaneMode::ALL {
                    ui.selectable_value(&mut settings.lane_mode, mode, mode.label());
                }
            })
            .response
            .labelled_by(label.id);
        ui.checkbox(&mut settings.compress_quiet_years, "Compress quiet years")
            .on_hover_text("Give stretches with few events less width (marked with a break)");
        let dark = settings.theme.is_dark();
        let theme_label = if dark { "Light theme" } else { "Dark theme" };
        if ui
            .button(theme_label)
            .on_hover_text("Switch between light and dark")
            .clicked()
        {
            settings.theme = if dark { Theme::Light } else { Theme::Dark };
        }
        ui.separator();
        if ui
            .button("Export image…")
            .on_hover_text("A PNG or SVG picture of a period, for slides (Ctrl+E)")
            .clicked()
        {
            commands.push(AppCommand::OpenExportDialog);
        }
        if ui
            .button("Present")
            .on_hover_text("Only the timeline, larger text, full screen (F11; Esc leaves)")
            .clicked()
        {
            commands.push(AppCommand::SetPresenting(true));
        }
    });
}

fn categories_menu_ui(ui: &mut Ui, filter: &mut Filter, dataset_has_other: bool) {
    let hidden = filter.hidden_categories.len();
    let title = if hidden == 0 {
        "Categories".to_owned()
    } else {
        format!("Categories ({} hidden)", hidden)
    };
    // The menu stays open while categories are ticked; a click elsewhere closes it.
    let config = egui::containers::menu::MenuConfig::new()
        .close_behavior(egui::PopupCloseBehavior::CloseOnClickOutside);
    egui::containers::menu::MenuButton::new(title)
        .config(config)
        .ui(ui, |ui| {
            for category in Category::ALL
                .into_iter()
                .filter(|c| *c != Category::Other || dataset_has_other)
            {
                let mut shown = !filter.hidden_categories.contains(&category);
                if ui.checkbox(&mut shown, category.label()).changed() {
                    if shown {
                        filter.hidden_categories.remove(&category);
                    } else {
                        filter.hidden_categories.insert(category);
                    }
                }
            }
            if ui.button("Show all").clicked() {
                filter.hidden_categories.clear();
            }
        });
}

fn actor_filter_ui(ui: &mut Ui, explorer: &Explorer, filter: &mut Filter) {
    let label = ui.label("Actor");
    egui::ComboBox::from_id_salt("actor")
        .selected_text(filter.actor.as_deref().unwrap_or("All actors"))
        .height(400.0)
        .show_ui(ui, |ui| {
            ui.selectable_value(&mut filter.actor, None, "All actors");
            for actor in explorer.actors.iter().take(200) {
                ui.selectable_value(&mut filter.actor, Some(actor.clone()), actor);
            }
        })
        .response
        .labelled_by(label.id);
}
