//! File ▸ Import article text: paste or open a news article (plain text or a saved web
//! page), check what was found (publication
//! date, outlet, title, quotes with speakers, dates with their phrases), choose which proposed
//! events to keep and edit their title, date and category, and add it all as one new set.

use std::sync::Arc;

use egui::{RichText, ScrollArea, Ui};

use crate::app::command::AppCommand;
use crate::app::file_dialogs::DialogPurpose;
use crate::article_import::parse_published;
use crate::article_import::{
    ArticleDocument, ArticleImport, ArticleMetadata, DocumentKind, EventChoice, EventEdit,
    PageMetadata, UNKNOWN_SPEAKER, import_document, to_article_set_with_choices,
};
use crate::checks::{ArticleQuote, ChronologyContext, Finding, check_article_against};
use crate::model::article_set::ArticleSet;
use crate::model::category::Category;

/// Texts up to this size are analysed again on every edit; longer ones on request.
const LIVE_ANALYSIS_BYTES: usize = 64 * 1024;

/// The state of the import window.
#[derive(Debug, Default)]
pub struct ArticleImportWindow {
    pub open: bool,
    /// The article, as pasted or read from a file.
    pub text: String,
    /// Where the text came from: a file name, or "pasted article".
    pub origin: String,
    /// What the saved web page the text was read from states (empty for plain text); kept
    /// while the text is edited, dropped when it is emptied.
    pub page: PageMetadata,
    pub document_kind: DocumentKind,
    /// What reading the file warned about (the encoding a page was decoded from…).
    pub document_warnings: Vec<String>,
    /// What the user typed; empty fields take what the text states.
    pub published_input: String,
    pub outlet_input: String,
    pub title_input: String,
    pub analysis: Option<ArticleImport>,
    /// For each proposed event of `analysis`: keep it, and its title, date and category as
    /// the user edited them.
    pub event_edits: Vec<EventEdit>,
    /// What the checks find in the text against its publication date (none without one).
    pub findings: Vec<Finding>,
    /// The inputs `analysis` was made from, to know when to analyse again.
    analysed_inputs: Option<(String, String, String, String)>,
    /// The loaded chronology the text is checked against (its events and quotes).
    pub chronology: Arc<ChronologyContext>,
}

/// What the window asks the app to do.
pub enum ArticleImportAction {
    /// Add this set, labelled with this name.
    Add { label: String, set: ArticleSet },
}

impl ArticleImportWindow {
    /// A closed window whose texts are checked against `chronology`.
    pub fn checked_against(chronology: Arc<ChronologyContext>) -> Self {
        Self {
            chronology,
            ..Self::default()
        }
    }

    /// Opens the window on an empty text.
    pub fn open_empty(&mut self) {
        *self = Self {
            open: true,
            origin: "pasted article".to_owned(),
            chronology: std::mem::take(&mut self.chronology),
            ..Self::default()
        };
    }

    /// Opens the window on the text of a file.
    pub fn open_with_text(&mut self, origin: String, text: String) {
        self.open_with_document(
            origin,
            ArticleDocument {
                kind: DocumentKind::PlainText,
                text,
                page: PageMetadata::default(),
                warnings: Vec::new(),
            },
        );
    }

    /// Opens the window on an article file as read: its text and what its page states.
    pub fn open_with_document(&mut self, origin: String, document: ArticleDocument) {
        *self = Self {
            open: true,
            origin,
            text: document.text,
            page: document.page,
            document_kind: document.kind,
            document_warnings: document.warnings,
            chronology: std::mem::take(&mut self.chronology),
            ..Self::default()
        };
        self.analyse();
    }

    fn inputs(&self) -> (String, String, String, String) {
        (
            self.text.clone(),
            self.published_input.clone(),
            self.outlet_input.clone(),
            self.title_input.clone(),
        )
    }

    fn given_metadata(&self) -> ArticleMetadata {
        let non_empty = |text: &str| {
            let text = text.trim();
            (!text.is_empty()).then(|| text.to_owned())
        };
        ArticleMetadata {
            published: parse_published(&self.published_input),
            outlet: non_empty(&self.outlet_input),
            title: non_empty(&self.title_input),
        }
    }

