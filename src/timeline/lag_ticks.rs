//! The publication lag of an event: where the publication date of each of its sources falls on
//! the time axis, and how many days after the event it came (pure; drawn only for the events
//! on screen, so its cost follows the view, not the dataset).

use super::time_transform::TimeTransform;
use crate::model::dataset::{Dataset, Event, Source};

/// One source of an event, placed at its publication date.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LagTick {
    /// Index into `Dataset::sources`.
    pub source: usize,
    /// Screen x of the first day of the publication date.
    pub x: f64,
    /// Days from the event's first day to the publication's first day (negative: published
    /// before the event, which it can have announced but not reported).
    pub lag_days: i64,
}

/// Days from the first day of `event` to the first day `source` was published.
pub fn lag_days(event: &Event, source: &Source) -> i64 {
    (source.published.first_day() - event.date.first_day()).num_days()
}

/// The ticks of `event`'s sources, in the order it cites them (sources it names that the
/// dataset does not have are left out).
pub fn lag_ticks(dataset: &Dataset, event: usize, transform: &TimeTransform<'_>) -> Vec<LagTick> {
    let Some(data) = dataset.events.get(event) else {
        return Vec::new();
    };
    data.sources()
        .iter()
        .filter_map(|index| {
            let source = dataset.sources.get(index)?;
            Some(LagTick {
                source: index,
                x: transform.x_from_time(source.published.start_days()),
                lag_days: lag_days(data, source),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::explore::axis_map::AxisMap;
    use crate::explore::time_view::TimeView;
    use crate::model::date::PartialDate;
    use crate::model::loader::load_article_set;

    fn days(iso: &str) -> f64 {
        PartialDate::parse(iso).map_or(f64::NAN, |d| d.start_days())
    }

    fn dataset() -> Dataset {
        let json = serde_json::json!({
            "format": "chronoscope-article-set", "version": 1, "title": "lag",
            "sources": [
                {"id": "s1", "outlet": "A", "title": "a", "published": "2022-03-03"},
                {"id": "s2", "outlet": "B", "title": "b", "published": "2022-03-11"},
                {"id": "s3", "outlet": "C", "title": "c", "published": "2022-03"}
            ],
            "events": [{
                "id": "e", "date": "2022-03-01", "title": "E", "summary": "",
                "category": "diplomacy", "sources": ["s1", "s2", "s3"]
            }]
        });
        let set = load_article_set("lag.json", json.to_string().as_bytes())
            .unwrap_or_else(|error| panic!("{error}"));
        Dataset::from_article_set("lag.json", set)
    }

    #[test]
    fn lag_ticks_sit_at_each_sources_publication_date() {
        let data = dataset();
        let map = AxisMap::identity();
        // 100 points per day from 1 March 2022.
        let view = TimeView::from_range(days("2022-03-01"), days("2022-03-21"));
        let transform = TimeTransform::new(&map, &view, 0.0, 2000.0);
        let ticks = lag_ticks(&data, 0, &transform);
        let at: Vec<(f64, i64)> = ticks.iter().map(|t| (t.x.round(), t.lag_days)).collect();
        // s3 is dated to the month: its tick is the month's first day, no lag.
        assert_eq!(at, vec![(200.0, 2), (1000.0, 10), (0.0, 0)]);
        let sources: Vec<&str> = ticks
            .iter()
            .map(|t| data.sources[t.source].id.as_str())
            .collect();
        assert_eq!(sources, vec!["s1", "s2", "s3"]);
    }

    #[test]
    fn an_event_out_of_range_has_no_ticks() {
        let data = dataset();
        let map = AxisMap::identity();
        let view = TimeView::from_range(0.0, 10.0);
        let transform = TimeTransform::new(&map, &view, 0.0, 100.0);
        assert!(lag_ticks(&data, 5, &transform).is_empty());
    }
}
