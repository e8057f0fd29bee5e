//! Pictures made by `export::render` and `chronoscope render`: stored pictures, XML validity,
//! labels inside and apart, source credits, every CLI option, determinism, no display needed.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use chronoscope::builtin::builtin_dataset;
use chronoscope::explore::lanes::LaneMode;
use chronoscope::explore::time_view::TimeView;
use chronoscope::explorer::Explorer;
use chronoscope::export::png::{RgbaImage, decode_png};
use chronoscope::export::slide::{Credit, credits_of};
use chronoscope::export::{
    ImageFormat, RenderOptions, layout_picture, render, render_rgba, view_between,
};
use chronoscope::filter::Filter;
use chronoscope::loading::import_file;
use chronoscope::model::dataset::Dataset;
use chronoscope::model::date::PartialDate;
use chronoscope::timeline::palette::{Palette, Theme};
use chronoscope::timeline::scene::{Rect, Shape};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/render")
        .join(name)
}

fn small_explorer(lane_mode: LaneMode) -> Explorer {
    let path = fixture("small_set.json");
    let imported = import_file(&path).expect("the fixture loads");
    let dataset = Dataset::from_article_set("small_set.json", imported.set);
    Explorer::new(dataset, Filter::default(), lane_mode, false)
}

fn builtin_explorer() -> Explorer {
    let dataset = builtin_dataset().expect("the built-in chronology loads");
    Explorer::new(dataset, Filter::default(), LaneMode::Category, false)
}

fn date(text: &str) -> PartialDate {
    PartialDate::parse(text).expect("a valid date")
}

fn view(from: &str, to: &str) -> TimeView {
    view_between(date(from), date(to)).expect("a range")
}

fn small_options() -> RenderOptions {
    RenderOptions {
        width_points: 800.0,
        height_points: 450.0,
        title: Some("Placeholder title".to_owned()),
        subtitle: Some("Placeholder subtitle & more".to_owned()),
        ..Default::default()
    }
}

fn updating() -> bool {
    std::env::var_os("UPDATE_RENDERS").is_some_and(|v| v == "1")
}

/// Compares with the stored picture, allowing small antialiasing differences.
fn assert_matches_stored_png(name: &str, bytes: &[u8]) {
    let path = fixture(name);
    if updating() {
        std::fs::write(&path, bytes).expect("the stored picture is written");
        return;
    }
    let stored = std::fs::read(&path)
        .unwrap_or_else(|error| panic!("{}: {error} (run with UPDATE_RENDERS=1)", path.display()));
    let stored = decode_png(&stored).expect("the stored picture decodes");
    let made = decode_png(bytes).expect("the new picture decodes");
    assert_eq!((made.width, made.height), (stored.width, stored.height));
    let differing = made
        .pixels
        .chunks_exact(4)
        .zip(stored.pixels.chunks_exact(4))
        .filter(|(a, b)| a.iter().zip(*b).any(|(x, y)| x.abs_diff(*y) > 40))
        .count();
    let allowed = (made.width * made.height) as usize / 1000;
    assert!(
        differing <= allowed,
        "{name}: {differing} pixels differ (at most {allowed} may); UPDATE_RENDERS=1 rewrites it"
    );
}

fn assert_matches_stored_svg(name: &str, svg: &str) {
    let path = fixture(name);
    if updating() {
        std::fs::write(&path, svg).expect("the stored SVG is written");
        return;
    }
    let stored = std::fs::read_to_string(&path)
        .unwrap_or_else(|error| panic!("{}: {error} (run with UPDATE_RENDERS=1)", path.display()));
    assert!(
        stored == svg,
        "{name} differs; UPDATE_RENDERS=1 rewrites it"
    );
}

fn svg_texts(svg: &str) -> Vec<String> {
    let document = roxmltree::Document::parse(svg).expect("the SVG is XML");
    document
        .descendants()
        .filter(|node| node.has_tag_name("text"))
        .filter_map(|node| node.text().map(str::to_owned))
        .collect()
}

