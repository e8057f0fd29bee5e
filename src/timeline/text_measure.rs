//! How the pure layout learns the width of text without knowing which painter draws it.

use super::scene::FontStyle;

/// Measures the width of a single line of text, in points.
pub trait TextMeasure {
    fn text_width(&self, text: &str, size: f32, style: FontStyle) -> f32;

    /// The advance of one character (text width is the sum of these, kerning aside).
    fn char_width(&self, c: char, size: f32, style: FontStyle) -> f32 {
        let mut buffer = [0; 4];
        self.text_width(c.encode_utf8(&mut buffer), size, style)
    }
}

/// A measure that assumes every character is `em_fraction` of the font size wide: for tests,
/// and an upper bound of proportional fonts when `em_fraction` is large enough.
#[derive(Clone, Copy, Debug)]
pub struct FixedWidthMeasure {
    pub em_fraction: f32,
}

impl Default for FixedWidthMeasure {
    fn default() -> Self {
        Self { em_fraction: 0.6 }
    }
}

impl TextMeasure for FixedWidthMeasure {
    fn text_width(&self, text: &str, size: f32, _style: FontStyle) -> f32 {
        text.chars().count() as f32 * size * self.em_fraction
    }
}

/// `text` shortened with an ellipsis so that it is at most `max_width` wide, or `None` if not
/// even a few characters fit. One pass over the characters: labels are fitted every frame.
pub fn fit_text(
    measure: &dyn TextMeasure,
    text: &str,
    size: f32,
    style: FontStyle,
    max_width: f32,
) -> Option<(String, f32)> {
    let full_width = measure.text_width(text, size, style);
    if full_width <= max_width {
        return Some((text.to_owned(), full_width));
    }
    let ellipsis_width = measure.char_width('…', size, style);
    let budget = max_width - ellipsis_width;
    let mut width = 0.0;
    let mut end = 0;
    for (index, c) in text.char_indices() {
        let next = width + measure.char_width(c, size, style);
        if next > budget {
            break;
        }
        width = next;
        end = index + c.len_utf8();
    }
    let kept = text[..end].trim_end();
    if kept.chars().count() < 3 {
        return None;
    }
    let fitted = format!("{kept}…");
    let fitted_width = measure.text_width(&fitted, size, style);
    Some((fitted, fitted_width))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_that_fits_is_kept_whole() {
        let measure = FixedWidthMeasure { em_fraction: 0.5 };
        let fitted = fit_text(&measure, "Minsk II", 10.0, FontStyle::Regular, 100.0);
        assert_eq!(fitted, Some(("Minsk II".to_owned(), 40.0)));
    }

    #[test]
    fn long_text_is_cut_with_an_ellipsis_within_the_width() {
        let measure = FixedWidthMeasure { em_fraction: 0.5 };
        let fitted = fit_text(
            &measure,
            "Black Sea Grain Initiative",
            10.0,
            FontStyle::Regular,
            50.0,
        );
        assert_eq!(fitted, Some(("Black Sea…".to_owned(), 50.0)));
    }

    #[test]
    fn nothing_is_returned_when_too_little_fits() {
        let measure = FixedWidthMeasure { em_fraction: 0.5 };
        assert_eq!(
            fit_text(&measure, "Istanbul talks", 10.0, FontStyle::Regular, 12.0),
            None
        );
    }
}
