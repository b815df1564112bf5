//! The view model's tree: inline nodes, blocks, sections, references, notes and
//! glossary entries as the components walk them.

use crate::chart::FindingView;
use crate::model::cite::SourceLink;

/// Rendered inline content.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Node {
    /// Literal text.
    Text(String),
    /// Strong emphasis.
    Strong(Vec<Node>),
    /// Emphasis.
    Emph(Vec<Node>),
    /// A link whose target passed the scheme check.
    Link {
        /// Target.
        href: String,
        /// Link text.
        children: Vec<Node>,
    },
    /// A citation group.
    Cite {
        /// Citation numbers in the author's order.
        numbers: Vec<usize>,
        /// Number of this marker (for ids): markers count up in document order,
        /// each top-level section from a start that does not depend on the audience.
        occurrence: usize,
    },
    /// A glossary term that opens its definition.
    Term {
        /// Index into [`super::ArticleView::glossary`].
        entry: usize,
        /// The text as written.
        text: String,
        /// Number of this term mark (for ids): the same for every audience, from the
        /// section it is in and its glossary entry (an entry is marked at most once
        /// per section).
        occurrence: usize,
        /// Opening punctuation glued to the term ("(" in "(SARD)"), kept with it so
        /// a line never breaks between them.
        lead: String,
    },
    /// An abbreviation's expansion inserted after its first use in a section.
    Expansion(String),
}

/// A content block.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BlockView {
    /// Paragraph.
    Paragraph(Vec<Node>),
    /// Bulleted list.
    List(Vec<Vec<Node>>),
    /// The charts of every reference's findings ("Evidence at a glance"); the
    /// component reads them from [`super::ArticleView::references`].
    Findings,
}

/// A section resolved for the audience.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SectionView {
    /// Stable, unique id (deep links, share state).
    pub id: String,
    /// Heading text.
    pub title: String,
    /// Heading level (2 for sections, 3 for subsections…).
    pub level: u8,
    /// Open unless the data says collapsed.
    pub initially_open: bool,
    /// Blocks.
    pub blocks: Vec<BlockView>,
    /// Subsections.
    pub subsections: Vec<SectionView>,
    /// Citation-marker occurrences inside this section and its subsections
    /// (contiguous, because markers are numbered in document order).
    pub markers: std::ops::Range<usize>,
}

/// A reference as shown in popovers and the list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RefView {
    /// Citation number.
    pub number: usize,
    /// Reference id.
    pub id: String,
    /// Full AMA citation.
    pub ama: String,
    /// "Oldham JM et al., Respir Med 2016".
    pub short: String,
    /// Title of the work.
    pub title: String,
    /// Kind of source.
    pub source_kind: Option<String>,
    /// What the source found, in the audience's register.
    pub key_finding: Option<String>,
    /// Certainty or recommendation strength, in the audience's register.
    pub certainty: Option<String>,
    /// Whether the audience reads plain language (labels follow suit).
    pub plain: bool,
    /// Editor's notes on occurrences of this citation, in document order.
    pub notes: Vec<NoteView>,
    /// The editor's note on the occurrence a popover was opened from
    /// (see [`super::ArticleView::reference_at`]).
    pub note_here: Option<String>,
    /// Links from verified identifiers.
    pub links: Vec<SourceLink>,
    /// Second-hand identifiers, as text.
    pub unconfirmed: Vec<String>,
    /// Where it is cited: (marker occurrence, section title), first marker per section.
    pub cited_in: Vec<(usize, String)>,
    /// Structured findings, resolved for the audience (each drawn as a chart).
    pub findings: Vec<FindingView>,
}

/// An editor's note on one citation occurrence, resolved for the audience.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoteView {
    /// Marker occurrence the note is attached to.
    pub occurrence: usize,
    /// Citation number of the source.
    pub number: usize,
    /// Title of the section holding the marker.
    pub section_title: String,
    /// The note.
    pub text: String,
}

/// A glossary entry as shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TermView {
    /// The term.
    pub term: String,
    /// Full form for abbreviations.
    pub expansion: Option<String>,
    /// Plain definition.
    pub definition: String,
}
