//! A citation marker group: superscript buttons "2, 3", each naming its source.
//! Its props are plain data (numbers, which one is open, the labels), so a group
//! re-renders only when its own popover opens or closes, or the labels change.

use std::rc::Rc;

use yew::prelude::*;

use crate::components::context::use_widget;
use crate::state::focus::{marker_id, popover_id};
use crate::state::{Popover, PopoverAction};

/// Props of [`CitationGroup`].
#[derive(Properties, Clone, PartialEq, Debug)]
pub struct CitationGroupProps {
    /// Citation numbers in the author's order.
    pub numbers: Vec<usize>,
    /// Marker occurrence index.
    pub occurrence: usize,
    /// The number whose popover is open at this marker, if any.
    #[prop_or_default]
    pub open: Option<usize>,
    /// Accessible name for each reference number (index = number - 1).
    pub labels: Rc<Vec<String>>,
}

impl CitationGroupProps {
    /// Props for the group at `occurrence`, given the open popover.
    pub fn new(
        numbers: &[usize],
        occurrence: usize,
        popover: Option<Popover>,
        labels: &Rc<Vec<String>>,
    ) -> Self {
        let open = match popover {
            Some(Popover::Cite { number, marker, .. }) if marker == occurrence => Some(number),
            _ => None,
        };
        Self {
            numbers: numbers.to_vec(),
            occurrence,
            open,
            labels: labels.clone(),
        }
    }
}

/// One or more numbered citation buttons.
#[function_component(CitationGroup)]
pub fn citation_group(p: &CitationGroupProps) -> Html {
    crate::components::renders::count(crate::components::renders::Counted::CitationGroup);
    let ctx = use_widget();
    let marker = p.occurrence;
    let popover = popover_id(&ctx.prefix);
    let buttons = p.numbers.iter().enumerate().map(|(i, &number)| {
        let open = p.open == Some(number);
        let label = p
            .labels
            .get(number.wrapping_sub(1))
            .map(|l| format!("Reference {number}: {l}"))
            .unwrap_or_else(|| format!("Reference {number}"));
        let send = |a: PopoverAction| ctx.dispatch.reform(move |_: MouseEvent| a.into());
        let onclick = send(PopoverAction::MarkerPress { number, marker });
        let onmouseenter = send(PopoverAction::MarkerEnter { number, marker });
        let onmouseleave = send(PopoverAction::MarkerLeave);
        html! {
            <>
                if i > 0 { <span class="ea-cite__sep">{", "}</span> }
                <button type="button" class="ea-cite__btn" id={marker_id(&ctx.prefix, marker, number)}
                    aria-label={label} aria-expanded={open.to_string()} aria-haspopup="dialog"
                    aria-controls={open.then(|| popover.clone())}
                    aria-describedby={open.then(|| popover.clone())}
                    data-ref={number.to_string()}
                    {onclick} {onmouseenter} {onmouseleave}>{number}</button>
            </>
        }
    });
    html! { <sup class="ea-cite">{for buttons}</sup> }
}
