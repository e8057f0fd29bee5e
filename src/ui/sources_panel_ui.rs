//! The Sources panel: each article with its outlet, date, link and counts, a toggle to hide its
//! items, and the list of search matches while searching.

use egui::{RichText, ScrollArea, Ui};

use crate::app::command::AppCommand;
use crate::explorer::Explorer;
use crate::filter::Filter;

pub fn sources_panel_ui(
    ui: &mut Ui,
    explorer: &Explorer,
    filter: &mut Filter,
    commands: &mut Vec<AppCommand>,
) {
    if explorer.filter_result.searching {
        search_matches_ui(ui, explorer, commands);
        ui.separator();
    }
    ui.heading("Sources");
    ui.weak(format!(
        "{} events, {} quotes, {} sources",
        explorer.dataset.events.len(),
        explorer.dataset.quotes.len(),
        explorer.dataset.sources.len()
    ));
    ui.add_space(4.0);
    ScrollArea::vertical().id_salt("sources").show(ui, |ui| {
        for (index, source) in explorer.dataset.sources.iter().enumerate() {
            let (events, quotes) = explorer
                .source_counts
                .get(index)
                .copied()
                .unwrap_or_default();
            egui::Frame::group(ui.style()).show(ui, |ui| {
                ui.set_width(ui.available_width());
                ui.horizontal(|ui| {
                    let mut shown = !filter.hidden_sources.contains(&source.id);
                    let toggle = ui
                        .checkbox(&mut shown, RichText::new(&source.outlet).strong())
                        .on_hover_text("Show or hide this source's events and quotes");
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
                if let Some(notes) = &source.notes {
                    egui::CollapsingHeader::new("Notes")
                        .id_salt(("source notes", index))
                        .show(ui, |ui| {
                            ui.label(notes);
                        });
                }
            });
        }
    });
}

fn search_matches_ui(ui: &mut Ui, explorer: &Explorer, commands: &mut Vec<AppCommand>) {
    let matches = &explorer.filter_result.matching_events;
    ui.heading(format!("Matches ({})", matches.len()));
    let row_height = ui.text_style_height(&egui::TextStyle::Body) + 4.0;
    ScrollArea::vertical()
        .id_salt("matches")
        .max_height(220.0)
        .show_rows(ui, row_height, matches.len(), |ui, rows| {
            for index in &matches[rows] {
                let Some(event) = explorer.dataset.events.get(*index) else {
                    continue;
                };
                let text = format!("{}  {}", event.date.display(), event.title());
                if ui.selectable_label(false, text).clicked() {
                    commands.push(AppCommand::RevealEvent(*index));
                }
            }
        });
}
