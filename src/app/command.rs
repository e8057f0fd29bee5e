//! What the UI asks the app to do; applied after the frame so widgets never mutate shared state.

use std::path::PathBuf;

use crate::app::file_dialogs::DialogPurpose;
use crate::explore::time_view::TimeView;
use crate::explorer::Preset;

#[derive(Clone, Debug, PartialEq)]
pub enum AppCommand {
    /// Show this view at once (dragging, wheel zoom).
    SetView(TimeView),
    /// Zoom by `factor` around a point at `anchor_fraction` of the timeline's width.
    ZoomAround {
        anchor_fraction: f64,
        factor: f64,
    },
    /// Move the view by a fraction of its width.
    PanByFraction(f64),
    /// Animate to show every event.
    FitAll,
    ShowPreset(Preset),
    /// Animate to a time range (clicking a cluster, the overview strip).
    ZoomToRange {
        start_days: f64,
        end_days: f64,
    },
    /// Move the view so its centre is at this time, keeping its span.
    CenterOn(f64),
    SelectEvent(Option<usize>),
    /// Select an event and bring it into view.
    RevealEvent(usize),
    /// Select a quote's event (or its date) and bring it into view.
    RevealQuote(usize),
    /// Select the previous (-1) or next (+1) visible event.
    StepSelection(i32),
    /// Open a file dialog (its answer is handled when it arrives).
    ShowDialog(DialogPurpose),
    /// Replace what is loaded by these files (File ▸ Open, Open recent).
    OpenFiles(Vec<PathBuf>),
    /// Merge these files into what is loaded (File ▸ Add, dropped files).
    AddFiles(Vec<PathBuf>),
    /// Load the built-in chronology, replacing what is loaded or next to it.
    LoadBuiltin {
        replace: bool,
    },
    /// Unload a file (index into `Dataset::files`) and what only it had.
    RemoveFile(usize),
    /// Stop the running load; what is loaded stays as it was.
    CancelLoading,
    /// Write the loaded dataset as an article set.
    SaveTo(PathBuf),
    /// Open the window that imports a news article as plain text.
    OpenArticleImport,
    /// Import these article files and folders as one set, in the background, then show the
    /// summary (File ▸ Import articles from folder, several files chosen or dropped).
    ImportArticles(Vec<PathBuf>),
    /// Stop the running import of articles; nothing is added.
    CancelArticleBatch,
    /// Open the export dialog (File ▸ Export image…).
    OpenExportDialog,
    /// Put the picture the export dialog describes on the clipboard.
    CopyExportImage,
    /// Put a picture of the current view on the clipboard (Ctrl+Shift+C).
    CopyViewImage,
    /// Enter or leave presentation mode (F11; Esc leaves).
    SetPresenting(bool),
    /// Use this filter (search, categories, actor, hidden sets and sources).
    SetFilter(crate::filter::Filter),
    /// List only this speaker's quotes (`None`: every speaker's).
    SetSpeakerFilter(Option<String>),
    /// Use these settings (panels, theme, lanes, axis).
    SetSettings(Box<crate::app::settings::Settings>),
}
