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
    let mut shapes = Vec::with_capacity(scene.shapes.len());
    for shape in &scene.shapes {
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
                    // The default fonts have no bold face: a second pass half a point over reads as bold.
                    shapes.push(egui::Shape::galley(
                        rect.min + egui::vec2(0.45, 0.0),
                        galley,
                        color,
                    ));
                }
            }
        }
    }
    painter.extend(shapes);
}

/// Text widths from egui's fonts (the same the painter uses).
pub struct EguiTextMeasure<'a> {
    pub ctx: &'a egui::Context,
}

impl TextMeasure for EguiTextMeasure<'_> {
    fn text_width(&self, text: &str, size: f32, style: FontStyle) -> f32 {
        let font = FontId::proportional(size);
        let width: f32 = self
            .ctx
            .fonts_mut(|fonts| text.chars().map(|c| fonts.glyph_width(&font, c)).sum());
        let bold_extra = if style == FontStyle::Strong {
            0.45
        } else {
            0.0
        };
        width + bold_extra
    }
}
