//! Places labels in rows so that no two overlap; a label that fits nowhere is left out.

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
        self.occupied[row].push((x_start, x_end));
        // Both edges from the same formula, so adjacent rows touch exactly and never overlap.
        let y_top = self.top + row as f32 * self.row_height;
        let y_bottom = self.top + (row + 1) as f32 * self.row_height;
        Some((row, Rect::from_x_y_ranges(x_start, x_end, y_top, y_bottom)))
    }

    /// Marks an interval of a row as taken (e.g. by a bar drawn there).
    pub fn reserve(&mut self, row: usize, x_start: f32, x_end: f32) {
        if let Some(intervals) = self.occupied.get_mut(row) {
            intervals.push((x_start, x_end));
        }
    }
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
    fn labels_placed_out_of_order_still_respect_each_other() {
        let mut rows = LabelRows::new(0.0, 15.0, 1, 2.0);
        assert!(rows.place(100.0, 50.0).is_some());
        assert!(rows.place(0.0, 99.0).is_none());
        assert!(rows.place(0.0, 98.0).is_some());
    }
}