#[test]
fn the_small_set_renders_as_the_stored_png() {
    let explorer = small_explorer(LaneMode::Category);
    let png = render(
        &explorer,
        view("2030-01", "2030-03"),
        &small_options(),
        ImageFormat::Png,
    )
    .expect("renders");
    assert_matches_stored_png("small_light.png", &png);
}

#[test]
fn findings_and_the_publication_lag_render_as_the_stored_png() {
    use chronoscope::checks::findings_by_kind::FindingsByKind;
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/findings/marked_events.json");
    let imported = import_file(&path).expect("the fixture loads");
    let dataset = Dataset::from_article_set("marked_events.json", imported.set);
    let mut explorer = Explorer::new(dataset, Filter::default(), LaneMode::Category, false);
    let findings = FindingsByKind::of_dataset(&explorer.dataset);
    explorer.attach_findings(&findings.by_event);
    let options = RenderOptions {
        publication_lag: true,
        title: Some("Findings and publication lag".to_owned()),
        ..small_options()
    };
    let png = render(
        &explorer,
        view("2022-02-26", "2022-03-31"),
        &options,
        ImageFormat::Png,
    )
    .expect("renders");
    assert_matches_stored_png("findings_lag_light.png", &png);
}

#[test]
fn the_small_set_in_dark_actor_lanes_at_2x_renders_as_the_stored_png() {
    let explorer = small_explorer(LaneMode::Category);
    let options = RenderOptions {
        width_points: 640.0,
        height_points: 360.0,
        scale: 2.0,
        theme: Theme::Dark,
        lane_mode: LaneMode::Actor,
        ..small_options()
    };
    let png = render(
        &explorer,
        view("2030-01", "2030-03"),
        &options,
        ImageFormat::Png,
    )
    .expect("renders");
    assert_matches_stored_png("small_dark_actors_2x.png", &png);
}

#[test]
fn the_small_set_renders_as_the_stored_svg_exactly() {
    let explorer = small_explorer(LaneMode::Category);
    let svg = render(
        &explorer,
        view("2030-01", "2030-03"),
        &small_options(),
        ImageFormat::Svg,
    )
    .expect("renders");
    assert_matches_stored_svg("small_light.svg", &String::from_utf8(svg).expect("UTF-8"));
}

#[test]
fn the_svg_is_xml_with_escaped_text_and_no_timestamps() {
    let explorer = small_explorer(LaneMode::Category);
    let svg = render(
        &explorer,
        view("2030-01", "2030-03"),
        &small_options(),
        ImageFormat::Svg,
    )
    .expect("renders");
    let svg = String::from_utf8(svg).expect("UTF-8");
    let texts = svg_texts(&svg);
    assert!(
        texts.iter().any(|t| t == "Placeholder subtitle & more"),
        "{texts:?}"
    );
    assert!(
        texts
            .iter()
            .any(|t| t.contains("Exercise \"North\" & drills")),
        "{texts:?}"
    );
    assert!(
        texts
            .iter()
            .any(|t| t.contains("Test & Review <Weekly>, 20 Feb 2030")),
        "{texts:?}"
    );
    assert!(
        !svg.contains("2026") && !svg.contains("id="),
        "no dates of the run, no ids"
    );
}

#[test]
fn credits_list_exactly_the_sources_of_the_events_in_range() {
    let explorer = small_explorer(LaneMode::Category);
    let credits = credits_of(&explorer, view("2030-01", "2030-03"));
    let texts: Vec<String> = credits.iter().map(Credit::text).collect();
    assert_eq!(
        texts,
        [
            "Example Gazette, 10 Jan 2030",
            "Sample Wire, 10 Jan 2030",
            "Test & Review <Weekly>, 20 Feb 2030",
            "Example Gazette, Mar 2030",
        ]
    );
    let slide =
        layout_picture(&explorer, view("2030-01", "2030-03"), &small_options()).expect("lays out");
    let footer = slide.credit_lines.join(" ");
    assert_eq!(footer, format!("Sources: {}", texts.join("; ")));

    let later = credits_of(&explorer, view("2031-06-01", "2031-06-01"));
    assert_eq!(
        later.iter().map(Credit::text).collect::<Vec<_>>(),
        ["Far Future Post, 1 Jun 2031"]
    );
    assert!(credits_of(&explorer, view("2029", "2029")).is_empty());
}

