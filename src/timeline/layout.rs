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

use std::borrow::Cow;

use super::clustering::{ClusterSizes, Group, compact_count, group_visible_events};
use super::era_bands::{Band, visible_bands};
use super::label_placement::{LabelRows, rows_needed};
use super::label_rank::{LabelFacts, is_at_boundary};
use super::lag_ticks::lag_ticks;
use super::lane_heights::{LaneNeed, heights_by_need};
use super::lane_labels::{
    LABEL_ACCENT, LABEL_GAP, LABEL_INSET, LabelBounds, LabelCandidate, LabelSizes, MAX_LABEL_ROWS,
    PlacedLabel, place_labels,
};
use super::palette::{ERA_COLORS, Palette};
use super::scene::{
    Color, DrawnLagTick, EventLabel, FontStyle, Hit, HitTarget, Point, Rect, Scene, Shape,
    TextAnchor,
};
use super::text_measure::{TextMeasure, fit_text};
use super::ticks::{choose_step, finer_step, ticks_in_view};
use super::time_transform::TimeTransform;
use crate::checks::event_findings::{EventFindings, FindingKinds};
use crate::explore::axis_map::AxisMap;
use crate::explore::lanes::{Lane, LaneEvents, LaneIndex};
use crate::explore::time_view::TimeView;
use crate::model::category::Category;
use crate::model::dataset::Dataset;
use crate::model::date::date_from_days;

/// Choices that change the look but not the data.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LayoutOptions {
    /// 1 for the window; larger for presentation mode and big exports.
    pub text_scale: f32,
    pub show_legend: bool,
    /// Leave out lanes with nothing in range (pictures) instead of keeping their header line.
    pub omit_empty_lanes: bool,
    /// Events with findings of these kinds get a warning triangle (none: no triangles).
    pub finding_marks: FindingKinds,
    /// Draw, for each event drawn on its own, the publication dates of its sources.
    pub publication_lag: bool,
}

