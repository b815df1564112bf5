//! Routes a component's status message to the widget's one live region, so screen
//! readers hear every announcement from the same place.

use yew::prelude::*;

use crate::components::context::use_widget;
use crate::state::Action;

/// Announces `message` whenever it changes to a non-empty text.
#[hook]
pub fn use_announce(message: String) {
    let dispatch = use_widget().dispatch;
    use_effect_with(message, move |m| {
        if !m.is_empty() {
            dispatch.emit(Action::Announce(m.clone()));
        }
    });
}
