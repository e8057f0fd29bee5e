//! Lays out the whole timeline (eras, lanes, events, clusters, labels, axis, legend) as a
//! `Scene`: pure, so the window and every export draw the same picture.
//!
//! ```text
//! ┌gutter──┬time area──────────────────────────────────────────┐
//! │        │ era titles                              ● legend  │  top strip
//! │ Lane A │  ●──label   (12)   ▬▬▬▬ span label                 │
//! │ Lane B │      ● label                                      │  lanes
//! │        ├────┬────────┬────────┬──────────────────────────── │
//! │        │ 2021     2022     2023                             │  axis
//! └────────┴───────────────────────────────────────────────────┘
//! ```

use super::clustering::{ClusterSizes, Group, compact_count, group_visible_events};
use super::era_bands::{Band, visible_bands};
use super::label_placement::LabelRows;
use super::palette::{ERA_COLORS, Palette};
use super::scene::{Color, FontStyle, Hit, HitTarget, Point, Rect, Scene, Shape, TextAnchor};
use super::text_measure::{TextMeasure, fit_text};
use super::ticks::{choose_step, finer_step, ticks_in_view};
use super::time_transform::TimeTransform;
use crate::explore::axis_map::AxisMap;
use crate::explore::lanes::{Lane, LaneEvents, LaneIndex};
use crate::explore::time_view::TimeView;
use crate::model::dataset::Dataset;
use crate::model::date::date_from_days;

/// Choices that change the look but not the data.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LayoutOptions {
    /// 1 for the window; larger for presentation mode and big exports.
    pub text_scale: f32,
    pub show_legend: bool,
}

impl Default for LayoutOptions {
    fn default() -> Self {
        Self {
            text_scale: 1.0,
            show_legend: true,
        }
    }
}

/// Everything the layout reads.
pub struct TimelineLayoutInput<'a> {
    pub dataset: &'a Dataset,
    pub lanes: &'a LaneIndex,
    pub axis_map: &'a AxisMap,
    pub view: TimeView,
    pub canvas: Rect,
    pub palette: &'a Palette,
    pub selected_event: Option<usize>,
    pub options: LayoutOptions,
}

/// The layout of one frame.
#[derive(Clone, Debug, Default)]
pub struct TimelineLayout {
    pub scene: Scene,
    /// Where time is drawn (right of the lane names, between top strip and axis).
    pub time_area: Rect,
    pub lane_rects: Vec<Rect>,
}

/// Sizes in points at text scale 1.
struct Metrics {
    label_size: f32,
    small_size: f32,
    title_size: f32,
    top_strip: f32,
    axis_height: f32,
    gutter: f32,
    row_height: f32,
    marker_radius: f32,
    bar_height: f32,
    max_label_width: f32,
    lane_padding_top: f32,
    legend_row: f32,
    /// Height of a cluster's count badge.
    badge_height: f32,
}

impl Metrics {
    fn scaled(scale: f32, canvas_width: f32) -> Self {
        Self {
            label_size: 12.0 * scale,
            small_size: 11.0 * scale,
            title_size: 12.5 * scale,
            top_strip: 22.0 * scale,
            axis_height: 28.0 * scale,
            gutter: (128.0 * scale).min(canvas_width * 0.25),
            row_height: 16.0 * scale,
            marker_radius: 4.5 * scale,
            bar_height: 9.0 * scale,
            max_label_width: 280.0 * scale,
            lane_padding_top: 13.0 * scale,
            legend_row: 18.0 * scale,
            badge_height: 11.0 * 0.95 * 1.35 * scale,
        }
    }
}