    /// Reads the text again with the metadata given; keeps the user's event choices and edits
    /// where the same events are proposed again.
    pub fn analyse(&mut self) {
        if self.text.trim().is_empty() {
            self.page = PageMetadata::default();
            self.document_kind = DocumentKind::PlainText;
            self.document_warnings.clear();
        }
        let document = ArticleDocument {
            kind: self.document_kind,
            text: self.text.clone(),
            page: self.page.clone(),
            warnings: self.document_warnings.clone(),
        };
        let analysis = import_document(&document, &self.given_metadata());
        let previous = self.analysis.take();
        self.event_edits = analysis
            .proposed_events
            .iter()
            .map(|event| {
                previous
                    .as_ref()
                    .and_then(|previous| {
                        let index = previous
                            .proposed_events
                            .iter()
                            .position(|old| old.title == event.title && old.date == event.date)?;
                        self.event_edits.get(index).cloned()
                    })
                    .unwrap_or_else(|| EventEdit::from_proposal(event, true))
            })
            .collect();
        self.findings = analysis.published.map_or_else(Vec::new, |published| {
            let quotes = ArticleQuote::all_of(&analysis);
            check_article_against(
                &self.text,
                published,
                Some(&self.origin),
                &quotes,
                &self.chronology,
            )
        });
        self.analysis = Some(analysis);
        self.analysed_inputs = Some(self.inputs());
    }

    fn is_stale(&self) -> bool {
        self.analysed_inputs.as_ref() != Some(&self.inputs())
    }

    /// The set to add, or why it cannot be made yet: a kept event whose edit is not valid
    /// blocks it (it is never dropped silently); a dropped event's edit does not matter.
    pub fn article_set(&self) -> Result<ArticleSet, String> {
        let analysis = self
            .analysis
            .as_ref()
            .ok_or_else(|| "Paste an article first".to_owned())?;
        let mut choices = Vec::with_capacity(self.event_edits.len());
        for (index, (edit, event)) in self
            .event_edits
            .iter()
            .zip(&analysis.proposed_events)
            .enumerate()
        {
            let choice = if edit.keep {
                edit.to_choice()
                    .map_err(|error| format!("Event {}: {error}", index + 1))?
            } else {
                EventChoice::proposed(event, false)
            };
            choices.push(choice);
        }
        to_article_set_with_choices(analysis, &choices, &self.origin)
            .map_err(|error| error.to_string())
    }

    /// The set's label in the list of loaded sets.
    fn label(&self) -> String {
        let title = self
            .analysis
            .as_ref()
            .and_then(|analysis| analysis.title.clone());
        match title {
            Some(title) if self.origin == "pasted article" => format!("pasted article: {title}"),
            _ => self.origin.clone(),
        }
    }
}

/// Shows the window when it is open; returns what the user asked for.
pub fn article_import_window_ui(
    ctx: &egui::Context,
    window: &mut ArticleImportWindow,
    commands: &mut Vec<AppCommand>,
) -> Option<ArticleImportAction> {
    if !window.open {
        return None;
    }
    let mut open = true;
    let mut action = None;
    egui::Window::new("Import article text")
        .open(&mut open)
        .default_size([760.0, 640.0])
        .min_width(720.0)
        .resizable(true)
        .collapsible(false)
        .show(ctx, |ui| {
            action = window_contents_ui(ui, window, commands);
        });
    if !open || action.is_some() {
        window.open = false;
    }
    action
}

fn window_contents_ui(
    ui: &mut Ui,
    window: &mut ArticleImportWindow,
    commands: &mut Vec<AppCommand>,
) -> Option<ArticleImportAction> {
    ui.horizontal(|ui| {
        ui.label(format!("From: {}", window.origin));
        if ui.button("Open an article file…").clicked() {
            commands.push(AppCommand::ShowDialog(DialogPurpose::ImportArticle));
        }
    });
    ScrollArea::vertical()
        .id_salt("article text")
        .max_height(160.0)
        .show(ui, |ui| {
            let edit = egui::TextEdit::multiline(&mut window.text)
                .hint_text("Paste a news article here (Ctrl+V)")
                .desired_rows(8)
                .desired_width(f32::INFINITY);
            if ui.add(edit).changed() && window.origin != "pasted article" {
                window.origin = "pasted article".to_owned();
            }
        });
    metadata_form_ui(ui, window);
    let stale = window.is_stale();
    let live = window.text.len() <= LIVE_ANALYSIS_BYTES;
    if stale && (live || ui.button("Analyse the text again").clicked()) {
        window.analyse();
    }
    ui.separator();
    let analysis = window.analysis.as_ref()?;
    for warning in &analysis.warnings {
        ui.colored_label(ui.visuals().warn_fg_color, warning);
    }
    if !window.text.trim().is_empty() {
        text_findings_ui(ui, analysis, &window.findings);
    }
    let available = ui.available_height() - 40.0;
    ScrollArea::vertical()
        .id_salt("article findings")
        .max_height(available.max(120.0))
        .show(ui, |ui| {
            quotes_found_ui(ui, analysis);
            dates_found_ui(ui, analysis, &mut window.event_edits);
        });
    ui.separator();
    let set = window.article_set();
    let mut action = None;
    ui.horizontal(|ui| {
        let kept = window.event_edits.iter().filter(|edit| edit.keep).count();
        let plural = |count: usize, word: &str| {
            format!("{count} {word}{}", if count == 1 { "" } else { "s" })
        };
        let label = format!(
            "Add to the timeline ({}, {})",
            plural(analysis.quotes.len(), "quote"),
            plural(kept, "event")
        );
        let add = ui.add_enabled(set.is_ok(), egui::Button::new(label));
        if let Err(reason) = &set {
            let color = ui.visuals().warn_fg_color;
            ui.add(egui::Label::new(RichText::new(reason).color(color)).wrap());
        }
        if add.clicked()
            && let Ok(set) = set
        {
            action = Some(ArticleImportAction::Add {
                label: window.label(),
                set,
            });
        }
    });
    action
}

