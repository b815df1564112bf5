//! Carries out a stepped audience switch (`crate::state::switch`): the parts on
//! screen have been caught up in the switch's own render (the picker and the host
//! control read them before dispatching, while layout is clean); a switch that did
//! not (no DOM yet) catches them up here, at once. The others follow a few at a time,
//! one timer task each, nearest to the reader first.

use yew::prelude::*;

use crate::state::{switch::next_parts, Action};

/// Parts caught up per later task.
const CHUNK: usize = 10;

/// Catches up the `lagging` parts (sorted indexes, of `parts` in all) of the widget
/// under `root`.
#[hook]
pub fn use_catch_up(root: NodeRef, parts: usize, lagging: Vec<usize>, dispatch: Callback<Action>) {
    let started = use_mut_ref(|| false);
    use_effect_with(lagging, move |lagging| {
        let mut timer = None;
        // A switch from the picker has caught up the parts on screen already (read
        // before the render, while layout was clean); one from the host has not.
        let first = lagging.len() == parts && !*started.borrow();
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
            timer = Some(crate::dom::timeout(0, move || {
                dispatch.emit(Action::CatchUp(next_parts(
                    &lagging,
                    &on_screen(&root),
                    CHUNK,
                )));
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