/// Lays out the timeline for one frame; `measure` gives text widths of the painter's fonts.
pub fn layout_timeline(
    input: &TimelineLayoutInput<'_>,
    measure: &dyn TextMeasure,
) -> TimelineLayout {
    let canvas = input.canvas;
    let palette = input.palette;
    let mut m = Metrics::scaled(input.options.text_scale, canvas.width());
    let era_row_height = m.top_strip;
    if input.options.show_legend {
        m.top_strip += m.legend_row;
    }
    let mut scene = Scene::default();
    scene.shapes.push(Shape::Rect {
        rect: canvas,
        fill: palette.background,
        stroke: None,
        corner_radius: 0.0,
    });

    let time_area = Rect::from_x_y_ranges(
        canvas.min.x + m.gutter,
        canvas.max.x,
        canvas.min.y + m.top_strip,
        (canvas.max.y - m.axis_height).max(canvas.min.y + m.top_strip + 1.0),
    );
    let transform = TimeTransform::new(
        input.axis_map,
        &input.view,
        time_area.min.x,
        time_area.width(),
    );

    scene.shapes.push(Shape::Rect {
        rect: Rect::from_x_y_ranges(canvas.min.x, time_area.min.x, canvas.min.y, canvas.max.y),
        fill: palette.gutter,
        stroke: None,
        corner_radius: 0.0,
    });

    if input.options.show_legend {
        layout_legend(&mut scene, input, &m, era_row_height, time_area, measure);
    }
    layout_eras(
        &mut scene,
        input,
        &m,
        era_row_height,
        &transform,
        time_area,
        measure,
    );
    layout_compressed_stretches(&mut scene, input, &transform, time_area);
    layout_axis(
        &mut scene, &m, palette, &transform, time_area, canvas, measure,
    );

    let lane_weights: Vec<f32> = input
        .lanes
        .lanes
        .iter()
        .map(|lane| lane_weight(lane.all.len()))
        .collect();
    let lane_rects = lane_rects(&lane_weights, time_area, &m);
    for (index, (lane, lane_rect)) in input.lanes.lanes.iter().zip(&lane_rects).enumerate() {
        layout_lane(
            &mut scene, input, &m, &transform, lane, *lane_rect, index, measure,
        );
    }

    TimelineLayout {
        scene,
        time_area,
        lane_rects,
    }
}

/// Busier lanes get more height for labels, but sub-linearly so quiet lanes stay readable.
fn lane_weight(event_count: usize) -> f32 {
    1.0 + (event_count as f32).sqrt().min(40.0) * 0.5
}

/// Splits the time area's height between lanes by weight; lanes that would be shorter than the
/// minimum get the minimum, and lanes past the bottom are left out.
fn lane_rects(weights: &[f32], time_area: Rect, m: &Metrics) -> Vec<Rect> {
    let min_height = m.lane_padding_top * 2.0 + 4.0;
    let mut top = time_area.min.y;
    let mut rects = Vec::with_capacity(weights.len());
    for height in lane_heights(weights, time_area.height(), min_height) {
        if top + height > time_area.max.y + 0.5 {
            break;
        }
        rects.push(Rect::from_x_y_ranges(
            time_area.min.x,
            time_area.max.x,
            top,
            top + height,
        ));
        top += height;
    }
    rects
}

/// Heights in proportion to `weights`, none below `min_height`: the lanes raised to the
/// minimum take their height from the others, so that all fit in `total_height` whenever their
/// minimums do (a busy lane is never pushed out by quiet ones).
fn lane_heights(weights: &[f32], total_height: f32, min_height: f32) -> Vec<f32> {
    let mut at_minimum = vec![false; weights.len()];
    loop {
        let raised = at_minimum.iter().filter(|raised| **raised).count();
        let free_height = (total_height - min_height * raised as f32).max(0.0);
        let free_weight: f32 = weights
            .iter()
            .zip(&at_minimum)
            .filter(|(_, raised)| !**raised)
            .map(|(weight, _)| weight.max(0.0))
            .sum();
        let height_of = |weight: f32| {
            if free_weight > 0.0 {
                free_height * weight.max(0.0) / free_weight
            } else {
                0.0
            }
        };
        let mut changed = false;
        for (weight, raised) in weights.iter().zip(at_minimum.iter_mut()) {
            if !*raised && height_of(*weight) < min_height {
                *raised = true;
                changed = true;
            }
        }
        if !changed {
            return weights
                .iter()
                .zip(&at_minimum)
                .map(|(weight, raised)| {
                    if *raised {
                        min_height
                    } else {
                        height_of(*weight)
                    }
                })
                .collect();
        }
    }
}