impl Default for LayoutOptions {
    fn default() -> Self {
        Self {
            text_scale: 1.0,
            show_legend: true,
            omit_empty_lanes: false,
            finding_marks: FindingKinds::marked_by_default(),
            publication_lag: false,
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
    /// The event under the pointer, whose label comes right after the selected one's.
    pub hovered_event: Option<usize>,
    /// The findings of each event (for the warning triangles); `None` when not checked.
    pub event_findings: Option<&'a EventFindings>,
    pub options: LayoutOptions,
}

/// The layout of one frame.
#[derive(Clone, Debug, Default)]
pub struct TimelineLayout {
    pub scene: Scene,
    /// Where time is drawn (right of the lane names, between top strip and axis).
    pub time_area: Rect,
    /// The lanes drawn, top to bottom.
    pub lanes: Vec<PlacedLane>,
}

/// Where a lane went and how many label rows it has.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PlacedLane {
    /// Index into `LaneIndex::lanes`.
    pub lane: usize,
    pub rect: Rect,
    pub label_rows: usize,
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
    /// Height of a lane with nothing in range: its title only.
    collapsed_lane: f32,
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
            max_label_width: 520.0 * scale,
            lane_padding_top: 13.0 * scale,
            legend_row: 18.0 * scale,
            badge_height: 11.0 * 0.95 * 1.35 * scale,
            collapsed_lane: 24.0 * scale,
        }
    }

    /// Where the first label row starts, below the markers, from the lane's top.
    fn rows_top(&self) -> f32 {
        self.lane_padding_top + self.badge_height.max(self.bar_height) / 2.0 + 2.0
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

    let era_boundaries = era_boundaries_days(input.dataset, &input.view);
    let plans: Vec<LanePlan> = input
        .lanes
        .lanes
        .iter()
        .map(|lane| plan_lane(input, &m, &transform, lane, &era_boundaries, time_area))
        .collect();
    // Lanes with nothing in range stay as a header line, or are left out (exports).
    let shown: Vec<usize> = (0..plans.len())
        .filter(|index| plans[*index].in_range > 0 || !input.options.omit_empty_lanes)
        .collect();
    let needs: Vec<LaneNeed> = shown.iter().map(|index| plans[*index].need(&m)).collect();
    let mut legend = LegendEntries::default();
    let mut placed_lanes = Vec::with_capacity(shown.len());
    let mut top = time_area.min.y;
    for (stripe, (index, height)) in shown
        .iter()
        .zip(heights_by_need(&needs, time_area.height()))
        .enumerate()
    {
        if top + height > time_area.max.y + 0.5 {
            break;
        }
        let lane_rect = Rect::from_x_y_ranges(time_area.min.x, time_area.max.x, top, top + height);
        let lane = LaneToDraw {
            lane: &input.lanes.lanes[*index],
            plan: &plans[*index],
            rect: lane_rect,
            stripe,
        };
        let label_rows = layout_lane(
            &mut scene,
            input,
            &m,
            &transform,
            &lane,
            &mut legend,
            measure,
        );
        placed_lanes.push(PlacedLane {
            lane: *index,
            rect: lane_rect,
            label_rows,
        });
        top += height;
    }
    if input.options.show_legend {
        layout_legend(
            &mut scene,
            input,
            &m,
            &legend,
            era_row_height,
            time_area,
            measure,
        );
    }

    TimelineLayout {
        scene,
        time_area,
        lanes: placed_lanes,
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

/// The colours of the categories drawn, and the approximate-date marker when one is drawn,
/// right-aligned in the row under the era titles.
fn layout_legend(
    scene: &mut Scene,
    input: &TimelineLayoutInput<'_>,
    m: &Metrics,
    shown: &LegendEntries,
    era_row_height: f32,
    time_area: Rect,
    measure: &dyn TextMeasure,
) {
    let palette = input.palette;
    let size = m.small_size;
    let y_center = input.canvas.min.y + era_row_height + m.legend_row / 2.0;
    let mut entries: Vec<(String, LegendGlyph)> = Category::ALL
        .iter()
        .filter(|c| shown.has(**c))
        .map(|c| (c.label().to_owned(), LegendGlyph::Dot(palette.category(*c))))
        .collect();
    if shown.approximate {
        entries.push(("approximate date".to_owned(), LegendGlyph::Hollow));
    }
    if shown.finding {
        entries.push(("finding".to_owned(), LegendGlyph::Warning));
    }
    if shown.lag {
        entries.push(("published".to_owned(), LegendGlyph::LagTick));
    }
    if entries.is_empty() {
        return;
    }
    let dot = size * 0.9;
    let spacing = size * 0.9;
    let widths: Vec<f32> = entries
        .iter()
        .map(|(label, _)| dot + 4.0 + measure.text_width(label, size, FontStyle::Regular))
        .collect();
    let total: f32 = widths.iter().sum::<f32>() + spacing * (entries.len() as f32 - 1.0);
    if total > time_area.width() - 12.0 {
        return;
    }
    let mut x = time_area.max.x - 6.0 - total;
    for ((label, glyph), width) in entries.into_iter().zip(widths) {
        let center = Point::new(x + dot / 2.0, y_center);
        match glyph {
            LegendGlyph::Dot(color) => scene.shapes.push(Shape::Circle {
                center,
                radius: dot / 2.0,
                fill: color,
                stroke: None,
            }),
            LegendGlyph::Hollow => scene.shapes.push(Shape::Circle {
                center,
                radius: dot / 2.0,
                fill: palette.background,
                stroke: Some((1.5, palette.text_weak)),
            }),
            LegendGlyph::Warning => scene.shapes.push(warning_triangle(
                palette,
                Point::new(center.x, center.y + dot * 0.45),
                dot * 1.05,
                dot * 0.95,
            )),
            LegendGlyph::LagTick => scene.shapes.push(Shape::Line {
                points: vec![
                    Point::new(center.x, center.y - dot / 2.0),
                    Point::new(center.x, center.y + dot / 2.0),
                ],
                width: 1.5,
                color: palette.lag,
            }),
        }
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

/// Clusters of at most this many events offer every member a label, and are drawn opened when
/// every member gets a whole one.
const OPEN_CLUSTER_LIMIT: usize = 8;
/// Clusters of at most this many events offer a label to the members that stand out (quotes,
/// several sources, era boundaries); bigger ones are not looked into, to keep frames cheap.
const LOOK_INTO_CLUSTER_LIMIT: usize = 64;
/// One lane's groups and label candidates, worked out before the lanes share the height.
struct LanePlan<'a> {
    /// Events of the lane (matches, when searching) that overlap the view.
    in_range: usize,
    /// Of all of the lane's events (matches, when searching).
    total: usize,
    /// When searching: every visible event, drawn dimmed behind the matches.
    background: Option<Vec<Group>>,
    groups: Vec<Group>,
    candidates: Vec<LabelCandidate<'a>>,
    rows_needed: usize,
}

impl LanePlan<'_> {
    fn need(&self, m: &Metrics) -> LaneNeed {
        if self.in_range == 0 {
            return LaneNeed {
                wanted: m.collapsed_lane,
                minimum: m.collapsed_lane,
                stretches: false,
            };
        }
        let height_for = |rows: usize| m.rows_top() + rows as f32 * m.row_height + 4.0;
        LaneNeed {
            wanted: height_for(self.rows_needed.max(1)),
            minimum: height_for(1),
            stretches: true,
        }
    }
}

/// A lane with its plan, where it goes, and whether it is a striped one.
struct LaneToDraw<'a> {
    lane: &'a Lane,
    plan: &'a LanePlan<'a>,
    rect: Rect,
    stripe: usize,
}

/// The first and last days of the eras that fall in `view`, sorted, for ranking events on them.
fn era_boundaries_days(dataset: &Dataset, view: &TimeView) -> Vec<f64> {
    let (from, to) = (view.start_days - 1.0, view.end_days() + 1.0);
    let mut days: Vec<f64> = dataset
        .eras
        .iter()
        .flat_map(|era| [era.start.start_days(), era.end.start_days()])
        .filter(|day| (from..=to).contains(day))
        .collect();
    days.sort_by(f64::total_cmp);
    days
}

fn plan_lane<'a>(
    input: &TimelineLayoutInput<'a>,
    m: &Metrics,
    transform: &TimeTransform<'_>,
    lane: &Lane,
    era_boundaries: &[f64],
    time_area: Rect,
) -> LanePlan<'a> {
    let (x_min, x_max) = (f64::from(time_area.min.x), f64::from(time_area.max.x));
    let sizes = ClusterSizes {
        merge_points: 5.0,
        cluster_width_points: f64::from(34.0 * input.options.text_scale),
    };
    let list = if input.lanes.searching {
        &lane.matches
    } else {
        &lane.all
    };
    let groups = group_visible_events(list, transform, x_min, x_max, sizes);
    let background = input
        .lanes
        .searching
        .then(|| group_visible_events(&lane.all, transform, x_min, x_max, sizes));
    let candidates = label_candidates(
        input,
        m,
        &groups,
        list,
        transform,
        era_boundaries,
        (x_min, x_max),
    );
    // Estimated widths: measuring every candidate's text each frame would cost more than the
    // labels that are finally placed (those are measured).
    let bounds = LabelBounds::of(time_area);
    let mut spans: Vec<(f32, f32)> = candidates
        .iter()
        .map(|c| {
            let estimate = LABEL_INSET + c.text.chars().count() as f32 * m.label_size * 0.5;
            let width = estimate.min(m.max_label_width);
            match bounds.whole_label_at(c, width) {
                Some((x, _)) => (x, width),
                None => (c.x, bounds.right - c.x),
            }
        })
        .collect();
    LanePlan {
        in_range: list.count_overlapping(input.view.start_days, input.view.end_days()),
        total: list.len(),
        background,
        groups,
        candidates,
        rows_needed: rows_needed(&mut spans, LABEL_GAP, MAX_LABEL_ROWS),
    }
}

