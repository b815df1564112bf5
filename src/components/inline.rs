//! Renders view-model inline nodes as Yew nodes (text nodes, never HTML strings).
//!
//! Every node of a list is keyed ([`key`]): a citation group and a term mark by
//! their occurrence, which is the same in every audience, the rest by their rank
//! among the nodes of their kind. Across an audience switch a paragraph's nodes
//! shift (the plain register marks more terms, the professional one has emphasis and
//! links); unkeyed, Yew compared them position by position and replaced every node
//! after the first shift (each term button and citation group removed and created
//! again). Keyed, a citation group or term mark present in both audiences keeps its
//! element (and a group its component, whose props compare equal), and a text node
//! keeps its node and only has its text set.

use std::rc::Rc;

use yew::prelude::*;

use crate::components::citation::{CitationGroup, CitationGroupProps};
use crate::components::term::term_button;
use crate::state::{Action, Popover};
use crate::viewmodel::Node;

/// What inline rendering needs from the article around it. Besides the widget's
/// static prefix and dispatcher it is plain data, so the citation groups it creates
/// compare equal when nothing they show changed.
#[derive(Clone, PartialEq)]
pub struct InlineCtx {
    /// Element-id prefix of the widget.
    pub prefix: AttrValue,
    /// The widget's dispatcher (term buttons).
    pub dispatch: Callback<Action>,
    /// Accessible name for each reference number (index = number - 1).
    pub labels: Rc<Vec<String>>,
    /// The open popover.
    pub popover: Option<Popover>,
}

/// The key of `node` in its list: `ranks` counts the nodes of each kind seen so far
/// (text, expansion, strong, emphasis, link). Citation groups and term marks are keyed
/// by occurrence (unique in the article and the same in every audience).
pub fn key(node: &Node, ranks: &mut [usize; 5]) -> String {
    let mut rank = |kind: usize, tag: char| {
        let r = ranks[kind];
        ranks[kind] += 1;
        format!("{tag}{r}")
    };
    match node {
        Node::Cite { occurrence, .. } => format!("c{occurrence}"),
        Node::Term { occurrence, .. } => format!("t{occurrence}"),
        Node::Text(_) => rank(0, 'x'),
        Node::Expansion(_) => rank(1, 'e'),
        Node::Strong(_) => rank(2, 's'),
        Node::Emph(_) => rank(3, 'm'),
        Node::Link { .. } => rank(4, 'l'),
    }
}

/// Renders a node list (a keyed list: see the module doc).
pub fn render(nodes: &[Node], ctx: &InlineCtx) -> Html {
    let mut out: Vec<Html> = Vec::with_capacity(nodes.len());
    let mut ranks = [0usize; 5];
    // Punctuation right after a citation marker ("RP-ILD ¹.") travels with it, so a
    // line never starts with the period.
    let mut carried = 0usize;
    for (i, n) in nodes.iter().enumerate() {
        let k = key(n, &mut ranks);
        if let Node::Text(t) = n {
            let rest = &t[carried..];
            carried = 0;
            if !rest.is_empty() {
                out.push(keyed(html! { {rest.to_owned()} }, k));
            }
            continue;
        }
        carried = 0;
        let punct = match (n, nodes.get(i + 1)) {
            (Node::Cite { .. }, Some(Node::Text(next))) => next
                .chars()
                .next()
                .filter(|c| matches!(c, '.' | ',' | ';' | ':' | ')' | '!' | '?')),
            _ => None,
        };
        match punct {
            Some(c) => {
                carried = c.len_utf8();
                out.push(keyed(
                    html! { <span class="ea-nowrap">{render_one(n, ctx)}{c.to_string()}</span> },
                    k,
                ));
            }
            None => out.push(keyed(render_one(n, ctx), k)),
        }
    }
    out.into_iter().collect()
}

/// `html` with `key`: set on an element or fragment just made, else (a text, a
/// component) on a fragment around it.
fn keyed(mut html: Html, key: String) -> Html {
    if let Html::VTag(t) = &mut html {
        if let Some(t) = Rc::get_mut(t) {
            t.key = Some(key.into());
            return html;
        }
    }
    yew::virtual_dom::VList::with_children(vec![html], Some(key.into())).into()
}

fn render_one(node: &Node, ctx: &InlineCtx) -> Html {
    match node {
        Node::Text(t) => html! { {t.clone()} },
        Node::Expansion(t) => html! { <span class="ea-expansion">{t.clone()}</span> },
        Node::Strong(c) => html! { <strong>{render(c, ctx)}</strong> },
        Node::Emph(c) => html! { <em>{render(c, ctx)}</em> },
        Node::Link { href, children } => html! {
            <a href={href.clone()} rel="noopener noreferrer" target="_blank">{render(children, ctx)}</a>
        },
        Node::Cite {
            numbers,
            occurrence,
        } => {
            let props = CitationGroupProps::new(numbers, *occurrence, ctx.popover, &ctx.labels);
            html! { <CitationGroup ..props /> }
        }
        Node::Term {
            entry,
            text,
            occurrence,
            lead,
        } => {
            let open =
                matches!(ctx.popover, Some(Popover::Term { mark, .. }) if mark == *occurrence);
            let button = term_button(*entry, *occurrence, text, open, &ctx.prefix, &ctx.dispatch);
            if lead.is_empty() {
                button
            } else {
                html! { <span class="ea-nowrap">{lead.clone()}{button}</span> }
            }
        }
    }
}