fn metadata_form_ui(ui: &mut Ui, window: &mut ArticleImportWindow) {
    let in_text = window
        .analysis
        .as_ref()
        .map(|analysis| analysis.found_in_text.clone())
        .unwrap_or_default();
    let page = &window.page;
    // What the page states wins over what the text states, as in the import.
    let found = |in_page: Option<String>, in_text: Option<String>| {
        in_page
            .map(|value| (value, "page"))
            .or_else(|| in_text.map(|value| (value, "text")))
    };
    let day = |date: Option<chrono::NaiveDate>| date.map(|d| d.format("%Y-%m-%d").to_string());
    let found_date = found(day(page.published), day(in_text.published));
    let found_outlet = found(page.outlet.clone(), in_text.outlet);
    let found_title = found(page.title.clone(), in_text.title);
    ui.vertical(|ui| {
        metadata_row_ui(
            ui,
            "Published",
            &mut window.published_input,
            found_date.as_ref(),
            "YYYY-MM-DD",
        );
        let typed = window.published_input.trim();
        if !typed.is_empty() && parse_published(typed).is_none() {
            ui.colored_label(
                ui.visuals().error_fg_color,
                format!("{typed:?} is not a date: expected YYYY-MM-DD"),
            );
        }
        metadata_row_ui(
            ui,
            "Outlet",
            &mut window.outlet_input,
            found_outlet.as_ref(),
            "e.g. Reuters",
        );
        metadata_row_ui(
            ui,
            "Title",
            &mut window.title_input,
            found_title.as_ref(),
            "the headline",
        );
        let stated: Vec<String> = [
            page.byline.as_ref().map(|byline| format!("by {byline}")),
            page.language
                .as_ref()
                .map(|language| format!("language {language}")),
            page.url.clone(),
        ]
        .into_iter()
        .flatten()
        .collect();
        if !stated.is_empty() {
            ui.weak(format!("The page also states: {}", stated.join(" · ")));
        }
    });
}

/// A metadata field: the user's input, with what the page or text states (`(value, "page")`)
/// as its hint.
fn metadata_row_ui(
    ui: &mut Ui,
    name: &str,
    input: &mut String,
    found: Option<&(String, &str)>,
    hint: &str,
) {
    ui.horizontal(|ui| {
        let label = ui.add_sized([72.0, 20.0], egui::Label::new(name));
        let hint = found.map_or_else(|| hint.to_owned(), |(found, _)| found.clone());
        ui.add(
            egui::TextEdit::singleline(input)
                .hint_text(hint)
                .desired_width(380.0),
        )
        .labelled_by(label.id);
        match found {
            Some((_, place)) if input.trim().is_empty() => ui.weak(format!("found in the {place}")),
            Some((_, place)) => ui.weak(format!("yours (the {place} says otherwise)")),
            None if input.trim().is_empty() => ui.colored_label(
                ui.visuals().warn_fg_color,
                "not in the text: please give it",
            ),
            None => ui.weak("yours"),
        };
    });
}

/// At most this many of the text's findings are listed (each is a few lines long).
const MAX_LISTED_TEXT_FINDINGS: usize = 4;

/// What the checks find in the text, before it is added: a short list under the preview.
fn text_findings_ui(ui: &mut Ui, analysis: &ArticleImport, findings: &[Finding]) {
    if analysis.published.is_none() {
        ui.weak("Findings: give the publication date to check the text against it.");
        return;
    }
    if findings.is_empty() {
        ui.weak("Findings: none (no phrase dates the text to another period).");
        return;
    }
    let count = findings.len();
    ui.label(RichText::new(format!("Findings ({count})")).strong())
        .on_hover_text("Phrases that date the text to another period than its publication date");
    ScrollArea::vertical()
        .id_salt("text findings")
        .max_height(110.0)
        .show(ui, |ui| {
            for finding in findings.iter().take(MAX_LISTED_TEXT_FINDINGS) {
                ui.add(
                    egui::Label::new(
                        RichText::new(format!("• {}", finding.message))
                            .color(ui.visuals().warn_fg_color),
                    )
                    .wrap(),
                );
            }
            if count > MAX_LISTED_TEXT_FINDINGS {
                ui.weak(format!(
                    "{} more: `chronoscope check` lists them all",
                    count - MAX_LISTED_TEXT_FINDINGS
                ));
            }
        });
    ui.separator();
}