/// A left-aligned label whose top-left corner is `pos`; `bounds` is what it reserves (and what
/// overlap checks see).
pub(crate) fn push_label(
    scene: &mut Scene,
    pos: Point,
    text: String,
    size: f32,
    color: Color,
    style: FontStyle,
    bounds: Rect,
) {
    scene.label_rects.push(bounds);
    scene.shapes.push(Shape::Text {
        pos,
        anchor: TextAnchor::LeftTop,
        text,
        size,
        color,
        style,
        bounds,
    });
}

/// The category colours and the approximate-date marker, right-aligned in the row under the era titles.
fn layout_legend(
    scene: &mut Scene,
    input: &TimelineLayoutInput<'_>,
    m: &Metrics,
    era_row_height: f32,
    time_area: Rect,
    measure: &dyn TextMeasure,
) {
    let palette = input.palette;
    let size = m.small_size;
    let y_center = input.canvas.min.y + era_row_height + m.legend_row / 2.0;
    use crate::model::category::Category;
    let mut entries: Vec<(String, Color, bool)> = Category::ALL
        .iter()
        .filter(|c| **c != Category::Other || input.dataset.has_category(Category::Other))
        .map(|c| (c.label().to_owned(), palette.category(*c), false))
        .collect();
    entries.push(("approximate date".to_owned(), palette.text_weak, true));
    let dot = size * 0.9;
    let spacing = size * 0.9;
    let widths: Vec<f32> = entries
        .iter()
        .map(|(label, _, _)| dot + 4.0 + measure.text_width(label, size, FontStyle::Regular))
        .collect();
    let total: f32 = widths.iter().sum::<f32>() + spacing * (entries.len() as f32 - 1.0);
    if total > time_area.width() - 12.0 {
        return;
    }
    let mut x = time_area.max.x - 6.0 - total;
    for ((label, color, hollow), width) in entries.into_iter().zip(widths) {
        let center = Point::new(x + dot / 2.0, y_center);
        scene.shapes.push(Shape::Circle {
            center,
            radius: dot / 2.0,
            fill: if hollow { palette.background } else { color },
            stroke: hollow.then_some((1.5, color)),
        });
        let text_x = x + dot + 4.0;
        let bounds = Rect::from_x_y_ranges(
            text_x,
            x + width,
            y_center - size * 0.65,
            y_center + size * 0.65,
        );
        push_label(
            scene,
            Point::new(text_x, bounds.min.y),
            label,
            size,
            palette.text_weak,
            FontStyle::Regular,
            bounds,
        );
        x += width + spacing;
    }
}

#[allow(clippy::too_many_arguments)]
fn layout_eras(
    scene: &mut Scene,
    input: &TimelineLayoutInput<'_>,
    m: &Metrics,
    era_row_height: f32,
    transform: &TimeTransform<'_>,
    time_area: Rect,
    measure: &dyn TextMeasure,
) {
    let palette = input.palette;
    let mut bands: Vec<Band> = Vec::new();
    let mut titles: Vec<(f32, f32, &str)> = Vec::new();
    for (index, era) in input.dataset.eras.iter().enumerate() {
        let x0 = transform
            .x_from_time(era.start.start_days())
            .max(f64::from(time_area.min.x));
        let x1 = transform
            .x_from_time(era.end.end_days())
            .min(f64::from(time_area.max.x));
        if x1 <= x0 {
            continue;
        }
        let (x0, x1) = (x0 as f32, x1 as f32);
        let base = era
            .color
            .map(|[r, g, b]| Color::rgb(r, g, b))
            .unwrap_or(ERA_COLORS[index % ERA_COLORS.len()]);
        bands.push(Band {
            x0,
            x1,
            color: base.faded(palette.era_alpha),
        });
        titles.push((x0 + 5.0, x1 - 4.0, era.title.as_str()));
    }
    // Thousands of eras would otherwise cost thousands of full-height rectangles to draw.
    for band in visible_bands(&bands) {
        scene.shapes.push(Shape::Rect {
            rect: Rect::from_x_y_ranges(band.x0, band.x1, input.canvas.min.y, time_area.max.y),
            fill: band.color,
            stroke: None,
            corner_radius: 0.0,
        });
    }
    // Titles sit in the top strip inside the visible part of their band, left to right; where
    // bands overlap (eras of several files) a title starts after the previous one.
    titles.sort_by(|a, b| a.0.total_cmp(&b.0));
    let size = m.small_size;
    let y = input.canvas.min.y + (era_row_height - size * 1.3) / 2.0;
    let mut taken_until = f32::NEG_INFINITY;
    for (band_start, band_end, title) in titles {
        let text_x = band_start.max(taken_until + 10.0);
        let room = band_end - text_x;
        if room < size * 3.0 {
            continue;
        }
        if let Some((title, width)) = fit_text(measure, title, size, FontStyle::Strong, room) {
            let bounds = Rect::from_x_y_ranges(text_x, text_x + width, y, y + size * 1.3);
            taken_until = bounds.max.x;
            push_label(
                scene,
                Point::new(text_x, y),
                title,
                size,
                palette.text,
                FontStyle::Strong,
                bounds,
            );
        }
    }
}

