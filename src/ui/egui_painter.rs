//! Paints a timeline `Scene` with egui, and measures text with egui's fonts.

use egui::{Align2, Color32, CornerRadius, FontId, Painter, Pos2, Stroke, StrokeKind};

use crate::timeline::scene::{Color, FontStyle, Point, Rect, Scene, Shape, TextAnchor};
use crate::timeline::text_measure::TextMeasure;

pub fn color32(color: Color) -> Color32 {
    Color32::from_rgba_unmultiplied(color.r, color.g, color.b, color.a)
}

pub fn pos2(point: Point) -> Pos2 {
    Pos2::new(point.x, point.y)
}

pub fn egui_rect(rect: Rect) -> egui::Rect {
    egui::Rect::from_min_max(pos2(rect.min), pos2(rect.max))
}

/// Draws every shape of `scene` in order.
pub fn paint_scene(painter: &Painter, scene: &Scene) {
    paint_scene_over(painter, scene, None);
}

/// Draws every shape of `scene` in order, except a first opaque, unstroked rectangle of the
/// colour the window was cleared to (`cleared_to`): the scene's background, which would only
/// paint every pixel of the canvas a second time (a software rasteriser pays for each).
pub fn paint_scene_over(painter: &Painter, scene: &Scene, cleared_to: Option<Color>) {
    let skipped = usize::from(first_shape_is_background(scene, cleared_to));
    let mut shapes = Vec::with_capacity(scene.shapes.len());
    for shape in &scene.shapes[skipped..] {
        match shape {
            Shape::Rect {
                rect,
                fill,
                stroke,
                corner_radius,
            } => {
                let radius = CornerRadius::same(corner_radius.round().clamp(0.0, 255.0) as u8);
                shapes.push(egui::Shape::rect_filled(
                    egui_rect(*rect),
                    radius,
                    color32(*fill),
                ));
                if let Some((width, color)) = stroke {
                    shapes.push(egui::Shape::rect_stroke(
                        egui_rect(*rect),
                        radius,
                        Stroke::new(*width, color32(*color)),
                        StrokeKind::Inside,
                    ));
                }
            }
            Shape::Line {
                points,
                width,
                color,
            } => {
                shapes.push(egui::Shape::line(
                    points.iter().copied().map(pos2).collect(),
                    Stroke::new(*width, color32(*color)),
                ));
            }
            Shape::Circle {
                center,
                radius,
                fill,
                stroke,
            } => {
                let stroke = stroke.map_or(Stroke::NONE, |(w, c)| Stroke::new(w, color32(c)));
                shapes.push(egui::Shape::circle_filled(
                    pos2(*center),
                    *radius,
                    color32(*fill),
                ));
                if stroke != Stroke::NONE {
                    shapes.push(egui::Shape::circle_stroke(pos2(*center), *radius, stroke));
                }
            }
            Shape::Polygon {
                points,
                fill,
                stroke,
            } => {
                let stroke = stroke.map_or(Stroke::NONE, |(w, c)| Stroke::new(w, color32(c)));
                shapes.push(egui::Shape::convex_polygon(
                    points.iter().copied().map(pos2).collect(),
                    color32(*fill),
                    stroke,
                ));
            }
            Shape::Text {
                pos,
                anchor,
                text,
                size,
                color,
                style,
                ..
            } => {
                let align = match anchor {
                    TextAnchor::LeftTop => Align2::LEFT_TOP,
                    TextAnchor::CenterTop => Align2::CENTER_TOP,
                    TextAnchor::Center => Align2::CENTER_CENTER,
                    TextAnchor::RightTop => Align2::RIGHT_TOP,
                };
                let font = FontId::proportional(*size);
                let color = color32(*color);
                let galley = painter.layout_no_wrap(text.clone(), font, color);
                let rect = align.anchor_size(pos2(*pos), galley.size());
                shapes.push(egui::Shape::galley(rect.min, galley.clone(), color));
                if *style == FontStyle::Strong {
                    shapes.push(egui::Shape::galley(
                        rect.min + egui::vec2(BOLD_OFFSET, 0.0),
                        galley,
                        color,
                    ));
                }
            }
        }
    }
    painter.extend(shapes);
}

/// Whether the scene starts with an opaque rectangle of exactly the colour the window already has.
pub fn first_shape_is_background(scene: &Scene, cleared_to: Option<Color>) -> bool {
    let Some(cleared_to) = cleared_to else {
        return false;
    };
    matches!(
        scene.shapes.first(),
        Some(Shape::Rect { fill, stroke: None, .. }) if *fill == cleared_to && fill.a == u8::MAX
    )
}

/// Text widths from egui's fonts (the same the painter uses).
pub struct EguiTextMeasure<'a> {
    pub ctx: &'a egui::Context,
}

impl TextMeasure for EguiTextMeasure<'_> {
    fn text_width(&self, text: &str, size: f32, style: FontStyle) -> f32 {
        let width: f32 = text.chars().map(|c| self.char_width(c, size, style)).sum();
        width + bold_extra(style)
    }

    fn char_width(&self, c: char, size: f32, _style: FontStyle) -> f32 {
        // Asking the fonts is slow next to a hash lookup, and labels are measured every frame.
        GLYPH_WIDTHS.with_borrow_mut(|widths| {
            if widths.len() > MAX_CACHED_GLYPH_WIDTHS {
                widths.clear();
            }
            *widths.entry((c, size.to_bits())).or_insert_with(|| {
                let font = FontId::proportional(size);
                self.ctx.fonts_mut(|fonts| fonts.glyph_width(&font, c))
            })
        })
    }
}

const MAX_CACHED_GLYPH_WIDTHS: usize = 20_000;

thread_local! {
    /// Advance widths by (character, font size bits), for the default proportional font.
    static GLYPH_WIDTHS: std::cell::RefCell<std::collections::HashMap<(char, u32), f32>> =
        std::cell::RefCell::new(std::collections::HashMap::new());
}

/// The default fonts have no bold face: bold text is drawn twice, half a point apart.
const BOLD_OFFSET: f32 = 0.45;

fn bold_extra(style: FontStyle) -> f32 {
    if style == FontStyle::Strong {
        BOLD_OFFSET
    } else {
        0.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::timeline::scene::{Point, Rect};

    fn scene_on(background: Color) -> Scene {
        let mut scene = Scene::default();
        scene.shapes.push(Shape::Rect {
            rect: Rect::from_x_y_ranges(0.0, 100.0, 0.0, 100.0),
            fill: background,
            stroke: None,
            corner_radius: 0.0,
        });
        scene.shapes.push(Shape::Circle {
            center: Point::new(5.0, 5.0),
            radius: 3.0,
            fill: Color::rgb(1, 2, 3),
            stroke: None,
        });
        scene
    }

    #[test]
    fn the_background_is_skipped_only_where_the_window_was_cleared_to_its_colour() {
        let background = Color::rgb(0xFA, 0xFA, 0xF8);
        let scene = scene_on(background);
        assert!(first_shape_is_background(&scene, Some(background)));
        assert!(!first_shape_is_background(&scene, None));
        assert!(!first_shape_is_background(
            &scene,
            Some(Color::rgb(0, 0, 0))
        ));
        let translucent = Color::rgba(0xFA, 0xFA, 0xF8, 100);
        assert!(!first_shape_is_background(
            &scene_on(translucent),
            Some(translucent)
        ));
    }
}
