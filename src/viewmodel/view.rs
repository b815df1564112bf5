//! The whole article for one audience: the shell (question, review, disclaimer…)
//! built at once, the sections built as asked for ([`Sections`]), the reference list
//! from a pass over the citations (no section built for it); the section ids and
//! open defaults come from the audience-independent skeleton, so asking for them
//! builds nothing.

use std::cell::OnceCell;
use std::rc::Rc;

use super::lazy::Sections;
use super::prepared::{Part, Skeleton};
use super::{refs, BlockView, Node, RefView, TermView};
use crate::model::{Audience, ReviewStatus};

/// The whole article for one audience.
#[derive(Debug, Clone)]
pub struct ArticleView {
    /// Article id.
    pub id: String,
    /// Language tag.
    pub lang: String,
    /// Audience this view is for.
    pub audience: Audience,
    /// The question.
    pub question: String,
    /// The question in professional wording (for share titles, follow-up events).
    pub question_professional: String,
    /// Publisher name.
    pub publisher: String,
    /// Review status.
    pub status: ReviewStatus,
    /// Reviewing body.
    pub board: Option<String>,
    /// Reviewing body's statement.
    pub statement: Option<String>,
    /// ISO date.
    pub last_updated: String,
    /// Human date, e.g. "May 30, 2025" (the browser re-formats it for the reader's
    /// locale after the first render).
    pub last_updated_display: String,
    /// Months after `last_updated` when the article is due for review.
    pub review_interval_months: u32,
    /// Whether the audience reads plain language.
    pub plain: bool,
    /// Whether any citation carries an editor's note.
    pub has_notes: bool,
    /// Editorial policy link (scheme-checked).
    pub editorial_policy: Option<String>,
    /// Top-level sections, built when first asked for.
    pub sections: Sections,
    /// References in number order, built when first asked for.
    pub(super) references: OnceCell<Vec<RefView>>,
    /// Number of references.
    pub reference_count: usize,
    /// Glossary.
    pub glossary: Vec<TermView>,
    /// Disclaimer heading.
    pub disclaimer_title: String,
    /// Disclaimer text.
    pub disclaimer: Vec<Node>,
    /// Citation markers in the disclaimer.
    pub(super) disclaimer_markers: usize,
    /// Follow-up prompt.
    pub follow_up: String,
    /// Ids and open defaults of the sections.
    pub(super) parts: Rc<Vec<Part>>,
}

/// Views are equal when they show the same (compares every section and reference,
/// building those not built yet: the widget compares views by pointer).
impl PartialEq for ArticleView {
    fn eq(&self, o: &Self) -> bool {
        fn shell(v: &ArticleView) -> impl PartialEq + '_ {
            (
                (
                    &v.id,
                    &v.lang,
                    v.audience,
                    &v.question,
                    &v.question_professional,
                ),
                (
                    &v.publisher,
                    v.status,
                    &v.board,
                    &v.statement,
                    &v.last_updated,
                ),
                (&v.last_updated_display, v.review_interval_months, v.plain),
                (
                    v.has_notes,
                    &v.editorial_policy,
                    v.reference_count,
                    &v.glossary,
                ),
                (&v.disclaimer_title, &v.disclaimer, &v.follow_up, &v.parts),
            )
        }
        shell(self) == shell(o)
            && self.sections.iter().eq(o.sections.iter())
            && self.references() == o.references()
            && self.marker_count() == o.marker_count()
    }
}

impl ArticleView {
    /// Every section id in document order, with its default open state.
    pub fn section_defaults(&self) -> Vec<(String, bool)> {
        fn walk(s: &Skeleton, out: &mut Vec<(String, bool)>) {
            out.push((s.id.clone(), s.initially_open));
            s.subsections.iter().for_each(|x| walk(x, out));
        }
        let mut out = Vec::new();
        self.parts.iter().for_each(|p| walk(&p.skeleton, &mut out));
        out
    }

    /// Id of top-level section `index`.
    pub fn section_id(&self, index: usize) -> Option<&str> {
        Some(&self.skeleton(index)?.id)
    }

