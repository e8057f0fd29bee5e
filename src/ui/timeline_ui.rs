//! The timeline widget: allocates the canvas, paints the layout and turns pointer input into
//! commands (zoom at the cursor, drag to pan, click to select, double-click to fit).

use egui::{Sense, Ui};

use super::details_panel_ui::lag_text;
use super::egui_painter::{EguiTextMeasure, paint_scene_over};
use crate::app::command::AppCommand;
use crate::checks::findings_by_kind::kind_heading;
use crate::explore::time_view::TimeView;
use crate::explorer::Explorer;
use crate::model::date::date_from_days;
use crate::timeline::lag_ticks::lag_days;
use crate::timeline::layout::{
    LayoutOptions, TimelineLayout, TimelineLayoutInput, layout_timeline,
};
use crate::timeline::palette::Palette;
use crate::timeline::scene::{Color, DrawnLagTick, EventLabel, HitTarget, Point, Rect};

/// Wheel points per e-fold of zoom.
const WHEEL_POINTS_PER_ZOOM_E: f32 = 400.0;

/// Where the widget keeps the event under the pointer, whose label the next frame ranks high.
const HOVERED_EVENT_ID: &str = "timeline: hovered event";

/// Where the widget keeps the labels of the last frame, for tests and reports.
const EVENT_LABELS_ID: &str = "timeline: event labels";

/// The event labels the timeline drew in the last frame.
pub fn last_event_labels(ctx: &egui::Context) -> Vec<EventLabel> {
    ctx.data(|data| data.get_temp::<Vec<EventLabel>>(egui::Id::unique(EVENT_LABELS_ID)))
        .unwrap_or_default()
}

/// Where the widget keeps the events marked with a warning triangle and the publication
/// ticks of the last frame, for tests.
const MARKS_ID: &str = "timeline: finding marks and lag ticks";

/// The events the timeline marked with a warning triangle in the last frame, and the
/// publication ticks it drew.
pub fn last_marks(ctx: &egui::Context) -> (Vec<usize>, Vec<DrawnLagTick>) {
    ctx.data(|data| data.get_temp(egui::Id::unique(MARKS_ID)))
        .unwrap_or_default()
}

/// Where the timeline's time axis was last drawn, in window points (for tests and tools that
/// turn a date into a position): see [`last_time_area`].
const TIME_AREA_ID: &str = "timeline: time area";

/// The part of the timeline where time runs (right of the lane labels), as last drawn.
pub fn last_time_area(ctx: &egui::Context) -> Option<egui::Rect> {
    ctx.data(|data| data.get_temp(egui::Id::unique(TIME_AREA_ID)))
}

/// Lays out and paints the timeline into `rect` (no input): shared by the window and the bench.
/// `cleared_to` is the colour the window was cleared to, if the canvas has nothing else on it.
#[allow(clippy::too_many_arguments)]
pub fn paint_timeline(
    ui: &Ui,
    rect: egui::Rect,
    explorer: &Explorer,
    view: TimeView,
    selected_event: Option<usize>,
    palette: &Palette,
    options: LayoutOptions,
    cleared_to: Option<Color>,
) -> TimelineLayout {
    let hovered_event = ui.data(|data| data.get_temp::<usize>(egui::Id::unique(HOVERED_EVENT_ID)));
    let input = TimelineLayoutInput {
        dataset: &explorer.dataset,
        lanes: &explorer.lanes,
        axis_map: &explorer.axis_map,
        view,
        canvas: Rect::from_x_y_ranges(rect.min.x, rect.max.x, rect.min.y, rect.max.y),
        palette,
        selected_event,
        hovered_event,
        event_findings: Some(&explorer.event_findings),
        options,
    };
    let layout = layout_timeline(&input, &EguiTextMeasure { ctx: ui.ctx() });
    paint_scene_over(&ui.painter_at(rect), &layout.scene, cleared_to);
    layout
}

