//! The quick ranges offered as buttons above the timeline, derived from what is loaded: the
//! built-in chronology's 2014, 2022 and 2023–2025; the eras of the other loaded files (when they
//! have a few); otherwise their busiest years (or decades, for data spanning generations); and
//! "All" last.

use chrono::Datelike as _;

use crate::builtin::BUILTIN_LABEL;
use crate::model::dataset::Dataset;
use crate::model::date::{date_from_days, days_from_date};

/// At most this many presets come from the files other than the built-in chronology.
pub const MAX_DATA_PRESETS: usize = 4;

/// Era titles longer than this are shortened on the button (the full title is on hover).
const MAX_LABEL_CHARS: usize = 22;

/// Data spanning more years than this gets its busiest decades rather than years.
const DECADES_ABOVE_YEARS: i32 = 40;

/// What a preset shows.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum PresetRange {
    /// From `start_days` up to (not including) `end_days`.
    Days { start_days: f64, end_days: f64 },
    /// Every event.
    All,
}

/// One quick range: the button's text, what hovering it says, and the range.
#[derive(Clone, Debug, PartialEq)]
pub struct Preset {
    pub label: String,
    pub description: String,
    pub range: PresetRange,
}

impl Preset {
    pub fn all() -> Self {
        Self {
            label: "All".to_owned(),
            description: "Show every event".to_owned(),
            range: PresetRange::All,
        }
    }

    fn years(label: &str, from: i32, to_exclusive: i32) -> Self {
        Self {
            label: label.to_owned(),
            description: format!("Show {label}"),
            range: PresetRange::Days {
                start_days: year_start_days(from),
                end_days: year_start_days(to_exclusive),
            },
        }
    }
}

/// The presets for `dataset`, "All" last.
pub fn presets_for(dataset: &Dataset) -> Vec<Preset> {
    let builtin = dataset
        .files
        .iter()
        .position(|file| file.label == BUILTIN_LABEL);
    let mut presets = Vec::new();
    if builtin.is_some() {
        presets.push(Preset::years("2014", 2014, 2015));
        presets.push(Preset::years("2022", 2022, 2023));
        presets.push(Preset::years("2023–2025", 2023, 2026));
    }
    let mut data_presets = era_presets(dataset, builtin);
    if data_presets.is_empty() {
        data_presets = busiest_period_presets(dataset, builtin);
    }
    for preset in data_presets {
        if !presets.iter().any(|known| known.range == preset.range) {
            presets.push(preset);
        }
    }
    presets.push(Preset::all());
    presets
}

/// One preset per era of the files other than the built-in chronology, when they have between one and
/// [`MAX_DATA_PRESETS`] (more would not fit as buttons: then the busiest periods are offered).
fn era_presets(dataset: &Dataset, builtin: Option<usize>) -> Vec<Preset> {
    let eras: Vec<_> = dataset
        .eras
        .iter()
        .filter(|era| era.files.iter().any(|&file| Some(file) != builtin))
        .collect();
    if eras.len() > MAX_DATA_PRESETS {
        return Vec::new();
    }
    let mut presets: Vec<Preset> = eras
        .into_iter()
        .filter(|era| era.end_days() > era.start_days())
        .map(|era| Preset {
            label: shortened(&era.title),
            description: format!(
                "Show the era {} ({} – {})",
                era.title,
                era.start.display(),
                era.end.display()
            ),
            range: PresetRange::Days {
                start_days: era.start_days(),
                end_days: era.end_days(),
            },
        })
        .collect();
    presets.sort_by(|a, b| start_of(&a.range).total_cmp(&start_of(&b.range)));
    presets
}

