//! Renders view-model inline nodes as Yew nodes (text nodes, never HTML strings).

use yew::prelude::*;

use crate::components::citation::CitationGroup;
use crate::state::Popover;
use crate::viewmodel::Node;

/// What inline rendering needs from the article around it.
#[derive(Clone, PartialEq)]
pub struct InlineCtx {
    /// Id prefix of this widget instance.
    pub prefix: AttrValue,
    /// Accessible name for each reference number (index = number - 1).
    pub labels: std::rc::Rc<Vec<String>>,
    /// The open popover.
    pub popover: Option<Popover>,
    /// Marker events: (number, marker occurrence, kind).
    pub on_marker: Callback<(usize, usize, MarkerEvent)>,
    /// Term clicks: (entry, term occurrence).
    pub on_term: Callback<(usize, usize)>,
}

/// How a reader reached a marker.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MarkerEvent {
    /// Click, tap, Enter or Space.
    Activate,
    /// Pointer entered.
    HoverStart,
    /// Pointer left.
    HoverEnd,
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
        } => html! {
            <CitationGroup numbers={numbers.clone()} occurrence={*occurrence} ctx={ctx.clone()} />
        },
        Node::Term {
            entry,
            text,
            occurrence,
            lead,
        } => {
            let id = format!("{}term-{occurrence}", ctx.prefix);
            let open =
                matches!(ctx.popover, Some(Popover::Term { mark, .. }) if mark == *occurrence);
            let (entry, occ) = (*entry, *occurrence);
            let onclick = ctx.on_term.reform(move |_: MouseEvent| (entry, occ));
            let button = html! {
                <button type="button" class="ea-term" id={id} aria-expanded={open.to_string()}
                    aria-controls={open.then(|| format!("{}popover", ctx.prefix))}
                    aria-haspopup="dialog" onclick={onclick}>{text.clone()}</button>
            };
            if lead.is_empty() {
                button
            } else {
                html! { <span class="ea-nowrap">{lead.clone()}{button}</span> }
            }
        }
    }
}
