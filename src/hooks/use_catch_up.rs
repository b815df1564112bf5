//! Carries out a stepped audience switch (`crate::state::switch`): the parts on
//! screen have been caught up in the switch's own render (the picker and the host
//! control read them before dispatching, while layout is clean); a switch that did
//! not (no DOM yet) catches them up here, at once. The others follow a few at a time,
//! one timer task each, nearest to the reader first.

use yew::prelude::*;

use crate::state::{
    switch::{next_parts, next_step},
    Action,
};

/// Parts caught up per later task.
const CHUNK: usize = 10;

/// Catches up the `lagging` parts (sorted indexes) of the widget under `root`;
/// `screen_caught_up`: whether the parts on screen have been already
/// (`WidgetState::screen_caught_up`).
#[hook]
pub fn use_catch_up(
    root: NodeRef,
    screen_caught_up: bool,
    lagging: Vec<usize>,
    dispatch: Callback<Action>,
) {
    use_effect_with(lagging, move |lagging| {
        let mut timer = None;
        // A switch from the picker has caught up the parts on screen already (read
        // before the render, while layout was clean, even when none was on screen);
        // one from the host has not: read now (this forces a layout).
        let now = if screen_caught_up || lagging.is_empty() {
            Vec::new()
        } else {
            next_parts(lagging, &on_screen(&root), 0)
        };
        if !now.is_empty() {
            dispatch.emit(Action::CatchUp(now));
        } else if !lagging.is_empty() {
            let lagging = lagging.clone();
            timer = Some(crate::dom::timeout(0, move || {
                let next = next_step(&lagging, CHUNK, || on_screen(&root));
                dispatch.emit(Action::CatchUp(next));
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
