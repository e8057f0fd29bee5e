//! The fonts of exported pictures: egui's default proportional fonts (the window's), their
//! metrics, and a `TextMeasure` that gives the widths the window measures.

use skrifa::instance::{LocationRef, Size};
use skrifa::metrics::GlyphMetrics;
use skrifa::raw::TableProvider as _;
use skrifa::{FontRef, GlyphId, MetadataProvider as _};

use crate::timeline::scene::FontStyle;
use crate::timeline::text_measure::TextMeasure;

/// egui draws strong text twice, this far apart (see `ui::egui_painter`): it is that much wider.
pub const BOLD_OFFSET_POINTS: f32 = 0.45;

/// The font files of egui's proportional family, in egui's fallback order: the text face first,
/// then egui's icons (the emoji fonts are an egui feature this build does not enable).
pub fn proportional_font_files() -> [&'static [u8]; 2] {
    [
        epaint_default_fonts::UBUNTU_LIGHT,
        epaint_default_fonts::EGUI_ICONS,
    ]
}

/// Vertical metrics of the text face, in font units, as egui reads them (skrifa, default location).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct FaceMetrics {
    pub units_per_em: f32,
    pub ascent: f32,
    /// Negative: below the baseline.
    pub descent: f32,
    pub line_gap: f32,
}

impl FaceMetrics {
    /// egui scales glyphs by `font_size / units_per_em`, exactly as CSS `font-size` does: an egui
    /// size of 12 is an SVG `font-size` of `12 * css_size_factor()` (the check lives in tests).
    pub fn css_size_factor(&self) -> f32 {
        1.0
    }

    /// egui's row height at `size` points and one pixel per point: the galley height that
    /// anchors (centre, bottom) are computed from.
    pub fn row_height_points(&self, size: f32) -> f32 {
        self.unrounded_row_height(size).round()
    }

    /// Distance from the top of an egui text row to its baseline at `size` points: the ascent,
    /// pushed down by the rounding of the row to whole pixels (egui aligns text to the row's
    /// bottom), then rounded to a pixel.
    pub fn baseline_points(&self, size: f32) -> f32 {
        let ascent = round_ui(self.ascent * size / self.units_per_em);
        let row = self.unrounded_row_height(size);
        (ascent + (row.round() - row)).round()
    }

    fn unrounded_row_height(&self, size: f32) -> f32 {
        let scale = size / self.units_per_em;
        let ascent = round_ui(self.ascent * scale);
        let descent = round_ui(self.descent * scale);
        let gap = round_ui(self.line_gap * scale);
        ascent - descent + gap
    }
}

/// egui rounds metrics to 1/32 of a point.
fn round_ui(value: f32) -> f32 {
    (value * 32.0).round() / 32.0
}

struct Face {
    font: FontRef<'static>,
    glyph_metrics: GlyphMetrics<'static>,
    charmap: skrifa::charmap::Charmap<'static>,
    units_per_em: f32,
}

impl Face {
    fn parse(bytes: &'static [u8]) -> Option<Self> {
        let font = FontRef::new(bytes).ok()?;
        let units_per_em = f32::from(font.head().ok()?.units_per_em());
        Some(Self {
            glyph_metrics: font.glyph_metrics(Size::unscaled(), LocationRef::default()),
            charmap: font.charmap(),
            font,
            units_per_em,
        })
    }

    fn advance_em(&self, c: char) -> Option<f32> {
        let glyph = self.charmap.map(c).filter(|id| *id != GlyphId::NOTDEF)?;
        Some(self.glyph_metrics.advance_width(glyph).unwrap_or_default() / self.units_per_em)
    }
}

/// Text widths of egui's default proportional fonts, read from the font files: the same widths
/// `EguiTextMeasure` gets from egui, without an egui context.
pub struct ExportTextMeasure {
    faces: Vec<Face>,
    metrics: FaceMetrics,
    /// Advances in em of the characters below `CACHED_CHARS`, which labels are made of.
    cached_advances_em: Vec<f32>,
}

const CACHED_CHARS: u32 = 0x0530;

impl ExportTextMeasure {
    pub fn new() -> Self {
        let faces: Vec<Face> = proportional_font_files()
            .into_iter()
            .filter_map(Face::parse)
            .collect();
        let metrics = faces
            .first()
            .map(|face| {
                let m = face.font.metrics(Size::unscaled(), LocationRef::default());
                FaceMetrics {
                    units_per_em: face.units_per_em,
                    ascent: m.ascent,
                    descent: m.descent,
                    line_gap: m.leading,
                }
            })
            .unwrap_or(FaceMetrics {
                units_per_em: 1000.0,
                ascent: 800.0,
                descent: -200.0,
                line_gap: 0.0,
            });
        let mut measure = Self {
            faces,
            metrics,
            cached_advances_em: Vec::new(),
        };
        measure.cached_advances_em = (0..CACHED_CHARS)
            .map(|code| char::from_u32(code).map_or(0.0, |c| measure.advance_em(c)))
            .collect();
        measure
    }

    pub fn face_metrics(&self) -> FaceMetrics {
        self.metrics
    }

