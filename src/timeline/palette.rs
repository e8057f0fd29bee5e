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

    /// The least contrast ratio every text colour of the theme keeps against what it is drawn
    /// on: WCAG AA (4.5:1), AAA (7:1) in high contrast.
    pub fn min_text_contrast(self) -> f64 {
        match self {
            Theme::Light | Theme::Dark => 4.5,
            Theme::Contrast => 7.0,
        }
    }

    /// The least contrast ratio of markers (category colours, cluster badges, the selection
    /// ring): WCAG non-text contrast (3:1), 4.5:1 in high contrast.
    pub fn min_marker_contrast(self) -> f64 {
        match self {
            Theme::Light | Theme::Dark => 3.0,
            Theme::Contrast => 4.5,
        }
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
    /// The warning triangle on events with findings: a yellow fill (Okabe–Ito yellow, which no
    /// category uses) inside an outline that stands out from every surface.
    pub warning_fill: Color,
    pub warning_outline: Color,
    /// The publication lag: the line from an event to its sources' publication dates, and
    /// their ticks.
    pub lag: Color,
    /// How much of their colour non-matching events keep while a search is active.
    pub dimmed_alpha: f32,
    /// Opacity of era bands.
    pub era_alpha: f32,
    categories: [Color; 7],
}

/// Okabe–Ito colours (Okabe and Ito, "Color Universal Design", 2008), in the order of
/// `Category::ALL`: diplomacy blue, military vermillion, sanctions reddish purple, agreement
/// bluish green, humanitarian sky blue, politics orange, other grey. Each theme moves their
/// lightness (keeping hue and chroma, in CIELAB) until every marker has at least 3:1 contrast
/// against the surfaces it is drawn on (4.5:1 in high contrast) and every pair of categories is
/// at least [`MIN_CATEGORY_DELTA_E`] apart; the tests below check both.
pub const OKABE_ITO: [Color; 7] = [
    Color::rgb(0x00, 0x72, 0xB2),
    Color::rgb(0xD5, 0x5E, 0x00),
    Color::rgb(0xCC, 0x79, 0xA7),
    Color::rgb(0x00, 0x9E, 0x73),
    Color::rgb(0x56, 0xB4, 0xE9),
    Color::rgb(0xE6, 0x9F, 0x00),
    Color::rgb(0x80, 0x80, 0x80),
];

/// The least CIEDE2000 difference between two category colours of one theme. The Okabe–Ito
/// colours themselves are at least 22 apart on white (orange and vermillion); small marks need
/// far more than the 2–3 units that are just noticeable side by side (Szafir, "Modeling Color
/// Difference for Visualization Design", 2018), so every theme keeps about the original spacing.
pub const MIN_CATEGORY_DELTA_E: f64 = 20.0;

/// Light: sky blue, orange, bluish green and purple darkened to reach 3:1 on the pale
/// background (and on era bands and lane stripes); blue darkened to navy so that it stays apart
/// from the darkened sky blue.
const LIGHT_CATEGORIES: [Color; 7] = [
    Color::rgb(0x00, 0x1F, 0x56),
    Color::rgb(0xCC, 0x52, 0x00),
    Color::rgb(0xBA, 0x68, 0x97),
    Color::rgb(0x00, 0x95, 0x6A),
    Color::rgb(0x00, 0x5E, 0x90),
    Color::rgb(0x9F, 0x7F, 0x00),
    Color::rgb(0x76, 0x76, 0x76),
];

/// Dark: blue lightened to reach 3:1, sky blue lightened further so that the two blues stay
/// apart (they were 8 apart before), vermillion a little lighter.
const DARK_CATEGORIES: [Color; 7] = [
    Color::rgb(0x2E, 0x85, 0xCF),
    Color::rgb(0xEB, 0x6A, 0x2A),
    Color::rgb(0xDB, 0x8D, 0xBA),
    Color::rgb(0x17, 0xB0, 0x8A),
    Color::rgb(0x9C, 0xDD, 0xFF),
    Color::rgb(0xE6, 0xA8, 0x00),
    Color::rgb(0x96, 0x96, 0x96),
];

/// High contrast: every colour darkened to at least 4.5:1 on white.
const CONTRAST_CATEGORIES: [Color; 7] = [
    Color::rgb(0x00, 0x1D, 0x4C),
    Color::rgb(0xB5, 0x4A, 0x00),
    Color::rgb(0xA0, 0x46, 0x7A),
    Color::rgb(0x00, 0x7A, 0x55),
    Color::rgb(0x00, 0x71, 0xAA),
    Color::rgb(0x7A, 0x6A, 0x00),
    Color::rgb(0x49, 0x49, 0x49),
];

