//! Many articles at once: the progress line of a running batch (files done of total, with
//! Cancel), and the summary window that follows it, a table of every file (outlet, date,
//! quotes, events, problems) with Add, which adds the one set, and Cancel.

use egui::{RichText, ScrollArea, Ui};

use chrono::NaiveDate;

use crate::app::command::AppCommand;
use crate::article_import::parse_published;
use crate::loading::article_batch::{ArticleBatch, RowOutcome};
use crate::loading::article_batch_job::ArticleBatchJob;
use crate::model::article_set::ArticleSet;

/// The summary window's state: the batch to review, if any.
#[derive(Debug, Default)]
pub struct ArticleBatchWindow {
    pub batch: Option<ArticleBatch>,
    /// The publication dates typed for rows whose text states none, by row.
    date_inputs: std::collections::HashMap<usize, String>,
}

impl ArticleBatchWindow {
    /// Shows a new summary.
    pub fn show(&mut self, batch: Option<ArticleBatch>) {
        *self = Self {
            batch,
            ..Self::default()
        };
    }
}

/// What the summary window asks the app to do.
pub enum ArticleBatchAction {
    /// Add this set, labelled with this name.
    Add { label: String, set: ArticleSet },
}

/// The progress line of a running batch, with its Cancel button.
pub fn article_batch_progress_ui(
    ui: &mut Ui,
    job: &ArticleBatchJob,
    commands: &mut Vec<AppCommand>,
) {
    let progress = job.progress();
    ui.horizontal(|ui| {
        ui.spinner();
        let total = progress.files_total();
        let text = if total == 0 {
            "Importing articles: listing the files…".to_owned()
        } else {
            format!(
                "Importing articles: {} of {total} files",
                progress.files_done()
            )
        };
        ui.label(text);
        let bar = egui::ProgressBar::new(progress.fraction())
            .desired_width(220.0)
            .show_percentage();
        ui.add(bar);
        if ui
            .button("Cancel")
            .on_hover_text("Stop importing the articles; what is loaded stays as it is")
            .clicked()
        {
            commands.push(AppCommand::CancelArticleBatch);
        }
    });
}

/// Shows the summary while there is one; returns what the user asked for. Add and Cancel (and
/// the window's close button) close it.
pub fn article_batch_window_ui(
    ctx: &egui::Context,
    window: &mut ArticleBatchWindow,
) -> Option<ArticleBatchAction> {
    let batch = window.batch.as_ref()?;
    let date_inputs = &mut window.date_inputs;
    let mut open = true;
    let mut close = false;
    let mut action = None;
    let mut dated = None;
    egui::Window::new("Import articles")
        .open(&mut open)
        .default_size([900.0, 520.0])
        .min_width(640.0)
        .resizable(true)
        .collapsible(false)
        .show(ctx, |ui| {
            summary_heading_ui(ui, batch);
            let height = (ui.available_height() - 120.0).max(140.0);
            ScrollArea::both()
                .id_salt("article batch rows")
                .max_height(height)
                .auto_shrink([false, true])
                .show(ui, |ui| dated = rows_ui(ui, batch, date_inputs));
            skipped_and_merged_ui(ui, batch);
            ui.separator();
            ui.horizontal(|ui| {
                let (add, cancel) = buttons_ui(ui, batch);
                if add && let Some(set) = &batch.set {
                    action = Some(ArticleBatchAction::Add {
                        label: batch.label.clone(),
                        set: set.clone(),
                    });
                }
                close = add || cancel;
            });
        });
    if let (Some((row, date)), Some(batch)) = (dated, window.batch.as_mut()) {
        // The row says what became of it, as every row does.
        let _ = batch.give_published(row, date);
        window.date_inputs.remove(&row);
    }
    if !open || close {
        window.show(None);
    }
    action
}

fn plural(count: usize, word: &str) -> String {
    format!("{count} {word}{}", if count == 1 { "" } else { "s" })
}

fn summary_heading_ui(ui: &mut Ui, batch: &ArticleBatch) {
    let imported = batch.imported_count();
    let failed = batch.failed_count();
    ui.label(
        RichText::new(format!(
            "{} of {} imported into one set: {}",
            imported,
            plural(batch.rows.len(), "article file"),
            batch.label
        ))
        .strong(),
    );
    if let Some(error) = &batch.set_error {
        ui.colored_label(ui.visuals().error_fg_color, error);
    }
    if failed > 0 {
        ui.colored_label(
            ui.visuals().warn_fg_color,
            format!(
                "{} not imported: the Problems column says why; the others can be added without them.",
                plural(failed, "file")
            ),
        );
    }
}

