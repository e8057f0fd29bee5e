//! The Quotes panel: who said what, when and where it was published; clicking a quote selects
//! its event and brings it into view.

use egui::{Color32, RichText, ScrollArea, Ui};

use crate::app::command::AppCommand;
use crate::explorer::Explorer;

/// More quotes than this are not listed at once (search or filter by speaker to narrow down).
const MAX_LISTED_QUOTES: usize = 500;

/// The panel; choosing a speaker emits [`AppCommand::SetSpeakerFilter`].
pub fn quotes_panel_ui(
    ui: &mut Ui,
    explorer: &Explorer,
    speaker_filter: &Option<String>,
    selected_event: Option<usize>,
    commands: &mut Vec<AppCommand>,
) {
    let dataset = &explorer.dataset;
    ui.heading("Quotes");
    let mut speakers: Vec<&str> = dataset.quotes.iter().map(|q| q.speaker.as_str()).collect();
    speakers.sort_unstable();
    speakers.dedup();
    ui.horizontal(|ui| {
        let label = ui.label("Speaker");
        let mut chosen = speaker_filter.clone();
        egui::ComboBox::from_id_salt("speaker")
            .selected_text(speaker_filter.as_deref().unwrap_or("All speakers"))
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut chosen, None, "All speakers");
                for speaker in speakers {
                    ui.selectable_value(&mut chosen, Some(speaker.to_owned()), speaker);
                }
            })
            .response
            .labelled_by(label.id);
        if chosen != *speaker_filter {
            commands.push(AppCommand::SetSpeakerFilter(chosen));
        }
    });
    let listed: Vec<usize> = explorer
        .filter_result
        .matching_quotes
        .iter()
        .copied()
        .filter(|q| {
            speaker_filter.as_ref().is_none_or(|speaker| {
                dataset
                    .quotes
                    .get(*q)
                    .is_some_and(|quote| &quote.speaker == speaker)
            })
        })
        .collect();
    ui.weak(format!("{} quotes", listed.len()));
    ui.add_space(4.0);
    ScrollArea::vertical().id_salt("quotes").show(ui, |ui| {
        for index in listed.iter().take(MAX_LISTED_QUOTES) {
            let Some(quote) = dataset.quotes.get(*index) else {
                continue;
            };
            let is_selected = quote.event.is_some() && quote.event == selected_event;
            egui::Frame::group(ui.style()).show(ui, |ui| {
                ui.set_width(ui.available_width());
                ui.horizontal_wrapped(|ui| {
                    ui.label(RichText::new(&quote.speaker).strong());
                    if let Some(role) = &quote.role {
                        ui.weak(role);
                    }
                });
                let text = RichText::new(format!("“{}”", quote.text)).italics();
                let response = ui
                    .selectable_label(is_selected, text)
                    .on_hover_text("Select the event this quote belongs to");
                if response.clicked() {
                    commands.push(AppCommand::RevealQuote(*index));
                }
                ui.horizontal_wrapped(|ui| {
                    let date = quote
                        .date
                        .or_else(|| dataset.sources.get(quote.source).map(|s| s.published));
                    if let Some(date) = date {
                        ui.weak(date.display());
                    }
                    if let Some(source) = dataset.sources.get(quote.source) {
                        match &source.url {
                            Some(url) => {
                                ui.hyperlink_to(&source.outlet, url);
                            }
                            None => {
                                ui.weak(&source.outlet);
                            }
                        }
                    }
                    if !quote.verified {
                        let badge = RichText::new("unverified")
                            .small()
                            .color(Color32::WHITE)
                            .background_color(Color32::from_rgb(0xB0, 0x3A, 0x2E));
                        let response = ui.label(badge);
                        if let Some(note) = &quote.note {
                            response.on_hover_text(note);
                        }
                    }
                });
            });
        }
        if listed.len() > MAX_LISTED_QUOTES {
            ui.weak(format!(
                "{} more: search or pick a speaker to narrow the list",
                listed.len() - MAX_LISTED_QUOTES
            ));
        }
    });
}
