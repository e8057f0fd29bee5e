//! `chronoscope bench --window`: the real window (eframe, OpenGL) plays a scripted series of
//! zooms and pans over the built-in chronology and over synthetic sets, one stage after the
//! other, then prints frame time statistics and closes. Under Xvfb this measures software GL
//! (mesa llvmpipe); see `.ci/window-bench`.

use std::time::{Duration, Instant};

use egui::Ui;

use super::ChronoscopeApp;
use super::command::AppCommand;
use super::frame_times::DurationSummary;
use super::settings::Settings;
use crate::builtin::add_builtin;
use crate::model::dataset::Dataset;
use crate::model::loader::load_article_set;
use crate::synthetic::synthetic_article_set_json;

/// The window size the bench asks for, in points (pixels at scale 1, as under Xvfb).
pub const WINDOW_BENCH_SIZE: [f32; 2] = [1600.0, 1000.0];

/// Frames painted before timing starts in each stage (fonts, first layouts, texture uploads).
const WARM_UP_FRAMES: usize = 20;

/// Frames of one zoom-in, pan-right, pan-left, zoom-out cycle of the script.
const SCRIPT_CYCLE_FRAMES: usize = 240;

/// One dataset the window plays the script over.
pub struct WindowBenchStage {
    pub name: String,
    pub dataset: Dataset,
}

/// The built-in chronology, then a synthetic set of each size.
pub fn window_bench_stages(event_counts: &[usize]) -> Result<Vec<WindowBenchStage>, String> {
    let mut builtin = Dataset::empty();
    add_builtin(&mut builtin).map_err(|error| error.lines().join("; "))?;
    let mut stages = vec![WindowBenchStage {
        name: "built-in".to_owned(),
        dataset: builtin,
    }];
    for &count in event_counts {
        let json = synthetic_article_set_json(count, 0x5EED_0000 + count as u64);
        let set = load_article_set("synthetic.json", json.as_bytes())
            .map_err(|error| error.lines().join("; "))?;
        stages.push(WindowBenchStage {
            name: format!("synthetic {count}"),
            dataset: Dataset::from_article_set("synthetic.json", set),
        });
    }
    Ok(stages)
}

/// The view change of frame `frame` of the script: from everything, zoom in at the centre about
/// 30×, pan right by 1.2 views, back, and zoom out again; repeated.
pub fn scripted_view_command(frame: usize) -> AppCommand {
    let quarter = SCRIPT_CYCLE_FRAMES / 4;
    match (frame % SCRIPT_CYCLE_FRAMES) / quarter {
        0 => AppCommand::ZoomAround {
            anchor_fraction: 0.5,
            factor: 1.06,
        },
        1 => AppCommand::PanByFraction(0.02),
        2 => AppCommand::PanByFraction(-0.02),
        _ => AppCommand::ZoomAround {
            anchor_fraction: 0.5,
            factor: 1.0 / 1.06,
        },
    }
}

/// What one stage measured.
#[derive(Clone, Debug, serde::Serialize)]
pub struct WindowBenchRow {
    pub stage: String,
    pub events: usize,
    /// Wall-clock time from one frame's start to the next's: everything (ui, tessellation,
    /// OpenGL, rasterising, swap, event loop), with vsync off and a repaint always requested.
    pub interval: Option<DurationSummary>,
    /// eframe's CPU time (ui, tessellation, GL submission; not the swap).
    pub eframe_cpu: Option<DurationSummary>,
    /// The app's `ui()`.
    pub ui: Option<DurationSummary>,
}

impl WindowBenchRow {
    pub fn table_header() -> String {
        format!(
            "{:<18} {:>8}  {:>27}  {:>19}  {:>17}",
            "window 1600x1000",
            "events",
            "frame interval mean/p95/max",
            "eframe CPU mean/p95",
            "app ui() mean/p95"
        )
    }

    pub fn table_line(&self) -> String {
        let three = |s: Option<DurationSummary>| {
            s.map_or_else(
                || "-".to_owned(),
                |s| format!("{:.1} / {:.1} / {:.1}", s.mean_ms, s.p95_ms, s.max_ms),
            )
        };
        let two = |s: Option<DurationSummary>| {
            s.map_or_else(
                || "-".to_owned(),
                |s| format!("{:.1} / {:.1}", s.mean_ms, s.p95_ms),
            )
        };
        format!(
            "{:<18} {:>8}  {:>27}  {:>19}  {:>17}",
            self.stage,
            self.events,
            three(self.interval),
            two(self.eframe_cpu),
            two(self.ui)
        )
    }
}

/// The eframe app of the bench: the real app, driven by the script, stage after stage.
pub struct WindowBenchApp {
    stages: std::vec::IntoIter<WindowBenchStage>,
    current: Option<(String, usize, ChronoscopeApp)>,
    frames_per_stage: usize,
    frame: usize,
    last_frame_start: Option<Instant>,
    intervals_ms: Vec<f64>,
    eframe_cpu_ms: Vec<f64>,
    ui_ms: Vec<f64>,
    report: Box<dyn FnMut(WindowBenchRow)>,
}