fn layout_compressed_stretches(
    scene: &mut Scene,
    input: &TimelineLayoutInput<'_>,
    transform: &TimeTransform<'_>,
    time_area: Rect,
) {
    let palette = input.palette;
    for segment in input.axis_map.compressed_segments() {
        let x0 = transform.x_from_time(segment.start_days) as f32;
        let x1 = transform.x_from_time(segment.end_days) as f32;
        if x1 < time_area.min.x || x0 > time_area.max.x {
            continue;
        }
        scene.shapes.push(Shape::Rect {
            rect: Rect::from_x_y_ranges(
                x0.max(time_area.min.x),
                x1.min(time_area.max.x),
                time_area.min.y,
                time_area.max.y,
            ),
            fill: palette.compressed_band,
            stroke: None,
            corner_radius: 0.0,
        });
        // A break mark (two slanted strokes) on the axis at both ends of the stretch.
        for x in [x0, x1] {
            if x < time_area.min.x || x > time_area.max.x {
                continue;
            }
            let y = time_area.max.y;
            for dx in [-2.5_f32, 2.5] {
                scene.shapes.push(Shape::Line {
                    points: vec![
                        Point::new(x + dx - 3.0, y + 6.0),
                        Point::new(x + dx + 3.0, y - 6.0),
                    ],
                    width: 1.5,
                    color: palette.axis,
                });
            }
        }
    }
}

