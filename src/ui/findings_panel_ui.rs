//! The Findings section: the source criticism of the loaded data, one collapsing header per
//! kind with its count; a finding's link selects its event or quote and brings it into view.

use egui::{RichText, ScrollArea, Ui};

use crate::app::command::AppCommand;
use crate::checks::findings_by_kind::{FindingTarget, FindingsByKind, kind_heading};
use crate::explorer::Explorer;

/// Kinds with at most this many findings are open at first; the rest start closed.
const MAX_FINDINGS_OPEN_AT_FIRST: usize = 20;

/// More findings of one kind than this are not listed (`chronoscope check` lists them all).
const MAX_LISTED_PER_KIND: usize = 300;

/// How a finding's link names its target: the event's title and date, or the quote's speaker
/// and first words (never a raw id).
pub fn target_title(explorer: &Explorer, target: FindingTarget) -> Option<String> {
    let dataset = &explorer.dataset;
    match target {
        FindingTarget::Event(event) => {
            let event = dataset.events.get(event)?;
            Some(format!("{} ({})", event.title(), event.date.display()))
        }
        FindingTarget::Quote(quote) => {
            let quote = dataset.quotes.get(quote)?;
            let words: String = quote.text.chars().take(QUOTE_WORDS_SHOWN).collect();
            let cut = if quote.text.chars().count() > QUOTE_WORDS_SHOWN {
                "…"
            } else {
                ""
            };
            Some(format!("{}: “{}{cut}”", quote.speaker, words.trim_end()))
        }
    }
}

/// How many characters of a quote its link shows.
const QUOTE_WORDS_SHOWN: usize = 60;

/// The section; a finding's link emits [`AppCommand::RevealEvent`] or
/// [`AppCommand::RevealQuote`].
pub fn findings_panel_ui(
    ui: &mut Ui,
    findings: &FindingsByKind,
    explorer: &Explorer,
    selected_event: Option<usize>,
    commands: &mut Vec<AppCommand>,
) {
    ui.heading("Findings");
    if let Some(note) = &findings.not_checked {
        ui.label(RichText::new(note).weak());
        return;
    }
    let total = findings.total();
    ui.weak(match total {
        0 => "Nothing to look at: no checks found anything".to_owned(),
        1 => "1 finding".to_owned(),
        _ => format!("{total} findings"),
    });
    ui.add_space(4.0);
    ScrollArea::vertical().id_salt("findings").show(ui, |ui| {
        ui.set_width(ui.available_width());
        for group in &findings.groups {
            let heading = format!("{} ({})", kind_heading(group.kind), group.findings.len());
            egui::CollapsingHeader::new(heading)
                .id_salt(group.kind.as_str())
                .default_open(group.findings.len() <= MAX_FINDINGS_OPEN_AT_FIRST)
                .show(ui, |ui| {
                    for listed in group.findings.iter().take(MAX_LISTED_PER_KIND) {
                        let event = match listed.target {
                            Some(FindingTarget::Event(event)) => Some(event),
                            Some(FindingTarget::Quote(quote)) => explorer
                                .dataset
                                .quotes
                                .get(quote)
                                .and_then(|quote| quote.event),
                            None => None,
                        };
                        let is_selected = event.is_some() && event == selected_event;
                        egui::Frame::group(ui.style()).show(ui, |ui| {
                            ui.set_width(ui.available_width());
                            ui.add(egui::Label::new(&listed.finding.message).wrap());
                            if let Some(target) = listed.target
                                && let Some(item) = target_title(explorer, target)
                            {
                                let (command, hover) = match target {
                                    FindingTarget::Event(event) => (
                                        AppCommand::RevealEvent(event),
                                        "Select this event and bring it into view",
                                    ),
                                    FindingTarget::Quote(quote) => (
                                        AppCommand::RevealQuote(quote),
                                        "Select the event of this quote and bring it into view",
                                    ),
                                };
                                let text = if is_selected {
                                    RichText::new(item).strong()
                                } else {
                                    RichText::new(item)
                                };
                                if ui.link(text).on_hover_text(hover).clicked() {
                                    commands.push(command);
                                }
                            }
                        });
                    }
                    if group.findings.len() > MAX_LISTED_PER_KIND {
                        ui.weak(format!(
                            "{} more: `chronoscope check` lists them all",
                            group.findings.len() - MAX_LISTED_PER_KIND
                        ));
                    }
                });
        }
    });
}
