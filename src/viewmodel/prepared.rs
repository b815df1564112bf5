//! What every audience's view of one article shares, computed once per article:
//! citation numbers, where each editor's note attaches, the section ids, and where
//! each top-level section's markers, blocks and term marks start counting. With
//! those, any one section of any audience can be built on its own
//! ([`super::section`]) with the same result as a build of the whole article.

use std::collections::HashMap;
use std::rc::Rc;

use crate::model::slug::IdAllocator;
use crate::model::{cite, notes, Article, Block, Section, Text};

/// A section's id and default open state, and its subsections' (the same for
/// every audience).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skeleton {
    /// Stable, unique id.
    pub id: String,
    /// Open unless the data says collapsed.
    pub initially_open: bool,
    /// Subsections.
    pub subsections: Vec<Skeleton>,
}

/// A top-level section: its skeleton and where its numbering starts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Part {
    pub skeleton: Skeleton,
    /// Its first marker occurrence: every earlier section reserves as many as its
    /// most-citing register could use.
    pub markers: usize,
    /// Index of its first content block in document order (editor's notes).
    pub blocks: usize,
    /// Index of the section itself among all sections in document order (term ids).
    pub scopes: usize,
}

/// What every audience's view of one article shares.
#[derive(Debug, Clone, PartialEq)]
pub struct Prepared {
    pub(super) numbers: HashMap<String, usize>,
    /// Per editor's note (same index): its anchor, if it attaches.
    pub(super) anchors: Vec<Option<notes::NoteAnchor>>,
    pub(super) parts: Rc<Vec<Part>>,
    /// The disclaimer's first marker occurrence (after every section's).
    pub(super) disclaimer_markers: usize,
    /// Every glossary term folded to ASCII lower case (same index as the glossary).
    pub(super) folded: Vec<String>,
    /// Short label of each reference, by citation number - 1.
    labels: Rc<Vec<String>>,
}

impl Prepared {
    /// Numbers the citations, locates the editor's notes and lays out the sections
    /// of `article`.
    pub fn new(article: &Article) -> Self {
        let locator = (!article.editor_notes.is_empty()).then(|| notes::Locator::new(article));
        let numbers = cite::numbering(article);
        let mut labels = vec![String::new(); numbers.len()];
        for r in &article.references {
            if let Some(l) = numbers.get(&r.id).and_then(|&n| labels.get_mut(n - 1)) {
                *l = cite::short_label(r);
            }
        }
        let mut c = Counts::default();
        let parts = article
            .sections
            .iter()
            .map(|s| {
                let (markers, blocks, scopes) = (c.markers, c.blocks, c.scopes);
                let skeleton = c.walk(s, None);
                Part {
                    skeleton,
                    markers,
                    blocks,
                    scopes,
                }
            })
            .collect();
        Self {
            numbers,
            anchors: article
                .editor_notes
                .iter()
                .map(|n| locator.as_ref()?.locate(&n.source, &n.sentence).ok())
                .collect(),
            parts: Rc::new(parts),
            disclaimer_markers: c.markers,
            folded: article
                .glossary
                .iter()
                .map(|g| g.term.to_ascii_lowercase())
                .collect(),
            labels: Rc::new(labels),
        }
    }

    /// Short label of each reference ("Oldham JM et al., Respir Med 2016"), by
    /// citation number - 1: the same for every audience.
    pub fn labels(&self) -> Rc<Vec<String>> {
        self.labels.clone()
    }
}

/// Running counts over the sections in document order.
#[derive(Default)]
struct Counts {
    ids: IdAllocator,
    markers: usize,
    blocks: usize,
    scopes: usize,
}

impl Counts {
    fn walk(&mut self, s: &Section, parent: Option<&str>) -> Skeleton {
        let base = match (&s.id, parent) {
            (Some(id), _) => id.clone(),
            (None, Some(p)) => format!("{p}-{}", s.title.professional()),
            (None, None) => s.title.professional().to_owned(),
        };
        let id = self.ids.unique(&base);
        self.scopes += 1;
        for b in &s.blocks {
            match b {
                Block::Paragraph { text } => self.block(text),
                Block::List { items } => items.iter().for_each(|i| self.block(&i.text)),
                Block::Findings => {}
            }
        }
        let subsections = s
            .subsections
            .iter()
            .map(|x| self.walk(x, Some(&id)))
            .collect();
        Skeleton {
            id,
            initially_open: !s.collapsed,
            subsections,
        }
    }

    /// A content block: it may hold as many markers as its most-citing register has
    /// `[@` (every citation group starts so; a count, not a parse).
    fn block(&mut self, text: &Text) {
        self.blocks += 1;
        self.markers += text
            .entries()
            .iter()
            .map(|(_, v)| v.matches("[@").count())
            .max()
            .unwrap_or(0);
    }
}
