//! One section of the article (and, nested, its subsections): the disclosure, its
//! "copy link" control and its blocks. Props are plain data cut to the section —
//! its open flags and the popover only when anchored inside it — so opening a
//! popover or toggling a section re-renders that section alone.

use std::rc::Rc;

use yew::prelude::*;

use crate::components::context::{use_widget, Shared};
use crate::components::glance::GlanceList;
use crate::components::inline::{self, InlineCtx};
use crate::components::section::Section;
use crate::components::share::SectionLink;
use crate::state::{Action, Popover, WidgetState};
use crate::viewmodel::{ArticleView, BlockView, Node, SectionView, Skeleton};

/// Props of [`ArticleSection`].
#[derive(Properties, Clone, PartialEq, Debug)]
pub struct ArticleSectionProps {
    /// The resolved article.
    pub view: Shared<ArticleView>,
    /// Index path of the section (top level first).
    pub path: Vec<usize>,
    /// Open flags of the section and its descendants, in document order.
    pub open: Vec<bool>,
    /// The open popover, only if it is anchored inside this section.
    #[prop_or_default]
    pub popover: Option<Popover>,
    /// Accessible name for each reference number (index = number - 1).
    pub labels: Rc<Vec<String>>,
}

impl ArticleSectionProps {
    /// Props of the top-level section `index` for this state.
    /// Builds the section's view only when a popover is open (to tell whether it is
    /// anchored inside): the open flags come from the section ids, which every
    /// audience shares, so the widget's render does not build every section of a
    /// long article before any of them is shown.
    pub fn new(
        view: &Shared<ArticleView>,
        index: usize,
        state: &WidgetState,
        labels: &Rc<Vec<String>>,
    ) -> Option<Self> {
        fn ids<'a>(s: &'a Skeleton, f: &mut impl FnMut(&'a str)) {
            f(&s.id);
            s.subsections.iter().for_each(|x| ids(x, f));
        }
        let mut open = Vec::new();
        ids(view.skeleton(index)?, &mut |id| {
            open.push(state.open.contains(id))
        });
        // The section is built only when a popover is open (the closure runs then).
        let popover = state
            .popover
            .filter(|p| view.sections.get(index).is_some_and(|s| anchored_in(s, *p)));
        Some(Self {
            view: view.clone(),
            path: vec![index],
            open,
            popover,
            labels: labels.clone(),
        })
    }

    fn section(&self) -> Option<&SectionView> {
        let (first, rest) = self.path.split_first()?;
        rest.iter()
            .try_fold(self.view.sections.get(*first)?, |s, i| {
                s.subsections.get(*i)
            })
    }

    /// Props of this section's subsections.
    fn children(&self, s: &SectionView) -> Vec<(String, Self)> {
        let mut at = 1;
        s.subsections
            .iter()
            .enumerate()
            .map(|(i, sub)| {
                let len = subtree_len(sub);
                let open = self.open.get(at..at + len).unwrap_or_default().to_vec();
                at += len;
                let mut path = self.path.clone();
                path.push(i);
                let props = Self {
                    view: self.view.clone(),
                    path,
                    open,
                    popover: self.popover.filter(|p| anchored_in(sub, *p)),
                    labels: self.labels.clone(),
                };
                (sub.id.clone(), props)
            })
            .collect()
    }
}

/// A section with its content and subsections.
#[function_component(ArticleSection)]
pub fn article_section(p: &ArticleSectionProps) -> Html {
    crate::components::renders::count(crate::components::renders::Counted::Section);
    let ctx = use_widget();
    let Some(s) = p.section() else {
        return Html::default();
    };
    let ontoggle = {
        let (id, markers) = (s.id.clone(), s.markers.clone());
        ctx.dispatch.reform(move |open| Action::SetSection {
            id: id.clone(),
            open,
            contains_marker: markers.clone(),
        })
    };
    let inline = InlineCtx {
        prefix: ctx.prefix.clone(),
        dispatch: ctx.dispatch.clone(),
        labels: p.labels.clone(),
        popover: p.popover,
    };
    let blocks = s.blocks.iter().map(|b| match b {
        BlockView::Paragraph(n) => html! { <p>{inline::render(n, &inline)}</p> },
        BlockView::List(items) => html! {
            <ul>{for items.iter().map(|n| html! { <li>{inline::render(n, &inline)}</li> })}</ul>
        },
        BlockView::Findings => html! {
            <GlanceList view={p.view.clone()} level={s.level.saturating_add(1)} />
        },
    });
    let subs = p
        .children(s)
        .into_iter()
        .map(|(key, props)| html! { <ArticleSection {key} ..props /> });
    let actions = html! {
        <SectionLink section={s.id.clone()} title={s.title.clone()} />
    };
    html! {
        <Section id={format!("{}{}", ctx.prefix, s.id)} title={s.title.clone()} level={s.level}
            initially_open={s.initially_open} expanded={p.open.first().copied()} {ontoggle} {actions}>
            {for blocks}
            {for subs}
        </Section>
    }
}

fn walk<'a>(s: &'a SectionView, f: &mut impl FnMut(&'a SectionView)) {
    f(s);
    for x in &s.subsections {
        walk(x, f);
    }
}

fn subtree_len(s: &SectionView) -> usize {
    let mut n = 0;
    walk(s, &mut |_| n += 1);
    n
}

/// Whether a popover's anchor lies inside a section (or its subsections).
pub fn anchored_in(s: &SectionView, p: Popover) -> bool {
    match p {
        Popover::Cite { marker, .. } => s.markers.contains(&marker),
        Popover::Term { .. } => {
            let mut found = false;
            walk(s, &mut |x| {
                found = found
                    || x.blocks.iter().any(|b| match b {
                        BlockView::Paragraph(n) => nodes_anchor(n, p),
                        BlockView::List(items) => items.iter().any(|n| nodes_anchor(n, p)),
                        BlockView::Findings => false,
                    })
            });
            found
        }
    }
}

/// Whether a popover's anchor (citation marker or term mark) lies in these inline
/// nodes.
pub fn nodes_anchor(nodes: &[Node], p: Popover) -> bool {
    nodes.iter().any(|n| match (n, p) {
        (Node::Cite { occurrence, .. }, Popover::Cite { marker, .. }) => *occurrence == marker,
        (Node::Term { occurrence, .. }, Popover::Term { mark, .. }) => *occurrence == mark,
        (Node::Strong(c) | Node::Emph(c) | Node::Link { children: c, .. }, _) => nodes_anchor(c, p),
        _ => false,
    })
}
