//! Details of the selected event: date with its precision, summary, actors, reference, its
//! sources (with the days from the event to their publication), quotes and findings.

use egui::{RichText, Ui};

use crate::app::command::AppCommand;
use crate::checks::findings_by_kind::{FindingsByKind, kind_heading};
use crate::explorer::Explorer;
use crate::model::date::Precision;
use crate::timeline::lag_ticks::lag_days;

/// "published the same day", "published 3 days later", "published 2 days before".
pub fn lag_text(lag_days: i64) -> String {
    let days = |n: i64| {
        if n == 1 {
            "1 day".to_owned()
        } else {
            format!("{n} days")
        }
    };
    match lag_days {
        0 => "published the same day".to_owned(),
        n if n > 0 => format!("published {} later", days(n)),
        n => format!("published {} before", days(-n)),
    }
}

pub fn details_panel_ui(
    ui: &mut Ui,
    explorer: &Explorer,
    findings: &FindingsByKind,
    selected_event: Option<usize>,
    commands: &mut Vec<AppCommand>,
) {
    let dataset = &explorer.dataset;
    let Some(index) = selected_event else {
        ui.heading("Details");
        ui.weak("Click an event or a quote to see its details. The Left and Right arrow keys step through events.");
        return;
    };
    let Some(event) = dataset.events.get(index) else {
        return;
    };
    // Another event starts at its top, not where the last one was scrolled to.
    let shown_id = egui::Id::unique("details: event shown");
    let mut scroll_area = egui::ScrollArea::vertical().id_salt("details");
    if ui.data(|data| data.get_temp::<usize>(shown_id)) != Some(index) {
        scroll_area = scroll_area.vertical_scroll_offset(0.0);
        ui.data_mut(|data| data.insert_temp(shown_id, index));
    }
    scroll_area.show(ui, |ui| {
        ui.label(RichText::new(event.title()).heading());
        let precision = match event.date.precision() {
            Precision::Day => "day",
            Precision::Month => "month",
            Precision::Year => "year",
        };
        let mut date = event.date.display();
        if let Some(end) = &event.end {
            date = format!("{date} – {}", end.display());
        }
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new(date).strong());
            ui.weak(format!("(precision: {precision})"));
            if event.approximate {
                ui.label(RichText::new("approximate").italics());
            }
        });
        ui.label(format!("Category: {}", event.category.label()));
        if !event.summary().is_empty() {
            ui.add_space(4.0);
            ui.label(event.summary());
        }
        let actors: Vec<&str> = dataset.actors_of(event).collect();
        if !actors.is_empty() {
            ui.add_space(4.0);
            ui.label(format!("Actors: {}", actors.join(", ")));
        }
        let tags: Vec<&str> = dataset.tags_of(event).collect();
        if !tags.is_empty() {
            ui.weak(format!("Tags: {}", tags.join(", ")));
        }
        if let Some(reference) = event.reference() {
            ui.add_space(4.0);
            ui.horizontal_wrapped(|ui| {
                ui.label("Reference:");
                ui.hyperlink(reference);
            });
        }
        if !event.sources().is_empty() {
            ui.add_space(4.0);
            ui.label(RichText::new("Sources").strong());
            for source in event
                .sources()
                .iter()
                .filter_map(|s| dataset.sources.get(s))
            {
                let text = format!(
                    "{}, {}: {} ({})",
                    source.outlet,
                    source.published.display(),
                    source.title,
                    lag_text(lag_days(event, source))
                );
                match &source.url {
                    Some(url) => {
                        ui.hyperlink_to(text, url);
                    }
                    None => {
                        ui.label(text);
                    }
                }
            }
        }
        let quotes: Vec<usize> = dataset.quotes_of_event(index).collect();
        if !quotes.is_empty() {
            ui.add_space(4.0);
            ui.label(RichText::new(format!("Quotes ({})", quotes.len())).strong());
            for quote_index in quotes {
                let Some(quote) = dataset.quotes.get(quote_index) else {
                    continue;
                };
                let mut text = format!("{}: “{}”", quote.speaker, quote.text);
                if !quote.verified {
                    text.push_str("  [unverified]");
                }
                if ui.selectable_label(false, text).clicked() {
                    commands.push(AppCommand::RevealQuote(quote_index));
                }
            }
        }
        let places: Vec<_> = findings.by_event.places_of(index).collect();
        if !places.is_empty() {
            ui.add_space(4.0);
            ui.label(RichText::new(format!("Findings ({})", places.len())).strong());
            for place in places {
                let Some(group) = findings.groups.get(place.group) else {
                    continue;
                };
                let Some(listed) = group.findings.get(place.index) else {
                    continue;
                };
                ui.horizontal_wrapped(|ui| {
                    ui.label(
                        RichText::new(format!("{}:", kind_heading(group.kind)))
                            .color(ui.visuals().warn_fg_color),
                    );
                    ui.label(&listed.finding.message);
                });
            }
        }
        if !event.files().is_empty() {
            ui.add_space(4.0);
            let files: Vec<&str> = event
                .files()
                .iter()
                .filter_map(|f| dataset.files.get(f).map(|file| file.label.as_str()))
                .collect();
            ui.weak(format!("From: {}", files.join(", ")));
        }
    });
}
