//! Renders view-model inline nodes as Yew nodes (text nodes, never HTML strings).

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

/// Renders a node list.
pub fn render(nodes: &[Node], ctx: &InlineCtx) -> Html {
    let mut out: Vec<Html> = Vec::with_capacity(nodes.len());
    // Punctuation right after a citation marker ("RP-ILD ¹.") travels with it, so a
    // line never starts with the period.
    let mut carried = 0usize;
    for (i, n) in nodes.iter().enumerate() {
        if let Node::Text(t) = n {
            let rest = &t[carried..];
            carried = 0;
            if !rest.is_empty() {
                out.push(html! { {rest.to_owned()} });
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
                out.push(
                    html! { <span class="ea-nowrap">{render_one(n, ctx)}{c.to_string()}</span> },
                );
            }
            None => out.push(render_one(n, ctx)),
        }
    }
    out.into_iter().collect()
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