/// Every label rectangle and every text's bounds lie inside the picture, and no two labels overlap.
fn assert_labels_inside_and_apart(explorer: &Explorer, view: TimeView, options: &RenderOptions) {
    let slide = layout_picture(explorer, view, options).expect("lays out");
    let picture = Rect::from_x_y_ranges(0.0, options.width_points, 0.0, options.height_points);
    let context = format!("{options:?} {view:?}");
    let rects = &slide.scene.label_rects;
    assert!(rects.len() > 5, "{context}: only {} labels", rects.len());
    for (index, a) in rects.iter().enumerate() {
        assert!(
            picture.contains(a.min) && picture.contains(a.max),
            "{context}: label {a:?} leaves the picture"
        );
        for b in &rects[index + 1..] {
            assert!(!a.intersects(b), "{context}: {a:?} overlaps {b:?}");
        }
    }
    for shape in &slide.scene.shapes {
        if let Shape::Text { bounds, text, .. } = shape {
            assert!(
                picture.contains(bounds.min) && picture.contains(bounds.max),
                "{context}: {text:?} at {bounds:?} leaves the picture"
            );
            assert!(
                rects.contains(bounds),
                "{context}: {text:?} has no label rectangle"
            );
        }
    }
}

#[test]
fn labels_of_the_built_in_chronology_stay_inside_and_never_overlap() {
    let explorer = builtin_explorer();
    let views = [
        view("2014", "2015-02"),
        view("2022-02-01", "2022-04-30"),
        view("2023", "2025"),
        explorer.fit_all_view(),
    ];
    let sizes = [
        (1920.0, 1080.0),
        (1280.0, 720.0),
        (800.0, 600.0),
        (3840.0, 2160.0),
        (600.0, 1000.0),
        (1600.0, 300.0),
    ];
    for view in views {
        for (width, height) in sizes {
            for lane_mode in LaneMode::ALL {
                let options = RenderOptions {
                    width_points: width,
                    height_points: height,
                    title: Some("A title that is long enough to need some room".to_owned()),
                    subtitle: Some("Subtitle".to_owned()),
                    lane_mode,
                    ..Default::default()
                };
                assert_labels_inside_and_apart(&explorer, view, &options);
            }
        }
    }
}

#[test]
fn the_picture_uses_the_same_timeline_layout_as_the_window() {
    use chronoscope::export::fonts::ExportTextMeasure;
    use chronoscope::timeline::layout::{LayoutOptions, TimelineLayoutInput, layout_timeline};
    let explorer = builtin_explorer();
    let view = view("2022-02-01", "2022-04-30");
    let options = RenderOptions::default();
    let slide = layout_picture(&explorer, view, &options).expect("lays out");
    let palette = Palette::for_theme(options.theme);
    let window_layout = layout_timeline(
        &TimelineLayoutInput {
            dataset: &explorer.dataset,
            lanes: &explorer.lanes,
            axis_map: &explorer.axis_map,
            view,
            canvas: slide.timeline_canvas,
            palette: &palette,
            selected_event: None,
            hovered_event: None,
            event_findings: None,
            options: LayoutOptions {
                text_scale: slide.text_scale,
                show_legend: true,
                omit_empty_lanes: true,
                ..LayoutOptions::default()
            },
        },
        &ExportTextMeasure::new(),
    );
    for shape in &window_layout.scene.shapes {
        assert!(slide.scene.shapes.contains(shape), "{shape:?} is missing");
    }
}

