//! Groups the on-screen events of one lane: events closer than a few points merge into a
//! cluster with a count. Each step is a binary search, so the cost follows the number of groups
//! on screen, not the number of events in the lane.

use super::time_transform::TimeTransform;
use crate::explore::lanes::{LONG_SPAN_DAYS, LaneEvents};

/// Sizes that decide what merges, in screen points.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ClusterSizes {
    /// Events whose starts are closer than this merge into a cluster.
    pub merge_points: f64,
    /// A cluster claims this much width from its first event, so cluster badges never overlap.
    pub cluster_width_points: f64,
}

impl Default for ClusterSizes {
    fn default() -> Self {
        Self {
            merge_points: 5.0,
            cluster_width_points: 34.0,
        }
    }
}

/// One thing drawn in a lane.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Group {
    Single {
        event: usize,
        x_start: f64,
        x_end: f64,
    },
    Cluster {
        /// Position in the lane of the first event.
        first_position: usize,
        count: usize,
        first_event: usize,
        x_first: f64,
        x_last: f64,
        start_days: f64,
        end_days: f64,
    },
}

/// Groups the events of `lane` that are visible between `x_min` and `x_max`.
pub fn group_visible_events(
    lane: &LaneEvents,
    transform: &TimeTransform<'_>,
    x_min: f64,
    x_max: f64,
    sizes: ClusterSizes,
) -> Vec<Group> {
    let mut groups = Vec::new();
    let starts = &lane.starts_days;
    if starts.is_empty() {
        return groups;
    }
    let view_start_days = transform.time_from_x(x_min);
    let walk_from_days = transform.time_from_x(x_min - sizes.cluster_width_points);
    let walk_start = starts.partition_point(|t| *t < walk_from_days);

    // Spans that started before the walk but reach into the view.
    let push_span_if_visible = |position: usize, groups: &mut Vec<Group>| {
        let event = lane.events[position];
        let end = lane.ends_days[position];
        if end > view_start_days {
            groups.push(Group::Single {
                event,
                x_start: transform.x_from_time(starts[position]),
                x_end: transform.x_from_time(end),
            });
        }
    };
    let recent_start = starts.partition_point(|t| *t < walk_from_days - LONG_SPAN_DAYS);
    for &position in &lane.long_spans {
        if position < recent_start {
            push_span_if_visible(position, &mut groups);
        }
    }
    for position in recent_start..walk_start {
        push_span_if_visible(position, &mut groups);
    }

    let mut position = walk_start;
    while position < starts.len() {
        let x = transform.x_from_time(starts[position]);
        if x > x_max {
            break;
        }
        let merge_until_days = transform.time_from_x(x + sizes.merge_points);
        let next = position + starts[position..].partition_point(|t| *t < merge_until_days);
        let next = next.max(position + 1);
        if next - position == 1 {
            let event = lane.events[position];
            groups.push(Group::Single {
                event,
                x_start: x,
                x_end: transform.x_from_time(lane.ends_days[position]),
            });
            position = next;
            continue;
        }
        let cluster_until_days = transform.time_from_x(x + sizes.cluster_width_points);
        let end = position + starts[position..].partition_point(|t| *t < cluster_until_days);
        let end = end.max(next);
        let last = end - 1;
        groups.push(Group::Cluster {
            first_position: position,
            count: end - position,
            first_event: lane.events[position],
            x_first: x,
            x_last: transform.x_from_time(starts[last]),
            start_days: starts[position],
            end_days: lane.ends_days[last].max(starts[last]),
        });
        position = end;
    }
    groups
}

/// A short count for a cluster badge: 7, 42, 999, 1.2k, 15k, 1.2M.
pub fn compact_count(count: usize) -> String {
    match count {
        0..=999 => count.to_string(),
        1_000..=9_999 => format!("{:.1}k", count as f64 / 1_000.0),
        10_000..=999_999 => format!("{}k", count / 1_000),
        _ => format!("{:.1}M", count as f64 / 1_000_000.0),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::explore::axis_map::AxisMap;
    use crate::explore::time_view::TimeView;

    fn lane(starts: &[f64]) -> LaneEvents {
        LaneEvents {
            events: (0..starts.len()).collect(),
            starts_days: starts.to_vec(),
            ends_days: starts.iter().map(|s| s + 1.0).collect(),
            long_spans: Vec::new(),
        }
    }

    fn groups_for(starts: &[f64], view: TimeView, width: f32) -> Vec<Group> {
        let map = AxisMap::identity();
        let transform = TimeTransform::new(&map, &view, 0.0, width);
        let lane = lane(starts);
        group_visible_events(
            &lane,
            &transform,
            0.0,
            f64::from(width),
            ClusterSizes::default(),
        )
    }

    #[test]
    fn events_far_apart_stay_single() {
        let groups = groups_for(
            &[10.0, 50.0, 90.0],
            TimeView::from_range(0.0, 100.0),
            1000.0,
        );
        assert_eq!(groups.len(), 3);
        assert!(groups.iter().all(|g| matches!(g, Group::Single { .. })));
    }

    #[test]
    fn events_closer_than_a_few_points_merge_with_their_count() {
        // 1000 points for 100 days: 10 points per day, so 10.0 and 10.2 are 2 points apart.
        let groups = groups_for(
            &[10.0, 10.2, 10.3, 60.0],
            TimeView::from_range(0.0, 100.0),
            1000.0,
        );
        assert_eq!(groups.len(), 2);
        match groups[0] {
            Group::Cluster {
                count, first_event, ..
            } => {
                assert_eq!(count, 3);
                assert_eq!(first_event, 0);
            }
            other => panic!("expected a cluster, got {other:?}"),
        }
    }

    #[test]
    fn events_outside_the_view_are_left_out() {
        let groups = groups_for(
            &[-500.0, 50.0, 500.0],
            TimeView::from_range(0.0, 100.0),
            1000.0,
        );
        assert_eq!(groups.len(), 1);
    }

    #[test]
    fn a_million_events_make_no_more_groups_than_the_width_allows() {
        let starts: Vec<f64> = (0..1_000_000).map(|i| i as f64 * 0.005).collect();
        let groups = groups_for(&starts, TimeView::from_range(0.0, 5000.0), 1200.0);
        assert!(groups.len() <= 1200 / 5 + 1, "{} groups", groups.len());
        let total: usize = groups
            .iter()
            .map(|g| match g {
                Group::Single { .. } => 1,
                Group::Cluster { count, .. } => *count,
            })
            .sum();
        assert_eq!(total, 1_000_000);
    }

    #[test]
    fn a_long_span_that_started_before_the_view_is_still_drawn() {
        let map = AxisMap::identity();
        let view = TimeView::from_range(1000.0, 1010.0);
        let transform = TimeTransform::new(&map, &view, 0.0, 1000.0);
        let lane = LaneEvents {
            events: vec![0],
            starts_days: vec![0.0],
            ends_days: vec![2000.0],
            long_spans: vec![0],
        };
        let groups = group_visible_events(&lane, &transform, 0.0, 1000.0, ClusterSizes::default());
        assert_eq!(groups.len(), 1);
    }

    #[test]
    fn counts_are_compact() {
        assert_eq!(compact_count(42), "42");
        assert_eq!(compact_count(1234), "1.2k");
        assert_eq!(compact_count(56_789), "56k");
        assert_eq!(compact_count(1_234_567), "1.2M");
    }
}
