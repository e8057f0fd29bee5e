//! The picture of an export: title and subtitle on top, the timeline as the window lays it
//! out, and a footer crediting the sources of the events shown.
//!
//! ```text
//! ┌────────────────────────────────────────────┐
//! │ Title                                      │
//! │ Subtitle                                   │
//! │ ┌timeline (layout_timeline)──────────────┐ │
//! │ │ eras · legend · lanes · axis           │ │
//! │ └────────────────────────────────────────┘ │
//! │ Sources: Outlet, 20 Mar 2022; …            │
//! └────────────────────────────────────────────┘
//! ```

use crate::explore::lanes::LaneIndex;
use crate::explore::time_view::TimeView;
use crate::explorer::Explorer;
use crate::model::date::PartialDate;
use crate::timeline::layout::{LayoutOptions, TimelineLayoutInput, layout_timeline, push_label};
use crate::timeline::palette::Palette;
use crate::timeline::scene::{Color, FontStyle, Point, Rect, Scene, Shape};
use crate::timeline::text_measure::{TextMeasure, fit_text};

/// What goes into a picture besides the timeline.
pub struct SlideInput<'a> {
    pub explorer: &'a Explorer,
    /// The lanes to draw (the explorer's, or the same events split another way).
    pub lanes: &'a LaneIndex,
    pub view: TimeView,
    pub width_points: f32,
    pub height_points: f32,
    pub palette: &'a Palette,
    pub title: Option<&'a str>,
    pub subtitle: Option<&'a str>,
    pub legend: bool,
    pub credits: bool,
    /// Keep lanes with nothing in range (as a header line) instead of leaving them out.
    pub keep_empty_lanes: bool,
    /// Draw the publication dates of the sources of each event shown (View ▸ Publication lag).
    pub publication_lag: bool,
}

/// The laid-out picture.
#[derive(Clone, Debug, Default)]
pub struct Slide {
    /// Everything to draw, in paint order; `label_rects` holds every text of the picture.
    pub scene: Scene,
    /// Where the timeline is.
    pub timeline_canvas: Rect,
    pub text_scale: f32,
    /// The footer, line by line (empty without credits).
    pub credit_lines: Vec<String>,
}

/// The outlet and publication date of one source, as the footer names it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Credit {
    pub outlet: String,
    pub published: PartialDate,
}

impl Credit {
    /// `Middle East Eye, 20 Mar 2022`.
    pub fn text(&self) -> String {
        format!("{}, {}", self.outlet, self.published.display())
    }
}

/// Text grows with the picture: 1 at 1280×720 points (what the window shows at scale 1),
/// 1.5 at 1920×1080, never below 0.75 nor above 4.
pub fn text_scale_for(width_points: f32, height_points: f32) -> f32 {
    (width_points / 1280.0)
        .min(height_points / 720.0)
        .clamp(0.75, 4.0)
}

/// The sources of the events that pass the filter and overlap `view`, once per outlet and
/// date, by publication date then outlet.
pub fn credits_of(explorer: &Explorer, view: TimeView) -> Vec<Credit> {
    let dataset = &explorer.dataset;
    let mut used = vec![false; dataset.sources.len()];
    for (index, event) in dataset.events.iter().enumerate() {
        let visible = explorer
            .filter_result
            .visible_events
            .get(index)
            .copied()
            .unwrap_or(false);
        let in_view = event.start_days() < view.end_days() && event.end_days() > view.start_days;
        if visible && in_view {
            for source in event.sources() {
                if let Some(flag) = used.get_mut(source) {
                    *flag = true;
                }
            }
        }
    }
    let mut credits: Vec<Credit> = dataset
        .sources
        .iter()
        .zip(&used)
        .filter(|(_, used)| **used)
        .map(|(source, _)| {
            let outlet = source.outlet.trim();
            Credit {
                outlet: if outlet.is_empty() {
                    source.title.trim().to_owned()
                } else {
                    outlet.to_owned()
                },
                published: source.published,
            }
        })
        .collect();
    credits.sort_by(|a, b| {
        a.published
            .start_days()
            .total_cmp(&b.published.start_days())
            .then(a.published.end_days().total_cmp(&b.published.end_days()))
            .then_with(|| a.outlet.cmp(&b.outlet))
    });
    credits.dedup();
    credits
}

