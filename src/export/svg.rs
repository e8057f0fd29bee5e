//! Writes a `Scene` as SVG text: deterministic (fixed number format, no dates or ids that
//! change), with text in egui's font family at egui's size and baseline.

use std::fmt::Write as _;

use super::fonts::{BOLD_OFFSET_POINTS, FaceMetrics};
use crate::timeline::scene::{Color, FontStyle, Point, Rect, Scene, Shape, TextAnchor};

/// The family name of egui's proportional font (Ubuntu Light) as font databases list it. The
/// PNG renderer has only this font; other SVG viewers fall back to their sans-serif without it.
pub const FONT_FAMILY: &str = "Ubuntu";
/// Ubuntu Light's weight.
pub const FONT_WEIGHT: u16 = 300;

/// The SVG document of `scene` on a `width_points` × `height_points` page (1 SVG px = 1 point).
pub fn scene_to_svg(
    scene: &Scene,
    width_points: f32,
    height_points: f32,
    metrics: &FaceMetrics,
) -> String {
    let mut svg = String::with_capacity(256 + scene.shapes.len() * 120);
    let (w, h) = (number(width_points), number(height_points));
    let _ = writeln!(
        svg,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" viewBox="0 0 {w} {h}" font-family="{FONT_FAMILY}, sans-serif" font-weight="{FONT_WEIGHT}">"#
    );
    for shape in &scene.shapes {
        write_shape(&mut svg, shape, metrics);
    }
    svg.push_str("</svg>\n");
    svg
}

fn write_shape(svg: &mut String, shape: &Shape, metrics: &FaceMetrics) {
    match shape {
        Shape::Rect {
            rect,
            fill,
            stroke,
            corner_radius,
        } => {
            if fill.a > 0 {
                write_rect(svg, *rect, *corner_radius, &paint("fill", *fill));
            }
            if let Some((width, color)) = stroke
                && *width > 0.0
                && color.a > 0
            {
                // egui strokes rectangles inside their edge; SVG centres strokes on it.
                let inset = rect.expand(-width / 2.0);
                let attributes = format!(
                    r#"fill="none" {} stroke-width="{}""#,
                    paint("stroke", *color),
                    number(*width)
                );
                write_rect(
                    svg,
                    inset,
                    (corner_radius - width / 2.0).max(0.0),
                    &attributes,
                );
            }
        }
        Shape::Line {
            points,
            width,
            color,
        } => {
            if points.len() < 2 || color.a == 0 {
                return;
            }
            let coordinates: Vec<String> = points
                .iter()
                .map(|p| format!("{},{}", number(p.x), number(p.y)))
                .collect();
            let _ = writeln!(
                svg,
                r#"<polyline points="{}" fill="none" {} stroke-width="{}"/>"#,
                coordinates.join(" "),
                paint("stroke", *color),
                number(*width)
            );
        }
        Shape::Circle {
            center,
            radius,
            fill,
            stroke,
        } => {
            let stroke_attributes = match stroke {
                Some((width, color)) if *width > 0.0 && color.a > 0 => format!(
                    r#" {} stroke-width="{}""#,
                    paint("stroke", *color),
                    number(*width)
                ),
                _ => String::new(),
            };
            let fill_attributes = if fill.a > 0 {
                paint("fill", *fill)
            } else {
                r#"fill="none""#.to_owned()
            };
            let _ = writeln!(
                svg,
                r#"<circle cx="{}" cy="{}" r="{}" {fill_attributes}{stroke_attributes}/>"#,
                number(center.x),
                number(center.y),
                number(*radius)
            );
        }
        Shape::Polygon {
            points,
            fill,
            stroke,
        } => {
            if points.len() < 3 {
                return;
            }
            let coordinates: Vec<String> = points
                .iter()
                .map(|p| format!("{},{}", number(p.x), number(p.y)))
                .collect();
            let stroke_attributes = match stroke {
                Some((width, color)) if *width > 0.0 && color.a > 0 => format!(
                    r#" {} stroke-width="{}" stroke-linejoin="round""#,
                    paint("stroke", *color),
                    number(*width)
                ),
                _ => String::new(),
            };
            let _ = writeln!(
                svg,
                r#"<polygon points="{}" {}{stroke_attributes}/>"#,
                coordinates.join(" "),
                paint("fill", *fill),
            );
        }
        Shape::Text {
            pos,
            anchor,
            text,
            size,
            color,
            style,
            ..
        } => write_text(svg, *pos, *anchor, text, *size, *color, *style, metrics),
    }
}

