//! The sections of one audience's view, each built when first asked for: an audience
//! switch builds the sections on screen in its own task and the others when their
//! step comes (`crate::state::switch`), not the whole article at once. A section
//! built alone is the same as in a build of the whole article ([`super::prepared`]).

use std::cell::OnceCell;
use std::rc::Rc;

use super::prepared::Prepared;
use super::reader::Reader;
use super::section::{self, Built};
use super::SectionView;
use crate::model::Article;

/// What building a section later needs.
pub(super) struct Source {
    pub article: Rc<Article>,
    pub prepared: Rc<Prepared>,
    pub reader: Reader,
}

/// The top-level sections of a view, built on first access.
#[derive(Clone)]
pub struct Sections {
    cells: Vec<OnceCell<Built>>,
    src: Option<Rc<Source>>,
}

impl std::fmt::Debug for Sections {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "Sections({} of {} built)",
            self.built_count(),
            self.len()
        )
    }
}

impl Sections {
    /// Every section built already.
    pub(super) fn built(all: Vec<Built>) -> Self {
        Self {
            cells: all.into_iter().map(OnceCell::from).collect(),
            src: None,
        }
    }

    /// `n` sections, built from `src` when asked for.
    pub(super) fn lazy(n: usize, src: Source) -> Self {
        Self {
            cells: (0..n).map(|_| OnceCell::new()).collect(),
            src: Some(Rc::new(src)),
        }
    }

    pub(super) fn source(&self) -> Option<&Source> {
        self.src.as_deref()
    }

    /// Number of top-level sections.
    pub fn len(&self) -> usize {
        self.cells.len()
    }

    /// Whether the article has no section.
    pub fn is_empty(&self) -> bool {
        self.cells.is_empty()
    }

    /// How many sections are built so far.
    pub fn built_count(&self) -> usize {
        self.cells.iter().filter(|c| c.get().is_some()).count()
    }

    /// Section `index` (built now if it was not).
    pub fn get(&self, index: usize) -> Option<&SectionView> {
        self.part(index).map(|b| &b.view)
    }

    /// Every section in order (building those not built yet).
    pub fn iter(&self) -> impl Iterator<Item = &SectionView> + '_ {
        (0..self.len()).filter_map(|i| self.get(i))
    }

    /// Every section in order, cloned (building those not built yet).
    pub fn to_vec(&self) -> Vec<SectionView> {
        self.iter().cloned().collect()
    }

    pub(super) fn part(&self, index: usize) -> Option<&Built> {
        let cell = self.cells.get(index)?;
        if let Some(b) = cell.get() {
            return Some(b);
        }
        let src = self.src.as_deref()?;
        let b = section::build(&src.article, &src.prepared, &src.reader, index)?;
        Some(cell.get_or_init(|| b))
    }
}

impl std::ops::Index<usize> for Sections {
    type Output = SectionView;

    fn index(&self, index: usize) -> &SectionView {
        match self.get(index) {
            Some(s) => s,
            None => panic!("section {index} of {}", self.len()),
        }
    }
}
