//! One paragraph or list of a section, as a component of its own: its props name the
//! block and carry the open popover only when anchored in it, so opening or closing
//! a popover re-renders that block alone, not every paragraph of its section.

use std::rc::Rc;

use yew::prelude::*;

use crate::components::context::{use_widget, Shared};
use crate::components::inline::{self, InlineCtx};
use crate::state::Popover;
use crate::viewmodel::{ArticleView, BlockView, Node, SectionView};

/// Props of [`SectionBlock`].
#[derive(Properties, Clone, PartialEq, Debug)]
pub struct SectionBlockProps {
    /// The resolved article.
    pub view: Shared<ArticleView>,
    /// Index path of the section holding the block (top level first).
    pub path: Rc<[usize]>,
    /// Index of the block in its section.
    pub index: usize,
    /// The open popover, only if it is anchored in this block.
    #[prop_or_default]
    pub popover: Option<Popover>,
    /// Accessible name for each reference number (index = number - 1).
    pub labels: Rc<Vec<String>>,
}

/// A paragraph or a bulleted list (nothing for other blocks).
#[function_component(SectionBlock)]
pub fn section_block(p: &SectionBlockProps) -> Html {
    let ctx = use_widget();
    let Some(b) = section_at(&p.view, &p.path).and_then(|s| s.blocks.get(p.index)) else {
        return Html::default();
    };
    let inline = InlineCtx {
        prefix: ctx.prefix,
        dispatch: ctx.dispatch,
        labels: p.labels.clone(),
        popover: p.popover,
    };
    match b {
        BlockView::Paragraph(n) => html! { <p>{inline::render(n, &inline)}</p> },
        BlockView::List(items) => html! {
            <ul>{for items.iter().map(|n| html! { <li>{inline::render(n, &inline)}</li> })}</ul>
        },
        BlockView::Findings => Html::default(),
    }
}

/// The section at an index path (top level first).
pub fn section_at<'a>(view: &'a ArticleView, path: &[usize]) -> Option<&'a SectionView> {
    let (first, rest) = path.split_first()?;
    rest.iter()
        .try_fold(view.sections.get(*first)?, |s, i| s.subsections.get(*i))
}

/// Whether a popover's anchor (citation marker or term mark) lies in a block.
pub fn block_anchors(b: &BlockView, p: Popover) -> bool {
    match b {
        BlockView::Paragraph(n) => nodes_anchor(n, p),
        BlockView::List(items) => items.iter().any(|n| nodes_anchor(n, p)),
        BlockView::Findings => false,
    }
}

/// Whether a popover's anchor lies in these inline nodes.
pub fn nodes_anchor(nodes: &[Node], p: Popover) -> bool {
    nodes.iter().any(|n| match (n, p) {
        (Node::Cite { occurrence, .. }, Popover::Cite { marker, .. }) => *occurrence == marker,
        (Node::Term { occurrence, .. }, Popover::Term { mark, .. }) => *occurrence == mark,
        (Node::Strong(c) | Node::Emph(c) | Node::Link { children: c, .. }, _) => {
            nodes_anchor(c, p)
        }
        _ => false,
    })
}
