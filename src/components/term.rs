//! A glossary term in the text: a button that opens (or closes) its definition. A
//! plain function, not a component: it renders as part of its section, which already
//! re-renders only when a popover anchored in it opens or closes.

use yew::prelude::*;

use crate::state::focus::{popover_id, term_id};
use crate::state::{Action, PopoverAction};

/// A marked glossary term: glossary `entry`, term occurrence `mark`, whether its
/// definition is open here.
pub fn term_button(
    entry: usize,
    mark: usize,
    text: &str,
    open: bool,
    prefix: &str,
    dispatch: &Callback<Action>,
) -> Html {
    let onclick =
        dispatch.reform(move |_: MouseEvent| PopoverAction::TermPress { entry, mark }.into());
    html! {
        <button type="button" class="ea-term" id={term_id(prefix, mark)} aria-expanded={open.to_string()}
            aria-controls={open.then(|| popover_id(prefix))}
            aria-haspopup="dialog" {onclick}>{text.to_owned()}</button>
    }
}