/// Sizes of the picture's own text and spacing, in points at text scale 1.
const MARGIN: f32 = 20.0;
const TITLE_SIZE: f32 = 26.0;
const SUBTITLE_SIZE: f32 = 15.0;
const CREDITS_SIZE: f32 = 11.0;
/// Line pitch as a multiple of the font size (egui's rows of the default font are ~1.2).
const LINE_PITCH: f32 = 1.3;
/// The footer takes at most this share of the picture's height.
const MAX_FOOTER_FRACTION: f32 = 0.25;

/// Lays out the whole picture.
pub fn layout_slide(input: &SlideInput<'_>, measure: &dyn TextMeasure) -> Slide {
    let (width, height) = (input.width_points, input.height_points);
    let scale = text_scale_for(width, height);
    let palette = input.palette;
    let margin = MARGIN * scale;
    let room = width - 2.0 * margin;
    let mut scene = Scene::default();
    scene.shapes.push(Shape::Rect {
        rect: Rect::from_x_y_ranges(0.0, width, 0.0, height),
        fill: palette.background,
        stroke: None,
        corner_radius: 0.0,
    });

    let mut y = margin * 0.8;
    let mut has_header = false;
    let header_lines = [
        (input.title, TITLE_SIZE, FontStyle::Strong, palette.text),
        (
            input.subtitle,
            SUBTITLE_SIZE,
            FontStyle::Regular,
            palette.text_weak,
        ),
    ];
    for (line, size, style, color) in header_lines {
        let Some(line) = line.map(str::trim).filter(|l| !l.is_empty()) else {
            continue;
        };
        let size = size * scale;
        if let Some((fitted, text_width)) = fit_text(measure, line, size, style, room) {
            push_text(
                &mut scene,
                Point::new(margin, y),
                fitted,
                size,
                color,
                style,
                text_width,
            );
            y += size * LINE_PITCH;
            has_header = true;
        }
    }
    let timeline_top = if has_header { y + 8.0 * scale } else { 0.0 };

    let credits_size = CREDITS_SIZE * scale;
    let credits_pitch = credits_size * LINE_PITCH;
    let credit_lines = if input.credits {
        let max_lines = ((height * MAX_FOOTER_FRACTION) / credits_pitch)
            .floor()
            .max(1.0) as usize;
        let credits = credits_of(input.explorer, input.view);
        credit_lines(&credits, measure, credits_size, room, max_lines)
    } else {
        Vec::new()
    };
    let footer_top = height - margin * 0.6 - credits_pitch * credit_lines.len() as f32;
    let timeline_bottom = if credit_lines.is_empty() {
        height - 4.0 * scale
    } else {
        footer_top - 8.0 * scale
    };

    let timeline_canvas = Rect::from_x_y_ranges(
        0.0,
        width - margin * 0.5,
        timeline_top,
        timeline_bottom.max(timeline_top + 1.0),
    );
    let layout = layout_timeline(
        &TimelineLayoutInput {
            dataset: &input.explorer.dataset,
            lanes: input.lanes,
            axis_map: &input.explorer.axis_map,
            view: input.view,
            canvas: timeline_canvas,
            palette,
            selected_event: None,
            hovered_event: None,
            event_findings: Some(&input.explorer.event_findings),
            options: LayoutOptions {
                text_scale: scale,
                show_legend: input.legend,
                omit_empty_lanes: !input.keep_empty_lanes,
                publication_lag: input.publication_lag,
                ..LayoutOptions::default()
            },
        },
        measure,
    );
    scene.shapes.extend(layout.scene.shapes);
    scene.label_rects.extend(layout.scene.label_rects);
    scene.event_labels.extend(layout.scene.event_labels);
    scene.marked_events.extend(layout.scene.marked_events);
    scene.lag_ticks.extend(layout.scene.lag_ticks);
    scene.hits.extend(layout.scene.hits);
    if input.lanes.lanes.is_empty() {
        let message = if input.explorer.dataset.events.is_empty() {
            "No events loaded."
        } else {
            "No events match the filters."
        };
        let size = SUBTITLE_SIZE * scale;
        let text_width = measure.text_width(message, size, FontStyle::Regular);
        let center = timeline_canvas.center();
        push_text(
            &mut scene,
            Point::new(center.x - text_width / 2.0, center.y - size * 0.65),
            message.to_owned(),
            size,
            palette.text_weak,
            FontStyle::Regular,
            text_width,
        );
    }

    for (index, line) in credit_lines.iter().enumerate() {
        let Some((fitted, text_width)) =
            fit_text(measure, line, credits_size, FontStyle::Regular, room)
        else {
            continue;
        };
        let top = footer_top + credits_pitch * index as f32;
        push_text(
            &mut scene,
            Point::new(margin, top),
            fitted,
            credits_size,
            palette.text_weak,
            FontStyle::Regular,
            text_width,
        );
    }

    Slide {
        scene,
        timeline_canvas,
        text_scale: scale,
        credit_lines,
    }
}

