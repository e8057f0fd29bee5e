//! What the window remembers between runs (eframe persistence): view, panels, theme, modes.

use serde::{Deserialize, Serialize};

use crate::explore::lanes::LaneMode;
use crate::explore::time_view::TimeView;
use crate::timeline::palette::Theme;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// The last view; `None` on the first run (then everything is shown).
    pub view: Option<TimeView>,
    pub lane_mode: LaneMode,
    pub compress_quiet_years: bool,
    pub theme: Theme,
    pub show_sources: bool,
    pub show_quotes: bool,
    pub show_details: bool,
    pub show_overview: bool,
    /// View ▸ Findings: the source criticism of the loaded data, in the right panel.
    pub show_findings: bool,
    /// View ▸ Frame times: the overlay with the last frames' times.
    pub show_frame_times: bool,
    /// View ▸ Finding marks: a warning triangle on events with findings.
    pub show_finding_marks: bool,
    /// View ▸ Publication lag (`L`): each event's sources at their publication dates.
    pub show_publication_lag: bool,
    /// Files loaded or saved lately, newest first (File ▸ Open recent).
    pub recent_files: Vec<std::path::PathBuf>,
    /// The side panels' widths when last seen (`None`: the default); clamped to the window
    /// before use (see `panel_widths`).
    pub sources_panel_width: Option<f32>,
    pub right_panel_width: Option<f32>,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            view: None,
            lane_mode: LaneMode::Category,
            compress_quiet_years: false,
            theme: Theme::Dark,
            show_sources: true,
            show_quotes: true,
            show_details: true,
            show_overview: true,
            show_findings: true,
            show_frame_times: false,
            show_finding_marks: true,
            show_publication_lag: false,
            recent_files: Vec::new(),
            sources_panel_width: None,
            right_panel_width: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settings_saved_before_findings_existed_show_findings() {
        let saved = r#"{"show_quotes":false,"show_overview":false}"#;
        let settings: Settings = serde_json::from_str(saved).unwrap_or_else(|_| Settings {
            show_findings: false,
            ..Settings::default()
        });
        assert!(settings.show_findings);
        assert!(!settings.show_quotes);
    }
}
