//! `chronoscope bench`, second part: whole operations against the figures in the issues (adding
//! a large set to what is loaded, the longest frame while a 100 MB file loads in the background).

use std::time::{Duration, Instant};

use serde::Serialize;

use crate::bench::{BenchPlan, time_one_frame};
use crate::builtin::builtin_dataset;
use crate::explore::lanes::LaneMode;
use crate::explorer::Explorer;
use crate::filter::Filter;
use crate::loading::{ChangeJob, DataChange};
use crate::model::dataset::Dataset;
use crate::model::loader::load_article_set;
use crate::model::message_text::count_label;
use crate::synthetic::{synthetic_article_set, synthetic_article_set_json};

/// One timed operation.
#[derive(Clone, Debug, Serialize)]
pub struct OperationRun {
    pub operation: String,
    /// Median of the repetitions, in milliseconds.
    pub ms: f64,
    /// The bar it is held to, if any.
    pub limit_ms: Option<f64>,
}

/// Runs every operation of `plan`: a set of `add_events` events added to the built-in
/// chronology; frames painted while a file of `loading_file_bytes` loads, and while
/// `add_events` events are added to `loaded_events`; `progress` sees each result as it comes.
/// A failed timing is NaN (null in JSON).
pub fn run_operations(
    plan: &BenchPlan,
    mut progress: impl FnMut(&OperationRun),
) -> Vec<OperationRun> {
    let mut runs = Vec::new();
    let mut record = |run: OperationRun| {
        progress(&run);
        runs.push(run);
    };
    record(OperationRun {
        operation: format!(
            "add a {}-event set to the built-in chronology (parse + merge)",
            count_label(plan.add_events)
        ),
        ms: median_of_three(|| time_add_to_builtin(plan.add_events)),
        limit_ms: Some(500.0),
    });
    // The synthetic format takes about 400 bytes per event.
    let builtin = builtin_dataset().unwrap_or_else(|_| Dataset::empty());
    match longest_frame_while_adding(builtin, plan.loading_file_bytes / 400) {
        Ok((longest_ms, frames, load_ms)) => record(OperationRun {
            operation: format!(
                "longest frame of {frames} while a {} file loads ({load_ms:.0} ms)",
                size_label(plan.loading_file_bytes)
            ),
            ms: longest_ms,
            limit_ms: Some(50.0),
        }),
        Err(error) => eprintln!("bench: cannot time frames while loading: {error}"),
    }
    let loaded = synthetic_article_set(plan.loaded_events, 0x1);
    let loaded = Dataset::from_article_set("synthetic.json", loaded);
    match longest_frame_while_adding(loaded, plan.add_events) {
        Ok((longest_ms, frames, load_ms)) => record(OperationRun {
            operation: format!(
                "longest frame of {frames} while {} events are added to {} ({load_ms:.0} ms)",
                count_label(plan.add_events),
                count_label(plan.loaded_events)
            ),
            ms: longest_ms,
            limit_ms: Some(50.0),
        }),
        Err(error) => eprintln!("bench: cannot time frames while loading: {error}"),
    }
    runs
}

/// A file size as labels name it: 100 MB, 40 kB.
fn size_label(bytes: usize) -> String {
    if bytes >= 1_000_000 {
        format!("{} MB", bytes / 1_000_000)
    } else {
        format!("{} kB", bytes.div_ceil(1_000))
    }
}

pub(crate) fn median_of_three(mut time_ms: impl FnMut() -> f64) -> f64 {
    let mut samples = [time_ms(), time_ms(), time_ms()];
    samples.sort_by(f64::total_cmp);
    samples[1]
}

/// Parses a synthetic set and merges it into the built-in chronology; milliseconds.
fn time_add_to_builtin(events: usize) -> f64 {
    let json = synthetic_article_set_json(events, 0xADD);
    let Ok(mut dataset) = builtin_dataset() else {
        return f64::NAN;
    };
    let started = Instant::now();
    match load_article_set("synthetic.json", json.as_bytes()) {
        Ok(set) => {
            dataset.add_article_set("synthetic.json", set);
        }
        Err(error) => {
            eprintln!("bench: {error}");
            return f64::NAN;
        }
    }
    let elapsed = started.elapsed().as_secs_f64() * 1e3;
    std::hint::black_box(dataset);
    elapsed
}

/// Writes a synthetic file of `file_events` events, adds it to `loaded` with the window's
/// background job, and paints frames of `loaded` meanwhile, as the window would, then the
/// frame that takes the result. Returns (longest frame ms, frames painted, load ms).
fn longest_frame_while_adding(
    loaded: Dataset,
    file_events: usize,
) -> std::io::Result<(f64, usize, f64)> {
    let json = synthetic_article_set_json(file_events, 0x100);
    let path = std::env::temp_dir().join(format!("chronoscope-bench-{}.json", std::process::id()));
    std::fs::write(&path, json)?;
    let mut explorer = Explorer::new(loaded, Filter::default(), LaneMode::Category, false);
    let view = explorer.fit_all_view();
    let ctx = egui::Context::default();
    for frame in 0..20 {
        time_one_frame(&ctx, &explorer, view, frame);
    }
    let started = Instant::now();
    let job = ChangeJob::start(
        DataChange::Add(vec![path.clone()]),
        std::sync::Arc::clone(&explorer.dataset),
        |dataset| Explorer::new(dataset, Filter::default(), LaneMode::Category, false),
        || {},
    );
    let mut longest_ms: f64 = 0.0;
    let mut frames = 0;
    let outcome = loop {
        if job.is_finished() {
            break job.take_outcome();
        }
        longest_ms = longest_ms.max(time_one_frame(&ctx, &explorer, view, 20 + frames));
        frames += 1;
        std::thread::sleep(Duration::from_millis(16));
    };
    let load_ms = started.elapsed().as_secs_f64() * 1e3;
    let _ = std::fs::remove_file(&path);
    // The frame that takes the result: the new explorer replaces the old one, which is freed
    // on another thread as the window does.
    if let Some(new_explorer) = outcome.and_then(|outcome| outcome.prepared) {
        let started = Instant::now();
        let old = std::mem::replace(&mut explorer, new_explorer);
        crate::parallel::drop_in_background(old);
        let view = explorer.fit_all_view();
        let first = time_one_frame(&ctx, &explorer, view, 20 + frames);
        longest_ms = longest_ms.max(first.max(started.elapsed().as_secs_f64() * 1e3));
        frames += 1;
    }
    Ok((longest_ms, frames, load_ms))
}