impl WindowBenchApp {
    /// Plays `frames_per_stage` timed frames per stage; `report` gets each stage's row.
    pub fn new(
        stages: Vec<WindowBenchStage>,
        frames_per_stage: usize,
        report: Box<dyn FnMut(WindowBenchRow)>,
    ) -> Self {
        let mut bench = Self {
            stages: stages.into_iter(),
            current: None,
            frames_per_stage: frames_per_stage.max(1),
            frame: 0,
            last_frame_start: None,
            intervals_ms: Vec::new(),
            eframe_cpu_ms: Vec::new(),
            ui_ms: Vec::new(),
            report,
        };
        bench.next_stage();
        bench
    }

    fn next_stage(&mut self) {
        self.current = self.stages.next().map(|stage| {
            let events = stage.dataset.events.len();
            let app = ChronoscopeApp::with_settings(stage.dataset, Settings::default(), Vec::new());
            (stage.name, events, app)
        });
        self.frame = 0;
        self.last_frame_start = None;
        self.intervals_ms.clear();
        self.eframe_cpu_ms.clear();
        self.ui_ms.clear();
    }

    fn finish_stage(&mut self) {
        if let Some((stage, events, _)) = &self.current {
            let row = WindowBenchRow {
                stage: stage.clone(),
                events: *events,
                interval: DurationSummary::of(self.intervals_ms.iter().copied()),
                eframe_cpu: DurationSummary::of(self.eframe_cpu_ms.iter().copied()),
                ui: DurationSummary::of(self.ui_ms.iter().copied()),
            };
            (self.report)(row);
        }
        self.next_stage();
    }
}

fn milliseconds(duration: Duration) -> f64 {
    duration.as_secs_f64() * 1000.0
}

impl eframe::App for WindowBenchApp {
    fn clear_color(&self, visuals: &egui::Visuals) -> [f32; 4] {
        match &self.current {
            Some((_, _, app)) => app.clear_color(visuals),
            None => visuals.panel_fill.to_normalized_gamma_f32(),
        }
    }

    fn ui(&mut self, ui: &mut Ui, frame: &mut eframe::Frame) {
        let started = Instant::now();
        let timing = self.frame > WARM_UP_FRAMES;
        if timing {
            // The previous frame: its interval and eframe's CPU time.
            if let Some(previous) = self.last_frame_start {
                self.intervals_ms.push(milliseconds(started - previous));
            }
            if let Some(cpu_seconds) = frame.info().cpu_usage {
                self.eframe_cpu_ms.push(f64::from(cpu_seconds) * 1000.0);
            }
        }
        self.last_frame_start = Some(started);
        let Some((_, _, app)) = &mut self.current else {
            ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
            return;
        };
        if self.frame >= WARM_UP_FRAMES {
            app.apply(scripted_view_command(self.frame - WARM_UP_FRAMES));
        }
        eframe::App::ui(app, ui, frame);
        if self.frame >= WARM_UP_FRAMES {
            self.ui_ms.push(milliseconds(started.elapsed()));
        }
        self.frame += 1;
        ui.ctx().request_repaint();
        if self.frame > WARM_UP_FRAMES + self.frames_per_stage {
            self.finish_stage();
        }
    }
}

/// eframe's options for the bench: the bench's size, vsync off, nothing remembered.
pub fn window_bench_options() -> eframe::NativeOptions {
    let mut options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Chronoscope window bench")
            .with_inner_size(WINDOW_BENCH_SIZE)
            .with_position([0.0, 0.0]),
        persist_window: false,
        ..Default::default()
    };
    options.glow_options.vsync = false;
    options
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_script_zooms_in_pans_there_and_back_and_zooms_out() {
        let zoom_in = (0..60).filter(|&f| {
            matches!(scripted_view_command(f), AppCommand::ZoomAround { factor, .. } if factor > 1.0)
        });
        assert_eq!(zoom_in.count(), 60);
        let pan: f64 = (60..180)
            .map(|f| match scripted_view_command(f) {
                AppCommand::PanByFraction(fraction) => fraction,
                _ => f64::NAN,
            })
            .sum();
        assert!(pan.abs() < 1e-9, "the pans cancel out: {pan}");
        let zoom: f64 = (0..SCRIPT_CYCLE_FRAMES)
            .filter_map(|f| match scripted_view_command(f) {
                AppCommand::ZoomAround { factor, .. } => Some(factor.ln()),
                _ => None,
            })
            .sum();
        assert!(zoom.abs() < 1e-9, "a cycle ends where it began: {zoom}");
    }

    #[test]
    fn a_row_prints_under_its_header() {
        let row = WindowBenchRow {
            stage: "synthetic 1000".to_owned(),
            events: 1000,
            interval: DurationSummary::of([10.0, 12.0]),
            eframe_cpu: None,
            ui: DurationSummary::of([4.0]),
        };
        let line = row.table_line();
        assert!(line.starts_with("synthetic 1000"), "{line}");
        assert!(line.contains("11.0 / 12.0 / 12.0"), "{line}");
        assert_eq!(
            line.len(),
            WindowBenchRow::table_header().len(),
            "{line}\n{}",
            WindowBenchRow::table_header()
        );
    }
}
