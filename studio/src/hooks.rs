//! The studio's side effects, each a custom hook on `use_effect_with`: the
//! debounced analysis, the draft's autosave, the warning before closing the page
//! with text not kept yet.

use std::rc::Rc;

use gloo::events::{EventListener, EventListenerOptions};
use gloo::timers::callback::Timeout;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::check::{self, Analysis};
use crate::draft::{DraftAction, SaveState};

/// Milliseconds of quiet typing before the text is analysed.
pub const ANALYSE_AFTER_MS: u32 = 300;
/// Milliseconds of quiet typing before the draft is stored.
pub const SAVE_AFTER_MS: u32 = 500;

/// The analysis of `text`, recomputed once typing pauses. The flag says whether it
/// is up to date with `text`.
#[hook]
pub fn use_analysis(text: Rc<str>) -> (Rc<Analysis>, bool) {
    let state = use_state(|| (Rc::new(check::analyse(&text)), text.clone()));
    {
        let state = state.clone();
        use_effect_with(text.clone(), move |text| {
            let text = text.clone();
            let timer = Timeout::new(ANALYSE_AFTER_MS, move || {
                state.set((Rc::new(check::analyse(&text)), text));
            });
            move || drop(timer)
        });
    }
    (state.0.clone(), state.1 == text)
}

/// Stores the draft once typing pauses and reports the outcome.
#[hook]
pub fn use_autosave(
    text: Rc<str>,
    revision: u64,
    save: SaveState,
    dispatch: Callback<DraftAction>,
) {
    use_effect_with(
        (revision, save == SaveState::Pending),
        move |&(revision, pending)| {
            let timer = pending.then(|| {
                Timeout::new(SAVE_AFTER_MS, move || {
                    dispatch.emit(match crate::browser::save_draft(&text) {
                        Ok(()) => DraftAction::Stored(revision),
                        Err(e) => DraftAction::StoreFailed(revision, e.to_string()),
                    })
                })
            });
            move || drop(timer)
        },
    );
}

/// Asks the browser to warn before the page is closed or reloaded while `at_risk`.
#[hook]
pub fn use_before_unload(at_risk: bool) {
    use_effect_with(at_risk, move |&at_risk| {
        let listener = at_risk.then(web_sys::window).flatten().map(|w| {
            EventListener::new_with_options(
                &w,
                "beforeunload",
                EventListenerOptions::enable_prevent_default(),
                |e| {
                    e.prevent_default();
                    if let Some(e) = e.dyn_ref::<web_sys::BeforeUnloadEvent>() {
                        e.set_return_value("");
                    }
                },
            )
        });
        move || drop(listener)
    });
}
