//! Which event labels come first when a lane lacks room for all: the selected and hovered
//! events, then events with quotes, with more sources, and at era boundaries; the rest keep
//! their left-to-right order.

use std::cmp::Reverse;

/// What the layout knows of an event when it ranks its label.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct LabelFacts {
    pub selected: bool,
    pub hovered: bool,
    /// How many quotes are about the event.
    pub quotes: usize,
    /// How many sources report it.
    pub sources: usize,
    /// It starts on the first or last day of an era.
    pub at_era_boundary: bool,
    /// A span that began left of the view: its label would sit at the edge, far from its start.
    pub begun_earlier: bool,
}

/// Sorts before (is placed before) a larger rank.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct LabelRank {
    emphasis: u8,
    quotes: Reverse<usize>,
    sources: Reverse<usize>,
    at_era_boundary: Reverse<bool>,
}

impl LabelFacts {
    /// Worth a label even inside a cluster too big to open: more than an ordinary event.
    pub fn stands_out(&self) -> bool {
        self.selected || self.hovered || self.quotes > 0 || self.sources > 1 || self.at_era_boundary
    }

    pub fn rank(&self) -> LabelRank {
        let emphasis = if self.selected {
            0
        } else if self.hovered {
            1
        } else if self.begun_earlier {
            3
        } else {
            2
        };
        LabelRank {
            emphasis,
            quotes: Reverse(self.quotes),
            sources: Reverse(self.sources),
            at_era_boundary: Reverse(self.at_era_boundary),
        }
    }
}

/// Whether `start_days` falls on one of `sorted_boundaries_days` (same day).
pub fn is_at_boundary(start_days: f64, sorted_boundaries_days: &[f64]) -> bool {
    let next = sorted_boundaries_days.partition_point(|b| *b < start_days - 0.5);
    sorted_boundaries_days
        .get(next)
        .is_some_and(|b| (b - start_days).abs() < 0.5)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn selected_then_hovered_then_quoted_then_sourced_then_era_boundaries() {
        let facts = [
            LabelFacts::default(),
            LabelFacts {
                at_era_boundary: true,
                ..Default::default()
            },
            LabelFacts {
                sources: 2,
                ..Default::default()
            },
            LabelFacts {
                quotes: 1,
                ..Default::default()
            },
            LabelFacts {
                hovered: true,
                ..Default::default()
            },
            LabelFacts {
                selected: true,
                begun_earlier: true,
                ..Default::default()
            },
        ];
        let mut ranked: Vec<usize> = (0..facts.len()).collect();
        ranked.sort_by_key(|index| facts[*index].rank());
        assert_eq!(ranked, [5, 4, 3, 2, 1, 0]);
    }

    #[test]
    fn quoted_or_multiply_sourced_events_stand_out_and_ordinary_ones_do_not() {
        let ordinary = LabelFacts {
            sources: 1,
            ..Default::default()
        };
        assert!(!ordinary.stands_out());
        for facts in [
            LabelFacts {
                quotes: 1,
                ..ordinary
            },
            LabelFacts {
                sources: 2,
                ..ordinary
            },
            LabelFacts {
                at_era_boundary: true,
                ..ordinary
            },
            LabelFacts {
                hovered: true,
                ..ordinary
            },
        ] {
            assert!(facts.stands_out(), "{facts:?}");
        }
    }

    #[test]
    fn spans_begun_before_the_view_come_last_even_with_quotes() {
        let begun = LabelFacts {
            quotes: 3,
            begun_earlier: true,
            ..Default::default()
        };
        assert!(begun.rank() > LabelFacts::default().rank());
    }

    #[test]
    fn an_event_on_an_era_boundary_is_found_by_day() {
        let boundaries = [10.0, 20.0, 35.0];
        assert!(is_at_boundary(20.0, &boundaries));
        assert!(is_at_boundary(34.8, &boundaries));
        assert!(!is_at_boundary(21.0, &boundaries));
        assert!(!is_at_boundary(5.0, &[]));
    }
}
