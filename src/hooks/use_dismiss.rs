//! While a popover is open: Escape, or a pointer press outside the popover and its
//! anchor, dismisses it. The Escape listener lives as long as the widget and acts only
//! while a popover is open (a flag set when the popover renders, so a key pressed as
//! soon as it shows is seen even when effects run in a later task); the press listener
//! lives exactly as long as that popover.

use std::cell::Cell;
use std::rc::Rc;

use gloo::events::EventListener;
use yew::prelude::*;

use crate::dom;
use crate::state::{focus::popover_id, Action, Dismiss, FocusTarget, PopoverAction};

/// Installs document listeners for the popover anchored at `anchor`, if any.
#[hook]
pub fn use_dismiss(
    root: NodeRef,
    prefix: AttrValue,
    anchor: Option<FocusTarget>,
    dispatch: Callback<Action>,
) {
    let open = use_memo((), |_| Rc::new(Cell::new(false)));
    open.set(anchor.is_some());
    {
        let (open, dispatch) = ((*open).clone(), dispatch.clone());
        use_effect_with((), move |_| {
            let on_key = dom::window().and_then(|w| w.document()).map(|doc| {
                EventListener::new(&doc, "keydown", move |e| {
                    let key =
                        wasm_bindgen::JsCast::dyn_ref::<web_sys::KeyboardEvent>(e).map(|k| k.key());
                    if open.get() && key.as_deref() == Some("Escape") {
                        dispatch.emit(PopoverAction::Dismiss(Dismiss::Escape).into());
                    }
                })
            });
            move || drop(on_key)
        });
    }
    use_effect_with(anchor, move |anchor| {
        let listener = anchor
            .as_ref()
            .and_then(|a| listen(&root, &prefix, &a.element_id(&prefix), dispatch));
        move || drop(listener)
    });
}

fn listen(
    root: &NodeRef,
    prefix: &str,
    anchor: &str,
    dispatch: Callback<Action>,
) -> Option<EventListener> {
    let doc = dom::window()?.document()?;
    let root_el: web_sys::Element = root.cast()?;
    let (popover, anchor) = (popover_id(prefix), anchor.to_owned());
    Some(EventListener::new(&doc, "pointerdown", move |e| {
        let inside = |id: &str| dom::find(&root_el, id).is_some_and(|el| dom::event_within(e, &el));
        // Presses on the share controls keep the popover: it is part of the link.
        let on_share = dom::path_any(e, |el| el.class_list().contains("ea-share"));
        if inside(&popover) || inside(&anchor) || on_share {
            return;
        }
        let interactive = dom::pressed_interactive(e);
        if interactive {
            // A hidden popover hands focus back to whatever had it before (and
            // scrolls there), which would pull the page from under the press.
            dom::blur_within(&root_el, &popover);
        }
        dispatch.emit(PopoverAction::Dismiss(Dismiss::OutsidePress { interactive }).into());
    }))
}