fn write_rect(svg: &mut String, rect: Rect, corner_radius: f32, attributes: &str) {
    if rect.width() <= 0.0 || rect.height() <= 0.0 {
        return;
    }
    let radius = corner_radius
        .min(rect.width() / 2.0)
        .min(rect.height() / 2.0);
    let rounded = if radius > 0.0 {
        format!(r#" rx="{}""#, number(radius))
    } else {
        String::new()
    };
    let _ = writeln!(
        svg,
        r#"<rect x="{}" y="{}" width="{}" height="{}"{rounded} {attributes}/>"#,
        number(rect.min.x),
        number(rect.min.y),
        number(rect.width()),
        number(rect.height())
    );
}

/// Text placed as egui places a galley: the anchor picks the row's top (rounded to a whole
/// point, as egui rounds galleys to pixels), the baseline sits at egui's ascent below it.
#[allow(clippy::too_many_arguments)]
fn write_text(
    svg: &mut String,
    pos: Point,
    anchor: TextAnchor,
    text: &str,
    size: f32,
    color: Color,
    style: FontStyle,
    metrics: &FaceMetrics,
) {
    if text.trim().is_empty() || color.a == 0 || size <= 0.0 {
        return;
    }
    let row_height = metrics.row_height_points(size);
    let (text_anchor, top) = match anchor {
        TextAnchor::LeftTop => ("start", pos.y),
        TextAnchor::CenterTop => ("middle", pos.y),
        TextAnchor::Center => ("middle", pos.y - row_height / 2.0),
        TextAnchor::RightTop => ("end", pos.y),
    };
    let baseline = top.round() + metrics.baseline_points(size);
    let anchor_attribute = if text_anchor == "start" {
        String::new()
    } else {
        format!(r#" text-anchor="{text_anchor}""#)
    };
    let font_size = number(size * metrics.css_size_factor());
    let escaped = escape(text);
    let offsets: &[f32] = if style == FontStyle::Strong {
        &[0.0, BOLD_OFFSET_POINTS]
    } else {
        &[0.0]
    };
    for dx in offsets {
        let _ = writeln!(
            svg,
            r#"<text x="{}" y="{}" font-size="{font_size}"{anchor_attribute} {} xml:space="preserve">{escaped}</text>"#,
            number(pos.x + dx),
            number(baseline),
            paint("fill", color)
        );
    }
}

/// `fill="#rrggbb"` (or stroke), with an opacity attribute when the colour is translucent.
fn paint(attribute: &str, color: Color) -> String {
    if color.a == 255 {
        format!(r#"{attribute}="{}""#, color.to_hex())
    } else {
        format!(
            r#"{attribute}="{}" {attribute}-opacity="{}""#,
            color.to_hex(),
            number(f32::from(color.a) / 255.0)
        )
    }
}

/// A number with at most three decimals and no trailing zeros: the same text on every machine.
pub fn number(value: f32) -> String {
    if !value.is_finite() {
        return "0".to_owned();
    }
    let text = format!("{value:.3}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    if text == "-0" || text.is_empty() {
        "0".to_owned()
    } else {
        text.to_owned()
    }
}

/// Text escaped for XML content and attribute values; control characters (not allowed in
/// XML) are dropped.
pub fn escape(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => escaped.push_str("&amp;"),
            '<' => escaped.push_str("&lt;"),
            '>' => escaped.push_str("&gt;"),
            '"' => escaped.push_str("&quot;"),
            '\'' => escaped.push_str("&apos;"),
            '\t' | '\n' | '\r' => escaped.push(' '),
            c if c.is_control() => {}
            c => escaped.push(c),
        }
    }
    escaped
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::fonts::ExportTextMeasure;

    fn metrics() -> FaceMetrics {
        ExportTextMeasure::new().face_metrics()
    }

    fn text_scene(text: &str) -> Scene {
        Scene {
            shapes: vec![Shape::Text {
                pos: Point::new(10.0, 20.0),
                anchor: TextAnchor::LeftTop,
                text: text.to_owned(),
                size: 12.0,
                color: Color::rgb(0, 0, 0),
                style: FontStyle::Regular,
                bounds: Rect::default(),
            }],
            ..Default::default()
        }
    }

    #[test]
    fn numbers_have_a_fixed_format() {
        assert_eq!(number(1.0), "1");
        assert_eq!(number(1.25), "1.25");
        assert_eq!(number(1.0 / 3.0), "0.333");
        assert_eq!(number(-0.0001), "0");
        assert_eq!(number(f32::NAN), "0");
    }

    #[test]
    fn text_is_escaped_and_the_document_parses() {
        let svg = scene_to_svg(
            &text_scene(r#"Tom & "Jerry" <talks> 'now'"#),
            100.0,
            50.0,
            &metrics(),
        );
        assert!(svg.contains("Tom &amp; &quot;Jerry&quot; &lt;talks&gt; &apos;now&apos;"));
        let document = roxmltree::Document::parse(&svg).expect("valid XML");
        let text = document
            .descendants()
            .find(|node| node.has_tag_name("text"))
            .and_then(|node| node.text());
        assert_eq!(text, Some(r#"Tom & "Jerry" <talks> 'now'"#));
    }

    #[test]
    fn control_characters_are_left_out() {
        assert_eq!(escape("a\u{0}b\u{1b}c\nd"), "abc d");
    }

    #[test]
    fn the_baseline_sits_at_egui_ascent_below_the_top() {
        let m = metrics();
        let svg = scene_to_svg(&text_scene("Kyiv"), 100.0, 50.0, &m);
        let expected = format!(r#"y="{}""#, number(20.0 + m.baseline_points(12.0)));
        assert!(svg.contains(&expected), "{svg}");
    }

    #[test]
    fn strong_text_is_drawn_twice_half_a_point_apart() {
        let mut scene = text_scene("Minsk");
        if let Some(Shape::Text { style, .. }) = scene.shapes.first_mut() {
            *style = FontStyle::Strong;
        }
        let svg = scene_to_svg(&scene, 100.0, 50.0, &metrics());
        assert!(svg.contains(r#"<text x="10" "#));
        assert!(svg.contains(r#"<text x="10.45" "#));
    }

    #[test]
    fn rectangle_strokes_are_inside_the_rectangle_as_in_egui() {
        let scene = Scene {
            shapes: vec![Shape::Rect {
                rect: Rect::from_x_y_ranges(0.0, 10.0, 0.0, 10.0),
                fill: Color::TRANSPARENT,
                stroke: Some((2.0, Color::rgba(255, 0, 0, 128))),
                corner_radius: 0.0,
            }],
            ..Default::default()
        };
        let svg = scene_to_svg(&scene, 10.0, 10.0, &metrics());
        assert!(
            svg.contains(r##"<rect x="1" y="1" width="8" height="8" fill="none" stroke="#ff0000" stroke-opacity="0.502" stroke-width="2"/>"##),
            "{svg}"
        );
    }
}
