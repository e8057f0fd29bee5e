//! The Sources panel: the loaded sets (show, hide, remove), each with its articles (outlet, date,
//! link, counts, a toggle to hide their items), and the list of search matches while searching.

use egui::{RichText, ScrollArea, Ui};

use crate::app::command::AppCommand;
use crate::explorer::Explorer;
use crate::filter::{Filter, IndependentSources};

/// The panel; showing or hiding a set or a source emits [`AppCommand::SetFilter`].
pub fn sources_panel_ui(
    ui: &mut Ui,
    explorer: &Explorer,
    filter: &Filter,
    selected_event: Option<usize>,
    loading: bool,
    commands: &mut Vec<AppCommand>,
) {
    let mut edited = filter.clone();
    sources_ui(ui, explorer, &mut edited, selected_event, loading, commands);
    if edited != *filter {
        commands.push(AppCommand::SetFilter(edited));
    }
}

fn sources_ui(
    ui: &mut Ui,
    explorer: &Explorer,
    filter: &mut Filter,
    selected_event: Option<usize>,
    loading: bool,
    commands: &mut Vec<AppCommand>,
) {
    if explorer.filter_result.searching {
        search_matches_ui(ui, explorer, selected_event, commands);
        ui.separator();
    }
    ui.heading("Sources");
    ui.weak(format!(
        "{} events, {} quotes, {} sources in {} loaded {}",
        explorer.dataset.events.len(),
        explorer.dataset.quotes.len(),
        explorer.dataset.sources.len(),
        explorer.dataset.files.len(),
        if explorer.dataset.files.len() == 1 {
            "set"
        } else {
            "sets"
        }
    ));
    if explorer.dataset.files.is_empty() {
        ui.label("Nothing is loaded. Use File > Open or Add, or drop files on the window.");
    }
    ui.add_space(2.0);
    independent_sources_filter_ui(ui, filter);
    ui.add_space(4.0);
    ScrollArea::vertical().id_salt("sources").show(ui, |ui| {
        for file in 0..explorer.dataset.files.len() {
            loaded_set_ui(ui, explorer, filter, file, loading, commands);
        }
    });
}

/// Events by their number of independent sources (one outlet counts once).
fn independent_sources_filter_ui(ui: &mut Ui, filter: &mut Filter) {
    ui.horizontal_wrapped(|ui| {
        let label = ui.label("Independent sources");
        egui::ComboBox::from_id_salt("independent sources")
            .selected_text(filter.independent_sources.label())
            .show_ui(ui, |ui| {
                for choice in IndependentSources::ALL {
                    ui.selectable_value(&mut filter.independent_sources, choice, choice.label());
                }
            })
            .response
            .labelled_by(label.id)
            .on_hover_text(
                "Events by how many independent sources support them: an outlet counts once \
             however many of its articles are cited, and a reference link counts as another \
             source only when it is on another site",
            );
    });
}

/// One loaded set: a header to show, hide or remove it, then its sources.
fn loaded_set_ui(
    ui: &mut Ui,
    explorer: &Explorer,
    filter: &mut Filter,
    file: usize,
    loading: bool,
    commands: &mut Vec<AppCommand>,
) {
    let Some(loaded) = explorer.dataset.files.get(file) else {
        return;
    };
    let (events, quotes) = explorer.file_counts.get(file).copied().unwrap_or_default();
    let id = ui.make_persistent_id(("loaded set", file, &loaded.label));
    egui::collapsing_header::CollapsingState::load_with_default_open(ui.ctx(), id, true)
        .show_header(ui, |ui| {
            let mut shown = !filter.hidden_files.contains(&file);
            let title = if loaded.title.is_empty() {
                &loaded.label
            } else {
                &loaded.title
            };
            // A long (merged) title is cut short, whole on hover; Remove stays in the panel
            // (its width as last drawn is kept for it).
            let remove_width_id = egui::Id::unique("sources panel: Remove button width");
            let remove_room = ui
                .data(|data| data.get_temp::<f32>(remove_width_id))
                .unwrap_or(REMOVE_BUTTON_WIDTH)
                + ui.spacing().item_spacing.x;
            let toggle = ui
                .scope(|ui| {
                    ui.set_max_width((ui.available_width() - remove_room).max(40.0));
                    ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Truncate);
                    ui.checkbox(&mut shown, RichText::new(title).strong())
                })
                .inner
                .on_hover_text(format!(
                    "{title}\n{}\nShow or hide what only this set has",
                    loaded.label
                ));
            if toggle.changed() {
                if shown {
                    filter.hidden_files.remove(&file);
                } else {
                    filter.hidden_files.insert(file);
                }
            }
            let remove = ui
                .add_enabled(!loading, egui::Button::new("Remove").small())
                .on_hover_text("Unload this set; items other sets also have stay")
                .on_disabled_hover_text("Wait for the running load to finish");
            ui.data_mut(|data| data.insert_temp(remove_width_id, remove.rect.width()));
            if remove.clicked() {
                commands.push(AppCommand::RemoveFile(file));
            }
        })
        .body(|ui| {
            ui.weak(format!(
                "{} · {events} events · {quotes} quotes",
                loaded.label
            ));
            // A TimelineJS file can bring tens of thousands of sources (one per media link):
            // the panel lays out only a page of them at a time, and more on request.
            let listed_id = id.with("sources listed");
            let limit = ui
                .data(|data| data.get_temp::<usize>(listed_id))
                .unwrap_or(SOURCES_PER_PAGE);
            let of_set = explorer
                .sources_of_file
                .get(file)
                .map_or(&[][..], Vec::as_slice);
            for &index in of_set.iter().take(limit) {
                source_ui(ui, explorer, filter, index, file);
            }
            let unlisted = of_set.len().saturating_sub(limit);
            if unlisted > 0 {
                let more = unlisted.min(SOURCES_PER_PAGE);
                let label = format!("Show {more} more ({unlisted} not listed)");
                if ui.button(label).clicked() {
                    ui.data_mut(|data| data.insert_temp(listed_id, limit + more));
                }
            }
        });
}

