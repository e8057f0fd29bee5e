//! Shares the timeline's height between lanes by need: each lane asks for the label rows its
//! visible events need; lanes with nothing in range shrink to a header line (or are left out).

/// What one lane asks for, in points.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LaneNeed {
    /// The height that shows every label of the lane.
    pub wanted: f32,
    /// The height below which the lane shows no label row at all.
    pub minimum: f32,
    /// Whether it takes a share of spare height (a lane reduced to its header does not).
    pub stretches: bool,
}

/// Heights for lanes that ask for `needs` out of `total_height`: everyone gets what they want
/// when it all fits, and the rest is shared in proportion to what they want. Otherwise lanes
/// that want less than an equal share of what is left get what they want (so quiet lanes show
/// all their labels), and the busy ones share the rest by their wants, none below its minimum.
pub fn heights_by_need(needs: &[LaneNeed], total_height: f32) -> Vec<f32> {
    let fixed: f32 = needs
        .iter()
        .filter(|n| !n.stretches)
        .map(|n| n.wanted)
        .sum();
    let wanted: f32 = needs.iter().filter(|n| n.stretches).map(|n| n.wanted).sum();
    let room = (total_height - fixed).max(0.0);
    if wanted <= room {
        let stretch = if wanted > 0.0 { room / wanted } else { 1.0 };
        return needs
            .iter()
            .map(|n| {
                if n.stretches {
                    n.wanted * stretch
                } else {
                    n.wanted
                }
            })
            .collect();
    }
    let mut heights: Vec<f32> = needs
        .iter()
        .map(|n| if n.stretches { 0.0 } else { n.wanted })
        .collect();
    let mut by_want: Vec<usize> = (0..needs.len()).filter(|i| needs[*i].stretches).collect();
    by_want.sort_by(|a, b| needs[*a].wanted.total_cmp(&needs[*b].wanted));
    let mut remaining = room;
    let mut satisfied = 0;
    for (count, index) in by_want.iter().enumerate() {
        let equal_share = remaining / (by_want.len() - count) as f32;
        if needs[*index].wanted > equal_share {
            break;
        }
        heights[*index] = needs[*index].wanted;
        remaining -= needs[*index].wanted;
        satisfied += 1;
    }
    let busy = &by_want[satisfied..];
    let weights: Vec<f32> = busy.iter().map(|i| needs[*i].wanted).collect();
    let minimum = busy
        .iter()
        .map(|i| needs[*i].minimum)
        .fold(0.0_f32, f32::max);
    for (index, height) in busy.iter().zip(lane_heights(&weights, remaining, minimum)) {
        heights[*index] = height;
    }
    heights
}

/// Heights in proportion to `weights`, none below `min_height`: the lanes raised to the
/// minimum take their height from the others, so that all fit in `total_height` whenever their
/// minimums do (a busy lane is never pushed out by quiet ones).
fn lane_heights(weights: &[f32], total_height: f32, min_height: f32) -> Vec<f32> {
    let mut at_minimum = vec![false; weights.len()];
    loop {
        let raised = at_minimum.iter().filter(|raised| **raised).count();
        let free_height = (total_height - min_height * raised as f32).max(0.0);
        let free_weight: f32 = weights
            .iter()
            .zip(&at_minimum)
            .filter(|(_, raised)| !**raised)
            .map(|(weight, _)| weight.max(0.0))
            .sum();
        let height_of = |weight: f32| {
            if free_weight > 0.0 {
                free_height * weight.max(0.0) / free_weight
            } else {
                0.0
            }
        };
        let mut changed = false;
        for (weight, raised) in weights.iter().zip(at_minimum.iter_mut()) {
            if !*raised && height_of(*weight) < min_height {
                *raised = true;
                changed = true;
            }
        }
        if !changed {
            return weights
                .iter()
                .zip(&at_minimum)
                .map(|(weight, raised)| {
                    if *raised {
                        min_height
                    } else {
                        height_of(*weight)
                    }
                })
                .collect();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lanes_that_fit_get_what_they_want_and_share_the_rest_in_proportion() {
        let needs = [
            LaneNeed {
                wanted: 100.0,
                minimum: 40.0,
                stretches: true,
            },
            LaneNeed {
                wanted: 20.0,
                minimum: 20.0,
                stretches: false,
            },
            LaneNeed {
                wanted: 50.0,
                minimum: 40.0,
                stretches: true,
            },
        ];
        assert_eq!(heights_by_need(&needs, 320.0), [200.0, 20.0, 100.0]);
    }

    #[test]
    fn quiet_lanes_get_what_they_want_and_busy_ones_share_the_rest_by_their_wants() {
        let need = |wanted| LaneNeed {
            wanted,
            minimum: 40.0,
            stretches: true,
        };
        let heights = heights_by_need(&[need(400.0), need(45.0), need(200.0)], 300.0);
        assert_eq!(heights[1], 45.0);
        assert!((heights[0] - 2.0 * heights[2]).abs() < 0.01, "{heights:?}");
        assert!((heights.iter().sum::<f32>() - 300.0).abs() < 0.01);
    }

    #[test]
    fn quiet_lanes_raised_to_the_minimum_do_not_push_a_busy_lane_out() {
        let weights = [21.0, 21.0, 2.9, 2.9, 2.9, 2.9, 21.0];
        let heights = lane_heights(&weights, 590.0, 30.0);
        let total: f32 = heights.iter().sum();
        assert!((total - 590.0).abs() < 0.01, "{heights:?}");
        assert_eq!(&heights[2..6], &[30.0; 4]);
        assert!((heights[0] - heights[6]).abs() < 0.01 && heights[0] > 150.0);
    }

    #[test]
    fn lanes_above_the_minimum_keep_their_proportions() {
        assert_eq!(lane_heights(&[1.0, 3.0], 400.0, 30.0), [100.0, 300.0]);
    }

    #[test]
    fn lanes_whose_minimums_do_not_fit_all_get_the_minimum() {
        assert_eq!(lane_heights(&[1.0; 10], 200.0, 30.0), [30.0; 10]);
        assert_eq!(lane_heights(&[], 200.0, 30.0), Vec::<f32>::new());
    }
}
