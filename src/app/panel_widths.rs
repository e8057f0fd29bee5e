//! How wide the side panels may be: each at most a share of the window, and together never so
//! wide that the timeline gets less than half of it (unless their minimum widths need more);
//! a saved width is clamped to this before it is used, so it cannot squeeze the timeline. Also
//! how the right panel shares its height between Details, Quotes and Findings.

/// Each side panel takes at most this share of the window's width.
pub const SIDE_PANEL_MAX_SHARE: f32 = 0.35;

/// The side panels together leave the timeline at least this share of the window's width.
pub const TIMELINE_MIN_SHARE: f32 = 0.5;

/// A side panel's default and minimum widths, in points.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct SidePanel {
    pub default_width: f32,
    pub min_width: f32,
}

/// The Sources panel on the left.
pub const SOURCES_PANEL: SidePanel = SidePanel {
    default_width: 250.0,
    min_width: 160.0,
};

/// The Details, Quotes and Findings panel on the right.
pub const RIGHT_PANEL: SidePanel = SidePanel {
    default_width: 340.0,
    min_width: 220.0,
};

impl SidePanel {
    /// The widest the panel may be in a window `window_width` wide when the other side panel
    /// is `other_width` wide (0 when hidden); never below the panel's minimum.
    pub fn max_width(&self, window_width: f32, other_width: f32) -> f32 {
        let share = window_width * SIDE_PANEL_MAX_SHARE;
        let leaving_the_timeline_half =
            window_width * (1.0 - TIMELINE_MIN_SHARE) - other_width.max(0.0);
        share.min(leaving_the_timeline_half).max(self.min_width)
    }

    /// The width to use for a saved width (the default when none was saved or it is not a
    /// number), within the minimum and `max_width`.
    pub fn width_for(&self, saved: Option<f32>, max_width: f32) -> f32 {
        let width = saved
            .filter(|width| width.is_finite())
            .unwrap_or(self.default_width);
        width.clamp(self.min_width, max_width.max(self.min_width))
    }
}

/// The heights of the right panel's sections: `Some` for a section above another one shown,
/// `None` for the last section shown (it takes what is left) and for hidden ones.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct RightPanelHeights {
    pub details: Option<f32>,
    pub quotes: Option<f32>,
}

/// The height of the Details section while nothing is selected: its title and two-line hint.
pub const EMPTY_DETAILS_HEIGHT: f32 = 90.0;

/// Details take 42% of the panel when one section shares it, 36% when two do (at least 160
/// points), and only their hint's height while nothing is selected; Quotes above Findings take
/// 55% of what is left (at least 120 points).
pub fn right_panel_heights(
    available: f32,
    show_details: bool,
    show_quotes: bool,
    show_findings: bool,
    nothing_selected: bool,
) -> RightPanelHeights {
    let mut heights = RightPanelHeights::default();
    let mut left = available;
    if show_details && (show_quotes || show_findings) {
        let share = if show_quotes && show_findings {
            0.36
        } else {
            0.42
        };
        let height = if nothing_selected {
            EMPTY_DETAILS_HEIGHT.min(available)
        } else {
            (available * share).max(160.0)
        };
        heights.details = Some(height);
        left = (available - height).max(0.0);
    }
    if show_quotes && show_findings {
        heights.quotes = Some((left * 0.55).max(120.0));
    }
    heights
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn details_with_nothing_selected_leave_their_share_to_quotes_and_findings() {
        let heights = right_panel_heights(1000.0, true, true, true, true);
        assert_eq!(heights.details, Some(EMPTY_DETAILS_HEIGHT));
        assert_eq!(heights.quotes, Some((1000.0 - EMPTY_DETAILS_HEIGHT) * 0.55));
    }

    #[test]
    fn the_last_section_shown_takes_what_is_left() {
        let heights = right_panel_heights(1000.0, true, true, true, false);
        assert_eq!(heights.details, Some(360.0));
        assert_eq!(heights.quotes, Some(640.0 * 0.55));
        assert_eq!(
            right_panel_heights(1000.0, true, false, false, false),
            RightPanelHeights::default()
        );
        assert_eq!(
            right_panel_heights(1000.0, false, true, true, false).quotes,
            Some(550.0)
        );
    }

    #[test]
    fn a_panel_takes_at_most_35_percent_of_the_window() {
        assert_eq!(SOURCES_PANEL.max_width(2000.0, 0.0), 700.0);
    }

    #[test]
    fn two_panels_leave_the_timeline_half_the_window() {
        let right = 400.0;
        let left_max = SOURCES_PANEL.max_width(1400.0, right);
        assert_eq!(left_max, 300.0);
        assert_eq!(1400.0 - left_max - right, 700.0);
    }

    #[test]
    fn the_minimum_width_wins_in_a_narrow_window() {
        assert_eq!(RIGHT_PANEL.max_width(500.0, 250.0), RIGHT_PANEL.min_width);
    }

    #[test]
    fn a_saved_width_wider_than_allowed_is_clamped() {
        assert_eq!(SOURCES_PANEL.width_for(Some(950.0), 490.0), 490.0);
    }

    #[test]
    fn a_saved_width_that_is_not_a_number_gives_the_default() {
        assert_eq!(SOURCES_PANEL.width_for(Some(f32::NAN), 490.0), 250.0);
        assert_eq!(SOURCES_PANEL.width_for(None, 490.0), 250.0);
    }

    #[test]
    fn a_saved_width_below_the_minimum_is_raised_to_it() {
        assert_eq!(RIGHT_PANEL.width_for(Some(3.0), 490.0), 220.0);
    }
}
