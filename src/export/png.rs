//! Rasterises export SVGs with resvg, using only the fonts compiled into the binary (never the
//! system's), so a PNG has the same bytes on every machine.

use std::sync::{Arc, OnceLock};

use resvg::tiny_skia;
use resvg::usvg;

use super::ExportError;
use super::fonts::proportional_font_files;
use super::svg::FONT_FAMILY;

/// The largest picture side, in pixels (tiny-skia's limit is far above; memory is not).
pub const MAX_SIDE_PIXELS: u32 = 16_384;

/// Straight (not premultiplied) RGBA pixels, row by row.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RgbaImage {
    pub width: u32,
    pub height: u32,
    pub pixels: Vec<u8>,
}

/// A font database holding egui's proportional fonts and nothing else.
fn font_database() -> Arc<usvg::fontdb::Database> {
    static DATABASE: OnceLock<Arc<usvg::fontdb::Database>> = OnceLock::new();
    DATABASE
        .get_or_init(|| {
            let mut database = usvg::fontdb::Database::new();
            for bytes in proportional_font_files() {
                database.load_font_data(bytes.to_vec());
            }
            Arc::new(database)
        })
        .clone()
}

/// Family names of the faces a PNG can use (for tests and diagnostics).
pub fn embedded_font_families() -> Vec<String> {
    font_database()
        .faces()
        .flat_map(|face| face.families.iter().map(|(name, _)| name.clone()))
        .collect()
}

/// Renders `svg` at `scale` pixels per point.
pub fn svg_to_rgba(svg: &str, scale: f32) -> Result<RgbaImage, ExportError> {
    let options = usvg::Options {
        font_family: FONT_FAMILY.to_owned(),
        fontdb: font_database(),
        ..Default::default()
    };
    let tree =
        usvg::Tree::from_str(svg, &options).map_err(|error| ExportError::Svg(error.to_string()))?;
    let size = tree.size();
    let (width, height) = picture_pixels(size.width(), size.height(), scale)?;
    let mut pixmap = tiny_skia::Pixmap::new(width, height).ok_or(ExportError::PictureSize {
        width: width as f32,
        height: height as f32,
    })?;
    resvg::render(
        &tree,
        tiny_skia::Transform::from_scale(scale, scale),
        &mut pixmap.as_mut(),
    );
    let mut pixels = pixmap.take();
    unpremultiply(&mut pixels);
    Ok(RgbaImage {
        width,
        height,
        pixels,
    })
}

/// The picture's size in pixels, or an error naming it when it is empty or too large.
pub fn picture_pixels(
    width_points: f32,
    height_points: f32,
    scale: f32,
) -> Result<(u32, u32), ExportError> {
    let width = (width_points * scale).round();
    let height = (height_points * scale).round();
    let fits = |side: f32| (1.0..=MAX_SIDE_PIXELS as f32).contains(&side);
    if !(fits(width) && fits(height)) {
        return Err(ExportError::PictureSize {
            width: width.max(0.0),
            height: height.max(0.0),
        });
    }
    Ok((width as u32, height as u32))
}

/// tiny-skia keeps premultiplied colours; PNG and clipboards want straight ones.
fn unpremultiply(pixels: &mut [u8]) {
    for pixel in pixels.chunks_exact_mut(4) {
        let alpha = u16::from(pixel[3]);
        if alpha == 0 || alpha == 255 {
            continue;
        }
        for channel in &mut pixel[..3] {
            *channel = ((u16::from(*channel) * 255 + alpha / 2) / alpha).min(255) as u8;
        }
    }
}

/// PNG bytes of `image`. Fast compression: a 4K picture encodes in tens of milliseconds, and
/// flat timeline colours compress well anyway.
pub fn encode_png(image: &RgbaImage) -> Result<Vec<u8>, ExportError> {
    let mut bytes = Vec::new();
    {
        let mut encoder = png::Encoder::new(&mut bytes, image.width, image.height);
        encoder.set_color(png::ColorType::Rgba);
        encoder.set_depth(png::BitDepth::Eight);
        encoder.set_compression(png::Compression::Fast);
        let mut writer = encoder
            .write_header()
            .map_err(|error| ExportError::Png(error.to_string()))?;
        writer
            .write_image_data(&image.pixels)
            .map_err(|error| ExportError::Png(error.to_string()))?;
        writer
            .finish()
            .map_err(|error| ExportError::Png(error.to_string()))?;
    }
    Ok(bytes)
}

