//! Time-axis ticks that adapt from decades to years, months and days, with their labels.

use chrono::{Datelike as _, NaiveDate};

use super::time_transform::TimeTransform;
use crate::model::date::{date_from_days, days_from_date};

/// The spacing between two ticks, in calendar units.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TickStep {
    Days(u32),
    Months(u32),
    Years(i32),
}

/// From finest to coarsest.
pub const TICK_STEPS: [TickStep; 15] = [
    TickStep::Days(1),
    TickStep::Days(2),
    TickStep::Days(5),
    TickStep::Days(10),
    TickStep::Months(1),
    TickStep::Months(3),
    TickStep::Months(6),
    TickStep::Years(1),
    TickStep::Years(2),
    TickStep::Years(5),
    TickStep::Years(10),
    TickStep::Years(20),
    TickStep::Years(50),
    TickStep::Years(100),
    TickStep::Years(500),
];

impl TickStep {
    /// Typical length of one step, for choosing a step by on-screen spacing.
    pub fn approx_days(&self) -> f64 {
        match *self {
            TickStep::Days(n) => f64::from(n),
            TickStep::Months(n) => f64::from(n) * 30.44,
            TickStep::Years(n) => f64::from(n) * 365.25,
        }
    }

    /// The first tick at or after `date`.
    pub fn first_at_or_after(&self, date: NaiveDate) -> Option<NaiveDate> {
        let mut candidate = self.floor(date)?;
        while candidate < date {
            candidate = self.next(candidate)?;
        }
        Some(candidate)
    }

    /// The tick at or before `date`.
    fn floor(&self, date: NaiveDate) -> Option<NaiveDate> {
        match *self {
            TickStep::Days(n) => {
                let day = date.day();
                let index = (day - 1) / n;
                let candidate = (index * n + 1).min(Self::last_day_index(n));
                NaiveDate::from_ymd_opt(date.year(), date.month(), candidate.min(day))
            }
            TickStep::Months(n) => {
                let month0 = date.month0() / n * n;
                NaiveDate::from_ymd_opt(date.year(), month0 + 1, 1)
            }
            TickStep::Years(n) => {
                let year = date.year().div_euclid(n) * n;
                NaiveDate::from_ymd_opt(year, 1, 1)
            }
        }
    }

    /// Ticks of `Days(n)` stop before the month's end so the 1st of the next month is not crowded.
    fn last_day_index(n: u32) -> u32 {
        if n == 1 { 31 } else { (28 - 1) / n * n + 1 }
    }

    /// The tick after `date` (which is a tick).
    pub fn next(&self, date: NaiveDate) -> Option<NaiveDate> {
        match *self {
            TickStep::Days(n) => {
                let next_day = date.day() + n;
                if next_day <= Self::last_day_index(n)
                    && let Some(next) = NaiveDate::from_ymd_opt(date.year(), date.month(), next_day)
                {
                    return Some(next);
                }
                let first_of_month = NaiveDate::from_ymd_opt(date.year(), date.month(), 1)?;
                first_of_month.checked_add_months(chrono::Months::new(1))
            }
            TickStep::Months(n) => date.checked_add_months(chrono::Months::new(n)),
            TickStep::Years(n) => NaiveDate::from_ymd_opt(date.year().checked_add(n)?, 1, 1),
        }
    }

    /// The label of a tick at `date`.
    pub fn label(&self, date: NaiveDate) -> String {
        match *self {
            TickStep::Days(_) => {
                if date.day() == 1 && date.month() == 1 {
                    date.format("%-d %b %Y").to_string()
                } else {
                    date.format("%-d %b").to_string()
                }
            }
            TickStep::Months(_) => {
                if date.month() == 1 {
                    date.format("%Y").to_string()
                } else {
                    date.format("%b").to_string()
                }
            }
            TickStep::Years(_) => date.format("%Y").to_string(),
        }
    }

    /// Whether a tick starts a larger unit (a year among months, a month among days), drawn stronger.
    pub fn is_major(&self, date: NaiveDate) -> bool {
        match *self {
            TickStep::Days(_) => date.day() == 1,
            TickStep::Months(_) => date.month() == 1,
            TickStep::Years(n) => date.year().rem_euclid(n * 5) == 0,
        }
    }

    /// The label of the larger unit that contains `date`, shown at the left edge for context.
    pub fn context_label(&self, date: NaiveDate) -> Option<String> {
        match *self {
            TickStep::Days(_) => Some(date.format("%B %Y").to_string()),
            TickStep::Months(_) => Some(date.format("%Y").to_string()),
            TickStep::Years(_) => None,
        }
    }
}

