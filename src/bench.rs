//! `chronoscope bench`: load time and per-frame CPU time (layout plus egui tessellation of the
//! timeline, headless) for synthetic sets of growing size, zoomed out and zoomed to one month.

use std::time::Instant;

use serde::Serialize;

use crate::explore::lanes::LaneMode;
use crate::explore::time_view::TimeView;
use crate::explorer::Explorer;
use crate::filter::Filter;
use crate::model::dataset::Dataset;
use crate::model::date::days_from_date;
use crate::model::loader::load_article_set;
use crate::synthetic::synthetic_article_set_json;
use crate::timeline::layout::LayoutOptions;
use crate::timeline::palette::{Palette, Theme};
use crate::ui::timeline_ui::paint_timeline;

pub const DEFAULT_EVENT_COUNTS: [usize; 4] = [1_000, 10_000, 100_000, 1_000_000];

/// The size of the headless canvas, in points.
const CANVAS: egui::Vec2 = egui::vec2(1600.0, 900.0);

#[derive(Clone, Debug, Serialize)]
pub struct BenchRun {
    pub events: usize,
    pub view: &'static str,
    pub load_ms: f64,
    pub frame_ms_p50: f64,
    pub frame_ms_p95: f64,
    /// Peak resident memory of the process so far (Linux only; 0 elsewhere).
    pub peak_rss_mb: f64,
}

#[derive(Clone, Debug, Serialize)]
pub struct BenchReport {
    pub runs: Vec<BenchRun>,
    /// Import times of the synthetic set written as each importable format.
    pub imports: Vec<ImportRun>,
    /// Picture exports (see [`render_runs`]).
    pub renders: Vec<RenderRun>,
}

/// Import of a synthetic set written in one format (median of 3).
#[derive(Clone, Debug, Serialize)]
pub struct ImportRun {
    pub events: usize,
    pub format: String,
    pub import_ms: f64,
}

/// Imports are timed up to this many events (a million-event TimelineJS JSON needs gigabytes).
pub const MAX_IMPORT_BENCH_EVENTS: usize = 100_000;

/// One picture export, timed by `export::bench::bench_renders`.
#[derive(Clone, Debug, Serialize)]
pub struct RenderRun {
    pub picture: String,
    pub median_ms: f64,
}

/// Times picture exports (median of three): built-in chronology and 100k synthetic events.
pub fn render_runs() -> Vec<RenderRun> {
    crate::export::bench::bench_renders()
        .into_iter()
        .map(|(picture, median_ms)| RenderRun { picture, median_ms })
        .collect()
}

/// Runs the bench for each event count; `frames` frames are timed per view (after a warm-up).
pub fn run_bench(
    event_counts: &[usize],
    frames: usize,
    mut progress: impl FnMut(&BenchRun),
) -> BenchReport {
    let mut runs = Vec::new();
    let mut imports = Vec::new();
    for &count in event_counts {
        if count <= MAX_IMPORT_BENCH_EVENTS {
            for (format, import_ms) in crate::loading::import_bench::bench_imports(count) {
                imports.push(ImportRun {
                    events: count,
                    format,
                    import_ms,
                });
            }
        }
        let json = synthetic_article_set_json(count, 0x5EED_0000 + count as u64);
        let started = Instant::now();
        let dataset = match load_article_set("synthetic.json", json.as_bytes()) {
            Ok(set) => Dataset::from_article_set("synthetic.json", set),
            Err(error) => {
                eprintln!("bench: the synthetic set did not load: {error}");
                continue;
            }
        };
        let load_ms = started.elapsed().as_secs_f64() * 1e3;
        drop(json);
        let explorer = Explorer::new(dataset, Filter::default(), LaneMode::Category, false);
        let day = |y, m, d| chrono::NaiveDate::from_ymd_opt(y, m, d).map_or(0.0, days_from_date);
        let views = [
            ("all", explorer.fit_all_view()),
            (
                "month",
                TimeView::from_range(day(2022, 3, 1), day(2022, 4, 1)),
            ),
        ];
        for (name, view) in views {
            let (p50, p95) = time_frames(&explorer, view, frames);
            let run = BenchRun {
                events: count,
                view: name,
                load_ms,
                frame_ms_p50: p50,
                frame_ms_p95: p95,
                peak_rss_mb: peak_rss_mb(),
            };
            progress(&run);
            runs.push(run);
        }
    }
    BenchReport {
        runs,
        imports,
        renders: Vec::new(),
    }
}

/// Median and 95th percentile of the frame time, in milliseconds.
fn time_frames(explorer: &Explorer, view: TimeView, frames: usize) -> (f64, f64) {
    let ctx = egui::Context::default();
    // The first frames fill egui's font atlas and galley cache; a session keeps them warm.
    let warm_up = 20;
    let mut samples = Vec::with_capacity(frames);
    for frame in 0..frames + warm_up {
        // Nudge the view by a point each frame, as a slow pan would.
        let nudge = if frame % 2 == 0 {
            0.0
        } else {
            view.span_days / f64::from(CANVAS.x)
        };
        let frame_view = TimeView {
            start_days: view.start_days + nudge,
            span_days: view.span_days,
        };
        let frame_ms = time_one_frame(&ctx, explorer, frame_view, frame);
        if frame >= warm_up {
            samples.push(frame_ms);
        }
    }
    samples.sort_by(f64::total_cmp);
    let percentile = |p: f64| {
        if samples.is_empty() {
            return 0.0;
        }
        let index = ((samples.len() - 1) as f64 * p).round() as usize;
        samples[index.min(samples.len() - 1)]
    };
    (percentile(0.5), percentile(0.95))
}

/// Lays out, paints and tessellates one headless frame of the timeline; returns milliseconds.
pub(crate) fn time_one_frame(
    ctx: &egui::Context,
    explorer: &Explorer,
    view: TimeView,
    frame: usize,
) -> f64 {
    let palette = Palette::for_theme(Theme::Dark);
    let input = egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(egui::Pos2::ZERO, CANVAS)),
        time: Some(frame as f64 / 60.0),
        ..Default::default()
    };
    let started = Instant::now();
    let output = ctx.run_ui(input, |ui| {
        let rect = ui.max_rect();
        paint_timeline(
            ui,
            rect,
            explorer,
            view,
            None,
            &palette,
            LayoutOptions::default(),
        );
    });
    let primitives = ctx.tessellate(output.shapes, output.pixels_per_point);
    std::hint::black_box(primitives);
    started.elapsed().as_secs_f64() * 1e3
}

pub(crate) fn peak_rss_mb() -> f64 {
    let Ok(status) = std::fs::read_to_string("/proc/self/status") else {
        return 0.0;
    };
    status
        .lines()
        .find(|line| line.starts_with("VmHWM:"))
        .and_then(|line| line.split_whitespace().nth(1))
        .and_then(|kb| kb.parse::<f64>().ok())
        .map_or(0.0, |kb| kb / 1024.0)
}