fn layout_axis(
    scene: &mut Scene,
    m: &Metrics,
    palette: &Palette,
    transform: &TimeTransform<'_>,
    time_area: Rect,
    canvas: Rect,
    measure: &dyn TextMeasure,
) {
    let y = time_area.max.y;
    scene.shapes.push(Shape::Line {
        points: vec![
            Point::new(time_area.min.x, y),
            Point::new(time_area.max.x, y),
        ],
        width: 1.0,
        color: palette.axis,
    });
    let size = m.small_size;
    let step = choose_step(transform.points_per_day(), f64::from(size * 5.5));
    let max_ticks = 2_000;
    if let Some(minor) = finer_step(step)
        && minor.approx_days() * transform.points_per_day() >= 8.0
    {
        for tick in ticks_in_view(transform, minor, 4.0, max_ticks) {
            let x = tick.x as f32;
            scene.shapes.push(Shape::Line {
                points: vec![Point::new(x, time_area.min.y), Point::new(x, y)],
                width: 1.0,
                color: palette.grid,
            });
        }
    }
    let ticks = ticks_in_view(transform, step, 6.0, max_ticks);
    let mut placed: Vec<Rect> = Vec::new();
    // Context for the left edge: the year (or month) the view starts in.
    let start_days = transform.time_from_x(f64::from(time_area.min.x));
    if let Some(context) = date_from_days(start_days).and_then(|d| step.context_label(d)) {
        let width = measure.text_width(&context, size, FontStyle::Strong);
        let bounds = Rect::from_x_y_ranges(
            time_area.min.x - width - 8.0,
            time_area.min.x - 8.0,
            y + 6.0,
            y + 6.0 + size * 1.3,
        );
        if bounds.min.x >= canvas.min.x {
            placed.push(bounds);
            push_label(
                scene,
                bounds.min,
                context,
                size,
                palette.text,
                FontStyle::Strong,
                bounds,
            );
        }
    }
    for tick in ticks {
        let x = tick.x as f32;
        scene.shapes.push(Shape::Line {
            points: vec![Point::new(x, time_area.min.y), Point::new(x, y)],
            width: 1.0,
            color: if tick.major {
                palette.grid_major
            } else {
                palette.grid
            },
        });
        scene.shapes.push(Shape::Line {
            points: vec![Point::new(x, y), Point::new(x, y + 5.0)],
            width: 1.0,
            color: palette.axis,
        });
        let style = if tick.major {
            FontStyle::Strong
        } else {
            FontStyle::Regular
        };
        let width = measure.text_width(&tick.label, size, style);
        let bounds = Rect::from_x_y_ranges(
            x - width / 2.0,
            x + width / 2.0,
            y + 6.0,
            y + 6.0 + size * 1.3,
        );
        let inside = bounds.min.x >= time_area.min.x && bounds.max.x <= canvas.max.x;
        let clear = placed.iter().all(|r| !r.expand(4.0).intersects(&bounds));
        if inside && clear {
            placed.push(bounds);
            push_label(
                scene,
                bounds.min,
                tick.label,
                size,
                palette.text,
                style,
                bounds,
            );
        }
    }
}

#[allow(clippy::too_many_arguments)]
fn layout_lane(
    scene: &mut Scene,
    input: &TimelineLayoutInput<'_>,
    m: &Metrics,
    transform: &TimeTransform<'_>,
    lane: &Lane,
    lane_rect: Rect,
    index: usize,
    measure: &dyn TextMeasure,
) {
    let palette = input.palette;
    if index % 2 == 1 {
        scene.shapes.push(Shape::Rect {
            rect: Rect::from_x_y_ranges(
                input.canvas.min.x,
                lane_rect.max.x,
                lane_rect.min.y,
                lane_rect.max.y,
            ),
            fill: palette.lane_stripe,
            stroke: None,
            corner_radius: 0.0,
        });
    }
    layout_lane_title(scene, input, m, lane, lane_rect, measure);

    let marker_y = lane_rect.min.y + m.lane_padding_top;
    let rows_top = marker_y + m.badge_height.max(m.bar_height) / 2.0 + 2.0;
    let row_count = ((lane_rect.max.y - rows_top - 2.0) / m.row_height)
        .floor()
        .max(0.0) as usize;
    let mut rows = LabelRows::new(rows_top, m.row_height, row_count.min(8), 6.0);
    let x_min = f64::from(lane_rect.min.x);
    let x_max = f64::from(lane_rect.max.x);
    let sizes = ClusterSizes {
        merge_points: 5.0,
        cluster_width_points: f64::from(34.0 * input.options.text_scale),
    };

    let draw =
        |scene: &mut Scene, list: &LaneEvents, dimmed: bool, rows: Option<&mut LabelRows>| {
            let groups = group_visible_events(list, transform, x_min, x_max, sizes);
            for group in &groups {
                draw_group(
                    scene,
                    input,
                    m,
                    group,
                    LaneFrame {
                        rect: lane_rect,
                        marker_y,
                    },
                    dimmed,
                    measure,
                );
            }
            if let Some(rows) = rows {
                let candidates =
                    label_candidates(&groups, list, input.selected_event, transform, x_min);
                place_labels(scene, input, m, &candidates, rows, lane_rect, measure);
            }
        };
    if input.lanes.searching {
        draw(scene, &lane.all, true, None);
        draw(scene, &lane.matches, false, Some(&mut rows));
    } else {
        draw(scene, &lane.all, false, Some(&mut rows));
    }

    // Lanes list events in dataset order, which is start order, so a binary search finds it.
    if let Some(selected) = input.selected_event
        && lane.all.events.binary_search(&selected).is_ok()
    {
        draw_selection(scene, input, m, transform, selected, marker_y, lane_rect);
    }
}