/// The busiest years (or decades) of the events of the other files, in time order; none when a
/// single period holds every one of those events (the preset would be "All").
fn busiest_period_presets(dataset: &Dataset, builtin: Option<usize>) -> Vec<Preset> {
    // Days, not dates, per event: a million events are counted in a few milliseconds.
    let starts: Vec<f64> = dataset
        .events
        .iter()
        .filter(|event| {
            builtin.is_none_or(|builtin| event.files().iter().any(|file| file != builtin))
        })
        .map(|event| event.start_days())
        .filter(|days| days.is_finite())
        .collect();
    let first = starts.iter().copied().fold(f64::INFINITY, f64::min);
    let last = starts.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let (Some(first), Some(last)) = (date_from_days(first), date_from_days(last)) else {
        return Vec::new();
    };
    let period_years = if last.year() - first.year() > DECADES_ABOVE_YEARS {
        10
    } else {
        1
    };
    let first_period = first.year().div_euclid(period_years) * period_years;
    let period_starts: Vec<f64> = (first_period..=last.year() + period_years)
        .step_by(period_years as usize)
        .map(year_start_days)
        .collect();
    let mut counts = vec![0_usize; period_starts.len()];
    for start in &starts {
        let period = period_starts
            .partition_point(|p| p <= start)
            .saturating_sub(1);
        if let Some(count) = counts.get_mut(period) {
            *count += 1;
        }
    }
    let mut busiest: Vec<(i32, usize)> = counts
        .into_iter()
        .enumerate()
        .filter(|(_, count)| *count > 0)
        .map(|(index, count)| (first_period + index as i32 * period_years, count))
        .collect();
    if busiest.len() < 2 {
        return Vec::new();
    }
    // Most events first; among equals, the earlier period.
    busiest.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    busiest.truncate(MAX_DATA_PRESETS.min(3));
    busiest.sort_by_key(|(start, _)| *start);
    busiest
        .into_iter()
        .map(|(start, events)| {
            let label = if period_years == 10 {
                format!("{start}s")
            } else {
                start.to_string()
            };
            let mut preset = Preset::years(&label, start, start + period_years);
            preset.description = format!("Show {label} ({events} events)");
            preset
        })
        .collect()
}

fn start_of(range: &PresetRange) -> f64 {
    match range {
        PresetRange::Days { start_days, .. } => *start_days,
        PresetRange::All => f64::NEG_INFINITY,
    }
}

/// `text`, cut at a word with "…" when longer than a button should be.
fn shortened(text: &str) -> String {
    let text = text.trim();
    if text.chars().count() <= MAX_LABEL_CHARS {
        return text.to_owned();
    }
    let cut: String = text.chars().take(MAX_LABEL_CHARS - 1).collect();
    let cut = match cut.rfind(' ') {
        Some(space) if space > MAX_LABEL_CHARS / 2 => &cut[..space],
        _ => cut.as_str(),
    };
    format!("{}…", cut.trim_end())
}

