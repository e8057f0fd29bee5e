//! Export image, Copy image and presentation mode, driven through the window with scripted file
//! dialogs (egui_kittest, no GPU or display needed).

mod common;

use common::{harness_answering, scratch_dir};

use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable as _;

fn png_size(path: &std::path::Path) -> (u32, u32) {
    let bytes = std::fs::read(path).expect("picture written");
    assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n", "not a PNG");
    // IHDR: width and height are the first two big-endian u32 of the first chunk's data.
    let width = u32::from_be_bytes([bytes[16], bytes[17], bytes[18], bytes[19]]);
    let height = u32::from_be_bytes([bytes[20], bytes[21], bytes[22], bytes[23]]);
    (width, height)
}

#[test]
fn ctrl_e_exports_a_titled_png_of_the_current_view() {
    let dir = scratch_dir("png");
    let out = dir.join("road.png");
    let mut harness = harness_answering(vec![vec![out.clone()]]);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::E);
    harness.run();
    harness.get_by_label("Title").click();
    harness
        .get_by_label("Title")
        .type_text("The road to Istanbul");
    harness.run();
    harness.get_by_label_contains("Export…").click();
    harness.run();
    assert_eq!(png_size(&out), (1920, 1080));
    let texts = harness.state().notifications().texts().join("\n");
    assert!(texts.contains("Exported a 1920×1080 PNG"), "{texts}");
}

#[test]
fn an_svg_name_gives_an_svg_picture() {
    let dir = scratch_dir("svg");
    let out = dir.join("picture.svg");
    let mut harness = harness_answering(vec![vec![out.clone()]]);
    harness.get_by_label("Export image…").click();
    harness.run();
    harness.get_by_label_contains("Export…").click();
    harness.run();
    let svg = std::fs::read_to_string(&out).expect("svg written");
    assert!(
        svg.starts_with("<svg") || svg.starts_with("<?xml"),
        "{}",
        &svg[..40]
    );
    assert!(svg.contains("Sources: "), "credits are in the picture");
}

#[test]
fn copy_image_puts_a_picture_of_the_view_on_the_clipboard() {
    let mut harness = harness_answering(Vec::new());
    // Modifiers and key in one frame, so that frame's output holds the copy.
    let modifiers = Modifiers::COMMAND | Modifiers::SHIFT;
    harness
        .input_mut()
        .events
        .push(egui::Event::ModifiersChanged(modifiers));
    harness.input_mut().events.push(egui::Event::Key {
        key: Key::C,
        pressed: true,
        modifiers,
        repeat: false,
        physical_key: None,
    });
    harness.step();
    let copied: Vec<[usize; 2]> = harness
        .output()
        .platform_output
        .commands
        .iter()
        .filter_map(|command| match command {
            egui::OutputCommand::CopyImage(image) => Some(image.size),
            _ => None,
        })
        .collect();
    assert_eq!(copied, vec![[1920, 1080]]);
}

#[test]
fn f11_presents_only_the_timeline_and_esc_leaves() {
    let mut harness = harness_answering(Vec::new());
    assert!(harness.query_by_label("Sources").is_some());
    harness.key_press(Key::F11);
    harness.run();
    assert!(harness.state().is_presenting());
    assert!(
        harness.query_by_label("Sources").is_none(),
        "panels are hidden"
    );
    harness.get_by_label("Timeline");
    harness.key_press(Key::Escape);
    harness.run();
    assert!(!harness.state().is_presenting());
    assert!(harness.query_by_label("Sources").is_some());
}
