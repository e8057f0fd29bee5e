//! Native file dialogs behind a small trait: the window asks, the answer arrives on a later frame
//! (the window keeps repainting while a dialog is open), and tests answer with fixture paths.

use std::collections::VecDeque;
use std::path::PathBuf;
use std::sync::mpsc;

/// What a dialog is for; decides its title, filters and what happens with the answer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DialogPurpose {
    /// Replace what is loaded by one or more files.
    Open,
    /// Merge one or more files into what is loaded.
    Add,
    /// A news article as plain text or a saved web page (several chosen: imported as one set).
    ImportArticle,
    /// A folder of news articles, imported as one set.
    ImportArticleFolder,
    /// Where to save the loaded dataset as an article set.
    SaveAs,
    /// Where to write an exported picture.
    ExportImage,
}

impl DialogPurpose {
    pub fn title(self) -> &'static str {
        match self {
            DialogPurpose::Open => "Open article sets",
            DialogPurpose::Add => "Add article sets",
            DialogPurpose::ImportArticle => "Import article text",
            DialogPurpose::ImportArticleFolder => "Import articles from folder",
            DialogPurpose::SaveAs => "Save article set as",
            DialogPurpose::ExportImage => "Export image",
        }
    }

    /// Whether the dialog picks a file to write (a save dialog) rather than files to read.
    pub fn is_save(self) -> bool {
        matches!(self, DialogPurpose::SaveAs | DialogPurpose::ExportImage)
    }

    /// (filter name, extensions) offered by the dialog; "All files" is always offered too.
    pub fn filters(self) -> &'static [(&'static str, &'static [&'static str])] {
        match self {
            DialogPurpose::Open | DialogPurpose::Add => &[
                ("Article sets, TimelineJS and CSV", &["json", "csv", "txt"]),
                ("JSON", &["json"]),
                ("CSV", &["csv"]),
            ],
            DialogPurpose::ImportArticle => &[
                (
                    "Articles: text and web pages",
                    &["txt", "text", "md", "html", "htm"],
                ),
                ("Plain text", &["txt", "text", "md"]),
                ("Saved web pages", &["html", "htm"]),
            ],
            DialogPurpose::ImportArticleFolder => &[],
            DialogPurpose::SaveAs => &[("Article set", &["json"])],
            DialogPurpose::ExportImage => &[("PNG image", &["png"]), ("SVG image", &["svg"])],
        }
    }
}

/// A dialog to show.
#[derive(Clone, Debug, PartialEq)]
pub struct DialogRequest {
    pub purpose: DialogPurpose,
    /// For save dialogs: the file name proposed.
    pub suggested_name: Option<String>,
    /// The folder the dialog starts in.
    pub directory: Option<PathBuf>,
}

/// The user's answer: the chosen paths, empty when the dialog was cancelled.
#[derive(Clone, Debug, PartialEq)]
pub struct DialogAnswer {
    pub purpose: DialogPurpose,
    pub paths: Vec<PathBuf>,
}

/// Shows file dialogs without blocking the frame.
pub trait FileDialogs {
    /// Opens a dialog; its answer comes from [`FileDialogs::poll_answer`] on a later frame.
    fn show(&mut self, request: DialogRequest, ctx: &egui::Context);
    /// The answer of a dialog that has closed, if any.
    fn poll_answer(&mut self) -> Option<DialogAnswer>;
    /// Whether a dialog is open.
    fn is_open(&self) -> bool;
}

/// The desktop's dialogs through rfd (the XDG portal, or zenity where no portal runs), each run
/// on its own thread so the window keeps painting.
#[derive(Default)]
pub struct NativeFileDialogs {
    pending: Option<mpsc::Receiver<DialogAnswer>>,
}

impl FileDialogs for NativeFileDialogs {
    fn show(&mut self, request: DialogRequest, ctx: &egui::Context) {
        if self.pending.is_some() {
            return;
        }
        let (sender, receiver) = mpsc::channel();
        let ctx = ctx.clone();
        let spawned = std::thread::Builder::new()
            .name("file dialog".to_owned())
            .spawn(move || {
                let paths = run_native_dialog(&request);
                let _ = sender.send(DialogAnswer {
                    purpose: request.purpose,
                    paths,
                });
                ctx.request_repaint();
            });
        if spawned.is_ok() {
            self.pending = Some(receiver);
        }
    }

    fn poll_answer(&mut self) -> Option<DialogAnswer> {
        let receiver = self.pending.as_ref()?;
        match receiver.try_recv() {
            Ok(answer) => {
                self.pending = None;
                Some(answer)
            }
            Err(mpsc::TryRecvError::Empty) => None,
            Err(mpsc::TryRecvError::Disconnected) => {
                self.pending = None;
                None
            }
        }
    }

    fn is_open(&self) -> bool {
        self.pending.is_some()
    }
}

fn run_native_dialog(request: &DialogRequest) -> Vec<PathBuf> {
    let mut dialog = rfd::FileDialog::new().set_title(request.purpose.title());
    for (name, extensions) in request.purpose.filters() {
        dialog = dialog.add_filter(*name, extensions);
    }
    dialog = dialog.add_filter("All files", &["*"]);
    if let Some(directory) = &request.directory {
        dialog = dialog.set_directory(directory);
    }
    if let Some(name) = &request.suggested_name {
        dialog = dialog.set_file_name(name);
    }
    match request.purpose {
        DialogPurpose::SaveAs | DialogPurpose::ExportImage => {
            dialog.save_file().into_iter().collect()
        }
        DialogPurpose::ImportArticle => dialog.pick_files().unwrap_or_default(),
        DialogPurpose::ImportArticleFolder => dialog.pick_folder().into_iter().collect(),
        DialogPurpose::Open | DialogPurpose::Add => dialog.pick_files().unwrap_or_default(),
    }
}

/// Dialogs answered from a script, for tests: each dialog takes the next answer (or is
/// cancelled when none is left) and the requests are recorded.
#[derive(Debug, Default)]
pub struct ScriptedFileDialogs {
    answers: VecDeque<Vec<PathBuf>>,
    open: Option<DialogAnswer>,
    /// Every request shown, oldest first.
    pub requests: Vec<DialogRequest>,
}

impl ScriptedFileDialogs {
    /// Dialogs that answer `answers` in order.
    pub fn answering<I: IntoIterator<Item = Vec<PathBuf>>>(answers: I) -> Self {
        Self {
            answers: answers.into_iter().collect(),
            ..Self::default()
        }
    }
}

impl FileDialogs for ScriptedFileDialogs {
    fn show(&mut self, request: DialogRequest, _ctx: &egui::Context) {
        let paths = self.answers.pop_front().unwrap_or_default();
        self.open = Some(DialogAnswer {
            purpose: request.purpose,
            paths,
        });
        self.requests.push(request);
    }

    fn poll_answer(&mut self) -> Option<DialogAnswer> {
        self.open.take()
    }

    fn is_open(&self) -> bool {
        self.open.is_some()
    }
}
