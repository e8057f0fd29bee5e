//! `chronoscope bench`: load time and per-frame CPU time (layout plus egui tessellation of the
//! timeline, headless) for synthetic sets of growing size, zoomed out and zoomed to one month;
//! then imports, picture exports and whole operations; all in one [`BenchReport`].

use std::time::Instant;

use serde::Serialize;

use crate::bench_operations::{OperationRun, run_operations};
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

/// What `bench` measures, and at which sizes.
#[derive(Clone, Debug)]
pub struct BenchPlan {
    /// Sizes of the synthetic sets loaded and painted (and imported, up to
    /// [`MAX_IMPORT_BENCH_EVENTS`]).
    pub event_counts: Vec<usize>,
    /// Frames timed per view, after a warm-up.
    pub frames: usize,
    /// Events of the synthetic set whose pictures are timed, beside the built-in chronology.
    pub render_events: usize,
    /// Events of the synthetic set added to the built-in chronology.
    pub add_events: usize,
    /// Size of the file loaded in the background while frames are painted.
    pub loading_file_bytes: usize,
    /// Events already loaded while `add_events` more are added in the background and frames
    /// are painted.
    pub loaded_events: usize,
}

impl BenchPlan {
    /// The bench as `chronoscope bench` runs it: pictures of 100k events, a 100k-event set added
    /// to the built-in chronology, frames painted while a 100 MB file loads.
    pub fn full(event_counts: &[usize], frames: usize) -> Self {
        Self {
            event_counts: event_counts.to_vec(),
            frames: frames.max(1),
            render_events: 100_000,
            add_events: 100_000,
            loading_file_bytes: 100_000_000,
            loaded_events: 1_000_000,
        }
    }
}

/// Everything `bench` measures; `bench --json` prints it as one line:
///
/// ```text
/// {"runs":[{"events":N,"view":"all"|"month","load_ms":…,"frame_ms_p50":…,"frame_ms_p95":…,"peak_rss_mb":…}],
///  "imports":[{"events":N,"format":"…","import_ms":…}],
///  "renders":[{"picture":"…","median_ms":…}],
///  "operations":[{"operation":"…","ms":…,"limit_ms":…|null}]}
/// ```
#[derive(Clone, Debug, Serialize)]
pub struct BenchReport {
    /// Load and frame times of each synthetic set, zoomed out and zoomed to one month.
    pub runs: Vec<BenchRun>,
    /// Import times of the synthetic set written as each importable format.
    pub imports: Vec<ImportRun>,
    /// Picture exports.
    pub renders: Vec<RenderRun>,
    /// Whole operations held to the bars of the issues.
    pub operations: Vec<OperationRun>,
}

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

/// Import of a synthetic set written in one format, added to the built-in chronology (median
/// of 3).
#[derive(Clone, Debug, Serialize)]
pub struct ImportRun {
    pub events: usize,
    pub format: String,
    pub import_ms: f64,
}

/// Imports are timed up to this many events (a million-event TimelineJS JSON needs gigabytes).
pub const MAX_IMPORT_BENCH_EVENTS: usize = 100_000;

/// One picture export (median of 3).
#[derive(Clone, Debug, Serialize)]
pub struct RenderRun {
    pub picture: String,
    pub median_ms: f64,
}

/// Runs the whole bench; `table` gets the lines of the text table as they are measured.
pub fn run_bench(plan: &BenchPlan, mut table: impl FnMut(&str)) -> BenchReport {
    table(&format!(
        "{:>9} {:>6} {:>9} {:>10} {:>10} {:>9}",
        "events", "view", "load ms", "frame p50", "frame p95", "peak MB"
    ));
    let (runs, imports) = run_sets(&plan.event_counts, plan.frames, |run| {
        table(&format!(
            "{:>9} {:>6} {:>9.1} {:>10.3} {:>10.3} {:>9.0}",
            run.events, run.view, run.load_ms, run.frame_ms_p50, run.frame_ms_p95, run.peak_rss_mb
        ));
    });
    table("");
    table(&format!(
        "{:>9} {:>9}  file added to the built-in chronology (parse, convert, merge)",
        "events", "import ms"
    ));
    for import in &imports {
        table(&format!(
            "{:>9} {:>9.1}  {}",
            import.events, import.import_ms, import.format
        ));
    }
    let renders: Vec<RenderRun> = crate::export::bench::bench_renders(plan.render_events)
        .into_iter()
        .map(|(picture, median_ms)| RenderRun { picture, median_ms })
        .collect();
    table("");
    table(&format!("{:>52} {:>10}", "picture", "median ms"));
    for render in &renders {
        table(&format!(
            "{:>52} {:>10.1}",
            render.picture, render.median_ms
        ));
    }
    table("");
    table(&format!("{:<78} {:>9} {:>9}", "operation", "ms", "bar ms"));
    let operations = run_operations(plan, |run| {
        let bar = run
            .limit_ms
            .map_or(String::new(), |limit| format!("{limit:.0}"));
        table(&format!("{:<78} {:>9.1} {:>9}", run.operation, run.ms, bar));
    });
    BenchReport {
        runs,
        imports,
        renders,
        operations,
    }
}

