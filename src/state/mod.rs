//! The widget's one piece of mutable state and its pure reducer: audience, open
//! sections, the open citation or term popover, and the live-region message.
//! Effects (storage, URL, host events) observe this state; they never live here.

use std::collections::BTreeSet;
use std::rc::Rc;

use yew::Reducible;

use crate::model::Audience;

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

/// Everything a reader can change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WidgetState {
    /// Current audience.
    pub audience: Audience,
    /// Whether the reader (or a share link) chose it, as opposed to the default.
    pub audience_chosen: bool,
    /// Whether the reader changed it in this visit (only then is it stored).
    pub reader_choice: bool,
    /// Ids of open sections.
    pub open: BTreeSet<String>,
    /// The open popover, if any.
    pub popover: Option<Popover>,
    /// Marker or term to focus when a popover closes (`None`: leave focus alone).
    pub return_focus: Option<String>,
    /// Section or element to scroll into view after the next render.
    pub scroll_to: Option<String>,
    /// Polite screen-reader announcement.
    pub announcement: String,
}

impl WidgetState {
    /// Fresh state for an article whose sections have these defaults.
    pub fn new(audience: Audience, defaults: &[(String, bool)]) -> Self {
        Self {
            audience,
            audience_chosen: false,
            reader_choice: false,
            scroll_to: None,
            open: defaults
                .iter()
                .filter(|(_, o)| *o)
                .map(|(id, _)| id.clone())
                .collect(),
            popover: None,
            return_focus: None,
            announcement: String::new(),
        }
    }

    /// The open citation number, for share links.
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
    /// The reader picked an audience.
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
        /// Markers inside it (an open popover there is closed when collapsing).
        contains_marker: std::ops::Range<usize>,
        /// Element to focus if collapsing closed a popover (the section's button).
        button: String,
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
    /// Show a popover.
    Open(Popover),
    /// Close the popover; `focus` is the element id to return focus to.
    Close {
        /// Element to focus afterwards.
        focus: Option<String>,
    },
    /// Scroll to and focus an element after the next render (back-links, "go to").
    Focus(String),
    /// Scroll an element into view after the next render.
    ScrollTo(String),
    /// Focus has been returned.
    FocusReturned,
    /// The scroll has been done.
    Scrolled,
    /// Replace the live-region message.
    Announce(String),
}

impl Reducible for WidgetState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut s = (*self).clone();
        match action {
            Action::SetAudience(a) => {
                if s.audience == a && s.audience_chosen {
                    return self;
                }
                s.audience = a;
                s.audience_chosen = true;
                s.reader_choice = true;
                // Term marks differ between audiences; citation markers keep their numbers.
                if matches!(s.popover, Some(Popover::Term { .. })) {
                    s.popover = None;
                }
                s.announcement = format!("Now reading as: {}.", a.label());
            }
            Action::SetDefaultAudience(a) => {
                if s.audience_chosen || s.audience == a {
                    return self;
                }
                s.audience = a;
                if matches!(s.popover, Some(Popover::Term { .. })) {
                    s.popover = None;
                }
                s.announcement = format!("Now reading as: {}.", a.label());
            }
            Action::SetSection {
                id,
                open,
                contains_marker,
                button,
            } => {
                if open {
                    s.open.insert(id);
                } else {
                    let closes_popover = match s.popover {
                        Some(Popover::Cite { marker, .. }) => contains_marker.contains(&marker),
                        _ => false,
                    };
                    if closes_popover {
                        s.popover = None;
                        s.return_focus = Some(button);
                    }
                    s.open.remove(&id);
                }
            }
            Action::OpenSections(ids) => s.open.extend(ids),
            Action::SetAll { ids, open } => {
                if open {
                    s.open.extend(ids);
                    s.announcement = "All sections expanded.".into();
                } else {
                    s.open.clear();
                    s.popover = None;
                    s.announcement = "All sections collapsed.".into();
                }
            }
            Action::Open(p) => s.popover = Some(p),
            Action::Close { focus } => {
                if s.popover.is_none() {
                    return self;
                }
                s.popover = None;
                s.return_focus = focus;
            }
            Action::Focus(id) => {
                s.scroll_to = Some(id.clone());
                s.return_focus = Some(id);
            }
            Action::ScrollTo(id) => s.scroll_to = Some(id),
            Action::FocusReturned => s.return_focus = None,
            Action::Scrolled => s.scroll_to = None,
            Action::Announce(m) => s.announcement = m,
        }
        if s == *self {
            self
        } else {
            Rc::new(s)
        }
    }
}
