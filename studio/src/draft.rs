//! The draft's state machine (pure, tested natively): the editor's text, whether
//! it is kept in the browser's storage yet, a replacement waiting for the author's
//! consent, and the one notice shown in the status line. Every rule of opening,
//! replacing, saving and exporting lives here; hooks and callbacks only dispatch.

use std::rc::Rc;

use evidence_article::model::limits::{self, LimitError};

use crate::spans;

/// Whether the text is kept in the browser.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveState {
    /// The stored draft equals the text.
    Saved,
    /// Edited since the last write; a write is due.
    Pending,
    /// The browser refused to store it (the reason, for the status line).
    Failed(String),
}

/// Text waiting to replace a draft with changes not downloaded yet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Replacement {
    /// Where it came from ("article.json", "the seed article template").
    pub source: String,
    /// The new text.
    pub text: Rc<str>,
    /// Whether `source` is a file name (kept for the download).
    pub is_file: bool,
}

/// Tone of a notice.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    /// Something happened as asked.
    Info,
    /// Something was refused; nothing was lost.
    Refused,
}

/// The studio's draft.
#[derive(Debug, Clone, PartialEq)]
pub struct Draft {
    /// The editor's text.
    pub text: Rc<str>,
    /// Counts edits, so a storage write can be matched to the text it wrote.
    pub revision: u64,
    /// Storage state.
    pub save: SaveState,
    /// The text as last opened, started from or downloaded: edits past it would be
    /// lost by replacing the draft.
    pub baseline: Rc<str>,
    /// A replacement waiting for consent.
    pub pending: Option<Replacement>,
    /// The status line's message.
    pub notice: Option<(Tone, String)>,
    /// Name of the file last opened (used for the download).
    pub file_name: Option<String>,
}

/// What can happen to the draft.
#[derive(Debug, Clone, PartialEq)]
pub enum DraftAction {
    /// The author typed or pasted.
    Edit(Rc<str>),
    /// A file's text arrived (or a template was chosen): opened unless it is not
    /// JSON or too large; asks first when it would replace changes.
    Open {
        /// File name or template name.
        source: String,
        /// Whether `source` is a file name (kept for the download).
        is_file: bool,
        /// Its text.
        text: Rc<str>,
    },
    /// A file too large to read at all.
    OpenTooLarge {
        /// File name.
        source: String,
        /// Its size in bytes.
        bytes: usize,
    },
    /// The author agreed to replace the draft.
    ConfirmReplace,
    /// The author kept the draft.
    CancelReplace,
    /// The storage write of `revision` succeeded.
    Stored(u64),
    /// The storage write of `revision` failed.
    StoreFailed(u64, String),
    /// The JSON was downloaded: the baseline moves to the text.
    Exported,
    /// A message for the status line.
    Notice(Tone, String),
}

impl Draft {
    /// A draft restored from storage (or empty).
    pub fn restored(text: Option<String>) -> Self {
        let text: Rc<str> = text.unwrap_or_default().into();
        Draft {
            text,
            revision: 0,
            save: SaveState::Saved,
            baseline: "".into(),
            pending: None,
            notice: None,
            file_name: None,
        }
    }

    /// Whether closing the page now would lose text (not stored yet, or refused).
    pub fn would_lose_on_close(&self) -> bool {
        self.save != SaveState::Saved
    }

    /// Whether replacing the text would lose edits made since it was last opened
    /// or downloaded.
    pub fn has_unexported_changes(&self) -> bool {
        !self.text.trim().is_empty() && self.text != self.baseline
    }

    fn replace(&mut self, r: Replacement) {
        self.notice = Some((Tone::Info, format!("Opened {}.", r.source)));
        if r.is_file {
            self.file_name = Some(r.source);
        }
        self.baseline = r.text.clone();
        self.set_text(r.text);
        self.pending = None;
    }

    fn set_text(&mut self, text: Rc<str>) {
        if text != self.text {
            self.text = text;
            self.revision += 1;
            self.save = SaveState::Pending;
        }
    }

    /// Applies an action.
    pub fn reduce(mut self, action: DraftAction) -> Self {
        match action {
            DraftAction::Edit(text) => self.set_text(text),
            DraftAction::Open {
                source,
                is_file,
                text,
            } => {
                let refused = limits::check(&text)
                    .map_err(|e| e.to_string())
                    .and_then(|()| spans::scan(&text).map(drop).map_err(|e| e.to_string()));
                match refused {
                    Err(why) => {
                        self.notice = Some((
                            Tone::Refused,
                            format!("{source} was not opened: it is not an article in JSON ({why}). Your draft is unchanged."),
                        ));
                    }
                    Ok(()) => {
                        let r = Replacement {
                            source,
                            text,
                            is_file,
                        };
                        if self.has_unexported_changes() && r.text != self.text {
                            self.notice = None;
                            self.pending = Some(r);
                        } else {
                            self.replace(r);
                        }
                    }
                }
            }
            DraftAction::OpenTooLarge { source, bytes } => {
                self.notice = Some((
                    Tone::Refused,
                    format!(
                        "{source} was not opened: {} Your draft is unchanged.",
                        LimitError::TooLarge(bytes)
                    ),
                ));
            }
            DraftAction::ConfirmReplace => {
                if let Some(r) = self.pending.take() {
                    self.replace(r);
                }
            }
            DraftAction::CancelReplace => {
                if let Some(r) = self.pending.take() {
                    self.notice = Some((
                        Tone::Info,
                        format!("Kept your draft; {} was not opened.", r.source),
                    ));
                }
            }
            DraftAction::Stored(rev) => {
                if rev == self.revision {
                    self.save = SaveState::Saved;
                }
            }
            DraftAction::StoreFailed(rev, why) => {
                if rev == self.revision {
                    self.save = SaveState::Failed(why);
                }
            }
            DraftAction::Exported => {
                self.baseline = self.text.clone();
                self.notice = Some((Tone::Info, "Downloaded the JSON.".into()));
            }
            DraftAction::Notice(tone, message) => self.notice = Some((tone, message)),
        }
        self
    }
}