#[test]
fn rendering_twice_gives_the_same_bytes() {
    let explorer = builtin_explorer();
    let view = view("2022-02-01", "2022-04-30");
    for format in [ImageFormat::Png, ImageFormat::Svg] {
        let first = render(&explorer, view, &RenderOptions::default(), format).expect("renders");
        let second = render(&explorer, view, &RenderOptions::default(), format).expect("renders");
        assert!(first == second, "{format:?} differs between runs");
    }
}

#[test]
fn raw_pixels_have_the_scaled_size_and_the_theme_background() {
    let explorer = small_explorer(LaneMode::Category);
    let options = RenderOptions {
        width_points: 300.0,
        height_points: 200.0,
        scale: 2.0,
        theme: Theme::Contrast,
        ..Default::default()
    };
    let RgbaImage {
        width,
        height,
        pixels,
    } = render_rgba(&explorer, view("2030-01", "2030-03"), &options).expect("renders");
    assert_eq!((width, height), (600, 400));
    assert_eq!(pixels.len(), 600 * 400 * 4);
    let background = Palette::for_theme(Theme::Contrast).background;
    // The top right corner: above the legend, right of the title.
    let corner = &pixels[(600 - 1) * 4..600 * 4];
    assert_eq!(corner, [background.r, background.g, background.b, 255]);
}

// ---- the command line -------------------------------------------------------------------

fn out_path(name: &str) -> PathBuf {
    Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("render_tests_{name}"))
}

/// Runs the binary with an empty environment: no DISPLAY, no WAYLAND_DISPLAY, no HOME.
fn chronoscope(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_chronoscope"))
        .arg("render")
        .args(args)
        .env_clear()
        .output()
        .expect("the binary runs")
}

