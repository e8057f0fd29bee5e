//! Timing of picture exports for `chronoscope bench`: the built-in chronology and a synthetic
//! set (100k events in the full bench), whole range, 1920×1080 points at 2×.

use std::time::Instant;

use super::{ImageFormat, RenderOptions, render};
use crate::builtin::builtin_dataset;
use crate::explore::lanes::LaneMode;
use crate::explorer::Explorer;
use crate::filter::Filter;
use crate::model::dataset::Dataset;
use crate::model::message_text::count_label;
use crate::synthetic::synthetic_article_set;

/// Runs per measurement; the median is reported.
const RUNS: usize = 3;

/// (label, median milliseconds of three renders) for each picture measured: the built-in
/// chronology and a synthetic set of `synthetic_events` events.
pub fn bench_renders(synthetic_events: usize) -> Vec<(String, f64)> {
    let mut rows = Vec::new();
    let options = RenderOptions {
        scale: 2.0,
        title: Some("Benchmark".to_owned()),
        ..Default::default()
    };
    let mut sets: Vec<(String, Dataset)> = Vec::new();
    match builtin_dataset() {
        Ok(dataset) => sets.push(("built-in".to_owned(), dataset)),
        Err(error) => eprintln!("bench: the built-in chronology did not load: {error}"),
    }
    sets.push((
        format!("synthetic {}", count_label(synthetic_events)),
        Dataset::from_article_set("synthetic.json", synthetic_article_set(synthetic_events, 1)),
    ));
    for (name, dataset) in sets {
        let explorer = Explorer::new(dataset, Filter::default(), LaneMode::Category, false);
        let view = explorer.fit_all_view();
        for format in [ImageFormat::Png, ImageFormat::Svg] {
            let label = format!("render {name} all 1920x1080@2x {}", format.extension());
            rows.push((
                label,
                median_ms(|| render(&explorer, view, &options, format)),
            ));
        }
    }
    rows
}

fn median_ms<T>(mut run: impl FnMut() -> T) -> f64 {
    let mut samples: Vec<f64> = (0..RUNS)
        .map(|_| {
            let started = Instant::now();
            std::hint::black_box(run());
            started.elapsed().as_secs_f64() * 1e3
        })
        .collect();
    samples.sort_by(f64::total_cmp);
    samples[RUNS / 2]
}