/// The events of a lane that may get a label: single events, the members of small clusters,
/// and the selected and hovered events wherever they are.
fn label_candidates<'a>(
    input: &TimelineLayoutInput<'a>,
    m: &Metrics,
    groups: &[Group],
    list: &LaneEvents,
    transform: &TimeTransform<'_>,
    era_boundaries: &[f64],
    (x_min, x_max): (f64, f64),
) -> Vec<LabelCandidate<'a>> {
    let dataset = input.dataset;
    let candidate = |event: usize,
                     x_start: f64,
                     x_end: f64,
                     cluster: Option<usize>,
                     only_if_standing_out: bool| {
        let data = dataset.events.get(event)?;
        let selected = input.selected_event == Some(event);
        let facts = LabelFacts {
            selected,
            hovered: input.hovered_event == Some(event),
            quotes: dataset.quotes_of_event(event).count(),
            sources: data.sources().len(),
            at_era_boundary: is_at_boundary(data.start_days(), era_boundaries),
            begun_earlier: x_start < x_min,
        };
        if only_if_standing_out && !facts.stands_out() {
            return None;
        }
        // Borrowed from the dataset: most candidates never get a label.
        let text = if data.approximate {
            Cow::Owned(format!("c. {}", data.title()))
        } else {
            Cow::Borrowed(data.title())
        };
        Some(LabelCandidate {
            event,
            x_start,
            x_end,
            x: (x_start as f32 - m.marker_radius).max(x_min as f32 + 1.0),
            x_flipped_end: x_start as f32 + m.marker_radius,
            text,
            style: if selected {
                FontStyle::Strong
            } else {
                FontStyle::Regular
            },
            rank: facts.rank(),
            cluster,
        })
    };
    let at = |position: usize| {
        (
            list.events[position],
            transform.x_from_time(list.starts_days[position]),
            transform.x_from_time(list.ends_days[position]),
        )
    };
    let mut candidates = Vec::with_capacity(groups.len());
    for (index, group) in groups.iter().enumerate() {
        match *group {
            Group::Single {
                event,
                x_start,
                x_end,
            } => candidates.extend(candidate(event, x_start, x_end, None, false)),
            Group::Cluster {
                first_position,
                count,
                ..
            } if count <= LOOK_INTO_CLUSTER_LIMIT => {
                let only_standing_out = count > OPEN_CLUSTER_LIMIT;
                for position in first_position..first_position + count {
                    let (event, x_start, x_end) = at(position);
                    candidates.extend(candidate(
                        event,
                        x_start,
                        x_end,
                        Some(index),
                        only_standing_out,
                    ));
                }
            }
            Group::Cluster { .. } => {}
        }
    }
    // Lanes list events in dataset order, which is start order, so a binary search finds them.
    for emphasized in [input.selected_event, input.hovered_event]
        .into_iter()
        .flatten()
    {
        if candidates.iter().all(|c| c.event != emphasized)
            && let Ok(position) = list.events.binary_search(&emphasized)
        {
            let (event, x_start, x_end) = at(position);
            // Only where it is drawn: an event out of view gets no label at the edge.
            let on_screen = x_end.max(x_start + f64::from(m.marker_radius)) > x_min
                && x_start - f64::from(m.marker_radius) < x_max;
            if on_screen {
                candidates.extend(candidate(event, x_start, x_end, None, false));
            }
        }
    }
    candidates
}