fn small_args<'a>(out: &'a str, extra: &[&'a str]) -> Vec<&'a str> {
    let mut args = vec![
        "--no-builtin",
        "--width",
        "800",
        "--height",
        "450",
        "--out",
        out,
    ];
    args.extend_from_slice(extra);
    args
}

fn fixture_str() -> String {
    fixture("small_set.json").display().to_string()
}

/// Renders the small set to SVG with `extra` options; returns the SVG's texts.
fn cli_svg_texts(name: &str, extra: &[&str]) -> Vec<String> {
    let out = out_path(name);
    let out_text = out.display().to_string();
    let set = fixture_str();
    let mut args = small_args(&out_text, extra);
    args.push(&set);
    let output = chronoscope(&args);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    svg_texts(&std::fs::read_to_string(&out).expect("the SVG was written"))
}

fn png_of(path: &Path) -> RgbaImage {
    decode_png(&std::fs::read(path).expect("the PNG was written")).expect("a PNG")
}

/// In the right margin, above the legend: always the picture's background.
fn top_right_pixel(image: &RgbaImage) -> [u8; 4] {
    let start = (image.width as usize - 1) * 4;
    let mut pixel = [0; 4];
    pixel.copy_from_slice(&image.pixels[start..start + 4]);
    pixel
}

#[test]
fn the_cli_writes_the_same_png_twice_without_a_display() {
    let set = fixture_str();
    let mut outputs = Vec::new();
    for name in ["twice_a.png", "twice_b.png"] {
        let out = out_path(name);
        let out_text = out.display().to_string();
        let mut args = small_args(&out_text, &["--from", "2030-01", "--to", "2030-03"]);
        args.push(&set);
        let output = chronoscope(&args);
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        outputs.push(std::fs::read(&out).expect("written"));
    }
    assert!(outputs[0] == outputs[1], "two runs gave different bytes");
    let image = decode_png(&outputs[0]).expect("a PNG");
    assert_eq!((image.width, image.height), (800, 450));
}

#[test]
fn the_cli_picks_svg_from_the_extension_and_draws_title_and_subtitle() {
    let texts = cli_svg_texts(
        "titles.svg",
        &["--title", "Title <&>", "--subtitle", "Sub \"title\""],
    );
    assert!(texts.iter().any(|t| t == "Title <&>"), "{texts:?}");
    assert!(texts.iter().any(|t| t == "Sub \"title\""), "{texts:?}");
}

#[test]
fn the_cli_width_height_and_scale_set_the_pixel_size() {
    let set = fixture_str();
    let out = out_path("size.png");
    let out_text = out.display().to_string();
    let output = chronoscope(&[
        "--no-builtin",
        "--width",
        "640",
        "--height",
        "360",
        "--scale",
        "2",
        "--out",
        &out_text,
        &set,
    ]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let image = png_of(&out);
    assert_eq!((image.width, image.height), (1280, 720));
}

#[test]
fn the_cli_defaults_to_1920_by_1080_light() {
    let set = fixture_str();
    let out = out_path("default.png");
    let out_text = out.display().to_string();
    let output = chronoscope(&["--no-builtin", "--out", &out_text, &set]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let image = png_of(&out);
    assert_eq!((image.width, image.height), (1920, 1080));
    let light = Palette::for_theme(Theme::Light).background;
    assert_eq!(top_right_pixel(&image), [light.r, light.g, light.b, 255]);
}

#[test]
fn the_cli_theme_sets_the_background() {
    let set = fixture_str();
    for (name, theme) in [
        ("dark", Theme::Dark),
        ("contrast", Theme::Contrast),
        ("light", Theme::Light),
    ] {
        let out = out_path(&format!("theme_{name}.png"));
        let out_text = out.display().to_string();
        let mut args = small_args(&out_text, &["--theme", name]);
        args.push(&set);
        let output = chronoscope(&args);
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        let background = Palette::for_theme(theme).background;
        assert_eq!(
            top_right_pixel(&png_of(&out)),
            [background.r, background.g, background.b, 255],
            "{name}"
        );
    }
}

#[test]
fn the_cli_leaves_out_the_legend_and_the_credits_when_asked() {
    let all = cli_svg_texts("with_all.svg", &[]);
    assert!(all.iter().any(|t| t == "approximate date"), "{all:?}");
    assert!(all.iter().any(|t| t.starts_with("Sources: ")), "{all:?}");
    let no_legend = cli_svg_texts("no_legend.svg", &["--no-legend"]);
    assert!(!no_legend.iter().any(|t| t == "approximate date"));
    assert!(no_legend.iter().any(|t| t.starts_with("Sources: ")));
    let no_credits = cli_svg_texts("no_credits.svg", &["--no-credits"]);
    assert!(!no_credits.iter().any(|t| t.starts_with("Sources")));
    assert!(no_credits.iter().any(|t| t == "approximate date"));
}

#[test]
fn the_cli_lanes_option_splits_by_actor_or_source() {
    let by_category = cli_svg_texts(
        "lanes_category.svg",
        &["--no-credits", "--lanes", "category"],
    );
    assert!(by_category.iter().any(|t| t == "Diplomacy"));
    assert!(!by_category.iter().any(|t| t == "Party A"));
    let by_actor = cli_svg_texts("lanes_actor.svg", &["--no-credits", "--lanes", "actor"]);
    assert!(by_actor.iter().any(|t| t == "Party A"), "{by_actor:?}");
    let by_source = cli_svg_texts("lanes_source.svg", &["--no-credits", "--lanes", "source"]);
    assert!(
        by_source.iter().any(|t| t.starts_with("Sample Wire")),
        "{by_source:?}"
    );
    assert!(!by_source.iter().any(|t| t == "Party A"));
}

#[test]
fn the_cli_from_and_to_take_years_months_and_days_and_include_the_last() {
    let credits = |texts: Vec<String>| -> String {
        texts
            .into_iter()
            .filter(|t| t.starts_with("Sources"))
            .collect()
    };
    let late = credits(cli_svg_texts(
        "late.svg",
        &["--from", "2031", "--to", "2031-06-01"],
    ));
    assert_eq!(late, "Sources: Far Future Post, 1 Jun 2031");
    let january = credits(cli_svg_texts(
        "january.svg",
        &["--from", "2030-01-01", "--to", "2030-01"],
    ));
    assert_eq!(
        january,
        "Sources: Example Gazette, 10 Jan 2030; Sample Wire, 10 Jan 2030"
    );
    // Without a range the picture shows every event.
    let everything = credits(cli_svg_texts("everything.svg", &[]));
    assert!(everything.contains("Sample Wire") && everything.contains("Far Future Post"));
}

#[test]
fn the_cli_draws_files_next_to_the_built_in_chronology() {
    let out = out_path("builtin.svg");
    let out_text = out.display().to_string();
    let set = fixture_str();
    let output = chronoscope(&[
        "--from",
        "2022-02-01",
        "--to",
        "2031-12",
        "--out",
        &out_text,
        &set,
    ]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let texts = svg_texts(&std::fs::read_to_string(&out).expect("written"));
    let footer: String = texts
        .iter()
        .filter(|t| !t.is_empty())
        .cloned()
        .collect::<Vec<_>>()
        .join(" ");
    assert!(footer.contains("Middle East Eye"), "{footer}");
    assert!(footer.contains("Far Future Post"), "{footer}");
}

#[test]
fn cli_mistakes_are_reported_without_panicking() {
    let set = fixture_str();
    let out = out_path("mistake.png");
    let out_text = out.display().to_string();
    let missing = fixture("no_such_file.json").display().to_string();
    let _ = std::fs::remove_file(&out);
    let cases: Vec<(Vec<&str>, &str)> = vec![
        (
            vec![
                "--no-builtin",
                "--from",
                "2030-13",
                "--out",
                &out_text,
                &set,
            ],
            "--from",
        ),
        (
            vec!["--no-builtin", "--to", "soon", "--out", &out_text, &set],
            "--to",
        ),
        (
            vec![
                "--no-builtin",
                "--from",
                "2030-03",
                "--to",
                "2030-01",
                "--out",
                &out_text,
                &set,
            ],
            "before",
        ),
        (
            vec!["--no-builtin", "--out", "picture.jpg", &set],
            ".png or .svg",
        ),
        (
            vec!["--no-builtin", "--out", &out_text, &missing],
            "no_such_file.json",
        ),
        (
            vec!["--no-builtin", "--scale", "0", "--out", &out_text, &set],
            "scale",
        ),
        (
            vec!["--no-builtin", "--width", "20", "--out", &out_text, &set],
            "at least",
        ),
        (
            vec![
                "--no-builtin",
                "--width",
                "9000",
                "--scale",
                "4",
                "--out",
                &out_text,
                &set,
            ],
            "pixels",
        ),
    ];
    for (args, expected) in cases {
        let output = chronoscope(&args);
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(1), "{args:?}: {stderr}");
        assert!(stderr.contains(expected), "{args:?}: {stderr}");
    }
    assert!(!out.exists(), "nothing is written when rendering fails");
}

#[test]
fn every_cluster_badge_inside_the_picture_shows_its_count() {
    let explorer = builtin_explorer();
    let palette = Palette::for_theme(Theme::Light);
    let options = RenderOptions::default();
    for view in [view("2023", "2025"), explorer.fit_all_view()] {
        let slide = layout_picture(&explorer, view, &options).expect("lays out");
        let canvas = slide.timeline_canvas;
        let badges: Vec<Rect> = slide
            .scene
            .shapes
            .iter()
            .filter_map(|shape| match shape {
                Shape::Rect { rect, fill, .. } if *fill == palette.cluster_fill => Some(*rect),
                _ => None,
            })
            .filter(|rect| rect.max.x < canvas.max.x - 1.0 && rect.min.x > canvas.min.x + 200.0)
            .collect();
        assert!(!badges.is_empty(), "{view:?}: no badge to check");
        for badge in badges {
            let labelled =
                slide.scene.shapes.iter().any(
                    |shape| matches!(shape, Shape::Text { pos, .. } if *pos == badge.center()),
                );
            assert!(labelled, "{view:?}: the badge at {badge:?} has no count");
        }
    }
}
