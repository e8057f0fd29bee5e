//! Synthetic article sets for the bench: many events over 2014–2025 with realistic clustering
//! (bursts around busy periods over a quiet background), several categories, actors and spans.

use crate::model::article_set::ArticleSet;
use crate::model::article_set::to_json_pretty;

/// A small deterministic random generator (SplitMix64), so every bench run sees the same data.
struct SplitMix64(u64);

impl SplitMix64 {
    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in 0..1.
    fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    fn below(&mut self, n: usize) -> usize {
        (self.unit() * n as f64) as usize % n.max(1)
    }
}

const CATEGORIES: [&str; 6] = [
    "diplomacy",
    "military",
    "sanctions",
    "agreement",
    "humanitarian",
    "politics",
];
const ACTORS: [&str; 16] = [
    "Russia",
    "Ukraine",
    "United States",
    "European Union",
    "Turkey",
    "NATO",
    "UN",
    "China",
    "Vladimir Putin",
    "Volodymyr Zelensky",
    "Recep Tayyip Erdogan",
    "Donald Trump",
    "Joe Biden",
    "Emmanuel Macron",
    "Olaf Scholz",
    "OSCE",
];

/// Days from 1970-01-01 to 2014-02-01 and to 2025-11-30.
const FIRST_DAY: i64 = 16_102;
const LAST_DAY: i64 = 20_422;

/// The JSON text of a native article set with `event_count` events.
pub fn synthetic_article_set_json(event_count: usize, seed: u64) -> String {
    to_json_pretty(&synthetic_article_set(event_count, seed))
}

/// A native article set with `event_count` events.
pub fn synthetic_article_set(event_count: usize, seed: u64) -> ArticleSet {
    let mut rng = SplitMix64(seed);
    let mut json = serde_json::json!({
        "format": "chronoscope-article-set",
        "version": 1,
        "title": format!("Synthetic set of {event_count} events"),
        "description": "Generated for benchmarks.",
        "eras": [
            {"id": "era-1", "title": "Era one", "start": "2014-02", "end": "2021-12"},
            {"id": "era-2", "title": "Era two", "start": "2022-01", "end": "2022-12"},
            {"id": "era-3", "title": "Era three", "start": "2023-01", "end": "2025-12"}
        ],
        "sources": (0..20).map(|i| serde_json::json!({
            "id": format!("source-{i}"),
            "outlet": format!("Outlet {i}"),
            "title": format!("Article {i}"),
            "published": "2022-03-20"
        })).collect::<Vec<_>>(),
        "events": [],
        "quotes": []
    });
    // Bursts: busy periods where most events fall, over a uniform background.
    let bursts: Vec<(f64, f64)> = (0..40)
        .map(|_| {
            let center = FIRST_DAY as f64 + rng.unit() * (LAST_DAY - FIRST_DAY) as f64;
            let width = 3.0 + rng.unit() * 60.0;
            (center, width)
        })
        .collect();
    let mut events = Vec::with_capacity(event_count);
    for i in 0..event_count {
        let day = if rng.unit() < 0.7 {
            let (center, width) = bursts[rng.below(bursts.len())];
            // Sum of three uniforms: a cheap bell curve.
            let spread = (rng.unit() + rng.unit() + rng.unit() - 1.5) * width;
            (center + spread) as i64
        } else {
            FIRST_DAY + (rng.unit() * (LAST_DAY - FIRST_DAY) as f64) as i64
        }
        .clamp(FIRST_DAY, LAST_DAY);
        let date =
            chrono::NaiveDate::from_num_days_from_ce_opt(719_163 + day as i32).unwrap_or_default();
        let roll = rng.unit();
        let (date_text, end) = if roll < 0.03 {
            (date.format("%Y-%m").to_string(), None)
        } else if roll < 0.08 {
            let end = date + chrono::Days::new(1 + rng.below(20) as u64);
            (
                date.format("%Y-%m-%d").to_string(),
                Some(end.format("%Y-%m-%d").to_string()),
            )
        } else {
            (date.format("%Y-%m-%d").to_string(), None)
        };
        let mut event = serde_json::json!({
            "id": format!("e{i}"),
            "date": date_text,
            "title": format!("Synthetic event {i} in a busy week"),
            "summary": "A generated event.",
            "category": CATEGORIES[rng.below(CATEGORIES.len())],
            "actors": [ACTORS[rng.below(ACTORS.len())], ACTORS[rng.below(ACTORS.len())]],
            "tags": ["synthetic"],
            "sources": [format!("source-{}", rng.below(20))],
            "reference": format!("https://example.org/e{i}")
        });
        if let (Some(end), Some(object)) = (end, event.as_object_mut()) {
            object.insert("end".to_owned(), serde_json::Value::String(end));
        }
        events.push(event);
    }
    json["events"] = serde_json::Value::Array(events);
    serde_json::from_value(json).unwrap_or_else(|_| ArticleSet::new("synthetic"))
}