fn year_start_days(year: i32) -> f64 {
    chrono::NaiveDate::from_ymd_opt(year, 1, 1).map_or(f64::NAN, days_from_date)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::builtin::builtin_dataset;
    use crate::model::loader::load_article_set;

    /// A set of events at these dates, with these eras (title, start, end).
    fn set_json(label: &str, dates: &[&str], eras: &[(&str, &str, &str)]) -> String {
        let events: Vec<serde_json::Value> = dates
            .iter()
            .enumerate()
            .map(|(i, date)| {
                serde_json::json!({
                    "id": format!("{label}-e{i}"), "date": date, "title": format!("{label} event {i}"),
                    "summary": "", "category": "politics", "reference": "https://example.org"
                })
            })
            .collect();
        let eras: Vec<serde_json::Value> = eras
            .iter()
            .enumerate()
            .map(|(i, (title, start, end))| {
                serde_json::json!({"id": format!("{label}-era{i}"), "title": title, "start": start, "end": end})
            })
            .collect();
        serde_json::json!({
            "format": "chronoscope-article-set", "version": 1, "title": label,
            "sources": [], "events": events, "eras": eras
        })
        .to_string()
    }

    fn add(dataset: &mut Dataset, label: &str, dates: &[&str], eras: &[(&str, &str, &str)]) {
        let set = load_article_set(label, set_json(label, dates, eras).as_bytes())
            .unwrap_or_else(|e| panic!("{e}"));
        dataset.add_set(label, set, crate::model::dataset::MadeUpIds::default());
    }

    fn labels(presets: &[Preset]) -> Vec<&str> {
        presets.iter().map(|p| p.label.as_str()).collect()
    }

    fn day(iso: &str) -> f64 {
        crate::model::date::PartialDate::parse(iso).map_or(f64::NAN, |d| d.start_days())
    }

    #[test]
    fn the_builtin_chronology_keeps_2014_2022_and_2023_to_2025() {
        let dataset = builtin_dataset().unwrap_or_else(|e| panic!("{e}"));
        let presets = presets_for(&dataset);
        assert_eq!(labels(&presets), ["2014", "2022", "2023–2025", "All"]);
        assert_eq!(
            presets[1].range,
            PresetRange::Days {
                start_days: day("2022-01-01"),
                end_days: day("2023-01-01")
            }
        );
    }

    #[test]
    fn a_set_with_a_few_eras_gets_one_preset_per_era_in_time_order() {
        let mut dataset = Dataset::empty();
        add(
            &mut dataset,
            "wars.json",
            &["1915-05-01", "1940-06-01"],
            &[
                (
                    "The Second World War and its aftermath in Europe",
                    "1939-09",
                    "1945-05",
                ),
                ("Great War", "1914-07", "1918-11"),
            ],
        );
        let presets = presets_for(&dataset);
        assert_eq!(
            labels(&presets),
            ["Great War", "The Second World War…", "All"]
        );
        assert!(
            presets[1]
                .description
                .contains("and its aftermath in Europe")
        );
        assert_eq!(
            presets[0].range,
            PresetRange::Days {
                start_days: day("1914-07-01"),
                end_days: day("1918-12-01")
            }
        );
    }

    #[test]
    fn a_set_without_eras_gets_its_three_busiest_years_in_time_order() {
        let mut dataset = Dataset::empty();
        add(
            &mut dataset,
            "years.json",
            &[
                "1990-01-01",
                "1991-01-01",
                "1991-02-01",
                "1995-01-01",
                "1995-02-01",
                "1995-03-01",
                "1999-01-01",
                "1999-02-01",
                "2000-01-01",
            ],
            &[],
        );
        assert_eq!(
            labels(&presets_for(&dataset)),
            ["1991", "1995", "1999", "All"]
        );
    }

    #[test]
    fn a_set_spanning_generations_gets_its_busiest_decades() {
        let mut dataset = Dataset::empty();
        add(
            &mut dataset,
            "life.json",
            &[
                "1963-08-09",
                "1985-02-14",
                "1986-01-01",
                "1987-06-02",
                "1992-11-25",
                "1993-01-01",
                "2012-02-11",
            ],
            &[],
        );
        let presets = presets_for(&dataset);
        assert_eq!(labels(&presets), ["1960s", "1980s", "1990s", "All"]);
        assert_eq!(
            presets[1].range,
            PresetRange::Days {
                start_days: day("1980-01-01"),
                end_days: day("1990-01-01")
            }
        );
    }

    #[test]
    fn data_within_one_year_offers_only_all() {
        let mut dataset = Dataset::empty();
        add(&mut dataset, "one.json", &["2001-01-01", "2001-09-11"], &[]);
        assert_eq!(labels(&presets_for(&dataset)), ["All"]);
    }

    #[test]
    fn a_file_added_to_the_builtin_chronology_adds_its_own_presets_after_it() {
        let mut dataset = builtin_dataset().unwrap_or_else(|e| panic!("{e}"));
        add(
            &mut dataset,
            "other.json",
            &["1980-01-01", "1980-05-01", "1989-11-09"],
            &[],
        );
        assert_eq!(
            labels(&presets_for(&dataset)),
            ["2014", "2022", "2023–2025", "1980", "1989", "All"]
        );
    }

    #[test]
    fn nothing_loaded_offers_only_all() {
        assert_eq!(labels(&presets_for(&Dataset::empty())), ["All"]);
    }
}
