//! Era bands as few rectangles as the picture needs: where bands overlap, one rectangle of
//! their composed colour; where they are narrower than a point, one rectangle per point or so
//! of their average colour. Drawing then costs what is visible, not the number of eras (a PNG
//! rasteriser pays the whole height of every rectangle, however narrow).

use std::collections::BTreeSet;

use super::scene::Color;

/// A band across the timeline's height, from `x0` to `x1` (points).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Band {
    pub x0: f32,
    pub x1: f32,
    pub color: Color,
}

/// Stretches narrower than this many points (a pixel of the window and of a PNG at scale 1)
/// are merged with their neighbours into one rectangle of their average colour.
pub const MIN_BAND_POINTS: f32 = 1.0;

/// How many overlapping bands are composed at most, from the top: under 64 bands of the
/// palettes' era alpha (0.14 or more), the ones below change no 8-bit channel.
const MAX_COMPOSED_BANDS: usize = 64;

/// Left to right and not overlapping, rectangles that look like `bands` drawn in order
/// (later over earlier). `O(n log n)` for `n` bands; at most about two rectangles per
/// [`MIN_BAND_POINTS`] of width, and exactly the bands themselves when they neither overlap
/// nor are narrower than that.
pub fn visible_bands(bands: &[Band]) -> Vec<Band> {
    merge_narrow(&flatten(bands), MIN_BAND_POINTS)
}

/// The stretches between band edges, each with the composed colour of the bands over it.
fn flatten(bands: &[Band]) -> Vec<Band> {
    // (x, band, whether the band starts there)
    let mut edges: Vec<(f32, usize, bool)> = Vec::with_capacity(bands.len() * 2);
    for (index, band) in bands.iter().enumerate() {
        let drawn = band.x0.is_finite() && band.x1.is_finite() && band.x0 < band.x1;
        if drawn && band.color.a > 0 {
            edges.push((band.x0, index, true));
            edges.push((band.x1, index, false));
        }
    }
    edges.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mut active: BTreeSet<usize> = BTreeSet::new();
    let mut stretches: Vec<Band> = Vec::new();
    let mut at = 0;
    while let Some(&(x, _, _)) = edges.get(at) {
        while let Some(&(edge_x, index, starts)) = edges.get(at)
            && edge_x == x
        {
            if starts {
                active.insert(index);
            } else {
                active.remove(&index);
            }
            at += 1;
        }
        let Some(&(next_x, _, _)) = edges.get(at) else {
            break;
        };
        if let Some(color) = composed(bands, &active) {
            push_joining(
                &mut stretches,
                Band {
                    x0: x,
                    x1: next_x,
                    color,
                },
            );
        }
    }
    stretches
}

/// The colour of the `active` bands drawn in order; `None` when there are none.
fn composed(bands: &[Band], active: &BTreeSet<usize>) -> Option<Color> {
    if active.len() == 1 {
        return active
            .first()
            .and_then(|&index| bands.get(index))
            .map(|b| b.color);
    }
    let mut paint = Paint::default();
    // Source-over, from the top down: each band shows through the ones above it.
    let mut transmittance = 1.0;
    for band in active
        .iter()
        .rev()
        .take(MAX_COMPOSED_BANDS)
        .filter_map(|&index| bands.get(index))
    {
        let alpha = f64::from(band.color.a) / 255.0;
        paint.add(band.color, transmittance * alpha);
        transmittance *= 1.0 - alpha;
    }
    paint.alpha = 1.0 - transmittance;
    paint.color()
}

/// A colour being accumulated: premultiplied channels and alpha, each from 0 to 1.
#[derive(Clone, Copy, Default)]
struct Paint {
    premultiplied: [f64; 3],
    alpha: f64,
}

impl Paint {
    /// Adds `color` at `weight` to the premultiplied channels (the caller sums the alpha).
    fn add(&mut self, color: Color, weight: f64) {
        for (sum, channel) in self
            .premultiplied
            .iter_mut()
            .zip([color.r, color.g, color.b])
        {
            *sum += weight * f64::from(channel) / 255.0;
        }
    }

    fn color(self) -> Option<Color> {
        if self.alpha <= 0.0 {
            return None;
        }
        let byte = |value: f64| (value * 255.0).round().clamp(0.0, 255.0) as u8;
        let [r, g, b] = self.premultiplied.map(|channel| byte(channel / self.alpha));
        Some(Color::rgba(r, g, b, byte(self.alpha)))
    }
}

