//! Pictures of the timeline for presentations: the window's layout on a slide (title,
//! legend, credits), written as SVG or PNG with the window's fonts, headless and deterministic.
//!
//! ```no_run
//! # use chronoscope::export::*;
//! # fn demo(explorer: &chronoscope::explorer::Explorer) -> Result<(), ExportError> {
//! let view = explorer.fit_all_view();
//! let png = render(explorer, view, &RenderOptions::default(), ImageFormat::Png)?;
//! # Ok(()) }
//! ```

pub mod bench;
pub mod fonts;
pub mod png;
pub mod slide;
pub mod svg;

use std::path::Path;

use crate::explore::lanes::{LaneIndex, LaneMode};
use crate::explore::time_view::TimeView;
use crate::explorer::Explorer;
use crate::model::date::PartialDate;
use crate::timeline::palette::{Palette, Theme};

use self::fonts::ExportTextMeasure;
pub use self::png::RgbaImage;
use self::slide::{Slide, SlideInput, layout_slide};

/// Why a picture could not be made.
#[derive(Debug, thiserror::Error, PartialEq)]
pub enum ExportError {
    #[error(
        "the picture would be {width}×{height} pixels; each side must be 1 to {} pixels \
         (width or height × scale)",
        png::MAX_SIDE_PIXELS
    )]
    PictureSize { width: f32, height: f32 },
    #[error(
        "the picture must be at least {MIN_SIDE_POINTS}×{MIN_SIDE_POINTS} points, not {width}×{height}"
    )]
    TooSmall { width: f32, height: f32 },
    #[error("scale must be a number above 0 and at most {MAX_SCALE}, not {0}")]
    Scale(f32),
    #[error("the time range is empty: it must end after it starts")]
    EmptyRange,
    #[error("the exported SVG could not be read back: {0}")]
    Svg(String),
    #[error("the PNG could not be encoded: {0}")]
    Png(String),
}

/// The smallest picture side, in points: below it nothing of the timeline is legible.
pub const MIN_SIDE_POINTS: f32 = 100.0;
pub const MAX_SCALE: f32 = 8.0;

/// The file formats a picture can be written in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ImageFormat {
    Png,
    Svg,
}

impl ImageFormat {
    /// The format named by the file's extension (`.png` or `.svg`, any case).
    pub fn from_path(path: &Path) -> Option<Self> {
        let extension = path.extension()?.to_str()?.to_ascii_lowercase();
        match extension.as_str() {
            "png" => Some(Self::Png),
            "svg" => Some(Self::Svg),
            _ => None,
        }
    }

    pub fn extension(self) -> &'static str {
        match self {
            Self::Png => "png",
            Self::Svg => "svg",
        }
    }
}

/// How a picture looks. The time range is passed to [`render`] as a `TimeView` (the window
/// passes its own; [`view_between`] makes one from dates).
#[derive(Clone, Debug, PartialEq)]
pub struct RenderOptions {
    pub width_points: f32,
    pub height_points: f32,
    /// Pixels per point of a PNG (1, 2, 4…); an SVG is always in points.
    pub scale: f32,
    pub theme: Theme,
    pub title: Option<String>,
    pub subtitle: Option<String>,
    pub legend: bool,
    pub credits: bool,
    /// Keep lanes with nothing in range (as a header line); by default they are left out.
    pub keep_empty_lanes: bool,
    pub lane_mode: LaneMode,
    /// Draw the publication dates of each event's sources (the window's View ▸ Publication lag).
    pub publication_lag: bool,
}

impl Default for RenderOptions {
    fn default() -> Self {
        Self {
            width_points: 1920.0,
            height_points: 1080.0,
            scale: 1.0,
            theme: Theme::Light,
            title: None,
            subtitle: None,
            legend: true,
            credits: true,
            keep_empty_lanes: false,
            lane_mode: LaneMode::Category,
            publication_lag: false,
        }
    }
}

impl RenderOptions {
    fn check(&self) -> Result<(), ExportError> {
        let (width, height) = (self.width_points, self.height_points);
        if !(width.is_finite() && height.is_finite())
            || width < MIN_SIDE_POINTS
            || height < MIN_SIDE_POINTS
        {
            return Err(ExportError::TooSmall { width, height });
        }
        if !(self.scale.is_finite() && self.scale > 0.0 && self.scale <= MAX_SCALE) {
            return Err(ExportError::Scale(self.scale));
        }
        png::picture_pixels(width, height, self.scale).map(|_| ())
    }
}