fn push_text(
    scene: &mut Scene,
    pos: Point,
    text: String,
    size: f32,
    color: Color,
    style: FontStyle,
    text_width: f32,
) {
    let bounds = Rect::from_x_y_ranges(pos.x, pos.x + text_width, pos.y, pos.y + size * LINE_PITCH);
    push_label(scene, pos, text, size, color, style, bounds);
}

/// The footer text wrapped into at most `max_lines` lines of `width` points; when the list is
/// longer, as many credits as fit followed by how many were left out.
pub fn credit_lines(
    credits: &[Credit],
    measure: &dyn TextMeasure,
    size: f32,
    width: f32,
    max_lines: usize,
) -> Vec<String> {
    if credits.is_empty() {
        return Vec::new();
    }
    let texts: Vec<String> = credits.iter().map(Credit::text).collect();
    let text_with = |shown: usize| {
        let listed = texts[..shown].join("; ");
        match (shown, texts.len() - shown) {
            (_, 0) => format!("Sources: {listed}"),
            (0, left) => format!("Sources: {left} articles (too many to list here)"),
            (_, left) => format!("Sources: {listed}; and {left} more"),
        }
    };
    let all = wrap(&text_with(texts.len()), measure, size, width);
    if all.len() <= max_lines {
        return all;
    }
    // The number of lines grows with the number shown: find the most that fit by bisection.
    let (mut fits, mut too_many) = (0, texts.len());
    while too_many - fits > 1 {
        let middle = (fits + too_many) / 2;
        if wrap(&text_with(middle), measure, size, width).len() <= max_lines {
            fits = middle;
        } else {
            too_many = middle;
        }
    }
    let mut lines = wrap(&text_with(fits), measure, size, width);
    lines.truncate(max_lines);
    lines
}

