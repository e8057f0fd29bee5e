//! Colours of the timeline for each theme; categories use the colour-blind-safe Okabe–Ito set.

use serde::{Deserialize, Serialize};

use super::scene::Color;
use crate::model::category::Category;

/// The themes a timeline can be drawn in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
pub enum Theme {
    Light,
    #[default]
    Dark,
    /// High contrast for projectors.
    Contrast,
}

impl Theme {
    pub const ALL: [Theme; 3] = [Theme::Light, Theme::Dark, Theme::Contrast];

    pub fn label(self) -> &'static str {
        match self {
            Theme::Light => "Light",
            Theme::Dark => "Dark",
            Theme::Contrast => "High contrast",
        }
    }

    pub fn is_dark(self) -> bool {
        matches!(self, Theme::Dark)
    }
}

/// Every colour the layout uses.
#[derive(Clone, Debug, PartialEq)]
pub struct Palette {
    pub background: Color,
    pub text: Color,
    pub text_weak: Color,
    pub grid: Color,
    pub grid_major: Color,
    pub lane_stripe: Color,
    pub gutter: Color,
    pub axis: Color,
    pub selection: Color,
    pub highlight: Color,
    pub cluster_fill: Color,
    pub cluster_text: Color,
    pub compressed_band: Color,
    /// How much of their colour non-matching events keep while a search is active.
    pub dimmed_alpha: f32,
    /// Opacity of era bands.
    pub era_alpha: f32,
    categories: [Color; 7],
}

/// Okabe–Ito colours, in the order of `Category::ALL`.
const OKABE_ITO: [Color; 7] = [
    Color::rgb(0x00, 0x72, 0xB2), // diplomacy: blue
    Color::rgb(0xD5, 0x5E, 0x00), // military: vermillion
    Color::rgb(0xCC, 0x79, 0xA7), // sanctions: reddish purple
    Color::rgb(0x00, 0x9E, 0x73), // agreement: bluish green
    Color::rgb(0x56, 0xB4, 0xE9), // humanitarian: sky blue
    Color::rgb(0xE6, 0x9F, 0x00), // politics: orange
    Color::rgb(0x80, 0x80, 0x80), // other: neutral grey
];

/// Default era colours when a file gives none.
pub const ERA_COLORS: [Color; 4] = [
    Color::rgb(0x8C, 0x9E, 0xB5),
    Color::rgb(0xC0, 0x8A, 0x7D),
    Color::rgb(0x8F, 0xB3, 0x96),
    Color::rgb(0xB5, 0xA5, 0x7D),
];

impl Palette {
    pub fn for_theme(theme: Theme) -> Self {
        match theme {
            Theme::Light => Self {
                background: Color::rgb(0xFA, 0xFA, 0xF8),
                text: Color::rgb(0x1E, 0x1E, 0x1E),
                text_weak: Color::rgb(0x5A, 0x5A, 0x5A),
                grid: Color::rgba(0, 0, 0, 18),
                grid_major: Color::rgba(0, 0, 0, 45),
                lane_stripe: Color::rgba(0, 0, 0, 10),
                gutter: Color::rgb(0xEE, 0xEE, 0xEA),
                axis: Color::rgb(0x50, 0x50, 0x50),
                selection: Color::rgb(0x11, 0x11, 0x11),
                highlight: Color::rgb(0xF0, 0xC0, 0x00),
                cluster_fill: Color::rgb(0x55, 0x5F, 0x6E),
                cluster_text: Color::rgb(0xFF, 0xFF, 0xFF),
                compressed_band: Color::rgba(0, 0, 0, 22),
                dimmed_alpha: 0.25,
                era_alpha: 0.16,
                categories: OKABE_ITO,
            },
            Theme::Dark => Self {
                background: Color::rgb(0x1B, 0x1D, 0x21),
                text: Color::rgb(0xE6, 0xE6, 0xE6),
                text_weak: Color::rgb(0xA0, 0xA4, 0xAA),
                grid: Color::rgba(255, 255, 255, 14),
                grid_major: Color::rgba(255, 255, 255, 38),
                lane_stripe: Color::rgba(255, 255, 255, 8),
                gutter: Color::rgb(0x23, 0x26, 0x2B),
                axis: Color::rgb(0xB0, 0xB0, 0xB0),
                selection: Color::rgb(0xFF, 0xFF, 0xFF),
                highlight: Color::rgb(0xF0, 0xE4, 0x42),
                cluster_fill: Color::rgb(0x6B, 0x75, 0x85),
                cluster_text: Color::rgb(0xFF, 0xFF, 0xFF),
                compressed_band: Color::rgba(255, 255, 255, 16),
                dimmed_alpha: 0.25,
                era_alpha: 0.14,
                categories: [
                    Color::rgb(0x3C, 0x9B, 0xE0), // lighter blue for contrast on dark
                    OKABE_ITO[1],
                    OKABE_ITO[2],
                    OKABE_ITO[3],
                    OKABE_ITO[4],
                    OKABE_ITO[5],
                    Color::rgb(0x9A, 0x9A, 0x9A), // lighter grey for contrast on dark
                ],
            },
            Theme::Contrast => Self {
                background: Color::rgb(0xFF, 0xFF, 0xFF),
                text: Color::rgb(0x00, 0x00, 0x00),
                text_weak: Color::rgb(0x20, 0x20, 0x20),
                grid: Color::rgba(0, 0, 0, 40),
                grid_major: Color::rgba(0, 0, 0, 110),
                lane_stripe: Color::rgba(0, 0, 0, 16),
                gutter: Color::rgb(0xE8, 0xE8, 0xE8),
                axis: Color::rgb(0, 0, 0),
                selection: Color::rgb(0, 0, 0),
                highlight: Color::rgb(0xE0, 0x10, 0x60),
                cluster_fill: Color::rgb(0x20, 0x20, 0x20),
                cluster_text: Color::rgb(0xFF, 0xFF, 0xFF),
                compressed_band: Color::rgba(0, 0, 0, 30),
                dimmed_alpha: 0.3,
                era_alpha: 0.22,
                categories: OKABE_ITO,
            },
        }
    }

    pub fn category(&self, category: Category) -> Color {
        let index = Category::ALL
            .iter()
            .position(|c| *c == category)
            .unwrap_or(0);
        self.categories[index]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_category_has_its_own_colour() {
        let palette = Palette::for_theme(Theme::Light);
        let mut colors: Vec<Color> = Category::ALL.iter().map(|c| palette.category(*c)).collect();
        colors.sort_by_key(|c| (c.r, c.g, c.b));
        colors.dedup();
        assert_eq!(colors.len(), Category::ALL.len());
    }
}
