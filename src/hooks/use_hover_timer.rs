//! The one hover timer: runs while the state has a pending hover delay and reports
//! when it elapses. A new delay (or none) cancels the previous timer, and so does
//! unmounting.

use yew::prelude::*;

use crate::state::{Action, PendingHover, PopoverAction, HOVER_MS};

/// Runs the timer for `pending`; dispatches the elapsed action through `dispatch`.
#[hook]
pub fn use_hover_timer(pending: Option<PendingHover>, dispatch: Callback<Action>) {
    use_effect_with(pending, move |pending| {
        let timer = pending.map(|p| {
            crate::dom::timeout(HOVER_MS, move || {
                dispatch.emit(PopoverAction::HoverElapsed(p.generation).into())
            })
        });
        move || drop(timer)
    });
}