/// Okabe–Ito yellow: the one colour of the set no category uses, and the colour of warning
/// signs.
pub const WARNING_YELLOW: Color = Color::rgb(0xF0, 0xE4, 0x42);

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
                text_weak: Color::rgb(0x59, 0x59, 0x59),
                grid: Color::rgba(0, 0, 0, 18),
                grid_major: Color::rgba(0, 0, 0, 45),
                lane_stripe: Color::rgba(0, 0, 0, 8),
                gutter: Color::rgb(0xEE, 0xEE, 0xEA),
                axis: Color::rgb(0x50, 0x50, 0x50),
                selection: Color::rgb(0x11, 0x11, 0x11),
                highlight: Color::rgb(0xB0, 0x60, 0x00),
                cluster_fill: Color::rgb(0x55, 0x5F, 0x6E),
                cluster_text: Color::rgb(0xFF, 0xFF, 0xFF),
                compressed_band: Color::rgba(0, 0, 0, 22),
                warning_fill: WARNING_YELLOW,
                warning_outline: Color::rgb(0x1E, 0x1E, 0x1E),
                lag: Color::rgb(0x59, 0x59, 0x59),
                dimmed_alpha: 0.25,
                era_alpha: 0.12,
                categories: LIGHT_CATEGORIES,
            },
            Theme::Dark => Self {
                background: Color::rgb(0x1B, 0x1D, 0x21),
                text: Color::rgb(0xE6, 0xE6, 0xE6),
                text_weak: Color::rgb(0xA8, 0xAC, 0xB2),
                grid: Color::rgba(255, 255, 255, 14),
                grid_major: Color::rgba(255, 255, 255, 38),
                lane_stripe: Color::rgba(255, 255, 255, 8),
                gutter: Color::rgb(0x23, 0x26, 0x2B),
                axis: Color::rgb(0xB0, 0xB0, 0xB0),
                selection: Color::rgb(0xFF, 0xFF, 0xFF),
                highlight: Color::rgb(0xF0, 0xE4, 0x42),
                // A light badge with dark text: a dark grey badge was under 3:1 on the background.
                cluster_fill: Color::rgb(0x9A, 0xA3, 0xB0),
                cluster_text: Color::rgb(0x11, 0x13, 0x17),
                compressed_band: Color::rgba(255, 255, 255, 16),
                // On a dark ground the yellow itself stands out; the outline parts it from the
                // marker under it.
                warning_fill: WARNING_YELLOW,
                warning_outline: Color::rgb(0x1B, 0x1D, 0x21),
                lag: Color::rgb(0xA8, 0xAC, 0xB2),
                dimmed_alpha: 0.25,
                era_alpha: 0.14,
                categories: DARK_CATEGORIES,
            },
            // Black on white, no grey text: WCAG AAA (7:1) for every text, 4.5:1 for markers.
            Theme::Contrast => Self {
                background: Color::rgb(0xFF, 0xFF, 0xFF),
                text: Color::rgb(0x00, 0x00, 0x00),
                text_weak: Color::rgb(0x33, 0x33, 0x33),
                grid: Color::rgba(0, 0, 0, 40),
                grid_major: Color::rgba(0, 0, 0, 110),
                lane_stripe: Color::rgba(0, 0, 0, 8),
                gutter: Color::rgb(0xF0, 0xF0, 0xF0),
                axis: Color::rgb(0, 0, 0),
                selection: Color::rgb(0, 0, 0),
                highlight: Color::rgb(0xC0, 0x00, 0x50),
                cluster_fill: Color::rgb(0x00, 0x00, 0x00),
                cluster_text: Color::rgb(0xFF, 0xFF, 0xFF),
                compressed_band: Color::rgba(0, 0, 0, 30),
                warning_fill: WARNING_YELLOW,
                warning_outline: Color::rgb(0, 0, 0),
                lag: Color::rgb(0x33, 0x33, 0x33),
                dimmed_alpha: 0.3,
                era_alpha: 0.10,
                categories: CONTRAST_CATEGORIES,
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
    use crate::timeline::color_metrics::{composite_over, contrast_ratio, delta_e_2000};

    /// What markers are drawn on: the background, a lane stripe, each default era band, and an
    /// era band over a lane stripe.
    fn time_area_surfaces(palette: &Palette) -> Vec<Color> {
        let background = palette.background;
        let striped = composite_over(palette.lane_stripe, background);
        let mut surfaces = vec![background, striped];
        for era in ERA_COLORS {
            let band = era.faded(palette.era_alpha);
            surfaces.push(composite_over(band, background));
            surfaces.push(composite_over(band, striped));
        }
        surfaces
    }

    /// What text is drawn on: the time area's surfaces, the lane title gutter (striped or not).
    fn text_surfaces(palette: &Palette) -> Vec<Color> {
        let mut surfaces = time_area_surfaces(palette);
        surfaces.push(palette.gutter);
        surfaces.push(composite_over(palette.lane_stripe, palette.gutter));
        surfaces
    }

    fn least_contrast(color: Color, surfaces: &[Color]) -> f64 {
        surfaces
            .iter()
            .map(|surface| contrast_ratio(color, *surface))
            .fold(f64::INFINITY, f64::min)
    }

    #[test]
    fn every_category_marker_stands_out_from_every_surface_in_every_theme() {
        for theme in Theme::ALL {
            let palette = Palette::for_theme(theme);
            let surfaces = time_area_surfaces(&palette);
            for category in Category::ALL {
                let contrast = least_contrast(palette.category(category), &surfaces);
                assert!(
                    contrast >= theme.min_marker_contrast(),
                    "{theme:?} {category:?}: {contrast:.2}:1 < {}:1",
                    theme.min_marker_contrast()
                );
            }
        }
    }

    #[test]
    fn every_two_categories_are_far_apart_in_ciede2000_in_every_theme() {
        for theme in Theme::ALL {
            let palette = Palette::for_theme(theme);
            for (i, a) in Category::ALL.iter().enumerate() {
                for b in &Category::ALL[i + 1..] {
                    let difference = delta_e_2000(palette.category(*a), palette.category(*b));
                    assert!(
                        difference >= MIN_CATEGORY_DELTA_E,
                        "{theme:?}: {a:?} and {b:?} are {difference:.1} apart"
                    );
                }
            }
        }
    }

    #[test]
    fn every_text_colour_is_readable_on_every_surface_and_aaa_in_high_contrast() {
        for theme in Theme::ALL {
            let palette = Palette::for_theme(theme);
            let surfaces = text_surfaces(&palette);
            for (name, color) in [
                ("text", palette.text),
                ("weak text", palette.text_weak),
                ("axis", palette.axis),
            ] {
                let contrast = least_contrast(color, &surfaces);
                assert!(
                    contrast >= theme.min_text_contrast(),
                    "{theme:?} {name}: {contrast:.2}:1"
                );
            }
        }
    }

    #[test]
    fn cluster_badges_and_the_selection_ring_stand_out_and_badge_counts_are_readable() {
        for theme in Theme::ALL {
            let palette = Palette::for_theme(theme);
            let surfaces = time_area_surfaces(&palette);
            let badge_text = contrast_ratio(palette.cluster_text, palette.cluster_fill);
            assert!(
                badge_text >= theme.min_text_contrast(),
                "{theme:?} badge text: {badge_text:.2}:1"
            );
            for (name, color) in [
                ("badge", palette.cluster_fill),
                ("selection", palette.selection),
            ] {
                let contrast = least_contrast(color, &surfaces);
                assert!(
                    contrast >= theme.min_marker_contrast(),
                    "{theme:?} {name}: {contrast:.2}:1"
                );
            }
        }
    }

    #[test]
    fn the_warning_triangle_and_the_lag_stand_out_from_every_surface() {
        for theme in Theme::ALL {
            let palette = Palette::for_theme(theme);
            let surfaces = time_area_surfaces(&palette);
            // The triangle is seen by whichever of fill or outline stands out more.
            let triangle = least_contrast(palette.warning_fill, &surfaces)
                .max(least_contrast(palette.warning_outline, &surfaces));
            assert!(
                triangle >= theme.min_marker_contrast(),
                "{theme:?} warning: {triangle:.2}:1"
            );
            let inside = contrast_ratio(palette.warning_fill, palette.warning_outline);
            assert!(inside >= 3.0, "{theme:?} fill on outline: {inside:.2}:1");
            let lag = least_contrast(palette.lag, &surfaces);
            assert!(
                lag >= theme.min_marker_contrast(),
                "{theme:?} lag: {lag:.2}:1"
            );
        }
    }

    #[test]
    fn the_published_okabe_ito_colours_would_fail_the_light_theme() {
        // Why the themes adjust them: orange and sky blue are about 2.2:1 on a pale background.
        let background = Palette::for_theme(Theme::Light).background;
        assert!(contrast_ratio(OKABE_ITO[5], background) < 3.0);
        assert!(contrast_ratio(OKABE_ITO[4], background) < 3.0);
    }

    #[test]
    fn every_category_has_its_own_colour() {
        for theme in Theme::ALL {
            let palette = Palette::for_theme(theme);
            let mut colors: Vec<Color> =
                Category::ALL.iter().map(|c| palette.category(*c)).collect();
            colors.sort_by_key(|c| (c.r, c.g, c.b));
            colors.dedup();
            assert_eq!(colors.len(), Category::ALL.len());
        }
    }
}
