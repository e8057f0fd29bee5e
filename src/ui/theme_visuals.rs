//! egui's widget colours for each timeline theme: egui's light and dark visuals with weak text
//! made readable (WCAG AA), and a high-contrast light set where every text is 7:1 (AAA).

use egui::{Color32, Stroke, Visuals};

use super::egui_painter::color32;
use crate::timeline::palette::{Palette, Theme};

/// The window's visuals for a timeline theme; panels have the timeline's background.
pub fn visuals_for(theme: Theme) -> Visuals {
    let mut visuals = match theme {
        Theme::Light => readable_light(),
        Theme::Dark => readable_dark(),
        Theme::Contrast => high_contrast(),
    };
    visuals.panel_fill = color32(Palette::for_theme(theme).background);
    visuals
}

/// egui's light visuals; weak text (60% of the text colour, 3:1) darkened to 5.9:1 on the panels.
fn readable_light() -> Visuals {
    let mut visuals = Visuals::light();
    visuals.weak_text_color = Some(Color32::from_gray(100));
    visuals.hyperlink_color = Color32::from_rgb(0, 90, 170);
    visuals.warn_fg_color = Color32::from_rgb(170, 70, 0);
    visuals.error_fg_color = Color32::from_rgb(190, 0, 0);
    visuals
}

/// egui's dark visuals; weak text (60% of the text colour, 2.9:1) and plain text lightened.
fn readable_dark() -> Visuals {
    let mut visuals = Visuals::dark();
    visuals.widgets.noninteractive.fg_stroke.color = Color32::from_gray(190);
    visuals.weak_text_color = Some(Color32::from_gray(150));
    visuals.error_fg_color = Color32::from_rgb(255, 100, 100);
    visuals
}

/// Black on white everywhere, strong outlines on every widget, selections in yellow.
fn high_contrast() -> Visuals {
    let mut visuals = Visuals::light();
    let black = Color32::BLACK;
    let white = Color32::WHITE;
    visuals.override_text_color = None;
    visuals.weak_text_color = Some(Color32::from_gray(51));
    visuals.panel_fill = white;
    visuals.window_fill = white;
    visuals.extreme_bg_color = white;
    visuals.faint_bg_color = Color32::from_gray(240);
    visuals.code_bg_color = Color32::from_gray(235);
    visuals.window_stroke = Stroke::new(1.5, black);
    visuals.hyperlink_color = Color32::from_rgb(0, 0, 170);
    visuals.warn_fg_color = Color32::from_rgb(130, 50, 0);
    visuals.error_fg_color = Color32::from_rgb(160, 0, 0);
    // Black on yellow: the selection stroke also outlines the overview's view, on white.
    visuals.selection.bg_fill = Color32::from_rgb(255, 214, 0);
    visuals.selection.stroke = Stroke::new(1.5, black);
    let widgets = &mut visuals.widgets;
    widgets.noninteractive.bg_fill = white;
    widgets.noninteractive.weak_bg_fill = white;
    widgets.noninteractive.bg_stroke = Stroke::new(1.0, Color32::from_gray(60));
    widgets.noninteractive.fg_stroke = Stroke::new(1.0, black);
    for (state, fill) in [
        (&mut widgets.inactive, Color32::from_gray(235)),
        (&mut widgets.hovered, Color32::from_gray(215)),
        (&mut widgets.active, Color32::from_gray(195)),
        (&mut widgets.open, Color32::from_gray(215)),
    ] {
        state.bg_fill = fill;
        state.weak_bg_fill = fill;
        state.bg_stroke = Stroke::new(1.5, black);
        state.fg_stroke = Stroke::new(state.fg_stroke.width.max(1.5), black);
    }
    visuals
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::timeline::color_metrics::contrast_ratio;
    use crate::timeline::scene::Color;

    /// An egui colour (premultiplied) as an unmultiplied scene colour.
    fn color(color: Color32) -> Color {
        let [r, g, b, a] = color.to_srgba_unmultiplied();
        Color::rgba(r, g, b, a)
    }

    /// Every pair of (what, text colour, fill it is drawn on) egui shows.
    fn text_on_fills(visuals: &Visuals) -> Vec<(&'static str, Color32, Color32)> {
        let widgets = &visuals.widgets;
        let mut pairs = Vec::new();
        for (fill_name, fill) in [
            ("panel", visuals.panel_fill),
            ("window and menu", visuals.window_fill),
            ("text edit", visuals.text_edit_bg_color()),
        ] {
            pairs.push((fill_name, visuals.text_color(), fill));
            pairs.push((fill_name, visuals.weak_text_color(), fill));
            pairs.push((fill_name, visuals.strong_text_color(), fill));
        }
        pairs.extend([
            ("hyperlink", visuals.hyperlink_color, visuals.panel_fill),
            ("warning", visuals.warn_fg_color, visuals.panel_fill),
            ("error", visuals.error_fg_color, visuals.panel_fill),
            (
                "selected text",
                visuals.selection.stroke.color,
                visuals.selection.bg_fill,
            ),
            (
                "button",
                widgets.inactive.fg_stroke.color,
                widgets.inactive.weak_bg_fill,
            ),
            (
                "checkbox",
                widgets.inactive.fg_stroke.color,
                widgets.inactive.bg_fill,
            ),
            (
                "hovered button",
                widgets.hovered.fg_stroke.color,
                widgets.hovered.weak_bg_fill,
            ),
            (
                "pressed button",
                widgets.active.fg_stroke.color,
                widgets.active.weak_bg_fill,
            ),
            (
                "open menu",
                widgets.open.fg_stroke.color,
                widgets.open.weak_bg_fill,
            ),
        ]);
        pairs
    }

    #[test]
    fn every_widget_text_is_readable_in_every_theme_and_aaa_in_high_contrast() {
        for theme in Theme::ALL {
            let visuals = visuals_for(theme);
            for (what, text, fill) in text_on_fills(&visuals) {
                let contrast = contrast_ratio(color(text), color(fill));
                assert!(
                    contrast >= theme.min_text_contrast(),
                    "{theme:?} {what}: {contrast:.2}:1 < {}:1",
                    theme.min_text_contrast()
                );
            }
        }
    }

    #[test]
    fn egui_s_own_weak_text_was_too_faint() {
        // What the themes fix: 60% of the text colour is about 3:1 on egui's own panels.
        for visuals in [Visuals::light(), Visuals::dark()] {
            let contrast =
                contrast_ratio(color(visuals.weak_text_color()), color(visuals.panel_fill));
            assert!(contrast < 4.5, "{contrast:.2}");
        }
    }

    #[test]
    fn high_contrast_outlines_every_interactive_widget_in_black() {
        let visuals = visuals_for(Theme::Contrast);
        assert!(!visuals.dark_mode);
        for state in [&visuals.widgets.inactive, &visuals.widgets.hovered] {
            assert_eq!(state.bg_stroke.color, Color32::BLACK);
        }
    }
}
