//! The labels of one lane: the events that may get one, and their placement in rows, whole
//! labels first (left to right when all fit, most important first otherwise), right of their
//! marker or left of it near the lane's end, and cut with "…" only where nothing whole fits.

use std::borrow::Cow;

use super::label_placement::LabelRows;
use super::label_rank::LabelRank;
use super::scene::{FontStyle, Rect};
use super::text_measure::{TextMeasure, fit_text};

/// A lane never asks for more label rows than this.
pub const MAX_LABEL_ROWS: usize = 40;
/// Free points between two labels of a row.
pub const LABEL_GAP: f32 = 6.0;
/// The accent bar left of a label's text, and the space after it.
pub const LABEL_ACCENT: f32 = 3.0;
pub const LABEL_INSET: f32 = LABEL_ACCENT + 3.0;

/// Lanes with at most this many candidates try date order first even when the estimate says
/// the labels will not all fit.
const TRY_IN_DATE_ORDER_UP_TO: usize = 64;

/// Label sizes in points at the layout's text scale.
#[derive(Clone, Copy, Debug)]
pub struct LabelSizes {
    pub label_size: f32,
    /// Longer labels are cut.
    pub max_label_width: f32,
}

/// An event that may get a label.
pub struct LabelCandidate<'a> {
    pub event: usize,
    /// Where the marker starts and ends (for drawing the members of an opened cluster).
    pub x_start: f64,
    pub x_end: f64,
    /// Left edge of the label (its accent bar).
    pub x: f32,
    /// Right edge of a label drawn left of its marker (near the right edge of the lane).
    pub x_flipped_end: f32,
    pub text: Cow<'a, str>,
    pub style: FontStyle,
    pub rank: LabelRank,
    /// Index into the plan's groups of the cluster it belongs to.
    pub cluster: Option<usize>,
}

/// A label that found its place.
#[derive(Clone, Debug)]
pub struct PlacedLabel {
    /// Index into the plan's candidates.
    pub candidate: usize,
    pub rect: Rect,
    pub text: String,
    pub in_full: bool,
    /// Drawn left of its marker, with the accent bar on its right.
    pub flipped: bool,
}

/// Where labels of a lane may go, left to right.
#[derive(Clone, Copy)]
pub struct LabelBounds {
    pub left: f32,
    pub right: f32,
}

impl LabelBounds {
    pub fn of(lane_rect: Rect) -> Self {
        Self {
            left: lane_rect.min.x + 1.0,
            right: lane_rect.max.x - 2.0,
        }
    }

    /// Where a whole label `width` wide goes: right of its marker, or else (near the lane's
    /// right edge) left of it; with whether it is flipped.
    pub fn whole_label_at(&self, candidate: &LabelCandidate, width: f32) -> Option<(f32, bool)> {
        if candidate.x + width <= self.right {
            Some((candidate.x, false))
        } else {
            let end = candidate.x_flipped_end.min(self.right);
            (end - width >= self.left).then_some((end - width, true))
        }
    }
}

