//! A citation marker group: superscript buttons "2, 3", each naming its source.

use yew::prelude::*;

use crate::components::inline::{InlineCtx, MarkerEvent};
use crate::state::Popover;

/// Props of [`CitationGroup`].
#[derive(Properties, Clone, PartialEq)]
pub struct CitationGroupProps {
    /// Citation numbers in the author's order.
    pub numbers: Vec<usize>,
    /// Marker occurrence index.
    pub occurrence: usize,
    /// Inline context.
    pub ctx: InlineCtx,
}

/// Element id of one marker button.
pub fn marker_id(prefix: &str, occurrence: usize, number: usize) -> String {
    format!("{prefix}cite-{occurrence}-{number}")
}

/// One or more numbered citation buttons.
#[function_component(CitationGroup)]
pub fn citation_group(p: &CitationGroupProps) -> Html {
    let ctx = &p.ctx;
    let occ = p.occurrence;
    let buttons = p.numbers.iter().enumerate().map(|(i, &n)| {
        let open = matches!(ctx.popover, Some(Popover::Cite { number, marker, .. }) if number == n && marker == occ);
        let label = ctx
            .labels
            .get(n.wrapping_sub(1))
            .map(|l| format!("Reference {n}: {l}"))
            .unwrap_or_else(|| format!("Reference {n}"));
        let cb = ctx.on_marker.clone();
        let onclick = {
            let cb = cb.clone();
            move |_: MouseEvent| cb.emit((n, occ, MarkerEvent::Activate))
        };
        let onmouseenter = {
            let cb = cb.clone();
            move |_: MouseEvent| cb.emit((n, occ, MarkerEvent::HoverStart))
        };
        let onmouseleave = move |_: MouseEvent| cb.emit((n, occ, MarkerEvent::HoverEnd));
        let popover_id = format!("{}popover", ctx.prefix);
        html! {
            <>
                if i > 0 { <span class="ea-cite__sep">{", "}</span> }
                <button type="button" class="ea-cite__btn" id={marker_id(&ctx.prefix, occ, n)}
                    aria-label={label} aria-expanded={open.to_string()} aria-haspopup="dialog"
                    aria-controls={open.then(|| popover_id.clone())}
                    aria-describedby={open.then(|| popover_id.clone())}
                    data-ref={n.to_string()}
                    {onclick} {onmouseenter} {onmouseleave}>{n}</button>
            </>
        }
    });
    html! { <sup class="ea-cite">{for buttons}</sup> }
}
