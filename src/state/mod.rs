//! The widget's one piece of mutable state and its pure reducer: audience, open
//! sections, the open citation or term popover (a state machine, [`popover`]), what
//! to focus or scroll to next ([`focus`]) and the live-region message. Effects
//! (storage, URL, timers, focus, host events) observe this state from
//! `crate::hooks`; they never live here.

pub mod focus;
pub mod init;
pub mod popover;
pub mod share;
pub mod switch;

use std::collections::HashSet;
use std::rc::Rc;

use yew::Reducible;

use crate::model::Audience;

pub use focus::FocusTarget;
pub use init::{initial_state, initial_state_for};
pub use popover::{Dismiss, HoverIntent, PendingHover, Popover, PopoverAction, HOVER_MS};
pub use share::share_state;

/// Everything a reader can change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WidgetState {
    /// Current audience.
    pub audience: Audience,
    /// Whether the reader (or a share link) chose it, as opposed to the default.
    pub audience_chosen: bool,
    /// Whether the reader changed it in this visit (only then is it stored).
    pub reader_choice: bool,
    /// Ids of open sections (a hash set: the wasm has `HashSet<String>` anyway, and a
    /// B-tree set here cost ~1 KB brotli of insert/remove code; nothing reads it in order).
    pub open: HashSet<String>,
    /// The open popover, if any.
    pub popover: Option<Popover>,
    /// The hover delay in progress, if any (the hover-timer hook runs it).
    pub pending_hover: Option<PendingHover>,
    /// Generation of the last hover delay started.
    pub hover_generation: u32,
    /// What to focus after the next render (`None`: leave focus alone).
    pub return_focus: Option<FocusTarget>,
    /// What to scroll into view after the next render.
    pub scroll_to: Option<FocusTarget>,
    /// Polite screen-reader announcement.
    pub announcement: String,
    /// Number of top-level parts (sections, then the reference list) of the article;
    /// 0 (as from [`WidgetState::new`]) switches audience in one step ([`switch`]).
    pub parts: usize,
    /// Per part, the earlier audience it still shows during a switch (`None`: the
    /// current one); empty when no switch is under way.
    pub lagging: Vec<Option<Audience>>,
    /// Whether the parts on screen have been caught up since the last switch began
    /// (any [`Action::CatchUp`], even of none: the picker sends the parts on screen,
    /// read before the render; with none on screen there is nothing to catch up).
    /// Until then [`crate::hooks::use_catch_up`] reads the screen itself after the
    /// render (a host's switch); after, it does not (a read then forced a layout of
    /// the changed DOM inside the click's task).
    pub screen_caught_up: bool,
}

impl WidgetState {
    /// Fresh state for an article whose sections have these defaults.
    pub fn new(audience: Audience, defaults: &[(String, bool)]) -> Self {
        Self {
            audience,
            audience_chosen: false,
            reader_choice: false,
            open: defaults
                .iter()
                .filter(|(_, o)| *o)
                .map(|(id, _)| id.clone())
                .collect(),
            popover: None,
            pending_hover: None,
            hover_generation: 0,
            return_focus: None,
            scroll_to: None,
            announcement: String::new(),
            parts: 0,
            lagging: Vec::new(),
            screen_caught_up: true,
        }
    }

    /// The open citation number, for share links (hover previews are not shared).
    pub fn open_citation(&self) -> Option<usize> {
        match self.popover {
            Some(Popover::Cite {
                number,
                pinned: true,
                ..
            }) => Some(number),
            _ => None,
        }
    }
}

