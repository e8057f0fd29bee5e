//! The overview strip: events per month for the whole dataset, with the current view as a
//! window that can be dragged (or clicked) to move the timeline.

use egui::Ui;
use egui_plot::{Bar, BarChart, GridInput, GridMark, Plot, PlotPoints, Polygon};

use crate::app::command::AppCommand;
use crate::explore::time_view::TimeView;
use crate::explorer::{Explorer, overview_click_range};
use crate::model::date::{date_from_days, days_from_date};

pub fn overview_ui(
    ui: &mut Ui,
    explorer: &Explorer,
    view: TimeView,
    accent: egui::Color32,
) -> Vec<AppCommand> {
    let histogram = &explorer.histogram;
    let bars: Vec<Bar> = histogram
        .counts
        .iter()
        .enumerate()
        .map(|(month, count)| {
            let start = histogram.month_starts_days[month];
            let end = histogram.month_starts_days[month + 1];
            Bar::new((start + end) / 2.0, *count as f64).width((end - start) * 0.85)
        })
        .collect();
    let max_count = histogram.counts.iter().copied().max().unwrap_or(1).max(1) as f64;
    let data_view = explorer.fit_all_view();
    let bar_color = ui
        .visuals()
        .widgets
        .inactive
        .fg_stroke
        .color
        .gamma_multiply(0.7);
    let plot = Plot::new("overview")
        .height(ui.available_height().max(40.0))
        .allow_drag(false)
        .allow_zoom(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .allow_double_click_reset(false)
        .show_axes([true, false])
        .show_grid([true, false])
        .show_x(false)
        .show_y(false)
        .set_margin_fraction(egui::vec2(0.0, 0.0))
        .x_grid_spacer(year_marks)
        .x_axis_formatter(|mark, _| {
            date_from_days(mark.value).map_or_else(String::new, |d| d.format("%Y").to_string())
        });
    let strip = (data_view.start_days, data_view.end_days());
    let response = plot.show(ui, |plot_ui| {
        // Set every frame, not remembered: the strip follows the data through Open, Add and
        // Remove.
        plot_ui.set_plot_bounds_x(strip.0..=strip.1);
        plot_ui.set_plot_bounds_y(0.0..=max_count * 1.15);
        plot_ui.bar_chart(BarChart::new("events per month", bars).color(bar_color));
        let (start, end) = (view.start_days.max(strip.0), view.end_days().min(strip.1));
        let top = max_count * 1.1;
        plot_ui.polygon(
            Polygon::new(
                "view",
                PlotPoints::from(vec![[start, 0.0], [end, 0.0], [end, top], [start, top]]),
            )
            .fill_color(accent.gamma_multiply(0.18))
            .stroke(egui::Stroke::new(1.5, accent)),
        );
    });
    response
        .response
        .widget_info(|| egui::WidgetInfo::labeled(egui::Role::Canvas, true, "Overview"));
    let mut commands = Vec::new();
    let plot_response = &response.response;
    if let Some(pos) = plot_response.interact_pointer_pos() {
        let time_days = response.transform.value_from_position(pos).x;
        if plot_response.clicked() {
            let (start_days, end_days) = overview_click_range(view, strip, time_days);
            commands.push(AppCommand::SetView(TimeView::from_range(
                start_days, end_days,
            )));
        } else if plot_response.dragged() {
            commands.push(AppCommand::CenterOn(time_days));
        }
    }
    if plot_response.hovered() {
        plot_response
            .clone()
            .on_hover_text("Drag or click to move the view; events per month");
    }
    commands
}

/// Grid marks at every year (or every 5 years when crowded).
fn year_marks(input: GridInput) -> Vec<GridMark> {
    let (Some(first), Some(last)) = (
        date_from_days(input.bounds.0),
        date_from_days(input.bounds.1),
    ) else {
        return Vec::new();
    };
    use chrono::Datelike as _;
    let years = (last.year() - first.year()).max(1);
    let step = if years > 40 {
        10
    } else if years > 16 {
        5
    } else {
        1
    };
    (first.year()..=last.year() + 1)
        .filter(|y| y % step == 0)
        .filter_map(|y| chrono::NaiveDate::from_ymd_opt(y, 1, 1))
        .map(|d| GridMark {
            value: days_from_date(d),
            step_size: 365.25 * f64::from(step),
        })
        .collect()
}