/// The interactive timeline; returns what the user asked for. `cleared_to`: see [`paint_timeline`].
pub fn timeline_ui(
    ui: &mut Ui,
    explorer: &Explorer,
    view: TimeView,
    selected_event: Option<usize>,
    palette: &Palette,
    options: LayoutOptions,
    cleared_to: Option<Color>,
) -> Vec<AppCommand> {
    let mut commands = Vec::new();
    let (rect, response) = ui.allocate_exact_size(ui.available_size(), Sense::click_and_drag());
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Canvas, true, "Timeline"));
    if !ui.is_rect_visible(rect) {
        return commands;
    }
    let mut layout = paint_timeline(
        ui,
        rect,
        explorer,
        view,
        selected_event,
        palette,
        options,
        cleared_to,
    );
    // Moved, not copied: the rest of the frame needs only the scene's hit regions.
    let labels = std::mem::take(&mut layout.scene.event_labels);
    let marks = (
        std::mem::take(&mut layout.scene.marked_events),
        std::mem::take(&mut layout.scene.lag_ticks),
    );
    ui.data_mut(|data| {
        data.insert_temp(egui::Id::unique(EVENT_LABELS_ID), labels);
        data.insert_temp(egui::Id::unique(MARKS_ID), marks);
    });
    if explorer.lanes.lanes.is_empty() {
        let message = if explorer.dataset.events.is_empty() {
            "No events loaded."
        } else {
            "No events match the search and filters."
        };
        ui.painter().text(
            rect.center(),
            egui::Align2::CENTER_CENTER,
            message,
            egui::FontId::proportional(16.0),
            ui.visuals().weak_text_color(),
        );
    }
    let time_area = layout.time_area;
    ui.data_mut(|data| {
        data.insert_temp(
            egui::Id::unique(TIME_AREA_ID),
            egui::Rect::from_min_max(
                egui::pos2(time_area.min.x, time_area.min.y),
                egui::pos2(time_area.max.x, time_area.max.y),
            ),
        );
    });
    let width = f64::from(time_area.width().max(1.0));
    let fraction_at = |x: f32| f64::from(x - time_area.min.x) / width;

    let hover_pos = response.hover_pos();
    if let Some(pos) = hover_pos {
        let (scroll, zoom_delta) = ui.input(|i| (i.smooth_scroll_delta, i.zoom_delta()));
        let wheel_factor = (scroll.y / WHEEL_POINTS_PER_ZOOM_E).exp();
        let factor = f64::from(wheel_factor * zoom_delta);
        if (factor - 1.0).abs() > 1e-4 {
            commands.push(AppCommand::ZoomAround {
                anchor_fraction: fraction_at(pos.x).clamp(0.0, 1.0),
                factor,
            });
        }
        if scroll.x.abs() > 0.0 {
            commands.push(AppCommand::PanByFraction(-f64::from(scroll.x) / width));
        }
        let hit = layout.scene.hit_at(Point::new(pos.x, pos.y), 3.0);
        remember_hovered_event(ui, hit);
        if let Some(target) = hit {
            ui.ctx().set_cursor_icon(egui::CursorIcon::PointingHand);
            response
                .clone()
                .on_hover_ui_at_pointer(|ui| hover_ui(ui, explorer, target));
        }
    }
    if hover_pos.is_none() {
        remember_hovered_event(ui, None);
    }
    if response.dragged() {
        let dx = response.drag_delta().x;
        if dx != 0.0 {
            commands.push(AppCommand::PanByFraction(-f64::from(dx) / width));
        }
    }
    if response.double_clicked() {
        commands.push(AppCommand::FitAll);
    } else if response.clicked() {
        let target = response
            .interact_pointer_pos()
            .and_then(|pos| layout.scene.hit_at(Point::new(pos.x, pos.y), 3.0));
        commands.push(match target {
            Some(HitTarget::Event(event)) => AppCommand::SelectEvent(Some(event)),
            Some(HitTarget::Cluster {
                start_days,
                end_days,
                ..
            }) => AppCommand::ZoomToRange {
                start_days,
                end_days,
            },
            None => AppCommand::SelectEvent(None),
        });
    }
    commands
}

/// Keeps the hovered event for the next frame's layout, and asks for that frame when it changed.
fn remember_hovered_event(ui: &Ui, hit: Option<HitTarget>) {
    let hovered = match hit {
        Some(HitTarget::Event(event)) => Some(event),
        _ => None,
    };
    let id = egui::Id::unique(HOVERED_EVENT_ID);
    let before = ui.data(|data| data.get_temp::<usize>(id));
    if before == hovered {
        return;
    }
    ui.data_mut(|data| match hovered {
        Some(event) => {
            data.insert_temp(id, event);
        }
        None => data.remove::<usize>(id),
    });
    ui.ctx().request_repaint();
}

fn hover_ui(ui: &mut Ui, explorer: &Explorer, target: HitTarget) {
    ui.set_max_width(360.0);
    match target {
        HitTarget::Event(index) => {
            let Some(event) = explorer.dataset.events.get(index) else {
                return;
            };
            let mut date = event.date.display();
            if let Some(end) = &event.end {
                date = format!("{date} – {}", end.display());
            }
            if event.approximate {
                date = format!("about {date}");
            }
            ui.label(egui::RichText::new(event.title()).strong());
            ui.label(format!("{date} · {}", event.category.label()));
            if !event.summary().is_empty() {
                ui.label(event.summary());
            }
            let actors: Vec<&str> = explorer.dataset.actors_of(event).collect();
            if !actors.is_empty() {
                ui.weak(actors.join(", "));
            }
            // The publication lag: when each source reported it.
            let dataset = &explorer.dataset;
            let sources = event.sources();
            for source in sources
                .iter()
                .filter_map(|s| dataset.sources.get(s))
                .take(4)
            {
                ui.weak(format!(
                    "{}, {}: {}",
                    source.outlet,
                    source.published.display(),
                    lag_text(lag_days(event, source))
                ));
            }
            if sources.len() > 4 {
                ui.weak(format!("and {} more sources", sources.len() - 4));
            }
            let kinds = explorer.event_findings.kinds_of(index);
            if !kinds.is_empty() {
                let names: Vec<&str> = kinds.iter().map(kind_heading).collect();
                ui.label(
                    egui::RichText::new(format!("Findings: {}", names.join(" · ")))
                        .color(ui.visuals().warn_fg_color),
                );
                ui.weak("Select the event to read its findings");
            }
        }
        HitTarget::Cluster {
            count,
            start_days,
            end_days,
            ..
        } => {
            let format = |days: f64| {
                date_from_days(days).map_or_else(String::new, |d| d.format("%-d %b %Y").to_string())
            };
            ui.label(egui::RichText::new(format!("{count} events")).strong());
            ui.label(format!("{} – {}", format(start_days), format(end_days)));
            ui.weak("Click to zoom in");
        }
    }
}