/// Stretches narrower than `min_width` grouped left to right into runs about `min_width`
/// wide, each drawn as one rectangle of the run's average colour (gaps count as clear), as
/// an antialiasing rasteriser would show them.
fn merge_narrow(stretches: &[Band], min_width: f32) -> Vec<Band> {
    let mut merged: Vec<Band> = Vec::new();
    let mut run: Option<Run> = None;
    for stretch in stretches {
        let narrow = stretch.x1 - stretch.x0 < min_width;
        let ends_run = run
            .as_ref()
            .is_some_and(|run| !narrow || stretch.x0 >= run.x0 + min_width);
        if ends_run && let Some(done) = run.take() {
            push_joining(&mut merged, done.band());
        }
        if narrow {
            run.get_or_insert_with(|| Run::starting_at(stretch.x0))
                .add(stretch);
        } else {
            push_joining(&mut merged, *stretch);
        }
    }
    if let Some(done) = run {
        push_joining(&mut merged, done.band());
    }
    merged
}

/// Narrow stretches being merged.
struct Run {
    x0: f32,
    x1: f32,
    /// Sums weighted by width.
    paint: Paint,
    /// The stretch, while the run holds only one.
    only: Option<Band>,
    count: usize,
}

impl Run {
    fn starting_at(x0: f32) -> Self {
        Self {
            x0,
            x1: x0,
            paint: Paint::default(),
            only: None,
            count: 0,
        }
    }

    fn add(&mut self, stretch: &Band) {
        let width = f64::from(stretch.x1 - stretch.x0);
        let alpha = f64::from(stretch.color.a) / 255.0;
        self.paint.add(stretch.color, width * alpha);
        self.paint.alpha += width * alpha;
        self.x1 = stretch.x1;
        self.only = Some(*stretch);
        self.count += 1;
    }

    fn band(&self) -> Band {
        if self.count == 1
            && let Some(only) = self.only
        {
            return only;
        }
        let width = f64::from(self.x1 - self.x0).max(f64::MIN_POSITIVE);
        let average = Paint {
            premultiplied: self.paint.premultiplied.map(|sum| sum / width),
            alpha: self.paint.alpha / width,
        };
        Band {
            x0: self.x0,
            x1: self.x1,
            color: average.color().unwrap_or(Color::TRANSPARENT),
        }
    }
}

/// Adds `band`, widening the last one instead when it continues it in the same colour.
fn push_joining(bands: &mut Vec<Band>, band: Band) {
    match bands.last_mut() {
        Some(last) if last.x1 == band.x0 && last.color == band.color => last.x1 = band.x1,
        _ => bands.push(band),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn band(x0: f32, x1: f32, color: Color) -> Band {
        Band { x0, x1, color }
    }

    const RED: Color = Color::rgba(200, 0, 0, 41);
    const BLUE: Color = Color::rgba(0, 0, 200, 41);

    #[test]
    fn bands_that_neither_overlap_nor_are_narrow_stay_as_they_are() {
        let bands = [
            band(10.0, 50.0, RED),
            band(50.0, 80.0, BLUE),
            band(90.0, 95.0, RED),
        ];
        assert_eq!(visible_bands(&bands), bands);
    }

    #[test]
    fn overlapping_bands_become_one_stretch_of_their_composed_colour() {
        let bands = [band(0.0, 20.0, RED), band(10.0, 30.0, BLUE)];
        let visible = visible_bands(&bands);
        assert_eq!(visible.len(), 3);
        assert_eq!(visible[0], band(0.0, 10.0, RED));
        assert_eq!(visible[2], band(20.0, 30.0, BLUE));
        let both = visible[1];
        assert_eq!((both.x0, both.x1), (10.0, 20.0));
        // Blue over red: alpha 1 − (1 − a)², blue weighing more than red.
        assert_eq!(both.color.a, 75);
        assert!(both.color.b > both.color.r && both.color.r > 0, "{both:?}");
    }

    #[test]
    fn narrow_bands_merge_into_runs_about_a_point_wide() {
        let bands: Vec<Band> = (0..800)
            .map(|i| {
                let x = i as f32 * 0.125;
                band(x, x + 0.0625, if i % 2 == 0 { RED } else { BLUE })
            })
            .collect();
        let visible = visible_bands(&bands);
        assert!(visible.len() <= 100, "{}", visible.len());
        assert!(visible.iter().all(|b| b.x1 - b.x0 < 2.0 * MIN_BAND_POINTS));
        // The first run, 0 to 0.9375, is covered over 0.5 by red and blue alike.
        let first = visible[0];
        assert_eq!(first.x1, 0.9375);
        assert_eq!(
            (first.color.r, first.color.b, first.color.a),
            (100, 100, 22)
        );
    }

    #[test]
    fn a_deep_stack_of_bands_costs_what_its_stretches_do() {
        let bands: Vec<Band> = (0..5000)
            .map(|i| band(i as f32 * 0.01, 500.0, RED))
            .collect();
        let visible = visible_bands(&bands);
        assert!(visible.len() < 200, "{}", visible.len());
        assert_eq!(visible.last().map(|b| b.color.a), Some(255));
    }
}
