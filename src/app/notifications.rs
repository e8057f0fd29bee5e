//! Messages for the user under the toolbar: files that did not load (every problem with its
//! position), merge reports, saves; each can be read in full and dismissed.

use egui::{RichText, Ui};

/// How a message looks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NotificationKind {
    /// Something worked ("12 events added").
    Info,
    /// It worked, with things the user should know (events skipped).
    Warning,
    /// It did not work; nothing changed.
    Error,
}

/// One message: a headline and its detail lines.
#[derive(Clone, Debug, PartialEq)]
pub struct Notification {
    pub kind: NotificationKind,
    pub headline: String,
    pub details: Vec<String>,
}

/// Details shown before "and N more" (the full list is in a collapsing section).
const DETAILS_SHOWN: usize = 4;

/// The messages on screen, newest last.
#[derive(Clone, Debug, Default)]
pub struct Notifications {
    pub items: Vec<Notification>,
}

impl Notifications {
    pub fn push(
        &mut self,
        kind: NotificationKind,
        headline: impl Into<String>,
        details: Vec<String>,
    ) {
        self.items.push(Notification {
            kind,
            headline: headline.into(),
            details,
        });
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// Every headline and detail, for tests and logs.
    pub fn texts(&self) -> Vec<String> {
        self.items
            .iter()
            .flat_map(|n| std::iter::once(n.headline.clone()).chain(n.details.iter().cloned()))
            .collect()
    }

    pub fn notifications_ui(&mut self, ui: &mut Ui) {
        let mut dismissed = None;
        for (index, notification) in self.items.iter().enumerate() {
            let color = match notification.kind {
                NotificationKind::Info => ui.visuals().text_color(),
                NotificationKind::Warning => ui.visuals().warn_fg_color,
                NotificationKind::Error => ui.visuals().error_fg_color,
            };
            egui::Frame::new()
                .fill(ui.visuals().extreme_bg_color)
                .stroke(egui::Stroke::new(1.0, color.gamma_multiply(0.6)))
                .corner_radius(4.0)
                .inner_margin(6.0)
                .show(ui, |ui| {
                    ui.set_width(ui.available_width());
                    ui.horizontal(|ui| {
                        if ui
                            .small_button("Dismiss")
                            .on_hover_text("Hide this message")
                            .clicked()
                        {
                            dismissed = Some(index);
                        }
                        ui.label(RichText::new(&notification.headline).color(color).strong());
                    });
                    for line in notification.details.iter().take(DETAILS_SHOWN) {
                        ui.label(RichText::new(line).color(color).monospace());
                    }
                    let hidden = notification.details.len().saturating_sub(DETAILS_SHOWN);
                    if hidden > 0 {
                        egui::CollapsingHeader::new(format!("{hidden} more"))
                            .id_salt(("notification", index))
                            .show(ui, |ui| {
                                egui::ScrollArea::vertical()
                                    .max_height(200.0)
                                    .show(ui, |ui| {
                                        for line in notification.details.iter().skip(DETAILS_SHOWN)
                                        {
                                            ui.label(RichText::new(line).color(color).monospace());
                                        }
                                    });
                            });
                    }
                });
        }
        if let Some(index) = dismissed {
            self.items.remove(index);
        }
        if self.items.len() > 1 && ui.small_button("Dismiss all").clicked() {
            self.items.clear();
        }
    }
}