/// Greedy word wrap; a word longer than a line gets a line of its own (cut when drawn).
pub fn wrap(text: &str, measure: &dyn TextMeasure, size: f32, width: f32) -> Vec<String> {
    let space = measure.char_width(' ', size, FontStyle::Regular);
    let mut lines = Vec::new();
    let mut line = String::new();
    let mut line_width = 0.0;
    for word in text.split_whitespace() {
        let word_width = measure.text_width(word, size, FontStyle::Regular);
        if line.is_empty() {
            line.push_str(word);
            line_width = word_width;
        } else if line_width + space + word_width <= width {
            line.push(' ');
            line.push_str(word);
            line_width += space + word_width;
        } else {
            lines.push(std::mem::take(&mut line));
            line.push_str(word);
            line_width = word_width;
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::explore::lanes::LaneMode;
    use crate::filter::Filter;
    use crate::model::article_set::ArticleSet;
    use crate::model::dataset::Dataset;
    use crate::timeline::text_measure::FixedWidthMeasure;

    fn date(text: &str) -> PartialDate {
        PartialDate::parse(text).expect("valid date")
    }

    fn explorer_of(json: &str) -> Explorer {
        let set: ArticleSet = serde_json::from_str(json).expect("valid set");
        let dataset = Dataset::from_article_set("test.json", set);
        Explorer::new(dataset, Filter::default(), LaneMode::Category, false)
    }

    fn view(from: &str, to: &str) -> TimeView {
        TimeView::from_range(date(from).start_days(), date(to).end_days())
    }

    const SET: &str = r#"{
        "format": "chronoscope-article-set", "version": 1, "title": "t",
        "sources": [
            {"id": "s1", "outlet": "Outlet B", "title": "a", "published": "2022-03-20"},
            {"id": "s2", "outlet": "Outlet A", "title": "b", "published": "2022-03-20"},
            {"id": "s3", "outlet": "Outlet C", "title": "c", "published": "2022-01-05"},
            {"id": "s4", "outlet": "Outlet D", "title": "d", "published": "2023-06-01"},
            {"id": "s5", "outlet": "Outlet A", "title": "e", "published": "2022-03-20"}
        ],
        "events": [
            {"id": "e1", "date": "2022-03-29", "title": "Talks", "category": "diplomacy", "summary": "", "sources": ["s1", "s2", "s5"]},
            {"id": "e2", "date": "2022-01", "title": "Build-up", "category": "military", "summary": "", "sources": ["s3"]},
            {"id": "e3", "date": "2023-06-01", "title": "Later", "category": "politics", "summary": "", "sources": ["s4"]}
        ]
    }"#;

    #[test]
    fn credits_are_the_sources_of_events_in_the_range_by_date_then_outlet() {
        let explorer = explorer_of(SET);
        let credits = credits_of(&explorer, view("2022-01-20", "2022-04-30"));
        let texts: Vec<String> = credits.iter().map(Credit::text).collect();
        // e2 is a month-precision event: January 2022 overlaps a range from the 20th.
        assert_eq!(
            texts,
            [
                "Outlet C, 5 Jan 2022",
                "Outlet A, 20 Mar 2022",
                "Outlet B, 20 Mar 2022"
            ]
        );
        let later = credits_of(&explorer, view("2023", "2023"));
        assert_eq!(
            later.iter().map(Credit::text).collect::<Vec<_>>(),
            ["Outlet D, 1 Jun 2023"]
        );
        assert!(credits_of(&explorer, view("2021", "2021")).is_empty());
    }

    #[test]
    fn credits_leave_out_events_the_filter_hides() {
        let mut explorer = explorer_of(SET);
        let mut filter = Filter::default();
        filter
            .hidden_categories
            .insert(crate::model::category::Category::Military);
        explorer.update(&filter, LaneMode::Category, false);
        let credits = credits_of(&explorer, view("2022", "2022"));
        assert!(credits.iter().all(|c| c.outlet != "Outlet C"));
        assert_eq!(credits.len(), 2);
    }

    #[test]
    fn long_credits_wrap_and_never_exceed_their_lines() {
        let measure = FixedWidthMeasure { em_fraction: 0.5 };
        let credits: Vec<Credit> = (1..=40)
            .map(|day| Credit {
                outlet: format!("Outlet {day}"),
                published: date(&format!("2022-03-{:02}", day.min(28))),
            })
            .collect();
        let all = credit_lines(&credits, &measure, 10.0, 300.0, 100);
        assert!(all.len() > 3);
        assert!(
            all.iter()
                .all(|l| measure.text_width(l, 10.0, FontStyle::Regular) <= 300.0)
        );
        assert!(all[0].starts_with("Sources: Outlet 1, 1 Mar 2022; Outlet 2"));
        let capped = credit_lines(&credits, &measure, 10.0, 300.0, 3);
        assert_eq!(capped.len(), 3);
        let last = capped.last().expect("three lines");
        assert!(last.ends_with(" more"), "{last}");
    }

    #[test]
    fn text_grows_with_the_picture() {
        assert_eq!(text_scale_for(1280.0, 720.0), 1.0);
        assert_eq!(text_scale_for(1920.0, 1080.0), 1.5);
        assert_eq!(text_scale_for(100.0, 100.0), 0.75);
        assert_eq!(text_scale_for(20_000.0, 20_000.0), 4.0);
    }

    #[test]
    fn the_slide_keeps_every_text_inside_and_apart() {
        let explorer = explorer_of(SET);
        let palette = Palette::for_theme(crate::timeline::palette::Theme::Light);
        let slide = layout_slide(
            &SlideInput {
                explorer: &explorer,
                lanes: &explorer.lanes,
                view: view("2022-01", "2022-04"),
                width_points: 800.0,
                height_points: 450.0,
                palette: &palette,
                title: Some("A title"),
                subtitle: Some("A subtitle"),
                legend: true,
                credits: true,
                keep_empty_lanes: false,
                publication_lag: false,
            },
            &FixedWidthMeasure::default(),
        );
        let picture = Rect::from_x_y_ranges(0.0, 800.0, 0.0, 450.0);
        let rects = &slide.scene.label_rects;
        for (i, a) in rects.iter().enumerate() {
            assert!(picture.contains(a.min) && picture.contains(a.max), "{a:?}");
            for b in &rects[i + 1..] {
                assert!(!a.intersects(b), "{a:?} overlaps {b:?}");
            }
        }
        assert_eq!(slide.credit_lines.len(), 1);
        assert!(slide.timeline_canvas.min.y > 40.0);
    }
}
