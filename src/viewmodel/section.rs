//! Builds one top-level section (with its subsections) for one audience, on its own:
//! text picked through the register chain, citation keys turned into numbers,
//! editor's notes attached to their occurrence, glossary terms marked
//! ([`super::terms`]). Counting starts where [`super::prepared`] says, so the result
//! is the same whichever sections were built before.

use std::collections::{HashMap, HashSet};

use super::prepared::{Part, Prepared, Skeleton};
use super::reader::Reader;
use super::{BlockView, Node, NoteView, SectionView};
use crate::model::inline::{self, Inline};
use crate::model::{Article, Block, Section, Text};

/// A built top-level section and what it adds to the reference list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Built {
    pub view: SectionView,
    /// (number, marker occurrence, section title): the first marker citing each
    /// number in each section, in document order.
    pub cited_in: Vec<(usize, usize, String)>,
    /// Editor's notes attached to markers here, in document order.
    pub notes: Vec<NoteView>,
    /// Markers here.
    pub markers: usize,
}

pub(super) struct Builder<'a> {
    pub article: &'a Article,
    pub prepared: &'a Prepared,
    pub reader: &'a Reader,
    /// Next marker occurrence.
    pub markers: usize,
    /// Next section's index in document order.
    scopes: usize,
    /// Content block being built (document order), if any.
    block: Option<usize>,
    /// Next content block's index.
    blocks: usize,
    /// Citation groups per key seen so far in the current block.
    block_cites: HashMap<String, usize>,
    cited_in: Vec<(usize, usize, String)>,
    notes: Vec<NoteView>,
    /// Citations only ([`cites`]): plain text is left out (no glossary marks).
    cites_only: bool,
}

/// Per-section marking state: terms already marked and text read so far.
#[derive(Default)]
pub(super) struct SectionScope {
    /// Index of the section in document order.
    pub index: usize,
    pub used: HashSet<usize>,
    pub seen_lower: String,
    pub title: String,
    pub cited: HashSet<usize>,
}

/// Builds top-level section `index` of `article` for `reader`.
pub(super) fn build(
    article: &Article,
    prepared: &Prepared,
    reader: &Reader,
    index: usize,
) -> Option<Built> {
    walk(article, prepared, reader, index, false)
}

/// What top-level section `index` adds to the reference list (its `cited_in`,
/// `notes` and `markers`, the same as [`build`]'s), without its view: the same walk
/// over the same inline trees, but plain text is neither searched for glossary terms
/// nor kept, so its `view` holds only the structure and the citations. The reference
/// list needs this of every section; building their views for it was most of the
/// first view's task on a long article.
pub(super) fn cites(
    article: &Article,
    prepared: &Prepared,
    reader: &Reader,
    index: usize,
) -> Option<Built> {
    walk(article, prepared, reader, index, true)
}

fn walk(
    article: &Article,
    prepared: &Prepared,
    reader: &Reader,
    index: usize,
    cites_only: bool,
) -> Option<Built> {
    let (s, part): (&Section, &Part) = (article.sections.get(index)?, prepared.parts.get(index)?);
    let mut b = Builder::new(article, prepared, reader, part.markers);
    b.cites_only = cites_only;
    b.scopes = part.scopes;
    b.blocks = part.blocks;
    let view = b.section(s, &part.skeleton, 2);
    Some(Built {
        view,
        markers: b.markers - part.markers,
        cited_in: b.cited_in,
        notes: b.notes,
    })
}

impl<'a> Builder<'a> {
    pub fn new(
        article: &'a Article,
        prepared: &'a Prepared,
        reader: &'a Reader,
        markers: usize,
    ) -> Self {
        Self {
            article,
            prepared,
            reader,
            markers,
            scopes: 0,
            block: None,
            blocks: 0,
            block_cites: HashMap::new(),
            cited_in: Vec::new(),
            notes: Vec::new(),
            cites_only: false,
        }
    }

    /// Inline text outside any section (the disclaimer): no terms marked.
    pub fn inline(&mut self, src: &str) -> Vec<Node> {
        self.nodes(&inline::parse(src), &mut None)
    }