fn layout_lane_title(
    scene: &mut Scene,
    input: &TimelineLayoutInput<'_>,
    m: &Metrics,
    lane: &Lane,
    lane_rect: Rect,
    measure: &dyn TextMeasure,
) {
    let palette = input.palette;
    let size = m.title_size;
    let mut x = input.canvas.min.x + 8.0;
    let y = lane_rect.min.y + m.lane_padding_top - size * 0.65;
    if let Some(category) = lane.category {
        scene.shapes.push(Shape::Circle {
            center: Point::new(x + 4.0, y + size * 0.65),
            radius: 4.0,
            fill: palette.category(category),
            stroke: None,
        });
        x += 13.0;
    }
    let room = lane_rect.min.x - x - 6.0;
    if let Some((title, width)) = fit_text(measure, &lane.title, size, FontStyle::Strong, room) {
        let bounds = Rect::from_x_y_ranges(x, x + width, y, y + size * 1.3);
        push_label(
            scene,
            bounds.min,
            title,
            size,
            palette.text,
            FontStyle::Strong,
            bounds,
        );
    }
    let count = format!("{} events", lane.all.len());
    let count_size = m.small_size * 0.95;
    let count_y = y + size * 1.35;
    if count_y + count_size * 1.3 <= lane_rect.max.y
        && let Some((count, width)) =
            fit_text(measure, &count, count_size, FontStyle::Regular, room)
    {
        let bounds = Rect::from_x_y_ranges(x, x + width, count_y, count_y + count_size * 1.3);
        push_label(
            scene,
            bounds.min,
            count,
            count_size,
            palette.text_weak,
            FontStyle::Regular,
            bounds,
        );
    }
}

/// Where a lane is and at which height its markers sit.
#[derive(Clone, Copy)]
struct LaneFrame {
    rect: Rect,
    marker_y: f32,
}

