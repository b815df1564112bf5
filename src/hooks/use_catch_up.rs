//! Carries out a stepped audience switch (`crate::state::switch`): the parts on
//! screen have been caught up in the switch's own render (the picker and the host
//! control read them before dispatching, while layout is clean); a switch that did
//! not (no DOM yet) catches them up here, at once. The others follow a few at a time,
//! one timer task each, nearest to the reader first; the reference list in a step of
//! its own, its new list built in a task before.

use std::cell::RefCell;
use std::rc::Rc;

use yew::prelude::*;

use gloo::timers::callback::Timeout;

use crate::state::{
    switch::{next_parts, next_step},
    Action,
};
use crate::viewmodel::ArticleView;

/// Parts caught up per later task.
const CHUNK: usize = 10;

/// Catches up the `lagging` parts (sorted indexes) of the widget under `root`;
/// `screen_caught_up`: whether the parts on screen have been already
/// (`WidgetState::screen_caught_up`); `refs`: the reference list's part, which
/// `view` (the current audience's) will show.
#[hook]
pub fn use_catch_up(
    root: NodeRef,
    screen_caught_up: bool,
    lagging: Vec<usize>,
    refs: usize,
    view: Rc<ArticleView>,
    dispatch: Callback<Action>,
) {
    use_effect_with(lagging, move |lagging| {
        let mut timer = None;
        // Set from inside `timer`'s callback (never replacing `timer` itself there).
        let later: Rc<RefCell<Option<Timeout>>> = Rc::default();
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
            let (lagging, slot) = (lagging.clone(), later.clone());
            timer = Some(crate::dom::timeout(0, move || {
                let next = next_step(&lagging, CHUNK, refs, || on_screen(&root));
                // The reference list alone: its list built in this task if it was not
                // (~5–8 ms at 200 sections), rendered in the next.
                if next == [refs] && view.prepare_references() {
                    let step = crate::dom::timeout(0, move || dispatch.emit(Action::CatchUp(next)));
                    *slot.borrow_mut() = Some(step);
                } else {
                    dispatch.emit(Action::CatchUp(next));
                }
            }));
        }
        move || {
            drop(timer);
            drop(later.take());
        }
    });
}

fn on_screen(root: &NodeRef) -> Vec<usize> {
    root.cast::<web_sys::Element>()
        .map(|el| crate::dom::parts_on_screen(&el))
        .unwrap_or_default()
}