/// Picks the finest step whose ticks are at least `min_spacing_points` apart.
pub fn choose_step(points_per_day: f64, min_spacing_points: f64) -> TickStep {
    TICK_STEPS
        .iter()
        .copied()
        .find(|step| step.approx_days() * points_per_day >= min_spacing_points)
        .unwrap_or(TickStep::Years(500))
}

/// The step one finer than `step`, used for unlabelled minor ticks.
pub fn finer_step(step: TickStep) -> Option<TickStep> {
    let index = TICK_STEPS.iter().position(|s| *s == step)?;
    index.checked_sub(1).map(|i| TICK_STEPS[i])
}

/// One tick on the axis.
#[derive(Clone, Debug, PartialEq)]
pub struct Tick {
    pub time_days: f64,
    pub x: f64,
    pub label: String,
    pub major: bool,
}

/// All ticks of `step` between the transform's edges, skipping any closer than
/// `min_gap_points` to the previous one (this happens inside compressed stretches).
pub fn ticks_in_view(
    transform: &TimeTransform<'_>,
    step: TickStep,
    min_gap_points: f64,
    max_ticks: usize,
) -> Vec<Tick> {
    let mut ticks = Vec::new();
    let start = transform.time_from_x(transform.x_left());
    let end = transform.time_from_x(transform.x_right());
    let (Some(start_date), Some(end_date)) = (date_from_days(start), date_from_days(end)) else {
        return ticks;
    };
    let Some(mut date) = step.first_at_or_after(start_date) else {
        return ticks;
    };
    let mut last_x = f64::NEG_INFINITY;
    while date <= end_date && ticks.len() < max_ticks {
        let time_days = days_from_date(date);
        let x = transform.x_from_time(time_days);
        let major = step.is_major(date);
        if x - last_x >= min_gap_points {
            ticks.push(Tick {
                time_days,
                x,
                label: step.label(date),
                major,
            });
            last_x = x;
        }
        let Some(next) = step.next(date) else { break };
        date = next;
    }
    ticks
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::explore::axis_map::AxisMap;
    use crate::explore::time_view::TimeView;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
    }

    #[test]
    fn step_adapts_from_years_to_months_to_days() {
        assert_eq!(choose_step(1200.0 / 4748.0, 60.0), TickStep::Years(1));
        assert_eq!(choose_step(1200.0 / 365.0, 60.0), TickStep::Months(1));
        assert_eq!(choose_step(1200.0 / 31.0, 60.0), TickStep::Days(2));
        assert_eq!(choose_step(1200.0 / 2.0, 60.0), TickStep::Days(1));
    }

    #[test]
    fn month_ticks_fall_on_the_first_of_each_quarter() {
        let step = TickStep::Months(3);
        assert_eq!(
            step.first_at_or_after(date(2022, 2, 14)),
            Some(date(2022, 4, 1))
        );
        assert_eq!(step.next(date(2022, 10, 1)), Some(date(2023, 1, 1)));
    }

    #[test]
    fn five_day_ticks_skip_the_crowded_end_of_the_month() {
        let step = TickStep::Days(5);
        let mut days = Vec::new();
        let mut current = date(2022, 1, 1);
        while current < date(2022, 2, 2) {
            days.push(current.day());
            current = step.next(current).unwrap_or(date(2099, 1, 1));
        }
        assert_eq!(days, vec![1, 6, 11, 16, 21, 26, 1]);
    }

    #[test]
    fn year_ticks_round_to_their_multiple() {
        let step = TickStep::Years(5);
        assert_eq!(
            step.first_at_or_after(date(2013, 6, 1)),
            Some(date(2015, 1, 1))
        );
    }

    #[test]
    fn labels_name_the_year_at_january() {
        assert_eq!(TickStep::Months(1).label(date(2022, 1, 1)), "2022");
        assert_eq!(TickStep::Months(1).label(date(2022, 3, 1)), "Mar");
        assert_eq!(TickStep::Days(1).label(date(2022, 3, 18)), "18 Mar");
        assert_eq!(TickStep::Years(1).label(date(2014, 1, 1)), "2014");
    }

    #[test]
    fn ticks_cover_the_view_in_order() {
        let map = AxisMap::identity();
        let view = TimeView::from_range(
            days_from_date(date(2022, 1, 15)),
            days_from_date(date(2022, 12, 15)),
        );
        let transform = TimeTransform::new(&map, &view, 0.0, 1100.0);
        let ticks = ticks_in_view(&transform, TickStep::Months(1), 0.0, 100);
        let labels: Vec<&str> = ticks.iter().map(|t| t.label.as_str()).collect();
        assert_eq!(
            labels,
            [
                "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"
            ]
        );
        assert!(ticks.windows(2).all(|w| w[0].x < w[1].x));
    }
}