fn quotes_found_ui(ui: &mut Ui, analysis: &ArticleImport) {
    ui.heading(format!("Quotes ({})", analysis.quotes.len()));
    if analysis.quotes.is_empty() {
        ui.weak("No direct quotes found.");
    }
    for quote in &analysis.quotes {
        ui.horizontal_wrapped(|ui| {
            let speaker = if quote.speaker == UNKNOWN_SPEAKER {
                RichText::new("speaker unknown").color(ui.visuals().warn_fg_color)
            } else {
                RichText::new(&quote.speaker).strong()
            };
            ui.label(speaker);
            if let Some(role) = &quote.role {
                ui.weak(role);
            }
        });
        ui.label(RichText::new(format!("“{}”", quote.text)).italics())
            .on_hover_text(&quote.sentence);
        ui.add_space(4.0);
    }
}

fn dates_found_ui(ui: &mut Ui, analysis: &ArticleImport, edits: &mut [EventEdit]) {
    ui.add_space(6.0);
    ui.heading(format!(
        "Dates ({}) and proposed events ({})",
        analysis.mentions.len(),
        analysis.proposed_events.len()
    ));
    for (index, mention) in analysis.mentions.iter().enumerate() {
        let proposal = analysis
            .proposed_events
            .iter()
            .position(|event| event.mention == index);
        ui.horizontal_wrapped(|ui| {
            let resolved = match mention.end {
                Some(end) => format!("{} – {}", mention.date.display(), end.display()),
                None => mention.date.display(),
            };
            let how = if mention.relative {
                "relative"
            } else {
                "stated"
            };
            ui.label(RichText::new(format!("“{}”", mention.phrase)).monospace());
            ui.label(format!("= {resolved}"));
            ui.weak(format!(
                "({how}{})",
                if mention.approximate {
                    ", approximate"
                } else {
                    ""
                }
            ));
        });
        match proposal.and_then(|p| analysis.proposed_events.get(p).map(|e| (p, e))) {
            Some((p, event)) => {
                if let Some(edit) = edits.get_mut(p) {
                    event_edit_ui(ui, p, edit, &event.summary);
                }
            }
            None => {
                ui.weak(&mention.sentence);
            }
        }
        ui.add_space(4.0);
    }
}

/// Width of the labels before the event fields, so that the fields line up.
const EVENT_LABEL_WIDTH: f32 = 72.0;

/// One proposed event: keep it or not, its title, date (and end) and category, and what is
/// wrong with them when kept.
fn event_edit_ui(ui: &mut Ui, index: usize, edit: &mut EventEdit, summary: &str) {
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.checkbox(&mut edit.keep, format!("Add event {}", index + 1));
        ui.add_enabled_ui(edit.keep, |ui| {
            ui.horizontal(|ui| {
                let label =
                    ui.add_sized([EVENT_LABEL_WIDTH, 20.0], egui::Label::new("Event title"));
                ui.add(
                    egui::TextEdit::singleline(&mut edit.title)
                        .id_salt(("event title", index))
                        .char_limit(200)
                        .desired_width(ui.available_width().min(560.0)),
                )
                .labelled_by(label.id);
            });
            ui.horizontal(|ui| {
                let label = ui.add_sized([EVENT_LABEL_WIDTH, 20.0], egui::Label::new("Date"));
                ui.add(
                    egui::TextEdit::singleline(&mut edit.date_text)
                        .id_salt(("event date", index))
                        .hint_text("YYYY-MM-DD")
                        .desired_width(96.0),
                )
                .labelled_by(label.id);
                let to = ui.label("to");
                ui.add(
                    egui::TextEdit::singleline(&mut edit.end_text)
                        .id_salt(("event end", index))
                        .hint_text("(one date)")
                        .desired_width(96.0),
                )
                .labelled_by(to.id);
                ui.add_space(12.0);
                let label = ui.label("Category");
                egui::ComboBox::from_id_salt(("event category", index))
                    .selected_text(edit.category.label())
                    .width(120.0)
                    .show_ui(ui, |ui| {
                        for category in Category::ALL {
                            ui.selectable_value(&mut edit.category, category, category.label());
                        }
                    })
                    .response
                    .labelled_by(label.id);
            });
        });
        if edit.keep
            && let Err(error) = edit.to_choice()
        {
            let color = ui.visuals().error_fg_color;
            ui.add(
                egui::Label::new(
                    RichText::new(format!(
                        "{error}. This event keeps Add disabled until it is fixed or unticked."
                    ))
                    .color(color),
                )
                .wrap(),
            );
        }
        // The sentence the event comes from, to check the title and date against.
        ui.add(egui::Label::new(RichText::new(summary).weak()).wrap());
    });
}