    fn nodes(&mut self, tree: &[Inline], scope: &mut Option<&mut SectionScope>) -> Vec<Node> {
        let mut out = Vec::new();
        for n in tree {
            match n {
                Inline::Text(_) if self.cites_only => {}
                Inline::Text(t) => match scope.as_deref_mut() {
                    Some(sc) => self.mark_terms(t, sc, &mut out),
                    None => out.push(Node::Text(t.clone())),
                },
                Inline::Strong(c) => out.push(Node::Strong(self.nodes(c, scope))),
                Inline::Emph(c) => out.push(Node::Emph(self.nodes(c, scope))),
                Inline::Link { href, children } => {
                    let children = self.nodes(children, &mut None);
                    if crate::model::validate::safe_href(href) {
                        out.push(Node::Link {
                            href: href.clone(),
                            children,
                        });
                    } else {
                        out.extend(children);
                    }
                }
                Inline::Cite(keys) => {
                    if let Some(cite) = self.cite(keys, scope.as_deref_mut()) {
                        out.push(cite);
                    }
                }
            }
        }
        out
    }

    fn cite(&mut self, keys: &[String], scope: Option<&mut SectionScope>) -> Option<Node> {
        let numbers = &self.prepared.numbers;
        let numbers: Vec<usize> = keys
            .iter()
            .filter_map(|k| numbers.get(k).copied())
            .collect();
        if numbers.is_empty() {
            return None;
        }
        let occurrence = self.markers;
        self.markers += 1;
        let title = scope
            .as_deref()
            .map(|sc| sc.title.clone())
            .unwrap_or_default();
        if let Some(block) = self.block {
            for k in keys {
                let nth = self.block_cites.entry(k.clone()).or_default();
                let note = self.reader.note(block, k, *nth);
                *nth += 1;
                if let (Some(text), Some(&number)) = (note, self.prepared.numbers.get(k)) {
                    self.notes.push(NoteView {
                        occurrence,
                        number,
                        section_title: title.clone(),
                        text,
                    });
                }
            }
        }
        if let Some(sc) = scope {
            for &num in &numbers {
                if sc.cited.insert(num) {
                    self.cited_in.push((num, occurrence, sc.title.clone()));
                }
            }
        }
        Some(Node::Cite {
            numbers,
            occurrence,
        })
    }

    /// One content block (paragraph or list item), numbered in document order so
    /// editor's notes find their citation occurrence.
    fn block_text(&mut self, text: &Text, scope: &mut SectionScope) -> Vec<Node> {
        let src = self.reader.resolve(text);
        self.block = Some(self.blocks);
        self.blocks += 1;
        self.block_cites.clear();
        let nodes = self.nodes(&inline::parse(&src), &mut Some(scope));
        self.block = None;
        nodes
    }

    fn section(&mut self, s: &Section, skeleton: &Skeleton, level: u8) -> SectionView {
        let title = self.reader.resolve(&s.title);
        let first_marker = self.markers;
        let mut scope = SectionScope {
            index: self.scopes,
            title: title.clone(),
            ..Default::default()
        };
        self.scopes += 1;
        let blocks = s
            .blocks
            .iter()
            .map(|b| match b {
                Block::Paragraph { text } => {
                    BlockView::Paragraph(self.block_text(text, &mut scope))
                }
                Block::List { items } => BlockView::List(
                    items
                        .iter()
                        .map(|i| self.block_text(&i.text, &mut scope))
                        .collect(),
                ),
                Block::Findings => BlockView::Findings,
            })
            .collect();
        let subsections = s
            .subsections
            .iter()
            .zip(&skeleton.subsections)
            .map(|(x, k)| self.section(x, k, level.saturating_add(1).min(6)))
            .collect();
        SectionView {
            id: skeleton.id.clone(),
            title,
            level,
            initially_open: skeleton.initially_open,
            blocks,
            subsections,
            markers: first_marker..self.markers,
        }
    }
}
