//! The layers go one way (see `src/lib.rs`): no module uses a module of a layer above its own,
//! and nothing but the binary uses the command line module.

use std::path::{Path, PathBuf};

/// Each top-level module of the library with its layer, lowest first.
const LAYERS: &[(&str, usize)] = &[
    ("parallel", 0),
    ("model", 1),
    ("import", 2),
    ("article_import", 2),
    ("synthetic", 2),
    ("loading", 3),
    ("builtin", 3),
    ("checks", 4),
    ("filter", 5),
    ("explorer", 5),
    ("explore", 5),
    ("timeline", 6),
    ("export", 7),
    ("ui", 8),
    ("app", 8),
    ("bench", 8),
    ("bench_operations", 8),
    ("cli", 9),
];

fn layer_of(module: &str) -> Option<usize> {
    LAYERS
        .iter()
        .find(|(name, _)| *name == module)
        .map(|&(_, layer)| layer)
}

fn rust_files(dir: &Path, files: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, files);
        } else if path.extension().is_some_and(|ext| ext == "rs") {
            files.push(path);
        }
    }
}

/// The top-level module a source file belongs to (`src/model/dataset.rs` → `model`).
fn module_of(src: &Path, file: &Path) -> Option<String> {
    let relative = file.strip_prefix(src).ok()?;
    let first = relative.components().next()?.as_os_str().to_str()?;
    Some(first.trim_end_matches(".rs").to_owned())
}

/// Every `crate::NAME` a text mentions (in `use` lines and paths alike).
fn crate_modules(text: &str) -> Vec<(usize, String)> {
    let mut found = Vec::new();
    for (line_index, line) in text.lines().enumerate() {
        let code = line.split("//").next().unwrap_or("");
        let mut rest = code;
        while let Some(at) = rest.find("crate::") {
            let after = &rest[at + "crate::".len()..];
            let name: String = after
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            if !name.is_empty() {
                found.push((line_index + 1, name));
            }
            rest = after;
        }
    }
    found
}

#[test]
fn no_module_uses_a_layer_above_its_own() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    files.sort();
    assert!(files.len() > 50, "the sources were not found in {src:?}");
    let mut wrong = Vec::new();
    for file in &files {
        let Some(module) = module_of(&src, file) else {
            continue;
        };
        if module == "lib" || module == "main" {
            continue;
        }
        let Some(own_layer) = layer_of(&module) else {
            wrong.push(format!("{}: module {module} has no layer", file.display()));
            continue;
        };
        let text = std::fs::read_to_string(file).unwrap_or_default();
        for (line, used) in crate_modules(&text) {
            match layer_of(&used) {
                Some(layer) if layer <= own_layer => {}
                Some(_) => wrong.push(format!(
                    "{}:{line}: {module} uses crate::{used}, a layer above it",
                    file.display()
                )),
                None => wrong.push(format!(
                    "{}:{line}: crate::{used} has no layer",
                    file.display()
                )),
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn the_layer_check_sees_a_use_that_goes_back_up() {
    let text = "use crate::model::Dataset;\nfn f() { crate::cli::run(); } // crate::app\n";
    assert_eq!(
        crate_modules(text),
        [(1, "model".to_owned()), (2, "cli".to_owned())]
    );
    assert!(layer_of("cli") > layer_of("loading"));
}

#[test]
fn every_module_of_the_library_has_a_layer() {
    let lib = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("src/lib.rs"))
        .expect("src/lib.rs");
    for line in lib.lines() {
        if let Some(module) = line
            .trim()
            .strip_prefix("pub mod ")
            .and_then(|rest| rest.strip_suffix(';'))
        {
            assert!(layer_of(module).is_some(), "{module} has no layer");
        }
    }
}