/// Places the labels of a lane in `rows`: left to right when the lane seems to have room for
/// all of them (rows then read in date order) and they all fit whole; otherwise the most
/// important get the whole places, which are then laid out left to right again, and the rest are
/// cut into what is left.
pub fn place_labels(
    sizes: LabelSizes,
    candidates: &[LabelCandidate<'_>],
    rows_needed: usize,
    rows: &LabelRows,
    bounds: LabelBounds,
    measure: &dyn TextMeasure,
) -> Vec<PlacedLabel> {
    if rows.row_count() == 0 || candidates.is_empty() {
        return Vec::new();
    }
    let mut order: Vec<usize> = (0..candidates.len()).collect();
    // Left to right, first free row, needs no more rows than any other order when all labels
    // fit whole; the estimate (or a short list) says when that is worth trying.
    if rows_needed <= rows.row_count() || candidates.len() <= TRY_IN_DATE_ORDER_UP_TO {
        order.sort_by(|a, b| candidates[*a].x.total_cmp(&candidates[*b].x));
        let mut trial = rows.clone();
        let (whole, _) = place_whole(sizes, candidates, &order, &mut trial, bounds, measure);
        if whole.len() == candidates.len() {
            return whole;
        }
    }
    order.sort_by(|a, b| {
        let (a, b) = (&candidates[*a], &candidates[*b]);
        a.rank.cmp(&b.rank).then(a.x.total_cmp(&b.x))
    });
    let mut ranked_rows = rows.clone();
    let (whole, left_over) =
        place_whole(sizes, candidates, &order, &mut ranked_rows, bounds, measure);
    let (mut placed, mut rows_left) = in_date_order(&whole, rows).unwrap_or((whole, ranked_rows));
    place_cut(
        sizes,
        candidates,
        &left_over,
        &mut rows_left,
        bounds,
        measure,
        &mut placed,
    );
    placed
}

/// The same whole labels placed again left to right, so that rows read in date order; `None`
/// if they do not all fit that way (left-to-right first fit needs no more rows than any order
/// for the same spans, so this does not happen).
fn in_date_order(whole: &[PlacedLabel], rows: &LabelRows) -> Option<(Vec<PlacedLabel>, LabelRows)> {
    let mut rows = rows.clone();
    let mut by_start: Vec<&PlacedLabel> = whole.iter().collect();
    by_start.sort_by(|a, b| a.rect.min.x.total_cmp(&b.rect.min.x));
    let mut placed = Vec::with_capacity(whole.len());
    for label in by_start {
        let (_, rect) = rows.place(label.rect.min.x, label.rect.width())?;
        placed.push(PlacedLabel {
            rect,
            ..label.clone()
        });
    }
    Some((placed, rows))
}

/// Places whole labels in `order`, each in the first row with room; returns them and the
/// candidates that could still have a cut label.
fn place_whole(
    sizes: LabelSizes,
    candidates: &[LabelCandidate<'_>],
    order: &[usize],
    rows: &mut LabelRows,
    bounds: LabelBounds,
    measure: &dyn TextMeasure,
) -> (Vec<PlacedLabel>, Vec<usize>) {
    let mut placed = Vec::new();
    let size = sizes.label_size;
    let min_width = size * 4.0;
    let mut left_over = Vec::new();
    for &index in order {
        let c = &candidates[index];
        // Rows only fill up: no room for even a short label now means none later.
        let right_room = bounds.right - c.x >= min_width && rows.has_room_at(c.x, min_width);
        let flipped_start = c.x_flipped_end.min(bounds.right) - min_width;
        let left_room = flipped_start >= bounds.left && rows.has_room_at(flipped_start, min_width);
        if !right_room && !left_room {
            continue;
        }
        let width = LABEL_INSET + measure.text_width(&c.text, size, c.style);
        let spot = (width <= sizes.max_label_width)
            .then(|| bounds.whole_label_at(c, width))
            .flatten()
            .and_then(|(x, flipped)| Some((rows.place(x, width)?.1, flipped)));
        match spot {
            Some((rect, flipped)) => placed.push(PlacedLabel {
                candidate: index,
                rect,
                text: c.text.to_string(),
                in_full: true,
                flipped,
            }),
            None => left_over.push(index),
        }
    }
    (placed, left_over)
}

/// Cuts the labels of `left_over` to the widest free stretch at their start, in that order.
fn place_cut(
    sizes: LabelSizes,
    candidates: &[LabelCandidate<'_>],
    left_over: &[usize],
    rows: &mut LabelRows,
    bounds: LabelBounds,
    measure: &dyn TextMeasure,
    placed: &mut Vec<PlacedLabel>,
) {
    let size = sizes.label_size;
    // A cut label shorter than this ("Macr…") says too little to be worth its clutter.
    let min_cut_width = size * 7.0;
    for &index in left_over {
        let c = &candidates[index];
        let x_limit = bounds.right.min(c.x + sizes.max_label_width);
        let Some((row, free)) = rows.widest_free_at(c.x, x_limit) else {
            continue;
        };
        if free < min_cut_width {
            continue;
        }
        let Some((text, text_width)) =
            fit_text(measure, &c.text, size, c.style, free - LABEL_INSET)
        else {
            continue;
        };
        if let Some(rect) = rows.place_in_row(row, c.x, LABEL_INSET + text_width) {
            placed.push(PlacedLabel {
                candidate: index,
                rect,
                in_full: text == c.text,
                text,
                flipped: false,
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::timeline::label_rank::LabelFacts;
    use crate::timeline::text_measure::FixedWidthMeasure;

    const SIZES: LabelSizes = LabelSizes {
        label_size: 10.0,
        max_label_width: 400.0,
    };

    /// A label of `chars` characters (6 points each with the fixed measure) at `x`.
    fn candidate(event: usize, x: f32, chars: usize, facts: LabelFacts) -> LabelCandidate<'static> {
        LabelCandidate {
            event,
            x_start: f64::from(x),
            x_end: f64::from(x),
            x,
            x_flipped_end: x + 4.0,
            text: Cow::Owned("w".repeat(chars)),
            style: FontStyle::Regular,
            rank: facts.rank(),
            cluster: None,
        }
    }

    fn bounds() -> LabelBounds {
        LabelBounds {
            left: 0.0,
            right: 500.0,
        }
    }

    fn place(candidates: &[LabelCandidate<'_>], rows: usize) -> Vec<PlacedLabel> {
        let rows = LabelRows::new(0.0, 16.0, rows, LABEL_GAP);
        let measure = FixedWidthMeasure::default();
        place_labels(SIZES, candidates, 1, &rows, bounds(), &measure)
    }

    #[test]
    fn a_label_near_the_right_edge_goes_left_of_its_marker() {
        // 30 characters are 180 points: from 450 they would end past the edge at 500.
        let placed = place(&[candidate(0, 450.0, 30, LabelFacts::default())], 1);
        assert_eq!(placed.len(), 1);
        assert!(placed[0].flipped && placed[0].in_full);
        assert_eq!(placed[0].rect.max.x, 454.0);
        assert_eq!(placed[0].rect.width(), LABEL_INSET + 180.0);
    }

    #[test]
    fn when_rows_are_short_the_quoted_event_gets_the_whole_label() {
        let quoted = LabelFacts {
            quotes: 1,
            ..Default::default()
        };
        let candidates = [
            candidate(0, 10.0, 20, LabelFacts::default()),
            candidate(1, 20.0, 20, quoted),
        ];
        let placed = place(&candidates, 1);
        assert_eq!(placed.len(), 1);
        assert_eq!((placed[0].candidate, placed[0].in_full), (1, true));
    }

    #[test]
    fn labels_chosen_by_rank_still_read_in_date_order() {
        let quoted = LabelFacts {
            quotes: 1,
            ..Default::default()
        };
        // Three 33-character labels (204 points) overlapping each other, two rows: the
        // quoted one and the first ordinary one win, and the earlier of them takes the top row.
        let candidates = [
            candidate(0, 0.0, 33, LabelFacts::default()),
            candidate(1, 50.0, 33, quoted),
            candidate(2, 100.0, 33, LabelFacts::default()),
        ];
        let placed = place(&candidates, 2);
        let top_of = |candidate: usize| {
            placed
                .iter()
                .find(|label| label.candidate == candidate && label.in_full)
                .map(|label| label.rect.min.y)
        };
        assert_eq!(
            (top_of(0), top_of(1), top_of(2)),
            (Some(0.0), Some(16.0), None)
        );
    }

    #[test]
    fn a_label_is_cut_only_where_nothing_whole_fits_and_then_uses_the_free_stretch() {
        // The quoted label goes first and takes 100..226; the other, at 10, needs 10..196.
        let quoted = LabelFacts {
            quotes: 1,
            ..Default::default()
        };
        let candidates = [
            candidate(0, 100.0, 20, quoted),
            candidate(1, 10.0, 30, LabelFacts::default()),
        ];
        let placed = place(&candidates, 1);
        let cut = placed.iter().find(|label| label.candidate == 1);
        let cut = cut.unwrap_or_else(|| panic!("no label for the second event: {placed:?}"));
        assert!(!cut.in_full && cut.text.ends_with('…'), "{:?}", cut.text);
        // It runs up to the gap before the first label.
        assert!(cut.rect.max.x <= 100.0 - LABEL_GAP && cut.rect.max.x > 100.0 - LABEL_GAP - 7.0);
    }
}