    /// The advance of `c` in em, from the first face that has it (0 when none has, as egui).
    fn advance_em(&self, c: char) -> f32 {
        if let Some(advance) = self.cached_advances_em.get(c as usize) {
            return *advance;
        }
        let c = match c {
            // egui draws tabs and thin spaces as spaces of its own widths.
            '\t' => return 4.0 * self.advance_em(' '),
            '\u{2009}' | '\u{202F}' => return 0.5 * self.advance_em(' '),
            c => c,
        };
        self.faces
            .iter()
            .find_map(|face| face.advance_em(c))
            .unwrap_or(0.0)
    }
}

impl Default for ExportTextMeasure {
    fn default() -> Self {
        Self::new()
    }
}

impl TextMeasure for ExportTextMeasure {
    fn text_width(&self, text: &str, size: f32, style: FontStyle) -> f32 {
        let width_em: f32 = text.chars().map(|c| self.advance_em(c)).sum();
        width_em * size + bold_extra(style)
    }

    fn char_width(&self, c: char, size: f32, _style: FontStyle) -> f32 {
        self.advance_em(c) * size
    }
}

fn bold_extra(style: FontStyle) -> f32 {
    if style == FontStyle::Strong {
        BOLD_OFFSET_POINTS
    } else {
        0.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use egui::FontId;

    fn egui_fonts() -> egui::epaint::text::Fonts {
        egui::epaint::text::Fonts::new(
            egui::epaint::text::TextOptions::default(),
            egui::FontDefinitions::default(),
        )
    }

    #[test]
    fn widths_match_what_egui_measures_within_one_percent() {
        let measure = ExportTextMeasure::new();
        let mut fonts = egui_fonts();
        let strings = [
            "Minsk II signed",
            "Istanbul talks: Ukraine's proposals",
            "Кремль, 24 лютого",
            "W 2022 & <Q>",
        ];
        for size in [11.0, 12.0, 14.5, 18.0, 24.0] {
            for text in strings {
                let egui_width: f32 = text
                    .chars()
                    .map(|c| {
                        fonts
                            .with_pixels_per_point(1.0)
                            .glyph_width(&FontId::proportional(size), c)
                    })
                    .sum();
                let ours = measure.text_width(text, size, FontStyle::Regular);
                let relative = (ours - egui_width).abs() / egui_width;
                assert!(
                    relative < 0.01,
                    "{text:?} at {size}: ours {ours}, egui {egui_width}"
                );
            }
        }
    }

    #[test]
    fn shaped_galleys_are_as_wide_as_the_measure_says_within_one_percent() {
        let measure = ExportTextMeasure::new();
        let mut fonts = egui_fonts();
        for size in [11.0, 16.0, 24.0] {
            let text = "Black Sea Grain Initiative extended";
            let galley = fonts.with_pixels_per_point(1.0).layout_no_wrap(
                text.to_owned(),
                FontId::proportional(size),
                egui::Color32::WHITE,
            );
            let ours = measure.text_width(text, size, FontStyle::Regular);
            let relative = (ours - galley.size().x).abs() / galley.size().x;
            assert!(
                relative < 0.01,
                "{size}: ours {ours}, egui {:?}",
                galley.size()
            );
        }
    }

    #[test]
    fn row_height_and_baseline_match_egui_galleys() {
        let metrics = ExportTextMeasure::new().face_metrics();
        let mut fonts = egui_fonts();
        for size in [11.0, 12.0, 13.0, 18.0, 24.0, 36.0] {
            let galley = fonts.with_pixels_per_point(1.0).layout_no_wrap(
                "Hg".to_owned(),
                FontId::proportional(size),
                egui::Color32::WHITE,
            );
            assert_eq!(galley.size().y, metrics.row_height_points(size), "{size}");
            let glyph = &galley.rows[0].row.glyphs[0];
            assert_eq!(glyph.pos.y, metrics.baseline_points(size), "{size}");
        }
    }

    #[test]
    fn egui_font_size_is_the_css_font_size_of_the_same_glyphs() {
        // egui scales outlines by size / units_per_em; so does SVG. A glyph 100 points tall in
        // egui must be 100 px tall in the SVG: compare the advance of a wide glyph at size 100.
        let measure = ExportTextMeasure::new();
        let metrics = measure.face_metrics();
        let mut fonts = egui_fonts();
        let egui_width = fonts
            .with_pixels_per_point(1.0)
            .glyph_width(&FontId::proportional(100.0), 'M');
        let css_width =
            measure.char_width('M', 100.0 * metrics.css_size_factor(), FontStyle::Regular);
        assert!(
            (egui_width - css_width).abs() < 1e-3,
            "{egui_width} vs {css_width}"
        );
        assert!(metrics.units_per_em > 0.0);
    }

    #[test]
    fn strong_text_is_wider_by_the_double_draw_offset() {
        let measure = ExportTextMeasure::new();
        let regular = measure.text_width("Minsk", 12.0, FontStyle::Regular);
        let strong = measure.text_width("Minsk", 12.0, FontStyle::Strong);
        assert!((strong - regular - BOLD_OFFSET_POINTS).abs() < 1e-4);
    }
}
