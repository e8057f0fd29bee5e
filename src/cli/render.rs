//! `chronoscope render`: writes a picture of a time range as PNG or SVG, without a window.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, ValueEnum};

use crate::builtin::add_builtin;
use crate::checks::findings_by_kind::FindingsByKind;
use crate::explore::lanes::LaneMode;
use crate::explore::time_view::TimeView;
use crate::explorer::Explorer;
use crate::export::{
    ExportError, ImageFormat, RenderOptions, encode_slide, layout_picture, view_between,
};
use crate::filter::Filter;
use crate::loading::{add_files, file_label};
use crate::model::atomic_write::{refuse_output_among_inputs, write_file_atomically};
use crate::model::dataset::Dataset;
use crate::model::date::PartialDate;
use crate::model::load_error::LoadError;
use crate::timeline::label_coverage::label_coverage;
use crate::timeline::palette::Theme;

/// The options of `chronoscope render`.
#[derive(Debug, Args)]
pub struct RenderArgs {
    /// Article sets to draw next to the built-in chronology.
    pub files: Vec<PathBuf>,
    /// Leave the built-in chronology out.
    #[arg(long)]
    pub no_builtin: bool,
    /// First day shown: YYYY, YYYY-MM or YYYY-MM-DD (default: the first event).
    #[arg(long)]
    pub from: Option<String>,
    /// Last day shown, included: YYYY, YYYY-MM or YYYY-MM-DD (default: the last event).
    #[arg(long)]
    pub to: Option<String>,
    /// The picture to write: .png or .svg.
    #[arg(long)]
    pub out: PathBuf,
    /// Width in points.
    #[arg(long, default_value_t = 1920.0)]
    pub width: f32,
    /// Height in points.
    #[arg(long, default_value_t = 1080.0)]
    pub height: f32,
    /// Pixels per point of a PNG (1, 2, 4).
    #[arg(long, default_value_t = 1.0)]
    pub scale: f32,
    #[arg(long, value_enum, default_value_t = ThemeArg::Light)]
    pub theme: ThemeArg,
    /// A title above the timeline.
    #[arg(long)]
    pub title: Option<String>,
    /// A line under the title.
    #[arg(long)]
    pub subtitle: Option<String>,
    /// Leave out the legend of category colours.
    #[arg(long)]
    pub no_legend: bool,
    /// Leave out the footer that credits the sources.
    #[arg(long)]
    pub no_credits: bool,
    /// Keep lanes with nothing in the range, as a header line (by default they are left out).
    #[arg(long)]
    pub keep_empty_lanes: bool,
    /// How events are split into lanes.
    #[arg(long, value_enum, default_value_t = LanesArg::Category)]
    pub lanes: LanesArg,
    /// Leave out the warning triangles on events with findings (see `chronoscope check`).
    #[arg(long)]
    pub no_finding_marks: bool,
    /// Draw the publication dates of each event's sources (the lag between event and report).
    #[arg(long)]
    pub lag: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ThemeArg {
    Light,
    Dark,
    Contrast,
}

impl From<ThemeArg> for Theme {
    fn from(theme: ThemeArg) -> Self {
        match theme {
            ThemeArg::Light => Theme::Light,
            ThemeArg::Dark => Theme::Dark,
            ThemeArg::Contrast => Theme::Contrast,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum LanesArg {
    Category,
    Actor,
    Source,
}

impl From<LanesArg> for LaneMode {
    fn from(lanes: LanesArg) -> Self {
        match lanes {
            LanesArg::Category => LaneMode::Category,
            LanesArg::Actor => LaneMode::Actor,
            LanesArg::Source => LaneMode::Source,
        }
    }
}

/// Exit code of a usage error: `--out` is one of the input files.
const EXIT_USAGE: u8 = 2;

/// Runs `chronoscope render`; every failure is one message on stderr and exit code 1, or 2
/// when `--out` is one of the input files.
pub fn run_render(args: &RenderArgs) -> ExitCode {
    if let Err(message) = refuse_output_among_inputs("render", &args.out, &args.files) {
        eprintln!("{message}");
        return ExitCode::from(EXIT_USAGE);
    }
    match render_to_file(args) {
        Ok(summary) => {
            println!("{summary}");
            ExitCode::SUCCESS
        }
        Err(messages) => {
            for message in messages {
                eprintln!("{message}");
            }
            ExitCode::from(1)
        }
    }
}

/// Loads, renders and writes; returns the line to print, or the messages of what went wrong.
pub fn render_to_file(args: &RenderArgs) -> Result<String, Vec<String>> {
    let out_label = file_label(&args.out);
    let format = ImageFormat::from_path(&args.out).ok_or_else(|| {
        vec![format!(
            "{out_label}: expected a file name ending in .png or .svg"
        )]
    })?;
    let from = parse_date("--from", args.from.as_deref())?;
    let to = parse_date("--to", args.to.as_deref())?;

    let mut dataset = Dataset::empty();
    let mut messages = Vec::new();
    if !args.no_builtin
        && let Err(error) = add_builtin(&mut dataset)
    {
        messages.extend(error.lines());
    }
    let (loaded, errors) = add_files(&mut dataset, &args.files);
    for warning in loaded.iter().flat_map(|file| &file.warnings) {
        eprintln!("warning: {warning}");
    }
    messages.extend(errors.iter().flat_map(LoadError::lines));
    if !messages.is_empty() {
        return Err(messages);
    }

    let mut explorer = Explorer::new(dataset, Filter::default(), args.lanes.into(), false);
    if !args.no_finding_marks {
        let findings = FindingsByKind::of_dataset(&explorer.dataset);
        explorer.attach_findings(&findings.by_event);
    }
    let all = explorer.fit_all_view();
    let view = match (from, to) {
        (Some(from), Some(to)) => view_between(from, to),
        (None, None) => Ok(all),
        (from, to) => {
            let start = from.map_or(all.start_days, |d| d.start_days());
            let end = to.map_or(all.end_days(), |d| d.end_days());
            Ok(TimeView::from_range(start, end))
        }
    }
    .ok()
    .filter(TimeView::is_finite)
    .ok_or_else(|| vec!["--to must not be before --from".to_owned()])?;
    let options = RenderOptions {
        width_points: args.width,
        height_points: args.height,
        scale: args.scale,
        theme: args.theme.into(),
        title: args.title.clone(),
        subtitle: args.subtitle.clone(),
        legend: !args.no_legend,
        credits: !args.no_credits,
        keep_empty_lanes: args.keep_empty_lanes,
        lane_mode: args.lanes.into(),
        publication_lag: args.lag,
    };
    let to_messages = |error: ExportError| vec![format!("{out_label}: {error}")];
    let slide = layout_picture(&explorer, view, &options).map_err(to_messages)?;
    let bytes = encode_slide(&slide, &options, format).map_err(to_messages)?;
    write_file_atomically(&args.out, &bytes)
        .map_err(|error| vec![format!("{out_label}: cannot write: {error}")])?;
    // The explorer's lanes are the picture's: both use `--lanes`.
    let coverage = label_coverage(
        &slide.scene.event_labels,
        &explorer.dataset,
        &explorer.lanes,
        &view,
    );
    Ok(format!(
        "{out_label}: {} bytes; {}",
        bytes.len(),
        coverage.summary()
    ))
}

fn parse_date(option: &str, text: Option<&str>) -> Result<Option<PartialDate>, Vec<String>> {
    text.map(|text| {
        PartialDate::parse(text.trim()).map_err(|error| vec![format!("{option}: {error}")])
    })
    .transpose()
}
