//! Many articles at once: the progress line of a running batch (files done of total, with
//! Cancel), and the summary window that follows it, a table of every file (outlet, date,
//! quotes, events, problems) with Add, which adds the one set, and Cancel.

use egui::{RichText, ScrollArea, Ui};

use crate::app::command::AppCommand;
use crate::loading::article_batch::{ArticleBatch, RowOutcome};
use crate::loading::article_batch_job::ArticleBatchJob;
use crate::model::article_set::ArticleSet;

/// The summary window's state: the batch to review, if any.
#[derive(Debug, Default)]
pub struct ArticleBatchWindow {
    pub batch: Option<ArticleBatch>,
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
    let mut open = true;
    let mut close = false;
    let mut action = None;
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
                .show(ui, |ui| rows_ui(ui, batch));
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
    if !open || close {
        window.batch = None;
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

fn rows_ui(ui: &mut Ui, batch: &ArticleBatch) {
    if batch.rows.is_empty() {
        ui.weak("No article files (.txt, .text, .md, .html, .htm) were found.");
        return;
    }
    egui::Grid::new("article batch table")
        .striped(true)
        .num_columns(6)
        .spacing([14.0, 6.0])
        .show(ui, |ui| {
            for heading in ["File", "Outlet", "Date", "Quotes", "Events", "Problems"] {
                ui.label(RichText::new(heading).strong());
            }
            ui.end_row();
            for row in &batch.rows {
                let imported = row.outcome == RowOutcome::Imported;
                let file = if imported {
                    RichText::new(&row.file)
                } else {
                    RichText::new(&row.file).color(ui.visuals().error_fg_color)
                };
                ui.label(file).on_hover_text(row.path.display().to_string());
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
                problems_cell_ui(ui, imported, &row.problems);
                ui.end_row();
            }
        });
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