/// Loads and paints each synthetic set (and times its imports); `frames` frames are timed per
/// view (after a warm-up).
fn run_sets(
    event_counts: &[usize],
    frames: usize,
    mut progress: impl FnMut(&BenchRun),
) -> (Vec<BenchRun>, Vec<ImportRun>) {
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
    (runs, imports)
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
    let mut output = ctx.run_ui(input, |ui| {
        let rect = ui.max_rect();
        paint_timeline(
            ui,
            rect,
            explorer,
            view,
            None,
            &palette,
            LayoutOptions::default(),
            None,
        );
    });
    // No renderer uploads the font atlas here (debug builds insist on that being said).
    output.textures_delta.clear();
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

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(value: &serde_json::Value) -> Vec<&str> {
        let mut keys: Vec<&str> = value
            .as_object()
            .map(|object| object.keys().map(String::as_str).collect())
            .unwrap_or_default();
        keys.sort_unstable();
        keys
    }

    #[test]
    fn the_report_prints_as_the_documented_json() {
        let report = BenchReport {
            runs: vec![BenchRun {
                events: 1000,
                view: "all",
                load_ms: 1.5,
                frame_ms_p50: 0.25,
                frame_ms_p95: 0.5,
                peak_rss_mb: 80.0,
            }],
            imports: vec![ImportRun {
                events: 1000,
                format: "add events CSV".to_owned(),
                import_ms: 2.0,
            }],
            renders: vec![RenderRun {
                picture: "render built-in all 1920x1080@2x png".to_owned(),
                median_ms: 3.0,
            }],
            operations: vec![OperationRun {
                operation: "add".to_owned(),
                ms: f64::NAN,
                limit_ms: None,
            }],
        };
        assert_eq!(
            serde_json::to_string(&report).ok().as_deref(),
            Some(
                r#"{"runs":[{"events":1000,"view":"all","load_ms":1.5,"frame_ms_p50":0.25,"frame_ms_p95":0.5,"peak_rss_mb":80.0}],"imports":[{"events":1000,"format":"add events CSV","import_ms":2.0}],"renders":[{"picture":"render built-in all 1920x1080@2x png","median_ms":3.0}],"operations":[{"operation":"add","ms":null,"limit_ms":null}]}"#
            )
        );
    }

    #[test]
    fn a_small_bench_fills_every_part_of_the_report() {
        let plan = BenchPlan {
            event_counts: vec![40],
            frames: 1,
            render_events: 40,
            add_events: 40,
            loading_file_bytes: 20_000,
            loaded_events: 2_000,
        };
        let mut lines = 0;
        let report = run_bench(&plan, |_| lines += 1);
        let json = serde_json::to_value(&report).unwrap_or_default();
        assert_eq!(keys(&json), ["imports", "operations", "renders", "runs"]);
        let parts = [
            (
                "runs",
                2,
                &[
                    "events",
                    "frame_ms_p50",
                    "frame_ms_p95",
                    "load_ms",
                    "peak_rss_mb",
                    "view",
                ][..],
            ),
            ("imports", 3, &["events", "format", "import_ms"][..]),
            ("renders", 4, &["median_ms", "picture"][..]),
            ("operations", 3, &["limit_ms", "ms", "operation"][..]),
        ];
        for (part, count, fields) in parts {
            let rows = json[part].as_array().cloned().unwrap_or_default();
            assert_eq!(rows.len(), count, "{part}: {rows:?}");
            for row in &rows {
                assert_eq!(keys(row), fields, "{part}");
            }
        }
        assert_eq!(json["runs"][1]["view"], "month");
        assert_eq!(
            json["operations"][0]["operation"],
            "add a 40-event set to the built-in chronology (parse + merge)"
        );
        assert_eq!(
            json["renders"][2]["picture"],
            "render synthetic 40 all 1920x1080@2x png"
        );
        // Headers, rows and blank lines of the text table.
        assert_eq!(lines, 1 + 2 + 2 + 3 + 2 + 4 + 2 + 3);
    }
}
