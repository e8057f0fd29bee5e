//! Places labels in rows so that no two overlap: whole labels first wherever a row has room,
//! then cut ones in the widest free stretch left; a label that fits nowhere is left out.

use super::scene::Rect;

/// Rows of label slots below a lane's markers.
#[derive(Clone, Debug)]
pub struct LabelRows {
    top: f32,
    row_height: f32,
    gap_points: f32,
    /// Occupied x intervals of each row, in insertion order (rows hold few labels).
    occupied: Vec<Vec<(f32, f32)>>,
}

impl LabelRows {
    pub fn new(top: f32, row_height: f32, row_count: usize, gap_points: f32) -> Self {
        Self {
            top,
            row_height,
            gap_points,
            occupied: vec![Vec::new(); row_count],
        }
    }

    pub fn row_count(&self) -> usize {
        self.occupied.len()
    }

    /// Whether some row is free at `x_start` for at least `min_width` (cheap, so callers can
    /// skip measuring text that has no chance of being placed).
    pub fn has_room_at(&self, x_start: f32, min_width: f32) -> bool {
        self.occupied
            .iter()
            .any(|row| is_free(row, x_start, x_start + min_width, self.gap_points))
    }

    /// Reserves the first row where `x_start..x_start + width` is free; returns its rectangle.
    pub fn place(&mut self, x_start: f32, width: f32) -> Option<(usize, Rect)> {
        let x_end = x_start + width;
        let gap = self.gap_points;
        let row = self
            .occupied
            .iter()
            .position(|row| is_free(row, x_start, x_end, gap))?;
        Some((row, self.place_in_row(row, x_start, width)?))
    }

    /// The row with the most free width from `x_start` (up to `x_limit`), and that width; the
    /// first such row on ties. `None` when no row is free at `x_start` at all.
    pub fn widest_free_at(&self, x_start: f32, x_limit: f32) -> Option<(usize, f32)> {
        let gap = self.gap_points;
        let mut best: Option<(usize, f32)> = None;
        for (row, intervals) in self.occupied.iter().enumerate() {
            let blocked_at_start = intervals
                .iter()
                .any(|(a, b)| *a < x_start + gap && x_start < *b + gap);
            if blocked_at_start {
                continue;
            }
            let free_until = intervals
                .iter()
                .filter(|(a, _)| *a >= x_start)
                .map(|(a, _)| a - gap)
                .fold(x_limit, f32::min);
            let width = free_until - x_start;
            if best.is_none_or(|(_, widest)| width > widest) {
                best = Some((row, width));
            }
        }
        best
    }

    /// Reserves `x_start..x_start + width` in `row` (found free by [`Self::widest_free_at`]).
    pub fn place_in_row(&mut self, row: usize, x_start: f32, width: f32) -> Option<Rect> {
        let intervals = self.occupied.get_mut(row)?;
        intervals.push((x_start, x_start + width));
        // Both edges from the same formula, so adjacent rows touch exactly and never overlap.
        let y_top = self.top + row as f32 * self.row_height;
        let y_bottom = self.top + (row + 1) as f32 * self.row_height;
        Some(Rect::from_x_y_ranges(
            x_start,
            x_start + width,
            y_top,
            y_bottom,
        ))
    }
}

/// How many rows the labels `(x_start, width)` need so that none is left out, placed left to
/// right in the first free row (which needs no more rows than the deepest overlap), at most
/// `max_rows`.
pub fn rows_needed(labels: &mut [(f32, f32)], gap_points: f32, max_rows: usize) -> usize {
    labels.sort_by(|a, b| a.0.total_cmp(&b.0));
    // Where each row is free from, left to right placement keeps one number per row enough.
    let mut row_ends: Vec<f32> = Vec::new();
    for &(x_start, width) in labels.iter() {
        let free_row = row_ends.iter().position(|end| *end + gap_points <= x_start);
        match free_row {
            Some(row) => row_ends[row] = x_start + width,
            None if row_ends.len() < max_rows => row_ends.push(x_start + width),
            None => {}
        }
    }
    row_ends.len()
}

fn is_free(row: &[(f32, f32)], x_start: f32, x_end: f32, gap: f32) -> bool {
    row.iter()
        .all(|(a, b)| x_end + gap <= *a || *b + gap <= x_start)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overlapping_labels_go_to_the_next_row() {
        let mut rows = LabelRows::new(100.0, 15.0, 3, 4.0);
        let (row_a, rect_a) = rows.place(0.0, 50.0).unwrap_or_default();
        let (row_b, rect_b) = rows.place(30.0, 50.0).unwrap_or_default();
        assert_eq!((row_a, row_b), (0, 1));
        assert_eq!(rect_b.min.y, 115.0);
        assert!(!rect_a.intersects(&rect_b));
    }

    #[test]
    fn a_label_that_fits_nowhere_is_refused() {
        let mut rows = LabelRows::new(0.0, 15.0, 1, 4.0);
        assert!(rows.place(0.0, 50.0).is_some());
        assert!(rows.place(52.0, 10.0).is_none());
        assert!(rows.place(54.0, 10.0).is_some());
    }

    #[test]
    fn the_widest_free_stretch_is_found_in_any_row() {
        let mut rows = LabelRows::new(0.0, 15.0, 3, 2.0);
        assert!(rows.place(50.0, 10.0).is_some()); // row 0: 50..60
        assert!(rows.place(0.0, 40.0).is_some()); // row 0: 0..40
        assert!(rows.place(0.0, 100.0).is_some()); // row 1: 0..100
        assert!(rows.place(20.0, 10.0).is_some()); // row 2: 20..30
        // At x = 42: row 0 is free until 48, row 1 is blocked, row 2 is free to the limit.
        assert_eq!(rows.widest_free_at(42.0, 200.0), Some((2, 158.0)));
        // At x = 21 every row is blocked.
        assert_eq!(rows.widest_free_at(21.0, 200.0), None);
        let rect = rows.place_in_row(2, 42.0, 20.0).unwrap_or_default();
        assert_eq!((rect.min.y, rect.max.x), (30.0, 62.0));
    }

    #[test]
    fn rows_needed_is_the_deepest_overlap() {
        let mut labels = [(20.0, 50.0), (0.0, 50.0), (40.0, 50.0), (100.0, 10.0)];
        assert_eq!(rows_needed(&mut labels, 2.0, 10), 3);
        assert_eq!(rows_needed(&mut labels, 2.0, 2), 2);
        assert_eq!(rows_needed(&mut [], 2.0, 10), 0);
        // Touching labels with no gap between them need two rows.
        assert_eq!(rows_needed(&mut [(0.0, 10.0), (11.0, 10.0)], 2.0, 10), 2);
    }

    #[test]
    fn labels_placed_out_of_order_still_respect_each_other() {
        let mut rows = LabelRows::new(0.0, 15.0, 1, 2.0);
        assert!(rows.place(100.0, 50.0).is_some());
        assert!(rows.place(0.0, 99.0).is_none());
        assert!(rows.place(0.0, 98.0).is_some());
    }
}