    /// Ids and open defaults of top-level section `index` and its subsections (the
    /// same ids, in the same tree, as its view: building nothing).
    pub fn skeleton(&self, index: usize) -> Option<&Skeleton> {
        Some(&self.parts.get(index)?.skeleton)
    }

    /// Ids of a section and its ancestors, outermost first (for deep links).
    pub fn ancestry(&self, id: &str) -> Option<Vec<String>> {
        fn walk(s: &Skeleton, id: &str, path: &mut Vec<String>) -> bool {
            path.push(s.id.clone());
            if s.id == id || s.subsections.iter().any(|x| walk(x, id, path)) {
                return true;
            }
            path.pop();
            false
        }
        let mut path = Vec::new();
        self.parts
            .iter()
            .any(|p| walk(&p.skeleton, id, &mut path))
            .then_some(path)
    }

    /// References in number order (builds no section: a pass over each section's
    /// citations, [`super::section::cites`], gives what the list needs).
    pub fn references(&self) -> &[RefView] {
        self.references.get_or_init(|| {
            let Some(src) = self.sections.source() else {
                return Vec::new();
            };
            let (a, p, r) = (&src.article, &src.prepared, &src.reader);
            let cited: Vec<_> = (0..self.sections.len())
                .filter_map(|i| super::section::cites(a, p, r, i))
                .collect();
            refs::build(a, p, r, cited.iter())
        })
    }

    /// Builds the reference list unless it is built already; whether it built it (a
    /// stepped switch builds it in a task before the one that renders it).
    pub fn prepare_references(&self) -> bool {
        let fresh = self.references.get().is_none();
        self.references();
        fresh
    }

    /// Reference by citation number.
    pub fn reference(&self, number: usize) -> Option<&RefView> {
        self.references().get(number.checked_sub(1)?)
    }

    /// Reference by citation number as seen from one marker occurrence: with the
    /// editor's note on that occurrence, if any.
    pub fn reference_at(&self, number: usize, marker: usize) -> Option<RefView> {
        let mut r = self.reference(number)?.clone();
        r.note_here = r
            .notes
            .iter()
            .find(|n| n.occurrence == marker)
            .map(|n| n.text.clone());
        Some(r)
    }

    /// Number of citation markers (builds every section not built yet).
    pub fn marker_count(&self) -> usize {
        let sections = (0..self.sections.len()).filter_map(|i| self.sections.part(i));
        sections.map(|b| b.markers).sum::<usize>() + self.disclaimer_markers
    }

    /// Section id holding each marker occurrence, and the numbers it cites (builds
    /// every section not built yet).
    pub fn markers(&self) -> Vec<(usize, String, Vec<usize>)> {
        let mut out = Vec::new();
        fn nodes(n: &[Node], sid: &str, out: &mut Vec<(usize, String, Vec<usize>)>) {
            for x in n {
                match x {
                    Node::Cite {
                        numbers,
                        occurrence,
                    } => out.push((*occurrence, sid.to_owned(), numbers.clone())),
                    Node::Strong(c) | Node::Emph(c) | Node::Link { children: c, .. } => {
                        nodes(c, sid, out)
                    }
                    _ => {}
                }
            }
        }
        fn walk(x: &super::SectionView, out: &mut Vec<(usize, String, Vec<usize>)>) {
            for b in &x.blocks {
                match b {
                    BlockView::Paragraph(n) => nodes(n, &x.id, out),
                    BlockView::List(items) => items.iter().for_each(|n| nodes(n, &x.id, out)),
                    BlockView::Findings => {}
                }
            }
            x.subsections.iter().for_each(|s| walk(s, out));
        }
        self.sections.iter().for_each(|s| walk(s, &mut out));
        out
    }

    /// First marker occurrence citing `number`.
    pub fn first_marker_for(&self, number: usize) -> Option<usize> {
        self.markers()
            .into_iter()
            .find(|(_, _, n)| n.contains(&number))
            .map(|(o, _, _)| o)
    }
}
