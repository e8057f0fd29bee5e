//! Times adding the synthetic set, written in each importable format, to the built-in chronology
//! (import plus merge with provenance), for `chronoscope bench`.

use std::time::Instant;

use crate::synthetic::synthetic_article_set;

use crate::import::import_bytes;
use crate::import::synthetic_files::{
    events_csv_from_set, timelinejs_csv_from_set, timelinejs_json_from_set,
};

/// Each importer is timed this many times; the median is reported.
const RUNS: usize = 3;

/// Time to import a synthetic set of `events` events in each format and merge it into the
/// built-in chronology: (label, milliseconds,
/// median of 3). A file that fails to import is reported on stderr and left out.
pub fn bench_imports(events: usize) -> Vec<(String, f64)> {
    let set = synthetic_article_set(events, 0x1A7E_0000 + events as u64);
    let files = [
        ("add events CSV", "events.csv", events_csv_from_set(&set)),
        (
            "add TimelineJS CSV",
            "timeline.csv",
            timelinejs_csv_from_set(&set),
        ),
        (
            "add TimelineJS JSON",
            "timeline.json",
            timelinejs_json_from_set(&set),
        ),
    ];
    drop(set);
    // What a user waits for: the file imported and merged into what is loaded.
    let builtin = crate::builtin::builtin_dataset().unwrap_or_default();
    let mut rows = Vec::new();
    for (label, file_name, text) in files {
        let mut samples_ms = Vec::with_capacity(RUNS);
        for _ in 0..RUNS {
            let mut dataset = builtin.clone();
            let started = Instant::now();
            let result = import_bytes(file_name, text.as_bytes()).map(|imported| {
                dataset.add_set(file_name, imported.set, imported.made_up_ids);
            });
            samples_ms.push(started.elapsed().as_secs_f64() * 1e3);
            drop(dataset);
            if let Err(error) = result {
                eprintln!("bench: the synthetic {file_name} did not import: {error}");
                samples_ms.clear();
                break;
            }
        }
        samples_ms.sort_by(f64::total_cmp);
        if let Some(median) = samples_ms.get(samples_ms.len() / 2) {
            rows.push((label.to_owned(), *median));
        }
    }
    rows
}