fn draw_group(
    scene: &mut Scene,
    input: &TimelineLayoutInput<'_>,
    m: &Metrics,
    group: &Group,
    lane: LaneFrame,
    dimmed: bool,
    measure: &dyn TextMeasure,
) {
    let LaneFrame {
        rect: lane_rect,
        marker_y,
    } = lane;
    let palette = input.palette;
    let alpha = if dimmed { palette.dimmed_alpha } else { 1.0 };
    match *group {
        Group::Single {
            event,
            x_start,
            x_end,
        } => {
            let Some(data) = input.dataset.events.get(event) else {
                return;
            };
            let color = palette.category(data.category).faded(alpha);
            let x0 = (x_start as f32).max(lane_rect.min.x - 2.0);
            let x1 = (x_end as f32).min(lane_rect.max.x + 2.0);
            let is_bar = x1 - x0 >= m.marker_radius * 2.0 && data.is_span();
            if !is_bar && (x_start as f32) < lane_rect.min.x - m.marker_radius {
                return;
            }
            let hit_rect = if is_bar {
                let rect = Rect::from_x_y_ranges(
                    x0,
                    x1,
                    marker_y - m.bar_height / 2.0,
                    marker_y + m.bar_height / 2.0,
                );
                // Approximate spans are paler: their ends are not known exactly.
                let fill = color.faded(if data.approximate { 0.25 } else { 0.6 });
                scene.shapes.push(Shape::Rect {
                    rect,
                    fill,
                    stroke: Some((1.0, color)),
                    corner_radius: m.bar_height / 2.0,
                });
                rect.expand(2.0)
            } else {
                let center = Point::new(x_start as f32, marker_y);
                // Approximate dates are hollow markers, exact ones filled.
                let (fill, stroke) = if data.approximate {
                    (palette.background.faded(alpha), (1.8, color))
                } else {
                    (color, (1.0, palette.background.faded(alpha * 0.8)))
                };
                scene.shapes.push(Shape::Circle {
                    center,
                    radius: m.marker_radius,
                    fill,
                    stroke: Some(stroke),
                });
                Rect::from_x_y_ranges(
                    center.x - m.marker_radius - 2.0,
                    center.x + m.marker_radius + 2.0,
                    marker_y - m.marker_radius - 2.0,
                    marker_y + m.marker_radius + 2.0,
                )
            };
            if !dimmed {
                scene.hits.push(Hit {
                    rect: hit_rect,
                    target: HitTarget::Event(event),
                });
            }
        }
        Group::Cluster {
            count,
            first_event,
            x_first,
            x_last,
            start_days,
            end_days,
            ..
        } => {
            let size = m.small_size * 0.95;
            let label = compact_count(count);
            let height = m.badge_height;
            // The badge claims at most `max_width` from its first event, which is less than the
            // clustering keeps free after it; at the canvas edges it is cut, not moved.
            let left = x_first as f32 - 5.0;
            let max_width = 32.0 * input.options.text_scale;
            let text_width = measure.text_width(&label, size, FontStyle::Strong);
            let needed = text_width + 8.0;
            let width = needed.max((x_last - x_first) as f32 + 10.0).min(max_width);
            let rect = Rect::from_x_y_ranges(
                left.max(lane_rect.min.x),
                (left + width).min(lane_rect.max.x),
                marker_y - height / 2.0,
                marker_y + height / 2.0,
            );
            if rect.max.x < lane_rect.min.x {
                return;
            }
            scene.shapes.push(Shape::Rect {
                rect,
                fill: palette.cluster_fill.faded(alpha),
                stroke: None,
                corner_radius: height / 2.0,
            });
            // At the canvas edges a badge may be cut too short for its count. (The slack absorbs
            // float rounding of `left + width - left`, which hid counts of badges that fit.)
            if rect.width() + 0.01 >= needed {
                scene.label_rects.push(rect);
                scene.shapes.push(Shape::Text {
                    pos: rect.center(),
                    anchor: TextAnchor::Center,
                    text: label,
                    size,
                    color: palette.cluster_text.faded(alpha),
                    style: FontStyle::Strong,
                    bounds: rect,
                });
            }
            if !dimmed {
                scene.hits.push(Hit {
                    rect,
                    target: HitTarget::Cluster {
                        count,
                        start_days,
                        end_days,
                        first_event,
                    },
                });
            }
        }
    }
}

/// Event labels in rows below the markers: the selected event first, then left to right.
/// The events that may get a label, as (event, x of its start), in placement order: the
/// selected event first (even when it sits inside a cluster), then single events left to right.
fn label_candidates(
    groups: &[Group],
    list: &LaneEvents,
    selected_event: Option<usize>,
    transform: &TimeTransform<'_>,
    x_min: f64,
) -> Vec<(usize, f64)> {
    let mut candidates: Vec<(usize, f64)> = Vec::with_capacity(groups.len() + 1);
    if let Some(selected) = selected_event
        && let Ok(position) = list.events.binary_search(&selected)
    {
        candidates.push((selected, transform.x_from_time(list.starts_days[position])));
    }
    let singles = groups.iter().filter_map(|g| match *g {
        Group::Single { event, x_start, .. } if Some(event) != selected_event => {
            Some((event, x_start))
        }
        _ => None,
    });
    // Spans that began left of the view come last: their labels would all pile up at the edge.
    let (on_screen, begun_earlier): (Vec<_>, Vec<_>) = singles.partition(|(_, x)| *x >= x_min);
    candidates.extend(on_screen);
    candidates.extend(begun_earlier);
    candidates
}