fn layout_lane(
    scene: &mut Scene,
    input: &TimelineLayoutInput<'_>,
    m: &Metrics,
    transform: &TimeTransform<'_>,
    lane: &LaneToDraw<'_>,
    legend: &mut LegendEntries,
    measure: &dyn TextMeasure,
) -> usize {
    let (plan, lane_rect) = (lane.plan, lane.rect);
    let palette = input.palette;
    if lane.stripe % 2 == 1 {
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
    layout_lane_title(scene, input, m, lane, measure);
    if plan.in_range == 0 {
        return 0;
    }

    let marker_y = lane_rect.min.y + m.lane_padding_top;
    let rows_top = lane_rect.min.y + m.rows_top();
    let row_count = ((lane_rect.max.y - rows_top - 2.0) / m.row_height)
        .floor()
        .max(0.0) as usize;
    let rows = LabelRows::new(
        rows_top,
        m.row_height,
        row_count.min(MAX_LABEL_ROWS),
        LABEL_GAP,
    );
    let label_rows = rows.row_count();
    let sizes = LabelSizes {
        label_size: m.label_size,
        max_label_width: m.max_label_width,
    };
    let bounds = LabelBounds::of(lane_rect);
    let placed = place_labels(
        sizes,
        &plan.candidates,
        plan.rows_needed,
        &rows,
        bounds,
        measure,
    );

    let frame = LaneFrame {
        rect: lane_rect,
        marker_y,
    };
    if let Some(category) = lane.lane.category {
        legend.mark(category, false);
    }
    for group in plan.background.iter().flatten() {
        // Dimmed (not matching the search): never marked.
        let _ = draw_group(scene, input, m, group, frame, true, legend, measure);
    }
    // A cluster whose members all got their whole label is drawn as its members.
    let opened = opened_clusters(plan, &placed);
    if input.options.publication_lag {
        // Under the markers: a whisker from each event drawn on its own to its sources' dates.
        let singles = plan.groups.iter().enumerate().flat_map(|(index, group)| {
            let members = opened
                .get(index)
                .copied()
                .unwrap_or(false)
                .then(|| {
                    plan.candidates
                        .iter()
                        .filter(move |c| c.cluster == Some(index))
                })
                .into_iter()
                .flatten()
                .map(|member| (member.event, member.x_start));
            let single = match *group {
                Group::Single { event, x_start, .. } => Some((event, x_start)),
                Group::Cluster { .. } => None,
            };
            single.into_iter().chain(members)
        });
        for (event, x_start) in singles {
            draw_lag(scene, input, m, transform, frame, event, x_start, legend);
        }
    }
    // Warning triangles go on top of every marker of the lane: a neighbour drawn later would
    // hide part of one.
    let mut marks = Vec::new();
    let list = if input.lanes.searching {
        &lane.lane.matches
    } else {
        &lane.lane.all
    };
    // A badge of up to LOOK_INTO_CLUSTER_LIMIT events is marked when a member would be (bigger
    // ones are not looked into, as for labels: the cost stays with what is on screen).
    let members_marked = |group: &Group| match *group {
        Group::Cluster {
            first_position,
            count,
            ..
        } if count <= LOOK_INTO_CLUSTER_LIMIT => list
            .events
            .get(first_position..first_position + count)
            .unwrap_or_default()
            .iter()
            .copied()
            .filter(|&event| is_marked(input, event))
            .collect(),
        _ => Vec::new(),
    };
    for (index, group) in plan.groups.iter().enumerate() {
        if opened.get(index).copied().unwrap_or(false) {
            for member in plan.candidates.iter().filter(|c| c.cluster == Some(index)) {
                let single = Group::Single {
                    event: member.event,
                    x_start: member.x_start,
                    x_end: member.x_end,
                };
                marks.extend(draw_group(
                    scene, input, m, &single, frame, false, legend, measure,
                ));
            }
        } else {
            let marked_members = members_marked(group);
            let mark = draw_group(scene, input, m, group, frame, false, legend, measure);
            match mark {
                Some(mark) => marks.push(mark),
                None if !marked_members.is_empty() => {
                    if let Some(badge) = last_badge(scene, group) {
                        marks.push(badge_mark(input, m, badge, frame.marker_y));
                        legend.finding = true;
                        scene.marked_events.extend(marked_members);
                    }
                }
                None => {}
            }
        }
    }
    scene.shapes.extend(marks);
    for label in placed {
        push_event_label(scene, input, m, &plan.candidates[label.candidate], label);
    }

    if let Some(selected) = input.selected_event
        && lane.lane.all.events.binary_search(&selected).is_ok()
    {
        draw_selection(scene, input, m, transform, selected, marker_y, lane_rect);
    }
    label_rows
}

/// For each group of the plan: a cluster all of whose members got a whole label.
fn opened_clusters(plan: &LanePlan, placed: &[PlacedLabel]) -> Vec<bool> {
    let mut whole_labels = vec![0_usize; plan.groups.len()];
    for label in placed.iter().filter(|label| label.in_full) {
        if let Some(cluster) = plan.candidates[label.candidate].cluster
            && let Some(count) = whole_labels.get_mut(cluster)
        {
            *count += 1;
        }
    }
    plan.groups
        .iter()
        .zip(whole_labels)
        .map(
            |(group, labelled)| matches!(*group, Group::Cluster { count, .. } if count == labelled),
        )
        .collect()
}

fn push_event_label(
    scene: &mut Scene,
    input: &TimelineLayoutInput<'_>,
    m: &Metrics,
    candidate: &LabelCandidate,
    label: PlacedLabel,
) {
    let Some(data) = input.dataset.events.get(candidate.event) else {
        return;
    };
    let rect = label.rect;
    let (accent_x, text_x) = if label.flipped {
        (rect.max.x - LABEL_ACCENT, rect.min.x)
    } else {
        (rect.min.x, rect.min.x + LABEL_INSET)
    };
    scene.shapes.push(Shape::Rect {
        rect: Rect::from_x_y_ranges(
            accent_x,
            accent_x + LABEL_ACCENT,
            rect.min.y + 2.0,
            rect.max.y - 2.0,
        ),
        fill: input.palette.category(data.category),
        stroke: None,
        corner_radius: 1.0,
    });
    let text_rect = Rect::from_x_y_ranges(
        text_x,
        text_x + rect.width() - LABEL_INSET,
        rect.min.y,
        rect.max.y,
    );
    scene.event_labels.push(EventLabel {
        event: candidate.event,
        in_full: label.in_full,
    });
    push_label(
        scene,
        Point::new(
            text_rect.min.x,
            rect.min.y + (m.row_height - m.label_size * 1.2) / 2.0,
        ),
        label.text,
        m.label_size,
        input.palette.text,
        candidate.style,
        text_rect,
    );
    scene.hits.push(Hit {
        rect,
        target: HitTarget::Event(candidate.event),
    });
}

/// "12 of 65 events" when part of the lane is in range, "65 events" when all of it is.
fn lane_count_text(in_range: usize, total: usize, searching: bool) -> String {
    let noun = match (searching, total) {
        (true, 1) => "match",
        (true, _) => "matches",
        (false, 1) => "event",
        (false, _) => "events",
    };
    if in_range == total {
        format!("{} {noun}", compact_count(total))
    } else {
        format!(
            "{} of {} {noun}",
            compact_count(in_range),
            compact_count(total)
        )
    }
}

fn layout_lane_title(
    scene: &mut Scene,
    input: &TimelineLayoutInput<'_>,
    m: &Metrics,
    lane: &LaneToDraw<'_>,
    measure: &dyn TextMeasure,
) {
    let (plan, lane_rect) = (lane.plan, lane.rect);
    let palette = input.palette;
    let size = m.title_size;
    let mut x = input.canvas.min.x + 8.0;
    let collapsed = plan.in_range == 0;
    let y = if collapsed {
        lane_rect.min.y + (lane_rect.height() - size * 1.3) / 2.0
    } else {
        lane_rect.min.y + m.lane_padding_top - size * 0.65
    };
    if let Some(category) = lane.lane.category {
        scene.shapes.push(Shape::Circle {
            center: Point::new(x + 4.0, y + size * 0.65),
            radius: 4.0,
            fill: palette.category(category),
            stroke: None,
        });
        x += 13.0;
    }
    let room = lane_rect.min.x - x - 6.0;
    let count = lane_count_text(plan.in_range, plan.total, input.lanes.searching);
    let count_size = m.small_size * 0.95;
    let mut title_end = x;
    if let Some((title, width)) = fit_text(measure, &lane.lane.title, size, FontStyle::Strong, room)
    {
        let bounds = Rect::from_x_y_ranges(x, x + width, y, y + size * 1.3);
        title_end = bounds.max.x;
        push_label(
            scene,
            bounds.min,
            title,
            size,
            if collapsed {
                palette.text_weak
            } else {
                palette.text
            },
            FontStyle::Strong,
            bounds,
        );
    }
    // Below the title; on the title's line when the lane is only a header line.
    let (count_x, count_y, count_room) = if collapsed {
        let count_x = title_end + 6.0;
        (
            count_x,
            y + (size - count_size) * 0.65,
            lane_rect.min.x - count_x - 6.0,
        )
    } else {
        (x, y + size * 1.35, room)
    };
    if count_y + count_size * 1.3 <= lane_rect.max.y
        && measure.text_width(&count, count_size, FontStyle::Regular) <= count_room
    {
        let width = measure.text_width(&count, count_size, FontStyle::Regular);
        let bounds = Rect::from_x_y_ranges(
            count_x,
            count_x + width,
            count_y,
            count_y + count_size * 1.3,
        );
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

/// What a legend entry shows beside its text.
enum LegendGlyph {
    Dot(Color),
    Hollow,
    Warning,
    LagTick,
}

/// The categories and the kinds of marker drawn, for the legend.
#[derive(Default)]
struct LegendEntries {
    categories: Vec<Category>,
    approximate: bool,
    /// A warning triangle was drawn.
    finding: bool,
    /// A publication tick was drawn.
    lag: bool,
}

impl LegendEntries {
    fn mark(&mut self, category: Category, approximate: bool) {
        if !self.categories.contains(&category) {
            self.categories.push(category);
        }
        self.approximate |= approximate;
    }

    fn has(&self, category: Category) -> bool {
        self.categories.contains(&category)
    }
}

/// The lag whisker of one event: a thin line from its marker to the publication dates of its
/// sources on the same lane, with a tick at each (see `lag_ticks`).
#[allow(clippy::too_many_arguments)]
fn draw_lag(
    scene: &mut Scene,
    input: &TimelineLayoutInput<'_>,
    m: &Metrics,
    transform: &TimeTransform<'_>,
    lane: LaneFrame,
    event: usize,
    x_event: f64,
    legend: &mut LegendEntries,
) {
    let ticks = lag_ticks(input.dataset, event, transform);
    if ticks.is_empty() {
        return;
    }
    let (left, right) = (f64::from(lane.rect.min.x), f64::from(lane.rect.max.x));
    let y = lane.marker_y;
    let color = input.palette.lag;
    let (mut x_min, mut x_max) = (x_event, x_event);
    for tick in &ticks {
        x_min = x_min.min(tick.x);
        x_max = x_max.max(tick.x);
    }
    let (line_start, line_end) = (x_min.max(left) as f32, x_max.min(right) as f32);
    if line_end > line_start {
        scene.shapes.push(Shape::Line {
            points: vec![Point::new(line_start, y), Point::new(line_end, y)],
            width: 1.0,
            color: color.faded(0.7),
        });
    }
    let half = m.marker_radius * 1.2;
    for tick in ticks {
        if tick.x < left || tick.x > right {
            continue;
        }
        let x = tick.x as f32;
        scene.shapes.push(Shape::Line {
            points: vec![Point::new(x, y - half), Point::new(x, y + half)],
            width: 1.5,
            color,
        });
        legend.lag = true;
        scene.lag_ticks.push(DrawnLagTick {
            event,
            source: tick.source,
            x,
            lag_days: tick.lag_days,
        });
    }
}

/// The warning triangle whose base is centred at `base_center`, apex up.
fn warning_triangle(palette: &Palette, base_center: Point, width: f32, height: f32) -> Shape {
    let Point { x, y } = base_center;
    Shape::Polygon {
        points: vec![
            Point::new(x - width / 2.0, y),
            Point::new(x + width / 2.0, y),
            Point::new(x, y - height),
        ],
        fill: palette.warning_fill,
        stroke: Some((1.0, palette.warning_outline)),
    }
}

/// Whether `event` has findings of the kinds marked.
fn is_marked(input: &TimelineLayoutInput<'_>, event: usize) -> bool {
    let marked = input.options.finding_marks;
    !marked.is_empty()
        && input
            .event_findings
            .is_some_and(|findings| !findings.kinds_of(event).intersection(marked).is_empty())
}

/// The rectangle of the badge of `group` when it was just drawn (the last hit region).
fn last_badge(scene: &Scene, group: &Group) -> Option<Rect> {
    let Group::Cluster { first_event, .. } = *group else {
        return None;
    };
    match scene.hits.last() {
        Some(Hit {
            rect,
            target: HitTarget::Cluster {
                first_event: drawn, ..
            },
        }) if *drawn == first_event => Some(*rect),
        _ => None,
    }
}

/// The triangle on a cluster badge with a marked member: at the badge's upper right.
fn badge_mark(input: &TimelineLayoutInput<'_>, m: &Metrics, badge: Rect, marker_y: f32) -> Shape {
    let r = m.marker_radius;
    warning_triangle(
        input.palette,
        Point::new(badge.max.x - r * 0.2, marker_y - r * 0.3),
        r * 2.2,
        r * 1.9,
    )
}

/// The triangle on an event with findings of the kinds marked: at the upper right of its
/// marker (or of a bar's start), above the label rows, so no label has to make room for it.
fn finding_mark(
    input: &TimelineLayoutInput<'_>,
    m: &Metrics,
    event: usize,
    x: f32,
    marker_y: f32,
) -> Option<Shape> {
    if !is_marked(input, event) {
        return None;
    }
    // About 10 × 8.5 points at text scale 1: legible beside a 9-point marker, and its apex
    // stays inside the lane's top padding.
    let r = m.marker_radius;
    Some(warning_triangle(
        input.palette,
        Point::new(x + r * 1.05, marker_y - r * 0.3),
        r * 2.2,
        r * 1.9,
    ))
}

/// Where a lane is and at which height its markers sit.
#[derive(Clone, Copy)]
struct LaneFrame {
    rect: Rect,
    marker_y: f32,
}

/// Draws a single event or a cluster badge; returns the warning triangle of a single event
/// with findings, for the caller to draw over every marker of the lane.
#[allow(clippy::too_many_arguments)]
fn draw_group(
    scene: &mut Scene,
    input: &TimelineLayoutInput<'_>,
    m: &Metrics,
    group: &Group,
    lane: LaneFrame,
    dimmed: bool,
    legend: &mut LegendEntries,
    measure: &dyn TextMeasure,
) -> Option<Shape> {
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
            let data = input.dataset.events.get(event)?;
            legend.mark(data.category, data.approximate);
            let color = palette.category(data.category).faded(alpha);
            let x0 = (x_start as f32).max(lane_rect.min.x - 2.0);
            let x1 = (x_end as f32).min(lane_rect.max.x + 2.0);
            let is_bar = x1 - x0 >= m.marker_radius * 2.0 && data.is_span();
            if !is_bar && (x_start as f32) < lane_rect.min.x - m.marker_radius {
                return None;
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
            if dimmed {
                return None;
            }
            scene.hits.push(Hit {
                rect: hit_rect,
                target: HitTarget::Event(event),
            });
            let x = if is_bar { x0 } else { x_start as f32 };
            let mark = finding_mark(input, m, event, x, marker_y)?;
            legend.finding = true;
            scene.marked_events.push(event);
            Some(mark)
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
                return None;
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
            None
        }
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