/// The table; returns a publication date given for a row that states none.
fn rows_ui(
    ui: &mut Ui,
    batch: &ArticleBatch,
    date_inputs: &mut std::collections::HashMap<usize, String>,
) -> Option<(usize, NaiveDate)> {
    if batch.rows.is_empty() {
        ui.weak("No article files (.txt, .text, .md, .html, .htm) were found.");
        return None;
    }
    let mut dated = None;
    egui::Grid::new("article batch table")
        .striped(true)
        .num_columns(6)
        .spacing([14.0, 6.0])
        .show(ui, |ui| {
            for heading in ["File", "Outlet", "Date", "Quotes", "Events", "Problems"] {
                ui.label(RichText::new(heading).strong());
            }
            ui.end_row();
            for (index, row) in batch.rows.iter().enumerate() {
                let imported = row.outcome == RowOutcome::Imported;
                let file = if imported {
                    RichText::new(&row.file)
                } else {
                    RichText::new(&row.file).color(ui.visuals().error_fg_color)
                };
                // Whole on one line: the table scrolls sideways for long paths.
                ui.add(egui::Label::new(file).extend())
                    .on_hover_text(row.path.display().to_string());
                ui.label(row.outlet.as_deref().unwrap_or("—"));
                ui.label(
                    row.published
                        .map_or_else(|| "—".to_owned(), |d| d.to_string()),
                );
                let count = |n: usize| {
                    if imported {
                        n.to_string()
                    } else {
                        "—".to_owned()
                    }
                };
                ui.label(count(row.quotes));
                ui.label(count(row.events));
                ui.vertical(|ui| {
                    problems_cell_ui(ui, imported, &row.problems);
                    if row.outcome == RowOutcome::NeedsPublicationDate {
                        let input = date_inputs.entry(index).or_default();
                        if let Some(date) = date_input_ui(ui, input) {
                            dated = Some((index, date));
                        }
                    }
                });
                ui.end_row();
            }
        });
    dated
}

/// A field for the publication date of an article that states none, and its button.
fn date_input_ui(ui: &mut Ui, input: &mut String) -> Option<NaiveDate> {
    let date = parse_published(input);
    let mut chosen = None;
    ui.horizontal(|ui| {
        let label = ui.label("Published on");
        ui.add(
            egui::TextEdit::singleline(input)
                .hint_text("YYYY-MM-DD")
                .desired_width(96.0),
        )
        .labelled_by(label.id);
        let import = ui
            .add_enabled(date.is_some(), egui::Button::new("Import with this date"))
            .on_disabled_hover_text("Type the date the article was published, as YYYY-MM-DD");
        if import.clicked() {
            chosen = date;
        }
    });
    if !input.trim().is_empty() && date.is_none() {
        ui.colored_label(
            ui.visuals().error_fg_color,
            format!("{:?} is not a date: expected YYYY-MM-DD", input.trim()),
        );
    }
    chosen
}

fn problems_cell_ui(ui: &mut Ui, imported: bool, problems: &[String]) {
    if problems.is_empty() {
        ui.weak("none");
        return;
    }
    let color = if imported {
        ui.visuals().warn_fg_color
    } else {
        ui.visuals().error_fg_color
    };
    ui.vertical(|ui| {
        ui.set_max_width(420.0);
        for problem in problems {
            ui.add(egui::Label::new(RichText::new(problem).color(color)).wrap());
        }
    });
}

fn skipped_and_merged_ui(ui: &mut Ui, batch: &ArticleBatch) {
    if !batch.skipped.is_empty() {
        egui::CollapsingHeader::new(format!("Not read ({})", batch.skipped.len()))
            .id_salt("article batch skipped")
            .show(ui, |ui| {
                ScrollArea::vertical()
                    .id_salt("article batch skipped list")
                    .max_height(100.0)
                    .show(ui, |ui| {
                        for skipped in &batch.skipped {
                            ui.label(format!("{}: {}", skipped.path.display(), skipped.reason));
                        }
                    });
            });
    }
    if !batch.merges.is_empty() {
        egui::CollapsingHeader::new(format!(
            "Events found in several articles, merged ({})",
            batch.merges.len()
        ))
        .id_salt("article batch merges")
        .show(ui, |ui| {
            ScrollArea::vertical()
                .id_salt("article batch merges list")
                .max_height(100.0)
                .show(ui, |ui| {
                    for merge in &batch.merges {
                        ui.add(egui::Label::new(merge).wrap());
                    }
                });
        });
    }
}

/// The Add and Cancel buttons: (add clicked, cancel clicked).
fn buttons_ui(ui: &mut Ui, batch: &ArticleBatch) -> (bool, bool) {
    let label = match &batch.set {
        Some(set) => format!(
            "Add to the timeline ({}, {}, {})",
            plural(set.sources.len(), "article"),
            plural(set.quotes.len(), "quote"),
            plural(set.events.len(), "event")
        ),
        None => "Add to the timeline".to_owned(),
    };
    let add = ui
        .add_enabled(batch.set.is_some(), egui::Button::new(label))
        .on_hover_text("Adds every imported article as one new set (Remove unloads it)")
        .on_disabled_hover_text("No article could be imported")
        .clicked();
    let cancel = ui
        .button("Cancel")
        .on_hover_text("Close without adding anything")
        .clicked();
    (add, cancel)
}
