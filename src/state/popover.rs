//! The popover state machine: which citation or term popover is open, whether it
//! was pinned (click, Enter, Space) or is a hover preview, and which hover delay is
//! running. One hook turns [`PendingHover`] into a timer that reports
//! [`PopoverAction::HoverElapsed`]; every rule lives here and is tested natively.

use super::focus::FocusTarget;
use super::WidgetState;

/// How long the pointer must rest on a marker before its preview opens, and how
/// long a hover preview survives after the pointer leaves (WCAG 1.4.13 hoverable).
pub const HOVER_MS: u32 = 300;

/// Which popover is open and how it was opened.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Popover {
    /// A citation popover for one reference, anchored at one marker occurrence.
    Cite {
        /// Citation number shown.
        number: usize,
        /// Marker occurrence it is anchored to.
        marker: usize,
        /// Opened by click/keys (stays) or by hover (closes when the pointer leaves).
        pinned: bool,
    },
    /// A glossary definition, anchored at one term occurrence.
    Term {
        /// Glossary index.
        entry: usize,
        /// Term occurrence it is anchored to.
        mark: usize,
    },
}

impl Popover {
    /// The element the popover is anchored to (focus returns there).
    pub fn anchor(self) -> FocusTarget {
        match self {
            Self::Cite { number, marker, .. } => FocusTarget::Marker {
                occurrence: marker,
                number,
            },
            Self::Term { mark, .. } => FocusTarget::Term(mark),
        }
    }

    /// A popover that stays until dismissed (pinned citation or term definition).
    pub fn is_pinned(self) -> bool {
        !matches!(self, Self::Cite { pinned: false, .. })
    }
}

/// What happens when the hover delay runs out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HoverIntent {
    /// Open a preview of this marker.
    Open {
        /// Citation number.
        number: usize,
        /// Marker occurrence.
        marker: usize,
    },
    /// Close the hover preview.
    Close,
}

/// A hover delay in progress. `generation` changes every time a delay (re)starts,
/// so the timer hook restarts its timer and a late report of an older timer is
/// ignored.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PendingHover {
    /// What to do when it elapses.
    pub intent: HoverIntent,
    /// Which start of the delay this is.
    pub generation: u32,
}

/// How a popover was dismissed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dismiss {
    /// Escape key: focus returns to the anchor.
    Escape,
    /// The popover's close button: focus returns to the anchor.
    CloseButton,
    /// A pointer press outside the popover and its anchor. A press on another
    /// control lets that control keep focus; a press on plain content returns
    /// focus to the anchor so keyboard users are not lost.
    OutsidePress {
        /// Whether the press landed on something that takes focus itself.
        interactive: bool,
    },
}

/// Reader interactions with markers, terms and the popover.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PopoverAction {
    /// Click, tap, Enter or Space on a citation marker.
    MarkerPress {
        /// Citation number.
        number: usize,
        /// Marker occurrence.
        marker: usize,
    },
    /// The pointer entered a marker.
    MarkerEnter {
        /// Citation number.
        number: usize,
        /// Marker occurrence.
        marker: usize,
    },
    /// The pointer left a marker.
    MarkerLeave,
    /// The pointer entered (`true`) or left the popover (the hover bridge).
    PopoverHover(bool),
    /// The hover delay with this generation ran out.
    HoverElapsed(u32),
    /// Click on a glossary term.
    TermPress {
        /// Glossary index.
        entry: usize,
        /// Term occurrence.
        mark: usize,
    },
    /// Close the popover.
    Dismiss(Dismiss),
}

impl WidgetState {
    /// Applies one popover interaction.
    pub(super) fn popover_action(&mut self, action: PopoverAction) {
        match action {
            PopoverAction::MarkerPress { number, marker } => {
                self.pending_hover = None;
                let open = Popover::Cite {
                    number,
                    marker,
                    pinned: true,
                };
                if self.popover == Some(open) {
                    self.close(Some(open.anchor()));
                } else {
                    self.popover = Some(open);
                }
            }
            PopoverAction::MarkerEnter { number, marker } => {
                if self.popover.is_some_and(Popover::is_pinned) {
                    self.pending_hover = None;
                } else {
                    self.start_hover(HoverIntent::Open { number, marker });
                }
            }
            PopoverAction::MarkerLeave | PopoverAction::PopoverHover(false) => {
                if self.popover.is_some_and(|p| !p.is_pinned()) {
                    self.start_hover(HoverIntent::Close);
                } else {
                    self.pending_hover = None;
                }
            }
            PopoverAction::PopoverHover(true) => {
                if matches!(self.pending_hover, Some(p) if p.intent == HoverIntent::Close) {
                    self.pending_hover = None;
                }
            }
            PopoverAction::HoverElapsed(generation) => {
                let Some(p) = self.pending_hover.filter(|p| p.generation == generation) else {
                    return;
                };
                self.pending_hover = None;
                match p.intent {
                    HoverIntent::Open { number, marker } => {
                        if !self.popover.is_some_and(Popover::is_pinned) {
                            self.popover = Some(Popover::Cite {
                                number,
                                marker,
                                pinned: false,
                            });
                        }
                    }
                    HoverIntent::Close => {
                        if self.popover.is_some_and(|p| !p.is_pinned()) {
                            self.popover = None;
                        }
                    }
                }
            }
            PopoverAction::TermPress { entry, mark } => {
                self.pending_hover = None;
                match self.popover {
                    Some(p @ Popover::Term { mark: m, .. }) if m == mark => {
                        self.close(Some(p.anchor()))
                    }
                    _ => self.popover = Some(Popover::Term { entry, mark }),
                }
            }
            PopoverAction::Dismiss(how) => {
                let Some(p) = self.popover else {
                    return;
                };
                let focus = match how {
                    Dismiss::Escape | Dismiss::CloseButton => true,
                    Dismiss::OutsidePress { interactive } => !interactive,
                };
                self.close(focus.then(|| p.anchor()));
            }
        }
    }

    /// Closes the popover (if any); focus moves to `focus` after the next render.
    pub(super) fn close(&mut self, focus: Option<FocusTarget>) {
        if self.popover.take().is_some() {
            self.return_focus = focus;
        }
        self.pending_hover = None;
    }

    fn start_hover(&mut self, intent: HoverIntent) {
        let generation = self.hover_generation.wrapping_add(1);
        self.hover_generation = generation;
        self.pending_hover = Some(PendingHover { intent, generation });
    }
}