/// The view from the start of `from` to the end of `to` (both included: `2022` to `2022-04`
/// runs from 1 January to the end of April).
pub fn view_between(from: PartialDate, to: PartialDate) -> Result<TimeView, ExportError> {
    let view = TimeView::from_range(from.start_days(), to.end_days());
    if view.is_finite() {
        Ok(view)
    } else {
        Err(ExportError::EmptyRange)
    }
}

/// Lays out the picture without drawing it (what [`render`] draws; tests check it).
pub fn layout_picture(
    explorer: &Explorer,
    view: TimeView,
    options: &RenderOptions,
) -> Result<Slide, ExportError> {
    options.check()?;
    if !view.is_finite() {
        return Err(ExportError::EmptyRange);
    }
    let palette = Palette::for_theme(options.theme);
    let other_lanes;
    let lanes = if options.lane_mode == explorer.lane_mode {
        &explorer.lanes
    } else {
        other_lanes = LaneIndex::build(
            &explorer.dataset,
            options.lane_mode,
            &explorer.filter_result,
        );
        &other_lanes
    };
    let input = SlideInput {
        explorer,
        lanes,
        view,
        width_points: options.width_points,
        height_points: options.height_points,
        palette: &palette,
        title: options.title.as_deref(),
        subtitle: options.subtitle.as_deref(),
        legend: options.legend,
        credits: options.credits,
        keep_empty_lanes: options.keep_empty_lanes,
        publication_lag: options.publication_lag,
    };
    Ok(layout_slide(&input, &ExportTextMeasure::new()))
}

/// The picture as SVG text.
pub fn render_svg(
    explorer: &Explorer,
    view: TimeView,
    options: &RenderOptions,
) -> Result<String, ExportError> {
    let slide = layout_picture(explorer, view, options)?;
    Ok(slide_to_svg(&slide, options))
}

fn slide_to_svg(slide: &Slide, options: &RenderOptions) -> String {
    svg::scene_to_svg(
        &slide.scene,
        options.width_points,
        options.height_points,
        &ExportTextMeasure::new().face_metrics(),
    )
}

/// The file bytes of a slide laid out by [`layout_picture`] with the same `options`.
pub fn encode_slide(
    slide: &Slide,
    options: &RenderOptions,
    format: ImageFormat,
) -> Result<Vec<u8>, ExportError> {
    let svg = slide_to_svg(slide, options);
    match format {
        ImageFormat::Svg => Ok(svg.into_bytes()),
        ImageFormat::Png => png::encode_png(&png::svg_to_rgba(&svg, options.scale)?),
    }
}

/// The picture's pixels (straight RGBA, `width_points × scale` wide), e.g. for a clipboard.
pub fn render_rgba(
    explorer: &Explorer,
    view: TimeView,
    options: &RenderOptions,
) -> Result<RgbaImage, ExportError> {
    let svg = render_svg(explorer, view, options)?;
    png::svg_to_rgba(&svg, options.scale)
}

/// The picture's file bytes in `format`.
pub fn render(
    explorer: &Explorer,
    view: TimeView,
    options: &RenderOptions,
    format: ImageFormat,
) -> Result<Vec<u8>, ExportError> {
    encode_slide(&layout_picture(explorer, view, options)?, options, format)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_format_comes_from_the_extension() {
        assert_eq!(
            ImageFormat::from_path(Path::new("a/b.PNG")),
            Some(ImageFormat::Png)
        );
        assert_eq!(
            ImageFormat::from_path(Path::new("b.svg")),
            Some(ImageFormat::Svg)
        );
        assert_eq!(ImageFormat::from_path(Path::new("b.jpg")), None);
        assert_eq!(ImageFormat::from_path(Path::new("png")), None);
    }

    #[test]
    fn bad_sizes_and_scales_are_refused() {
        let small = RenderOptions {
            width_points: 50.0,
            ..Default::default()
        };
        assert!(matches!(small.check(), Err(ExportError::TooSmall { .. })));
        let zero_scale = RenderOptions {
            scale: 0.0,
            ..Default::default()
        };
        assert_eq!(zero_scale.check(), Err(ExportError::Scale(0.0)));
        let huge = RenderOptions {
            width_points: 4000.0,
            scale: 8.0,
            ..Default::default()
        };
        assert!(matches!(huge.check(), Err(ExportError::PictureSize { .. })));
        assert_eq!(RenderOptions::default().check(), Ok(()));
    }

    #[test]
    fn the_view_between_two_dates_includes_the_last_one() {
        let from = PartialDate::parse("2022-02").expect("date");
        let to = PartialDate::parse("2022-04-30").expect("date");
        let view = view_between(from, to).expect("a range");
        assert_eq!(view.start_days, from.start_days());
        assert_eq!(view.end_days(), to.start_days() + 1.0);
        assert_eq!(view_between(to, from), Err(ExportError::EmptyRange));
    }
}
