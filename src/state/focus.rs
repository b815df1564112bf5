//! Typed focus and scroll targets. State names *what* should get focus (a marker, a
//! section button, a reference entry, a term); only the focus hook and the
//! components that render those elements turn a target into an element id.

/// Something the widget can scroll to or focus after the next render.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FocusTarget {
    /// One citation button: marker occurrence and the number it shows.
    Marker {
        /// Marker occurrence index.
        occurrence: usize,
        /// Citation number.
        number: usize,
    },
    /// A section's disclosure button (by section id).
    SectionButton(String),
    /// A section element (deep links, `at:` share links).
    Section(String),
    /// An entry of the reference list (by citation number).
    Reference(usize),
    /// A glossary term button (by term occurrence).
    Term(usize),
}

impl FocusTarget {
    /// The element id this target has in a widget with `prefix`.
    pub fn element_id(&self, prefix: &str) -> String {
        match self {
            Self::Marker { occurrence, number } => marker_id(prefix, *occurrence, *number),
            Self::SectionButton(id) => format!("{prefix}{id}-btn"),
            Self::Section(id) => format!("{prefix}{id}"),
            Self::Reference(n) => entry_id(prefix, *n),
            Self::Term(mark) => term_id(prefix, *mark),
        }
    }
}

/// Element id of one marker button.
pub fn marker_id(prefix: &str, occurrence: usize, number: usize) -> String {
    format!("{prefix}cite-{occurrence}-{number}")
}

/// Element id of a reference list entry.
pub fn entry_id(prefix: &str, number: usize) -> String {
    format!("{prefix}ref-{number}")
}

/// Element id of a glossary term button.
pub fn term_id(prefix: &str, mark: usize) -> String {
    format!("{prefix}term-{mark}")
}

/// Element id of the (single) popover dialog.
pub fn popover_id(prefix: &str) -> String {
    format!("{prefix}popover")
}