/// Decodes a PNG to straight RGBA (for tests that compare pictures).
pub fn decode_png(bytes: &[u8]) -> Result<RgbaImage, ExportError> {
    let decoder = png::Decoder::new(std::io::Cursor::new(bytes));
    let mut reader = decoder
        .read_info()
        .map_err(|error| ExportError::Png(error.to_string()))?;
    let size = reader
        .output_buffer_size()
        .ok_or_else(|| ExportError::Png("the picture is too large".to_owned()))?;
    let mut pixels = vec![0; size];
    let info = reader
        .next_frame(&mut pixels)
        .map_err(|error| ExportError::Png(error.to_string()))?;
    if info.color_type != png::ColorType::Rgba || info.bit_depth != png::BitDepth::Eight {
        return Err(ExportError::Png(format!(
            "expected 8-bit RGBA, found {:?} {:?}",
            info.color_type, info.bit_depth
        )));
    }
    pixels.truncate(info.buffer_size());
    Ok(RgbaImage {
        width: info.width,
        height: info.height,
        pixels,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_font_database_holds_only_the_embedded_fonts() {
        let families = embedded_font_families();
        assert!(families.iter().any(|f| f == FONT_FAMILY), "{families:?}");
        assert_eq!(font_database().len(), proportional_font_files().len());
    }

    #[test]
    fn text_renders_with_the_embedded_font() {
        let svg = format!(
            r#"<svg xmlns="http://www.w3.org/2000/svg" width="60" height="30" font-family="{FONT_FAMILY}" font-weight="300"><rect width="60" height="30" fill="white"/><text x="2" y="20" font-size="16">Kyiv</text></svg>"#
        );
        let image = svg_to_rgba(&svg, 1.0).expect("renders");
        let dark = image.pixels.chunks_exact(4).filter(|p| p[0] < 128).count();
        assert!(
            dark > 20,
            "only {dark} dark pixels: the text did not render"
        );
    }

    /// Rows (top, bottom exclusive) that hold ink darker than half-way, in a white picture.
    fn ink_rows(image: &RgbaImage) -> Option<(usize, usize)> {
        let row_bytes = image.width as usize * 4;
        let inked: Vec<usize> = image
            .pixels
            .chunks_exact(row_bytes)
            .enumerate()
            .filter(|(_, row)| row.chunks_exact(4).any(|p| p[0] < 128))
            .map(|(y, _)| y)
            .collect();
        Some((*inked.first()?, *inked.last()? + 1))
    }

    #[test]
    fn glyphs_are_as_tall_and_sit_as_high_as_egui_draws_them() {
        use crate::export::fonts::ExportTextMeasure;
        use crate::export::svg::scene_to_svg;
        use crate::timeline::scene::{Color, FontStyle, Point, Rect, Scene, Shape, TextAnchor};

        let mut fonts = egui::epaint::text::Fonts::new(
            egui::epaint::text::TextOptions::default(),
            egui::FontDefinitions::default(),
        );
        let metrics = ExportTextMeasure::new().face_metrics();
        for (size, letter) in [(100.0, "H"), (60.0, "g"), (24.0, "E")] {
            let galley = fonts.with_pixels_per_point(1.0).layout_no_wrap(
                letter.to_owned(),
                egui::FontId::proportional(size),
                egui::Color32::BLACK,
            );
            let glyph = &galley.rows[0].row.glyphs[0];
            let egui_top = glyph.pos.y + glyph.uv_rect.offset.y;
            let egui_bottom = egui_top + glyph.uv_rect.size.y;

            let origin = Point::new(10.0, 10.0);
            let scene = Scene {
                shapes: vec![
                    Shape::Rect {
                        rect: Rect::from_x_y_ranges(0.0, 200.0, 0.0, 200.0),
                        fill: Color::rgb(255, 255, 255),
                        stroke: None,
                        corner_radius: 0.0,
                    },
                    Shape::Text {
                        pos: origin,
                        anchor: TextAnchor::LeftTop,
                        text: letter.to_owned(),
                        size,
                        color: Color::rgb(0, 0, 0),
                        style: FontStyle::Regular,
                        bounds: Rect::default(),
                    },
                ],
                ..Default::default()
            };
            let image =
                svg_to_rgba(&scene_to_svg(&scene, 200.0, 200.0, &metrics), 1.0).expect("renders");
            let (top, bottom) = ink_rows(&image).expect("the letter is drawn");
            // egui's bitmaps carry up to a pixel of antialiasing margin on each side.
            let expected_top = origin.y + egui_top;
            let expected_bottom = origin.y + egui_bottom;
            assert!(
                (top as f32 - expected_top).abs() <= 1.5,
                "{letter} at {size}: ink from row {top}, egui from {expected_top}"
            );
            assert!(
                (bottom as f32 - expected_bottom).abs() <= 1.5,
                "{letter} at {size}: ink to row {bottom}, egui to {expected_bottom}"
            );
        }
    }

    #[test]
    fn png_round_trips_and_scale_multiplies_the_size() {
        let svg = r##"<svg xmlns="http://www.w3.org/2000/svg" width="10" height="5"><rect width="10" height="5" fill="#ff0000" fill-opacity="0.5"/></svg>"##;
        let image = svg_to_rgba(svg, 2.0).expect("renders");
        assert_eq!((image.width, image.height), (20, 10));
        assert_eq!(&image.pixels[..4], &[255, 0, 0, 128]);
        let decoded = decode_png(&encode_png(&image).expect("encodes")).expect("decodes");
        assert_eq!(decoded, image);
    }

    #[test]
    fn oversized_pictures_are_refused_with_a_message() {
        let svg = r#"<svg xmlns="http://www.w3.org/2000/svg" width="10000" height="10"></svg>"#;
        let error = svg_to_rgba(svg, 4.0).expect_err("too wide");
        assert!(error.to_string().contains("40000"), "{error}");
    }
}
