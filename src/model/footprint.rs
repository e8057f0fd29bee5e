//! Memory footprint of loading a large article set, measured from `/proc/self/status`.
//!
//! Run by hand (Linux, release build, one test at a time so nothing else shares the process):
//! `cargo test --release --lib footprint -- --ignored --nocapture --test-threads=1`.
//! Reads `$CHRONOSCOPE_BIG` (default `/tmp/big1m.json`, made by
//! `chronoscope synthetic --events 1000000 --out /tmp/big1m.json`).

use super::dataset::Dataset;
use super::loader::load_article_set;

/// A field of `/proc/self/status` in kB (0 where there is none).
fn status_kb(field: &str) -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|line| line.strip_prefix(field)?.strip_prefix(':'))
        .and_then(|rest| rest.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or_default()
}

/// Resets the peak resident size (`VmHWM`) to the current one.
fn reset_peak() {
    let _ = std::fs::write("/proc/self/clear_refs", "5");
}

fn mb(kb: u64) -> f64 {
    kb as f64 / 1024.0
}

#[test]
#[ignore = "needs a large file and a release build; run by hand"]
fn footprint_of_a_large_set() {
    let path = std::env::var("CHRONOSCOPE_BIG").unwrap_or_else(|_| "/tmp/big1m.json".to_owned());
    let base = status_kb("VmRSS");
    let Ok(bytes) = std::fs::read(&path) else {
        eprintln!("footprint: no file at {path}; skipped");
        return;
    };
    reset_peak();
    let start = status_kb("VmRSS");
    let started = std::time::Instant::now();
    let set = load_article_set("big.json", &bytes).expect("valid set");
    let parsed = status_kb("VmRSS");
    let parse_peak = status_kb("VmHWM");
    let parse_ms = started.elapsed().as_millis();
    drop(bytes);
    let set_only = status_kb("VmRSS");
    reset_peak();
    let started = std::time::Instant::now();
    let events = set.events.len();
    let dataset = Dataset::from_article_set("big.json", set);
    let build_ms = started.elapsed().as_millis();
    let built = status_kb("VmRSS");
    let build_peak = status_kb("VmHWM");
    eprintln!("footprint: {events} events from {path}");
    eprintln!("  process before reading     {:8.1} MB", mb(base));
    eprintln!("  file bytes read            {:8.1} MB", mb(start));
    eprintln!(
        "  parsed set + bytes         {:8.1} MB (peak {:.1} MB, {parse_ms} ms)",
        mb(parsed),
        mb(parse_peak)
    );
    eprintln!("  parsed set alone           {:8.1} MB", mb(set_only));
    eprintln!(
        "  dataset alone              {:8.1} MB (peak while building {:.1} MB, {build_ms} ms)",
        mb(built),
        mb(build_peak)
    );
    eprintln!(
        "  dataset per event          {:8.0} bytes",
        (built.saturating_sub(base) as f64 * 1024.0) / events.max(1) as f64
    );
    assert_eq!(dataset.events.len(), events);
}
