//! A glossary term in the text: a button that opens (or closes) its definition.

use yew::prelude::*;

use crate::components::context::use_widget;
use crate::state::focus::{popover_id, term_id};
use crate::state::PopoverAction;

/// Props of [`TermButton`].
#[derive(Properties, Clone, PartialEq, Debug)]
pub struct TermButtonProps {
    /// Glossary index.
    pub entry: usize,
    /// Term occurrence index (for its id).
    pub occurrence: usize,
    /// The text as written.
    pub text: AttrValue,
    /// Whether its definition is open here.
    #[prop_or_default]
    pub open: bool,
}

/// A marked glossary term.
#[function_component(TermButton)]
pub fn term_button(p: &TermButtonProps) -> Html {
    let ctx = use_widget();
    let (entry, mark) = (p.entry, p.occurrence);
    let onclick = ctx
        .dispatch
        .reform(move |_: MouseEvent| PopoverAction::TermPress { entry, mark }.into());
    html! {
        <button type="button" class="ea-term" id={term_id(&ctx.prefix, mark)} aria-expanded={p.open.to_string()}
            aria-controls={p.open.then(|| popover_id(&ctx.prefix))}
            aria-haspopup="dialog" {onclick}>{p.text.clone()}</button>
    }
}