/// Things that change state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// The reader (or the host's `setAudience`) picked an audience.
    SetAudience(Audience),
    /// The host changed its default audience (`audience` attribute): it applies only
    /// while neither the reader nor a share link has chosen one.
    SetDefaultAudience(Audience),
    /// Open or close one section.
    SetSection {
        /// Section id.
        id: String,
        /// Open?
        open: bool,
        /// Markers inside it (an open popover there is closed when collapsing, and
        /// focus moves to the section's button).
        contains_marker: std::ops::Range<usize>,
    },
    /// Open these sections (deep link: a section and its ancestors).
    OpenSections(Vec<String>),
    /// Set every section.
    SetAll {
        /// All section ids.
        ids: Vec<String>,
        /// Open?
        open: bool,
    },
    /// A marker, term or popover interaction.
    Popover(PopoverAction),
    /// Open these sections, then scroll to and focus a target (back-links).
    Reveal {
        /// Sections to open first (the target's section and its ancestors).
        open: Vec<String>,
        /// Element to scroll to and focus.
        target: FocusTarget,
    },
    /// "Go to reference list" in a citation popover: close it, focus the entry.
    GoToReference(usize),
    /// Scroll a target into view after the next render.
    ScrollTo(FocusTarget),
    /// These scroll and focus requests have been carried out. A request made since
    /// (a popover closed while a focus check was still waiting) stays pending: a late
    /// report for an older request must not cancel it.
    FocusDone {
        /// The scroll request carried out.
        scroll_to: Option<FocusTarget>,
        /// The focus request carried out.
        focus: Option<FocusTarget>,
    },
    /// Replace the live-region message.
    Announce(String),
    /// These top-level parts show the current audience from now on ([`switch`]).
    CatchUp(Vec<usize>),
}

impl From<PopoverAction> for Action {
    fn from(a: PopoverAction) -> Self {
        Self::Popover(a)
    }
}

impl Reducible for WidgetState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut s = (*self).clone();
        s.apply(action);
        if s == *self {
            self
        } else {
            Rc::new(s)
        }
    }
}

impl WidgetState {
    fn apply(&mut self, action: Action) {
        match action {
            Action::SetAudience(a) => {
                if self.audience == a && self.audience_chosen {
                    return;
                }
                let from = self.audience;
                self.audience = a;
                self.start_switch(from);
                self.audience_chosen = true;
                self.reader_choice = true;
                // Term marks differ between audiences; citation markers keep their numbers.
                if matches!(self.popover, Some(Popover::Term { .. })) {
                    self.close(None);
                }
                self.announcement = format!("Now reading as: {}.", a.label());
            }
            Action::SetDefaultAudience(a) => {
                if self.audience_chosen || self.audience == a {
                    return;
                }
                let from = self.audience;
                self.audience = a;
                self.start_switch(from);
                if matches!(self.popover, Some(Popover::Term { .. })) {
                    self.close(None);
                }
                self.announcement = format!("Now reading as: {}.", a.label());
            }
            Action::SetSection {
                id,
                open,
                contains_marker,
            } => {
                if open {
                    self.open.insert(id);
                } else {
                    let closes_popover = match self.popover {
                        Some(Popover::Cite { marker, .. }) => contains_marker.contains(&marker),
                        _ => false,
                    };
                    if closes_popover {
                        self.close(Some(FocusTarget::SectionButton(id.clone())));
                    }
                    self.open.remove(&id);
                }
            }
            Action::OpenSections(ids) => self.open.extend(ids),
            Action::SetAll { ids, open } => {
                if open {
                    self.open.extend(ids);
                    self.announcement = "All sections expanded.".into();
                } else {
                    self.open.clear();
                    self.close(None);
                    self.announcement = "All sections collapsed.".into();
                }
            }
            Action::Popover(a) => self.popover_action(a),
            Action::Reveal { open, target } => {
                self.open.extend(open);
                self.scroll_to = Some(target.clone());
                self.return_focus = Some(target);
            }
            Action::GoToReference(n) => {
                self.close(None);
                self.scroll_to = Some(FocusTarget::Reference(n));
                self.return_focus = Some(FocusTarget::Reference(n));
            }
            Action::ScrollTo(t) => self.scroll_to = Some(t),
            Action::FocusDone { scroll_to, focus } => {
                if self.return_focus == focus {
                    self.return_focus = None;
                }
                if self.scroll_to == scroll_to {
                    self.scroll_to = None;
                }
            }
            Action::Announce(m) => self.announcement = m,
            Action::CatchUp(parts) => self.catch_up(&parts),
        }
    }
}
