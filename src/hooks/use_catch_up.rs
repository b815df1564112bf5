//! Carries out a stepped audience switch (`crate::state::switch`): when a switch
//! begins, the parts on screen (and half a screen around) are caught up at once, in
//! the same task, so the first frame shows the new audience wherever the reader
//! looks; the others follow a few at a time, one timer task each, nearest first.

use gloo::timers::callback::Timeout;
use yew::prelude::*;

use crate::state::{switch::next_parts, Action};

/// Parts caught up per later task.
const CHUNK: usize = 10;

/// Catches up the `lagging` parts (sorted indexes) of the widget under `root`.
#[hook]
pub fn use_catch_up(root: NodeRef, lagging: Vec<usize>, dispatch: Callback<Action>) {
    let started = use_mut_ref(|| false);
    use_effect_with(lagging, move |lagging| {
        let mut timer = None;
        let first = !lagging.is_empty() && !*started.borrow();
        *started.borrow_mut() = !lagging.is_empty();
        let now = if first {
            next_parts(lagging, &on_screen(&root), 0)
        } else {
            Vec::new()
        };
        if !now.is_empty() {
            dispatch.emit(Action::CatchUp(now));
        } else if !lagging.is_empty() {
            let lagging = lagging.clone();
            timer = Some(Timeout::new(0, move || {
                dispatch.emit(Action::CatchUp(next_parts(&lagging, &on_screen(&root), CHUNK)));
            }));
        }
        move || drop(timer)
    });
}

fn on_screen(root: &NodeRef) -> Vec<usize> {
    root.cast::<web_sys::Element>()
        .map(|el| crate::dom::parts_on_screen(&el))
        .unwrap_or_default()
}