/// Room kept on a set's header line for its Remove button before it is first drawn, in points.
const REMOVE_BUTTON_WIDTH: f32 = 80.0;

/// Sources listed per loaded set before "Show more".
const SOURCES_PER_PAGE: usize = 100;

fn source_ui(ui: &mut Ui, explorer: &Explorer, filter: &mut Filter, index: usize, file: usize) {
    let Some(source) = explorer.dataset.sources.get(index) else {
        return;
    };
    let (events, quotes) = explorer
        .source_counts
        .get(index)
        .copied()
        .unwrap_or_default();
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.horizontal(|ui| {
            // A long outlet (a TimelineJS media credit) is cut short, whole on hover.
            ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Truncate);
            let mut shown = !filter.hidden_sources.contains(&source.id);
            let toggle = ui
                .checkbox(&mut shown, RichText::new(&source.outlet).strong())
                .on_hover_text(format!(
                    "{}\nShow or hide this source's events and quotes",
                    source.outlet
                ));
            if toggle.changed() {
                if shown {
                    filter.hidden_sources.remove(&source.id);
                } else {
                    filter.hidden_sources.insert(source.id.clone());
                }
            }
        });
        match &source.url {
            Some(url) => {
                ui.hyperlink_to(&source.title, url).on_hover_text(url);
            }
            None => {
                ui.label(&source.title);
            }
        }
        let mut line = format!("Published {}", source.published.display());
        if let Some(author) = &source.author {
            line.push_str(&format!(" · {author}"));
        }
        ui.weak(line);
        ui.label(format!("{events} events · {quotes} quotes"));
        if source.files.len() > 1 {
            let others: Vec<&str> = source
                .files
                .iter()
                .filter(|&&other| other != file)
                .filter_map(|&other| explorer.dataset.files.get(other))
                .map(|other| other.label.as_str())
                .collect();
            ui.weak(format!("Also in: {}", others.join(", ")));
        }
        if let Some(notes) = &source.notes {
            egui::CollapsingHeader::new("Notes")
                .id_salt(("source notes", index, file))
                .show(ui, |ui| {
                    ui.label(notes);
                });
        }
    });
}

/// The matches, one line each; clicking one selects it and brings it into view.
fn search_matches_ui(
    ui: &mut Ui,
    explorer: &Explorer,
    selected_event: Option<usize>,
    commands: &mut Vec<AppCommand>,
) {
    let matches = &explorer.filter_result.matching_events;
    ui.heading(format!("Matches ({})", matches.len()));
    let row_height = ui.text_style_height(&egui::TextStyle::Body) + 4.0;
    ScrollArea::vertical()
        .id_salt("matches")
        .max_height(220.0)
        .show_rows(ui, row_height, matches.len(), |ui, rows| {
            // One line per match, whole on hover.
            ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Truncate);
            for index in &matches[rows] {
                let Some(event) = explorer.dataset.events.get(*index) else {
                    continue;
                };
                let text = format!("{}  {}", event.date.display(), event.title());
                if ui
                    .selectable_label(selected_event == Some(*index), &text)
                    .on_hover_text(&text)
                    .clicked()
                {
                    commands.push(AppCommand::RevealEvent(*index));
                }
            }
        });
}