fn place_labels(
    scene: &mut Scene,
    input: &TimelineLayoutInput<'_>,
    m: &Metrics,
    candidates: &[(usize, f64)],
    rows: &mut LabelRows,
    lane_rect: Rect,
    measure: &dyn TextMeasure,
) {
    if rows.row_count() == 0 {
        return;
    }
    let palette = input.palette;
    let size = m.label_size;
    let accent_width = 3.0;
    for &(event, x_start) in candidates {
        let Some(data) = input.dataset.events.get(event) else {
            continue;
        };
        let x = (x_start as f32 - m.marker_radius).max(lane_rect.min.x + 1.0);
        let room = (lane_rect.max.x - x - 2.0).min(m.max_label_width);
        if room < size * 4.0 || !rows.has_room_at(x, size * 4.0) {
            continue;
        }
        let title = if data.approximate {
            format!("c. {}", data.title())
        } else {
            data.title().to_owned()
        };
        let Some((fitted, text_width)) = fit_text(
            measure,
            &title,
            size,
            FontStyle::Regular,
            room - accent_width - 3.0,
        ) else {
            continue;
        };
        let width = accent_width + 3.0 + text_width;
        let Some((_, rect)) = rows.place(x, width) else {
            continue;
        };
        let color = palette.category(data.category);
        scene.shapes.push(Shape::Rect {
            rect: Rect::from_x_y_ranges(
                rect.min.x,
                rect.min.x + accent_width,
                rect.min.y + 2.0,
                rect.max.y - 2.0,
            ),
            fill: color,
            stroke: None,
            corner_radius: 1.0,
        });
        let text_rect = Rect::from_x_y_ranges(
            rect.min.x + accent_width + 3.0,
            rect.max.x,
            rect.min.y,
            rect.max.y,
        );
        let style = if Some(event) == input.selected_event {
            FontStyle::Strong
        } else {
            FontStyle::Regular
        };
        push_label(
            scene,
            Point::new(
                text_rect.min.x,
                rect.min.y + (m.row_height - size * 1.2) / 2.0,
            ),
            fitted,
            size,
            palette.text,
            style,
            text_rect,
        );
        scene.hits.push(Hit {
            rect,
            target: HitTarget::Event(event),
        });
    }
}

fn draw_selection(
    scene: &mut Scene,
    input: &TimelineLayoutInput<'_>,
    m: &Metrics,
    transform: &TimeTransform<'_>,
    selected: usize,
    marker_y: f32,
    lane_rect: Rect,
) {
    let Some(event) = input.dataset.events.get(selected) else {
        return;
    };
    let x0 = transform.x_from_time(event.start_days()) as f32;
    let x1 = transform.x_from_time(event.end_days()) as f32;
    if x1 < lane_rect.min.x || x0 > lane_rect.max.x {
        return;
    }
    let radius = m.marker_radius + 4.0;
    let rect = if x1 - x0 >= m.marker_radius * 2.0 && event.is_span() {
        Rect::from_x_y_ranges(
            x0.max(lane_rect.min.x) - 3.0,
            x1.min(lane_rect.max.x) + 3.0,
            marker_y - radius,
            marker_y + radius,
        )
    } else {
        Rect::from_x_y_ranges(
            x0 - radius,
            x0 + radius,
            marker_y - radius,
            marker_y + radius,
        )
    };
    scene.shapes.push(Shape::Rect {
        rect,
        fill: Color::TRANSPARENT,
        stroke: Some((2.0, input.palette.selection)),
        corner_radius: radius,
    });
}

#[cfg(test)]
mod tests {
    use super::lane_heights;

    #[test]
    fn quiet_lanes_raised_to_the_minimum_do_not_push_a_busy_lane_out() {
        let weights = [21.0, 21.0, 2.9, 2.9, 2.9, 2.9, 21.0];
        let heights = lane_heights(&weights, 590.0, 30.0);
        let total: f32 = heights.iter().sum();
        assert!((total - 590.0).abs() < 0.01, "{heights:?}");
        assert_eq!(&heights[2..6], &[30.0; 4]);
        assert!((heights[0] - heights[6]).abs() < 0.01 && heights[0] > 150.0);
    }

    #[test]
    fn lanes_above_the_minimum_keep_their_proportions() {
        assert_eq!(lane_heights(&[1.0, 3.0], 400.0, 30.0), [100.0, 300.0]);
    }

    #[test]
    fn lanes_whose_minimums_do_not_fit_all_get_the_minimum() {
        assert_eq!(lane_heights(&[1.0; 10], 200.0, 30.0), [30.0; 10]);
        assert_eq!(lane_heights(&[], 200.0, 30.0), Vec::<f32>::new());
    }
}
