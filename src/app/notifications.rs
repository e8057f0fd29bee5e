//! Messages for the user under the toolbar: files that did not load (every problem with its
//! position), merge reports, saves; each can be read in full and dismissed. They take one line
//! (the newest headline and "3 notices — show") until the user opens them.

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
    /// Every message is shown in full (otherwise one line sums them up).
    pub expanded: bool,
}

/// The button that opens or closes the messages: "3 notices — show".
pub fn summary_label(count: usize, expanded: bool) -> String {
    let notices = if count == 1 {
        "1 notice".to_owned()
    } else {
        format!("{count} notices")
    };
    let action = if expanded { "hide" } else { "show" };
    format!("{notices} — {action}")
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
        let Some(newest) = self.items.last() else {
            self.expanded = false;
            return;
        };
        let mut dismiss_all = false;
        ui.horizontal(|ui| {
            let has_more = self.items.len() > 1 || !newest.details.is_empty();
            if has_more
                && ui
                    .small_button(summary_label(self.items.len(), self.expanded))
                    .clicked()
            {
                self.expanded = !self.expanded;
            }
            let dismiss = if self.items.len() > 1 {
                "Dismiss all"
            } else {
                "Dismiss"
            };
            dismiss_all = ui
                .small_button(dismiss)
                .on_hover_text("Hide these messages")
                .clicked();
            if !self.expanded {
                ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Truncate);
                let color = kind_color(ui, newest.kind);
                let mut hover = newest.headline.clone();
                for line in newest.details.iter().take(DETAILS_SHOWN) {
                    hover.push('\n');
                    hover.push_str(line);
                }
                // The first detail (a file's position, say) stays readable without a click.
                let mut line = newest.headline.clone();
                if let Some(first) = newest.details.first() {
                    line.push_str(" — ");
                    line.push_str(first);
                }
                ui.label(RichText::new(line).color(color).strong())
                    .on_hover_text(hover);
            }
        });
        if dismiss_all {
            self.items.clear();
            self.expanded = false;
            return;
        }
        if self.expanded {
            egui::ScrollArea::vertical()
                .id_salt("notifications")
                .max_height(NOTIFICATIONS_MAX_HEIGHT)
                .show(ui, |ui| self.list_ui(ui));
        }
    }

    /// Every message with its details, each with its own Dismiss button.
    fn list_ui(&mut self, ui: &mut Ui) {
        let mut dismissed = None;
        for (index, notification) in self.items.iter().enumerate() {
            let color = kind_color(ui, notification.kind);
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
                                for line in notification.details.iter().skip(DETAILS_SHOWN) {
                                    ui.label(RichText::new(line).color(color).monospace());
                                }
                            });
                    }
                });
        }
        if let Some(index) = dismissed {
            self.items.remove(index);
        }
    }
}

/// The open messages take at most this height under the toolbar (they scroll).
const NOTIFICATIONS_MAX_HEIGHT: f32 = 260.0;

fn kind_color(ui: &Ui, kind: NotificationKind) -> egui::Color32 {
    match kind {
        NotificationKind::Info => ui.visuals().text_color(),
        NotificationKind::Warning => ui.visuals().warn_fg_color,
        NotificationKind::Error => ui.visuals().error_fg_color,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_summary_counts_the_notices_and_says_what_a_click_does() {
        assert_eq!(summary_label(3, false), "3 notices — show");
        assert_eq!(summary_label(1, false), "1 notice — show");
        assert_eq!(summary_label(2, true), "2 notices — hide");
    }
}
